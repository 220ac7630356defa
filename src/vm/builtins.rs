//! The built-in types and functions, class creation (C3 MRO, `__build_class__`), and the
//! registration entry point `register_all`.

use super::coro::{GenKind, PyGen};
use super::dict::PyDict;
use super::exceptions::{ExcKind, EXC_TABLE};
use super::interp::ResumeHow;
use super::object::{kw_get, tflags, Layout, NativeData, NativeNew, NativeObj, PyType, StrMap};
use super::value::{PyRange, PySlice, Value};
use super::{BuiltinTypes, Exc, KwArgs, PyResult, Stream, Vm};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// What `__build_class__` needs once the class body has run.
#[derive(Clone)]
pub struct ClassSpec {
    pub name: String,
    pub bases: Vec<Value>,
    pub kwargs: Vec<(Rc<str>, Value)>,
    pub ns: Rc<PyDict>,
    /// The bases as written, when `__mro_entries__` replaced some (stored as `__orig_bases__`).
    pub orig_bases: Option<Value>,
}

thread_local! {
    static TYPE_IDS: Cell<u64> = const { Cell::new(1) };
}

fn type_id() -> u64 {
    TYPE_IDS.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

pub(crate) fn raw_type(
    name: &str,
    module: &str,
    bases: Vec<Rc<PyType>>,
    layout: Layout,
    new: Option<NativeNew>,
) -> Rc<PyType> {
    let mut mro_tail = Vec::new();
    if let Some(b) = bases.first() {
        mro_tail.push(b.clone());
        mro_tail.extend(b.mro_tail.iter().cloned());
    }
    Rc::new(PyType {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(Rc::from(name)),
        module: RefCell::new(Rc::from(module)),
        bases,
        mro_tail,
        dict: RefCell::new(StrMap::for_type()),
        layout,
        builtin: true,
        native_new: new,
        flags: Cell::new(0),
        id: type_id(),
        cache_tag: super::object::new_cache_tag(),
        meta: RefCell::new(None),
        body_end: std::cell::OnceCell::new(),
    })
}

/// Create the built-in types and exception classes.
pub fn make_types() -> (BuiltinTypes, Vec<Rc<PyType>>) {
    use super::methods as m;
    let object = raw_type("object", "builtins", vec![], Layout::Object, None);
    // Sends stores on a bare `object()` off the interpreter's fast path, to the slow one that
    // refuses them: a bare object has no `__dict__`. Subclasses compute their own flags.
    object.flags.set(object.flags.get() | tflags::SETATTR);
    let b = |name: &str, new: Option<NativeNew>| {
        raw_type(name, "builtins", vec![object.clone()], Layout::Builtin, new)
    };
    let int = b("int", Some(m::int_new));
    let bool_ = raw_type(
        "bool",
        "builtins",
        vec![int.clone()],
        Layout::Builtin,
        Some(m::bool_new),
    );
    let mut misc = BTreeMap::new();
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
        "dict_keys",
        "dict_values",
        "dict_items",
        "getset_descriptor",
        "traceback",
        "async_generator_asend",
        "async_generator_athrow",
        "async_generator_wrapped_value",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
        "NoneType",
        "ellipsis",
        "NotImplementedType",
        "itertools.count",
        "functools.partial",
        "coroutine_wrapper",
        "frame",
        "list_reverseiterator",
        "generic_native",
    ] {
        misc.insert(name, b(name, None));
    }
    let types = BuiltinTypes {
        type_: b("type", Some(m::type_new)),
        none: misc
            .get("NoneType")
            .cloned()
            .unwrap_or_else(|| object.clone()),
        notimpl: misc
            .get("NotImplementedType")
            .cloned()
            .unwrap_or_else(|| object.clone()),
        ellipsis: misc
            .get("ellipsis")
            .cloned()
            .unwrap_or_else(|| object.clone()),
        bool_,
        int,
        float: b("float", Some(m::float_new)),
        str_: b("str", Some(m::str_new)),
        bytes: b("bytes", Some(m::bytes_new)),
        list: b("list", Some(m::list_new)),
        tuple: b("tuple", Some(m::tuple_new)),
        dict: b("dict", Some(m::dict_new)),
        set: b("set", Some(m::set_new)),
        frozenset: b("frozenset", Some(m::frozenset_new)),
        range: b("range", Some(m::range_new)),
        slice: b("slice", Some(m::slice_new)),
        function: b("function", None),
        builtin_function: b("builtin_function_or_method", None),
        method: b("method", None),
        module: b("module", None),
        cell: b("cell", None),
        code: b("code", None),
        generator: b("generator", None),
        coroutine: b("coroutine", None),
        async_generator: b("async_generator", None),
        property: b("property", Some(m::property_new)),
        staticmethod: b("staticmethod", Some(m::staticmethod_new)),
        classmethod: b("classmethod", Some(m::classmethod_new)),
        super_: b("super", Some(m::super_new)),
        object,
        misc,
    };
    let mut excs: Vec<Rc<PyType>> = Vec::with_capacity(EXC_TABLE.len());
    for (kind, name, bases) in EXC_TABLE {
        let bs: Vec<Rc<PyType>> = if bases.is_empty() {
            vec![types.object.clone()]
        } else {
            bases
                .iter()
                .filter_map(|k| excs.get(*k as usize).cloned())
                .collect()
        };
        let t = if bs.len() > 1 {
            let mro = c3_mro(&bs).unwrap_or_default();
            Rc::new(PyType {
                name: RefCell::new(Rc::from(*name)),
                qualname: RefCell::new(Rc::from(*name)),
                module: RefCell::new(Rc::from("builtins")),
                bases: bs,
                mro_tail: mro,
                dict: RefCell::new(StrMap::for_type()),
                layout: Layout::Exception,
                builtin: true,
                native_new: None,
                flags: Cell::new(0),
                id: type_id(),
                cache_tag: super::object::new_cache_tag(),
                meta: RefCell::new(None),
                body_end: std::cell::OnceCell::new(),
            })
        } else {
            raw_type(name, "builtins", bs, Layout::Exception, None)
        };
        debug_assert_eq!(*kind as usize, excs.len());
        excs.push(t);
    }
    (types, excs)
}

/// C3 linearisation of the bases (the result excludes the class itself).
pub fn c3_mro(bases: &[Rc<PyType>]) -> Option<Vec<Rc<PyType>>> {
    let mut seqs: Vec<Vec<Rc<PyType>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<PyType>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)))
            {
                cand = Some(head.clone());
                break;
            }
        }
        let c = cand?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Recompute the "has a Python-level X" flags of a class.
pub fn update_type_flags(t: &Rc<PyType>) {
    let mut fl = t.flags.get() & (tflags::C_NAME | tflags::ABSTRACT);
    let is_py = |v: Option<Value>| match v {
        Some(Value::Func(_)) => true,
        Some(Value::Native(n)) => matches!(
            &n.data,
            NativeData::StaticMethod(Value::Func(_)) | NativeData::ClassMethod(Value::Func(_))
        ),
        Some(Value::Builtin(b)) => b.owner.as_deref() != Some("object"),
        _ => false,
    };
    if is_py(t.lookup("__getattribute__")) {
        fl |= tflags::GETATTRIBUTE;
    }
    if t.lookup("__getattr__").is_some() {
        fl |= tflags::GETATTR;
    }
    if is_py(t.lookup("__setattr__")) {
        fl |= tflags::SETATTR;
    }
    if is_py(t.lookup("__delattr__")) {
        fl |= tflags::DELATTR;
    }
    if is_py(t.lookup("__new__")) {
        fl |= tflags::NEW;
    }
    if let Some((_, del_owner)) = t.lookup_with_owner("__del__") {
        fl |= tflags::FINALIZER;
        // The guard speaks for the `__del__` its class knows; a subclass's own `__del__`
        // (a Task subclass logging its end) runs for every instance, as CPython's does.
        if let Some((_, guard_owner)) = t.lookup_with_owner(super::finalize::GUARD) {
            if guard_owner.is_subtype(&del_owner) {
                fl |= tflags::FINALIZE_GUARDED;
            }
        }
    }
    t.flags.set(fl);
}

