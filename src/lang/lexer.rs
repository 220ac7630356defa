//! The tokenizer: source text to tokens with INDENT/DEDENT, modelled on CPython 3.11's
//! `Parser/tokenizer.c` so that errors carry the same messages and positions.

use super::error::SyntaxError;
use super::span::Span;
use super::token::{Kw, Number, Op, StrToken, Token, TokenClass, TokenKind};

/// CPython's tokenizer limits (MAXLEVEL, MAXINDENT).
const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT: usize = 100;
const TAB_SIZE: u32 = 8;

/// Tokens plus the innermost bracket still open at the end of input. An unclosed bracket is
/// not an error by itself: CPython reports "'(' was never closed" only when the parser fails
/// after it, so the parser decides.
#[derive(Debug)]
pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub unclosed: Option<(u8, Span)>,
}

/// Tokenizes a whole script. An unclosed bracket at the end is reported as an error here.
pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let lexed = lex(src)?;
    if let Some((c, span)) = lexed.unclosed {
        return Err(SyntaxError::new(
            format!("'{}' was never closed", c as char),
            span,
        ));
    }
    Ok(lexed.tokens)
}

pub(crate) fn lex(src: &str) -> Result<Lexed, SyntaxError> {
    let mut lx = Lexer::new(src, 0, src.len(), 1, 1, false);
    // A byte-order mark is not part of the program text.
    if src.starts_with('\u{feff}') {
        lx.pos = 3;
        lx.line_start = 3;
    }
    lx.run()
}

/// Tokenizes the expression part of an f-string field (`src[start..end]`, starting at the given
/// line and column). Newlines are insignificant there, as inside brackets.
pub(crate) fn lex_fragment(
    src: &str,
    start: usize,
    end: usize,
    line: u32,
    col: u32,
) -> Result<Vec<Token>, SyntaxError> {
    let lx = Lexer::new(src, start, end, line, col, true);
    Ok(lx.run()?.tokens)
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    end: usize,
    line: u32,
    line_start: usize,
    /// Column of the character at `line_start` (not 1 on the first line of a fragment).
    line_col_base: u32,
    col_cache: (usize, u32),
    tokens: Vec<Token>,
    /// (column with tabs to 8, column with tabs to 1), as CPython's indstack/altindstack.
    indents: Vec<(u32, u32)>,
    parens: Vec<(u8, Span)>,
    at_line_start: bool,
    fragment: bool,
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && (c.is_alphabetic()))
}

fn is_ident_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)))
}

/// Combining marks continue identifiers (`XID_Continue`); the common blocks are enough here.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D)
        || matches!(c as u32, 0x0900..=0x0DFF) // Indic vowel signs
}

