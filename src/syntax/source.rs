//! Turning raw bytes into text the parser can take: size, encoding and nesting limits.

use super::ast::Span;
use super::diagnostic::Diagnostic;

/// The largest file fairpath reads, in bytes.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// The deepest nesting of braces, brackets and parentheses fairpath accepts.
pub const MAX_DEPTH: usize = 64;

/// Checks raw bytes and returns the text, or the diagnostic that stops reading.
/// On error the returned string is a lossy copy of the text, for drawing the diagnostic.
pub fn decode(bytes: &[u8]) -> Result<String, Box<(String, Diagnostic)>> {
    if bytes.len() > MAX_BYTES {
        let text = String::from_utf8_lossy(&bytes[..256.min(bytes.len())]).into_owned();
        let diag = Diagnostic::error(
            "fairpath::too-large",
            Span::new(0, 0),
            format!("file is too large: {} bytes, the limit is {} bytes", bytes.len(), MAX_BYTES),
            "this file",
        )
        .with_help("a program is a term sheet of a few hundred lines; split unrelated programs into separate files");
        return Err(Box::new((text, diag)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let diag = Diagnostic::error(
                "fairpath::not-utf8",
                Span::new(at, at + 1),
                format!("file is not valid UTF-8: invalid byte at offset {at}"),
                "invalid byte",
            )
            .with_help("save the file as UTF-8");
            return Err(Box::new((lossy, diag)));
        }
    };
    if text.trim().is_empty() {
        let diag = Diagnostic::error(
            "fairpath::empty",
            Span::new(0, 0),
            "file is empty",
            "nothing here",
        )
        .with_help(
            "start with `program \"Name\" { … }`, or run `fairpath init FILE` for a template",
        );
        return Err(Box::new((text, diag)));
    }
    if let Some(at) = too_deep(&text) {
        let diag = Diagnostic::error(
            "fairpath::too-deep",
            Span::new(at, at + 1),
            format!("nesting is deeper than {MAX_DEPTH} levels"),
            "too deep",
        )
        .with_help("programs need only a few levels of blocks; check for unbalanced braces");
        return Err(Box::new((text, diag)));
    }
    Ok(text)
}

/// The offset at which brackets nest deeper than [`MAX_DEPTH`], outside strings and comments.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        if in_comment {
            in_comment = c != '\n';
        } else if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else {
            match c {
                '"' => in_string = true,
                '/' if prev == '/' => in_comment = true,
                '{' | '[' | '(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                '}' | ']' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        prev = if in_comment { '\0' } else { c };
    }
    None
}

/// Line and column (both from 1) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
