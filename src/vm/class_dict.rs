//! A class's `__dict__` (and `vars(cls)`) as CPython shows it: a read-only `mappingproxy` over
//! the class namespace, in its order, with what `type_new` adds to it: `__module__` (when the
//! namespace has none), the slots' member descriptors and the instances' `__dict__` and
//! `__weakref__` descriptors (after the body's last key), `__doc__` (None when the body has no
//! docstring) and `__hash__` (None when the body defines `__eq__` only).
//!
//! `__doc__` and `__hash__` are plain values and go into the class's `StrMap` when the class is
//! made (`B.__doc__` is then B's own None, not its base's docstring, as in CPython). The
//! descriptors are objects, and attribute lookups do not need them (the VM resolves instance
//! `__dict__`s and slots itself), so they are made only when `__dict__` is first read: the
//! class's map then gets a live dict (`StrMap::live`, as an instance's `__dict__` does) that
//! holds them besides the map's keys and follows every later change of the class, and the
//! proxy wraps that dict. A class whose `__dict__` is never read pays nothing.

use super::dict::PyDict;
use super::object::{intern, Layout, NativeData, NativeObj, PyType, StrMap};
use super::value::Value;
use super::{ExcKind, KwArgs, NativeFn, PyResult, Vm};
use crate::lang::bytecode::{BinaryOpKind, CompareKind};
use std::rc::Rc;

/// What instances of a class carry, as CPython's layout decides it: a `__dict__`, a
/// `__weakref__` slot, and a variable size (int, tuple, bytes: no `__weakref__` can be added).
#[derive(Clone, Copy)]
struct Carries {
    dict: bool,
    weak: bool,
    varsize: bool,
}

/// The names in a class's `__slots__` (a str or a tuple or list of them); `None` without one.
pub(crate) fn slot_list(t: &PyType) -> Option<Vec<Rc<str>>> {
    let slots = t.dict.borrow().get("__slots__").cloned()?;
    let items = match slots {
        Value::Str(s) => vec![Value::Str(s)],
        Value::Tuple(t) => t.items.to_vec(),
        Value::List(l) => l.items.borrow().clone(),
        _ => Vec::new(),
    };
    Some(
        items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.rc_str()),
                _ => None,
            })
            .collect(),
    )
}

/// Slots that are fields of their own (not the `__dict__`/`__weakref__` requests).
pub(crate) fn field_slots(slots: &[Rc<str>]) -> impl Iterator<Item = &Rc<str>> {
    slots
        .iter()
        .filter(|s| !matches!(&***s, "__dict__" | "__weakref__"))
}

/// CPython's `_Py_Mangle` for a slot name: `__x` in class `_C` is `_C__x`.
fn mangle(class: &str, name: &str) -> Rc<str> {
    let stripped = class.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return Rc::from(name);
    }
    Rc::from(format!("_{stripped}{name}"))
}

/// What instances of `t` carry.
fn carries(t: &Rc<PyType>) -> Carries {
    if t.body_end.get().is_some() {
        let base = bases_carry(&t.bases);
        let (dict, weak) = adds(t, base);
        return Carries {
            dict: base.dict || dict,
            weak: base.weak || weak,
            varsize: base.varsize,
        };
    }
    let (dict, weak, varsize) = match &*t.name() {
        "int" | "bool" | "tuple" | "bytes" => (false, false, true),
        "set" | "frozenset" | "deque" => (false, true, false),
        "type" => (true, true, false),
        "defaultdict" | "bytearray" => (false, false, false),
        _ if t.layout == Layout::Exception => (true, false, false),
        _ if t.builtin => (false, false, false),
        // Classes defined in Rust stand for Python classes (or C types that have both).
        _ => (true, true, false),
    };
    Carries {
        dict,
        weak,
        varsize,
    }
}

/// Whether `t` (made from a namespace over a base whose instances carry `base`) adds the
/// `__dict__` and the `__weakref__` descriptors: CPython's `type_new_slots`.
fn adds(t: &PyType, base: Carries) -> (bool, bool) {
    let slots = slot_list(t);
    let asks = |name: &str| {
        slots
            .as_ref()
            .is_none_or(|s| s.iter().any(|n| &**n == name))
    };
    (
        !base.dict && asks("__dict__"),
        !base.weak && !base.varsize && asks("__weakref__"),
    )
}

/// CPython's `solid_base`: the class whose instance layout `t`'s instances have (itself when
/// its slots add fields).
fn solid_base(t: &Rc<PyType>) -> Rc<PyType> {
    if t.body_end.get().is_none() || t.bases.is_empty() {
        return t.clone();
    }
    let own_fields = slot_list(t).is_some_and(|s| field_slots(&s).next().is_some());
    if own_fields {
        t.clone()
    } else {
        best_base(&t.bases).map_or_else(|| t.clone(), |b| solid_base(&b))
    }
}

