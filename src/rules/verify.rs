//! Consistency of rule packs: a search over programs generated from the vocabulary for rules that
//! can never be satisfied, never be violated, or that conflict with another rule of their pack.

use std::collections::HashMap;

use super::ast::Rule;
use super::{Engine, Verdict};
use crate::model::Model;
use crate::syntax::parse::parse_program;
use crate::syntax::print::to_fair;
use crate::syntax::validate::{validate, Fact, FlowDecl, StatusDecl, Terms, TransitionDecl};
use crate::vocab::{template, Better, Kind, Typed, COSTS, TERMS, TRIGGERS};

/// The protective program: every term at its example value (the `init` template). The template
/// is generated from the vocabulary and the test suite parses it; were it not to parse, the
/// program would be empty rather than a panic.
pub fn protective() -> Terms {
    let text = template::template();
    parse_program(&text)
        .map(|program| validate(&program).0)
        .unwrap_or_default()
}

/// The least protective values of a term, following its direction; every value for terms with
/// no direction.
pub fn worst(kind: Kind, better: Better) -> Vec<Typed> {
    let words = |v: &[&str]| {
        v.iter()
            .map(|w| Typed::Word(w.to_string()))
            .collect::<Vec<_>>()
    };
    match (kind, better) {
        (Kind::Bool, Better::Yes) => vec![Typed::Bool(false)],
        (Kind::Bool, Better::No) => vec![Typed::Bool(true)],
        (Kind::Bool, _) => vec![Typed::Bool(true), Typed::Bool(false)],
        (Kind::Enum(v), Better::Ordered) => words(v.get(..1).unwrap_or_default()),
        (Kind::Enum(v), _) => words(v),
        (Kind::Percent, Better::Lower) => vec![Typed::Number(100.0)],
        (Kind::Money, Better::Higher) => vec![Typed::Money {
            amount: 0.0,
            currency: "months_of_wages".into(),
        }],
        (_, Better::Higher) => vec![Typed::Number(0.0)],
        (Kind::Hours, Better::Lower) => vec![Typed::Number(168.0)],
        (_, Better::Lower) => vec![Typed::Number(36_525.0)],
        (Kind::Party, Better::Worker) => words(&["employer"]),
        (Kind::Party, Better::NotWorker) => words(&["worker"]),
        (Kind::EnumList(_), Better::More) => vec![Typed::Words(Vec::new())],
        (Kind::EnumList(v), Better::Fewer) => {
            vec![Typed::Words(v.iter().map(|w| w.to_string()).collect())]
        }
        (Kind::PartyList, Better::Fewer) => vec![Typed::Words(vec!["employer".into()])],
        (Kind::EnumList(v), _) => v
            .iter()
            .map(|w| Typed::Words(vec![w.to_string()]))
            .collect(),
        _ => Vec::new(),
    }
}

/// Sets the term at `path` (a path that names no term sets nothing), keeping the span of the
/// clause it replaces.
pub fn set(t: &mut Terms, path: &str, value: Typed) {
    let Some(term) = crate::vocab::term(path) else {
        return;
    };
    let span = t.facts.of(term).map_or(t.header, |f| f.span);
    t.facts.insert(
        term,
        Fact {
            value,
            span,
            source: None,
            exception: None,
            discretion: false,
        },
    );
}

/// Replaces the journeys with ones in which every event ends the stay and a change of employer
/// needs the employer's consent after ten years.
pub fn harsh_statuses(t: &mut Terms) {
    let span = t.header;
    let decl = |name: &str, category: &'static str| StatusDecl {
        name: name.into(),
        category,
        span,
    };
    t.statuses = vec![
        decl("employed", "employed"),
        decl("irregular", "irregular"),
        decl("removed", "removed"),
    ];
    t.statuses_block = Some(span);
    t.entry = Some(("employed".into(), span));
    let tr = |to: &str, trigger: &'static str, consent: Vec<String>| TransitionDecl {
        from: "employed".into(),
        to: to.into(),
        trigger,
        within: None,
        after: Some(3652.5),
        decided_by: Some("employer".into()),
        consent,
        condition: None,
        span,
        source: None,
    };
    let mut ts: Vec<TransitionDecl> = TRIGGERS
        .iter()
        .filter(|t| **t != "employer_change")
        .map(|trig| tr("removed", trig, Vec::new()))
        .collect();
    ts.push(tr("employed", "employer_change", vec!["employer".into()]));
    ts.push(tr("irregular", "overstay", Vec::new()));
    t.transitions = ts;
}

