//! `Future`'s hot methods in Rust, as CPython runs them in C (`_asyncio.Future`): creation,
//! state queries, `result()`, `set_result()`, done callbacks and `__await__`. The class itself
//! stays the Python class of `asyncio.py` (subclasses, reprs and the rarer methods live there);
//! these natives read and write the same attributes (`_state`, `_result`, `_callbacks`, ...).

use super::base_events;
use super::core::{self, arg, arg_kw, get, set, Aio};
use crate::vm::exceptions::new_stop_iteration;
use crate::vm::object::PyInstance;
use crate::vm::{AwaitStep, Awaited, KwArgs, PyResult, Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm, aio: &Aio) -> PyResult<()> {
    let fut = aio.borrow().future.clone();
    core::install_methods(
        vm,
        aio,
        &fut,
        &[
            ("__init__", "Future.__init__", init),
            ("done", "Future.done", done),
            ("cancelled", "Future.cancelled", cancelled),
            ("result", "Future.result", result),
            ("exception", "Future.exception", exception),
            ("get_loop", "Future.get_loop", get_loop),
            (
                "add_done_callback",
                "Future.add_done_callback",
                add_done_callback,
            ),
            ("set_result", "Future.set_result", set_result),
            (
                "_schedule_callbacks",
                "Future._schedule_callbacks",
                schedule_callbacks,
            ),
            ("__await__", "Future.__await__", await_),
            ("__iter__", "Future.__iter__", await_),
        ],
    );
    let base = match core::global(aio, "BaseEventLoop") {
        Value::Type(t) => Some(t),
        _ => None,
    };
    core::install_py_methods(
        vm,
        aio,
        &base,
        &[(
            "create_future",
            "BaseEventLoop.create_future",
            create_future,
        )],
    );
    let ns = aio.borrow().ns.clone();
    if let Some(f) = ns.and_then(|ns| ns.get_str("isfuture")) {
        aio.borrow_mut().natives.insert("py.isfuture", f);
    }
    for (name, f) in [
        (
            "_set_result_unless_cancelled",
            set_result_unless_cancelled as core::NativeImpl,
        ),
        ("_sleep_wait", sleep_wait),
        ("isfuture", isfuture),
    ] {
        let st = aio.clone();
        let v = vm.new_closure(name, move |vm, a, k| f(vm, &st, a, k));
        if let Some(ns) = aio.borrow().ns.clone() {
            ns.set_str(name, v);
        }
    }
    let it = vm.new_native_class("FutureIter", "_asyncio", &[], None)?;
    it.mark_c_type();
    let iter_methods: &[core::Method] = &[
        ("__next__", "FutureIter.__next__", iter_next),
        ("send", "FutureIter.send", iter_send),
        ("throw", "FutureIter.throw", iter_throw),
        ("close", "FutureIter.close", iter_close),
        ("__iter__", "FutureIter.__iter__", iter_iter),
    ];
    core::install_methods(vm, aio, &Some(it.clone()), iter_methods);
    aio.borrow_mut().future_iter = Some(it);
    // `sleep` awaits its iterator directly (`await _sleep_wait(...)`), so that one is also
    // awaitable; otherwise the same as a future's.
    let sit = vm.new_native_class("FutureIter", "_asyncio", &[], None)?;
    sit.mark_c_type();
    let sleep_methods: &[core::Method] = &[
        ("__next__", "sleep FutureIter.__next__", iter_next),
        ("send", "sleep FutureIter.send", iter_send),
        ("throw", "sleep FutureIter.throw", iter_throw),
        ("close", "sleep FutureIter.close", iter_close),
        ("__iter__", "sleep FutureIter.__iter__", iter_iter),
    ];
    core::install_methods(vm, aio, &Some(sit.clone()), sleep_methods);
    core::install_methods(
        vm,
        aio,
        &Some(sit.clone()),
        &[("__await__", "sleep FutureIter.__await__", iter_iter)],
    );
    aio.borrow_mut().sleep_iter = Some(sit);
    let sleep = aio.borrow().ns.as_ref().and_then(|ns| ns.get_str("sleep"));
    if let Some(Value::Func(f)) = sleep {
        if let Some(shape) = SleepShape::of(&f) {
            f.code.await_native.set(AWAIT_SLEEP);
            aio.borrow_mut().sleep_code = Some(shape);
        }
    }
    vm.await_hook = Some(Rc::new(AwaitFast(aio.clone())));
    vm.coro_origin_hook = Some(super::natives::coro_origin);
    Ok(())
}

/// `await fut` and `await sleep's iterator` without the generic protocol's method lookups,
/// bound-method calls and StopIteration: the same natives, called directly while the
/// classes keep them (a script that replaces one gets the generic path).
struct AwaitFast(Aio);

