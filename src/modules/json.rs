//! `json`: `dumps` / `loads` as CPython 3.11's encoder and decoder (separators, indent,
//! sort_keys, ensure_ascii, allow_nan, default; `JSONDecodeError` messages with line/column).

use super::collections::inner_dict;
use super::util::check_kwargs;
use crate::vm::object::kw_get;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

struct Enc {
    ensure_ascii: bool,
    allow_nan: bool,
    sort_keys: bool,
    skipkeys: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Value,
    /// Containers being encoded (circular reference check).
    stack: Vec<usize>,
}

fn encode_str(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && !(' '..='~').contains(&c)) => {
                let n = c as u32;
                if n > 0xffff {
                    let v = n - 0x10000;
                    let hi = 0xd800 | ((v >> 10) & 0x3ff);
                    let lo = 0xdc00 | (v & 0x3ff);
                    out.push_str(&format!("\\u{hi:04x}\\u{lo:04x}"));
                } else {
                    out.push_str(&format!("\\u{n:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn float_str(vm: &mut Vm, f: f64, enc: &Enc) -> PyResult<String> {
    if f.is_nan() || f.is_infinite() {
        if !enc.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        return Ok(if f.is_nan() {
            "NaN".into()
        } else if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        });
    }
    vm.repr(&Value::Float(f))
}

fn newline(enc: &Enc, level: usize, out: &mut String) {
    if let Some(ind) = &enc.indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(ind);
        }
    }
}

fn encode(vm: &mut Vm, v: &Value, enc: &mut Enc, level: usize, out: &mut String) -> PyResult<()> {
    // Subclasses of dict, list, str, int, float encode as what they extend.
    if let Some(p) = crate::vm::subclass::payload(v) {
        let p = p.clone();
        return encode(vm, &p, enc, level, out);
    }
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Long(_) => out.push_str(&vm.repr(v)?),
        Value::Float(f) => {
            let s = float_str(vm, *f, enc)?;
            out.push_str(&s);
        }
        Value::Str(s) => encode_str(&s.s, enc.ensure_ascii, out),
        _ => {
            let items: Option<Vec<Value>> = match v {
                Value::List(l) => Some(l.items.borrow().clone()),
                Value::Tuple(t) => Some(t.items.to_vec()),
                Value::Instance(i) => i
                    .native::<super::collections::NtData>()
                    .map(|d| d.t.items.to_vec()),
                _ => None,
            };
            let dict = if items.is_none() { inner_dict(v) } else { None };
            if items.is_none() && dict.is_none() {
                if enc.default.is_none() {
                    return Err(vm.type_error(format!(
                        "Object of type {} is not JSON serializable",
                        vm.type_name(v)
                    )));
                }
                let key = v.ptr().unwrap_or(0);
                if enc.stack.contains(&key) {
                    return Err(vm.value_error("Circular reference detected"));
                }
                let d = enc.default.clone();
                let r = vm.call(&d, std::slice::from_ref(v), &[])?;
                enc.stack.push(key);
                vm.enter_native()?;
                let res = encode(vm, &r, enc, level, out);
                vm.leave_native();
                enc.stack.pop();
                return res;
            }
            let key = v.ptr().unwrap_or(0);
            if enc.stack.contains(&key) {
                return Err(vm.value_error("Circular reference detected"));
            }
            enc.stack.push(key);
            vm.enter_native()?;
            let res = match (items, dict) {
                (Some(items), _) => encode_list(vm, &items, enc, level, out),
                (None, Some(d)) => encode_dict(vm, &d.t.borrow().items(), enc, level, out),
                _ => Ok(()),
            };
            vm.leave_native();
            enc.stack.pop();
            res?;
        }
    }
    Ok(())
}

fn encode_list(
    vm: &mut Vm,
    items: &[Value],
    enc: &mut Enc,
    level: usize,
    out: &mut String,
) -> PyResult<()> {
    if items.is_empty() {
        out.push_str("[]");
        return Ok(());
    }
    out.push('[');
    newline(enc, level + 1, out);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&enc.item_sep);
            newline(enc, level + 1, out);
        }
        encode(vm, it, enc, level + 1, out)?;
    }
    newline(enc, level, out);
    out.push(']');
    Ok(())
}

