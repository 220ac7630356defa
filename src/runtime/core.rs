//! What the native halves of asyncio share: the Python-side objects they need (classes,
//! helpers, trace hooks), bound once when `asyncio.py` finishes importing, and fast access to
//! the private attributes of futures, tasks, handles and loops.
//!
//! The classes stay Python classes (subclassable, same attribute names as CPython's Python
//! versions), so everything that reads `fut._state` or `loop._ready` from Python keeps working;
//! the hot methods are natives installed into their class dicts by [`install_methods`].

use crate::vm::dict::PyDict;
use crate::vm::object::{
    tflags, NativeImpl as BuiltinImpl, PyBuiltin, PyInstance, Special, StrMap,
};
use crate::vm::value::PyStr;
use crate::vm::{Exc, KwArgs, PyResult, PyType, Value, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// The asyncio module's objects the natives use, filled by `_loopscope.aio_bind(globals())`.
#[derive(Default)]
pub struct Bound {
    pub ns: Option<Rc<PyDict>>,
    pub future: Option<Rc<PyType>>,
    pub task: Option<Rc<PyType>>,
    pub handle: Option<Rc<PyType>>,
    pub timer_handle: Option<Rc<PyType>>,
    pub virtual_loop: Option<Rc<PyType>>,
    pub cancelled_error: Option<Rc<PyType>>,
    pub invalid_state: Option<Rc<PyType>>,
    pub pending: Value,
    pub cancelled: Value,
    pub finished: Value,
    /// `_tr` when tracing is on.
    pub trace: Option<Value>,
    pub handles: bool,
    /// The natives themselves, to recognise them in a class's MRO (a subclass may override).
    pub natives: Natives,
    /// (loop, task): the task each running loop is stepping (CPython's `_current_tasks`).
    pub current: Vec<(Value, Value)>,
    pub future_iter: Option<Rc<PyType>>,
    pub sleep_iter: Option<Rc<PyType>>,
    /// `asyncio.sleep`'s code and the instruction of its `await w`: the traceback entry its
    /// frame adds to an exception raised there, which `await asyncio.sleep(d)` without the
    /// coroutine (`futures::sleep_awaited`) adds instead.
    pub sleep_code: Option<super::futures::SleepShape>,
    /// `_loopscope.agen_poll` and `_loopscope.select`.
    pub agen_poll: Value,
    pub select: Value,
    pub future_dict: StrMap,
    pub handle_dict: StrMap,
    pub timer_dict: StrMap,
    pub task_dict: StrMap,
    /// Tracing runs only: the tasks that started waiting on each future (by the future's
    /// object id, 0 for non-instances), a superset of those still waiting, so the IO panel's
    /// "wakes Task-N" finds a future's task without scanning every task (`_task_waiting_on`).
    pub waiting: std::collections::HashMap<u64, Vec<Value>>,
    /// (name's key, table version, entry index) per name slot, for [`global`].
    pub global_hints: Vec<Cell<(u64, u64, u32)>>,
}

/// The natives by name. Names are literals, so a lookup compares addresses first (no hashing
/// on the hot paths), then text. `slots` maps a literal's address to its entry, so the
/// per-await lookups (`Task.task_wakeup`, `Task.__step`) skip the scan.
#[derive(Default)]
pub struct Natives(Vec<(&'static str, Value)>, Vec<Cell<u16>>);

const NATIVE_INDEX: usize = 512;

impl Natives {
    pub fn insert(&mut self, name: &'static str, v: Value) {
        if self.1.is_empty() {
            self.1.resize_with(NATIVE_INDEX, || Cell::new(u16::MAX));
        }
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = v,
            None => self.0.push((name, v)),
        }
    }
    pub fn get(&self, name: &'static str) -> Option<&Value> {
        let same = |n: &str| std::ptr::eq(n.as_ptr(), name.as_ptr()) && n.len() == name.len();
        let slot = self.1.get(name_slot(name_key(name)) % NATIVE_INDEX);
        if let Some(i) = slot.map(Cell::get) {
            if let Some((n, v)) = self.0.get(i as usize) {
                if same(n) {
                    return Some(v);
                }
            }
        }
        let i = self
            .0
            .iter()
            .position(|(n, _)| same(n))
            .or_else(|| self.0.iter().position(|(n, _)| *n == name))?;
        if let (Some(c), Ok(i)) = (slot, u16::try_from(i)) {
            c.set(i);
        }
        self.0.get(i).map(|(_, v)| v)
    }
}

/// Shared by every native closure of one VM's asyncio.
pub type Aio = Rc<RefCell<Bound>>;

const NAME_SLOTS: usize = 2048;

/// A cached name: the literal's key and its interned str.
struct NameSlot(u64, Value);

thread_local! {
    static NAMES: RefCell<Vec<NameSlot>> =
        RefCell::new((0..NAME_SLOTS).map(|_| NameSlot(0, Value::None)).collect());
}

/// A literal's identity: its address and length (linkers merge a literal into a longer one
/// that starts with it), in 64 bits on every target (wasm32's usize is 32).
pub fn name_key(n: &'static str) -> u64 {
    (n.as_ptr() as usize as u64) ^ ((n.len() as u64) << 48)
}

/// The cache slot of a literal. Literals sit a few bytes apart in the binary, so a plain
/// `address % slots` maps some hot names onto one slot, and each miss re-interns (hashes)
/// the name: a multiplicative hash spreads them.
fn name_slot(id: u64) -> usize {
    (id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 53) as usize % NAME_SLOTS
}

/// The interned str value of an attribute or global name (its hash cached, its text shared
/// with the names in bytecode). The names are literals: a direct-mapped cache keyed by the
/// literal's address finds them without hashing.
pub fn name(n: &'static str) -> Value {
    let id = name_key(n);
    let slot = name_slot(id);
    NAMES.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(NameSlot(k, v)) = c.get(slot) {
            if *k == id {
                return v.clone();
            }
        }
        let v = crate::vm::object::intern(n);
        if let Some(e) = c.get_mut(slot) {
            *e = NameSlot(id, v.clone());
        }
        v
    })
}

