//! Native helpers for the hot paths of loopscope's asyncio: the timer heap (heapq's exact
//! algorithm, comparing `TimerHandle._when` without calling `__lt__`), and a deque.

use crate::vm::coro::OriginFrame;
use crate::vm::{KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::collections::VecDeque;
use std::rc::Rc;

/// `TimerHandle._when` as f64 (TimerHandle orders by `when` only). Read without calling
/// into Python, so the heap can stay borrowed during a sift; found through the positions
/// `_when` was last seen at (core.rs), with no thread-local or hashing per comparison.
/// Inlined into the sift loops (a heap pop reads about twenty keys): no call per key.
#[inline(always)]
fn key(v: &Value) -> Option<f64> {
    let Value::Instance(i) = v else { return None };
    super::core::get_ref(i, "_when", |w| match w {
        Value::Float(f) => Some(*f),
        Value::Int(n) => Some(*n as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    })
    .flatten()
}

struct BadKey;

/// Where `_when` sits in the dicts of the last shape a sift met: the heap's timers were
/// made from one template, so a sift reads most keys by position after one shape compare
/// instead of a hint lookup per key.
struct Keys {
    shape: u64,
    pos: usize,
}

impl Keys {
    fn new() -> Keys {
        // Shape id 0 is never a map's (`StrMap::shape_id`).
        Keys { shape: 0, pos: 0 }
    }
    #[inline(always)]
    fn at(&mut self, items: &[Value], i: usize) -> Result<f64, BadKey> {
        let Some(Value::Instance(inst)) = items.get(i) else {
            return Err(BadKey);
        };
        let d = inst.dict.borrow();
        let id = d.shape_id();
        let p = if id == self.shape {
            self.pos
        } else {
            let p = super::core::own_pos(&d, "_when").ok_or(BadKey)?;
            self.shape = id;
            self.pos = p;
            p
        };
        match d.val_at(p) {
            Some(Value::Float(f)) => Ok(*f),
            Some(Value::Int(n)) => Ok(*n as f64),
            Some(Value::Bool(b)) => Ok(*b as i64 as f64),
            _ => Err(BadKey),
        }
    }
}

// heapq's _siftdown and _siftup (the C and Python versions share this algorithm; it is not
// FIFO for equal keys), comparing with `<` on `when`. The moving item is swapped along its
// path rather than cloned into a hole: the same final order, without a reference count
// update per level (the heap holds every sleeping task's timer).
fn siftdown(items: &mut [Value], startpos: usize, pos: usize) -> Result<(), BadKey> {
    siftdown_with(&mut Keys::new(), items, startpos, pos)
}

fn siftdown_with(
    keys: &mut Keys,
    items: &mut [Value],
    startpos: usize,
    mut pos: usize,
) -> Result<(), BadKey> {
    let newkey = keys.at(items, pos)?;
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        if newkey < keys.at(items, parentpos)? {
            items.swap(pos, parentpos);
            pos = parentpos;
            continue;
        }
        break;
    }
    Ok(())
}

/// From this many timers on, a pop loads ahead: a timer with its dict takes about 250 bytes,
/// so 4096 of them fill a typical 1 MB L2 cache.
const PREFETCH_MIN_TIMERS: usize = 4096;

/// Ask the CPU to start loading the cache line at `p` (nothing where there is no such hint).
/// A hint only: it cannot fault and changes no state a program can see.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: PREFETCHT0 is a hint; it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Start loading the two cache lines from `p`: an object's header and fields, or seven of a
/// dict's values.
#[inline(always)]
fn prefetch_lines<T>(p: *const T) {
    let p = p as *const u8;
    prefetch(p);
    prefetch(p.wrapping_add(64));
}

/// Start loading the timer object at `i` (its header and dict: two lines at most).
#[inline(always)]
fn prefetch_timer(items: &[Value], i: usize) {
    if let Some(Value::Instance(inst)) = items.get(i) {
        prefetch_lines(Rc::as_ptr(inst));
    }
}

/// Start loading `_when` of the timer at `i`, whose object should already be in cache: the
/// second of the two dependent loads a key costs.
#[inline(always)]
fn prefetch_when(items: &[Value], i: usize, keys: &Keys) {
    if let Some(Value::Instance(inst)) = items.get(i) {
        if let Ok(d) = inst.dict.try_borrow() {
            if let Some(v) = d.val_at(keys.pos) {
                prefetch(v as *const Value);
            }
        }
    }
}

fn siftup(items: &mut [Value], mut pos: usize) -> Result<(), BadKey> {
    let endpos = items.len();
    let startpos = pos;
    let mut keys = Keys::new();
    let mut childpos = 2 * pos + 1;
    // A pop walks from the root to a leaf, reading two keys per level, each behind two
    // dependent loads (the timer, then its dict's values); with tens of thousands of timers
    // those are misses, one after the other. Loading ahead, the next level's `_when`s and the
    // level after's timers, overlaps them. (Which child the walk takes is decided only by
    // the keys: the hints change nothing it computes.) A smaller heap's timers stay in
    // cache between pops, and the hints would only cost instructions.
    let ahead = endpos >= PREFETCH_MIN_TIMERS;
    if ahead {
        for i in childpos..(childpos + 2).min(endpos) {
            prefetch_timer(items, i);
        }
    }
    while childpos < endpos {
        let rightpos = childpos + 1;
        if ahead {
            let grand = 2 * childpos + 1;
            for g in grand..(grand + 4).min(endpos) {
                prefetch_when(items, g, &keys);
            }
            let great = 2 * grand + 1;
            for g in great..(great + 8).min(endpos) {
                prefetch_timer(items, g);
            }
        }
        // `not heap[childpos] < heap[rightpos]`
        let child_lt_right = if rightpos < endpos {
            matches!(
                keys.at(items, childpos)?
                    .partial_cmp(&keys.at(items, rightpos)?),
                Some(std::cmp::Ordering::Less)
            )
        } else {
            true
        };
        if !child_lt_right {
            childpos = rightpos;
        }
        items.swap(pos, childpos);
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    siftdown_with(&mut keys, items, startpos, pos)
}

fn list_arg(vm: &mut Vm, a: &[Value]) -> PyResult<Rc<crate::vm::value::PyList>> {
    match a.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(vm.type_error("heap argument must be a list")),
    }
}

fn bad_key(vm: &mut Vm) -> crate::vm::Exc {
    vm.type_error("timer heap entries must be TimerHandles with a numeric when")
}

pub(super) fn timer_push(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let l = list_arg(vm, a)?;
    let item = a.get(1).cloned().unwrap_or(Value::None);
    if key(&item).is_none() {
        return Err(bad_key(vm));
    }
    let r = {
        let mut items = l.items.borrow_mut();
        items.push(item);
        let n = items.len();
        siftdown(&mut items, 0, n - 1)
    };
    r.map_err(|_| bad_key(vm))?;
    Ok(Value::None)
}

pub(super) fn timer_pop(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let l = list_arg(vm, a)?;
    let r = {
        let mut items = l.items.borrow_mut();
        match items.pop() {
            None => Ok(None),
            Some(last) => {
                if items.is_empty() {
                    Ok(Some(last))
                } else {
                    let ret = std::mem::replace(&mut items[0], last);
                    siftup(&mut items, 0).map(|_| Some(ret))
                }
            }
        }
    };
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.new_error(crate::vm::ExcKind::IndexError, "index out of range")),
        Err(_) => Err(bad_key(vm)),
    }
}