/// Create a class (Python `class` statements and native classes).
pub fn make_class(
    vm: &Vm,
    name: &str,
    module: &str,
    bases: Vec<Rc<PyType>>,
    dict: StrMap,
    new: Option<NativeNew>,
) -> PyResult<Rc<PyType>> {
    let bases = if bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        bases
    };
    let mro = match c3_mro(&bases) {
        Some(m) => m,
        None => {
            let names: Vec<String> = bases.iter().map(|b| b.name().to_string()).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        }
    };
    let mut layout = Layout::Object;
    for b in &mro {
        match b.layout {
            Layout::Exception => {
                layout = Layout::Exception;
                break;
            }
            Layout::Native => {
                layout = Layout::Native;
                break;
            }
            _ => {}
        }
    }
    if new.is_some() {
        layout = Layout::Native;
    }
    // An exception cannot also carry a built-in value (CPython: different instance layouts).
    if layout == Layout::Exception && mro.iter().any(|b| super::subclass::is_payload_type(b)) {
        return Err(vm.type_error("multiple bases have instance lay-out conflict"));
    }
    for b in &bases {
        if b.layout == Layout::Builtin
            && !Rc::ptr_eq(b, &vm.types.object)
            && Rc::ptr_eq(b, &vm.types.bool_)
        {
            return Err(vm.type_error("type 'bool' is not an acceptable base type"));
        }
    }
    let mut dict = dict;
    if dict.contains("__eq__") && !dict.contains("__hash__") {
        dict.set("__hash__", Value::None);
    }
    let qualname = match dict.get("__qualname__") {
        Some(Value::Str(s)) => Rc::from(&*s.s),
        _ => Rc::from(name),
    };
    dict.remove("__qualname__");
    let t = Rc::new(PyType {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(qualname),
        module: RefCell::new(Rc::from(module)),
        bases,
        mro_tail: mro,
        dict: RefCell::new(dict.into_type_dict()),
        layout,
        builtin: false,
        native_new: new,
        flags: Cell::new(0),
        id: vm.next_id(),
        cache_tag: super::object::new_cache_tag(),
        meta: RefCell::new(None),
        body_end: std::cell::OnceCell::new(),
    });
    update_type_flags(&t);
    if let Ok(mut subs) = vm.subclasses.try_borrow_mut() {
        for b in &t.bases {
            subs.entry(b.id).or_default().push(Rc::downgrade(&t));
        }
    }
    Ok(t)
}

