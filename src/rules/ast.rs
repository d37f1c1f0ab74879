//! Compiled standard packs: rules with their metadata and type-checked conditions.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::image;
use crate::syntax::ast::Span;
use crate::vocab::{Lang, Term, Typed};

/// How binding a provision is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Non-binding guidance (civil-society asks, fair-recruitment principles).
    Guidance,
    /// Promotional: "should" or "may" (Recommendations, the Global Compact).
    Promotional,
    /// Binding on states that ratified it: "shall".
    Binding,
}

impl Strength {
    /// The word used in packs and reports.
    pub fn word(self) -> &'static str {
        match self {
            Strength::Binding => "binding",
            Strength::Promotional => "promotional",
            Strength::Guidance => "guidance",
        }
    }
}

/// Who owes the duty a provision sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duty {
    /// The destination state: the state of employment or residence.
    Destination,
    /// The origin state.
    Origin,
    /// Both states together: a cooperation duty of the states concerned.
    Joint,
    /// Each state for what happens in its territory, including as regulator of the employers
    /// and recruiters operating there.
    EachState,
}

impl Duty {
    /// Every duty bearer, with the word packs use for it.
    pub const ALL: [(Duty, &'static str); 4] = [
        (Duty::Destination, "destination"),
        (Duty::Origin, "origin"),
        (Duty::Joint, "joint"),
        (Duty::EachState, "each_state"),
    ];

    /// The word packs use.
    pub fn word(self) -> &'static str {
        Duty::ALL
            .iter()
            .find(|(d, _)| *d == self)
            .map_or("", |(_, w)| w)
    }

    /// Reads a pack's word.
    pub fn from_word(word: &str) -> Option<Duty> {
        Duty::ALL.iter().find(|(_, w)| *w == word).map(|(d, _)| *d)
    }

    /// Whether the state playing `party` in a program owes this duty.
    pub fn owed_by(self, party: Party) -> bool {
        match self {
            Duty::Destination => party == Party::Destination,
            Duty::Origin => party == Party::Origin,
            Duty::Joint | Duty::EachState => true,
        }
    }
}

/// What a rule is about, in the themes unions and civil-society texts use; the scorecard
/// counts findings by theme. Every theme is defined here, once, with its word; its name in each language is in the catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Theme {
    /// Changing employer, job loss, documents and freedom of movement.
    Mobility,
    /// Joining and forming unions, bargaining, consultation.
    Organising,
    /// Accompaniment, reunification, visits, pregnancy.
    Family,
    /// Permanent residence and regularisation.
    Residence,
    /// Recruiters, fees, contracts and information before departure.
    Recruitment,
    /// Pay, hours, rest, equal treatment at work and transfers of earnings.
    Wages,
    /// Accommodation and live-in terms.
    Housing,
    /// Social security, health care and safety.
    SocialProtection,
    /// Courts, complaints, inspection, information on rights and firewalls.
    Justice,
    /// Detention, expulsion and removal.
    Detention,
    /// Recognition of skills and qualifications, training.
    Skills,
    /// Agreements, their publication, monitoring and social dialogue.
    Governance,
}

impl Theme {
    /// Every theme, in report order, with the word packs use (reports name a theme from the
    /// catalogues, keyed `theme.<word>`).
    pub const ALL: [(Theme, &'static str); 12] = [
        (Theme::Mobility, "mobility"),
        (Theme::Organising, "organising"),
        (Theme::Family, "family"),
        (Theme::Residence, "residence"),
        (Theme::Recruitment, "recruitment"),
        (Theme::Wages, "wages"),
        (Theme::Housing, "housing"),
        (Theme::SocialProtection, "social_protection"),
        (Theme::Justice, "justice"),
        (Theme::Detention, "detention"),
        (Theme::Skills, "skills"),
        (Theme::Governance, "governance"),
    ];

    /// The word packs use.
    pub fn word(self) -> &'static str {
        Theme::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map_or("", |(_, w)| w)
    }

    /// Reads a pack's word.
    pub fn from_word(word: &str) -> Option<Theme> {
        Theme::ALL.iter().find(|(_, w)| *w == word).map(|(t, _)| *t)
    }
}

impl Serialize for Theme {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.word())
    }
}

impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = String::deserialize(d)?;
        Theme::from_word(&word)
            .ok_or_else(|| serde::de::Error::custom(format!("`{word}` is not a theme")))
    }
}

/// The part a state plays in a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    /// A destination state (`destination [..]`).
    Destination,
    /// An origin state (`origin [..]`).
    Origin,
}

impl Party {
    /// Both parts, destination first.
    pub const ALL: [Party; 2] = [Party::Destination, Party::Origin];

