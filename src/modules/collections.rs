//! `collections`: deque, defaultdict, OrderedDict, Counter, namedtuple, as CPython 3.11.
//!
//! defaultdict, OrderedDict and Counter are native classes whose base is `dict` (so
//! `isinstance(d, dict)` holds and Python code can subclass them); each instance carries its
//! own `PyDict` and the class forwards dict's methods to it. namedtuple classes have base
//! `tuple` and carry a tuple the same way. Counter's algorithms follow `collections/__init__.py`
//! line by line because iteration order shows in its output.

use super::util::{arg, check_kwargs};
use crate::lang::bytecode::{BinaryOpKind, CompareKind};
use crate::vm::dict::PyDict;
use crate::vm::object::{kw_get, NativeData, NativeImpl, NativeObj, PyBuiltin, Special};
use crate::vm::value::PyTuple;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::collections::VecDeque;
use std::rc::Rc;

type R = PyResult<Value>;

const CHAINMAP: &str = embedded_py!("src/modules/chainmap.py");

// ------------------------------------------------------------------ shared helpers

/// Install a native method backed by a closure in a class dict.
fn put_closure(ty: &Rc<PyType>, name: &str, f: impl Fn(&mut Vm, &[Value], &KwArgs) -> R + 'static) {
    let v = Value::Builtin(Rc::new(PyBuiltin {
        name: Rc::from(name),
        imp: NativeImpl::Closure(Rc::new(f)),
        bound: None,
        special: Special::None,
        owner: Some(ty.name()),
        module: None,
    }));
    ty.dict.borrow_mut().set(name, v);
}

/// Stable merge sort with a fallible "less than" (Python's sort is stable; Rust's `sort_by`
/// may panic on the inconsistent orders user `__lt__` can produce).
pub fn stable_sort<T: Clone>(
    vm: &mut Vm,
    items: Vec<T>,
    less: &mut dyn FnMut(&mut Vm, &T, &T) -> PyResult<bool>,
) -> PyResult<Vec<T>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mut src = items;
    let n = src.len();
    let mut width = 1;
    while width < n {
        let mut out = Vec::with_capacity(n);
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                // Take from the right only when strictly less: keeps equal items in order.
                if less(vm, &src[j], &src[i])? {
                    out.push(src[j].clone());
                    j += 1;
                } else {
                    out.push(src[i].clone());
                    i += 1;
                }
            }
            out.extend_from_slice(&src[i..mid]);
            out.extend_from_slice(&src[j..hi]);
            lo = hi;
        }
        src = out;
        width *= 2;
    }
    Ok(src)
}

fn add(vm: &mut Vm, a: &Value, b: &Value) -> R {
    vm.binary_op(a, b, BinaryOpKind::Add)
}
fn sub(vm: &mut Vm, a: &Value, b: &Value) -> R {
    vm.binary_op(a, b, BinaryOpKind::Sub)
}
fn gt0(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let r = vm.compare(v, &Value::Int(0), CompareKind::Gt)?;
    vm.truthy(&r)
}
fn lt0(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let r = vm.compare(v, &Value::Int(0), CompareKind::Lt)?;
    vm.truthy(&r)
}
fn cmp(vm: &mut Vm, a: &Value, b: &Value, op: CompareKind) -> PyResult<bool> {
    let r = vm.compare(a, b, op)?;
    vm.truthy(&r)
}

// ------------------------------------------------------------------ dict-backed classes

/// The state of a defaultdict / OrderedDict / Counter instance.
pub struct DictBox {
    pub d: Rc<PyDict>,
    /// defaultdict's `default_factory` (None otherwise).
    pub factory: Value,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    DefaultDict,
    OrderedDict,
    Counter,
}

/// The dict inside a dict-backed instance.
pub fn inner_dict(v: &Value) -> Option<Rc<PyDict>> {
    match v {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(i) => i.native::<DictBox>().map(|b| b.d.clone()),
        _ => None,
    }
}

fn self_dict(vm: &Vm, args: &[Value]) -> PyResult<Rc<PyDict>> {
    match args.first().and_then(inner_dict) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

fn kind_of(vm: &Vm, v: &Value) -> Option<Kind> {
    let t = vm.type_of(v);
    for c in t.mro() {
        match c.dict.borrow().get("__ls_kind__") {
            Some(Value::Int(0)) => return Some(Kind::DefaultDict),
            Some(Value::Int(1)) => return Some(Kind::OrderedDict),
            Some(Value::Int(2)) => return Some(Kind::Counter),
            _ => {}
        }
    }
    None
}

fn dictbox_new(vm: &mut Vm, cls: &Rc<PyType>, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(vm.new_native_instance(
        cls,
        Box::new(DictBox {
            d: Rc::new(PyDict::new()),
            factory: Value::None,
        }),
    ))
}

fn items_of(d: &PyDict) -> Vec<(Value, Value)> {
    d.t.borrow().items()
}

fn d_get(vm: &mut Vm, d: &PyDict, k: &Value) -> PyResult<Option<Value>> {
    vm.dict_get(d, k)
}

/// `self[k]` through the instance's `__getitem__` (honours `__missing__` and overrides).
fn getitem(vm: &mut Vm, obj: &Value, k: &Value) -> R {
    vm.getitem(obj, k)
}

fn dl_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__getitem__", args, 2, 2)?;
    let d = self_dict(vm, args)?;
    if let Some(v) = d_get(vm, &d, &args[1])? {
        return Ok(v);
    }
    let t = vm.type_of(&args[0]);
    if t.lookup("__missing__").is_some() {
        if let Some(v) = vm.call_dunder(&args[0], "__missing__", &[args[1].clone()])? {
            return Ok(v);
        }
    }
    Err(vm.new_error_args(ExcKind::KeyError, vec![args[1].clone()]))
}

fn dl_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__setitem__", args, 3, 3)?;
    let d = self_dict(vm, args)?;
    vm.dict_set(&d, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dl_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__delitem__", args, 2, 2)?;
    let d = self_dict(vm, args)?;
    if vm.dict_del(&d, &args[1])?.is_none() {
        // Counter.__delitem__ ignores missing elements.
        if kind_of(vm, &args[0]) == Some(Kind::Counter) {
            return Ok(Value::None);
        }
        return Err(vm.new_error_args(ExcKind::KeyError, vec![args[1].clone()]));
    }
    Ok(Value::None)
}

fn dl_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__contains__", args, 2, 2)?;
    let d = self_dict(vm, args)?;
    Ok(Value::Bool(d_get(vm, &d, &args[1])?.is_some()))
}

fn dl_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = self_dict(vm, args)?;
    Ok(Value::Int(d.len() as i64))
}

fn dl_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = self_dict(vm, args)?;
    vm.get_iter(&Value::Dict(d))
}

fn dl_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = self_dict(vm, args)?;
    let mut keys = d.t.borrow().keys();
    keys.reverse();
    vm.get_iter(&Value::list(keys))
}

/// `dict.update`-like filling from a positional mapping/iterable and keywords.
fn fill_dict(vm: &mut Vm, d: &Rc<PyDict>, src: Option<&Value>, kw: &KwArgs) -> PyResult<()> {
    if let Some(src) = src {
        let tmp = match inner_dict(src) {
            Some(x) => Value::Dict(x),
            None => src.clone(),
        };
        let m = vm.types.dict.clone();
        let built = crate::vm::methods::dict_new(vm, &m, std::slice::from_ref(&tmp), &[])?;
        if let Value::Dict(t) = built {
            for (k, v) in items_of(&t) {
                vm.dict_set(d, k, v)?;
            }
        }
    }
    for (k, v) in kw {
        vm.dict_set(d, Value::str(k), v.clone())?;
    }
    Ok(())
}

