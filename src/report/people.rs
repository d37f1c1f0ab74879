//! Reports for people: miette diagnostics (fancy or plain) and Markdown.

use std::fmt::Write;

use super::binding::judged_line;
use super::{binding_line, Checked};
use crate::rules::{Finding, Verdict};
use crate::syntax::diagnostic::{render, Style};

/// The width human reports wrap at.
const WIDTH: usize = 100;

/// A program's report for people, signal first: the summary (program, date, violations binding
/// or not, in law and in practice, the themes that fall short), the violations grouped by theme,
/// each with its clause, remedy and bindingness, the other findings of the language and model
/// checks, then the silences folded by theme (`all` lists each term with the rules it would
/// decide), and a closing count. `Plain` writes one sentence a line, with no drawing.
pub fn human(c: &Checked, style: Style, all: bool) -> String {
    let [violated, unstated, satisfied, na] = c.counts();
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
    for line in c.summary() {
        out.push_str(&wrap(&line, "", "  ", plain));
    }
    for (theme, list) in c.violations() {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                style,
                BOLD,
                &format!("{}: {} violated", theme.name(), list.len())
            )
        );
        for f in list {
            violation(&mut out, c, f, style);
        }
    }
    if !c.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", paint(style, BOLD, "Other findings:"));
        out.push_str(&render(&c.warnings, &c.source, style));
    }
    silences(&mut out, c, style, all);
    out.push('\n');
    if !c.violations().is_empty() {
        out.push_str(&wrap(
            "`fairpath explain RULE` gives a rule's text, rationale and a compliant example.",
            "",
            "  ",
            plain,
        ));
    }
    let _ = writeln!(
        out,
        "{}: {violated} violated, {unstated} unstated, {satisfied} satisfied, {na} not applicable{}; {}",
        crate::syntax::lexical::printable(c.source.name()),
        match c.violated_in_practice() {
            0 => String::new(),
            n => format!("; {n} violated in practice"),
        },
        judged_line(&c.judged)
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
fn violation(out: &mut String, c: &Checked, f: &Finding, style: Style) {
    let plain = style == Style::Plain;
    let error = f.strength == crate::rules::ast::Strength::Binding;
    let marker = match (plain, error) {
        (true, _) => String::new(),
        (false, true) => paint(style, RED, "×") + " ",
        (false, false) => paint(style, YELLOW, "⚠") + " ",
    };
    let stream = f
        .stream
        .as_deref()
        .map_or(String::new(), |s| format!("[{s}] "));
    let law = match &f.practice {
        Some(p) if p.verdict != f.verdict => format!(
            " (in law: {}; in practice: {})",
            f.verdict.word(),
            p.verdict.word()
        ),
        _ => String::new(),
    };
    let head = format!(
        "{stream}{} {} ({} provision{}) [{}]: {}{law}",
        f.instrument,
        f.article,
        f.strength.word(),
        below(f),
        f.rule,
        lower_first(&f.message)
    );
    out.push_str(&wrap(&head, &format!("  {marker}"), "    ", plain));
    let mut lines = evidence(c, f);
    if let Some(line) = super::practice_line(f) {
        lines.push(line);
    }
    lines.push(format!("remedy: {}", f.remedy));
    // Soft law says it binds no one in its first line already.
    if error {
        lines.push(binding_line(c, f));
    }
    for line in lines {
        out.push_str(&wrap(&line, "    ", "      ", plain));
    }
}

/// The evidence of a finding in one line: the journey, or the first clause, with its line.
fn evidence(c: &Checked, f: &Finding) -> Vec<String> {
    if !f.witness.is_empty() {
        let path: Vec<String> = f
            .witness
            .iter()
            .map(|w| format!("{} (line {})", w.says, c.line_col(w.span.start).0))
            .collect();
        return vec![format!("journey: {}", path.join(", then "))];
    }
    f.clauses
        .first()
        .map(|cl| format!("line {}: {}", c.line_col(cl.span.start).0, cl.says))
        .into_iter()
        .collect()
}

/// The silences folded by theme: a line of terms per theme, or (`all`) a line per term with
/// the rules it would decide.
fn silences(out: &mut String, c: &Checked, style: Style, all: bool) {
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
                "What the text is silent on: {terms} terms, deciding {rules} rules{}",
                if all {
                    ""
                } else {
                    " (`--all` lists the rules each would decide)"
                }
            )
        )
    );
    for (theme, list) in themes {
        if all {
            let _ = writeln!(out, "  {}:", theme.name());
            for (term, rules) in list {
                let ids: Vec<&str> = rules.iter().map(|f| f.rule.as_str()).collect();
                let line = format!(
                    "`{}` — {}",
                    crate::syntax::lexical::printable(term),
                    ids.join(", ")
                );
                out.push_str(&wrap(&line, "    ", "      ", plain));
            }
        } else {
            let names: Vec<String> = list
                .iter()
                .map(|(t, _)| format!("`{}`", crate::syntax::lexical::printable(t)))
                .collect();
            let line = format!("{} ({}): {}", theme.name(), list.len(), names.join(", "));
            out.push_str(&wrap(&line, "  ", "    ", plain));
        }
    }
}

