//! Methods of str, list, dict, set and tuple (the commonly used ones).

use super::dict::PyDict;
use super::exceptions::ExcKind;
use super::object::{kw_get, NativeData};
use super::strops;
use super::value::{PyStr, Value};
use super::{KwArgs, PyResult, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

/// A str argument, or the str a str subclass's instance carries.
fn sv(v: &Value) -> &Value {
    super::subclass::payload(v).unwrap_or(v)
}

fn s_self<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Rc<PyStr>> {
    match args.first().map(sv) {
        Some(Value::Str(s)) => Ok(s),
        _ => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

fn opt_str<'a>(vm: &Vm, v: Option<&'a Value>, what: &str) -> PyResult<Option<&'a str>> {
    match v.map(sv) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(&s.s)),
        Some(other) => Err(vm.type_error(format!(
            "{what} arg must be None or str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn str_join(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let sep = s_self(vm, args)?.clone();
    vm.check_args("str.join", &args[1..], 1, 1)?;
    let items = vm.iter_to_vec(&args[1])?;
    let len = items.iter().fold(0usize, |n, it| match it {
        Value::Str(s) => n.saturating_add(s.s.len()),
        _ => n,
    });
    vm.check_alloc(len.saturating_add(sep.s.len().saturating_mul(items.len())))?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep.s);
        }
        match super::subclass::payload(it).unwrap_or(it) {
            Value::Str(s) => out.push_str(&s.s),
            _ => {
                let other = it;
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(other)
                )));
            }
        }
    }
    Ok(Value::string(out))
}

fn str_split_impl(vm: &mut Vm, args: &[Value], kw: &KwArgs, right: bool) -> R {
    let s = s_self(vm, args)?.clone();
    takes_between(vm, if right { "rsplit" } else { "split" }, args, 0, 2)?;
    let sep = match kw_get(kw, "sep").or(args.get(1)).map(sv) {
        None | Some(Value::None) => None,
        Some(Value::Str(x)) => Some(x.s.to_string()),
        Some(other) => {
            return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(other))))
        }
    };
    let maxsplit = match kw_get(kw, "maxsplit").or(args.get(2)) {
        Some(v) => vm.to_int(v)?,
        None => -1,
    };
    let r = if right {
        strops::rsplit(&s.s, sep.as_deref(), maxsplit)
    } else {
        strops::split(&s.s, sep.as_deref(), maxsplit)
    };
    match r {
        Ok(parts) => Ok(Value::list(parts.into_iter().map(Value::str).collect())),
        Err(e) => Err(vm.value_error(e.message())),
    }
}
/// The count check in the words of CPython's hand-parsed methods (`PyArg_ParseTuple`, and
/// Argument Clinic where keywords are allowed): "find() takes at least 1 argument (0 given)".
/// Counts the arguments after self.
fn takes_between(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            s(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            s(max)
        )));
    }
    Ok(())
}
fn str_split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    str_split_impl(vm, args, kw, false)
}
fn str_rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    str_split_impl(vm, args, kw, true)
}

fn strip_impl(vm: &mut Vm, args: &[Value], which: u8) -> R {
    let s = s_self(vm, args)?.clone();
    vm.check_args(
        ["strip", "lstrip", "rstrip"][usize::from(which.min(2))],
        &args[1..],
        0,
        1,
    )?;
    let chars = opt_str(vm, args.get(1), "strip")?.map(|c| c.chars().collect::<Vec<char>>());
    let f = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => strops::is_space(c),
    };
    let r = match which {
        0 => s.s.trim_matches(f),
        1 => s.s.trim_start_matches(f),
        _ => s.s.trim_end_matches(f),
    };
    Ok(Value::str(r))
}
fn str_strip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    strip_impl(vm, args, 0)
}
fn str_lstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    strip_impl(vm, args, 1)
}
fn str_rstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    strip_impl(vm, args, 2)
}

