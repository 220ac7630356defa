//! AST to bytecode, mirroring CPython 3.11's `Python/compile.c` (evaluation order, scoping, code
//! flags, names, the call protocol, what is a compile-time SyntaxError), with the exception
//! handling of `bytecode.rs`: an explicit block stack (`SetupFinally`/`PopBlock`) instead of
//! CPython's exception table. The handler layouts below are CPython 3.11's, translated:
//! where 3.11 says `SETUP_CLEANUP` / `SETUP_WITH` we emit `SetupFinally` at the same spot, and
//! the handler finds the stack cut back to the depth at that spot plus the exception (3.11 also
//! pushes `lasti`, which we do not have).
//!
//! Layouts the VM must agree with (depths relative to the statement's start, top on the right):
//! - `try/except`: `SetupFinally(H) body PopBlock orelse Jump(END)`; at H `[exc]`:
//!   `SetupFinally(C) PushExcInfo` -> `[prev, exc]`; per clause `type CheckExcMatch
//!   PopJumpIfFalse(next)`; `as e`: store e, `SetupFinally(E) body PopBlock PopBlock PopExcept
//!   e=None del e`; at E `[prev, exc2]`: `e=None del e Reraise`. No match: `Reraise`.
//!   C (cleanup) `[prev, exc2]`: `Swap(2) PopExcept Reraise`.
//! - `finally`: `SetupFinally(F) body PopBlock final Jump`; at F `[exc]`: `SetupFinally(C)
//!   PushExcInfo final Reraise`, C as above.
//! - `with`: `cm BeforeWith Call(0)` -> `[exit, value]`; store or pop value; `SetupFinally(W)
//!   body PopBlock` then `exit(None, None, None)` as `LoadConst None, Copy 1, Copy 1, Call(2)`
//!   (exit sits in the method slot, the first None in the self slot, as in CPython 3.11);
//!   at W `[exit, exc]`: `SetupFinally(C) PushExcInfo WithExceptStart Call(3)
//!   PopJumpIfTrue(S) Reraise`; S: `PopTop PopBlock PopExcept PopTop`.
//! - `await x`: `x GetAwaitable(0) LoadConst None` then the send loop
//!   `L: Send(END) YieldValue Jump(L) END:`; `yield from` the same after `GetYieldFromIter`.
//! - `async for`: `it GetAIter L: SetupFinally(H) GetANext LoadConst None <send loop> PopBlock
//!   target body Jump(L)`; at H `[aiter, exc]`: `EndAsyncFor`.
//! - Comprehensions: a function whose only parameter is `.0` (the iterator, already `GetIter`'d
//!   or `GetAIter`'d by the caller), called as `MakeFunction`, iterator, `Call(0)` (the
//!   function in the method slot, the iterator in the self slot: CPython 3.11's trick).
//!   `ListAppend(n)`/`SetAdd(n)`/`MapAdd(n)` pop the item(s), then the container is the n-th
//!   item from the top (CPython's `PEEK(n)`). A comprehension with `await`/`async for` inside an
//!   async function is a coroutine the caller awaits (`GetAwaitable(0)` + send loop after the
//!   call); an async generator expression is an async generator and is not awaited.
//! - `Call(n)` with a non-NULL method slot calls `slot(self_slot, args...)`; besides
//!   `LoadMethod` this is how decorators (`[deco, func] Call(0)`), `with` exits, comprehension
//!   calls and `assert x, msg` (`LoadAssertionError msg Call(0)`) are called, as in CPython 3.11.
//! - `f(*a)` pushes `a` itself, so `CallFunctionEx` must turn a non-tuple iterable into a tuple
//!   (with CPython's "argument after * must be an iterable" error); with `**` the dict is always
//!   a fresh one built with `BuildMap`/`DictMerge`.
//! - `except*`: see `try_star_except`; `CheckEgMatch` must accept `None` (nothing left to
//!   match) and then push `[None, None]`.
//! - `import a.b` is `ImportName("a.b")` storing the top package; `import a.b as c` is
//!   `ImportName("a.b") LoadAttr(b)`; `from m import x` is `ImportName(m) ImportFrom(x)... PopTop`;
//!   `from m import *` is `ImportName(m) ImportStar`.
//! - A class body stores `__module__` (from `__name__`) and `__qualname__` first and returns its
//!   `__class__` cell (after storing it as `__classcell__`) when a method uses `super()` or
//!   `__class__`, else None. `__class__` is then `cellvars[0]` of the class body and a free
//!   variable of the methods; zero-argument `super()` finds it there and takes the first
//!   argument from `varnames[0]` (or its cell, see `cell2arg`).
//! - `consts[0]` of a `def` is its docstring or None (never for lambdas, which get None there
//!   too, or comprehensions); module and class docstrings are stored as `__doc__`.
//! - Annotations follow CPython 3.11: a module or class body with an annotated assignment
//!   starts with `SetupAnnotations`, and `x: T = v` there stores `v` then `__annotations__['x']
//!   = T`; complex targets evaluate `T` and drop it. In function bodies annotations are never
//!   evaluated; parameter and return annotations are evaluated when the `def` runs, into the
//!   tuple `MakeFunction` flag 0x04 turns into the function's `__annotations__`.
//! - In `with cm as target`, the target is stored before the `SetupFinally(W)`; a target that
//!   can fail to store (not a plain name) is stored from a copy inside its own
//!   `SetupFinally(P) Copy(1) <store> PopBlock PopTop`; P (`[exit, value, exc]`) does
//!   `Swap(2) PopTop` and falls into W.
//! - Locations follow CPython's line table (the set of lines with instructions is tested to be
//!   CPython's): handler entries carry the first `except`/`finally` statement's location, so
//!   catching an exception does not revisit the `try:` line. An instruction CPython leaves
//!   without a line (e.g. a loop's back jump reached from several lines) has `line == 0`
//!   (`NO_LINE`): it must never start a line event; none of them can raise. With that, CPython
//!   3.11's tracing rule gives its exact line events (verified against `sys.settrace`): an
//!   event fires before an instruction whose line is not 0 when that line differs from the
//!   line of the instruction executed just before in the frame (0 included), or when control
//!   jumped backwards to it, unless it is a `Send` (the await/yield-from loop).
//! - Every handler's recorded depth is at most the stack depth left by any instruction in its
//!   region after that instruction consumed its inputs (`analyze_stack` checks it), so the VM
//!   only ever cuts the stack down, never up.

use super::ast::*;
use super::bytecode::{flags, BinaryOpKind, CodeObject, CompareKind, Const, Instr};
use super::span::{SourceFile, Span};
use super::symtable::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

pub use super::symtable::CompileError;

thread_local! {
    /// The SyntaxWarnings of the last `compile_module_raw` (line, message), in the order
    /// CPython's compiler issues them.
    static SYNTAX_WARNINGS: std::cell::RefCell<Vec<(u32, Cow<'static, str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The SyntaxWarnings the last compile found (`"is" with a literal`, an assert on a tuple):
/// CPython prints them on stderr before the module runs.
pub fn take_syntax_warnings() -> Vec<(u32, Cow<'static, str>)> {
    SYNTAX_WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()))
}

fn syntax_warning(line: u32, msg: impl Into<Cow<'static, str>>) {
    SYNTAX_WARNINGS.with(|w| w.borrow_mut().push((line, msg.into())));
}

/// CPython's `infer_type`: the type a literal-ish expression is known to have at compile time
/// (after the AST optimizer's folding of constants), by `tp_name`.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Constant(c) => constant_type(c),
        ExprKind::UnaryOp { op, operand } if folds_to_constant(e) => match (op, &operand.kind) {
            (UnaryOp::Not, _) => "bool",
            (_, ExprKind::Constant(Constant::Float(_))) => "float",
            _ => "int",
        },
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        _ => return None,
    })
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::True | Constant::False => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
    }
}

/// A `Constant_kind` node once CPython's AST optimizer has run: a literal, or a unary
/// operator or tuple it folds into one.
fn is_folded_constant(e: &Expr) -> bool {
    !matches!(e.kind, ExprKind::Tuple { .. }) && folds_to_constant(e)
}

/// CPython's `check_caller`: calling a literal is almost always a missing comma
/// (`[(1, 2) (3, 4)]`).
fn check_caller(line: u32, func: &Expr) {
    let warns = is_folded_constant(func)
        || matches!(
            func.kind,
            ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set(_)
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr(_)
                | ExprKind::FormattedValue { .. }
        );
    if let (true, Some(t)) = (warns, infer_type(func)) {
        syntax_warning(
            line,
            format!("'{t}' object is not callable; perhaps you missed a comma?"),
        );
    }
}

/// CPython's `check_subscripter` and `check_index`, for a subscript that loads.
fn check_subscript(line: u32, value: &Expr, slice: &Expr) {
    let not_subscriptable = match &value.kind {
        ExprKind::Set(_)
        | ExprKind::SetComp { .. }
        | ExprKind::GeneratorExp { .. }
        | ExprKind::Lambda { .. } => true,
        _ => {
            is_folded_constant(value)
                && matches!(
                    infer_type(value),
                    Some("NoneType" | "ellipsis" | "int" | "bool" | "float")
                )
        }
    };
    if not_subscriptable {
        if let Some(t) = infer_type(value) {
            syntax_warning(
                line,
                format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
            );
        }
        return;
    }
    let Some(index) = infer_type(slice) else {
        return;
    };
    if matches!(index, "int" | "bool") {
        return;
    }
    let indexable = match &value.kind {
        ExprKind::Tuple { .. }
        | ExprKind::List { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::JoinedStr(_)
        | ExprKind::FormattedValue { .. } => true,
        _ => is_folded_constant(value) && matches!(infer_type(value), Some("str" | "bytes")),
    };
    if let (true, Some(t)) = (indexable, infer_type(value)) {
        syntax_warning(
            line,
            format!(
                "{t} indices must be integers or slices, not {index}; perhaps you missed a comma?"
            ),
        );
    }
}

/// CPython's `check_is_arg`: anything but a literal (after constant folding), or a literal
/// that is a singleton (None, True, False, Ellipsis).
fn is_arg_ok(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(c) => matches!(
            c,
            Constant::None | Constant::True | Constant::False | Constant::Ellipsis
        ),
        ExprKind::UnaryOp { op, operand } => match op {
            // `not <literal>` folds to a bool, a singleton
            UnaryOp::Not => true,
            _ => !matches!(
                &operand.kind,
                ExprKind::Constant(Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_))
            ),
        },
        ExprKind::Tuple { elts, ctx } => {
            *ctx != ExprContext::Load || !elts.iter().all(folds_to_constant)
        }
        _ => true,
    }
}

/// Whether the AST optimizer turns the expression into a constant (the common cases).
fn folds_to_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp { operand, .. } => matches!(
            &operand.kind,
            ExprKind::Constant(
                Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::True
                    | Constant::False
            )
        ),
        ExprKind::Tuple { elts, ctx } => {
            *ctx == ExprContext::Load && elts.iter().all(folds_to_constant)
        }
        _ => false,
    }
}

/// CPython's `check_compare`: one warning at most per comparison.
fn check_compare(line: u32, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
    let mut left_ok = is_arg_ok(left);
    for (op, right) in ops.iter().zip(comparators) {
        let right_ok = is_arg_ok(right);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!left_ok || !right_ok) {
            syntax_warning(
                line,
                if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                },
            );
            return;
        }
        left_ok = right_ok;
    }
}

/// CPython's `STACK_USE_GUIDELINE`: beyond this many items, builds go item by item.
const STACK_USE_GUIDELINE: usize = 30;

/// Compile a parsed module to its code object (nested code objects sit in `consts`).
pub fn compile_module(
    module: &Module,
    src: &SourceFile,
) -> Result<Rc<CodeObject>, super::error::SyntaxError> {
    compile_module_raw(module, &src.name).map_err(|e| to_syntax_error(e, src))
}

fn to_syntax_error(e: CompileError, src: &SourceFile) -> super::error::SyntaxError {
    let _ = src;
    super::error::SyntaxError::new(e.msg, e.span)
}

/// Like `compile_module` but with the compiler's own error type (no source excerpt).
pub fn compile_module_raw(module: &Module, filename: &str) -> CResult<Rc<CodeObject>> {
    let mut c = Compiler::for_module(module, filename)?;
    let first = module
        .body
        .first()
        .map_or(Span::new(0, 0, 1, 1), |s| s.span);
    c.enter_scope("<module>".into(), ScopeType::Module, 0, 1, first)?;
    c.body(&module.body)?;
    c.exit_scope()
}

