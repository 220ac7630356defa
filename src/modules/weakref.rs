//! `weakref`: `ref` and `WeakValueDictionary` (weakref.py) over `_weakref`'s handles, which
//! hold an object by `Rc::downgrade`, so a reference dies exactly when CPython's would (the
//! object's last strong reference goes; there is no cycle collector here, so objects in
//! cycles never die, as `vm/finalize.rs` says).
//!
//! What is not there: callbacks (a dying object cannot reach the VM from its `Drop`, see
//! `vm/finalize.rs`), so `ref(obj, callback)` raises; `logging`, the reason this module exists,
//! is given a copy that passes none (src/modules/logging.py says why nothing differs).
//! Only instances of classes can be referred to: CPython refuses int, str, list, dict, tuple
//! too (with the same message); functions, classes and modules, which CPython accepts, are
//! refused with a message that says it is loopscope's limit.

use super::util::arg;
use crate::vm::object::PyInstance;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::{Rc, Weak};

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let handle = vm.new_native_class("_handle", "_weakref", &[], None)?;
    let m = vm.new_module("_weakref");
    let h = handle.clone();
    let new = vm.new_closure("_new", move |vm, args, kw| new_handle(vm, &h, args, kw));
    m.dict.set_str("_new", new);
    vm.module_add_fn(&m, "_get", get);
    let text = fetched_py!("src/modules/weakref.py").text(vm, "weakref")?;
    let pm = super::pysource::load_with(
        vm,
        "weakref",
        "<loopscope>/weakref.py",
        &text,
        &[("_weakref", Value::Module(m))],
    )?;
    Ok(pm)
}

struct Handle(Weak<PyInstance>);

/// `_new(obj)`: a handle on `obj` that does not keep it alive.
fn new_handle(
    vm: &mut Vm,
    cls: &Rc<crate::vm::object::PyType>,
    args: &[Value],
    kw: &KwArgs,
) -> PyResult<Value> {
    match arg(args, kw, 0, "obj") {
        Some(Value::Instance(i)) => {
            Ok(vm.new_native_instance(cls, Box::new(Handle(Rc::downgrade(&i)))))
        }
        Some(v) => {
            let name = vm.type_name(&v);
            // The types CPython refuses too, in its words; the others it would accept.
            let cpython_refuses = matches!(
                v,
                Value::None
                    | Value::Bool(_)
                    | Value::Int(_)
                    | Value::Float(_)
                    | Value::Str(_)
                    | Value::Bytes(_)
                    | Value::Tuple(_)
                    | Value::List(_)
                    | Value::Dict(_)
            );
            Err(vm.type_error(if cpython_refuses {
                format!("cannot create weak reference to '{name}' object")
            } else {
                format!("loopscope: weak references to '{name}' objects are not supported")
            }))
        }
        None => Err(vm.type_error("_new() needs an object")),
    }
}

/// `_get(handle)`: the object, or None once it has died.
fn get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(Value::Instance(h)) = args.first() else {
        return Err(vm.type_error("_get() needs a handle"));
    };
    let Some(handle) = h.native::<Handle>() else {
        return Err(vm.type_error("_get() needs a handle"));
    };
    Ok(handle
        .0
        .upgrade()
        .map(Value::Instance)
        .unwrap_or(Value::None))
}
