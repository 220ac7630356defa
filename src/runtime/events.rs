//! `Handle` and `TimerHandle` (CPython's `asyncio/events.py`) in Rust: creating them, running
//! their callback (`Handle._run`, with the `--handles` line and the trace hook) and
//! cancelling them. The classes stay Python classes with the same attributes.

use super::core::{self, get, set, Aio};
use crate::vm::dict::PyDict;
use crate::vm::object::PyInstance;
use crate::vm::{ExcKind, KwArgs, PyResult, Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm, aio: &Aio) -> PyResult<()> {
    let (h, th) = {
        let b = aio.borrow();
        (b.handle.clone(), b.timer_handle.clone())
    };
    core::install_py_methods(
        vm,
        aio,
        &h,
        &[
            ("_run", "Handle._run", run),
            ("cancel", "Handle.cancel", cancel),
            ("cancelled", "Handle.cancelled", cancelled),
        ],
    );
    core::install_py_methods(
        vm,
        aio,
        &th,
        &[("cancel", "TimerHandle.cancel", timer_cancel)],
    );
    let st = aio.clone();
    let grl = vm.new_closure("get_running_loop", move |vm, a, k| {
        get_running_loop(vm, &st, a, k)
    });
    if let Some(ns) = aio.borrow().ns.clone() {
        ns.set_str("get_running_loop", grl);
    }
    Ok(())
}

/// `asyncio.get_running_loop()`.
fn get_running_loop(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    if !a.is_empty() || !k.is_empty() {
        return Err(vm.type_error(format!(
            "get_running_loop() takes no arguments ({} given)",
            a.len() + k.len()
        )));
    }
    let lp = core::global(aio, "_running_loop");
    if lp.is_none() {
        return Err(vm.runtime_error("no running event loop"));
    }
    Ok(lp)
}

/// `Handle(callback, args, loop, context)` or `TimerHandle(when, ...)`: the attributes the
/// Python `__init__`s set, in their order. `hidden` counts the frames CPython's asyncio has
/// between the caller and the handle (`call_soon`, `_call_soon`, ...), which count towards
/// the depth of debug mode's `_source_traceback` before they are dropped from it.
#[allow(clippy::too_many_arguments)]
pub fn new_handle(
    vm: &mut Vm,
    aio: &Aio,
    when: Option<Value>,
    callback: Value,
    args: Vec<Value>,
    lp: &Value,
    context: Value,
    hidden: usize,
) -> PyResult<Value> {
    let context = if context.is_none() {
        crate::modules::contextvars::capture(vm)?
    } else {
        context
    };
    let cls = match &when {
        None => core::global(aio, "Handle"),
        Some(_) => core::global(aio, "TimerHandle"),
    };
    let Value::Type(cls) = &cls else {
        return Err(vm.runtime_error("asyncio.Handle is not a class"));
    };
    let same_init = match &when {
        None => aio
            .borrow()
            .handle
            .as_ref()
            .map(|h| Rc::ptr_eq(h, cls))
            .unwrap_or(false),
        Some(_) => aio
            .borrow()
            .timer_handle
            .as_ref()
            .map(|h| Rc::ptr_eq(h, cls))
            .unwrap_or(false),
    };
    if !same_init {
        // The script replaced asyncio's Handle class: build it as Python would.
        let mut a = Vec::with_capacity(5);
        if let Some(w) = when {
            a.push(w);
        }
        a.extend([callback, Value::tuple(args), lp.clone(), context]);
        return vm.call(&Value::Type(cls.clone()), &a, &[]);
    }
    let h = vm.new_plain_instance(cls);
    if let Value::Instance(i) = &h {
        {
            let b = aio.borrow();
            let t = if when.is_some() {
                &b.timer_dict
            } else {
                &b.handle_dict
            };
            core::fill(i, t, []);
        }
        // One `set` per literal name (not a loop over names): each compares its key inline.
        set(i, "_context", context);
        set(i, "_loop", lp.clone());
        set(i, "_callback", callback);
        set(i, "_args", Value::tuple(args));
        if let Some(w) = when {
            set(i, "_when", w);
        }
        if super::futures::loop_debug(lp) {
            // CPython's call_soon/call_at drop their own frames: the caller's is the last.
            // Those `hidden` frames (`_call_soon`, `call_at`, `TimerHandle.__init__`, ...) still
            // counted towards DEBUG_STACK_DEPTH when the stack was taken.
            let depth = super::natives::DEBUG_STACK_DEPTH.saturating_sub(hidden);
            let tb = super::natives::source_traceback(vm, 0, Some(depth));
            set(i, "_source_traceback", Value::list(tb));
        }
    }
    Ok(h)
}

fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => vm.truthy(other),
    }
}

/// `handle._run()`.
pub fn run_handle(vm: &mut Vm, aio: &Aio, h: &Value) -> PyResult<()> {
    let Some(i) = core::inst(h) else {
        return Err(vm.type_error("descriptor '_run' requires a Handle"));
    };
    let cb = get(i, "_callback");
    if aio.borrow().handles {
        let lp = get(i, "_loop");
        let ph = core::global(aio, "_print_handle");
        vm.with_ids_kept(|vm| {
            let now = vm
                .call_method_by_name(&lp, "time", &[])?
                .unwrap_or(Value::None);
            vm.call(&ph, &[cb.clone(), now], &[])
        })?;
    }
    if core::tracing(aio) {
        let desc = describe(vm, aio, &cb)?;
        core::trace(vm, aio, &[Value::str("callback"), h.clone(), desc])?;
    }
    // The callback gets the tuple's items in place (no copy per callback); holding the
    // tuple keeps them alive as a copy would.
    let args_v = get(i, "_args");
    let owned;
    let args: &[Value] = match &args_v {
        Value::Tuple(t) => &t.items,
        other => {
            owned = vm.iter_to_vec(other)?;
            &owned
        }
    };
    // A callback that never returns to the loop is stopped at its budget, named by the
    // task it steps (resolved only if the budget runs out).
    vm.arm_callback_budget(cb.clone());
    let ctx = get(i, "_context");
    let r = match crate::modules::contextvars::enter(vm, &ctx) {
        Ok(prev) => {
            let r = vm.call(&cb, args, &[]);
            crate::modules::contextvars::leave(vm, &ctx, prev);
            r
        }
        Err(e) => Err(e),
    };
    vm.disarm_callback_budget();
    let Err(exc) = r else {
        return Ok(());
    };
    if vm.exc_matches(&exc, ExcKind::SystemExit) || vm.exc_matches(&exc, ExcKind::KeyboardInterrupt)
    {
        return Err(exc);
    }
    if let (Some(data), Some(code)) = (exc.exc(), run_frame_code(vm)) {
        data.borrow_mut().tb.push(code);
    }
    let fcs = core::global(aio, "_format_callback_source");
    let desc = vm.call(&fcs, &[get(i, "_callback"), get(i, "_args")], &[])?;
    let desc = vm.str_of(&desc)?;
    let ctx = PyDict::new();
    ctx.set_str(
        "message",
        Value::string(format!("Exception in callback {desc}")),
    );
    ctx.set_str("exception", Value::Instance(exc));
    ctx.set_str("handle", h.clone());
    let stb = get(i, "_source_traceback");
    if truthy(vm, &stb)? {
        ctx.set_str("source_traceback", stb);
    }
    let lp = get(i, "_loop");
    vm.call_method_by_name(&lp, "call_exception_handler", &[Value::Dict(Rc::new(ctx))])?;
    Ok(())
}

/// The frame of CPython's `Handle._run` where it calls the callback (`asyncio/events.py`, line
/// 80). The traceback of an exception a callback raises starts in that frame, and the
/// "Exception in callback" report prints it; loopscope's `_run` is native.
fn run_frame_code(vm: &mut Vm) -> Option<crate::vm::exceptions::TbEntry> {
    core::cpython_frame(
        vm,
        "_run",
        "self._context.run(self._callback, *self._args)",
        "events.py:80",
    )
}