/// `compile(text, filename, "eval")`: a code object that evaluates the one expression
/// statement `module` holds and returns its value (CPython's `Expression` node).
pub fn compile_eval_raw(module: &Module, filename: &str) -> CResult<Rc<CodeObject>> {
    let [Stmt {
        kind: StmtKind::Expr(expr),
        ..
    }] = module.body.as_slice()
    else {
        return Err(internal("eval: not one expression", Span::default()));
    };
    let mut c = Compiler::for_module(module, filename)?;
    c.enter_scope("<module>".into(), ScopeType::Module, 0, 1, expr.span)?;
    c.set_loc(expr.span);
    c.expr(expr)?;
    c.emit(Instr::ReturnValue);
    c.exit_scope()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

type Label = u32;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FbKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Copy)]
struct FBlock<'a> {
    kind: FbKind,
    /// Loop start (target of `continue`).
    block: Label,
    /// Loop exit (target of `break`).
    exit: Label,
    finalbody: &'a [Stmt],
    name: Option<&'a str>,
    /// The `with` statement, whose location the exit call takes when unwinding.
    span: Span,
}

struct Unit<'a> {
    scope: ScopeId,
    scope_type: ScopeType,
    name: Rc<str>,
    qualname: Rc<str>,
    first_line: u32,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    labels: Vec<u32>,
    consts: Vec<Const>,
    names: Vec<Rc<str>>,
    names_idx: HashMap<Rc<str>, u32>,
    /// Where each str and int constant sits in `consts`: a module's big literal tables
    /// (html.entities has thousands) would make the linear search quadratic.
    str_consts: HashMap<Rc<str>, u32>,
    int_consts: HashMap<i64, u32>,
    varnames: Vec<Rc<str>>,
    nparams: usize,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    fblocks: Vec<FBlock<'a>>,
    loc: Span,
    private: Option<String>,
}

struct Compiler<'a> {
    st: SymbolTable,
    units: Vec<Unit<'a>>,
    filename: Rc<str>,
    depth: u32,
}

impl<'a> Compiler<'a> {
    /// A compiler for `module`'s code, its symbol table built and the last compile's
    /// SyntaxWarnings cleared.
    fn for_module(module: &Module, filename: &str) -> CResult<Compiler<'a>> {
        SYNTAX_WARNINGS.with(|w| w.borrow_mut().clear());
        Ok(Compiler {
            st: SymbolTable::build(module)?,
            units: Vec::new(),
            filename: filename.into(),
            depth: 0,
        })
    }
}

fn internal(msg: &str, span: Span) -> CompileError {
    CompileError::new(format!("internal compiler error: {msg}"), span)
}

const UNRESOLVED: u32 = u32::MAX;

/// Location of an instruction CPython marks artificial (`UNSET_LOC`, `*_NOLINE`): resolved at
/// assembly by `propagate_lines`, which leaves `NO_LINE` where CPython leaves no line.
const ARTIFICIAL: Span = Span {
    start: 0,
    end: 0,
    line: u32::MAX,
    col: 0,
};

/// "No line" (CPython's `None` in `co_lines`): such an instruction never starts a line event.
pub const NO_LINE: Span = Span {
    start: 0,
    end: 0,
    line: 0,
    col: 0,
};

impl<'a> Compiler<'a> {
    // ------------------------------------------------------------------ units and emission

