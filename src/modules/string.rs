//! `string`: the character-class constants, `capwords` and `Template` (CPython 3.11's
//! `string.py`, with its `$name` / `${name}` / `$$` pattern matched by hand since loopscope has
//! no `re`).

use super::util::{arg, check_kwargs};
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCT: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// `capwords(s, sep=None)`: `sep.join(w.capitalize() for w in s.split(sep))`.
fn capwords(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "capwords", kw, &["s", "sep"])?;
    let Some(s) = arg(args, kw, 0, "s") else {
        return Err(vm.type_error("capwords() missing 1 required positional argument: 's'"));
    };
    let sep = arg(args, kw, 1, "sep").unwrap_or(Value::None);
    let split = vm.getattr_str(&s, "split")?;
    let words = vm.call(&split, std::slice::from_ref(&sep), &[])?;
    let mut caps = Vec::new();
    for w in vm.iter_to_vec(&words)? {
        let c = vm.getattr_str(&w, "capitalize")?;
        caps.push(vm.call(&c, &[], &[])?);
    }
    let joiner = if sep.is_none() { Value::str(" ") } else { sep };
    let join = vm.getattr_str(&joiner, "join")?;
    vm.call(&join, &[Value::list(caps)], &[])
}

fn template_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "Template", kw, &["template"])?;
    let Some(t) = arg(args, kw, 0, "template") else {
        return Err(
            vm.type_error("Template.__init__() missing 1 required positional argument: 'template'")
        );
    };
    let inst = vm.new_plain_instance(cls);
    vm.setattr(&inst, &Value::str("template"), t)?;
    Ok(inst)
}

fn noop(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic()
}

/// Template's default idpattern is `(?a:[_a-z][_a-z0-9]*)` with IGNORECASE: ASCII only.
fn ident_at(chars: &[char], i: usize) -> usize {
    let mut j = i;
    if j < chars.len() && is_id_start(chars[j]) {
        j += 1;
        while j < chars.len() && (chars[j] == '_' || chars[j].is_ascii_alphanumeric()) {
            j += 1;
        }
    }
    j
}

fn substitute_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, safe: bool) -> R {
    let slf = args.first().cloned().unwrap_or_default();
    let template = vm.getattr_str(&slf, "template")?;
    let text = vm.str_arg(&template, "template")?.to_string();
    // mapping lookups: kwargs first (ChainMap(kws, mapping)), then the positional mapping.
    let mapping = args.get(1).cloned();
    if args.len() > 2 {
        return Err(vm.type_error("Too many positional arguments"));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '$' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let next = chars.get(i + 1).copied();
        let (name, end) = if next == Some('$') {
            out.push('$');
            i += 2;
            continue;
        } else if next == Some('{') {
            let j = ident_at(&chars, i + 2);
            if j > i + 2 && chars.get(j) == Some(&'}') {
                (chars[i + 2..j].iter().collect::<String>(), j + 1)
            } else {
                (String::new(), start)
            }
        } else {
            let j = ident_at(&chars, i + 1);
            if j > i + 1 {
                (chars[i + 1..j].iter().collect::<String>(), j)
            } else {
                (String::new(), start)
            }
        };
        if name.is_empty() {
            if safe {
                out.push('$');
                i += 1;
                continue;
            }
            let before: String = chars[..start].iter().collect();
            let lineno = before.matches('\n').count() + 1;
            let colno = start
                - before
                    .rfind('\n')
                    .map(|p| before[..p + 1].chars().count())
                    .unwrap_or(0)
                + 1;
            return Err(vm.value_error(format!(
                "Invalid placeholder in string: line {lineno}, col {colno}"
            )));
        }
        let key = Value::str(&name);
        let found = match kw.iter().find(|(k, _)| **k == *name) {
            Some((_, v)) => Some(v.clone()),
            None => match &mapping {
                Some(m) => match vm.getitem(m, &key) {
                    Ok(v) => Some(v),
                    Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => {
                        if safe {
                            None
                        } else {
                            return Err(e);
                        }
                    }
                    Err(e) => return Err(e),
                },
                None => None,
            },
        };
        match found {
            Some(v) => out.push_str(&vm.str_of(&v)?),
            None => {
                if !safe {
                    return Err(vm.new_error_args(ExcKind::KeyError, vec![key]));
                }
                out.extend(chars[start..end].iter());
            }
        }
        i = end;
    }
    Ok(Value::string(out))
}

fn substitute(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    substitute_impl(vm, args, kw, false)
}
fn safe_substitute(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    substitute_impl(vm, args, kw, true)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("string");
    let letters = format!("{LOWER}{UPPER}");
    let printable = format!("{DIGITS}{letters}{PUNCT}{WHITESPACE}");
    for (name, v) in [
        ("ascii_lowercase", LOWER.to_string()),
        ("ascii_uppercase", UPPER.to_string()),
        ("ascii_letters", letters),
        ("digits", DIGITS.to_string()),
        ("hexdigits", "0123456789abcdefABCDEF".to_string()),
        ("octdigits", "01234567".to_string()),
        ("punctuation", PUNCT.to_string()),
        ("whitespace", WHITESPACE.to_string()),
        ("printable", printable),
    ] {
        m.dict.set_str(name, Value::string(v));
    }
    vm.module_add_fn(&m, "capwords", capwords);
    let t = vm.new_native_class("Template", "string", &[], Some(template_new))?;
    vm.add_methods(
        &t,
        &[
            ("__init__", noop),
            ("substitute", substitute),
            ("safe_substitute", safe_substitute),
        ],
    );
    t.dict.borrow_mut().set("delimiter", Value::str("$"));
    m.dict.set_str("Template", Value::Type(t));
    Ok(m)
}
