//! The native CLI as a user meets it: help, version, and clear errors.

use std::process::Command;

fn loopscope(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(args)
        .output()
        .expect("the CLI starts")
}

#[test]
fn version_prints_the_package_version() {
    let out = loopscope(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("loopscope {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_the_run_command() {
    let out = loopscope(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Usage: loopscope"), "{text}");
    assert!(text.contains("run"), "{text}");
}

#[test]
fn run_on_a_missing_file_says_so_like_python() {
    let out = loopscope(&["run", "no/such/script.py"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("can't open file 'no/such/script.py'"), "{err}");
}

#[test]
fn bench_times_a_script_and_reports_its_trace_size() {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/shared/17_gather_results.py"
    );
    let out = loopscope(&["bench", "--no-python", "--runs", "1", "--trace", script]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let row = text
        .lines()
        .find(|l| l.starts_with("17_gather_results.py") && l.contains(" s "))
        .unwrap_or_else(|| panic!("no timing row: {text}"));
    assert!(row.contains(" s"), "{row}");
    // The trace table: a positive event count and a byte size.
    let trace_row = text
        .lines()
        .filter(|l| l.starts_with("17_gather_results.py"))
        .nth(1)
        .unwrap_or_else(|| panic!("no trace row: {text}"));
    let cols: Vec<&str> = trace_row.split_whitespace().collect();
    let events: usize = cols[1].parse().unwrap_or(0);
    let bytes: usize = cols[2].parse().unwrap_or(0);
    assert!(events > 10 && bytes > 1000, "{trace_row}");
}

#[test]
fn bench_without_scripts_outside_the_repo_says_where_it_looks() {
    let out = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(["bench", "--no-python"])
        .current_dir(std::env::temp_dir())
        .output()
        .expect("the CLI starts");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tests/bench"), "{err}");
}

#[test]
fn a_task_that_never_awaits_is_stopped_with_a_teaching_message() {
    let dir = std::env::temp_dir().join(format!("loopscope-spin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("spin.py");
    std::fs::write(
        &script,
        "import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n\nasync def main():\n    t = asyncio.create_task(spin())\n    await asyncio.sleep(1)\n    print('main goes on:', t.done())\n\nasyncio.run(main())\n",
    )
    .expect("script");
    let path = script.display().to_string();
    let out = loopscope(&["run", "--callback-budget", "100000", &path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "Task-2 ran 100,000 instructions without awaiting: this blocks the event loop"
        ),
        "{err}"
    );
    // The traceback points at the loop that never awaits.
    assert!(err.contains("line 6, in spin"), "{err}");
    // The loop itself survives: main resumes after its sleep and sees the failed task.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "main goes on: True\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes `text` to a fresh temp file named `name` and returns its path.
fn temp_script(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("loopscope-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join(format!("{name}.py"));
    std::fs::write(&script, text).expect("script");
    script
}

#[test]
fn a_script_that_grows_without_bound_gets_a_memory_error_at_the_limit() {
    // Doubling a string and a list: each step's size is known before it allocates.
    let doubling = temp_script(
        "doubling",
        "s = 'ab'\ntry:\n    for i in range(40):\n        s = s + s\nexcept MemoryError as e:\n    print('str stopped at', len(s))\nl = [0]\nfor i in range(40):\n    l = l + l\n",
    );
    let out = loopscope(&["run", "--max-memory", "64", &doubling.display().to_string()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout, "str stopped at 33554432\n", "{stderr}");
    assert!(
        stderr.contains("MemoryError: the script needs more than 64 MB, loopscope's memory limit"),
        "{stderr}"
    );
    assert!(stderr.contains("line 9, in <module>"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));

    // Growth one small object at a time, inside a task: the periodic check stops it, the
    // task's handler runs and the loop goes on.
    let appending = temp_script(
        "appending",
        "import asyncio\n\nasync def hog():\n    l = []\n    while True:\n        l.append(str(len(l)) * 10)\n        if len(l) % 10000 == 0:\n            await asyncio.sleep(0)\n\nasync def main():\n    try:\n        await hog()\n    except MemoryError as e:\n        print('caught:', e)\n    print('the loop goes on')\n\nasyncio.run(main())\n",
    );
    let out = loopscope(&[
        "run",
        "--max-memory",
        "64",
        &appending.display().to_string(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "caught: the script needs more than 64 MB, loopscope's memory limit\nthe loop goes on\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    for p in [doubling, appending] {
        let _ = std::fs::remove_dir_all(p.parent().expect("dir"));
    }
}
