//! Every gallery example (src/bin/web/examples/gallery.json) is a test: it runs to completion
//! under `loopscope run`, and where CPython can run it, its stdout, stderr and callback
//! sequence (`--handles`) equal what `regen.sh` recorded from CPython 3.11 and oracle.py.

mod common;
use common::mask_addresses;
use std::path::{Path, PathBuf};
use std::process::Command;

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin/web/examples")
}

struct Example {
    id: String,
    cpython: bool,
}

fn gallery() -> Vec<Example> {
    let text = std::fs::read_to_string(examples_dir().join("gallery.json")).expect("gallery.json");
    let g: serde_json::Value = serde_json::from_str(&text).expect("gallery.json is JSON");
    let mut out = Vec::new();
    for ch in g["chapters"].as_array().expect("chapters") {
        for e in ch["examples"].as_array().expect("examples") {
            for key in [
                "id", "en", "zh", "about_en", "about_zh", "watch_en", "watch_zh",
            ] {
                let v = e[key].as_str().unwrap_or("");
                assert!(!v.trim().is_empty(), "{e}: {key} is missing");
            }
            out.push(Example {
                id: e["id"].as_str().unwrap_or_default().to_string(),
                cpython: e["cpython"].as_bool().unwrap_or(true),
            });
        }
    }
    out
}

fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(args)
        .current_dir(examples_dir())
        .output()
        .expect("loopscope runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_gallery_example_runs_as_cpython_does() {
    let examples = gallery();
    assert!(
        examples.len() >= 30,
        "the gallery has {} examples",
        examples.len()
    );
    let mut failures = Vec::new();
    for ex in &examples {
        let file = format!("{}.py", ex.id);
        let (stdout, stderr, code) = run(&["run", &file]);
        if !ex.cpython {
            // CPython 3.11 cannot run it (e.g. @asyncio.coroutine): it must still finish.
            if code != 0 || stdout.is_empty() {
                failures.push(format!("{file}: exit {code}\n{stderr}"));
            }
            continue;
        }
        let read = |ext: &str| {
            std::fs::read_to_string(examples_dir().join(format!("{}.{ext}", ex.id)))
                .unwrap_or_default()
        };
        if stdout != read("out") {
            failures.push(format!(
                "{file}: stdout differs\n--- CPython\n{}--- loopscope\n{stdout}",
                read("out")
            ));
        }
        if mask_addresses(&stderr) != mask_addresses(&read("err")) {
            failures.push(format!(
                "{file}: stderr differs\n--- CPython\n{}--- loopscope\n{stderr}",
                read("err")
            ));
        }
        let (handles, _, _) = run(&["run", "--handles", &file]);
        if mask_addresses(&handles) != mask_addresses(&read("handles")) {
            failures.push(format!(
                "{file}: callbacks differ\n--- CPython\n{}--- loopscope\n{handles}",
                read("handles")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_example_file_is_in_the_gallery() {
    let listed: Vec<String> = gallery().into_iter().map(|e| e.id).collect();
    for entry in std::fs::read_dir(examples_dir())
        .expect("examples dir")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".py") {
            assert!(
                listed.iter().any(|l| l == id),
                "{name} is not in gallery.json"
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for id in &listed {
        assert!(seen.insert(id), "{id} is listed twice");
    }
}