/// Makes the worker pay every cost, deducted from wages.
pub fn worker_pays_everything(t: &mut Terms) {
    let span = t.header;
    t.flows = COSTS
        .iter()
        .map(|c| FlowDecl {
            payer: "worker".into(),
            cost: c,
            amount: None,
            payee: Some("agency".into()),
            deducted: true,
            negated: false,
            span,
            source: None,
        })
        .collect();
}

fn everything_worst(base: &Terms, numbers: bool) -> Terms {
    let mut t = base.clone();
    for term in TERMS.iter().filter(|t| t.better != Better::Neutral) {
        if let Some(v) = worst(term.kind, term.better).into_iter().next() {
            if numbers || !matches!(v, Typed::Number(_)) {
                set(&mut t, term.path, v);
            }
        }
    }
    harsh_statuses(&mut t);
    worker_pays_everything(&mut t);
    t
}

/// The programs the search looks at: the protective program and one change of each term with no
/// direction (which moves programs in and out of scopes), each as it is, at its worst, and with
/// harsh journeys or worker-paid costs; and from the main scope bases, every single term at each
/// of its worst values.
pub fn programs() -> Vec<Terms> {
    let base = protective();
    let mut scopes = vec![base.clone()];
    for term in TERMS.iter().filter(|t| t.better == Better::Neutral) {
        for v in worst(term.kind, term.better) {
            if base.facts.get(term.path).map(|f| &f.value) != Some(&v) {
                let mut s = base.clone();
                set(&mut s, term.path, v);
                scopes.push(s);
            }
        }
    }
    let mut out = Vec::new();
    for s in &scopes {
        out.push(s.clone());
        out.push(everything_worst(s, true));
        out.push(everything_worst(s, false));
        let mut graph = s.clone();
        harsh_statuses(&mut graph);
        out.push(graph);
        let mut money = s.clone();
        worker_pays_everything(&mut money);
        out.push(money);
    }
    let main = [
        ("recruitment.channel", "government_to_government"),
        ("recruitment.channel", "private_agency"),
        ("admission", "permanent"),
    ];
    let mut mains = vec![base.clone()];
    for (path, word) in main {
        let mut m = base.clone();
        set(&mut m, path, Typed::Word(word.into()));
        mains.push(m);
    }
    for m in &mains {
        for term in TERMS {
            for v in worst(term.kind, term.better) {
                let mut one = m.clone();
                set(&mut one, term.path, v);
                out.push(one);
            }
        }
    }
    out
}

/// What is wrong with a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// No generated program satisfies the rule; the witness violates it.
    NeverSatisfied,
    /// No generated program violates the rule; the witness satisfies it.
    NeverViolated,
    /// No generated program satisfies both rules; the witness satisfies the first and not the
    /// second.
    Conflict,
}

impl Flaw {
    /// The flaw's stable code (`never-satisfied`), in JSON and the catalogues' keys.
    pub fn code(self) -> &'static str {
        match self {
            Flaw::NeverSatisfied => "never-satisfied",
            Flaw::NeverViolated => "never-violated",
            Flaw::Conflict => "conflict",
        }
    }
}

/// A rule the search found a problem with, and a program that shows it. Put into words by
/// `report::verify`.
#[derive(Debug, Clone)]
pub struct Problem {
    /// What is wrong.
    pub kind: Flaw,
    /// The rule (and, for a conflict, the other rule).
    pub rules: Vec<String>,
    /// The witness program, as `.fair` text.
    pub witness: String,
}

