//! Running a script. The page hands the script to a Web Worker (`static/worker.js`, which
//! loads the engine's wasm module, `src/bin/engine`, and calls its `loopscope_worker_run`), so
//! a long run never freezes the tab, reports its progress as it goes, and can be stopped. The
//! page's own module has no compiler or VM: only the wasm-bindgen tests (no worker there) run
//! scripts on the page's thread.

use crate::model::{Event, Replay};
use crate::protocol::{Reply, WireReply, BUDGET, EVENTS_PER_PART};
use crate::state::{Outcome, ScriptError, Stopped};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(test)]
pub use crate::protocol::CALLBACK_BUDGET;

/// Instructions a run on the page's own thread may take (no worker): that run freezes the
/// tab while it lasts, so it stays short.
pub const INLINE_BUDGET: u64 = 10_000_000;

/// What the VM says when a run exceeds its instruction budget (src/vm/interp.rs).
const BUDGET_MESSAGE: &str = "instruction budget exhausted";
/// ... and when one callback exceeds its own (src/vm/mod.rs, budget_error).
const CALLBACK_MESSAGE: &str = "without awaiting: this blocks the event loop";

fn outcome(reply: Reply, budget: u64) -> Outcome {
    match reply {
        Reply::Trace(trace) => {
            let replay = Rc::new(Replay::new(trace));
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
                Some(Stopped::Run(budget))
            } else if replay.trace().budget_stops > 0 || said(CALLBACK_MESSAGE) {
                Some(Stopped::Callback(
                    crate::protocol::limits(budget).callback_instructions,
                ))
            } else {
                None
            };
            Outcome::Replay { replay, stopped }
        }
        Reply::Error { line, col, message } => Outcome::Error(ScriptError { line, col, message }),
    }
}

/// Runs `source` on this thread under the inline budget (what the reducer tests use).
#[cfg(test)]
pub fn run(source: &str) -> Outcome {
    run_with_budget(source, INLINE_BUDGET)
}

/// Runs `source` on this thread: the wasm-bindgen tests, which have no worker.
#[cfg(test)]
pub fn run_with_budget(source: &str, budget: u64) -> Outcome {
    outcome(crate::protocol::run_reply(source, budget, None), budget)
}

/// The page's wasm has no compiler or VM (they are the engine's, which only the worker
/// loads), so where no worker starts the run cannot happen here either: say so.
#[cfg(not(test))]
pub fn run_with_budget(_source: &str, _budget: u64) -> Outcome {
    Outcome::Error(ScriptError {
        line: 0,
        col: 0,
        message: "the run worker could not start, and scripts run only there".to_string(),
    })
}

/// A finished run's reply being read on the page, a part per task. The parts stay JS
/// arrays until their turn: copying them all into wasm memory at once was itself a long
/// task (400,000 events as JSON: most of a second).
struct Loading {
    reply: Reply,
    parts: js_sys::Array,
    /// The next part to read.
    next: u32,
    /// Events in all the parts (an estimate until the last is read).
    total: u64,
}

impl Loading {
    fn new(parts: js_sys::Array) -> Result<Loading, String> {
        let head = parts
            .get(0)
            .as_string()
            .ok_or_else(|| "the worker sent no reply".to_string())?;
        let reply = serde_json::from_str::<WireReply>(&head)
            .map_err(|e| e.to_string())?
            .into_reply();
        let total = u64::from(parts.length().saturating_sub(1)) * EVENTS_PER_PART as u64;
        Ok(Loading {
            reply,
            parts,
            next: 1,
            total,
        })
    }

    /// Reads the next part; `Ok(false)` when all are read.
    fn read_part(&mut self) -> Result<bool, String> {
        if self.next >= self.parts.length() {
            return Ok(false);
        }
        let part = self
            .parts
            .get(self.next)
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| "a part of the reply is not bytes".to_string())?;
        self.next += 1;
        let events: Vec<Event> = loopscope::trace::decode_events(&part.to_vec())?;
        if let Reply::Trace(trace) = &mut self.reply {
            trace.events.extend(events);
        }
        Ok(true)
    }

    fn read(&self) -> u64 {
        match &self.reply {
            Reply::Trace(trace) => trace.events.len() as u64,
            Reply::Error { .. } => 0,
        }
    }
}

fn worker_failed(why: &str) -> Reply {
    Reply::Error {
        line: 0,
        col: 0,
        message: format!("the run failed in its worker: {why}"),
    }
}

/// How far a run in the worker has got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunProgress {
    pub events: u64,
    pub t: f64,
    /// The run is over and the page is reading its trace: events read so far, of how many.
    pub loading: Option<(u64, u64)>,
}

/// The page's side of the worker. One worker is kept warm between runs; Stop terminates it
/// (a synchronous run cannot be interrupted any other way) and the next run starts another.
pub struct Runner {
    worker: Option<web_sys::Worker>,
    /// The run the worker is busy with: its id and where its messages go.
    current: Rc<RefCell<Option<Pending>>>,
    next_id: u32,
    /// The worker could not start once: run on the page from now on.
    broken: bool,
    _on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(web_sys::ErrorEvent)>>,
}

