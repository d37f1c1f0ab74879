//! Invariants of the language, the model and the rules, as property tests over programs generated
//! from the vocabulary. Each property runs `FAIRPATH_PROPTEST_CASES` cases (256 by default) from a
//! fixed seed, so CI is repeatable; set the variable higher for a longer search, and
//! `FAIRPATH_PROPTEST_SEED` to explore another part of the space.
//!
//! Invariants 6 and 7 (every rule can be satisfied and violated; no two rules conflict; the
//! reference program satisfies everything) are checked by `tests/packs.rs` with `rules::verify`.

use std::cmp::Ordering;

use fairpath::generate::{program, Program};
use fairpath::model::Model;
use fairpath::report::batch::FORMATS;
use fairpath::report::{self, Checked};
use fairpath::rules::eval::{eval, Tri};
use fairpath::rules::{ast::Cond, Engine, Verdict};
use fairpath::syntax::ast::Span;
use fairpath::syntax::format::format_program;
use fairpath::syntax::lexical::{lexemes, Lexeme};
use fairpath::syntax::lines::Lines;
use fairpath::syntax::parse::parse;
use fairpath::syntax::parse_file;
use fairpath::syntax::print::to_fair;
use fairpath::syntax::validate::Terms;
use fairpath::vocab::{protect, Better, Kind, Typed, TERMS};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config() -> Config {
    let var = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    Config {
        cases: var("FAIRPATH_PROPTEST_CASES", 256) as u32,
        rng_seed: RngSeed::Fixed(var("FAIRPATH_PROPTEST_SEED", 1975)),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Terms with every span cleared, for comparing programs read from different texts.
fn canon(t: &Terms) -> Terms {
    let mut t = t.clone();
    t.header = Span::default();
    t.statuses_block = t.statuses_block.map(|_| Span::default());
    for f in t.facts.values_mut() {
        f.span = Span::default();
    }
    for s in &mut t.statuses {
        s.span = Span::default();
    }
    for p in &mut t.parties {
        p.span = Span::default();
    }
    if let Some(e) = &mut t.entry {
        e.1 = Span::default();
    }
    for x in &mut t.transitions {
        x.span = Span::default();
    }
    for f in &mut t.flows {
        f.span = Span::default();
    }
    t
}

fn reparse(text: &str) -> Terms {
    parse_file("p.fair", text.as_bytes())
        .unwrap_or_else(|r| panic!("{text}\n{:#?}", r.diagnostics()))
        .terms()
        .clone()
}

fn verdicts(engine: &Engine, t: &Terms) -> Vec<Verdict> {
    let (m, _) = Model::from_terms(t.clone());
    engine.evaluate(&m).into_iter().map(|f| f.verdict).collect()
}

proptest! {
    #![proptest_config(config())]

    /// 1. Printing a program and parsing it back gives the same program; `fmt` is idempotent and
    /// changes no meaning.
    #[test]
    fn parse_print_and_fmt_round_trip(Program(t) in program()) {
        let text = to_fair(&t);
        let back = reparse(&text);
        prop_assert_eq!(canon(&back), canon(&t));
        let once = format_program(parse_file("p.fair", text.as_bytes()).unwrap().program(), &text);
        prop_assert_eq!(canon(&reparse(&once)), canon(&t));
        let twice = format_program(parse_file("p.fair", once.as_bytes()).unwrap().program(), &once);
        prop_assert_eq!(twice, once);
    }

    /// 2. The same input gives byte-identical output in every format.
    #[test]
    fn output_is_deterministic(Program(t) in program()) {
        let engine = Engine::embedded();
        let text = to_fair(&t);
        let render = || {
            let parsed = parse_file("p.fair", text.as_bytes()).unwrap();
            let (m, w) = Model::compile(&parsed);
            let c = Checked::new(parsed.source().clone(), m, &engine, w);
            let all = [c];
            FORMATS.map(|f| report::batch::render(f, fairpath::vocab::Lang::En, &engine, &all, &[], 1))
        };
        prop_assert_eq!(render(), render());
    }

    /// 3. Reordering clauses and renaming statuses and parties consistently changes no verdict.
    #[test]
    fn order_and_names_do_not_matter(Program(t) in program(), seed in any::<u64>()) {
        let engine = Engine::embedded();
        let before = verdicts(&engine, &t);
        let mut moved = t.clone();
        let k = (seed as usize) % moved.transitions.len().max(1);
        if !moved.transitions.is_empty() {
            moved.transitions.rotate_left(k);
        }
        moved.flows.reverse();
        moved.statuses.reverse();
        moved.parties.reverse();
        let rename = |n: &str| format!("renamed_{n}");
        for s in &mut moved.statuses { s.name = rename(&s.name); }
        if let Some(e) = &mut moved.entry { e.0 = rename(&e.0); }
        for x in &mut moved.transitions { x.from = rename(&x.from); x.to = rename(&x.to); }
        let declared: Vec<String> = moved.parties.iter().map(|p| p.name.clone()).collect();
        let party = |n: &String| if declared.contains(n) { format!("the_{n}") } else { n.clone() };
        for p in &mut moved.parties { p.name = party(&p.name); }
        for f in &mut moved.flows { f.payer = party(&f.payer); f.payee = f.payee.as_ref().map(party); }
        for x in &mut moved.transitions { x.decided_by = x.decided_by.as_ref().map(party); x.consent = x.consent.iter().map(party).collect(); }
        for f in moved.facts.values_mut() {
            match &mut f.value {
                Typed::Word(w) => *w = party(w),
                Typed::Words(ws) => for w in ws.iter_mut() { *w = party(w) },
                _ => {}
            }
        }
        prop_assert_eq!(verdicts(&engine, &moved), before);
    }

    /// 4. Making any one term more protective never turns a satisfied verdict into violated, and
    /// adds a violation only where the change brings a rule into scope (a right that carries
    /// duties of its own, such as family accompaniment and medical care for the family).
    #[test]
    fn more_protective_never_scores_worse(Program(t) in program(), pick in any::<prop::sample::Index>(), step in 1u32..30) {
        let stated: Vec<&'static str> = t.facts.keys().collect();
        prop_assume!(!stated.is_empty());
        let path = stated[pick.index(stated.len())];
        let term = fairpath::vocab::term(path).unwrap();
        let old = t.facts.of(term).unwrap().value.clone();
        let new = better(term.kind, term.better, &old, f64::from(step));
        prop_assume!(new.as_ref().is_some_and(|n| protect::compare(term, &old, n) == Some(Ordering::Greater)));
        let mut improved = t.clone();
        improved.facts.get_mut(path).unwrap().value = new.unwrap();
        let engine = Engine::embedded();
        let (m_old, _) = Model::from_terms(t.clone());
        let (m_new, _) = Model::from_terms(improved);
        for rule in engine.rules() {
            let (a, b) = (engine.evaluate_rule(rule, &m_old).verdict, engine.evaluate_rule(rule, &m_new).verdict);
            prop_assert!(!(a == Verdict::Satisfied && b == Verdict::Violated), "{} went from satisfied to violated when `{path}` improved", rule.id);
            if b == Verdict::Violated && a != Verdict::Violated {
                let in_scope_before = eval(&Cond::And(rule.applies.clone()), &m_old).0 == Tri::True;
                prop_assert!(!in_scope_before, "{} gained a violation when `{path}` improved", rule.id);
            }
        }
    }

    /// 5. Rules scoped to domestic work never fire on a program without domestic or care work.
    #[test]
    fn domestic_rules_stay_out_of_other_sectors(Program(mut t) in program()) {
        let sectors = t.facts.get("sectors").map(|f| f.value.words().iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap_or_default();
        let kept: Vec<String> = sectors.into_iter().filter(|s| s != "domestic_work" && s != "care").collect();
        fairpath::rules::verify::set(&mut t, "sectors", Typed::Words(kept));
        fairpath::rules::verify::set(&mut t, "complete", Typed::Words(vec!["sectors".into()]));
        let engine = Engine::embedded();
        let (m, _) = Model::from_terms(t);
        for rule in engine.rules().filter(|r| r.scope.iter().any(|s| s == "domestic_workers")) {
            prop_assert_eq!(engine.evaluate_rule(rule, &m).verdict, Verdict::NotApplicable, "{}", rule.id);
        }
    }

    /// 6. Evaluating every rule at once, each scope condition evaluated once and shared, gives
    /// every rule the finding it gets evaluated alone.
    #[test]
    fn shared_scopes_give_each_rule_its_own_finding(Program(mut t) in program()) {
        t.streams.clear();
        t.practice = None;
        let engine = Engine::embedded();
        let (m, _) = Model::from_terms(t);
        let together = engine.evaluate(&m);
        prop_assert_eq!(together.len(), engine.rules().count());
        for (f, rule) in together.iter().zip(engine.rules()) {
            let alone = engine.evaluate_rule(rule, &m);
            prop_assert_eq!(
                (f.verdict, &f.clauses, &f.silent, &f.witness),
                (alone.verdict, &alone.clauses, &alone.silent, &alone.witness),
                "{}",
                rule.id
            );
        }
    }

    /// 9. Comments written at any boundary between tokens are all kept by `fmt`, which stays
    /// idempotent and changes no term.
    #[test]
    fn fmt_keeps_every_comment(Program(t) in program(), notes in proptest::collection::vec((any::<prop::sample::Index>(), "[a-z]{1,8}"), 1..8)) {
        let text = to_fair(&t);
        let bounds = boundaries(&text);
        let mut places: Vec<(usize, String)> = notes
            .iter()
            .enumerate()
            .map(|(k, (at, word))| (bounds[at.index(bounds.len())], format!("// note{k} {word}")))
            .collect();
        places.sort();
        let mut commented = text.clone();
        for (at, note) in places.iter().rev() {
            commented.insert_str(*at, &format!(" {note}\n"));
        }
        prop_assert_eq!(canon(&reparse(&commented)), canon(&t), "{}", commented);
        let once = format_program(parse_file("p.fair", commented.as_bytes()).unwrap().program(), &commented);
        prop_assert_eq!(canon(&reparse(&once)), canon(&t), "{}", once);
        for (_, note) in &places {
            prop_assert_eq!(once.matches(note.as_str()).count(), 1, "`{}` in\n{}\nfrom\n{}", note, once, commented);
        }
        prop_assert_eq!(once.matches("// note").count(), places.len());
        let twice = format_program(parse_file("p.fair", once.as_bytes()).unwrap().program(), &once);
        prop_assert_eq!(twice, once);
    }

    /// 8. No input makes parsing, checking or formatting panic: arbitrary bytes...
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_file("x.fair", &bytes);
    }

    /// ...and programs one edit away from valid.
    #[test]
    fn near_valid_programs_never_panic(Program(t) in program(), at in any::<prop::sample::Index>(), len in 0usize..40, insert in "[ a-z{}\\[\\]\"@>.%0-9-]{0,12}") {
        let text = to_fair(&t);
        let mut cut = at.index(text.len().max(1)).min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let mut end = (cut + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let edited = format!("{}{}{}", &text[..cut], insert, &text[end..]);
        if let (Some(p), _) = parse(&edited, &Lines::new(&edited)) {
            let _ = format_program(&p, &edited);
        }
        if let Ok(p) = parse_file("x.fair", edited.as_bytes()) {
            let _ = format_program(p.program(), &edited);
            let (m, _) = Model::compile(&p);
            let _ = Engine::embedded().evaluate(&m);
        }
    }
}

/// Offsets of whitespace that separates two tokens, outside strings: where a comment can be
/// written. A number and its unit are one token.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev = ' ';
    let mut token = String::new();
    for (i, c, lexeme) in lexemes(text) {
        if lexeme == Lexeme::Code && (c == ' ' || c == '\n') {
            let unit_follows = text[i..]
                .trim_start_matches(' ')
                .starts_with(|n: char| n.is_ascii_alphabetic() || n == '%');
            let quantity = token.parse::<f64>().is_ok() && c == ' ' && unit_follows;
            if !prev.is_whitespace() && !quantity {
                out.push(i);
            }
            token.clear();
        } else {
            token.push(c);
        }
        prev = c;
    }
    out
}

/// A strictly more protective value of a term, when the type allows one.
fn better(kind: Kind, dir: Better, old: &Typed, step: f64) -> Option<Typed> {
    match (dir, old) {
        (Better::Higher, Typed::Number(n)) if kind == Kind::Percent => {
            Some(Typed::Number((n + step).min(100.0)))
        }
        (Better::Higher, Typed::Number(n)) => Some(Typed::Number(n + step)),
        (Better::Higher, Typed::Money { amount, currency }) => Some(Typed::Money {
            amount: amount + step,
            currency: currency.clone(),
        }),
        (Better::Lower, Typed::Number(n)) => Some(Typed::Number((n - step).max(0.0))),
        (Better::Yes, Typed::Bool(false)) => Some(Typed::Bool(true)),
        (Better::No, Typed::Bool(true)) => Some(Typed::Bool(false)),
        (Better::Ordered, Typed::Word(w)) => {
            let v = kind.allowed();
            v.iter()
                .position(|x| x == w)
                .and_then(|i| v.get(i + 1))
                .map(|n| Typed::Word(n.to_string()))
        }
        (Better::More, Typed::Words(ws)) => kind
            .allowed()
            .iter()
            .find(|a| !ws.iter().any(|w| w == *a))
            .map(|a| Typed::Words([ws.clone(), vec![a.to_string()]].concat())),
        (Better::Fewer, Typed::Words(ws)) if !ws.is_empty() => Some(Typed::Words(ws[1..].to_vec())),
        (Better::Worker, Typed::Word(w)) if w != "worker" => Some(Typed::Word("worker".into())),
        (Better::NotWorker, Typed::Word(w)) if w == "worker" => {
            Some(Typed::Word("employer".into()))
        }
        _ => None,
    }
}

#[test]
fn every_directional_term_has_a_more_protective_step() {
    for term in TERMS
        .iter()
        .filter(|t| !matches!(t.better, Better::Neutral))
    {
        let worst = fairpath::rules::verify::worst(term.kind, term.better);
        assert!(
            worst
                .iter()
                .any(|w| better(term.kind, term.better, w, 1.0).is_some()),
            "{}",
            term.path
        );
    }
}
