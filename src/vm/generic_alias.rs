//! `types.GenericAlias` (PEP 585): what `list[int]`, `dict[str, T]` and `asyncio.Queue[int]`
//! evaluate to, after CPython's Objects/genericaliasobject.c. An alias remembers its origin
//! class and its arguments, prints as the annotation reads (`dict[str, typing.Any]`), makes
//! instances of its origin when called, answers every other attribute from its origin, and
//! joins `|` unions (`list[int] | None`).
//!
//! It is a native object (no object id is taken, so annotating a script never shifts the ids
//! asyncio's reprs print). A Python subclass (collections.abc's `_CallableGenericAlias`)
//! carries the native alias as its payload, as subclasses of `list` carry a list.

use super::exceptions::ExcKind;
use super::object::{NativeData, NativeObj, PyType};
use super::value::Value;
use super::{KwArgs, NativeFn, PyResult, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

/// Names an alias answers itself; every other attribute is its origin's (`ga_getattro`).
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// The classes CPython gives `__class_getitem__ = classmethod(GenericAlias)` (by their
/// module and name in loopscope), and their subclasses: `list[int]`, `MyList[int]`.
const GENERIC_CLASSES: &[(&str, &[&str])] = &[
    (
        "builtins",
        &[
            "list",
            "dict",
            "tuple",
            "set",
            "frozenset",
            "type",
            "enumerate",
            "mappingproxy",
            "async_generator",
        ],
    ),
    (
        "collections",
        &[
            "deque",
            "defaultdict",
            "OrderedDict",
            "Counter",
            "ChainMap",
            "UserDict",
            "UserList",
            "UserString",
        ],
    ),
    ("_asyncio", &["Future", "Task"]),
    ("asyncio.queues", &["Queue", "PriorityQueue", "LifoQueue"]),
    (
        "queue",
        &["Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"],
    ),
    ("concurrent.futures", &["Future"]),
    (
        "functools",
        &["partial", "cached_property", "partialmethod"],
    ),
    ("re", &["Pattern", "Match"]),
    (
        "weakref",
        &[
            "ReferenceType",
            "WeakValueDictionary",
            "WeakKeyDictionary",
            "WeakSet",
        ],
    ),
    ("itertools", &["chain"]),
    ("os", &["PathLike"]),
    ("dataclasses", &["Field"]),
];

fn is_generic_class(t: &PyType) -> bool {
    let module = t.module.borrow();
    let name = t.name();
    GENERIC_CLASSES
        .iter()
        .any(|(m, names)| *m == &**module && names.contains(&&*name))
}

fn is_generic(t: &Rc<PyType>) -> bool {
    std::iter::once(t)
        .chain(t.mro_tail.iter())
        .any(|c| is_generic_class(c))
}

/// `cls[item]` for a class without its own `__class_getitem__`: an alias when CPython's
/// class (or a base of it) is generic, else `None` (the caller raises "not subscriptable").
pub(crate) fn class_getitem(vm: &Vm, t: &Rc<PyType>, item: &Value) -> Option<Value> {
    is_generic(t).then(|| vm.new_generic_alias(Value::Type(t.clone()), item.clone()))
}

/// `list.__class_getitem__`: what `list[...]` calls, for the classes `class_getitem` makes
/// aliases of (they keep no such entry in their namespace: looked up only when asked for).
pub(crate) fn class_getitem_method(vm: &Vm, t: &Rc<PyType>) -> Option<Value> {
    if !is_generic(t) {
        return None;
    }
    let cls = Value::Type(t.clone());
    Some(vm.new_closure("__class_getitem__", move |vm, args, kw| {
        if !kw.is_empty() {
            return Err(vm.type_error("__class_getitem__() takes no keyword arguments"));
        }
        let [item] = args else {
            return Err(vm.type_error(format!(
                "__class_getitem__() takes exactly one argument ({} given)",
                args.len()
            )));
        };
        Ok(vm.new_generic_alias(cls.clone(), item.clone()))
    }))
}

/// The origin and arguments of an alias, or of a subclass's instance carrying one.
pub(crate) fn parts(v: &Value) -> Option<(&Value, &Value)> {
    let v = super::subclass::payload(v).unwrap_or(v);
    match v {
        Value::Native(n) => match &n.data {
            NativeData::GenericAlias { origin, args } => Some((origin, args)),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `types.GenericAlias(origin, args)`; a single argument stands for a 1-tuple.
    pub(crate) fn new_generic_alias(&self, origin: Value, args: Value) -> Value {
        let args = match args {
            Value::Tuple(_) => args,
            other => Value::tuple(vec![other]),
        };
        Value::Native(Rc::new(NativeObj {
            cls: self.lazy_type("GenericAlias"),
            data: NativeData::GenericAlias { origin, args },
        }))
    }

    pub(crate) fn init_generic_alias_type(&self, t: &Rc<PyType>) {
        t.module.replace(Rc::from("types"));
        t.mark_c_type();
        self.add_methods(t, GA_METHODS);
        self.add_static(t, "__new__", ga_new);
        for (name, get) in [
            ("__origin__", ga_origin as super::object::Getter),
            ("__args__", ga_args),
            ("__parameters__", ga_parameters),
            ("__unpacked__", ga_unpacked),
        ] {
            self.add_getset(t, name, get, None);
        }
    }

    /// An attribute of an alias: its own (`OWN_ATTRS`) from its type, any other its origin's.
    pub(crate) fn generic_alias_getattr(
        &mut self,
        obj: &Value,
        name: &Value,
    ) -> PyResult<Option<Value>> {
        let n = name.as_str().unwrap_or("");
        if !OWN_ATTRS.contains(&n) {
            let origin = parts(obj).map(|(o, _)| o.clone()).unwrap_or(Value::None);
            return self.getattr_opt(&origin, name);
        }
        let cls = self.type_of(obj);
        match cls.lookup(n) {
            Some(d) => self.bind_descr(d, obj, &cls).map(Some),
            None if n == "__class__" => Ok(Some(Value::Type(cls))),
            None => Ok(None),
        }
    }

    /// What a failed lookup on an alias names: its origin, for the names it passes on.
    pub(crate) fn generic_alias_missing(&self, obj: &Value, n: &str) -> Option<Value> {
        let (origin, _) = parts(obj)?;
        (!OWN_ATTRS.contains(&n)).then(|| origin.clone())
    }

    /// `repr(alias)`: `origin[arg, ...]`, each as an annotation reads (`ga_repr`).
    pub(crate) fn generic_alias_repr(&mut self, v: &Value) -> PyResult<String> {
        let Some((origin, args)) = parts(v) else {
            return Ok(String::new());
        };
        let (origin, args) = (origin.clone(), args.clone());
        let mut s = self.ga_repr_item(&origin)?;
        s.push('[');
        let items = self.iter_to_vec(&args)?;
        if items.is_empty() {
            s.push_str("()");
        }
        if self.is_callable_abc(&origin) && !callable_plain(&items) {
            // collections.abc.Callable[[int], str]: the flattened argument types in brackets.
            let (last, params) = items.split_last().expect("non-empty");
            let mut ps = Vec::with_capacity(params.len());
            for p in params {
                ps.push(self.ga_repr_item(p)?);
            }
            let last = self.ga_repr_item(last)?;
            s.push_str(&format!("[{}], {last}", ps.join(", ")));
        } else {
            for (i, a) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                let r = self.ga_repr_item(a)?;
                s.push_str(&r);
            }
        }
        s.push(']');
        Ok(s)
    }

    fn is_callable_abc(&self, origin: &Value) -> bool {
        matches!(origin, Value::Type(t) if &*t.name() == "Callable"
            && &**t.module.borrow() == "collections.abc")
    }

    /// `ga_repr_item`: `...`; an alias's repr; a class's (or function's) qualified name, bare
    /// for builtins; else the repr.
    fn ga_repr_item(&mut self, p: &Value) -> PyResult<String> {
        if matches!(p, Value::Ellipsis) {
            return Ok("...".into());
        }
        if self.getattr_opt(p, &Value::str("__origin__"))?.is_some()
            && self.getattr_opt(p, &Value::str("__args__"))?.is_some()
        {
            return self.repr(p);
        }
        let Some(qualname) = self.getattr_opt(p, &Value::str("__qualname__"))? else {
            return self.repr(p);
        };
        let module = match self.getattr_opt(p, &Value::str("__module__"))? {
            None | Some(Value::None) => return self.repr(p),
            Some(m) => m,
        };
        let q = self.str_of(&qualname)?;
        if module.as_str() == Some("builtins") {
            return Ok(q);
        }
        let m = self.str_of(&module)?;
        Ok(format!("{m}.{q}"))
    }

    /// `hash(alias)`: its origin's hash xor its arguments'.
    pub(crate) fn generic_alias_hash(&mut self, v: &Value) -> PyResult<i64> {
        let Some((origin, args)) = parts(v) else {
            return Ok(0);
        };
        let (origin, args) = (origin.clone(), args.clone());
        let h = self.hash(&origin)? ^ self.hash(&args)?;
        Ok(if h == -1 { -2 } else { h })
    }

    /// `alias.__parameters__`: the type variables among its arguments, in order, once each.
    fn ga_params(&mut self, args: &Value) -> PyResult<Vec<Value>> {
        let mut params: Vec<Value> = Vec::new();
        for a in self.iter_to_vec(args)? {
            if matches!(a, Value::Type(_)) {
                continue;
            }
            if self
                .getattr_opt(&a, &Value::str("__typing_subst__"))?
                .is_some()
            {
                if !self.contains_value(&params, &a)? {
                    params.push(a);
                }
                continue;
            }
            if let Some(sub @ Value::Tuple(_)) =
                self.getattr_opt(&a, &Value::str("__parameters__"))?
            {
                for p in self.iter_to_vec(&sub)? {
                    if !self.contains_value(&params, &p)? {
                        params.push(p);
                    }
                }
            }
        }
        Ok(params)
    }

    fn contains_value(&mut self, xs: &[Value], v: &Value) -> PyResult<bool> {
        for x in xs {
            if x.is(v) || self.eq(x, v)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `alias[items]`: its type variables replaced (`_Py_subs_parameters`).
    fn ga_subscript(&mut self, slf: &Value, item: &Value) -> R {
        let Some((origin, args)) = parts(slf) else {
            return Err(self.type_error("descriptor requires a 'types.GenericAlias' object"));
        };
        let (origin, args) = (origin.clone(), args.clone());
        let params = self.ga_params(&args)?;
        if params.is_empty() {
            let r = self.repr(slf)?;
            return Err(self.type_error(format!("{r} is not a generic class")));
        }
        let items = match item {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        if items.len() != params.len() {
            let r = self.repr(slf)?;
            let few = if items.len() > params.len() {
                "many"
            } else {
                "few"
            };
            return Err(self.type_error(format!(
                "Too {few} arguments for {r}; actual {}, expected {}",
                items.len(),
                params.len()
            )));
        }
        let mut new_args = Vec::new();
        for a in self.iter_to_vec(&args)? {
            if matches!(a, Value::Type(_)) {
                new_args.push(a);
                continue;
            }
            if let Some(subst) = self.getattr_opt(&a, &Value::str("__typing_subst__"))? {
                let i = self.index_of(&params, &a)?;
                new_args.push(self.call(&subst, &[items[i].clone()], &[])?);
                continue;
            }
            let sub = self.getattr_opt(&a, &Value::str("__parameters__"))?;
            match sub {
                Some(Value::Tuple(t)) if !t.items.is_empty() => {
                    let mut subargs = Vec::with_capacity(t.items.len());
                    for p in t.items.iter() {
                        let i = self.index_of(&params, p)?;
                        subargs.push(items[i].clone());
                    }
                    let key = Value::tuple(subargs);
                    new_args.push(self.getitem(&a, &key)?);
                }
                _ => new_args.push(a),
            }
        }
        Ok(self.new_generic_alias(origin, Value::tuple(new_args)))
    }

    fn index_of(&mut self, xs: &[Value], v: &Value) -> PyResult<usize> {
        for (i, x) in xs.iter().enumerate() {
            if x.is(v) || self.eq(x, v)? {
                return Ok(i);
            }
        }
        Err(self.value_error("tuple.index(x): x not in tuple"))
    }

    /// What `|` accepts on either side of an alias: None, a class, an alias or a union.
    fn unionable(&self, v: &Value) -> bool {
        matches!(v, Value::None | Value::Type(_))
            || parts(v).is_some()
            || &*self.type_name(v) == "UnionType"
    }
}

/// `Callable[..., str]`, `Callable[P, str]`: printed as a plain alias.
fn callable_plain(items: &[Value]) -> bool {
    items.len() == 2 && matches!(items[0], Value::Ellipsis)
}

const GA_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", ga_repr),
    ("__call__", ga_call),
    ("__eq__", ga_eq),
    ("__ne__", ga_ne),
    ("__hash__", ga_hash),
    ("__or__", ga_or),
    ("__ror__", ga_ror),
    ("__getitem__", ga_getitem),
    ("__mro_entries__", ga_mro_entries),
    ("__instancecheck__", ga_instancecheck),
    ("__subclasscheck__", ga_subclasscheck),
];

fn this<'a>(vm: &Vm, args: &'a [Value], method: &str) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if parts(v).is_some() => Ok(v),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{method}' requires a 'types.GenericAlias' object but received a '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(format!(
            "descriptor '{method}' of 'types.GenericAlias' object needs an argument"
        ))),
    }
}

