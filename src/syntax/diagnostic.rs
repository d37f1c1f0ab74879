//! Diagnostics: lower-case messages, user input in backticks, a labelled span, help, stable codes.

use std::fmt;
use std::sync::Arc;

use miette::{NamedSource, NarratableReportHandler};
use serde::Serialize;

use super::ast::Span;
use super::lexical::printable;
use super::Source;
use crate::vocab::{Kind, Lang};

/// `msg!("unknown-term.message", path = p)`: the [`Text`] `diagnostic.unknown-term.message`
/// with its arguments (anything that converts into an [`Arg`]).
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::syntax::diagnostic::Text::new(
            concat!("diagnostic.", $key),
            vec![$((stringify!($name), $crate::syntax::diagnostic::Arg::from($value))),*],
        )
    };
}
pub(crate) use msg;

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

/// A sentence a person reads, kept as data: a catalogue key (`diagnostic.unknown-term.message`,
/// in `locales/<lang>.toml`) and its named arguments, put into words per language when drawn.
/// The English wording is made once, when the text is made, for the accessors that return it.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The catalogue key, or `None` for text that comes already in words (a rule's own summary).
    key: Option<&'static str>,
    args: Vec<(&'static str, Arg)>,
    english: String,
}

/// One argument of a [`Text`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Arg {
    /// User input, a name or a number: the same in every language.
    Word(String),
    /// A phrase of its own from the catalogues.
    Text(Text),
    /// Items joined by commas.
    List(Vec<Arg>),
}

impl Arg {
    /// The argument in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Arg::Word(w) => w.clone(),
            Arg::Text(t) => t.in_lang(lang),
            Arg::List(items) => items
                .iter()
                .map(|a| a.in_lang(lang))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Word(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Word(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Word(s.to_string())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Word(n.to_string())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(t)
    }
}

impl Text {
    /// The sentence `key` (under `diagnostic.` in the catalogues) with `args`.
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        let mut t = Text {
            key: Some(key),
            args,
            english: String::new(),
        };
        t.english = t.in_lang(Lang::En);
        t
    }

    /// Text that is already in words, the same in every language: a rule's own summary.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Text {
            key: None,
            args: Vec::new(),
            english: text.into(),
        }
    }

    /// The catalogue key, if the text has one.
    pub fn key(&self) -> Option<&'static str> {
        self.key
    }

    /// The named arguments.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The text in English.
    pub fn as_str(&self) -> &str {
        &self.english
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let Some(key) = self.key else {
            return self.english.clone();
        };
        let words: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(n, a)| (*n, a.in_lang(lang)))
            .collect();
        let args: Vec<(&str, &dyn fmt::Display)> = words
            .iter()
            .map(|(n, w)| (*n, w as &dyn fmt::Display))
            .collect();
        crate::locale::text(lang, key, &args)
    }

    /// `items` as one phrase, `a, b or c` in the language.
    pub fn or(items: Vec<Arg>) -> Arg {
        Self::join(items, "diagnostic.or")
    }

    /// `items` as one phrase, `a, b and c` in the language.
    pub fn and(items: Vec<Arg>) -> Arg {
        Self::join(items, "diagnostic.and")
    }

    fn join(mut items: Vec<Arg>, key: &'static str) -> Arg {
        match items.pop() {
            None => Arg::Word(String::new()),
            Some(last) if items.is_empty() => last,
            Some(last) => Arg::Text(Text::new(
                key,
                vec![("items", Arg::List(items)), ("last", last)],
            )),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english)
    }
}

/// A span with what it points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there, in a few words.
    pub text: Text,
}

/// What a diagnostic is about: a language, model or pack problem, or a finding of a rule.
#[derive(Debug, Clone, PartialEq)]
enum Id {
    Code(Code),
    Rule(String),
}

/// One problem found in a program or a pack: a lower-case message, labelled spans (the first is
/// the main one), help, an optional note and a link to the code's documentation. Each text is a
/// catalogue key with arguments, drawn in any language; the accessors give English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    #[serde(rename = "code", serialize_with = "id_name")]
    id: Id,
    severity: Severity,
    message: Text,
    labels: Vec<Label>,
    help: Option<Text>,
    note: Option<Text>,
}

fn id_name<S: serde::Serializer>(id: &Id, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match id {
        Id::Code(c) => c.name(),
        Id::Rule(r) => r,
    })
}

