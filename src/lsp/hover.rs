//! Hover: a term's doc line, type, protective direction and the rules that read it; a status's
//! category, a party's role; the findings reported at the place.

use std::collections::HashMap;

use fairpath::locale::text;
use fairpath::report::Words;
use fairpath::rules::decide::reads;
use fairpath::rules::Engine;
use fairpath::syntax::ast::{Item, Span};
use fairpath::t;
use fairpath::vocab;

use super::document::Document;
use super::outline::{name_at, names, walk, NameKind, Place};

/// For each term path, the rules that read it: id, instrument and article.
pub type Readers = HashMap<&'static str, Vec<String>>;

/// Which rules of `engine` read each term.
pub fn readers(engine: &Engine) -> Readers {
    let mut out: Readers = HashMap::new();
    for rule in engine.rules() {
        let conds = rule
            .applies
            .iter()
            .chain(rule.checks.iter().map(|(_, c)| c));
        for term in reads(conds) {
            out.entry(term).or_default().push(format!(
                "`{}` — {} {}",
                rule.id, rule.instrument, rule.cites
            ));
        }
    }
    out
}

/// The hover text (Markdown) at byte `offset` of `doc`, and the span it is about.
pub fn hover(doc: &Document, readers: &Readers, offset: usize) -> Option<(String, Span)> {
    let program = doc.program.as_ref()?;
    let mut parts = Vec::new();
    let mut span = None;
    let names = names(program);
    if let Some(n) = name_at(&names, offset) {
        parts.push(name_text(doc, n.kind, n.text));
        span = Some(n.span);
    } else if let Some((path, at)) = key_at(program, offset) {
        parts.push(term_text(&Words::new(doc.lang), &path, readers));
        span = Some(at);
    }
    let found = findings_text(doc, offset);
    if !found.is_empty() {
        parts.push(found);
    }
    let span = span.or_else(|| doc.checked.as_ref().map(|c| c.header()))?;
    (!parts.is_empty()).then(|| (parts.join("\n\n---\n\n"), span))
}

/// The term or block path whose key or value is at `offset`.
fn key_at(program: &fairpath::syntax::ast::Program, offset: usize) -> Option<(String, Span)> {
    let mut found = None;
    let within = |s: Span| s.start <= offset && offset <= s.end;
    walk(program, &mut |place: &Place, item| match item {
        Item::Field(f)
            if place.special.is_none() && (within(f.key.span) || within(f.value.span)) =>
        {
            found = Some((place.term(&f.key.text), f.key.span));
        }
        Item::Block(b) if place.special.is_none() && within(b.key.span) => {
            found = Some((place.term(&b.key.text), b.key.span));
        }
        _ => {}
    });
    found
}

/// A term's doc line, type, protective direction, example and readers, in `w`'s language.
fn term_text(w: &Words, path: &str, readers: &Readers) -> String {
    let lang = w.lang;
    let Some(term) = vocab::term(path) else {
        if vocab::is_block(path) {
            let inside: Vec<String> = vocab::children(path)
                .iter()
                .map(|c| format!("`{c}`"))
                .collect();
            let holding = inside.join(", ");
            return t!(lang, "lsp.block", path = path, terms = holding);
        }
        return t!(lang, "lsp.unknown", path = path);
    };
    // The labels are the reference's column names (`type`, `more protective`, `example`).
    let label = |column: &str| {
        let name = text(lang, &format!("terms.column.{column}"), &[]);
        format!("*{name}*{}", w.colon())
    };
    let mut out = format!(
        "**`{}`** — {}\n\n{}{}",
        term.path,
        w.term_doc(term),
        label("type"),
        w.kind(term.kind)
    );
    let dir = w.direction(term.better);
    if !dir.is_empty() {
        out.push_str(&format!(" · {}{dir}", label("more_protective")));
    }
    out.push_str(&format!(" · {}`{}`", label("example"), term.example));
    match readers.get(term.path) {
        Some(rules) => {
            let read_by = match rules.len() {
                1 => t!(lang, "lsp.read_by_one"),
                n => t!(lang, "lsp.read_by", n = fairpath::locale::number(lang, n)),
            };
            out.push_str(&format!("\n\n*{read_by}*\n"));
            for r in rules {
                out.push_str(&format!("- {r}\n"));
            }
        }
        None => out.push_str(&format!("\n\n*{}*", t!(lang, "lsp.no_reader"))),
    }
    out
}

fn name_text(doc: &Document, kind: NameKind, name: &str) -> String {
    let lang = doc.lang;
    let terms = doc.checked.as_ref().map(|c| c.model.terms());
    match kind {
        NameKind::Status => match terms.and_then(|t| t.statuses.iter().find(|s| s.name == name)) {
            Some(s) => t!(
                lang,
                "lsp.status_category",
                name = name,
                category = s.category
            ),
            None => t!(lang, "lsp.status", name = name),
        },
        NameKind::Party if vocab::BUILTIN_PARTIES.contains(&name) => {
            t!(lang, "lsp.party_builtin", name = name)
        }
        NameKind::Party => match terms.and_then(|t| t.parties.iter().find(|p| p.name == name)) {
            Some(p) => t!(lang, "lsp.party_role", name = name, role = p.role),
            None => t!(lang, "lsp.party", name = name),
        },
    }
}

/// The findings shown at `offset`: article, verdict, summary and remedy.
fn findings_text(doc: &Document, offset: usize) -> String {
    let Some(c) = &doc.checked else {
        return String::new();
    };
    let here: Vec<_> = c
        .findings
        .iter()
        .filter(|f| fairpath::report::shown(f))
        .filter(|f| {
            let s = f.primary_span(c.header());
            s.start <= offset && offset <= s.end
        })
        .collect();
    let w = Words::new(doc.lang);
    let mut out: Vec<String> = here
        .iter()
        .take(5)
        .map(|f| {
            format!(
                "**{} {}** (`{}`){}{}\n\n{}\n\n*{}{}* {}",
                f.rule.instrument,
                f.rule.cites,
                f.rule.id,
                w.colon(),
                w.verdict(f.worst()),
                w.summary(f),
                t!(w.lang, "label.remedy"),
                w.colon().trim_end(),
                w.remedy(f)
            )
        })
        .collect();
    if here.len() > 5 {
        let more = fairpath::locale::number(w.lang, here.len() - 5);
        out.push(t!(w.lang, "lsp.more_findings", n = more));
    }
    out.join("\n\n")
}
