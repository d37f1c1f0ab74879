//! Diagnostics in English, French and Spanish: every code has its sentences in every language,
//! every key the code asks for exists, and a French or Spanish report holds no English sentence.

use fairpath::locale::{parse, SOURCES};
use fairpath::syntax::diagnostic::{render_in, Code, Style};
use fairpath::syntax::parse_file;
use fairpath::Lang;

/// The program's diagnostics drawn plainly in `lang`.
fn drawn(text: &str, lang: Lang) -> String {
    let rejected = parse_file("bad.fair", text.as_bytes()).expect_err("the program is rejected");
    render_in(
        rejected.diagnostics(),
        rejected.source(),
        Style::Plain,
        lang,
    )
}

const BAD: [&str; 4] = [
    // an unknown term with a did-you-mean
    "program \"P\" {\n  permit {\n    grace_perod 30 days\n  }\n}\n",
    // a value of the wrong type
    "program \"P\" {\n  permit {\n    grace_period \"thirty\"\n  }\n}\n",
    // an unclosed brace
    "program \"P\" {\n  permit {\n    grace_period 30 days\n}\n",
    // a syntax error with expected words
    "program \"P\" {\n  permit {\n    grace_period 30 days {\n  }\n}\n",
];

#[test]
fn every_code_has_its_sentences_in_every_language() {
    for (lang, source) in SOURCES {
        let cat = parse(source);
        for code in Code::ALL {
            let name = code.name().trim_start_matches("fairpath::");
            let prefix = format!("diagnostic.{name}.");
            assert!(
                cat.keys().any(|k| k.starts_with(&prefix)),
                "no `{prefix}…` key in {lang}"
            );
        }
    }
}

#[test]
fn every_key_the_code_names_is_in_the_catalogue() {
    let english = parse(SOURCES[0].1);
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut keys = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (marker, prefix) in [("msg!(\"", "diagnostic."), ("\"diagnostic.", "diagnostic.")] {
            for piece in text.split(marker).skip(1) {
                let key = piece.split('"').next().unwrap();
                if !key.is_empty() && !key.ends_with('.') {
                    keys.push((format!("{prefix}{key}"), path.display().to_string()));
                }
            }
        }
    }
    assert!(keys.len() > 200, "{} keys found", keys.len());
    for (key, file) in keys {
        assert!(
            english.contains_key(&key),
            "`{key}` from {file} is not in en.toml"
        );
    }
}

#[test]
fn french_and_spanish_reports_hold_no_english_sentence() {
    let english: Vec<String> = parse(SOURCES[0].1)
        .into_iter()
        .filter(|(k, _)| k.starts_with("diagnostic."))
        .map(|(_, v)| v)
        // A sentence's words outside its placeholders, long enough to be English prose.
        .flat_map(|v| {
            v.split(['{', '}'])
                .step_by(2)
                .map(str::trim)
                .filter(|s| s.split_whitespace().count() >= 3)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for text in BAD {
        let en = drawn(text, Lang::En);
        assert!(english.iter().any(|s| en.contains(s.as_str())), "{en}");
        for lang in [Lang::Fr, Lang::Es] {
            let out = drawn(text, lang);
            for sentence in &english {
                assert!(
                    !out.contains(sentence.as_str()),
                    "`{sentence}` in {lang}:\n{out}"
                );
            }
        }
    }
}

#[test]
fn user_input_stays_as_written() {
    for lang in [Lang::En, Lang::Fr, Lang::Es] {
        let out = drawn(BAD[0], lang);
        assert!(out.contains("`permit.grace_perod`"), "{out}");
        assert!(out.contains("`grace_period`"), "{out}");
    }
}

#[test]
fn one_diagnostic_per_language() {
    for lang in [Lang::En, Lang::Fr, Lang::Es] {
        insta::assert_snapshot!(format!("unknown_term_{lang}"), drawn(BAD[0], lang));
    }
}
