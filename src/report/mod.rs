//! Reports of a checked program: for people (drawn diagnostics, plain text, Markdown) and for
//! machines (JSON with a versioned schema, SARIF 2.1.0).

pub mod batch;
pub mod binding;
pub mod coverage;
pub mod diff;
pub mod evidence;
pub mod graph;
mod html;
mod machine;
mod people;
pub mod svg;
pub mod terms;
pub mod verify;

pub use binding::binding_line;
pub use html::html;
pub use machine::REPORT_SCHEMA;
pub use people::{human, markdown};

use crate::model::Model;
use crate::rules::ast::{Rule, Texts, Theme};
use crate::rules::ratify::Judged;
use crate::rules::{fingerprint, Engine, Finding, Gap, Verdict};
use crate::syntax::ast::Span;
use crate::syntax::{Diagnostic, Source};
use crate::t;
use crate::vocab::Lang;

/// What a report is written in: a language, for the catalogues' sentences and each rule's
/// summary and remedy (from the rule's pack, English where the pack has no translation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language.
    pub lang: Lang,
}

impl Words {
    /// Words in `lang`.
    pub fn new(lang: Lang) -> Self {
        Words { lang }
    }

    /// English words.
    pub fn english() -> Words {
        Words { lang: Lang::En }
    }

    /// The colon between two parts of a sentence in the report's language (`": "`; French puts a
    /// no-break space before it).
    pub fn colon(&self) -> &'static str {
        crate::locale::find(self.lang, "punct.colon").unwrap_or(": ")
    }

    /// The semicolon between two parts of a sentence in the report's language (`"; "`; French
    /// puts a no-break space before it).
    pub fn semicolon(&self) -> &'static str {
        crate::locale::find(self.lang, "punct.semicolon").unwrap_or("; ")
    }

    /// A rule's texts in the report's language.
    pub fn rule<'r>(&self, rule: &'r Rule) -> Texts<'r> {
        rule.text(self.lang)
    }

    /// A finding's rule summary in the report's language.
    pub fn summary<'a>(&self, f: &'a Finding) -> &'a str {
        f.rule.text(self.lang).summary
    }

    /// A finding's remedy in the report's language.
    pub fn remedy<'a>(&self, f: &'a Finding) -> &'a str {
        f.rule.text(self.lang).remedy
    }

    /// The word for a verdict (`violated`).
    pub fn verdict(&self, v: Verdict) -> String {
        t!(self.lang, &format!("verdict.{}", v.word()))
    }

    /// A theme's display name.
    pub fn theme(&self, theme: Theme) -> String {
        t!(self.lang, &format!("theme.{}", theme.word()))
    }

    /// A whole number as the language writes it.
    pub fn n(&self, n: usize) -> String {
        crate::locale::number(self.lang, n)
    }

    /// A date as the language writes it.
    pub fn date(&self, d: crate::vocab::Date) -> String {
        crate::locale::date(self.lang, d)
    }
}
/// One program's findings, ready to report.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The program file.
    pub source: Source,
    /// One finding per rule.
    pub findings: Vec<Finding>,
    /// Warnings from the language and model checks.
    pub warnings: Vec<Diagnostic>,
    /// The compiled program.
    pub model: Model,
    /// The date bindingness was judged at.
    pub judged: Judged,
}

impl Checked {
    /// Evaluates `engine` on `model` and collects the result.
    pub fn new(source: Source, model: Model, engine: &Engine, warnings: Vec<Diagnostic>) -> Self {
        Checked {
            findings: engine.evaluate(&model),
            judged: engine.judged(&model),
            warnings,
            source,
            model,
        }
    }

    /// The program's name.
    pub fn name(&self) -> &str {
        &self.model.terms().name
    }

    /// The `program "…"` header, where silence is reported.
    pub fn header(&self) -> Span {
        self.model.terms().header
    }

    /// The origin states' codes.
    pub fn origin(&self) -> Vec<&str> {
        self.model.states("origin")
    }

    /// The destination states' codes.
    pub fn destination(&self) -> Vec<&str> {
        self.model.states("destination")
    }

