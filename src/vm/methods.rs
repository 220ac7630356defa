//! Constructors and methods of the built-in types (the common ones; more can be added from
//! other files with `vm.add_method`), plus the slow paths of subscripting.

use super::coro::{AGenOpKind, GenKind};
use super::dict::PyDict;
use super::exceptions::ExcKind;
use super::interp::ResumeHow;
use super::object::{kw_get, NativeData, NativeObj, PyType, Special};
use super::value::{PyBytes, Value};
use super::{KwArgs, PyResult, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

fn arg<'a>(vm: &Vm, args: &'a [Value], i: usize, fname: &str) -> PyResult<&'a Value> {
    args.get(i).ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() missing required argument (pos {})",
            i + 1
        ))
    })
}

// ---------------------------------------------------------------- constructors

pub fn int_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let base = kw_get(kw, "base").or(args.get(1)).cloned();
    let Some(v) = args.first().map(str_payload) else {
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = vm.to_int(&b)?;
        let Value::Str(s) = v else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, &s.s, b);
    }
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Long(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => super::numeric::float_to_int(*f).map_err(|e| vm.num_err(e)),
        Value::Str(s) => parse_int(vm, &s.s, 10),
        Value::Bytes(b) => parse_int(vm, &String::from_utf8_lossy(&b.b), 10),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(v, name, &[])? {
                    return Ok(r);
                }
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

/// CPython's int(str) (Unicode digits and spaces, underscores, prefixes, its messages).
fn parse_int(vm: &Vm, s: &str, base: i64) -> R {
    super::numeric::parse_int(s, base).map_err(|e| super::render::numeric_err(vm, e))
}

pub fn bool_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    match args.first() {
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// The text a str subclass's instance carries (`int(S("5"))`), else the value itself.
fn str_payload(v: &Value) -> &Value {
    match super::subclass::payload(v) {
        Some(p @ (Value::Str(_) | Value::Bytes(_))) => p,
        _ => v,
    }
}

pub fn float_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    let Some(v) = args.first().map(str_payload) else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(f) => Ok(Value::Float(*f)),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Long(b) => super::long::to_f64(b)
            .map(Value::Float)
            .map_err(|e| vm.num_err(e)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        // The literal grammar: `_` only between digits, any Unicode decimal digit and
        // whitespace (`float("1__0")` is an error, `float("١.٥")` is 1.5).
        Value::Str(s) => super::numeric::parse_float(&s.s)
            .map(Value::Float)
            .map_err(|e| vm.num_err(e)),
        _ => {
            if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
                return Ok(r);
            }
            if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
                return Ok(Value::Float(vm.to_f64(&r)?));
            }
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

pub fn str_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    if args.len() > 1 || !kw.is_empty() {
        return str_decode_new(vm, args, kw);
    }
    match args.first() {
        None => Ok(Value::str("")),
        Some(v) => vm.str_value(v),
    }
}

/// `str(b, encoding[, errors])`: decode a bytes-like object.
fn str_decode_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    for (k, _) in kw.iter() {
        if !matches!(&**k, "encoding" | "errors" | "object") {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for str()")));
        }
    }
    let obj = match args.first().or_else(|| kw_get(kw, "object")) {
        Some(v) => v.clone(),
        None => return Ok(Value::str("")),
    };
    let Some(b) = super::bytearray::bytes_like(&obj) else {
        return Err(vm.type_error(match &obj {
            Value::Str(_) => "decoding str is not supported".to_string(),
            other => format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(other)
            ),
        }));
    };
    let encoding = args
        .get(1)
        .or_else(|| kw_get(kw, "encoding"))
        .cloned()
        .unwrap_or_else(|| Value::str("utf-8"));
    let errors = args
        .get(2)
        .or_else(|| kw_get(kw, "errors"))
        .cloned()
        .unwrap_or_else(|| Value::str("strict"));
    let Some(decode) = vm.types.bytes.lookup("decode") else {
        return Err(vm.type_error("bytes.decode is missing"));
    };
    vm.call(
        &decode,
        &[super::bytes_methods::new_bytes(b), encoding, errors],
        &[],
    )
}

pub fn bytes_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    let b: Vec<u8> = match args.first() {
        None => vec![],
        Some(v @ Value::Str(_)) => {
            if args.len() < 2 {
                return Err(vm.type_error("string argument without an encoding"));
            }
            // `bytes(s, encoding[, errors])` is `s.encode(encoding[, errors])`.
            match vm.call_method_by_name(v, "encode", &args[1..])? {
                Some(Value::Bytes(b)) => b.b.to_vec(),
                _ => return Err(vm.type_error("string argument without an encoding")),
            }
        }
        Some(Value::Int(n)) if *n < 0 => return Err(vm.value_error("negative count")),
        Some(Value::Int(n)) => {
            vm.check_alloc(*n as usize)?;
            vec![0; *n as usize]
        }
        Some(v) if super::bytearray::bytes_like(v).is_some() => {
            super::bytearray::bytes_like(v).unwrap_or_default()
        }
        Some(v) => {
            let items = vm.iter_to_vec(v)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let i = vm.to_int(&it)?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    Ok(Value::Bytes(Rc::new(PyBytes {
        b: b.into_boxed_slice(),
    })))
}

pub fn list_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    match args.first() {
        None => Ok(Value::list(vec![])),
        Some(v) => Ok(Value::list(vm.iter_to_vec(v)?)),
    }
}

pub fn tuple_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    match args.first() {
        None => Ok(Value::tuple(vec![])),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.iter_to_vec(v)?)),
    }
}

pub fn dict_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let d = Rc::new(PyDict::new());
    if let Some(src) = args.first() {
        dict_update_from(vm, &d, src)?;
    }
    for (k, v) in kw {
        d.set_str(k, v.clone());
    }
    Ok(Value::Dict(d))
}

fn dict_update_from(vm: &mut Vm, d: &PyDict, src: &Value) -> PyResult<()> {
    match src {
        Value::Dict(o) => {
            for (k, v) in o.t.borrow().items() {
                vm.dict_set(d, k, v)?;
            }
        }
        _ if vm.type_of(src).lookup("keys").is_some()
            && !matches!(src, Value::List(_) | Value::Tuple(_)) =>
        {
            for (k, v) in vm.mapping_items(src)? {
                vm.dict_set(d, k, v)?;
            }
        }
        _ => {
            let items = vm.iter_to_vec(src)?;
            for (i, it) in items.into_iter().enumerate() {
                let pair = vm.iter_to_vec(&it).map_err(|_| {
                    vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(vm.value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let mut p = pair.into_iter();
                if let (Some(k), Some(v)) = (p.next(), p.next()) {
                    vm.dict_set(d, k, v)?;
                }
            }
        }
    }
    Ok(())
}

/// `set(x)` / `frozenset(x)` the way CPython fills the table (a set is copied slot by slot, a
/// dict presizes), so iteration order matches.
fn set_from(vm: &mut Vm, src: Option<&Value>, frozen: bool) -> R {
    match src {
        None => Ok(Value::Set(Rc::new(super::dict::PySet::new(frozen)))),
        Some(Value::Set(s)) => {
            let t = s.t.borrow().copy();
            Ok(Value::Set(Rc::new(super::dict::PySet::from_table(
                frozen, t,
            ))))
        }
        Some(Value::Dict(d)) => {
            let keys = d.t.borrow().keys();
            let s = super::dict::PySet::new(frozen);
            s.t.borrow_mut().reserve_for_dict(keys.len());
            for k in keys {
                vm.set_add(&s, k)?;
            }
            Ok(Value::Set(Rc::new(s)))
        }
        Some(v) => {
            let items = vm.iter_to_vec(v)?;
            vm.new_set(items, frozen)
        }
    }
}

pub fn set_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    set_from(vm, args.first(), false)
}

pub fn frozenset_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    set_from(vm, args.first(), true)
}

pub fn range_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    let ints: Vec<i64> = {
        let mut v = Vec::new();
        for a in args {
            v.push(vm.to_index(a)?);
        }
        v
    };
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )))
        }
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(super::builtins::new_range(start, stop, step))
}

pub fn slice_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    Ok(match args {
        [stop] => super::builtins::new_slice(Value::None, stop.clone(), Value::None),
        [a, b] => super::builtins::new_slice(a.clone(), b.clone(), Value::None),
        [a, b, c] => super::builtins::new_slice(a.clone(), b.clone(), c.clone()),
        _ => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
    })
}

