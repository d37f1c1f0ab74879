//! The pest parser and the walk from pest pairs to the syntax tree.

use pest::iterators::Pair;
use pest::Parser;

use super::ast::*;
use super::diagnostic::Diagnostic;

mod generated {
    #![allow(missing_docs)]
    /// The pest parser generated from `grammar/fair.pest`.
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/fair.pest"]
    pub struct FairParser;
}

pub use generated::{FairParser, Rule};

/// Parses a program file's text.
pub fn parse_program(text: &str) -> Result<Program, Diagnostic> {
    let mut pairs =
        FairParser::parse(Rule::program_file, text).map_err(|e| syntax_error(text, e))?;
    let file = pairs.next().expect("program_file matched");
    let program = file
        .into_inner()
        .next()
        .expect("program_file holds a program");
    Ok(program_node(program))
}

fn program_node(pair: Pair<Rule>) -> Program {
    let span = span_of(&pair);
    let mut inner = significant(pair);
    let name = string_name(inner.next().expect("program name"));
    let header = Span::new(span.start, name.span.end);
    let items = inner.map(item).collect();
    Program {
        name,
        items,
        header,
        span,
    }
}

/// The inner pairs without keyword tokens.
pub(crate) fn significant(pair: Pair<Rule>) -> impl Iterator<Item = Pair<Rule>> {
    pair.into_inner().filter(|p| !is_keyword(p.as_rule()))
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
            | Rule::kw_to
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

/// The byte span of a pair.
/// The byte span of a pair, without the whitespace and comments pest takes in after it.
pub(crate) fn span_of(pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.start() + code_len(pair.as_str()))
}

/// The length of `text` once trailing whitespace and comments are cut off.
fn code_len(text: &str) -> usize {
    let mut end = text.trim_end().len();
    loop {
        let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        match comment_start(&text[line_start..end]) {
            Some(c) => end = text[..line_start + c].trim_end().len(),
            None => return end,
        }
    }
}

/// Where a `//` comment starts in one line, outside strings.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
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

fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn item(pair: Pair<Rule>) -> Item {
    let span = span_of(&pair);
    match pair.as_rule() {
        Rule::field => {
            let mut inner = significant(pair);
            let key = name(inner.next().expect("key"));
            let value = value(inner.next().expect("value"));
            let source = inner.next().map(source);
            Item::Field(Field {
                key,
                value,
                source,
                span,
            })
        }
        Rule::block => {
            let mut key = None;
            let mut items = Vec::new();
            let mut src = None;
            for p in significant(pair) {
                match p.as_rule() {
                    Rule::key => key = Some(name(p)),
                    Rule::source => src = Some(source(p)),
                    _ => items.push(item(p)),
                }
            }
            Item::Block(Block {
                key: key.expect("block key"),
                items,
                source: src,
                span,
            })
        }
        Rule::transition => {
            let mut inner = significant(pair);
            let from = name(inner.next().expect("from"));
            let to = name(inner.next().expect("to"));
            let trigger = name(inner.next().expect("trigger"));
            let mut modifiers = Vec::new();
            let mut src = None;
            for p in inner {
                match p.as_rule() {
                    Rule::source => src = Some(source(p)),
                    _ => modifiers.push(modifier(p)),
                }
            }
            Item::Transition(Transition {
                from,
                to,
                trigger,
                modifiers,
                source: src,
                span,
            })
        }
        Rule::flow => {
            let mut inner = significant(pair);
            let payer = name(inner.next().expect("payer"));
            let cost = name(inner.next().expect("cost"));
            let mut flow = Flow {
                payer,
                cost,
                amount: None,
                payee: None,
                deducted: false,
                source: None,
                span,
            };
            for p in inner {
                match p.as_rule() {
                    Rule::quantity => flow.amount = Some(value_of_quantity(p)),
                    Rule::payee => flow.payee = significant(p).next().map(name),
                    Rule::deducted => flow.deducted = true,
                    Rule::source => flow.source = Some(source(p)),
                    r => unreachable!("flow part {r:?}"),
                }
            }
            Item::Flow(flow)
        }
        r => unreachable!("item {r:?}"),
    }
}

fn modifier(pair: Pair<Rule>) -> Modifier {
    let rule = pair.as_rule();
    let inner = significant(pair).next().expect("modifier operand");
    match rule {
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
        r => unreachable!("modifier {r:?}"),
    }
}

fn source(pair: Pair<Rule>) -> Name {
    string_name(pair.into_inner().next().expect("source string"))
}

