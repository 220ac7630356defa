//! Methods of `bytes` (split, find, startswith, partition, strip, ... and `in`), which network
//! code (HTTP parsing over sockets and streams) leans on.
//!
//! Most of them run the matching `str` method on the latin-1 view of the bytes (one char per
//! byte, so indices and lengths agree) and map the result back: one implementation of the
//! searching and splitting rules for both types. Methods whose meaning differs for bytes (case,
//! whitespace: ASCII only) are done here on the bytes themselves.

use super::exceptions::ExcKind;
use super::value::{PyBytes, Value};
use super::{KwArgs, PyResult, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

const ASCII_WS: &[u8] = b" \t\n\r\x0b\x0c";

pub fn new_bytes(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(PyBytes { b: b.into() }))
}

fn latin1(b: &[u8]) -> Value {
    Value::string(b.iter().map(|&c| c as char).collect())
}

fn to_bytes(s: &str) -> Vec<u8> {
    // Only ever called on results of str methods over latin-1 views: every char fits a byte.
    s.chars().map(|c| c as u32 as u8).collect()
}

fn self_bytes<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a Rc<PyBytes>> {
    match args.first() {
        Some(Value::Bytes(b)) => Ok(b),
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'bytes' object"))),
    }
}

/// A bytes argument as its latin-1 str (CPython's message for anything else).
fn arg_view(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Bytes(b) => Ok(latin1(&b.b)),
        Value::None | Value::Int(_) | Value::Bool(_) => Ok(v.clone()),
        Value::Instance(_) if super::bytearray::bytes_like(v).is_some() => {
            Ok(latin1(&super::bytearray::bytes_like(v).unwrap_or_default()))
        }
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.items.len());
            for it in t.items.iter() {
                out.push(arg_view(vm, it)?);
            }
            Ok(Value::tuple(out))
        }
        other => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(other)
        ))),
    }
}

fn back(v: Value) -> Value {
    match v {
        Value::Str(s) => new_bytes(to_bytes(&s.s)),
        Value::List(l) => {
            let items: Vec<Value> = l.items.borrow().iter().cloned().map(back).collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.items.iter().cloned().map(back).collect()),
        other => other,
    }
}

/// Run `str.<name>` on the latin-1 views of self and the arguments.
fn via_str(vm: &mut Vm, name: &str, args: &[Value], kw: &KwArgs) -> R {
    let me = self_bytes(vm, args, name)?.clone();
    let mut a = vec![latin1(&me.b)];
    // The searching methods take a byte value (`find(111)`) as what they look for.
    let searching = matches!(name, "find" | "rfind" | "index" | "rindex" | "count");
    for (i, v) in args[1..].iter().enumerate() {
        match v {
            Value::Int(n) if searching && i == 0 => {
                if !(0..=255).contains(n) {
                    return Err(vm.new_error(ExcKind::ValueError, "byte must be in range(0, 256)"));
                }
                a.push(latin1(&[*n as u8]));
            }
            Value::Str(_) if searching && i == 0 => {
                return Err(
                    vm.type_error("argument should be integer or bytes-like object, not 'str'")
                );
            }
            _ => a.push(arg_view(vm, v)?),
        }
    }
    let mut k: Vec<(Rc<str>, Value)> = Vec::new();
    for (key, v) in kw.iter() {
        k.push((key.clone(), arg_view(vm, v)?));
    }
    let Some(f) = vm.types.str_.lookup(name) else {
        return Err(vm.new_error(ExcKind::AttributeError, name.to_string()));
    };
    match vm.call(&f, &a, &k) {
        Ok(r) => Ok(back(r)),
        Err(e) if matches!(name, "index" | "rindex") && vm.exc_matches(&e, ExcKind::ValueError) => {
            Err(vm.new_error(ExcKind::ValueError, "subsection not found"))
        }
        Err(e) => Err(e),
    }
}

macro_rules! via_str_methods {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
            via_str(vm, $name, args, kw)
        })*
        const VIA_STR: &[(&str, super::NativeFn)] = &[$(($name, $f)),*];
    };
}

via_str_methods! {
    b_find => "find", b_rfind => "rfind", b_index => "index", b_rindex => "rindex",
    b_count => "count", b_replace => "replace", b_partition => "partition",
    b_rpartition => "rpartition", b_startswith => "startswith", b_endswith => "endswith",
    b_removeprefix => "removeprefix", b_removesuffix => "removesuffix",
    b_splitlines => "splitlines", b_ljust => "ljust", b_rjust => "rjust", b_center => "center",
    b_zfill => "zfill",
}