fn dl_eq_impl(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (inner_dict(a), inner_dict(b)) else {
        return Ok(None);
    };
    let ka = kind_of(vm, a);
    let kb = kind_of(vm, b);
    if ka == Some(Kind::Counter) {
        if kb != Some(Kind::Counter) {
            // Counter.__eq__ returns NotImplemented; dict's reflected == compares as dicts.
            return Ok(Some(vm.eq(&Value::Dict(x), &Value::Dict(y))?));
        }
        return counter_cmp(vm, a, b, CompareKind::Eq).map(Some);
    }
    if !vm.eq(&Value::Dict(x.clone()), &Value::Dict(y.clone()))? {
        return Ok(Some(false));
    }
    if ka == Some(Kind::OrderedDict) && kb == Some(Kind::OrderedDict) {
        let (kx, ky) = (x.t.borrow().keys(), y.t.borrow().keys());
        for (p, q) in kx.iter().zip(ky.iter()) {
            if !vm.eq(p, q)? {
                return Ok(Some(false));
            }
        }
    }
    Ok(Some(true))
}

fn dl_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__eq__", args, 2, 2)?;
    Ok(match dl_eq_impl(vm, &args[0], &args[1])? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn dl_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__ne__", args, 2, 2)?;
    Ok(match dl_eq_impl(vm, &args[0], &args[1])? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

/// A new empty instance of `obj`'s class (no `__init__`), with the same factory.
fn same_class_empty(vm: &mut Vm, obj: &Value) -> R {
    let t = vm.type_of(obj);
    let factory = match obj {
        Value::Instance(i) => i
            .native::<DictBox>()
            .map(|b| b.factory.clone())
            .unwrap_or_default(),
        _ => Value::None,
    };
    Ok(vm.new_native_instance(
        &t,
        Box::new(DictBox {
            d: Rc::new(PyDict::new()),
            factory,
        }),
    ))
}

fn dl_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("copy", args, 1, 1)?;
    let slf = args[0].clone();
    match kind_of(vm, &slf) {
        Some(Kind::DefaultDict) => {
            // defaultdict.copy() is type(self)(self.default_factory, self).
            let t = Value::Type(vm.type_of(&slf));
            let f = match &slf {
                Value::Instance(i) => i
                    .native::<DictBox>()
                    .map(|b| b.factory.clone())
                    .unwrap_or_default(),
                _ => Value::None,
            };
            vm.call(&t, &[f, slf.clone()], &[])
        }
        _ => {
            let t = Value::Type(vm.type_of(&slf));
            vm.call(&t, std::slice::from_ref(&slf), &[])
        }
    }
}

fn dl_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__or__", args, 2, 2)?;
    let Some(other) = inner_dict(&args[1]) else {
        return Ok(Value::NotImplemented);
    };
    if kind_of(vm, &args[0]) == Some(Kind::Counter) {
        return counter_binop(vm, &args[0], &args[1], CounterOp::Or);
    }
    let new = dl_copy(vm, &args[..1], &[])?;
    let d = self_dict(vm, std::slice::from_ref(&new))?;
    for (k, v) in items_of(&other) {
        vm.dict_set(&d, k, v)?;
    }
    Ok(new)
}

fn dl_ror(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__ror__", args, 2, 2)?;
    let Some(other) = inner_dict(&args[1]) else {
        return Ok(Value::NotImplemented);
    };
    if kind_of(vm, &args[0]) == Some(Kind::Counter) {
        return Ok(Value::NotImplemented);
    }
    let new = same_class_empty(vm, &args[0])?;
    let d = self_dict(vm, std::slice::from_ref(&new))?;
    let mine = self_dict(vm, args)?;
    for (k, v) in items_of(&other).into_iter().chain(items_of(&mine)) {
        vm.dict_set(&d, k, v)?;
    }
    Ok(new)
}

fn dl_ior(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__ior__", args, 2, 2)?;
    if kind_of(vm, &args[0]) == Some(Kind::Counter) {
        return counter_inplace(vm, &args[0], &args[1], CounterOp::Or);
    }
    let d = self_dict(vm, args)?;
    fill_dict(vm, &d, Some(&args[1]), &[])?;
    Ok(args[0].clone())
}

fn dl_fromkeys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("fromkeys", args, 2, 3)?;
    let cls = args[0].clone();
    if let Value::Type(t) = &cls {
        if t.dict
            .borrow()
            .get("__ls_kind__")
            .is_some_and(|k| matches!(k, Value::Int(2)))
        {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
            ));
        }
    }
    let new = vm.call(&cls, &[], &[])?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    for k in vm.iter_to_vec(&args[1])? {
        vm.setitem(&new, &k, v.clone())?;
    }
    Ok(new)
}

/// Methods every dict-backed class gets: dict's own methods forwarded to the inner dict, plus
/// the dunders the VM looks up on instances.
fn install_dict_like(vm: &Vm, ty: &Rc<PyType>) {
    let dict_t = vm.types.dict.clone();
    let names: Vec<String> = dict_t
        .dict
        .borrow()
        .iter()
        .map(|(k, _)| k.to_string())
        .collect();
    for name in names {
        if name == "fromkeys" || name.starts_with("__") {
            continue;
        }
        let Some(orig) = dict_t.lookup(&name) else {
            continue;
        };
        put_closure(ty, &name, move |vm, args, kw| {
            let d = self_dict(vm, args)?;
            let mut a = args.to_vec();
            if let Some(s) = a.first_mut() {
                *s = Value::Dict(d);
            }
            vm.call(&orig, &a, kw)
        });
    }
    vm.add_methods(
        ty,
        &[
            ("__getitem__", dl_getitem),
            ("__setitem__", dl_setitem),
            ("__delitem__", dl_delitem),
            ("__contains__", dl_contains),
            ("__len__", dl_len),
            ("__iter__", dl_iter),
            ("__reversed__", dl_reversed),
            ("__eq__", dl_eq),
            ("__ne__", dl_ne),
            ("__or__", dl_or),
            ("__ror__", dl_ror),
            ("__ior__", dl_ior),
            ("copy", dl_copy),
            ("__copy__", dl_copy),
        ],
    );
    vm.add_classmethod(ty, "fromkeys", dl_fromkeys);
    ty.dict.borrow_mut().set("__hash__", Value::None);
}

fn class_name(vm: &Vm, v: &Value) -> String {
    vm.type_of(v).name().to_string()
}

// ---- defaultdict

fn dd_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let factory = args.get(1).cloned().unwrap_or(Value::None);
    if !factory.is_none() && !super::util::is_callable(vm, &factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    if let Value::Instance(i) = &slf {
        if let Some(mut b) = i.native::<DictBox>() {
            b.factory = factory;
        }
    }
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.len() - 2
        )));
    }
    let d = self_dict(vm, args)?;
    fill_dict(vm, &d, args.get(2), kw)?;
    Ok(Value::None)
}

fn dd_missing(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__missing__", args, 2, 2)?;
    let factory = match &args[0] {
        Value::Instance(i) => i
            .native::<DictBox>()
            .map(|b| b.factory.clone())
            .unwrap_or_default(),
        _ => Value::None,
    };
    if factory.is_none() {
        return Err(vm.new_error_args(ExcKind::KeyError, vec![args[1].clone()]));
    }
    let v = vm.call(&factory, &[], &[])?;
    vm.setitem(&args[0], &args[1], v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let d = self_dict(vm, args)?;
    let factory = match &slf {
        Value::Instance(i) => i
            .native::<DictBox>()
            .map(|b| b.factory.clone())
            .unwrap_or_default(),
        _ => Value::None,
    };
    let key = slf.ptr().unwrap_or(0);
    let f = if vm.repr_guard.contains(&key) {
        "...".to_string()
    } else {
        vm.repr_guard.push(key);
        let r = vm.repr(&factory);
        vm.repr_guard.pop();
        r?
    };
    let body = vm.repr(&Value::Dict(d))?;
    Ok(Value::string(format!(
        "{}({f}, {body})",
        class_name(vm, &slf)
    )))
}

fn dd_factory_get(vm: &mut Vm, v: &Value) -> R {
    match v {
        Value::Instance(i) => Ok(i
            .native::<DictBox>()
            .map(|b| b.factory.clone())
            .unwrap_or_default()),
        _ => Err(vm.type_error("descriptor 'default_factory' needs a defaultdict")),
    }
}

fn dd_factory_set(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if let Value::Instance(i) = v {
        if let Some(mut b) = i.native::<DictBox>() {
            b.factory = x;
        }
    }
    Ok(())
}

// ---- OrderedDict

fn od_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "expected at most 1 arguments, got {}",
            args.len() - 1
        )));
    }
    let d = self_dict(vm, args)?;
    fill_dict(vm, &d, args.get(1), kw)?;
    Ok(Value::None)
}

