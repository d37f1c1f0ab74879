//! Reports for people: miette diagnostics (fancy or plain) and Markdown.

use std::fmt::Write;

use super::binding::judged_line;
use super::evidence::Join;
use super::{binding_line, Checked, Words};
use crate::rules::{Finding, Verdict};
use crate::syntax::diagnostic::{render_in, Style};
use crate::t;

/// The width human reports wrap at.
const WIDTH: usize = 100;

/// A program's report for people, signal first: the summary (program, date, violations binding
/// or not, in law and in practice, the themes that fall short), the violations grouped by theme,
/// each with its clause, remedy and bindingness, the other findings of the language and model
/// checks, then the silences folded by theme (`all` lists each term with the rules it would
/// decide), and a closing count. `Plain` writes one sentence a line, with no drawing.
pub fn human(w: &Words, c: &Checked, style: Style, all: bool) -> String {
    let [violated, unstated, satisfied, na] = c.counts();
    let lang = w.lang;
    let plain = style == Style::Plain;
    let mut out = format!(
        "{}\n",
        paint(
            style,
            BOLD,
            &format!(
                "{} ({})",
                crate::syntax::lexical::printable(c.name()),
                crate::syntax::lexical::printable(c.source.name())
            )
        )
    );
    for line in c.summary(w) {
        out.push_str(&wrap(&line, "", "  ", plain));
    }
    for (theme, list) in c.violations() {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                style,
                BOLD,
                &t!(
                    lang,
                    if list.len() == 1 {
                        "human.theme_violated_one"
                    } else {
                        "human.theme_violated"
                    },
                    theme = w.theme(theme),
                    count = w.n(list.len())
                )
            )
        );
        for f in list {
            violation(w, &mut out, c, f, style);
        }
    }
    if !c.warnings.is_empty() {
        let other = format!("{}:", t!(lang, "heading.other"));
        let _ = writeln!(out, "\n{}", paint(style, BOLD, &other));
        out.push_str(&render_in(&c.warnings, &c.source, style, lang));
    }
    silences(w, &mut out, c, style, all);
    out.push('\n');
    if !c.violations().is_empty() {
        out.push_str(&wrap(&t!(lang, "human.explain"), "", "  ", plain));
    }
    let practice = match c.violated_in_practice() {
        0 => String::new(),
        n => format!("; {}", t!(lang, "human.in_practice", count = w.n(n))),
    };
    let counts = t!(
        lang,
        "human.counts",
        violated = w.n(violated),
        unstated = w.n(unstated),
        satisfied = w.n(satisfied),
        na = w.n(na)
    );
    let _ = writeln!(
        out,
        "{}{}{counts}{practice}{}{}",
        crate::syntax::lexical::printable(c.source.name()),
        w.colon(),
        w.semicolon(),
        judged_line(w, &c.judged)
    );
    out
}

const BOLD: &str = "1";
const RED: &str = "31";
const YELLOW: &str = "33";