/// Characters CPython's tokenizer lets into an identifier before validating it.
fn is_potential_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, start: usize, end: usize, line: u32, col: u32, fragment: bool) -> Self {
        let end = end.min(src.len());
        Lexer {
            src,
            b: src.as_bytes(),
            pos: start.min(end),
            end,
            line,
            line_start: start,
            line_col_base: col,
            col_cache: (start, col),
            tokens: Vec::new(),
            indents: vec![(0, 0)],
            parens: Vec::new(),
            at_line_start: !fragment,
            fragment,
        }
    }

    fn peek(&self) -> Option<u8> {
        if self.pos < self.end {
            self.b.get(self.pos).copied()
        } else {
            None
        }
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        if self.pos + n < self.end {
            self.b.get(self.pos + n).copied()
        } else {
            None
        }
    }

    fn peek_char(&self) -> Option<char> {
        self.src.get(self.pos..self.end)?.chars().next()
    }

    /// 1-based character column of byte `pos` on the current line.
    fn col_at(&mut self, pos: usize) -> u32 {
        let (mut cpos, mut ccol) = self.col_cache;
        if cpos < self.line_start || pos < cpos {
            cpos = self.line_start;
            ccol = self.line_col_base;
        }
        let n = self
            .src
            .get(cpos..pos)
            .map(|s| s.chars().count())
            .unwrap_or(0) as u32;
        ccol += n;
        self.col_cache = (pos, ccol);
        ccol
    }

    fn span_from(&mut self, start: usize, line: u32, col: u32) -> Span {
        Span::new(start as u32, self.pos as u32, line, col)
    }

    /// A zero-width span at `pos` on the current line (a one-caret error position).
    fn point(&mut self, pos: usize) -> Span {
        let col = self.col_at(pos);
        Span::new(pos as u32, pos as u32, self.line, col)
    }

    fn err_at(&mut self, pos: usize, msg: impl Into<String>) -> SyntaxError {
        let span = self.point(pos);
        SyntaxError::new(msg, span).by_chars()
    }

    /// CPython points tokenizer errors at the last character it consumed.
    fn err_before(&mut self, pos: usize, msg: impl Into<String>) -> SyntaxError {
        let p = self.prev_char_start(pos);
        self.err_at(p, msg)
    }

    fn prev_char_start(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(1);
        while p > self.line_start && !self.src.is_char_boundary(p) {
            p -= 1;
        }
        p.max(self.line_start.min(pos))
    }

    fn new_line(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
        self.line_col_base = 1;
    }

    /// The line of the last character of the input: where CPython puts EOF errors.
    fn eof_line(&self) -> u32 {
        if self.end > self.line_start || self.line == 1 {
            self.line
        } else {
            self.line - 1
        }
    }

    fn eof_span(&self) -> Span {
        Span::new(self.end as u32, self.end as u32, self.eof_line(), 0)
    }

    fn push(&mut self, kind: TokenKind, span: Span) {
        self.tokens.push(Token { kind, span });
    }

    fn run(mut self) -> Result<Lexed, SyntaxError> {
        loop {
            if self.at_line_start && self.indentation()? {
                break;
            }
            while let Some(c) = self.peek() {
                if c == b' '
                    || c == b'\t'
                    || c == b'\x0c'
                    || (c == b'\r' && self.peek_at(1) != Some(b'\n'))
                {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let Some(c) = self.peek() else { break };
            let start = self.pos;
            let line = self.line;
            let col = self.col_at(start);
            match c {
                b'#' => {
                    if self.fragment {
                        return Err(
                            self.err_at(start, "f-string expression part cannot include '#'")
                        );
                    }
                    while let Some(c) = self.peek() {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    self.pos += if c == b'\r' { 2 } else { 1 };
                    if self.parens.is_empty() && !self.fragment {
                        let span = Span::new(start as u32, start as u32 + 1, line, col);
                        self.push(TokenKind::Newline, span);
                        self.at_line_start = true;
                    }
                    self.new_line();
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n') => {
                            self.pos += 1;
                            self.new_line();
                        }
                        Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                            self.pos += 2;
                            self.new_line();
                        }
                        None => {
                            let p = self.pos;
                            return Err(self.err_at(p, "unexpected EOF while parsing"));
                        }
                        Some(_) => {
                            // One of the tokenizer's errors CPython places by bytes.
                            let span = self.point(self.pos);
                            return Err(SyntaxError::new(
                                "unexpected character after line continuation character",
                                span,
                            ));
                        }
                    }
                    if self.peek().is_none() {
                        return Err(self.eof_after_continuation(start));
                    }
                }
                b'0'..=b'9' => self.number(start, line, col)?,
                b'.' if matches!(self.peek_at(1), Some(b'0'..=b'9')) => {
                    self.number(start, line, col)?
                }
                b'"' | b'\'' => self.string(start, line, col, "")?,
                _ => {
                    let ch = self.peek_char().unwrap_or('\0');
                    if is_potential_ident_char(ch) {
                        self.name(start, line, col)?;
                    } else {
                        self.operator(start, line, col)?;
                    }
                }
            }
        }
        self.finish()
    }

    fn eof_after_continuation(&mut self, backslash: usize) -> SyntaxError {
        // CPython puts the caret just after the backslash, on the backslash's line.
        let mut span = self.point(backslash);
        span.line = self.line.saturating_sub(1).max(1);
        let line_start = self
            .src
            .get(..backslash)
            .and_then(|s| s.rfind('\n'))
            .map(|p| p + 1)
            .unwrap_or(0);
        let col = self
            .src
            .get(line_start..backslash)
            .map(|s| s.chars().count())
            .unwrap_or(0) as u32
            + 2;
        span.start = backslash as u32 + 1;
        span.end = span.start;
        span.col = col;
        SyntaxError::new("unexpected EOF while parsing", span)
    }

    fn finish(mut self) -> Result<Lexed, SyntaxError> {
        if self.fragment {
            return Ok(Lexed {
                tokens: self.tokens,
                unclosed: None,
            });
        }
        let eof = self.eof_span();
        let needs_newline = matches!(
            self.tokens.last(),
            Some(t) if !matches!(t.kind, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent)
        );
        if needs_newline {
            let p = self.end;
            let mut span = self.point(p);
            span.line = self.eof_line();
            self.push(TokenKind::Newline, span);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(TokenKind::Dedent, eof);
        }
        self.push(TokenKind::EndMarker, eof);
        let unclosed = self.parens.last().copied();
        Ok(Lexed {
            tokens: self.tokens,
            unclosed,
        })
    }

    /// Measures the indentation of a new logical line, skipping blank and comment-only lines,
    /// and emits INDENT/DEDENT. Returns true at the end of input.
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        loop {
            let (mut col, mut altcol) = (0u32, 0u32);
            while let Some(c) = self.peek() {
                match c {
                    b' ' => {
                        col += 1;
                        altcol += 1;
                    }
                    b'\t' => {
                        col = (col / TAB_SIZE + 1) * TAB_SIZE;
                        altcol += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        altcol = 0;
                    }
                    b'\r' if self.peek_at(1) != Some(b'\n') => {}
                    _ => break,
                }
                self.pos += 1;
            }
            match self.peek() {
                None => return Ok(true),
                Some(b'#') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                    if self.peek().is_none() {
                        return Ok(true);
                    }
                    continue;
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.new_line();
                    continue;
                }
                Some(b'\r') => {
                    self.pos += 2;
                    self.new_line();
                    continue;
                }
                Some(_) => {}
            }
            self.at_line_start = false;
            let here = self.pos;
            let indent_span = Span::new(here as u32, here as u32, self.line, 0);
            let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
            if col == top {
                if altcol != alttop {
                    return Err(self.tab_error());
                }
            } else if col > top {
                if self.indents.len() >= MAX_INDENT {
                    return Err(SyntaxError::indentation(
                        "too many levels of indentation",
                        indent_span,
                    ));
                }
                if altcol <= alttop {
                    return Err(self.tab_error());
                }
                self.indents.push((col, altcol));
                self.push(TokenKind::Indent, indent_span);
            } else {
                while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                    self.indents.pop();
                    self.push(TokenKind::Dedent, indent_span);
                }
                let (top, alttop) = self.indents.last().copied().unwrap_or((0, 0));
                if col != top {
                    let eol = self.end_of_line();
                    let span = self.point(eol);
                    return Err(SyntaxError::indentation(
                        "unindent does not match any outer indentation level",
                        span,
                    ));
                }
                if altcol != alttop {
                    return Err(self.tab_error());
                }
            }
            return Ok(false);
        }
    }

    fn tab_error(&self) -> SyntaxError {
        SyntaxError::tab(
            "inconsistent use of tabs and spaces in indentation",
            Span::new(self.pos as u32, self.pos as u32, self.line, 0),
        )
    }

    fn end_of_line(&self) -> usize {
        let mut p = self.pos;
        while p < self.end && self.b.get(p).is_some_and(|&c| c != b'\n' && c != b'\r') {
            p += 1;
        }
        p
    }

    fn name(&mut self, start: usize, line: u32, col: u32) -> Result<(), SyntaxError> {
        while let Some(c) = self.peek_char() {
            if is_potential_ident_char(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        let text = self.src.get(start..self.pos).unwrap_or("");
        if matches!(self.peek(), Some(b'"' | b'\'')) && text.len() <= 2 {
            let lower = text.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
            ) {
                return self.string(start, line, col, &lower);
            }
        }
        // Validate like PyUnicode_IsIdentifier, reporting the first bad character.
        let mut first = true;
        for (i, c) in text.char_indices() {
            let ok = if first {
                is_ident_start(c)
            } else {
                is_ident_continue(c)
            };
            first = false;
            if !ok {
                let p = start + i;
                let msg = if c.is_ascii_digit() {
                    "invalid syntax".to_string()
                } else {
                    format!("invalid character '{}' (U+{:04X})", c, c as u32)
                };
                return Err(self.err_at(p, msg));
            }
        }
        let span = self.span_from(start, line, col);
        let kind = match Kw::lookup(text) {
            Some(kw) => TokenKind::Kw(kw),
            None => TokenKind::Name(text.to_string()),
        };
        self.push(kind, span);
        Ok(())
    }

    /// `$`, `?` or a lone `!`: CPython's tokenizer passes them on as ERRORTOKENs and its
    /// parser reports "invalid syntax" on that one character, as a parser error.
    fn stray_ascii(&mut self, start: usize) -> SyntaxError {
        let point = self.point(start);
        let span = Span::new(point.start, point.start + 1, point.line, point.col);
        SyntaxError::new("invalid syntax", span)
    }

    fn operator(&mut self, start: usize, line: u32, col: u32) -> Result<(), SyntaxError> {
        let rest = self.src.get(start..self.end).unwrap_or("");
        let Some(&(text, op)) = Op::TABLE.iter().find(|(s, _)| rest.starts_with(s)) else {
            let c = self.peek_char().unwrap_or('\0');
            if c.is_ascii() {
                return Err(self.stray_ascii(start));
            }
            return Err(self.err_at(
                start,
                format!("invalid character '{}' (U+{:04X})", c, c as u32),
            ));
        };
        if op == Op::Exclamation && !self.fragment {
            return Err(self.stray_ascii(start));
        }
        self.pos += text.len();
        let span = self.span_from(start, line, col);
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                if self.parens.len() >= MAX_PAREN_LEVEL {
                    return Err(SyntaxError::new(
                        "too many nested parentheses",
                        Span::new(start as u32, start as u32, line, col),
                    ));
                }
                self.parens.push((text.as_bytes()[0], span));
            }
            Op::RPar | Op::RSqb | Op::RBrace => {
                let close = text.as_bytes()[0];
                let Some((open, open_span)) = self.parens.pop() else {
                    if self.fragment {
                        // The f-string scanner already matched brackets; be conservative.
                        return Err(
                            self.err_at(start, format!("f-string: unmatched '{}'", close as char))
                        );
                    }
                    return Err(self.err_at(start, format!("unmatched '{}'", close as char)));
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if close != expected {
                    let msg = if open_span.line != line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            close as char, open as char, open_span.line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            close as char, open as char
                        )
                    };
                    return Err(self.err_at(start, msg));
                }
            }
            _ => {}
        }
        self.push(TokenKind::Op(op), span);
        Ok(())
    }

    fn digits(&mut self, pred: fn(u8) -> bool) -> usize {
        let s = self.pos;
        while self.peek().is_some_and(pred) {
            self.pos += 1;
        }
        self.pos - s
    }

    /// Digits with single underscores between them (`tok_decimal_tail`). Expects a digit next.
    fn decimal_tail(&mut self) -> Result<(), SyntaxError> {
        loop {
            self.digits(|c| c.is_ascii_digit());
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                let p = self.pos;
                return Err(self.err_before(p, "invalid decimal literal"));
            }
        }
    }

    /// Like CPython's verify_end_of_number: a letter glued to a number is an error, except the
    /// keywords that may legally follow (`1if x else y`), which CPython only warns about.
    fn verify_end_of_number(&mut self, kind: &str) -> Result<(), SyntaxError> {
        let rest = self.src.get(self.pos..self.end).unwrap_or("");
        let allowed = ["and", "else", "for", "if", "in", "is", "not", "or"]
            .iter()
            .any(|kw| rest.starts_with(kw));
        if allowed {
            return Ok(());
        }
        if self.peek_char().is_some_and(is_potential_ident_char) {
            let p = self.pos;
            return Err(self.err_before(p, format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn radix_literal(&mut self, radix: u32, kind: &str) -> Result<(), SyntaxError> {
        // After the `0x` prefix: groups of digits, each optionally preceded by one `_`.
        let mut any = false;
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            let c = self.peek().map(|c| c as char);
            if !c.is_some_and(|c| c.is_digit(radix)) {
                if radix < 10 && c.is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                    let p = self.pos;
                    let d = c.unwrap_or('0');
                    return Err(
                        self.err_before(p, format!("invalid digit '{d}' in {kind} literal"))
                    );
                }
                if !any || self.b.get(self.pos.wrapping_sub(1)) == Some(&b'_') {
                    let p = self.pos;
                    return Err(self.err_before(p, format!("invalid {kind} literal")));
                }
                break;
            }
            any = true;
            while self.peek().is_some_and(|c| (c as char).is_digit(radix)) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                if radix < 10 && self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    let d = self.peek().unwrap_or(b'0') as char;
                    self.pos += 1;
                    let p = self.pos;
                    return Err(
                        self.err_before(p, format!("invalid digit '{d}' in {kind} literal"))
                    );
                }
                break;
            }
        }
        self.verify_end_of_number(kind)
    }

    fn number(&mut self, start: usize, line: u32, col: u32) -> Result<(), SyntaxError> {
        let first = self.peek().unwrap_or(b'0');
        let second = self.peek_at(1).map(|c| c.to_ascii_lowercase());
        if first == b'0' && matches!(second, Some(b'x' | b'o' | b'b')) {
            self.pos += 2;
            let (radix, kind) = match second {
                Some(b'x') => (16, "hexadecimal"),
                Some(b'o') => (8, "octal"),
                _ => (2, "binary"),
            };
            self.radix_literal(radix, kind)?;
            let digits: String = self
                .src
                .get(start + 2..self.pos)
                .unwrap_or("")
                .chars()
                .filter(|&c| c != '_')
                .collect();
            let value = match i64::from_str_radix(&digits, radix) {
                Ok(v) => Number::Int(v),
                Err(_) => Number::BigInt,
            };
            let span = self.span_from(start, line, col);
            self.push(TokenKind::Number(value), span);
            return Ok(());
        }
        let mut is_float = false;
        if first == b'.' {
            is_float = true;
            self.pos += 1;
            self.decimal_tail()?;
        } else {
            self.decimal_tail()?;
            if self.peek() == Some(b'.') {
                is_float = true;
                self.pos += 1;
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.decimal_tail()?;
                }
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let e = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
                if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    let p = self.pos;
                    return Err(self.err_before(p, "invalid decimal literal"));
                }
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                self.decimal_tail()?;
            } else {
                // `1e` or `1else`: back up to before the `e` and let the end check decide.
                self.pos = e;
            }
        }
        let mut imaginary = false;
        if matches!(self.peek(), Some(b'j' | b'J')) {
            self.pos += 1;
            imaginary = true;
        }
        self.verify_end_of_number("decimal")?;
        let text: String = self
            .src
            .get(start..self.pos)
            .unwrap_or("")
            .chars()
            .filter(|&c| c != '_')
            .collect();
        let value = if imaginary {
            Number::Imaginary
        } else if is_float {
            Number::Float(text.parse().unwrap_or(f64::NAN))
        } else {
            let trimmed = text.trim_start_matches('0');
            if text.starts_with('0') && !trimmed.is_empty() {
                // `012`: the range covers the leading zeros (and underscores between them).
                let raw = self.src.get(start..self.pos).unwrap_or("");
                let zeros = raw.len() - raw.trim_start_matches(['0', '_']).len();
                let span = Span::new(start as u32, (start + zeros) as u32, line, col);
                return Err(SyntaxError::new(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    span,
                ));
            }
            match text.parse::<i64>() {
                Ok(v) => Number::Int(v),
                Err(_) => Number::BigInt,
            }
        };
        let span = self.span_from(start, line, col);
        self.push(TokenKind::Number(value), span);
        Ok(())
    }

    fn string(
        &mut self,
        start: usize,
        line: u32,
        col: u32,
        prefix: &str,
    ) -> Result<(), SyntaxError> {
        let quote = self.peek().unwrap_or(b'"');
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let qlen = if triple { 3 } else { 1 };
        self.pos += qlen;
        let body_start = self.pos;
        let body_line = self.line;
        let body_col = self.col_at(body_start);
        let body_end;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.unterminated(start, line, col, triple, true));
            };
            match c {
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        None => return Err(self.unterminated(start, line, col, triple, true)),
                        Some(b'\n') => {
                            self.pos += 1;
                            self.new_line();
                        }
                        Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                            self.pos += 2;
                            self.new_line();
                        }
                        Some(_) => {
                            let ch = self.peek_char().map(char::len_utf8).unwrap_or(1);
                            self.pos += ch;
                        }
                    }
                }
                b'\n' | b'\r' if !triple && (c == b'\n' || self.peek_at(1) == Some(b'\n')) => {
                    return Err(self.unterminated(start, line, col, triple, false));
                }
                b'\n' => {
                    self.pos += 1;
                    self.new_line();
                }
                b'\r' if self.peek_at(1) == Some(b'\n') => {
                    self.pos += 2;
                    self.new_line();
                }
                _ if c == quote
                    && (!triple
                        || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote))) =>
                {
                    body_end = self.pos;
                    self.pos += qlen;
                    break;
                }
                _ => {
                    let ch = self.peek_char().map(char::len_utf8).unwrap_or(1);
                    self.pos += ch;
                }
            }
        }
        let tok = StrToken {
            is_bytes: prefix.contains('b'),
            is_raw: prefix.contains('r'),
            is_fstring: prefix.contains('f'),
            quote_len: qlen as u8,
            body_start: body_start as u32,
            body_end: body_end as u32,
            body_line,
            body_col,
        };
        let span = Span::new(start as u32, self.pos as u32, line, col);
        self.push(TokenKind::Str(tok), span);
        Ok(())
    }

    fn unterminated(
        &mut self,
        start: usize,
        line: u32,
        col: u32,
        triple: bool,
        at_eof: bool,
    ) -> SyntaxError {
        let detected = if at_eof { self.eof_line() } else { self.line };
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        SyntaxError::new(
            format!("{what} (detected at line {detected})"),
            Span::new(start as u32, start as u32, line, col),
        )
        .by_chars()
    }
}

