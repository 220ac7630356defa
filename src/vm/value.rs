//! The value representation: a 16-byte enum. Small immutable values (None, bools, ints, floats)
//! live inline; everything else is a reference-counted heap object. Ints are `i64` inline, and
//! `Long` (a shared big int) past that: arithmetic that overflows i64 promotes (src/vm/long.rs).

use super::coro::PyGen;
use super::dict::{PyDict, PySet};
use super::object::{
    NativeObj, PyBuiltin, PyCell, PyCode, PyFunction, PyInstance, PyMethod, PyModule, PyType,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A script-visible value (plus `Null`, the VM's internal "no value" marker: the NULL of the call
/// protocol and the content of an unbound local; never visible to scripts).
#[derive(Default)]
pub enum Value {
    #[default]
    None,
    Null,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<PyBytes>),
    List(Rc<PyList>),
    Tuple(Rc<PyTuple>),
    Dict(Rc<PyDict>),
    /// set and frozenset (see `PySet::frozen`).
    Set(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Func(Rc<PyFunction>),
    Builtin(Rc<PyBuiltin>),
    /// A bound method (function + self).
    Method(Rc<PyMethod>),
    Type(Rc<PyType>),
    /// Instances of classes: user classes, exceptions, and native classes defined from Rust.
    Instance(Rc<PyInstance>),
    Module(Rc<PyModule>),
    Cell(Rc<PyCell>),
    /// Generators, coroutines and async generators (one core).
    Gen(Rc<PyGen>),
    Code(Rc<PyCode>),
    /// Helper objects of builtin types: iterators, property, staticmethod, super, ...
    Native(Rc<NativeObj>),
    /// An int outside i64 (never one that fits: see `long::norm`). Declared last so the tags
    /// of the hot variants stay as they were.
    Long(Rc<num_bigint::BigInt>),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if self.is_plain() {
            // SAFETY: a plain variant owns no heap reference, so a bitwise copy is a clone.
            // One range test on the tag and a 16-byte copy, where a per-variant match
            // compiled to a jump table through a stack spill (about 6 instructions more on
            // every `LoadFast`/`LoadConst`).
            unsafe { std::ptr::read(self) }
        } else {
            self.clone_heap()
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_heap(&self) -> Value {
        match self {
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Str(r) => Value::Str(r.clone()),
            Value::Bytes(r) => Value::Bytes(r.clone()),
            Value::List(r) => Value::List(r.clone()),
            Value::Tuple(r) => Value::Tuple(r.clone()),
            Value::Dict(r) => Value::Dict(r.clone()),
            Value::Set(r) => Value::Set(r.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Slice(r) => Value::Slice(r.clone()),
            Value::Func(r) => Value::Func(r.clone()),
            Value::Builtin(r) => Value::Builtin(r.clone()),
            Value::Method(r) => Value::Method(r.clone()),
            Value::Type(r) => Value::Type(r.clone()),
            Value::Instance(r) => Value::Instance(r.clone()),
            Value::Module(r) => Value::Module(r.clone()),
            Value::Cell(r) => Value::Cell(r.clone()),
            Value::Gen(r) => Value::Gen(r.clone()),
            Value::Code(r) => Value::Code(r.clone()),
            Value::Native(r) => Value::Native(r.clone()),
            Value::Long(r) => Value::Long(r.clone()),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Bool(b) => Value::Bool(*b),
            Value::None => Value::None,
            Value::Null => Value::Null,
        }
    }

    /// Drop a value that is known to hold no heap reference without calling drop glue (hot
    /// arithmetic paths).
    #[inline]
    pub fn forget_plain(self) {
        if self.is_plain() {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    /// Drop with the hot cases inline: plain values (nothing to do) and the containers and
    /// strs that subscripts work on (one reference-count decrement), instead of a call into
    /// the drop glue's jump over every variant.
    #[inline(always)]
    pub fn drop_fast(self) {
        match self {
            Value::List(l) => drop(l),
            Value::Dict(d) => drop(d),
            Value::Str(s) => drop(s),
            Value::Tuple(t) => drop(t),
            v => v.forget_plain(),
        }
    }

    /// A function or built-in cloned inline (global lookups of functions and `len`, cached
    /// methods are the hot cases), any other value as `clone` does.
    #[inline(always)]
    pub fn clone_func_fast(&self) -> Value {
        match self {
            Value::Func(f) => Value::Func(f.clone()),
            Value::Builtin(b) => Value::Builtin(b.clone()),
            v => v.clone(),
        }
    }

    /// Holds no heap reference (the variants declared first, so the test is one range check
    /// on the tag).
    #[inline(always)]
    pub fn is_plain(&self) -> bool {
        matches!(
            self,
            Value::None
                | Value::Null
                | Value::NotImplemented
                | Value::Ellipsis
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
        )
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(PyTuple::new(items)))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyList::new(items)))
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None)
            | (Null, Null)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; treat equal ints as identical everywhere so `is`
            // on ints is at least stable.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }
    /// The id a value keeps for its life (instances, functions, generators and coroutines,
    /// classes): the stand-in for its CPython address. Other values have none.
    #[inline]
    pub fn stable_id(&self) -> Option<u64> {
        match self {
            Value::Instance(i) => Some(i.id),
            Value::Func(f) => Some(f.id),
            Value::Gen(g) => Some(g.id),
            Value::Type(t) => Some(t.id),
            _ => None,
        }
    }
    /// Address of the heap object, if any (identity, `id()`).
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Func(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Type(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Gen(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Long(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return Option::None,
        })
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(&s.s),
            _ => None,
        }
    }
    pub fn as_type(&self) -> Option<&Rc<PyType>> {
        match self {
            Value::Type(t) => Some(t),
            _ => None,
        }
    }
    pub fn as_instance(&self) -> Option<&Rc<PyInstance>> {
        match self {
            Value::Instance(t) => Some(t),
            _ => None,
        }
    }
}

/// An immutable Unicode string. Indexing is by character: `ascii` makes that O(1) for the
/// common case.
pub struct PyStr {
    pub s: Box<str>,
    pub nchars: usize,
    pub ascii: bool,
    hash: Cell<Option<i64>>,
    /// The text as a shared `Rc<str>`, made the first time this str becomes an attribute
    /// name (`StrMap` keys share it: no allocation per `self.x = ...`, pointer-equal lookups).
    rc: std::cell::OnceCell<Rc<str>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_string())
    }
    /// Text known to be ASCII (digits, `a + b` of two ASCII strs): no scan for the flags.
    pub fn from_ascii(s: String) -> PyStr {
        debug_assert!(s.is_ascii());
        PyStr {
            nchars: s.len(),
            s: s.into_boxed_str(),
            ascii: true,
            hash: Cell::new(None),
            rc: std::cell::OnceCell::new(),
        }
    }
    /// `a + b`: the flags follow from the parts', without a scan of the text.
    pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
        let mut s = String::with_capacity(a.s.len() + b.s.len());
        s.push_str(&a.s);
        s.push_str(&b.s);
        PyStr {
            s: s.into_boxed_str(),
            nchars: a.nchars + b.nchars,
            ascii: a.ascii && b.ascii,
            hash: Cell::new(None),
            rc: std::cell::OnceCell::new(),
        }
    }
    pub fn from_string(s: String) -> PyStr {
        let ascii = s.is_ascii();
        let nchars = if ascii { s.len() } else { s.chars().count() };
        PyStr {
            s: s.into_boxed_str(),
            nchars,
            ascii,
            hash: Cell::new(None),
            rc: std::cell::OnceCell::new(),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// The cached hash (CPython randomises str hashes, so any good hash is faithful).
    #[inline]
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = super::ops::hash_str(&self.s);
        self.hash.set(Some(h));
        h
    }
    /// The text as an `Rc<str>` (made once, then shared).
    pub fn rc_str(&self) -> Rc<str> {
        self.rc.get_or_init(|| Rc::from(&*self.s)).clone()
    }
    /// The text, from the shared `Rc<str>` when there is one (so map keys made from it
    /// compare by pointer).
    #[inline]
    pub fn key_str(&self) -> &str {
        match self.rc.get() {
            Some(r) => r,
            None => &self.s,
        }
    }
    /// The character at index `i` (already normalised to `0..nchars`).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.ascii {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }
    /// Byte offset of character index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }
}

pub struct PyBytes {
    pub b: Box<[u8]>,
}

pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }
}