/// `text` in an ANSI style when drawing in colour.
fn paint(style: Style, code: &str, text: &str) -> String {
    if style == Style::Fancy {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// `text` as lines: wrapped at [`WIDTH`] after `first`, continued after `rest`, or (`plain`)
/// one line as written, for screen readers.
fn wrap(text: &str, first: &str, rest: &str, plain: bool) -> String {
    let text = crate::syntax::lexical::printable(text);
    if plain {
        return format!("{first}{text}\n");
    }
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split(' ') {
        let fits = line.chars().count() + 1 + word.chars().count() <= WIDTH;
        if !empty && !fits {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// One violation, compact: the provision and what it asks, the clause or journey behind it,
/// practice, the remedy, and whom it binds.
fn violation(w: &Words, out: &mut String, c: &Checked, f: &Finding, style: Style) {
    let lang = w.lang;
    let plain = style == Style::Plain;
    let error = f.rule.strength == crate::rules::ast::Strength::Binding;
    let marker = match (plain, error) {
        (true, _) => String::new(),
        (false, true) => paint(style, RED, "×") + " ",
        (false, false) => paint(style, YELLOW, "⚠") + " ",
    };
    let stream = f
        .stream
        .as_deref()
        .map_or(String::new(), |s| format!("[{s}] "));
    let head = format!(
        "{stream}{} {} ({}{}) [{}]{}{}{}",
        f.rule.instrument,
        f.rule.cites,
        t!(lang, &format!("provision.{}", f.rule.strength.word())),
        below(w, f),
        f.rule.id,
        w.colon(),
        lower_first(w.summary(f)),
        law_and_practice(w, f)
    );
    out.push_str(&wrap(&head, &format!("  {marker}"), "    ", plain));
    let mut lines = evidence(w, c, f);
    if let Some(line) = super::practice_line(w, f) {
        lines.push(line);
    }
    lines.push(t!(lang, "finding.remedy", remedy = w.remedy(f)));
    // Soft law says it binds no one in its first line already.
    if error {
        lines.push(binding_line(w, c, f));
    }
    for line in lines {
        out.push_str(&wrap(&line, "    ", "      ", plain));
    }
}

/// The evidence of a finding in one line: the journey, or the first clause, with its line.
fn evidence(w: &Words, c: &Checked, f: &Finding) -> Vec<String> {
    let lang = w.lang;
    if !f.witness.is_empty() {
        let path: Vec<String> = f
            .witness
            .iter()
            .map(|step| {
                t!(
                    lang,
                    "finding.step",
                    says = w.says(&step.says),
                    line = c.line_col(step.span.start).0
                )
            })
            .collect();
        let then = t!(lang, "finding.then");
        return vec![t!(lang, "finding.journey", steps = path.join(&then))];
    }
    f.clauses
        .first()
        .map(|cl| {
            t!(
                lang,
                "finding.line",
                line = c.line_col(cl.span.start).0,
                says = w.says(&cl.says)
            )
        })
        .into_iter()
        .collect()
}

/// ` (in law: violated; in practice: unstated)` where the two differ.
fn law_and_practice(w: &Words, f: &Finding) -> String {
    match &f.practice {
        Some(p) if p.verdict != f.verdict => format!(
            " ({})",
            t!(
                w.lang,
                "finding.law_and_practice",
                law = w.verdict(f.verdict),
                practice = w.verdict(p.verdict)
            )
        ),
        _ => String::new(),
    }
}

/// The silences folded by theme: a line of terms per theme, or (`all`) a line per term with
/// the rules it would decide.
fn silences(w: &Words, out: &mut String, c: &Checked, style: Style, all: bool) {
    let lang = w.lang;
    let themes = c.silences();
    if themes.is_empty() {
        return;
    }
    let plain = style == Style::Plain;
    let terms: usize = themes.iter().map(|(_, t)| t.len()).sum();
    let rules = c
        .findings
        .iter()
        .filter(|f| f.worst() == Verdict::Unstated)
        .count();
    let _ = writeln!(
        out,
        "\n{}",
        paint(
            style,
            BOLD,
            &format!(
                "{}{}",
                t!(
                    lang,
                    "silences.head",
                    terms = w.n(terms),
                    rules = w.n(rules)
                ),
                if all {
                    String::new()
                } else {
                    format!(" ({})", t!(lang, "silences.all_hint"))
                }
            )
        )
    );
    for (theme, list) in themes {
        if all {
            let _ = writeln!(out, "  {}:", w.theme(theme));
            for (term, rules) in list {
                let ids: Vec<&str> = rules.iter().map(|f| f.rule.id.as_str()).collect();
                let line = format!(
                    "{} — {}",
                    crate::syntax::lexical::printable(&w.gap(term)),
                    w.list(&ids, Join::And)
                );
                out.push_str(&wrap(&line, "    ", "      ", plain));
            }
        } else {
            let names: Vec<String> = list
                .iter()
                .map(|(t, _)| crate::syntax::lexical::printable(&w.gap(t)).into_owned())
                .collect();
            let line = format!(
                "{} ({}){}{}",
                w.theme(theme),
                w.n(list.len()),
                w.colon(),
                w.list(&names, Join::And)
            );
            out.push_str(&wrap(&line, "  ", "    ", plain));
        }
    }
}

/// For soft law, the words that keep a shortfall from reading as a breach of law.
fn below(w: &Words, f: &Finding) -> String {
    if f.rule.strength == crate::rules::ast::Strength::Binding {
        String::new()
    } else {
        format!(", {}", t!(w.lang, "finding.below"))
    }
}

/// The same, as a sentence for printed reports.
pub(super) fn soft_law(w: &Words, f: &Finding) -> Option<String> {
    (f.rule.strength != crate::rules::ast::Strength::Binding)
        .then(|| t!(w.lang, "finding.soft_law"))
}

/// `s` with its first letter in upper case.
pub(super) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_lowercase().collect::<String>() + c.as_str()
    })
}

/// The scorecard's column headings, after the theme's: the counts of [`super::Score`].
pub(super) const SCORE_COLUMNS: [&str; 7] = [
    "column.theme",
    "column.violated",
    "column.binding",
    "column.in_practice",
    "column.unstated",
    "column.satisfied",
    "column.not_applicable",
];

/// The instrument table's column headings.
pub(super) const INSTRUMENT_COLUMNS: [&str; 5] = [
    "column.instrument",
    "column.violated",
    "column.unstated",
    "column.satisfied",
    "column.not_applicable",
];

/// A Markdown table's heading row and rule for `columns` (catalogue keys).
fn md_head(w: &Words, columns: &[&str]) -> String {
    let names: Vec<String> = columns.iter().map(|k| t!(w.lang, k)).collect();
    format!(
        "| {} |\n|{}\n",
        names.join(" | "),
        "---|".repeat(columns.len())
    )
}

/// A Markdown report a union officer can read and print, signal first: the summary, the
/// scorecard by theme and by instrument, the violations grouped by theme (each with the clause
/// quoted, the article, the duty bearer, bindingness and the remedy), the other findings, and
/// the silences in a collapsible appendix.
pub fn markdown(w: &Words, c: &Checked) -> String {
    let lang = w.lang;
    let mut out = format!(
        "# {}\n\n{}  \n",
        t!(lang, "heading.title", name = super::md(c.name())),
        t!(
            lang,
            "heading.file",
            file = format!("`{}`", super::md(c.source.name()))
        )
    );
    let summary: Vec<String> = c.summary(w).iter().map(|l| super::md(l)).collect();
    let _ = writeln!(out, "{}\n", summary.join("  \n"));
    let _ = writeln!(out, "## {}\n", t!(lang, "heading.scorecard"));
    out.push_str(&md_head(w, &SCORE_COLUMNS));
    for s in c.scorecard() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            w.theme(s.theme),
            w.n(s.violated),
            w.n(s.binding),
            w.n(s.in_practice),
            w.n(s.unstated),
            w.n(s.satisfied),
            w.n(s.not_applicable)
        );
    }
    let _ = writeln!(out, "\n### {}\n", t!(lang, "heading.by_instrument"));
    out.push_str(&md_head(w, &INSTRUMENT_COLUMNS));
    for (i, [violated, unstated, satisfied, not_applicable]) in c.by_instrument() {
        let _ = writeln!(
            out,
            "| {i} | {} | {} | {} | {} |",
            w.n(violated),
            w.n(unstated),
            w.n(satisfied),
            w.n(not_applicable)
        );
    }
    let violations = c.violations();
    if !violations.is_empty() {
        let _ = writeln!(out, "\n## {}", t!(lang, "heading.violations"));
    }
    for (theme, list) in violations {
        let _ = writeln!(out, "\n### {} ({})\n", w.theme(theme), w.n(list.len()));
        for f in list {
            markdown_finding(w, &mut out, c, f);
        }
    }
    if !c.warnings.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t!(lang, "heading.other"));
        for d in &c.warnings {
            let _ = writeln!(
                out,
                "- {}{}{} (`{}`)",
                t!(
                    lang,
                    "finding.line_upper",
                    line = c.line_col(d.span().start).0
                ),
                w.colon(),
                super::md(&d.message_in(lang)),
                d.code_name()
            );
        }
    }
    let silences = c.silences();
    if !silences.is_empty() {
        let terms: usize = silences.iter().map(|(_, t)| t.len()).sum();
        let _ = writeln!(
            out,
            "\n## {}\n\n<details><summary>{}</summary>",
            t!(lang, "heading.appendix"),
            t!(lang, "silences.summary", terms = w.n(terms))
        );
        for (theme, list) in silences {
            let _ = writeln!(out, "\n### {}\n", w.theme(theme));
            for (term, rules) in list {
                let ids: Vec<String> = rules.iter().map(|f| format!("`{}`", f.rule.id)).collect();
                let gap = match term.term() {
                    Some(t) => format!("`{t}`"),
                    None => super::md(&w.gap(term)),
                };
                let _ = writeln!(out, "- {gap} — {}", w.list(&ids, Join::And));
            }
        }
        out.push_str("\n</details>\n");
    }
    out
}

