//! Three-valued evaluation of conditions on a model: true, false, or unknown because the program
//! is silent. Each result carries the evidence that decided it.

use std::sync::Arc;

use super::ast::{Cond, Op};
use super::evidence::{Gap, Missing, Says};
use crate::model::{Model, Witness};
use crate::syntax::ast::Span;
use crate::vocab::{Better, Kind, Term, Typed};

/// True, false, or unknown (the program is silent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// The program does not say.
    Unknown,
}

/// A clause consulted, rendered into words only for the findings reported.
#[derive(Debug, Clone, PartialEq)]
pub enum Ref {
    /// A stated term.
    Fact(&'static Term),
    /// A transition, by index.
    Transition(usize),
    /// A money flow, by index.
    Flow(usize),
    /// The journey or transition the `statuses` block lacks.
    Missing(Box<Missing>),
}

/// The journey (`journey`) or transition a condition asks for and the program lacks.
fn missing(
    journey: bool,
    from: Option<&[&'static str]>,
    to: Option<&[&'static str]>,
    on: Option<&[&'static str]>,
    avoiding: &[&'static str],
) -> Ref {
    let list = |l: Option<&[&'static str]>| l.map_or_else(Vec::new, <[_]>::to_vec);
    Ref::Missing(Box::new(Missing {
        journey,
        from: list(from),
        to: list(to),
        on: list(on),
        avoiding: avoiding.to_vec(),
    }))
}

impl Ref {
    /// The clause's span and what it says.
    pub fn render(self, m: &Model) -> (Span, Says) {
        let lost = |term| (Span::default(), Says::NotStated { term });
        match self {
            Ref::Fact(term) => match m.quotes().value(term) {
                Some((span, value)) => (
                    span,
                    Says::Fact {
                        term: term.path,
                        value,
                    },
                ),
                None => lost(term.path),
            },
            Ref::Transition(i) => match m.quotes().transitions.get(i) {
                Some(t) => (
                    t.span,
                    Says::Transition {
                        transition: Arc::clone(t),
                        avoided: Vec::new(),
                    },
                ),
                None => lost("statuses"),
            },
            Ref::Flow(i) => match m.quotes().flows.get(i) {
                Some(f) => (
                    f.span,
                    Says::Flow {
                        flow: Arc::clone(f),
                    },
                ),
                None => lost("flows"),
            },
            // Where the statuses are declared, not the whole block: the gap is in no clause.
            Ref::Missing(missing) => {
                let at = m.terms().statuses_block.unwrap_or_default().start;
                (Span { start: at, end: at }, Says::Missing(missing))
            }
        }
    }
}

/// What decided a condition: clauses consulted, terms the program is silent on, a journey.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// Clauses consulted.
    pub clauses: Vec<Ref>,
    /// Terms the program does not state.
    pub silent: Vec<Gap>,
    /// A worker's journey that proves a graph finding.
    pub witness: Option<Witness>,
}

impl Evidence {
    /// Adds `other`'s clauses, silent terms and (if none yet) witness.
    pub fn merge(&mut self, other: Evidence) {
        if self.clauses.is_empty() {
            self.clauses = other.clauses;
        } else {
            self.clauses.extend(other.clauses);
        }
        if self.silent.is_empty() {
            // Silent terms are never listed twice, so `other`'s can be taken whole.
            self.silent = other.silent;
        } else {
            for s in other.silent {
                if !self.silent.contains(&s) {
                    self.silent.push(s);
                }
            }
        }
        if self.witness.is_none() {
            self.witness = other.witness;
        }
    }
}

/// Evaluates `cond` on `m`.
pub fn eval(cond: &Cond, m: &Model) -> (Tri, Evidence) {
    let found = |clauses: Vec<Ref>| Evidence {
        clauses,
        ..Evidence::default()
    };
    match cond {
        Cond::And(parts) => all(parts, m),
        Cond::Or(parts) => combine(parts, m, Tri::True, Tri::False),
        Cond::Not(c) => {
            let (t, ev) = eval(c, m);
            let t = match t {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            };
            (t, ev)
        }
        Cond::Stated(term) | Cond::Unstated(term) => {
            let stated = m.fact_of(term).is_some();
            let ev = if stated {
                found(vec![Ref::Fact(term)])
            } else {
                gap(Gap::Term(term.path))
            };
            (tri(stated == matches!(cond, Cond::Stated(_))), ev)
        }
        Cond::Compare { term, op, value } => compare(m, term, *op, value),
        Cond::Path {
            from,
            to,
            on,
            avoiding,
        } => {
            if !m.has_statuses() {
                return (Tri::Unknown, gap(Gap::Term("statuses")));
            }
            match m.find_path(from, to, on.as_deref(), avoiding) {
                Some(w) => {
                    let clauses = w.transitions.iter().map(|&i| Ref::Transition(i)).collect();
                    (
                        Tri::True,
                        Evidence {
                            clauses,
                            silent: Vec::new(),
                            witness: Some(w),
                        },
                    )
                }
                None => absent(
                    m,
                    "transitions",
                    missing(true, Some(from), Some(to), on.as_deref(), avoiding),
                ),
            }
        }
        Cond::Transition {
            from,
            to,
            on,
            without_consent,
            by,
        } => {
            if !m.has_statuses() {
                return (Tri::Unknown, gap(Gap::Term("statuses")));
            }
            let hit = m
                .transitions_matching(from.as_deref(), to.as_deref(), on.as_deref())
                .find(|(_, t)| {
                    let free = without_consent.iter().all(|p| {
                        !t.consent.iter().any(|c| m.party_is(c, p))
                            && !t.decided_by.as_deref().is_some_and(|d| m.party_is(d, p))
                    });
                    free && by.is_none_or(|b| t.after.unwrap_or(0.0) <= b + 1e-9)
                });
            match hit {
                Some((i, _)) => (Tri::True, found(vec![Ref::Transition(i)])),
                None if !m.complete("transitions") => (Tri::Unknown, gap(Gap::Transitions)),
                None => {
                    let near: Vec<Ref> = m
                        .transitions_matching(from.as_deref(), None, on.as_deref())
                        .map(|(i, _)| Ref::Transition(i))
                        .collect();
                    (
                        Tri::False,
                        found(if near.is_empty() {
                            vec![missing(
                                false,
                                from.as_deref(),
                                to.as_deref(),
                                on.as_deref(),
                                &[],
                            )]
                        } else {
                            near
                        }),
                    )
                }
            }
        }
        Cond::Flow {
            from,
            to,
            costs,
            deducted,
        } => {
            let party_ok = |who: &str, set: &Option<Vec<String>>| {
                set.as_ref()
                    .is_none_or(|s| s.iter().any(|p| m.party_is(who, p)))
            };
            let cost_ok = |c: &str| costs.as_ref().is_none_or(|s| s.contains(&c));
            let flows = m.terms().flows.iter().enumerate();
            let hits: Vec<Ref> = flows
                .filter(|(_, f)| {
                    !f.negated
                        && party_ok(&f.payer, from)
                        && (to.is_none() || f.payee.as_deref().is_some_and(|p| party_ok(p, to)))
                        && cost_ok(f.cost)
                        && (!deducted || f.deducted)
                })
                .map(|(i, _)| Ref::Flow(i))
                .collect();
            if !hits.is_empty() {
                return (Tri::True, found(hits));
            }
            // A cost the program says a payer does not pay (`worker pays no deposit`) is not
            // paid by that payer.
            let denied = |c: &&str| {
                m.terms()
                    .flows
                    .iter()
                    .any(|f| f.negated && f.cost == *c && party_ok(&f.payer, from))
            };
            if costs.as_ref().is_some_and(|cs| cs.iter().all(denied)) {
                let denials = m.terms().flows.iter().enumerate();
                return (
                    Tri::False,
                    found(
                        denials
                            .filter(|(_, f)| f.negated && party_ok(&f.payer, from))
                            .map(|(i, _)| Ref::Flow(i))
                            .collect(),
                    ),
                );
            }
            // A list of money flows is partial unless the program declares it complete: a cost
            // no one is said to pay is then not charged; otherwise it is unknown.
            if m.complete("flows") {
                return (
                    Tri::False,
                    found((0..m.terms().flows.len()).map(Ref::Flow).collect()),
                );
            }
            (
                Tri::Unknown,
                gap(Gap::Payer(costs.clone().unwrap_or_default())),
            )
        }
    }
}

/// Nothing in the graph matches: false where the program declares its transitions complete,
/// else unknown.
fn absent(m: &Model, list: &str, none: Ref) -> (Tri, Evidence) {
    if m.complete(list) {
        (
            Tri::False,
            Evidence {
                clauses: vec![none],
                ..Evidence::default()
            },
        )
    } else {
        (Tri::Unknown, gap(Gap::Transitions))
    }
}

fn gap(what: Gap) -> Evidence {
    Evidence {
        silent: vec![what],
        ..Evidence::default()
    }
}

fn tri(b: bool) -> Tri {
    if b {
        Tri::True
    } else {
        Tri::False
    }
}

/// Kleene AND of `conds`: false if any is false, else unknown if any is unknown, else true.
pub fn all(conds: &[Cond], m: &Model) -> (Tri, Evidence) {
    combine(conds, m, Tri::False, Tri::True)
}

/// Kleene AND (`decisive` = false) or OR (`decisive` = true), keeping the evidence of every part
/// whose value is the outcome.
fn combine(parts: &[Cond], m: &Model, decisive: Tri, neutral: Tri) -> (Tri, Evidence) {
    let mut outcome = (neutral, Evidence::default());
    for part in parts {
        fold(&mut outcome, eval(part, m), decisive);
    }
    outcome
}

/// One step of Kleene AND (`decisive` = false) or OR (`decisive` = true): `outcome` with the
/// next part's value, keeping the evidence of every part whose value is the outcome.
pub fn fold(outcome: &mut (Tri, Evidence), (t, ev): (Tri, Evidence), decisive: Tri) {
    let weight = |t: Tri| match t {
        _ if t == decisive => 2,
        Tri::Unknown => 1,
        _ => 0,
    };
    if weight(t) > weight(outcome.0) {
        *outcome = (t, ev);
    } else if t == outcome.0 {
        outcome.1.merge(ev);
    }
}

fn compare(m: &Model, term: &'static Term, op: Op, want: &Typed) -> (Tri, Evidence) {
    let Some(fact) = m.fact_of(term) else {
        return (Tri::Unknown, gap(Gap::Term(term.path)));
    };
    let ev = Evidence {
        clauses: vec![Ref::Fact(term)],
        ..Evidence::default()
    };
    let have = &fact.value;
    if let (Typed::Range { min, max }, Op::Eq | Op::Ne) = (have, op) {
        let inside = rank(term, want).is_some_and(|w| *min - 1e-9 <= w && w <= *max + 1e-9);
        if inside && max - min > 1e-9 {
            return (Tri::Unknown, ev);
        }
    }
    // True or false when every candidate value agrees, else unknown.
    let candidates = have.candidates();
    let mut results = candidates.iter().map(|h| compare_one(m, term, op, h, want));
    let first = results.next().unwrap_or(Tri::True);
    let t = if results.all(|t| t == first) {
        first
    } else {
        Tri::Unknown
    };
    // A value that holds save on stated grounds, or at an authority's discretion, is not
    // guaranteed: what it would satisfy stays open; what it would breach, it breaches.
    if t == Tri::True && (fact.exception.is_some() || fact.discretion) {
        let why = match &fact.exception {
            Some(e) => Gap::Exception(e.clone()),
            None => Gap::Discretion,
        };
        return (
            Tri::Unknown,
            Evidence {
                silent: vec![why],
                ..ev
            },
        );
    }
    (t, ev)
}

/// One stated value against the operand. A list the program has not declared complete decides
/// `has` and `lacks` only by what it contains.
fn compare_one(m: &Model, term: &Term, op: Op, have: &Typed, want: &Typed) -> Tri {
    let open = matches!(
        term.kind,
        Kind::EnumList(_) | Kind::PartyList | Kind::Countries
    ) && !m.term_complete(term.path);
    let listed = |w: &&str| contains(m, term, have, w);
    match op {
        Op::Has if want.words().iter().all(listed) => Tri::True,
        Op::Has if open => Tri::Unknown,
        Op::Has => Tri::False,
        Op::Lacks if want.words().iter().any(listed) => Tri::False,
        Op::Lacks if open => Tri::Unknown,
        Op::Lacks => Tri::True,
        Op::Eq => tri(equal(m, term, have, want)),
        Op::Ne => tri(!equal(m, term, have, want)),
        Op::In => tri(want
            .words()
            .iter()
            .any(|w| equal(m, term, have, &Typed::Word(w.to_string())))),
        Op::Ge | Op::Le | Op::Gt | Op::Lt => match (rank(term, have), rank(term, want)) {
            (Some(a), Some(b)) => tri(match op {
                Op::Ge => a >= b - 1e-9,
                Op::Le => a <= b + 1e-9,
                Op::Gt => a > b + 1e-9,
                _ => a < b - 1e-9,
            }),
            // `rest_of_permit` against a length: it depends on the permit.
            _ if term.kind == Kind::Duration => Tri::Unknown,
            _ => Tri::False,
        },
    }
}

fn equal(m: &Model, term: &Term, have: &Typed, want: &Typed) -> bool {
    match (term.kind, have, want) {
        (Kind::Party, Typed::Word(h), Typed::Word(w)) => m.party_is(h, w),
        (_, Typed::Number(a), Typed::Number(b)) => (a - b).abs() < 1e-9,
        _ => have == want,
    }
}

fn contains(m: &Model, term: &Term, have: &Typed, w: &str) -> bool {
    match term.kind {
        Kind::PartyList => have.words().iter().any(|h| m.party_is(h, w)),
        _ => have.has_word(w),
    }
}

fn rank(term: &Term, v: &Typed) -> Option<f64> {
    match v {
        Typed::Number(n) | Typed::Money { amount: n, .. } => Some(*n),
        Typed::Word(w) if term.better == Better::Ordered => term
            .kind
            .allowed()
            .iter()
            .position(|a| a == w)
            .map(|p| p as f64),
        _ => None,
    }
}
