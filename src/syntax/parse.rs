//! The pest parser and the typed walk from pest pairs to the syntax tree. A clause that does not
//! parse becomes an error node with a diagnostic, and the walk goes on; comments are kept and
//! attached to clauses.

mod attach;
mod direct;

use pest::iterators::Pair;
use pest::Parser;

use super::ast::*;
use super::diagnostic::{capped, msg, Arg, Code, Diagnostic, Text, MAX_SYNTAX_ERRORS};
use super::lexical::{unclosed_bracket, unclosed_string, unescape};
use super::lines::Lines;
use crate::vocab::Lang;

mod generated {
    #![allow(missing_docs)]
    /// The pest parser generated from `grammar/fair.pest`.
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/fair.pest"]
    pub struct FairParser;
}

pub use generated::{FairParser, Rule};

/// Parses a program file's text, whose lines are `lines`. Returns the syntax tree, unless even
/// the `program "…" {` header does not parse, and every syntax error (up to a cap).
///
/// A file without a syntax error is read directly, in one pass; any other goes to the grammar,
/// which recovers and explains. Both give the same tree.
pub fn parse(text: &str, lines: &Lines) -> (Option<Program>, Vec<Diagnostic>) {
    match read_directly(text, lines) {
        Some(program) => (Some(program), Vec::new()),
        None => parse_by_grammar(text, lines),
    }
}

/// The tree of a program without a syntax error, read in one pass without the grammar; `None`
/// when the file has an error or anything else the direct reader leaves to the grammar. Where it
/// gives a tree, [`parse_by_grammar`] gives the same tree and no error.
pub fn read_directly(text: &str, lines: &Lines) -> Option<Program> {
    direct::read(text, lines)
}

/// [`parse`] by the grammar alone, the definition of the language.
pub fn parse_by_grammar(text: &str, lines: &Lines) -> (Option<Program>, Vec<Diagnostic>) {
    let file = match FairParser::parse(Rule::program_file, text) {
        Ok(mut pairs) => pairs.next(),
        Err(e) => return (None, vec![syntax_error(text, e)]),
    };
    let Some(file) = file else {
        return (None, vec![unreadable(Span::new(0, 0))]);
    };
    let comments = attach::collect(&file, text, lines);
    let mut walk = Walk {
        text,
        lines,
        diags: Vec::new(),
        braces: Vec::new(),
    };
    let mut program = None;
    for p in file.into_inner() {
        match p.as_rule() {
            Rule::program => program = walk.program(p),
            Rule::stray => walk.diags.push(
                Diagnostic::error(
                    Code::Syntax,
                    span_of(&p),
                    msg!("syntax.stray"),
                    msg!("syntax.stray-label"),
                )
                .with_help(msg!("syntax.stray-help")),
            ),
            _ => {}
        }
    }
    let Some(mut program) = program else {
        return (None, vec![unreadable(Span::new(0, text.len()))]);
    };
    walk.unclosed();
    attach::attach(&mut program, comments, lines);
    let mut diags = walk.diags;
    diags.sort_by_key(|d| d.span().start);
    (
        Some(program),
        capped(diags, MAX_SYNTAX_ERRORS, msg!("capped.syntax-errors")),
    )
}

/// Parses a program that must have no syntax error: the tree, or the first error.
pub fn parse_program(text: &str) -> Result<Program, Box<Diagnostic>> {
    match parse(text, &Lines::new(text)) {
        (Some(p), d) if d.is_empty() => Ok(p),
        (_, d) => Err(Box::new(
            d.into_iter()
                .next()
                .unwrap_or_else(|| unreadable(Span::new(0, 0))),
        )),
    }
}

/// A clause the walk could not read although the grammar matched it: the grammar and the walk
/// disagree. Reported, never a panic.
fn unreadable(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        span,
        msg!("syntax.unreadable"),
        msg!("syntax.unreadable-label"),
    )
    .with_help(msg!("syntax.clause-help"))
}

struct Walk<'t> {
    text: &'t str,
    lines: &'t Lines,
    diags: Vec<Diagnostic>,
    /// Every pair of braces, for finding the one left open.
    braces: Vec<(Span, Span, bool)>,
}

