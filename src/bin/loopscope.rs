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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run { file, args: _ } => {
            if let Err(e) = std::fs::read_to_string(&file) {
                eprintln!("loopscope: can't open file '{}': {e}", file.display());
                return ExitCode::from(2);
            }
            eprintln!(
                "loopscope: running scripts is not implemented yet (the language lands next); '{}' was not run",
                file.display()
            );
            ExitCode::from(2)
        }
    }
}
