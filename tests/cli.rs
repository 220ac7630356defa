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