    fn u(&mut self) -> &mut Unit<'a> {
        // Invariant: a unit exists from `enter_scope` of the module to its `exit_scope`.
        self.units
            .last_mut()
            .expect("compiler unit stack is never empty while compiling")
    }

    fn ur(&self) -> &Unit<'a> {
        self.units
            .last()
            .expect("compiler unit stack is never empty while compiling")
    }

    fn ste(&self) -> &Scope {
        &self.st.scopes[self.ur().scope]
    }

    fn loc(&self) -> Span {
        self.ur().loc
    }

    fn set_loc(&mut self, s: Span) {
        self.u().loc = s;
    }

    fn emit(&mut self, i: Instr) {
        let u = self.u();
        u.instrs.push(i);
        let l = u.loc;
        u.spans.push(l);
    }

    /// An instruction CPython marks artificial: it takes the location of the one before it.
    fn emit_noloc(&mut self, i: Instr) {
        let u = self.u();
        u.instrs.push(i);
        u.spans.push(ARTIFICIAL);
    }

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(UNRESOLVED);
        (u.labels.len() - 1) as Label
    }

    fn bind(&mut self, l: Label) {
        let u = self.u();
        let here = u.instrs.len() as u32;
        if let Some(slot) = u.labels.get_mut(l as usize) {
            *slot = here;
        }
    }

    fn add_const(&mut self, c: Const) -> u32 {
        let u = self.u();
        let i = u.consts.len() as u32;
        match &c {
            Const::Str(s) => {
                if let Some(&j) = u.str_consts.get(s) {
                    return j;
                }
                u.str_consts.insert(s.clone(), i);
            }
            Const::Int(n) => {
                if let Some(&j) = u.int_consts.get(n) {
                    return j;
                }
                u.int_consts.insert(*n, i);
            }
            Const::Code(_) => {}
            _ => {
                if let Some(j) = u.consts.iter().position(|x| const_key_eq(x, &c)) {
                    return j as u32;
                }
            }
        }
        u.consts.push(c);
        i
    }

    fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    fn add_name(&mut self, name: &str) -> u32 {
        let mangled = mangle(self.ur().private.as_deref(), name);
        self.add_name_raw(&mangled)
    }

    fn add_name_raw(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.names_idx.get(name) {
            return i;
        }
        let rc: Rc<str> = name.into();
        u.names.push(rc.clone());
        let i = (u.names.len() - 1) as u32;
        u.names_idx.insert(rc, i);
        i
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|v| &**v == name) {
            return i as u32;
        }
        u.varnames.push(name.into());
        (u.varnames.len() - 1) as u32
    }

    fn enter_scope(
        &mut self,
        name: Rc<str>,
        scope_type: ScopeType,
        scope: ScopeId,
        first_line: u32,
        loc: Span,
    ) -> CResult<()> {
        let ste = self
            .st
            .scope(scope)
            .ok_or_else(|| internal("missing scope", loc))?;
        let varnames: Vec<Rc<str>> = ste.varnames.iter().map(|s| Rc::from(s.as_str())).collect();
        // CPython 3.11's localsplus order: cells that are parameters first (in parameter
        // order), then the other cells sorted.
        let mut cellvars: Vec<Rc<str>> = Vec::new();
        let sorted = ste.names_sorted(NameScope::Cell, 0);
        for p in &ste.varnames {
            if sorted.contains(p) {
                cellvars.push(p.as_str().into());
            }
        }
        for c in sorted {
            if !ste.varnames.contains(&c) {
                cellvars.push(c.into());
            }
        }
        if ste.needs_class_closure {
            cellvars.insert(0, "__class__".into());
        }
        let freevars: Vec<Rc<str>> = ste
            .names_sorted(NameScope::Free, DEF_FREE_CLASS)
            .into_iter()
            .map(Rc::from)
            .collect();
        let private = self.units.last().and_then(|p| p.private.clone());
        let qualname = self.qualname_for(&name, scope_type);
        let nparams = varnames.len();
        self.units.push(Unit {
            scope,
            scope_type,
            name,
            qualname,
            first_line,
            instrs: Vec::new(),
            spans: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            names_idx: HashMap::new(),
            str_consts: HashMap::new(),
            int_consts: HashMap::new(),
            varnames,
            nparams,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            fblocks: Vec::new(),
            loc,
            private,
        });
        Ok(())
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, scope_type: ScopeType) -> Rc<str> {
        if self.units.len() <= 1 {
            return name.into();
        }
        let Some(parent) = self.units.last() else {
            return name.into();
        };
        if matches!(
            scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.into();
            }
        }
        let base = if matches!(
            parent.scope_type,
            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.to_string()
        };
        format!("{base}.{name}").into()
    }

    fn exit_scope(&mut self) -> CResult<Rc<CodeObject>> {
        // Every path that falls off the end returns None.
        let needs_return = {
            let u = self.ur();
            let end = u.instrs.len() as u32;
            !matches!(u.instrs.last(), Some(Instr::ReturnValue)) || u.labels.contains(&end)
        };
        let mut implicit_return = None;
        if needs_return {
            let i = self.add_const(Const::None);
            implicit_return = Some(self.ur().instrs.len());
            self.emit_noloc(Instr::LoadConst(i));
            self.emit_noloc(Instr::ReturnValue);
        }
        let flags = self.code_flags();
        let Some(mut u) = self.units.pop() else {
            return Err(internal("no unit to exit", Span::default()));
        };
        // Resolve labels.
        for (idx, ins) in u.instrs.iter_mut().enumerate() {
            if let Some(l) = jump_target(*ins) {
                let target = u.labels.get(l as usize).copied().unwrap_or(UNRESOLVED);
                if target == UNRESOLVED {
                    let span = u.spans.get(idx).copied().unwrap_or_default();
                    return Err(internal("unbound label", span));
                }
                *ins = with_target(*ins, target);
            }
        }
        if let Some(r) = implicit_return {
            inline_implicit_return(&mut u.instrs, &mut u.spans, r);
        }
        let (stacksize, reachable) = analyze(&u.instrs).map_err(|m| internal(&m, u.loc))?;
        let keep: Vec<bool> = reachable;
        remove_instrs(&mut u.instrs, &mut u.spans, &keep);
        propagate_lines(&u.instrs, &mut u.spans);
        let keep = redundant_nops(&u.instrs, &u.spans);
        remove_instrs(&mut u.instrs, &mut u.spans, &keep);
        let nparams = u.nparams;
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                u.varnames
                    .iter()
                    .take(nparams)
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        let code = CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instrs: u.instrs,
            spans: u.spans,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            stacksize,
        };
        Ok(Rc::new(code))
    }

    fn code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut f = 0;
        if ste.kind == BlockKind::Function {
            f |= flags::NEWLOCALS | flags::OPTIMIZED;
            if ste.nested {
                f |= flags::NESTED;
            }
            match (ste.is_generator, ste.is_coroutine) {
                (true, false) => f |= flags::GENERATOR,
                (false, true) => f |= flags::COROUTINE,
                (true, true) => f |= flags::ASYNC_GENERATOR,
                _ => {}
            }
            if ste.varargs {
                f |= flags::VARARGS;
            }
            if ste.varkeywords {
                f |= flags::VARKEYWORDS;
            }
        }
        f
    }

    fn push_fblock(&mut self, kind: FbKind, block: Label, exit: Label) -> CResult<()> {
        self.push_fblock_full(kind, block, exit, &[], None)
    }

    fn push_fblock_full(
        &mut self,
        kind: FbKind,
        block: Label,
        exit: Label,
        finalbody: &'a [Stmt],
        name: Option<&'a str>,
    ) -> CResult<()> {
        let span = self.loc();
        // CPython's CO_MAXBLOCKS.
        if self.ur().fblocks.len() >= 20 {
            return Err(CompileError::new("too many statically nested blocks", span));
        }
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            finalbody,
            name,
            span,
        });
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    fn enter_depth(&mut self, span: Span) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(CompileError::new(
                "too many nested expressions or statements",
                span,
            ));
        }
        Ok(())
    }

    // ------------------------------------------------------------------ names

    /// CPython's `forbidden_name`: `__debug__` can be neither bound nor deleted.
    fn forbidden_name(&self, name: &str, ctx: ExprContext) -> CResult<()> {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => {
                    return Err(CompileError::new("cannot assign to __debug__", self.loc()))
                }
                ExprContext::Del => {
                    return Err(CompileError::new("cannot delete __debug__", self.loc()))
                }
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    fn check_debug_args(&self, a: &Arguments) -> CResult<()> {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(a.vararg.iter())
            .chain(&a.kwonlyargs)
            .chain(a.kwarg.iter());
        for arg in all {
            self.forbidden_name(&arg.name, ExprContext::Store)?;
        }
        Ok(())
    }

    fn nameop(&mut self, name: &str, ctx: ExprContext) -> CResult<()> {
        self.forbidden_name(name, ctx)?;
        if name == "__debug__" {
            // CPython's AST optimizer turns `__debug__` into the constant True (no -O here).
            self.load_const(Const::Bool(true));
            return Ok(());
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let ste = self.ste();
        let is_func = ste.kind == BlockKind::Function;
        let is_class = ste.kind == BlockKind::Class;
        let scope = ste.scope_of(&mangled);
        enum Op {
            Deref(u32),
            Fast,
            Global,
            Name,
        }
        let op = match scope {
            NameScope::Free => {
                let u = self.ur();
                let i = u.freevars.iter().position(|v| **v == *mangled);
                let i = i.ok_or_else(|| internal("free variable not found", u.loc))?;
                Op::Deref((u.cellvars.len() + i) as u32)
            }
            NameScope::Cell => {
                let u = self.ur();
                let i = u.cellvars.iter().position(|v| **v == *mangled);
                Op::Deref(i.ok_or_else(|| internal("cell variable not found", u.loc))? as u32)
            }
            NameScope::Local if is_func => Op::Fast,
            // The parser's temporaries (`$m0`, a `match` subject) live in the frame's slots
            // at module and class level too: CPython keeps them on its value stack, so they
            // must not appear in `globals()` or a class's `__dict__`.
            NameScope::Local if mangled.starts_with('$') => Op::Fast,
            NameScope::GlobalImplicit if is_func => Op::Global,
            NameScope::GlobalExplicit => Op::Global,
            _ => Op::Name,
        };
        let ins = match op {
            Op::Deref(i) => match ctx {
                ExprContext::Load if is_class => Instr::LoadClassDeref(i),
                ExprContext::Load => Instr::LoadDeref(i),
                ExprContext::Store => Instr::StoreDeref(i),
                ExprContext::Del => Instr::DeleteDeref(i),
            },
            Op::Fast => {
                let i = self.varname_index(&mangled);
                match ctx {
                    ExprContext::Load => Instr::LoadFast(i),
                    ExprContext::Store => Instr::StoreFast(i),
                    ExprContext::Del => Instr::DeleteFast(i),
                }
            }
            Op::Global => {
                let i = self.add_name_raw(&mangled);
                match ctx {
                    ExprContext::Load => Instr::LoadGlobal(i),
                    ExprContext::Store => Instr::StoreGlobal(i),
                    ExprContext::Del => Instr::DeleteGlobal(i),
                }
            }
            Op::Name => {
                let i = self.add_name_raw(&mangled);
                match ctx {
                    ExprContext::Load => Instr::LoadName(i),
                    ExprContext::Store => Instr::StoreName(i),
                    ExprContext::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(ins);
        Ok(())
    }

    // ------------------------------------------------------------------ statements

    fn body(&mut self, stmts: &'a [Stmt]) -> CResult<()> {
        let (doc, rest) = split_docstring(stmts);
        let st = self.ur().scope_type;
        if (st == ScopeType::Module || st == ScopeType::Class) && find_ann(stmts) {
            if st == ScopeType::Module {
                if let Some(first) = stmts.first() {
                    self.set_loc(first.span);
                }
            }
            self.emit(Instr::SetupAnnotations);
        }
        if let Some((d, span)) = doc {
            self.set_loc(span);
            self.load_const(Const::Str(d.into()));
            self.nameop("__doc__", ExprContext::Store)?;
        }
        self.stmts(rest)
    }

    fn stmts(&mut self, stmts: &'a [Stmt]) -> CResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_depth(s.span)?;
        self.set_loc(s.span);
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        // Thin dispatch: this frame is paid once per nesting level (see `expr_inner`).
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return(v) => self.return_stmt(s, v.as_ref()),
            StmtKind::Delete(targets) => self.delete(targets),
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.augassign(s, target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(target, annotation, value.as_ref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            } => self.async_for(s, target, iter, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: false,
            } => self.for_stmt(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_start(s, items, body, *is_async),
            StmtKind::Raise { exc, cause } => self.raise(exc.as_ref(), cause.as_ref()),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => self.try_stmt(s, body, handlers, orelse, finalbody, *is_star),
            StmtKind::Assert { test, msg } => self.assert(test, msg.as_ref()),
            StmtKind::Import(names) => self.import(s, names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Pass => {
                self.emit(Instr::Nop);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s),
            StmtKind::Continue => self.continue_stmt(s),
        }
    }

    fn delete(&mut self, targets: &'a [Expr]) -> CResult<()> {
        for t in targets {
            self.expr(t)?;
        }
        Ok(())
    }

    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> CResult<()> {
        self.expr(value)?;
        let n = targets.len();
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Instr::Copy(1));
            }
            self.expr(t)?;
        }
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let end = self.new_label();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.emit_noloc(Instr::Jump(end));
            self.bind(next);
            self.stmts(orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    fn with_start(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult<()> {
        if is_async && self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(CompileError::new(
                "'async with' outside async function",
                s.span,
            ));
        }
        self.with_stmt(s, items, 0, body, is_async)
    }

    fn raise(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> CResult<()> {
        let mut n = 0;
        if let Some(e) = exc {
            self.expr(e)?;
            n += 1;
            if let Some(c) = cause {
                self.expr(c)?;
                n += 1;
            }
        }
        self.emit(Instr::RaiseVarargs(n));
        Ok(())
    }

    fn try_stmt(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> CResult<()> {
        if !finalbody.is_empty() {
            self.try_finally(s, body, handlers, orelse, finalbody, is_star)
        } else if is_star {
            self.try_star_except(s, body, handlers, orelse)
        } else {
            self.try_except(s, body, handlers, orelse)
        }
    }

    fn assert(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> CResult<()> {
        if let ExprKind::Tuple { elts, .. } = &test.kind {
            if !elts.is_empty() {
                syntax_warning(
                    self.loc().line,
                    "assertion is always true, perhaps remove parentheses?",
                );
            }
        }
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        self.emit(Instr::LoadAssertionError);
        if let Some(m) = msg {
            self.expr(m)?;
            self.emit(Instr::Call(0));
        }
        self.emit(Instr::RaiseVarargs(1));
        self.bind(end);
        Ok(())
    }

    fn import(&mut self, s: &'a Stmt, names: &'a [Alias]) -> CResult<()> {
        for a in names {
            self.set_loc(s.span);
            let ni = self.add_name(&a.name);
            self.emit(Instr::ImportName(ni));
            match &a.asname {
                Some(asname) => {
                    // `import a.b.c as d` binds the leaf: walk down from the package.
                    for part in a.name.split('.').skip(1) {
                        let pi = self.add_name(part);
                        self.emit(Instr::LoadAttr(pi));
                    }
                    self.nameop(asname, ExprContext::Store)?;
                }
                None => {
                    let top = a.name.split('.').next().unwrap_or(&a.name);
                    self.nameop(top, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32) -> CResult<()> {
        let mut modname = ".".repeat(level as usize);
        modname.push_str(module.unwrap_or(""));
        let mi = self.add_name(&modname);
        self.emit(Instr::ImportName(mi));
        for (i, a) in names.iter().enumerate() {
            if i == 0 && a.name == "*" {
                self.emit(Instr::ImportStar);
                return Ok(());
            }
            let ni = self.add_name(&a.name);
            self.emit(Instr::ImportFrom(ni));
            let store = a.asname.as_deref().unwrap_or(&a.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.emit(Instr::PopTop);
        Ok(())
    }

    fn expr_stmt(&mut self, e: &'a Expr) -> CResult<()> {
        if matches!(e.kind, ExprKind::Constant(_)) {
            self.emit(Instr::Nop);
            return Ok(());
        }
        self.expr(e)?;
        self.emit_noloc(Instr::PopTop);
        Ok(())
    }

    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> CResult<()> {
        let first_line = f
            .decorators
            .first()
            .map_or(s.span.line, |d| d.span.line.min(s.span.line));
        self.check_debug_args(&f.args)?;
        for d in &f.decorators {
            self.expr(d)?;
        }
        let mut funcflags = self.default_arguments(&f.args)?;
        if self.annotations(&f.args, f.returns.as_ref())? {
            funcflags |= 0x04;
        }
        let scope = self
            .st
            .scope_for_stmt(s)
            .ok_or_else(|| internal("no scope for def", s.span))?;
        let st = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(f.name.as_str().into(), st, scope, first_line, s.span)?;
        let (doc, body) = split_docstring(&f.body);
        self.add_const(doc.map_or(Const::None, |(d, _)| Const::Str(d.into())));
        self.set_arg_counts(&f.args);
        for st in body {
            self.stmt(st)?;
        }
        let code = self.exit_scope()?;
        self.set_loc(s.span);
        self.make_closure(code, funcflags)?;
        self.apply_decorators(&f.decorators);
        self.set_loc(s.span);
        self.nameop(&f.name, ExprContext::Store)
    }

    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.span);
            self.emit(Instr::Call(0));
        }
    }

    fn set_arg_counts(&mut self, a: &Arguments) {
        let u = self.u();
        u.argcount = (a.posonlyargs.len() + a.args.len()) as u32;
        u.posonlyargcount = a.posonlyargs.len() as u32;
        u.kwonlyargcount = a.kwonlyargs.len() as u32;
    }

    /// CPython 3.11 evaluates parameter and return annotations when the `def` runs, in
    /// parameter order, into the `(name, value, ...)` tuple `MakeFunction` flag 0x04 takes.
    fn annotations(&mut self, a: &'a Arguments, returns: Option<&'a Expr>) -> CResult<bool> {
        let params = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonlyargs)
            .chain(&a.kwarg);
        let mut n = 0;
        for arg in params {
            if let Some(ann) = &arg.annotation {
                let m = mangle(self.ur().private.as_deref(), &arg.name);
                self.load_const(Const::Str(m.into()));
                self.expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str("return".into()));
            self.expr(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Instr::BuildTuple(2 * n));
        }
        Ok(n > 0)
    }

    fn default_arguments(&mut self, a: &'a Arguments) -> CResult<u32> {
        let mut fl = 0;
        if !a.defaults.is_empty() {
            let folded: Option<Vec<Const>> = a.defaults.iter().map(|d| fold(d, 0)).collect();
            match folded {
                Some(v) => {
                    // CPython folds this tuple late, leaving a NOP where each default was
                    // loaded: a default on its own line still gets a line event.
                    let saved = self.loc();
                    for d in &a.defaults {
                        self.set_loc(d.span);
                        self.emit(Instr::Nop);
                    }
                    self.set_loc(saved);
                    self.load_const(Const::Tuple(v.into()));
                }
                None => {
                    for d in &a.defaults {
                        self.expr(d)?;
                    }
                    self.emit(Instr::BuildTuple(a.defaults.len() as u32));
                }
            }
            fl |= 0x01;
        }
        let mut keys = Vec::new();
        for (arg, d) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
            if let Some(d) = d {
                let m = mangle(self.ur().private.as_deref(), &arg.name);
                keys.push(Const::Str(m.into()));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Const::Tuple(keys.into()));
            self.emit(Instr::BuildConstKeyMap(n));
            fl |= 0x02;
        }
        Ok(fl)
    }

    fn make_closure(&mut self, code: Rc<CodeObject>, mut fl: u32) -> CResult<()> {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let u = self.ur();
                let is_cell = (u.scope_type == ScopeType::Class && &**name == "__class__")
                    || self.ste().scope_of(name) == NameScope::Cell;
                let idx = if is_cell {
                    u.cellvars.iter().position(|c| c == name)
                } else {
                    u.freevars
                        .iter()
                        .position(|c| c == name)
                        .map(|i| i + u.cellvars.len())
                };
                let idx = idx.ok_or_else(|| internal("closure variable not found", u.loc))?;
                self.emit(Instr::LoadClosure(idx as u32));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            fl |= 0x08;
        }
        self.load_const(Const::Code(code));
        self.emit(Instr::MakeFunction(fl));
        Ok(())
    }

    fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult<()> {
        let first_line = c
            .decorators
            .first()
            .map_or(s.span.line, |d| d.span.line.min(s.span.line));
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self
            .st
            .scope_for_stmt(s)
            .ok_or_else(|| internal("no scope for class", s.span))?;
        self.enter_scope(
            c.name.as_str().into(),
            ScopeType::Class,
            scope,
            first_line,
            s.span,
        )?;
        self.u().private = Some(c.name.clone());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let q = self.ur().qualname.clone();
        self.load_const(Const::Str(q));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(&c.body)?;
        if self.ste().needs_class_closure {
            let i = self.ur().cellvars.iter().position(|v| &**v == "__class__");
            let i = i.ok_or_else(|| internal("__class__ cell missing", s.span))?;
            self.emit_noloc(Instr::LoadClosure(i as u32));
            self.emit_noloc(Instr::Copy(1));
            let ni = self.add_name_raw("__classcell__");
            self.emit_noloc(Instr::StoreName(ni));
        } else {
            let i = self.add_const(Const::None);
            self.emit_noloc(Instr::LoadConst(i));
        }
        self.emit_noloc(Instr::ReturnValue);
        let code = self.exit_scope()?;
        self.set_loc(s.span);
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        self.make_closure(code, 0)?;
        self.load_const(Const::Str(c.name.as_str().into()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorators);
        self.set_loc(s.span);
        self.nameop(&c.name, ExprContext::Store)
    }

    fn return_stmt(&mut self, s: &'a Stmt, v: Option<&'a Expr>) -> CResult<()> {
        if self.ste().kind != BlockKind::Function {
            return Err(CompileError::new("'return' outside function", s.span));
        }
        if v.is_some() && self.ste().is_coroutine && self.ste().is_generator {
            return Err(CompileError::new(
                "'return' with value in async generator",
                s.span,
            ));
        }
        let constant = v.and_then(|e| fold(e, 0));
        let preserve_tos = v.is_some() && constant.is_none();
        match v {
            Some(e) if preserve_tos => self.expr(e)?,
            Some(e) => {
                // CPython's NOPs: the value's line and the statement's line both get an
                // instruction (redundant ones are dropped at assembly).
                self.set_loc(e.span);
                self.emit(Instr::Nop);
            }
            None => {}
        }
        if v.is_none_or(|e| e.span.line != s.span.line) {
            self.set_loc(s.span);
            self.emit(Instr::Nop);
        }
        // As in CPython, what follows takes whatever location the unwinding left (the last
        // statement of a `finally` that ran, say), so stepping does not jump back.
        self.unwind_fblock_stack(preserve_tos, false)?;
        if !preserve_tos {
            self.load_const(constant.unwrap_or(Const::None));
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn break_stmt(&mut self, s: &Stmt) -> CResult<()> {
        // CPython emits a NOP so the statement has a line even when unwinding moves code.
        self.emit(Instr::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(CompileError::new("'break' outside loop", s.span));
        };
        self.unwind_fblock(&lp, false)?;
        self.emit(Instr::Jump(lp.exit));
        Ok(())
    }

    fn continue_stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.emit(Instr::Nop);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(CompileError::new("'continue' not properly in loop", s.span));
        };
        self.emit(Instr::Jump(lp.block));
        Ok(())
    }

    /// Emit the exits of the enclosing blocks (innermost first) for `return`/`break`/`continue`.
    /// Returns the innermost loop when `stop_at_loop` (its own exit is the caller's business).
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let mut popped: Vec<FBlock<'a>> = Vec::new();
        let mut found = None;
        let result = loop {
            let Some(top) = self.ur().fblocks.last().copied() else {
                break Ok(());
            };
            if top.kind == FbKind::ExceptionGroupHandler {
                break Err(CompileError::new(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    self.loc(),
                ));
            }
            if stop_at_loop && matches!(top.kind, FbKind::WhileLoop | FbKind::ForLoop) {
                found = Some(top);
                break Ok(());
            }
            self.pop_fblock();
            popped.push(top);
            if let Err(e) = self.unwind_fblock(&top, preserve_tos) {
                break Err(e);
            }
        };
        while let Some(b) = popped.pop() {
            self.u().fblocks.push(b);
        }
        result.map(|_| found)
    }

    fn unwind_fblock(&mut self, b: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match b.kind {
            FbKind::WhileLoop
            | FbKind::ExceptionHandler
            | FbKind::ExceptionGroupHandler
            | FbKind::AsyncComprehensionGenerator => {}
            FbKind::ForLoop => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FbKind::TryExcept => self.emit(Instr::PopBlock),
            FbKind::FinallyTry => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.push_fblock(FbKind::PopValue, 0, 0)?;
                }
                // No location restore: like CPython, the code after the unwinding takes the
                // location of the last `finally` statement.
                let r = self.stmts(b.finalbody);
                if preserve_tos {
                    self.pop_fblock();
                }
                r?;
            }
            FbKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopBlock);
                self.emit(Instr::PopExcept);
            }
            FbKind::With | FbKind::AsyncWith => {
                let saved = self.loc();
                self.set_loc(b.span);
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
                if b.kind == FbKind::AsyncWith {
                    self.emit(Instr::GetAwaitable(2));
                    self.load_const(Const::None);
                    self.yield_from_loop();
                }
                self.emit(Instr::PopTop);
                // CPython: the exit call belongs to the `with`; what follows is artificial.
                let _ = saved;
                self.set_loc(ARTIFICIAL);
            }
            FbKind::HandlerCleanup => {
                if b.name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopBlock);
                self.emit(Instr::PopExcept);
                if let Some(n) = b.name {
                    self.load_const(Const::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FbKind::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.emit(Instr::Copy(1));
        self.emit(Instr::Copy(1));
        self.emit(Instr::Call(2));
    }

    fn augassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> CResult<()> {
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let ni = self.add_name(attr);
                self.emit(Instr::LoadAttr(ni));
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => {
                return Err(CompileError::new(
                    "illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        self.set_loc(s.span);
        self.expr(value)?;
        self.emit(Instr::BinaryOp(inplace_op(op)));
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.emit(Instr::Swap(2));
                let ni = self.add_name(attr);
                self.emit(Instr::StoreAttr(ni));
            }
            ExprKind::Subscript { .. } => {
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// The value is assigned; in a module or class a simple name's annotation is stored in
    /// `__annotations__` and a complex target's is evaluated and dropped; for `a.b: T` /
    /// `a[i]: T` without value the object parts are evaluated, as CPython does.
    fn annassign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult<()> {
        let st = self.ur().scope_type;
        let stores = st == ScopeType::Module || st == ScopeType::Class;
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        if let ExprKind::Name { id, .. } = &target.kind {
            if simple && stores {
                self.expr(annotation)?;
                let ni = self.add_name_raw("__annotations__");
                self.emit(Instr::LoadName(ni));
                let mangled = mangle(self.ur().private.as_deref(), id);
                self.load_const(Const::Str(mangled.as_str().into()));
                self.emit(Instr::StoreSubscr);
                return Ok(());
            }
        }
        if value.is_some() {
            if !simple && stores {
                self.expr(annotation)?;
                self.emit(Instr::PopTop);
            }
            return Ok(());
        }
        match &target.kind {
            ExprKind::Attribute { value: obj, .. } => {
                self.expr(obj)?;
                self.emit(Instr::PopTop);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.emit(Instr::PopTop);
                self.expr(slice)?;
                self.emit(Instr::PopTop);
            }
            _ => {}
        }
        if !simple && stores {
            self.expr(annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FbKind::ForLoop, start, end)?;
        self.expr(iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.emit(Instr::ForIter(cleanup));
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_noloc(Instr::Jump(start));
        self.bind(cleanup);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(CompileError::new(
                "'async for' outside async function",
                s.span,
            ));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.push_fblock(FbKind::ForLoop, start, end)?;
        self.emit(Instr::SetupFinally(except));
        self.emit(Instr::GetANext);
        self.load_const(Const::None);
        self.yield_from_loop();
        self.emit(Instr::PopBlock);
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_noloc(Instr::Jump(start));
        self.pop_fblock();
        self.bind(except);
        self.set_loc(iter.span);
        self.emit(Instr::EndAsyncFor);
        self.set_loc(s.span);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let lp = self.new_label();
        let body_l = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(lp);
        self.push_fblock(FbKind::WhileLoop, lp, end)?;
        self.jump_if(test, anchor, false)?;
        self.bind(body_l);
        self.stmts(body)?;
        self.set_loc(s.span);
        self.jump_if(test, body_l, true)?;
        self.pop_fblock();
        self.bind(anchor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        pos: usize,
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult<()> {
        let Some(item) = items.get(pos) else {
            return Err(internal("with without items", s.span));
        };
        self.enter_depth(s.span)?;
        let final_l = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(s.span);
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::Call(0));
            self.emit(Instr::GetAwaitable(1));
            self.load_const(Const::None);
            self.yield_from_loop();
        } else {
            self.emit(Instr::BeforeWith);
            self.emit(Instr::Call(0));
        }
        // The block is set up after the target store: our SetupFinally records the stack depth
        // at its own position, and the handler needs just `[exit]` below the exception. A
        // store that can fail (attribute, subscript, unpacking) gets its own small block whose
        // handler drops the value and joins the `__exit__` handler, as CPython's would.
        let mut store_handler = None;
        match &item.optional_vars {
            Some(t) if matches!(t.kind, ExprKind::Name { .. }) => self.expr(t)?,
            Some(t) => {
                // The store consumes its operand before it can fail, and a handler cannot
                // restore popped values: store a copy, drop the original afterwards.
                let pre = self.new_label();
                self.emit(Instr::SetupFinally(pre));
                self.emit(Instr::Copy(1));
                self.expr(t)?;
                self.set_loc(s.span);
                self.emit(Instr::PopBlock);
                self.emit(Instr::PopTop);
                store_handler = Some(pre);
            }
            None => self.emit(Instr::PopTop),
        }
        self.set_loc(s.span);
        self.emit(Instr::SetupFinally(final_l));
        self.push_fblock(
            if is_async {
                FbKind::AsyncWith
            } else {
                FbKind::With
            },
            final_l,
            0,
        )?;
        if pos + 1 < items.len() {
            self.with_stmt(s, items, pos + 1, body, is_async)?;
        } else {
            self.stmts(body)?;
        }
        self.pop_fblock();
        self.set_loc(s.span);
        self.emit(Instr::PopBlock);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Instr::GetAwaitable(2));
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        self.emit(Instr::PopTop);
        self.emit(Instr::Jump(exit));
        if let Some(pre) = store_handler {
            // [exit, value, exc] -> [exit, exc], then the common handler.
            self.bind(pre);
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopTop);
        }
        self.bind(final_l);
        self.emit(Instr::SetupFinally(cleanup));
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit(Instr::GetAwaitable(2));
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        let suppress = self.new_label();
        self.emit(Instr::PopJumpIfTrue(suppress));
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopBlock);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit(Instr::Jump(exit));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.depth -= 1;
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_noloc(Instr::Swap(2));
        self.emit_noloc(Instr::PopExcept);
        self.emit_noloc(Instr::Reraise);
    }

    fn try_finally(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> CResult<()> {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit(Instr::SetupFinally(end));
        self.push_fblock_full(FbKind::FinallyTry, 0, 0, finalbody, None)?;
        if !handlers.is_empty() {
            if is_star {
                self.try_star_except(s, body, handlers, orelse)?;
            } else {
                self.try_except(s, body, handlers, orelse)?;
            }
        } else {
            self.stmts(body)?;
        }
        self.emit_noloc(Instr::PopBlock);
        self.pop_fblock();
        self.stmts(finalbody)?;
        self.emit_noloc(Instr::Jump(exit));
        self.bind(end);
        // Artificial in CPython: entering the handler is no visit to the `try:` line.
        self.set_loc(finalbody.first().map_or(s.span, |f| f.span));
        self.emit(Instr::SetupFinally(cleanup));
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FbKind::FinallyEnd, 0, 0)?;
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit_noloc(Instr::Reraise);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.set_loc(s.span);
        self.emit(Instr::SetupFinally(except));
        self.push_fblock(FbKind::TryExcept, 0, 0)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_noloc(Instr::PopBlock);
        // CPython 3.11 places `else:` right after the body, outside the handler block.
        self.stmts(orelse)?;
        self.emit_noloc(Instr::Jump(end));
        self.bind(except);
        // Artificial in CPython: entering the handler is no visit to the `try:` line.
        self.set_loc(handlers.first().map_or(s.span, |h| h.span));
        self.emit(Instr::SetupFinally(cleanup));
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FbKind::ExceptionHandler, 0, 0)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.span);
            if h.typ.is_none() && i + 1 < n {
                return Err(CompileError::new("default 'except:' must be last", h.span));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.emit(Instr::PopJumpIfFalse(next));
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.nameop(name, ExprContext::Store)?;
                self.emit(Instr::SetupFinally(cleanup_end));
                self.push_fblock_full(FbKind::HandlerCleanup, 0, 0, &[], Some(name.as_str()))?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                // `e = None; del e` is artificial in CPython (no line of its own).
                self.set_loc(ARTIFICIAL);
                self.emit_noloc(Instr::PopBlock);
                self.emit_noloc(Instr::PopBlock);
                self.emit_noloc(Instr::PopExcept);
                self.load_const(Const::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.emit(Instr::Jump(end));
                self.bind(cleanup_end);
                self.load_const(Const::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.emit(Instr::Reraise);
            } else {
                self.emit(Instr::PopTop);
                self.push_fblock_full(FbKind::HandlerCleanup, 0, 0, &[], None)?;
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.emit_noloc(Instr::PopBlock);
                self.emit_noloc(Instr::PopExcept);
                self.emit_noloc(Instr::Jump(end));
            }
            self.bind(next);
        }
        self.pop_fblock();
        self.set_loc(s.span);
        self.emit_noloc(Instr::Reraise);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `except*`, simplified from CPython 3.11: each clause splits the remaining group with
    /// `CheckEgMatch` (which must accept `None` as "nothing left" and give `[None, None]`); an
    /// exception raised inside a clause body propagates at once (CPython collects them and
    /// raises them together at the end); whatever is left unmatched is re-raised at the end.
    fn try_star_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let except = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.set_loc(s.span);
        self.emit(Instr::SetupFinally(except));
        self.push_fblock(FbKind::TryExcept, 0, 0)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_noloc(Instr::PopBlock);
        self.emit_noloc(Instr::Jump(orelse_l));
        self.bind(except);
        self.set_loc(handlers.first().map_or(s.span, |h| h.span));
        self.emit(Instr::SetupFinally(cleanup));
        self.emit(Instr::PushExcInfo); // [prev, rest]
        self.push_fblock(FbKind::ExceptionGroupHandler, 0, 0)?;
        for h in handlers {
            self.set_loc(h.span);
            let next = self.new_label();
            let no_match = self.new_label();
            let Some(t) = &h.typ else {
                return Err(CompileError::new(
                    "expected one or more exception types",
                    h.span,
                ));
            };
            self.expr(t)?;
            self.emit(Instr::CheckEgMatch); // [prev, rest, match]
            self.emit(Instr::Copy(1));
            self.load_const(Const::None);
            self.emit(Instr::IsOp(false));
            self.emit(Instr::PopJumpIfTrue(no_match));
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.emit(Instr::PopTop),
            }
            // [prev, rest]
            let cleanup_end = self.new_label();
            self.emit(Instr::SetupFinally(cleanup_end));
            self.push_fblock_full(FbKind::HandlerCleanup, 0, 0, &[], h.name.as_deref())?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.set_loc(ARTIFICIAL);
            self.emit_noloc(Instr::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.emit(Instr::Jump(next));
            self.bind(cleanup_end); // [prev, rest, exc2]
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.emit(Instr::Reraise);
            self.bind(no_match); // [prev, rest, None]
            self.emit(Instr::PopTop);
            self.bind(next);
        }
        self.pop_fblock();
        self.set_loc(s.span);
        let nothing_left = self.new_label();
        self.emit_noloc(Instr::Copy(1));
        self.load_const(Const::None);
        self.emit_noloc(Instr::IsOp(false));
        self.emit_noloc(Instr::PopJumpIfTrue(nothing_left));
        self.emit_noloc(Instr::Reraise);
        self.bind(nothing_left);
        self.emit_noloc(Instr::PopTop);
        self.emit_noloc(Instr::PopBlock);
        self.emit_noloc(Instr::PopExcept);
        self.emit_noloc(Instr::Jump(end));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_l);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit(Instr::Send(exit));
        self.emit(Instr::YieldValue);
        self.emit(Instr::Jump(start));
        self.bind(exit);
    }

    // ------------------------------------------------------------------ conditions

    /// Jump to `next` when `e` is truthy (`cond`) / falsy (`!cond`), else fall through.
    fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> CResult<()> {
        self.enter_depth(e.span)?;
        let r = self.jump_if_inner(e, next, cond);
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: Label, cond: bool) -> CResult<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    next
                };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.emit_noloc(Instr::Jump(end));
                self.bind(next2);
                self.jump_if(orelse, next, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && ops.len() == comparators.len() => {
                // CPython leaves the comparison's location in place after the jump, so what
                // the statement emits next (an assert's raise) points at the comparison.
                self.set_loc(e.span);
                check_compare(self.loc().line, left, ops, comparators);
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::Copy(2));
                    self.emit(compare_instr(ops[i]));
                    self.emit(Instr::PopJumpIfFalse(cleanup));
                }
                self.expr(&comparators[n])?;
                self.emit(compare_instr(ops[n]));
                self.emit(if cond {
                    Instr::PopJumpIfTrue(next)
                } else {
                    Instr::PopJumpIfFalse(next)
                });
                let end = self.new_label();
                self.emit_noloc(Instr::Jump(end));
                self.bind(cleanup);
                self.emit(Instr::PopTop);
                if !cond {
                    self.emit_noloc(Instr::Jump(next));
                }
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { .. } => self.set_loc(e.span),
            _ => {}
        }
        if let Some(c) = fold(e, 0) {
            // CPython's optimizer turns `LOAD_CONST; POP_JUMP_IF_*` into a jump or nothing.
            let saved = self.loc();
            self.set_loc(e.span);
            if const_truthy(&c) == cond {
                self.emit(Instr::Jump(next));
            } else {
                self.emit(Instr::Nop);
            }
            self.set_loc(saved);
            return Ok(());
        }
        self.expr(e)?;
        self.emit(if cond {
            Instr::PopJumpIfTrue(next)
        } else {
            Instr::PopJumpIfFalse(next)
        });
        Ok(())
    }

    // ------------------------------------------------------------------ expressions

    fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.enter_depth(e.span)?;
        let saved = self.loc();
        self.set_loc(e.span);
        let r = self.expr_inner(e);
        self.set_loc(saved);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        // Each arm lives in its own function so that this frame, paid once per nesting level,
        // stays small (debug builds do not overlap the locals of different arms).
        if matches!(
            e.kind,
            ExprKind::UnaryOp { .. }
                | ExprKind::BinOp { .. }
                | ExprKind::Subscript {
                    ctx: ExprContext::Load,
                    ..
                }
                | ExprKind::Tuple {
                    ctx: ExprContext::Load,
                    ..
                }
        ) && self.try_fold(e)
        {
            return Ok(());
        }
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.boolop(e, *op, values),
            ExprKind::NamedExpr { target, value } => self.named_expr(target, value),
            ExprKind::BinOp { left, op, right } => self.binop(left, *op, right),
            ExprKind::UnaryOp { op, operand } => self.unaryop(*op, operand),
            ExprKind::Lambda { args, body } => self.lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => self.ifexp(test, body, orelse),
            ExprKind::Dict { keys, values } => self.dict(keys, values),
            ExprKind::Set(elts) => self.starunpack(elts, 0, Build::Set, false),
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, "<listcomp>", generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, "<setcomp>", generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                e,
                CompKind::Dict,
                "<dictcomp>",
                generators,
                key,
                Some(value),
            ),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, "<genexpr>", generators, elt, None)
            }
            ExprKind::Await(v) => self.await_expr(e, v),
            ExprKind::Yield(v) => self.yield_expr(e, v.as_deref()),
            ExprKind::YieldFrom(v) => self.yield_from_expr(e, v),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.formatted_value(value, *conversion, format_spec.as_deref()),
            ExprKind::JoinedStr(parts) => self.joined_str(parts),
            ExprKind::Constant(c) => {
                self.load_const(constant(c));
                Ok(())
            }
            ExprKind::Attribute { value, attr, ctx } => self.attribute(value, attr, *ctx),
            ExprKind::Subscript { value, slice, ctx } => self.subscript(value, slice, *ctx),
            ExprKind::Starred { ctx, .. } => Err(CompileError::new(
                match ctx {
                    ExprContext::Store => "starred assignment target must be in a list or tuple",
                    _ => "can't use starred expression here",
                },
                e.span,
            )),
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx),
            ExprKind::List { elts, ctx } => self.sequence(elts, *ctx, false),
            ExprKind::Tuple { elts, ctx } => self.sequence(elts, *ctx, true),
            ExprKind::Slice { lower, upper, step } => {
                self.slice(lower.as_deref(), upper.as_deref(), step.as_deref())
            }
        }
    }

    fn try_fold(&mut self, e: &Expr) -> bool {
        match fold(e, 0) {
            Some(c) => {
                self.load_const(c);
                true
            }
            None => false,
        }
    }

    fn boolop(&mut self, e: &'a Expr, op: BoolOp, values: &'a [Expr]) -> CResult<()> {
        let end = self.new_label();
        let Some((last, init)) = values.split_last() else {
            return Err(internal("empty BoolOp", e.span));
        };
        for v in init {
            self.expr(v)?;
            self.emit(match op {
                BoolOp::And => Instr::JumpIfFalseOrPop(end),
                BoolOp::Or => Instr::JumpIfTrueOrPop(end),
            });
        }
        self.expr(last)?;
        self.bind(end);
        Ok(())
    }

    fn named_expr(&mut self, target: &'a Expr, value: &'a Expr) -> CResult<()> {
        self.expr(value)?;
        self.emit(Instr::Copy(1));
        self.expr(target)
    }

    fn binop(&mut self, left: &'a Expr, op: BinOp, right: &'a Expr) -> CResult<()> {
        self.expr(left)?;
        self.expr(right)?;
        self.emit(Instr::BinaryOp(binary_op(op)));
        Ok(())
    }

    fn unaryop(&mut self, op: UnaryOp, operand: &'a Expr) -> CResult<()> {
        self.expr(operand)?;
        self.emit(match op {
            UnaryOp::Invert => Instr::UnaryInvert,
            UnaryOp::Not => Instr::UnaryNot,
            UnaryOp::UAdd => Instr::UnaryPositive,
            UnaryOp::USub => Instr::UnaryNegative,
        });
        Ok(())
    }

    fn ifexp(&mut self, test: &'a Expr, body: &'a Expr, orelse: &'a Expr) -> CResult<()> {
        let end = self.new_label();
        let next = self.new_label();
        self.jump_if(test, next, false)?;
        self.expr(body)?;
        self.emit_noloc(Instr::Jump(end));
        self.bind(next);
        self.expr(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn await_expr(&mut self, e: &'a Expr, v: &'a Expr) -> CResult<()> {
        if self.ste().kind != BlockKind::Function {
            return Err(CompileError::new("'await' outside function", e.span));
        }
        if !matches!(
            self.ur().scope_type,
            ScopeType::AsyncFunction | ScopeType::Comprehension
        ) {
            return Err(CompileError::new("'await' outside async function", e.span));
        }
        self.expr(v)?;
        self.emit(Instr::GetAwaitable(0));
        self.load_const(Const::None);
        self.yield_from_loop();
        Ok(())
    }

    fn yield_expr(&mut self, e: &'a Expr, v: Option<&'a Expr>) -> CResult<()> {
        if self.ste().kind != BlockKind::Function {
            return Err(CompileError::new("'yield' outside function", e.span));
        }
        match v {
            Some(v) => self.expr(v)?,
            None => self.load_const(Const::None),
        }
        self.emit_yield();
        Ok(())
    }

    fn yield_from_expr(&mut self, e: &'a Expr, v: &'a Expr) -> CResult<()> {
        if self.ste().kind != BlockKind::Function {
            return Err(CompileError::new("'yield' outside function", e.span));
        }
        if self.ur().scope_type == ScopeType::AsyncFunction {
            return Err(CompileError::new(
                "'yield from' inside async function",
                e.span,
            ));
        }
        self.expr(v)?;
        self.emit(Instr::GetYieldFromIter);
        self.load_const(Const::None);
        self.yield_from_loop();
        Ok(())
    }

    fn formatted_value(
        &mut self,
        value: &'a Expr,
        conversion: Conversion,
        spec: Option<&'a Expr>,
    ) -> CResult<()> {
        self.expr(value)?;
        let mut oparg = match conversion {
            Conversion::None => 0,
            Conversion::Str => 1,
            Conversion::Repr => 2,
            Conversion::Ascii => 3,
        };
        if let Some(spec) = spec {
            self.expr(spec)?;
            oparg |= 4;
        }
        self.emit(Instr::FormatValue(oparg));
        Ok(())
    }

    fn joined_str(&mut self, parts: &'a [Expr]) -> CResult<()> {
        if parts.len() > STACK_USE_GUIDELINE {
            self.load_const(Const::Str("".into()));
            let ni = self.add_name_raw("join");
            self.emit(Instr::LoadMethod(ni));
            self.emit(Instr::BuildList(0));
            for p in parts {
                self.expr(p)?;
                self.emit(Instr::ListAppend(1));
            }
            self.emit(Instr::Call(1));
        } else {
            for p in parts {
                self.expr(p)?;
            }
            if parts.len() != 1 {
                self.emit(Instr::BuildString(parts.len() as u32));
            }
        }
        Ok(())
    }

    fn attribute(&mut self, value: &'a Expr, attr: &str, ctx: ExprContext) -> CResult<()> {
        self.forbidden_name(attr, ctx)?;
        self.expr(value)?;
        let ni = self.add_name(attr);
        self.emit(match ctx {
            ExprContext::Load => Instr::LoadAttr(ni),
            ExprContext::Store => Instr::StoreAttr(ni),
            ExprContext::Del => Instr::DeleteAttr(ni),
        });
        Ok(())
    }

    fn subscript(&mut self, value: &'a Expr, slice: &'a Expr, ctx: ExprContext) -> CResult<()> {
        if ctx == ExprContext::Load {
            check_subscript(self.loc().line, value, slice);
        }
        self.expr(value)?;
        self.expr(slice)?;
        self.emit(match ctx {
            ExprContext::Load => Instr::BinarySubscr,
            ExprContext::Store => Instr::StoreSubscr,
            ExprContext::Del => Instr::DeleteSubscr,
        });
        Ok(())
    }

    fn sequence(&mut self, elts: &'a [Expr], ctx: ExprContext, tuple: bool) -> CResult<()> {
        match ctx {
            ExprContext::Load => self.starunpack(elts, 0, Build::List, tuple),
            ExprContext::Store => self.assignment_helper(elts),
            ExprContext::Del => {
                for x in elts {
                    self.expr(x)?;
                }
                Ok(())
            }
        }
    }

    fn slice(
        &mut self,
        lower: Option<&'a Expr>,
        upper: Option<&'a Expr>,
        step: Option<&'a Expr>,
    ) -> CResult<()> {
        for part in [lower, upper] {
            match part {
                Some(x) => self.expr(x)?,
                None => self.load_const(Const::None),
            }
        }
        let mut n = 2;
        if let Some(x) = step {
            self.expr(x)?;
            n = 3;
        }
        self.emit(Instr::BuildSlice(n));
        Ok(())
    }

    fn emit_yield(&mut self) {
        let ste = self.ste();
        if ste.is_generator && ste.is_coroutine {
            self.emit(Instr::AsyncGenWrap);
        }
        self.emit(Instr::YieldValue);
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult<()> {
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(internal("malformed comparison", self.loc()));
        }
        check_compare(self.loc().line, left, ops, comparators);
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.expr(&comparators[0])?;
            self.emit(compare_instr(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.emit(compare_instr(ops[i]));
            self.emit(Instr::JumpIfFalseOrPop(cleanup));
        }
        self.expr(&comparators[n])?;
        self.emit(compare_instr(ops[n]));
        let end = self.new_label();
        self.emit_noloc(Instr::Jump(end));
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(CompileError::new(
                        "multiple starred expressions in assignment",
                        x.span,
                    ));
                }
                if i >= 256 || n - i > (1 << 24) {
                    return Err(CompileError::new(
                        "too many expressions in star-unpacking assignment",
                        x.span,
                    ));
                }
                self.emit(Instr::UnpackEx((i + ((n - i - 1) << 8)) as u32));
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Instr::UnpackSequence(n as u32));
        }
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    /// CPython's `starunpack_helper` for lists, sets and tuples (and call arguments).
    fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Build,
        tuple: bool,
    ) -> CResult<()> {
        let n = elts.len();
        if n > 2 && build != Build::Set && self.folded_sequence(elts, pushed, tuple) {
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        let (build_op, add_op, extend_op): (OpFn, OpFn, OpFn) = match build {
            Build::List => (Instr::BuildList, Instr::ListAppend, Instr::ListExtend),
            Build::Set => (Instr::BuildSet, Instr::SetAdd, Instr::SetUpdate),
        };
        if !seen_star && !big {
            for x in elts {
                self.expr(x)?;
            }
            let total = n as u32 + pushed;
            if tuple && total == 0 {
                // CPython's optimizer turns `BUILD_TUPLE 0` into `LOAD_CONST ()`.
                self.load_const(Const::Tuple(Vec::new().into()));
                return Ok(());
            }
            self.emit(if tuple {
                Instr::BuildTuple(total)
            } else {
                build_op(total)
            });
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build_op(pushed));
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    self.emit(build_op(i as u32 + pushed));
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend_op(1));
            } else {
                self.expr(x)?;
                if built {
                    self.emit(add_op(1));
                }
            }
        }
        if !built {
            self.emit(build_op(pushed));
        }
        if tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// All items constant: one constant tuple (extended into a list when a list is wanted).
    fn folded_sequence(&mut self, elts: &[Expr], pushed: u32, tuple: bool) -> bool {
        let folded: Option<Vec<Const>> = elts.iter().map(|x| fold(x, 0)).collect();
        let Some(v) = folded else { return false };
        let c = Const::Tuple(v.into());
        if tuple && pushed == 0 {
            self.load_const(c);
        } else {
            self.emit(Instr::BuildList(pushed));
            self.load_const(c);
            self.emit(Instr::ListExtend(1));
            if tuple {
                self.emit(Instr::ListToTuple);
            }
        }
        true
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult<()> {
        if keys.len() != values.len() {
            return Err(internal("malformed dict display", self.loc()));
        }
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Instr::DictUpdate(1));
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Instr::BuildMap(0));
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(Instr::DictUpdate(1));
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Instr::DictUpdate(1));
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap(0));
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let consts: Option<Vec<Const>> = keys[begin..end]
                .iter()
                .map(|k| match k.as_ref().map(|k| &k.kind) {
                    Some(ExprKind::Constant(c)) => Some(constant(c)),
                    _ => None,
                })
                .collect();
            if let Some(ks) = consts {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.load_const(Const::Tuple(ks.into()));
                self.emit(Instr::BuildConstKeyMap(n as u32));
                return Ok(());
            }
        }
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.expr(k)?;
            }
            self.expr(&values[i])?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(n as u32));
        }
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[Keyword]) -> CResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            self.forbidden_name(name, ExprContext::Store)?;
            if let Some(dup) = keywords[i + 1..]
                .iter()
                .find(|o| o.arg.as_ref() == Some(name))
            {
                return Err(CompileError::new(
                    format!("keyword argument repeated: {name}"),
                    dup.span,
                ));
            }
        }
        Ok(())
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name { id, .. } => self.st.scopes[0].flags_of(id) & DEF_IMPORT != 0,
            _ => false,
        }
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<()> {
        self.validate_keywords(keywords)?;
        check_caller(e.span.line, func);
        if let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.kind
        {
            let nkw = keywords.len();
            if !self.is_import_originated(value)
                && args.len() + nkw + usize::from(nkw != 0) < STACK_USE_GUIDELINE
                && !args
                    .iter()
                    .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
                && !keywords.iter().any(|k| k.arg.is_none())
            {
                return self.method_call(e, func, value, attr, args, keywords);
            }
        }
        self.set_loc(func.span);
        self.emit(Instr::PushNull);
        self.set_loc(e.span);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `obj.name(args)`: `LoadMethod` + `Call`, CPython 3.11's `maybe_optimize_method_call`.
    fn method_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        value: &'a Expr,
        attr: &str,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<()> {
        self.expr(value)?;
        self.set_loc(func.span);
        let ni = self.add_name(attr);
        self.emit(Instr::LoadMethod(ni));
        self.set_loc(e.span);
        self.simple_call_args(args, keywords)?;
        self.emit(Instr::Call((args.len() + keywords.len()) as u32));
        Ok(())
    }

    fn simple_call_args(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult<()> {
        for a in args {
            self.expr(a)?;
        }
        if !keywords.is_empty() {
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.kw_names(keywords);
        }
        Ok(())
    }

    fn kw_names(&mut self, keywords: &[Keyword]) {
        let names: Vec<Const> = keywords
            .iter()
            .map(|k| Const::Str(k.arg.as_deref().unwrap_or("").into()))
            .collect();
        let i = self.add_const(Const::Tuple(names.into()));
        self.emit(Instr::KwNames(i));
    }

    fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult<()> {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            self.simple_call_args(args, keywords)?;
            self.emit(Instr::Call(n + (nelts + nkw) as u32));
            return Ok(());
        }
        self.ex_call(n, args, keywords)
    }

    fn ex_call(&mut self, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult<()> {
        let nkw = keywords.len();
        // `*args` / `**kwargs`: one positional tuple (or iterable, which CallFunctionEx turns
        // into a tuple with CPython's error message) and one fresh dict.
        match args {
            [only] if n == 0 => match &only.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.starunpack(args, n, Build::List, true)?,
            },
            _ => self.starunpack(args, n, Build::List, true)?,
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkw - nseen, nkw)?;
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.emit(Instr::CallFunctionEx(u32::from(nkw > 0)));
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let part = &keywords[begin..end];
        if n > 1 && !big {
            for k in part {
                self.expr(&k.value)?;
            }
            let names: Vec<Const> = part
                .iter()
                .map(|k| Const::Str(k.arg.as_deref().unwrap_or("").into()))
                .collect();
            self.load_const(Const::Tuple(names.into()));
            self.emit(Instr::BuildConstKeyMap(n as u32));
            return Ok(());
        }
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for k in part {
            self.load_const(Const::Str(k.arg.as_deref().unwrap_or("").into()));
            self.expr(&k.value)?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(n as u32));
        }
        Ok(())
    }

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult<()> {
        self.check_debug_args(args)?;
        let funcflags = self.default_arguments(args)?;
        let scope = self
            .st
            .scope_for_expr(e)
            .ok_or_else(|| internal("no scope for lambda", e.span))?;
        self.enter_scope(
            "<lambda>".into(),
            ScopeType::Lambda,
            scope,
            e.span.line,
            e.span,
        )?;
        // None first, so a lambda never has a docstring (CPython does the same).
        self.add_const(Const::None);
        self.set_arg_counts(args);
        self.expr(body)?;
        self.set_loc(body.span);
        self.emit(Instr::ReturnValue);
        let code = self.exit_scope()?;
        self.make_closure(code, funcflags)
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        name: &str,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult<()> {
        let Some(outermost) = generators.first() else {
            return Err(internal("comprehension without generators", e.span));
        };
        let outer_scope_type = self.ur().scope_type;
        let scope = self
            .st
            .scope_for_expr(e)
            .ok_or_else(|| internal("no scope for comprehension", e.span))?;
        self.enter_scope(
            name.into(),
            ScopeType::Comprehension,
            scope,
            e.span.line,
            e.span,
        )?;
        let is_async_generator = self.ste().is_coroutine;
        if is_async_generator
            && kind != CompKind::Gen
            && !matches!(
                outer_scope_type,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
        {
            return Err(CompileError::new(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Gen {
            self.emit(Instr::ReturnValue);
        }
        let code = self.exit_scope()?;
        self.make_closure(code, 0)?;
        self.expr(&outermost.iter)?;
        self.emit(if outermost.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(0));
        if is_async_generator && kind != CompKind::Gen {
            self.emit(Instr::GetAwaitable(0));
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        let Some(g) = generators.get(gen_index) else {
            return Err(internal("bad comprehension index", self.loc()));
        };
        self.enter_depth(g.iter.span)?;
        let r = if g.is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        };
        self.depth -= 1;
        r
    }

    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        match kind {
            CompKind::Gen => {
                self.expr(elt)?;
                self.emit_yield();
                self.emit(Instr::PopTop);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Instr::ListAppend(depth + 1));
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Instr::SetAdd(depth + 1));
            }
            CompKind::Dict => {
                self.expr(elt)?;
                if let Some(v) = val {
                    self.expr(v)?;
                }
                self.emit(Instr::MapAdd(depth + 1));
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        let g = &generators[gen_index];
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if gen_index == 0 {
            self.u().argcount = 1;
            self.emit(Instr::LoadFast(0));
        } else {
            // `for y in [f(x)]`: CPython binds the single element without iterating.
            let single = match &g.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 => {
                    elts.first()
                        .filter(|x| !matches!(x.kind, ExprKind::Starred { .. }))
                }
                _ => None,
            };
            if let Some(x) = single {
                self.expr(x)?;
                start = None;
            } else {
                self.expr(&g.iter)?;
                self.emit(Instr::GetIter);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.bind(st);
            self.emit(Instr::ForIter(anchor));
        }
        self.expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        if let Some(st) = start {
            self.emit_noloc(Instr::Jump(st));
            self.bind(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult<()> {
        let g = &generators[gen_index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if gen_index == 0 {
            self.u().argcount = 1;
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetAIter);
        }
        self.bind(start);
        self.push_fblock(FbKind::AsyncComprehensionGenerator, start, 0)?;
        self.emit(Instr::SetupFinally(except));
        self.emit(Instr::GetANext);
        self.load_const(Const::None);
        self.yield_from_loop();
        self.emit(Instr::PopBlock);
        self.expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        self.emit_noloc(Instr::Jump(start));
        self.pop_fblock();
        self.bind(except);
        self.emit(Instr::EndAsyncFor);
        Ok(())
    }
}

type OpFn = fn(u32) -> Instr;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    List,
    Set,
}

/// The first statement, when it is a string literal expression (CPython's docstring rule).
fn split_docstring(body: &[Stmt]) -> (Option<(&str, Span)>, &[Stmt]) {
    if let Some(first) = body.first() {
        if let StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            span,
        }) = &first.kind
        {
            return (Some((s.as_str(), *span)), &body[1..]);
        }
    }
    (None, body)
}

fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::True => Const::Bool(true),
        Constant::False => Const::Bool(false),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt(s) => Const::BigInt(s.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Str(s) => Const::Str(s.as_str().into()),
        Constant::Bytes(b) => Const::Bytes(b.as_slice().into()),
    }
}

/// Constants are shared when CPython's `_PyCode_ConstantKey` would share them: same type and
/// value (so `1`, `1.0` and `True` stay apart, and `0.0` and `-0.0` too).
fn const_key_eq(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_key_eq(p, q))
        }
        _ => false,
    }
}

