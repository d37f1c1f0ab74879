//! Completion: the terms and blocks valid in the block at the cursor, a term's allowed values,
//! units after a number, country and currency codes, status names, triggers and parties.

use fairpath::report::Words;
use fairpath::syntax::ast::Program;
use fairpath::vocab::{self, Kind};
use lsp_types::{CompletionItem, CompletionItemKind};

use super::document::Document;
use super::outline::{names, place_at, NameKind, Place};

/// Blocks a program can hold at the top besides the vocabulary's.
const TOP_BLOCKS: &[&str] = &["statuses", "parties", "practice", "streams"];
/// What can follow a transition's trigger.
const MODIFIERS: &[&str] = &["within", "after", "decided_by", "consent", "if"];
/// Blocks whose clauses may be money flows.
const FLOW_BLOCKS: &[&str] = &["", "recruitment"];

/// The completions at byte `offset` of `doc`.
pub fn complete(doc: &Document, offset: usize) -> Vec<CompletionItem> {
    let place = doc
        .program
        .as_ref()
        .map_or_else(Place::default, |p| place_at(p, offset));
    let line = doc.at().line_before(offset);
    let typing = !line.ends_with(|c: char| c.is_whitespace() || c == '[' || c == ',');
    let mut words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '[' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if typing {
        words.pop();
    }
    let known = Known::of(doc.program.as_ref());
    if let [key, ..] = words.as_slice() {
        if line.rfind('[') > line.rfind(']') {
            let kind = vocab::term(&place.term(key)).map(|t| t.kind);
            return kind.map_or_else(Vec::new, |k| values(k, &known));
        }
    }
    match place.special {
        Some("statuses") => statuses(&words, &known),
        Some(_) => match words.as_slice() {
            [_] => plain(vocab::PARTY_ROLES, CompletionItemKind::ENUM_MEMBER),
            _ => Vec::new(),
        },
        _ => clauses(&Words::new(doc.lang), &place, &words, &known),
    }
}

/// The statuses and parties a program names.
struct Known {
    statuses: Vec<String>,
    parties: Vec<String>,
}

impl Known {
    fn of(program: Option<&Program>) -> Known {
        let mut known = Known {
            statuses: Vec::new(),
            parties: vocab::BUILTIN_PARTIES
                .iter()
                .map(|p| p.to_string())
                .collect(),
        };
        for n in program.map(names).unwrap_or_default() {
            let list = match n.kind {
                NameKind::Status => &mut known.statuses,
                NameKind::Party => &mut known.parties,
            };
            if n.decl && !list.iter().any(|s| s == n.text) {
                list.push(n.text.to_string());
            }
        }
        known
    }
}

/// Inside `statuses`: declarations, `entry` and transitions.
fn statuses(words: &[&str], known: &Known) -> Vec<CompletionItem> {
    let names = || owned(&known.statuses, CompletionItemKind::ENUM_MEMBER);
    match words {
        [] => {
            let mut out = plain(&["entry"], CompletionItemKind::KEYWORD);
            out.extend(names());
            out
        }
        ["entry"] => names(),
        [_] => {
            let mut out = plain(vocab::STATUS_CATEGORIES, CompletionItemKind::ENUM_MEMBER);
            out.extend(plain(&["->"], CompletionItemKind::OPERATOR));
            out
        }
        [.., "->"] => names(),
        [.., "on"] => plain(vocab::TRIGGERS, CompletionItemKind::EVENT),
        [.., "decided_by" | "consent"] => owned(&known.parties, CompletionItemKind::VARIABLE),
        [.., "within" | "after"] => Vec::new(),
        [_, "->", _] => plain(&["on"], CompletionItemKind::KEYWORD),
        _ => plain(MODIFIERS, CompletionItemKind::KEYWORD),
    }
}

