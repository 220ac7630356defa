//! `heapq`, with CPython's exact algorithms: the C sift loops of `_heapqmodule.c` (same
//! comparisons in the same order, so ties and user `__lt__` side effects match) and the Python
//! `nlargest` / `nsmallest` / `merge` of `heapq.py`, decorated tuples included.

use super::util::{check_kwargs, iter_type, make_iter};
use crate::vm::object::kw_get;
use crate::vm::value::PyList;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

fn heap_list(vm: &Vm, v: &Value, func: &str, one_arg: bool) -> PyResult<Rc<PyList>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => Err(vm.type_error(format!(
            "{func}() argument {}must be list, not {}",
            if one_arg { "" } else { "1 " },
            vm.type_name(other)
        ))),
    }
}

fn one_arg(vm: &Vm, func: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_heapq.{func}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn two_args(vm: &Vm, func: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("{func} expected 2 arguments, got {}", args.len())));
    }
    Ok(())
}

fn get(vm: &Vm, l: &PyList, i: usize) -> PyResult<Value> {
    l.items
        .borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| vm.runtime_error("list changed size during iteration"))
}

fn set(l: &PyList, i: usize, v: Value) {
    if let Some(slot) = l.items.borrow_mut().get_mut(i) {
        *slot = v;
    }
}

/// `a < b` for the min-heap, `b < a` for the max-heap (`_siftdown_max` and friends).
fn before(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        vm.lt(b, a)
    } else {
        vm.lt(a, b)
    }
}

fn check_size(vm: &Vm, l: &PyList, size: usize) -> PyResult<()> {
    if l.items.borrow().len() != size {
        return Err(vm.runtime_error("list changed size during iteration"));
    }
    Ok(())
}

/// `siftdown(heap, startpos, pos)`.
fn siftdown(vm: &mut Vm, l: &PyList, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.items.borrow().len();
    let newitem = get(vm, l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(vm, l, parentpos)?;
        let c = before(vm, &newitem, &parent, max)?;
        check_size(vm, l, size)?;
        if !c {
            break;
        }
        let parent = get(vm, l, parentpos)?;
        set(l, pos, parent);
        pos = parentpos;
    }
    set(l, pos, newitem);
    Ok(())
}

/// `siftup(heap, pos)`: move the smaller child up until hitting a leaf, then siftdown.
fn siftup(vm: &mut Vm, l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = l.items.borrow().len();
    let startpos = pos;
    let newitem = get(vm, l, pos)?;
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (c, r) = (get(vm, l, childpos)?, get(vm, l, childpos + 1)?);
            let lt = before(vm, &c, &r, max)?;
            if !lt {
                childpos += 1;
            }
            check_size(vm, l, endpos)?;
        }
        let c = get(vm, l, childpos)?;
        set(l, pos, c);
        pos = childpos;
    }
    set(l, pos, newitem);
    siftdown(vm, l, startpos, pos, max)
}

fn push(vm: &mut Vm, l: &PyList, item: Value) -> PyResult<()> {
    l.items.borrow_mut().push(item);
    let n = l.items.borrow().len();
    siftdown(vm, l, 0, n - 1, false)
}

