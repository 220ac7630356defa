//! A `python3 -m dis`-style listing of a code object and, after it, of every code object nested
//! in its constants (depth first, as `dis.dis` does). Columns follow CPython 3.11's `dis`: line
//! number where a new source line starts, `>>` on jump targets, offset (our offsets are
//! instruction indices, not bytes), opname, argument, and the resolved argument in parentheses.

use super::bytecode::{BinaryOpKind, CodeObject, CompareKind, Const, Instr};
use std::fmt::Write;

pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    // Explicit stack instead of recursion: nesting depth comes from the script.
    let mut stack: Vec<(&CodeObject, bool)> = vec![(code, false)];
    while let Some((c, header)) = stack.pop() {
        if header {
            let _ = writeln!(out);
            let _ = writeln!(out, "Disassembly of {}:", code_repr(c));
        }
        disassemble_one(c, &mut out);
        for k in c.consts.iter().rev() {
            if let Const::Code(inner) = k {
                stack.push((inner, true));
            }
        }
    }
    out
}

fn code_repr(c: &CodeObject) -> String {
    format!(
        "<code object {}, file \"{}\", line {}>",
        c.name, c.filename, c.first_line
    )
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let targets: Vec<bool> = {
        let mut t = vec![false; code.instrs.len()];
        for i in &code.instrs {
            if let Some(x) = super::compiler::jump_target(*i) {
                if let Some(slot) = t.get_mut(x as usize) {
                    *slot = true;
                }
            }
        }
        t
    };
    let offset_width = code
        .instrs
        .len()
        .saturating_sub(1)
        .max(9999)
        .to_string()
        .len();
    let mut last_line = None;
    for (idx, ins) in code.instrs.iter().enumerate() {
        // Line 0: an instruction without a line (CPython's `None` in `co_lines`).
        let line = code.line_of(idx);
        let starts = line != 0 && last_line != Some(line);
        if starts && idx > 0 {
            out.push('\n');
        }
        if line != 0 {
            last_line = Some(line);
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(if starts {
            format!("{line:>3}")
        } else {
            "   ".to_string()
        });
        fields.push("   ".to_string());
        fields.push(
            if targets.get(idx).copied().unwrap_or(false) {
                ">>"
            } else {
                "  "
            }
            .to_string(),
        );
        fields.push(format!("{idx:>offset_width$}"));
        let (name, arg, argrepr) = describe(code, *ins);
        fields.push(format!("{name:<20}"));
        if let Some(a) = arg {
            fields.push(format!("{a:>5}"));
            if !argrepr.is_empty() {
                fields.push(format!("({argrepr})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
}

fn cell_name(code: &CodeObject, i: u32) -> String {
    let i = i as usize;
    code.cellvars
        .get(i)
        .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
        .map_or_else(|| "?".to_string(), |s| s.to_string())
}

fn name_at(v: &[std::rc::Rc<str>], i: u32) -> String {
    v.get(i as usize)
        .map_or_else(|| "?".to_string(), |s| s.to_string())
}

fn const_at(code: &CodeObject, i: u32) -> String {
    code.consts
        .get(i as usize)
        .map_or_else(|| "?".to_string(), const_repr)
}

/// (opname, argument, resolved argument)
fn describe(code: &CodeObject, ins: Instr) -> (&'static str, Option<u32>, String) {
    use Instr::*;
    let none = String::new();
    let names = |i: u32| name_at(&code.names, i);
    let vars = |i: u32| name_at(&code.varnames, i);
    let to = |t: u32| format!("to {t}");
    match ins {
        Nop => ("NOP", None, none),
        PopTop => ("POP_TOP", None, none),
        Copy(n) => ("COPY", Some(n), none),
        Swap(n) => ("SWAP", Some(n), none),
        PushNull => ("PUSH_NULL", None, none),
        LoadConst(i) => ("LOAD_CONST", Some(i), const_at(code, i)),
        LoadFast(i) => ("LOAD_FAST", Some(i), vars(i)),
        StoreFast(i) => ("STORE_FAST", Some(i), vars(i)),
        DeleteFast(i) => ("DELETE_FAST", Some(i), vars(i)),
        LoadDeref(i) => ("LOAD_DEREF", Some(i), cell_name(code, i)),
        StoreDeref(i) => ("STORE_DEREF", Some(i), cell_name(code, i)),
        DeleteDeref(i) => ("DELETE_DEREF", Some(i), cell_name(code, i)),
        LoadClosure(i) => ("LOAD_CLOSURE", Some(i), cell_name(code, i)),
        LoadClassDeref(i) => ("LOAD_CLASSDEREF", Some(i), cell_name(code, i)),
        LoadName(i) => ("LOAD_NAME", Some(i), names(i)),
        StoreName(i) => ("STORE_NAME", Some(i), names(i)),
        DeleteName(i) => ("DELETE_NAME", Some(i), names(i)),
        LoadGlobal(i) => ("LOAD_GLOBAL", Some(i), names(i)),
        StoreGlobal(i) => ("STORE_GLOBAL", Some(i), names(i)),
        DeleteGlobal(i) => ("DELETE_GLOBAL", Some(i), names(i)),
        LoadAttr(i) => ("LOAD_ATTR", Some(i), names(i)),
        StoreAttr(i) => ("STORE_ATTR", Some(i), names(i)),
        DeleteAttr(i) => ("DELETE_ATTR", Some(i), names(i)),
        LoadMethod(i) => ("LOAD_METHOD", Some(i), names(i)),
        BinarySubscr => ("BINARY_SUBSCR", None, none),
        StoreSubscr => ("STORE_SUBSCR", None, none),
        DeleteSubscr => ("DELETE_SUBSCR", None, none),
        BuildSlice(n) => ("BUILD_SLICE", Some(n), none),
        BinaryOp(k) => {
            let (n, s) = binop_info(k);
            ("BINARY_OP", Some(n), s.to_string())
        }
        UnaryNegative => ("UNARY_NEGATIVE", None, none),
        UnaryPositive => ("UNARY_POSITIVE", None, none),
        UnaryNot => ("UNARY_NOT", None, none),
        UnaryInvert => ("UNARY_INVERT", None, none),
        CompareOp(k) => {
            let (n, s) = match k {
                CompareKind::Lt => (0, "<"),
                CompareKind::Le => (1, "<="),
                CompareKind::Eq => (2, "=="),
                CompareKind::Ne => (3, "!="),
                CompareKind::Gt => (4, ">"),
                CompareKind::Ge => (5, ">="),
            };
            ("COMPARE_OP", Some(n), s.to_string())
        }
        IsOp(b) => ("IS_OP", Some(u32::from(b)), none),
        ContainsOp(b) => ("CONTAINS_OP", Some(u32::from(b)), none),
        Jump(t) => ("JUMP", Some(t), to(t)),
        PopJumpIfFalse(t) => ("POP_JUMP_IF_FALSE", Some(t), to(t)),
        PopJumpIfTrue(t) => ("POP_JUMP_IF_TRUE", Some(t), to(t)),
        JumpIfFalseOrPop(t) => ("JUMP_IF_FALSE_OR_POP", Some(t), to(t)),
        JumpIfTrueOrPop(t) => ("JUMP_IF_TRUE_OR_POP", Some(t), to(t)),
        GetIter => ("GET_ITER", None, none),
        ForIter(t) => ("FOR_ITER", Some(t), to(t)),
        BuildTuple(n) => ("BUILD_TUPLE", Some(n), none),
        BuildList(n) => ("BUILD_LIST", Some(n), none),
        BuildSet(n) => ("BUILD_SET", Some(n), none),
        BuildMap(n) => ("BUILD_MAP", Some(n), none),
        BuildConstKeyMap(n) => ("BUILD_CONST_KEY_MAP", Some(n), none),
        BuildString(n) => ("BUILD_STRING", Some(n), none),
        ListAppend(n) => ("LIST_APPEND", Some(n), none),
        SetAdd(n) => ("SET_ADD", Some(n), none),
        MapAdd(n) => ("MAP_ADD", Some(n), none),
        ListExtend(n) => ("LIST_EXTEND", Some(n), none),
        SetUpdate(n) => ("SET_UPDATE", Some(n), none),
        DictUpdate(n) => ("DICT_UPDATE", Some(n), none),
        DictMerge(n) => ("DICT_MERGE", Some(n), none),
        ListToTuple => ("LIST_TO_TUPLE", None, none),
        UnpackSequence(n) => ("UNPACK_SEQUENCE", Some(n), none),
        UnpackEx(n) => ("UNPACK_EX", Some(n), none),
        FormatValue(f) => {
            let conv = ["", "str", "repr", "ascii"][(f & 3) as usize];
            let repr = match (conv.is_empty(), f & 4 != 0) {
                (_, false) => conv.to_string(),
                (true, true) => "with format".to_string(),
                (false, true) => format!("{conv}, with format"),
            };
            ("FORMAT_VALUE", Some(f), repr)
        }
        MakeFunction(f) => {
            let parts: Vec<&str> = [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ]
            .iter()
            .filter(|(b, _)| f & b != 0)
            .map(|(_, s)| *s)
            .collect();
            ("MAKE_FUNCTION", Some(f), parts.join(", "))
        }
        KwNames(i) => ("KW_NAMES", Some(i), const_at(code, i)),
        Call(n) => ("CALL", Some(n), none),
        CallFunctionEx(f) => ("CALL_FUNCTION_EX", Some(f), none),
        ReturnValue => ("RETURN_VALUE", None, none),
        LoadBuildClass => ("LOAD_BUILD_CLASS", None, none),
        YieldValue => ("YIELD_VALUE", None, none),
        GetYieldFromIter => ("GET_YIELD_FROM_ITER", None, none),
        GetAwaitable(n) => ("GET_AWAITABLE", Some(n), none),
        Send(t) => ("SEND", Some(t), to(t)),
        AsyncGenWrap => ("ASYNC_GEN_WRAP", None, none),
        GetAIter => ("GET_AITER", None, none),
        GetANext => ("GET_ANEXT", None, none),
        EndAsyncFor => ("END_ASYNC_FOR", None, none),
        SetupFinally(t) => ("SETUP_FINALLY", Some(t), to(t)),
        PopBlock => ("POP_BLOCK", None, none),
        PushExcInfo => ("PUSH_EXC_INFO", None, none),
        PopExcept => ("POP_EXCEPT", None, none),
        CheckExcMatch => ("CHECK_EXC_MATCH", None, none),
        CheckEgMatch => ("CHECK_EG_MATCH", None, none),
        Reraise => ("RERAISE", None, none),
        RaiseVarargs(n) => ("RAISE_VARARGS", Some(n), none),
        LoadAssertionError => ("LOAD_ASSERTION_ERROR", None, none),
        BeforeWith => ("BEFORE_WITH", None, none),
        BeforeAsyncWith => ("BEFORE_ASYNC_WITH", None, none),
        WithExceptStart => ("WITH_EXCEPT_START", None, none),
        ImportName(i) => ("IMPORT_NAME", Some(i), names(i)),
        ImportFrom(i) => ("IMPORT_FROM", Some(i), names(i)),
        ImportStar => ("IMPORT_STAR", None, none),
        SetupAnnotations => ("SETUP_ANNOTATIONS", None, none),
        PrintExpr => ("PRINT_EXPR", None, none),
    }
}

/// CPython's `NB_*` operand numbers and `dis` symbols.
fn binop_info(k: BinaryOpKind) -> (u32, &'static str) {
    use BinaryOpKind::*;
    match k {
        Add => (0, "+"),
        And => (1, "&"),
        FloorDiv => (2, "//"),
        LShift => (3, "<<"),
        MatMul => (4, "@"),
        Mul => (5, "*"),
        Mod => (6, "%"),
        Or => (7, "|"),
        Pow => (8, "**"),
        RShift => (9, ">>"),
        Sub => (10, "-"),
        TrueDiv => (11, "/"),
        Xor => (12, "^"),
        InplaceAdd => (13, "+="),
        InplaceAnd => (14, "&="),
        InplaceFloorDiv => (15, "//="),
        InplaceLShift => (16, "<<="),
        InplaceMatMul => (17, "@="),
        InplaceMul => (18, "*="),
        InplaceMod => (19, "%="),
        InplaceOr => (20, "|="),
        InplacePow => (21, "**="),
        InplaceRShift => (22, ">>="),
        InplaceSub => (23, "-="),
        InplaceTrueDiv => (24, "/="),
        InplaceXor => (25, "^="),
    }
}

/// `repr()` of a constant, as CPython prints it.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(t) => match t.len() {
            1 => format!("({},)", const_repr(&t[0])),
            _ => format!(
                "({})",
                t.iter().map(const_repr).collect::<Vec<_>>().join(", ")
            ),
        },
        Const::Code(c) => code_repr(c),
    }
}

/// Python's `float.__repr__`: shortest round-trip digits, fixed notation for exponents in
/// [-4, 16), scientific (`1e+16`, `1e-05`) otherwise.
pub fn float_repr(f: f64) -> String {
    crate::vm::format::float_repr(f)
}

pub fn str_repr(s: &str) -> String {
    crate::vm::format::str_repr(s)
}

fn bytes_repr(b: &[u8]) -> String {
    crate::vm::format::bytes_repr(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values printed by python3 (`repr(x)` for each input).
    #[test]
    fn float_repr_matches_python() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-2.5, "-2.5"),
            (123456789.125, "123456789.125"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
            (0.30000000000000004, "0.30000000000000004"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(*f), *want, "{f}");
        }
    }

    /// Expected values printed by python3 (`repr(s)`).
    #[test]
    fn str_repr_matches_python() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(str_repr("x\ny\t\\"), "'x\\ny\\t\\\\'");
        assert_eq!(str_repr("\x01é"), "'\\x01é'");
        assert_eq!(bytes_repr(b"a\x00'"), "b\"a\\x00'\"");
    }
}

#[cfg(test)]
mod cpython_format_tests {
    use crate::lang::compiler::tests::pybridge;
    use crate::lang::span::SourceFile;
    use std::io::Write;
    use std::process::{Command, Stdio};

    /// `python3 -m dis` output, normalized to our instruction set: RESUME and PRECALL dropped,
    /// byte offsets replaced by instruction indices.
    fn cpython_dis(src: &str) -> Option<String> {
        let mut child = Command::new("python3")
            .args([
                "-c",
                "import dis, sys; dis.dis(compile(sys.stdin.read(), 't.py', 'exec'))",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(src.as_bytes()).ok()?;
        let out = String::from_utf8(child.wait_with_output().ok()?.stdout).ok()?;
        let mut lines: Vec<String> = Vec::new();
        let mut index = 0;
        let mut pending_line: Option<String> = None;
        for l in out.lines() {
            if l.is_empty() {
                continue;
            }
            let op = l
                .get(16..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            let lineno = l.get(..3).unwrap_or("").to_string();
            if op == "RESUME" || op == "PRECALL" {
                if !lineno.trim().is_empty() {
                    pending_line = Some(lineno);
                }
                continue;
            }
            let lineno = match (lineno.trim().is_empty(), pending_line.take()) {
                (true, Some(p)) => p,
                _ => lineno,
            };
            if !lineno.trim().is_empty() && !lines.is_empty() {
                lines.push(String::new());
            }
            lines.push(format!(
                "{lineno}{}{index:>4}{}",
                l.get(3..11).unwrap_or(""),
                l.get(15..).unwrap_or("")
            ));
            index += 1;
        }
        Some(lines.join("\n") + "\n")
    }

    #[test]
    fn straight_line_listing_matches_python_dis() {
        let src = "x = 1\ny = x + 2.5\nprint(f'{y!r:>8}', 'a', -3)\ndel x\n";
        let Some(want) = cpython_dis(src) else {
            eprintln!("python3 not available: skipped");
            return;
        };
        let Some(r) = pybridge::run(&[src.to_string()]) else {
            return;
        };
        let file = SourceFile::new("t.py", src);
        let module = pybridge::Conv::new(&file).module(&r[0]["ast"]);
        let code = crate::lang::compiler::compile_module_raw(&module, "t.py").expect("compiles");
        assert_eq!(super::disassemble(&code), want);
    }
}
