//! `loopscope`: the native command line. Runs scripts on loopscope's VM and event loop.

mod bench;
mod real;

// Counted, so the VM's memory limit sees every byte the process holds (src/vm/memory.rs).
#[global_allocator]
static ALLOC: loopscope::vm::memory::Counting<SplitAlloc> =
    loopscope::vm::memory::Counting(SplitAlloc);

/// The VM allocates and frees small objects at a high rate (frames, instance dicts, handles,
/// futures): mimalloc serves them in about two thirds of the instructions glibc's malloc
/// takes (many_tasks: a fifth of all instructions fewer). Large buffers (a trace's event
/// vectors, its JSON) stay with the system allocator, which grows them in place instead of
/// copying, so `trace` peaks no higher than before (many_tasks: 160 MB, 195 MB with mimalloc).
struct SplitAlloc;

/// Blocks this large or larger come from the system allocator.
const LARGE_BLOCK: usize = 64 * 1024;

// SAFETY: every block is freed or resized by the allocator that made it: both `alloc` and
// `dealloc` choose by the layout's size, which GlobalAlloc's contract keeps equal for a block,
// and `realloc` moves a block that crosses the threshold to the other allocator.
unsafe impl std::alloc::GlobalAlloc for SplitAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE_BLOCK {
            std::alloc::System.alloc(layout)
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE_BLOCK {
            std::alloc::System.alloc_zeroed(layout)
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        if layout.size() >= LARGE_BLOCK {
            std::alloc::System.dealloc(ptr, layout)
        } else {
            mimalloc::MiMalloc.dealloc(ptr, layout)
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        match (layout.size() >= LARGE_BLOCK, new_size >= LARGE_BLOCK) {
            (true, true) => std::alloc::System.realloc(ptr, layout, new_size),
            (false, false) => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
            _ => {
                let new_layout =
                    std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
                let new = std::alloc::GlobalAlloc::alloc(self, new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    std::alloc::GlobalAlloc::dealloc(self, ptr, layout);
                }
                new
            }
        }
    }
}

use clap::{Parser, Subcommand};
use loopscope::runtime::driver::Driver;
use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

#[derive(Parser)]
#[command(
    name = "loopscope",
    version,
    about = "See Python's asyncio at work: run coroutine scripts on a deterministic model of CPython 3.11's event loop"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python script, printing what CPython 3.11 would print.
    Run {
        /// Also print a line per callback the event loop runs (as oracle.py --handles).
        #[arg(long)]
        handles: bool,
        #[command(flatten)]
        limits: Limits,
        /// The script to run.
        file: PathBuf,
        /// Arguments passed to the script as sys.argv[1:].
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a script and write the trace the viewer replays (events + snapshots).
    Trace {
        /// The script to run.
        file: PathBuf,
        /// json (default) or text (a readable tick-by-tick log).
        #[arg(long, default_value = "json")]
        format: String,
        /// Write the trace here instead of stdout (the script's own output then goes to stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print the trace's size and the process's peak memory on stderr when done.
        #[arg(long)]
        stats: bool,
        #[command(flatten)]
        limits: Limits,
        /// Arguments passed to the script as sys.argv[1:].
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Time loopscope against CPython 3.11 on benchmark scripts (default: tests/bench/*.py).
    Bench(bench::Options),
    /// Print the bytecode loopscope compiles a script to (like `python3 -m dis`).
    Dis {
        /// The script to disassemble.
        file: PathBuf,
    },
}

/// About a minute of work natively: a runaway script ends instead of spinning forever.
const DEFAULT_BUDGET: u64 = 2_000_000_000;
/// A task step this long (a second or more of CPU) is a loop that never awaits.
const DEFAULT_CALLBACK_BUDGET: u64 = 100_000_000;

/// Natively there is more room than in a browser tab, but a runaway script should still end
/// with a MemoryError long before the machine starts swapping.
const DEFAULT_MAX_MEMORY_MB: usize = 4096;

/// Which clock (and network) a run uses.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ClockKind {
    /// Deterministic: time moves only when everything waits; sockets talk to the simulated
    /// network.
    Virtual,
    /// The wall clock: timers fire at real deadlines, time.sleep sleeps, sockets are the
    /// operating system's.
    Real,
}

/// The instruction and memory limits `run` and `trace` share, and the clock.
#[derive(clap::Args)]
struct Limits {
    /// virtual (default, deterministic, simulated network) or real (wall clock, real sockets).
    #[arg(long, value_enum, default_value_t = ClockKind::Virtual)]
    clock: ClockKind,
    /// Instructions the whole run may execute before it is stopped.
    #[arg(long, default_value_t = DEFAULT_BUDGET)]
    budget: u64,
    /// Instructions one event-loop callback (a task step) may execute before it is stopped
    /// for blocking the loop; 0 turns the limit off.
    #[arg(long, default_value_t = DEFAULT_CALLBACK_BUDGET)]
    callback_budget: u64,
    /// Megabytes the process may hold (script objects and the trace) before the script gets
    /// a MemoryError.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_MEMORY_MB)]
    max_memory: usize,
}

impl Limits {
    /// A VM with the limits, and the event loop's driver for the clock chosen (a real run
    /// also gets the real clock and the OS network).
    fn new_vm(&self) -> Result<(loopscope::Vm, Box<dyn Driver>), String> {
        let mut vm = loopscope::Vm::new();
        vm.total_budget = self.budget;
        vm.callback_budget = self.callback_budget;
        vm.memory_limit = self.max_memory.saturating_mul(1 << 20);
        let driver: Box<dyn Driver> = match self.clock {
            ClockKind::Virtual => Box::new(loopscope::runtime::virtual_driver::VirtualDriver),
            ClockKind::Real => {
                let net = real::OsNet::new().map_err(|e| format!("can't poll sockets: {e}"))?;
                vm.clock = Box::new(real::RealClock::new());
                loopscope::net::backend::install(&mut vm, Rc::new(RefCell::new(net)));
                Box::new(real::RealDriver)
            }
        };
        Ok((vm, driver))
    }
}

/// Counts what passes through, for `trace --stats`.
struct CountingWriter<W: Write> {
    inner: W,
    bytes: usize,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn read(file: &PathBuf) -> Result<String, ExitCode> {
    std::fs::read_to_string(file).map_err(|e| {
        eprintln!("loopscope: can't open file '{}': {e}", file.display());
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            handles,
            limits,
            file,
            args,
        } => {
            let text = match read(&file) {
                Ok(t) => t,
                Err(c) => return c,
            };
            // The script is named as typed, as the conformance oracle (`compile(source, path)`)
            // names it: reprs of handles and tasks print it, so stdout matches the oracle's.
            // (`python3 x.py` itself would show the absolute path.)
            let name = file.display().to_string();
            // Native code calling back into Python (sorted's key=, __eq__, __repr__) nests the
            // interpreter loop on the Rust stack: give it room (the nesting is also bounded).
            let run = std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || {
                    let (mut vm, driver) = match limits.new_vm() {
                        Ok(v) => v,
                        Err(msg) => {
                            eprintln!("loopscope: {msg}");
                            return 1;
                        }
                    };
                    let opts = loopscope::runtime::RunOptions {
                        handles,
                        tracer: None,
                    };
                    loopscope::runtime::run_script_with_driver(
                        &mut vm, &name, &text, &args, &opts, driver,
                    )
                });
            let code = match run.map(|h| h.join()) {
                Ok(Ok(code)) => code,
                _ => {
                    eprintln!("loopscope: internal error");
                    70
                }
            };
            ExitCode::from(code.clamp(0, 255) as u8)
        }
        Command::Trace {
            file,
            format,
            output,
            stats,
            limits,
            args,
        } => {
            if format != "json" && format != "text" {
                eprintln!("loopscope: unknown trace format '{format}' (json or text)");
                return ExitCode::from(2);
            }
            let text = match read(&file) {
                Ok(t) => t,
                Err(c) => return c,
            };
            let name = file.display().to_string();
            let to_file = output.is_some();
            let run = std::thread::Builder::new().stack_size(256 << 20).spawn(
                move || -> Result<i32, String> {
                    let (mut vm, driver) = limits.new_vm()?;
                    if !to_file {
                        // stdout carries the trace: the script's output is in the trace itself.
                        vm.out = Box::new(loopscope::CaptureSink::default());
                    }
                    let tr = loopscope::runtime::trace_script_with_driver(
                        &mut vm,
                        &name,
                        &text,
                        &args,
                        false,
                        loopscope::trace::Recorder::new(),
                        driver,
                    );
                    // The run's objects are no longer needed: free them before writing, which
                    // streams the JSON instead of building it in memory (peak memory is the
                    // trace alone).
                    drop(vm);
                    let mut sink: Box<dyn std::io::Write> = match &output {
                        Some(p) => match std::fs::File::create(p) {
                            Ok(f) => Box::new(f),
                            Err(e) => return Err(format!("can't write '{}': {e}", p.display())),
                        },
                        None => Box::new(std::io::stdout().lock()),
                    };
                    let mut w = CountingWriter {
                        inner: std::io::BufWriter::new(&mut sink),
                        bytes: 0,
                    };
                    let written = if format == "text" {
                        w.write_all(loopscope::trace::render_text(&tr).as_bytes())
                    } else {
                        tr.write_json(&mut w).and_then(|()| w.write_all(b"\n"))
                    };
                    written
                        .and_then(|()| w.flush())
                        .map_err(|e| format!("can't write the trace: {e}"))?;
                    if stats {
                        eprintln!("events {}", tr.events.len());
                        eprintln!("snapshots {}", tr.snapshots.len());
                        eprintln!("json-bytes {}", w.bytes);
                        if let Some(kb) = bench::peak_rss_kb() {
                            eprintln!("peak-rss-kb {kb}");
                        }
                    }
                    Ok(tr.exit_code)
                },
            );
            match run.map(|h| h.join()) {
                Ok(Ok(Ok(code))) => ExitCode::from(code.clamp(0, 255) as u8),
                Ok(Ok(Err(msg))) => {
                    eprintln!("loopscope: {msg}");
                    ExitCode::from(1)
                }
                _ => {
                    eprintln!("loopscope: internal error");
                    ExitCode::from(70)
                }
            }
        }
        Command::Bench(opts) => bench::run(opts),
        Command::Dis { file } => {
            let text = match read(&file) {
                Ok(t) => t,
                Err(c) => return c,
            };
            let src = loopscope::lang::span::SourceFile::new(file.display().to_string(), text);
            match loopscope::vm::anchors::compile_source(&src) {
                Ok(code) => {
                    print!("{}", loopscope::lang::disasm::disassemble(&code));
                    ExitCode::SUCCESS
                }
                Err(msg) => {
                    eprint!("{msg}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
