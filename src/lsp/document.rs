//! An open document: its text, syntax tree and the diagnostics of its last check.

use fairpath::report::Checked;
use fairpath::rules::{Finding, Verdict};
use fairpath::syntax::ast::Program;
use fairpath::syntax::diagnostic::{self, Diagnostic, Severity};
use fairpath::syntax::lines::Lines;
use fairpath::syntax::parse::parse;
use fairpath::Session;

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
}

impl Document {
    /// Reads and checks `text`, named `name`.
    pub fn new(session: &Session, name: &str, text: String, findings: Findings) -> Document {
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
                            diag: finding(&c, f),
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
fn finding(c: &Checked, f: &Finding) -> Diagnostic {
    let severity = if f.worst() == Verdict::Violated
        && f.strength == fairpath::rules::ast::Strength::Binding
    {
        Severity::Error
    } else {
        Severity::Warning
    };
    let message = match f.worst() {
        Verdict::Unstated => format!(
            "{} {}: silent on {}: {}",
            f.instrument,
            f.article,
            f.silent
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
            f.message
        ),
        v => format!(
            "{} {} ({}): {}",
            f.instrument,
            f.article,
            v.word(),
            f.message
        ),
    };
    let label = fairpath::report::evidence(f)
        .first()
        .map_or_else(|| "here".to_string(), |cl| cl.says.clone());
    Diagnostic::finding(
        &f.rule,
        severity,
        f.primary_span(c.header()),
        diagnostic::Text::verbatim(message),
        diagnostic::Text::verbatim(label),
    )
    .with_help(diagnostic::Text::verbatim(f.remedy.clone()))
}