pub(super) fn timer_heapify(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let l = list_arg(vm, a)?;
    let r = {
        let mut items = l.items.borrow_mut();
        let n = items.len();
        let mut r = Ok(());
        for i in (0..n / 2).rev() {
            r = siftup(&mut items, i);
            if r.is_err() {
                break;
            }
        }
        r
    };
    r.map_err(|_| bad_key(vm))?;
    Ok(Value::None)
}

// ---------------------------------------------------------------- deque

/// `d.append(x)` when `d` is the native deque (false: it is something else).
pub(super) fn deque_push(d: &Value, x: Value) -> bool {
    if let Value::Instance(i) = d {
        if let Some(mut d) = i.native::<Deque>() {
            d.0.push_back(x);
            return true;
        }
    }
    false
}

/// `d.popleft()` on the native deque: None when `d` is something else.
pub(super) fn deque_pop_front(d: &Value) -> Option<Option<Value>> {
    if let Value::Instance(i) = d {
        if let Some(mut d) = i.native::<Deque>() {
            return Some(d.0.pop_front());
        }
    }
    None
}

/// Where `_callback` and `_args` sit in the dicts of the last two handle shapes the ready
/// queue's look-ahead met: a Handle's and a TimerHandle's (each made from its template).
pub(super) struct ReadyAhead {
    seen: [(u64, usize, usize); 2],
}

