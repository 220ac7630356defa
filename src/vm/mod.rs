//! The virtual machine: values, objects, frames that can suspend, exceptions, builtins.
//!
//! # How to add things (for the helpers writing builtins and modules)
//!
//! * A native function has the signature [`NativeFn`]:
//!   `fn(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value>`.
//!   For methods `args[0]` is `self`. Errors are exception instances: build them with
//!   `vm.new_error(ExcKind::TypeError, "message")` (or the shortcuts `vm.type_error(..)`,
//!   `vm.value_error(..)`, ...) and return `Err(..)`.
//! * Argument helpers: `vm.check_args("name", args, min, max)?`, `kw_get(kwargs, "key")`,
//!   `vm.to_int(&v)?`, `vm.to_f64(&v)?`, `vm.str_arg(&v, "what")?`.
//! * Calling back into Python from native code: `vm.call(&callable, &args, &kwargs)`. It may run a
//!   nested interpreter loop (bounded: RecursionError past the limit). Comparisons, hashing,
//!   `repr`/`str` that may call user dunders: `vm.eq`, `vm.hash`, `vm.repr`, `vm.str_of`,
//!   `vm.lt`, `vm.truthy`, iteration: `vm.iter_to_vec(&v)`, `vm.get_iter`, `vm.next(&it)`.
//! * Methods on built-in types from a separate file: write `pub fn register(vm: &mut Vm)` that
//!   calls `vm.add_method(&vm.types.str_.clone(), "upper", str_upper)` (or
//!   `vm.add_methods(&ty, &[("upper", str_upper), ...])`), and add the call to
//!   `Vm::register_all` in `builtins.rs`. Built-in functions: `vm.add_builtin("sum", sum)`.
//! * Native modules: a `fn(vm: &mut Vm) -> PyResult<Rc<PyModule>>` registered by name in
//!   `modules::register_modules` (`vm.register_module("heapq", heapq::init)`); build the module
//!   with `vm.new_module("heapq")` and `vm.module_add_fn(&m, "heappush", heappush)` /
//!   `m.dict.set_str("name", value)`. Modules are created on first import and cached in
//!   `sys.modules`.
//! * Native classes (asyncio's Future/Task): `vm.new_native_class("Future", "asyncio", &[base],
//!   Some(constructor))`, methods with `vm.add_method`, instances via
//!   `vm.new_native_instance(&cls, data)` (a `PyInstance` whose `ext` holds any Rust value,
//!   reachable with `inst.native::<T>()`). Python subclasses of native classes work.
//! * Python subclasses of built-in types (`class D(dict)`): an instance carries the built-in
//!   value it extends (`Ext::Builtin`, see [`subclass`]); `subclass::payload(&v)` /
//!   `subclass::unwrap(&v)` give it to native code that matches on `Value::Str`, `Value::Dict`,
//!   ... . A native function taking a str/dict/list argument from scripts should accept it.
//!
//! # Execution model
//! Frames are data ([`frame::Frame`]); one loop ([`interp`]) runs a stack of them. Python to
//! Python calls and generator resumption push frames (no Rust recursion). The loop takes fuel
//! (an instruction budget) and can stop and continue. See `api.rs` for the embedding API.
//!
//! # Embedding API (what the asyncio runtime uses)
//! * Run a script: `vm.exec_main(name, text)` / `vm.run_code(code, fuel)` ->
//!   `ModuleResult::{Done, Raised(exc), OutOfFuel}` (`vm.continue_module(fuel)` goes on);
//!   `api::run_source(name, text, args) -> RunOutcome { stdout, stderr, exit_code }`.
//! * Call Python: `vm.call(&callable, &args, &kwargs) -> PyResult<Value>` (nested loop).
//! * Step a generator/coroutine: `vm.resume(&gen, Resume::Send(v) | Resume::Throw(exc), fuel)
//!   -> ResumeResult::{Yielded(v), Returned(v), Raised(exc), OutOfFuel}`;
//!   `vm.continue_resume(fuel)` after `OutOfFuel`.
//! * Native classes/objects/modules: see "How to add things" above. A native awaitable
//!   implements `__await__` returning an iterator whose `__next__` returns the value to yield
//!   (e.g. the Future itself) and later raises `StopIteration(result)`.
//! * Hooks: `vm.out: Box<dyn OutputSink>` (`write(Stream, &str)`), `vm.clock: Box<dyn Clock>`
//!   (virtual by default), `vm.line_hook: Option<LineHook>` (frame id, code, line; one branch
//!   per instruction when unset), `vm.total_budget` (whole-run instruction budget),
//!   `vm.callback_budget` (per event-loop callback; armed with `vm.arm_callback_budget`).
//! * Errors: `vm.format_exception(&exc)` is CPython's traceback text; `vm.report_uncaught`.

