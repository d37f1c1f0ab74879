//! Helpers shared by the integration tests.
#![allow(dead_code)]

use fairpath::model::Model;
use fairpath::syntax::{parse_file, Diagnostic, Parsed};

/// Parses `text`, panicking with the diagnostics if it is rejected.
pub fn parsed(text: &str) -> Parsed {
    parse_file("test.fair", text.as_bytes())
        .unwrap_or_else(|r| panic!("rejected: {:#?}", r.diagnostics()))
}

/// The codes of the diagnostics `text` is rejected with.
pub fn rejection_codes(bytes: &[u8]) -> Vec<String> {
    match parse_file("test.fair", bytes) {
        Ok(_) => Vec::new(),
        Err(r) => r
            .diagnostics()
            .iter()
            .map(|d| d.code_name().to_string())
            .collect(),
    }
}

/// The diagnostics `text` is rejected with.
pub fn rejection(bytes: &[u8]) -> Vec<Diagnostic> {
    parse_file("test.fair", bytes)
        .err()
        .map(|r| r.diagnostics().to_vec())
        .unwrap_or_default()
}

/// A compiled model of `text`, with its semantic diagnostics.
pub fn model(text: &str) -> (Model, Vec<Diagnostic>) {
    Model::compile(&parsed(text))
}

/// A small program wrapping `body`.
pub fn program(body: &str) -> String {
    format!("program \"T\" {{\n{body}\n}}\n")
}

/// `fairpath ARGS FILE` on a file holding `text`: the exit code and standard output.
pub fn run(text: &str, args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.fair");
    std::fs::write(&path, text).unwrap();
    let out = assert_cmd::Command::cargo_bin("fairpath")
        .unwrap()
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Headless Chromium with the flags every browser test uses and a profile of its own in
/// `profile`; the caller adds its own flags and the page.
pub fn headless(chromium: &str, profile: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}
