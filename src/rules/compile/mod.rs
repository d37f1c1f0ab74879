//! Reading standard packs: the pest walk from rule text to [`Pack`]s, with every condition
//! type-checked against the vocabulary.

mod conditions;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use pest::iterators::Pair;
use pest::Parser;

use super::ast::*;
use crate::syntax::ast::{Name, Span, Value, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, msg, Arg, Code, Diagnostic, Text};
use crate::syntax::parse::{
    name, significant, span_of, string_name, syntax_error, value, FairParser, Rule as R,
};
use crate::syntax::Source;
use crate::vocab::Lang;

/// Scopes a rule can name, each with the condition that puts a program in it; what each means,
/// in words, is in the catalogues (`scope.<name>`).
pub const SCOPES: &[(&str, &str)] = &[
    ("workers", ""),
    ("all_migrant_workers", ""),
    (
        "migrants_for_employment",
        "unstated worker_category or worker_category in [migrant_worker, trainee, posted_worker]",
    ),
    (
        "lawful_migrant_workers",
        "(unstated worker_category or worker_category in [migrant_worker, trainee]) and (unstated training_purpose or training_purpose == no)",
    ),
    ("permanent_admission", "admission == permanent or (unstated admission and kind == permanent)"),
    ("annex_i", "recruitment.channel != government_to_government"),
    ("annex_ii", "recruitment.channel == government_to_government"),
    ("domestic_workers", "sectors has domestic_work or (sectors has care and accommodation.live_in_required == yes)"),
    ("agency_recruited", "recruitment.channel in [private_agency, mixed] or (flow to agency and (unstated recruitment.channel or recruitment.channel != public_agency))"),
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
    "theme",
    "element_of",
];
/// The fields of a translation block (`fr { … }`): the texts it translates, all required, and
/// `checked`, the official text its terminology was checked against.
const TRANSLATED_FIELDS: &[&str] = &["summary", "rationale", "remedy", "checked"];
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
    // The limits programs have: size, encoding and nesting, before the parser recurses.
    if let Err(e) = crate::syntax::source::decode(text.as_bytes()) {
        if e.1.code() != Some(crate::syntax::Code::Empty) {
            return Err(vec![e.1]);
        }
    }
    if let Some(at) = long_negation(text) {
        return Err(vec![Diagnostic::error(
            crate::syntax::Code::TooDeep,
            Span::new(at, at + 3),
            msg!(
                "too-deep.negation",
                depth = crate::syntax::source::MAX_DEPTH
            ),
            msg!("too-deep.label"),
        )
        .with_help(msg!("too-deep.negation-help"))]);
    }
    let mut pairs =
        FairParser::parse(R::standard_file, text).map_err(|e| vec![syntax_error(text, e)])?;
    let mut c = Compiler { diags: Vec::new() };
    let Some(file) = pairs.next() else {
        c.unreadable(Span::new(0, 0));
        return Err(c.diags);
    };
    let hash = super::fingerprint(text);
    let packs: Vec<Pack> = file
        .into_inner()
        .filter(|p| p.as_rule() == R::standard)
        .filter_map(|p| c.pack(p, source.name(), &hash))
        .collect();
    if packs.is_empty() && c.diags.is_empty() {
        c.diags.push(
            Diagnostic::error(
                Code::Empty,
                Span::new(0, 0),
                msg!("empty.pack"),
                msg!("empty.label"),
            )
            .with_help(msg!("empty.pack-help")),
        );
    }
    let mut seen = std::collections::BTreeMap::new();
    for r in packs.iter().flat_map(|p| &p.rules) {
        if let Some(first) = seen.insert(r.id.clone(), r.span) {
            c.diags.push(
                Diagnostic::error(
                    Code::Duplicate,
                    r.span,
                    msg!("duplicate.rule", id = &r.id),
                    msg!("duplicate.rule-label"),
                )
                .with_label(first, msg!("duplicate.rule-first"))
                .with_help(msg!("duplicate.rule-help")),
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
    /// Reports a clause the walk could not read although the grammar matched it (the grammar and
    /// the walk disagree: a bug, reported, never a panic), and returns the condition that stands
    /// in for it.
    fn unreadable(&mut self, span: Span) -> Cond {
        self.diags.push(Diagnostic::error(
            Code::Syntax,
            span,
            msg!("syntax.unreadable"),
            msg!("syntax.unreadable-label"),
        ));
        Cond::And(Vec::new())
    }

    /// The first significant part of `pair`, or `None` with the clause reported unreadable.
    fn first<'i>(&mut self, pair: Pair<'i, R>) -> Option<Pair<'i, R>> {
        let span = span_of(&pair);
        let first = significant(pair).next();
        if first.is_none() {
            self.unreadable(span);
        }
        first
    }

    /// The condition that is the first significant part of `pair`.
    fn operand(&mut self, pair: Pair<R>) -> Cond {
        match self.first(pair) {
            Some(p) => self.expr(p),
            None => Cond::And(Vec::new()),
        }
    }

    fn pack(&mut self, pair: Pair<R>, origin: &str, hash: &str) -> Option<Pack> {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let (Some(id), Some(title)) = (inner.next(), inner.next()) else {
            self.unreadable(span);
            return None;
        };
        let id = id.as_str().to_string();
        let title = string_name(title).text;
        let mut defaults = Meta::default();
        let mut rules = Vec::new();
        for p in inner {
            match p.as_rule() {
                R::field => self.meta_field(p, &mut defaults),
                R::rule_def => {
                    if let Some(r) = self.rule(p, &id, &defaults) {
                        rules.push(std::sync::Arc::new(r));
                    }
                }
                _ => {
                    self.unreadable(span_of(&p));
                }
            }
        }
        Some(Pack {
            id,
            title,
            origin: origin.to_string(),
            hash: hash.to_string(),
            rules,
        })
    }

    /// The key and value of a `key value` field, or `None` with the clause reported unreadable.
    fn key_value(&mut self, pair: Pair<R>) -> Option<(Name, Value)> {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let (Some(key), Some(v)) = (inner.next(), inner.next()) else {
            self.unreadable(span);
            return None;
        };
        Some((name(key), value(v)))
    }

    /// Whether `key` is one of `fields`; reports it otherwise (`what`: "rule", "translation").
    fn known_field(&mut self, key: &Name, fields: &[&str], what: &str) -> bool {
        if fields.contains(&key.text.as_str()) {
            return true;
        }
        let help = did_you_mean(&key.text, fields.iter().copied()).unwrap_or_else(|| {
            msg!(
                "unknown-field.help",
                what = what,
                fields = fields.join(", ")
            )
        });
        self.diags.push(
            Diagnostic::error(
                Code::UnknownField,
                key.span,
                msg!("unknown-field.message", what = what, field = &key.text),
                msg!("unknown-field.label", what = what),
            )
            .with_help(help),
        );
        false
    }

    fn meta_field(&mut self, pair: Pair<R>, meta: &mut Meta) {
        let span = span_of(&pair);
        let Some((key, v)) = self.key_value(pair) else {
            return;
        };
        if !self.known_field(&key, RULE_FIELDS, "rule") {
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
                    msg!("wrong-type.word-or-text", field = &key.text),
                    msg!("wrong-type.label"),
                ));
                return;
            }
        };
        let duties: Vec<&str> = Duty::ALL.iter().map(|(_, w)| *w).collect();
        let themes: Vec<&str> = Theme::ALL.iter().map(|(_, w)| *w).collect();
        let allowed: Option<&[&str]> = match key.text.as_str() {
            "strength" => Some(STRENGTHS),
            "obligation" => Some(OBLIGATIONS),
            "verified" => Some(VERIFIED),
            "severity" => Some(&["normal", "high"]),
            "duty" => Some(&duties),
            "theme" => Some(&themes),
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
        let list = allowed.join(", ");
        let help = match did_you_mean(word, allowed.iter().copied()) {
            Some(guess) => msg!(
                "unknown-value.pack-guess",
                guess = guess,
                what = what,
                words = list
            ),
            None => msg!("wrong-type.one-of", words = list),
        };
        self.diags.push(
            Diagnostic::error(
                Code::UnknownValue,
                span,
                msg!("unknown-value.pack", word = word, what = what),
                msg!("unknown-value.pack-label", what = what),
            )
            .with_help(help),
        );
        false
    }

    /// Reads a translation block (`fr { summary "…" rationale "…" remedy "…" }`) of rule `id`
    /// into `into`, which keeps where each language was first translated.
    fn translation(
        &mut self,
        pair: Pair<R>,
        id: &str,
        into: &mut BTreeMap<Lang, (Translation, Span)>,
    ) {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let Some(tag) = inner.next() else {
            self.unreadable(span);
            return;
        };
        let (code, at) = (tag.as_str(), span_of(&tag));
        let Some(lang) = Lang::from_code(code).filter(|l| Lang::TRANSLATED.contains(l)) else {
            let codes: Vec<&str> = Lang::TRANSLATED.iter().map(|l| l.code()).collect();
            let help = if code == Lang::En.code() {
                msg!("unknown-language.english")
            } else {
                did_you_mean(code, codes.iter().copied()).unwrap_or_else(|| {
                    let codes = codes.iter().map(|c| Arg::Word(c.to_string())).collect();
                    msg!("unknown-language.help", codes = Text::and(codes))
                })
            };
            self.diags.push(
                Diagnostic::error(
                    Code::UnknownLanguage,
                    at,
                    msg!("unknown-language.message", code = code),
                    msg!("unknown-language.label"),
                )
                .with_help(help),
            );
            return;
        };
        let mut fields: BTreeMap<String, (String, Span)> = BTreeMap::new();
        for field in inner {
            let Some((key, v)) = self.key_value(field) else {
                continue;
            };
            if !self.known_field(&key, TRANSLATED_FIELDS, "translation") {
                continue;
            }
            let ValueKind::Text { text } = v.kind else {
                self.diags.push(
                    Diagnostic::error(
                        Code::WrongType,
                        v.span,
                        msg!("wrong-type.text", field = &key.text),
                        msg!("wrong-type.text-label"),
                    )
                    .with_help(msg!("wrong-type.text-help", field = &key.text)),
                );
                continue;
            };
            if let Some((_, first)) = fields.get(&key.text) {
                self.diags.push(
                    Diagnostic::error(
                        Code::Duplicate,
                        key.span,
                        msg!("duplicate.translated-field", field = &key.text, code = code),
                        msg!("duplicate.given-label"),
                    )
                    .with_label(*first, msg!("duplicate.given-first"))
                    .with_help(msg!("duplicate.keep-one")),
                );
                continue;
            }
            fields.insert(key.text, (text, key.span));
        }
        let missing: Vec<&str> = ["summary", "rationale", "remedy"]
            .into_iter()
            .filter(|f| !fields.contains_key(*f))
            .collect();
        for field in &missing {
            self.diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    at,
                    msg!(
                        "missing-field.translation",
                        code = code,
                        id = id,
                        field = *field
                    ),
                    msg!("missing-field.translation-label"),
                )
                .with_help(msg!("missing-field.translation-help")),
            );
        }
        let mut take = |field: &str| fields.remove(field).map(|(text, _)| text);
        let (Some(summary), Some(rationale), Some(remedy)) =
            (take("summary"), take("rationale"), take("remedy"))
        else {
            return;
        };
        if let Some((_, first)) = into.get(&lang) {
            self.diags.push(
                Diagnostic::error(
                    Code::Duplicate,
                    at,
                    msg!("duplicate.translation", id = id, code = code),
                    msg!("duplicate.translation-label"),
                )
                .with_label(*first, msg!("duplicate.translation-first"))
                .with_help(msg!("duplicate.translation-help")),
            );
            return;
        }
        let t = Translation {
            summary,
            rationale,
            remedy,
            checked: take("checked"),
        };
        into.insert(lang, (t, at));
    }

    fn rule(&mut self, pair: Pair<R>, pack: &str, defaults: &Meta) -> Option<Rule> {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let Some(id_pair) = inner.next() else {
            self.unreadable(span);
            return None;
        };
        let id = id_pair.as_str().to_string();
        let mut meta = defaults.clone();
        let mut applies = Vec::new();
        let mut checks = Vec::new();
        let mut translations = BTreeMap::new();
        let before = self.diags.len();
        for p in inner {
            match p.as_rule() {
                R::field => self.meta_field(p, &mut meta),
                R::applies => applies.push(self.operand(p)),
                R::require => checks.push((Polarity::Require, self.operand(p))),
                R::forbid => checks.push((Polarity::Forbid, self.operand(p))),
                R::translation => self.translation(p, &id, &mut translations),
                _ => {
                    self.unreadable(span_of(&p));
                }
            }
        }
        let get = |k: &str| meta.fields.get(k).map(|(v, _)| v.clone());
        for required in [
            "instrument",
            "cites",
            "strength",
            "duty",
            "theme",
            "summary",
            "remedy",
        ] {
            if get(required).is_none() {
                self.diags.push(
                    Diagnostic::error(
                        Code::MissingField,
                        span_of(&id_pair),
                        msg!("missing-field.message", id = &id, field = required),
                        msg!("missing-field.label"),
                    )
                    .with_help(msg!("missing-field.help")),
                );
            }
        }
        if checks.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    span_of(&id_pair),
                    msg!("missing-field.check", id = &id),
                    msg!("missing-field.check-label"),
                )
                .with_help(msg!("missing-field.check-help")),
            );
        }
        let mut scopes = Vec::new();
        for s in &meta.scope {
            match scope_condition(s) {
                Ok(Some((place, cond))) => {
                    applies.push(cond.clone());
                    scopes.push(place);
                }
                Ok(None) => {}
                Err(why) => self.diags.push(Diagnostic::error(
                    Code::Syntax,
                    span_of(&id_pair),
                    msg!("syntax.scope", scope = s, why = why),
                    msg!("syntax.scope-label"),
                )),
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
            element_of: get("element_of"),
            strength,
            duty: get("duty")
                .as_deref()
                .and_then(Duty::from_word)
                .unwrap_or(Duty::Destination),
            theme: get("theme")
                .as_deref()
                .and_then(Theme::from_word)
                .unwrap_or(Theme::Governance),
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
            translations: translations.into_iter().map(|(l, (t, _))| (l, t)).collect(),
            span,
            applies,
            scopes,
            checks,
        })
    }
}