impl Walk<'_> {
    fn program(&mut self, pair: Pair<Rule>) -> Option<Program> {
        let span = span_of(&pair);
        let mut name = None;
        let mut braces = Braces::default();
        let mut items = Vec::new();
        for p in significant(pair) {
            match p.as_rule() {
                Rule::string => name = Some(string_name(p)),
                Rule::open => braces.open = span_of(&p),
                Rule::close => self.close(p, &mut braces),
                _ => self.item(p, &mut items),
            }
        }
        let name = name?;
        Some(Program {
            header: Span::new(span.start, name.span.end),
            name,
            items,
            span,
            braces,
            comments: Comments::default(),
        })
    }

    fn close(&mut self, pair: Pair<Rule>, braces: &mut Braces) {
        braces.closed = significant(pair.clone()).next().is_none();
        braces.close = if braces.closed {
            span_of(&pair)
        } else {
            Span::new(self.text.len(), self.text.len())
        };
        self.braces.push((braces.open, braces.close, braces.closed));
    }

    /// Adds the clause `pair` to `items`, or an error node when it does not parse.
    fn item(&mut self, pair: Pair<Rule>, items: &mut Vec<Item>) {
        let span = span_of(&pair);
        let item = match pair.as_rule() {
            Rule::field => field(pair),
            Rule::block => self.block(pair),
            Rule::transition => transition(pair),
            Rule::flow => flow(pair),
            Rule::junk => {
                let prev = items.last().map(Item::span);
                self.junk(span, prev);
                Some(broken(span))
            }
            Rule::bad_block => Some(self.bad_block(pair)),
            _ => return,
        };
        items.push(item.unwrap_or_else(|| {
            self.diags.push(unreadable(span));
            broken(span)
        }));
    }

    fn block(&mut self, pair: Pair<Rule>) -> Option<Item> {
        let span = span_of(&pair);
        let mut key = None;
        let mut braces = Braces::default();
        let mut items = Vec::new();
        let mut src = None;
        for p in significant(pair) {
            match p.as_rule() {
                Rule::key => key = Some(name(p)),
                Rule::open => braces.open = span_of(&p),
                Rule::close => self.close(p, &mut braces),
                Rule::source => src = Some(source(p)?),
                _ => self.item(p, &mut items),
            }
        }
        Some(Item::Block(Block {
            key: key?,
            items,
            source: src,
            span,
            braces,
            comments: Comments::default(),
        }))
    }

    /// A line that opens a block but does not parse: reported, its clauses checked for syntax
    /// only, and the whole kept as one error node.
    fn bad_block(&mut self, pair: Pair<Rule>) -> Item {
        let span = span_of(&pair);
        let mut braces = Braces::default();
        let mut head = span;
        let mut items = Vec::new();
        for p in significant(pair) {
            match p.as_rule() {
                Rule::bad_head => head = span_of(&p),
                Rule::open => braces.open = span_of(&p),
                Rule::close => self.close(p, &mut braces),
                _ => self.item(p, &mut items),
            }
        }
        let second = self
            .text
            .get(head.start..head.end)
            .and_then(|h| h.split_whitespace().nth(1).and_then(|w| h.find(w)));
        match second {
            Some(at) => self.diags.push(describe(
                self.text,
                head.start + at,
                vec![Word::Token("`{`")],
            )),
            None => self.junk(head, None),
        }
        broken(span)
    }

    /// Reports the text at `span` that no clause matched. The clause is parsed again on its own
    /// (from the start of `prev`, the clause before it, when that ends on the same line) to say
    /// what it lacks.
    fn junk(&mut self, span: Span, prev: Option<Span>) {
        let Some(text) = self.text.get(span.start..span.end) else {
            self.diags.push(unreadable(span));
            return;
        };
        if let Some(quote) = unclosed_string(text) {
            self.diags.push(unclosed_string_at(span.start + quote));
            return;
        }
        if let Some(bracket) = unclosed_bracket(text) {
            let at = span.start + bracket;
            self.diags.push(
                Diagnostic::error(
                    Code::Syntax,
                    Span::new(at, at + 1),
                    msg!("syntax.unclosed-bracket"),
                    msg!("syntax.unclosed-bracket-label"),
                )
                .with_help(msg!("syntax.unclosed-bracket-help")),
            );
            return;
        }
        let from = prev
            .filter(|p| self.lines.line(p.end) == self.lines.line(span.start))
            .map_or(span.start, |p| p.start);
        let clause = self.text.get(from..span.end).unwrap_or(text);
        let diag = match FairParser::parse(Rule::clause, clause) {
            Err(e) => {
                // The clause was parsed alone, so its end is the end of a line, not of the file.
                let words = expected(&e)
                    .into_iter()
                    .map(|w| {
                        if w == user_word(Rule::EOI) {
                            Word::Phrase("diagnostic.word.new-line")
                        } else {
                            w
                        }
                    })
                    .collect();
                describe(self.text, from + position(&e), words)
            }
            Ok(_) => describe(self.text, span.start, Vec::new()),
        };
        self.diags.push(diag);
    }

    /// Reports each brace left open at the end of the file. The brace blamed is the first whose
    /// `}` is indented differently from its `{` line (that `}` most likely closes an outer
    /// block), else the innermost brace left open.
    fn unclosed(&mut self) {
        let open = self.braces.iter().filter(|b| !b.2).count();
        if open == 0 {
            return;
        }
        self.braces.sort_by_key(|b| b.0.start);
        let misaligned = self
            .braces
            .iter()
            .filter(|(o, c, closed)| *closed && self.indent(o.start) != self.indent(c.start));
        let innermost = self.braces.iter().rev().filter(|b| !b.2);
        let blamed: Vec<(Span, Span, bool)> =
            misaligned.chain(innermost).take(open).copied().collect();
        let last = self.text.trim_end().len();
        let end = Span::new(last.saturating_sub(1), last);
        for (brace, close, closed) in blamed {
            let d = Diagnostic::error(
                Code::Syntax,
                brace,
                msg!("syntax.unclosed-brace"),
                msg!("syntax.unclosed-brace-label"),
            )
            .with_label(end, msg!("syntax.file-ends-here"))
            .with_help(msg!("syntax.unclosed-brace-help"));
            self.diags.push(match closed {
                true => d.with_note(msg!(
                    "syntax.misaligned-brace",
                    line = self.lines.line(close.start) + 1
                )),
                false => d,
            });
        }
    }

    /// The width of the indentation of the line holding `offset`.
    fn indent(&self, offset: usize) -> usize {
        let start = self.lines.start(self.lines.line(offset));
        self.text
            .get(start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .count()
    }
}

