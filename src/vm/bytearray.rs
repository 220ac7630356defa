//! `bytearray`: a native class whose instances carry a `Vec<u8>`. The mutating methods and
//! the slots (indexing, slice assignment, `+=`, comparisons) are here; the methods it shares
//! with `bytes` (find, split, strip, decode, hex, ...) run the `bytes` method on a snapshot
//! and turn bytes results back into bytearrays, as CPython's bytearray returns them.

use super::bytes_methods::new_bytes;
use super::object::{NativeImpl, PyBuiltin, PyType, Special};
use super::value::Value;
use super::{KwArgs, PyResult, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

/// The bytes of a `bytes` or `bytearray` value (a copy), None for anything else.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Bytes(b) => Some(b.b.to_vec()),
        Value::Instance(i) => i.native::<Vec<u8>>().map(|b| b.clone()),
        _ => None,
    }
}

fn is_bytearray(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.native::<Vec<u8>>().is_some())
}

fn data(vm: &Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v {
        Some(Value::Instance(i)) => match i.native::<Vec<u8>>() {
            Some(b) => Ok(b.clone()),
            None => Err(vm.type_error("descriptor requires a 'bytearray' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

/// Run `f` on the bytearray's bytes in place.
fn with_mut<T>(vm: &Vm, v: Option<&Value>, f: impl FnOnce(&mut Vec<u8>) -> T) -> PyResult<T> {
    match v {
        Some(Value::Instance(i)) => match i.native::<Vec<u8>>() {
            Some(mut b) => Ok(f(&mut b)),
            None => Err(vm.type_error("descriptor requires a 'bytearray' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn bytearray_type(vm: &Vm) -> Option<Rc<PyType>> {
    match vm.builtins.get_str("bytearray") {
        Some(Value::Type(t)) => Some(t),
        _ => None,
    }
}

pub fn new_bytearray(vm: &Vm, b: Vec<u8>) -> Value {
    match bytearray_type(vm) {
        Some(t) => vm.new_native_instance(&t, Box::new(b)),
        None => new_bytes(b),
    }
}

fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.to_index(v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// The bytes `bytearray(x)` / `extend(x)` / slice assignment take: bytes-like, or an
/// iterable of ints (a str needs an encoding).
fn bytes_from(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if let Value::Str(_) = v {
        return Err(vm.type_error(format!("{what}: expected bytes-like or iterable of ints")));
    }
    let items = vm
        .iter_to_vec(v)
        .map_err(|_| vm.type_error(format!("can't extend bytearray with {}", vm.type_name(v))))?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it)?);
    }
    Ok(out)
}

/// A new bytearray is empty; `__init__` fills it (as in CPython, so a subclass's `__init__`
/// decides what `super().__init__` gets).
fn ba_new(vm: &mut Vm, cls: &Rc<PyType>, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(vm.new_native_instance(cls, Box::new(Vec::<u8>::new())))
}

fn ba_init(vm: &mut Vm, all: &[Value], kw: &KwArgs) -> R {
    let Some(me) = all.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'bytearray' object needs an argument"));
    };
    let args = &all[1..];
    let b = match (
        args.first(),
        args.get(1)
            .or(kw.iter().find(|(k, _)| &**k == "encoding").map(|(_, v)| v)),
    ) {
        (None, _) => vec![],
        (Some(Value::Str(s)), Some(enc)) => {
            let bytes = vm.call_method_by_name(&Value::Str(s.clone()), "encode", &[enc.clone()])?;
            bytes.as_ref().and_then(bytes_like).unwrap_or_default()
        }
        (Some(Value::Str(_)), None) => {
            return Err(vm.type_error("string argument without an encoding"))
        }
        (Some(Value::Int(n)), _) => {
            if *n < 0 {
                return Err(vm.value_error("negative count"));
            }
            vm.check_alloc(*n as usize)?;
            vec![0; *n as usize]
        }
        (Some(v), _) => bytes_from(vm, v, "bytearray()")?,
    };
    with_mut(vm, Some(&me), |d| *d = b)?;
    Ok(Value::None)
}

fn ba_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    let name = args.first().map(|v| vm.type_name(v)).unwrap_or_default();
    Ok(Value::string(format!(
        "{name}({})",
        super::format::bytes_repr(&b)
    )))
}

fn ba_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Int(data(vm, args.first())?.len() as i64))
}

fn ba_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    let l = Value::list(b.into_iter().map(|c| Value::Int(c as i64)).collect());
    vm.get_iter(&l)
}

fn ba_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    vm.check_args("__getitem__", &args[1..], 1, 1)?;
    match &args[1] {
        Value::Slice(_) => {
            let r = vm.getitem(&new_bytes(b), &args[1])?;
            Ok(new_bytearray(vm, bytes_like(&r).unwrap_or_default()))
        }
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => {
            let i = vm.to_index(&args[1]).map_err(|_| {
                vm.type_error(format!(
                    "bytearray indices must be integers or slices, not {}",
                    vm.type_name(&args[1])
                ))
            })?;
            let n = b.len() as i64;
            let idx = if i < 0 { i + n } else { i };
            match usize::try_from(idx).ok().and_then(|i| b.get(i)) {
                Some(c) => Ok(Value::Int(*c as i64)),
                None => Err(vm.index_error("bytearray index out of range")),
            }
        }
        other => Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(other)
        ))),
    }
}

