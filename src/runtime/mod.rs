//! asyncio, modelled on CPython 3.11's `Lib/asyncio`, driven by a clock/IO driver.
//!
//! The module scripts import (`asyncio`) is Python source (`asyncio.py`, compiled once per
//! thread) that follows CPython's `events`, `base_events`, `futures`, `tasks`, `locks`,
//! `queues`, `timeouts`, `taskgroups` and `runners` closely, so names, `__qualname__`s and
//! the order of every callback match. Its window on the outside is the native `_loopscope`
//! module: the loop's `time()` and `select(timeout)` go through a [`driver::Driver`]
//! (virtual by default), plus the introspection CPython gets from `inspect`.
//!
//! Entry points: [`install`] (make `asyncio` importable in a VM) and [`run_script`].

// `&[x.clone()]` reads better than `slice::from_ref(&x)` where one argument goes to Python.
#![allow(clippy::cloned_ref_to_slice_refs)]

mod base_events;
mod core;
pub mod driver;
mod events;
mod futures;
pub(crate) mod natives;
mod net_glue;
mod queues;
mod tasks;
pub mod threads;
pub mod virtual_driver;
mod weak;

use crate::lang::bytecode::{flags, CodeObject};
use crate::lang::span::SourceFile;
use crate::trace::{
    Event, HandleInfo, IoInfo, Outcome, PrimitiveInfo, Recorder, Snapshot, Str, TaskInfo,
    TaskStateKind, TimerInfo, Trace, Tracer,
};
use crate::vm::coro::{GenKind, GenState};
use crate::vm::frame::Entry;
use crate::vm::interp::Exit;
use crate::vm::object::PyCode;
use crate::vm::{Clock, OutputSink};
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Stream, Value, Vm};
use driver::{Driver, Selected};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// The Python half of the runtime.
pub const ASYNCIO_SOURCE: &str = embedded_py!("src/runtime/asyncio.py");
/// The file name tracebacks show for frames inside loopscope's asyncio.
pub const ASYNCIO_FILENAME: &str = "<loopscope>/asyncio/__init__.py";
/// asyncio's I/O half (protocols, transports, selector_events, streams), loaded on first use.
const ASYNCIO_NET_SOURCE: crate::modules::fetched::Fetched =
    fetched_py!("src/runtime/asyncio_net.py");
const ASYNCIO_NET_FILENAME: &str = "<loopscope>/asyncio/streams.py";

/// How a script is run.
#[derive(Clone, Default)]
pub struct RunOptions {
    /// Print a line per callback the loop runs, as `oracle.py --handles` does.
    pub handles: bool,
    /// Where trace events go (`None`: tracing off, no cost).
    pub tracer: Option<Rc<RefCell<dyn Tracer>>>,
}

struct RtState {
    driver: Box<dyn Driver>,
    firstiter: Value,
    finalizer: Value,
    noted_coroutine_decorator: bool,
    /// Async generators first iterated while a loop ran, with that loop (CPython's
    /// `loop._asyncgens`, filled by the firstiter hook).
    agens: Vec<(Value, Value)>,
}

thread_local! {
    static ASYNCIO_CODE: RefCell<Option<Rc<CodeObject>>> = const { RefCell::new(None) };
    static ASYNCIO_NET_CODE: RefCell<Option<Rc<CodeObject>>> = const { RefCell::new(None) };
}

/// Make `import asyncio` work in `vm`, on the virtual driver.
pub fn install(vm: &mut Vm, opts: &RunOptions) {
    install_with_driver(vm, opts, Box::new(virtual_driver::VirtualDriver));
}

/// Make `import asyncio` work in `vm`, with the given driver.
pub fn install_with_driver(vm: &mut Vm, opts: &RunOptions, driver: Box<dyn Driver>) {
    let st = Rc::new(RefCell::new(RtState {
        driver,
        firstiter: Value::None,
        finalizer: Value::None,
        noted_coroutine_decorator: false,
        agens: Vec::new(),
    }));
    let m = make_native_module(vm, &st, opts);
    if let Some(tr) = &opts.tracer {
        install_tracing(vm, &m, tr.clone());
    } else {
        m.dict.set_str("TRACE", Value::Bool(false));
        let noop = vm.new_builtin("trace", n_noop);
        m.dict.set_str("trace", noop);
    }
    vm.modules.set_str("_loopscope", Value::Module(m));
    vm.register_module("asyncio", init_asyncio);
    vm.register_module("_loopscope_asyncio_threads", init_asyncio_threads);
    // CPython's asyncio is a package; loopscope's is one module, which also answers to the
    // submodule names (`from asyncio.exceptions import CancelledError`).
    for sub in ASYNCIO_SUBMODULES {
        vm.register_module(sub, init_asyncio_submodule);
    }
    vm.register_module("asyncio.streams", init_asyncio_net);
    vm.register_module("asyncio.protocols", init_asyncio_net_alias);
    vm.register_module("asyncio.transports", init_asyncio_net_alias);
    patch_exception_groups(vm);
}

/// TaskGroup raises ExceptionGroups: give them CPython's `str()` if the VM has none yet.
fn patch_exception_groups(vm: &mut Vm) {
    let t = vm.exc_type(ExcKind::BaseExceptionGroup);
    let has = t.dict.borrow().get("__str__").is_some();
    if !has {
        vm.add_method(&t, "__str__", eg_str);
    }
}

fn eg_str(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let Some(Value::Instance(e)) = a.first() else {
        return Ok(Value::str(""));
    };
    let args = e
        .exc()
        .map(|d| d.borrow().args.clone())
        .unwrap_or(Value::None);
    let Value::Tuple(t) = args else {
        return Ok(Value::str(""));
    };
    let msg = match t.items.first() {
        Some(v) => vm.str_of(v)?.to_string(),
        None => String::new(),
    };
    let n = match t.items.get(1) {
        Some(v) => vm.iter_to_vec(v)?.len(),
        None => 0,
    };
    let s = if n == 1 { "" } else { "s" };
    Ok(Value::string(format!("{msg} ({n} sub-exception{s})")))
}

/// Run a script with asyncio available; returns the process exit code.
pub fn run_script(vm: &mut Vm, name: &str, text: &str, args: &[String], opts: &RunOptions) -> i32 {
    run_script_with_driver(
        vm,
        name,
        text,
        args,
        opts,
        Box::new(virtual_driver::VirtualDriver),
    )
}

