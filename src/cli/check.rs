//! `check`, `graph`, `rules`, `explain` and `diff`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::files::{self, expand, is_input, write_atomic};
use super::{
    drawing, input_error, out, outln, pretty, read, report_rejected, style, CheckArgs, CheckFormat,
    DiffFormat, FailOn, GraphFormat, RulesFormat, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK,
};
use fairpath::model::export;
use fairpath::report::{self, Checked};
use fairpath::rules::{Engine, Verdict};
use fairpath::syntax::diagnostic::{render, Style};
use fairpath::syntax::{Diagnostic, Rejected, Source};
use fairpath::vocab::Date;
use fairpath::{Compiled, Options, Session};

/// A program read, checked against the vocabulary and compiled, or `None` once the reason was
/// reported.
pub fn load_model(path: &Path) -> Option<Compiled> {
    let bytes = read(path)?;
    fairpath::compile(&path.display().to_string(), &bytes)
        .map_err(|r| report_rejected(&r))
        .ok()
}

/// A program read and checked by `session`, or the reason it was not, already reported.
fn check_file(session: &Session, path: &Path) -> Result<Checked, Rejected> {
    let name = path.display().to_string();
    let result = match files::regular(path).and_then(|()| {
        std::fs::read(path)
            .map_err(|e| format!("cannot read `{name}`: {}", e.to_string().to_lowercase()))
    }) {
        Ok(bytes) => session.check(&name, &bytes),
        Err(why) => Err(Rejected::new(
            Source::new(name.clone(), String::new()),
            vec![Diagnostic::error(
                fairpath::syntax::Code::Input,
                Default::default(),
                why,
                "this file",
            )],
        )),
    };
    result.inspect_err(report_rejected)
}

/// The embedded packs plus `--standard` files, narrowed by `--only`. Returns the engine and
/// whether every pack loaded.
pub fn engine(standards: &[PathBuf], only: &[String]) -> (Engine, bool) {
    let mut engine = Engine::embedded();
    let mut ok = true;
    for path in standards {
        let Some(bytes) = read(path) else {
            ok = false;
            continue;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if let Err(e) = engine.add(Source::new(path.display().to_string(), text)) {
            report_rejected(&Rejected::new(e.source, e.diagnostics));
            ok = false;
        }
    }
    if !only.is_empty() {
        let known: Vec<String> = engine.packs.iter().map(|p| p.id.clone()).collect();
        for id in only {
            if !known.contains(id) {
                input_error(&format!(
                    "unknown pack `{id}`; packs are {}",
                    known.join(", ")
                ));
                ok = false;
            }
        }
        engine.retain(only);
    }
    (engine, ok)
}

/// `fairpath check`.
pub fn check(args: &CheckArgs) -> u8 {
    if let Some(out) = args.output.as_deref().filter(|o| is_input(o, &args.paths)) {
        input_error(&format!(
            "`--output {}` is one of the programs checked; writing the report there would destroy it",
            out.display()
        ));
        return EXIT_INPUT;
    }
    let (engine, mut inputs_ok) = engine(&args.standards, &args.only);
    let session = Session::with_engine(engine, &Options::default().as_of(args.as_of));
    let mut checked = Vec::new();
    let mut rejected = Vec::new();
    let (files, found) = expand(&args.paths, "fair");
    inputs_ok &= found;
    // Paths that are not there are input errors in the machine reports too (`expand` has
    // already said so on standard error).
    rejected.extend(args.paths.iter().filter(|p| !p.exists()).map(|p| {
        let name = p.display().to_string();
        Rejected::new(
            Source::new(name.clone(), String::new()),
            vec![Diagnostic::error(
                fairpath::syntax::Code::Input,
                Default::default(),
                format!("no such file or folder: `{name}`"),
                "this path",
            )],
        )
    }));
    let progress = progress_bar(files.len());
    for path in files {
        progress.inc(1);
        match check_file(&session, &path) {
            Ok(c) => checked.push(c),
            Err(r) => {
                rejected.push(r);
                inputs_ok = false;
            }
        }
    }
    let engine = session.engine();
    progress.finish_and_clear();
    let (format, output) = (args.format, args.output.as_deref());
    let failing = |v: Verdict| match args.fail_on {
        FailOn::Violated => v == Verdict::Violated,
        FailOn::Unstated => matches!(v, Verdict::Violated | Verdict::Unstated),
        FailOn::Never => false,
    };
    let code = if !inputs_ok {
        EXIT_INPUT
    } else if checked
        .iter()
        .flat_map(|c| &c.findings)
        .any(|f| failing(f.worst()))
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    let text = match format {
        CheckFormat::Human | CheckFormat::Plain => {
            let st = if format == CheckFormat::Plain {
                Style::Plain
            } else {
                drawing(output.is_none() && std::io::stdout().is_terminal())
            };
            let mut out: String = checked
                .iter()
                .map(|c| report::human(c, st, args.all))
                .collect();
            if checked.len() > 1 {
                out.push_str(&summary_table(&checked));
            }
            out
        }
        CheckFormat::Markdown => checked
            .iter()
            .map(report::markdown)
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        CheckFormat::Html => checked.iter().map(report::html).collect(),
        CheckFormat::Table => report::table(&checked),
        CheckFormat::Json => pretty(&report::json(&checked, &rejected, engine, args.all)),
        CheckFormat::Sarif => pretty(&report::sarif(&checked, &rejected, engine, code)),
        CheckFormat::Short => report::short(&checked, &rejected),
        CheckFormat::Junit => report::junit(&checked, &rejected),
    };
    match output {
        Some(path) => {
            if let Err(e) = write_atomic(path, text.as_bytes()) {
                input_error(&format!("cannot write `{}`: {e}", path.display()));
                return EXIT_INPUT;
            }
        }
        None => out!("{text}"),
    }
    code
}

/// A progress bar on standard error for batches of more than 20 files on a terminal; hidden otherwise.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if len <= 20 || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("checking {pos}/{len} {wide_bar}") {
        bar.set_style(style);
    }
    bar
}

