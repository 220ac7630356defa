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
///
/// The keys live in a shared, copy-on-write [`Shape`] (CPython's split-keys dicts): a clone
/// (asyncio's futures, tasks and handles start as a clone of a per-class template) copies
/// the values only, and a map changes its shape's keys only when it holds the sole reference.
#[derive(Default)]
pub struct StrMap {
    /// `None` while the map has never held a key (no allocation for empty dicts).
    shape: Option<Rc<Shape>>,
    pub(crate) vals: Vec<Value>,
    /// What a change must also do (`HOOK_*` bits), so that a plain map's writes test one byte.
    hooks: u8,
    /// Bit `h & 63` set for the hash `h` of every key ever added (removals leave theirs): a
    /// name whose bit is clear is not here, decided without a search. Most lookups in
    /// instance dicts are misses (`self.method` finds the class's, after checking the
    /// instance's own dict).
    bloom: u64,
    /// The dict an instance's (or function's) `__dict__` returned: once read it is a live view,
    /// as in CPython. This map stays the attributes' storage (the VM's reads and asyncio's
    /// positional reads are unchanged); every change here is made in the dict too, and the
    /// dict's changes to str keys come back here (`dict::Owner`). The dict holds its owners
    /// weakly, so there is no cycle.
    live: LiveDict,
}

/// `StrMap::live`: one word, and an `Rc` (never shared) rather than a `Box` so that its drop
/// is a count decrement inline and the rest out of line. Maps are made and dropped by the
/// thousand (asyncio's handles) and almost never have one: a bigger drop glue stops the
/// compiler inlining theirs, and a `Drop` impl here changes how the interpreter loop (which
/// builds functions' maps) is compiled, both measurable.
#[derive(Default)]
struct LiveDict(Option<Rc<Live>>);
struct Live {
    dict: Rc<PyDict>,
    /// Keys of the map that are not in the dict: the slots of a class whose `__slots__`
    /// also has `__dict__` (they live in the map here, in the object's slots in CPython).
    hidden: Vec<Rc<str>>,
}

/// A class `__dict__`: every change invalidates the type attribute cache.
const HOOK_TYPE: u8 = 1;
/// `live` is set: changes are mirrored into it.
const HOOK_LIVE: u8 = 2;
/// A function's map: some of its keys are slots of their own in CPython, not in `__dict__`.
const HOOK_FUNC: u8 = 4;

impl Clone for StrMap {
    /// A copy is a new object's attributes: it has no `__dict__` view yet. (Inlined as the
    /// derived `clone` was: asyncio makes every handle from a template this way.)
    #[inline(always)]
    fn clone(&self) -> StrMap {
        StrMap {
            shape: self.shape.clone(),
            vals: self.vals.clone(),
            hooks: self.hooks & (HOOK_TYPE | HOOK_FUNC),
            bloom: self.bloom,
            live: LiveDict(None),
        }
    }
}

/// The keys of one or more `StrMap`s: each with its hash, in insertion order.
#[derive(Default)]
struct Shape {
    keys: Vec<(u32, Rc<str>)>,
    /// Slots hold `position + 1` (0 = empty); empty while the map is small.
    index: Vec<u32>,
    /// Which keys these are: a fresh number (never 0, never reused) each time
    /// a map changes its shape's keys, so two maps with the same `id` have the same keys at
    /// the same positions. asyncio's natives remember where a name sits per shape id
    /// (`runtime::core::pos_in`): one compare instead of checking the key's text.
    id: u64,
    /// The shape a map sharing this one moved to when it last added a key (that key and
    /// the shape): the next map adding the same key takes it too instead of copying the
    /// keys, so objects built alike keep sharing keys (every task gather adds
    /// `_log_destroy_pending` to), as CPython's split-keys dicts do. Small shapes only.
    next: RefCell<Option<(Rc<str>, Rc<Shape>)>>,
}

impl Clone for Shape {
    fn clone(&self) -> Shape {
        Shape {
            keys: self.keys.clone(),
            index: self.index.clone(),
            id: self.id,
            next: RefCell::new(None),
        }
    }
}

/// Up to this many keys, adding a key to a shared shape goes through its `next`.
const SHAPE_TRANSITION_MAX: usize = 24;

