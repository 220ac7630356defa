//! Golden tests for the native modules: every `tests/modules/*.py` runs in-process and must print
//! exactly CPython 3.11's stdout (`*.out`, generated with `python3 script.py > script.out`).
//! Until loopscope's parser lands, the test build parses through `python3` (see
//! `vm::anchors`), so these run as unit tests; `tests/modules.rs` runs the same scripts through
//! the public entry point.

use std::path::Path;

fn run_dir(filter: Option<&str>) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/modules");
    let mut failures = Vec::new();
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return failures;
    };
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    for name in names {
        if let Some(f) = filter {
            if !name.contains(f) {
                continue;
            }
        }
        let text = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        let want =
            std::fs::read_to_string(dir.join(name.replace(".py", ".out"))).unwrap_or_default();
        let out = crate::vm::api::run_source(&name, &text, &[]);
        if out.stdout != want || out.exit_code != 0 {
            let got: Vec<&str> = out.stdout.lines().collect();
            let exp: Vec<&str> = want.lines().collect();
            let first = (0..got.len().max(exp.len()))
                .find(|&i| got.get(i) != exp.get(i))
                .unwrap_or(0);
            failures.push(format!(
                "{name}: exit {} line {}:\n  want: {:?}\n  got:  {:?}\n  stderr: {}",
                out.exit_code,
                first + 1,
                exp.get(first),
                got.get(first),
                out.stderr
            ));
        }
    }
    failures
}

#[test]
fn module_scripts_match_cpython() {
    // The bridge needs python3; without it the parser stub cannot run anything.
    if std::process::Command::new("python3")
        .arg("-c")
        .arg("pass")
        .status()
        .is_err()
    {
        return;
    }
    let filter = std::env::var("LS_MODULE").ok();
    let failures = run_dir(filter.as_deref());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
