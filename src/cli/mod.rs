//! The `fairpath` command line.

mod check;
pub mod expect;
mod files;
mod help;
mod lang;
mod parallel;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use fairpath::syntax::diagnostic::{render_in, Style};
use fairpath::syntax::Rejected;
use fairpath::t;
use fairpath::vocab::{Date, Lang};

/// Exit code: nothing at or above the failure threshold.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above the failure threshold (or files that need formatting).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: a usage or input error.
pub const EXIT_INPUT: u8 = 2;

/// Checks labour-migration programs against migrant workers' rights standards. What people read
/// in `--help` (this text, each argument's, the exit codes) is in the catalogues' `[cli]` section
/// (`help`).
#[derive(Debug, Parser)]
#[command(name = "fairpath", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of reports: `en`, `fr` or `es` [default: from LC_ALL, LC_MESSAGES or LANG,
    /// else `en`].
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// Reads `--lang`.
fn parse_lang(code: &str) -> Result<Lang, help::Refused> {
    Lang::from_code(code).ok_or_else(|| help::Refused::new("cli.message.not_a_language", code))
}

/// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that
/// is set and not empty, read by its language part (`fr_FR.UTF-8` is French); English when
/// that is none of fairpath's languages.
pub fn env_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| var(v).filter(|s| !s.is_empty()))
        .and_then(|locale| {
            let code: String = locale
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            Lang::from_code(&code.to_ascii_lowercase())
        })
        .unwrap_or(Lang::En)
}

/// The language of everything the command line writes: `--lang` when given, else the
/// environment's.
pub fn resolve(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| env_lang(|v| std::env::var(v).ok()))
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what fairpath understood of a program.
    Parse {
        /// The program file.
        file: PathBuf,
        /// What to print.
        #[arg(long, value_enum, default_value = "ast")]
        emit: Emit,
    },
    /// Rewrite programs in canonical layout, keeping comments.
    Fmt {
        /// Files or folders (folders are searched for `.fair` files).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only report files that are not in canonical layout.
        #[arg(long)]
        check: bool,
    },
    /// Write a template program with every term of the vocabulary commented out (or, with
    /// `--filled`, stated at an example value).
    Init {
        /// Where to write it (standard output when absent).
        file: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// Write the filled example instead: every term stated at an example value, each of which
        /// must be checked against the program's text.
        #[arg(long)]
        filled: bool,
    },
    /// Check programs against the standard packs.
    Check(CheckArgs),
    /// Draw a program's worker-status graph.
    Graph {
        /// The program file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "dot")]
        format: GraphFormat,
    },
    /// List every rule with its citation, strength and scope.
    Rules {
        /// An extra rule pack to load (repeatable).
        #[arg(long = "standard", value_name = "FILE")]
        standards: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
        /// Search for rules that can never be satisfied, never be violated, or that conflict.
        #[arg(long, conflicts_with = "coverage")]
        verify: bool,
        /// Print how the shipped packs cover the legal brief's table of provisions (Markdown).
        #[arg(long)]
        coverage: bool,
    },
    /// Explain one rule: its text, rationale, remedy and a compliant example.
    Explain {
        /// The rule id, such as `c143.art14.a`.
        rule: String,
        /// An extra rule pack to load (repeatable).
        #[arg(long = "standard", value_name = "FILE")]
        standards: Vec<PathBuf>,
    },
    /// Compare two drafts: findings fixed and introduced; terms, transitions and money flows
    /// changed field by field, with the draft that protects more.
    Diff {
        /// The earlier draft.
        old: PathBuf,
        /// The later draft.
        new: PathBuf,
        /// An extra rule pack to load (repeatable).
        #[arg(long = "standard", value_name = "FILE")]
        standards: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: DiffFormat,
        /// Judge bindingness at this date (YYYY-MM-DD) instead of the program's `as_of`.
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<Date>,
        /// Also list the shortfalls and silences both drafts share.
        #[arg(long)]
        all: bool,
    },
    /// Check the verdicts programs declare they expect (`// expect RULE VERDICT`, or a `.expect` file).
    Test {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// An extra rule pack to load (repeatable).
        #[arg(long = "standard", value_name = "FILE")]
        standards: Vec<PathBuf>,
        /// Judge bindingness at this date (YYYY-MM-DD) instead of the program's `as_of`.
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<Date>,
    },
    /// Show the ratification data for a state: per instrument, ratification, entry into force,
    /// territory, exclusions, denunciation and sources.
    Ratifications {
        /// An ISO 3166-1 alpha-3 code, such as `MYS` (every state in the data when absent).
        state: Option<String>,
        /// Also say where each instrument stands at this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Serve editors over the Language Server Protocol on standard input and output.
    #[cfg(feature = "lsp")]
    Lsp,
    /// List the vocabulary: every term, status category, trigger, party role, cost, unit and
    /// modifier a program can use.
    Terms {
        /// Output format.
        #[arg(long, value_enum, default_value = "plain")]
        format: TermsFormat,
    },
    /// Explain the language of programs in one page, with examples.
    Language,
}

