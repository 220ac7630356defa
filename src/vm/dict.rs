//! Insertion-ordered hash tables with Python key semantics (`1 == 1.0 == True` are one key).
//! Equality of keys that needs Python code (`__eq__` on instances) is done by the caller with
//! the table unborrowed: `probe` reports those candidates instead of deciding.

use super::ops::eq_fast;
use super::value::Value;
use std::cell::{Cell, RefCell};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The result of looking for a key without running Python code.
pub enum Probe {
    Found(usize),
    Missing,
    /// Entries with an equal hash whose equality needs Python (`__eq__`).
    Unsure(Vec<(usize, Value)>),
}

#[derive(Default)]
pub struct DictTable {
    /// Entries in insertion order; deleted ones have `key == Value::Null`.
    entries: Vec<Entry>,
    indices: Vec<i32>,
    used: usize,
    /// A fresh number from `next_version` on every change of the keys (values may change in
    /// place). Unique across all tables, so an equal version means the same keys at the same
    /// entry indices: `LoadGlobal`'s cache relies on it. 0: never had a key.
    pub version: u64,
    /// The objects whose `__dict__` this is (`live_dict`): their attribute maps follow this
    /// table's str keys. `None` for every other dict (one word, boxed: most dicts have none).
    pub(crate) owners: Option<Box<super::live_dict::Owners>>,
}

thread_local! {
    static LAST_VERSION: Cell<u64> = const { Cell::new(0) };
}

fn next_version() -> u64 {
    LAST_VERSION.with(|c| {
        let v = c.get() + 1;
        c.set(v);
        v
    })
}

/// CPython's open-addressing step (`dictobject.c`): the next index to probe after `i`.
#[inline(always)]
fn next_slot(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}
impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }
    pub fn len(&self) -> usize {
        self.used
    }
    /// Is this some object's `__dict__` (its changes are mirrored to the object)?
    #[inline(always)]
    pub fn has_owners(&self) -> bool {
        self.owners.is_some()
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Entries whose keys' equality needs Python code come back `Unsure`, in probe order;
    /// the caller compares them (`Vm::dict_find`, which matches the key itself by identity
    /// first).
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        if self.indices.is_empty() {
            return Probe::Missing;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut unsure = Vec::new();
        loop {
            let ix = self.indices.get(i).copied().unwrap_or(EMPTY);
            if ix == EMPTY {
                break;
            }
            if ix >= 0 {
                if let Some(e) = self.entries.get(ix as usize) {
                    if e.hash == hash && !e.key.is_null() {
                        match eq_fast(&e.key, key) {
                            Some(true) => return Probe::Found(ix as usize),
                            Some(false) => {}
                            // CPython's lookup tries identity before `__eq__`: the very
                            // key object is found whatever its `__eq__` says (after the
                            // `__eq__`s of the entries probed before it, if any).
                            None if unsure.is_empty() && e.key.is(key) => {
                                return Probe::Found(ix as usize)
                            }
                            None => unsure.push((ix as usize, e.key.clone())),
                        }
                    }
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
        if unsure.is_empty() {
            Probe::Missing
        } else {
            Probe::Unsure(unsure)
        }
    }

    /// Look up an int key without any Python code: `Err(())` when an entry with the same
    /// hash is not an int, bool, float, str or None, whose equality the caller decides the
    /// general way (`probe`).
    #[inline]
    pub(crate) fn probe_int(&self, hash: i64, key: i64) -> Result<Option<usize>, ()> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let Some(&ix) = self.indices.get(i) else {
                return Ok(None);
            };
            if ix == EMPTY {
                return Ok(None);
            }
            if ix >= 0 {
                if let Some(e) = self.entries.get(ix as usize) {
                    if e.hash == hash {
                        let same = match &e.key {
                            Value::Int(y) => *y == key,
                            Value::Bool(b) => *b as i64 == key,
                            Value::Float(x) => (key as f64) == *x && (*x as i64) == key,
                            Value::Str(_) | Value::None | Value::Null => false,
                            _ => return Err(()),
                        };
                        if same {
                            return Ok(Some(ix as usize));
                        }
                    }
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    /// Look up a str key without any Python code (only str keys can equal a str here).
    /// The hashes matched, so the texts are almost always equal and short (`"w12"`).
    pub fn probe_str(&self, hash: i64, key: &str) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = *self.indices.get(i)?;
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                if let Some(e) = self.entries.get(ix as usize) {
                    if e.hash == hash {
                        if let Value::Str(s) = &e.key {
                            if std::ptr::eq(s.s.as_ptr(), key.as_ptr()) && s.s.len() == key.len()
                                || same_text(&s.s, key)
                            {
                                return Some(ix as usize);
                            }
                        } else if let Some(Value::Str(s)) = super::subclass::payload(&e.key) {
                            // A str subclass's key equals the str it carries.
                            if &*s.s == key {
                                return Some(ix as usize);
                            }
                        }
                    }
                }
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }
    pub fn value_at(&self, i: usize) -> Option<Value> {
        self.entry(i).map(|e| e.value.clone())
    }
    pub fn set_value_at(&mut self, i: usize, v: Value) -> Option<Value> {
        self.entries
            .get_mut(i)
            .map(|e| std::mem::replace(&mut e.value, v))
    }

    /// Append a key known to be missing.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let idx = self.entries.len() as i32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version = next_version();
        self.place(hash, idx);
    }

    fn place(&mut self, hash: i64, idx: i32) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            match self.indices.get_mut(i) {
                Some(slot) if *slot < 0 => {
                    *slot = idx;
                    return;
                }
                Some(_) => {}
                None => return,
            }
            i = next_slot(i, &mut perturb, mask);
        }
    }

    fn grow(&mut self) {
        // Compact deleted entries, then rebuild the index at a size with room to spare.
        if self.used < self.entries.len() {
            self.entries.retain(|e| !e.key.is_null());
        }
        let mut size = 8;
        while size * 2 < (self.used + 1) * 3 + 1 {
            size *= 2;
        }
        size *= 2;
        self.indices = vec![EMPTY; size];
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as i32);
        }
    }

    pub fn remove_at(&mut self, i: usize) -> Option<(Value, Value)> {
        let e = self.entries.get_mut(i)?;
        if e.key.is_null() {
            return None;
        }
        let hash = e.hash;
        let k = std::mem::replace(&mut e.key, Value::Null);
        let v = std::mem::take(&mut e.value);
        self.used -= 1;
        self.version = next_version();
        // Mark the index slot pointing at i as a dummy.
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut j = (hash as u64 as usize) & mask;
        loop {
            match self.indices.get_mut(j) {
                Some(slot) if *slot == i as i32 => {
                    *slot = DUMMY;
                    break;
                }
                Some(slot) if *slot == EMPTY => break,
                Some(_) => {}
                None => break,
            }
            j = next_slot(j, &mut perturb, mask);
        }
        if self.used == 0 {
            self.clear();
        }
        Some((k, v))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.used = 0;
        self.version = next_version();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }
    /// Raw slot count (for position-based iteration that tolerates mutation).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
    /// The index of the last entry (dict.popitem's).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_null())
    }
}