fn summary_table(checked: &[Checked]) -> String {
    let width = checked
        .iter()
        .map(|c| c.source.name().len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("\n{:<width$}  violated  unstated  satisfied  n/a\n", "file");
    for c in checked {
        let [violated, unstated, satisfied, na] = c.counts();
        out.push_str(&format!(
            "{:<width$}  {violated:>8}  {unstated:>8}  {satisfied:>9}  {na:>3}
",
            c.source.name()
        ));
    }
    out
}

/// `fairpath graph`.
pub fn graph(file: &Path, format: GraphFormat) -> u8 {
    let Some(compiled) = load_model(file) else {
        return EXIT_INPUT;
    };
    let model = compiled.model();
    if !compiled.warnings().is_empty() {
        let source = compiled.source();
        eprint!("{}", render(compiled.warnings(), source, style()));
    }
    match format {
        GraphFormat::Dot => out!("{}", export::dot(model)),
        GraphFormat::Mermaid => out!("{}", export::mermaid(model)),
        GraphFormat::Json => out!("{}", pretty(&export::json(model))),
    }
    EXIT_OK
}

/// `fairpath rules`.
pub fn rules(standards: &[PathBuf], format: RulesFormat) -> u8 {
    let (engine, ok) = engine(standards, &[]);
    match format {
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = engine
                .rules()
                .map(|r| {
                    let mut v = serde_json::to_value(r).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        let citation = format!("{} {}", r.instrument, r.cites);
                        o.insert("citation".into(), citation.into());
                        let deciders = fairpath::rules::decide::deciders(&engine, r);
                        o.insert("decided_by".into(), serde_json::json!(deciders));
                    }
                    v
                })
                .collect();
            out!("{}", pretty(&serde_json::json!({"rules": list})));
        }
        RulesFormat::Text => {
            for r in engine.rules() {
                outln!(
                    "{:<34} {:<10} {:<28} {:<11} {:<17} {}",
                    r.id,
                    r.instrument,
                    r.cites,
                    r.strength.word(),
                    r.theme.word(),
                    r.scope.join(", ")
                );
            }
        }
    }
    if ok {
        EXIT_OK
    } else {
        EXIT_INPUT
    }
}

