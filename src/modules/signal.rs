//! `_signal`, what CPython's own `signal.py` (src/modules/signal.py, unchanged) wraps: Linux's
//! signal numbers (generated from CPython's `_signal`), `signal`/`getsignal` over a per-VM
//! handler table that starts as CPython's does (SIGINT: `default_int_handler`, SIGPIPE and
//! SIGXFSZ ignored), `strsignal` (glibc's texts), `valid_signals` and `raise_signal`.
//!
//! No signal comes from outside a run (there is no terminal and no other process), so the only
//! delivery is `raise_signal`, handled as CPython does at once: a Python handler is called
//! with the number and the caller's frame, `default_int_handler` raises KeyboardInterrupt,
//! SIG_IGN and the default action of a signal whose default is to ignore it do nothing. The
//! default action that ends the process (no output, exit status 128+n in a shell) is not
//! modelled: it raises NotImplementedError saying so. Not here: `alarm`, `setitimer`, `pause`,
//! `set_wakeup_fd`, `siginterrupt`, `pthread_*`/`sig*wait*` (real time, fds and threads).

use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

const NSIG: i64 = 65;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

const CONSTANTS: &[(&str, i64)] = &[
    ("NSIG", 65),
    ("SIG_BLOCK", 0),
    ("SIG_UNBLOCK", 1),
    ("SIG_SETMASK", 2),
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGIOT", 6),
    ("SIGABRT", 6),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGBUS", 7),
    ("SIGSEGV", 11),
    ("SIGSYS", 31),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGUSR1", 10),
    ("SIGUSR2", 12),
    ("SIGCLD", 17),
    ("SIGCHLD", 17),
    ("SIGPWR", 30),
    ("SIGIO", 29),
    ("SIGURG", 23),
    ("SIGWINCH", 28),
    ("SIGPOLL", 29),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGCONT", 18),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
    ("SIGSTKFLT", 16),
    ("SIG_DFL", 0),
    ("SIG_IGN", 1),
];

/// glibc's `strsignal(n)` for n in 1..NSIG (None for the two real-time signals glibc keeps).
const DESCRIPTIONS: &[Option<&str>] = &[
    Some("Hangup"),
    Some("Interrupt"),
    Some("Quit"),
    Some("Illegal instruction"),
    Some("Trace/breakpoint trap"),
    Some("Aborted"),
    Some("Bus error"),
    Some("Floating point exception"),
    Some("Killed"),
    Some("User defined signal 1"),
    Some("Segmentation fault"),
    Some("User defined signal 2"),
    Some("Broken pipe"),
    Some("Alarm clock"),
    Some("Terminated"),
    Some("Stack fault"),
    Some("Child exited"),
    Some("Continued"),
    Some("Stopped (signal)"),
    Some("Stopped"),
    Some("Stopped (tty input)"),
    Some("Stopped (tty output)"),
    Some("Urgent I/O condition"),
    Some("CPU time limit exceeded"),
    Some("File size limit exceeded"),
    Some("Virtual timer expired"),
    Some("Profiling timer expired"),
    Some("Window changed"),
    Some("I/O possible"),
    Some("Power failure"),
    Some("Bad system call"),
    None,
    None,
    Some("Real-time signal 0"),
    Some("Real-time signal 1"),
    Some("Real-time signal 2"),
    Some("Real-time signal 3"),
    Some("Real-time signal 4"),
    Some("Real-time signal 5"),
    Some("Real-time signal 6"),
    Some("Real-time signal 7"),
    Some("Real-time signal 8"),
    Some("Real-time signal 9"),
    Some("Real-time signal 10"),
    Some("Real-time signal 11"),
    Some("Real-time signal 12"),
    Some("Real-time signal 13"),
    Some("Real-time signal 14"),
    Some("Real-time signal 15"),
    Some("Real-time signal 16"),
    Some("Real-time signal 17"),
    Some("Real-time signal 18"),
    Some("Real-time signal 19"),
    Some("Real-time signal 20"),
    Some("Real-time signal 21"),
    Some("Real-time signal 22"),
    Some("Real-time signal 23"),
    Some("Real-time signal 24"),
    Some("Real-time signal 25"),
    Some("Real-time signal 26"),
    Some("Real-time signal 27"),
    Some("Real-time signal 28"),
    Some("Real-time signal 29"),
    Some("Real-time signal 30"),
];

/// The signals whose default action leaves the process running.
const DEFAULT_IGNORES: &[i64] = &[17, 18, 23, 28];

type Table = Rc<RefCell<Vec<Value>>>;

