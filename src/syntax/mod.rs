//! Parsing `.fair` text into a syntax tree with spans, checking it against the vocabulary, and
//! printing it back in canonical form.

pub mod ast;
pub mod diagnostic;
pub mod format;
pub mod parse;
pub mod print;
pub mod source;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};

use ast::Program;
use validate::Terms;

/// A file's name and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The name shown in messages (usually the path).
    pub name: String,
    /// The text (a lossy copy when the bytes were not UTF-8).
    pub text: String,
}

/// A program that parsed and passed the vocabulary check.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Where it came from.
    pub source: Source,
    /// The syntax tree.
    pub program: Program,
    /// The typed terms.
    pub terms: Terms,
    /// Warnings that do not stop the program being checked.
    pub warnings: Vec<Diagnostic>,
}

/// A file that could not be used, with every reason found.
#[derive(Debug, Clone)]
pub struct Rejected {
    /// Where it came from.
    pub source: Source,
    /// The reasons.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a program's syntax from raw bytes: decoding and parsing, without the vocabulary check.
pub fn read_program(name: &str, bytes: &[u8]) -> Result<(Source, Program), Rejected> {
    let source = |text: String| Source {
        name: name.into(),
        text,
    };
    let text = source::decode(bytes).map_err(|e| Rejected {
        source: source(e.0),
        diagnostics: vec![e.1],
    })?;
    match parse::parse_program(&text) {
        Ok(program) => Ok((source(text), program)),
        Err(d) => Err(Rejected {
            source: source(text),
            diagnostics: vec![d],
        }),
    }
}

/// Reads a program from raw bytes: decoding, parsing and the vocabulary check.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<Parsed, Rejected> {
    let (source, program) = read_program(name, bytes)?;
    let (terms, diags) = validate::validate(&program);
    if diagnostic::has_errors(&diags) {
        return Err(Rejected {
            source,
            diagnostics: diags,
        });
    }
    Ok(Parsed {
        source,
        program,
        terms,
        warnings: diags,
    })
}
