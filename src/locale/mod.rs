//! The words of everything fairpath shows a person, diagnostics and reports alike, from
//! message catalogues: `locales/<code>.toml`, one file per language, keyed by stable names
//! (`report.summary`), with `{name}` placeholders, and compiled into tables sorted by key when
//! fairpath is built. Callers ask for a sentence by key and
//! language; a key missing in a language falls back to English (the tests fail on any missing
//! key or mismatched placeholder, so that happens only in a pack or front end under
//! development). It sits beside `vocab`, below the pipeline, so `syntax` and `report` both
//! read it.

use std::fmt::Display;
use std::sync::OnceLock;

use crate::vocab::{FastMap, Lang};

/// The catalogues' sources, embedded, by language.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../locales/en.toml")),
    (Lang::Fr, include_str!("../../locales/fr.toml")),
    (Lang::Es, include_str!("../../locales/es.toml")),
];

mod catalog;

pub use catalog::{parse, Catalog};

/// Each language's sentences sorted by key: read from the catalogues when fairpath is built
/// (`build.rs`), so that nothing is parsed at run time.
static COMPILED: [(Lang, &[(&str, &str)]); SOURCES.len()] =
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// `lang`'s sentences by key, indexed the first time they are asked for: a report reads its own
/// language and English (for fallback), never the others.
fn sentences(lang: Lang) -> Option<&'static FastMap<&'static str, &'static str>> {
    static INDEXED: [OnceLock<FastMap<&str, &str>>; SOURCES.len()] =
        [const { OnceLock::new() }; SOURCES.len()];
    let i = COMPILED.iter().position(|(each, _)| *each == lang)?;
    let (_, compiled) = COMPILED.get(i)?;
    Some(
        INDEXED
            .get(i)?
            .get_or_init(|| compiled.iter().copied().collect()),
    )
}

/// The sentence `key` in `lang` as written, placeholders unfilled; English when `lang` lacks it,
/// `None` when English does too (for texts that some things have and others do not).
pub fn find(lang: Lang, key: &str) -> Option<&'static str> {
    let in_lang = |l: Lang| sentences(l)?.get(key).copied();
    in_lang(lang).or_else(|| in_lang(Lang::En))
}

/// The sentence `key` in `lang`, its placeholders filled from `args`; English when `lang` lacks
/// it, the key itself when English does too.
pub fn text(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    match find(lang, key) {
        Some(template) => fill(template, args),
        None => key.to_string(),
    }
}

