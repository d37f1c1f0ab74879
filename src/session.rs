//! The one entry point: a file's bytes in, a checked program (or the reasons it was rejected)
//! out. The command line, the benchmarks and the tests call it; so can other front ends.

use crate::model::Model;
use crate::report::Checked;
use crate::rules::Engine;
use crate::syntax::{parse_file, Diagnostic, Rejected, Source};
use crate::vocab::Date;

/// How programs are checked. Built with [`Options::default`] and the methods below, so that
/// options can be added without breaking callers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    only: Option<Vec<String>>,
    as_of: Option<Date>,
}

impl Options {
    /// Checks against the packs whose ids are in `packs` only, such as `ilo-c143`.
    pub fn only<I: IntoIterator<Item = S>, S: Into<String>>(mut self, packs: I) -> Self {
        self.only = Some(packs.into_iter().map(Into::into).collect());
        self
    }

    /// Judges bindingness at `date` instead of each program's `as_of` (or today).
    pub fn as_of(mut self, date: Option<Date>) -> Self {
        self.as_of = date;
        self
    }
}

/// A program read, checked against the vocabulary and compiled into its model.
#[derive(Debug, Clone)]
pub struct Compiled {
    source: Source,
    model: Model,
    warnings: Vec<Diagnostic>,
}

impl Compiled {
    /// The file.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Warnings from the language and model checks.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The file, the model and the warnings.
    pub fn into_parts(self) -> (Source, Model, Vec<Diagnostic>) {
        (self.source, self.model, self.warnings)
    }
}

/// Reads the program `name` from `bytes`: decoding, parsing, the vocabulary check and the model.
///
/// ```
/// let text = "program \"Pilot\" {\n  kind seasonal\n}\n";
/// let compiled = fairpath::compile("pilot.fair", text.as_bytes()).unwrap();
/// assert_eq!(compiled.model().terms().name, "Pilot");
/// ```
pub fn compile(name: &str, bytes: &[u8]) -> Result<Compiled, Rejected> {
    let (source, terms, mut warnings) = parse_file(name, bytes)?.into_parts();
    let (model, diags) = Model::from_terms(terms);
    if crate::syntax::diagnostic::has_errors(&diags) {
        return Err(Rejected::new(source, diags));
    }
    warnings.extend(diags);
    Ok(Compiled {
        source,
        model,
        warnings,
    })
}

/// Checks programs against a set of rule packs, compiled once.
#[derive(Debug, Clone)]
pub struct Session {
    engine: Engine,
}

impl Session {
    /// A session with the shipped packs, narrowed by `options`.
    pub fn new(options: &Options) -> Self {
        Self::with_engine(Engine::embedded(), options)
    }

    /// A session with the packs of `engine`, narrowed by `options`.
    pub fn with_engine(mut engine: Engine, options: &Options) -> Self {
        if let Some(only) = &options.only {
            engine.retain(only);
        }
        engine.as_of = options.as_of;
        Session { engine }
    }

    /// The packs.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Reads the program `name` from `bytes` and evaluates every rule on it.
    pub fn check(&self, name: &str, bytes: &[u8]) -> Result<Checked, Rejected> {
        let (source, model, warnings) = compile(name, bytes)?.into_parts();
        Ok(Checked::new(source, model, &self.engine, warnings))
    }
}

/// Checks the program `name`, whose text is `text`, against the shipped packs. For many files,
/// make one [`Session`] and call [`Session::check`].
///
/// ```
/// let text = "program \"Pilot\" {\n  kind seasonal\n  origin [MEX]\n  destination [CAN]\n}\n";
/// let checked = fairpath::check("pilot.fair", text, &fairpath::Options::default()).unwrap();
/// assert!(!checked.findings.is_empty());
///
/// let broken = "program \"Pilot\" {\n  kind seasonal\n";
/// let rejected = fairpath::check("broken.fair", broken, &fairpath::Options::default()).unwrap_err();
/// assert_eq!(rejected.diagnostics()[0].message(), "unclosed `{`");
/// ```
pub fn check(name: &str, text: &str, options: &Options) -> Result<Checked, Rejected> {
    Session::new(options).check(name, text.as_bytes())
}