/// In a block of terms: keys, values, units and money flows.
fn clauses(w: &Words, place: &Place, words: &[&str], known: &Known) -> Vec<CompletionItem> {
    let flows = FLOW_BLOCKS.contains(&place.path.as_str());
    match words {
        [] => {
            let mut out = keys(w, place);
            if flows {
                out.extend(owned(&known.parties, CompletionItemKind::VARIABLE));
            }
            out
        }
        [_, "pays"] | [_, "pays", "no"] => plain(vocab::COSTS, CompletionItemKind::ENUM_MEMBER),
        [.., "to"] if words.get(1) == Some(&"pays") => {
            owned(&known.parties, CompletionItemKind::VARIABLE)
        }
        [_, "pays", ..] => {
            let mut out = plain(&["to", "deducted"], CompletionItemKind::KEYWORD);
            if words.last().is_some_and(|w| w.parse::<f64>().is_ok()) {
                out.extend(units(Kind::Money));
            }
            out
        }
        [key] if known.parties.iter().any(|p| p == key) && flows => {
            plain(&["pays"], CompletionItemKind::KEYWORD)
        }
        [key] => vocab::term(&place.term(key)).map_or_else(Vec::new, |t| values(t.kind, known)),
        [key, number] if number.parse::<f64>().is_ok() => {
            vocab::term(&place.term(key)).map_or_else(Vec::new, |t| units(t.kind))
        }
        _ => Vec::new(),
    }
}

/// The terms and blocks directly inside the block at `place`, described in `w`'s language.
fn keys(w: &Words, place: &Place) -> Vec<CompletionItem> {
    let mut out: Vec<CompletionItem> = vocab::children(&place.path)
        .into_iter()
        .map(|key| {
            let path = place.term(key);
            match vocab::term(&path) {
                Some(t) => CompletionItem {
                    kind: Some(CompletionItemKind::FIELD),
                    detail: Some(w.kind(t.kind)),
                    documentation: Some(lsp_types::Documentation::String(w.term_doc(t).into())),
                    label: key.into(),
                    ..CompletionItem::default()
                },
                None => CompletionItem {
                    kind: Some(CompletionItemKind::MODULE),
                    detail: Some(fairpath::t!(w.lang, "lsp.block_detail")),
                    label: key.into(),
                    ..CompletionItem::default()
                },
            }
        })
        .collect();
    if place.path.is_empty() {
        out.extend(plain(TOP_BLOCKS, CompletionItemKind::MODULE));
    }
    out
}

/// The values a term of `kind` takes, as words.
fn values(kind: Kind, known: &Known) -> Vec<CompletionItem> {
    match kind {
        Kind::Enum(v) | Kind::EnumList(v) => plain(v, CompletionItemKind::ENUM_MEMBER),
        Kind::Bool => plain(&["yes", "no"], CompletionItemKind::ENUM_MEMBER),
        Kind::Countries => vocab::countries()
            .map(|c| item(c, CompletionItemKind::CONSTANT))
            .collect(),
        Kind::Party | Kind::PartyList => owned(&known.parties, CompletionItemKind::VARIABLE),
        Kind::Duration => plain(vocab::DURATION_WORDS, CompletionItemKind::ENUM_MEMBER),
        _ => Vec::new(),
    }
}

/// The units a number of `kind` takes.
fn units(kind: Kind) -> Vec<CompletionItem> {
    let unit = CompletionItemKind::UNIT;
    match kind {
        Kind::Duration => vocab::DURATION_UNITS
            .iter()
            .map(|(u, _)| item(u, unit))
            .collect(),
        Kind::Hours => vocab::HOUR_UNITS
            .iter()
            .map(|(u, _)| item(u, unit))
            .collect(),
        Kind::Money => vocab::currencies()
            .chain(vocab::WAGE_MONTHS.iter().copied())
            .map(|u| item(u, unit))
            .collect(),
        Kind::Percent => plain(&["%"], unit),
        _ => Vec::new(),
    }
}

fn item(label: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        kind: Some(kind),
        label: label.into(),
        ..CompletionItem::default()
    }
}

fn plain(words: &[&str], kind: CompletionItemKind) -> Vec<CompletionItem> {
    words.iter().map(|w| item(w, kind)).collect()
}

fn owned(words: &[String], kind: CompletionItemKind) -> Vec<CompletionItem> {
    words.iter().map(|w| item(w, kind)).collect()
}