struct Pending {
    id: u32,
    on_progress: Box<dyn Fn(RunProgress)>,
    on_done: Box<dyn Fn(Outcome)>,
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Hands the run's outcome to whoever waits for it.
fn finish(current: &Rc<RefCell<Option<Pending>>>, reply: Reply) {
    if let Some(p) = current.borrow_mut().take() {
        (p.on_done)(outcome(reply, BUDGET));
    }
}

/// Reads a finished run's reply a part per task, reporting how far it has got, unless the
/// run is stopped (or replaced) meanwhile.
fn read_reply(current: Rc<RefCell<Option<Pending>>>, id: i64, mut loading: Loading) {
    yew::platform::spawn_local(async move {
        loop {
            // Stopped, or replaced by another run, while the page rendered.
            if !matches!(current.borrow().as_ref(), Some(p) if i64::from(p.id) == id) {
                return;
            }
            match loading.read_part() {
                Ok(true) => {}
                Ok(false) => return finish(&current, loading.reply),
                Err(why) => return finish(&current, worker_failed(&why)),
            }
            if let Some(p) = current.borrow().as_ref() {
                let t = match &loading.reply {
                    Reply::Trace(tr) => tr.events.last().map_or(0.0, Event::time),
                    Reply::Error { .. } => 0.0,
                };
                let read = loading.read();
                (p.on_progress)(RunProgress {
                    events: read,
                    t,
                    loading: Some((read, loading.total.max(read))),
                });
            }
            // Let the page render and take input between parts.
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
    });
}

impl Default for Runner {
    fn default() -> Runner {
        Runner {
            worker: None,
            current: Rc::new(RefCell::new(None)),
            next_id: 1,
            broken: false,
            _on_message: None,
            _on_error: None,
        }
    }
}

impl Runner {
    fn spawn(&mut self) -> Option<web_sys::Worker> {
        if let Some(w) = &self.worker {
            return Some(w.clone());
        }
        if self.broken {
            return None;
        }
        // The wasm-bindgen tests build no engine for a worker to load: they run on the page.
        if cfg!(test) {
            self.broken = true;
            return None;
        }
        let Ok(worker) = web_sys::Worker::new("worker.js") else {
            self.broken = true;
            return None;
        };
        let current = self.current.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let id = get(&data, "id").as_f64().unwrap_or(-1.0) as i64;
                let kind = get(&data, "type").as_string().unwrap_or_default();
                let cur = current.borrow();
                let Some(p) = cur.as_ref().filter(|p| i64::from(p.id) == id) else {
                    return;
                };
                match kind.as_str() {
                    "progress" => (p.on_progress)(RunProgress {
                        events: get(&data, "events").as_f64().unwrap_or(0.0) as u64,
                        t: get(&data, "t").as_f64().unwrap_or(0.0),
                        loading: None,
                    }),
                    "done" => {
                        let loading = Loading::new(js_sys::Array::from(&get(&data, "parts")));
                        drop(cur);
                        match loading {
                            Ok(loading) => read_reply(current.clone(), id, loading),
                            Err(why) => finish(&current, worker_failed(&why)),
                        }
                    }
                    "failed" => {
                        let why = get(&data, "error").as_string().unwrap_or_default();
                        drop(cur);
                        finish(&current, worker_failed(&why));
                    }
                    _ => {}
                }
            });
        let current = self.current.clone();
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                if let Some(p) = current.borrow_mut().take() {
                    (p.on_done)(Outcome::Error(ScriptError {
                        line: 0,
                        col: 0,
                        message: format!("the run failed in its worker: {}", e.message()),
                    }));
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self._on_message = Some(on_message);
        self._on_error = Some(on_error);
        self.worker = Some(worker.clone());
        Some(worker)
    }

    /// Whether runs go to the worker (starting it if needed).
    pub fn can_use_worker(&mut self) -> bool {
        self.spawn().is_some()
    }

    /// Starts a run; exactly one of `on_done` (finished, failed or not compiled) follows,
    /// unless [`Runner::stop`] is called first.
    pub fn start(
        &mut self,
        source: &str,
        on_progress: impl Fn(RunProgress) + 'static,
        on_done: impl Fn(Outcome) + 'static,
    ) {
        let Some(worker) = self.spawn() else {
            on_done(run_with_budget(source, INLINE_BUDGET));
            return;
        };
        let id = self.next_id;
        self.next_id += 1;
        *self.current.borrow_mut() = Some(Pending {
            id,
            on_progress: Box::new(on_progress),
            on_done: Box::new(on_done),
        });
        let msg = crate::links::object(&[
            ("type", "run".into()),
            ("id", JsValue::from(id)),
            ("source", JsValue::from_str(source)),
            ("budget", JsValue::from(BUDGET as f64)),
        ]);
        if worker.post_message(&msg).is_err() {
            if let Some(p) = self.current.borrow_mut().take() {
                (p.on_done)(run_with_budget(source, INLINE_BUDGET));
            }
        }
    }

    /// Whether a run is under way in the worker.
    pub fn busy(&self) -> bool {
        self.current.borrow().is_some()
    }

    /// Stops the run under way: the worker is terminated (its run cannot be interrupted
    /// otherwise) and nothing of that run is kept; the next run starts a fresh worker.
    pub fn stop(&mut self) {
        self.current.borrow_mut().take();
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self._on_message = None;
        self._on_error = None;
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        self.stop();
    }
}
