//! Checks a parsed program against the vocabulary and turns it into typed terms, reporting every
//! problem at once: unknown terms and values, wrong units, out-of-range values, duplicate
//! clauses, and references to undefined parties or statuses.

mod facts;
mod values;

pub use facts::Facts;
use values::WordKind;

use std::borrow::Cow;
use std::collections::{hash_map, BTreeSet};

use serde::Serialize;

use super::ast::*;
use super::diagnostic::{did_you_mean, msg, Code, Diagnostic, Text};
use crate::vocab::{self, trim_number, Amount, Kind, Typed};

/// A stated term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The typed value.
    pub value: Typed,
    /// The clause that states it.
    pub span: Span,
    /// The clause of the agreement it encodes, if tagged.
    pub source: Option<String>,
    /// Grounds on which the value does not hold (`except "…"`).
    pub exception: Option<String>,
    /// Whether an authority may grant the value, or not (`at_discretion`).
    pub discretion: bool,
}

/// A declared worker status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusDecl {
    /// The program's name for it.
    pub name: String,
    /// Its category from the vocabulary.
    pub category: &'static str,
    /// The declaring clause.
    pub span: Span,
}

/// A declared party.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyDecl {
    /// The program's name for it.
    pub name: String,
    /// Its role from the vocabulary.
    pub role: &'static str,
    /// The declaring clause.
    pub span: Span,
}

/// A typed status transition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransitionDecl {
    /// Status before.
    pub from: String,
    /// Status after.
    pub to: String,
    /// The event.
    pub trigger: &'static str,
    /// Time limit, in days.
    pub within: Option<f64>,
    /// Earliest time, in days.
    pub after: Option<f64>,
    /// Who decides.
    pub decided_by: Option<String>,
    /// Whose consent is needed.
    pub consent: Vec<String>,
    /// A condition in words.
    pub condition: Option<String>,
    /// The clause.
    pub span: Span,
    /// The clause of the agreement it encodes.
    pub source: Option<String>,
}

/// A typed money flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowDecl {
    /// Who pays.
    pub payer: String,
    /// For what.
    pub cost: &'static str,
    /// How much, if stated: money, or a percentage share of the cost.
    pub amount: Option<Amount>,
    /// To whom, if stated.
    pub payee: Option<String>,
    /// Taken from wages.
    pub deducted: bool,
    /// The program says this cost is not paid by this payer (`worker pays no deposit`).
    pub negated: bool,
    /// The clause.
    pub span: Span,
    /// The clause of the agreement it encodes.
    pub source: Option<String>,
}

/// A program whose every clause has been checked against the vocabulary.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Terms {
    /// The program's name.
    pub name: String,
    /// The `program "…"` header.
    pub header: Span,
    /// Stated terms by path; a term not here is unstated.
    pub facts: Facts,
    /// Declared parties.
    pub parties: Vec<PartyDecl>,
    /// Declared statuses; empty when the program has no `statuses` block.
    pub statuses: Vec<StatusDecl>,
    /// The status a worker starts in.
    pub entry: Option<(String, Span)>,
    /// The `statuses` block, if any.
    pub statuses_block: Option<Span>,
    /// Status transitions.
    pub transitions: Vec<TransitionDecl>,
    /// Money flows.
    pub flows: Vec<FlowDecl>,
    /// What named bodies found happening, as distinct from the written rule (`practice { … }`):
    /// every clause there names its source.
    pub practice: Option<Box<Terms>>,
    /// Parts of the program with terms of their own (`streams { domestic { … } }`).
    pub streams: Vec<Stream>,
}

/// One stream of a program: a sub-population with terms of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stream {
    /// Its name.
    pub name: String,
    /// The stream's block.
    pub span: Span,
    /// The terms it states, added to or replacing the program's.
    pub terms: Terms,
}

