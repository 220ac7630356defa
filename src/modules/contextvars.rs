//! `contextvars`: Context, ContextVar, Token and copy_context, written in Python
//! (`contextvars.py`). asyncio's native loop uses [`capture`] where CPython calls
//! `contextvars.copy_context()` (handles, tasks, done callbacks) and [`enter`]/[`leave`] around
//! a callback, as CPython's `Handle._run` does with `self._context.run(...)`. Until a script
//! imports `contextvars` nothing is captured: no variable exists, so every context is empty.

use crate::vm::{PyModule, PyResult, Value, Vm};
use std::cell::Cell;
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/contextvars.py").text(vm, "contextvars")?;
    super::pysource::load(vm, "contextvars", "<loopscope>/contextvars.py", &text)
}

fn module(vm: &Vm) -> Option<Rc<PyModule>> {
    // Asked for every handle the loop makes: while the name is missing, remember the
    // table's version (which changes whenever a key is added) instead of hashing it again.
    let version = vm.modules.t.borrow().version;
    if version != 0 && ABSENT_AT.with(Cell::get) == version {
        return None;
    }
    match vm.modules.get_str("contextvars") {
        Some(Value::Module(m)) => Some(m),
        Some(_) => None,
        None => {
            ABSENT_AT.with(|a| a.set(version));
            None
        }
    }
}

thread_local! {
    /// The `sys.modules` table version at which "contextvars" was last found missing
    /// (versions are unique across a thread's tables).
    static ABSENT_AT: Cell<u64> = const { Cell::new(0) };
}

/// `contextvars.copy_context()`, or None while the module is not loaded.
pub fn capture(vm: &mut Vm) -> PyResult<Value> {
    let Some(m) = module(vm) else {
        return Ok(Value::None);
    };
    match m.dict.get_str("copy_context") {
        Some(f) => vm.call(&f, &[], &[]),
        None => Ok(Value::None),
    }
}

/// Make `ctx` the current context (the first half of `ctx.run(...)`); returns what to pass to
/// [`leave`]. A context that is already entered raises CPython's RuntimeError.
pub fn enter(vm: &mut Vm, ctx: &Value) -> PyResult<Option<Value>> {
    if ctx.is_none() {
        return Ok(None);
    }
    let Some(m) = module(vm) else {
        return Ok(None);
    };
    let entered = vm.getattr_str(ctx, "_entered")?;
    if vm.truthy(&entered)? {
        let r = vm.repr(ctx)?;
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    vm.setattr(ctx, &Value::str("_entered"), Value::Bool(true))?;
    let prev = m.dict.get_str("_current").unwrap_or(Value::None);
    m.dict.set_str("_current", ctx.clone());
    Ok(Some(prev))
}

/// Restore the context [`enter`] replaced.
pub fn leave(vm: &mut Vm, ctx: &Value, prev: Option<Value>) {
    let (Some(prev), Some(m)) = (prev, module(vm)) else {
        return;
    };
    m.dict.set_str("_current", prev);
    let _ = vm.setattr(ctx, &Value::str("_entered"), Value::Bool(false));
}
