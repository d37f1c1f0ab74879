//! Saying what a real program says: law beside practice, partial lists and what is declared
//! complete, negative facts, single documented transitions, streams, ranges and alternatives,
//! and the bad input each of them can bring.

mod common;

use common::*;
use fairpath::rules::{Engine, Finding, Verdict};
use fairpath::syntax::Source;

/// The diagnostics `text` is rejected with, model checks included.
fn rejected(text: &str) -> Vec<fairpath::syntax::Diagnostic> {
    fairpath::compile("p.fair", text.as_bytes())
        .err()
        .map(|r| r.diagnostics().to_vec())
        .unwrap_or_default()
}

fn findings(text: &str) -> Vec<Finding> {
    Engine::embedded().evaluate(&model(text).0)
}

fn law(all: &[Finding], rule: &str) -> Verdict {
    all.iter()
        .find(|f| f.rule.id == rule)
        .unwrap_or_else(|| panic!("no finding {rule}"))
        .verdict
}

const ONE_COST: &str = "recruitment {\n  channel private_agency\n  worker pays medical\n}";

#[test]
fn one_listed_cost_says_nothing_of_the_others_until_the_list_is_complete() {
    let partial = findings(&program(ONE_COST));
    assert_eq!(law(&partial, "c181.art7"), Verdict::Unstated);
    assert_eq!(law(&partial, "floor.gcm6.c"), Verdict::Unstated);
    let complete = findings(&program(&format!("complete [flows]\n{ONE_COST}")));
    assert_eq!(law(&complete, "c181.art7"), Verdict::Satisfied);
    assert_eq!(law(&complete, "floor.gcm6.c"), Verdict::Satisfied);
}

#[test]
fn a_cost_said_not_to_be_paid_decides_without_a_complete_list() {
    let denied = findings(&program(
        "recruitment {\n  channel private_agency\n  worker pays no recruitment_fee\n  worker pays no placement_fee\n  worker pays no service_fee\n  worker pays no registration_fee\n  worker pays no administrative\n}",
    ));
    assert_eq!(
        law(&denied, "c181.art7"),
        Verdict::Unstated,
        "a cost to the agency is still open"
    );
    let gcm = findings(&program(
        "recruitment {\n  worker pays no recruitment_fee\n  worker pays no placement_fee\n  worker pays no service_fee\n  worker pays no registration_fee\n}",
    ));
    assert_ne!(law(&gcm, "floor.gcm6.c"), Verdict::Violated);
    let contradiction = rejected(&program(
        "recruitment {\n  worker pays no visa\n  worker pays visa\n}",
    ));
    assert_eq!(contradiction[0].code_name(), "fairpath::contradiction");
    assert_eq!(
        contradiction[0].labels().len(),
        2,
        "it points at both clauses"
    );
}

#[test]
fn one_documented_transition_decides_without_a_status_graph() {
    let f = findings(&program(
        "statuses {\n  employed -> irregular on absconding_report @ \"[K9] runaway reports\"\n}",
    ));
    assert_eq!(law(&f, "c143.art8.1.absconding"), Verdict::Violated);
    assert_eq!(
        law(&f, "c143.art8.1.period"),
        Verdict::Unstated,
        "a partial graph may hide the job search"
    );
}

const PASSPORTS: &str = r#"program "Passports" {
  as_of       2024-01-01
  origin      [PHL]
  destination [ITA]
  complete    [sectors]
  sectors     [domestic_work]
  documents {
    passport worker @ "Reg. s. 4: employers may not hold passports"
    permit   worker
  }
  practice {
    documents {
      passport employer @ "[JO1] HRW 2011: passports confiscated"
    }
  }
}
"#;

#[test]
fn law_and_practice_are_kept_apart_in_every_format() {
    let f = findings(PASSPORTS);
    let art9 = f.iter().find(|x| x.rule.id == "c189.art9.c").unwrap();
    assert_eq!(art9.verdict, Verdict::Satisfied, "in law");
    let practice = art9.practice.as_ref().expect("practice bears on it");
    assert_eq!(practice.verdict, Verdict::Violated);
    assert!(practice
        .clauses
        .iter()
        .any(|c| c.source.as_deref() == Some("[JO1] HRW 2011: passports confiscated")));
    assert!(
        f.iter()
            .find(|x| x.rule.id == "c189.art3.join")
            .unwrap()
            .practice
            .is_none(),
        "practice on passports says nothing of unions"
    );

    let (_, json) = run(PASSPORTS, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let art9 = v["programs"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "c189.art9.c")
        .cloned()
        .unwrap();
    assert_eq!(art9["verdict"], "satisfied");
    assert_eq!(art9["practice"]["verdict"], "violated");
    let (_, sarif) = run(PASSPORTS, &["check", "--format", "sarif"]);
    assert!(sarif.contains("\"verdictInPractice\": \"violated\""));
    let (_, md) = run(PASSPORTS, &["check", "--format", "markdown"]);
    assert!(
        md.contains("- In law: satisfied; in practice: violated"),
        "{md}"
    );
    assert!(md.contains("[JO1] HRW 2011: passports confiscated"));
    let (_, html) = run(PASSPORTS, &["check", "--format", "html"]);
    assert!(html.contains("<b>In law:</b> satisfied. <b>In practice:</b> violated"));
    for format in ["plain", "human"] {
        let (code, text) = run(PASSPORTS, &["check", "--format", format]);
        assert_eq!(code, 1, "a binding violation in practice fails the check");
        let text = text.replace(['│', '·'], " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(
                "travel and identity documents. (in law: satisfied; in practice: violated)"
            ),
            "{format}: {text}"
        );
    }
    let (_, table) = run(PASSPORTS, &["check", "--format", "table"]);
    assert!(table.contains("violated in practice |"), "{table}");
}

