//! Python threads on one VM, deterministically: the `_thread` module under `threading`,
//! `queue` and `concurrent.futures`.
//!
//! # The model
//!
//! * A thread is a stack of frames run by the same VM. The main thread's frames are the VM's
//!   own; another thread's frames are kept here while it does not run, and run in a nested
//!   interpreter loop (a *slice*) started by the scheduler.
//! * One thread runs Python at a time (the GIL). A thread gives the GIL up when it blocks:
//!   `time.sleep`, a `Lock.acquire` that has to wait (and so `Thread.join`, `Event.wait`,
//!   `Condition.wait`, `Queue.get`, `Future.result`, which CPython builds on locks too), or the
//!   event loop waiting in `select` for timers or for `call_soon_threadsafe`.
//! * CPU time is virtual too: once `_thread` is imported every VM instruction costs
//!   [`NS_PER_INSTRUCTION`] ns of the virtual clock (about CPython 3.11's speed on simple
//!   loops), charged at least every [`QUANTUM`] instructions and before every clock read. So a
//!   CPU-bound job takes the same virtual time in a thread or not, and two CPU-bound threads
//!   take as long as running them one after the other (the GIL lesson).
//! * A thread that waits for the GIL gets it once it has waited [`SWITCH_INTERVAL`] (5 ms,
//!   `sys.getswitchinterval()`), as CPython's forced switching does: the running thread is
//!   switched out at its next quantum boundary, at the first point where CPython 3.11 looks
//!   at its eval breaker (a function's start, a backward jump, just after a call; see
//!   `Vm::at_switch_point`), so `counter += 1` in a loop is never split. Threads waiting for the GIL are served first
//!   come, first served; threads waking at the same virtual time wake in the order they
//!   started waiting; a released lock goes to the thread that has waited longest, at the next
//!   scheduling point (the releasing thread keeps running, and may take it back first).
//! * When every thread is blocked, the clock jumps to the earliest deadline (as the event
//!   loop's virtual clock does); when no thread can ever wake, that is a deadlock error.
//!
//! # How switching works without recursion
//!
//! A blocking call made by a non-main thread directly from its own slice loop moves that
//! thread's frames out of `Vm::frames` into its record and leaves a one-instruction exit frame
//! in their place, so the slice loop returns; the blocked call's result is pushed onto the
//! saved top frame when the thread next runs (as `greenlet.rs` does). A slice whose quantum
//! runs out stops through `Vm::slice_floor` ([`crate::vm::Threads::slice`]) and parks its
//! frames the same way. A thread whose frames are below native code on the Rust stack (the
//! main thread always; any thread inside e.g. a `sorted(key=...)` callback or an event loop
//! run by Rust) cannot be moved: it waits *in place*, running the other threads' slices from
//! a scheduler loop on top of its own stack, and continues when its wait is over and its turn
//! comes. Threads below it on the Rust stack wait until it returns (a nesting limit CPython
//! does not have; a thread that runs an event loop itself is the usual case, and works).
//!
//! Thread identifiers are small deterministic numbers (CPython's are addresses).