impl crate::vm::AwaitHook for AwaitFast {
    fn awaitable(&self, vm: &mut Vm, v: &Value) -> Option<PyResult<Value>> {
        let Value::Instance(i) = v else { return None };
        let cls = i.class();
        let aio = &self.0;
        if core::is_native_method(aio, &cls, "__await__", "Future.__await__") {
            // `await_` makes a FutureIter, whose `__next__` the generic path checks for.
            return Some(await_(vm, aio, std::slice::from_ref(v), &[]));
        }
        if core::is_native_method(aio, &cls, "__await__", "sleep FutureIter.__await__")
            && core::is_native_method(aio, &cls, "__next__", "sleep FutureIter.__next__")
        {
            return Some(Ok(v.clone()));
        }
        None
    }

    fn call_awaited(&self, vm: &mut Vm, which: u8, args: &[Value]) -> Option<PyResult<Awaited>> {
        // The trace shows the coroutine (await chains, waiter cards); the thread model counts
        // its instructions as CPU time.
        if core::tracing(&self.0) || vm.threads.is_some() {
            return None;
        }
        super::queues::call_awaited(vm, &self.0, which, args)
    }

    fn throw_in(
        &self,
        vm: &mut Vm,
        recv: &Value,
        exc: &crate::vm::Exc,
        _closing: bool,
    ) -> Option<crate::vm::Exc> {
        let Value::Instance(i) = recv else {
            return None;
        };
        if i.native::<FutIter>().is_none_or(|it| it.stand_in.is_none()) {
            return None;
        }
        // Sleep's frame: the exception passes `return await w` (its traceback entry), then
        // `finally: w.close()` cancels the timer; an error there would replace it.
        let exc = in_sleep_frame(&self.0, recv, exc.clone());
        let a = std::slice::from_ref(recv);
        set_stage(a, DONE);
        Some(match finish_timer(vm, &self.0, a) {
            Ok(()) => exc,
            Err(e) => e,
        })
    }

    fn materialize(&self, vm: &mut Vm, recv: &Value) -> Option<Value> {
        let Value::Instance(i) = recv else {
            return None;
        };
        let (delay, result, ids) = i.native::<FutIter>()?.stand_in.take()?;
        let shape = self.0.borrow().sleep_code.clone()?;
        let n = (shape.func.code.nlocals as usize).max(shape.w + 1);
        let mut locals = vec![Value::Null; n];
        locals[0] = delay;
        locals[1] = result;
        locals[shape.w] = recv.clone();
        let blocks = vec![crate::vm::frame::Block {
            handler: shape.handler,
            depth: 0,
        }];
        let suspended = (shape.at + 1, locals, vec![recv.clone()], blocks);
        Some(vm.suspended_coroutine(&shape.func, suspended, ids))
    }

    fn send(&self, vm: &mut Vm, recv: &Value, v: &Value) -> Option<PyResult<AwaitStep>> {
        let Value::Instance(i) = recv else {
            return None;
        };
        // `send(None)` is `__next__`; anything else takes the generic path (and its errors).
        if !v.is_none() {
            return None;
        }
        let cls = i.class();
        let aio = &self.0;
        let sleep = {
            let b = aio.borrow();
            if b.sleep_iter.as_ref().is_some_and(|c| Rc::ptr_eq(c, &cls)) {
                true
            } else if b.future_iter.as_ref().is_some_and(|c| Rc::ptr_eq(c, &cls)) {
                false
            } else {
                return None;
            }
        };
        let which = if sleep {
            "sleep FutureIter.__next__"
        } else {
            "FutureIter.__next__"
        };
        if !core::is_native_method(aio, &cls, "__next__", which) {
            return None;
        }
        Some(match iter_step(vm, aio, std::slice::from_ref(recv)) {
            Ok(Step::Yield(y)) => Ok(AwaitStep::Yield(y)),
            Ok(Step::Return(r)) => {
                // The StopIteration the `__next__` call would have raised took an object id.
                core::skip_ids(vm, 1);
                Ok(AwaitStep::Return(r))
            }
            Err(e) => Err(in_sleep_frame(aio, recv, e)),
        })
    }
}

/// `isfuture(obj)`: a coroutine answers without the failing `hasattr` (which builds an
/// AttributeError); instances of asyncio's own classes read the attribute directly; anything
/// else goes to the Python version.
fn isfuture(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    if a.len() == 1 && k.is_empty() {
        match &a[0] {
            Value::Gen(_) => {
                let found = core::with_name_ps("_asyncio_future_blocking", |ps| {
                    vm.type_of(&a[0]).lookup_ps(ps).is_some()
                });
                if found == Some(false) {
                    // The AttributeError the Python version's `hasattr` caught.
                    core::skip_ids(vm, 1);
                    return Ok(Value::Bool(false));
                }
            }
            Value::Instance(i) => {
                let cls = i.class();
                let own = {
                    let b = aio.borrow();
                    [&b.future, &b.task]
                        .iter()
                        .any(|c| c.as_ref().is_some_and(|c| Rc::ptr_eq(c, &cls)))
                };
                if own {
                    let v = core::getattr_or_none(vm, &a[0], "_asyncio_future_blocking")?;
                    return Ok(Value::Bool(!v.is_none()));
                }
            }
            _ => {}
        }
    }
    let f = aio
        .borrow()
        .natives
        .get("py.isfuture")
        .cloned()
        .unwrap_or(Value::None);
    vm.call(&f, a, k)
}

