//! `repr`, `str` and `format` as CPython prints them, CPython 3.11 tracebacks, and warnings.

use super::coro::GenKind;
use super::exceptions::ExcKind;
use super::format as fmt;
use super::object::{NativeData, PyCode, PyType};
use super::value::Value;
use super::{Exc, PyResult, Stream, Vm};
use std::rc::Rc;

/// A stable fake address for `<... at 0x...>` (CPython's are not deterministic; ours are).
pub fn fake_addr(id: u64) -> String {
    format!("0x{:x}", 0x7f3a_0000_0000u64 + id.wrapping_mul(0x30))
}

pub fn numeric_err(vm: &Vm, e: super::numeric::PyErr) -> Exc {
    use super::numeric::ErrKind as K;
    let kind = match e.kind {
        K::ValueError => ExcKind::ValueError,
        K::TypeError => ExcKind::TypeError,
        K::OverflowError => ExcKind::OverflowError,
        K::ZeroDivisionError => ExcKind::ZeroDivisionError,
        K::MemoryError => ExcKind::MemoryError,
    };
    vm.new_error(kind, e.msg)
}

fn obj_id(v: &Value) -> u64 {
    v.stable_id()
        .unwrap_or_else(|| (v.ptr().unwrap_or(0) as u64 >> 4) & 0xffff_ffff)
}

impl Vm {
    pub fn addr_of(&self, v: &Value) -> String {
        fake_addr(obj_id(v))
    }

