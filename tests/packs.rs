//! The shipped packs: sizes, the reference program, and for every rule a program that violates it.

mod common;

use common::*;
use fairpath::model::Model;
use fairpath::rules::{Engine, Verdict};
use fairpath::syntax::validate::{Fact, FlowDecl, StatusDecl, Terms, TransitionDecl};
use fairpath::vocab::{Better, Kind, Typed, COSTS, TERMS, TRIGGERS};

#[test]
fn packs_have_the_rules_the_brief_asks_for() {
    let e = Engine::embedded();
    let count = |pack: &str| e.rules().filter(|r| r.pack == pack).count();
    assert!(count("ilo-c097") >= 20, "{}", count("ilo-c097"));
    assert!(count("ilo-c143") >= 10);
    assert!(count("ilo-c189") >= 18);
    assert!(count("ilo-fundamental") >= 12);
    assert!(count("un-icrmw") >= 10);
    assert!(count("civil-society-floor") >= 12);
    for r in e.rules() {
        assert!(
            !r.cites.is_empty() && !r.remedy.is_empty() && !r.summary.is_empty(),
            "{}",
            r.id
        );
        assert!(
            ["V1", "V2", "V3", "UNVERIFIED"].contains(&r.verified.as_str()),
            "{}",
            r.id
        );
    }
    assert!(e
        .rules()
        .filter(|r| r.pack == "civil-society-floor")
        .all(|r| r.strength != fairpath::rules::ast::Strength::Binding));
}

fn reference() -> Terms {
    parsed(&std::fs::read_to_string("policies/examples/reference.fair").unwrap()).terms
}

#[test]
fn the_reference_program_has_no_violated_or_unstated_finding() {
    let (m, diags) = Model::from_terms(reference());
    assert!(diags.is_empty(), "{diags:?}");
    let bad: Vec<String> = Engine::embedded()
        .evaluate(&m)
        .into_iter()
        .filter(|f| matches!(f.verdict, Verdict::Violated | Verdict::Unstated))
        .map(|f| format!("{} {:?}", f.rule, f.verdict))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

/// The least protective values of a term, from the vocabulary's direction.
fn worst(kind: Kind, better: Better) -> Vec<Typed> {
    let words = |v: &[&str]| {
        v.iter()
            .map(|w| Typed::Word(w.to_string()))
            .collect::<Vec<_>>()
    };
    match (kind, better) {
        (Kind::Bool, Better::Yes) => vec![Typed::Bool(false)],
        (Kind::Bool, Better::No) => vec![Typed::Bool(true)],
        (Kind::Bool, _) => vec![Typed::Bool(true), Typed::Bool(false)],
        (Kind::Enum(v), Better::Ordered) => words(&v[..1]),
        (Kind::Enum(v), _) => words(v),
        (Kind::Percent, Better::Lower) => vec![Typed::Number(100.0)],
        (_, Better::Higher) => vec![Typed::Number(0.0)],
        (_, Better::Lower) => vec![Typed::Number(100_000.0)],
        (Kind::Party, Better::Worker) => words(&["employer"]),
        (Kind::Party, Better::NotWorker) => words(&["worker"]),
        (Kind::EnumList(_), Better::More) => vec![Typed::Words(Vec::new())],
        (Kind::PartyList, Better::Fewer) => vec![Typed::Words(vec!["employer".into()])],
        (Kind::EnumList(v), _) => v
            .iter()
            .map(|w| Typed::Words(vec![w.to_string()]))
            .collect(),
        _ => Vec::new(),
    }
}

fn set(t: &mut Terms, path: &'static str, value: Typed) {
    let span = t.facts.get(path).map_or(t.header, |f| f.span);
    t.facts.insert(
        path,
        Fact {
            value,
            span,
            source: None,
        },
    );
}

/// Journeys in which every event ends the stay and changing employer needs the employer.
fn harsh_statuses(t: &mut Terms) {
    let decl = |name: &str, category: &'static str| StatusDecl {
        name: name.into(),
        category,
        span: t.header,
    };
    t.statuses = vec![
        decl("employed", "employed"),
        decl("irregular", "irregular"),
        decl("removed", "removed"),
        decl("returned", "returned"),
    ];
    t.entry = Some(("employed".into(), t.header));
    let tr = |from: &str, to: &str, trigger: &'static str, consent: Vec<String>| TransitionDecl {
        from: from.into(),
        to: to.into(),
        trigger,
        within: None,
        after: Some(3650.0),
        decided_by: Some("employer".into()),
        consent,
        condition: None,
        span: t.header,
        source: None,
    };
    let mut ts: Vec<TransitionDecl> = TRIGGERS
        .iter()
        .map(|trig| tr("employed", "removed", trig, Vec::new()))
        .collect();
    ts.push(tr("employed", "irregular", "job_loss", Vec::new()));
    ts.push(tr(
        "employed",
        "employed",
        "employer_change",
        vec!["employer".into()],
    ));
    t.transitions = ts;
}

fn all_paid_by_worker(t: &mut Terms) {
    t.flows = COSTS
        .iter()
        .map(|c| FlowDecl {
            payer: "worker".into(),
            cost: c,
            amount: None,
            payee: Some("agency".into()),
            deducted: true,
            span: t.header,
            source: None,
        })
        .collect();
}

/// Programs that each make one thing worse, from several starting points.
fn variants() -> Vec<Terms> {
    let mut bases = vec![reference()];
    for (path, value) in [
        ("recruitment.channel", "government_to_government"),
        ("recruitment.channel", "private_agency"),
        ("admission", "permanent"),
    ] {
        let mut b = reference();
        set(&mut b, path, Typed::Word(value.into()));
        bases.push(b);
    }
    let mut out = Vec::new();
    for base in &bases {
        let mut everything = base.clone();
        let mut all_but_numbers = base.clone();
        for term in TERMS {
            if let Some(v) = worst(term.kind, term.better).into_iter().next() {
                if term.better != Better::Neutral {
                    if !matches!(v, Typed::Number(_)) {
                        set(&mut all_but_numbers, term.path, v.clone());
                    }
                    set(&mut everything, term.path, v);
                }
            }
            for v in worst(term.kind, term.better) {
                let mut one = base.clone();
                set(&mut one, term.path, v);
                out.push(one);
            }
        }
        harsh_statuses(&mut everything);
        all_paid_by_worker(&mut everything);
        out.push(everything);
        out.push(all_but_numbers);
        let mut graph = base.clone();
        harsh_statuses(&mut graph);
        out.push(graph);
        let mut flows = base.clone();
        all_paid_by_worker(&mut flows);
        out.push(flows);
    }
    out
}

#[test]
fn every_rule_has_a_compliant_and_a_violating_program() {
    let engine = Engine::embedded();
    let models: Vec<Model> = variants()
        .into_iter()
        .map(|t| Model::from_terms(t).0)
        .collect();
    let (reference, _) = Model::from_terms(reference());
    let mut never = Vec::new();
    for rule in engine.rules() {
        let compliant = engine.evaluate_rule(rule, &reference).verdict;
        assert!(
            matches!(compliant, Verdict::Satisfied | Verdict::NotApplicable),
            "{} on the reference: {compliant:?}",
            rule.id
        );
        if !models
            .iter()
            .any(|m| engine.evaluate_rule(rule, m).verdict == Verdict::Violated)
        {
            never.push(rule.id.clone());
        }
    }
    assert!(
        never.is_empty(),
        "rules no generated program violates: {never:?}"
    );
}
