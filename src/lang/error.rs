//! Syntax errors, rendered byte-for-byte the way CPython 3.11 prints an uncaught `SyntaxError`.

use super::span::{SourceFile, Span};

/// The three classes CPython raises while compiling source text; they print differently only in
/// the last line (`IndentationError: ...`), but scripts can catch them separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile-time error with its position. A span whose `col` is 0 prints the source line
/// without a caret: CPython does that for errors it pins on INDENT/DEDENT/EOF tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub span: Span,
    /// The text to quote instead of the source line, with the caret's byte range in it: CPython
    /// quotes an f-string field as `(expr)` when the error is inside it.
    pub quoted: Option<(String, u32, u32)>,
    /// Place the caret by characters, not bytes: CPython's tokenizer reports most of its own
    /// errors (an unterminated string, an invalid character or number, an unmatched bracket)
    /// with character offsets, where the parser's are byte offsets.
    pub char_offsets: bool,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, span: Span) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            span,
            quoted: None,
            char_offsets: false,
        }
    }

    pub fn indentation(msg: impl Into<String>, span: Span) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::IndentationError,
            msg: msg.into(),
            span,
            quoted: None,
            char_offsets: false,
        }
    }

    pub fn tab(msg: impl Into<String>, span: Span) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::TabError,
            msg: msg.into(),
            span,
            quoted: None,
            char_offsets: false,
        }
    }

    /// The same error, its caret placed by characters (see `char_offsets`).
    pub fn by_chars(mut self) -> Self {
        self.char_offsets = true;
        self
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }

    /// The text CPython 3.11 writes to stderr for this error (ends with a newline).
    ///
    /// CPython's `print_error_text` strips leading blanks from the line and then places the
    /// caret by *byte* offset (the offsets it gets are converted back to UTF-8 positions), so
    /// carets drift right under non-ASCII text. We reproduce that, since users compare output.
    pub fn render(&self, src: &SourceFile) -> String {
        let mut out = format!("  File \"{}\", line {}\n", src.name, self.span.line);
        if let Some((text, start, end)) = &self.quoted {
            let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
            let lead = (text.len() - stripped.len()) as isize;
            out.push_str("    ");
            out.push_str(stripped);
            out.push('\n');
            let offset = *start as isize - lead;
            if offset >= 0 {
                out.push_str("    ");
                out.push_str(&" ".repeat(offset as usize));
                out.push_str(&"^".repeat((end.saturating_sub(*start) as usize).max(1)));
                out.push('\n');
            }
        } else if let Some(full_line) = src.line_text(self.span.line) {
            // A byte-order mark is not part of the first line's text.
            let line = full_line.strip_prefix('\u{feff}').unwrap_or(full_line);
            let bom = full_line.len() - line.len();
            let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
            let lead = line.len() - stripped.len();
            out.push_str("    ");
            out.push_str(stripped);
            out.push('\n');
            if self.span.col > 0 {
                let line_start = line_start_of(&src.text, self.span.start as usize) + bom;
                let mut start = (self.span.start as usize).saturating_sub(line_start);
                let mut end = (self.span.end as usize)
                    .saturating_sub(line_start)
                    .min(line.len());
                if self.char_offsets {
                    let chars = |b: usize| line.char_indices().take_while(|&(i, _)| i < b).count();
                    (start, end) = (chars(start), chars(end));
                }
                let offset = start.min(line.len()) as isize - lead as isize;
                if offset >= 0 {
                    let width = if self.span.end > self.span.start {
                        end.saturating_sub(start).max(1)
                    } else {
                        1
                    };
                    out.push_str("    ");
                    out.push_str(&" ".repeat(offset as usize));
                    out.push_str(&"^".repeat(width));
                    out.push('\n');
                }
            }
        }
        out.push_str(self.type_name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

fn line_start_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|p| p + 1)
        .unwrap_or(0)
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} (line {}, column {})",
            self.type_name(),
            self.msg,
            self.span.line,
            self.span.col
        )
    }
}

impl std::error::Error for SyntaxError {}