    pub fn class_repr(&self, t: &Rc<PyType>) -> String {
        let module = t.module.borrow().clone();
        let module = match t.dict.borrow().get("__module__") {
            Some(Value::Str(s)) => Rc::from(&*s.s),
            _ => module,
        };
        if &*module == "builtins" {
            format!("<class '{}'>", t.qualname.borrow())
        } else {
            format!("<class '{}.{}'>", module, t.qualname.borrow())
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None | Value::Null => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Long(b) => super::long::to_decimal(b).map_err(|e| numeric_err(self, e))?,
            Value::Float(f) => fmt::float_repr(*f),
            Value::Str(s) => fmt::str_repr(&s.s),
            Value::Bytes(b) => fmt::bytes_repr(&b.b),
            Value::List(l) => {
                let key = v.ptr().unwrap_or(0);
                if self.repr_guard.contains(&key) {
                    return Ok("[...]".into());
                }
                let items = l.items.borrow().clone();
                self.guarded(key, |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for it in &items {
                        parts.push(vm.repr(it)?);
                    }
                    Ok(format!("[{}]", parts.join(", ")))
                })?
            }
            Value::Tuple(t) => {
                if t.items.is_empty() {
                    return Ok("()".into());
                }
                let key = v.ptr().unwrap_or(0);
                if self.repr_guard.contains(&key) {
                    return Ok("(...)".into());
                }
                let t = t.clone();
                self.guarded(key, |vm| {
                    let mut parts = Vec::with_capacity(t.items.len());
                    for it in t.items.iter() {
                        parts.push(vm.repr(it)?);
                    }
                    Ok(if parts.len() == 1 {
                        format!("({},)", parts[0])
                    } else {
                        format!("({})", parts.join(", "))
                    })
                })?
            }
            Value::Dict(d) => {
                let key = v.ptr().unwrap_or(0);
                if self.repr_guard.contains(&key) {
                    return Ok("{...}".into());
                }
                let items = d.t.borrow().items();
                self.guarded(key, |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for (k, val) in &items {
                        parts.push(format!("{}: {}", vm.repr(k)?, vm.repr(val)?));
                    }
                    Ok(format!("{{{}}}", parts.join(", ")))
                })?
            }
            Value::Set(s) => {
                let items = s.items();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let key = v.ptr().unwrap_or(0);
                if self.repr_guard.contains(&key) {
                    return Ok(format!("{name}(...)"));
                }
                let inner = self.guarded(key, |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for it in &items {
                        parts.push(vm.repr(it)?);
                    }
                    Ok(parts.join(", "))
                })?;
                if s.frozen {
                    format!("frozenset({{{inner}}})")
                } else {
                    format!("{{{inner}}}")
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Value::Func(f) => format!("<function {} at {}>", f.qualname.borrow(), self.addr_of(v)),
            Value::Builtin(b) => match &b.bound {
                Some(s) if !matches!(s, Value::Module(_)) => format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    self.type_name(s),
                    self.addr_of(s)
                ),
                // A method of a built-in type taken from the type (`list.append`).
                None if b.owner.is_some() && b.module.is_none() && &*b.name != "__new__" => {
                    let owner = b.owner.as_deref().unwrap_or("");
                    let what = if b.name.starts_with("__") && b.name.ends_with("__") {
                        "slot wrapper"
                    } else {
                        "method"
                    };
                    format!("<{what} '{}' of '{owner}' objects>", b.name)
                }
                _ => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Func(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    other => self.repr(other)?,
                };
                let s = m.slf.clone();
                format!("<bound method {} of {}>", fname, self.repr(&s)?)
            }
            Value::Type(_) if self.has_meta_dunder(v, "__repr__") => {
                let r = self.call_dunder(v, "__repr__", &[])?.unwrap_or(Value::None);
                match r {
                    Value::Str(s) => s.s.to_string(),
                    other => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )))
                    }
                }
            }
            Value::Type(t) => self.class_repr(t),
            Value::Module(m) => {
                if self.module_registry.contains_key(&*m.name) {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    format!("<module '{}'>", m.name)
                }
            }
            Value::Cell(_) => format!("<cell at {}>", self.addr_of(v)),
            Value::Code(c) => format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.co.name,
                self.addr_of(v),
                c.co.filename,
                c.co.first_line
            ),
            Value::Gen(g) => {
                let kind = match g.kind {
                    GenKind::Generator => "generator",
                    GenKind::Coroutine => "coroutine",
                    GenKind::AsyncGenerator => "async_generator",
                };
                format!(
                    "<{} object {} at {}>",
                    kind,
                    g.qualname.borrow(),
                    self.addr_of(v)
                )
            }
            Value::Instance(_) => {
                let key = v.ptr().unwrap_or(0);
                self.enter_native()?;
                let r = self.call_dunder(v, "__repr__", &[]);
                self.leave_native();
                let _ = key;
                match r? {
                    Some(Value::Str(s)) => s.s.to_string(),
                    // A str subclass's instance is a string too.
                    Some(other)
                        if matches!(super::subclass::payload(&other), Some(Value::Str(_))) =>
                    {
                        match super::subclass::payload(&other) {
                            Some(Value::Str(s)) => s.s.to_string(),
                            _ => String::new(),
                        }
                    }
                    Some(other) => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )))
                    }
                    None => self.default_repr(v),
                }
            }
            Value::Native(n) => match &n.data {
                NativeData::DictView { dict, kind } => {
                    let name = match kind {
                        0 => "dict_keys",
                        1 => "dict_values",
                        _ => "dict_items",
                    };
                    let items: Vec<Value> = match kind {
                        0 => dict.t.borrow().keys(),
                        1 => dict.t.borrow().values(),
                        _ => dict
                            .t
                            .borrow()
                            .items()
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect(),
                    };
                    let l = Value::list(items);
                    format!("{}({})", name, self.repr(&l)?)
                }
                NativeData::Property { .. } => format!("<property object at {}>", self.addr_of(v)),
                NativeData::GenericAlias { .. } => self.generic_alias_repr(v)?,
                NativeData::SlotDescr {
                    name,
                    owner,
                    member,
                } => self.slot_descr_repr(name, owner, *member),
                NativeData::StaticMethod(f) | NativeData::ClassMethod(f) => {
                    let f = f.clone();
                    let kind = if matches!(n.data, NativeData::StaticMethod(_)) {
                        "staticmethod"
                    } else {
                        "classmethod"
                    };
                    format!("<{}({})>", kind, self.repr(&f)?)
                }
                _ => {
                    let t = n.cls.clone();
                    if let Some(r) = t.lookup("__repr__") {
                        if !matches!(&r, Value::Builtin(b) if b.owner.as_deref() == Some("object"))
                        {
                            let s = self.call_descr(&r, v, &t, &[])?;
                            if let Value::Str(s) = s {
                                return Ok(s.s.to_string());
                            }
                        }
                    }
                    self.default_repr(v)
                }
            },
        })
    }

    /// `object.__repr__`.
    pub fn default_repr(&self, v: &Value) -> String {
        let t = self.type_of(v);
        let module = match t.dict.borrow().get("__module__") {
            Some(Value::Str(s)) => s.s.to_string(),
            _ => t.module.borrow().to_string(),
        };
        if module == "builtins" {
            format!("<{} object at {}>", t.qualname.borrow(), self.addr_of(v))
        } else {
            format!(
                "<{}.{} object at {}>",
                module,
                t.qualname.borrow(),
                self.addr_of(v)
            )
        }
    }

    fn guarded(
        &mut self,
        key: usize,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        self.enter_native()?;
        self.repr_guard.push(key);
        let r = f(self);
        self.repr_guard.pop();
        self.leave_native();
        r
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.s.to_string()),
            Value::Instance(_) => {
                self.enter_native()?;
                let r = self.call_dunder(v, "__str__", &[]);
                self.leave_native();
                match r? {
                    Some(Value::Str(s)) => Ok(s.s.to_string()),
                    Some(other)
                        if matches!(super::subclass::payload(&other), Some(Value::Str(_))) =>
                    {
                        match super::subclass::payload(&other) {
                            Some(Value::Str(s)) => Ok(s.s.to_string()),
                            _ => Ok(String::new()),
                        }
                    }
                    Some(other) => Err(self.type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&other)
                    ))),
                    None => self.repr(v),
                }
            }
            Value::Native(n) => {
                let t = n.cls.clone();
                if let Some(r) = t.lookup("__str__") {
                    if !matches!(&r, Value::Builtin(b) if b.owner.as_deref() == Some("object")) {
                        if let Value::Str(s) = self.call_descr(&r, v, &t, &[])? {
                            return Ok(s.s.to_string());
                        }
                    }
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => return Ok(v.clone()),
            // `str(i)` in a loop: digits on the stack, one exact allocation, no formatter.
            Value::Int(i) => {
                return Ok(Value::Str(Rc::new(super::value::PyStr::from_ascii(
                    int_digits(*i),
                ))))
            }
            _ => {}
        }
        Ok(Value::string(self.str_of(v)?))
    }

    /// `str(exc)` for an exception instance (BaseException.__str__ / KeyError.__str__).
    pub fn exc_str_default(&mut self, e: &Value) -> PyResult<String> {
        let Value::Instance(i) = e else {
            return self.str_of(e);
        };
        let args = i
            .exc()
            .map(|d| d.borrow().args.clone())
            .unwrap_or(Value::None);
        let items = match &args {
            Value::Tuple(t) => t.items.to_vec(),
            _ => vec![],
        };
        let is_key = i.class().is_subtype(&self.exc_type(ExcKind::KeyError));
        if i.class().is_subtype(&self.exc_type(ExcKind::SyntaxError)) {
            if let Some(s) = self.syntax_error_str(i)? {
                return Ok(s);
            }
        }
        match items.len() {
            0 => Ok(String::new()),
            1 => {
                if is_key {
                    self.repr(&items[0])
                } else {
                    self.str_of(&items[0])
                }
            }
            _ => self.repr(&args),
        }
    }

    /// SyntaxError.__str__: `msg (file, line N)` with the file's base name, when the error
    /// carries a position (compile() sets one; `SyntaxError("x")` does not).
    fn syntax_error_str(&mut self, i: &Exc) -> PyResult<Option<String>> {
        let (msg, filename, lineno) = {
            let d = i.dict.borrow();
            (
                d.get("msg").cloned(),
                d.get("filename").cloned(),
                d.get("lineno").cloned(),
            )
        };
        let Some(msg) = msg else {
            return Ok(None);
        };
        let msg = self.str_of(&msg)?;
        Ok(Some(match (filename, lineno) {
            (Some(Value::Str(f)), Some(Value::Int(n))) => {
                let base = f.s.rsplit('/').next().unwrap_or(&f.s).to_string();
                format!("{msg} ({base}, line {n})")
            }
            (_, Some(Value::Int(n))) => format!("{msg} (line {n})"),
            _ => msg,
        }))
    }

    /// `repr(exc)` for an exception instance (BaseException.__repr__).
    pub fn exc_repr_default(&mut self, e: &Value) -> PyResult<String> {
        let Value::Instance(i) = e else {
            return self.repr(e);
        };
        let name = i.class().name();
        let args = i
            .exc()
            .map(|d| d.borrow().args.clone())
            .unwrap_or(Value::None);
        match &args {
            Value::Tuple(t) if t.items.len() == 1 => {
                let a = t.items[0].clone();
                Ok(format!("{}({})", name, self.repr(&a)?))
            }
            Value::Tuple(t) if t.items.is_empty() => Ok(format!("{name}()")),
            _ => Ok(format!("{}{}", name, self.repr(&args)?)),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let r = match v {
            Value::Int(i) => {
                if spec.is_empty() {
                    return Ok(i.to_string());
                }
                fmt::format_int_spec(*i, spec, "int")
            }
            Value::Long(b) => fmt::format_big_spec(b, spec),
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                fmt::format_int_spec(*b as i64, spec, "bool")
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return Ok(fmt::float_repr(*f));
                }
                fmt::format_float_spec(*f, spec)
            }
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.s.to_string());
                }
                fmt::format_str_spec(&s.s, spec)
            }
            Value::Instance(_) | Value::Native(_) => {
                let t = self.type_of(v);
                if let Some(f) = t.lookup("__format__") {
                    if !matches!(&f, Value::Builtin(_)) {
                        let r = self.call_descr(&f, v, &t, &[Value::str(spec)])?;
                        return match r {
                            Value::Str(s) => Ok(s.s.to_string()),
                            other => Err(self.type_error(format!(
                                "__format__ must return a str, not {}",
                                self.type_name(&other)
                            ))),
                        };
                    }
                }
                if spec.is_empty() {
                    return self.str_of(v);
                }
                if let Some(p) = super::subclass::payload(v) {
                    let p = p.clone();
                    return self.format(&p, spec);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    t.name()
                )));
            }
            _ => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
        };
        r.map_err(|e| numeric_err(self, e))
    }

    /// `FormatValue`: conversion (0 none, 1 str, 2 repr, 3 ascii) then format spec.
    pub fn format_value(&mut self, v: &Value, conv: u32, spec: Option<&Value>) -> PyResult<Value> {
        let converted;
        let v = match conv {
            1 => {
                converted = Value::string(self.str_of(v)?);
                &converted
            }
            2 => {
                converted = Value::string(self.repr(v)?);
                &converted
            }
            3 => {
                let r = self.repr(v)?;
                converted = Value::string(fmt::ascii_escape(&r));
                &converted
            }
            _ => v,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.s.to_string(),
            _ => String::new(),
        };
        if spec.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v.clone());
            }
        }
        Ok(Value::string(self.format(v, &spec)?))
    }

    /// `str % args`.
    /// `bytes % args`: str formatting on the Latin-1 views (one char per byte); bytes
    /// arguments stand for `%s`/`%b` text, str arguments are refused as CPython does.
    pub fn bytes_percent_format(&mut self, fmt_v: &Value, args: &Value) -> PyResult<Value> {
        let latin1 =
            |b: &[u8]| -> Value { Value::string(b.iter().map(|&c| c as char).collect::<String>()) };
        let Value::Bytes(f) = fmt_v else {
            return Err(self.type_error("bytes % requires bytes"));
        };
        let conv = |vm: &Vm, v: &Value| -> PyResult<Value> {
            match v {
                Value::Bytes(b) => Ok(latin1(&b.b)),
                Value::Str(_) => Err(vm.type_error(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not 'str'",
                )),
                other => Ok(other.clone()),
            }
        };
        let args = match args {
            Value::Tuple(t) => {
                let mut items = Vec::with_capacity(t.items.len());
                for it in t.items.iter() {
                    items.push(conv(self, it)?);
                }
                Value::tuple(items)
            }
            other => conv(self, other)?,
        };
        // `%b` is bytes' name for `%s`.
        let fmt: String =
            f.b.iter()
                .map(|&c| c as char)
                .collect::<String>()
                .replace("%b", "%s");
        let r = self.percent_format(&Value::string(fmt), &args)?;
        match r {
            Value::Str(s) => Ok(Value::Bytes(Rc::new(super::value::PyBytes {
                b: s.s.chars().map(|c| (c as u32).min(255) as u8).collect(),
            }))),
            other => Ok(other),
        }
    }

    pub fn percent_format(&mut self, fmt_v: &Value, args: &Value) -> PyResult<Value> {
        use fmt::PercentPiece;
        let Value::Str(template) = super::subclass::payload(fmt_v).unwrap_or(fmt_v) else {
            return Err(self.type_error("format requires str"));
        };
        let pieces = fmt::parse_percent_format(&template.s);
        let (argv, mapping): (Vec<Value>, Option<Value>) = match args {
            Value::Tuple(t) => (t.items.to_vec(), None),
            // Subclasses of tuple and str are not mappings here (as in CPython).
            Value::Instance(_) if super::subclass::payload(args).is_some() => {
                match super::subclass::payload(args) {
                    Some(Value::Tuple(t)) => (t.items.to_vec(), None),
                    Some(Value::Str(_) | Value::Int(_) | Value::Float(_)) | None => {
                        (vec![args.clone()], None)
                    }
                    Some(_) => (vec![args.clone()], Some(args.clone())),
                }
            }
            Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
            Value::Instance(_)
                if self.type_of(args).lookup("__getitem__").is_some()
                    && !matches!(args, Value::Str(_)) =>
            {
                (vec![args.clone()], Some(args.clone()))
            }
            other => (vec![other.clone()], None),
        };
        let mut idx = 0usize;
        let mut out = String::new();
        let next_arg = |vm: &mut Vm, idx: &mut usize| -> PyResult<Value> {
            match argv.get(*idx) {
                Some(v) => {
                    *idx += 1;
                    Ok(v.clone())
                }
                None => Err(vm.type_error("not enough arguments for format string")),
            }
        };
        let mut used_mapping = false;
        for p in pieces {
            match p {
                PercentPiece::Literal(s) => out.push_str(&s),
                PercentPiece::Error(e) => return Err(numeric_err(self, e)),
                PercentPiece::Spec(spec) => {
                    let sw = if matches!(spec.width, fmt::PercentCount::Star) {
                        let v = next_arg(self, &mut idx)?;
                        Some(self.to_int(&v)?)
                    } else {
                        None
                    };
                    let sp = if matches!(spec.precision, fmt::PercentCount::Star) {
                        let v = next_arg(self, &mut idx)?;
                        Some(self.to_int(&v)?)
                    } else {
                        None
                    };
                    let val = match &spec.key {
                        Some(k) => {
                            let Some(m) = &mapping else {
                                return Err(self.type_error("format requires a mapping"));
                            };
                            used_mapping = true;
                            let m = m.clone();
                            self.getitem(&m, &Value::str(k))?
                        }
                        None => next_arg(self, &mut idx)?,
                    };
                    if !spec.is_supported() {
                        return Err(numeric_err(self, spec.unsupported()));
                    }
                    let f = spec.resolve(sw, sp).map_err(|e| numeric_err(self, e))?;
                    match spec.conv {
                        's' | 'r' | 'a' => {
                            let s = match spec.conv {
                                's' => self.str_of(&val)?,
                                'r' => self.repr(&val)?,
                                _ => fmt::ascii_escape(&self.repr(&val)?),
                            };
                            out.push_str(&fmt::percent_format_text(&s, &f));
                        }
                        'c' => {
                            let s = match &val {
                                Value::Int(i) => char::from_u32(*i as u32)
                                    .map(|c| c.to_string())
                                    .unwrap_or_default(),
                                Value::Str(s) if s.nchars == 1 => s.s.to_string(),
                                _ => return Err(self.type_error("%c requires int or char")),
                            };
                            let mut f2 = f;
                            f2.precision = None;
                            out.push_str(&fmt::percent_format_text(&s, &f2));
                        }
                        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                            let n = match super::subclass::payload(&val).unwrap_or(&val) {
                                Value::Int(i) => *i,
                                Value::Bool(b) => *b as i64,
                                Value::Long(b) => {
                                    let r = fmt::percent_format_any(
                                        &super::long::IntRef::Big(b),
                                        spec.conv,
                                        &f,
                                    );
                                    out.push_str(&r.map_err(|e| numeric_err(self, e))?);
                                    continue;
                                }
                                Value::Float(x) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                                    let v = super::numeric::float_to_int(*x)
                                        .map_err(|e| numeric_err(self, e))?;
                                    let r = match &v {
                                        Value::Long(b) => fmt::percent_format_any(
                                            &super::long::IntRef::Big(b),
                                            spec.conv,
                                            &f,
                                        ),
                                        _ => Ok(fmt::percent_format_int(
                                            super::long::to_big(&v)
                                                .and_then(|b| i64::try_from(b).ok())
                                                .unwrap_or(0),
                                            spec.conv,
                                            &f,
                                        )),
                                    };
                                    out.push_str(&r.map_err(|e| numeric_err(self, e))?);
                                    continue;
                                }
                                _ => {
                                    let what = if matches!(spec.conv, 'd' | 'i' | 'u') {
                                        "a real number"
                                    } else {
                                        "an integer"
                                    };
                                    return Err(self.type_error(format!(
                                        "%{} format: {} is required, not {}",
                                        spec.conv,
                                        what,
                                        self.type_name(&val)
                                    )));
                                }
                            };
                            out.push_str(&fmt::percent_format_int(n, spec.conv, &f));
                        }
                        _ => {
                            let x = match super::subclass::payload(&val).unwrap_or(&val) {
                                Value::Float(x) => *x,
                                Value::Int(i) => *i as f64,
                                Value::Long(b) => {
                                    super::long::to_f64(b).map_err(|e| numeric_err(self, e))?
                                }
                                Value::Bool(b) => *b as i64 as f64,
                                _ => {
                                    return Err(self.type_error(format!(
                                        "must be real number, not {}",
                                        self.type_name(&val)
                                    )))
                                }
                            };
                            out.push_str(&fmt::percent_format_float(x, spec.conv, &f));
                        }
                    }
                }
            }
        }
        if mapping.is_none() && idx < argv.len() && !used_mapping {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(Value::string(out))
    }

    // ------------------------------------------------------------ tracebacks

    /// `exc`'s traceback as traceback.py formats it (`print_exc`, `format_exception`, what
    /// asyncio logs): see `frame_summary` for how it differs from `format_exception`.
    pub fn format_exception_by_python(&mut self, exc: &Exc) -> String {
        let was = self.tb_by_python.replace(true);
        let out = self.format_exception(exc);
        self.tb_by_python.set(was);
        out
    }

    /// Runs `f` with tracebacks drawn as traceback.py draws them.
    pub fn with_python_tracebacks<T>(&self, f: impl FnOnce(&Self) -> T) -> T {
        let was = self.tb_by_python.replace(true);
        let out = f(self);
        self.tb_by_python.set(was);
        out
    }

    /// The text CPython's C printer shows for an uncaught exception (with its chain, and
    /// exception groups drawn as CPython 3.11's nested boxes).
    pub fn format_exception(&mut self, exc: &Exc) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        let mut ctx = GroupCtx {
            depth: 0,
            need_close: false,
        };
        self.format_exc_chain(exc, &mut out, &mut seen, &mut ctx, 0);
        out
    }

    fn format_exc_chain(
        &mut self,
        exc: &Exc,
        out: &mut String,
        seen: &mut Vec<usize>,
        ctx: &mut GroupCtx,
        nesting: usize,
    ) {
        // The chain, innermost (the exception itself) first, as traceback.py builds it.
        // Each entry carries the message that links it to the exception printed before it.
        let mut chain: Vec<(Option<&'static str>, Exc)> = Vec::new();
        let mut cur = Some(exc.clone());
        seen.push(Rc::as_ptr(exc) as *const u8 as usize);
        while let Some(e) = cur.take() {
            let (cause, context, suppress) = match e.exc() {
                Some(d) => {
                    let d = d.borrow();
                    (d.cause.clone(), d.context.clone(), d.suppress_context)
                }
                None => (None, None, false),
            };
            let unseen = |v: &Option<Value>, seen: &Vec<usize>| match v {
                Some(Value::Instance(c))
                    if !seen.contains(&(Rc::as_ptr(c) as *const u8 as usize)) =>
                {
                    Some(c.clone())
                }
                _ => None,
            };
            let (msg, next) = if let Some(c) = unseen(&cause, seen) {
                (Some("\nThe above exception was the direct cause of the following exception:\n\n"), Some(c))
            } else if cause.is_none() && !suppress {
                match unseen(&context, seen) {
                    Some(c) => (
                        Some("\nDuring handling of the above exception, another exception occurred:\n\n"),
                        Some(c),
                    ),
                    None => (None, None),
                }
            } else {
                (None, None)
            };
            chain.push((msg, e));
            if let Some(n) = &next {
                seen.push(Rc::as_ptr(n) as *const u8 as usize);
            }
            if chain.len() > 100 {
                break;
            }
            cur = next;
        }
        let eg = self.exc_type(ExcKind::BaseExceptionGroup);
        for (msg, e) in chain.into_iter().rev() {
            if let Some(m) = msg {
                ctx.emit(out, m, None);
            }
            let ev = Value::Instance(e.clone());
            let subs = if e.class().is_subtype(&eg) {
                self.getattr_str(&ev, "exceptions")
                    .ok()
                    .and_then(|x| self.iter_to_vec(&x).ok())
            } else {
                None
            };
            let tb: Vec<super::exceptions::TbEntry> = e
                .exc()
                .map(|d| d.borrow().tb.iter().rev().cloned().collect())
                .unwrap_or_default();
            match subs {
                None => {
                    if !tb.is_empty() {
                        ctx.emit(out, "Traceback (most recent call last):\n", None);
                        let t = self.format_tb_entries(&tb);
                        ctx.emit(out, &t, None);
                    }
                    let t = self.exc_only(&e);
                    ctx.emit(out, &t, None);
                }
                Some(_) if ctx.depth > 10 || nesting > 40 => {
                    let t = format!("... (max_group_depth is {})\n", 10);
                    ctx.emit(out, &t, None);
                }
                Some(subs) => {
                    let toplevel = ctx.depth == 0;
                    if toplevel {
                        ctx.depth += 1;
                    }
                    if !tb.is_empty() {
                        ctx.emit(
                            out,
                            "Exception Group Traceback (most recent call last):\n",
                            if toplevel { Some('+') } else { None },
                        );
                        let t = self.format_tb_entries(&tb);
                        ctx.emit(out, &t, None);
                    }
                    let t = self.exc_only(&e);
                    ctx.emit(out, &t, None);
                    let width = 15;
                    let n = if subs.len() <= width {
                        subs.len()
                    } else {
                        width + 1
                    };
                    ctx.need_close = false;
                    for i in 0..n {
                        let last = i + 1 == n;
                        if last {
                            ctx.need_close = true;
                        }
                        let truncated = i >= width;
                        let title = if truncated {
                            "...".to_string()
                        } else {
                            (i + 1).to_string()
                        };
                        out.push_str(&format!(
                            "{}{}+---------------- {} ----------------\n",
                            ctx.indent(),
                            if i == 0 { "+-" } else { "  " },
                            title
                        ));
                        ctx.depth += 1;
                        if !truncated {
                            if let Some(Value::Instance(se)) = subs.get(i) {
                                let se = se.clone();
                                self.format_exc_chain(&se, out, seen, ctx, nesting + 1);
                            }
                        } else {
                            let rem = subs.len() - width;
                            let t = format!(
                                "and {} more exception{}\n",
                                rem,
                                if rem > 1 { "s" } else { "" }
                            );
                            ctx.emit(out, &t, None);
                        }
                        if last && ctx.need_close {
                            out.push_str(&format!(
                                "{}+------------------------------------\n",
                                ctx.indent()
                            ));
                            ctx.need_close = false;
                        }
                        ctx.depth -= 1;
                    }
                    if toplevel {
                        ctx.depth = 0;
                    }
                }
            }
        }
    }

    /// The `Type: message` line(s).
    pub fn exc_only(&mut self, exc: &Exc) -> String {
        let cls = exc.class();
        let module = match cls.dict.borrow().get("__module__") {
            Some(Value::Str(s)) => s.s.to_string(),
            _ => cls.module.borrow().to_string(),
        };
        let qual = cls.qualname.borrow().to_string();
        let name = if module == "builtins" || module == "__main__" {
            qual
        } else {
            format!("{module}.{qual}")
        };
        let v = Value::Instance(exc.clone());
        let (mut s, msg) = match self.syntax_error_site(exc) {
            Some((site, msg)) => (site, msg),
            None => (
                String::new(),
                match self.str_of(&v) {
                    Ok(s) => s,
                    Err(_) => "<exception str() failed>".to_string(),
                },
            ),
        };
        s += &if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        };
        if let Some(hint) = self.suggestion_for(exc) {
            s.pop();
            s.push_str(&format!(". Did you mean: '{hint}'?\n"));
        }
        if let Some(Value::List(notes)) = exc.dict.borrow().get("__notes__").cloned() {
            for n in notes.items.borrow().iter() {
                if let Value::Str(t) = n {
                    s.push_str(&t.s);
                    s.push('\n');
                }
            }
        }
        s
    }

    /// A SyntaxError that says where it is (`compile()`, `exec()`, `eval()` raise such) prints
    /// that place, the line and a caret above its message, as CPython's `PyErr_Display`
    /// (`print_exception_file_and_line`, `print_error_text`) does: the caret is placed by
    /// UTF-8 bytes there. `None` when `lineno` is no int (`SyntaxError("x")`): the plain line.
    fn syntax_error_site(&mut self, exc: &Exc) -> Option<(String, String)> {
        if !exc.class().is_subtype(&self.exc_type(ExcKind::SyntaxError)) {
            return None;
        }
        let attr = |vm: &mut Vm, n: &str| -> Value {
            let v = Value::Instance(exc.clone());
            vm.getattr_str(&v, n).unwrap_or(Value::None)
        };
        let Value::Int(lineno) = attr(self, "lineno") else {
            return None;
        };
        let filename = match attr(self, "filename") {
            Value::None => "<string>".to_string(),
            v => self.str_of(&v).ok()?,
        };
        let int_or = |v: Value, d: i64| match v {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            _ => d,
        };
        let offset = int_or(attr(self, "offset"), -1);
        let end_lineno = int_or(attr(self, "end_lineno"), lineno);
        let mut end_offset = int_or(attr(self, "end_offset"), -1);
        let msg = attr(self, "msg");
        let msg = self.str_of(&msg).ok()?;
        let mut out = format!("  File \"{filename}\", line {lineno}\n");
        if let Value::Str(text) = attr(self, "text") {
            let text = text.as_str();
            let size = text.len() as i64;
            if end_lineno > lineno {
                end_offset = size;
            }
            if end_offset > size + 1 {
                end_offset = size + 1;
            }
            out += &error_text(offset, end_offset, text);
        }
        Some((out, msg))
    }

    pub fn format_tb_entries(&self, tb: &[super::exceptions::TbEntry]) -> String {
        const CUTOFF: usize = 3;
        let mut out = String::new();
        let mut last: Option<(Rc<str>, u32, Rc<str>)> = None;
        let mut count = 0usize;
        for e in tb {
            let co = &e.code.co;
            let line = co.line_of(e.lasti as usize);
            let key = (co.filename.clone(), line, co.name.clone());
            if last.as_ref() != Some(&key) {
                if count > CUTOFF {
                    let c = count - CUTOFF;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        c,
                        if c > 1 { "s" } else { "" }
                    ));
                }
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
            out.push_str(&self.format_frame(e));
        }
        if count > CUTOFF {
            let c = count - CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                c,
                if c > 1 { "s" } else { "" }
            ));
        }
        out
    }

    fn format_frame(&self, e: &super::exceptions::TbEntry) -> String {
        self.frame_summary(e, true).3
    }

    /// One traceback entry as traceback.py's `FrameSummary` has it: the file, line and source
    /// text CPython shows (its own for loopscope's marked lines), and the entry's text as the
    /// uncaught-exception traceback prints it (`  File ...` and the source, and with `carets`
    /// the 3.11 `^^^^` line: `extract_tb` keeps column positions, `extract_stack` does not).
    ///
    /// CPython 3.11.7 draws the entry two ways. Its C printer (uncaught exceptions) strips only
    /// the line's indentation, so trailing spaces stay. traceback.py (`tb_by_python`) strips
    /// both ends, and then places the carets as many columns further left as it stripped at the
    /// end: a quirk of its `stripped_characters`, shown as is.
    pub fn frame_summary(
        &self,
        e: &super::exceptions::TbEntry,
        carets: bool,
    ) -> (String, u32, String, String) {
        let co = &e.code.co;
        let idx = e.lasti as usize;
        let shown = self.shown_line(&co.filename, co.line_of(idx));
        let (filename, lineno) = (shown.filename, shown.line);
        let mut out = format!("  File \"{}\", line {}, in {}\n", filename, lineno, co.name);
        let Some(text) = shown.text else {
            return (filename, lineno, String::new(), out);
        };
        if shown.own_text {
            out.push_str(&format!("    {text}\n"));
            // CPython's line may be loopscope's with more after it (a comment): the columns
            // still apply, and the carets show when the instruction is no longer the whole line.
            if carets {
                let src = self.sources.get(&co.filename);
                let own = src.and_then(|s| s.line_text(co.line_of(idx)));
                if let (Some(src), Some(own), Some(span)) = (src, own, co.spans.get(idx)) {
                    let code = own.split("# cpython: ").next().unwrap_or("");
                    let indent = &code[..code.len() - code.trim_start().len()];
                    if !code.trim().is_empty() && text.trim().starts_with(code.trim()) {
                        let line = format!("{indent}{}", text.trim());
                        if let Some(c) = caret_line(src, span, &line, self.tb_by_python.get()) {
                            out.push_str(&c);
                        }
                    }
                }
            }
            return (filename, lineno, text.trim().to_string(), out);
        }
        let stripped = text.trim();
        if stripped.is_empty() {
            return (filename, lineno, String::new(), out);
        }
        let by_python = self.tb_by_python.get();
        let shown_text = if by_python {
            stripped
        } else {
            text.trim_start_matches([' ', '\t', '\x0c'])
        };
        out.push_str(&format!("    {shown_text}\n"));
        if carets {
            let src = self.sources.get(&co.filename);
            if let (Some(src), Some(span)) = (src, co.spans.get(idx)) {
                if let Some(c) = caret_line(src, span, &text, by_python) {
                    out.push_str(&c);
                }
            }
        }
        (filename, lineno, stripped.to_string(), out)
    }

    /// Print queued warnings as CPython's `warnings` module shows them (once per location).
    pub fn format_warning(&mut self, msg: &str, loc: Option<(Rc<str>, u32)>) -> String {
        // No Python frame: interpreter shutdown, where CPython's C fallback printer shows
        // `sys:1:` and no tracemalloc hint.
        let at_shutdown = loc.is_none();
        let (file, line) = loc.unwrap_or((Rc::from("sys"), 1));
        let key = format!("{file}:{line}:{msg}");
        if self.warned.contains(&key) {
            return String::new();
        }
        self.warned.push(key);
        let mut s = format!("{file}:{line}: RuntimeWarning: {msg}\n");
        if let Some(src) = self.sources.get(&file) {
            if let Some(t) = src.line_text(line) {
                s.push_str(&format!("  {}\n", t.trim()));
            }
        }
        if !at_shutdown {
            s.push_str(
                "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            );
        }
        s
    }

    /// Print an uncaught exception to stderr.
    pub fn print_exception(&mut self, exc: &Exc) {
        let text = self.format_exception(exc);
        self.write_out(Stream::Stderr, &text);
    }
}

