//! The rules engine: standard packs written in fairpath's rule language, type-checked against
//! the vocabulary and evaluated on a program model, one verdict per rule.

pub mod ast;
pub mod compile;
pub mod coverage;
pub mod decide;
pub mod eval;
pub mod evidence;
pub mod image;
pub mod ratify;
pub mod verify;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::Model;
use crate::syntax::ast::Span;
use crate::syntax::diagnostic::msg;
use crate::syntax::validate::Terms;
use crate::syntax::{Code, Diagnostic, Source};
use crate::vocab::{Date, FastMap};
use ast::{Duty, Pack, Party, Polarity, Rule, Strength};
use eval::{eval, Evidence, Tri};
pub use evidence::{Clause, Gap, Says};
use ratify::{Binding, DateBasis, Judged, Ratifications, Setting};

/// The packs shipped with fairpath, embedded in the binary: (file name, text).
pub const EMBEDDED_PACKS: &[(&str, &str)] = &[
    (
        "ilo-c097.rules",
        include_str!("../../policies/standards/ilo-c097.rules"),
    ),
    (
        "ilo-c143.rules",
        include_str!("../../policies/standards/ilo-c143.rules"),
    ),
    (
        "ilo-c189.rules",
        include_str!("../../policies/standards/ilo-c189.rules"),
    ),
    (
        "ilo-fundamental.rules",
        include_str!("../../policies/standards/ilo-fundamental.rules"),
    ),
    (
        "un-icrmw.rules",
        include_str!("../../policies/standards/un-icrmw.rules"),
    ),
    (
        "civil-society-floor.rules",
        include_str!("../../policies/standards/civil-society-floor.rules"),
    ),
];

/// The outcome of one rule on one program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The program falls short of the provision.
    Violated,
    /// The program is silent where the provision needs an answer.
    Unstated,
    /// The program meets the provision.
    Satisfied,
    /// The provision does not apply to this program.
    NotApplicable,
}

impl Verdict {
    /// The word used in reports.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Violated => "violated",
            Verdict::Unstated => "unstated",
            Verdict::Satisfied => "satisfied",
            Verdict::NotApplicable => "not-applicable",
        }
    }

    /// All verdicts, worst first.
    pub const ALL: [Verdict; 4] = [
        Verdict::Violated,
        Verdict::Unstated,
        Verdict::Satisfied,
        Verdict::NotApplicable,
    ];
}

/// One rule's verdict on one program, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The rule, with its citation, strength, duty bearer, theme and texts.
    #[serde(serialize_with = "rule_id")]
    pub rule: Arc<Rule>,
    /// The verdict.
    pub verdict: Verdict,
    /// Clauses that decided the verdict.
    pub clauses: Vec<Clause>,
    /// What the program is silent on.
    pub silent: Vec<Gap>,
    /// A worker's journey, for graph findings.
    pub witness: Vec<Clause>,
    /// Whether the instrument binds each party.
    pub binding: std::sync::Arc<[Binding]>,
    /// The stream the finding is for, when the program has streams.
    pub stream: Option<Arc<str>>,
    /// The verdict in practice, where documented practice bears on the rule.
    pub practice: Option<Practice>,
}

/// A rule's verdict in practice: the program's terms with what named bodies found happening
/// laid over them.
#[derive(Debug, Clone, Serialize)]
pub struct Practice {
    /// The verdict.
    pub verdict: Verdict,
    /// The clauses that decided it, practice clauses quoting their source.
    pub clauses: Vec<Clause>,
}

/// What documented practice states: its term paths, and `statuses` or `flows` where it
/// states transitions or money flows.
fn practice_reads(p: &Terms) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = p.facts.keys().collect();
    if !p.transitions.is_empty() {
        out.push(decide::STATUSES);
    }
    if !p.flows.is_empty() {
        out.push(decide::FLOWS);
    }
    out
}

