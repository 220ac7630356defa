//! The trace a viewer replays: a list of events in the order they happened, plus snapshots
//! of the loop's state taken at the start of loop iterations. Everything is keyed by
//! deterministic ids (the VM's object counters), never by addresses or hash order, so the
//! same script gives a byte-identical trace on every run and on every platform.

use serde::{Deserialize, Serialize};

/// Bumped when the format changes incompatibly.
pub const TRACE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Trace {
    pub version: u32,
    /// The script's file name.
    pub script: String,
    pub events: Vec<Event>,
    pub snapshots: Vec<Snapshot>,
    /// The process exit code.
    pub exit_code: i32,
}

/// One thing that happened. `t` is the loop's virtual time when it happened.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A frame started executing a new line of the script (asyncio's own frames are left out).
    Line {
        t: f64,
        frame: u64,
        func: String,
        file: String,
        line: u32,
    },
    /// `_run_once` began: how many handles are ready and how long it will wait.
    IterationBegin {
        t: f64,
        n: u64,
        ready: usize,
        timeout: Option<f64>,
    },
    IterationEnd {
        t: f64,
        n: u64,
    },
    /// A handle popped from `_ready` is about to run (`desc` as in `run --handles`).
    Callback {
        t: f64,
        handle: u64,
        desc: String,
    },
    TimerScheduled {
        t: f64,
        handle: u64,
        when: f64,
        desc: String,
    },
    /// A due timer moved from `_scheduled` to `_ready`.
    TimerFired {
        t: f64,
        handle: u64,
    },
    TimerCancelled {
        t: f64,
        handle: u64,
    },
    FutureCreated {
        t: f64,
        future: u64,
    },
    /// `state` is "result", "exception" or "cancelled"; `repr` describes the outcome.
    FutureDone {
        t: f64,
        future: u64,
        state: String,
        repr: String,
    },
    TaskCreated {
        t: f64,
        task: u64,
        name: String,
        coro: String,
    },
    /// `state`: "running", "waiting", "ready", "done", "failed", "cancelled".
    /// `awaiting`: the future (or task) it now waits on, when waiting.
    TaskState {
        t: f64,
        task: u64,
        state: String,
        awaiting: Option<u64>,
    },
    /// A future was queued in a Lock/Event/Condition/Semaphore/Queue's waiters.
    WaiterAdded {
        t: f64,
        primitive: u64,
        kind: String,
        future: u64,
    },
    /// A primitive woke one of its waiters (set its future's result).
    WaiterWoken {
        t: f64,
        future: u64,
    },
    /// Text written to stdout or stderr.
    Output {
        t: f64,
        stream: String,
        text: String,
    },
}

impl Event {
    pub fn time(&self) -> f64 {
        match self {
            Event::Line { t, .. }
            | Event::IterationBegin { t, .. }
            | Event::IterationEnd { t, .. }
            | Event::Callback { t, .. }
            | Event::TimerScheduled { t, .. }
            | Event::TimerFired { t, .. }
            | Event::TimerCancelled { t, .. }
            | Event::FutureCreated { t, .. }
            | Event::FutureDone { t, .. }
            | Event::TaskCreated { t, .. }
            | Event::TaskState { t, .. }
            | Event::WaiterAdded { t, .. }
            | Event::WaiterWoken { t, .. }
            | Event::Output { t, .. } => *t,
        }
    }
}

/// The loop's state at the start of an iteration.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    pub t: f64,
    /// Index in `Trace::events` of the first event after this snapshot.
    pub event_index: usize,
    pub iteration: u64,
    /// `_ready`, front first.
    pub ready: Vec<HandleInfo>,
    /// `_scheduled`, in heap order (index 0 is the next timer).
    pub timers: Vec<TimerInfo>,
    /// Tasks not finished, in creation order.
    pub tasks: Vec<TaskInfo>,
    /// Locks, events, conditions, semaphores, barriers and queues, in creation order.
    pub primitives: Vec<PrimitiveInfo>,
    /// Number of output events so far (the console is the concatenation of their texts).
    pub console_events: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct HandleInfo {
    pub handle: u64,
    pub desc: String,
    pub cancelled: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TimerInfo {
    pub handle: u64,
    pub when: f64,
    pub desc: String,
    pub cancelled: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PrimitiveInfo {
    pub primitive: u64,
    /// "Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier", "Queue", ...
    pub kind: String,
    /// As in the primitive's repr: "locked", "unset", "unlocked, value:2", "maxsize=4 _queue=[1]".
    pub state: String,
    /// Futures in its waiter queue(s), front first.
    pub waiters: Vec<u64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TaskInfo {
    pub task: u64,
    pub name: String,
    pub state: String,
    /// Outermost first: each coroutine in the await chain with where it is suspended
    /// ("main() running at x.py:12"), ending with the future it waits on, if any.
    pub await_chain: Vec<String>,
}
