//! The rules engine on small hand-written packs: every predicate and every verdict.

mod common;

use assert_cmd::Command;
use common::*;
use fairpath::report::Words;
use fairpath::rules::ast::Party;
use fairpath::rules::ratify::{Reason, Setting, Standing};
use fairpath::rules::Gap;
use fairpath::rules::{Engine, Verdict};
use fairpath::syntax::Source;
use fairpath::vocab::Date;

const PACK: &str = r#"standard test-pack "Test pack" {
  instrument C143
  strength   binding
  duty       destination
  theme      governance
  rule t.compare   { cites "1" summary "s" remedy "r" require permit.grace_period >= 30 days }
  rule t.ordered   { cites "2" summary "s" remedy "r" require wages.pay_interval >= monthly }
  rule t.stated    { cites "3" summary "s" remedy "r" require stated contract.written }
  rule t.unstated  { cites "4" summary "s" remedy "r" require unstated penalties.detention }
  rule t.list      { cites "5" summary "s" remedy "r" forbid permit.employer_change.consent has employer }
  rule t.in        { cites "6" summary "s" remedy "r" require permit.tied_to in [sector, none] }
  rule t.path      { cites "7" summary "s" remedy "r" forbid path employed -> [irregular, removed] on job_loss avoiding job_seeking }
  rule t.trans     { cites "8" summary "s" remedy "r" require transition from employed on employer_change without_consent employer by 2 years }
  rule t.flow      { cites "9" summary "s" remedy "r" forbid flow from worker for [visa, recruitment_fee] deducted }
  rule t.custody   { cites "10" summary "s" remedy "r" require documents.passport == worker }
  rule t.logic     { cites "11" summary "s" remedy "r" require not (family.accompaniment == no and family.reunification == no) }
  rule t.scope     { cites "12" summary "s" remedy "r" scope domestic_workers require working_time.weekly_rest >= 24 hours }
  rule t.applies   { cites "13" summary "s" remedy "r" applies kind == permanent require health.illness_removal == no }
}"#;

fn engine() -> Engine {
    let mut e = Engine::bare();
    e.add(Source::new("test.rules", PACK))
        .expect("test pack compiles");
    e
}

fn verdicts(program_text: &str) -> Vec<(String, Verdict)> {
    let (m, _) = model(program_text);
    engine()
        .evaluate(&m)
        .into_iter()
        .map(|f| (f.rule.id.clone(), f.verdict))
        .collect()
}

fn verdict(v: &[(String, Verdict)], id: &str) -> Verdict {
    v.iter()
        .find(|(r, _)| r == id)
        .map(|(_, v)| *v)
        .expect("rule evaluated")
}

const GOOD: &str = r#"program "Good" {
  kind seasonal
  complete [flows, transitions, sectors, consent]
  sectors [agriculture]
  origin [PHL]
  destination [ITA]
  permit { grace_period 2 months  tied_to sector  employer_change { consent [worker] } }
  wages { pay_interval weekly }
  contract { written yes }
  statuses {
    entry employed
    employed employed
    job_seeking job_seeking
    removed removed
    employed -> job_seeking on job_loss
    job_seeking -> removed on deadline
    employed -> employed on employer_change after 1 years consent [worker]
  }
  recruitment { employer pays visa }
  documents { passport worker }
  family { accompaniment yes  reunification no }
}"#;

const BAD: &str = r#"program "Bad" {
  kind permanent
  complete [flows, transitions, sectors, consent]
  sectors [domestic_work]
  permit { grace_period 14 days  tied_to employer  employer_change { consent [worker, employer] } }
  wages { pay_interval quarterly }
  statuses {
    entry employed
    employed employed
    removed removed
    employed -> removed on job_loss
    employed -> employed on employer_change consent [employer]
  }
  recruitment { worker pays visa deducted }
  documents { passport employer }
  penalties { detention yes }
  family { accompaniment no  reunification no }
  working_time { weekly_rest 12 hours }
  health { illness_removal yes }
}"#;

#[test]
fn every_predicate_satisfied() {
    let v = verdicts(GOOD);
    for id in [
        "t.compare",
        "t.ordered",
        "t.stated",
        "t.unstated",
        "t.list",
        "t.in",
        "t.path",
        "t.trans",
        "t.flow",
        "t.custody",
        "t.logic",
    ] {
        assert_eq!(verdict(&v, id), Verdict::Satisfied, "{id}");
    }
    assert_eq!(verdict(&v, "t.scope"), Verdict::NotApplicable);
    assert_eq!(verdict(&v, "t.applies"), Verdict::NotApplicable);
}

#[test]
fn every_predicate_violated() {
    let v = verdicts(BAD);
    for (id, want) in v {
        if id == "t.stated" {
            assert_eq!(want, Verdict::Violated, "an unstated term fails `stated`");
        } else {
            assert_eq!(want, Verdict::Violated, "{id}");
        }
    }
}