fn pop(vm: &mut Vm, l: &PyList, max: bool) -> PyResult<Value> {
    let last = l.items.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if l.items.borrow().is_empty() {
        return Ok(last);
    }
    let ret = get(vm, l, 0)?;
    set(l, 0, last);
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn replace(vm: &mut Vm, l: &PyList, item: Value, max: bool) -> PyResult<Value> {
    if l.items.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = get(vm, l, 0)?;
    set(l, 0, item);
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heapify_list(vm: &mut Vm, l: &PyList, max: bool) -> PyResult<()> {
    let n = l.items.borrow().len();
    for i in (0..n / 2).rev() {
        siftup(vm, l, i, max)?;
    }
    Ok(())
}

fn heappush(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    two_args(vm, "heappush", args)?;
    let l = heap_list(vm, &args[0], "heappush", false)?;
    push(vm, &l, args[1].clone())?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    one_arg(vm, "heappop", args)?;
    let l = heap_list(vm, &args[0], "heappop", true)?;
    pop(vm, &l, false)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    two_args(vm, "heapreplace", args)?;
    let l = heap_list(vm, &args[0], "heapreplace", false)?;
    replace(vm, &l, args[1].clone(), false)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    two_args(vm, "heappushpop", args)?;
    let l = heap_list(vm, &args[0], "heappushpop", false)?;
    let item = args[1].clone();
    if l.items.borrow().is_empty() {
        return Ok(item);
    }
    let top = get(vm, &l, 0)?;
    if !vm.lt(&top, &item)? {
        return Ok(item);
    }
    if l.items.borrow().is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = get(vm, &l, 0)?;
    set(&l, 0, item);
    siftup(vm, &l, 0, false)?;
    Ok(ret)
}

fn heapify(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    one_arg(vm, "heapify", args)?;
    let l = heap_list(vm, &args[0], "heapify", true)?;
    heapify_list(vm, &l, false)?;
    Ok(Value::None)
}

fn heapify_max(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    one_arg(vm, "_heapify_max", args)?;
    let l = heap_list(vm, &args[0], "_heapify_max", true)?;
    heapify_list(vm, &l, true)?;
    Ok(Value::None)
}

fn heappop_max(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    one_arg(vm, "_heappop_max", args)?;
    let l = heap_list(vm, &args[0], "_heappop_max", true)?;
    pop(vm, &l, true)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    two_args(vm, "_heapreplace_max", args)?;
    let l = heap_list(vm, &args[0], "_heapreplace_max", false)?;
    replace(vm, &l, args[1].clone(), true)
}

/// `min(it, key=key)` / `max(...)`: the first extreme element, or None when empty.
fn extreme(vm: &mut Vm, it: &Value, key: &Value, largest: bool) -> PyResult<Option<Value>> {
    let mut best: Option<(Value, Value)> = None;
    while let Some(x) = vm.next(it)? {
        let k = if key.is_none() {
            x.clone()
        } else {
            vm.call(key, std::slice::from_ref(&x), &[])?
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                if largest {
                    vm.lt(bk, &k)?
                } else {
                    vm.lt(&k, bk)?
                }
            }
        };
        if better {
            best = Some((k, x));
        }
    }
    Ok(best.map(|(_, x)| x))
}

/// `list.sort()` / `sorted(..., reverse=)` with only `<`, stable (reverse keeps equal items in
/// their original order, as CPython's reverse-sort-reverse).
fn sort_by_key(vm: &mut Vm, items: Vec<Value>, key: &Value, reverse: bool) -> PyResult<Vec<Value>> {
    let mut dec = Vec::with_capacity(items.len());
    for x in items {
        let k = if key.is_none() {
            x.clone()
        } else {
            vm.call(key, std::slice::from_ref(&x), &[])?
        };
        dec.push((k, x));
    }
    let sorted = super::collections::stable_sort(vm, dec, &mut |vm, a, b| {
        if reverse {
            vm.lt(&b.0, &a.0)
        } else {
            vm.lt(&a.0, &b.0)
        }
    })?;
    Ok(sorted.into_iter().map(|(_, x)| x).collect())
}

fn n_best(vm: &mut Vm, args: &[Value], kw: &KwArgs, largest: bool) -> PyResult<Value> {
    let func = if largest { "nlargest" } else { "nsmallest" };
    check_kwargs(vm, func, kw, &["n", "iterable", "key"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "{func}() takes from 2 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let Some(n) = super::util::arg(args, kw, 0, "n") else {
        return Err(vm.type_error(format!(
            "{func}() missing 2 required positional arguments: 'n' and 'iterable'"
        )));
    };
    let Some(iterable) = super::util::arg(args, kw, 1, "iterable") else {
        return Err(vm.type_error(format!(
            "{func}() missing 1 required positional argument: 'iterable'"
        )));
    };
    let key = super::util::arg(args, kw, 2, "key").unwrap_or(Value::None);
    if matches!(n, Value::Int(1))
        || matches!(n, Value::Bool(true))
        || matches!(n, Value::Float(f) if f == 1.0)
    {
        let it = vm.get_iter(&iterable)?;
        return Ok(Value::list(
            extreme(vm, &it, &key, largest)?.into_iter().collect(),
        ));
    }
    // `len(iterable)` when it has one: n >= size means a plain sort.
    let t = vm.type_of(&iterable);
    let has_len = matches!(
        iterable,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(_)
            | Value::Bytes(_)
    ) || t.lookup("__len__").is_some();
    if has_len {
        let size = vm.len(&iterable)?;
        let ge = vm.compare(
            &n,
            &Value::Int(size as i64),
            crate::lang::bytecode::CompareKind::Ge,
        )?;
        if vm.truthy(&ge)? {
            let items = vm.iter_to_vec(&iterable)?;
            let mut sorted = sort_by_key(vm, items, &key, largest)?;
            let n = vm.to_index(&n)?.max(0) as usize;
            sorted.truncate(n);
            return Ok(Value::list(sorted));
        }
    }
    let n = vm.to_index(&n)?;
    let it = vm.get_iter(&iterable)?;
    // Decorate with the insertion order (0, 1, ... or 0, -1, ...) so ties keep it.
    let mut result = Vec::new();
    for i in 0..n.max(0) {
        let Some(elem) = vm.next(&it)? else { break };
        let order = Value::Int(if largest { -i } else { i });
        result.push(if key.is_none() {
            Value::tuple(vec![elem, order])
        } else {
            let k = vm.call(&key, std::slice::from_ref(&elem), &[])?;
            Value::tuple(vec![k, order, elem])
        });
    }
    if result.is_empty() {
        return Ok(Value::list(vec![]));
    }
    let heap = Rc::new(PyList::new(result));
    // nsmallest keeps a max-heap of the n best so far; nlargest a min-heap.
    let max = !largest;
    heapify_list(vm, &heap, max)?;
    let first = |vm: &Vm, h: &PyList| -> PyResult<Value> {
        match get(vm, h, 0)? {
            Value::Tuple(t) => Ok(t.items.first().cloned().unwrap_or_default()),
            other => Ok(other),
        }
    };
    let mut top = first(vm, &heap)?;
    let mut order = if largest { -n } else { n };
    while let Some(elem) = vm.next(&it)? {
        let k = if key.is_none() {
            elem.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&elem), &[])?
        };
        let better = if largest {
            vm.lt(&top, &k)?
        } else {
            vm.lt(&k, &top)?
        };
        if better {
            let entry = if key.is_none() {
                Value::tuple(vec![elem, Value::Int(order)])
            } else {
                Value::tuple(vec![k, Value::Int(order), elem])
            };
            replace(vm, &heap, entry, max)?;
            top = first(vm, &heap)?;
            order += if largest { -1 } else { 1 };
        }
    }
    let entries = heap.items.borrow().clone();
    let sorted = super::collections::stable_sort(vm, entries, &mut |vm, a, b| {
        if largest {
            vm.lt(b, a)
        } else {
            vm.lt(a, b)
        }
    })?;
    let out = sorted
        .into_iter()
        .map(|e| match e {
            Value::Tuple(t) if key.is_none() => t.items.first().cloned().unwrap_or_default(),
            Value::Tuple(t) => t.items.last().cloned().unwrap_or_default(),
            other => other,
        })
        .collect();
    Ok(Value::list(out))
}