fn key_str(vm: &mut Vm, k: &Value, enc: &Enc) -> PyResult<Option<String>> {
    Ok(Some(match crate::vm::subclass::payload(k).unwrap_or(k) {
        Value::Str(s) => s.s.to_string(),
        Value::Float(f) => float_str(vm, *f, enc)?,
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::None => "null".into(),
        Value::Int(i) => i.to_string(),
        v @ Value::Long(_) => vm.repr(v)?,
        other => {
            if enc.skipkeys {
                return Ok(None);
            }
            return Err(vm.type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                vm.type_name(other)
            )));
        }
    }))
}

fn encode_dict(
    vm: &mut Vm,
    items: &[(Value, Value)],
    enc: &mut Enc,
    level: usize,
    out: &mut String,
) -> PyResult<()> {
    if items.is_empty() {
        out.push_str("{}");
        return Ok(());
    }
    let mut items = items.to_vec();
    if enc.sort_keys {
        items = super::collections::stable_sort(vm, items, &mut |vm, a, b| vm.lt(&a.0, &b.0))?;
    }
    out.push('{');
    newline(enc, level + 1, out);
    let mut first = true;
    for (k, v) in &items {
        let Some(ks) = key_str(vm, k, enc)? else {
            continue;
        };
        if !first {
            out.push_str(&enc.item_sep);
            newline(enc, level + 1, out);
        }
        first = false;
        encode_str(&ks, enc.ensure_ascii, out);
        out.push_str(&enc.key_sep);
        encode(vm, v, enc, level + 1, out)?;
    }
    newline(enc, level, out);
    out.push('}');
    Ok(())
}

fn dumps(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(
        vm,
        "dumps",
        kw,
        &[
            "obj",
            "skipkeys",
            "ensure_ascii",
            "check_circular",
            "allow_nan",
            "cls",
            "indent",
            "separators",
            "default",
            "sort_keys",
        ],
    )?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "dumps() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let Some(obj) = args.first().cloned().or_else(|| kw_get(kw, "obj").cloned()) else {
        return Err(vm.type_error("dumps() missing 1 required positional argument: 'obj'"));
    };
    let flag = |vm: &mut Vm, name: &str, dflt: bool| -> PyResult<bool> {
        match kw_get(kw, name) {
            Some(v) => vm.truthy(v),
            None => Ok(dflt),
        }
    };
    let indent = match kw_get(kw, "indent") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.s.to_string()),
        Some(v) => Some(" ".repeat(vm.to_index(v)?.clamp(0, 1 << 16) as usize)),
    };
    let (item_sep, key_sep) = match kw_get(kw, "separators") {
        None | Some(Value::None) => (
            if indent.is_some() { "," } else { ", " }.to_string(),
            ": ".to_string(),
        ),
        Some(v) => {
            let parts = vm.iter_to_vec(v)?;
            let [a, b] = parts.as_slice() else {
                return Err(vm.value_error(format!(
                    "too many values to unpack (expected 2, got {})",
                    parts.len()
                )));
            };
            (
                vm.str_arg(a, "separator")?.to_string(),
                vm.str_arg(b, "separator")?.to_string(),
            )
        }
    };
    let mut enc = Enc {
        ensure_ascii: flag(vm, "ensure_ascii", true)?,
        allow_nan: flag(vm, "allow_nan", true)?,
        sort_keys: flag(vm, "sort_keys", false)?,
        skipkeys: flag(vm, "skipkeys", false)?,
        indent,
        item_sep,
        key_sep,
        default: kw_get(kw, "default").cloned().unwrap_or(Value::None),
        stack: Vec::new(),
    };
    let mut out = String::new();
    encode(vm, &obj, &mut enc, 0, &mut out)?;
    Ok(Value::string(out))
}

// ---------------------------------------------------------------- decoding

struct Dec<'a> {
    s: &'a [char],
    doc: &'a str,
}

