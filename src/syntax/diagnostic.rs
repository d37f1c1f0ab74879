//! Diagnostics: lower-case messages, user input in backticks, a labelled span, help, stable codes.

use std::fmt;
use std::sync::Arc;

use miette::{NamedSource, NarratableReportHandler};
use serde::Serialize;

use super::ast::Span;
use super::lexical::printable;
use super::Source;

/// Declares [`Code`] with each code's name, group and meaning, from which the README's table is
/// generated.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal in $group:ident;)*) => {
        /// A diagnostic's stable code, written `fairpath::NAME`. A finding's code is its rule id
        /// instead.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)*
        }

        impl Code {
            /// Every code, in the README's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written: `fairpath::unknown-term`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!("fairpath::", $name),)*
                }
            }

            /// What finds it: the language, the model or a rule pack.
            pub fn group(self) -> Group {
                match self {
                    $(Code::$variant => Group::$group,)*
                }
            }

            /// What it means, in one sentence.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),+).trim_start(),)*
                }
            }

            /// The code's documentation.
            pub fn url(self) -> String {
                let anchor = match self {
                    $(Code::$variant => stringify!($variant),)*
                };
                format!("{DOCS}/syntax/diagnostic/enum.Code.html#variant.{anchor}")
            }
        }
    };
}

/// Where the library's documentation is published.
const DOCS: &str = "https://docs.rs/fairpath/latest/fairpath";

/// What finds a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Group {
    /// Reading and checking a program's text.
    Language,
    /// Checking the compiled program as a whole.
    Model,
    /// Compiling a rule pack.
    Pack,
}

codes! {
    /// A file, folder or option that cannot be used: missing, unreadable, not a regular file, or
    /// not writable.
    Input = "input" in Language;
    /// A clause, brace or string that does not parse.
    Syntax = "syntax" in Language;
    /// The file holds no program.
    Empty = "empty" in Language;
    /// The file is not UTF-8 text.
    NotUtf8 = "not-utf8" in Language;
    /// The file is over 4 MiB.
    TooLarge = "too-large" in Language;
    /// Braces, brackets or parentheses nest over 64 levels.
    TooDeep = "too-deep" in Language;
    /// A key that is not in the vocabulary.
    UnknownTerm = "unknown-term" in Language;
    /// A block that is not in the vocabulary.
    UnknownBlock = "unknown-block" in Language;
    /// A block written as `key value`.
    BlockAsTerm = "block-as-term" in Language;
    /// A word that is not one of the term's values.
    UnknownValue = "unknown-value" in Language;
    /// A value of the wrong type: a word where a number belongs, and the like.
    WrongType = "wrong-type" in Language;
    /// A unit the term does not take.
    WrongUnit = "wrong-unit" in Language;
    /// A number without its unit.
    MissingUnit = "missing-unit" in Language;
    /// A number outside the term's range.
    OutOfRange = "out-of-range" in Language;
    /// A term, party, status or rule stated twice.
    Duplicate = "duplicate" in Language;
    /// A list that names an item twice.
    DuplicateItem = "duplicate-item" in Language;
    /// A clause in a block where it does not belong.
    Misplaced = "misplaced" in Language;
    /// A declaration that takes a built-in name.
    ReservedName = "reserved-name" in Language;
    /// A range whose minimum exceeds its maximum.
    EmptyRange = "empty-range" in Language;
    /// A `practice` clause that names no source.
    PracticeWithoutSource = "practice-without-source" in Language;
    /// A stream with no clause of its own.
    EmptyStream = "empty-stream" in Language;
    /// A party that is neither built in nor declared.
    UndefinedParty = "undefined-party" in Language;
    /// A status that is not declared.
    UndefinedStatus = "undefined-status" in Language;
    /// A percentage where a fee's amount is expected: it is read as a share of the fee, not of
    /// wages.
    PercentFee = "percent-fee" in Language;
    /// Statuses without an `entry`.
    NoEntry = "no-entry" in Model;
    /// A status no journey from the entry reaches.
    UnreachableStatus = "unreachable-status" in Model;
    /// A status with no way out.
    TrapStatus = "trap-status" in Model;
    /// Two transitions on one event from one status to different statuses.
    ConflictingTransitions = "conflicting-transitions" in Model;
    /// Terms that contradict each other.
    Contradiction = "contradiction" in Model;
    /// A rule field the pack language does not have.
    UnknownField = "unknown-field" in Pack;
    /// A rule without a field it needs.
    MissingField = "missing-field" in Pack;
    /// An operator the compared term's type does not support.
    BadOperator = "bad-operator" in Pack;
    /// A rule translated into a language the packs do not take.
    UnknownLanguage = "unknown-language" in Pack;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl Group {
    /// The group's name in the README.
    pub fn title(self) -> &'static str {
        match self {
            Group::Language => "language",
            Group::Model => "model",
            Group::Pack => "rule packs",
        }
    }
}