#[test]
fn silence_is_unstated_not_violated() {
    let v = verdicts("program \"Silent\" { sectors [domestic_work] kind permanent }");
    for id in [
        "t.compare",
        "t.ordered",
        "t.list",
        "t.in",
        "t.path",
        "t.trans",
        "t.flow",
        "t.custody",
        "t.logic",
        "t.scope",
        "t.applies",
    ] {
        assert_eq!(verdict(&v, id), Verdict::Unstated, "{id}");
    }
    assert_eq!(verdict(&v, "t.unstated"), Verdict::Satisfied);
}

#[test]
fn graph_findings_carry_the_witness_journey() {
    let (m, _) = model(BAD);
    let f = engine()
        .evaluate(&m)
        .into_iter()
        .find(|f| f.rule.id == "t.path")
        .unwrap();
    assert_eq!(f.witness.len(), 1);
    let step = Words::english().says(&f.witness[0].says);
    assert!(step.starts_with("employed → removed on job_loss"), "{step}");
    let silent = engine().evaluate(&model(GOOD.replace("contract { written yes }", "").as_str()).0);
    let stated = silent.iter().find(|f| f.rule.id == "t.stated").unwrap();
    assert_eq!(stated.silent, [Gap::Term("contract.written")]);
}

#[test]
fn bindingness_follows_ratifications() {
    let (m, _) = model(GOOD);
    let f = engine()
        .evaluate(&m)
        .into_iter()
        .find(|f| f.rule.id == "t.compare")
        .unwrap();
    let by_party: Vec<(&str, bool, bool)> = f
        .binding
        .iter()
        .map(|b| (b.state.as_str(), b.duty, b.binds))
        .collect();
    assert_eq!(
        by_party,
        [("ITA", true, true), ("PHL", false, false)],
        "the destination owes this duty; the origin does not, though it ratified"
    );
    let (m, _) = model(&GOOD.replace("[ITA]", "[KOR]"));
    let f = engine()
        .evaluate(&m)
        .into_iter()
        .find(|f| f.rule.id == "t.compare")
        .unwrap();
    assert!(!f.binding[0].binds && f.binding[0].status == Standing::NotRatified);
    let (m, _) = model(&GOOD.replace("[ITA]", "[VNM]"));
    let f = engine()
        .evaluate(&m)
        .into_iter()
        .find(|f| f.rule.id == "t.compare")
        .unwrap();
    assert!(
        !f.binding[0].binds && f.binding[0].status == Standing::Unknown,
        "unknown never binds"
    );
}

#[test]
fn annex_exclusions_are_honoured() {
    let rule = Engine::embedded()
        .rule("c097.annex1.art4")
        .cloned()
        .unwrap();
    let r = fairpath::rules::ratify::Ratifications::embedded();
    let at = Setting {
        date: Date::parse("2024-01-01").unwrap(),
        territory: None,
    };
    let nzl = r.binding(&rule, Party::Destination, "NZL", at);
    assert_eq!(
        nzl.reason,
        Reason::PartExcluded,
        "New Zealand excluded Annex I"
    );
    assert!(!nzl.binds);
    assert!(r.binding(&rule, Party::Destination, "DEU", at).binds);
}

fn errors(text: &str) -> Vec<fairpath::syntax::Diagnostic> {
    let mut e = engine();
    e.add(Source::new("bad.rules", text))
        .err()
        .map(|e| e.diagnostics)
        .unwrap_or_default()
}

#[test]
fn rule_file_errors_have_spans_and_suggestions() {
    let text = "standard p \"P\" {\n  rule p.a { instrument X cites \"1\" strength binding duty destination theme governance summary \"s\" remedy \"r\" require permit.grace_perod >= 3 days }\n}";
    let d = errors(text);
    assert_eq!(d[0].code_name(), "fairpath::unknown-term");
    assert_eq!(
        &text[d[0].span().start..d[0].span().end],
        "permit.grace_perod"
    );
    assert_eq!(d[0].help(), Some("did you mean `permit.grace_period`?"));
    let unit = errors(&text.replace("grace_perod >= 3 days", "grace_period >= 3 kg"));
    assert_eq!(unit[0].code_name(), "fairpath::wrong-unit");
    let op = errors(&text.replace("permit.grace_perod >= 3 days", "sectors >= 3 days"));
    assert_eq!(op[0].code_name(), "fairpath::bad-operator");
    let missing = errors("standard p \"P\" { rule p.b { require kind == seasonal } }");
    assert!(
        missing
            .iter()
            .all(|d| d.code_name() == "fairpath::missing-field")
            && missing.len() == 7
    );
    let syntax = errors("standard p \"P\" { rule p.c { require kind == } }");
    assert_eq!(syntax[0].code_name(), "fairpath::syntax");
    let dup = errors(&PACK.replace("standard test-pack", "standard other-pack"));
    assert_eq!(dup[0].code_name(), "fairpath::duplicate");
    let mut e = engine();
    let before = e.rules().count();
    e.add(Source::new("again.rules", PACK))
        .expect("a pack with a loaded pack's id replaces it");
    assert_eq!(e.rules().count(), before);
    assert_eq!(e.packs[0].origin, "again.rules");
}

