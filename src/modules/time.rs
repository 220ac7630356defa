//! `time` on the VM's clock: virtual by default (starts at 0.0, `sleep` advances it).
//! The clock functions are natives; the calendar and formatting half (`struct_time`,
//! `gmtime`, `strftime`, ...) is Python source, time.py.

use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// The monotonic clocks count from the run's start, with the thread model caught up first.
fn monotonic_secs(vm: &mut Vm) -> f64 {
    // With threads the clock also counts CPU time (src/runtime/threads.rs).
    if let Some(t) = vm.threads.clone() {
        t.sync_clock(vm);
    }
    vm.clock.now()
}

/// `time.time()` is the Unix time.
fn unix_secs(vm: &mut Vm) -> f64 {
    monotonic_secs(vm) + vm.clock.epoch()
}

fn ns(secs: f64) -> Value {
    Value::Int((secs * 1e9).round() as i64)
}

fn now(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(monotonic_secs(vm)))
}

fn now_ns(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(ns(monotonic_secs(vm)))
}

fn wall(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(unix_secs(vm)))
}

fn wall_ns(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(ns(unix_secs(vm)))
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("sleep", args, 1, 1)?;
    let s = match &args[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if let Some(t) = vm.threads.clone() {
        // Other threads run while this one sleeps.
        return t.sleep(vm, s);
    }
    vm.clock.sleep(s);
    Ok(Value::None)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/time.py").text(vm, "time")?;
    let marker = super::pysource::c_type_marker(vm);
    let m = super::pysource::load_with(
        vm,
        "time",
        "<loopscope>/time.py",
        &text,
        &[("_c_type", marker)],
    )?;
    vm.module_add_fn(&m, "time", wall);
    vm.module_add_fn(&m, "time_ns", wall_ns);
    for name in ["monotonic", "perf_counter", "process_time"] {
        vm.module_add_fn(&m, name, now);
    }
    for name in ["monotonic_ns", "perf_counter_ns"] {
        vm.module_add_fn(&m, name, now_ns);
    }
    vm.module_add_fn(&m, "sleep", sleep);
    // CPython's are built-in functions, which a class attribute does not bind:
    // `logging.Formatter.converter = time.gmtime` is called as `self.converter(secs)`.
    for name in [
        "gmtime",
        "localtime",
        "mktime",
        "asctime",
        "ctime",
        "strftime",
    ] {
        if let Some(f) = m.dict.get_str(name) {
            m.dict.set_str(
                name,
                vm.new_module_closure(&m, name, move |vm, a, k| vm.call(&f, a, k)),
            );
        }
    }
    Ok(m)
}
