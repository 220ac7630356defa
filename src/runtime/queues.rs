//! `asyncio.Queue`'s non-blocking paths in Rust (CPython's `asyncio/queues.py`): `qsize`,
//! `full`, `empty`, `put_nowait`, `get_nowait`, `task_done`, `_wakeup_next`. The coroutines
//! `put`/`get`/`join` stay Python and call these. What a subclass overrides (`_put`, `_get`,
//! `qsize`, `full`, `empty`: PriorityQueue, LifoQueue, scripts) is called as Python would.

use super::core::{self, get, set, Aio};
use super::{futures, natives};
use crate::lang::bytecode::{BinaryOpKind, CompareKind};
use crate::vm::object::PyInstance;
use crate::vm::{Awaited, KwArgs, PyResult, Value, Vm};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

pub fn install(vm: &mut Vm, aio: &Aio) -> PyResult<()> {
    let q = match core::global(aio, "Queue") {
        Value::Type(t) => Some(t),
        _ => None,
    };
    if let Some(q) = &q {
        for (name, which) in [("_put", "py.Queue._put"), ("_get", "py.Queue._get")] {
            if let Some(f) = q.dict.borrow().get(name) {
                aio.borrow_mut().natives.insert(which, f.clone());
            }
        }
        for (name, tag) in [("put", AWAIT_PUT), ("get", AWAIT_GET)] {
            if let Some(Value::Func(f)) = q.dict.borrow().get(name) {
                f.code.await_native.set(tag);
            }
        }
    }
    core::install_py_methods(
        vm,
        aio,
        &q,
        &[
            ("qsize", "Queue.qsize", qsize),
            ("full", "Queue.full", full),
            ("empty", "Queue.empty", empty),
            ("put_nowait", "Queue.put_nowait", put_nowait),
            ("get_nowait", "Queue.get_nowait", get_nowait),
            ("task_done", "Queue.task_done", task_done),
            ("_wakeup_next", "Queue._wakeup_next", wakeup_next),
        ],
    );
    for (name, f) in [
        ("_queue_put_now", put_now as core::NativeImpl),
        ("_queue_get_now", get_now),
    ] {
        let st = aio.clone();
        let v = vm.new_closure(name, move |vm, a, k| f(vm, &st, a, k));
        if let Some(ns) = aio.borrow().ns.clone() {
            ns.set_str(name, v);
        }
    }
    Ok(())
}

/// What `put` calls (`put_nowait`, `full`, `qsize`, `_put`) and what `get` calls
/// (`get_nowait`, `empty`, `_get`), each with the native the class's original is and the
/// name's hash (instance dicts file keys by it: the shadowing check compares integers).
type Calls = [(&'static str, &'static str, u32)];
const fn call(attr: &'static str, which: &'static str) -> (&'static str, &'static str, u32) {
    (attr, which, crate::vm::ops::hash_str(attr) as u32)
}
const PUT_CALLS: &Calls = &[
    call("put_nowait", "Queue.put_nowait"),
    call("full", "Queue.full"),
    call("qsize", "Queue.qsize"),
    call("_put", "py.Queue._put"),
];
const GET_CALLS: &Calls = &[
    call("get_nowait", "Queue.get_nowait"),
    call("empty", "Queue.empty"),
    call("_get", "py.Queue._get"),
];
const PUT_NAMES: [(&str, u32); 4] = names(PUT_CALLS);
const GET_NAMES: [(&str, u32); 3] = names(GET_CALLS);

