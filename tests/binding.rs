//! Who is bound, from when, where, and for which duty: bindingness at the program's date, entry
//! into force, denunciation, territorial limits and duty bearers, in the library, the reports
//! and the command line, and over the whole corpus.

mod common;

use assert_cmd::Command;
use common::*;
use fairpath::rules::ast::Party;
use fairpath::rules::ratify::{Binding, Ratifications, Ratified, Reason, Standing, Status};
use fairpath::rules::{Engine, Finding};
use fairpath::syntax::Source;
use fairpath::vocab::Date;

/// A program between `origin` and `destination` dated `as_of`, with `extra` terms.
fn dated(origin: &str, destination: &str, as_of: &str, extra: &str) -> String {
    program(&format!(
        "as_of {as_of}\norigin [{origin}]\ndestination [{destination}]\nsectors [domestic_work]\n{extra}"
    ))
}

fn finding(engine: &Engine, text: &str, rule: &str) -> Finding {
    engine
        .evaluate(&model(text).0)
        .into_iter()
        .find(|f| f.rule.id == rule)
        .unwrap_or_else(|| panic!("no finding {rule}"))
}

fn state<'a>(f: &'a Finding, code: &str) -> &'a Binding {
    f.binding
        .iter()
        .find(|b| b.state == code)
        .unwrap_or_else(|| panic!("no binding for {code}"))
}

#[test]
fn before_ratification_nothing_binds() {
    // Korea deposited C087 on 2021-04-20 (in force 2022-04-20).
    let f = finding(
        &Engine::embedded(),
        &dated("PHL", "KOR", "2020-06-01", ""),
        "c087.art2.join",
    );
    let kor = state(&f, "KOR");
    assert_eq!(
        (kor.status, kor.reason, kor.binds),
        (Standing::NotRatified, Reason::RatifiedLater, false)
    );
    assert_eq!(kor.ratified, Some(Ratified::On(date("2021-04-20"))));
}

#[test]
fn between_ratification_and_entry_into_force_not_yet_binding() {
    // Mexico registered C189 on 2020-07-03; in force 2021-07-03.
    let text = dated("GTM", "MEX", "2021-01-01", "");
    let f = finding(&Engine::embedded(), &text, "c189.art9.a");
    let mex = state(&f, "MEX");
    assert_eq!(
        (mex.status, mex.reason, mex.binds),
        (Standing::RatifiedNotInForce, Reason::NotYetInForce, false)
    );
    assert_eq!(mex.in_force, Some(date("2021-07-03")));
    let later = finding(
        &Engine::embedded(),
        &text.replace("2021-01-01", "2021-07-03"),
        "c189.art9.a",
    );
    assert!(state(&later, "MEX").binds, "in force from 2021-07-03");
}

#[test]
fn year_only_ratifications_are_unsettled_until_the_end_of_the_next_year() {
    // The UK ratified C097 in 1951 (day not known).
    let engine = Engine::embedded();
    let at = |d: &str| {
        let f = finding(&engine, &dated("JAM", "GBR", d, ""), "c097.art6.1.a.ii");
        state(&f, "GBR").reason
    };
    assert_eq!(at("1950-12-31"), Reason::RatifiedLater);
    assert_eq!(at("1951-06-01"), Reason::DateUncertain);
    assert_eq!(at("1952-12-30"), Reason::DateUncertain);
    assert_eq!(at("1952-12-31"), Reason::InForce);
}

#[test]
fn after_denunciation_nothing_binds() {
    let data = Ratifications::parse(
        r#"
[[instrument]]
code = "C143"
entry_into_force = "twelve-months"
source = "test"

[[ratification]]
state = "ITA"
instrument = "C143"
status = "ratified"
ratified = "1981-06-23"
denounced = "2020-01-01"
source = "test data"
"#,
    )
    .unwrap();
    let engine = Engine {
        ratifications: data,
        ..Engine::embedded()
    };
    let before = finding(
        &engine,
        &dated("PHL", "ITA", "2019-12-31", ""),
        "c143.art10",
    );
    assert!(state(&before, "ITA").binds);
    let after = finding(
        &engine,
        &dated("PHL", "ITA", "2020-01-01", ""),
        "c143.art10",
    );
    let ita = state(&after, "ITA");
    assert_eq!(
        (ita.status, ita.reason, ita.binds),
        (Standing::Denounced, Reason::Denounced, false)
    );
}

