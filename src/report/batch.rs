//! Reports on many programs, made one program at a time. Each program's part is made from its own
//! findings, on any thread; the parts are written in the order of the files, and the totals at the
//! end come from counts. A batch of any size reports in memory that does not grow with the
//! findings: what is kept per program is its name and counts.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{json, Value};

use super::machine::{
    artifact, input_errors, layered, program_json, results, rules_json, sarif_rules, Counts,
    InputError,
};
use super::{people, Checked, Words};
use crate::rules::{Engine, Verdict};
use crate::syntax::diagnostic::Style;
use crate::syntax::Rejected;
use crate::t;
use crate::vocab::Lang;

/// The formats a batch can be reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Drawn diagnostics for people, in a given style, every finding or only those worth showing.
    Human(Style, bool),
    /// Markdown, programs separated by rules.
    Markdown,
    /// One self-contained HTML document per program.
    Html,
    /// The corpus table in Markdown.
    Table,
    /// The JSON report (`schemas/report.schema.json`), every finding or only those worth showing.
    Json(bool),
    /// SARIF 2.1.0.
    Sarif,
    /// One line per finding, as compilers write them.
    Short,
    /// JUnit XML.
    Junit,
}

/// Every format, each with every finding shown: for tests that go through them all.
pub const FORMATS: [Format; 10] = [
    Format::Human(Style::Monochrome, true),
    Format::Human(Style::Plain, true),
    Format::Markdown,
    Format::Html,
    Format::Table,
    Format::Json(true),
    Format::Sarif,
    Format::Short,
    Format::Junit,
    Format::Json(false),
];

/// One program's (or one rejected file's) part of a batch report.
#[derive(Debug, Clone, Default)]
pub struct Part {
    text: String,
    tally: Tally,
}

impl Part {
    /// The worst verdict of the program's findings, in law or in practice; `None` for a rejected
    /// file or a program no rule applies to.
    pub fn worst(&self) -> Option<Verdict> {
        self.tally.worst
    }

    /// Whether the file was rejected as an input error.
    pub fn rejected(&self) -> bool {
        self.tally.rejected
    }
}

/// What the end of a report needs to know of one program.
#[derive(Debug, Clone, Default)]
struct Tally {
    name: String,
    rejected: bool,
    worst: Option<Verdict>,
    counts: [usize; 4],
    by_instrument: Vec<(String, [usize; 4])>,
    artifact: Option<Value>,
    errors: Vec<InputError>,
}

/// How a batch is reported: [`Batch::head`] first, then the parts of the programs, made with
/// [`Batch::program`] and [`Batch::rejected`] on any thread and added in file order to the
/// [`Totals`], which also write the end.
#[derive(Debug, Clone)]
pub struct Batch<'e> {
    format: Format,
    engine: &'e Engine,
    words: Words,
}

/// What a batch report keeps while it is written: the number of parts so far and, per program,
/// its name and counts.
#[derive(Debug)]
pub struct Totals {
    format: Format,
    lang: Lang,
    parts: usize,
    rows: Vec<(String, [usize; 4])>,
    by_instrument: BTreeMap<String, [usize; 4]>,
    artifacts: Vec<Value>,
    errors: Vec<InputError>,
}

impl<'e> Batch<'e> {
    /// A batch report in `format` and `lang` on the packs of `engine`.
    pub fn new(format: Format, engine: &'e Engine, lang: Lang) -> Self {
        Batch {
            format,
            engine,
            words: Words::new(lang),
        }
    }