const fn names<const N: usize>(calls: &Calls) -> [(&'static str, u32); N] {
    let mut out = [("", 0); N];
    let mut i = 0;
    while i < N {
        out[i] = (calls[i].0, calls[i].2);
        i += 1;
    }
    out
}

/// Would `self.<call>` find the original of each of `calls` on this queue: the class's
/// methods are the natives (one cached answer per class and list, named by `key`), and the
/// instance's own dict holds none of the names (`self.full` would find it first)?
fn calls_untouched(
    aio: &Aio,
    me: &PyInstance,
    key: &'static str,
    calls: &Calls,
    names: &[(&str, u32)],
    lacks: &AtomicU64,
) -> bool {
    if !class_untouched(aio, me, key, calls) {
        return false;
    }
    // The answer for the dict's keys is the answer for its shape (`StrMap::shape_id`: the
    // same id, the same keys): the last shape found to hold none of the names is remembered.
    let d = me.dict.borrow();
    let id = d.shape_id();
    if lacks.load(Relaxed) == id {
        return true;
    }
    if d.holds_any(names) {
        return false;
    }
    lacks.store(id, Relaxed);
    true
}

/// The last queue dict shapes that hold none of `PUT_NAMES` / `GET_NAMES`.
static PUT_LACKS: AtomicU64 = AtomicU64::new(0);
static GET_LACKS: AtomicU64 = AtomicU64::new(0);

/// Where a queue's own attributes sit in instance dicts of one shape (`StrMap::shape_id`:
/// the same id, the same keys at the same places) that holds all six of them and none of
/// `PUT_NAMES` / `GET_NAMES`: the last such shape seen. Each pipeline step then reads and
/// writes them by position under one borrow instead of one lookup by name each.
#[derive(Clone, Copy)]
struct Layout {
    shape: u64,
    queue: u16,
    maxsize: u16,
    unfinished: u16,
    finished: u16,
    getters: u16,
    putters: u16,
}

thread_local! {
    // Shape id 0 is never a map's (`StrMap::shape_id`): the empty cache matches no dict.
    static LAYOUT: std::cell::Cell<Layout> = const {
        std::cell::Cell::new(Layout {
            shape: 0,
            queue: 0,
            maxsize: 0,
            unfinished: 0,
            finished: 0,
            getters: 0,
            putters: 0,
        })
    };
}

/// The layout of `d` when its shape is the remembered one (no search).
#[inline(always)]
fn cached_layout(d: &crate::vm::object::StrMap) -> Option<Layout> {
    let l = LAYOUT.try_with(std::cell::Cell::get).ok()?;
    (l.shape == d.shape_id()).then_some(l)
}

/// The layout of `d`, found (and remembered) when its shape is not the remembered one.
#[inline(always)]
fn layout(d: &crate::vm::object::StrMap) -> Option<Layout> {
    cached_layout(d).or_else(|| layout_miss(d))
}

#[cold]
#[inline(never)]
fn layout_miss(d: &crate::vm::object::StrMap) -> Option<Layout> {
    if d.holds_any(&PUT_NAMES) || d.holds_any(&GET_NAMES) {
        return None;
    }
    let at = |n: &'static str| -> Option<u16> {
        let p = core::with_name_ps(n, |ps| d.find_ps_hint(ps, 0)).flatten()?;
        u16::try_from(p).ok()
    };
    let l = Layout {
        shape: d.shape_id(),
        queue: at("_queue")?,
        maxsize: at("_maxsize")?,
        unfinished: at("_unfinished_tasks")?,
        finished: at("_finished")?,
        getters: at("_getters")?,
        putters: at("_putters")?,
    };
    if l.shape >> 62 != 0 {
        return None;
    }
    let _ = LAYOUT.try_with(|c| c.set(l));
    Some(l)
}

/// The class half of [`calls_untouched`]: its methods named in `calls` are the originals.
#[inline(always)]
fn class_untouched(aio: &Aio, me: &PyInstance, key: &'static str, calls: &Calls) -> bool {
    let k = core::name_key(key);
    let cls = me.cls.borrow();
    core::cached_answer(&cls, k, k, || {
        calls
            .iter()
            .all(|&(attr, which, _)| core::is_native_method(aio, &cls, attr, which))
    })
}

/// `_unfinished_tasks = n` at its known place (the old value is an int: no drop to run).
fn set_unfinished(me: &PyInstance, l: Option<Layout>, n: i64) {
    if let Some(l) = l {
        let mut d = me.dict.borrow_mut();
        if d.shape_id() == l.shape {
            if let Some(slot) = d.slot_mut(l.unfinished as usize) {
                let old = std::mem::replace(slot, Value::Int(n));
                drop(d);
                drop(old);
                return;
            }
        }
    }
    set(me, "_unfinished_tasks", Value::Int(n));
}

