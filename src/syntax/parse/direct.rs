//! The direct reader: programs with no syntax error read in one pass over their bytes, into the
//! tree the grammar's walk builds, several times faster.
//!
//! It follows `grammar/fair.pest` rule by rule, with the same ordered choices, the same greedy
//! repetitions and the same white space and comments between tokens. Where the grammar has a
//! choice, the first token decides it: after a clause's first word, `pays` makes a flow, `{` a
//! block, `->` a transition, anything else a field. At whatever it does not take (a syntax error,
//! a byte-order mark past the first byte, text after the program) it gives up, and the grammar parses the file,
//! recovering and explaining. The grammar stays the definition: tests and the `parse` fuzz target
//! check that wherever this reader gives a tree, the grammar gives the same tree and no error.

use super::attach;
use crate::syntax::ast::*;
use crate::syntax::lexical::unescape;
use crate::syntax::lines::Lines;
use crate::syntax::source::MAX_DEPTH;

/// The tree of `text`, whose lines are `lines`, if the whole file is a program without a syntax
/// error that this reader takes; `None` means "ask the grammar", never "invalid".
pub(super) fn read(text: &str, lines: &Lines) -> Option<Program> {
    // A byte-order mark is white space to the grammar, but one after the first byte can end up in
    // a span: those files are left to the grammar.
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    if text[bom..].contains('\u{FEFF}') {
        return None;
    }
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        pos: bom,
        end: bom,
        comments: Vec::new(),
        depth: 0,
    };
    let mut program = r.program()?;
    r.skip();
    if r.pos != r.bytes.len() {
        return None;
    }
    let comments = r
        .comments
        .iter()
        .map(|&(start, end)| attach::comment(text, lines, start, end))
        .collect();
    attach::attach(&mut program, comments, lines);
    Some(program)
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    /// Where the last token read ends: a clause's span ends there, before the white space and
    /// comments after it.
    end: usize,
    /// The comments skipped so far, as byte ranges.
    comments: Vec<(usize, usize)>,
    /// Braces and brackets open.
    depth: usize,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at(&self, token: &[u8]) -> bool {
        self.bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(token))
    }

    /// White space and comments, as the grammar skips them between tokens.
    fn skip(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => self.pos += 1,
                b'/' if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    let start = self.pos;
                    let rest = self.bytes.get(start..).unwrap_or_default();
                    self.pos = start + rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
                    self.comments.push((start, self.pos));
                }
                _ => return,
            }
        }
    }

    /// Runs `f`; where it fails, puts the reader back as it was.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let (pos, end, comments, depth) = (self.pos, self.end, self.comments.len(), self.depth);
        let out = f(self);
        if out.is_none() {
            self.pos = pos;
            self.end = end;
            self.comments.truncate(comments);
            self.depth = depth;
        }
        out
    }

    /// A keyword: the word, not followed by a letter, digit or `_`.
    fn keyword(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let taken = self.at(word.as_bytes()) && !self.bytes.get(end).copied().is_some_and(is_ident);
        if taken {
            self.pos = end;
            self.end = end;
        }
        taken
    }

    /// One byte of punctuation, with its span.
    fn punct(&mut self, b: u8) -> Option<Span> {
        (self.peek() == Some(b)).then(|| {
            self.pos += 1;
            self.end = self.pos;
            Span::new(self.pos - 1, self.pos)
        })
    }

    fn ident(&mut self) -> Option<Span> {
        let start = self.pos;
        if !self.peek().is_some_and(is_ident_start) {
            return None;
        }
        self.pos += 1;
        self.take_while(is_ident);
        self.end = self.pos;
        Some(Span::new(start, self.pos))
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(&f) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn slice(&self, span: Span) -> &'t str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    fn name(&mut self) -> Option<Name> {
        let span = self.ident()?;
        Some(Name {
            text: self.slice(span).to_string(),
            span,
        })
    }

    /// `"text"`: ends on its line; a backslash escapes the character after it.
    fn string(&mut self) -> Option<Name> {
        let start = self.pos;
        self.punct(b'"')?;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\n' => return None,
                b'\\' => match self.bytes.get(self.pos + 1) {
                    None | Some(b'\n') => return None,
                    Some(_) => self.pos += 2,
                },
                _ => self.pos += 1,
            }
        }
        let raw = self.text.get(start + 1..self.pos)?;
        self.pos += 1;
        self.end = self.pos;
        Some(Name {
            text: unescape(raw),
            span: Span::new(start, self.pos),
        })
    }

    fn program(&mut self) -> Option<Program> {
        self.skip();
        let start = self.pos;
        if !self.keyword("program") {
            return None;
        }
        self.skip();
        let name = self.string()?;
        self.skip();
        let open = self.punct(b'{')?;
        let (items, close) = self.items()?;
        Some(Program {
            header: Span::new(start, name.span.end),
            name,
            items,
            span: Span::new(start, close.end),
            braces: braces(open, close),
            comments: Comments::default(),
        })
    }

    /// Clauses up to and including the closing brace.
    fn items(&mut self) -> Option<(Vec<Item>, Span)> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek()? {
                b'}' => {
                    self.depth -= 1;
                    return Some((items, self.punct(b'}')?));
                }
                b if is_ident_start(b) => items.push(self.item()?),
                _ => return None,
            }
        }
    }

    /// A clause, decided by what follows its first word.
    fn item(&mut self) -> Option<Item> {
        let first = self.name()?;
        self.skip();
        let at_pays = self.attempt(|r| r.keyword("pays").then_some(()));
        match self.peek()? {
            _ if at_pays.is_some() => self.flow(first),
            b'{' => self.block(first),
            b'-' if self.at(b"->") => self.transition(first),
            _ => self.field(first),
        }
    }

    /// `key value` with its tail; the value is not followed by `{`.
    fn field(&mut self, key: Name) -> Option<Item> {
        let value = self.value()?;
        let (mut exception, mut discretion) = (None, false);
        loop {
            self.skip();
            if self.keyword("at_discretion") {
                discretion = true;
            } else if let Some(grounds) = self.attempt(|r| {
                r.keyword("except").then_some(())?;
                r.skip();
                r.string()
            }) {
                exception = Some(grounds);
            } else {
                break;
            }
        }
        let source = self.source();
        self.skip();
        if self.peek() == Some(b'{') {
            return None;
        }
        Some(Item::Field(Field {
            span: Span::new(key.span.start, self.end),
            key,
            value,
            exception,
            discretion,
            source,
            comments: Comments::default(),
        }))
    }

    /// `@ "source"`, if there.
    fn source(&mut self) -> Option<Name> {
        self.attempt(|r| {
            r.punct(b'@')?;
            r.skip();
            r.string()
        })
    }

    fn block(&mut self, key: Name) -> Option<Item> {
        let open = self.punct(b'{')?;
        let (items, close) = self.items()?;
        self.skip();
        let source = self.source();
        Some(Item::Block(Block {
            span: Span::new(key.span.start, self.end),
            key,
            items,
            source,
            braces: braces(open, close),
            comments: Comments::default(),
        }))
    }

    fn transition(&mut self, from: Name) -> Option<Item> {
        self.pos += 2;
        self.skip();
        let to = self.name()?;
        self.skip();
        if !self.keyword("on") {
            return None;
        }
        self.skip();
        let trigger = self.name()?;
        let mut modifiers = Vec::new();
        loop {
            self.skip();
            match self.attempt(Self::modifier) {
                Some(m) => modifiers.push(m),
                None => break,
            }
        }
        let source = self.source();
        Some(Item::Transition(Transition {
            span: Span::new(from.span.start, self.end),
            from,
            to,
            trigger,
            modifiers,
            source,
            comments: Comments::default(),
        }))
    }

    /// A transition's modifier.
    fn modifier(&mut self) -> Option<Modifier> {
        let keyword = self.ident()?;
        self.skip();
        let m = match self.slice(keyword) {
            "within" => Modifier::Within {
                value: self.quantity()?,
            },
            "after" => Modifier::After {
                value: self.quantity()?,
            },
            "decided_by" => Modifier::DecidedBy {
                party: self.name()?,
            },
            "consent" => Modifier::Consent {
                parties: self.list()?,
            },
            "if" => Modifier::If {
                text: self.string()?,
            },
            _ => return None,
        };
        Some(m)
    }

    /// `payer pays [no] cost [amount] [to payee] [deducted] [@ "source"]`, after `pays`.
    fn flow(&mut self, payer: Name) -> Option<Item> {
        self.skip();
        let negated = self.keyword("no");
        if negated {
            self.skip();
        }
        let cost = self.name()?;
        self.skip();
        let amount = self.attempt(Self::quantity);
        self.skip();
        let payee = self.attempt(|r| {
            r.keyword("to").then_some(())?;
            r.skip();
            r.name()
        });
        self.skip();
        let deducted = self.keyword("deducted");
        self.skip();
        let source = self.source();
        Some(Item::Flow(Flow {
            span: Span::new(payer.span.start, self.end),
            payer,
            cost,
            amount,
            payee,
            deducted,
            negated,
            source,
            comments: Comments::default(),
        }))
    }

    /// A value: a word, a date, a range, a quantity, a list or a string, in the grammar's order.
    fn value(&mut self) -> Option<Value> {
        let start = self.pos;
        let kind = match self.peek()? {
            b if is_ident_start(b) => {
                let span = self.ident()?;
                return Some(Value {
                    kind: ValueKind::Word {
                        word: self.slice(span).to_string(),
                    },
                    span,
                });
            }
            b'[' => return self.list(),
            b'"' => {
                let s = self.string()?;
                return Some(Value {
                    kind: ValueKind::Text { text: s.text },
                    span: s.span,
                });
            }
            _ if self.date().is_some() => ValueKind::Date {
                date: self.slice(Span::new(start, self.pos)).to_string(),
            },
            _ => return self.attempt(Self::range).or_else(|| self.quantity()),
        };
        Some(Value {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    /// `YYYY-MM-DD`.
    fn date(&mut self) -> Option<()> {
        let b = self.bytes.get(self.pos..self.pos + 10)?;
        let shape = b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        shape.then(|| {
            self.pos += 10;
            self.end = self.pos;
        })
    }

    /// `quantity to quantity`.
    fn range(&mut self) -> Option<Value> {
        let min = self.quantity()?;
        self.skip();
        self.keyword("to").then_some(())?;
        self.skip();
        let max = self.quantity()?;
        Some(Value {
            span: Span::new(min.span.start, max.span.end),
            kind: ValueKind::Range {
                min: Box::new(min),
                max: Box::new(max),
            },
        })
    }

    /// A number, and a unit on the same line: `85 CAD`, `6 months`, `50 %`.
    fn quantity(&mut self) -> Option<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.take_while(|b| b.is_ascii_digit()) == 0 {
            self.pos = start;
            return None;
        }
        if self.peek() == Some(b'.') && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit)
        {
            self.pos += 1;
            self.take_while(|b| b.is_ascii_digit());
        }
        let number_end = self.pos;
        self.end = self.pos;
        let number = self
            .slice(Span::new(start, number_end))
            .parse()
            .unwrap_or(f64::NAN);
        let unit = self.attempt(|r| {
            (r.take_while(|b| b == b' ' || b == b'\t') > 0).then_some(())?;
            let from = r.pos;
            match r.peek()? {
                b'%' => r.pos += 1,
                b if b.is_ascii_alphabetic() => {
                    r.take_while(is_ident);
                }
                _ => return None,
            }
            r.end = r.pos;
            Some(r.slice(Span::new(from, r.pos)).to_string())
        });
        Some(Value {
            kind: ValueKind::Quantity { number, unit },
            span: Span::new(start, self.pos),
        })
    }

    /// `[a, b, c]`, a trailing comma allowed.
    fn list(&mut self) -> Option<Value> {
        let open = self.punct(b'[')?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut items = Vec::new();
        self.skip();
        if self.peek() != Some(b']') {
            items.push(self.value()?);
            loop {
                self.skip();
                if self.punct(b',').is_none() {
                    break;
                }
                self.skip();
                match self.peek() {
                    Some(b']') => break,
                    _ => items.push(self.value()?),
                }
            }
        }
        let close = self.punct(b']')?;
        self.depth -= 1;
        Some(Value {
            kind: ValueKind::List { items },
            span: Span::new(open.start, close.end),
        })
    }
}

fn braces(open: Span, close: Span) -> Braces {
    Braces {
        open,
        close,
        closed: true,
        comments: Vec::new(),
    }
}