impl Diagnostic {
    fn new(id: Id, severity: Severity, span: Span, message: Text, label: Text) -> Self {
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
    pub fn error(code: Code, span: Span, message: Text, label: Text) -> Self {
        Self::new(Id::Code(code), Severity::Error, span, message, label)
    }

    /// A warning.
    pub fn warning(code: Code, span: Span, message: Text, label: Text) -> Self {
        Self::new(Id::Code(code), Severity::Warning, span, message, label)
    }

    /// A finding of the rule `rule`, drawn like a diagnostic.
    pub fn finding(rule: &str, severity: Severity, span: Span, message: Text, label: Text) -> Self {
        Self::new(Id::Rule(rule.into()), severity, span, message, label)
    }

    /// Adds help text.
    pub fn with_help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    /// Adds help text when there is some.
    pub fn with_help_opt(mut self, help: Option<Text>) -> Self {
        self.help = help;
        self
    }

    /// Adds a note: background that is not a fix.
    pub fn with_note(mut self, note: Text) -> Self {
        self.note = Some(note);
        self
    }

    /// Adds a label at another span.
    pub fn with_label(mut self, span: Span, text: Text) -> Self {
        self.labels.push(Label { span, text });
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

    /// One lower-case sentence, in English.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.message.in_lang(lang)
    }

    /// The message as data: its key and arguments.
    pub fn message_text(&self) -> &Text {
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

    /// How to fix it, in English.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// How to fix it, in `lang`.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.in_lang(lang))
    }

    /// Background that is not a fix, in English.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The note in `lang`.
    pub fn note_in(&self, lang: Lang) -> Option<String> {
        self.note.as_ref().map(|n| n.in_lang(lang))
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
/// how many more `things` (a phrase such as `syntax errors`) there were.
pub fn capped(mut diags: Vec<Diagnostic>, max: usize, things: Text) -> Vec<Diagnostic> {
    let Some(next) = diags.get(max).cloned() else {
        return diags;
    };
    let more = diags.len() - max;
    diags.truncate(max);
    diags.push(Diagnostic {
        message: msg!("capped.message", count = more, things = things),
        labels: vec![Label {
            span: next.span(),
            text: msg!("capped.label"),
        }],
        help: Some(msg!("capped.help")),
        note: None,
        ..next
    });
    diags
}

/// A diagnostic in one language, control characters taken out, bound to its source text, ready
/// for miette to draw.
#[derive(Debug)]
struct Bound {
    code: String,
    severity: Severity,
    url: Option<String>,
    message: String,
    /// The labels, the main one first.
    labels: Vec<(Span, String)>,
    /// The help lines: for plain output first the labels after the first as sentences with their
    /// line and column (miette's plain handler misplaces labels that fall in separate snippets),
    /// then the help and the note.
    help: Vec<String>,
    /// How many labels miette draws.
    shown: usize,
    src: Arc<NamedSource<String>>,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Bound {}

impl miette::Diagnostic for Bound {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.help.is_empty()).then(|| Box::new(self.help.join("\n")) as Box<dyn fmt::Display>)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.src.as_ref())
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let len = self.src.inner().len();
        Some(Box::new(self.labels.iter().take(self.shown).map(
            move |(span, text)| {
                miette::LabeledSpan::new_with_span(Some(text.clone()), clamp(*span, len))
            },
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

/// Draws `diags` over the file `source`, in English.
pub fn render(diags: &[Diagnostic], source: &Source, style: Style) -> String {
    render_in(diags, source, style, Lang::En)
}

/// Draws `diags` over the file `source`, in `lang`.
pub fn render_in(diags: &[Diagnostic], source: &Source, style: Style, lang: Lang) -> String {
    let src = Arc::new(NamedSource::new(
        printable(source.name()),
        printable(source.text()).into_owned(),
    ));
    let clean = |t: &Text| printable(&t.in_lang(lang)).into_owned();
    let mut out = String::new();
    for d in diags {
        let plain = style == Style::Plain;
        let labels: Vec<(Span, String)> =
            d.labels.iter().map(|l| (l.span, clean(&l.text))).collect();
        let elsewhere = labels.iter().skip(1).filter(|_| plain).map(|(span, text)| {
            let (line, column) = source.line_col(span.start);
            let at = msg!("at", line = line.to_string(), column = column.to_string());
            format!("{text}: {}", at.in_lang(lang))
        });
        let note = d
            .note
            .as_ref()
            .map(|n| msg!("note", note = clean(n)).in_lang(lang));
        let bound = Bound {
            code: d.code_name().to_string(),
            severity: d.severity,
            url: d.url(),
            message: clean(&d.message),
            help: elsewhere
                .chain(d.help.as_ref().map(clean))
                .chain(note)
                .collect(),
            shown: if plain { 1 } else { usize::MAX },
            labels,
            src: src.clone(),
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

/// A type as it reads in a message, `a duration (days, weeks, months or years)`.
pub fn kind_text(kind: Kind) -> Text {
    let words = |v: &[&str]| {
        v.iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        Kind::Enum(v) => msg!("kind.enum", words = words(v)),
        Kind::Bool => msg!("kind.bool"),
        Kind::Duration => msg!("kind.duration"),
        Kind::Hours => msg!("kind.hours"),
        Kind::Money => msg!("kind.money"),
        Kind::Percent => msg!("kind.percent"),
        Kind::Count => msg!("kind.count"),
        Kind::Date => msg!("kind.date"),
        Kind::Text => msg!("kind.text"),
        Kind::Countries => msg!("kind.countries"),
        Kind::Party => msg!("kind.party"),
        Kind::EnumList(v) => msg!("kind.enum-list", words = words(v)),
        Kind::PartyList => msg!("kind.party-list"),
    }
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
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Text> {
    suggest(word, candidates).map(|s| msg!("did-you-mean", word = s))
}