fn od_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let d = self_dict(vm, args)?;
    let name = class_name(vm, &slf);
    if d.is_empty() {
        return Ok(Value::string(format!("{name}()")));
    }
    let key = slf.ptr().unwrap_or(0);
    if vm.repr_guard.contains(&key) {
        return Ok(Value::str("..."));
    }
    let items: Vec<Value> = items_of(&d)
        .into_iter()
        .map(|(k, v)| Value::tuple(vec![k, v]))
        .collect();
    vm.repr_guard.push(key);
    let r = vm.repr(&Value::list(items));
    vm.repr_guard.pop();
    Ok(Value::string(format!("{name}({})", r?)))
}

/// Rebuild the dict with `keys` in the given order.
fn reorder(vm: &mut Vm, d: &PyDict, order: Vec<(Value, Value)>) -> PyResult<()> {
    d.t.borrow_mut().clear();
    for (k, v) in order {
        vm.dict_set(d, k, v)?;
    }
    if d.t.borrow().has_owners() {
        d.owners_resync();
    }
    Ok(())
}

fn od_move_to_end(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "move_to_end", kw, &["key", "last"])?;
    let d = self_dict(vm, args)?;
    let Some(key) = arg(args, kw, 1, "key") else {
        return Err(
            vm.type_error("OrderedDict.move_to_end() missing required argument 'key' (pos 1)")
        );
    };
    let last = match arg(args, kw, 2, "last") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let Some(v) = vm.dict_del(&d, &key)? else {
        return Err(vm.new_error_args(ExcKind::KeyError, vec![key]));
    };
    if last {
        vm.dict_set(&d, key, v)?;
    } else {
        let mut order = vec![(key, v)];
        order.extend(items_of(&d));
        reorder(vm, &d, order)?;
    }
    Ok(Value::None)
}

fn od_popitem(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "popitem", kw, &["last"])?;
    let d = self_dict(vm, args)?;
    let last = match arg(args, kw, 1, "last") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let items = items_of(&d);
    let pick = if last { items.last() } else { items.first() };
    let Some((k, v)) = pick.cloned() else {
        return Err(vm.new_error(ExcKind::KeyError, "dictionary is empty"));
    };
    vm.dict_del(&d, &k)?;
    Ok(Value::tuple(vec![k, v]))
}

// ---- Counter

fn is_mapping(v: &Value) -> bool {
    inner_dict(v).is_some()
}

fn counter_update_impl(
    vm: &mut Vm,
    slf: &Value,
    src: Option<&Value>,
    kw: &KwArgs,
    sign: i8,
) -> PyResult<()> {
    let d = self_dict(vm, std::slice::from_ref(slf))?;
    if let Some(src) = src.filter(|s| !s.is_none()) {
        if is_mapping(src) {
            let other = inner_dict(src).unwrap_or_default();
            if sign > 0 && d.is_empty() {
                // dict.update(self, iterable): fast path for an empty Counter.
                for (k, v) in items_of(&other) {
                    vm.dict_set(&d, k, v)?;
                }
            } else {
                for (k, c) in items_of(&other) {
                    let cur = d_get(vm, &d, &k)?.unwrap_or(Value::Int(0));
                    let nv = if sign > 0 {
                        add(vm, &c, &cur)?
                    } else {
                        sub(vm, &cur, &c)?
                    };
                    vm.setitem(slf, &k, nv)?;
                }
            }
        } else {
            let it = vm.get_iter(src)?;
            while let Some(k) = vm.next(&it)? {
                let cur = d_get(vm, &d, &k)?.unwrap_or(Value::Int(0));
                let nv = if sign > 0 {
                    add(vm, &cur, &Value::Int(1))?
                } else {
                    sub(vm, &cur, &Value::Int(1))?
                };
                vm.setitem(slf, &k, nv)?;
            }
        }
    }
    if !kw.is_empty() {
        let kd = Rc::new(PyDict::new());
        for (k, v) in kw {
            vm.dict_set(&kd, Value::str(k), v.clone())?;
        }
        counter_update_impl(vm, slf, Some(&Value::Dict(kd)), &[], sign)?;
    }
    Ok(())
}

/// `Counter(...)`, `update(...)` (sign 1) and `subtract(...)` (sign -1): one optional
/// iterable or mapping plus keyword counts.
fn counter_apply(vm: &mut Vm, args: &[Value], kw: &KwArgs, sign: i8) -> R {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let slf = args.first().cloned().unwrap_or_default();
    counter_update_impl(vm, &slf, args.get(1), kw, sign)?;
    Ok(Value::None)
}

fn c_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    counter_apply(vm, args, kw, 1)
}

fn c_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    counter_apply(vm, args, kw, 1)
}

fn c_subtract(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    counter_apply(vm, args, kw, -1)
}

fn c_missing(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Int(0))
}

fn c_total(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = self_dict(vm, args)?;
    let mut acc = Value::Int(0);
    for v in d.t.borrow().values() {
        acc = add(vm, &acc, &v)?;
    }
    Ok(acc)
}

/// `sorted(self.items(), key=itemgetter(1), reverse=True)` (stable: ties keep insertion
/// order), truncated to `n` (nlargest keeps the same order for ties).
fn most_common(vm: &mut Vm, d: &PyDict, n: Option<i64>) -> PyResult<Vec<(Value, Value)>> {
    let items = items_of(d);
    let mut sorted = stable_sort(vm, items, &mut |vm, a, b| {
        cmp(vm, &a.1, &b.1, CompareKind::Gt)
    })?;
    if let Some(n) = n {
        sorted.truncate(n.max(0) as usize);
    }
    Ok(sorted)
}

fn c_most_common(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "most_common", kw, &["n"])?;
    let d = self_dict(vm, args)?;
    let n = match arg(args, kw, 1, "n") {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.to_index(&v)?),
    };
    let r = most_common(vm, &d, n)?;
    Ok(Value::list(
        r.into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    ))
}

fn c_elements(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    // `_chain.from_iterable(_starmap(_repeat, self.items()))`, lazily, as CPython.
    let slf = args.first().cloned().unwrap_or_default();
    let it = vm.import("itertools", true)?;
    let chain = vm.getattr_str(&it, "chain")?;
    let from_iterable = vm.getattr_str(&chain, "from_iterable")?;
    let starmap = vm.getattr_str(&it, "starmap")?;
    let repeat = vm.getattr_str(&it, "repeat")?;
    let items_m = vm.getattr_str(&slf, "items")?;
    let items = vm.call(&items_m, &[], &[])?;
    let sm = vm.call(&starmap, &[repeat, items], &[])?;
    vm.call(&from_iterable, &[sm], &[])
}

fn c_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let d = self_dict(vm, args)?;
    let name = class_name(vm, &slf);
    if d.is_empty() {
        return Ok(Value::string(format!("{name}()")));
    }
    let items = match most_common(vm, &d, None) {
        Ok(i) => i,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => items_of(&d),
        Err(e) => return Err(e),
    };
    let nd = vm.new_dict(items)?;
    let r = vm.repr(&nd)?;
    Ok(Value::string(format!("{name}({r})")))
}

fn new_counter(vm: &mut Vm) -> R {
    let m = vm.import("collections", true)?;
    let cls = vm.getattr_str(&m, "Counter")?;
    let Value::Type(t) = cls else {
        return Err(vm.type_error("Counter"));
    };
    Ok(vm.new_native_instance(
        &t,
        Box::new(DictBox {
            d: Rc::new(PyDict::new()),
            factory: Value::None,
        }),
    ))
}

#[derive(Clone, Copy)]
enum CounterOp {
    Add,
    Sub,
    Or,
    And,
}

