//! `Task.__step` and `Task.task_wakeup` in Rust, as CPython runs them in C (`_asyncio.Task`):
//! resume the coroutine one step, then decide what wakes it next from what it yielded. The
//! rest of `Task` (creation, cancel, repr) stays in `asyncio.py`.

use super::base_events::call_soon_on;
use super::core::{self, get, set, Aio};
use super::futures;
use crate::vm::api::{Resume, ResumeResult};
use crate::vm::coro::GenKind;
use crate::vm::{Exc, ExcKind, KwArgs, PyResult, Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm, aio: &Aio) -> PyResult<()> {
    let task = aio.borrow().task.clone();
    let Some(task) = task else { return Ok(()) };
    // The attribute is the mangled `_Task__step`; the function calls itself `__step`, as the
    // Python method did (handle reprs show `Task.__step()`).
    // The Python `Task.__init__` runs whenever the native one cannot stand in for it.
    if let Some(f) = task.dict.borrow().get("__init__") {
        aio.borrow_mut()
            .natives
            .insert("py.Task.__init__", f.clone());
    }
    for (attr, name, which, f) in [
        (
            "__init__",
            "__init__",
            "Task.__init__",
            init as core::NativeImpl,
        ),
        (
            "_Task__step",
            "__step",
            "Task.__step",
            step as core::NativeImpl,
        ),
        ("task_wakeup", "task_wakeup", "Task.task_wakeup", wakeup),
    ] {
        let st = aio.clone();
        let v = vm.new_closure(name, move |vm, a, k| f(vm, &st, a, k));
        task.dict.borrow_mut().set(attr, v.clone());
        aio.borrow_mut().natives.insert(which, v);
    }
    // The Python helpers every new Task calls, kept to tell whether a script replaced them.
    let ns = aio.borrow().ns.clone();
    if let Some(ns) = ns {
        for (name, which) in [
            ("_next_task_name", "py._next_task_name"),
            ("_register_task", "py._register_task"),
            ("_ensure_future", "py._ensure_future"),
            ("iscoroutine", "py.iscoroutine"),
            ("isfuture", "n.isfuture"),
            ("_get_event_loop", "py._get_event_loop"),
        ] {
            if let Some(f) = ns.get_str(name) {
                aio.borrow_mut().natives.insert(which, f);
            }
        }
    }
    // What `gather`'s native path checks the loop's class still runs (`_gather_plain`).
    if let Value::Type(bel) = core::global(aio, "BaseEventLoop") {
        for (attr, which) in [
            ("create_task", "py.BaseEventLoop.create_task"),
            ("_check_closed", "py.BaseEventLoop._check_closed"),
        ] {
            if let Some(f) = bel.dict.borrow().get(attr) {
                aio.borrow_mut().natives.insert(which, f.clone());
            }
        }
    }
    for (name, f) in [
        ("_gather_plain", n_gather_plain as core::NativeImpl),
        ("_gather_results", n_gather_results),
        ("_enter_task", n_enter_task as core::NativeImpl),
        ("_leave_task", n_leave_task),
        ("_current_task", n_current_task),
        ("_task_waiting_on", n_task_waiting_on),
        ("_first_task_waiting_on", n_first_task_waiting_on),
    ] {
        let st = aio.clone();
        let v = vm.new_closure(name, move |vm, a, k| f(vm, &st, a, k));
        if let Some(ns) = aio.borrow().ns.clone() {
            ns.set_str(name, v);
        }
    }
    Ok(())
}

fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => vm.truthy(other),
    }
}

