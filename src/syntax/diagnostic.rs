//! Diagnostics: lower-case messages, user input in backticks, a labelled span, help, stable codes.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource, NarratableReportHandler};
use serde::Serialize;

use super::ast::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input is usable but probably wrong.
    Warning,
}

/// One problem found in a program or a pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code, such as `fairpath::unknown-term`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// One lower-case sentence.
    pub message: String,
    /// What the span points at.
    pub label: String,
    /// Where.
    pub span: Span,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error.
    pub fn error(
        code: &str,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code: code.into(),
            severity: Severity::Error,
            message: message.into(),
            label: label.into(),
            span,
            help: None,
        }
    }

    /// A warning.
    pub fn warning(
        code: &str,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(code, span, message, label)
        }
    }

    /// Adds help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds help text when there is some.
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// A diagnostic bound to its source text, ready for miette to draw.
#[derive(Debug)]
struct Bound {
    diag: Diagnostic,
    src: Arc<NamedSource<String>>,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Bound {}

impl miette::Diagnostic for Bound {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.diag.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.src.as_ref())
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = clamp(self.diag.span, self.src.inner().len());
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some(self.diag.label.clone()), span),
        )))
    }
}

fn clamp(span: Span, len: usize) -> Span {
    let start = span.start.min(len);
    Span::new(start, span.end.clamp(start, len))
}

/// How diagnostics and findings are drawn for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Colour and box drawing.
    Fancy,
    /// No colour, no drawing: plain sentences for screen readers and logs.
    Plain,
}

/// Draws `diags` over the file `name` whose text is `source`.
pub fn render(diags: &[Diagnostic], name: &str, source: &str, style: Style) -> String {
    let src = Arc::new(NamedSource::new(name, source.to_string()));
    let mut out = String::new();
    for d in diags {
        let bound = Bound {
            diag: d.clone(),
            src: src.clone(),
        };
        match style {
            Style::Fancy => {
                let handler =
                    GraphicalReportHandler::new_themed(GraphicalTheme::unicode()).with_width(100);
                let _ = handler.render_report(&mut out, &bound);
            }
            Style::Plain => {
                let _ = NarratableReportHandler::new().render_report(&mut out, &bound);
            }
        }
        out.push('\n');
    }
    out
}

/// The closest of `candidates` to `word`, if any is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `did you mean `x`?` when a close candidate exists.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    suggest(word, candidates).map(|s| format!("did you mean `{s}`?"))
}
