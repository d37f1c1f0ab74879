//! Reports for machines: JSON (`schemas/report.schema.json`), SARIF 2.1.0 and JUnit XML.

use serde_json::{json, Value};

use super::{shown, Checked};
use crate::rules::{Engine, Finding, Verdict};
use crate::syntax::ast::Span;
use crate::syntax::{Rejected, Severity};

/// The version of the JSON report schema.
pub const REPORT_SCHEMA: &str = "fairpath.report/2";

fn span_json(c: &Checked, s: Span) -> Value {
    let (line, column) = c.line_col(s.start);
    json!({"start": s.start, "end": s.end, "line": line, "column": column})
}

fn finding_json(c: &Checked, f: &Finding) -> Value {
    let clause = |cl: &crate::rules::Clause| json!({"span": span_json(c, cl.span), "says": cl.says, "source": cl.source});
    json!({
        "rule": f.rule,
        "pack": f.pack,
        "instrument": f.instrument,
        "article": f.article,
        "element_of": f.element_of,
        "stream": f.stream,
        "practice": f.practice.as_ref().map(|p| json!({
            "verdict": p.verdict,
            "clauses": p.clauses.iter().map(clause).collect::<Vec<_>>(),
        })),
        "strength": f.strength,
        "duty": f.duty,
        "theme": f.theme,
        "obligation": f.obligation,
        "verdict": f.verdict,
        "high_severity": f.high,
        "message": f.message,
        "remedy": f.remedy,
        "verified": f.verified,
        "file": c.source.name(),
        "span": span_json(c, f.primary_span(c.header())),
        "clauses": f.clauses.iter().map(clause).collect::<Vec<_>>(),
        "silent": f.silent,
        "witness": f.witness.iter().map(clause).collect::<Vec<_>>(),
        "binding": f.binding.iter().map(|b| json!({"party": b.party, "code": b.state, "instrument": b.instrument,
            "duty": b.duty, "status": b.status, "reason": b.reason, "binds": b.binds,
            "ratified": b.ratified, "ratified_by": b.ratified_by, "in_force": b.in_force, "denounced": b.denounced,
            "not_ratified_as_of": b.as_of, "territory": b.territory, "part": b.part, "source": b.source,
            "note": super::binding::note(c, b, c.judged.date)})).collect::<Vec<_>>(),
    })
}

/// The JSON report for a batch of checked programs.
/// Each diagnostic of each rejected file, with the file's name, line and column.
fn input_errors(
    rejected: &[Rejected],
) -> impl Iterator<Item = (&str, &crate::syntax::Diagnostic, usize, usize)> {
    rejected.iter().flat_map(|r| {
        r.diagnostics().iter().map(move |d| {
            let (line, column) = r.source().line_col(d.span().start);
            (r.source().name(), d, line, column)
        })
    })
}

fn severity_word(d: &crate::syntax::Diagnostic) -> &'static str {
    match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The input errors of a batch, for the JSON report.
fn errors_json(rejected: &[Rejected]) -> Vec<Value> {
    input_errors(rejected)
        .map(|(file, d, line, column)| {
            json!({
                "file": file,
                "code": d.code_name(),
                "severity": severity_word(d),
                "message": d.message(),
                "help": d.help(),
                "span": {"start": d.span().start, "end": d.span().end, "line": line, "column": column},
            })
        })
        .collect()
}

