//! `functools`: partial, reduce, wraps/update_wrapper, lru_cache/cache, cached_property,
//! total_ordering and cmp_to_key, following CPython 3.11 (`functools.py` and `_functoolsmodule.c`).

use super::util::{arg, check_kwargs, is_callable};
use crate::lang::bytecode::CompareKind;
use crate::vm::dict::PyDict;
use crate::vm::object::{kw_get, NativeImpl, PyBuiltin, PyMethod, Special};
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

const SINGLEDISPATCH: &str = embedded_py!("src/modules/singledispatch.py");
type Kw = Vec<(Rc<str>, Value)>;
type LruFields = (Value, Option<usize>, bool, Rc<PyDict>, Value);

const ASSIGNED: [&str; 5] = [
    "__module__",
    "__name__",
    "__qualname__",
    "__doc__",
    "__annotations__",
];

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

// ---------------------------------------------------------------- update_wrapper / wraps

fn names_of(vm: &mut Vm, v: Option<Value>, default: &[&str]) -> PyResult<Vec<String>> {
    match v {
        None => Ok(default.iter().map(|s| s.to_string()).collect()),
        Some(v) => {
            let mut out = Vec::new();
            for x in vm.iter_to_vec(&v)? {
                out.push(vm.str_of(&x)?);
            }
            Ok(out)
        }
    }
}

/// `functools.update_wrapper(wrapper, wrapped, assigned, updated)`.
fn do_update_wrapper(
    vm: &mut Vm,
    wrapper: &Value,
    wrapped: &Value,
    assigned: &[String],
    updated: &[String],
) -> PyResult<()> {
    for attr in assigned {
        match vm.getattr_str(wrapped, attr) {
            Ok(v) => vm.setattr(wrapper, &Value::str(attr), v)?,
            Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    for attr in updated {
        let src = match vm.getattr_str(wrapped, attr) {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => continue,
            Err(e) => return Err(e),
        };
        let items = vm.mapping_items(&src)?;
        // `getattr(wrapper, attr).update(...)`: a `__dict__` is live, so this sets attributes.
        let dst = vm.getattr_str(wrapper, attr)?;
        for (k, x) in items {
            vm.setitem(&dst, &k, x)?;
        }
    }
    vm.setattr(wrapper, &Value::str("__wrapped__"), wrapped.clone())?;
    Ok(())
}

fn update_wrapper(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(
        vm,
        "update_wrapper",
        kw,
        &["wrapper", "wrapped", "assigned", "updated"],
    )?;
    let Some(wrapper) = arg(args, kw, 0, "wrapper") else {
        return Err(vm.type_error(
            "update_wrapper() missing 2 required positional arguments: 'wrapper' and 'wrapped'",
        ));
    };
    let Some(wrapped) = arg(args, kw, 1, "wrapped") else {
        return Err(
            vm.type_error("update_wrapper() missing 1 required positional argument: 'wrapped'")
        );
    };
    let assigned = names_of(vm, arg(args, kw, 2, "assigned"), &ASSIGNED)?;
    let updated = names_of(vm, arg(args, kw, 3, "updated"), &["__dict__"])?;
    do_update_wrapper(vm, &wrapper, &wrapped, &assigned, &updated)?;
    Ok(wrapper)
}

/// `wraps(wrapped, ...)` is `partial(update_wrapper, wrapped=wrapped, assigned=..., updated=...)`.
fn wraps(vm: &mut Vm, args: &[Value], kw: &KwArgs, partial_t: &Rc<PyType>, uw: &Value) -> R {
    check_kwargs(vm, "wraps", kw, &["wrapped", "assigned", "updated"])?;
    let Some(wrapped) = arg(args, kw, 0, "wrapped") else {
        return Err(vm.type_error("wraps() missing 1 required positional argument: 'wrapped'"));
    };
    let assigned = arg(args, kw, 1, "assigned")
        .unwrap_or_else(|| Value::tuple(ASSIGNED.iter().map(|s| Value::str(s)).collect()));
    let updated =
        arg(args, kw, 2, "updated").unwrap_or_else(|| Value::tuple(vec![Value::str("__dict__")]));
    let kws = vec![
        (Rc::from("wrapped"), wrapped),
        (Rc::from("assigned"), assigned),
        (Rc::from("updated"), updated),
    ];
    partial_new(vm, partial_t, std::slice::from_ref(uw), &kws)
}

// ---------------------------------------------------------------- partial

pub struct Partial {
    pub func: Value,
    pub args: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

fn partial_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Vec<Value>, Kw)> {
    if let Value::Instance(i) = v {
        if let Some(p) = i.native::<Partial>() {
            return Ok((p.func.clone(), p.args.clone(), p.kw.clone()));
        }
    }
    Err(vm.type_error("descriptor requires a 'functools.partial' object"))
}

fn merge_kw(base: &[(Rc<str>, Value)], extra: &KwArgs) -> Vec<(Rc<str>, Value)> {
    let mut kws = base.to_vec();
    for (n, v) in extra {
        if let Some(slot) = kws.iter_mut().find(|(m, _)| m == n) {
            slot.1 = v.clone();
        } else {
            kws.push((n.clone(), v.clone()));
        }
    }
    kws
}

fn partial_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let Some(func) = args.first().cloned() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pargs = args[1..].to_vec();
    let mut pkw = kw.to_vec();
    let mut func = func;
    // A partial of a plain partial is flattened (as CPython does when no __dict__ was added).
    if let Value::Instance(i) = &func {
        let flat = i.class().name().as_ref() == "partial" && i.dict.borrow().is_empty();
        if flat {
            if let Some(inner) = i
                .native::<Partial>()
                .map(|p| (p.func.clone(), p.args.clone(), p.kw.clone()))
            {
                let (f, a, k) = inner;
                let mut na = a;
                na.extend(pargs);
                pargs = na;
                pkw = merge_kw(&k, &pkw);
                func = f;
            }
        }
    }
    Ok(vm.new_native_instance(
        cls,
        Box::new(Partial {
            func,
            args: pargs,
            kw: pkw,
        }),
    ))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let (func, pargs, pkw) = partial_parts(vm, &slf)?;
    let mut all = pargs;
    all.extend_from_slice(args.get(1..).unwrap_or(&[]));
    let kws = merge_kw(&pkw, kw);
    vm.call(&func, &all, &kws)
}

fn partial_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let (func, pargs, pkw) = partial_parts(vm, &slf)?;
    let key = slf.ptr().unwrap_or(0);
    let t = vm.type_of(&slf);
    let qual = format!("{}.{}", t.module.borrow(), t.qualname.borrow());
    if vm.repr_guard.contains(&key) {
        return Ok(Value::str("..."));
    }
    vm.repr_guard.push(key);
    let r = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr(&func)?];
        for a in &pargs {
            parts.push(vm.repr(a)?);
        }
        for (k, v) in &pkw {
            let r = vm.repr(v)?;
            parts.push(format!("{k}={r}"));
        }
        Ok(parts.join(", "))
    })();
    vm.repr_guard.pop();
    Ok(Value::string(format!("{qual}({})", r?)))
}