fn const_truthy(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) => true,
        Const::Float(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) => !t.is_empty(),
        Const::Ellipsis | Const::Code(_) => true,
    }
}

/// CPython's AST optimizer (`Python/ast_opt.c`) for the constants it folds and loopscope can
/// represent: numbers (results that fit an `i64`), strings, bytes and tuples, with CPython's
/// size limits. Only folds whose result is certain to equal the runtime result; anything that
/// would raise (division by zero, negative shift) is left to run and raise.
fn fold(e: &Expr, depth: u32) -> Option<Const> {
    if depth > 32 {
        return None;
    }
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        } if id == "__debug__" => Some(Const::Bool(true)),
        ExprKind::UnaryOp { op, operand } => fold_unary(*op, fold(operand, depth + 1)?),
        ExprKind::BinOp { left, op, right } => {
            fold_binop(*op, fold(left, depth + 1)?, fold(right, depth + 1)?)
        }
        ExprKind::Subscript {
            value,
            slice,
            ctx: ExprContext::Load,
        } => fold_subscript(fold(value, depth + 1)?, fold(slice, depth + 1)?),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let v: Option<Vec<Const>> = elts.iter().map(|x| fold(x, depth + 1)).collect();
            v.map(|v| Const::Tuple(v.into()))
        }
        _ => None,
    }
}