    /// The part of the destination state the program covers, if it says it is limited.
    pub fn territory(&self) -> Option<&str> {
        match self.model.fact("territory").map(|f| &f.value) {
            Some(crate::vocab::Typed::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// The instruments with findings, in first-seen order, each with its count of findings per
    /// verdict (in the order of [`Verdict::ALL`]), counted in one pass.
    pub fn by_instrument(&self) -> Vec<(&str, [usize; 4])> {
        let mut out: Vec<(&str, [usize; 4])> = Vec::new();
        for f in &self.findings {
            let instrument = f.rule.instrument.as_str();
            // Findings of one instrument come together, so the last one seen is the likeliest.
            let at = match out.iter().rposition(|(i, _)| *i == instrument) {
                Some(at) => at,
                None => {
                    out.push((instrument, [0; 4]));
                    out.len() - 1
                }
            };
            let verdict = Verdict::ALL.iter().position(|v| *v == f.verdict);
            if let Some(n) = out
                .get_mut(at)
                .zip(verdict)
                .and_then(|((_, counts), v)| counts.get_mut(v))
            {
                *n += 1;
            }
        }
        out
    }

    /// How many findings are violated in practice.
    pub fn violated_in_practice(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| {
                f.practice
                    .as_ref()
                    .is_some_and(|p| p.verdict == Verdict::Violated)
            })
            .count()
    }

    /// Violated, unstated, satisfied and not-applicable counts in law over all findings.
    pub fn counts(&self) -> [usize; 4] {
        Verdict::ALL.map(|v| self.findings.iter().filter(|f| f.verdict == v).count())
    }

    /// The line of a clause and its text as written.
    pub fn quote(&self, clause: &crate::rules::Clause) -> (usize, &str) {
        let text = self
            .source
            .text()
            .get(clause.span.start..clause.span.end)
            .unwrap_or("")
            .trim();
        (self.line_col(clause.span.start).0, text)
    }

    /// The violations (in law or in practice), grouped by theme in the themes' order.
    pub fn violations(&self) -> Vec<(Theme, Vec<&Finding>)> {
        by_theme(
            self.findings
                .iter()
                .filter(|f| f.worst() == Verdict::Violated)
                .map(|f| (f.rule.theme, f)),
        )
    }

    /// The terms the program is silent on, each with the rules it would decide, grouped by
    /// the theme most of those rules have (the first such, on a tie).
    pub fn silences(&self) -> Vec<(Theme, Vec<Silence<'_>>)> {
        let mut terms: Vec<(&Gap, Vec<&Finding>)> = Vec::new();
        for f in self
            .findings
            .iter()
            .filter(|f| f.worst() == Verdict::Unstated)
        {
            for s in &f.silent {
                match terms.iter_mut().find(|(t, _)| *t == s) {
                    Some((_, rules)) => rules.push(f),
                    None => terms.push((s, vec![f])),
                }
            }
        }
        by_theme(
            terms
                .into_iter()
                .filter_map(|(t, rules)| Some((main_theme(&rules)?, (t, rules)))),
        )
    }

    /// The scorecard: for each theme with a finding, its counts.
    pub fn scorecard(&self) -> Vec<Score> {
        Theme::ALL
            .iter()
            .map(|(theme, _)| {
                let of: Vec<&Finding> = self
                    .findings
                    .iter()
                    .filter(|f| f.rule.theme == *theme)
                    .collect();
                let count = |v: Verdict| of.iter().filter(|f| f.verdict == v).count();
                Score {
                    theme: *theme,
                    violated: count(Verdict::Violated),
                    binding: of
                        .iter()
                        .filter(|f| f.verdict == Verdict::Violated && binds(f))
                        .count(),
                    in_practice: of
                        .iter()
                        .filter(|f| {
                            f.practice
                                .as_ref()
                                .is_some_and(|p| p.verdict == Verdict::Violated)
                        })
                        .count(),
                    unstated: count(Verdict::Unstated),
                    satisfied: count(Verdict::Satisfied),
                    not_applicable: count(Verdict::NotApplicable),
                }
            })
            .filter(|s| {
                s.violated + s.in_practice + s.unstated + s.satisfied + s.not_applicable > 0
            })
            .collect()
    }

    /// The summary every report for people opens with, one sentence a line: the date judged
    /// and the parties, the violations (binding or not, in law and in practice), the themes
    /// that fall short, and the other counts.
    pub fn summary(&self, w: &Words) -> Vec<String> {
        let [violated, unstated, satisfied, na] = self.counts();
        let binding = self
            .findings
            .iter()
            .filter(|f| f.verdict == Verdict::Violated && binds(f))
            .count();
        let short: Vec<String> = self
            .scorecard()
            .iter()
            .filter(|s| s.violated + s.in_practice > 0)
            .map(|s| {
                format!(
                    "{} ({})",
                    w.theme(s.theme),
                    w.n(s.violated.max(s.in_practice))
                )
            })
            .collect();
        let lang = w.lang;
        vec![
            t!(
                lang,
                "summary.parties",
                judged = people::upper_first(&binding::judged_line(w, &self.judged)),
                origin = states(w, &self.origin()),
                destination = states(w, &self.destination())
            ),
            t!(
                lang,
                "summary.violations",
                violated = w.n(violated),
                binding = w.n(binding),
                not_binding = w.n(violated - binding),
                practice = w.n(self.violated_in_practice())
            ),
            if short.is_empty() {
                t!(lang, "summary.none_short")
            } else {
                t!(
                    lang,
                    "summary.short",
                    themes = w.list(&short, evidence::Join::And)
                )
            },
            t!(
                lang,
                "summary.also",
                unstated = w.n(unstated),
                satisfied = w.n(satisfied),
                na = w.n(na)
            ),
        ]
    }

    /// A hash of the program text.
    pub fn hash(&self) -> String {
        fingerprint(self.source.text())
    }

    /// Line and column of a byte offset in the program.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.source.line_col(offset)
    }
}

/// A term the program is silent on, with the findings whose rules it would decide.
pub type Silence<'a> = (&'a Gap, Vec<&'a Finding>);

/// One theme's counts on the scorecard: findings by verdict in law, how many of the violations
/// bind a state that owes the duty, and how many rules documented practice violates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// The theme.
    pub theme: Theme,
    /// Violated in law.
    pub violated: usize,
    /// Of those, binding on a state that owes the duty.
    pub binding: usize,
    /// Violated in practice.
    pub in_practice: usize,
    /// Unstated in law.
    pub unstated: usize,
    /// Satisfied in law.
    pub satisfied: usize,
    /// Not applicable.
    pub not_applicable: usize,
}