fn nsmallest(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    n_best(vm, args, kw, false)
}
fn nlargest(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    n_best(vm, args, kw, true)
}

/// State of a `merge()` generator (heapq.py's algorithm as a state machine).
struct Merge {
    sources: Vec<Value>,
    key: Value,
    reverse: bool,
    started: bool,
    /// h[0]'s value was yielded: advance its iterator on the next step.
    pending: bool,
    heap: Rc<PyList>,
    /// The last iterator left: passed through without key calls (`yield from`).
    tail: Option<Value>,
}

/// Index of the iterator in a heap entry: `[value, order, it]` or `[key, order, value, it]`.
fn entry_parts(e: &Value) -> Option<Vec<Value>> {
    match e {
        Value::List(l) => Some(l.items.borrow().clone()),
        _ => None,
    }
}

impl Merge {
    fn step(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(t) = &self.tail {
            return vm.next(t);
        }
        let keyed = !self.key.is_none();
        if !self.started {
            self.started = true;
            let dir: i64 = if self.reverse { -1 } else { 1 };
            let sources = std::mem::take(&mut self.sources);
            for (order, src) in sources.iter().enumerate() {
                let it = vm.get_iter(src)?;
                if let Some(v) = vm.next(&it)? {
                    let o = Value::Int(order as i64 * dir);
                    let entry = if keyed {
                        let k = vm.call(&self.key, std::slice::from_ref(&v), &[])?;
                        vec![k, o, v, it]
                    } else {
                        vec![v, o, it]
                    };
                    self.heap.items.borrow_mut().push(Value::list(entry));
                }
            }
            heapify_list(vm, &self.heap, self.reverse)?;
        }
        if self.pending {
            self.pending = false;
            let s = get(vm, &self.heap, 0)?;
            let parts = entry_parts(&s).unwrap_or_default();
            let it = parts.last().cloned().unwrap_or_default();
            match vm.next(&it)? {
                None => {
                    pop(vm, &self.heap, self.reverse)?;
                }
                Some(v) => {
                    if let Value::List(l) = &s {
                        if keyed {
                            let k = vm.call(&self.key, std::slice::from_ref(&v), &[])?;
                            let mut items = l.items.borrow_mut();
                            if let Some(x) = items.get_mut(0) {
                                *x = k;
                            }
                            if let Some(x) = items.get_mut(2) {
                                *x = v;
                            }
                        } else if let Some(x) = l.items.borrow_mut().get_mut(0) {
                            *x = v;
                        }
                    }
                    replace(vm, &self.heap, s, self.reverse)?;
                }
            }
        }
        let n = self.heap.items.borrow().len();
        let value_of = |parts: &[Value]| {
            parts
                .get(if keyed { 2 } else { 0 })
                .cloned()
                .unwrap_or_default()
        };
        if n > 1 {
            let parts = entry_parts(&get(vm, &self.heap, 0)?).unwrap_or_default();
            self.pending = true;
            return Ok(Some(value_of(&parts)));
        }
        if n == 1 {
            let s = self.heap.items.borrow_mut().pop().unwrap_or_default();
            let parts = entry_parts(&s).unwrap_or_default();
            self.tail = parts.last().cloned();
            return Ok(Some(value_of(&parts)));
        }
        Ok(None)
    }
}