    /// The program term that names the states playing this part.
    pub fn term(self) -> &'static str {
        match self {
            Party::Destination => "destination",
            Party::Origin => "origin",
        }
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>=`
    Ge,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `<`
    Lt,
    /// `has`: a list contains the value.
    Has,
    /// `lacks`: a list does not contain the value.
    Lacks,
    /// `in`: the value is one of a list.
    In,
}

/// A type-checked condition. In the compiled image (`rules::image`) a term is written as its
/// path and a status category, trigger or cost as its word, each looked up in the vocabulary
/// when read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cond {
    /// All hold.
    And(Vec<Cond>),
    /// One holds.
    Or(Vec<Cond>),
    /// Does not hold.
    Not(Box<Cond>),
    /// The term is stated.
    Stated(#[serde(with = "image::term")] &'static Term),
    /// The term is not stated.
    Unstated(#[serde(with = "image::term")] &'static Term),
    /// `term op value`.
    Compare {
        /// The term.
        #[serde(with = "image::term")]
        term: &'static Term,
        /// The operator.
        op: Op,
        /// The typed operand.
        #[serde(with = "image::typed")]
        value: Typed,
    },
    /// A journey exists between status categories.
    Path {
        /// Start categories.
        #[serde(deserialize_with = "image::categories")]
        from: Vec<&'static str>,
        /// End categories.
        #[serde(deserialize_with = "image::categories")]
        to: Vec<&'static str>,
        /// Triggers the first step must be on.
        #[serde(deserialize_with = "image::triggers")]
        on: Option<Vec<&'static str>>,
        /// Categories the journey never enters.
        #[serde(deserialize_with = "image::categories")]
        avoiding: Vec<&'static str>,
    },
    /// A transition exists.
    Transition {
        /// From categories.
        #[serde(deserialize_with = "image::some_categories")]
        from: Option<Vec<&'static str>>,
        /// To categories.
        #[serde(deserialize_with = "image::some_categories")]
        to: Option<Vec<&'static str>>,
        /// Triggers.
        #[serde(deserialize_with = "image::triggers")]
        on: Option<Vec<&'static str>>,
        /// Parties whose consent and decision it must not need.
        without_consent: Vec<String>,
        /// It must open no later than this many days.
        by: Option<f64>,
    },
    /// A money flow exists.
    Flow {
        /// Payers.
        from: Option<Vec<String>>,
        /// Payees.
        to: Option<Vec<String>>,
        /// Costs.
        #[serde(deserialize_with = "image::costs")]
        costs: Option<Vec<&'static str>>,
        /// Only flows taken from wages.
        deducted: bool,
    },
}

/// Whether the condition must hold or must not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// `require`: violated when the condition is false.
    Require,
    /// `forbid`: violated when the condition is true.
    Forbid,
}

/// One rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    /// Stable id, such as `c143.art8.1`.
    pub id: String,
    /// The pack it belongs to.
    pub pack: String,
    /// Instrument code used for ratification look-ups (`C143`, `ICRMW`, `R086`, …).
    pub instrument: String,
    /// The part of the instrument a state may exclude (`annex_i`, `part_ii`), if any.
    pub part: Option<String>,
    /// Article and paragraph.
    pub cites: String,
    /// The id of the article this rule is one element of, where the article has several.
    pub element_of: Option<String>,
    /// Binding, promotional or guidance.
    pub strength: Strength,
    /// Who owes the duty.
    pub duty: Duty,
    /// What the rule is about.
    pub theme: Theme,
    /// The kind of obligation, as the legal brief codes it (`shall`, `conditional`, `progressive`, `ceiling`, `should`).
    pub obligation: String,
    /// Who the provision protects.
    pub scope: Vec<String>,
    /// One sentence.
    pub summary: String,
    /// Why, in plain words.
    pub rationale: String,
    /// What clause would fix a shortfall.
    pub remedy: String,
    /// A compliant clause, as a program would state it.
    pub example: String,
    /// Verification code from the legal brief (`V1`, `V2`, `V3`, `UNVERIFIED`).
    pub verified: String,
    /// Escalate severity: a combined finding (forced-labour indicators).
    pub high: bool,
    /// The summary, rationale and remedy in other languages than English.
    pub translations: BTreeMap<Lang, Translation>,
    /// The rule's span in its pack.
    pub span: Span,
    /// Scope and `applies` conditions, all of which must hold.
    #[serde(skip)]
    pub applies: Vec<Cond>,
    /// The scopes (places in the compiler's `SCOPES`) whose conditions end `applies`, in order:
    /// each is evaluated once per program and shared by every rule that names it.
    #[serde(skip)]
    pub scopes: Vec<usize>,
    /// The checks.
    #[serde(skip)]
    pub checks: Vec<(Polarity, Cond)>,
}

impl Rule {
    /// The rule's texts in `lang`, in English where the pack gives no translation.
    pub fn text(&self, lang: Lang) -> Texts<'_> {
        match self.translations.get(&lang) {
            Some(t) => Texts {
                lang,
                summary: &t.summary,
                rationale: &t.rationale,
                remedy: &t.remedy,
            },
            None => Texts {
                lang: Lang::En,
                summary: &self.summary,
                rationale: &self.rationale,
                remedy: &self.remedy,
            },
        }
    }
}

/// A rule's summary, rationale and remedy in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts<'a> {
    /// The language they are in: the one asked for, or English when the pack has no translation.
    pub lang: Lang,
    /// One sentence.
    pub summary: &'a str,
    /// Why, in plain words.
    pub rationale: &'a str,
    /// What clause would fix a shortfall.
    pub remedy: &'a str,
}

/// A rule's texts in a language other than English, as its pack gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// One sentence.
    pub summary: String,
    /// Why, in plain words.
    pub rationale: String,
    /// What clause would fix a shortfall.
    pub remedy: String,
    /// The official text in this language the terminology was checked against; `None` when it
    /// could not be checked against one.
    pub checked: Option<String>,
}

/// A pack of rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pack {
    /// Pack id, such as `ilo-c143`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where it was read from.
    pub origin: String,
    /// A hash of its text.
    pub hash: String,
    /// Its rules.
    pub rules: Vec<std::sync::Arc<Rule>>,
}
