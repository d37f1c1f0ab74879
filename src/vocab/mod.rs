//! The one vocabulary: every program term, its type, unit, allowed values, doc line and which
//! direction is more protective. Validation, suggestions, `init`, the docs, rule type-checking
//! and the property-test generators all read [`TERMS`].

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod codes;
mod date;
pub mod docs;
mod lang;
pub mod protect;
pub mod template;
mod terms;
mod value;

pub use codes::{countries, currencies, is_country, is_currency};
pub use date::Date;
pub use lang::Lang;
pub use terms::{
    list_term, ADVERSE_STATUSES, COSTS, DURATION_WORDS, FEES, LISTS, MODIFIERS, PARTY_ROLES,
    STATUS_CATEGORIES, TERMS, TRIGGERS,
};
pub use value::{days, duration, trim_number, Amount, Typed};

/// The type of a term's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One of a fixed set of words.
    Enum(&'static [&'static str]),
    /// `yes` or `no`.
    Bool,
    /// A length of time: days, weeks, months or years.
    Duration,
    /// A number of hours (`days` are read as 24 hours).
    Hours,
    /// An amount of money in an ISO 4217 currency, or `months_of_wages`.
    Money,
    /// A percentage from 0 to 100.
    Percent,
    /// A whole number, zero or more.
    Count,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// Free text in double quotes.
    Text,
    /// One or more ISO 3166-1 alpha-3 country codes.
    Countries,
    /// A party: a role such as `worker` or `employer`, or a party declared in `parties`.
    Party,
    /// A list of words from a fixed set.
    EnumList(&'static [&'static str]),
    /// A list of parties.
    PartyList,
}

impl Kind {
    /// The type's stable code (`duration`, `enum_list`): its name in JSON and catalogue keys.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Enum(_) => "enum",
            Kind::Bool => "bool",
            Kind::Duration => "duration",
            Kind::Hours => "hours",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Date => "date",
            Kind::Text => "text",
            Kind::Countries => "countries",
            Kind::Party => "party",
            Kind::EnumList(_) => "enum_list",
            Kind::PartyList => "party_list",
        }
    }

    /// The allowed words, for enum kinds.
    pub fn allowed(&self) -> &'static [&'static str] {
        match self {
            Kind::Enum(v) | Kind::EnumList(v) => v,
            _ => &[],
        }
    }
}

/// Which direction of a term protects workers more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// Larger numbers protect more (a longer grace period).
    Higher,
    /// Smaller numbers protect more (a smaller deduction).
    Lower,
    /// `yes` protects more.
    Yes,
    /// `no` protects more.
    No,
    /// Enum values listed from least to most protective.
    Ordered,
    /// More list items protect more (grounds for changing employer).
    More,
    /// Fewer list items protect more (parties whose consent is needed).
    Fewer,
    /// The worker holding it protects more (a passport held by the worker).
    Worker,
    /// Paid by anyone but the worker protects more.
    NotWorker,
    /// No direction: descriptive terms.
    Neutral,
}

impl Better {
    /// The direction's stable code (`higher`, `not_worker`), the key of its words in the
    /// catalogues; empty for descriptive terms.
    pub fn code(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
            Better::Yes => "yes",
            Better::No => "no",
            Better::Ordered => "ordered",
            Better::More => "more",
            Better::Fewer => "fewer",
            Better::Worker => "worker",
            Better::NotWorker => "not_worker",
            Better::Neutral => "",
        }
    }
}

/// One program term. Terms are equal when their paths are.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    /// Dotted path, as written in a program (`permit.grace_period`).
    pub path: &'static str,
    /// Value type.
    pub kind: Kind,
    /// Which direction protects more.
    pub better: Better,
    /// One-line doc.
    pub doc: &'static str,
    /// A protective example value, as written in a program.
    pub example: &'static str,
}

impl PartialEq for Term {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

/// The clause a [`Modifier`] qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clause {
    /// A status transition: `employed -> job_seeking on job_loss`.
    Transition,
    /// A money flow: `worker pays visa 85 CAD`.
    Flow,
}

impl Clause {
    /// The clause's stable code (`transition`, `flow`), the key of its name in the catalogues.
    pub fn code(self) -> &'static str {
        match self {
            Clause::Transition => "transition",
            Clause::Flow => "flow",
        }
    }
}

/// A word that qualifies a transition or a money flow (`within 6 months`, `deducted`), with the
/// direction that protects more.
#[derive(Debug, Clone, Copy)]
pub struct Modifier {
    /// The clause it qualifies.
    pub clause: Clause,
    /// The word as written (`amount` names the value written after a flow's cost).
    pub word: &'static str,
    /// The value it takes, if any.
    pub takes: Option<Kind>,
    /// The direction that protects more in a clause that works for the worker: a move into a
    /// status that keeps the worker's standing, a cost someone else pays.
    pub for_worker: Better,
    /// The direction that protects more in a clause that works against the worker: a move into
    /// an adverse status, a cost the worker pays.
    pub against_worker: Better,
    /// One-line doc.
    pub doc: &'static str,
    /// A whole clause that uses it.
    pub example: &'static str,
}

