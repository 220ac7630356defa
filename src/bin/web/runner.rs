//! Running a script in the browser: compile it (a syntax error comes back with its line and
//! column), then run it on the VM under an instruction budget, recording a trace to replay.

use crate::model::Replay;
use crate::state::{Outcome, ScriptError};
use loopscope::lang::span::SourceFile;
use loopscope::trace::Event;

/// What the VM says when a run exceeds its instruction budget (src/vm/interp.rs).
const BUDGET_MESSAGE: &str = "instruction budget exhausted";

/// Instructions a run may take. The run is synchronous on the page's thread, so this bounds
/// how long the tab can freeze on an infinite loop (about a second or two in a browser).
pub const BUDGET: u64 = 20_000_000;

/// The file name scripts get in tracebacks.
pub const SCRIPT_NAME: &str = "main.py";

pub fn run(source: &str) -> Outcome {
    run_with_budget(source, BUDGET)
}

pub fn run_with_budget(source: &str, budget: u64) -> Outcome {
    if let Err(e) = check_syntax(source) {
        return Outcome::Error(e);
    }
    let mut vm = loopscope::vm::Vm::new();
    vm.total_budget = budget;
    let trace = loopscope::runtime::trace_script(&mut vm, SCRIPT_NAME, source, &[], false);
    // The VM raises a RuntimeError with this text when the budget runs out (and lets
    // handlers run briefly, so the remaining budget is not reliably zero): look for its
    // traceback on stderr.
    let stopped = trace
        .events
        .iter()
        .any(|e| matches!(e, Event::Output { stream, text, .. } if stream == "stderr" && text.contains(BUDGET_MESSAGE)))
        .then(|| {
        format!("loopscope stopped the script after {budget} instructions (an endless loop?); the trace up to there is kept.")
    });
    Outcome::Replay {
        replay: Replay::new(trace),
        stopped,
    }
}

/// Parse and compile only: the editor shows where the first error is.
fn check_syntax(source: &str) -> Result<(), ScriptError> {
    let src = SourceFile::new(SCRIPT_NAME, source);
    let module = loopscope::lang::parser::parse_module(&src);
    let res = module.and_then(|m| loopscope::lang::compiler::compile_module(&m, &src).map(|_| ()));
    res.map_err(|e| ScriptError {
        line: e.span.line,
        col: e.span.col.max(1),
        message: format!("{}: {}", e.type_name(), e.msg),
    })
}
