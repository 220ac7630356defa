//! The value representation: a 16-byte enum. Small immutable values (None, bools, ints, floats)
//! live inline; everything else is a reference-counted heap object. Ints are `i64` with checked
//! arithmetic (overflow raises `OverflowError`): arbitrary precision is out of scope.

use super::dict::{PyDict, PySet};
use super::object::{
    NativeObj, PyBuiltin, PyCell, PyCode, PyFunction, PyInstance, PyMethod, PyModule, PyType,
};
use super::coro::PyGen;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A script-visible value (plus `Null`, the VM's internal "no value" marker: the NULL of the call
/// protocol and the content of an unbound local; never visible to scripts).
#[derive(Clone, Default)]
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
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

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
            (None, None) | (Null, Null) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => {
                true
            }
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
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_string())
    }
    pub fn from_string(s: String) -> PyStr {
        let ascii = s.is_ascii();
        let nchars = if ascii { s.len() } else { s.chars().count() };
        PyStr { s: s.into_boxed_str(), nchars, ascii, hash: Cell::new(None) }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// The cached hash (CPython randomises str hashes, so any good hash is faithful).
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = super::ops::hash_str(&self.s);
        self.hash.set(Some(h));
        h
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
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
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
        PyList { items: RefCell::new(items) }
    }
}

pub struct PyTuple {
    pub items: Box<[Value]>,
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple { items: items.into_boxed_slice() }
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
