//! `check`, `graph`, `rules`, `explain` and `diff`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::files::{self, expand, is_input};
use super::{
    drawing, input_error, out, outln, parallel, pretty, read, report_rejected, style, CheckArgs,
    CheckFormat, DiffFormat, FailOn, GraphFormat, RulesFormat, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK,
};
use fairpath::report::batch::{Batch, Format, Part};
use fairpath::report::graph;
use fairpath::report::{self, Checked};
use fairpath::rules::{Engine, Verdict};
use fairpath::syntax::diagnostic::{render_in, Style, Text};
use fairpath::syntax::{Diagnostic, Rejected, Source};
use fairpath::t;
use fairpath::vocab::{Date, Lang};
use fairpath::{Compiled, Options, Session};

/// A program read, checked against the vocabulary and compiled, or `None` once the reason was
/// reported.
pub fn load_model(path: &Path, lang: Lang) -> Option<Compiled> {
    let bytes = read(path, lang)?;
    fairpath::compile(&path.display().to_string(), &bytes)
        .map_err(|r| report_rejected(&r, lang))
        .ok()
}

/// A program read and checked by `session`, or the reason it was not.
fn check_file(session: &Session, path: &Path, lang: Lang) -> Result<Checked, Rejected> {
    let name = path.display().to_string();
    match files::regular(path, lang)
        .and_then(|()| std::fs::read(path).map_err(|e| super::cannot_read(path, &e, lang)))
    {
        Ok(bytes) => session.check(&name, &bytes),
        Err(why) => Err(input_rejection(name, why)),
    }
}