fn partial_func(vm: &mut Vm, v: &Value) -> R {
    Ok(partial_parts(vm, v)?.0)
}
fn partial_args(vm: &mut Vm, v: &Value) -> R {
    Ok(Value::tuple(partial_parts(vm, v)?.1))
}
fn partial_keywords(vm: &mut Vm, v: &Value) -> R {
    let kw = partial_parts(vm, v)?.2;
    vm.new_dict(kw.into_iter().map(|(k, v)| (Value::str(&k), v)).collect())
}

fn noop_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}

// ---------------------------------------------------------------- reduce

fn reduce(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("reduce() takes no keyword arguments"));
    }
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "reduce expected {} arguments, got {}",
            if args.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            },
            args.len()
        )));
    }
    let it = match vm.get_iter(&args[1]) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.get(2).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(&args[0], &[a, x], &[])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ---------------------------------------------------------------- lru_cache

struct Lru {
    func: Value,
    maxsize: Option<usize>,
    typed: bool,
    cache: Rc<PyDict>,
    hits: i64,
    misses: i64,
    marker: Value,
    cache_info_t: Value,
}

/// Snapshot of the wrapper's fields (the cache dict is shared).
fn lru_get(vm: &Vm, v: &Value) -> PyResult<LruFields> {
    if let Value::Instance(i) = v {
        if let Some(s) = i.native::<Lru>() {
            return Ok((
                s.func.clone(),
                s.maxsize,
                s.typed,
                s.cache.clone(),
                s.marker.clone(),
            ));
        }
    }
    Err(vm.type_error("descriptor requires a 'functools._lru_cache_wrapper' object"))
}

