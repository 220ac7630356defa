//! The `bytes` methods `vm::bytes_methods` leaves out (registered at VM start), in the same
//! style: `expandtabs` runs the `str` method on the Latin-1 view; the ASCII-only case and `isX`
//! methods are written here. Also `bytes.fromhex` (parsed as bytearray.fromhex is) and
//! `int.from_bytes`/`int.to_bytes`.

use crate::vm::object::{NativeImpl, PyBuiltin, Special};
use crate::vm::{KwArgs, PyResult, Value, Vm};
use std::rc::Rc;

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn from_latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| (c as u32).min(255) as u8).collect()
}

fn self_bytes(vm: &Vm, args: &[Value], name: &str) -> PyResult<Rc<crate::vm::value::PyBytes>> {
    match args.first() {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument"))),
    }
}

/// A bytes argument seen as its Latin-1 string; `int_ok` for the methods that accept a byte
/// value (`find(111)`).
fn to_str_arg(vm: &Vm, v: &Value, int_ok: bool) -> PyResult<Value> {
    Ok(match v {
        Value::Bytes(b) => Value::string(latin1(&b.b)),
        Value::Str(_) if int_ok => {
            return Err(vm.type_error("argument should be integer or bytes-like object, not 'str'"));
        }
        Value::Str(_) => {
            return Err(vm.type_error("a bytes-like object is required, not 'str'"));
        }
        Value::Int(i) if int_ok => {
            if !(0..=255).contains(i) {
                return Err(vm.new_error(
                    crate::vm::ExcKind::ValueError,
                    "byte must be in range(0, 256)",
                ));
            }
            Value::string(((*i as u8) as char).to_string())
        }
        Value::Tuple(t) => {
            let mut items = Vec::with_capacity(t.items.len());
            for it in t.items.iter() {
                items.push(to_str_arg(vm, it, false)?);
            }
            Value::tuple(items)
        }
        other => other.clone(),
    })
}

fn back(v: Value) -> Value {
    match v {
        Value::Str(s) => Value::Bytes(Rc::new(crate::vm::value::PyBytes {
            b: from_latin1(&s.s).into_boxed_slice(),
        })),
        Value::List(l) => {
            let items: Vec<Value> = l.items.borrow().iter().cloned().map(back).collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.items.iter().cloned().map(back).collect()),
        other => other,
    }
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(crate::vm::value::PyBytes {
        b: b.into_boxed_slice(),
    }))
}

/// Methods delegated to `str` that `vm::bytes_methods` does not provide (name, whether int
/// arguments stand for a byte).
const VIA_STR: &[(&str, bool)] = &[("expandtabs", false)];

fn delegate(vm: &mut Vm, name: &str, int_ok: bool, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = self_bytes(vm, args, name)?;
    let mut conv = Vec::with_capacity(args.len());
    // Only the searched-for argument may be a byte value; later ints are positions.
    for (i, a) in args[1..].iter().enumerate() {
        conv.push(to_str_arg(vm, a, int_ok && i == 0)?);
    }
    let s = Value::string(latin1(&b.b));
    let m = vm.getattr_str(&s, name)?;
    match vm.call(&m, &conv, kw) {
        Ok(r) => Ok(back(r)),
        Err(e)
            if matches!(name, "index" | "rindex")
                && vm.exc_matches(&e, crate::vm::ExcKind::ValueError) =>
        {
            Err(vm.new_error(crate::vm::ExcKind::ValueError, "subsection not found"))
        }
        Err(e) => Err(e),
    }
}

fn map_bytes(vm: &Vm, args: &[Value], name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = self_bytes(vm, args, name)?;
    Ok(bytes_val(f(&b.b)))
}

fn test_bytes(vm: &Vm, args: &[Value], name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let b = self_bytes(vm, args, name)?;
    Ok(Value::Bool(f(&b.b)))
}

fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if c.is_ascii_alphabetic() {
                if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            } else {
                c
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn ascii_method(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let n = name;
    match name {
        "swapcase" => map_bytes(vm, args, n, |b| {
            b.iter()
                .map(|c| {
                    if c.is_ascii_lowercase() {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect()
        }),
        "capitalize" => map_bytes(vm, args, n, |b| {
            let mut v = b.to_ascii_lowercase();
            if let Some(f) = v.first_mut() {
                *f = f.to_ascii_uppercase();
            }
            v
        }),
        "title" => map_bytes(vm, args, n, title),
        "islower" => test_bytes(vm, args, n, |b| {
            b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
        }),
        "isupper" => test_bytes(vm, args, n, |b| {
            b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
        }),
        "istitle" => test_bytes(vm, args, n, |b| {
            b.iter().any(u8::is_ascii_alphabetic) && title(b) == b
        }),
        "isascii" => test_bytes(vm, args, n, |b| b.is_ascii()),
        _ => Err(vm.type_error(format!("bytes.{name} is not available"))),
    }
}

/// The ASCII-only methods `vm::bytes_methods` does not provide.
const ASCII: &[&str] = &[
    "swapcase",
    "capitalize",
    "title",
    "islower",
    "isupper",
    "istitle",
    "isascii",
];

fn fromhex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    // Called as bytes.fromhex(s) (classmethod: args[0] is the class).
    let s = crate::vm::bytearray::fromhex_arg(vm, args.get(1))?;
    let out = crate::vm::bytearray::parse_hex(vm, &s)?;
    Ok(bytes_val(out))
}

fn method(
    vm: &Vm,
    name: &str,
    f: impl Fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value> + 'static,
) {
    let v = Value::Builtin(Rc::new(PyBuiltin {
        name: Rc::from(name),
        imp: NativeImpl::Closure(Rc::new(f)),
        bound: None,
        special: Special::None,
        owner: Some(Rc::from("bytes")),
        module: None,
    }));
    vm.types.bytes.dict.borrow_mut().set(name, v);
}

pub fn register(vm: &mut Vm) {
    for &(name, int_ok) in VIA_STR {
        method(vm, name, move |vm, a, k| delegate(vm, name, int_ok, a, k));
    }
    for &name in ASCII {
        method(vm, name, move |vm, a, _k| ascii_method(vm, name, a));
    }
    let t = vm.types.bytes.clone();
    vm.add_classmethod(&t, "fromhex", fromhex);
    register_int(vm);
}

// ---------------------------------------------------------------- int.from_bytes / to_bytes

use crate::lang::bytecode::{BinaryOpKind as K, CompareKind};

fn byteorder(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if &*s.s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s.s == "little" => Ok(false),
        Some(Value::Str(_)) => Err(vm.new_error(
            crate::vm::ExcKind::ValueError,
            "byteorder must be either 'little' or 'big'",
        )),
        Some(other) => Err(vm.type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn flag(vm: &mut Vm, kw: &KwArgs) -> PyResult<bool> {
    match crate::vm::kw_get(kw, "signed") {
        Some(v) => {
            let v = v.clone();
            vm.truthy(&v)
        }
        None => Ok(false),
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (any length: built with int ops).
fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let data = match crate::vm::kw_get(kw, "bytes").or(args.get(1)) {
        Some(Value::Bytes(b)) => b.b.to_vec(),
        Some(other) => {
            let other = other.clone();
            // CPython's PyBytes_FromObject: str and non-iterables are refused up front, with
            // one message for both.
            let iter = match &other {
                Value::Str(_) => None,
                _ => vm.get_iter(&other).ok(),
            };
            let Some(iter) = iter else {
                return Err(vm.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(&other)
                )));
            };
            let items = vm.iter_to_vec(&iter)?;
            let mut v = Vec::with_capacity(items.len());
            for it in items {
                let n = vm.to_index(&it)?;
                if !(0..=255).contains(&n) {
                    return Err(vm.new_error(
                        crate::vm::ExcKind::ValueError,
                        "bytes must be in range(0, 256)",
                    ));
                }
                v.push(n as u8);
            }
            v
        }
        None => return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)")),
    };
    let order = crate::vm::kw_get(kw, "byteorder").or(args.get(2)).cloned();
    let big = byteorder(vm, order.as_ref())?;
    let signed = flag(vm, kw)?;
    let mut bytes = data;
    if !big {
        bytes.reverse();
    }
    let mut r = Value::Int(0);
    for &c in &bytes {
        r = vm.binary_op(&r, &Value::Int(8), K::LShift)?;
        r = vm.binary_op(&r, &Value::Int(c as i64), K::Or)?;
    }
    if signed && bytes.first().is_some_and(|&c| c >= 0x80) {
        let bits = Value::Int(8 * bytes.len() as i64);
        let m = vm.binary_op(&Value::Int(1), &bits, K::LShift)?;
        r = vm.binary_op(&r, &m, K::Sub)?;
    }
    // `Sub.from_bytes(...)` is `Sub(value)`, as in CPython.
    if let Some(Value::Type(cls)) = args.first() {
        if !Rc::ptr_eq(cls, &vm.types.int) {
            return vm.call(&Value::Type(cls.clone()), &[r], &[]);
        }
    }
    Ok(r)
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::Int(0));
    let length = match crate::vm::kw_get(kw, "length").or(args.get(1)) {
        None => 1,
        Some(Value::Int(n)) if *n >= 0 => *n as usize,
        Some(Value::Int(_)) => {
            return Err(vm.new_error(
                crate::vm::ExcKind::ValueError,
                "length argument must be non-negative",
            ))
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    let order = crate::vm::kw_get(kw, "byteorder").or(args.get(2)).cloned();
    let big = byteorder(vm, order.as_ref())?;
    let signed = flag(vm, kw)?;
    let neg = vm.compare(&v, &Value::Int(0), CompareKind::Lt)?;
    let neg = vm.truthy(&neg)?;
    if neg && !signed {
        return Err(vm.new_error(
            crate::vm::ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let mut out = Vec::with_capacity(length);
    for i in 0..length {
        let s = vm.binary_op(&v, &Value::Int(8 * i as i64), K::RShift)?;
        let b = vm.binary_op(&s, &Value::Int(255), K::And)?;
        out.push(match b {
            Value::Int(n) => n as u8,
            _ => 0,
        });
    }
    let hi = vm.binary_op(&v, &Value::Int(8 * length as i64), K::RShift)?;
    let top_set = out.last().is_some_and(|&c| c >= 0x80);
    let fits = match hi {
        Value::Int(0) => !signed || !top_set || length == 0 && !neg,
        Value::Int(-1) => signed && (top_set || length == 0 && neg),
        _ => false,
    };
    let fits = fits || (length == 0 && matches!(v, Value::Int(0)));
    if !fits {
        return Err(vm.new_error(crate::vm::ExcKind::OverflowError, "int too big to convert"));
    }
    if big {
        out.reverse();
    }
    Ok(bytes_val(out))
}

pub fn register_int(vm: &mut Vm) {
    let t = vm.types.int.clone();
    vm.add_classmethod(&t, "from_bytes", int_from_bytes);
    vm.add_method(&t, "to_bytes", int_to_bytes);
}
