//! `bisect`: CPython 3.11's `_bisect` (bisect_right compares `x < a[mid]`, bisect_left
//! `a[mid] < x`, with the optional `key`), and the insort functions.

use super::util::{arg, check_kwargs, seq_get, seq_len};
use crate::vm::object::kw_get;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

struct Args {
    a: Value,
    x: Value,
    lo: usize,
    hi: usize,
    key: Value,
}

fn parse(vm: &mut Vm, name: &str, args: &[Value], kw: &KwArgs) -> PyResult<Args> {
    check_kwargs(vm, name, kw, &["a", "x", "lo", "hi", "key"])?;
    if args.len() > 4 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 4 positional arguments ({} given)",
            args.len()
        )));
    }
    let Some(a) = arg(args, kw, 0, "a") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'a' (pos 1)")));
    };
    let Some(x) = arg(args, kw, 1, "x") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'x' (pos 2)")));
    };
    let lo = match arg(args, kw, 2, "lo") {
        Some(v) => vm.to_index(&v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match arg(args, kw, 3, "hi") {
        None | Some(Value::None) => seq_len(vm, &a)? as i64,
        Some(v) => vm.to_index(&v)?,
    };
    let key = kw_get(kw, "key").cloned().unwrap_or(Value::None);
    Ok(Args {
        a,
        x,
        lo: lo as usize,
        hi: hi.max(0) as usize,
        key,
    })
}

fn search(vm: &mut Vm, p: &Args, right: bool, x_is_key: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (p.lo, p.hi);
    // insort with a key compares key(x); bisect with a key compares x itself.
    let x = if x_is_key && !p.key.is_none() {
        vm.call(&p.key, std::slice::from_ref(&p.x), &[])?
    } else {
        p.x.clone()
    };
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = seq_get(vm, &p.a, mid)?;
        let item = if p.key.is_none() {
            item
        } else {
            vm.call(&p.key, &[item], &[])?
        };
        let go_left = if right {
            vm.lt(&x, &item)?
        } else {
            !vm.lt(&item, &x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let p = parse(vm, "bisect_right", args, kw)?;
    Ok(Value::Int(search(vm, &p, true, false)? as i64))
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let p = parse(vm, "bisect_left", args, kw)?;
    Ok(Value::Int(search(vm, &p, false, false)? as i64))
}

fn insort(vm: &mut Vm, args: &[Value], kw: &KwArgs, right: bool) -> R {
    let p = parse(
        vm,
        if right { "insort_right" } else { "insort_left" },
        args,
        kw,
    )?;
    let i = search(vm, &p, right, true)?;
    match &p.a {
        Value::List(l) => {
            let mut items = l.items.borrow_mut();
            let at = i.min(items.len());
            items.insert(at, p.x.clone());
        }
        other => {
            vm.call_method_by_name(other, "insert", &[Value::Int(i as i64), p.x.clone()])?;
        }
    }
    Ok(Value::None)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    insort(vm, args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    insort(vm, args, kw, false)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("bisect");
    for (name, f) in [
        ("bisect_right", bisect_right as crate::vm::NativeFn),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ] {
        vm.module_add_fn(&m, name, f);
    }
    // `bisect` and `insort` are the same objects as the *_right functions (same repr).
    for (alias, name) in [("bisect", "bisect_right"), ("insort", "insort_right")] {
        if let Some(v) = m.dict.get_str(name) {
            m.dict.set_str(alias, v);
        }
    }
    Ok(m)
}
