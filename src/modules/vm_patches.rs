//! Small VM capabilities the modules need, registered at VM start (see the modules report; the
//! VM helper may fold them into the VM proper).
//!
//! * `await agen.asend(v)` / `await anext(agen)` / `await agen.athrow(...)`: the awaitables of
//!   async generators get an `__await__` returning themselves (CPython's `am_await`), so code
//!   such as contextlib's `_AsyncGeneratorContextManager` can await them directly.

use crate::vm::{KwArgs, PyResult, Value, Vm};

fn await_self(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

pub fn register(vm: &mut Vm) {
    for name in ["async_generator_asend", "async_generator_athrow"] {
        if let Some(t) = vm.types.misc.get(name).cloned() {
            if t.lookup("__await__").is_none() {
                vm.add_method(&t, "__await__", await_self);
            }
        }
    }
}