fn lru_bump(v: &Value, hit: bool) {
    if let Value::Instance(i) = v {
        if let Some(mut s) = i.native::<Lru>() {
            if hit {
                s.hits += 1;
            } else {
                s.misses += 1;
            }
        }
    }
}

fn make_key(vm: &mut Vm, args: &[Value], kw: &KwArgs, typed: bool, marker: &Value) -> R {
    let mut key: Vec<Value> = args.to_vec();
    if !kw.is_empty() {
        key.push(marker.clone());
        for (k, v) in kw {
            key.push(Value::str(k));
            key.push(v.clone());
        }
    }
    if typed {
        for a in args {
            key.push(Value::Type(vm.type_of(a)));
        }
        for (_, v) in kw {
            key.push(Value::Type(vm.type_of(v)));
        }
    } else if key.len() == 1 && matches!(key[0], Value::Int(_) | Value::Str(_)) {
        return Ok(key.pop().unwrap_or_default());
    }
    Ok(Value::tuple(key))
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let (func, maxsize, typed, cache, marker) = lru_get(vm, &slf)?;
    let rest = args.get(1..).unwrap_or(&[]);
    if maxsize == Some(0) {
        lru_bump(&slf, false);
        return vm.call(&func, rest, kw);
    }
    let key = make_key(vm, rest, kw, typed, &marker)?;
    if let Some(v) = vm.dict_get(&cache, &key)? {
        lru_bump(&slf, true);
        if maxsize.is_some() {
            // Move to the most-recently-used end.
            vm.dict_del(&cache, &key)?;
            vm.dict_set(&cache, key, v.clone())?;
        }
        return Ok(v);
    }
    lru_bump(&slf, false);
    let result = vm.call(&func, rest, kw)?;
    if vm.dict_get(&cache, &key)?.is_some() {
        // A recursive call already cached this key.
        return Ok(result);
    }
    if let Some(m) = maxsize {
        if cache.len() >= m {
            let oldest = cache.t.borrow().keys().into_iter().next();
            if let Some(k) = oldest {
                vm.dict_del(&cache, &k)?;
            }
        }
    }
    vm.dict_set(&cache, key, result.clone())?;
    Ok(result)
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let (hits, misses, maxsize, size, ci) = match &slf {
        Value::Instance(i) => match i.native::<Lru>() {
            Some(s) => (
                s.hits,
                s.misses,
                s.maxsize,
                s.cache.len(),
                s.cache_info_t.clone(),
            ),
            None => return Err(vm.type_error("cache_info")),
        },
        _ => return Err(vm.type_error("cache_info")),
    };
    let ms = maxsize.map(|m| Value::Int(m as i64)).unwrap_or(Value::None);
    vm.call(
        &ci,
        &[
            Value::Int(hits),
            Value::Int(misses),
            ms,
            Value::Int(size as i64),
        ],
        &[],
    )
}

fn lru_cache_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(mut s) = i.native::<Lru>() {
            s.hits = 0;
            s.misses = 0;
            s.cache.t.borrow_mut().clear();
            return Ok(Value::None);
        }
    }
    Err(vm.type_error("cache_clear"))
}

fn lru_cache_parameters(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if let Some(Value::Instance(i)) = args.first() {
        let p = i.native::<Lru>().map(|s| (s.maxsize, s.typed));
        if let Some((m, t)) = p {
            let ms = m.map(|m| Value::Int(m as i64)).unwrap_or(Value::None);
            return vm.new_dict(vec![
                (Value::str("maxsize"), ms),
                (Value::str("typed"), Value::Bool(t)),
            ]);
        }
    }
    Err(vm.type_error("cache_parameters"))
}

fn lru_get_descr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__get__", args, 2, 3)?;
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    Ok(Value::Method(Rc::new(PyMethod {
        func: args[0].clone(),
        slf: args[1].clone(),
    })))
}

struct LruTypes {
    wrapper_t: Rc<PyType>,
    cache_info_t: Value,
}

fn decorate(vm: &mut Vm, t: &LruTypes, func: Value, maxsize: Option<usize>, typed: bool) -> R {
    if !is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let marker = Value::Type(t.wrapper_t.clone());
    let w = vm.new_native_instance(
        &t.wrapper_t,
        Box::new(Lru {
            func: func.clone(),
            maxsize,
            typed,
            cache: Rc::new(PyDict::new()),
            hits: 0,
            misses: 0,
            marker,
            cache_info_t: t.cache_info_t.clone(),
        }),
    );
    let assigned: Vec<String> = ASSIGNED.iter().map(|s| s.to_string()).collect();
    do_update_wrapper(vm, &w, &func, &assigned, &["__dict__".to_string()])?;
    Ok(w)
}

