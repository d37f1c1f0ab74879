//! What a finding rests on, as data: the clauses that decided it and what the program is silent
//! on. `report` puts both into words, in the report's language.

use std::sync::Arc;

use serde::Serialize;

use crate::syntax::ast::Span;
use crate::syntax::validate::{FlowDecl, TransitionDecl};

/// A clause that supports a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    /// Where it is in the program.
    pub span: Span,
    /// What it says.
    pub says: Says,
    /// The article of the agreement it encodes, if tagged.
    pub source: Option<Arc<str>>,
}

/// What a clause says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Says {
    /// A stated term, with its value as a program writes it.
    Fact {
        /// The term's path.
        term: &'static str,
        /// The value.
        value: Arc<str>,
    },
    /// A term the program does not state.
    NotStated {
        /// The term's path.
        term: &'static str,
    },
    /// A transition between statuses; as the last step of a worker's journey, with the
    /// status categories the journey never enters.
    Transition {
        /// The transition as declared.
        transition: Arc<TransitionDecl>,
        /// Status categories the journey avoids (on a journey's last step only).
        avoided: Vec<&'static str>,
    },
    /// A money flow.
    Flow {
        /// The flow as declared.
        flow: Arc<FlowDecl>,
    },
    /// A way between statuses, or a single transition, that the program lacks.
    Missing(Box<Missing>),
}

/// A way between statuses or a transition that a rule asks for and the program lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// A way through any number of transitions (`true`), or one transition.
    pub journey: bool,
    /// The status categories it would start from; empty for any.
    pub from: Vec<&'static str>,
    /// The status categories it would reach; empty for any.
    pub to: Vec<&'static str>,
    /// The triggers it would take; empty for any.
    pub on: Vec<&'static str>,
    /// The status categories it would avoid.
    pub avoiding: Vec<&'static str>,
}

/// What a program is silent on, where a rule needs an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "of", rename_all = "kebab-case")]
pub enum Gap {
    /// A term, or the `statuses` block.
    Term(&'static str),
    /// Whether the transitions listed are all there are.
    Transitions,
    /// Who pays these costs; empty for money flows in general.
    Payer(Vec<&'static str>),
    /// Whether a stated exception applies.
    Exception(String),
    /// How an authority uses its discretion.
    Discretion,
}

impl Gap {
    /// The term the gap is about, where it is one.
    pub fn term(&self) -> Option<&'static str> {
        match self {
            Gap::Term(t) => Some(t),
            _ => None,
        }
    }
}