pub struct PyTuple {
    pub items: Box<[Value]>,
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple {
            items: items.into_boxed_slice(),
        }
    }
}

pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl PyRange {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }
}

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

// ---------------------------------------------------------------- deferred drops
//
// Dropping a deeply nested structure (`a = [a]` a million times) would recurse once per level
// in Rust's drop glue. Containers hand their contents to a thread-local queue instead while a
// drop is already in progress, and the outermost drop empties the queue in a loop (CPython's
// "trashcan").

thread_local! {
    static TRASH: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static DROPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether `TRASH` may hold something: a cheap look before borrowing it (most drops of
    /// a container only decrement a count and queue nothing).
    static QUEUED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Drop `items` without recursing deeper than one level.
#[inline]
pub fn drop_deferred(items: Vec<Value>) {
    if items.iter().all(|v| !v.is_container()) {
        return;
    }
    drop_deferred_slow(items, false)
}

/// `drop_deferred` last item first: CPython's list and tuple deallocators release their items
/// from the end, which decides the order of `__del__` calls.
pub fn drop_deferred_rev(mut items: Vec<Value>) {
    if items.iter().all(|v| v.is_plain()) {
        // SAFETY: plain values own nothing: forgetting them skips a drop-glue call per item
        // (a tuple of ints dropped in a loop).
        unsafe { items.set_len(0) };
        return;
    }
    if items.iter().all(|v| !v.is_container()) {
        // No nesting to flatten, but still the last item first (a tuple of two never-awaited
        // coroutines warns about the second one first, as CPython does).
        while let Some(v) = items.pop() {
            drop(v);
        }
        return;
    }
    drop_deferred_slow(items, true)
}

#[inline(never)]
fn drop_deferred_slow(mut items: Vec<Value>, last_first: bool) {
    let nested = DROPPING.with(|d| d.replace(true));
    if nested {
        // The queue is a stack, filled with the item to drop first on top: what that item
        // holds is pushed above the rest, and goes before the second item. That is CPython's
        // order, whose deallocators recurse (a list's tasks' `__del__`s print last to first,
        // each with whatever only that task held).
        if !last_first {
            items.reverse();
        }
        let refused = TRASH
            .try_with(|t| match t.try_borrow_mut() {
                Ok(mut t) => {
                    t.append(&mut items);
                    QUEUED.with(|q| q.set(true));
                    None
                }
                Err(_) => Some(items),
            })
            .ok()
            .flatten();
        // Unreachable in practice (only this code borrows the queue): drop in place.
        drop(refused);
        return;
    }
    if last_first {
        items.reverse();
    }
    for v in items {
        // Only a container's drop can queue what it held; that goes before the next item.
        let queues = v.is_container();
        drop(v);
        if queues {
            drain_trash();
        }
    }
    let _ = DROPPING.try_with(|d| d.set(false));
}

fn drain_trash() {
    if !QUEUED.with(|q| q.replace(false)) {
        return;
    }
    loop {
        let next = TRASH
            .try_with(|t| t.try_borrow_mut().ok().and_then(|mut t| t.pop()))
            .ok()
            .flatten();
        match next {
            Some(v) => drop(v),
            None => break,
        }
    }
}

impl Value {
    fn is_container(&self) -> bool {
        matches!(
            self,
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Instance(_) | Value::Set(_)
        )
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        drop_deferred_rev(std::mem::take(self.items.get_mut()));
    }
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        drop_deferred_rev(std::mem::take(&mut self.items).into_vec());
    }
}