fn counter_binop(vm: &mut Vm, a: &Value, b: &Value, op: CounterOp) -> R {
    if kind_of(vm, b) != Some(Kind::Counter) {
        return Ok(Value::NotImplemented);
    }
    let (Some(x), Some(y)) = (inner_dict(a), inner_dict(b)) else {
        return Ok(Value::NotImplemented);
    };
    let result = new_counter(vm)?;
    let rd = self_dict(vm, std::slice::from_ref(&result))?;
    for (elem, count) in items_of(&x) {
        let other = getitem(vm, b, &elem)?;
        let newcount = match op {
            CounterOp::Add => add(vm, &count, &other)?,
            CounterOp::Sub => sub(vm, &count, &other)?,
            CounterOp::Or => {
                if cmp(vm, &count, &other, CompareKind::Lt)? {
                    other
                } else {
                    count
                }
            }
            CounterOp::And => {
                if cmp(vm, &count, &other, CompareKind::Lt)? {
                    count
                } else {
                    other
                }
            }
        };
        if gt0(vm, &newcount)? {
            vm.dict_set(&rd, elem, newcount)?;
        }
    }
    if matches!(op, CounterOp::And) {
        return Ok(result);
    }
    for (elem, count) in items_of(&y) {
        if d_get(vm, &x, &elem)?.is_some() {
            continue;
        }
        match op {
            CounterOp::Sub => {
                if lt0(vm, &count)? {
                    let n = sub(vm, &Value::Int(0), &count)?;
                    vm.dict_set(&rd, elem, n)?;
                }
            }
            _ => {
                if gt0(vm, &count)? {
                    vm.dict_set(&rd, elem, count)?;
                }
            }
        }
    }
    Ok(result)
}

fn keep_positive(vm: &mut Vm, slf: &Value) -> R {
    let d = self_dict(vm, std::slice::from_ref(slf))?;
    let mut nonpositive = Vec::new();
    for (k, c) in items_of(&d) {
        if !gt0(vm, &c)? {
            nonpositive.push(k);
        }
    }
    for k in nonpositive {
        vm.dict_del(&d, &k)?;
    }
    Ok(slf.clone())
}

fn counter_inplace(vm: &mut Vm, a: &Value, b: &Value, op: CounterOp) -> R {
    if kind_of(vm, b) != Some(Kind::Counter) {
        return Ok(Value::NotImplemented);
    }
    let (Some(x), Some(y)) = (inner_dict(a), inner_dict(b)) else {
        return Ok(Value::NotImplemented);
    };
    match op {
        CounterOp::Add | CounterOp::Sub => {
            for (elem, count) in items_of(&y) {
                let cur = getitem(vm, a, &elem)?;
                let nv = if matches!(op, CounterOp::Add) {
                    add(vm, &cur, &count)?
                } else {
                    sub(vm, &cur, &count)?
                };
                vm.setitem(a, &elem, nv)?;
            }
        }
        CounterOp::Or => {
            for (elem, other_count) in items_of(&y) {
                let cur = getitem(vm, a, &elem)?;
                if cmp(vm, &other_count, &cur, CompareKind::Gt)? {
                    vm.setitem(a, &elem, other_count)?;
                }
            }
        }
        CounterOp::And => {
            for (elem, count) in items_of(&x) {
                let other_count = getitem(vm, b, &elem)?;
                if cmp(vm, &other_count, &count, CompareKind::Lt)? {
                    vm.setitem(a, &elem, other_count)?;
                }
            }
        }
    }
    keep_positive(vm, a)
}

fn c_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__add__", args, 2, 2)?;
    counter_binop(vm, &args[0], &args[1], CounterOp::Add)
}
fn c_sub(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__sub__", args, 2, 2)?;
    counter_binop(vm, &args[0], &args[1], CounterOp::Sub)
}
fn c_and(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__and__", args, 2, 2)?;
    counter_binop(vm, &args[0], &args[1], CounterOp::And)
}
fn c_iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__iadd__", args, 2, 2)?;
    counter_inplace(vm, &args[0], &args[1], CounterOp::Add)
}
fn c_isub(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__isub__", args, 2, 2)?;
    counter_inplace(vm, &args[0], &args[1], CounterOp::Sub)
}
fn c_iand(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__iand__", args, 2, 2)?;
    counter_inplace(vm, &args[0], &args[1], CounterOp::And)
}

fn c_unary(vm: &mut Vm, args: &[Value], neg: bool) -> R {
    let d = self_dict(vm, args)?;
    let result = new_counter(vm)?;
    let rd = self_dict(vm, std::slice::from_ref(&result))?;
    for (elem, count) in items_of(&d) {
        if neg {
            if lt0(vm, &count)? {
                let n = sub(vm, &Value::Int(0), &count)?;
                vm.dict_set(&rd, elem, n)?;
            }
        } else if gt0(vm, &count)? {
            let n = add(vm, &count, &Value::Int(0))?;
            vm.dict_set(&rd, elem, n)?;
        }
    }
    Ok(result)
}
fn c_pos(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    c_unary(vm, args, false)
}
fn c_neg(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    c_unary(vm, args, true)
}

/// Counter's rich comparisons (3.10+): missing elements count as zero.
fn counter_cmp(vm: &mut Vm, a: &Value, b: &Value, op: CompareKind) -> PyResult<bool> {
    let (Some(x), Some(y)) = (inner_dict(a), inner_dict(b)) else {
        return Ok(false);
    };
    let each = |vm: &mut Vm, op: CompareKind| -> PyResult<bool> {
        for c in [&x, &y] {
            for e in c.t.borrow().keys() {
                let p = getitem(vm, a, &e)?;
                let q = getitem(vm, b, &e)?;
                if !cmp(vm, &p, &q, op)? {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    };
    match op {
        CompareKind::Eq => each(vm, CompareKind::Eq),
        CompareKind::Ne => Ok(!each(vm, CompareKind::Eq)?),
        CompareKind::Le => each(vm, CompareKind::Le),
        CompareKind::Ge => each(vm, CompareKind::Ge),
        CompareKind::Lt => Ok(each(vm, CompareKind::Le)? && !each(vm, CompareKind::Eq)?),
        CompareKind::Gt => Ok(each(vm, CompareKind::Ge)? && !each(vm, CompareKind::Eq)?),
    }
}

fn c_rich(vm: &mut Vm, args: &[Value], op: CompareKind) -> R {
    vm.check_args("__lt__", args, 2, 2)?;
    if kind_of(vm, &args[1]) != Some(Kind::Counter) {
        return Ok(Value::NotImplemented);
    }
    Ok(Value::Bool(counter_cmp(vm, &args[0], &args[1], op)?))
}
fn c_lt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    c_rich(vm, args, CompareKind::Lt)
}
fn c_le(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    c_rich(vm, args, CompareKind::Le)
}
fn c_gt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    c_rich(vm, args, CompareKind::Gt)
}
fn c_ge(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    c_rich(vm, args, CompareKind::Ge)
}

// ------------------------------------------------------------------ deque

pub struct Deque {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped on every mutation: iterators raise if it changed under them.
    pub state: u64,
}

fn dq<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<std::cell::RefMut<'a, Deque>> {
    if let Some(Value::Instance(i)) = v {
        if let Some(d) = i.native::<Deque>() {
            return Ok(d);
        }
    }
    Err(vm.type_error("descriptor requires a 'collections.deque' object"))
}

fn deque_new(vm: &mut Vm, cls: &Rc<PyType>, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(vm.new_native_instance(
        cls,
        Box::new(Deque {
            items: VecDeque::new(),
            maxlen: None,
            state: 0,
        }),
    ))
}

#[inline]
fn deque_push(d: &mut Deque, v: Value, left: bool) {
    if d.maxlen == Some(0) {
        return;
    }
    if left {
        d.items.push_front(v);
        if d.maxlen.is_some_and(|m| d.items.len() > m) {
            d.items.pop_back();
        }
    } else {
        d.items.push_back(v);
        if d.maxlen.is_some_and(|m| d.items.len() > m) {
            d.items.pop_front();
        }
    }
    d.state += 1;
}

