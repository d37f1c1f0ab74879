//! Code actions: did-you-mean replacements, a missing unit, and the clause a rule gives as its
//! compliant example.

use fairpath::rules::Engine;
use fairpath::syntax::ast::{Block, Item, Span};
use fairpath::syntax::diagnostic::{Code, Diagnostic};
use fairpath::syntax::parse::parse_program;
use fairpath::t;
use fairpath::vocab::{self, Kind};

use super::document::Document;

/// A change to the text: each span replaced with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the action is called.
    pub title: String,
    /// What it replaces, with what; the spans do not overlap.
    pub edits: Vec<(Span, String)>,
    /// Whether it is the obvious fix.
    pub preferred: bool,
}

/// The fixes for the diagnostics of `doc` that touch `range`.
pub fn fixes(doc: &Document, engine: &Engine, range: Span) -> Vec<Fix> {
    let mut out = Vec::new();
    for e in &doc.entries {
        let d = &e.diag;
        let s = d.span();
        if s.end < range.start || s.start > range.end {
            continue;
        }
        out.extend(did_you_mean(doc, d));
        if d.code() == Some(Code::MissingUnit) {
            out.extend(units(doc, d));
        }
        if d.code().is_none() {
            out.extend(remedy(doc, engine, d.code_name()));
        }
    }
    out
}

/// Replaces a misspelt word with the suggestion in the help.
fn did_you_mean(doc: &Document, d: &Diagnostic) -> Option<Fix> {
    let help = d.help()?;
    let word = help.split("did you mean `").nth(1)?.split('`').next()?;
    let span = d.span();
    let old = doc.text.get(span.start..span.end)?;
    if old.is_empty() || old.contains(char::is_whitespace) {
        return None;
    }
    Some(Fix {
        title: t!(doc.lang, "lsp.replace", old = old, word = word),
        edits: vec![(span, word.to_string())],
        preferred: true,
    })
}

/// Adds a unit the term takes after the number.
fn units(doc: &Document, d: &Diagnostic) -> Vec<Fix> {
    let path = d.message().split('`').nth(1).unwrap_or("");
    let Some(term) = vocab::term(path) else {
        return Vec::new();
    };
    let used: Vec<&str> = doc
        .text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| vocab::is_currency(w))
        .collect();
    let mut candidates: Vec<&str> = match term.kind {
        Kind::Duration => vec!["days", "weeks", "months", "years"],
        Kind::Hours => vec!["hours"],
        Kind::Money => used.into_iter().chain(["months_of_wages"]).collect(),
        Kind::Percent => vec!["%"],
        _ => Vec::new(),
    };
    candidates.dedup();
    let at = Span::new(d.span().end, d.span().end);
    candidates
        .into_iter()
        .map(|unit| Fix {
            title: t!(doc.lang, "lsp.add_unit", unit = unit),
            edits: vec![(at, format!(" {unit}"))],
            preferred: false,
        })
        .collect()
}

/// Writes the rule's compliant example into the program: each clause over the one stating the
/// same term, the others into the block they belong in (made when missing).
fn remedy(doc: &Document, engine: &Engine, rule: &str) -> Option<Fix> {
    let example = &engine.rule(rule)?.example;
    let program = doc.program.as_ref()?;
    let wrapped = format!("program \"example\" {{\n{example}\n}}\n");
    let ex = parse_program(&wrapped).ok()?;
    let (keys, clauses) = nested(&ex.items);
    let clause_text = |it: &Item| wrapped.get(it.span().start..it.span().end).map(str::trim);
    let (mut items, mut close, mut depth) = (&program.items, &program.braces, 1);
    let mut rest = keys.as_slice();
    while let Some((key, more)) = rest.split_first() {
        let Some(b) = block(items, key) else { break };
        (items, close, depth, rest) = (&b.items, &b.braces, depth + 1, more);
    }
    let mut edits = Vec::new();
    let mut body = Vec::new();
    for clause in clauses {
        let text = clause_text(clause)?.to_string();
        let same = match clause {
            Item::Field(f) if rest.is_empty() => items.iter().find_map(|it| match it {
                Item::Field(g) if g.key.text == f.key.text => Some(g.span),
                _ => None,
            }),
            _ => None,
        };
        match same {
            Some(span) => edits.push((span, text)),
            None => body.push(text),
        }
    }
    for key in rest.iter().rev() {
        let inner: Vec<String> = body.iter().map(|l| format!("  {l}")).collect();
        body = std::iter::once(format!("{key} {{"))
            .chain(inner)
            .chain(["}".to_string()])
            .collect();
    }
    if !body.is_empty() {
        let indent = "  ".repeat(depth);
        let text: String = body.iter().map(|l| format!("{indent}{l}\n")).collect();
        let line_start = doc.lines.start(doc.lines.line(close.close.start));
        let before = doc.text.get(line_start..close.close.start).unwrap_or("");
        edits.push(if close.closed && before.trim().is_empty() {
            (Span::new(line_start, line_start), text)
        } else {
            (
                Span::new(close.close.start, close.close.start),
                format!("\n{text}"),
            )
        });
    }
    Some(Fix {
        title: t!(doc.lang, "lsp.add_remedy", rule = rule, example = example),
        edits,
        preferred: false,
    })
}

