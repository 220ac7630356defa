//! What the page (`runner.rs`) and the engine's worker (`src/bin/engine`, `static/worker.js`)
//! agree on: the run's limits and the shape of the reply. Both binaries include this file, so
//! the two sides cannot drift apart; the page's wasm carries no compiler or VM (see the
//! README's Size section), only this and the trace decoding.

use loopscope::trace::event::Snapshot;
use loopscope::trace::replay::RunLimits;
use loopscope::trace::{Event, Trace};
use serde::{Deserialize, Serialize};

/// Instructions a run may take. The worker keeps the page responsive, so this only bounds
/// how long a runaway script runs before it is stopped with a message (about 10 s).
pub const BUDGET: u64 = 200_000_000;

/// Trace events kept. Past this only output is recorded; the replay's memory grows with it
/// (32 bytes an event plus the page's checkpoints).
pub const MAX_EVENTS: usize = 1_500_000;

/// Instructions one task step (or other callback) may take: a task that never awaits is
/// stopped well before the run's budget, with a message naming it, and the run goes on.
/// Half the inline budget (so the callback's limit, not the run's, stops a spinning task
/// there too), and room for a step that starts 10,000 tasks at once (C10K's `gather`, ~2.5M
/// instructions traced): a fraction of a second in the worker before a spin is reported.
pub const CALLBACK_BUDGET: u64 = 5_000_000;

/// How often the worker reports progress, in trace events.
pub const PROGRESS_EVERY: u64 = 20_000;

/// Trace events per part of the worker's reply: the page reads one part per task, so a
/// long run's trace loads without freezing the tab (100,000 events: about 1.5 MB).
pub const EVENTS_PER_PART: usize = 100_000;

pub fn limits(budget: u64) -> RunLimits {
    RunLimits {
        instructions: budget,
        max_events: MAX_EVENTS,
        callback_instructions: CALLBACK_BUDGET.min(budget),
        ..RunLimits::default()
    }
}

/// What a run gives: the trace, or where the script does not compile.
pub enum Reply {
    Trace(Trace),
    Error {
        line: u32,
        col: u32,
        message: String,
    },
}

/// The reply's first part, as JSON: a [`Reply`] whose trace is only its [`Head`] (the events
/// follow as bytes, `loopscope::trace::encode_events`).
#[derive(Serialize, Deserialize)]
pub enum WireReply {
    Trace(Head),
    Error {
        line: u32,
        col: u32,
        message: String,
    },
}

/// A [`Trace`] without its events. Not the trace with an empty event list: then each side
/// would carry serde code for events it never writes or reads as JSON (26 KB of wasm).
/// Building a `Trace` from it names every field, so a field added to `Trace` fails to compile
/// here until it travels too.
#[derive(Serialize, Deserialize)]
pub struct Head {
    version: u32,
    script: String,
    strings: Vec<String>,
    lists: Vec<Vec<u64>>,
    snapshots: Vec<Snapshot>,
    exit_code: i32,
    truncated: bool,
    budget_stops: u32,
}

impl Reply {
    /// The head to send as JSON and the events to send as bytes.
    pub fn into_wire(self) -> (WireReply, Vec<Event>) {
        match self {
            Reply::Trace(t) => {
                let Trace {
                    version,
                    script,
                    strings,
                    events,
                    lists,
                    snapshots,
                    exit_code,
                    truncated,
                    budget_stops,
                } = t;
                let head = Head {
                    version,
                    script,
                    strings,
                    lists,
                    snapshots,
                    exit_code,
                    truncated,
                    budget_stops,
                };
                (WireReply::Trace(head), events)
            }
            Reply::Error { line, col, message } => {
                (WireReply::Error { line, col, message }, Vec::new())
            }
        }
    }
}

impl WireReply {
    /// The reply, its trace still without events (the page appends them part by part).
    pub fn into_reply(self) -> Reply {
        match self {
            WireReply::Trace(h) => Reply::Trace(Trace {
                version: h.version,
                script: h.script,
                strings: h.strings,
                events: Vec::new(),
                lists: h.lists,
                snapshots: h.snapshots,
                exit_code: h.exit_code,
                truncated: h.truncated,
                budget_stops: h.budget_stops,
            }),
            WireReply::Error { line, col, message } => Reply::Error { line, col, message },
        }
    }
}

/// Runs `source`: in the engine's worker, and on the page only in the wasm-bindgen tests
/// (which have no worker). Calling it from the page's own code would link the compiler and
/// the VM into the page's wasm.
pub fn run_reply(source: &str, budget: u64, progress: Option<loopscope::trace::Progress>) -> Reply {
    match loopscope::trace::replay::run_trace(source, limits(budget), progress) {
        Ok(trace) => Reply::Trace(trace),
        Err(e) => Reply::Error {
            line: e.line,
            col: e.column,
            message: e.message,
        },
    }
}