impl Vm {
    /// Build the class once its body ran (`__build_class__`'s second half).
    pub(crate) fn finish_class(&mut self, spec: ClassSpec, body_result: Value) -> PyResult<Value> {
        // CPython stores it after the body ran, so it is the namespace's last key.
        if let Some(orig) = &spec.orig_bases {
            spec.ns.set_str("__orig_bases__", orig.clone());
        }
        let mut bases = Vec::new();
        for b in &spec.bases {
            match b {
                Value::Type(t) => bases.push(t.clone()),
                other => {
                    return Err(self.type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(other)
                    )))
                }
            }
        }
        let other_kw: Vec<(Rc<str>, Value)> = spec
            .kwargs
            .iter()
            .filter(|(k, _)| &**k != "metaclass")
            .cloned()
            .collect();
        let explicit = kw_get(&spec.kwargs, "metaclass").cloned();
        let meta = match explicit {
            // A metaclass that is not a class (a function) is just called.
            Some(m) if !matches!(m, Value::Type(_)) => {
                let ns = Value::Dict(spec.ns.clone());
                let bt = Value::tuple(spec.bases.clone());
                return self.call(&m, &[Value::str(&spec.name), bt, ns], &other_kw);
            }
            Some(Value::Type(m)) => m,
            _ => self.types.type_.clone(),
        };
        let meta = self.winning_meta(meta, &bases)?;
        if !Rc::ptr_eq(&meta, &self.types.type_) {
            let ns = Value::Dict(spec.ns.clone());
            let bt = Value::tuple(spec.bases.clone());
            return self.call(
                &Value::Type(meta),
                &[Value::str(&spec.name), bt, ns],
                &other_kw,
            );
        }
        self.new_class_from_ns(
            None,
            &spec.name,
            bases,
            &spec.ns,
            &other_kw,
            Some(body_result),
        )
    }

    /// CPython's `_PyType_CalculateMetaclass`: the most derived of `meta` and the bases'
    /// metaclasses, which must form a chain.
    pub(crate) fn winning_meta(
        &mut self,
        meta: Rc<PyType>,
        bases: &[Rc<PyType>],
    ) -> PyResult<Rc<PyType>> {
        let mut winner = meta;
        for b in bases {
            let bm = self.type_of(&Value::Type(b.clone()));
            if winner.is_subtype(&bm) {
                continue;
            }
            if bm.is_subtype(&winner) {
                winner = bm;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, ns, **kw)` and the end of a class statement: the class,
    /// its `__class__` cell, `__set_name__` on descriptors and the parent's `__init_subclass__`.
    pub(crate) fn new_class_from_ns(
        &mut self,
        meta: Option<Rc<PyType>>,
        name: &str,
        bases: Vec<Rc<PyType>>,
        ns: &PyDict,
        kw: &KwArgs,
        body_result: Option<Value>,
    ) -> PyResult<Value> {
        let mut dict = StrMap::new();
        // With `__doc__` and `__hash__`, which type_new may add.
        dict.reserve(ns.len() + 2);
        let mut classcell = None;
        for (k, v) in ns.t.borrow().items() {
            if let Value::Str(s) = &k {
                if &*s.s == "__classcell__" {
                    classcell = Some(v);
                    continue;
                }
                // type_new makes these two implicit classmethods (string.Template calls
                // `Template.__init_subclass__()` on the class itself).
                let v = match (&*s.s, v) {
                    ("__init_subclass__" | "__class_getitem__", f @ Value::Func(_)) => {
                        Value::Native(Rc::new(NativeObj {
                            cls: self.types.classmethod.clone(),
                            data: NativeData::ClassMethod(f),
                        }))
                    }
                    (_, v) => v,
                };
                dict.set_ps(s, v);
            }
        }
        let body_end = super::class_dict::complete_namespace(self, &mut dict);
        let module = match dict.get("__module__") {
            Some(Value::Str(s)) => s.s.to_string(),
            _ => "__main__".to_string(),
        };
        let cls = make_class(self, name, &module, bases, dict, None)?;
        if let Some(k) = body_end {
            let _ = cls.body_end.set(k);
        }
        if let Some(m) = meta {
            if !Rc::ptr_eq(&m, &self.types.type_) {
                *cls.meta.borrow_mut() = Some(m);
            }
        }
        let cv = Value::Type(cls.clone());
        for c in [classcell, body_result].into_iter().flatten() {
            if let Value::Cell(cell) = c {
                cell.set(cv.clone());
            }
        }
        // __set_name__ on descriptors, then the parent's __init_subclass__.
        let items: Vec<(Rc<str>, Value)> = cls
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            if let Value::Instance(_) = &v {
                if self.type_of(&v).lookup("__set_name__").is_some() {
                    self.call_dunder(&v, "__set_name__", &[cv.clone(), Value::str(&k)])?;
                }
            }
        }
        for b in cls.mro_tail.clone() {
            if let Some(f) = b.dict.borrow().get("__init_subclass__").cloned() {
                let f = match &f {
                    Value::Native(n) => match &n.data {
                        NativeData::ClassMethod(inner) => inner.clone(),
                        _ => f.clone(),
                    },
                    _ => f,
                };
                self.call(&f, &[cv.clone()], kw)?;
                break;
            }
        }
        Ok(cv)
    }

    /// Attribute lookup through `super()`.
    pub fn super_getattr(&mut self, n: &NativeObj, name: &str) -> PyResult<Option<Value>> {
        let NativeData::Super {
            this,
            obj,
            obj_type,
        } = &n.data
        else {
            return Ok(None);
        };
        let mro = obj_type.mro();
        let start = mro
            .iter()
            .position(|t| Rc::ptr_eq(t, this))
            .map(|i| i + 1)
            .unwrap_or(mro.len());
        for t in &mro[start..] {
            let found = t.dict.borrow().get(name).cloned();
            if let Some(d) = found {
                // super() in a classmethod (obj is the class) vs. in a metaclass method (obj
                // is a class, but an instance of the metaclass being searched).
                let inst = match obj {
                    Value::Type(o) if Rc::ptr_eq(o, obj_type) => Value::None,
                    _ => obj.clone(),
                };
                return match &d {
                    Value::Native(nd) => match &nd.data {
                        NativeData::ClassMethod(f) => {
                            Ok(Some(Value::Method(Rc::new(super::object::PyMethod {
                                func: f.clone(),
                                slf: Value::Type(obj_type.clone()),
                            }))))
                        }
                        NativeData::StaticMethod(f) => Ok(Some(f.clone())),
                        _ => {
                            if inst.is_none() {
                                Ok(Some(d.clone()))
                            } else {
                                self.bind_descr(d.clone(), &inst, obj_type).map(Some)
                            }
                        }
                    },
                    Value::Func(_) | Value::Builtin(_) => {
                        if inst.is_none() {
                            // super() in a classmethod/__new__: plain function.
                            Ok(Some(d.clone()))
                        } else {
                            self.bind_descr(d.clone(), &inst, obj_type).map(Some)
                        }
                    }
                    _ => Ok(Some(d.clone())),
                };
            }
        }
        Ok(None)
    }
}

// ---------------------------------------------------------------- builtin functions

fn b_print(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    for (k, v) in kw {
        match &**k {
            "sep" => {
                if !v.is_none() {
                    sep = match v {
                        Value::Str(s) => s.s.to_string(),
                        _ => {
                            return Err(vm.type_error(format!(
                                "sep must be None or a string, not {}",
                                vm.type_name(v)
                            )))
                        }
                    }
                }
            }
            "end" => {
                if !v.is_none() {
                    end = match v {
                        Value::Str(s) => s.s.to_string(),
                        _ => {
                            return Err(vm.type_error(format!(
                                "end must be None or a string, not {}",
                                vm.type_name(v)
                            )))
                        }
                    }
                }
            }
            "file" => file = v.clone(),
            "flush" => {}
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&vm.str_of(a)?);
    }
    s.push_str(&end);
    vm.write_to_file(&file, &s)?;
    Ok(Value::None)
}

impl Vm {
    /// Write to a file object: sys.stdout/sys.stderr go to the output sink.
    pub fn write_to_file(&mut self, file: &Value, s: &str) -> PyResult<()> {
        match file {
            Value::None => {
                let out = self.sys_stream(Stream::Stdout);
                match out {
                    Some(v) if !is_std_stream(&v) => {
                        self.call_method_by_name(&v, "write", &[Value::str(s)])?;
                    }
                    _ => self.write_out(Stream::Stdout, s),
                }
            }
            v if is_std_stream(v) => {
                let stream = std_stream_of(v).unwrap_or(Stream::Stdout);
                self.write_out(stream, s);
            }
            v => {
                if self
                    .call_method_by_name(v, "write", &[Value::str(s)])?
                    .is_none()
                {
                    return Err(self.attr_error(format!(
                        "'{}' object has no attribute 'write'",
                        self.type_name(v)
                    )));
                }
            }
        }
        Ok(())
    }

    fn sys_stream(&mut self, s: Stream) -> Option<Value> {
        let sys = self.modules.get_str("sys")?;
        let Value::Module(m) = sys else { return None };
        m.dict.get_str(if s == Stream::Stdout {
            "stdout"
        } else {
            "stderr"
        })
    }
}

/// Marker data of sys.stdout / sys.stderr.
pub struct StdStream(pub Stream);

pub fn is_std_stream(v: &Value) -> bool {
    std_stream_of(v).is_some()
}

pub fn std_stream_of(v: &Value) -> Option<Stream> {
    match v {
        Value::Instance(i) => i.native::<StdStream>().map(|s| s.0),
        _ => None,
    }
}

fn b_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("len", args, 1, 1)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn b_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("repr", args, 1, 1)?;
    Ok(Value::string(vm.repr(&args[0])?))
}

fn b_ascii(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("ascii", args, 1, 1)?;
    let r = vm.repr(&args[0])?;
    Ok(Value::string(super::format::ascii_escape(&r)))
}

/// `isinstance`/`issubclass` against a class or (nested) tuple, stopping at the first match
/// as CPython does (later entries are not validated then).
/// What `isinstance` / `issubclass` ask about: an object (`inst`) or a class (`inst` None).
fn class_match(
    vm: &mut Vm,
    t: &Rc<PyType>,
    inst: Option<&Value>,
    spec: &Value,
    fname: &str,
    depth: u32,
) -> PyResult<bool> {
    match spec {
        Value::Type(c) => {
            // A metaclass's own __instancecheck__ / __subclasscheck__ decides (ABCs), after
            // CPython's exact-type shortcut for isinstance.
            let meta = c.meta.borrow().clone();
            if let Some(meta) = meta {
                let exact = inst.is_some() && Rc::ptr_eq(t, c);
                let hook = if inst.is_some() {
                    "__instancecheck__"
                } else {
                    "__subclasscheck__"
                };
                if let (false, Some(f @ Value::Func(_))) = (exact, meta.lookup(hook)) {
                    let arg = inst.cloned().unwrap_or_else(|| Value::Type(t.clone()));
                    let r = vm.call(&f, &[spec.clone(), arg], &[])?;
                    return vm.truthy(&r);
                }
            }
            Ok(t.is_subtype(c))
        }
        Value::Tuple(ts) if depth < 50 => {
            for c in ts.items.iter() {
                if class_match(vm, t, inst, c, fname, depth + 1)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        // `int | None` (types.UnionType): its members, as a tuple of them would be.
        Value::Instance(_) if depth < 50 && &*vm.type_name(spec) == "UnionType" => {
            let members = vm.getattr_str(spec, "__args__")?;
            class_match(vm, t, inst, &members, fname, depth + 1)
        }
        _ if super::generic_alias::parts(spec).is_some() => Err(vm.type_error(format!(
            "{fname}() argument 2 cannot be a parameterized generic"
        ))),
        _ => Err(vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn b_isinstance(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    }
    // `isinstance(x, int)` on an exact match: true at once (CPython's shortcut, taken before
    // any `__instancecheck__`), without cloning the type.
    if let Value::Type(c) = &args[1] {
        let exact = match &args[0] {
            Value::Instance(i) => Rc::ptr_eq(&i.cls.borrow(), c),
            v => vm.type_ref(v).is_some_and(|t| Rc::ptr_eq(t, c)),
        };
        if exact {
            return Ok(Value::Bool(true));
        }
    }
    let t = vm.type_of(&args[0]);
    Ok(Value::Bool(class_match(
        vm,
        &t,
        Some(&args[0]),
        &args[1],
        "isinstance",
        0,
    )?))
}

fn b_issubclass(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        )));
    }
    let Value::Type(t) = &args[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let t = t.clone();
    Ok(Value::Bool(class_match(
        vm,
        &t,
        None,
        &args[1],
        "issubclass",
        0,
    )?))
}

fn b_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("iter", args, 1, 2)?;
    if args.len() == 2 {
        let f = args[0].clone();
        let callable = match &f {
            Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
            v => vm.type_of(v).lookup("__call__").is_some(),
        };
        if !callable {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let sentinel = args[1].clone();
        let done = Cell::new(false);
        return Ok(vm.new_native(
            "callable_iterator",
            NativeData::FnIter(RefCell::new(Box::new(move |vm: &mut Vm| {
                if done.get() {
                    return Ok(None);
                }
                let v = vm.call(&f, &[], &[])?;
                if vm.eq(&v, &sentinel)? {
                    done.set(true);
                    return Ok(None);
                }
                Ok(Some(v))
            }))),
        ));
    }
    vm.get_iter(&args[0])
}

fn b_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("next", args, 1, 2)?;
    let it = &args[0];
    let is_iter = match it {
        Value::Gen(g) => g.kind == GenKind::Generator,
        Value::Native(_) => true,
        _ => vm.type_of(it).lookup("__next__").is_some(),
    };
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    let r = match it {
        Value::Gen(g) => {
            let g = g.clone();
            vm.gen_method(&g, ResumeHow::Send(Value::None)).map(Some)
        }
        _ => match vm.native_next(it) {
            Some(r) => r,
            None => match vm.call_dunder(it, "__next__", &[]) {
                Ok(v) => Ok(v),
                Err(e) => Err(e),
            },
        },
    };
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_error_args(ExcKind::StopIteration, vec![])),
        },
        Err(e) if args.len() == 2 && vm.exc_matches(&e, ExcKind::StopIteration) => {
            Ok(args[1].clone())
        }
        Err(e) => Err(e),
    }
}

fn fn_iter(
    vm: &Vm,
    name: &str,
    f: impl FnMut(&mut Vm) -> PyResult<Option<Value>> + 'static,
) -> Value {
    vm.new_native(name, NativeData::FnIter(RefCell::new(Box::new(f))))
}

fn b_enumerate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let start = match kw_get(kw, "start").or(args.get(1)) {
        Some(v) => vm.to_int(v)?,
        None => 0,
    };
    let Some(src) = args.first() else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let it = vm.get_iter(src)?;
    Ok(vm.new_native(
        "enumerate",
        NativeData::Enumerate {
            it,
            next: Cell::new(start),
        },
    ))
}

fn b_zip(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let strict = match kw_get(kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = Vec::new();
    for a in args {
        its.push(vm.get_iter(a)?);
    }
    let mut done = false;
    Ok(fn_iter(vm, "zip", move |vm| {
        if done || its.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(its.len());
        for (i, it) in its.iter().enumerate() {
            match vm.next(it)? {
                Some(v) => items.push(v),
                None => {
                    done = true;
                    if strict && i > 0 {
                        return Err(vm.value_error(format!(
                            "zip() argument {} is shorter than argument 1",
                            i + 1
                        )));
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::tuple(items)))
    }))
}

fn b_map(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = args[0].clone();
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(fn_iter(vm, "map", move |vm| {
        let mut items = Vec::with_capacity(its.len());
        for it in &its {
            match vm.next(it)? {
                Some(v) => items.push(v),
                None => return Ok(None),
            }
        }
        vm.call(&f, &items, &[]).map(Some)
    }))
}

fn b_filter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    let f = args[0].clone();
    let it = vm.get_iter(&args[1])?;
    Ok(fn_iter(vm, "filter", move |vm| loop {
        match vm.next(&it)? {
            Some(v) => {
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&f, &[v.clone()], &[])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            None => return Ok(None),
        }
    }))
}

fn b_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("reversed", args, 1, 1)?;
    let v = &args[0];
    let items = match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_) | Value::Bytes(_) => {
            vm.iter_to_vec(v)?
        }
        Value::Dict(d) => d.t.borrow().keys(),
        Value::Native(n) if matches!(n.data, NativeData::DictView { .. }) => vm.iter_to_vec(v)?,
        _ => {
            if let Some(r) = vm.call_dunder(v, "__reversed__", &[])? {
                return Ok(r);
            }
            if vm.type_of(v).lookup("__getitem__").is_some()
                && vm.type_of(v).lookup("__len__").is_some()
            {
                vm.iter_to_vec(v)?
            } else {
                return Err(
                    vm.type_error(format!("'{}' object is not reversible", vm.type_name(v)))
                );
            }
        }
    };
    let items: Vec<Value> = items.into_iter().rev().collect();
    let name = if let Value::List(_) = v {
        "list_reverseiterator"
    } else {
        "reversed"
    };
    Ok(vm.new_native(
        name,
        NativeData::ListIter {
            items,
            idx: Cell::new(0),
        },
    ))
}

impl Vm {
    /// Sort values in place (stable; only `<` is used, as CPython), with an optional key.
    pub fn sort_values(
        &mut self,
        items: &mut Vec<Value>,
        key: Option<&Value>,
        reverse: bool,
    ) -> PyResult<()> {
        let keys: Option<Vec<Value>> = match key {
            Some(k) if !k.is_none() => {
                let mut ks = Vec::with_capacity(items.len());
                for it in items.iter() {
                    ks.push(self.call(k, &[it.clone()], &[])?);
                }
                Some(ks)
            }
            _ => None,
        };
        let kv: Vec<Value> = keys.unwrap_or_else(|| items.clone());
        // CPython reverses, sorts stably and reverses again, so equal keys keep their order.
        let mut idx: Vec<usize> = (0..items.len()).collect();
        if reverse {
            idx.reverse();
        }
        let n = idx.len();
        if n < 64 {
            // CPython's timsort on a short list is one natural run plus binary insertion:
            // doing the same comparisons in the same order makes errors and side effects of
            // `__lt__` (which operand a TypeError names) match CPython.
            self.count_run_then_binary_insert(&mut idx, &kv)?;
            if reverse {
                idx.reverse();
            }
            let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
            *items = sorted;
            return Ok(());
        }
        // Bottom-up merge sort that only asks "is right < left?", so equal elements stay in
        // order and only `<` is used, as in CPython.
        let mut buf: Vec<usize> = Vec::with_capacity(n);
        let mut width = 1;
        while width < n {
            let mut lo = 0;
            while lo < n {
                let mid = (lo + width).min(n);
                let hi = (lo + 2 * width).min(n);
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    let (a, b) = (idx[i], idx[j]);
                    if self.lt(&kv[b], &kv[a])? {
                        buf.push(b);
                        j += 1;
                    } else {
                        buf.push(a);
                        i += 1;
                    }
                }
                buf.extend_from_slice(&idx[i..mid]);
                buf.extend_from_slice(&idx[j..hi]);
                idx[lo..hi].copy_from_slice(&buf);
                lo = hi;
            }
            width *= 2;
        }
        if reverse {
            idx.reverse();
        }
        let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
        *items = sorted;
        Ok(())
    }
}

impl Vm {
    /// `count_run` and `binarysort` from CPython's listobject.c, over indices into `kv`.
    fn count_run_then_binary_insert(&mut self, idx: &mut [usize], kv: &[Value]) -> PyResult<()> {
        let n = idx.len();
        if n < 2 {
            return Ok(());
        }
        let mut run = 2;
        if self.lt(&kv[idx[1]], &kv[idx[0]])? {
            while run < n && self.lt(&kv[idx[run]], &kv[idx[run - 1]])? {
                run += 1;
            }
            idx[..run].reverse();
        } else {
            while run < n && !self.lt(&kv[idx[run]], &kv[idx[run - 1]])? {
                run += 1;
            }
        }
        for start in run..n {
            let pivot = idx[start];
            let (mut l, mut r) = (0, start);
            while l < r {
                let p = l + (r - l) / 2;
                if self.lt(&kv[pivot], &kv[idx[p]])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            idx.copy_within(l..start, l + 1);
            idx[l] = pivot;
        }
        Ok(())
    }
}

fn b_sorted(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = vm.iter_to_vec(&args[0])?;
    let reverse = match kw_get(kw, "reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    vm.sort_values(&mut items, kw_get(kw, "key"), reverse)?;
    Ok(Value::list(items))
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &KwArgs, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    if args.len() > 1 && kw_get(kw, "default").is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let items = if args.len() == 1 {
        vm.iter_to_vec(&args[0])?
    } else if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    } else {
        args.to_vec()
    };
    let key = kw_get(kw, "key").cloned().filter(|k| !k.is_none());
    if items.is_empty() {
        if let Some(d) = kw_get(kw, "default") {
            return Ok(d.clone());
        }
        return Err(vm.value_error(format!("{name}() arg is an empty sequence")));
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, &[best.clone()], &[])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, &[it.clone()], &[])?,
            None => it.clone(),
        };
        let better = if is_max {
            vm.lt(&best_key, &k)?
        } else {
            vm.lt(&k, &best_key)?
        };
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn b_min(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, false)
}
fn b_max(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, true)
}

fn b_sum(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("sum", args, 1, 2)?;
    let mut acc = kw_get(kw, "start")
        .or(args.get(1))
        .cloned()
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let items = vm.iter_to_vec(&args[0])?;
    for it in items {
        acc = vm.binary_op(&acc, &it, crate::lang::bytecode::BinaryOpKind::Add)?;
    }
    Ok(acc)
}

fn b_abs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("abs", args, 1, 1)?;
    match &args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => super::long::norm(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        }),
        Value::Long(b) => Ok(super::long::norm(b.magnitude().clone().into())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => match vm.call_dunder(v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => {
                Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v))))
            }
        },
    }
}

fn b_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn b_id(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("id", args, 1, 1)?;
    let a = vm.addr_of(&args[0]);
    Ok(Value::Int(
        i64::from_str_radix(a.trim_start_matches("0x"), 16).unwrap_or(0),
    ))
}

fn b_callable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("callable", args, 1, 1)?;
    Ok(Value::Bool(match &args[0] {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        v @ (Value::Instance(_) | Value::Native(_)) => vm.type_of(v).lookup("__call__").is_some(),
        _ => false,
    }))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the top package for
/// `import a.b`, the named module itself when `fromlist` asks for names from it.
fn b_import(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    if args.len() > 5 {
        return Err(vm.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            args.len()
        )));
    }
    for (k, _) in kw {
        if !NAMES.contains(&&**k) {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for __import__()"
            )));
        }
    }
    let get = |i: usize| {
        args.get(i)
            .or_else(|| super::object::kw_get(kw, NAMES[i]))
            .cloned()
    };
    let name = match get(0) {
        Some(Value::Str(s)) => s.s.to_string(),
        Some(_) => return Err(vm.type_error("module name must be a string")),
        None => return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)")),
    };
    let level = match get(4) {
        None => 0,
        Some(v) => vm.to_index(&v)?,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if level > 0 {
        return Err(vm.new_error(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    if name.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let leaf = match get(3) {
        None | Some(Value::None) => false,
        Some(v) => vm.truthy(&v)?,
    };
    vm.import(&name, leaf)
}

fn b_getattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("getattr", args, 2, 3)?;
    if !matches!(args[1], Value::Str(_)) {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&args[1])
        )));
    }
    match vm.getattr(&args[0], &args[1]) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.exc_matches(&e, ExcKind::AttributeError) => {
            Ok(args[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn b_hasattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("hasattr", args, 2, 2)?;
    match vm.getattr(&args[0], &args[1]) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("setattr", args, 3, 3)?;
    vm.setattr(&args[0], &args[1], args[2].clone())?;
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("delattr", args, 2, 2)?;
    vm.delattr(&args[0], &args[1])?;
    Ok(Value::None)
}

fn b_chr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("chr", args, 1, 1)?;
    // chr takes a C int: anything wider overflows before the range check.
    let too_wide = || "Python int too large to convert to C int";
    if matches!(args[0], Value::Long(_)) {
        return Err(vm.new_error(ExcKind::OverflowError, too_wide()));
    }
    let i = vm.to_int(&args[0])?;
    if i32::try_from(i).is_err() {
        return Err(vm.new_error(ExcKind::OverflowError, too_wide()));
    }
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("ord", args, 1, 1)?;
    match super::subclass::payload(&args[0]).unwrap_or(&args[0]) {
        Value::Str(s) if s.nchars == 1 => Ok(Value::Int(
            s.s.chars().next().map(|c| c as i64).unwrap_or(0),
        )),
        Value::Str(s) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.nchars
        ))),
        v => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, prefix: &str, r: u32) -> PyResult<Value> {
    vm.check_args(name, args, 1, 1)?;
    if let Value::Long(b) = &args[0] {
        let sign = if b.sign() == num_bigint::Sign::Minus {
            "-"
        } else {
            ""
        };
        let digits = super::long::to_radix_abs(b, r);
        return Ok(Value::string(format!("{sign}{prefix}{digits}")));
    }
    let i = vm.to_index(&args[0])?;
    let mag = i.unsigned_abs();
    let digits = match r {
        2 => format!("{mag:b}"),
        8 => format!("{mag:o}"),
        _ => format!("{mag:x}"),
    };
    Ok(Value::string(format!(
        "{}{}{}",
        if i < 0 { "-" } else { "" },
        prefix,
        digits
    )))
}
fn b_hex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}
fn b_oct(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}
fn b_bin(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}

fn b_any(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("any", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("all", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn b_round(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("round", args, 1, 2)?;
    let nd = kw_get(kw, "ndigits")
        .or(args.get(1))
        .cloned()
        .unwrap_or(Value::None);
    match &args[0] {
        Value::Int(i) => {
            if nd.is_none() {
                return Ok(Value::Int(*i));
            }
            let n = vm.to_bigint(&nd)?;
            if n >= num_bigint::BigInt::from(0) {
                return Ok(Value::Int(*i));
            }
            let Some(n) = i64::try_from(&n).ok().filter(|n| *n > -19) else {
                return super::long::round(&num_bigint::BigInt::from(*i), &n)
                    .map_err(|e| vm.num_err(e));
            };
            let p = 10i64
                .checked_pow(n.unsigned_abs().min(64) as u32)
                .unwrap_or(i64::MAX);
            let q = i.div_euclid(p);
            let r = i.rem_euclid(p);
            let half = p / 2;
            let q = if r > half || (r == half && q % 2 != 0 && p % 2 == 0) {
                q + 1
            } else {
                q
            };
            match q.checked_mul(p) {
                Some(v) => Ok(Value::Int(v)),
                None => super::long::round(&num_bigint::BigInt::from(*i), &n.into())
                    .map_err(|e| vm.num_err(e)),
            }
        }
        Value::Long(b) => {
            if nd.is_none() {
                return Ok(args[0].clone());
            }
            let n = vm.to_bigint(&nd)?;
            super::long::round(b, &n).map_err(|e| vm.num_err(e))
        }
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if nd.is_none() {
                let r = round_half_even(*f);
                if r.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if !r.is_finite() {
                    return Err(vm.new_error(
                        ExcKind::OverflowError,
                        "cannot convert float infinity to integer",
                    ));
                }
                return Ok(super::long::norm(super::long::from_f64(r)));
            }
            let n = vm.to_int(&nd)?;
            Ok(Value::Float(numeric_round(*f, n)))
        }
        v => match vm.call_dunder(v, "__round__", &args[1..])? {
            Some(r) => Ok(r),
            None => Err(vm.type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(v)
            ))),
        },
    }
}

/// `round(x, n)` for floats: correctly rounded through the decimal string, as CPython does.
pub fn numeric_round(f: f64, n: i64) -> f64 {
    if !f.is_finite() {
        return f;
    }
    if n >= 0 {
        if n > 320 {
            return f;
        }
        return format!("{:.*}", n as usize, f).parse().unwrap_or(f);
    }
    let p = 10f64.powi(n.unsigned_abs().min(320) as i32);
    round_half_even(f / p) * p
}

pub fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

fn b_divmod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("divmod", args, 2, 2)?;
    // Subclasses of int/float without their own __divmod__: the values they carry.
    let unwrapped: Vec<Value> = args
        .iter()
        .map(|a| match super::subclass::payload(a) {
            Some(p) if vm.type_of(a).lookup("__divmod__").is_none() => p.clone(),
            _ => a.clone(),
        })
        .collect();
    let args = &unwrapped[..];
    use crate::lang::bytecode::BinaryOpKind as K;
    match (&args[0], &args[1]) {
        (Value::Int(_), Value::Int(0)) => {
            return Err(vm.zero_div("integer division or modulo by zero"))
        }
        (Value::Float(_) | Value::Int(_) | Value::Long(_), Value::Float(z)) if *z == 0.0 => {
            return Err(vm.zero_div("float divmod()"))
        }
        (Value::Float(_), Value::Int(0)) => return Err(vm.zero_div("float divmod()")),
        _ => {}
    }
    let num = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Long(_)
        )
    };
    if !(num(&args[0]) && num(&args[1])) {
        for (x, y, name) in [
            (&args[0], &args[1], "__divmod__"),
            (&args[1], &args[0], "__rdivmod__"),
        ] {
            if let Some(r) = vm.call_dunder(x, name, std::slice::from_ref(y))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(&args[0]),
            vm.type_name(&args[1])
        )));
    }
    let q = vm.binary_op(&args[0], &args[1], K::FloorDiv)?;
    let r = vm.binary_op(&args[0], &args[1], K::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

/// Inverse of `a` modulo `m` (m > 0) by the extended Euclidean algorithm.
fn mod_inverse(a: i128, m: i128) -> Option<i128> {
    let (mut old_r, mut r) = (a.rem_euclid(m), m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    if old_r == 1 {
        Some(old_s.rem_euclid(m))
    } else {
        None
    }
}

fn b_pow(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("pow", args, 2, 3)?;
    if args.len() == 3 && !args[2].is_none() {
        if args.iter().any(|a| matches!(a, Value::Long(_))) {
            let (b, e, m) = (
                vm.to_bigint(&args[0])?,
                vm.to_bigint(&args[1])?,
                vm.to_bigint(&args[2])?,
            );
            return super::long::pow_mod(&b, &e, &m).map_err(|e| vm.num_err(e));
        }
        let (b, e, m) = (
            vm.to_int(&args[0])?,
            vm.to_int(&args[1])?,
            vm.to_int(&args[2])?,
        );
        if m == 0 {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let m128 = m as i128;
        let mut b = (b as i128).rem_euclid(m128);
        let mut e = e as i128;
        if e < 0 {
            // CPython 3.8+: a negative exponent uses the modular inverse of the base.
            let Some(inv) = mod_inverse(b, m128.abs()) else {
                return Err(vm.value_error("base is not invertible for the given modulus"));
            };
            b = inv.rem_euclid(m128);
            e = -e;
        }
        let mut r = 1i128.rem_euclid(m128);
        while e > 0 {
            if e & 1 == 1 {
                r = (r * b).rem_euclid(m128);
            }
            b = (b * b).rem_euclid(m128);
            e >>= 1;
        }
        let mut r = r as i64;
        if m < 0 && r > 0 {
            r += m;
        }
        return Ok(Value::Int(r));
    }
    vm.binary_op(&args[0], &args[1], crate::lang::bytecode::BinaryOpKind::Pow)
}

fn b_format(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.s.to_string(),
        _ => String::new(),
    };
    Ok(Value::string(vm.format(&args[0], &spec)?))
}

fn b_globals(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match vm.frames.last() {
        Some(f) => Ok(Value::Dict(f.globals.clone())),
        None => Ok(Value::None),
    }
}

fn b_locals(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(Value::None);
    };
    Ok(Value::Dict(super::frame_obj::frame_locals(f)))
}

fn b_vars(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return b_locals(vm, args, kw);
    }
    vm.check_args("vars", args, 0, 1)?;
    match vm.getattr_str(&args[0], "__dict__") {
        Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        r => r,
    }
}

fn b_dir(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    match args.first() {
        None => {
            if let Some(f) = vm.frames.last() {
                let d = f.locals_dict.clone().unwrap_or_else(|| f.globals.clone());
                for k in d.t.borrow().keys() {
                    if let Value::Str(s) = k {
                        names.push(s.s.to_string());
                    }
                }
            }
        }
        Some(Value::Module(m)) => {
            for k in m.dict.t.borrow().keys() {
                if let Value::Str(s) = k {
                    names.push(s.s.to_string());
                }
            }
        }
        Some(v) => {
            let own = vm.type_of(v);
            if let Some(f @ Value::Func(_)) = own.lookup("__dir__") {
                // A class's own `__dir__` decides (CPython: `dir()` sorts what it returns).
                let r = vm.call_descr(&f, v, &own, &[])?;
                return b_sorted(vm, &[r], &[]);
            }
            if let Value::Instance(i) = v {
                for (k, _) in i.dict.borrow().iter() {
                    names.push(k.to_string());
                }
            }
            let t = match v {
                Value::Type(t) => t.clone(),
                _ => own,
            };
            let mut has_dict = false;
            for c in t.mro() {
                for (k, _) in c.dict.borrow().iter() {
                    names.push(k.to_string());
                }
                let slots = c.dict.borrow().get("__slots__").cloned();
                match slots {
                    // Slots are member descriptors in CPython's class dict; loopscope keeps none.
                    Some(Value::Str(n)) => names.push(n.s.to_string()),
                    Some(Value::Tuple(t)) => names.extend(slot_names(&t.items)),
                    Some(Value::List(l)) => names.extend(slot_names(&l.items.borrow())),
                    Some(_) => {}
                    None => has_dict |= !c.builtin,
                }
            }
            // What CPython's `object` (and a class without `__slots__`) defines but loopscope
            // resolves without a dict entry: `dir()` lists them all the same.
            names.extend(
                [
                    "__class__",
                    "__doc__",
                    "__ge__",
                    "__getstate__",
                    "__gt__",
                    "__le__",
                    "__lt__",
                    "__reduce_ex__",
                    "__sizeof__",
                ]
                .map(String::from),
            );
            if has_dict {
                names.extend(["__dict__", "__weakref__"].map(String::from));
            }
        }
    }
    // `$`-names (the `match` helpers and temporaries) are no identifiers a script could use.
    names.retain(|n| !n.starts_with('$'));
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn slot_names(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .filter_map(|v| match v {
            Value::Str(n) => Some(n.s.to_string()),
            _ => None,
        })
        .collect()
}

fn b_build_class(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.type_error("__build_class__ must be called by a class statement"))
}

fn b_aiter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("aiter", args, 1, 1)?;
    let t = vm.type_of(&args[0]);
    if !matches!(&args[0], Value::Gen(g) if g.kind == GenKind::AsyncGenerator)
        && t.lookup("__aiter__").is_none()
    {
        return Err(vm.type_error(format!("'{}' object is not an async iterable", t.tp_name())));
    }
    let it = match t.lookup("__aiter__") {
        Some(f) => vm.call_descr(&f, &args[0], &t, &[])?,
        None => args[0].clone(),
    };
    if !is_async_iterator(vm, &it) {
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

fn is_async_iterator(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Gen(g) if g.kind == GenKind::AsyncGenerator)
        || vm.type_of(v).lookup("__anext__").is_some()
}

/// `anext(it, default)`: an awaitable turning StopAsyncIteration into `default` (CPython's
/// anext_awaitable), as a coroutine compiled once per VM.
const ANEXT_DEFAULT: &str = "async def anext_default(it, default):
    try:
        return await type(it).__anext__(it)
    except StopAsyncIteration:
        return default
";

fn b_anext(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("anext", args, 1, 2)?;
    if !is_async_iterator(vm, &args[0]) {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(&args[0])
        )));
    }
    let Some(default) = args.get(1) else {
        return vm.get_anext_awaitable(&args[0]);
    };
    let helper = match vm.modules.get_str("_loopscope_anext") {
        Some(Value::Module(m)) => m,
        _ => {
            let m = crate::modules::pysource::load(
                vm,
                "_loopscope_anext",
                "<loopscope>/anext.py",
                ANEXT_DEFAULT,
            )?;
            vm.modules
                .set_str("_loopscope_anext", Value::Module(m.clone()));
            m
        }
    };
    let f = helper.dict.get_str("anext_default").unwrap_or(Value::None);
    vm.call(&f, &[args[0].clone(), default.clone()], &[])
}

fn b_input(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error(ExcKind::EOFError, "EOF when reading a line"))
}

/// A compile-time error as the Python exception CPython raises: SyntaxError (or its
/// IndentationError/TabError subclasses) with `msg`, `filename`, `lineno`, `offset`, `text`.
fn syntax_error_value(
    vm: &mut Vm,
    e: &crate::lang::error::SyntaxError,
    src: &crate::lang::span::SourceFile,
    from_parser: bool,
) -> Exc {
    use crate::lang::error::SyntaxErrorKind;
    let kind = match e.kind {
        SyntaxErrorKind::SyntaxError => ExcKind::SyntaxError,
        SyntaxErrorKind::IndentationError => ExcKind::IndentationError,
        SyntaxErrorKind::TabError => ExcKind::TabError,
    };
    let line = e.span.line;
    // The parser quotes the line it read; the compiler's errors (CPython: symtable and
    // codegen) look the line up by file name, which compile()'s source never has.
    // CPython's tokenizer quotes its own errors' line without the newline.
    let text = match src.line_text(line) {
        Some(t) if from_parser && e.char_offsets => Value::str(t),
        Some(t) if from_parser => Value::string(format!("{t}\n")),
        _ => Value::None,
    };
    // Errors the tokenizer pins on indentation carry no column (no caret); CPython still
    // reports an offset there: the end of the line for a bad unindent, 1 for a TabError,
    // else the indentation's width.
    let offset = if e.span.col != 0 {
        i64::from(e.span.col)
    } else {
        let t = src.line_text(line).unwrap_or("");
        if e.msg.starts_with("unindent does not match") {
            t.chars().count() as i64 + 1
        } else if e.kind == SyntaxErrorKind::TabError {
            1
        } else {
            (t.len() - t.trim_start().len()) as i64
        }
    };
    let end_offset = if e.span.col != 0 && e.span.end > e.span.start {
        let covered = src
            .text
            .get(e.span.start as usize..e.span.end as usize)
            .map_or(0, |t| t.chars().count());
        offset + covered as i64
    } else if e.char_offsets && e.span.col != 0 {
        // The tokenizer's errors end where they start.
        offset
    } else {
        -1
    };
    let offset = Value::Int(offset);
    let details = Value::tuple(vec![
        Value::string(src.name.to_string()),
        Value::Int(i64::from(line)),
        offset.clone(),
        text.clone(),
        Value::Int(i64::from(line)),
        Value::Int(end_offset),
    ]);
    let exc = vm.new_error_args(kind, vec![Value::string(e.msg.clone()), details]);
    let obj = Value::Instance(exc.clone());
    let attrs = [
        ("msg", Value::string(e.msg.clone())),
        ("filename", Value::string(src.name.to_string())),
        ("lineno", Value::Int(i64::from(line))),
        ("offset", offset),
        ("text", text),
        ("end_lineno", Value::Int(i64::from(line))),
        ("end_offset", Value::Int(end_offset)),
    ];
    for (name, v) in attrs {
        // Setting a plain attribute on a fresh exception instance cannot fail.
        let _ = vm.setattr(&obj, &Value::string(name.to_string()), v);
    }
    exc
}

/// Parse and compile `text`, errors as Python SyntaxError instances.
/// Parse `text` as a module named `filename`, errors as Python SyntaxError instances.
fn parse_text(
    vm: &mut Vm,
    text: &str,
    filename: &str,
) -> PyResult<(Rc<crate::lang::span::SourceFile>, crate::lang::ast::Module)> {
    let src = Rc::new(crate::lang::span::SourceFile::new(
        filename,
        text.to_string(),
    ));
    match crate::lang::parser::parse_module(&src) {
        Ok(m) => Ok((src, m)),
        Err(e) => Err(syntax_error_value(vm, &e, &src, true)),
    }
}

fn compile_text(vm: &mut Vm, text: &str, filename: &str) -> PyResult<Rc<super::object::PyCode>> {
    let (src, module) = parse_text(vm, text, filename)?;
    // The source is not registered under `filename`: CPython's tracebacks read lines from
    // the file of that name (`<string>` has none), and a script's own name must keep its text.
    match crate::lang::compiler::compile_module(&module, &src) {
        Ok(code) => Ok(Rc::new(super::object::PyCode::new(code))),
        Err(e) => Err(syntax_error_value(vm, &e, &src, false)),
    }
}

/// Parse and compile `text` as one expression (`eval`, `compile(..., "eval")`). CPython
/// skips the spaces and tabs it starts with; anything but a single expression is the
/// "invalid syntax" CPython reports, pointing where the expression could not go on.
fn compile_eval_text(
    vm: &mut Vm,
    text: &str,
    filename: &str,
) -> PyResult<Rc<super::object::PyCode>> {
    use crate::lang::ast::StmtKind;
    let (src, module) = parse_text(vm, text.trim_start_matches([' ', '\t']), filename)?;
    let empty = src.text.trim().is_empty();
    let bad_at = |start: u32, len: u32| {
        let (line, col) = line_col(&src.text, start);
        crate::lang::error::SyntaxError::new(
            "invalid syntax",
            crate::lang::span::Span::new(start, start + len, line, col),
        )
    };
    let err = match module.body.as_slice() {
        [] => bad_at(src.text.len() as u32, 0),
        [first, rest @ ..] => match (&first.kind, rest.first()) {
            (StmtKind::Expr(_), None) => {
                return match crate::lang::compiler::compile_eval_raw(&module, filename) {
                    // Not registered as a source: see `compile_text`.
                    Ok(code) => Ok(Rc::new(super::object::PyCode::new(code))),
                    Err(e) => {
                        let e = crate::lang::error::SyntaxError::new(e.msg, e.span);
                        Err(syntax_error_value(vm, &e, &src, false))
                    }
                };
            }
            // `1; 2` stops at the `;`, `1\n2` at the second line's first token.
            (StmtKind::Expr(e), Some(next)) if next.span.line > e.span.line => {
                bad_at(next.span.start, 1)
            }
            (StmtKind::Expr(e), Some(_)) => bad_at(next_token(&src.text, e.span.end), 1),
            (StmtKind::Assign { targets, .. }, _) if !targets.is_empty() => {
                bad_at(next_token(&src.text, targets[0].span.end), 1)
            }
            (StmtKind::AugAssign { target, .. } | StmtKind::AnnAssign { target, .. }, _) => {
                let at = next_token(&src.text, target.span.end);
                // The operator token: `+=`, `//=`, `:`.
                let op = src.text[at as usize..]
                    .find(['=', ':'])
                    .map_or(1, |i| i as u32 + 1);
                bad_at(at, op)
            }
            // A statement keyword (`pass`, `import`, `if`): the keyword.
            _ => {
                let word = src.text[first.span.start as usize..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .count();
                bad_at(first.span.start, word.max(1) as u32)
            }
        },
    };
    let exc = syntax_error_value(vm, &err, &src, true);
    // The eval parser quotes its line without the newline; an empty source has no line.
    let obj = Value::Instance(exc.clone());
    let fix: &[(&str, Value)] = if empty {
        &[
            ("lineno", Value::Int(0)),
            ("offset", Value::Int(0)),
            ("end_lineno", Value::Int(0)),
            ("end_offset", Value::Int(0)),
            ("text", Value::str("")),
        ]
    } else {
        &[(
            "text",
            Value::str(src.line_text(err.span.line).unwrap_or("")),
        )]
    };
    for (name, v) in fix {
        // Setting a plain attribute on a fresh exception instance cannot fail.
        let _ = vm.setattr(&obj, &Value::string(name.to_string()), v.clone());
    }
    Err(exc)
}