fn signum(vm: &mut Vm, args: &[Value], name: &str, n: usize) -> PyResult<i64> {
    if args.len() != n {
        return Err(vm.type_error(format!(
            "{name} expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let s = vm.to_index(&args[0])?;
    if !(1..NSIG).contains(&s) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(s)
}

fn is_handler_int(v: &Value, which: i64) -> bool {
    matches!(v, Value::Int(i) if *i == which)
        || matches!(v, Value::Bool(b) if i64::from(*b) == which)
}

/// `OSError(EINVAL)`, as CPython raises it from a failed sigaction/raise.
fn invalid_argument(vm: &mut Vm) -> crate::vm::Exc {
    let cls = Value::Type(vm.exc_type(ExcKind::OSError));
    match vm.call(&cls, &[Value::Int(22), Value::str("Invalid argument")], &[]) {
        Ok(Value::Instance(e)) => e,
        Err(e) => e,
        _ => vm.new_error(ExcKind::OSError, "[Errno 22] Invalid argument"),
    }
}

fn callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        Value::Instance(_) | Value::Native(_) => vm.type_of(v).lookup("__call__").is_some(),
        _ => false,
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("_signal");
    let default_int = vm.new_module_closure(&m, "default_int_handler", |vm, _a, _k| {
        Err(vm.new_error_args(ExcKind::KeyboardInterrupt, vec![]))
    });
    m.dict.set_str("default_int_handler", default_int.clone());
    let mut table = vec![Value::Int(SIG_DFL); NSIG as usize];
    table[2] = default_int.clone();
    table[13] = Value::Int(SIG_IGN);
    table[25] = Value::Int(SIG_IGN);
    let table: Table = Rc::new(RefCell::new(table));

    let t = table.clone();
    let f = vm.new_module_closure(&m, "signal", move |vm, a: &[Value], _k: &KwArgs| {
        let s = signum(vm, a, "signal", 2)?;
        let handler = a[1].clone();
        if !is_handler_int(&handler, SIG_IGN)
            && !is_handler_int(&handler, SIG_DFL)
            && !callable(vm, &handler)
        {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        }
        if s == 9 || s == 19 {
            return Err(invalid_argument(vm));
        }
        Ok(std::mem::replace(&mut t.borrow_mut()[s as usize], handler))
    });
    m.dict.set_str("signal", f);

    let t = table.clone();
    let f = vm.new_module_closure(&m, "getsignal", move |vm, a: &[Value], _k: &KwArgs| {
        let s = signum(vm, a, "getsignal", 1)?;
        Ok(t.borrow()[s as usize].clone())
    });
    m.dict.set_str("getsignal", f);

    let t = table;
    let f = vm.new_module_closure(&m, "raise_signal", move |vm, a: &[Value], _k: &KwArgs| {
        if a.len() != 1 {
            return Err(vm.type_error(format!("raise_signal expected 1 argument, got {}", a.len())));
        }
        // raise(3)'s own check, not the range check of signal() and getsignal().
        let s = vm.to_index(&a[0])?;
        if s == 0 {
            return Ok(Value::None);
        }
        if !(1..NSIG).contains(&s) {
            return Err(invalid_argument(vm));
        }
        let handler = t.borrow()[s as usize].clone();
        if is_handler_int(&handler, SIG_IGN) {
            return Ok(Value::None);
        }
        if is_handler_int(&handler, SIG_DFL) {
            if DEFAULT_IGNORES.contains(&s) {
                return Ok(Value::None);
            }
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                format!(
                    "loopscope does not model signal {s}'s default action (the process would end)"
                ),
            ));
        }
        let frame = match vm.frames.len() {
            0 => Value::None,
            n => vm.frame_object(n - 1),
        };
        vm.call(&handler, &[Value::Int(s), frame], &[])?;
        Ok(Value::None)
    });
    m.dict.set_str("raise_signal", f);

    let f = vm.new_module_closure(&m, "strsignal", |vm, a: &[Value], _k: &KwArgs| {
        let s = signum(vm, a, "strsignal", 1)?;
        Ok(DESCRIPTIONS[s as usize - 1].map_or(Value::None, Value::str))
    });
    m.dict.set_str("strsignal", f);

    let f = vm.new_module_closure(&m, "valid_signals", |vm, a: &[Value], _k: &KwArgs| {
        if !a.is_empty() {
            return Err(vm.type_error(format!(
                "valid_signals() takes no arguments ({} given)",
                a.len()
            )));
        }
        let items: Vec<Value> = (1..NSIG)
            .filter(|&n| DESCRIPTIONS[n as usize - 1].is_some())
            .map(Value::Int)
            .collect();
        let set = vm.builtins.get_str("set").unwrap_or(Value::None);
        vm.call(&set, &[Value::list(items)], &[])
    });
    m.dict.set_str("valid_signals", f);

    m.dict.set_str("NSIG", Value::Int(NSIG));
    for &(name, v) in CONSTANTS {
        m.dict.set_str(name, Value::Int(v));
    }
    Ok(m)
}
