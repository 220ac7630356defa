//! The bytecode that the compiler emits and the VM runs. It is modelled on CPython 3.11's
//! (`Lib/dis.py` documents the originals; names here match them where the meaning matches) with
//! two deliberate simplifications: exception handling uses an explicit block stack
//! (`SetupFinally`/`PopBlock`, as CPython 3.9 did) instead of an exception table, and jump targets
//! are absolute instruction indices.
//!
//! Stack effects are written `[before] -> [after]`, top of stack on the right. `NULL` is the VM's
//! internal "no value" marker (never visible to scripts), used by the call protocol exactly as in
//! CPython 3.11: a call site looks like `[NULL, callable, args...]` or `[method, self, args...]`.

use super::span::Span;
use std::rc::Rc;

/// One instruction. `u32` operands index `CodeObject::consts`/`names`/`varnames`/`cells`, or are
/// jump targets (instruction indices) or counts, as documented per variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,

    // ---- stack shuffling ----
    /// `[a] -> []`
    PopTop,
    /// `[.., x(n-th from top) , ..] -> [.., x]`: push a copy of the n-th item (1 = TOS).
    Copy(u32),
    /// Swap TOS with the n-th item (n >= 2).
    Swap(u32),
    /// `[] -> [NULL]`
    PushNull,

    // ---- constants and variables ----
    LoadConst(u32),
    /// Fast locals (`varnames` index).
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: index into `cellvars ++ freevars`.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (for building a closure tuple).
    LoadClosure(u32),
    /// In a class body: look the name up in the class namespace first, then the cell.
    LoadClassDeref(u32),
    /// Name in `names`: locals dict (module/class body), then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),

    // ---- attributes and subscripts ----
    /// `[obj] -> [obj.name]`
    LoadAttr(u32),
    /// `[value, obj] -> []` (obj.name = value)
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [method, obj]` when `name` is a plain function found on the type (no bound
    /// method is allocated), else `[NULL, obj.name]`. Followed by `Call`.
    LoadMethod(u32),
    /// `[container, key] -> [container[key]]`
    BinarySubscr,
    /// `[value, container, key] -> []`
    StoreSubscr,
    /// `[container, key] -> []`
    DeleteSubscr,
    /// `[lower, upper] -> [slice]` (n = 2) or `[lower, upper, step] -> [slice]` (n = 3).
    BuildSlice(u32),

    // ---- operators ----
    /// `[a, b] -> [a op b]`
    BinaryOp(BinaryOpKind),
    /// `[a] -> [op a]`
    UnaryNegative,
    UnaryPositive,
    UnaryNot,
    UnaryInvert,
    /// `[a, b] -> [a op b]` for `<, <=, ==, !=, >, >=` (rich comparison, may call dunders).
    CompareOp(CompareKind),
    /// `[a, b] -> [a is b]`, negated when the flag is set (`is not`).
    IsOp(bool),
    /// `[a, b] -> [a in b]`, negated when the flag is set (`not in`).
    ContainsOp(bool),

    // ---- control flow (absolute targets) ----
    Jump(u32),
    /// `[x] -> []`, jump if falsy / truthy.
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `and`/`or`: if TOS is falsy (resp. truthy) jump and keep it, else pop it.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[iterator] -> [iterator, next]`, or on exhaustion pop the iterator and jump.
    ForIter(u32),

    // ---- building ----
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k1, v1, .. kn, vn] -> [dict]`
    BuildMap(u32),
    /// `[v1, .., vn, keys_tuple] -> [dict]`
    BuildConstKeyMap(u32),
    /// `[s1, .. sn] -> [s1 + .. + sn]` (f-strings)
    BuildString(u32),
    /// `[list, .., item] -> [list, ..]`: append item to the list n items down (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    /// `[dict, .., key, value] -> [dict, ..]`
    MapAdd(u32),
    /// `[list, .., iterable] -> [list, ..]`: `[*a, *b]`
    ListExtend(u32),
    SetUpdate(u32),
    /// `{**a}`: `[dict, .., mapping] -> [dict, ..]`
    DictUpdate(u32),
    /// `f(**a, **b)`: like DictUpdate but a repeated key is a TypeError naming the function.
    DictMerge(u32),
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[seq] -> [item_n-1, .., item_0]` (so stores happen left to right).
    UnpackSequence(u32),
    /// Starred assignment: low 8 bits = names before the star, high 24 bits = names after.
    UnpackEx(u32),
    /// f-string part. Flags: low 2 bits = conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`);
    /// bit 2 set = a format spec string is on the stack: `[value, spec] -> [str]`, else
    /// `[value] -> [str]`.
    FormatValue(u32),

    // ---- functions and calls ----
    /// Build a function from the code object on TOS. Flags say which extra items sit below it,
    /// in this order from the bottom: 0x01 defaults tuple, 0x02 kw-defaults dict,
    /// 0x04 annotations (unused, always absent), 0x08 closure tuple of cells.
    /// `[defaults?, kwdefaults?, closure?, code] -> [function]`. The qualname is in the code.
    MakeFunction(u32),
    /// Names for the keyword arguments of the next `Call`: `consts[i]` is a tuple of strings,
    /// matching the last `len` arguments of that call.
    KwNames(u32),
    /// `[NULL|method, callable|self, arg1, .. argN] -> [result]`
    Call(u32),
    /// `[NULL, callable, args_tuple] -> [result]` (flag 0) or
    /// `[NULL, callable, args_tuple, kwargs_dict] -> [result]` (flag 1).
    CallFunctionEx(u32),
    /// `[value] -> []`: return from the frame.
    ReturnValue,
    /// `[] -> [__build_class__]` (called as `__build_class__(body_fn, name, *bases, **kw)`).
    LoadBuildClass,

    // ---- generators, coroutines ----
    /// `[value] -> [sent]`: suspend the frame, handing `value` to whoever resumed it; on
    /// resumption the sent value (or a thrown exception) arrives here.
    YieldValue,
    /// `[obj] -> [iter]`: for `yield from`; coroutines are only accepted inside a
    /// `types.coroutine` generator, as in CPython.
    GetYieldFromIter,
    /// `[obj] -> [awaitable iterator]`: for `await`. The operand says where (0 = `await`,
    /// 1 = after `__aenter__`, 2 = after `__aexit__`) so the error message can say so.
    GetAwaitable(u32),
    /// `[receiver, value] -> [receiver, yielded]` when the receiver yields (fall through to the
    /// following `YieldValue`), or `[receiver, value] -> [returned]` and jump to the target when
    /// it returns. Resuming a generator receiver pushes its frame: no Rust recursion.
    Send(u32),
    /// In an async generator, mark a `yield` value so `asend` can tell it apart from the
    /// awaits that pass through to the event loop: `[v] -> [wrapped v]`.
    AsyncGenWrap,
    /// `[aiterable] -> [aiterator]`
    GetAIter,
    /// `[aiterator] -> [aiterator, awaitable]`
    GetANext,
    /// Handler end of `async for`: `[aiterator, exc] -> []` if exc is StopAsyncIteration,
    /// else re-raise exc.
    EndAsyncFor,

    // ---- exceptions ----
    /// Push a handler block: if an exception is raised before the matching `PopBlock`, the
    /// value stack is cut back to its depth at this point, the exception is pushed, and
    /// execution jumps to the target.
    SetupFinally(u32),
    PopBlock,
    /// `[exc] -> [previous_exc_info, exc]` and make exc the exception being handled
    /// (what a bare `raise` and `__context__` see).
    PushExcInfo,
    /// `[previous_exc_info] -> []` and restore it as the exception being handled.
    PopExcept,
    /// `[exc, type] -> [exc, matches]`; TypeError if `type` is not an exception class/tuple.
    CheckExcMatch,
    /// `except*`: `[exc, type] -> [rest, matched]`: split an exception group; `matched` is None
    /// when nothing matches (a bare exception is wrapped in a group first).
    CheckEgMatch,
    /// `[exc] -> <raise>`: re-raise an exception as it is (no new traceback entry).
    Reraise,
    /// 0: bare `raise`; 1: `[exc] -> <raise>`; 2: `[exc, cause] -> <raise>` (`raise exc from cause`).
    RaiseVarargs(u32),
    /// `[] -> [AssertionError]`
    LoadAssertionError,

    // ---- with ----
    /// `[cm] -> [bound __exit__, bound __enter__]`; the compiler follows with `Call(0)`
    /// (after `PushNull`-free layout: the VM pushes `[exit, NULL, enter]` so `Call(0)` works).
    BeforeWith,
    /// `[cm] -> [bound __aexit__, NULL, bound __aenter__]`, then `Call(0)` + await.
    BeforeAsyncWith,
    /// In a `with` handler: `[exit, prev_exc, exc] -> [exit, prev_exc, exc, NULL, exit,
    /// type(exc), exc, tb]`; the compiler follows with `Call(3)`.
    WithExceptStart,

    // ---- imports ----
    /// `[] -> [module]`: import the (possibly dotted) module `names[i]`; like CPython, pushes
    /// the top-level package for `import a.b` and the leaf when followed by `ImportFrom`.
    ImportName(u32),
    /// `[module] -> [module, module.name]`
    ImportFrom(u32),
    /// `[module] -> []`: `from m import *`.
    ImportStar,

    // ---- misc ----
    /// `[name_value] -> []`: set up `__annotations__`-free annotated name (no-op store target).
    SetupAnnotations,
    /// Pop TOS and print its repr if not None (interactive mode; unused by scripts).
    PrintExpr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOpKind {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    InplaceAdd,
    InplaceSub,
    InplaceMul,
    InplaceMatMul,
    InplaceTrueDiv,
    InplaceFloorDiv,
    InplaceMod,
    InplacePow,
    InplaceLShift,
    InplaceRShift,
    InplaceAnd,
    InplaceOr,
    InplaceXor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareKind {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// Compile-time constants.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int past i64, as decimal digits (made a big int when loaded).
    BigInt(Rc<str>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Ellipsis,
    Tuple(Rc<[Const]>),
    Code(Rc<CodeObject>),
}

/// Code flags, CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A compiled function body, module or class body (CPython's `PyCodeObject`).
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: `f`, `<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, a class name.
    pub name: Rc<str>,
    /// `co_qualname`: `Outer.method`, `gather.<locals>._done_callback`.
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// Source span of each instruction (same length as `instrs`): the line for tracebacks and
    /// line-stepping, the columns for CPython 3.11's `~~~^^^` traceback markers.
    pub spans: Vec<Span>,
    pub consts: Vec<Const>,
    /// Global, attribute and imported names.
    pub names: Vec<Rc<str>>,
    /// Fast locals: parameters first (positional, then keyword-only, then `*args`, `**kwargs`),
    /// then other locals.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions (cells created by this frame).
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing functions (cells received in the closure).
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, the index of that parameter in `varnames`
    /// (the VM moves the argument into the cell on entry).
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Deepest value stack the body needs (lets the VM allocate once).
    pub stacksize: u32,
}

impl CodeObject {
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }
    pub fn is_coroutine(&self) -> bool {
        self.flags & flags::COROUTINE != 0
    }
    pub fn is_async_generator(&self) -> bool {
        self.flags & flags::ASYNC_GENERATOR != 0
    }
    /// Line of instruction `i` (for tracebacks and line events).
    pub fn line_of(&self, i: usize) -> u32 {
        self.spans.get(i).map(|s| s.line).unwrap_or(self.first_line)
    }
}
