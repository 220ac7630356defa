//! The embedding API: run a script, call Python callables from Rust, resume generators and
//! coroutines one step at a time with fuel, output sinks and hooks. This is what the asyncio
//! runtime and the CLI use.

use super::coro::PyGen;
use super::frame::Entry;
use super::interp::{CallOut, Exit};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::lang::span::SourceFile;
use std::cell::RefCell;
use std::rc::Rc;

/// Which console stream a write goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Where `print` and tracebacks go. The runtime can wrap this to timestamp console lines.
pub trait OutputSink {
    fn write(&mut self, stream: Stream, text: &str);
}

/// Writes to the process's stdout/stderr (native CLI).
pub struct StdoutSink;

impl OutputSink for StdoutSink {
    fn write(&mut self, stream: Stream, text: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            use std::io::Write;
            match stream {
                Stream::Stdout => {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                }
                Stream::Stderr => {
                    let _ = std::io::stdout().flush();
                    let _ = std::io::stderr().write_all(text.as_bytes());
                }
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = (stream, text);
        }
    }
}

/// Collects output in memory (tests, the web app).
#[derive(Clone, Default)]
pub struct CaptureSink {
    pub out: Rc<RefCell<String>>,
    pub err: Rc<RefCell<String>>,
}

impl OutputSink for CaptureSink {
    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => self.out.borrow_mut().push_str(text),
            Stream::Stderr => self.err.borrow_mut().push_str(text),
        }
    }
}

/// How to resume a generator or coroutine.
pub enum Resume {
    Send(Value),
    Throw(Exc),
}

/// What one resumption did.
pub enum ResumeResult {
    Yielded(Value),
    Returned(Value),
    Raised(Exc),
    /// The fuel ran out mid-step: call `Vm::continue_run` to go on.
    OutOfFuel,
}

/// The result of running a whole script.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// The outcome of running module code or continuing a paused run.
pub enum ModuleResult {
    Done,
    Raised(Exc),
    OutOfFuel,
}

impl Vm {
    /// Compile-free entry: run a compiled module code object as `__main__`.
    pub fn run_code(
        &mut self,
        code: Rc<crate::lang::bytecode::CodeObject>,
        fuel: u64,
    ) -> ModuleResult {
        let main = self.new_module("__main__");
        main.dict
            .set_str("__builtins__", Value::Module(self.builtins_module()));
        main.dict.set_str("__file__", Value::str(&code.filename));
        self.modules
            .set_str("__main__", Value::Module(main.clone()));
        let pc = Rc::new(super::object::PyCode::new(code));
        let mut f = self.new_frame(pc, main.dict.clone(), vec![], vec![], None);
        f.locals_dict = Some(main.dict.clone());
        f.entry = Entry::Barrier;
        let base = self.frames.len();
        let mut fuel = fuel;
        let r = self.run_loop(f, base, &mut fuel);
        self.module_result(r)
    }

    fn module_result(&mut self, r: Exit) -> ModuleResult {
        self.flush_warnings();
        match r {
            Exit::Return(_) | Exit::Yield(_) => ModuleResult::Done,
            Exit::Raise(e) => ModuleResult::Raised(e),
            Exit::OutOfFuel => ModuleResult::OutOfFuel,
        }
    }

    /// Interpreter shutdown as CPython's usually goes for `__main__`: removed from
    /// `sys.modules`, the module dies and its globals go in insertion order (`dict_dealloc`,
    /// or the final collection when functions keep the dict alive), so suspended generators
    /// the script still held are closed (their `finally` blocks run) and unawaited coroutines
    /// warn. (CPython's `_PyModule_ClearDict`, which clears `_`-names first, runs only for a
    /// module something else still holds.)
    pub fn clear_main_module(&mut self) {
        let Some(Value::Module(main)) = self.modules.get_str("__main__") else {
            return;
        };
        let keys: Vec<Value> = main
            .dict
            .t
            .borrow()
            .items()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        for k in keys {
            if matches!(&k, Value::Str(s) if &*s.s == "__builtins__") {
                continue;
            }
            main.dict.set_pystr_value(k, Value::None);
            self.flush_warnings_at(None);
        }
    }

    /// Continue a run that stopped because its fuel ran out.
    pub fn continue_module(&mut self, fuel: u64) -> ModuleResult {
        let Some(p) = self.paused.take() else {
            return ModuleResult::Done;
        };
        let Some(f) = self.frames.pop() else {
            return ModuleResult::Done;
        };
        let mut fuel = fuel;
        let r = self.run_loop(f, p.base, &mut fuel);
        self.module_result(r)
    }

