//! Adapters to the front end: compiling a source file, and the AST-based `~~~^^^` anchors
//! of CPython 3.11 tracebacks (which parse the marked source segment).

use crate::lang::ast::{ExprKind, StmtKind};
use crate::lang::bytecode::CodeObject;
use crate::lang::span::SourceFile;
use std::rc::Rc;

/// Parse and compile a script; a syntax error comes back rendered as CPython prints it.
pub fn compile_source(src: &SourceFile) -> Result<Rc<CodeObject>, String> {
    let module = match parse(src) {
        Ok(m) => m,
        Err(e) => return Err(e.render(src)),
    };
    crate::lang::compiler::compile_module(&module, src).map_err(|e| e.render(src))
}

fn parse(src: &SourceFile) -> Result<crate::lang::ast::Module, crate::lang::error::SyntaxError> {
    crate::lang::parser::parse_module(src)
}

fn char_off(s: &str, byte: usize) -> usize {
    s.get(..byte.min(s.len()))
        .map(|p| p.chars().count())
        .unwrap_or(0)
}

/// (left_end, right_start) in characters of `segment`, or None.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let src = SourceFile::new("<segment>", segment);
    let module = parse(&src).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &module.body[0].kind else {
        return None;
    };
    let bytes = segment.as_bytes();
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            // CPython's C printer: first non-space char between the operands, skipping ')'.
            let (lo, hi) = (left.span.end as usize, right.span.start as usize);
            let mut anchors = None;
            let mut i = lo;
            while i < hi {
                let c = *bytes.get(i)?;
                if c == b' ' || c == b'\t' || c == b'\x0c' || c == b'\n' || c == b'\r' {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < hi
                    && !bytes
                        .get(i + 1)
                        .map(|b| b.is_ascii_whitespace())
                        .unwrap_or(true)
                {
                    r += 1;
                }
                anchors = Some((i, r));
                if i + 1 < hi && c == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            let (l, r) = anchors?;
            Some((char_off(segment, l), char_off(segment, r)))
        }
        ExprKind::Subscript { value, slice, .. } => {
            let n = bytes.len();
            let mut l = value.span.end as usize;
            let mut r = slice.span.end as usize + 1;
            while l < n && bytes[l] != b'[' {
                l += 1;
            }
            while r < n && bytes[r] != b']' {
                r += 1;
            }
            if r < n {
                r += 1;
            }
            Some((char_off(segment, l), char_off(segment, r)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// Development helper: `LS_SCRIPT=path cargo test --lib dev_run -- --nocapture`.
    #[test]
    fn dev_run() {
        let Ok(path) = std::env::var("LS_SCRIPT") else {
            return;
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let out = crate::vm::api::run_source(&path, &text, &[]);
        print!("{}", out.stdout);
        eprint!("{}", out.stderr);
        eprintln!("[exit {}]", out.exit_code);
    }
}