/// The byte offset of the first non-blank character at or after `from`.
fn next_token(text: &str, from: u32) -> u32 {
    let rest = text.get(from as usize..).unwrap_or("");
    from + (rest.len() - rest.trim_start_matches([' ', '\t']).len()) as u32
}

/// 1-based line and column (in characters) of the byte offset `at`.
fn line_col(text: &str, at: u32) -> (u32, u32) {
    let before = text.get(..at as usize).unwrap_or(text);
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() as u32 + 1)
}

/// `eval(source[, globals[, locals]])`: evaluate one expression in the caller's (or the
/// given) namespaces; the caller's locals are a snapshot, as `locals()` gives.
fn b_eval(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if let Some((k, _)) = kw
        .iter()
        .find(|(k, _)| !matches!(&**k, "globals" | "locals"))
    {
        return Err(vm.type_error(format!("eval() got an unexpected keyword argument '{k}'")));
    }
    vm.check_args("eval", args, 1, 3)?;
    let arg = |i: usize, name: &str| -> Option<Value> {
        args.get(i).cloned().or_else(|| {
            kw.iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
        })
    };
    let pc = match &args[0] {
        Value::Str(text) => compile_eval_text(vm, text.as_str(), "<string>")?,
        Value::Bytes(b) => {
            let text = String::from_utf8_lossy(&b.b).into_owned();
            compile_eval_text(vm, &text, "<string>")?
        }
        Value::Code(c) => c.clone(),
        _ => return Err(vm.type_error("eval() arg 1 must be a string, bytes or code object")),
    };
    let given_globals = arg(1, "globals").filter(|v| !v.is_none());
    let given_locals = arg(2, "locals").filter(|v| !v.is_none());
    let globals = match &given_globals {
        Some(Value::Dict(d)) => d.clone(),
        Some(other) => {
            let msg = if given_locals.is_some() {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                format!("globals must be a dict, not {}", vm.type_name(other))
            };
            return Err(vm.type_error(msg));
        }
        None => match vm.frames.last() {
            Some(f) => f.globals.clone(),
            None => Rc::new(PyDict::new()),
        },
    };
    let locals = match (&given_locals, &given_globals) {
        (Some(Value::Dict(d)), _) => d.clone(),
        (Some(other), _) => {
            return Err(vm.type_error(format!(
                "locals must be a mapping, not {}",
                vm.type_name(other)
            )))
        }
        (None, Some(_)) => globals.clone(),
        (None, None) => match b_locals(vm, &[], &[])? {
            Value::Dict(d) => d,
            _ => globals.clone(),
        },
    };
    ensure_builtins(vm, &globals);
    run_in_namespaces(vm, pc, globals, locals)
}

