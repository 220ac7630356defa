//! Embedded Python modules go into the binary with their whole-line comments blanked
//! (src/lang/comment_lines.rs says why and what stays); `embedded_py!` includes them from here.
//!
//! For wasm32 the modules in `FETCHED` (src/modules/fetched_files.rs) are not embedded: the
//! browser's engine fetches them when a script imports them. Each is written, blanked the same
//! way, to `<target dir>/wasm32-unknown-unknown/<profile>/fetched-py/<name>.<hash>.py`, which
//! Trunk's post-build hook (scripts/fetched_py.py) copies to the site's `py/`; and
//! `fetched_py!` includes its name and hash from `OUT_DIR/py/<path>.name` and `.hash`
//! (natively, its text too).

#[path = "src/lang/comment_lines.rs"]
#[allow(dead_code)]
mod comment_lines;

#[path = "src/modules/fetched_files.rs"]
#[allow(dead_code)]
mod fetched_files;

use std::path::{Path, PathBuf};

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lang/comment_lines.rs");
    println!("cargo:rerun-if-changed=src/modules/fetched_files.rs");
    // Cargo's layout: OUT_DIR is <target dir>/<triple>/<profile>/build/<package>-<hash>/out.
    let served: Option<PathBuf> = wasm.then(|| {
        let dir = Path::new(&out)
            .ancestors()
            .nth(3)
            .expect("OUT_DIR is inside the target directory")
            .join("fetched-py");
        // Only this build's files: a module's old versions (other hashes) must not be served.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the target directory is writable");
        dir
    });
    let mut names = Vec::new();
    for dir in ["src/modules", "src/runtime", "src/net"] {
        println!("cargo:rerun-if-changed={dir}");
        let target = Path::new(&out).join("py").join(dir);
        std::fs::create_dir_all(&target).expect("OUT_DIR is writable");
        for entry in std::fs::read_dir(dir).expect("the source tree is there") {
            let path = entry.expect("readable directory").path();
            if path.extension().is_none_or(|e| e != "py") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let source = std::fs::read_to_string(&path).expect("embedded modules are UTF-8");
            let text = comment_lines::blank_comment_lines(&source);
            let name = path.file_name().expect("a file");
            let rel = format!("{dir}/{}", name.to_string_lossy());
            let embedded = target.join(name);
            if fetched_files::FETCHED.contains(&rel.as_str()) {
                let served_name = fetched_files::served_name(&rel, &text);
                names.push(served_name.clone());
                let hash = format!("{:#x}_u64", fetched_files::content_hash(&text));
                for (ext, item) in [(".name", format!("{served_name:?}")), (".hash", hash)] {
                    let mut file = embedded.clone().into_os_string();
                    file.push(ext);
                    std::fs::write(file, item).expect("OUT_DIR is writable");
                }
                if let Some(served) = &served {
                    std::fs::write(served.join(served_name), &text)
                        .expect("the target directory is writable");
                    // Not embedded: `embedded_py!` of a fetched module does not compile here.
                    let _ = std::fs::remove_file(&embedded);
                    continue;
                }
            }
            std::fs::write(embedded, text).expect("OUT_DIR is writable");
        }
    }
    assert_eq!(
        names.len(),
        fetched_files::FETCHED.len(),
        "every module in FETCHED is a file under src/"
    );
    names.sort();
    std::fs::write(
        Path::new(&out).join("fetched_names.rs"),
        format!("&{names:?}"),
    )
    .expect("OUT_DIR is writable");
}