/// [`run_script`] on a driver of your own (the native binary's real clock).
pub fn run_script_with_driver(
    vm: &mut Vm,
    name: &str,
    text: &str,
    args: &[String],
    opts: &RunOptions,
    driver: Box<dyn Driver>,
) -> i32 {
    install_with_driver(vm, opts, driver);
    crate::vm::api::run_in_vm_with_exit(vm, name, text, args, &mut at_exit)
}

/// What CPython reports when the last references die at exit (unretrieved exceptions,
/// pending tasks), for scripts that imported asyncio.
pub fn at_exit(vm: &mut Vm) {
    let Some(Value::Module(m)) = vm.modules.get_str("asyncio") else {
        return;
    };
    if let Some(f) = m.dict.get_str("_loopscope_at_exit") {
        if let Err(e) = vm.call(&f, &[], &[]) {
            vm.print_exception(&e);
        }
    }
    vm.flush_warnings();
}

type CodeCache = std::thread::LocalKey<RefCell<Option<Rc<CodeObject>>>>;

fn compiled(cache: &'static CodeCache, name: &str, text: &str) -> Result<Rc<CodeObject>, String> {
    if let Some(c) = cache.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let src = SourceFile::new(name, text);
    let code = crate::vm::anchors::compile_source(&src)?;
    cache.with(|c| *c.borrow_mut() = Some(code.clone()));
    Ok(code)
}

fn init_source_module(
    vm: &mut Vm,
    cache: &'static CodeCache,
    module: &str,
    file: &str,
    text: &str,
) -> PyResult<Rc<PyModule>> {
    let code =
        compiled(cache, file, text).map_err(|msg| vm.new_error(ExcKind::ImportError, msg))?;
    if !vm.sources.contains_key(file) {
        vm.add_source(Rc::new(SourceFile::new(file, text)));
    }
    exec_module(vm, module, code)
}

/// Run a module's code object in a fresh module namespace.
pub fn exec_module(vm: &mut Vm, name: &str, code: Rc<CodeObject>) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module(name);
    m.dict
        .set_str("__builtins__", Value::Module(vm.builtins_module()));
    m.dict.set_str("__file__", Value::str(&code.filename));
    // Visible in sys.modules while it runs, as CPython's import does.
    vm.modules.set_str(name, Value::Module(m.clone()));
    let pc = Rc::new(PyCode::new(code));
    let mut f = vm.new_frame(pc, m.dict.clone(), vec![], vec![], None);
    f.locals_dict = Some(m.dict.clone());
    f.entry = Entry::Barrier;
    let base = vm.frames.len();
    let mut fuel = u64::MAX / 4;
    match vm.run_loop(f, base, &mut fuel) {
        Exit::Raise(e) => {
            vm.modules.remove_str(name);
            Err(e)
        }
        _ => Ok(m),
    }
}

const ASYNCIO_SUBMODULES: [&str; 17] = [
    "asyncio.base_events",
    "asyncio.base_futures",
    "asyncio.base_tasks",
    "asyncio.coroutines",
    "asyncio.events",
    "asyncio.exceptions",
    "asyncio.format_helpers",
    "asyncio.futures",
    "asyncio.locks",
    "asyncio.mixins",
    "asyncio.queues",
    "asyncio.runners",
    "asyncio.selector_events",
    "asyncio.taskgroups",
    "asyncio.tasks",
    "asyncio.timeouts",
    "asyncio.unix_events",
];

/// asyncio's thread parts (`run_in_executor`, `wrap_future`, `to_thread`, ...), loaded on
/// first use.
fn init_asyncio_threads(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/runtime/asyncio_threads.py").text(vm, "asyncio.threads")?;
    crate::modules::pysource::load(
        vm,
        "_loopscope_asyncio_threads",
        "<loopscope>/asyncio/threads.py",
        &text,
    )
}

fn init_asyncio_submodule(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    match vm.import("asyncio", true)? {
        Value::Module(m) => Ok(m),
        _ => Err(vm.new_error(ExcKind::ImportError, "asyncio did not import")),
    }
}

fn init_asyncio_net(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = ASYNCIO_NET_SOURCE.text(vm, "asyncio.streams")?;
    init_source_module(
        vm,
        &ASYNCIO_NET_CODE,
        "asyncio.streams",
        ASYNCIO_NET_FILENAME,
        &text,
    )
}

fn init_asyncio_net_alias(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    match vm.import("asyncio.streams", true)? {
        Value::Module(m) => Ok(m),
        _ => Err(vm.new_error(ExcKind::ImportError, "asyncio.streams did not import")),
    }
}

fn init_asyncio(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = init_source_module(
        vm,
        &ASYNCIO_CODE,
        "asyncio",
        ASYNCIO_FILENAME,
        ASYNCIO_SOURCE,
    )?;
    for sub in ASYNCIO_SUBMODULES {
        if let Some(leaf) = sub.strip_prefix("asyncio.") {
            if m.dict.get_str(leaf).is_none() {
                m.dict.set_str(leaf, Value::Module(m.clone()));
            }
        }
    }
    net_glue::install_lazy(vm, &m);
    crate::modules::logging::asyncio_loggers(vm)?;
    Ok(m)
}

fn f64_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        other => vm.to_f64(other),
    }
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

/// asyncio.iscoroutine in 3.11: coroutines, generators, and objects of the
/// collections.abc.Coroutine shape (asend()/athrow() objects, classes with __await__, send,
/// throw and close).
fn is_coroutine(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Gen(g) => g.kind != GenKind::AsyncGenerator,
        _ if is_agen_op(v) => true,
        Value::Instance(_) => {
            let t = vm.type_of(v);
            ["__await__", "send", "throw", "close"]
                .iter()
                .all(|m| t.lookup(m).is_some())
        }
        _ => false,
    }
}

fn is_agen_op(v: &Value) -> bool {
    matches!(v, Value::Native(n) if matches!(n.data, crate::vm::object::NativeData::AsyncGenOp(_)))
}

fn is_coroutine_function(v: &Value) -> bool {
    match v {
        Value::Func(f) => f.code.co.flags & flags::COROUTINE != 0,
        Value::Method(m) => is_coroutine_function(&m.func),
        _ => false,
    }
}

