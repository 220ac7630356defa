//! The record of a run: events plus periodic snapshots, the input of the visualizer.
//!
//! The runtime reports through the [`Tracer`] trait. [`NullTracer`] is the default: the
//! runtime checks [`Tracer::enabled`] once when asyncio is imported and never builds an event
//! when tracing is off. [`Recorder`] keeps everything in memory; [`render_text`] turns a
//! trace into a readable tick-by-tick log. [`replay::Replay`] turns a trace into what the
//! visualizer shows at any position (see `replay.rs`).

pub mod event;
pub mod inspect;
pub mod replay;

pub use event::{
    decode_events, encode_events, Event, HandleInfo, IoInfo, Outcome, PrimitiveInfo, Snapshot, Str,
    TaskInfo, TaskStateKind, ThreadStateKind, TimerInfo, Trace, TRACE_VERSION,
};

use std::collections::HashMap;

/// Where the runtime sends what happens.
pub trait Tracer {
    /// False: the runtime skips building events entirely.
    fn enabled(&self) -> bool;
    fn event(&mut self, e: Event);
    fn snapshot(&mut self, s: Snapshot);
    /// Whether the next snapshot would be kept (building one walks every task).
    fn wants_snapshot(&self) -> bool {
        false
    }
    /// The index of `s` in the trace's string table.
    fn intern(&mut self, s: &str) -> Str;
    /// The index of a list of ids in the trace's list table (0: the empty list).
    fn list(&mut self, ids: Vec<u64>) -> u32;
    /// Number of events recorded so far.
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Number of output events recorded so far.
    fn outputs(&self) -> usize;
}

/// Tracing off.
#[derive(Default, Debug)]
pub struct NullTracer;

impl Tracer for NullTracer {
    fn enabled(&self) -> bool {
        false
    }
    fn event(&mut self, _e: Event) {}
    fn snapshot(&mut self, _s: Snapshot) {}
    fn intern(&mut self, _s: &str) -> Str {
        0
    }
    fn list(&mut self, _ids: Vec<u64>) -> u32 {
        0
    }
    fn len(&self) -> usize {
        0
    }
    fn outputs(&self) -> usize {
        0
    }
}

/// Strings longer than this are stored without looking for an earlier copy: they are output
/// text or reprs, rarely repeated, and a map entry would double their memory.
const INTERN_MAX: usize = 96;

/// Reports how far a run has got, every `every` events (recorded or not): the browser runs
/// scripts in a worker and shows this while the page waits.
pub struct Progress {
    pub every: u64,
    seen: u64,
    /// Called with (events so far, virtual time).
    report: Box<dyn FnMut(u64, f64)>,
}

impl Progress {
    pub fn new(every: u64, report: impl FnMut(u64, f64) + 'static) -> Progress {
        Progress {
            every: every.max(1),
            seen: 0,
            report: Box::new(report),
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Progress {{ every: {}, seen: {} }}",
            self.every, self.seen
        )
    }
}

/// Records a whole run in memory.
#[derive(Debug)]
pub struct Recorder {
    pub events: Vec<Event>,
    pub snapshots: Vec<Snapshot>,
    pub strings: Vec<String>,
    index: HashMap<String, Str>,
    pub lists: Vec<Vec<u64>>,
    outputs: usize,
    /// Stop recording everything but output past this many events (huge runs).
    pub max_events: usize,
    /// Snapshots are kept while their total size (ready + timers + tasks + primitives
    /// entries) stays under this: they are a check for small runs, not the replay's source.
    pub snapshot_budget: usize,
    pub truncated: bool,
    pub progress: Option<Progress>,
}

impl Default for Recorder {
    fn default() -> Recorder {
        Recorder::new()
    }
}

impl Recorder {
    pub fn new() -> Recorder {
        let mut r = Recorder {
            events: Vec::new(),
            snapshots: Vec::new(),
            strings: Vec::new(),
            index: HashMap::new(),
            lists: vec![Vec::new()],
            outputs: 0,
            max_events: 4_000_000,
            snapshot_budget: 20_000,
            truncated: false,
            progress: None,
        };
        // Index 0 is the empty string, so "no string" needs no Option.
        r.intern("");
        r
    }