/// `fairpath explain`.
pub fn explain(id: &str, standards: &[PathBuf]) -> u8 {
    let (engine, _) = engine(standards, &[]);
    let Some(r) = engine.rule(id) else {
        let ids: Vec<&str> = engine.rules().map(|r| r.id.as_str()).collect();
        let hint = fairpath::syntax::diagnostic::did_you_mean(id, ids)
            .map_or(String::new(), |s| format!("; {s}"));
        input_error(&format!("unknown rule `{id}`{hint}"));
        return EXIT_INPUT;
    };
    outln!("{}  ({})\n", r.id, r.pack);
    outln!(
        "{} {} — {} ({}), text {}",
        r.instrument,
        r.cites,
        r.strength.word(),
        r.obligation,
        r.verified
    );
    if !r.scope.is_empty() {
        let scopes: Vec<&str> = r
            .scope
            .iter()
            .filter_map(|s| {
                fairpath::rules::compile::SCOPES
                    .iter()
                    .find(|x| x.0 == s)
                    .map(|x| x.2)
            })
            .collect();
        outln!("applies to: {}", scopes.join("; "));
    }
    outln!("duty of: {}", report::binding::duty_words(r.duty));
    outln!("theme: {}", r.theme.name());
    outln!(
        "{}",
        report::decided_line(&fairpath::rules::decide::deciders(&engine, r))
    );
    outln!(
        "\n{}\n\nwhy: {}\n\nremedy: {}",
        r.summary,
        r.rationale,
        r.remedy
    );
    if !r.example.is_empty() {
        outln!("\na compliant clause:\n{}", laid_out(&r.example));
    }
    EXIT_OK
}

/// A clause in canonical layout, indented as inside a program.
fn laid_out(clause: &str) -> String {
    let text = format!("program \"Example\" {{\n{clause}\n}}\n");
    match fairpath::syntax::parse::parse_program(&text) {
        Ok(p) => {
            let formatted = fairpath::syntax::format::format_program(&p, &text);
            let lines: Vec<&str> = formatted.lines().collect();
            lines
                .get(1..lines.len().saturating_sub(1))
                .unwrap_or_default()
                .join("\n")
        }
        Err(_) => format!("  {clause}"),
    }
}

/// `fairpath diff`.
pub fn diff(
    old: &Path,
    new: &Path,
    standards: &[PathBuf],
    format: DiffFormat,
    as_of: Option<Date>,
) -> u8 {
    let (engine, ok) = engine(standards, &[]);
    let session = Session::with_engine(engine, &Options::default().as_of(as_of));
    let (Ok(a), Ok(b)) = (check_file(&session, old), check_file(&session, new)) else {
        return EXIT_INPUT;
    };
    let d = report::diff::diff(&a, &b);
    match format {
        DiffFormat::Json => out!("{}", pretty(&d)),
        DiffFormat::Human | DiffFormat::Markdown => {
            out!(
                "{}",
                report::diff::render(
                    &d,
                    a.source.name(),
                    b.source.name(),
                    format == DiffFormat::Markdown
                )
            )
        }
    }
    if !ok {
        EXIT_INPUT
    } else if d.introduced.iter().any(|c| c.after == Verdict::Violated) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// `fairpath rules --verify`: exit 1 when a problem is found.
pub fn verify(standards: &[PathBuf], format: RulesFormat) -> u8 {
    let (engine, ok) = engine(standards, &[]);
    let problems = fairpath::rules::verify::verify(&engine);
    match format {
        RulesFormat::Json => out!("{}", pretty(&serde_json::json!({"problems": problems}))),
        RulesFormat::Text => {
            for p in &problems {
                outln!(
                    "{}: {}
  {}
{}",
                    p.kind,
                    p.rules.join(" and "),
                    p.explanation,
                    indent(&p.witness)
                );
            }
            outln!(
                "{} rules checked, {} problems",
                engine.rules().count(),
                problems.len()
            );
        }
    }
    if !ok {
        EXIT_INPUT
    } else if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// `fairpath ratifications`: the data for one state, or for every state.
pub fn ratifications(state: Option<&str>, as_of: Option<Date>, format: RulesFormat) -> u8 {
    let data = fairpath::rules::ratify::Ratifications::embedded();
    if let Some(code) = state {
        if !fairpath::vocab::is_country(code) {
            input_error(&format!(
                "`{code}` is not an ISO 3166-1 alpha-3 country code, such as `MYS`"
            ));
            return EXIT_INPUT;
        }
    }
    match format {
        RulesFormat::Text => out!("{}", report::binding::table(&data, state, as_of)),
        RulesFormat::Json => out!(
            "{}",
            pretty(&report::binding::table_json(&data, state, as_of))
        ),
    }
    EXIT_OK
}