/// `f(name(n))` without touching the name's reference count on a cache hit.
fn with_name<R>(n: &'static str, f: impl FnOnce(&PyStr) -> R) -> Option<R> {
    let id = name_key(n);
    let slot = name_slot(id);
    let hit = NAMES.with(|c| {
        let c = c.try_borrow().ok()?;
        match c.get(slot) {
            Some(NameSlot(k, Value::Str(ps))) if *k == id => Some(ps.clone()),
            _ => None,
        }
    });
    let ps = match hit {
        Some(ps) => ps,
        None => match name(n) {
            Value::Str(ps) => ps,
            _ => return None,
        },
    };
    Some(f(&ps))
}

/// Advance the object id counter by the ids the Python version of a native took (the objects
/// it made, such as the exceptions it caught; frames take none). Ids are the hashes of instances, and sets of tasks iterate in
/// hash order (`for t in pending: t.cancel()` decides which task runs first), so a native
/// must leave the counter where the Python code did.
pub fn skip_ids(vm: &Vm, n: usize) {
    for _ in 0..n {
        vm.next_id();
    }
}

/// `f` applied to the interned str of the literal `n`.
pub fn with_name_ps<R>(n: &'static str, f: impl FnOnce(&PyStr) -> R) -> Option<R> {
    with_name(n, f)
}