/// Is `_state` the state `pick` names? Compared where it sits (no reference count traffic:
/// asked several times per await).
#[inline(always)]
fn state_is(aio: &Aio, i: &PyInstance, pick: fn(&core::Bound) -> &Value) -> bool {
    let b = aio.borrow();
    let want = pick(&b);
    match core::get_ref(i, "_state", |v| core::is_str(v, want)) {
        Some(r) => r,
        None => core::is_str(&get(i, "_state"), want),
    }
}

pub fn is_pending(aio: &Aio, i: &PyInstance) -> bool {
    state_is(aio, i, |b| &b.pending)
}

fn is_cancelled(aio: &Aio, i: &PyInstance) -> bool {
    state_is(aio, i, |b| &b.cancelled)
}

pub(crate) fn is_finished(aio: &Aio, i: &PyInstance) -> bool {
    state_is(aio, i, |b| &b.finished)
}

fn init(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "__init__")?;
    if a.len() > 1 {
        return Err(vm.type_error(format!(
            "Future.__init__() takes 1 positional argument but {} were given",
            a.len()
        )));
    }
    for (name, _) in k {
        if &**name != "loop" {
            return Err(vm.type_error(format!(
                "Future.__init__() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    let lp = crate::vm::kw_get(k, "loop").cloned().unwrap_or(Value::None);
    init_impl(vm, aio, &a[0], &me, lp)?;
    Ok(Value::None)
}

fn init_impl(vm: &mut Vm, aio: &Aio, slf: &Value, me: &PyInstance, lp: Value) -> PyResult<()> {
    let lp = if lp.is_none() {
        let gel = core::global(aio, "_get_event_loop");
        vm.call(&gel, &[], &[])?
    } else {
        lp
    };
    let debug = loop_debug(&lp);
    let vals = [("_loop", lp), ("_callbacks", Value::list(vec![]))];
    core::fill(me, &aio.borrow().future_dict, vals);
    if debug {
        // CPython's C Future records `traceback.extract_stack()` from its caller's frame.
        // asyncio.py's Python `Task.__init__` (while tracing) is C in CPython: no frame.
        let skip = match vm.frames.last() {
            Some(f)
                if &*f.code.co.qualname == "Task.__init__"
                    && f.code.co.filename.starts_with("<loopscope>/asyncio/") =>
            {
                1
            }
            _ => 0,
        };
        let tb = super::natives::source_traceback(vm, skip, None);
        core::set(me, "_source_traceback", Value::list(tb));
    }
    if core::tracing(aio) {
        core::trace(vm, aio, &[Value::str("future_created"), slf.clone()])?;
    }
    Ok(())
}

/// `loop.create_future()`: `Future(loop=self)`.
fn create_future(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "create_future")?;
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "BaseEventLoop.create_future() takes 1 positional argument but {} were given",
            a.len()
        )));
    }
    let cls = core::global(aio, "Future");
    if let Value::Type(t) = &cls {
        let exact = aio.borrow().future.as_ref().map(|f| Rc::ptr_eq(f, t)) == Some(true);
        if exact && core::is_native_method(aio, t, "__init__", "Future.__init__") {
            let f = vm.new_plain_instance(t);
            if let Value::Instance(fi) = &f {
                init_impl(vm, aio, &f, fi, Value::Instance(me))?;
                // CPython's create_future is Python: its frame is the stack's last.
                if let Value::List(tb) = core::get(fi, "_source_traceback") {
                    tb.items.borrow_mut().push(Value::tuple(vec![
                        Value::str("<loopscope>/asyncio/base_events.py"),
                        Value::Int(427),
                        Value::str("create_future"),
                        Value::str("return futures.Future(loop=self)"),
                    ]));
                }
            }
            return Ok(f);
        }
    }
    vm.call(&cls, &[], &[(Rc::from("loop"), a[0].clone())])
}

fn done(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "done")?;
    Ok(Value::Bool(!is_pending(aio, &me)))
}

fn cancelled(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "cancelled")?;
    Ok(Value::Bool(is_cancelled(aio, &me)))
}

/// `self._make_cancelled_error()` (Python: it is rare and subclasses see it).
fn make_cancelled_error(vm: &mut Vm, slf: &Value) -> crate::vm::Exc {
    match vm.call_method_by_name(slf, "_make_cancelled_error", &[]) {
        Ok(Some(Value::Instance(e))) if e.exc().is_some() => e,
        Ok(_) => vm.type_error("exceptions must derive from BaseException"),
        Err(e) => e,
    }
}