/// `_format_coroutine` of CPython's `coroutines.py`: "name() running at file:line" or
/// "name() done, defined at file:line".
fn coro_repr(vm: &Vm, v: &Value) -> String {
    let Value::Gen(g) = v else {
        // asyncio's _format_coroutine for a coroutine-like object without a code object
        // (asend()/athrow() objects, classes with send/throw/close/__await__).
        return format!("<{} without __name__>()", vm.type_name(v));
    };
    let name = format!("{}()", g.qualname.borrow());
    let co = &g.code.co;
    let at = |line: u32| vm.cpython_location(&co.filename, line);
    match g.state.get() {
        GenState::Completed => format!("{name} done, defined at {}", at(co.first_line)),
        // Not started: CPython's frame is at the `def` line.
        GenState::Created => format!("{name} running at {}", at(co.first_line)),
        GenState::Running => {
            let line = vm
                .frames
                .iter()
                .rev()
                .find(|f| f.gen.as_ref().map(|x| Rc::ptr_eq(x, g)).unwrap_or(false))
                .map(|f| f.line())
                .unwrap_or(co.first_line);
            format!("{name} running at {}", at(line))
        }
        _ => {
            let line = g
                .frame
                .borrow()
                .as_ref()
                .map(|f| f.line())
                .unwrap_or(co.first_line);
            format!("{name} running at {}", at(line))
        }
    }
}

fn make_native_module(vm: &mut Vm, st: &Rc<RefCell<RtState>>, opts: &RunOptions) -> Rc<PyModule> {
    let m = vm.new_module("_loopscope");
    m.dict.set_str("HANDLES", Value::Bool(opts.handles));
    net_glue::install_natives(vm, &m);
    weak::install(vm, &m);

    // `ids_kept(f)`: `f` wrapped so that a call leaves the object id counter where it was. The
    // Python that only tracing runs (snapshots, descriptions) makes objects a plain run does
    // not (a comprehension's function, a caught AttributeError); ids stand in for addresses
    // and order sets of tasks, so the trace the browser shows would follow another order.
    let f = vm.new_closure("ids_kept", |vm, a, _k| {
        let Some(inner) = a.first().cloned() else {
            return Err(vm.type_error("ids_kept() needs a callable"));
        };
        Ok(vm.new_closure("ids_kept_call", move |vm, a, k| {
            vm.with_ids_kept(|vm| vm.call(&inner, a, k))
        }))
    });
    m.dict.set_str("ids_kept", f);

    let s = st.clone();
    let f = vm.new_closure("now", move |vm, _a, _k| {
        if let Some(t) = vm.threads.clone() {
            t.sync_clock(vm);
        }
        let t = s.borrow().driver.time(vm.clock.as_ref());
        Ok(Value::Float(t))
    });
    m.dict.set_str("now", f);

    let s = st.clone();
    let f = vm.new_closure("select", move |vm, a, _k| {
        let timeout = match a.first() {
            None | Some(Value::None) => None,
            Some(v) => Some(f64_arg(vm, v)?),
        };
        // With other threads alive the wait is theirs to run (threads.rs); `True` when
        // one of them called call_soon_threadsafe.
        if let Some(woken) = threads::loop_wait(vm, timeout)? {
            return Ok(Value::Bool(woken));
        }
        let r = s.borrow_mut().driver.select(vm.clock.as_mut(), timeout);
        match r {
            Selected::Events(_) => Ok(Value::None),
            Selected::Deadlock => {
                Err(vm.runtime_error("deadlock: the event loop would wait forever"))
            }
        }
    });
    m.dict.set_str("select", f);
    let f = vm.new_closure("threads_alive", |vm, _a, _k| {
        Ok(Value::Bool(threads::others_alive(vm)))
    });
    m.dict.set_str("threads_alive", f);
    let f = vm.new_closure("to_thread", |vm, a, k| {
        let m = vm.import("_loopscope_asyncio_threads", true)?;
        let f = vm.getattr_str(&m, "to_thread")?;
        vm.call(&f, a, k)
    });
    m.dict.set_str("to_thread", f);
    let f = vm.new_closure("wake_loop", |vm, _a, _k| {
        threads::wake_loop(vm);
        Ok(Value::None)
    });
    m.dict.set_str("wake_loop", f);

    let s = st.clone();
    let f = vm.new_closure("get_asyncgen_hooks", move |_vm, _a, _k| {
        let st = s.borrow();
        Ok(Value::tuple(vec![
            st.firstiter.clone(),
            st.finalizer.clone(),
        ]))
    });
    m.dict.set_str("get_asyncgen_hooks", f);

    let s = st.clone();
    let f = vm.new_closure("set_asyncgen_hooks", move |_vm, a, _k| {
        let mut st = s.borrow_mut();
        st.firstiter = arg(a, 0);
        st.finalizer = arg(a, 1);
        Ok(Value::None)
    });
    m.dict.set_str("set_asyncgen_hooks", f);

    let s = st.clone();
    let f = vm.new_closure("agen_poll", move |vm, a, _k| agen_poll(vm, &s, &arg(a, 0)));
    m.dict.set_str("agen_poll", f);

    let s = st.clone();
    let f = vm.new_closure("agen_take_all", move |vm, a, _k| {
        let lp = arg(a, 0);
        agen_poll(vm, &s, &lp)?;
        let mut st = s.borrow_mut();
        let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut st.agens)
            .into_iter()
            .partition(|(_, l)| same_obj(l, &lp));
        st.agens = rest;
        Ok(Value::list(mine.into_iter().map(|(g, _)| g).collect()))
    });
    m.dict.set_str("agen_take_all", f);

    let s = st.clone();
    let f = vm.new_closure("note_coroutine_decorator", move |vm, _a, _k| {
        let first = !std::mem::replace(&mut s.borrow_mut().noted_coroutine_decorator, true);
        if first {
            vm.write_out(
                Stream::Stderr,
                "loopscope: note: @asyncio.coroutine was removed in Python 3.11; \
                 running it as Python 3.10 did\n",
            );
        }
        Ok(Value::None)
    });
    m.dict.set_str("note_coroutine_decorator", f);

    let aio: core::Aio = Default::default();
    let f = vm.new_closure("aio_bind", move |vm, a, _k| core::bind(vm, &aio, a));
    m.dict.set_str("aio_bind", f);

    let fns: &[(&str, crate::vm::NativeFn)] = &[
        ("log_error", n_log_error),
        ("iscoroutine", n_iscoroutine),
        ("iscoroutinefunction", n_iscoroutinefunction),
        ("isfunction", n_isfunction),
        ("isgenerator", n_isgenerator),
        ("isawaitable", n_isawaitable),
        ("coro_repr", n_coro_repr),
        ("warn", n_warn),
        ("isbuiltinmethod", n_isbuiltinmethod),
        ("isagenop", n_isagenop),
        ("copy_context", n_copy_context),
        ("builtin_qualname", n_builtin_qualname),
    ];
    for (name, f) in fns {
        vm.module_add_fn(&m, name, *f);
    }
    if let Err(e) = natives::add_to(vm, &m) {
        vm.print_exception(&e);
    }
    m
}