impl Terms {
    /// These terms with `over`'s laid on top: its terms replace these, its transitions and
    /// flows are added. A stream that states its sectors is made of them: the list is complete.
    pub fn overlay(&self, over: &Terms) -> Terms {
        let mut out = self.clone();
        out.practice = None;
        out.streams = Vec::new();
        out.facts.overlay(&over.facts);
        out.transitions.extend(over.transitions.iter().cloned());
        out.flows.extend(over.flows.iter().cloned());
        out.statuses.extend(over.statuses.iter().cloned());
        if over.entry.is_some() {
            out.entry.clone_from(&over.entry);
        }
        out.statuses_block = out.statuses_block.or(over.statuses_block);
        out
    }

    /// Whether nothing is stated.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
            && self.transitions.is_empty()
            && self.flows.is_empty()
            && self.practice.is_none()
    }
}

/// Type-checks one value against a term kind outside any program (as rule packs do): only
/// built-in parties resolve.
pub fn type_value(path: &str, kind: Kind, value: &Value) -> Result<Typed, Vec<Diagnostic>> {
    let mut v = Validator::default();
    match v.typed(path, kind, value) {
        Some(t) if v.diags.is_empty() => Ok(t),
        _ => Err(v.diags),
    }
}

/// Checks `program` and returns its typed terms with every diagnostic found.
pub fn validate(program: &Program) -> (Terms, Vec<Diagnostic>) {
    let mut v = Validator::default();
    v.terms.name = program.name.text.clone();
    v.terms.header = program.header;
    v.declarations(&program.items);
    v.items("", &program.items);
    (v.terms, v.diags)
}

#[derive(Default)]
struct Validator {
    terms: Terms,
    diags: Vec<Diagnostic>,
    /// The block a nested validator reads (`practice` or a stream), empty at the top.
    within: &'static str,
    /// Every path stated so far, with its clause: duplicates are looked up here.
    seen: vocab::FastMap<Cow<'static, str>, Span>,
    /// The parties declared so far, looked up by references.
    party_names: BTreeSet<String>,
    /// The statuses declared so far, looked up by references.
    status_names: BTreeSet<String>,
}

const SPECIAL_BLOCKS: &[&str] = &["statuses", "parties", "practice", "streams"];
const FLOW_BLOCKS: &[&str] = &["", "recruitment"];

impl Validator {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// First pass: parties and statuses, so references anywhere can be resolved.
    fn declarations(&mut self, items: &[Item]) {
        for it in items {
            let Item::Block(b) = it else { continue };
            match b.key.text.as_str() {
                "parties" => self.parties(b),
                "statuses" => self.status_decls(b),
                _ => {}
            }
        }
    }

    fn parties(&mut self, b: &Block) {
        for it in &b.items {
            let Item::Field(f) = it else {
                if matches!(it, Item::Error(_)) {
                    continue;
                }
                self.error(
                    Diagnostic::error(
                        Code::Misplaced,
                        it.span(),
                        msg!("misplaced.parties"),
                        msg!("misplaced.parties-label"),
                    )
                    .with_help(msg!("misplaced.parties-help")),
                );
                continue;
            };
            if !self.unique(format!("parties.{}", f.key.text), f.span) {
                continue;
            }
            if vocab::BUILTIN_PARTIES.contains(&f.key.text.as_str()) {
                self.error(Diagnostic::error(
                    Code::ReservedName,
                    f.key.span,
                    msg!("reserved-name.message", name = &f.key.text),
                    msg!("reserved-name.label"),
                ));
                continue;
            }
            if let Some(role) = self.one_of(&f.value, vocab::PARTY_ROLES, WordKind::PartyRole) {
                self.terms.parties.push(PartyDecl {
                    name: f.key.text.clone(),
                    role,
                    span: f.span,
                });
                self.party_names.insert(f.key.text.clone());
            }
        }
    }