fn affix(vm: &mut Vm, args: &[Value], start: bool) -> R {
    let s = s_self(vm, args)?.clone();
    let name = if start { "startswith" } else { "endswith" };
    let Some(p) = args.get(1) else {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    };
    let lo = match args.get(2) {
        Some(v) if !v.is_none() => vm.to_int(v)?,
        _ => 0,
    };
    let hi = match args.get(3) {
        Some(v) if !v.is_none() => vm.to_int(v)?,
        _ => s.nchars as i64,
    };
    let n = s.nchars as i64;
    let norm = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) } as usize;
    let (lo, hi) = (norm(lo), norm(hi));
    let sub: String = if hi >= lo {
        s.s.chars().skip(lo).take(hi - lo).collect()
    } else {
        String::new()
    };
    let check = |p: &str| {
        if start {
            sub.starts_with(p)
        } else {
            sub.ends_with(p)
        }
    };
    match sv(p) {
        Value::Str(x) => Ok(Value::Bool(check(&x.s))),
        Value::Tuple(t) => {
            for it in t.items.iter() {
                match sv(it) {
                    Value::Str(x) => {
                        if check(&x.s) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            vm.type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(other)
        ))),
    }
}
fn str_startswith(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    affix(vm, args, true)
}
fn str_endswith(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    affix(vm, args, false)
}
fn no_args(vm: &Vm, args: &[Value], name: &str) -> PyResult<()> {
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "str.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}
/// The zero-argument str methods whose CPython algorithm lives in `strops`.
fn str_unary(vm: &mut Vm, args: &[Value], name: &str, f: fn(&str) -> String) -> R {
    let s = s_self(vm, args)?.clone();
    no_args(vm, args, name)?;
    Ok(Value::string(f(&s.s)))
}
fn str_test(vm: &mut Vm, args: &[Value], name: &str, f: fn(&str) -> bool) -> R {
    let s = s_self(vm, args)?.clone();
    no_args(vm, args, name)?;
    Ok(Value::Bool(f(&s.s)))
}
fn str_upper(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_unary(vm, args, "upper", strops::upper)
}
fn str_lower(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_unary(vm, args, "lower", strops::lower)
}
fn str_casefold(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_unary(vm, args, "casefold", strops::casefold)
}
fn str_isprintable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isprintable", strops::isprintable)
}
fn str_isascii(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isascii", strops::isascii)
}
fn str_istitle(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "istitle", strops::istitle)
}
fn str_isdecimal(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isdecimal", strops::isdecimal)
}
fn str_isnumeric(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isnumeric", strops::isnumeric)
}
fn str_title(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_unary(vm, args, "title", strops::title)
}
fn str_capitalize(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_unary(vm, args, "capitalize", strops::capitalize)
}
fn str_swapcase(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_unary(vm, args, "swapcase", strops::swapcase)
}
fn str_replace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    vm.check_args("replace", &args[1..], 2, 3)?;
    let old = vm.str_arg(&args[1], "replace() argument 1")?.to_string();
    let new = vm.str_arg(&args[2], "replace() argument 2")?.to_string();
    let count = match args.get(3) {
        Some(v) => vm.to_int(v)?,
        None => -1,
    };
    Ok(Value::string(strops::replace(&s.s, &old, &new, count)))
}

