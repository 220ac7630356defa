//! `loopscope`: the native command line. Runs scripts on loopscope's VM and event loop.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
        /// The script to run.
        file: PathBuf,
        /// Arguments passed to the script as sys.argv[1:].
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print the bytecode loopscope compiles a script to (like `python3 -m dis`).
    Dis {
        /// The script to disassemble.
        file: PathBuf,
    },
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
        Command::Run { file, args } => {
            let text = match read(&file) {
                Ok(t) => t,
                Err(c) => return c,
            };
            // CPython reports the main script by its absolute path.
            let name = std::path::absolute(&file)
                .unwrap_or(file.clone())
                .display()
                .to_string();
            // Native code calling back into Python (sorted's key=, __eq__, __repr__) nests the
            // interpreter loop on the Rust stack: give it room (the nesting is also bounded).
            let run = std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || {
                    let mut vm = loopscope::Vm::new();
                    loopscope::run_in_vm(&mut vm, &name, &text, &args)
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