pub fn result_of(vm: &mut Vm, aio: &Aio, slf: &Value) -> PyResult<Value> {
    let Some(me) = core::inst(slf) else {
        return Err(vm.type_error("descriptor 'result' requires a Future"));
    };
    if is_cancelled(aio, me) {
        return Err(make_cancelled_error(vm, slf));
    }
    if !is_finished(aio, me) {
        let cls = aio.borrow().invalid_state.clone();
        return Err(core::py_exc(vm, &cls, "Result is not set."));
    }
    set(me, "_log_traceback", Value::Bool(false));
    let exc = get(me, "_exception");
    if let Value::Instance(e) = &exc {
        if e.exc().is_some() {
            return Err(e.clone());
        }
    }
    if !exc.is_none() {
        return Err(vm.type_error("exceptions must derive from BaseException"));
    }
    Ok(get(me, "_result"))
}

fn result(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    result_of(vm, aio, &arg(a, 0))
}

fn exception(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "exception")?;
    if is_cancelled(aio, &me) {
        return Err(make_cancelled_error(vm, &a[0]));
    }
    if !is_finished(aio, &me) {
        let cls = aio.borrow().invalid_state.clone();
        return Err(core::py_exc(vm, &cls, "Exception is not set."));
    }
    set(&me, "_log_traceback", Value::Bool(false));
    Ok(get(&me, "_exception"))
}

fn get_loop(vm: &mut Vm, _aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "get_loop")?;
    let lp = get(&me, "_loop");
    if lp.is_none() {
        return Err(vm.runtime_error("Future object is not initialized."));
    }
    Ok(lp)
}

/// `fut.add_done_callback(fn, context=ctx)`, straight to the native when not overridden.
pub fn add_done_callback_to(
    vm: &mut Vm,
    aio: &Aio,
    fut: &Value,
    f: Value,
    ctx: Value,
) -> PyResult<()> {
    if let Value::Instance(i) = fut {
        if core::is_native_method(
            aio,
            &i.class(),
            "add_done_callback",
            "Future.add_done_callback",
        ) {
            return add_done_callback_impl(vm, aio, i, fut, f, ctx);
        }
    }
    let m = vm.getattr_str(fut, "add_done_callback")?;
    if ctx.is_none() {
        vm.call(&m, &[f], &[])?;
    } else {
        vm.call(&m, &[f], &[(Rc::from("context"), ctx)])?;
    }
    Ok(())
}

fn add_done_callback_impl(
    vm: &mut Vm,
    aio: &Aio,
    me: &PyInstance,
    slf: &Value,
    f: Value,
    ctx: Value,
) -> PyResult<()> {
    if !is_pending(aio, me) {
        let lp = get(me, "_loop");
        base_events::call_soon_on(vm, aio, &lp, f, vec![slf.clone()], ctx, true)?;
        return Ok(());
    }
    let cbs = get(me, "_callbacks");
    let entry = Value::tuple(vec![f, ctx]);
    match &cbs {
        Value::List(l) => l.items.borrow_mut().push(entry),
        other => {
            vm.call_method_by_name(other, "append", &[entry])?;
        }
    }
    Ok(())
}

fn add_done_callback(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "add_done_callback")?;
    if a.len() < 2 {
        return Err(vm.type_error(
            "Future.add_done_callback() missing 1 required positional argument: 'fn'",
        ));
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!(
            "Future.add_done_callback() takes 2 positional arguments but {} were given",
            a.len()
        )));
    }
    let ctx = crate::vm::kw_get(k, "context")
        .cloned()
        .unwrap_or(Value::None);
    // CPython copies the context when the callback is added, not when it is scheduled.
    let ctx = if ctx.is_none() {
        crate::modules::contextvars::capture(vm)?
    } else {
        ctx
    };
    add_done_callback_impl(vm, aio, &me, &a[0], a[1].clone(), ctx)?;
    Ok(Value::None)
}

pub fn schedule_callbacks_of(vm: &mut Vm, aio: &Aio, slf: &Value) -> PyResult<()> {
    let Some(me) = core::inst(slf) else {
        return Ok(());
    };
    let cbs = get(me, "_callbacks");
    let items = match &cbs {
        Value::List(l) => {
            if l.items.borrow().is_empty() {
                return Ok(());
            }
            l.items.borrow().clone()
        }
        other => {
            if !vm.truthy(other)? {
                return Ok(());
            }
            vm.iter_to_vec(other)?
        }
    };
    set(me, "_callbacks", Value::list(vec![]));
    let lp = get(me, "_loop");
    for entry in items {
        let (f, ctx) = match &entry {
            Value::Tuple(t) if t.items.len() == 2 => (t.items[0].clone(), t.items[1].clone()),
            other => {
                let v = vm.iter_to_vec(other)?;
                if v.len() != 2 {
                    return Err(vm.value_error(format!(
                        "too many values to unpack (expected 2, got {})",
                        v.len()
                    )));
                }
                (v[0].clone(), v[1].clone())
            }
        };
        let pass = !ctx.is_none();
        base_events::call_soon_on(vm, aio, &lp, f, vec![slf.clone()], ctx, pass)?;
    }
    Ok(())
}