/// `bool` is an `int` for arithmetic.
fn as_number(c: Const) -> Const {
    match c {
        Const::Bool(b) => Const::Int(i64::from(b)),
        other => other,
    }
}

fn fold_unary(op: UnaryOp, v: Const) -> Option<Const> {
    if op == UnaryOp::Not {
        return match v {
            Const::Code(_) => None,
            other => Some(Const::Bool(!const_truthy(&other))),
        };
    }
    match (op, as_number(v)) {
        (UnaryOp::USub, Const::Int(i)) => i.checked_neg().map(Const::Int),
        (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
        (UnaryOp::UAdd, Const::Int(i)) => Some(Const::Int(i)),
        (UnaryOp::UAdd, Const::Float(f)) => Some(Const::Float(f)),
        (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(!i)),
        _ => None,
    }
}

/// CPython's limits on folded sequences (`MAX_STR_SIZE`, `MAX_COLLECTION_SIZE`).
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;

fn fold_binop(op: BinOp, l: Const, r: Const) -> Option<Const> {
    // bool op bool stays bool for the bitwise operators.
    if let (Const::Bool(a), Const::Bool(b)) = (&l, &r) {
        match op {
            BinOp::BitAnd => return Some(Const::Bool(*a & *b)),
            BinOp::BitOr => return Some(Const::Bool(*a | *b)),
            BinOp::BitXor => return Some(Const::Bool(*a ^ *b)),
            _ => {}
        }
    }
    match (as_number(l), as_number(r)) {
        (Const::Int(a), Const::Int(b)) => fold_int(op, a, b),
        (Const::Float(a), Const::Float(b)) => float_op(op, a, b),
        (Const::Int(a), Const::Float(b)) => float_op(op, a as f64, b),
        (Const::Float(a), Const::Int(b)) => float_op(op, a, b as f64),
        (Const::Str(a), Const::Str(b)) if op == BinOp::Add => {
            Some(Const::Str(format!("{a}{b}").into()))
        }
        (Const::Bytes(a), Const::Bytes(b)) if op == BinOp::Add => {
            Some(Const::Bytes([&a[..], &b[..]].concat().into()))
        }
        (Const::Tuple(a), Const::Tuple(b)) if op == BinOp::Add => Some(Const::Tuple(
            a.iter().chain(b.iter()).cloned().collect::<Vec<_>>().into(),
        )),
        (seq @ (Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)), Const::Int(n))
        | (Const::Int(n), seq @ (Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)))
            if op == BinOp::Mult =>
        {
            repeat(seq, n)
        }
        _ => None,
    }
}