/// Checks every rule of `engine`: it can be satisfied, it can be violated, and for every other
/// rule of its pack that can apply together with it, some program satisfies both.
pub fn verify(engine: &Engine) -> Vec<Problem> {
    let programs = programs();
    let models: Vec<Model> = programs
        .iter()
        .map(|t| Model::from_terms(t.clone()).0)
        .collect();
    let rules: Vec<_> = engine.rules().collect();
    let verdicts: Vec<Vec<Verdict>> = rules
        .iter()
        .map(|r| models.iter().map(|m| super::verdict(r, m).0).collect())
        .collect();
    let witness = |i: usize| programs.get(i).map(to_fair).unwrap_or_default();
    let mut out = Vec::new();
    for (r, row) in rules.iter().zip(&verdicts) {
        if !row.contains(&Verdict::Satisfied) {
            let at = row
                .iter()
                .position(|v| *v == Verdict::Violated)
                .unwrap_or(0);
            out.push(Problem {
                kind: Flaw::NeverSatisfied,
                rules: vec![r.id.clone()],
                witness: witness(at),
            });
        }
        if !row.contains(&Verdict::Violated) {
            let at = row
                .iter()
                .position(|v| *v == Verdict::Satisfied)
                .unwrap_or(0);
            out.push(Problem {
                kind: Flaw::NeverViolated,
                rules: vec![r.id.clone()],
                witness: witness(at),
            });
        }
    }
    // Rules with the same verdicts on every program are one class: a class satisfied somewhere
    // never conflicts with itself, and two classes conflict or not for all their rules. Each
    // class keeps, as bit sets over the programs, where it applies and where it is satisfied.
    let mut classes: Vec<Class> = Vec::new();
    let mut seen: HashMap<(&str, &[Verdict]), usize> = HashMap::new();
    for (r, row) in rules.iter().zip(&verdicts) {
        if !row.contains(&Verdict::Satisfied) {
            continue;
        }
        let at = *seen
            .entry((r.pack.as_str(), row.as_slice()))
            .or_insert_with(|| {
                classes.push(Class {
                    pack: &r.pack,
                    row,
                    rules: Vec::new(),
                    applies: Bits::of(row, |v| matches!(v, Verdict::Satisfied | Verdict::Violated)),
                    satisfied: Bits::of(row, |v| v == Verdict::Satisfied),
                });
                classes.len() - 1
            });
        if let Some(class) = classes.get_mut(at) {
            class.rules.push(r);
        }
    }
    for (i, a) in classes.iter().enumerate() {
        for b in classes.iter().skip(i + 1) {
            if a.pack != b.pack || !a.applies.meets(&b.applies) || a.satisfied.meets(&b.satisfied) {
                continue;
            }
            let at = a
                .row
                .iter()
                .zip(b.row.iter())
                .position(|(x, y)| {
                    *x == Verdict::Satisfied && matches!(y, Verdict::Satisfied | Verdict::Violated)
                })
                .unwrap_or(0);
            for ra in &a.rules {
                for rb in &b.rules {
                    out.push(Problem {
                        kind: Flaw::Conflict,
                        rules: vec![ra.id.clone(), rb.id.clone()],
                        witness: witness(at),
                    });
                }
            }
        }
    }
    out
}

/// Rules of one pack with the same verdict on every generated program.
struct Class<'a> {
    pack: &'a str,
    row: &'a [Verdict],
    rules: Vec<&'a Rule>,
    /// Where the rules apply (satisfied or violated).
    applies: Bits,
    /// Where they are satisfied.
    satisfied: Bits,
}

/// A set of programs, by index, as bits.
#[derive(Debug)]
struct Bits(Vec<u64>);

impl Bits {
    /// The programs whose verdict passes `keep`.
    fn of(row: &[Verdict], keep: impl Fn(Verdict) -> bool) -> Self {
        let mut words = vec![0_u64; row.len().div_ceil(64)];
        for (i, v) in row.iter().enumerate() {
            if let (true, Some(w)) = (keep(*v), words.get_mut(i / 64)) {
                *w |= 1 << (i % 64);
            }
        }
        Bits(words)
    }

    /// Whether the two sets share a program.
    fn meets(&self, other: &Bits) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }
}
