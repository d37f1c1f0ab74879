//! Proptest strategies for whole programs, single terms, transitions and money flows, driven by
//! the vocabulary so that a new term is generated with no new code. Enabled by the `proptest`
//! feature. Generated programs print as `.fair` text, so shrunk counter-examples read as programs.

use std::fmt;

use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use crate::syntax::ast::Span;
use crate::syntax::print::to_fair;
use crate::syntax::validate::{Fact, FlowDecl, PartyDecl, StatusDecl, Terms, TransitionDecl};
use crate::vocab::{
    Amount, Kind, Term, Typed, BUILTIN_PARTIES, COSTS, PARTY_ROLES, STATUS_CATEGORIES, TERMS,
    TRIGGERS,
};

/// A generated program; its `Debug` form is the program's `.fair` text.
#[derive(Clone, PartialEq)]
pub struct Program(pub Terms);

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", to_fair(&self.0))
    }
}

const COUNTRY_SAMPLE: &[&str] = &[
    "MEX", "PHL", "IDN", "KOR", "DEU", "ITA", "NZL", "HKG", "CAN", "GBR", "VNM",
];
const DECLARED: &[&str] = &["joint_body", "ministry_of_labour", "recruiter"];
const UNITS: &[f64] = &[1.0, 7.0, 30.4375, 365.25];

/// Values of one term, following its type.
pub fn value(term: &'static Term, parties: Vec<String>) -> BoxedStrategy<Typed> {
    let word =
        |v: &'static [&'static str]| select(v).prop_map(|w| Typed::Word(w.to_string())).boxed();
    match term.kind {
        Kind::Enum(v) => word(v),
        Kind::Bool => any::<bool>().prop_map(Typed::Bool).boxed(),
        Kind::Duration => (0u32..40, select(UNITS))
            .prop_map(|(n, u)| Typed::Number(f64::from(n) * u))
            .boxed(),
        Kind::Hours => (0u32..=168)
            .prop_map(|n| Typed::Number(f64::from(n)))
            .boxed(),
        Kind::Percent => (0u32..=100)
            .prop_map(|n| Typed::Number(f64::from(n)))
            .boxed(),
        Kind::Count => (0u32..50).prop_map(|n| Typed::Number(f64::from(n))).boxed(),
        Kind::Money => (
            0u32..5000,
            select(&["USD", "EUR", "CAD", "PHP", "months_of_wages"][..]),
        )
            .prop_map(|(a, c)| Typed::Money {
                amount: f64::from(a),
                currency: c.to_string(),
            })
            .boxed(),
        Kind::Date => (2000u32..2030, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| Typed::Text(format!("{y}-{m:02}-{d:02}")))
            .boxed(),
        Kind::Text => "[a-z][a-z ]{0,15}".prop_map(Typed::Text).boxed(),
        Kind::Countries => subsequence(COUNTRY_SAMPLE, 1..=2)
            .prop_map(|v| Typed::Words(v.iter().map(|s| s.to_string()).collect()))
            .boxed(),
        Kind::Party => select(parties).prop_map(Typed::Word).boxed(),
        Kind::EnumList(v) => subsequence(v, 0..=v.len().min(4))
            .prop_map(|v| Typed::Words(v.iter().map(|s| s.to_string()).collect()))
            .boxed(),
        Kind::PartyList => {
            let n = parties.len();
            subsequence(parties, 0..=n.min(3))
                .prop_map(Typed::Words)
                .boxed()
        }
    }
}

/// A status transition between the statuses `names`, naming only `parties`.
pub fn transition(
    names: Vec<String>,
    parties: Vec<String>,
) -> impl Strategy<Value = TransitionDecl> {
    let duration =
        proptest::option::of((0u32..24, select(UNITS)).prop_map(|(n, u)| f64::from(n) * u));
    let n = parties.len();
    (
        select(names.clone()),
        select(names),
        select(TRIGGERS),
        duration.clone(),
        duration,
        proptest::option::of(select(parties.clone())),
        subsequence(parties, 0..=n.min(2)),
    )
        .prop_map(
            |(from, to, trigger, within, after, decided_by, consent)| TransitionDecl {
                from,
                to,
                trigger,
                within,
                after,
                decided_by,
                consent,
                condition: None,
                span: Span::default(),
                source: None,
            },
        )
}