/// Give `globals` the `__builtins__` entry exec'd and eval'd code looks names up through.
fn ensure_builtins(vm: &mut Vm, globals: &PyDict) {
    if globals.get_str("__builtins__").is_none() {
        let b = vm.builtins_module();
        globals.set_str("__builtins__", Value::Module(b));
    }
}

/// Run module-level code with its names stored in `locals` and functions seeing `globals`.
fn run_in_namespaces(
    vm: &mut Vm,
    pc: Rc<super::object::PyCode>,
    globals: Rc<PyDict>,
    locals: Rc<PyDict>,
) -> PyResult<Value> {
    let mut f = vm.new_frame(pc, globals, vec![], vec![], None);
    f.locals_dict = Some(locals);
    vm.run_nested(f)
}

/// `compile(source, filename, mode)`: a code object for `exec` (mode "exec": statements) or
/// `eval` (mode "eval": one expression). Mode "single" (the REPL's) is not supported.
fn b_compile(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mut slots: [Option<Value>; 3] = [None, None, None];
    for (i, a) in args.iter().enumerate() {
        match slots.get_mut(i) {
            Some(slot) => *slot = Some(a.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "compile() takes at most 3 positional arguments here ({} given)",
                    args.len()
                )))
            }
        }
    }
    for (k, v) in kw.iter() {
        let i = match &**k {
            "source" => 0,
            "filename" => 1,
            "mode" => 2,
            "flags" | "dont_inherit" | "optimize" => continue,
            other => {
                return Err(vm.type_error(format!(
                    "compile() got an unexpected keyword argument '{other}'"
                )))
            }
        };
        slots[i] = Some(v.clone());
    }
    let [Some(source), Some(filename), Some(mode)] = slots else {
        return Err(
            vm.type_error("compile() missing required argument 'source', 'filename' or 'mode'")
        );
    };
    let Value::Str(text) = &source else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let filename = vm.str_of(&filename)?;
    let mode = vm.str_of(&mode)?;
    match &*mode {
        "exec" => {}
        "eval" => {
            return Ok(Value::Code(compile_eval_text(
                vm,
                text.as_str(),
                &filename,
            )?))
        }
        "single" => {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                format!("compile() mode '{mode}' is not supported by loopscope yet (use 'exec')"),
            ))
        }
        _ => {
            return Err(vm.new_error(
                ExcKind::ValueError,
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    }
    let code = compile_text(vm, text.as_str(), &filename)?;
    Ok(Value::Code(code))
}

/// `exec(source_or_code[, globals])`: compile (if needed) and run statements in the
/// caller's (or the given) namespace.
fn b_exec(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("exec", args, 1, 3)?;
    let pc = match &args[0] {
        Value::Str(text) => compile_text(vm, text.as_str(), "<string>")?,
        Value::Code(c) => c.clone(),
        other => {
            return Err(vm.type_error(format!(
                "exec() arg 1 must be a string, bytes or code object, not {}",
                vm.type_name(other)
            )))
        }
    };
    let globals = match args.get(1) {
        Some(Value::Dict(d)) => d.clone(),
        Some(Value::None) | None => match vm.frames.last() {
            Some(f) => f.locals_dict.clone().unwrap_or_else(|| f.globals.clone()),
            None => Rc::new(PyDict::new()),
        },
        Some(other) => {
            return Err(vm.type_error(format!(
                "exec() globals must be a dict, not {}",
                vm.type_name(other)
            )))
        }
    };
    ensure_builtins(vm, &globals);
    // exec(code, globals, locals): names are stored in `locals`, functions see `globals`.
    let locals = match args.get(2) {
        Some(Value::Dict(d)) => d.clone(),
        Some(Value::None) | None => globals.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "locals must be a mapping or None, not {}",
                vm.type_name(other)
            )))
        }
    };
    run_in_namespaces(vm, pc, globals, locals)?;
    Ok(Value::None)
}