#[test]
fn a_territorial_limit_binds_only_where_the_program_is_limited_to_it() {
    // Malaysia's C097 ratification covers Sabah only.
    let whole = dated("IDN", "MYS", "2024-01-01", "");
    let f = finding(&Engine::embedded(), &whole, "c097.art6.1.a.ii");
    let mys = state(&f, "MYS");
    assert_eq!(
        (mys.status, mys.reason, mys.binds),
        (Standing::InForce, Reason::TerritoryLimited, false)
    );
    assert_eq!(mys.territory.as_deref(), Some("Sabah"));
    let sabah = whole.replace("as_of", "territory \"Sabah\"\nas_of");
    assert!(
        state(
            &finding(&Engine::embedded(), &sabah, "c097.art6.1.a.ii"),
            "MYS"
        )
        .binds
    );
    // Reports show bindingness with each violation.
    let violated = dated(
        "IDN",
        "MYS",
        "2024-01-01",
        "association { collective_bargaining no }",
    );
    let out = check_stdout(&violated, &["--format", "markdown"]);
    assert!(
        out.contains(
            "binding for Sabah only, in force since 1965-03-03; the program covers all of MYS"
        ),
        "{out}"
    );
}

#[test]
fn a_destination_duty_names_only_the_destination() {
    // Italy (C189 in force 2014-01-22) and the Philippines (2013-09-05) are both parties; the
    // duty on domestic workers' documents is the destination's.
    let f = finding(
        &Engine::embedded(),
        &dated("PHL", "ITA", "2024-01-01", ""),
        "c189.art9.c",
    );
    let (ita, phl) = (state(&f, "ITA"), state(&f, "PHL"));
    assert!(ita.duty && ita.binds);
    assert!(!phl.duty && !phl.binds, "the origin does not owe this duty");
    assert_eq!(phl.status, Standing::InForce, "though it is a party");
    let out = check_stdout(
        &dated(
            "PHL",
            "ITA",
            "2024-01-01",
            "documents { passport employer }",
        ),
        &["--format", "markdown"],
    );
    let line = out
        .lines()
        .find(|l| l.starts_with("- Binding: destination ITA") && l.contains("C189"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(!line.contains("PHL"), "{line}");
}

#[test]
fn an_origin_duty_names_only_the_origin_and_a_joint_duty_both() {
    let mut engine = Engine::embedded();
    engine
        .add(Source::new(
            "duties.rules",
            r#"standard duties "Duties" {
  instrument C097
  strength   binding
  rule d.origin { cites "Art. 4" duty origin theme governance summary "s" remedy "r" require stated contract.written }
}"#,
        ))
        .unwrap();
    let text = dated("PHL", "ITA", "2024-01-01", "");
    let f = finding(&engine, &text, "d.origin");
    assert!(!state(&f, "ITA").duty && !state(&f, "ITA").binds);
    assert!(state(&f, "PHL").duty && state(&f, "PHL").binds);
    let joint = finding(&engine, &text, "c097.art10");
    assert!(
        joint.binding.iter().all(|b| b.duty && b.binds),
        "{:?}",
        joint.binding
    );
}

#[test]
fn reports_say_the_date_judged_and_where_it_comes_from() {
    let text = dated("PHL", "ITA", "2024-01-01", "");
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&check_stdout(&text, args)).unwrap()
    };
    let v = json(&["--format", "json"]);
    assert_eq!(v["programs"][0]["as_of"]["date"], "2024-01-01");
    assert_eq!(v["programs"][0]["as_of"]["basis"], "program");
    let v = json(&["--format", "json", "--as-of", "2012-01-01"]);
    assert_eq!(v["programs"][0]["as_of"]["basis"], "given");
    let undated = text.replace("as_of 2024-01-01\n", "");
    let plain = check_stdout(&undated, &["--format", "plain"]);
    assert!(
        plain.contains(&format!(
            "bindingness judged at {} (today: the program states no `as_of` date)",
            Date::today()
        )),
        "{plain}"
    );
    for format in ["markdown", "html", "plain"] {
        let out = check_stdout(&text, &["--format", format]);
        assert!(out.contains("judged at 2024-01-01"), "{format}: {out}");
    }
}

#[test]
fn a_bad_as_of_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.fair");
    std::fs::write(&path, dated("PHL", "ITA", "2024-01-01", "")).unwrap();
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args(["check", "--as-of", "2024-13-01"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`2024-13-01` is not a date"));
}

#[test]
fn diff_says_when_bindingness_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.fair"), dir.path().join("new.fair"));
    std::fs::write(&old, dated("GTM", "MEX", "2021-01-01", "")).unwrap();
    std::fs::write(&new, dated("GTM", "MEX", "2022-01-01", "")).unwrap();
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .arg("diff")
        .args([&old, &new])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("judged at 2021-01-01 in the old draft and 2022-01-01 in the new one"),
        "{text}"
    );
    assert!(
        text.contains(
            "C189 for MEX: ratified, not yet in force → in force (in force from 2021-07-03)"
        ),
        "{text}"
    );
}