fn schedule_callbacks(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    schedule_callbacks_of(vm, aio, &arg(a, 0))?;
    Ok(Value::None)
}

/// `_short_repr(x)` of asyncio.py (reprlib's defaults) for what a traced future's result
/// shows: natively for None, numbers, strings, and lists and tuples of them; the Python for
/// anything else (an instance, maybe a str or tuple subclass). Every result of a traced run
/// comes here: thousands of connections each finish a dozen futures.
fn short_repr(vm: &mut Vm, aio: &Aio, x: &Value, depth: u32) -> PyResult<String> {
    fn cut(r: String) -> String {
        let n = r.chars().count();
        if n <= 30 {
            return r;
        }
        // r[:13] + '...' + r[len(r) - 14:]
        let head: String = r.chars().take(13).collect();
        let tail: String = r.chars().skip(n - 14).collect();
        format!("{head}...{tail}")
    }
    let items = match x {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) => {
            return Ok(cut(vm.repr(x)?));
        }
        // Deeper (a list holding itself): the Python, with its recursion limit.
        Value::List(l) if depth < 32 => l.items.borrow().clone(),
        Value::Tuple(t) if depth < 32 => t.items.to_vec(),
        _ => {
            let sr = core::global(aio, "_short_repr");
            let r = vm.call(&sr, std::slice::from_ref(x), &[])?;
            return vm.str_of(&r);
        }
    };
    let mut parts = Vec::with_capacity(items.len().min(7));
    for v in items.iter().take(6) {
        parts.push(short_repr(vm, aio, v, depth + 1)?);
    }
    if items.len() > 6 {
        parts.push("...".to_string());
    }
    let s = parts.join(", ");
    Ok(match x {
        Value::List(_) => format!("[{s}]"),
        _ if items.len() == 1 => format!("({s},)"),
        _ => format!("({s})"),
    })
}

/// `Future.set_result(fut, result)`.
pub fn set_result_of(vm: &mut Vm, aio: &Aio, slf: &Value, result: Value) -> PyResult<()> {
    let Some(me) = core::inst(slf) else {
        return Err(vm.type_error("descriptor 'set_result' requires a Future"));
    };
    if !is_pending(aio, me) {
        let cls = aio.borrow().invalid_state.clone();
        return Err(core::py_exc(vm, &cls, "invalid state"));
    }
    set(me, "_result", result.clone());
    let fin = aio.borrow().finished.clone();
    set(me, "_state", fin);
    if core::tracing(aio) {
        let r = Value::string(short_repr(vm, aio, &result, 0)?);
        core::trace(
            vm,
            aio,
            &[
                Value::str("future_done"),
                slf.clone(),
                Value::str("result"),
                r,
            ],
        )?;
        if !core::getattr_or_none(vm, slf, "_loopscope_owner")?.is_none() {
            core::trace(vm, aio, &[Value::str("waiter_woken"), slf.clone()])?;
        }
    }
    if let Value::Instance(i) = slf {
        if !core::is_native_method(
            aio,
            &i.class(),
            "_schedule_callbacks",
            "Future._schedule_callbacks",
        ) {
            vm.call_method_by_name(slf, "_schedule_callbacks", &[])?;
            return Ok(());
        }
    }
    schedule_callbacks_of(vm, aio, slf)
}

/// `fut.set_result(result)`, straight to the native when not overridden.
pub fn set_result_on(vm: &mut Vm, aio: &Aio, fut: &Value, result: Value) -> PyResult<()> {
    if let Value::Instance(i) = fut {
        if core::is_native_method(aio, &i.class(), "set_result", "Future.set_result") {
            return set_result_of(vm, aio, fut, result);
        }
    }
    vm.call_method_by_name(fut, "set_result", &[result])?;
    Ok(())
}

fn set_result(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    core::self_inst(vm, a, "set_result")?;
    if a.len() + k.len() < 2 {
        return Err(
            vm.type_error("Future.set_result() missing 1 required positional argument: 'result'")
        );
    }
    let r = arg_kw(a, k, 1, "result");
    set_result_of(vm, aio, &a[0], r)?;
    Ok(Value::None)
}

// ---------------------------------------------------------------- __await__

/// Where a `Future.__await__` iteration is: as the generator CPython's pure-Python Future
/// uses (`yield self` once, then return the result).
struct FutIter {
    fut: Value,
    stage: u8,
    /// `asyncio.sleep`'s timer handle, cancelled when the iteration ends however it ends
    /// (sleep's `finally: h.cancel()`); None for a plain `await fut`.
    timer: Value,
    /// Awaited in place of a `sleep` coroutine ([`sleep_awaited`]): what it raises passes
    /// through sleep's frame first; (delay, result, the id of the coroutine it skipped).
    stand_in: Option<(Value, Value, u64)>,
}