    /// Resume a generator/coroutine one step (until it yields, returns or raises), with a
    /// step budget. Never recurses on the Rust stack for nested generators.
    pub fn resume(&mut self, gen: &Value, how: Resume, fuel: u64) -> ResumeResult {
        let Value::Gen(g) = gen else {
            return ResumeResult::Raised(self.type_error(format!(
                "resume() needs a generator or coroutine, not {}",
                self.type_name(gen)
            )));
        };
        let g: Rc<PyGen> = g.clone();
        let how = match how {
            Resume::Send(v) => super::interp::ResumeHow::Send(v),
            Resume::Throw(e) => super::interp::ResumeHow::Throw(e),
        };
        let out = match self.gen_resume_frames(&g, how, Entry::Barrier) {
            Ok(o) => o,
            Err(e) => {
                if self.exc_matches(&e, super::ExcKind::StopIteration) {
                    return ResumeResult::Returned(super::exceptions::stop_value(&e));
                }
                return ResumeResult::Raised(e);
            }
        };
        let r = match out.normalize() {
            CallOut::Value(v) => return ResumeResult::Returned(v),
            CallOut::Frame(_) | CallOut::GenFrame(_) => {
                return ResumeResult::Raised(self.runtime_error("unexpected frame"))
            }
            CallOut::Gen(frames, exc) => self.run_gen_frames(frames, exc, fuel),
        };
        self.flush_warnings();
        match r {
            Ok(Exit::Yield(v)) => ResumeResult::Yielded(v),
            Ok(Exit::Return(v)) => ResumeResult::Returned(v),
            Ok(Exit::Raise(e)) => ResumeResult::Raised(e),
            Ok(Exit::OutOfFuel) => ResumeResult::OutOfFuel,
            Err(e) => ResumeResult::Raised(e),
        }
    }

    /// Continue a `resume` that ran out of fuel.
    pub fn continue_resume(&mut self, fuel: u64) -> ResumeResult {
        let Some(p) = self.paused.take() else {
            return ResumeResult::Returned(Value::None);
        };
        let Some(f) = self.frames.pop() else {
            return ResumeResult::Returned(Value::None);
        };
        let mut fuel = fuel;
        match self.run_loop(f, p.base, &mut fuel) {
            Exit::Yield(v) => ResumeResult::Yielded(v),
            Exit::Return(v) => ResumeResult::Returned(v),
            Exit::Raise(e) => ResumeResult::Raised(e),
            Exit::OutOfFuel => ResumeResult::OutOfFuel,
        }
    }

    /// The `builtins` module object.
    pub fn builtins_module(&mut self) -> Rc<super::PyModule> {
        if let Some(Value::Module(m)) = self.modules.get_str("builtins") {
            return m;
        }
        let m = Rc::new(super::PyModule {
            name: Rc::from("builtins"),
            dict: self.builtins.clone(),
        });
        self.modules.set_str("builtins", Value::Module(m.clone()));
        m
    }

    /// Register a script's source so tracebacks can quote it.
    pub fn add_source(&mut self, src: Rc<SourceFile>) {
        self.sources.insert(Rc::from(src.name.as_str()), src);
    }

    /// Exit code and stderr text for an exception that ended the script (SystemExit aware).
    pub fn report_uncaught(&mut self, e: &Exc) -> i32 {
        if self.exc_matches(e, super::ExcKind::SystemExit) {
            let code = match e.exc().map(|d| d.borrow().args.clone()) {
                Some(Value::Tuple(t)) => t.items.first().cloned().unwrap_or(Value::None),
                _ => Value::None,
            };
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let s = self.str_of(&other).unwrap_or_default();
                    self.write_out(Stream::Stderr, &format!("{s}\n"));
                    1
                }
            };
        }
        self.print_exception(e);
        1
    }

    /// Call a callable with an explicit step budget for the Python frames it pushes.
    pub fn call_with_fuel(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        let out = self.prepare_call(f, args.to_vec(), &[])?;
        self.finish_call_out(out)
    }
}

impl Vm {
    /// Parse, compile and run `text` as `__main__` (no fuel limit beyond the run budget).
    /// Syntax errors come back as CPython's rendered text.
    pub fn exec_main(&mut self, name: &str, text: &str) -> Result<ModuleResult, String> {
        let src = Rc::new(SourceFile::new(name, text));
        self.add_source(src.clone());
        let code = super::anchors::compile_source(&src)?;
        let budget = self.total_budget;
        Ok(self.run_code(code, budget))
    }

