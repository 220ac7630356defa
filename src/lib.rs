//! loopscope's core: a Python subset (lexer, parser, compiler, VM with suspendable frames), an
//! asyncio runtime modelled on CPython 3.11's `Lib/asyncio`, and the trace a viewer replays.
//!
//! Nothing in this library touches the operating system, yew or web-sys: the real clock and real
//! sockets live behind the runtime's driver trait, native only. That keeps the same code running
//! in the browser (wasm32) and in the CLI.

/// The source of a Python module loopscope embeds (`path` from the crate root, under
/// src/modules, src/runtime or src/net), as build.rs leaves it: whole-line comments blanked,
/// every line of code where it was.
macro_rules! embedded_py {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/py/", $path))
    };
}

/// A module of `modules::fetched_files::FETCHED` (`path` as for `embedded_py!`): a
/// [`modules::fetched::Fetched`] with its served name and hash, and natively its text. In the
/// browser's engine the text is fetched on import (`modules::fetched`).
macro_rules! fetched_py {
    ($path:literal) => {
        $crate::modules::fetched::Fetched {
            file: include!(concat!(env!("OUT_DIR"), "/py/", $path, ".name")),
            hash: include!(concat!(env!("OUT_DIR"), "/py/", $path, ".hash")),
            #[cfg(not(target_arch = "wasm32"))]
            text: embedded_py!($path),
        }
    };
}

pub mod lang;
pub mod modules;
pub mod net;
pub mod runtime;
pub mod share;
pub mod trace;
pub mod vm;

pub use vm::api::{
    run_in_vm, run_source, CaptureSink, OutputSink, Resume, ResumeResult, RunOutcome, Stream,
};
pub use vm::{Exc, PyResult, Value, Vm};

/// The crate version, shown by `loopscope --version` and in the web app's footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