/// The VM's clock, shared with the tracer so every event carries the clock's time: the time
/// of its last reading (exact on the virtual clock, which moves only when told; on a real
/// clock, as fresh as the last `time()` the loop or the script asked for).
struct SharedClock {
    t: Rc<Cell<f64>>,
    inner: Box<dyn Clock>,
}

impl Clock for SharedClock {
    fn now(&self) -> f64 {
        let t = self.inner.now();
        self.t.set(t);
        t
    }
    fn sleep(&mut self, secs: f64) {
        self.inner.sleep(secs);
        self.t.set(self.inner.now());
    }
    fn cpu(&mut self, secs: f64) {
        self.inner.cpu(secs);
        self.t.set(self.inner.now());
    }
    fn epoch(&self) -> f64 {
        self.inner.epoch()
    }
}

/// Forwards output and records it with its virtual time.
struct TracingSink {
    inner: Box<dyn OutputSink>,
    tracer: Rc<RefCell<dyn Tracer>>,
    now: Rc<Cell<f64>>,
}

impl OutputSink for TracingSink {
    fn write(&mut self, stream: Stream, text: &str) {
        self.inner.write(stream, text);
        let mut tr = self.tracer.borrow_mut();
        let text = tr.intern(text);
        tr.event(Event::Output {
            t: self.now.get(),
            stderr: matches!(stream, Stream::Stderr),
            text,
        });
    }
}

struct NullSink;

impl OutputSink for NullSink {
    fn write(&mut self, _stream: Stream, _text: &str) {}
}

/// What the tracing hooks share.
struct TraceCtx {
    tracer: Rc<RefCell<dyn Tracer>>,
    now: Rc<Cell<f64>>,
    /// The running loop's `_ready` deque, once seen.
    ready: Option<Value>,
    /// The back of `_ready` at the last look. Held weakly: its allocation stays (so its
    /// identity stays unique) but the handle, and the task its callback is bound to, die when
    /// the script lets go of them, as in a plain run (finalizers print at the same point).
    ready_back: Option<Held>,
    /// Code object -> its (qualname, file) string ids, or None for code not shown (asyncio's
    /// own and other `<...>` sources). Holding the code keeps its address unique.
    codes: HashMap<usize, (Rc<CodeObject>, CodeIds)>,
    /// "sleep(1.0)": what the `asyncio.sleep` about to suspend its task waits for.
    sleep: Option<String>,
    /// The tasks that changed state (stepped) since the simulated network last asked
    /// (`trace_changed_tasks`): which task a socket wakes changes only then, so its trace
    /// refresh re-describes their sockets instead of every socket. None until it first asks.
    changed_tasks: Option<Vec<Value>>,
}

/// A shown code object's (qualname, file) string ids; None for code not shown.
type CodeIds = Option<(Str, Str)>;

impl TraceCtx {
    /// Reports the handles that joined the back of `_ready` since the last look (pops only
    /// happen at the front, in `_run_once`, and are reported as `Callback`s). Works without
    /// the VM, so the line hook can call it: call_soon from a script line shows at once.
    fn sync_ready(&mut self, except: Option<&Value>) {
        let Some(d) = &self.ready else { return };
        let back = self.ready_back.as_ref().and_then(Held::ptr);
        let seen = |v: &Value| back.is_some() && v.ptr() == back;
        let Some((len, fresh)) = natives::deque_new_tail(d, &seen) else {
            return;
        };
        if len == 0 {
            self.ready_back = None;
            return;
        }
        if fresh.is_empty() {
            return;
        }
        let t = self.now.get();
        let mut tr = self.tracer.borrow_mut();
        for h in &fresh {
            if except.map(|x| same_obj(x, h)).unwrap_or(false) {
                continue;
            }
            let desc = tr.intern(&describe_handle(h));
            tr.event(Event::Queued {
                t,
                handle: obj_id(h),
                desc,
            });
        }
        self.ready_back = fresh.last().map(Held::new);
    }
}

fn dict_get(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => i.dict.borrow().get(name).cloned(),
        _ => None,
    }
}

/// `_describe(handle._callback)` of asyncio.py, natively (the line hook has no VM to call
/// it with): "step Task-2" for a task's step or wakeup, else "call <qualname>".
fn describe_handle(h: &Value) -> String {
    let Some(cb) = dict_get(h, "_callback") else {
        return String::from("cancelled");
    };
    fn qualname(cb: &Value) -> String {
        match cb {
            Value::Func(f) => f.qualname.borrow().to_string(),
            Value::Method(m) => qualname(&m.func),
            Value::Builtin(b) => match (&b.bound, &b.owner) {
                (Some(Value::Instance(i)), _) => {
                    format!("{}.{}", i.class().qualname.borrow(), b.name)
                }
                (_, Some(o)) => format!("{o}.{}", b.name),
                _ => b.name.to_string(),
            },
            Value::Instance(i) => i.class().qualname.borrow().to_string(),
            _ => String::from("?"),
        }
    }
    // A task's `__step`/`__wakeup`: a Python method, or a native one bound to the task.
    let owner = match &cb {
        Value::Method(m) => Some(m.slf.clone()),
        Value::Builtin(b) => b.bound.clone(),
        _ => None,
    };
    if let Some(task) = owner {
        if dict_get(&task, "_coro").is_some() {
            if let Some(Value::Str(n)) = dict_get(&task, "_name") {
                return format!("step {}", n.as_str());
            }
        }
    }
    format!("call {}", qualname(&cb))
}