/// `template` with each `{name}` replaced by its argument; unknown placeholders are left as
/// written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let name_end = after.find('}');
        match name_end.and_then(|end| {
            let name = after.get(1..end)?;
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| (end, v))
        }) {
            Some((end, value)) => {
                out.push_str(&value.to_string());
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, sorted: what every language's version of a key must share.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A date the way `lang` writes it (`date.format`, with `{day}`, `{dd}`, `{month}` (the month's
/// name), `{mm}` and `{year}`; the first of the month is `date.first`, `1er` in French): `2026-11-24` in English as the data has it, `24 novembre 2026`.
pub fn date(lang: Lang, d: crate::vocab::Date) -> String {
    let (year, month, day) = (d.year(), d.month(), d.day());
    const MONTHS: [&str; 12] = [
        "date.month1",
        "date.month2",
        "date.month3",
        "date.month4",
        "date.month5",
        "date.month6",
        "date.month7",
        "date.month8",
        "date.month9",
        "date.month10",
        "date.month11",
        "date.month12",
    ];
    let month_key = MONTHS.get((month as usize).wrapping_sub(1)).copied();
    let name = month_key.map_or_else(String::new, |key| text(lang, key, &[]));
    let first = if day == 1 {
        text(lang, "date.first", &[])
    } else {
        String::new()
    };
    let shown: &dyn Display = if day == 1 { &first } else { &day };
    text(
        lang,
        "date.format",
        &[
            ("year", &year),
            ("mm", &format_args!("{month:02}")),
            ("dd", &format_args!("{day:02}")),
            ("month", &name),
            ("day", shown),
        ],
    )
}

/// A whole number the way `lang` writes it: digits grouped in threes with
/// `number.group` from `number.min_grouped` digits on (English writes counts ungrouped, as
/// before; French `1 234`; Spanish from five digits, `12 345`).
pub fn number(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = text(lang, "number.group", &[]);
    let min: usize = text(lang, "number.min_grouped", &[])
        .parse()
        .unwrap_or(usize::MAX);
    if sep.is_empty() || digits.len() < min {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(&sep);
        }
        out.push(c);
    }
    out
}

/// A length of time in days the way `lang` writes it, in the largest unit that divides it
/// exactly: `2 weeks`, `2 semaines`, `1 año`.
pub fn duration(lang: Lang, days: f64) -> String {
    let (n, unit) = crate::vocab::duration(days);
    let key = if n == 1.0 {
        format!("duration.{unit}_one")
    } else {
        format!("duration.{unit}")
    };
    let shown = crate::vocab::trim_number(n).replace('.', &text(lang, "number.decimal", &[]));
    text(lang, &key, &[("n", &shown)])
}

/// `t!(lang, "report.summary", count = n)`: a sentence from the catalogues.
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::locale::text($lang, $key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_sentences_are_the_catalogues_sorted_by_key() {
        for ((lang, source), (compiled_lang, compiled)) in SOURCES.iter().zip(COMPILED) {
            assert_eq!(*lang, compiled_lang);
            let mut parsed: Vec<(String, String)> = parse(source).into_iter().collect();
            parsed.sort_unstable();
            let compiled: Vec<(String, String)> = compiled
                .iter()
                .map(|(k, t)| ((*k).to_string(), (*t).to_string()))
                .collect();
            assert!(!compiled.is_empty(), "{lang:?}");
            assert_eq!(compiled, parsed, "{lang:?}");
        }
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let english = parse(SOURCES[0].1);
        assert!(!english.is_empty());
        for (lang, source) in SOURCES {
            assert!(source.parse::<toml::Table>().is_ok(), "{lang} parses");
            let cat = parse(source);
            for (key, en) in &english {
                let Some(other) = cat.get(key) else {
                    panic!("`{key}` is missing in {lang}");
                };
                if key == "date.format" {
                    // Each language orders and spells the parts of a date its own way.
                    let parts = ["day", "dd", "mm", "month", "year"];
                    assert!(placeholders(other).iter().all(|p| parts.contains(p)));
                    assert!(placeholders(other).contains(&"year"), "{lang}");
                    continue;
                }
                assert_eq!(placeholders(en), placeholders(other), "`{key}` in {lang}");
            }
            for key in cat.keys() {
                assert!(
                    english.contains_key(key),
                    "`{key}` in {lang} is not in English"
                );
            }
        }
    }

    #[test]
    fn every_word_of_the_rules_a_report_names_has_a_sentence() {
        use crate::rules::ast::{Duty, Strength, Theme};
        let english = parse(SOURCES[0].1);
        let mut keys: Vec<String> = Theme::ALL
            .iter()
            .map(|(_, w)| format!("theme.{w}"))
            .collect();
        keys.extend(Duty::ALL.iter().map(|(_, w)| format!("duty.{w}")));
        keys.extend(
            crate::rules::Verdict::ALL
                .iter()
                .map(|v| format!("verdict.{}", v.word())),
        );
        for s in [Strength::Binding, Strength::Promotional, Strength::Guidance] {
            keys.push(format!("strength.{}", s.word()));
            keys.push(format!("provision.{}", s.word()));
        }
        keys.extend(
            crate::rules::compile::SCOPES
                .iter()
                .map(|(id, _)| format!("scope.{id}")),
        );
        for key in keys {
            assert!(english.contains_key(&key), "`{key}` has no sentence");
        }
    }

    #[test]
    fn placeholders_are_filled_and_missing_keys_fall_back() {
        assert_eq!(fill("{n} of {m}", &[("n", &1), ("m", &"2")]), "1 of 2");
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(text(Lang::Fr, "report.summary", &[]), "Synthèse");
        assert_eq!(text(Lang::Es, "no.such.key", &[]), "no.such.key");
    }

    #[test]
    fn dates_and_numbers_are_written_as_each_language_writes_them() {
        let d = crate::vocab::Date::new(2026, 11, 24).unwrap();
        assert_eq!(date(Lang::En, d), "2026-11-24");
        assert_eq!(date(Lang::Fr, d), "24 novembre 2026");
        assert_eq!(date(Lang::Es, d), "24 de noviembre de 2026");
        let first = crate::vocab::Date::new(2024, 6, 1).unwrap();
        assert_eq!(date(Lang::En, first), "2024-06-01");
        assert_eq!(date(Lang::Fr, first), "1er juin 2024");
        assert_eq!(date(Lang::Es, first), "1 de junio de 2024");
        assert_eq!(number(Lang::En, 1234), "1234");
        assert_eq!(number(Lang::Fr, 1234), "1\u{a0}234");
        assert_eq!(number(Lang::Fr, 999), "999");
        assert_eq!(number(Lang::Es, 1234), "1234");
        assert_eq!(number(Lang::Es, 1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(duration(Lang::En, 14.0), "2 weeks");
        assert_eq!(duration(Lang::Fr, 365.25), "1 an");
        assert_eq!(duration(Lang::Es, 1.5), "1,5 días");
    }
}