fn has_sep(args: &[Value], kw: &KwArgs) -> bool {
    let kw_sep = kw.iter().any(|(k, v)| &**k == "sep" && !v.is_none());
    kw_sep || matches!(args.get(1), Some(v) if !v.is_none())
}

fn b_split_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, right: bool) -> R {
    let name = if right { "rsplit" } else { "split" };
    if has_sep(args, kw) {
        return via_str(vm, name, args, kw);
    }
    // No separator: runs of ASCII whitespace (str.split would also cut at \x85 and \xa0).
    let me = self_bytes(vm, args, name)?.clone();
    let maxsplit = match args
        .get(2)
        .or(kw.iter().find(|(k, _)| &**k == "maxsplit").map(|(_, v)| v))
    {
        None => -1,
        Some(v) => vm.to_int(v)?,
    };
    Ok(Value::list(
        split_ws(&me.b, maxsplit, right)
            .into_iter()
            .map(new_bytes)
            .collect(),
    ))
}

/// Split at runs of ASCII whitespace, at most `maxsplit` times (negative: no limit), from the
/// right for `rsplit`; the unsplit rest keeps its inner whitespace.
fn split_ws(b: &[u8], maxsplit: i64, right: bool) -> Vec<Vec<u8>> {
    let ws = |c: &u8| ASCII_WS.contains(c);
    let mut out = Vec::new();
    if right {
        let mut v = b.to_vec();
        v.reverse();
        for mut w in split_ws(&v, maxsplit, false) {
            w.reverse();
            out.push(w);
        }
        out.reverse();
        return out;
    }
    let mut i = 0;
    let n = b.len();
    loop {
        while i < n && ws(&b[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(b[i..].to_vec());
            break;
        }
        let s = i;
        while i < n && !ws(&b[i]) {
            i += 1;
        }
        out.push(b[s..i].to_vec());
    }
    out
}

fn b_split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    b_split_impl(vm, args, kw, false)
}

fn b_rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    b_split_impl(vm, args, kw, true)
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> R {
    let me = self_bytes(vm, args, name)?.clone();
    let chars: Vec<u8> = match args.get(1) {
        None | Some(Value::None) => ASCII_WS.to_vec(),
        Some(Value::Bytes(b)) => b.b.to_vec(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(other)
            )))
        }
    };
    let b = &me.b[..];
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && chars.contains(&b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && chars.contains(&b[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_bytes(b[s..e].to_vec()))
}

fn b_strip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    strip_impl(vm, args, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    strip_impl(vm, args, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    strip_impl(vm, args, "rstrip", false, true)
}

fn map_bytes(vm: &mut Vm, args: &[Value], name: &str, f: fn(u8) -> u8) -> R {
    let me = self_bytes(vm, args, name)?.clone();
    Ok(new_bytes(me.b.iter().map(|&c| f(c)).collect()))
}

fn b_upper(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    map_bytes(vm, args, "upper", |c| c.to_ascii_uppercase())
}

fn b_lower(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    map_bytes(vm, args, "lower", |c| c.to_ascii_lowercase())
}

fn test_bytes(vm: &mut Vm, args: &[Value], name: &str, f: fn(&u8) -> bool) -> R {
    let me = self_bytes(vm, args, name)?.clone();
    Ok(Value::Bool(!me.b.is_empty() && me.b.iter().all(f)))
}

fn b_isdigit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    test_bytes(vm, args, "isdigit", u8::is_ascii_digit)
}

fn b_isalpha(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    test_bytes(vm, args, "isalpha", u8::is_ascii_alphabetic)
}

fn b_isalnum(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    test_bytes(vm, args, "isalnum", u8::is_ascii_alphanumeric)
}

fn b_isspace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    test_bytes(vm, args, "isspace", |c| ASCII_WS.contains(c))
}

fn b_isascii(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let me = self_bytes(vm, args, "isascii")?.clone();
    Ok(Value::Bool(me.b.is_ascii()))
}

/// `islower`/`isupper`: some cased byte, and none of the other case (ASCII only).
fn cased(vm: &mut Vm, args: &[Value], name: &str, lower: bool) -> R {
    let me = self_bytes(vm, args, name)?.clone();
    let (mut want, mut other) = (false, false);
    for c in me.b.iter() {
        if c.is_ascii_lowercase() {
            if lower {
                want = true
            } else {
                other = true
            }
        } else if c.is_ascii_uppercase() {
            if lower {
                other = true
            } else {
                want = true
            }
        }
    }
    Ok(Value::Bool(want && !other))
}

fn b_islower(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    cased(vm, args, "islower", true)
}

fn b_isupper(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    cased(vm, args, "isupper", false)
}

fn b_swapcase(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    map_bytes(vm, args, "swapcase", |c| {
        if c.is_ascii_lowercase() {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        }
    })
}

