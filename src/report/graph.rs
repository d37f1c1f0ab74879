//! The program graph as Graphviz DOT and Mermaid, labelled in the report's language, and as
//! versioned JSON.

use petgraph::visit::EdgeRef;
use serde_json::{json, Value};

use super::Words;
use crate::model::{Edge, Model, Node};
use crate::t;
use crate::vocab::TERMINAL_STATUSES;

/// The version of the graph JSON schema (`schemas/graph.schema.json`).
pub const GRAPH_SCHEMA: &str = "fairpath.graph/1";

fn node_label(w: &Words, n: &Node) -> String {
    match n {
        Node::Status { name, category, .. } if name == category => name.replace('_', " "),
        Node::Status { name, category, .. } => format!(
            "{} ({})",
            name.replace('_', " "),
            category.replace('_', " ")
        ),
        Node::Party { name, .. } => name.replace('_', " "),
        Node::Document { name } => name.clone(),
        Node::Permit => t!(w.lang, "graph.permit"),
        Node::Tie { to } => to.clone(),
    }
}

/// Text inside a Mermaid label: no quotes, no line breaks, no control characters, and no `#`
/// or `|` that Mermaid would read as syntax.
fn mermaid_text(s: &str) -> String {
    crate::syntax::lexical::printable(s)
        .replace(['"', '|'], "'")
        .replace('#', "no. ")
        .replace('\n', " ")
}

fn escape(s: &str) -> String {
    crate::syntax::lexical::printable(s)
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

/// Graphviz DOT: statuses as ellipses (terminal ones doubled, irregular ones red), transitions
/// labelled with trigger and time limits, money flows and custody dashed between parties.
pub fn dot(w: &Words, m: &Model) -> String {
    let mut out = format!("digraph \"{}\" {{\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n", escape(&m.terms().name));
    for n in m.graph().node_indices() {
        let node = &m.graph()[n];
        let attrs = match node {
            Node::Status { category, .. } if TERMINAL_STATUSES.contains(category) => {
                "shape=doublecircle"
            }
            Node::Status {
                category: "irregular" | "detained",
                ..
            } => "shape=ellipse, color=red, fontcolor=red",
            Node::Status { .. } => "shape=ellipse",
            Node::Party { .. } => "shape=box, style=rounded",
            Node::Document { .. } | Node::Permit => "shape=note",
            Node::Tie { .. } => "shape=box",
        };
        out.push_str(&format!(
            "  n{} [label=\"{}\", {attrs}];\n",
            n.index(),
            escape(&node_label(w, node))
        ));
    }
    if let Some(e) = m.entry() {
        out.push_str(&format!(
            "  entry [shape=point];\n  entry -> n{};\n",
            e.index()
        ));
    }
    for e in m.graph().edge_references() {
        let (label, style) = match e.weight() {
            Edge::Transition { index } => (transition_label(w, m, *index), ""),
            Edge::Flow { index } => (
                m.terms().flows.get(*index).map_or(String::new(), |f| {
                    t!(w.lang, "graph.pays", cost = w.flow_label(f))
                }),
                ", style=dashed, color=gray40",
            ),
            Edge::Custody { .. } => (t!(w.lang, "graph.held_by"), ", style=dotted"),
            Edge::Tied => (t!(w.lang, "graph.tied_to"), ", style=bold"),
            Edge::Duty { term } => (
                term.rsplit('.').next().unwrap_or(term).replace('_', " "),
                ", style=dotted, color=gray40",
            ),
        };
        out.push_str(&format!(
            "  n{} -> n{} [label=\"{}\"{style}];\n",
            e.source().index(),
            e.target().index(),
            escape(&label)
        ));
    }
    out.push_str("}\n");
    out
}

/// A Mermaid flowchart of the statuses and transitions.
pub fn mermaid(w: &Words, m: &Model) -> String {
    let mut out = String::from("flowchart LR\n");
    for n in m.graph().node_indices() {
        if let Node::Status { .. } = &m.graph()[n] {
            out.push_str(&format!(
                "  n{}([\"{}\"])\n",
                n.index(),
                mermaid_text(&node_label(w, &m.graph()[n]))
            ));
        }
    }
    if let Some(e) = m.entry() {
        let start = mermaid_text(&t!(w.lang, "graph.start"));
        out.push_str(&format!("  start(({start})) --> n{}\n", e.index()));
    }
    for e in m.graph().edge_references() {
        if let Edge::Transition { index } = e.weight() {
            out.push_str(&format!(
                "  n{} -->|\"{}\"| n{}\n",
                e.source().index(),
                mermaid_text(&transition_label(w, m, *index)),
                e.target().index()
            ));
        }
    }
    out
}

/// The graph as JSON, following `schemas/graph.schema.json`.
pub fn json(m: &Model) -> Value {
    let nodes: Vec<Value> = m
        .graph()
        .node_indices()
        .filter_map(|n| {
            let v = serde_json::to_value(m.graph().node_weight(n)?).ok()?;
            Some(with(v, "id", json!(format!("n{}", n.index()))))
        })
        .collect();
    let edges: Vec<Value> = m
        .graph()
        .edge_references()
        .map(|e| {
            let v = match e.weight() {
                Edge::Transition { index } => m.terms().transitions.get(*index).map_or(json!({"kind": "transition"}), |t| {
                    json!({"kind": "transition", "trigger": t.trigger, "within_days": t.within, "after_days": t.after,
                           "decided_by": t.decided_by, "consent": t.consent, "condition": t.condition, "span": t.span, "source": t.source})
                }),
                Edge::Flow { index } => m.terms().flows.get(*index).map_or(json!({"kind": "flow"}), |f| {
                    json!({"kind": "flow", "cost": f.cost, "amount": f.amount, "deducted": f.deducted, "span": f.span, "source": f.source})
                }),
                Edge::Custody { term } => json!({"kind": "custody", "term": term, "span": m.fact(term).map(|f| f.span)}),
                Edge::Tied => json!({"kind": "tie", "term": "permit.tied_to", "span": m.fact("permit.tied_to").map(|f| f.span)}),
                Edge::Duty { term } => json!({"kind": "duty", "term": term, "span": m.fact(term).map(|f| f.span)}),
            };
            let v = with(v, "from", json!(format!("n{}", e.source().index())));
            with(v, "to", json!(format!("n{}", e.target().index())))
        })
        .collect();
    json!({
        "schema": GRAPH_SCHEMA,
        "program": m.terms().name,
        "entry": m.entry().map(|e| format!("n{}", e.index())),
        "nodes": nodes,
        "edges": edges,
    })
}

/// Transition `index` of `m`'s label on a graph: trigger and qualifiers.
pub fn transition_label(w: &Words, m: &Model, index: usize) -> String {
    m.terms()
        .transitions
        .get(index)
        .map_or(String::new(), |t| w.transition_label(t))
}

/// `object` with `key` set to `value`.
fn with(mut object: Value, key: &str, value: Value) -> Value {
    if let Value::Object(map) = &mut object {
        map.insert(key.to_string(), value);
    }
    object
}