pub fn type_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    match args {
        [v] => Ok(Value::Type(vm.type_of(v))),
        [Value::Str(name), Value::Tuple(bases), Value::Dict(ns)] => {
            let mut bs = Vec::new();
            for b in bases.items.iter() {
                if let Value::Type(t) = b {
                    bs.push(t.clone());
                }
            }
            let mut dict = super::object::StrMap::new();
            for (k, v) in ns.t.borrow().items() {
                if let Value::Str(s) = k {
                    dict.set(&s.s, v);
                }
            }
            let body_end = super::class_dict::complete_namespace(vm, &mut dict);
            let module = match dict.get("__module__") {
                Some(Value::Str(s)) => s.s.to_string(),
                _ => "__main__".into(),
            };
            let t = super::builtins::make_class(vm, &name.s, &module, bs, dict, None)?;
            if let Some(k) = body_end {
                let _ = t.body_end.set(k);
            }
            Ok(Value::Type(t))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

pub fn property_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let get = |i: usize, name: &str| {
        kw_get(kw, name)
            .or(args.get(i))
            .cloned()
            .unwrap_or(Value::None)
    };
    Ok(vm.new_native(
        "property",
        NativeData::Property {
            fget: get(0, "fget"),
            fset: get(1, "fset"),
            fdel: get(2, "fdel"),
            doc: std::cell::RefCell::new(get(3, "doc")),
        },
    ))
}

fn native_with_cls(cls: &Rc<PyType>, data: NativeData) -> Value {
    Value::Native(Rc::new(NativeObj {
        cls: cls.clone(),
        data,
    }))
}

pub fn staticmethod_new(vm: &mut Vm, t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    let f = arg(vm, args, 0, "staticmethod")?.clone();
    Ok(native_with_cls(t, NativeData::StaticMethod(f)))
}

pub fn classmethod_new(vm: &mut Vm, t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    let f = arg(vm, args, 0, "classmethod")?.clone();
    Ok(native_with_cls(t, NativeData::ClassMethod(f)))
}

pub fn super_new(vm: &mut Vm, t: &Rc<PyType>, args: &[Value], _kw: &KwArgs) -> R {
    let (this, obj) = match args {
        [Value::Type(this), obj] => (this.clone(), obj.clone()),
        [] => {
            let Some(f) = vm.frames.last() else {
                return Err(vm.runtime_error("super(): no arguments"));
            };
            let co = f.code.co.clone();
            let mut first = f.locals.first().cloned().unwrap_or(Value::Null);
            if first.is_null() {
                // The first argument may live in a cell.
                if let Some(j) = co.cell2arg.iter().position(|c| *c == Some(0)) {
                    first = f.cells.get(j).map(|c| c.get()).unwrap_or(Value::Null);
                }
            }
            if co.argcount == 0 || first.is_null() {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let cls = co
                .freevars
                .iter()
                .position(|n| &**n == "__class__")
                .and_then(|i| f.cells.get(co.cellvars.len() + i))
                .map(|c| c.get());
            match cls {
                Some(Value::Type(c)) => (c, first),
                Some(Value::Null) => return Err(vm.runtime_error("super(): empty __class__ cell")),
                _ => return Err(vm.runtime_error("super(): __class__ cell not found")),
            }
        }
        _ => return Err(vm.type_error("super() argument 1 must be a type")),
    };
    let obj_type = match &obj {
        Value::Type(ot) if ot.is_subtype(&this) => ot.clone(),
        _ => {
            let ot = vm.type_of(&obj);
            if !ot.is_subtype(&this) {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            ot
        }
    };
    Ok(native_with_cls(
        t,
        NativeData::Super {
            this,
            obj,
            obj_type,
        },
    ))
}

// ---------------------------------------------------------------- slices and subscripts

/// CPython's `PySlice_GetIndicesEx`: (start, stop, step, length).
pub fn slice_indices(
    vm: &mut Vm,
    s: &super::value::PySlice,
    len: i64,
) -> PyResult<(i64, i64, i64, i64)> {
    let step = if s.step.is_none() {
        1
    } else {
        vm.slice_index(&s.step)?
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let start = if s.start.is_none() {
        if step < 0 {
            hi
        } else {
            lo
        }
    } else {
        let v = vm.slice_index(&s.start)?;
        if v < 0 {
            clamp(v + len, lo, hi)
        } else {
            clamp(v, lo, hi)
        }
    };
    let stop = if s.stop.is_none() {
        if step < 0 {
            lo
        } else {
            hi
        }
    } else {
        let v = vm.slice_index(&s.stop)?;
        if v < 0 {
            clamp(v + len, lo, hi)
        } else {
            clamp(v, lo, hi)
        }
    };
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n))
}

fn slice_pick<T: Clone>(items: &[T], start: i64, step: i64, n: i64) -> Vec<T> {
    let mut out = Vec::with_capacity(n.max(0) as usize);
    let mut i = start;
    for _ in 0..n {
        if let Some(v) = items.get(i as usize) {
            out.push(v.clone());
        }
        i += step;
    }
    out
}

/// A sequence index given by an object with `__index__` (an int subclass, a user class).
fn seq_index(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<Option<Value>> {
    if matches!(
        c,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)
    ) && matches!(k, Value::Instance(_))
        && vm.type_of(k).lookup("__index__").is_some()
    {
        return Ok(Some(Value::Int(vm.to_index(k)?)));
    }
    Ok(None)
}

/// An index past i64 into a built-in sequence: CPython's errors (it cannot become a
/// Py_ssize_t; a range says the index is out of range).
fn big_index_error(vm: &Vm, c: &Value, k: &Value) -> Option<super::Exc> {
    if !matches!(k, Value::Long(_)) {
        return None;
    }
    match c {
        Value::Range(_) => Some(vm.index_error("range object index out of range")),
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            Some(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        _ => None,
    }
}

pub fn getitem_slow(vm: &mut Vm, c: &Value, k: &Value) -> R {
    if let Some(i) = seq_index(vm, c, k)? {
        return vm.getitem(c, &i);
    }
    if let Some(e) = big_index_error(vm, c, k) {
        return Err(e);
    }
    match (c, k) {
        (Value::List(l), Value::Slice(s)) => {
            let items = l.items.borrow().clone();
            let (start, _, step, n) = slice_indices(vm, s, items.len() as i64)?;
            Ok(Value::list(slice_pick(&items, start, step, n)))
        }
        (Value::Tuple(t), Value::Slice(s)) => {
            let (start, _, step, n) = slice_indices(vm, s, t.items.len() as i64)?;
            Ok(Value::tuple(slice_pick(&t.items, start, step, n)))
        }
        (Value::Str(st), Value::Slice(s)) => {
            let chars: Vec<char> = st.s.chars().collect();
            let (start, _, step, n) = slice_indices(vm, s, chars.len() as i64)?;
            Ok(Value::string(
                slice_pick(&chars, start, step, n).into_iter().collect(),
            ))
        }
        (Value::Bytes(b), Value::Slice(s)) => {
            let (start, _, step, n) = slice_indices(vm, s, b.b.len() as i64)?;
            Ok(Value::Bytes(Rc::new(PyBytes {
                b: slice_pick(&b.b, start, step, n).into_boxed_slice(),
            })))
        }
        (Value::Bytes(b), Value::Int(i)) => {
            let idx = if *i < 0 { *i + b.b.len() as i64 } else { *i };
            match usize::try_from(idx).ok().and_then(|i| b.b.get(i)) {
                Some(x) => Ok(Value::Int(*x as i64)),
                None => Err(vm.index_error("index out of range")),
            }
        }
        (Value::Range(r), Value::Int(i)) => {
            let len = r.len();
            let idx = if *i < 0 { *i + len } else { *i };
            if idx < 0 || idx >= len {
                return Err(vm.index_error("range object index out of range"));
            }
            Ok(Value::Int(r.get(idx)))
        }
        (Value::Range(r), Value::Slice(s)) => {
            let (start, stop, step, _) = slice_indices(vm, s, r.len())?;
            Ok(super::builtins::new_range(
                r.get(start),
                r.get(stop),
                r.step * step,
            ))
        }
        (Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_), Value::Bool(b)) => {
            vm.getitem(c, &Value::Int(*b as i64))
        }
        (Value::List(_) | Value::Tuple(_) | Value::Range(_), Value::Instance(_)) => {
            let i = vm.to_index(k)?;
            vm.getitem(c, &Value::Int(i))
        }
        (Value::List(_), _) => Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(k)
        ))),
        (Value::Tuple(_), _) => Err(vm.type_error(format!(
            "tuple indices must be integers or slices, not {}",
            vm.type_name(k)
        ))),
        (Value::Str(_), _) => Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(k)
        ))),
        (Value::Type(_), _) if vm.has_meta_dunder(c, "__getitem__") => Ok(vm
            .call_dunder(c, "__getitem__", &[k.clone()])?
            .unwrap_or(Value::None)),
        (Value::Type(t), _) => {
            if let Some(f) = t.lookup("__class_getitem__") {
                let f = match &f {
                    Value::Native(n) => match &n.data {
                        NativeData::ClassMethod(inner) => inner.clone(),
                        _ => f.clone(),
                    },
                    _ => f.clone(),
                };
                return vm.call(&f, &[c.clone(), k.clone()], &[]);
            }
            if let Some(alias) = super::generic_alias::class_getitem(vm, t, k) {
                return Ok(alias);
            }
            Err(vm.type_error(format!("type '{}' is not subscriptable", t.name())))
        }
        _ => match vm.call_dunder(c, "__getitem__", &[k.clone()])? {
            Some(v) => Ok(v),
            None => {
                Err(vm.type_error(format!("'{}' object is not subscriptable", vm.type_name(c))))
            }
        },
    }
}

