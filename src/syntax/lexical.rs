//! The one place, besides the grammar, that knows how strings, escapes and comments are written.

/// What a character of `.fair` text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Lexeme {
    /// Code: words, numbers, punctuation, whitespace.
    Code,
    /// A string, quotes included.
    String,
    /// A `//` comment.
    Comment,
}

/// Each character of `text` with its offset and what it belongs to. A string ends at its closing
/// quote or at the end of its line; a comment at the end of its line.
pub fn lexemes(text: &str) -> impl Iterator<Item = (usize, char, Lexeme)> + '_ {
    scan(text).map(|(i, c, lexeme, _)| (i, c, lexeme))
}

/// Each ASCII byte of `text` outside strings and comments, with its offset: [`lexemes`]'s code,
/// byte by byte, for scans over a whole file.
pub fn code_bytes(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let bytes = text.as_bytes();
    let byte = move |i: usize| bytes.get(i).copied();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let b = byte(i)?;
        i += 1;
        match b {
            // A string ends at its closing quote or its line's end; a backslash escapes the
            // character after it, unless that ends the line.
            b'"' => loop {
                match byte(i) {
                    None | Some(b'"') => break i += 1,
                    Some(b'\n') => break,
                    Some(b'\\') if byte(i + 1) != Some(b'\n') => i += 2,
                    Some(_) => i += 1,
                }
            },
            b'/' if byte(i) == Some(b'/') => {
                i += bytes
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|&c| c == b'\n'))
                    .unwrap_or(bytes.len());
            }
            b if b.is_ascii() => return Some((i - 1, b)),
            _ => {}
        }
    })
}

/// The offset of the first string in `text` that is not closed on its line.
pub fn unclosed_string(text: &str) -> Option<usize> {
    let mut open = None;
    for (i, c, lexeme, closes) in scan(text) {
        if c == '\n' && open.is_some() {
            return open;
        }
        if lexeme == Lexeme::String && open.is_none() {
            open = Some(i);
        }
        if closes {
            open = None;
        }
    }
    open
}

/// The offset of the last `[` in `text`, outside strings and comments, that is not closed.
pub fn unclosed_bracket(text: &str) -> Option<usize> {
    let mut open = Vec::new();
    for (i, c, lexeme) in lexemes(text) {
        match (lexeme, c) {
            (Lexeme::Code, '[') => open.push(i),
            (Lexeme::Code, ']') => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// [`lexemes`], each with whether it is the quote that closes a string.
fn scan(text: &str) -> impl Iterator<Item = (usize, char, Lexeme, bool)> + '_ {
    let mut state = Lexeme::Code;
    let mut escaped = false;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (i, c) = chars.next()?;
        let (this, closes) = match (state, c) {
            (_, '\n') => (Lexeme::Code, false),
            (Lexeme::Code, '"') => {
                escaped = false;
                (Lexeme::String, false)
            }
            (Lexeme::Code, '/') if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                (Lexeme::Comment, false)
            }
            (Lexeme::String, '"') if !escaped => (Lexeme::String, true),
            (Lexeme::String, _) => {
                escaped = !escaped && c == '\\';
                (Lexeme::String, false)
            }
            (other, _) => (other, false),
        };
        state = if closes || c == '\n' {
            Lexeme::Code
        } else {
            this
        };
        Some((i, c, this, closes))
    })
}

/// The text of a string without its quotes, escapes resolved.
pub fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Text in double quotes, with quotes and backslashes escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` safe to show on a terminal: each control character but tab and line feed (the escape
/// sequences a file could use to rewrite a terminal) becomes `?`, byte for byte, so offsets into
/// the text stay valid.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
