//! Heap objects other than the plain containers: types, instances, functions, methods,
//! modules, cells, code, and the small native helper objects (iterators, descriptors, ...).

use super::dict::PyDict;
use super::exceptions::ExcData;
use super::value::{PyStr, Value};
use super::{KwArgs, PyResult, Vm};
use crate::lang::bytecode::CodeObject;
use std::any::Any;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// An insertion-ordered map from attribute names to values: class and instance `__dict__`s.
/// Every key carries its str hash (the same value `PyStr::hash` caches), so lookups with an
/// identifier from the bytecode's interned names compare one integer per key and never hash
/// or `memcmp` on a miss; small maps are scanned linearly, bigger ones get an open-addressing
/// index.
#[derive(Default, Clone)]
pub struct StrMap {
    keys: Vec<Rc<str>>,
    hashes: Vec<u32>,
    pub(crate) vals: Vec<Value>,
    /// Slots hold `position + 1` (0 = empty); empty while the map is small.
    index: Vec<u32>,
}

const STRMAP_LINEAR: usize = 8;

/// The hash `StrMap` files `name` under (the low bits of Python's str hash, so a `PyStr`'s
/// cached hash can be reused).
#[inline]
pub fn name_hash(name: &str) -> u32 {
    super::ops::hash_str(name) as u32
}

#[inline]
fn same_key(k: &str, name: &str) -> bool {
    (std::ptr::eq(k.as_ptr(), name.as_ptr()) && k.len() == name.len()) || k == name
}

impl StrMap {
    pub fn new() -> StrMap {
        StrMap::default()
    }
    #[inline]
    fn find_h(&self, name: &str, h: u32) -> Option<usize> {
        if self.index.is_empty() {
            let i = self.hashes.iter().position(|&kh| kh == h)?;
            if same_key(self.keys.get(i)?, name) {
                return Some(i);
            }
            // A hash collision inside a small map: check the rest.
            return (i + 1..self.keys.len()).find(|&j| {
                self.hashes.get(j) == Some(&h)
                    && self.keys.get(j).is_some_and(|k| same_key(k, name))
            });
        }
        let mask = self.index.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = *self.index.get(i)?;
            if slot == 0 {
                return None;
            }
            let k = slot as usize - 1;
            if self.hashes.get(k) == Some(&h)
                && self.keys.get(k).is_some_and(|key| same_key(key, name))
            {
                return Some(k);
            }
            i = (i + 1) & mask;
        }
    }
    fn find(&self, name: &str) -> Option<usize> {
        self.find_h(name, name_hash(name))
    }
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name).and_then(|i| self.vals.get(i))
    }
    /// `get` with the key's `name_hash` already known.
    #[inline]
    pub fn get_h(&self, name: &str, h: u32) -> Option<&Value> {
        self.find_h(name, h).and_then(|i| self.vals.get(i))
    }
    /// `get` for an interned attribute name (its hash is cached).
    #[inline]
    pub fn get_ps(&self, name: &PyStr) -> Option<&Value> {
        self.get_h(name.key_str(), name.hash() as u32)
    }
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }
    #[inline]
    pub fn contains_ps(&self, name: &PyStr) -> bool {
        self.find_h(name.key_str(), name.hash() as u32).is_some()
    }
    pub fn insert(&mut self, name: Rc<str>, v: Value) {
        let h = name_hash(&name);
        if let Some(i) = self.find_h(&name, h) {
            if let Some(slot) = self.vals.get_mut(i) {
                *slot = v;
            }
            return;
        }
        self.push_new(intern_key(&name), h, v);
    }
    pub fn set(&mut self, name: &str, v: Value) {
        let h = name_hash(name);
        if let Some(i) = self.find_h(name, h) {
            if let Some(slot) = self.vals.get_mut(i) {
                *slot = v;
            }
            return;
        }
        self.push_new(intern_key(name), h, v);
    }
    /// `set` for an attribute name str: no hashing, and a new key shares the str's buffer.
    #[inline]
    pub fn set_ps(&mut self, name: &PyStr, v: Value) {
        let h = name.hash() as u32;
        if let Some(i) = self.find_h(name.key_str(), h) {
            if let Some(slot) = self.vals.get_mut(i) {
                *slot = v;
            }
            return;
        }
        self.push_new(name.rc_str(), h, v);
    }
    fn push_new(&mut self, name: Rc<str>, h: u32, v: Value) {
        self.keys.push(name);
        self.hashes.push(h);
        self.vals.push(v);
        let n = self.keys.len();
        if n > STRMAP_LINEAR {
            if self.index.len() < 2 * n {
                self.reindex();
            } else {
                self.index_insert(n - 1);
            }
        }
    }
    fn index_insert(&mut self, pos: usize) {
        let Some(&h) = self.hashes.get(pos) else {
            return;
        };
        let mask = self.index.len() - 1;
        let mut i = h as usize & mask;
        while let Some(slot) = self.index.get_mut(i) {
            if *slot == 0 {
                *slot = pos as u32 + 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.find(name)?;
        self.keys.remove(i);
        self.hashes.remove(i);
        let v = self.vals.remove(i);
        if !self.index.is_empty() {
            self.reindex();
        }
        Some(v)
    }
    fn reindex(&mut self) {
        self.index.clear();
        if self.keys.len() <= STRMAP_LINEAR {
            return;
        }
        let size = (self.keys.len() * 4).next_power_of_two();
        self.index.resize(size, 0);
        for pos in 0..self.keys.len() {
            self.index_insert(pos);
        }
    }
    pub fn len(&self) -> usize {
        self.keys.len()
    }
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.keys.iter().zip(self.vals.iter())
    }
}

