//! Which states are bound by which instruments, and from when: `policies/ratifications.toml`,
//! built from the project's legal sources with a source on every row. Bindingness is decided at
//! a date, for the state that owes a rule's duty, within the territory a ratification covers.

use serde::{Deserialize, Serialize};

use super::ast::{Duty, Party, Rule, Strength};
use crate::vocab::{Date, FastMap};

/// What the data says of one instrument for one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Ratified (or applied to a territory by declaration).
    Ratified,
    /// Not ratified, as of the row's `as_of` date where it has one.
    NotRatified,
    /// The sources could not tell.
    Unknown,
}

/// When a state ratified: the day, or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ratified {
    /// The day of registration or deposit.
    On(Date),
    /// Only the year is known.
    In(i32),
}

impl Ratified {
    fn parse(text: &str) -> Option<Ratified> {
        match text.len() {
            4 => text.parse().ok().map(Ratified::In),
            _ => Date::parse(text).map(Ratified::On),
        }
    }

    /// The earliest and latest day it can have been.
    fn bounds(self) -> (Date, Date) {
        match self {
            Ratified::On(d) => (d, d),
            Ratified::In(y) => (Date::first_of_year(y), Date::last_of_year(y)),
        }
    }
}

impl std::fmt::Display for Ratified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ratified::On(d) => d.fmt(f),
            Ratified::In(y) => y.fmt(f),
        }
    }
}

impl Serialize for Ratified {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ratified {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ratified::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is neither a year nor a date"))
        })
    }
}

/// One row of the ratification data: one state and one instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// ISO 3166-1 alpha-3 code.
    pub state: String,
    /// Instrument code (`C097`, `C143`, `C189`, `ICRMW`, …).
    pub instrument: String,
    /// What the sources say.
    pub status: Status,
    /// Registration (ILO) or deposit (UN) of the ratification, by day or year.
    #[serde(default)]
    pub ratified: Option<Ratified>,
    /// Where the day is unknown or the sources conflict: the day by which it had certainly happened.
    #[serde(default)]
    pub ratified_by: Option<Date>,
    /// Entry into force for the state, where a source prints or computes it.
    #[serde(default)]
    pub in_force: Option<Date>,
    /// `source` (printed by the source) or `computed` (from the instrument's rule).
    #[serde(default)]
    pub in_force_basis: Option<String>,
    /// The part of the state the ratification covers, where not all of it.
    #[serde(default)]
    pub territory: Option<String>,
    /// Parts excluded by declaration (`annex_i`, `part_ii`, …).
    #[serde(default)]
    pub excluded: Vec<String>,
    /// Whether the sources leave the excluded parts unknown.
    #[serde(default)]
    pub exclusions_unknown: bool,
    /// The day a denunciation took effect.
    #[serde(default)]
    pub denounced: Option<Date>,
    /// For `not-ratified`: the date of the complete list that settles it.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// Conflicts between sources, signatures, and the like.
    #[serde(default)]
    pub note: Option<String>,
    /// Where this comes from.
    pub source: String,
}

/// How an instrument enters into force for a state that ratifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryRule {
    /// Twelve months after registration (the ILO's final clauses).
    TwelveMonths,
    /// The first day of the month after three months from deposit (ICRMW Art 87(2)).
    FirstOfMonthAfterThreeMonths,
}

/// An instrument's entry-into-force rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Instrument code.
    pub code: String,
    /// The rule for each state.
    pub entry_into_force: EntryRule,
    /// The instrument's own entry into force: no state is bound before it.
    #[serde(default)]
    pub in_force_from: Option<Date>,
    /// Where the rule comes from.
    pub source: String,
}

impl Instrument {
    /// The day a ratification registered or deposited on `day` enters into force.
    pub fn in_force_after(&self, day: Date) -> Date {
        let own = match self.entry_into_force {
            EntryRule::TwelveMonths => day.add_months(12),
            EntryRule::FirstOfMonthAfterThreeMonths => day.add_months(3).first_of_next_month(),
        };
        self.in_force_from.map_or(own, |start| own.max(start))
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    instrument: Vec<Instrument>,
    ratification: Vec<Entry>,
}

/// The ratification data, indexed by state and instrument. It is serialized as the data file's
/// instruments and rows, and the index is built again when it is read.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "File", into = "File")]
pub struct Ratifications {
    instruments: Vec<Instrument>,
    entries: Vec<Entry>,
    /// Each row's place, by state, then instrument.
    index: FastMap<String, FastMap<String, usize>>,
}

/// Where an instrument stands for a state at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Ratified and in force at the date.
    InForce,
    /// Ratified by the date, in force only later.
    RatifiedNotInForce,
    /// Not ratified at the date.
    NotRatified,
    /// Denounced with effect by the date.
    Denounced,
    /// The sources cannot settle it.
    Unknown,
    /// Soft law: nothing to ratify.
    NotATreaty,
}

