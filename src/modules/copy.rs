//! `copy`: `copy(x)` and `deepcopy(x, memo=None)` for the built-in containers, the collections
//! types and instances of Python classes (`__copy__` / `__deepcopy__` honoured, otherwise a new
//! instance without `__init__` whose `__dict__` is copied, as `copy._reconstruct` does).
//! Deep copies keep a memo (shared and cyclic structures stay shared/cyclic) and count their
//! nesting against the recursion limit.

use super::collections::{Deque, DictBox, NtData};
use crate::vm::dict::PyDict;
use crate::vm::object::{Ext, PyInstance};
use crate::vm::value::PyTuple;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use std::collections::HashMap;
use std::rc::Rc;

type R = PyResult<Value>;

/// Immutable atoms: copying returns the object itself.
fn is_atomic(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Null
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Slice(_)
            | Value::Func(_)
            | Value::Builtin(_)
            | Value::Type(_)
            | Value::Module(_)
            | Value::Code(_)
            | Value::Cell(_)
    )
}

fn error_copy(vm: &Vm, v: &Value) -> crate::vm::Exc {
    vm.type_error(format!("cannot pickle '{}' object", vm.type_name(v)))
}

/// A new instance of `inst`'s class without `__init__` (exceptions keep their args).
fn blank_like(vm: &Vm, inst: &Rc<PyInstance>) -> Value {
    let cls = inst.class();
    let v = vm.new_plain_instance(&cls);
    if let (Some(src), Value::Instance(dst)) = (inst.exc(), &v) {
        if let Some(d) = dst.exc() {
            d.borrow_mut().args = src.borrow().args.clone();
        }
    }
    v
}

fn shallow(vm: &mut Vm, x: &Value) -> R {
    if is_atomic(x) {
        return Ok(x.clone());
    }
    match x {
        Value::List(l) => Ok(Value::list(l.items.borrow().clone())),
        Value::Tuple(_) => Ok(x.clone()),
        Value::Dict(d) => Ok(Value::Dict(Rc::new(copy_dict(d)))),
        Value::Set(s) => {
            if s.frozen {
                return Ok(x.clone());
            }
            let items = s.items();
            vm.new_set(items, false)
        }
        Value::Instance(inst) => {
            let t = vm.type_of(x);
            if let Some(f) = t.lookup("__copy__") {
                return vm.call_descr(&f, x, &t, &[]);
            }
            if let Some(nt) = inst.native::<NtData>().map(|d| d.t.clone()) {
                return Ok(vm.new_native_instance(&t, Box::new(NtData { t: nt })));
            }
            if matches!(inst.ext, Ext::Native(_)) {
                return Err(error_copy(vm, x));
            }
            if let Ext::Builtin(p) = &inst.ext {
                // A subclass of a built-in type: a copy of the value it carries, and its
                // attributes.
                let p = shallow(vm, p)?;
                let new = vm.new_payload_instance(&t, p);
                if let Value::Instance(n) = &new {
                    crate::vm::live_dict::copy_attrs(inst, n);
                }
                return Ok(new);
            }
            let new = blank_like(vm, inst);
            if let Value::Instance(n) = &new {
                crate::vm::live_dict::copy_attrs(inst, n);
            }
            Ok(new)
        }
        _ => Err(error_copy(vm, x)),
    }
}

fn copy_dict(d: &PyDict) -> PyDict {
    let n = PyDict::new();
    for e in d.t.borrow().iter() {
        n.t.borrow_mut()
            .insert_new(e.hash, e.key.clone(), e.value.clone());
    }
    n
}

fn copy_fn(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("copy", args, 1, 1)?;
    shallow(vm, &args[0])
}

struct Deep {
    /// id -> (original, copy): the original is kept alive so its address stays unique.
    memo: HashMap<usize, (Value, Value)>,
    /// The Python-visible memo dict when the caller passed one (`__deepcopy__(memo)`).
    memo_dict: Option<Value>,
}

fn key_of(v: &Value) -> Option<usize> {
    v.ptr()
}

