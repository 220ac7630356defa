//! An instance's (or function's) `__dict__` as a live view, as in CPython: the dict it returns
//! is the same object every time, and changes on either side show on the other
//! (`self.__dict__.update(kw)`, `vars(obj)[k] = v`, `obj.__dict__ = {...}`, the Borg idiom's
//! shared dict).
//!
//! The object's `StrMap` stays where attributes live, so attribute reads (the VM's hottest
//! path, and asyncio's positional reads of its futures' fields) are unchanged, and an object
//! whose `__dict__` is never read pays nothing. Once it is read, the map keeps the dict
//! (`StrMap::live`) and mirrors every change into it; the dict lists its owners weakly
//! (`DictTable::owners`) and every mutation of a dict with owners applies its str keys to
//! them (non-str keys live in the dict only, as CPython allows). Mirrored writes run no
//! Python code (str keys hash and compare natively) and take every borrow with `try_`: a
//! borrow that is busy skips the mirror instead of panicking.

use super::dict::PyDict;
use super::object::{intern, PyFunction, PyInstance, StrMap};
use super::value::{PyStr, Value};
use super::{ExcKind, PyResult, Vm};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// An object whose attribute map follows a dict.
pub enum Owner {
    Inst(Weak<PyInstance>),
    Func(Weak<PyFunction>),
}

/// The owners of a dict (`DictTable::owners`).
#[derive(Default)]
pub struct Owners(Vec<Owner>);

/// An owner, alive for the length of one mirrored change.
enum Held {
    Inst(Rc<PyInstance>),
    Func(Rc<PyFunction>),
}

impl Owner {
    fn upgrade(&self) -> Option<Held> {
        match self {
            Owner::Inst(w) => w.upgrade().map(Held::Inst),
            Owner::Func(w) => w.upgrade().map(Held::Func),
        }
    }
    fn alive(&self) -> bool {
        match self {
            Owner::Inst(w) => w.strong_count() > 0,
            Owner::Func(w) => w.strong_count() > 0,
        }
    }
    fn is(&self, map: *const StrMap) -> bool {
        match self {
            Owner::Inst(w) => w
                .upgrade()
                .is_some_and(|i| std::ptr::eq(i.dict.as_ptr(), map)),
            Owner::Func(w) => w
                .upgrade()
                .is_some_and(|f| std::ptr::eq(f.dict.as_ptr(), map)),
        }
    }
}

impl Held {
    fn map(&self) -> &RefCell<StrMap> {
        match self {
            Held::Inst(i) => &i.dict,
            Held::Func(f) => &f.dict,
        }
    }
}

/// A key of the dict that is an attribute name (`__dict__` itself never is one: the
/// descriptor wins over an entry of that name).
fn attr_name(key: &Value) -> Option<&PyStr> {
    match key {
        Value::Str(ps) if &*ps.s != "__dict__" => Some(ps),
        _ => None,
    }
}

/// The live owners of `d`, but the one whose map is `except`.
fn owners_of(d: &PyDict, except: *const StrMap) -> Vec<Held> {
    let Ok(t) = d.t.try_borrow() else {
        return Vec::new();
    };
    let Some(owners) = &t.owners else {
        return Vec::new();
    };
    owners
        .0
        .iter()
        .filter_map(Owner::upgrade)
        .filter(|h| !std::ptr::eq(h.map().as_ptr(), except))
        .collect()
}

/// The map `from` set `name` to `v`: the same in its dict `d` and in the dict's other owners.
pub(crate) fn mirror_set(d: &PyDict, from: &StrMap, name: &str, v: Value) {
    let key = intern(name);
    let Value::Str(ps) = &key else { return };
    let old = {
        let Ok(mut t) = d.t.try_borrow_mut() else {
            return;
        };
        match t.probe_str(ps.hash(), name) {
            Some(i) => t.set_value_at(i, v.clone()),
            None => {
                t.insert_new(ps.hash(), key.clone(), v.clone());
                None
            }
        }
    };
    // Dropped with the table released: a finalizer may read this dict.
    drop(old);
    if &*ps.s == "__dict__" {
        return;
    }
    for o in owners_of(d, from) {
        if let Ok(mut m) = o.map().try_borrow_mut() {
            m.set_unmirrored(ps, v.clone());
        }
    }
}