/// Does the instance's own dict hold `name` (`self.<name>` would find it first)?
fn shadows(me: &PyInstance, name: &'static str) -> bool {
    me.dict.borrow().contains(name)
}

/// `_queue_put_now(queue, item)`, `Queue.put`'s first step: when nothing `put` would call
/// is overridden (by the class or the instance), the queue is a plain deque with an int
/// maxsize and count, and there is room, put the item (what `put_nowait` does) and answer
/// True; otherwise False before changing or calling anything, so the Python loop that
/// follows makes exactly CPython's calls. One native call instead of `self.full()` and
/// `self.put_nowait(item)` from Python (most of a queue's items pass here).
fn put_now(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let (Some(slf @ Value::Instance(me)), Some(item)) = (a.first(), a.get(1)) else {
        return Ok(Value::Bool(false));
    };
    let Some(ready) = put_ready(aio, me) else {
        return Ok(Value::Bool(false));
    };
    put_apply(vm, aio, slf, me, ready, item)?;
    Ok(Value::Bool(true))
}

/// Whether `put` can put an item now without calling anything a script could have replaced:
/// the queue's deque and its count of unfinished tasks then (and where its attributes sit).
fn put_ready(aio: &Aio, me: &PyInstance) -> Option<PutReady> {
    if !class_untouched(aio, me, "Queue put pristine", PUT_CALLS) {
        return None;
    }
    {
        let d = me.dict.borrow();
        if let Some(l) = layout(&d) {
            let q = d.val_at(l.queue as usize)?;
            let (Some(n), Some(&Value::Int(max)), Some(&Value::Int(unfinished))) = (
                natives::deque_len(q),
                d.val_at(l.maxsize as usize),
                d.val_at(l.unfinished as usize),
            ) else {
                return None;
            };
            if (max > 0 && n as i64 >= max) || unfinished == i64::MAX {
                return None;
            }
            return Some((q.clone(), unfinished, Some(l)));
        }
    }
    if !calls_untouched(
        aio,
        me,
        "Queue put pristine",
        PUT_CALLS,
        &PUT_NAMES,
        &PUT_LACKS,
    ) {
        return None;
    }
    let q = get(me, "_queue");
    let (Some(n), Value::Int(max), Value::Int(unfinished)) = (
        natives::deque_len(&q),
        get(me, "_maxsize"),
        get(me, "_unfinished_tasks"),
    ) else {
        return None;
    };
    if (max > 0 && n as i64 >= max) || unfinished == i64::MAX {
        return None;
    }
    Some((q, unfinished, None))
}

/// What [`put_ready`] found: the deque, the count of unfinished tasks, the layout if known.
type PutReady = (Value, i64, Option<Layout>);

fn put_apply(
    vm: &mut Vm,
    aio: &Aio,
    slf: &Value,
    me: &PyInstance,
    (q, unfinished, l): PutReady,
    item: &Value,
) -> PyResult<()> {
    natives::deque_push(&q, item.clone());
    set_unfinished(me, l, unfinished + 1);
    after_put(vm, aio, slf, me)
}

/// `_queue_get_now(queue, none)`, `Queue.get`'s first step: the next item when the queue
/// (a plain deque) has one and nothing `get` would call is overridden, else `none` (the
/// caller's sentinel) before changing or calling anything.
fn get_now(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let none = core::arg(a, 1);
    let Some(slf @ Value::Instance(me)) = a.first() else {
        return Ok(none);
    };
    let Some(q) = get_ready(aio, me) else {
        return Ok(none);
    };
    get_apply(vm, aio, slf, me, &q)
}

/// Whether `get` can take an item now without calling anything a script could have
/// replaced: the queue's (non-empty, native) deque then.
fn get_ready(aio: &Aio, me: &PyInstance) -> Option<Value> {
    if !class_untouched(aio, me, "Queue get pristine", GET_CALLS) {
        return None;
    }
    {
        let d = me.dict.borrow();
        if let Some(l) = layout(&d) {
            let q = d.val_at(l.queue as usize)?;
            return (natives::deque_len(q)? > 0).then(|| q.clone());
        }
    }
    if !calls_untouched(
        aio,
        me,
        "Queue get pristine",
        GET_CALLS,
        &GET_NAMES,
        &GET_LACKS,
    ) {
        return None;
    }
    let q = get(me, "_queue");
    (natives::deque_len(&q)? > 0).then_some(q)
}