fn install_tracing(vm: &mut Vm, m: &Rc<PyModule>, tracer: Rc<RefCell<dyn Tracer>>) {
    let now = Rc::new(Cell::new(vm.clock.now()));
    let inner = std::mem::replace(&mut vm.clock, Box::new(crate::vm::VirtualClock::default()));
    vm.clock = Box::new(SharedClock {
        t: now.clone(),
        inner,
    });
    let inner = std::mem::replace(&mut vm.out, Box::new(NullSink));
    vm.out = Box::new(TracingSink {
        inner,
        tracer: tracer.clone(),
        now: now.clone(),
    });
    let ctx = Rc::new(RefCell::new(TraceCtx {
        tracer: tracer.clone(),
        now: now.clone(),
        ready: None,
        ready_back: None,
        codes: HashMap::new(),
        sleep: None,
        changed_tasks: None,
    }));
    let c = ctx.clone();
    // Most lines are asyncio's own and other `<...>` sources, never shown: the VM runs their
    // frames as if no hook were set (fused instructions and all: without them a traced C10K
    // run executed twice the untraced run's instructions there), and the hook also tells
    // them apart by the file name's first byte before any lookup.
    vm.line_hook_skips_builtin = true;
    vm.line_hook = Some(Box::new(move |frame, code, line| {
        if code.filename.starts_with('<') {
            return;
        }
        let Ok(mut ctx) = c.try_borrow_mut() else {
            return;
        };
        let key = Rc::as_ptr(code) as usize;
        let ids = match ctx.codes.get(&key) {
            Some((_, ids)) => *ids,
            None => {
                let file = &*code.filename;
                let ids = if file.starts_with('<') {
                    None
                } else {
                    let mut tr = ctx.tracer.borrow_mut();
                    Some((tr.intern(&code.qualname), tr.intern(file)))
                };
                ctx.codes.insert(key, (code.clone(), ids));
                ids
            }
        };
        let Some((func, file)) = ids else { return };
        ctx.sync_ready(None);
        let t = ctx.now.get();
        ctx.tracer.borrow_mut().event(Event::Line {
            t,
            frame,
            func,
            file,
            line,
        });
    }));
    m.dict
        .set_str("TRACE", Value::Bool(tracer.borrow().enabled()));
    let tr = tracer.clone();
    let f = vm.new_closure("trace_wants_snapshot", move |_vm, _a, _k| {
        Ok(Value::Bool(tr.borrow().wants_snapshot()))
    });
    m.dict.set_str("trace_wants_snapshot", f);
    let c = ctx.clone();
    let f = vm.new_closure("trace_changed_tasks", move |_vm, _a, _k| {
        let mut c = c.borrow_mut();
        let tasks = c.changed_tasks.replace(Vec::new()).unwrap_or_default();
        Ok(Value::list(tasks))
    });
    m.dict.set_str("trace_changed_tasks", f);
    let f = vm.new_closure("trace", move |vm, a, _k| trace_event(vm, &ctx, a));
    m.dict.set_str("trace", f);
    // The thread model (threads.rs) reports its threads' states through this.
    let tr = tracer.clone();
    let f = vm.new_closure("trace_thread", move |vm, a, _k| {
        let (Some(Value::Int(ident)), Some(name), Some(what)) = (a.first(), a.get(1), a.get(2))
        else {
            return Ok(Value::None);
        };
        let name = vm.str_of(name)?.to_string();
        let state = match &*vm.str_of(what)?.to_string() {
            "started" => crate::trace::ThreadStateKind::Started,
            "running" => crate::trace::ThreadStateKind::Running,
            "ready" | "switched out" => crate::trace::ThreadStateKind::Ready,
            "blocked" => crate::trace::ThreadStateKind::Blocked,
            _ => crate::trace::ThreadStateKind::Done,
        };
        let t = now.get();
        let mut tr = tr.borrow_mut();
        let name = tr.intern(&name);
        tr.event(Event::Thread {
            t,
            thread: *ident as u64,
            name,
            state,
        });
        Ok(Value::None)
    });
    m.dict.set_str("trace_thread", f);
}

fn obj_id(v: &Value) -> u64 {
    match v {
        Value::Instance(i) => i.id,
        Value::Gen(g) => g.id,
        Value::Func(f) => f.id,
        _ => 0,
    }
}

fn str_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Str(s) => s.as_str().to_string(),
        Value::None => String::new(),
        other => vm.str_of(other)?.to_string(),
    })
}

fn opt_f64(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::None => None,
        other => Some(f64_arg(vm, other)?),
    })
}

/// The running loop's `_ready`, if a loop runs.
fn running_ready(vm: &mut Vm) -> Option<Value> {
    let Some(Value::Module(m)) = vm.modules.get_str("asyncio") else {
        return None;
    };
    let lp = m.dict.get_str("_running_loop")?;
    dict_get(&lp, "_ready")
}

/// A task's await chain, outermost first, ending with what it waits on.
fn await_chain(
    vm: &mut Vm,
    task: &Value,
    fut: &Value,
    sleep: Option<String>,
) -> PyResult<Vec<String>> {
    // (entry, from asyncio's own source)
    let mut chain: Vec<(String, bool)> = Vec::new();
    let mut c = dict_get(task, "_coro").unwrap_or(Value::None);
    for _ in 0..64 {
        let Value::Gen(g) = &c else { break };
        let internal = g.code.co.filename.starts_with('<');
        let name = g.qualname.borrow().to_string();
        // A future's own `__await__` adds nothing a student would recognise.
        if !(internal && name.ends_with(".__await__")) {
            chain.push((format!("{name}()"), internal));
        }
        let next = if g.kind == GenKind::Generator {
            "gi_yieldfrom"
        } else {
            "cr_await"
        };
        c = vm
            .getattr_opt(&c, &Value::str(next))?
            .unwrap_or(Value::None);
        if matches!(c, Value::None) || same_obj(&c, fut) {
            break;
        }
    }
    let sleeping = chain
        .last()
        .map(|(s, internal)| *internal && s == "sleep()")
        .unwrap_or(false);
    if let (true, Some(what)) = (sleeping, sleep) {
        chain.pop();
        chain.push((what, true));
    } else if let Some(what) = dict_get(fut, "_loopscope_what") {
        // asyncio.sleep() names its future "sleep(1.0)": show that, not "sleep()".
        while chain.last().map(|(_, internal)| *internal).unwrap_or(false) {
            chain.pop();
        }
        chain.push((str_arg(vm, &what)?, true));
    } else if let (Some(_), Some(name)) = (dict_get(fut, "_coro"), dict_get(fut, "_name")) {
        chain.push((str_arg(vm, &name)?, true));
    } else if dict_get(fut, "_loopscope_owner").is_none() {
        let cls = vm.type_of(fut).qualname.borrow().to_string();
        chain.push((
            match cls.as_str() {
                "_GatheringFuture" => String::from("gather()"),
                _ => format!("a {cls}"),
            },
            true,
        ));
    }
    Ok(chain.into_iter().map(|(s, _)| s).collect())
}