fn lru_cache(vm: &mut Vm, args: &[Value], kw: &KwArgs, t: &Rc<LruTypes>) -> R {
    check_kwargs(vm, "lru_cache", kw, &["maxsize", "typed"])?;
    let first = arg(args, kw, 0, "maxsize").unwrap_or(Value::Int(128));
    let typed = match arg(args, kw, 1, "typed") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let maxsize = match &first {
        Value::Int(n) => Some((*n).max(0) as usize),
        Value::Bool(b) => Some(*b as usize),
        Value::None => None,
        f if is_callable(vm, f) => {
            return decorate(vm, t, f.clone(), Some(128), typed);
        }
        _ => {
            return Err(
                vm.type_error("Expected first argument to be an integer, a callable, or None")
            )
        }
    };
    let t2 = t.clone();
    Ok(vm.new_closure("decorating_function", move |vm, a, _| {
        vm.check_args("decorating_function", a, 1, 1)?;
        decorate(vm, &t2, a[0].clone(), maxsize, typed)
    }))
}

fn cache(vm: &mut Vm, args: &[Value], _kw: &KwArgs, t: &Rc<LruTypes>) -> R {
    vm.check_args("cache", args, 1, 1)?;
    decorate(vm, t, args[0].clone(), None, false)
}

// ---------------------------------------------------------------- cached_property

struct CachedProp {
    func: Value,
    attrname: Option<String>,
}

fn cp_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("cached_property", args, 1, 1)?;
    let v = vm.new_native_instance(
        cls,
        Box::new(CachedProp {
            func: args[0].clone(),
            attrname: None,
        }),
    );
    if let Ok(doc) = vm.getattr_str(&args[0], "__doc__") {
        let _ = vm.setattr(&v, &Value::str("__doc__"), doc);
    }
    Ok(v)
}

fn cp_set_name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__set_name__", args, 3, 3)?;
    let name = vm.str_of(&args[2])?;
    if let Value::Instance(i) = &args[0] {
        if let Some(mut c) = i.native::<CachedProp>() {
            match &c.attrname {
                None => c.attrname = Some(name),
                Some(old) if *old != name => {
                    let msg = format!(
                        "Cannot assign the same cached_property to two different names ({old:?} and {name:?})."
                    );
                    drop(c);
                    return Err(vm.type_error(msg.replace('"', "'")));
                }
                _ => {}
            }
        }
    }
    Ok(Value::None)
}

fn cp_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__get__", args, 2, 3)?;
    let inst = args[1].clone();
    if inst.is_none() {
        return Ok(args[0].clone());
    }
    let (func, name) = match &args[0] {
        Value::Instance(i) => match i.native::<CachedProp>() {
            Some(c) => (c.func.clone(), c.attrname.clone()),
            None => return Err(vm.type_error("cached_property")),
        },
        _ => return Err(vm.type_error("cached_property")),
    };
    let Some(name) = name else {
        return Err(vm.type_error(
            "Cannot use cached_property instance without calling __set_name__ on it.",
        ));
    };
    if let Value::Instance(i) = &inst {
        if let Some(v) = i.dict.borrow().get(&name) {
            return Ok(v.clone());
        }
    }
    let v = vm.call(&func, std::slice::from_ref(&inst), &[])?;
    match &inst {
        Value::Instance(i) => i.dict.borrow_mut().set(&name, v.clone()),
        _ => {
            let tn = vm.type_name(&inst);
            return Err(vm.type_error(
                format!("No '__dict__' attribute on {tn:?} instance to cache {name:?} property.")
                    .replace('"', "'"),
            ));
        }
    }
    Ok(v)
}

// ---------------------------------------------------------------- total_ordering

