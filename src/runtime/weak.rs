//! Weak registries and the finalizers of asyncio's futures.
//!
//! CPython keeps `_all_tasks` in a WeakSet, and reports "Task exception was never retrieved" /
//! "Task was destroyed but it is pending!" from `Future.__del__` / `Task.__del__` the moment
//! the object dies. loopscope does both: `_loopscope.weak_list()` gives asyncio registries
//! that do not keep their members alive, and `_loopscope.set_finalizer(cls, kind)` gives its
//! Future and Task classes their `__del__` (run by `vm/finalize.rs`).
//!
//! Both are built from natives, not Python functions or classes: object ids stand in for
//! CPython's addresses (a set of tasks iterates in their order), and a function or class
//! defined while asyncio loads would take ids and shift every object a script creates.

use super::core::{self, get};
use crate::vm::dict::PyDict;
use crate::vm::object::PyInstance;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

enum Member {
    Weak(Weak<PyInstance>),
    Held(Value),
}

impl Member {
    fn get(&self) -> Option<Value> {
        match self {
            Member::Weak(w) => w.upgrade().map(Value::Instance),
            Member::Held(v) => Some(v.clone()),
        }
    }
    fn alive(&self) -> bool {
        match self {
            Member::Weak(w) => w.strong_count() > 0,
            Member::Held(_) => true,
        }
    }
}

/// Members in insertion order (`all_tasks()` and the exit report list them in creation order);
/// values that are not instances (which cannot die on their own here) are held.
#[derive(Default)]
pub struct WeakList {
    members: Vec<Member>,
    /// Forget dead members when the list reaches this length (amortised: it doubles).
    prune_at: usize,
    /// Hold members strongly until `weaken` (see `weak_list`).
    hold: bool,
    /// The strong references of a holding list, by instance id: `weaken` is one removal, so
    /// letting each of 20,000 finished tasks go costs no scan of the list.
    held: HashMap<u64, Rc<PyInstance>>,
}

impl WeakList {
    fn prune(&mut self) {
        self.members.retain(Member::alive);
        self.prune_at = (self.members.len() * 2).max(64);
    }
    pub fn append(&mut self, x: &Value) {
        if self.members.len() >= self.prune_at {
            self.prune();
        }
        self.members.push(match x {
            Value::Instance(i) => {
                if self.hold {
                    self.held.insert(i.id, i.clone());
                }
                Member::Weak(Rc::downgrade(i))
            }
            other => Member::Held(other.clone()),
        });
    }
    /// Returns the strong reference given up, for the caller to drop once it no longer
    /// borrows the list (the member may die of it, and its finalizer may read the list).
    fn remove(&mut self, x: &Value) -> Option<Rc<PyInstance>> {
        let gone = self.weaken(x);
        if let Some(i) = self
            .members
            .iter()
            .position(|m| m.get().is_some_and(|v| v.is(x)))
        {
            self.members.remove(i);
        }
        gone
    }
    /// Like `remove`, the strong reference given up is the caller's to drop.
    fn weaken(&mut self, x: &Value) -> Option<Rc<PyInstance>> {
        match x {
            Value::Instance(i) => self.held.remove(&i.id),
            _ => None,
        }
    }
    fn alive_values(&mut self) -> Vec<Value> {
        self.prune();
        self.members.iter().filter_map(Member::get).collect()
    }
}