fn ba_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__setitem__", &args[1..], 2, 2)?;
    let me = args[0].clone();
    match &args[1] {
        Value::Slice(_) => {
            let new = bytes_from(
                vm,
                &args[2],
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            )
            .map_err(|_| {
                vm.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                )
            })?;
            // Slice assignment as on a list of ints, then back to bytes.
            let cur = data(vm, Some(&me))?;
            let l = Value::list(cur.into_iter().map(|c| Value::Int(c as i64)).collect());
            let nl = Value::list(new.into_iter().map(|c| Value::Int(c as i64)).collect());
            vm.setitem(&l, &args[1], nl)?;
            let out = bytes_from(vm, &l, "")?;
            with_mut(vm, Some(&me), |b| *b = out)?;
            Ok(Value::None)
        }
        idx => {
            let i = vm.to_index(idx).map_err(|_| {
                vm.type_error(format!(
                    "bytearray indices must be integers or slices, not {}",
                    vm.type_name(idx)
                ))
            })?;
            let c = byte_value(vm, &args[2])?;
            let ok = with_mut(vm, Some(&me), |b| {
                let n = b.len() as i64;
                let idx = if i < 0 { i + n } else { i };
                match usize::try_from(idx).ok().and_then(|i| b.get_mut(i)) {
                    Some(slot) => {
                        *slot = c;
                        true
                    }
                    None => false,
                }
            })?;
            if !ok {
                return Err(vm.index_error("bytearray index out of range"));
            }
            Ok(Value::None)
        }
    }
}

fn ba_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("__delitem__", &args[1..], 1, 1)?;
    let me = args[0].clone();
    let cur = data(vm, Some(&me))?;
    let l = Value::list(cur.into_iter().map(|c| Value::Int(c as i64)).collect());
    super::methods::delitem(vm, &l, &args[1]).map_err(|e| {
        if vm.exc_matches(&e, super::exceptions::ExcKind::IndexError) {
            vm.index_error("bytearray index out of range")
        } else {
            e
        }
    })?;
    let out = bytes_from(vm, &l, "")?;
    with_mut(vm, Some(&me), |b| *b = out)?;
    Ok(Value::None)
}

fn ba_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    vm.check_args("__contains__", &args[1..], 1, 1)?;
    let item = match bytes_like(&args[1]) {
        Some(x) if is_bytearray(&args[1]) => new_bytes(x),
        _ => args[1].clone(),
    };
    super::bytes_methods::bytes_contains(vm, &b, &item).map(Value::Bool)
}

fn ba_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("bytearray.append", &args[1..], 1, 1)?;
    let c = byte_value(vm, &args[1])?;
    with_mut(vm, args.first(), |b| b.push(c))?;
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("bytearray.extend", &args[1..], 1, 1)?;
    if let Value::Str(_) = &args[1] {
        return Err(vm.type_error("expected iterable of integers; got: 'str'"));
    }
    let more = bytes_from(vm, &args[1], "extend")?;
    with_mut(vm, args.first(), |b| b.extend(more))?;
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let r = with_mut(vm, args.first(), |b| {
        if b.is_empty() {
            return Err("pop from empty bytearray");
        }
        let n = b.len() as i64;
        let idx = if i < 0 { i + n } else { i };
        if idx < 0 || idx >= n {
            return Err("pop index out of range");
        }
        Ok(b.remove(idx as usize))
    })?;
    match r {
        Ok(c) => Ok(Value::Int(c as i64)),
        Err(m) => Err(vm.index_error(m)),
    }
}

