//! Property tests of the event loop: random schedules of sleeps, cancellations and gathers.
//! Every schedule must give the same trace twice, and the trace must never break the loop's
//! invariants (the clock never goes back, a future completes at most once, a task has at most
//! one step in the ready queue, a handle is never in the queue twice). When CPython 3.11 is
//! here, a sample of schedules is also compared with it, output and callbacks (`--handles`).

use loopscope::trace::event::{Event, Trace};
use loopscope::trace::replay::{run_trace, Granularity, Replay, RunLimits};
use proptest::prelude::*;
mod common;
use common::mask_addresses;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

/// What one task does, step by step.
#[derive(Clone, Debug)]
enum Op {
    Sleep(u8),
    Print,
    /// Cancel the task with this index (if it exists and is not this one).
    Cancel(usize),
    /// Gather this many child sleeps of these lengths.
    Gather(Vec<u8>),
    /// Await a shielded sleep.
    Shield(u8),
    WaitFor(u8, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u8..6).prop_map(Op::Sleep),
        2 => Just(Op::Print),
        1 => (0usize..5).prop_map(Op::Cancel),
        1 => prop::collection::vec(0u8..4, 1..4).prop_map(Op::Gather),
        1 => (0u8..4).prop_map(Op::Shield),
        1 => (0u8..4, 0u8..4).prop_map(|(a, b)| Op::WaitFor(a, b)),
    ]
}

fn schedule() -> impl Strategy<Value = Vec<Vec<Op>>> {
    prop::collection::vec(prop::collection::vec(op(), 1..6), 1..5)
}

/// The schedule as a Python script (sleep lengths in tenths of a second).
fn script(tasks: &[Vec<Op>]) -> String {
    let mut s = String::from(
        "import asyncio\n\ntasks = []\n\nasync def child(n, d):\n    await asyncio.sleep(d / 10)\n    return n\n\n",
    );
    for (i, ops) in tasks.iter().enumerate() {
        s += &format!("async def t{i}():\n    try:\n");
        for (k, op) in ops.iter().enumerate() {
            let line = match op {
                Op::Sleep(d) => format!("await asyncio.sleep({d} / 10)"),
                Op::Print => format!("print('t{i} step {k}', asyncio.get_running_loop().time())"),
                Op::Cancel(j) if *j != i && *j < tasks.len() => {
                    format!("print('t{i} cancels t{j}:', tasks[{j}].cancel())")
                }
                Op::Cancel(_) => "await asyncio.sleep(0)".to_string(),
                Op::Gather(ds) => {
                    let kids: Vec<String> = ds
                        .iter()
                        .enumerate()
                        .map(|(n, d)| format!("child({n}, {d})"))
                        .collect();
                    format!("print('t{i} gathered', await asyncio.gather({}))", kids.join(", "))
                }
                Op::Shield(d) => format!("await asyncio.shield(child(9, {d}))"),
                Op::WaitFor(d, t) => format!(
                    "try:\n            print('t{i} got', await asyncio.wait_for(child(7, {d}), {t} / 10 + 0.05))\n        except asyncio.TimeoutError:\n            print('t{i} timed out')"
                ),
            };
            s += &format!("        {line}\n");
        }
        s += &format!(
            "        return {i}\n    except asyncio.CancelledError:\n        print('t{i} cancelled at', asyncio.get_running_loop().time())\n        raise\n\n"
        );
    }
    s += "async def main():\n";
    for i in 0..tasks.len() {
        s += &format!("    tasks.append(asyncio.create_task(t{i}()))\n");
    }
    s += "    print(await asyncio.gather(*tasks, return_exceptions=True))\n    print('end', asyncio.get_running_loop().time())\n\nasyncio.run(main())\n";
    s
}

fn trace_of(src: &str) -> Trace {
    run_trace(src, RunLimits::default(), None).expect("the generated script compiles")
}

/// The loop's invariants, checked on a trace.
fn check_invariants(tr: &Trace) -> Result<(), String> {
    let mut last_t = 0.0f64;
    let mut done: HashSet<u64> = HashSet::new();
    for (i, e) in tr.events.iter().enumerate() {
        let t = e.time();
        if t < last_t {
            return Err(format!(
                "event {i}: the clock went back from {last_t} to {t}"
            ));
        }
        last_t = t;
        if let Event::FutureDone { future, .. } = e {
            if !done.insert(*future) {
                return Err(format!("event {i}: future {future} completed twice"));
            }
        }
    }
    let replay = Replay::new(tr.clone());
    let mut pos = 0;
    loop {
        let v = replay.view(pos);
        let mut handles = HashSet::new();
        let mut steps: HashMap<&str, usize> = HashMap::new();
        for r in v.ready.iter().filter(|r| !r.cancelled) {
            if !handles.insert(r.handle) {
                return Err(format!(
                    "position {pos}: handle {} is queued twice",
                    r.handle
                ));
            }
            if let Some(task) = r.desc.strip_prefix("step ") {
                *steps.entry(task).or_default() += 1;
            }
        }
        if let Some((task, n)) = steps.iter().find(|(_, n)| **n > 1) {
            return Err(format!(
                "position {pos}: {task} has {n} steps in the ready queue"
            ));
        }
        let next = replay.step(pos, Granularity::Callback, true);
        if next <= pos {
            break;
        }
        pos = next;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn random_schedules_are_deterministic_and_keep_the_invariants(tasks in schedule()) {
        let src = script(&tasks);
        let a = trace_of(&src);
        let b = trace_of(&src);
        prop_assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap(),
            "the same script gave two traces:\n{}", src
        );
        if let Err(e) = check_invariants(&a) {
            prop_assert!(false, "{}\n{}", e, src);
        }
    }
}

fn oracle() -> Option<std::path::PathBuf> {
    let o = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/oracle.py");
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    (ok && o.exists()).then_some(o)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Differential: a sample of schedules, CPython 3.11 (oracle.py) against loopscope.
    #[test]
    fn random_schedules_run_as_cpython_runs_them(tasks in schedule()) {
        let Some(oracle) = oracle() else { return Ok(()); };
        let dir = tempdir();
        let file = dir.join("schedule.py");
        std::fs::write(&file, script(&tasks)).unwrap();
        for args in [&[][..], &["--handles"][..]] {
            let want = Command::new("python3").arg(&oracle).args(args).arg("schedule.py")
                .current_dir(&dir).output().unwrap();
            let got = Command::new(env!("CARGO_BIN_EXE_loopscope")).arg("run").args(args)
                .arg("schedule.py").current_dir(&dir).output().unwrap();
            prop_assert_eq!(
                mask_addresses(&String::from_utf8_lossy(&got.stdout)),
                mask_addresses(&String::from_utf8_lossy(&want.stdout)),
                "{:?}\n{}", args, script(&tasks)
            );
        }
    }
}

/// A fresh directory under the target dir (no tempfile dependency).
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "loop_props_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}
