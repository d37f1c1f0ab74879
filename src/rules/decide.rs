//! Decidability: which single terms can decide a rule. A term decides a rule when a program that
//! is in the rule's scope and states that term alone gets `violated` or `satisfied` for some
//! value of it. Real agreements state few terms, so a rule that no single term can decide
//! stays `unstated` on most of them.

use serde::Serialize;

use super::ast::{Cond, Rule};
use super::verify::{harsh_statuses, protective, set, worker_pays_everything, worst};
use super::{Engine, Verdict};
use crate::model::Model;
use crate::syntax::validate::Terms;
use crate::vocab::{Better, Typed, TERMS};

/// The word for the status graph among the things a rule reads.
pub const STATUSES: &str = "statuses";
/// The word for the money flows among the things a rule reads.
pub const FLOWS: &str = "flows";

/// One thing that can decide a rule on its own, and the verdicts it can give.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decider {
    /// A term's path, or `statuses` or `flows`.
    pub term: &'static str,
    /// The decided verdicts some value of it gives (`violated`, `satisfied`).
    pub verdicts: Vec<Verdict>,
}

/// What a list of conditions reads: term paths, `statuses` and `flows`, in first-seen order.
pub fn reads<'a>(conds: impl IntoIterator<Item = &'a Cond>) -> Vec<&'static str> {
    let mut out = Vec::new();
    for c in conds {
        walk(c, &mut out);
    }
    out
}

fn walk(c: &Cond, out: &mut Vec<&'static str>) {
    let mut add = |t: &'static str| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    match c {
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| walk(c, out)),
        Cond::Not(c) => walk(c, out),
        Cond::Stated(t) | Cond::Unstated(t) | Cond::Compare { term: t, .. } => add(t.path),
        Cond::Path { .. } | Cond::Transition { .. } => add(STATUSES),
        Cond::Flow { .. } => add(FLOWS),
    }
}

/// Programs that state only what puts them in `rule`'s scope, one for each base the search
/// knows (the protective program, and the same with each main scope switched on).
fn scope_bases(rule: &Rule, base: &Terms) -> Vec<Terms> {
    let scope_terms = reads(&rule.applies);
    let mut bases = vec![base.clone()];
    for (path, word) in [
        ("recruitment.channel", "government_to_government"),
        ("recruitment.channel", "private_agency"),
        ("admission", "permanent"),
    ] {
        let mut b = base.clone();
        set(&mut b, path, Typed::Word(word.into()));
        bases.push(b);
    }
    for path in &scope_terms {
        let Some(term) = TERMS.iter().find(|t| t.path == *path) else {
            continue;
        };
        for v in worst(term.kind, Better::Neutral) {
            let mut b = base.clone();
            set(&mut b, term.path, v);
            bases.push(b);
        }
    }
    bases
        .into_iter()
        .map(|mut b| {
            b.facts.retain(|path, _| scope_terms.contains(&path));
            if !scope_terms.contains(&STATUSES) {
                b.statuses.clear();
                b.transitions.clear();
                b.entry = None;
                b.statuses_block = None;
            }
            if !scope_terms.contains(&FLOWS) {
                b.flows.clear();
            }
            b
        })
        .collect()
}

/// `base` with one thing a rule reads changed to each value the search tries for it.
fn variants(read: &'static str, protective: &Terms, base: &Terms) -> Vec<Terms> {
    let mut out = vec![base.clone(), base.clone()];
    match (read, out.as_mut_slice()) {
        (STATUSES, [kind, harsh]) => {
            kind.statuses.clone_from(&protective.statuses);
            kind.transitions.clone_from(&protective.transitions);
            kind.entry.clone_from(&protective.entry);
            kind.statuses_block = protective.statuses_block;
            harsh_statuses(harsh);
        }
        (FLOWS, [kind, harsh]) => {
            kind.flows.clone_from(&protective.flows);
            worker_pays_everything(harsh);
        }
        (path, _) => {
            out.clear();
            if let Some(term) = TERMS.iter().find(|t| t.path == path) {
                let mut values = worst(term.kind, term.better);
                values.extend(protective.facts.get(path).map(|f| f.value.clone()));
                for v in values {
                    let mut t = base.clone();
                    set(&mut t, term.path, v);
                    out.push(t);
                }
            }
        }
    }
    out
}

/// The things that decide `rule` on their own, in the order the rule reads them.
pub fn deciders(engine: &Engine, rule: &std::sync::Arc<Rule>) -> Vec<Decider> {
    let protective = protective();
    let bases: Vec<Terms> = scope_bases(rule, &protective)
        .into_iter()
        .filter(|b| {
            engine
                .evaluate_rule(rule, &Model::from_terms(b.clone()).0)
                .verdict
                != Verdict::NotApplicable
        })
        .collect();
    let checks = rule.checks.iter().map(|(_, c)| c);
    reads(checks)
        .into_iter()
        .filter_map(|read| {
            let mut verdicts = Vec::new();
            for base in &bases {
                for t in variants(read, &protective, base) {
                    let v = engine.evaluate_rule(rule, &Model::from_terms(t).0).verdict;
                    if matches!(v, Verdict::Violated | Verdict::Satisfied) && !verdicts.contains(&v)
                    {
                        verdicts.push(v);
                    }
                }
            }
            verdicts.sort();
            (!verdicts.is_empty()).then_some(Decider {
                term: read,
                verdicts,
            })
        })
        .collect()
}