/// `Task.__init__(coro, *, loop=None, name=None, context=None)`: the common case (a Task
/// itself, a coroutine, a str name or none, tracing off) in Rust, the same attributes set in
/// the same order as the Python version, which runs for everything else.
fn init(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::self_inst(vm, a, "__init__")?;
    let cls = me.class();
    let exact = aio
        .borrow()
        .task
        .as_ref()
        .is_some_and(|t| Rc::ptr_eq(t, &cls));
    let known_kw = k
        .iter()
        .all(|(n, _)| matches!(&**n, "loop" | "name" | "context"));
    let name = crate::vm::kw_get(k, "name").cloned().unwrap_or(Value::None);
    let fast = exact
        && known_kw
        && a.len() == 2
        && !core::tracing(aio)
        && matches!(&a[1], Value::Gen(g) if g.kind == GenKind::Coroutine)
        && matches!(name, Value::None | Value::Str(_))
        && aio
            .borrow()
            .future
            .as_ref()
            .is_some_and(|f| core::is_native_method(aio, f, "__init__", "Future.__init__"))
        && core::is_native_method(aio, &cls, "_Task__step", "Task.__step");
    if !fast {
        let f = aio
            .borrow()
            .natives
            .get("py.Task.__init__")
            .cloned()
            .unwrap_or(Value::None);
        return vm.call(&f, a, k);
    }
    let lp = crate::vm::kw_get(k, "loop").cloned().unwrap_or(Value::None);
    let lp = if lp.is_none() {
        let gel = core::global(aio, "_get_event_loop");
        vm.call(&gel, &[], &[])?
    } else {
        lp
    };
    let ctx = crate::vm::kw_get(k, "context")
        .cloned()
        .unwrap_or(Value::None);
    init_fast(vm, aio, &me, &a[0], &a[1], lp, name, ctx)?;
    Ok(Value::None)
}

/// `Task.__init__`'s work once `init` (or `gather`'s native loop) has checked the plain case.
#[allow(clippy::too_many_arguments)]
fn init_fast(
    vm: &mut Vm,
    aio: &Aio,
    me: &crate::vm::object::PyInstance,
    slf: &Value,
    coro: &Value,
    lp: Value,
    name: Value,
    mut ctx: Value,
) -> PyResult<()> {
    let name = if name.is_none() {
        next_task_name(vm, aio)?
    } else {
        name
    };
    // `if context is None: context = contextvars.copy_context()` (None while the script has
    // not imported contextvars: then there is nothing to capture).
    if ctx.is_none() {
        ctx = crate::modules::contextvars::capture(vm)?;
    }
    let vals = [
        ("_loop", lp.clone()),
        ("_callbacks", Value::list(vec![])),
        ("_name", name),
        ("_num_cancels_requested", Value::Int(0)),
        ("_must_cancel", Value::Bool(false)),
        ("_fut_waiter", Value::None),
        ("_coro", coro.clone()),
        ("_context", ctx.clone()),
    ];
    core::fill(me, &aio.borrow().task_dict, vals);
    if super::futures::loop_debug(&lp) {
        // As Future.__init__: the frame that made the task is the stack's last.
        let tb = super::natives::source_traceback(vm, 0, None);
        core::set(me, "_source_traceback", Value::list(tb));
    }
    let st = core::bound(aio, "Task.__step", slf);
    let pass = !ctx.is_none();
    call_soon_on(vm, aio, &lp, st, vec![], ctx, pass)?;
    register_task(vm, aio, slf)?;
    Ok(())
}

/// Is the module global `name` still asyncio's own Python function (kept as `which`)?
fn original_global(aio: &Aio, name: &'static str, which: &'static str) -> (Value, bool) {
    let f = core::global(aio, name);
    let same = match (&f, aio.borrow().natives.get(which)) {
        (Value::Func(a), Some(Value::Func(b))) => Rc::ptr_eq(a, b),
        _ => false,
    };
    (f, same)
}

/// `_next_task_name()`: `_task_name_counter[0] += 1; return f'Task-{...}'` without the
/// Python call (whose frame took an object id) while the function and the counter are
/// asyncio's own.
fn next_task_name(vm: &mut Vm, aio: &Aio) -> PyResult<Value> {
    let (f, same) = original_global(aio, "_next_task_name", "py._next_task_name");
    if same {
        if let Value::List(l) = core::global(aio, "_task_name_counter") {
            let mut items = l.items.borrow_mut();
            if let Some(Value::Int(n)) = items.first_mut() {
                if *n < i64::MAX {
                    *n += 1;
                    // "Task-{n}" without the formatting machinery (once per task).
                    let mut buf = [0u8; 32];
                    let mut at = buf.len();
                    let mut v = n.unsigned_abs();
                    loop {
                        at -= 1;
                        buf[at] = b'0' + (v % 10) as u8;
                        v /= 10;
                        if v == 0 {
                            break;
                        }
                    }
                    if *n < 0 {
                        at -= 1;
                        buf[at] = b'-';
                    }
                    at -= 5;
                    buf[at..at + 5].copy_from_slice(b"Task-");
                    let text = std::str::from_utf8(&buf[at..]).unwrap_or("Task-");
                    let name = Value::str(text);
                    drop(items);
                    return Ok(name);
                }
            }
        }
    }
    vm.call(&f, &[], &[])
}

