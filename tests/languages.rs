//! Reports in English, French and Spanish: `--lang` and the environment choose the language, and
//! a French or Spanish report leaves no English sentence of the catalogues and no catalogue key.

use assert_cmd::Command;

const NZ_RSE: &str = "policies/programs/nz-rse.fair";
const SEASONAL: &str = "policies/examples/seasonal-agriculture.fair";

const FORMATS: [&str; 9] = [
    "human", "plain", "markdown", "html", "table", "short", "junit", "json", "sarif",
];

/// Runs the binary with no locale in the environment but those given.
fn fairpath(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::cargo_bin("fairpath").unwrap();
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

/// A catalogue as dotted keys and sentences.
fn catalogue(code: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("locales/{code}.toml")).unwrap();
    fairpath::locale::parse(&text).into_iter().collect()
}

#[test]
fn french_and_spanish_reports_leave_no_english_sentence_and_no_key() {
    let english = catalogue("en");
    let engine = fairpath::rules::Engine::embedded();
    for lang in ["fr", "es"] {
        let own: Vec<String> = catalogue(lang).into_iter().map(|(_, v)| v).collect();
        for format in FORMATS {
            let out = fairpath(&["check", NZ_RSE, "--format", format, "--lang", lang], &[]);
            assert!(out.len() > 200, "{lang} {format}: {out}");
            for (key, sentence) in &english {
                // A key's name never shows (it would mean a missing sentence).
                assert!(!out.contains(key.as_str()), "{lang} {format}: key `{key}`");
                // An English sentence of more than three words never shows, unless the
                // language writes it the same way. Placeholders split it into fragments.
                for fragment in sentence.split(['{', '}']) {
                    let fragment = fragment.trim_matches(|c: char| !c.is_alphanumeric());
                    if fragment.split_whitespace().count() > 3
                        && !own.iter().any(|o| o.contains(fragment))
                    {
                        assert!(
                            !out.contains(fragment),
                            "{lang} {format}: `{fragment}` ({key}) is in English"
                        );
                    }
                }
            }
            // Every rule's summary is the pack's translation.
            for rule in engine.rules() {
                if rule.translations.keys().any(|l| l.code() == lang) {
                    assert!(
                        !out.contains(rule.summary.as_str()),
                        "{lang} {format}: {} in English",
                        rule.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_french_report_speaks_french_and_a_spanish_one_spanish() {
    let fr = fairpath(&["check", NZ_RSE, "--format", "plain", "--lang", "fr"], &[]);
    assert!(fr.contains("Dispositions enfreintes en droit"), "{fr}");
    assert!(fr.contains("caractère contraignant apprécié au"), "{fr}");
    let es = fairpath(&["check", NZ_RSE, "--format", "plain", "--lang", "es"], &[]);
    assert!(es.contains("Disposiciones incumplidas en derecho"), "{es}");
    let html = fairpath(&["check", NZ_RSE, "--format", "html", "--lang", "es"], &[]);
    assert!(html.contains("<html lang=\"es\">"));
    let en = fairpath(&["check", NZ_RSE, "--format", "html"], &[]);
    assert!(en.contains("<html lang=\"en\">"));
}

#[test]
fn the_environment_chooses_the_language_when_lang_is_not_given() {
    let plain = |env: &[(&str, &str)]| fairpath(&["check", SEASONAL, "--format", "plain"], env);
    let french = plain(&[("LANG", "fr_FR.UTF-8")]);
    assert!(french.contains("enfreintes"), "{french}");
    // LC_ALL comes first, then LC_MESSAGES, then LANG.
    assert_eq!(plain(&[("LC_ALL", "es_ES.UTF-8"), ("LANG", "fr_FR")]), {
        fairpath(
            &["check", SEASONAL, "--format", "plain", "--lang", "es"],
            &[],
        )
    });
    assert_eq!(
        plain(&[("LC_MESSAGES", "fr_CA"), ("LANG", "es_MX")]),
        french
    );
    // Anything else is English, and `--lang` wins over the environment.
    let english = plain(&[]);
    assert!(english.contains("Violations in law"));
    assert_eq!(plain(&[("LANG", "de_DE.UTF-8")]), english);
    assert_eq!(plain(&[("LANG", "C")]), english);
    assert_eq!(
        fairpath(
            &["check", SEASONAL, "--format", "plain", "--lang", "en"],
            &[("LC_ALL", "fr_FR.UTF-8")]
        ),
        english
    );
}

#[test]
fn plain_reports_on_one_pack_are_pinned_in_french_and_spanish() {
    for lang in ["fr", "es"] {
        insta::assert_snapshot!(
            format!("check_plain_seasonal_c143_{lang}"),
            fairpath(
                &["check", SEASONAL, "--format", "plain", "--only", "ilo-c143", "--lang", lang],
                &[]
            )
        );
    }
}