fn broken(span: Span) -> Item {
    Item::Error(Broken {
        span,
        comments: Comments::default(),
    })
}

/// The inner pairs without keyword tokens and comments.
pub(crate) fn significant(pair: Pair<Rule>) -> impl Iterator<Item = Pair<Rule>> {
    pair.into_inner()
        .filter(|p| !is_keyword(p.as_rule()) && p.as_rule() != Rule::COMMENT)
}

fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_program
            | Rule::kw_standard
            | Rule::kw_rule
            | Rule::kw_on
            | Rule::kw_within
            | Rule::kw_after
            | Rule::kw_decided_by
            | Rule::kw_consent
            | Rule::kw_if
            | Rule::kw_pays
            | Rule::kw_no
            | Rule::kw_to
            | Rule::kw_except
            | Rule::kw_at_discretion
            | Rule::kw_deducted
            | Rule::kw_applies
            | Rule::kw_require
            | Rule::kw_forbid
            | Rule::kw_or
            | Rule::kw_and
            | Rule::kw_not
            | Rule::kw_stated
            | Rule::kw_unstated
            | Rule::kw_path
            | Rule::kw_avoiding
            | Rule::kw_transition
            | Rule::kw_from
            | Rule::kw_without_consent
            | Rule::kw_by
            | Rule::kw_flow
            | Rule::kw_for
    )
}

/// The byte span of a pair, without the whitespace and comments pest takes in after it. Those
/// comments are the pair's own children.
pub(crate) fn span_of(pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    let start = s.start();
    let text = s.as_str();
    // Without `//` in its text the pair holds no comment: its span ends at its last
    // non-blank byte.
    if !text.contains("//") {
        return Span::new(start, start + text.trim_end().len());
    }
    let comments: Vec<(usize, usize)> = pair
        .clone()
        .into_inner()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| {
            let c = p.as_span();
            (
                c.start().saturating_sub(start),
                c.end().saturating_sub(start),
            )
        })
        .collect();
    let mut end = text.len();
    loop {
        end = text.get(..end).map_or(0, |t| t.trim_end().len());
        match comments.iter().rev().find(|(c, e)| *c < end && end <= *e) {
            Some((c, _)) => end = *c,
            None => return Span::new(start, start + end),
        }
    }
}

/// A word pair as a [`Name`].
pub(crate) fn name(pair: Pair<Rule>) -> Name {
    Name {
        text: pair.as_str().to_string(),
        span: span_of(&pair),
    }
}

