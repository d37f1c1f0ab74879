//! The language: parsing, the vocabulary check, bad input, fmt and init.

mod common;

use assert_cmd::Command;
use common::*;

fn fairpath() -> Command {
    Command::cargo_bin("fairpath").expect("binary builds")
}

#[test]
fn empty_file_is_a_clear_error() {
    assert_eq!(rejection_codes(b""), ["fairpath::empty"]);
    assert_eq!(
        rejection_codes(b"  \n // only a comment\n"),
        ["fairpath::empty"]
    );
}

#[test]
fn non_utf8_bytes_are_located() {
    let d = rejection(b"program \"x\" {\n  kind \xff\xfe\n}");
    assert_eq!(d[0].code_name(), "fairpath::not-utf8");
    assert_eq!(d[0].span().start, 21);
}

#[test]
fn a_50_mb_file_is_refused_without_reading_it_as_a_program() {
    let big = vec![b' '; 50 * 1024 * 1024];
    assert_eq!(rejection_codes(&big), ["fairpath::too-large"]);
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = format!(
        "program \"x\" {{ {} }}",
        "a { ".repeat(10_000) + &"} ".repeat(10_000)
    );
    assert_eq!(rejection_codes(deep.as_bytes()), ["fairpath::too-deep"]);
    let lists = format!(
        "program \"x\" {{ sectors {}{} }}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(rejection_codes(lists.as_bytes()), ["fairpath::too-deep"]);
}

#[test]
fn unknown_term_suggests_the_near_one() {
    let d = rejection(program("permit { grace_periode 30 days }").as_bytes());
    assert_eq!(d[0].code_name(), "fairpath::unknown-term");
    assert_eq!(d[0].help(), Some("did you mean `grace_period`?"));
    let d = rejection(program("grace_period 30 days").as_bytes());
    assert_eq!(d[0].help(), Some("`grace_period` belongs in `permit`"));
}

#[test]
fn wrong_unit_missing_unit_and_wrong_value() {
    let d = rejection(program("permit { grace_period 3 kg }").as_bytes());
    assert_eq!(d[0].code_name(), "fairpath::wrong-unit");
    assert!(d[0].message().contains("`kg`"), "{}", d[0].message());
    assert_eq!(
        rejection_codes(program("permit { grace_period 3 }").as_bytes()),
        ["fairpath::missing-unit"]
    );
    let d = rejection(program("kind seasonl").as_bytes());
    assert_eq!(d[0].code_name(), "fairpath::unknown-value");
    assert_eq!(d[0].help(), Some("did you mean `seasonal`?"));
}

#[test]
fn out_of_range_values() {
    assert_eq!(
        rejection_codes(program("permit { duration -3 months }").as_bytes()),
        ["fairpath::out-of-range"]
    );
    assert_eq!(
        rejection_codes(program("wages { deduction_max 150 % }").as_bytes()),
        ["fairpath::out-of-range"]
    );
    assert_eq!(
        rejection_codes(program("as_of 2024-02-30").as_bytes()),
        ["fairpath::out-of-range"]
    );
}

#[test]
fn duplicate_clause() {
    let text = program("kind seasonal\nkind temporary");
    let d = rejection(text.as_bytes());
    assert_eq!(d[0].code_name(), "fairpath::duplicate");
    assert_eq!(d[0].span().start, text.find("kind temporary").unwrap());
}

#[test]
fn undefined_party_and_status_with_suggestions() {
    let d = rejection(program("documents { passport employr }").as_bytes());
    assert_eq!(d[0].code_name(), "fairpath::undefined-party");
    assert_eq!(d[0].help(), Some("did you mean `employer`?"));
    let d = rejection(program("statuses {\n entry employed\n employed employed\n employed -> job_seekin on job_loss\n}").as_bytes());
    assert_eq!(d[0].code_name(), "fairpath::undefined-status");
}

#[test]
fn every_semantic_error_is_reported_at_once() {
    let codes = rejection_codes(
        program("kind seasonl\npermit { grace_period 3 kg  duration -1 days }\nfoo yes").as_bytes(),
    );
    assert_eq!(
        codes,
        [
            "fairpath::unknown-value",
            "fairpath::wrong-unit",
            "fairpath::out-of-range",
            "fairpath::unknown-term"
        ]
    );
}

#[test]
fn syntax_errors_name_what_was_expected() {
    let d = rejection(b"program \"x\" {\n  permit {\n    duration 8 months @\n  }\n}");
    assert_eq!(d[0].code_name(), "fairpath::syntax");
    assert_eq!(
        d[0].message(),
        "expected text in double quotes, found the end of the line"
    );
    assert!(
        d[0].message().starts_with("expected "),
        "{}",
        d[0].message()
    );
    assert!(
        !d[0].message().contains("Rule"),
        "no grammar names: {}",
        d[0].message()
    );
}

#[test]
fn spans_point_at_the_clause_not_the_following_comment() {
    let text = program("kind seasonal // a comment\norigin [MEX]");
    let p = parsed(&text);
    let f = p.terms().facts.get("kind").expect("kind is stated");
    assert_eq!(&text[f.span.start..f.span.end], "kind seasonal");
}

#[test]
fn bad_input_exits_2_with_a_diagnostic_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 4] = [
        ("empty.fair", b""),
        ("bytes.fair", b"\xff\xfe"),
        (
            "unit.fair",
            b"program \"x\" { permit { grace_period 3 kg } }",
        ),
        (
            "party.fair",
            b"program \"x\" { documents { passport boss } }",
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = fairpath()
            .arg("parse")
            .arg(&path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("fairpath::"), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let missing = fairpath()
        .args(["parse", "/no/such/file.fair"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn init_states_nothing_until_the_writer_does_and_filled_states_every_term() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.fair");
    fairpath().arg("init").arg(&path).assert().success();
    let blank = parsed(&std::fs::read_to_string(&path).unwrap());
    assert!(
        blank.terms().facts.is_empty()
            && blank.terms().flows.is_empty()
            && blank.terms().transitions.is_empty(),
        "nothing protective is left in by mistake"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for t in fairpath::vocab::TERMS {
        let key = t.path.rsplit('.').next().unwrap();
        assert!(
            text.contains(&format!("// {key} ")),
            "{} is offered",
            t.path
        );
    }
    fairpath().arg("init").arg(&path).assert().code(2);
    fairpath()
        .args(["init", "--filled", "--force"])
        .arg(&path)
        .assert()
        .success();
    let filled = parsed(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(filled.terms().facts.len(), fairpath::vocab::TERMS.len());
}

#[test]
fn the_reference_program_is_the_filled_template() {
    let reference = std::fs::read_to_string("policies/examples/reference.fair").unwrap();
    let body = |t: &str| {
        t.lines()
            .skip_while(|l| !l.starts_with("program "))
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        body(&reference),
        body(&fairpath::vocab::template::template()),
        "regenerate it: keep its first three lines and append `fairpath init --filled` from line 5"
    );
}

#[test]
fn fmt_is_canonical_idempotent_and_keeps_comments() {
    let messy = "// head\nprogram   \"M\" {\n kind seasonal   // why\n\n\n  permit {duration 8 months  @ \"s. 1\"\n tied_to employer }\n}\n";
    let p = parsed(messy);
    let once = fairpath::syntax::format::format_program(p.program(), messy);
    assert_eq!(
        once,
        "// head\nprogram \"M\" {\n  kind seasonal  // why\n\n  permit {\n    duration 8 months @ \"s. 1\"\n    tied_to  employer\n  }\n}\n"
    );
    let again = fairpath::syntax::format::format_program(parsed(&once).program(), &once);
    assert_eq!(again, once);
}

#[test]
fn fmt_rewrites_in_place_and_check_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.fair");
    std::fs::write(&path, "program \"M\" {\nkind seasonal\n}\n").unwrap();
    fairpath()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(1);
    fairpath().arg("fmt").arg(&path).assert().success();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "program \"M\" {\n  kind seasonal\n}\n"
    );
    fairpath()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .success();
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file left behind");
}

#[test]
fn shipped_programs_are_formatted() {
    fairpath()
        .args(["fmt", "--check", "policies/"])
        .assert()
        .success();
}

#[test]
fn the_vocabulary_doc_is_current() {
    let doc = std::fs::read_to_string("docs/vocabulary.md").unwrap();
    assert_eq!(
        doc,
        fairpath::report::terms::markdown(&fairpath::report::Words::english()),
        "regenerate with `fairpath terms --format markdown > docs/vocabulary.md`"
    );
}

/// Every word a program can use, read from the vocabulary itself: terms, status categories,
/// triggers, roles, built-in parties, costs, units, duration words and modifiers.
fn every_word() -> Vec<&'static str> {
    use fairpath::vocab::*;
    let units = DURATION_UNITS
        .iter()
        .chain(HOUR_UNITS)
        .chain(PERCENT_UNITS)
        .map(|(u, _)| *u);
    TERMS
        .iter()
        .map(|t| t.path)
        .chain(STATUS_CATEGORIES.iter().copied())
        .chain(TRIGGERS.iter().copied())
        .chain(PARTY_ROLES.iter().copied())
        .chain(BUILTIN_PARTIES.iter().copied())
        .chain(COSTS.iter().copied())
        .chain(units)
        .chain(WAGE_MONTHS.iter().copied())
        .chain(DURATION_WORDS.iter().copied())
        .chain(MODIFIERS.iter().map(|m| m.word))
        .collect()
}

/// Whether `word` stands in `text` as a whole word, not only inside a longer one.
fn has_word(text: &str, word: &str) -> bool {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

#[test]
fn terms_lists_every_word_a_program_can_use_in_every_format() {
    let output = |format: &str| {
        let out = fairpath()
            .args(["terms", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let (plain, markdown) = (output("plain"), output("markdown"));
    let json: serde_json::Value = serde_json::from_str(&output("json")).unwrap();
    let json_words: Vec<&str> = {
        fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
            match v {
                serde_json::Value::String(s) => out.push(s),
                serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        strings(&json, &mut out);
        out
    };
    let words = every_word();
    assert!(words.len() > 250, "{}", words.len());
    for word in words {
        assert!(has_word(&plain, word), "plain output lacks `{word}`");
        assert!(has_word(&markdown, word), "markdown output lacks `{word}`");
        assert!(json_words.contains(&word), "json output lacks `{word}`");
    }
    // Each modifier is shown with its example clause, in each format.
    for m in fairpath::vocab::MODIFIERS {
        assert!(
            plain.contains(m.example) && markdown.contains(m.example),
            "{}",
            m.word
        );
    }
    assert_eq!(output("text"), plain, "`text` stays an alias of `plain`");
}

#[test]
fn every_modifier_example_parses_and_sets_its_modifier() {
    use fairpath::vocab::{Clause, MODIFIERS};
    for m in MODIFIERS {
        let body = match m.clause {
            Clause::Transition => format!("statuses {{ {} }}", m.example),
            Clause::Flow => format!("recruitment {{ {} }}", m.example),
        };
        let text = program(&body);
        let p = parsed(&text);
        assert!(p.warnings().is_empty(), "{}: {:?}", m.example, p.warnings());
        let terms = p.terms();
        let json = serde_json::to_value(match m.clause {
            Clause::Transition => serde_json::to_value(&terms.transitions[0]).unwrap(),
            Clause::Flow => serde_json::to_value(&terms.flows[0]).unwrap(),
        })
        .unwrap();
        let field = match m.word {
            "if" => "condition",
            "no" => "negated",
            "to" => "payee",
            w => w,
        };
        let value = &json[field];
        let set = !(value.is_null() || value == false || value == &serde_json::json!([]));
        assert!(set, "`{}` does not set `{field}`: {json}", m.example);
    }
}

#[test]
fn the_language_page_is_printed_and_every_example_compiles() {
    let page = std::fs::read_to_string("docs/language.md").unwrap();
    let out = fairpath().arg("language").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), page);
    let mut examples = 0;
    let mut rest = page.as_str();
    while let Some(start) = rest.find("```fair") {
        let after = &rest[start + "```fair".len()..];
        let (info, body) = after.split_once('\n').unwrap();
        let end = body.find("```").expect("example closes");
        // The fence's info string names the warnings the example is meant to show.
        let mut expected: Vec<String> = info
            .split_whitespace()
            .map(|c| format!("fairpath::{c}"))
            .collect();
        let example = &body[..end];
        let compiled = fairpath::compile("example.fair", example.as_bytes())
            .unwrap_or_else(|r| panic!("{example}\n{:#?}", r.diagnostics()));
        let mut got: Vec<String> = compiled
            .warnings()
            .iter()
            .map(|d| d.code_name().to_string())
            .collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{example}");
        examples += 1;
        rest = &body[end + 3..];
    }
    assert!(examples >= 6, "{examples} examples");
}

#[test]
fn a_percentage_for_a_fee_is_warned_about_with_the_reading_taken() {
    let text = program(
        "  recruitment {\n    worker pays placement_fee 10 %\n    worker pays travel 50 %\n  }",
    );
    let p = parsed(&text);
    let warnings = p.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let w = &warnings[0];
    assert_eq!(w.code(), Some(fairpath::syntax::Code::PercentFee));
    assert_eq!(w.severity(), fairpath::syntax::Severity::Warning);
    assert_eq!(&text[w.span().start..w.span().end], "10 %");
    assert!(
        w.message().contains("read as 10 % of the `placement_fee`"),
        "{}",
        w.message()
    );
    let help = w.help().unwrap();
    assert!(help.contains("`0.1 months_of_wages`"), "{help}");
    // The labels mark the percentage and the fee.
    let labelled: Vec<&str> = w
        .labels()
        .iter()
        .map(|l| &text[l.span.start..l.span.end])
        .collect();
    assert!(labelled.contains(&"placement_fee"), "{labelled:?}");
    // The share is kept, and JSON says it is a share; money says it is money.
    let json = serde_json::to_value(p.terms()).unwrap();
    assert_eq!(
        json["flows"][0]["amount"],
        serde_json::json!({"kind": "share", "percent": 10.0})
    );
    let money = parsed(&program(
        "  recruitment { worker pays placement_fee 0.1 months_of_wages }",
    ));
    assert!(money.warnings().is_empty());
    assert_eq!(
        serde_json::to_value(money.terms()).unwrap()["flows"][0]["amount"],
        serde_json::json!({"kind": "money", "amount": 0.1, "currency": "months_of_wages"})
    );
}