impl ReadyAhead {
    pub(super) fn new() -> ReadyAhead {
        // Shape id 0 is never a map's (`StrMap::shape_id`).
        ReadyAhead {
            seen: [(0, usize::MAX, usize::MAX); 2],
        }
    }
    /// (`_callback`'s position, `_args`') in maps of `d`'s shape.
    #[inline(always)]
    fn positions(&mut self, d: &crate::vm::object::StrMap) -> (usize, usize) {
        let id = d.shape_id();
        for &(s, c, a) in &self.seen {
            if s == id {
                return (c, a);
            }
        }
        let c = super::core::own_pos(d, "_callback").unwrap_or(usize::MAX);
        let a = super::core::own_pos(d, "_args").unwrap_or(usize::MAX);
        self.seen = [(id, c, a), self.seen[0]];
        (c, a)
    }
}

/// Start loading what the next few handles of `_ready` will touch, one link further for each
/// handle nearer the front. Running a handle follows a chain of pointers to objects last seen
/// when it was scheduled (the handle, its dict, its callback and argument tuple, the future
/// or task they name, its dict): with thousands of tasks each is a cache miss, one after the
/// other. Issued a few handles ahead, they overlap with the work in between. Hints only: which
/// objects are read, and in what order, is unchanged.
pub(super) fn ready_prefetch(d: &Value, ahead: &mut ReadyAhead) {
    let Value::Instance(i) = d else { return };
    let Some(q) = i.native::<Deque>() else {
        return;
    };
    let q = &q.0;
    // q[0] is the handle about to run; q[1] the next one, whose chain is loaded deepest.
    if let Some(h) = q.get(6) {
        prefetch_value(h);
    }
    if let Some(Value::Instance(hi)) = q.get(5) {
        prefetch_dict(hi);
    }
    // Reads through references only: a clone would itself load the object (its count).
    with_fields(q.get(4), ahead, |cb, args| {
        prefetch_value(cb);
        prefetch_value(args);
    });
    with_fields(q.get(3), ahead, |cb, args| {
        if let Value::Tuple(t) = args {
            if let Some(v) = t.items.first() {
                prefetch(v as *const Value);
            }
        }
        if let Some(slf) = bound_self(cb) {
            prefetch_value(slf);
        }
    });
    with_fields(q.get(2), ahead, |cb, args| {
        if let Value::Tuple(t) = args {
            if let Some(v) = t.items.first() {
                prefetch_value(v);
            }
        }
        if let Some(Value::Instance(slf)) = bound_self(cb) {
            prefetch_dict(slf);
        }
    });
    with_fields(q.get(1), ahead, |_, args| {
        if let Value::Tuple(t) = args {
            if let Some(Value::Instance(fut)) = t.items.first() {
                prefetch_dict(fut);
            }
        }
    });
}