/// A `string` pair as a [`Name`] holding its unescaped text.
pub(crate) fn string_name(pair: Pair<Rule>) -> Name {
    let span = span_of(&pair);
    let raw = pair.into_inner().next().map_or("", |t| t.as_str());
    Name {
        text: unescape(raw),
        span,
    }
}

fn field(pair: Pair<Rule>) -> Option<Item> {
    let span = span_of(&pair);
    let mut inner = significant(pair);
    let key = name(inner.next()?);
    let value = value(inner.next()?);
    let (mut exception, mut discretion, mut src) = (None, false, None);
    for p in inner {
        match p.as_rule() {
            Rule::exception => exception = Some(string_name(significant(p).next()?)),
            Rule::discretion => discretion = true,
            Rule::source => src = Some(source(p)?),
            _ => return None,
        }
    }
    Some(Item::Field(Field {
        key,
        value,
        exception,
        discretion,
        source: src,
        span,
        comments: Comments::default(),
    }))
}

fn transition(pair: Pair<Rule>) -> Option<Item> {
    let span = span_of(&pair);
    let mut inner = significant(pair);
    let from = name(inner.next()?);
    let to = name(inner.next()?);
    let trigger = name(inner.next()?);
    let mut modifiers = Vec::new();
    let mut src = None;
    for p in inner {
        match p.as_rule() {
            Rule::source => src = Some(source(p)?),
            _ => modifiers.push(modifier(p)?),
        }
    }
    Some(Item::Transition(Transition {
        from,
        to,
        trigger,
        modifiers,
        source: src,
        span,
        comments: Comments::default(),
    }))
}

fn flow(pair: Pair<Rule>) -> Option<Item> {
    let span = span_of(&pair);
    let mut inner = significant(pair);
    let payer = name(inner.next()?);
    let mut next = inner.next()?;
    let negated = next.as_rule() == Rule::no;
    if negated {
        next = inner.next()?;
    }
    let cost = name(next);
    let mut flow = Flow {
        payer,
        cost,
        amount: None,
        payee: None,
        deducted: false,
        negated,
        source: None,
        span,
        comments: Comments::default(),
    };
    for p in inner {
        match p.as_rule() {
            Rule::quantity => flow.amount = Some(value_of_quantity(p)),
            Rule::payee => flow.payee = Some(name(significant(p).next()?)),
            Rule::deducted => flow.deducted = true,
            Rule::source => flow.source = Some(source(p)?),
            _ => return None,
        }
    }
    Some(Item::Flow(flow))
}

fn modifier(pair: Pair<Rule>) -> Option<Modifier> {
    let rule = pair.as_rule();
    let inner = significant(pair).next()?;
    Some(match rule {
        Rule::within => Modifier::Within {
            value: value_of_quantity(inner),
        },
        Rule::after => Modifier::After {
            value: value_of_quantity(inner),
        },
        Rule::decided_by => Modifier::DecidedBy { party: name(inner) },
        Rule::consent => Modifier::Consent {
            parties: list_value(inner),
        },
        Rule::condition => Modifier::If {
            text: string_name(inner),
        },
        _ => return None,
    })
}

fn source(pair: Pair<Rule>) -> Option<Name> {
    significant(pair).next().map(string_name)
}

/// A `value` pair as a [`Value`]. A pair of another shape reads as a word of its text, which
/// the vocabulary check then reports.
pub(crate) fn value(pair: Pair<Rule>) -> Value {
    let inner = match pair.as_rule() {
        Rule::value => significant(pair.clone()).next().unwrap_or(pair),
        _ => pair,
    };
    match inner.as_rule() {
        Rule::list => list_value(inner),
        Rule::quantity => value_of_quantity(inner),
        Rule::range => {
            let span = span_of(&inner);
            let mut ends = significant(inner).filter(|p| p.as_rule() == Rule::quantity);
            match (ends.next(), ends.next()) {
                (Some(min), Some(max)) => Value {
                    span,
                    kind: ValueKind::Range {
                        min: Box::new(value_of_quantity(min)),
                        max: Box::new(value_of_quantity(max)),
                    },
                },
                _ => Value {
                    span,
                    kind: ValueKind::Word {
                        word: String::new(),
                    },
                },
            }
        }
        Rule::date => Value {
            span: span_of(&inner),
            kind: ValueKind::Date {
                date: inner.as_str().into(),
            },
        },
        Rule::string => {
            let n = string_name(inner);
            Value {
                span: n.span,
                kind: ValueKind::Text { text: n.text },
            }
        }
        _ => Value {
            span: span_of(&inner),
            kind: ValueKind::Word {
                word: inner.as_str().into(),
            },
        },
    }
}