/// The map `from` removed `name`: the same in its dict `d` and the dict's other owners.
pub(crate) fn mirror_remove(d: &PyDict, from: &StrMap, name: &str) {
    let old = {
        let Ok(mut t) = d.t.try_borrow_mut() else {
            return;
        };
        let h = super::ops::hash_str(name);
        t.probe_str(h, name).and_then(|i| t.remove_at(i))
    };
    drop(old);
    for o in owners_of(d, from) {
        let old = o
            .map()
            .try_borrow_mut()
            .ok()
            .and_then(|mut m| m.remove_unmirrored(name));
        drop(old);
    }
}

impl PyDict {
    /// `self[key] = v` was done: the owners' attribute `key` too.
    #[cold]
    #[inline(never)]
    pub(crate) fn owners_set(&self, key: &Value, v: &Value) {
        let Some(ps) = attr_name(key) else { return };
        for o in owners_of(self, std::ptr::null()) {
            if let Ok(mut m) = o.map().try_borrow_mut() {
                m.set_unmirrored(ps, v.clone());
            }
        }
    }
    /// `self[key] = v` on some object's `__dict__` (`found`: where `Vm::dict_find` found the
    /// key): its attribute too.
    #[cold]
    #[inline(never)]
    pub(crate) fn set_owned(&self, found: Option<usize>, h: i64, key: Value, v: Value) {
        let old = {
            let mut t = self.t.borrow_mut();
            match found {
                Some(i) => t.set_value_at(i, v.clone()),
                None => {
                    t.insert_new(h, key.clone(), v.clone());
                    None
                }
            }
        };
        drop(old);
        self.owners_set(&key, &v);
    }
    /// `del self[key]` was done: the owners' attribute `key` too.
    #[cold]
    #[inline(never)]
    pub(crate) fn owners_remove(&self, key: &Value) {
        let Some(ps) = attr_name(key) else { return };
        for o in owners_of(self, std::ptr::null()) {
            let old = o
                .map()
                .try_borrow_mut()
                .ok()
                .and_then(|mut m| m.remove_unmirrored(ps.key_str()));
            drop(old);
        }
    }
    /// The dict was changed wholesale (`clear`, a reordering): the owners' attributes become
    /// its str keys, in its order.
    #[cold]
    #[inline(never)]
    pub(crate) fn owners_resync(&self) {
        let owners = owners_of(self, std::ptr::null());
        if owners.is_empty() {
            return;
        }
        let items = match self.t.try_borrow() {
            Ok(t) => t.items(),
            Err(_) => return,
        };
        for o in owners {
            let Ok(mut m) = o.map().try_borrow_mut() else {
                continue;
            };
            let old = m.clear_unmirrored();
            for (k, v) in &items {
                if let Some(ps) = attr_name(k) {
                    m.set_unmirrored(ps, v.clone());
                }
            }
            drop(m);
            drop(old);
        }
    }
    fn add_owner(&self, o: Owner) {
        if let Ok(mut t) = self.t.try_borrow_mut() {
            let owners = t.owners.get_or_insert_with(Default::default);
            owners.0.retain(Owner::alive);
            owners.0.push(o);
        }
    }
    fn remove_owner(&self, map: *const StrMap) {
        if let Ok(mut t) = self.t.try_borrow_mut() {
            if let Some(owners) = &mut t.owners {
                owners.0.retain(|o| o.alive() && !o.is(map));
                if owners.0.is_empty() {
                    t.owners = None;
                }
            }
        }
    }
}

/// Whose `__dict__`: an instance or a function.
#[derive(Clone, Copy)]
pub enum DictOf<'a> {
    Inst(&'a Rc<PyInstance>),
    Func(&'a Rc<PyFunction>),
}

impl DictOf<'_> {
    fn map(&self) -> &RefCell<StrMap> {
        match self {
            DictOf::Inst(i) => &i.dict,
            DictOf::Func(f) => &f.dict,
        }
    }
    /// The names a `__slots__` that also has `__dict__` gives the object: in its map here,
    /// not in its `__dict__`.
    fn slot_names(&self) -> Vec<Rc<str>> {
        let DictOf::Inst(i) = self else {
            return Vec::new();
        };
        slot_names(&i.class())
    }
    /// Ready the object's map for a `__dict__` view.
    fn prepare(&self, m: &mut StrMap) {
        if let DictOf::Func(_) = self {
            m.mark_function();
        }
    }
    fn owner(&self) -> Owner {
        match self {
            DictOf::Inst(i) => Owner::Inst(Rc::downgrade(i)),
            DictOf::Func(f) => Owner::Func(Rc::downgrade(f)),
        }
    }
}

fn slot_names(cls: &Rc<super::object::PyType>) -> Vec<Rc<str>> {
    let mut names = Vec::new();
    for c in cls.mro() {
        if let Some(slots) = super::class_dict::slot_list(&c) {
            names.extend(super::class_dict::field_slots(&slots).cloned());
        }
    }
    names
}

