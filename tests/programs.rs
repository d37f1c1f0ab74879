//! The corpus of real programs: each gives the findings that documented expert criticism
//! supports, bindingness follows the ratification data, and the README table is current.

use assert_cmd::Command;
use fairpath::report::Words;
use fairpath::rules::ratify::Standing;
use fairpath::rules::{Finding, Verdict};

fn findings(name: &str) -> Vec<Finding> {
    let path = format!("policies/programs/{name}.fair");
    fairpath::check(
        &path,
        &std::fs::read_to_string(&path).unwrap(),
        &fairpath::Options::default(),
    )
    .unwrap_or_else(|r| panic!("{:#?}", r.diagnostics()))
    .findings
}

fn find<'a>(all: &'a [Finding], rule: &str) -> &'a Finding {
    all.iter()
        .find(|f| f.rule.id == rule)
        .unwrap_or_else(|| panic!("no finding {rule}"))
}

/// A rule's verdict, or an article's verdict combined from its elements.
fn verdict(all: &[Finding], id: &str) -> Verdict {
    match all.iter().find(|f| f.rule.id == id) {
        Some(f) => f.verdict,
        None => {
            let elements: Vec<Verdict> = all
                .iter()
                .filter(|f| f.rule.element_of.as_deref() == Some(id))
                .map(|f| f.verdict)
                .collect();
            assert!(!elements.is_empty(), "no rule or article {id}");
            fairpath::rules::combine(elements)
        }
    }
}

/// A rule's verdict in practice, where documented practice bears on it (the first stream's
/// finding when the program has streams).
fn in_practice(all: &[Finding], rule: &str) -> Option<Verdict> {
    find(all, rule).practice.as_ref().map(|p| p.verdict)
}

/// Whether the finding says the destination state is bound.
fn binds_destination(all: &[Finding], rule: &str) -> bool {
    find(all, rule)
        .binding
        .iter()
        .find(|b| b.party == fairpath::rules::ast::Party::Destination)
        .expect("destination stated")
        .binds
}

#[test]
fn korea_employer_release_falls_short_of_c143_art14a_as_a_standard_of_reference() {
    let f = findings("korea-eps");
    assert_eq!(verdict(&f, "c143.art14.a"), Verdict::Violated);
    assert_eq!(verdict(&f, "c143.art8.1.absconding"), Verdict::Violated);
    assert_eq!(
        verdict(&f, "floor.seed.permanent_residence"),
        Verdict::Violated
    );
    for rule in [
        "c097.art6.1.a.i.time",
        "c143.art14.a",
        "c189.art9.a",
        "icrmw.art44",
    ] {
        assert!(
            !binds_destination(&f, rule),
            "Korea has ratified none of these: {rule}"
        );
    }
    let b = &find(&f, "c143.art14.a").binding[0];
    assert_eq!((b.state.as_str(), b.status), ("KOR", Standing::NotRatified));
    // Amnesty (2014) on farms, CFA Case 2620 on the union's leaders: violated in practice.
    assert_eq!(verdict(&f, "forced-labour.conditions"), Verdict::Unstated);
    assert_eq!(
        in_practice(&f, "forced-labour.conditions"),
        Some(Verdict::Violated)
    );
    assert_eq!(in_practice(&f, "c098.art1"), Some(Verdict::Violated));
}

#[test]
fn hong_kong_two_week_rule_live_in_and_minimum_wage() {
    let f = findings("hong-kong-fdh");
    let art8 = find(&f, "c143.art8.1.status");
    assert_eq!(art8.verdict, Verdict::Violated);
    assert!(
        art8.witness.iter().any(|w| Words::english()
            .says(&w.says)
            .contains("job_loss, within 2 weeks")
            && w.source.as_deref() == Some("[HK6] two-week rule")),
        "{:?}",
        art8.witness
    );
    assert_eq!(verdict(&f, "c189.art9.a"), Verdict::Violated);
    assert_eq!(verdict(&f, "c189.art11"), Verdict::Violated);
    assert!(
        binds_destination(&f, "c097.art2.service"),
        "Hong Kong is bound by C097"
    );
    assert!(!binds_destination(&f, "c143.art8.1.status") && !binds_destination(&f, "c189.art9.a"));
    // Amnesty (2013): illegal agency fees and sham loans, beyond the lawful 10% commission.
    assert_eq!(in_practice(&f, "floor.gpog7.fees"), Some(Verdict::Violated));
}

