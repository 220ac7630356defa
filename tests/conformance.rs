//! Conformance against CPython 3.11: every `tests/conformance/**/X.py` is run with the built
//! CLI (`loopscope run X.py`, cwd = the case's directory) and its stdout must equal `X.out`,
//! which `tests/conformance/regen.sh` produced with CPython and `oracle.py`. When `X.handles`
//! exists, `loopscope run --handles X.py` must match it too (addresses `0x...` are masked,
//! since CPython's reprs of callbacks may contain them). When `X.err` exists and its
//! traceback passes through asyncio's own files (other than `events.py`'s `Handle._run`, which
//! loopscope reproduces), only the last non-empty line of stderr is compared: those frames
//! differ by design (asyncio is one file here). Otherwise the whole stderr must match, with
//! `<loopscope>/asyncio/` standing for CPython's `<abs>/`.
//!
//! `tests/conformance/known_failures.txt` lists cases (paths relative to tests/conformance) that
//! are still expected to fail: they run and are reported, but do not fail the test. A listed
//! case that passes fails the test with "fixed: remove from known_failures.txt", so the list
//! only shrinks. `CONFORMANCE_FILTER=substring` runs only the cases whose path contains it.

mod common;
use common::mask_addresses;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One case's path (relative to tests/conformance) and its outcome.
type CaseResult = (String, Result<(), String>);

const TIMEOUT: Duration = Duration::from_secs(30);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("conformance")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") && path.parent() != Some(&root()) {
            // Scripts directly in tests/conformance (oracle.py) are tools, not cases.
            out.push(path);
        }
    }
}

fn rel(path: &Path) -> String {
    let r = path.strip_prefix(root()).unwrap_or(path);
    r.to_string_lossy().replace('\\', "/")
}

struct Output {
    stdout: String,
    stderr: String,
    timed_out: bool,
}

fn run(dir: &Path, args: &[&str]) -> Result<Output, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start loopscope: {e}"))?;
    // Drain both pipes on threads so a chatty child can't block on a full pipe.
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut v);
        }
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    }
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    Ok(Output {
        stdout,
        stderr,
        timed_out,
    })
}

fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// A short description of the first difference between two texts.
fn diff(what: &str, expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = (0..e.len().max(g.len()))
        .find(|&i| e.get(i) != g.get(i))
        .unwrap_or(0);
    let mut msg = format!("  {what}: first difference at line {}\n", first + 1);
    for i in first.saturating_sub(2)..(first + 3).min(e.len().max(g.len())) {
        let ex = e.get(i).copied().unwrap_or("<none>");
        let gx = g.get(i).copied().unwrap_or("<none>");
        if ex == gx {
            msg.push_str(&format!("      {ex}\n"));
        } else {
            msg.push_str(&format!("    - {ex}\n    + {gx}\n"));
        }
    }
    if e.len() != g.len() {
        msg.push_str(&format!(
            "    ({} expected lines, {} got)\n",
            e.len(),
            g.len()
        ));
    }
    msg
}

/// CPython's stderr as `python3 X.py` would print it: without the frames of `oracle.py`, which
/// runs the script with `exec` (each frame is its `File` line and the source and caret lines
/// under it, all indented deeper), and without the traceback header a syntax error got only
/// because oracle.py compiled the script.
fn without_oracle_frames(expected: &str) -> String {
    let mut out = String::new();
    let mut dropping: Option<usize> = None;
    for line in expected.split_inclusive('\n') {
        if let Some(at) = dropping {
            if line.get(at..at + 2) == Some("  ") {
                continue;
            }
            dropping = None;
        }
        if let Some(at) = line.find("File \"<abs>/oracle.py\"") {
            dropping = Some(at);
            continue;
        }
        out.push_str(line);
    }
    // A syntax error in the script: oracle.py's `compile` raised it inside its own frames, so
    // CPython printed a traceback header; `python3 X.py` prints only the error's location
    // (a `File` line without `, in`).
    let lines: Vec<&str> = out.split_inclusive('\n').collect();
    let mut kept = String::new();
    for (i, line) in lines.iter().enumerate() {
        let location_next = lines
            .get(i + 1)
            .is_some_and(|n| n.starts_with("  File ") && !n.contains(", in "));
        if *line == "Traceback (most recent call last):\n" && location_next {
            continue;
        }
        kept.push_str(line);
    }
    kept
}

