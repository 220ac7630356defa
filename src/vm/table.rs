//! The hash tables behind `dict` and `set`, generic over the key and value types.
//!
//! Hashes are supplied by the caller (see `vm::hash`) and key equality is a caller closure that
//! may fail (a user `__eq__` can raise), so every lookup returns `Result<_, E>`. The closure is
//! where the VM puts its identity fast path (`Rc::ptr_eq` before a real comparison).
//!
//! Both tables copy CPython 3.11's layout decisions, not just its results:
//! - [`Dict`] keeps CPython's compact "entries + indices" design: entries are appended in
//!   insertion order, deletion leaves a hole, and the table is compacted only when CPython
//!   would resize it. Iterators hold a position in the entries array, so mutation during
//!   iteration behaves as in CPython (see [`DictCursor`]).
//! - [`Set`] reproduces setobject.c's open-addressing table slot for slot (probe sequence,
//!   dummies, resize points, `pop`'s finger), because a set iterates in slot order and scripts
//!   print sets. The test data in `testdata/set_orders.txt` was produced by CPython 3.11.
//!
//! All probe arithmetic is done in u64, as on a 64-bit CPython, so the layout is the same on
//! wasm32 where usize is 32 bits.
//!
//! For keys whose `__eq__` runs Python code (which could mutate the table), the VM cannot call
//! back into the interpreter while borrowing the table: use the two-phase helpers
//! ([`Dict::candidates`], [`Set::candidates`]) to collect the slots whose stored hash matches,
//! release the borrow, compare, and re-check [`Dict::version`] / [`Set::version`] afterwards.

// ---------------------------------------------------------------------------------------------
// Dict
// ---------------------------------------------------------------------------------------------

const DKIX_EMPTY: u32 = u32::MAX;
const DKIX_DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;
const DICT_LOG_MINSIZE: u32 = 3;
/// `_PyDict_NewPresized` never preallocates more than this (CPython's `PyDict_LOG_MAXPRESIZE`).
const DICT_LOG_MAXPRESIZE: u32 = 17;

/// `USABLE_FRACTION`: how many entries a table of `size` index slots holds before resizing.
#[inline]
fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// `calculate_log2_keysize` as CPython 3.11 computes it on 64-bit builds, including its quirk:
/// sizes 1..=7 give 16, not 8 (so `d.copy()` of a sparse 4-item dict has a 16-slot table).
/// Measured with `sys.getsizeof` on CPython 3.11.
fn calculate_log2_keysize(minsize: usize) -> u32 {
    let m = (minsize | (1 << DICT_LOG_MINSIZE)) - 1;
    let m = m | ((1 << DICT_LOG_MINSIZE) - 1);
    usize::BITS - m.leading_zeros()
}

/// `estimate_log2_keysize`: the table size that holds `n` entries without resizing.
fn estimate_log2_keysize(n: usize) -> u32 {
    calculate_log2_keysize((n * 3).div_ceil(2))
}

#[derive(Clone, Debug)]
struct DictEntry<K, V> {
    hash: i64,
    /// `None` is a hole left by a deletion.
    item: Option<(K, V)>,
}

/// An insertion-ordered hash map with CPython 3.11's dict layout.
///
/// Positions (`usize` "entry indices") name entries in the entries array, holes included; they
/// are stable until the next resize, which only an insertion of a new key can trigger.
#[derive(Clone, Debug)]
pub struct Dict<K, V> {
    /// Index slots; empty for CPython's shared `Py_EMPTY_KEYS` (a fresh or cleared dict).
    indices: Vec<u32>,
    entries: Vec<DictEntry<K, V>>,
    /// `dk_usable`: entries that can still be appended before a resize.
    usable: usize,
    used: usize,
    version: u64,
}

impl<K, V> Default for Dict<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a dict iterator stopped with an error (the VM raises `RuntimeError` with this text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterError {
    /// `len` differs from when the iterator was created.
    ChangedSize,
    /// The size is the same but more entries were found than there were keys.
    KeysChanged,
}

impl IterError {
    /// CPython's message for a dict iterator.
    pub fn dict_message(self) -> &'static str {
        match self {
            IterError::ChangedSize => "dictionary changed size during iteration",
            IterError::KeysChanged => "dictionary keys changed during iteration",
        }
    }
}

/// The state of a dict iterator (`dictiterobject`), advanced with [`DictCursor::next`].
#[derive(Clone, Debug)]
pub struct DictCursor {
    pos: usize,
    /// `di_used`; `None` once an error made the iterator's failure sticky.
    used: Option<usize>,
    remaining: usize,
    exhausted: bool,
}

impl DictCursor {
    /// A cursor at the start of `d`.
    pub fn new<K, V>(d: &Dict<K, V>) -> Self {
        DictCursor {
            pos: 0,
            used: Some(d.len()),
            remaining: d.len(),
            exhausted: false,
        }
    }

    /// The entry index of the next item, `Ok(None)` at the end, or the error CPython raises.
    /// Once exhausted the cursor stays exhausted, even if the dict grows.
    pub fn next<K, V>(&mut self, d: &Dict<K, V>) -> Result<Option<usize>, IterError> {
        if self.exhausted {
            return Ok(None);
        }
        if self.used != Some(d.len()) {
            self.used = None;
            return Err(IterError::ChangedSize);
        }
        let Some(i) = d.next_index(self.pos) else {
            self.exhausted = true;
            return Ok(None);
        };
        if self.remaining == 0 {
            self.exhausted = true;
            return Err(IterError::KeysChanged);
        }
        self.pos = i + 1;
        self.remaining -= 1;
        Ok(Some(i))
    }

