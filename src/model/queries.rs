//! Graph queries the rules need. Each is a single breadth-first pass: linear in the graph.

use std::collections::VecDeque;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{Edge, Model, Node};
use crate::syntax::validate::{FlowDecl, TransitionDecl};

/// A worker's journey that proves a finding: transitions in order, by index into
/// [`crate::syntax::validate::Terms::transitions`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Witness {
    /// The transitions taken.
    pub transitions: Vec<usize>,
    /// The status categories the journey never enters, where the query names some.
    pub avoided: Vec<&'static str>,
}

impl Model {
    /// The category of a status node.
    pub fn category(&self, n: NodeIndex) -> Option<&'static str> {
        match self.graph.node_weight(n) {
            Some(Node::Status { category, .. }) => Some(category),
            _ => None,
        }
    }

    /// The transition an edge stands for.
    pub fn transition_of(&self, e: EdgeIndex) -> Option<(usize, &TransitionDecl)> {
        match self.graph.edge_weight(e) {
            Some(Edge::Transition { index }) => {
                self.terms.transitions.get(*index).map(|t| (*index, t))
            }
            _ => None,
        }
    }

    /// Status nodes whose category is in `cats`.
    pub fn statuses_in(&self, cats: &[&str]) -> Vec<NodeIndex> {
        self.graph
            .node_indices()
            .filter(|n| self.category(*n).is_some_and(|c| cats.contains(&c)))
            .collect()
    }

    /// Status nodes reachable from `from` (itself included) through transitions `allow` accepts.
    pub fn reachable(&self, from: NodeIndex, allow: impl Fn(&TransitionDecl) -> bool) -> Vec<bool> {
        let mut seen = vec![false; self.graph.node_count()];
        let mut queue = VecDeque::from([from]);
        first_visit(&mut seen, from);
        while let Some(n) = queue.pop_front() {
            for e in self.graph.edges(n) {
                let Some((_, t)) = self.transition_of(e.id()) else {
                    continue;
                };
                if allow(t) && first_visit(&mut seen, e.target()) {
                    queue.push_back(e.target());
                }
            }
        }
        seen
    }

    /// The shortest journey from a status in `from` to a status in `to` whose first transition's
    /// trigger is in `first` (any trigger when `None`), never entering a status in `avoiding`.
    pub fn find_path(
        &self,
        from: &[&str],
        to: &[&str],
        first: Option<&[&str]>,
        avoiding: &[&str],
    ) -> Option<Witness> {
        let n = self.graph.node_count();
        let mut parent: Vec<Option<(NodeIndex, usize, bool)>> = vec![None; n];
        let mut seen = vec![false; n];
        let mut queue = VecDeque::new();
        let enter = |node: NodeIndex| self.category(node).is_some_and(|c| !avoiding.contains(&c));
        for s in self.statuses_in(from) {
            for e in self.graph.edges(s) {
                let Some((ix, t)) = self.transition_of(e.id()) else {
                    continue;
                };
                let tgt = e.target();
                if first.is_none_or(|f| f.contains(&t.trigger))
                    && enter(tgt)
                    && first_visit(&mut seen, tgt)
                {
                    set_parent(&mut parent, tgt, (s, ix, true));
                    queue.push_back(tgt);
                }
            }
        }
        while let Some(node) = queue.pop_front() {
            if self.category(node).is_some_and(|c| to.contains(&c)) {
                let mut w = self.walk_back(node, &parent);
                w.avoided = crate::vocab::STATUS_CATEGORIES
                    .iter()
                    .copied()
                    .filter(|c| avoiding.contains(c))
                    .collect();
                return Some(w);
            }
            for e in self.graph.edges(node) {
                let Some((ix, _)) = self.transition_of(e.id()) else {
                    continue;
                };
                let tgt = e.target();
                if enter(tgt) && first_visit(&mut seen, tgt) {
                    set_parent(&mut parent, tgt, (node, ix, false));
                    queue.push_back(tgt);
                }
            }
        }
        None
    }

    /// Follows parent links back to a first step; each link points at an earlier-visited node,
    /// so the walk ends.
    fn walk_back(
        &self,
        mut node: NodeIndex,
        parent: &[Option<(NodeIndex, usize, bool)>],
    ) -> Witness {
        let mut transitions = Vec::new();
        while let Some((prev, ix, first)) = parent.get(node.index()).copied().flatten() {
            transitions.push(ix);
            if first {
                break;
            }
            node = prev;
        }
        transitions.reverse();
        Witness {
            transitions,
            avoided: Vec::new(),
        }
    }

    /// Transitions leaving a status in `from` on a trigger in `on` (any when `None`).
    pub fn transitions_matching<'a>(
        &'a self,
        from: Option<&'a [&'a str]>,
        to: Option<&'a [&'a str]>,
        on: Option<&'a [&'a str]>,
    ) -> impl Iterator<Item = (usize, &'a TransitionDecl)> + 'a {
        self.terms
            .transitions
            .iter()
            .enumerate()
            .filter(move |(_, t)| {
                let cat = |name: &str| self.statuses.get(name).and_then(|&n| self.category(n));
                from.is_none_or(|f| cat(&t.from).is_some_and(|c| f.contains(&c)))
                    && to.is_none_or(|f| cat(&t.to).is_some_and(|c| f.contains(&c)))
                    && on.is_none_or(|f| f.contains(&t.trigger))
            })
    }

    /// The earliest time, in days, at which a transition from `from` on a trigger in `on` opens.
    pub fn earliest_open(&self, from: &[&str], on: &[&str]) -> Option<f64> {
        self.transitions_matching(Some(from), None, Some(on))
            .map(|(_, t)| t.after.unwrap_or(0.0))
            .min_by(f64::total_cmp)
    }

    /// Money flows paid by `party` (a name or a role).
    pub fn flows_from<'a>(
        &'a self,
        party: &'a str,
    ) -> impl Iterator<Item = (usize, &'a FlowDecl)> + 'a {
        self.terms
            .flows
            .iter()
            .enumerate()
            .filter(move |(_, f)| !f.negated && self.party_is(&f.payer, party))
    }
}

/// Marks `n` seen; whether it was not seen before.
fn first_visit(seen: &mut [bool], n: NodeIndex) -> bool {
    match seen.get_mut(n.index()) {
        Some(s) if !*s => {
            *s = true;
            true
        }
        _ => false,
    }
}

/// Records the step by which `n` was first reached.
fn set_parent(
    parent: &mut [Option<(NodeIndex, usize, bool)>],
    n: NodeIndex,
    step: (NodeIndex, usize, bool),
) {
    if let Some(p) = parent.get_mut(n.index()) {
        *p = Some(step);
    }
}