fn get_apply(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance, q: &Value) -> PyResult<Value> {
    let item = natives::deque_pop_front(q).flatten().unwrap_or(Value::None);
    after_get(vm, aio, slf, me)?;
    Ok(item)
}

/// Tags of `Queue.put`/`Queue.get`'s code for the VM's `await f(...)` short cut.
pub const AWAIT_PUT: u8 = 1;
pub const AWAIT_GET: u8 = 2;

/// `await queue.put(item)` / `await queue.get()` (asyncio's own methods, which the VM found
/// by their code's tag) finished without the coroutine when `put_now`/`get_now` would act:
/// then nothing the coroutine would do is observable but the object id it would have taken
/// (frames take none). `None` before changing anything otherwise.
pub fn call_awaited(
    vm: &mut Vm,
    aio: &Aio,
    which: u8,
    args: &[Value],
) -> Option<PyResult<Awaited>> {
    match (which, args) {
        (AWAIT_PUT, [slf @ Value::Instance(me), item]) => {
            let ready = put_ready(aio, me)?;
            core::skip_ids(vm, 1);
            Some(put_apply(vm, aio, slf, me, ready, item).map(|()| Awaited::Done(Value::None)))
        }
        (AWAIT_GET, [slf @ Value::Instance(me)]) => {
            let q = get_ready(aio, me)?;
            core::skip_ids(vm, 1);
            Some(get_apply(vm, aio, slf, me, &q).map(Awaited::Done))
        }
        (futures::AWAIT_SLEEP, _) => futures::sleep_awaited(vm, aio, args),
        _ => None,
    }
}

fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => match natives::deque_len(other) {
            Some(n) => Ok(n > 0),
            None => vm.truthy(other),
        },
    }
}

/// `self.<attr>()` through the native when neither the class nor the instance overrides it.
fn call_own(
    vm: &mut Vm,
    aio: &Aio,
    slf: &Value,
    me: &PyInstance,
    attr: &'static str,
    which: &'static str,
    f: fn(&mut Vm, &Aio, &Value, &PyInstance) -> PyResult<Value>,
) -> PyResult<Value> {
    if is_original(aio, me, attr, which) {
        return f(vm, aio, slf, me);
    }
    Ok(vm
        .call_method_by_name(slf, attr, &[])?
        .unwrap_or(Value::None))
}

fn qsize_of(vm: &mut Vm, _aio: &Aio, _slf: &Value, me: &PyInstance) -> PyResult<Value> {
    let q = get(me, "_queue");
    let n = match natives::deque_len(&q) {
        Some(n) => n,
        None => vm.len(&q)?,
    };
    Ok(Value::Int(n as i64))
}

fn full_of(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance) -> PyResult<Value> {
    let maxsize = get(me, "_maxsize");
    let nonpositive = match &maxsize {
        Value::Int(m) => *m <= 0,
        other => {
            let r = vm.compare(other, &Value::Int(0), CompareKind::Le)?;
            truthy(vm, &r)?
        }
    };
    if nonpositive {
        return Ok(Value::Bool(false));
    }
    let n = call_own(vm, aio, slf, me, "qsize", "Queue.qsize", qsize_of)?;
    match (&n, &maxsize) {
        (Value::Int(a), Value::Int(b)) => Ok(Value::Bool(a >= b)),
        _ => vm.compare(&n, &maxsize, CompareKind::Ge),
    }
}

fn empty_of(vm: &mut Vm, _aio: &Aio, _slf: &Value, me: &PyInstance) -> PyResult<Value> {
    let q = get(me, "_queue");
    Ok(Value::Bool(!truthy(vm, &q)?))
}

fn qsize(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "qsize")?;
    qsize_of(vm, aio, &a[0], &me)
}

fn full(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "full")?;
    full_of(vm, aio, &a[0], &me)
}

fn empty(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "empty")?;
    empty_of(vm, aio, &a[0], &me)
}

