//! The coverage of the legal brief (`fairpath rules --coverage`) in Markdown, in the report's
//! language: the brief's summary table mapped to rules (`rules::coverage` gives the rows), and
//! the rules that go beyond it. The provisions, reasons and notes are the table's own words.

use std::fmt::Write;

use super::evidence::Join;
use super::Words;
use crate::rules::coverage::rows;
use crate::rules::Engine;
use crate::t;

/// The coverage table in Markdown, with the rules that go beyond the brief's table.
pub fn markdown(w: &Words, engine: &Engine) -> String {
    let lang = w.lang;
    let rows = rows();
    let columns: Vec<String> = ["provision", "rules", "strength", "notes"]
        .iter()
        .map(|c| t!(lang, &format!("coverage.column.{c}")))
        .collect();
    let mut out = format!(
        "# {}\n\n{}\n\n| {} |\n|---|---|---|---|\n",
        t!(lang, "coverage.title"),
        t!(lang, "coverage.intro"),
        columns.join(" | ")
    );
    for r in &rows {
        let ids: Vec<String> = r.rules.iter().map(|id| format!("`{id}`")).collect();
        let mut strength: Vec<String> = Vec::new();
        for rule in r.rules.iter().filter_map(|id| engine.rule(id)) {
            let s = t!(lang, &format!("strength.{}", rule.strength.word()));
            if !strength.contains(&s) {
                strength.push(s);
            }
        }
        let notes = r
            .reason
            .as_deref()
            .map(|x| t!(lang, "coverage.not_checkable", reason = x))
            .or(r.note.clone())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            r.provision,
            if ids.is_empty() {
                "—".into()
            } else {
                ids.join(", ")
            },
            w.list(&strength, Join::And),
            notes
        );
    }
    let named: Vec<&String> = rows.iter().flat_map(|r| &r.rules).collect();
    let beyond: Vec<_> = engine.rules().filter(|r| !named.contains(&&r.id)).collect();
    let _ = writeln!(
        out,
        "\n## {}\n\n{}\n",
        t!(lang, "coverage.beyond"),
        t!(lang, "coverage.beyond_intro")
    );
    for r in beyond {
        let _ = writeln!(
            out,
            "- `{}` ({}){}{}",
            r.id,
            r.cites,
            w.colon(),
            w.rule(r).summary
        );
    }
    out
}
