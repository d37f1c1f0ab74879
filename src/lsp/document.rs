//! An open document: its text, syntax tree and the diagnostics of its last check.

use fairpath::report::evidence::Join;
use fairpath::report::{Checked, Words};
use fairpath::rules::ast::Strength;
use fairpath::rules::{Finding, Verdict};
use fairpath::syntax::ast::Program;
use fairpath::syntax::diagnostic::{self, Diagnostic, Severity};
use fairpath::syntax::lines::Lines;
use fairpath::syntax::parse::parse;
use fairpath::vocab::Lang;
use fairpath::{t, Session};

use super::position::Text;

/// Which findings are shown as diagnostics (the `findings` setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Findings {
    /// None: only language and model diagnostics.
    Off,
    /// Violated findings.
    #[default]
    Violations,
    /// Violated and unstated findings.
    All,
}

impl Findings {
    /// The setting named `word`.
    pub fn from_word(word: &str) -> Option<Findings> {
        match word {
            "off" => Some(Findings::Off),
            "violations" => Some(Findings::Violations),
            "all" => Some(Findings::All),
            _ => None,
        }
    }

    fn shows(self, f: &Finding) -> bool {
        match self {
            Findings::Off => false,
            Findings::Violations => f.worst() == Verdict::Violated,
            Findings::All => fairpath::report::shown(f),
        }
    }
}

/// One diagnostic and whether it reports only a silence (shown as information).
#[derive(Debug, Clone)]
pub struct Entry {
    /// The diagnostic.
    pub diag: Diagnostic,
    /// Whether it is an unstated finding.
    pub silence: bool,
}

/// An open document, checked.
pub struct Document {
    /// Its text.
    pub text: String,
    /// Its line index.
    pub lines: Lines,
    /// Its syntax tree, recovered around errors, when it has one.
    pub program: Option<Program>,
    /// The check, when the program could be checked.
    pub checked: Option<Checked>,
    /// Every diagnostic to publish.
    pub entries: Vec<Entry>,
    /// The language its diagnostics are written in.
    pub lang: Lang,
}

impl Document {
    /// Reads and checks `text`, named `name`.
    pub fn new(
        session: &Session,
        name: &str,
        text: String,
        findings: Findings,
        lang: Lang,
    ) -> Document {
        let lines = Lines::new(&text);
        let program = parse(&text, &lines).0;
        let plain = |diag: &Diagnostic| Entry {
            diag: diag.clone(),
            silence: false,
        };
        let (checked, entries) =
            match session.check(name, text.as_bytes()) {
                Ok(c) => {
                    let mut entries: Vec<Entry> = c.warnings.iter().map(plain).collect();
                    entries.extend(c.findings.iter().filter(|f| findings.shows(f)).map(|f| {
                        Entry {
                            diag: finding(&Words::new(lang), &c, f),
                            silence: f.worst() == Verdict::Unstated,
                        }
                    }));
                    (Some(c), entries)
                }
                Err(rejected) => (None, rejected.diagnostics().iter().map(plain).collect()),
            };
        Document {
            text,
            lines,
            program,
            checked,
            entries,
            lang,
        }
    }

    /// The text with its line index, for positions.
    pub fn at(&self) -> Text<'_> {
        Text {
            text: &self.text,
            lines: &self.lines,
        }
    }
}

/// A finding as a diagnostic: the article and what it asks at the clause behind it (or the
/// header, for silence), the remedy as help. Violations of binding provisions are errors.
fn finding(w: &Words, c: &Checked, f: &Finding) -> Diagnostic {
    let severity = if f.worst() == Verdict::Violated && f.rule.strength == Strength::Binding {
        Severity::Error
    } else {
        Severity::Warning
    };
    let message = match f.worst() {
        Verdict::Unstated => {
            let gaps: Vec<String> = f.silent.iter().map(|g| w.gap(g)).collect();
            let silent = t!(
                w.lang,
                "finding.silent_on",
                terms = w.list(&gaps, Join::And)
            );
            format!(
                "{} {}: {silent}: {}",
                f.rule.instrument,
                f.rule.cites,
                w.summary(f)
            )
        }
        v => format!(
            "{} {} ({}): {}",
            f.rule.instrument,
            f.rule.cites,
            w.verdict(v),
            w.summary(f)
        ),
    };
    let label = fairpath::report::evidence(f)
        .first()
        .map_or_else(|| t!(w.lang, "finding.here"), |cl| w.says(&cl.says));
    Diagnostic::finding(
        &f.rule.id,
        severity,
        f.primary_span(c.header()),
        diagnostic::Text::verbatim(message),
        diagnostic::Text::verbatim(label),
    )
    .with_help(diagnostic::Text::verbatim(w.remedy(f).to_string()))
}