/// Best-effort classification for syntax highlighting; never fails, covers every non-blank
/// character of `src` with some span, in order.
pub fn highlight_tokens(src: &str) -> Vec<(Span, TokenClass)> {
    let b = src.as_bytes();
    let mut out: Vec<(Span, TokenClass)> = Vec::new();
    let mut pos = 0usize;
    let mut line = 1u32;
    let mut line_start = 0usize;
    let mut prev_word: Option<&str> = None;
    let mut line_has_code = false;
    let col_of = |line_start: usize, p: usize| -> u32 {
        src.get(line_start..p)
            .map(|s| s.chars().count())
            .unwrap_or(0) as u32
            + 1
    };
    while pos < b.len() {
        let c = b.get(pos).copied().unwrap_or(b' ');
        let start = pos;
        let col = col_of(line_start, start);
        let start_line = line;
        let class;
        if c == b'\n' {
            pos += 1;
            line += 1;
            line_start = pos;
            line_has_code = false;
            continue;
        } else if c == b' ' || c == b'\t' || c == b'\r' || c == b'\x0c' || c == b'\\' {
            pos += 1;
            continue;
        } else if c == b'#' {
            while pos < b.len() && b.get(pos) != Some(&b'\n') {
                pos += 1;
            }
            class = TokenClass::Comment;
        } else if c.is_ascii_digit()
            || (c == b'.' && b.get(pos + 1).is_some_and(|c| c.is_ascii_digit()))
        {
            while pos < b.len() {
                let d = b.get(pos).copied().unwrap_or(b' ');
                let exp_sign = (d == b'+' || d == b'-')
                    && pos > 0
                    && matches!(b.get(pos - 1), Some(b'e' | b'E'))
                    && !src
                        .get(start..pos)
                        .unwrap_or("")
                        .to_ascii_lowercase()
                        .starts_with("0x");
                if d.is_ascii_alphanumeric() || d == b'_' || d == b'.' || exp_sign {
                    pos += 1;
                } else {
                    break;
                }
            }
            class = TokenClass::Number;
        } else if c == b'"' || c == b'\'' {
            pos = skip_string(src, pos, &mut line, &mut line_start);
            class = TokenClass::String;
        } else if c == b'@' && !line_has_code {
            pos += 1;
            while pos < b.len() && matches!(b.get(pos), Some(b' ' | b'\t')) {
                pos += 1;
            }
            while let Some(ch) = src.get(pos..).and_then(|s| s.chars().next()) {
                if is_ident_continue(ch) || ch == '.' {
                    pos += ch.len_utf8();
                } else {
                    break;
                }
            }
            class = TokenClass::Decorator;
        } else {
            let ch = src
                .get(pos..)
                .and_then(|s| s.chars().next())
                .unwrap_or('\0');
            if is_ident_start(ch) {
                while let Some(ch) = src.get(pos..).and_then(|s| s.chars().next()) {
                    if is_ident_continue(ch) {
                        pos += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                let word = src.get(start..pos).unwrap_or("");
                let lower = word.to_ascii_lowercase();
                if matches!(b.get(pos), Some(b'"' | b'\''))
                    && matches!(
                        lower.as_str(),
                        "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
                    )
                {
                    pos = skip_string(src, pos, &mut line, &mut line_start);
                    class = TokenClass::String;
                } else {
                    class = if matches!(word, "True" | "False" | "None") {
                        TokenClass::Constant
                    } else if Kw::lookup(word).is_some() {
                        TokenClass::Keyword
                    } else if matches!(prev_word, Some("def" | "class")) {
                        TokenClass::Definition
                    } else if is_builtin(word) {
                        TokenClass::Builtin
                    } else if matches!(word, "match" | "case") && !line_has_code {
                        // Soft keywords only at the start of a statement line.
                        let rest = src.get(pos..).unwrap_or("").trim_start();
                        if rest.starts_with('=')
                            || rest.starts_with('.')
                            || rest.starts_with(')')
                            || rest.is_empty()
                        {
                            TokenClass::Name
                        } else {
                            TokenClass::Keyword
                        }
                    } else {
                        TokenClass::Name
                    };
                    prev_word = Some(word);
                    out.push((Span::new(start as u32, pos as u32, start_line, col), class));
                    line_has_code = true;
                    continue;
                }
            } else {
                let rest = src.get(pos..).unwrap_or("");
                if let Some(&(text, op)) = Op::TABLE.iter().find(|(s, _)| rest.starts_with(s)) {
                    pos += text.len();
                    class = match op {
                        Op::LPar
                        | Op::RPar
                        | Op::LSqb
                        | Op::RSqb
                        | Op::LBrace
                        | Op::RBrace
                        | Op::Comma
                        | Op::Colon
                        | Op::Semi
                        | Op::Dot => TokenClass::Punctuation,
                        _ => TokenClass::Operator,
                    };
                } else {
                    pos += ch.len_utf8().max(1);
                    class = TokenClass::Error;
                }
            }
        }
        prev_word = None;
        line_has_code = line_has_code || class != TokenClass::Comment;
        out.push((Span::new(start as u32, pos as u32, start_line, col), class));
    }
    out
}

/// Skips a string literal starting at the quote at `pos`; an unterminated one ends at the end
/// of its line (or of the input, when triple-quoted).
fn skip_string(src: &str, mut pos: usize, line: &mut u32, line_start: &mut usize) -> usize {
    let b = src.as_bytes();
    let quote = b.get(pos).copied().unwrap_or(b'"');
    let triple = b.get(pos + 1) == Some(&quote) && b.get(pos + 2) == Some(&quote);
    pos += if triple { 3 } else { 1 };
    while pos < b.len() {
        let c = b.get(pos).copied().unwrap_or(b' ');
        if c == b'\\' {
            pos += 1;
            if b.get(pos) == Some(&b'\n') {
                *line += 1;
                *line_start = pos + 1;
            }
            pos += src
                .get(pos..)
                .and_then(|s| s.chars().next())
                .map(char::len_utf8)
                .unwrap_or(1);
        } else if c == b'\n' {
            if !triple {
                return pos;
            }
            pos += 1;
            *line += 1;
            *line_start = pos;
        } else if c == quote
            && (!triple || (b.get(pos + 1) == Some(&quote) && b.get(pos + 2) == Some(&quote)))
        {
            return pos + if triple { 3 } else { 1 };
        } else {
            pos += src
                .get(pos..)
                .and_then(|s| s.chars().next())
                .map(char::len_utf8)
                .unwrap_or(1);
        }
    }
    pos.min(b.len())
}

fn is_builtin(word: &str) -> bool {
    const BUILTINS: &[&str] = &[
        "abs",
        "aiter",
        "all",
        "anext",
        "any",
        "ascii",
        "bin",
        "bool",
        "breakpoint",
        "bytearray",
        "bytes",
        "callable",
        "chr",
        "classmethod",
        "compile",
        "complex",
        "delattr",
        "dict",
        "dir",
        "divmod",
        "enumerate",
        "eval",
        "exec",
        "filter",
        "float",
        "format",
        "frozenset",
        "getattr",
        "globals",
        "hasattr",
        "hash",
        "help",
        "hex",
        "id",
        "input",
        "int",
        "isinstance",
        "issubclass",
        "iter",
        "len",
        "list",
        "locals",
        "map",
        "max",
        "memoryview",
        "min",
        "next",
        "object",
        "oct",
        "open",
        "ord",
        "pow",
        "print",
        "property",
        "range",
        "repr",
        "reversed",
        "round",
        "set",
        "setattr",
        "slice",
        "sorted",
        "staticmethod",
        "str",
        "sum",
        "super",
        "tuple",
        "type",
        "vars",
        "zip",
        "__import__",
        "__name__",
        "self",
        "cls",
        "NotImplemented",
        "Ellipsis",
        "BaseException",
        "Exception",
        "ArithmeticError",
        "AssertionError",
        "AttributeError",
        "BaseExceptionGroup",
        "ExceptionGroup",
        "GeneratorExit",
        "ImportError",
        "IndexError",
        "KeyError",
        "KeyboardInterrupt",
        "LookupError",
        "NameError",
        "NotImplementedError",
        "OSError",
        "OverflowError",
        "RecursionError",
        "RuntimeError",
        "StopAsyncIteration",
        "StopIteration",
        "SyntaxError",
        "SystemExit",
        "TimeoutError",
        "TypeError",
        "UnboundLocalError",
        "ValueError",
        "ZeroDivisionError",
        "ConnectionError",
        "CancelledError",
    ];
    BUILTINS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        tokenize(src).unwrap().into_iter().map(|t| t.kind).collect()
    }

    fn name(s: &str) -> TokenKind {
        TokenKind::Name(s.to_string())
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        use TokenKind::*;
        let k = kinds("if x:\n    y\n\n  # c\n    z\nw\n");
        assert_eq!(
            k,
            vec![
                Kw(super::Kw::If),
                name("x"),
                Op(super::Op::Colon),
                Newline,
                Indent,
                name("y"),
                Newline,
                name("z"),
                Newline,
                Dedent,
                name("w"),
                Newline,
                EndMarker
            ]
        );
    }

    #[test]
    fn brackets_join_lines_and_backslash_continues() {
        use TokenKind::*;
        let k = kinds("x = (1,\n  2)\ny = 1 + \\\n  2");
        assert_eq!(k.iter().filter(|k| **k == Newline).count(), 2);
        assert_eq!(k.last(), Some(&EndMarker));
    }

    #[test]
    fn missing_trailing_newline_crlf_and_bom() {
        use TokenKind::*;
        assert_eq!(
            kinds("\u{feff}x\r\ny"),
            vec![name("x"), Newline, name("y"), Newline, EndMarker]
        );
        let toks = tokenize("\u{feff}x").unwrap();
        assert_eq!(toks[0].span, Span::new(3, 4, 1, 1));
    }

    #[test]
    fn numbers() {
        let n = |s: &str| match &kinds(s)[0] {
            TokenKind::Number(n) => *n,
            other => panic!("{other:?}"),
        };
        assert_eq!(n("1_000"), Number::Int(1000));
        assert_eq!(n("0x_fF"), Number::Int(255));
        assert_eq!(n("0o17"), Number::Int(15));
        assert_eq!(n("0b1_01"), Number::Int(5));
        assert_eq!(n("00"), Number::Int(0));
        assert_eq!(n("1e-3"), Number::Float(1e-3));
        assert_eq!(n("1_000.5"), Number::Float(1000.5));
        assert_eq!(n(".5"), Number::Float(0.5));
        assert_eq!(n("1."), Number::Float(1.0));
        assert_eq!(n("3j"), Number::Imaginary);
        assert_eq!(n("9223372036854775807"), Number::Int(i64::MAX));
        assert_eq!(n("9223372036854775808"), Number::BigInt);
        assert_eq!(kinds("1if x else y").len(), 7);
    }

    #[test]
    fn spans_use_bytes_and_character_columns() {
        let toks = tokenize("名字 = '名字'").unwrap();
        assert_eq!(toks[0].span, Span::new(0, 6, 1, 1));
        assert_eq!(toks[1].span, Span::new(7, 8, 1, 4));
        assert_eq!(toks[2].span, Span::new(9, 17, 1, 6));
    }

    #[test]
    fn string_tokens_record_prefix_and_body() {
        let toks = tokenize("rb'a\\'' f'''x\ny'''").unwrap();
        let TokenKind::Str(s) = &toks[0].kind else {
            panic!()
        };
        assert!(s.is_bytes && s.is_raw && !s.is_fstring);
        assert_eq!((s.body_start, s.body_end), (3, 6));
        let TokenKind::Str(s) = &toks[1].kind else {
            panic!()
        };
        assert!(s.is_fstring && s.quote_len == 3);
        assert_eq!(toks[2].kind, TokenKind::Newline);
        assert_eq!(toks[2].span.line, 2);
    }

    #[test]
    fn lexer_errors() {
        let e = |s: &str| {
            let e = tokenize(s).unwrap_err();
            (e.msg, e.span.line, e.span.col)
        };
        assert_eq!(e("x = 1)"), ("unmatched ')'".into(), 1, 6));
        assert_eq!(e("x = (1"), ("'(' was never closed".into(), 1, 5));
        assert_eq!(
            e("s = 'abc\n"),
            (
                "unterminated string literal (detected at line 1)".into(),
                1,
                5
            )
        );
        assert_eq!(e("x = 1abc"), ("invalid decimal literal".into(), 1, 5));
        assert_eq!(
            e("if x:\n\ty\n        z\n").0,
            "inconsistent use of tabs and spaces in indentation"
        );
        assert_eq!(e(&"(".repeat(10_000)).0, "too many nested parentheses");
    }

    #[test]
    fn highlight_never_fails_and_classifies() {
        let src = "@dec\nasync def f(x): # hi\n    print(f'{x}', 0x1F, None)\n'unterminated\n$";
        let toks = highlight_tokens(src);
        let class_of = |text: &str| {
            toks.iter()
                .find(|(s, _)| src.get(s.start as usize..s.end as usize) == Some(text))
                .map(|(_, c)| *c)
        };
        assert_eq!(class_of("@dec"), Some(TokenClass::Decorator));
        assert_eq!(class_of("async"), Some(TokenClass::Keyword));
        assert_eq!(class_of("f"), Some(TokenClass::Definition));
        assert_eq!(class_of("# hi"), Some(TokenClass::Comment));
        assert_eq!(class_of("print"), Some(TokenClass::Builtin));
        assert_eq!(class_of("f'{x}'"), Some(TokenClass::String));
        assert_eq!(class_of("0x1F"), Some(TokenClass::Number));
        assert_eq!(class_of("None"), Some(TokenClass::Constant));
        assert_eq!(class_of("$"), Some(TokenClass::Error));
        for cut in 0..src.len() {
            if src.is_char_boundary(cut) {
                highlight_tokens(&src[..cut]);
            }
        }
    }
}