/// Where `asyncio.sleep`'s frame is while it awaits `w` (its `return await w`), to add its
/// traceback entry or build it ([`AwaitFast::materialize`]).
#[derive(Clone)]
pub struct SleepShape {
    func: Rc<crate::vm::object::PyFunction>,
    /// The instruction after that `Send`, where the frame is suspended; an exception thrown
    /// in is raised there (the traceback's `lasti`).
    at: usize,
    /// The `try:` block's handler (`finally: w.close()`).
    handler: u32,
    /// The fast local `w`.
    w: usize,
}

impl SleepShape {
    fn of(f: &Rc<crate::vm::object::PyFunction>) -> Option<SleepShape> {
        use crate::lang::bytecode::Instr;
        let instrs = &f.code.instrs;
        let send = instrs.iter().rposition(|i| matches!(i, Instr::Send(_)))?;
        let handler = instrs[..send].iter().rev().find_map(|i| match i {
            Instr::SetupFinally(h) => Some(*h),
            _ => None,
        })?;
        let w = f.code.co.varnames.iter().position(|n| &**n == "future")?;
        let names: Vec<&str> = f.code.co.varnames.iter().map(|n| &**n).collect();
        if names.get(..2) != Some(&["delay", "result"][..]) || f.code.co.stacksize == 0 {
            return None;
        }
        u32::try_from(send + 1).ok()?;
        Some(SleepShape {
            func: f.clone(),
            at: send + 1,
            handler,
            w,
        })
    }
}

const FRESH: u8 = 0;
const YIELDED: u8 = 1;
const DONE: u8 = 2;

fn await_(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let fut = arg(a, 0);
    let cls = aio.borrow().future_iter.clone();
    let Some(cls) = cls else {
        return Err(vm.runtime_error("asyncio is not initialized"));
    };
    Ok(vm.new_native_instance(
        &cls,
        Box::new(FutIter {
            fut,
            stage: FRESH,
            timer: Value::None,
            stand_in: None,
        }),
    ))
}

/// What `asyncio.sleep(delay, result)` awaits after its `delay <= 0` check: a future the loop
/// resolves after `delay` through `_set_result_unless_cancelled`, iterated as `await future`
/// and cancelling its timer when done (CPython's `sleep` body, in one native call).
pub fn sleep_wait(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_error("_sleep_wait(delay, result)"));
    }
    let lp = core::global(aio, "_running_loop");
    if lp.is_none() {
        return Err(vm.runtime_error("no running event loop"));
    }
    sleep_wait_on(vm, aio, lp, a, false)
}

/// `_sleep_wait` on the running loop `lp`; `natives`: its `create_future`/`call_later` are
/// known to be the natives.
fn sleep_wait_on(vm: &mut Vm, aio: &Aio, lp: Value, a: &[Value], natives: bool) -> PyResult<Value> {
    let fut = match &lp {
        Value::Instance(_) if natives => create_future(vm, aio, std::slice::from_ref(&lp), &[])?,
        Value::Instance(i)
            if core::is_native_method(
                aio,
                &i.class(),
                "create_future",
                "BaseEventLoop.create_future",
            ) =>
        {
            create_future(vm, aio, std::slice::from_ref(&lp), &[])?
        }
        _ => vm
            .call_method_by_name(&lp, "create_future", &[])?
            .unwrap_or(Value::None),
    };
    let cb = core::global(aio, "_set_result_unless_cancelled");
    let args = [lp.clone(), a[0].clone(), cb, fut.clone(), a[1].clone()];
    let timer = match &lp {
        Value::Instance(_) if natives => base_events::call_later(vm, aio, &args, &[])?,
        Value::Instance(i)
            if core::is_native_method(
                aio,
                &i.class(),
                "call_later",
                "BaseEventLoop.call_later",
            ) =>
        {
            base_events::call_later(vm, aio, &args, &[])?
        }
        _ => {
            let m = vm.getattr_str(&lp, "call_later")?;
            vm.call(&m, &args[1..], &[])?
        }
    };
    let cls = aio.borrow().sleep_iter.clone();
    let Some(cls) = cls else {
        return Err(vm.runtime_error("asyncio is not initialized"));
    };
    Ok(vm.new_native_instance(
        &cls,
        Box::new(FutIter {
            fut,
            stage: FRESH,
            timer,
            stand_in: None,
        }),
    ))
}

/// `await_native` tag of `asyncio.sleep`'s code.
pub const AWAIT_SLEEP: u8 = 3;

