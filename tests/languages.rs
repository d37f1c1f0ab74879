//! Reports in English, French and Spanish: `--lang` and the environment choose the language, and
//! a French or Spanish report leaves no English sentence of the catalogues and no catalogue key.

use assert_cmd::Command;

const NZ_RSE: &str = "policies/programs/nz-rse.fair";
const SEASONAL: &str = "policies/examples/seasonal-agriculture.fair";

const FORMATS: [&str; 9] = [
    "human", "plain", "markdown", "html", "table", "short", "junit", "json", "sarif",
];

/// Runs the binary with no locale in the environment but those given.
fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = Command::cargo_bin("fairpath").unwrap();
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// Standard output of the binary run as [`run`] does.
fn fairpath(args: &[&str], env: &[(&str, &str)]) -> String {
    String::from_utf8(run(args, env).stdout).unwrap()
}

/// A catalogue as dotted keys and sentences.
fn catalogue(code: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("locales/{code}.toml")).unwrap();
    fairpath::locale::parse(&text).into_iter().collect()
}

/// The English sentences of the catalogue (keys starting with `prefix`) of more than three words
/// that `out`, in `lang`, shows although `lang` writes them otherwise; and the keys it shows.
fn english_left(out: &str, lang: &str, prefix: &str) -> Vec<String> {
    let own: Vec<String> = catalogue(lang).into_iter().map(|(_, v)| v).collect();
    let mut left = Vec::new();
    for (key, sentence) in catalogue("en")
        .iter()
        .filter(|(k, _)| k.starts_with(prefix))
    {
        if out.contains(key.as_str()) {
            left.push(format!("key `{key}`"));
        }
        // Placeholders split a sentence into fragments.
        for fragment in sentence.split(['{', '}']) {
            let fragment = fragment.trim_matches(|c: char| !c.is_alphanumeric());
            if fragment.split_whitespace().count() > 3
                && !own.iter().any(|o| o.contains(fragment))
                && out.contains(fragment)
            {
                left.push(format!("`{fragment}` ({key})"));
            }
        }
    }
    left
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

/// Runs the binary and returns standard output and standard error together.
fn everything(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = run(args, env);
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

#[test]
fn help_in_french_and_spanish_leaves_no_english_help_sentence() {
    let commands = [
        "parse",
        "fmt",
        "init",
        "check",
        "graph",
        "rules",
        "explain",
        "diff",
        "test",
        "ratifications",
        "completions",
        "man",
        "lsp",
        "terms",
        "language",
        "help",
    ];
    for lang in ["fr", "es"] {
        let mut shown = vec![
            everything(&["--lang", lang, "--help"], &[]),
            everything(&["--lang", lang, "-h"], &[]),
            everything(&["--lang", lang, "help", "check"], &[]),
        ];
        for command in commands {
            shown.push(everything(&["--lang", lang, command, "--help"], &[]));
            shown.push(everything(&[&format!("--lang={lang}"), command, "-h"], &[]));
        }
        for out in &shown {
            assert!(out.len() > 100, "{lang}: {out}");
            let left = english_left(out, lang, "cli.");
            assert!(left.is_empty(), "{lang}: {left:?} in\n{out}");
        }
        // clap's own headings are replaced too.
        for out in &shown {
            for word in [
                "Usage:",
                "Options:",
                "Commands:",
                "Print help",
                "Possible values",
                "[default:",
            ] {
                assert!(!out.contains(word), "{lang}: `{word}` in\n{out}");
            }
        }
    }
}

#[test]
fn the_environment_chooses_the_language_of_help_and_of_usage_errors() {
    let french = everything(&["--lang", "fr", "--help"], &[]);
    assert!(french.contains("Utilisation :"), "{french}");
    assert!(french.contains("travailleurs migrants"), "{french}");
    assert_eq!(everything(&["--help"], &[("LANG", "fr_FR.UTF-8")]), french);
    assert_eq!(
        everything(
            &["check", "--help"],
            &[("LC_ALL", "es_ES.UTF-8"), ("LANG", "fr_FR")]
        ),
        everything(&["--lang", "es", "check", "--help"], &[])
    );
    // `--lang` wins over the environment, before or after the command.
    let english = everything(&["check", "--help"], &[]);
    assert!(english.contains("Usage: fairpath check"), "{english}");
    assert_eq!(
        everything(&["check", "--help", "--lang=en"], &[("LANG", "es_ES")]),
        english
    );
    // A usage error is written in the language too, with its did-you-mean.
    let error = everything(&["chek"], &[("LANG", "fr_FR.UTF-8")]);
    assert!(
        error.contains("erreur : commande inconnue `chek`"),
        "{error}"
    );
    assert!(
        error.contains("une commande voisine existe : `check`"),
        "{error}"
    );
    let error = everything(
        &["--lang", "es", "check", "--fail-on", "sometimes", "a.fair"],
        &[],
    );
    assert!(error.contains("valor no válido `sometimes`"), "{error}");
    assert!(
        error.contains("[valores posibles: violated, unstated, never]"),
        "{error}"
    );
}

#[test]
fn the_command_line_writes_its_own_lines_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.fair");
    let file = file.to_str().unwrap();
    let wrote = everything(&["--lang", "fr", "init", file], &[]);
    assert_eq!(wrote.trim(), format!("{file} écrit"));
    let again = everything(&["--lang", "es", "init", file], &[]);
    assert!(
        again.contains("ya existe; añada `--force` para sustituirlo"),
        "{again}"
    );
    let missing = everything(
        &["check", "missing.fair", "--format", "short"],
        &[("LANG", "es_MX")],
    );
    assert!(
        missing.contains("no existe el archivo o la carpeta: `missing.fair`"),
        "{missing}"
    );
    let tested = everything(&["--lang", "fr", "test", NZ_RSE], &[]);
    assert!(tested.contains(" réussis, 0 en échec"), "{tested}");
    for (lang, out) in [
        ("fr", &wrote),
        ("es", &again),
        ("es", &missing),
        ("fr", &tested),
    ] {
        let left = english_left(out, lang, "cli.");
        assert!(left.is_empty(), "{left:?} in\n{out}");
    }
}

#[test]
fn french_help_is_pinned() {
    insta::assert_snapshot!("help_fr", everything(&["--lang", "fr", "--help"], &[]));
}

#[test]
fn the_vocabulary_reference_is_written_in_the_language() {
    for lang in ["fr", "es"] {
        for format in ["plain", "markdown"] {
            let out = fairpath(&["--lang", lang, "terms", "--format", format], &[]);
            assert!(out.len() > 1000, "{lang} {format}: {out}");
            let left = english_left(&out, lang, "terms.");
            assert!(left.is_empty(), "{lang} {format}: {left:?}");
            // Each term's and modifier's doc line is the language's, none left in English.
            let own: std::collections::HashMap<String, String> =
                catalogue(lang).into_iter().collect();
            let docs = catalogue("en");
            let docs = docs
                .iter()
                .filter(|(k, _)| k.starts_with("term.") || k.starts_with("modifier."));
            let mut count = 0;
            for (key, english) in docs {
                let theirs = &own[key];
                assert_ne!(theirs, english, "{lang}: `{key}` is not translated");
                assert!(out.contains(theirs.as_str()), "{lang} {format}: `{key}`");
                assert!(
                    !out.contains(english.as_str()),
                    "{lang} {format}: `{key}` in English"
                );
                count += 1;
            }
            let expected = fairpath::vocab::TERMS.len() + fairpath::vocab::MODIFIERS.len();
            assert_eq!(count, expected, "{lang}");
            // Every word a program can use is still shown as it is written.
            for term in fairpath::vocab::TERMS {
                assert!(out.contains(term.path), "{lang} {format}: {}", term.path);
            }
        }
    }
    let fr = fairpath(&["--lang", "fr", "terms", "--format", "markdown"], &[]);
    assert!(fr.contains("## Catégories de statut"), "{fr}");
    assert!(fr.contains("| plus protecteur |"), "{fr}");
    let es = fairpath(&["terms"], &[("LANG", "es_ES.UTF-8")]);
    assert!(es.contains("Modificadores de transiciones"), "{es}");
    // The JSON listing keeps stable codes whatever the language.
    let json = |lang| fairpath(&["--lang", lang, "terms", "--format", "json"], &[]);
    assert_eq!(json("fr"), json("en"));
    assert!(json("en").contains("\"more_protective\": \"not_worker\""));
}

#[test]
fn the_coverage_table_is_written_in_the_language() {
    let en = fairpath(&["rules", "--coverage"], &[]);
    assert!(en.starts_with("# Coverage of the legal brief"), "{en}");
    for lang in ["fr", "es"] {
        let out = fairpath(&["--lang", lang, "rules", "--coverage"], &[]);
        let left = english_left(&out, lang, "coverage.");
        assert!(left.is_empty(), "{lang}: {left:?}");
        // The same rows, in the same order.
        assert_eq!(out.lines().count(), en.lines().count(), "{lang}");
    }
}

/// A pack whose two rules cannot both be satisfied, and one that can never be violated.
const CONFLICTING: &str = "standard broken \"Broken\" {
  instrument X
  strength   binding
  duty       destination
  theme      governance
  rule broken.tied   { cites \"1\" summary \"s\" remedy \"r\" require permit.tied_to == employer }
  rule broken.free   { cites \"2\" summary \"s\" remedy \"r\" require permit.tied_to == none }
  rule broken.always { cites \"3\" summary \"s\" remedy \"r\" require permit.grace_period >= 0 days }
}";

#[test]
fn the_problems_verify_finds_are_written_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("broken.rules");
    std::fs::write(&pack, CONFLICTING).unwrap();
    let pack = pack.to_str().unwrap();
    let verify = |lang: &str, format: &str| {
        fairpath(
            &[
                "--lang",
                lang,
                "rules",
                "--verify",
                "--standard",
                pack,
                "--format",
                format,
            ],
            &[],
        )
    };
    let en = verify("en", "text");
    assert!(
        en.contains("conflict: `broken.tied` and `broken.free`"),
        "{en}"
    );
    assert!(
        en.contains("no generated program violates `broken.always`"),
        "{en}"
    );
    let fr = verify("fr", "text");
    assert!(
        fr.contains("conflit\u{a0}: `broken.tied` et `broken.free`"),
        "{fr}"
    );
    assert!(
        fr.contains("aucun programme généré n'enfreint `broken.always`"),
        "{fr}"
    );
    for (lang, out) in [("fr", &fr), ("es", &verify("es", "text"))] {
        let left = english_left(out, lang, "verify.");
        assert!(left.is_empty(), "{lang}: {left:?} in\n{out}");
    }
    // JSON keeps each problem's stable kind and gives its explanation in the language.
    let json: serde_json::Value = serde_json::from_str(&verify("es", "json")).unwrap();
    let problems = json["problems"].as_array().unwrap();
    let conflict = problems.iter().find(|p| p["kind"] == "conflict").unwrap();
    assert_eq!(
        conflict["rules"],
        serde_json::json!(["broken.tied", "broken.free"])
    );
    assert!(
        conflict["explanation"]
            .as_str()
            .unwrap()
            .starts_with("ningún programa generado cumple a la vez"),
        "{conflict}"
    );
    assert!(problems.iter().any(|p| p["kind"] == "never-violated"));
}

#[test]
fn french_puts_a_no_break_space_before_a_colon_between_translated_parts() {
    let fr = fairpath(
        &["check", NZ_RSE, "--format", "markdown", "--lang", "fr"],
        &[],
    );
    assert!(fr.contains("- Mesure corrective\u{a0}: "), "{fr}");
    assert!(fr.contains("- Force\u{a0}: "), "{fr}");
    assert!(!fr.contains("- Mesure corrective: "), "{fr}");
    let es = fairpath(
        &["check", NZ_RSE, "--format", "markdown", "--lang", "es"],
        &[],
    );
    assert!(es.contains("- Medida correctiva: "), "{es}");
    assert!(!es.contains("\u{a0}: "), "{es}");
}