pub fn setitem_slow(vm: &mut Vm, c: &Value, k: &Value, v: Value) -> PyResult<()> {
    if let Some(i) = seq_index(vm, c, k)? {
        return vm.setitem(c, &i, v);
    }
    if let (Some(e), Value::List(_)) = (big_index_error(vm, c, k), c) {
        return Err(e);
    }
    match (c, k) {
        (Value::List(l), Value::Slice(s)) => {
            let new = vm.iter_to_vec(&v)?;
            let len = l.items.borrow().len() as i64;
            let (start, stop, step, n) = slice_indices(vm, s, len)?;
            let mut items = l.items.borrow_mut();
            if step == 1 {
                let stop = stop.max(start);
                items.splice(start as usize..stop as usize, new);
            } else {
                if new.len() as i64 != n {
                    drop(items);
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        n
                    )));
                }
                let mut i = start;
                for x in new {
                    if let Some(slot) = items.get_mut(i as usize) {
                        *slot = x;
                    }
                    i += step;
                }
            }
            Ok(())
        }
        (Value::List(_), Value::Bool(b)) => vm.setitem(c, &Value::Int(*b as i64), v),
        (Value::List(_), _) => Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(k)
        ))),
        (Value::Instance(_) | Value::Native(_), _) => {
            match vm.call_dunder(c, "__setitem__", &[k.clone(), v])? {
                Some(_) => Ok(()),
                None => Err(vm.type_error(format!(
                    "'{}' object does not support item assignment",
                    vm.type_name(c)
                ))),
            }
        }
        _ => Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            vm.type_name(c)
        ))),
    }
}

pub fn delitem(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<()> {
    if let Some(i) = seq_index(vm, c, k)? {
        return delitem(vm, c, &i);
    }
    match (c, k) {
        (Value::List(l), Value::Int(i)) => {
            let mut items = l.items.borrow_mut();
            let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
            if idx < 0 || idx as usize >= items.len() {
                drop(items);
                return Err(vm.index_error("list assignment index out of range"));
            }
            items.remove(idx as usize);
            Ok(())
        }
        (Value::List(l), Value::Slice(s)) => {
            let len = l.items.borrow().len() as i64;
            let (start, _, step, n) = slice_indices(vm, s, len)?;
            let mut idxs: Vec<i64> = (0..n).map(|j| start + j * step).collect();
            idxs.sort_unstable();
            let mut items = l.items.borrow_mut();
            for i in idxs.into_iter().rev() {
                if (i as usize) < items.len() {
                    items.remove(i as usize);
                }
            }
            Ok(())
        }
        (Value::Dict(d), _) => match vm.dict_del(d, k)? {
            Some(_) => Ok(()),
            None => Err(vm.new_error_args(ExcKind::KeyError, vec![k.clone()])),
        },
        (Value::Instance(_) | Value::Native(_), _) => {
            match vm.call_dunder(c, "__delitem__", &[k.clone()])? {
                Some(_) => Ok(()),
                None => Err(vm.type_error(format!(
                    "'{}' object does not support item deletion",
                    vm.type_name(c)
                ))),
            }
        }
        _ => Err(vm.type_error(format!(
            "'{}' object doesn't support item deletion",
            vm.type_name(c)
        ))),
    }
}

// ---------------------------------------------------------------- object / type

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}
fn object_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = arg(vm, args, 0, "__repr__")?;
    Ok(Value::string(vm.default_repr(s)))
}
fn object_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = arg(vm, args, 0, "__str__")?.clone();
    Ok(Value::string(vm.repr(&s)?))
}
fn object_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}
fn object_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__ne__", args, 2, 2)?;
    let r = vm.compare(&args[0], &args[1], crate::lang::bytecode::CompareKind::Eq)?;
    match r {
        Value::NotImplemented => Ok(Value::NotImplemented),
        v => Ok(Value::Bool(!vm.truthy(&v)?)),
    }
}
fn object_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = arg(vm, args, 0, "__hash__")?;
    Ok(Value::Int(super::ops::identity_hash_of(s)))
}
fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__setattr__", args, 3, 3)?;
    match &args[0] {
        Value::Instance(i) => {
            let cls = i.class();
            let n = vm.str_arg(&args[1], "attribute name")?.to_string();
            vm.generic_setattr(i, &cls, &args[0], &n, args[2].clone())?;
        }
        other => vm.setattr_plain(other, &args[1], args[2].clone())?,
    }
    Ok(Value::None)
}
fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__delattr__", args, 2, 2)?;
    if let Value::Instance(i) = &args[0] {
        let n = vm.str_arg(&args[1], "attribute name")?.to_string();
        if i.dict.borrow_mut().remove(&n).is_none() {
            let o = args[0].clone();
            return Err(vm.no_attr(&o, &n));
        }
    } else {
        let o = args[0].clone();
        vm.delattr_plain(&o, &args[1])?;
    }
    Ok(Value::None)
}
fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__getattribute__", args, 2, 2)?;
    let obj = &args[0];
    let n = vm.str_arg(&args[1], "attribute name")?.to_string();
    if let Value::Instance(i) = obj {
        let cls = i.class();
        let descr = cls.lookup(&n);
        if let Some(d) = &descr {
            if matches!(d, Value::Native(nd) if matches!(nd.data, NativeData::Property{..} | NativeData::GetSet{..}))
            {
                return vm.bind_descr(d.clone(), obj, &cls);
            }
        }
        if let Some(v) = i.dict.borrow().get(&n) {
            return Ok(v.clone());
        }
        if let Some(d) = descr {
            return vm.bind_descr(d, obj, &cls);
        }
        if n == "__dict__" && vm.has_instance_dict(&cls) {
            return Ok(Value::Dict(super::live_dict::dict_of(
                super::live_dict::DictOf::Inst(i),
            )));
        }
        if n == "__class__" {
            return Ok(Value::Type(cls));
        }
        let o = obj.clone();
        return Err(vm.no_attr(&o, &n));
    }
    vm.getattr(obj, &args[1])
}
fn object_format(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__format__", args, 2, 2)?;
    let spec = vm.str_arg(&args[1], "format spec")?.to_string();
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args[0])
        )));
    }
    Ok(Value::string(vm.str_of(&args[0])?))
}
fn object_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    match args.first() {
        Some(Value::Type(t)) => {
            if let Some(nn) = t
                .native_new
                .or_else(|| t.mro_tail.iter().find_map(|b| b.native_new))
            {
                if t.layout == super::object::Layout::Native {
                    return nn(vm, t, &args[1..], &[]);
                }
            }
            Ok(vm.new_plain_instance(t))
        }
        Some(other) => Err(vm.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("object.__new__(): not enough arguments")),
    }
}
/// `f.__call__(*args, **kwargs)` for functions, methods and builtins.
fn callable_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some((f, rest)) = args.split_first() else {
        return Err(vm.type_error("__call__() needs its object"));
    };
    vm.call(f, rest, kw)
}
/// `object.__subclasshook__`: no opinion, so ABCMeta falls back to the registry and the MRO.
fn object_subclasshook(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::NotImplemented)
}
fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        let name = match args.first() {
            Some(Value::Type(t)) => t.name().to_string(),
            _ => "object".into(),
        };
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}
fn object_reduce(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Err(vm.type_error("cannot pickle objects in loopscope"))
}
fn object_dir(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let f = vm.builtins.get_str("dir").unwrap_or(Value::None);
    vm.call(&f, args, kw)
}