/// Marks `terms`' sectors list complete: a stream is made of the sectors it states.
fn complete_sectors(terms: &mut Terms) {
    let mut words = terms
        .facts
        .get("complete")
        .map(|f| {
            f.value
                .words()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if !words.iter().any(|w| w == "sectors") {
        words.push("sectors".into());
    }
    crate::rules::verify::set(terms, "complete", crate::vocab::Typed::Words(words));
}

impl Finding {
    /// The worse of the verdicts in law and in practice.
    pub fn worst(&self) -> Verdict {
        self.practice
            .as_ref()
            .map_or(self.verdict, |p| p.verdict.min(self.verdict))
    }

    /// Where a report should point: the first clause, or the program header for silence.
    pub fn primary_span(&self, header: Span) -> Span {
        self.witness
            .first()
            .or(self.clauses.first())
            .map_or(header, |c| c.span)
    }
}

/// An article's verdict, combined from the verdicts of its elements.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleVerdict {
    /// The article's id, such as `c189.art11`.
    pub id: String,
    /// The stream its elements' findings are for, when the program has streams.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream: Option<Arc<str>>,
    /// The instrument.
    pub instrument: String,
    /// `violated` if any element is, `satisfied` only if every element that applies is,
    /// `not-applicable` if none applies, else `unstated`.
    pub verdict: Verdict,
    /// The elements' rule ids, in pack order.
    pub elements: Vec<String>,
}

/// Combines element verdicts into an article verdict.
pub fn combine(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
    let applying: Vec<Verdict> = verdicts
        .into_iter()
        .filter(|v| *v != Verdict::NotApplicable)
        .collect();
    if applying.contains(&Verdict::Violated) {
        Verdict::Violated
    } else if applying.is_empty() {
        Verdict::NotApplicable
    } else if applying.iter().all(|v| *v == Verdict::Satisfied) {
        Verdict::Satisfied
    } else {
        Verdict::Unstated
    }
}

/// The articles with several elements among `findings`, each with its combined verdict, in
/// first-seen order: one per stream where the program has streams.
pub fn articles(findings: &[Finding]) -> Vec<ArticleVerdict> {
    let mut out: Vec<(ArticleVerdict, Vec<Verdict>)> = Vec::new();
    let mut index: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for f in findings {
        let Some(id) = &f.rule.element_of else {
            continue;
        };
        let i = *index.entry((id, f.stream.as_deref())).or_insert_with(|| {
            out.push((
                ArticleVerdict {
                    id: id.clone(),
                    stream: f.stream.clone(),
                    instrument: f.rule.instrument.clone(),
                    verdict: Verdict::NotApplicable,
                    elements: Vec::new(),
                },
                Vec::new(),
            ));
            out.len() - 1
        });
        if let Some((a, verdicts)) = out.get_mut(i) {
            a.elements.push(f.rule.id.clone());
            verdicts.push(f.verdict);
        }
    }
    out.into_iter()
        .map(|(a, verdicts)| ArticleVerdict {
            verdict: combine(verdicts),
            ..a
        })
        .collect()
}

/// A set of packs and the ratification table, ready to evaluate programs.
#[derive(Debug, Clone)]
pub struct Engine {
    /// The packs, in order.
    pub packs: Vec<Pack>,
    /// Ratifications.
    pub ratifications: Ratifications,
    /// The date to judge bindingness at, overriding the program's `as_of` (`--as-of`).
    pub as_of: Option<Date>,
    /// Today, for programs that state no date.
    pub today: Date,
}

/// A rule file that failed to compile.
#[derive(Debug, Clone)]
pub struct PackError {
    /// The file.
    pub source: Source,
    /// Why.
    pub diagnostics: Vec<Diagnostic>,
}

impl Engine {
    /// An engine with no packs and the shipped ratification data, judging at the program's
    /// date or today.
    pub fn bare() -> Engine {
        Engine::new(Vec::new(), Ratifications::embedded())
    }

    /// An engine with `packs` and `ratifications`, judging at the program's date or today.
    fn new(packs: Vec<Pack>, ratifications: Ratifications) -> Engine {
        Engine {
            packs,
            ratifications,
            as_of: None,
            today: Date::today(),
        }
    }

    /// The engine with the embedded packs and ratification data, decoded from the compiled
    /// image (`rules::image`), or compiled from their text where the image was not made from it.
    pub fn embedded() -> Engine {
        match image::decode(image::SHIPPED) {
            Ok((packs, ratifications)) => Engine::new(packs, ratifications),
            Err(_) => Engine::from_text(),
        }
    }

    /// The engine with the embedded packs and ratification data, compiled from their text.
    // The one exception to the no-panic rule in this module: the shipped packs are compiled into
    // the binary and checked by the test suite, so they cannot fail to compile at run time, and
    // no fallback makes sense (an engine missing a pack would silently report fewer findings).
    #[allow(clippy::panic)]
    pub fn from_text() -> Engine {
        let compile = |(name, text): &(&str, &'static str)| {
            let src = Source::new(format!("policies/standards/{name}"), *text);
            compile::compile_packs(&src)
                .unwrap_or_else(|d| panic!("shipped pack {name} compiles: {d:?}"))
        };
        // The packs compile on two threads where there are threads, which halves start-up on
        // two cores; the order of the packs is the same either way.
        #[cfg(not(target_arch = "wasm32"))]
        let (packs, ratifications) = std::thread::scope(|s| {
            let (first, second) = EMBEDDED_PACKS.split_at(EMBEDDED_PACKS.len() / 2);
            let other = s.spawn(|| second.iter().flat_map(compile).collect::<Vec<_>>());
            let ratifications = Ratifications::from_text();
            let mut packs: Vec<Pack> = first.iter().flat_map(compile).collect();
            packs.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
            (packs, ratifications)
        });
        #[cfg(target_arch = "wasm32")]
        let (packs, ratifications) = (
            EMBEDDED_PACKS.iter().flat_map(compile).collect(),
            Ratifications::from_text(),
        );
        Engine::new(packs, ratifications)
    }

    /// Adds the packs in a rule file. A pack with the id of one already loaded replaces it, so
    /// a shipped pack can be edited and tried without rebuilding.
    pub fn add(&mut self, source: Source) -> Result<(), PackError> {
        let packs = compile::compile_packs(&source).map_err(|diagnostics| PackError {
            source: source.clone(),
            diagnostics,
        })?;
        let replaced = |id: &str| packs.iter().any(|new| new.id == id);
        let existing: HashSet<&str> = self
            .packs
            .iter()
            .filter(|p| !replaced(&p.id))
            .flat_map(|p| &p.rules)
            .map(|r| r.id.as_str())
            .collect();
        if let Some(dup) = packs
            .iter()
            .flat_map(|p| &p.rules)
            .find(|r| existing.contains(r.id.as_str()))
        {
            let d = Diagnostic::error(
                Code::Duplicate,
                dup.span,
                msg!("duplicate.other-pack", id = &dup.id),
                msg!("duplicate.rule-label"),
            )
            .with_help(msg!("duplicate.other-pack-help"));
            return Err(PackError {
                source,
                diagnostics: vec![d],
            });
        }
        for pack in packs {
            match self.packs.iter_mut().find(|p| p.id == pack.id) {
                Some(old) => *old = pack,
                None => self.packs.push(pack),
            }
        }
        Ok(())
    }

    /// Keeps only the packs whose id is in `ids`.
    pub fn retain(&mut self, ids: &[String]) {
        self.packs.retain(|p| ids.contains(&p.id));
    }

    /// Every rule.
    pub fn rules(&self) -> impl Iterator<Item = &Arc<Rule>> {
        self.packs.iter().flat_map(|p| &p.rules)
    }

    /// Looks a rule up by id.
    pub fn rule(&self, id: &str) -> Option<&Arc<Rule>> {
        self.rules().find(|r| r.id == id)
    }

    /// The date bindingness is judged at for `m`: `--as-of`, else the program's `as_of`, else
    /// today.
    pub fn judged(&self, m: &Model) -> Judged {
        let stated = m
            .fact("as_of")
            .and_then(|f| Date::parse(&f.value.display()));
        match (self.as_of, stated) {
            (Some(date), _) => Judged {
                date,
                basis: DateBasis::Given,
            },
            (None, Some(date)) => Judged {
                date,
                basis: DateBasis::Program,
            },
            (None, None) => Judged {
                date: self.today,
                basis: DateBasis::Today,
            },
        }
    }

    /// Evaluates every rule on `m`: for each of its streams (or the whole program), in law, and
    /// in practice where documented practice bears on the rule.
    pub fn evaluate(&self, m: &Model) -> Vec<Finding> {
        let t = m.terms();
        if t.streams.is_empty() && t.practice.is_none() {
            return self.in_law(m, None);
        }
        let populations: Vec<(Option<Arc<str>>, Terms, Option<Terms>)> = if t.streams.is_empty() {
            vec![(
                None,
                t.overlay(&Terms::default()),
                t.practice.as_deref().cloned(),
            )]
        } else {
            t.streams
                .iter()
                .map(|s| {
                    let mut terms = t.overlay(&s.terms);
                    if s.terms.facts.contains_key("sectors") {
                        complete_sectors(&mut terms);
                    }
                    let practice = match (&t.practice, &s.terms.practice) {
                        (Some(a), Some(b)) => Some(a.overlay(b)),
                        (a, b) => a.as_deref().or(b.as_deref()).cloned(),
                    };
                    (Some(Arc::from(s.name.as_str())), terms, practice)
                })
                .collect()
        };
        let mut out = Vec::new();
        for (stream, terms, practice) in populations {
            let law = Model::from_terms(terms).0;
            let mut findings = self.in_law(&law, stream.as_ref());
            if let Some(p) = practice {
                let bearing = practice_reads(&p);
                let found = Model::from_terms(law.terms().overlay(&p)).0;
                let mut ctx = self.context(&found);
                for (f, rule) in findings.iter_mut().zip(self.rules()) {
                    let reads = decide::reads(
                        rule.applies
                            .iter()
                            .chain(rule.checks.iter().map(|(_, c)| c)),
                    );
                    if reads.iter().any(|r| bearing.contains(r)) {
                        let p = self.finding(rule, &found, &mut ctx);
                        f.practice = Some(Practice {
                            verdict: p.verdict,
                            clauses: p.witness.into_iter().chain(p.clauses).collect(),
                        });
                    }
                }
            }
            out.extend(findings);
        }
        out
    }

    /// Every rule on `m`, in law, for `stream`.
    fn in_law(&self, m: &Model, stream: Option<&Arc<str>>) -> Vec<Finding> {
        let mut ctx = self.context(m);
        self.rules()
            .map(|r| Finding {
                stream: stream.cloned(),
                ..self.finding(r, m, &mut ctx)
            })
            .collect()
    }

    /// Evaluates one rule on `m`, in law, on the program's own terms (streams and practice
    /// aside).
    pub fn evaluate_rule(&self, rule: &Arc<Rule>, m: &Model) -> Finding {
        self.finding(rule, m, &mut self.context(m))
    }

    fn context<'m>(&self, m: &'m Model) -> Context<'m> {
        Context {
            scopes: Scopes::default(),
            bindings: FastMap::default(),
            setting: Setting {
                date: self.judged(m).date,
                territory: m.fact("territory").and_then(|f| match &f.value {
                    crate::vocab::Typed::Text(t) => Some(t.as_str()),
                    _ => None,
                }),
            },
        }
    }

    fn finding<'m>(&self, rule: &'m Arc<Rule>, m: &'m Model, ctx: &mut Context<'m>) -> Finding {
        let (verdict, evidence) = verdict_in(rule, m, &mut ctx.scopes);
        let source = |span: &Span| m.quotes().source(span);
        let witness: Vec<Clause> = evidence.witness.as_ref().map_or(Vec::new(), |w| {
            let last = w.transitions.len().saturating_sub(1);
            w.transitions
                .iter()
                .enumerate()
                .map(|(n, &i)| {
                    let (span, mut says) = eval::Ref::Transition(i).render(m);
                    if let Says::Transition { avoided, .. } = &mut says {
                        if n == last {
                            avoided.clone_from(&w.avoided);
                        }
                    }
                    Clause {
                        source: source(&span),
                        span,
                        says,
                    }
                })
                .collect()
        });
        let clauses = evidence
            .clauses
            .into_iter()
            .map(|r| r.render(m))
            .filter(|(span, _)| !witness.iter().any(|w| w.span == *span))
            .map(|(span, says)| Clause {
                source: source(&span),
                span,
                says,
            })
            .collect();
        let key = (
            rule.instrument.as_str(),
            rule.part.as_deref(),
            rule.strength,
            rule.duty,
        );
        let setting = ctx.setting;
        let binding = ctx
            .bindings
            .entry(key)
            .or_insert_with(|| self.bindings(rule, m, setting).into())
            .clone();
        Finding {
            rule: Arc::clone(rule),
            verdict,
            clauses,
            silent: evidence.silent,
            witness,
            binding,
            stream: None,
            practice: None,
        }
    }

    /// Whether the rule binds each of the program's destination and origin states.
    pub fn bindings(&self, rule: &Rule, m: &Model, setting: Setting<'_>) -> Vec<Binding> {
        Party::ALL
            .into_iter()
            .flat_map(|party| {
                m.states(party.term())
                    .into_iter()
                    .map(move |code| (party, code))
            })
            .map(|(party, code)| self.ratifications.binding(rule, party, code, setting))
            .collect()
    }
}