/// `_register_task(task)`: `_all_tasks_add(task)` (a native, weak.rs) without the Python
/// call, as `next_task_name`.
fn register_task(vm: &mut Vm, aio: &Aio, task: &Value) -> PyResult<()> {
    let (f, same) = original_global(aio, "_register_task", "py._register_task");
    if same {
        let add = core::global(aio, "_all_tasks_add");
        if matches!(add, Value::Builtin(_)) {
            vm.call(&add, &[task.clone()], &[])?;
            return Ok(());
        }
    }
    vm.call(&f, &[task.clone()], &[])?;
    Ok(())
}

/// `_gather_plain(coros, children, done_callback)`: `gather`'s loop over its arguments
/// (`_ensure_future`, `loop.create_task`, `Task(...)`, `add_done_callback`) for the plain
/// case: every argument a distinct coroutine, the running loop a `VirtualLoop` that is open,
/// not in debug mode, without a task factory, and asyncio's functions its own. Then it makes
/// the same tasks, callbacks and contexts in the same order as the Python loop (so object
/// ids stay the same), appends the tasks to `children` and returns the loop. Anything else
/// returns None before doing anything, and `gather` runs its Python loop, which raises what
/// CPython raises.
fn n_gather_plain(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Tuple(args)), Some(Value::List(children)), Some(cb)) =
        (a.first(), a.get(1), a.get(2))
    else {
        return Ok(Value::None);
    };
    let Some(lp) = gather_plain_loop(aio) else {
        return Ok(Value::None);
    };
    let mut seen = std::collections::HashSet::with_capacity(args.items.len());
    for arg in args.items.iter() {
        match arg {
            Value::Gen(g) if g.kind == GenKind::Coroutine => {
                if !seen.insert(Rc::as_ptr(g) as usize) {
                    return Ok(Value::None);
                }
            }
            _ => return Ok(Value::None),
        }
    }
    // The instruction budgets count the VM's instructions, which this loop does not run: when
    // what is left might not cover the Python loop (a few hundred instructions a task at
    // most), run that, so a budget stops a huge gather where it always did.
    const PYTHON_LOOP_PER_TASK: u64 = 200;
    let left = vm.total_budget.saturating_sub(vm.callback_floor);
    if left / PYTHON_LOOP_PER_TASK < args.items.len() as u64 {
        return Ok(Value::None);
    }
    let Some(task_cls) = aio.borrow().task.clone() else {
        return Ok(Value::None);
    };
    // `Task(coro, loop=loop)` without the generic class call when it would reach the native
    // `__init__`'s plain case (checked as `init` does) on a plain new instance.
    let direct = task_cls.layout == crate::vm::object::Layout::Object
        && !task_cls.has_flag(crate::vm::object::tflags::NEW)
        && !task_cls.has_flag(crate::vm::object::tflags::ABSTRACT)
        && core::is_native_method(aio, &task_cls, "__init__", "Task.__init__")
        && core::is_native_method(aio, &task_cls, "_Task__step", "Task.__step")
        && aio
            .borrow()
            .future
            .as_ref()
            .is_some_and(|f| core::is_native_method(aio, f, "__init__", "Future.__init__"));
    let task_v = Value::Type(task_cls.clone());
    let kw: [(Rc<str>, Value); 3] = [
        (Rc::from("loop"), lp.clone()),
        (Rc::from("name"), Value::None),
        (Rc::from("context"), Value::None),
    ];
    for arg in args.items.iter() {
        // The AttributeError `_ensure_future`'s `isfuture(arg)` builds (futures::isfuture).
        core::skip_ids(vm, 1);
        let t = if direct {
            let t = vm.new_plain_instance(&task_cls);
            if let Some(ti) = core::inst(&t) {
                init_fast(vm, aio, ti, &t, arg, lp.clone(), Value::None, Value::None)?;
            }
            t
        } else {
            vm.call(&task_v, std::slice::from_ref(arg), &kw)?
        };
        if let Some(ti) = core::inst(&t) {
            set(ti, "_log_destroy_pending", Value::Bool(false));
        }
        let ctx = crate::modules::contextvars::capture(vm)?;
        futures::add_done_callback_to(vm, aio, &t, cb.clone(), ctx)?;
        children.items.borrow_mut().push(t);
    }
    Ok(lp)
}

