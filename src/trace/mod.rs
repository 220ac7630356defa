//! The record of a run: events plus periodic snapshots, the input of the visualizer.
//!
//! The runtime reports through the [`Tracer`] trait. [`NullTracer`] is the default: the
//! runtime checks [`Tracer::enabled`] once when asyncio is imported and never builds an event
//! when tracing is off. [`Recorder`] keeps everything in memory; [`render_text`] turns a
//! trace into a readable tick-by-tick log.

pub mod event;
pub mod replay;

pub use event::{
    Event, HandleInfo, PrimitiveInfo, Snapshot, TaskInfo, TimerInfo, Trace, TRACE_VERSION,
};

/// Where the runtime sends what happens.
pub trait Tracer {
    /// False: the runtime skips building events entirely.
    fn enabled(&self) -> bool;
    fn event(&mut self, e: Event);
    fn snapshot(&mut self, s: Snapshot);
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
    fn len(&self) -> usize {
        0
    }
    fn outputs(&self) -> usize {
        0
    }
}

/// Records a whole run in memory.
#[derive(Default, Debug)]
pub struct Recorder {
    pub events: Vec<Event>,
    pub snapshots: Vec<Snapshot>,
    outputs: usize,
    /// Stop recording line and snapshot detail past this many events (huge runs).
    pub max_events: usize,
    pub truncated: bool,
}

impl Recorder {
    pub fn new() -> Recorder {
        Recorder {
            max_events: 2_000_000,
            ..Default::default()
        }
    }

    pub fn into_trace(self, script: &str, exit_code: i32) -> Trace {
        Trace {
            version: TRACE_VERSION,
            script: script.to_string(),
            events: self.events,
            snapshots: self.snapshots,
            exit_code,
        }
    }
}

impl Tracer for Recorder {
    fn enabled(&self) -> bool {
        true
    }
    fn event(&mut self, e: Event) {
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
        if self.events.len() < self.max_events {
            self.snapshots.push(s);
        }
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
        let line = match e {
            Event::Line {
                func, file, line, ..
            } => format!("    {file}:{line} in {func}"),
            Event::IterationBegin {
                n, ready, timeout, ..
            } => match timeout {
                Some(to) => format!("iteration {n}: {ready} ready, select({to})"),
                None => format!("iteration {n}: {ready} ready, select(None)"),
            },
            Event::IterationEnd { n, .. } => format!("end of iteration {n}"),
            Event::Callback { desc, handle, .. } => format!("  run #{handle} {desc}"),
            Event::TimerScheduled {
                handle, when, desc, ..
            } => format!("  timer #{handle} at {when:.3}: {desc}"),
            Event::TimerFired { handle, .. } => format!("  timer #{handle} is due -> ready"),
            Event::TimerCancelled { handle, .. } => format!("  timer #{handle} cancelled"),
            Event::FutureCreated { future, .. } => format!("  future #{future} created"),
            Event::FutureDone {
                future,
                state,
                repr,
                ..
            } => format!("  future #{future} {state}: {repr}"),
            Event::TaskCreated {
                task, name, coro, ..
            } => format!("  task #{task} {name} created: {coro}"),
            Event::TaskState {
                task,
                state,
                awaiting,
                ..
            } => match awaiting {
                Some(f) => format!("  task #{task} {state} on #{f}"),
                None => format!("  task #{task} {state}"),
            },
            Event::WaiterAdded {
                primitive,
                kind,
                future,
                ..
            } => {
                format!("  {kind} #{primitive}: waiter #{future} queued")
            }
            Event::WaiterWoken { future, .. } => format!("  waiter #{future} woken"),
            Event::Output { stream, text, .. } => {
                let mark = if stream == "stderr" { "!" } else { "|" };
                let body: Vec<String> = text.lines().map(|l| format!("  {mark} {l}")).collect();
                body.join("\n")
            }
        };
        let _ = writeln!(s, "@{t:.3} {line}");
    }
    let _ = writeln!(s, "# exit code {}", tr.exit_code);
    s
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
            timeout: Some(0.0),
        });
        r.event(Event::Callback {
            t: 0.0,
            handle: 7,
            desc: "step Task-1".into(),
        });
        r.event(Event::Output {
            t: 0.5,
            stream: "stdout".into(),
            text: "hi\n".into(),
        });
        assert_eq!((r.len(), r.outputs()), (3, 1));
        let tr = r.into_trace("x.py", 0);
        let json = serde_json::to_string(&tr).unwrap_or_default();
        let back: Trace = serde_json::from_str(&json).unwrap_or_else(|_| Trace {
            version: 0,
            script: String::new(),
            events: vec![],
            snapshots: vec![],
            exit_code: -1,
        });
        assert_eq!(back, tr);
        assert!(json.contains(r#""event":"callback""#));
        let text = render_text(&tr);
        assert!(text.contains("@0.000   run #7 step Task-1"), "{text}");
        assert!(text.contains("@0.500   | hi"), "{text}");
    }
}
