//! Share links and embed parameters come from anyone: parsing one must never panic, and a
//! `code=` payload must never inflate past the script limit.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(p) = loopscope::share::parse(text) {
            assert!(p.code.map_or(0, |c| c.len()) <= loopscope::share::MAX_SCRIPT);
        }
        if let Ok(code) = loopscope::share::decode_code(text) {
            assert_eq!(loopscope::share::decode_code(&loopscope::share::encode_code(&code)).ok(), Some(code));
        }
    }
});