fn ba_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("insert", &args[1..], 2, 2)?;
    let i = vm.to_index(&args[1])?;
    let c = byte_value(vm, &args[2])?;
    with_mut(vm, args.first(), |b| {
        let n = b.len() as i64;
        let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
        b.insert(idx as usize, c);
    })?;
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("bytearray.remove", &args[1..], 1, 1)?;
    let c = byte_value(vm, &args[1])?;
    let found = with_mut(vm, args.first(), |b| match b.iter().position(|&x| x == c) {
        Some(p) => {
            b.remove(p);
            true
        }
        None => false,
    })?;
    if !found {
        return Err(vm.value_error("value not found in bytearray"));
    }
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    with_mut(vm, args.first(), |b| b.clear())?;
    Ok(Value::None)
}

fn ba_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    with_mut(vm, args.first(), |b| b.reverse())?;
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    Ok(new_bytearray(vm, b))
}

fn ba_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let mut b = data(vm, args.first())?;
    let Some(o) = args.get(1).and_then(bytes_like) else {
        return Err(vm.type_error(format!(
            "can't concat {} to bytearray",
            args.get(1).map(|v| vm.type_name(v)).unwrap_or_default()
        )));
    };
    b.extend(o);
    Ok(new_bytearray(vm, b))
}

/// `bytes + bytearray` is bytes.
fn ba_radd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    match args.get(1) {
        Some(Value::Bytes(o)) => {
            let mut out = o.b.to_vec();
            out.extend(b);
            Ok(new_bytes(out))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn ba_iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(o) = args.get(1).and_then(bytes_like) else {
        return Err(vm.type_error(format!(
            "can't concat {} to bytearray",
            args.get(1).map(|v| vm.type_name(v)).unwrap_or_default()
        )));
    };
    with_mut(vm, args.first(), |b| b.extend(o))?;
    Ok(args[0].clone())
}

/// The count of `ba * n` for `len` bytes, None when `n` is no int; MemoryError past the
/// memory limit.
fn repeat_count(vm: &mut Vm, v: Option<&Value>, len: usize) -> PyResult<Option<usize>> {
    let n = match v {
        Some(Value::Int(n)) => (*n).max(0) as usize,
        Some(Value::Bool(b)) => *b as usize,
        _ => return Ok(None),
    };
    vm.check_alloc(len.saturating_mul(n))?;
    Ok(Some(n))
}

fn ba_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let b = data(vm, args.first())?;
    match repeat_count(vm, args.get(1), b.len())? {
        Some(n) => Ok(new_bytearray(vm, b.repeat(n))),
        None => Ok(Value::NotImplemented),
    }
}

fn ba_imul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let len = data(vm, args.first())?.len();
    match repeat_count(vm, args.get(1), len)? {
        Some(n) => {
            with_mut(vm, args.first(), |b| *b = b.repeat(n))?;
            Ok(args[0].clone())
        }
        None => Ok(Value::NotImplemented),
    }
}

fn ba_cmp(vm: &mut Vm, args: &[Value], op: crate::lang::bytecode::CompareKind) -> R {
    let b = data(vm, args.first())?;
    let Some(o) = args.get(1).and_then(bytes_like) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(&new_bytes(b), &new_bytes(o), op)
}

macro_rules! ba_cmps {
    ($($f:ident => $k:ident),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
            ba_cmp(vm, args, crate::lang::bytecode::CompareKind::$k)
        })*
    };
}
ba_cmps!(ba_eq => Eq, ba_ne => Ne, ba_lt => Lt, ba_le => Le, ba_gt => Gt, ba_ge => Ge);

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits, spaces between pairs.
pub fn parse_hex(vm: &Vm, s: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
            (Some(_), None) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
        }
        i += 2;
    }
    Ok(out)
}