fn task_state_kind(s: &str) -> TaskStateKind {
    match s {
        "running" => TaskStateKind::Running,
        "waiting" => TaskStateKind::Waiting,
        "ready" => TaskStateKind::Ready,
        "done" => TaskStateKind::Done,
        "failed" => TaskStateKind::Failed,
        _ => TaskStateKind::Cancelled,
    }
}

/// `_loopscope.trace(kind, *args)`: the asyncio source's hooks. Everything that needs the
/// VM is computed before the tracer is borrowed: the VM may run Python (and the line hook).
fn trace_event(vm: &mut Vm, ctx: &Rc<RefCell<TraceCtx>>, a: &[Value]) -> PyResult<Value> {
    let kind = match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Ok(Value::None),
    };
    let a1 = arg(a, 1);
    if kind == "snapshot" {
        let tr = ctx.borrow().tracer.clone();
        if tr.borrow().wants_snapshot() {
            let t = ctx.borrow().now.get();
            let snap = build_snapshot(vm, &tr, t, a)?;
            tr.borrow_mut().snapshot(snap);
        }
        return Ok(Value::None);
    }
    if kind == "io" {
        return trace_io(vm, ctx, a);
    }
    if kind == "iteration_begin" || ctx.borrow().ready.is_none() {
        // Each asyncio.run() makes a new loop: follow the one running.
        if let Some(r) = running_ready(vm) {
            let mut c = ctx.borrow_mut();
            if !c.ready.as_ref().map(|o| same_obj(o, &r)).unwrap_or(false) {
                c.ready = Some(r);
                c.ready_back = None;
            }
        }
    }
    // Strings first (they may run Python), then the event.
    let s2 = match kind.as_str() {
        "callback" | "future_done" | "task_created" | "waiter_added" | "task_state"
        | "primitive" => str_arg(vm, &arg(a, 2))?,
        _ => String::new(),
    };
    let s3 = match kind.as_str() {
        "timer_scheduled" | "future_done" | "task_created" | "primitive" => {
            str_arg(vm, &arg(a, 3))?
        }
        _ => String::new(),
    };
    let f2 = match kind.as_str() {
        "timer_scheduled" | "iteration_begin" => f64_arg(vm, &arg(a, 2))?,
        _ => 0.0,
    };
    let waiting = kind == "task_state" && s2 == "waiting";
    if kind == "task_state" {
        if let Some(ts) = ctx.borrow_mut().changed_tasks.as_mut() {
            ts.push(a1.clone());
        }
    }
    if kind == "sleep" {
        let what = format!("sleep({})", vm.repr(&a1)?);
        ctx.borrow_mut().sleep = Some(what);
        return Ok(Value::None);
    }
    let chain = if waiting {
        let sleep = ctx.borrow_mut().sleep.take();
        await_chain(vm, &a1, &arg(a, 3), sleep)?
    } else {
        Vec::new()
    };
    let waiters: Vec<u64> = if kind == "primitive" {
        vm.iter_to_vec(&arg(a, 4))?.iter().map(obj_id).collect()
    } else {
        Vec::new()
    };
    let n = match kind.as_str() {
        "iteration_begin" | "iteration_end" => f64_arg(vm, &a1)? as u64,
        _ => 0,
    };
    let timeout = match kind.as_str() {
        "iteration_begin" => opt_f64(vm, &arg(a, 3))?.unwrap_or(f64::NAN),
        _ => f64::NAN,
    };
    let mut c = ctx.borrow_mut();
    let except = (kind == "timer_fired").then_some(&a1);
    c.sync_ready(except);
    if kind == "timer_fired" {
        // Fired timers join `_ready` too, but are their own event.
        c.ready_back = Some(Held::new(&a1));
    }
    let t = c.now.get();
    let mut tr = c.tracer.borrow_mut();
    let e = match kind.as_str() {
        "callback" => Event::Callback {
            t,
            handle: obj_id(&a1),
            desc: tr.intern(&s2),
        },
        "timer_scheduled" => Event::TimerScheduled {
            t,
            handle: obj_id(&a1),
            when: f2,
            desc: tr.intern(&s3),
        },
        "timer_fired" => Event::TimerFired {
            t,
            handle: obj_id(&a1),
        },
        "timer_cancelled" => Event::TimerCancelled {
            t,
            handle: obj_id(&a1),
        },
        "iteration_begin" => Event::IterationBegin {
            t,
            n,
            ready: f2 as u32,
            timeout,
        },
        "iteration_end" => Event::IterationEnd { t, n },
        "future_created" => Event::FutureCreated {
            t,
            future: obj_id(&a1),
        },
        "future_done" => Event::FutureDone {
            t,
            future: obj_id(&a1),
            outcome: match s2.as_str() {
                "result" => Outcome::Result,
                "exception" => Outcome::Exception,
                _ => Outcome::Cancelled,
            },
            repr: tr.intern(&s3),
        },
        "task_created" => Event::TaskCreated {
            t,
            task: obj_id(&a1),
            name: tr.intern(&s2),
            coro: tr.intern(&s3),
        },
        "task_state" => {
            let w = arg(a, 3);
            Event::TaskState {
                t,
                task: obj_id(&a1),
                state: task_state_kind(&s2),
                awaiting: if matches!(w, Value::None) {
                    0
                } else {
                    obj_id(&w)
                },
                chain: tr.intern(&chain.join("\n")),
            }
        }
        "waiter_added" => Event::WaiterAdded {
            t,
            primitive: obj_id(&a1),
            kind: tr.intern(&s2),
            future: obj_id(&arg(a, 3)),
        },
        "waiter_woken" => Event::WaiterWoken {
            t,
            future: obj_id(&a1),
        },
        "primitive" => Event::Primitive {
            t,
            primitive: obj_id(&a1),
            kind: tr.intern(&s2),
            state: tr.intern(&s3),
            waiters: tr.list(waiters),
        },
        _ => return Ok(Value::None),
    };
    tr.event(e);
    Ok(Value::None)
}

