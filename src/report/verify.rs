//! The problems `fairpath rules --verify` finds in rule packs, in the report's language: each as
//! plain text, and as JSON that keeps the stable code of its kind beside the words.

use serde_json::{json, Value};

use super::evidence::Join;
use super::Words;
use crate::rules::verify::{Flaw, Problem};
use crate::t;

impl Words {
    /// What a problem's witness shows.
    pub fn explanation(&self, p: &Problem) -> String {
        let lang = self.lang;
        let key = format!("verify.explain.{}", p.kind.code());
        let rule = p.rules.first().map_or("", String::as_str);
        match p.kind {
            Flaw::Conflict => {
                let other = p.rules.get(1).map_or("", String::as_str);
                t!(lang, &key, rule = rule, other = other)
            }
            Flaw::NeverSatisfied | Flaw::NeverViolated => t!(lang, &key, rule = rule),
        }
    }

    /// The name of a problem's kind (`never satisfied`).
    pub fn flaw(&self, kind: Flaw) -> String {
        t!(self.lang, &format!("verify.kind.{}", kind.code()))
    }
}

/// Problems as plain text: the kind and the rules, what the witness shows, and the witness
/// program, indented.
pub fn plain(w: &Words, problems: &[Problem]) -> String {
    let mut out = String::new();
    for p in problems {
        let rules: Vec<String> = p.rules.iter().map(|r| format!("`{r}`")).collect();
        out.push_str(&format!(
            "{}{}{}",
            w.flaw(p.kind),
            w.colon(),
            w.list(&rules, Join::And)
        ));
        out.push_str(&format!("\n  {}\n", w.explanation(p)));
        for line in p.witness.lines() {
            out.push_str(&format!("    {line}\n"));
        }
        out.push('\n');
    }
    out
}

/// Problems as JSON: `kind` is the stable code, `explanation` in the report's language.
pub fn json(w: &Words, problems: &[Problem]) -> Value {
    let problems: Vec<Value> = problems
        .iter()
        .map(|p| {
            json!({
                "kind": p.kind.code(),
                "rules": p.rules,
                "explanation": w.explanation(p),
                "witness": p.witness,
            })
        })
        .collect();
    json!({ "problems": problems })
}