/// `seq * n` within CPython's `safe_multiply` limits.
fn repeat(seq: Const, n: i64) -> Option<Const> {
    let (len, limit) = match &seq {
        Const::Str(s) => (s.chars().count(), MAX_STR_SIZE),
        Const::Bytes(b) => (b.len(), MAX_STR_SIZE),
        // Nested tuples would need CPython's item-count check: leave them to run.
        Const::Tuple(t) if t.iter().all(|x| !matches!(x, Const::Tuple(_))) => {
            (t.len(), MAX_COLLECTION_SIZE)
        }
        _ => return None,
    };
    if len > 0 && (n < 0 || n as usize > limit / len) {
        return None;
    }
    let n = n.max(0) as usize;
    Some(match seq {
        Const::Str(s) => Const::Str(s.repeat(n).into()),
        Const::Bytes(b) => Const::Bytes(b.repeat(n).into()),
        Const::Tuple(t) => Const::Tuple(
            t.iter()
                .cycle()
                .take(t.len() * n)
                .cloned()
                .collect::<Vec<_>>()
                .into(),
        ),
        _ => return None,
    })
}

fn fold_int(op: BinOp, a: i64, b: i64) -> Option<Const> {
    let int = |v: Option<i64>| v.map(Const::Int);
    match op {
        BinOp::Add => int(a.checked_add(b)),
        BinOp::Sub => int(a.checked_sub(b)),
        BinOp::Mult => int(a.checked_mul(b)),
        BinOp::BitAnd => Some(Const::Int(a & b)),
        BinOp::BitOr => Some(Const::Int(a | b)),
        BinOp::BitXor => Some(Const::Int(a ^ b)),
        BinOp::FloorDiv if b != 0 => {
            let q = a.checked_div(b)?;
            Some(Const::Int(if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }))
        }
        BinOp::Mod if b != 0 => {
            let r = a.checked_rem(b)?;
            Some(Const::Int(if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            }))
        }
        // int / int is correctly rounded in Python; exact operands make one IEEE division so.
        BinOp::Div if b != 0 && a.unsigned_abs() <= 1 << 53 && b.unsigned_abs() <= 1 << 53 => {
            Some(Const::Float(a as f64 / b as f64))
        }
        BinOp::Pow if b >= 0 => int(a.checked_pow(u32::try_from(b).ok()?)),
        // A negative power is a float; fold only when it is exact (|a| a power of two).
        BinOp::Pow if a != 0 && a.unsigned_abs().is_power_of_two() && b >= -1000 => {
            let v = (a as f64).powi(i32::try_from(b).ok()?);
            (v != 0.0 && v.is_finite()).then_some(Const::Float(v))
        }
        BinOp::LShift if b >= 0 => {
            if a == 0 {
                return Some(Const::Int(0));
            }
            let sh = u32::try_from(b).ok().filter(|s| *s < 64)?;
            let v = a.checked_shl(sh)?;
            (v >> sh == a).then_some(Const::Int(v))
        }
        BinOp::RShift if b >= 0 => Some(Const::Int(a >> b.min(63))),
        _ => None,
    }
}