use crate::vm::frame::{Entry, Frame};
use crate::vm::interp::{CallOut, Exit};
use crate::vm::{KwArgs, PyModule, PyResult, Threads, Value, Vm};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Virtual nanoseconds one VM instruction costs (CPython 3.11 runs `while n > 0: n -= 1`,
/// 8 instructions an iteration, at about 25 million iterations a second on a laptop).
pub const NS_PER_INSTRUCTION: u64 = 5;
/// `sys.getswitchinterval()`.
pub const SWITCH_INTERVAL: f64 = 0.005;
/// Instructions between two looks of the scheduler at the running thread (25 µs of virtual
/// time: clock reads are exact to within this, switches come this late at most).
pub const QUANTUM: u64 = 5_000;
/// The main thread's identifier (others count up from it).
pub const MAIN_IDENT: i64 = 1;

/// What a blocked thread waits for (besides its deadline).
#[derive(Clone)]
enum Wait {
    Sleep,
    Lock(Rc<Cell<bool>>),
    /// The event loop's select: `call_soon_threadsafe` wakes it.
    LoopWake,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Run {
    Running,
    Ready,
    Blocked,
    Done,
}

#[allow(clippy::vec_box)]
struct Thread {
    ident: i64,
    name: String,
    state: Run,
    wait: Option<Wait>,
    deadline: Option<f64>,
    /// When it started waiting (block order breaks ties between equal deadlines).
    seq: u64,
    /// Saved frames, outermost first (empty while it runs or waits in place).
    frames: Vec<Box<Frame>>,
    /// The result of the call it blocked in, delivered when it runs again.
    resume: Option<PyResult<Value>>,
    /// Its frames are on the Rust stack below a scheduler loop: only that loop returning
    /// continues it.
    in_place: bool,
    /// Where its current slice loop started (`Vm::frames` index, `Vm::native_depth`).
    base: usize,
    depth: usize,
    /// Virtual time it started waiting for the GIL.
    ready_since: f64,
    /// What `start_new_thread` was given (named when it raises).
    func: Value,
    /// Its asyncio running loop while another thread runs (asyncio keeps one global).
    running_loop: Value,
}

struct Sched {
    threads: Vec<Thread>,
    current: usize,
    /// Threads waiting for the GIL, first come first served.
    queue: VecDeque<usize>,
    /// `Vm::total_budget` when the model started, and the instructions charged since.
    base_total: u64,
    charged: u64,
    seq: u64,
    loop_woken: bool,
    /// A function whose frame ends a slice loop (`def _exit(): pass`).
    exit_fn: Value,
    /// `_run(function, args, kwargs)`: the bottom frame of every new thread, so that any
    /// callable (a builtin too) can be a thread's function.
    run_fn: Value,
    /// `_loopscope.trace_thread(ident, name, what)` when the run is traced: called as
    /// threads start, run, block and finish.
    observer: Option<Value>,
}

/// The model installed in `Vm::threads`.
pub struct Model {
    s: RefCell<Sched>,
}

fn new_thread(ident: i64, name: &str, state: Run) -> Thread {
    Thread {
        ident,
        name: name.to_string(),
        state,
        wait: None,
        deadline: None,
        seq: 0,
        frames: Vec::new(),
        resume: None,
        in_place: false,
        base: 0,
        depth: 0,
        ready_since: 0.0,
        func: Value::None,
        running_loop: Value::None,
    }
}

fn model(vm: &Vm) -> PyResult<Rc<dyn Threads>> {
    match &vm.threads {
        Some(t) if t.as_any().is::<Model>() => Ok(t.clone()),
        _ => Err(vm.runtime_error("_thread: the thread model is not installed")),
    }
}

fn with<R>(t: &Rc<dyn Threads>, f: impl FnOnce(&mut Sched) -> R) -> Option<R> {
    t.as_any()
        .downcast_ref::<Model>()
        .map(|m| f(&mut m.s.borrow_mut()))
}

impl Model {
    fn now(&self, vm: &mut Vm) -> f64 {
        self.sync_clock(vm);
        vm.clock.now()
    }

    fn note(&self, vm: &mut Vm, tid: usize, what: &str) {
        let (obs, ident, name) = {
            let s = self.s.borrow();
            let Some(o) = s.observer.clone() else { return };
            let t = &s.threads[tid];
            (o, t.ident, t.name.clone())
        };
        let args = [Value::Int(ident), Value::string(name), Value::str(what)];
        // Tracing never changes what the script does: a failing observer is ignored.
        let _ = vm.call(&obs, &args, &[]);
    }

    /// Wake the blocked threads whose wait is over, oldest wait first.
    fn wake_due(&self, vm: &mut Vm, now: f64) {
        let mut woke = Vec::new();
        {
            let mut s = self.s.borrow_mut();
            // The common case at a quantum's end: nobody waits.
            if !s.threads.iter().any(|t| t.state == Run::Blocked) {
                return;
            }
            let mut blocked: Vec<usize> = (0..s.threads.len())
                .filter(|&i| s.threads[i].state == Run::Blocked)
                .collect();
            blocked.sort_by_key(|&i| s.threads[i].seq);
            for i in blocked {
                let t = &s.threads[i];
                let timed_out = t.deadline.is_some_and(|d| now >= d);
                let result = match &t.wait {
                    Some(Wait::Lock(l)) if !l.get() => {
                        l.set(true);
                        Some(Value::Bool(true))
                    }
                    Some(Wait::LoopWake) if s.loop_woken => {
                        s.loop_woken = false;
                        Some(Value::Bool(true))
                    }
                    Some(Wait::Sleep) if timed_out => Some(Value::None),
                    _ if timed_out => Some(Value::Bool(false)),
                    _ => None,
                };
                if let Some(v) = result {
                    let t = &mut s.threads[i];
                    t.state = Run::Ready;
                    t.wait = None;
                    t.deadline = None;
                    t.resume = Some(Ok(v));
                    t.ready_since = now;
                    s.queue.push_back(i);
                    woke.push(i);
                }
            }
        }
        for i in woke {
            self.note(vm, i, "ready");
        }
    }

    /// Next instant a blocked thread's deadline passes.
    fn next_deadline(&self) -> Option<f64> {
        let s = self.s.borrow();
        s.threads
            .iter()
            .filter(|t| t.state == Run::Blocked)
            .filter_map(|t| t.deadline)
            .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.min(d))))
    }

    /// CPython keeps the running event loop per thread; loopscope's asyncio has one global
    /// `_running_loop`: save `from`'s, install `to`'s.
    fn swap_running_loop(&self, vm: &mut Vm, from: usize, to: usize) {
        let Some(Value::Module(m)) = vm.modules.get_str("asyncio") else {
            return;
        };
        let mut s = self.s.borrow_mut();
        let mine = m.dict.get_str("_running_loop").unwrap_or(Value::None);
        let theirs = std::mem::replace(&mut s.threads[to].running_loop, Value::None);
        s.threads[from].running_loop = mine;
        m.dict.set_str("_running_loop", theirs);
    }

    fn arm_slice(&self, vm: &mut Vm) {
        vm.slice_floor = vm.total_budget.saturating_sub(QUANTUM);
    }

    /// Can the running thread's frames leave the Rust stack right now (its own slice loop)?
    fn detachable(&self, vm: &Vm) -> bool {
        let s = self.s.borrow();
        let t = &s.threads[s.current];
        s.current != 0 && !t.in_place && vm.native_depth == t.depth
    }

    /// Block the running thread until `wait` is satisfied or `deadline` passes; the value
    /// is what the blocking call returns.
    fn block(&self, vm: &mut Vm, wait: Wait, deadline: Option<f64>) -> PyResult<Value> {
        let me = {
            let mut s = self.s.borrow_mut();
            s.seq += 1;
            let seq = s.seq;
            let me = s.current;
            let t = &mut s.threads[me];
            t.state = Run::Blocked;
            t.wait = Some(wait);
            t.deadline = deadline;
            t.seq = seq;
            me
        };
        self.note(vm, me, "blocked");
        if self.detachable(vm) {
            let exit_fn = self.s.borrow().exit_fn.clone();
            let mut fr = match vm.prepare_call(&exit_fn, vec![], &[])? {
                CallOut::Frame(fr) => fr,
                _ => return Err(vm.runtime_error("_thread: bad exit function")),
            };
            fr.entry = Entry::Barrier;
            let base = self.s.borrow().threads[me].base;
            let frames = vm.frames.split_off(base.min(vm.frames.len()));
            self.s.borrow_mut().threads[me].frames = frames;
            vm.frames.push(fr);
            return Ok(Value::None);
        }
        self.wait_in_place(vm, me)
    }

    /// The running thread `me` cannot leave the Rust stack: run the others from here until
    /// it may continue.
    fn wait_in_place(&self, vm: &mut Vm, me: usize) -> PyResult<Value> {
        self.s.borrow_mut().threads[me].in_place = true;
        // Other threads' instructions are not this callback's: keep its budget aside.
        let cb_floor = std::mem::take(&mut vm.callback_floor);
        let total_before = vm.total_budget;
        let r = self.schedule_until(vm, me);
        if cb_floor > 0 {
            let others = total_before.saturating_sub(vm.total_budget);
            vm.callback_floor = cb_floor.saturating_sub(others).max(1);
        }
        {
            let mut s = self.s.borrow_mut();
            s.current = me;
            let t = &mut s.threads[me];
            t.in_place = false;
            t.state = Run::Running;
        }
        self.arm_slice(vm);
        r?;
        self.note(vm, me, "running");
        let res = self.s.borrow_mut().threads[me].resume.take();
        res.unwrap_or(Ok(Value::None))
    }

    fn schedule_until(&self, vm: &mut Vm, me: usize) -> PyResult<()> {
        loop {
            let now = self.now(vm);
            self.wake_due(vm, now);
            let pick = {
                let mut s = self.s.borrow_mut();
                if s.queue.front() == Some(&me) {
                    s.queue.pop_front();
                    return Ok(());
                }
                // Threads waiting in place further down the Rust stack cannot run from here.
                let pos = s.queue.iter().position(|&i| !s.threads[i].in_place);
                match pos {
                    Some(p) => s.queue.remove(p),
                    None => {
                        if let Some(p) = s.queue.iter().position(|&i| i == me) {
                            s.queue.remove(p);
                            return Ok(());
                        }
                        None
                    }
                }
            };
            match pick {
                Some(t) => self.run_slice(vm, t)?,
                None => match self.next_deadline() {
                    Some(d) => {
                        let dt = d - now;
                        vm.clock.sleep(if dt > 0.0 { dt } else { 0.0 });
                    }
                    None => {
                        let name = self.s.borrow().threads[me].name.clone();
                        let mut s = self.s.borrow_mut();
                        let t = &mut s.threads[me];
                        t.state = Run::Running;
                        t.wait = None;
                        return Err(vm.runtime_error(format!(
                            "deadlock: thread {name} waits for something no thread can do"
                        )));
                    }
                },
            }
        }
    }

    /// Run thread `tid` until it blocks, is switched out or ends.
    fn run_slice(&self, vm: &mut Vm, tid: usize) -> PyResult<()> {
        let (mut frames, resume) = {
            let mut s = self.s.borrow_mut();
            let t = &mut s.threads[tid];
            (std::mem::take(&mut t.frames), t.resume.take())
        };
        let Some(mut top) = frames.pop() else {
            self.s.borrow_mut().threads[tid].state = Run::Done;
            return Ok(());
        };
        vm.enter_native()?;
        let base = vm.frames.len();
        let prev = self.s.borrow().current;
        self.swap_running_loop(vm, prev, tid);
        {
            let mut s = self.s.borrow_mut();
            s.current = tid;
            let t = &mut s.threads[tid];
            t.state = Run::Running;
            t.base = base;
            t.depth = vm.native_depth;
        }
        self.note(vm, tid, "running");
        vm.frames.extend(frames);
        self.arm_slice(vm);
        let mut fuel = u64::MAX;
        let exit = match resume {
            Some(Ok(v)) => {
                top.stack.push(v);
                vm.run_loop(top, base, &mut fuel)
            }
            Some(Err(e)) => match vm.unwind(&mut top, e, base, true, false) {
                Some(exit) => exit,
                None => vm.run_loop(top, base, &mut fuel),
            },
            None => vm.run_loop(top, base, &mut fuel),
        };
        vm.leave_native();
        let parked = match exit {
            Exit::OutOfFuel => {
                vm.paused = None;
                vm.frames.split_off(base.min(vm.frames.len()))
            }
            Exit::Raise(e) => {
                if let Some(data) = e.exc() {
                    data.borrow_mut()
                        .tb
                        .retain(|t| &*t.code.co.filename != FILENAME);
                }
                // `threading` reports its threads' exceptions itself; this is a bare
                // `_thread.start_new_thread` function, which CPython reports so.
                let func = self.s.borrow().threads[tid].func.clone();
                let desc = vm.repr(&func).unwrap_or_default();
                vm.write_out(
                    crate::vm::Stream::Stderr,
                    &format!("Exception ignored in thread started by: {desc}\n"),
                );
                vm.print_exception(&e);
                Vec::new()
            }
            Exit::Return(_) | Exit::Yield(_) => Vec::new(),
        };
        self.swap_running_loop(vm, tid, prev);
        let finished = {
            let mut s = self.s.borrow_mut();
            s.current = prev;
            let t = &mut s.threads[tid];
            if !parked.is_empty() {
                t.frames = parked;
            }
            // A blocked thread left its frames in `block`; a finished one has none.
            if t.frames.is_empty() {
                t.state = Run::Done;
                true
            } else {
                false
            }
        };
        if finished {
            self.note(vm, tid, "done");
        }
        Ok(())
    }

    fn start(&self, vm: &mut Vm, func: &Value, args: Value, kwargs: Value) -> PyResult<i64> {
        let run_fn = self.s.borrow().run_fn.clone();
        let mut fr = match vm.prepare_call(&run_fn, vec![func.clone(), args, kwargs], &[])? {
            CallOut::Frame(fr) => fr,
            _ => return Err(vm.runtime_error("_thread: bad bootstrap function")),
        };
        fr.entry = Entry::Barrier;
        let now = self.now(vm);
        let tid = {
            let mut s = self.s.borrow_mut();
            let tid = s.threads.len();
            let ident = MAIN_IDENT + tid as i64;
            let mut t = new_thread(ident, &format!("thread-{ident}"), Run::Ready);
            t.frames.push(fr);
            t.ready_since = now;
            t.func = func.clone();
            s.threads.push(t);
            s.queue.push_back(tid);
            tid
        };
        self.note(vm, tid, "started");
        Ok(MAIN_IDENT + tid as i64)
    }

    fn live_others(&self) -> bool {
        let s = self.s.borrow();
        s.threads
            .iter()
            .enumerate()
            .any(|(i, t)| i != s.current && t.state != Run::Done)
    }
}

