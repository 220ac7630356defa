//! `_sre`, the C half of CPython's `re` (Modules/_sre/sre.c) in Rust, and `re` itself:
//! CPython 3.11's own pure-Python `re` package (embedded as `re_*.py`) compiles a pattern to
//! opcodes and hands them to `_sre.compile`, which makes the Pattern object whose methods
//! (match, search, sub, split, ...) run the matcher in [`engine`].
//!
//! Strings are matched as code points (bytes as their byte values). The matcher's steps count
//! against the VM's instruction budget, so a catastrophic pattern ends with the budget's
//! error instead of hanging. The Python source is from CPython (PSF license).

pub mod engine;

use super::util::{arg, check_kwargs, is_callable, iter_type, make_iter};
use crate::vm::bytes_methods::new_bytes;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, PyType, Value, Vm};
use engine::State;
use std::cell::Cell;
use std::rc::Rc;

type Res = PyResult<Value>;

const MAGIC: i64 = 20220615;
const MAXGROUPS: i64 = 1_073_741_823;
const FLAG_LOCALE: i64 = 4;
const FLAG_UNICODE: i64 = 32;
const FLAG_ASCII: i64 = 256;
const FLAG_NAMES: [(&str, i64); 9] = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// The classes `_sre` makes instances of.
struct Types {
    pattern: Rc<PyType>,
    match_: Rc<PyType>,
    scanner: Rc<PyType>,
    callable_iter: Rc<PyType>,
}

/// A compiled pattern (sre's `PatternObject`).
struct PatternInner {
    types: Rc<Types>,
    code: Rc<[u32]>,
    groups: usize,
    flags: i64,
    pattern: Value,
    groupindex: Value,
    indexgroup: Value,
    is_bytes: bool,
}

/// The text a pattern runs over: its code points (or bytes), and the object it came from.
struct Subject {
    value: Value,
    text: Vec<u32>,
    is_bytes: bool,
}

impl Subject {
    /// `string[a:b]` as a new str or bytes.
    fn slice(&self, a: usize, b: usize) -> Value {
        if let Value::Str(s) = crate::vm::subclass::payload(&self.value).unwrap_or(&self.value) {
            // ASCII text: code point offsets are byte offsets.
            if s.ascii {
                return Value::str(s.s.get(a..b).unwrap_or(""));
            }
        }
        let part = self.text.get(a..b).unwrap_or(&[]);
        if self.is_bytes {
            new_bytes(part.iter().map(|&c| c as u8).collect())
        } else {
            Value::string(part.iter().filter_map(|&c| char::from_u32(c)).collect())
        }
    }
}

/// A successful match (sre's `MatchObject`): spans by group, `None` for groups that did not
/// take part.
struct MatchInner {
    pattern: Value,
    pat: Rc<PatternInner>,
    subject: Rc<Subject>,
    pos: usize,
    endpos: usize,
    spans: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
}

/// A Scanner's position (sre's `ScannerObject` state between calls).
struct ScanInner {
    pattern: Value,
    pat: Rc<PatternInner>,
    subject: Rc<Subject>,
    /// Where the next attempt starts; `None` once a search found nothing.
    start: Cell<Option<usize>>,
    end: usize,
    must_advance: Cell<bool>,
}

fn pattern_of(vm: &Vm, v: &Value) -> PyResult<Rc<PatternInner>> {
    if let Value::Instance(i) = v {
        if let Some(p) = i.native::<Rc<PatternInner>>() {
            return Ok(p.clone());
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a 're.Pattern' object but received a '{}'",
        vm.type_name(v)
    )))
}

fn match_of(vm: &Vm, v: &Value) -> PyResult<Rc<MatchInner>> {
    if let Value::Instance(i) = v {
        if let Some(m) = i.native::<Rc<MatchInner>>() {
            return Ok(m.clone());
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a 're.Match' object but received a '{}'",
        vm.type_name(v)
    )))
}

fn scanner_of(vm: &Vm, v: &Value) -> PyResult<Rc<ScanInner>> {
    if let Value::Instance(i) = v {
        if let Some(s) = i.native::<Rc<ScanInner>>() {
            return Ok(s.clone());
        }
    }
    Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object"))
}

fn this(args: &[Value]) -> Value {
    args.first().cloned().unwrap_or_default()
}