/// `type.__new__(meta, name, bases, ns, **kw)` (a metaclass's `super().__new__(...)`), and
/// `type.__new__(type, obj)`.
fn type_dunder_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let meta = match args.first() {
        Some(Value::Type(m)) if m.is_subtype(&vm.types.type_) => m.clone(),
        Some(Value::Type(m)) => {
            return Err(vm.type_error(format!(
                "type.__new__({}): {} is not a subtype of type",
                m.name(),
                m.name()
            )))
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "type.__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("type.__new__(): not enough arguments")),
    };
    match &args[1..] {
        [v] if kw.is_empty() => Ok(Value::Type(vm.type_of(v))),
        [Value::Str(name), Value::Tuple(bases), Value::Dict(ns)] => {
            let mut bs = Vec::new();
            for b in bases.items.iter() {
                match b {
                    Value::Type(t) => bs.push(t.clone()),
                    other => {
                        return Err(vm.type_error(format!(
                            "bases must be types, not {}",
                            vm.type_name(other)
                        )))
                    }
                }
            }
            let meta = vm.winning_meta(meta, &bs)?;
            vm.new_class_from_ns(Some(meta), &name.s, bs, ns, kw, None)
        }
        rest => Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            rest.len()
        ))),
    }
}

/// `type.__init__`: the class is complete after `__new__`; the arguments were checked there.
fn type_dunder_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}

/// `type.__call__(cls, *args)`: create an instance the usual way (a metaclass's
/// `super().__call__(...)`).
fn type_dunder_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    match args.first() {
        Some(Value::Type(t)) => {
            let t = t.clone();
            vm.construct(&t, args[1..].to_vec(), kw)
        }
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
    }
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(Value::Type(t)) = args.first() else {
        return Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object"));
    };
    let mut subs = vm.subclasses.borrow_mut();
    let live: Vec<Value> = match subs.get_mut(&t.id) {
        Some(v) => {
            v.retain(|w| w.strong_count() > 0);
            v.iter()
                .filter_map(|w| w.upgrade())
                .map(Value::Type)
                .collect()
        }
        None => Vec::new(),
    };
    Ok(Value::list(live))
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    match args.first() {
        Some(Value::Type(t)) => Ok(Value::list(t.mro().into_iter().map(Value::Type).collect())),
        _ => Err(vm.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

// ---------------------------------------------------------------- exceptions

fn exc_init(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(d) = i.exc() {
            d.borrow_mut().args = Value::tuple(args[1..].to_vec());
        }
        return Ok(Value::None);
    }
    Err(vm.type_error("BaseException.__init__ needs an exception"))
}
fn exc_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = arg(vm, args, 0, "__str__")?.clone();
    Ok(Value::string(vm.exc_str_default(&s)?))
}
fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = arg(vm, args, 0, "__repr__")?.clone();
    Ok(Value::string(vm.exc_repr_default(&s)?))
}
fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("with_traceback", args, 2, 2)?;
    if let (Value::Instance(i), tb) = (&args[0], &args[1]) {
        if let Some(d) = i.exc() {
            let entries = match tb {
                Value::Native(n) => match &n.data {
                    NativeData::Traceback(t) => t.entries.clone(),
                    _ => vec![],
                },
                _ => vec![],
            };
            d.borrow_mut().tb = entries;
        }
    }
    Ok(args[0].clone())
}
fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("add_note", args, 2, 2)?;
    if let Value::Instance(i) = &args[0] {
        let notes = i.dict.borrow().get("__notes__").cloned();
        match notes {
            Some(Value::List(l)) => l.items.borrow_mut().push(args[1].clone()),
            _ => i
                .dict
                .borrow_mut()
                .set("__notes__", Value::list(vec![args[1].clone()])),
        }
    }
    Ok(Value::None)
}

fn exc_data<T>(v: &Value, f: impl FnOnce(&mut super::exceptions::ExcData) -> T) -> Option<T> {
    match v {
        Value::Instance(i) => i.exc().map(|d| f(&mut d.borrow_mut())),
        _ => None,
    }
}

fn g_exc_args(_vm: &mut Vm, v: &Value) -> R {
    Ok(exc_data(v, |d| d.args.clone()).unwrap_or(Value::None))
}
fn s_exc_args(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let t = Value::tuple(vm.iter_to_vec(&x)?);
    exc_data(v, |d| d.args = t);
    Ok(())
}
fn g_exc_context(_vm: &mut Vm, v: &Value) -> R {
    Ok(exc_data(v, |d| d.context.clone())
        .flatten()
        .unwrap_or(Value::None))
}
fn s_exc_context(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    exc_data(v, |d| d.context = if x.is_none() { None } else { Some(x) });
    Ok(())
}
fn g_exc_cause(_vm: &mut Vm, v: &Value) -> R {
    Ok(exc_data(v, |d| d.cause.clone())
        .flatten()
        .unwrap_or(Value::None))
}
fn s_exc_cause(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    exc_data(v, |d| {
        d.cause = if x.is_none() { None } else { Some(x) };
        d.suppress_context = true;
    });
    Ok(())
}
fn g_exc_suppress(_vm: &mut Vm, v: &Value) -> R {
    Ok(Value::Bool(
        exc_data(v, |d| d.suppress_context).unwrap_or(false),
    ))
}
fn s_exc_suppress(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let b = vm.truthy(&x)?;
    exc_data(v, |d| d.suppress_context = b);
    Ok(())
}
fn g_exc_tb(vm: &mut Vm, v: &Value) -> R {
    match v {
        Value::Instance(i) => Ok(super::exceptions::traceback_value(vm, i)),
        _ => Ok(Value::None),
    }
}
fn s_exc_tb(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let entries = match &x {
        Value::Native(n) => match &n.data {
            NativeData::Traceback(t) => t.entries.clone(),
            _ => vec![],
        },
        _ => vec![],
    };
    exc_data(v, |d| d.tb = entries);
    Ok(())
}
fn g_stop_value(_vm: &mut Vm, v: &Value) -> R {
    match v {
        Value::Instance(i) => Ok(super::exceptions::stop_value(i)),
        _ => Ok(Value::None),
    }
}
fn s_stop_value(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if let Value::Instance(i) = v {
        i.dict.borrow_mut().set("value", x);
    }
    Ok(())
}
fn g_exc_code(_vm: &mut Vm, v: &Value) -> R {
    Ok(exc_data(v, |d| match &d.args {
        Value::Tuple(t) => match t.items.len() {
            0 => Value::None,
            1 => t.items[0].clone(),
            _ => d.args.clone(),
        },
        _ => Value::None,
    })
    .unwrap_or(Value::None))
}