/// The offset of a `not` at which the parser's recursion would go deeper than the nesting limit
/// allows, if any. Each `not` is a level, and so is each `(`; a level ends at the word after a
/// run of `not`s (or at the `)` that closes it). Comments and strings are skipped, so no layout
/// hides a chain.
fn long_negation(text: &str) -> Option<usize> {
    use crate::syntax::lexical::{lexemes, Lexeme};
    // The `not`s in force at each open parenthesis, and those since the last one.
    let mut open: Vec<usize> = Vec::new();
    let mut run = 0usize;
    let mut word = String::new();
    let mut start = 0;
    let end_word = |word: &mut String, run: &mut usize, open: &[usize], at: usize| {
        if word.is_empty() {
            return None;
        }
        if word == "not" {
            *run += 1;
            let levels = open.len() + open.iter().sum::<usize>() + *run;
            if levels > crate::syntax::source::MAX_DEPTH {
                return Some(at);
            }
        } else {
            *run = 0;
        }
        word.clear();
        None
    };
    for (i, c, lexeme) in lexemes(text) {
        if lexeme == Lexeme::Code && (c.is_alphanumeric() || c == '_' || c == '.') {
            if word.is_empty() {
                start = i;
            }
            word.push(c);
            continue;
        }
        if let Some(at) = end_word(&mut word, &mut run, &open, start) {
            return Some(at);
        }
        match (lexeme, c) {
            (Lexeme::Code, '(') => {
                open.push(run);
                run = 0;
            }
            (Lexeme::Code, ')') => {
                open.pop();
                run = 0;
            }
            (Lexeme::Code, c) if c.is_whitespace() => {}
            (Lexeme::Comment, _) => {}
            _ => run = 0,
        }
    }
    end_word(&mut word, &mut run, &open, start)
}