/// The code points (or bytes) of `v`, checked against the pattern's kind (sre's
/// `getstring` and `state_init`).
fn subject(vm: &Vm, v: &Value, pat: &PatternInner) -> PyResult<Subject> {
    let inner = crate::vm::subclass::payload(v).unwrap_or(v);
    let (text, is_bytes) = match inner {
        Value::Str(s) => (s.s.chars().map(|c| c as u32).collect(), false),
        _ => match crate::vm::bytearray::bytes_like(inner) {
            Some(b) => (b.into_iter().map(u32::from).collect(), true),
            None => {
                return Err(vm.type_error(format!(
                    "expected string or bytes-like object, got '{}'",
                    vm.type_name(v)
                )))
            }
        },
    };
    if is_bytes && !pat.is_bytes {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !is_bytes && pat.is_bytes {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    Ok(Subject {
        value: v.clone(),
        text,
        is_bytes,
    })
}

/// The `pos`/`endpos` arguments clamped to the text, as sre's `state_init` does.
fn bounds(
    vm: &mut Vm,
    args: &[Value],
    kw: &KwArgs,
    first: usize,
    len: usize,
) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| i.clamp(0, len as i64) as usize;
    let pos = match arg(args, kw, first, "pos") {
        Some(v) => clamp(vm.to_index(&v)?),
        None => 0,
    };
    let endpos = match arg(args, kw, first + 1, "endpos") {
        Some(v) => clamp(vm.to_index(&v)?),
        None => len,
    };
    Ok((pos, endpos))
}

/// The steps a match may take: what is left of the run's instruction budget.
fn fuel(vm: &Vm) -> u64 {
    vm.total_budget
        .saturating_sub(vm.callback_floor.max(1))
        .max(1)
}

/// Backtracking contexts a match may stack up: what fits in the memory the run may still use.
fn max_depth(vm: &Vm) -> usize {
    let mut n: usize = 1 << 24;
    while n > 1024 && vm.over_memory_limit(n * engine::CTX_BYTES) {
        n /= 2;
    }
    n
}

/// Run `f` on `st`, charging its steps to the VM's budget.
fn run(
    vm: &mut Vm,
    st: &mut State,
    f: impl FnOnce(&mut State) -> Result<bool, engine::Error>,
) -> PyResult<bool> {
    let before = st.fuel;
    st.max_depth = max_depth(vm);
    let r = f(st);
    vm.total_budget = vm
        .total_budget
        .saturating_sub(before.saturating_sub(st.fuel));
    match r {
        Ok(b) => Ok(b),
        Err(engine::Error::OutOfFuel) => Err(vm.budget_error()),
        Err(engine::Error::Illegal) => Err(vm.runtime_error("invalid SRE code")),
        Err(engine::Error::Memory) => Err(vm.memory_error()),
    }
}

fn new_match(
    vm: &mut Vm,
    pattern: &Value,
    subj: &Rc<Subject>,
    st: &State,
    pos: usize,
    endpos: usize,
) -> Value {
    let pat = match &pattern {
        Value::Instance(i) => i.native::<Rc<PatternInner>>().map(|p| p.clone()),
        _ => None,
    };
    let Some(pat) = pat else {
        return Value::None;
    };
    let mut spans = vec![Some((st.start, st.ptr))];
    spans.extend((1..=pat.groups).map(|g| st.group_span(g)));
    let lastindex = usize::try_from(st.lastindex).ok();
    let m = MatchInner {
        pattern: pattern.clone(),
        pat: pat.clone(),
        subject: subj.clone(),
        pos,
        endpos,
        spans,
        lastindex,
    };
    vm.new_native_instance(&pat.types.match_, Box::new(Rc::new(m)))
}

/// `match`, `fullmatch` and `search`: one attempt from `pos`.
fn single(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, mode: u8) -> Res {
    check_kwargs(vm, name, kw, &["string", "pos", "endpos"])?;
    let slf = this(args);
    let pat = pattern_of(vm, &slf)?;
    let Some(s) = arg(args, kw, 1, "string") else {
        return Err(vm.type_error(format!(
            "{name}() missing required argument 'string' (pos 1)"
        )));
    };
    let subj = Rc::new(subject(vm, &s, &pat)?);
    let (pos, endpos) = bounds(vm, args, kw, 2, subj.text.len())?;
    let fuel = fuel(vm);
    let mut st = State::new(&pat.code, &subj.text, pat.groups, (pos, endpos), fuel);
    st.match_all = mode == 1;
    let found = run(vm, &mut st, |st| {
        if mode == 2 {
            st.search()
        } else {
            st.do_match()
        }
    })?;
    Ok(if found {
        new_match(vm, &slf, &subj, &st, pos, endpos)
    } else {
        Value::None
    })
}

fn pattern_match(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    single(vm, args, kw, "match", 0)
}
fn pattern_fullmatch(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    single(vm, args, kw, "fullmatch", 1)
}
fn pattern_search(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    single(vm, args, kw, "search", 2)
}

/// The successive non-overlapping matches of `pat` in `subj[start..end]`, each handed to
/// `each` with the finished state; `limit` (0: none) caps their number.
fn scan_all(
    vm: &mut Vm,
    pat: &PatternInner,
    subj: &Subject,
    (mut start, end): (usize, usize),
    limit: usize,
    mut each: impl FnMut(&mut Vm, &State) -> PyResult<()>,
) -> PyResult<()> {
    let mut n = 0;
    let mut st = State::new(&pat.code, &subj.text, pat.groups, (start, end), 0);
    while start <= end && (limit == 0 || n < limit) {
        // A fresh attempt from `start` (sre's `state_reset`); the budget may have moved
        // (a replacement function runs Python code).
        st.reset();
        st.start = start;
        st.ptr = start;
        st.fuel = fuel(vm);
        if !run(vm, &mut st, |st| st.search())? {
            break;
        }
        each(vm, &st)?;
        n += 1;
        st.must_advance = st.ptr == st.start;
        start = st.ptr;
    }
    Ok(())
}

fn string_arg(vm: &Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<Value> {
    arg(args, kw, 1, "string").ok_or_else(|| {
        vm.type_error(format!(
            "{name}() missing required argument 'string' (pos 1)"
        ))
    })
}

/// A group's text from a finished state, or `default` when it did not take part.
fn state_group(subj: &Subject, st: &State, g: usize, default: &Value) -> Value {
    match st.group_span(g) {
        Some((a, b)) => subj.slice(a, b),
        None => default.clone(),
    }
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    check_kwargs(vm, "findall", kw, &["string", "pos", "endpos"])?;
    let pat = pattern_of(vm, &this(args))?;
    let s = string_arg(vm, args, kw, "findall")?;
    let subj = subject(vm, &s, &pat)?;
    let range = bounds(vm, args, kw, 2, subj.text.len())?;
    let empty = subj.slice(0, 0);
    let mut out = Vec::new();
    scan_all(vm, &pat, &subj, range, 0, |_, st| {
        out.push(match pat.groups {
            0 => subj.slice(st.start, st.ptr),
            1 => state_group(&subj, st, 1, &empty),
            n => Value::tuple((1..=n).map(|g| state_group(&subj, st, g, &empty)).collect()),
        });
        Ok(())
    })?;
    Ok(Value::list(out))
}

fn pattern_split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    check_kwargs(vm, "split", kw, &["string", "maxsplit"])?;
    let pat = pattern_of(vm, &this(args))?;
    let s = string_arg(vm, args, kw, "split")?;
    let subj = subject(vm, &s, &pat)?;
    let maxsplit = match arg(args, kw, 2, "maxsplit") {
        Some(v) => vm.to_index(&v)?,
        None => 0,
    };
    let mut out = Vec::new();
    let mut last = 0;
    if maxsplit >= 0 {
        let len = subj.text.len();
        scan_all(vm, &pat, &subj, (0, len), maxsplit as usize, |_, st| {
            out.push(subj.slice(last, st.start));
            for g in 1..=pat.groups {
                out.push(state_group(&subj, st, g, &Value::None));
            }
            last = st.ptr;
            Ok(())
        })?;
    }
    out.push(subj.slice(last, subj.text.len()));
    Ok(Value::list(out))
}

/// `"".join(parts)` (or `b"".join`), with CPython's message for a part of the wrong type.
fn join(vm: &Vm, parts: &[Value], is_bytes: bool) -> Res {
    if is_bytes {
        let mut out = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            match crate::vm::bytearray::bytes_like(p) {
                Some(b) => out.extend(b),
                None => {
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        vm.type_name(p)
                    )))
                }
            }
        }
        return Ok(new_bytes(out));
    }
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        match crate::vm::subclass::payload(p).unwrap_or(p) {
            Value::Str(s) => out.push_str(&s.s),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(p)
                )))
            }
        }
    }
    Ok(Value::string(out))
}

