//! What changed between two drafts: findings fixed, introduced and unchanged, and the terms that
//! became more or less protective.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use serde::Serialize;

use super::binding::standing_word;
use super::Checked;
use crate::rules::ratify::{Judged, Standing};
use crate::rules::Verdict;
use crate::vocab::Date;
use crate::vocab::{self, protect};

/// A rule whose verdict is compared across drafts.
#[derive(Debug, Clone, Serialize)]
pub struct RuleChange {
    /// The rule.
    pub rule: String,
    /// Instrument and article.
    pub citation: String,
    /// The old verdict.
    pub before: Verdict,
    /// The new verdict.
    pub after: Verdict,
    /// The rule's summary.
    pub message: String,
}

/// A term or clause that changed.
#[derive(Debug, Clone, Serialize)]
pub struct TermChange {
    /// The term's path, or a description of the clause.
    pub term: String,
    /// The old value, if stated.
    pub before: Option<String>,
    /// The new value, if stated.
    pub after: Option<String>,
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
    /// Shortfalls or silences in both drafts.
    pub unchanged: Vec<RuleChange>,
    /// Terms that became more protective.
    pub rights_gained: Vec<TermChange>,
    /// Terms that became less protective.
    pub rights_lost: Vec<TermChange>,
    /// Other changes: neutral terms, terms newly stated or dropped, journeys and money flows.
    pub other_changes: Vec<TermChange>,
    /// The dates bindingness was judged at, old and new.
    pub judged: [Judged; 2],
    /// Instruments whose standing for a state differs between the two dates.
    pub bindingness: Vec<BindingChange>,
}

fn bad(v: Verdict) -> bool {
    matches!(v, Verdict::Violated | Verdict::Unstated)
}

/// Compares `old` and `new`, which were checked with the same packs.
pub fn diff(old: &Checked, new: &Checked) -> Diff {
    let mut d = Diff {
        fixed: Vec::new(),
        introduced: Vec::new(),
        unchanged: Vec::new(),
        rights_gained: Vec::new(),
        rights_lost: Vec::new(),
        other_changes: Vec::new(),
        judged: [old.judged, new.judged],
        bindingness: bindingness(old, new),
    };
    for n in &new.findings {
        let Some(o) = old.findings.iter().find(|o| o.rule == n.rule) else {
            continue;
        };
        let change = RuleChange {
            rule: n.rule.clone(),
            citation: format!("{} {}", n.instrument, n.article),
            before: o.verdict,
            after: n.verdict,
            message: n.message.clone(),
        };
        match (bad(o.verdict), bad(n.verdict)) {
            (true, false) => d.fixed.push(change),
            (false, true) => d.introduced.push(change),
            (true, true) => d.unchanged.push(change),
            (false, false) => {}
        }
    }
    for term in vocab::TERMS {
        let (a, b) = (
            old.model.fact(term.path).map(|f| &f.value),
            new.model.fact(term.path).map(|f| &f.value),
        );
        let change = TermChange {
            term: term.path.to_string(),
            before: a.map(|v| v.display()),
            after: b.map(|v| v.display()),
        };
        match (a, b) {
            (Some(a), Some(b)) => match protect::compare(term, a, b) {
                Some(Ordering::Equal) => {}
                Some(Ordering::Greater) => d.rights_gained.push(change),
                Some(Ordering::Less) => d.rights_lost.push(change),
                None => d.other_changes.push(change),
            },
            (None, None) => {}
            _ => d.other_changes.push(change),
        }
    }
    let clauses = |c: &Checked| -> BTreeSet<String> {
        let t = c.model.terms();
        let transitions = t
            .transitions
            .iter()
            .map(|t| format!("{} -> {} on {}", t.from, t.to, t.trigger));
        let flows = t.flows.iter().map(|f| {
            let no = if f.negated { "no " } else { "" };
            format!("{} pays {no}{}", f.payer, f.cost)
        });
        transitions.chain(flows).collect()
    };
    let (before, after) = (clauses(old), clauses(new));
    let gone = before.difference(&after).map(|c| (c, true));
    let added = after.difference(&before).map(|c| (c, false));
    for (clause, dropped) in gone.chain(added) {
        let stated = || Some("stated".to_string());
        let change = TermChange {
            term: clause.clone(),
            before: if dropped { stated() } else { None },
            after: if dropped { None } else { stated() },
        };
        // A cost the worker no longer pays is a right gained, a new one a right lost; a cost
        // said not to be paid (`worker pays no …`) counts the other way.
        let denied = clause.starts_with("worker pays no ");
        match (clause.starts_with("worker pays "), denied != dropped) {
            (true, true) => d.rights_gained.push(change),
            (true, false) => d.rights_lost.push(change),
            _ => d.other_changes.push(change),
        }
    }
    d
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

/// The comparison as text for people, or Markdown.
pub fn render(d: &Diff, old: &str, new: &str, markdown: bool) -> String {
    let mut out = if markdown {
        format!("# fairpath diff\n\n`{old}` → `{new}`\n")
    } else {
        format!("comparing {old} → {new}\n")
    };
    let [was, now] = &d.judged;
    if was.date != now.date {
        section(&mut out, "Bindingness", d.bindingness.len(), markdown);
        let _ = writeln!(
            out,
            "{} judged at {} in the old draft and {} in the new one",
            bullet(markdown),
            was.date,
            now.date
        );
        for c in &d.bindingness {
            let from = c
                .in_force
                .map_or(String::new(), |d| format!(" (in force from {d})"));
            let _ = writeln!(
                out,
                "{} {} for {}: {} → {}{from}",
                bullet(markdown),
                c.instrument,
                c.state,
                standing_word(c.before),
                standing_word(c.after),
            );
        }
    }
    let rules = [
        ("Fixed", &d.fixed),
        ("Introduced", &d.introduced),
        ("Unchanged shortfalls and silences", &d.unchanged),
    ];
    for (title, list) in rules {
        section(&mut out, title, list.len(), markdown);
        for c in list {
            let _ = writeln!(
                out,
                "{} {} ({}): {} → {} — {}",
                bullet(markdown),
                c.rule,
                c.citation,
                c.before.word(),
                c.after.word(),
                c.message
            );
        }
    }
    let terms = [
        ("Rights gained", &d.rights_gained),
        ("Rights lost", &d.rights_lost),
        ("Other changes", &d.other_changes),
    ];
    for (title, list) in terms {
        section(&mut out, title, list.len(), markdown);
        for c in list {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "unstated".into());
            let _ = writeln!(
                out,
                "{} {}: {} → {}",
                bullet(markdown),
                c.term,
                show(&c.before),
                show(&c.after)
            );
        }
    }
    out
}

fn section(out: &mut String, title: &str, n: usize, markdown: bool) {
    if markdown {
        let _ = writeln!(out, "\n## {title} ({n})\n");
    } else {
        let _ = writeln!(out, "\n{title} ({n}):");
    }
}

fn bullet(markdown: bool) -> &'static str {
    if markdown {
        "-"
    } else {
        " "
    }
}