/// The object a bound method (a task's `task_wakeup`, a Python method) calls with.
#[inline(always)]
fn bound_self(cb: &Value) -> Option<&Value> {
    match cb {
        Value::Method(m) => Some(&m.slf),
        Value::Builtin(b) => b.bound.as_ref(),
        _ => None,
    }
}

/// `f(_callback, _args)` of the handle `h`, if it is one.
fn with_fields(h: Option<&Value>, ahead: &mut ReadyAhead, f: impl FnOnce(&Value, &Value)) {
    let Some(Value::Instance(hi)) = h else { return };
    let Ok(d) = hi.dict.try_borrow() else { return };
    let (c, a) = ahead.positions(&d);
    if let (Some(cb), Some(args)) = (d.val_at(c), d.val_at(a)) {
        f(cb, args);
    }
}

/// Start loading an instance's attribute values (its object should already be in cache).
#[inline(always)]
fn prefetch_dict(inst: &crate::vm::PyInstance) {
    if let Ok(d) = inst.dict.try_borrow() {
        if let Some(v) = d.val_at(0) {
            prefetch_lines(v as *const Value);
        }
    }
}

/// Start loading the object a value points to (its first two lines).
#[inline(always)]
fn prefetch_value(v: &Value) {
    if let Some(p) = v.ptr() {
        prefetch_lines(p as *const u8);
    }
}

/// `len(d)` on the native deque: None when `d` is something else.
pub(super) fn deque_len(d: &Value) -> Option<usize> {
    if let Value::Instance(i) = d {
        if let Some(d) = i.native::<Deque>() {
            return Some(d.0.len());
        }
    }
    None
}

/// The `_ready` queue and the primitives' waiter queues.
struct Deque(VecDeque<Value>);

fn same(a: &Value, b: &Value) -> bool {
    match (a.ptr(), b.ptr()) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn with_deque<T>(
    vm: &mut Vm,
    a: &[Value],
    f: impl FnOnce(&mut VecDeque<Value>) -> T,
) -> PyResult<T> {
    if let Some(Value::Instance(i)) = a.first() {
        if let Some(mut d) = i.native::<Deque>() {
            return Ok(f(&mut d.0));
        }
    }
    Err(vm.type_error("descriptor requires a 'deque' object"))
}

fn deque_new(vm: &mut Vm, cls: &Rc<PyType>, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let mut d = VecDeque::new();
    if let Some(it) = a.first() {
        d.extend(vm.iter_to_vec(it)?);
    }
    Ok(vm.new_native_instance(cls, Box::new(Deque(d))))
}

fn d_append(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let x = a.get(1).cloned().unwrap_or(Value::None);
    with_deque(vm, a, |d| d.push_back(x))?;
    Ok(Value::None)
}

fn d_appendleft(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let x = a.get(1).cloned().unwrap_or(Value::None);
    with_deque(vm, a, |d| d.push_front(x))?;
    Ok(Value::None)
}

fn d_popleft(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    match with_deque(vm, a, |d| d.pop_front())? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(crate::vm::ExcKind::IndexError, "pop from an empty deque")),
    }
}

fn d_pop(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    match with_deque(vm, a, |d| d.pop_back())? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(crate::vm::ExcKind::IndexError, "pop from an empty deque")),
    }
}

fn d_remove(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let x = a.get(1).cloned().unwrap_or(Value::None);
    let items: Vec<Value> = with_deque(vm, a, |d| d.iter().cloned().collect())?;
    let mut found = items.iter().position(|v| same(v, &x));
    if found.is_none() {
        for (i, v) in items.iter().enumerate() {
            if vm.eq(v, &x)? {
                found = Some(i);
                break;
            }
        }
    }
    match found {
        Some(i) => {
            with_deque(vm, a, |d| d.remove(i))?;
            Ok(Value::None)
        }
        None => Err(vm.value_error("deque.remove(x): x not in deque")),
    }
}

fn d_clear(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    with_deque(vm, a, |d| d.clear())?;
    Ok(Value::None)
}

