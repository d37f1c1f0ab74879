//! Parsing `.fair` text into a syntax tree with spans, checking it against the vocabulary, and
//! printing it back in canonical form. This module knows nothing of the model or the rules.

pub mod ast;
pub mod diagnostic;
pub mod format;
pub mod lexical;
pub mod lines;
pub mod parse;
pub mod print;
pub mod source;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, Severity};

use ast::Program;
use lines::Lines;
use validate::Terms;

/// A file's name and text, with the index of its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    name: String,
    text: String,
    lines: Lines,
}

impl Source {
    /// The file `name` (the name shown in messages, usually the path) holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Source {
            name: name.into(),
            lines: Lines::new(&text),
            text,
        }
    }

    /// The name shown in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text (a lossy copy when the bytes were not UTF-8).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where its lines start.
    pub fn lines(&self) -> &Lines {
        &self.lines
    }

    /// Line and column (both from 1) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }
}

/// A program that parsed and passed the vocabulary check.
#[derive(Debug, Clone)]
pub struct Parsed {
    source: Source,
    program: Program,
    terms: Terms,
    warnings: Vec<Diagnostic>,
}

impl Parsed {
    /// Where it came from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The syntax tree.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The typed terms.
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// Warnings that do not stop the program being checked.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The source, the typed terms and the warnings.
    pub fn into_parts(self) -> (Source, Terms, Vec<Diagnostic>) {
        (self.source, self.terms, self.warnings)
    }
}

/// A file that could not be used, with every reason found.
#[derive(Debug, Clone)]
pub struct Rejected {
    source: Source,
    diagnostics: Vec<Diagnostic>,
}

impl Rejected {
    /// The file `source`, rejected for `diagnostics`.
    pub fn new(source: Source, diagnostics: Vec<Diagnostic>) -> Self {
        Rejected {
            source,
            diagnostics,
        }
    }

    /// Where it came from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The reasons.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// Reads a program's syntax from raw bytes: decoding and parsing, without the vocabulary check.
/// A program with any syntax error is rejected.
pub fn read_program(name: &str, bytes: &[u8]) -> Result<(Source, Program), Rejected> {
    let (source, program, diags) = syntax(name, bytes)?;
    if diags.is_empty() {
        Ok((source, program))
    } else {
        Err(Rejected::new(source, diags))
    }
}

/// Reads a program from raw bytes: decoding, parsing and the vocabulary check. The clauses that
/// parse are checked even when others do not, and every diagnostic is returned.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<Parsed, Rejected> {
    let (source, program, mut diags) = syntax(name, bytes)?;
    let (terms, more) = validate::validate(&program);
    diags.extend(more);
    let diags = diagnostic::capped(
        diags,
        diagnostic::MAX_DIAGNOSTICS,
        diagnostic::msg!("capped.problems"),
    );
    if diagnostic::has_errors(&diags) {
        return Err(Rejected::new(source, diags));
    }
    Ok(Parsed {
        source,
        program,
        terms,
        warnings: diags,
    })
}

/// Decodes and parses: the tree with its syntax errors, or the rejection when there is no tree.
fn syntax(name: &str, bytes: &[u8]) -> Result<(Source, Program, Vec<Diagnostic>), Rejected> {
    let text =
        source::decode(bytes).map_err(|e| Rejected::new(Source::new(name, e.0), vec![e.1]))?;
    let source = Source::new(name, text);
    match parse::parse(source.text(), source.lines()) {
        (Some(program), diags) => Ok((source, program, diags)),
        (None, diags) => Err(Rejected::new(source, diags)),
    }
}