/// The arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders (folders are searched for `.fair` files, recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// An extra rule pack to load (repeatable).
    #[arg(long = "standard", value_name = "FILE")]
    standards: Vec<PathBuf>,
    /// Use only these packs (repeatable), by id such as `ilo-c143`.
    #[arg(long = "only", value_name = "PACK")]
    only: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The lowest verdict that makes the exit code 1.
    #[arg(long, value_enum, default_value = "violated")]
    fail_on: FailOn,
    /// In JSON, include satisfied and not-applicable findings too.
    #[arg(long)]
    all: bool,
    /// Judge bindingness at this date (YYYY-MM-DD) instead of the program's `as_of`.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<Date>,
    /// How many files to check at once (default: one per core). The report is the same whatever
    /// the number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

/// What `parse` prints.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Emit {
    /// The syntax tree, as an outline.
    Ast,
    /// The typed terms, parties, statuses, transitions and flows, as JSON.
    Json,
}

/// Report formats for `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Drawn diagnostics with colour (plain when `NO_COLOR` is set or output is not a terminal).
    Human,
    /// The same, without colour or drawing.
    Plain,
    /// JSON following `schemas/report.schema.json`.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// A Markdown report to print.
    Markdown,
    /// A self-contained HTML report with the worker-status graph.
    Html,
    /// A Markdown table of programs × conventions (violated / unstated / satisfied).
    Table,
    /// One line per finding and per input error: `file:line:col: severity[rule] message`.
    Short,
    /// JUnit XML: a test suite per program, a test case per rule, for CI.
    Junit,
}

/// The lowest verdict that fails `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on violated findings.
    Violated,
    /// Fail on violated or unstated findings.
    Unstated,
    /// Never fail on findings.
    Never,
}

/// Formats for `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text.
    Human,
    /// JSON.
    Json,
    /// Markdown.
    Markdown,
}

/// Graph formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// JSON following `schemas/graph.schema.json`.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
}

/// Formats for `rules`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RulesFormat {
    /// One line per rule.
    Text,
    /// JSON.
    Json,
}

/// How `terms` prints the vocabulary.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TermsFormat {
    /// Plain text: one line per term, then each group of words and the modifiers.
    #[value(alias = "text")]
    Plain,
    /// A Markdown table.
    Markdown,
    /// JSON.
    Json,
}

/// Runs the command line and returns the process exit code. Help and the errors met while
/// reading the command line are in the language asked for, known before clap parses. The tree
/// with the catalogue's texts takes about a millisecond to make, so it is made only when clap
/// has something to show: the arguments are read with the derive's tree, and read again with
/// the translated one (which parses the same way) when that stops.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(_) => {
            let lang = help::early_lang(&args);
            let again = help::command(lang)
                .try_get_matches_from(&args)
                .and_then(|mut m| <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut m));
            match again {
                Ok(cli) => cli,
                Err(e) => {
                    help::print_error(&e, lang);
                    return ExitCode::from(if e.use_stderr() { EXIT_INPUT } else { EXIT_OK });
                }
            }
        }
    };
    ExitCode::from(run(cli))
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> u8 {
    let lang = resolve(cli.lang);
    match cli.command {
        Command::Parse { file, emit } => lang::parse(&file, emit, lang),
        Command::Fmt { paths, check } => lang::fmt(&paths, check, lang),
        Command::Init {
            file,
            force,
            filled,
        } => lang::init(file.as_deref(), force, filled, lang),
        Command::Terms { format } => lang::terms(format, lang),
        Command::Language => {
            out!("{}", lang::LANGUAGE);
            EXIT_OK
        }
        Command::Check(args) => check::check(&args, lang),
        Command::Graph { file, format } => check::graph(&file, format, lang),
        Command::Rules {
            standards,
            format,
            verify: true,
            ..
        } => check::verify(&standards, format, lang),
        Command::Rules { coverage: true, .. } => {
            let engine = fairpath::rules::Engine::embedded();
            out!(
                "{}",
                fairpath::report::coverage::markdown(&fairpath::report::Words::new(lang), &engine)
            );
            EXIT_OK
        }
        Command::Rules {
            standards, format, ..
        } => check::rules(&standards, format, lang),
        Command::Explain { rule, standards } => check::explain(&rule, &standards, lang),
        Command::Diff {
            old,
            new,
            standards,
            format,
            as_of,
            all,
        } => check::diff(&old, &new, &standards, format, as_of, all, lang),
        Command::Test {
            paths,
            standards,
            as_of,
        } => expect::run(&paths, &standards, as_of, lang),
        Command::Ratifications {
            state,
            as_of,
            format,
        } => check::ratifications(state.as_deref(), as_of, format, lang),
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut help::command(lang), "fairpath", &mut text);
            emit(&String::from_utf8_lossy(&text));
            EXIT_OK
        }
        #[cfg(feature = "lsp")]
        Command::Lsp => match crate::lsp::run(lang) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let why = t!(lang, "cli.message.lsp_stopped", error = e);
                eprintln!("{}", t!(lang, "cli.message.prefixed", message = why));
                EXIT_INPUT
            }
        },
        Command::Man => {
            let mut text = Vec::new();
            match clap_mangen::Man::new(help::command(Lang::En)).render(&mut text) {
                Ok(()) => {
                    emit(&String::from_utf8_lossy(&text));
                    EXIT_OK
                }
                Err(e) => {
                    input_error(&t!(lang, "cli.message.cannot_write_man", error = e), lang);
                    EXIT_INPUT
                }
            }
        }
    }
}

