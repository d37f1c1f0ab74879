//! Reports for machines: JSON (`schemas/report.schema.json`), SARIF 2.1.0 and JUnit XML.

use serde_json::{json, Value};

use super::{shown, Checked, Words};
use crate::rules::{Clause, Engine, Finding, Gap, Says, Verdict};
use crate::syntax::ast::Span;
use crate::syntax::{Rejected, Severity};
use crate::t;

/// The version of the JSON report schema.
pub const REPORT_SCHEMA: &str = "fairpath.report/4";

fn span_json(c: &Checked, s: Span) -> Value {
    let (line, column) = c.line_col(s.start);
    json!({"start": s.start, "end": s.end, "line": line, "column": column})
}

/// One finding of the JSON report; its bindingness refers to the program's `bindings` by index.
fn finding_json(w: &Words, c: &Checked, f: &Finding, bindings: &mut Vec<Value>) -> Value {
    let clause = |cl: &Clause| clause_json(w, c, cl);
    let binding: Vec<usize> = f
        .binding
        .iter()
        .map(|b| {
            let value = json!({"party": b.party, "code": b.state, "instrument": b.instrument,
                "duty": b.duty, "status": b.status, "reason": b.reason, "binds": b.binds,
                "ratified": b.ratified, "ratified_by": b.ratified_by, "in_force": b.in_force, "denounced": b.denounced,
                "not_ratified_as_of": b.as_of, "territory": b.territory, "part": b.part, "source": b.source,
                "note": super::binding::note(w, c, b, c.judged.date)});
            bindings.iter().position(|v| *v == value).unwrap_or_else(|| {
                bindings.push(value);
                bindings.len() - 1
            })
        })
        .collect();
    json!({
        "rule": f.rule.id,
        "stream": f.stream,
        "practice": f.practice.as_ref().map(|p| json!({
            "verdict": p.verdict,
            "clauses": p.clauses.iter().map(clause).collect::<Vec<_>>(),
        })),
        "verdict": f.verdict,
        "span": span_json(c, f.primary_span(c.header())),
        "clauses": f.clauses.iter().map(clause).collect::<Vec<_>>(),
        "silent": f.silent.iter().map(|g| gap_json(w, g)).collect::<Vec<_>>(),
        "witness": f.witness.iter().map(clause).collect::<Vec<_>>(),
        "binding": binding,
        "binds_on": f.binding.iter().filter(|b| b.binds).map(|b| &b.state).collect::<Vec<_>>(),
    })
}

/// A clause of a finding's evidence: where it is, what kind of clause, the term it states
/// (for a term), what it says in the report's language, and the agreement's article it encodes.
fn clause_json(w: &Words, c: &Checked, cl: &Clause) -> Value {
    let (kind, term) = match &cl.says {
        Says::Fact { term, .. } => ("fact", Some(*term)),
        Says::NotStated { term } => ("not-stated", Some(*term)),
        Says::Transition { .. } => ("transition", None),
        Says::Flow { .. } => ("flow", None),
        Says::Missing(_) => ("missing", None),
    };
    json!({"span": span_json(c, cl.span), "kind": kind, "term": term, "says": w.says(&cl.says), "source": cl.source})
}

/// What a finding's program is silent on: its kind, what it is about, and in words.
fn gap_json(w: &Words, g: &Gap) -> Value {
    let mut v = json!(g);
    if let Value::Object(o) = &mut v {
        o.insert("says".into(), json!(w.gap(g)));
    }
    v
}

/// Every rule of the engine's packs by id, in the report's language: what each finding names by
/// its `rule`.
pub(super) fn rules_json(w: &Words, engine: &Engine) -> Value {
    let rules: serde_json::Map<String, Value> = engine
        .rules()
        .map(|r| {
            let text = w.rule(r);
            let value = json!({
                "pack": r.pack,
                "instrument": r.instrument,
                "article": r.cites,
                "element_of": r.element_of,
                "strength": r.strength,
                "duty": r.duty,
                "theme": r.theme,
                "obligation": r.obligation,
                "high_severity": r.high,
                "message": text.summary,
                "remedy": text.remedy,
                "verified": r.verified,
            });
            (r.id.clone(), value)
        })
        .collect();
    Value::Object(rules)
}

/// One input error of a rejected file, for the JSON report's `errors` and SARIF's notifications.
#[derive(Debug, Clone, serde::Serialize)]
pub(super) struct InputError {
    file: String,
    code: String,
    severity: &'static str,
    message: String,
    help: Option<String>,
    span: Place,
}

/// Where an input error is: byte offsets, line and column.
#[derive(Debug, Clone, Copy, serde::Serialize)]
struct Place {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

impl InputError {
    /// The error as a SARIF tool execution notification.
    pub(super) fn notification(&self) -> Value {
        json!({
            "level": self.severity,
            "message": {"text": self.message},
            "descriptor": {"id": self.code},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": self.file},
                "region": {"startLine": self.span.line, "startColumn": self.span.column},
            }}],
        })
    }
}

/// Each diagnostic of a rejected file, with the file's name, line and column.
pub(super) fn input_errors(r: &Rejected) -> Vec<InputError> {
    r.diagnostics()
        .iter()
        .map(|d| {
            let (line, column) = r.source().line_col(d.span().start);
            InputError {
                file: r.source().name().to_string(),
                code: d.code_name().to_string(),
                severity: severity_word(d),
                message: d.message().to_string(),
                help: d.help().map(str::to_string),
                span: Place {
                    start: d.span().start,
                    end: d.span().end,
                    line,
                    column,
                },
            }
        })
        .collect()
}

