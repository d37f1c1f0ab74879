//! The languages fairpath's texts are written in: English, the language of the vocabulary and of
//! every rule, and the languages a rule pack may translate a rule's texts into.

use serde::{Deserialize, Serialize};

/// A language of fairpath's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: the language rules are written in, and the fallback for every other.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, with its ISO 639-1 code, English first.
    pub const ALL: [(Lang, &'static str); 3] =
        [(Lang::En, "en"), (Lang::Fr, "fr"), (Lang::Es, "es")];

    /// The languages a pack translates rules into: every language but English.
    pub const TRANSLATED: [Lang; 2] = [Lang::Fr, Lang::Es];

    /// The ISO 639-1 code (`fr`).
    pub fn code(self) -> &'static str {
        Lang::ALL
            .iter()
            .find(|(l, _)| *l == self)
            .map_or("", |(_, c)| c)
    }

    /// Reads an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().find(|(_, c)| *c == code).map(|(l, _)| *l)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
