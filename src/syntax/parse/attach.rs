//! Attaching comments to clauses: each comment goes to the clause it precedes or sits in, to the
//! clause that ends on its line, or to the closing brace it precedes. One pass over the comments
//! in order.

use pest::iterators::Pair;

use super::Rule;
use crate::syntax::ast::{Comment, Comments, Item, Program, Span};
use crate::syntax::lines::Lines;

/// Every comment in the file, in order.
pub(super) fn collect(file: &Pair<Rule>, text: &str, lines: &Lines) -> Vec<Comment> {
    // A comment starts with `//`: a file without one needs no walk over its tokens.
    if !text.contains("//") {
        return Vec::new();
    }
    file.clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| comment(text, lines, p.as_span().start(), p.as_span().end()))
        .collect()
}

/// The comment at `start..end` of `text`.
pub(super) fn comment(text: &str, lines: &Lines, start: usize, end: usize) -> Comment {
    let line = lines.start(lines.line(start));
    Comment {
        text: text.get(start..end).unwrap_or("").trim_end().to_string(),
        span: Span::new(start, end),
        trailing: text.get(line..start).is_some_and(|t| !t.trim().is_empty()),
    }
}

/// Attaches `comments` (in order) to `program`'s clauses.
pub(super) fn attach(program: &mut Program, comments: Vec<Comment>, lines: &Lines) {
    let mut a = Attacher {
        comments: comments.into_iter().peekable(),
        lines,
    };
    program.comments.before = a.before(program.braces.open.start);
    program.braces.comments = a.items(&mut program.items, program.braces.close.start);
    program.comments.after = a.comments.collect();
}

struct Attacher<'a> {
    comments: std::iter::Peekable<std::vec::IntoIter<Comment>>,
    lines: &'a Lines,
}

impl Attacher<'_> {
    /// The comments that start before `end`.
    fn before(&mut self, end: usize) -> Vec<Comment> {
        let mut out = Vec::new();
        while let Some(c) = self.comments.next_if(|c| c.span.start < end) {
            out.push(c);
        }
        out
    }

    /// Attaches comments to `items`, which end before `end`; returns the comments after the
    /// last item.
    fn items(&mut self, items: &mut [Item], end: usize) -> Vec<Comment> {
        let starts: Vec<usize> = items
            .iter()
            .skip(1)
            .map(|i| i.span().start)
            .chain([end])
            .collect();
        for (item, next) in items.iter_mut().zip(starts) {
            let mut before = self.before(item.span().start);
            if let Item::Block(b) = item {
                b.braces.comments = self.items(&mut b.items, b.braces.close.start);
            }
            before.extend(self.before(item.span().end));
            let line = self.lines.line(item.span().end);
            let after = self
                .comments
                .next_if(|c| c.span.start < next && self.lines.line(c.span.start) == line);
            *item.comments_mut() = Comments {
                before,
                after: after.into_iter().collect(),
            };
        }
        self.before(end)
    }
}