/// Reads a `--as-of` date.
fn date_arg(text: &str) -> Result<Date, help::Refused> {
    Date::parse(text).ok_or_else(|| help::Refused::new("cli.message.not_a_date", text))
}

/// The drawing style for diagnostics on standard error: colour on a terminal, the same layout
/// without colour when `NO_COLOR` is set or it is not a terminal.
pub fn style() -> Style {
    drawing(std::io::stderr().is_terminal())
}

/// Colour for a terminal that wants it, else the same layout without colour.
pub fn drawing(terminal: bool) -> Style {
    if terminal && std::env::var_os("NO_COLOR").is_none() {
        Style::Fancy
    } else {
        Style::Monochrome
    }
}

/// Prints a rejected file's diagnostics to standard error, in `lang`.
pub fn report_rejected(r: &Rejected, lang: Lang) {
    eprint!("{}", render_in(r.diagnostics(), r.source(), style(), lang));
}

/// Prints a one-line input error to standard error.
pub fn input_error(message: &str, lang: Lang) {
    use std::io::Write;
    let code = fairpath::syntax::Code::Input;
    let line = t!(lang, "cli.message.coded", code = code, message = message);
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Why `path` could not be read, in `lang` (the system's own words for the cause).
pub fn cannot_read(path: &std::path::Path, e: &std::io::Error, lang: Lang) -> String {
    t!(
        lang,
        "cli.message.cannot_read",
        file = path.display(),
        error = e.to_string().to_lowercase()
    )
}

/// That `path` could not be written, in `lang`.
pub fn cannot_write(path: &std::path::Path, e: &std::io::Error, lang: Lang) -> String {
    t!(
        lang,
        "cli.message.cannot_write",
        file = path.display(),
        error = e
    )
}

/// Reads a file, reporting a failure as an input error.
pub fn read(path: &std::path::Path, lang: Lang) -> Option<Vec<u8>> {
    if let Err(why) = files::regular(path, lang) {
        input_error(&why, lang);
        return None;
    }
    match std::fs::read(path) {
        Ok(b) => Some(b),
        Err(e) => {
            input_error(&cannot_read(path, &e, lang), lang);
            None
        }
    }
}

/// Writes `text` to standard output. A closed pipe ends the program quietly, as `… | head`
/// expects; any other failure (a full disk) is reported and ends it with the input-error code.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(i32::from(EXIT_OK));
        }
        // Rare enough to read the language again rather than carry it into every write.
        let lang = help::early_lang(&std::env::args_os().collect::<Vec<_>>());
        let why = t!(lang, "cli.message.cannot_write_output", error = e);
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            t!(lang, "cli.message.prefixed", message = why)
        );
        std::process::exit(i32::from(EXIT_INPUT));
    }
}

/// `print!` through [`emit`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::emit(&format!($($arg)*)) };
}

/// `println!` through [`emit`].
macro_rules! outln {
    () => { $crate::cli::emit("\n") };
    ($($arg:tt)*) => { $crate::cli::emit(&(format!($($arg)*) + "\n")) };
}

pub(crate) use {out, outln};

/// Plain data as pretty JSON text, with a final newline.
pub fn pretty<T: serde::Serialize + ?Sized>(v: &T) -> String {
    // Serialising plain data (string keys only) into a string does no I/O and cannot fail.
    #[allow(clippy::expect_used)]
    let text = serde_json::to_string_pretty(v).expect("plain data serialises");
    text + "\n"
}
