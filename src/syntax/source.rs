//! Turning raw bytes into text the parser can take: size, encoding and nesting limits.

use super::ast::Span;
use super::diagnostic::{msg, Code, Diagnostic};
use super::lexical::code_bytes;

/// The largest file fairpath reads, in bytes.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// The deepest nesting of braces, brackets and parentheses fairpath accepts.
pub const MAX_DEPTH: usize = 64;

/// Checks raw bytes and returns the text, or the diagnostic that stops reading.
/// On error the returned string is a lossy copy of the text, for drawing the diagnostic.
pub fn decode(bytes: &[u8]) -> Result<String, Box<(String, Diagnostic)>> {
    if bytes.len() > MAX_BYTES {
        let text = String::from_utf8_lossy(bytes.get(..256).unwrap_or(bytes)).into_owned();
        let diag = Diagnostic::error(
            Code::TooLarge,
            Span::new(0, 0),
            msg!("too-large.message", size = bytes.len(), limit = MAX_BYTES),
            msg!("too-large.label"),
        )
        .with_help(msg!("too-large.help"));
        return Err(Box::new((text, diag)));
    }
    // `contains` is a vectorised search; the slower `position` runs only where there is a NUL.
    let nul = if bytes.contains(&0) {
        bytes.iter().position(|b| *b == 0)
    } else {
        None
    };
    if let Some(at) = nul {
        let lossy = String::from_utf8_lossy(bytes).replace('\0', "\u{fffd}");
        let diag = Diagnostic::error(
            Code::NotUtf8,
            Span::new(at, at + 1),
            msg!("not-utf8.nul", offset = at),
            msg!("not-utf8.nul-label"),
        )
        .with_help(msg!("not-utf8.nul-help"));
        return Err(Box::new((lossy, diag)));
    }
    let text = match std::str::from_utf8(bytes) {
        // A lone carriage return ends a line too (old Mac files); the length stays the same, so
        // every span still points into the file as it is.
        Ok(t) if t.contains('\r') => lone_returns_to_newlines(t),
        Ok(t) => t.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let diag = Diagnostic::error(
                Code::NotUtf8,
                Span::new(at, at + 1),
                msg!("not-utf8.message", offset = at),
                msg!("not-utf8.label"),
            )
            .with_help(msg!("not-utf8.help"));
            return Err(Box::new((lossy, diag)));
        }
    };
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
    {
        let what = if text.trim().is_empty() {
            msg!("empty.message")
        } else {
            msg!("empty.comments")
        };
        let diag = Diagnostic::error(Code::Empty, Span::new(0, 0), what, msg!("empty.label"))
            .with_help(msg!("empty.help"));
        return Err(Box::new((text, diag)));
    }
    if let Some(at) = too_deep(&text) {
        let diag = Diagnostic::error(
            Code::TooDeep,
            Span::new(at, at + 1),
            msg!("too-deep.message", depth = MAX_DEPTH),
            msg!("too-deep.label"),
        )
        .with_help(msg!("too-deep.help"));
        return Err(Box::new((text, diag)));
    }
    Ok(text)
}

/// `text` with each carriage return not followed by a line feed made a line feed.
fn lone_returns_to_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

/// The offset at which brackets nest deeper than [`MAX_DEPTH`], outside strings and comments.
fn too_deep(text: &str) -> Option<usize> {
    // Nesting is never deeper than the number of opening brackets, which a plain count gives.
    let opening = text
        .bytes()
        .filter(|b| matches!(b, b'{' | b'[' | b'('))
        .count();
    if opening <= MAX_DEPTH {
        return None;
    }
    let mut depth = 0usize;
    for (i, b) in code_bytes(text) {
        match b {
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::syntax::lexical::{code_bytes, lexemes, Lexeme};
    use proptest::prelude::*;

    proptest! {
        /// The byte scanner and the lexer agree on which bytes are code.
        #[test]
        fn code_bytes_are_the_lexers_code(text in "([\\[({\"\\\\/\n é]{0,3}|\\[{66}|\"[^\n]{0,3}){0,40}") {
            let by_lexemes: Vec<(usize, u8)> = lexemes(&text)
                .filter(|(_, c, l)| *l == Lexeme::Code && c.is_ascii())
                .map(|(i, c, _)| (i, c as u8))
                .collect();
            prop_assert_eq!(code_bytes(&text).collect::<Vec<_>>(), by_lexemes);
        }
    }
}