/// Runs one case; `Ok(())` when it conforms, else a description of what differs.
fn check_case(py: &Path) -> Result<(), String> {
    let dir = py.parent().ok_or("no parent directory")?;
    let file = py
        .file_name()
        .and_then(|f| f.to_str())
        .ok_or("bad file name")?;
    let stem = file.trim_end_matches(".py");
    let expected_out = std::fs::read_to_string(dir.join(format!("{stem}.out")))
        .map_err(|_| "missing .out: run tests/conformance/regen.sh".to_string())?;
    let mut problems = String::new();

    let out = run(dir, &["run", file])?;
    if out.timed_out {
        problems.push_str(&format!("  run: timed out after {TIMEOUT:?}\n"));
    }
    if out.stdout != expected_out {
        problems.push_str(&diff("stdout", &expected_out, &out.stdout));
        let err = last_line(&out.stderr);
        if !err.is_empty() {
            problems.push_str(&format!("    stderr ends with: {err}\n"));
        }
    }
    if let Ok(expected_err) = std::fs::read_to_string(dir.join(format!("{stem}.err"))) {
        // loopscope's asyncio frames name CPython's files and lines (`# cpython:` markers in
        // its Python, `vm::render::cpython_site`), so the whole traceback is compared.
        let expected_err = without_oracle_frames(&expected_err);
        let got = out.stderr.replace("\"<loopscope>/asyncio/", "\"<abs>/");
        if got != expected_err {
            problems.push_str(&diff("stderr", &expected_err, &got));
        }
    }
    if let Ok(expected_handles) = std::fs::read_to_string(dir.join(format!("{stem}.handles"))) {
        let h = run(dir, &["run", "--handles", file])?;
        if h.timed_out {
            problems.push_str(&format!("  run --handles: timed out after {TIMEOUT:?}\n"));
        }
        let (e, g) = (mask_addresses(&expected_handles), mask_addresses(&h.stdout));
        if e != g {
            problems.push_str(&diff("handles", &e, &g));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn known_failures() -> BTreeSet<String> {
    std::fs::read_to_string(root().join("known_failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn conformance() {
    let mut cases = Vec::new();
    collect(&root(), &mut cases);
    cases.sort();
    if let Ok(filter) = std::env::var("CONFORMANCE_FILTER") {
        cases.retain(|c| rel(c).contains(&filter));
    }
    assert!(!cases.is_empty(), "no conformance cases found");
    let known = known_failures();

    let results: Arc<Mutex<Vec<CaseResult>>> = Arc::default();
    let next = Arc::new(Mutex::new(0usize));
    let cases = Arc::new(cases);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (results, next, cases) = (results.clone(), next.clone(), cases.clone());
            std::thread::spawn(move || loop {
                let i = {
                    let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                    let i = *n;
                    *n += 1;
                    i
                };
                let Some(case) = cases.get(i) else { break };
                let r = check_case(case);
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((rel(case), r));
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let mut results = std::mem::take(&mut *results.lock().unwrap_or_else(|e| e.into_inner()));
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let mut passed = 0;
    let mut unexpected = Vec::new();
    let mut known_failing = 0;
    let mut fixed = Vec::new();
    for (name, r) in &results {
        match (r, known.contains(name)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => {
                passed += 1;
                fixed.push(name.clone());
            }
            (Err(_), true) => known_failing += 1,
            (Err(e), false) => unexpected.push((name.clone(), e.clone())),
        }
    }
    let failed = results.len() - passed;
    eprintln!(
        "conformance: {passed} passed, {failed} failed ({known_failing} known failures, {} unexpected), {} total",
        unexpected.len(),
        results.len()
    );
    for name in &fixed {
        eprintln!("fixed: remove from known_failures.txt: {name}");
    }
    for (name, e) in unexpected.iter().take(10) {
        eprintln!("FAIL {name}\n{e}");
    }
    if unexpected.len() > 10 {
        eprintln!("... and {} more failures", unexpected.len() - 10);
    }
    if std::env::var("CONFORMANCE_VERBOSE").is_ok() {
        for (name, r) in &results {
            if let (Err(e), true) = (r, known.contains(name)) {
                eprintln!("known failure {name}\n{e}");
            }
        }
    }
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{} unexpected failure(s), {} known failure(s) now pass",
        unexpected.len(),
        fixed.len()
    );
}