fn exc_arg(v: &Value, i: usize) -> Option<Value> {
    exc_data(v, |d| match &d.args {
        Value::Tuple(t) => t.items.get(i).cloned(),
        _ => None,
    })
    .flatten()
}
fn g_eg_exceptions(vm: &mut Vm, v: &Value) -> R {
    let e = exc_arg(v, 1).unwrap_or(Value::tuple(vec![]));
    Ok(Value::tuple(vm.iter_to_vec(&e)?))
}
fn g_eg_message(_vm: &mut Vm, v: &Value) -> R {
    Ok(exc_arg(v, 0).unwrap_or(Value::str("")))
}
fn eg_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let v = arg(vm, args, 0, "__str__")?.clone();
    let msg = exc_arg(&v, 0).unwrap_or(Value::str(""));
    let n = match exc_arg(&v, 1) {
        Some(e) => vm.len(&e)?,
        None => 0,
    };
    let m = vm.str_of(&msg)?;
    Ok(Value::string(format!(
        "{m} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    )))
}
/// What `split`/`subgroup` match leaves against: exception types or a predicate.
pub enum EgCond {
    Types(Value),
    Pred(Value),
}

impl Vm {
    fn eg_cond_matches(&mut self, e: &Value, cond: &EgCond) -> PyResult<bool> {
        match cond {
            EgCond::Types(t) => self.exc_match(e, t),
            EgCond::Pred(f) => {
                let r = self.call(f, &[e.clone()], &[])?;
                self.truthy(&r)
            }
        }
    }

    /// `eg.split(cond)` -> (match, rest), recursing into nested groups; the parts are made by
    /// `eg.derive(...)` and keep the original's traceback, cause, context and notes.
    pub(crate) fn eg_split(&mut self, eg: &Value, cond: &EgCond) -> PyResult<(Value, Value)> {
        if self.eg_cond_matches(eg, cond)? {
            return Ok((eg.clone(), Value::None));
        }
        let eg_base = self.exc_type(ExcKind::BaseExceptionGroup);
        let excs = self.getattr_str(eg, "exceptions")?;
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        for e in self.iter_to_vec(&excs)? {
            if self.type_of(&e).is_subtype(&eg_base) {
                let (m, r) = self.eg_split(&e, cond)?;
                if !m.is_none() {
                    yes.push(m);
                }
                if !r.is_none() {
                    no.push(r);
                }
            } else if self.eg_cond_matches(&e, cond)? {
                yes.push(e);
            } else {
                no.push(e);
            }
        }
        let m = self.eg_derive_like(eg, yes)?;
        let r = self.eg_derive_like(eg, no)?;
        Ok((m, r))
    }

    fn eg_derive_like(&mut self, eg: &Value, excs: Vec<Value>) -> PyResult<Value> {
        if excs.is_empty() {
            return Ok(Value::None);
        }
        let d = self.call_method_by_name(eg, "derive", &[Value::list(excs)])?;
        let d = d.unwrap_or(Value::None);
        if let (Value::Instance(src), Value::Instance(dst)) = (eg, &d) {
            if let (Some(sd), Some(dd)) = (src.exc(), dst.exc()) {
                let s = sd.borrow();
                let mut t = dd.borrow_mut();
                t.tb = s.tb.clone();
                t.cause = s.cause.clone();
                t.context = s.context.clone();
                t.suppress_context = s.suppress_context;
            }
            if let Some(n) = src.dict.borrow().get("__notes__") {
                dst.dict.borrow_mut().set("__notes__", n.clone());
            }
        }
        Ok(d)
    }
}

fn eg_cond(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<EgCond> {
    let Some(c) = args.get(1) else {
        return Err(vm.type_error(format!("{name} expected 1 argument, got 0")));
    };
    let base = vm.exc_type(ExcKind::BaseException);
    let is_exc_type = |v: &Value| matches!(v, Value::Type(t) if t.is_subtype(&base));
    if is_exc_type(c) {
        return Ok(EgCond::Types(c.clone()));
    }
    if let Value::Tuple(t) = c {
        if t.items.iter().all(is_exc_type) {
            return Ok(EgCond::Types(c.clone()));
        }
    } else if matches!(c, Value::Func(_) | Value::Builtin(_) | Value::Method(_))
        || (matches!(c, Value::Instance(_) | Value::Native(_))
            && vm.type_of(c).lookup("__call__").is_some())
    {
        return Ok(EgCond::Pred(c.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}
fn eg_split_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let cond = eg_cond(vm, args, "split")?;
    let (m, r) = vm.eg_split(&args[0], &cond)?;
    Ok(Value::tuple(vec![m, r]))
}
fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let cond = eg_cond(vm, args, "subgroup")?;
    Ok(vm.eg_split(&args[0], &cond)?.0)
}
fn eg_derive(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let v = arg(vm, args, 0, "derive")?.clone();
    let excs = arg(vm, args, 1, "derive")?.clone();
    let msg = exc_arg(&v, 0).unwrap_or(Value::str(""));
    let cls = Value::Type(vm.exc_type(ExcKind::BaseExceptionGroup));
    vm.call(&cls, &[msg, excs], &[])
}
fn g_os_errno(_vm: &mut Vm, v: &Value) -> R {
    Ok(
        if exc_data(
            v,
            |d| matches!(&d.args, Value::Tuple(t) if t.items.len() >= 2),
        )
        .unwrap_or(false)
        {
            exc_arg(v, 0).unwrap_or(Value::None)
        } else {
            Value::None
        },
    )
}
fn g_os_strerror(_vm: &mut Vm, v: &Value) -> R {
    Ok(
        if exc_data(
            v,
            |d| matches!(&d.args, Value::Tuple(t) if t.items.len() >= 2),
        )
        .unwrap_or(false)
        {
            exc_arg(v, 1).unwrap_or(Value::None)
        } else {
            Value::None
        },
    )
}
fn os_str(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let v = arg(vm, args, 0, "__str__")?.clone();
    let two = exc_data(
        &v,
        |d| matches!(&d.args, Value::Tuple(t) if t.items.len() == 2),
    )
    .unwrap_or(false);
    if two {
        let (a, b) = (
            exc_arg(&v, 0).unwrap_or(Value::None),
            exc_arg(&v, 1).unwrap_or(Value::None),
        );
        let (a, b) = (vm.str_of(&a)?, vm.str_of(&b)?);
        return Ok(Value::string(format!("[Errno {a}] {b}")));
    }
    exc_str(vm, args, kw)
}

// ---------------------------------------------------------------- generators

fn gen_self(vm: &Vm, args: &[Value]) -> PyResult<Rc<super::coro::PyGen>> {
    match args.first() {
        Some(Value::Gen(g)) => Ok(g.clone()),
        Some(Value::Native(n)) => match &n.data {
            NativeData::CoroWrapper(g) => Ok(g.clone()),
            _ => Err(vm.type_error("descriptor requires a generator object")),
        },
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}
fn gen_send(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    vm.check_args("send", &args[1..], 1, 1)?;
    vm.gen_method(&g, ResumeHow::Send(args[1].clone()))
}
fn gen_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    vm.gen_method(&g, ResumeHow::Send(Value::None))
}
fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    let e = vm.make_throw_exc(&args[1..])?;
    vm.gen_method(&g, ResumeHow::Throw(e))
}
fn gen_close(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    vm.gen_method(&g, ResumeHow::Close)
}
fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(args.first().cloned().unwrap_or(Value::None))
}
fn g_gen_running(_vm: &mut Vm, v: &Value) -> R {
    Ok(Value::Bool(match v {
        // CPython's `ag_running` is `ag_running_async`: true while an asend()/athrow()
        // iterates the generator, also while it waits inside an await.
        Value::Gen(g) if g.kind == GenKind::AsyncGenerator => g.ag_running.get(),
        Value::Gen(g) => g.is_running(),
        _ => false,
    }))
}
fn g_gen_suspended(_vm: &mut Vm, v: &Value) -> R {
    Ok(Value::Bool(
        matches!(v, Value::Gen(g) if g.state.get() == super::coro::GenState::Suspended),
    ))
}
fn g_gen_name(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Gen(g) => Value::str(&g.name.borrow()),
        _ => Value::None,
    })
}
fn s_gen_name(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if let (Value::Gen(g), Value::Str(s)) = (v, &x) {
        *g.name.borrow_mut() = Rc::from(&*s.s);
    }
    Ok(())
}
fn g_gen_qualname(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Gen(g) => Value::str(&g.qualname.borrow()),
        _ => Value::None,
    })
}
fn s_gen_qualname(_vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    if let (Value::Gen(g), Value::Str(s)) = (v, &x) {
        *g.qualname.borrow_mut() = Rc::from(&*s.s);
    }
    Ok(())
}
fn g_gen_code(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Gen(g) => Value::Code(g.code.clone()),
        _ => Value::None,
    })
}
fn g_coro_origin(_vm: &mut Vm, v: &Value) -> R {
    let Value::Gen(g) = v else {
        return Ok(Value::None);
    };
    Ok(match &g.origin {
        Some(o) => Value::tuple(
            o.iter()
                .map(|f| {
                    Value::tuple(vec![
                        Value::str(&f.filename),
                        Value::Int(i64::from(f.line)),
                        Value::str(&f.name),
                    ])
                })
                .collect(),
        ),
        None => Value::None,
    })
}

fn g_gen_await(vm: &mut Vm, v: &Value) -> R {
    if let Value::Gen(g) = v {
        let top = match g.frame.borrow().as_ref() {
            Some(f) if f.in_yield_from => f.stack.last().cloned().unwrap_or(Value::None),
            _ => return Ok(Value::None),
        };
        if let (Value::Instance(_), Some(h)) = (&top, vm.await_hook.clone()) {
            if let Some(c) = h.materialize(vm, &top) {
                if let Some(f) = g.frame.borrow_mut().as_mut() {
                    if let Some(slot) = f.stack.last_mut() {
                        *slot = c.clone();
                    }
                }
                return Ok(c);
            }
        }
        return Ok(top);
    }
    Ok(Value::None)
}
fn g_gen_frame(vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Gen(g) => vm.gen_frame_object(g),
        _ => Value::None,
    })
}
fn coro_await(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    Ok(vm.new_native("coroutine_wrapper", NativeData::CoroWrapper(g)))
}
fn agen_asend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    Ok(vm.new_agen_op(&g, AGenOpKind::Send(v)))
}
fn agen_anext(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    Ok(vm.new_agen_op(&g, AGenOpKind::Send(Value::None)))
}
fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    let e = vm.make_throw_exc(&args[1..])?;
    Ok(vm.new_agen_op(&g, AGenOpKind::Throw(e)))
}
fn agen_op_await(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(args.first().cloned().unwrap_or(Value::None))
}
fn agen_op_self(vm: &Vm, args: &[Value]) -> PyResult<Rc<NativeObj>> {
    match args.first() {
        Some(Value::Native(n)) if matches!(n.data, NativeData::AsyncGenOp(_)) => Ok(n.clone()),
        _ => Err(vm.type_error("descriptor requires an async generator awaitable")),
    }
}
fn agen_op_send_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let n = agen_op_self(vm, args)?;
    vm.check_args("send", &args[1..], 1, 1)?;
    vm.agen_op_send_method(&n, args[1].clone())
}
fn agen_op_next_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let n = agen_op_self(vm, args)?;
    vm.agen_op_send_method(&n, Value::None)
}
fn agen_op_throw_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let n = agen_op_self(vm, args)?;
    let e = vm.make_throw_exc(&args[1..])?;
    vm.agen_op_throw_method(&n, e)
}
fn agen_op_close_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let n = agen_op_self(vm, args)?;
    vm.agen_op_close(&n);
    Ok(Value::None)
}
fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let g = gen_self(vm, args)?;
    Ok(vm.new_agen_op(&g, AGenOpKind::Close))
}

