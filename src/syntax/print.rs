//! Typed terms printed back as `.fair` text: the inverse of [`super::validate`]. Generated
//! programs, shrunk counter-examples and `rules --verify` witnesses are shown this way.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::lexical::quote;
use super::validate::{FlowDecl, Terms, TransitionDecl};
use crate::vocab::{self, days, trim_number, Kind, Typed};

/// `terms` as a program; parsing the result gives `terms` back (spans aside).
pub fn to_fair(terms: &Terms) -> String {
    let mut out = format!("program {} {{\n", quote(&terms.name));
    body(&mut out, terms, 1, true);
    out.push_str("}\n");
    out
}

/// The clauses of `terms` at `depth`; `top` adds parties and status declarations.
fn body(out: &mut String, terms: &Terms, depth: usize, top: bool) {
    let pad = "  ".repeat(depth);
    let tag = |source: &Option<String>| {
        source
            .as_ref()
            .map_or(String::new(), |s| format!(" @ {}", quote(s)))
    };
    let mut lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, fact) in &terms.facts {
        // Facts hold vocabulary terms only; anything else has no line to print.
        let Some(term) = vocab::term(path) else {
            continue;
        };
        let (block, key) = path.rsplit_once('.').unwrap_or(("", path));
        let except = fact
            .exception
            .as_ref()
            .map_or(String::new(), |e| format!(" except {}", quote(e)));
        let discretion = if fact.discretion {
            " at_discretion"
        } else {
            ""
        };
        lines.entry(block.to_string()).or_default().push(format!(
            "{key} {}{except}{discretion}{}",
            value(term.kind, &fact.value),
            tag(&fact.source)
        ));
    }
    for f in &terms.flows {
        lines.entry("recruitment".into()).or_default().push(format!(
            "{}{}",
            flow(f),
            tag(&f.source)
        ));
    }
    block(out, "", &lines, depth);
    if top && !terms.parties.is_empty() {
        let _ = writeln!(out, "{pad}parties {{");
        for p in &terms.parties {
            let _ = writeln!(out, "{pad}  {} {}", p.name, p.role);
        }
        let _ = writeln!(out, "{pad}}}");
    }
    let declares = top && (terms.statuses_block.is_some() || !terms.statuses.is_empty());
    if declares || !terms.transitions.is_empty() {
        let _ = writeln!(out, "{pad}statuses {{");
        if let (true, Some((entry, _))) = (top, &terms.entry) {
            let _ = writeln!(out, "{pad}  entry {entry}");
        }
        for s in terms.statuses.iter().filter(|_| top) {
            let _ = writeln!(out, "{pad}  {} {}", s.name, s.category);
        }
        for t in &terms.transitions {
            let _ = writeln!(out, "{pad}  {}{}", transition(t), tag(&t.source));
        }
        let _ = writeln!(out, "{pad}}}");
    }
    if let Some(p) = &terms.practice {
        let _ = writeln!(out, "{pad}practice {{");
        body(out, p, depth + 1, false);
        let _ = writeln!(out, "{pad}}}");
    }
    if !terms.streams.is_empty() {
        let _ = writeln!(out, "{pad}streams {{");
        for s in &terms.streams {
            let _ = writeln!(out, "{pad}  {} {{", s.name);
            body(out, &s.terms, depth + 2, false);
            let _ = writeln!(out, "{pad}  }}");
        }
        let _ = writeln!(out, "{pad}}}");
    }
}

fn block(out: &mut String, path: &str, lines: &BTreeMap<String, Vec<String>>, depth: usize) {
    let pad = "  ".repeat(depth);
    let mut own: Vec<&String> = lines
        .get(path)
        .map(|v| v.iter().collect())
        .unwrap_or_default();
    own.sort_by_key(|l| order(path, l));
    for l in own {
        let _ = writeln!(out, "{pad}{l}");
    }
    for child in vocab::children(path) {
        let full = if path.is_empty() {
            child.to_string()
        } else {
            format!("{path}.{child}")
        };
        if vocab::is_block(&full)
            && lines
                .keys()
                .any(|k| k == &full || k.starts_with(&format!("{full}.")))
        {
            let _ = writeln!(out, "{pad}{child} {{");
            block(out, &full, lines, depth + 1);
            let _ = writeln!(out, "{pad}}}");
        }
    }
}

/// Keeps terms in vocabulary order, money flows last.
fn order(path: &str, line: &str) -> usize {
    let key = line.split_whitespace().next().unwrap_or("");
    vocab::children(path)
        .iter()
        .position(|c| *c == key)
        .unwrap_or(usize::MAX)
}

/// A typed value as written in a program.
pub fn value(kind: Kind, v: &Typed) -> String {
    match (kind, v) {
        (Kind::Duration, Typed::Number(n)) => days(*n),
        (Kind::Hours, Typed::Number(n)) => format!("{} hours", trim_number(*n)),
        (Kind::Percent, Typed::Number(n)) => format!("{} %", trim_number(*n)),
        (Kind::Text, Typed::Text(t)) => quote(t),
        (_, Typed::Words(w)) => format!("[{}]", w.join(", ")),
        (_, Typed::Range { min, max }) => format!(
            "{} to {}",
            value(kind, &Typed::Number(*min)),
            value(kind, &Typed::Number(*max))
        ),
        (_, Typed::OneOf(vs)) => format!(
            "[{}]",
            vs.iter()
                .map(|v| value(kind, v))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (_, other) => other.display(),
    }
}

/// A transition as written.
pub fn transition(t: &TransitionDecl) -> String {
    let mut s = format!("{} -> {} on {}", t.from, t.to, t.trigger);
    if let Some(d) = t.within {
        let _ = write!(s, " within {}", days(d));
    }
    if let Some(d) = t.after {
        let _ = write!(s, " after {}", days(d));
    }
    if let Some(p) = &t.decided_by {
        let _ = write!(s, " decided_by {p}");
    }
    if !t.consent.is_empty() {
        let _ = write!(s, " consent [{}]", t.consent.join(", "));
    }
    if let Some(c) = &t.condition {
        let _ = write!(s, " if {}", quote(c));
    }
    s
}

/// A money flow as written.
pub fn flow(f: &FlowDecl) -> String {
    let no = if f.negated { "no " } else { "" };
    let mut s = format!("{} pays {no}{}", f.payer, f.cost);
    if let Some(a) = &f.amount {
        let _ = write!(s, " {}", a.display());
    }
    if let Some(p) = &f.payee {
        let _ = write!(s, " to {p}");
    }
    if f.deducted {
        s.push_str(" deducted");
    }
    s
}
