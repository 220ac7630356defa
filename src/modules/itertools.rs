//! `itertools` (minimal): count, repeat, chain, islice.

use crate::vm::object::{kw_get, NativeData};
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

fn iter_of(
    vm: &Vm,
    name: &str,
    f: impl FnMut(&mut Vm) -> PyResult<Option<Value>> + 'static,
) -> Value {
    vm.new_native(name, NativeData::FnIter(RefCell::new(Box::new(f))))
}

fn count(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let start = kw_get(kw, "start")
        .or(args.first())
        .cloned()
        .unwrap_or(Value::Int(0));
    let step = kw_get(kw, "step")
        .or(args.get(1))
        .cloned()
        .unwrap_or(Value::Int(1));
    let mut cur = start;
    Ok(iter_of(vm, "itertools.count", move |vm| {
        let v = cur.clone();
        cur = vm.binary_op(&cur, &step, crate::lang::bytecode::BinaryOpKind::Add)?;
        Ok(Some(v))
    }))
}

fn repeat(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(obj) = args.first().cloned() else {
        return Err(vm.type_error("repeat() missing required argument 'object' (pos 1)"));
    };
    let times = match kw_get(kw, "times").or(args.get(1)) {
        Some(v) => Some(vm.to_int(v)?.max(0)),
        None => None,
    };
    let mut left = times;
    Ok(iter_of(vm, "itertools.count", move |_vm| {
        if let Some(n) = &mut left {
            if *n == 0 {
                return Ok(None);
            }
            *n -= 1;
        }
        Ok(Some(obj.clone()))
    }))
}

fn chain(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let sources: Vec<Value> = args.to_vec();
    let mut idx = 0usize;
    let mut cur: Option<Value> = None;
    Ok(iter_of(vm, "itertools.count", move |vm| loop {
        if cur.is_none() {
            let Some(s) = sources.get(idx) else {
                return Ok(None);
            };
            idx += 1;
            cur = Some(vm.get_iter(s)?);
        }
        if let Some(it) = &cur {
            match vm.next(it)? {
                Some(v) => return Ok(Some(v)),
                None => cur = None,
            }
        }
    }))
}

fn islice(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("islice", args, 2, 4)?;
    let it = vm.get_iter(&args[0])?;
    let opt = |vm: &mut Vm, v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(vm.to_int(v)?)),
        }
    };
    let (start, stop, step) = if args.len() == 2 {
        (0, opt(vm, args.get(1))?, 1)
    } else {
        (
            opt(vm, args.get(1))?.unwrap_or(0),
            opt(vm, args.get(2))?,
            opt(vm, args.get(3))?.unwrap_or(1),
        )
    };
    if step <= 0 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let mut pos = 0i64;
    let mut next_wanted = start;
    Ok(iter_of(vm, "itertools.count", move |vm| loop {
        if let Some(s) = stop {
            if next_wanted >= s {
                return Ok(None);
            }
        }
        let Some(v) = vm.next(&it)? else {
            return Ok(None);
        };
        let p = pos;
        pos += 1;
        if p == next_wanted {
            next_wanted += step;
            return Ok(Some(v));
        }
    }))
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("itertools");
    vm.module_add_fn(&m, "count", count);
    vm.module_add_fn(&m, "repeat", repeat);
    vm.module_add_fn(&m, "chain", chain);
    vm.module_add_fn(&m, "islice", islice);
    Ok(m)
}