fn deep(vm: &mut Vm, x: &Value, st: &mut Deep) -> R {
    if is_atomic(x) {
        return Ok(x.clone());
    }
    let key = key_of(x);
    if let Some(k) = key {
        if let Some((_, v)) = st.memo.get(&k) {
            return Ok(v.clone());
        }
    }
    vm.enter_native()?;
    let r = deep_inner(vm, x, st);
    vm.leave_native();
    let v = r?;
    if let Some(k) = key {
        st.memo.insert(k, (x.clone(), v.clone()));
    }
    Ok(v)
}

fn remember(st: &mut Deep, x: &Value, y: &Value) {
    if let Some(k) = key_of(x) {
        st.memo.insert(k, (x.clone(), y.clone()));
    }
}

fn deep_inner(vm: &mut Vm, x: &Value, st: &mut Deep) -> R {
    match x {
        Value::List(l) => {
            let y = Value::list(Vec::new());
            remember(st, x, &y);
            let items = l.items.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(deep(vm, it, st)?);
            }
            if let Value::List(yl) = &y {
                *yl.items.borrow_mut() = out;
            }
            Ok(y)
        }
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.items.len());
            for it in t.items.iter() {
                out.push(deep(vm, it, st)?);
            }
            // A tuple of unchanged items is returned as is (and a cycle through it resolves
            // to the copy made meanwhile).
            if let Some(k) = key_of(x) {
                if let Some((_, v)) = st.memo.get(&k) {
                    return Ok(v.clone());
                }
            }
            if out.iter().zip(t.items.iter()).all(|(a, b)| a.is(b)) {
                return Ok(x.clone());
            }
            Ok(Value::Tuple(Rc::new(PyTuple::new(out))))
        }
        Value::Dict(d) => {
            let nd = Rc::new(PyDict::new());
            let y = Value::Dict(nd.clone());
            remember(st, x, &y);
            for (k, v) in d.t.borrow().items() {
                let k2 = deep(vm, &k, st)?;
                let v2 = deep(vm, &v, st)?;
                vm.dict_set(&nd, k2, v2)?;
            }
            Ok(y)
        }
        Value::Set(s) => {
            let mut out = Vec::new();
            for it in s.items() {
                out.push(deep(vm, &it, st)?);
            }
            vm.new_set(out, s.frozen)
        }
        Value::Instance(inst) => {
            let t = vm.type_of(x);
            if let Some(f) = t.lookup("__deepcopy__") {
                let memo = match &st.memo_dict {
                    Some(m) => m.clone(),
                    None => {
                        let m = Value::Dict(Rc::new(PyDict::new()));
                        st.memo_dict = Some(m.clone());
                        m
                    }
                };
                return vm.call_descr(&f, x, &t, &[memo]);
            }
            if let Some(items) = inst.native::<NtData>().map(|d| d.t.items.to_vec()) {
                let mut out = Vec::with_capacity(items.len());
                for it in &items {
                    out.push(deep(vm, it, st)?);
                }
                return Ok(vm.new_native_instance(
                    &t,
                    Box::new(NtData {
                        t: Rc::new(PyTuple::new(out)),
                    }),
                ));
            }
            if let Some((items, maxlen)) =
                inst.native::<Deque>().map(|d| (d.items.clone(), d.maxlen))
            {
                let y = vm.new_native_instance(
                    &t,
                    Box::new(Deque {
                        items: Default::default(),
                        maxlen,
                        state: 0,
                    }),
                );
                remember(st, x, &y);
                let mut out = std::collections::VecDeque::with_capacity(items.len());
                for it in items.iter() {
                    out.push_back(deep(vm, it, st)?);
                }
                if let Value::Instance(yi) = &y {
                    if let Some(mut d) = yi.native::<Deque>() {
                        d.items = out;
                    }
                }
                return Ok(y);
            }
            if let Some((d, factory)) = inst
                .native::<DictBox>()
                .map(|b| (b.d.clone(), b.factory.clone()))
            {
                let nd = Rc::new(PyDict::new());
                let y = vm.new_native_instance(
                    &t,
                    Box::new(DictBox {
                        d: nd.clone(),
                        factory,
                    }),
                );
                remember(st, x, &y);
                for (k, v) in d.t.borrow().items() {
                    let k2 = deep(vm, &k, st)?;
                    let v2 = deep(vm, &v, st)?;
                    vm.dict_set(&nd, k2, v2)?;
                }
                return Ok(y);
            }
            if let Some(f) = t.lookup("__copy__") {
                if matches!(inst.ext, Ext::Native(_)) {
                    return vm.call_descr(&f, x, &t, &[]);
                }
            }
            if matches!(inst.ext, Ext::Native(_)) {
                return Err(error_copy(vm, x));
            }
            let y = match &inst.ext {
                Ext::Builtin(p) => {
                    // Containers are made empty and remembered before their items are copied
                    // (an item may lead back to the instance).
                    let (empty, fill) = match p {
                        Value::List(_) => (Value::list(vec![]), true),
                        Value::Dict(_) => (Value::Dict(Rc::new(PyDict::new())), true),
                        Value::Set(s) if !s.frozen => (vm.new_set(vec![], false)?, true),
                        other => (deep(vm, other, st)?, false),
                    };
                    let y = vm.new_payload_instance(&t, empty.clone());
                    remember(st, x, &y);
                    if fill {
                        let copied = deep(vm, p, st)?;
                        match (&empty, &copied) {
                            (Value::List(a), Value::List(b)) => {
                                *a.items.borrow_mut() = b.items.borrow().clone();
                            }
                            (Value::Dict(a), Value::Dict(b)) => {
                                for (k, v) in b.t.borrow().items() {
                                    vm.dict_set(a, k, v)?;
                                }
                            }
                            (Value::Set(a), Value::Set(b)) => {
                                for k in b.items() {
                                    vm.set_add(a, k)?;
                                }
                            }
                            _ => {}
                        }
                    }
                    y
                }
                _ => {
                    let y = blank_like(vm, inst);
                    remember(st, x, &y);
                    y
                }
            };
            // A `__dict__` with keys that are not attribute names: deep-copied whole, as
            // CPython's `state = deepcopy(obj.__dict__)`.
            let live = inst.dict.borrow().live().cloned();
            if let Some(ld) =
                live.filter(|d| d.t.borrow().iter().any(|e| !matches!(e.key, Value::Str(_))))
            {
                let items = ld.t.borrow().items();
                let nd = Rc::new(PyDict::new());
                for (k, v) in items {
                    let k = deep(vm, &k, st)?;
                    let v = deep(vm, &v, st)?;
                    vm.dict_set(&nd, k, v)?;
                }
                if let Value::Instance(yi) = &y {
                    vm.set_dict_of(crate::vm::live_dict::DictOf::Inst(yi), &Value::Dict(nd))?;
                }
                return Ok(y);
            }
            let attrs: Vec<(Rc<str>, Value)> = inst
                .dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut copied = Vec::with_capacity(attrs.len());
            for (k, v) in attrs {
                copied.push((k, deep(vm, &v, st)?));
            }
            if let Value::Instance(yi) = &y {
                let mut d = yi.dict.borrow_mut();
                for (k, v) in copied {
                    d.insert(k, v);
                }
            }
            Ok(y)
        }
        Value::Method(m) => {
            let slf = deep(vm, &m.slf, st)?;
            Ok(Value::Method(Rc::new(crate::vm::object::PyMethod {
                func: m.func.clone(),
                slf,
            })))
        }
        _ => Err(error_copy(vm, x)),
    }
}

fn deepcopy_fn(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    super::util::check_kwargs(vm, "deepcopy", kw, &["x", "memo"])?;
    let Some(x) = super::util::arg(args, kw, 0, "x") else {
        return Err(vm.type_error("deepcopy() missing 1 required positional argument: 'x'"));
    };
    let memo_dict = super::util::arg(args, kw, 1, "memo").filter(|m| !m.is_none());
    let mut st = Deep {
        memo: HashMap::new(),
        memo_dict,
    };
    deep(vm, &x, &mut st)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("copy");
    vm.module_add_fn(&m, "copy", copy_fn);
    vm.module_add_fn(&m, "deepcopy", deepcopy_fn);
    let err = vm.exc_type(ExcKind::Exception);
    let cls = vm.new_native_class("Error", "copy", &[err], None)?;
    m.dict.set_str("Error", Value::Type(cls.clone()));
    m.dict.set_str("error", Value::Type(cls));
    Ok(m)
}