/// What bindingness depends on besides the program: instrument, part, strength and duty bearer.
type BindingKey<'m> = (&'m str, Option<&'m str>, Strength, Duty);

/// What one evaluation of a program computes once for all its rules.
struct Context<'m> {
    /// Each scope's value.
    scopes: Scopes,
    /// Bindingness by instrument, part, strength and duty bearer.
    bindings: FastMap<BindingKey<'m>, std::sync::Arc<[Binding]>>,
    /// The date and territory bindingness is judged for.
    setting: Setting<'m>,
}

/// Each scope's value on one model, by its place in the compiler's scopes, evaluated the first
/// time a rule names it.
struct Scopes(Vec<Option<(Tri, Evidence)>>);

impl Default for Scopes {
    fn default() -> Self {
        Scopes(vec![None; compile::SCOPES.len()])
    }
}

impl Scopes {
    /// Whether `m` is in the rule's scope and meets its `applies`: [`eval::all`] of `applies`,
    /// with the scopes' conditions that end it evaluated once per model.
    fn applies(&mut self, rule: &Rule, m: &Model) -> (Tri, Evidence) {
        let own = rule.applies.len().saturating_sub(rule.scopes.len());
        let (conds, scoped) = rule.applies.split_at(own);
        let mut outcome = eval::all(conds, m);
        for (&place, cond) in rule.scopes.iter().zip(scoped) {
            let value = match self.0.get_mut(place) {
                Some(Some(known)) => known.clone(),
                Some(slot) => slot.insert(eval(cond, m)).clone(),
                None => eval(cond, m),
            };
            eval::fold(&mut outcome, value, Tri::False);
        }
        outcome
    }
}

