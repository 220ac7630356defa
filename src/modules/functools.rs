//! `functools` (minimal): wraps, partial, reduce.

use crate::vm::object::kw_get;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

const ASSIGNED: [&str; 5] = [
    "__module__",
    "__name__",
    "__qualname__",
    "__doc__",
    "__dict__",
];

/// `functools.update_wrapper(wrapper, wrapped)`.
fn update_wrapper(vm: &mut Vm, wrapper: &Value, wrapped: &Value) -> PyResult<()> {
    for attr in ASSIGNED {
        let name = Value::str(attr);
        let Some(v) = vm.getattr_opt(wrapped, &name)? else {
            continue;
        };
        if attr == "__dict__" {
            if let Value::Dict(d) = &v {
                for (k, x) in d.t.borrow().items() {
                    if let Value::Str(_) = &k {
                        vm.setattr(wrapper, &k, x)?;
                    }
                }
            }
            continue;
        }
        if attr == "__doc__" && v.is_none() {
            continue;
        }
        let _ = vm.setattr(wrapper, &name, v);
    }
    vm.setattr(wrapper, &Value::str("__wrapped__"), wrapped.clone())?;
    Ok(())
}

fn wraps(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("wraps", args, 1, 1)?;
    let wrapped = args[0].clone();
    Ok(vm.new_closure("update_wrapper", move |vm, a, _| {
        vm.check_args("update_wrapper", a, 1, 1)?;
        update_wrapper(vm, &a[0], &wrapped)?;
        Ok(a[0].clone())
    }))
}

fn update_wrapper_fn(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("update_wrapper", args, 2, 2)?;
    update_wrapper(vm, &args[0], &args[1])?;
    Ok(args[0].clone())
}

fn partial(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(func) = args.first().cloned() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    let bound: Vec<Value> = args[1..].to_vec();
    let bound_kw: Vec<(Rc<str>, Value)> = kw.to_vec();
    Ok(vm.new_closure("partial", move |vm, a, k| {
        let mut all = bound.clone();
        all.extend_from_slice(a);
        let mut kws = bound_kw.clone();
        for (n, v) in k {
            if let Some(slot) = kws.iter_mut().find(|(m, _)| m == n) {
                slot.1 = v.clone();
            } else {
                kws.push((n.clone(), v.clone()));
            }
        }
        vm.call(&func, &all, &kws)
    }))
}

fn reduce(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("reduce", args, 2, 3)?;
    let items = vm.iter_to_vec(&args[1])?;
    let mut it = items.into_iter();
    let mut acc = match args.get(2) {
        Some(v) => v.clone(),
        None => match it.next() {
            Some(v) => v,
            None => return Err(vm.type_error("reduce() of empty iterable with no initial value")),
        },
    };
    for x in it {
        acc = vm.call(&args[0], &[acc, x], &[])?;
    }
    Ok(acc)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("functools");
    vm.module_add_fn(&m, "wraps", wraps);
    vm.module_add_fn(&m, "update_wrapper", update_wrapper_fn);
    vm.module_add_fn(&m, "partial", partial);
    vm.module_add_fn(&m, "reduce", reduce);
    let _ = kw_get;
    Ok(m)
}