/// Which built-in object layout instances of a class have (decided by its bases).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A plain instance with a `__dict__`.
    Object,
    /// Exceptions: `args`, `__context__`, `__traceback__`, ...
    Exception,
    /// Instances of a native (Rust-defined) class, carrying Rust data.
    Native,
    /// The built-in types themselves (int, str, list, ...): not instantiable as instances.
    Builtin,
}

/// Constructor of a native class: `cls(*args, **kwargs)` for a native class and its Python
/// subclasses. It returns the new object (usually a `PyInstance` with `Ext::Native`).
pub type NativeNew = fn(&mut Vm, &Rc<PyType>, &[Value], &KwArgs) -> PyResult<Value>;

/// A class (CPython's `PyTypeObject` / heap type).
pub struct PyType {
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub module: RefCell<Rc<str>>,
    pub bases: Vec<Rc<PyType>>,
    /// Method resolution order, starting with the class itself is implied: `mro[0]` is `self`'s
    /// first base... no: the stored list excludes the class itself to avoid an Rc cycle.
    pub mro_tail: Vec<Rc<PyType>>,
    pub dict: RefCell<StrMap>,
    pub layout: Layout,
    /// Built-in (no `__dict__` assignment from scripts; repr `<class 'int'>`).
    pub builtin: bool,
    /// For exception classes defined by the VM: index into `Vm::exc` kinds (fast isinstance).
    pub native_new: Option<NativeNew>,
    /// Cached "does any class in the MRO define X" flags, computed at creation.
    pub flags: Cell<u32>,
    pub id: u64,
}

pub mod tflags {
    /// A Python `__getattribute__` override somewhere in the MRO (below object).
    pub const GETATTRIBUTE: u32 = 1;
    pub const GETATTR: u32 = 2;
    pub const SETATTR: u32 = 4;
    /// A Python `__new__` somewhere in the MRO.
    pub const NEW: u32 = 8;
    pub const DELATTR: u32 = 16;
}

impl PyType {
    /// `cls.__mro__` as a vector including the class itself.
    pub fn mro(self: &Rc<Self>) -> Vec<Rc<PyType>> {
        let mut v = Vec::with_capacity(self.mro_tail.len() + 1);
        v.push(self.clone());
        v.extend(self.mro_tail.iter().cloned());
        v
    }
    /// Look a name up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_h(name, name_hash(name))
    }
    /// `lookup` for an interned attribute name (no hashing).
    #[inline]
    pub fn lookup_ps(&self, name: &PyStr) -> Option<Value> {
        self.lookup_h(name.key_str(), name.hash() as u32)
    }
    /// Apply `f` to what `lookup_ps` would find, without cloning it.
    #[inline]
    pub fn lookup_map<R>(&self, name: &PyStr, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let (k, h) = (name.key_str(), name.hash() as u32);
        if let Some(v) = self.dict.borrow().get_h(k, h) {
            return Some(f(v));
        }
        for t in &self.mro_tail {
            if let Some(v) = t.dict.borrow().get_h(k, h) {
                return Some(f(v));
            }
        }
        None
    }
    /// `lookup` with `name_hash(name)` already known.
    pub fn lookup_h(&self, name: &str, h: u32) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_h(name, h) {
            return Some(v.clone());
        }
        for t in &self.mro_tail {
            if let Some(v) = t.dict.borrow().get_h(name, h) {
                return Some(v.clone());
            }
        }
        None
    }
    /// Like `lookup` but also says which class defined it.
    pub fn lookup_with_owner(self: &Rc<Self>, name: &str) -> Option<(Value, Rc<PyType>)> {
        let h = name_hash(name);
        if let Some(v) = self.dict.borrow().get_h(name, h) {
            return Some((v.clone(), self.clone()));
        }
        for t in &self.mro_tail {
            if let Some(v) = t.dict.borrow().get_h(name, h) {
                return Some((v.clone(), t.clone()));
            }
        }
        None
    }
    pub fn is_subtype(self: &Rc<Self>, other: &Rc<PyType>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_tail.iter().any(|t| Rc::ptr_eq(t, other))
    }
    pub fn name(&self) -> Rc<str> {
        self.name.borrow().clone()
    }
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
}