/// A `list` pair as a list [`Value`].
pub(crate) fn list_value(pair: Pair<Rule>) -> Value {
    let span = span_of(&pair);
    Value {
        span,
        kind: ValueKind::List {
            items: significant(pair).map(value).collect(),
        },
    }
}

/// A `quantity` pair as a quantity [`Value`]; a number that does not read is not a number (NaN),
/// which the vocabulary check reports.
pub(crate) fn value_of_quantity(pair: Pair<Rule>) -> Value {
    let span = span_of(&pair);
    let mut inner = pair.into_inner();
    let number = inner
        .next()
        .and_then(|n| n.as_str().parse().ok())
        .unwrap_or(f64::NAN);
    let unit = inner.next().map(|u| u.as_str().to_string());
    Value {
        span,
        kind: ValueKind::Quantity { number, unit },
    }
}

/// Turns a pest error into a diagnostic, naming what was expected in user words.
pub(crate) fn syntax_error(text: &str, e: pest::error::Error<Rule>) -> Diagnostic {
    let at = position(&e);
    let line = text
        .get(..at)
        .map_or(0, |t| t.rfind('\n').map_or(0, |i| i + 1));
    let this_line = text.get(line..).and_then(|t| t.split('\n').next());
    if let Some(q) = this_line
        .and_then(unclosed_string)
        .filter(|q| line + q <= at)
    {
        return unclosed_string_at(line + q);
    }
    describe(text, at, expected(&e))
}

/// A string whose opening quote is at `at` and that is not closed on its line.
fn unclosed_string_at(at: usize) -> Diagnostic {
    Diagnostic::error(
        Code::Syntax,
        Span::new(at, at + 1),
        msg!("syntax.unclosed-string"),
        msg!("syntax.unclosed-string-label"),
    )
    .with_help(msg!("syntax.unclosed-string-help"))
}

fn position(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

/// What the parser expected, in user words, sorted and without repeats.
fn expected(e: &pest::error::Error<Rule>) -> Vec<Word> {
    match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<Word> = positives
                .iter()
                .filter(|r| **r != Rule::COMMENT)
                .map(|r| user_word(*r))
                .collect();
            // Where a clause may start, its first word is not asked for on its own.
            if words.contains(&user_word(Rule::field)) {
                words.retain(|w| *w != user_word(Rule::name));
            }
            words.sort_by_cached_key(|w| w.english());
            words.dedup();
            words
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    }
}

