//! Golden tests for threads (`threading`, `queue`, `concurrent.futures`, `run_in_executor`,
//! `to_thread`): each `tests/threads/*.py` must print exactly what CPython 3.11 printed. The
//! `*.out` files come from plain `python3 x.py` (real threads, real time: the oracle does not
//! virtualise threads), so the scripts print only what CPython makes deterministic: order
//! fixed by sleeps of different lengths, joins and results, and timings rounded to 0.1 s.
//! Where `X.handles` exists, `X.out` and `X.handles` come from the conformance oracle
//! (`oracle.py [--handles] X.py`), for scripts it runs deterministically, and
//! `loopscope run --handles` must print exactly the same callback lines.
//! Each script also runs twice and must print the same both times (loopscope is
//! deterministic), and its trace must be identical on both runs.

use loopscope::runtime::{run_script, RunOptions};
use loopscope::vm::Vm;
use loopscope::CaptureSink;
use std::path::Path;

fn run_with(name: &str, text: &str, handles: bool) -> (String, String, i32) {
    let sink = CaptureSink::default();
    let mut vm = Vm::new();
    vm.out = Box::new(sink.clone());
    let opts = RunOptions {
        handles,
        ..Default::default()
    };
    let code = run_script(&mut vm, name, text, &[], &opts);
    let out = sink.out.borrow().clone();
    let err = sink.err.borrow().clone();
    (out, err, code)
}

fn run(name: &str, text: &str) -> (String, String, i32) {
    run_with(name, text, false)
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/threads");
    let text = std::fs::read_to_string(dir.join(name)).expect("script");
    let want =
        std::fs::read_to_string(dir.join(name.replace(".py", ".out"))).expect("expected output");
    if let Ok(want) = std::fs::read_to_string(dir.join(name.replace(".py", ".handles"))) {
        let (out, err, _) = run_with(name, &text, true);
        assert_eq!(out, want, "--handles of {name}; stderr: {err}");
    }
    let (out, err, code) = run(name, &text);
    assert_eq!(out, want, "stdout of {name}; stderr: {err}");
    assert_eq!(code, 0, "exit code of {name}: {err}");
    let again = run(name, &text);
    assert_eq!(again, (out, err, code), "a second run of {name} differs");
}

macro_rules! golden {
    ($($test:ident => $file:expr,)*) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*
    };
}

golden! {
    sleep_join => "sleep_join.py",
    gil_cpu => "gil_cpu.py",
    run_in_executor => "run_in_executor.py",
    to_thread => "to_thread.py",
    pool_futures => "pool_futures.py",
    locks_queue => "locks_queue.py",
    threadsafe => "threadsafe.py",
    executor_handles => "executor_handles.py",
    compare_models => "compare_models.py",
    gil_pool => "gil_pool.py",
    gil_increments => "gil_increments.py",
    loop_in_thread => "loop_in_thread.py",
}

/// A script that ends with an uncaught exception: stdout, the whole stderr (the tracebacks of a
/// thread's exception and of the main thread's, through threading.py, queue.py and
/// concurrent/futures, named with CPython's files and lines) and exit code 1. `X.out` and
/// `X.err` come from `tests/threads/regen_err.sh`.
fn check_err(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/threads");
    let text = std::fs::read_to_string(dir.join(name)).expect("script");
    let read = |ext: &str| {
        std::fs::read_to_string(dir.join(name.replace(".py", ext))).expect("expected output")
    };
    let (out, err, code) = run(name, &text);
    assert_eq!(out, read(".out"), "stdout of {name}; stderr: {err}");
    assert_eq!(err, read(".err"), "stderr of {name}");
    assert_eq!(code, 1, "exit code of {name}");
}

#[test]
fn thread_exception() {
    check_err("thread_exception.py");
}

#[test]
fn executor_exception() {
    check_err("executor_exception.py");
}