struct DecErr {
    msg: String,
    pos: usize,
}

type D<T> = Result<T, DecErr>;

fn derr<T>(msg: &str, pos: usize) -> D<T> {
    Err(DecErr {
        msg: msg.to_string(),
        pos,
    })
}

enum J {
    Null,
    Bool(bool),
    Int(i64),
    /// An int past i64, as its text.
    Big(String),
    Float(f64),
    Str(String),
    List(Vec<J>),
    Obj(Vec<(String, J)>),
}

const MAX_DEPTH: usize = 500;

impl Dec<'_> {
    fn ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && matches!(self.s[i], ' ' | '\t' | '\n' | '\r') {
            i += 1;
        }
        i
    }

    fn value(&self, i: usize, depth: usize) -> D<(J, usize)> {
        if depth > MAX_DEPTH {
            return derr(
                "maximum recursion depth exceeded while decoding a JSON document",
                i,
            );
        }
        let Some(&c) = self.s.get(i) else {
            return derr("Expecting value", i);
        };
        match c {
            '"' => {
                let (s, j) = self.string(i + 1)?;
                Ok((J::Str(s), j))
            }
            '{' => self.object(i + 1, depth),
            '[' => self.array(i + 1, depth),
            'n' if self.lit(i, "null") => Ok((J::Null, i + 4)),
            't' if self.lit(i, "true") => Ok((J::Bool(true), i + 4)),
            'f' if self.lit(i, "false") => Ok((J::Bool(false), i + 5)),
            'N' if self.lit(i, "NaN") => Ok((J::Float(f64::NAN), i + 3)),
            'I' if self.lit(i, "Infinity") => Ok((J::Float(f64::INFINITY), i + 8)),
            '-' if self.lit(i, "-Infinity") => Ok((J::Float(f64::NEG_INFINITY), i + 9)),
            _ => self.number(i),
        }
    }

    fn lit(&self, i: usize, w: &str) -> bool {
        w.chars()
            .enumerate()
            .all(|(k, c)| self.s.get(i + k) == Some(&c))
    }

    fn number(&self, i: usize) -> D<(J, usize)> {
        // -?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
        let mut j = i;
        if self.s.get(j) == Some(&'-') {
            j += 1;
        }
        let digits = |mut k: usize| {
            while k < self.s.len() && self.s[k].is_ascii_digit() {
                k += 1;
            }
            k
        };
        match self.s.get(j) {
            Some('0') => j += 1,
            Some(c) if c.is_ascii_digit() => j = digits(j),
            _ => return derr("Expecting value", i),
        }
        let int_end = j;
        let mut is_float = false;
        if self.s.get(j) == Some(&'.') && self.s.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
            j = digits(j + 1);
            is_float = true;
        }
        if matches!(self.s.get(j), Some('e') | Some('E')) {
            let mut k = j + 1;
            if matches!(self.s.get(k), Some('+') | Some('-')) {
                k += 1;
            }
            if self.s.get(k).is_some_and(|c| c.is_ascii_digit()) {
                j = digits(k);
                is_float = true;
            }
        }
        let text: String = self.s[i..j].iter().collect();
        if is_float {
            let f: f64 = text.parse().unwrap_or(f64::NAN);
            Ok((J::Float(f), j))
        } else {
            let _ = int_end;
            match text.parse::<i64>() {
                Ok(n) => Ok((J::Int(n), j)),
                Err(_) => Ok((J::Big(text), j)),
            }
        }
    }

    fn string(&self, start: usize) -> D<(String, usize)> {
        let mut out = String::new();
        let mut i = start;
        loop {
            let Some(&c) = self.s.get(i) else {
                return derr("Unterminated string starting at", start - 1);
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(&e) = self.s.get(i + 1) else {
                        return derr("Unterminated string starting at", start - 1);
                    };
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex = |k: usize| -> Option<u32> {
                                let h: String = self.s.get(k..k + 4)?.iter().collect();
                                if h.chars().all(|c| c.is_ascii_hexdigit()) {
                                    u32::from_str_radix(&h, 16).ok()
                                } else {
                                    None
                                }
                            };
                            let Some(mut n) = hex(i + 2) else {
                                return derr("Invalid \\uXXXX escape", i + 1);
                            };
                            let mut adv = 6;
                            if (0xd800..0xdc00).contains(&n)
                                && self.s.get(i + 6) == Some(&'\\')
                                && self.s.get(i + 7) == Some(&'u')
                            {
                                if let Some(lo) = hex(i + 8) {
                                    if (0xdc00..0xe000).contains(&lo) {
                                        n = 0x10000 + (((n - 0xd800) << 10) | (lo - 0xdc00));
                                        adv = 12;
                                    }
                                }
                            }
                            // Lone surrogates cannot be Rust chars: U+FFFD stands in for them.
                            out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                            i += adv;
                            continue;
                        }
                        _ => return derr("Invalid \\escape", i),
                    }
                    i += 2;
                }
                c if (c as u32) < 0x20 => return derr("Invalid control character at", i),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn array(&self, i: usize, depth: usize) -> D<(J, usize)> {
        let mut items = Vec::new();
        let mut i = self.ws(i);
        if self.s.get(i) == Some(&']') {
            return Ok((J::List(items), i + 1));
        }
        loop {
            let (v, j) = self.value(i, depth + 1)?;
            items.push(v);
            i = self.ws(j);
            match self.s.get(i) {
                Some(']') => return Ok((J::List(items), i + 1)),
                Some(',') => i = self.ws(i + 1),
                _ => return derr("Expecting ',' delimiter", i),
            }
        }
    }

    fn object(&self, i: usize, depth: usize) -> D<(J, usize)> {
        let mut pairs = Vec::new();
        let mut i = self.ws(i);
        if self.s.get(i) == Some(&'}') {
            return Ok((J::Obj(pairs), i + 1));
        }
        loop {
            if self.s.get(i) != Some(&'"') {
                return derr("Expecting property name enclosed in double quotes", i);
            }
            let (k, j) = self.string(i + 1)?;
            i = self.ws(j);
            if self.s.get(i) != Some(&':') {
                return derr("Expecting ':' delimiter", i);
            }
            i = self.ws(i + 1);
            let (v, j) = self.value(i, depth + 1)?;
            pairs.push((k, v));
            i = self.ws(j);
            match self.s.get(i) {
                Some('}') => return Ok((J::Obj(pairs), i + 1)),
                Some(',') => i = self.ws(i + 1),
                _ => return derr("Expecting ',' delimiter", i),
            }
        }
    }
}

