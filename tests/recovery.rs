//! The parser recovers: every syntax error is reported where it is, the clauses that parse are
//! still checked, comments are kept by `fmt`, and diagnostics point at every span they concern.

mod common;

use assert_cmd::Command;
use common::{parsed, program, rejection};
use fairpath::syntax::diagnostic::{codes_markdown, MAX_SYNTAX_ERRORS};
use fairpath::syntax::format::format_program;
use fairpath::syntax::Diagnostic;

/// The text a diagnostic's main span covers.
fn at<'a>(text: &'a str, d: &Diagnostic) -> &'a str {
    &text[d.span().start..d.span().end]
}

#[test]
fn three_syntax_errors_are_reported_and_the_clauses_between_them_checked() {
    let text = "program \"Three\" {
  kind seasonal
  origin [MEX
  destination [CAN]
  permit {
    duration 8 months @
    grace_perod 30 days
    tied_to employer
  }
  sectors [agriculture] \"x
  recruitment {
    worker pays visa 85 CAD
  }
}
";
    let d = rejection(text.as_bytes());
    let summary: Vec<(&str, &str, &str)> = d
        .iter()
        .map(|d| (d.code_name(), d.message(), at(text, d)))
        .collect();
    assert_eq!(
        summary,
        [
            ("fairpath::syntax", "unclosed `[`", "["),
            (
                "fairpath::syntax",
                "expected text in double quotes, found the end of the line",
                ""
            ),
            ("fairpath::syntax", "unclosed string", "\""),
            (
                "fairpath::unknown-term",
                "unknown term `permit.grace_perod`",
                "grace_perod"
            ),
        ]
    );
    assert_eq!(d[0].span().start, text.find("[MEX").unwrap());
    assert_eq!(d[1].span().start, text.find(" @\n").unwrap() + 2);
    assert_eq!(d[2].span().start, text.find("\"x").unwrap());
}

#[test]
fn an_unclosed_brace_is_reported_at_the_brace_that_opened_it() {
    let text = "program \"Brace\" {
  kind seasonal
  permit {
    duration 8 months
  statuses {
    entry employed
    employed employed
  }
}
";
    let d = rejection(text.as_bytes());
    assert_eq!(d[0].message(), "unclosed `{`");
    assert_eq!(d[0].span().start, text.find("permit {").unwrap() + 7);
    let labels: Vec<(&str, usize)> = d[0]
        .labels()
        .iter()
        .map(|l| (l.text.as_str(), l.span.start))
        .collect();
    assert_eq!(
        labels,
        [
            (
                "this `{` is never closed",
                text.find("permit {").unwrap() + 7
            ),
            ("the file ends here", text.trim_end().len() - 1),
        ]
    );
    assert!(
        d[0].note()
            .is_some_and(|n| n.starts_with("the `}` on line 9 ")),
        "{:?}",
        d[0].note()
    );
}

#[test]
fn an_unclosed_program_brace_is_reported_at_the_header() {
    let text = "program \"Open\" {\n  kind seasonal\n";
    let d = rejection(text.as_bytes());
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(at(text, &d[0]), "{");
}

#[test]
fn an_unclosed_string_is_reported_at_its_opening_quote() {
    let text = program("permit {\n  duration 8 months @ \"Annex, s. 1\n  tied_to employer\n}");
    let d = rejection(text.as_bytes());
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message(), "unclosed string");
    assert_eq!(d[0].span().start, text.find("\"Annex").unwrap());
    let header = rejection(b"program \"Open {\n  kind seasonal\n}\n");
    assert_eq!(header[0].message(), "unclosed string");
    assert_eq!(header[0].span().start, 8);
}

#[test]
fn text_after_the_program_is_reported() {
    let text = program("kind seasonal") + "}\n";
    let d = rejection(text.as_bytes());
    assert_eq!(
        d[0].message(),
        "unexpected text after the program's closing `}`"
    );
}

#[test]
fn syntax_errors_are_capped_with_a_summary_line() {
    let body: String = (0..30).map(|_| "@ \"no clause\"\n").collect();
    let d = rejection(program(&body).as_bytes());
    assert_eq!(d.len(), MAX_SYNTAX_ERRORS + 1);
    assert_eq!(
        d[MAX_SYNTAX_ERRORS].message(),
        "10 more syntax errors not shown"
    );
}

