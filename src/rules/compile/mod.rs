//! Reading standard packs: the pest walk from rule text to [`Pack`]s, with every condition
//! type-checked against the vocabulary.

mod conditions;

use std::sync::OnceLock;

use pest::iterators::Pair;
use pest::Parser;

use super::ast::*;
use crate::syntax::ast::{Span, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::syntax::parse::{
    name, significant, span_of, string_name, syntax_error, value, FairParser, Rule as R,
};
use crate::syntax::Source;

/// Scopes a rule can name, each the condition that puts a program in it, and what it means.
pub const SCOPES: &[(&str, &str, &str)] = &[
    ("workers", "", "all workers"),
    ("all_migrant_workers", "", "all migrant workers, irregular ones included"),
    (
        "migrants_for_employment",
        "unstated worker_category or worker_category in [migrant_worker, trainee, posted_worker]",
        "migrants for employment (C097 Art 11: not frontier workers, seafarers or artists)",
    ),
    (
        "lawful_migrant_workers",
        "(unstated worker_category or worker_category in [migrant_worker, trainee]) and (unstated training_purpose or training_purpose == no)",
        "migrant workers lawfully in the territory (C143 Art 11(2): not frontier, posted, seafarers, artistes or those who come specifically for training)",
    ),
    ("permanent_admission", "admission == permanent or (unstated admission and kind == permanent)", "migrants admitted on a permanent basis"),
    ("annex_i", "recruitment.channel != government_to_government", "migrants recruited otherwise than under government-sponsored group transfer (C097 Annex I)"),
    ("annex_ii", "recruitment.channel == government_to_government", "migrants recruited under government-sponsored group transfer (C097 Annex II)"),
    ("domestic_workers", "sectors has domestic_work or (sectors has care and accommodation.live_in_required == yes)", "domestic workers (C189 Art 1: work in or for a household), live-in care workers included"),
    ("agency_recruited", "recruitment.channel in [private_agency, mixed] or (flow to agency and (unstated recruitment.channel or recruitment.channel != public_agency))", "workers recruited through private employment agencies, or who pay an agency"),
];

const RULE_FIELDS: &[&str] = &[
    "instrument",
    "part",
    "cites",
    "strength",
    "obligation",
    "scope",
    "summary",
    "rationale",
    "remedy",
    "example",
    "verified",
    "severity",
    "duty",
    "element_of",
];
const STRENGTHS: &[&str] = &["binding", "promotional", "guidance"];
const OBLIGATIONS: &[&str] = &[
    "shall",
    "conditional",
    "progressive",
    "ceiling",
    "should",
    "principle",
];
const VERIFIED: &[&str] = &["V1", "V2", "V3", "UNVERIFIED"];

/// Reads the packs in one rule file.
pub fn compile_packs(source: &Source) -> Result<Vec<Pack>, Vec<Diagnostic>> {
    let text = source.text();
    let mut pairs =
        FairParser::parse(R::standard_file, text).map_err(|e| vec![syntax_error(text, e)])?;
    let file = pairs.next().expect("standard_file matched");
    let mut c = Compiler { diags: Vec::new() };
    let hash = super::fingerprint(text);
    let packs: Vec<Pack> = file
        .into_inner()
        .filter(|p| p.as_rule() == R::standard)
        .map(|p| c.pack(p, source.name(), &hash))
        .collect();
    if packs.is_empty() && c.diags.is_empty() {
        c.diags.push(
            Diagnostic::error(
                Code::Empty,
                Span::new(0, 0),
                "rule file has no `standard` block",
                "nothing here",
            )
            .with_help("a pack starts `standard my-pack \"Title\" { rule id { … } }`"),
        );
    }
    let mut seen = std::collections::BTreeMap::new();
    for r in packs.iter().flat_map(|p| &p.rules) {
        if let Some(first) = seen.insert(r.id.clone(), r.span) {
            c.diags.push(
                Diagnostic::error(
                    Code::Duplicate,
                    r.span,
                    format!("rule `{}` is defined twice", r.id),
                    "defined again",
                )
                .with_label(first, "first defined here")
                .with_help("rule ids are unique; rename one of the two"),
            );
        }
    }
    if c.diags.is_empty() {
        Ok(packs)
    } else {
        Err(c.diags)
    }
}

struct Compiler {
    diags: Vec<Diagnostic>,
}

#[derive(Default, Clone)]
struct Meta {
    fields: std::collections::BTreeMap<String, (String, Span)>,
    scope: Vec<String>,
}

impl Compiler {
    fn pack(&mut self, pair: Pair<R>, origin: &str, hash: &str) -> Pack {
        let mut inner = significant(pair);
        let id = inner.next().expect("pack id").as_str().to_string();
        let title = string_name(inner.next().expect("pack title")).text;
        let mut defaults = Meta::default();
        let mut rules = Vec::new();
        for p in inner {
            match p.as_rule() {
                R::field => self.meta_field(p, &mut defaults),
                R::rule_def => {
                    if let Some(r) = self.rule(p, &id, &defaults) {
                        rules.push(r);
                    }
                }
                r => unreachable!("pack part {r:?}"),
            }
        }
        Pack {
            id,
            title,
            origin: origin.to_string(),
            hash: hash.to_string(),
            rules,
        }
    }

    fn meta_field(&mut self, pair: Pair<R>, meta: &mut Meta) {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let key = name(inner.next().expect("key"));
        let v = value(inner.next().expect("value"));
        if !RULE_FIELDS.contains(&key.text.as_str()) {
            let help = did_you_mean(&key.text, RULE_FIELDS.iter().copied())
                .unwrap_or_else(|| format!("rule fields are {}", RULE_FIELDS.join(", ")));
            self.diags.push(
                Diagnostic::error(
                    Code::UnknownField,
                    key.span,
                    format!("unknown rule field `{}`", key.text),
                    "not a rule field",
                )
                .with_help(help),
            );
            return;
        }
        let text = match &v.kind {
            ValueKind::Word { word } => word.clone(),
            ValueKind::Text { text } => text.clone(),
            ValueKind::List { items } if key.text == "scope" => {
                meta.scope = Vec::new();
                for it in items {
                    if let ValueKind::Word { word } = &it.kind {
                        if self.known(
                            word,
                            it.span,
                            &SCOPES.iter().map(|s| s.0).collect::<Vec<_>>(),
                            "scope",
                        ) {
                            meta.scope.push(word.clone());
                        }
                    }
                }
                return;
            }
            _ => {
                self.diags.push(Diagnostic::error(
                    Code::WrongType,
                    v.span,
                    format!("`{}` takes a word or text", key.text),
                    "wrong kind of value",
                ));
                return;
            }
        };
        let duties: Vec<&str> = Duty::ALL.iter().map(|(_, w)| *w).collect();
        let allowed: Option<&[&str]> = match key.text.as_str() {
            "strength" => Some(STRENGTHS),
            "obligation" => Some(OBLIGATIONS),
            "verified" => Some(VERIFIED),
            "severity" => Some(&["normal", "high"]),
            "duty" => Some(&duties),
            _ => None,
        };
        if let Some(allowed) = allowed {
            if !self.known(&text, v.span, allowed, &key.text) {
                return;
            }
        }
        if key.text == "scope" {
            if self.known(
                &text,
                v.span,
                &SCOPES.iter().map(|s| s.0).collect::<Vec<_>>(),
                "scope",
            ) {
                meta.scope = vec![text];
            }
            return;
        }
        meta.fields.insert(key.text, (text, span));
    }

    fn known(&mut self, word: &str, span: Span, allowed: &[&str], what: &str) -> bool {
        if allowed.contains(&word) {
            return true;
        }
        let help = did_you_mean(word, allowed.iter().copied())
            .unwrap_or_else(|| format!("one of {}", allowed.join(", ")));
        self.diags.push(
            Diagnostic::error(
                Code::UnknownValue,
                span,
                format!("`{word}` is not a {what}"),
                format!("unknown {what}"),
            )
            .with_help(help),
        );
        false
    }

    fn rule(&mut self, pair: Pair<R>, pack: &str, defaults: &Meta) -> Option<Rule> {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let id_pair = inner.next().expect("rule id");
        let id = id_pair.as_str().to_string();
        let mut meta = defaults.clone();
        let mut applies = Vec::new();
        let mut checks = Vec::new();
        let before = self.diags.len();
        for p in inner {
            match p.as_rule() {
                R::field => self.meta_field(p, &mut meta),
                R::applies => applies.push(self.expr(significant(p).next().expect("expr"))),
                R::require => checks.push((
                    Polarity::Require,
                    self.expr(significant(p).next().expect("expr")),
                )),
                R::forbid => checks.push((
                    Polarity::Forbid,
                    self.expr(significant(p).next().expect("expr")),
                )),
                r => unreachable!("rule part {r:?}"),
            }
        }
        let get = |k: &str| meta.fields.get(k).map(|(v, _)| v.clone());
        for required in [
            "instrument",
            "cites",
            "strength",
            "duty",
            "summary",
            "remedy",
        ] {
            if get(required).is_none() {
                self.diags.push(
                    Diagnostic::error(
                        Code::MissingField,
                        span_of(&id_pair),
                        format!("rule `{id}` has no `{required}`"),
                        "incomplete rule",
                    )
                    .with_help(
                        "every rule states its instrument, citation, strength, duty bearer, summary and remedy",
                    ),
                );
            }
        }
        if checks.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    span_of(&id_pair),
                    format!("rule `{id}` has no `require` or `forbid`"),
                    "nothing to check",
                )
                .with_help("add `require condition` or `forbid condition`"),
            );
        }
        applies.extend(
            meta.scope
                .iter()
                .filter_map(|s| scope_condition(s))
                .cloned(),
        );
        if self.diags.len() > before {
            return None;
        }
        let strength = match get("strength").as_deref() {
            Some("binding") => Strength::Binding,
            Some("promotional") => Strength::Promotional,
            _ => Strength::Guidance,
        };
        Some(Rule {
            id,
            pack: pack.to_string(),
            instrument: get("instrument").unwrap_or_default(),
            part: get("part"),
            cites: get("cites").unwrap_or_default(),
            element_of: get("element_of"),
            strength,
            duty: get("duty")
                .as_deref()
                .and_then(Duty::from_word)
                .unwrap_or(Duty::Destination),
            obligation: get("obligation").unwrap_or_else(|| {
                if strength == Strength::Binding {
                    "shall"
                } else {
                    "should"
                }
                .into()
            }),
            scope: meta.scope.clone(),
            summary: get("summary").unwrap_or_default(),
            rationale: get("rationale").unwrap_or_default(),
            remedy: get("remedy").unwrap_or_default(),
            example: get("example").unwrap_or_default(),
            verified: get("verified").unwrap_or_else(|| "UNVERIFIED".into()),
            high: get("severity").as_deref() == Some("high"),
            span,
            applies,
            checks,
        })
    }
}

/// The condition that puts a program in the scope `name`, or `None` for scopes that cover every
/// program. The built-in conditions are compiled once.
fn scope_condition(name: &str) -> Option<&'static Cond> {
    static COMPILED: OnceLock<Vec<Option<Cond>>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(|| {
        SCOPES
            .iter()
            .map(|(_, text, _)| {
                (!text.is_empty()).then(|| {
                    let mut pairs =
                        FairParser::parse(R::expr, text).expect("built-in scope conditions parse");
                    let mut c = Compiler { diags: Vec::new() };
                    let cond = c.expr(pairs.next().expect("expr"));
                    assert!(
                        c.diags.is_empty(),
                        "scope condition `{text}`: {:?}",
                        c.diags
                    );
                    cond
                })
            })
            .collect()
    });
    SCOPES
        .iter()
        .position(|s| s.0 == name)
        .and_then(|i| compiled[i].as_ref())
}
