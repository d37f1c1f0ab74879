//! The canonical layout of a program: two-space indents, aligned runs of clauses, one blank line
//! kept where the author left one. Every comment is kept: before its clause on a line of its own
//! (a comment written inside a clause moves there), after the clause on its last line, or after
//! an opening brace.

use std::collections::HashMap;

use super::ast::*;
use super::lexical::quote;
use crate::vocab::trim_number;

/// Prints `program`, whose source text is `src`, in canonical layout.
pub fn format_program(program: &Program, src: &str) -> String {
    let mut p = Printer {
        out: String::new(),
        src,
        after_brace: false,
    };
    p.comments(&program.comments.before, 0);
    p.line(0, &format!("program {} {{", quote(&program.name.text)));
    p.after_brace = true;
    p.items(&program.items, 1);
    p.comments(&program.braces.comments, 1);
    p.line(0, "}");
    p.after(&program.comments.after, 0);
    p.out
}

struct Printer<'a> {
    out: String,
    src: &'a str,
    /// Whether the last line printed ends with an opening brace.
    after_brace: bool,
}

impl Printer<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        self.out.push_str(&"  ".repeat(depth));
        self.out.push_str(text);
        self.out.push('\n');
        self.after_brace = false;
    }

    /// Appends `c` to the last line printed.
    fn append(&mut self, c: &Comment) {
        self.out.pop();
        self.out.push_str("  ");
        self.out.push_str(&c.text);
        self.out.push('\n');
        self.after_brace = false;
    }

    /// Comments before a clause or a closing brace: one that followed code on its line stays
    /// after an opening brace; every other gets a line of its own.
    fn comments(&mut self, list: &[Comment], depth: usize) {
        for c in list {
            if c.trailing && self.after_brace {
                self.append(c);
            } else {
                self.line(depth, &c.text);
            }
        }
    }

    /// Comments after a clause: the one on its line stays there.
    fn after(&mut self, list: &[Comment], depth: usize) {
        for c in list {
            if c.trailing {
                self.append(c);
            } else {
                self.line(depth, &c.text);
            }
        }
    }

    fn items(&mut self, items: &[Item], depth: usize) {
        let mut prev_end = None;
        let blanks: Vec<bool> = items
            .iter()
            .map(|item| {
                let start = item.span().start;
                let first = item
                    .comments()
                    .before
                    .first()
                    .map_or(start, |c| c.span.start.min(start));
                let blank = prev_end
                    .is_some_and(|prev: usize| blank_line(self.src.get(prev..first).unwrap_or("")));
                prev_end = Some(item.span().end);
                blank
            })
            .collect();
        let lines = aligned(items, &blanks);
        for ((item, line), blank) in items.iter().zip(lines).zip(blanks) {
            if blank {
                self.out.push('\n');
            }
            self.comments(&item.comments().before, depth);
            match item {
                Item::Block(b) => {
                    self.line(depth, &format!("{} {{", b.key.text));
                    self.after_brace = true;
                    self.items(&b.items, depth + 1);
                    self.comments(&b.braces.comments, depth + 1);
                    self.line(depth, &format!("}}{}", source(&b.source)));
                }
                Item::Error(e) => {
                    let text = self.src.get(e.span.start..e.span.end).unwrap_or("");
                    self.line(depth, text);
                }
                _ => self.line(depth, &line),
            }
            self.after(&item.comments().after, depth);
        }
    }
}

/// Each clause's line, with first words and `@` source tags aligned within its run: consecutive
/// clauses of one shape with no blank line (`blanks`) or comment between them. Blocks belong to
/// no run.
fn aligned(items: &[Item], blanks: &[bool]) -> Vec<String> {
    let (mut run, mut shape) = (0, None);
    let runs: Vec<Option<usize>> = items
        .iter()
        .zip(blanks)
        .map(|(item, blank)| {
            let this = shape_of(item);
            if this.is_none() || this != shape || *blank || !item.comments().before.is_empty() {
                run += 1;
            }
            shape = this;
            this.map(|_| run)
        })
        .collect();
    let widest = |widths: &mut HashMap<usize, usize>, run: Option<usize>, w: usize| {
        if let Some(r) = run {
            let e = widths.entry(r).or_default();
            *e = (*e).max(w);
        }
    };
    let mut heads = HashMap::new();
    for (item, r) in items.iter().zip(&runs) {
        widest(&mut heads, *r, head(item).len());
    }
    let width = |widths: &HashMap<usize, usize>, run: &Option<usize>| {
        run.and_then(|r| widths.get(&r).copied()).unwrap_or(0)
    };
    let bodies: Vec<String> = items
        .iter()
        .zip(&runs)
        .map(|(item, r)| body(item, width(&heads, r)))
        .collect();
    let mut tags = HashMap::new();
    for ((item, body), r) in items.iter().zip(&bodies).zip(&runs) {
        if tag(item).is_some() {
            widest(&mut tags, *r, body.chars().count());
        }
    }
    items
        .iter()
        .zip(bodies)
        .zip(&runs)
        .map(|((item, body), r)| match tag(item) {
            Some(t) => format!("{body:<w$} @ {}", quote(&t.text), w = width(&tags, r)),
            None => body,
        })
        .collect()
}