fn dq_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "deque", kw, &["iterable", "maxlen"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "deque expected at most 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let maxlen = match arg(args, kw, 2, "maxlen") {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.to_index(&v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    {
        let mut d = dq(vm, args.first())?;
        d.maxlen = maxlen;
        d.items.clear();
        d.state += 1;
    }
    if let Some(it) = arg(args, kw, 1, "iterable") {
        let items = vm.iter_to_vec(&it)?;
        let mut d = dq(vm, args.first())?;
        for x in items {
            deque_push(&mut d, x, false);
        }
    }
    Ok(Value::None)
}

/// A method's arguments after `self`: CPython counts only these in its messages.
fn rest(args: &[Value]) -> &[Value] {
    args.get(1..).unwrap_or(&[])
}

fn dq_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.append", rest(args), 1, 1)?;
    deque_push(&mut *dq(vm, args.first())?, args[1].clone(), false);
    Ok(Value::None)
}
fn dq_appendleft(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.appendleft", rest(args), 1, 1)?;
    deque_push(&mut *dq(vm, args.first())?, args[1].clone(), true);
    Ok(Value::None)
}
fn dq_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.pop", rest(args), 0, 0)?;
    let mut d = dq(vm, args.first())?;
    d.state += 1;
    d.items
        .pop_back()
        .ok_or_else(|| vm.index_error("pop from an empty deque"))
}
fn dq_popleft(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.popleft", rest(args), 0, 0)?;
    let mut d = dq(vm, args.first())?;
    d.state += 1;
    d.items
        .pop_front()
        .ok_or_else(|| vm.index_error("pop from an empty deque"))
}
fn dq_extend_impl(vm: &mut Vm, args: &[Value], left: bool) -> R {
    vm.check_args(
        if left {
            "deque.extendleft"
        } else {
            "deque.extend"
        },
        rest(args),
        1,
        1,
    )?;
    let items = if args[0].is(&args[1]) {
        dq(vm, args.first())?.items.iter().cloned().collect()
    } else {
        vm.iter_to_vec(&args[1])?
    };
    let mut d = dq(vm, args.first())?;
    for x in items {
        deque_push(&mut d, x, left);
    }
    Ok(Value::None)
}
fn dq_extend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_extend_impl(vm, args, false)
}
fn dq_extendleft(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_extend_impl(vm, args, true)
}
fn dq_rotate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.rotate", rest(args), 0, 1)?;
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let mut d = dq(vm, args.first())?;
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
        d.state += 1;
    }
    Ok(Value::None)
}
fn dq_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.clear", rest(args), 0, 0)?;
    let mut d = dq(vm, args.first())?;
    d.items.clear();
    d.state += 1;
    Ok(Value::None)
}
fn dq_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.reverse", rest(args), 0, 0)?;
    let mut d = dq(vm, args.first())?;
    d.items.make_contiguous().reverse();
    d.state += 1;
    Ok(Value::None)
}
fn dq_snapshot(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    Ok(dq(vm, Some(v))?.items.iter().cloned().collect())
}
fn dq_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.count", rest(args), 1, 1)?;
    let items = dq_snapshot(vm, &args[0])?;
    let mut n = 0;
    for x in &items {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
fn norm_index(i: i64, len: usize) -> i64 {
    if i < 0 {
        (i + len as i64).max(0)
    } else {
        i.min(len as i64)
    }
}
fn dq_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    // deque.index parses its own arguments, in words of its own.
    let n = rest(args).len();
    if n == 0 {
        return Err(vm.type_error("index() takes at least 1 argument (0 given)"));
    }
    if n > 3 {
        return Err(vm.type_error(format!("index() takes at most 3 arguments ({n} given)")));
    }
    let items = dq_snapshot(vm, &args[0])?;
    let start = match args.get(2) {
        Some(v) => norm_index(vm.to_index(v)?, items.len()),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => norm_index(vm.to_index(v)?, items.len()),
        None => items.len() as i64,
    };
    let mut i = start;
    while i < stop {
        if let Some(x) = items.get(i as usize) {
            if x.is(&args[1]) || vm.eq(x, &args[1])? {
                return Ok(Value::Int(i));
            }
        }
        i += 1;
    }
    let r = vm.repr(&args[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}
fn dq_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.remove", rest(args), 1, 1)?;
    let items = dq_snapshot(vm, &args[0])?;
    for (i, x) in items.iter().enumerate() {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            let mut d = dq(vm, args.first())?;
            if d.items.len() != items.len() {
                return Err(vm.index_error("deque mutated during remove()."));
            }
            d.items.remove(i);
            d.state += 1;
            return Ok(Value::None);
        }
    }
    let r = vm.repr(&args[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}
fn dq_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("insert", rest(args), 2, 2)?;
    let i = vm.to_index(&args[1])?;
    let mut d = dq(vm, args.first())?;
    if d.maxlen.is_some_and(|m| d.items.len() >= m) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let len = d.items.len();
    let at = norm_index(i, len) as usize;
    d.items.insert(at, args[2].clone());
    d.state += 1;
    Ok(Value::None)
}
fn dq_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Int(dq(vm, args.first())?.items.len() as i64))
}
fn dq_bool(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Bool(!dq(vm, args.first())?.items.is_empty()))
}
fn dq_item_index(vm: &mut Vm, args: &[Value]) -> PyResult<usize> {
    let k = args.get(1).cloned().unwrap_or_default();
    if !matches!(k, Value::Int(_) | Value::Bool(_) | Value::Instance(_)) {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(&k)
        )));
    }
    let i = vm.to_index(&k)?;
    let len = dq(vm, args.first())?.items.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}
