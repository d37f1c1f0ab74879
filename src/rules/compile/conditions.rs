//! Conditions: boolean logic, comparisons with units, silence, and graph predicates, each
//! type-checked against the vocabulary.

use pest::iterators::Pair;

use super::Compiler;
use crate::rules::ast::{Cond, Op};
use crate::syntax::ast::{Span, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, kind_text, msg, Code, Diagnostic};
use crate::syntax::parse::{list_value, significant, span_of, value, value_of_quantity, Rule as R};
use crate::syntax::validate::type_value;
use crate::vocab::{self, Kind, Typed};

impl Compiler {
    pub(super) fn expr(&mut self, pair: Pair<R>) -> Cond {
        match pair.as_rule() {
            R::expr => {
                let parts: Vec<Cond> = significant(pair).map(|p| self.expr(p)).collect();
                one_or(parts, Cond::Or)
            }
            R::conj => {
                let parts: Vec<Cond> = significant(pair).map(|p| self.expr(p)).collect();
                one_or(parts, Cond::And)
            }
            R::negation => match self.first(pair) {
                Some(p) => Cond::Not(Box::new(self.expr(p))),
                None => Cond::And(Vec::new()),
            },
            R::stated | R::unstated => {
                let stated = pair.as_rule() == R::stated;
                let Some(p) = self.first(pair) else {
                    return Cond::And(Vec::new());
                };
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
            _ => self.unreadable(span_of(&pair)),
        }
    }

    pub(super) fn term(&mut self, path: &str, span: Span) -> Option<&'static vocab::Term> {
        if let Some(t) = vocab::term(path) {
            return Some(t);
        }
        let help = did_you_mean(path, vocab::TERMS.iter().map(|t| t.path))
            .unwrap_or_else(|| msg!("wrong-type.see-terms"));
        self.diags.push(
            Diagnostic::error(
                Code::UnknownTerm,
                span,
                msg!("unknown-term.message", path = path),
                msg!("unknown-term.label"),
            )
            .with_help(help),
        );
        None
    }

    pub(super) fn comparison(&mut self, pair: Pair<R>) -> Cond {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let (Some(tp), Some(op_pair), Some(vp)) = (inner.next(), inner.next(), inner.next()) else {
            return self.unreadable(span);
        };
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
                    Code::BadOperator,
                    span_of(&op_pair),
                    msg!(
                        "bad-operator.message",
                        path = term.path,
                        op = op_pair.as_str()
                    ),
                    msg!("bad-operator.label"),
                )
                .with_help(msg!(
                    "bad-operator.help",
                    path = term.path,
                    kind = kind_text(term.kind)
                )),
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

    pub(super) fn set(
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

    pub(super) fn words(&mut self, pair: Pair<R>) -> Vec<(String, Span)> {
        let Some(inner) = self.first(pair) else {
            return Vec::new();
        };
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

    pub(super) fn parties(&mut self, pair: Pair<R>) -> Vec<String> {
        let mut roles: Vec<&str> = vocab::BUILTIN_PARTIES.to_vec();
        roles.extend(vocab::PARTY_ROLES);
        let words = self.words(pair);
        words
            .into_iter()
            .filter(|(w, span)| self.known(w, *span, &roles, "party or role"))
            .map(|(w, _)| w)
            .collect()
    }

    pub(super) fn path_pred(&mut self, pair: Pair<R>) -> Cond {
        let span = span_of(&pair);
        let mut inner = significant(pair);
        let (Some(from), Some(to)) = (inner.next(), inner.next()) else {
            return self.unreadable(span);
        };
        let from = self.set(from, vocab::STATUS_CATEGORIES, "status category");
        let to = self.set(to, vocab::STATUS_CATEGORIES, "status category");
        let mut on = None;
        let mut avoiding = Vec::new();
        for p in inner {
            let rule = p.as_rule();
            let Some(s) = self.first(p) else {
                continue;
            };
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

    pub(super) fn transition_pred(&mut self, pair: Pair<R>) -> Cond {
        let (mut from, mut to, mut on, mut without_consent, mut by) =
            (None, None, None, Vec::new(), None);
        for p in significant(pair) {
            let rule = p.as_rule();
            let Some(operand) = self.first(p) else {
                continue;
            };
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

    pub(super) fn flow_pred(&mut self, pair: Pair<R>) -> Cond {
        let (mut from, mut to, mut costs, mut deducted) = (None, None, None, false);
        for p in significant(pair) {
            let rule = p.as_rule();
            if rule == R::deducted {
                deducted = true;
                continue;
            }
            let Some(set) = self.first(p) else {
                continue;
            };
            match rule {
                R::t_from => from = Some(self.parties(set)),
                R::t_to => to = Some(self.parties(set)),
                _ => costs = Some(self.set(set, vocab::COSTS, "cost")),
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

/// The one condition of `parts`, or `join` of them all.
fn one_or(parts: Vec<Cond>, join: fn(Vec<Cond>) -> Cond) -> Cond {
    match <[Cond; 1]>::try_from(parts) {
        Ok([only]) => only,
        Err(parts) => join(parts),
    }
}