/// `GenericAlias(origin, args)`, or a subclass's instance carrying one.
fn ga_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    ga_construct(vm, &cls, &args[1..], kw)
}

pub(crate) fn ga_construct(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    let [origin, a] = args else {
        return Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.len()
        )));
    };
    let alias = vm.new_generic_alias(origin.clone(), a.clone());
    let own = vm.lazy_type("GenericAlias");
    if Rc::ptr_eq(cls, &own) {
        return Ok(alias);
    }
    Ok(vm.new_payload_instance(cls, alias))
}

fn ga_origin(vm: &mut Vm, v: &Value) -> R {
    match parts(v) {
        Some((o, _)) => Ok(o.clone()),
        None => Err(vm.type_error("expected a types.GenericAlias")),
    }
}

fn ga_args(vm: &mut Vm, v: &Value) -> R {
    match parts(v) {
        Some((_, a)) => Ok(a.clone()),
        None => Err(vm.type_error("expected a types.GenericAlias")),
    }
}

fn ga_parameters(vm: &mut Vm, v: &Value) -> R {
    let Some((_, a)) = parts(v) else {
        return Err(vm.type_error("expected a types.GenericAlias"));
    };
    let a = a.clone();
    let ps = vm.ga_params(&a)?;
    Ok(Value::tuple(ps))
}

