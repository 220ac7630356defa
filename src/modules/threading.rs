//! `threading`, `queue` and `concurrent.futures`: CPython 3.11's Python sources re-told
//! (same names, messages, thread names) on the `_thread` module of loopscope's deterministic
//! thread model (`src/runtime/threads.rs`, which documents the model).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init_threading(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/threading.py").text(vm, "threading")?;
    super::pysource::load(vm, "threading", "<loopscope>/threading.py", &text)
}

pub fn init_queue(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/queue.py").text(vm, "queue")?;
    super::pysource::load(vm, "queue", "<loopscope>/queue.py", &text)
}

/// `concurrent` is a package with nothing but `futures` in it.
pub fn init_concurrent(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    Ok(vm.new_module("concurrent"))
}

pub fn init_futures(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/concurrent_futures.py").text(vm, "concurrent.futures")?;
    super::pysource::load(
        vm,
        "concurrent.futures",
        "<loopscope>/concurrent/futures/__init__.py",
        &text,
    )
}

pub fn register(vm: &mut Vm) {
    vm.register_module("_thread", crate::runtime::threads::init);
    vm.register_module("threading", init_threading);
    vm.register_module("queue", init_queue);
    vm.register_module("concurrent", init_concurrent);
    vm.register_module("concurrent.futures", init_futures);
}