/// `raise QueueFull` / `raise QueueEmpty` in CPython's `put_nowait` / `get_nowait`, with that
/// frame in the traceback.
fn raise_global(
    vm: &mut Vm,
    aio: &Aio,
    name: &'static str,
    func: &str,
    site: &str,
) -> crate::vm::Exc {
    let cls = core::global(aio, name);
    match vm.call(&cls, &[], &[]) {
        Ok(Value::Instance(e)) if e.exc().is_some() => {
            let text = format!("raise {name}");
            if let (Some(data), Some(entry)) = (e.exc(), core::cpython_frame(vm, func, &text, site))
            {
                data.borrow_mut().tb.push(entry);
            }
            e
        }
        Ok(_) => vm.type_error("exceptions must derive from BaseException"),
        Err(e) => e,
    }
}

/// Would `self.<attr>` find the class's original, native `which`: not overridden by a subclass
/// nor set on the instance?
fn is_original(aio: &Aio, me: &PyInstance, attr: &'static str, which: &'static str) -> bool {
    core::is_native_method(aio, &me.class(), attr, which) && !shadows(me, attr)
}

fn put_nowait(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "put_nowait")?;
    if a.len() + k.len() != 2 {
        return Err(vm.type_error(format!(
            "Queue.put_nowait() takes 2 positional arguments but {} were given",
            a.len() + k.len()
        )));
    }
    let item = core::arg_kw(a, k, 1, "item");
    put_nowait_impl(vm, aio, &a[0], &me, item)?;
    Ok(Value::None)
}

fn put_nowait_impl(
    vm: &mut Vm,
    aio: &Aio,
    slf: &Value,
    me: &PyInstance,
    item: Value,
) -> PyResult<()> {
    let f = call_own(vm, aio, slf, me, "full", "Queue.full", full_of)?;
    if truthy(vm, &f)? {
        return Err(raise_global(
            vm,
            aio,
            "QueueFull",
            "put_nowait",
            "queues.py:143",
        ));
    }
    let pushed = is_original(aio, me, "_put", "py.Queue._put")
        && natives::deque_push(&get(me, "_queue"), item.clone());
    if !pushed {
        vm.call_method_by_name(slf, "_put", &[item])?;
    }
    let n = match get(me, "_unfinished_tasks") {
        Value::Int(n) if n < i64::MAX => Value::Int(n + 1),
        other => vm.binary_op(&other, &Value::Int(1), BinaryOpKind::Add)?,
    };
    set(me, "_unfinished_tasks", n);
    after_put(vm, aio, slf, me)
}

/// The rest of `put_nowait` once the item is in and counted.
fn after_put(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance) -> PyResult<()> {
    if nothing_to_wake(me, |l| l.getters, true) {
        return trace_prim(vm, aio, slf);
    }
    let finished = get(me, "_finished");
    let fv = core::getattr_name(vm, &finished, "_value")?;
    if truthy(vm, &fv)? {
        vm.call_method_by_name(&finished, "clear", &[])?;
    }
    let getters = get(me, "_getters");
    if truthy(vm, &getters)? {
        wake(vm, aio, slf, me, getters)?;
    }
    trace_prim(vm, aio, slf)
}

/// Would the rest of `put_nowait` (`finished`: its `_finished.clear()`) or `get_nowait` do
/// nothing but trace: the waiters' deque (`waiters` of the layout) is empty and, for a put,
/// `_finished` is already clear? Answered from a known layout only (else the caller's
/// general path decides, which reads the same values).
#[inline(always)]
fn nothing_to_wake(me: &PyInstance, waiters: fn(&Layout) -> u16, finished: bool) -> bool {
    let d = me.dict.borrow();
    let Some(l) = cached_layout(&d) else {
        return false;
    };
    let Some(w) = d.val_at(waiters(&l) as usize) else {
        return false;
    };
    if natives::deque_len(w) != Some(0) {
        return false;
    }
    if !finished {
        return true;
    }
    d.val_at(l.finished as usize)
        .is_some_and(|f| core::own_bool(f, "_value") == Some(false))
}

