//! The direct reader against the grammar, which defines the language: wherever the reader gives
//! a tree, the grammar gives the same tree and no error; and every program the grammar reads
//! without error (the corpus, the examples, the fixtures, generated programs with comments) the
//! reader reads too, so that the fast path is the path taken.

use std::path::Path;

use fairpath::generate::{program, Program};
use fairpath::syntax::lines::Lines;
use fairpath::syntax::parse::{parse_by_grammar, read_directly};
use fairpath::syntax::print::to_fair;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// How `text` is read: `Ok(true)` directly, with the grammar's tree; `Ok(false)` left to the
/// grammar; `Err` when the two disagree.
fn agree(text: &str) -> Result<bool, String> {
    let lines = Lines::new(text);
    let (tree, errors) = parse_by_grammar(text, &lines);
    match read_directly(text, &lines) {
        None if tree.is_some() && errors.is_empty() => Err(format!(
            "the grammar reads it without error, the reader gives up:\n{text}"
        )),
        None => Ok(false),
        Some(direct) if errors.is_empty() && tree.as_ref() == Some(&direct) => Ok(true),
        Some(direct) => {
            let (a, b) = (format!("{:#?}", Some(direct)), format!("{tree:#?}"));
            let at = a.lines().zip(b.lines()).take_while(|(x, y)| x == y).count();
            let context = |s: &str| {
                s.lines()
                    .skip(at.saturating_sub(12))
                    .take(16)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Err(format!(
                "the reader and the grammar ({} errors) differ at line {at}:\n{}\n---\n{}\nfor\n{text}",
                errors.len(),
                context(&a),
                context(&b)
            ))
        }
    }
}

fn fair_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            fair_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "fair") {
            out.push(path);
        }
    }
}

#[test]
fn every_file_the_grammar_reads_without_error_is_read_directly_alike() {
    let mut files = Vec::new();
    fair_files(Path::new("policies"), &mut files);
    fair_files(Path::new("tests"), &mut files);
    let (mut direct, mut left) = (0, 0);
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        match agree(&text) {
            Ok(true) => direct += 1,
            Ok(false) => left += 1,
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    assert!(
        direct >= 400,
        "{direct} read directly, {left} left to the grammar"
    );
}

#[test]
fn comments_everywhere_and_odd_spacing_are_read_alike() {
    let cases = [
        "program \"P\" { kind seasonal }",
        "// head\nprogram \"P\" // after the name\n{ // open\n  kind seasonal // trailing\n  // before close\n} // after\n// last",
        "program \"P\" {\n  permit\n  {\n    duration 6 months to\n    // between\n    2 years\n  } @ \"Art. 3\"\n}\n",
        "program \"P\" {\n  statuses {\n    entry a\n    a employed\n    b returned\n    a->b on contract_end within 2 weeks decided_by employer consent [worker, ] if \"x \\\"y\\\"\" @ \"s\"\n  }\n}\n",
        "program \"P\" {\n  worker pays no deposit\n  worker pays visa 85 CAD to origin_state deducted @ \"Annex\"\n  employer pays travel 85 to x\n}\n",
        "program \"P\" {\n  reunification yes at_discretion except \"grounds\" @ \"s\"\n  quota -5.25\n  as_of 2024-06-01\n  origin [PHL,\n    // a comment in a list\n    IDN]\n  fee 50 %\n}\n",
        "program \"P\" {\n  a b c d\n  e 5 f\n  g [] h [[x], []]\n}\r\n",
        "program \"P\" { kind seasonal } stray",
        "program \"P\" { kind {",
        "program \"P\" { kind \"open\n}",
        "\u{FEFF}program \"P\" { kind seasonal }",
        "program \"P\" {\n  x yes\n  {\n  }\n}\n",
        "program \"P\" {\n  worker pays no\n}\n",
        "program \"P\" {\n  a -> b on c within x\n}\n",
    ];
    for text in cases {
        if let Err(e) = agree(text) {
            panic!("{e}");
        }
    }
    assert_eq!(agree(cases[1]), Ok(true));
    assert_eq!(agree(cases[7]), Ok(false));
}

fn config() -> Config {
    let cases = std::env::var("FAIRPATH_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        rng_seed: RngSeed::Fixed(1975),
        failure_persistence: None,
        ..Config::default()
    }
}

/// `text` with `len` bytes at `at` replaced by `insert`, on character boundaries.
fn edit(text: &str, at: prop::sample::Index, len: usize, insert: &str) -> String {
    let mut cut = at.index(text.len().max(1)).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut end = (cut + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{}{}", &text[..cut], insert, &text[end..])
}

proptest! {
    #![proptest_config(config())]

    /// Generated programs, with comments put between tokens, are read directly and alike.
    #[test]
    fn generated_programs_are_read_directly(Program(t) in program(), notes in proptest::collection::vec(any::<prop::sample::Index>(), 0..6)) {
        let mut text = to_fair(&t);
        for at in notes {
            let spaces: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
            if let Some(&i) = spaces.get(at.index(spaces.len().max(1))) {
                text.insert_str(i, " // note");
            }
        }
        prop_assert_eq!(agree(&text), Ok(true));
    }

    /// Programs one edit away from valid: read directly only when the grammar agrees.
    #[test]
    fn near_valid_programs_are_read_alike_or_left_to_the_grammar(Program(t) in program(), at in any::<prop::sample::Index>(), len in 0usize..12, insert in "[ a-z_{}\\[\\],\"@>.%/\n0-9-]{0,8}") {
        let edited = edit(&to_fair(&t), at, len, &insert);
        prop_assert!(agree(&edited).is_ok(), "{}", agree(&edited).unwrap_err());
    }
}