/// CPython's `best_base`: the base with the most derived solid base (the first of equals).
fn best_base(bases: &[Rc<PyType>]) -> Option<Rc<PyType>> {
    let mut winner: Option<(Rc<PyType>, &Rc<PyType>)> = None;
    for b in bases {
        let solid = solid_base(b);
        match &winner {
            Some((w, _)) if w.is_subtype(&solid) => {}
            Some((w, _)) if !solid.is_subtype(w) => {}
            _ => winner = Some((solid, b)),
        }
    }
    winner.map(|(_, b)| b.clone())
}

/// What the instances of the best of `bases` carry.
fn bases_carry(bases: &[Rc<PyType>]) -> Carries {
    match best_base(bases) {
        Some(b) => carries(&b),
        None => Carries {
            dict: false,
            weak: false,
            varsize: false,
        },
    }
}

/// What `type_new` adds to a namespace before the class exists: `__module__` (the running
/// code's module) when it has none, and `__doc__` (None) when the body has no docstring.
/// Returns the namespace's last key before `__doc__`: where the descriptors go.
pub(crate) fn complete_namespace(vm: &Vm, dict: &mut StrMap) -> Option<Rc<str>> {
    // Every class statement comes here: no hashing of the names, no interning lookup.
    const MODULE_HASH: u32 = super::ops::hash_str("__module__") as u32;
    const DOC_HASH: u32 = super::ops::hash_str("__doc__") as u32;
    thread_local! {
        static DOC: Value = intern("__doc__");
    }
    if dict.get_h("__module__", MODULE_HASH).is_none() {
        let module = vm
            .frames
            .last()
            .and_then(|f| f.globals.get_str("__name__"))
            .unwrap_or_else(|| Value::str("__main__"));
        dict.set("__module__", module);
    }
    // `__qualname__` leaves the namespace when the class is made (`make_class`).
    let last = dict
        .iter()
        .filter(|(k, _)| &***k != "__qualname__")
        .last()
        .map(|(k, _)| k.clone());
    if dict.get_h("__doc__", DOC_HASH).is_none() {
        DOC.with(|doc| {
            if let Value::Str(ps) = doc {
                dict.set_ps(ps, Value::None);
            }
        });
    }
    last
}

impl Vm {
    /// `cls.__dict__`: a new proxy each time (as in CPython), over the same dict.
    pub(crate) fn class_dict_proxy(&mut self, t: &Rc<PyType>) -> Value {
        let d = self.class_dict(t);
        Value::Native(Rc::new(NativeObj {
            cls: self.lazy_type("mappingproxy"),
            data: NativeData::MappingProxy(Value::Dict(d)),
        }))
    }

    /// The dict a class's `__dict__` shows, made live on the first read.
    fn class_dict(&mut self, t: &Rc<PyType>) -> Rc<PyDict> {
        if let Some(d) = t.dict.borrow().live() {
            return d.clone();
        }
        let mut extras = match t.body_end.get() {
            Some(_) => self.type_new_descriptors(t),
            None => Vec::new(),
        };
        let d = Rc::new(PyDict::new());
        let Ok(mut m) = t.dict.try_borrow_mut() else {
            return d;
        };
        {
            let mut table = d.t.borrow_mut();
            let mut put = |k: &str, v: Value| {
                let key = intern(k);
                if let Value::Str(ps) = &key {
                    table.insert_new(ps.hash(), key.clone(), v);
                }
            };
            extras.retain(|(k, _)| !m.contains(k));
            let anchor = t.body_end.get();
            for (k, v) in m.iter() {
                put(k, v.clone());
                if anchor == Some(k) {
                    for (ek, ev) in extras.drain(..) {
                        put(&ek, ev);
                    }
                }
            }
            // The body's last key was deleted since: they go last.
            for (ek, ev) in extras.drain(..) {
                put(&ek, ev);
            }
        }
        m.set_live(Some((d.clone(), Vec::new())));
        d
    }

    /// The descriptors `type_new` puts in a class's dict: a member per slot (sorted, as
    /// CPython sorts the mangled names), then `__dict__` and `__weakref__` when the class
    /// adds them to its instances.
    fn type_new_descriptors(&self, t: &Rc<PyType>) -> Vec<(Rc<str>, Value)> {
        let mut out = Vec::new();
        if let Some(slots) = slot_list(t) {
            let class = t.name();
            let mut names: Vec<Rc<str>> = field_slots(&slots).map(|s| mangle(&class, s)).collect();
            names.sort();
            names.dedup();
            let member = self.lazy_type("member_descriptor");
            for n in names {
                out.push((n.clone(), self.slot_descr(&member, t, n, true)));
            }
        }
        let (dict, weak) = adds(t, bases_carry(&t.bases));
        let getset = self
            .types
            .misc
            .get("getset_descriptor")
            .cloned()
            .unwrap_or_else(|| self.types.object.clone());
        for (name, added) in [("__dict__", dict), ("__weakref__", weak)] {
            if added {
                let n: Rc<str> = Rc::from(name);
                out.push((n.clone(), self.slot_descr(&getset, t, n, false)));
            }
        }
        out
    }

