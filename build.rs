//! Embedded Python modules go into the binary with their whole-line comments blanked
//! (src/lang/comment_lines.rs says why and what stays); `embedded_py!` includes them from here.

#[path = "src/lang/comment_lines.rs"]
#[allow(dead_code)]
mod comment_lines;

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lang/comment_lines.rs");
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
            let name = path.file_name().expect("a file");
            std::fs::write(
                target.join(name),
                comment_lines::blank_comment_lines(&source),
            )
            .expect("OUT_DIR is writable");
        }
    }
}