    /// `__length_hint__`: items not yet produced.
    pub fn length_hint(&self) -> usize {
        if self.exhausted {
            0
        } else {
            self.remaining
        }
    }
}

impl<K, V> Dict<K, V> {
    /// An empty dict (`{}` / `dict()`); allocates on the first insertion, like CPython.
    pub fn new() -> Self {
        Dict {
            indices: Vec::new(),
            entries: Vec::new(),
            usable: 0,
            used: 0,
            version: 0,
        }
    }

    /// `_PyDict_NewPresized(n)`, used by the dict displays `BUILD_MAP n` and
    /// `BUILD_CONST_KEY_MAP n`. Comprehensions, `dict()` and `dict.fromkeys` start from `new()`.
    pub fn with_presize(n: usize) -> Self {
        if n <= usable_fraction(1 << DICT_LOG_MINSIZE) {
            return Self::new();
        }
        let log2 = if n > usable_fraction(1 << DICT_LOG_MAXPRESIZE) {
            DICT_LOG_MAXPRESIZE
        } else {
            estimate_log2_keysize(n)
        };
        let mut d = Self::new();
        d.indices = vec![DKIX_EMPTY; 1 << log2];
        d.usable = usable_fraction(1 << log2);
        d.entries.reserve(d.usable);
        d
    }

    /// The number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the dict has no items.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Bumped by every change to the set of keys or to the layout (not by a value update), so a
    /// caller that released a borrow to run `__eq__` can tell whether to restart its lookup.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// One past the last entry index in use (`dk_nentries`); iteration positions are below it.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// The item at an entry index, or `None` for a hole or an index out of range.
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<(&K, &V)> {
        self.entries
            .get(i)
            .and_then(|e| e.item.as_ref().map(|(k, v)| (k, v)))
    }

    /// The stored hash of the item at an entry index.
    #[inline]
    pub fn hash_at(&self, i: usize) -> Option<i64> {
        self.entries
            .get(i)
            .and_then(|e| e.item.as_ref().map(|_| e.hash))
    }

    /// Mutable access to the value at an entry index.
    #[inline]
    pub fn value_at_mut(&mut self, i: usize) -> Option<&mut V> {
        self.entries
            .get_mut(i)
            .and_then(|e| e.item.as_mut().map(|(_, v)| v))
    }

    /// The first entry index >= `pos` that holds an item.
    #[inline]
    pub fn next_index(&self, pos: usize) -> Option<usize> {
        let tail = self.entries.get(pos..)?;
        tail.iter().position(|e| e.item.is_some()).map(|o| pos + o)
    }