impl Modifier {
    /// The direction that protects more, in a clause that works against the worker or not.
    pub fn better(&self, against: bool) -> Better {
        if against {
            self.against_worker
        } else {
            self.for_worker
        }
    }
}

/// Looks a modifier up by its clause and word.
pub fn modifier(clause: Clause, word: &str) -> Option<&'static Modifier> {
    MODIFIERS
        .iter()
        .find(|m| m.clause == clause && m.word == word)
}

/// Whether a move into a status of `category` works against the worker.
pub fn adverse(category: &str) -> bool {
    ADVERSE_STATUSES.contains(&category)
}

/// Looks a term up by its dotted path.
pub fn term(path: &str) -> Option<&'static Term> {
    index().terms.get(path).copied()
}

/// Whether `path` is a block (a prefix of some term path).
pub fn is_block(path: &str) -> bool {
    index().blocks.contains(path)
}

struct Index {
    terms: FastMap<&'static str, &'static Term>,
    blocks: HashSet<&'static str>,
    /// The places in [`TERMS`] in the order of the terms' paths.
    by_path: Vec<usize>,
}

impl Term {
    /// The term's place in [`TERMS`], found from its address: every `&'static Term` fairpath
    /// hands out points into that one static table. `None` for a term made elsewhere.
    pub fn ordinal(&'static self) -> Option<usize> {
        let offset = (self as *const Term as usize).wrapping_sub(TERMS.as_ptr() as usize);
        let place = offset / std::mem::size_of::<Term>();
        TERMS
            .get(place)
            .filter(|t| std::ptr::eq(*t, self))
            .map(|_| place)
    }
}

/// The places in [`TERMS`] in the order of the terms' paths.
pub fn by_path() -> &'static [usize] {
    &index().by_path
}

/// A hash map for keys fairpath makes itself (term paths, spans, instrument names): FNV-1a,
/// several times faster than the default hasher on short keys. Its keys never come from a
/// program's text alone, and a collision only slows a lookup.
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The FNV-1a hasher of [`FastMap`].
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

/// FNV-1a's starting value.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Folds `bytes` into the FNV-1a hash `hash`; usable in constants.
pub const fn fnv(mut hash: u64, mut bytes: &[u8]) -> u64 {
    while let [b, tail @ ..] = bytes {
        hash = (hash ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
        bytes = tail;
    }
    hash
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_START)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }
}

/// Terms by path and the set of block paths, built once.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index {
        terms: TERMS.iter().map(|t| (t.path, t)).collect(),
        blocks: TERMS
            .iter()
            .flat_map(|t| t.path.match_indices('.').map(|(i, _)| &t.path[..i]))
            .collect(),
        by_path: {
            let mut places: Vec<(usize, &str)> = TERMS.iter().map(|t| t.path).enumerate().collect();
            places.sort_by_key(|&(_, path)| path);
            places.into_iter().map(|(i, _)| i).collect()
        },
    })
}

/// The terms and blocks directly inside `block` (`""` for the top level), in vocabulary order.
pub fn children(block: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in TERMS {
        let rest = if block.is_empty() {
            Some(t.path)
        } else {
            t.path.strip_prefix(block).and_then(|r| r.strip_prefix('.'))
        };
        if let Some(rest) = rest {
            let head = rest.split('.').next().unwrap_or(rest);
            if !out.contains(&head) {
                out.push(head);
            }
        }
    }
    out
}

/// Duration units and their length in days.
pub const DURATION_UNITS: &[(&str, f64)] = &[
    ("day", 1.0),
    ("days", 1.0),
    ("week", 7.0),
    ("weeks", 7.0),
    ("month", 30.4375),
    ("months", 30.4375),
    ("year", 365.25),
    ("years", 365.25),
];

/// Hour units and their length in hours.
pub const HOUR_UNITS: &[(&str, f64)] =
    &[("hour", 1.0), ("hours", 1.0), ("day", 24.0), ("days", 24.0)];

/// The percentage unit.
pub const PERCENT_UNITS: &[(&str, f64)] = &[("%", 1.0)];

/// The unit that expresses money as a number of months of the worker's wages.
pub const WAGE_MONTHS: &[&str] = &["months_of_wages", "month_of_wages"];

/// Status categories that end a worker's journey: a status with no way out is a trap unless it is one of these.
pub const TERMINAL_STATUSES: &[&str] = &["returned", "removed", "permanent_resident"];

/// Built-in party roles every program may name without declaring them.
pub const BUILTIN_PARTIES: &[&str] = &[
    "worker",
    "employer",
    "origin_state",
    "destination_state",
    "agency",
    "family",
];
