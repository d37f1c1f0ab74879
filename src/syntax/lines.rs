//! Line and column of byte offsets, from the line starts of a file found once.

/// Where each line of a text starts; lines and columns are found by binary search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The index of `text`'s lines.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// The line (from 0) holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte where line `line` (from 0) starts; the last line's start past the end.
    pub fn start(&self, line: usize) -> usize {
        self.starts
            .get(line)
            .or(self.starts.last())
            .copied()
            .unwrap_or(0)
    }

    /// Line and column (both from 1, the column in characters) of byte `offset` in `text`, the
    /// text this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.start(line);
        let col = text
            .get(start..offset.min(text.len()))
            .or_else(|| text.get(start..floor_char(text, offset)))
            .map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// The largest character boundary at or before `i`.
pub fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn lines_and_columns() {
        let text = "ab\nçd\n\nx";
        let lines = Lines::new(text);
        assert_eq!(lines.line_col(text, 0), (1, 1));
        assert_eq!(lines.line_col(text, 2), (1, 3));
        assert_eq!(lines.line_col(text, 3), (2, 1));
        assert_eq!(lines.line_col(text, 5), (2, 2));
        assert_eq!(lines.line_col(text, 7), (3, 1));
        assert_eq!(lines.line_col(text, 8), (4, 1));
        assert_eq!(lines.line_col(text, 99), (4, 2));
    }
}