// ---------------------------------------------------------------- native iterators

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let it = arg(vm, args, 0, "__next__")?.clone();
    match vm.native_next(&it) {
        Some(r) => match r? {
            Some(v) => Ok(v),
            None => Err(vm.new_error_args(ExcKind::StopIteration, vec![])),
        },
        None => Err(vm.type_error("not an iterator")),
    }
}

// ---------------------------------------------------------------- function / method

fn g_func_name(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => Value::str(&f.name.borrow()),
        Value::Builtin(b) => Value::str(&b.name),
        Value::Method(m) => return _vm.getattr_str(&m.func.clone(), "__name__"),
        _ => Value::None,
    })
}
fn g_func_qualname(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => Value::str(&f.qualname.borrow()),
        Value::Builtin(b) => Value::str(&b.name),
        _ => Value::None,
    })
}
fn g_func_module(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => Value::str(&f.module),
        Value::Builtin(b) => b
            .module
            .as_ref()
            .map(|m| Value::str(m))
            .unwrap_or(Value::str("builtins")),
        _ => Value::None,
    })
}
fn g_func_doc(_vm: &mut Vm, v: &Value) -> R {
    if let Value::Func(f) = v {
        // The compiler puts the docstring (or None) first, as CPython does.
        if let Some(Value::Str(s)) = f.code.consts().first() {
            return Ok(Value::Str(s.clone()));
        }
    }
    Ok(Value::None)
}
fn g_func_defaults(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => {
            let d = f.defaults.borrow();
            if d.is_empty() {
                Value::None
            } else {
                Value::tuple(d.clone())
            }
        }
        _ => Value::None,
    })
}
/// `f.__closure__`: the cells of the function's free variables, or None without any.
fn g_func_closure(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) if !f.closure.is_empty() => {
            Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
        }
        _ => Value::None,
    })
}
fn g_cell_contents(vm: &mut Vm, v: &Value) -> R {
    match v {
        Value::Cell(c) if !c.value.borrow().is_null() => Ok(c.value.borrow().clone()),
        _ => Err(vm.value_error("Cell is empty")),
    }
}
fn g_func_kwdefaults(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => match &*f.kwdefaults.borrow() {
            Some(d) if !d.is_empty() => Value::Dict(d.clone()),
            _ => Value::None,
        },
        _ => Value::None,
    })
}
fn g_func_code(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => Value::Code(f.code.clone()),
        _ => Value::None,
    })
}
fn g_func_globals(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Func(f) => Value::Dict(f.globals.clone()),
        _ => Value::None,
    })
}
/// `f.__annotations__`: what the `def` evaluated, else an empty dict made (and kept) on
/// first access, as CPython does.
fn g_func_annotations(_vm: &mut Vm, v: &Value) -> R {
    let Value::Func(f) = v else {
        return Ok(Value::None);
    };
    if let Some(a) = f.dict.borrow().get("__annotations__") {
        return Ok(a.clone());
    }
    let d = Value::Dict(Rc::new(PyDict::new()));
    f.dict.borrow_mut().set("__annotations__", d.clone());
    Ok(d)
}
fn s_func_annotations(vm: &mut Vm, v: &Value, a: Value) -> PyResult<()> {
    let Value::Func(f) = v else { return Ok(()) };
    if !matches!(a, Value::Dict(_)) {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    }
    f.dict.borrow_mut().set("__annotations__", a);
    Ok(())
}
fn g_func_dict(_vm: &mut Vm, v: &Value) -> R {
    match v {
        Value::Func(f) => Ok(Value::Dict(super::live_dict::dict_of(
            super::live_dict::DictOf::Func(f),
        ))),
        _ => Ok(Value::Dict(Rc::new(PyDict::new()))),
    }
}
fn func_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__get__", args, 2, 3)?;
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    Ok(Value::Method(Rc::new(super::object::PyMethod {
        func: args[0].clone(),
        slf: args[1].clone(),
    })))
}
fn g_method_self(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Method(m) => m.slf.clone(),
        Value::Builtin(b) => b.bound.clone().unwrap_or(Value::None),
        _ => Value::None,
    })
}
fn g_method_func(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Method(m) => m.func.clone(),
        _ => Value::None,
    })
}
fn g_code_name(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::str(&c.co.name),
        _ => Value::None,
    })
}
fn g_code_flags(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::Int(c.co.flags as i64),
        _ => Value::None,
    })
}
fn names_tuple(names: &[Rc<str>]) -> Value {
    Value::tuple(names.iter().map(|n| Value::str(n)).collect())
}
/// The script's own local names: not the parser's temporaries (`$m0`), which CPython keeps
/// on its value stack.
fn script_varnames(c: &super::object::PyCode) -> impl Iterator<Item = &Rc<str>> {
    c.co.varnames.iter().filter(|n| !n.starts_with('$'))
}
fn g_code_varnames(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::tuple(script_varnames(c).map(|n| Value::str(n)).collect()),
        _ => Value::None,
    })
}
fn g_code_nlocals(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::Int(script_varnames(c).count() as i64),
        _ => Value::None,
    })
}
fn g_code_cellvars(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => names_tuple(&c.co.cellvars),
        _ => Value::None,
    })
}
fn g_code_freevars(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => names_tuple(&c.co.freevars),
        _ => Value::None,
    })
}
fn g_code_argcount(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::Int(c.co.argcount as i64),
        _ => Value::None,
    })
}
fn g_code_posonlyargcount(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::Int(c.co.posonlyargcount as i64),
        _ => Value::None,
    })
}
fn g_code_kwonlyargcount(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::Int(c.co.kwonlyargcount as i64),
        _ => Value::None,
    })
}
fn g_code_filename(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::str(&c.co.filename),
        _ => Value::None,
    })
}
fn g_code_firstlineno(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Code(c) => Value::Int(c.co.first_line as i64),
        _ => Value::None,
    })
}

// ---------------------------------------------------------------- property

fn prop_parts(v: &Value) -> Option<(Value, Value, Value, Value)> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::Property {
                fget,
                fset,
                fdel,
                doc,
            } => Some((
                fget.clone(),
                fset.clone(),
                fdel.clone(),
                doc.borrow().clone(),
            )),
            _ => None,
        },
        _ => None,
    }
}
fn prop_with(vm: &mut Vm, args: &[Value], which: usize) -> R {
    vm.check_args("property", args, 2, 2)?;
    let Some((mut g, mut s, mut d, doc)) = prop_parts(&args[0]) else {
        return Err(vm.type_error("descriptor requires a property"));
    };
    match which {
        0 => g = args[1].clone(),
        1 => s = args[1].clone(),
        _ => d = args[1].clone(),
    }
    Ok(vm.new_native(
        "property",
        NativeData::Property {
            fget: g,
            fset: s,
            fdel: d,
            doc: std::cell::RefCell::new(doc),
        },
    ))
}
fn prop_getter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    prop_with(vm, args, 0)
}
fn prop_setter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    prop_with(vm, args, 1)
}
fn prop_deleter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    prop_with(vm, args, 2)
}
fn g_prop_fget(_vm: &mut Vm, v: &Value) -> R {
    Ok(prop_parts(v).map(|p| p.0).unwrap_or(Value::None))
}
fn g_prop_doc(vm: &mut Vm, v: &Value) -> R {
    let Some((g, _, _, doc)) = prop_parts(v) else {
        return Ok(Value::None);
    };
    if !doc.is_none() {
        return Ok(doc);
    }
    g_func_doc(vm, &g)
}
fn s_prop_doc(_vm: &mut Vm, v: &Value, doc: Value) -> PyResult<()> {
    if let Value::Native(n) = v {
        if let NativeData::Property { doc: d, .. } = &n.data {
            *d.borrow_mut() = doc;
        }
    }
    Ok(())
}
fn g_sm_func(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Native(n) => match &n.data {
            NativeData::StaticMethod(f) | NativeData::ClassMethod(f) => f.clone(),
            _ => Value::None,
        },
        _ => Value::None,
    })
}