/// The string argument of a `fromhex` (`bytes`, `bytearray`, `float`), or CPython's error.
pub fn fromhex_arg(vm: &Vm, arg: Option<&Value>) -> PyResult<Rc<str>> {
    match arg {
        Some(Value::Str(s)) => Ok(Rc::from(&*s.s)),
        Some(other) => Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("fromhex() takes exactly one argument (0 given)")),
    }
}

/// The argument after the class, if `args` starts with one (`bytearray.fromhex(s)`: the
/// string is the only argument).
pub fn after_class(args: &[Value]) -> Option<&Value> {
    args.iter().rev().find(|v| !matches!(v, Value::Type(_)))
}

fn ba_fromhex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = fromhex_arg(vm, after_class(args))?;
    let b = parse_hex(vm, &s)?;
    Ok(new_bytearray(vm, b))
}

/// Results of a shared `bytes` method, with bytes turned into bytearrays.
fn back(vm: &Vm, v: Value) -> Value {
    match v {
        Value::Bytes(b) => new_bytearray(vm, b.b.to_vec()),
        Value::List(l) => {
            let items: Vec<Value> = l
                .items
                .borrow()
                .iter()
                .map(|x| back(vm, x.clone()))
                .collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.items.iter().map(|x| back(vm, x.clone())).collect()),
        other => other,
    }
}

/// The methods of `bytes` a bytearray shares, run on a bytes snapshot.
const SHARED: &[&str] = &[
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "replace",
    "partition",
    "rpartition",
    "startswith",
    "endswith",
    "removeprefix",
    "removesuffix",
    "splitlines",
    "ljust",
    "rjust",
    "center",
    "zfill",
    "split",
    "rsplit",
    "strip",
    "lstrip",
    "rstrip",
    "upper",
    "lower",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isascii",
    "islower",
    "isupper",
    "swapcase",
    "capitalize",
    "title",
    "join",
    "decode",
    "hex",
    "translate",
];

pub fn register(vm: &mut Vm) {
    let Ok(t) = vm.new_native_class("bytearray", "builtins", &[], Some(ba_new)) else {
        return;
    };
    let flags = t.flags.get();
    vm.add_methods(
        &t,
        &[
            ("__init__", ba_init),
            ("__repr__", ba_repr),
            ("__len__", ba_len),
            ("__iter__", ba_iter),
            ("__getitem__", ba_getitem),
            ("__setitem__", ba_setitem),
            ("__delitem__", ba_delitem),
            ("__contains__", ba_contains),
            ("__add__", ba_add),
            ("__radd__", ba_radd),
            ("__iadd__", ba_iadd),
            ("__mul__", ba_mul),
            ("__rmul__", ba_mul),
            ("__imul__", ba_imul),
            ("__eq__", ba_eq),
            ("__ne__", ba_ne),
            ("__lt__", ba_lt),
            ("__le__", ba_le),
            ("__gt__", ba_gt),
            ("__ge__", ba_ge),
            ("append", ba_append),
            ("extend", ba_extend),
            ("pop", ba_pop),
            ("insert", ba_insert),
            ("remove", ba_remove),
            ("clear", ba_clear),
            ("reverse", ba_reverse),
            ("copy", ba_copy),
            ("fromhex", ba_fromhex),
        ],
    );
    t.dict.borrow_mut().set("__hash__", Value::None);
    let bytes_t = vm.types.bytes.clone();
    for name in SHARED {
        let Some(f) = bytes_t.lookup(name) else {
            continue;
        };
        let m = Value::Builtin(Rc::new(PyBuiltin {
            name: Rc::from(*name),
            imp: NativeImpl::Closure(Rc::new(move |vm: &mut Vm, args: &[Value], kw: &KwArgs| {
                let b = data(vm, args.first())?;
                let mut a = Vec::with_capacity(args.len());
                a.push(new_bytes(b));
                for x in &args[1..] {
                    a.push(match bytes_like(x) {
                        Some(o) if is_bytearray(x) => new_bytes(o),
                        _ => x.clone(),
                    });
                }
                let r = vm.call(&f, &a, kw)?;
                Ok(back(vm, r))
            })),
            bound: None,
            special: Special::None,
            owner: Some(Rc::from("bytearray")),
            module: None,
        }));
        t.dict.borrow_mut().set(name, m);
    }
    t.flags.set(flags);
    vm.builtins.set_str("bytearray", Value::Type(t));
}
