//! `heapq`, with CPython's exact sift algorithms (so ties order as in CPython).

use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

fn heap_list(vm: &Vm, v: &Value) -> PyResult<Rc<crate::vm::value::PyList>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => Err(vm.type_error(format!(
            "heap argument must be a list, not {}",
            vm.type_name(other)
        ))),
    }
}

fn get(vm: &Vm, l: &crate::vm::value::PyList, i: usize) -> PyResult<Value> {
    l.items
        .borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| vm.runtime_error("list changed size during iteration"))
}

fn set(l: &crate::vm::value::PyList, i: usize, v: Value) {
    if let Some(slot) = l.items.borrow_mut().get_mut(i) {
        *slot = v;
    }
}

/// `_siftdown(heap, startpos, pos)`.
fn siftdown(
    vm: &mut Vm,
    l: &crate::vm::value::PyList,
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    let newitem = get(vm, l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(vm, l, parentpos)?;
        if vm.lt(&newitem, &parent)? {
            set(l, pos, parent);
            pos = parentpos;
            continue;
        }
        break;
    }
    set(l, pos, newitem);
    Ok(())
}

/// `_siftup(heap, pos)`.
fn siftup(vm: &mut Vm, l: &crate::vm::value::PyList, mut pos: usize) -> PyResult<()> {
    let endpos = l.items.borrow().len();
    let startpos = pos;
    let newitem = get(vm, l, pos)?;
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos {
            let (c, r) = (get(vm, l, childpos)?, get(vm, l, rightpos)?);
            if !vm.lt(&c, &r)? {
                childpos = rightpos;
            }
        }
        let c = get(vm, l, childpos)?;
        set(l, pos, c);
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    set(l, pos, newitem);
    siftdown(vm, l, startpos, pos)
}

fn heappush(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("heappush", args, 2, 2)?;
    let l = heap_list(vm, &args[0])?;
    l.items.borrow_mut().push(args[1].clone());
    let n = l.items.borrow().len();
    siftdown(vm, &l, 0, n - 1)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("heappop", args, 1, 1)?;
    let l = heap_list(vm, &args[0])?;
    let last = l.items.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if l.items.borrow().is_empty() {
        return Ok(last);
    }
    let ret = get(vm, &l, 0)?;
    set(&l, 0, last);
    siftup(vm, &l, 0)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("heapreplace", args, 2, 2)?;
    let l = heap_list(vm, &args[0])?;
    if l.items.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = get(vm, &l, 0)?;
    set(&l, 0, args[1].clone());
    siftup(vm, &l, 0)?;
    Ok(ret)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("heappushpop", args, 2, 2)?;
    let l = heap_list(vm, &args[0])?;
    let mut item = args[1].clone();
    if !l.items.borrow().is_empty() {
        let top = get(vm, &l, 0)?;
        if vm.lt(&top, &item)? {
            set(&l, 0, item);
            item = top;
            siftup(vm, &l, 0)?;
        }
    }
    Ok(item)
}

fn heapify(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("heapify", args, 1, 1)?;
    let l = heap_list(vm, &args[0])?;
    let n = l.items.borrow().len();
    for i in (0..n / 2).rev() {
        siftup(vm, &l, i)?;
    }
    Ok(Value::None)
}

fn nsmallest_largest(vm: &mut Vm, args: &[Value], kw: &KwArgs, largest: bool) -> PyResult<Value> {
    vm.check_args("nsmallest", args, 2, 2)?;
    let n = vm.to_int(&args[0])?.max(0) as usize;
    let mut items = vm.iter_to_vec(&args[1])?;
    vm.sort_values(&mut items, crate::vm::kw_get(kw, "key"), largest)?;
    items.truncate(n);
    Ok(Value::list(items))
}

fn nsmallest(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    nsmallest_largest(vm, args, kw, false)
}
fn nlargest(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    nsmallest_largest(vm, args, kw, true)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("heapq");
    vm.module_add_fn(&m, "heappush", heappush);
    vm.module_add_fn(&m, "heappop", heappop);
    vm.module_add_fn(&m, "heapreplace", heapreplace);
    vm.module_add_fn(&m, "heappushpop", heappushpop);
    vm.module_add_fn(&m, "heapify", heapify);
    vm.module_add_fn(&m, "nsmallest", nsmallest);
    vm.module_add_fn(&m, "nlargest", nlargest);
    Ok(m)
}