fn ga_unpacked(_vm: &mut Vm, _v: &Value) -> R {
    Ok(Value::Bool(false))
}

fn ga_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = this(vm, args, "__repr__")?.clone();
    Ok(Value::string(vm.generic_alias_repr(&slf)?))
}

/// `list[int]()`: an instance of the origin, told which alias made it (`__orig_class__`)
/// where it takes attributes.
fn ga_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let slf = this(vm, args, "__call__")?.clone();
    let origin = parts(&slf).map(|(o, _)| o.clone()).unwrap_or(Value::None);
    let obj = vm.call(&origin, &args[1..], kw)?;
    if let Err(e) = vm.setattr(&obj, &Value::str("__orig_class__"), slf) {
        if !vm.exc_matches(&e, ExcKind::AttributeError) && !vm.exc_matches(&e, ExcKind::TypeError) {
            return Err(e);
        }
    }
    Ok(obj)
}

fn ga_cmp(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Option<bool>> {
    let slf = this(vm, args, method)?.clone();
    let Some(other) = args.get(1) else {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    };
    let (Some((o1, a1)), Some((o2, a2))) = (parts(&slf), parts(other)) else {
        return Ok(None);
    };
    let (o1, a1, o2, a2) = (o1.clone(), a1.clone(), o2.clone(), a2.clone());
    Ok(Some(vm.eq(&o1, &o2)? && vm.eq(&a1, &a2)?))
}

fn ga_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(match ga_cmp(vm, args, "__eq__")? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn ga_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(match ga_cmp(vm, args, "__ne__")? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

fn ga_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = this(vm, args, "__hash__")?.clone();
    Ok(Value::Int(vm.generic_alias_hash(&slf)?))
}

fn ga_union(vm: &mut Vm, a: &Value, b: &Value) -> R {
    if !vm.unionable(a) || !vm.unionable(b) {
        return Ok(Value::NotImplemented);
    }
    crate::modules::types::make_union(vm, a, b)
}

fn ga_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = this(vm, args, "__or__")?.clone();
    let other = args.get(1).cloned().unwrap_or(Value::None);
    ga_union(vm, &slf, &other)
}

fn ga_ror(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = this(vm, args, "__ror__")?.clone();
    let other = args.get(1).cloned().unwrap_or(Value::None);
    ga_union(vm, &other, &slf)
}

fn ga_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = this(vm, args, "__getitem__")?.clone();
    let item = args.get(1).cloned().unwrap_or(Value::None);
    vm.ga_subscript(&slf, &item)
}

/// `class MyList(list[int])`: the alias stands for its origin among the bases.
fn ga_mro_entries(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let slf = this(vm, args, "__mro_entries__")?;
    let origin = parts(slf).map(|(o, _)| o.clone()).unwrap_or(Value::None);
    Ok(Value::tuple(vec![origin]))
}

fn ga_instancecheck(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    this(vm, args, "__instancecheck__")?;
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    this(vm, args, "__subclasscheck__")?;
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}