/// An instance dict holding `names` (in order) with the class defaults of `cls`: cloned into
/// each new object, so building one costs two allocations and its later reads of those
/// names hit the instance dict instead of walking the MRO. The most read names go first (a
/// small dict is scanned in order); CPython's Future, Task and handles have no `__dict__`,
/// so the order is not observable there.
pub fn template(cls: &PyType, names: &[&'static str]) -> StrMap {
    let mut m = StrMap::new();
    for n in names {
        with_name(n, |ps| {
            m.set_ps(ps, cls.lookup_ps(ps).unwrap_or(Value::None))
        });
    }
    m
}

/// Give a fresh instance its attributes: the template's, then `vals`. Inlined so that each
/// name is a known literal where it is compared (no `memcmp` call per name).
#[inline(always)]
pub fn fill(
    i: &PyInstance,
    template: &StrMap,
    vals: impl IntoIterator<Item = (&'static str, Value)>,
) {
    let mut d = i.dict.borrow_mut();
    if d.is_pristine() {
        // Nothing to drop: no call into the map's drop glue.
        std::mem::forget(std::mem::replace(&mut *d, template.clone()));
    } else if d.is_empty() && d.live().is_none() {
        // (An empty map with a `__dict__` view keeps it.)
        *d = template.clone();
    }
    for (n, v) in vals {
        match pos_in(&d, n).and_then(|p| d.slot_mut(p)) {
            // A template's value is plain (None, a bool): no drop glue call.
            Some(slot) => std::mem::replace(slot, v).forget_plain(),
            None => {
                with_name(n, |ps| d.set_ps(ps, v));
            }
        }
    }
}

const HINT_SLOTS: usize = 4096;
const HINT_WAYS: usize = 4;
const POS_BITS: u32 = 16;
const POS_MASK: u64 = (1 << POS_BITS) - 1;
const ABSENT: u64 = POS_MASK;

/// Where each literal name sat in the instance dicts it was last found in: a slot per name
/// (claimed by the first use of the name, kept for the process: a few hundred names use
/// them), holding (shape id << 16 | position), four per name, since one name sits at
/// different places in a future's, a task's and a handle's dicts. A dict whose shape id is
/// remembered holds the name at that position without checking its key (shape ids are never
/// reused: `StrMap::shape_id`); otherwise the remembered positions are checked against the
/// key found there, so a stale entry costs a search, never a wrong answer. Each entry is one
/// atomic word read with plain loads (a thread-local's access check costs more than the
/// read). Threads with their own VMs share the table: an entry one thread wrote names a
/// shape of that thread (shapes are `Rc`s), which no dict of another thread has.
struct Hint {
    /// The `name_key` of the name owning the slot, 0 while free.
    owner: AtomicU64,
    ways: [AtomicU64; HINT_WAYS],
}

static HINTS: [Hint; HINT_SLOTS] = [const {
    Hint {
        owner: AtomicU64::new(0),
        ways: [const { AtomicU64::new(0) }; HINT_WAYS],
    }
}; HINT_SLOTS];

/// The home slot of the literal name `key` (a name finding it taken uses the one next to
/// it, through `pos_slow`).
#[inline(always)]
fn home_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize % HINT_SLOTS
}

/// The slot the name `key` owns: its home slot or the one next to it (claimed the first
/// time); None when two other names hold both (then no hints: a search each time).
fn hint_slot(key: u64) -> Option<&'static Hint> {
    let home = home_slot(key);
    for slot in [home, home ^ 1] {
        let h = HINTS.get(slot)?;
        match h.owner.compare_exchange(0, key, Relaxed, Relaxed) {
            Ok(_) => return Some(h),
            Err(o) if o == key => return Some(h),
            Err(_) => {}
        }
    }
    None
}

/// Where the literal name `n` sits in `d`: a remembered (shape, position) in the name's
/// home slot, else (out of line) a remembered position whose key is `n` or a search,
/// remembered for `d`'s shape.
#[inline(always)]
fn pos_in(d: &StrMap, n: &'static str) -> Option<usize> {
    let id = d.shape_id();
    let key = name_key(n);
    if let Some(h) = HINTS.get(home_slot(key)) {
        if h.owner.load(Relaxed) == key {
            for e in &h.ways {
                let e = e.load(Relaxed);
                if e >> POS_BITS == id {
                    // `ABSENT`: this shape has no such key (asked for defaults).
                    let p = e & POS_MASK;
                    return (p != ABSENT).then_some(p as usize);
                }
            }
        }
    }
    pos_slow(d, n, id)
}

#[cold]
#[inline(never)]
fn pos_slow(d: &StrMap, n: &'static str, id: u64) -> Option<usize> {
    let h = hint_slot(name_key(n));
    if let Some(h) = h {
        for e in &h.ways {
            let e = e.load(Relaxed);
            if e >> POS_BITS == id {
                let p = e & POS_MASK;
                return (p != ABSENT).then_some(p as usize);
            }
        }
    }
    let known = h.and_then(|h| {
        h.ways
            .iter()
            .map(|e| (e.load(Relaxed) & POS_MASK) as usize)
            .find(|&p| d.key_is(p, n))
    });
    let p = match known {
        Some(p) => Some(p),
        None => with_name(n, |ps| d.find_ps_hint(ps, 0)).flatten(),
    };
    let e = match p {
        Some(p) => p as u64,
        None => ABSENT,
    };
    // A dict without keys (`u64::MAX`, as ids past 48 bits) is not remembered, nor a
    // position from `ABSENT` up (found by search each time). Free ways hold 0, which no
    // shape id is.
    let keep = id >> (64 - POS_BITS) == 0 && (e < ABSENT || p.is_none());
    if let (Some(h), true) = (h, keep) {
        // Newest first: the oldest of the four is forgotten.
        for w in (1..HINT_WAYS).rev() {
            if let (Some(a), Some(b)) = (h.ways.get(w - 1), h.ways.get(w)) {
                b.store(a.load(Relaxed), Relaxed);
            }
        }
        if let Some(first) = h.ways.first() {
            first.store(id << POS_BITS | e, Relaxed);
        }
    }
    p
}

