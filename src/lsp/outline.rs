//! What a program's syntax tree holds where: clauses with the block they sit in, and the names of
//! statuses and parties, declared and referred to.

use fairpath::syntax::ast::{Block, Braces, Item, Modifier, Program, Span, Value, ValueKind};
use fairpath::vocab::{self, Kind};

/// Where a clause sits: the term path of its block (`permit.employer_change`, `""` at the top,
/// in `practice` and in a stream) and, inside `statuses` or `parties`, that block's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The block's term path.
    pub path: String,
    /// `statuses` or `parties` when directly inside one.
    pub special: Option<&'static str>,
}

impl Place {
    /// The term path of `key` here.
    pub fn term(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The place inside `block`, which sits here.
    fn inside(&self, block: &Block, in_streams: bool) -> Place {
        let key = block.key.text.as_str();
        match key {
            "statuses" => Place {
                path: String::new(),
                special: Some("statuses"),
            },
            "parties" => Place {
                path: String::new(),
                special: Some("parties"),
            },
            "practice" | "streams" => Place::default(),
            _ if in_streams => Place::default(),
            _ => Place {
                path: self.term(key),
                special: None,
            },
        }
    }
}

/// Calls `f` on every clause of `program`, blocks before their contents, with the place it sits.
pub fn walk<'a>(program: &'a Program, f: &mut impl FnMut(&Place, &'a Item)) {
    items(&program.items, &Place::default(), false, f);
}

fn items<'a>(
    list: &'a [Item],
    place: &Place,
    in_streams: bool,
    f: &mut impl FnMut(&Place, &'a Item),
) {
    for item in list {
        f(place, item);
        if let Item::Block(b) = item {
            let inner = place.inside(b, in_streams);
            items(&b.items, &inner, b.key.text == "streams", f);
        }
    }
}

/// The place at byte `offset`: the innermost block whose braces hold it.
pub fn place_at(program: &Program, offset: usize) -> Place {
    let mut place = Place::default();
    let mut list = &program.items;
    let mut in_streams = false;
    while let Some(b) = list.iter().find_map(|it| match it {
        Item::Block(b) if holds(&b.braces, offset) => Some(b),
        _ => None,
    }) {
        place = place.inside(b, in_streams);
        in_streams = b.key.text == "streams";
        list = &b.items;
    }
    place
}

/// Whether `offset` is between the braces.
fn holds(braces: &Braces, offset: usize) -> bool {
    braces.open.end <= offset && (!braces.closed || offset <= braces.close.start)
}

/// Statuses or parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A worker status.
    Status,
    /// A party.
    Party,
}

/// A status or party name as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named<'a> {
    /// Status or party.
    pub kind: NameKind,
    /// The name.
    pub text: &'a str,
    /// Where.
    pub span: Span,
    /// Whether this is its declaration.
    pub decl: bool,
}

/// Every status and party name in `program`, declarations and references, in text order.
pub fn names<'p>(program: &'p Program) -> Vec<Named<'p>> {
    let mut out = Vec::new();
    walk(program, &mut |place, item| {
        let mut add = |kind, text: &'p str, span, decl| {
            out.push(Named {
                kind,
                text,
                span,
                decl,
            })
        };
        match item {
            Item::Field(f) => match place.special {
                Some("statuses") if f.key.text == "entry" => {
                    words(&f.value, &mut |w, s| add(NameKind::Status, w, s, false));
                }
                Some("statuses") => add(NameKind::Status, &f.key.text, f.key.span, true),
                Some(_) => add(NameKind::Party, &f.key.text, f.key.span, true),
                None => {
                    let kind = vocab::term(&place.term(&f.key.text)).map(|t| t.kind);
                    if matches!(kind, Some(Kind::Party | Kind::PartyList)) {
                        words(&f.value, &mut |w, s| add(NameKind::Party, w, s, false));
                    }
                }
            },
            Item::Transition(t) => {
                add(NameKind::Status, &t.from.text, t.from.span, false);
                add(NameKind::Status, &t.to.text, t.to.span, false);
                for m in &t.modifiers {
                    match m {
                        Modifier::DecidedBy { party } => {
                            add(NameKind::Party, &party.text, party.span, false)
                        }
                        Modifier::Consent { parties } => {
                            words(parties, &mut |w, s| add(NameKind::Party, w, s, false))
                        }
                        _ => {}
                    }
                }
            }
            Item::Flow(f) => {
                add(NameKind::Party, &f.payer.text, f.payer.span, false);
                if let Some(p) = &f.payee {
                    add(NameKind::Party, &p.text, p.span, false);
                }
            }
            Item::Block(_) | Item::Error(_) => {}
        }
    });
    out.sort_by_key(|n| n.span);
    out
}

/// Calls `f` on each bare word of `value`, in a list or alone.
fn words<'a>(value: &'a Value, f: &mut impl FnMut(&'a str, Span)) {
    match &value.kind {
        ValueKind::Word { word } => f(word, value.span),
        ValueKind::List { items } => items.iter().for_each(|v| words(v, f)),
        _ => {}
    }
}

/// The name at byte `offset`, if one is there.
pub fn name_at<'a>(names: &'a [Named<'a>], offset: usize) -> Option<&'a Named<'a>> {
    names
        .iter()
        .find(|n| n.span.start <= offset && offset <= n.span.end)
}

/// One entry of the outline.
pub enum Outline<'a> {
    /// A block and what it holds.
    Block(&'a Block, Vec<Outline<'a>>),
    /// A status declared in `statuses`: its name, clause and category.
    Status(&'a str, Span, &'a str),
}

/// The outline of `list`: blocks, nested, and the statuses declared in `statuses`.
pub fn outline(list: &[Item], in_statuses: bool) -> Vec<Outline<'_>> {
    list.iter()
        .filter_map(|it| match it {
            Item::Block(b) => Some(Outline::Block(
                b,
                outline(&b.items, b.key.text == "statuses"),
            )),
            Item::Field(f) if in_statuses && f.key.text != "entry" => {
                let category = match &f.value.kind {
                    ValueKind::Word { word } => word.as_str(),
                    _ => "",
                };
                Some(Outline::Status(&f.key.text, f.span, category))
            }
            _ => None,
        })
        .collect()
}