/// Why a provision does or does not bind a state: the fact a report puts into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// In force at the date, for the whole program.
    InForce,
    /// Soft law: a standard of reference.
    NotATreaty,
    /// No row: the sources do not say.
    NoData,
    /// The row says the sources could not tell.
    Unknown,
    /// Not ratified, as of the list's date (on or after the date judged).
    NotRatified,
    /// Not ratified as of the list's date, which is before the date judged; later ratification
    /// is not verified.
    NotRatifiedLaterUnverified,
    /// Ratified after the date judged.
    RatifiedLater,
    /// Ratified, in force only after the date judged.
    NotYetInForce,
    /// Only the year, or no day at all, is known: whether in force at the date cannot be settled.
    DateUncertain,
    /// Denounced with effect by the date.
    Denounced,
    /// The part the rule cites was excluded by declaration.
    PartExcluded,
    /// Whether the part the rule cites was excluded is not known.
    ExclusionsUnknown,
    /// In force only for part of the state, and the program is not limited to that part.
    TerritoryLimited,
}

/// Whether a rule binds one state of a program, at the date judged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Binding {
    /// The part the state plays.
    pub party: Party,
    /// The state's code.
    pub state: String,
    /// The instrument.
    pub instrument: String,
    /// Whether this state owes the rule's duty.
    pub duty: bool,
    /// Where the instrument stands for the state at the date.
    pub status: Standing,
    /// Why it binds or not.
    pub reason: Reason,
    /// Whether the provision is a legal obligation of this state at the date.
    pub binds: bool,
    /// Ratification, by day or year.
    pub ratified: Option<Ratified>,
    /// The day by which it had certainly been ratified, where the day is unknown.
    pub ratified_by: Option<Date>,
    /// Entry into force for the state, printed by a source or computed by the instrument's rule.
    pub in_force: Option<Date>,
    /// Denunciation.
    pub denounced: Option<Date>,
    /// For a state not ratified: the date of the list that settles it.
    pub as_of: Option<Date>,
    /// The part of the state the ratification covers, where not all of it.
    pub territory: Option<String>,
    /// The part of the instrument the rule cites, if a state may exclude it.
    pub part: Option<String>,
    /// Where the data comes from.
    pub source: Option<String>,
}

/// Where the date bindingness is judged at comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateBasis {
    /// The program's `as_of`.
    Program,
    /// Given on the command line (`--as-of`).
    Given,
    /// Neither: today.
    Today,
}

/// The date bindingness is judged at, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Judged {
    /// The date.
    pub date: Date,
    /// Its basis.
    pub basis: DateBasis,
}

/// What the program says that bindingness depends on.
#[derive(Debug, Clone, Copy)]
pub struct Setting<'a> {
    /// The date judged.
    pub date: Date,
    /// The part of the destination state the program covers, if limited.
    pub territory: Option<&'a str>,
}

/// The ratification data as shipped, embedded in the binary.
pub(crate) const EMBEDDED: &str = include_str!("../../policies/ratifications.toml");

impl Ratifications {
    /// The data shipped with fairpath, from the compiled image (`rules::image`), or parsed
    /// from its text where the image was not made from it.
    pub fn embedded() -> Self {
        super::image::ratifications(super::image::SHIPPED).unwrap_or_else(|_| Self::from_text())
    }

    /// The data shipped with fairpath, parsed from its text.
    // The one exception to the no-panic rule in this module: the data is compiled into the
    // binary and checked by the test suite, so it cannot fail to parse at run time, and no
    // fallback makes sense (empty data would silently make every instrument's bindingness
    // unknown and change every verdict).
    #[allow(clippy::panic)]
    pub fn from_text() -> Self {
        Self::parse(EMBEDDED).unwrap_or_else(|e| panic!("the shipped ratification data: {e}"))
    }