/// The object's `__dict__`: the one handed out before, else a new dict of its attributes
/// that stays live from now on.
pub fn dict_of(of: DictOf) -> Rc<PyDict> {
    if let Some(d) = of.map().try_borrow().ok().and_then(|m| m.live().cloned()) {
        return d;
    }
    let d = Rc::new(PyDict::new());
    {
        let Ok(mut m) = of.map().try_borrow_mut() else {
            return d;
        };
        of.prepare(&mut m);
        m.set_live(Some((d.clone(), of.slot_names())));
        let mut t = d.t.borrow_mut();
        for (k, v) in m.iter() {
            if m.hidden(k) {
                continue;
            }
            let key = intern(k);
            if let Value::Str(ps) = &key {
                t.insert_new(ps.hash(), key.clone(), v.clone());
            }
        }
    }
    d.add_owner(of.owner());
    d
}

/// An object resurrected for its finalizer is a new allocation: its `__dict__` follows it.
pub fn readopt(inst: &Rc<PyInstance>) {
    let live = inst.dict.borrow().live().cloned();
    if let Some(d) = live {
        d.add_owner(Owner::Inst(Rc::downgrade(inst)));
    }
}

/// A copy of `src`'s attributes for a new object `dst` (copy.copy): its own `__dict__` if it
/// has entries that are not attribute names (which only the dict holds), else none yet.
pub fn copy_attrs(src: &PyInstance, dst: &Rc<PyInstance>) {
    let (map, live) = {
        let m = src.dict.borrow();
        (m.clone(), m.live().cloned().map(|d| (d, m.hidden_keys())))
    };
    *dst.dict.borrow_mut() = map;
    let Some((d, hidden)) = live else { return };
    if d.t.borrow().iter().all(|e| attr_name(&e.key).is_some()) {
        return;
    }
    let nd = Rc::new(PyDict::new());
    {
        let src = d.t.borrow();
        let mut t = nd.t.borrow_mut();
        for e in src.iter() {
            t.insert_new(e.hash, e.key.clone(), e.value.clone());
        }
    }
    dst.dict.borrow_mut().set_live(Some((nd.clone(), hidden)));
    nd.add_owner(Owner::Inst(Rc::downgrade(dst)));
}

impl Vm {
    /// `obj.__dict__ = v`: `v` (a dict) becomes the object's dict, the very object, and its str
    /// keys its attributes.
    pub fn set_dict_of(&mut self, of: DictOf, v: &Value) -> PyResult<()> {
        let d = match v {
            Value::Dict(d) => d.clone(),
            Value::Instance(i) => match &i.ext {
                super::object::Ext::Builtin(Value::Dict(d)) => d.clone(),
                _ => return Err(self.not_a_dict(v)),
            },
            _ => return Err(self.not_a_dict(v)),
        };
        let items = d.t.borrow().items();
        let map = of.map();
        let me: *const StrMap = map.as_ptr();
        let (old_live, old_vals) = {
            let Ok(mut m) = map.try_borrow_mut() else {
                return Ok(());
            };
            // The slots stay (`clear_unmirrored` keeps the keys the dict does not show).
            of.prepare(&mut m);
            let old_live = m.set_live(Some((d.clone(), of.slot_names())));
            let old_vals = m.clear_unmirrored();
            for (k, v) in &items {
                if let Some(ps) = attr_name(k) {
                    m.set_unmirrored(ps, v.clone());
                }
            }
            (old_live, old_vals)
        };
        if let Some(old) = &old_live {
            old.remove_owner(me);
        }
        d.add_owner(of.owner());
        drop(old_vals);
        drop(old_live);
        Ok(())
    }

    fn not_a_dict(&self, v: &Value) -> super::Exc {
        self.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            self.type_name(v)
        ))
    }

    /// `del obj.__dict__` on an instance: it has no attributes and is detached from its old
    /// dict, as CPython's `subtype_setdict` with NULL; the next read gives a new, empty one
    /// (as this is).
    pub fn del_dict_of(&mut self, inst: &Rc<PyInstance>) -> PyResult<()> {
        let empty = Value::Dict(Rc::new(PyDict::new()));
        self.set_dict_of(DictOf::Inst(inst), &empty)
    }

    /// `TypeError` for the other objects' `del f.__dict__`.
    pub fn cannot_delete_dict(&self) -> super::Exc {
        self.new_error(ExcKind::TypeError, "cannot delete __dict__")
    }
}