fn find_impl(vm: &mut Vm, args: &[Value], name: &str, right: bool) -> PyResult<i64> {
    let s = s_self(vm, args)?.clone();
    takes_between(vm, name, args, 1, 3)?;
    let sub = match args.get(1).map(sv) {
        Some(Value::Str(sub)) => sub,
        Some(other) => {
            return Err(vm.type_error(format!("must be str, not {}", vm.type_name(other))))
        }
        None => return Err(vm.type_error("must be str")),
    };
    let n = s.nchars as i64;
    let norm = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let lo = match args.get(2) {
        Some(v) if !v.is_none() => norm(vm.to_int(v)?),
        _ => 0,
    };
    let hi = match args.get(3) {
        Some(v) if !v.is_none() => norm(vm.to_int(v)?),
        _ => n,
    };
    if hi < lo {
        return Ok(-1);
    }
    let (blo, bhi) = (s.byte_offset(lo as usize), s.byte_offset(hi as usize));
    let hay = &s.s[blo..bhi];
    let r = if right {
        hay.rfind(&*sub.s)
    } else {
        hay.find(&*sub.s)
    };
    Ok(match r {
        Some(b) => (lo as usize + hay[..b].chars().count()) as i64,
        None => -1,
    })
}
fn str_find(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Int(find_impl(vm, args, "find", false)?))
}
fn str_rfind(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::Int(find_impl(vm, args, "rfind", true)?))
}
fn str_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    match find_impl(vm, args, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
fn str_rindex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    match find_impl(vm, args, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
/// An optional slice bound of find/count (None means "not given", as CPython).
fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(vm.to_int(v)?)),
    }
}
fn str_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    takes_between(vm, "count", args, 1, 3)?;
    let sub = vm
        .str_arg(args.get(1).unwrap_or(&Value::None), "count() argument")?
        .to_string();
    let start = opt_index(vm, args.get(2))?;
    let end = opt_index(vm, args.get(3))?;
    Ok(Value::Int(strops::count(&s.s, &sub, start, end) as i64))
}
fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    let size = match kw_get(kw, "tabsize").or(args.get(1)) {
        Some(v) => vm.to_int(v)?,
        None => 8,
    };
    Ok(Value::string(strops::expandtabs(&s.s, size)))
}
fn str_isdigit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isdigit", strops::isdigit)
}
fn str_isalpha(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isalpha", strops::isalpha)
}
fn str_isalnum(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isalnum", strops::isalnum)
}
fn str_isspace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isspace", strops::isspace)
}
fn str_isupper(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isupper", strops::isupper)
}
fn str_islower(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "islower", strops::islower)
}
fn str_isidentifier(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    str_test(vm, args, "isidentifier", strops::isidentifier)
}
fn pad(vm: &mut Vm, args: &[Value], how: u8) -> R {
    let s = s_self(vm, args)?.clone();
    let w = vm.to_int(args.get(1).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.nchars == 1 => f.s.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
        None => ' ',
    };
    if w <= s.nchars {
        return Ok(Value::Str(s));
    }
    let total = w - s.nchars;
    let (l, r) = match how {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let l = total / 2 + (total & w & 1);
            (l, total - l)
        }
    };
    let f: String = std::iter::repeat_n(fill, l).collect();
    let g: String = std::iter::repeat_n(fill, r).collect();
    Ok(Value::string(format!("{f}{}{g}", s.s)))
}
fn str_ljust(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    pad(vm, args, 0)
}
fn str_rjust(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    pad(vm, args, 1)
}
fn str_center(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    pad(vm, args, 2)
}
fn str_zfill(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    let w = vm.to_int(args.get(1).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    if w <= s.nchars {
        return Ok(Value::Str(s));
    }
    let zeros = "0".repeat(w - s.nchars);
    let (sign, rest) = match s.s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s.s[1..]),
        _ => (String::new(), &s.s[..]),
    };
    Ok(Value::string(format!("{sign}{zeros}{rest}")))
}
fn str_splitlines(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let s = s_self(vm, args)?;
    // `keepends` may come by keyword (string.Template's error position uses it so).
    let keep = match args
        .get(1)
        .or_else(|| super::object::kw_get(kw, "keepends"))
    {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                end.push('\n');
            }
            if keep {
                cur.push_str(&end);
            }
            out.push(Value::string(std::mem::take(&mut cur)));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(Value::string(cur));
    }
    Ok(Value::list(out))
}
fn partition_impl(vm: &mut Vm, args: &[Value], right: bool) -> R {
    let s = s_self(vm, args)?.clone();
    let sep = vm
        .str_arg(args.get(1).unwrap_or(&Value::None), "partition() argument")?
        .to_string();
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let r = if right {
        s.s.rfind(&sep)
    } else {
        s.s.find(&sep)
    };
    Ok(match r {
        Some(i) => Value::tuple(vec![
            Value::str(&s.s[..i]),
            Value::string(sep.clone()),
            Value::str(&s.s[i + sep.len()..]),
        ]),
        None => {
            if right {
                Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())])
            } else {
                Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")])
            }
        }
    })
}
fn str_partition(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    partition_impl(vm, args, false)
}
fn str_rpartition(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    partition_impl(vm, args, true)
}
fn str_removeprefix(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    let p = vm
        .str_arg(
            args.get(1).unwrap_or(&Value::None),
            "removeprefix() argument",
        )?
        .to_string();
    Ok(Value::str(s.s.strip_prefix(p.as_str()).unwrap_or(&s.s)))
}
fn str_removesuffix(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    let p = vm
        .str_arg(
            args.get(1).unwrap_or(&Value::None),
            "removesuffix() argument",
        )?
        .to_string();
    Ok(Value::str(if p.is_empty() {
        &s.s
    } else {
        s.s.strip_suffix(p.as_str()).unwrap_or(&s.s)
    }))
}
/// The codecs loopscope knows, by CPython's normalised name (used in error messages).
fn codec_name(vm: &Vm, enc: &str) -> PyResult<&'static str> {
    let norm = enc.to_ascii_lowercase().replace(['_', ' '], "-");
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "latin" => "latin-1",
        _ => return Err(vm.new_error(ExcKind::LookupError, format!("unknown encoding: {enc}"))),
    })
}
fn codec_args(vm: &Vm, args: &[Value], kw: &KwArgs) -> PyResult<(&'static str, String)> {
    let enc = match kw_get(kw, "encoding").or(args.get(1)) {
        Some(v) => vm.str_arg(v, "encode() argument 'encoding'")?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match kw_get(kw, "errors").or(args.get(2)) {
        Some(v) => vm.str_arg(v, "encode() argument 'errors'")?.to_string(),
        None => "strict".to_string(),
    };
    Ok((codec_name(vm, &enc)?, errors))
}
fn str_encode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    takes_between(vm, "encode", args, 0, 2)?;
    let (codec, errors) = codec_args(vm, args, kw)?;
    let limit: u32 = match codec {
        "utf-8" => {
            return Ok(Value::Bytes(Rc::new(super::value::PyBytes {
                b: s.s.as_bytes().to_vec().into_boxed_slice(),
            })))
        }
        "ascii" => 128,
        _ => 256,
    };
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors.as_str() {
            "replace" => out.push(b'?'),
            "ignore" => {}
            "strict" => {
                let run = chars[i..]
                    .iter()
                    .take_while(|c| (**c as u32) >= limit)
                    .count();
                let what = if run == 1 {
                    format!(
                        "character {} in position {i}",
                        super::format::ascii_escape(&super::format::str_repr(&c.to_string()))
                    )
                } else {
                    format!("characters in position {i}-{}", i + run - 1)
                };
                return Err(vm.new_error(
                    ExcKind::UnicodeEncodeError,
                    format!("'{codec}' codec can't encode {what}: ordinal not in range({limit})"),
                ));
            }
            other => {
                return Err(vm.new_error(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{other}'"),
                ))
            }
        }
        i += 1;
    }
    Ok(Value::Bytes(Rc::new(super::value::PyBytes {
        b: out.into_boxed_slice(),
    })))
}
fn bytes_decode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some(Value::Bytes(b)) = args.first() else {
        return Err(vm.type_error("decode() requires bytes"));
    };
    let b = b.clone();
    let (codec, errors) = codec_args(vm, args, kw)?;
    if !matches!(errors.as_str(), "strict" | "replace" | "ignore") {
        return Err(vm.new_error(
            ExcKind::LookupError,
            format!("unknown error handler name '{errors}'"),
        ));
    }
    match codec {
        "latin-1" => Ok(Value::string(b.b.iter().map(|&c| c as char).collect())),
        "ascii" => {
            let mut out = String::with_capacity(b.b.len());
            for (i, &c) in b.b.iter().enumerate() {
                if c < 128 {
                    out.push(c as char);
                } else if errors == "replace" {
                    out.push('\u{fffd}');
                } else if errors == "strict" {
                    return Err(vm.new_error(
                        ExcKind::UnicodeDecodeError,
                        format!("'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"),
                    ));
                }
            }
            Ok(Value::string(out))
        }
        _ => match std::str::from_utf8(&b.b) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) if errors == "replace" => {
                Ok(Value::string(String::from_utf8_lossy(&b.b).into_owned()))
            }
            Err(_) if errors == "ignore" => {
                let mut out = String::new();
                for chunk in b.b.utf8_chunks() {
                    out.push_str(chunk.valid());
                }
                Ok(Value::string(out))
            }
            Err(e) => {
                let at = e.valid_up_to();
                let first = b.b.get(at).copied().unwrap_or(0);
                let msg = match e.error_len() {
                    None if b.b.len() - at > 1 => format!(
                        "'utf-8' codec can't decode bytes in position {at}-{}: unexpected end of data",
                        b.b.len() - 1
                    ),
                    None => format!(
                        "'utf-8' codec can't decode byte 0x{first:02x} in position {at}: unexpected end of data"
                    ),
                    Some(_) if matches!(first, 0x80..=0xc1 | 0xf5..=0xff) => format!(
                        "'utf-8' codec can't decode byte 0x{first:02x} in position {at}: invalid start byte"
                    ),
                    Some(n) if n > 1 => format!(
                        "'utf-8' codec can't decode bytes in position {at}-{}: invalid continuation byte",
                        at + n - 1
                    ),
                    Some(_) => format!(
                        "'utf-8' codec can't decode byte 0x{first:02x} in position {at}: invalid continuation byte"
                    ),
                };
                Err(vm.new_error(ExcKind::UnicodeDecodeError, msg))
            }
        },
    }
}
fn bytes_hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some(Value::Bytes(b)) = args.first() else {
        return Err(vm.type_error("hex() requires bytes"));
    };
    if let Some((k, _)) = kw
        .iter()
        .find(|(k, _)| &**k != "sep" && &**k != "bytes_per_sep")
    {
        return Err(vm.type_error(format!("hex() got an unexpected keyword argument '{k}'")));
    }
    vm.check_args("hex", &args[1..], 0, 2)?;
    let sep = args.get(1).or_else(|| kw_get(kw, "sep")).cloned();
    let per = args.get(2).or_else(|| kw_get(kw, "bytes_per_sep")).cloned();
    let s = crate::modules::binascii::hex(vm, &b.b, sep.as_ref(), per.as_ref(), false)?;
    Ok(Value::string(s))
}