fn float_op(op: BinOp, a: f64, b: f64) -> Option<Const> {
    match op {
        BinOp::Add => Some(Const::Float(a + b)),
        BinOp::Sub => Some(Const::Float(a - b)),
        BinOp::Mult => Some(Const::Float(a * b)),
        BinOp::Div if b != 0.0 => Some(Const::Float(a / b)),
        // Positive bases only: negative ones can give complex numbers; overflow must raise.
        BinOp::Pow if a > 0.0 && a.is_finite() && b.is_finite() => {
            let v = a.powf(b);
            (v.is_finite() && v != 0.0).then_some(Const::Float(v))
        }
        BinOp::FloorDiv | BinOp::Mod if b != 0.0 => {
            let (div, rem) = float_divmod(a, b);
            Some(Const::Float(if op == BinOp::Mod { rem } else { div }))
        }
        _ => None,
    }
}

/// CPython's `float_divmod` (`Objects/floatobject.c`), step for step.
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `const[index]` for str, bytes and tuples (CPython's `fold_subscr`).
fn fold_subscript(value: Const, index: Const) -> Option<Const> {
    let Const::Int(i) = as_number(index) else {
        return None;
    };
    let pick = |len: usize| -> Option<usize> {
        let len = i64::try_from(len).ok()?;
        let k = if i < 0 { i + len } else { i };
        (0..len).contains(&k).then_some(k as usize)
    };
    match value {
        Const::Str(s) => {
            let n = s.chars().count();
            let k = pick(n)?;
            s.chars().nth(k).map(|c| Const::Str(c.to_string().into()))
        }
        Const::Bytes(b) => pick(b.len())
            .and_then(|k| b.get(k))
            .map(|x| Const::Int(i64::from(*x))),
        Const::Tuple(t) => pick(t.len()).and_then(|k| t.get(k)).cloned(),
        _ => None,
    }
}

fn compare_instr(op: CmpOp) -> Instr {
    match op {
        CmpOp::Eq => Instr::CompareOp(CompareKind::Eq),
        CmpOp::NotEq => Instr::CompareOp(CompareKind::Ne),
        CmpOp::Lt => Instr::CompareOp(CompareKind::Lt),
        CmpOp::LtE => Instr::CompareOp(CompareKind::Le),
        CmpOp::Gt => Instr::CompareOp(CompareKind::Gt),
        CmpOp::GtE => Instr::CompareOp(CompareKind::Ge),
        CmpOp::Is => Instr::IsOp(false),
        CmpOp::IsNot => Instr::IsOp(true),
        CmpOp::In => Instr::ContainsOp(false),
        CmpOp::NotIn => Instr::ContainsOp(true),
    }
}

fn binary_op(op: BinOp) -> BinaryOpKind {
    match op {
        BinOp::Add => BinaryOpKind::Add,
        BinOp::Sub => BinaryOpKind::Sub,
        BinOp::Mult => BinaryOpKind::Mul,
        BinOp::MatMult => BinaryOpKind::MatMul,
        BinOp::Div => BinaryOpKind::TrueDiv,
        BinOp::Mod => BinaryOpKind::Mod,
        BinOp::Pow => BinaryOpKind::Pow,
        BinOp::LShift => BinaryOpKind::LShift,
        BinOp::RShift => BinaryOpKind::RShift,
        BinOp::BitOr => BinaryOpKind::Or,
        BinOp::BitXor => BinaryOpKind::Xor,
        BinOp::BitAnd => BinaryOpKind::And,
        BinOp::FloorDiv => BinaryOpKind::FloorDiv,
    }
}

fn inplace_op(op: BinOp) -> BinaryOpKind {
    match op {
        BinOp::Add => BinaryOpKind::InplaceAdd,
        BinOp::Sub => BinaryOpKind::InplaceSub,
        BinOp::Mult => BinaryOpKind::InplaceMul,
        BinOp::MatMult => BinaryOpKind::InplaceMatMul,
        BinOp::Div => BinaryOpKind::InplaceTrueDiv,
        BinOp::Mod => BinaryOpKind::InplaceMod,
        BinOp::Pow => BinaryOpKind::InplacePow,
        BinOp::LShift => BinaryOpKind::InplaceLShift,
        BinOp::RShift => BinaryOpKind::InplaceRShift,
        BinOp::BitOr => BinaryOpKind::InplaceOr,
        BinOp::BitXor => BinaryOpKind::InplaceXor,
        BinOp::BitAnd => BinaryOpKind::InplaceAnd,
        BinOp::FloorDiv => BinaryOpKind::InplaceFloorDiv,
    }
}

// ---------------------------------------------------------------------- stack analysis

/// The jump target operand of an instruction, if it has one.
pub fn jump_target(i: Instr) -> Option<u32> {
    match i {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::Send(t)
        | Instr::SetupFinally(t) => Some(t),
        _ => None,
    }
}

pub fn with_target(i: Instr, t: u32) -> Instr {
    match i {
        Instr::Jump(_) => Instr::Jump(t),
        Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(t),
        Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(t),
        Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(t),
        Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(t),
        Instr::ForIter(_) => Instr::ForIter(t),
        Instr::Send(_) => Instr::Send(t),
        Instr::SetupFinally(_) => Instr::SetupFinally(t),
        other => other,
    }
}

/// Instructions after which control never falls through to the next one.
pub fn is_terminal(i: Instr) -> bool {
    matches!(
        i,
        Instr::Jump(_) | Instr::ReturnValue | Instr::Reraise | Instr::RaiseVarargs(_)
    )
}

/// Net value-stack effect of `i`, on the jump edge when `jump` (documented in bytecode.rs).
pub fn stack_effect(i: Instr, jump: bool) -> i32 {
    use Instr::*;
    let n = |x: u32| x as i32;
    match i {
        Nop | Swap(_) | LoadAttr(_) | UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert
        | GetIter | ListToTuple | KwNames(_) | YieldValue | GetYieldFromIter | GetAwaitable(_)
        | AsyncGenWrap | GetAIter | PopBlock | CheckExcMatch | CheckEgMatch | Jump(_)
        | DeleteFast(_) | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_) => 0,
        PopTop => -1,
        Copy(_) | PushNull => 1,
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
        | LoadName(_) | LoadGlobal(_) | LoadBuildClass | LoadAssertionError => 1,
        StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) => -1,
        StoreAttr(_) => -2,
        DeleteAttr(_) => -1,
        LoadMethod(_) => 1,
        BinarySubscr => -1,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        BuildSlice(k) => 1 - n(k),
        BinaryOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
        PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => 1 - n(k),
        BuildMap(k) => 1 - 2 * n(k),
        BuildConstKeyMap(k) => -n(k),
        ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => {
            -1
        }
        MapAdd(_) => -2,
        UnpackSequence(k) => n(k) - 1,
        UnpackEx(k) => n(k & 0xff) + n(k >> 8),
        FormatValue(f) => {
            if f & 4 != 0 {
                -1
            } else {
                0
            }
        }
        MakeFunction(f) => -((f & 0x0f).count_ones() as i32),
        Call(k) => -n(k) - 1,
        CallFunctionEx(f) => -2 - n(f & 1),
        ReturnValue => -1,
        Send(_) => {
            if jump {
                -1
            } else {
                0
            }
        }
        GetANext => 1,
        EndAsyncFor => -2,
        SetupFinally(_) => {
            if jump {
                1
            } else {
                0
            }
        }
        PushExcInfo => 1,
        PopExcept => -1,
        Reraise => -1,
        RaiseVarargs(k) => -n(k),
        BeforeWith | BeforeAsyncWith => 2,
        WithExceptStart => 5,
        ImportName(_) | ImportFrom(_) => 1,
        ImportStar => -1,
        SetupAnnotations => 0,
        PrintExpr => -1,
    }
}