// ---------------------------------------------------------------- range / slice

fn g_range_start(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Range(r) => Value::Int(r.start),
        Value::Slice(s) => s.start.clone(),
        _ => Value::None,
    })
}
fn g_range_stop(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Range(r) => Value::Int(r.stop),
        Value::Slice(s) => s.stop.clone(),
        _ => Value::None,
    })
}
fn g_range_step(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Range(r) => Value::Int(r.step),
        Value::Slice(s) => s.step.clone(),
        _ => Value::None,
    })
}
fn slice_indices_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("indices", args, 2, 2)?;
    let Value::Slice(s) = &args[0] else {
        return Err(vm.type_error("expected slice"));
    };
    let len = vm.to_index(&args[1])?;
    let (a, b, c, _) = slice_indices(vm, s, len)?;
    Ok(Value::tuple(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ]))
}

// ---------------------------------------------------------------- int / float

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if let Some(Value::Long(b)) = args.first() {
        return Ok(Value::Int(b.bits() as i64));
    }
    let i = vm.to_int(arg(vm, args, 0, "bit_length")?)?;
    Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
}
fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if let Some(Value::Long(b)) = args.first() {
        return Ok(Value::Int(super::long::bit_count(b) as i64));
    }
    let i = vm.to_int(arg(vm, args, 0, "bit_count")?)?;
    Ok(Value::Int(i.unsigned_abs().count_ones() as i64))
}
/// `float.hex()`: CPython's `[-]0xh.hhhhhhhhhhhhhp±e` (13 hex digits of mantissa).
fn float_hex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let x = vm.to_f64(arg(vm, args, 0, "hex")?)?;
    if x.is_nan() {
        return Ok(Value::str("nan"));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return Ok(Value::string(format!("{sign}inf")));
    }
    if x == 0.0 {
        return Ok(Value::string(format!("{sign}0x0.0p+0")));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    Ok(Value::string(format!("{sign}0x{lead}.{mant:013x}p{e:+}")))
}
/// `float.fromhex(s)`.
fn float_fromhex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    use crate::vm::bytearray::{after_class, fromhex_arg};
    let s = fromhex_arg(vm, after_class(args))?;
    match parse_float_hex(&s) {
        Some(x) if x.is_finite() || x.is_nan() || s.to_ascii_lowercase().contains("inf") => {
            Ok(Value::Float(x))
        }
        Some(_) => Err(vm.new_error(
            ExcKind::OverflowError,
            "hexadecimal value too large to represent as a float",
        )),
        None => Err(vm.value_error("invalid hexadecimal floating-point string")),
    }
}
fn parse_float_hex(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int_part.chars().chain(frac_part.chars()) {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    // Scale by 2**e in exact steps; only the last one may round (subnormals).
    let mut e = exp
        .saturating_sub(4 * frac_part.len() as i64)
        .clamp(-5000, 5000) as i32;
    while e > 1000 {
        v *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        v *= 2f64.powi(-1000);
        e += 1000;
    }
    let v = v * 2f64.powi(e);
    Some(if neg { -v } else { v })
}
fn int_conjugate(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(args.first().cloned().unwrap_or(Value::None))
}
fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let f = vm.to_f64(arg(vm, args, 0, "is_integer")?)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}
fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let f = vm.to_f64(arg(vm, args, 0, "as_integer_ratio")?)?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.new_error(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if f == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    // f = mant * 2**exp exactly, then cancel common factors of two.
    let bits = f.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut mant, mut exp) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1i64 << 52), raw_exp - 1075)
    };
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    if f < 0.0 {
        mant = -mant;
    }
    let (num, den) = if exp >= 0 {
        let n = if exp < 63 {
            mant.checked_mul(1i64 << exp)
        } else {
            None
        };
        (n, Some(1))
    } else if -exp < 63 {
        (Some(mant), Some(1i64 << -exp))
    } else {
        (Some(mant), None)
    };
    match (num, den) {
        (Some(n), Some(d)) => Ok(Value::tuple(vec![Value::Int(n), Value::Int(d)])),
        _ => {
            let one = num_bigint::BigInt::from(1);
            let (n, d) = if exp >= 0 {
                (num_bigint::BigInt::from(mant) << exp as usize, one)
            } else {
                (num_bigint::BigInt::from(mant), one << (-exp) as usize)
            };
            Ok(Value::tuple(vec![
                super::long::norm(n),
                super::long::norm(d),
            ]))
        }
    }
}
fn range_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (Some(Value::Range(r)), Some(x)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("count() takes exactly one argument"));
    };
    let r = r.clone();
    Ok(Value::Int(match range_pos(vm, &r, x)? {
        Some(_) => 1,
        None => 0,
    }))
}
fn range_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (Some(Value::Range(r)), Some(x)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("index() takes exactly one argument"));
    };
    let r = r.clone();
    match range_pos(vm, &r, x)? {
        Some(i) => Ok(Value::Int(i)),
        None if matches!(x, Value::Int(_) | Value::Bool(_)) => {
            let rep = vm.repr(x)?;
            Err(vm.value_error(format!("{rep} is not in range")))
        }
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}
/// Position of `x` in the range: arithmetic for ints and bools (as CPython), equality scan
/// otherwise. Non-int counts are capped at one match, which is all a range can hold.
fn range_pos(vm: &mut Vm, r: &super::value::PyRange, x: &Value) -> PyResult<Option<i64>> {
    let n = r.len();
    let v = match x {
        Value::Int(v) => Some(*v),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    if let Some(v) = v {
        let off = v as i128 - r.start as i128;
        let step = r.step as i128;
        if step == 0 || off % step != 0 {
            return Ok(None);
        }
        let i = off / step;
        return Ok((0..n as i128).contains(&i).then_some(i as i64));
    }
    for i in 0..n {
        if vm.eq(&Value::Int(r.get(i)), x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}
fn g_one(_vm: &mut Vm, _v: &Value) -> R {
    Ok(Value::Int(1))
}
fn g_real(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    })
}
fn g_imag(_vm: &mut Vm, v: &Value) -> R {
    Ok(match v {
        Value::Float(_) => Value::Float(0.0),
        _ => Value::Int(0),
    })
}
fn num_round(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let f = vm.builtins.get_str("round").unwrap_or(Value::None);
    // `round(sub)` calls this with an int/float subclass's instance: round what it carries.
    let mut args = args.to_vec();
    if let Some(a) = args.first_mut() {
        *a = super::subclass::unwrap(a);
    }
    vm.call(&f, &args, kw)
}

/// Register the methods of the built-in types.
pub fn register(vm: &mut Vm) {
    let t = vm.types.clone();
    // Mutable containers are unhashable: `list.__hash__ is None`, as in CPython (dataclasses
    // rejects mutable defaults by this test).
    for ty in [&t.list, &t.dict, &t.set] {
        ty.dict.borrow_mut().set("__hash__", Value::None);
    }
    vm.add_methods(
        &t.object,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__format__", object_format),
            ("__reduce__", object_reduce),
            ("__dir__", object_dir),
        ],
    );
    vm.add_static(&t.object, "__new__", object_new);
    vm.add_classmethod(&t.object, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(&t.object, "__subclasshook__", object_subclasshook);
    vm.add_method(&t.type_, "mro", type_mro);
    vm.add_method(&t.type_, "__subclasses__", type_subclasses);
    vm.add_static(&t.type_, "__new__", type_dunder_new);
    vm.add_method(&t.type_, "__init__", type_dunder_init);
    vm.add_method(&t.type_, "__call__", type_dunder_call);

    let base_exc = vm.exc_type(ExcKind::BaseException);
    vm.add_methods(
        &base_exc,
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    vm.add_getset(&base_exc, "args", g_exc_args, Some(s_exc_args));
    vm.add_getset(&base_exc, "__context__", g_exc_context, Some(s_exc_context));
    vm.add_getset(&base_exc, "__cause__", g_exc_cause, Some(s_exc_cause));
    vm.add_getset(
        &base_exc,
        "__suppress_context__",
        g_exc_suppress,
        Some(s_exc_suppress),
    );
    vm.add_getset(&base_exc, "__traceback__", g_exc_tb, Some(s_exc_tb));
    let stop = vm.exc_type(ExcKind::StopIteration);
    vm.add_getset(&stop, "value", g_stop_value, Some(s_stop_value));
    let eg = vm.exc_type(ExcKind::BaseExceptionGroup);
    vm.add_getset(&eg, "exceptions", g_eg_exceptions, None);
    vm.add_getset(&eg, "message", g_eg_message, None);
    vm.add_method(&eg, "__str__", eg_str);
    vm.add_method(&eg, "split", eg_split_m);
    vm.add_method(&eg, "subgroup", eg_subgroup);
    vm.add_method(&eg, "derive", eg_derive);
    let ose = vm.exc_type(ExcKind::OSError);
    vm.add_getset(&ose, "errno", g_os_errno, None);
    vm.add_getset(&ose, "strerror", g_os_strerror, None);
    vm.add_method(&ose, "__str__", os_str);
    let sysexit = vm.exc_type(ExcKind::SystemExit);
    vm.add_getset(&sysexit, "code", g_exc_code, None);

    for (ty, kind) in [
        (&t.generator, GenKind::Generator),
        (&t.coroutine, GenKind::Coroutine),
        (&t.async_generator, GenKind::AsyncGenerator),
    ] {
        let prefix = match kind {
            GenKind::Generator => "gi",
            GenKind::Coroutine => "cr",
            GenKind::AsyncGenerator => "ag",
        };
        if kind != GenKind::AsyncGenerator {
            vm.add_method_special(ty, "send", gen_send, Special::GenSend);
            vm.add_method_special(ty, "throw", gen_throw, Special::GenThrow);
            vm.add_method_special(ty, "close", gen_close, Special::GenClose);
        }
        vm.add_getset(ty, &format!("{prefix}_running"), g_gen_running, None);
        vm.add_getset(ty, &format!("{prefix}_suspended"), g_gen_suspended, None);
        vm.add_getset(ty, &format!("{prefix}_code"), g_gen_code, None);
        vm.add_getset(ty, &format!("{prefix}_frame"), g_gen_frame, None);
        vm.add_getset(ty, "__name__", g_gen_name, Some(s_gen_name));
        vm.add_getset(ty, "__qualname__", g_gen_qualname, Some(s_gen_qualname));
    }
    vm.add_method_special(&t.generator, "__next__", gen_next, Special::GenNext);
    vm.add_method(&t.generator, "__iter__", gen_iter);
    vm.add_getset(&t.generator, "gi_yieldfrom", g_gen_await, None);
    vm.add_getset(&t.coroutine, "cr_await", g_gen_await, None);
    vm.add_getset(&t.coroutine, "cr_origin", g_coro_origin, None);
    vm.add_getset(&t.async_generator, "ag_await", g_gen_await, None);
    vm.add_method(&t.coroutine, "__await__", coro_await);
    if let Some(ty) = t.misc.get("coroutine_wrapper") {
        vm.add_method_special(ty, "send", gen_send, Special::GenSend);
        vm.add_method_special(ty, "throw", gen_throw, Special::GenThrow);
        vm.add_method_special(ty, "close", gen_close, Special::GenClose);
        vm.add_method_special(ty, "__next__", gen_next, Special::GenNext);
        vm.add_method(ty, "__iter__", gen_iter);
    }
    vm.add_methods(
        &t.async_generator,
        &[
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
            ("__anext__", agen_anext),
            ("__aiter__", gen_iter),
        ],
    );
    // asend()/athrow()/aclose() objects are their own awaitable iterators.
    for name in ["async_generator_asend", "async_generator_athrow"] {
        if let Some(ty) = t.misc.get(name) {
            vm.add_methods(
                ty,
                &[
                    ("__await__", agen_op_await),
                    ("send", agen_op_send_m),
                    ("throw", agen_op_throw_m),
                    ("close", agen_op_close_m),
                    ("__next__", agen_op_next_m),
                ],
            );
        }
    }

    for name in [
        "list_iterator",
        "tuple_iterator",
        "str_ascii_iterator",
        "bytes_iterator",
        "range_iterator",
        "dict_keyiterator",
        "dict_valueiterator",
        "dict_itemiterator",
        "set_iterator",
        "iterator",
        "callable_iterator",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
        "list_reverseiterator",
    ] {
        if let Some(ty) = t.misc.get(name) {
            vm.add_method(ty, "__next__", iter_next);
            vm.add_method(ty, "__iter__", gen_iter);
        }
    }

    for ty in [&t.function, &t.builtin_function, &t.method] {
        vm.add_getset(ty, "__name__", g_func_name, None);
        vm.add_getset(ty, "__qualname__", g_func_qualname, None);
        vm.add_getset(ty, "__module__", g_func_module, None);
        vm.add_getset(ty, "__doc__", g_func_doc, None);
    }
    vm.add_getset(&t.function, "__defaults__", g_func_defaults, None);
    vm.add_getset(&t.function, "__kwdefaults__", g_func_kwdefaults, None);
    vm.add_getset(&t.function, "__code__", g_func_code, None);
    vm.add_getset(&t.function, "__closure__", g_func_closure, None);
    vm.add_getset(&t.cell, "cell_contents", g_cell_contents, None);
    // The call itself never looks these up; `collections.abc.Callable` checks the MRO for them.
    for ty in [&t.function, &t.builtin_function, &t.method] {
        vm.add_method(ty, "__call__", callable_call);
    }
    vm.add_getset(&t.function, "__globals__", g_func_globals, None);
    vm.add_getset(&t.function, "__dict__", g_func_dict, None);
    vm.add_getset(
        &t.function,
        "__annotations__",
        g_func_annotations,
        Some(s_func_annotations),
    );
    vm.add_method(&t.function, "__get__", func_get);
    vm.add_getset(&t.method, "__self__", g_method_self, None);
    vm.add_getset(&t.builtin_function, "__self__", g_method_self, None);
    vm.add_getset(&t.method, "__func__", g_method_func, None);
    super::frame_obj::install(vm);
    super::frame_obj::install_traceback(vm);
    vm.add_getset(&t.code, "co_name", g_code_name, None);
    vm.add_getset(&t.code, "co_flags", g_code_flags, None);
    vm.add_getset(&t.code, "co_filename", g_code_filename, None);
    vm.add_getset(&t.code, "co_firstlineno", g_code_firstlineno, None);
    vm.add_getset(&t.code, "co_varnames", g_code_varnames, None);
    vm.add_getset(&t.code, "co_nlocals", g_code_nlocals, None);
    vm.add_getset(&t.code, "co_cellvars", g_code_cellvars, None);
    vm.add_getset(&t.code, "co_freevars", g_code_freevars, None);
    vm.add_getset(&t.code, "co_argcount", g_code_argcount, None);
    vm.add_getset(&t.code, "co_posonlyargcount", g_code_posonlyargcount, None);
    vm.add_getset(&t.code, "co_kwonlyargcount", g_code_kwonlyargcount, None);

    vm.add_methods(
        &t.property,
        &[
            ("getter", prop_getter),
            ("setter", prop_setter),
            ("deleter", prop_deleter),
        ],
    );
    vm.add_getset(&t.property, "fget", g_prop_fget, None);
    vm.add_getset(&t.property, "__doc__", g_prop_doc, Some(s_prop_doc));
    vm.add_getset(&t.staticmethod, "__func__", g_sm_func, None);
    vm.add_getset(&t.classmethod, "__func__", g_sm_func, None);

    for ty in [&t.range, &t.slice] {
        vm.add_getset(ty, "start", g_range_start, None);
        vm.add_getset(ty, "stop", g_range_stop, None);
        vm.add_getset(ty, "step", g_range_step, None);
    }
    vm.add_method(&t.slice, "indices", slice_indices_m);
    vm.add_method(&t.range, "index", range_index);
    vm.add_method(&t.range, "count", range_count);
    vm.add_method(&t.float, "as_integer_ratio", float_as_integer_ratio);

    vm.add_method(&t.int, "bit_length", int_bit_length);
    vm.add_method(&t.int, "bit_count", int_bit_count);
    vm.add_method(&t.float, "hex", float_hex);
    vm.add_method(&t.float, "fromhex", float_fromhex);
    vm.add_method(&t.int, "conjugate", int_conjugate);
    vm.add_method(&t.int, "__round__", num_round);
    vm.add_method(&t.float, "__round__", num_round);
    vm.add_method(&t.float, "is_integer", float_is_integer);
    vm.add_getset(&t.int, "numerator", g_real, None);
    vm.add_getset(&t.int, "denominator", g_one, None);
    for ty in [&t.int, &t.float] {
        vm.add_getset(ty, "real", g_real, None);
        vm.add_getset(ty, "imag", g_imag, None);
    }
    super::methods2::register(vm);
}