    /// Parses data in the shipped format.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str::<File>(text)
            .map_err(|e| e.to_string())?
            .try_into()
    }

    /// The row for `state` and `instrument`, if any.
    pub fn lookup(&self, state: &str, instrument: &str) -> Option<&Entry> {
        self.index
            .get(state)?
            .get(instrument)
            .and_then(|&i| self.entries.get(i))
    }

    /// Every row, in the data's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The instruments the data knows, with their entry-into-force rules.
    pub fn instruments(&self) -> &[Instrument] {
        &self.instruments
    }

    /// The entry-into-force rule of `code`, if the data has one.
    pub fn instrument(&self, code: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.code == code)
    }

    /// The entry into force of a row: as the data gives it, or by the instrument's rule from
    /// an exact ratification day.
    pub fn in_force(&self, e: &Entry) -> Option<Date> {
        e.in_force.or_else(|| match e.ratified {
            Some(Ratified::On(day)) => self
                .instrument(&e.instrument)
                .map(|i| i.in_force_after(day)),
            _ => None,
        })
    }

    /// Where `instrument` stands for the state of row `e` at `date`, and why.
    pub fn standing(&self, e: &Entry, date: Date) -> (Standing, Reason) {
        match e.status {
            Status::Unknown => return (Standing::Unknown, Reason::Unknown),
            Status::NotRatified => {
                let later = e.as_of.is_some_and(|list| list < date);
                let reason = if later {
                    Reason::NotRatifiedLaterUnverified
                } else {
                    Reason::NotRatified
                };
                return (Standing::NotRatified, reason);
            }
            Status::Ratified => {}
        }
        if e.denounced.is_some_and(|d| d <= date) {
            return (Standing::Denounced, Reason::Denounced);
        }
        let known = self.in_force(e);
        if known.is_some_and(|day| day <= date) {
            return (Standing::InForce, Reason::InForce);
        }
        let bounds = e.ratified.map(Ratified::bounds);
        if bounds.is_some_and(|(earliest, _)| date < earliest) {
            return (Standing::NotRatified, Reason::RatifiedLater);
        }
        let ratified_by = bounds.map(|(_, latest)| latest).or(e.ratified_by);
        if known.is_some() && ratified_by.is_some_and(|day| day <= date) {
            return (Standing::RatifiedNotInForce, Reason::NotYetInForce);
        }
        let in_force_by = self
            .instrument(&e.instrument)
            .zip(ratified_by)
            .map(|(rule, day)| rule.in_force_after(day));
        if known.is_none() && in_force_by.is_some_and(|day| day <= date) {
            return (Standing::InForce, Reason::InForce);
        }
        (Standing::Unknown, Reason::DateUncertain)
    }

    /// Whether `rule` binds the state `code`, which plays `party` in a program, in `setting`.
    pub fn binding(&self, rule: &Rule, party: Party, code: &str, setting: Setting<'_>) -> Binding {
        let entry = self.lookup(code, &rule.instrument);
        let mut b = Binding {
            party,
            state: code.into(),
            instrument: rule.instrument.clone(),
            duty: rule.duty.owed_by(party),
            status: Standing::Unknown,
            reason: Reason::NoData,
            binds: false,
            ratified: entry.and_then(|e| e.ratified),
            ratified_by: entry.and_then(|e| e.ratified_by),
            in_force: entry.and_then(|e| self.in_force(e)),
            denounced: entry.and_then(|e| e.denounced),
            as_of: entry.and_then(|e| e.as_of),
            territory: entry.and_then(|e| e.territory.clone()),
            part: rule.part.clone(),
            source: entry.map(|e| e.source.clone()),
        };
        if rule.strength != Strength::Binding {
            b.status = Standing::NotATreaty;
            b.reason = Reason::NotATreaty;
            return b;
        }
        let Some(e) = entry else {
            return b;
        };
        (b.status, b.reason) = self.standing(e, setting.date);
        if b.status != Standing::InForce {
            return b;
        }
        let part = rule.part.as_ref();
        b.reason = if part.is_some_and(|p| e.excluded.contains(p)) {
            Reason::PartExcluded
        } else if part.is_some() && e.exclusions_unknown {
            Reason::ExclusionsUnknown
        } else if e.territory.as_deref().is_some_and(|limit| {
            party != Party::Destination
                || !setting
                    .territory
                    .is_some_and(|t| t.eq_ignore_ascii_case(limit))
        }) {
            Reason::TerritoryLimited
        } else {
            Reason::InForce
        };
        b.binds = b.duty && b.reason == Reason::InForce;
        b
    }
}

impl TryFrom<File> for Ratifications {
    type Error = String;

    fn try_from(file: File) -> Result<Self, String> {
        let mut index: FastMap<String, FastMap<String, usize>> = FastMap::default();
        for (i, e) in file.ratification.iter().enumerate() {
            if index
                .entry(e.state.clone())
                .or_default()
                .insert(e.instrument.clone(), i)
                .is_some()
            {
                return Err(format!("two rows for {} and {}", e.state, e.instrument));
            }
        }
        Ok(Ratifications {
            instruments: file.instrument,
            entries: file.ratification,
            index,
        })
    }
}

impl From<Ratifications> for File {
    fn from(r: Ratifications) -> Self {
        File {
            instrument: r.instruments,
            ratification: r.entries,
        }
    }
}

impl Duty {
    /// Which parties' states owe this duty, destination first.
    pub fn parties(self) -> impl Iterator<Item = Party> {
        Party::ALL.into_iter().filter(move |p| self.owed_by(*p))
    }
}