#[test]
fn each_stream_is_judged_on_its_own_terms() {
    let text = program(
        "origin [PHL]\ndestination [ITA]\ndocuments {\n  passport employer\n}\nstreams {\n  domestic {\n    sectors [domestic_work]\n  }\n  farm {\n    sectors [agriculture]\n  }\n}",
    );
    let f = findings(&text);
    let c189 = |stream: &str| -> Vec<Verdict> {
        f.iter()
            .filter(|x| x.rule.instrument == "C189" && x.stream.as_deref() == Some(stream))
            .map(|x| x.verdict)
            .collect()
    };
    assert!(c189("domestic").contains(&Verdict::Violated));
    assert!(!c189("farm").is_empty());
    assert!(c189("farm").iter().all(|v| *v == Verdict::NotApplicable));
    let (_, md) = run(&text, &["check", "--format", "markdown"]);
    assert!(md.contains("- Stream: `domestic`"), "{md}");
}

#[test]
fn ranges_and_alternatives_decide_only_where_every_value_agrees() {
    let mut engine = Engine::bare();
    engine
        .add(Source::new(
            "grace.rules",
            "standard grace \"Grace\" {\n  instrument X\n  strength guidance\n  duty destination\n  theme governance\n  rule grace.month { cites \"1\" summary \"s\" remedy \"r\" require permit.grace_period >= 30 days }\n}",
        ))
        .unwrap();
    let verdict = |value: &str| {
        engine.evaluate(&model(&program(&format!("permit {{\n  grace_period {value}\n}}"))).0)[0]
            .verdict
    };
    assert_eq!(verdict("2 weeks to 2 months"), Verdict::Unstated);
    assert_eq!(verdict("2 months to 3 months"), Verdict::Satisfied);
    assert_eq!(verdict("1 weeks to 2 weeks"), Verdict::Violated);
    assert_eq!(verdict("[1 weeks, 6 months]"), Verdict::Unstated);
    assert_eq!(verdict("[2 months, 6 months]"), Verdict::Satisfied);
    assert_eq!(verdict("[1 weeks, 2 weeks]"), Verdict::Violated);
}

#[test]
fn bad_statements_of_knowledge_are_spanned_errors_and_the_rest_is_still_checked() {
    let text = program(
        "permit {\n  duration 2 years to 6 months\n  tied_to employr\n}\npractice {\n  documents {\n    passport employer\n  }\n}\nstreams {\n  domestic {\n  }\n}",
    );
    let d = rejection(text.as_bytes());
    let codes: Vec<&str> = d.iter().map(|d| d.code_name()).collect();
    for code in [
        "fairpath::empty-range",
        "fairpath::unknown-value",
        "fairpath::practice-without-source",
        "fairpath::empty-stream",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let at = |code: &str| {
        let d = d.iter().find(|d| d.code_name() == code).unwrap();
        &text[d.span().start..d.span().end]
    };
    assert_eq!(at("fairpath::empty-range"), "2 years to 6 months");
    assert_eq!(at("fairpath::practice-without-source"), "passport employer");
    assert_eq!(at("fairpath::empty-stream"), "domestic");
    let (code, _) = run(&text, &["check"]);
    assert_eq!(code, 2);
    let complete = rejected(&program(
        "complete [sectors]\nsectors [agriculture]\nstreams {\n  care {\n    sectors [domestic_work]\n  }\n}",
    ));
    assert_eq!(complete[0].code_name(), "fairpath::contradiction");
}

#[test]
fn exceptions_discretion_and_permit_relative_times_leave_a_guarantee_open() {
    let verdict = |body: &str, rule: &str| law(&findings(&program(body)), rule);
    let sabah = "complete [sectors]\nsectors [domestic_work]\ndocuments {\n  passport worker";
    assert_eq!(
        verdict(&format!("{sabah}\n  permit worker\n}}"), "c189.art9.c"),
        Verdict::Satisfied
    );
    assert_eq!(
        verdict(
            &format!("{sabah} except \"unavoidable circumstances\"\n  permit worker\n}}"),
            "c189.art9.c"
        ),
        Verdict::Unstated,
        "held save on stated grounds is not guaranteed"
    );
    assert_eq!(
        verdict(
            "documents {\n  passport employer except \"on request\"\n}",
            "icrmw.art21"
        ),
        Verdict::Violated,
        "an exception does not cure a breach"
    );
    assert_eq!(
        verdict(
            "family {\n  reunification yes at_discretion\n}",
            "floor.seed.family"
        ),
        Verdict::Unstated
    );
    let mut engine = Engine::bare();
    engine
        .add(Source::new(
            "grace.rules",
            "standard grace \"Grace\" {\n  instrument X\n  strength guidance\n  duty destination\n  theme governance\n  rule grace.rest { cites \"1\" summary \"s\" remedy \"r\" require permit.grace_period == rest_of_permit }\n  rule grace.month { cites \"2\" summary \"s\" remedy \"r\" require permit.grace_period >= 30 days }\n}",
        ))
        .unwrap();
    let f = engine.evaluate(&model(&program("permit {\n  grace_period rest_of_permit\n}")).0);
    assert_eq!(f[0].verdict, Verdict::Satisfied);
    assert_eq!(
        f[1].verdict,
        Verdict::Unstated,
        "it depends on what is left"
    );
    let (code, _) = run(
        &program("permit {\n  grace_period contract_end\n}"),
        &["check"],
    );
    assert_ne!(code, 2, "`contract_end` is a duration");
}