/// Simulate value-stack and block-stack depth over every path; return the maximum value depth.
/// Errors (compiler bugs, never user errors) when a depth goes negative, two paths meet with
/// different depths, a jump leaves the code, or control falls off the end.
pub fn analyze_stack(instrs: &[Instr]) -> Result<u32, String> {
    analyze(instrs).map(|(max, _)| max)
}

/// Debug check of a compiled code object and everything nested in it: the value and block
/// stacks never underflow, paths agree where they meet, control never falls off the end,
/// `stacksize` is the true maximum, and every instruction has a span. The compiler runs the
/// same analysis on every unit it assembles; this re-checks finished code (tests, VM debugging).
pub fn check_stack_effects(code: &CodeObject) -> Result<(), String> {
    let mut stack = vec![code];
    while let Some(c) = stack.pop() {
        let what = &c.qualname;
        if c.spans.len() != c.instrs.len() {
            return Err(format!(
                "{what}: {} spans for {} instructions",
                c.spans.len(),
                c.instrs.len()
            ));
        }
        let (max, reachable) = analyze(&c.instrs).map_err(|e| format!("{what}: {e}"))?;
        if max != c.stacksize {
            return Err(format!(
                "{what}: stacksize {} but the code needs {max}",
                c.stacksize
            ));
        }
        if let Some(i) = reachable.iter().position(|r| !r) {
            return Err(format!("{what}: instruction {i} is unreachable"));
        }
        for k in &c.consts {
            if let Const::Code(inner) = k {
                stack.push(inner);
            }
        }
    }
    Ok(())
}

/// CPython's `duplicate_exits_without_lineno`: a jump to the implicit `return None` at the end
/// becomes its own copy of it, located where the jump was, so the return "happens" on the line
/// of the path that reached it (line events, and no stale line from the code laid out before).
fn inline_implicit_return(instrs: &mut Vec<Instr>, spans: &mut Vec<Span>, ret: usize) {
    let Some(&load @ Instr::LoadConst(_)) = instrs.get(ret) else {
        return;
    };
    let is_jump_to_ret = |i: &Instr| matches!(i, Instr::Jump(t) if *t as usize == ret);
    if !instrs.iter().any(|i| jump_target(*i) == Some(ret as u32)) {
        return;
    }
    let n = instrs.len();
    // new_index[i]: position of old instruction i after the copies are inserted.
    let mut new_index = vec![0u32; n + 1];
    let mut pos = 0u32;
    for (i, ins) in instrs.iter().enumerate() {
        new_index[i] = pos;
        pos += if is_jump_to_ret(ins) { 2 } else { 1 };
    }
    new_index[n] = pos;
    let mut out_i = Vec::with_capacity(pos as usize);
    let mut out_s = Vec::with_capacity(pos as usize);
    for (ins, sp) in instrs.iter().zip(spans.iter()) {
        if is_jump_to_ret(ins) {
            out_i.push(load);
            out_i.push(Instr::ReturnValue);
            out_s.push(*sp);
            out_s.push(*sp);
            continue;
        }
        let ins = match jump_target(*ins) {
            Some(t) => with_target(*ins, new_index[(t as usize).min(n)]),
            None => *ins,
        };
        out_i.push(ins);
        out_s.push(*sp);
    }
    // Conditional jumps (and loop exits) into it get a copy appended at the end instead.
    let ret_new = new_index[ret];
    for k in 0..out_i.len() {
        let ins = out_i[k];
        if matches!(ins, Instr::Jump(_)) || jump_target(ins) != Some(ret_new) {
            continue;
        }
        if !matches!(
            ins,
            Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_) | Instr::ForIter(_)
        ) {
            continue;
        }
        let copy = out_i.len() as u32;
        out_i[k] = with_target(ins, copy);
        let sp = out_s[k];
        out_i.push(load);
        out_i.push(Instr::ReturnValue);
        out_s.push(sp);
        out_s.push(sp);
    }
    *instrs = out_i;
    *spans = out_s;
}

/// CPython's `propagate_line_numbers`: an artificial instruction takes the location of the one
/// before it in its basic block; one that starts a block takes its single predecessor's, and
/// gets no line when the block has several predecessors (so, like CPython, jumping into it from
/// another line is no line event).
fn propagate_lines(instrs: &[Instr], spans: &mut [Span]) {
    let n = instrs.len();
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut block_start = vec![false; n];
    if let Some(b) = block_start.first_mut() {
        *b = true;
    }
    for (i, ins) in instrs.iter().enumerate() {
        if let Some(t) = jump_target(*ins) {
            if let Some(p) = preds.get_mut(t as usize) {
                // A handler is entered by an exception, not from the SetupFinally's line.
                if !matches!(ins, Instr::SetupFinally(_)) {
                    p.push(i);
                }
                block_start[t as usize] = true;
            }
            if let Some(b) = block_start.get_mut(i + 1) {
                *b = true;
            }
        }
        if is_terminal(*ins) {
            if let Some(b) = block_start.get_mut(i + 1) {
                *b = true;
            }
        } else if let Some(p) = preds.get_mut(i + 1) {
            p.push(i);
        }
    }
    for i in 0..n {
        if spans[i] != ARTIFICIAL {
            continue;
        }
        spans[i] = if !block_start[i] && i > 0 {
            spans[i - 1]
        } else {
            match preds[i][..] {
                [p] if spans[p] != ARTIFICIAL => spans[p],
                _ => NO_LINE,
            }
        };
    }
}

/// Which instructions to keep when dropping the `Nop`s that carry no line of their own (a `Nop`
/// stays when it is the only instruction of its line, so `pass` and `while True:` still produce
/// line events), as CPython's assembler does.
fn redundant_nops(instrs: &[Instr], spans: &[Span]) -> Vec<bool> {
    let n = instrs.len();
    let mut keep = vec![true; n];
    for i in 0..n {
        if !matches!(instrs[i], Instr::Nop) {
            continue;
        }
        let line = spans[i].line;
        let prev_same = (0..i)
            .rev()
            .find(|&j| keep[j])
            .is_some_and(|j| spans[j].line == line);
        let next_same = spans.get(i + 1).is_some_and(|s| s.line == line);
        if prev_same || next_same || line == 0 {
            keep[i] = false;
        }
    }
    keep
}

/// Remove the instructions not marked `keep`, renumbering jumps (a jump to a removed
/// instruction goes to the next kept one).
fn remove_instrs(instrs: &mut Vec<Instr>, spans: &mut Vec<Span>, keep: &[bool]) {
    let n = instrs.len();
    if keep.len() >= n && keep.iter().take(n).all(|k| *k) {
        return;
    }
    let kept = |i: usize| keep.get(i).copied().unwrap_or(false);
    let mut new_index = vec![0u32; n + 1];
    let mut count = 0u32;
    for (i, slot) in new_index.iter_mut().enumerate().take(n) {
        *slot = count;
        if kept(i) {
            count += 1;
        }
    }
    new_index[n] = count;
    let mut out_i = Vec::with_capacity(count as usize);
    let mut out_s = Vec::with_capacity(count as usize);
    for (i, (ins, sp)) in instrs.iter().zip(spans.iter()).enumerate() {
        if kept(i) {
            let ins = match jump_target(*ins) {
                Some(t) => with_target(*ins, new_index[(t as usize).min(n)]),
                None => *ins,
            };
            out_i.push(ins);
            out_s.push(*sp);
        }
    }
    *instrs = out_i;
    *spans = out_s;
}

/// How many stack items an instruction consumes before it can raise (CPython pops operands
/// first): what is left must still reach the innermost handler's recorded depth.
pub fn stack_inputs(i: Instr) -> i32 {
    use Instr::*;
    match i {
        // Cannot raise.
        Nop | Copy(_) | Swap(_) | PushNull | LoadConst(_) | LoadClosure(_) | PopTop
        | StoreFast(_) | StoreDeref(_) | Jump(_) | KwNames(_) | SetupFinally(_) | PopBlock
        | PushExcInfo | PopExcept | ListToTuple | AsyncGenWrap | ReturnValue | BuildTuple(_)
        | BuildList(_) | BuildString(_) | MakeFunction(_) | LoadAssertionError | LoadBuildClass => {
            0
        }
        // May raise with nothing consumed.
        LoadFast(_) | LoadDeref(_) | LoadClassDeref(_) | LoadName(_) | LoadGlobal(_)
        | DeleteFast(_) | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_) | ForIter(_)
        | GetANext | WithExceptStart | ImportName(_) | ImportFrom(_) => 0,
        StoreName(_) | StoreGlobal(_) | LoadAttr(_) | DeleteAttr(_) | LoadMethod(_)
        | UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert | PopJumpIfFalse(_)
        | PopJumpIfTrue(_) | JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) | GetIter | ListAppend(_)
        | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_)
        | UnpackSequence(_) | UnpackEx(_) | YieldValue | GetYieldFromIter | GetAwaitable(_)
        | GetAIter | CheckExcMatch | Reraise | BeforeWith | BeforeAsyncWith | ImportStar
        | SetupAnnotations | PrintExpr => 1,
        StoreAttr(_) | DeleteSubscr | BinarySubscr | BinaryOp(_) | CompareOp(_) | IsOp(_)
        | ContainsOp(_) | MapAdd(_) | Send(_) | EndAsyncFor | CheckEgMatch => 2,
        StoreSubscr => 3,
        BuildSlice(n) | BuildSet(n) | RaiseVarargs(n) => n as i32,
        BuildMap(n) => 2 * n as i32,
        BuildConstKeyMap(n) => n as i32 + 1,
        FormatValue(f) => 1 + i32::from(f & 4 != 0),
        Call(n) => n as i32 + 2,
        CallFunctionEx(f) => 3 + (f & 1) as i32,
    }
}

/// Per-path state of the analysis: value stack depth and the recorded depth of each
/// `SetupFinally` block still active (innermost last).
type FlowState = (i32, Vec<i32>);

/// The stack analysis behind `analyze_stack`, also returning which instructions are reachable.
fn analyze(instrs: &[Instr]) -> Result<(u32, Vec<bool>), String> {
    let n = instrs.len();
    if n == 0 {
        return Ok((0, Vec::new()));
    }
    let mut state: Vec<Option<FlowState>> = vec![None; n];
    let mut work: Vec<usize> = vec![0];
    let mut max = 0i32;
    state[0] = Some((0, Vec::new()));
    let merge = |t: usize,
                 st: FlowState,
                 state: &mut Vec<Option<FlowState>>,
                 work: &mut Vec<usize>,
                 from: usize| {
        if t >= n {
            return Err(format!(
                "instruction {from} jumps or falls to {t}, past the end"
            ));
        }
        if st.0 < 0 {
            return Err(format!("stack underflow after instruction {from}"));
        }
        match &state[t] {
            None => {
                state[t] = Some(st);
                work.push(t);
                Ok(())
            }
            Some(old) if *old == st => Ok(()),
            Some(old) => Err(format!(
                "inconsistent depth at {t}: (stack, handler depths) {old:?} vs {st:?} from {from}"
            )),
        }
    };
    while let Some(i) = work.pop() {
        let Some((d, blocks)) = state[i].clone() else {
            continue;
        };
        max = max.max(d);
        let ins = instrs[i];
        if let Some(&h) = blocks.last() {
            if d - stack_inputs(ins) < h {
                return Err(format!(
                    "instruction {i} may raise with {} items left, below its handler's depth {h}",
                    d - stack_inputs(ins)
                ));
            }
        }
        if let Some(t) = jump_target(ins) {
            let dj = d + stack_effect(ins, true);
            // The handler of a SetupFinally runs with its block already popped.
            max = max.max(dj);
            merge(t as usize, (dj, blocks.clone()), &mut state, &mut work, i)?;
        }
        if !is_terminal(ins) {
            let df = d + stack_effect(ins, false);
            let mut bf = blocks;
            match ins {
                Instr::SetupFinally(_) => bf.push(d),
                Instr::PopBlock if bf.pop().is_none() => {
                    return Err(format!("block stack underflow after instruction {i}"));
                }
                _ => {}
            }
            max = max.max(df);
            merge(i + 1, (df, bf), &mut state, &mut work, i)?;
        }
    }
    let reachable = state.iter().map(Option::is_some).collect();
    Ok((max.max(0) as u32, reachable))
}

#[cfg(test)]
pub(crate) mod tests;

/// CPython's `find_ann`: does this body (not nested scopes) hold an annotated assignment?
fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            find_ann(body)
                || handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(orelse)
                || find_ann(finalbody)
        }
        _ => false,
    })
}