fn dq_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__getitem__", args, 2, 2)?;
    let i = dq_item_index(vm, args)?;
    let d = dq(vm, args.first())?;
    d.items
        .get(i)
        .cloned()
        .ok_or_else(|| vm.index_error("deque index out of range"))
}
fn dq_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__setitem__", args, 3, 3)?;
    let i = dq_item_index(vm, args)?;
    let mut d = dq(vm, args.first())?;
    if let Some(slot) = d.items.get_mut(i) {
        *slot = args[2].clone();
    }
    Ok(Value::None)
}
fn dq_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__delitem__", args, 2, 2)?;
    let i = dq_item_index(vm, args)?;
    let mut d = dq(vm, args.first())?;
    d.items.remove(i);
    d.state += 1;
    Ok(Value::None)
}
fn dq_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__contains__", args, 2, 2)?;
    let items = dq_snapshot(vm, &args[0])?;
    for x in &items {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn dq_iter_impl(vm: &mut Vm, args: &[Value], ty: &Rc<PyType>, rev: bool) -> R {
    let obj = args.first().cloned().unwrap_or_default();
    let state = dq(vm, Some(&obj))?.state;
    let mut pos = 0usize;
    Ok(super::util::make_iter(
        ty,
        move |vm: &mut Vm| -> PyResult<Option<Value>> {
            let d = dq(vm, Some(&obj))?;
            if d.state != state {
                return Err(vm.runtime_error("deque mutated during iteration"));
            }
            let n = d.items.len();
            if pos >= n {
                return Ok(None);
            }
            let i = if rev { n - 1 - pos } else { pos };
            pos += 1;
            Ok(d.items.get(i).cloned())
        },
    ))
}
fn dq_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let name = class_name(vm, &slf);
    let key = slf.ptr().unwrap_or(0);
    if vm.repr_guard.contains(&key) {
        return Ok(Value::str("[...]"));
    }
    let (items, maxlen) = {
        let d = dq(vm, Some(&slf))?;
        (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
    };
    vm.repr_guard.push(key);
    let r = vm.repr(&Value::list(items));
    vm.repr_guard.pop();
    let r = r?;
    Ok(Value::string(match maxlen {
        Some(m) => format!("{name}({r}, maxlen={m})"),
        None => format!("{name}({r})"),
    }))
}
fn dq_maxlen(vm: &mut Vm, v: &Value) -> R {
    Ok(dq(vm, Some(v))?
        .maxlen
        .map(|m| Value::Int(m as i64))
        .unwrap_or(Value::None))
}
fn is_deque(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.native::<Deque>().is_some())
}
fn dq_cmp(vm: &mut Vm, args: &[Value], op: CompareKind) -> R {
    vm.check_args("__eq__", args, 2, 2)?;
    if !is_deque(&args[1]) {
        return Ok(Value::NotImplemented);
    }
    let a = Value::list(dq_snapshot(vm, &args[0])?);
    let b = Value::list(dq_snapshot(vm, &args[1])?);
    vm.compare(&a, &b, op)
}
fn dq_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_cmp(vm, args, CompareKind::Eq)
}
fn dq_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_cmp(vm, args, CompareKind::Ne)
}
fn dq_lt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_cmp(vm, args, CompareKind::Lt)
}
fn dq_le(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_cmp(vm, args, CompareKind::Le)
}
fn dq_gt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_cmp(vm, args, CompareKind::Gt)
}
fn dq_ge(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_cmp(vm, args, CompareKind::Ge)
}
fn dq_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("deque.copy", rest(args), 0, 0)?;
    let slf = args.first().cloned().unwrap_or_default();
    let (items, maxlen) = {
        let d = dq(vm, Some(&slf))?;
        (d.items.clone(), d.maxlen)
    };
    let t = vm.type_of(&slf);
    Ok(vm.new_native_instance(
        &t,
        Box::new(Deque {
            items,
            maxlen,
            state: 0,
        }),
    ))
}
fn dq_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__add__", args, 2, 2)?;
    if !is_deque(&args[1]) {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&args[1])
        )));
    }
    let new = dq_copy(vm, &args[..1], &[])?;
    let other = dq_snapshot(vm, &args[1])?;
    let mut d = dq(vm, Some(&new))?;
    for x in other {
        deque_push(&mut d, x, false);
    }
    drop(d);
    Ok(new)
}
fn dq_iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    dq_extend_impl(vm, args, false)?;
    Ok(args[0].clone())
}
fn dq_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__mul__", args, 2, 2)?;
    let n = vm.to_index(&args[1])?.max(0) as usize;
    let new = dq_copy(vm, &args[..1], &[])?;
    let items = dq_snapshot(vm, &args[0])?;
    vm.check_alloc_values(items.len().saturating_mul(n))?;
    let mut d = dq(vm, Some(&new))?;
    d.items.clear();
    for _ in 0..n {
        for x in &items {
            deque_push(&mut d, x.clone(), false);
        }
    }
    drop(d);
    Ok(new)
}

// ------------------------------------------------------------------ namedtuple

/// The tuple inside a namedtuple instance.
pub struct NtData {
    pub t: Rc<PyTuple>,
}

fn nt_tuple(v: &Value) -> Option<Rc<PyTuple>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        Value::Instance(i) => i.native::<NtData>().map(|d| d.t.clone()),
        _ => None,
    }
}

fn nt_self(vm: &Vm, args: &[Value]) -> PyResult<Rc<PyTuple>> {
    args.first()
        .and_then(nt_tuple)
        .ok_or_else(|| vm.type_error("descriptor requires a 'tuple' object"))
}

fn str_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for x in vm.iter_to_vec(v)? {
        match &x {
            Value::Str(s) => out.push(s.s.to_string()),
            other => {
                let s = vm.str_of(other)?;
                out.push(s);
            }
        }
    }
    Ok(out)
}

fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

fn nt_make_instance(vm: &mut Vm, cls: &Rc<PyType>, items: Vec<Value>) -> R {
    Ok(vm.new_native_instance(
        cls,
        Box::new(NtData {
            t: Rc::new(PyTuple::new(items)),
        }),
    ))
}

fn nt_fields(vm: &mut Vm, cls: &Rc<PyType>) -> PyResult<Vec<String>> {
    match cls.lookup("_fields") {
        Some(f) => str_list(vm, &f),
        None => Ok(Vec::new()),
    }
}

fn nt_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let fields = nt_fields(vm, cls)?;
    let n = fields.len();
    let name = cls.name();
    if args.len() > n {
        return Err(vm.type_error(format!(
            "{name}.__new__() takes {} positional argument{} but {} were given",
            n + 1,
            if n == 0 { "" } else { "s" },
            args.len() + 1
        )));
    }
    let defaults: Vec<(Value, Value)> =
        match cls.lookup("_field_defaults").and_then(|d| inner_dict(&d)) {
            Some(d) => items_of(&d),
            None => Vec::new(),
        };
    let mut slots: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    slots.resize(n, None);
    for (k, v) in kw {
        match fields.iter().position(|f| **f == **k) {
            Some(i) => {
                if slots[i].is_some() {
                    return Err(vm.type_error(format!(
                        "{name}.__new__() got multiple values for argument '{k}'"
                    )));
                }
                slots[i] = Some(v.clone());
            }
            None => {
                return Err(vm.type_error(format!(
                    "{name}.__new__() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let mut missing = Vec::new();
    let mut items = Vec::with_capacity(n);
    for (i, s) in slots.into_iter().enumerate() {
        match s {
            Some(v) => items.push(v),
            None => {
                let fname = &fields[i];
                let d = defaults
                    .iter()
                    .find(|(k, _)| k.as_str() == Some(fname.as_str()));
                match d {
                    Some((_, v)) => items.push(v.clone()),
                    None => missing.push(fname.clone()),
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{name}.__new__() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    nt_make_instance(vm, cls, items)
}

fn nt_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}

fn nt_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let t = nt_self(vm, args)?;
    let cls = vm.type_of(&slf);
    let fields = nt_fields(vm, &cls)?;
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(t.items.iter()) {
        let r = vm.repr(v)?;
        parts.push(format!("{f}={r}"));
    }
    Ok(Value::string(format!(
        "{}({})",
        cls.name(),
        parts.join(", ")
    )))
}

fn nt_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__getitem__", args, 2, 2)?;
    let t = nt_self(vm, args)?;
    vm.getitem(&Value::Tuple(t), &args[1])
}
fn nt_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Int(nt_self(vm, args)?.items.len() as i64))
}
fn nt_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let t = nt_self(vm, args)?;
    vm.get_iter(&Value::Tuple(t))
}
fn nt_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__contains__", args, 2, 2)?;
    let t = nt_self(vm, args)?;
    Ok(Value::Bool(vm.contains(&Value::Tuple(t), &args[1])?))
}
fn nt_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let t = nt_self(vm, args)?;
    Ok(Value::Int(vm.hash(&Value::Tuple(t))?))
}
/// The `__hash__` put on namedtuple classes: a Python function calling [`nt_hash`], because the
/// VM treats any built-in `__hash__` found on an instance's class as `object.__hash__`.
/// Compiled once per VM (kept in `sys.modules` under a private name).
fn nt_hash_func(vm: &mut Vm) -> PyResult<Option<Value>> {
    const NAME: &str = "_loopscope_namedtuple";
    let m = match vm.modules.get_str(NAME) {
        Some(Value::Module(m)) => m,
        _ => {
            let native = vm.new_builtin("_nt_hash", nt_hash);
            let src = "def __hash__(self):\n    return _nt_hash(self)\n";
            match super::pysource::load_with(vm, NAME, "<namedtuple>", src, &[("_nt_hash", native)])
            {
                Ok(m) => {
                    vm.modules.set_str(NAME, Value::Module(m.clone()));
                    m
                }
                Err(_) => return Ok(None),
            }
        }
    };
    Ok(m.dict.get_str("__hash__"))
}

fn nt_cmp(vm: &mut Vm, args: &[Value], op: CompareKind) -> R {
    vm.check_args("__eq__", args, 2, 2)?;
    let a = nt_self(vm, args)?;
    let Some(b) = nt_tuple(&args[1]) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(&Value::Tuple(a), &Value::Tuple(b), op)
}
fn nt_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    nt_cmp(vm, args, CompareKind::Eq)
}
fn nt_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    nt_cmp(vm, args, CompareKind::Ne)
}
fn nt_lt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    nt_cmp(vm, args, CompareKind::Lt)
}
fn nt_le(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    nt_cmp(vm, args, CompareKind::Le)
}
fn nt_gt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    nt_cmp(vm, args, CompareKind::Gt)
}
fn nt_ge(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    nt_cmp(vm, args, CompareKind::Ge)
}
fn nt_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__add__", args, 2, 2)?;
    let a = nt_self(vm, args)?;
    let Some(b) = nt_tuple(&args[1]) else {
        return Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            vm.type_name(&args[1])
        )));
    };
    let mut items = a.items.to_vec();
    items.extend(b.items.iter().cloned());
    Ok(Value::tuple(items))
}
fn nt_radd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__radd__", args, 2, 2)?;
    let a = nt_self(vm, args)?;
    let Some(b) = nt_tuple(&args[1]) else {
        return Ok(Value::NotImplemented);
    };
    let mut items = b.items.to_vec();
    items.extend(a.items.iter().cloned());
    Ok(Value::tuple(items))
}
fn nt_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__mul__", args, 2, 2)?;
    let a = nt_self(vm, args)?;
    vm.binary_op(&Value::Tuple(a), &args[1], BinaryOpKind::Mul)
}
fn nt_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let a = nt_self(vm, args)?;
    let f = vm.getattr_str(&Value::Tuple(a), "count")?;
    vm.call(&f, &args[1..], &[])
}
fn nt_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let a = nt_self(vm, args)?;
    let f = vm.getattr_str(&Value::Tuple(a), "index")?;
    vm.call(&f, &args[1..], &[])
}
fn nt_getnewargs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let a = nt_self(vm, args)?;
    Ok(Value::tuple(a.items.to_vec()))
}

