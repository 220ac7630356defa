//! The parser, and the rendering of its error (line, column, caret) on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use loopscope::lang::span::SourceFile;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let src = SourceFile::new("fuzz.py", text);
        if let Err(e) = loopscope::lang::parser::parse_module(&src) {
            let _ = e.render(&src);
        }
    }
});
