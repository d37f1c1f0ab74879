//! Per-rule fixtures, the main guard on rule logic: every shipped rule has small programs in
//! `policies/fixtures/<rule-id>/` showing it violated, satisfied and unstated (and not applicable
//! where it has a scope), each declaring its verdict; and every rule can be decided by one term.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use fairpath::rules::{decide, Engine, Verdict};

const FIXTURES: &str = "policies/fixtures";

/// Every fixture file, by the rule directory it is in.
fn fixtures() -> BTreeMap<String, Vec<PathBuf>> {
    let mut out: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for dir in std::fs::read_dir(FIXTURES).unwrap() {
        let dir = dir.unwrap().path();
        let rule = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|f| f.unwrap().path())
            .collect();
        files.sort();
        out.insert(rule, files);
    }
    out
}

/// The verdict a fixture's file name declares: `violated.fair`, `unstated-silent-list.fair`, ….
fn declared(path: &Path) -> Verdict {
    let stem = path.file_stem().unwrap().to_string_lossy();
    *Verdict::ALL
        .iter()
        .filter(|v| stem == v.word() || stem.starts_with(&format!("{}-", v.word())))
        .max_by_key(|v| v.word().len())
        .unwrap_or_else(|| panic!("{}: name it after its verdict", path.display()))
}

#[test]
fn every_rule_has_fixtures_for_each_verdict_it_can_take() {
    let engine = Engine::embedded();
    let all = fixtures();
    let mut missing = Vec::new();
    for rule in engine.rules() {
        let files = all.get(&rule.id).map(Vec::as_slice).unwrap_or_default();
        let has: Vec<Verdict> = files.iter().map(|f| declared(f)).collect();
        let mut needed = vec![Verdict::Violated, Verdict::Satisfied, Verdict::Unstated];
        if !rule.applies.is_empty() {
            needed.push(Verdict::NotApplicable);
        }
        for v in needed.into_iter().filter(|v| !has.contains(v)) {
            missing.push(format!("{} {}", rule.id, v.word()));
        }
    }
    assert!(
        missing.is_empty(),
        "fixtures missing:\n{}",
        missing.join("\n")
    );
    let stray: Vec<&String> = all.keys().filter(|r| engine.rule(r).is_none()).collect();
    assert!(stray.is_empty(), "fixtures for no rule: {stray:?}");
}

#[test]
fn every_fixture_gets_the_verdict_its_name_declares() {
    let engine = Engine::embedded();
    let mut wrong = Vec::new();
    let mut count = 0;
    for (rule_id, files) in fixtures() {
        let Some(rule) = engine.rule(&rule_id) else {
            continue;
        };
        for path in files {
            count += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let want = declared(&path);
            let line = format!("// expect {rule_id} {}", want.word());
            assert!(
                text.lines().any(|l| l.trim() == line),
                "{}: declare `{line}`",
                path.display()
            );
            let compiled = fairpath::compile(&path.display().to_string(), text.as_bytes())
                .unwrap_or_else(|r| panic!("{}: {:#?}", path.display(), r.diagnostics()));
            let got = engine.evaluate_rule(rule, compiled.model()).verdict;
            if got != want {
                wrong.push(format!(
                    "{}: expected {}, got {}",
                    path.display(),
                    want.word(),
                    got.word()
                ));
            }
        }
    }
    assert!(count > 400, "only {count} fixtures");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn fairpath_test_runs_the_fixtures() {
    let out = Command::cargo_bin("fairpath")
        .unwrap()
        .args(["test", FIXTURES])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.trim_end().ends_with(" 0 failed"), "{text}");
}

#[test]
fn every_rule_is_decided_by_some_single_term() {
    let engine = Engine::embedded();
    let undecidable: Vec<&str> = engine
        .rules()
        .filter(|r| decide::deciders(&engine, r).is_empty())
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        undecidable.is_empty(),
        "no single term decides: {undecidable:?}"
    );
}