/// `sub` and `subn` (sre's `pattern_subx`): a template with a backslash goes through
/// `re._subx`, which parses it in Python and gives back a literal or a function.
fn subx(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, with_count: bool) -> Res {
    check_kwargs(vm, name, kw, &["repl", "string", "count"])?;
    let slf = this(args);
    let pat = pattern_of(vm, &slf)?;
    let (Some(repl), Some(s)) = (arg(args, kw, 1, "repl"), arg(args, kw, 2, "string")) else {
        return Err(vm.type_error(format!("{name}() missing required argument")));
    };
    let count = match arg(args, kw, 3, "count") {
        Some(v) => vm.to_index(&v)?,
        None => 0,
    };
    let (filter, call) = if is_callable(vm, &repl) {
        (repl, true)
    } else {
        let literal = match crate::vm::subclass::payload(&repl).unwrap_or(&repl) {
            Value::Str(t) => !t.s.contains('\\'),
            other => crate::vm::bytearray::bytes_like(other).is_some_and(|b| !b.contains(&b'\\')),
        };
        if literal {
            (repl, false)
        } else {
            let re = vm.import("re", true)?;
            let f = vm.getattr_str(&re, "_subx")?;
            let filter = vm.call(&f, &[slf.clone(), repl], &[])?;
            let call = is_callable(vm, &filter);
            (filter, call)
        }
    };
    let subj = Rc::new(subject(vm, &s, &pat)?);
    let len = subj.text.len();
    let mut parts = Vec::new();
    let mut last = 0;
    let mut n = 0;
    if count >= 0 {
        scan_all(vm, &pat, &subj, (0, len), count as usize, |vm, st| {
            if last < st.start {
                parts.push(subj.slice(last, st.start));
            }
            let item = if call {
                let m = new_match(vm, &slf, &subj, st, 0, len);
                vm.call(&filter, &[m], &[])?
            } else {
                filter.clone()
            };
            if !item.is_none() {
                parts.push(item);
            }
            last = st.ptr;
            n += 1;
            Ok(())
        })?;
    }
    if last < len {
        parts.push(subj.slice(last, len));
    }
    let joined = join(vm, &parts, subj.is_bytes)?;
    Ok(if with_count {
        Value::tuple(vec![joined, Value::Int(n)])
    } else {
        joined
    })
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    subx(vm, args, kw, "sub", false)
}
fn pattern_subn(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    subx(vm, args, kw, "subn", true)
}

