//! Small helpers shared by the native modules: argument binding and common conversions.

use crate::vm::object::kw_get;
use crate::vm::{ExcKind, KwArgs, PyResult, Value, Vm};
use std::rc::Rc;

/// Positional-or-keyword argument `idx` named `name` (`None` when absent).
pub fn arg(args: &[Value], kw: &KwArgs, idx: usize, name: &str) -> Option<Value> {
    args.get(idx).cloned().or_else(|| kw_get(kw, name).cloned())
}

/// Reject keyword arguments not in `allowed`, with CPython's message.
pub fn check_kwargs(vm: &Vm, func: &str, kw: &KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&&**k) {
            return Err(vm.type_error(format!("{func}() got an unexpected keyword argument '{k}'")));
        }
    }
    Ok(())
}

/// `len(seq)` and `seq[i]` for any sequence (fast paths for list and tuple).
pub fn seq_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match v {
        Value::List(l) => Ok(l.items.borrow().len()),
        Value::Tuple(t) => Ok(t.items.len()),
        _ => vm.len(v),
    }
}

pub fn seq_get(vm: &mut Vm, v: &Value, i: usize) -> PyResult<Value> {
    match v {
        Value::List(l) => {
            if let Some(x) = l.items.borrow().get(i) {
                return Ok(x.clone());
            }
            Err(vm.index_error("list index out of range"))
        }
        Value::Tuple(t) => match t.items.get(i) {
            Some(x) => Ok(x.clone()),
            None => Err(vm.index_error("tuple index out of range")),
        },
        _ => vm.getitem(v, &Value::Int(i as i64)),
    }
}

/// `callable(v)`.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        Value::Instance(_) | Value::Native(_) => vm.type_of(v).lookup("__call__").is_some(),
        _ => false,
    }
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let it = args.first().cloned().unwrap_or_default();
    match vm.native_next(&it) {
        Some(Ok(Some(v))) => Ok(v),
        Some(Ok(None)) => Err(vm.new_error_args(ExcKind::StopIteration, vec![])),
        Some(Err(e)) => Err(e),
        None => Err(vm.type_error("descriptor '__next__' requires a native iterator")),
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

/// A class for Rust-driven iterators (`type(it).__name__` shows `name`).
pub fn iter_type(vm: &Vm, name: &str, module: &str) -> PyResult<Rc<crate::vm::PyType>> {
    let t = vm.new_native_class(name, module, &[], None)?;
    vm.add_method(&t, "__next__", iter_next);
    vm.add_method(&t, "__iter__", iter_self);
    Ok(t)
}

/// An iterator of class `ty` whose `__next__` runs `f` (`Ok(None)` = exhausted).
pub fn make_iter(
    ty: &Rc<crate::vm::PyType>,
    f: impl FnMut(&mut Vm) -> PyResult<Option<Value>> + 'static,
) -> Value {
    Value::Native(Rc::new(crate::vm::object::NativeObj {
        cls: ty.clone(),
        data: crate::vm::object::NativeData::FnIter(std::cell::RefCell::new(Box::new(f))),
    }))
}

/// The class `name` of the imported module `module` (a native module's exception class, found
/// where a script sees it, since native functions carry no module state).
pub fn module_type(vm: &Vm, module: &str, name: &str) -> Option<Rc<crate::vm::PyType>> {
    match vm.modules.get_str(module) {
        Some(Value::Module(m)) => match m.dict.get_str(name) {
            Some(Value::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}