/// `_gather_results(children)`: the list `gather`'s last `_done_callback` builds, when every
/// child is a future or task with the native `cancelled`/`exception`/`result` that finished
/// with a result: the same reads, and the same `_log_traceback = False` each marks. None
/// (nothing done) otherwise: the Python loop then builds it, cancelled children and
/// exceptions included.
fn n_gather_results(_vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let Some(Value::List(children)) = a.first() else {
        return Ok(Value::None);
    };
    let items = children.items.borrow().clone();
    for c in &items {
        let Some(ci) = core::inst(c) else {
            return Ok(Value::None);
        };
        let cls = ci.class();
        let plain = core::is_native_method(aio, &cls, "cancelled", "Future.cancelled")
            && core::is_native_method(aio, &cls, "exception", "Future.exception")
            && core::is_native_method(aio, &cls, "result", "Future.result")
            && futures::is_finished(aio, ci)
            && get(ci, "_exception").is_none();
        if !plain {
            return Ok(Value::None);
        }
    }
    let mut out = Vec::with_capacity(items.len());
    for c in &items {
        if let Some(ci) = core::inst(c) {
            set(ci, "_log_traceback", Value::Bool(false));
            out.push(get(ci, "_result"));
        }
    }
    Ok(Value::list(out))
}

/// The running loop when `gather`'s arguments may take the native path, else None.
fn gather_plain_loop(aio: &Aio) -> Option<Value> {
    if core::tracing(aio) {
        return None;
    }
    let lp = core::global(aio, "_running_loop");
    let li = core::inst(&lp)?;
    if !super::base_events::is_virtual_loop(aio, li) {
        return None;
    }
    let plain = matches!(get(li, "_task_factory"), Value::None)
        && matches!(get(li, "_closed"), Value::Bool(false))
        && matches!(get(li, "_debug"), Value::Bool(false))
        && !core::has_own(li, "create_task")
        && !core::has_own(li, "_check_closed");
    if !plain {
        return None;
    }
    let cls = li.class();
    let own = |name, which| original_global(aio, name, which).1;
    let task_is_task = match (core::global(aio, "Task"), &aio.borrow().task) {
        (Value::Type(a), Some(b)) => Rc::ptr_eq(&a, b),
        _ => false,
    };
    let isfuture_native = match (
        core::global(aio, "isfuture"),
        aio.borrow().natives.get("n.isfuture"),
    ) {
        (Value::Builtin(a), Some(Value::Builtin(b))) => Rc::ptr_eq(&a, b),
        _ => false,
    };
    let ok = task_is_task
        && isfuture_native
        && own("_ensure_future", "py._ensure_future")
        && own("iscoroutine", "py.iscoroutine")
        && own("_get_event_loop", "py._get_event_loop")
        && core::is_native_method(aio, &cls, "create_task", "py.BaseEventLoop.create_task")
        && core::is_native_method(aio, &cls, "_check_closed", "py.BaseEventLoop._check_closed");
    ok.then_some(lp)
}

fn step(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    core::self_inst(vm, a, "__step")?;
    let exc = core::arg_kw(a, k, 1, "exc");
    step_impl(vm, aio, &a[0], exc)?;
    Ok(Value::None)
}