    fn status_decls(&mut self, b: &Block) {
        self.terms.statuses_block = Some(b.span);
        for it in &b.items {
            match it {
                Item::Field(f) if f.key.text == "entry" => {}
                Item::Error(_) => {}
                Item::Field(f) => {
                    if !self.unique(format!("statuses.{}", f.key.text), f.span) {
                        continue;
                    }
                    if let Some(category) =
                        self.one_of(&f.value, vocab::STATUS_CATEGORIES, WordKind::StatusCategory)
                    {
                        self.status_names.insert(f.key.text.clone());
                        self.terms.statuses.push(StatusDecl {
                            name: f.key.text.clone(),
                            category,
                            span: f.span,
                        });
                    }
                }
                Item::Transition(_) => {}
                other => self.error(
                    Diagnostic::error(
                        Code::Misplaced,
                        other.span(),
                        msg!("misplaced.statuses"),
                        msg!("misplaced.label"),
                    )
                    .with_help(msg!("misplaced.statuses-help")),
                ),
            }
        }
    }

    /// Records `path` as stated at `span`; reports and returns false when it was stated before.
    fn unique(&mut self, path: impl Into<Cow<'static, str>>, span: Span) -> bool {
        let (first, path) = match self.seen.entry(path.into()) {
            hash_map::Entry::Vacant(v) => {
                v.insert(span);
                return true;
            }
            hash_map::Entry::Occupied(o) => (*o.get(), o.key().clone()),
        };
        self.error(
            Diagnostic::error(
                Code::Duplicate,
                span,
                msg!("duplicate.message", path = path.as_ref()),
                msg!("duplicate.label"),
            )
            .with_label(first, msg!("duplicate.first"))
            .with_help(msg!("duplicate.help")),
        );
        false
    }

    fn items(&mut self, block: &str, items: &[Item]) {
        for it in items {
            match it {
                Item::Field(f) => self.field(block, f),
                Item::Block(b) => self.block(block, b),
                Item::Transition(t) => self.transition(block, t),
                Item::Flow(f) => self.flow(block, f),
                Item::Error(_) => {}
            }
        }
    }

    fn block(&mut self, parent: &str, b: &Block) {
        let path = join(parent, &b.key.text);
        if parent.is_empty() && SPECIAL_BLOCKS.contains(&b.key.text.as_str()) {
            match b.key.text.as_str() {
                "statuses" => self.statuses(b),
                "practice" => self.practice(b),
                "streams" => self.streams(b),
                _ => {}
            }
            return;
        }
        if !vocab::is_block(&path) {
            let d = Diagnostic::error(
                Code::UnknownBlock,
                b.key.span,
                msg!("unknown-block.message", path = path.as_ref()),
                msg!("unknown-block.label"),
            );
            let help = self.key_help(parent, &b.key.text);
            self.error(d.with_help_opt(help));
            return;
        }
        if !self.unique(path.to_string(), b.span) {
            return;
        }
        self.items(&path, &b.items);
    }

    /// A validator for the clauses of `practice` or a stream, which see the program's parties
    /// and statuses.
    fn nested(&self, within: &'static str, items: &[Item]) -> (Terms, Vec<Diagnostic>) {
        let mut v = Validator {
            terms: Terms {
                name: self.terms.name.clone(),
                header: self.terms.header,
                parties: self.terms.parties.clone(),
                statuses: self.terms.statuses.clone(),
                ..Terms::default()
            },
            within,
            party_names: self.party_names.clone(),
            status_names: self.status_names.clone(),
            ..Validator::default()
        };
        v.declarations(items);
        v.items("", items);
        (v.terms, v.diags)
    }

    /// A nested block where it cannot stand.
    fn not_here(&mut self, b: &Block) -> bool {
        let allowed = match b.key.text.as_str() {
            "practice" => self.within.is_empty() || self.within == "stream",
            _ => self.within.is_empty(),
        };
        if !allowed {
            self.error(
                Diagnostic::error(
                    Code::Misplaced,
                    b.key.span,
                    msg!(
                        "misplaced.inside",
                        block = &b.key.text,
                        within = self.within
                    ),
                    msg!("misplaced.label"),
                )
                .with_help(msg!("misplaced.inside-help")),
            );
        }
        !allowed
    }

