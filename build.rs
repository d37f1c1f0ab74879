//! Compiles the message catalogues (`locales/*.toml`) into sorted tables of sentences, so that a
//! process reads its words without parsing TOML at start-up.

use std::fmt::Write;

#[path = "src/locale/catalog.rs"]
mod catalog;

/// Each catalogue's language, as `vocab::Lang` names it, and file.
const LANGUAGES: [(&str, &str); 3] = [("En", "en"), ("Fr", "fr"), ("Es", "es")];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=src/locale/catalog.rs");
    let mut out = String::from("[\n");
    for (lang, code) in LANGUAGES {
        let path = format!("locales/{code}.toml");
        println!("cargo::rerun-if-changed={path}");
        let sentences = catalog::parse(&std::fs::read_to_string(&path)?);
        if sentences.is_empty() {
            return Err(format!("{path} has no sentences: it does not parse as TOML").into());
        }
        let mut sorted: Vec<(String, String)> = sentences.into_iter().collect();
        sorted.sort_unstable();
        writeln!(out, "    (Lang::{lang}, &[")?;
        for (key, text) in sorted {
            writeln!(out, "        ({key:?}, {text:?}),")?;
        }
        out.push_str("    ]),\n");
    }
    out.push(']');
    let dir = std::env::var("OUT_DIR")?;
    std::fs::write(format!("{dir}/catalogs.rs"), out)?;
    Ok(())
}