/// The place in [`SCOPES`] and the condition that puts a program in the scope `name`, or `None`
/// for scopes that cover every program. The built-in conditions are compiled once; one that does not compile (a bug of
/// fairpath's) is an `Err` with the reason, reported on every rule that names the scope, so the
/// shipped packs fail to load.
fn scope_condition(name: &str) -> Result<Option<(usize, &'static Cond)>, &'static str> {
    static COMPILED: OnceLock<Vec<Result<Option<Cond>, String>>> = OnceLock::new();
    let compiled = COMPILED.get_or_init(|| {
        SCOPES
            .iter()
            .map(|(_, text)| {
                if text.is_empty() {
                    return Ok(None);
                }
                let mut pairs = FairParser::parse(R::expr, text).map_err(|e| e.to_string())?;
                let mut c = Compiler { diags: Vec::new() };
                let cond = match pairs.next() {
                    Some(p) => c.expr(p),
                    None => c.unreadable(Span::new(0, 0)),
                };
                if c.diags.is_empty() {
                    Ok(Some(cond))
                } else {
                    Err(format!("scope condition `{text}`: {:?}", c.diags))
                }
            })
            .collect()
    });
    let place = SCOPES.iter().position(|s| s.0 == name);
    match place.zip(place.and_then(|i| compiled.get(i))) {
        Some((i, Ok(cond))) => Ok(cond.as_ref().map(|c| (i, c))),
        Some((_, Err(why))) => Err(why.as_str()),
        None => Ok(None),
    }
}
