//! Which states are bound by which instruments: `policies/ratifications.toml`, built from the
//! legal brief with its years and sources.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::ast::{Rule, Strength};

/// Ratification status of one instrument for one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Ratified (or applied, for a territory).
    Ratified,
    /// Not ratified, as of the source's date.
    NotRatified,
    /// The sources could not tell.
    Unknown,
}

/// One row of the ratification data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// ISO 3166-1 alpha-3 code.
    pub state: String,
    /// Instrument code (`C097`, `C143`, `C189`, `ICRMW`, …).
    pub instrument: String,
    /// Status.
    pub status: Status,
    /// Year of ratification.
    #[serde(default)]
    pub year: Option<u32>,
    /// Date of ratification (`YYYY-MM-DD`), where the sources give one.
    #[serde(default)]
    pub date: Option<String>,
    /// Parts excluded by declaration (`annex_i`, `annex_ii`, `annex_iii`).
    #[serde(default)]
    pub excluded: Vec<String>,
    /// Where this comes from.
    pub source: String,
}

#[derive(Deserialize)]
struct File {
    ratification: Vec<Entry>,
}

/// The ratification table, indexed by state and instrument.
#[derive(Debug, Clone, Default)]
pub struct Ratifications {
    entries: Vec<Entry>,
    index: HashMap<(String, String), usize>,
}

/// Whether an instrument binds one party to the program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Binding {
    /// `origin` or `destination`.
    pub party: &'static str,
    /// The state's code.
    pub state: String,
    /// The instrument.
    pub instrument: String,
    /// `ratified`, `not-ratified`, `unknown`, or `not-a-treaty` for soft law.
    pub ratified: String,
    /// Year of ratification, if known.
    pub year: Option<u32>,
    /// Whether the provision is a legal obligation of this state.
    pub binds: bool,
    /// A plain-words note.
    pub note: String,
}

const EMBEDDED: &str = include_str!("../../policies/ratifications.toml");

impl Ratifications {
    /// The table shipped with fairpath.
    pub fn embedded() -> Self {
        Self::parse(EMBEDDED).expect("the shipped ratification table parses")
    }

    /// Parses a table in the shipped format.
    pub fn parse(text: &str) -> Result<Self, String> {
        let entries = toml::from_str::<File>(text)
            .map_err(|e| e.to_string())?
            .ratification;
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.state.clone(), e.instrument.clone()), i))
            .collect();
        Ok(Ratifications { entries, index })
    }

    /// The row for `state` and `instrument`, if any.
    pub fn lookup(&self, state: &str, instrument: &str) -> Option<&Entry> {
        self.index
            .get(&(state.to_string(), instrument.to_string()))
            .map(|&i| &self.entries[i])
    }

    /// Whether `rule` binds the state `code`, which plays `party` in the program.
    pub fn binding(&self, rule: &Rule, party: &'static str, code: &str) -> Binding {
        let base = Binding {
            party,
            state: code.into(),
            instrument: rule.instrument.clone(),
            ratified: "unknown".into(),
            year: None,
            binds: false,
            note: String::new(),
        };
        if rule.strength != Strength::Binding {
            return Binding {
                ratified: "not-a-treaty".into(),
                note: format!(
                    "{} is not a treaty obligation: a standard of reference",
                    rule.instrument
                ),
                ..base
            };
        }
        let Some(e) = self.lookup(code, &rule.instrument) else {
            return Binding { note: format!("ratification of {} by {code} is not known: reported as a standard of reference", rule.instrument), ..base };
        };
        let excluded = rule.part.as_ref().is_some_and(|p| e.excluded.contains(p));
        let (ratified, binds, note) = match e.status {
            Status::Ratified if excluded => (
                "ratified",
                false,
                format!(
                    "{code} ratified {} but excluded this part: a standard of reference",
                    rule.instrument
                ),
            ),
            Status::Ratified => {
                let when = e.date.clone().or(e.year.map(|y| y.to_string()));
                let when = when.map_or(String::new(), |d| format!(" {d}"));
                (
                    "ratified",
                    true,
                    format!("binding on {code} (ratified{when})"),
                )
            }
            Status::NotRatified => (
                "not-ratified",
                false,
                format!(
                    "{code} has not ratified {}: a standard of reference, not a legal obligation",
                    rule.instrument
                ),
            ),
            Status::Unknown => (
                "unknown",
                false,
                format!(
                    "ratification of {} by {code} could not be verified: a standard of reference",
                    rule.instrument
                ),
            ),
        };
        Binding {
            ratified: ratified.into(),
            year: e.year,
            binds,
            note,
            ..base
        }
    }
}
