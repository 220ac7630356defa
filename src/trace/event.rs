//! The trace a viewer replays: a list of events in the order they happened, plus snapshots
//! of the loop's state taken at the start of loop iterations. Everything is keyed by
//! deterministic ids (the VM's object counters), never by addresses or hash order, so the
//! same script gives a byte-identical trace on every run and on every platform.

use serde::{Deserialize, Serialize};

/// Bumped when the format changes incompatibly. 2: strings live in `Trace::strings` and
/// events hold their indexes; task states, outcomes and streams are enums; new events for
/// the ready queue, await chains and primitives' states.
pub const TRACE_VERSION: u32 = 2;

/// An index into `Trace::strings`.
pub type Str = u32;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Trace {
    pub version: u32,
    /// The script's file name.
    pub script: String,
    /// Every string the events mention, each once (events hold indexes into this table: a
    /// run of a million lines repeats the same few function and file names).
    #[serde(default)]
    pub strings: Vec<String>,
    pub events: Vec<Event>,
    /// Lists of ids events refer to (`Primitive::waiters`); index 0 is the empty list.
    #[serde(default)]
    pub lists: Vec<Vec<u64>>,
    /// The loop's state at the start of iterations, while the run is small (a check on the
    /// events; the replay rebuilds every state from the events alone).
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// The process exit code.
    pub exit_code: i32,
    /// The recorder stopped keeping events past its limit (output is still all there).
    #[serde(default)]
    pub truncated: bool,
    /// How many callbacks the per-callback instruction budget stopped (known even when the
    /// events that show it were past the recorder's limit).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub budget_stops: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Trace {
    /// Writes the trace as JSON as it goes: a big run's JSON text is larger than its events,
    /// so building it in a String first would more than double the peak memory.
    pub fn write_json<W: std::io::Write>(&self, w: W) -> std::io::Result<()> {
        serde_json::to_writer(w, self).map_err(std::io::Error::other)
    }

    /// The list with that index (empty for an index out of range).
    pub fn list(&self, id: u32) -> &[u64] {
        self.lists
            .get(id as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The string with that index ("" for an index out of range: traces are untrusted).
    pub fn str(&self, id: Str) -> &str {
        self.strings
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// What a task is doing.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TaskStateKind {
    Running,
    /// Suspended on a future (`awaiting`).
    Waiting,
    /// A step of it is in (or about to join) the ready queue.
    Ready,
    Done,
    Failed,
    Cancelled,
}

/// What a thread of the thread model is doing (`src/runtime/threads.rs`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ThreadStateKind {
    /// Created; waits for the GIL to run for the first time.
    Started,
    /// Holds the GIL and runs Python.
    Running,
    /// Could run (woke, or was switched out) and waits for the GIL.
    Ready,
    /// Waits in a blocking call (sleep, lock, join, the loop's select): no GIL.
    Blocked,
    Done,
}

/// How a future finished.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Result,
    Exception,
    Cancelled,
}

/// One thing that happened. `t` is the loop's virtual time when it happened. Ids are the
/// VM's object ids (deterministic); `Str` fields index `Trace::strings`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A frame started executing a new line of the script (asyncio's own frames and other
    /// `<...>` sources are left out).
    Line {
        t: f64,
        frame: u64,
        func: Str,
        file: Str,
        line: u32,
    },
    /// `_run_once` began: how many handles are ready and how long it will wait.
    IterationBegin {
        t: f64,
        n: u64,
        ready: u32,
        /// NaN: none (it would wait for IO forever); JSON `null`.
        #[serde(with = "nan_is_null")]
        timeout: f64,
    },
    IterationEnd {
        t: f64,
        n: u64,
    },
    /// A handle joined the back of `_ready` (call_soon, a task's wakeup, ...); timers that
    /// fire are `TimerFired` instead.
    Queued {
        t: f64,
        handle: u64,
        desc: Str,
    },
    /// A handle popped from `_ready` is about to run (`desc` as in `run --handles`).
    /// Handles popped before it that never ran were cancelled.
    Callback {
        t: f64,
        handle: u64,
        desc: Str,
    },
    TimerScheduled {
        t: f64,
        handle: u64,
        when: f64,
        desc: Str,
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
    /// `repr` describes the outcome (the result's repr, the exception's repr, or the
    /// cancel message).
    FutureDone {
        t: f64,
        future: u64,
        outcome: Outcome,
        repr: Str,
    },
    TaskCreated {
        t: f64,
        task: u64,
        name: Str,
        coro: Str,
    },
    /// For `Waiting`: `awaiting` is the future (or task) it waits on (0: none; JSON
    /// `null`), and `chain` the await chain outermost first, one entry per line
    /// ("main()\nfetch()\nsleep(1.0)"). Where it is paused is the last `Line` it ran.
    TaskState {
        t: f64,
        task: u64,
        state: TaskStateKind,
        #[serde(with = "zero_is_null")]
        awaiting: u64,
        chain: Str,
    },
    /// A future was queued in a Lock/Event/Condition/Semaphore/Queue's waiters.
    WaiterAdded {
        t: f64,
        primitive: u64,
        kind: Str,
        future: u64,
    },
    /// A primitive woke one of its waiters (set its future's result).
    WaiterWoken {
        t: f64,
        future: u64,
    },
    /// A Lock/Event/Condition/Semaphore/Barrier/Queue was created or changed: its state in
    /// words ("locked by Task-2", "set", "value 1", "maxsize=2 _queue=[1]") and the futures
    /// in its waiter queue(s), front first.
    Primitive {
        t: f64,
        primitive: u64,
        kind: Str,
        state: Str,
        /// Index in `Trace::lists`.
        waiters: u32,
    },
    /// A thread changed state (`thread`: its ident; the main thread is 1).
    Thread {
        t: f64,
        thread: u64,
        name: Str,
        state: ThreadStateKind,
    },
    /// A socket of the simulated network changed: its selector registration (`events`: 1
    /// READ, 2 WRITE, 0 none) and what waits on it (`target`: the callback, or the task
    /// waiting through it), the bytes on their way to it, and its state in words (`socket`,
    /// "closed" when it is gone).
    Io {
        t: f64,
        fd: i32,
        events: u8,
        in_flight: u32,
        socket: Str,
        target: Str,
    },
    /// Text written to stdout or stderr.
    Output {
        t: f64,
        stderr: bool,
        text: Str,
    },
}

impl Event {
    pub fn time(&self) -> f64 {
        match self {
            Event::Line { t, .. }
            | Event::IterationBegin { t, .. }
            | Event::IterationEnd { t, .. }
            | Event::Queued { t, .. }
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
            | Event::Primitive { t, .. }
            | Event::Thread { t, .. }
            | Event::Io { t, .. }
            | Event::Output { t, .. } => *t,
        }
    }
}

// Every event fits in 32 bytes (a million of them: 32 MB): no Options of 8-byte values,
// no Vecs; "none" is a sentinel that JSON shows as null.
const _: () = assert!(std::mem::size_of::<Event>() <= 32);

mod nan_is_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_nan() {
            s.serialize_none()
        } else {
            s.serialize_some(v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
    }
}

mod zero_is_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        if *v == 0 {
            s.serialize_none()
        } else {
            s.serialize_some(v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        Ok(Option::<u64>::deserialize(d)?.unwrap_or(0))
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
    /// Sockets of the simulated network, by fd.
    #[serde(default)]
    pub io: Vec<IoInfo>,
}

/// A socket in a snapshot (see `Event::Io`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct IoInfo {
    pub fd: i64,
    pub events: u8,
    pub in_flight: u64,
    pub socket: String,
    pub target: String,
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
