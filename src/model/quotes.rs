//! What findings quote from a program, made once per model and shared by every finding: each
//! stated value as the program writes it, each transition and money flow, and the source tag of
//! each clause.

use std::sync::Arc;

use crate::syntax::ast::Span;
use crate::syntax::print;
use crate::syntax::validate::{FlowDecl, Terms, TransitionDecl};
use crate::vocab::{self, FastMap, Term};

/// The parts of a program findings quote, each made once.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    /// Each stated term's clause and value, by the term's place in [`vocab::TERMS`].
    values: Vec<Option<(Span, Arc<str>)>>,
    /// The transitions, by index.
    pub transitions: Vec<Arc<TransitionDecl>>,
    /// The money flows, by index.
    pub flows: Vec<Arc<FlowDecl>>,
    sources: FastMap<Span, Arc<str>>,
}

impl Quotes {
    /// The quotes of `terms`.
    pub fn new(terms: &Terms) -> Self {
        let mut sources = FastMap::default();
        let mut source = |span: Span, tag: &Option<String>| {
            if let Some(tag) = tag {
                sources.insert(span, Arc::from(tag.as_str()));
            }
        };
        let values = vocab::TERMS
            .iter()
            .map(|t| {
                let f = terms.facts.of(t)?;
                source(f.span, &f.source);
                Some((f.span, Arc::from(print::value(t.kind, &f.value))))
            })
            .collect();
        for t in &terms.transitions {
            source(t.span, &t.source);
        }
        for f in &terms.flows {
            source(f.span, &f.source);
        }
        Quotes {
            values,
            transitions: terms.transitions.iter().cloned().map(Arc::new).collect(),
            flows: terms.flows.iter().cloned().map(Arc::new).collect(),
            sources,
        }
    }

    /// The clause stating `term`, and its value as a program writes it.
    pub fn value(&self, term: &'static Term) -> Option<(Span, Arc<str>)> {
        self.values.get(term.ordinal()?)?.clone()
    }

    /// The source tag of the clause at `span`.
    pub fn source(&self, span: &Span) -> Option<Arc<str>> {
        // Most programs tag no clause: nothing to look up.
        if self.sources.is_empty() {
            return None;
        }
        self.sources.get(span).cloned()
    }
}
