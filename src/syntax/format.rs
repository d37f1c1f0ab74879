//! The canonical layout of a program: two-space indents, aligned runs of clauses, one blank line
//! kept where the author left one, every comment kept in place.

use super::ast::*;
use crate::vocab::trim_number;

/// A `//` comment found in the source.
#[derive(Debug, Clone)]
struct Comment {
    start: usize,
    text: String,
    trailing: bool,
}

/// Prints `program`, whose source text is `src`, in canonical layout.
pub fn format_program(program: &Program, src: &str) -> String {
    let mut p = Printer {
        out: String::new(),
        comments: comments(src),
        next: 0,
        src,
    };
    p.leading(program.span.start, 0);
    p.out
        .push_str(&format!("program {} {{\n", quote(&program.name.text)));
    p.items(&program.items, 1, program.name.span.end);
    p.leading(program.span.end, 1);
    p.out.push_str("}\n");
    p.trailing(program.span.end);
    p.leading(src.len(), 0);
    p.out
}

struct Printer<'a> {
    out: String,
    comments: Vec<Comment>,
    next: usize,
    src: &'a str,
}

impl Printer<'_> {
    fn indent(&mut self, depth: usize) {
        self.out.push_str(&"  ".repeat(depth));
    }

    /// Emits every comment that starts before `offset`, each on its own line.
    fn leading(&mut self, offset: usize, depth: usize) {
        while let Some(c) = self
            .comments
            .get(self.next)
            .filter(|c| c.start < offset)
            .cloned()
        {
            self.next += 1;
            if c.trailing && self.out.ends_with('\n') && !self.out.is_empty() {
                self.out.pop();
                self.out.push_str(&format!("  {}\n", c.text));
            } else {
                self.indent(depth);
                self.out.push_str(&c.text);
                self.out.push('\n');
            }
        }
    }

    /// Appends a comment that follows `end` on the same line.
    fn trailing(&mut self, end: usize) {
        if let Some(c) = self
            .comments
            .get(self.next)
            .filter(|c| c.trailing && !self.src[end..c.start].contains('\n'))
            .cloned()
        {
            self.next += 1;
            self.out.pop();
            self.out.push_str(&format!("  {}\n", c.text));
        }
    }

    fn items(&mut self, items: &[Item], depth: usize, mut prev_end: usize) {
        let lines = aligned(items, self.src, prev_end);
        for (i, item) in items.iter().enumerate() {
            let start = item.span().start;
            let first_comment = self
                .comments
                .get(self.next)
                .filter(|c| c.start < start)
                .map_or(start, |c| c.start);
            if i > 0 && blank_line(&self.src[prev_end..first_comment]) {
                self.out.push('\n');
            }
            self.leading(start, depth);
            self.indent(depth);
            match (item, &lines[i]) {
                (Item::Block(b), _) => {
                    self.out.push_str(&format!("{} {{\n", b.key.text));
                    self.items(&b.items, depth + 1, b.key.span.end);
                    self.leading(b.span.end, depth + 1);
                    self.indent(depth);
                    self.out.push_str(&format!("}}{}\n", source(&b.source)));
                }
                (_, line) => {
                    self.out.push_str(line);
                    self.out.push('\n');
                }
            }
            self.trailing(item.span().end);
            prev_end = item.span().end;
        }
    }
}

/// The run each item belongs to: consecutive clauses of one shape with no blank line or comment
/// between them. Blocks belong to no run.
fn runs(items: &[Item], src: &str, mut prev_end: usize) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(items.len());
    let (mut run, mut shape) = (0, 0);
    for item in items {
        let gap = &src[prev_end.min(item.span().start)..item.span().start];
        let this = match item {
            Item::Field(_) => 1,
            Item::Transition(_) => 2,
            Item::Flow(_) => 3,
            Item::Block(_) => 0,
        };
        if this != shape || blank_line(gap) || gap.contains("//") || this == 0 {
            run += 1;
        }
        shape = this;
        out.push((this != 0).then_some(run));
        prev_end = item.span().end;
    }
    out
}

/// Each clause's line, with first words and `@` source tags aligned within its run.
fn aligned(items: &[Item], src: &str, prev_end: usize) -> Vec<String> {
    let runs = runs(items, src, prev_end);
    let widest = |f: &dyn Fn(usize) -> usize, run: Option<usize>| {
        (0..items.len())
            .filter(|&j| runs[j] == run)
            .map(f)
            .max()
            .unwrap_or(0)
    };
    let heads: Vec<usize> = (0..items.len())
        .map(|i| widest(&|j| head(&items[j]).len(), runs[i]))
        .collect();
    let bodies: Vec<String> = items
        .iter()
        .zip(&heads)
        .map(|(it, w)| body(it, *w))
        .collect();
    let tagged = |j: usize| {
        if tag(&items[j]).is_some() {
            bodies[j].chars().count()
        } else {
            0
        }
    };
    (0..items.len())
        .map(|i| match tag(&items[i]) {
            Some(t) => format!(
                "{:<w$} @ {}",
                bodies[i],
                quote(&t.text),
                w = widest(&tagged, runs[i])
            ),
            None => bodies[i].clone(),
        })
        .collect()
}

fn tag(item: &Item) -> Option<&Name> {
    match item {
        Item::Field(f) => f.source.as_ref(),
        Item::Transition(t) => t.source.as_ref(),
        Item::Flow(f) => f.source.as_ref(),
        Item::Block(_) => None,
    }
}

/// A clause without its source tag, its first word padded to `w`.
fn body(item: &Item, w: usize) -> String {
    match item {
        Item::Field(f) => format!("{:<w$} {}", f.key.text, value(&f.value)),
        Item::Transition(t) => {
            let mut line = format!("{:<w$} -> {} on {}", t.from.text, t.to.text, t.trigger.text);
            for m in &t.modifiers {
                line.push(' ');
                line.push_str(&modifier(m));
            }
            line
        }
        Item::Flow(f) => {
            let mut line = format!("{:<w$} pays {}", f.payer.text, f.cost.text);
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
    }
}

fn head(item: &Item) -> &str {
    match item {
        Item::Field(f) => &f.key.text,
        Item::Block(b) => &b.key.text,
        Item::Transition(t) => &t.from.text,
        Item::Flow(f) => &f.payer.text,
    }
}

fn blank_line(gap: &str) -> bool {
    gap.split('\n')
        .skip(1)
        .collect::<Vec<_>>()
        .iter()
        .rev()
        .skip(1)
        .any(|l| l.trim().is_empty())
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
    }
}

/// Text in double quotes, with quotes and backslashes escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every `//` comment outside strings, with whether code precedes it on its line.
fn comments(src: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    let mut line_has_code = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if c == b'"' {
            in_string = true;
            line_has_code = true;
        } else if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            let end = src[i..].find('\n').map_or(src.len(), |n| i + n);
            out.push(Comment {
                start: i,
                text: src[i..end].trim_end().to_string(),
                trailing: line_has_code,
            });
            i = end;
            continue;
        } else if c == b'\n' {
            line_has_code = false;
        } else if !c.is_ascii_whitespace() {
            line_has_code = true;
        }
        i += 1;
    }
    out
}