/// The embedded packs plus `--standard` files, narrowed by `--only`. Returns the engine and
/// whether every pack loaded.
pub fn engine(standards: &[PathBuf], only: &[String], lang: Lang) -> (Engine, bool) {
    let mut engine = Engine::embedded();
    let mut ok = true;
    for path in standards {
        let Some(bytes) = read(path, lang) else {
            ok = false;
            continue;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if let Err(e) = engine.add(Source::new(path.display().to_string(), text)) {
            report_rejected(&Rejected::new(e.source, e.diagnostics), lang);
            ok = false;
        }
    }
    if !only.is_empty() {
        let known: Vec<String> = engine.packs.iter().map(|p| p.id.clone()).collect();
        for id in only {
            if !known.contains(id) {
                let packs = report::Words::new(lang).list(&known, report::evidence::Join::And);
                input_error(
                    &t!(lang, "cli.message.unknown_pack", id = id, packs = packs),
                    lang,
                );
                ok = false;
            }
        }
        engine.retain(only);
    }
    (engine, ok)
}

/// `fairpath check`: the files are checked on every core, each program's part of the report
/// written in file order as soon as it and those before it are done, then the totals.
pub fn check(args: &CheckArgs, lang: Lang) -> u8 {
    if let Some(out) = args.output.as_deref().filter(|o| is_input(o, &args.paths)) {
        input_error(
            &t!(lang, "cli.message.output_is_input", file = out.display()),
            lang,
        );
        return EXIT_INPUT;
    }
    let (engine, mut inputs_ok) = engine(&args.standards, &args.only, lang);
    let session = Session::with_engine(engine, &Options::default().as_of(args.as_of));
    let (files, found) = expand(&args.paths, "fair", lang);
    inputs_ok &= found;
    let batch = Batch::new(batch_format(args), session.engine(), lang);
    let mut sink = match Sink::open(args.output.as_deref()) {
        Ok(sink) => sink,
        Err(e) => return cannot_write(args.output.as_deref(), &e, lang),
    };
    let mut totals = batch.totals();
    sink.write(&batch.head());
    // Paths that are not there are input errors in the machine reports too (`expand` has
    // already said so on standard error).
    for p in args.paths.iter().filter(|p| !p.exists()) {
        let name = p.display().to_string();
        let missing = input_rejection(name, files::missing(p, lang));
        let (lead, text) = totals.push(batch.rejected(&missing));
        sink.write(lead);
        sink.write(&text);
    }
    let failing = |v: Verdict| match args.fail_on {
        FailOn::Violated => v == Verdict::Violated,
        FailOn::Unstated => matches!(v, Verdict::Violated | Verdict::Unstated),
        FailOn::Never => false,
    };
    let mut findings_fail = false;
    let progress = progress_bar(files.len(), lang);
    let threads = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    parallel::ordered(
        files.len(),
        threads,
        |i| match files.get(i).map(|path| check_file(&session, path, lang)) {
            Some(Ok(c)) => (batch.program(&c), String::new()),
            Some(Err(r)) => (
                batch.rejected(&r),
                render_in(r.diagnostics(), r.source(), style(), lang),
            ),
            None => (Part::default(), String::new()),
        },
        |(part, diagnostics)| {
            progress.inc(1);
            eprint!("{diagnostics}");
            inputs_ok &= !part.rejected();
            findings_fail |= part.worst().is_some_and(failing);
            let (lead, text) = totals.push(part);
            sink.write(lead);
            sink.write(&text);
        },
    );
    progress.finish_and_clear();
    let code = if !inputs_ok {
        EXIT_INPUT
    } else if findings_fail {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    sink.write(&totals.tail(code));
    match sink.finish() {
        Ok(()) => code,
        Err(e) => cannot_write(args.output.as_deref(), &e, lang),
    }
}

/// The report format `check` was asked for, with its options.
fn batch_format(args: &CheckArgs) -> Format {
    match args.format {
        CheckFormat::Human => Format::Human(
            drawing(args.output.is_none() && std::io::stdout().is_terminal()),
            args.all,
        ),
        CheckFormat::Plain => Format::Human(Style::Plain, args.all),
        CheckFormat::Markdown => Format::Markdown,
        CheckFormat::Html => Format::Html,
        CheckFormat::Table => Format::Table,
        CheckFormat::Json => Format::Json(args.all),
        CheckFormat::Sarif => Format::Sarif,
        CheckFormat::Short => Format::Short,
        CheckFormat::Junit => Format::Junit,
    }
}

/// A file rejected before it could be read, with the reason as its one input error.
fn input_rejection(name: String, why: String) -> Rejected {
    Rejected::new(
        Source::new(name, String::new()),
        vec![Diagnostic::error(
            fairpath::syntax::Code::Input,
            Default::default(),
            Text::verbatim(why),
            Text::new("diagnostic.input.label", Vec::new()),
        )],
    )
}

/// Reports that the report could not be written.
fn cannot_write(output: Option<&Path>, e: &std::io::Error, lang: Lang) -> u8 {
    let said = match output {
        Some(p) => super::cannot_write(p, e, lang),
        None => t!(lang, "cli.message.cannot_write_output", error = e),
    };
    input_error(&said, lang);
    EXIT_INPUT
}

/// Where a report goes: standard output, or a file written atomically. Text is gathered into
/// blocks so that a large batch makes few writes.
enum Sink {
    Stdout(String),
    File(files::Atomic, Option<std::io::Error>),
}

impl Sink {
    const BLOCK: usize = 1 << 16;

    fn open(output: Option<&Path>) -> std::io::Result<Self> {
        Ok(match output {
            Some(path) => Sink::File(files::Atomic::create(path)?, None),
            None => Sink::Stdout(String::new()),
        })
    }

    fn write(&mut self, text: &str) {
        match self {
            // A text of a block or more is written as it is, not copied.
            Sink::Stdout(pending) if text.len() >= Self::BLOCK => {
                if !pending.is_empty() {
                    super::emit(pending);
                    pending.clear();
                }
                super::emit(text);
            }
            Sink::Stdout(pending) => {
                pending.push_str(text);
                if pending.len() >= Self::BLOCK {
                    super::emit(pending);
                    pending.clear();
                }
            }
            Sink::File(file, error @ None) => {
                if let Err(e) = std::io::Write::write_all(file, text.as_bytes()) {
                    *error = Some(e);
                }
            }
            Sink::File(_, Some(_)) => {}
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(pending) => {
                super::emit(&pending);
                Ok(())
            }
            Sink::File(file, None) => file.commit(),
            Sink::File(_, Some(e)) => Err(e),
        }
    }
}

/// A progress bar on standard error for batches of more than 20 files on a terminal; hidden otherwise.
fn progress_bar(len: usize, lang: Lang) -> indicatif::ProgressBar {
    if len <= 20 || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    // The catalogue's sentence is indicatif's template: `{pos}`, `{len}` and `{wide_bar}` are
    // indicatif's.
    let template = fairpath::locale::find(lang, "cli.message.progress").unwrap_or_default();
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// `fairpath graph`.
pub fn graph(file: &Path, format: GraphFormat, lang: Lang) -> u8 {
    let Some(compiled) = load_model(file, lang) else {
        return EXIT_INPUT;
    };
    let model = compiled.model();
    if !compiled.warnings().is_empty() {
        let source = compiled.source();
        eprint!("{}", render_in(compiled.warnings(), source, style(), lang));
    }
    let w = report::Words::new(lang);
    match format {
        GraphFormat::Dot => out!("{}", graph::dot(&w, model)),
        GraphFormat::Mermaid => out!("{}", graph::mermaid(&w, model)),
        GraphFormat::Json => out!("{}", pretty(&graph::json(model))),
    }
    EXIT_OK
}

/// `fairpath rules`.
pub fn rules(standards: &[PathBuf], format: RulesFormat, lang: Lang) -> u8 {
    let (engine, ok) = engine(standards, &[], lang);
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
pub fn explain(id: &str, standards: &[PathBuf], lang: Lang) -> u8 {
    let (engine, _) = engine(standards, &[], lang);
    let Some(r) = engine.rule(id) else {
        let ids: Vec<&str> = engine.rules().map(|r| r.id.as_str()).collect();
        let hint = fairpath::syntax::diagnostic::did_you_mean(id, ids)
            .map_or(String::new(), |s| format!("; {}", s.in_lang(lang)));
        input_error(
            &t!(lang, "cli.message.unknown_rule", id = id, hint = hint),
            lang,
        );
        return EXIT_INPUT;
    };
    let w = report::Words::new(lang);
    outln!("{}  ({})\n", r.id, r.pack);
    outln!(
        "{} {} — {} ({}), {}",
        r.instrument,
        r.cites,
        t!(lang, &format!("strength.{}", r.strength.word())),
        t!(lang, &format!("obligation.{}", r.obligation)),
        t!(lang, "explain.text", verified = r.verified)
    );
    if !r.scope.is_empty() {
        let scopes: Vec<String> = r
            .scope
            .iter()
            .map(|s| t!(lang, &format!("scope.{s}")))
            .collect();
        outln!(
            "{}",
            t!(lang, "explain.applies", scopes = scopes.join("; "))
        );
    }
    outln!(
        "{}",
        t!(
            lang,
            "explain.duty",
            duty = report::binding::duty_words(&w, r.duty)
        )
    );
    outln!("{}", t!(lang, "explain.theme", theme = w.theme(r.theme)));
    outln!(
        "{}",
        report::decided_line(&w, &fairpath::rules::decide::deciders(&engine, r))
    );
    let text = r.text(lang);
    outln!(
        "\n{}\n\n{}\n\n{}",
        text.summary,
        t!(lang, "explain.why", why = text.rationale),
        t!(lang, "explain.remedy", remedy = text.remedy)
    );
    if !r.example.is_empty() {
        outln!(
            "\n{}\n{}",
            t!(lang, "explain.example"),
            laid_out(&r.example)
        );
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
    all: bool,
    lang: Lang,
) -> u8 {
    let (engine, ok) = engine(standards, &[], lang);
    let session = Session::with_engine(engine, &Options::default().as_of(as_of));
    let rejected = |r: &Rejected| report_rejected(r, lang);
    let (Ok(a), Ok(b)) = (
        check_file(&session, old, lang).inspect_err(rejected),
        check_file(&session, new, lang).inspect_err(rejected),
    ) else {
        return EXIT_INPUT;
    };
    let d = report::diff::diff(&a, &b, all);
    match format {
        DiffFormat::Json => out!("{}", pretty(&d)),
        DiffFormat::Human | DiffFormat::Markdown => {
            out!(
                "{}",
                report::diff::render(
                    &report::Words::new(lang),
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
pub fn verify(standards: &[PathBuf], format: RulesFormat, lang: Lang) -> u8 {
    let (engine, ok) = engine(standards, &[], lang);
    let problems = fairpath::rules::verify::verify(&engine);
    let words = report::Words::new(lang);
    match format {
        RulesFormat::Json => out!("{}", pretty(&report::verify::json(&words, &problems))),
        RulesFormat::Text => {
            out!("{}", report::verify::plain(&words, &problems));
            outln!(
                "{}",
                t!(
                    lang,
                    "cli.message.verified",
                    rules = engine.rules().count(),
                    problems = problems.len()
                )
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

/// `fairpath ratifications`: the data for one state, or for every state.
pub fn ratifications(
    state: Option<&str>,
    as_of: Option<Date>,
    format: RulesFormat,
    lang: Lang,
) -> u8 {
    let data = fairpath::rules::ratify::Ratifications::embedded();
    if let Some(code) = state {
        if !fairpath::vocab::is_country(code) {
            input_error(&t!(lang, "cli.message.not_a_country", code = code), lang);
            return EXIT_INPUT;
        }
    }
    match format {
        RulesFormat::Text => out!(
            "{}",
            report::binding::table(&report::Words::new(lang), &data, state, as_of)
        ),
        RulesFormat::Json => out!(
            "{}",
            pretty(&report::binding::table_json(&data, state, as_of))
        ),
    }
    EXIT_OK
}
