//! A self-contained HTML report to read and print: scorecard per instrument, the worker-status
//! graph with violating journeys in red, and each finding in plain words.

use std::collections::HashSet;
use std::fmt::Write;

use super::evidence::Join;
use super::people::{INSTRUMENT_COLUMNS, SCORE_COLUMNS};
use super::svg::{status_graph, xml};
use super::{binding_line, Checked, Words};
use crate::rules::{Finding, Verdict};
use crate::t;

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
pub fn html(w: &Words, c: &Checked) -> String {
    let lang = w.lang;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style>{PRINT_OPEN}</head><body>\n",
        t!(lang, "heading.title", name = xml(c.name()))
    );
    let _ = writeln!(out, "<h1>{}</h1>", xml(c.name()));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · fairpath {}</p>",
        t!(
            lang,
            "html.file",
            file = format!("<code>{}</code>", xml(c.source.name()))
        ),
        env!("CARGO_PKG_VERSION"),
    );
    out.push_str("<div class=\"summary\">");
    for line in c.summary(w) {
        let _ = write!(out, "<p>{}</p>", xml(&line));
    }
    let _ = write!(
        out,
        "</div>\n<h2>{}</h2>\n{}",
        t!(lang, "heading.scorecard"),
        head_row(w, &SCORE_COLUMNS)
    );
    for s in c.scorecard() {
        let short = |n: usize| {
            if n > 0 {
                format!("<td class=\"short\">{}</td>", w.n(n))
            } else {
                format!("<td>{}</td>", w.n(0))
            }
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td>{}<td>{}</td>{}<td>{}</td><td>{}</td><td>{}</td></tr>",
            w.theme(s.theme),
            short(s.violated),
            w.n(s.binding),
            short(s.in_practice),
            w.n(s.unstated),
            w.n(s.satisfied),
            w.n(s.not_applicable)
        );
    }
    let _ = write!(
        out,
        "</table>\n<h3>{}</h3>\n{}",
        t!(lang, "heading.by_instrument"),
        head_row(w, &INSTRUMENT_COLUMNS)
    );
    for (i, [violated, unstated, satisfied, not_applicable]) in c.by_instrument() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            xml(i),
            w.n(violated),
            w.n(unstated),
            w.n(satisfied),
            w.n(not_applicable)
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
    if let Some(svg) = status_graph(w, &c.model, &hot) {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p>{}</p>\n<div class=\"graph\">\n",
            xml(&t!(lang, "heading.journeys")),
            t!(lang, "heading.journeys_note")
        );
        out.push_str(&svg);
        out.push_str("</div>\n");
    }
    for (theme, list) in c.violations() {
        let _ = writeln!(
            out,
            "<section class=\"theme\"><h2>{}</h2>",
            t!(
                lang,
                "heading.theme_violations",
                theme = w.theme(theme),
                count = w.n(list.len())
            )
        );
        for f in list {
            finding(w, &mut out, c, f);
        }
        out.push_str("</section>\n");
    }
    if !c.warnings.is_empty() {
        let _ = write!(out, "<h2>{}</h2>\n<ul>", t!(lang, "heading.other"));
        for d in &c.warnings {
            let _ = write!(
                out,
                "<li>{}{}{} (<code>{}</code>)</li>",
                t!(
                    lang,
                    "finding.line_upper",
                    line = c.line_col(d.span().start).0
                ),
                w.colon(),
                xml(&d.message_in(lang)),
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
            "<section class=\"appendix\"><h2>{}</h2>\n<details><summary>{}</summary><div class=\"silences\">",
            t!(lang, "heading.appendix"),
            t!(lang, "silences.summary", terms = w.n(terms))
        );
        for (theme, list) in silences {
            let _ = write!(out, "<h3>{}</h3><ul>", w.theme(theme));
            for (term, rules) in list {
                let ids: Vec<String> = rules.iter().map(|f| xml(&f.rule.id)).collect();
                let gap = match term.term() {
                    Some(t) => format!("<code>{}</code>", xml(t)),
                    None => xml(&w.gap(term)),
                };
                let _ = write!(out, "<li>{gap} — {}</li>", w.list(&ids, Join::And));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div></details></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// A table's opening and heading row for `columns` (catalogue keys).
fn head_row(w: &Words, columns: &[&str]) -> String {
    let cells: String = columns
        .iter()
        .map(|k| format!("<th>{}</th>", t!(w.lang, k)))
        .collect();
    format!("<table><tr>{cells}</tr>\n")
}

fn finding(w: &Words, out: &mut String, c: &Checked, f: &Finding) {
    let lang = w.lang;
    let _ = writeln!(
        out,
        "<section class=\"finding {}{}\" id=\"{}\"><h3>{} {} <small><code>{}</code></small></h3>",
        f.worst().word(),
        if f.rule.strength == crate::rules::ast::Strength::Binding {
            ""
        } else {
            " soft"
        },
        xml(&f.rule.id),
        xml(&f.rule.instrument),
        xml(&f.rule.cites),
        xml(&f.rule.id)
    );
    let high = if f.rule.high {
        format!(" <span class=\"high\">{}</span>", t!(lang, "finding.high"))
    } else {
        String::new()
    };
    let soft = match super::people::soft_law(w, f) {
        Some(s) if f.verdict == Verdict::Violated => format!(" <em>{s}</em>"),
        _ => String::new(),
    };
    let _ = writeln!(out, "<p>{}{high}{soft}</p>", xml(w.summary(f)));
    if let Some(s) = &f.stream {
        let _ = writeln!(
            out,
            "<p><b>{}:</b> <code>{}</code></p>",
            t!(lang, "label.stream"),
            xml(s)
        );
    }
    if let Some(found) = super::practice_words(w, f) {
        let _ = writeln!(
            out,
            "<p class=\"practice\"><b>{}:</b> {}. <b>{}:</b> {}</p>",
            t!(lang, "label.in_law"),
            w.verdict(f.verdict),
            t!(lang, "label.in_practice"),
            xml(&found)
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
            let _ = write!(
                out,
                "<li>{}{src}{}{quoted}{}</li>",
                t!(lang, "finding.line_lower", line = line),
                w.colon(),
                xml(&w.says(&cl.says))
            );
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<p><b>{}:</b> {} ({}). <b>{}:</b> {}. <b>{}:</b> {}</p><p><b>{}:</b> {}</p></section>",
        t!(lang, "label.strength"),
        t!(lang, &format!("strength.{}", f.rule.strength.word())),
        xml(&t!(lang, &format!("obligation.{}", f.rule.obligation))),
        t!(lang, "label.duty"),
        super::binding::duty_words(w, f.rule.duty),
        t!(lang, "label.binding"),
        xml(&binding_line(w, c, f)),
        t!(lang, "label.remedy"),
        xml(w.remedy(f))
    );
}