/// `str.maketrans(x[, y[, z]])` (a static method in CPython; the class argument is skipped).
fn str_maketrans(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let a = args.get(1..).unwrap_or(&[]);
    let d = Rc::new(PyDict::new());
    match a {
        [Value::Dict(src)] => {
            for (k, v) in src.t.borrow().items() {
                let key =
                    match &k {
                        Value::Str(s) if s.nchars == 1 => {
                            Value::Int(s.s.chars().next().map(|c| c as i64).unwrap_or(0))
                        }
                        Value::Str(_) => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                        Value::Int(_) => k.clone(),
                        _ => {
                            return Err(vm
                                .type_error("keys in translate table must be strings or integers"))
                        }
                    };
                vm.dict_set(&d, key, v)?;
            }
        }
        [_] => {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            )
        }
        [x, y] | [x, y, _] => {
            let x = vm.str_arg(x, "maketrans() argument 1")?.to_string();
            let y = vm.str_arg(y, "maketrans() argument 2")?.to_string();
            if x.chars().count() != y.chars().count() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in x.chars().zip(y.chars()) {
                vm.dict_set(&d, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = a.get(2) {
                let z = vm.str_arg(z, "maketrans() argument 3")?.to_string();
                for c in z.chars() {
                    vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(vm.type_error(format!(
                "maketrans() takes at most 3 arguments ({} given)",
                a.len()
            )))
        }
    }
    Ok(Value::Dict(d))
}
fn str_translate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    vm.check_args("translate", &args[1..], 1, 1)?;
    let table = args[1].clone();
    let mut out = String::with_capacity(s.s.len());
    for c in s.s.chars() {
        let r = match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(r) => r,
            Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match r {
            Value::None => {}
            Value::Str(t) => out.push_str(&t.s),
            Value::Int(i) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            _ => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(Value::string(out))
}
fn str_contains_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    vm.check_args("__contains__", &args[1..], 1, 1)?;
    match sv(&args[1]) {
        Value::Str(sub) => Ok(Value::Bool(strops::contains(&s.s, &sub.s))),
        other => Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(other)
        ))),
    }
}
fn str_format_map(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    vm.check_args("format_map", &args[1..], 1, 1)?;
    let items = vm.mapping_items(&args[1])?;
    let kw: Vec<(Rc<str>, Value)> = items
        .into_iter()
        .filter_map(|(k, v)| match k {
            Value::Str(k) => Some((Rc::from(&*k.s), v)),
            _ => None,
        })
        .collect();
    let mut auto = (0usize, 0u8);
    Ok(Value::string(format_impl(
        vm,
        &s.s,
        &[],
        &kw,
        &mut auto,
        2,
    )?))
}