fn build_snapshot(
    vm: &mut Vm,
    tr: &Rc<RefCell<dyn Tracer>>,
    t: f64,
    a: &[Value],
) -> PyResult<Snapshot> {
    let iteration = f64_arg(vm, &arg(a, 1))? as u64;
    let mut snap = Snapshot {
        t,
        iteration,
        ..Default::default()
    };
    {
        let tr = tr.borrow();
        snap.event_index = tr.len();
        snap.console_events = tr.outputs();
    }
    for item in vm.iter_to_vec(&arg(a, 2))? {
        let f = vm.iter_to_vec(&item)?;
        snap.ready.push(HandleInfo {
            handle: obj_id(&arg(&f, 0)),
            desc: str_arg(vm, &arg(&f, 1))?,
            cancelled: matches!(arg(&f, 2), Value::Bool(true)),
        });
    }
    for item in vm.iter_to_vec(&arg(a, 3))? {
        let f = vm.iter_to_vec(&item)?;
        snap.timers.push(TimerInfo {
            handle: obj_id(&arg(&f, 0)),
            when: f64_arg(vm, &arg(&f, 1))?,
            desc: str_arg(vm, &arg(&f, 2))?,
            cancelled: matches!(arg(&f, 3), Value::Bool(true)),
        });
    }
    for item in vm.iter_to_vec(&arg(a, 4))? {
        let f = vm.iter_to_vec(&item)?;
        let mut chain = Vec::new();
        for c in vm.iter_to_vec(&arg(&f, 3))? {
            chain.push(str_arg(vm, &c)?);
        }
        snap.tasks.push(TaskInfo {
            task: obj_id(&arg(&f, 0)),
            name: str_arg(vm, &arg(&f, 1))?,
            state: str_arg(vm, &arg(&f, 2))?,
            await_chain: chain,
        });
    }
    for item in vm.iter_to_vec(&arg(a, 5))? {
        let f = vm.iter_to_vec(&item)?;
        let waiters = vm.iter_to_vec(&arg(&f, 3))?.iter().map(obj_id).collect();
        snap.primitives.push(PrimitiveInfo {
            primitive: obj_id(&arg(&f, 0)),
            kind: str_arg(vm, &arg(&f, 1))?,
            state: str_arg(vm, &arg(&f, 2))?,
            waiters,
        });
    }
    if let Value::List(_) | Value::Tuple(_) = arg(a, 6) {
        for item in vm.iter_to_vec(&arg(a, 6))? {
            let f = vm.iter_to_vec(&item)?;
            snap.io.push(IoInfo {
                fd: vm.to_int(&arg(&f, 0))?,
                events: (vm.to_int(&arg(&f, 1))? & 3) as u8,
                in_flight: vm.to_int(&arg(&f, 2))?.max(0) as u64,
                socket: str_arg(vm, &arg(&f, 3))?,
                target: str_arg(vm, &arg(&f, 4))?,
            });
        }
    }
    Ok(snap)
}

/// `_loopscope.trace("io", fd, events, in_flight, socket, target)` from the simulated network.
fn trace_io(vm: &mut Vm, ctx: &Rc<RefCell<TraceCtx>>, a: &[Value]) -> PyResult<Value> {
    let fd = vm.to_int(&arg(a, 1))?;
    let events = vm.to_int(&arg(a, 2))?;
    let in_flight = vm.to_int(&arg(a, 3))?;
    let socket = str_arg(vm, &arg(a, 4))?;
    let target = str_arg(vm, &arg(a, 5))?;
    let mut c = ctx.borrow_mut();
    c.sync_ready(None);
    let t = c.now.get();
    let mut tr = c.tracer.borrow_mut();
    let e = Event::Io {
        t,
        fd: fd.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        events: (events & 3) as u8,
        in_flight: in_flight.clamp(0, u32::MAX as i64) as u32,
        socket: tr.intern(&socket),
        target: tr.intern(&target),
    };
    tr.event(e);
    Ok(Value::None)
}

/// Run a script with tracing on and return its trace.
pub fn trace_script(vm: &mut Vm, name: &str, text: &str, args: &[String], handles: bool) -> Trace {
    trace_script_with(vm, name, text, args, handles, Recorder::new())
}

/// [`trace_script`] with a recorder of your own (its limits).
pub fn trace_script_with(
    vm: &mut Vm,
    name: &str,
    text: &str,
    args: &[String],
    handles: bool,
    recorder: Recorder,
) -> Trace {
    trace_script_with_driver(
        vm,
        name,
        text,
        args,
        handles,
        recorder,
        Box::new(virtual_driver::VirtualDriver),
    )
}

/// [`trace_script_with`] on a driver of your own (a real run records the same format).
pub fn trace_script_with_driver(
    vm: &mut Vm,
    name: &str,
    text: &str,
    args: &[String],
    handles: bool,
    recorder: Recorder,
    driver: Box<dyn Driver>,
) -> Trace {
    let rec = Rc::new(RefCell::new(recorder));
    let tracer: Rc<RefCell<dyn Tracer>> = rec.clone();
    let code = run_script_with_driver(
        vm,
        name,
        text,
        args,
        &RunOptions {
            handles,
            tracer: Some(tracer),
        },
        driver,
    );
    // The VM keeps the sink and hook (and with them a reference to the recorder): drop them.
    vm.line_hook = None;
    vm.line_hook_skips_builtin = false;
    vm.out = Box::new(NullSink);
    let rec = match Rc::try_unwrap(rec) {
        Ok(cell) => cell.into_inner(),
        Err(rc) => std::mem::take(&mut *rc.borrow_mut()),
    };
    let mut trace = rec.into_trace(name, code);
    trace.budget_stops = vm.callback_budget_stops;
    trace
}

/// A value remembered for its identity only: an instance weakly (its allocation, and so its
/// address, outlives it), anything else as is.
enum Held {
    Weak(std::rc::Weak<crate::vm::object::PyInstance>),
    Strong(Value),
}