/// The JSON report for a batch of checked programs and the files rejected as input errors.
pub fn json(checked: &[Checked], rejected: &[Rejected], engine: &Engine, all: bool) -> Value {
    let programs: Vec<Value> = checked
        .iter()
        .map(|c| {
            let mut summary = serde_json::Map::new();
            for i in c.instruments() {
                let counts: serde_json::Map<String, Value> = Verdict::ALL.iter().map(|v| (v.word().to_string(), json!(c.count(*v, Some(i))))).collect();
                summary.insert(i.to_string(), Value::Object(counts));
            }
            json!({
                "file": c.source.name(),
                "sha256": c.hash(),
                "program": c.name(),
                "as_of": c.judged,
                "origin": c.origin(),
                "destination": c.destination(),
                "summary": summary,
                "articles": crate::rules::articles(&c.findings),
                "findings": c.findings.iter().filter(|f| all || shown(f)).map(|f| finding_json(c, f)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "schema": REPORT_SCHEMA,
        "tool": {"name": "fairpath", "version": env!("CARGO_PKG_VERSION")},
        "packs": engine.packs.iter().map(|p| json!({"id": p.id, "origin": p.origin, "sha256": p.hash, "rules": p.rules.len()})).collect::<Vec<_>>(),
        "summary": summary(checked),
        "errors": errors_json(rejected),
        "programs": programs,
    })
}

/// Verdict counts per instrument across every program of the batch.
fn summary(checked: &[Checked]) -> Value {
    let mut out = serde_json::Map::new();
    for c in checked {
        for f in &c.findings {
            let counts = out.entry(f.instrument.clone()).or_insert_with(
                || json!({"violated": 0, "unstated": 0, "satisfied": 0, "not-applicable": 0}),
            );
            counts[f.verdict.word()] = json!(counts[f.verdict.word()].as_u64().unwrap_or(0) + 1);
        }
    }
    Value::Object(out)
}

/// A SARIF 2.1.0 log: one run, one reporting descriptor per rule, one result per violated or
/// unstated finding, the exit code in `invocations`.
pub fn sarif(checked: &[Checked], rejected: &[Rejected], engine: &Engine, exit_code: u8) -> Value {
    let notifications: Vec<Value> = input_errors(rejected)
        .map(|(file, d, line, column)| {
            json!({
                "level": severity_word(d),
                "message": {"text": d.message()},
                "descriptor": {"id": d.code_name()},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": file},
                    "region": {"startLine": line, "startColumn": column},
                }}],
            })
        })
        .collect();
    let rules: Vec<Value> = engine
        .rules()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.replace(['.', '-'], "_"),
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": format!("{} {}: {}", r.instrument, r.cites, r.rationale)},
                "help": {"text": r.remedy},
                "properties": {"instrument": r.instrument, "article": r.cites, "strength": r.strength.word(), "pack": r.pack},
            })
        })
        .collect();
    let results: Vec<Value> = checked
        .iter()
        .flat_map(|c| c.findings.iter().filter(|f| shown(f)).map(move |f| (c, f)))
        .map(|(c, f)| {
            let span = f.primary_span(c.header());
            let (sl, sc) = c.line_col(span.start);
            let (el, ec) = c.line_col(span.end);
            let level = match (f.worst(), f.strength) {
                (Verdict::Violated, crate::rules::ast::Strength::Binding) => "error",
                (Verdict::Violated, _) => "warning",
                _ => "note",
            };
            json!({
                "ruleId": f.rule,
                "level": level,
                "kind": if f.worst() == Verdict::Violated { "fail" } else { "review" },
                "message": {"text": format!("{} {} ({}{}): {} Remedy: {}", f.instrument, f.article, f.verdict.word(),
                    super::practice_line(f).map_or(String::new(), |l| format!("; {l}")), f.message, f.remedy)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": c.source.name()},
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                               "charOffset": span.start, "charLength": span.end - span.start},
                }}],
                "properties": {
                    "verdict": f.verdict.word(),
                    "verdictInPractice": f.practice.as_ref().map(|p| p.verdict.word()),
                    "stream": f.stream,
                    "duty": f.duty,
                    "theme": f.theme,
                    "bindingJudgedAt": c.judged.date,
                    "bindingOn": f.binding.iter().filter(|b| b.binds).map(|b| &b.state).collect::<Vec<_>>(),
                },
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "fairpath", "version": env!("CARGO_PKG_VERSION"), "informationUri": "https://crates.io/crates/fairpath", "rules": rules}},
            "invocations": [{"executionSuccessful": exit_code != 2, "exitCode": exit_code,
                             "toolExecutionNotifications": notifications}],
            "artifacts": checked.iter().map(|c| json!({"location": {"uri": c.source.name()}, "hashes": {"sha-256": c.hash()}})).collect::<Vec<_>>(),
            "results": results,
        }],
    })
}

/// A JUnit XML report for CI: one test suite per program, one test case per rule; a violated
/// rule (in law or in practice) is a failure, an unstated one is skipped, and a rejected file is
/// a suite with one error.
pub fn junit(checked: &[Checked], rejected: &[Rejected]) -> String {
    use std::fmt::Write;
    let x = super::svg::xml;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fairpath\">\n",
    );
    for c in checked {
        let failures = c
            .findings
            .iter()
            .filter(|f| f.worst() == Verdict::Violated)
            .count();
        let skipped = c
            .findings
            .iter()
            .filter(|f| f.worst() == Verdict::Unstated)
            .count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">",
            x(c.source.name()),
            c.findings.len()
        );
        for f in &c.findings {
            let stream = f
                .stream
                .as_deref()
                .map_or(String::new(), |s| format!(" [{s}]"));
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}{}\"",
                x(&f.instrument),
                x(&f.rule),
                x(&stream)
            );
            let (line, _) = c.line_col(f.primary_span(c.header()).start);
            match f.worst() {
                Verdict::Violated => {
                    let _ = writeln!(
                        out,
                        ">\n      <failure message=\"{} {}: {}\">{}:{line}</failure>\n    </testcase>",
                        x(&f.instrument),
                        x(&f.article),
                        x(&f.message),
                        x(c.source.name())
                    );
                }
                Verdict::Unstated => {
                    let _ = writeln!(
                        out,
                        ">\n      <skipped message=\"the program is silent on {}\"/>\n    </testcase>",
                        x(&f.silent.join(", "))
                    );
                }
                _ => out.push_str("/>\n"),
            }
        }
        out.push_str("  </testsuite>\n");
    }
    for r in rejected {
        let first = r.diagnostics().first();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"input\" name=\"read\">\n      <error message=\"{}\" type=\"{}\"/>\n    </testcase>\n  </testsuite>",
            x(r.source().name()),
            x(first.map_or("rejected", |d| d.message())),
            x(first.map_or("", |d| d.code_name()))
        );
    }
    out.push_str("</testsuites>\n");
    out
}