    fn slot_descr(
        &self,
        cls: &Rc<PyType>,
        owner: &Rc<PyType>,
        name: Rc<str>,
        member: bool,
    ) -> Value {
        Value::Native(Rc::new(NativeObj {
            cls: cls.clone(),
            data: NativeData::SlotDescr {
                name,
                owner: Rc::downgrade(owner),
                member,
            },
        }))
    }

    /// A built-in type made the first time it is needed.
    pub(crate) fn lazy_type(&self, name: &'static str) -> Rc<PyType> {
        if let Some((_, t)) = self.lazy_types.borrow().iter().find(|(n, _)| *n == name) {
            return t.clone();
        }
        let new: Option<super::object::NativeNew> = match name {
            "mappingproxy" => Some(proxy_new),
            "GenericAlias" => Some(generic_alias_new),
            _ => None,
        };
        let t = super::builtins::raw_type(
            name,
            "builtins",
            vec![self.types.object.clone()],
            Layout::Builtin,
            new,
        );
        if name == "mappingproxy" {
            self.add_methods(&t, PROXY_METHODS);
            // It compares as its mapping does, and is not hashable (3.11).
            t.dict.borrow_mut().set("__hash__", Value::None);
        }
        if name == "GenericAlias" {
            self.init_generic_alias_type(&t);
        }
        self.lazy_types.borrow_mut().push((name, t.clone()));
        t
    }

