//! LSP positions (line, UTF-16 column) and byte offsets, through the file's line index.

use fairpath::syntax::ast::Span;
use fairpath::syntax::lines::{floor_char, Lines};
use lsp_types::{Position, Range};

/// A document's text with its line index.
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// Where its lines start.
    pub lines: &'a Lines,
}

impl<'a> Text<'a> {
    /// The position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char(self.text, offset);
        let line = self.lines.line(offset);
        let start = self.lines.start(line).min(offset);
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.encode_utf16().count());
        Position::new(to_u32(line), to_u32(col))
    }

    /// The range of `span`.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `pos`: the end of its line when the column is past it, the end of the
    /// text when the line is.
    pub fn offset(&self, pos: Position) -> usize {
        let line = pos.line as usize;
        if line > self.lines.line(self.text.len()) {
            return self.text.len();
        }
        let start = self.lines.start(line);
        let rest = self.text.get(start..).unwrap_or("");
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= pos.character as usize || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        self.text.len()
    }

    /// The text of the line holding `offset`, up to `offset`.
    pub fn line_before(&self, offset: usize) -> &'a str {
        let offset = floor_char(self.text, offset);
        let start = self.lines.start(self.lines.line(offset)).min(offset);
        self.text.get(start..offset).unwrap_or("")
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip() {
        let text = "ab\n\u{1F600}x\n";
        let lines = Lines::new(text);
        let t = Text {
            text,
            lines: &lines,
        };
        assert_eq!(t.position(3), Position::new(1, 0));
        assert_eq!(t.position(7), Position::new(1, 2), "an emoji is two units");
        assert_eq!(t.offset(Position::new(1, 2)), 7);
        assert_eq!(t.offset(Position::new(0, 99)), 2, "past the line: its end");
        assert_eq!(t.offset(Position::new(9, 0)), text.len());
        assert_eq!(t.line_before(8), "\u{1F600}x");
    }
}