/// Where CPython has a line of loopscope's own Python. asyncio (and the other modules loopscope
/// writes in Python) keep CPython's modules in one file with their own line numbers; a line
/// that a traceback can show says where CPython has it with a trailing `# cpython: FILE:LINE`
/// (`return await future  # cpython: tasks.py:649`), so the traceback names CPython's file and
/// line, as a student would see them under `python3`, and shows the text without the marker.
pub struct CpythonSite {
    /// The file name with the marker's in place of the last path component.
    pub filename: String,
    pub line: u32,
    /// The length of the line's text before the marker, trailing spaces dropped.
    pub text_len: usize,
    /// CPython's text of the line, when it differs from loopscope's (`raise
    /// exceptions.TimeoutError() from exc`, where loopscope has no `exceptions` module to
    /// name): only on lines whose whole statement is the instruction, so no carets are drawn.
    pub text: Option<String>,
}

impl Vm {
    /// `file:line` as a student would see it under CPython: line `line` of `filename`, or
    /// CPython's file and line when that line of loopscope's own Python says where it is.
    pub fn cpython_location(&self, filename: &Rc<str>, line: u32) -> String {
        match self.cpython_site_of(filename, line) {
            Some(s) => format!("{}:{}", s.filename, s.line),
            None => format!("{filename}:{line}"),
        }
    }