    /// `practice { … }`: what named bodies found happening. Every clause names its source.
    fn practice(&mut self, b: &Block) {
        if self.not_here(b) || !self.unique("practice", b.span) {
            return;
        }
        let (terms, diags) = self.nested("practice", &b.items);
        self.diags.extend(diags);
        let unsourced = terms
            .facts
            .values()
            .filter(|f| f.source.is_none())
            .map(|f| f.span)
            .chain(
                terms
                    .transitions
                    .iter()
                    .filter(|t| t.source.is_none())
                    .map(|t| t.span),
            )
            .chain(
                terms
                    .flows
                    .iter()
                    .filter(|f| f.source.is_none())
                    .map(|f| f.span),
            );
        let unsourced: Vec<Span> = unsourced.collect();
        for span in unsourced {
            self.error(
                Diagnostic::error(
                    Code::PracticeWithoutSource,
                    span,
                    msg!("practice-without-source.message"),
                    msg!("practice-without-source.label"),
                )
                .with_help(msg!("practice-without-source.help")),
            );
        }
        self.terms.practice = Some(Box::new(terms));
    }

    /// `streams { name { … } … }`: sub-populations with terms of their own.
    fn streams(&mut self, b: &Block) {
        if self.not_here(b) || !self.unique("streams", b.span) {
            return;
        }
        for it in &b.items {
            let Item::Block(s) = it else {
                if !matches!(it, Item::Error(_)) {
                    self.error(
                        Diagnostic::error(
                            Code::Misplaced,
                            it.span(),
                            msg!("misplaced.streams"),
                            msg!("misplaced.streams-label"),
                        )
                        .with_help(msg!("misplaced.streams-help")),
                    );
                }
                continue;
            };
            if !self.unique(format!("streams.{}", s.key.text), s.span) {
                continue;
            }
            let (terms, diags) = self.nested("stream", &s.items);
            self.diags.extend(diags);
            if terms.is_empty() {
                self.error(
                    Diagnostic::error(
                        Code::EmptyStream,
                        s.key.span,
                        msg!("empty-stream.message", name = &s.key.text),
                        msg!("empty-stream.label"),
                    )
                    .with_help(msg!("empty-stream.help")),
                );
                continue;
            }
            self.terms.streams.push(Stream {
                name: s.key.text.clone(),
                span: s.span,
                terms,
            });
        }
    }

    fn key_help(&self, parent: &str, key: &str) -> Option<Text> {
        let mut siblings = vocab::children(parent);
        if parent.is_empty() {
            siblings.extend(SPECIAL_BLOCKS);
        }
        if let Some(s) = did_you_mean(key, siblings.iter().copied()) {
            return Some(s);
        }
        let elsewhere = vocab::TERMS.iter().find(|t| {
            t.path.rsplit('.').next() == Some(key) || t.path.split('.').any(|p| p == key)
        });
        if let Some(t) = elsewhere {
            return Some(match t.path.rsplit_once('.') {
                Some((block, _)) => msg!("unknown-term.belongs", key = key, block = block),
                None => msg!("unknown-term.belongs-top", key = key),
            });
        }
        let allowed = siblings
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(if parent.is_empty() {
            msg!("unknown-term.allowed-top", terms = allowed)
        } else {
            msg!("unknown-term.allowed", block = parent, terms = allowed)
        })
    }