fn b_exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error_args(ExcKind::SystemExit, args.to_vec()))
}

/// Register every built-in function, type method and module.
pub fn register_all(vm: &mut Vm) {
    let fns: &[(&str, super::NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("iter", b_iter),
        ("enumerate", b_enumerate),
        ("zip", b_zip),
        ("map", b_map),
        ("filter", b_filter),
        ("reversed", b_reversed),
        ("sorted", b_sorted),
        ("min", b_min),
        ("max", b_max),
        ("sum", b_sum),
        ("abs", b_abs),
        ("hash", b_hash),
        ("id", b_id),
        ("callable", b_callable),
        ("getattr", b_getattr),
        ("__import__", b_import),
        ("hasattr", b_hasattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("chr", b_chr),
        ("ord", b_ord),
        ("hex", b_hex),
        ("oct", b_oct),
        ("bin", b_bin),
        ("any", b_any),
        ("all", b_all),
        ("round", b_round),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("format", b_format),
        ("globals", b_globals),
        ("locals", b_locals),
        ("vars", b_vars),
        ("dir", b_dir),
        ("__build_class__", b_build_class),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("input", b_input),
        ("exit", b_exit),
        ("exec", b_exec),
        ("eval", b_eval),
        ("compile", b_compile),
        ("quit", b_exit),
        ("$match_seq", super::matching::match_seq),
        ("$match_map", super::matching::match_map),
        ("$match_class", super::matching::match_class),
    ];
    for (n, f) in fns {
        vm.add_builtin(n, *f);
    }
    // `next` resumes generators without recursion when called from Python code.
    let next = Value::Builtin(Rc::new(super::object::PyBuiltin {
        name: Rc::from("next"),
        imp: super::object::NativeImpl::Fn(b_next),
        bound: None,
        special: super::object::Special::Next,
        owner: None,
        module: Some(Rc::from("builtins")),
    }));
    vm.builtins.set_str("next", next);
    let t = vm.types.clone();
    for ty in [
        &t.object,
        &t.type_,
        &t.int,
        &t.bool_,
        &t.float,
        &t.str_,
        &t.bytes,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.super_,
    ] {
        let n = ty.name();
        vm.builtins.set_str(&n, Value::Type(ty.clone()));
    }
    for e in vm.exc_types.clone() {
        let n = e.name();
        vm.builtins.set_str(&n, Value::Type(e));
    }
    vm.builtins.set_str("None", Value::None);
    vm.builtins.set_str("True", Value::Bool(true));
    vm.builtins.set_str("False", Value::Bool(false));
    vm.builtins.set_str("NotImplemented", Value::NotImplemented);
    vm.builtins.set_str("Ellipsis", Value::Ellipsis);
    vm.builtins.set_str(
        "EnvironmentError",
        Value::Type(vm.exc_type(ExcKind::OSError)),
    );
    vm.builtins
        .set_str("IOError", Value::Type(vm.exc_type(ExcKind::OSError)));
    vm.builtins.set_str("__name__", Value::str("builtins"));
    super::methods::register(vm);
    super::bytes_methods::register(vm);
    // After every method of the built-in types exists (their slots replace some).
    super::subclass::register(vm);
    super::bytearray::register(vm);
    register_complex(vm);
}

/// `complex` as a name: CPython's numeric modules test `isinstance(x, complex)` and
/// `numbers` registers it as a `Complex`, so the type exists (no value is ever an instance of
/// it); making one fails as the literal `1j` does, complex numbers being outside the subset.
fn register_complex(vm: &mut Vm) {
    fn complex_new(
        vm: &mut Vm,
        _cls: &Rc<PyType>,
        _args: &[Value],
        _kw: &KwArgs,
    ) -> PyResult<Value> {
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "complex numbers are not supported yet",
        ))
    }
    if let Ok(t) = vm.new_native_class("complex", "builtins", &[], Some(complex_new)) {
        vm.builtins.set_str("complex", Value::Type(t));
    }
}

/// Keep the generator helpers reachable for other files.
pub fn gen_of(v: &Value) -> Option<&Rc<PyGen>> {
    match v {
        Value::Gen(g) => Some(g),
        _ => None,
    }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    Value::Range(Rc::new(PyRange { start, stop, step }))
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::Slice(Rc::new(PySlice { start, stop, step }))
}