fn new_scanner(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<Rc<ScanInner>> {
    check_kwargs(vm, name, kw, &["string", "pos", "endpos"])?;
    let slf = this(args);
    let pat = pattern_of(vm, &slf)?;
    let s = string_arg(vm, args, kw, name)?;
    let subj = Rc::new(subject(vm, &s, &pat)?);
    let (pos, end) = bounds(vm, args, kw, 2, subj.text.len())?;
    Ok(Rc::new(ScanInner {
        pattern: slf,
        pat,
        subject: subj,
        start: Cell::new(Some(pos)),
        end,
        must_advance: Cell::new(false),
    }))
}

/// One step of a scanner: the next match (search) or the match right at its position.
fn scanner_step(vm: &mut Vm, sc: &ScanInner, search: bool) -> Res {
    let Some(start) = sc.start.get() else {
        return Ok(Value::None);
    };
    let (pat, subj) = (&sc.pat, &sc.subject);
    let fuel = fuel(vm);
    let mut st = State::new(&pat.code, &subj.text, pat.groups, (start, sc.end), fuel);
    st.must_advance = sc.must_advance.get();
    let found = run(vm, &mut st, |st| {
        if search {
            st.search()
        } else {
            st.do_match()
        }
    })?;
    if !found {
        sc.start.set(None);
        return Ok(Value::None);
    }
    sc.must_advance.set(st.ptr == st.start);
    sc.start.set(Some(st.ptr));
    let (pos, endpos) = (start, sc.end);
    Ok(new_match(vm, &sc.pattern, subj, &st, pos, endpos))
}

fn pattern_finditer(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    let sc = new_scanner(vm, args, kw, "finditer")?;
    let ty = sc.pat.types.callable_iter.clone();
    Ok(make_iter(&ty, move |vm| {
        let m = scanner_step(vm, &sc, true)?;
        Ok(if m.is_none() { None } else { Some(m) })
    }))
}

fn pattern_scanner(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    let sc = new_scanner(vm, args, kw, "scanner")?;
    let ty = sc.pat.types.scanner.clone();
    Ok(vm.new_native_instance(&ty, Box::new(sc)))
}

fn scanner_match(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let sc = scanner_of(vm, &this(args))?;
    scanner_step(vm, &sc, false)
}
fn scanner_search(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let sc = scanner_of(vm, &this(args))?;
    scanner_step(vm, &sc, true)
}
fn scanner_pattern(vm: &mut Vm, v: &Value) -> Res {
    Ok(scanner_of(vm, v)?.pattern.clone())
}

fn pattern_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let pat = pattern_of(vm, &this(args))?;
    let mut flags = pat.flags;
    if !pat.is_bytes && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let r: String = vm.repr(&pat.pattern)?.chars().take(200).collect();
    if flags == 0 {
        return Ok(Value::string(format!("re.compile({r})")));
    }
    let mut names = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(Value::string(format!(
        "re.compile({r}, {})",
        names.join("|")
    )))
}