/// `await asyncio.sleep(delay[, result])`: sleep's body (`_sleep_wait`) without its coroutine
/// when nothing could notice the frame missing: `delay > 0`, and the running loop is an open
/// `VirtualLoop` out of debug mode whose `create_future`/`call_later` are the natives (no
/// Python code runs, no error can be raised inside sleep). The await then steps through the
/// iterator, which adds sleep's traceback entry to what it raises (a cancellation) and
/// cancels the timer when it ends, as sleep's `finally` does. The coroutine's id is skipped
/// (object ids stand in for addresses, and order sets of tasks).
/// What stays visible: the awaiting coroutine's `cr_await` is the iterator, not `sleep`'s
/// coroutine.
pub fn sleep_awaited(vm: &mut Vm, aio: &Aio, args: &[Value]) -> Option<PyResult<Awaited>> {
    let (delay, result) = match args {
        [d] => (d, Value::None),
        [d, r] => (d, r.clone()),
        _ => return None,
    };
    let positive = match delay {
        Value::Int(n) => *n > 0,
        Value::Float(x) => *x > 0.0,
        _ => false,
    };
    if !positive || aio.borrow().sleep_code.is_none() {
        return None;
    }
    let lp = core::global(aio, "_running_loop");
    let Value::Instance(li) = &lp else {
        return None;
    };
    let open = matches!(get(li, "_debug"), Value::Bool(false))
        && matches!(get(li, "_closed"), Value::Bool(false));
    if !open || !sleep_natives(aio, li) {
        return None;
    }
    // The coroutine's id (its frame would take none: frames are numbered apart).
    let ids = vm.next_id();
    Some(
        sleep_wait_on(vm, aio, lp.clone(), &[delay.clone(), result.clone()], true).map(|w| {
            if let Value::Instance(i) = &w {
                if let Some(mut it) = i.native::<FutIter>() {
                    it.stand_in = Some((delay.clone(), result, ids));
                }
            }
            Awaited::Iter(w)
        }),
    )
}

/// Is the loop a `VirtualLoop` whose `create_future`/`call_later` are the natives, and are
/// what the iteration and its end call (inside sleep's frame) natives too? One cached answer
/// (until a class dict changes) instead of five asks per sleep.
fn sleep_natives(aio: &Aio, lp: &PyInstance) -> bool {
    let cls = lp.class();
    let key = core::name_key("sleep_awaited");
    core::cached_answer(&cls, key, key, || {
        let (fut, th) = {
            let b = aio.borrow();
            (b.future.clone(), b.timer_handle.clone())
        };
        let (Some(f), Some(t)) = (fut, th) else {
            return false;
        };
        base_events::is_virtual_loop(aio, lp)
            && core::is_native_method(aio, &cls, "create_future", "BaseEventLoop.create_future")
            && core::is_native_method(aio, &cls, "call_later", "BaseEventLoop.call_later")
            && core::is_native_method(aio, &f, "done", "Future.done")
            && core::is_native_method(aio, &f, "result", "Future.result")
            && core::is_native_method(aio, &t, "cancel", "TimerHandle.cancel")
    })
}

/// `e` raised by the iterator `it`: when `it` stands in for sleep's frame, with the
/// traceback entry that frame would have added.
fn in_sleep_frame(aio: &Aio, it: &Value, e: crate::vm::Exc) -> crate::vm::Exc {
    let frame = match it {
        Value::Instance(i) => i
            .native::<FutIter>()
            .is_some_and(|it| it.stand_in.is_some()),
        _ => false,
    };
    if frame {
        if let (Some(shape), Some(d)) = (aio.borrow().sleep_code.clone(), e.exc()) {
            // No live frame has id u64::MAX: `tb_frame` reads as a finished frame's.
            d.borrow_mut().tb.push(crate::vm::exceptions::TbEntry::new(
                shape.func.code.clone(),
                shape.at as u32,
                u64::MAX,
            ));
        }
    }
    e
}

/// `_set_result_unless_cancelled(fut, result)`: the callback of `sleep`'s timer.
fn set_result_unless_cancelled(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    if a.len() + k.len() != 2 {
        return Err(vm.type_error(format!(
            "_set_result_unless_cancelled() takes 2 positional arguments but {} were given",
            a.len() + k.len()
        )));
    }
    let fut = core::arg_kw(a, k, 0, "fut");
    let result = core::arg_kw(a, k, 1, "result");
    let cancelled = match &fut {
        Value::Instance(i)
            if core::is_native_method(aio, &i.class(), "cancelled", "Future.cancelled") =>
        {
            is_cancelled(aio, i)
        }
        _ => {
            let r = vm
                .call_method_by_name(&fut, "cancelled", &[])?
                .unwrap_or(Value::None);
            vm.truthy(&r)?
        }
    };
    if !cancelled {
        set_result_on(vm, aio, &fut, result)?;
    }
    Ok(Value::None)
}