#[test]
fn a_user_pack_works_end_to_end_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("union.rules");
    std::fs::write(&pack, "standard union-floor \"Our bargaining floor\" {\n  rule union.grace {\n    instrument UNION\n    cites \"Floor 1\"\n    strength guidance\n    duty destination\n    theme mobility\n    summary \"At least 90 days to find a new job.\"\n    remedy \"Give 90 days.\"\n    require permit.grace_period >= 90 days\n  }\n}\n").unwrap();
    let prog = dir.path().join("p.fair");
    std::fs::write(
        &prog,
        "program \"P\" {\n  permit { grace_period 30 days }\n}\n",
    )
    .unwrap();
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args([
            "check",
            "--only",
            "union-floor",
            "--format",
            "json",
            "--standard",
        ])
        .arg(&pack)
        .arg(&prog)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["programs"][0]["findings"][0];
    assert_eq!(f["rule"], "union.grace");
    assert_eq!(f["verdict"], "violated");
    assert_eq!(f["span"]["line"], 2);
    let broken = dir.path().join("broken.rules");
    std::fs::write(
        &broken,
        "standard x \"X\" { rule x.a { require kind == seasonl } }",
    )
    .unwrap();
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args(["check", "--standard"])
        .arg(&broken)
        .arg(&prog)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("seasonl"));
}

#[test]
fn decidability_finds_rules_no_single_term_decides() {
    let mut e = engine();
    e.add(Source::new("pair.rules", "standard pair \"Pair\" {\n  instrument X\n  strength guidance\n  duty destination\n  theme governance\n  rule pair.both { cites \"1\" summary \"s\" remedy \"r\" require (contract.written == yes and contract.before_departure == yes) or (contract.written == no and contract.before_departure == no) }\n}"))
    .unwrap();
    let pair = e.rule("pair.both").unwrap();
    assert!(fairpath::rules::decide::deciders(&e, pair).is_empty());
    let grace = e.rule("t.compare").unwrap();
    let d = fairpath::rules::decide::deciders(&e, grace);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].term, "permit.grace_period");
    assert_eq!(d[0].verdicts, [Verdict::Violated, Verdict::Satisfied]);
}

#[test]
fn partial_lists_never_satisfy_what_they_leave_out() {
    let partial = GOOD.replace("  complete [flows, transitions, sectors, consent]\n", "");
    let v = verdicts(&partial);
    assert_eq!(
        verdict(&v, "t.flow"),
        Verdict::Unstated,
        "one cost listed says nothing of the others"
    );
    assert_eq!(
        verdict(&v, "t.path"),
        Verdict::Unstated,
        "a partial graph may hide the journey"
    );
    assert_eq!(verdict(&v, "t.list"), Verdict::Unstated);
    let complete = verdicts(GOOD);
    assert_eq!(verdict(&complete, "t.flow"), Verdict::Satisfied);
    assert_eq!(verdict(&complete, "t.path"), Verdict::Satisfied);
    assert_eq!(verdict(&complete, "t.list"), Verdict::Satisfied);
    let bad = BAD.replace("  complete [flows, transitions, sectors, consent]\n", "");
    let v = verdicts(&bad);
    assert_eq!(
        verdict(&v, "t.flow"),
        Verdict::Violated,
        "what a partial list states still decides"
    );
    assert_eq!(verdict(&v, "t.path"), Verdict::Violated);
    assert_eq!(verdict(&v, "t.list"), Verdict::Violated);
}

#[test]
fn a_missing_journey_is_named_not_the_whole_block() {
    let mut e = Engine::bare();
    e.add(Source::new(
        "gap.rules",
        "standard gap \"Gap\" {\n  instrument X\n  strength guidance\n  duty destination\n  theme mobility\n  rule gap.step { cites \"1\" summary \"s\" remedy \"r\" require transition from employed to job_seeking on job_loss }\n  rule gap.way { cites \"2\" summary \"s\" remedy \"r\" require path job_seeking -> employed }\n}",
    ))
    .unwrap();
    let text = program(
        "complete [transitions]\n  statuses {\n    entry employed\n    employed employed\n    job_seeking job_seeking\n    returned returned\n    employed -> returned on contract_end\n    job_seeking -> returned on deadline\n  }",
    );
    let (m, _) = model(&text);
    let findings = e.evaluate(&m);
    for (rule, says) in [
        (
            "gap.step",
            "no transition from employed to job_seeking on job_loss",
        ),
        ("gap.way", "no way from job_seeking to employed"),
    ] {
        let f = findings.iter().find(|f| f.rule.id == rule).unwrap();
        assert_eq!(f.verdict, Verdict::Violated, "{rule}");
        assert_eq!(f.clauses.len(), 1, "{:?}", f.clauses);
        let gap = &f.clauses[0];
        assert_eq!(Words::english().says(&gap.says), says);
        assert_eq!(
            gap.span.start, gap.span.end,
            "points at the block, quotes none of it"
        );
        assert!(text[gap.span.start..].starts_with("statuses"));
    }
}
