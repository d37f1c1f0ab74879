//! The program model: typed terms plus a petgraph graph of worker statuses, parties and
//! documents, joined by transitions, money flows, custody and duties. Terms the program does not
//! state stay absent, so rules can tell silence from "no".

mod checks;
mod queries;
mod quotes;

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::syntax::ast::Span;
use crate::syntax::validate::Terms;
use crate::syntax::{Diagnostic, Parsed};
use crate::vocab::{self, Kind, Typed};

pub use queries::Witness;
pub use quotes::Quotes;

/// A node of the program graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    /// A worker status.
    Status {
        /// The program's name for it.
        name: String,
        /// Its vocabulary category.
        category: &'static str,
        /// The declaring clause.
        span: Span,
    },
    /// A party: built-in or declared.
    Party {
        /// The name.
        name: String,
        /// The role (built-in parties are their own role).
        role: String,
    },
    /// The work and residence permit.
    Permit,
    /// What a permit can be tied to: a sector or a region.
    Tie {
        /// `sector` or `region`.
        to: String,
    },
    /// An identity or permit document.
    Document {
        /// `passport` or `permit`.
        name: String,
    },
}

/// An edge of the program graph.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edge {
    /// A status transition: index into [`Terms::transitions`].
    Transition {
        /// The index.
        index: usize,
    },
    /// A money flow from payer to payee: index into [`Terms::flows`].
    Flow {
        /// The index.
        index: usize,
    },
    /// A document held by a party: the stating term.
    Custody {
        /// The term's path.
        term: &'static str,
    },
    /// The permit is tied to the target (an employer, a sector or a region).
    Tied,
    /// A duty a party owes the worker: the stating term.
    Duty {
        /// The term's path.
        term: &'static str,
    },
}

const _: () = assert!(
    vocab::LISTS.len() <= 32,
    "one bit per list in `Model::complete`"
);

/// A compiled program.
#[derive(Debug, Clone)]
pub struct Model {
    terms: Terms,
    graph: DiGraph<Node, Edge>,
    entry: Option<NodeIndex>,
    statuses: HashMap<String, NodeIndex>,
    parties: HashMap<String, NodeIndex>,
    /// The lists of [`vocab::LISTS`] declared complete, one bit each (at most 32 lists).
    complete: u32,
    /// What findings quote, made when the first finding needs it.
    quotes: std::sync::OnceLock<Quotes>,
}

impl Model {
    /// Builds the model from a vocabulary-checked program, with the semantic diagnostics.
    pub fn compile(parsed: &Parsed) -> (Model, Vec<Diagnostic>) {
        Self::from_terms(parsed.terms().clone())
    }

