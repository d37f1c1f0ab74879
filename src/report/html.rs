//! A self-contained HTML report to read and print: scorecard per instrument, the worker-status
//! graph with violating journeys in red, and each finding in plain words.

use std::collections::HashSet;
use std::fmt::Write;

use super::svg::{status_graph, xml};
use super::{binding_line, Checked};
use crate::rules::{Finding, Verdict};

const STYLE: &str = "body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}\
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}table{border-collapse:collapse;margin:1rem 0}\
td,th{border:1px solid #bbb;padding:.3rem .7rem;text-align:right}th:first-child,td:first-child{text-align:left}\
.violated{border-left:6px solid #c0262d;padding-left:1rem;margin:1.2rem 0}.unstated{border-left:6px solid #d08c00;padding-left:1rem;margin:1.2rem 0}\
code,pre{font-family:Menlo,Consolas,monospace;font-size:.9em;background:#f4f4f4;padding:.1rem .3rem}.high{color:#c0262d;font-weight:bold}\
.graph{overflow-x:auto;border:1px solid #ddd;padding:.5rem}.meta{color:#444;font-size:.95em}\
@media print{.finding{break-inside:avoid}body{margin:0}}";

/// The HTML report for one program.
pub fn html(c: &Checked) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>fairpath report: {}</title><style>{STYLE}</style></head><body>\n",
        xml(c.name())
    );
    let _ = writeln!(out, "<h1>{}</h1>", xml(c.name()));
    let _ = writeln!(
        out,
        "<p class=\"meta\">File <code>{}</code> · origin {} · destination {} · fairpath {}</p>\n<p class=\"meta\">{}</p>",
        xml(c.source.name()),
        xml(&super::states(&c.origin())),
        xml(&super::states(&c.destination())),
        env!("CARGO_PKG_VERSION"),
        xml(&super::people::upper_first(&super::binding::judged_line(&c.judged)))
    );
    out.push_str("<h2>Scorecard</h2>\n<table><tr><th>instrument</th><th>violated</th><th>unstated</th><th>satisfied</th><th>not applicable</th></tr>\n");
    for i in c.instruments() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            xml(i),
            c.count(Verdict::Violated, Some(i)),
            c.count(Verdict::Unstated, Some(i)),
            c.count(Verdict::Satisfied, Some(i)),
            c.count(Verdict::NotApplicable, Some(i))
        );
    }
    out.push_str("</table>\n");
    let spans: HashSet<_> = c
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Violated)
        .flat_map(|f| f.witness.iter().map(|w| w.span))
        .collect();
    let hot: HashSet<usize> = c
        .model
        .terms()
        .transitions
        .iter()
        .enumerate()
        .filter(|(_, t)| spans.contains(&t.span))
        .map(|(i, _)| i)
        .collect();
    if let Some(svg) = status_graph(&c.model, &hot) {
        out.push_str("<h2>The worker's journeys</h2>\n<p>Red arrows are journeys behind a violated finding.</p>\n<div class=\"graph\">\n");
        out.push_str(&svg);
        out.push_str("</div>\n");
    }
    for (title, list) in c.sections() {
        let _ = writeln!(out, "<h2>{title} ({})</h2>", list.len());
        for f in list {
            finding(&mut out, c, f);
        }
    }
    out.push_str("</body></html>\n");
    out
}

fn finding(out: &mut String, c: &Checked, f: &Finding) {
    let _ = writeln!(
        out,
        "<section class=\"finding {}\" id=\"{}\"><h3>{} {} <small><code>{}</code></small></h3>",
        f.verdict.word(),
        xml(&f.rule),
        xml(&f.instrument),
        xml(&f.article),
        xml(&f.rule)
    );
    let high = if f.high {
        " <span class=\"high\">High severity.</span>"
    } else {
        ""
    };
    let soft = match super::people::soft_law(f) {
        s if f.verdict == Verdict::Violated && !s.is_empty() => format!(" <em>{}</em>", s.trim()),
        _ => String::new(),
    };
    let _ = writeln!(out, "<p>{}{high}{soft}</p>", xml(&f.message));
    if let Some(s) = &f.stream {
        let _ = writeln!(out, "<p><b>Stream:</b> <code>{}</code></p>", xml(s));
    }
    if let Some(line) = super::practice_line(f) {
        let _ = writeln!(
            out,
            "<p class=\"practice\"><b>In law:</b> {}. <b>In practice:</b> {}</p>",
            f.verdict.word(),
            xml(line.trim_start_matches("in practice: "))
        );
    }
    if !f.witness.is_empty() || !f.clauses.is_empty() {
        out.push_str("<ul>");
        for cl in f.witness.iter().chain(&f.clauses) {
            let (line, quoted) = c.quote(cl);
            let src = cl
                .source
                .as_ref()
                .map_or(String::new(), |s| format!(" ({})", xml(s)));
            let _ = write!(
                out,
                "<li>line {line}{src}: <code>{}</code> — {}</li>",
                xml(quoted),
                xml(&cl.says)
            );
        }
        out.push_str("</ul>\n");
    }
    if !f.silent.is_empty() {
        let _ = writeln!(
            out,
            "<p>The text does not state: {}.</p>",
            f.silent
                .iter()
                .map(|s| format!("<code>{}</code>", xml(s)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = writeln!(
        out,
        "<p><b>Strength:</b> {} ({}). <b>Duty of:</b> {}. <b>Binding:</b> {}</p><p><b>Remedy:</b> {}</p></section>",
        f.strength.word(),
        xml(&f.obligation),
        super::binding::duty_words(f.duty),
        xml(&binding_line(c, f)),
        xml(&f.remedy)
    );
}