    /// Whether `code` stands for a function CPython implements in C (`_asyncio.Task.__init__`):
    /// its `def` line is marked `# cpython: C`, and its frames are left out of tracebacks, as a
    /// C function leaves no frame.
    pub fn runs_in_c(&self, code: &PyCode) -> bool {
        match code.in_c.get() {
            1 => false,
            2 => true,
            _ => {
                let co = &code.co;
                let yes = self
                    .sources
                    .get(&*co.filename)
                    .and_then(|src| src.line_text(co.first_line))
                    .and_then(|t| cpython_marker(&co.filename, t))
                    .is_some_and(|(_, m)| m == "C" || m.starts_with("C "));
                code.in_c.set(if yes { 2 } else { 1 });
                yes
            }
        }
    }

    /// The marker of line `line` of `filename`, if it has one.
    pub fn cpython_site_of(&self, filename: &str, line: u32) -> Option<CpythonSite> {
        let text = self.sources.get(filename)?.line_text(line)?;
        cpython_site(filename, text)
    }

    /// Line `line` of `filename` as a CPython traceback names and shows it: CPython's file,
    /// line and text for a marked line of loopscope's own Python, the line itself otherwise.
    pub fn shown_line(&self, filename: &str, line: u32) -> ShownLine<'_> {
        let text = self.sources.get(filename).and_then(|s| s.line_text(line));
        let Some(text) = text else {
            return ShownLine {
                filename: filename.to_string(),
                line,
                text: None,
                own_text: false,
            };
        };
        match cpython_site(filename, text) {
            Some(site) => ShownLine {
                filename: site.filename,
                line: site.line,
                own_text: site.text.is_some(),
                text: Some(match site.text {
                    Some(t) => std::borrow::Cow::Owned(t),
                    None => std::borrow::Cow::Borrowed(&text[..site.text_len]),
                }),
            },
            None => ShownLine {
                filename: filename.to_string(),
                line,
                text: Some(std::borrow::Cow::Borrowed(text)),
                own_text: false,
            },
        }
    }
}

