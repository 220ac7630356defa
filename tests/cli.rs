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
