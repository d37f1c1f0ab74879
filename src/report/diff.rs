//! What changed between two drafts: findings fixed, introduced and unchanged, and the terms that
//! became more or less protective.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::binding::standing_word;
use super::{Checked, Words};
use crate::rules::ratify::{Judged, Standing};
use crate::rules::Verdict;
use crate::syntax::print;
use crate::t;
use crate::vocab::{self, protect, Date};

mod clauses;

/// A rule whose verdict is compared across drafts.
#[derive(Debug, Clone, Serialize)]
pub struct RuleChange {
    /// The rule.
    #[serde(serialize_with = "crate::rules::rule_id")]
    pub rule: std::sync::Arc<crate::rules::ast::Rule>,
    /// Instrument and article.
    pub citation: String,
    /// The old verdict.
    pub before: Verdict,
    /// The new verdict.
    pub after: Verdict,
    /// The rule's summary.
    pub message: String,
}

/// A term, or a field of a transition or money flow, that changed.
#[derive(Debug, Clone, Serialize)]
pub struct TermChange {
    /// The term's path, or the clause (`employed -> job_seeking on job_loss`,
    /// `worker pays service_fee`).
    pub term: String,
    /// The part of the clause that changed (`within`, `deducted`), or none for a term or a
    /// whole clause stated or dropped.
    pub field: Option<String>,
    /// The old value, if stated.
    pub before: Option<String>,
    /// The new value, if stated.
    pub after: Option<String>,
    /// Which draft protects more, by the vocabulary's protective directions; none where the
    /// vocabulary gives no direction or the values cannot be ranked.
    pub more_protective: Option<Draft>,
}

/// One of the two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Draft {
    /// The earlier draft.
    Old,
    /// The later draft.
    New,
}

/// Where an instrument stands for a state, in each draft at its date.
#[derive(Debug, Clone, Serialize)]
pub struct BindingChange {
    /// The instrument.
    pub instrument: String,
    /// The state.
    pub state: String,
    /// Where it stood at the old draft's date.
    pub before: Standing,
    /// Where it stands at the new draft's date.
    pub after: Standing,
    /// Its entry into force for the state, where known.
    pub in_force: Option<Date>,
}

/// The comparison of two drafts.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// Shortfalls or silences in the old draft that the new one resolves.
    pub fixed: Vec<RuleChange>,
    /// Shortfalls or silences the new draft introduces.
    pub introduced: Vec<RuleChange>,
    /// Shortfalls or silences in both drafts, listed only when asked for.
    pub unchanged: Vec<RuleChange>,
    /// How many shortfalls and silences are in both drafts.
    pub unchanged_count: usize,
    /// Terms that became more protective.
    pub rights_gained: Vec<TermChange>,
    /// Terms that became less protective.
    pub rights_lost: Vec<TermChange>,
    /// Other changes: terms and fields with no protective direction, terms newly stated or
    /// dropped, values that cannot be ranked.
    pub other_changes: Vec<TermChange>,
    /// The dates bindingness was judged at, old and new.
    pub judged: [Judged; 2],
    /// Instruments whose standing for a state differs between the two dates.
    pub bindingness: Vec<BindingChange>,
}

fn bad(v: Verdict) -> bool {
    matches!(v, Verdict::Violated | Verdict::Unstated)
}

/// Compares `old` and `new`, which were checked with the same packs. Unchanged shortfalls and
/// silences are counted, and listed only when `all` is set.
pub fn diff(old: &Checked, new: &Checked, all: bool) -> Diff {
    let mut d = Diff {
        fixed: Vec::new(),
        introduced: Vec::new(),
        unchanged: Vec::new(),
        unchanged_count: 0,
        rights_gained: Vec::new(),
        rights_lost: Vec::new(),
        other_changes: Vec::new(),
        judged: [old.judged, new.judged],
        bindingness: bindingness(old, new),
    };
    for n in &new.findings {
        let Some(o) = old.findings.iter().find(|o| o.rule.id == n.rule.id) else {
            continue;
        };
        let change = RuleChange {
            rule: std::sync::Arc::clone(&n.rule),
            citation: format!("{} {}", n.rule.instrument, n.rule.cites),
            before: o.verdict,
            after: n.verdict,
            message: n.rule.summary.clone(),
        };
        match (bad(o.verdict), bad(n.verdict)) {
            (true, false) => d.fixed.push(change),
            (false, true) => d.introduced.push(change),
            (true, true) => {
                d.unchanged_count += 1;
                if all {
                    d.unchanged.push(change);
                }
            }
            (false, false) => {}
        }
    }
    let mut changes = Vec::new();
    for term in vocab::TERMS {
        let (a, b) = (
            old.model.fact(term.path).map(|f| &f.value),
            new.model.fact(term.path).map(|f| &f.value),
        );
        let order = match (a, b) {
            (Some(a), Some(b)) => protect::compare(term, a, b),
            (None, None) => Some(Ordering::Equal),
            _ => None,
        };
        changes.push(change(
            term.path.to_string(),
            None,
            a.map(|v| print::value(term.kind, v)),
            b.map(|v| print::value(term.kind, v)),
            order,
        ));
    }
    clauses::transitions(old.model.terms(), new.model.terms(), &mut changes);
    clauses::flows(old.model.terms(), new.model.terms(), &mut changes);
    for c in changes.into_iter().flatten() {
        match c.more_protective {
            Some(Draft::New) => d.rights_gained.push(c),
            Some(Draft::Old) => d.rights_lost.push(c),
            None => d.other_changes.push(c),
        }
    }
    d
}