/// See [`Vm::shown_line`].
pub struct ShownLine<'a> {
    pub filename: String,
    pub line: u32,
    /// None when the file is not loaded.
    pub text: Option<std::borrow::Cow<'a, str>>,
    /// The text is CPython's own, from the marker: loopscope's columns do not apply to it, so
    /// no carets are drawn under it.
    pub own_text: bool,
}

/// The `# cpython: ` marker of a line of loopscope's own Python: where it starts in `text` and
/// what follows it, trimmed.
fn cpython_marker<'a>(filename: &str, text: &'a str) -> Option<(usize, &'a str)> {
    const MARK: &str = "# cpython: ";
    if !filename.starts_with("<loopscope>/") {
        return None;
    }
    let at = text.find(MARK)?;
    Some((at, text[at + MARK.len()..].trim()))
}

pub fn cpython_site(filename: &str, text: &str) -> Option<CpythonSite> {
    let (at, rest) = cpython_marker(filename, text)?;
    let (site, own_text) = match rest.split_once(' ') {
        Some((site, t)) => (site, Some(t.trim().to_string())),
        None => (rest, None),
    };
    let (file, line) = site.rsplit_once(':')?;
    let line = line.parse().ok()?;
    let dir = filename.rfind('/').map(|i| &filename[..=i]).unwrap_or("");
    Some(CpythonSite {
        filename: format!("{dir}{file}"),
        line,
        text_len: text[..at].trim_end().len(),
        text: own_text,
    })
}

