//! Reports of a checked program: for people (drawn diagnostics, plain text, Markdown) and for
//! machines (JSON with a versioned schema, SARIF 2.1.0).

pub mod batch;
pub mod binding;
pub mod diff;
mod html;
mod machine;
mod people;
pub mod svg;

pub use binding::binding_line;
pub use html::html;
pub use machine::REPORT_SCHEMA;
pub use people::{human, markdown};

use crate::model::Model;
use crate::rules::ast::Duty;
use crate::rules::ratify::Judged;
use crate::rules::{fingerprint, Engine, Finding, Verdict};
use crate::syntax::ast::Span;
use crate::syntax::{Diagnostic, Source};

/// One program's findings, ready to report.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The program file.
    pub source: Source,
    /// One finding per rule.
    pub findings: Vec<Finding>,
    /// Warnings from the language and model checks.
    pub warnings: Vec<Diagnostic>,
    /// The compiled program.
    pub model: Model,
    /// The date bindingness was judged at.
    pub judged: Judged,
}

impl Checked {
    /// Evaluates `engine` on `model` and collects the result.
    pub fn new(source: Source, model: Model, engine: &Engine, warnings: Vec<Diagnostic>) -> Self {
        Checked {
            findings: engine.evaluate(&model),
            judged: engine.judged(&model),
            warnings,
            source,
            model,
        }
    }

    /// The program's name.
    pub fn name(&self) -> &str {
        &self.model.terms().name
    }

    /// The `program "…"` header, where silence is reported.
    pub fn header(&self) -> Span {
        self.model.terms().header
    }

    /// The origin states' codes.
    pub fn origin(&self) -> Vec<&str> {
        self.model.states("origin")
    }

    /// The destination states' codes.
    pub fn destination(&self) -> Vec<&str> {
        self.model.states("destination")
    }

    /// The part of the destination state the program covers, if it says it is limited.
    pub fn territory(&self) -> Option<&str> {
        match self.model.fact("territory").map(|f| &f.value) {
            Some(crate::vocab::Typed::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// How many findings have `verdict`, overall or for one instrument.
    pub fn count(&self, verdict: Verdict, instrument: Option<&str>) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict == verdict && instrument.is_none_or(|i| f.instrument == i))
            .count()
    }

    /// The instruments with findings, in first-seen order.
    pub fn instruments(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in &self.findings {
            if !out.contains(&f.instrument.as_str()) {
                out.push(&f.instrument);
            }
        }
        out
    }

    /// How many findings are violated in practice.
    pub fn violated_in_practice(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| {
                f.practice
                    .as_ref()
                    .is_some_and(|p| p.verdict == Verdict::Violated)
            })
            .count()
    }

    /// Violated, unstated, satisfied and not-applicable counts in law over all findings.
    pub fn counts(&self) -> [usize; 4] {
        Verdict::ALL.map(|v| self.count(v, None))
    }

    /// The line of a clause and its text as written.
    pub fn quote(&self, clause: &crate::rules::Clause) -> (usize, &str) {
        let text = self
            .source
            .text()
            .get(clause.span.start..clause.span.end)
            .unwrap_or("")
            .trim();
        (self.line_col(clause.span.start).0, text)
    }

    /// The report's sections that have findings: shortfalls grouped by who owes the duty, so
    /// each side of a negotiation sees its own list, then silences.
    pub fn sections(&self) -> Vec<(String, Vec<&Finding>)> {
        let of = |v: Verdict, duty: Option<Duty>| -> Vec<&Finding> {
            self.findings
                .iter()
                .filter(|f| f.worst() == v && duty.is_none_or(|d| f.duty == d))
                .collect()
        };
        Duty::ALL
            .iter()
            .map(|(d, _)| (self.duty_heading(*d), of(Verdict::Violated, Some(*d))))
            .chain([(
                "What the text is silent on".to_string(),
                of(Verdict::Unstated, None),
            )])
            .filter(|(_, list)| !list.is_empty())
            .collect()
    }

    /// The heading of the shortfalls owed by `duty`, naming the states.
    fn duty_heading(&self, duty: Duty) -> String {
        let states = |codes: Vec<&str>| states(&codes);
        match duty {
            Duty::Destination => format!(
                "Shortfalls: duties of the destination state ({})",
                states(self.destination())
            ),
            Duty::Origin => format!(
                "Shortfalls: duties of the origin state ({})",
                states(self.origin())
            ),
            Duty::Joint => "Shortfalls: joint duties of both states".into(),
            Duty::EachState => {
                "Shortfalls: duties of each state, for what happens in its territory".into()
            }
        }
    }

    /// A hash of the program text.
    pub fn hash(&self) -> String {
        fingerprint(self.source.text())
    }

    /// Line and column of a byte offset in the program.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.source.line_col(offset)
    }
}

/// Which single terms decide a rule, in words.
pub fn decided_line(deciders: &[crate::rules::decide::Decider]) -> String {
    if deciders.is_empty() {
        return "decided by: no single term; only several stated together".into();
    }
    let each: Vec<String> = deciders
        .iter()
        .map(|d| {
            let verdicts: Vec<&str> = d.verdicts.iter().map(|v| v.word()).collect();
            format!("`{}` ({})", d.term, verdicts.join(" or "))
        })
        .collect();
    format!("decided by: {}", each.join(", "))
}

/// Program text made inert in Markdown: no control characters, no line breaks (which could start
/// a heading or a table row), no HTML, no table cell ends and no code spans.
pub fn md(text: &str) -> String {
    crate::syntax::lexical::printable(text)
        .replace(['\n', '\r'], " ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('`', "'")
}

/// What to show: the verdicts worth reporting by default are violated and unstated.
pub fn shown(f: &Finding) -> bool {
    matches!(f.worst(), Verdict::Violated | Verdict::Unstated)
}

/// How a finding reads in practice, where documented practice bears on it: the verdict and the
/// clauses with their sources.
pub fn practice_line(f: &Finding) -> Option<String> {
    let p = f.practice.as_ref()?;
    let found: Vec<String> = p
        .clauses
        .iter()
        .map(|c| match &c.source {
            Some(s) => format!("{} ({s})", c.says),
            None => c.says.clone(),
        })
        .collect();
    Some(format!(
        "in practice: {}{}",
        p.verdict.word(),
        if found.is_empty() {
            String::new()
        } else {
            format!(": {}", found.join("; "))
        }
    ))
}

/// State codes for a report, or "not stated".
fn states(codes: &[&str]) -> String {
    if codes.is_empty() {
        "not stated".into()
    } else {
        codes.join(", ")
    }
}