/// A syntax error at byte `at` of `text`: "expected …, found …".
fn describe(text: &str, at: usize, expected: Vec<Word>) -> Diagnostic {
    let rest = text.get(at..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    let (found, span) = match line.split_whitespace().next() {
        Some(word) => {
            let start = at + line.find(word).unwrap_or(0);
            (Some(truncate(word)), Span::new(start, start + word.len()))
        }
        None => (None, Span::new(at, at)),
    };
    let is_word = found.is_some();
    let found = match found {
        Some(word) => Arg::Word(format!("`{word}`")),
        None if rest.trim().is_empty() => Word::Phrase("diagnostic.word.end-of-file").arg(),
        None => Word::Phrase("diagnostic.word.end-of-line").arg(),
    };
    let expected: Vec<Arg> = expected.into_iter().map(Word::arg).collect();
    let message = match (expected.is_empty(), is_word) {
        (false, _) => msg!(
            "syntax.expected",
            expected = Text::or(expected),
            found = found
        ),
        (true, true) => msg!("syntax.unexpected", found = found),
        (true, false) => msg!("syntax.too-early"),
    };
    Diagnostic::error(Code::Syntax, span, message, msg!("syntax.here"))
        .with_help(msg!("syntax.clause-help"))
}

/// What the parser expects: words of the language as written, in backticks and the same in every
/// language (`` `{` ``), or a phrase from the catalogues (`a value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// Tokens as written, in backticks.
    Token(&'static str),
    /// The catalogue key of a phrase.
    Phrase(&'static str),
}

impl Word {
    fn arg(self) -> Arg {
        match self {
            Word::Token(t) => Arg::Word(t.to_string()),
            Word::Phrase(key) => Arg::Text(Text::new(key, Vec::new())),
        }
    }

    /// The English words, by which the expected words are listed.
    fn english(&self) -> String {
        match self.arg() {
            Arg::Text(t) => t.as_str().to_string(),
            other => other.in_lang(Lang::En),
        }
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 24 {
        format!("{}…", s.chars().take(24).collect::<String>())
    } else {
        s.to_string()
    }
}

/// How a grammar rule reads in an error message.
fn user_word(rule: Rule) -> Word {
    match rule {
        Rule::EOI => Word::Phrase("diagnostic.word.end-of-file"),
        Rule::program | Rule::kw_program => Word::Token("`program \"Name\" { … }`"),
        Rule::standard | Rule::kw_standard => Word::Token("`standard id \"Title\" { … }`"),
        Rule::string | Rule::text => Word::Phrase("diagnostic.word.text-in-double-quotes"),
        Rule::open => Word::Token("`{`"),
        Rule::close | Rule::unclosed => Word::Token("`}`"),
        Rule::field | Rule::key | Rule::block | Rule::transition | Rule::flow => {
            Word::Phrase("diagnostic.word.clause")
        }
        Rule::name | Rule::no | Rule::kw_no => Word::Phrase("diagnostic.word.name"),
        Rule::exception | Rule::kw_except => Word::Token("`except \"grounds\"`"),
        Rule::discretion | Rule::kw_at_discretion => Word::Token("`at_discretion`"),
        Rule::value | Rule::word | Rule::list | Rule::range => {
            Word::Phrase("diagnostic.word.value")
        }
        Rule::quantity | Rule::number => Word::Phrase("diagnostic.word.number"),
        Rule::unit => Word::Phrase("diagnostic.word.unit"),
        Rule::date => Word::Phrase("diagnostic.word.date"),
        Rule::source => Word::Token("`@ \"source\"`"),
        Rule::within | Rule::kw_within => Word::Token("`within`"),
        Rule::after | Rule::kw_after => Word::Token("`after`"),
        Rule::decided_by | Rule::kw_decided_by => Word::Token("`decided_by`"),
        Rule::consent | Rule::kw_consent => Word::Token("`consent`"),
        Rule::condition | Rule::kw_if => Word::Token("`if`"),
        Rule::kw_on | Rule::on_set => Word::Token("`on`"),
        Rule::kw_pays => Word::Token("`pays`"),
        Rule::payee | Rule::kw_to | Rule::t_to => Word::Token("`to`"),
        Rule::deducted | Rule::kw_deducted => Word::Token("`deducted`"),
        Rule::rule_def | Rule::kw_rule => Word::Token("`rule id { … }`"),
        Rule::rule_id => Word::Phrase("diagnostic.word.rule-id"),
        Rule::translation | Rule::lang => Word::Phrase("diagnostic.word.translation"),
        Rule::pack_id => Word::Phrase("diagnostic.word.pack-id"),
        Rule::applies | Rule::kw_applies => Word::Token("`applies`"),
        Rule::require | Rule::kw_require => Word::Token("`require`"),
        Rule::forbid | Rule::kw_forbid => Word::Token("`forbid`"),
        Rule::expr | Rule::conj | Rule::negation | Rule::comparison | Rule::term_path => {
            Word::Phrase("diagnostic.word.condition")
        }
        Rule::stated | Rule::kw_stated | Rule::unstated | Rule::kw_unstated => {
            Word::Phrase("diagnostic.word.condition")
        }
        Rule::path_pred | Rule::kw_path | Rule::transition_pred | Rule::kw_transition => {
            Word::Phrase("diagnostic.word.condition")
        }
        Rule::flow_pred | Rule::kw_flow => Word::Phrase("diagnostic.word.condition"),
        Rule::cmp_op | Rule::kw_has | Rule::kw_lacks | Rule::kw_in => {
            Word::Phrase("diagnostic.word.comparison")
        }
        Rule::kw_or => Word::Token("`or`"),
        Rule::kw_and => Word::Token("`and`"),
        Rule::kw_not => Word::Token("`not`"),
        Rule::set => Word::Phrase("diagnostic.word.word-or-list"),
        Rule::avoiding | Rule::kw_avoiding => Word::Token("`avoiding`"),
        Rule::t_from | Rule::kw_from => Word::Token("`from`"),
        Rule::t_without | Rule::kw_without_consent => Word::Token("`without_consent`"),
        Rule::t_by | Rule::kw_by => Word::Token("`by`"),
        Rule::f_for | Rule::kw_for => Word::Token("`for`"),
        _ => Word::Phrase("diagnostic.word.clause"),
    }
}
