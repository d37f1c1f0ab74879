//! Reports for machines: JSON (`schemas/report.schema.json`), SARIF 2.1.0 and JUnit XML.

use serde::Serialize;
use serde_json::{json, Value};

use super::{shown, Checked, Words};
use crate::rules::ast::Party;
use crate::rules::ratify::{Binding, Ratified, Reason, Standing};
use crate::rules::{Clause, Engine, Finding, Gap, Says, Verdict};
use crate::syntax::ast::Span;
use crate::syntax::{Rejected, Severity};
use crate::t;
use crate::vocab::{Date, FastMap};

/// The version of the JSON report schema.
pub const REPORT_SCHEMA: &str = "fairpath.report/5";

/// Where something is in a program: byte offsets, line and column.
#[derive(Serialize)]
struct At {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

impl At {
    fn new(c: &Checked, s: Span) -> At {
        let (line, column) = c.line_col(s.start);
        At {
            start: s.start,
            end: s.end,
            line,
            column,
        }
    }
}

/// One finding of the JSON report: its rule by id (the rule itself is in the report's `rules`),
/// its verdicts and evidence; its bindingness, for each state that owes the rule's duty, refers
/// to the program's `bindings` by index. Members without a value or with nothing in them are
/// left out.
#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream: Option<&'a str>,
    verdict: Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    practice: Option<PracticeOut<'a>>,
    span: At,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    clauses: Vec<ClauseOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    silent: Vec<GapOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    witness: Vec<ClauseOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    binding: Vec<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    binds_on: Vec<&'a str>,
}

/// The verdict in practice and the clauses that decided it.
#[derive(Serialize)]
struct PracticeOut<'a> {
    verdict: Verdict,
    clauses: Vec<ClauseOut<'a>>,
}

/// A clause of a finding's evidence: where it is, what kind of clause, the term it states
/// (for a term), what it says in the report's language, and the agreement's article it encodes.
#[derive(Serialize)]
struct ClauseOut<'a> {
    span: At,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    term: Option<&'static str>,
    says: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

/// What a finding's program is silent on: its kind, what it is about, and in words.
#[derive(Serialize)]
struct GapOut<'a> {
    #[serde(flatten)]
    gap: &'a Gap,
    says: String,
}

fn finding_out<'a>(
    w: &Words,
    c: &Checked,
    f: &'a Finding,
    bindings: &mut Bindings<'a>,
) -> FindingOut<'a> {
    let clauses = |list: &'a [Clause]| -> Vec<ClauseOut<'a>> {
        list.iter().map(|cl| clause_out(w, c, cl)).collect()
    };
    FindingOut {
        rule: &f.rule.id,
        stream: f.stream.as_deref(),
        verdict: f.verdict,
        practice: f.practice.as_ref().map(|p| PracticeOut {
            verdict: p.verdict,
            clauses: clauses(&p.clauses),
        }),
        span: At::new(c, f.primary_span(c.header())),
        clauses: clauses(&f.clauses),
        silent: f
            .silent
            .iter()
            .map(|gap| GapOut {
                gap,
                says: w.gap(gap),
            })
            .collect(),
        witness: clauses(&f.witness),
        binding: f
            .binding
            .iter()
            .filter(|b| b.duty)
            .map(|b| bindings.index(b))
            .collect(),
        binds_on: f
            .binding
            .iter()
            .filter(|b| b.binds)
            .map(|b| b.state.as_str())
            .collect(),
    }
}

fn clause_out<'a>(w: &Words, c: &Checked, cl: &'a Clause) -> ClauseOut<'a> {
    let (kind, term) = match &cl.says {
        Says::Fact { term, .. } => ("fact", Some(*term)),
        Says::NotStated { term } => ("not-stated", Some(*term)),
        Says::Transition { .. } => ("transition", None),
        Says::Flow { .. } => ("flow", None),
        Says::Missing(_) => ("missing", None),
    };
    ClauseOut {
        span: At::new(c, cl.span),
        kind,
        term,
        says: w.says(&cl.says),
        source: cl.source.as_deref(),
    }
}

