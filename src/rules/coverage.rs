//! How the packs cover the legal brief: every provision of its summary table mapped to rules, or
//! to the reason program terms cannot show it (`policies/coverage.toml`). The table in words is
//! written in `report::coverage`.

use serde::Deserialize;

use super::Engine;

/// One provision of the brief's summary table.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    /// The provision, as the brief names it.
    pub provision: String,
    /// The rules that check it.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Why no rule checks it.
    pub reason: Option<String>,
    /// A remark on partial coverage.
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct File {
    row: Vec<Row>,
}

/// The shipped coverage table. The table is fixed at build time and checked by the test suite
/// (`tests/packs.rs` compares the generated document with `docs/coverage.md`); were it not to
/// parse, the table would be empty rather than a panic.
pub fn rows() -> Vec<Row> {
    toml::from_str::<File>(include_str!("../../policies/coverage.toml"))
        .map(|f| f.row)
        .unwrap_or_default()
}

/// Rule ids the table names that `engine` does not define.
pub fn unknown_rules(engine: &Engine) -> Vec<String> {
    rows()
        .into_iter()
        .flat_map(|r| r.rules)
        .filter(|id| engine.rule(id).is_none())
        .collect()
}
