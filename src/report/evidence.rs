//! A finding's evidence in words: what each clause says and what the program is silent on, in
//! the report's language. Status names, triggers, parties and costs are the program's and the
//! vocabulary's own words and stay as they are.

use super::Words;
use crate::locale::{duration, text};
use crate::rules::evidence::{Clause, Gap, Missing, Says};
use crate::syntax::validate::{FlowDecl, TransitionDecl};
use crate::t;

/// How the items of a list are joined: `a, b and c` or `a, b or c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// `a, b and c`.
    And,
    /// `a, b or c`.
    Or,
}

impl Words {
    /// `items` as one phrase in the report's language.
    pub fn list<S: AsRef<str>>(&self, items: &[S], join: Join) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [rest @ .., last] => {
                let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
                let key = match join {
                    Join::And => "diagnostic.and",
                    Join::Or => "diagnostic.or",
                };
                text(
                    self.lang,
                    key,
                    &[("items", &rest.join(", ")), ("last", &last.as_ref())],
                )
            }
        }
    }

    /// What a clause says.
    pub fn says(&self, says: &Says) -> String {
        let lang = self.lang;
        match says {
            Says::Fact { term, value } => t!(lang, "evidence.fact", term = term, value = value),
            Says::NotStated { term } => t!(lang, "evidence.not_stated", term = term),
            Says::Transition {
                transition,
                avoided,
            } => {
                let mut step = self.step(transition);
                if !avoided.is_empty() {
                    let through = self.list(avoided, Join::Or);
                    step.push_str(", ");
                    step.push_str(&t!(lang, "evidence.never_through", statuses = through));
                }
                step
            }
            Says::Flow { flow } => self.flow(flow),
            Says::Missing(missing) => self.missing(missing),
        }
    }

    /// A clause in words, with the agreement's article it encodes in brackets where tagged.
    pub fn clause(&self, clause: &Clause) -> String {
        let says = self.says(&clause.says);
        match &clause.source {
            Some(s) => format!("{says} ({s})"),
            None => says,
        }
    }

    /// What the program is silent on.
    pub fn gap(&self, gap: &Gap) -> String {
        let lang = self.lang;
        match gap {
            Gap::Term(term) => ["`", term, "`"].concat(),
            Gap::Transitions => t!(lang, "evidence.gap_transitions"),
            Gap::Payer(costs) if costs.is_empty() => t!(lang, "evidence.gap_flows"),
            Gap::Payer(costs) => {
                let costs: Vec<String> = costs.iter().map(|c| c.replace('_', " ")).collect();
                t!(
                    lang,
                    "evidence.gap_payer",
                    costs = self.list(&costs, Join::And)
                )
            }
            Gap::Exception(e) => t!(lang, "evidence.gap_exception", exception = e),
            Gap::Discretion => t!(lang, "evidence.gap_discretion"),
        }
    }

    /// A transition as a step of a worker's journey: `employed → returned on job_loss, within
    /// 2 weeks`.
    pub fn step(&self, t: &TransitionDecl) -> String {
        let mut words = t!(
            self.lang,
            "evidence.step",
            from = t.from,
            to = t.to,
            trigger = t.trigger
        );
        for q in self.qualifiers(t) {
            words.push_str(", ");
            words.push_str(&q);
        }
        words
    }

    /// A transition's label on a graph: its trigger and qualifiers
    /// (`job loss, within 2 weeks, decided by employer`).
    pub fn transition_label(&self, t: &TransitionDecl) -> String {
        std::iter::once(t.trigger.replace('_', " "))
            .chain(self.qualifiers(t))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A money flow's label on a graph: the cost, and whether it is deducted.
    pub fn flow_label(&self, f: &FlowDecl) -> String {
        let cost = f.cost.replace('_', " ");
        if f.deducted {
            format!("{cost} ({})", t!(self.lang, "evidence.deducted"))
        } else {
            cost
        }
    }

    /// The time limits, decider and consent of a transition, each a phrase.
    fn qualifiers(&self, t: &TransitionDecl) -> Vec<String> {
        let lang = self.lang;
        let mut out = Vec::new();
        if let Some(d) = t.after {
            out.push(t!(lang, "evidence.after", duration = duration(lang, d)));
        }
        if let Some(d) = t.within {
            out.push(t!(lang, "evidence.within", duration = duration(lang, d)));
        }
        if let Some(p) = &t.decided_by {
            out.push(t!(lang, "evidence.decided_by", party = p));
        }
        if !t.consent.is_empty() {
            let parties = self.list(&t.consent, Join::And);
            out.push(t!(lang, "evidence.consent", parties = parties));
        }
        out
    }

    fn flow(&self, f: &FlowDecl) -> String {
        let lang = self.lang;
        let key = if f.negated {
            "evidence.pays_no"
        } else {
            "evidence.pays"
        };
        let cost = f.cost.replace('_', " ");
        let mut words = t!(lang, key, payer = f.payer, cost = cost);
        if let Some(p) = &f.payee {
            words.push(' ');
            words.push_str(&t!(lang, "evidence.to", payee = p));
        }
        if f.deducted {
            words.push_str(", ");
            words.push_str(&t!(lang, "evidence.deducted"));
        }
        words
    }

    fn missing(&self, m: &Missing) -> String {
        let lang = self.lang;
        let any = |l: &[&str]| {
            if l.is_empty() {
                t!(lang, "evidence.any_status")
            } else {
                self.list(l, Join::Or)
            }
        };
        let key = if m.journey {
            "evidence.no_way"
        } else {
            "evidence.no_transition"
        };
        let mut words = t!(lang, key, from = any(&m.from), to = any(&m.to));
        if !m.on.is_empty() {
            words.push(' ');
            words.push_str(&t!(
                lang,
                "evidence.on",
                triggers = self.list(&m.on, Join::Or)
            ));
        }
        if !m.avoiding.is_empty() {
            let statuses = self.list(&m.avoiding, Join::And);
            words.push(' ');
            words.push_str(&t!(lang, "evidence.avoiding", statuses = statuses));
        }
        words
    }
}