fn wakeup(vm: &mut Vm, aio: &Aio, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    core::self_inst(vm, a, "task_wakeup")?;
    let fut = core::arg_kw(a, k, 1, "future");
    let r = match &fut {
        Value::Instance(i)
            if core::is_native_method(aio, &i.class(), "result", "Future.result") =>
        {
            futures::result_of(vm, aio, &fut)
        }
        _ => vm
            .call_method_by_name(&fut, "result", &[])
            .map(|v| v.unwrap_or(Value::None)),
    };
    match r {
        Ok(_) => step_impl(vm, aio, &a[0], Value::None)?,
        Err(e) => {
            // CPython's task_wakeup holds the exception it throws in until the step returns:
            // the locals its traceback keeps (a cancelled task's) die after the step, not at
            // the end of the `except` that caught it.
            let held = e.clone();
            step_impl(vm, aio, &a[0], Value::Instance(e))?;
            drop(held);
        }
    }
    Ok(Value::None)
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    vm.repr(v)
}

fn is_cancelled_error(aio: &Aio, v: &Value) -> bool {
    let Value::Instance(e) = v else { return false };
    match &aio.borrow().cancelled_error {
        Some(c) => e.class().is_subtype(c),
        None => false,
    }
}

/// `Future.<name>(task, ...)`: the base class's method, not a Task override.
fn future_method(vm: &mut Vm, aio: &Aio, name: &str, args: &[Value], kw: &KwArgs) -> PyResult<()> {
    let f = aio
        .borrow()
        .future
        .as_ref()
        .and_then(|c| c.lookup(name))
        .unwrap_or(Value::None);
    vm.call(&f, args, kw)?;
    Ok(())
}

pub(crate) fn finalize_dropped_agens(vm: &mut Vm, aio: &Aio, lp: &Value) -> PyResult<()> {
    // No async generator tracked or started since the last poll: the poll would find none
    // (and change nothing), so each task step skips the call.
    if vm.agens_tracked.get() == 0 && vm.agen_first_iter.borrow().is_empty() {
        return Ok(());
    }
    let poll = aio.borrow().agen_poll.clone();
    let fin = vm.call(&poll, &[lp.clone()], &[])?;
    if !fin.is_none() {
        for agen in vm.iter_to_vec(&fin)? {
            vm.call_method_by_name(lp, "_asyncgen_finalizer_hook", &[agen])?;
        }
    }
    Ok(())
}

/// `self._loop.call_soon(self.__step, exc, context=self._context)`.
fn step_soon_with(vm: &mut Vm, aio: &Aio, task: &Value, exc: Exc) -> PyResult<()> {
    let Some(me) = core::inst(task) else {
        return Ok(());
    };
    let lp = get(me, "_loop");
    let st = core::bound(aio, "Task.__step", task);
    let ctx = get(me, "_context");
    call_soon_on(vm, aio, &lp, st, vec![Value::Instance(exc)], ctx, true)?;
    Ok(())
}

fn loop_of(vm: &mut Vm, aio: &Aio, fut: &Value) -> PyResult<Value> {
    if let Value::Instance(i) = fut {
        if core::is_native_method(aio, &i.class(), "get_loop", "Future.get_loop") {
            let lp = get(i, "_loop");
            if lp.is_none() {
                return Err(vm.runtime_error("Future object is not initialized."));
            }
            return Ok(lp);
        }
    }
    let gl = core::global(aio, "_get_loop");
    vm.call(&gl, &[fut.clone()], &[])
}