/// `error` or `warning`.
pub(super) fn severity_word(d: &crate::syntax::Diagnostic) -> &'static str {
    match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One program of the JSON report: its identity, counts per instrument, articles and findings.
pub(super) fn program_value(w: &Words, c: &Checked, all: bool) -> Value {
    let mut bindings = Vec::new();
    let findings: Vec<Value> = c
        .findings
        .iter()
        .filter(|f| all || shown(f))
        .map(|f| finding_json(w, c, f, &mut bindings))
        .collect();
    let mut summary = serde_json::Map::new();
    for i in c.instruments() {
        let counts: serde_json::Map<String, Value> = Verdict::ALL
            .iter()
            .map(|v| (v.word().to_string(), json!(c.count(*v, Some(i)))))
            .collect();
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
        "findings": findings,
        "bindings": bindings,
    })
}

/// SARIF's reporting descriptors: one per rule.
pub(super) fn sarif_rules(w: &Words, engine: &Engine) -> Vec<Value> {
    engine
        .rules()
        .map(|r| {
            let text = r.text(w.lang);
            json!({
                "id": r.id,
                "name": r.id.replace(['.', '-'], "_"),
                "shortDescription": {"text": text.summary},
                "fullDescription": {"text": format!("{} {}: {}", r.instrument, r.cites, text.rationale)},
                "help": {"text": text.remedy},
                "properties": {"instrument": r.instrument, "article": r.cites, "strength": r.strength.word(), "pack": r.pack},
            })
        })
        .collect()
}

/// SARIF's artifact entry for a program: its file and hash.
pub(super) fn artifact(c: &Checked) -> Value {
    json!({"location": {"uri": c.source.name()}, "hashes": {"sha-256": c.hash()}})
}

/// SARIF results of one program: one per violated or unstated finding.
pub(super) fn results(w: &Words, c: &Checked) -> Vec<Value> {
    c.findings
        .iter()
        .filter(|f| shown(f))
        .map(|f| {
            let span = f.primary_span(c.header());
            let (sl, sc) = c.line_col(span.start);
            let (el, ec) = c.line_col(span.end);
            json!({
                "ruleId": f.rule.id,
                "level": severity(f),
                "kind": if f.worst() == Verdict::Violated { "fail" } else { "review" },
                "message": {"text": t!(w.lang, "finding.sarif", instrument = f.rule.instrument, article = f.rule.cites,
                    verdict = w.verdict(f.verdict),
                    practice = super::practice_line(w, f).map_or(String::new(), |l| format!("; {l}")),
                    message = w.summary(f), remedy = w.remedy(f))},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": c.source.name()},
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                               "charOffset": span.start, "charLength": span.end - span.start},
                }}],
                "properties": {
                    "verdict": f.verdict.word(),
                    "verdictInPractice": f.practice.as_ref().map(|p| p.verdict.word()),
                    "stream": f.stream,
                    "duty": f.rule.duty,
                    "theme": f.rule.theme,
                    "bindingJudgedAt": c.judged.date,
                    "bindingOn": f.binding.iter().filter(|b| b.binds).map(|b| &b.state).collect::<Vec<_>>(),
                },
            })
        })
        .collect()
}

/// How loud a finding is in logs: `error` for a violated binding provision, `warning` for another
/// violation, `note` otherwise.
pub(super) fn severity(f: &Finding) -> &'static str {
    match (f.worst(), f.rule.strength) {
        (Verdict::Violated, crate::rules::ast::Strength::Binding) => "error",
        (Verdict::Violated, _) => "warning",
        _ => "note",
    }
}

/// One program's JUnit test suite: one test case per rule; a violated rule (in law or in
/// practice) is a failure, an unstated one is skipped.
pub(super) fn junit_suite(w: &Words, c: &Checked) -> String {
    use std::fmt::Write;
    let x = super::svg::xml;
    let mut out = String::new();
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
            x(&f.rule.instrument),
            x(&f.rule.id),
            x(&stream)
        );
        let (line, _) = c.line_col(f.primary_span(c.header()).start);
        match f.worst() {
            Verdict::Violated => {
                let _ = writeln!(
                    out,
                    ">\n      <failure message=\"{} {}: {}\">{}:{line}</failure>\n    </testcase>",
                    x(&f.rule.instrument),
                    x(&f.rule.cites),
                    x(w.summary(f)),
                    x(c.source.name())
                );
            }
            Verdict::Unstated => {
                let _ = writeln!(
                    out,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                    x(&t!(
                        w.lang,
                        "finding.silent_on",
                        terms = f
                            .silent
                            .iter()
                            .map(|g| w.gap(g))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                );
            }
            _ => out.push_str("/>\n"),
        }
    }
    out.push_str("  </testsuite>\n");
    out
}

/// A rejected file as a JUnit test suite with one error.
pub(super) fn junit_error(r: &Rejected) -> String {
    let x = super::svg::xml;
    let first = r.diagnostics().first();
    format!(
        "  <testsuite name=\"{}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"input\" name=\"read\">\n      <error message=\"{}\" type=\"{}\"/>\n    </testcase>\n  </testsuite>\n",
        x(r.source().name()),
        x(first.map_or("rejected", |d| d.message())),
        x(first.map_or("", |d| d.code_name()))
    )
}