pub fn inst(v: &Value) -> Option<&Rc<PyInstance>> {
    match v {
        Value::Instance(i) => Some(i),
        _ => None,
    }
}

/// Where the instance dict `d` holds the literal name `n` (its value is `d.val_at(p)`).
#[inline(always)]
pub fn own_pos(d: &StrMap, n: &'static str) -> Option<usize> {
    pos_in(d, n)
}

/// A private attribute: the instance's own, else the class default (what `self._x` reads for
/// the plain data attributes asyncio's classes use). Inlined so that each call site compares
/// keys against a literal of known length (a few loads, no `memcmp` call).
#[inline(always)]
pub fn get(i: &PyInstance, n: &'static str) -> Value {
    {
        let d = i.dict.borrow();
        if let Some(p) = pos_in(&d, n) {
            return d.val_at(p).cloned().unwrap_or(Value::None);
        }
    }
    class_default(i, n)
}

/// `f` applied to the instance's own attribute `n` (no clone), None when it has none.
#[inline(always)]
pub fn get_ref<R>(i: &PyInstance, n: &'static str, f: impl FnOnce(&Value) -> R) -> Option<R> {
    let d = i.dict.borrow();
    let p = pos_in(&d, n)?;
    d.val_at(p).map(f)
}

#[cold]
#[inline(never)]
fn class_default(i: &PyInstance, n: &'static str) -> Value {
    with_name(n, |ps| i.cls.borrow().lookup_ps(ps).unwrap_or(Value::None)).unwrap_or(Value::None)
}

/// Does the instance's own dict hold `n`?
#[inline(always)]
pub fn has_own(i: &PyInstance, n: &'static str) -> bool {
    pos_in(&i.dict.borrow(), n).is_some()
}

#[inline(always)]
pub fn set(i: &PyInstance, n: &'static str, v: Value) {
    let old = {
        let mut d = i.dict.borrow_mut();
        match pos_in(&d, n).and_then(|p| d.slot_mut(p)) {
            // The old value is dropped after the dict's borrow ends (a drop may run Python).
            Some(slot) => std::mem::replace(slot, v),
            None => {
                drop(d);
                return set_new(i, n, v);
            }
        }
    };
    // Most attributes asyncio's natives overwrite hold a plain value (a state, a flag,
    // None): those need no call into the drop glue.
    old.forget_plain();
}

#[cold]
#[inline(never)]
fn set_new(i: &PyInstance, n: &'static str, v: Value) {
    with_name(n, |ps| i.dict.borrow_mut().set_ps(ps, v));
}

/// A plain instance's own attribute `name`, found without building a str: `None` when `obj`
/// is not a plain instance, its class customises attribute access or defines `name`, or
/// the instance lacks it (full attribute access then decides).
fn own_attr(obj: &Value, name: &'static str) -> Option<Value> {
    let Value::Instance(i) = obj else {
        return None;
    };
    {
        let cls = i.cls.borrow();
        if cls.has_flag(tflags::GETATTRIBUTE) {
            return None;
        }
        // A class attribute of that name could be a data descriptor, which wins; a plain
        // value (Future's `_asyncio_future_blocking = False`) is shadowed by the instance's.
        if !class_attr_plain(&cls, name) {
            return None;
        }
    }
    let d = i.dict.borrow();
    let p = pos_in(&d, name)?;
    d.val_at(p).cloned()
}

