//! Semantic checks on the compiled model: missing entry, unreachable statuses, traps,
//! conflicting transitions and contradictory terms.

use petgraph::Direction;

use super::{Model, Node};
use crate::syntax::diagnostic::{msg, Text};
use crate::syntax::validate::Fact;
use crate::syntax::{Code, Diagnostic};
use crate::vocab::{Typed, TERMINAL_STATUSES};

/// Runs every check.
pub fn run(m: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    statuses(m, &mut out);
    conflicts(m, &mut out);
    contradictions(m, &mut out);
    denials(m, &mut out);
    streams(m, &mut out);
    out
}

/// A cost a payer is said both to pay and not to pay.
fn denials(m: &Model, out: &mut Vec<Diagnostic>) {
    let flows = &m.terms().flows;
    for no in flows.iter().filter(|f| f.negated) {
        if let Some(yes) = flows
            .iter()
            .find(|f| !f.negated && f.payer == no.payer && f.cost == no.cost)
        {
            out.push(
                Diagnostic::error(
                    Code::Contradiction,
                    no.span,
                    msg!("contradiction.flow", payer = &no.payer, cost = no.cost),
                    msg!("contradiction.flow-label"),
                )
                .with_label(yes.span, msg!("contradiction.flow-other"))
                .with_help(msg!("contradiction.flow-help")),
            );
        }
    }
}

/// A stream's sectors outside a sectors list the program declares complete.
fn streams(m: &Model, out: &mut Vec<Diagnostic>) {
    let t = m.terms();
    let Some(all) = t.facts.get("sectors").filter(|_| m.complete("sectors")) else {
        return;
    };
    for s in &t.streams {
        let Some(own) = s.terms.facts.get("sectors") else {
            continue;
        };
        let outside: Vec<&str> = own
            .value
            .words()
            .into_iter()
            .filter(|w| !all.value.words().contains(w))
            .collect();
        if !outside.is_empty() {
            out.push(
                Diagnostic::error(
                    Code::Contradiction,
                    own.span,
                    msg!(
                        "contradiction.sectors",
                        stream = &s.name,
                        sectors = outside.join("`, `")
                    ),
                    msg!("contradiction.sectors-label"),
                )
                .with_label(all.span, msg!("contradiction.sectors-complete"))
                .with_help(msg!("contradiction.sectors-help")),
            );
        }
    }
}

/// The status graph's own checks, for a program that declares its transitions complete: a
/// partial graph may leave out the entry and the ways in and out.
fn statuses(m: &Model, out: &mut Vec<Diagnostic>) {
    let Some(block) = m
        .terms()
        .statuses_block
        .filter(|_| m.complete("transitions"))
    else {
        return;
    };
    let Some(entry) = m.entry() else {
        if !m.terms().statuses.is_empty() {
            out.push(
                Diagnostic::error(
                    Code::NoEntry,
                    block,
                    msg!("no-entry.message"),
                    msg!("no-entry.label"),
                )
                .with_help(msg!("no-entry.help")),
            );
        }
        return;
    };
    let reached = m.reachable(entry, |_| true);
    for n in m.graph().node_indices() {
        let Some(Node::Status {
            name,
            category,
            span,
        }) = m.graph().node_weight(n)
        else {
            continue;
        };
        if !reached.get(n.index()).is_some_and(|r| *r) {
            out.push(
                Diagnostic::warning(
                    Code::UnreachableStatus,
                    *span,
                    msg!("unreachable-status.message", name = name),
                    msg!("unreachable-status.label"),
                )
                .with_help(msg!("unreachable-status.help", name = name)),
            );
        } else if !TERMINAL_STATUSES.contains(category)
            && m.graph()
                .neighbors_directed(n, Direction::Outgoing)
                .next()
                .is_none()
        {
            out.push(
                Diagnostic::warning(
                    Code::TrapStatus,
                    *span,
                    msg!("trap-status.message", name = name),
                    msg!("trap-status.label"),
                )
                .with_help(msg!(
                    "trap-status.help",
                    name = name,
                    category = *category
                )),
            );
        }
    }
}

fn conflicts(m: &Model, out: &mut Vec<Diagnostic>) {
    let ts = &m.terms().transitions;
    let mut sorted: Vec<_> = ts.iter().filter(|t| t.condition.is_none()).collect();
    sorted.sort_by(|a, b| {
        (&a.from, a.trigger, &a.decided_by).cmp(&(&b.from, b.trigger, &b.decided_by))
    });
    for pair in sorted.windows(2) {
        let [a, b] = pair else { continue };
        if a.from == b.from
            && a.trigger == b.trigger
            && a.decided_by == b.decided_by
            && a.to != b.to
        {
            out.push(
                Diagnostic::error(
                    Code::ConflictingTransitions,
                    b.span,
                    msg!(
                        "conflicting-transitions.message",
                        from = &a.from,
                        trigger = a.trigger,
                        to = &a.to,
                        other = &b.to
                    ),
                    msg!("conflicting-transitions.label"),
                )
                .with_label(a.span, msg!("conflicting-transitions.earlier"))
                .with_help(msg!("conflicting-transitions.help")),
            );
        }
    }
}

/// Pairs of terms that cannot both hold.
const CONTRADICTIONS: &[(&str, &str, &str)] = &[
    (
        "permit.tied_to",
        "permit.employer_change.consent",
        "diagnostic.contradiction.consent",
    ),
    (
        "permit.employer_change.allowed",
        "permit.employer_change.max_changes",
        "diagnostic.contradiction.max-changes",
    ),
    (
        "permit.employer_change.allowed",
        "permit.employer_change.grounds",
        "diagnostic.contradiction.grounds",
    ),
    (
        "permit.renewable",
        "permit.renewals",
        "diagnostic.contradiction.renewals",
    ),
    (
        "permit.permanent_residence",
        "permit.permanent_residence_after",
        "diagnostic.contradiction.permanent-residence-after",
    ),
    (
        "family.reunification",
        "family.reunification_after",
        "diagnostic.contradiction.reunification-after",
    ),
    (
        "accommodation.provided",
        "accommodation.live_in_required",
        "diagnostic.contradiction.live-in-required",
    ),
];

fn contradictions(m: &Model, out: &mut Vec<Diagnostic>) {
    for (a, b, why) in CONTRADICTIONS {
        let (Some(fa), Some(fb)) = (m.fact(a), m.fact(b)) else {
            continue;
        };
        if contradicts(a, fa, fb) {
            out.push(
                Diagnostic::error(
                    Code::Contradiction,
                    fb.span,
                    msg!(
                        "contradiction.message",
                        b = *b,
                        a = *a,
                        why = Text::new(why, Vec::new())
                    ),
                    msg!("contradiction.label"),
                )
                .with_label(fa.span, msg!("contradiction.other"))
                .with_help(msg!(
                    "contradiction.help",
                    a = *a,
                    value = fa.value.display()
                )),
            );
        }
    }
}

fn contradicts(a: &str, fa: &Fact, fb: &Fact) -> bool {
    let negative = matches!(&fa.value, Typed::Bool(false))
        || (a == "permit.tied_to" && fa.value == Typed::Word("none".into()));
    let positive = match &fb.value {
        Typed::Bool(b) => *b,
        Typed::Number(n) => *n > 0.0,
        Typed::Words(w) if a == "permit.tied_to" => w.iter().any(|p| p == "employer"),
        Typed::Words(w) => !w.is_empty(),
        _ => true,
    };
    negative && positive
}
