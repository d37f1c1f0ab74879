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

/// Reads a program from raw bytes: decoding, parsing and the vocabulary check.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<Parsed, Rejected> {
    let reject = |text: String, diagnostics: Vec<Diagnostic>| Rejected {
        source: Source {
            name: name.into(),
            text,
        },
        diagnostics,
    };
    let text = source::decode(bytes).map_err(|e| reject(e.0, vec![e.1]))?;
    let program = parse::parse_program(&text).map_err(|d| reject(text.clone(), vec![d]))?;
    let (terms, diags) = validate::validate(&program);
    if diagnostic::has_errors(&diags) {
        return Err(reject(text, diags));
    }
    Ok(Parsed {
        source: Source {
            name: name.into(),
            text,
        },
        program,
        terms,
        warnings: diags,
    })
}