    /// `cls.name` for a descriptor only the class's `__dict__` holds (`S.a` for a slot,
    /// `A.__weakref__`): the class's map has no such key, so this runs only when a lookup
    /// missed.
    pub(crate) fn type_new_descriptor_attr(&mut self, t: &Rc<PyType>, n: &str) -> Option<Value> {
        for c in std::iter::once(t).chain(t.mro_tail.iter()) {
            if c.body_end.get().is_none() {
                continue;
            }
            let maybe = n == "__weakref__"
                || slot_list(c).is_some_and(|s| {
                    let class = c.name();
                    field_slots(&s).any(|x| &*mangle(&class, x) == n)
                });
            if maybe {
                if let Some(v) = self.class_dict(c).get_str(n) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// An attribute of a `SlotDescr` (`obj` is one) that its type does not have.
    pub(crate) fn slot_descr_attr(&mut self, obj: &Value, n: &str) -> Option<Value> {
        let Value::Native(nobj) = obj else {
            return None;
        };
        let NativeData::SlotDescr { name, owner, .. } = &nobj.data else {
            return None;
        };
        Some(match n {
            "__name__" => Value::str(name),
            "__qualname__" => {
                let owner = owner.upgrade()?;
                let q = owner.qualname.borrow().clone();
                Value::string(format!("{q}.{name}"))
            }
            "__objclass__" => Value::Type(owner.upgrade()?),
            "__doc__" => Value::None,
            "__get__" => {
                let descr = obj.clone();
                self.new_closure("__get__", move |vm, args, _kw| {
                    slot_descr_get(vm, &descr, args)
                })
            }
            _ => return None,
        })
    }

    /// The repr of a `SlotDescr`.
    pub(crate) fn slot_descr_repr(
        &self,
        name: &str,
        owner: &std::rc::Weak<PyType>,
        member: bool,
    ) -> String {
        let owner = owner
            .upgrade()
            .map(|t| t.name())
            .unwrap_or_else(|| Rc::from("?"));
        let kind = if member { "member" } else { "attribute" };
        format!("<{kind} '{name}' of '{owner}' objects>")
    }
}

/// `types.GenericAlias(origin, args)`.
fn generic_alias_new(vm: &mut Vm, t: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    super::generic_alias::ga_construct(vm, t, args, kw)
}

/// `mappingproxy(mapping)`.
fn proxy_new(vm: &mut Vm, _t: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("mappingproxy() takes no keyword arguments"));
    }
    let [mapping] = args else {
        return Err(vm.type_error(format!(
            "mappingproxy() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let t = vm.type_of(mapping);
    let is_mapping =
        !matches!(mapping, Value::List(_) | Value::Tuple(_)) && t.lookup("__getitem__").is_some();
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(mapping)
        )));
    }
    Ok(Value::Native(Rc::new(NativeObj {
        cls: vm.lazy_type("mappingproxy"),
        data: NativeData::MappingProxy(mapping.clone()),
    })))
}

const PROXY_METHODS: &[(&str, NativeFn)] = &[
    ("__getitem__", proxy_getitem),
    ("__contains__", proxy_contains),
    ("__len__", proxy_len),
    ("__iter__", proxy_iter),
    ("__reversed__", proxy_reversed),
    ("__repr__", proxy_repr),
    ("__str__", proxy_str),
    ("__eq__", proxy_eq),
    ("__ne__", proxy_ne),
    ("__or__", proxy_or),
    ("__ror__", proxy_ror),
    ("__ior__", proxy_ior),
    ("get", proxy_get),
    ("keys", proxy_keys),
    ("values", proxy_values),
    ("items", proxy_items),
    ("copy", proxy_copy),
];

/// The mapping a proxy wraps (`None` for anything else).
fn inner(v: &Value) -> Option<&Value> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::MappingProxy(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

/// The proxied mapping of `args[0]`, after checking the argument count.
fn this<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a Value> {
    let Some(m) = args.first().and_then(inner) else {
        let got = args.first().map(|v| vm.type_name(v)).unwrap_or_default();
        return Err(vm.type_error(format!(
            "descriptor '{method}' for 'mappingproxy' objects doesn't apply to a '{got}' object"
        )));
    };
    vm.check_args(method, &args[1..], min, max)?;
    Ok(m)
}

fn call_on(vm: &mut Vm, m: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = vm.getattr_str(m, name)?;
    vm.call(&f, args, &[])
}

fn proxy_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__getitem__", 1, 1)?.clone();
    vm.getitem(&m, &args[1])
}
fn proxy_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__contains__", 1, 1)?.clone();
    Ok(Value::Bool(vm.contains(&m, &args[1])?))
}
fn proxy_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__len__", 0, 0)?.clone();
    Ok(Value::Int(vm.len(&m)? as i64))
}
fn proxy_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__iter__", 0, 0)?.clone();
    vm.get_iter(&m)
}
fn proxy_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__reversed__", 0, 0)?.clone();
    call_on(vm, &m, "__reversed__", &[])
}
fn proxy_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__repr__", 0, 0)?.clone();
    let r = vm.repr(&m)?;
    Ok(Value::string(format!("mappingproxy({r})")))
}
fn proxy_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__str__", 0, 0)?.clone();
    vm.str_value(&m)
}
fn proxy_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__eq__", 1, 1)?.clone();
    vm.compare(&m, &args[1], CompareKind::Eq)
}
fn proxy_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__ne__", 1, 1)?.clone();
    vm.compare(&m, &args[1], CompareKind::Ne)
}
/// `proxy | other` is `mapping | other` (a proxy on either side stands for its mapping).
fn proxy_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__or__", 1, 1)?.clone();
    let other = inner(&args[1]).unwrap_or(&args[1]).clone();
    vm.binary_op(&m, &other, BinaryOpKind::Or)
}
fn proxy_ror(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "__ror__", 1, 1)?.clone();
    let other = inner(&args[1]).unwrap_or(&args[1]).clone();
    vm.binary_op(&other, &m, BinaryOpKind::Or)
}
fn proxy_ior(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__ior__", 1, 1)?;
    Err(vm.new_error(
        ExcKind::TypeError,
        "'|=' is not supported by mappingproxy; use '|' instead",
    ))
}
fn proxy_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "get", 1, 2)?.clone();
    call_on(vm, &m, "get", &args[1..])
}
fn proxy_keys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "keys", 0, 0)?.clone();
    call_on(vm, &m, "keys", &[])
}
fn proxy_values(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "values", 0, 0)?.clone();
    call_on(vm, &m, "values", &[])
}
fn proxy_items(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "items", 0, 0)?.clone();
    call_on(vm, &m, "items", &[])
}
/// A dict (a copy of the mapping, not a proxy).
fn proxy_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let m = this(vm, args, "copy", 0, 0)?.clone();
    call_on(vm, &m, "copy", &[])
}

/// `descr.__get__(obj, type=None)`: the class itself for `obj` None, else the instance's
/// slot, `__dict__`, or `__weakref__` (None: loopscope's objects keep no weakref list).
fn slot_descr_get(vm: &mut Vm, descr: &Value, args: &[Value]) -> PyResult<Value> {
    vm.check_args("__get__", args, 1, 2)?;
    let Value::Native(nobj) = descr else {
        return Ok(Value::None);
    };
    let NativeData::SlotDescr { name, owner, .. } = &nobj.data else {
        return Ok(Value::None);
    };
    let obj = &args[0];
    if obj.is_none() {
        return Ok(descr.clone());
    }
    if let Some(owner) = owner.upgrade() {
        if !vm.type_of(obj).is_subtype(&owner) {
            return Err(vm.type_error(format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                owner.name(),
                vm.type_name(obj)
            )));
        }
    }
    if &**name == "__weakref__" {
        return Ok(Value::None);
    }
    vm.getattr_str(obj, name)
}