/// `op_result` of `type(self).<root>(self, other)`, then the derived combination.
fn derived(vm: &mut Vm, slf: &Value, other: &Value, root: &str, how: u8) -> R {
    let t = vm.type_of(slf);
    let f = t.lookup(root).unwrap_or_default();
    let r = vm.call(&f, &[slf.clone(), other.clone()], &[])?;
    if matches!(r, Value::NotImplemented) {
        return Ok(r);
    }
    let rt = vm.truthy(&r)?;
    Ok(match how {
        // not op_result and self != other
        0 => {
            if rt {
                Value::Bool(false)
            } else {
                vm.compare(slf, other, CompareKind::Ne)?
            }
        }
        // op_result or self == other
        1 => {
            if rt {
                r
            } else {
                vm.compare(slf, other, CompareKind::Eq)?
            }
        }
        // not op_result
        2 => Value::Bool(!rt),
        // not op_result or self == other
        3 => {
            if !rt {
                Value::Bool(true)
            } else {
                vm.compare(slf, other, CompareKind::Eq)?
            }
        }
        // op_result and self != other
        _ => {
            if !rt {
                r
            } else {
                vm.compare(slf, other, CompareKind::Ne)?
            }
        }
    })
}

fn total_ordering(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("total_ordering", args, 1, 1)?;
    let Value::Type(cls) = &args[0] else {
        return Err(vm.type_error("total_ordering() expects a class"));
    };
    let object = vm.types.object.clone();
    let mut roots = Vec::new();
    for op in ["__lt__", "__le__", "__gt__", "__ge__"] {
        if let Some((_, owner)) = cls.lookup_with_owner(op) {
            if !Rc::ptr_eq(&owner, &object) {
                roots.push(op);
            }
        }
    }
    // CPython picks `max(roots)` (string order): __lt__ > __le__ > __gt__ > __ge__.
    let Some(root) = roots.iter().copied().max() else {
        return Err(vm.value_error("must define at least one ordering operation: < > <= >="));
    };
    let convert: &[(&str, u8)] = match root {
        "__lt__" => &[("__gt__", 0), ("__le__", 1), ("__ge__", 2)],
        "__le__" => &[("__ge__", 3), ("__lt__", 4), ("__gt__", 2)],
        "__gt__" => &[("__lt__", 0), ("__ge__", 1), ("__le__", 2)],
        _ => &[("__le__", 3), ("__gt__", 4), ("__lt__", 2)],
    };
    for &(name, how) in convert {
        if roots.contains(&name) {
            continue;
        }
        put_closure(cls, name, move |vm, a, _| {
            vm.check_args(name, a, 2, 2)?;
            derived(vm, &a[0], &a[1], root, how)
        });
    }
    Ok(args[0].clone())
}

// ---------------------------------------------------------------- cmp_to_key

struct KeyObj {
    cmp: Value,
    obj: Value,
}

fn key_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Value)> {
    if let Value::Instance(i) = v {
        if let Some(k) = i.native::<KeyObj>() {
            return Ok((k.cmp.clone(), k.obj.clone()));
        }
    }
    Err(vm.type_error("other argument must be K instance"))
}

fn key_cmp(vm: &mut Vm, args: &[Value], op: CompareKind) -> R {
    vm.check_args("K", args, 2, 2)?;
    let (cmp, a) = key_parts(vm, &args[0])?;
    let (_, b) = key_parts(vm, &args[1])?;
    let r = vm.call(&cmp, &[a, b], &[])?;
    vm.compare(&r, &Value::Int(0), op)
}