impl Threads for Model {
    fn slice(&self, vm: &mut Vm, base: usize) -> bool {
        let now = self.now(vm);
        self.wake_due(vm, now);
        let (me, switch, detach) = {
            let s = self.s.borrow();
            let me = s.current;
            let switch = s
                .queue
                .front()
                .is_some_and(|&f| now - s.threads[f].ready_since >= SWITCH_INTERVAL);
            let t = &s.threads[me];
            let detach = me != 0 && !t.in_place && base == t.base;
            (me, switch, detach)
        };
        if !switch {
            self.arm_slice(vm);
            return false;
        }
        {
            let mut s = self.s.borrow_mut();
            let t = &mut s.threads[me];
            t.state = Run::Ready;
            t.ready_since = now;
            s.queue.push_back(me);
        }
        self.note(vm, me, "switched out");
        if detach {
            // The scheduler saves the parked frames (run_slice).
            return true;
        }
        // In place: errors (a deadlock is impossible here: `me` is ready) end nothing.
        let _ = self.wait_in_place(vm, me);
        false
    }

    fn sleep(&self, vm: &mut Vm, secs: f64) -> PyResult<Value> {
        let now = self.now(vm);
        if !self.live_others() {
            vm.clock.sleep(secs);
            return Ok(Value::None);
        }
        self.block(vm, Wait::Sleep, Some(now + secs))
    }