/// Extra per-instance state for built-in layouts.
pub enum Ext {
    None,
    Exc(RefCell<ExcData>),
    Native(RefCell<Box<dyn Any>>),
}

/// An instance of a class.
pub struct PyInstance {
    pub cls: RefCell<Rc<PyType>>,
    pub dict: RefCell<StrMap>,
    pub ext: Ext,
    pub id: u64,
}

impl Drop for PyInstance {
    fn drop(&mut self) {
        let d = std::mem::take(self.dict.get_mut());
        super::value::drop_deferred(d.vals);
    }
}

impl PyInstance {
    pub fn class(&self) -> Rc<PyType> {
        self.cls.borrow().clone()
    }
    pub fn exc(&self) -> Option<&RefCell<ExcData>> {
        match &self.ext {
            Ext::Exc(e) => Some(e),
            _ => None,
        }
    }
    /// The Rust data of a native-class instance, if it is a `T`.
    pub fn native<T: 'static>(&self) -> Option<std::cell::RefMut<'_, T>> {
        match &self.ext {
            Ext::Native(b) => {
                let r = b.try_borrow_mut().ok()?;
                std::cell::RefMut::filter_map(r, |b| b.downcast_mut::<T>()).ok()
            }
            _ => None,
        }
    }
}

/// A compiled code object together with its constants converted to values (once).
pub struct PyCode {
    pub co: Rc<CodeObject>,
    consts: OnceCell<Rc<[Value]>>,
    names: OnceCell<Rc<[Value]>>,
}

impl PyCode {
    pub fn new(co: Rc<CodeObject>) -> PyCode {
        PyCode {
            co,
            consts: OnceCell::new(),
            names: OnceCell::new(),
        }
    }
    /// Constants as values. Nested code objects become `Value::Code` lazily, so building this
    /// never recurses into nested functions.
    pub fn consts(&self) -> Rc<[Value]> {
        self.consts
            .get_or_init(|| {
                self.co
                    .consts
                    .iter()
                    .map(super::ops::const_to_value)
                    .collect()
            })
            .clone()
    }
    /// `names` as str values (with their hash cached), for globals and attributes.
    pub fn names(&self) -> Rc<[Value]> {
        self.names
            .get_or_init(|| self.co.names.iter().map(|n| intern(n)).collect())
            .clone()
    }
}

thread_local! {
    static INTERNED: RefCell<HashMap<Box<str>, Value>> = RefCell::new(HashMap::new());
}

/// One shared str value per identifier, so name lookups in dicts usually hit on pointer
/// equality (CPython interns identifiers for the same reason).
pub fn intern(name: &str) -> Value {
    INTERNED
        .try_with(|m| {
            let Ok(mut m) = m.try_borrow_mut() else {
                return Value::str(name);
            };
            if let Some(v) = m.get(name) {
                return v.clone();
            }
            let v = Value::str(name);
            if m.len() < 100_000 {
                m.insert(Box::from(name), v.clone());
            }
            v
        })
        .unwrap_or_else(|_| Value::str(name))
}

/// The interned text of an identifier as an `Rc<str>`: map keys made from it compare by
/// pointer with the names in bytecode.
pub fn intern_key(name: &str) -> Rc<str> {
    match intern(name) {
        Value::Str(ps) => ps.rc_str(),
        _ => Rc::from(name),
    }
}

/// A Python function.
pub struct PyFunction {
    pub code: Rc<PyCode>,
    pub globals: Rc<PyDict>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: RefCell<Vec<Value>>,
    pub kwdefaults: RefCell<Option<Rc<PyDict>>>,
    pub closure: Vec<Rc<PyCell>>,
    /// `__dict__` (functools.wraps copies `__wrapped__`, `__doc__`, ... here).
    pub dict: RefCell<StrMap>,
    pub module: Rc<str>,
    pub id: u64,
}