    pub fn into_trace(self, script: &str, exit_code: i32) -> Trace {
        Trace {
            version: TRACE_VERSION,
            script: script.to_string(),
            strings: self.strings,
            lists: self.lists,
            events: self.events,
            snapshots: self.snapshots,
            exit_code,
            truncated: self.truncated,
            budget_stops: 0,
        }
    }
}

impl Tracer for Recorder {
    fn enabled(&self) -> bool {
        true
    }
    fn event(&mut self, e: Event) {
        if let Some(p) = &mut self.progress {
            p.seen += 1;
            if p.seen % p.every == 0 {
                (p.report)(p.seen, e.time());
            }
        }
        if self.events.len() >= self.max_events && !matches!(e, Event::Output { .. }) {
            self.truncated = true;
            return;
        }
        if let Event::Output { .. } = e {
            self.outputs += 1;
        }
        self.events.push(e);
    }
    fn snapshot(&mut self, s: Snapshot) {
        let size = 1 + s.ready.len() + s.timers.len() + s.tasks.len() + s.primitives.len();
        if self.wants_snapshot() {
            self.snapshot_budget = self.snapshot_budget.saturating_sub(size);
            self.snapshots.push(s);
        }
    }
    fn wants_snapshot(&self) -> bool {
        self.snapshot_budget > 0 && !self.truncated
    }
    fn intern(&mut self, s: &str) -> Str {
        if s.len() <= INTERN_MAX {
            if let Some(&i) = self.index.get(s) {
                return i;
            }
        }
        let i = self.strings.len() as Str;
        self.strings.push(s.to_string());
        if s.len() <= INTERN_MAX {
            self.index.insert(s.to_string(), i);
        }
        i
    }
    fn list(&mut self, ids: Vec<u64>) -> u32 {
        if ids.is_empty() {
            return 0;
        }
        self.lists.push(ids);
        (self.lists.len() - 1) as u32
    }
    fn len(&self) -> usize {
        self.events.len()
    }
    fn outputs(&self) -> usize {
        self.outputs
    }
}

