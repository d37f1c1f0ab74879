//! Hostile and odd input, each case from a reproducer: comments in awkward places, numbers past
//! any real term, a byte-order mark, a file of comments, old Mac line endings, NUL bytes, and the
//! code an input error carries.

mod common;

use assert_cmd::Command;
use common::*;
use fairpath::syntax::format::format_program;

/// `fmt` once and twice: no panic, idempotent, every comment kept.
fn formats(text: &str) -> String {
    let once = format_program(parsed(text).program(), text);
    let twice = format_program(parsed(&once).program(), &once);
    assert_eq!(once, twice, "fmt is idempotent on {text:?}");
    for comment in text
        .lines()
        .filter_map(|l| l.split_once("//").map(|(_, c)| c))
    {
        assert!(once.contains(comment), "{comment:?} kept in {once:?}");
    }
    once
}

#[test]
fn comments_between_a_key_and_its_value_are_kept() {
    formats("program \"x\" {\n  kind // c\n  seasonal\n}\n");
    formats("program \"x\" {\n  kind\n  // between\n  seasonal\n}\n");
    formats("program \"x\" {\n  kind seasonal  quota 5 // trailing\n}\n");
}

#[test]
fn numbers_past_any_real_term_are_out_of_range() {
    for body in [
        "quota 18446744073709551616",
        "permit {\n  duration 100000000000000000000 months\n}",
        "recruitment {\n  worker pays visa 18446744073709551616 CAD\n}",
        "working_time {\n  normal_hours 500 hours\n}",
    ] {
        assert_eq!(
            rejection_codes(program(body).as_bytes()),
            ["fairpath::out-of-range"],
            "{body}"
        );
    }
    assert!(rejection_codes(program("permit {\n  duration 99 years\n}").as_bytes()).is_empty());
}

#[test]
fn odd_encodings_get_precise_answers() {
    let bom = b"\xef\xbb\xbfprogram \"x\" {\n  kind seasonal\n}\n";
    assert!(
        rejection_codes(bom).is_empty(),
        "a byte-order mark is white space"
    );
    let d = rejection(b"// only\n// comments\n");
    assert_eq!(d[0].code_name(), "fairpath::empty");
    assert_eq!(d[0].message(), "file holds only comments, no program");
    let cr = b"program \"x\" {\r  kind seasonal // c\r  quota 3\r}\r";
    assert!(
        rejection_codes(cr).is_empty(),
        "lone carriage returns end lines"
    );
    let d = rejection(b"program \"x\" {\n  kind sea\0sonal\n}\n");
    assert_eq!(d[0].code_name(), "fairpath::not-utf8");
    assert_eq!(d[0].message(), "file is not text: a NUL byte at offset 24");
}

#[test]
fn input_errors_carry_a_code() {
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args(["check", "no-such-file.fair"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("error[fairpath::input]: no such file or folder: `no-such-file.fair`"));
}

#[test]
fn deep_packs_are_refused_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |cond: String| {
        format!("standard deep \"Deep\" {{\n  rule deep.r {{ instrument X cites \"1\" strength guidance duty destination theme governance summary \"s\" remedy \"r\" require {cond} }}\n}}\n")
    };
    let parens = pack(format!(
        "{}kind == seasonal{}",
        "(".repeat(4000),
        ")".repeat(4000)
    ));
    let nots = pack(format!("{}kind == seasonal", "not ".repeat(10_000)));
    for (name, text) in [("parens.rules", parens), ("nots.rules", nots)] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = Command::cargo_bin("fairpath")
            .unwrap()
            .args(["rules", "--standard"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("fairpath::too-deep"),
            "{name}"
        );
    }
}

#[test]
fn program_text_cannot_inject_markup_or_terminal_escapes() {
    let evil = "program \"Evil <script>alert(1)</script> | x\" {\n  kind seasonal @ \"tag <img src=x onerror=alert(1)> | y\"\n  practice {\n    documents {\n      passport employer @ \"\u{1b}[2J wiped\"\n    }\n  }\n}\n";
    let stdout = |args: &[&str]| run(evil, args).1;
    for format in ["markdown", "table"] {
        let text = stdout(&["check", "--format", format]);
        assert!(
            !text.contains("<script>") && !text.contains("<img"),
            "{format}: {text}"
        );
        assert!(text.contains("&lt;script&gt;"), "{format}");
    }
    for args in [
        &["check", "--format", "plain"][..],
        &["check", "--format", "markdown"][..],
        &["graph", "--format", "dot"][..],
        &["graph", "--format", "mermaid"][..],
    ] {
        assert!(!stdout(args).contains('\u{1b}'), "{args:?}");
    }
}

/// Compiles a one-rule pack whose condition is `cond`, on a thread with a small stack: the parser
/// has no stack probe, so what bounds its recursion is the check before it.
fn pack_codes_on_a_small_stack(cond: String) -> Vec<String> {
    let pack = format!(
        "standard t \"T\" {{\n  rule t.a {{ instrument X cites \"1\" strength binding duty destination theme wages summary \"s\" remedy \"r\"\n  require {cond} }}\n}}\n"
    );
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            match fairpath::rules::compile::compile_packs(&fairpath::syntax::Source::new(
                "t.rules", pack,
            )) {
                Ok(_) => Vec::new(),
                Err(d) => d.iter().map(|d| d.code_name().to_string()).collect(),
            }
        })
        .unwrap()
        .join()
        .expect("no stack overflow")
}

#[test]
fn chains_of_not_are_bounded_however_they_are_laid_out() {
    let deep = fairpath::syntax::source::MAX_DEPTH + 1;
    let cond = "stated wages.paid_to";
    for (layout, chain) in [
        ("spaces", "not ".repeat(deep)),
        ("comments", "not // why\n".repeat(deep)),
        ("parentheses", "(not ".repeat(deep / 2 + 1)),
        ("a long file", "not // filler\n".repeat(50_000)),
    ] {
        let close = ")".repeat(chain.matches('(').count());
        let codes = pack_codes_on_a_small_stack(format!("{chain}{cond}{close}"));
        assert_eq!(codes, ["fairpath::too-deep"], "{layout}");
    }
    let fine = "not ".repeat(deep - 2);
    assert_eq!(
        pack_codes_on_a_small_stack(format!("{fine}{cond}")),
        Vec::<String>::new(),
        "a chain within the limit compiles"
    );
}

#[test]
fn a_program_at_the_nesting_limit_parses_on_a_small_stack() {
    let depth = fairpath::syntax::source::MAX_DEPTH - 1;
    let text = program(&format!("{}{}", "a { ".repeat(depth), "} ".repeat(depth)));
    let parsed = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || fairpath::syntax::parse_file("deep.fair", text.as_bytes()).is_ok())
        .unwrap()
        .join();
    assert!(parsed.is_ok(), "no stack overflow");
}