    /// Builds the model from typed terms, with the semantic diagnostics.
    pub fn from_terms(terms: Terms) -> (Model, Vec<Diagnostic>) {
        let mut m = Model {
            terms,
            graph: DiGraph::new(),
            entry: None,
            statuses: HashMap::new(),
            parties: HashMap::new(),
            complete: 0,
            quotes: std::sync::OnceLock::new(),
        };
        if let Some(f) = m.terms.facts.get("complete") {
            for (bit, word) in vocab::LISTS.iter().enumerate() {
                if f.value.has_word(word) {
                    m.complete |= 1 << bit;
                }
            }
        }
        for s in &m.terms.statuses {
            let ix = m.graph.add_node(Node::Status {
                name: s.name.clone(),
                category: s.category,
                span: s.span,
            });
            m.statuses.insert(s.name.clone(), ix);
        }
        m.entry = m
            .terms
            .entry
            .as_ref()
            .and_then(|(n, _)| m.statuses.get(n).copied());
        for (index, t) in m.terms.transitions.iter().enumerate() {
            // Validation keeps only transitions between declared statuses.
            if let (Some(a), Some(b)) = (m.statuses.get(&t.from), m.statuses.get(&t.to)) {
                m.graph.add_edge(*a, *b, Edge::Transition { index });
            }
        }
        for (index, f) in m.terms.flows.clone().iter().enumerate() {
            if f.negated {
                continue;
            }
            let payer = m.party(&f.payer);
            let payee = m.party(f.payee.as_deref().unwrap_or("unstated_payee"));
            m.graph.add_edge(payer, payee, Edge::Flow { index });
        }
        let party_terms: Vec<(&'static str, String)> = vocab::TERMS
            .iter()
            .filter(|t| t.kind == Kind::Party)
            .filter_map(|t| match m.terms.facts.get(t.path) {
                Some(f) => match &f.value {
                    Typed::Word(w) => Some((t.path, w.clone())),
                    _ => None,
                },
                None => None,
            })
            .collect();
        for (term, holder) in party_terms {
            let party = m.party(&holder);
            if let Some(doc) = term.strip_prefix("documents.") {
                let d = m.graph.add_node(Node::Document {
                    name: doc.to_string(),
                });
                m.graph.add_edge(d, party, Edge::Custody { term });
            } else {
                let worker = m.party("worker");
                m.graph.add_edge(party, worker, Edge::Duty { term });
            }
        }
        m.permit();
        let diags = checks::run(&m);
        (m, diags)
    }

    /// Adds the permit and what it is tied to, when the program says.
    fn permit(&mut self) {
        let Some(Typed::Word(tie)) = self.fact("permit.tied_to").map(|f| f.value.clone()) else {
            return;
        };
        let permit = self.graph.add_node(Node::Permit);
        let target = match tie.as_str() {
            "employer" => self.party("employer"),
            "none" => return,
            other => self.graph.add_node(Node::Tie {
                to: other.to_string(),
            }),
        };
        self.graph.add_edge(permit, target, Edge::Tied);
    }

    fn party(&mut self, name: &str) -> NodeIndex {
        if let Some(ix) = self.parties.get(name) {
            return *ix;
        }
        let role = self
            .terms
            .parties
            .iter()
            .find(|p| p.name == name)
            .map_or(name.to_string(), |p| p.role.to_string());
        let ix = self.graph.add_node(Node::Party {
            name: name.to_string(),
            role,
        });
        self.parties.insert(name.to_string(), ix);
        ix
    }

    /// What findings quote from the program.
    pub fn quotes(&self) -> &Quotes {
        self.quotes.get_or_init(|| Quotes::new(&self.terms))
    }

    /// The typed terms.
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// The graph.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The status a worker starts in.
    pub fn entry(&self) -> Option<NodeIndex> {
        self.entry
    }

    /// The stated value of the term at `path`, if any.
    pub fn fact(&self, path: &str) -> Option<&crate::syntax::validate::Fact> {
        self.terms.facts.get(path)
    }

    /// The stated value of `term`, if any.
    pub fn fact_of(&self, term: &'static vocab::Term) -> Option<&crate::syntax::validate::Fact> {
        self.terms.facts.of(term)
    }

    /// The country codes the program states for `origin` or `destination` (none when silent).
    pub fn states(&self, path: &str) -> Vec<&str> {
        self.fact(path).map_or(Vec::new(), |f| f.value.words())
    }

    /// Whether the program declares the list `word` of [`crate::vocab::LISTS`] complete, so that
    /// what it leaves out does not happen.
    pub fn complete(&self, word: &str) -> bool {
        vocab::LISTS
            .iter()
            .position(|w| *w == word)
            .is_some_and(|bit| self.complete & (1 << bit) != 0)
    }

    /// Whether the list term at `path` is declared complete.
    pub fn term_complete(&self, path: &str) -> bool {
        vocab::LISTS
            .iter()
            .enumerate()
            .any(|(bit, w)| self.complete & (1 << bit) != 0 && vocab::list_term(w) == path)
    }

    /// Whether the program describes workers' statuses at all.
    pub fn has_statuses(&self) -> bool {
        self.terms.statuses_block.is_some()
    }

    /// Whether `party` (a name used in the program) is, or has the role, `wanted`.
    pub fn party_is(&self, party: &str, wanted: &str) -> bool {
        if party == wanted {
            return true;
        }
        let role = self
            .terms
            .parties
            .iter()
            .find(|p| p.name == party)
            .map(|p| p.role);
        match role {
            Some(r) => {
                r == wanted
                    || (wanted == "agency" && r.ends_with("agency"))
                    || (wanted == "origin_state" && r == "state")
            }
            None => false,
        }
    }
}
