//! Reading standard packs: the pest walk from rule text to [`Pack`]s, with every condition
//! type-checked against the vocabulary.

use pest::iterators::Pair;
use pest::Parser;

use super::ast::*;
use crate::syntax::ast::{Span, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, Diagnostic};
use crate::syntax::parse::{
    list_value, name, significant, span_of, string_name, syntax_error, value, value_of_quantity,
    FairParser, Rule as R,
};
use crate::syntax::validate::type_value;
use crate::syntax::Source;
use crate::vocab::{self, Kind, Typed};

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
    ("domestic_workers", "sectors has domestic_work", "domestic workers (C189)"),
    ("agency_recruited", "recruitment.channel in [private_agency, mixed]", "workers recruited through private employment agencies"),
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
    let text = &source.text;
    let mut pairs =
        FairParser::parse(R::standard_file, text).map_err(|e| vec![syntax_error(text, e)])?;
    let file = pairs.next().expect("standard_file matched");
    let mut c = Compiler { diags: Vec::new() };
    let hash = super::fingerprint(text);
    let packs: Vec<Pack> = file
        .into_inner()
        .filter(|p| p.as_rule() == R::standard)
        .map(|p| c.pack(p, &source.name, &hash))
        .collect();
    if packs.is_empty() && c.diags.is_empty() {
        c.diags.push(
            Diagnostic::error(
                "fairpath::empty",
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
                    "fairpath::duplicate",
                    r.span,
                    format!("rule `{}` is defined twice", r.id),
                    "defined again",
                )
                .with_help(format!(
                    "rule ids are unique; the first is at byte {}",
                    first.start
                )),
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
                    "fairpath::unknown-field",
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
                    "fairpath::wrong-type",
                    v.span,
                    format!("`{}` takes a word or text", key.text),
                    "wrong kind of value",
                ));
                return;
            }
        };
        let allowed: Option<&[&str]> = match key.text.as_str() {
            "strength" => Some(STRENGTHS),
            "obligation" => Some(OBLIGATIONS),
            "verified" => Some(VERIFIED),
            "severity" => Some(&["normal", "high"]),
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
                "fairpath::unknown-value",
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
        for required in ["instrument", "cites", "strength", "summary", "remedy"] {
            if get(required).is_none() {
                self.diags.push(
                    Diagnostic::error(
                        "fairpath::missing-field",
                        span_of(&id_pair),
                        format!("rule `{id}` has no `{required}`"),
                        "incomplete rule",
                    )
                    .with_help(
                        "every rule states its instrument, citation, strength, summary and remedy",
                    ),
                );
            }
        }
        if checks.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    "fairpath::missing-field",
                    span_of(&id_pair),
                    format!("rule `{id}` has no `require` or `forbid`"),
                    "nothing to check",
                )
                .with_help("add `require condition` or `forbid condition`"),
            );
        }
        for s in &meta.scope {
            let cond_text = SCOPES.iter().find(|x| x.0 == s).map(|x| x.1).unwrap_or("");
            if !cond_text.is_empty() {
                applies.push(scope_condition(cond_text));
            }
        }
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
            strength,
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

    fn expr(&mut self, pair: Pair<R>) -> Cond {
        match pair.as_rule() {
            R::expr => {
                let mut parts: Vec<Cond> = significant(pair).map(|p| self.expr(p)).collect();
                if parts.len() == 1 {
                    parts.pop().expect("one part")
                } else {
                    Cond::Or(parts)
                }
            }
            R::conj => {
                let mut parts: Vec<Cond> = significant(pair).map(|p| self.expr(p)).collect();
                if parts.len() == 1 {
                    parts.pop().expect("one part")
                } else {
                    Cond::And(parts)
                }
            }
            R::negation => Cond::Not(Box::new(
                self.expr(significant(pair).next().expect("operand")),
            )),
            R::stated | R::unstated => {
                let stated = pair.as_rule() == R::stated;
                let p = significant(pair).next().expect("term");
                match self.term(p.as_str(), span_of(&p)) {
                    Some(t) if stated => Cond::Stated(t),
                    Some(t) => Cond::Unstated(t),
                    None => Cond::And(Vec::new()),
                }
            }
            R::comparison => self.comparison(pair),
            R::path_pred => self.path_pred(pair),
            R::transition_pred => self.transition_pred(pair),
            R::flow_pred => self.flow_pred(pair),
            r => unreachable!("condition {r:?}"),
        }
    }

    fn term(&mut self, path: &str, span: Span) -> Option<&'static vocab::Term> {
        if let Some(t) = vocab::term(path) {
            return Some(t);
        }
        let help = did_you_mean(path, vocab::TERMS.iter().map(|t| t.path))
            .unwrap_or_else(|| "see `fairpath terms` for the vocabulary".into());
        self.diags.push(
            Diagnostic::error(
                "fairpath::unknown-term",
                span,
                format!("unknown term `{path}`"),
                "not in the vocabulary",
            )
            .with_help(help),
        );
        None
    }

    fn comparison(&mut self, pair: Pair<R>) -> Cond {
        let mut inner = significant(pair);
        let tp = inner.next().expect("term");
        let op_pair = inner.next().expect("op");
        let vp = inner.next().expect("value");
        let Some(term) = self.term(tp.as_str(), span_of(&tp)) else {
            return Cond::And(Vec::new());
        };
        let op = match op_pair.as_str() {
            "==" => Op::Eq,
            "!=" => Op::Ne,
            ">=" => Op::Ge,
            "<=" => Op::Le,
            ">" => Op::Gt,
            "<" => Op::Lt,
            "has" => Op::Has,
            "lacks" => Op::Lacks,
            _ => Op::In,
        };
        let v = value(vp);
        let ordered = matches!(
            term.kind,
            Kind::Duration | Kind::Hours | Kind::Percent | Kind::Count
        ) || (matches!(term.kind, Kind::Enum(_))
            && term.better == vocab::Better::Ordered);
        let list = matches!(
            term.kind,
            Kind::EnumList(_) | Kind::PartyList | Kind::Countries
        );
        let ok = match op {
            Op::Eq | Op::Ne => !list,
            Op::Ge | Op::Le | Op::Gt | Op::Lt => ordered,
            Op::Has | Op::Lacks => list,
            Op::In => matches!(term.kind, Kind::Enum(_) | Kind::Party),
        };
        if !ok {
            self.diags.push(
                Diagnostic::error(
                    "fairpath::bad-operator",
                    span_of(&op_pair),
                    format!(
                        "`{}` cannot be compared with `{}`",
                        term.path,
                        op_pair.as_str()
                    ),
                    "wrong operator",
                )
                .with_help(format!("`{}` is {}", term.path, term.kind.describe())),
            );
            return Cond::And(Vec::new());
        }
        let operand_kind = match (op, term.kind) {
            (Op::Has | Op::Lacks, Kind::EnumList(a)) => Kind::Enum(a),
            (Op::Has | Op::Lacks, Kind::PartyList) => Kind::Party,
            (Op::Has | Op::Lacks, Kind::Countries) => Kind::Countries,
            (Op::In, Kind::Enum(a)) => Kind::EnumList(a),
            (Op::In, Kind::Party) => Kind::PartyList,
            (_, k) => k,
        };
        match type_value(term.path, operand_kind, &v) {
            Ok(value) => Cond::Compare { term, op, value },
            Err(d) => {
                self.diags.extend(d);
                Cond::And(Vec::new())
            }
        }
    }

    fn set(
        &mut self,
        pair: Pair<R>,
        allowed: &'static [&'static str],
        what: &str,
    ) -> Vec<&'static str> {
        let words = self.words(pair);
        words
            .into_iter()
            .filter_map(|(w, span)| match allowed.iter().find(|a| **a == w) {
                Some(a) => Some(*a),
                None => {
                    self.known(&w, span, allowed, what);
                    None
                }
            })
            .collect()
    }

    fn words(&mut self, pair: Pair<R>) -> Vec<(String, Span)> {
        let inner = significant(pair)
            .next()
            .expect("set holds a list or a word");
        match inner.as_rule() {
            R::word => vec![(inner.as_str().to_string(), span_of(&inner))],
            _ => match list_value(inner).kind {
                ValueKind::List { items } => items
                    .into_iter()
                    .filter_map(|v| match v.kind {
                        ValueKind::Word { word } => Some((word, v.span)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            },
        }
    }

    fn parties(&mut self, pair: Pair<R>) -> Vec<String> {
        let mut roles: Vec<&str> = vocab::BUILTIN_PARTIES.to_vec();
        roles.extend(vocab::PARTY_ROLES);
        let words = self.words(pair);
        words
            .into_iter()
            .filter(|(w, span)| self.known(w, *span, &roles, "party or role"))
            .map(|(w, _)| w)
            .collect()
    }

    fn path_pred(&mut self, pair: Pair<R>) -> Cond {
        let mut inner = significant(pair);
        let from = self.set(
            inner.next().expect("from"),
            vocab::STATUS_CATEGORIES,
            "status category",
        );
        let to = self.set(
            inner.next().expect("to"),
            vocab::STATUS_CATEGORIES,
            "status category",
        );
        let mut on = None;
        let mut avoiding = Vec::new();
        for p in inner {
            let rule = p.as_rule();
            let s = significant(p).next().expect("set");
            match rule {
                R::on_set => on = Some(self.set(s, vocab::TRIGGERS, "trigger")),
                _ => avoiding = self.set(s, vocab::STATUS_CATEGORIES, "status category"),
            }
        }
        Cond::Path {
            from,
            to,
            on,
            avoiding,
        }
    }

    fn transition_pred(&mut self, pair: Pair<R>) -> Cond {
        let (mut from, mut to, mut on, mut without_consent, mut by) =
            (None, None, None, Vec::new(), None);
        for p in significant(pair) {
            let rule = p.as_rule();
            let operand = significant(p).next().expect("operand");
            match rule {
                R::t_from => {
                    from = Some(self.set(operand, vocab::STATUS_CATEGORIES, "status category"))
                }
                R::t_to => {
                    to = Some(self.set(operand, vocab::STATUS_CATEGORIES, "status category"))
                }
                R::on_set => on = Some(self.set(operand, vocab::TRIGGERS, "trigger")),
                R::t_without => without_consent = self.parties(operand),
                _ => {
                    let v = value_of_quantity(operand);
                    match type_value("by", Kind::Duration, &v) {
                        Ok(Typed::Number(n)) => by = Some(n),
                        Ok(_) => {}
                        Err(d) => self.diags.extend(d),
                    }
                }
            }
        }
        Cond::Transition {
            from,
            to,
            on,
            without_consent,
            by,
        }
    }

    fn flow_pred(&mut self, pair: Pair<R>) -> Cond {
        let (mut from, mut to, mut costs, mut deducted) = (None, None, None, false);
        for p in significant(pair) {
            match p.as_rule() {
                R::deducted => deducted = true,
                R::t_from => from = Some(self.parties(significant(p).next().expect("set"))),
                R::t_to => to = Some(self.parties(significant(p).next().expect("set"))),
                _ => {
                    costs =
                        Some(self.set(significant(p).next().expect("set"), vocab::COSTS, "cost"))
                }
            }
        }
        Cond::Flow {
            from,
            to,
            costs,
            deducted,
        }
    }
}

/// Compiles a built-in scope condition; these are fixed text, checked by the tests.
fn scope_condition(text: &str) -> Cond {
    let mut pairs = FairParser::parse(R::expr, text).expect("built-in scope conditions parse");
    let mut c = Compiler { diags: Vec::new() };
    let cond = c.expr(pairs.next().expect("expr"));
    debug_assert!(
        c.diags.is_empty(),
        "scope condition `{text}`: {:?}",
        c.diags
    );
    cond
}