/// What the coroutine yielded: a future to wait for, a bare `yield` (step again soon), or a
/// mistake (reported by stepping again with a RuntimeError).
fn after_yield(vm: &mut Vm, aio: &Aio, task: &Value, result: Value) -> PyResult<()> {
    let Some(me) = core::inst(task) else {
        return Ok(());
    };
    let blocking = core::getattr_or_none(vm, &result, "_asyncio_future_blocking")?;
    if !blocking.is_none() {
        let rl = loop_of(vm, aio, &result)?;
        if !rl.is(&get(me, "_loop")) {
            let msg = format!(
                "Task {} got Future {} attached to a different loop",
                repr(vm, task)?,
                repr(vm, &result)?
            );
            let e = vm.runtime_error(msg);
            return step_soon_with(vm, aio, task, e);
        }
        if truthy(vm, &blocking)? {
            if result.is(task) {
                let msg = format!("Task cannot await on itself: {}", repr(vm, task)?);
                let e = vm.runtime_error(msg);
                return step_soon_with(vm, aio, task, e);
            }
            match &result {
                Value::Instance(r) => set(r, "_asyncio_future_blocking", Value::Bool(false)),
                other => vm.setattr(
                    other,
                    &Value::str("_asyncio_future_blocking"),
                    Value::Bool(false),
                )?,
            }
            let wk = core::bound(aio, "Task.task_wakeup", task);
            let ctx = get(me, "_context");
            futures::add_done_callback_to(vm, aio, &result, wk, ctx)?;
            if core::tracing(aio) {
                let mut b = aio.borrow_mut();
                b.waiting
                    .entry(fut_key(&result))
                    .or_default()
                    .push(task.clone());
            }
            set(me, "_fut_waiter", result.clone());
            if truthy(vm, &get(me, "_must_cancel"))? {
                let m = vm.getattr_str(&result, "cancel")?;
                let msg = get(me, "_cancel_message");
                let r = vm.call(&m, &[], &[(Rc::from("msg"), msg)])?;
                if truthy(vm, &r)? {
                    set(me, "_must_cancel", Value::Bool(false));
                }
            }
            return Ok(());
        }
        let msg = format!(
            "yield was used instead of yield from in task {} with {}",
            repr(vm, task)?,
            repr(vm, &result)?
        );
        let e = vm.runtime_error(msg);
        return step_soon_with(vm, aio, task, e);
    }
    if result.is_none() {
        let lp = get(me, "_loop");
        let st = core::bound(aio, "Task.__step", task);
        let ctx = get(me, "_context");
        let pass = !ctx.is_none();
        call_soon_on(vm, aio, &lp, st, vec![], ctx, pass)?;
        return Ok(());
    }
    let msg = if matches!(&result, Value::Gen(g) if g.kind == GenKind::Generator) {
        format!(
            "yield was used instead of yield from for generator in task {} with {}",
            repr(vm, task)?,
            repr(vm, &result)?
        )
    } else {
        format!("Task got bad yield: {}", repr(vm, &result)?)
    };
    let e = vm.runtime_error(msg);
    step_soon_with(vm, aio, task, e)
}

enum Outcome {
    Yielded(Value),
    Returned(Value),
    Raised(Exc),
}

/// `coro.send(None)` / `coro.throw(exc)`.
fn resume(vm: &mut Vm, coro: &Value, exc: Value) -> PyResult<Outcome> {
    if let Value::Gen(g) = coro {
        let how = match exc {
            Value::None => Resume::Send(Value::None),
            Value::Instance(e) if e.exc().is_some() => Resume::Throw(e),
            other => {
                // coro.throw(non-exception) raises TypeError at the call.
                let m = vm.getattr_str(coro, "throw")?;
                return Ok(match vm.call(&m, &[other], &[]) {
                    Ok(v) => Outcome::Yielded(v),
                    Err(e) => stop_or_raise(vm, e),
                });
            }
        };
        return Ok(match vm.resume_nested(g, how)? {
            ResumeResult::Yielded(v) => Outcome::Yielded(v),
            ResumeResult::Returned(v) => Outcome::Returned(v),
            ResumeResult::Raised(e) => Outcome::Raised(e),
            ResumeResult::OutOfFuel => {
                Outcome::Raised(vm.runtime_error("the script ran out of fuel"))
            }
        });
    }
    let r = if exc.is_none() {
        vm.call_method_by_name(coro, "send", &[Value::None])
    } else {
        vm.call_method_by_name(coro, "throw", &[exc])
    };
    Ok(match r {
        Ok(Some(v)) => Outcome::Yielded(v),
        Ok(None) => Outcome::Raised(vm.attr_error(format!(
            "'{}' object has no attribute 'send'",
            vm.type_name(coro)
        ))),
        Err(e) => stop_or_raise(vm, e),
    })
}

fn stop_or_raise(vm: &mut Vm, e: Exc) -> Outcome {
    if vm.exc_matches(&e, ExcKind::StopIteration) {
        Outcome::Returned(crate::vm::exceptions::stop_value(&e))
    } else {
        Outcome::Raised(e)
    }
}