    fn field(&mut self, block: &str, f: &Field) {
        let path = join(block, &f.key.text);
        let Some(term) = vocab::term(&path) else {
            let code = if vocab::is_block(&path) {
                Code::BlockAsTerm
            } else {
                Code::UnknownTerm
            };
            let msg = if vocab::is_block(&path) {
                msg!("block-as-term.message", path = path.as_ref())
            } else {
                msg!("unknown-term.message", path = path.as_ref())
            };
            let help = self.key_help(block, &f.key.text);
            self.error(
                Diagnostic::error(code, f.key.span, msg, msg!("unknown-term.label"))
                    .with_help_opt(help),
            );
            return;
        };
        if !self.unique(term.path, f.span) {
            return;
        }
        if let Some(value) = self.typed(term.path, term.kind, &f.value) {
            let fact = Fact {
                value,
                span: f.span,
                source: f.source.as_ref().map(|s| s.text.clone()),
                exception: f.exception.as_ref().map(|e| e.text.clone()),
                discretion: f.discretion,
            };
            self.terms.facts.insert(term, fact);
        }
    }

    fn statuses(&mut self, b: &Block) {
        for it in &b.items {
            match it {
                Item::Field(f) if f.key.text == "entry" => {
                    if !self.unique("statuses.entry", f.span) {
                        continue;
                    }
                    match &f.value.kind {
                        ValueKind::Word { word } if self.status_ref(word, f.value.span) => {
                            self.terms.entry = Some((word.clone(), f.value.span));
                        }
                        ValueKind::Word { .. } => {}
                        _ => self.error(Diagnostic::error(
                            Code::WrongType,
                            f.value.span,
                            msg!("wrong-type.entry"),
                            msg!("wrong-type.entry-label"),
                        )),
                    }
                }
                Item::Transition(t) => self.transition("statuses", t),
                _ => {}
            }
        }
    }

    fn status_ref(&mut self, word: &str, span: Span) -> bool {
        if self.status_names.contains(word) {
            return true;
        }
        // A category names a status of its own: one documented transition needs no graph.
        if let Some(category) = vocab::STATUS_CATEGORIES.iter().find(|c| **c == word) {
            self.status_names.insert(word.to_string());
            self.terms.statuses.push(StatusDecl {
                name: word.to_string(),
                category,
                span,
            });
            return true;
        }
        let names: Vec<&str> = self
            .terms
            .statuses
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        let help = did_you_mean(word, names.iter().copied())
            .unwrap_or_else(|| msg!("undefined-status.help", word = word));
        self.error(
            Diagnostic::error(
                Code::UndefinedStatus,
                span,
                msg!("undefined-status.message", word = word),
                msg!("undefined-status.label"),
            )
            .with_help(help),
        );
        false
    }

    fn party_ref(&mut self, word: &str, span: Span) -> bool {
        if vocab::BUILTIN_PARTIES.contains(&word) || self.party_names.contains(word) {
            return true;
        }
        let mut names: Vec<&str> = vocab::BUILTIN_PARTIES.to_vec();
        names.extend(self.terms.parties.iter().map(|p| p.name.as_str()));
        let help = did_you_mean(word, names.iter().copied()).unwrap_or_else(|| {
            msg!(
                "undefined-party.help",
                parties = vocab::BUILTIN_PARTIES.join(", ")
            )
        });
        self.error(
            Diagnostic::error(
                Code::UndefinedParty,
                span,
                msg!("undefined-party.message", word = word),
                msg!("undefined-party.label"),
            )
            .with_help(help),
        );
        false
    }

    /// A list of parties (or one party), each resolved.
    fn parties_list(&mut self, path: &str, v: &Value) -> Option<Vec<String>> {
        self.word_list(path, v, |me, w, span| {
            me.party_ref(w, span).then(|| w.to_string())
        })
    }

