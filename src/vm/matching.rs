//! The structural checks of `match` statements: what CPython's MATCH_SEQUENCE, MATCH_MAPPING,
//! MATCH_KEYS and MATCH_CLASS instructions do (Python/ceval.c, 3.11). The parser lowers every
//! `case` to plain tests that call these builtins (src/lang/parser_match.rs); their names start
//! with `$`, so scripts can neither see nor shadow them.

use super::object::PyType;
use super::value::Value;
use super::{KwArgs, PyResult, Vm};
use std::rc::Rc;

fn in_mro(t: &Rc<PyType>, names: &[&str]) -> bool {
    std::iter::once(t).chain(t.mro_tail.iter()).any(|c| {
        let module = c.module.borrow().clone();
        let name = c.name();
        (&*module == "builtins" || &*module == "collections" && &*name == "deque")
            && names.contains(&&*name)
    })
}

/// `isinstance(v, collections.abc.<abc>)`, for objects whose type alone does not decide.
fn abc_instance(vm: &mut Vm, v: &Value, abc: &str) -> PyResult<bool> {
    let m = vm.import("collections.abc", true)?;
    let cls = vm.getattr_str(&m, abc)?;
    let Some(isinstance) = vm.builtins.get_str("isinstance") else {
        return Ok(false);
    };
    let r = vm.call(&isinstance, &[v.clone(), cls], &[])?;
    vm.truthy(&r)
}

fn is_sequence(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            let t = vm.type_of(v);
            if in_mro(&t, &["str", "bytes", "bytearray"]) {
                false
            } else if in_mro(&t, &["list", "tuple", "range", "deque", "memoryview"]) {
                true
            } else {
                abc_instance(vm, v, "Sequence")?
            }
        }
        _ => false,
    })
}

fn is_mapping(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::Dict(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            let t = vm.type_of(v);
            in_mro(&t, &["dict", "mappingproxy"]) || abc_instance(vm, v, "Mapping")?
        }
        _ => false,
    })
}

fn int_arg(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => -1,
    }
}

/// `$match_seq(subject, n, star)`: None unless the subject is a sequence that `n` patterns
/// (one of them the starred one at index `star`, or none when `star` is -1) can match; else
/// its items as a list, the starred part gathered into one list at `star`.
pub fn match_seq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (subj, n, star) = (&args[0], int_arg(&args[1]) as usize, int_arg(&args[2]));
    if !is_sequence(vm, subj)? {
        return Ok(Value::None);
    }
    let len = vm.len(subj)?;
    if star < 0 && len != n || star >= 0 && len < n - 1 {
        return Ok(Value::None);
    }
    let items = vm.iter_to_vec(subj)?;
    if star < 0 {
        return Ok(Value::list(items));
    }
    let star = star as usize;
    let after = n - 1 - star;
    let mut out: Vec<Value> = items[..star].to_vec();
    out.push(Value::list(items[star..items.len() - after].to_vec()));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(Value::list(out))
}

/// `$match_map(subject, keys, rest)`: None unless the subject is a mapping holding every key;
/// else the values in the keys' order, then (when `rest`) a dict of the other items.
pub fn match_map(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let subj = &args[0];
    if !is_mapping(vm, subj)? {
        return Ok(Value::None);
    }
    let keys = match &args[1] {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    if vm.len(subj)? < keys.len() {
        return Ok(Value::None);
    }
    let mut seen: Vec<Value> = Vec::new();
    for k in &keys {
        for s in &seen {
            if vm.eq(s, k)? {
                let r = vm.repr(k)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
        }
        seen.push(k.clone());
    }
    let get = vm.getattr_str(subj, "get")?;
    let dummy = Value::list(Vec::new());
    let mut values = Vec::with_capacity(keys.len() + 1);
    for k in &keys {
        let v = vm.call(&get, &[k.clone(), dummy.clone()], &[])?;
        if matches!((&v, &dummy), (Value::List(a), Value::List(b)) if Rc::ptr_eq(a, b)) {
            return Ok(Value::None);
        }
        values.push(v);
    }
    if matches!(args[2], Value::Bool(true)) {
        let Some(dict) = vm.builtins.get_str("dict") else {
            return Ok(Value::None);
        };
        let rest = vm.call(&dict, &[subj.clone()], &[])?;
        if let Value::Dict(d) = &rest {
            for k in &keys {
                vm.dict_del(d, k)?;
            }
        }
        values.push(rest);
    }
    Ok(Value::tuple(values))
}

/// The builtins a one-positional-pattern class pattern matches against the subject itself.
const MATCH_SELF: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

/// `$match_class(subject, cls, npos, kwnames)`: None unless the subject is an instance of
/// `cls` with every attribute the patterns name; else those attributes, positional first.
pub fn match_class(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (subj, cls) = (&args[0], &args[1]);
    let npos = int_arg(&args[2]) as usize;
    let Value::Type(t) = cls else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    let isinstance = vm.builtins.get_str("isinstance").unwrap_or(Value::None);
    let r = vm.call(&isinstance, &[subj.clone(), cls.clone()], &[])?;
    if !vm.truthy(&r)? {
        return Ok(Value::None);
    }
    let tname = t.tp_name();
    let mut names: Vec<Value> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if npos > 0 {
        let match_args = vm.getattr_opt(cls, &Value::str("__match_args__"))?;
        match match_args {
            Some(Value::Tuple(ma)) => {
                if npos > ma.items.len() {
                    let n = ma.items.len();
                    let s = if n == 1 { "" } else { "s" };
                    return Err(vm.type_error(format!(
                        "{tname}() accepts {n} positional sub-pattern{s} ({npos} given)"
                    )));
                }
                for a in &ma.items[..npos] {
                    if !matches!(a, Value::Str(_)) {
                        return Err(vm.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            vm.type_name(a)
                        )));
                    }
                    names.push(a.clone());
                }
            }
            Some(other) => {
                return Err(vm.type_error(format!(
                    "{tname}.__match_args__ must be a tuple (got {})",
                    vm.type_name(&other)
                )))
            }
            None => {
                if in_mro(t, MATCH_SELF) {
                    if npos > 1 {
                        return Err(vm.type_error(format!(
                            "{tname}() accepts 1 positional sub-pattern ({npos} given)"
                        )));
                    }
                    values.push(subj.clone());
                } else {
                    return Err(vm.type_error(format!(
                        "{tname}() accepts 0 positional sub-patterns ({npos} given)"
                    )));
                }
            }
        }
    }
    if let Value::Tuple(kw) = &args[3] {
        names.extend(kw.items.iter().cloned());
    }
    for (i, n) in names.iter().enumerate() {
        for prev in &names[..i] {
            if prev.as_str() == n.as_str() {
                let r = vm.repr(n)?;
                return Err(vm.type_error(format!(
                    "{tname}() got multiple sub-patterns for attribute {r}"
                )));
            }
        }
        match vm.getattr_opt(subj, n)? {
            Some(v) => values.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(Value::tuple(values))
}