fn markdown_finding(w: &Words, out: &mut String, c: &Checked, f: &Finding) {
    let lang = w.lang;
    let _ = writeln!(
        out,
        "#### {} {} — `{}`\n",
        f.rule.instrument, f.rule.cites, f.rule.id
    );
    let _ = writeln!(
        out,
        "{}{}{}\n",
        w.summary(f),
        if f.rule.high {
            format!(" **{}**", t!(lang, "finding.high"))
        } else {
            String::new()
        },
        soft_law(w, f).map_or(String::new(), |s| format!(" {s}"))
    );
    for cl in super::evidence(f) {
        let (line, quoted) = c.quote(cl);
        let src = cl
            .source
            .as_ref()
            .map_or(String::new(), |s| format!(" ({})", super::md(s)));
        let quoted = if quoted.is_empty() {
            String::new()
        } else {
            format!("`{}` — ", super::md(quoted))
        };
        let _ = writeln!(
            out,
            "- {}{src}{}{quoted}{}",
            t!(lang, "finding.line_upper", line = line),
            w.colon(),
            super::md(&w.says(&cl.says))
        );
    }
    if let Some(s) = &f.stream {
        let _ = writeln!(out, "- {}{}`{s}`", t!(lang, "label.stream"), w.colon());
    }
    if let Some(line) = super::practice_line(w, f) {
        let _ = writeln!(
            out,
            "- {}{}{}{}{}",
            t!(lang, "label.in_law"),
            w.colon(),
            w.verdict(f.verdict),
            w.semicolon(),
            super::md(&line)
        );
    }
    let _ = writeln!(
        out,
        "- {}{colon}{} ({}). {}{colon}{}",
        t!(lang, "label.strength"),
        t!(lang, &format!("strength.{}", f.rule.strength.word())),
        t!(lang, &format!("obligation.{}", f.rule.obligation)),
        t!(lang, "label.duty"),
        super::binding::duty_words(w, f.rule.duty),
        colon = w.colon()
    );
    let _ = writeln!(
        out,
        "- {}{}{}",
        t!(lang, "label.binding"),
        w.colon(),
        binding_line(w, c, f)
    );
    let _ = writeln!(
        out,
        "- {}{}{}\n",
        t!(lang, "label.remedy"),
        w.colon(),
        w.remedy(f)
    );
}