    /// `__main__`'s globals (after `exec_main`/`run_code`).
    pub fn main_globals(&self) -> Option<Rc<super::dict::PyDict>> {
        match self.modules.get_str("__main__") {
            Some(Value::Module(m)) => Some(m.dict.clone()),
            _ => None,
        }
    }
}

/// `~~~^^^` anchors for a traceback segment: (left_end, right_start) in characters, for binary
/// operators and subscripts, as CPython 3.11's `_extract_caret_anchors_from_line_segment`.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    super::anchors::caret_anchors(segment)
}

/// Run a script in-process and capture what it prints.
pub fn run_source(name: &str, text: &str, args: &[String]) -> RunOutcome {
    let sink = CaptureSink::default();
    let mut vm = Vm::new();
    vm.out = Box::new(sink.clone());
    let code = run_in_vm(&mut vm, name, text, args);
    let stdout = sink.out.borrow().clone();
    let stderr = sink.err.borrow().clone();
    RunOutcome {
        stdout,
        stderr,
        exit_code: code,
    }
}

/// Parse, compile and run `text` in `vm`; returns the process exit code.
pub fn run_in_vm(vm: &mut Vm, name: &str, text: &str, args: &[String]) -> i32 {
    run_in_vm_with_exit(vm, name, text, args, &mut |_| {})
}

/// [`run_in_vm`], calling `at_exit` where CPython's shutdown collects reference cycles: after
/// the threads are joined, before `__main__`'s globals are cleared (asyncio reports the tasks
/// and futures still alive there, and its handlers may still use the script's globals).
pub fn run_in_vm_with_exit(
    vm: &mut Vm,
    name: &str,
    text: &str,
    args: &[String],
    at_exit: &mut dyn FnMut(&mut Vm),
) -> i32 {
    let src = Rc::new(SourceFile::new(name, text));
    vm.add_source(src.clone());
    let mut argv = vec![name.to_string()];
    argv.extend(args.iter().cloned());
    vm.argv = argv;
    let code = match super::anchors::compile_source(&src) {
        Ok(c) => c,
        Err(msg) => {
            vm.write_out(Stream::Stderr, &msg);
            return 1;
        }
    };
    for (line, msg) in crate::lang::compiler::take_syntax_warnings() {
        let text = src.line_text(line).unwrap_or("").trim();
        vm.write_out(
            Stream::Stderr,
            &format!("{name}:{line}: SyntaxWarning: {msg}\n  {text}\n"),
        );
    }
    let budget = vm.total_budget;
    // An uncaught exception stays alive until shutdown, as CPython keeps it in
    // `sys.last_value`: the frames its traceback holds keep their locals until then.
    let (code, last_value) = match vm.run_code(code, budget) {
        ModuleResult::Done => (0, None),
        ModuleResult::Raised(e) => (vm.report_uncaught(&e), Some(e)),
        ModuleResult::OutOfFuel => {
            vm.write_out(Stream::Stderr, "loopscope: the script ran out of fuel\n");
            at_exit(vm);
            return 1;
        }
    };
    // As CPython's shutdown: wait for non-daemon threads, run the atexit callbacks, then
    // (finalize_modules) drop `sys.last_value` and tear down __main__, which finalizes what
    // the traceback's frames and the script's globals still held.
    join_threads_at_exit(vm);
    run_atexit(vm);
    at_exit(vm);
    drop(last_value);
    vm.flush_warnings_at(None);
    vm.clear_main_module();
    code
}

/// The `atexit` callbacks (logging's `shutdown` among them), which CPython runs after joining
/// the threads and before tearing the modules down.
fn run_atexit(vm: &mut Vm) {
    let Some(Value::Module(m)) = vm.modules.get_str("atexit") else {
        return;
    };
    if let Some(f) = m.dict.get_str("_run_exitfuncs") {
        if let Err(e) = vm.call(&f, &[], &[]) {
            vm.print_exception(&e);
        }
    }
}