impl Held {
    fn new(v: &Value) -> Held {
        match v {
            Value::Instance(i) => Held::Weak(Rc::downgrade(i)),
            other => Held::Strong(other.clone()),
        }
    }
    fn ptr(&self) -> Option<usize> {
        match self {
            Held::Weak(w) => Some(w.as_ptr() as *const u8 as usize),
            Held::Strong(v) => v.ptr(),
        }
    }
}

fn same_obj(a: &Value, b: &Value) -> bool {
    matches!((a.ptr(), b.ptr()), (Some(x), Some(y)) if x == y)
}

/// The firstiter/finalizer hooks, polled at the end of each loop iteration: adopt the async
/// generators first iterated since the last poll, and report those nothing else references
/// any more while unfinished (CPython finalizes them when their last reference dies, by
/// scheduling `aclose()`). Returns the generators to finalize, or None.
fn agen_poll(vm: &mut Vm, st: &Rc<RefCell<RtState>>, lp: &Value) -> PyResult<Value> {
    let fresh: Vec<Value> = std::mem::take(&mut *vm.agen_first_iter.borrow_mut());
    let mut st = st.borrow_mut();
    if !matches!(lp, Value::None) {
        for g in fresh {
            if !st.agens.iter().any(|(x, _)| same_obj(x, &g)) {
                st.agens.push((g, lp.clone()));
            }
        }
    }
    let mut fin = Vec::new();
    st.agens.retain(|(g, l)| {
        let Value::Gen(rc) = g else { return false };
        if Rc::strong_count(rc) > 1 {
            return true;
        }
        // A generator whose aclose() began is closed synchronously when it is dropped
        // (CPython's _PyGen_Finalize skips the finalizer hook once `ag_closed` is set).
        if same_obj(l, lp) && rc.state.get() == GenState::Suspended && !rc.ag_closed.get() {
            fin.push(g.clone());
        }
        false
    });
    vm.agens_tracked.set(st.agens.len());
    Ok(if fin.is_empty() {
        Value::None
    } else {
        Value::list(fin)
    })
}

fn n_noop(_vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

/// `logger.log(level, text, exc_info=exc)` on asyncio's logger (level: ERROR unless given).
/// Once the script has imported `logging` that is `logging.getLogger("asyncio")`, configured
/// as the script says; before, nothing can have configured it, so it is logging's
/// last-resort handler: WARNING and above, the text, then the traceback.
fn n_log_error(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let level = match a.get(2) {
        Some(Value::Int(l)) => *l,
        _ => 40,
    };
    if let Some(Value::Module(logging)) = vm.modules.get_str("logging") {
        let get_logger = logging.dict.get_str("getLogger").unwrap_or(Value::None);
        let logger = vm.call(&get_logger, &[Value::str("asyncio")], &[])?;
        let log = vm.getattr_str(&logger, "log")?;
        let text = a.first().cloned().unwrap_or(Value::None);
        let exc = a.get(1).cloned().unwrap_or(Value::None);
        vm.call(
            &log,
            &[Value::Int(level), text],
            &[(Rc::from("exc_info"), exc)],
        )?;
        return Ok(Value::None);
    }
    if level < 30 {
        return Ok(Value::None);
    }
    let text = match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => vm.str_of(v)?.to_string(),
        None => String::new(),
    };
    let mut out = text;
    out.push('\n');
    if let Some(Value::Instance(e)) = a.get(1) {
        if e.exc().is_some() {
            out.push_str(&vm.format_exception_by_python(e));
        }
    }
    vm.write_out(Stream::Stderr, &out);
    Ok(Value::None)
}

/// A built-in method bound to an object that is not a module (`[].append`, not `print`).
fn n_isbuiltinmethod(_vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(match a.first() {
        Some(Value::Builtin(b)) => b
            .bound
            .as_ref()
            .map(|s| !matches!(s, Value::Module(_)))
            .unwrap_or(false),
        _ => false,
    }))
}

fn n_iscoroutine(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(
        a.first().map(|v| is_coroutine(vm, v)).unwrap_or(false),
    ))
}

/// `contextvars.copy_context()` where CPython's asyncio calls it, None while no script imported
/// `contextvars` (then every context is empty and nothing needs capturing).
fn n_copy_context(vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    crate::modules::contextvars::capture(vm)
}

fn n_isagenop(_vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(a.first().map(is_agen_op).unwrap_or(false)))
}

/// `__qualname__` of a built-in method as CPython gives it ("list.append", "str.upper"), or
/// None for anything else.
fn n_builtin_qualname(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let Some(Value::Builtin(b)) = a.first() else {
        return Ok(Value::None);
    };
    // asyncio's natives standing in for Python methods name their defining class.
    if let (Some(owner), Some(_)) = (&b.owner, &b.module) {
        return Ok(Value::string(format!("{owner}.{}", b.name)));
    }
    if let Some(s) = &b.bound {
        if !matches!(s, Value::Module(_)) {
            let t = vm.type_of(s);
            let q = t.qualname.borrow().clone();
            return Ok(Value::string(format!("{q}.{}", b.name)));
        }
    }
    if let Some(owner) = &b.owner {
        return Ok(Value::string(format!("{owner}.{}", b.name)));
    }
    Ok(Value::None)
}

fn n_iscoroutinefunction(_vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(
        a.first().map(is_coroutine_function).unwrap_or(false),
    ))
}

fn n_isfunction(_vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(matches!(a.first(), Some(Value::Func(_)))))
}

fn n_isgenerator(_vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(
        matches!(a.first(), Some(Value::Gen(g)) if g.kind == GenKind::Generator),
    ))
}

fn n_isawaitable(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let Some(v) = a.first() else {
        return Ok(Value::Bool(false));
    };
    if matches!(v, Value::Gen(g) if g.kind == GenKind::Coroutine || g.iterable_coroutine.get()) {
        return Ok(Value::Bool(true));
    }
    if matches!(v, Value::Gen(_)) {
        return Ok(Value::Bool(false));
    }
    let t = vm.type_of(v);
    Ok(Value::Bool(t.lookup("__await__").is_some()))
}

fn n_coro_repr(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let v = arg(a, 0);
    Ok(Value::string(coro_repr(vm, &v)))
}

fn n_warn(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let msg = match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let cat = match a.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::from("RuntimeWarning"),
    };
    vm.write_out(Stream::Stderr, &format!("{cat}: {msg}\n"));
    Ok(Value::None)
}

#[cfg(test)]
mod tests;