    fn transition(&mut self, block: &str, t: &Transition) {
        if block != "statuses" {
            self.error(
                Diagnostic::error(
                    Code::Misplaced,
                    t.span,
                    msg!("misplaced.transition"),
                    msg!("misplaced.label"),
                )
                .with_help(msg!("misplaced.transition-help")),
            );
            return;
        }
        let from_ok = self.status_ref(&t.from.text, t.from.span);
        let to_ok = self.status_ref(&t.to.text, t.to.span);
        let trigger = self.one_word(
            &t.trigger.text,
            t.trigger.span,
            vocab::TRIGGERS,
            WordKind::Trigger,
        );
        let mut decl = TransitionDecl {
            from: t.from.text.clone(),
            to: t.to.text.clone(),
            trigger: trigger.unwrap_or(""),
            within: None,
            after: None,
            decided_by: None,
            consent: Vec::new(),
            condition: None,
            span: t.span,
            source: t.source.as_ref().map(|s| s.text.clone()),
        };
        let mut ok = from_ok && to_ok && trigger.is_some();
        for m in &t.modifiers {
            match m {
                Modifier::Within { value } => {
                    decl.within = self.number(value, "within", Kind::Duration)
                }
                Modifier::After { value } => {
                    decl.after = self.number(value, "after", Kind::Duration)
                }
                Modifier::DecidedBy { party } => {
                    ok &= self.party_ref(&party.text, party.span);
                    decl.decided_by = Some(party.text.clone());
                }
                Modifier::Consent { parties } => match self.parties_list("consent", parties) {
                    Some(p) => decl.consent = p,
                    None => ok = false,
                },
                Modifier::If { text } => decl.condition = Some(text.text.clone()),
            }
        }
        if ok {
            self.terms.transitions.push(decl);
        }
    }

    fn flow(&mut self, block: &str, f: &Flow) {
        if !FLOW_BLOCKS.contains(&block) {
            self.error(
                Diagnostic::error(
                    Code::Misplaced,
                    f.span,
                    msg!("misplaced.flow"),
                    msg!("misplaced.label"),
                )
                .with_help(msg!("misplaced.flow-help")),
            );
            return;
        }
        let payer_ok = self.party_ref(&f.payer.text, f.payer.span);
        let cost = self.one_word(&f.cost.text, f.cost.span, vocab::COSTS, WordKind::Cost);
        let payee_ok = f
            .payee
            .as_ref()
            .is_none_or(|p| self.party_ref(&p.text, p.span));
        let amount = match &f.amount {
            Some(
                v @ Value {
                    kind: ValueKind::Quantity { unit: Some(u), .. },
                    ..
                },
            ) if vocab::PERCENT_UNITS.iter().any(|(p, _)| p == u) => {
                let share = self.number(v, "share", Kind::Percent);
                if let (Some(percent), Some(fee)) =
                    (share, cost.filter(|c| vocab::FEES.contains(c)))
                {
                    self.percent_fee(fee, percent, v.span, f.cost.span);
                }
                share.map(|percent| Amount::Share { percent })
            }
            Some(v) => match self.typed("amount", Kind::Money, v) {
                Some(Typed::Money { amount, currency }) => Some(Amount::Money { amount, currency }),
                _ => None,
            },
            None => None,
        };
        if f.amount.is_some() && amount.is_none() {
            return;
        }
        if let (true, Some(cost), true) = (payer_ok, cost, payee_ok) {
            self.terms.flows.push(FlowDecl {
                payer: f.payer.text.clone(),
                cost,
                amount,
                payee: f.payee.as_ref().map(|p| p.text.clone()),
                deducted: f.deducted,
                negated: f.negated,
                span: f.span,
                source: f.source.as_ref().map(|s| s.text.clone()),
            });
        }
    }
}

impl Validator {
    /// Warns that a percentage written for a fee is read as a share of the fee, not of wages.
    fn percent_fee(&mut self, fee: &str, percent: f64, span: Span, cost: Span) {
        let shown = trim_number(percent);
        self.error(
            Diagnostic::warning(
                Code::PercentFee,
                span,
                msg!("percent-fee.message", percent = &shown, fee = fee),
                msg!("percent-fee.label"),
            )
            .with_label(cost, msg!("percent-fee.fee-label"))
            .with_help(msg!(
                "percent-fee.help",
                months = (percent / 100.0).to_string()
            )),
        );
    }
}

/// The path of `key` in `block`; a key at the top level is its own path.
fn join<'k>(block: &str, key: &'k str) -> Cow<'k, str> {
    if block.is_empty() {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(format!("{block}.{key}"))
    }
}
