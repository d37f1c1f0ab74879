//! Reading a catalogue's TOML into sentences by dotted key. The build script (`build.rs`) shares
//! this file to compile the shipped catalogues; the tests use it to compare languages.

use std::collections::HashMap;

/// One language's sentences by dotted key.
pub type Catalog = HashMap<String, String>;

/// Reads a catalogue: nested tables become dotted keys. A catalogue that does not parse reads as
/// empty; the build refuses an empty shipped catalogue.
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