/// A native function carrying Rust data.
pub type NativeClosure = Rc<dyn Fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value>>;
/// The step function of a Rust-driven iterator (`Ok(None)` when exhausted).
pub type IterFn = Box<dyn FnMut(&mut Vm) -> PyResult<Option<Value>>>;

/// How a native function is implemented: a plain fn pointer or a closure carrying Rust data.
#[derive(Clone)]
pub enum NativeImpl {
    Fn(super::NativeFn),
    Closure(NativeClosure),
}

/// Built-in functions and methods whose call must resume a generator frame instead of
/// recursing: the interpreter recognises them at call sites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    None,
    /// `next(it[, default])`
    Next,
    /// `gen.send(v)`, `gen.__next__()`, `gen.throw(...)`, `gen.close()`
    GenSend,
    GenNext,
    GenThrow,
    GenClose,
}

/// A built-in function or (unbound) built-in method. `bound` is `self` for a bound built-in
/// method (`[].append`).
pub struct PyBuiltin {
    pub name: Rc<str>,
    pub imp: NativeImpl,
    pub bound: Option<Value>,
    pub special: Special,
    /// For methods: the owning type name (repr `<method 'append' of 'list' objects>`).
    pub owner: Option<Rc<str>>,
    pub module: Option<Rc<str>>,
}

pub struct PyMethod {
    pub func: Value,
    pub slf: Value,
}

pub struct PyModule {
    pub name: Rc<str>,
    pub dict: Rc<PyDict>,
}

pub struct PyCell {
    pub value: RefCell<Value>,
}

impl PyCell {
    pub fn new(v: Value) -> PyCell {
        PyCell {
            value: RefCell::new(v),
        }
    }
    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }
    pub fn set(&self, v: Value) {
        *self.value.borrow_mut() = v;
    }
}

/// A getter/setter pair on a built-in type (`gen.gi_running`, `exc.args`, `func.__name__`).
pub type Getter = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type Setter = fn(&mut Vm, &Value, Value) -> PyResult<()>;

/// Small objects of built-in types.
pub enum NativeData {
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    GetSet {
        name: Rc<str>,
        get: Getter,
        set: Option<Setter>,
    },
    Super {
        this: Rc<PyType>,
        obj: Value,
        obj_type: Rc<PyType>,
    },
    /// Iterators over built-in containers.
    SeqIter {
        seq: Value,
        idx: Cell<usize>,
    },
    RangeIter {
        cur: Cell<i64>,
        stop: i64,
        step: i64,
        left: Cell<i64>,
    },
    /// Snapshot iterators (dict keys/items, sets): CPython raises on size change, we iterate a
    /// snapshot and check the size.
    DictIter {
        dict: Rc<PyDict>,
        kind: u8,
        pos: Cell<usize>,
        len: usize,
    },
    ListIter {
        items: Vec<Value>,
        idx: Cell<usize>,
    },
    /// `enumerate(it, start)`.
    Enumerate {
        it: Value,
        next: Cell<i64>,
    },
    /// `iter(callable, sentinel)` and other Rust-driven iterators.
    FnIter(RefCell<IterFn>),
    /// Dict views.
    DictView {
        dict: Rc<PyDict>,
        kind: u8,
    },
    /// A traceback object (`e.__traceback__`): entries, innermost last.
    Traceback(Rc<super::exceptions::Traceback>),
    /// Async generator awaitables: `asend`/`athrow`/`aclose`.
    AsyncGenOp(RefCell<super::coro::AGenOp>),
    /// A value yielded by an async generator's own `yield` (vs. awaits passing through).
    AGenWrapped(Value),
    /// Anything else (used by native modules).
    Any(RefCell<Box<dyn Any>>),
}

pub struct NativeObj {
    pub cls: Rc<PyType>,
    pub data: NativeData,
}

impl NativeObj {
    pub fn any<T: 'static>(&self) -> Option<std::cell::RefMut<'_, T>> {
        match &self.data {
            NativeData::Any(b) => {
                let r = b.try_borrow_mut().ok()?;
                std::cell::RefMut::filter_map(r, |b| b.downcast_mut::<T>()).ok()
            }
            _ => None,
        }
    }
}

/// Helper so keyword names can be compared cheaply.
pub fn kw_get<'a>(kw: &'a KwArgs, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

pub fn pystr(v: &Value) -> Option<&PyStr> {
    match v {
        Value::Str(s) => Some(s),
        _ => None,
    }
}
