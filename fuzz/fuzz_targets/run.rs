//! Compile + run with asyncio available and a small instruction budget, output captured:
//! any script must end (result, traceback or budget error) without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut vm = loopscope::Vm::new();
        vm.out = Box::new(loopscope::CaptureSink::default());
        vm.total_budget = 200_000;
        let opts = loopscope::runtime::RunOptions::default();
        let _ = loopscope::runtime::run_script(&mut vm, "fuzz.py", text, &[], &opts);
    }
});