fn d_len(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(with_deque(vm, a, |d| d.len())? as i64))
}

fn d_bool(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(with_deque(vm, a, |d| !d.is_empty())?))
}

fn d_iter(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let items: Vec<Value> = with_deque(vm, a, |d| d.iter().cloned().collect())?;
    vm.get_iter(&Value::list(items))
}

fn d_getitem(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let i = match a.get(1) {
        Some(Value::Int(i)) => *i,
        _ => return Err(vm.type_error("sequence index must be integer, not 'slice'")),
    };
    let r = with_deque(vm, a, |d| {
        let n = d.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            None
        } else {
            d.get(j as usize).cloned()
        }
    })?;
    r.ok_or_else(|| vm.new_error(crate::vm::ExcKind::IndexError, "deque index out of range"))
}

fn d_repr(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let items: Vec<Value> = with_deque(vm, a, |d| d.iter().cloned().collect())?;
    let r = vm.repr(&Value::list(items))?;
    Ok(Value::string(format!("deque({r})")))
}

pub fn add_to(vm: &mut Vm, m: &Rc<PyModule>) -> PyResult<()> {
    vm.module_add_fn(m, "timer_push", timer_push);
    // asyncio's debug mode switches origin tracking without importing sys.
    use crate::modules::sys;
    vm.module_add_fn(
        m,
        "get_coroutine_origin_tracking_depth",
        sys::get_coroutine_origin_tracking_depth,
    );
    vm.module_add_fn(
        m,
        "set_coroutine_origin_tracking_depth",
        sys::set_coroutine_origin_tracking_depth,
    );
    vm.module_add_fn(m, "source_line", source_line);
    vm.module_add_fn(m, "cpython_location", cpython_location);
    vm.module_add_fn(m, "source_traceback", source_traceback_fn);
    vm.module_add_fn(m, "timer_pop", timer_pop);
    vm.module_add_fn(m, "timer_heapify", timer_heapify);
    let cls = vm.new_native_class("deque", "collections", &[], Some(deque_new))?;
    cls.mark_c_type();
    vm.add_methods(
        &cls,
        &[
            ("append", d_append),
            ("appendleft", d_appendleft),
            ("popleft", d_popleft),
            ("pop", d_pop),
            ("remove", d_remove),
            ("clear", d_clear),
            ("__len__", d_len),
            ("__bool__", d_bool),
            ("__iter__", d_iter),
            ("__getitem__", d_getitem),
            ("__repr__", d_repr),
        ],
    );
    m.dict.set_str("deque", Value::Type(cls));
    Ok(())
}

/// For the tracer: the length of deque `d` and its items after the last one for which
/// `seen` holds (all of them if none does), front first. None: not a deque, or busy.
pub(super) fn deque_new_tail(
    d: &Value,
    seen: &dyn Fn(&Value) -> bool,
) -> Option<(usize, Vec<Value>)> {
    let Value::Instance(i) = d else { return None };
    let q = i.native::<Deque>()?;
    let fresh = q.0.iter().rev().take_while(|v| !seen(v)).count();
    let tail = q.0.iter().skip(q.0.len() - fresh).cloned().collect();
    Some((q.0.len(), tail))
}

/// `cpython_location(filename, lineno)`: `(filename, lineno)` as CPython has them, for a line
/// of loopscope's own Python marked `# cpython: FILE:LINE` (a callback's "at base_events.py:180"
/// in a future's repr); the arguments themselves otherwise.
fn cpython_location(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Str(file)), Some(Value::Int(line))) = (args.first(), args.get(1)) else {
        return Ok(Value::tuple(args.to_vec()));
    };
    let site = u32::try_from(*line)
        .ok()
        .and_then(|l| vm.cpython_site_of(&file.s, l));
    Ok(match site {
        Some(s) => Value::tuple(vec![Value::str(&s.filename), Value::Int(i64::from(s.line))]),
        None => Value::tuple(args.to_vec()),
    })
}

