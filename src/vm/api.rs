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
        use std::io::Write;
        #[cfg(not(target_arch = "wasm32"))]
        {
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
    pub fn run_code(&mut self, code: Rc<crate::lang::bytecode::CodeObject>, fuel: u64) -> ModuleResult {
        let main = self.new_module("__main__");
        main.dict.set_str("__builtins__", Value::Module(self.builtins_module()));
        main.dict.set_str("__file__", Value::str(&code.filename));
        self.modules.set_str("__main__", Value::Module(main.clone()));
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

    /// Continue a run that stopped because its fuel ran out.
    pub fn continue_module(&mut self, fuel: u64) -> ModuleResult {
        let Some(p) = self.paused.take() else { return ModuleResult::Done };
        let Some(f) = self.frames.pop() else { return ModuleResult::Done };
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
            CallOut::Frame(_) | CallOut::GenFrame(_) => return ResumeResult::Raised(self.runtime_error("unexpected frame")),
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
        let Some(p) = self.paused.take() else { return ResumeResult::Returned(Value::None) };
        let Some(f) = self.frames.pop() else { return ResumeResult::Returned(Value::None) };
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
        let m = Rc::new(super::PyModule { name: Rc::from("builtins"), dict: self.builtins.clone() });
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
    RunOutcome { stdout, stderr, exit_code: code }
}

/// Parse, compile and run `text` in `vm`; returns the process exit code.
pub fn run_in_vm(vm: &mut Vm, name: &str, text: &str, args: &[String]) -> i32 {
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
    let budget = vm.total_budget;
    match vm.run_code(code, budget) {
        ModuleResult::Done => 0,
        ModuleResult::Raised(e) => vm.report_uncaught(&e),
        ModuleResult::OutOfFuel => {
            vm.write_out(Stream::Stderr, "loopscope: the script ran out of fuel\n");
            1
        }
    }
}