    /// The totals of a report about to be written.
    pub fn totals(&self) -> Totals {
        Totals {
            format: self.format,
            lang: self.words.lang,
            parts: 0,
            rows: Vec::new(),
            by_instrument: BTreeMap::new(),
            artifacts: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The text before the first program.
    pub fn head(&self) -> String {
        match self.format {
            Format::Table => people::table_head(&self.words),
            Format::Json(_) => {
                let packs: Vec<Value> = self
                    .engine
                    .packs
                    .iter()
                    .map(|p| json!({"id": p.id, "origin": p.origin, "sha256": p.hash, "rules": p.rules.len()}))
                    .collect();
                format!(
                    "{{\n  \"schema\": {},\n  \"tool\": {},\n  \"language\": {},\n  \"packs\": {},\n  \"rules\": {},\n  \"programs\": [",
                    json!(super::REPORT_SCHEMA),
                    member(&json!({"name": "fairpath", "version": env!("CARGO_PKG_VERSION")}), 1),
                    json!(self.words.lang.code()),
                    layered(&Value::Array(packs), 1, 1),
                    layered(&rules_json(&self.words, self.engine), 1, 1),
                )
            }
            Format::Sarif => format!(
                "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"results\": [",
                member(
                    &json!({"driver": {"name": "fairpath", "version": env!("CARGO_PKG_VERSION"), "informationUri": "https://crates.io/crates/fairpath", "rules": sarif_rules(&self.words, self.engine)}}),
                    3
                )
            ),
            Format::Junit => {
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fairpath\">\n".into()
            }
            _ => String::new(),
        }
    }

    /// The part of one checked program. It reads only the program, so parts can be made on any
    /// thread.
    pub fn program(&self, c: &Checked) -> Part {
        let w = &self.words;
        let text = match self.format {
            Format::Human(style, all) => people::human(w, c, style, all),
            Format::Markdown => people::markdown(w, c),
            Format::Html => super::html(w, c),
            Format::Table => people::table_row(w, c),
            Format::Json(all) => program_json(w, c, all, 2),
            Format::Sarif => results(w, c)
                .iter()
                .map(|r| member(r, 4))
                .collect::<Vec<_>>()
                .join(",\n        "),
            Format::Short => people::short_findings(w, c),
            Format::Junit => super::machine::junit_suite(w, c),
        };
        let by_instrument = c
            .by_instrument()
            .into_iter()
            .map(|(i, counts)| (i.to_string(), counts))
            .collect();
        Part {
            text,
            tally: Tally {
                name: c.source.name().to_string(),
                rejected: false,
                worst: c.findings.iter().map(|f| f.worst()).min(),
                counts: c.counts(),
                by_instrument,
                artifact: Some(artifact(c)),
                errors: Vec::new(),
            },
        }
    }

    /// The part of a file rejected as an input error.
    pub fn rejected(&self, r: &Rejected) -> Part {
        let text = match self.format {
            Format::Short => people::short_errors(r),
            Format::Junit => super::machine::junit_error(r),
            _ => String::new(),
        };
        Part {
            text,
            tally: Tally {
                name: r.source().name().to_string(),
                rejected: true,
                errors: input_errors(r),
                ..Tally::default()
            },
        }
    }
}

impl Totals {
    /// Adds the next part in file order; returns the text to write now: what goes between it and
    /// the part before, then the part's own text.
    pub fn push(&mut self, part: Part) -> (&'static str, String) {
        let Part { text, tally } = part;
        let mut lead = "";
        if !text.is_empty() {
            let first = self.parts == 0;
            lead = match self.format {
                Format::Markdown if !first => "\n---\n\n",
                Format::Json(_) if first => "\n    ",
                Format::Json(_) => ",\n    ",
                Format::Sarif if first => "\n        ",
                Format::Sarif => ",\n        ",
                _ => "",
            };
            self.parts += 1;
        }
        self.errors.extend(tally.errors);
        if tally.rejected {
            return (lead, text);
        }
        for (instrument, counts) in tally.by_instrument {
            let total = self.by_instrument.entry(instrument).or_default();
            for (t, n) in total.iter_mut().zip(counts) {
                *t += n;
            }
        }
        self.artifacts.extend(tally.artifact);
        self.rows.push((tally.name, tally.counts));
        (lead, text)
    }

    /// The text after the last program: totals, input errors and, for SARIF, the exit code.
    pub fn tail(self, exit_code: u8) -> String {
        let close = |indent: &str| {
            if self.parts > 0 {
                format!("\n{indent}]")
            } else {
                "]".to_string()
            }
        };
        match self.format {
            Format::Human(..) if self.rows.len() > 1 => summary_table(self.lang, &self.rows),
            Format::Table => people::table_foot(self.lang),
            Format::Json(_) => {
                let summary: serde_json::Map<String, Value> = self
                    .by_instrument
                    .iter()
                    .map(|(i, counts)| (i.clone(), json!(Counts::from(*counts))))
                    .collect();
                format!(
                    "{},\n  \"summary\": {},\n  \"errors\": {}\n}}\n",
                    close("  "),
                    member(&Value::Object(summary), 1),
                    layered(&json!(self.errors), 1, 1)
                )
            }
            Format::Sarif => format!(
                "{},\n      \"artifacts\": {},\n      \"invocations\": {}\n    }}\n  ]\n}}\n",
                close("      "),
                member(&Value::Array(self.artifacts), 3),
                member(
                    &json!([{"executionSuccessful": exit_code != 2, "exitCode": exit_code,
                             "toolExecutionNotifications": self.errors.iter().map(InputError::notification).collect::<Vec<_>>()}]),
                    3
                )
            ),
            Format::Junit => "</testsuites>\n".into(),
            _ => String::new(),
        }
    }
}

/// A whole batch report as one string: for tests, fuzzing and small batches.
pub fn render(
    format: Format,
    lang: Lang,
    engine: &Engine,
    checked: &[Checked],
    rejected: &[Rejected],
    exit_code: u8,
) -> String {
    let batch = Batch::new(format, engine, lang);
    let mut totals = batch.totals();
    let mut out = batch.head();
    for part in rejected
        .iter()
        .map(|r| batch.rejected(r))
        .chain(checked.iter().map(|c| batch.program(c)))
    {
        let (lead, text) = totals.push(part);
        out.push_str(lead);
        out.push_str(&text);
    }
    out + &totals.tail(exit_code)
}

/// `value` as JSON at nesting `depth`, laid out all the way down.
fn member(value: &Value, depth: usize) -> String {
    layered(value, depth, usize::MAX)
}

/// The summary after a batch of drawn reports: one row per program, each count right-aligned
/// under its column's heading.
fn summary_table(lang: Lang, rows: &[(String, [usize; 4])]) -> String {
    let heads = [
        "column.violated",
        "column.unstated",
        "column.satisfied",
        "column.na",
    ]
    .map(|k| t!(lang, k));
    let file = t!(lang, "column.file");
    let width = |s: &str| s.chars().count();
    let first = rows
        .iter()
        .map(|r| width(&r.0))
        .chain([width(&file)])
        .max()
        .unwrap_or(0);
    let mut out = format!("\n{file}{}", " ".repeat(first - width(&file)));
    for h in &heads {
        out.push_str("  ");
        out.push_str(h);
    }
    out.push('\n');
    for (name, counts) in rows {
        out.push_str(name);
        out.push_str(&" ".repeat(first.saturating_sub(width(name))));
        for (h, n) in heads.iter().zip(counts) {
            let n = crate::locale::number(lang, *n);
            let _ = write!(
                out,
                "  {}{n}",
                " ".repeat(width(h).saturating_sub(width(&n)))
            );
        }
        out.push('\n');
    }
    out
}