/// `str.format` (positional/keyword fields, conversions, nested specs).
fn str_format(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let s = s_self(vm, args)?.clone();
    let mut auto = (0usize, 0u8);
    Ok(Value::string(format_impl(
        vm,
        &s.s,
        &args[1..],
        kw,
        &mut auto,
        2,
    )?))
}

/// One level of `str.format`; nested specs share the automatic field counter (so
/// `"{:{}}".format(a, w)` reads `w` second) and CPython allows two levels. `auto` is the next
/// automatic index and the numbering mode seen so far (0 none, 1 automatic, 2 manual).
fn format_impl(
    vm: &mut Vm,
    text: &str,
    pos: &[Value],
    kw: &KwArgs,
    auto: &mut (usize, u8),
    levels: u32,
) -> PyResult<String> {
    if levels == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth != 0 {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            let (name_conv, spec) = match field.find(':') {
                Some(k) => (field[..k].to_string(), field[k + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(k) => (
                    name_conv[..k].to_string(),
                    name_conv[k + 1..].chars().next(),
                ),
                None => (name_conv.clone(), None),
            };
            // Split name into the first part and attribute/index accessors.
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut v = if first.is_empty() {
                if auto.1 == 2 {
                    return Err(vm.value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                auto.1 = 1;
                let n = auto.0;
                let v = pos.get(n).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?;
                auto.0 += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                if auto.1 == 1 {
                    return Err(vm.value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                auto.1 = 2;
                pos.get(n).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                match kw_get(kw, first) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(vm.new_error_args(ExcKind::KeyError, vec![Value::str(first)]))
                    }
                }
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    v = vm.getattr_str(&v, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    v = vm.getitem(&v, &k)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let v = match conv {
                Some('r') => Value::string(vm.repr(&v)?),
                Some('s') => Value::string(vm.str_of(&v)?),
                Some('a') => Value::string(super::format::ascii_escape(&vm.repr(&v)?)),
                _ => v,
            };
            // Nested fields in the spec.
            let spec = if spec.contains('{') {
                format_impl(vm, &spec, pos, kw, auto, levels - 1)?
            } else {
                spec
            };
            out.push_str(&vm.format(&v, &spec)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- list

fn l_self<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Rc<super::value::PyList>> {
    match args.first() {
        Some(Value::List(l)) => Ok(l),
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}
fn list_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?;
    vm.check_args("list.append", &args[1..], 1, 1)?;
    l.items.borrow_mut().push(args[1].clone());
    Ok(Value::None)
}
fn list_extend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    vm.check_args("list.extend", &args[1..], 1, 1)?;
    let items = vm.iter_to_vec(&args[1])?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}
fn list_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    // Argument Clinic checks the count and converts the index before the list is looked at.
    vm.check_args("pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(Value::Int(i)) => *i,
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        drop(items);
        return Err(vm.index_error("pop from empty list"));
    }
    let idx = if i < 0 { i + items.len() as i64 } else { i };
    if idx < 0 || idx as usize >= items.len() {
        drop(items);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(items.remove(idx as usize))
}
fn list_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    vm.check_args("insert", &args[1..], 2, 2)?;
    let i = vm.to_index(&args[1])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(idx as usize, args[2].clone());
    Ok(Value::None)
}
fn list_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    vm.check_args("list.remove", &args[1..], 1, 1)?;
    let items = l.items.borrow().clone();
    for (i, it) in items.iter().enumerate() {
        if it.is(&args[1]) || vm.eq(it, &args[1])? {
            l.items.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}
/// `list.index`/`tuple.index`'s optional start and stop (`args[2]`, `args[3]`), as CPython's
/// slice indices: negative ones count from the end, both clamp to the sequence.
fn index_bounds(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        let i = match v {
            None => default,
            Some(Value::Int(i)) => *i,
            Some(Value::Bool(b)) => i64::from(*b),
            // An object's own `__index__` may raise: that error is the one CPython shows.
            Some(v @ Value::Instance(_)) => vm.to_index(v)?,
            Some(_) => {
                return Err(
                    vm.type_error("slice indices must be integers or have an __index__ method")
                )
            }
        };
        Ok((if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize)
    };
    let start = bound(args.get(2), 0)?;
    let stop = bound(args.get(3), n)?;
    Ok((start, stop))
}
fn seq_index(vm: &mut Vm, items: &[Value], args: &[Value], what: &str) -> R {
    let x = &args[1];
    let (start, stop) = index_bounds(vm, args, items.len())?;
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    if what == "list" {
        let r = vm.repr(x)?;
        return Err(vm.value_error(format!("{r} is not in list")));
    }
    Err(vm.value_error(format!("{what}.index(x): x not in {what}")))
}
fn seq_count(vm: &mut Vm, items: &[Value], x: &Value) -> R {
    let mut n = 0;
    for it in items {
        if it.is(x) || vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
fn list_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let items = l_self(vm, args)?.items.borrow().clone();
    vm.check_args("index", &args[1..], 1, 3)?;
    seq_index(vm, &items, args, "list")
}
fn list_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let items = l_self(vm, args)?.items.borrow().clone();
    vm.check_args("list.count", &args[1..], 1, 1)?;
    seq_count(vm, &items, &args[1])
}
fn list_sort(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let reverse = match kw_get(kw, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let r = vm.sort_values(&mut items, kw_get(kw, "key"), reverse);
    let modified = !l.items.borrow().is_empty();
    *l.items.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}
fn list_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    vm.check_args("list.reverse", &args[1..], 0, 0)?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}
fn list_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    vm.check_args("list.copy", &args[1..], 0, 0)?;
    let items = l.items.borrow().clone();
    Ok(Value::list(items))
}
fn list_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = l_self(vm, args)?.clone();
    vm.check_args("list.clear", &args[1..], 0, 0)?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}
fn tuple_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(Value::Tuple(t)) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'tuple' object"));
    };
    let t = t.clone();
    vm.check_args("index", &args[1..], 1, 3)?;
    seq_index(vm, &t.items, args, "tuple")
}
fn tuple_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(Value::Tuple(t)) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'tuple' object"));
    };
    let t = t.clone();
    vm.check_args("tuple.count", &args[1..], 1, 1)?;
    seq_count(vm, &t.items, &args[1])
}

// ---------------------------------------------------------------- dict

fn d_self<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Rc<PyDict>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}
fn dict_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    // `counts.get(word, 0)`: a str key compares natively (no Python code can run), so nothing
    // is cloned but the answer; likewise an int key, unless an entry with its hash needs
    // Python to compare.
    if let [Value::Dict(d), k, rest @ ..] = args {
        if rest.len() <= 1 {
            let found = match k {
                Value::Str(k) => Ok(d.get_pystr(k)),
                Value::Int(i) => d.get_int(*i),
                _ => Err(()),
            };
            if let Ok(v) = found {
                return Ok(match (v, rest.first()) {
                    (Some(v), _) => v,
                    (None, Some(default)) => default.clone(),
                    (None, None) => Value::None,
                });
            }
        }
    }
    let d = d_self(vm, args)?.clone();
    vm.check_args("get", &args[1..], 1, 2)?;
    Ok(vm
        .dict_get(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}
fn dict_setdefault(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = d_self(vm, args)?.clone();
    vm.check_args("setdefault", &args[1..], 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), v.clone())?;
    Ok(v)
}
fn dict_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = d_self(vm, args)?.clone();
    vm.check_args("pop", &args[1..], 1, 2)?;
    match vm.dict_del(&d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.new_error_args(ExcKind::KeyError, vec![args[1].clone()])),
        },
    }
}
fn dict_popitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = d_self(vm, args)?.clone();
    vm.check_args("dict.popitem", &args[1..], 0, 0)?;
    let last = d.t.borrow().last_index();
    match last.and_then(|i| d.take_at(i)) {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(vm.new_error(ExcKind::KeyError, "popitem(): dictionary is empty")),
    }
}
fn view(vm: &mut Vm, args: &[Value], kind: u8) -> R {
    let d = d_self(vm, args)?.clone();
    let method = ["dict.keys", "dict.values", "dict.items"][usize::from(kind.min(2))];
    vm.check_args(method, &args[1..], 0, 0)?;
    let name = match kind {
        0 => "dict_keys",
        1 => "dict_values",
        _ => "dict_items",
    };
    Ok(vm.new_native(name, NativeData::DictView { dict: d, kind }))
}
fn dict_keys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    view(vm, args, 0)
}
fn dict_values(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    view(vm, args, 1)
}
fn dict_items(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    view(vm, args, 2)
}
fn dict_update(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let d = d_self(vm, args)?.clone();
    vm.check_args("update", &args[1..], 0, 1)?;
    if let Some(src) = args.get(1) {
        let tmp =
            super::methods::dict_new(vm, &vm.types.dict.clone(), std::slice::from_ref(src), &[])?;
        if let Value::Dict(t) = tmp {
            for (k, v) in t.t.borrow().items() {
                vm.dict_set(&d, k, v)?;
            }
        }
    }
    for (k, v) in kw {
        d.set_str(k, v.clone());
    }
    Ok(Value::None)
}
fn dict_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = d_self(vm, args)?.clone();
    vm.check_args("dict.copy", &args[1..], 0, 0)?;
    let items = d.t.borrow().items();
    vm.new_dict(items)
}
fn dict_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let d = d_self(vm, args)?.clone();
    vm.check_args("dict.clear", &args[1..], 0, 0)?;
    d.t.borrow_mut().clear();
    if d.t.borrow().has_owners() {
        d.owners_resync();
    }
    Ok(Value::None)
}
fn dict_fromkeys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let keys = vm.iter_to_vec(args.get(1).unwrap_or(&Value::None))?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    // On a subclass: `cls()`, then `d[key] = value` (its __setitem__ included).
    if let Some(Value::Type(cls)) = args.first() {
        if !Rc::ptr_eq(cls, &vm.types.dict) {
            let d = vm.call(&Value::Type(cls.clone()), &[], &[])?;
            for k in keys {
                vm.setitem(&d, &k, v.clone())?;
            }
            return Ok(d);
        }
    }
    vm.new_dict(keys.into_iter().map(|k| (k, v.clone())).collect())
}

