//! Conditions: boolean logic, comparisons with units, silence, and graph predicates, each
//! type-checked against the vocabulary.

use pest::iterators::Pair;

use super::Compiler;
use crate::rules::ast::{Cond, Op};
use crate::syntax::ast::{Span, ValueKind};
use crate::syntax::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::syntax::parse::{list_value, significant, span_of, value, value_of_quantity, Rule as R};
use crate::syntax::validate::type_value;
use crate::vocab::{self, Kind, Typed};

impl Compiler {
    pub(super) fn expr(&mut self, pair: Pair<R>) -> Cond {
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

    pub(super) fn term(&mut self, path: &str, span: Span) -> Option<&'static vocab::Term> {
        if let Some(t) = vocab::term(path) {
            return Some(t);
        }
        let help = did_you_mean(path, vocab::TERMS.iter().map(|t| t.path))
            .unwrap_or_else(|| "see `fairpath terms` for the vocabulary".into());
        self.diags.push(
            Diagnostic::error(
                Code::UnknownTerm,
                span,
                format!("unknown term `{path}`"),
                "not in the vocabulary",
            )
            .with_help(help),
        );
        None
    }

    pub(super) fn comparison(&mut self, pair: Pair<R>) -> Cond {
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
                    Code::BadOperator,
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

    pub(super) fn transition_pred(&mut self, pair: Pair<R>) -> Cond {
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

    pub(super) fn flow_pred(&mut self, pair: Pair<R>) -> Cond {
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