fn to_value(vm: &mut Vm, j: J) -> R {
    Ok(match j {
        J::Null => Value::None,
        J::Bool(b) => Value::Bool(b),
        J::Int(i) => Value::Int(i),
        J::Big(s) => crate::vm::numeric::parse_int(&s, 10).map_err(|e| vm.num_err(e))?,
        J::Float(f) => Value::Float(f),
        J::Str(s) => Value::string(s),
        J::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(to_value(vm, it)?);
            }
            Value::list(out)
        }
        J::Obj(pairs) => {
            let mut out = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                out.push((Value::string(k), to_value(vm, v)?));
            }
            vm.new_dict(out)?
        }
    })
}

fn decode_error(vm: &mut Vm, cls: &Rc<PyType>, doc: &str, e: DecErr) -> crate::vm::Exc {
    let before: Vec<char> = doc.chars().take(e.pos).collect();
    let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
    let colno = match before.iter().rposition(|&c| c == '\n') {
        Some(p) => e.pos - p,
        None => e.pos + 1,
    };
    let msg = format!("{}: line {lineno} column {colno} (char {})", e.msg, e.pos);
    let exc = vm.new_exception(cls, vec![Value::string(msg.clone())]);
    let mut d = exc.dict.borrow_mut();
    d.set("msg", Value::string(e.msg));
    d.set("doc", Value::str(doc));
    d.set("pos", Value::Int(e.pos as i64));
    d.set("lineno", Value::Int(lineno as i64));
    d.set("colno", Value::Int(colno as i64));
    drop(d);
    exc
}