/// End of a sleep's await: cancel its timer (once).
fn finish_timer(vm: &mut Vm, aio: &Aio, a: &[Value]) -> PyResult<()> {
    let timer = match a.first() {
        Some(Value::Instance(i)) => match i.native::<FutIter>() {
            Some(mut it) => std::mem::take(&mut it.timer),
            None => Value::None,
        },
        _ => Value::None,
    };
    match &timer {
        Value::None => Ok(()),
        Value::Instance(i)
            if core::is_native_method(aio, &i.class(), "cancel", "TimerHandle.cancel") =>
        {
            super::events::timer_cancel_of(vm, aio, &timer)
        }
        _ => {
            vm.call_method_by_name(&timer, "cancel", &[])?;
            Ok(())
        }
    }
}

fn iter_state(vm: &mut Vm, a: &[Value]) -> PyResult<(Value, u8)> {
    if let Some(Value::Instance(i)) = a.first() {
        if let Some(it) = i.native::<FutIter>() {
            return Ok((it.fut.clone(), it.stage));
        }
    }
    Err(vm.type_error("descriptor requires a 'FutureIter' object"))
}

fn set_stage(a: &[Value], stage: u8) {
    if let Some(Value::Instance(i)) = a.first() {
        if let Some(mut it) = i.native::<FutIter>() {
            it.stage = stage;
        }
    }
}

/// `fut.done()`, straight to the native when not overridden.
pub fn done_of(vm: &mut Vm, aio: &Aio, fut: &Value) -> PyResult<bool> {
    if let Value::Instance(i) = fut {
        if core::is_native_method(aio, &i.class(), "done", "Future.done") {
            return Ok(!is_pending(aio, i));
        }
    }
    let r = vm
        .call_method_by_name(fut, "done", &[])?
        .unwrap_or(Value::None);
    vm.truthy(&r)
}

/// What one `__next__` of a FutureIter does: yield the future, or finish with its result.
enum Step {
    Yield(Value),
    Return(Value),
}

fn iter_step(vm: &mut Vm, aio: &Aio, a: &[Value]) -> PyResult<Step> {
    let (fut, stage) = iter_state(vm, a)?;
    match stage {
        FRESH => {
            if !done_of(vm, aio, &fut)? {
                set_stage(a, YIELDED);
                if let Value::Instance(i) = &fut {
                    set(i, "_asyncio_future_blocking", Value::Bool(true));
                } else {
                    vm.setattr(
                        &fut,
                        &Value::str("_asyncio_future_blocking"),
                        Value::Bool(true),
                    )?;
                }
                return Ok(Step::Yield(fut));
            }
        }
        YIELDED => {}
        _ => return Ok(Step::Return(Value::None)),
    }
    set_stage(a, DONE);
    let r = finish(vm, aio, &fut);
    finish_timer(vm, aio, a)?;
    Ok(Step::Return(r?))
}

fn iter_next(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let step = iter_step(vm, aio, a).map_err(|e| in_sleep_frame(aio, &arg(a, 0), e))?;
    match step {
        Step::Yield(y) => Ok(y),
        Step::Return(r) => Err(new_stop_iteration(vm, r)),
    }
}

fn finish(vm: &mut Vm, aio: &Aio, fut: &Value) -> PyResult<Value> {
    if !done_of(vm, aio, fut)? {
        return Err(vm.runtime_error("await wasn't used with future"));
    }
    match fut {
        Value::Instance(i)
            if core::is_native_method(aio, &i.class(), "result", "Future.result") =>
        {
            result_of(vm, aio, fut)
        }
        _ => Ok(vm
            .call_method_by_name(fut, "result", &[])?
            .unwrap_or(Value::None)),
    }
}

fn iter_send(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let (_, stage) = iter_state(vm, a)?;
    if stage == FRESH && !matches!(a.get(1), None | Some(Value::None)) {
        set_stage(a, DONE);
        return Err(vm.type_error("can't send non-None value to a just-started generator"));
    }
    iter_next(vm, aio, &a[..1], &[])
}

fn iter_throw(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    iter_throw_impl(vm, aio, a, k).map_err(|e| in_sleep_frame(aio, &arg(a, 0), e))
}

fn iter_throw_impl(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    iter_state(vm, a)?;
    set_stage(a, DONE);
    finish_timer(vm, aio, a)?;
    let e = match arg(a, 1) {
        Value::Instance(e) if e.exc().is_some() => e,
        Value::Type(t) => match vm.call(&Value::Type(t), &[], &[])? {
            Value::Instance(e) if e.exc().is_some() => e,
            _ => return Err(vm.type_error("exceptions must derive from BaseException")),
        },
        _ => return Err(vm.type_error("exceptions must derive from BaseException")),
    };
    Err(e)
}

fn iter_close(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    iter_state(vm, a)?;
    set_stage(a, DONE);
    finish_timer(vm, aio, a)?;
    Ok(Value::None)
}

fn iter_iter(_vm: &mut Vm, _aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(arg(a, 0))
}

/// Whether `lp` is a loop in debug mode (`loop._debug`).
pub(crate) fn loop_debug(lp: &Value) -> bool {
    match lp {
        Value::Instance(li) => matches!(core::get(li, "_debug"), Value::Bool(true)),
        _ => false,
    }
}