/// A `value` pair as a [`Value`].
pub(crate) fn value(pair: Pair<Rule>) -> Value {
    let inner = pair
        .into_inner()
        .next()
        .expect("value holds one alternative");
    match inner.as_rule() {
        Rule::list => list_value(inner),
        Rule::quantity => value_of_quantity(inner),
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
        Rule::word => Value {
            span: span_of(&inner),
            kind: ValueKind::Word {
                word: inner.as_str().into(),
            },
        },
        r => unreachable!("value {r:?}"),
    }
}

/// A `list` pair as a list [`Value`].
pub(crate) fn list_value(pair: Pair<Rule>) -> Value {
    let span = span_of(&pair);
    Value {
        span,
        kind: ValueKind::List {
            items: pair.into_inner().map(value).collect(),
        },
    }
}

/// A `quantity` pair as a quantity [`Value`].
pub(crate) fn value_of_quantity(pair: Pair<Rule>) -> Value {
    let span = span_of(&pair);
    let mut inner = pair.into_inner();
    let number = inner
        .next()
        .expect("number")
        .as_str()
        .parse()
        .unwrap_or(f64::NAN);
    let unit = inner.next().map(|u| u.as_str().to_string());
    Value {
        span,
        kind: ValueKind::Quantity { number, unit },
    }
}

/// Turns a pest error into a diagnostic, naming what was expected in user words.
pub(crate) fn syntax_error(text: &str, e: pest::error::Error<Rule>) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let at = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let expected = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<&str> = positives.iter().map(|r| user_word(*r)).collect();
            words.sort_unstable();
            words.dedup();
            words
        }
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let found = text[at..].split_whitespace().next().unwrap_or("");
    let found = if found.is_empty() {
        "the end of the file".to_string()
    } else {
        format!("`{}`", truncate(found))
    };
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join_or(&expected))
    };
    Diagnostic::error("fairpath::syntax", Span::new(at, end), message, "here").with_help(
        "a clause is `key value`, a block is `key { … }`, a transition is `from -> to on trigger`, \
         and a money flow is `payer pays cost`",
    )
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 24 {
        format!("{}…", s.chars().take(24).collect::<String>())
    } else {
        s.to_string()
    }
}

fn join_or(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// How a grammar rule reads in an error message.
fn user_word(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the file",
        Rule::program | Rule::kw_program => "`program \"Name\" { … }`",
        Rule::standard | Rule::kw_standard => "`standard id \"Title\" { … }`",
        Rule::string | Rule::text => "text in double quotes",
        Rule::field | Rule::key | Rule::block | Rule::transition | Rule::flow | Rule::name => {
            "a clause"
        }
        Rule::value | Rule::word | Rule::list => "a value",
        Rule::quantity | Rule::number => "a number",
        Rule::unit => "a unit",
        Rule::date => "a date",
        Rule::source => "`@ \"source\"`",
        Rule::modifier => "`within`, `after`, `decided_by`, `consent` or `if`",
        Rule::within | Rule::kw_within => "`within`",
        Rule::after | Rule::kw_after => "`after`",
        Rule::decided_by | Rule::kw_decided_by => "`decided_by`",
        Rule::consent | Rule::kw_consent => "`consent`",
        Rule::condition | Rule::kw_if => "`if`",
        Rule::kw_on | Rule::on_set => "`on`",
        Rule::kw_pays => "`pays`",
        Rule::payee | Rule::kw_to | Rule::t_to => "`to`",
        Rule::deducted | Rule::kw_deducted => "`deducted`",
        Rule::rule_def | Rule::kw_rule => "`rule id { … }`",
        Rule::rule_id => "a rule id",
        Rule::pack_id => "a pack id",
        Rule::applies | Rule::kw_applies => "`applies`",
        Rule::require | Rule::kw_require => "`require`",
        Rule::forbid | Rule::kw_forbid => "`forbid`",
        Rule::expr | Rule::conj | Rule::negation | Rule::comparison | Rule::term_path => {
            "a condition"
        }
        Rule::stated | Rule::kw_stated | Rule::unstated | Rule::kw_unstated => "a condition",
        Rule::path_pred | Rule::kw_path | Rule::transition_pred | Rule::kw_transition => {
            "a condition"
        }
        Rule::flow_pred | Rule::kw_flow => "a condition",
        Rule::cmp_op | Rule::kw_has | Rule::kw_lacks | Rule::kw_in => {
            "a comparison (`>=`, `==`, `has`, `in`, …)"
        }
        Rule::kw_or => "`or`",
        Rule::kw_and => "`and`",
        Rule::kw_not => "`not`",
        Rule::set => "a word or a list",
        Rule::avoiding | Rule::kw_avoiding => "`avoiding`",
        Rule::t_from | Rule::kw_from => "`from`",
        Rule::t_without | Rule::kw_without_consent => "`without_consent`",
        Rule::t_by | Rule::kw_by => "`by`",
        Rule::f_for | Rule::kw_for => "`for`",
        _ => "a clause",
    }
}