fn nt_asdict(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let t = nt_self(vm, args)?;
    let cls = vm.type_of(&slf);
    let fields = nt_fields(vm, &cls)?;
    let items = fields
        .iter()
        .zip(t.items.iter())
        .map(|(f, v)| (Value::str(f), v.clone()))
        .collect();
    vm.new_dict(items)
}

fn nt_replace(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    vm.check_args("_replace", args, 1, 1)?;
    let slf = args[0].clone();
    let t = nt_self(vm, args)?;
    let cls = vm.type_of(&slf);
    let fields = nt_fields(vm, &cls)?;
    let mut items = t.items.to_vec();
    let mut unknown = Vec::new();
    for (k, v) in kw {
        match fields.iter().position(|f| **f == **k) {
            Some(i) => items[i] = v.clone(),
            None => unknown.push(Value::str(k)),
        }
    }
    if !unknown.is_empty() {
        let r = vm.repr(&Value::list(unknown))?;
        return Err(vm.value_error(format!("Got unexpected field names: {r}")));
    }
    let cv = Value::Type(cls.clone());
    let make = vm.getattr_str(&cv, "_make")?;
    vm.call(&make, &[Value::list(items)], &[])
}

fn nt_make(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("_make", args, 2, 2)?;
    let Value::Type(cls) = &args[0] else {
        return Err(vm.type_error("_make needs a class"));
    };
    let items = vm.iter_to_vec(&args[1])?;
    let n = nt_fields(vm, cls)?.len();
    if items.len() != n {
        return Err(vm.type_error(format!("Expected {n} arguments, got {}", items.len())));
    }
    nt_make_instance(vm, cls, items)
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || c.is_alphanumeric())
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn namedtuple(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(
        vm,
        "namedtuple",
        kw,
        &["typename", "field_names", "rename", "defaults", "module"],
    )?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let Some(typename) = arg(args, kw, 0, "typename") else {
        return Err(vm.type_error(
            "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'",
        ));
    };
    let Some(field_names) = arg(args, kw, 1, "field_names") else {
        return Err(
            vm.type_error("namedtuple() missing 1 required positional argument: 'field_names'")
        );
    };
    let rename = match kw_get(kw, "rename") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut fields: Vec<String> = match &field_names {
        Value::Str(s) => {
            s.s.replace(',', " ")
                .split_whitespace()
                .map(String::from)
                .collect()
        }
        other => str_list(vm, other)?,
    };
    let typename = vm.str_of(&typename)?;
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, f) in fields.iter_mut().enumerate() {
            if !is_identifier(f)
                || KEYWORDS.contains(&f.as_str())
                || f.starts_with('_')
                || seen.contains(f)
            {
                *f = format!("_{i}");
            }
            seen.push(f.clone());
        }
    }
    for name in std::iter::once(&typename).chain(fields.iter()) {
        if !is_identifier(name) {
            return Err(vm.value_error(format!(
                "Type names and field names must be valid identifiers: {}",
                crate::vm::format::str_repr(name)
            )));
        }
        if KEYWORDS.contains(&name.as_str()) {
            return Err(vm.value_error(format!(
                "Type names and field names cannot be a keyword: {}",
                crate::vm::format::str_repr(name)
            )));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for name in &fields {
        if name.starts_with('_') && !rename {
            return Err(vm.value_error(format!(
                "Field names cannot start with an underscore: {}",
                crate::vm::format::str_repr(name)
            )));
        }
        if seen.contains(&name) {
            return Err(vm.value_error(format!(
                "Encountered duplicate field name: {}",
                crate::vm::format::str_repr(name)
            )));
        }
        seen.push(name);
    }
    let defaults = match kw_get(kw, "defaults") {
        None | Some(Value::None) => Vec::new(),
        Some(d) => vm.iter_to_vec(d)?,
    };
    if defaults.len() > fields.len() {
        return Err(vm.type_error("Got more default values than field names"));
    }
    let module = match kw_get(kw, "module") {
        Some(Value::Str(s)) => s.s.to_string(),
        _ => {
            // CPython uses the caller's module (`sys._getframe(1).f_globals['__name__']`).
            vm.frames
                .last()
                .and_then(|f| f.globals.get_str("__name__"))
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_else(|| "__main__".to_string())
        }
    };
    let tuple_t = vm.types.tuple.clone();
    let cls = vm.new_native_class(&typename, &module, &[tuple_t], Some(nt_new))?;
    let field_vals: Vec<Value> = fields.iter().map(|f| Value::str(f)).collect();
    let fd_items: Vec<(Value, Value)> = fields[fields.len() - defaults.len()..]
        .iter()
        .zip(defaults.iter())
        .map(|(f, v)| (Value::str(f), v.clone()))
        .collect();
    let fd = vm.new_dict(fd_items)?;
    {
        let mut d = cls.dict.borrow_mut();
        d.set("_fields", Value::tuple(field_vals.clone()));
        d.set("__match_args__", Value::tuple(field_vals));
        d.set("_field_defaults", fd);
        d.set("__slots__", Value::tuple(vec![]));
        d.set(
            "__doc__",
            Value::string(format!("{typename}({})", fields.join(", "))),
        );
        d.set("__module__", Value::str(&module));
    }
    vm.add_methods(
        &cls,
        &[
            ("__init__", nt_init),
            ("__repr__", nt_repr),
            ("__getitem__", nt_getitem),
            ("__len__", nt_len),
            ("__iter__", nt_iter),
            ("__contains__", nt_contains),
            ("__hash__", nt_hash),
            ("__eq__", nt_eq),
            ("__ne__", nt_ne),
            ("__lt__", nt_lt),
            ("__le__", nt_le),
            ("__gt__", nt_gt),
            ("__ge__", nt_ge),
            ("__add__", nt_add),
            ("__radd__", nt_radd),
            ("__mul__", nt_mul),
            ("__rmul__", nt_mul),
            ("count", nt_count),
            ("index", nt_index),
            ("__getnewargs__", nt_getnewargs),
            ("_asdict", nt_asdict),
            ("_replace", nt_replace),
        ],
    );
    vm.add_classmethod(&cls, "_make", nt_make);
    if let Some(h) = nt_hash_func(vm)? {
        cls.dict.borrow_mut().set("__hash__", h);
    }
    // CPython's fields are `_tuplegetter`s, whose refusals predate property's wording.
    let nt_readonly = (
        vm.new_closure("__set__", |vm, _, _| {
            Err(vm.attr_error("can't set attribute"))
        }),
        vm.new_closure("__delete__", |vm, _, _| {
            Err(vm.attr_error("can't delete attribute"))
        }),
    );
    for (i, f) in fields.iter().enumerate() {
        let getter = vm.new_closure(f, move |vm, a, _| {
            let t = nt_self(vm, a)?;
            t.items
                .get(i)
                .cloned()
                .ok_or_else(|| vm.index_error("tuple index out of range"))
        });
        let doc = Value::string(format!("Alias for field number {i}"));
        let prop = Value::Native(Rc::new(NativeObj {
            cls: vm.types.property.clone(),
            data: NativeData::Property {
                fget: getter,
                fset: nt_readonly.0.clone(),
                fdel: nt_readonly.1.clone(),
                doc: std::cell::RefCell::new(doc),
            },
        }));
        cls.dict.borrow_mut().set(f, prop);
    }
    Ok(Value::Type(cls))
}

// ------------------------------------------------------------------ module

fn dict_class(vm: &mut Vm, name: &str, kind: i64) -> PyResult<Rc<PyType>> {
    let dict_t = vm.types.dict.clone();
    let cls = vm.new_native_class(name, "collections", &[dict_t], Some(dictbox_new))?;
    install_dict_like(vm, &cls);
    cls.dict.borrow_mut().set("__ls_kind__", Value::Int(kind));
    Ok(cls)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("collections");

    let dd = dict_class(vm, "defaultdict", 0)?;
    dd.mark_c_type();
    vm.add_methods(
        &dd,
        &[
            ("__init__", dd_init),
            ("__missing__", dd_missing),
            ("__repr__", dd_repr),
        ],
    );
    vm.add_getset(&dd, "default_factory", dd_factory_get, Some(dd_factory_set));
    m.dict.set_str("defaultdict", Value::Type(dd));

    let od = dict_class(vm, "OrderedDict", 1)?;
    od.mark_c_type();
    vm.add_methods(
        &od,
        &[
            ("__init__", od_init),
            ("__repr__", od_repr),
            ("move_to_end", od_move_to_end),
            ("popitem", od_popitem),
        ],
    );
    m.dict.set_str("OrderedDict", Value::Type(od));

    let c = dict_class(vm, "Counter", 2)?;
    vm.add_methods(
        &c,
        &[
            ("__init__", c_init),
            ("__missing__", c_missing),
            ("__repr__", c_repr),
            ("update", c_update),
            ("subtract", c_subtract),
            ("total", c_total),
            ("most_common", c_most_common),
            ("elements", c_elements),
            ("__add__", c_add),
            ("__sub__", c_sub),
            ("__and__", c_and),
            ("__iadd__", c_iadd),
            ("__isub__", c_isub),
            ("__iand__", c_iand),
            ("__pos__", c_pos),
            ("__neg__", c_neg),
            ("__lt__", c_lt),
            ("__le__", c_le),
            ("__gt__", c_gt),
            ("__ge__", c_ge),
        ],
    );
    m.dict.set_str("Counter", Value::Type(c));

    let dq_t = vm.new_native_class("deque", "collections", &[], Some(deque_new))?;
    dq_t.mark_c_type();
    vm.add_methods(
        &dq_t,
        &[
            ("__init__", dq_init),
            ("append", dq_append),
            ("appendleft", dq_appendleft),
            ("pop", dq_pop),
            ("popleft", dq_popleft),
            ("extend", dq_extend),
            ("extendleft", dq_extendleft),
            ("rotate", dq_rotate),
            ("clear", dq_clear),
            ("reverse", dq_reverse),
            ("count", dq_count),
            ("index", dq_index),
            ("remove", dq_remove),
            ("insert", dq_insert),
            ("copy", dq_copy),
            ("__copy__", dq_copy),
            ("__len__", dq_len),
            ("__bool__", dq_bool),
            ("__getitem__", dq_getitem),
            ("__setitem__", dq_setitem),
            ("__delitem__", dq_delitem),
            ("__contains__", dq_contains),
            ("__repr__", dq_repr),
            ("__eq__", dq_eq),
            ("__ne__", dq_ne),
            ("__lt__", dq_lt),
            ("__le__", dq_le),
            ("__gt__", dq_gt),
            ("__ge__", dq_ge),
            ("__add__", dq_add),
            ("__iadd__", dq_iadd),
            ("__mul__", dq_mul),
        ],
    );
    dq_t.dict.borrow_mut().set("__hash__", Value::None);
    let it_t = super::util::iter_type(vm, "_deque_iterator", "_collections")?;
    put_closure(&dq_t, "__iter__", move |vm, a, _| {
        dq_iter_impl(vm, a, &it_t, false)
    });
    let rit_t = super::util::iter_type(vm, "_deque_reverse_iterator", "_collections")?;
    put_closure(&dq_t, "__reversed__", move |vm, a, _| {
        dq_iter_impl(vm, a, &rit_t, true)
    });
    vm.add_getset(&dq_t, "maxlen", dq_maxlen, None);
    m.dict.set_str("deque", Value::Type(dq_t));

    vm.module_add_fn(&m, "namedtuple", namedtuple);

    // ChainMap is Python code (as in CPython); without a front end it is simply absent.
    if let Ok(cm) = super::pysource::load(
        vm,
        "collections",
        "<loopscope>/collections/chainmap.py",
        CHAINMAP,
    ) {
        if let Some(c) = cm.dict.get_str("ChainMap") {
            m.dict.set_str("ChainMap", c);
        }
    }
    // `collections.abc` is there after a plain `import collections`, as in CPython; it is
    // loaded on first use.
    vm.module_add_fn(&m, "__getattr__", lazy_abc);
    Ok(m)
}

fn lazy_abc(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Str(s)) if &*s.s == "abc" => vm.import("collections.abc", true),
        Some(Value::Str(s)) => {
            Err(vm.attr_error(format!("module 'collections' has no attribute '{}'", s.s)))
        }
        _ => Err(vm.type_error("__getattr__ needs a name")),
    }
}

