//! The vocabulary as documentation data: every word a program can use, in groups, and the whole
//! vocabulary as JSON (stable codes, no sentences besides each term's own doc line). The plain
//! text and Markdown references are written in `report::terms`, in the report's language.

use serde_json::{json, Value};

use super::{
    countries, currencies, Kind, Modifier, ADVERSE_STATUSES, BUILTIN_PARTIES, COSTS,
    DURATION_UNITS, DURATION_WORDS, FEES, HOUR_UNITS, MODIFIERS, PARTY_ROLES, PERCENT_UNITS,
    STATUS_CATEGORIES, TERMS, TRIGGERS, WAGE_MONTHS,
};

/// A group of words a program can use besides the terms: status categories, triggers, roles,
/// costs, units and the like. Its title and what it is for are the report's to write (catalogue
/// keys `terms.group.<key>.title` and `.doc`), from the lists it names.
#[derive(Debug, Clone)]
pub struct Group {
    /// The group's key: in the JSON listing and in the catalogues (`status_categories`).
    pub key: &'static str,
    /// The words.
    pub words: Vec<&'static str>,
    /// Other lists of words the group's description names, by placeholder (`adverse`: the
    /// adverse status categories).
    pub lists: Vec<(&'static str, Vec<&'static str>)>,
}

fn units<'a>(table: &'a [(&'static str, f64)]) -> impl Iterator<Item = &'static str> + 'a {
    table.iter().map(|(u, _)| *u)
}

/// Every group of words besides the terms and the modifiers, in the order the docs list them.
pub fn groups() -> Vec<Group> {
    let mut unit_words: Vec<&'static str> = Vec::new();
    let all = units(DURATION_UNITS)
        .chain(units(HOUR_UNITS))
        .chain(WAGE_MONTHS.iter().copied())
        .chain(units(PERCENT_UNITS));
    for u in all {
        if !unit_words.contains(&u) {
            unit_words.push(u);
        }
    }
    let group = |key, words: &[&'static str]| Group {
        key,
        words: words.to_vec(),
        lists: Vec::new(),
    };
    vec![
        Group {
            lists: vec![("adverse", ADVERSE_STATUSES.to_vec())],
            ..group("status_categories", STATUS_CATEGORIES)
        },
        group("triggers", TRIGGERS),
        group("party_roles", PARTY_ROLES),
        group("builtin_parties", BUILTIN_PARTIES),
        Group {
            lists: vec![("fees", FEES.to_vec())],
            ..group("costs", COSTS)
        },
        Group {
            lists: vec![
                ("durations", units(DURATION_UNITS).collect()),
                ("hours", units(HOUR_UNITS).collect()),
                ("wages", WAGE_MONTHS.to_vec()),
                ("percent", units(PERCENT_UNITS).collect()),
            ],
            words: unit_words,
            ..group("units", &[])
        },
        group("duration_words", DURATION_WORDS),
    ]
}

/// How a modifier is written, as data: its word and the kind of value it takes, if any
/// (`amount` is the value alone).
pub fn written(m: &Modifier) -> (Option<&'static str>, Option<Takes>) {
    let takes = m.takes.map(|k| match k {
        Kind::Duration => Takes::Duration,
        Kind::Party => Takes::Party,
        Kind::PartyList => Takes::Parties,
        Kind::Text => Takes::Text,
        _ => Takes::Amount,
    });
    match (m.word, takes) {
        ("amount", Some(_)) => (None, takes),
        (w, _) => (Some(w), takes),
    }
}

/// How a modifier is written, in the JSON listing's notation: `within DURATION`, `deducted`.
fn notation(m: &Modifier) -> String {
    match written(m) {
        (Some(w), Some(t)) => format!("{w} {}", t.notation()),
        (None, Some(t)) => t.notation().to_string(),
        (Some(w), None) => w.to_string(),
        (None, None) => String::new(),
    }
}

/// The kind of value a modifier takes, as the reference writes it (`DURATION`, `PARTY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// A duration.
    Duration,
    /// One party.
    Party,
    /// A list of parties.
    Parties,
    /// Text in quotes.
    Text,
    /// An amount.
    Amount,
}

impl Takes {
    /// The placeholder as the JSON listing writes it (`DURATION`, `[PARTY, …]`).
    pub fn notation(self) -> &'static str {
        match self {
            Takes::Duration => "DURATION",
            Takes::Party => "PARTY",
            Takes::Parties => "[PARTY, …]",
            Takes::Text => "\"TEXT\"",
            Takes::Amount => "AMOUNT",
        }
    }

    /// The stable name of the placeholder (`duration`), the key of its word in the catalogues.
    pub fn code(self) -> &'static str {
        match self {
            Takes::Duration => "duration",
            Takes::Party => "party",
            Takes::Parties => "parties",
            Takes::Text => "text",
            Takes::Amount => "amount",
        }
    }
}

/// The vocabulary as JSON.
pub fn json() -> Value {
    let terms: Vec<Value> = TERMS
        .iter()
        .map(|t| {
            json!({
                "path": t.path,
                "type": t.kind.code(),
                "allowed": t.kind.allowed(),
                "more_protective": t.better.code(),
                "doc": t.doc,
                "example": t.example,
            })
        })
        .collect();
    let modifiers: Vec<Value> = MODIFIERS
        .iter()
        .map(|m| {
            json!({
                "clause": m.clause.code(),
                "word": m.word,
                "written": notation(m),
                "takes": m.takes.map(Kind::code),
                "more_protective": m.for_worker.code(),
                "more_protective_against_worker": m.against_worker.code(),
                "doc": m.doc,
                "example": m.example,
            })
        })
        .collect();
    let mut out = json!({
        "terms": terms,
        "modifiers": modifiers,
        "adverse_statuses": ADVERSE_STATUSES,
        "fees": FEES,
        "currencies": currencies().collect::<Vec<_>>(),
        "countries": countries().collect::<Vec<_>>(),
    });
    if let Some(map) = out.as_object_mut() {
        for g in groups() {
            map.insert(g.key.into(), json!(g.words));
        }
    }
    out
}