fn body(
    vm: &mut Vm,
    aio: &Aio,
    task: &Value,
    coro: &Value,
    lp: &Value,
    exc: Value,
) -> PyResult<()> {
    let Some(me) = core::inst(task) else {
        return Ok(());
    };
    let out = resume(vm, coro, exc)?;
    match out {
        Outcome::Returned(v) => {
            finalize_dropped_agens(vm, aio, lp)?;
            if truthy(vm, &get(me, "_must_cancel"))? {
                set(me, "_must_cancel", Value::Bool(false));
                let msg = get(me, "_cancel_message");
                future_method(
                    vm,
                    aio,
                    "cancel",
                    &[task.clone()],
                    &[(Rc::from("msg"), msg)],
                )?;
            } else {
                futures::set_result_of(vm, aio, task, v)?;
            }
        }
        Outcome::Raised(e) => {
            let ev = Value::Instance(e.clone());
            if is_cancelled_error(aio, &ev) {
                finalize_dropped_agens(vm, aio, lp)?;
                set(me, "_cancelled_exc", ev);
                future_method(vm, aio, "cancel", &[task.clone()], &[])?;
            } else if vm.exc_matches(&e, ExcKind::KeyboardInterrupt)
                || vm.exc_matches(&e, ExcKind::SystemExit)
            {
                future_method(vm, aio, "set_exception", &[task.clone(), ev], &[])?;
                return Err(e);
            } else {
                finalize_dropped_agens(vm, aio, lp)?;
                future_method(vm, aio, "set_exception", &[task.clone(), ev], &[])?;
            }
        }
        Outcome::Yielded(result) => {
            finalize_dropped_agens(vm, aio, lp)?;
            after_yield(vm, aio, task, result)?;
            return Ok(());
        }
    }
    // Done, however it ended: from here the task lives as long as what refers to it (the
    // handles of its done callbacks, the script's variables), as in CPython's WeakSet.
    let weaken = core::global(aio, "_all_tasks_weaken");
    vm.call(&weaken, std::slice::from_ref(task), &[])?;
    Ok(())
}

/// `Task.__step(exc=None)`.
pub fn step_impl(vm: &mut Vm, aio: &Aio, task: &Value, mut exc: Value) -> PyResult<()> {
    let Some(me) = core::inst(task) else {
        return Err(vm.type_error("descriptor '__step' requires a Task"));
    };
    if !futures::is_pending(aio, me) {
        let msg = format!(
            "_step(): already done: {}, {}",
            repr(vm, task)?,
            repr(vm, &exc)?
        );
        let cls = aio.borrow().invalid_state.clone();
        return Err(core::py_exc(vm, &cls, &msg));
    }
    if truthy(vm, &get(me, "_must_cancel"))? {
        if !is_cancelled_error(aio, &exc) {
            exc = match vm.call_method_by_name(task, "_make_cancelled_error", &[])? {
                Some(v) => v,
                None => Value::None,
            };
        }
        set(me, "_must_cancel", Value::Bool(false));
    }
    let coro = get(me, "_coro");
    if core::tracing(aio) {
        forget_wait(aio, task, &get(me, "_fut_waiter"));
    }
    set(me, "_fut_waiter", Value::None);
    let lp = get(me, "_loop");
    enter_task(vm, aio, &lp, task)?;
    if core::tracing(aio) {
        core::trace(
            vm,
            aio,
            &[
                Value::str("task_state"),
                task.clone(),
                Value::str("running"),
                Value::None,
            ],
        )?;
    }
    let r = body(vm, aio, task, &coro, &lp, exc);
    if core::tracing(aio) {
        let f = core::global(aio, "_trace_task_state");
        vm.call(&f, &[task.clone()], &[])?;
    }
    leave_task(vm, aio, &lp, task)?;
    r
}

fn current_of(aio: &Aio, lp: &Value) -> Value {
    aio.borrow()
        .current
        .iter()
        .find(|(l, _)| l.is(lp))
        .map(|(_, t)| t.clone())
        .unwrap_or(Value::None)
}