#[test]
fn canada_repatriation_on_dismissal_and_no_bargaining() {
    let f = findings("canada-sawp");
    assert_eq!(verdict(&f, "c143.art8.1"), Verdict::Violated);
    assert_eq!(verdict(&f, "c098.art4"), Verdict::Violated);
    assert_eq!(verdict(&f, "floor.gpog7.fees"), Verdict::Violated);
    assert!(
        !binds_destination(&f, "c143.art8.1.status")
            && !binds_destination(&f, "icrmw.art51.status")
    );
}

#[test]
fn united_states_employer_tie_and_status_ending_with_the_job() {
    let f = findings("us-h2a");
    assert_eq!(verdict(&f, "c143.art8.1"), Verdict::Violated);
    assert_eq!(verdict(&f, "icrmw.art52.3.a"), Verdict::Violated);
    assert_eq!(
        verdict(&f, "c181.art7"),
        Verdict::Unstated,
        "employers recruit directly, but the money flows are not declared complete: a worker may still pay an agency"
    );
    // The SPLC (2013) found fees charged and debts taken on in practice.
    assert_eq!(in_practice(&f, "c181.art7"), Some(Verdict::Violated));
    assert_eq!(
        in_practice(&f, "forced-labour.debt"),
        Some(Verdict::Violated)
    );
    let b = &find(&f, "c143.art8.1.status").binding[0];
    assert_eq!(
        b.status,
        Standing::Unknown,
        "the sources could not verify US status for C143"
    );
    assert!(!b.binds, "unknown never binds");
}

#[test]
fn united_kingdom_is_bound_by_c097() {
    let f = findings("uk-seasonal-worker");
    assert!(binds_destination(&f, "c097.art2.service"));
    assert_eq!(
        verdict(&f, "floor.seed.permanent_residence"),
        Verdict::Violated
    );
    // Fees are illegal in the UK; workers paid them to agents abroad (TBIJ 2022).
    assert_eq!(verdict(&f, "floor.gpog7.fees"), Verdict::Unstated);
    assert_eq!(in_practice(&f, "floor.gpog7.fees"), Some(Verdict::Violated));
}

#[test]
fn new_zealand_deductions_and_the_annex_i_exclusion() {
    let f = findings("nz-rse");
    // The deductions are what the Human Rights Commission (2022) and RNZ (2024) found happening,
    // not terms of the scheme.
    assert_eq!(verdict(&f, "floor.gpog7.fees"), Verdict::Unstated);
    assert_eq!(in_practice(&f, "floor.gpog7.fees"), Some(Verdict::Violated));
    assert_eq!(
        in_practice(&f, "forced-labour.documents"),
        Some(Verdict::Violated)
    );
    assert!(binds_destination(&f, "c097.art2.service"));
    assert!(
        !binds_destination(&f, "c097.annex1.art5.contract"),
        "New Zealand excluded Annex I"
    );
}

#[test]
fn germany_equal_treatment_on_the_terms() {
    let f = findings("germany-western-balkans");
    assert_eq!(verdict(&f, "c097.art6.1.a.i.pay"), Verdict::Satisfied);
    assert!(binds_destination(&f, "c097.art6.1.a.i.pay"));
    assert!(f.iter().all(|x| x.verdict != Verdict::Violated));
}

#[test]
fn the_corpus_checks_without_input_errors_and_the_readme_table_is_current() {
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args([
            "check",
            "policies/programs/",
            "--format",
            "table",
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string("policies/programs/README.md").unwrap();
    let start = readme.find("<!-- table:start -->\n").unwrap() + "<!-- table:start -->\n".len();
    let end = readme.find("<!-- table:end -->").unwrap();
    assert_eq!(&readme[start..end], table, "regenerate the README table");
    assert_eq!(
        std::fs::read_dir("policies/programs")
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "fair"))
            .count(),
        15,
        "the fifteen programs of shared/domain/programs.md and programs-2.md"
    );
}

/// Every corpus program declares the documented findings it must show, in law and in practice,
/// and `fairpath test` finds them all.
#[test]
fn every_documented_finding_declared_by_the_corpus_holds() {
    let mut practice = 0;
    for entry in std::fs::read_dir("policies/programs").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "fair") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let declared = text.lines().filter(|l| l.starts_with("// expect ")).count();
        assert!(
            declared > 0 || text.contains("// No expectation: "),
            "{} declares no finding, and does not say why",
            path.display()
        );
        practice += text
            .lines()
            .filter(|l| l.starts_with("// expect ") && l.contains(" in_practice"))
            .count();
    }
    assert!(
        practice >= 15,
        "only {practice} findings in practice declared"
    );
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args(["test", "policies/programs"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.trim_end().ends_with(" 0 failed"), "{text}");
}