fn b_capitalize(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let me = self_bytes(vm, args, "capitalize")?.clone();
    let out =
        me.b.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
    Ok(new_bytes(out))
}

/// `title`: a letter after a non-letter is uppercased, other letters lowercased (ASCII).
fn b_title(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let me = self_bytes(vm, args, "title")?.clone();
    let mut prev_cased = false;
    let mut out = Vec::with_capacity(me.b.len());
    for &c in me.b.iter() {
        let is_alpha = c.is_ascii_alphabetic();
        out.push(if !is_alpha {
            c
        } else if prev_cased {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        });
        prev_cased = is_alpha;
    }
    Ok(new_bytes(out))
}

fn b_join(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let me = self_bytes(vm, args, "join")?.clone();
    vm.check_args("join", &args[1..], 1, 1)?;
    let items = vm.iter_to_vec(&args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&me.b);
        }
        match super::bytearray::bytes_like(it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let other = it;
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(other)
                )));
            }
        }
    }
    Ok(new_bytes(out))
}

fn b_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let me = self_bytes(vm, args, "__contains__")?.clone();
    vm.check_args("__contains__", &args[1..], 1, 1)?;
    bytes_contains(vm, &me.b, &args[1]).map(Value::Bool)
}

/// `item in some_bytes`: a byte value or a sub-sequence.
pub fn bytes_contains(vm: &mut Vm, hay: &[u8], item: &Value) -> PyResult<bool> {
    match item {
        Value::Bytes(n) => Ok(n.b.is_empty() || hay.windows(n.b.len()).any(|w| w == &n.b[..])),
        Value::Instance(_) if super::bytearray::bytes_like(item).is_some() => {
            let n = super::bytearray::bytes_like(item).unwrap_or_default();
            Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..]))
        }
        Value::Int(i) => {
            if !(0..256).contains(i) {
                return Err(vm.value_error("byte must be in range(0, 256)"));
            }
            Ok(hay.contains(&(*i as u8)))
        }
        other => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of `frm` to `to`'s.
fn maketrans(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("maketrans", args, 2, 2)?;
    let mut parts = Vec::with_capacity(2);
    for a in args {
        parts.push(super::bytearray::bytes_like(a).ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(a)
            ))
        })?);
    }
    if parts[0].len() != parts[1].len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in parts[0].iter().zip(&parts[1]) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

/// `bytes.translate(table, /, delete=b'')`: `table` None or 256 bytes.
fn translate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(Value::Bytes(b)) = args.first() else {
        return Err(vm.type_error("descriptor 'translate' for 'bytes' objects needs a bytes"));
    };
    if let Some((k, _)) = kw.iter().find(|(k, _)| &**k != "delete") {
        return Err(vm.type_error(format!(
            "translate() got an unexpected keyword argument '{k}'"
        )));
    }
    vm.check_args("translate", &args[1..], 0, 2)?;
    let Some(table) = args.get(1) else {
        return Err(vm.type_error("translate() missing required argument 'table' (pos 1)"));
    };
    let bad = |vm: &Vm, v: &Value| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    };
    let table = match table {
        Value::None => None,
        t => Some(super::bytearray::bytes_like(t).ok_or_else(|| bad(vm, t))?),
    };
    if table.as_ref().is_some_and(|t| t.len() != 256) {
        return Err(vm.value_error("translation table must be 256 characters long"));
    }
    let delete = match args.get(2).or_else(|| super::object::kw_get(kw, "delete")) {
        Some(d) => super::bytearray::bytes_like(d).ok_or_else(|| bad(vm, d))?,
        None => Vec::new(),
    };
    let out =
        b.b.iter()
            .filter(|c| !delete.contains(c))
            .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
            .collect();
    Ok(new_bytes(out))
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    vm.add_static(&t, "maketrans", maketrans);
    vm.add_method(&t, "translate", translate);
    vm.add_methods(&t, VIA_STR);
    vm.add_methods(
        &t,
        &[
            ("split", b_split),
            ("rsplit", b_rsplit),
            ("strip", b_strip),
            ("lstrip", b_lstrip),
            ("rstrip", b_rstrip),
            ("upper", b_upper),
            ("lower", b_lower),
            ("isdigit", b_isdigit),
            ("isalpha", b_isalpha),
            ("isalnum", b_isalnum),
            ("isspace", b_isspace),
            ("isascii", b_isascii),
            ("islower", b_islower),
            ("isupper", b_isupper),
            ("swapcase", b_swapcase),
            ("capitalize", b_capitalize),
            ("title", b_title),
            ("join", b_join),
            ("__contains__", b_contains),
        ],
    );
}