/// CPython's interpreter waits for non-daemon threads once the main script is done
/// (`threading._shutdown`).
fn join_threads_at_exit(vm: &mut Vm) {
    let Some(Value::Module(m)) = vm.modules.get_str("threading") else {
        return;
    };
    if let Some(f) = m.dict.get_str("_shutdown") {
        if let Err(e) = vm.call(&f, &[], &[]) {
            vm.print_exception(&e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::object::NativeData;
    use crate::vm::ExcKind;

    fn vm_with(src: &str) -> (Vm, CaptureSink) {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        match vm.exec_main("t.py", src) {
            Ok(ModuleResult::Done) => {}
            Ok(ModuleResult::Raised(e)) => {
                let t = vm.format_exception(&e);
                panic!("script raised: {t}");
            }
            Ok(ModuleResult::OutOfFuel) => panic!("out of fuel"),
            Err(e) => panic!("syntax error: {e}"),
        }
        (vm, sink)
    }

    fn global(vm: &Vm, name: &str) -> Value {
        vm.main_globals()
            .and_then(|g| g.get_str(name))
            .unwrap_or(Value::None)
    }

    #[test]
    fn call_python_from_rust() {
        let (mut vm, _) = vm_with("def add(a, b=10, *, c=0):\n    return a + b + c\n");
        let f = global(&vm, "add");
        let r = vm
            .call(&f, &[Value::Int(1)], &[(Rc::from("c"), Value::Int(5))])
            .ok();
        assert!(matches!(r, Some(Value::Int(16))));
    }

    #[test]
    fn resume_coroutine_step_by_step_with_fuel() {
        let (mut vm, sink) = vm_with(
            "import types\n@types.coroutine\ndef pause(x):\n    return (yield x)\nasync def work():\n    total = 0\n    for i in range(100):\n        total += i\n    got = await pause('p1')\n    print('got', got)\n    return total + got\n",
        );
        let work = global(&vm, "work");
        let coro = vm.call(&work, &[], &[]).ok().unwrap_or(Value::None);
        // A tiny budget: the first step runs out of fuel inside the loop, then continues.
        let mut r = vm.resume(&coro, Resume::Send(Value::None), 50);
        let mut pauses = 0;
        while let ResumeResult::OutOfFuel = r {
            pauses += 1;
            r = vm.continue_resume(50);
        }
        assert!(pauses > 3);
        match r {
            ResumeResult::Yielded(Value::Str(s)) => assert_eq!(&*s.s, "p1"),
            _ => panic!("expected a yield"),
        }
        match vm.resume(&coro, Resume::Send(Value::Int(7)), u64::MAX) {
            ResumeResult::Returned(Value::Int(n)) => assert_eq!(n, 4950 + 7),
            _ => panic!("expected a return"),
        }
        assert_eq!(sink.out.borrow().as_str(), "got 7\n");
        // Resuming a finished coroutine is an error, as in CPython.
        match vm.resume(&coro, Resume::Send(Value::None), u64::MAX) {
            ResumeResult::Raised(e) => assert!(vm.exc_matches(&e, ExcKind::RuntimeError)),
            _ => panic!("expected RuntimeError"),
        }
    }

    #[test]
    fn throw_into_a_coroutine() {
        let (mut vm, _) = vm_with(
            "import types\n@types.coroutine\ndef pause():\n    yield 'waiting'\nasync def w():\n    try:\n        await pause()\n    except KeyError as e:\n        return 'caught ' + str(e)\n",
        );
        let w = global(&vm, "w");
        let coro = vm.call(&w, &[], &[]).ok().unwrap_or(Value::None);
        assert!(matches!(
            vm.resume(&coro, Resume::Send(Value::None), u64::MAX),
            ResumeResult::Yielded(_)
        ));
        let exc = vm.new_error_args(ExcKind::KeyError, vec![Value::str("k")]);
        match vm.resume(&coro, Resume::Throw(exc), u64::MAX) {
            ResumeResult::Returned(Value::Str(s)) => assert_eq!(&*s.s, "caught 'k'"),
            _ => panic!("expected a return"),
        }
    }

    /// A future-like native class: `await fut` yields the future once, then returns its result.
    struct FutData {
        result: Option<Value>,
    }
    struct FutIter {
        fut: Value,
        yielded: bool,
    }

    fn fut_new(
        vm: &mut Vm,
        cls: &Rc<crate::vm::PyType>,
        _a: &[Value],
        _k: &crate::vm::KwArgs,
    ) -> PyResult<Value> {
        Ok(vm.new_native_instance(cls, Box::new(FutData { result: None })))
    }
    fn fut_await(vm: &mut Vm, a: &[Value], _k: &crate::vm::KwArgs) -> PyResult<Value> {
        let fut = a[0].clone();
        Ok(vm.new_native(
            "generic_native",
            NativeData::Any(std::cell::RefCell::new(Box::new(FutIter {
                fut,
                yielded: false,
            }))),
        ))
    }
    fn fut_iter_next(vm: &mut Vm, a: &[Value], _k: &crate::vm::KwArgs) -> PyResult<Value> {
        let Value::Native(n) = &a[0] else {
            return Err(vm.type_error("bad"));
        };
        let (fut, first) = {
            let Some(mut it) = n.any::<FutIter>() else {
                return Err(vm.type_error("bad"));
            };
            let first = !it.yielded;
            it.yielded = true;
            (it.fut.clone(), first)
        };
        if first {
            return Ok(fut);
        }
        let result = match &fut {
            Value::Instance(i) => i.native::<FutData>().and_then(|d| d.result.clone()),
            _ => None,
        };
        Err(vm.new_error_args(ExcKind::StopIteration, vec![result.unwrap_or(Value::None)]))
    }

    #[test]
    fn native_awaitable_class() {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        let cls = vm
            .new_native_class("Fut", "test", &[], Some(fut_new))
            .ok()
            .unwrap_or_else(|| vm.types.object.clone());
        vm.add_method(&cls, "__await__", fut_await);
        let it_cls = vm
            .types
            .misc
            .get("generic_native")
            .cloned()
            .unwrap_or_else(|| vm.types.object.clone());
        vm.add_method(&it_cls, "__next__", fut_iter_next);
        vm.builtins.set_str("Fut", Value::Type(cls));
        let r = vm.exec_main("t.py", "fut = Fut()\nasync def main():\n    v = await fut\n    print('result', v)\n    return v\nco = main()\n");
        assert!(matches!(r, Ok(ModuleResult::Done)));
        let co = global(&vm, "co");
        let fut = global(&vm, "fut");
        match vm.resume(&co, Resume::Send(Value::None), u64::MAX) {
            ResumeResult::Yielded(v) => assert!(v.is(&fut)),
            _ => panic!("expected the future to be yielded"),
        }
        if let Value::Instance(i) = &fut {
            if let Some(mut d) = i.native::<FutData>() {
                d.result = Some(Value::Int(42));
            }
        }
        assert!(matches!(
            vm.resume(&co, Resume::Send(Value::None), u64::MAX),
            ResumeResult::Returned(Value::Int(42))
        ));
        assert_eq!(sink.out.borrow().as_str(), "result 42\n");
    }

    #[test]
    fn line_hook_sees_lines() {
        let mut vm = Vm::new();
        vm.out = Box::new(CaptureSink::default());
        let lines = Rc::new(RefCell::new(Vec::new()));
        let l2 = lines.clone();
        vm.line_hook = Some(Box::new(move |_id, _code, line| l2.borrow_mut().push(line)));
        let r = vm.exec_main("t.py", "x = 1\ny = 2\nif x:\n    z = 3\n");
        assert!(matches!(r, Ok(ModuleResult::Done)));
        assert_eq!(*lines.borrow(), vec![1, 2, 3, 4]);
    }

    #[test]
    fn virtual_clock() {
        let (_vm, sink) = vm_with("import time\nt0 = time.time()\ntime.sleep(1.5)\nprint(t0, time.monotonic(), time.perf_counter())\n");
        assert_eq!(sink.out.borrow().as_str(), "0.0 1.5 1.5\n");
    }

    #[test]
    fn an_armed_callback_budget_names_the_task_that_blocks_the_loop() {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        vm.callback_budget = 10_000;
        vm.arm_callback_budget(Value::string("Task-2".to_string()));
        let r = vm.exec_main("t.py", "n = 0\nwhile True:\n    n += 1\n");
        match r {
            Ok(ModuleResult::Raised(e)) => {
                let t = vm.format_exception(&e);
                assert!(
                    t.contains("RuntimeError: Task-2 ran 10,000 instructions without awaiting: this blocks the event loop"),
                    "{t}"
                );
                assert!(t.contains("line 3"), "{t}");
            }
            _ => panic!("expected the callback budget error"),
        }
        vm.disarm_callback_budget();
        assert_eq!(vm.callback_floor, 0);
        assert_eq!(crate::vm::group_thousands(1234567), "1,234,567");
        assert_eq!(crate::vm::group_thousands(999), "999");
    }

    #[test]
    fn whole_run_budget_is_a_clear_error() {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        vm.total_budget = 10_000;
        let r = vm.exec_main("t.py", "while True:\n    pass\n");
        match r {
            Ok(ModuleResult::Raised(e)) => {
                let t = vm.format_exception(&e);
                assert!(t.contains("instruction budget exhausted"), "{t}");
            }
            _ => panic!("expected the budget error"),
        }
    }
}