// `&[x.clone()]` reads better than `slice::from_ref(&x)` at the many call sites that pass one
// argument to Python; frames are boxed so moving them between the stack and generators is a
// pointer copy.
#![allow(clippy::cloned_ref_to_slice_refs, clippy::vec_box)]

pub mod anchors;
pub mod api;
pub mod builtins;
pub mod bytearray;
pub mod bytes_methods;
pub mod class_dict;
pub mod coro;
pub mod dict;
pub mod exceptions;
pub mod finalize;
pub mod format;
pub mod frame;
pub mod frame_obj;
pub mod generic_alias;
pub mod hash;
pub mod interp;
pub mod live_dict;
pub mod long;
pub mod matching;
pub mod memory;
pub mod methods;
pub mod methods2;
pub mod numeric;
pub mod object;
pub mod ops;
pub mod render;
pub mod strops;
pub mod subclass;
pub mod suggest;
pub mod table;
pub mod value;

pub use api::{OutputSink, Resume, ResumeResult, RunOutcome, Stream};
pub use exceptions::ExcKind;
pub use object::{kw_get, PyInstance, PyModule, PyType};
pub use value::Value;

use crate::lang::span::SourceFile;
use dict::PyDict;
use frame::Frame;
use object::{Layout, NativeImpl, PyBuiltin, Special, StrMap};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// An exception instance (always an instance of a BaseException subclass).
pub type Exc = Rc<PyInstance>;
pub type PyResult<T = Value> = Result<T, Exc>;
/// Keyword arguments of a call, in call order.
pub type KwArgs = [(Rc<str>, Value)];