/// Which clauses align with each other; blocks and error nodes align with none.
fn shape_of(item: &Item) -> Option<u8> {
    match item {
        Item::Field(_) => Some(1),
        Item::Transition(_) => Some(2),
        Item::Flow(_) => Some(3),
        Item::Block(_) | Item::Error(_) => None,
    }
}

fn tag(item: &Item) -> Option<&Name> {
    match item {
        Item::Field(f) => f.source.as_ref(),
        Item::Transition(t) => t.source.as_ref(),
        Item::Flow(f) => f.source.as_ref(),
        Item::Block(_) | Item::Error(_) => None,
    }
}

/// A clause without its source tag, its first word padded to `w`.
fn body(item: &Item, w: usize) -> String {
    match item {
        Item::Field(f) => {
            let mut line = format!("{:<w$} {}", f.key.text, value(&f.value));
            if let Some(e) = &f.exception {
                line.push_str(&format!(" except {}", quote(&e.text)));
            }
            if f.discretion {
                line.push_str(" at_discretion");
            }
            line
        }
        Item::Transition(t) => {
            let mut line = format!("{:<w$} -> {} on {}", t.from.text, t.to.text, t.trigger.text);
            for m in &t.modifiers {
                line.push(' ');
                line.push_str(&modifier(m));
            }
            line
        }
        Item::Flow(f) => {
            let no = if f.negated { "no " } else { "" };
            let mut line = format!("{:<w$} pays {no}{}", f.payer.text, f.cost.text);
            if let Some(a) = &f.amount {
                line.push_str(&format!(" {}", value(a)));
            }
            if let Some(p) = &f.payee {
                line.push_str(&format!(" to {}", p.text));
            }
            if f.deducted {
                line.push_str(" deducted");
            }
            line
        }
        Item::Block(b) => b.key.text.clone(),
        Item::Error(_) => String::new(),
    }
}

fn head(item: &Item) -> &str {
    match item {
        Item::Field(f) => &f.key.text,
        Item::Block(b) => &b.key.text,
        Item::Transition(t) => &t.from.text,
        Item::Flow(f) => &f.payer.text,
        Item::Error(_) => "",
    }
}

/// Whether a gap between two clauses holds an empty line (the gap's first and last lines are
/// those of the clauses).
fn blank_line(gap: &str) -> bool {
    let mut lines: Vec<&str> = gap.split('\n').skip(1).collect();
    lines.pop();
    lines.iter().any(|l| l.trim().is_empty())
}

fn source(s: &Option<Name>) -> String {
    s.as_ref()
        .map_or(String::new(), |s| format!(" @ {}", quote(&s.text)))
}

fn modifier(m: &Modifier) -> String {
    match m {
        Modifier::Within { value: v } => format!("within {}", value(v)),
        Modifier::After { value: v } => format!("after {}", value(v)),
        Modifier::DecidedBy { party } => format!("decided_by {}", party.text),
        Modifier::Consent { parties } => format!("consent {}", value(parties)),
        Modifier::If { text } => format!("if {}", quote(&text.text)),
    }
}

/// A value in canonical form.
pub fn value(v: &Value) -> String {
    match &v.kind {
        ValueKind::Word { word } => word.clone(),
        ValueKind::Text { text } => quote(text),
        ValueKind::Quantity { number, unit } => match unit {
            Some(u) => format!("{} {u}", trim_number(*number)),
            None => trim_number(*number),
        },
        ValueKind::Date { date } => date.clone(),
        ValueKind::List { items } => format!(
            "[{}]",
            items.iter().map(value).collect::<Vec<_>>().join(", ")
        ),
        ValueKind::Range { min, max } => format!("{} to {}", value(min), value(max)),
    }
}