pub struct PyDict {
    pub t: RefCell<DictTable>,
}

impl Drop for DictTable {
    fn drop(&mut self) {
        let mut vals = Vec::new();
        for e in std::mem::take(&mut self.entries) {
            vals.push(e.key);
            vals.push(e.value);
        }
        super::value::drop_deferred(vals);
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict {
            t: RefCell::new(DictTable::new()),
        }
    }
    pub fn len(&self) -> usize {
        self.t.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Fast lookup by str (globals, keyword arguments, module attributes).
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let h = super::ops::hash_str(key);
        let t = self.t.borrow();
        t.probe_str(h, key).and_then(|i| t.value_at(i))
    }
    pub fn get_pystr(&self, key: &super::value::PyStr) -> Option<Value> {
        let t = self.t.borrow();
        t.probe_str(key.hash(), &key.s).and_then(|i| t.value_at(i))
    }
    /// `d[i]` for an int `i` when no Python code decides it: `Err(())` otherwise.
    #[inline]
    pub(crate) fn get_int(&self, key: i64) -> Result<Option<Value>, ()> {
        // SAFETY: the reference ends within this function, which runs no Python code (an
        // unguarded read: no borrow count written and restored); a table borrowed mutably
        // right now is left to the general path.
        let t = unsafe { self.t.try_borrow_unguarded() }.map_err(|_| ())?;
        let h = super::hash::hash_int(key);
        Ok(t.probe_int(h, key)?.and_then(|i| t.value_at(i)))
    }
    /// `d[i] = value` for `key`, a `Value::Int`, when no Python code decides which entry it
    /// is; gives both back otherwise.
    #[inline]
    pub(crate) fn set_int(&self, key: Value, value: Value) -> Result<(), (Value, Value)> {
        let Value::Int(k) = key else {
            return Err((key, value));
        };
        let h = super::hash::hash_int(k);
        let mut t = self.t.borrow_mut();
        match t.probe_int(h, k) {
            Ok(Some(i)) => {
                if let Some(old) = t.set_value_at(i, value) {
                    // Dropped with the table released: its `__del__` may read this dict.
                    drop(t);
                    old.forget_plain();
                }
                Ok(())
            }
            Ok(None) => {
                t.insert_new(h, key, value);
                Ok(())
            }
            Err(()) => Err((key, value)),
        }
    }
    /// Insert a str key (no Python code can run: str keys compare natively).
    pub fn set_str(&self, key: &str, value: Value) {
        self.set_pystr_value(Value::str(key), value)
    }
    /// `key` must be a `Value::Str`.
    pub fn set_pystr_value(&self, key: Value, value: Value) {
        let Value::Str(s) = &key else { return };
        let h = s.hash();
        let mut t = self.t.borrow_mut();
        if t.has_owners() {
            drop(t);
            return self.set_pystr_owned(key, value);
        }
        match t.probe_str(h, &s.s) {
            Some(i) => {
                t.set_value_at(i, value);
            }
            None => t.insert_new(h, key, value),
        }
    }
    /// `set_pystr_value` on some object's `__dict__`: its attribute too.
    #[cold]
    #[inline(never)]
    fn set_pystr_owned(&self, key: Value, value: Value) {
        let Value::Str(s) = &key else { return };
        let h = s.hash();
        let found = self.t.borrow().probe_str(h, &s.s);
        self.set_owned(found, h, key, value);
    }
    pub fn remove_str(&self, key: &str) -> Option<Value> {
        let h = super::ops::hash_str(key);
        let i = self.t.borrow().probe_str(h, key)?;
        self.take_at(i).map(|(_, v)| v)
    }
    /// Remove entry `i`; on some object's `__dict__`, its attribute too.
    pub fn take_at(&self, i: usize) -> Option<(Value, Value)> {
        let mut t = self.t.borrow_mut();
        let (k, v) = t.remove_at(i)?;
        if t.has_owners() {
            drop(t);
            self.owners_remove(&k);
        }
        Some((k, v))
    }
}