/// The conventions the corpus table reports on.
pub const TABLE_INSTRUMENTS: &[&str] = &["C097", "C143", "C189", "ICRMW"];

/// The corpus table's heading: one column per main instrument, then all packs and practice.
pub fn table_head(w: &Words) -> String {
    let mut out = format!("| {} |", t!(w.lang, "column.program"));
    for i in TABLE_INSTRUMENTS {
        let _ = write!(out, " {i} |");
    }
    let _ = write!(
        out,
        " {} | {} |\n|---|",
        t!(w.lang, "column.all_packs"),
        t!(w.lang, "column.in_practice")
    );
    out.push_str(&"---|".repeat(TABLE_INSTRUMENTS.len() + 2));
    out.push('\n');
    out
}

/// One program's row of the corpus table.
pub fn table_row(w: &Words, c: &Checked) -> String {
    let cell = |[violated, unstated, satisfied, _]: [usize; 4]| {
        format!("{} / {} / {}", w.n(violated), w.n(unstated), w.n(satisfied))
    };
    let by_instrument = c.by_instrument();
    let mut out = format!("| {} |", super::md(c.name()));
    for i in TABLE_INSTRUMENTS {
        let counts = by_instrument
            .iter()
            .find(|(each, _)| *each == *i)
            .map_or([0; 4], |(_, counts)| *counts);
        let _ = write!(out, " {} |", cell(counts));
    }
    let _ = writeln!(
        out,
        " {} | {} |",
        cell(c.counts()),
        w.n(c.violated_in_practice())
    );
    out
}

/// The note under the corpus table.
pub fn table_foot(lang: crate::vocab::Lang) -> String {
    format!("\n{}\n", t!(lang, "table.foot"))
}

/// One line per input error of a rejected file, as compilers write them:
/// `file:line:col: severity[code] message`.
pub fn short_errors(r: &crate::syntax::Rejected) -> String {
    let mut out = String::new();
    for d in r.diagnostics() {
        let (line, col) = r.source().line_col(d.span().start);
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}[{}] {}",
            r.source().name(),
            super::machine::severity_word(d),
            d.code_name(),
            crate::syntax::lexical::printable(d.message())
        );
    }
    out
}

/// One line per finding shown, as compilers write them: `file:line:col: severity[rule] message`,
/// for logs and editors.
pub fn short_findings(w: &Words, c: &Checked) -> String {
    let mut out = String::new();
    for f in c.findings.iter().filter(|f| super::shown(f)) {
        let (line, col) = c.line_col(f.primary_span(c.header()).start);
        let practice = law_and_practice(w, f);
        let stream = f
            .stream
            .as_deref()
            .map_or(String::new(), |s| format!("[{s}] "));
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}[{}] {stream}{} {}: {}{practice}",
            c.source.name(),
            super::machine::severity(f),
            f.rule.id,
            f.rule.instrument,
            f.rule.cites,
            lower_first(w.summary(f))
        );
    }
    out
}