#[test]
fn ratifications_command_prints_a_state_with_sources() {
    let run = |args: &[&str]| {
        Command::cargo_bin("fairpath")
            .unwrap()
            .arg("ratifications")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["MYS", "--as-of", "2024-01-01"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("C097   ratified 1964-03-03; in force 1965-03-03; Sabah only"),
        "{text}"
    );
    assert!(text.contains("source: ratifications-2.md §3"), "{text}");
    assert!(
        text.contains("C189   not ratified as of 2020-10-05"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["KOR", "--format", "json"]).stdout).unwrap();
    let c087 = json["states"][0]["instruments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["instrument"] == "C087")
        .unwrap()
        .clone();
    assert_eq!(c087["in_force"], "2022-04-20");
    assert_eq!(run(&["XYZ"]).status.code(), Some(2));
}

/// Every computed entry into force in the data follows the instrument's own rule, and every row
/// names an instrument with a rule and a source.
#[test]
fn the_data_agrees_with_the_entry_into_force_rules() {
    let data = Ratifications::embedded();
    let mut computed = 0;
    for e in data.entries() {
        assert!(!e.source.trim().is_empty(), "{} {}", e.state, e.instrument);
        assert!(fairpath::vocab::is_country(&e.state), "{}", e.state);
        let rule = data
            .instrument(&e.instrument)
            .unwrap_or_else(|| panic!("no rule for {}", e.instrument));
        if let (Some(Ratified::On(day)), Some(in_force), Some("computed")) =
            (e.ratified, e.in_force, e.in_force_basis.as_deref())
        {
            computed += 1;
            assert_eq!(
                rule.in_force_after(day),
                in_force,
                "{} {}",
                e.state,
                e.instrument
            );
        }
        if e.status == Status::NotRatified {
            assert!(
                e.as_of.is_some() || e.note.is_some(),
                "{} {}: a negative needs its list date",
                e.state,
                e.instrument
            );
        }
    }
    assert!(computed >= 10, "only {computed} computed dates checked");
}

/// No finding of any corpus program calls a provision binding on a state that was not bound at
/// the program's date for that duty: each claim is checked against the data, independently of
/// the engine's reasoning.
#[test]
fn no_corpus_finding_claims_a_state_bound_that_was_not() {
    let data = Ratifications::embedded();
    let engine = Engine::embedded();
    let mut claims = 0;
    for entry in std::fs::read_dir("policies/programs").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "fair") {
            continue;
        }
        let compiled = fairpath::compile("p.fair", &std::fs::read(&path).unwrap())
            .unwrap_or_else(|r| panic!("{}: {:#?}", path.display(), r.diagnostics()));
        let m = compiled.model();
        let at = engine.judged(m).date;
        let territory = m.fact("territory").map(|f| f.value.display());
        for f in engine.evaluate(m) {
            let rule = engine.rule(&f.rule.id).unwrap();
            for b in f.binding.iter().filter(|b| b.binds) {
                claims += 1;
                let what = format!("{}: {} binds {}", path.display(), f.rule.id, b.state);
                assert_eq!(
                    rule.strength,
                    fairpath::rules::ast::Strength::Binding,
                    "{what}"
                );
                assert!(rule.duty.owed_by(b.party), "{what}: no duty");
                let row = data.lookup(&b.state, &rule.instrument).expect(&what);
                assert_eq!(row.status, Status::Ratified, "{what}");
                let in_force = data
                    .in_force(row)
                    .or(match (row.ratified, row.ratified_by) {
                        (Some(Ratified::In(year)), _) => Date::new(year + 1, 12, 31),
                        (None, Some(by)) => Some(by.add_months(12)),
                        _ => None,
                    });
                assert!(
                    in_force.is_some_and(|d| d <= at),
                    "{what}: not in force at {at}"
                );
                assert!(row.denounced.is_none_or(|d| d > at), "{what}: denounced");
                if let Some(part) = &rule.part {
                    assert!(
                        !row.excluded.contains(part) && !row.exclusions_unknown,
                        "{what}: {part}"
                    );
                }
                if let Some(limit) = &row.territory {
                    assert_eq!(territory.as_deref(), Some(limit.as_str()), "{what}");
                    assert_eq!(b.party, Party::Destination, "{what}");
                }
            }
        }
    }
    assert!(claims > 50, "only {claims} binding claims walked");
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// `fairpath check` on `text` with `args`, its standard output.
fn check_stdout(text: &str, args: &[&str]) -> String {
    run(text, &[&["check"], args].concat()).1
}
