//! The interpreter loop. One loop runs a stack of frames: calls push frames, returns pop them,
//! generators move their frame in and out of the stack. Native code that calls back into Python
//! (`Vm::call`) runs a nested loop, bounded by `MAX_NATIVE_DEPTH`.

use super::builtins::ClassSpec;
use super::coro::{GenKind, GenState, PyGen};
use super::dict::PyDict;
use super::exceptions::{ExcKind, TbEntry};
use super::frame::{Block, Entry, Frame};
use super::object::{
    tflags, GlobalCache, Layout, NativeData, NativeImpl, PyBuiltin, PyCell, PyCode, PyFunction,
    Special,
};
use super::value::{PyStr, Value};
use super::{Exc, KwArgs, PyResult, Vm};
use crate::lang::bytecode::{flags, Instr};
use std::cell::Cell;
use std::rc::Rc;

const SLOTS_HASH: u32 = super::ops::hash_str("__slots__") as u32;

/// Move `stack[start..]` onto the end of `out`. `Vec::drain` costs about a hundred
/// instructions for the one or two arguments of a typical call; this is a few per value.
#[inline(always)]
fn move_tail(stack: &mut Vec<Value>, start: usize, out: &mut Vec<Value>) {
    let len = stack.len();
    if start >= len {
        return;
    }
    let k = len - start;
    out.reserve(k);
    // SAFETY: `out` has room for `k` more values (reserved above) and is a different vector;
    // the `k` values are copied bitwise and `stack` forgets them before `out` owns them, so
    // each is dropped exactly once. (Taking and pushing them one by one cost about 45
    // instructions for a one-argument call.)
    unsafe {
        let src = stack.as_ptr().add(start);
        let dst = out.as_mut_ptr().add(out.len());
        std::ptr::copy_nonoverlapping(src, dst, k);
        stack.set_len(start);
        out.set_len(out.len() + k);
    }
}

/// Drop a call's argument: `drop_fast`, and a method call's instance receiver (a deque, a
/// queue) with its reference count decremented inline too.
#[inline(always)]
fn drop_arg(v: Value) {
    match v {
        Value::Instance(i) => drop(i),
        v => v.drop_fast(),
    }
}

/// Move `k` values from `src` to `dst` bitwise: one to three as plain moves, not a `memcpy`
/// call (the arguments of most calls).
///
/// # Safety
/// `src..src + k` must be initialised values the caller forgets afterwards, `dst..dst + k`
/// writable and not overlapping them.
#[inline(always)]
unsafe fn move_values(src: *const Value, dst: *mut Value, k: usize) {
    // SAFETY: as the caller guarantees.
    unsafe {
        match k {
            0 => {}
            1 => std::ptr::write(dst, std::ptr::read(src)),
            2 => {
                std::ptr::write(dst, std::ptr::read(src));
                std::ptr::write(dst.add(1), std::ptr::read(src.add(1)));
            }
            3 => {
                std::ptr::write(dst, std::ptr::read(src));
                std::ptr::write(dst.add(1), std::ptr::read(src.add(1)));
                std::ptr::write(dst.add(2), std::ptr::read(src.add(2)));
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, k),
        }
    }
}

/// `stack[start..]` as a vector of its own (a tuple's or list's items): `move_tail` into an
/// exact-size vector, where `drain(..).collect()` cost about a hundred instructions more.
#[inline(always)]
fn move_top(stack: &mut Vec<Value>, start: usize) -> Vec<Value> {
    let len = stack.len();
    let k = len.saturating_sub(start);
    let mut out: Vec<Value> = Vec::with_capacity(k);
    // SAFETY: `out` has room for `k` values; each is copied bitwise and `stack` forgets them
    // before `out` owns them, so each is dropped exactly once. One value at a time: `k` is
    // small (a tuple display), and a `memcpy` call cost more than the copies.
    unsafe {
        let src = stack.as_ptr().add(start.min(len));
        let dst = out.as_mut_ptr();
        for j in 0..k {
            std::ptr::write(dst.add(j), std::ptr::read(src.add(j)));
        }
        stack.set_len(len - k);
        out.set_len(k);
    }
    out
}

/// Store `v` into a local's slot. The old value is tested in place: a plain one (the usual
/// int or None) is overwritten with no copy taken of it, where `mem::replace` moved it out to
/// the stack first.
#[inline(always)]
fn set_slot(slot: &mut Value, v: Value) {
    if slot.is_plain() {
        // SAFETY: a plain value owns nothing, so overwriting it without a drop leaks nothing.
        unsafe { std::ptr::write(slot, v) }
    } else {
        drop(std::mem::replace(slot, v));
    }
}

/// `x = y` between locals: whether it ran (`i` bound, both in bounds). Plain values are
/// copied bitwise; the rest, out of line, clones and drops. Kept small: the dispatch loop
/// inlines it, and a bigger body there cost registers on every `LoadFast`.
#[inline(always)]
fn copy_local(l: &mut [Value], i: usize, k: usize) -> bool {
    if i < l.len() && k < l.len() && l[i].is_plain() && !l[i].is_null() && l[k].is_plain() {
        // SAFETY: both in bounds; plain values own nothing, so a bitwise copy is a clone and
        // the overwritten one needs no drop.
        unsafe {
            let p = l.as_mut_ptr();
            std::ptr::copy(p.add(i), p.add(k), 1);
        }
        return true;
    }
    copy_local_slow(l, i, k)
}

#[inline(never)]
fn copy_local_slow(l: &mut [Value], i: usize, k: usize) -> bool {
    if i < l.len() && k < l.len() && !l[i].is_null() {
        let v = l[i].clone();
        set_slot(&mut l[k], v);
        return true;
    }
    false
}

/// `a, b = t` with `t` the local `i`: whether it ran (`t` a pair, the slots in bounds). The
/// items are owned before the first store, which may drop the tuple; the old values drop in
/// the order the two stores would drop them.
#[inline(never)]
fn unpack_local_pair(l: &mut [Value], i: u32, a: u32, b: u32) -> bool {
    let (a, b) = (a as usize, b as usize);
    let (x, y) = match l.get(i as usize) {
        Some(Value::Tuple(t)) if t.items.len() == 2 && a < l.len() && b < l.len() => {
            (t.items[0].clone(), t.items[1].clone())
        }
        _ => return false,
    };
    set_slot(&mut l[a], x);
    set_slot(&mut l[b], y);
    true
}

/// The instruction at `pc`, without a bounds test: one compare and branch fewer per
/// instruction, and one register fewer for the dispatch loop to keep.
#[inline(always)]
fn fetch(instrs: &[Instr], pc: usize) -> Instr {
    debug_assert!(pc < instrs.len());
    // SAFETY: `instrs` is a `PyCode::instrs` (frames take theirs from their code), which
    // `object::runtime_instrs` built so that every jump target is in bounds and the last
    // instruction never falls through. The loop fetches only at index 0 of a new frame (a
    // code object is never empty: it ends with a terminator), at a jump or handler target
    // taken from an instruction, or at the index after an executed (or fused) instruction
    // that fell through, which is therefore not the last one.
    unsafe { *instrs.get_unchecked(pc) }
}

/// A call's fast path: move the top `nargs` values of `stack` onto `locals` and fill the rest
/// of its `nlocals` slots with `Null` (unbound), all behind one capacity test. A call has one
/// or two arguments far more often than more: those move with plain stores rather than a
/// call into `memcpy`.
#[inline(always)]
fn move_args(stack: &mut Vec<Value>, nargs: usize, locals: &mut Vec<Value>, nlocals: usize) {
    let len = stack.len();
    let nargs = nargs.min(len);
    let nlocals = nlocals.max(nargs);
    let start = len - nargs;
    let at = locals.len();
    if locals.capacity() - at < nlocals {
        locals.reserve(nlocals);
    }
    // SAFETY: `locals` has room for `nlocals` more values (tested or reserved above) and is a
    // different vector from `stack`; `start..len` are initialised values of `stack`, which
    // forgets them (set_len) as `locals` takes them over bitwise, so each is dropped once. The
    // slots `at + nargs..at + nlocals` are written before `set_len` covers them.
    unsafe {
        let src = stack.as_ptr().add(start);
        let dst = locals.as_mut_ptr().add(at);
        match nargs {
            0 => {}
            1 => std::ptr::write(dst, std::ptr::read(src)),
            2 => {
                std::ptr::write(dst, std::ptr::read(src));
                std::ptr::write(dst.add(1), std::ptr::read(src.add(1)));
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, nargs),
        }
        stack.set_len(start);
        for i in nargs..nlocals {
            std::ptr::write(dst.add(i), Value::Null);
        }
        locals.set_len(at + nlocals);
    }
}

/// `a op b` where the dispatch computes it inline: ints (not on overflow, nor `%`/`//` with a
/// negative operand or zero divisor) and floats mixed with ints (not division by zero). `None`
/// leaves the case to `binary_op`.
#[inline(always)]
fn fast_arith(kind: crate::lang::bytecode::BinaryOpKind, a: &Value, b: &Value) -> Option<Value> {
    use crate::lang::bytecode::BinaryOpKind as K;
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            return match kind {
                K::Add | K::InplaceAdd => x.checked_add(y).map(Value::Int),
                K::Sub | K::InplaceSub => x.checked_sub(y).map(Value::Int),
                K::Mul | K::InplaceMul => x.checked_mul(y).map(Value::Int),
                K::Mod | K::InplaceMod if x >= 0 && y > 0 => Some(Value::Int(x % y)),
                K::FloorDiv | K::InplaceFloorDiv if x >= 0 && y > 0 => Some(Value::Int(x / y)),
                _ => None,
            };
        }
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        _ => return None,
    };
    match kind {
        K::Add | K::InplaceAdd => Some(Value::Float(x + y)),
        K::Sub | K::InplaceSub => Some(Value::Float(x - y)),
        K::Mul | K::InplaceMul => Some(Value::Float(x * y)),
        K::TrueDiv | K::InplaceTrueDiv if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

/// `a[k] = v` for locals `a` and `k` where the dispatch's `StoreSubscr` would finish inline
/// without running Python code: a list with an int index in range, or a dict with a str key.
/// Gives `v` back otherwise (the plain path then decides, and raises).
#[inline(always)]
fn store_subscr_locals(f: &Frame, a: u32, k: u32, v: Value) -> Result<(), Value> {
    match (f.locals.get(a as usize), f.locals.get(k as usize)) {
        (Some(Value::List(l)), Some(Value::Int(i))) => {
            let Ok(mut items) = l.items.try_borrow_mut() else {
                return Err(v);
            };
            let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
            match usize::try_from(idx).ok().and_then(|i| items.get_mut(i)) {
                Some(slot) => {
                    let old = std::mem::replace(slot, v);
                    // The old value's drop may run Python (`__del__`): not under the borrow.
                    drop(items);
                    old.forget_plain();
                    Ok(())
                }
                None => Err(v),
            }
        }
        (Some(Value::Dict(d)), Some(key @ Value::Str(_))) => {
            d.set_pystr_value(key.clone(), v);
            Ok(())
        }
        _ => Err(v),
    }
}

/// What `fused_operands` computed: an arithmetic result or a comparison's truth.
enum Fused {
    Value(Value),
    Bool(bool),
}

/// For `LoadFast(i)` at `ip - 1` followed by `next` (at `ip`), a `LoadFast`/`LoadConst`: when
/// the instruction after that is a `BinaryOp`/`CompareOp`/`IsOp` that the dispatch would finish inline (bound locals,
/// `fast_arith`'s numbers, int comparisons, any identity test), the result, else `None`.
#[inline(always)]
fn fused_operands(f: &Frame, i: u32, next: Instr, ip: usize) -> Option<Fused> {
    let a = match f.locals.get(i as usize) {
        Some(Value::Null) | None => return None,
        Some(v) => v,
    };
    let b = match next {
        Instr::LoadConst(k) => f.consts.get(k as usize)?,
        Instr::LoadFast(j) => match f.locals.get(j as usize) {
            Some(Value::Null) | None => return None,
            Some(v) => v,
        },
        _ => return None,
    };
    // `ip` holds a load, which never ends a code object: `ip + 1` is in bounds.
    match fetch(&f.instrs, ip + 1) {
        Instr::BinaryOp(kind) => fast_arith(kind, a, b).map(Fused::Value),
        Instr::CompareOp(op) => match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                use crate::lang::bytecode::CompareKind as C;
                Some(Fused::Bool(match op {
                    C::Lt => x < y,
                    C::Le => x <= y,
                    C::Eq => x == y,
                    C::Ne => x != y,
                    C::Gt => x > y,
                    C::Ge => x >= y,
                }))
            }
            _ => None,
        },
        Instr::IsOp(neg) => Some(Fused::Bool(a.is(b) != neg)),
        _ => None,
    }
}

/// Whether the call fast path may call a built-in directly: not bound, no special protocol
/// (generator resumption), not `__build_class__`.
#[inline(always)]
fn plain_ok(b: &PyBuiltin) -> bool {
    b.bound.is_none() && b.special == Special::None && &*b.name != "__build_class__"
}

/// How many arguments (with `self`) the call fast path passes from a buffer on the Rust
/// stack; calls with more take a pooled vector.
const NATIVE_ARGS: usize = 6;

/// `inst.name` when it is in the instance dict and the class has no data descriptor or
/// `__getattribute__` that would take precedence (else the full lookup decides).
#[inline]
fn inst_attr_fast(inst: &super::PyInstance, ps: &PyStr) -> Option<Value> {
    let cls = inst.cls.borrow();
    if cls.has_flag(tflags::GETATTRIBUTE) {
        return None;
    }
    let v = inst.dict.borrow().get_ps(ps).cloned()?;
    let shadowed = cls
        .lookup_map(ps, |d| matches!(d, Value::Native(_) | Value::Instance(_)))
        .unwrap_or(false);
    if shadowed {
        return None;
    }
    Some(v)
}

/// `inst.name = v` straight into the instance dict when nothing on the class intercepts it;
/// gives `v` back otherwise.
#[inline]
fn inst_setattr_fast(inst: &super::PyInstance, ps: &PyStr, v: Value) -> Option<Value> {
    let cls = inst.cls.borrow();
    if cls.flags.get() & tflags::SETATTR == 0
        && cls.lookup_map(ps, |_| ()).is_none()
        && cls.dict.borrow().get_h("__slots__", SLOTS_HASH).is_none()
    {
        drop(cls);
        // `__dict__` and `__class__` are descriptors in CPython, not in the class dict here:
        // refused, for `generic_setattr`.
        return inst.dict.borrow_mut().set_attr_ps(ps, v);
    }
    Some(v)
}

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
    Raise(Exc),
    /// The step budget ran out; the frames are parked in `Vm::frames` above `base`.
    OutOfFuel,
}

pub(crate) struct Paused {
    pub base: usize,
}

/// The result of preparing a call.
pub enum CallOut {
    Value(Value),
    Frame(Box<Frame>),
    /// Generator frames to push (outermost first) and an exception to raise in the last one.
    Gen(Vec<Box<Frame>>, Option<Exc>),
    /// One generator frame to push (the common `send`/`next`: no allocation).
    GenFrame(Box<Frame>),
}

impl CallOut {
    /// Fold `GenFrame` into `Gen` for code that handles both the same way.
    pub fn normalize(self) -> CallOut {
        match self {
            CallOut::GenFrame(f) => CallOut::Gen(vec![f], None),
            other => other,
        }
    }
}

/// How to resume a generator.
#[derive(Clone)]
pub enum ResumeHow {
    Send(Value),
    Throw(Exc),
    Close,
}

impl Vm {
    /// A method descriptor's self check says only "descriptor requires a 'list' object"; the
    /// call site knows the method, so it words the error as CPython does: no self at all
    /// (`list.append()`) or a self of the wrong type (`list.append(1, 2)`).
    /// A method descriptor called with no self: every built-in method with an owner needs one
    /// (static and class methods are wrapped builtins without an owner).
    #[cold]
    fn unbound_no_self(&self, b: &PyBuiltin) -> Exc {
        let owner = b.owner.as_deref().unwrap_or("object");
        self.type_error(format!(
            "unbound method {owner}.{}() needs an argument",
            b.name
        ))
    }

    #[cold]
    fn descriptor_self_error(&self, b: &PyBuiltin, args: &[Value], e: Exc) -> Exc {
        let Some(owner) = &b.owner else { return e };
        if b.bound.is_some() || !self.exc_matches(&e, ExcKind::TypeError) {
            return e;
        }
        let Some(data) = e.exc() else { return e };
        // The check names the type as CPython's tp_name does (`collections.deque`).
        let tp_name = match &data.borrow().args {
            Value::Tuple(t) if t.items.len() == 1 => match &t.items[0] {
                Value::Str(m) => m
                    .s
                    .strip_prefix("descriptor requires a '")
                    .and_then(|r| r.strip_suffix("' object"))
                    .filter(|n| {
                        *n == &**owner || n.strip_suffix(&**owner).is_some_and(|p| p.ends_with('.'))
                    })
                    .map(str::to_string),
                _ => None,
            },
            _ => None,
        };
        if let Some(tp_name) = tp_name {
            let msg = match args.first() {
                None => format!("unbound method {owner}.{}() needs an argument", b.name),
                Some(v) => format!(
                    "descriptor '{}' for '{tp_name}' objects doesn't apply to a '{}' object",
                    b.name,
                    self.type_name(v)
                ),
            };
            data.borrow_mut().args = Value::tuple(vec![Value::string(msg)]);
        }
        e
    }

    // ------------------------------------------------------------ frames

    pub fn new_frame(
        &mut self,
        code: Rc<PyCode>,
        globals: Rc<PyDict>,
        locals: Vec<Value>,
        cells: Vec<Rc<PyCell>>,
        func: Option<Rc<PyFunction>>,
    ) -> Box<Frame> {
        let nlocals = code.co.varnames.len();
        let mut fr = self.alloc_frame(code, globals, func);
        fr.locals = locals;
        // A module's frame is made with no locals, but has slots for the parser's temporaries.
        if fr.locals.len() < nlocals {
            fr.locals.resize(nlocals, Value::Null);
        }
        fr.cells = cells;
        fr
    }

    /// A frame with empty stack/locals, reusing a recycled one when possible (calls are hot).
    pub(crate) fn alloc_frame(
        &mut self,
        code: Rc<PyCode>,
        globals: Rc<PyDict>,
        func: Option<Rc<PyFunction>>,
    ) -> Box<Frame> {
        if let Some(fr) = self.frame_pool.pop() {
            let mut fr = fr;
            self.reuse_frame(&mut fr, &code, &globals);
            fr.func = func;
            return fr;
        }
        self.fresh_frame(code, globals, func)
    }

    /// `alloc_frame` for a call of `func`: no refcount traffic when the pooled frame already
    /// ran the same code (recursion, loops calling one function).
    /// The caller sets `func`: a pooled frame still holds its last one.
    #[inline(always)]
    fn alloc_call_frame(&mut self, func: &Rc<PyFunction>) -> Box<Frame> {
        if let Some(mut fr) = self.frame_pool.pop() {
            self.reuse_frame(&mut fr, &func.code, &func.globals);
            return fr;
        }
        self.fresh_frame(func.code.clone(), func.globals.clone(), None)
    }

    #[inline(always)]
    fn reuse_frame(&mut self, fr: &mut Frame, code: &Rc<PyCode>, globals: &Rc<PyDict>) {
        // Recursion reuses frames of the same code: keep the cached pointers then.
        if !Rc::ptr_eq(&fr.code, code) {
            let need = code.co.stacksize as usize;
            if fr.stack.capacity() < need {
                fr.stack.reserve(need);
            }
            fr.instrs = code.instrs.clone();
            fr.consts = code.consts();
            fr.names = code.names();
            fr.code = code.clone();
        }
        if !Rc::ptr_eq(&fr.globals, globals) {
            fr.globals = globals.clone();
        }
        fr.pc = 0;
        // Recycled frames come back with `Call` (see `frame_return`): no drop glue then.
        if !matches!(fr.entry, Entry::Call) {
            fr.entry = Entry::Call;
        }
        fr.in_yield_from = false;
        fr.last_line = 0;
        fr.id = self.next_frame_id();
    }

    fn fresh_frame(
        &mut self,
        code: Rc<PyCode>,
        globals: Rc<PyDict>,
        func: Option<Rc<PyFunction>>,
    ) -> Box<Frame> {
        let id = self.next_frame_id();
        let consts = code.consts();
        let names = code.names();
        let stacksize = code.co.stacksize as usize;
        Box::new(Frame {
            instrs: code.instrs.clone(),
            code,
            consts,
            names,
            pc: 0,
            stack: Vec::with_capacity(stacksize.max(4)),
            locals: Vec::new(),
            cells: Vec::new(),
            blocks: Vec::new(),
            globals,
            locals_dict: None,
            func,
            kwnames: None,
            handled: None,
            entry: Entry::Call,
            gen: None,
            in_yield_from: false,
            last_line: 0,
            id,
        })
    }

    /// Give a finished frame back to the pool.
    pub(crate) fn recycle(&mut self, fr: Box<Frame>) {
        self.recycle_inline(fr)
    }

    /// `recycle` for the return fast path.
    #[inline(always)]
    fn recycle_inline(&mut self, mut fr: Box<Frame>) {
        if self.frame_pool.len() >= 64 {
            return;
        }
        // A returning frame's stack, cells and handlers are usually empty already: test
        // before clearing so the common case runs no drop glue.
        if !fr.stack.is_empty() {
            fr.stack.clear();
        }
        // Locals mostly hold ints and floats: no drop glue for them.
        if fr.locals.iter().all(Value::is_plain) {
            // SAFETY: plain values own nothing, so forgetting them leaks nothing.
            unsafe { fr.locals.set_len(0) };
        } else {
            fr.locals.clear();
        }
        if !fr.cells.is_empty() {
            fr.cells.clear();
        }
        fr.blocks.clear();
        if fr.locals_dict.is_some() {
            fr.locals_dict = None;
        }
        if fr.kwnames.is_some() {
            fr.kwnames = None;
        }
        if fr.handled.is_some() {
            fr.handled = None;
        }
        if fr.gen.is_some() {
            fr.gen = None;
        }
        self.frame_pool.push(fr);
    }