/// The `    ~~~^^^` line under a traceback source line, following CPython 3.11's rules: no line
/// when the instruction covers the whole (stripped) line and there are no anchors.
/// `by_python`: drawn by traceback.py rather than the C printer (see `Vm::frame_summary`).
fn caret_line(
    src: &crate::lang::span::SourceFile,
    span: &crate::lang::span::Span,
    text: &str,
    by_python: bool,
) -> Option<String> {
    if span.end <= span.start {
        return None;
    }
    let seg_all = src.text.get(span.start as usize..span.end as usize)?;
    let start_col = span.col.checked_sub(1)? as usize;
    // Multi-line instructions: CPython 3.11 marks the first line from the start column to the
    // end of the line, without anchors.
    let multi = seg_all.contains('\n');
    let seg_chars = if multi {
        text.trim_end().chars().count().checked_sub(start_col)?
    } else {
        seg_all.chars().count()
    };
    let end_col = start_col + seg_chars;
    let leading = text.chars().take_while(|c| c.is_whitespace()).count();
    // The C printer compares against the line with its trailing spaces (it keeps them), so a
    // statement followed by spaces gets carets there; traceback.py strips them first.
    let stripped_len = if by_python {
        text.trim().chars().count()
    } else {
        text.trim_start().chars().count()
    };
    let anchors = if multi {
        None
    } else {
        super::api::caret_anchors(seg_all)
    };
    let has_secondary = anchors.map(|(l, r)| r > l).unwrap_or(false);
    if end_col - start_col >= stripped_len && !has_secondary {
        return None;
    }
    // CPython 3.11.7 draws the line in terminal columns, so a Chinese character under the
    // carets takes two of them.
    let (dp_start, dp_end) = (columns(text, start_col), columns(text, end_col));
    // traceback.py's quirk: its carets move left by the trailing whitespace it stripped.
    let shift = if by_python {
        text.chars().rev().take_while(|c| c.is_whitespace()).count()
    } else {
        0
    };
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(dp_start.saturating_sub(leading + shift)));
    match anchors {
        Some((l, r)) => {
            let (dl, dr) = (columns(seg_all, l), columns(seg_all, r));
            s.push_str(&"~".repeat(dl));
            s.push_str(&"^".repeat(dr.saturating_sub(dl)));
            s.push_str(&"~".repeat((dp_end - dp_start).saturating_sub(dr)));
        }
        None => s.push_str(&"^".repeat(dp_end - dp_start)),
    }
    s.push('\n');
    Some(s)
}

