//! A self-contained HTML report to read and print: scorecard per instrument, the worker-status
//! graph with violating journeys in red, and each finding in plain words.

use std::collections::HashSet;
use std::fmt::Write;

use super::svg::{status_graph, xml};
use super::{binding_line, Checked};
use crate::rules::{Finding, Verdict};

const STYLE: &str = "body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}\
h1,h2,h3,h4,summary{font-family:Helvetica,Arial,sans-serif}table{border-collapse:collapse;margin:1rem 0}\
td,th{border:1px solid #bbb;padding:.3rem .7rem;text-align:right}th:first-child,td:first-child{text-align:left}\
.violated,.unstated{border-left:6px solid #c0262d;padding-left:1rem;margin:1.2rem 0}.soft{border-left-color:#d08c00}\
code,pre{font-family:Menlo,Consolas,monospace;font-size:.9em;background:#f4f4f4;padding:.1rem .3rem}.high{color:#c0262d;font-weight:bold}\
.graph{overflow-x:auto;border:1px solid #ddd;padding:.5rem}.meta{color:#444;font-size:.95em}.summary{font-size:1.05em}\
td.short{color:#c0262d;font-weight:bold}summary{cursor:pointer;font-weight:bold;margin:1rem 0}\
.silences ul{padding-left:1.2rem}.silences li{margin:.1rem 0}\
@page{size:A4;margin:14mm 14mm 16mm}\
@media print{body{margin:0;max-width:none;font-size:10pt;line-height:1.3}.finding{break-inside:avoid}\
.theme{break-inside:avoid}.appendix{break-before:page}.finding{margin:.5rem 0}.finding p,.finding ul{margin:.2rem 0}\
h2,h3,h4{break-after:avoid}.graph{border:0;overflow:visible}.graph svg{max-width:100%;height:auto}\
details::details-content{display:contents;content-visibility:visible}summary{list-style:none}\
.silences{columns:2;column-gap:2rem;font-size:9pt}.silences h3{break-after:avoid;margin:.6rem 0 .2rem}.silences ul{margin:0}}";

/// Opens the appendix when printing, for browsers that do not print closed `<details>`.
const PRINT_OPEN: &str = "<script>addEventListener('beforeprint',()=>document.querySelectorAll('details').forEach(d=>d.open=true))</script>";

/// The HTML report for one program: the summary and the scorecards on the first page, the
/// worker-status graph, the violations by theme (printed pages break between themes, not
/// within one that fits a page), the other findings, and the silences in a collapsible appendix
/// that starts a page and prints open.
pub fn html(c: &Checked) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>fairpath report: {}</title><style>{STYLE}</style>{PRINT_OPEN}</head><body>\n",
        xml(c.name())
    );
    let _ = writeln!(out, "<h1>{}</h1>", xml(c.name()));
    let _ = writeln!(
        out,
        "<p class=\"meta\">File <code>{}</code> · fairpath {}</p>",
        xml(c.source.name()),
        env!("CARGO_PKG_VERSION"),
    );
    out.push_str("<div class=\"summary\">");
    for line in c.summary() {
        let _ = write!(out, "<p>{}</p>", xml(&line));
    }
    out.push_str("</div>\n<h2>Scorecard by theme</h2>\n<table><tr><th>theme</th><th>violated</th><th>binding</th><th>violated in practice</th><th>unstated</th><th>satisfied</th><th>not applicable</th></tr>\n");
    for s in c.scorecard() {
        let short = |n: usize| {
            if n > 0 {
                format!("<td class=\"short\">{n}</td>")
            } else {
                "<td>0</td>".into()
            }
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td>{}<td>{}</td>{}<td>{}</td><td>{}</td><td>{}</td></tr>",
            s.theme.name(),
            short(s.violated),
            s.binding,
            short(s.in_practice),
            s.unstated,
            s.satisfied,
            s.not_applicable
        );
    }
    out.push_str("</table>\n<h3>By instrument</h3>\n<table><tr><th>instrument</th><th>violated</th><th>unstated</th><th>satisfied</th><th>not applicable</th></tr>\n");
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
    for (theme, list) in c.violations() {
        let _ = writeln!(
            out,
            "<section class=\"theme\"><h2>Violations: {} ({})</h2>",
            theme.name(),
            list.len()
        );
        for f in list {
            finding(&mut out, c, f);
        }
        out.push_str("</section>\n");
    }
    if !c.warnings.is_empty() {
        out.push_str("<h2>Other findings</h2>\n<ul>");
        for d in &c.warnings {
            let _ = write!(
                out,
                "<li>Line {}: {} (<code>{}</code>)</li>",
                c.line_col(d.span().start).0,
                xml(d.message()),
                xml(d.code_name())
            );
        }
        out.push_str("</ul>\n");
    }
    let silences = c.silences();
    if !silences.is_empty() {
        let terms: usize = silences.iter().map(|(_, t)| t.len()).sum();
        let _ = writeln!(
            out,
            "<section class=\"appendix\"><h2>Appendix: what the text is silent on</h2>\n<details><summary>{terms} terms the program does not state, each with the rules it would decide</summary><div class=\"silences\">"
        );
        for (theme, list) in silences {
            let _ = write!(out, "<h3>{}</h3><ul>", theme.name());
            for (term, rules) in list {
                let ids: Vec<String> = rules.iter().map(|f| xml(&f.rule)).collect();
                let _ = write!(
                    out,
                    "<li><code>{}</code> — {}</li>",
                    xml(term),
                    ids.join(", ")
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div></details></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn finding(out: &mut String, c: &Checked, f: &Finding) {
    let _ = writeln!(
        out,
        "<section class=\"finding {}{}\" id=\"{}\"><h3>{} {} <small><code>{}</code></small></h3>",
        f.worst().word(),
        if f.strength == crate::rules::ast::Strength::Binding {
            ""
        } else {
            " soft"
        },
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
        for cl in super::evidence(f) {
            let (line, quoted) = c.quote(cl);
            let src = cl
                .source
                .as_ref()
                .map_or(String::new(), |s| format!(" ({})", xml(s)));
            let quoted = if quoted.is_empty() {
                String::new()
            } else {
                format!("<code>{}</code> — ", xml(quoted))
            };
            let _ = write!(out, "<li>line {line}{src}: {quoted}{}</li>", xml(&cl.says));
        }
        out.push_str("</ul>\n");
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