static SHAPE_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A shape id not given out before (in the process: tables keyed by shape ids may be shared
/// by threads).
#[inline]
fn next_shape_id() -> u64 {
    SHAPE_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

const NO_KEYS: &[(u32, Rc<str>)] = &[];

#[inline(always)]
fn bloom_bit(h: u32) -> u64 {
    1 << (h & 63)
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
    /// An empty class `__dict__`.
    pub fn for_type() -> StrMap {
        StrMap {
            hooks: HOOK_TYPE,
            ..StrMap::default()
        }
    }
    /// This map as a function's attributes, about to get a `__dict__` view (which leaves out
    /// the keys that are slots of their own in CPython). Set then, not when every function
    /// is made.
    pub(crate) fn mark_function(&mut self) {
        self.hooks |= HOOK_FUNC;
    }
    /// This map as a class `__dict__`.
    pub fn into_type_dict(mut self) -> StrMap {
        self.hooks |= HOOK_TYPE;
        bump_type_epoch();
        self
    }
    /// The key `name` is about to get the value `v`: what a hooked map does besides.
    #[cold]
    #[inline(never)]
    fn on_set(&self, name: &str, v: &Value) {
        if self.hooks & HOOK_TYPE != 0 {
            bump_type_epoch();
        }
        if let Some(l) = &self.live.0 {
            if !self.hidden(name) {
                super::live_dict::mirror_set(&l.dict, self, name, v.clone());
            }
        }
    }
    /// The key `name` is about to be removed.
    #[cold]
    #[inline(never)]
    fn on_remove(&self, name: &str) {
        if self.hooks & HOOK_TYPE != 0 {
            bump_type_epoch();
        }
        if let Some(l) = &self.live.0 {
            if !self.hidden(name) {
                super::live_dict::mirror_remove(&l.dict, self, name);
            }
        }
    }
    /// A key this map holds that its `__dict__` does not show: a function keeps what are
    /// slots of their own in CPython (`__doc__`, `__module__`, ...) in the same map.
    pub(crate) fn hidden(&self, name: &str) -> bool {
        if self.hooks & HOOK_FUNC != 0 {
            return matches!(
                name,
                "__annotations__" | "__doc__" | "__module__" | "__kwdefaults__"
            );
        }
        self.live
            .0
            .as_ref()
            .is_some_and(|l| l.hidden.iter().any(|h| &**h == name))
    }
    /// The `__dict__` view of this map, if one was handed out.
    #[inline]
    pub fn live(&self) -> Option<&Rc<PyDict>> {
        self.live.0.as_ref().map(|l| &l.dict)
    }
    /// Make `d` this map's `__dict__` view (`None`: none any more), with the keys it does
    /// not show; the old view is returned. The caller has made the keys agree and registers
    /// the owner with `d`.
    pub fn set_live(&mut self, d: Option<(Rc<PyDict>, Vec<Rc<str>>)>) -> Option<Rc<PyDict>> {
        let new = match d {
            Some((dict, hidden)) => {
                self.hooks |= HOOK_LIVE;
                Some(Rc::new(Live { dict, hidden }))
            }
            None => {
                self.hooks &= !HOOK_LIVE;
                None
            }
        };
        std::mem::replace(&mut self.live.0, new).map(|l| l.dict.clone())
    }
    /// The keys the `__dict__` view does not show (kept when the view changes).
    pub(crate) fn hidden_keys(&self) -> Vec<Rc<str>> {
        self.live
            .0
            .as_ref()
            .map(|l| l.hidden.clone())
            .unwrap_or_default()
    }
    /// `set` without mirroring into the live dict (the change comes from it).
    pub(crate) fn set_unmirrored(&mut self, name: &PyStr, v: Value) {
        if self.hidden(name.key_str()) {
            return;
        }
        let hooks = std::mem::replace(&mut self.hooks, 0);
        self.set_ps(name, v);
        self.hooks = hooks;
    }
    /// `remove` without mirroring into the live dict.
    pub(crate) fn remove_unmirrored(&mut self, name: &str) -> Option<Value> {
        if self.hidden(name) {
            return None;
        }
        let hooks = std::mem::replace(&mut self.hooks, 0);
        let r = self.remove(name);
        self.hooks = hooks;
        r
    }
    /// Every key removed, but the ones the `__dict__` does not show; not mirrored. The old
    /// values are returned, to be dropped with no borrow held.
    pub(crate) fn clear_unmirrored(&mut self) -> Vec<Value> {
        let keep: Vec<(Rc<str>, Value)> = self
            .iter()
            .filter(|(k, _)| self.hidden(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let old = std::mem::take(&mut self.vals);
        self.shape = None;
        self.bloom = 0;
        let hooks = std::mem::replace(&mut self.hooks, 0);
        for (k, v) in keep {
            self.insert(k, v);
        }
        self.hooks = hooks;
        old
    }
    #[inline(always)]
    fn keys(&self) -> &[(u32, Rc<str>)] {
        match &self.shape {
            Some(sh) => &sh.keys,
            None => NO_KEYS,
        }
    }
    /// The shape to change: this map's own (copied first when shared).
    fn shape_mut(&mut self) -> &mut Shape {
        let sh = Rc::make_mut(self.shape.get_or_insert_with(Rc::default));
        // The caller changes the keys: a new identity (a copy made just now gets one too).
        sh.id = next_shape_id();
        sh
    }
    /// The identity of this map's keys (see `Shape::id`: below 2^63); `u64::MAX` for a map
    /// that never held a key.
    #[inline(always)]
    pub fn shape_id(&self) -> u64 {
        match &self.shape {
            Some(sh) => sh.id,
            None => u64::MAX,
        }
    }
    #[inline]
    fn find_h(&self, name: &str, h: u32) -> Option<usize> {
        if self.bloom & bloom_bit(h) == 0 {
            return None;
        }
        let sh = self.shape.as_deref()?;
        let keys = &sh.keys;
        if sh.index.is_empty() {
            let i = keys.iter().position(|(kh, _)| *kh == h)?;
            if same_key(&keys.get(i)?.1, name) {
                return Some(i);
            }
            // A hash collision inside a small map: check the rest.
            return (i + 1..keys.len()).find(|&j| {
                keys.get(j)
                    .is_some_and(|(kh, k)| *kh == h && same_key(k, name))
            });
        }
        let mask = sh.index.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = *sh.index.get(i)?;
            if slot == 0 {
                return None;
            }
            let k = slot as usize - 1;
            if keys
                .get(k)
                .is_some_and(|(kh, key)| *kh == h && same_key(key, name))
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
    /// Where the interned attribute name `name` is: `hint` when the key there is that very
    /// name (one pointer compare: callers remember where a name sat last time), else a search.
    #[inline]
    pub fn find_ps_hint(&self, name: &PyStr, hint: usize) -> Option<usize> {
        let key = name.key_str();
        if let Some((_, k)) = self.keys().get(hint) {
            if std::ptr::eq(k.as_ptr(), key.as_ptr()) && k.len() == key.len() {
                return Some(hint);
            }
        }
        self.find_h(key, name.hash() as u32)
    }
    /// Is the key at `pos` the text `name`? (One length compare and a short byte compare:
    /// callers that remember where a name sat check it here before searching.)
    #[inline(always)]
    pub fn key_is(&self, pos: usize, name: &str) -> bool {
        self.keys().get(pos).is_some_and(|(_, k)| {
            k.len() == name.len()
                && (std::ptr::eq(k.as_ptr(), name.as_ptr()) || k.as_bytes() == name.as_bytes())
        })
    }
    /// The value at `pos` to overwrite in place, unless the map's changes must be mirrored
    /// (then the caller goes through `set_ps`).
    #[inline(always)]
    pub fn slot_mut(&mut self, pos: usize) -> Option<&mut Value> {
        if self.hooks != 0 {
            return None;
        }
        self.vals.get_mut(pos)
    }
    #[inline]
    pub fn val_at(&self, pos: usize) -> Option<&Value> {
        self.vals.get(pos)
    }
    /// Replace the value at `pos` (from `find_ps_hint`); false when there is none.
    #[inline]
    pub fn set_at(&mut self, pos: usize, v: Value) -> bool {
        if self.hooks != 0 {
            if let Some((_, k)) = self.keys().get(pos) {
                self.on_set(&k.clone(), &v);
            }
        }
        match self.vals.get_mut(pos) {
            Some(slot) => {
                *slot = v;
                true
            }
            None => false,
        }
    }
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }
    /// Inline with the bloom test first: `LoadMethod`'s cache asks this of every receiver,
    /// whose own dict rarely has the name.
    #[inline]
    pub fn contains_ps(&self, name: &PyStr) -> bool {
        let h = name.hash() as u32;
        self.bloom & bloom_bit(h) != 0 && self.find_h(name.key_str(), h).is_some()
    }
    pub fn insert(&mut self, name: Rc<str>, v: Value) {
        if self.hooks != 0 {
            self.on_set(&name, &v);
        }
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
        if self.hooks != 0 {
            self.on_set(name, &v);
        }
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
        if self.hooks != 0 {
            self.on_set(name.key_str(), &v);
        }
        let h = name.hash() as u32;
        if let Some(i) = self.find_h(name.key_str(), h) {
            if let Some(slot) = self.vals.get_mut(i) {
                *slot = v;
            }
            return;
        }
        self.push_new(name.rc_str(), h, v);
    }
    /// `set_ps` for `obj.name = v` on an instance, which gives `v` back for a new key
    /// `__dict__` or `__class__`: those are descriptors in CPython (`generic_setattr`
    /// replaces the dict or the class). Checked only
    /// where a key is added, so overwriting an attribute (most stores) pays nothing.
    #[inline]
    pub fn set_attr_ps(&mut self, name: &PyStr, v: Value) -> Option<Value> {
        let h = name.hash() as u32;
        if let Some(i) = self.find_h(name.key_str(), h) {
            if self.hooks != 0 {
                self.on_set(name.key_str(), &v);
            }
            if let Some(slot) = self.vals.get_mut(i) {
                *slot = v;
            }
            return None;
        }
        if matches!(&*name.s, "__dict__" | "__class__") {
            return Some(v);
        }
        if self.hooks != 0 {
            self.on_set(name.key_str(), &v);
        }
        self.push_new(name.rc_str(), h, v);
        None
    }
    fn push_new(&mut self, name: Rc<str>, h: u32, v: Value) {
        self.bloom |= bloom_bit(h);
        self.vals.push(v);
        if let Some(sh) = &self.shape {
            if Rc::strong_count(sh) > 1 && sh.keys.len() < SHAPE_TRANSITION_MAX {
                let next = shape_after(sh, name, h);
                self.shape = Some(next);
                return;
            }
        }
        let sh = self.shape_mut();
        sh.keys.push((h, name));
        let n = sh.keys.len();
        if n > STRMAP_LINEAR {
            if sh.index.len() < 2 * n {
                sh.reindex();
            } else {
                sh.index_insert(n - 1);
            }
        }
    }
    /// Room for `n` more keys (a class namespace being copied in: one allocation).
    pub fn reserve(&mut self, n: usize) {
        self.vals.reserve(n);
        if let Some(sh) = &mut self.shape {
            if Rc::strong_count(sh) == 1 {
                Rc::make_mut(sh).keys.reserve(n);
            }
        } else if n > 0 {
            let mut sh = Shape {
                id: next_shape_id(),
                ..Shape::default()
            };
            sh.keys.reserve(n);
            self.shape = Some(Rc::new(sh));
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.find(name)?;
        if self.hooks != 0 {
            self.on_remove(name);
        }
        let sh = self.shape_mut();
        sh.keys.remove(i);
        if !sh.index.is_empty() {
            sh.reindex();
        }
        Some(self.vals.remove(i))
    }
    pub fn len(&self) -> usize {
        self.keys().len()
    }
    /// A map that never held anything: it owns no allocation (forgetting it leaks nothing).
    #[inline(always)]
    pub fn is_pristine(&self) -> bool {
        self.shape.is_none() && self.vals.capacity() == 0 && self.live.0.is_none()
    }
    pub fn is_empty(&self) -> bool {
        self.keys().is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.keys().iter().map(|(_, k)| k).zip(self.vals.iter())
    }
    /// Does the map hold one of `names`, each given with its `name_hash`? One pass over the
    /// stored hashes; a key's text is compared only where a hash matches.
    pub fn holds_any(&self, names: &[(&str, u32)]) -> bool {
        // A one-word filter of the names' hashes: most keys are ruled out by one bit test.
        let mask = names.iter().fold(0u64, |m, &(_, h)| m | bloom_bit(h));
        if mask & self.bloom == 0 {
            return false;
        }
        self.keys().iter().any(|&(h, ref k)| {
            mask & 1 << (h & 63) != 0 && names.iter().any(|&(n, nh)| nh == h && same_key(k, n))
        })
    }
}

/// `sh` with the key `name` added, shared with the last map that added the same key to it.
#[cold]
#[inline(never)]
fn shape_after(sh: &Rc<Shape>, name: Rc<str>, h: u32) -> Rc<Shape> {
    if let Ok(nx) = sh.next.try_borrow() {
        if let Some((k, next)) = nx.as_ref() {
            if **k == *name {
                return next.clone();
            }
        }
    }
    let mut copy = (**sh).clone();
    copy.id = next_shape_id();
    copy.keys.push((h, name.clone()));
    let n = copy.keys.len();
    if n > STRMAP_LINEAR {
        copy.reindex();
    }
    let next = Rc::new(copy);
    if let Ok(mut nx) = sh.next.try_borrow_mut() {
        *nx = Some((name, next.clone()));
    }
    next
}

impl Shape {
    fn index_insert(&mut self, pos: usize) {
        let Some(&(h, _)) = self.keys.get(pos) else {
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
    /// Unique across every VM in the process (ids are per VM): the type attribute cache key.
    pub cache_tag: u64,
    /// The metaclass when it is not `type` (`class A(metaclass=M)`, or inherited from a base).
    pub meta: RefCell<Option<Rc<PyType>>>,
    /// A class made from a namespace (a `class` statement, `type(name, bases, ns)`): the last
    /// key its namespace gave it. CPython's `type_new` puts its slot members and its
    /// `__dict__`/`__weakref__` descriptors there (before the `__doc__` and `__hash__` it
    /// adds); loopscope makes them only when `__dict__` is read (`class_dict.rs`).
    pub body_end: OnceCell<Rc<str>>,
}

static NEXT_CACHE_TAG: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A fresh `PyType::cache_tag`.
pub fn new_cache_tag() -> u64 {
    NEXT_CACHE_TAG.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

thread_local! {
    /// Bumped by every change to any class `__dict__`: cache entries from an older epoch are
    /// stale. (MROs never change after creation, so this is all a lookup result depends on.)
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
    static TYPE_CACHE: RefCell<Vec<TypeCacheEntry>> = const { RefCell::new(Vec::new()) };
}

const TYPE_CACHE_SIZE: usize = 4096;

/// Where along a type's MRO a name was found (CPython's method cache, storing the position
/// instead of the value so the cache keeps nothing alive).
#[derive(Default)]
struct TypeCacheEntry {
    tag: u64,
    epoch: u64,
    /// The name, held so its address stays unique while the entry lives.
    name: Option<Rc<str>>,
    /// 0 = not found, 1 = the type itself, k + 1 = `mro_tail[k - 1]`.
    pos: u32,
    /// Where the name sits in that class's dict (checked before use: one pointer compare
    /// instead of a hash probe).
    at: u32,
    /// The value found, for built-in types only (their attributes live as long as they do,
    /// so holding one here changes no object's lifetime).
    val: Option<Value>,
}

fn bump_type_epoch() {
    let _ = TYPE_EPOCH.try_with(|e| e.set(e.get().wrapping_add(1)));
}

pub mod tflags {
    /// A Python `__getattribute__` override somewhere in the MRO (below object).
    pub const GETATTRIBUTE: u32 = 1;
    pub const GETATTR: u32 = 2;
    pub const SETATTR: u32 = 4;
    /// A Python `__new__` somewhere in the MRO.
    pub const NEW: u32 = 8;
    pub const DELATTR: u32 = 16;
    /// The class stands for one of CPython's C types, whose `tp_name` is `module.name`: error
    /// messages say `'_asyncio.Task' object is not callable`, where a Python class (and any
    /// subclass) is just `'Task'`. Set by `PyType::mark_c_type`, never inherited.
    pub const C_NAME: u32 = 32;
    /// The class has abstract methods left (`__abstractmethods__` not empty, set by abc's
    /// ABCMeta): calling it raises CPython's "Can't instantiate abstract class". Not inherited.
    pub const ABSTRACT: u32 = 64;
    /// `__del__` somewhere in the MRO: instances are finalized when they die (`vm::finalize`).
    pub const FINALIZER: u32 = 128;
    /// The class says when its finalizer has work (`vm::finalize::GUARD`).
    pub const FINALIZE_GUARDED: u32 = 256;
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
    /// `lookup` for an attribute name str (no hashing; through the type attribute cache).
    #[inline]
    pub fn lookup_ps(&self, name: &PyStr) -> Option<Value> {
        self.lookup_map(name, Value::clone)
    }
    /// Apply `f` to what `lookup_ps` would find, without cloning it. Goes through the type
    /// attribute cache: a hit probes one dict (none for a missing name or a built-in type).
    #[inline]
    pub fn lookup_map<R>(&self, name: &PyStr, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let epoch = TYPE_EPOCH.try_with(Cell::get).unwrap_or(0);
        let h = name.hash() as u32;
        let slot = ((self.cache_tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
            ^ h as usize)
            & (TYPE_CACHE_SIZE - 1);
        let key = name.key_str();
        let mut f = Some(f);
        // Ok(result) when the cache answered, Err((pos, at)) when it only knows where to look.
        let hit = TYPE_CACHE
            .try_with(|c| {
                let c = c.try_borrow().ok()?;
                let e = c.get(slot)?;
                let same_name = e.name.as_ref().is_some_and(|n| {
                    std::ptr::eq(n.as_ptr(), key.as_ptr()) && n.len() == key.len()
                });
                if !(e.tag == self.cache_tag && e.epoch == epoch && same_name) {
                    return None;
                }
                if e.pos == 0 {
                    return Some(Ok(None));
                }
                match &e.val {
                    Some(v) => Some(Ok(f.take().map(|f| f(v)))),
                    None => Some(Err((e.pos, e.at))),
                }
            })
            .ok()
            .flatten();
        let (pos, at) = match hit {
            Some(Ok(r)) => return r,
            Some(Err(found)) => found,
            None => self.fill_cache(name, slot, epoch),
        };
        if pos == 0 {
            return None;
        }
        let owner = if pos == 1 {
            self
        } else {
            self.mro_tail.get(pos as usize - 2)?
        };
        let d = owner.dict.borrow();
        // The key there is compared by text: a native method's key (set from a Rust
        // literal) is not the very string its callers' bytecode names.
        let i = if d.key_is(at as usize, key) {
            at as usize
        } else {
            d.find_h(key, h)?
        };
        let v = d.val_at(i)?;
        f.take().map(|f| f(v))
    }
    /// Find `name` along the MRO and remember where (see `TypeCacheEntry::pos`).
    fn fill_cache(&self, name: &PyStr, slot: usize, epoch: u64) -> (u32, u32) {
        let (key, h) = (name.key_str(), name.hash() as u32);
        let mut pos = 0u32;
        let mut at = 0u32;
        let mut val = None;
        let found = |d: &StrMap| {
            let i = d.find_h(key, h)?;
            Some((i as u32, d.val_at(i)?.clone()))
        };
        if let Some((i, v)) = found(&self.dict.borrow()) {
            (pos, at) = (1, i);
            val = Some(v);
        } else {
            for (k, t) in self.mro_tail.iter().enumerate() {
                if let Some((i, v)) = found(&t.dict.borrow()) {
                    (pos, at) = (k as u32 + 2, i);
                    val = Some(v);
                    break;
                }
            }
        }
        if epoch != 0 {
            let rc = name.rc_str();
            let val = if self.builtin { val } else { None };
            let _ = TYPE_CACHE.try_with(|c| {
                if let Ok(mut c) = c.try_borrow_mut() {
                    if c.is_empty() {
                        c.resize_with(TYPE_CACHE_SIZE, TypeCacheEntry::default);
                    }
                    if let Some(e) = c.get_mut(slot) {
                        *e = TypeCacheEntry {
                            tag: self.cache_tag,
                            epoch,
                            name: Some(rc),
                            pos,
                            at,
                            val,
                        };
                    }
                }
            });
        }
        (pos, at)
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
    /// See `tflags::C_NAME`.
    pub fn mark_c_type(&self) {
        self.flags.set(self.flags.get() | tflags::C_NAME);
    }
    /// The name CPython's messages use for instances of this class (its `tp_name`).
    pub fn tp_name(&self) -> Rc<str> {
        if self.has_flag(tflags::C_NAME) {
            Rc::from(format!("{}.{}", self.module.borrow(), self.name.borrow()))
        } else {
            self.name()
        }
    }
}

/// Extra per-instance state for built-in layouts.
/// Boxed but for `Builtin`: every instance carries an `Ext`, and most (asyncio's tasks,
/// futures and handles) have none; inline, an exception's data made each of them 64 bytes
/// bigger.
pub enum Ext {
    None,
    Exc(Box<RefCell<ExcData>>),
    Native(Box<RefCell<Box<dyn Any>>>),
    /// Instances of Python subclasses of built-in types: the built-in value they extend
    /// (see `vm::subclass`).
    Builtin(super::value::Value),
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
        if super::finalize::on_drop(self) {
            return;
        }
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
    /// `co.instrs`, shared with the frames running this code: the dispatch loop reaches an
    /// instruction in two dependent loads instead of three.
    pub instrs: Rc<[crate::lang::bytecode::Instr]>,
    consts: OnceCell<Rc<[Value]>>,
    names: OnceCell<Rc<[Value]>>,
    /// Per-instruction `LoadMethod` cache (sized lazily): see `MethodCache`.
    pub method_cache: RefCell<Vec<MethodCache>>,
    /// Per-name `LoadGlobal` cache: see `GlobalCache`.
    pub global_cache: Box<[Cell<GlobalCache>]>,
    /// The argument count a call binds by position alone (no `*args`/`**kwargs`/keyword-only
    /// parameters, no cells, not a generator), `u32::MAX` otherwise: the call fast path tests
    /// one field instead of five.
    pub fast_argcount: u32,
    /// `max(len(varnames), argcount)`: the locals such a call allocates.
    pub nlocals: u32,
    /// Non-zero when a runtime can finish `await f(...)` of this coroutine function natively
    /// without creating the coroutine (see `AwaitHook::call_awaited`); the runtime's tag.
    pub await_native: Cell<u8>,
    /// Whether CPython runs this function in C (loopscope's own Python whose `def` line is
    /// marked `# cpython: C`): 0 not yet looked up, 1 no, 2 yes. See `Vm::runs_in_c`.
    pub in_c: Cell<u8>,
}

/// Where a `LoadGlobal` found its name: the entry index in the globals (or, when the globals
/// lack it, the builtins), valid while the dicts' versions are the ones recorded (a version
/// names one set of keys at fixed indices, see `DictTable::version`). The value itself is read
/// afresh each time, so rebinding a global needs no invalidation.
#[derive(Clone, Copy)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    pub index: u32,
    pub builtin: bool,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache {
            // No table ever has this version.
            globals_version: u64::MAX,
            builtins_version: u64::MAX,
            index: 0,
            builtin: false,
        }
    }
}

/// What a `LoadMethod` found on a built-in type, valid while the receiver's type tag and the
/// type epoch are unchanged. Built-in types only: their attributes live as long as they do,
/// so the cache keeps no object alive that would otherwise die.
#[derive(Default)]
pub struct MethodCache {
    pub tag: u64,
    pub epoch: u64,
    pub val: Option<Value>,
    /// What a `LoadMethod` found on the class of a plain instance (a Python class): held
    /// weakly, so that the cache never keeps a function (and what it closes over) alive.
    /// Valid while the class tag and type epoch are unchanged and the instance's own dict
    /// lacks the name.
    pub inst: InstMethod,
    /// The shape id (`StrMap::shape_id`) of the instance dict that lacked the name when
    /// `inst` was stored: a dict with the same id has the same keys, so it lacks it too.
    /// Updated when a later instance dict is found to lack the name too (a queue whose
    /// keys changed since).
    pub shape: Cell<u64>,
}

#[derive(Default)]
pub enum InstMethod {
    #[default]
    None,
    Func(std::rc::Weak<PyFunction>),
    Builtin(std::rc::Weak<PyBuiltin>),
}

/// The current type epoch (see `TYPE_EPOCH`).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.try_with(Cell::get).unwrap_or(0)
}

/// The instructions the dispatch loop runs (`PyCode::instrs`). The loop fetches without a
/// bounds test (`vm::interp::fetch`), which is sound because every index it can reach is in
/// bounds when (a) every jump target is below the length and (b) the last instruction never
/// falls through (a return, jump or raise): then the index after any other instruction is
/// in bounds too, and the loop only ever fetches at a jump target or after a non-terminator.
/// The compiler's output has both properties; code that lacked them (a compiler bug) gets
/// its out-of-range targets pointed at an appended `return None`, which is what running past
/// the end did before (the missing constant `u32::MAX` loads None).
fn runtime_instrs(instrs: &[crate::lang::bytecode::Instr]) -> Rc<[crate::lang::bytecode::Instr]> {
    use crate::lang::bytecode::Instr;
    use crate::lang::compiler::{jump_target, with_target};
    let n = instrs.len();
    let terminated = matches!(
        instrs.last(),
        Some(Instr::ReturnValue | Instr::Jump(_) | Instr::RaiseVarargs(_) | Instr::Reraise)
    );
    let in_range = instrs
        .iter()
        .all(|i| jump_target(*i).is_none_or(|t| (t as usize) < n));
    if terminated && in_range {
        return Rc::from(instrs);
    }
    let end = u32::try_from(n).unwrap_or(u32::MAX);
    let mut v: Vec<Instr> = instrs
        .iter()
        .map(|i| match jump_target(*i) {
            Some(t) if t as usize >= n => with_target(*i, end),
            _ => *i,
        })
        .collect();
    v.push(Instr::LoadConst(u32::MAX));
    v.push(Instr::ReturnValue);
    Rc::from(v)
}

impl PyCode {
    pub fn new(co: Rc<CodeObject>) -> PyCode {
        use crate::lang::bytecode::flags;
        let simple = co.flags
            & (flags::VARARGS
                | flags::VARKEYWORDS
                | flags::GENERATOR
                | flags::COROUTINE
                | flags::ASYNC_GENERATOR)
            == 0
            && co.kwonlyargcount == 0
            && co.cellvars.is_empty()
            && co.freevars.is_empty();
        PyCode {
            instrs: runtime_instrs(&co.instrs),
            global_cache: co.names.iter().map(|_| Cell::default()).collect(),
            fast_argcount: if simple { co.argcount } else { u32::MAX },
            nlocals: co.varnames.len().max(co.argcount as usize) as u32,
            co,
            consts: OnceCell::new(),
            names: OnceCell::new(),
            method_cache: RefCell::new(Vec::new()),
            await_native: Cell::new(0),
            in_c: Cell::new(0),
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

impl PyBuiltin {
    /// A module's function (`time.localtime`), as opposed to a type's method: CPython's
    /// `builtin_function_or_method` is no descriptor, so a class attribute holding one does
    /// not bind.
    pub fn is_module_function(&self) -> bool {
        self.owner.is_none() && self.module.is_some() && self.bound.is_none()
    }
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
        /// Settable, as CPython's: `urllib.parse` documents its named tuples' fields.
        doc: RefCell<Value>,
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
    /// `coro.__await__()`: a plain iterator over the coroutine, so a generator-based
    /// `__await__` may `yield from` it (a bare coroutine is refused there).
    CoroWrapper(Rc<super::coro::PyGen>),
    /// A frame object (`gi_frame`, `sys._getframe()`): see `frame_obj`.
    Frame(Rc<super::frame_obj::FrameObj>),
    /// A read-only view of a mapping: a class's `__dict__` (see `class_dict.rs`).
    MappingProxy(Value),
    /// What CPython's class `__dict__` holds for a slot (`<member 'a' of 'S' objects>`,
    /// `member: true`) or for the instances' `__dict__`/`__weakref__`
    /// (`<attribute '__dict__' of 'A' objects>`). The class holds it (in its `__dict__`'s
    /// dict), so it holds the class weakly.
    SlotDescr {
        name: Rc<str>,
        owner: std::rc::Weak<PyType>,
        member: bool,
    },
    /// `list[int]`: a `types.GenericAlias` (see `generic_alias.rs`); `args` is a tuple.
    GenericAlias {
        origin: Value,
        args: Value,
    },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: Option<&Value>) -> Option<i64> {
        match v {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    #[test]
    fn runtime_instrs_keep_compiled_code_and_guard_the_rest() {
        use crate::lang::bytecode::Instr;
        // Terminated, targets in range: the same instructions.
        let good = [
            Instr::LoadConst(0),
            Instr::PopJumpIfFalse(0),
            Instr::ReturnValue,
        ];
        assert_eq!(&*runtime_instrs(&good), &good[..]);
        // Falls off the end and jumps past it: both reach an appended `return None`.
        let bad = [Instr::Nop, Instr::Jump(7)];
        let fixed = runtime_instrs(&bad);
        assert_eq!(
            &*fixed,
            &[
                Instr::Nop,
                Instr::Jump(2),
                Instr::LoadConst(u32::MAX),
                Instr::ReturnValue
            ][..]
        );
        assert_eq!(
            &*runtime_instrs(&[]),
            &[Instr::LoadConst(u32::MAX), Instr::ReturnValue][..]
        );
    }

    #[test]
    fn strmap_small_and_indexed_agree() {
        let mut m = StrMap::new();
        // Grow past the linear-scan size so the open-addressing index is built and rebuilt.
        for i in 0..100 {
            m.set(&format!("k{i}"), Value::Int(i));
        }
        assert_eq!(m.len(), 100);
        for i in 0..100 {
            assert_eq!(int(m.get(&format!("k{i}"))), Some(i));
        }
        assert!(m.get("k100").is_none());
        // Overwrite keeps the position; remove reindexes.
        m.set("k5", Value::Int(-5));
        assert_eq!(
            m.iter().nth(5).map(|(k, _)| k.to_string()),
            Some("k5".into())
        );
        assert_eq!(int(m.remove("k5").as_ref()), Some(-5));
        assert!(m.get("k5").is_none());
        assert_eq!(int(m.get("k99")), Some(99));
        assert_eq!(m.len(), 99);
        while m.len() > 3 {
            let k = m
                .iter()
                .next()
                .map(|(k, _)| k.clone())
                .unwrap_or_else(|| Rc::from(""));
            m.remove(&k);
        }
        assert_eq!(int(m.get("k99")), Some(99));
    }

    #[test]
    fn strmap_pystr_lookups_match_str_lookups() {
        let mut m = StrMap::new();
        let name = intern("attr_name");
        let Value::Str(ps) = &name else {
            unreachable!("intern returns a str")
        };
        m.set_ps(ps, Value::Int(1));
        assert_eq!(int(m.get("attr_name")), Some(1));
        assert_eq!(int(m.get_ps(ps)), Some(1));
        // A different str object with the same text finds the same key.
        let other = PyStr::new("attr_name");
        assert!(m.contains_ps(&other));
        m.set("attr_name", Value::Int(2));
        assert_eq!(m.len(), 1);
        assert_eq!(int(m.get_ps(ps)), Some(2));
    }

    #[test]
    fn type_cache_sees_class_dict_changes() {
        let base = Rc::new(PyType {
            name: RefCell::new(Rc::from("Base")),
            qualname: RefCell::new(Rc::from("Base")),
            module: RefCell::new(Rc::from("m")),
            bases: vec![],
            mro_tail: vec![],
            dict: RefCell::new(StrMap::for_type()),
            layout: Layout::Object,
            builtin: false,
            native_new: None,
            flags: Cell::new(0),
            id: 1,
            cache_tag: new_cache_tag(),
            meta: RefCell::new(None),
            body_end: OnceCell::new(),
        });
        let sub = PyType {
            name: RefCell::new(Rc::from("Sub")),
            qualname: RefCell::new(Rc::from("Sub")),
            module: RefCell::new(Rc::from("m")),
            bases: vec![base.clone()],
            mro_tail: vec![base.clone()],
            dict: RefCell::new(StrMap::for_type()),
            layout: Layout::Object,
            builtin: false,
            native_new: None,
            flags: Cell::new(0),
            id: 2,
            cache_tag: new_cache_tag(),
            meta: RefCell::new(None),
            body_end: OnceCell::new(),
        };
        let name = PyStr::new("x");
        assert!(sub.lookup_ps(&name).is_none());
        base.dict.borrow_mut().set("x", Value::Int(1));
        assert_eq!(int(sub.lookup_ps(&name).as_ref()), Some(1));
        base.dict.borrow_mut().set("x", Value::Int(2));
        assert_eq!(int(sub.lookup_ps(&name).as_ref()), Some(2));
        sub.dict.borrow_mut().set("x", Value::Int(3));
        assert_eq!(int(sub.lookup_ps(&name).as_ref()), Some(3));
        sub.dict.borrow_mut().remove("x");
        assert_eq!(int(sub.lookup_ps(&name).as_ref()), Some(2));
        base.dict.borrow_mut().remove("x");
        assert!(sub.lookup_ps(&name).is_none());
    }
}
