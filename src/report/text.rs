//! The words of every report, from message catalogues: `locales/<code>.toml`, one file per
//! language, keyed by stable names (`report.summary`), with `{name}` placeholders. Reports ask
//! for a sentence by key and language; a key missing in a language falls back to English (the
//! tests fail on any missing key or mismatched placeholder, so that happens only in a pack or
//! front end under development).

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

use crate::vocab::Lang;

/// The catalogues' sources, embedded, by language.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../locales/en.toml")),
    (Lang::Fr, include_str!("../../locales/fr.toml")),
    (Lang::Es, include_str!("../../locales/es.toml")),
];

/// One language's sentences by dotted key.
pub type Catalog = HashMap<String, String>;

/// Reads a catalogue: nested tables become dotted keys. The shipped catalogues are tested to
/// parse; one that did not would read as empty, and every sentence would fall back to English.
pub fn parse(source: &str) -> Catalog {
    fn walk(prefix: &str, table: &toml::Table, out: &mut Catalog) {
        for (k, v) in table {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(t) => walk(&key, t, out),
                toml::Value::String(s) => {
                    out.insert(key, s.clone());
                }
                _ => {}
            }
        }
    }
    let mut out = Catalog::new();
    if let Ok(table) = source.parse::<toml::Table>() {
        walk("", &table, &mut out);
    }
    out
}

fn catalogs() -> &'static [(Lang, Catalog)] {
    static CATALOGS: OnceLock<Vec<(Lang, Catalog)>> = OnceLock::new();
    CATALOGS.get_or_init(|| SOURCES.iter().map(|(l, s)| (*l, parse(s))).collect())
}

/// The sentence `key` in `lang`, its placeholders filled from `args`; English when `lang` lacks
/// it, the key itself when English does too.
pub fn text(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    let find = |l: Lang| {
        catalogs()
            .iter()
            .find(|(c, _)| *c == l)
            .and_then(|(_, cat)| cat.get(key))
    };
    let Some(template) = find(lang).or_else(|| find(Lang::En)) else {
        return key.to_string();
    };
    fill(template, args)
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

/// `t!(lang, "report.summary", count = n)`: a sentence from the catalogues.
#[macro_export]
macro_rules! t {
    ($lang:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::report::text::text($lang, $key, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn placeholders_are_filled_and_missing_keys_fall_back() {
        assert_eq!(fill("{n} of {m}", &[("n", &1), ("m", &"2")]), "1 of 2");
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(text(Lang::Fr, "report.summary", &[]), "Synthèse");
        assert_eq!(text(Lang::Es, "no.such.key", &[]), "no.such.key");
    }
}
