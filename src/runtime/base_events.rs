//! The event loop's hot paths (CPython's `asyncio/base_events.py`) in Rust: `call_soon`,
//! `call_later` and one iteration of the loop (`_run_once`). They run for loopscope's own
//! `VirtualLoop` when neither debug mode nor tracing is on; otherwise (and for subclasses
//! that override what these read) the Python versions in `asyncio.py` run.

use super::core::{self, get, set, Aio};
use super::{events, natives};
use crate::vm::object::PyInstance;
use crate::vm::{KwArgs, PyResult, Value, Vm};
use std::rc::Rc;

const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;
const MAXIMUM_SELECT_TIMEOUT: f64 = 24.0 * 3600.0;

pub fn install(vm: &mut Vm, aio: &Aio) -> PyResult<()> {
    let base = match core::global(aio, "BaseEventLoop") {
        Value::Type(t) => Some(t),
        _ => None,
    };
    if let Some(b) = &base {
        for name in ["_run_once", "call_later", "_timer_handle_cancelled"] {
            if let Some(f) = b.dict.borrow().get(name) {
                let which = match name {
                    "_run_once" => "py._run_once",
                    "call_later" => "py.call_later",
                    _ => "py._timer_handle_cancelled",
                };
                aio.borrow_mut().natives.insert(which, f.clone());
            }
        }
    }
    core::install_py_methods(
        vm,
        aio,
        &base,
        &[
            ("call_soon", "BaseEventLoop.call_soon", call_soon),
            ("_call_soon", "BaseEventLoop._call_soon", call_soon_private),
            ("call_later", "BaseEventLoop.call_later", call_later),
            ("_run_once", "BaseEventLoop._run_once", run_once),
        ],
    );
    Ok(())
}

fn py(aio: &Aio, which: &'static str) -> Value {
    aio.borrow()
        .natives
        .get(which)
        .cloned()
        .unwrap_or(Value::None)
}

fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => vm.truthy(other),
    }
}

pub(super) fn is_virtual_loop(aio: &Aio, i: &PyInstance) -> bool {
    let b = aio.borrow();
    match &b.virtual_loop {
        Some(v) => Rc::ptr_eq(v, &i.class()),
        None => false,
    }
}

fn append_ready(vm: &mut Vm, lp: &PyInstance, h: Value) -> PyResult<()> {
    let ready = get(lp, "_ready");
    if !natives::deque_push(&ready, h.clone()) {
        vm.call_method_by_name(&ready, "append", &[h])?;
    }
    Ok(())
}

/// `loop.call_soon(cb, *args[, context=ctx])`, straight to the native when not overridden.
pub fn call_soon_on(
    vm: &mut Vm,
    aio: &Aio,
    lp: &Value,
    cb: Value,
    args: Vec<Value>,
    ctx: Value,
    pass_ctx: bool,
) -> PyResult<Value> {
    if let Value::Instance(i) = lp {
        if core::is_native_method(aio, &i.class(), "call_soon", "BaseEventLoop.call_soon") {
            return call_soon_impl(vm, aio, i, lp, cb, args, ctx);
        }
    }
    let m = vm.getattr_str(lp, "call_soon")?;
    let mut a = Vec::with_capacity(args.len() + 1);
    a.push(cb);
    a.extend(args);
    if pass_ctx {
        vm.call(&m, &a, &[(Rc::from("context"), ctx)])
    } else {
        vm.call(&m, &a, &[])
    }
}

