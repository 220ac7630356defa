//! Running a script in the browser: vizcore's `replay::run` (compile, then run on the VM with
//! tracing) under limits that keep the page responsive.

use crate::model::{run as run_replay, RunLimits};
use crate::state::{Outcome, ScriptError};

/// Instructions a run may take. The run is synchronous on the page's thread, so this bounds
/// how long the tab can freeze on an endless loop (measured: see the e2e log).
pub const BUDGET: u64 = 10_000_000;

/// Trace events kept. Past this only output is recorded; the replay's memory grows with it.
pub const MAX_EVENTS: usize = 300_000;

/// Instructions one task step (or other callback) may take: a task that never awaits is
/// stopped well before the run's budget, with a message naming it, and the run goes on.
pub const CALLBACK_BUDGET: u64 = 2_000_000;

/// What the VM says when a run exceeds its instruction budget (src/vm/interp.rs).
const BUDGET_MESSAGE: &str = "instruction budget exhausted";
/// ... and when one callback exceeds its own (src/vm/mod.rs, budget_error).
const CALLBACK_MESSAGE: &str = "without awaiting: this blocks the event loop";

pub fn run(source: &str) -> Outcome {
    run_with_budget(source, BUDGET)
}

pub fn run_with_budget(source: &str, budget: u64) -> Outcome {
    let limits = RunLimits {
        instructions: budget,
        max_events: MAX_EVENTS,
        callback_instructions: CALLBACK_BUDGET.min(budget),
    };
    match run_replay(source, limits) {
        Ok(replay) => {
            // The VM raises a RuntimeError with this text when the budget runs out (and lets
            // handlers run briefly, so the remaining budget is not reliably zero): look for
            // its traceback on the console.
            let said = |m: &str| {
                replay
                    .console()
                    .iter()
                    .any(|l| l.stderr && l.text.contains(m))
            };
            let stopped = if said(BUDGET_MESSAGE) {
                Some(budget)
            } else if said(CALLBACK_MESSAGE) {
                Some(limits.callback_instructions)
            } else {
                None
            };
            Outcome::Replay { replay, stopped }
        }
        Err(e) => Outcome::Error(ScriptError {
            line: e.line,
            col: e.column,
            message: e.message,
        }),
    }
}
