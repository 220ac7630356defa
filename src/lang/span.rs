//! Source positions. Every AST node and every error carries a `Span`, so messages can quote the
//! source line and put a caret under the exact column, the way CPython's tracebacks do.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` in the source, plus the 1-based line and column of its
/// start (columns count characters, not bytes, so carets line up under non-ASCII text too).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
}

impl Span {
    pub fn new(start: u32, end: u32, line: u32, col: u32) -> Span {
        Span {
            start,
            end,
            line,
            col,
        }
    }

    /// The smallest span covering both (line/col come from whichever starts first).
    pub fn to(self, other: Span) -> Span {
        let (first, _) = if self.start <= other.start {
            (self, other)
        } else {
            (other, self)
        };
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            line: first.line,
            col: first.col,
        }
    }
}

/// The text of one script, with a line index so errors and tracebacks can quote lines cheaply.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The text of 1-based line `line`, without its newline; `None` past the end.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let idx = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)? as usize;
        let end = self
            .line_starts
            .get(idx + 1)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_text_strips_newlines_and_stops_at_the_end() {
        let f = SourceFile::new("t.py", "a = 1\r\nprint(a)\n");
        assert_eq!(f.line_text(1), Some("a = 1"));
        assert_eq!(f.line_text(2), Some("print(a)"));
        assert_eq!(f.line_text(3), Some(""));
        assert_eq!(f.line_text(4), None);
        assert_eq!(f.line_text(0), None);
    }

    #[test]
    fn to_covers_both_spans() {
        let a = Span::new(4, 6, 1, 5);
        let b = Span::new(10, 12, 2, 3);
        assert_eq!(a.to(b), Span::new(4, 12, 1, 5));
        assert_eq!(b.to(a), Span::new(4, 12, 1, 5));
    }
}