/// The visualizer's view of the queue after a change (`_trace_prim` in asyncio.py).
fn trace_prim(vm: &mut Vm, aio: &Aio, slf: &Value) -> PyResult<()> {
    if core::tracing(aio) {
        let f = core::global(aio, "_trace_prim");
        vm.call(&f, &[slf.clone()], &[])?;
    }
    Ok(())
}

fn get_nowait(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "get_nowait")?;
    get_nowait_impl(vm, aio, &a[0], &me)
}

fn get_nowait_impl(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance) -> PyResult<Value> {
    let e = call_own(vm, aio, slf, me, "empty", "Queue.empty", empty_of)?;
    if truthy(vm, &e)? {
        return Err(raise_global(
            vm,
            aio,
            "QueueEmpty",
            "get_nowait",
            "queues.py:181",
        ));
    }
    let mut item = None;
    if is_original(aio, me, "_get", "py.Queue._get") {
        if let Some(r) = natives::deque_pop_front(&get(me, "_queue")) {
            match r {
                Some(v) => item = Some(v),
                None => {
                    return Err(
                        vm.new_error(crate::vm::ExcKind::IndexError, "pop from an empty deque")
                    )
                }
            }
        }
    }
    let item = match item {
        Some(v) => v,
        None => vm
            .call_method_by_name(slf, "_get", &[])?
            .unwrap_or(Value::None),
    };
    after_get(vm, aio, slf, me)?;
    Ok(item)
}

/// The rest of `get_nowait` once the item is out.
fn after_get(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance) -> PyResult<()> {
    if nothing_to_wake(me, |l| l.putters, false) {
        return trace_prim(vm, aio, slf);
    }
    let putters = get(me, "_putters");
    if truthy(vm, &putters)? {
        wake(vm, aio, slf, me, putters)?;
    }
    trace_prim(vm, aio, slf)
}

fn wake(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance, waiters: Value) -> PyResult<()> {
    if is_original(aio, me, "_wakeup_next", "Queue._wakeup_next") {
        return wakeup_next_of(vm, aio, waiters);
    }
    vm.call_method_by_name(slf, "_wakeup_next", &[waiters])?;
    Ok(())
}

fn wakeup_next_of(vm: &mut Vm, aio: &Aio, waiters: Value) -> PyResult<()> {
    while truthy(vm, &waiters)? {
        let w = match natives::deque_pop_front(&waiters) {
            Some(Some(w)) => w,
            Some(None) => break,
            None => vm
                .call_method_by_name(&waiters, "popleft", &[])?
                .unwrap_or(Value::None),
        };
        if !futures::done_of(vm, aio, &w)? {
            futures::set_result_on(vm, aio, &w, Value::None)?;
            break;
        }
    }
    Ok(())
}

fn wakeup_next(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    core::self_inst(vm, a, "_wakeup_next")?;
    wakeup_next_of(vm, aio, core::arg(a, 1))?;
    Ok(Value::None)
}

fn task_done(vm: &mut Vm, _aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "task_done")?;
    {
        // Most calls leave tasks unfinished: a count above one only goes down.
        let mut d = me.dict.borrow_mut();
        if let Some(l) = cached_layout(&d) {
            if let Some(Value::Int(n)) = d.slot_mut(l.unfinished as usize) {
                if *n > 1 {
                    *n -= 1;
                    return Ok(Value::None);
                }
            }
        }
    }
    let n = get(&me, "_unfinished_tasks");
    let n = match n {
        Value::Int(n) => {
            if n <= 0 {
                return Err(vm.value_error("task_done() called too many times"));
            }
            Value::Int(n - 1)
        }
        other => {
            let le = vm.compare(&other, &Value::Int(0), CompareKind::Le)?;
            if vm.truthy(&le)? {
                return Err(vm.value_error("task_done() called too many times"));
            }
            vm.binary_op(&other, &Value::Int(1), BinaryOpKind::Sub)?
        }
    };
    set(&me, "_unfinished_tasks", n.clone());
    let zero = match &n {
        Value::Int(n) => *n == 0,
        other => vm.eq(other, &Value::Int(0))?,
    };
    if zero {
        let finished = get(&me, "_finished");
        vm.call_method_by_name(&finished, "set", &[])?;
    }
    Ok(Value::None)
}