fn merge(vm: &mut Vm, args: &[Value], kw: &KwArgs, ty: &Rc<crate::vm::PyType>) -> PyResult<Value> {
    check_kwargs(vm, "merge", kw, &["key", "reverse"])?;
    let key = kw_get(kw, "key").cloned().unwrap_or(Value::None);
    let reverse = match kw_get(kw, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut st = Merge {
        sources: args.to_vec(),
        key,
        reverse,
        started: false,
        pending: false,
        heap: Rc::new(PyList::new(vec![])),
        tail: None,
    };
    Ok(make_iter(ty, move |vm| st.step(vm)))
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("heapq");
    vm.module_add_fn(&m, "heappush", heappush);
    vm.module_add_fn(&m, "heappop", heappop);
    vm.module_add_fn(&m, "heapreplace", heapreplace);
    vm.module_add_fn(&m, "heappushpop", heappushpop);
    vm.module_add_fn(&m, "heapify", heapify);
    vm.module_add_fn(&m, "_heapify_max", heapify_max);
    vm.module_add_fn(&m, "_heappop_max", heappop_max);
    vm.module_add_fn(&m, "_heapreplace_max", heapreplace_max);
    vm.module_add_fn(&m, "nsmallest", nsmallest);
    vm.module_add_fn(&m, "nlargest", nlargest);
    let gen_t = iter_type(vm, "generator", "heapq")?;
    let f = vm.new_closure("merge", move |vm, a, k| merge(vm, a, k, &gen_t));
    m.dict.set_str("merge", f);
    m.dict.set_str(
        "__all__",
        Value::list(
            [
                "heappush",
                "heappop",
                "heapify",
                "heapreplace",
                "merge",
                "nlargest",
                "nsmallest",
                "heappushpop",
            ]
            .iter()
            .map(|s| Value::str(s))
            .collect(),
        ),
    );
    Ok(m)
}