/// A program's distinct answers on bindingness, each once; findings refer to them by index.
/// Findings of rules with the same instrument, part, strength and duty share one list of
/// answers, so each answer is put into words once, however many findings name it.
#[derive(Default)]
struct Bindings<'a> {
    distinct: Vec<&'a Binding>,
    by_value: FastMap<&'a Binding, usize>,
    by_place: FastMap<usize, usize>,
}

impl<'a> Bindings<'a> {
    /// The index of `b`'s answer, added if new.
    fn index(&mut self, b: &'a Binding) -> usize {
        // The same answer at the same place in memory is the same answer.
        let place = std::ptr::from_ref(b) as usize;
        if let Some(&i) = self.by_place.get(&place) {
            return i;
        }
        let i = *self.by_value.entry(b).or_insert_with(|| {
            self.distinct.push(b);
            self.distinct.len() - 1
        });
        self.by_place.insert(place, i);
        i
    }
}

/// One answer on bindingness as the JSON report writes it, members in alphabetical order and
/// those without a value left out.
#[derive(Serialize)]
struct BindingOut<'a> {
    binds: bool,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    denounced: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_force: Option<Date>,
    instrument: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_ratified_as_of: Option<Date>,
    note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<&'a str>,
    party: Party,
    #[serde(skip_serializing_if = "Option::is_none")]
    ratified: Option<Ratified>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ratified_by: Option<Date>,
    reason: Reason,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    status: Standing,
    #[serde(skip_serializing_if = "Option::is_none")]
    territory: Option<&'a str>,
}

fn binding_out<'a>(w: &Words, c: &Checked, b: &'a Binding) -> BindingOut<'a> {
    BindingOut {
        binds: b.binds,
        code: &b.state,
        denounced: b.denounced,
        in_force: b.in_force,
        instrument: &b.instrument,
        not_ratified_as_of: b.as_of,
        note: super::binding::note(w, c, b, c.judged.date),
        part: b.part.as_deref(),
        party: b.party,
        ratified: b.ratified,
        ratified_by: b.ratified_by,
        reason: b.reason,
        source: b.source.as_deref(),
        status: b.status,
        territory: b.territory.as_deref(),
    }
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

/// One program of the JSON report at nesting `depth`: its identity, counts per instrument,
/// articles, then its findings and the answers on bindingness they refer to, one a line.
pub(super) fn program_json(w: &Words, c: &Checked, all: bool, depth: usize) -> String {
    let inner = depth + 1;
    let mut out = Json::default();
    out.raw("{");
    out.member(inner, "file", &c.source.name());
    out.member(inner, "sha256", &c.hash());
    out.member(inner, "program", &c.name());
    out.member(inner, "as_of", &c.judged);
    out.member(inner, "origin", &c.origin());
    out.member(inner, "destination", &c.destination());
    let mut summary = c.by_instrument();
    summary.sort_unstable_by_key(|(instrument, _)| *instrument);
    out.key(inner, "summary");
    out.entries(
        inner,
        summary
            .into_iter()
            .map(|(instrument, counts)| (instrument, Counts::from(counts))),
    );
    out.raw(",");
    out.key(inner, "articles");
    out.lines(inner, crate::rules::articles(&c.findings).iter());
    out.raw(",");
    let mut bindings = Bindings::default();
    out.key(inner, "findings");
    out.lines(
        inner,
        c.findings
            .iter()
            .filter(|f| all || shown(f))
            .map(|f| finding_out(w, c, f, &mut bindings)),
    );
    out.raw(",");
    out.key(inner, "bindings");
    let distinct = std::mem::take(&mut bindings.distinct);
    out.lines(inner, distinct.into_iter().map(|b| binding_out(w, c, b)));
    out.raw("\n");
    out.pad(depth);
    out.raw("}");
    out.into_string()
}

