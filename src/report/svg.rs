//! The worker-status graph drawn as SVG in Rust: statuses in columns by distance from the entry,
//! transitions as labelled arrows, the journeys behind violated findings in red.

use std::collections::{HashSet, VecDeque};
use std::fmt::Write;

use petgraph::visit::EdgeRef;

use super::graph::transition_label;
use crate::model::{Edge, Model, Node};
use crate::t;
use crate::vocab::TERMINAL_STATUSES;

const W: f64 = 170.0;
const H: f64 = 44.0;
const COL: f64 = 260.0;
const ROW: f64 = 96.0;
const PAD: f64 = 40.0;
/// The font size of transition labels.
const LABEL: f64 = 11.0;

/// The labels placed so far, filed by the grid cells their boxes cover, so that finding a free
/// spot looks only at nearby labels: placing every label stays linear in the graph.
#[derive(Default)]
struct Placed(std::collections::HashMap<(i64, i64), Vec<[f64; 4]>>);

impl Placed {
    const CELL: f64 = 128.0;

    /// The grid cells a box covers.
    fn cells(b: [f64; 4]) -> impl Iterator<Item = (i64, i64)> {
        let cell = |v: f64| (v / Self::CELL).floor() as i64;
        let (x0, x1, y0, y1) = (cell(b[0]), cell(b[2]), cell(b[1]), cell(b[3]));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Whether `b` overlaps no placed box.
    fn clear(&self, b: [f64; 4]) -> bool {
        Self::cells(b).all(|c| {
            self.0.get(&c).is_none_or(|boxes| {
                boxes
                    .iter()
                    .all(|p| b[2] <= p[0] || p[2] <= b[0] || b[3] <= p[1] || p[3] <= b[1])
            })
        })
    }

    fn add(&mut self, b: [f64; 4]) {
        for c in Self::cells(b) {
            self.0.entry(c).or_default().push(b);
        }
    }
}

/// The baseline nearest to `y` where a label of `chars` characters centred on `x` overlaps no
/// label already placed, searching down and up a line at a time; the label's box is added to
/// `placed`. Widths are estimated at 0.6 em a character, more than Helvetica's average.
fn free_spot(placed: &mut Placed, x: f64, y: f64, chars: usize) -> f64 {
    let half = chars as f64 * LABEL * 0.3;
    let label_box = |y: f64| [x - half, y - LABEL, x + half, y + LABEL * 0.25];
    let step = LABEL * 1.3;
    let spot = (0..40)
        .map(|n| {
            let k = f64::from((n + 1) / 2);
            if n % 2 == 1 {
                y + k * step
            } else {
                y - k * step
            }
        })
        .find(|y| placed.clear(label_box(*y)))
        .unwrap_or(y);
    placed.add(label_box(spot));
    spot
}

/// Escapes text for XML (and HTML); control characters, which XML cannot hold, become `?`.
pub fn xml(s: &str) -> String {
    crate::syntax::lexical::printable(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Draws the statuses and transitions of `m`; transitions whose index is in `highlight` are red.
/// Returns `None` when the program states no statuses.
pub fn status_graph(w: &super::Words, m: &Model, highlight: &HashSet<usize>) -> Option<String> {
    let statuses: Vec<_> = m
        .graph()
        .node_indices()
        .filter(|n| matches!(m.graph()[*n], Node::Status { .. }))
        .collect();
    if statuses.is_empty() {
        return None;
    }
    let mut depth = vec![usize::MAX; m.graph().node_count()];
    if let Some(e) = m.entry() {
        if let Some(d) = depth.get_mut(e.index()) {
            *d = 0;
        }
        let mut queue = VecDeque::from([e]);
        while let Some(n) = queue.pop_front() {
            let Some(next) = depth.get(n.index()).map(|d| d + 1) else {
                continue;
            };
            for e in m.graph().edges(n) {
                if !matches!(e.weight(), Edge::Transition { .. }) {
                    continue;
                }
                if let Some(d) = depth.get_mut(e.target().index()) {
                    if *d == usize::MAX {
                        *d = next;
                        queue.push_back(e.target());
                    }
                }
            }
        }
    }
    let depth_of = |n: usize| depth.get(n).copied().unwrap_or(usize::MAX);
    let max_depth = statuses
        .iter()
        .map(|n| depth_of(n.index()))
        .filter(|d| *d != usize::MAX)
        .max()
        .unwrap_or(0);
    let mut rows = vec![0usize; max_depth + 2];
    let mut pos = vec![(0.0, 0.0); m.graph().node_count()];
    for n in &statuses {
        let col = match depth_of(n.index()) {
            usize::MAX => max_depth + 1,
            d => d,
        };
        let (Some(row), Some(p)) = (rows.get_mut(col), pos.get_mut(n.index())) else {
            continue;
        };
        *p = (PAD + col as f64 * COL, PAD + *row as f64 * ROW);
        *row += 1;
    }
    let width = PAD * 2.0 + (rows.iter().rposition(|r| *r > 0).unwrap_or(0) as f64) * COL + W;
    let height = PAD * 2.0 + (*rows.iter().max().unwrap_or(&1) as f64 - 1.0) * ROW + H + 30.0;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-family=\"Helvetica, Arial, sans-serif\">\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>\
         <marker id=\"arrow-red\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c0262d\"/></marker></defs>\n",
        xml(&t!(w.lang, "graph.label", name = m.terms().name))
    );
    let mut placed = Placed::default();
    for e in m.graph().edge_references() {
        let Edge::Transition { index } = e.weight() else {
            continue;
        };
        let (Some(&a), Some(&b)) = (pos.get(e.source().index()), pos.get(e.target().index()))
        else {
            continue;
        };
        let hot = highlight.contains(index);
        let (stroke, marker, wid) = if hot {
            ("#c0262d", "arrow-red", 2.5)
        } else {
            ("#555", "arrow", 1.2)
        };
        let words = transition_label(w, m, *index);
        let label = xml(&words);
        let (path, lx, ly) = if e.source() == e.target() {
            let (x, y) = (a.0 + W / 2.0, a.1);
            (
                format!(
                    "M{},{} C{},{} {},{} {},{}",
                    x - 20.0,
                    y,
                    x - 40.0,
                    y - 45.0,
                    x + 40.0,
                    y - 45.0,
                    x + 20.0,
                    y
                ),
                x,
                y - 40.0,
            )
        } else if b.0 > a.0 {
            let (x1, y1, x2, y2) = (a.0 + W, a.1 + H / 2.0, b.0, b.1 + H / 2.0);
            let mx = (x1 + x2) / 2.0;
            (
                format!("M{x1},{y1} C{mx},{y1} {mx},{y2} {x2},{y2}"),
                mx,
                (y1 + y2) / 2.0 - 6.0,
            )
        } else {
            let (x1, y1, x2, y2) = (a.0 + W / 2.0, a.1 + H, b.0 + W / 2.0, b.1 + H);
            let dip = y1.max(y2) + 50.0;
            (
                format!("M{x1},{y1} C{x1},{dip} {x2},{dip} {x2},{y2}"),
                (x1 + x2) / 2.0,
                dip - 8.0,
            )
        };
        let ly = free_spot(&mut placed, lx, ly, words.chars().count());
        let _ = writeln!(
            out,
            "<g class=\"transition{}\"><path d=\"{path}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{wid}\" marker-end=\"url(#{marker})\"/>\
             <text x=\"{lx}\" y=\"{ly}\" font-size=\"{LABEL}\" text-anchor=\"middle\" fill=\"{stroke}\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{label}</text></g>",
            if hot { " violating" } else { "" }
        );
    }
    for n in &statuses {
        let Node::Status { name, category, .. } = &m.graph()[*n] else {
            continue;
        };
        let Some(&(x, y)) = pos.get(n.index()) else {
            continue;
        };
        let danger = matches!(*category, "irregular" | "detained");
        let stroke = if danger { "#c0262d" } else { "#1f4e79" };
        let fill = if danger { "#fdecea" } else { "#eef4fb" };
        let _ = write!(out, "<g class=\"status\"><rect x=\"{x}\" y=\"{y}\" width=\"{W}\" height=\"{H}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>");
        if TERMINAL_STATUSES.contains(category) {
            let _ = write!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"none\" stroke=\"{stroke}\"/>", x + 3.0, y + 3.0, W - 6.0, H - 6.0);
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#111\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">{}{}</text></g>",
            x + W / 2.0,
            y + 19.0,
            xml(&name.replace('_', " ")),
            x + W / 2.0,
            y + 34.0,
            xml(&category.replace('_', " ")),
            if Some(*n) == m.entry() {
                format!(" · {}", t!(w.lang, "graph.entry"))
            } else {
                String::new()
            }
        );
    }
    out.push_str("</svg>\n");
    Some(out)
}