/// The rule's verdict and the evidence behind it.
pub(crate) fn verdict(rule: &Rule, m: &Model) -> (Verdict, Evidence) {
    verdict_in(rule, m, &mut Scopes::default())
}

/// [`verdict`], with the values of the scopes evaluated on `m` so far.
fn verdict_in(rule: &Rule, m: &Model, scopes: &mut Scopes) -> (Verdict, Evidence) {
    let scope = scopes.applies(rule, m);
    match scope.0 {
        Tri::False => return (Verdict::NotApplicable, scope.1),
        Tri::Unknown => return (Verdict::Unstated, scope.1),
        Tri::True => {}
    }
    // The worst verdict of the checks, with the evidence of every check that gives it.
    let mut worst = (Verdict::Satisfied, Evidence::default());
    for (polarity, cond) in &rule.checks {
        let (t, ev) = eval(cond, m);
        let v = match (polarity, t) {
            (_, Tri::Unknown) => Verdict::Unstated,
            (Polarity::Require, Tri::True) | (Polarity::Forbid, Tri::False) => Verdict::Satisfied,
            _ => Verdict::Violated,
        };
        if v < worst.0 {
            worst = (v, ev);
        } else if v == worst.0 {
            worst.1.merge(ev);
        }
    }
    worst
}

/// A hex SHA-256 of `text`.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A finding's rule, by id.
pub(crate) fn rule_id<S: serde::Serializer>(rule: &Arc<Rule>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rule.id)
}