/// A money flow between `parties`.
pub fn flow(parties: Vec<String>) -> impl Strategy<Value = FlowDecl> {
    let amount = proptest::option::of(prop_oneof![
        (0u32..=100).prop_map(|n| Amount::Share {
            percent: f64::from(n)
        }),
        (0u32..3000).prop_map(|a| Amount::Money {
            amount: f64::from(a),
            currency: "USD".into()
        }),
    ]);
    (
        select(parties.clone()),
        select(COSTS),
        amount,
        proptest::option::of(select(parties)),
        any::<bool>(),
    )
        .prop_map(|(payer, cost, amount, payee, deducted)| FlowDecl {
            payer,
            cost,
            amount,
            payee,
            deducted,
            negated: false,
            span: Span::default(),
            source: None,
        })
}

/// Whole programs: any subset of the vocabulary's terms, declared parties, statuses (the first is
/// the entry, and employed), transitions and money flows, all references resolving.
pub fn program() -> impl Strategy<Value = Program> {
    let declared = subsequence(DECLARED, 0..=DECLARED.len()).prop_flat_map(|names| {
        let n = names.len();
        (
            Just(names),
            proptest::collection::vec(select(PARTY_ROLES), n),
        )
    });
    let statuses = proptest::collection::vec(select(STATUS_CATEGORIES), 0..6);
    (declared, statuses).prop_flat_map(|((names, roles), cats)| {
        let parties_decl: Vec<PartyDecl> = names
            .iter()
            .zip(&roles)
            .map(|(n, r)| PartyDecl {
                name: n.to_string(),
                role: r,
                span: Span::default(),
            })
            .collect();
        let mut parties: Vec<String> = BUILTIN_PARTIES.iter().map(|s| s.to_string()).collect();
        parties.extend(names.iter().map(|s| s.to_string()));
        let mut cats = cats;
        if let Some(first) = cats.first_mut() {
            *first = "employed";
        }
        let statuses: Vec<StatusDecl> = cats
            .iter()
            .enumerate()
            .map(|(i, c)| StatusDecl {
                name: format!("{c}_{i}"),
                category: c,
                span: Span::default(),
            })
            .collect();
        let status_names: Vec<String> = statuses.iter().map(|s| s.name.clone()).collect();
        let transitions = if status_names.is_empty() {
            Just(Vec::new()).boxed()
        } else {
            proptest::collection::vec(transition(status_names, parties.clone()), 0..8).boxed()
        };
        let facts = subsequence(TERMS.iter().collect::<Vec<_>>(), 0..=TERMS.len()).prop_flat_map({
            let parties = parties.clone();
            move |terms| {
                terms
                    .into_iter()
                    .map(|term| value(term, parties.clone()).prop_map(move |v| (term, v)))
                    .collect::<Vec<_>>()
            }
        });
        let flows = proptest::collection::vec(flow(parties.clone()), 0..6);
        (facts, transitions, flows).prop_map(move |(facts, transitions, flows)| {
            let mut t = Terms {
                name: "Generated".into(),
                ..Terms::default()
            };
            for (term, v) in facts {
                t.facts.insert(
                    term,
                    Fact {
                        value: v,
                        span: Span::default(),
                        source: None,
                        exception: None,
                        discretion: false,
                    },
                );
            }
            t.parties = parties_decl.clone();
            if let Some(first) = statuses.first() {
                t.statuses_block = Some(Span::default());
                t.entry = Some((first.name.clone(), Span::default()));
            }
            t.statuses = statuses.clone();
            t.transitions = transitions;
            t.flows = flows;
            Program(t)
        })
    })
}