/// The task a callback steps (`Task.__step`/`task_wakeup` bound to it), by its `_name`:
/// what a student knows it as. Reads attributes directly, running no Python code, since it
/// is called from inside the interpreter loop.
fn task_name_of_step(cb: &Value) -> Value {
    let slf = match cb {
        Value::Method(m) => &m.slf,
        Value::Builtin(b) => match &b.bound {
            Some(v) => v,
            None => return Value::None,
        },
        _ => return Value::None,
    };
    match slf {
        Value::Instance(i) if i.dict.borrow().get("_coro").is_some() => {
            i.dict.borrow().get("_name").cloned().unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

/// `10000000` -> `10,000,000`: budgets in messages are read by people.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
/// The signature of every native function and method.
pub type NativeFn = fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value>;
/// Creates a native module on first import.
pub type ModuleInit = fn(&mut Vm) -> PyResult<Rc<PyModule>>;

/// The built-in types the VM needs quick access to.
pub struct BuiltinTypes {
    pub object: Rc<PyType>,
    pub type_: Rc<PyType>,
    pub none: Rc<PyType>,
    pub notimpl: Rc<PyType>,
    pub ellipsis: Rc<PyType>,
    pub bool_: Rc<PyType>,
    pub int: Rc<PyType>,
    pub float: Rc<PyType>,
    pub str_: Rc<PyType>,
    pub bytes: Rc<PyType>,
    pub list: Rc<PyType>,
    pub tuple: Rc<PyType>,
    pub dict: Rc<PyType>,
    pub set: Rc<PyType>,
    pub frozenset: Rc<PyType>,
    pub range: Rc<PyType>,
    pub slice: Rc<PyType>,
    pub function: Rc<PyType>,
    pub builtin_function: Rc<PyType>,
    pub method: Rc<PyType>,
    pub module: Rc<PyType>,
    pub cell: Rc<PyType>,
    pub code: Rc<PyType>,
    pub generator: Rc<PyType>,
    pub coroutine: Rc<PyType>,
    pub async_generator: Rc<PyType>,
    pub property: Rc<PyType>,
    pub staticmethod: Rc<PyType>,
    pub classmethod: Rc<PyType>,
    pub super_: Rc<PyType>,
    /// Everything else (iterators, views, descriptors), by CPython's type name.
    pub misc: BTreeMap<&'static str, Rc<PyType>>,
}

/// A warning waiting to be printed (e.g. "coroutine ... was never awaited"), queued by `Drop`
/// impls, which cannot reach the VM.
#[derive(Default)]
pub struct WarnQueue {
    pub pending: Cell<bool>,
    pub items: RefCell<Vec<String>>,
    /// Suspended generators dropped inside a `try` block: CPython closes them when they are
    /// freed (running their `finally`/`except GeneratorExit`), so the VM does at the next
    /// statement boundary.
    pub finalize: RefCell<Vec<coro::PyGen>>,
    /// Dead objects whose class has `__del__`, resurrected until it runs (see `finalize`).
    pub objects: RefCell<std::collections::VecDeque<object::PyInstance>>,
}

/// Called when a frame starts executing a new line: (frame id, code, line).
pub type LineHook = Box<dyn FnMut(u64, &Rc<crate::lang::bytecode::CodeObject>, u32)>;

/// The thread model's entry points into the VM (installed by `_thread`, see
/// `src/runtime/threads.rs`; `None` while a script uses no threads, which costs nothing).
pub trait Threads {
    /// A loop's instructions reached `Vm::slice_floor`: charge CPU time and maybe let other
    /// threads run. `base` is the loop's base frame index; `true` asks that loop to stop
    /// (its frames parked in `Vm::frames` above `base`, as when fuel runs out), so the
    /// scheduler can save them. The hook must move `slice_floor` on.
    fn slice(&self, vm: &mut Vm, base: usize) -> bool;
    /// `time.sleep(secs)`: releases the GIL.
    fn sleep(&self, vm: &mut Vm, secs: f64) -> PyResult<Value>;
    /// Bring the virtual clock up to date with the CPU time spent so far (before reading it).
    fn sync_clock(&self, vm: &mut Vm);
    /// The implementation, for its own natives.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// The clock behind the `time` module.
pub trait Clock {
    fn now(&self) -> f64;
    fn sleep(&mut self, secs: f64);
    /// CPU time a model charges (the thread model's instructions): a virtual clock moves by
    /// it; a real clock has already spent it (no sleeping twice).
    fn cpu(&mut self, secs: f64) {
        self.sleep(secs);
    }
    /// The Unix time at which `now()` read 0.0: `time.time()` is `now() + epoch()`. A virtual
    /// run starts at the epoch itself, as the oracle's patched `time.time()` does.
    fn epoch(&self) -> f64 {
        0.0
    }
}

/// The default clock: virtual, starts at 0.0, `sleep` advances it instantly.
#[derive(Default)]
pub struct VirtualClock {
    pub t: f64,
}

impl Clock for VirtualClock {
    fn now(&self) -> f64 {
        self.t
    }
    fn sleep(&mut self, secs: f64) {
        if secs > 0.0 {
            self.t += secs;
        }
    }
}

/// One step of `await` through an [`AwaitHook`]: the awaitable yields a value to the task,
/// or finishes with a result (what its StopIteration would carry).
pub enum AwaitStep {
    Yield(Value),
    Return(Value),
}

/// What [`AwaitHook::call_awaited`] made of `await f(*args)`.
pub enum Awaited {
    /// The await's result: the coroutine would have finished without suspending.
    Done(Value),
    /// An iterator the await steps through instead of the coroutine (the hook's `send` and
    /// the iterator's `throw`/`close` do what the coroutine's frame would).
    Iter(Value),
}

/// A runtime's native `await` protocol for its own awaitables, so that `GET_AWAITABLE` and
/// `SEND` on them skip the method lookups, bound-method calls and the StopIteration a
/// finished step raises. Each answers `None` for objects it does not handle (or when a
/// script overrode their methods): the generic protocol then runs, so the hook must do
/// exactly what those methods would.
pub trait AwaitHook {
    /// `v.__await__()` when `v` is one of the hook's objects.
    fn awaitable(&self, vm: &mut Vm, v: &Value) -> Option<PyResult<Value>>;
    /// `recv.send(v)` (`__next__` for None) when `recv` is one of the hook's iterators.
    fn send(&self, vm: &mut Vm, recv: &Value, v: &Value) -> Option<PyResult<AwaitStep>>;
    /// `await f(*args)` where `f`'s code carries `await_native == which`: the await's result
    /// when the runtime can produce it at once, or an iterator to await in the coroutine's
    /// place, exactly as running the coroutine would (which then never exists); `None` to call
    /// and await it as usual, before changing anything.
    fn call_awaited(&self, vm: &mut Vm, which: u8, args: &[Value]) -> Option<PyResult<Awaited>> {
        let _ = (vm, which, args);
        None
    }
    /// `exc` thrown into (or, `closing`, GeneratorExit closing) a frame suspended in an await
    /// on `recv`, one of the hook's iterators standing in for a coroutine
    /// ([`Awaited::Iter`]): the exception the awaiting frame then raises, after what the
    /// coroutine's frame would have done on the way (its traceback entry, its `finally`);
    /// `None` to raise `exc` there as is.
    fn throw_in(&self, vm: &mut Vm, recv: &Value, exc: &Exc, closing: bool) -> Option<Exc> {
        let _ = (vm, recv, exc, closing);
        None
    }
    /// A script looks at what a suspended frame awaits (`cr_await`, `gi_yieldfrom`,
    /// `ag_await`) and finds `recv`: when it stands in for a coroutine, that coroutine, built
    /// as it would be at this point (the frame then awaits it from here on); `None` otherwise.
    fn materialize(&self, vm: &mut Vm, recv: &Value) -> Option<Value> {
        let _ = (vm, recv);
        None
    }
}

pub struct Vm {
    pub types: Rc<BuiltinTypes>,
    /// Built-in exception classes, indexed by `ExcKind as usize`.
    pub exc_types: Vec<Rc<PyType>>,
    pub builtins: Rc<PyDict>,
    /// `sys.modules`.
    pub modules: Rc<PyDict>,
    pub module_registry: HashMap<&'static str, ModuleInit>,
    /// Callers of the frame that is running (the running frame itself is held by the loop;
    /// it is pushed here while native code runs, so this is the whole stack then).
    pub frames: Vec<Box<Frame>>,
    /// Sources of the scripts loaded, by file name (tracebacks quote them).
    pub sources: HashMap<Rc<str>, Rc<SourceFile>>,
    pub out: Box<dyn OutputSink>,
    pub clock: Box<dyn Clock>,
    pub line_hook: Option<LineHook>,
    /// The line hook promises to do nothing for code whose file name starts with `<`
    /// (asyncio and loopscope's other built-in sources): their frames run as without a
    /// hook, fused paths included (a traced run spends most of its instructions there).
    pub line_hook_skips_builtin: bool,
    pub warnings: Rc<WarnQueue>,
    pub argv: Vec<String>,
    pub recursion_limit: usize,
    /// Nested interpreter loops on the Rust stack (native code calling Python).
    pub native_depth: usize,
    /// Instructions left in the whole-run budget.
    pub total_budget: u64,
    /// Instructions one event-loop callback may run before it is stopped for blocking the
    /// loop (0: no per-callback limit). The runtime arms it around each handle it runs.
    pub callback_budget: u64,
    /// How many callbacks `callback_budget` has stopped so far.
    pub callback_budget_stops: u32,
    /// Bytes the process may hold before the script gets a `MemoryError` (see `memory.rs`).
    pub memory_limit: usize,
    /// While a callback runs: the value of `total_budget` at which its budget is spent.
    pub callback_floor: u64,
    /// Who the running callback is, for the message: a task's name (str) or the callback.
    pub callback_label: Value,
    /// Instructions executed so far.
    pub executed: u64,
    next_id: Cell<u64>,
    /// Frames are numbered apart from objects: CPython 3.11's frames live in its data stack,
    /// not on the heap, so a call takes no address, and ids stand in for addresses (sets
    /// iterate in their order). Instrumentation (`--handles`, tracing) calls Python code that
    /// a plain run does not; with frames apart it leaves the objects' ids as they were.
    next_frame_id: Cell<u64>,
    /// Frame that a suspended top-level run will continue (after fuel ran out).
    pub(crate) paused: Option<interp::Paused>,
    /// Finished frames kept for reuse.
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// A spare argument vector for calls of built-in functions from the loop (no allocation
    /// per call).
    pub(crate) arg_pool: Vec<Value>,
    /// Containers being repr'd (recursive reprs print `[...]`).
    pub repr_guard: Vec<usize>,
    /// Warnings already shown (CPython shows each location once).
    pub warned: Vec<String>,
    /// Tracebacks are being drawn by traceback.py (`print_exc`, logging, `format_tb`), not by
    /// CPython's C printer of uncaught exceptions: the two differ in whitespace (see
    /// `Vm::frame_summary`).
    pub(crate) tb_by_python: std::cell::Cell<bool>,
    /// `cls.__subclasses__()`: each class's direct subclasses by the class's id, in creation
    /// order, held weakly (a class that dies leaves the list, as in CPython).
    pub subclasses: RefCell<HashMap<u64, Vec<std::rc::Weak<PyType>>>>,
    /// Built-in types made the first time a script needs one (`mappingproxy`,
    /// `member_descriptor`: see `class_dict.rs`), not at start-up.
    pub(crate) lazy_types: RefCell<Vec<(&'static str, Rc<PyType>)>>,
    /// Async generators whose first `asend`/`athrow`/`__anext__` was created since the asyncio
    /// runtime last looked (its stand-in for `sys.set_asyncgen_hooks(firstiter=...)`).
    pub agen_first_iter: RefCell<Vec<Value>>,
    /// How many async generators the runtime watches for finalization (0: nothing to poll).
    pub agens_tracked: std::cell::Cell<usize>,
    /// The thread model (see [`Threads`]); `None` until a script imports threads.
    pub threads: Option<Rc<dyn Threads>>,
    /// `await` on awaitables a runtime implements natively (asyncio's FutureIter), asked
    /// before the generic `__await__`/`__next__` protocol; `None` until one is installed.
    pub await_hook: Option<Rc<dyn AwaitHook>>,
    /// `sys.set_coroutine_origin_tracking_depth`: how many frames a new coroutine records
    /// as its `cr_origin` (0: none).
    pub coro_origin_depth: usize,
    /// The frames a coroutine made now records (innermost first, at most
    /// `coro_origin_depth`), as the runtime tells them: asyncio's own frames carry CPython's
    /// files and lines. `None`: the VM's frames as they are.
    pub coro_origin_hook: Option<fn(&Vm) -> Vec<coro::OriginFrame>>,
    /// When above `callback_floor`: the `total_budget` level at which the running loop calls
    /// `threads.slice` (or, without threads, just sets the next level).
    pub slice_floor: u64,
    /// Set by the loop when it stopped at `slice_floor` (rather than out of fuel).
    pub(crate) slice_due: bool,
}

/// Instructions between two looks of a running loop at `Vm::threads` while there is no
/// thread model (one loop re-entry per this many instructions: no measurable cost).
pub const SLICE_PROBE: u64 = 10_000;

/// Instructions a callback stopped at its budget may still run to unwind (handlers, `finally`,
/// the task recording its exception); past them it is stopped again.
pub const CALLBACK_GRACE: u64 = 100_000;

/// Limit on nested interpreter loops on the Rust stack (native code calling Python code).
pub const MAX_NATIVE_DEPTH: usize = 120;

impl Vm {
    pub fn new() -> Vm {
        // The int <-> str digit limit is per thread (formatting reads it without a VM): a new
        // VM starts from CPython's default, whatever an earlier script on this thread set.
        long::set_max_str_digits(long::DEFAULT_MAX_STR_DIGITS);
        let (types, exc_types) = builtins::make_types();
        let mut vm = Vm {
            types: Rc::new(types),
            exc_types,
            builtins: Rc::new(PyDict::new()),
            modules: Rc::new(PyDict::new()),
            module_registry: HashMap::new(),
            frames: Vec::new(),
            sources: HashMap::new(),
            out: Box::new(api::StdoutSink),
            clock: Box::new(VirtualClock::default()),
            line_hook: None,
            line_hook_skips_builtin: false,
            warnings: Rc::new(WarnQueue::default()),
            argv: Vec::new(),
            recursion_limit: 1000,
            native_depth: 0,
            total_budget: 2_000_000_000,
            callback_budget: 0,
            callback_budget_stops: 0,
            memory_limit: memory::DEFAULT_LIMIT,
            callback_floor: 0,
            callback_label: Value::None,
            executed: 0,
            next_id: Cell::new(1),
            next_frame_id: Cell::new(1),
            paused: None,
            repr_guard: Vec::new(),
            frame_pool: Vec::new(),
            arg_pool: Vec::new(),
            warned: Vec::new(),
            tb_by_python: std::cell::Cell::new(false),
            subclasses: RefCell::new(HashMap::new()),
            lazy_types: RefCell::new(Vec::new()),
            agen_first_iter: RefCell::new(Vec::new()),
            agens_tracked: std::cell::Cell::new(0),
            threads: None,
            await_hook: None,
            coro_origin_depth: 0,
            coro_origin_hook: None,
            // The first loop looks at once, then every SLICE_PROBE instructions.
            slice_floor: u64::MAX,
            slice_due: false,
        };
        builtins::register_all(&mut vm);
        crate::modules::register_modules(&mut vm);
        finalize::register(&vm.warnings);
        vm
    }

    pub fn next_id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    /// A number for a new frame (tracebacks and the tracer tell frames apart by it).
    #[inline]
    pub fn next_frame_id(&self) -> u64 {
        let id = self.next_frame_id.get();
        self.next_frame_id.set(id + 1);
        id
    }

    /// Run `f` without moving the object id counter: for instrumentation (`--handles` lines,
    /// what only tracing runs) whose objects (a caught AttributeError, a comprehension's
    /// function) would otherwise shift the ids of everything the script creates later, and
    /// with them the order of sets of tasks. Whatever `f` makes must not outlive it.
    pub fn with_ids_kept<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        let saved = self.next_id.get();
        let r = f(self);
        self.next_id.set(saved);
        r
    }

    // ---- errors ----

    pub fn exc_type(&self, kind: ExcKind) -> Rc<PyType> {
        self.exc_types[kind as usize].clone()
    }
    /// A new exception instance of a built-in class with a message (or no args when empty
    /// message is wanted, use `new_error_args`).
    pub fn new_error(&self, kind: ExcKind, msg: impl Into<String>) -> Exc {
        let cls = self.exc_type(kind);
        self.new_exception(&cls, vec![Value::string(msg.into())])
    }
    pub fn new_error_args(&self, kind: ExcKind, args: Vec<Value>) -> Exc {
        let cls = self.exc_type(kind);
        self.new_exception(&cls, args)
    }
    /// An instance of exception class `cls` with `args` (no `__init__` is run).
    pub fn new_exception(&self, cls: &Rc<PyType>, args: Vec<Value>) -> Exc {
        Rc::new(PyInstance {
            cls: RefCell::new(cls.clone()),
            dict: RefCell::new(StrMap::new()),
            ext: object::Ext::Exc(Box::new(RefCell::new(exceptions::ExcData {
                args: Value::tuple(args),
                ..Default::default()
            }))),
            id: self.next_id(),
        })
    }
    pub fn type_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(ExcKind::TypeError, msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(ExcKind::ValueError, msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(ExcKind::IndexError, msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(ExcKind::RuntimeError, msg)
    }

    /// The exception being handled (`sys.exception()`): the innermost frame's `except`.
    pub fn handled_exception(&self) -> Option<Exc> {
        self.frames.iter().rev().find_map(|f| f.handled.clone())
    }

    /// Start an event-loop callback's instruction budget (no-op when `callback_budget` is
    /// 0). `label` names it in the message: a task's name, or the callback.
    pub fn arm_callback_budget(&mut self, label: Value) {
        // The label also says a callback is running (debug mode's stacks show CPython's
        // `Handle._run` frame then, even under a native callback).
        self.callback_label = label;
        if self.callback_budget == 0 {
            return;
        }
        // A budget larger than what the whole run has left leaves the run's limit in charge.
        self.callback_floor = self.total_budget.saturating_sub(self.callback_budget);
    }

    /// The callback returned to the loop: its budget no longer applies.
    pub fn disarm_callback_budget(&mut self) {
        self.callback_floor = 0;
        self.callback_label = Value::None;
    }

    /// What stops a script that used up its budget: the running callback's, when one is
    /// armed, with what it teaches (a task that never awaits blocks the loop), else the run's.
    pub(crate) fn budget_error(&mut self) -> Exc {
        if self.callback_floor == 0 {
            return self.runtime_error(
                "loopscope: instruction budget exhausted (the script ran too long)",
            );
        }
        self.callback_budget_stops += 1;
        // The error still has to travel: handlers, `finally` blocks and the task's own
        // `set_exception` run after it, often in another run of the interpreter. They get a
        // little budget of their own; without it the next instruction raised again, the task
        // never finished and the loop reported a deadlock.
        self.callback_floor = self.total_budget.saturating_sub(CALLBACK_GRACE).max(1);
        let n = group_thousands(self.callback_budget);
        let label = match &self.callback_label {
            Value::Str(_) => self.callback_label.clone(),
            cb => task_name_of_step(cb),
        };
        let msg = match &label {
            Value::Str(name) => format!(
                "{} ran {n} instructions without awaiting: this blocks the event loop \
                 (loopscope stops a callback at its per-callback budget)",
                name.as_str()
            ),
            _ => format!(
                "a callback ran {n} instructions without returning: this blocks the event loop \
                 (loopscope stops a callback at its per-callback budget)"
            ),
        };
        self.runtime_error(msg)
    }
    pub fn attr_error(&self, msg: impl Into<String>) -> Exc {
        self.new_error(ExcKind::AttributeError, msg)
    }
    pub fn zero_div(&self, msg: &str) -> Exc {
        self.new_error(ExcKind::ZeroDivisionError, msg)
    }
    /// Is `exc` an instance of the built-in class `kind` (or a subclass)?
    pub fn exc_matches(&self, exc: &Exc, kind: ExcKind) -> bool {
        exc.class().is_subtype(&self.exc_types[kind as usize])
    }

    // ---- registration ----

    /// A built-in function (no type owns it); `module` names the module it belongs to, which
    /// makes it no descriptor (see `PyBuiltin::is_module_function`).
    fn function_value(name: &str, imp: NativeImpl, module: Option<Rc<str>>) -> Value {
        Value::Builtin(Rc::new(PyBuiltin {
            name: Rc::from(name),
            imp,
            bound: None,
            special: Special::None,
            owner: None,
            module,
        }))
    }
    pub fn new_builtin(&self, name: &str, f: NativeFn) -> Value {
        Self::function_value(name, NativeImpl::Fn(f), None)
    }
    /// A native function backed by a Rust closure (for natives that carry data).
    pub fn new_closure(
        &self,
        name: &str,
        f: impl Fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value> + 'static,
    ) -> Value {
        Self::function_value(name, NativeImpl::Closure(Rc::new(f)), None)
    }
    /// A function of the `builtins` module: like any module's built-in function it is no
    /// descriptor (`class A: f = len` leaves `A().f` the plain `len`).
    pub fn add_builtin(&mut self, name: &str, f: NativeFn) {
        let v = Self::function_value(name, NativeImpl::Fn(f), Some(Rc::from("builtins")));
        self.builtins.set_str(name, v);
    }
    pub fn add_method(&self, ty: &Rc<PyType>, name: &str, f: NativeFn) {
        self.add_method_special(ty, name, f, Special::None)
    }
    pub fn add_method_special(&self, ty: &Rc<PyType>, name: &str, f: NativeFn, sp: Special) {
        let v = Value::Builtin(Rc::new(PyBuiltin {
            name: Rc::from(name),
            imp: NativeImpl::Fn(f),
            bound: None,
            special: sp,
            owner: Some(ty.name()),
            module: None,
        }));
        ty.dict.borrow_mut().set(name, v);
    }
    pub fn add_methods(&self, ty: &Rc<PyType>, methods: &[(&str, NativeFn)]) {
        for (n, f) in methods {
            self.add_method(ty, n, *f);
        }
    }
    /// A read-only (or read-write) attribute computed by Rust code.
    pub fn add_getset(
        &self,
        ty: &Rc<PyType>,
        name: &str,
        get: object::Getter,
        set: Option<object::Setter>,
    ) {
        let d = self
            .types
            .misc
            .get("getset_descriptor")
            .cloned()
            .unwrap_or(self.types.object.clone());
        let v = Value::Native(Rc::new(object::NativeObj {
            cls: d,
            data: object::NativeData::GetSet {
                name: Rc::from(name),
                get,
                set,
            },
        }));
        ty.dict.borrow_mut().set(name, v);
    }
    pub fn add_static(&self, ty: &Rc<PyType>, name: &str, f: NativeFn) {
        let inner = self.new_builtin(name, f);
        let v = Value::Native(Rc::new(object::NativeObj {
            cls: self.types.staticmethod.clone(),
            data: object::NativeData::StaticMethod(inner),
        }));
        ty.dict.borrow_mut().set(name, v);
    }
    pub fn add_classmethod(&self, ty: &Rc<PyType>, name: &str, f: NativeFn) {
        let inner = self.new_builtin(name, f);
        let v = Value::Native(Rc::new(object::NativeObj {
            cls: self.types.classmethod.clone(),
            data: object::NativeData::ClassMethod(inner),
        }));
        ty.dict.borrow_mut().set(name, v);
    }

    pub fn register_module(&mut self, name: &'static str, init: ModuleInit) {
        self.module_registry.insert(name, init);
    }
    pub fn new_module(&self, name: &str) -> Rc<PyModule> {
        let d = Rc::new(PyDict::new());
        d.set_str("__name__", Value::str(name));
        d.set_str("__doc__", Value::None);
        Rc::new(PyModule {
            name: Rc::from(name),
            dict: d,
        })
    }
    /// A module's built-in function backed by a Rust closure (`new_closure` with a module).
    pub fn new_module_closure(
        &self,
        m: &Rc<PyModule>,
        name: &str,
        f: impl Fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value> + 'static,
    ) -> Value {
        Self::function_value(name, NativeImpl::Closure(Rc::new(f)), Some(m.name.clone()))
    }
    pub fn module_add_fn(&self, m: &Rc<PyModule>, name: &str, f: NativeFn) {
        let v = Self::function_value(name, NativeImpl::Fn(f), Some(m.name.clone()));
        m.dict.set_str(name, v);
    }

    /// A class defined from Rust. `new` builds instances (inherited by Python subclasses).
    pub fn new_native_class(
        &self,
        name: &str,
        module: &str,
        bases: &[Rc<PyType>],
        new: Option<object::NativeNew>,
    ) -> PyResult<Rc<PyType>> {
        let bases: Vec<Rc<PyType>> = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases.to_vec()
        };
        let t = builtins::make_class(self, name, module, bases, StrMap::new(), new)?;
        Ok(t)
    }
    /// An instance of a native class carrying Rust data.
    pub fn new_native_instance(&self, cls: &Rc<PyType>, data: Box<dyn std::any::Any>) -> Value {
        Value::Instance(Rc::new(PyInstance {
            cls: RefCell::new(cls.clone()),
            dict: RefCell::new(StrMap::new()),
            ext: object::Ext::Native(Box::new(RefCell::new(data))),
            id: self.next_id(),
        }))
    }
    /// A plain object of a Python-level class (no `__init__` call).
    pub fn new_plain_instance(&self, cls: &Rc<PyType>) -> Value {
        let ext = match cls.layout {
            Layout::Exception => object::Ext::Exc(Box::new(RefCell::new(exceptions::ExcData {
                args: Value::tuple(vec![]),
                ..Default::default()
            }))),
            _ => object::Ext::None,
        };
        Value::Instance(Rc::new(PyInstance {
            cls: RefCell::new(cls.clone()),
            dict: RefCell::new(StrMap::new()),
            ext,
            id: self.next_id(),
        }))
    }

    /// Write to the script's stdout/stderr through the output sink.
    pub fn write_out(&mut self, stream: Stream, text: &str) {
        self.out.write(stream, text);
    }

    /// Print queued warnings (e.g. never-awaited coroutines) to stderr.
    pub fn flush_warnings(&mut self) {
        let loc = self
            .frames
            .last()
            .map(|f| (f.code.co.filename.clone(), f.line()));
        self.flush_warnings_at(loc);
    }

    /// Print queued warnings attributed to `loc` (file, line).
    pub fn flush_warnings_at(&mut self, loc: Option<(Rc<str>, u32)>) {
        if !self.warnings.pending.get() {
            return;
        }
        self.warnings.pending.set(false);
        let items: Vec<String> = std::mem::take(&mut *self.warnings.items.borrow_mut());
        for w in items {
            let text = self.format_warning(&w, loc.clone());
            self.write_out(Stream::Stderr, &text);
        }
        // Close dropped generators (one at a time: closing may drop more).
        loop {
            let next = self
                .warnings
                .finalize
                .try_borrow_mut()
                .ok()
                .and_then(|mut v| v.pop());
            let Some(g) = next else { break };
            let g = Rc::new(g);
            if let Err(e) = self.gen_method(&g, interp::ResumeHow::Close) {
                // CPython reports it at the statement that freed the generator.
                if let (Some(f), Some(d)) = (self.frames.last(), e.exc()) {
                    d.borrow_mut().tb.push(exceptions::TbEntry::new(
                        f.code.clone(),
                        f.lasti(),
                        f.id,
                    ));
                }
                let what = self.repr(&Value::Gen(g.clone())).unwrap_or_default();
                let tb = self.format_exception(&e);
                self.write_out(
                    Stream::Stderr,
                    &format!("Exception ignored in: {what}\n{tb}"),
                );
            }
        }
        self.run_finalizers();
        self.warnings.pending.set(false);
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}