    /// Items in insertion order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.item.as_ref().map(|(k, v)| (k, v)))
    }

    /// Items in insertion order with their hashes (for building sets and dicts from a dict).
    pub fn iter_hashed(&self) -> impl DoubleEndedIterator<Item = (i64, &K, &V)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.item.as_ref().map(|(k, v)| (e.hash, k, v)))
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// Values in insertion order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    #[inline]
    fn mask(&self) -> u64 {
        (self.indices.len() as u64).wrapping_sub(1)
    }

    /// The entry index of the key equal to the one looked for, if any. `eq` is called only on
    /// stored keys whose hash matches.
    #[inline]
    pub fn get_index<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let ix = self.indices[i as usize];
            if ix == DKIX_EMPTY {
                return Ok(None);
            }
            if ix != DKIX_DUMMY {
                if let Some(e) = self.entries.get(ix as usize) {
                    if e.hash == hash {
                        if let Some((k, _)) = &e.item {
                            if eq(k)? {
                                return Ok(Some(ix as usize));
                            }
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// The value for a key.
    #[inline]
    pub fn get<E>(
        &self,
        hash: i64,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<&V>, E> {
        Ok(self
            .get_index(hash, eq)?
            .and_then(|i| self.entry_at(i))
            .map(|(_, v)| v))
    }

    /// The entry indices of the stored keys with this hash, in probe order: the candidates a
    /// caller compares itself when equality must run without the dict borrowed.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        if self.indices.is_empty() {
            return out;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let ix = self.indices[i as usize];
            if ix == DKIX_EMPTY {
                return out;
            }
            if ix != DKIX_DUMMY && self.hash_at(ix as usize) == Some(hash) {
                out.push(ix as usize);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// Sets `d[key] = value`. An existing equal key is kept (CPython keeps the first key object)
    /// and its old value returned; a new key is appended at the end of the order.
    #[inline]
    pub fn insert<E>(
        &mut self,
        hash: i64,
        key: K,
        value: V,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<V>, E> {
        if let Some(i) = self.get_index(hash, eq)? {
            if let Some(e) = self.entries.get_mut(i) {
                if let Some((_, v)) = &mut e.item {
                    return Ok(Some(std::mem::replace(v, value)));
                }
            }
        }
        self.insert_new(hash, key, value);
        Ok(None)
    }

    /// Appends a key the caller knows is absent (after a lookup found nothing); returns its
    /// entry index. Resizes first if the entries array is full, as `insertdict` does.
    pub fn insert_new(&mut self, hash: i64, key: K, value: V) -> usize {
        if self.usable == 0 {
            // insertion_resize: GROWTH_RATE(d) == used * 3 in 3.11.
            let log2 = if self.indices.is_empty() {
                DICT_LOG_MINSIZE
            } else {
                calculate_log2_keysize(self.used * 3)
            };
            self.resize(log2);
        }
        let ix = self.entries.len();
        self.place_index(hash, ix as u32);
        self.entries.push(DictEntry {
            hash,
            item: Some((key, value)),
        });
        self.usable -= 1;
        self.used += 1;
        self.version += 1;
        ix
    }

    /// Puts entry index `ix` into the first empty index slot of `hash`'s probe sequence.
    #[inline]
    fn place_index(&mut self, hash: i64, ix: u32) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        while self.indices[i as usize] != DKIX_EMPTY {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        self.indices[i as usize] = ix;
    }

    /// `dictresize`: a new index table of `2**log2` slots, entries compacted (holes dropped).
    fn resize(&mut self, log2: u32) {
        let size = 1usize << log2;
        let old = std::mem::take(&mut self.entries);
        let mut entries = Vec::with_capacity(usable_fraction(size));
        entries.extend(old.into_iter().filter(|e| e.item.is_some()));
        self.entries = entries;
        self.indices = vec![DKIX_EMPTY; size];
        for ix in 0..self.entries.len() {
            let h = self.entries[ix].hash;
            self.place_index(h, ix as u32);
        }
        self.usable = usable_fraction(size) - self.entries.len();
        self.version += 1;
    }

    /// The index slot that points at entry `ix` (found by probing with its hash).
    fn slot_of(&self, hash: i64, ix: usize) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let v = self.indices[i as usize];
            if v == DKIX_EMPTY {
                return None;
            }
            if v as usize == ix {
                return Some(i as usize);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// Deletes the item at an entry index, leaving a hole (order of the rest is kept).
    pub fn remove_at(&mut self, ix: usize) -> Option<(K, V)> {
        let hash = self.hash_at(ix)?;
        let slot = self.slot_of(hash, ix)?;
        self.indices[slot] = DKIX_DUMMY;
        let item = self.entries.get_mut(ix)?.item.take();
        self.used -= 1;
        self.version += 1;
        item
    }

    /// `del d[key]` / `d.pop(key)`: removes and returns the item if present.
    pub fn remove<E>(
        &mut self,
        hash: i64,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<(K, V)>, E> {
        Ok(match self.get_index(hash, eq)? {
            Some(ix) => self.remove_at(ix),
            None => None,
        })
    }

    /// `d.popitem()`: the last item in order (LIFO), or `None` if empty.
    pub fn popitem(&mut self) -> Option<(K, V)> {
        let ix = self.entries.iter().rposition(|e| e.item.is_some())?;
        let item = self.remove_at(ix);
        // Like CPython, trailing holes are forgotten but `usable` is not given back (the index
        // slot is a dummy now).
        self.entries.truncate(ix);
        item
    }

    /// `d.clear()`: back to the unallocated empty table.
    pub fn clear(&mut self) {
        self.indices = Vec::new();
        self.entries = Vec::new();
        self.usable = 0;
        self.used = 0;
        self.version += 1;
    }

    /// Makes room before merging `incoming` items into this dict, as `dict_merge` does for
    /// `d.update(other_dict)` and `dict(other_dict)` (one big resize up front). Call it only when
    /// the source is a dict; other sources insert one by one.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if usable_fraction(self.indices.len()) < incoming {
            self.resize(estimate_log2_keysize(self.used + incoming));
        }
    }
}

impl<K: Clone, V: Clone> Dict<K, V> {
    /// `d.copy()` (`PyDict_Copy`): a dense enough dict is cloned with its layout, holes
    /// included; a sparse one is rebuilt compactly, as CPython does.
    pub fn copy(&self) -> Self {
        if self.used == 0 {
            return Self::new();
        }
        if self.used >= (self.entries.len() * 2) / 3 {
            let mut c = self.clone();
            c.version = 0;
            return c;
        }
        let mut c = Self::new();
        c.merge_from(self);
        c
    }

    /// `d.update(other)` / `dict(other)` where `other` is a dict and `self` has no key of
    /// `other` (the caller checks equality otherwise: use `reserve_for_merge` then `insert`).
    /// Into an empty dict this is exact; keys already present would be duplicated.
    pub fn merge_from(&mut self, other: &Self) {
        if self.used == 0 && other.used == other.entries.len() {
            let olog2 = other.indices.len().trailing_zeros();
            if olog2 == DICT_LOG_MINSIZE || usable_fraction(other.indices.len() / 2) < other.used {
                // dict_merge's "clean, combined and just allocated" fast path: clone the keys.
                let version = self.version + 1;
                *self = other.clone();
                self.version = version;
                return;
            }
        }
        self.reserve_for_merge(other.used);
        for (h, k, v) in other.iter_hashed() {
            self.insert_new(h, k.clone(), v.clone());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Set
// ---------------------------------------------------------------------------------------------

/// `PySet_MINSIZE`.
const SET_MINSIZE: usize = 8;
/// `LINEAR_PROBES`: neighbouring slots tried before the perturbed jump.
const LINEAR_PROBES: u64 = 9;

#[derive(Clone, Debug)]
enum Slot<K> {
    Empty,
    /// A deleted entry (CPython's `dummy` key with hash -1).
    Dummy,
    Active(i64, K),
}

/// Where a key is, or where [`Set::insert_vacant`] should put it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetProbe {
    /// The slot holding an equal key.
    Found(usize),
    /// The slot a new key goes into: the last dummy seen, else the empty slot that ended the
    /// probe (`set_add_entry`'s `freeslot` logic).
    Vacant(usize),
}

/// An unordered hash set with CPython 3.11's setobject.c table, so iteration order (slot order)
/// and `pop()` match CPython for keys whose hashes match CPython's.
#[derive(Clone, Debug)]
pub struct Set<K> {
    slots: Vec<Slot<K>>,
    /// Active plus dummy slots.
    fill: usize,
    used: usize,
    /// Where `pop()` resumes its search.
    finger: usize,
    version: u64,
}

impl<K> Default for Set<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// The state of a set iterator, advanced with [`SetCursor::next`].
#[derive(Clone, Debug)]
pub struct SetCursor {
    pos: usize,
    used: Option<usize>,
    remaining: usize,
    exhausted: bool,
}

impl SetCursor {
    /// A cursor at the start of `s`.
    pub fn new<K>(s: &Set<K>) -> Self {
        SetCursor {
            pos: 0,
            used: Some(s.len()),
            remaining: s.len(),
            exhausted: false,
        }
    }

    /// The slot of the next key, `Ok(None)` at the end, or `Err(())` when the set's size
    /// changed: the VM raises `RuntimeError("Set changed size during iteration")` (sticky).
    #[allow(clippy::result_unit_err)]
    pub fn next<K>(&mut self, s: &Set<K>) -> Result<Option<usize>, ()> {
        if self.exhausted {
            return Ok(None);
        }
        if self.used != Some(s.len()) {
            self.used = None;
            return Err(());
        }
        match s.next_slot(self.pos) {
            Some(i) => {
                self.pos = i + 1;
                self.remaining = self.remaining.saturating_sub(1);
                Ok(Some(i))
            }
            None => {
                self.exhausted = true;
                Ok(None)
            }
        }
    }

    /// `__length_hint__`.
    pub fn length_hint(&self) -> usize {
        if self.exhausted {
            0
        } else {
            self.remaining
        }
    }
}

impl<K> Set<K> {
    /// An empty set with CPython's initial 8-slot table.
    pub fn new() -> Self {
        Set {
            slots: Self::empty_slots(SET_MINSIZE),
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    fn empty_slots(n: usize) -> Vec<Slot<K>> {
        let mut v = Vec::with_capacity(n);
        v.resize_with(n, || Slot::Empty);
        v
    }

    /// The number of keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set has no keys.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Bumped by every change (see the module docs on two-phase lookups).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The table size (`mask + 1`); iteration positions are below it.
    #[inline]
    pub fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// The key in a slot, if the slot is active.
    #[inline]
    pub fn slot_key(&self, i: usize) -> Option<&K> {
        match self.slots.get(i) {
            Some(Slot::Active(_, k)) => Some(k),
            _ => None,
        }
    }

    /// The hash and key in a slot, if the slot is active.
    #[inline]
    pub fn slot_entry(&self, i: usize) -> Option<(i64, &K)> {
        match self.slots.get(i) {
            Some(Slot::Active(h, k)) => Some((*h, k)),
            _ => None,
        }
    }

    /// The first active slot >= `pos` (`set_next`).
    #[inline]
    pub fn next_slot(&self, pos: usize) -> Option<usize> {
        let tail = self.slots.get(pos..)?;
        tail.iter()
            .position(|s| matches!(s, Slot::Active(..)))
            .map(|o| pos + o)
    }

    /// Keys in iteration (slot) order.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter_hashed().map(|(_, k)| k)
    }

    /// Keys with their hashes in iteration order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    #[inline]
    fn mask(&self) -> u64 {
        self.slots.len() as u64 - 1
    }

    /// `set_add_entry`'s search: the slot of an equal key or where to insert one.
    pub fn probe<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<SetProbe, E> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let j = j as usize;
                match &self.slots[j] {
                    Slot::Empty => return Ok(SetProbe::Vacant(freeslot.unwrap_or(j))),
                    // CPython 3.11 remembers the *last* dummy seen, not the first.
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Active(h, k) => {
                        if *h == hash && eq(k)? {
                            return Ok(SetProbe::Found(j));
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// The slot holding a key equal to the one looked for (`set_lookkey`).
    #[inline]
    pub fn find<E>(
        &self,
        hash: i64,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        Ok(match self.probe(hash, eq)? {
            SetProbe::Found(i) => Some(i),
            SetProbe::Vacant(_) => None,
        })
    }

    /// `key in s`.
    #[inline]
    pub fn contains<E>(&self, hash: i64, eq: impl FnMut(&K) -> Result<bool, E>) -> Result<bool, E> {
        Ok(self.find(hash, eq)?.is_some())
    }

    /// The active slots with this hash in probe order, and the slot a new key would take;
    /// for comparing keys without the set borrowed. Re-probe if [`Set::version`] changed.
    pub fn candidates(&self, hash: i64) -> (Vec<usize>, usize) {
        let mut out = Vec::new();
        let vacant = match self.probe(hash, |_| -> Result<bool, ()> { Ok(false) }) {
            Ok(SetProbe::Vacant(v)) | Ok(SetProbe::Found(v)) => v,
            Err(()) => 0,
        };
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let j = j as usize;
                match &self.slots[j] {
                    Slot::Empty => return (out, vacant),
                    Slot::Dummy => {}
                    Slot::Active(h, _) => {
                        if *h == hash {
                            out.push(j);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// Stores a new key in the slot [`Set::probe`] returned as `Vacant` (the table must not have
    /// changed since). May resize, as `set_add_entry` does after filling an empty slot.
    pub fn insert_vacant(&mut self, slot: usize, hash: i64, key: K) {
        let was_empty = matches!(self.slots.get(slot), Some(Slot::Empty));
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Slot::Active(hash, key);
        } else {
            return;
        }
        self.used += 1;
        self.version += 1;
        if was_empty {
            self.fill += 1;
            if self.fill * 5 >= self.mask() as usize * 3 {
                self.resize(if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                });
            }
        }
    }

    /// `s.add(key)`: returns whether the key was new. An equal key already present is kept.
    #[inline]
    pub fn add<E>(
        &mut self,
        hash: i64,
        key: K,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.probe(hash, eq)? {
            SetProbe::Found(_) => Ok(false),
            SetProbe::Vacant(slot) => {
                self.insert_vacant(slot, hash, key);
                Ok(true)
            }
        }
    }

    /// Turns an active slot into a dummy and returns its key (`set_discard_entry`).
    pub fn remove_slot(&mut self, slot: usize) -> Option<K> {
        let s = self.slots.get_mut(slot)?;
        if !matches!(s, Slot::Active(..)) {
            return None;
        }
        let old = std::mem::replace(s, Slot::Dummy);
        self.used -= 1;
        self.version += 1;
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    /// `s.discard(key)`: removes and returns the stored key if present.
    pub fn discard<E>(
        &mut self,
        hash: i64,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<K>, E> {
        Ok(match self.find(hash, eq)? {
            Some(slot) => self.remove_slot(slot),
            None => None,
        })
    }

    /// `s.pop()`: the key CPython would pop (`None` means `KeyError('pop from an empty set')`).
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut i = self.finger & (n - 1);
        while !matches!(self.slots[i], Slot::Active(..)) {
            i = (i + 1) & (n - 1);
        }
        self.finger = i + 1;
        self.remove_slot(i)
    }

    /// `s.clear()`: back to an empty 8-slot table.
    pub fn clear(&mut self) {
        self.slots = Self::empty_slots(SET_MINSIZE);
        self.fill = 0;
        self.used = 0;
        self.version += 1;
    }

    /// `set_insert_clean`: puts a key into a table known to have no dummies and no equal key.
    fn insert_clean(slots: &mut [Slot<K>], hash: i64, key: K) {
        let mask = slots.len() as u64 - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let j = j as usize;
                if matches!(slots[j], Slot::Empty) {
                    slots[j] = Slot::Active(hash, key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_table_resize`: a table of the smallest power of two > `minused` (at least 8),
    /// active keys reinserted in old slot order, dummies dropped.
    fn resize(&mut self, minused: usize) {
        let mut newsize = SET_MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, Self::empty_slots(newsize));
        for s in old {
            if let Slot::Active(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }

    /// Presizes before adding `incoming` keys from a dict (`set_update_internal`'s dict branch:
    /// `set(d)`, `s.update(d)`, `s |= d.keys()` is *not* this, only an exact dict). Then add the
    /// dict's keys in dict order with [`Set::add`].
    pub fn reserve_for_dict(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() as usize * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Drops dummies if more than a quarter of the table is dummies, as
    /// `set_difference_update_internal` does at its end.
    fn compact_after_removals(&mut self) {
        if self.fill - self.used <= self.mask() as usize / 4 {
            return;
        }
        self.resize(if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        });
    }
}

impl<K: Clone> Set<K> {
    /// `set_merge`: `s.update(other_set)` / `s |= other_set` where `other` is a set or
    /// frozenset object other than `self` (`s.update(s)` is a no-op the caller skips).
    /// Also the second half of `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE` for set displays
    /// of 3+ constants.
    pub fn merge<E>(
        &mut self,
        other: &Set<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() as usize * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            // Same size, no dummies: a slot-for-slot copy.
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            self.version += 1;
            return Ok(());
        }
        if self.fill == 0 {
            for (h, k) in other.iter_hashed() {
                Self::insert_clean(&mut self.slots, h, k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            self.version += 1;
            return Ok(());
        }
        for (h, k) in other.iter_hashed() {
            self.add(h, k.clone(), |x| eq(x, k))?;
        }
        Ok(())
    }

    /// `s.copy()`, `set(s)`, `frozenset(s)` (`make_new_set` + `set_merge`).
    pub fn copy(&self) -> Set<K> {
        let mut s = Set::new();
        // Merging into an empty set never compares keys.
        let _ = s.merge(self, |_, _| -> Result<bool, ()> { Ok(false) });
        s
    }

    /// `a | b` and `a.union(b)` for set `b` (not `a` itself): a copy of `a` merged with `b`.
    pub fn union<E>(
        &self,
        other: &Set<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Set<K>, E> {
        let mut r = self.copy();
        r.merge(other, eq)?;
        Ok(r)
    }

    /// `a & b` and `a.intersection(b)` for set `b` (`a & a` is `a.copy()`): iterates the
    /// smaller set (`b` on a tie) and keeps its keys that the other contains.
    /// `eq(stored, probe)` is called with a key of the larger set first.
    pub fn intersection<E>(
        &self,
        other: &Set<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Set<K>, E> {
        let (small, big) = if other.len() > self.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut r = Set::new();
        for (h, k) in small.iter_hashed() {
            if big.contains(h, |x| eq(x, k))? {
                r.add(h, k.clone(), |x| eq(x, k))?;
            }
        }
        Ok(r)
    }

    /// `a &= b` / `a.intersection_update(b)` for set `b`: the intersection's table replaces
    /// `a`'s (`set_swap_bodies`), keeping `a`'s pop finger.
    pub fn intersection_update<E>(
        &mut self,
        other: &Set<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let r = self.intersection(other, eq)?;
        self.swap_bodies(r);
        Ok(())
    }

    /// `a &= a`: CPython swaps in a fresh copy (compacting dummies away).
    pub fn intersection_update_self(&mut self) {
        let r = self.copy();
        self.swap_bodies(r);
    }

    fn swap_bodies(&mut self, r: Set<K>) {
        self.slots = r.slots;
        self.fill = r.fill;
        self.used = r.used;
        self.version += 1;
    }

    /// `a - b` / `a.difference(b)` for set `b` (`set_difference`). For `a - a` the result is
    /// simply an empty set.
    pub fn difference<E>(
        &self,
        other: &Set<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Set<K>, E> {
        if (self.len() >> 2) > other.len() {
            // set_copy_and_difference
            let mut r = self.copy();
            r.difference_update(other, eq)?;
            return Ok(r);
        }
        let mut r = Set::new();
        for (h, k) in self.iter_hashed() {
            if !other.contains(h, |x| eq(x, k))? {
                r.add(h, k.clone(), |x| eq(x, k))?;
            }
        }
        Ok(r)
    }

    /// `a -= b` / `a.difference_update(b)` for set `b` other than `a` (`a -= a` is
    /// `a.clear()`).
    pub fn difference_update<E>(
        &mut self,
        other: &Set<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if (other.len() >> 3) > self.len() {
            // CPython discards the (smaller) intersection instead of all of `other`.
            let inter = self.intersection(other, &mut eq)?;
            for (h, k) in inter.iter_hashed() {
                self.discard(h, |x| eq(x, k))?;
            }
        } else {
            for (h, k) in other.iter_hashed() {
                self.discard(h, |x| eq(x, k))?;
            }
        }
        self.compact_after_removals();
        Ok(())
    }

    /// `a ^= b` / `a.symmetric_difference_update(b)` for set `b` other than `a` (`a ^= a` is
    /// `a.clear()`): each key of `b`, in `b`'s order, is discarded from `a` or added to it.
    pub fn symmetric_difference_update<E>(
        &mut self,
        other: &Set<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        for (h, k) in other.iter_hashed() {
            match self.probe(h, |x| eq(x, k))? {
                SetProbe::Found(slot) => {
                    self.remove_slot(slot);
                }
                SetProbe::Vacant(slot) => self.insert_vacant(slot, h, k.clone()),
            }
        }
        Ok(())
    }

    /// `a ^ b` / `a.symmetric_difference(b)`: a copy of `b` updated with `a`'s keys.
    /// `a ^ a` is `{let mut r = a.copy(); r.symmetric_difference_update(a)}`, which leaves an
    /// empty set full of dummies, exactly like CPython.
    pub fn symmetric_difference<E>(
        &self,
        other: &Set<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Set<K>, E> {
        let mut r = other.copy();
        r.symmetric_difference_update(self, eq)?;
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::hash;

    type NoErr = std::convert::Infallible;

    fn same(a: &i64, b: &i64) -> Result<bool, NoErr> {
        Ok(a == b)
    }

    fn order(s: &Set<i64>) -> Vec<i64> {
        s.iter().copied().collect()
    }

    fn fingerprint<'a>(keys: impl Iterator<Item = &'a i64>) -> String {
        let m: i128 = (1 << 61) - 1;
        let mut acc: i128 = 0;
        for (p, &k) in keys.enumerate() {
            acc = (acc + (p as i128 + 1) * (k as i128 + 1_000_001)) % m;
        }
        format!("#{acc}")
    }

    /// Replays `testdata/set_orders.txt` (operations run on CPython 3.11 with `list(s)`
    /// recorded after each) and counts how many resulting orders match.
    fn replay() -> (usize, usize, Vec<String>) {
        let data = include_str!("testdata/set_orders.txt");
        let mut hashes: Vec<i64> = Vec::new();
        let mut sets: Vec<Set<i64>> = (0..4).map(|_| Set::new()).collect();
        let (mut ok, mut total) = (0usize, 0usize);
        let mut failures = Vec::new();
        let big: Vec<i64> = (0..70000i64)
            .map(|i| (i * 48271) % 2_000_003 - 1_000_000)
            .collect();
        let mut case = String::new();
        for line in data.lines() {
            if let Some(h) = line.strip_prefix("K ") {
                hashes.push(h.parse().unwrap());
                continue;
            }
            if let Some(c) = line.strip_prefix("C ") {
                case = c.to_string();
                sets = (0..4).map(|_| Set::new()).collect();
                continue;
            }
            let parts: Vec<&str> = line.split(" | ").collect();
            let words: Vec<&str> = parts[0].split_whitespace().collect();
            let op = words[0];
            let nums: Vec<usize> = words[1..].iter().map(|w| w.parse().unwrap()).collect();
            let a = nums[0];
            let keys: Vec<i64> = nums[1..].iter().map(|&k| k as i64).collect();
            let is_big = case == "big";
            let h = |k: i64| -> i64 {
                if is_big {
                    crate::vm::hash::hash_int(k)
                } else {
                    hashes[k as usize]
                }
            };
            let mut popped = "-".to_string();
            match op {
                "add" | "upd" => {
                    for &k in &keys {
                        sets[a].add(h(k), k, |x| same(x, &k)).unwrap();
                    }
                }
                "new" => {
                    sets[a] = Set::new();
                    for &k in &keys {
                        sets[a].add(h(k), k, |x| same(x, &k)).unwrap();
                    }
                }
                "newd" | "updd" => {
                    if op == "newd" {
                        sets[a] = Set::new();
                    }
                    let mut uniq: Vec<i64> = Vec::new();
                    for &k in &keys {
                        if !uniq.contains(&k) {
                            uniq.push(k);
                        }
                    }
                    sets[a].reserve_for_dict(uniq.len());
                    for &k in &uniq {
                        sets[a].add(h(k), k, |x| same(x, &k)).unwrap();
                    }
                }
                "lit" => {
                    let mut f = Set::new();
                    for &k in &keys {
                        f.add(h(k), k, |x| same(x, &k)).unwrap();
                    }
                    sets[a] = Set::new();
                    sets[a].merge(&f, same).unwrap();
                }
                "discard" => {
                    for &k in &keys {
                        sets[a].discard(h(k), |x| same(x, &k)).unwrap();
                    }
                }
                "pop" => {
                    popped = match sets[a].pop() {
                        Some(k) => k.to_string(),
                        None => "-".to_string(),
                    };
                }
                "clear" => sets[a].clear(),
                "copy" => sets[a] = sets[nums[1]].copy(),
                "merge" => {
                    let b = sets[nums[1]].clone();
                    sets[a].merge(&b, same).unwrap();
                }
                "or" | "and" | "sub" | "xor" => {
                    let (x, y) = (&sets[nums[1]], &sets[nums[2]]);
                    sets[a] = match op {
                        "or" => x.union(y, same),
                        "and" => x.intersection(y, same),
                        "sub" => x.difference(y, same),
                        _ => x.symmetric_difference(y, same),
                    }
                    .unwrap();
                }
                "iand" | "isub" | "ixor" => {
                    let b = sets[nums[1]].clone();
                    match op {
                        "iand" => sets[a].intersection_update(&b, same),
                        "isub" => sets[a].difference_update(&b, same),
                        _ => sets[a].symmetric_difference_update(&b, same),
                    }
                    .unwrap();
                }
                "bigadd" => {
                    for &k in big.iter().chain(&big[..1000]) {
                        sets[a].add(h(k), k, |x| same(x, &k)).unwrap();
                    }
                }
                "bigdiscard" => {
                    for &k in big.iter().step_by(3) {
                        sets[a].discard(h(k), |x| same(x, &k)).unwrap();
                    }
                }
                "bignew" => {
                    sets[a] = Set::new();
                    for &k in &big[..40000] {
                        sets[a].add(h(k), k, |x| same(x, &k)).unwrap();
                    }
                }
                "bigpop" => {
                    let p: Vec<i64> = (0..1000).filter_map(|_| sets[a].pop()).collect();
                    popped = fingerprint(p.iter());
                }
                _ => panic!("unknown op {op}"),
            }
            let got = if is_big {
                fingerprint(sets[a].iter())
            } else {
                order(&sets[a])
                    .iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            total += 1;
            if got == parts[2] && popped == parts[1] {
                ok += 1;
            } else if failures.len() < 5 {
                failures.push(format!(
                    "case {case}: {}\n  want {} | {}\n  got  {popped} | {got}",
                    parts[0].chars().take(80).collect::<String>(),
                    parts[1],
                    parts[2]
                ));
            }
            assert_eq!(
                sets[a].len(),
                got.split_whitespace().count().max(sets[a].len())
            );
        }
        (ok, total, failures)
    }

    #[test]
    fn set_orders_match_cpython() {
        let (ok, total, failures) = replay();
        assert!(total > 10_000);
        assert_eq!(
            ok,
            total,
            "{ok}/{total} orders match; first failures:\n{}",
            failures.join("\n")
        );
    }

    // ---- dict ----

    fn ieq(k: i64) -> impl FnMut(&i64) -> Result<bool, NoErr> {
        move |x| Ok(*x == k)
    }

    fn dict_keys(d: &Dict<i64, i64>) -> Vec<i64> {
        d.keys().copied().collect()
    }

    /// Replays `testdata/dict_iter.txt`: CPython 3.11's events when a dict is mutated while
    /// being iterated, which depend on its entries layout (holes, compaction on resize).
    #[test]
    fn dict_iteration_under_mutation_matches_cpython() {
        let data = include_str!("testdata/dict_iter.txt");
        let mut n_cases = 0;
        for line in data.lines() {
            let (lhs, want) = line.split_once(" => ").unwrap();
            let parts: Vec<&str> = lhs.split(" ; ").map(str::trim).collect();
            let head: Vec<&str> = parts[0].split_whitespace().collect();
            let mode = head[0];
            let n: usize = head[1].parse().unwrap();
            let keys: Vec<i64> = head[2..].iter().map(|k| k.parse().unwrap()).collect();
            assert_eq!(keys.len(), n);
            let mut d: Dict<i64, i64> = if mode == "lit" {
                Dict::with_presize(n)
            } else {
                Dict::new()
            };
            for &k in &keys {
                d.insert(hash::hash_int(k), k, 0, ieq(k)).unwrap();
            }
            if mode == "copy" {
                for k in parts[1].split_whitespace() {
                    let k: i64 = k.parse().unwrap();
                    d.remove(hash::hash_int(k), ieq(k)).unwrap();
                }
                d = d.copy();
            }
            let steps: Vec<&str> = parts.get(2).map_or(vec![], |s| s.split('/').collect());
            let mut events = Vec::new();
            let mut cur = DictCursor::new(&d);
            for step in 0..40 {
                match cur.next(&d) {
                    Ok(None) => {
                        events.push("E".to_string());
                        break;
                    }
                    Err(IterError::ChangedSize) => {
                        events.push("S".to_string());
                        break;
                    }
                    Err(IterError::KeysChanged) => {
                        events.push("K".to_string());
                        break;
                    }
                    Ok(Some(i)) => events.push(format!("y{}", d.entry_at(i).unwrap().0)),
                }
                let acts = steps.get(step).copied().unwrap_or("");
                for a in acts.split(',').filter(|a| !a.is_empty()) {
                    if a == "p" {
                        d.popitem().unwrap();
                    } else {
                        let k: i64 = a[1..].parse().unwrap();
                        if a.starts_with('d') {
                            d.remove(hash::hash_int(k), ieq(k)).unwrap().unwrap();
                        } else {
                            d.insert(hash::hash_int(k), k, 1, ieq(k)).unwrap();
                        }
                    }
                }
            }
            assert_eq!(events.join(" "), want, "case: {line}");
            n_cases += 1;
        }
        assert_eq!(n_cases, 400);
    }

    #[test]
    fn dict_basics() {
        // Keys compare by the first field only, so the second shows which object is kept.
        let mut d: Dict<(i64, char), &str> = Dict::new();
        let eqk = |k: i64| move |x: &(i64, char)| -> Result<bool, NoErr> { Ok(x.0 == k) };
        for (i, k) in [5i64, -3, 17, 2].iter().enumerate() {
            let v = ["a", "b", "c", "d"][i];
            assert!(d
                .insert(hash::hash_int(*k), (*k, 'x'), v, eqk(*k))
                .unwrap()
                .is_none());
        }
        assert_eq!(d.len(), 4);
        let old = d
            .insert(hash::hash_int(17), (17, 'y'), "C", eqk(17))
            .unwrap();
        assert_eq!(old, Some("c"));
        let order: Vec<_> = d.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(
            order,
            vec![
                ((5, 'x'), "a"),
                ((-3, 'x'), "b"),
                ((17, 'x'), "C"),
                ((2, 'x'), "d")
            ]
        );
        assert_eq!(d.get(hash::hash_int(-3), eqk(-3)).unwrap(), Some(&"b"));
        assert_eq!(d.get(hash::hash_int(4), eqk(4)).unwrap(), None);
        let v0 = d.version();
        assert_eq!(
            d.remove(hash::hash_int(5), eqk(5)).unwrap(),
            Some(((5, 'x'), "a"))
        );
        assert!(d.version() > v0);
        assert_eq!(d.popitem(), Some(((2, 'x'), "d")));
        d.insert(hash::hash_int(9), (9, 'z'), "e", eqk(9)).unwrap();
        let keys: Vec<i64> = d.keys().map(|k| k.0).collect();
        assert_eq!(keys, vec![-3, 17, 9]);
        assert_eq!(d.candidates(hash::hash_int(17)).len(), 1);
        // A failing __eq__ propagates.
        let r: Result<_, &str> = d.get_index(hash::hash_int(17), |_| Err("boom"));
        assert_eq!(r, Err("boom"));
        d.clear();
        assert!(d.is_empty() && d.iter().next().is_none());
    }

    #[test]
    fn dict_many_and_colliding() {
        let mut d: Dict<i64, i64> = Dict::new();
        for k in 0..20000i64 {
            // Every key shares a hash bucket with 7 others.
            d.insert(k / 8, k, k * 2, ieq(k)).unwrap();
        }
        for k in (0..20000i64).step_by(3) {
            assert_eq!(d.remove(k / 8, ieq(k)).unwrap(), Some((k, k * 2)));
        }
        for k in 0..20000i64 {
            let want = if k % 3 == 0 { None } else { Some(&(k * 2)) };
            assert_eq!(d.get(k / 8, ieq(k)).unwrap(), want);
        }
        let keys = dict_keys(&d);
        let want: Vec<i64> = (0..20000).filter(|k| k % 3 != 0).collect();
        assert_eq!(keys, want);
        assert_eq!(d.len(), want.len());
    }

    #[test]
    fn set_basics() {
        let mut s: Set<i64> = Set::new();
        assert!(s.pop().is_none());
        for k in [3i64, 11, 3, 19] {
            s.add(hash::hash_int(k), k, ieq(k)).unwrap();
        }
        // CPython 3.11: s = set(); [s.add(k) for k in [3, 11, 3, 19]]; list(s) == [11, 19, 3]
        assert_eq!(order(&s), vec![11, 19, 3]);
        assert!(s.contains(hash::hash_int(11), ieq(11)).unwrap());
        let mut cur = SetCursor::new(&s);
        let first = cur.next(&s).unwrap().unwrap();
        assert_eq!(s.slot_key(first), Some(&11));
        s.discard(hash::hash_int(11), ieq(11)).unwrap();
        assert_eq!(cur.next(&s), Err(()));
        let r: Result<_, &str> = s.add(hash::hash_int(19), 19, |_| Err("boom"));
        assert_eq!(r, Err("boom"));
    }
}