/// For soft law, the words that keep a shortfall from reading as a breach of law.
fn below(f: &Finding) -> &'static str {
    if f.strength == crate::rules::ast::Strength::Binding {
        ""
    } else {
        ", below recommended practice, not a breach of law"
    }
}

/// The same, as a sentence for printed reports.
pub(super) fn soft_law(f: &Finding) -> &'static str {
    if f.strength == crate::rules::ast::Strength::Binding {
        ""
    } else {
        " Below recommended practice, not a breach of law."
    }
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

/// A Markdown report a union officer can read and print, signal first: the summary, the
/// scorecard by theme and by instrument, the violations grouped by theme (each with the clause
/// quoted, the article, the duty bearer, bindingness and the remedy), the other findings, and
/// the silences in a collapsible appendix.
pub fn markdown(c: &Checked) -> String {
    let mut out = format!(
        "# fairpath report: {}\n\nFile: `{}`  \n",
        super::md(c.name()),
        super::md(c.source.name())
    );
    let summary: Vec<String> = c.summary().iter().map(|l| super::md(l)).collect();
    let _ = writeln!(out, "{}\n", summary.join("  \n"));
    out.push_str("## Scorecard by theme\n\n| theme | violated | binding | violated in practice | unstated | satisfied | not applicable |\n|---|---|---|---|---|---|---|\n");
    for s in c.scorecard() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            s.theme.name(),
            s.violated,
            s.binding,
            s.in_practice,
            s.unstated,
            s.satisfied,
            s.not_applicable
        );
    }
    out.push_str("\n### By instrument\n\n| instrument | violated | unstated | satisfied | not applicable |\n|---|---|---|---|---|\n");
    for i in c.instruments() {
        let _ = writeln!(
            out,
            "| {i} | {} | {} | {} | {} |",
            c.count(Verdict::Violated, Some(i)),
            c.count(Verdict::Unstated, Some(i)),
            c.count(Verdict::Satisfied, Some(i)),
            c.count(Verdict::NotApplicable, Some(i))
        );
    }
    let violations = c.violations();
    if !violations.is_empty() {
        out.push_str("\n## Violations\n");
    }
    for (theme, list) in violations {
        let _ = writeln!(out, "\n### {} ({})\n", theme.name(), list.len());
        for f in list {
            markdown_finding(&mut out, c, f);
        }
    }
    if !c.warnings.is_empty() {
        out.push_str("\n## Other findings\n\n");
        for d in &c.warnings {
            let _ = writeln!(
                out,
                "- Line {}: {} (`{}`)",
                c.line_col(d.span().start).0,
                super::md(d.message()),
                d.code_name()
            );
        }
    }
    let silences = c.silences();
    if !silences.is_empty() {
        let terms: usize = silences.iter().map(|(_, t)| t.len()).sum();
        let _ = writeln!(
            out,
            "\n## Appendix: what the text is silent on\n\n<details><summary>{terms} terms the program does not state, each with the rules it would decide</summary>"
        );
        for (theme, list) in silences {
            let _ = writeln!(out, "\n### {}\n", theme.name());
            for (term, rules) in list {
                let ids: Vec<String> = rules.iter().map(|f| format!("`{}`", f.rule)).collect();
                let _ = writeln!(out, "- `{}` — {}", super::md(term), ids.join(", "));
            }
        }
        out.push_str("\n</details>\n");
    }
    out
}