/// How many frames debug mode records where a future or handle was made (CPython's
/// `asyncio.constants.DEBUG_STACK_DEPTH`).
pub(crate) const DEBUG_STACK_DEPTH: usize = 10;

/// Debug mode's `_source_traceback`: `(filename, lineno, name, line)` for the Python frames,
/// outermost first, leaving out the `skip` innermost and keeping at most `limit`: a handle's
/// is `format_helpers.extract_stack(sys._getframe(skip))` (the innermost
/// [`DEBUG_STACK_DEPTH`]), a C future's `traceback.extract_stack()` (all). Files and lines
/// are CPython's for asyncio's own; `Handle._run` (native here) gets its frame back.
pub(crate) fn source_traceback(vm: &Vm, skip: usize, limit: Option<usize>) -> Vec<Value> {
    source_stack(vm, skip, limit)
        .iter()
        .map(|f| {
            Value::tuple(vec![
                Value::str(&f.filename),
                Value::Int(i64::from(f.line)),
                Value::str(&f.name),
                Value::str(&f.text),
            ])
        })
        .collect()
}

/// The frames of [`source_traceback`], as they are.
fn source_stack(vm: &Vm, skip: usize, limit: Option<usize>) -> Vec<OriginFrame> {
    let n = vm.frames.len().saturating_sub(skip);
    // One more frame than kept may be the `_run_once` under which `Handle._run`'s made-up
    // frame goes.
    let from = limit.map_or(0, |l| n.saturating_sub(l + 1));
    let mut out: Vec<OriginFrame> = Vec::new();
    for (k, f) in vm.frames[from..n].iter().enumerate() {
        out.push(OriginFrame::of(vm, f));
        let co = &f.code.co;
        if &*co.name == "_run_once"
            && co.filename.starts_with("<loopscope>/asyncio/")
            && (from + k + 1 < n || !vm.callback_label.is_none())
        {
            // The callback above it runs in CPython's `Handle._run` (native here).
            out.push(OriginFrame {
                filename: Rc::from("<loopscope>/asyncio/events.py"),
                line: 80,
                name: Rc::from("_run"),
                text: "self._context.run(self._callback, *self._args)".to_string(),
            });
        }
    }
    let keep = limit.map_or(0, |l| out.len().saturating_sub(l));
    out.split_off(keep)
}

/// A new coroutine's `cr_origin` (innermost first) under asyncio's debug mode: the frames
/// `source_traceback` gives a handle, so asyncio's own read as CPython's.
pub(crate) fn coro_origin(vm: &Vm) -> Vec<OriginFrame> {
    let mut frames = source_stack(vm, 0, Some(vm.coro_origin_depth));
    frames.reverse();
    frames
}

/// `source_traceback(skip=0, depth=DEBUG_STACK_DEPTH)` for asyncio.py's Python constructors
/// (a smaller depth where CPython has frames of its own that loopscope's asyncio lacks).
fn source_traceback_fn(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let skip = match args.first() {
        Some(Value::Int(i)) => usize::try_from(*i).unwrap_or(0),
        _ => 0,
    };
    let depth = match args.get(1) {
        Some(Value::Int(i)) => usize::try_from(*i).unwrap_or(DEBUG_STACK_DEPTH),
        _ => DEBUG_STACK_DEPTH,
    };
    Ok(Value::list(source_traceback(vm, skip, Some(depth))))
}

/// `source_line(filename, lineno)`: that line of a file the VM has loaded, or "" (linecache's
/// `getline` for Task.print_stack); a line of loopscope's own Python marked `# cpython:` reads
/// as CPython's line does.
fn source_line(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Str(file)), Some(Value::Int(line))) = (args.first(), args.get(1)) else {
        return Ok(Value::str(""));
    };
    let Ok(line) = u32::try_from(*line) else {
        return Ok(Value::str(""));
    };
    let shown = vm.shown_line(&file.s, line);
    Ok(Value::str(shown.text.as_deref().unwrap_or("")))
}