fn loads(vm: &mut Vm, args: &[Value], kw: &KwArgs, err_t: &Rc<PyType>) -> R {
    check_kwargs(
        vm,
        "loads",
        kw,
        &[
            "s",
            "cls",
            "object_hook",
            "parse_float",
            "parse_int",
            "parse_constant",
            "object_pairs_hook",
        ],
    )?;
    let Some(s) = args.first().cloned().or_else(|| kw_get(kw, "s").cloned()) else {
        return Err(vm.type_error("loads() missing 1 required positional argument: 's'"));
    };
    let text = match crate::vm::subclass::payload(&s).unwrap_or(&s) {
        Value::Str(x) => x.s.to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(&b.b).into_owned(),
        v if crate::vm::bytearray::bytes_like(v).is_some() => {
            String::from_utf8_lossy(&crate::vm::bytearray::bytes_like(v).unwrap_or_default())
                .into_owned()
        }
        other => {
            return Err(vm.type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                vm.type_name(other)
            )))
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let dec = Dec {
        s: &chars,
        doc: &text,
    };
    let start = dec.ws(0);
    let r = dec.value(start, 0).and_then(|(j, end)| {
        let end2 = dec.ws(end);
        if end2 != chars.len() {
            return derr("Extra data", end2);
        }
        Ok(j)
    });
    let _ = dec.doc;
    match r {
        Ok(j) => {
            let v = to_value(vm, j)?;
            if let Some(hook) = kw_get(kw, "object_hook").filter(|h| !h.is_none()) {
                return apply_hook(vm, v, hook);
            }
            Ok(v)
        }
        Err(e) => Err(decode_error(vm, err_t, &text, e)),
    }
}

/// `object_hook` is applied to every decoded object, innermost first.
fn apply_hook(vm: &mut Vm, v: Value, hook: &Value) -> R {
    vm.enter_native()?;
    let r = (|| -> R {
        match &v {
            Value::List(l) => {
                let items = l.items.borrow().clone();
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    out.push(apply_hook(vm, it, hook)?);
                }
                Ok(Value::list(out))
            }
            Value::Dict(d) => {
                let items = d.t.borrow().items();
                let mut out = Vec::with_capacity(items.len());
                for (k, x) in items {
                    out.push((k, apply_hook(vm, x, hook)?));
                }
                let nd = vm.new_dict(out)?;
                vm.call(hook, &[nd], &[])
            }
            _ => Ok(v.clone()),
        }
    })();
    vm.leave_native();
    r
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("json");
    vm.module_add_fn(&m, "dumps", dumps);
    let ve = vm.exc_type(ExcKind::ValueError);
    let err_t = vm.new_native_class("JSONDecodeError", "json.decoder", &[ve], None)?;
    m.dict
        .set_str("JSONDecodeError", Value::Type(err_t.clone()));
    let f = vm.new_closure("loads", move |vm, a, k| loads(vm, a, k, &err_t));
    m.dict.set_str("loads", f);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings are what CPython 3.11's json.dumps printed for the same input.
    #[test]
    fn strings_escape_like_cpython() {
        let mut out = String::new();
        encode_str(
            "h\u{e9}llo \"q\" \\ \n\t\u{1} \u{20ac} \u{1F600}",
            true,
            &mut out,
        );
        assert_eq!(
            out,
            r#""h\u00e9llo \"q\" \\ \n\t\u0001 \u20ac \ud83d\ude00""#
        );
        let mut out = String::new();
        encode_str("h\u{e9}llo \u{7f}", false, &mut out);
        assert_eq!(out, "\"h\u{e9}llo \u{7f}\"");
    }

    #[test]
    fn decoder_reports_positions() {
        let text: Vec<char> = "[1, 2".chars().collect();
        let dec = Dec {
            s: &text,
            doc: "[1, 2",
        };
        match dec.value(0, 0) {
            Err(e) => assert_eq!((e.msg.as_str(), e.pos), ("Expecting ',' delimiter", 5)),
            Ok(_) => panic!("should fail"),
        }
    }
}