/// The terminal columns the first `chars` characters of `s` take.
fn columns(s: &str, chars: usize) -> usize {
    let at = s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i);
    super::strops::display_width(&s[..at])
}

/// Indentation state while printing exception groups (traceback.py's `_ExceptionPrintContext`).
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Append `text`, each line prefixed by the group indentation and margin.
    fn emit(&self, out: &mut String, text: &str, margin: Option<char>) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{} ", self.indent(), margin.unwrap_or('|'));
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// The decimal text of `i`, written into the end of `buf`.
fn int_digits(i: i64) -> String {
    let buf = &mut [0u8; 20];
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // ASCII digits: one exact allocation (`collect` would round the capacity up to 8 and
    // `into_boxed_str` reallocate), no UTF-8 validation.
    let digits = &buf[at..];
    let mut s = String::with_capacity(digits.len());
    for &b in digits {
        s.push(b as char);
    }
    s
}

#[cfg(test)]
mod int_digits_tests {
    #[test]
    fn matches_to_string() {
        for i in [0, 7, -7, 10, 97, -100, 123_456_789, i64::MAX, i64::MIN] {
            assert_eq!(super::int_digits(i), i.to_string());
        }
    }
}

#[cfg(test)]
mod cpython_site_tests {
    use super::cpython_site;