    fn sync_clock(&self, vm: &mut Vm) {
        let d = {
            let mut s = self.s.borrow_mut();
            let executed = s.base_total.saturating_sub(vm.total_budget);
            let d = executed.saturating_sub(s.charged);
            s.charged = executed.max(s.charged);
            d
        };
        if d > 0 {
            vm.clock.cpu((d * NS_PER_INSTRUCTION) as f64 * 1e-9);
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The event loop's `select(timeout)` while other threads live: let them run until the
/// timeout passes or one of them calls `call_soon_threadsafe` (`Some(true)`). `None` when
/// no thread model is installed or no other thread lives (the driver waits as usual).
pub fn loop_wait(vm: &mut Vm, timeout: Option<f64>) -> PyResult<Option<bool>> {
    let Some(t) = vm.threads.clone() else {
        return Ok(None);
    };
    let Some(m) = t.as_any().downcast_ref::<Model>() else {
        return Ok(None);
    };
    if !m.live_others() {
        return Ok(None);
    }
    m.s.borrow_mut().loop_woken = false;
    let now = m.now(vm);
    if timeout == Some(0.0) {
        // Nothing to wait for: the GIL is not given up for a poll.
        return Ok(Some(false));
    }
    let deadline = timeout.map(|t| now + if t > 0.0 { t } else { 0.0 });
    let r = m.block(vm, Wait::LoopWake, deadline)?;
    Ok(Some(matches!(r, Value::Bool(true))))
}

/// `call_soon_threadsafe` wrote to the loop's self-pipe.
pub fn wake_loop(vm: &Vm) {
    if let Some(t) = &vm.threads {
        with(t, |s| s.loop_woken = true);
    }
}

/// Is any thread besides the running one alive (so a waiting loop may be woken)?
pub fn others_alive(vm: &Vm) -> bool {
    match &vm.threads {
        Some(t) => t
            .as_any()
            .downcast_ref::<Model>()
            .is_some_and(|m| m.live_others()),
        None => false,
    }
}

// ---------------------------------------------------------------- the `_thread` module

/// The Python half: what natives cannot be (a frame that ends a slice loop).
const SOURCE: &str = r#"
error = RuntimeError
TIMEOUT_MAX = 4294967.0


def _exit():
    pass


def _run(function, args, kwargs):
    function(*args, **kwargs)
"#;

/// Shown in tracebacks for the Python half above (and left out of them).
const FILENAME: &str = "<loopscope>/_thread.py";

struct LockData(Rc<Cell<bool>>);

fn lock_cell(vm: &Vm, v: Option<&Value>) -> PyResult<Rc<Cell<bool>>> {
    if let Some(Value::Instance(i)) = v {
        if let Some(d) = i.native::<LockData>() {
            return Ok(d.0.clone());
        }
    }
    Err(vm.type_error("descriptor requires a '_thread.lock' object"))
}

fn kwarg(kw: &KwArgs, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

fn lock_acquire(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let l = lock_cell(vm, a.first())?;
    let blocking = match a.get(1).cloned().or_else(|| kwarg(kw, "blocking")) {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let timeout = match a.get(2).cloned().or_else(|| kwarg(kw, "timeout")) {
        Some(v) => vm.to_f64(&v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    if !l.get() {
        l.set(true);
        return Ok(Value::Bool(true));
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    let t = model(vm)?;
    let Some(m) = t.as_any().downcast_ref::<Model>() else {
        return Err(vm.runtime_error("_thread: the thread model is not installed"));
    };
    let now = m.now(vm);
    let deadline = (timeout >= 0.0).then_some(now + timeout);
    if deadline.is_none() && !m.live_others() {
        return Err(vm.runtime_error(
            "deadlock: the only thread waits for a lock it holds (it would wait forever)",
        ));
    }
    m.block(vm, Wait::Lock(l), deadline)
}

fn lock_release(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let l = lock_cell(vm, a.first())?;
    if !l.get() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.set(false);
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(lock_cell(vm, a.first())?.get()))
}

fn lock_exit(vm: &mut Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    lock_release(vm, &a[..a.len().min(1)], kw)
}

fn lock_repr(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let l = lock_cell(vm, a.first())?;
    let state = if l.get() { "locked" } else { "unlocked" };
    let id = match a.first() {
        Some(Value::Instance(i)) => i.id,
        _ => 0,
    };
    Ok(Value::string(format!(
        "<{state} _thread.lock object at {id:#x}>"
    )))
}

fn get_ident(vm: &mut Vm, _a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = model(vm)?;
    Ok(Value::Int(
        with(&t, |s| s.threads[s.current].ident).unwrap_or(MAIN_IDENT),
    ))
}

fn start_new_thread(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("start_new_thread", a, 2, 3)?;
    if !matches!(&a[1], Value::Tuple(_)) {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    let kwargs = match a.get(2) {
        None => vm.new_dict(Vec::new())?,
        Some(d @ Value::Dict(_)) => d.clone(),
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    let t = model(vm)?;
    let Some(m) = t.as_any().downcast_ref::<Model>() else {
        return Err(vm.runtime_error("_thread: the thread model is not installed"));
    };
    Ok(Value::Int(m.start(vm, &a[0], a[1].clone(), kwargs)?))
}

fn set_name(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("_set_name", a, 2, 2)?;
    let (Value::Int(ident), name) = (&a[0], &a[1]) else {
        return Ok(Value::None);
    };
    let name = vm.str_of(name)?.to_string();
    let t = model(vm)?;
    let found = with(&t, |s| {
        let i = s.threads.iter().position(|th| th.ident == *ident)?;
        s.threads[i].name = name;
        Some((i, s.threads[i].state))
    })
    .flatten();
    if let (Some((i, state)), Some(m)) = (found, t.as_any().downcast_ref::<Model>()) {
        // The trace's lane takes the new name.
        let what = match state {
            Run::Running => "running",
            Run::Ready => "ready",
            Run::Blocked => "blocked",
            Run::Done => "done",
        };
        m.note(vm, i, what);
    }
    Ok(Value::None)
}

fn count(vm: &mut Vm, _a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = model(vm)?;
    let n = with(&t, |s| {
        s.threads
            .iter()
            .skip(1)
            .filter(|th| th.state != Run::Done)
            .count()
    })
    .unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn get_switch_interval(_vm: &mut Vm, _a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(SWITCH_INTERVAL))
}

fn allocate_lock_with(vm: &mut Vm, cls: &Rc<crate::vm::PyType>) -> Value {
    vm.new_native_instance(cls, Box::new(LockData(Rc::new(Cell::new(false)))))
}

fn trace_observer(vm: &Vm) -> Option<Value> {
    match vm.modules.get_str("_loopscope") {
        Some(Value::Module(m)) => m.dict.get_str("trace_thread"),
        _ => None,
    }
}

/// `import _thread`: installs the thread model in the VM (from then on CPU time counts).
pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let lock_cls = vm.new_native_class("lock", "_thread", &[], None)?;
    lock_cls.mark_c_type();
    vm.add_methods(
        &lock_cls,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("__enter__", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("__exit__", lock_exit),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__repr__", lock_repr),
        ],
    );
    let tmp = vm.new_module("_thread_natives");
    vm.module_add_fn(&tmp, "start_new_thread", start_new_thread);
    vm.module_add_fn(&tmp, "get_ident", get_ident);
    vm.module_add_fn(&tmp, "_count", count);
    vm.module_add_fn(&tmp, "_set_name", set_name);
    vm.module_add_fn(&tmp, "getswitchinterval", get_switch_interval);
    let lc = lock_cls.clone();
    let alloc = vm.new_closure("allocate_lock", move |vm, _a, _k| {
        Ok(allocate_lock_with(vm, &lc))
    });
    let get = |n: &str| tmp.dict.get_str(n).unwrap_or(Value::None);
    let preset = [
        ("start_new_thread", get("start_new_thread")),
        ("start_new", get("start_new_thread")),
        ("get_ident", get("get_ident")),
        ("_count", get("_count")),
        ("_set_name", get("_set_name")),
        ("getswitchinterval", get("getswitchinterval")),
        ("allocate_lock", alloc.clone()),
        ("allocate", alloc),
        ("LockType", Value::Type(lock_cls)),
    ];
    let m = crate::modules::pysource::load_with(vm, "_thread", FILENAME, SOURCE, &preset)?;
    let exit_fn = m.dict.get_str("_exit").unwrap_or(Value::None);
    let run_fn = m.dict.get_str("_run").unwrap_or(Value::None);
    if vm.threads.is_none() {
        let mut main = new_thread(MAIN_IDENT, "MainThread", Run::Running);
        main.ready_since = vm.clock.now();
        let model = Model {
            s: RefCell::new(Sched {
                threads: vec![main],
                current: 0,
                queue: VecDeque::new(),
                base_total: vm.total_budget,
                charged: 0,
                seq: 0,
                loop_woken: false,
                exit_fn,
                run_fn,
                observer: trace_observer(vm),
            }),
        };
        let model = Rc::new(model);
        vm.threads = Some(model.clone());
        vm.slice_floor = vm.total_budget.saturating_sub(QUANTUM);
        model.note(vm, 0, "running");
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{run_script, RunOptions};
    use crate::vm::api::CaptureSink;

    fn run(src: &str) -> (String, String) {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        run_script(&mut vm, "t.py", src, &[], &RunOptions::default());
        let out = sink.out.borrow().clone();
        let err = sink.err.borrow().clone();
        (out, err)
    }

    #[test]
    fn cpu_time_is_instructions_times_their_cost() {
        // 100,000 iterations of 8 instructions at 5 ns: 4 ms, give or take the quantum
        // (charged at least every QUANTUM instructions, 25 µs).
        let src = "import threading, time\n\
def count(n):\n    while n > 0:\n        n -= 1\n\
t = time.perf_counter()\ncount(100_000)\nd = time.perf_counter() - t\n\
print(0.0039 < d < 0.0041, d)\n";
        let (out, err) = run(src);
        assert!(out.starts_with("True"), "{out}{err}");
    }

    #[test]
    fn no_cpu_time_without_threads() {
        // Scripts that never import threading keep the oracle's clock (CPU costs nothing).
        let src = "import time\nt = time.time()\nfor i in range(100_000):\n    pass\n\
print(time.time() - t)\n";
        assert_eq!(run(src).0, "0.0\n");
    }

    #[test]
    fn cpu_bound_threads_take_turns_every_switch_interval() {
        // Each chunk is 0.8 ms of CPU: a thread keeps the GIL for about 5 ms (6-7 chunks),
        // then the other one gets it.
        let src = "import threading\nlog = []\n\
def work(name):\n    for _ in range(20):\n        n = 20_000\n        while n > 0:\n            n -= 1\n        log.append(name)\n\
a = threading.Thread(target=work, args=('a',))\nb = threading.Thread(target=work, args=('b',))\n\
a.start(); b.start(); a.join(); b.join()\n\
runs = []\nfor x in log:\n    if runs and runs[-1][0] == x:\n        runs[-1][1] += 1\n    else:\n        runs.append([x, 1])\n\
print(runs)\n";
        let (out, err) = run(src);
        let runs: Vec<&str> = out.trim().split("], [").collect();
        assert!(runs.len() >= 5, "{out}{err}");
        assert!(
            out.contains("['a', 6]") || out.contains("['a', 7]"),
            "{out}"
        );
        assert!(
            out.contains("['b', 6]") || out.contains("['b', 7]"),
            "{out}"
        );
        assert_eq!(run(src).0, out, "deterministic");
    }

    #[test]
    fn sleeping_threads_overlap_and_wake_in_deadline_order() {
        let src = "import threading, time\n\
def w(d):\n    time.sleep(d)\n    print(d, time.time())\n\
ts = [threading.Thread(target=w, args=(d,)) for d in (0.3, 0.1, 0.2)]\n\
for t in ts: t.start()\nfor t in ts: t.join()\n";
        let (out, err) = run(src);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}{err}");
        assert!(lines[0].starts_with("0.1 0.100"), "{out}");
        assert!(lines[1].starts_with("0.2 0.200"), "{out}");
        assert!(lines[2].starts_with("0.3 0.300"), "{out}");
    }

    #[test]
    fn a_thread_exception_is_reported_and_the_program_goes_on() {
        let src = "import threading\ndef f():\n    1/0\n\
t = threading.Thread(target=f)\nt.start()\nt.join()\nprint('after')\n";
        let (out, err) = run(src);
        assert_eq!(out, "after\n");
        assert!(
            err.starts_with("Exception in thread Thread-1 (f):\nTraceback"),
            "{err}"
        );
        assert!(
            err.ends_with("ZeroDivisionError: division by zero\n"),
            "{err}"
        );
    }

    #[test]
    fn waiting_forever_is_a_deadlock_error_not_a_hang() {
        let src = "import threading\nl = threading.Lock()\nl.acquire()\n\
def f():\n    l.acquire()\n\
t = threading.Thread(target=f, daemon=True)\nt.start()\ntry:\n    t.join()\n\
except RuntimeError as e:\n    print(e)\n";
        let (out, err) = run(src);
        assert!(
            out.starts_with("deadlock: thread MainThread waits"),
            "{out}{err}"
        );
    }

    #[test]
    fn a_thread_blocked_inside_a_native_callback_still_sleeps() {
        // sorted() calls the key function from Rust: that thread waits in place.
        let src = "import threading, time\n\
def key(x):\n    time.sleep(x)\n    return x\n\
def f():\n    print(sorted([0.2, 0.1], key=key), round(time.time(), 3))\n\
t = threading.Thread(target=f)\nt.start()\nt.join()\n";
        let (out, err) = run(src);
        assert_eq!(out, "[0.1, 0.2] 0.3\n", "{err}");
    }

    #[test]
    fn the_event_loop_waits_for_executor_results_via_call_soon_threadsafe() {
        let src = "import asyncio, time\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
r = await loop.run_in_executor(None, time.sleep, 1.5)\n    print(r, round(loop.time(), 3))\n\
asyncio.run(main())\n";
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        let opts = RunOptions {
            handles: true,
            ..Default::default()
        };
        run_script(&mut vm, "t.py", src, &[], &opts);
        let out = sink.out.borrow().clone();
        assert!(out.contains("@1.500 call _chain_future.<locals>._set_state\n@1.500 call BaseSelectorEventLoop._read_from_self\n"), "{out}");
        assert!(out.contains("None 1.5\n"), "{out}");
    }

    #[test]
    fn blocking_sockets_in_threads_release_the_gil() {
        // The simulated network (src/net): two threads' requests overlap, as with real
        // sockets, so together they take as long as the slower one.
        let src = "import socket, threading, time\n\
def get(host):\n    s = socket.socket()\n    s.connect((host, 80))\n    \
s.sendall(b'GET / HTTP/1.0\\r\\nHost: ' + host.encode() + b'\\r\\n\\r\\n')\n    \
while s.recv(4096):\n        pass\n    s.close()\n    return time.time()\n\
one = get('example.com')\ntwo = get('python.org') - one\nstart = time.time()\n\
ts = [threading.Thread(target=get, args=(h,)) for h in ('example.com', 'python.org')]\n\
for t in ts: t.start()\nfor t in ts: t.join()\n\
print(time.time() - start < 0.8 * (one + two), max(one, two) <= time.time() - start)\n";
        let (out, err) = run(src);
        assert_eq!(out, "True True\n", "{err}");
    }

    #[test]
    fn an_event_loop_doing_io_still_hears_from_its_executor() {
        // The loop waits on the simulated network's selector; call_soon_threadsafe wakes it.
        let src = "import asyncio, time, aiohttp\n\
async def fetch(s, url):\n    async with s.get(url) as r:\n        return r.status\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
async with aiohttp.ClientSession() as s:\n        \
print(await asyncio.gather(fetch(s, 'http://example.com/'), \
loop.run_in_executor(None, time.sleep, 0.5)))\n        \
await loop.run_in_executor(None, time.sleep, 2)\n    print(round(loop.time(), 2))\n\
asyncio.run(main())\n";
        let (out, err) = run(src);
        assert_eq!(out, "[200, None]\n2.5\n", "{err}");
    }

    #[test]
    fn traces_of_threaded_runs_are_identical_and_have_thread_lanes() {
        let src = "import threading, time\n\
def w(d):\n    time.sleep(d)\n    print(d)\n\
ts = [threading.Thread(target=w, args=(d,)) for d in (0.2, 0.1)]\n\
for t in ts: t.start()\nfor t in ts: t.join()\n";
        let trace = || {
            let mut vm = Vm::new();
            let tr = crate::runtime::trace_script(&mut vm, "t.py", src, &[], false);
            serde_json::to_string(&tr).unwrap_or_default()
        };
        let a = trace();
        assert_eq!(a, trace());
        assert!(a.contains("\"event\":\"thread\""), "{a}");
        let r = crate::trace::replay::Replay::new(serde_json::from_str(&a).expect("trace parses"));
        let names: Vec<String> = r.timeline().lanes.iter().map(|l| l.name.clone()).collect();
        assert!(
            names.iter().any(|n| n.contains("Thread-1 (w)")),
            "{names:?}"
        );
        let says = |want: &str| (0..=r.last()).any(|p| r.view(p).narration.en == want);
        assert!(says("Thread Thread-2 (w) prints: 0.1"));
        assert!(says("Thread Thread-2 (w) runs line 3 (in w)."));
        let last = r.view(usize::MAX);
        assert_eq!(last.threads.len(), 3);
        assert!(last.threads[1..]
            .iter()
            .all(|t| t.state == crate::trace::ThreadStateKind::Done));
    }
}