/// The README's table of diagnostic codes.
pub fn codes_markdown() -> String {
    let mut out = String::from("| code | found by | meaning |\n|---|---|---|\n");
    for code in Code::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.name(),
            code.group().title(),
            code.meaning()
        ));
    }
    out
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input is usable but probably wrong.
    Warning,
}

/// A span with what it points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there, in a few words.
    pub text: String,
}

/// What a diagnostic is about: a language, model or pack problem, or a finding of a rule.
#[derive(Debug, Clone, PartialEq)]
enum Id {
    Code(Code),
    Rule(String),
}

/// One problem found in a program or a pack: a lower-case message, labelled spans (the first is
/// the main one), help, an optional note and a link to the code's documentation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    #[serde(rename = "code", serialize_with = "id_name")]
    id: Id,
    severity: Severity,
    message: String,
    labels: Vec<Label>,
    help: Option<String>,
    note: Option<String>,
}

fn id_name<S: serde::Serializer>(id: &Id, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match id {
        Id::Code(c) => c.name(),
        Id::Rule(r) => r,
    })
}

impl Diagnostic {
    fn new(id: Id, severity: Severity, span: Span, message: String, label: String) -> Self {
        Diagnostic {
            id,
            severity,
            message,
            labels: vec![Label { span, text: label }],
            help: None,
            note: None,
        }
    }

    /// An error with `code`, its main label `label` at `span`.
    pub fn error(
        code: Code,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        let (message, label) = (message.into(), label.into());
        Self::new(Id::Code(code), Severity::Error, span, message, label)
    }

    /// A warning.
    pub fn warning(
        code: Code,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        let (message, label) = (message.into(), label.into());
        Self::new(Id::Code(code), Severity::Warning, span, message, label)
    }