#[test]
fn a_duplicate_points_at_both_clauses() {
    let text = program("kind seasonal\nkind temporary");
    let d = rejection(text.as_bytes());
    let labels: Vec<(&str, usize)> = d[0]
        .labels()
        .iter()
        .map(|l| (l.text.as_str(), l.span.start))
        .collect();
    assert_eq!(
        labels,
        [
            ("stated again", text.find("kind temporary").unwrap()),
            ("first stated here", text.find("kind seasonal").unwrap()),
        ]
    );
}

/// Formats `text` twice through the library and once through the command line; both keep
/// every comment, and the second pass changes nothing.
fn fmt_keeps_comments(text: &str) -> String {
    let once = format_program(parsed(text).program(), text);
    let twice = format_program(parsed(&once).program(), &once);
    assert_eq!(twice, once, "not idempotent:\n{once}");
    for comment in text.lines().filter_map(|l| l.find("//").map(|i| &l[i..])) {
        assert!(
            once.contains(comment.trim_end()),
            "lost `{comment}`:\n{once}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.fair");
    std::fs::write(&path, text).unwrap();
    Command::cargo_bin("fairpath")
        .unwrap()
        .arg("fmt")
        .arg(&path)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), once);
    once
}

#[test]
fn fmt_keeps_a_comment_inside_a_multi_line_list() {
    let out = fmt_keeps_comments(&program("sectors [agriculture, // farm\n  care]"));
    assert!(
        out.contains("  // farm\n  sectors [agriculture, care]\n"),
        "{out}"
    );
}

#[test]
fn fmt_keeps_a_comment_on_the_first_line_of_a_list() {
    fmt_keeps_comments(&program(
        "sectors [\n  // the sectors\n  agriculture,\n  care\n]",
    ));
    fmt_keeps_comments(&program("sectors [ // the sectors\n  agriculture]"));
}

#[test]
fn fmt_keeps_a_comment_between_a_key_and_its_value() {
    fmt_keeps_comments(&program("origin [MEX]\nkind // c\nseasonal"));
    fmt_keeps_comments(&program("kind // c\nseasonal"));
    fmt_keeps_comments(&program("kind\n// on its own line\nseasonal"));
}

#[test]
fn fmt_keeps_a_trailing_comment_with_the_second_clause_on_its_line() {
    let out = fmt_keeps_comments(&program(
        "kind seasonal origin [MEX] // c\ndestination [CAN]",
    ));
    assert!(out.contains("origin      [MEX]  // c\n"), "{out}");
}

#[test]
fn fmt_refuses_a_program_with_syntax_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.fair");
    let text = program("kind seasonal @");
    std::fs::write(&path, &text).unwrap();
    Command::cargo_bin("fairpath")
        .unwrap()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn the_readme_lists_every_diagnostic_code() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&codes_markdown()),
        "README.md's diagnostic code table is out of date; it should read:\n{}",
        codes_markdown()
    );
}

#[test]
fn plain_output_names_the_second_place_by_line_and_column() {
    use fairpath::syntax::diagnostic::{render, Style};
    let text = program("kind seasonal\nkind temporary");
    let source = fairpath::syntax::Source::new("p.fair", text.as_str());
    let out = render(&rejection(text.as_bytes()), &source, Style::Plain);
    assert!(
        out.contains("label at line 3, columns 1 to 14: stated again"),
        "{out}"
    );
    assert!(out.contains("first stated here: line 2, column 1"), "{out}");
}

#[test]
fn all_diagnostics_of_a_file_are_capped() {
    let body: String = (0..150).map(|i| format!("unknown_{i} 1\n")).collect();
    let d = rejection(program(&body).as_bytes());
    assert_eq!(d.len(), fairpath::syntax::diagnostic::MAX_DIAGNOSTICS + 1);
    assert_eq!(d[100].message(), "50 more problems not shown");
    assert_eq!(d[100].code_name(), "fairpath::unknown-term");
}

#[test]
fn syntax_errors_say_what_was_expected_in_user_words() {
    let message = |body: &str| rejection(program(body).as_bytes())[0].message().to_string();
    assert_eq!(
        message("permit x {\n  duration 8 months\n}"),
        "expected `{`, found `x`"
    );
    assert_eq!(
        message("recruitment {\n  worker pays\n}"),
        "expected a name, found the end of the line"
    );
    assert_eq!(
        message("statuses {\n  a a\n  a -> a on job_loss within\n}"),
        "expected a number, found the end of the line"
    );
    assert_eq!(
        message("kind seasonal @ \"x\" extra"),
        "expected a new line, found `extra`"
    );
}