/// `_enter_task(loop, task)`.
fn enter_task(vm: &mut Vm, aio: &Aio, lp: &Value, task: &Value) -> PyResult<()> {
    let cur = current_of(aio, lp);
    if !cur.is_none() {
        let msg = format!(
            "Cannot enter into task {} while another task {} is being executed.",
            repr(vm, task)?,
            repr(vm, &cur)?
        );
        return Err(vm.runtime_error(msg));
    }
    aio.borrow_mut().current.push((lp.clone(), task.clone()));
    Ok(())
}

/// `_leave_task(loop, task)`.
fn leave_task(vm: &mut Vm, aio: &Aio, lp: &Value, task: &Value) -> PyResult<()> {
    let cur = current_of(aio, lp);
    if !cur.is(task) {
        let msg = format!(
            "Leaving task {} does not match the current task {}.",
            repr(vm, task)?,
            repr(vm, &cur)?
        );
        return Err(vm.runtime_error(msg));
    }
    aio.borrow_mut().current.retain(|(l, _)| !l.is(lp));
    Ok(())
}

fn n_enter_task(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    enter_task(vm, aio, &core::arg(a, 0), &core::arg(a, 1))?;
    Ok(Value::None)
}

fn n_leave_task(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    leave_task(vm, aio, &core::arg(a, 0), &core::arg(a, 1))?;
    Ok(Value::None)
}

fn n_current_task(_vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(current_of(aio, &core::arg(a, 0)))
}

/// The key of a future in `Bound::waiting`: instances by their object id (never reused), any
/// other awaitable under 0 (found by identity among that key's tasks).
fn fut_key(fut: &Value) -> u64 {
    match fut {
        Value::Instance(i) => i.id,
        _ => 0,
    }
}

/// `task` stops waiting on `fut` (its next step starts).
fn forget_wait(aio: &Aio, task: &Value, fut: &Value) {
    if fut.is_none() {
        return;
    }
    let key = fut_key(fut);
    let mut b = aio.borrow_mut();
    if let Some(ts) = b.waiting.get_mut(&key) {
        if let Some(pos) = ts.iter().position(|t| t.is(task)) {
            ts.swap_remove(pos);
        }
        if ts.is_empty() {
            b.waiting.remove(&key);
        }
    }
}

/// `_task_waiting_on(fut)` (tracing runs only): the first task in `_all_tasks_list` that
/// waits on `fut` and is not done, or None, as a scan of the list finds it (the IO panel's
/// "wakes Task-N"), from the index `Task.__step` keeps.
fn n_task_waiting_on(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(task_waiting_on(vm, aio, &core::arg(a, 0)))
}

/// `_first_task_waiting_on(futs)`: `_task_waiting_on` of each of a list's items in turn, the
/// first task found (the IO panel asks it for each waiter a socket's handle can wake).
fn n_first_task_waiting_on(vm: &mut Vm, aio: &Aio, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let futs: Vec<Value> = match &core::arg(a, 0) {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    for f in &futs {
        let t = task_waiting_on(vm, aio, f);
        if !t.is_none() {
            return Ok(t);
        }
    }
    Ok(Value::None)
}

fn task_waiting_on(vm: &mut Vm, aio: &Aio, fut: &Value) -> Value {
    if fut.is_none() {
        return Value::None;
    }
    let fut = fut.clone();
    let found: Vec<Value> = {
        let b = aio.borrow();
        let Some(ts) = b.waiting.get(&fut_key(&fut)) else {
            return Value::None;
        };
        ts.iter()
            .filter(|t| match t {
                Value::Instance(i) => get(i, "_fut_waiter").is(&fut) && futures::is_pending(aio, i),
                _ => false,
            })
            .cloned()
            .collect()
    };
    if found.len() < 2 {
        return found.into_iter().next().unwrap_or(Value::None);
    }
    // Several tasks await the one future: the list's (creation) order decides.
    let all = aio
        .borrow()
        .ns
        .as_ref()
        .and_then(|ns| ns.get_str("_all_tasks_alive"));
    let Some(all) = all else {
        return Value::None;
    };
    let Ok(Value::List(l)) = vm.call(&all, &[], &[]) else {
        return Value::None;
    };
    let items = l.items.borrow();
    items
        .iter()
        .find(|t| found.iter().any(|f| f.is(t)))
        .cloned()
        .unwrap_or(Value::None)
}
