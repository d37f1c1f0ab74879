//! The shipped packs: sizes, the reference program, and for every rule a program that violates it.

mod common;

use common::*;
use fairpath::model::Model;
use fairpath::rules::verify::Flaw;
use fairpath::rules::{Engine, Verdict};
use fairpath::syntax::validate::Terms;

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
    parsed(&std::fs::read_to_string("policies/examples/reference.fair").unwrap())
        .terms()
        .clone()
}

#[test]
fn the_reference_program_has_no_violated_or_unstated_finding() {
    let (m, diags) = Model::from_terms(reference());
    assert!(diags.is_empty(), "{diags:?}");
    let bad: Vec<String> = Engine::embedded()
        .evaluate(&m)
        .into_iter()
        .filter(|f| matches!(f.verdict, Verdict::Violated | Verdict::Unstated))
        .map(|f| format!("{} {:?}", f.rule.id, f.verdict))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn every_rule_can_be_satisfied_and_violated_and_no_two_rules_conflict() {
    let problems = fairpath::rules::verify::verify(&Engine::embedded());
    let listed: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {:?}", p.kind.code(), p.rules))
        .collect();
    assert!(listed.is_empty(), "{listed:#?}");
}

#[test]
fn verify_catches_a_broken_pack() {
    let mut engine = Engine::bare();
    let pack = "standard broken \"Broken\" {
  instrument X
  strength   binding
  duty       destination
  theme      governance
  rule broken.never  { cites \"1\" summary \"s\" remedy \"r\" require permit.grace_period >= 30 days and permit.grace_period < 10 days }
  rule broken.always { cites \"2\" summary \"s\" remedy \"r\" require permit.grace_period >= 0 days }
  rule broken.tied   { cites \"3\" summary \"s\" remedy \"r\" require permit.tied_to == employer }
  rule broken.free   { cites \"4\" summary \"s\" remedy \"r\" require permit.tied_to == none }
}";
    engine
        .add(fairpath::syntax::Source::new("broken.rules", pack))
        .unwrap();
    let problems = fairpath::rules::verify::verify(&engine);
    let found: Vec<(&str, Vec<&str>)> = problems
        .iter()
        .map(|p| (p.kind.code(), p.rules.iter().map(String::as_str).collect()))
        .collect();
    assert!(
        found.contains(&("never-satisfied", vec!["broken.never"])),
        "{found:?}"
    );
    assert!(
        found.contains(&("never-violated", vec!["broken.always"])),
        "{found:?}"
    );
    assert!(
        found.contains(&("conflict", vec!["broken.tied", "broken.free"])),
        "{found:?}"
    );
    assert_eq!(
        found.len(),
        3,
        "an unsatisfiable rule is not also reported as conflicting: {found:?}"
    );
    let conflict = problems.iter().find(|p| p.kind == Flaw::Conflict).unwrap();
    assert!(
        conflict.witness.contains("tied_to employer"),
        "the witness is a program: {}",
        conflict.witness
    );
    assert!(
        fairpath::syntax::parse_file("w.fair", conflict.witness.as_bytes()).is_ok(),
        "and it parses"
    );
}

#[test]
fn coverage_names_real_rules_and_the_doc_is_current() {
    let engine = Engine::embedded();
    assert!(
        fairpath::rules::coverage::unknown_rules(&engine).is_empty(),
        "{:?}",
        fairpath::rules::coverage::unknown_rules(&engine)
    );
    for row in fairpath::rules::coverage::rows() {
        assert!(
            row.rules.is_empty() != row.reason.is_none(),
            "{}: either rules or a reason",
            row.provision
        );
    }
    let doc = std::fs::read_to_string("docs/coverage.md").unwrap();
    assert_eq!(
        doc,
        fairpath::report::coverage::markdown(&fairpath::report::Words::english(), &engine),
        "regenerate with `fairpath rules --coverage > docs/coverage.md`"
    );
}

#[test]
fn coverage_has_every_row_of_the_brief_table() {
    let Ok(brief) = std::fs::read_to_string("../shared/domain/ilo-standards.md") else {
        eprintln!("the legal brief is not beside the checkout: skipped");
        return;
    };
    let table = &brief[brief.find("## 7. Summary table").unwrap()..brief.find("## 8.").unwrap()];
    let provisions: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Provision"))
        .filter_map(|l| l.split('|').nth(1))
        .map(str::trim)
        .collect();
    let rows: Vec<String> = fairpath::rules::coverage::rows()
        .into_iter()
        .map(|r| r.provision)
        .collect();
    assert_eq!(rows, provisions);
}

#[test]
fn every_rule_example_is_a_valid_clause() {
    for rule in Engine::embedded().rules() {
        assert!(!rule.example.is_empty(), "{} has no example", rule.id);
        let text = format!("program \"Example\" {{\n{}\n}}\n", rule.example);
        if let Err(r) = fairpath::syntax::parse_file("example.fair", text.as_bytes()) {
            panic!(
                "{}: `{}`: {:?}",
                rule.id,
                rule.example,
                r.diagnostics()
                    .iter()
                    .map(|d| d.message())
                    .collect::<Vec<_>>()
            );
        }
    }
}

/// Terms no shipped rule reads, each with the reason, documented in
/// `policies/unread-terms.toml`; the list there is kept equal to what the packs read.
#[test]
fn every_term_is_read_by_a_rule_or_documented() {
    let engine = Engine::embedded();
    let read: std::collections::BTreeSet<&str> = engine
        .rules()
        .flat_map(|r| {
            fairpath::rules::decide::reads(r.applies.iter().chain(r.checks.iter().map(|(_, c)| c)))
        })
        .collect();
    let unread: Vec<&str> = fairpath::vocab::TERMS
        .iter()
        .map(|t| t.path)
        .filter(|p| !read.contains(p))
        .collect();
    let text = std::fs::read_to_string("policies/unread-terms.toml").unwrap();
    let documented: toml::Table = toml::from_str(&text).unwrap();
    let documented: Vec<&str> = documented["term"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            assert!(
                t["why"].as_str().is_some_and(|w| !w.is_empty()),
                "{t}: say why"
            );
            t["path"].as_str().unwrap()
        })
        .collect();
    assert_eq!(unread, documented, "update policies/unread-terms.toml");
    assert!(
        unread.len() * 4 < fairpath::vocab::TERMS.len(),
        "the list stays short"
    );
}

#[test]
fn every_shipped_rule_states_its_theme_right_after_its_duty() {
    for (file, text) in fairpath::rules::EMBEDDED_PACKS {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let rules = lines.iter().filter(|l| l.starts_with("rule ")).count();
        let themes = lines
            .windows(2)
            .filter(|w| w[0].starts_with("duty ") && w[1].starts_with("theme "))
            .count();
        assert_eq!(themes, rules, "{file}");
    }
    let engine = Engine::embedded();
    let used: std::collections::HashSet<_> = engine.rules().map(|r| r.theme).collect();
    assert_eq!(
        used.len(),
        fairpath::rules::ast::Theme::ALL.len(),
        "every theme has rules"
    );
}

#[test]
fn an_unknown_theme_is_rejected_naming_the_allowed_ones() {
    let pack = "standard t \"T\" {\n  rule t.a { instrument X cites \"1\" strength binding duty destination theme wage summary \"s\" remedy \"r\" require stated wages.paid_to }\n}";
    let d =
        fairpath::rules::compile::compile_packs(&fairpath::syntax::Source::new("t.rules", pack))
            .unwrap_err();
    assert_eq!(d[0].code_name(), "fairpath::unknown-value");
    assert_eq!(d[0].message(), "`wage` is not a theme");
    let help = d[0].help().unwrap();
    assert!(
        help.starts_with("did you mean `wages`? the themes are mobility, organising, family,"),
        "{help}"
    );
    for (_, word) in fairpath::rules::ast::Theme::ALL {
        assert!(help.contains(word), "{help}");
    }
}

#[test]
fn the_report_schema_lists_the_themes() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("schemas/report.schema.json").unwrap())
            .unwrap();
    let listed: Vec<&str> = schema["definitions"]["rule"]["properties"]["theme"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let themes: Vec<&str> = fairpath::rules::ast::Theme::ALL
        .iter()
        .map(|(_, w)| *w)
        .collect();
    assert_eq!(listed, themes);
}

/// The words a text puts in backticks: term paths, values and codes, which stay the same in
/// every language.
fn backticked(text: &str) -> std::collections::BTreeSet<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn every_rule_is_translated_into_french_and_spanish_keeping_its_terms() {
    use fairpath::Lang;
    let e = Engine::embedded();
    let mut missing = Vec::new();
    for r in e.rules() {
        for lang in Lang::TRANSLATED {
            let Some(t) = r.translations.get(&lang) else {
                missing.push(format!("{} {lang}: no translation", r.id));
                continue;
            };
            for (field, en, tr) in [
                ("summary", &r.summary, &t.summary),
                ("rationale", &r.rationale, &t.rationale),
                ("remedy", &r.remedy, &t.remedy),
            ] {
                if tr.trim().is_empty() || tr == en {
                    missing.push(format!("{} {lang} {field}: not translated", r.id));
                }
                if backticked(en) != backticked(tr) {
                    missing.push(format!(
                        "{} {lang} {field}: backticked {:?} in English, {:?} translated",
                        r.id,
                        backticked(en),
                        backticked(tr)
                    ));
                }
            }
            let text = r.text(lang);
            assert_eq!((text.lang, text.summary), (lang, t.summary.as_str()));
        }
        assert_eq!(r.text(Lang::En).summary, r.summary);
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn an_untranslated_rule_reads_in_english_and_checked_names_the_official_text() {
    use fairpath::Lang;
    let mut engine = Engine::bare();
    engine
        .add(fairpath::syntax::Source::new(
            "t.rules",
            "standard t \"T\" {\n  instrument X\n  strength guidance\n  duty destination\n  theme mobility\n  rule t.one {\n    cites \"1\"\n    summary \"s\"\n    rationale \"why\"\n    remedy \"r\"\n    require permit.grace_period >= 30 days\n    fr {\n      summary \"s fr\"\n      rationale \"pourquoi\"\n      remedy \"r fr\"\n      checked \"texte officiel, art. 1\"\n    }\n  }\n}",
        ))
        .unwrap();
    let r = engine.rule("t.one").unwrap();
    let fr = r.text(Lang::Fr);
    assert_eq!(
        (fr.lang, fr.summary, fr.rationale, fr.remedy),
        (Lang::Fr, "s fr", "pourquoi", "r fr")
    );
    assert_eq!(
        r.translations[&Lang::Fr].checked.as_deref(),
        Some("texte officiel, art. 1")
    );
    let es = r.text(Lang::Es);
    assert_eq!((es.lang, es.summary, es.remedy), (Lang::En, "s", "r"));
}

/// The diagnostics of a pack with one rule whose last lines are `tail`, each as its code, the
/// text under its first label and its message.
fn translation_errors(tail: &str) -> Vec<(String, String, String)> {
    let pack = format!(
        "standard t \"T\" {{\n  instrument X\n  strength guidance\n  duty destination\n  theme mobility\n  rule t.one {{\n    cites \"1\"\n    summary \"s\"\n    remedy \"r\"\n    require permit.grace_period >= 30 days\n{tail}\n  }}\n}}"
    );
    let err = Engine::bare()
        .add(fairpath::syntax::Source::new("t.rules", pack.clone()))
        .unwrap_err();
    err.diagnostics
        .iter()
        .map(|d| {
            let s = d.span();
            assert!(d.help().is_some(), "{d:?}");
            (
                d.code_name().to_string(),
                pack[s.start..s.end].to_string(),
                d.message().to_string(),
            )
        })
        .collect()
}

const FULL: &str = "summary \"a\" rationale \"b\" remedy \"c\"";

#[test]
fn bad_translations_are_spanned_pack_errors() {
    let e = translation_errors(&format!("    de {{ {FULL} }}"));
    assert_eq!(
        e,
        [(
            "fairpath::unknown-language".into(),
            "de".into(),
            "rules are not translated into `de`".into()
        )]
    );
    let e = translation_errors(&format!("    en {{ {FULL} }}"));
    assert_eq!(e[0].0, "fairpath::unknown-language");
    let e = translation_errors("    fr { summary \"a\" }");
    assert_eq!(
        e,
        [
            (
                "fairpath::missing-field".into(),
                "fr".into(),
                "the `fr` translation of rule `t.one` has no `rationale`".into()
            ),
            (
                "fairpath::missing-field".into(),
                "fr".into(),
                "the `fr` translation of rule `t.one` has no `remedy`".into()
            ),
        ]
    );
    let e = translation_errors(&format!("    es {{ {FULL} }}\n    es {{ {FULL} }}"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        (e[0].0.as_str(), e[0].1.as_str()),
        ("fairpath::duplicate", "es")
    );
    assert_eq!(e[0].2, "rule `t.one` is translated into `es` twice");
    let e = translation_errors(&format!("    fr {{ {FULL} summary \"d\" }}"));
    assert_eq!(
        e,
        [(
            "fairpath::duplicate".into(),
            "summary".into(),
            "`summary` is given twice in the `fr` translation".into()
        )]
    );
    let e = translation_errors(&format!("    fr {{ {FULL} sumary \"d\" }}"));
    assert_eq!(
        e,
        [(
            "fairpath::unknown-field".into(),
            "sumary".into(),
            "unknown translation field `sumary`".into()
        )]
    );
    let e = translation_errors(&format!("    fr {{ {FULL} checked yes }}"));
    assert_eq!(
        e,
        [(
            "fairpath::wrong-type".into(),
            "yes".into(),
            "`checked` takes text in double quotes".into()
        )]
    );
}

/// Many rules with the same verdicts are checked as one: 400 copies of a rule cost what one
/// does, and a conflict between two such groups names every pair.
#[test]
fn verify_checks_many_alike_rules_as_one_and_names_every_conflicting_pair() {
    let mut pack = String::from(
        "standard many \"Many\" {\n  instrument X\n  strength binding\n  duty destination\n  theme governance\n",
    );
    for i in 0..400 {
        pack.push_str(&format!(
            "  rule many.same{i} {{ cites \"{i}\" summary \"s\" remedy \"r\" require governance.published == yes }}\n"
        ));
    }
    for i in 0..3 {
        pack.push_str(&format!("  rule many.tied{i} {{ cites \"t\" summary \"s\" remedy \"r\" require permit.tied_to == employer }}\n"));
    }
    for i in 0..2 {
        pack.push_str(&format!("  rule many.free{i} {{ cites \"f\" summary \"s\" remedy \"r\" require permit.tied_to == none }}\n"));
    }
    pack.push('}');
    let mut engine = Engine::bare();
    engine
        .add(fairpath::syntax::Source::new("many.rules", pack))
        .unwrap();
    let problems = fairpath::rules::verify::verify(&engine);
    let conflicts: Vec<Vec<&str>> = problems
        .iter()
        .filter(|p| p.kind == Flaw::Conflict)
        .map(|p| p.rules.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(conflicts.len(), 6, "3 × 2 pairs: {conflicts:?}");
    for tied in ["many.tied0", "many.tied1", "many.tied2"] {
        for free in ["many.free0", "many.free1"] {
            assert!(conflicts.contains(&vec![tied, free]), "{tied} and {free}");
        }
    }
    assert!(
        problems
            .iter()
            .all(|p| !p.rules[0].starts_with("many.same")),
        "alike rules are neither broken nor in conflict with each other"
    );
}