/// `_loopscope.weak_list(hold=False)`: `(append, remove, alive, weaken)` over one new list;
/// `alive()` returns the members still alive as a list.
///
/// With `hold`, members are held until `weaken(x)`: asyncio's task registry holds a task
/// until it is done (its step weakens it, tasks.rs). A pending task that nothing else holds
/// is, in CPython, kept by a reference cycle until the collector runs; loopscope has no
/// collector, and its handles do not hold every object CPython's do, so a pending task is
/// held and reported at exit. A done task dies when its last reference goes, as in CPython.
fn weak_list(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let hold = matches!(a.first(), Some(Value::Bool(true)));
    let list = Rc::new(RefCell::new(WeakList {
        hold,
        ..WeakList::default()
    }));
    let l = list.clone();
    let append = vm.new_closure("append", move |_vm, a, _k| {
        if let Some(x) = a.first() {
            l.borrow_mut().append(x);
        }
        Ok(Value::None)
    });
    let l = list.clone();
    let remove = vm.new_closure("remove", move |_vm, a, _k| {
        if let Some(x) = a.first() {
            let gone = l.borrow_mut().remove(x);
            drop(gone);
        }
        Ok(Value::None)
    });
    let l = list.clone();
    let alive = vm.new_closure("alive", move |_vm, _a, _k| {
        let items = l.borrow_mut().alive_values();
        Ok(Value::list(items))
    });
    let weaken = vm.new_closure("weaken", move |_vm, a, _k| {
        if let Some(x) = a.first() {
            let gone = list.borrow_mut().weaken(x);
            drop(gone);
        }
        Ok(Value::None)
    });
    Ok(Value::tuple(vec![append, remove, alive, weaken]))
}

fn truthy_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<bool> {
    let v = vm.getattr_str(obj, name)?;
    vm.truthy(&v)
}

/// Report `context` through `obj._loop.call_exception_handler`.
fn report(vm: &mut Vm, obj: &Value, pairs: Vec<(&str, Value)>) -> PyResult<()> {
    let d = PyDict::new();
    for (k, v) in pairs {
        d.set_str(k, v);
    }
    let source_tb = vm.getattr_str(obj, "_source_traceback")?;
    if vm.truthy(&source_tb)? {
        d.set_str("source_traceback", source_tb);
    }
    let lp = vm.getattr_str(obj, "_loop")?;
    vm.call_method_by_name(&lp, "call_exception_handler", &[Value::Dict(Rc::new(d))])?;
    Ok(())
}

/// `Future.__del__` (CPython's futures.py): an exception nobody retrieved is reported.
fn future_del(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let me = core::arg(a, 0);
    if !truthy_attr(vm, &me, "_log_traceback")? {
        return Ok(Value::None);
    }
    vm.setattr(&me, &Value::str("_log_traceback"), Value::Bool(false))?;
    let cls = vm.type_of(&me);
    let message = format!("{} exception was never retrieved", cls.name());
    let exc = vm.getattr_str(&me, "_exception")?;
    report(
        vm,
        &me,
        vec![
            ("message", Value::string(message)),
            ("exception", exc),
            ("future", me.clone()),
        ],
    )?;
    Ok(Value::None)
}

/// `Task.__del__` (CPython's `TaskObj_finalize`): a task dying while pending is reported,
/// then what `Future.__del__` reports.
fn task_del(vm: &mut Vm, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let me = core::arg(a, 0);
    let pending = matches!(core::inst(&me).map(|i| get(i, "_state")), Some(Value::Str(s)) if &*s.s == "PENDING");
    if pending && truthy_attr(vm, &me, "_log_destroy_pending")? {
        vm.setattr(&me, &Value::str("_log_destroy_pending"), Value::Bool(false))?;
        report(
            vm,
            &me,
            vec![
                ("task", me.clone()),
                (
                    "message",
                    Value::str("Task was destroyed but it is pending!"),
                ),
            ],
        )?;
    }
    future_del(vm, a, k)
}

/// `_loopscope.set_finalizer(cls, kind)`: give asyncio's `Future` ("future") or `Task`
/// ("task") its `__del__`, before any subclass is made (subclasses read their flags then).
fn set_finalizer(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Type(cls)), Some(Value::Str(kind))) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("set_finalizer(cls, kind)"));
    };
    let f = if &*kind.s == "task" {
        task_del
    } else {
        future_del
    };
    vm.add_method(cls, "__del__", f);
    crate::vm::builtins::update_type_flags(cls);
    Ok(Value::None)
}

/// Add `weak_list` and `set_finalizer` to the `_loopscope` module.
pub fn install(vm: &mut Vm, m: &Rc<PyModule>) {
    vm.module_add_fn(m, "weak_list", weak_list);
    vm.module_add_fn(m, "set_finalizer", set_finalizer);
}