/// Findings per verdict, members in alphabetical order.
#[derive(Serialize)]
pub(super) struct Counts {
    #[serde(rename = "not-applicable")]
    not_applicable: usize,
    satisfied: usize,
    unstated: usize,
    violated: usize,
}

impl From<[usize; 4]> for Counts {
    /// Counts in the order of [`Verdict::ALL`].
    fn from([violated, unstated, satisfied, not_applicable]: [usize; 4]) -> Self {
        Counts {
            not_applicable,
            satisfied,
            unstated,
            violated,
        }
    }
}

/// JSON written straight into one buffer.
#[derive(Default)]
struct Json(Vec<u8>);

impl Json {
    fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    fn pad(&mut self, depth: usize) {
        self.0.resize(self.0.len() + 2 * depth, b' ');
    }

    /// `"key": ` on a new line at nesting `depth`.
    fn key(&mut self, depth: usize, key: &str) {
        self.raw("\n");
        self.pad(depth);
        self.value(key);
        self.raw(": ");
    }

    /// `"key": value,` on a new line at nesting `depth`, the value on one line.
    fn member<T: Serialize + ?Sized>(&mut self, depth: usize, key: &str, value: &T) {
        self.key(depth, key);
        self.value(value);
        self.raw(",");
    }

    /// `value` on one line.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) {
        // Writing into memory cannot fail, and what is written derives `Serialize`.
        let _ = serde_json::to_writer(&mut self.0, value);
    }

    /// An object or array at nesting `depth` (`brackets` are its two ends), one item a line,
    /// each written by `write`; `{}` or `[]` when there is none.
    fn block<I>(
        &mut self,
        depth: usize,
        [open, close]: [&str; 2],
        items: impl Iterator<Item = I>,
        mut write: impl FnMut(&mut Self, I),
    ) {
        let mut any = false;
        for item in items {
            self.raw(if any { "," } else { open });
            self.raw("\n");
            self.pad(depth + 1);
            write(self, item);
            any = true;
        }
        if any {
            self.raw("\n");
            self.pad(depth);
        } else {
            self.raw(open);
        }
        self.raw(close);
    }

    /// `entries` as an object at nesting `depth`, one member a line.
    fn entries<'a, T: Serialize>(
        &mut self,
        depth: usize,
        entries: impl Iterator<Item = (&'a str, T)>,
    ) {
        self.block(depth, ["{", "}"], entries, |j, (key, value)| {
            j.value(key);
            j.raw(": ");
            j.value(&value);
        });
    }

    /// `items` as an array at nesting `depth`, one a line.
    fn lines<T: Serialize>(&mut self, depth: usize, items: impl Iterator<Item = T>) {
        self.block(depth, ["[", "]"], items, |j, item| j.value(&item));
    }

    /// `value` at nesting `depth`, its first `open` levels one member a line.
    fn layered(&mut self, value: &Value, depth: usize, open: usize) {
        match value {
            Value::Object(m) if open > 0 => {
                self.block(depth, ["{", "}"], m.iter(), |j, (key, v)| {
                    j.value(key);
                    j.raw(": ");
                    j.layered(v, depth + 1, open - 1);
                });
            }
            Value::Array(a) if open > 0 => {
                self.block(depth, ["[", "]"], a.iter(), |j, v| {
                    j.layered(v, depth + 1, open - 1);
                });
            }
            _ => self.value(value),
        }
    }

    fn into_string(self) -> String {
        String::from_utf8(self.0).unwrap_or_default()
    }
}

/// `value` as JSON at nesting `depth`, its first `open` levels one member a line and anything
/// deeper on one line (a pack, a rule, a finding, a binding): readable, and a fraction of the
/// size of JSON indented all the way down.
pub(super) fn layered(value: &Value, depth: usize, open: usize) -> String {
    let mut out = Json::default();
    out.layered(value, depth, open);
    out.into_string()
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
