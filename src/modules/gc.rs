//! `gc`: loopscope frees objects by reference counting alone (no cycle collector), so
//! `collect()` finds nothing to free and says 0; the switches are kept for scripts that
//! toggle them.

use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("gc");
    vm.module_add_fn(&m, "collect", collect);
    vm.module_add_fn(&m, "enable", enable);
    vm.module_add_fn(&m, "disable", disable);
    vm.module_add_fn(&m, "isenabled", isenabled);
    Ok(m)
}

fn collect(_vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn enable(_vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    ENABLED.with(|e| e.set(true));
    Ok(Value::None)
}

fn disable(_vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    ENABLED.with(|e| e.set(false));
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(ENABLED.with(|e| e.get())))
}