/// A change, or none when `order` says both are equal. `order` is `Greater` when the new value
/// protects more.
fn change(
    term: String,
    field: Option<&str>,
    before: Option<String>,
    after: Option<String>,
    order: Option<Ordering>,
) -> Option<TermChange> {
    let more_protective = match order {
        Some(Ordering::Equal) => return None,
        Some(Ordering::Greater) => Some(Draft::New),
        Some(Ordering::Less) => Some(Draft::Old),
        None => None,
    };
    Some(TermChange {
        term,
        field: field.map(str::to_string),
        before,
        after,
        more_protective,
    })
}

/// Each instrument and state whose standing changed between the drafts' dates, by instrument
/// and state.
fn bindingness(old: &Checked, new: &Checked) -> Vec<BindingChange> {
    let standings = |c: &Checked| -> BTreeMap<(String, String), (Standing, Option<Date>)> {
        c.findings
            .iter()
            .flat_map(|f| f.binding.iter())
            .map(|b| {
                (
                    (b.instrument.clone(), b.state.clone()),
                    (b.status, b.in_force),
                )
            })
            .collect()
    };
    let before = standings(old);
    standings(new)
        .into_iter()
        .filter_map(|(key, (after, in_force))| {
            let (was, _) = before.get(&key)?;
            (*was != after).then_some(BindingChange {
                instrument: key.0,
                state: key.1,
                before: *was,
                after,
                in_force,
            })
        })
        .collect()
}

/// The comparison as text for people, or Markdown: only what changed, with a count of the
/// shortfalls and silences both drafts share (listed too when `d` holds them).
pub fn render(w: &Words, d: &Diff, old: &str, new: &str, markdown: bool) -> String {
    let lang = w.lang;
    let mut out = if markdown {
        format!("# fairpath diff\n\n`{old}` → `{new}`\n")
    } else {
        format!("{}\n", t!(lang, "diff.comparing", old = old, new = new))
    };
    let [was, now] = &d.judged;
    if was.date != now.date {
        section(
            w,
            &mut out,
            "diff.bindingness",
            d.bindingness.len(),
            markdown,
        );
        let _ = writeln!(
            out,
            "{} {}",
            bullet(markdown),
            t!(
                lang,
                "diff.judged",
                old = w.date(was.date),
                new = w.date(now.date)
            )
        );
        for c in &d.bindingness {
            let from = c.in_force.map_or(String::new(), |d| {
                format!(" ({})", t!(lang, "diff.in_force_from", date = w.date(d)))
            });
            let _ = writeln!(
                out,
                "{} {}: {} → {}{from}",
                bullet(markdown),
                t!(lang, "diff.for", instrument = c.instrument, state = c.state),
                standing_word(w, c.before),
                standing_word(w, c.after),
            );
        }
    }
    let rules = [
        ("diff.fixed", &d.fixed),
        ("diff.introduced", &d.introduced),
        ("diff.unchanged", &d.unchanged),
    ];
    for (title, list) in rules.into_iter().filter(|(_, l)| !l.is_empty()) {
        section(w, &mut out, title, list.len(), markdown);
        for c in list {
            let _ = writeln!(
                out,
                "{} {} ({}): {} → {} — {}",
                bullet(markdown),
                c.rule.id,
                c.citation,
                w.verdict(c.before),
                w.verdict(c.after),
                w.rule(&c.rule).summary
            );
        }
    }
    let terms = [
        ("diff.gained", &d.rights_gained),
        ("diff.lost", &d.rights_lost),
        ("diff.other", &d.other_changes),
    ];
    for (title, list) in terms.into_iter().filter(|(_, l)| !l.is_empty()) {
        section(w, &mut out, title, list.len(), markdown);
        for c in list {
            let show =
                |v: &Option<String>| v.clone().unwrap_or_else(|| w.verdict(Verdict::Unstated));
            let field = c.field.as_ref().map_or(String::new(), |f| format!(", {f}"));
            let _ = writeln!(
                out,
                "{} {}{field}: {} → {}",
                bullet(markdown),
                c.term,
                show(&c.before),
                show(&c.after)
            );
        }
    }
    let changed = d.fixed.len()
        + d.introduced.len()
        + d.rights_gained.len()
        + d.rights_lost.len()
        + d.other_changes.len()
        + d.bindingness.len();
    if changed == 0 {
        let _ = writeln!(out, "\n{}", t!(lang, "diff.no_change"));
    }
    if d.unchanged.is_empty() && d.unchanged_count > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            t!(lang, "diff.unchanged_count", count = w.n(d.unchanged_count))
        );
    }
    out
}

/// A section's heading: its title (a catalogue key), count and, for terms, which way they moved.
fn section(w: &Words, out: &mut String, key: &str, n: usize, markdown: bool) {
    let title = t!(w.lang, key);
    let n = w.n(n);
    let note = match key {
        "diff.gained" | "diff.lost" | "diff.other" => {
            format!(", {}", t!(w.lang, &format!("{key}_note")))
        }
        _ => String::new(),
    };
    if markdown {
        let _ = writeln!(out, "\n## {title} ({n}){note}\n");
    } else {
        let _ = writeln!(out, "\n{title} ({n}){note}:");
    }
}

fn bullet(markdown: bool) -> &'static str {
    if markdown {
        "-"
    } else {
        " "
    }
}
