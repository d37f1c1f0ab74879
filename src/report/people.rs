//! Reports for people: miette diagnostics (fancy or plain) and Markdown.

use std::fmt::Write;

use super::binding::judged_line;
use super::{binding_line, Checked};
use crate::rules::{Finding, Verdict};
use crate::syntax::diagnostic::{render, Diagnostic, Severity, Style};

/// A program's report for people, signal first: a summary (program, date, counts in law and in
/// practice, how many bind a state that owes the duty), the shortfalls grouped by who owes the
/// duty, each pointing at its clause, then the silences folded to one line per term with the
/// rules it would decide (`all` shows each silent finding instead), and a closing count.
pub fn human(c: &Checked, style: Style, all: bool) -> String {
    let [violated, unstated, satisfied, na] = c.counts();
    let binding = c
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Violated && f.binding.iter().any(|b| b.binds))
        .count();
    let mut out = format!(
        "{} ({})\n{}; origin {}; destination {}\n{violated} violated ({binding} binding on a state that owes the duty), {} violated in practice, {unstated} unstated, {satisfied} satisfied, {na} not applicable\n\n",
        crate::syntax::lexical::printable(c.name()),
        crate::syntax::lexical::printable(c.source.name()),
        upper_first(&judged_line(&c.judged)),
        super::states(&c.origin()),
        super::states(&c.destination()),
        c.violated_in_practice(),
    );
    out.push_str(&render(&c.warnings, &c.source, style));
    for (title, list) in c.sections() {
        let silences = list.iter().all(|f| f.worst() == Verdict::Unstated);
        if silences && !all {
            silent_terms(&mut out, &list);
            continue;
        }
        let diags: Vec<Diagnostic> = list.iter().map(|f| finding_diagnostic(c, f)).collect();
        let _ = writeln!(out, "{title}:");
        out.push_str(&render(&diags, &c.source, style));
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

/// The silences folded: each term the program does not state, once, with the rules it would
/// decide.
fn silent_terms(out: &mut String, list: &[&Finding]) {
    let mut terms: Vec<(&str, Vec<&str>)> = Vec::new();
    for f in list {
        for s in &f.silent {
            match terms.iter_mut().find(|(t, _)| t == s) {
                Some((_, rules)) => rules.push(&f.rule),
                None => terms.push((s, vec![&f.rule])),
            }
        }
    }
    let _ = writeln!(
        out,
        "What the text is silent on ({} terms, {} rules; `--all` shows each finding):",
        terms.len(),
        list.len()
    );
    for (term, rules) in terms {
        let shown: Vec<&str> = rules.iter().take(4).copied().collect();
        let more = match rules.len().saturating_sub(4) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let _ = writeln!(
            out,
            "  `{}` — {}{more}",
            crate::syntax::lexical::printable(term),
            shown.join(", ")
        );
    }
    out.push('\n');
}

fn finding_diagnostic(c: &Checked, f: &Finding) -> Diagnostic {
    let span = f.primary_span(c.header());
    let (label, message) = match f.verdict {
        Verdict::Unstated => (
            "the program is silent here".to_string(),
            format!(
                "{} {} ({} provision): silent on {}",
                f.instrument,
                f.article,
                f.strength.word(),
                silent_words(f)
            ),
        ),
        _ => (
            f.clauses
                .first()
                .or(f.witness.first())
                .map_or("here".into(), |c| c.says.clone()),
            format!(
                "{} {} ({} provision){}: {}",
                f.instrument,
                f.article,
                f.strength.word(),
                below(f),
                lower_first(&f.message)
            ),
        ),
    };
    let message = match (&f.stream, &f.practice) {
        (Some(s), _) if f.practice.is_none() => format!("[{s}] {message}"),
        (s, Some(p)) if p.verdict != f.verdict => format!(
            "{}{message} (in law: {}; in practice: {})",
            s.as_ref().map_or(String::new(), |s| format!("[{s}] ")),
            f.verdict.word(),
            p.verdict.word()
        ),
        (s, _) => format!(
            "{}{message}",
            s.as_ref().map_or(String::new(), |s| format!("[{s}] "))
        ),
    };
    let mut help = format!("{}\n{}", f.remedy, binding_line(c, f));
    if let Some(line) = super::practice_line(f) {
        help = format!("{line}\n{help}");
    }
    if !f.witness.is_empty() {
        let path: Vec<String> = f
            .witness
            .iter()
            .map(|w| format!("{} (line {})", w.says, c.line_col(w.span.start).0))
            .collect();
        help = format!("journey: {}\n{help}", path.join(", then "));
    }
    if f.verdict == Verdict::Unstated {
        help = format!("{}\n{help}", f.message);
    }
    let severity =
        if f.worst() == Verdict::Violated && f.strength == crate::rules::ast::Strength::Binding {
            Severity::Error
        } else {
            Severity::Warning
        };
    Diagnostic::finding(&f.rule, severity, span, message, label)
        .with_help(help)
        .with_note(format!(
            "the rule's text, rationale and a compliant example: `fairpath explain {}`",
            f.rule
        ))
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

fn silent_words(f: &Finding) -> String {
    f.silent
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
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

/// A Markdown report a union officer can read and print: a scorecard per instrument, then each
/// finding in plain words with the clause quoted, the article, bindingness and the remedy.
pub fn markdown(c: &Checked) -> String {
    let mut out = format!(
        "# fairpath report: {}\n\nFile: `{}`  \n",
        super::md(c.name()),
        super::md(c.source.name())
    );
    let _ = writeln!(
        out,
        "Origin: {}  \nDestination: {}  \n{}\n",
        super::states(&c.origin()),
        super::states(&c.destination()),
        upper_first(&judged_line(&c.judged))
    );
    out.push_str("## Scorecard\n\n| instrument | violated | unstated | satisfied | not applicable |\n|---|---|---|---|---|\n");
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
    for (title, list) in c.sections() {
        let _ = writeln!(out, "\n## {title}\n");
        for f in list {
            let _ = writeln!(out, "### {} {} — `{}`\n", f.instrument, f.article, f.rule);
            let soft = if f.verdict == Verdict::Violated {
                soft_law(f)
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{}{}{soft}\n",
                f.message,
                if f.high { " **High severity.**" } else { "" }
            );
            for cl in f.witness.iter().chain(&f.clauses) {
                let (line, quoted) = c.quote(cl);
                let src = cl
                    .source
                    .as_ref()
                    .map_or(String::new(), |s| format!(" ({})", super::md(s)));
                let _ = writeln!(
                    out,
                    "- Line {line}{src}: `{}` — {}",
                    super::md(quoted),
                    super::md(&cl.says)
                );
            }
            if !f.silent.is_empty() {
                let _ = writeln!(out, "- The text does not state: {}", silent_words(f));
            }
            if let Some(s) = &f.stream {
                let _ = writeln!(out, "- Stream: `{s}`");
            }
            if let Some(line) = super::practice_line(f) {
                let _ = writeln!(out, "- In law: {}; {}", f.verdict.word(), super::md(&line));
            }
            let _ = writeln!(out, "- Strength: {} ({})", f.strength.word(), f.obligation);
            let _ = writeln!(out, "- Duty of: {}", super::binding::duty_words(f.duty));
            let _ = writeln!(out, "- Binding: {}", binding_line(c, f));
            let _ = writeln!(out, "- Remedy: {}\n", f.remedy);
        }
    }
    out
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