fn pattern_pattern(vm: &mut Vm, v: &Value) -> Res {
    Ok(pattern_of(vm, v)?.pattern.clone())
}
fn pattern_flags(vm: &mut Vm, v: &Value) -> Res {
    Ok(Value::Int(pattern_of(vm, v)?.flags))
}
fn pattern_groups(vm: &mut Vm, v: &Value) -> Res {
    Ok(Value::Int(pattern_of(vm, v)?.groups as i64))
}
fn pattern_groupindex(vm: &mut Vm, v: &Value) -> Res {
    let gi = pattern_of(vm, v)?.groupindex.clone();
    // A copy: CPython hands out a read-only proxy, so the pattern's own dict stays as it is.
    let items = match &gi {
        Value::Dict(d) => d.t.borrow().items(),
        _ => Vec::new(),
    };
    vm.new_dict(items)
}

fn pattern_copy(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(this(args))
}

fn pattern_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let a = pattern_of(vm, &this(args))?;
    let other = args.get(1).cloned().unwrap_or_default();
    let Ok(b) = pattern_of(vm, &other) else {
        return Ok(Value::NotImplemented);
    };
    if Rc::ptr_eq(&a, &b) {
        return Ok(Value::Bool(true));
    }
    let same = a.flags == b.flags
        && a.is_bytes == b.is_bytes
        && a.code == b.code
        && vm.eq(&a.pattern, &b.pattern)?;
    Ok(Value::Bool(same))
}

fn pattern_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let p = pattern_of(vm, &this(args))?;
    let h = vm.hash(&p.pattern)?;
    Ok(Value::Int(
        h ^ p.flags.wrapping_mul(1_000_003) ^ p.code.len() as i64,
    ))
}

// ------------------------------------------------------------------ Match

/// A group number from an int or a group name (sre's `match_getindex`).
fn group_index(vm: &mut Vm, m: &MatchInner, g: &Value) -> PyResult<usize> {
    let i = match g {
        Value::Int(_) | Value::Bool(_) => vm.to_index(g)?,
        Value::Instance(_) if vm.type_of(g).lookup("__index__").is_some() => vm.to_index(g)?,
        _ => {
            let gi = m.pat.groupindex.clone();
            match vm.getitem(&gi, g) {
                Ok(Value::Int(i)) => i,
                _ => -1,
            }
        }
    };
    if i < 0 || i as usize > m.pat.groups {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

fn group_value(m: &MatchInner, g: usize, default: &Value) -> Value {
    match m.spans.get(g).copied().flatten() {
        Some((a, b)) => m.subject.slice(a, b),
        None => default.clone(),
    }
}

fn match_group(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let m = match_of(vm, &this(args))?;
    let rest = args.get(1..).unwrap_or(&[]);
    match rest {
        [] => Ok(group_value(&m, 0, &Value::None)),
        [g] => {
            let i = group_index(vm, &m, g)?;
            Ok(group_value(&m, i, &Value::None))
        }
        many => {
            let mut out = Vec::with_capacity(many.len());
            for g in many {
                let i = group_index(vm, &m, g)?;
                out.push(group_value(&m, i, &Value::None));
            }
            Ok(Value::tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let m = match_of(vm, &this(args))?;
    let g = args.get(1).cloned().unwrap_or_default();
    let i = group_index(vm, &m, &g)?;
    Ok(group_value(&m, i, &Value::None))
}

fn match_groups(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    check_kwargs(vm, "groups", kw, &["default"])?;
    let m = match_of(vm, &this(args))?;
    let default = arg(args, kw, 1, "default").unwrap_or(Value::None);
    Ok(Value::tuple(
        (1..=m.pat.groups)
            .map(|g| group_value(&m, g, &default))
            .collect(),
    ))
}

fn match_groupdict(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    check_kwargs(vm, "groupdict", kw, &["default"])?;
    let m = match_of(vm, &this(args))?;
    let default = arg(args, kw, 1, "default").unwrap_or(Value::None);
    let names = match &m.pat.groupindex {
        Value::Dict(d) => d.t.borrow().items(),
        _ => Vec::new(),
    };
    let mut items = Vec::with_capacity(names.len());
    for (name, idx) in names {
        let i = group_index(vm, &m, &idx)?;
        items.push((name, group_value(&m, i, &default)));
    }
    vm.new_dict(items)
}

/// The span of the group named by the optional argument (group 0 by default).
fn span_arg(vm: &mut Vm, args: &[Value]) -> PyResult<(i64, i64)> {
    let m = match_of(vm, &this(args))?;
    let i = match args.get(1) {
        Some(g) => group_index(vm, &m, g)?,
        None => 0,
    };
    Ok(match m.spans.get(i).copied().flatten() {
        Some((a, b)) => (a as i64, b as i64),
        None => (-1, -1),
    })
}

fn match_start(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Int(span_arg(vm, args)?.0))
}
fn match_end(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Int(span_arg(vm, args)?.1))
}
fn match_span(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let (a, b) = span_arg(vm, args)?;
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b)]))
}