/// `collections.abc`: CPython 3.11.7's own `_collections_abc.py` on loopscope's ABCMeta (abc.py),
/// two lines replaced in place (no big ints, no memoryview). The source is from CPython (PSF
/// license).
pub fn init_abc(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/collections_abc.py").text(vm, "collections.abc")?;
    super::pysource::load(
        vm,
        "collections.abc",
        "/usr/lib/python3.11/_collections_abc.py",
        &text,
    )
}

/// `_collections_abc` is the same module object.
pub fn init_private_abc(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    match vm.import("collections.abc", true)? {
        Value::Module(m) => Ok(m),
        _ => Err(vm.type_error("collections.abc is not a module")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_sort_keeps_equal_items_in_order() {
        let mut vm = Vm::new();
        let items: Vec<(i64, char)> =
            vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let sorted =
            stable_sort(&mut vm, items.clone(), &mut |_vm, a, b| Ok(a.0 < b.0)).unwrap_or_default();
        assert_eq!(
            sorted,
            vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
        let desc = stable_sort(&mut vm, items, &mut |_vm, a, b| Ok(a.0 > b.0)).unwrap_or_default();
        assert_eq!(
            desc,
            vec![(2, 'a'), (2, 'c'), (2, 'f'), (1, 'b'), (1, 'e'), (0, 'd')]
        );
    }

    #[test]
    fn stable_sort_propagates_errors() {
        let mut vm = Vm::new();
        let r = stable_sort(&mut vm, vec![3, 1, 2], &mut |vm, _a, _b| {
            Err(vm.type_error("no order"))
        });
        assert!(r.is_err());
    }

    #[test]
    fn namedtuple_error_lists_names_like_cpython() {
        let names: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(join_names(&names[..1]), "'a'");
        assert_eq!(join_names(&names[..2]), "'a' and 'b'");
        assert_eq!(join_names(&names), "'a', 'b', and 'c'");
        assert!(is_identifier("_x1") && !is_identifier("1x") && !is_identifier(""));
    }
}