    /// A finding of the rule `rule`, drawn like a diagnostic.
    pub fn finding(
        rule: &str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Self::new(
            Id::Rule(rule.into()),
            severity,
            span,
            message.into(),
            label.into(),
        )
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

    /// This diagnostic with control characters taken out of every text a terminal shows.
    fn printable(&self) -> Diagnostic {
        let clean = |s: &String| printable(s).into_owned();
        let mut d = self.clone();
        d.message = clean(&d.message);
        d.help = d.help.as_ref().map(clean);
        d.note = d.note.as_ref().map(clean);
        for l in &mut d.labels {
            l.text = clean(&l.text);
        }
        d
    }

    /// Adds a note: background that is not a fix.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Adds a label at another span.
    pub fn with_label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// The code, or `None` for a finding.
    pub fn code(&self) -> Option<Code> {
        match self.id {
            Id::Code(c) => Some(c),
            Id::Rule(_) => None,
        }
    }

    /// The code as written, or a finding's rule id.
    pub fn code_name(&self) -> &str {
        match &self.id {
            Id::Code(c) => c.name(),
            Id::Rule(r) => r,
        }
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// One lower-case sentence.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The labelled spans, the main one first.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The main span.
    pub fn span(&self) -> Span {
        self.labels.first().map_or(Span::default(), |l| l.span)
    }

    /// How to fix it.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Background that is not a fix.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The code's documentation (none for findings).
    pub fn url(&self) -> Option<String> {
        self.code().map(Code::url)
    }
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// The most syntax errors reported for one file; the rest are counted in one last line.
pub const MAX_SYNTAX_ERRORS: usize = 20;

/// The most diagnostics reported for one file, of any kind.
pub const MAX_DIAGNOSTICS: usize = 100;

/// `diags` cut to `max`, with one last diagnostic (with the code of the first one cut) saying
/// how many more `things` there were.
pub fn capped(mut diags: Vec<Diagnostic>, max: usize, things: &str) -> Vec<Diagnostic> {
    let Some(next) = diags.get(max).cloned() else {
        return diags;
    };
    let more = diags.len() - max;
    diags.truncate(max);
    diags.push(Diagnostic {
        message: format!("{more} more {things} not shown"),
        labels: vec![Label {
            span: next.span(),
            text: "the next one".into(),
        }],
        help: Some("fix the problems above and check again".into()),
        note: None,
        ..next
    });
    diags
}

/// A diagnostic bound to its source text, ready for miette to draw.
#[derive(Debug)]
struct Bound {
    diag: Diagnostic,
    src: Arc<NamedSource<String>>,
    /// For plain output, the labels after the first as sentences with their line and column:
    /// miette's plain handler misplaces labels that fall in separate snippets.
    elsewhere: Option<Vec<String>>,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Bound {}

impl miette::Diagnostic for Bound {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diag.code_name()))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let lines: Vec<String> = self
            .elsewhere
            .iter()
            .flatten()
            .cloned()
            .chain(self.diag.help.clone())
            .chain(self.diag.note.as_ref().map(|n| format!("note: {n}")))
            .collect();
        (!lines.is_empty()).then(|| Box::new(lines.join("\n")) as Box<dyn fmt::Display>)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag
            .url()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.src.as_ref())
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let len = self.src.inner().len();
        let shown = if self.elsewhere.is_some() {
            1
        } else {
            usize::MAX
        };
        Some(Box::new(self.diag.labels.iter().take(shown).map(
            move |l| miette::LabeledSpan::new_with_span(Some(l.text.clone()), clamp(l.span, len)),
        )))
    }
}

fn clamp(span: Span, len: usize) -> Span {
    let start = span.start.min(len);
    Span::new(start, span.end.clamp(start, len))
}

/// How diagnostics and findings are drawn for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// Colour and box drawing.
    Fancy,
    /// Box drawing without colour: logs, files and pipes.
    Monochrome,
    /// No colour, no drawing: plain sentences for screen readers and logs.
    Plain,
}

/// Draws `diags` over the file `source`.
pub fn render(diags: &[Diagnostic], source: &Source, style: Style) -> String {
    let src = Arc::new(NamedSource::new(
        printable(source.name()),
        printable(source.text()).into_owned(),
    ));
    let mut out = String::new();
    for d in diags {
        let elsewhere = (style == Style::Plain).then(|| {
            d.labels
                .iter()
                .skip(1)
                .map(|l| {
                    let (line, col) = source.line_col(l.span.start);
                    format!("{}: line {line}, column {col}", l.text)
                })
                .collect()
        });
        let bound = Bound {
            diag: d.printable(),
            src: src.clone(),
            elsewhere,
        };
        if style == Style::Plain || !drawn(&mut out, &bound, style) {
            let _ = NarratableReportHandler::new().render_report(&mut out, &bound);
        }
        out.push('\n');
    }
    out
}

/// Draws `bound` with colour (or without, for `Monochrome`) and box drawing; whether it could.
#[cfg(feature = "fancy")]
fn drawn(out: &mut String, bound: &Bound, style: Style) -> bool {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    // Only a terminal gets colour and hyperlink escapes; a log or a file gets the same layout as
    // text, the code's link written out.
    let fancy = style == Style::Fancy;
    let theme = if fancy {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(fancy);
    let _ = handler.render_report(out, bound);
    true
}

/// Without the `fancy` feature there is no drawing: every style is plain.
#[cfg(not(feature = "fancy"))]
fn drawn(_: &mut String, _: &Bound, _: Style) -> bool {
    false
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