// ---------------------------------------------------------------- set

fn set_self<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Rc<super::dict::PySet>> {
    match args.first() {
        Some(Value::Set(s)) => Ok(s),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}
fn set_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    vm.check_args("set.add", &args[1..], 1, 1)?;
    vm.set_add(&s, args[1].clone())?;
    Ok(Value::None)
}
fn set_discard(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    vm.check_args("set.discard", &args[1..], 1, 1)?;
    vm.set_discard(&s, &args[1])?;
    Ok(Value::None)
}
fn set_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    vm.check_args("set.remove", &args[1..], 1, 1)?;
    if !vm.set_discard(&s, &args[1])? {
        return Err(vm.new_error_args(ExcKind::KeyError, vec![args[1].clone()]));
    }
    Ok(Value::None)
}
fn set_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    vm.check_args("set.pop", &args[1..], 0, 0)?;
    let popped = s.t.borrow_mut().pop();
    match popped {
        Some(k) => Ok(k),
        None => Err(vm.new_error(ExcKind::KeyError, "pop from an empty set")),
    }
}
fn set_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    for other in &args[1..] {
        for it in vm.iter_to_vec(other)? {
            vm.set_add(&s, it)?;
        }
    }
    Ok(Value::None)
}
fn set_op(vm: &mut Vm, args: &[Value], op: crate::lang::bytecode::BinaryOpKind) -> R {
    let s = set_self(vm, args)?.clone();
    let mut acc = Value::Set(s.clone());
    for other in &args[1..] {
        let items = vm_iter(vm, other)?;
        let o = vm.new_set(items, false)?;
        acc = vm.binary_op(&acc, &o, op)?;
    }
    if args.len() == 1 {
        return vm.new_set(s.items(), s.frozen);
    }
    Ok(acc)
}
/// `s.intersection_update(...)` and friends: the operator's result replaces s's contents.
fn set_op_update(vm: &mut Vm, args: &[Value], op: crate::lang::bytecode::BinaryOpKind) -> R {
    let s = set_self(vm, args)?.clone();
    if let Value::Set(r) = set_op(vm, args, op)? {
        let t = r.t.borrow().copy();
        *s.t.borrow_mut() = t;
    }
    Ok(Value::None)
}
fn set_intersection_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_op_update(vm, args, crate::lang::bytecode::BinaryOpKind::And)
}
fn set_difference_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_op_update(vm, args, crate::lang::bytecode::BinaryOpKind::Sub)
}
fn set_symdiff_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("symmetric_difference_update", &args[1..], 1, 1)?;
    set_op_update(vm, args, crate::lang::bytecode::BinaryOpKind::Xor)
}
fn vm_iter(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.iter_to_vec(v)
}
fn set_union(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_op(vm, args, crate::lang::bytecode::BinaryOpKind::Or)
}
fn set_intersection(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_op(vm, args, crate::lang::bytecode::BinaryOpKind::And)
}
fn set_difference(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_op(vm, args, crate::lang::bytecode::BinaryOpKind::Sub)
}
fn set_symdiff(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_op(vm, args, crate::lang::bytecode::BinaryOpKind::Xor)
}
fn set_issubset(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    let items = vm_iter(vm, args.get(1).unwrap_or(&Value::None))?;
    let o = vm.new_set(items, false)?;
    vm.compare(&Value::Set(s), &o, crate::lang::bytecode::CompareKind::Le)
}
fn set_issuperset(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    let items = vm_iter(vm, args.get(1).unwrap_or(&Value::None))?;
    let o = vm.new_set(items, false)?;
    vm.compare(&Value::Set(s), &o, crate::lang::bytecode::CompareKind::Ge)
}
fn set_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    for it in vm_iter(vm, args.get(1).unwrap_or(&Value::None))? {
        if vm.set_contains(&s, &it)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
fn set_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let s = set_self(vm, args)?.clone();
    let name = if s.frozen {
        "frozenset.copy"
    } else {
        "set.copy"
    };
    vm.check_args(name, &args[1..], 0, 0)?;
    let t = s.t.borrow().copy();
    Ok(Value::Set(Rc::new(super::dict::PySet::from_table(
        s.frozen, t,
    ))))
}
fn set_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    set_self(vm, args)?.t.borrow_mut().clear();
    Ok(Value::None)
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.clone();
    vm.add_methods(
        &t.str_,
        &[
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("upper", str_upper),
            ("lower", str_lower),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("swapcase", str_swapcase),
            ("replace", str_replace),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("isdigit", str_isdigit),
            ("isnumeric", str_isnumeric),
            ("isdecimal", str_isdecimal),
            ("isprintable", str_isprintable),
            ("isascii", str_isascii),
            ("istitle", str_istitle),
            ("casefold", str_casefold),
            ("expandtabs", str_expandtabs),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("isidentifier", str_isidentifier),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("center", str_center),
            ("zfill", str_zfill),
            ("splitlines", str_splitlines),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("encode", str_encode),
            ("format", str_format),
            ("translate", str_translate),
            ("format_map", str_format_map),
            ("__contains__", str_contains_m),
        ],
    );
    vm.add_classmethod(&t.str_, "maketrans", str_maketrans);
    vm.add_method(&t.bytes, "decode", bytes_decode);
    vm.add_method(&t.bytes, "hex", bytes_hex);
    vm.add_methods(
        &t.list,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("sort", list_sort),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    vm.add_methods(&t.tuple, &[("index", tuple_index), ("count", tuple_count)]);
    vm.add_methods(
        &t.dict,
        &[
            ("get", dict_get),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
        ],
    );
    vm.add_classmethod(&t.dict, "fromkeys", dict_fromkeys);
    for ty in [&t.set, &t.frozenset] {
        vm.add_methods(
            ty,
            &[
                ("union", set_union),
                ("intersection", set_intersection),
                ("difference", set_difference),
                ("symmetric_difference", set_symdiff),
                ("issubset", set_issubset),
                ("issuperset", set_issuperset),
                ("isdisjoint", set_isdisjoint),
                ("copy", set_copy),
            ],
        );
    }
    vm.add_methods(
        &t.set,
        &[
            ("add", set_add),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            ("symmetric_difference_update", set_symdiff_update),
            ("clear", set_clear),
        ],
    );
}