/// `_describe(cb)` of asyncio.py ("step Task-3", "call Server._accept"): natively for a
/// plain Task's step and a Python method of anything else, the Python for the rest. A traced
/// run describes every callback it runs and every timer it schedules: with thousands of
/// connections, in Python it was a tenth of the tracing.
pub(crate) fn describe(vm: &mut Vm, aio: &Aio, cb: &Value) -> PyResult<Value> {
    let owner = match cb {
        Value::Method(m) => Some(&m.slf),
        Value::Builtin(b) => b.bound.as_ref(),
        _ => None,
    };
    if let (Some(owner), Value::Type(task)) = (owner, core::global(aio, "Task")) {
        if let Value::Instance(o) = owner {
            // Task.get_name() is its _name (a subclass may say otherwise: the Python asks it).
            if Rc::ptr_eq(&o.class(), &task) {
                if let Some(Value::Str(n)) = o.dict.borrow().get("_name") {
                    return Ok(Value::string(format!("step {}", n.as_str())));
                }
            }
        }
        if let Value::Method(m) = cb {
            if let Value::Func(f) = &m.func {
                // A bound method's __qualname__ is its function's; one without a dot is
                // looked at again by the Python (_qualname).
                let qn = f.qualname.borrow();
                if qn.contains('.') && !vm.isinstance(owner, &task) {
                    return Ok(Value::string(format!("call {}", &**qn)));
                }
            }
        }
    }
    // Only tracing asks, and then asyncio.py has wrapped `_describe` in `ids_kept`.
    let d = core::global(aio, "_describe");
    vm.call(&d, std::slice::from_ref(cb), &[])
}

fn run(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    run_handle(vm, aio, &core::arg(a, 0))?;
    Ok(Value::None)
}

fn cancel_handle(vm: &mut Vm, h: &Value, i: &PyInstance) -> PyResult<()> {
    if !truthy(vm, &get(i, "_cancelled"))? {
        set(i, "_cancelled", Value::Bool(true));
        if super::futures::loop_debug(&get(i, "_loop")) {
            // Debug mode keeps the repr with the callback and its arguments (for the
            // "Executing <Handle...> took" report, and any later repr).
            let r = vm.repr(h)?;
            set(i, "_repr", Value::string(r));
        }
        set(i, "_callback", Value::None);
        set(i, "_args", Value::None);
    }
    Ok(())
}

fn cancel(vm: &mut Vm, _aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "cancel")?;
    cancel_handle(vm, &a[0], &me)?;
    Ok(Value::None)
}

fn cancelled(vm: &mut Vm, _aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "cancelled")?;
    Ok(get(&me, "_cancelled"))
}

/// `TimerHandle.cancel`: tell the loop (it counts cancelled timers to decide when to rebuild
/// its heap), then `Handle.cancel`.
pub fn timer_cancel_of(vm: &mut Vm, aio: &Aio, h: &Value) -> PyResult<()> {
    let Some(me) = core::inst(h) else {
        return Err(vm.type_error("descriptor 'cancel' requires a TimerHandle"));
    };
    if !truthy(vm, &get(me, "_cancelled"))? {
        let lp = get(me, "_loop");
        super::base_events::timer_handle_cancelled(vm, aio, &lp, h)?;
        if core::tracing(aio) && truthy(vm, &get(me, "_scheduled"))? {
            core::trace(vm, aio, &[Value::str("timer_cancelled"), h.clone()])?;
        }
    }
    let handle_cls = aio.borrow().handle.clone();
    if let Some(hc) = handle_cls {
        if !core::is_native_method(aio, &hc, "cancel", "Handle.cancel") {
            if let Some(f) = hc.lookup("cancel") {
                vm.call(&f, &[h.clone()], &[])?;
                return Ok(());
            }
        }
    }
    cancel_handle(vm, h, me)
}

fn timer_cancel(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    timer_cancel_of(vm, aio, &core::arg(a, 0))?;
    Ok(Value::None)
}