/// `m.expand(template)` is `re._expand(pattern, m, template)`, as in sre.
fn match_expand(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> Res {
    check_kwargs(vm, "expand", kw, &["template"])?;
    let slf = this(args);
    let m = match_of(vm, &slf)?;
    let Some(t) = arg(args, kw, 1, "template") else {
        return Err(vm.type_error("expand() missing required argument 'template' (pos 1)"));
    };
    let re = vm.import("re", true)?;
    let f = vm.getattr_str(&re, "_expand")?;
    vm.call(&f, &[m.pattern.clone(), slf, t], &[])
}

fn match_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    let m = match_of(vm, &this(args))?;
    let (a, b) = m.spans.first().copied().flatten().unwrap_or((0, 0));
    let g = group_value(&m, 0, &Value::None);
    let r: String = vm.repr(&g)?.chars().take(50).collect();
    Ok(Value::string(format!(
        "<re.Match object; span=({a}, {b}), match={r}>"
    )))
}

fn match_copy(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(this(args))
}

fn match_lastindex(vm: &mut Vm, v: &Value) -> Res {
    let m = match_of(vm, v)?;
    Ok(m.lastindex.map_or(Value::None, |i| Value::Int(i as i64)))
}
fn match_lastgroup(vm: &mut Vm, v: &Value) -> Res {
    let m = match_of(vm, v)?;
    let Some(i) = m.lastindex else {
        return Ok(Value::None);
    };
    match &m.pat.indexgroup {
        Value::Tuple(t) => Ok(t.items.get(i).cloned().unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}
fn match_re(vm: &mut Vm, v: &Value) -> Res {
    Ok(match_of(vm, v)?.pattern.clone())
}
fn match_string(vm: &mut Vm, v: &Value) -> Res {
    Ok(match_of(vm, v)?.subject.value.clone())
}
fn match_pos(vm: &mut Vm, v: &Value) -> Res {
    Ok(Value::Int(match_of(vm, v)?.pos as i64))
}
fn match_endpos(vm: &mut Vm, v: &Value) -> Res {
    Ok(Value::Int(match_of(vm, v)?.endpos as i64))
}
fn match_regs(vm: &mut Vm, v: &Value) -> Res {
    let m = match_of(vm, v)?;
    let regs = m
        .spans
        .iter()
        .map(|s| {
            let (a, b) = s.map_or((-1, -1), |(a, b)| (a as i64, b as i64));
            Value::tuple(vec![Value::Int(a), Value::Int(b)])
        })
        .collect();
    Ok(Value::tuple(regs))
}

// ------------------------------------------------------------------ module functions

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, types: &Rc<Types>, args: &[Value], kw: &KwArgs) -> Res {
    check_kwargs(
        vm,
        "compile",
        kw,
        &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
    )?;
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let mut v = Vec::with_capacity(6);
    for (i, n) in names.iter().enumerate() {
        match arg(args, kw, i, n) {
            Some(x) => v.push(x),
            None => {
                return Err(vm.type_error(format!(
                    "compile() missing required argument '{n}' (pos {})",
                    i + 1
                )))
            }
        }
    }
    let flags = vm.to_index(&v[1])?;
    let mut code = Vec::new();
    for c in vm.iter_to_vec(&v[2])? {
        let c = vm.to_index(&crate::vm::subclass::unwrap(&c))?;
        match u32::try_from(c) {
            Ok(c) => code.push(c),
            Err(_) => {
                return Err(vm.new_error(
                    ExcKind::OverflowError,
                    "regular expression code size limit exceeded",
                ))
            }
        }
    }
    let groups = vm.to_index(&v[3])?;
    if !(0..MAXGROUPS).contains(&groups) {
        return Err(vm.runtime_error("invalid SRE code"));
    }
    let pattern = v[0].clone();
    let is_bytes = !pattern.is_none()
        && !matches!(
            crate::vm::subclass::payload(&pattern).unwrap_or(&pattern),
            Value::Str(_)
        );
    let inner = PatternInner {
        types: types.clone(),
        code: code.into(),
        groups: groups as usize,
        flags,
        pattern,
        groupindex: v[4].clone(),
        indexgroup: v[5].clone(),
        is_bytes,
    };
    Ok(vm.new_native_instance(&types.pattern, Box::new(Rc::new(inner))))
}

fn char_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<u32> {
    vm.check_args(name, args, 1, 1)?;
    let c = vm.to_index(&args[0])?;
    Ok(u32::try_from(c).unwrap_or(u32::MAX))
}

fn ascii_iscased(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Bool(engine::ascii_iscased(char_arg(
        vm,
        args,
        "ascii_iscased",
    )?)))
}
fn unicode_iscased(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Bool(engine::unicode_iscased(char_arg(
        vm,
        args,
        "unicode_iscased",
    )?)))
}
fn ascii_tolower(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Int(
        engine::ascii_lower(char_arg(vm, args, "ascii_tolower")?) as i64,
    ))
}
fn unicode_tolower(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Int(
        engine::unicode_lower(char_arg(vm, args, "unicode_tolower")?) as i64,
    ))
}
fn getcodesize(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> Res {
    Ok(Value::Int(4))
}

fn make_types(vm: &mut Vm) -> PyResult<Rc<Types>> {
    let pattern = vm.new_native_class("Pattern", "re", &[], None)?;
    pattern.mark_c_type();
    vm.add_methods(
        &pattern,
        &[
            ("match", pattern_match),
            ("fullmatch", pattern_fullmatch),
            ("search", pattern_search),
            ("findall", pattern_findall),
            ("finditer", pattern_finditer),
            ("split", pattern_split),
            ("sub", pattern_sub),
            ("subn", pattern_subn),
            ("scanner", pattern_scanner),
            ("__repr__", pattern_repr),
            ("__copy__", pattern_copy),
            ("__deepcopy__", pattern_copy),
            ("__eq__", pattern_eq),
            ("__hash__", pattern_hash),
        ],
    );
    for (name, get) in [
        ("pattern", pattern_pattern as crate::vm::object::Getter),
        ("flags", pattern_flags),
        ("groups", pattern_groups),
        ("groupindex", pattern_groupindex),
    ] {
        vm.add_getset(&pattern, name, get, None);
    }
    let match_ = vm.new_native_class("Match", "re", &[], None)?;
    match_.mark_c_type();
    vm.add_methods(
        &match_,
        &[
            ("group", match_group),
            ("__getitem__", match_getitem),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("expand", match_expand),
            ("__repr__", match_repr),
            ("__copy__", match_copy),
            ("__deepcopy__", match_copy),
        ],
    );
    for (name, get) in [
        ("lastindex", match_lastindex as crate::vm::object::Getter),
        ("lastgroup", match_lastgroup),
        ("re", match_re),
        ("string", match_string),
        ("pos", match_pos),
        ("endpos", match_endpos),
        ("regs", match_regs),
    ] {
        vm.add_getset(&match_, name, get, None);
    }
    let scanner = vm.new_native_class("SRE_Scanner", "_sre", &[], None)?;
    scanner.mark_c_type();
    vm.add_methods(
        &scanner,
        &[("match", scanner_match), ("search", scanner_search)],
    );
    vm.add_getset(&scanner, "pattern", scanner_pattern, None);
    let callable_iter = iter_type(vm, "callable_iterator", "builtins")?;
    Ok(Rc::new(Types {
        pattern,
        match_,
        scanner,
        callable_iter,
    }))
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("_sre");
    let types = make_types(vm)?;
    let compile_fn = vm.new_closure("compile", move |vm, args, kw| compile(vm, &types, args, kw));
    m.dict.set_str("compile", compile_fn);
    vm.module_add_fn(&m, "getcodesize", getcodesize);
    vm.module_add_fn(&m, "ascii_iscased", ascii_iscased);
    vm.module_add_fn(&m, "unicode_iscased", unicode_iscased);
    vm.module_add_fn(&m, "ascii_tolower", ascii_tolower);
    vm.module_add_fn(&m, "unicode_tolower", unicode_tolower);
    m.dict.set_str("MAGIC", Value::Int(MAGIC));
    m.dict.set_str("CODESIZE", Value::Int(4));
    m.dict
        .set_str("MAXREPEAT", Value::Int(engine::MAXREPEAT as i64));
    m.dict.set_str("MAXGROUPS", Value::Int(MAXGROUPS));
    m.dict.set_str(
        "copyright",
        Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    Ok(m)
}

// ------------------------------------------------------------------ the re package

const RE_DIR: &str = "/usr/lib/python3.11/re/";

fn load_submodule(vm: &mut Vm, name: &str, file: &str, text: &str) -> PyResult<Rc<PyModule>> {
    super::pysource::load(vm, name, &format!("{RE_DIR}{file}"), text)
}

fn init_constants(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/re_constants.py").text(vm, "re._constants")?;
    load_submodule(vm, "re._constants", "_constants.py", &text)
}
fn init_casefix(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/re_casefix.py").text(vm, "re._casefix")?;
    load_submodule(vm, "re._casefix", "_casefix.py", &text)
}
fn init_parser(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/re_parser.py").text(vm, "re._parser")?;
    load_submodule(vm, "re._parser", "_parser.py", &text)
}
fn init_compiler(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/re_compiler.py").text(vm, "re._compiler")?;
    load_submodule(vm, "re._compiler", "_compiler.py", &text)
}

/// `re` is a package: its submodules import `re.x` while `re/__init__.py` runs, so the
/// module is in `sys.modules` before its body (as in CPython), and taken out if that fails.
fn init_re(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/re.py").text(vm, "re")?;
    let m = vm.new_module("re");
    m.dict.set_str("__package__", Value::str("re"));
    m.dict.set_str(
        "__path__",
        Value::list(vec![Value::str(RE_DIR.trim_end_matches('/'))]),
    );
    super::pysource::exec_registered(vm, m, &format!("{RE_DIR}__init__.py"), &text)
}

/// Register `_sre`, `re` and `re`'s submodules.
pub fn register(vm: &mut Vm) {
    vm.register_module("_sre", init);
    vm.register_module("re", init_re);
    vm.register_module("re._constants", init_constants);
    vm.register_module("re._casefix", init_casefix);
    vm.register_module("re._parser", init_parser);
    vm.register_module("re._compiler", init_compiler);
}

#[cfg(test)]
mod tests {
    use crate::vm::api::ModuleResult;
    use crate::vm::Vm;

    fn run(budget: u64, src: &str) -> String {
        let mut vm = Vm::new();
        vm.total_budget = budget;
        match vm.exec_main("t.py", src) {
            Ok(ModuleResult::Raised(e)) => vm.format_exception(&e),
            Ok(ModuleResult::Done) => "done".into(),
            _ => "other".into(),
        }
    }

    #[test]
    fn catastrophic_backtracking_ends_with_the_budget_error() {
        let t = run(
            2_000_000,
            "import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')\n",
        );
        assert!(t.contains("instruction budget exhausted"), "{t}");
    }

    #[test]
    fn hand_made_programs_never_panic() {
        // _sre.compile takes any code list: malformed ones fail cleanly.
        let src = "import _sre\n\
            for code in ([], [99], [17, 5, 1], [7, 0, 1], [15, 0], [24, 3, 0, 9], [13, 100], [4, 1, 2]):\n\
            \x20   p = _sre.compile('x', 32, code, 0, {}, (None,))\n\
            \x20   for f in (p.match, p.search, p.findall, p.split):\n\
            \x20       try:\n\
            \x20           f('abc')\n\
            \x20       except RuntimeError:\n\
            \x20           pass\n";
        assert_eq!(run(50_000_000, src), "done");
    }
}