    /// Bind arguments to a new frame for `func` (CPython's argument rules and messages).
    pub fn make_frame(
        &mut self,
        func: &Rc<PyFunction>,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<Box<Frame>> {
        let co = &func.code.co;
        let argcount = co.argcount as usize;
        let nlocals = co.varnames.len();
        let simple =
            co.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 && co.kwonlyargcount == 0;
        if simple && kwargs.is_empty() && args.len() == argcount {
            args.resize(nlocals, Value::Null);
        } else {
            args = self.bind_slow(func, args, kwargs)?;
        }
        let cells = self.make_cells(func, &mut args);
        let mut f = self.new_frame(
            func.code.clone(),
            func.globals.clone(),
            args,
            cells,
            Some(func.clone()),
        );
        f.entry = Entry::Call;
        Ok(f)
    }

    fn make_cells(&self, func: &Rc<PyFunction>, locals: &mut [Value]) -> Vec<Rc<PyCell>> {
        let co = &func.code.co;
        if co.cellvars.is_empty() && co.freevars.is_empty() {
            return Vec::new();
        }
        let mut cells = Vec::with_capacity(co.cellvars.len() + co.freevars.len());
        for i in 0..co.cellvars.len() {
            let init = match co.cell2arg.get(i).copied().flatten() {
                Some(a) => locals
                    .get_mut(a as usize)
                    .map(std::mem::take)
                    .unwrap_or(Value::Null),
                None => Value::Null,
            };
            cells.push(Rc::new(PyCell::new(init)));
        }
        cells.extend(func.closure.iter().cloned());
        cells
    }

    fn bind_slow(
        &mut self,
        func: &Rc<PyFunction>,
        args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<Vec<Value>> {
        let co = func.code.co.clone();
        let fname = func.qualname.borrow().clone();
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let posonly = co.posonlyargcount as usize;
        let has_varargs = co.flags & flags::VARARGS != 0;
        let has_varkw = co.flags & flags::VARKEYWORDS != 0;
        let nlocals = co.varnames.len();
        let mut locals = vec![Value::Null; nlocals];
        let npos = args.len();
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < argcount {
                locals[i] = a;
            } else {
                extra.push(a);
            }
        }
        let mut idx = argcount + kwonly;
        if has_varargs {
            if let Some(slot) = locals.get_mut(idx) {
                *slot = Value::tuple(std::mem::take(&mut extra));
            }
            idx += 1;
        }
        let kwdict = if has_varkw {
            Some(Rc::new(PyDict::new()))
        } else {
            None
        };
        if let (Some(d), Some(slot)) = (&kwdict, locals.get_mut(idx)) {
            *slot = Value::Dict(d.clone());
        }
        let defaults = func.defaults.borrow().clone();
        if !extra.is_empty() {
            let ndef = defaults.len();
            let given_kwonly = kwargs
                .iter()
                .filter(|(k, _)| {
                    co.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|n| **n == **k)
                })
                .count();
            let takes = if ndef > 0 {
                format!(
                    "from {} to {} positional arguments",
                    argcount - ndef,
                    argcount
                )
            } else {
                format!(
                    "{} positional argument{}",
                    argcount,
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let given = if given_kwonly > 0 {
                format!(
                    "{} positional argument{} (and {} keyword-only argument{}) were given",
                    npos,
                    if npos == 1 { "" } else { "s" },
                    given_kwonly,
                    if given_kwonly == 1 { "" } else { "s" }
                )
            } else {
                format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
            };
            return Err(self.type_error(format!("{fname}() takes {takes} but {given}")));
        }
        let mut posonly_as_kw = Vec::new();
        for (k, v) in kwargs {
            let pos = co.varnames[..argcount + kwonly]
                .iter()
                .position(|n| **n == **k);
            match pos {
                Some(p) if p >= posonly => {
                    if !locals[p].is_null() {
                        return Err(self.type_error(format!(
                            "{fname}() got multiple values for argument '{k}'"
                        )));
                    }
                    locals[p] = v.clone();
                }
                _ => {
                    if let Some(d) = &kwdict {
                        self.dict_set(d, Value::str(k), v.clone())?;
                    } else if pos.is_some() {
                        posonly_as_kw.push(k.to_string());
                    } else {
                        return Err(self.type_error(format!(
                            "{fname}() got an unexpected keyword argument '{k}'"
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for positional parameters.
        let ndef = defaults.len();
        let first_def = argcount.saturating_sub(ndef);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_null() {
                if i >= first_def {
                    locals[i] = defaults[i - first_def].clone();
                } else {
                    missing.push(co.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let kwdefs = func.kwdefaults.borrow().clone();
        for (slot, name) in locals
            .iter_mut()
            .zip(co.varnames.iter())
            .skip(argcount)
            .take(kwonly)
        {
            if slot.is_null() {
                if let Some(v) = kwdefs.as_ref().and_then(|d| d.get_str(name)) {
                    *slot = v;
                } else {
                    missing.push(name.to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        Ok(locals)
    }

    /// Create the generator/coroutine object for a call of a generator function.
    fn make_gen(&mut self, f: Box<Frame>) -> Value {
        let co = &f.code.co;
        let kind = if co.is_coroutine() {
            GenKind::Coroutine
        } else if co.is_async_generator() {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let (name, qualname) = match &f.func {
            Some(func) => (func.name.borrow().clone(), func.qualname.borrow().clone()),
            None => (co.name.clone(), co.qualname.clone()),
        };
        let origin = if kind == GenKind::Coroutine && self.coro_origin_depth > 0 {
            Some(Rc::new(self.coro_origin()))
        } else {
            None
        };
        let g = PyGen {
            kind,
            state: std::cell::Cell::new(GenState::Created),
            frame: std::cell::RefCell::new(None),
            name: std::cell::RefCell::new(name),
            qualname: std::cell::RefCell::new(qualname),
            code: f.code.clone(),
            iterable_coroutine: std::cell::Cell::new(co.flags & flags::ITERABLE_COROUTINE != 0),
            ag_running: std::cell::Cell::new(false),
            ag_closed: std::cell::Cell::new(false),
            warn: Some(self.warnings.clone()),
            origin,
            id: self.next_id(),
        };
        *g.frame.borrow_mut() = Some(f);
        Value::Gen(Rc::new(g))
    }

    /// A coroutine of `func` suspended in an `await` as if it had run there: its frame at
    /// `pc` (just after the `YieldValue` that follows a `Send`) with `locals`, `stack` (the
    /// awaited iterator on top) and `blocks`; the coroutine takes the id given (the one skipped
    /// when the runtime ran the coroutine's work without it, see `AwaitHook::call_awaited`),
    /// leaving the id counter where it is.
    pub fn suspended_coroutine(
        &mut self,
        func: &Rc<PyFunction>,
        suspended: (usize, Vec<Value>, Vec<Value>, Vec<super::frame::Block>),
        coro_id: u64,
    ) -> Value {
        let (pc, locals, stack, blocks) = suspended;
        let mut fr = self.fresh_frame(func.code.clone(), func.globals.clone(), Some(func.clone()));
        fr.pc = pc;
        fr.locals = locals;
        fr.stack = stack;
        fr.blocks = blocks;
        fr.in_yield_from = true;
        let g = self.with_ids_kept(|vm| vm.make_gen(fr));
        match g {
            Value::Gen(g) => {
                g.state.set(GenState::Suspended);
                // The id is the object's identity from its creation: rebuild with the one given.
                let g = Rc::try_unwrap(g)
                    .map(|mut g| {
                        g.id = coro_id;
                        Rc::new(g)
                    })
                    .unwrap_or_else(|g| g);
                Value::Gen(g)
            }
            other => other,
        }
    }

    // ------------------------------------------------------------ calls

    /// Call a Python callable from Rust, running nested frames to completion.
    pub fn call(&mut self, f: &Value, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
        let out = self.prepare_call(f, args.to_vec(), kwargs)?;
        self.finish_call_out(out)
    }

    pub(crate) fn finish_call_out(&mut self, out: CallOut) -> PyResult<Value> {
        match out.normalize() {
            CallOut::Value(v) => Ok(v),
            CallOut::Frame(fr) | CallOut::GenFrame(fr) => self.run_nested(fr),
            CallOut::Gen(frames, exc) => {
                let is_close = matches!(frames.first().map(|f| &f.entry), Some(Entry::GenClose));
                let gen = frames.first().and_then(|f| f.gen.clone());
                self.enter_native()?;
                let res = self.run_gen_frames(frames, exc, u64::MAX);
                self.leave_native();
                let kind = gen.as_ref().map(|g| g.kind).unwrap_or(GenKind::Generator);
                match res? {
                    Exit::Yield(v) => {
                        if is_close {
                            let what = gen.as_ref().map(|g| g.kind_name()).unwrap_or("generator");
                            Err(self.runtime_error(format!("{what} ignored GeneratorExit")))
                        } else {
                            Ok(v)
                        }
                    }
                    Exit::Return(v) => {
                        if is_close {
                            Ok(Value::None)
                        } else if kind == GenKind::AsyncGenerator {
                            Err(self.new_error_args(ExcKind::StopAsyncIteration, vec![]))
                        } else {
                            Err(super::exceptions::new_stop_iteration(self, v))
                        }
                    }
                    Exit::Raise(e) => {
                        if is_close
                            && (self.exc_matches(&e, ExcKind::GeneratorExit)
                                || self.exc_matches(&e, ExcKind::StopIteration))
                        {
                            Ok(Value::None)
                        } else {
                            Err(e)
                        }
                    }
                    Exit::OutOfFuel => Err(self.runtime_error("out of fuel")),
                }
            }
        }
    }

    /// Run a prepared frame to completion in a nested loop.
    pub(crate) fn run_nested(&mut self, mut fr: Box<Frame>) -> PyResult<Value> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.enter_native()?;
        let entry = std::mem::replace(&mut fr.entry, Entry::Barrier);
        let base = self.frames.len();
        let mut fuel = u64::MAX;
        let r = self.run_loop(fr, base, &mut fuel);
        self.leave_native();
        let v = match r {
            Exit::Return(v) | Exit::Yield(v) => v,
            Exit::Raise(e) => return Err(e),
            Exit::OutOfFuel => return Err(self.runtime_error("out of fuel")),
        };
        match entry {
            Entry::Init(inst) => {
                if !v.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&v)
                    )));
                }
                Ok(inst)
            }
            Entry::ClassBody(spec) => self.finish_class(*spec, v),
            _ => Ok(v),
        }
    }

    /// Turn a callable and arguments into either a result (native code ran) or a frame to push.
    pub fn prepare_call(
        &mut self,
        f: &Value,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<CallOut> {
        match f {
            Value::Func(func) => {
                let fr = self.make_frame(func, args, kwargs)?;
                if fr.code.co.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR)
                    != 0
                {
                    return Ok(CallOut::Value(self.make_gen(fr)));
                }
                Ok(CallOut::Frame(fr))
            }
            Value::Method(m) => {
                args.insert(0, m.slf.clone());
                let func = m.func.clone();
                self.prepare_call(&func, args, kwargs)
            }
            Value::Builtin(b) => {
                if let Some(s) = &b.bound {
                    args.insert(0, s.clone());
                } else if args.is_empty() && b.owner.is_some() {
                    return Err(self.unbound_no_self(b));
                }
                if b.special != Special::None {
                    if let Some(out) = self.special_call(b, &args, kwargs)? {
                        return Ok(out);
                    }
                }
                if &*b.name == "__build_class__" && b.bound.is_none() {
                    return self.build_class_call(args, kwargs);
                }
                let r = match &b.imp {
                    NativeImpl::Fn(nf) => nf(self, &args, kwargs),
                    NativeImpl::Closure(c) => {
                        let c = c.clone();
                        c(self, &args, kwargs)
                    }
                };
                match r {
                    Ok(v) => Ok(CallOut::Value(v)),
                    Err(e) => Err(self.descriptor_self_error(b, &args, e)),
                }
            }
            Value::Type(t) => self.call_type(t, args, kwargs),
            Value::Instance(_) | Value::Native(_) => {
                let cls = self.type_of(f);
                match cls.lookup("__call__") {
                    Some(c) => {
                        args.insert(0, f.clone());
                        match &c {
                            Value::Func(_) | Value::Builtin(_) => {
                                self.prepare_call(&c, args, kwargs)
                            }
                            _ => {
                                args.remove(0);
                                let b = self.bind_descr(c, f, &cls)?;
                                self.prepare_call(&b, args, kwargs)
                            }
                        }
                    }
                    None => {
                        Err(self.type_error(format!("'{}' object is not callable", cls.tp_name())))
                    }
                }
            }
            _ => Err(self.type_error(format!("'{}' object is not callable", self.type_name(f)))),
        }
    }

    /// `next(gen)`, `gen.send(v)`, `gen.throw(e)`, `gen.close()` on a generator: resume its frame.
    fn special_call(
        &mut self,
        b: &PyBuiltin,
        args: &[Value],
        kwargs: &KwArgs,
    ) -> PyResult<Option<CallOut>> {
        if !kwargs.is_empty() {
            return Ok(None);
        }
        let (g, wrapped) = match args.first() {
            Some(Value::Gen(g)) => (g.clone(), false),
            Some(Value::Native(n)) => match &n.data {
                NativeData::CoroWrapper(g) => (g.clone(), true),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let how = match b.special {
            Special::Next | Special::GenNext => {
                if g.kind != GenKind::Generator && !wrapped {
                    return Ok(None);
                }
                if b.special == Special::Next && args.len() > 1 {
                    // next(gen, default): StopIteration becomes the default.
                    return Ok(None);
                }
                ResumeHow::Send(Value::None)
            }
            Special::GenSend => {
                if args.len() != 2 {
                    return Ok(None);
                }
                ResumeHow::Send(args[1].clone())
            }
            Special::GenThrow => {
                let exc = self.make_throw_exc(&args[1..])?;
                ResumeHow::Throw(exc)
            }
            Special::GenClose => ResumeHow::Close,
            Special::None => return Ok(None),
        };
        let entry = if matches!(how, ResumeHow::Close) {
            Entry::GenClose
        } else {
            Entry::GenCall
        };
        self.gen_resume_frames(&g, how, entry).map(Some)
    }

    /// The exception for `gen.throw(typ[, val[, tb]])`.
    pub fn make_throw_exc(&mut self, args: &[Value]) -> PyResult<Exc> {
        let Some(typ) = args.first() else {
            return Err(self.type_error("throw expected at least 1 argument, got 0"));
        };
        match typ {
            Value::Instance(i) if i.exc().is_some() => {
                if args.get(1).map(|v| !v.is_none()).unwrap_or(false) {
                    return Err(self.type_error("instance exception may not have a separate value"));
                }
                Ok(i.clone())
            }
            Value::Type(t) if t.is_subtype(&self.exc_type(ExcKind::BaseException)) => {
                let cargs = match args.get(1) {
                    None | Some(Value::None) => vec![],
                    Some(Value::Tuple(tp)) => tp.items.to_vec(),
                    Some(v) => {
                        if let Value::Instance(i) = v {
                            if i.class().is_subtype(t) {
                                return Ok(i.clone());
                            }
                        }
                        vec![v.clone()]
                    }
                };
                let v = self.call(typ, &cargs, &[])?;
                match v {
                    Value::Instance(i) if i.exc().is_some() => Ok(i),
                    _ => Err(self.type_error("exceptions must derive from BaseException")),
                }
            }
            _ => Err(self.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                self.type_name(typ)
            ))),
        }
    }

    /// Prepare to resume a generator: the frames to push (the generator's, plus those it is
    /// delegating to when throwing into a `yield from`), or an immediate result.
    pub(crate) fn gen_resume_frames(
        &mut self,
        g: &Rc<PyGen>,
        how: ResumeHow,
        entry: Entry,
    ) -> PyResult<CallOut> {
        let what = g.kind_name();
        match g.state.get() {
            GenState::Running => {
                return Err(self.value_error(format!("{what} already executing")));
            }
            GenState::Completed => {
                return match how {
                    ResumeHow::Close => Ok(CallOut::Value(Value::None)),
                    ResumeHow::Throw(e) => Err(e),
                    ResumeHow::Send(_) => {
                        if g.kind == GenKind::Coroutine {
                            Err(self.runtime_error("cannot reuse already awaited coroutine"))
                        } else if g.kind == GenKind::AsyncGenerator {
                            Err(self.new_error_args(ExcKind::StopAsyncIteration, vec![]))
                        } else {
                            Err(self.new_error_args(ExcKind::StopIteration, vec![]))
                        }
                    }
                };
            }
            GenState::Created => match &how {
                ResumeHow::Send(v) if !v.is_none() => {
                    return Err(self.type_error(format!(
                        "can't send non-None value to a just-started {what}"
                    )));
                }
                ResumeHow::Close => {
                    g.state.set(GenState::Completed);
                    g.frame.borrow_mut().take();
                    return Ok(CallOut::Value(Value::None));
                }
                _ => {}
            },
            GenState::Suspended => {}
        }
        let started = g.state.get() == GenState::Suspended;
        let Some(mut fr) = g.frame.borrow_mut().take() else {
            g.state.set(GenState::Completed);
            return Err(self.runtime_error(format!("{what} has no frame")));
        };
        g.state.set(GenState::Running);
        fr.entry = entry;
        fr.gen = Some(g.clone());
        match how {
            ResumeHow::Send(v) => {
                if started {
                    fr.stack.push(v);
                }
                fr.in_yield_from = false;
                Ok(CallOut::GenFrame(fr))
            }
            ResumeHow::Throw(exc) => self.throw_chain(fr, exc, false),
            ResumeHow::Close => {
                let exc = self.new_error_args(ExcKind::GeneratorExit, vec![]);
                self.throw_chain(fr, exc, true)
            }
        }
    }

    /// `gen_resume_frames` for the hot case, a suspended generator resumed with a value: its
    /// frame, ready to push; `Err(v)` hands the value back when the generator is in any other
    /// state (the general path then decides).
    #[inline]
    fn resume_suspended(
        &mut self,
        g: &Rc<PyGen>,
        v: Value,
        entry: Entry,
    ) -> Result<Box<Frame>, Value> {
        if g.state.get() != GenState::Suspended {
            return Err(v);
        }
        let taken = g.frame.borrow_mut().take();
        let Some(mut fr) = taken else {
            return Err(v);
        };
        g.state.set(GenState::Running);
        // A parked frame's entry is `Call` (see `frame_yield`): nothing to drop.
        match std::mem::replace(&mut fr.entry, entry) {
            Entry::Call => {}
            old => drop(old),
        }
        fr.gen = Some(g.clone());
        fr.stack.push(v);
        fr.in_yield_from = false;
        Ok(fr)
    }

    /// The method a `LoadMethod` at `pc` found last time on a receiver of this built-in type.
    #[inline(always)]
    fn method_cache_get(&self, f: &Frame, pc: usize, obj: &Value) -> Option<Value> {
        let t = self.method_cache_type(obj)?;
        // SAFETY: the reference ends within this function, which runs no Python code (an
        // unguarded read: no borrow count written and restored).
        let c = unsafe { f.code.method_cache.try_borrow_unguarded() }.ok()?;
        let e = c.get(pc)?;
        if e.tag == t.cache_tag && e.epoch == super::object::type_epoch() {
            e.val.as_ref().map(Value::clone_func_fast)
        } else {
            None
        }
    }

    fn method_cache_put(&self, f: &Frame, pc: usize, obj: &Value, m: &Value) {
        let Some(t) = self.method_cache_type(obj) else {
            return;
        };
        let epoch = super::object::type_epoch();
        if epoch == 0 || !t.builtin {
            return;
        }
        let Ok(mut c) = f.code.method_cache.try_borrow_mut() else {
            return;
        };
        if c.is_empty() {
            c.resize_with(f.instrs.len(), Default::default);
        }
        if let Some(e) = c.get_mut(pc) {
            *e = super::object::MethodCache {
                tag: t.cache_tag,
                epoch,
                val: Some(m.clone()),
                inst: super::object::InstMethod::None,
                shape: Cell::new(0),
            };
        }
    }

    /// `LoadMethod` on a plain instance through its cache: what the class gave last time,
    /// while the class is unchanged and the instance's dict does not shadow the name.
    #[inline(always)]
    fn inst_method_cache_get(
        &self,
        f: &Frame,
        pc: usize,
        i: &super::PyInstance,
        name: Option<&Value>,
    ) -> Option<Value> {
        use super::object::InstMethod;
        // Unguarded reads (no borrow counts written and restored): every reference ends
        // within this function, which runs no Python code; a cell borrowed mutably right now
        // takes the slow path.
        // SAFETY: see above.
        let c = unsafe { f.code.method_cache.try_borrow_unguarded() }.ok()?;
        let e = c.get(pc)?;
        if matches!(e.inst, InstMethod::None) || matches!(i.ext, super::object::Ext::Builtin(_)) {
            return None;
        }
        // SAFETY: see above.
        let cls = unsafe { i.cls.try_borrow_unguarded() }.ok()?;
        if e.tag != cls.cache_tag || e.epoch != super::object::type_epoch() {
            return None;
        }
        let Some(Value::Str(ps)) = name else {
            return None;
        };
        // SAFETY: see above.
        let d = unsafe { i.dict.try_borrow_unguarded() }.ok()?;
        let shape = d.shape_id();
        if shape != e.shape.get() {
            if d.contains_ps(ps) {
                return None;
            }
            e.shape.set(shape);
        }
        match &e.inst {
            InstMethod::Func(w) => w.upgrade().map(Value::Func),
            InstMethod::Builtin(w) => w.upgrade().map(Value::Builtin),
            InstMethod::None => None,
        }
    }

    /// Remember what `lookup_method_ps` found on a plain instance's class (see
    /// `inst_method_cache_get`).
    fn inst_method_cache_put(&self, f: &Frame, pc: usize, i: &super::PyInstance, m: &Value) {
        use super::object::InstMethod;
        let epoch = super::object::type_epoch();
        // A built-in's subclass binds built-in methods to its payload (`lookup_method_ps`
        // declines those): never cached for it. Natively backed instances (a deque) and
        // exceptions find their methods on the class like plain ones.
        if epoch == 0 || matches!(i.ext, super::object::Ext::Builtin(_)) {
            return;
        }
        let inst = match m {
            Value::Func(func) => InstMethod::Func(Rc::downgrade(func)),
            Value::Builtin(b) => InstMethod::Builtin(Rc::downgrade(b)),
            _ => return,
        };
        let Ok(mut c) = f.code.method_cache.try_borrow_mut() else {
            return;
        };
        if c.is_empty() {
            c.resize_with(f.instrs.len(), Default::default);
        }
        if let Some(e) = c.get_mut(pc) {
            *e = super::object::MethodCache {
                tag: i.cls.borrow().cache_tag,
                epoch,
                val: None,
                inst,
                shape: Cell::new(i.dict.borrow().shape_id()),
            };
        }
    }

    /// `LoadGlobal` through its cache: two version checks and an indexed read. Inlined into
    /// the dispatch: as a call it cost about 15 instructions of call, spill and result copy.
    #[inline(always)]
    fn global_cached(&self, globals: &PyDict, slot: &Cell<GlobalCache>) -> Option<Value> {
        let c = slot.get();
        // Unguarded reads (no borrow count written and restored): the references end within
        // this function, which runs no code that could borrow either table mutably.
        // SAFETY: see above; a table borrowed mutably right now takes the slow path.
        let gt = unsafe { globals.t.try_borrow_unguarded() }.ok()?;
        if gt.version != c.globals_version {
            return None;
        }
        if !c.builtin {
            return gt
                .entry(c.index as usize)
                .map(|e| e.value.clone_func_fast());
        }
        // SAFETY: as above.
        let bt = unsafe { self.builtins.t.try_borrow_unguarded() }.ok()?;
        if bt.version != c.builtins_version {
            return None;
        }
        bt.entry(c.index as usize)
            .map(|e| e.value.clone_func_fast())
    }

    /// `LoadGlobal` the long way (globals, then builtins), remembering where the name was.
    #[inline(never)]
    fn global_fill(
        &self,
        globals: &PyDict,
        name: &PyStr,
        slot: &Cell<GlobalCache>,
    ) -> Option<Value> {
        let h = name.hash();
        let gt = globals.t.borrow();
        if let Some(ix) = gt.probe_str(h, &name.s) {
            slot.set(GlobalCache {
                globals_version: gt.version,
                builtins_version: 0,
                index: ix as u32,
                builtin: false,
            });
            return gt.value_at(ix);
        }
        let globals_version = gt.version;
        drop(gt);
        let bt = self.builtins.t.borrow();
        let ix = bt.probe_str(h, &name.s)?;
        slot.set(GlobalCache {
            globals_version,
            builtins_version: bt.version,
            index: ix as u32,
            builtin: true,
        });
        bt.value_at(ix)
    }

    /// The receivers whose method lookup `lookup_method_ps` answers from their type alone.
    #[inline]
    fn method_cache_type<'a>(&'a self, obj: &'a Value) -> Option<&'a Rc<super::PyType>> {
        match obj {
            Value::Instance(_)
            | Value::Type(_)
            | Value::Module(_)
            | Value::Func(_)
            | Value::Method(_)
            | Value::Native(_) => None,
            _ => self.type_ref(obj),
        }
    }

    /// Throwing into a generator suspended in `yield from`/`await` of another generator throws
    /// into the innermost one: push the whole chain, raise at the innermost.
    #[allow(clippy::while_let_loop)]
    fn throw_chain(&mut self, fr: Box<Frame>, exc: Exc, closing: bool) -> PyResult<CallOut> {
        let mut exc = exc;
        let mut frames = vec![fr];
        loop {
            let Some(top) = frames.last_mut() else { break };
            if !top.in_yield_from {
                break;
            }
            let target = match top
                .pc
                .checked_sub(2)
                .and_then(|i| top.code.co.instrs.get(i))
            {
                Some(Instr::Send(t)) => *t,
                _ => break,
            };
            let sub = match top.stack.last() {
                Some(Value::Gen(s)) if s.state.get() == GenState::Suspended => s.clone(),
                Some(Value::Native(n)) if matches!(n.data, NativeData::AsyncGenOp(_)) => {
                    let n = n.clone();
                    if closing {
                        // CPython closes the awaitable (not the generator) and raises
                        // GeneratorExit in the awaiting frame.
                        self.agen_op_close(&n);
                        break;
                    }
                    match self.agen_op_throw_frame(&n, target, exc.clone()) {
                        Ok(sf) => {
                            top.in_yield_from = false;
                            top.pc -= 1;
                            frames.push(sf);
                            continue;
                        }
                        Err(e) => {
                            exc = e;
                            break;
                        }
                    }
                }
                Some(recv @ Value::Instance(_)) => {
                    let recv = recv.clone();
                    if let Some(h) = self.await_hook.clone() {
                        if let Some(e) = h.throw_in(self, &recv, &exc, closing) {
                            // Raised where the coroutine's frame would have handed it back.
                            exc = e;
                            top.pc -= 1;
                        }
                    }
                    break;
                }
                _ => break,
            };
            let Some(mut sf) = sub.frame.borrow_mut().take() else {
                break;
            };
            top.in_yield_from = false;
            // Resume the delegating frame at its YieldValue, as if Send had just pushed `sub`.
            top.pc -= 1;
            sub.state.set(GenState::Running);
            sf.entry = Entry::Send(target);
            sf.gen = Some(sub.clone());
            frames.push(sf);
        }
        if let Some(top) = frames.last_mut() {
            top.in_yield_from = false;
        }
        Ok(CallOut::Gen(frames, Some(exc)))
    }

    /// Run generator frames pushed by `gen_resume_frames` until the outermost one yields,
    /// returns or raises (it must have a `Barrier` entry).
    pub(crate) fn run_gen_frames(
        &mut self,
        mut frames: Vec<Box<Frame>>,
        exc: Option<Exc>,
        fuel: u64,
    ) -> PyResult<Exit> {
        let base = self.frames.len();
        let Some(last) = frames.pop() else {
            return Err(self.runtime_error("no frame to resume"));
        };
        if let Some(first) = frames.first_mut() {
            first.entry = Entry::Barrier;
        }
        let mut last = last;
        if frames.is_empty() {
            last.entry = Entry::Barrier;
        }
        self.frames.extend(frames);
        let mut fuel = fuel;
        if let Some(e) = exc {
            // Raise inside the innermost frame first.
            if let Some(exit) = self.unwind(&mut last, e, base, true, false) {
                return Ok(exit);
            }
        }
        Ok(self.run_loop(last, base, &mut fuel))
    }

    /// Resume a generator from native code in a nested loop.
    pub fn resume_nested(
        &mut self,
        g: &Rc<PyGen>,
        how: super::api::Resume,
    ) -> PyResult<super::api::ResumeResult> {
        use super::api::ResumeResult;
        let how = match how {
            super::api::Resume::Send(v) => ResumeHow::Send(v),
            super::api::Resume::Throw(e) => ResumeHow::Throw(e),
        };
        let out = match self.gen_resume_frames(g, how, Entry::Barrier) {
            Ok(o) => o.normalize(),
            Err(e) => return Ok(self.gen_error_result(g, e)),
        };
        match out {
            CallOut::Value(v) => Ok(ResumeResult::Returned(v)),
            CallOut::Frame(_) | CallOut::GenFrame(_) => Err(self.runtime_error("unexpected frame")),
            CallOut::Gen(frames, exc) => {
                self.enter_native()?;
                let r = self.run_gen_frames(frames, exc, u64::MAX);
                self.leave_native();
                Ok(match r? {
                    Exit::Return(v) => ResumeResult::Returned(v),
                    Exit::Yield(v) => ResumeResult::Yielded(v),
                    Exit::Raise(e) => ResumeResult::Raised(e),
                    Exit::OutOfFuel => ResumeResult::OutOfFuel,
                })
            }
        }
    }

    /// StopIteration from a finished generator is a return, not an error, for the resume API.
    fn gen_error_result(&mut self, _g: &Rc<PyGen>, e: Exc) -> super::api::ResumeResult {
        use super::api::ResumeResult;
        if self.exc_matches(&e, ExcKind::StopIteration) {
            let v = super::exceptions::stop_value(&e);
            return ResumeResult::Returned(v);
        }
        ResumeResult::Raised(e)
    }

    fn call_type(
        &mut self,
        t: &Rc<super::PyType>,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<CallOut> {
        // A metaclass defining `__call__` decides how its classes are called.
        let meta = t.meta.borrow().clone();
        if let Some(m) = meta {
            if let Some(c) = m.lookup("__call__") {
                if !matches!(c, Value::Builtin(_)) {
                    args.insert(0, Value::Type(t.clone()));
                    let b = match &c {
                        Value::Func(_) => c.clone(),
                        _ => {
                            args.remove(0);
                            self.bind_descr(c, &Value::Type(t.clone()), &m)?
                        }
                    };
                    return self.prepare_call(&b, args, kwargs);
                }
            }
        }
        self.call_type_plain(t, args, kwargs)
    }

    /// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`.
    pub fn construct(
        &mut self,
        t: &Rc<super::PyType>,
        args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<Value> {
        let out = self.call_type_plain(t, args, kwargs)?;
        self.finish_call_out(out)
    }

    /// CPython's object.__new__ message for a class with abstract methods left.
    #[cold]
    fn abstract_class_error(&mut self, t: &Rc<super::PyType>) -> Exc {
        let mut names: Vec<String> = match t.lookup("__abstractmethods__") {
            Some(Value::Set(s)) => s
                .items()
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            _ => vec![],
        };
        names.sort();
        let s = if names.len() == 1 { "" } else { "s" };
        self.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{s} {}",
            t.name(),
            names.join(", ")
        ))
    }

    fn call_type_plain(
        &mut self,
        t: &Rc<super::PyType>,
        args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<CallOut> {
        if t.has_flag(tflags::ABSTRACT) {
            return Err(self.abstract_class_error(t));
        }
        // A class with a Python __new__.
        if t.has_flag(tflags::NEW) {
            if let Some(newf) = t.lookup("__new__") {
                let newf = match &newf {
                    Value::Native(n) => match &n.data {
                        NativeData::StaticMethod(f) => f.clone(),
                        _ => newf.clone(),
                    },
                    _ => newf.clone(),
                };
                let mut nargs = Vec::with_capacity(args.len() + 1);
                nargs.push(Value::Type(t.clone()));
                nargs.extend(args.iter().cloned());
                let inst = self.call(&newf, &nargs, kwargs)?;
                if !self.type_of(&inst).is_subtype(t) {
                    return Ok(CallOut::Value(inst));
                }
                return self.run_init(t, inst, args, kwargs);
            }
        }
        // A metaclass without its own __new__: `type.__new__(M, name, bases, ns)`, then
        // `M.__init__`.
        if t.layout != Layout::Builtin && t.is_subtype(&self.types.type_) {
            let mut nargs = Vec::with_capacity(args.len() + 1);
            nargs.push(Value::Type(t.clone()));
            nargs.extend(args.iter().cloned());
            let newf = self.types.type_.lookup("__new__").unwrap_or(Value::None);
            let newf = match &newf {
                Value::Native(n) => match &n.data {
                    NativeData::StaticMethod(f) => f.clone(),
                    _ => newf.clone(),
                },
                _ => newf.clone(),
            };
            let cls = self.call(&newf, &nargs, kwargs)?;
            return self.run_init(t, cls, args, kwargs);
        }
        match t.layout {
            Layout::Builtin => {
                let Some(newf) = find_native_new(t) else {
                    return Err(self.type_error(format!("cannot create '{}' instances", t.name())));
                };
                let v = newf(self, t, &args, kwargs)?;
                Ok(CallOut::Value(v))
            }
            Layout::Native => {
                let Some(newf) = find_native_new(t) else {
                    return Err(self.type_error(format!("cannot create '{}' instances", t.name())));
                };
                let inst = newf(self, t, &args, kwargs)?;
                self.run_init(t, inst, args, kwargs)
            }
            Layout::Object | Layout::Exception => {
                let t = &self.exc_subclass_for(t, &args);
                self.check_exc_group_args(t, &args)?;
                let inst = self.new_plain_instance(t);
                if t.layout == Layout::Exception {
                    if let Value::Instance(i) = &inst {
                        if let Some(e) = i.exc() {
                            e.borrow_mut().args = Value::tuple(args.clone());
                        }
                    }
                }
                self.run_init(t, inst, args, kwargs)
            }
        }
    }

    fn run_init(
        &mut self,
        t: &Rc<super::PyType>,
        inst: Value,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<CallOut> {
        match t.lookup("__init__") {
            Some(Value::Func(f)) => {
                args.insert(0, inst.clone());
                let mut fr = self.make_frame(&f, args, kwargs)?;
                if fr.code.co.is_generator() || fr.code.co.is_coroutine() {
                    return Err(self.type_error("__init__() should return None, not 'generator'"));
                }
                fr.entry = Entry::Init(inst);
                Ok(CallOut::Frame(fr))
            }
            Some(Value::Builtin(b)) => {
                if &*b.name == "__init__" && b.owner.as_deref() == Some("object") {
                    if (!args.is_empty() || !kwargs.is_empty()) && !t.has_flag(tflags::NEW) {
                        return Err(self.type_error(format!("{}() takes no arguments", t.name())));
                    }
                    return Ok(CallOut::Value(inst));
                }
                args.insert(0, inst.clone());
                let bv = Value::Builtin(b);
                self.call(&bv, &args, kwargs)?;
                Ok(CallOut::Value(inst))
            }
            Some(other) => {
                let b = self.bind_descr(other, &inst, t)?;
                self.call(&b, &args, kwargs)?;
                Ok(CallOut::Value(inst))
            }
            None => Ok(CallOut::Value(inst)),
        }
    }

    fn build_class_call(&mut self, args: Vec<Value>, kwargs: &KwArgs) -> PyResult<CallOut> {
        let mut it = args.into_iter();
        let (Some(Value::Func(body)), Some(Value::Str(name))) = (it.next(), it.next()) else {
            return Err(self.type_error("__build_class__: func and name required"));
        };
        let (bases, orig_bases) = self.update_bases(it.collect())?;
        let ns = Rc::new(PyDict::new());
        let module = body
            .globals
            .get_str("__name__")
            .unwrap_or(Value::str("__main__"));
        ns.set_str("__module__", module);
        ns.set_str("__qualname__", Value::str(&body.qualname.borrow()));
        let mut fr = self.make_frame(&body, vec![], &[])?;
        fr.locals_dict = Some(ns.clone());
        fr.entry = Entry::ClassBody(Box::new(ClassSpec {
            name: name.s.to_string(),
            bases,
            kwargs: kwargs.to_vec(),
            ns,
            orig_bases,
        }));
        Ok(CallOut::Frame(fr))
    }

    /// CPython's `update_bases` (PEP 560): a base that is not a class but has
    /// `__mro_entries__` (`typing.NamedTuple`, `Generic[T]`) is replaced by what it returns,
    /// called with the bases as written. Gives the new bases and, if any changed, the old.
    fn update_bases(&mut self, bases: Vec<Value>) -> PyResult<(Vec<Value>, Option<Value>)> {
        if bases.iter().all(|b| matches!(b, Value::Type(_))) {
            return Ok((bases, None));
        }
        let orig = Value::tuple(bases.clone());
        let name = Value::str("__mro_entries__");
        let mut out = Vec::with_capacity(bases.len());
        let mut changed = false;
        for b in bases {
            if matches!(b, Value::Type(_)) {
                out.push(b);
                continue;
            }
            let Some(meth) = self.getattr_opt(&b, &name)? else {
                out.push(b);
                continue;
            };
            let r = self.call(&meth, std::slice::from_ref(&orig), &[])?;
            let Value::Tuple(t) = r else {
                return Err(self.type_error("__mro_entries__ must return a tuple"));
            };
            out.extend(t.items.iter().cloned());
            changed = true;
        }
        Ok((out, changed.then_some(orig)))
    }

    // ------------------------------------------------------------ exceptions

    /// The exception currently being handled (innermost `except` block), for bare `raise` and
    /// `__context__`.
    pub fn current_handled(&self, f: &Frame) -> Option<Exc> {
        if let Some(e) = &f.handled {
            return Some(e.clone());
        }
        for fr in self.frames.iter().rev() {
            if let Some(e) = &fr.handled {
                return Some(e.clone());
            }
        }
        None
    }

    fn set_context(&self, f: &Frame, exc: &Exc) {
        let Some(handled) = self.current_handled(f) else {
            return;
        };
        if Rc::ptr_eq(&handled, exc) {
            return;
        }
        // Break a cycle exc -> ... -> handled -> ... -> exc, as CPython does.
        let mut o = handled.clone();
        for _ in 0..10_000 {
            let next = o.exc().and_then(|d| d.borrow().context.clone());
            match next {
                Some(Value::Instance(c)) => {
                    if Rc::ptr_eq(&c, exc) {
                        if let Some(d) = o.exc() {
                            d.borrow_mut().context = None;
                        }
                        break;
                    }
                    o = c;
                }
                _ => break,
            }
        }
        if let Some(d) = exc.exc() {
            d.borrow_mut().context = Some(Value::Instance(handled));
        }
    }

    /// Propagate `exc` from frame `f`: find a handler in `f` or its callers (up to `base`).
    /// `add_tb`: record this frame in the traceback (false for re-raises). `new_raise`: set
    /// `__context__` from the exception being handled.
    pub(crate) fn unwind(
        &mut self,
        f: &mut Box<Frame>,
        exc: Exc,
        base: usize,
        add_tb: bool,
        new_raise: bool,
    ) -> Option<Exit> {
        let mut exc = exc;
        if new_raise {
            self.set_context(f, &exc);
        }
        let mut add_tb = add_tb;
        loop {
            if add_tb && !self.runs_in_c(&f.code) {
                if let Some(d) = exc.exc() {
                    d.borrow_mut().tb.push(TbEntry::of_frame(f));
                }
            }
            add_tb = true;
            if let Some(b) = f.blocks.pop() {
                f.stack.truncate(b.depth as usize);
                f.stack.push(Value::Instance(exc));
                f.pc = b.handler as usize;
                return None;
            }
            // The frame ends with the exception.
            let gen = f.gen.take();
            if let Some(g) = &gen {
                g.state.set(GenState::Completed);
                exc = self.pep479(g, exc);
            }
            keep_locals(f, &exc);
            if matches!(f.entry, Entry::Barrier) || self.frames.len() <= base {
                return Some(Exit::Raise(exc));
            }
            let caller = self.frames.pop()?;
            let mut done = std::mem::replace(f, caller);
            let entry = std::mem::replace(&mut done.entry, Entry::Call);
            self.recycle(done);
            match &entry {
                Entry::GenClose
                    if (self.exc_matches(&exc, ExcKind::GeneratorExit)
                        || self.exc_matches(&exc, ExcKind::StopIteration)) =>
                {
                    f.stack.push(Value::None);
                    return None;
                }
                Entry::AGenOp(op, target) => {
                    if let Some(r) = self.agen_op_error(f, op, *target, &exc) {
                        return r;
                    }
                }
                _ => {}
            }
        }
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    fn pep479(&mut self, g: &Rc<PyGen>, exc: Exc) -> Exc {
        let msg = if self.exc_matches(&exc, ExcKind::StopIteration) {
            match g.kind {
                GenKind::Generator => "generator raised StopIteration",
                GenKind::Coroutine => "coroutine raised StopIteration",
                GenKind::AsyncGenerator => "async generator raised StopIteration",
            }
        } else if g.kind == GenKind::AsyncGenerator
            && self.exc_matches(&exc, ExcKind::StopAsyncIteration)
        {
            "async generator raised StopAsyncIteration"
        } else {
            return exc;
        };
        let new = self.new_error(ExcKind::RuntimeError, msg);
        if let Some(d) = new.exc() {
            let mut d = d.borrow_mut();
            d.cause = Some(Value::Instance(exc.clone()));
            d.context = Some(Value::Instance(exc));
            d.suppress_context = true;
        }
        new
    }

    /// A frame finished with `return v`: hand the value to whoever resumed/called it.
    fn frame_return(&mut self, f: &mut Box<Frame>, v: Value, base: usize) -> Option<Exit> {
        let gen = f.gen.take();
        if let Some(g) = &gen {
            g.state.set(GenState::Completed);
        }
        if matches!(f.entry, Entry::Barrier) || self.frames.len() <= base {
            return Some(Exit::Return(v));
        }
        let caller = self.frames.pop()?;
        let mut done = std::mem::replace(f, caller);
        let is_agen = gen
            .as_ref()
            .map(|g| g.kind == GenKind::AsyncGenerator)
            .unwrap_or(false);
        let entry = std::mem::replace(&mut done.entry, Entry::Call);
        self.recycle(done);
        let err = match entry {
            Entry::Call => {
                f.stack.push(v);
                return None;
            }
            Entry::Init(inst) => {
                if v.is_none() {
                    f.stack.push(inst);
                    return None;
                }
                self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&v)
                ))
            }
            Entry::ClassBody(spec) => match self.finish_class(*spec, v) {
                Ok(cls) => {
                    f.stack.push(cls);
                    return None;
                }
                Err(e) => e,
            },
            Entry::GenCall => {
                if is_agen {
                    self.new_error_args(ExcKind::StopAsyncIteration, vec![])
                } else {
                    super::exceptions::new_stop_iteration(self, v)
                }
            }
            Entry::GenClose => {
                f.stack.push(Value::None);
                return None;
            }
            Entry::ForIter(target) => {
                f.stack.pop();
                f.pc = target as usize;
                return None;
            }
            Entry::Send(target) => {
                f.stack.pop();
                f.stack.push(v);
                f.pc = target as usize;
                return None;
            }
            Entry::AGenOp(op, target) => {
                return self.agen_op_return(f, &op, target, base);
            }
            Entry::Barrier => return Some(Exit::Return(v)),
        };
        self.unwind(f, err, base, true, true)
    }

    /// A generator frame executed `yield v`: park it and hand `v` to whoever resumed it.
    fn frame_yield(&mut self, f: &mut Box<Frame>, v: Value, base: usize) -> Option<Exit> {
        let entry = std::mem::replace(&mut f.entry, Entry::Call);
        if matches!(entry, Entry::Barrier) || self.frames.len() <= base {
            self.park(f);
            return Some(Exit::Yield(v));
        }
        let caller = self.frames.pop()?;
        let mut done = std::mem::replace(f, caller);
        let g = done.gen.take();
        let is_close = matches!(entry, Entry::GenClose);
        if let Some(g) = &g {
            g.state.set(GenState::Suspended);
            *g.frame.borrow_mut() = Some(done);
        }
        let err = match entry {
            Entry::GenCall => {
                f.stack.push(v);
                return None;
            }
            Entry::ForIter(_) => {
                f.stack.push(v);
                return None;
            }
            Entry::Send(target) => {
                if let Value::Native(n) = &v {
                    if let NativeData::AGenWrapped(inner) = &n.data {
                        // An async generator's own yield ends the asend awaitable.
                        f.stack.pop();
                        f.stack.push(inner.clone());
                        f.pc = target as usize;
                        return None;
                    }
                }
                f.stack.push(v);
                return None;
            }
            Entry::AGenOp(op, target) => return self.agen_op_yield(f, &op, target, v, base),
            _ if is_close => {
                let what = g.as_ref().map(|g| g.kind_name()).unwrap_or("generator");
                self.runtime_error(format!("{what} ignored GeneratorExit"))
            }
            _ => {
                f.stack.push(v);
                return None;
            }
        };
        self.unwind(f, err, base, true, true)
    }

    /// Store a yielding barrier frame back into its generator.
    fn park(&mut self, f: &mut Box<Frame>) {
        if let Some(g) = f.gen.take() {
            g.state.set(GenState::Suspended);
            let placeholder =
                self.new_frame(f.code.clone(), f.globals.clone(), vec![], vec![], None);
            let fr = std::mem::replace(f, placeholder);
            *g.frame.borrow_mut() = Some(fr);
        }
    }

    // ------------------------------------------------------------ the loop

    /// Run frame `f` (and whatever it calls) until the frame at `base` returns, yields or
    /// raises, or `fuel` instructions have run.
    pub(crate) fn run_loop(&mut self, mut f: Box<Frame>, base: usize, fuel: &mut u64) -> Exit {
        // Single steps taken to reach a point where CPython could switch threads.
        let mut steps = 0u32;
        loop {
            // A running callback's budget ends before the whole run's: its floor is where.
            // The thread model's time slice may end sooner (`slice_floor`).
            let avail = self
                .total_budget
                .saturating_sub(self.callback_floor.max(self.slice_floor));
            let start = (*fuel).min(avail);
            let limited_by_total = avail <= *fuel;
            let mut budget = start;
            let r = self.run_loop_inner(f, base, &mut budget, limited_by_total);
            let used = start.saturating_sub(budget);
            self.total_budget = self.total_budget.saturating_sub(used);
            if *fuel != u64::MAX {
                *fuel = fuel.saturating_sub(used);
            }
            if !self.slice_due {
                return r;
            }
            // The slice ended: the frame was parked on `frames` as for fuel.
            self.slice_due = false;
            if self.threads.is_some() && steps < 10_000 && !self.at_switch_point() {
                // Not where CPython 3.11 looks at its eval breaker: one more instruction.
                steps += 1;
                self.slice_floor = self.total_budget.saturating_sub(1);
                self.paused = None;
                f = match self.frames.pop() {
                    Some(x) => x,
                    None => return Exit::Raise(self.runtime_error("frame stack corrupted")),
                };
                continue;
            }
            steps = 0;
            let stop = match self.threads.clone() {
                Some(t) => t.slice(self, base),
                None => {
                    // No threads (yet): look again later, so that a loop running when
                    // `_thread` is imported soon sees the model's shorter slices.
                    self.slice_floor = self.total_budget.saturating_sub(super::SLICE_PROBE);
                    false
                }
            };
            if stop {
                return r;
            }
            self.paused = None;
            f = match self.frames.pop() {
                Some(x) => x,
                None => return Exit::Raise(self.runtime_error("frame stack corrupted")),
            };
            // Growth one small allocation at a time passes no up-front check: look at the
            // total once a slice, and raise where the script is.
            if self.over_memory_limit(0) {
                let e = self.memory_error();
                if let Some(exit) = self.unwind(&mut f, e, base, true, true) {
                    return exit;
                }
            }
        }
    }

    /// Whether the parked frame (top of `frames`) is where CPython 3.11 checks its eval
    /// breaker and so may switch threads: a function's start, a backward jump, or just after
    /// a call. Elsewhere (e.g. between the load and the store of `counter += 1`) it never
    /// switches, so the thread model must not either.
    fn at_switch_point(&self) -> bool {
        let Some(f) = self.frames.last() else {
            return true;
        };
        let pc = f.pc;
        if pc == 0 {
            return true;
        }
        match f.instrs.get(pc) {
            Some(Instr::Jump(t) | Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t))
                if (*t as usize) <= pc =>
            {
                true
            }
            None => true,
            _ => matches!(
                f.instrs.get(pc - 1),
                Some(Instr::Call(_) | Instr::CallFunctionEx(_))
            ),
        }
    }

    // `native!` reloads `ip` after every native call, also where the caller then leaves
    // through `continue 'frame` (which reloads it again).
    fn run_loop_inner(
        &mut self,
        f: Box<Frame>,
        base: usize,
        budget_out: &mut u64,
        limited_by_total: bool,
    ) -> Exit {
        // Natively, a run without a line hook gets its own copy of the loop in which `hooked`
        // is the constant false: no hook test per instruction, the fused paths unconditional,
        // and one value fewer for the register allocator. The browser build keeps one copy
        // (its size counts more there).
        #[cfg(not(target_arch = "wasm32"))]
        if self.line_hook.is_none() {
            return self.run_loop_body::<false>(f, base, budget_out, limited_by_total);
        }
        self.run_loop_body::<true>(f, base, budget_out, limited_by_total)
    }

    /// `unwind` taking and giving back the frame by value: the dispatch loop never takes the
    /// address of its frame pointer, so the compiler can keep it in a register instead of a
    /// stack slot it reloads at every use.
    #[inline(never)]
    fn unwind_owned(
        &mut self,
        mut f: Box<Frame>,
        exc: Exc,
        base: usize,
        add_tb: bool,
        new_raise: bool,
    ) -> Result<Box<Frame>, Exit> {
        match self.unwind(&mut f, exc, base, add_tb, new_raise) {
            Some(exit) => Err(exit),
            None => Ok(f),
        }
    }

    /// `frame_return` by value (see `unwind_owned`).
    #[inline(never)]
    fn frame_return_owned(
        &mut self,
        mut f: Box<Frame>,
        v: Value,
        base: usize,
    ) -> Result<Box<Frame>, Exit> {
        match self.frame_return(&mut f, v, base) {
            Some(exit) => Err(exit),
            None => Ok(f),
        }
    }

    /// The next item of the iterator under a `for i, x in enumerate(seq)` over a built-in
    /// sequence iterator, with the recursion bound the general path applies. A list's item is
    /// read here: `native_next`'s general answer (and its depth bookkeeping) costs as much as
    /// the rest of the loop's iteration.
    #[inline(never)]
    fn enumerate_step(
        &mut self,
        it: &Value,
        inner: &super::object::NativeObj,
    ) -> Option<PyResult<Option<Value>>> {
        if let NativeData::SeqIter {
            seq: Value::List(l),
            idx,
        } = &inner.data
        {
            // `enter_native` would pass (and its increment be undone at once).
            if self.native_depth < super::MAX_NATIVE_DEPTH
                && self.frames.len() + self.native_depth < self.recursion_limit + 50
            {
                let i = idx.get();
                let r = l.items.borrow().get(i).cloned();
                idx.set(if r.is_some() { i + 1 } else { usize::MAX / 2 });
                return Some(Ok(r));
            }
        }
        match self.enter_native() {
            Ok(()) => {
                let r = self.native_next(it);
                self.leave_native();
                r
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// `frame_yield` by value (see `unwind_owned`).
    #[inline(never)]
    fn frame_yield_owned(
        &mut self,
        mut f: Box<Frame>,
        v: Value,
        base: usize,
    ) -> Result<Box<Frame>, Exit> {
        match self.frame_yield(&mut f, v, base) {
            Some(exit) => Err(exit),
            None => Ok(f),
        }
    }

    /// `run_loop_inner`'s loop; `MAYBE_HOOKED == false` promises that no line hook is set.
    #[allow(unused_assignments)]
    fn run_loop_body<const MAYBE_HOOKED: bool>(
        &mut self,
        mut f: Box<Frame>,
        base: usize,
        budget_out: &mut u64,
        limited_by_total: bool,
    ) -> Exit {
        // The counter lives in this frame's own slot (one read-modify-write per instruction),
        // written back however the loop exits.
        struct Budget<'a> {
            n: u64,
            out: &'a mut u64,
        }
        impl Drop for Budget<'_> {
            fn drop(&mut self) {
                *self.out = self.n;
            }
        }
        let mut budget = Budget {
            n: *budget_out,
            out: budget_out,
        };
        // Only the run's setup and teardown (outside any loop) install or remove the hook.
        let hook_set = MAYBE_HOOKED && self.line_hook.is_some();
        let skips_builtin = self.line_hook_skips_builtin;
        // The queue's flag, one load away for the test after every store (not two behind
        // `self`); `self.warnings` is never replaced.
        let warnings = self.warnings.clone();
        // Whether the hook watches the current frame: set again at every frame switch.
        let mut hooked: bool;
        let mut grace = true;
        // The dispatch keeps the current frame's next index in a local (a register), not
        // behind `f`: `ip` is authoritative inside the inner loop, and the dispatch writes it
        // back to `f.pc` (so natives, tracebacks and handlers see the index after the executing
        // instruction, as before). Whatever may switch frames or move `f.pc` itself (calls,
        // returns, yields, unwinding, the cold opcodes) leaves with `continue 'frame`, which
        // reloads it from `f`. Instructions are read through `f.instrs`: one load per fetch,
        // where a local copy of the pointer was spilled and reloaded around every instruction.
        let mut ip: usize;
        'frame: loop {
            ip = f.pc;
            hooked = hook_set && !(skips_builtin && f.code.co.filename.starts_with('<'));
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => match self.unwind_owned(f, e, base, true, true) {
                            Ok(nf) => {
                                f = nf;
                                continue 'frame;
                            }
                            Err(exit) => return exit,
                        },
                    }
                };
            }
            macro_rules! pop {
                () => {
                    match f.stack.pop() {
                        Some(v) => v,
                        None => tri!(Err(
                            self.new_error(ExcKind::SystemError, "value stack underflow")
                        )),
                    }
                };
            }
            // The two top values, `(below, top)`: one length check for both.
            macro_rules! pop2 {
                () => {{
                    let len = f.stack.len();
                    if len < 2 {
                        tri!(Err(
                            self.new_error(ExcKind::SystemError, "value stack underflow")
                        ));
                    }
                    // SAFETY: both indices are below `len`; the stack forgets the two values
                    // (set_len) before they are read out, so each is owned exactly once.
                    unsafe {
                        f.stack.set_len(len - 2);
                        let p = f.stack.as_ptr().add(len - 2);
                        (std::ptr::read(p), std::ptr::read(p.add(1)))
                    }
                }};
            }
            macro_rules! top {
                () => {
                    match f.stack.last() {
                        Some(v) => v,
                        None => tri!(Err(
                            self.new_error(ExcKind::SystemError, "value stack underflow")
                        )),
                    }
                };
            }
            // Run native code with the current frame visible on the frame stack.
            macro_rules! native {
                ($e:expr) => {{
                    self.frames.push(f);
                    let r = $e;
                    f = match self.frames.pop() {
                        Some(x) => x,
                        None => return Exit::Raise(self.runtime_error("frame stack corrupted")),
                    };
                    // Usually the same frame comes back, but a native may leave another one on
                    // top (greenlet's `_swap` moves whole frame stacks): go on where it stands.
                    ip = f.pc;
                    r
                }};
            }
            // Dropping an unawaited coroutine queues a warning; print it at the statement that
            // dropped it.
            macro_rules! check_warn {
                () => {
                    if warnings.pending.get() {
                        let loc = Some((f.code.co.filename.clone(), f.line()));
                        native!(self.flush_warnings_at(loc));
                    }
                };
            }
            // `check_warn!` where a fused instruction moved `ip` past the dispatch's `f.pc`.
            macro_rules! check_warn_at_ip {
                () => {
                    if warnings.pending.get() {
                        f.pc = ip;
                        check_warn!();
                    }
                };
            }
            macro_rules! push_frame {
                ($nf:expr) => {{
                    let nf = $nf;
                    if self.frames.len() + 1 >= self.recursion_limit {
                        tri!(Err(self.new_error(
                            ExcKind::RecursionError,
                            "maximum recursion depth exceeded"
                        )));
                    }
                    let caller = f;
                    f = nf;
                    self.frames.push(caller);
                    continue 'frame;
                }};
            }
            macro_rules! call_out {
                ($out:expr) => {{
                    match $out {
                        CallOut::Value(v) => f.stack.push(v),
                        CallOut::Frame(nf) | CallOut::GenFrame(nf) => push_frame!(nf),
                        CallOut::Gen(frames, exc) => {
                            if self.frames.len() + frames.len() + 1 >= self.recursion_limit {
                                tri!(Err(self.new_error(
                                    ExcKind::RecursionError,
                                    "maximum recursion depth exceeded"
                                )));
                            }
                            for nf in frames {
                                let caller = f;
                                f = nf;
                                self.frames.push(caller);
                            }
                            if let Some(e) = exc {
                                match self.unwind_owned(f, e, base, true, false) {
                                    Ok(nf) => f = nf,
                                    Err(exit) => return exit,
                                }
                            }
                            continue 'frame;
                        }
                    }
                }};
            }

            // A loop body's closing `Jump` after a fused store: taken here (counted; callers
            // test for a line hook).
            macro_rules! fuse_jump {
                () => {
                    if budget.n > 0 {
                        if let Instr::Jump(t) = fetch(&f.instrs, ip) {
                            ip = t as usize;
                            budget.n -= 1;
                        }
                    }
                };
            }

            // An operator's result `r` (computed without running Python code): `total += x`,
            // `c = a + b` run the `StoreFast` that follows here, `d[k] = d.get(k, 0) + 1` the
            // loads and the store (and a loop's closing `Jump`); counted, not under a line
            // hook. Falls through with `r` when nothing was fused.
            macro_rules! finish_op {
                ($r:expr) => {{
                    let r = $r;
                    if budget.n > 0 && !hooked {
                        match fetch(&f.instrs, ip) {
                            Instr::StoreFast(k) => {
                                if let Some(slot) = f.locals.get_mut(k as usize) {
                                    set_slot(slot, r);
                                    ip += 1;
                                    budget.n -= 1;
                                    check_warn_at_ip!();
                                    continue;
                                }
                                r
                            }
                            // A load is never a code object's last instruction: each
                            // fetch below follows one.
                            Instr::LoadFast(c) if budget.n >= 3 => {
                                match (fetch(&f.instrs, ip + 1), &f.instrs[..]) {
                                    (Instr::LoadFast(k), is)
                                        if matches!(fetch(is, ip + 2), Instr::StoreSubscr) =>
                                    {
                                        match store_subscr_locals(&f, c, k, r) {
                                            Ok(()) => {
                                                ip += 3;
                                                budget.n -= 3;
                                                check_warn_at_ip!();
                                                fuse_jump!();
                                                continue;
                                            }
                                            Err(r) => r,
                                        }
                                    }
                                    _ => r,
                                }
                            }
                            _ => r,
                        }
                    } else {
                        r
                    }
                }};
            }

            // `a + 1`, `x[i]`, `f(n - 1)`: operand loads come in runs. Run the loads that follow a
            // load right here, without a trip through the dispatch. Each still counts as an
            // instruction and the run stops where the budget would (so pauses fall where they
            // did); never while a line hook watches, so line events stay exact. An unbound local
            // is left to the normal path, which raises.
            macro_rules! fuse_loads {
                () => {
                    if !hooked {
                        while budget.n > 0 {
                            match fetch(&f.instrs, ip) {
                                Instr::LoadFast(j) => match f.locals.get(j as usize) {
                                    Some(Value::Null) | None => break,
                                    Some(v) => {
                                        let v = v.clone();
                                        f.stack.push(v);
                                    }
                                },
                                Instr::LoadConst(k) => {
                                    let v = match f.consts.get(k as usize) {
                                        Some(v) => v.clone(),
                                        None => Value::None,
                                    };
                                    f.stack.push(v);
                                }
                                _ => break,
                            }
                            ip += 1;
                            budget.n -= 1;
                        }
                    }
                };
            }

            loop {
                if budget.n == 0 {
                    // A pause resumes at `f.pc`.
                    f.pc = ip;
                    if limited_by_total && self.slice_floor > self.callback_floor {
                        self.frames.push(f);
                        self.paused = Some(Paused { base });
                        self.slice_due = true;
                        return Exit::OutOfFuel;
                    }
                    if limited_by_total {
                        let e = self.budget_error();
                        if grace {
                            // Let handlers and finally blocks run, briefly.
                            grace = false;
                            budget.n = 100_000;
                        }
                        match self.unwind_owned(f, e, base, true, false) {
                            Ok(nf) => {
                                f = nf;
                                continue 'frame;
                            }
                            Err(exit) => return exit,
                        }
                    }
                    self.frames.push(f);
                    self.paused = Some(Paused { base });
                    return Exit::OutOfFuel;
                }
                budget.n -= 1;
                let pc = ip;
                let ins = fetch(&f.instrs, pc);
                if hooked {
                    let line = f.code.co.line_of(pc);
                    if line != f.last_line {
                        f.last_line = line;
                        let co = f.code.co.clone();
                        if let Some(h) = self.line_hook.as_mut() {
                            h(f.id, &co, line);
                        }
                    }
                }
                ip = pc + 1;
                f.pc = ip;
                match ins {
                    Instr::Nop => {}
                    Instr::PopTop => {
                        pop!().forget_plain();
                        check_warn!();
                    }
                    Instr::Copy(n) => {
                        let len = f.stack.len();
                        let v = match len.checked_sub(n as usize).and_then(|i| f.stack.get(i)) {
                            Some(v) => v.clone(),
                            None => tri!(Err(self.new_error(ExcKind::SystemError, "bad COPY"))),
                        };
                        f.stack.push(v);
                    }
                    Instr::Swap(n) => {
                        let len = f.stack.len();
                        match len.checked_sub(n as usize) {
                            Some(i) if n >= 1 => f.stack.swap(i, len - 1),
                            _ => tri!(Err(self.new_error(ExcKind::SystemError, "bad SWAP"))),
                        }
                    }
                    Instr::PushNull => {
                        f.stack.push(Value::Null);
                        // `f(x)` on a global function: the `LoadGlobal` that follows runs here
                        // when its cache holds the value (counted; not under a line hook).
                        if !hooked && budget.n > 0 {
                            if let Instr::LoadGlobal(i) = fetch(&f.instrs, ip) {
                                if let Some(v) = f
                                    .code
                                    .global_cache
                                    .get(i as usize)
                                    .and_then(|slot| self.global_cached(&f.globals, slot))
                                {
                                    f.stack.push(v);
                                    ip += 1;
                                    budget.n -= 1;
                                }
                            }
                        }
                    }
                    Instr::LoadConst(i) => {
                        let v = match f.consts.get(i as usize) {
                            Some(v) => v.clone(),
                            None => Value::None,
                        };
                        // `flags[j] = False`: the two loads and the store run here (counted;
                        // not under a line hook), and the loop's `Jump` after them. `f(x) + 1`:
                        // the operator on the value below, as `BinaryOp` would compute it.
                        let v = match fetch(&f.instrs, ip) {
                            // A load is never a code object's last instruction: each
                            // fetch below follows one.
                            Instr::LoadFast(a) if !hooked && budget.n >= 3 => {
                                match (fetch(&f.instrs, ip + 1), &f.instrs[..]) {
                                    (Instr::LoadFast(k), is)
                                        if matches!(fetch(is, ip + 2), Instr::StoreSubscr) =>
                                    {
                                        match store_subscr_locals(&f, a, k, v) {
                                            Ok(()) => {
                                                ip += 3;
                                                budget.n -= 3;
                                                check_warn_at_ip!();
                                                fuse_jump!();
                                                continue;
                                            }
                                            Err(v) => v,
                                        }
                                    }
                                    _ => v,
                                }
                            }
                            Instr::BinaryOp(kind) if !hooked && budget.n >= 1 => {
                                match f.stack.last().and_then(|a| fast_arith(kind, a, &v)) {
                                    Some(r) => {
                                        // `fast_arith` takes only ints and floats: nothing
                                        // to drop.
                                        if let Some(a) = f.stack.pop() {
                                            a.forget_plain();
                                        }
                                        v.forget_plain();
                                        ip += 1;
                                        budget.n -= 1;
                                        let r = finish_op!(r);
                                        f.stack.push(r);
                                        continue;
                                    }
                                    None => v,
                                }
                            }
                            _ => v,
                        };
                        f.stack.push(v);
                        fuse_loads!();
                    }
                    Instr::LoadFast(i) => {
                        // `n < 2`, `n - 1`, `count += 1`, `x is None`: a local, then a local or
                        // a constant, then the operator, computed here without pushing the
                        // operands (and the jump or store that follows, as the operator's own
                        // paths do). Each still counts as an instruction; only when the budget
                        // covers them all and no line hook watches, and only for the cases
                        // that cannot fail or run Python code (else the plain path below).
                        // And `if flag:` on a bool, None or int local: the jump runs here.
                        let next = fetch(&f.instrs, ip);
                        let fused = match next {
                            _ if hooked => None,
                            // `x = y`: the store that follows copies slot to slot (counted; not
                            // under a line hook; the store may drop a value that queues a
                            // warning, checked as `StoreFast` does).
                            Instr::StoreFast(k) if budget.n >= 1 => {
                                if copy_local(&mut f.locals, i as usize, k as usize) {
                                    ip += 1;
                                    budget.n -= 1;
                                    check_warn_at_ip!();
                                    continue;
                                }
                                None
                            }
                            // `a, b = t` on a local pair: the unpack and both stores run here,
                            // reading the items in place (no reference taken to the tuple, none
                            // dropped); counted as four instructions, not under a line hook.
                            Instr::UnpackSequence(2) if budget.n >= 3 => {
                                // `ip + 1` follows the unpack; a store there is never last
                                // either, so `ip + 2` is fetched only after it.
                                if let Instr::StoreFast(a) = fetch(&f.instrs, ip + 1) {
                                    if let Instr::StoreFast(b) = fetch(&f.instrs, ip + 2) {
                                        if unpack_local_pair(&mut f.locals, i, a, b) {
                                            ip += 3;
                                            budget.n -= 3;
                                            check_warn_at_ip!();
                                            continue;
                                        }
                                    }
                                }
                                None
                            }
                            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                                let b = match f.locals.get(i as usize) {
                                    Some(Value::Bool(b)) => Some(*b),
                                    Some(Value::None) => Some(false),
                                    Some(Value::Int(x)) => Some(*x != 0),
                                    _ => None,
                                };
                                if let (Some(b), true) = (b, budget.n >= 1) {
                                    let on_true = matches!(next, Instr::PopJumpIfTrue(_));
                                    budget.n -= 1;
                                    ip = if b == on_true { t as usize } else { ip + 1 };
                                    continue;
                                }
                                None
                            }
                            Instr::LoadConst(_) | Instr::LoadFast(_) if budget.n >= 2 => {
                                fused_operands(&f, i, next, ip)
                            }
                            _ => None,
                        };
                        if let Some(r) = fused {
                            budget.n -= 2;
                            ip += 2;
                            match r {
                                Fused::Value(r) => {
                                    if budget.n > 0 {
                                        if let Instr::StoreFast(k) = fetch(&f.instrs, ip) {
                                            if let Some(slot) = f.locals.get_mut(k as usize) {
                                                set_slot(slot, r);
                                                ip += 1;
                                                budget.n -= 1;
                                                check_warn_at_ip!();
                                                continue;
                                            }
                                        }
                                    }
                                    f.stack.push(r);
                                }
                                Fused::Bool(c) => {
                                    if budget.n > 0 {
                                        let jump = match fetch(&f.instrs, ip) {
                                            Instr::PopJumpIfFalse(t) => Some((t, !c)),
                                            Instr::PopJumpIfTrue(t) => Some((t, c)),
                                            _ => None,
                                        };
                                        if let Some((t, taken)) = jump {
                                            budget.n -= 1;
                                            ip = if taken { t as usize } else { ip + 1 };
                                            continue;
                                        }
                                    }
                                    f.stack.push(Value::Bool(c));
                                }
                            }
                            continue;
                        }
                        let v = match f.locals.get(i as usize) {
                            Some(Value::Null) | None => {
                                let name = f
                                    .code
                                    .co
                                    .varnames
                                    .get(i as usize)
                                    .cloned()
                                    .unwrap_or_else(|| Rc::from("?"));
                                tri!(Err(self.new_error(
                                ExcKind::UnboundLocalError,
                                format!("cannot access local variable '{name}' where it is not associated with a value")
                            )))
                            }
                            Some(v) => v.clone(),
                        };
                        f.stack.push(v);
                        fuse_loads!();
                    }
                    // A closure's read of a bound cell (asyncio's `gather` callback reads
                    // seven per call): here, instead of a round trip through `run_cold`.
                    Instr::LoadDeref(i)
                        if f.cells
                            .get(i as usize)
                            .is_some_and(|c| c.value.try_borrow().is_ok_and(|v| !v.is_null())) =>
                    {
                        let v = f.cells[i as usize].value.borrow().clone();
                        f.stack.push(v);
                    }
                    Instr::StoreFast(i) => {
                        let v = pop!();
                        if let Some(slot) = f.locals.get_mut(i as usize) {
                            // Most overwritten locals hold ints/floats: no drop glue call for them.
                            set_slot(slot, v);
                        }
                        check_warn!();
                    }
                    Instr::LoadGlobal(i) => {
                        let v = match f.code.global_cache.get(i as usize) {
                            Some(slot) => match self.global_cached(&f.globals, slot) {
                                Some(v) => Some(v),
                                None => match f.names.get(i as usize) {
                                    Some(Value::Str(s)) => self.global_fill(&f.globals, s, slot),
                                    _ => None,
                                },
                            },
                            None => None,
                        };
                        let v = match v {
                            Some(v) => v,
                            None => {
                                let n = f
                                    .names
                                    .get(i as usize)
                                    .and_then(|n| n.as_str())
                                    .unwrap_or("?")
                                    .to_string();
                                tri!(Err(self.name_error(&n)))
                            }
                        };
                        f.stack.push(v);
                    }
                    Instr::LoadAttr(i) => {
                        let obj = pop!();
                        // Fast paths borrow the name: no refcount traffic on the interned str.
                        let fast = match (&obj, f.names.get(i as usize)) {
                            (Value::Instance(inst), Some(Value::Str(ps))) => {
                                inst_attr_fast(inst, ps)
                            }
                            (Value::Module(m), Some(Value::Str(ps))) => m.dict.get_pystr(ps),
                            _ => None,
                        };
                        if let Some(v) = fast {
                            f.stack.push(v);
                            continue;
                        }
                        let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                        let v = tri!(native!(self.getattr(&obj, &name)));
                        f.stack.push(v);
                    }
                    Instr::StoreAttr(i) => {
                        let obj = pop!();
                        let v = pop!();
                        let v = match (&obj, f.names.get(i as usize)) {
                            (Value::Instance(inst), Some(Value::Str(ps))) => {
                                match inst_setattr_fast(inst, ps, v) {
                                    None => {
                                        // `self.task = None` may free an object with `__del__`.
                                        check_warn!();
                                        continue;
                                    }
                                    Some(v) => v,
                                }
                            }
                            _ => v,
                        };
                        let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                        tri!(native!(self.setattr(&obj, &name, v)));
                        check_warn!();
                    }
                    Instr::LoadMethod(i) => {
                        let hit = match top!() {
                            Value::Instance(inst) => {
                                self.inst_method_cache_get(&f, pc, inst, f.names.get(i as usize))
                            }
                            obj => self.method_cache_get(&f, pc, obj),
                        };
                        if let Some(m) = hit {
                            // `[obj] -> [m, obj]`: the method takes the receiver's slot and
                            // the receiver moves up, one push.
                            if let Some(slot) = f.stack.last_mut() {
                                let obj = std::mem::replace(slot, m);
                                f.stack.push(obj);
                            }
                            continue;
                        }
                        let obj = pop!();
                        let m = match f.names.get(i as usize) {
                            Some(Value::Str(ps)) => self.lookup_method_ps(&obj, ps),
                            _ => None,
                        };
                        if let Some(m) = &m {
                            if let Value::Instance(inst) = &obj {
                                self.inst_method_cache_put(&f, pc, inst, m);
                            } else {
                                self.method_cache_put(&f, pc, &obj, m);
                            }
                        }
                        if let Some(m) = m {
                            f.stack.push(m);
                            f.stack.push(obj);
                        } else {
                            let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                            let v = tri!(native!(self.getattr(&obj, &name)));
                            f.stack.push(Value::Null);
                            f.stack.push(v);
                        }
                    }
                    Instr::BinarySubscr => {
                        let (c, k) = pop2!();
                        let v = match (&c, &k) {
                            (Value::List(l), Value::Int(i)) => {
                                let items = l.items.borrow();
                                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                                match usize::try_from(idx).ok().and_then(|i| items.get(i)) {
                                    Some(v) => v.clone(),
                                    None => {
                                        drop(items);
                                        tri!(Err(self.index_error("list index out of range")))
                                    }
                                }
                            }
                            (Value::Tuple(t), Value::Int(i)) => {
                                let idx = if *i < 0 {
                                    *i + t.items.len() as i64
                                } else {
                                    *i
                                };
                                match usize::try_from(idx).ok().and_then(|i| t.items.get(i)) {
                                    Some(v) => v.clone(),
                                    None => tri!(Err(self.index_error("tuple index out of range"))),
                                }
                            }
                            // A dict's str or int key that is there (a missing one raises
                            // KeyError the general way).
                            (Value::Dict(d), Value::Str(ks)) => match d.get_pystr(ks) {
                                Some(v) => v,
                                None => tri!(native!(self.getitem(&c, &k))),
                            },
                            (Value::Dict(d), Value::Int(i)) => match d.get_int(*i) {
                                Ok(Some(v)) => v,
                                _ => tri!(native!(self.getitem(&c, &k))),
                            },
                            _ => tri!(native!(self.getitem(&c, &k))),
                        };
                        c.drop_fast();
                        k.drop_fast();
                        f.stack.push(v);
                    }
                    Instr::StoreSubscr => {
                        let k = pop!();
                        let c = pop!();
                        let v = pop!();
                        if let (Value::List(l), Value::Int(i)) = (&c, &k) {
                            let mut items = l.items.borrow_mut();
                            let len = items.len() as i64;
                            let idx = if *i < 0 { *i + len } else { *i };
                            if let Some(slot) =
                                usize::try_from(idx).ok().and_then(|i| items.get_mut(i))
                            {
                                // `flags[j] = False`: the old value is usually plain too.
                                std::mem::replace(slot, v).forget_plain();
                                drop(items);
                                c.drop_fast();
                                k.forget_plain();
                                check_warn!();
                                continue;
                            }
                            drop(items);
                            tri!(Err(self.index_error("list assignment index out of range")));
                        }
                        // `d[name] = v` with a str key: `dict_set`'s str case, without cloning the key.
                        let (k, v) = match (&c, k) {
                            (Value::Dict(d), k @ Value::Str(_)) => {
                                d.set_pystr_value(k, v);
                                c.drop_fast();
                                check_warn!();
                                continue;
                            }
                            // `d[i] = x`: an int key, unless an entry with its hash needs
                            // Python to compare.
                            (Value::Dict(d), k @ Value::Int(_)) => match d.set_int(k, v) {
                                Ok(()) => {
                                    c.drop_fast();
                                    check_warn!();
                                    continue;
                                }
                                Err(kv) => kv,
                            },
                            (_, k) => (k, v),
                        };
                        tri!(native!(self.setitem(&c, &k, v)));
                        check_warn!();
                    }
                    Instr::BinaryOp(kind) => {
                        let (a, b) = pop2!();
                        let r = match (&a, &b) {
                            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                                fast_arith(kind, &a, &b)
                            }
                            // Large results take the slow path, which checks the memory limit.
                            (Value::Str(x), Value::Str(y))
                                if matches!(
                                    kind,
                                    crate::lang::bytecode::BinaryOpKind::Add
                                        | crate::lang::bytecode::BinaryOpKind::InplaceAdd
                                ) && x.s.len() + y.s.len() < (1 << 20) =>
                            {
                                Some(Value::Str(Rc::new(PyStr::concat(x, y))))
                            }
                            _ => None,
                        };
                        let r = match r {
                            Some(r) => {
                                a.forget_plain();
                                b.forget_plain();
                                finish_op!(r)
                            }
                            None => tri!(native!(self.binary_op(&a, &b, kind))),
                        };
                        f.stack.push(r);
                    }
                    Instr::UnaryNot => {
                        let a = pop!();
                        let t = match &a {
                            Value::Bool(b) => *b,
                            _ => tri!(native!(self.truthy(&a))),
                        };
                        f.stack.push(Value::Bool(!t));
                    }
                    Instr::CompareOp(op) => {
                        let (a, b) = pop2!();
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => {
                                use crate::lang::bytecode::CompareKind as C;
                                Value::Bool(match op {
                                    C::Lt => x < y,
                                    C::Le => x <= y,
                                    C::Eq => x == y,
                                    C::Ne => x != y,
                                    C::Gt => x > y,
                                    C::Ge => x >= y,
                                })
                            }
                            _ => tri!(native!(self.compare(&a, &b, op))),
                        };
                        a.forget_plain();
                        b.forget_plain();
                        // `if a < b:` / `while ...`: run the conditional jump that follows right
                        // here (it is still counted as an instruction; not when a line hook
                        // watches, so line events stay exact).
                        if let Value::Bool(c) = &r {
                            let next = fetch(&f.instrs, ip);
                            if budget.n > 0 && !hooked {
                                let jump = match next {
                                    Instr::PopJumpIfFalse(t) => Some((t, !*c)),
                                    Instr::PopJumpIfTrue(t) => Some((t, *c)),
                                    _ => None,
                                };
                                if let Some((t, taken)) = jump {
                                    budget.n -= 1;
                                    ip = if taken { t as usize } else { ip + 1 };
                                    r.forget_plain();
                                    continue;
                                }
                            }
                        }
                        f.stack.push(r);
                    }
                    Instr::IsOp(neg) => {
                        let (a, b) = pop2!();
                        let c = a.is(&b) != neg;
                        a.forget_plain();
                        b.forget_plain();
                        // `if x is None:`: the jump that follows runs here, as after `CompareOp`.
                        if budget.n > 0 && !hooked {
                            let jump = match fetch(&f.instrs, ip) {
                                Instr::PopJumpIfFalse(t) => Some((t, !c)),
                                Instr::PopJumpIfTrue(t) => Some((t, c)),
                                _ => None,
                            };
                            if let Some((t, taken)) = jump {
                                budget.n -= 1;
                                ip = if taken { t as usize } else { ip + 1 };
                                continue;
                            }
                        }
                        f.stack.push(Value::Bool(c));
                    }
                    Instr::ContainsOp(neg) => {
                        let (a, b) = pop2!();
                        let r = tri!(native!(self.contains(&b, &a)));
                        f.stack.push(Value::Bool(r != neg));
                    }
                    Instr::Jump(t) => ip = t as usize,
                    Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                        let v = pop!();
                        let b = match &v {
                            Value::Bool(b) => *b,
                            Value::None => false,
                            Value::Int(i) => *i != 0,
                            _ => tri!(native!(self.truthy(&v))),
                        };
                        v.forget_plain();
                        if b == matches!(ins, Instr::PopJumpIfTrue(_)) {
                            ip = t as usize;
                        }
                    }
                    Instr::GetIter => {
                        let v = pop!();
                        let it = tri!(native!(self.get_iter(&v)));
                        f.stack.push(it);
                    }
                    Instr::ForIter(target) => {
                        // `for i in range(...)`: step the iterator in place (no refcount traffic).
                        if let Some(Value::Native(n)) = f.stack.last() {
                            if let NativeData::RangeIter {
                                cur, step, left, ..
                            } = &n.data
                            {
                                let l = left.get();
                                if l <= 0 {
                                    f.stack.pop();
                                    ip = target as usize;
                                    continue;
                                }
                                left.set(l - 1);
                                let c = cur.get();
                                cur.set(c.wrapping_add(*step));
                                // The loop variable's `StoreFast` runs here too (counted; not under
                                // a line hook), the int going straight into its slot.
                                if budget.n > 0 && !hooked {
                                    if let Instr::StoreFast(k) = fetch(&f.instrs, ip) {
                                        if let Some(slot) = f.locals.get_mut(k as usize) {
                                            set_slot(slot, Value::Int(c));
                                            ip += 1;
                                            budget.n -= 1;
                                            check_warn_at_ip!();
                                            continue;
                                        }
                                    }
                                }
                                f.stack.push(Value::Int(c));
                                continue;
                            }
                        }
                        // `for i, x in enumerate(seq)`: hand the pair straight to the
                        // `UnpackSequence(2)` that follows instead of building a tuple nothing else
                        // sees. Counted as both instructions; not under a line hook. Only over the
                        // built-in sequence iterators, which never run Python code or fail.
                        let pair = match f.stack.last() {
                            Some(Value::Native(n))
                                if budget.n > 0
                                    && !hooked
                                    && matches!(fetch(&f.instrs, ip), Instr::UnpackSequence(2)) =>
                            {
                                match &n.data {
                                    NativeData::Enumerate {
                                        it: it @ Value::Native(inner),
                                        next,
                                    } if matches!(
                                        inner.data,
                                        NativeData::SeqIter { .. }
                                            | NativeData::ListIter { .. }
                                            | NativeData::RangeIter { .. }
                                    ) =>
                                    {
                                        match self.enumerate_step(it, inner) {
                                            Some(Ok(Some(v))) => {
                                                let i = next.get();
                                                next.set(i.wrapping_add(1));
                                                Some(Ok(Some((i, v))))
                                            }
                                            Some(Ok(None)) => Some(Ok(None)),
                                            Some(Err(e)) => Some(Err(e)),
                                            None => None,
                                        }
                                    }
                                    _ => None,
                                }
                            }
                            _ => None,
                        };
                        match pair {
                            Some(Ok(Some((i, v)))) => {
                                ip += 1;
                                budget.n -= 1;
                                // `for i, x in ...`: the two `StoreFast`s of the targets run
                                // here too when the budget covers them (counted; the loop
                                // takes this path only without a line hook). A store is never
                                // a code object's last instruction, so `ip + 1` is in bounds.
                                if budget.n >= 2 {
                                    if let Instr::StoreFast(a) = fetch(&f.instrs, ip) {
                                        if let Instr::StoreFast(b) = fetch(&f.instrs, ip + 1) {
                                            let n = f.locals.len();
                                            if (a as usize) < n && (b as usize) < n {
                                                set_slot(&mut f.locals[a as usize], Value::Int(i));
                                                set_slot(&mut f.locals[b as usize], v);
                                                ip += 2;
                                                budget.n -= 2;
                                                check_warn_at_ip!();
                                                continue;
                                            }
                                        }
                                    }
                                }
                                f.stack.push(v);
                                f.stack.push(Value::Int(i));
                                continue;
                            }
                            Some(Ok(None)) => {
                                f.stack.pop();
                                ip = target as usize;
                                continue;
                            }
                            Some(Err(e)) => tri!(Err(e)),
                            None => {}
                        }
                        let it = top!().clone();
                        if let Some(r) = self.native_next(&it) {
                            match tri!(r) {
                                Some(v) => f.stack.push(v),
                                None => {
                                    f.stack.pop();
                                    ip = target as usize;
                                }
                            }
                            continue;
                        }
                        match &it {
                            Value::Gen(g) if g.kind == GenKind::Generator => {
                                let out = tri!(self
                                    .gen_resume_frames(
                                        g,
                                        ResumeHow::Send(Value::None),
                                        Entry::ForIter(target)
                                    )
                                    .or_else(|e| {
                                        if self.exc_matches(&e, ExcKind::StopIteration) {
                                            Ok(CallOut::Value(Value::Null))
                                        } else {
                                            Err(e)
                                        }
                                    }));
                                if let CallOut::Value(Value::Null) = out {
                                    f.stack.pop();
                                    ip = target as usize;
                                    continue;
                                }
                                call_out!(out);
                            }
                            _ => {
                                let cls = self.type_of(&it);
                                match cls.lookup("__next__") {
                                    Some(Value::Func(nf)) => {
                                        let mut nfr =
                                            tri!(self.make_frame(&nf, vec![it.clone()], &[]));
                                        nfr.entry = Entry::Call;
                                        // StopIteration from __next__ ends the loop: handled by
                                        // catching it around a nested run would recurse, so run
                                        // it nested but bounded.
                                        let r = native!(self.run_nested(nfr));
                                        match r {
                                            Ok(v) => f.stack.push(v),
                                            Err(e)
                                                if self.exc_matches(&e, ExcKind::StopIteration) =>
                                            {
                                                f.stack.pop();
                                                ip = target as usize;
                                            }
                                            Err(e) => tri!(Err(e)),
                                        }
                                    }
                                    _ => {
                                        let r = native!(self.next(&it));
                                        match tri!(r) {
                                            Some(v) => f.stack.push(v),
                                            None => {
                                                f.stack.pop();
                                                ip = target as usize;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Instr::BuildTuple(n) => {
                        let at = f.stack.len().saturating_sub(n as usize);
                        let t = Value::Tuple(Rc::new(super::value::PyTuple::new(move_top(
                            &mut f.stack,
                            at,
                        ))));
                        // `x = (a, b)`: the store that follows runs here (counted; not under a
                        // line hook).
                        if !hooked && budget.n > 0 {
                            if let Instr::StoreFast(k) = fetch(&f.instrs, ip) {
                                if let Some(slot) = f.locals.get_mut(k as usize) {
                                    set_slot(slot, t);
                                    ip += 1;
                                    budget.n -= 1;
                                    check_warn_at_ip!();
                                    continue;
                                }
                            }
                        }
                        f.stack.push(t);
                    }
                    Instr::BuildList(n) => {
                        let at = f.stack.len().saturating_sub(n as usize);
                        let l = Value::list(move_top(&mut f.stack, at));
                        f.stack.push(l);
                    }
                    Instr::UnpackSequence(n) => {
                        // `a, b = t`: a pair's two target stores run here, each item going
                        // straight into its slot (counted as three instructions; not under a
                        // line hook). The tuple is dropped before the old values, as the
                        // unfused stores would; a store is never a code object's last
                        // instruction, so `ip + 1` is in bounds.
                        if n == 2 && !hooked && budget.n >= 2 {
                            if let (Instr::StoreFast(a), Some(Value::Tuple(t))) =
                                (fetch(&f.instrs, ip), f.stack.last())
                            {
                                let nl = f.locals.len();
                                if let (Instr::StoreFast(b), true) = (
                                    fetch(&f.instrs, ip + 1),
                                    t.items.len() == 2 && (a as usize) < nl,
                                ) {
                                    if (b as usize) < nl {
                                        let (x, y) = (t.items[0].clone(), t.items[1].clone());
                                        pop!().drop_fast();
                                        set_slot(&mut f.locals[a as usize], x);
                                        set_slot(&mut f.locals[b as usize], y);
                                        ip += 2;
                                        budget.n -= 2;
                                        check_warn_at_ip!();
                                        continue;
                                    }
                                }
                            }
                        }
                        let mut seq = pop!();
                        if let Value::Tuple(t) = &mut seq {
                            if t.items.len() == n as usize {
                                match Rc::get_mut(t) {
                                    // A tuple nobody else holds (an `enumerate`/`zip`/`items()`
                                    // item): move its values instead of cloning and dropping them.
                                    Some(tm) => {
                                        let items = std::mem::take(&mut tm.items);
                                        f.stack.extend(items.into_vec().into_iter().rev());
                                    }
                                    None => f.stack.extend(t.items.iter().rev().cloned()),
                                }
                                continue;
                            }
                        }
                        let items = match &seq {
                            Value::List(l) if l.items.borrow().len() == n as usize => {
                                l.items.borrow().clone()
                            }
                            _ => tri!(native!(self.unpack(&seq, n as usize, None))),
                        };
                        f.stack.extend(items.into_iter().rev());
                    }
                    Instr::KwNames(i) => {
                        f.kwnames = f.consts.get(i as usize).cloned();
                    }
                    Instr::Call(n) => {
                        let n = n as usize;
                        let kwnames = if f.kwnames.is_some() {
                            f.kwnames.take()
                        } else {
                            None
                        };
                        let len = f.stack.len();
                        if len < n + 2 {
                            tri!(Err(self.new_error(ExcKind::SystemError, "bad CALL")));
                        }
                        let at = len - n;
                        // Hot path: a plain Python function, positional args only.
                        let (a, b) = (&f.stack[at - 2], &f.stack[at - 1]);
                        let mut await_native = 0;
                        if kwnames.is_none() {
                            let (func, with_self) = match (a, b) {
                                (Value::Null, Value::Func(func)) => (Some(func), false),
                                (Value::Func(func), _) => (Some(func), true),
                                _ => (None, false),
                            };
                            if let Some(func) = func {
                                let nargs = n + with_self as usize;
                                if func.code.fast_argcount as usize == nargs {
                                    let nlocals = func.code.nlocals as usize;
                                    let mut nf = self.alloc_call_frame(func);
                                    // The arguments move (no refcount traffic) into the first
                                    // locals; the others start unbound.
                                    move_args(&mut f.stack, nargs, &mut nf.locals, nlocals);
                                    // Then the function (its reference moves into the frame) and,
                                    // below it, the NULL of a plain call.
                                    nf.func = match f.stack.pop() {
                                        Some(Value::Func(func)) => Some(func),
                                        _ => None,
                                    };
                                    if !with_self {
                                        if let Some(x) = f.stack.pop() {
                                            x.forget_plain();
                                        }
                                    }
                                    push_frame!(nf);
                                }
                                // Only coroutines carry it, which never take the path above.
                                await_native = func.code.await_native.get();
                            }
                        }
                        // `await q.put(x)`: a coroutine the runtime can finish at once is never
                        // created; the await's result lands where `Send` would leave it. Not
                        // while a line hook watches (the coroutine's lines would be missed).
                        if await_native != 0 && !hooked {
                            if let (
                                Some(Instr::GetAwaitable(0)),
                                Some(Instr::LoadConst(_)),
                                Some(&Instr::Send(target)),
                                Some(h),
                            ) = (
                                f.instrs.get(ip),
                                f.instrs.get(ip + 1),
                                f.instrs.get(ip + 2),
                                self.await_hook.clone(),
                            ) {
                                let start = if matches!(f.stack[at - 2], Value::Null) {
                                    at
                                } else {
                                    at - 1
                                };
                                // The arguments move out (to a buffer here, when they fit)
                                // and, when the hook declines, back.
                                let k = f.stack.len() - start;
                                if k <= NATIVE_ARGS {
                                    let mut buf = [const { std::mem::MaybeUninit::<Value>::uninit() };
                                        NATIVE_ARGS];
                                    let bp = buf.as_mut_ptr().cast::<Value>();
                                    // SAFETY: `start..start + k` are initialised stack values
                                    // and `buf` has room for `k`; the stack forgets them
                                    // (set_len) as the buffer takes them over.
                                    unsafe {
                                        move_values(f.stack.as_ptr().add(start), bp, k);
                                        f.stack.set_len(start);
                                    }
                                    // SAFETY: the first `k` entries of `buf` were written above.
                                    let args: &[Value] =
                                        unsafe { std::slice::from_raw_parts(bp, k) };
                                    let r = native!(h.call_awaited(self, await_native, args));
                                    if let Some(r) = r {
                                        // SAFETY: each value is read out (and dropped) once;
                                        // `args` is not used after this.
                                        unsafe {
                                            for x in 0..k {
                                                drop_arg(std::ptr::read(bp.add(x)));
                                            }
                                        }
                                        let r = tri!(r);
                                        f.stack.truncate(at - 2);
                                        match r {
                                            super::Awaited::Done(v) => {
                                                f.stack.push(v);
                                                ip = target as usize;
                                            }
                                            // What GetAwaitable would have left; `Send` follows.
                                            super::Awaited::Iter(it) => {
                                                f.stack.push(it);
                                                ip += 1;
                                            }
                                        }
                                        continue;
                                    }
                                    f.stack.reserve(k);
                                    // SAFETY: room for `k` more (reserved); the buffer's values
                                    // move back and are owned by the stack alone.
                                    unsafe {
                                        let len = f.stack.len();
                                        move_values(bp, f.stack.as_mut_ptr().add(len), k);
                                        f.stack.set_len(len + k);
                                    }
                                } else {
                                    let mut args = std::mem::take(&mut self.arg_pool);
                                    move_tail(&mut f.stack, start, &mut args);
                                    let r = native!(h.call_awaited(self, await_native, &args));
                                    if let Some(r) = r {
                                        args.clear();
                                        self.arg_pool = args;
                                        let r = tri!(r);
                                        f.stack.truncate(at - 2);
                                        match r {
                                            super::Awaited::Done(v) => {
                                                f.stack.push(v);
                                                ip = target as usize;
                                            }
                                            // What GetAwaitable would have left; `Send` follows.
                                            super::Awaited::Iter(it) => {
                                                f.stack.push(it);
                                                ip += 1;
                                            }
                                        }
                                        continue;
                                    }
                                    f.stack.append(&mut args);
                                    self.arg_pool = args;
                                }
                            }
                        }
                        // Hot path: a built-in function or method descriptor with positional
                        // args (`len(x)`, `d.get(k, 0)`, `q.append(x)`). The callable and up to
                        // `NATIVE_ARGS` arguments move bitwise off the value stack into a buffer
                        // here, which the native reads as its slice: no vector, no reference
                        // count traffic on the callable.
                        if kwnames.is_none() {
                            let nat: Option<(usize, *const Rc<PyBuiltin>)> =
                                match (&f.stack[at - 2], &f.stack[at - 1]) {
                                    (Value::Null, Value::Builtin(b)) if plain_ok(b) => {
                                        Some((at, b as *const Rc<PyBuiltin>))
                                    }
                                    (Value::Builtin(b), _) if plain_ok(b) => {
                                        Some((at - 1, b as *const Rc<PyBuiltin>))
                                    }
                                    _ => None,
                                };
                            let len = f.stack.len();
                            if let Some((start, bp)) =
                                nat.filter(|&(st, _)| len - st <= NATIVE_ARGS)
                            {
                                let k = len - start;
                                let mut buf = [const { std::mem::MaybeUninit::<Value>::uninit() };
                                    NATIVE_ARGS];
                                // SAFETY: `bp` points at the callable's `Rc` inside the stack
                                // slot `at - 1` or `at - 2`, and `start..len` are initialised
                                // stack values (`k` fit in `buf`). Reading them takes over their
                                // references; `set_len(at - 2)` then makes the stack forget
                                // them and the slot below (a NULL or the callable itself), so
                                // each is dropped once, below.
                                let b = unsafe {
                                    move_values(
                                        f.stack.as_ptr().add(start),
                                        buf.as_mut_ptr().cast::<Value>(),
                                        k,
                                    );
                                    let b = std::ptr::read(bp);
                                    f.stack.set_len(at - 2);
                                    b
                                };
                                // SAFETY: the first `k` entries of `buf` were written above.
                                let args: &[Value] = unsafe {
                                    std::slice::from_raw_parts(buf.as_ptr().cast::<Value>(), k)
                                };
                                let r = if k == 0 && b.owner.is_some() {
                                    Err(self.unbound_no_self(&b))
                                } else {
                                    match &b.imp {
                                        NativeImpl::Fn(nf) => native!(nf(self, args, &[])),
                                        NativeImpl::Closure(c) => native!(c(self, args, &[])),
                                    }
                                };
                                let r = match r {
                                    Ok(v) => Ok(v),
                                    Err(e) => Err(self.descriptor_self_error(&b, args, e)),
                                };
                                // SAFETY: each of the `k` values is read out (and dropped) once;
                                // `args` is not used after this.
                                unsafe {
                                    let p = buf.as_ptr().cast::<Value>();
                                    for x in 0..k {
                                        drop_arg(std::ptr::read(p.add(x)));
                                    }
                                }
                                drop(b);
                                let v = tri!(r);
                                f.stack.push(v);
                                continue;
                            }
                            if let Some((start, bp)) = nat {
                                // More arguments than the buffer holds: a pooled vector.
                                // SAFETY: `bp` points into the stack, unchanged since it was
                                // taken; the clone takes a new reference.
                                let b = unsafe { (*bp).clone() };
                                let mut args = std::mem::take(&mut self.arg_pool);
                                move_tail(&mut f.stack, start, &mut args);
                                f.stack.truncate(at - 2);
                                let r = match &b.imp {
                                    NativeImpl::Fn(nf) => native!(nf(self, &args, &[])),
                                    NativeImpl::Closure(c) => native!(c(self, &args, &[])),
                                };
                                let r = r.map_err(|e| self.descriptor_self_error(&b, &args, e));
                                drop(b);
                                args.clear();
                                self.arg_pool = args;
                                let v = tri!(r);
                                f.stack.push(v);
                                continue;
                            }
                        }
                        // Hot path: a built-in type called with positional args (`str(i)`): its
                        // native constructor, as `call_type` would run it, on the pooled vector.
                        if kwnames.is_none() {
                            let newf = match (&f.stack[at - 2], &f.stack[at - 1]) {
                                (Value::Null, Value::Type(t))
                                    if t.layout == Layout::Builtin && !t.has_flag(tflags::NEW) =>
                                {
                                    find_native_new(t).map(|nf| (nf, t.clone()))
                                }
                                _ => None,
                            };
                            if let Some((newf, t)) = newf {
                                let mut args = std::mem::take(&mut self.arg_pool);
                                move_tail(&mut f.stack, at, &mut args);
                                f.stack.truncate(at - 2);
                                let r = native!(newf(self, &t, &args, &[]));
                                args.clear();
                                self.arg_pool = args;
                                let v = tri!(r);
                                f.stack.push(v);
                                continue;
                            }
                        }
                        // Hot path: resuming a generator with gen.send(v) / next(gen) / gen.__next__().
                        if kwnames.is_none() {
                            let gen_call = match (&f.stack[at - 2], &f.stack[at - 1]) {
                                (Value::Builtin(bf), Value::Gen(g)) if bf.bound.is_none() => {
                                    match bf.special {
                                        Special::GenSend if n == 1 => Some(g.clone()),
                                        Special::GenNext
                                            if n == 0 && g.kind == GenKind::Generator =>
                                        {
                                            Some(g.clone())
                                        }
                                        _ => None,
                                    }
                                }
                                (Value::Null, Value::Builtin(bf))
                                    if bf.special == Special::Next && n == 1 =>
                                {
                                    match &f.stack[at] {
                                        Value::Gen(g) if g.kind == GenKind::Generator => {
                                            Some(g.clone())
                                        }
                                        _ => None,
                                    }
                                }
                                _ => None,
                            };
                            if let Some(g) = gen_call {
                                let v = if n == 1 && !f.stack[at - 2].is_null() {
                                    f.stack.pop().unwrap_or(Value::None)
                                } else {
                                    Value::None
                                };
                                f.stack.truncate(at - 2);
                                let v = match self.resume_suspended(&g, v, Entry::GenCall) {
                                    Ok(nf) => push_frame!(nf),
                                    Err(v) => v,
                                };
                                let out = tri!(self.gen_resume_frames(
                                    &g,
                                    ResumeHow::Send(v),
                                    Entry::GenCall
                                ));
                                call_out!(out);
                                continue;
                            }
                        }
                        let mut args: Vec<Value> = Vec::with_capacity(n + 1);
                        args.push(Value::Null);
                        move_tail(&mut f.stack, at, &mut args);
                        let (a, b) = pop2!();
                        let callable = if a.is_null() {
                            args.remove(0);
                            b
                        } else {
                            args[0] = b;
                            a
                        };
                        let kwargs: Vec<(Rc<str>, Value)> = match &kwnames {
                            Some(Value::Tuple(names)) => {
                                let k = names.items.len().min(args.len());
                                let kwvals = args.split_off(args.len() - k);
                                names
                                    .items
                                    .iter()
                                    .zip(kwvals)
                                    .map(|(nm, v)| (Rc::from(nm.as_str().unwrap_or("")), v))
                                    .collect()
                            }
                            _ => Vec::new(),
                        };
                        let out = match &callable {
                            Value::Func(func) => {
                                let fr = tri!(self.make_frame(func, args, &kwargs));
                                if fr.code.co.flags
                                    & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR)
                                    != 0
                                {
                                    let g = native!(self.make_gen(fr));
                                    CallOut::Value(g)
                                } else {
                                    CallOut::Frame(fr)
                                }
                            }
                            _ => tri!(native!(self.prepare_call(&callable, args, &kwargs))),
                        };
                        call_out!(out);
                    }
                    Instr::ReturnValue => {
                        let v = pop!();
                        check_warn!();
                        // A plain function returning to its caller in this loop: `frame_return`'s
                        // first case, inline.
                        if f.gen.is_none()
                            && matches!(f.entry, Entry::Call)
                            && self.frames.len() > base
                        {
                            if let Some(caller) = self.frames.pop() {
                                let done = f;
                                f = caller;
                                self.recycle_inline(done);
                                f.stack.push(v);
                                check_warn!();
                                continue 'frame;
                            }
                        }
                        match self.frame_return_owned(f, v, base) {
                            Ok(nf) => {
                                f = nf;
                                check_warn!();
                                continue 'frame;
                            }
                            Err(exit) => return exit,
                        }
                    }
                    Instr::YieldValue => {
                        let v = pop!();
                        f.in_yield_from = matches!(
                            pc.checked_sub(1).and_then(|i| f.instrs.get(i)),
                            Some(Instr::Send(_))
                        );
                        // A generator resumed by `send`/`next`/a `for` loop/a `yield from` in
                        // this loop hands its value to the frame below: `frame_yield`'s common
                        // cases, inline (an async generator's own yield, `close()` and the loop's
                        // base frame take the general path).
                        let plain = match &f.entry {
                            Entry::GenCall | Entry::ForIter(_) => true,
                            Entry::Send(_) => !matches!(
                                &v,
                                Value::Native(n) if matches!(n.data, NativeData::AGenWrapped(_))
                            ),
                            _ => false,
                        };
                        if plain && self.frames.len() > base {
                            if let Some(caller) = self.frames.pop() {
                                let mut done = std::mem::replace(&mut f, caller);
                                done.entry = Entry::Call;
                                if let Some(g) = done.gen.take() {
                                    g.state.set(GenState::Suspended);
                                    *g.frame.borrow_mut() = Some(done);
                                }
                                f.stack.push(v);
                                continue 'frame;
                            }
                        }
                        match self.frame_yield_owned(f, v, base) {
                            Ok(nf) => {
                                f = nf;
                                continue 'frame;
                            }
                            Err(exit) => return exit,
                        }
                    }
                    Instr::Send(target) => {
                        let v = pop!();
                        // The common `yield from` step: a suspended generator takes the value.
                        let v = match f.stack.last() {
                            Some(Value::Gen(g)) if g.state.get() == GenState::Suspended => {
                                let g = g.clone();
                                match self.resume_suspended(&g, v, Entry::Send(target)) {
                                    Ok(nf) => push_frame!(nf),
                                    Err(v) => v,
                                }
                            }
                            _ => v,
                        };
                        let recv = top!().clone();
                        if let (Value::Instance(_), Some(h)) = (&recv, self.await_hook.clone()) {
                            match native!(h.send(self, &recv, &v)) {
                                Some(Ok(super::AwaitStep::Yield(y))) => {
                                    f.stack.push(y);
                                    continue;
                                }
                                Some(Ok(super::AwaitStep::Return(r))) => {
                                    f.stack.pop();
                                    f.stack.push(r);
                                    ip = target as usize;
                                    continue;
                                }
                                Some(Err(e)) => tri!(Err(e)),
                                None => {}
                            }
                        }
                        match &recv {
                            Value::Gen(g) => {
                                let out = self.gen_resume_frames(
                                    g,
                                    ResumeHow::Send(v),
                                    Entry::Send(target),
                                );
                                let out = match out {
                                    Ok(o) => o,
                                    Err(e)
                                        if self.exc_matches(&e, ExcKind::StopIteration)
                                            && g.kind == GenKind::Generator =>
                                    {
                                        f.stack.pop();
                                        f.stack.push(super::exceptions::stop_value(&e));
                                        ip = target as usize;
                                        continue;
                                    }
                                    Err(e) => tri!(Err(e)),
                                };
                                if let CallOut::Value(r) = out {
                                    f.stack.pop();
                                    f.stack.push(r);
                                    ip = target as usize;
                                    continue;
                                }
                                call_out!(out);
                            }
                            Value::Native(n) if matches!(n.data, NativeData::AsyncGenOp(_)) => {
                                match tri!(native!(self.agen_op_send(n, v, target))) {
                                    Some(CallOut::Value(r)) => {
                                        f.stack.pop();
                                        f.stack.push(r);
                                        ip = target as usize;
                                    }
                                    Some(out) => call_out!(out),
                                    None => {}
                                }
                            }
                            _ => {
                                let r = if v.is_none() {
                                    native!(self.call_dunder(&recv, "__next__", &[]))
                                } else {
                                    native!(self.call_method_by_name(&recv, "send", &[v]))
                                };
                                match r {
                                    Ok(Some(y)) => f.stack.push(y),
                                    Ok(None) => tri!(Err(self.type_error(format!(
                                        "'{}' object is not an iterator",
                                        self.type_name(&recv)
                                    )))),
                                    Err(e) if self.exc_matches(&e, ExcKind::StopIteration) => {
                                        f.stack.pop();
                                        f.stack.push(super::exceptions::stop_value(&e));
                                        ip = target as usize;
                                    }
                                    Err(e) => tri!(Err(e)),
                                }
                            }
                        }
                    }
                    Instr::SetupFinally(t) => {
                        let depth = f.stack.len() as u32;
                        f.blocks.push(Block { handler: t, depth });
                    }
                    Instr::PopBlock => {
                        f.blocks.pop();
                    }
                    // A comprehension's append; the other container updates run out of line.
                    Instr::ListAppend(n)
                        if matches!(
                            f.stack
                                .len()
                                .checked_sub(n as usize + 1)
                                .and_then(|i| f.stack.get(i)),
                            Some(Value::List(_))
                        ) =>
                    {
                        let item = pop!();
                        let len = f.stack.len();
                        if let Some(Value::List(l)) =
                            len.checked_sub(n as usize).and_then(|i| f.stack.get(i))
                        {
                            l.items.borrow_mut().push(item);
                        }
                    }
                    // Every other opcode by name (no `_`): the jump table then covers all
                    // tags and the dispatch needs no range test.
                    Instr::DeleteFast(_)
                    | Instr::LoadDeref(_)
                    | Instr::StoreDeref(_)
                    | Instr::DeleteDeref(_)
                    | Instr::LoadClosure(_)
                    | Instr::LoadClassDeref(_)
                    | Instr::LoadName(_)
                    | Instr::StoreName(_)
                    | Instr::DeleteName(_)
                    | Instr::StoreGlobal(_)
                    | Instr::DeleteGlobal(_)
                    | Instr::DeleteAttr(_)
                    | Instr::DeleteSubscr
                    | Instr::BuildSlice(_)
                    | Instr::UnaryNegative
                    | Instr::UnaryPositive
                    | Instr::UnaryInvert
                    | Instr::JumpIfFalseOrPop(_)
                    | Instr::JumpIfTrueOrPop(_)
                    | Instr::BuildSet(_)
                    | Instr::BuildMap(_)
                    | Instr::BuildConstKeyMap(_)
                    | Instr::BuildString(_)
                    | Instr::ListAppend(_)
                    | Instr::SetAdd(_)
                    | Instr::MapAdd(_)
                    | Instr::ListExtend(_)
                    | Instr::SetUpdate(_)
                    | Instr::DictUpdate(_)
                    | Instr::DictMerge(_)
                    | Instr::ListToTuple
                    | Instr::UnpackEx(_)
                    | Instr::FormatValue(_)
                    | Instr::MakeFunction(_)
                    | Instr::CallFunctionEx(_)
                    | Instr::LoadBuildClass
                    | Instr::GetYieldFromIter
                    | Instr::GetAwaitable(_)
                    | Instr::AsyncGenWrap
                    | Instr::GetAIter
                    | Instr::GetANext
                    | Instr::EndAsyncFor
                    | Instr::PushExcInfo
                    | Instr::PopExcept
                    | Instr::CheckExcMatch
                    | Instr::CheckEgMatch
                    | Instr::Reraise
                    | Instr::RaiseVarargs(_)
                    | Instr::LoadAssertionError
                    | Instr::BeforeWith
                    | Instr::BeforeAsyncWith
                    | Instr::WithExceptStart
                    | Instr::ImportName(_)
                    | Instr::ImportFrom(_)
                    | Instr::ImportStar
                    | Instr::SetupAnnotations
                    | Instr::PrintExpr => match self.run_cold(f, ins, pc, base) {
                        Ok(nf) => {
                            f = nf;
                            continue 'frame;
                        }
                        Err(exit) => return exit,
                    },
                }
            }
        }
    }

    /// The opcodes that hot code rarely runs, out of the dispatch loop so that the loop stays
    /// small enough for the compiler to keep its state in registers. `Ok(frame)`: go on with
    /// that frame; `Err(exit)`: the loop returns `exit`.
    #[inline(never)]
    fn run_cold(
        &mut self,
        mut f: Box<Frame>,
        ins: Instr,
        pc: usize,
        base: usize,
    ) -> Result<Box<Frame>, Exit> {
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        return match self.unwind(&mut f, e, base, true, true) {
                            Some(exit) => Err(exit),
                            None => Ok(f),
                        }
                    }
                }
            };
        }
        macro_rules! pop {
            () => {
                match f.stack.pop() {
                    Some(v) => v,
                    None => tri!(Err(
                        self.new_error(ExcKind::SystemError, "value stack underflow")
                    )),
                }
            };
        }
        macro_rules! top {
            () => {
                match f.stack.last() {
                    Some(v) => v,
                    None => tri!(Err(
                        self.new_error(ExcKind::SystemError, "value stack underflow")
                    )),
                }
            };
        }
        macro_rules! native {
            ($e:expr) => {{
                self.frames.push(f);
                let r = $e;
                f = match self.frames.pop() {
                    Some(x) => x,
                    None => return Err(Exit::Raise(self.runtime_error("frame stack corrupted"))),
                };
                r
            }};
        }
        macro_rules! check_warn {
            () => {
                if self.warnings.pending.get() {
                    let loc = Some((f.code.co.filename.clone(), f.line()));
                    native!(self.flush_warnings_at(loc));
                }
            };
        }
        macro_rules! push_frame {
            ($nf:expr) => {{
                let nf = $nf;
                if self.frames.len() + 1 >= self.recursion_limit {
                    tri!(Err(self.new_error(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded"
                    )));
                }
                self.frames.push(std::mem::replace(&mut f, nf));
                return Ok(f);
            }};
        }
        macro_rules! call_out {
            ($out:expr) => {{
                match $out {
                    CallOut::Value(v) => f.stack.push(v),
                    CallOut::Frame(nf) | CallOut::GenFrame(nf) => push_frame!(nf),
                    CallOut::Gen(frames, exc) => {
                        if self.frames.len() + frames.len() + 1 >= self.recursion_limit {
                            tri!(Err(self.new_error(
                                ExcKind::RecursionError,
                                "maximum recursion depth exceeded"
                            )));
                        }
                        for nf in frames {
                            self.frames.push(std::mem::replace(&mut f, nf));
                        }
                        if let Some(e) = exc {
                            if let Some(exit) = self.unwind(&mut f, e, base, true, false) {
                                return Err(exit);
                            }
                        }
                        return Ok(f);
                    }
                }
            }};
        }
        match ins {
            Instr::DeleteFast(i) => {
                let was = f
                    .locals
                    .get_mut(i as usize)
                    .map(|s| std::mem::replace(s, Value::Null));
                if matches!(was, Some(Value::Null) | None) {
                    let name = f
                        .code
                        .co
                        .varnames
                        .get(i as usize)
                        .cloned()
                        .unwrap_or_else(|| Rc::from("?"));
                    tri!(Err(self.new_error(
                        ExcKind::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value")
                    )));
                }
                // `del x` may free an object with `__del__`: it runs before the next statement.
                drop(was);
                check_warn!();
            }
            Instr::LoadDeref(i) | Instr::LoadClosure(i) | Instr::LoadClassDeref(i) => {
                if let Instr::LoadClassDeref(_) = ins {
                    let name = self.cell_name(&f, i);
                    if let Some(d) = &f.locals_dict {
                        if let Some(v) = d.get_str(&name) {
                            f.stack.push(v);
                            return Ok(f);
                        }
                    }
                }
                let Some(cell) = f.cells.get(i as usize).cloned() else {
                    tri!(Err(self.new_error(ExcKind::SystemError, "bad cell index")))
                };
                if let Instr::LoadClosure(_) = ins {
                    f.stack.push(Value::Cell(cell));
                } else {
                    let v = cell.get();
                    if v.is_null() {
                        let name = self.cell_name(&f, i);
                        let is_free = (i as usize) >= f.code.co.cellvars.len();
                        let e = if is_free {
                            self.new_error(ExcKind::NameError, format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
                        } else {
                            self.new_error(ExcKind::UnboundLocalError, format!("cannot access local variable '{name}' where it is not associated with a value"))
                        };
                        tri!(Err(e));
                    }
                    f.stack.push(v);
                }
            }
            Instr::StoreDeref(i) => {
                let v = pop!();
                if let Some(c) = f.cells.get(i as usize) {
                    c.set(v);
                }
                check_warn!();
            }
            Instr::DeleteDeref(i) => {
                if let Some(c) = f.cells.get(i as usize) {
                    c.set(Value::Null);
                }
                check_warn!();
            }
            Instr::LoadName(i) => {
                let Some(Value::Str(s)) = f.names.get(i as usize) else {
                    return Ok(f);
                };
                let v = match &f.locals_dict {
                    Some(d) => d.get_pystr(s),
                    None => None,
                };
                let v = match v
                    .or_else(|| f.globals.get_pystr(s))
                    .or_else(|| self.builtins.get_pystr(s))
                {
                    Some(v) => v,
                    None => tri!(Err(self.name_error(&s.s))),
                };
                f.stack.push(v);
            }
            Instr::StoreName(i) => {
                let v = pop!();
                let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                match &f.locals_dict {
                    Some(d) => d.set_pystr_value(name, v),
                    None => f.globals.set_pystr_value(name, v),
                }
                check_warn!();
            }
            Instr::DeleteName(i) => {
                let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                let n = name.as_str().unwrap_or("");
                let d = f.locals_dict.clone().unwrap_or_else(|| f.globals.clone());
                if d.remove_str(n).is_none() {
                    tri!(Err(self.name_error(n)));
                }
                check_warn!();
            }
            Instr::StoreGlobal(i) => {
                let v = pop!();
                let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                f.globals.set_pystr_value(name, v);
                check_warn!();
            }
            Instr::DeleteGlobal(i) => {
                let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                let n = name.as_str().unwrap_or("");
                if f.globals.remove_str(n).is_none() {
                    tri!(Err(self.name_error(n)));
                }
                check_warn!();
            }
            Instr::DeleteAttr(i) => {
                let obj = pop!();
                let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                tri!(native!(self.delattr(&obj, &name)));
                drop(obj);
                check_warn!();
            }
            Instr::DeleteSubscr => {
                let k = pop!();
                let c = pop!();
                tri!(native!(super::methods::delitem(self, &c, &k)));
                drop((c, k));
                check_warn!();
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { pop!() } else { Value::None };
                let stop = pop!();
                let start = pop!();
                f.stack.push(Value::Slice(Rc::new(super::value::PySlice {
                    start,
                    stop,
                    step,
                })));
            }
            Instr::UnaryNegative => {
                let a = pop!();
                let r = tri!(native!(self.unary_negative(&a)));
                f.stack.push(r);
            }
            Instr::UnaryPositive => {
                let a = pop!();
                let r = tri!(native!(self.unary_positive(&a)));
                f.stack.push(r);
            }
            Instr::UnaryInvert => {
                let a = pop!();
                let r = tri!(native!(self.unary_invert(&a)));
                f.stack.push(r);
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                let v = top!().clone();
                let b = tri!(native!(self.truthy(&v)));
                if b == matches!(ins, Instr::JumpIfTrueOrPop(_)) {
                    f.pc = t as usize;
                } else {
                    f.stack.pop();
                }
            }
            Instr::BuildSet(n) => {
                let at = f.stack.len().saturating_sub(n as usize);
                let items: Vec<Value> = f.stack.drain(at..).collect();
                let s = tri!(native!(self.new_set(items, false)));
                // CPython folds a display of 3+ constants into a frozenset constant (which
                // its constant merging rebuilds from its own iteration order) and merges it
                // into an empty set: same keys, different table layout.
                let all_const = n >= 3
                    && pc >= n as usize
                    && f.code.co.instrs[pc - n as usize..pc]
                        .iter()
                        .all(|i| matches!(i, Instr::LoadConst(_)));
                let s = match (&s, all_const) {
                    (Value::Set(tmp), true) => {
                        let again = tri!(self.new_set(tmp.items(), true));
                        let mut t = crate::vm::table::Set::new();
                        if let Value::Set(again) = &again {
                            let _ = t.merge(&again.t.borrow(), crate::vm::dict::set_key_eq);
                        }
                        Value::Set(Rc::new(crate::vm::dict::PySet::from_table(false, t)))
                    }
                    _ => s,
                };
                f.stack.push(s);
            }
            Instr::BuildMap(n) => {
                let at = f.stack.len().saturating_sub(2 * n as usize);
                let flat: Vec<Value> = f.stack.drain(at..).collect();
                let mut pairs = Vec::with_capacity(n as usize);
                let mut it = flat.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    pairs.push((k, v));
                }
                let d = tri!(native!(self.new_dict(pairs)));
                f.stack.push(d);
            }
            Instr::BuildConstKeyMap(n) => {
                let keys = pop!();
                let at = f.stack.len().saturating_sub(n as usize);
                let vals: Vec<Value> = f.stack.drain(at..).collect();
                let ks = match &keys {
                    Value::Tuple(t) => t.items.to_vec(),
                    _ => vec![],
                };
                let d = tri!(native!(self.new_dict(ks.into_iter().zip(vals).collect())));
                f.stack.push(d);
            }
            Instr::BuildString(n) => {
                let at = f.stack.len().saturating_sub(n as usize);
                let mut s = String::new();
                for v in f.stack.drain(at..) {
                    if let Value::Str(p) = v {
                        s.push_str(&p.s);
                    }
                }
                f.stack.push(Value::string(s));
            }
            Instr::ListAppend(n)
            | Instr::SetAdd(n)
            | Instr::ListExtend(n)
            | Instr::SetUpdate(n)
            | Instr::DictUpdate(n)
            | Instr::DictMerge(n) => {
                let item = pop!();
                let len = f.stack.len();
                if let Instr::ListAppend(_) = ins {
                    if let Some(Value::List(l)) =
                        len.checked_sub(n as usize).and_then(|i| f.stack.get(i))
                    {
                        l.items.borrow_mut().push(item);
                        return Ok(f);
                    }
                }
                let target = match len.checked_sub(n as usize).and_then(|i| f.stack.get(i)) {
                    Some(t) => t.clone(),
                    None => tri!(Err(self.new_error(ExcKind::SystemError, "bad stack"))),
                };
                let r = self.container_add(ins, &target, item);
                if let (Err(e), Instr::DictMerge(_)) = (&r, ins) {
                    // `f(**x)` errors name the callee, which sits below the args tuple.
                    if self.exc_matches(e, ExcKind::TypeError) {
                        let slot = |k: usize| {
                            len.checked_sub(n as usize + k)
                                .and_then(|i| f.stack.get(i))
                                .cloned()
                        };
                        let callee = match (slot(3), slot(2)) {
                            (Some(nul), Some(c)) if nul.is_null() => Some(c),
                            (Some(c), Some(_)) => Some(c),
                            _ => None,
                        };
                        if let Some(c) = callee {
                            let msg = self.str_of_exc_msg(e);
                            let msg = match msg.strip_suffix(" object is not a mapping") {
                                Some(t) => format!(
                                    "{} argument after ** must be a mapping, not {}",
                                    self.callable_desc(&c),
                                    t.trim_matches('\'')
                                ),
                                None => format!("{} {msg}", self.callable_desc(&c)),
                            };
                            tri!(Err(self.type_error(msg)));
                        }
                    }
                }
                tri!(native!(r));
            }
            Instr::MapAdd(n) => {
                let v = pop!();
                let k = pop!();
                let len = f.stack.len();
                let target = match len.checked_sub(n as usize).and_then(|i| f.stack.get(i)) {
                    Some(Value::Dict(d)) => d.clone(),
                    _ => tri!(Err(self.new_error(ExcKind::SystemError, "bad stack"))),
                };
                tri!(native!(self.dict_set(&target, k, v)));
            }
            Instr::ListToTuple => {
                let l = pop!();
                let t = match &l {
                    Value::List(l) => Value::tuple(l.items.borrow().clone()),
                    other => other.clone(),
                };
                f.stack.push(t);
            }
            Instr::UnpackEx(n) => {
                let seq = pop!();
                let before = (n & 0xff) as usize;
                let after = (n >> 8) as usize;
                let items = tri!(native!(self.unpack(&seq, before, Some(after))));
                f.stack.extend(items.into_iter().rev());
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { Some(pop!()) } else { None };
                let v = pop!();
                let s = tri!(native!(self.format_value(&v, flags & 3, spec.as_ref())));
                f.stack.push(s);
            }
            Instr::MakeFunction(fl) => {
                let code = pop!();
                let closure = if fl & 0x08 != 0 { Some(pop!()) } else { None };
                let annotations = if fl & 0x04 != 0 { Some(pop!()) } else { None };
                let kwdefaults = if fl & 0x02 != 0 { Some(pop!()) } else { None };
                let defaults = if fl & 0x01 != 0 { Some(pop!()) } else { None };
                let func = tri!(self.make_function(&f, code, defaults, kwdefaults, closure));
                if let (Some(Value::Tuple(t)), Value::Func(func)) = (annotations, &func) {
                    let d = PyDict::new();
                    for kv in t.items.chunks(2) {
                        if let [Value::Str(k), v] = kv {
                            d.set_str(&k.s, v.clone());
                        }
                    }
                    func.dict
                        .borrow_mut()
                        .set("__annotations__", Value::Dict(Rc::new(d)));
                }
                f.stack.push(func);
            }
            Instr::CallFunctionEx(fl) => {
                let kw = if fl & 1 != 0 { Some(pop!()) } else { None };
                let args = pop!();
                let callable = pop!();
                let nul = pop!();
                let callable = if nul.is_null() { callable } else { nul };
                let args = match &args {
                    Value::Tuple(t) => t.items.to_vec(),
                    other => {
                        let r = self.iter_to_vec(other).map_err(|e| {
                            if self.exc_matches(&e, ExcKind::TypeError)
                                && self.type_of(other).lookup("__iter__").is_none()
                                && self.type_of(other).lookup("__getitem__").is_none()
                            {
                                self.type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    self.callable_desc(&callable),
                                    self.type_name(other)
                                ))
                            } else {
                                e
                            }
                        });
                        tri!(native!(r))
                    }
                };
                let mut kwargs = Vec::new();
                if let Some(kw) = kw {
                    let items = match &kw {
                        Value::Dict(d) => d.t.borrow().items(),
                        _ => tri!(native!(self.mapping_items(&kw))),
                    };
                    // No tri! inside the loop: it jumps with `return Ok(f)`.
                    let mut bad_key = false;
                    for (k, v) in items {
                        if let Value::Str(s) = k {
                            kwargs.push((Rc::from(&*s.s), v));
                        } else {
                            bad_key = true;
                            break;
                        }
                    }
                    if bad_key {
                        tri!(Err(self.type_error("keywords must be strings")));
                    }
                }
                let out = tri!(native!(self.prepare_call(&callable, args, &kwargs)));
                call_out!(out);
            }
            Instr::LoadBuildClass => {
                let b = self
                    .builtins
                    .get_str("__build_class__")
                    .unwrap_or(Value::None);
                f.stack.push(b);
            }
            Instr::GetYieldFromIter => {
                let v = pop!();
                let it = match &v {
                    Value::Gen(g) if g.kind == GenKind::Coroutine => {
                        if f.code.co.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0 {
                            tri!(Err(self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator")));
                        }
                        v.clone()
                    }
                    Value::Gen(_) => v.clone(),
                    // A coroutine's __await__() wrapper: delegate to the coroutine itself.
                    Value::Native(n) if matches!(n.data, NativeData::CoroWrapper(_)) => {
                        match &n.data {
                            NativeData::CoroWrapper(g) => Value::Gen(g.clone()),
                            _ => v.clone(),
                        }
                    }
                    _ => tri!(native!(self.get_iter(&v))),
                };
                f.stack.push(it);
            }
            Instr::GetAwaitable(w) => {
                let v = pop!();
                let it = tri!(native!(self.get_awaitable(&v, w)));
                f.stack.push(it);
            }
            Instr::AsyncGenWrap => {
                let v = pop!();
                let w =
                    self.new_native("async_generator_wrapped_value", NativeData::AGenWrapped(v));
                f.stack.push(w);
            }
            Instr::GetAIter => {
                let v = pop!();
                let it = tri!(native!(self.get_aiter(&v)));
                f.stack.push(it);
            }
            Instr::GetANext => {
                let it = top!().clone();
                let aw = tri!(native!(self.get_anext_awaitable(&it)));
                f.stack.push(aw);
            }
            Instr::EndAsyncFor => {
                let exc = pop!();
                let _aiter = pop!();
                match exc {
                    Value::Instance(e) if self.exc_matches(&e, ExcKind::StopAsyncIteration) => {}
                    Value::Instance(e) => match self.unwind(&mut f, e, base, false, false) {
                        Some(exit) => return Err(exit),
                        None => return Ok(f),
                    },
                    _ => {}
                }
            }
            Instr::PushExcInfo => {
                let exc = pop!();
                if self.warnings.pending.get() {
                    // Temporaries dropped while raising belong to the raising line.
                    let loc = match &exc {
                        Value::Instance(e) => e.exc().and_then(|d| {
                            d.borrow().tb.last().map(|t| {
                                (
                                    t.code.co.filename.clone(),
                                    t.code.co.line_of(t.lasti as usize),
                                )
                            })
                        }),
                        _ => None,
                    };
                    self.flush_warnings_at(
                        loc.or_else(|| Some((f.code.co.filename.clone(), f.line()))),
                    );
                }
                let prev = match f.handled.take() {
                    Some(e) => Value::Instance(e),
                    None => Value::None,
                };
                if let Value::Instance(e) = &exc {
                    f.handled = Some(e.clone());
                }
                f.stack.push(prev);
                f.stack.push(exc);
            }
            Instr::PopExcept => {
                let prev = pop!();
                f.handled = match prev {
                    Value::Instance(e) => Some(e),
                    _ => None,
                };
                // The handled exception dies here (and with its traceback the locals of the
                // frames it ended): their finalizers run before the next statement.
                check_warn!();
            }
            Instr::CheckExcMatch => {
                let typ = pop!();
                let exc = top!().clone();
                let m = tri!(self.exc_match(&exc, &typ));
                f.stack.push(Value::Bool(m));
            }
            Instr::CheckEgMatch => {
                let typ = pop!();
                let exc = pop!();
                let (rest, matched) = tri!(native!(self.eg_match(&exc, &typ)));
                f.stack.push(rest);
                f.stack.push(matched);
            }
            Instr::Reraise => {
                let exc = pop!();
                match exc {
                    Value::Instance(e) => match self.unwind(&mut f, e, base, false, false) {
                        Some(exit) => return Err(exit),
                        None => return Ok(f),
                    },
                    _ => tri!(Err(self.runtime_error("No active exception to reraise"))),
                }
            }
            Instr::RaiseVarargs(n) => {
                if n == 0 {
                    match self.current_handled(&f) {
                        Some(e) => match self.unwind(&mut f, e, base, false, false) {
                            Some(exit) => return Err(exit),
                            None => return Ok(f),
                        },
                        None => tri!(Err(self.runtime_error("No active exception to reraise"))),
                    }
                }
                let cause = if n >= 2 { Some(pop!()) } else { None };
                let exc = pop!();
                let e = tri!(native!(self.make_raise(exc, cause)));
                tri!(Err(e));
            }
            Instr::LoadAssertionError => {
                f.stack
                    .push(Value::Type(self.exc_type(ExcKind::AssertionError)));
            }
            Instr::BeforeWith | Instr::BeforeAsyncWith => {
                let cm = pop!();
                let is_async = matches!(ins, Instr::BeforeAsyncWith);
                let (enter_name, exit_name) = if is_async {
                    ("__aenter__", "__aexit__")
                } else {
                    ("__enter__", "__exit__")
                };
                let cls = self.type_of(&cm);
                let (Some(enter), Some(exit)) = (cls.lookup(enter_name), cls.lookup(exit_name))
                else {
                    let kind = if is_async { "asynchronous " } else { "" };
                    // CPython looks __enter__ up first and names a missing __exit__.
                    let missed = if cls.lookup(enter_name).is_some() {
                        format!(" (missed {exit_name} method)")
                    } else {
                        String::new()
                    };
                    let msg = format!(
                        "'{}' object does not support the {kind}context manager protocol{missed}",
                        cls.name()
                    );
                    tri!(Err(self.type_error(msg)))
                };
                let exit_b = tri!(native!(self.bind_descr(exit, &cm, &cls)));
                let enter_b = tri!(native!(self.bind_descr(enter, &cm, &cls)));
                f.stack.push(exit_b);
                f.stack.push(Value::Null);
                f.stack.push(enter_b);
            }
            Instr::WithExceptStart => {
                // [exit, prev_exc, exc] -> [exit, prev_exc, exc, NULL, exit, type, exc, tb]
                let len = f.stack.len();
                if len < 3 {
                    tri!(Err(
                        self.new_error(ExcKind::SystemError, "bad WITH_EXCEPT_START")
                    ));
                }
                let exc = f.stack[len - 1].clone();
                let exit = f.stack[len - 3].clone();
                let typ = Value::Type(self.type_of(&exc));
                let tb = match &exc {
                    Value::Instance(i) => super::exceptions::traceback_value(self, i),
                    _ => Value::None,
                };
                f.stack.push(Value::Null);
                f.stack.push(exit);
                f.stack.push(typ);
                f.stack.push(exc);
                f.stack.push(tb);
            }
            Instr::ImportName(i) => {
                let name = f
                    .names
                    .get(i as usize)
                    .and_then(|v| v.as_str().map(|s| s.to_string()))
                    .unwrap_or_default();
                let leaf = matches!(
                    f.code.co.instrs.get(f.pc),
                    Some(Instr::ImportFrom(_)) | Some(Instr::ImportStar)
                );
                let m = tri!(native!(self.import(&name, leaf)));
                f.stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let m = top!().clone();
                let name = f.names.get(i as usize).cloned().unwrap_or(Value::None);
                let r = native!(self.getattr_opt(&m, &name));
                match tri!(r) {
                    Some(v) => f.stack.push(v),
                    None => {
                        let mname = match &m {
                            Value::Module(md) => md.name.to_string(),
                            _ => "?".into(),
                        };
                        tri!(Err(self.new_error(
                            ExcKind::ImportError,
                            format!(
                                "cannot import name '{}' from '{}' (unknown location)",
                                name.as_str().unwrap_or(""),
                                mname
                            )
                        )));
                    }
                }
            }
            Instr::ImportStar => {
                let m = pop!();
                if let Value::Module(md) = &m {
                    let target = f.locals_dict.clone().unwrap_or_else(|| f.globals.clone());
                    for (k, v) in md.dict.t.borrow().items() {
                        if let Value::Str(s) = &k {
                            if !s.s.starts_with('_') {
                                target.set_pystr_value(k.clone(), v);
                            }
                        }
                    }
                }
            }
            Instr::SetupAnnotations => {
                let d = f.locals_dict.clone().unwrap_or_else(|| f.globals.clone());
                if d.get_str("__annotations__").is_none() {
                    let ann = tri!(self.new_dict(Vec::new()));
                    d.set_str("__annotations__", ann);
                }
            }
            Instr::PrintExpr => {
                let v = pop!();
                if !v.is_none() {
                    let r = tri!(native!(self.repr(&v)));
                    self.write_out(super::Stream::Stdout, &format!("{r}\n"));
                }
            }
            _ => {}
        }
        Ok(f)
    }

    fn cell_name(&self, f: &Frame, i: u32) -> Rc<str> {
        let co = &f.code.co;
        let i = i as usize;
        if i < co.cellvars.len() {
            co.cellvars[i].clone()
        } else {
            co.freevars
                .get(i - co.cellvars.len())
                .cloned()
                .unwrap_or_else(|| Rc::from("?"))
        }
    }

    pub fn name_error(&self, name: &str) -> Exc {
        let e = self.new_error(ExcKind::NameError, format!("name '{name}' is not defined"));
        e.dict.borrow_mut().set("name", Value::str(name));
        e
    }

    fn make_function(
        &mut self,
        f: &Frame,
        code: Value,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> PyResult<Value> {
        let Value::Code(code) = code else {
            return Err(self.new_error(ExcKind::SystemError, "MAKE_FUNCTION needs a code object"));
        };
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => vec![],
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        };
        let closure = match closure {
            Some(Value::Tuple(t)) => t
                .items
                .iter()
                .filter_map(|c| match c {
                    Value::Cell(c) => Some(c.clone()),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        };
        let module = match f.globals.get_str("__name__") {
            Some(Value::Str(s)) => Rc::from(&*s.s),
            _ => Rc::from("__main__"),
        };
        let func = PyFunction {
            name: std::cell::RefCell::new(code.co.name.clone()),
            qualname: std::cell::RefCell::new(code.co.qualname.clone()),
            code,
            globals: f.globals.clone(),
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            closure,
            dict: std::cell::RefCell::new(super::object::StrMap::new()),
            module,
            id: self.next_id(),
        };
        Ok(Value::Func(Rc::new(func)))
    }

    fn container_add(&mut self, ins: Instr, target: &Value, item: Value) -> PyResult<()> {
        match (ins, target) {
            (Instr::ListAppend(_), Value::List(l)) => l.items.borrow_mut().push(item),
            (Instr::ListExtend(_), Value::List(l)) => {
                let items = self.iter_to_vec(&item).map_err(|e| {
                    if self.exc_matches(&e, ExcKind::TypeError) {
                        self.type_error(format!(
                            "Value after * must be an iterable, not {}",
                            self.type_name(&item)
                        ))
                    } else {
                        e
                    }
                })?;
                l.items.borrow_mut().extend(items);
            }
            (Instr::SetAdd(_), Value::Set(s)) => self.set_add(s, item)?,
            (Instr::SetUpdate(_), Value::Set(s)) => match &item {
                Value::Set(o) if !Rc::ptr_eq(s, o) => {
                    let _ =
                        s.t.borrow_mut()
                            .merge(&o.t.borrow(), crate::vm::dict::set_key_eq);
                }
                _ => {
                    for it in self.iter_to_vec(&item)? {
                        self.set_add(s, it)?;
                    }
                }
            },
            (Instr::DictUpdate(_), Value::Dict(d)) | (Instr::DictMerge(_), Value::Dict(d)) => {
                let merge = matches!(ins, Instr::DictMerge(_));
                let items = match &item {
                    Value::Dict(o) => o.t.borrow().items(),
                    _ => self.mapping_items(&item).map_err(|e| {
                        if self.exc_matches(&e, ExcKind::AttributeError)
                            || self.exc_matches(&e, ExcKind::TypeError)
                        {
                            self.type_error(format!(
                                "'{}' object is not a mapping",
                                self.type_name(&item)
                            ))
                        } else {
                            e
                        }
                    })?,
                };
                for (k, v) in items {
                    if merge && self.dict_get(d, &k)?.is_some() {
                        let kr = self.repr(&k)?;
                        return Err(self
                            .type_error(format!("got multiple values for keyword argument {kr}")));
                    }
                    self.dict_set(d, k, v)?;
                }
            }
            _ => return Err(self.new_error(ExcKind::SystemError, "bad container instruction")),
        }
        Ok(())
    }

    /// How CPython names a callee in call-site errors (`_PyObject_FunctionStr`).
    pub fn callable_desc(&self, c: &Value) -> String {
        match c {
            Value::Func(f) => {
                let q = f.qualname.borrow().clone();
                if &*f.module == "builtins" {
                    format!("{q}()")
                } else {
                    format!("{}.{q}()", f.module)
                }
            }
            Value::Method(m) => self.callable_desc(&m.func),
            Value::Builtin(b) => match (&b.owner, &b.module) {
                (Some(owner), _) => format!("{owner}.{}()", b.name),
                (None, Some(m)) if &**m != "builtins" => format!("{m}.{}()", b.name),
                _ => format!("{}()", b.name),
            },
            Value::Type(t) => {
                let module = t.module.borrow().clone();
                if &*module == "builtins" {
                    format!("{}()", t.qualname.borrow())
                } else {
                    format!("{module}.{}()", t.qualname.borrow())
                }
            }
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// The message of a TypeError we raised ourselves (its first argument).
    fn str_of_exc_msg(&self, e: &Exc) -> String {
        let args = e
            .exc()
            .map(|d| d.borrow().args.clone())
            .unwrap_or(Value::None);
        match &args {
            Value::Tuple(t) => match t.items.first() {
                Some(Value::Str(s)) => s.s.to_string(),
                _ => String::new(),
            },
            _ => String::new(),
        }
    }

    /// Items of a mapping (`keys()` + `__getitem__`).
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Value::Dict(d) = m {
            return Ok(d.t.borrow().items());
        }
        let keys = self
            .call_method_by_name(m, "keys", &[])?
            .unwrap_or(Value::None);
        let keys = self.iter_to_vec(&keys)?;
        let mut out = Vec::new();
        for k in keys {
            let v = self.getitem(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    /// `obj.name(*args)`; `None` when there is no such attribute.
    pub fn call_method_by_name(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let n = Value::str(name);
        match self.getattr_opt(obj, &n)? {
            Some(m) => self.call(&m, args, &[]).map(Some),
            None => Ok(None),
        }
    }

    fn unpack(&mut self, seq: &Value, before: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match seq {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.items.borrow().clone(),
            _ => {
                let it = self.get_iter(seq).map_err(|e| {
                    if self.exc_matches(&e, ExcKind::TypeError) {
                        self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(seq)
                        ))
                    } else {
                        e
                    }
                })?;
                let mut out = Vec::new();
                while let Some(v) = self.next(&it)? {
                    out.push(v);
                    if after.is_none() && out.len() > before {
                        return Err(self.value_error(format!(
                            "too many values to unpack (expected {before})"
                        )));
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() > before {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    );
                }
                if items.len() < before {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {before}, got {})",
                        items.len()
                    )));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(before);
                items.push(Value::list(mid));
                items.extend(tail);
                Ok(items)
            }
        }
    }

    pub(crate) fn exc_match(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        let base = self.exc_type(ExcKind::BaseException);
        let et = self.type_of(exc);
        match typ {
            Value::Type(t) if t.is_subtype(&base) => Ok(et.is_subtype(t)),
            Value::Tuple(ts) => {
                for t in ts.items.iter() {
                    if self.exc_match(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Build the exception for `raise exc [from cause]`.
    fn make_raise(&mut self, exc: Value, cause: Option<Value>) -> PyResult<Exc> {
        let base = self.exc_type(ExcKind::BaseException);
        let e = match &exc {
            Value::Type(t) if t.is_subtype(&base) => match self.call(&exc, &[], &[])? {
                Value::Instance(i) if i.exc().is_some() => i,
                other => {
                    let r = self.repr(&exc)?;
                    return Err(self.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        r,
                        self.type_name(&other)
                    )));
                }
            },
            Value::Instance(i) if i.exc().is_some() => i.clone(),
            _ => return Err(self.type_error("exceptions must derive from BaseException")),
        };
        if let Some(c) = cause {
            let c = match &c {
                Value::None => None,
                Value::Type(t) if t.is_subtype(&base) => Some(self.call(&c, &[], &[])?),
                Value::Instance(i) if i.exc().is_some() => Some(c.clone()),
                _ => return Err(self.type_error("exception causes must derive from BaseException")),
            };
            if let Some(d) = e.exc() {
                let mut d = d.borrow_mut();
                d.cause = c;
                d.suppress_context = true;
            }
        }
        Ok(e)
    }

    pub fn import(&mut self, name: &str, leaf: bool) -> PyResult<Value> {
        let parts: Vec<&str> = name.split('.').collect();
        let mut first = None;
        let mut last = Value::None;
        for i in 0..parts.len() {
            let full = parts[..=i].join(".");
            let m = match self.modules.get_str(&full) {
                Some(m) => m,
                None => {
                    let Some(init) = self.module_registry.get(full.as_str()).copied() else {
                        let e = self.new_error(
                            ExcKind::ModuleNotFoundError,
                            format!("No module named '{full}'"),
                        );
                        e.dict.borrow_mut().set("name", Value::str(&full));
                        return Err(e);
                    };
                    let m = Value::Module(init(self)?);
                    self.modules.set_str(&full, m.clone());
                    if i > 0 {
                        if let Value::Module(parent) = &last {
                            parent.dict.set_str(parts[i], m.clone());
                        }
                    }
                    m
                }
            };
            if first.is_none() {
                first = Some(m.clone());
            }
            last = m;
        }
        Ok(if leaf {
            last
        } else {
            first.unwrap_or(Value::None)
        })
    }

    fn get_awaitable(&mut self, v: &Value, w: u32) -> PyResult<Value> {
        match v {
            Value::Gen(g) if g.kind == GenKind::Coroutine => {
                if g.state.get() == GenState::Suspended {
                    if let Some(fr) = g.frame.borrow().as_ref() {
                        if fr.in_yield_from {
                            return Err(self.runtime_error("coroutine is being awaited already"));
                        }
                    }
                }
                Ok(v.clone())
            }
            Value::Gen(g) if g.kind == GenKind::Generator && g.iterable_coroutine.get() => {
                Ok(v.clone())
            }
            Value::Instance(_) if self.await_hook.is_some() => {
                let hook = self.await_hook.clone();
                match hook.and_then(|h| h.awaitable(self, v)) {
                    Some(r) => r,
                    None => self.get_awaitable_generic(v, w),
                }
            }
            _ => self.get_awaitable_generic(v, w),
        }
    }

    fn get_awaitable_generic(&mut self, v: &Value, w: u32) -> PyResult<Value> {
        let t = self.type_of(v);
        match t.lookup("__await__") {
            Some(a) => {
                let it = self.call_descr(&a, v, &t, &[])?;
                if let Value::Native(n) = &it {
                    if let NativeData::CoroWrapper(g) = &n.data {
                        return Ok(Value::Gen(g.clone()));
                    }
                }
                if let Value::Gen(g) = &it {
                    if g.kind == GenKind::Coroutine {
                        return Err(self.type_error("__await__() returned a coroutine"));
                    }
                }
                let itt = self.type_of(&it);
                if !matches!(it, Value::Gen(_))
                    && itt.lookup("__next__").is_none()
                    && !matches!(&it, Value::Native(n) if matches!(n.data, NativeData::AsyncGenOp(_)))
                {
                    return Err(self.type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        itt.name()
                    )));
                }
                Ok(it)
            }
            None => {
                let msg = match w {
                    1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", t.tp_name()),
                    2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", t.tp_name()),
                    _ => format!("object {} can't be used in 'await' expression", t.tp_name()),
                };
                Err(self.type_error(msg))
            }
        }
    }

    pub fn recursion_error(&self) -> Exc {
        self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded")
    }
}

fn find_native_new(t: &Rc<super::PyType>) -> Option<super::object::NativeNew> {
    if let Some(n) = t.native_new {
        return Some(n);
    }
    t.mro_tail.iter().find_map(|b| b.native_new)
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

impl Vm {
    /// `except*` matching: split `exc` into (rest, matched); a bare exception is wrapped in an
    /// ExceptionGroup first.
    pub(crate) fn eg_match(&mut self, exc: &Value, typ: &Value) -> PyResult<(Value, Value)> {
        let eg_base = self.exc_type(ExcKind::BaseExceptionGroup);
        let is_group = self.type_of(exc).is_subtype(&eg_base);
        if !is_group {
            if self.exc_match(exc, typ)? {
                let g = self.new_error_args(
                    ExcKind::ExceptionGroup,
                    vec![Value::str(""), Value::tuple(vec![exc.clone()])],
                );
                return Ok((Value::None, Value::Instance(g)));
            }
            return Ok((exc.clone(), Value::None));
        }
        let (matched, rest) = self.eg_split(exc, &super::methods::EgCond::Types(typ.clone()))?;
        Ok((rest, matched))
    }
}

/// A frame ended by `exc`: its traceback entry takes the frame's local variables and cells,
/// as CPython's traceback keeps the frame object (and so them) alive until the exception is
/// freed. Its value stack is dropped now, as CPython's unwinding pops it. The exception
/// itself is left out: a local holding it (`raise err` of a saved error) would make a cycle
/// that loopscope, without a cycle collector, could never free.
fn keep_locals(f: &mut Frame, exc: &Exc) {
    if f.locals.is_empty() && f.cells.is_empty() {
        return;
    }
    let Some(d) = exc.exc() else { return };
    let Some(at) = d.try_borrow().ok().and_then(|d| {
        d.tb.iter()
            .rposition(|e| e.frame_id == f.id && e.keep.is_none())
    }) else {
        return;
    };
    // Drops below may free objects: none holds a borrow of the exception meanwhile.
    f.stack.clear();
    let me = Rc::as_ptr(exc) as usize;
    let mut kept = Vec::with_capacity(f.locals.len() + f.cells.len());
    for v in f.locals.drain(..) {
        if v.ptr() != Some(me) && !v.is_plain() {
            kept.push(v);
        }
    }
    kept.extend(f.cells.drain(..).map(Value::Cell));
    if kept.is_empty() {
        return;
    }
    if let Ok(mut d) = d.try_borrow_mut() {
        if let Some(e) = d.tb.get_mut(at) {
            e.keep = Some(kept.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::api::{CaptureSink, ModuleResult};
    use super::*;

    /// Operators, jumps and stores the dispatch fuses, their fallbacks (negative modulo, division
    /// by zero, unbound locals, non-numbers, an index out of range, non-str dict keys) and
    /// generator yields.
    const SCRIPT: &str = "\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def avg():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        if term is None:
            return (count, average)
        total += term
        count += 1
        average = total / count

def deleg(out):
    while True:
        out.append((yield from avg()))

def misc():
    big = 2 ** 62
    r = [big + 1, -7 % 3, 7 // -2, 1.5 * 2, 3 / 2]
    z = 0
    try:
        r.append(1 / z)
    except ZeroDivisionError as e:
        r.append(str(e))
    try:
        r.append(u + 1)
        u = 0
    except UnboundLocalError as e:
        r.append(str(e))
    s = 'a'
    r.append(s + 'b')
    flag = 0
    if flag:
        r.append('no')
    if not flag:
        r.append('yes')
    x = None
    r.append(x is None)
    r.append(x is not None)
    return r

def stores():
    flags = [True] * 12
    for j in range(2, 12, 3):
        flags[j] = False
    j = -1
    flags[j] = 0
    j = 12
    try:
        flags[j] = False
    except IndexError as e:
        flags.append(str(e))
    d = {}
    for k in 'abcab':
        d[k] = d.get(k, 0) + 1
    t = {}
    for k in (1, 2, 1):
        t[k] = t.get(k, 0) + 1
    pairs = []
    for i, x in enumerate([5, 'q', None]):
        pairs.append((x, i))
    y = len(pairs) * 2.5
    w = str(y) + '!'
    return flags, d, t, pairs, y, w, len(w) - 1

out = []
g = deleg(out)
next(g)
for v in range(50):
    g.send(v)
g.send(None)
print(fib(12), out, misc(), stores())
";

    /// Run `SCRIPT` with `budget` instructions, with or without a line hook (which turns every
    /// fusion off): what it printed, how it ended and how many instructions it used.
    fn run(budget: u64, hooked: bool) -> (String, String, u64) {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        vm.total_budget = budget;
        if hooked {
            vm.line_hook = Some(Box::new(|_, _, _| {}));
        }
        let end = match vm.exec_main("t.py", SCRIPT) {
            Ok(ModuleResult::Done) => "done".to_string(),
            Ok(ModuleResult::Raised(e)) => vm.format_exception(&e),
            Ok(ModuleResult::OutOfFuel) => "out of fuel".to_string(),
            Err(e) => e,
        };
        let out = sink.out.borrow().clone();
        (out, end, budget - vm.total_budget)
    }

    #[test]
    fn fused_instructions_count_and_stop_as_unfused_ones() {
        let full = run(10_000_000, false);
        assert_eq!(full.1, "done");
        // CPython 3.11's output.
        let cpython = "144 [(50, 24.5)] [4611686018427387905, 2, -4, 3.0, 1.5, 'division by zero', \"cannot access local variable 'u' where it is not associated with a value\", 'ab', 'yes', True, False] ([True, True, False, True, True, False, True, True, False, True, True, 0, 'list assignment index out of range'], {'a': 2, 'b': 2, 'c': 1}, {1: 2, 2: 1}, [(5, 0), ('q', 1), (None, 2)], 7.5, '7.5!', 3)\n";
        assert_eq!(full.0, cpython);
        assert_eq!(full, run(10_000_000, true));
        // The budget runs out at the same instruction wherever it ends, also inside a fused run.
        for budget in (100..full.2).step_by(97) {
            assert_eq!(run(budget, false), run(budget, true), "budget {budget}");
        }
    }
}
