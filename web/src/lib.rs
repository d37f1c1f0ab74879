//! fairpath in the browser: the engine compiled to WebAssembly for the playground (`web/`).
//! Everything runs in the page; nothing is sent anywhere.
//!
//! The bindings live in this small crate of their own because the code `wasm-bindgen` generates
//! is unsafe, and the engine's crate forbids unsafe code. Build with `web/build.sh`.

use std::sync::OnceLock;

use fairpath::report::html;
use fairpath::rules::Engine;
use fairpath::syntax::{Diagnostic, Source};
use fairpath::vocab::Date;
use fairpath::{Options, Session};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// One problem in the program, placed by line and column.
#[derive(Debug, Serialize)]
struct Problem {
    line: usize,
    column: usize,
    severity: &'static str,
    code: String,
    message: String,
    help: Option<String>,
}

/// What the page shows: the HTML report when the program could be checked, and its problems.
#[derive(Debug, Serialize)]
struct Shown {
    report: Option<String>,
    problems: Vec<Problem>,
    counts: Option<[usize; 4]>,
}

/// The shipped packs, compiled once.
fn packs() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::embedded)
}

/// Checks `text` (the program `name`) against the shipped packs, judging bindingness today
/// (`today_ms`, the page's clock in milliseconds since 1970) where the program states no date.
/// Returns JSON: `report` (the HTML report, or null when the program is rejected), `problems`
/// (line, column, severity, code, message, help) and `counts` (violated, unstated, satisfied,
/// not applicable).
#[wasm_bindgen]
pub fn check(name: &str, text: &str, today_ms: f64) -> String {
    let mut engine = packs().clone();
    engine.today = Date::from_unix_ms(today_ms);
    let session = Session::with_engine(engine, &Options::default());
    let shown = match session.check(name, text.as_bytes()) {
        Ok(c) => {
            let problems = problems(&c.source, &c.warnings);
            Shown {
                report: Some(html(&fairpath::report::Words::english(), &c)),
                counts: Some(c.counts()),
                problems,
            }
        }
        Err(rejected) => Shown {
            report: None,
            counts: None,
            problems: problems(rejected.source(), rejected.diagnostics()),
        },
    };
    serde_json::to_string(&shown).unwrap_or_default()
}

fn problems(source: &Source, diags: &[Diagnostic]) -> Vec<Problem> {
    diags
        .iter()
        .map(|d| {
            let (line, column) = source.line_col(d.span().start);
            Problem {
                line,
                column,
                severity: match d.severity() {
                    fairpath::syntax::Severity::Error => "error",
                    _ => "warning",
                },
                code: d.code_name().to_string(),
                message: d.message().to_string(),
                help: d.help().map(str::to_string),
            }
        })
        .collect()
}

/// The bundled programs as JSON: `[{"name": …, "text": …}]`, the examples first.
#[wasm_bindgen]
pub fn examples() -> String {
    let list: Vec<_> = EXAMPLES
        .iter()
        .map(|(name, text)| serde_json::json!({"name": name, "text": text}))
        .collect();
    serde_json::Value::from(list).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_is_reported_and_a_broken_one_placed() {
        let (_, tied) = EXAMPLES
            .iter()
            .find(|(n, _)| *n == "employer-tied-temporary.fair")
            .unwrap();
        let shown: serde_json::Value =
            serde_json::from_str(&check("tied.fair", tied, 1.7e12)).unwrap();
        assert!(shown["report"]
            .as_str()
            .unwrap()
            .contains("id=\"c143.art14.a\""));
        assert!(shown["counts"][0].as_u64().unwrap() > 0);
        let broken: serde_json::Value = serde_json::from_str(&check(
            "b.fair",
            "program \"P\" {\n  kynd seasonal\n}\n",
            0.0,
        ))
        .unwrap();
        assert!(broken["report"].is_null());
        assert_eq!(broken["problems"][0]["line"], 2);
        assert_eq!(broken["problems"][0]["code"], "fairpath::unknown-term");
    }

    #[test]
    fn every_bundled_program_is_offered() {
        let list: serde_json::Value = serde_json::from_str(&examples()).unwrap();
        let names: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.first(), Some(&"domestic-worker-agreement.fair"));
        assert!(names.contains(&"canada-sawp.fair") && names.contains(&"reference.fair"));
    }
}
