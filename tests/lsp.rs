//! `fairpath lsp` as an editor drives it: initialize, open a document with errors, receive
//! diagnostics, hover, complete, go to a definition, format, fix and shut down.

#[path = "common/lsp.rs"]
mod client;

use client::{at, Client};
use serde_json::{json, Value};

const URI: &str = "file:///work/permit.fair";
const TIED: &str = include_str!("../policies/examples/employer-tied-temporary.fair");

fn start(findings: &str) -> Client {
    start_in(findings, "C")
}

/// A server started in the language `locale` names.
fn start_in(findings: &str, locale: &str) -> Client {
    let (client, init) = Client::start_with(
        env!("CARGO_BIN_EXE_fairpath"),
        json!({"findings": findings}),
        &[("LC_ALL", locale)],
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentFormattingProvider"], true);
    assert_eq!(init["serverInfo"]["name"], "fairpath");
    client
}

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

fn labels(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect()
}

/// Line and UTF-16 column of the first `needle` in `text`, plus `shift` columns.
fn find(text: &str, needle: &str, shift: u32) -> (u32, u32) {
    let i = text.find(needle).unwrap();
    let line = text[..i].matches('\n').count() as u32;
    let col = text[..i]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count() as u32;
    (line, col + shift)
}

#[test]
fn a_session_from_errors_to_a_clean_shutdown() {
    let mut lsp = start("violations");
    let broken = "program \"Pilot\" {\n  kind seasonal\n  permit {\n    grace_perod 6 months\n    tied_to employer\n  }\n";
    lsp.open(URI, broken);
    let diags = lsp.diagnostics(URI);
    assert_eq!(
        codes(&diags),
        ["fairpath::syntax", "fairpath::unknown-term"],
        "{diags:#?}"
    );
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "fairpath::unknown-term")
        .unwrap();
    assert_eq!(
        unknown["range"]["start"],
        json!({"line": 3, "character": 4})
    );
    assert!(unknown["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `grace_period`?"));

    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": unknown["range"], "context": {"diagnostics": []}}),
    );
    let fix = &actions[0];
    assert_eq!(fix["title"], "replace `grace_perod` with `grace_period`");
    assert_eq!(fix["edit"]["changes"][URI][0]["newText"], "grace_period");

    lsp.change(URI, 2, TIED);
    let diags = lsp.diagnostics(URI);
    assert!(codes(&diags).contains(&"c143.art14.a"), "{diags:#?}");
    let (line, col) = find(TIED, "tied_to", 0);
    let art14 = diags.iter().find(|d| d["code"] == "c143.art14.a").unwrap();
    assert_eq!(
        art14["range"]["start"],
        json!({"line": line, "character": col})
    );
    assert!(
        !codes(&diags).iter().any(|c| c.starts_with("c097.art1")),
        "silences are not shown with `violations`"
    );

    let hover = lsp.request("textDocument/hover", at(URI, line, col + 2));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**`permit.tied_to`**"), "{text}");
    assert!(text.contains("`c143.art14.a` — C143 Art. 14(a)"), "{text}");
    assert!(
        text.contains("*Remedy:*"),
        "a finding is shown where it points: {text}"
    );

    let (line, col) = find(TIED, "tied_to   employer", 10);
    let values = lsp.request("textDocument/completion", at(URI, line, col));
    assert!(labels(&values).contains(&"none"), "{values}");
    let (line, _) = find(TIED, "    grace_period", 0);
    let keys = lsp.request("textDocument/completion", at(URI, line, 4));
    let keys = labels(&keys);
    assert!(keys.contains(&"grace_period") && keys.contains(&"employer_change"));
    assert!(!keys.contains(&"kind"), "only the terms of `permit`");
    let (line, col) = find(TIED, "-> job_seeking on job_loss", 3);
    let status = lsp.request("textDocument/definition", at(URI, line, col));
    let (decl, _) = find(TIED, "    job_seeking job_seeking", 0);
    assert_eq!(
        status["range"]["start"],
        json!({"line": decl, "character": 4})
    );
    let refs = lsp.request(
        "textDocument/references",
        json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": col}, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().unwrap().len(), 5, "{refs}");

    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"permit") && names.contains(&"statuses"),
        "{names:?}"
    );

    let messy = "program \"Pilot\" {\nkind   seasonal // what\n}\n";
    lsp.change(URI, 3, messy);
    lsp.diagnostics(URI);
    let edits = lsp.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let (_, program) = fairpath::syntax::read_program("m.fair", messy.as_bytes()).unwrap();
    let expected = fairpath::syntax::format::format_program(&program, messy);
    assert_eq!(edits[0]["newText"], expected);
    assert_eq!(
        expected,
        "program \"Pilot\" {\n  kind seasonal  // what\n}\n"
    );

    assert_eq!(lsp.shutdown(), Some(0));
}

#[test]
fn the_findings_setting_changes_what_is_published() {
    let mut lsp = start("off");
    lsp.open(URI, TIED);
    assert!(lsp.diagnostics(URI).is_empty(), "no findings, no errors");
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"fairpath": {"findings": "all"}}}),
    );
    let diags = lsp.diagnostics(URI);
    assert!(
        diags.iter().any(|d| d["severity"] == 3),
        "silences as information"
    );
    assert!(codes(&diags).contains(&"c143.art14.a"));
    assert_eq!(lsp.shutdown(), Some(0));
}

#[test]
fn hover_and_completion_describe_terms_in_the_server_language() {
    let tied_to = fairpath::vocab::term("permit.tied_to").unwrap();
    let grace = fairpath::vocab::term("permit.grace_period").unwrap();
    let (line, col) = find(TIED, "tied_to", 2);
    let (keys_line, _) = find(TIED, "    grace_period", 0);
    for (locale, doc, grace_doc, label) in [
        (
            "fr_FR.UTF-8",
            "ce à quoi le permis lie le travailleur",
            "le délai pour trouver un nouvel emploi après la perte d'un emploi, le permis étant conservé",
            "*type*\u{a0}: ",
        ),
        (
            "es_ES.UTF-8",
            "a qué vincula el permiso al trabajador",
            "el plazo para encontrar un nuevo empleo tras perder el anterior, conservando el permiso",
            "*tipo*: ",
        ),
        ("C", tied_to.doc, grace.doc, "*type*: "),
    ] {
        let mut lsp = start_in("violations", locale);
        lsp.open(URI, TIED);
        lsp.diagnostics(URI);
        let hover = lsp.request("textDocument/hover", at(URI, line, col));
        let text = hover["contents"]["value"].as_str().unwrap();
        assert!(text.contains(&format!("**`permit.tied_to`** — {doc}")), "{text}");
        assert!(text.contains(label), "{locale}: {text}");
        if locale != "C" {
            assert!(!text.contains(tied_to.doc), "{locale}: {text}");
        }
        let keys = lsp.request("textDocument/completion", at(URI, keys_line, 4));
        let item = keys
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "grace_period")
            .unwrap();
        assert_eq!(item["documentation"], grace_doc, "{locale}");
        assert_eq!(lsp.shutdown(), Some(0));
    }
}