fn markdown_finding(out: &mut String, c: &Checked, f: &Finding) {
    let _ = writeln!(out, "#### {} {} — `{}`\n", f.instrument, f.article, f.rule);
    let _ = writeln!(
        out,
        "{}{}{}\n",
        f.message,
        if f.high { " **High severity.**" } else { "" },
        soft_law(f)
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
        let _ = writeln!(out, "- Line {line}{src}: {quoted}{}", super::md(&cl.says));
    }
    if let Some(s) = &f.stream {
        let _ = writeln!(out, "- Stream: `{s}`");
    }
    if let Some(line) = super::practice_line(f) {
        let _ = writeln!(out, "- In law: {}; {}", f.verdict.word(), super::md(&line));
    }
    let _ = writeln!(
        out,
        "- Strength: {} ({}). Duty of: {}",
        f.strength.word(),
        f.obligation,
        super::binding::duty_words(f.duty)
    );
    let _ = writeln!(out, "- Binding: {}", binding_line(c, f));
    let _ = writeln!(out, "- Remedy: {}\n", f.remedy);
}

/// The conventions the corpus table reports on.
pub const TABLE_INSTRUMENTS: &[&str] = &["C097", "C143", "C189", "ICRMW"];

/// The corpus table's heading: one column per main instrument, then all packs and practice.
pub fn table_head() -> String {
    let mut out = String::from("| program |");
    for i in TABLE_INSTRUMENTS {
        let _ = write!(out, " {i} |");
    }
    out.push_str(" all packs | violated in practice |\n|---|");
    out.push_str(&"---|".repeat(TABLE_INSTRUMENTS.len() + 2));
    out.push('\n');
    out
}

/// One program's row of the corpus table.
pub fn table_row(c: &Checked) -> String {
    let cell = |i: Option<&str>| {
        format!(
            "{} / {} / {}",
            c.count(Verdict::Violated, i),
            c.count(Verdict::Unstated, i),
            c.count(Verdict::Satisfied, i)
        )
    };
    let mut out = format!("| {} |", super::md(c.name()));
    for i in TABLE_INSTRUMENTS {
        let _ = write!(out, " {} |", cell(Some(i)));
    }
    let _ = writeln!(out, " {} | {} |", cell(None), c.violated_in_practice());
    out
}

/// The note under the corpus table.
pub fn table_foot() -> String {
    "\nEach cell: violated / unstated / satisfied, in law. The last column counts the rules that documented practice violates.\n".into()
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
pub fn short_findings(c: &Checked) -> String {
    let mut out = String::new();
    for f in c.findings.iter().filter(|f| super::shown(f)) {
        let (line, col) = c.line_col(f.primary_span(c.header()).start);
        let practice = match &f.practice {
            Some(p) if p.verdict != f.verdict => format!(
                " (in law: {}; in practice: {})",
                f.verdict.word(),
                p.verdict.word()
            ),
            _ => String::new(),
        };
        let stream = f
            .stream
            .as_deref()
            .map_or(String::new(), |s| format!("[{s}] "));
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}[{}] {stream}{} {}: {}{practice}",
            c.source.name(),
            super::machine::severity(f),
            f.rule,
            f.instrument,
            f.article,
            lower_first(&f.message)
        );
    }
    out
}