/// `a == b`, short texts compared in place: for a few bytes the `memcmp` call costs more
/// than the comparison.
#[inline(always)]
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() > 16 {
        return a == b;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

/// set / frozenset on CPython's own set table layout (so sets print in CPython's order).
pub struct PySet {
    pub frozen: bool,
    pub t: RefCell<super::table::Set<Value>>,
    pub hash: Cell<Option<i64>>,
}

impl PySet {
    pub fn new(frozen: bool) -> PySet {
        PySet {
            frozen,
            t: RefCell::new(super::table::Set::new()),
            hash: Cell::new(None),
        }
    }
    pub fn from_table(frozen: bool, t: super::table::Set<Value>) -> PySet {
        PySet {
            frozen,
            t: RefCell::new(t),
            hash: Cell::new(None),
        }
    }
    pub fn len(&self) -> usize {
        self.t.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn items(&self) -> Vec<Value> {
        self.t.borrow().iter().cloned().collect()
    }
}

impl Drop for PySet {
    fn drop(&mut self) {
        let t = std::mem::take(self.t.get_mut());
        super::value::drop_deferred(t.iter().cloned().collect());
    }
}

/// Key equality for bulk set operations, which cannot run Python code while tables are
/// borrowed: built-in keys compare by value, others by identity. (The `()` error is the
/// table API's "cannot fail" marker.)
#[allow(clippy::result_unit_err)]
pub fn set_key_eq(a: &Value, b: &Value) -> Result<bool, ()> {
    Ok(eq_fast(a, b).unwrap_or_else(|| a.is(b)))
}

#[cfg(test)]
mod tests {
    use super::same_text;

    #[test]
    fn same_text_is_str_equality() {
        let cases = [
            "",
            "w",
            "w1",
            "w12",
            "w13",
            "x12",
            "é",
            "e",
            "0123456789abcdef",
            "0123456789abcdeg",
            "0123456789abcdef0",
            "0123456789abcdef1",
        ];
        for a in cases {
            for b in cases {
                assert_eq!(same_text(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
