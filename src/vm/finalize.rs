//! `__del__`: CPython calls an object's finalizer the moment its last reference dies, and
//! asyncio relies on it ("Task exception was never retrieved" and "Task was destroyed but it
//! is pending!" come from `Future.__del__`/`Task.__del__`, printed right then, between two
//! callbacks). Values here are `Rc`s, so the moment is known too, but a `Drop` impl cannot
//! reach the VM: it moves the dying object's contents into a fresh instance (resurrection, as
//! PEP 442 allows) and queues it; the VM calls `__del__` at the next statement boundary or
//! between two callbacks of the event loop ([`Vm::run_finalizers`]).
//!
//! A finalizer runs at most once per object (PEP 442): the ids of objects being finalized are
//! remembered until the resurrected instance dies for good.
//!
//! Objects in reference cycles never die here (there is no cycle collector); asyncio reports
//! what they would have reported at exit, as CPython's final collection does.

use super::object::{tflags, Ext, PyInstance, PyType, StrMap};
use super::{Value, Vm, WarnQueue};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

thread_local! {
    /// The queue of the VM running on this thread (the most recently created one).
    static QUEUE: RefCell<Option<Rc<WarnQueue>>> = const { RefCell::new(None) };
    /// Objects whose finalizer has been called (or is being called).
    static FINALIZED: RefCell<HashSet<u64>> = RefCell::new(HashSet::new());
}

/// Make `q` the queue dying objects of this thread go to. Objects still queued for an earlier
/// VM are dropped without their finalizers (that VM is gone).
pub(super) fn register(q: &Rc<WarnQueue>) {
    let old = QUEUE.try_with(|cell| cell.try_borrow_mut().ok().map(|mut c| c.replace(q.clone())));
    if let Ok(Some(Some(old))) = old {
        let stale: std::collections::VecDeque<PyInstance> = old
            .objects
            .try_borrow_mut()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        let _ = FINALIZED.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.extend(stale.iter().map(|o| o.id));
            }
        });
        drop(stale);
    }
}

/// Called from `PyInstance::drop`: whether the object's contents were moved to the queue (the
/// caller then has nothing left to drop).
pub(super) fn on_drop(inst: &mut PyInstance) -> bool {
    let cls = inst.cls.get_mut();
    if !cls.has_flag(tflags::FINALIZER) {
        return false;
    }
    if cls.has_flag(tflags::FINALIZE_GUARDED) && !guard_holds(cls, inst.dict.get_mut()) {
        return false;
    }
    let id = inst.id;
    let done = FINALIZED
        .try_with(|s| {
            s.try_borrow_mut()
                .map(|mut s| s.remove(&id))
                .unwrap_or(true)
        })
        .unwrap_or(true);
    if done {
        return false;
    }
    let Ok(Some(q)) = QUEUE.try_with(|c| c.try_borrow().ok().and_then(|c| c.clone())) else {
        return false;
    };
    let Ok(mut objects) = q.objects.try_borrow_mut() else {
        return false;
    };
    objects.push_back(PyInstance {
        cls: RefCell::new(inst.cls.get_mut().clone()),
        dict: RefCell::new(std::mem::take(inst.dict.get_mut())),
        ext: std::mem::replace(&mut inst.ext, Ext::None),
        id,
    });
    q.pending.set(true);
    true
}

/// The class attribute naming when a finalizer has something to do, so that the many objects
/// with nothing to report die without a resurrection and a Python call (asyncio's futures:
/// only an unretrieved exception or a pending task is reported).
pub const GUARD: &str = "_loopscope_finalize_if";

/// Whether one of the `(name, value)` pairs of the class's guard matches the dying object's
/// attribute (its own, else the class's). Borrows fail soft: a drop may happen while a class
/// dict is being changed.
fn guard_holds(cls: &PyType, dict: &StrMap) -> bool {
    const GUARD_HASH: u32 = super::ops::hash_str(GUARD) as u32;
    let class_attr = |name: &str, h: u32| -> Option<Value> {
        std::iter::once(cls)
            .chain(cls.mro_tail.iter().map(|t| &**t))
            .find_map(|t| t.dict.try_borrow().ok()?.get_h(name, h).cloned())
    };
    let Some(Value::Tuple(pairs)) = class_attr(GUARD, GUARD_HASH) else {
        return true;
    };
    pairs.items.iter().any(|p| {
        let Value::Tuple(p) = p else { return false };
        let (Some(Value::Str(name)), Some(want)) = (p.items.first(), p.items.get(1)) else {
            return false;
        };
        let h = name.hash() as u32;
        let have = match dict.get_h(&name.s, h) {
            Some(v) => Some(v.clone()),
            None => class_attr(&name.s, h),
        };
        match (have, want) {
            (Some(Value::Bool(a)), Value::Bool(b)) => a == *b,
            (Some(Value::Str(a)), Value::Str(b)) => a.s == b.s,
            _ => false,
        }
    })
}

impl Vm {
    /// Call `__del__` of the objects that died since the last call, oldest first (a finalizer
    /// may free more). An exception in one is reported as CPython's `PyErr_WriteUnraisable`
    /// does and does not stop the others.
    ///
    /// CPython calls `__del__` as the object dies, so what dies during one finalizer is
    /// finalized inside it, and objects that died together (a list's items) one after the
    /// other. While one finalizer runs, the rest of the queue is set aside: a statement
    /// boundary inside it finalizes only what died since it began.
    pub fn run_finalizers(&mut self) {
        loop {
            let (next, waiting) = {
                let Ok(mut v) = self.warnings.objects.try_borrow_mut() else {
                    return;
                };
                let Some(next) = v.pop_front() else {
                    return;
                };
                (next, std::mem::take(&mut *v))
            };
            self.finalize_one(next);
            if waiting.is_empty() {
                continue;
            }
            // What died during that finalizer and is not finalized yet goes first.
            match self.warnings.objects.try_borrow_mut() {
                Ok(mut v) => v.extend(waiting),
                Err(_) => return,
            }
        }
    }

    fn finalize_one(&mut self, next: PyInstance) {
        let id = next.id;
        let _ = FINALIZED.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.insert(id);
            }
        });
        let next = Rc::new(next);
        super::live_dict::readopt(&next);
        let obj = Value::Instance(next);
        let cls = self.type_of(&obj);
        let Some(del) = cls.lookup("__del__") else {
            return;
        };
        if let Err(e) = self.call_descr(&del, &obj, &cls, &[]) {
            let what = self.repr(&del).unwrap_or_default();
            let tb = self.format_exception(&e);
            self.write_out(
                super::Stream::Stderr,
                &format!("Exception ignored in: {what}\n{tb}"),
            );
        }
    }
}