    #[test]
    fn a_marked_line_names_cpythons_file_and_line() {
        let s = cpython_site(
            "<loopscope>/asyncio/__init__.py",
            "        return await future  # cpython: tasks.py:649",
        )
        .unwrap();
        assert_eq!(s.filename, "<loopscope>/asyncio/tasks.py");
        assert_eq!(s.line, 649);
        assert_eq!(s.text_len, "        return await future".len());
        assert_eq!(s.text, None);
    }

    #[test]
    fn a_marker_can_carry_cpythons_text_and_keep_a_comment_before_it() {
        let s = cpython_site(
            "<loopscope>/asyncio/__init__.py",
            "    raise TimeoutError() from exc  # cpython: tasks.py:502 raise exceptions.TimeoutError() from exc",
        )
        .unwrap();
        assert_eq!(
            s.text.as_deref(),
            Some("raise exceptions.TimeoutError() from exc")
        );
        let s = cpython_site(
            "<loopscope>/asyncio/__init__.py",
            "return f.result()  # May raise f.exception().  # cpython: tasks.py:615",
        )
        .unwrap();
        assert_eq!(
            s.text_len,
            "return f.result()  # May raise f.exception().".len()
        );
    }

    #[test]
    fn only_loopscopes_own_files_are_mapped() {
        // A student's script may well contain the marker text: it is shown as written.
        assert!(cpython_site("script.py", "x = 1  # cpython: tasks.py:649").is_none());
        assert!(cpython_site(
            "<loopscope>/asyncio/__init__.py",
            "x = 1  # cpython: tasks.py"
        )
        .is_none());
        assert!(cpython_site("<loopscope>/asyncio/__init__.py", "x = 1").is_none());
    }
}

/// CPython's `print_error_text`: the line (first whitespace and, before the offset, earlier
/// lines dropped) and a caret line, in bytes.
fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    } as usize;
    let mut offset = offset - 1;
    let mut text = text.as_bytes();
    while let [b' ' | b'\t' | b'\x0c', rest @ ..] = text {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        if nl as i64 >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= nl as i64 + 1;
        offset -= nl as i64 + 1;
    }
    let mut out = format!("    {}", String::from_utf8_lossy(text));
    if text.get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(carets));
        out.push('\n');
    }
    out
}
