//! Semantic checks on the compiled model: missing entry, unreachable statuses, traps,
//! conflicting transitions and contradictory terms.

use petgraph::Direction;

use super::{Model, Node};
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
                    format!(
                        "`{} pays no {}` contradicts a flow that says it does",
                        no.payer, no.cost
                    ),
                    "says it is not paid",
                )
                .with_label(yes.span, "says it is paid")
                .with_help(
                    "keep one of the two; what happens in practice belongs in `practice { … }`",
                ),
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
                    format!(
                        "stream `{}` works in `{}`, which the complete `sectors` list leaves out",
                        s.name,
                        outside.join("`, `")
                    ),
                    "not in the program's sectors",
                )
                .with_label(all.span, "declared complete here")
                .with_help(
                    "add the sector to the program's `sectors`, or drop `sectors` from `complete`",
                ),
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
                    "`statuses` has no `entry` status",
                    "no entry",
                )
                .with_help("say where a worker starts, for example `entry employed`"),
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
                    format!("status `{name}` cannot be reached from the entry status"),
                    "unreachable",
                )
                .with_help(format!("add a transition into `{name}`, or remove it")),
            );
        } else if !TERMINAL_STATUSES.contains(category)
            && m.graph()
                .neighbors_directed(n, Direction::Outgoing)
                .next()
                .is_none()
        {
            out.push(
                Diagnostic::warning(Code::TrapStatus, *span, format!("status `{name}` has no way out"), "a trap")
                    .with_help(format!("say what happens next to a worker in `{name}` (a `{category}` status is not an end)")),
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
                    format!(
                        "`{}` on `{}` leads both to `{}` and to `{}`",
                        a.from, a.trigger, a.to, b.to
                    ),
                    "conflicts with an earlier transition",
                )
                .with_label(a.span, "the earlier transition")
                .with_help(
                    "add `if \"…\"` to say when each applies, or `decided_by` to say who chooses",
                ),
            );
        }
    }
}

/// Pairs of terms that cannot both hold.
const CONTRADICTIONS: &[(&str, &str, &str)] = &[
    (
        "permit.tied_to",
        "permit.employer_change.consent",
        "a permit tied to nothing needs no employer's consent to change employer",
    ),
    (
        "permit.employer_change.allowed",
        "permit.employer_change.max_changes",
        "changes of employer are not allowed, yet a number of changes is given",
    ),
    (
        "permit.employer_change.allowed",
        "permit.employer_change.grounds",
        "changes of employer are not allowed, yet grounds for a change are given",
    ),
    (
        "permit.renewable",
        "permit.renewals",
        "the permit is not renewable, yet a number of renewals is given",
    ),
    (
        "permit.permanent_residence",
        "permit.permanent_residence_after",
        "there is no path to permanent residence, yet a qualifying period is given",
    ),
    (
        "family.reunification",
        "family.reunification_after",
        "family reunification is not allowed, yet a waiting period is given",
    ),
    (
        "accommodation.provided",
        "accommodation.live_in_required",
        "accommodation is not provided, yet the worker must live in",
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
                    format!("`{b}` contradicts `{a}`: {why}"),
                    "contradicts an earlier term",
                )
                .with_label(fa.span, "the term it contradicts")
                .with_help(format!(
                    "`{a}` is `{}` here; change one of the two",
                    fa.value.display()
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
