//! Transitions and money flows compared field by field, each change ranked by the vocabulary's
//! protective directions for its modifier.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::{change, TermChange};
use crate::syntax::print;
use crate::syntax::validate::{FlowDecl, Terms, TransitionDecl};
use crate::vocab::{self, days, protect, Clause, Typed};

/// Compares the transitions of two drafts. Transitions are matched by their statuses and
/// trigger; a transition only one draft states is a clause stated or dropped.
pub(super) fn transitions(old: &Terms, new: &Terms, out: &mut Vec<Option<TermChange>>) {
    let key = |t: &TransitionDecl| (t.from.clone(), t.to.clone(), t.trigger);
    let name = |(from, to, on): &(String, String, &str)| format!("{from} -> {to} on {on}");
    for (k, pairs) in matched(&old.transitions, &new.transitions, key) {
        let against = vocab::adverse(category(new, &k.1).or(category(old, &k.1)).unwrap_or(""));
        let term = name(&k);
        for pair in pairs {
            match pair {
                (Some(a), Some(b)) => {
                    fields(
                        &term,
                        Clause::Transition,
                        against,
                        a,
                        b,
                        transition_field,
                        out,
                    );
                }
                (a, b) => out.push(whole(term.clone(), against, a, b, print::transition)),
            }
        }
    }
}

/// Compares the money flows of two drafts. Flows are matched by payer and cost; `no` is a field,
/// so `worker pays deposit` becoming `worker pays no deposit` is one change.
pub(super) fn flows(old: &Terms, new: &Terms, out: &mut Vec<Option<TermChange>>) {
    let key = |f: &FlowDecl| (f.payer.clone(), f.cost);
    for ((payer, cost), pairs) in matched(&old.flows, &new.flows, key) {
        // A cost the worker pays works against the worker; one someone else pays, for.
        let against = payer == "worker";
        let term = format!("{payer} pays {cost}");
        for pair in pairs {
            match pair {
                (Some(a), Some(b)) => fields(&term, Clause::Flow, against, a, b, flow_field, out),
                (a, b) => {
                    // `worker pays no deposit` works for the worker.
                    let negated = a.or(b).is_some_and(|f| f.negated);
                    let term = format!("{payer} pays {}{cost}", if negated { "no " } else { "" });
                    out.push(whole(term, against != negated, a, b, print::flow));
                }
            }
        }
    }
}

/// The category of the status `name` in `terms`.
fn category(terms: &Terms, name: &str) -> Option<&'static str> {
    terms
        .statuses
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.category)
}

/// A clause of the old draft and its match in the new one; either may be missing.
type Pair<'a, T> = (Option<&'a T>, Option<&'a T>);

/// Clauses of both drafts grouped by `key`, paired in the order each draft states them.
fn matched<'a, T, K: Ord>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> BTreeMap<K, Vec<Pair<'a, T>>> {
    let mut groups: BTreeMap<K, (Vec<&T>, Vec<&T>)> = BTreeMap::new();
    for c in old {
        groups.entry(key(c)).or_default().0.push(c);
    }
    for c in new {
        groups.entry(key(c)).or_default().1.push(c);
    }
    groups
        .into_iter()
        .map(|(k, (a, b))| {
            let n = a.len().max(b.len());
            let pairs = (0..n).map(|i| (a.get(i).copied(), b.get(i).copied()));
            (k, pairs.collect())
        })
        .collect()
}

/// A clause that one draft states and the other does not, shown as written. A clause that works
/// for the worker protects more where it is stated; one that works against, where it is not.
fn whole<T>(
    term: String,
    against: bool,
    before: Option<&T>,
    after: Option<&T>,
    written: fn(&T) -> String,
) -> Option<TermChange> {
    let order = if after.is_some() != against {
        Ordering::Greater
    } else {
        Ordering::Less
    };
    change(
        term,
        None,
        before.map(written),
        after.map(written),
        Some(order),
    )
}

/// Every modifier the vocabulary gives `clause`, compared between two matched clauses.
fn fields<T>(
    term: &str,
    clause: Clause,
    against: bool,
    a: &T,
    b: &T,
    value: fn(&T, &str) -> Option<(Typed, String)>,
    out: &mut Vec<Option<TermChange>>,
) {
    for m in vocab::MODIFIERS.iter().filter(|m| m.clause == clause) {
        let (x, y) = (value(a, m.word), value(b, m.word));
        let order = match (&x, &y) {
            (Some((x, _)), Some((y, _))) => protect::by(m.better(against), &[], x, y),
            (None, None) => Some(Ordering::Equal),
            _ => None,
        };
        let show = |v: Option<(Typed, String)>| v.map(|(_, s)| s);
        out.push(change(
            term.to_string(),
            Some(m.word),
            show(x),
            show(y),
            order,
        ));
    }
}

/// A transition's modifier `word` as a value to compare and as written; none when not stated.
/// Consent is always a list (no list: no one's consent is needed).
fn transition_field(t: &TransitionDecl, word: &str) -> Option<(Typed, String)> {
    let duration = |d: Option<f64>| d.map(|d| (Typed::Number(d), days(d)));
    let word_of = |w: &Option<String>| w.as_ref().map(|w| (Typed::Word(w.clone()), w.clone()));
    match word {
        "within" => duration(t.within),
        "after" => duration(t.after),
        "decided_by" => word_of(&t.decided_by),
        "consent" => Some((
            Typed::Words(t.consent.clone()),
            format!("[{}]", t.consent.join(", ")),
        )),
        "if" => word_of(&t.condition),
        _ => None,
    }
}

/// A money flow's modifier `word` as a value to compare and as written; none when not stated.
fn flow_field(f: &FlowDecl, word: &str) -> Option<(Typed, String)> {
    let flag = |b: bool| Some((Typed::Bool(b), Typed::Bool(b).display()));
    match word {
        "no" => flag(f.negated),
        "deducted" => flag(f.deducted),
        "amount" => f.amount.as_ref().map(|a| (a.typed(), a.display())),
        "to" => f
            .payee
            .as_ref()
            .map(|p| (Typed::Word(p.clone()), p.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Span;

    fn transition() -> TransitionDecl {
        TransitionDecl {
            from: "employed".into(),
            to: "job_seeking".into(),
            trigger: "job_loss",
            within: Some(14.0),
            after: Some(7.0),
            decided_by: Some("employer".into()),
            consent: vec!["employer".into()],
            condition: Some("on notice".into()),
            span: Span::default(),
            source: None,
        }
    }

    fn flow() -> FlowDecl {
        FlowDecl {
            payer: "worker".into(),
            cost: "travel",
            amount: None,
            payee: Some("agency".into()),
            deducted: true,
            negated: true,
            span: Span::default(),
            source: None,
        }
    }

    #[test]
    fn every_modifier_of_the_vocabulary_is_compared() {
        let t = transition();
        let f = flow();
        for m in vocab::MODIFIERS {
            let stated = match m.clause {
                Clause::Transition => transition_field(&t, m.word).is_some(),
                // The amount is the one flow field this flow leaves out.
                Clause::Flow => flow_field(&f, m.word).is_some() || m.word == "amount",
            };
            assert!(stated, "`{}` is not compared", m.word);
        }
        let mut f = f;
        f.amount = Some(vocab::Amount::Share { percent: 50.0 });
        assert!(flow_field(&f, "amount").is_some());
    }
}
