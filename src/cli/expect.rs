//! `fairpath test`: programs that declare the verdicts they expect, checked like a test suite.
//!
//! Expectations are lines `// expect RULE-ID VERDICT [in_practice] [stream NAME]` in the
//! program, or the same without `// expect` in a sidecar file beside it with the extension
//! `.expect` (`#` starts a comment there). `RULE-ID` may name an article with several elements.
//! Without `in_practice` the verdict is the one in law; without `stream`, the worst over the
//! program's streams.

use std::path::{Path, PathBuf};

use super::check::{engine, load_model};
use super::files::expand;
use super::{outln, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK};
use fairpath::rules::{Finding, Verdict};
use fairpath::t;
use fairpath::vocab::Lang;

/// One expected verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// The rule.
    pub rule: String,
    /// The verdict expected.
    pub verdict: String,
    /// Whether it is the verdict in practice.
    pub practice: bool,
    /// The stream it is for, if named.
    pub stream: Option<String>,
    /// Where it was declared (file and line).
    pub at: String,
}

/// The expectations declared for `program` (its text) at `path`.
pub fn expectations(path: &Path, program: &str) -> Vec<Expectation> {
    let mut out = Vec::new();
    let mut take = |line: &str, at: String| {
        let mut words = line.split_whitespace();
        if let (Some(rule), Some(verdict)) = (words.next(), words.next()) {
            let rest: Vec<&str> = words.take_while(|w| !w.starts_with("//")).collect();
            out.push(Expectation {
                rule: rule.into(),
                verdict: verdict.into(),
                practice: rest.contains(&"in_practice"),
                stream: rest
                    .iter()
                    .position(|w| *w == "stream")
                    .and_then(|i| rest.get(i + 1))
                    .map(|s| s.to_string()),
                at,
            });
        }
    };
    for (i, line) in program.lines().enumerate() {
        if let Some(rest) = line.trim_start().strip_prefix("// expect ") {
            take(rest, format!("{}:{}", path.display(), i + 1));
        }
    }
    let sidecar = path.with_extension("expect");
    if let Ok(text) = std::fs::read_to_string(&sidecar) {
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if !line.is_empty() {
                take(line, format!("{}:{}", sidecar.display(), i + 1));
            }
        }
    }
    out
}

/// Runs the expectations of every program under `paths`.
pub fn run(
    paths: &[PathBuf],
    standards: &[PathBuf],
    as_of: Option<fairpath::vocab::Date>,
    lang: Lang,
) -> u8 {
    let (mut engine, mut ok_inputs) = engine(standards, &[], lang);
    engine.as_of = as_of;
    let (mut passed, mut failed) = (0, 0);
    let (files, found) = expand(paths, "fair", lang);
    ok_inputs &= found;
    for path in files {
        let Some(compiled) = load_model(&path, lang) else {
            ok_inputs = false;
            continue;
        };
        let findings = engine.evaluate(compiled.model());
        let expected = expectations(&path, compiled.source().text());
        if expected.is_empty() {
            outln!(
                "{}",
                t!(lang, "cli.message.test_none", file = path.display())
            );
        }
        for e in expected {
            let file = path.display();
            match outcome(&findings, &e, lang) {
                Ok(()) => {
                    passed += 1;
                    outln!(
                        "{}",
                        t!(lang, "cli.message.test_ok", file = file, rule = e.rule)
                    );
                }
                Err(why) => {
                    failed += 1;
                    outln!(
                        "{}",
                        t!(
                            lang,
                            "cli.message.test_failed",
                            file = file,
                            rule = e.rule,
                            why = why,
                            at = e.at
                        )
                    );
                }
            }
        }
    }
    outln!(
        "\n{}",
        t!(lang, "cli.message.tested", passed = passed, failed = failed)
    );
    if !ok_inputs {
        EXIT_INPUT
    } else if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn outcome(findings: &[Finding], e: &Expectation, lang: Lang) -> Result<(), String> {
    let Some(want) = Verdict::ALL.iter().find(|v| v.word() == e.verdict) else {
        return Err(t!(lang, "cli.message.not_a_verdict", verdict = e.verdict));
    };
    let verdicts: Vec<Verdict> = findings
        .iter()
        .filter(|f| f.rule.id == e.rule || f.rule.element_of.as_deref() == Some(e.rule.as_str()))
        .filter(|f| e.stream.is_none() || f.stream.as_deref() == e.stream.as_deref())
        .map(|f| match (&f.practice, e.practice) {
            (Some(p), true) => p.verdict,
            _ => f.verdict,
        })
        .collect();
    if verdicts.is_empty() {
        return Err(t!(lang, "cli.message.no_rule_here", rule = e.rule));
    }
    if e.practice
        && !findings.iter().any(|f| {
            (f.rule.id == e.rule || f.rule.element_of.as_deref() == Some(e.rule.as_str()))
                && f.practice.is_some()
        })
    {
        return Err(t!(lang, "cli.message.no_practice"));
    }
    let got = fairpath::rules::combine(verdicts);
    if got == *want {
        Ok(())
    } else {
        Err(t!(
            lang,
            "cli.message.expected",
            want = want.word(),
            got = got.word()
        ))
    }
}
