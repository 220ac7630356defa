use super::*;
use crate::lang::span::SourceFile;
use serde_json::Value;

/// Also usable by other test code as `crate::lang::compiler::tests::pybridge`.
pub(crate) mod pybridge;

thread_local! {
    /// Feed the compiler loopscope's own parser instead of CPython's AST (same expectations).
    static OUR_PARSER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

thread_local! {
    /// Also compare the set of source lines that have instructions (line-event candidates).
    static LINES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn with_our_parser<T>(f: impl FnOnce() -> T) -> T {
    OUR_PARSER.with(|c| c.set(true));
    let r = f();
    OUR_PARSER.with(|c| c.set(false));
    r
}

fn all_codes(code: &Rc<CodeObject>, out: &mut Vec<Rc<CodeObject>>) {
    out.push(code.clone());
    for c in &code.consts {
        if let Const::Code(k) = c {
            all_codes(k, out);
        }
    }
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn rcs(v: &[Rc<str>]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Compile each source with CPython (via its own parser) and with our compiler (fed CPython's
/// AST), and compare code object attributes or the SyntaxError. Returns mismatch descriptions.
fn differential(
    sources: &[String],
    compare_names: bool,
    compare_positions: bool,
) -> Option<Vec<String>> {
    let results = pybridge::run(sources)?;
    let mut problems = Vec::new();
    for (src, r) in sources.iter().zip(&results) {
        let label: String = src.lines().next().unwrap_or("").chars().take(60).collect();
        if r.get("parse_error").is_some() {
            problems.push(format!(
                "[{label}] CPython could not parse: {}",
                r["parse_error"]
            ));
            continue;
        }
        let file = SourceFile::new("t.py", src.as_str());
        let module = if OUR_PARSER.with(|c| c.get()) {
            match crate::lang::parser::parse_module(&file) {
                Ok(m) => m,
                Err(e) => {
                    // The parser may report what CPython's compiler reports: fine if equal.
                    let same = r.get("error").is_some_and(|err| {
                        err["msg"].as_str() == Some(e.msg.as_str())
                            && err["lineno"].as_u64() == Some(u64::from(e.span.line))
                    });
                    if !same {
                        problems.push(format!(
                            "[{label}] our parser failed: {} (line {})",
                            e.msg, e.span.line
                        ));
                    }
                    continue;
                }
            }
        } else {
            pybridge::Conv::new(&file).module(&r["ast"])
        };
        let ours = compile_module_raw(&module, "t.py");
        match (&r.get("error"), ours) {
            (Some(err), Ok(_)) => {
                problems.push(format!("[{label}] CPython error {err} but we compiled"))
            }
            (Some(err), Err(e)) => {
                if err["msg"].as_str() != Some(e.msg.as_str())
                    || err["lineno"].as_u64() != Some(e.span.line as u64)
                {
                    problems.push(format!(
                        "[{label}] error differs: CPython {err}, ours {:?} line {}",
                        e.msg, e.span.line
                    ));
                }
            }
            (None, Err(e)) => problems.push(format!(
                "[{label}] we failed: {} (line {})",
                e.msg, e.span.line
            )),
            (None, Ok(code)) => {
                if let Err(e) = check_stack_effects(&code) {
                    problems.push(format!("[{label}] stack check: {e}"));
                }
                let mut ours = Vec::new();
                all_codes(&code, &mut ours);
                let theirs = r["codes"].as_array().cloned().unwrap_or_default();
                if ours.len() != theirs.len() {
                    problems.push(format!(
                        "[{label}] {} code objects vs CPython {}",
                        ours.len(),
                        theirs.len()
                    ));
                    continue;
                }
                for (o, t) in ours.iter().zip(&theirs) {
                    let mut diffs = Vec::new();
                    let mut chk = |what: &str, a: String, b: String| {
                        if a != b {
                            diffs.push(format!("{what}: ours {a} cpython {b}"));
                        }
                    };
                    chk(
                        "name",
                        o.name.to_string(),
                        t["name"].as_str().unwrap_or("").into(),
                    );
                    chk(
                        "qualname",
                        o.qualname.to_string(),
                        t["qualname"].as_str().unwrap_or("").into(),
                    );
                    chk(
                        "firstlineno",
                        o.first_line.to_string(),
                        t["firstlineno"].to_string(),
                    );
                    chk(
                        "varnames",
                        format!("{:?}", rcs(&o.varnames)),
                        format!("{:?}", strs(&t["varnames"])),
                    );
                    chk(
                        "cellvars",
                        format!("{:?}", rcs(&o.cellvars)),
                        format!("{:?}", strs(&t["cellvars"])),
                    );
                    chk(
                        "freevars",
                        format!("{:?}", rcs(&o.freevars)),
                        format!("{:?}", strs(&t["freevars"])),
                    );
                    chk(
                        "flags",
                        format!("{:#x}", o.flags),
                        format!("{:#x}", t["flags"].as_u64().unwrap_or(0)),
                    );
                    chk(
                        "argcount",
                        o.argcount.to_string(),
                        t["argcount"].to_string(),
                    );
                    chk(
                        "posonly",
                        o.posonlyargcount.to_string(),
                        t["posonlyargcount"].to_string(),
                    );
                    chk(
                        "kwonly",
                        o.kwonlyargcount.to_string(),
                        t["kwonlyargcount"].to_string(),
                    );
                    if compare_positions {
                        let (a, b) = (positions(&file, o), position_set(&t["positions"]));
                        if a != b {
                            let sa: std::collections::BTreeSet<&str> = a.split("],").collect();
                            let sb: std::collections::BTreeSet<&str> = b.split("],").collect();
                            let only_ours: Vec<_> = sa.difference(&sb).collect();
                            let only_theirs: Vec<_> = sb.difference(&sa).collect();
                            chk(
                                "positions",
                                format!("only {only_ours:?}"),
                                format!("only {only_theirs:?}"),
                            );
                        }
                    }
                    if LINES.with(|c| c.get()) {
                        let mut ours: Vec<u32> =
                            o.spans.iter().map(|s| s.line).filter(|l| *l != 0).collect();
                        ours.sort_unstable();
                        ours.dedup();
                        chk(
                            "lines",
                            format!("{ours:?}"),
                            format!(
                                "{:?}",
                                t["lines"]
                                    .as_array()
                                    .map(|a| a.iter().filter_map(Value::as_u64).collect::<Vec<_>>())
                                    .unwrap_or_default()
                            ),
                        );
                    }
                    if compare_names {
                        chk(
                            "names",
                            format!("{:?}", rcs(&o.names)),
                            format!("{:?}", strs(&t["names"])),
                        );
                    }
                    if !diffs.is_empty() {
                        problems.push(format!("[{label}] {}: {}", o.qualname, diffs.join("; ")));
                    }
                }
            }
        }
    }
    Some(problems)
}

/// The CPython-style positions (line, 0-based byte column, end line, end column) of the
/// instructions that exist in both instruction sets with the same meaning, as JSON.
fn positions(file: &SourceFile, code: &CodeObject) -> String {
    let mut out = Vec::new();
    let line_of = |off: u32| {
        file.text[..(off as usize).min(file.text.len())]
            .matches('\n')
            .count() as u32
            + 1
    };
    let col_of = |off: u32| {
        let off = (off as usize).min(file.text.len());
        off - file.text[..off].rfind('\n').map_or(0, |p| p + 1)
    };
    let mut prev = Instr::Nop;
    for (i, sp) in code.instrs.iter().zip(&code.spans) {
        let after = std::mem::replace(&mut prev, *i);
        // `import a.b as c` walks to the leaf with LoadAttr (CPython: IMPORT_FROM).
        if matches!(i, Instr::LoadAttr(_)) && matches!(after, Instr::ImportName(_)) {
            prev = Instr::ImportName(0);
            continue;
        }
        if matches!(i, Instr::Call(_))
            && matches!(
                after,
                Instr::WithExceptStart | Instr::BeforeWith | Instr::BeforeAsyncWith
            )
        {
            // CPython's WITH_EXCEPT_START / BEFORE_WITH make these calls themselves.
            continue;
        }
        let name = match i {
            Instr::Call(_) => "CALL",
            Instr::BinaryOp(_) => "BINARY_OP",
            Instr::BinarySubscr => "BINARY_SUBSCR",
            Instr::LoadAttr(_) => "LOAD_ATTR",
            Instr::LoadMethod(_) => "LOAD_METHOD",
            Instr::StoreAttr(_) => "STORE_ATTR",
            Instr::StoreSubscr => "STORE_SUBSCR",
            Instr::RaiseVarargs(_) => "RAISE_VARARGS",
            Instr::GetIter => "GET_ITER",
            Instr::ForIter(_) => "FOR_ITER",
            Instr::CompareOp(_) => "COMPARE_OP",
            Instr::GetAwaitable(_) => "GET_AWAITABLE",
            Instr::YieldValue => "YIELD_VALUE",
            _ => continue,
        };
        out.push(serde_json::json!([
            name,
            sp.line,
            col_of(sp.start),
            line_of(sp.end),
            col_of(sp.end)
        ]));
    }
    position_set(&Value::Array(out))
}

/// Distinct positions, sorted: CPython and we duplicate `finally` bodies and exit blocks a
/// different number of times, but every location must exist on both sides.
fn position_set(v: &Value) -> String {
    let mut items: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|x| x[0] != "RETURN_VALUE")
                .map(|x| x.to_string())
                .collect()
        })
        .unwrap_or_default();
    items.sort();
    items.dedup();
    items.join(",")
}

fn snippets() -> Vec<String> {
    [
        "x = 1\ny = x + 2\nprint(x, y)\n",
        "def deco(f): return f\n@deco\n@deco\ndef f(a, b=1, *c, d, e=2, **g):\n    \"doc\"\n    x = 1\n    def inner():\n        nonlocal x\n        return x + a\n    return inner\n",
        "class C:\n    def m(self):\n        return super().m()\n    def n(self):\n        return __class__\n",
        "class C:\n    x = 1\n    def m(self):\n        return x\n",
        "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n",
        "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
        "def outer():\n    def inner():\n        def innermost():\n            return 1\n        return innermost\n    return inner\n",
        "async def f(xs):\n    a = [await x for x in xs]\n    g = (await x for x in xs)\n    async for y in xs:\n        pass\n    async with xs as q:\n        return 1\n",
        "def h(xs):\n    return (await x for x in xs)\n",
        "async def agen():\n    yield 1\n    await x\n",
        "def gen():\n    x = yield 1\n    yield from range(3)\n    return x\n",
        "l = lambda a, *b, c=3, **d: a + c\n",
        "def f():\n    return [lambda: i for i in range(3)]\n",
        "def f(a, /, b, *, c):\n    return {k: v for k, v in a if k}\n",
        "def f():\n    global g\n    g = 1\ng = 2\n",
        "def f():\n    global g\n    def g(): pass\n    return g\n",
        "x = 0\ndef f():\n    return [y := i for i in range(3)], y\n",
        "[x := 1 for i in range(2)]\n",
        "try:\n    pass\nexcept ValueError as e:\n    print(e)\nexcept (TypeError, KeyError):\n    pass\nelse:\n    pass\nfinally:\n    print(1)\n",
        "def f():\n    for i in range(3):\n        try:\n            if i: break\n            continue\n        finally:\n            return i\n",
        "def f():\n    with a as b, c as d:\n        return b\n",
        "def f():\n    try:\n        pass\n    except* ValueError as e:\n        print(e)\n    except* TypeError:\n        pass\n",
        "class A:\n    __x = 1\n    def __m(self):\n        self.__y = self.__x\n",
        "def f(*args, **kw):\n    return g(*args, 1, *kw, **kw, x=2)\n",
        "import os.path\nimport os as p\nfrom os import path as q, sep\n",
        "def f():\n    x = 1\n    def g():\n        return x\n    del x\n",
        "def f(a):\n    def g():\n        return a\n    return g\n",
        "def f():\n    return [[y for y in x] for x in z]\n",
        "async def f():\n    return [x async for x in aiter() if await x]\n",
        "async def f():\n    return [y for x in z for y in [await x]]\n",
        "class A:\n    class B:\n        def m(self): pass\n",
        "def f():\n    class A:\n        def m(self): pass\n    return A\n",
        "def f():\n    global A\n    class A:\n        def m(self): pass\n",
        "assert x, 'msg'\nassert y\n",
        "a, *b, c = range(5)\n[d, e] = 1, 2\nx[1:2] = y\nx.a += 1\nx[0] -= 2\ndel x[0], x.a\n",
        "print(f'{x!r:>{width}} {y=}')\n",
        "d = {'a': 1, **e, 'b': 2}\ns = {1, *t}\nl = [*a, *b]\nt = (1, 2, 3)\n",
        "while x < 3:\n    x += 1\nelse:\n    pass\n",
        "if a and not b or c:\n    pass\nelif 1 < x < 3:\n    pass\n",
        "def f():\n    try:\n        return 1\n    finally:\n        print(2)\n",
        "async def f():\n    async with a as b:\n        async for x in b:\n            break\n",
        "def f():\n    x = 1\n    return lambda: (x := 2)\n",
        "def f():\n    super = 1\n    return super\n",
        "class C:\n    def f(self):\n        def g():\n            return super()\n        return g\n",
        "print(__debug__)\nif __debug__:\n    x = (__debug__, 1)\n",
        "def f():\n    for x in y:\n        try:\n            pass\n        finally:\n            continue\n",
        "def f():\n    for x in y:\n        try:\n            g()\n        except E as e:\n            return e\n        except F:\n            break\n",
        "async def f():\n    async for x in y:\n        async with x as z:\n            if z:\n                continue\n            return await z\n    else:\n        pass\n",
        "def g():\n    try:\n        yield 1\n    finally:\n        yield 2\n    with a:\n        x = yield 3\n",
        "async def f():\n    return {k: await v async for k, v in g() if k} or {await w for w in h()}\n",
        "async def f():\n    return (x async for x in g()), (await y for y in h())\n",
        "def f(a, b=[1, 2, 3], *, c=(1, -2), d={'k': 2}):\n    return a[b:c, ::d], a[::]\n",
        "assert a < b, f'{q}'\nassert x in y\nassert x is None, 'm'\nassert f(x), 'm'\n",
        "def f(y):\n    return [x for x in y if x < 1 if x > -1], {x: 1 for x in y if x}\n",
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        def h():\n            return x\n        return h\n    return g\n",
        "class C:\n    def __init__(self):\n        self.__x = [__y for __y in range(3)]\n    @property\n    def x(self):\n        return self.__x\n    @x.setter\n    def x(self, v):\n        self.__x = v\n",
        "try:\n    pass\nexcept* (ValueError, TypeError) as eg:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
        "while 1:\n    if a: break\n    elif b: continue\n    else: pass\nelse:\n    print()\n",
        "x = not a\nif not (a or b) and (c if d else e):\n    pass\nassert (a < b < c), 'm'\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// `depth` nested `for` (or `try/finally`) statements: CPython allows 20 static blocks.
fn nested_blocks(depth: usize, kind: &str) -> String {
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(&"    ".repeat(i));
        s.push_str(if kind == "for" {
            "for x in y:\n"
        } else {
            "try:\n"
        });
    }
    s.push_str(&"    ".repeat(depth));
    s.push_str("pass\n");
    if kind != "for" {
        for i in (0..depth).rev() {
            s.push_str(&"    ".repeat(i));
            s.push_str("finally: pass\n");
        }
    }
    s
}

fn error_snippets() -> Vec<String> {
    let mut v: Vec<String> = vec![
        nested_blocks(21, "for"),
        nested_blocks(21, "try"),
        nested_blocks(11, "try"),
    ];
    v.extend(
    [
        "return 1\n",
        "yield 1\n",
        "class C:\n    yield 1\n",
        "break\n",
        "def f():\n    continue\n",
        "await x\n",
        "def f():\n    await x\n",
        "def f():\n    async for x in y: pass\n",
        "def f():\n    async with y: pass\n",
        "async def f():\n    yield 1\n    return 2\n",
        "async def f():\n    yield from x\n",
        "nonlocal x\n",
        "def f():\n    nonlocal x\n",
        "def f():\n    x = 1\n    global x\n",
        "def f():\n    print(x)\n    global x\n",
        "def f(x):\n    global x\n",
        "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
        "def f():\n    return [x async for x in y]\n",
        "def f():\n    return [(yield x) for x in y]\n",
        "class C:\n    [y := 1 for x in z]\n",
        "[i := 0 for i in range(3)]\n",
        "def f(a, a): pass\n",
        "f(a=1, a=2)\n",
        "def f():\n    from os import *\n",
        "a, *b, *c = d\n",
        "*a = b\n",
        "def f():\n    try:\n        pass\n    except* E:\n        return\n",
        "def f():\n    for x in y:\n        try:\n            pass\n        except* E:\n            break\n",
        "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
        "__debug__ = 1\n",
        "del __debug__\n",
        "def f(__debug__): pass\n",
        "f(__debug__=1)\n",
        "x.__debug__ = 1\n",
        "import __debug__\n",
        "for __debug__ in x: pass\n",
        "def __debug__(): pass\n",
        "class __debug__: pass\n",
        "def f(**__debug__): pass\n",
        "lambda __debug__: 1\n",
        "with a as __debug__: pass\n",
        "f(**{}, __debug__=1)\n",
        "o.m(__debug__=1)\n",
        "[(j := i) for i in range(3) for j in range(2)]\n",
        "[[(j := 1) for j in range(2)] for i in x]\n",
    ]
    .iter()
    .map(|s| s.to_string()),
    );
    v
}

#[test]
fn stack_checker_rejects_broken_code() {
    use Instr::*;
    assert!(analyze_stack(&[PopTop, LoadConst(0), ReturnValue])
        .unwrap_err()
        .contains("underflow"));
    assert!(analyze_stack(&[LoadConst(0)])
        .unwrap_err()
        .contains("past the end"));
    let merge = [
        LoadConst(0),
        PopJumpIfFalse(4),
        LoadConst(0),
        Jump(4),
        LoadConst(0),
        ReturnValue,
    ];
    assert!(analyze_stack(&merge).unwrap_err().contains("inconsistent"));
    assert!(analyze_stack(&[PopBlock, LoadConst(0), ReturnValue])
        .unwrap_err()
        .contains("block stack"));
    // An instruction that consumes items below its handler's depth before raising: the VM
    // could not cut the stack back *up* to the handler's depth.
    let below = [
        LoadConst(0),
        SetupFinally(6),
        UnpackSequence(2),
        PopTop,
        PopTop,
        PopBlock,
        ReturnValue,
    ];
    assert!(analyze_stack(&below)
        .unwrap_err()
        .contains("below its handler's depth"));
    // A handler runs with the exception pushed on the stack depth of its SetupFinally.
    let ok = [
        SetupFinally(4),
        LoadConst(0),
        PopBlock,
        ReturnValue,
        ReturnValue,
    ];
    assert_eq!(analyze_stack(&ok), Ok(1));
}

#[test]
fn matches_cpython_code_attributes_on_snippets() {
    let Some(problems) = differential(&snippets(), true, true) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn matches_cpython_compile_errors() {
    let Some(problems) = differential(&error_snippets(), false, false) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Function annotations are not kept (see `annassign`), so only scoping and code attributes
/// are compared here.
#[test]
fn annotations_do_not_change_scoping() {
    let src = "x: int = 1\ndef f(a: int, *b: str, **c: float) -> None:\n    y: list = []\n    z: dict\n    return y\nclass K:\n    q: int = 2\n    r: str\n";
    let Some(problems) = differential(&[src.to_string()], false, false) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The parser's golden sources (`src/lang/testdata/ast_dumps.json`: `[source, ast dump]`).
fn parser_golden_sources() -> Vec<String> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lang/testdata/ast_dumps.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| i.get(0).and_then(Value::as_str))
        .map(|s| format!("{s}\n"))
        .collect()
}

#[test]
fn matches_cpython_on_parser_goldens() {
    let sources = parser_golden_sources();
    if sources.is_empty() {
        eprintln!("parser goldens missing: skipped");
        return;
    }
    // Function annotations are not kept (no MAKE_FUNCTION annotations) and relative imports are
    // spelled differently, so names and positions are compared only where neither occurs.
    let (plain, special): (Vec<String>, Vec<String>) = sources
        .into_iter()
        .partition(|s| !s.contains(':') && !s.contains("from ."));
    let Some(mut problems) = differential(&plain, true, true) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    problems.extend(differential(&special, false, false).unwrap_or_default());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn shared_scripts() -> Vec<String> {
    let mut out = Vec::new();
    let vm_scripts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang");
    let vm_scripts = vm_scripts.to_string_lossy().to_string();
    for dir in [
        "/work/shared/conformance/cases",
        "/work/shared/bench",
        vm_scripts.as_str(),
    ] {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(s);
            }
        }
    }
    out
}

#[test]
fn matches_cpython_on_shared_scripts() {
    let scripts = shared_scripts();
    if scripts.is_empty() {
        eprintln!("/work/shared missing: skipped");
        return;
    }
    let Some(problems) = differential(&scripts, true, true) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Compile through CPython's parser (test bridge); `None` when python3 is unavailable.
fn compile_via_cpython(src: &str) -> Option<CResult<Rc<CodeObject>>> {
    let r = pybridge::run(&[src.to_string()])?;
    let r = r.first()?;
    let file = SourceFile::new("t.py", src);
    let module = pybridge::Conv::new(&file).module(&r["ast"]);
    Some(compile_module_raw(&module, "t.py"))
}

#[test]
fn print_disassembly() {
    // Development aid: `DIS_SRC='...' cargo test --lib print_disassembly -- --nocapture`.
    let Ok(src) = std::env::var("DIS_SRC") else {
        return;
    };
    if let Some(Ok(code)) = compile_via_cpython(&src) {
        println!("{}", crate::lang::disasm::disassemble(&code));
    }
}

fn sp() -> Span {
    Span::new(0, 1, 1, 1)
}

fn name(id: &str) -> Expr {
    Expr::new(
        ExprKind::Name {
            id: id.into(),
            ctx: ExprContext::Load,
        },
        sp(),
    )
}

/// `-(-(-(...x)))`, `[[[...x]]]`, `f(f(f(...x)))` and nested `if`/`def` blocks, `depth` levels.
fn deep_modules(depth: usize) -> Vec<Module> {
    let mut out = Vec::new();
    let mut e = name("x");
    for _ in 0..depth {
        e = Expr::new(
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(e),
            },
            sp(),
        );
    }
    out.push(Module {
        body: vec![Stmt::new(StmtKind::Expr(e), sp())],
    });
    let mut e = name("x");
    for _ in 0..depth {
        e = Expr::new(
            ExprKind::List {
                elts: vec![e, name("y")],
                ctx: ExprContext::Load,
            },
            sp(),
        );
    }
    out.push(Module {
        body: vec![Stmt::new(StmtKind::Expr(e), sp())],
    });
    let mut e = name("x");
    for _ in 0..depth {
        e = Expr::new(
            ExprKind::Call {
                func: Box::new(name("f")),
                args: vec![e],
                keywords: vec![],
            },
            sp(),
        );
    }
    out.push(Module {
        body: vec![Stmt::new(StmtKind::Expr(e), sp())],
    });
    let mut body = vec![Stmt::new(StmtKind::Pass, sp())];
    for _ in 0..depth {
        body = vec![Stmt::new(
            StmtKind::If {
                test: name("x"),
                body,
                orelse: vec![],
            },
            sp(),
        )];
    }
    out.push(Module { body });
    let mut body = vec![Stmt::new(StmtKind::Return(Some(name("x"))), sp())];
    for i in 0..depth {
        let f = FunctionDef {
            name: format!("f{i}"),
            args: Arguments::default(),
            body,
            decorators: vec![],
            returns: None,
            is_async: false,
            name_span: sp(),
        };
        body = vec![Stmt::new(StmtKind::FunctionDef(Box::new(f)), sp())];
    }
    out.push(Module { body });
    out
}

/// Script nesting must end in an error, never in a stack overflow: compile very deep trees on
/// a thread with a small stack (1 MiB, wasm32's default, in release builds).
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let h = std::thread::Builder::new()
        // Debug frames are several times larger than release (wasm) ones.
        .stack_size(if cfg!(debug_assertions) {
            2 << 20
        } else {
            1 << 20
        })
        .spawn(|| {
            let mut results = Vec::new();
            for depth in [50, 150, 2000] {
                for m in deep_modules(depth) {
                    results.push((
                        depth,
                        compile_module_raw(&m, "t.py")
                            .map(|_| ())
                            .map_err(|e| e.msg),
                    ));
                }
            }
            results
        })
        .expect("spawn");
    let results = h.join().expect("no stack overflow");
    for (depth, r) in results {
        if depth <= 150 {
            assert!(r.is_ok(), "depth {depth}: {r:?}");
        } else {
            assert_eq!(
                r,
                Err("too many nested expressions or statements".to_string())
            );
        }
    }
}

/// Review aid (run with `--ignored --nocapture`): our opcode names next to CPython's, after
/// normalizing CPython 3.11 specifics (caches, PRECALL, RESUME, NULL-pushing LOAD_GLOBAL, jump
/// direction variants). Not an assertion: the CFG layouts differ legitimately.
#[test]
#[ignore]
fn opcode_sequences_vs_cpython() {
    let src = std::env::var("DIS_SRC").unwrap_or_else(|_| "x = 1\n".into());
    let script = r#"
import dis, sys
src = sys.stdin.read()
def walk(c):
    ops = []
    for i in dis.get_instructions(c):
        n = i.opname
        if n in ("RESUME", "CACHE", "PRECALL", "RETURN_GENERATOR", "MAKE_CELL", "COPY_FREE_VARS", "NOP"):
            continue
        if n == "LOAD_GLOBAL" and i.arg & 1:
            ops.append("PUSH_NULL")
        if n.startswith("JUMP_") and n not in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
            n = "JUMP"
        n = n.replace("_FORWARD", "").replace("_BACKWARD", "")
        ops.append(n)
    print(c.co_qualname, " ".join(ops))
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            walk(k)
walk(compile(src, "t.py", "exec"))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().map(|mut s| s.write_all(src.as_bytes()));
            c.wait_with_output()
        });
    let Ok(out) = out else { return };
    let theirs = String::from_utf8_lossy(&out.stdout).to_string();
    let Some(Ok(code)) = compile_via_cpython(&src) else {
        return;
    };
    let mut codes = Vec::new();
    all_codes(&code, &mut codes);
    for (c, t) in codes.iter().zip(theirs.lines()) {
        let ours: Vec<String> = c
            .instrs
            .iter()
            .filter(|i| !matches!(i, Instr::Nop))
            .map(|i| {
                let d = crate::lang::disasm::disassemble(&CodeObject {
                    instrs: vec![*i],
                    spans: vec![Span::default()],
                    consts: c.consts.clone(),
                    names: c.names.clone(),
                    varnames: c.varnames.clone(),
                    cellvars: c.cellvars.clone(),
                    freevars: c.freevars.clone(),
                    ..(**c).clone()
                });
                d.split_whitespace().nth(2).unwrap_or("?").to_string()
            })
            .collect();
        let t_ops = t.split_once(' ').map_or("", |x| x.1);
        let ours = ours.join(" ");
        if ours != t_ops {
            println!("{}\n  ours: {}\n  cpy:  {}", c.qualname, ours, t_ops);
        }
    }
}