fn key_lt(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> R {
    key_cmp(vm, a, CompareKind::Lt)
}
fn key_le(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> R {
    key_cmp(vm, a, CompareKind::Le)
}
fn key_gt(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> R {
    key_cmp(vm, a, CompareKind::Gt)
}
fn key_ge(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> R {
    key_cmp(vm, a, CompareKind::Ge)
}
fn key_eq(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> R {
    key_cmp(vm, a, CompareKind::Eq)
}
fn key_ne(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> R {
    key_cmp(vm, a, CompareKind::Ne)
}
fn key_obj(vm: &mut Vm, v: &Value) -> R {
    Ok(key_parts(vm, v)?.1)
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: &KwArgs, key_t: &Rc<PyType>) -> R {
    check_kwargs(vm, "cmp_to_key", kw, &["mycmp"])?;
    let Some(cmp) = arg(args, kw, 0, "mycmp") else {
        return Err(vm.type_error("cmp_to_key() missing required argument 'mycmp' (pos 1)"));
    };
    let t = key_t.clone();
    Ok(vm.new_closure("K", move |vm, a, _| {
        vm.check_args("K", a, 1, 1)?;
        Ok(vm.new_native_instance(
            &t,
            Box::new(KeyObj {
                cmp: cmp.clone(),
                obj: a[0].clone(),
            }),
        ))
    }))
}

// ---------------------------------------------------------------- module

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("functools");
    vm.module_add_fn(&m, "reduce", reduce);
    vm.module_add_fn(&m, "update_wrapper", update_wrapper);
    vm.module_add_fn(&m, "total_ordering", total_ordering);
    m.dict.set_str(
        "WRAPPER_ASSIGNMENTS",
        Value::tuple(ASSIGNED.iter().map(|s| Value::str(s)).collect()),
    );
    m.dict.set_str(
        "WRAPPER_UPDATES",
        Value::tuple(vec![Value::str("__dict__")]),
    );

    let partial_t = vm.new_native_class("partial", "functools", &[], Some(partial_new))?;
    partial_t.mark_c_type();
    vm.add_methods(
        &partial_t,
        &[
            ("__call__", partial_call),
            ("__repr__", partial_repr),
            ("__init__", noop_init),
        ],
    );
    vm.add_getset(&partial_t, "func", partial_func, None);
    vm.add_getset(&partial_t, "args", partial_args, None);
    vm.add_getset(&partial_t, "keywords", partial_keywords, None);
    m.dict.set_str("partial", Value::Type(partial_t.clone()));

    let uw = m.dict.get_str("update_wrapper").unwrap_or_default();
    let pt = partial_t.clone();
    let f = vm.new_closure("wraps", move |vm, a, k| wraps(vm, a, k, &pt, &uw));
    m.dict.set_str("wraps", f);

    let wrapper_t = vm.new_native_class("_lru_cache_wrapper", "functools", &[], None)?;
    wrapper_t.mark_c_type();
    vm.add_methods(
        &wrapper_t,
        &[
            ("__call__", lru_call),
            ("cache_info", lru_cache_info),
            ("cache_clear", lru_cache_clear),
            ("cache_parameters", lru_cache_parameters),
            ("__get__", lru_get_descr),
        ],
    );
    let coll = vm.import("collections", true)?;
    let nt = vm.getattr_str(&coll, "namedtuple")?;
    let fields = Value::list(
        ["hits", "misses", "maxsize", "currsize"]
            .iter()
            .map(|s| Value::str(s))
            .collect(),
    );
    let cache_info_t = vm.call(
        &nt,
        &[Value::str("CacheInfo"), fields],
        &[(Rc::from("module"), Value::str("functools"))],
    )?;
    let types = Rc::new(LruTypes {
        wrapper_t,
        cache_info_t,
    });
    let t1 = types.clone();
    let f = vm.new_closure("lru_cache", move |vm, a, k| lru_cache(vm, a, k, &t1));
    m.dict.set_str("lru_cache", f);
    let t2 = types.clone();
    let f = vm.new_closure("cache", move |vm, a, k| cache(vm, a, k, &t2));
    m.dict.set_str("cache", f);

    let cp = vm.new_native_class("cached_property", "functools", &[], Some(cp_new))?;
    vm.add_methods(
        &cp,
        &[
            ("__set_name__", cp_set_name),
            ("__get__", cp_get),
            ("__init__", noop_init),
        ],
    );
    m.dict.set_str("cached_property", Value::Type(cp));

    let key_t = vm.new_native_class("KeyWrapper", "functools", &[], None)?;
    key_t.mark_c_type();
    vm.add_methods(
        &key_t,
        &[
            ("__lt__", key_lt),
            ("__le__", key_le),
            ("__gt__", key_gt),
            ("__ge__", key_ge),
            ("__eq__", key_eq),
            ("__ne__", key_ne),
        ],
    );
    key_t.dict.borrow_mut().set("__hash__", Value::None);
    vm.add_getset(&key_t, "obj", key_obj, None);
    let f = vm.new_closure("cmp_to_key", move |vm, a, k| cmp_to_key(vm, a, k, &key_t));
    m.dict.set_str("cmp_to_key", f);
    let _ = kw_get;

    // singledispatch is Python code (as in CPython); without a front end it is simply absent.
    let uw = m.dict.get_str("update_wrapper").unwrap_or_default();
    if let Ok(sd) = super::pysource::load_with(
        vm,
        "functools",
        "<loopscope>/functools/singledispatch.py",
        SINGLEDISPATCH,
        &[("update_wrapper", uw)],
    ) {
        for name in ["singledispatch", "singledispatchmethod"] {
            if let Some(v) = sd.dict.get_str(name) {
                m.dict.set_str(name, v);
            }
        }
    }
    Ok(m)
}