/// The keys of the blocks that hold nothing but one block, and what the innermost holds.
fn nested(items: &[Item]) -> (Vec<&str>, &[Item]) {
    let mut keys = Vec::new();
    let mut items = items;
    while let [Item::Block(b)] = items {
        keys.push(b.key.text.as_str());
        items = &b.items;
    }
    (keys, items)
}

/// The block `key` among `items`.
fn block<'a>(items: &'a [Item], key: &str) -> Option<&'a Block> {
    items.iter().find_map(|it| match it {
        Item::Block(b) if b.key.text == key => Some(b),
        _ => None,
    })
}

/// The text with `fix` applied, for tests of the edits.
#[cfg(test)]
fn apply(text: &str, fix: &Fix) -> String {
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|(s, _)| std::cmp::Reverse(s.start));
    let mut out = text.to_string();
    for (span, new) in edits {
        out.replace_range(span.start..span.end, &new);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::document::{Document, Findings};

    fn doc(text: &str) -> Document {
        let session = fairpath::Session::new(&fairpath::Options::default());
        Document::new(
            &session,
            "t.fair",
            text.to_string(),
            Findings::Violations,
            fairpath::vocab::Lang::En,
        )
    }

    #[test]
    fn a_misspelt_key_is_replaced() {
        let text =
            "program \"P\" {\n  kind seasonal\n  permit {\n    grace_perod 6 months\n  }\n}\n";
        let d = doc(text);
        let fixes = fixes(&d, &Engine::embedded(), Span::new(0, text.len()));
        let fix = fixes.iter().find(|f| f.preferred).unwrap();
        assert_eq!(fix.title, "replace `grace_perod` with `grace_period`");
        assert!(apply(text, fix).contains("    grace_period 6 months\n"));
    }

    #[test]
    fn a_missing_unit_is_added() {
        let text = "program \"P\" {\n  permit {\n    grace_period 6\n  }\n}\n";
        let d = doc(text);
        let fixes = fixes(&d, &Engine::embedded(), Span::new(0, text.len()));
        let titles: Vec<&str> = fixes.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "add the unit `days`",
                "add the unit `weeks`",
                "add the unit `months`",
                "add the unit `years`"
            ]
        );
        assert!(apply(text, &fixes[2]).contains("grace_period 6 months\n"));
    }

    #[test]
    fn a_remedy_replaces_the_clauses_and_adds_the_missing_ones() {
        let engine = Engine::embedded();
        let text = include_str!("../../policies/examples/employer-tied-temporary.fair");
        let d = doc(text);
        let all = fixes(&d, &engine, Span::new(0, text.len()));
        let find = |rule: &str| {
            all.iter()
                .find(|f| f.title.starts_with(&format!("add the remedy of `{rule}`")))
                .unwrap()
        };
        let tied = apply(text, find("floor.seed.visa_portability"));
        assert!(
            tied.contains("    tied_to none\n    employer_change {"),
            "{tied}"
        );
        let change = apply(text, find("c143.art14.a"));
        assert!(
            change.contains("      allowed yes\n      max_changes 3\n      consent [worker]\n      grounds [any]\n      after 0 days\n    }"),
            "{change}"
        );
        let (_, program) = fairpath::syntax::read_program("t.fair", change.as_bytes()).unwrap();
        assert!(format!("{program:?}").contains("\"any\""));
        let example = &engine.rule("floor.gpog7.fees").unwrap().example;
        let flow = example
            .strip_prefix("recruitment { ")
            .and_then(|e| e.strip_suffix(" }"))
            .unwrap();
        let fee = apply(text, find("floor.gpog7.fees"));
        let added = format!("    worker   pays travel\n    {flow}\n  }}\n");
        assert!(fee.contains(&added), "{fee}");
    }
}