/// The same comparisons with loopscope's parser in front: parser and compiler together must
/// give CPython's code attributes, positions and compile errors.
#[test]
fn through_our_parser_matches_cpython() {
    let mut sources = snippets();
    sources.extend(shared_scripts());
    let Some(problems) = with_our_parser(|| differential(&sources, true, false)) else {
        eprintln!("python3 not available: skipped");
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let Some(problems) = with_our_parser(|| differential(&error_snippets(), false, false)) else {
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Instruction positions through loopscope's parser (the spans come from the parser).
#[test]
fn through_our_parser_positions_match_cpython() {
    let mut sources = snippets();
    sources.extend(shared_scripts());
    let Some(problems) = with_our_parser(|| differential(&sources, false, true)) else {
        return;
    };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn debug_one_positions() {
    let Ok(src) = std::env::var("POS_SRC") else {
        return;
    };
    let p = if std::env::var("OURS").is_ok() {
        with_our_parser(|| differential(&[src], true, true))
    } else {
        differential(&[src], true, true)
    };
    println!("{p:?}");
}

/// Constant folding must produce exactly CPython's values: for each expression we fold, the
/// constant's repr equals `repr(eval(expr))` from python3.
#[test]
fn folded_constants_equal_cpython_values() {
    let exprs = [
        "-1",
        "+2",
        "~5",
        "not 0",
        "not 'a'",
        "-True",
        "~False",
        "2**10",
        "2**-1",
        "(-2)**-3",
        "4**-2",
        "7 // 2",
        "-7 // 2",
        "7 // -2",
        "-7 // -2",
        "7 % 3",
        "-7 % 3",
        "7 % -3",
        "-7 % -3",
        "1 / 3",
        "-1 / 7",
        "2 / 4",
        "7.5 // 2",
        "-7.5 // 2",
        "7.5 % 2",
        "-7.5 % 2",
        "7.5 % -2",
        "-0.0 % 5",
        "0.0 // -3",
        "1e300 * 1e300",
        "0.1 + 0.2",
        "3 - 2.5",
        "1 << 10",
        "-3 << 4",
        "1 << 62",
        "-100 >> 3",
        "5 >> 100",
        "True + 1",
        "True & False",
        "True | 2",
        "6 ^ 3",
        "'ab' * 3",
        "3 * 'ab'",
        "'' * -1",
        "'é' * 2",
        "'a' + 'b'",
        "b'ab' * 2",
        "b'a' + b'b'",
        "(1,) * 3",
        "(1, 2) + (3,)",
        "() * -5",
        "'abc'[1]",
        "'abc'[-1]",
        "'héllo'[1]",
        "b'abc'[0]",
        "(1, 2, 3)[-2]",
        "(1, (2, 3))[1]",
        "9007199254740993 / 3",
        "2 ** 62",
        "(-1) ** 3",
        "2 ** 0.5",
        "10 ** -2.5",
        "1.5 ** 3",
        "0.5 ** 2000",
    ];
    let sources: Vec<String> = exprs.iter().map(|e| format!("x = {e}\n")).collect();
    let script =
        "import sys, json\nprint(json.dumps([repr(eval(e)) for e in json.load(sys.stdin)]))";
    let Ok(mut child) = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("python3 not available: skipped");
        return;
    };
    {
        use std::io::Write;
        let input = serde_json::to_string(&exprs[..]).unwrap_or_default();
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(input.as_bytes());
        }
    }
    let out = child.wait_with_output().expect("python3 runs");
    let want: Vec<String> = serde_json::from_slice(&out.stdout).expect("json from python3");
    let Some(results) = pybridge::run(&sources) else {
        return;
    };
    let mut folded = 0;
    for ((e, r), want) in exprs.iter().zip(&results).zip(&want) {
        let file = SourceFile::new("t.py", format!("x = {e}\n"));
        let module = pybridge::Conv::new(&file).module(&r["ast"]);
        let code = compile_module_raw(&module, "t.py").expect("compiles");
        if let [Instr::LoadConst(i), Instr::StoreName(_), ..] = code.instrs[..] {
            let got = crate::lang::disasm::const_repr(&code.consts[i as usize]);
            assert_eq!(&got, want, "folding {e}");
            folded += 1;
        }
    }
    assert!(
        folded >= exprs.len() - 3,
        "only {folded} of {} folded",
        exprs.len()
    );
}

/// Line stepping: every line CPython's line table can report, and no other.
#[test]
fn instruction_lines_match_cpython() {
    let mut sources = snippets();
    sources.extend(shared_scripts());
    LINES.with(|c| c.set(true));
    let problems = differential(&sources, false, false);
    LINES.with(|c| c.set(false));
    let Some(problems) = problems else { return };
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Scripts are untrusted: mutate the shared scripts line by line (drop, duplicate, swap,
/// re-indent), and whatever our parser accepts must compile without panicking, without an
/// internal compiler error, and pass `check_stack_effects`. `COMPILER_FUZZ_ROUNDS` for more.
#[test]
fn mutated_scripts_compile_or_fail_cleanly() {
    let scripts = shared_scripts();
    if scripts.is_empty() {
        return;
    }
    let rounds: usize = std::env::var("COMPILER_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut compiled, mut errors) = (0, 0);
    for round in 0..rounds {
        let base = &scripts[(next() as usize) % scripts.len()];
        let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
        for _ in 0..1 + next() % 4 {
            if lines.is_empty() {
                break;
            }
            let i = (next() as usize) % lines.len();
            let j = (next() as usize) % lines.len();
            match next() % 5 {
                0 => {
                    lines.remove(i);
                }
                1 => {
                    let l = lines[i].clone();
                    lines.insert(j, l);
                }
                2 => lines.swap(i, j),
                3 => lines[i] = format!("    {}", lines[i]),
                _ => lines[i] = lines[i].trim_start().to_string(),
            }
        }
        let text = lines.join("\n") + "\n";
        let file = SourceFile::new("t.py", text.as_str());
        let Ok(module) = crate::lang::parser::parse_module(&file) else {
            continue;
        };
        match compile_module_raw(&module, "t.py") {
            Ok(code) => {
                compiled += 1;
                if let Err(e) = check_stack_effects(&code) {
                    panic!("round {round}: {e}\n{text}");
                }
            }
            Err(e) => {
                errors += 1;
                assert!(
                    !e.msg.contains("internal compiler error"),
                    "round {round}: {}\n{text}",
                    e.msg
                );
            }
        }
    }
    eprintln!("{compiled} compiled, {errors} compile errors");
}