fn call_soon_impl(
    vm: &mut Vm,
    aio: &Aio,
    i: &PyInstance,
    lp: &Value,
    cb: Value,
    args: Vec<Value>,
    ctx: Value,
) -> PyResult<Value> {
    if truthy(vm, &get(i, "_closed"))? {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    if truthy(vm, &get(i, "_debug"))? {
        let m = vm.getattr_str(lp, "_check_callback")?;
        if let Err(e) = vm.call(&m, &[cb.clone(), Value::str("call_soon")], &[]) {
            // The traceback goes through CPython's call_soon (native here).
            let text = "self._check_callback(callback, 'call_soon')";
            if let (Some(data), Some(entry)) = (
                e.exc(),
                core::cpython_frame(vm, "call_soon", text, "base_events.py:764"),
            ) {
                data.borrow_mut().tb.push(entry);
            }
            return Err(e);
        }
    }
    if vm.agens_tracked.get() > 0 || !vm.agen_first_iter.borrow().is_empty() {
        // An async generator that lost its last reference since the last look is finalized
        // before anything else is scheduled (CPython runs the finalizer hook at the drop).
        super::tasks::finalize_dropped_agens(vm, aio, lp)?;
    }
    // CPython's frames: call_soon, _call_soon.
    let h = events::new_handle(vm, aio, None, cb, args, lp, ctx, 2)?;
    append_ready(vm, i, h.clone())?;
    Ok(h)
}

fn split_call(vm: &mut Vm, a: &[Value], k: &KwArgs, what: &str) -> PyResult<Value> {
    for (name, _) in k {
        if &**name != "context" {
            return Err(vm.type_error(format!(
                "BaseEventLoop.{what}() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    if a.len() < 2 {
        return Err(vm.type_error(format!(
            "BaseEventLoop.{what}() missing 1 required positional argument: 'callback'"
        )));
    }
    Ok(crate::vm::kw_get(k, "context")
        .cloned()
        .unwrap_or(Value::None))
}

fn call_soon(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "call_soon")?;
    let ctx = split_call(vm, a, k, "call_soon")?;
    call_soon_impl(vm, aio, &me, &a[0], a[1].clone(), a[2..].to_vec(), ctx)
}

/// `loop._call_soon(callback, args, context)`.
fn call_soon_private(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "_call_soon")?;
    if a.len() != 4 {
        return Err(vm.type_error(format!(
            "BaseEventLoop._call_soon() takes 4 positional arguments but {} were given",
            a.len()
        )));
    }
    let args = match &a[2] {
        Value::Tuple(t) => t.items.to_vec(),
        other => vm.iter_to_vec(other)?,
    };
    let h = events::new_handle(vm, aio, None, a[1].clone(), args, &a[0], a[3].clone(), 1)?;
    append_ready(vm, &me, h.clone())?;
    Ok(h)
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

fn now(vm: &mut Vm, aio: &Aio) -> PyResult<f64> {
    let f = core::global(aio, "_now");
    match vm.call(&f, &[], &[])? {
        Value::Float(t) => Ok(t),
        other => vm.to_f64(&other),
    }
}

/// `call_later` on loopscope's own loop with a numeric delay: `call_at` inlined, as the
/// Python version does; anything else goes to the Python version.
pub fn call_later(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let fast = match (a.first(), a.get(1)) {
        (Some(Value::Instance(i)), Some(d)) => {
            a.len() >= 3
                && number(d).is_some()
                && is_virtual_loop(aio, i)
                && k.iter().all(|(n, _)| &**n == "context")
                // (debug mode's checks and stacks go through call_at, as in CPython)
                && !truthy(vm, &get(i, "_debug")).unwrap_or(true)
        }
        _ => false,
    };
    if !fast {
        let f = py(aio, "py.call_later");
        return vm.call(&f, a, k);
    }
    let me = core::self_inst(vm, a, "call_later")?;
    let delay = number(&a[1]).unwrap_or(0.0);
    let ctx = crate::vm::kw_get(k, "context")
        .cloned()
        .unwrap_or(Value::None);
    let when = now(vm, aio)? + delay;
    if truthy(vm, &get(&me, "_closed"))? {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    let cb = a[2].clone();
    if truthy(vm, &get(&me, "_debug"))? {
        let m = vm.getattr_str(&a[0], "_check_callback")?;
        vm.call(&m, &[cb.clone(), Value::str("call_at")], &[])?;
    }
    let timer = events::new_handle(
        vm,
        aio,
        Some(Value::Float(when)),
        cb.clone(),
        a[3..].to_vec(),
        &a[0],
        ctx,
        // CPython's frames: call_later, call_at, TimerHandle.__init__.
        3,
    )?;
    let sched = get(&me, "_scheduled");
    natives::timer_push(vm, &[sched, timer.clone()], &[])?;
    if let Value::Instance(t) = &timer {
        set(t, "_scheduled", Value::Bool(true));
    }
    if core::tracing(aio) {
        let desc = super::events::describe(vm, aio, &cb)?;
        core::trace(
            vm,
            aio,
            &[
                Value::str("timer_scheduled"),
                timer.clone(),
                Value::Float(when),
                desc,
            ],
        )?;
    }
    Ok(timer)
}

/// `loop._timer_handle_cancelled(handle)`.
pub fn timer_handle_cancelled(vm: &mut Vm, aio: &Aio, lp: &Value, h: &Value) -> PyResult<()> {
    if let Value::Instance(i) = lp {
        let same = core::is_native_method(
            aio,
            &i.class(),
            "_timer_handle_cancelled",
            "py._timer_handle_cancelled",
        );
        if same && !core::has_own(i, "_timer_handle_cancelled") {
            let scheduled = match core::inst(h) {
                Some(hi) => get(hi, "_scheduled"),
                None => Value::None,
            };
            if truthy(vm, &scheduled)? {
                if let Value::Int(n) = get(i, "_timer_cancelled_count") {
                    if let Some(m) = n.checked_add(1) {
                        set(i, "_timer_cancelled_count", Value::Int(m));
                        return Ok(());
                    }
                }
            } else {
                return Ok(());
            }
        }
    }
    vm.call_method_by_name(lp, "_timer_handle_cancelled", &[h.clone()])?;
    Ok(())
}

fn when_of(h: &Value) -> Option<f64> {
    core::inst(h).and_then(|i| number(&get(i, "_when")))
}

fn first(l: &crate::vm::value::PyList) -> Option<Value> {
    l.items.borrow().first().cloned()
}

/// One iteration of the loop: CPython's `BaseEventLoop._run_once`.
fn run_once(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "_run_once")?;
    let sched = get(&me, "_scheduled");
    let fast = is_virtual_loop(aio, &me)
        && !core::tracing(aio)
        && matches!(get(&me, "_debug"), Value::Bool(false))
        && matches!(sched, Value::List(_))
        && matches!(get(&me, "_timer_cancelled_count"), Value::Int(_))
        // A loop doing I/O waits on its selector (the Python _run_once).
        && matches!(get(&me, "_selector"), Value::None)
        && natives::deque_len(&get(&me, "_ready")).is_some();
    if !fast {
        let f = py(aio, "py._run_once");
        return vm.call(&f, a, k);
    }
    let lp = &a[0];
    let Value::List(mut sl) = sched else {
        return Ok(Value::None);
    };
    let mut cancelled_count = match get(&me, "_timer_cancelled_count") {
        Value::Int(n) => n,
        _ => 0,
    };
    let sched_count = sl.items.borrow().len();
    if sched_count > MIN_SCHEDULED_TIMER_HANDLES
        && cancelled_count as f64 / sched_count as f64 > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    {
        let old: Vec<Value> = sl.items.borrow().clone();
        let mut keep = Vec::with_capacity(old.len());
        for h in old {
            let Some(hi) = core::inst(&h) else { continue };
            if truthy(vm, &get(hi, "_cancelled"))? {
                set(hi, "_scheduled", Value::Bool(false));
            } else {
                keep.push(h.clone());
            }
        }
        let nl = Value::list(keep);
        natives::timer_heapify(vm, &[nl.clone()], &[])?;
        set(&me, "_scheduled", nl.clone());
        set(&me, "_timer_cancelled_count", Value::Int(0));
        if let Value::List(l) = nl {
            sl = l;
        }
    } else {
        loop {
            let Some(h) = first(&sl) else { break };
            let c = match core::inst(&h) {
                Some(hi) => get(hi, "_cancelled"),
                None => Value::None,
            };
            if !truthy(vm, &c)? {
                break;
            }
            cancelled_count -= 1;
            set(&me, "_timer_cancelled_count", Value::Int(cancelled_count));
            let h = natives::timer_pop(vm, &[Value::List(sl.clone())], &[])?;
            if let Some(hi) = core::inst(&h) {
                set(hi, "_scheduled", Value::Bool(false));
            }
        }
    }

    let ready_len = natives::deque_len(&get(&me, "_ready")).unwrap_or(0);
    let timeout = if ready_len > 0 || truthy(vm, &get(&me, "_stopping"))? {
        Some(0.0)
    } else if let Some(h) = first(&sl) {
        let when = when_of(&h).unwrap_or(0.0);
        let t = when - now(vm, aio)?;
        let t = if t > 0.0 { t } else { 0.0 };
        Some(if MAXIMUM_SELECT_TIMEOUT < t {
            MAXIMUM_SELECT_TIMEOUT
        } else {
            t
        })
    } else {
        None
    };

    if truthy(vm, &get(&me, "_self_pipe_pending"))? {
        let reader = vm.getattr_str(lp, "_read_from_self")?;
        let h = events::new_handle(vm, aio, None, reader, vec![], lp, Value::None, 0)?;
        append_ready(vm, &me, h)?;
    } else {
        if timeout.is_none() && !super::threads::others_alive(vm) {
            let dm = core::global(aio, "_deadlock_message");
            let msg = vm.call(&dm, &[lp.clone()], &[])?;
            let msg = vm.str_of(&msg)?;
            return Err(vm.runtime_error(msg.to_string()));
        }
        let select = aio.borrow().select.clone();
        let t = timeout.map(Value::Float).unwrap_or(Value::None);
        if let Value::Bool(true) = vm.call(&select, &[t], &[])? {
            // A thread called call_soon_threadsafe: the self-pipe is readable.
            let reader = vm.getattr_str(lp, "_read_from_self")?;
            let h = events::new_handle(vm, aio, None, reader, vec![], lp, Value::None, 0)?;
            append_ready(vm, &me, h)?;
        }
    }

    let res = match get(&me, "_clock_resolution") {
        Value::Float(f) => f,
        other => vm.to_f64(&other)?,
    };
    let end_time = now(vm, aio)? + res;
    loop {
        let Some(h) = first(&sl) else { break };
        match when_of(&h) {
            Some(w) if w >= end_time => break,
            _ => {}
        }
        let h = natives::timer_pop(vm, &[Value::List(sl.clone())], &[])?;
        if let Some(hi) = core::inst(&h) {
            set(hi, "_scheduled", Value::Bool(false));
        }
        append_ready(vm, &me, h)?;
    }

    let ntodo = natives::deque_len(&get(&me, "_ready")).unwrap_or(0);
    let mut ahead = natives::ReadyAhead::new();
    for _ in 0..ntodo {
        let ready = get(&me, "_ready");
        natives::ready_prefetch(&ready, &mut ahead);
        let h = match natives::deque_pop_front(&ready) {
            Some(Some(h)) => h,
            Some(None) => {
                return Err(vm.new_error(crate::vm::ExcKind::IndexError, "pop from an empty deque"))
            }
            None => vm
                .call_method_by_name(&ready, "popleft", &[])?
                .unwrap_or(Value::None),
        };
        let Some(hi) = core::inst(&h) else {
            vm.call_method_by_name(&h, "_run", &[])?;
            continue;
        };
        if truthy(vm, &get(hi, "_cancelled"))? {
            continue;
        }
        if core::is_native_method(aio, &hi.class(), "_run", "Handle._run") {
            events::run_handle(vm, aio, &h)?;
        } else {
            vm.call_method_by_name(&h, "_run", &[])?;
        }
        // CPython frees the handle (and with it, often, the task it stepped) before the next
        // one runs: finalizers (`Task.__del__`) print between the two callbacks.
        drop(h);
        if vm.warnings.pending.get() {
            vm.run_finalizers();
        }
    }
    let poll = aio.borrow().agen_poll.clone();
    let fin = vm.call(&poll, std::slice::from_ref(lp), &[])?;
    if !fin.is_none() {
        for agen in vm.iter_to_vec(&fin)? {
            vm.call_method_by_name(lp, "_asyncgen_finalizer_hook", &[agen])?;
        }
    }
    Ok(Value::None)
}