/// A readable tick-by-tick log of a trace.
pub fn render_text(tr: &Trace) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# loopscope trace of {} (format {})",
        tr.script, tr.version
    );
    let mut snaps = tr.snapshots.iter().peekable();
    for (i, e) in tr.events.iter().enumerate() {
        while let Some(sn) = snaps.peek() {
            if sn.event_index > i {
                break;
            }
            let _ = writeln!(
                s,
                "@{:.3} -- snapshot: ready [{}] timers [{}] tasks [{}]",
                sn.t,
                sn.ready
                    .iter()
                    .map(|h| h.desc.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                sn.timers
                    .iter()
                    .map(|h| format!("{:.3} {}", h.when, h.desc))
                    .collect::<Vec<_>>()
                    .join(", "),
                sn.tasks
                    .iter()
                    .map(|t| format!("{} {}", t.name, t.state))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            snaps.next();
        }
        let t = e.time();
        let st = |id: &Str| tr.str(*id);
        let line = match e {
            Event::Line {
                func, file, line, ..
            } => format!("    {}:{line} in {}", st(file), st(func)),
            Event::IterationBegin {
                n, ready, timeout, ..
            } => {
                if timeout.is_nan() {
                    format!("iteration {n}: {ready} ready, select(None)")
                } else {
                    format!("iteration {n}: {ready} ready, select({timeout})")
                }
            }
            Event::IterationEnd { n, .. } => format!("end of iteration {n}"),
            Event::Queued { handle, desc, .. } => {
                format!("  queued #{handle} {}", st(desc))
            }
            Event::Callback { desc, handle, .. } => format!("  run #{handle} {}", st(desc)),
            Event::TimerScheduled {
                handle, when, desc, ..
            } => format!("  timer #{handle} at {when:.3}: {}", st(desc)),
            Event::TimerFired { handle, .. } => format!("  timer #{handle} is due -> ready"),
            Event::TimerCancelled { handle, .. } => format!("  timer #{handle} cancelled"),
            Event::FutureCreated { future, .. } => format!("  future #{future} created"),
            Event::FutureDone {
                future,
                outcome,
                repr,
                ..
            } => {
                let o = match outcome {
                    Outcome::Result => "result",
                    Outcome::Exception => "exception",
                    Outcome::Cancelled => "cancelled",
                };
                format!("  future #{future} {o}: {}", st(repr))
            }
            Event::TaskCreated {
                task, name, coro, ..
            } => format!("  task #{task} {} created: {}", st(name), st(coro)),
            Event::TaskState {
                task,
                state,
                awaiting,
                chain,
                ..
            } => {
                let s = match state {
                    TaskStateKind::Running => "running",
                    TaskStateKind::Waiting => "waiting",
                    TaskStateKind::Ready => "ready",
                    TaskStateKind::Done => "done",
                    TaskStateKind::Failed => "failed",
                    TaskStateKind::Cancelled => "cancelled",
                };
                match awaiting {
                    0 => format!("  task #{task} {s}"),
                    f => format!(
                        "  task #{task} {s} on #{f} ({})",
                        st(chain).replace('\n', " -> ")
                    ),
                }
            }
            Event::WaiterAdded {
                primitive,
                kind,
                future,
                ..
            } => {
                format!("  {} #{primitive}: waiter #{future} queued", st(kind))
            }
            Event::WaiterWoken { future, .. } => format!("  waiter #{future} woken"),
            Event::Primitive {
                primitive,
                kind,
                state,
                waiters,
                ..
            } => format!(
                "  {} #{primitive}: {} waiters {:?}",
                st(kind),
                st(state),
                tr.list(*waiters)
            ),
            Event::Thread {
                thread,
                name,
                state,
                ..
            } => format!("  thread {} ({thread}): {state:?}", st(name)),
            Event::Io {
                fd,
                events,
                in_flight,
                socket,
                target,
                ..
            } => format!(
                "  io fd {fd} [{}] {} ({in_flight} B in flight){}",
                io_events(*events),
                st(socket),
                if st(target).is_empty() {
                    String::new()
                } else {
                    format!(" -> {}", st(target))
                }
            ),
            Event::Output { stderr, text, .. } => {
                let mark = if *stderr { "!" } else { "|" };
                let body: Vec<String> = st(text).lines().map(|l| format!("  {mark} {l}")).collect();
                body.join("\n")
            }
        };
        let _ = writeln!(s, "@{t:.3} {line}");
    }
    let _ = writeln!(s, "# exit code {}", tr.exit_code);
    s
}

/// A selector event mask in words: "READ", "WRITE", "READ|WRITE", or "-" (not registered).
pub fn io_events(mask: u8) -> &'static str {
    match mask & 3 {
        1 => "READ",
        2 => "WRITE",
        3 => "READ|WRITE",
        _ => "-",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorder_counts_and_renders() {
        let mut r = Recorder::new();
        assert!(r.enabled() && !NullTracer.enabled());
        r.event(Event::IterationBegin {
            t: 0.0,
            n: 1,
            ready: 1,
            timeout: 0.0,
        });
        let desc = r.intern("step Task-1");
        assert_eq!(r.intern("step Task-1"), desc);
        r.event(Event::Callback {
            t: 0.0,
            handle: 7,
            desc,
        });
        let text = r.intern("hi\n");
        r.event(Event::Output {
            t: 0.5,
            stderr: false,
            text,
        });
        assert_eq!((r.len(), r.outputs()), (3, 1));
        let tr = r.into_trace("x.py", 0);
        let json = serde_json::to_string(&tr).unwrap_or_default();
        let back: Trace = serde_json::from_str(&json).unwrap_or_else(|_| Trace {
            version: 0,
            script: String::new(),
            strings: vec![],
            lists: vec![],
            events: vec![],
            snapshots: vec![],
            exit_code: -1,
            truncated: false,
            budget_stops: 0,
        });
        assert_eq!(back, tr);
        assert!(json.contains(r#""event":"callback""#));
        let text = render_text(&tr);
        assert!(text.contains("@0.000   run #7 step Task-1"), "{text}");
        assert!(text.contains("@0.500   | hi"), "{text}");
    }
}
