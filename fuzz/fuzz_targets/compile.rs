//! Parse + compile + disassemble: whatever parses must compile or give a rendered error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use loopscope::lang::span::SourceFile;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let src = SourceFile::new("fuzz.py", text);
        if let Ok(code) = loopscope::vm::anchors::compile_source(&src) {
            let _ = loopscope::lang::disasm::disassemble(&code);
        }
    }
});