/// A finding's journey, then its other clauses, each once.
pub fn evidence(f: &Finding) -> Vec<&crate::rules::Clause> {
    let mut out: Vec<&crate::rules::Clause> = Vec::new();
    for cl in f.witness.iter().chain(&f.clauses) {
        if !out.iter().any(|o| o.span == cl.span && o.says == cl.says) {
            out.push(cl);
        }
    }
    out
}

/// Whether a finding's provision binds a state that owes its duty.
pub fn binds(f: &Finding) -> bool {
    f.binding.iter().any(|b| b.binds)
}

/// The theme most of `findings` have; the first such on a tie.
fn main_theme(findings: &[&Finding]) -> Option<Theme> {
    let count = |t: Theme| findings.iter().filter(|f| f.rule.theme == t).count();
    let mut best: Option<(Theme, usize)> = None;
    for f in findings {
        let n = count(f.rule.theme);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((f.rule.theme, n));
        }
    }
    best.map(|(t, _)| t)
}

/// Items grouped by theme, in the themes' order, each group in first-seen order.
fn by_theme<T>(items: impl Iterator<Item = (Theme, T)>) -> Vec<(Theme, Vec<T>)> {
    let mut out: Vec<(Theme, Vec<T>)> = Vec::new();
    for (theme, item) in items {
        match out.iter_mut().find(|(t, _)| *t == theme) {
            Some((_, list)) => list.push(item),
            None => out.push((theme, vec![item])),
        }
    }
    out.sort_by_key(|(t, _)| *t);
    out
}

/// Which single terms decide a rule, in words.
pub fn decided_line(w: &Words, deciders: &[crate::rules::decide::Decider]) -> String {
    if deciders.is_empty() {
        return t!(w.lang, "decided.none");
    }
    let each: Vec<String> = deciders
        .iter()
        .map(|d| {
            let verdicts: Vec<String> = d.verdicts.iter().map(|v| w.verdict(*v)).collect();
            format!("`{}` ({})", d.term, w.list(&verdicts, evidence::Join::Or))
        })
        .collect();
    t!(
        w.lang,
        "decided.by",
        terms = w.list(&each, evidence::Join::Or)
    )
}

/// Program text made inert in Markdown: no control characters, no line breaks (which could start
/// a heading or a table row), no HTML, no table cell ends and no code spans.
pub fn md(text: &str) -> String {
    crate::syntax::lexical::printable(text)
        .replace(['\n', '\r'], " ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace('`', "'")
}

/// What to show: the verdicts worth reporting by default are violated and unstated.
pub fn shown(f: &Finding) -> bool {
    matches!(f.worst(), Verdict::Violated | Verdict::Unstated)
}

/// How a finding reads in practice, where documented practice bears on it: the verdict, and
/// the clauses with their sources after a colon.
pub fn practice_words(w: &Words, f: &Finding) -> Option<String> {
    let p = f.practice.as_ref()?;
    let found: Vec<String> = p.clauses.iter().map(|c| w.clause(c)).collect();
    Some(format!(
        "{}{}",
        w.verdict(p.verdict),
        if found.is_empty() {
            String::new()
        } else {
            format!("{}{}", w.colon(), found.join(w.semicolon()))
        }
    ))
}

/// The same as a line: `in practice: violated: …`.
pub fn practice_line(w: &Words, f: &Finding) -> Option<String> {
    practice_words(w, f).map(|found| t!(w.lang, "finding.in_practice", found = found))
}

/// State codes for a report, or "not stated".
fn states(w: &Words, codes: &[&str]) -> String {
    if codes.is_empty() {
        t!(w.lang, "summary.not_stated")
    } else {
        codes.join(", ")
    }
}