/// [`own_attr`] when it is a bool, without a clone.
pub fn own_bool(obj: &Value, name: &'static str) -> Option<bool> {
    let Value::Instance(i) = obj else {
        return None;
    };
    {
        let cls = i.cls.borrow();
        if cls.has_flag(tflags::GETATTRIBUTE) || !class_attr_plain(&cls, name) {
            return None;
        }
    }
    let d = i.dict.borrow();
    match d.val_at(pos_in(&d, name)?)? {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

/// A value of a built-in immutable type: never a descriptor.
fn is_plain_value(v: &Value) -> bool {
    matches!(
        v,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)
    )
}

/// `getattr(obj, name, None)` with the plain-instance case done without a string value.
pub fn getattr_or_none(vm: &mut Vm, obj: &Value, name: &'static str) -> PyResult<Value> {
    if let Some(v) = own_attr(obj, name) {
        return Ok(v);
    }
    let n = self::name(name);
    Ok(vm.getattr_opt(obj, &n)?.unwrap_or(Value::None))
}

/// `obj.<name>`: a plain instance's own attribute without building a str, else full
/// attribute access (which raises AttributeError as Python would).
pub fn getattr_name(vm: &mut Vm, obj: &Value, name: &'static str) -> PyResult<Value> {
    if let Some(v) = own_attr(obj, name) {
        return Ok(v);
    }
    let n = self::name(name);
    vm.getattr(obj, &n)
}

pub fn is_str(v: &Value, s: &Value) -> bool {
    match (v, s) {
        (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a.as_str() == b.as_str(),
        _ => false,
    }
}

/// Is `attr`, looked up on `cls`, still the native installed as `which` (or the Python
/// function kept as `which`), not overridden?
/// Asked several times per await, so the answer is cached per (class, name) until any class
/// dict changes (the type epoch); a class's `cache_tag` is never reused, so a freed class
/// cannot alias a live one.
/// Inlined: a hit is a dozen instructions at the call site, without a call's prologue (an
/// await asks about twenty times); the miss is out of line.
#[inline(always)]
pub fn is_native_method(aio: &Aio, cls: &PyType, attr: &'static str, which: &'static str) -> bool {
    cached_answer(cls, name_key(which), name_key(attr), || {
        is_native_method_uncached(aio, cls, attr, which)
    })
}

/// Does attribute access on an instance of `cls` leave `attr` to the instance dict when it
/// holds one: nothing of that name along the MRO but plain values (no descriptor)? Cached
/// as [`is_native_method`] is.
pub fn class_attr_plain(cls: &PyType, attr: &'static str) -> bool {
    let akey = name_key(attr);
    cached_answer(cls, akey.rotate_left(1), akey, || {
        with_name(attr, |ps| cls.lookup_map(ps, is_plain_value))
            .flatten()
            .unwrap_or(true)
    })
}

/// A yes/no about `cls` keyed by two literal names, remembered until a class dict changes.
///
/// Two-way: each key maps to a pair of slots. The keys hash literal addresses and class tags,
/// so which hot pairs collide depends on the binary's layout; with one slot, any change
/// elsewhere could make two pairs an await asks for evict each other on every ask (+2% of
/// many_tasks' instructions, seen once).
#[inline(always)]
pub fn cached_answer(cls: &PyType, wkey: u64, akey: u64, compute: impl FnOnce() -> bool) -> bool {
    let epoch = crate::vm::object::type_epoch();
    let slot = (((cls.cache_tag ^ wkey ^ akey.rotate_left(17)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        >> 54) as usize
        % NATIVE_SLOTS)
        & !1;
    let is = |e: NativeCacheEntry| {
        e.0 == cls.cache_tag && e.1 == wkey && e.2 == akey && e.3 == epoch && epoch != 0
    };
    let hit = NATIVE_CACHE
        .try_with(|c| {
            let first = c[slot].get();
            if is(first) {
                return Some(first.4);
            }
            let second = c[slot + 1].get();
            is(second).then_some(second.4)
        })
        .ok()
        .flatten();
    match hit {
        Some(r) => r,
        None => cached_answer_miss(cls, wkey, akey, epoch, slot, compute),
    }
}

/// Computes and remembers an answer in the first slot of its pair, moving the answer that
/// was there to the second (the two most recently computed stay).
#[cold]
#[inline(never)]
fn cached_answer_miss(
    cls: &PyType,
    wkey: u64,
    akey: u64,
    epoch: u64,
    slot: usize,
    compute: impl FnOnce() -> bool,
) -> bool {
    let r = compute();
    let _ = NATIVE_CACHE.try_with(|c| {
        if let (Some(a), Some(b)) = (c.get(slot), c.get(slot + 1)) {
            b.set(a.get());
            a.set((cls.cache_tag, wkey, akey, epoch, r));
        }
    });
    r
}

// An await asks about a dozen (class, name) pairs; with 256 direct-mapped slots enough of
// them collided that a fifth of the asks missed (each miss walks the MRO).
const NATIVE_SLOTS: usize = 1024;

/// (class cache_tag, `which`'s key, `attr`'s key, type epoch, answer).
type NativeCacheEntry = (u64, u64, u64, u64, bool);

thread_local! {
    // Const-initialised plain cells: reading one is a load, no lazy-init check or borrow.
    static NATIVE_CACHE: [Cell<NativeCacheEntry>; NATIVE_SLOTS] =
        const { [const { Cell::new((0, 0, 0, 0, false)) }; NATIVE_SLOTS] };
}

fn is_native_method_uncached(
    aio: &Aio,
    cls: &PyType,
    attr: &'static str,
    which: &'static str,
) -> bool {
    let b = aio.borrow();
    let Some(n) = b.natives.get(which) else {
        return false;
    };
    let Value::Str(ps) = name(attr) else {
        return false;
    };
    match (cls.lookup_ps(&ps), n) {
        (Some(Value::Builtin(a)), Value::Builtin(b)) => Rc::ptr_eq(&a, b),
        // The Python originals kept as "py.*" (`Queue._put`).
        (Some(Value::Func(a)), Value::Func(b)) => Rc::ptr_eq(&a, b),
        _ => false,
    }
}

pub fn arg(a: &[Value], i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

/// Positional argument `i`, else keyword `name`, else None.
pub fn arg_kw(a: &[Value], k: &KwArgs, i: usize, name: &str) -> Value {
    if let Some(v) = a.get(i) {
        return v.clone();
    }
    crate::vm::kw_get(k, name).cloned().unwrap_or(Value::None)
}

pub fn self_inst(vm: &mut Vm, a: &[Value], what: &str) -> PyResult<Rc<PyInstance>> {
    match a.first() {
        Some(Value::Instance(i)) => Ok(i.clone()),
        _ => Err(vm.type_error(format!("descriptor '{what}' requires an object"))),
    }
}

/// An instance of one of asyncio's Python exception classes.
pub fn py_exc(vm: &mut Vm, cls: &Option<Rc<PyType>>, msg: &str) -> Exc {
    let Some(cls) = cls else {
        return vm.runtime_error(msg.to_string());
    };
    let args: Vec<Value> = if msg.is_empty() {
        vec![]
    } else {
        vec![Value::str(msg)]
    };
    match vm.call(&Value::Type(cls.clone()), &args, &[]) {
        Ok(Value::Instance(e)) if e.exc().is_some() => e,
        Ok(_) => vm.runtime_error(msg.to_string()),
        Err(e) => e,
    }
}

/// A module-level name of asyncio (looked up each time: scripts may replace them). Where
/// each name's entry sits is remembered with the table's version (which changes whenever
/// its keys do), so a repeated lookup reads that entry's current value without hashing.
#[inline(always)]
pub fn global(aio: &Aio, name: &'static str) -> Value {
    let key = name_key(name);
    let slot = name_slot(key) % GLOBAL_HINTS;
    {
        let b = aio.borrow();
        if let (Some(ns), Some(hint)) = (&b.ns, b.global_hints.get(slot)) {
            let (k, ver, i) = hint.get();
            let t = ns.t.borrow();
            if k == key && ver == t.version && ver != 0 {
                if let Some(v) = t.value_at(i as usize) {
                    return v;
                }
            }
        }
    }
    global_miss(aio, name, key, slot)
}

#[cold]
#[inline(never)]
fn global_miss(aio: &Aio, name: &'static str, key: u64, slot: usize) -> Value {
    let b = aio.borrow();
    let Some(ns) = &b.ns else {
        return Value::None;
    };
    let hint = b.global_hints.get(slot);
    let Value::Str(s) = self::name(name) else {
        return Value::None;
    };
    let t = ns.t.borrow();
    match t.probe_str(s.hash(), &s.s) {
        Some(i) => {
            if let (Some(h), Ok(i32)) = (hint, u32::try_from(i)) {
                h.set((key, t.version, i32));
            }
            t.value_at(i).unwrap_or(Value::None)
        }
        None => Value::None,
    }
}

/// Slots are picked by the literal's address, which moves with every change to the binary:
/// with 128, a rebuild could make two hot names share a slot and evict each other (+3M
/// instructions in the scaled many_tasks from an unrelated VM change).
const GLOBAL_HINTS: usize = 1024;

/// `_tr(kind, *args)` when tracing is on.
pub fn trace(vm: &mut Vm, aio: &Aio, args: &[Value]) -> PyResult<()> {
    let tr = aio.borrow().trace.clone();
    if let Some(tr) = tr {
        vm.call(&tr, args, &[])?;
    }
    Ok(())
}

pub fn tracing(aio: &Aio) -> bool {
    aio.borrow().trace.is_some()
}

fn ty(ns: &PyDict, name: &str) -> Option<Rc<PyType>> {
    match ns.get_str(name) {
        Some(Value::Type(t)) => Some(t),
        _ => None,
    }
}

/// The attributes of a new Future, in the order `Future.__init__` sets them. `_cancelled_exc`
/// stays a class default until a cancel sets it: eight names keep a future's dict a plain
/// scan (a ninth adds a hash index that every new future copies).
const FUTURE_FIELDS: [&str; 8] = [
    "_state",
    "_loop",
    "_callbacks",
    "_result",
    "_exception",
    "_asyncio_future_blocking",
    "_log_traceback",
    "_cancel_message",
];

/// What `Task.__init__` adds to a future's attributes, in its order; then
/// `_log_destroy_pending` (the class's True), which `gather` sets on every task it makes: in
/// place, instead of adding a key per task.
const TASK_FIELDS: [&str; 7] = [
    "_name",
    "_num_cancels_requested",
    "_must_cancel",
    "_fut_waiter",
    "_coro",
    "_context",
    "_log_destroy_pending",
];

/// `_loopscope.aio_bind(globals())`: remember the module's classes and install the natives
/// into them.
pub fn bind(vm: &mut Vm, aio: &Aio, a: &[Value]) -> PyResult<Value> {
    let Some(Value::Dict(ns)) = a.first() else {
        return Err(vm.type_error("aio_bind needs the module's globals"));
    };
    {
        let mut b = aio.borrow_mut();
        b.future = ty(ns, "Future");
        b.task = ty(ns, "Task");
        // CPython's Future and Task are C types (_asyncio.Future): messages name them so.
        for t in [&b.future, &b.task].into_iter().flatten() {
            t.mark_c_type();
        }
        b.handle = ty(ns, "Handle");
        b.timer_handle = ty(ns, "TimerHandle");
        b.virtual_loop = ty(ns, "VirtualLoop");
        b.cancelled_error = ty(ns, "CancelledError");
        b.invalid_state = ty(ns, "InvalidStateError");
        b.pending = ns.get_str("_PENDING").unwrap_or(Value::None);
        b.cancelled = ns.get_str("_CANCELLED").unwrap_or(Value::None);
        b.finished = ns.get_str("_FINISHED").unwrap_or(Value::None);
        b.handles = matches!(ns.get_str("_HANDLES"), Some(Value::Bool(true)));
        b.trace = match ns.get_str("_TRACE") {
            Some(Value::Bool(true)) => ns.get_str("_tr"),
            _ => None,
        };
        b.ns = Some(ns.clone());
        b.global_hints = (0..GLOBAL_HINTS).map(|_| Cell::new((0, 0, 0))).collect();
        if let Some(Value::Module(m)) = ns.get_str("_loopscope") {
            b.agen_poll = m.dict.get_str("agen_poll").unwrap_or(Value::None);
            b.select = m.dict.get_str("select").unwrap_or(Value::None);
        }
        if let Some(f) = &b.future {
            b.future_dict = template(f, &FUTURE_FIELDS);
        }
        if let Some(t) = &b.task {
            // A Task is a Future with its own fields after the future's, in that order.
            b.task_dict = template(t, &[&FUTURE_FIELDS[..], &TASK_FIELDS[..]].concat());
        }
        // Handles and timers put their shared names at the same places, `_loop` where a
        // future has it: one name's remembered positions (see `pos_in`) then serve all.
        if let Some(h) = &b.handle {
            b.handle_dict = template(
                h,
                &["_cancelled", "_loop", "_context", "_callback", "_args"],
            );
        }
        if let Some(h) = &b.timer_handle {
            b.timer_dict = template(
                h,
                &[
                    "_cancelled",
                    "_loop",
                    "_context",
                    "_callback",
                    "_args",
                    "_when",
                    "_scheduled",
                ],
            );
        }
    }
    super::futures::install(vm, aio)?;
    super::events::install(vm, aio)?;
    super::tasks::install(vm, aio)?;
    super::base_events::install(vm, aio)?;
    super::queues::install(vm, aio)?;
    Ok(Value::None)
}

/// A native of asyncio: a method or function with the VM's shared state.
pub type NativeImpl = fn(&mut Vm, &Aio, &[Value], &KwArgs) -> PyResult<Value>;

/// A native method: (attribute name, key naming it among the natives, implementation).
pub type Method = (&'static str, &'static str, NativeImpl);

/// Put native closures into a class dict (and remember them, to spot overrides). They
/// behave as C methods do: `__qualname__` follows the type of the object they are bound to.
pub fn install_methods(vm: &mut Vm, aio: &Aio, cls: &Option<Rc<PyType>>, methods: &[Method]) {
    install(vm, aio, cls, methods, false)
}

/// Like [`install_methods`] for classes that are Python in CPython (`Handle`,
/// `BaseEventLoop`): `__qualname__` names the defining class, as a Python method's does.
pub fn install_py_methods(vm: &mut Vm, aio: &Aio, cls: &Option<Rc<PyType>>, methods: &[Method]) {
    install(vm, aio, cls, methods, true)
}

fn install(vm: &mut Vm, aio: &Aio, cls: &Option<Rc<PyType>>, methods: &[Method], py: bool) {
    let Some(cls) = cls else { return };
    for &(attr, which, f) in methods {
        let st = aio.clone();
        let v = if py {
            let module = match cls.dict.borrow().get("__module__") {
                Some(Value::Str(m)) => Rc::from(m.as_str()),
                _ => cls.module.borrow().clone(),
            };
            Value::Builtin(Rc::new(PyBuiltin {
                name: Rc::from(attr),
                imp: BuiltinImpl::Closure(Rc::new(move |vm, a, k| f(vm, &st, a, k))),
                bound: None,
                special: Special::None,
                owner: Some(cls.qualname.borrow().clone()),
                module: Some(module),
            }))
        } else {
            vm.new_closure(attr, move |vm, a, k| f(vm, &st, a, k))
        };
        cls.dict.borrow_mut().set(attr, v.clone());
        aio.borrow_mut().natives.insert(which, v);
    }
    crate::vm::builtins::update_type_flags(cls);
}

/// A bound native method value (`task.task_wakeup`), as attribute access would make it.
pub fn bound(aio: &Aio, which: &'static str, slf: &Value) -> Value {
    let b = aio.borrow();
    match b.natives.get(which) {
        Some(Value::Builtin(f)) => Value::Builtin(Rc::new(PyBuiltin {
            name: f.name.clone(),
            imp: f.imp.clone(),
            bound: Some(slf.clone()),
            special: f.special,
            owner: f.owner.clone(),
            module: f.module.clone(),
        })),
        _ => Value::None,
    }
}

/// A traceback entry for a line of CPython's asyncio that loopscope runs natively: the frame a
/// student would see under `python3` (`File ".../asyncio/queues.py", line 181, in get_nowait`
/// over `raise QueueEmpty`). It is compiled from a one-function source whose line carries the
/// `# cpython: FILE:LINE` marker, so tracebacks print CPython's file, line and text
/// (`vm::render::cpython_site`). Error paths only: each call compiles afresh.
pub(crate) fn cpython_frame(
    vm: &mut Vm,
    func: &str,
    text: &str,
    site: &str,
) -> Option<crate::vm::exceptions::TbEntry> {
    use crate::lang::bytecode::Const;
    use crate::lang::span::SourceFile;
    let file = format!("<loopscope>/asyncio/{func}@{site}");
    // `if 1:` keeps the statement off the function's first body line, where a bare `raise` or
    // call would still work but the line table might start at the def.
    let source = format!("def {func}(self):\n    if 1:\n        {text}  # cpython: {site}\n");
    let src = Rc::new(SourceFile::new(&file, &source));
    let module = crate::vm::anchors::compile_source(&src).ok()?;
    let co = module.consts.iter().find_map(|c| match c {
        Const::Code(co) => Some(co.clone()),
        _ => None,
    })?;
    let lasti = (0..co.instrs.len()).rfind(|&i| co.line_of(i) == 3)?;
    vm.add_source(src);
    Some(crate::vm::exceptions::TbEntry::new(
        Rc::new(crate::vm::object::PyCode::new(co)),
        lasti as u32,
        0,
    ))
}
