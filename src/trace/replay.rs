//! Replaying a trace: any position of a run, as the views show it.
//!
//! The UI is a pure function of (trace, position): [`Replay::view`] rebuilds the loop's state
//! at a position from the nearest checkpoint plus the few events after it, so stepping back
//! costs the same as stepping forward. Position `p` is the state after the first `p` events;
//! `0` is before the script starts.

use super::event::{Event, Outcome, Str, TaskStateKind, ThreadStateKind, Trace, TRACE_VERSION};
use std::cell::Cell;
use std::collections::{HashMap, VecDeque};

/// How far one step goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    /// Next executed line in any coroutine.
    Line,
    /// Next handle popped from the ready queue.
    Callback,
    /// Next `_run_once` iteration.
    Turn,
    /// Next time the virtual clock moves (next timer fires).
    Time,
}

#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub pos: usize,
    /// The virtual clock.
    pub t: f64,
    /// How many `_run_once` iterations have begun.
    pub iteration: u64,
    /// The callback running now (None between callbacks).
    pub running: Option<ReadyItem>,
    /// The line executing now.
    pub current: Option<SourceMark>,
    /// Where every suspended task is paused.
    pub paused: Vec<SourceMark>,
    /// `_ready` in order.
    pub ready: Vec<ReadyItem>,
    /// `_scheduled`, sorted by `when`.
    pub timers: Vec<TimerItem>,
    /// Creation order.
    pub tasks: Vec<TaskCard>,
    pub primitives: Vec<PrimitiveCard>,
    /// Empty until the IO issue lands.
    pub io: Vec<IoItem>,
    /// The threads of the thread model (none unless the script uses threads).
    pub threads: Vec<ThreadCard>,
    pub console_len: usize,
    pub narration: Narration,
    /// What the step changed, one item per change ("ready queue: + step Task-2",
    /// "Task-2: running → waiting"), in both languages.
    pub changes: Vec<Narration>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Narration {
    pub en: String,
    pub zh: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceMark {
    pub line: u32,
    pub task: Option<u64>,
    pub color: usize,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReadyItem {
    pub handle: u64,
    pub desc: String,
    pub cancelled: bool,
    pub is_new: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimerItem {
    pub handle: u64,
    pub when: f64,
    pub desc: String,
    pub cancelled: bool,
    pub is_new: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskPhase {
    Ready,
    Running,
    Waiting,
    Done,
    Failed,
    Cancelled,
}

/// A thread of the thread model and what it does now.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadCard {
    pub ident: u64,
    /// "Thread-1 (worker)", "ThreadPoolExecutor-0_0", "MainThread".
    pub name: String,
    pub state: ThreadStateKind,
}

/// Timeline lanes of threads use ids with this bit set (task lanes use object ids).
pub const THREAD_LANE: u64 = 1 << 62;

#[derive(Clone, Debug, PartialEq)]
pub struct TaskCard {
    pub task: u64,
    /// "Task-2".
    pub name: String,
    /// "say_after()".
    pub coro: String,
    pub phase: TaskPhase,
    /// "waiting on sleep(1.0)", "result: 'hello'", "ZeroDivisionError: ...".
    pub detail: String,
    /// ["main()", "fetch()", "sleep(1.0)"].
    pub await_chain: Vec<String>,
    /// Why it last woke, in English and in Chinese: ("sleep(1) finished", "sleep(1) 已完成").
    pub woke_because: Option<(String, String)>,
    pub line: Option<u32>,
    /// Stable per task: an index into the UI's palette.
    pub color: usize,
    /// Changed since the previous position.
    pub changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrimitiveCard {
    pub primitive: u64,
    pub kind: String,
    pub state: String,
    /// Task names (or future descriptions).
    pub waiters: Vec<String>,
    pub changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IoItem {
    pub fd: i64,
    /// The selector registration: "READ", "WRITE", "READ|WRITE", or "-" (none).
    pub events: String,
    /// What runs (or which task wakes) when it is ready; empty when not registered.
    pub target: String,
    /// The socket in words ("connected to example.com:80, 120 B to read").
    pub socket: String,
    /// Bytes on their way to this socket.
    pub in_flight: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleLine {
    pub t: f64,
    pub stderr: bool,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Timeline {
    pub end_t: f64,
    pub last_pos: usize,
    pub lanes: Vec<Lane>,
    /// (position, virtual time) at every position where the clock moves, in order: the
    /// time at any position is that of the last entry at or before it (0 before the first).
    pub clock: Vec<(usize, f64)>,
}

impl Timeline {
    /// The virtual time at `pos`.
    pub fn time_at(&self, pos: usize) -> f64 {
        let i = self.clock.partition_point(|&(p, _)| p <= pos);
        if i == 0 {
            0.0
        } else {
            self.clock[i - 1].1
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub task: u64,
    pub name: String,
    pub color: usize,
    pub spans: Vec<LaneSpan>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneSpan {
    pub phase: TaskPhase,
    pub from_pos: usize,
    pub to_pos: usize,
    pub from_t: f64,
    pub to_t: f64,
}

/// The largest trace file `from_json` accepts.
pub const MAX_TRACE_BYTES: usize = 512 << 20;

/// A checkpoint is taken once this many events were applied since the last one, or more when
/// the state is large (see [`checkpoint_gap`]).
const CHECKPOINT_EVERY: usize = 128;

/// Events between checkpoints: a view clones a checkpoint (cost ~ the state's size) and
/// replays the gap, so a gap of a few times the state's size keeps both halves of a view's
/// cost the same order, and the checkpoints' total memory a fraction of the events'
/// (20,000 live tasks would otherwise mean a 4 MB copy every 128 events).
fn checkpoint_gap(st: &State) -> usize {
    CHECKPOINT_EVERY.max(st.weight() * 4)
}

// ---------------------------------------------------------------- reduced state

#[derive(Clone, Debug, Default)]
struct HandleSt {
    handle: u64,
    desc: Str,
    cancelled: bool,
}

#[derive(Clone, Debug)]
struct TimerSt {
    handle: u64,
    when: f64,
    /// Push order: among equal `when`s the earlier push fires first.
    seq: u64,
    desc: Str,
    cancelled: bool,
}

#[derive(Clone, Debug)]
struct TaskSt {
    task: u64,
    name: Str,
    coro: String,
    phase: TaskPhase,
    detail: String,
    awaiting: Option<u64>,
    chain: Str,
    /// Why it last woke, in English and Chinese.
    woke: Option<(String, String)>,
    line: Option<u32>,
    color: usize,
}

#[derive(Clone, Debug)]
struct PrimSt {
    primitive: u64,
    kind: Str,
    state: Str,
    waiters: Vec<u64>,
}

/// The loop as the events so far describe it. Strings stay indexes into the trace's table
/// until a view is built, so checkpoints are small.
#[derive(Clone, Debug, Default)]
struct State {
    t: f64,
    iteration: u64,
    running: Option<HandleSt>,
    /// (task, line) of the line executing now.
    current: Option<(Option<u64>, u32)>,
    current_task: Option<u64>,
    ready: VecDeque<HandleSt>,
    /// Handles `_run_once` will still pop this turn (it pops as many as were ready when
    /// the turn's timers had fired; cancelled ones are dropped without a callback).
    batch: usize,
    /// `_scheduled` by handle (a heap in the loop; sorted when shown).
    timers: HashMap<u64, TimerSt>,
    timer_seq: u64,
    tasks: Vec<TaskSt>,
    task_index: HashMap<u64, usize>,
    /// Future -> the tasks suspended on it.
    waiting_on: HashMap<u64, Vec<u64>>,
    prims: Vec<PrimSt>,
    prim_index: HashMap<u64, usize>,
    /// Waiter future -> (primitive, role: the WaiterAdded kind, e.g. "Queue.get").
    waiter_of: HashMap<u64, (u64, Str)>,
    /// Threads of the thread model: (ident, name, state), in start order.
    threads: Vec<(u64, Str, ThreadStateKind)>,
    /// The thread holding the GIL (its last `Thread` event said running; 0: none yet).
    gil: u64,
    /// Sockets of the simulated network by fd: (events, in flight, socket, target).
    io: std::collections::BTreeMap<i32, (u8, u32, Str, Str)>,
}

/// What the last applied event touched (for `changed` / `is_new`).
#[derive(Default)]
struct Touched {
    tasks: Vec<u64>,
    prims: Vec<u64>,
    handles: Vec<u64>,
    /// (task, phase before (None: new), phase after) for tasks whose phase changed.
    phases: Vec<(u64, Option<TaskPhase>, TaskPhase)>,
    /// The handle the loop popped to run.
    popped: Option<Str>,
}

fn phase_of(k: TaskStateKind) -> TaskPhase {
    match k {
        TaskStateKind::Running => TaskPhase::Running,
        TaskStateKind::Waiting => TaskPhase::Waiting,
        TaskStateKind::Ready => TaskPhase::Ready,
        TaskStateKind::Done => TaskPhase::Done,
        TaskStateKind::Failed => TaskPhase::Failed,
        TaskStateKind::Cancelled => TaskPhase::Cancelled,
    }
}

impl State {
    fn weight(&self) -> usize {
        self.ready.len() + self.timers.len() + self.tasks.len() + self.prims.len()
    }

    fn task(&self, id: u64) -> Option<&TaskSt> {
        self.tasks.get(*self.task_index.get(&id)?)
    }

    fn task_mut(&mut self, id: u64) -> Option<&mut TaskSt> {
        let i = *self.task_index.get(&id)?;
        self.tasks.get_mut(i)
    }

    fn prim(&self, id: u64) -> Option<&PrimSt> {
        self.prims.get(*self.prim_index.get(&id)?)
    }

    fn unwait(&mut self, task: u64) {
        let Some(f) = self.task(task).and_then(|t| t.awaiting) else {
            return;
        };
        if let Some(v) = self.waiting_on.get_mut(&f) {
            v.retain(|x| *x != task);
            if v.is_empty() {
                self.waiting_on.remove(&f);
            }
        }
    }

    /// The timers in firing order.
    fn sorted_timers(&self) -> Vec<&TimerSt> {
        let mut v: Vec<&TimerSt> = self.timers.values().collect();
        v.sort_by(|a, b| a.when.total_cmp(&b.when).then(a.seq.cmp(&b.seq)));
        v
    }

    /// The name of the thread running Python now, when it is not the main thread (ident 1).
    fn thread_running(&self) -> Option<Str> {
        if self.gil <= 1 {
            return None;
        }
        self.threads.iter().find(|t| t.0 == self.gil).map(|t| t.1)
    }

    fn apply(&mut self, tr: &Trace, e: &Event, touched: &mut Touched) {
        self.t = e.time();
        match e {
            Event::Line { line, .. } => {
                if self.thread_running().is_some() {
                    // A worker thread's line: no task of the loop is running it.
                    self.current = Some((None, *line));
                    return;
                }
                self.current = Some((self.current_task, *line));
                if let Some(task) = self.current_task {
                    if let Some(ts) = self.task_mut(task) {
                        ts.line = Some(*line);
                    }
                }
            }
            Event::IterationBegin { n, .. } => {
                self.iteration = *n;
                self.running = None;
                self.current = None;
                // `_run_once` first drops cancelled timers from the head of the heap.
                loop {
                    let head = self
                        .timers
                        .values()
                        .min_by(|a, b| a.when.total_cmp(&b.when).then(a.seq.cmp(&b.seq)))
                        .map(|x| (x.handle, x.cancelled));
                    match head {
                        Some((h, true)) => {
                            self.timers.remove(&h);
                        }
                        _ => break,
                    }
                }
                self.batch = self.ready.len();
            }
            Event::IterationEnd { .. } => {
                for _ in 0..self.batch.min(self.ready.len()) {
                    self.ready.pop_front();
                }
                self.batch = 0;
                self.running = None;
                self.current = None;
                self.current_task = None;
            }
            Event::Queued { handle, desc, .. } => {
                self.ready.push_back(HandleSt {
                    handle: *handle,
                    desc: *desc,
                    cancelled: false,
                });
                touched.handles.push(*handle);
            }
            Event::Callback { handle, desc, .. } => {
                // Handles ahead of it were cancelled and popped without running.
                let mut popped = None;
                while let Some(front) = self.ready.pop_front() {
                    self.batch = self.batch.saturating_sub(1);
                    if front.handle == *handle {
                        popped = Some(front);
                        break;
                    }
                }
                let h = popped.unwrap_or(HandleSt {
                    handle: *handle,
                    desc: *desc,
                    cancelled: false,
                });
                self.running = Some(HandleSt { desc: *desc, ..h });
                touched.popped = Some(*desc);
                self.current = None;
                self.current_task = None;
            }
            Event::TimerScheduled {
                handle, when, desc, ..
            } => {
                self.timer_seq += 1;
                self.timers.insert(
                    *handle,
                    TimerSt {
                        handle: *handle,
                        when: *when,
                        seq: self.timer_seq,
                        desc: *desc,
                        cancelled: false,
                    },
                );
                touched.handles.push(*handle);
            }
            Event::TimerFired { handle, .. } => {
                if let Some(tm) = self.timers.remove(handle) {
                    self.ready.push_back(HandleSt {
                        handle: tm.handle,
                        desc: tm.desc,
                        cancelled: tm.cancelled,
                    });
                    self.batch += 1;
                    touched.handles.push(*handle);
                }
            }
            Event::TimerCancelled { handle, .. } => {
                if let Some(tm) = self.timers.get_mut(handle) {
                    tm.cancelled = true;
                    touched.handles.push(*handle);
                }
            }
            Event::FutureCreated { .. } => {}
            Event::FutureDone {
                future,
                outcome,
                repr,
                ..
            } => {
                let repr = tr.str(*repr);
                if let Some(ts) = self.task_mut(*future) {
                    ts.detail = match outcome {
                        Outcome::Result => format!("result: {repr}"),
                        Outcome::Exception => exception_words(repr),
                        Outcome::Cancelled => String::from("cancelled"),
                    };
                    touched.tasks.push(*future);
                }
                // Whoever awaited it is woken: its wakeup joins the ready queue next.
                let what = self.future_words(tr, *future);
                let prim = self
                    .waiter_of
                    .get(future)
                    .and_then(|(p, _)| self.prim(*p))
                    .map(|p| tr.str(p.kind).to_string());
                let why = match (prim, outcome) {
                    (Some(k), Outcome::Result) => {
                        (format!("the {k} woke it"), format!("{k} 唤醒了它"))
                    }
                    (_, Outcome::Result) => (format!("{what} finished"), format!("{what} 已完成")),
                    (_, Outcome::Exception) => {
                        let x = exception_words(repr);
                        (format!("{what} raised {x}"), format!("{what} 抛出了 {x}"))
                    }
                    (_, Outcome::Cancelled) => {
                        (format!("{what} was cancelled"), format!("{what} 被取消了"))
                    }
                };
                // The entry stays until the task runs again: the primitive's "woke its
                // waiter" event that follows still finds who it was.
                let waiters = self.waiting_on.get(future).cloned().unwrap_or_default();
                for task in waiters {
                    if let Some(ts) = self.task_mut(task) {
                        if ts.phase == TaskPhase::Waiting {
                            touched
                                .phases
                                .push((task, Some(TaskPhase::Waiting), TaskPhase::Ready));
                            ts.phase = TaskPhase::Ready;
                            ts.detail = String::from("ready to resume");
                            ts.woke = Some(why.clone());
                            touched.tasks.push(task);
                        }
                    }
                }
            }
            Event::TaskCreated {
                task, name, coro, ..
            } => {
                if self.task_index.contains_key(task) {
                    return;
                }
                let color = self.tasks.len();
                let coro = tr.str(*coro).split(' ').next().unwrap_or("").to_string();
                self.tasks.push(TaskSt {
                    task: *task,
                    name: *name,
                    coro,
                    phase: TaskPhase::Ready,
                    detail: String::from("created, its first step is queued"),
                    awaiting: None,
                    chain: 0,
                    woke: None,
                    line: None,
                    color,
                });
                self.task_index.insert(*task, self.tasks.len() - 1);
                touched.tasks.push(*task);
                touched.phases.push((*task, None, TaskPhase::Ready));
            }
            Event::TaskState {
                task,
                state,
                awaiting,
                chain,
                ..
            } => {
                let phase = phase_of(*state);
                if phase == TaskPhase::Running {
                    self.current_task = Some(*task);
                } else if self.current_task == Some(*task) {
                    self.current_task = None;
                }
                self.unwait(*task);
                let waits = match (phase, *awaiting) {
                    (TaskPhase::Waiting, f) if f != 0 => Some(f),
                    _ => None,
                };
                if let Some(f) = waits {
                    self.waiting_on.entry(f).or_default().push(*task);
                }
                let target = waits.map(|f| {
                    let c = tr.str(*chain);
                    match c.rsplit('\n').next() {
                        Some(last) if !last.is_empty() => last.to_string(),
                        _ => self.future_words(tr, f),
                    }
                });
                if let Some(ts) = self.task_mut(*task) {
                    if ts.phase != phase {
                        touched.phases.push((*task, Some(ts.phase), phase));
                    }
                    ts.phase = phase;
                    ts.awaiting = waits;
                    match phase {
                        TaskPhase::Waiting => {
                            ts.detail = format!("waiting on {}", target.unwrap_or_default());
                            ts.chain = *chain;
                        }
                        TaskPhase::Running => {
                            ts.detail = String::from("running");
                            ts.chain = 0;
                        }
                        TaskPhase::Ready => {
                            ts.detail = String::from("ready to resume");
                            ts.chain = 0;
                        }
                        _ => ts.chain = 0,
                    }
                    touched.tasks.push(*task);
                }
            }
            Event::WaiterAdded {
                primitive,
                kind,
                future,
                ..
            } => {
                self.waiter_of.insert(*future, (*primitive, *kind));
                if let Some(i) = self.prim_index.get(primitive) {
                    self.prims[*i].waiters.push(*future);
                    touched.prims.push(*primitive);
                }
            }
            Event::WaiterWoken { .. } => {}
            Event::Primitive {
                primitive,
                kind,
                state,
                waiters,
                ..
            } => {
                if tr.str(*kind).is_empty() {
                    // Internal to another primitive: no card.
                    if let Some(i) = self.prim_index.remove(primitive) {
                        self.prims.remove(i);
                        for v in self.prim_index.values_mut() {
                            if *v > i {
                                *v -= 1;
                            }
                        }
                    }
                    return;
                }
                let p = PrimSt {
                    primitive: *primitive,
                    kind: *kind,
                    state: *state,
                    waiters: tr.list(*waiters).to_vec(),
                };
                match self.prim_index.get(primitive) {
                    Some(i) => self.prims[*i] = p,
                    None => {
                        self.prims.push(p);
                        self.prim_index.insert(*primitive, self.prims.len() - 1);
                    }
                }
                touched.prims.push(*primitive);
            }
            Event::Thread {
                thread,
                name,
                state,
                ..
            } => {
                if *state == ThreadStateKind::Running {
                    self.gil = *thread;
                }
                match self.threads.iter_mut().find(|x| x.0 == *thread) {
                    Some(x) => {
                        x.1 = *name;
                        x.2 = *state;
                    }
                    None => self.threads.push((*thread, *name, *state)),
                }
            }
            Event::Io {
                fd,
                events,
                in_flight,
                socket,
                target,
                ..
            } => {
                if *events == 0 && tr.str(*socket) == "closed" {
                    self.io.remove(fd);
                } else {
                    self.io.insert(*fd, (*events, *in_flight, *socket, *target));
                }
            }
            Event::Output { .. } => {}
        }
    }

    /// A future in words: a task's name, "sleep(1.0)", "a Lock", or "future #12".
    fn future_words(&self, tr: &Trace, f: u64) -> String {
        if let Some(t) = self.task(f) {
            return tr.str(t.name).to_string();
        }
        if let Some((p, _)) = self.waiter_of.get(&f) {
            if let Some(ps) = self.prim(*p) {
                return format!("the {}", tr.str(ps.kind));
            }
        }
        if let Some(tasks) = self.waiting_on.get(&f) {
            for t in tasks {
                if let Some(ts) = self.task(*t) {
                    if let Some(last) = tr.str(ts.chain).rsplit('\n').next() {
                        if !last.is_empty() {
                            return last.to_string();
                        }
                    }
                }
            }
        }
        format!("future #{f}")
    }

    /// Who waits on waiter future `f` of a primitive: "Task-3" or "Task-3 (get)".
    fn waiter_words(&self, tr: &Trace, f: u64) -> String {
        let who = self
            .waiting_on
            .get(&f)
            .and_then(|v| v.first())
            .and_then(|t| self.task(*t))
            .map(|t| tr.str(t.name).to_string())
            .unwrap_or_else(|| format!("future #{f}"));
        match self.waiter_of.get(&f).map(|(_, r)| tr.str(*r)) {
            Some(r) if r.starts_with("Queue.") => format!("{who} ({})", &r[6..]),
            _ => who,
        }
    }
}

/// A task card's detail line in Chinese (the replay writes it in English; exceptions and
/// reprs are Python's own text and stay as they are).
pub fn task_detail_zh(detail: &str) -> String {
    match detail {
        "ready to resume" => "准备继续运行".to_string(),
        "created, its first step is queued" => "已创建，第一步已排队".to_string(),
        "cancelled" => "已取消".to_string(),
        "running" => "运行中".to_string(),
        _ => {
            if let Some(what) = detail.strip_prefix("waiting on ") {
                format!("等待 {what}")
            } else if let Some(r) = detail.strip_prefix("result: ") {
                format!("结果：{r}")
            } else {
                detail.to_string()
            }
        }
    }
}

/// A primitive's state in Chinese. The runtime describes states in English words
/// (asyncio.py, `_trace_prim`); queue and barrier states are CPython's own repr fields and
/// stay as they are.
pub fn primitive_state_zh(state: &str) -> String {
    match state {
        "unlocked" => "未锁定".to_string(),
        "locked" => "已锁定".to_string(),
        "set" => "已设置".to_string(),
        "unset" => "未设置".to_string(),
        _ => {
            if let Some(owner) = state.strip_prefix("locked by ") {
                format!("被 {owner} 持有")
            } else if let Some(v) = state.strip_prefix("value:") {
                format!("值 = {v}")
            } else {
                state.to_string()
            }
        }
    }
}

/// "ZeroDivisionError('division by zero')" -> "ZeroDivisionError: division by zero".
fn exception_words(repr: &str) -> String {
    if let Some((name, rest)) = repr.split_once('(') {
        let inner = rest.strip_suffix(')').unwrap_or(rest);
        let inner = inner
            .strip_prefix('\'')
            .and_then(|x| x.strip_suffix('\''))
            .or_else(|| inner.strip_prefix('"').and_then(|x| x.strip_suffix('"')))
            .unwrap_or(inner);
        if inner.is_empty() {
            return name.to_string();
        }
        return format!("{name}: {inner}");
    }
    repr.to_string()
}

// ---------------------------------------------------------------- the replay

/// A trace plus the indexes that make any position cheap to show.
pub struct Replay {
    trace: Trace,
    /// (position, state after that many events), ascending.
    checkpoints: Vec<(usize, State)>,
    line_stops: Vec<usize>,
    callback_stops: Vec<usize>,
    turn_stops: Vec<usize>,
    time_stops: Vec<usize>,
    /// console_after[p]: console lines visible at position p.
    console_after: Vec<u32>,
    console: Vec<ConsoleLine>,
    timeline: Timeline,
    /// The state of the position last viewed (and what its last event touched). With 1,000
    /// tasks checkpoints lie thousands of events apart; a step forward from the last view
    /// applies the few events it steps over instead of copying a checkpoint and replaying
    /// the gap.
    cursor: Cell<Option<(usize, State, Touched)>>,
}

impl Replay {
    pub fn new(trace: Trace) -> Replay {
        let mut r = Replay {
            trace,
            checkpoints: Vec::new(),
            line_stops: Vec::new(),
            callback_stops: Vec::new(),
            turn_stops: Vec::new(),
            time_stops: Vec::new(),
            console_after: Vec::new(),
            console: Vec::new(),
            timeline: Timeline::default(),
            cursor: Cell::new(None),
        };
        r.index();
        r
    }

    /// Parse and validate a trace file (JSON). Errors are messages for the user.
    pub fn from_json(text: &str) -> Result<Replay, String> {
        Replay::from_json_limited(text, MAX_TRACE_BYTES)
    }

    fn from_json_limited(text: &str, limit: usize) -> Result<Replay, String> {
        if text.len() > limit {
            return Err(format!(
                "the trace file is too large ({} bytes; the limit is {limit})",
                text.len()
            ));
        }
        #[derive(serde::Deserialize)]
        struct Header {
            version: u32,
        }
        let version_error = |v: u32| {
            format!(
                "trace format {v} is not supported (this loopscope reads format {TRACE_VERSION})"
            )
        };
        let trace: Trace = match serde_json::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                // Another format's trace fails the schema: say so rather than why.
                return Err(match serde_json::from_str::<Header>(text) {
                    Ok(h) if h.version != TRACE_VERSION => version_error(h.version),
                    _ => format!("not a loopscope trace: {e}"),
                });
            }
        };
        if trace.version != TRACE_VERSION {
            return Err(version_error(trace.version));
        }
        validate(&trace)?;
        Ok(Replay::new(trace))
    }

    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The last position: all events applied.
    pub fn last(&self) -> usize {
        self.trace.events.len()
    }

    /// The next/previous position at that granularity, clamped to 0..=last().
    pub fn step(&self, pos: usize, g: Granularity, forward: bool) -> usize {
        let stops = match g {
            Granularity::Line => &self.line_stops,
            Granularity::Callback => &self.callback_stops,
            Granularity::Turn => &self.turn_stops,
            Granularity::Time => &self.time_stops,
        };
        let pos = pos.min(self.last());
        if forward {
            let i = stops.partition_point(|&p| p <= pos);
            stops.get(i).copied().unwrap_or(self.last())
        } else {
            let i = stops.partition_point(|&p| p < pos);
            if i == 0 {
                0
            } else {
                stops[i - 1]
            }
        }
    }

    /// Whole-run Gantt data.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// All console lines of the run; `View::console_len` says how many are visible.
    pub fn console(&self) -> &[ConsoleLine] {
        &self.console
    }

    /// How many console lines are visible at `pos` (never decreases with `pos`).
    pub fn console_len_at(&self, pos: usize) -> usize {
        let i = pos.min(self.console_after.len().saturating_sub(1));
        self.console_after.get(i).map_or(0, |&n| n as usize)
    }

    /// The first position at virtual time `t` or later (for a click on the timeline).
    pub fn position_at_time(&self, t: f64) -> usize {
        let ev = &self.trace.events;
        let i = ev.partition_point(|e| e.time() < t);
        // Position i+1 shows event i, the first one at that time.
        (i + 1).min(self.last())
    }

    fn index(&mut self) {
        let mut st = State::default();
        let mut since = 0usize;
        self.checkpoints.push((0, st.clone()));
        let mut prev_t = 0.0f64;
        let mut clock = Vec::new();
        let mut lanes: Vec<Lane> = Vec::new();
        let mut lane_of: HashMap<u64, usize> = HashMap::new();
        let mut open_stdout = false;
        let mut open_stderr = false;
        self.console_after.push(0);
        let n = self.trace.events.len();
        for i in 0..n {
            let e = &self.trace.events[i];
            let pos = i + 1;
            let mut touched = Touched::default();
            st.apply(&self.trace, e, &mut touched);
            match e {
                Event::Line { .. } => self.line_stops.push(pos),
                Event::Callback { .. } => self.callback_stops.push(pos),
                Event::IterationBegin { .. } => self.turn_stops.push(pos),
                Event::Thread {
                    thread,
                    name,
                    state,
                    t,
                } => {
                    // A lane per thread: running (holds the GIL), ready (waits for it),
                    // waiting (blocked), done.
                    let id = THREAD_LANE | *thread;
                    let li = *lane_of.entry(id).or_insert_with(|| {
                        lanes.push(Lane {
                            task: id,
                            name: format!("🧵 {}", self.trace.str(*name)),
                            color: lanes.len(),
                            spans: Vec::new(),
                        });
                        lanes.len() - 1
                    });
                    let lane = &mut lanes[li];
                    lane.name = format!("🧵 {}", self.trace.str(*name));
                    let phase = match state {
                        ThreadStateKind::Running => TaskPhase::Running,
                        ThreadStateKind::Started | ThreadStateKind::Ready => TaskPhase::Ready,
                        ThreadStateKind::Blocked => TaskPhase::Waiting,
                        ThreadStateKind::Done => TaskPhase::Done,
                    };
                    if lane.spans.last().map(|s| s.phase) != Some(phase) {
                        if let Some(s) = lane.spans.last_mut() {
                            s.to_pos = pos;
                            s.to_t = *t;
                        }
                        lane.spans.push(LaneSpan {
                            phase,
                            from_pos: pos,
                            to_pos: pos,
                            from_t: *t,
                            to_t: *t,
                        });
                    }
                }
                Event::Output { stderr, text, t } => {
                    let stderr = *stderr;
                    let text = self.trace.str(*text);
                    let open = if stderr {
                        &mut open_stderr
                    } else {
                        &mut open_stdout
                    };
                    push_console(&mut self.console, *t, stderr, text, open);
                }
                _ => {}
            }
            if e.time() > prev_t {
                self.time_stops.push(pos);
                prev_t = e.time();
                clock.push((pos, prev_t));
            }
            self.console_after.push(self.console.len() as u32);
            // Lanes: a span per phase change.
            for id in &touched.tasks {
                let Some(ts) = st.task_index.get(id).and_then(|i| st.tasks.get(*i)) else {
                    continue;
                };
                let li = *lane_of.entry(*id).or_insert_with(|| {
                    lanes.push(Lane {
                        task: *id,
                        name: self.trace.str(ts.name).to_string(),
                        color: ts.color,
                        spans: Vec::new(),
                    });
                    lanes.len() - 1
                });
                let lane = &mut lanes[li];
                let same = lane.spans.last().map(|s| s.phase) == Some(ts.phase);
                if !same {
                    if let Some(s) = lane.spans.last_mut() {
                        s.to_pos = pos;
                        s.to_t = st.t;
                    }
                    lane.spans.push(LaneSpan {
                        phase: ts.phase,
                        from_pos: pos,
                        to_pos: pos,
                        from_t: st.t,
                        to_t: st.t,
                    });
                }
            }
            since += 1;
            if since >= checkpoint_gap(&st) {
                self.checkpoints.push((pos, st.clone()));
                since = 0;
            }
        }
        let end_t = st.t;
        for lane in &mut lanes {
            if let Some(s) = lane.spans.last_mut() {
                if !matches!(
                    s.phase,
                    TaskPhase::Done | TaskPhase::Failed | TaskPhase::Cancelled
                ) {
                    s.to_pos = n;
                    s.to_t = end_t;
                } else {
                    s.to_pos = s.from_pos;
                    s.to_t = s.from_t;
                }
            }
        }
        self.timeline = Timeline {
            end_t,
            last_pos: n,
            lanes,
            clock,
        };
    }

    /// The state after `pos` events, and what event `pos - 1` touched.
    fn state_at(&self, pos: usize) -> (State, Touched) {
        let pos = pos.min(self.last());
        let target = pos.saturating_sub(1);
        let ci = self.checkpoints.partition_point(|(p, _)| *p <= target);
        let (cp, cp_st) = &self.checkpoints[ci.saturating_sub(1)];
        let (from, mut st, mut touched) = match self.cursor.take() {
            Some(c) if *cp <= c.0 && c.0 <= pos => c,
            _ => (*cp, cp_st.clone(), Touched::default()),
        };
        for i in from..pos {
            touched = Touched::default();
            st.apply(&self.trace, &self.trace.events[i], &mut touched);
        }
        (st, touched)
    }

    /// Everything the views show at `pos`.
    pub fn view(&self, pos: usize) -> View {
        let tr = &self.trace;
        let pos = pos.min(self.last());
        let (st, touched) = self.state_at(pos);
        let name_of = |task: u64| st.task(task).map(|t| tr.str(t.name)).unwrap_or("");
        let current = st.current.map(|(task, line)| SourceMark {
            line,
            task,
            color: task.and_then(|t| st.task(t)).map(|t| t.color).unwrap_or(0),
            label: match task {
                Some(t) => name_of(t).to_string(),
                None => String::from("main"),
            },
        });
        let paused = st
            .tasks
            .iter()
            .filter(|t| matches!(t.phase, TaskPhase::Waiting | TaskPhase::Ready))
            .filter_map(|t| {
                t.line.map(|line| SourceMark {
                    line,
                    task: Some(t.task),
                    color: t.color,
                    label: tr.str(t.name).to_string(),
                })
            })
            .collect();
        let ready = st
            .ready
            .iter()
            .map(|h| ReadyItem {
                handle: h.handle,
                desc: tr.str(h.desc).to_string(),
                cancelled: h.cancelled,
                is_new: touched.handles.contains(&h.handle),
            })
            .collect();
        let timers = st
            .sorted_timers()
            .into_iter()
            .map(|h| TimerItem {
                handle: h.handle,
                when: h.when,
                desc: tr.str(h.desc).to_string(),
                cancelled: h.cancelled,
                is_new: touched.handles.contains(&h.handle),
            })
            .collect();
        let tasks = st
            .tasks
            .iter()
            .map(|t| TaskCard {
                task: t.task,
                name: tr.str(t.name).to_string(),
                coro: t.coro.clone(),
                phase: t.phase,
                detail: t.detail.clone(),
                await_chain: match tr.str(t.chain) {
                    "" => Vec::new(),
                    c => c.split('\n').map(str::to_string).collect(),
                },
                woke_because: t.woke.clone(),
                line: t.line,
                color: t.color,
                changed: touched.tasks.contains(&t.task),
            })
            .collect();
        let primitives = st
            .prims
            .iter()
            .map(|p| PrimitiveCard {
                primitive: p.primitive,
                kind: tr.str(p.kind).to_string(),
                state: tr.str(p.state).to_string(),
                waiters: p.waiters.iter().map(|w| st.waiter_words(tr, *w)).collect(),
                changed: touched.prims.contains(&p.primitive),
            })
            .collect();
        let narration = match pos.checked_sub(1).and_then(|i| tr.events.get(i)) {
            Some(e) => narrate(tr, e, &st, &touched),
            None => Narration {
                en: String::from("Before the script starts."),
                zh: String::from("脚本尚未开始。"),
            },
        };
        let changes = self.changes(&st, &touched, pos);
        let view = View {
            pos,
            t: st.t,
            iteration: st.iteration,
            running: st.running.as_ref().map(|h| ReadyItem {
                handle: h.handle,
                desc: tr.str(h.desc).to_string(),
                cancelled: h.cancelled,
                is_new: false,
            }),
            current,
            paused,
            ready,
            timers,
            tasks,
            primitives,
            io: st
                .io
                .iter()
                .map(|(fd, (events, in_flight, socket, target))| IoItem {
                    fd: i64::from(*fd),
                    events: super::io_events(*events).to_string(),
                    target: tr.str(*target).to_string(),
                    socket: tr.str(*socket).to_string(),
                    in_flight: u64::from(*in_flight),
                })
                .collect(),
            threads: st
                .threads
                .iter()
                .map(|(ident, name, state)| ThreadCard {
                    ident: *ident,
                    name: tr.str(*name).to_string(),
                    state: *state,
                })
                .collect(),
            console_len: self.console_after.get(pos).copied().unwrap_or(0) as usize,
            narration,
            changes,
        };
        self.cursor.set(Some((pos, st, touched)));
        view
    }

    /// The changes the step to `pos` made, from what its event touched.
    fn changes(&self, st: &State, touched: &Touched, pos: usize) -> Vec<Narration> {
        let tr = &self.trace;
        let mut out = Vec::new();
        let mut add = |en: String, zh: String| out.push(Narration { en, zh });
        if let Some(d) = touched.popped {
            let d = tr.str(d);
            add(
                format!("ready queue: − {d} (now running)"),
                format!("就绪队列：− {d}（正在运行）"),
            );
        }
        for h in &touched.handles {
            if let Some(r) = st.ready.iter().rev().find(|x| x.handle == *h) {
                let d = tr.str(r.desc);
                add(format!("ready queue: + {d}"), format!("就绪队列：+ {d}"));
            } else if let Some(tm) = st.timers.get(h) {
                let d = tr.str(tm.desc);
                if tm.cancelled {
                    add(
                        format!("timers: t={:.3} {d} cancelled", tm.when),
                        format!("定时器：t={:.3} {d} 已取消", tm.when),
                    );
                } else {
                    add(
                        format!("timers: + t={:.3} {d}", tm.when),
                        format!("定时器：+ t={:.3} {d}", tm.when),
                    );
                }
            }
        }
        let words = |p: TaskPhase| match p {
            TaskPhase::Ready => ("ready", "就绪"),
            TaskPhase::Running => ("running", "运行"),
            TaskPhase::Waiting => ("waiting", "等待"),
            TaskPhase::Done => ("done", "完成"),
            TaskPhase::Failed => ("failed", "失败"),
            TaskPhase::Cancelled => ("cancelled", "已取消"),
        };
        for (task, before, after) in &touched.phases {
            let n = st.task(*task).map(|t| tr.str(t.name)).unwrap_or("?");
            let (ae, az) = words(*after);
            match before {
                Some(b) => {
                    let (be, bz) = words(*b);
                    add(format!("{n}: {be} → {ae}"), format!("{n}：{bz} → {az}"));
                }
                None => add(format!("{n}: new, {ae}"), format!("{n}：新建，{az}")),
            }
        }
        for p in &touched.prims {
            if let Some(ps) = st.prim(*p) {
                let (k, s) = (tr.str(ps.kind), tr.str(ps.state));
                add(format!("{k}: {s}"), format!("{k}：{s}"));
            }
        }
        let before = pos
            .checked_sub(1)
            .and_then(|p| self.console_after.get(p))
            .copied()
            .unwrap_or(0);
        let now = self.console_after.get(pos).copied().unwrap_or(0);
        if now > before {
            let n = now - before;
            add(
                format!("console: + {n} line(s)"),
                format!("控制台：+ {n} 行"),
            );
        }
        out
    }
}

/// Limits for [`run`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunLimits {
    /// VM instructions for the whole run (a script that loops forever stops here, with a
    /// message on stderr).
    pub instructions: u64,
    /// Trace events kept; past this only output is recorded (`Trace::truncated`).
    pub max_events: usize,
    /// VM instructions one event-loop callback may run (0: no limit): a task that never
    /// awaits is stopped with a message naming it, and the rest of the run goes on.
    pub callback_instructions: u64,
    /// Bytes the process may hold (script and trace) before the script gets a MemoryError
    /// (see src/vm/memory.rs; only a counting global allocator makes this cover everything).
    pub memory: usize,
}

impl Default for RunLimits {
    fn default() -> RunLimits {
        RunLimits {
            instructions: 200_000_000,
            max_events: 2_000_000,
            callback_instructions: 50_000_000,
            memory: crate::vm::memory::DEFAULT_LIMIT,
        }
    }
}

/// A script that does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunError {
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters (0: the error has no column, e.g. at the end of the file).
    pub column: u32,
    /// "SyntaxError: invalid syntax".
    pub message: String,
    /// The whole report as CPython prints it (as `loopscope run` writes it to stderr).
    pub rendered: String,
}

/// The file name [`run`] gives the script.
pub const RUN_SCRIPT_NAME: &str = "main.py";

/// Compile and run `source` with tracing on. A syntax error is a [`RunError`]; an
/// exception at run time still gives a replay (its traceback is on the console, as stderr).
pub fn run(source: &str, limits: RunLimits) -> Result<Replay, RunError> {
    run_trace(source, limits, None).map(Replay::new)
}

/// [`run`], keeping the trace itself (the browser's worker sends it to the page), with an
/// optional progress report.
pub fn run_trace(
    source: &str,
    limits: RunLimits,
    progress: Option<super::Progress>,
) -> Result<Trace, RunError> {
    use crate::lang::span::SourceFile;
    let src = SourceFile::new(RUN_SCRIPT_NAME, source);
    let checked = crate::lang::parser::parse_module(&src)
        .and_then(|m| crate::lang::compiler::compile_module(&m, &src));
    if let Err(e) = checked {
        return Err(RunError {
            line: e.span.line,
            column: e.span.col,
            message: format!("{}: {}", e.type_name(), e.msg),
            rendered: e.render(&src),
        });
    }
    let mut vm = crate::vm::Vm::new();
    vm.total_budget = limits.instructions;
    vm.callback_budget = limits.callback_instructions;
    vm.memory_limit = limits.memory;
    // The trace keeps the output; nothing else needs it.
    struct Discard;
    impl crate::vm::OutputSink for Discard {
        fn write(&mut self, _stream: crate::vm::Stream, _text: &str) {}
    }
    vm.out = Box::new(Discard);
    let mut rec = super::Recorder::new();
    rec.max_events = limits.max_events;
    rec.progress = progress;
    Ok(crate::runtime::trace_script_with(
        &mut vm,
        RUN_SCRIPT_NAME,
        source,
        &[],
        false,
        rec,
    ))
}

/// Checks what serde cannot: string indexes in range, times that never go back, and
/// tasks/timers that exist before they are used.
fn validate(tr: &Trace) -> Result<(), String> {
    let n = tr.strings.len() as u64;
    let mut tasks = std::collections::HashSet::new();
    let mut timers = std::collections::HashSet::new();
    let mut last_t = 0.0f64;
    for (i, e) in tr.events.iter().enumerate() {
        let bad = |what: &str| Err(format!("event {i}: {what}"));
        let t = e.time();
        if !t.is_finite() || t < last_t {
            return bad("its time is not a finite time after the previous event's");
        }
        last_t = t;
        let strs: &[Str] = match e {
            Event::Line { func, file, .. } => &[*func, *file],
            Event::Queued { desc, .. } | Event::Callback { desc, .. } => &[*desc],
            Event::TimerScheduled { desc, .. } => &[*desc],
            Event::FutureDone { repr, .. } => &[*repr],
            Event::TaskCreated { name, coro, .. } => &[*name, *coro],
            Event::TaskState { chain, .. } => &[*chain],
            Event::WaiterAdded { kind, .. } => &[*kind],
            Event::Primitive {
                kind,
                state,
                waiters,
                ..
            } => {
                if *waiters as usize >= tr.lists.len().max(1) {
                    return bad("a list index is out of range");
                }
                &[*kind, *state]
            }
            Event::Output { text, .. } => &[*text],
            Event::Thread { name, .. } => &[*name],
            Event::Io { socket, target, .. } => &[*socket, *target],
            _ => &[],
        };
        if strs.iter().any(|s| u64::from(*s) >= n) {
            return bad("a string index is out of range");
        }
        match e {
            Event::TaskCreated { task, .. } => {
                tasks.insert(*task);
            }
            Event::TaskState { task, .. } if !tasks.contains(task) => {
                return bad("a task changes state before it was created");
            }
            Event::TimerScheduled { handle, when, .. } => {
                if !when.is_finite() {
                    return bad("a timer's time is not finite");
                }
                timers.insert(*handle);
            }
            Event::TimerFired { handle, .. } | Event::TimerCancelled { handle, .. }
                if !timers.contains(handle) =>
            {
                return bad("a timer fires or is cancelled before it was scheduled");
            }
            _ => {}
        }
    }
    Ok(())
}

/// Appends output text to the console, line by line; `open` says the stream's last line is
/// still being written.
fn push_console(console: &mut Vec<ConsoleLine>, t: f64, stderr: bool, text: &str, open: &mut bool) {
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let ends = piece.ends_with('\n');
        let last_open = if *open {
            console.iter_mut().rev().find(|c| c.stderr == stderr)
        } else {
            None
        };
        match last_open {
            Some(c) => c.text.push_str(body),
            None => console.push(ConsoleLine {
                t,
                stderr,
                text: body.to_string(),
            }),
        }
        *open = !ends;
    }
}

/// One or two plain sentences about event `e` (the step just taken), in English and
/// Chinese. `st` is the state after it; `touched` what it changed.
fn narrate(tr: &Trace, e: &Event, st: &State, touched: &Touched) -> Narration {
    let name = |task: u64| {
        st.task(task)
            .map(|t| tr.str(t.name).to_string())
            .unwrap_or_else(|| format!("task #{task}"))
    };
    let (who_en, who_zh) = match (st.thread_running(), st.current_task) {
        (Some(th), _) => (
            format!("Thread {}", tr.str(th)),
            format!("线程 {}", tr.str(th)),
        ),
        (None, Some(t)) => (name(t), name(t)),
        (None, None) => (String::from("The main program"), String::from("主程序")),
    };
    let step_of = |desc: &str| desc.strip_prefix("step ").map(str::to_string);
    let woken: Vec<String> = touched
        .tasks
        .iter()
        .filter(|t| {
            st.task(**t)
                .map(|x| x.phase == TaskPhase::Ready)
                .unwrap_or(false)
        })
        .map(|t| name(*t))
        .collect();
    let (en, zh) = match e {
        Event::Line { line, func, .. } => {
            let f = tr.str(*func);
            if f == "<module>" {
                (
                    format!("{who_en} runs line {line} of the script."),
                    format!("{who_zh} 执行脚本第 {line} 行。"),
                )
            } else {
                (
                    format!("{who_en} runs line {line} (in {f})."),
                    format!("{who_zh} 执行第 {line} 行（在 {f} 中）。"),
                )
            }
        }
        Event::IterationBegin {
            n, ready, timeout, ..
        } => match Some(*timeout).filter(|x| !x.is_nan()) {
            Some(to) if to > 0.0 => {
                let at = st.t + to;
                (
                    format!(
                        "Loop turn {n}: nothing is ready, so the loop sleeps until the next \
                         timer at t={at:.3}."
                    ),
                    format!("事件循环第 {n} 轮：没有就绪的回调，循环休眠到下一个定时器 t={at:.3}。"),
                )
            }
            None if *ready == 0 => (
                format!("Loop turn {n}: nothing is ready and no timer is pending."),
                format!("事件循环第 {n} 轮：没有就绪的回调，也没有等待中的定时器。"),
            ),
            _ => (
                format!("Loop turn {n} begins: {ready} callback(s) are ready to run."),
                format!("事件循环第 {n} 轮开始：{ready} 个回调已就绪。"),
            ),
        },
        Event::IterationEnd { n, .. } => (
            format!("Loop turn {n} ends: every callback that was ready at its start has run."),
            format!("事件循环第 {n} 轮结束：本轮开始时就绪的回调都已运行。"),
        ),
        Event::Queued { desc, .. } => {
            let d = tr.str(*desc);
            let at = st.ready.len();
            match step_of(d) {
                Some(task) => (
                    format!(
                        "A step of {task} joins the back of the ready queue (position {at}): \
                         {task} will run when the loop gets to it."
                    ),
                    format!("{task} 的一步被放到就绪队列末尾（第 {at} 位）：轮到它时 {task} 就会运行。"),
                ),
                None => (
                    format!("The callback \"{d}\" joins the back of the ready queue (position {at})."),
                    format!("回调“{d}”被放到就绪队列末尾（第 {at} 位）。"),
                ),
            }
        }
        Event::Callback { desc, .. } => {
            let d = tr.str(*desc);
            match step_of(d) {
                Some(task) => (
                    format!(
                        "The loop takes the next handle from the front of the ready queue: \
                         {task} resumes."
                    ),
                    format!("事件循环从就绪队列头部取出下一个回调：{task} 继续运行。"),
                ),
                None => (
                    format!("The loop takes the next handle from the front of the ready queue and runs it: {d}."),
                    format!("事件循环从就绪队列头部取出下一个回调并运行：{d}。"),
                ),
            }
        }
        Event::TimerScheduled { when, desc, .. } => {
            let d = tr.str(*desc);
            let (what_en, what_zh) = if d == "call _set_result_unless_cancelled" {
                (
                    String::from("it will finish the sleep and wake whoever awaits it"),
                    String::from("它会结束这次 sleep 并唤醒等待者"),
                )
            } else {
                (format!("it will {d}"), format!("到时执行 {d}"))
            };
            (
                format!("{who_en} pushes a timer for t={when:.3} onto the timer heap: {what_en}."),
                format!("{who_zh} 在 t={when:.3} 处压入一个定时器：{what_zh}。"),
            )
        }
        Event::TimerFired { handle, .. } => {
            let d = st
                .ready
                .iter()
                .rev()
                .find(|h| h.handle == *handle)
                .map(|h| tr.str(h.desc))
                .unwrap_or("");
            (
                format!(
                    "The clock reached t={:.3}: the timer is due and its callback ({d}) moves to the ready queue.",
                    st.t
                ),
                format!("时钟到达 t={:.3}：定时器到期，它的回调（{d}）移入就绪队列。", st.t),
            )
        }
        Event::TimerCancelled { .. } => (
            String::from("A timer is cancelled: it stays in the heap but will be thrown away instead of running."),
            String::from("一个定时器被取消：它仍在堆中，但到时会被丢弃而不会运行。"),
        ),
        Event::FutureCreated { .. } => (
            format!("{who_en} creates a future: a placeholder for a result that is not there yet."),
            format!("{who_zh} 创建了一个 future：一个尚未得到结果的占位对象。"),
        ),
        Event::FutureDone {
            future,
            outcome,
            repr,
            ..
        } => {
            let repr = tr.str(*repr);
            let (mut en, mut zh) = if let Some(t) = st.task(*future) {
                let n = tr.str(t.name);
                match outcome {
                    Outcome::Result => (
                        format!("{n} finishes: its result is {repr}."),
                        format!("{n} 完成：结果是 {repr}。"),
                    ),
                    Outcome::Exception => (
                        format!("{n} fails: {}.", exception_words(repr)),
                        format!("{n} 失败：{}。", exception_words(repr)),
                    ),
                    Outcome::Cancelled => (format!("{n} is cancelled."), format!("{n} 被取消。")),
                }
            } else {
                let what = st.future_words(tr, *future);
                let (w, wz) = if what.starts_with("future #") {
                    (String::from("A future"), String::from("一个 future"))
                } else {
                    (format!("The future of {what}"), format!("{what} 的 future"))
                };
                match outcome {
                    Outcome::Result => (
                        format!("{w} gets its result ({repr})."),
                        format!("{wz} 得到了结果（{repr}）。"),
                    ),
                    Outcome::Exception => (
                        format!("{w} gets an exception: {}.", exception_words(repr)),
                        format!("{wz} 得到了异常：{}。", exception_words(repr)),
                    ),
                    Outcome::Cancelled => (format!("{w} is cancelled."), format!("{wz} 被取消。")),
                }
            };
            if !woken.is_empty() {
                let w = woken.join(", ");
                en.push_str(&format!(" {w} was waiting for it: its wakeup is scheduled."));
                zh.push_str(&format!("{w} 正在等待它：它的唤醒被安排执行。"));
            }
            (en, zh)
        }
        Event::TaskCreated { task, coro, .. } => {
            let c = tr.str(*coro).split(' ').next().unwrap_or("");
            let n = name(*task);
            (
                format!("{n} is created to run {c}; its first step will join the ready queue."),
                format!("创建 {n} 来运行 {c}；它的第一步将进入就绪队列。"),
            )
        }
        Event::TaskState { task, state, .. } => {
            let n = name(*task);
            let card = st.task(*task);
            match state {
                TaskStateKind::Running => match card.and_then(|t| t.woke.clone()) {
                    Some((why, why_zh)) => (
                        format!("{n} is running (it woke because {why})."),
                        format!("{n} 正在运行（被唤醒的原因：{why_zh}）。"),
                    ),
                    None => (format!("{n} is running."), format!("{n} 正在运行。")),
                },
                TaskStateKind::Waiting => {
                    let what = card
                        .map(|t| t.detail.trim_start_matches("waiting on ").to_string())
                        .unwrap_or_default();
                    let at = card
                        .and_then(|t| t.line)
                        .map(|l| (format!(" It is paused at line {l}."), format!("它暂停在第 {l} 行。")))
                        .unwrap_or_default();
                    // A sleep's timer was pushed just before: say so, it is why it will wake.
                    let timer = st
                        .timers
                        .values()
                        .max_by_key(|x| x.seq)
                        .filter(|_| what.starts_with("sleep("))
                        .map(|x| x.when);
                    match timer {
                        Some(w) => (
                            format!(
                                "{n} awaits {what}: a timer is pushed for t={w:.3} and {n} leaves the running state.{}",
                                at.0
                            ),
                            format!(
                                "{n} 等待 {what}：在 t={w:.3} 处压入一个定时器，{n} 离开运行状态。{}",
                                at.1
                            ),
                        ),
                        None => (
                            format!("{n} awaits {what} and leaves the running state.{}", at.0),
                            format!("{n} 等待 {what}，离开运行状态。{}", at.1),
                        ),
                    }
                }
                TaskStateKind::Ready => (
                    format!("{n} gives up control for one turn; its next step is already in the ready queue."),
                    format!("{n} 让出一轮控制权；它的下一步已经在就绪队列中。"),
                ),
                TaskStateKind::Done => (
                    format!("{n} is done and leaves the running state."),
                    format!("{n} 已完成，离开运行状态。"),
                ),
                TaskStateKind::Failed => (
                    format!("{n} ended with an exception."),
                    format!("{n} 因异常而结束。"),
                ),
                TaskStateKind::Cancelled => (
                    format!("{n} is cancelled."),
                    format!("{n} 已被取消。"),
                ),
            }
        }
        Event::WaiterAdded { kind, .. } => {
            let k = tr.str(*kind);
            (
                format!("{who_en} cannot go on yet: it queues a future in the {k} waiters and will sleep on it."),
                format!("{who_zh} 暂时无法继续：它在 {k} 的等待队列中放入一个 future 并在其上等待。"),
            )
        }
        Event::WaiterWoken { future, .. } => {
            let p = st
                .waiter_of
                .get(future)
                .and_then(|(p, _)| st.prim(*p))
                .map(|p| tr.str(p.kind).to_string())
                .unwrap_or_else(|| String::from("primitive"));
            let w = st.waiter_words(tr, *future);
            (
                format!("The {p} wakes its waiter {w}."),
                format!("{p} 唤醒了它的等待者 {w}。"),
            )
        }
        Event::Primitive {
            kind, state, waiters, ..
        } => {
            let k = tr.str(*kind);
            let s = tr.str(*state);
            if k.is_empty() {
                (String::from("(internal bookkeeping)"), String::from("（内部记录）"))
            } else {
                (
                    format!("The {k} is now {s}, with {} waiter(s).", tr.list(*waiters).len()),
                    format!(
                        "{k} 现在的状态：{}，等待者 {} 个。",
                        primitive_state_zh(s),
                        tr.list(*waiters).len()
                    ),
                )
            }
        }
        Event::Thread { name, state, .. } => {
            let n = tr.str(*name);
            match state {
                ThreadStateKind::Started => (
                    format!("Thread {n} starts; it waits for the GIL to run."),
                    format!("线程 {n} 启动；它等待获得 GIL 才能运行。"),
                ),
                ThreadStateKind::Running => (
                    format!("Thread {n} holds the GIL and runs Python code."),
                    format!("线程 {n} 持有 GIL，运行 Python 代码。"),
                ),
                ThreadStateKind::Ready => (
                    format!("Thread {n} can run again and waits for the GIL."),
                    format!("线程 {n} 可以继续运行，正在等待 GIL。"),
                ),
                ThreadStateKind::Blocked => (
                    format!("Thread {n} blocks (sleep, lock, join or I/O) and releases the GIL."),
                    format!("线程 {n} 阻塞（sleep、锁、join 或 I/O），释放 GIL。"),
                ),
                ThreadStateKind::Done => (
                    format!("Thread {n} has finished."),
                    format!("线程 {n} 已结束。"),
                ),
            }
        }
        Event::Io {
            fd,
            events,
            in_flight,
            socket,
            target,
            ..
        } => {
            let sock = tr.str(*socket);
            let flight_en = if *in_flight > 0 {
                format!(", {in_flight} B in flight")
            } else {
                String::new()
            };
            let flight_zh = if *in_flight > 0 {
                format!("，{in_flight} 字节在途")
            } else {
                String::new()
            };
            if *events == 0 {
                (
                    format!("Socket fd {fd}: {sock}{flight_en}."),
                    format!("套接字 fd {fd}：{sock}{flight_zh}。"),
                )
            } else {
                let ev = super::io_events(*events);
                let tgt = tr.str(*target);
                (
                    format!("Socket fd {fd} ({sock}{flight_en}) is watched for {ev}: {tgt}."),
                    format!("选择器监视套接字 fd {fd}（{sock}{flight_zh}）的 {ev}：{tgt}。"),
                )
            }
        }
        Event::Output { stderr, text, .. } => {
            let s = tr.str(*text).trim_end_matches('\n');
            if *stderr {
                (
                    format!("{who_en} writes to stderr: {s}"),
                    format!("{who_zh} 向标准错误输出：{s}"),
                )
            } else {
                (
                    format!("{who_en} prints: {s}"),
                    format!("{who_zh} 输出：{s}"),
                )
            }
        }
    };
    Narration { en, zh }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitive_states_read_in_chinese() {
        assert_eq!(primitive_state_zh("locked by Task-2"), "被 Task-2 持有");
        assert_eq!(primitive_state_zh("unlocked"), "未锁定");
        assert_eq!(primitive_state_zh("value:0"), "值 = 0");
        assert_eq!(primitive_state_zh("set"), "已设置");
        assert_eq!(task_detail_zh("waiting on sleep(1)"), "等待 sleep(1)");
        assert_eq!(task_detail_zh("result: 'hello'"), "结果：'hello'");
        assert_eq!(
            task_detail_zh("ZeroDivisionError: division by zero"),
            "ZeroDivisionError: division by zero"
        );
        // CPython's own queue fields stay as they are.
        assert_eq!(
            primitive_state_zh("maxsize=2 _queue=[1]"),
            "maxsize=2 _queue=[1]"
        );
    }

    #[test]
    fn the_trace_counts_callbacks_the_budget_stopped_even_past_its_event_limit() {
        let src = "import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasync def main():\n    try:\n        await asyncio.create_task(spin())\n    except RuntimeError:\n        print('caught')\n\nasyncio.run(main())\n";
        let limits = RunLimits {
            instructions: 5_000_000,
            max_events: 1_000,
            callback_instructions: 200_000,
            ..RunLimits::default()
        };
        let tr = run_trace(src, limits, None).expect("compiles");
        assert!(tr.truncated);
        assert_eq!(tr.budget_stops, 1);
        let ok = run_trace("print(1)\n", limits, None).expect("compiles");
        assert_eq!(ok.budget_stops, 0);
        assert!(!serde_json::to_string(&ok).unwrap().contains("budget_stops"));
    }

    #[test]
    fn timeline_clock_gives_the_time_of_every_position() {
        for (name, src, _) in SCRIPTS {
            let r = run(src, RunLimits::default()).expect(name);
            let tl = r.timeline();
            let ev = &r.trace().events;
            assert_eq!(tl.time_at(0), 0.0, "{name}");
            for pos in 1..=ev.len() {
                assert_eq!(tl.time_at(pos), ev[pos - 1].time(), "{name} at {pos}");
            }
            assert!(tl
                .clock
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        }
    }

    #[test]
    fn run_trace_reports_progress_in_order_and_keeps_the_trace() {
        use std::cell::RefCell;
        use std::rc::Rc;
        let seen = Rc::new(RefCell::new(Vec::new()));
        let s2 = seen.clone();
        let progress = crate::trace::Progress::new(50, move |n, t| s2.borrow_mut().push((n, t)));
        let src = "import asyncio\n\nasync def f(i):\n    await asyncio.sleep(i / 10)\n\n\nasync def main():\n    await asyncio.gather(*(f(i) for i in range(20)))\n\nasyncio.run(main())\n";
        let tr = run_trace(src, RunLimits::default(), Some(progress)).expect("compiles");
        let seen = seen.borrow();
        assert_eq!(seen.len() as u64, tr.events.len() as u64 / 50);
        for (k, &(n, t)) in seen.iter().enumerate() {
            assert_eq!(n, 50 * (k as u64 + 1));
            assert!((0.0..=1.9).contains(&t));
        }
        assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1));
        assert_eq!(Replay::new(tr.clone()).last(), tr.events.len());
    }

    /// Scripts with their `oracle.py --handles` output (CPython 3.11), in testdata/.
    const SCRIPTS: [(&str, &str, &str); 5] = [
        (
            "say_after_lock.py",
            include_str!("testdata/say_after_lock.py"),
            include_str!("testdata/say_after_lock.handles"),
        ),
        (
            "lock_contention.py",
            include_str!("testdata/lock_contention.py"),
            include_str!("testdata/lock_contention.handles"),
        ),
        (
            "queue_pipeline.py",
            include_str!("testdata/queue_pipeline.py"),
            include_str!("testdata/queue_pipeline.handles"),
        ),
        (
            "cancel_and_fail.py",
            include_str!("testdata/cancel_and_fail.py"),
            include_str!("testdata/cancel_and_fail.handles"),
        ),
        (
            "event_and_soon.py",
            include_str!("testdata/event_and_soon.py"),
            include_str!("testdata/event_and_soon.handles"),
        ),
    ];

    fn trace_of(name: &str, src: &str) -> Trace {
        let mut vm = crate::vm::Vm::new();
        vm.out = Box::new(crate::vm::api::CaptureSink::default());
        crate::runtime::trace_script(&mut vm, name, src, &[], false)
    }

    fn replay_named(name: &str) -> Replay {
        let (n, src, _) = SCRIPTS
            .iter()
            .find(|(n, _, _)| *n == name)
            .copied()
            .unwrap_or(SCRIPTS[0]);
        Replay::new(trace_of(n, src))
    }

    fn task_card<'a>(v: &'a View, name: &str) -> &'a TaskCard {
        let found = v.tasks.iter().find(|t| t.name == name);
        match found {
            Some(t) => t,
            None => panic!("no {name} at {}", v.pos),
        }
    }

    /// The callbacks the trace says ran, with stdout in between, as `oracle.py --handles`
    /// prints them.
    #[test]
    fn callbacks_match_the_oracle() {
        for (name, src, expected) in SCRIPTS {
            let tr = trace_of(name, src);
            let mut got = String::new();
            for e in &tr.events {
                match e {
                    Event::Callback { t, desc, .. } => {
                        got.push_str(&format!("@{t:.3} {}\n", tr.str(*desc)));
                    }
                    Event::Output {
                        stderr: false,
                        text,
                        ..
                    } => got.push_str(tr.str(*text)),
                    _ => {}
                }
            }
            assert_eq!(got, expected, "{name}");
        }
    }

    /// At the start of each turn (timers fired, nothing run yet) the ready queue holds
    /// exactly the callbacks the turn then runs, in order; those are checked against
    /// CPython above.
    #[test]
    fn ready_queue_is_what_each_turn_runs() {
        for (name, src, _) in SCRIPTS {
            let r = Replay::new(trace_of(name, src));
            let ev = &r.trace().events;
            let mut i = 0;
            while i < ev.len() {
                if !matches!(ev[i], Event::IterationBegin { .. }) {
                    i += 1;
                    continue;
                }
                let end = (i..ev.len())
                    .find(|j| matches!(ev[*j], Event::IterationEnd { .. }))
                    .unwrap_or(ev.len());
                let run: Vec<&str> = ev[i..end]
                    .iter()
                    .filter_map(|e| match e {
                        Event::Callback { desc, .. } => Some(r.trace().str(*desc)),
                        _ => None,
                    })
                    .collect();
                let first = (i..end)
                    .find(|j| matches!(ev[*j], Event::Callback { .. }))
                    .unwrap_or(end);
                let v = r.view(first);
                let ready: Vec<&str> = v
                    .ready
                    .iter()
                    .filter(|h| !h.cancelled)
                    .map(|h| h.desc.as_str())
                    .collect();
                assert_eq!(ready, run, "{name}, turn at event {i}");
                i = end;
            }
        }
    }

    /// The replay's state (from events only) agrees with the runtime's own snapshots of
    /// `_ready`, `_scheduled` and the tasks.
    #[test]
    fn replayed_state_matches_runtime_snapshots() {
        for (name, src, _) in SCRIPTS {
            let r = Replay::new(trace_of(name, src));
            assert!(!r.trace().snapshots.is_empty(), "{name}");
            for s in &r.trace().snapshots {
                let v = r.view(s.event_index);
                let ids: Vec<u64> = v.ready.iter().map(|h| h.handle).collect();
                let want: Vec<u64> = s.ready.iter().map(|h| h.handle).collect();
                assert_eq!(ids, want, "{name} ready at {}", s.event_index);
                let mut timers: Vec<(u64, bool)> =
                    v.timers.iter().map(|h| (h.handle, h.cancelled)).collect();
                let mut want: Vec<(u64, bool)> =
                    s.timers.iter().map(|h| (h.handle, h.cancelled)).collect();
                timers.sort_unstable();
                want.sort_unstable();
                assert_eq!(timers, want, "{name} timers at {}", s.event_index);
                for ti in &s.tasks {
                    let card = task_card(&v, &ti.name);
                    let ok = match ti.state.as_str() {
                        "running" => card.phase == TaskPhase::Running,
                        "ready" => card.phase == TaskPhase::Ready,
                        // Its wakeup may already be queued: the replay calls that ready.
                        _ => matches!(card.phase, TaskPhase::Waiting | TaskPhase::Ready),
                    };
                    assert!(ok, "{name} {} {} vs {:?}", ti.name, ti.state, card.phase);
                }
            }
        }
    }

    #[test]
    fn io_panel_follows_the_simulated_network() {
        let src = include_str!("../../tests/net/streams_http_get.py");
        let r = Replay::new(trace_of("streams_http_get.py", src));
        assert!(r
            .trace()
            .events
            .iter()
            .any(|e| matches!(e, Event::Io { .. })));
        // The replayed sockets agree with the runtime's own view at every snapshot.
        let snaps = &r.trace().snapshots;
        assert!(snaps.iter().any(|s| !s.io.is_empty()));
        for s in snaps {
            let v = r.view(s.event_index);
            let got: Vec<(i64, String, u64, String, String)> =
                v.io.iter()
                    .map(|i| {
                        (
                            i.fd,
                            i.events.clone(),
                            i.in_flight,
                            i.socket.clone(),
                            i.target.clone(),
                        )
                    })
                    .collect();
            let want: Vec<(i64, String, u64, String, String)> =
                s.io.iter()
                    .map(|i| {
                        let ev = super::super::io_events(i.events).to_string();
                        (i.fd, ev, i.in_flight, i.socket.clone(), i.target.clone())
                    })
                    .collect();
            assert_eq!(got, want, "io at {}", s.event_index);
        }
        // Somewhere a task waits on a socket whose answer is on the wire.
        let views: Vec<View> = (0..=r.last()).map(|p| r.view(p)).collect();
        assert!(views.iter().any(|v| v.io.iter().any(|i| i.events == "READ"
            && i.target
                .starts_with("_SelectorSocketTransport._read_ready (wakes Task-")
            && i.in_flight > 0
            && i.socket.starts_with("connected to example.com:80"))));
        // All closed at the end.
        assert!(views.last().map(|v| v.io.is_empty()).unwrap_or(false));
    }

    #[test]
    fn cards_show_chains_owners_results_and_why() {
        let r = replay_named("say_after_lock.py");
        let views: Vec<View> = (0..=r.last()).map(|p| r.view(p)).collect();
        let waiting = views.iter().find(|v| {
            v.tasks
                .iter()
                .any(|t| t.name == "Task-2" && t.phase == TaskPhase::Waiting)
        });
        let Some(v) = waiting else {
            panic!("Task-2 never waits")
        };
        let t2 = task_card(v, "Task-2");
        assert_eq!(t2.detail, "waiting on sleep(1)");
        assert_eq!(t2.await_chain, ["say_after()", "sleep(1)"]);
        assert_eq!(t2.line, Some(4));
        assert!(v
            .paused
            .iter()
            .any(|m| m.task == Some(t2.task) && m.line == 4));
        assert!(
            v.narration.en.starts_with(
                "Task-2 awaits sleep(1): a timer is pushed for t=1.000 and Task-2 leaves the running state."
            ),
            "{}",
            v.narration.en
        );
        assert!(
            v.narration.zh.starts_with(
                "Task-2 等待 sleep(1)：在 t=1.000 处压入一个定时器，Task-2 离开运行状态。"
            ),
            "{}",
            v.narration.zh
        );
        let en: Vec<&str> = v.changes.iter().map(|c| c.en.as_str()).collect();
        assert_eq!(en, ["Task-2: running → waiting"]);
        let t1 = task_card(v, "Task-1");
        assert_eq!(t1.await_chain, ["main()", "Task-2"]);
        assert!(views.iter().any(|v| v
            .primitives
            .iter()
            .any(|p| p.kind == "Lock" && p.state == "locked by Task-1")));
        // After t=1 Task-2 runs again, woken by its sleep.
        let woke = views.iter().find(|v| {
            v.t == 1.0
                && v.tasks
                    .iter()
                    .any(|t| t.name == "Task-2" && t.phase == TaskPhase::Running)
        });
        let Some(v) = woke else {
            panic!("Task-2 never runs at t=1")
        };
        assert_eq!(
            task_card(v, "Task-2").woke_because,
            Some(("sleep(1) finished".into(), "sleep(1) 已完成".into()))
        );
        let end = &views[r.last()];
        assert_eq!(task_card(end, "Task-2").detail, "result: 'hello'");
        assert_eq!(task_card(end, "Task-2").phase, TaskPhase::Done);

        let r = replay_named("cancel_and_fail.py");
        let end = r.view(r.last());
        let boom = task_card(&end, "Task-3");
        assert_eq!(boom.phase, TaskPhase::Failed);
        assert_eq!(boom.detail, "ZeroDivisionError: division by zero");
        assert_eq!(task_card(&end, "Task-2").phase, TaskPhase::Cancelled);
        let err: Vec<&ConsoleLine> = r.console().iter().filter(|c| c.stderr).collect();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].text, "to stderr");
        assert_eq!(err[0].t, 0.2);

        let r = replay_named("queue_pipeline.py");
        let views: Vec<View> = (0..=r.last()).map(|p| r.view(p)).collect();
        for role in ["(get)", "(put)"] {
            assert!(
                views.iter().any(|v| v
                    .primitives
                    .iter()
                    .any(|p| p.kind == "Queue" && p.waiters.iter().any(|w| w.ends_with(role)))),
                "a queue waiter {role}"
            );
        }
        // The queue's internal Event has no card.
        assert!(views
            .iter()
            .all(|v| v.primitives.iter().all(|p| p.kind == "Queue")));
    }

    #[test]
    fn narration_covers_every_event_kind() {
        let mut seen = std::collections::BTreeSet::new();
        for (name, src, _) in SCRIPTS {
            let r = Replay::new(trace_of(name, src));
            for p in 1..=r.last() {
                let v = r.view(p);
                let kind = serde_json::to_value(&r.trace().events[p - 1])
                    .ok()
                    .and_then(|j| j.get("event").and_then(|k| k.as_str()).map(String::from))
                    .unwrap_or_default();
                let n = &v.narration;
                assert!(!n.en.is_empty() && !n.zh.is_empty(), "{name} {kind}");
                assert!(
                    n.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{name} {kind}: {}",
                    n.zh
                );
                assert!(!n.en.contains('{') || kind == "output", "{}", n.en);
                seen.insert(kind);
            }
        }
        let all = [
            "line",
            "iteration_begin",
            "iteration_end",
            "queued",
            "callback",
            "timer_scheduled",
            "timer_fired",
            "timer_cancelled",
            "future_created",
            "future_done",
            "task_created",
            "task_state",
            "waiter_added",
            "waiter_woken",
            "primitive",
            "output",
        ];
        for k in all {
            assert!(seen.contains(k), "no script narrates {k}");
        }
    }

    #[test]
    fn positions_step_and_view() {
        let r = replay_named("say_after_lock.py");
        assert!(r.last() > 20);
        let v0 = r.view(0);
        assert_eq!(v0.pos, 0);
        assert!(v0.tasks.is_empty());
        let p1 = r.step(0, Granularity::Line, true);
        let p2 = r.step(p1, Granularity::Line, true);
        assert!(p2 > p1);
        assert!(r.view(p2).current.is_some());
        assert_eq!(r.step(p2, Granularity::Line, false), p1);
        assert_eq!(r.step(r.last(), Granularity::Turn, true), r.last());
        assert_eq!(r.step(0, Granularity::Turn, false), 0);
        assert_eq!(r.step(usize::MAX, Granularity::Callback, true), r.last());
        let c = r.step(0, Granularity::Callback, true);
        assert_eq!(
            r.view(c).running.map(|h| h.desc),
            Some(String::from("step Task-1"))
        );
        let t1 = r.step(0, Granularity::Time, true);
        assert_eq!(r.view(t1).t, 1.0);
        assert_eq!(r.view(t1 - 1).t, 0.0);
        let t2 = r.step(t1, Granularity::Time, true);
        assert_eq!(r.view(t2).t, 2.0);
        assert_eq!(r.step(t2, Granularity::Time, false), t1);
        assert_eq!(r.position_at_time(1.0), t1);
        assert_eq!(r.position_at_time(0.0), 1);
        let end = r.view(r.last());
        assert_eq!(end.console_len, 2);
        assert_eq!(r.console()[0].text, "hello");
        assert_eq!(r.console()[0].t, 1.0);
        assert_eq!(r.console()[1].text, "world");
        let tl = r.timeline();
        assert_eq!(tl.end_t, 2.0);
        assert_eq!(tl.last_pos, r.last());
        assert!(tl.lanes.iter().any(|l| l.name == "Task-2"
            && l.spans
                .iter()
                .any(|s| s.phase == TaskPhase::Waiting && s.from_t == 0.0 && s.to_t == 1.0)));
    }

    #[test]
    fn view_is_a_function_of_position_and_checkpoints_are_close() {
        let r = replay_named("event_and_soon.py");
        let forward: Vec<View> = (0..=r.last()).map(|p| r.view(p)).collect();
        for p in (0..=r.last()).rev() {
            assert_eq!(r.view(p), forward[p]);
        }
        for w in r.checkpoints.windows(2) {
            // A small run: the gap is the fixed one.
            assert!(checkpoint_gap(&w[1].1) == CHECKPOINT_EVERY);
            assert!(w[1].0 - w[0].0 <= CHECKPOINT_EVERY);
        }
        assert!(r.last() - r.checkpoints.last().map(|c| c.0).unwrap_or(0) <= CHECKPOINT_EVERY);
    }

    #[test]
    fn a_view_reached_from_the_last_view_is_the_one_from_its_checkpoint() {
        // Enough tasks that checkpoints lie far apart, so that most views below start from
        // the last one (the cursor), not from a checkpoint.
        let src = "import asyncio\n\nasync def w(i):\n    await asyncio.sleep(i % 3)\n    return i\n\nasync def main():\n    print(sum(await asyncio.gather(*[w(i) for i in range(200)])))\n\nasyncio.run(main())\n";
        let r = Replay::new(trace_of("many.py", src));
        assert!(r
            .checkpoints
            .windows(2)
            .any(|w| w[1].0 - w[0].0 > 4 * CHECKPOINT_EVERY));
        // Steps of one, a repeat, longer steps forward, and steps back.
        let mut p = 0usize;
        for (i, step) in [1isize, 1, 0, 5, 37, -3, 2, 301, -40, 1, 1000, 1]
            .iter()
            .cycle()
            .take(400)
            .enumerate()
        {
            p = (p as isize + step).clamp(0, r.last() as isize) as usize;
            let stepped = r.view(p);
            r.cursor.set(None);
            assert_eq!(stepped, r.view(p), "step {i} to position {p}");
        }
    }

    #[test]
    fn json_round_trip_and_determinism() {
        let (n, src, _) = SCRIPTS[1];
        let a = serde_json::to_string(&trace_of(n, src)).unwrap_or_default();
        let b = serde_json::to_string(&trace_of(n, src)).unwrap_or_default();
        assert_eq!(a, b, "the same script must give the same bytes");
        let r = match Replay::from_json(&a) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let direct = Replay::new(trace_of(n, src));
        assert_eq!(r.view(r.last()), direct.view(direct.last()));
    }

    fn err_of(text: &str) -> String {
        match Replay::from_json(text) {
            Ok(_) => String::from("accepted"),
            Err(e) => e,
        }
    }

    #[test]
    fn malformed_files_are_errors_not_panics() {
        assert!(err_of("").starts_with("not a loopscope trace"));
        assert!(err_of("{").starts_with("not a loopscope trace"));
        assert!(err_of("[1,2,3]").starts_with("not a loopscope trace"));
        assert!(err_of("null").starts_with("not a loopscope trace"));
        let deep = "[".repeat(100_000);
        assert!(err_of(&deep).starts_with("not a loopscope trace"));
        let v1 = r#"{"version":1,"script":"x","events":[],"snapshots":[],"exit_code":0}"#;
        assert!(err_of(v1).contains("format 1 is not supported"));
        let head = r#"{"version":2,"script":"x","strings":[""],"exit_code":0,"events":"#;
        let ok = format!("{head}[]}}");
        assert!(Replay::from_json(&ok).is_ok());
        let e = match Replay::from_json_limited(&ok, 10) {
            Ok(_) => String::from("accepted"),
            Err(e) => e,
        };
        assert!(e.contains("too large"), "{e}");
        let cases = [
            (
                r#"[{"event":"output","t":0.0,"stderr":false,"text":7}]"#,
                "string index",
            ),
            (
                r#"[{"event":"iteration_end","t":1.0,"n":1},{"event":"iteration_end","t":0.5,"n":2}]"#,
                "time",
            ),
            (
                r#"[{"event":"task_state","t":0.0,"task":3,"state":"running","awaiting":null,"chain":0}]"#,
                "before it was created",
            ),
            (
                r#"[{"event":"timer_fired","t":0.0,"handle":9}]"#,
                "before it was scheduled",
            ),
            (
                r#"[{"event":"task_state","t":0.0,"task":3,"state":"sleeping","awaiting":null,"chain":0}]"#,
                "not a loopscope trace",
            ),
            (r#"[{"event":"nope","t":0.0}]"#, "not a loopscope trace"),
            (
                r#"[{"event":"primitive","t":0.0,"primitive":1,"kind":0,"state":0,"waiters":5}]"#,
                "list index",
            ),
            (
                r#"[{"event":"line","t":0.0,"frame":-1,"func":0,"file":0,"line":1}]"#,
                "not a loopscope trace",
            ),
        ];
        for (events, want) in cases {
            let text = format!("{head}{events}}}");
            let e = err_of(&text);
            assert!(e.contains(want), "{events}: {e}");
        }
    }

    /// Random damage to a real trace: either an error, or a replay whose every position
    /// can be viewed.
    #[test]
    fn damaged_traces_never_panic() {
        let (n, src, _) = SCRIPTS[2];
        let good = serde_json::to_string(&trace_of(n, src)).unwrap_or_default();
        let bytes = good.as_bytes();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut accepted = 0;
        for _ in 0..60 {
            let mut b = bytes.to_vec();
            for _ in 0..3 {
                let i = (next() % b.len() as u64) as usize;
                b[i] = b"0123456789\"{}[],:-.e"[(next() % 20) as usize];
            }
            let text = String::from_utf8_lossy(&b);
            if let Ok(r) = Replay::from_json(&text) {
                accepted += 1;
                for p in 0..=r.last() {
                    let _ = r.view(p);
                    let _ = r.step(p, Granularity::Time, false);
                }
            }
        }
        let _ = accepted;
    }

    /// `LS_SCALE_TRACE=file.json cargo test --release --lib replay_scale -- --ignored
    /// --nocapture`: how long a big trace takes to index and to view.
    #[test]
    #[ignore]
    fn replay_scale() {
        let Ok(path) = std::env::var("LS_SCALE_TRACE") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let t0 = std::time::Instant::now();
        let tr: Trace = match serde_json::from_str(&text) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        drop(text);
        let parse = t0.elapsed();
        let t0 = std::time::Instant::now();
        let r = Replay::new(tr);
        let t1 = t0.elapsed();
        let mut times = Vec::new();
        let n = r.last();
        for k in 0..200 {
            let p = (k * 7919 * 127) % (n + 1);
            let t = std::time::Instant::now();
            let _ = r.view(p);
            times.push((t.elapsed(), p));
        }
        times.sort();
        let worst = times.last().map(|x| x.0).unwrap_or_default();
        println!(
            "median view {:?}, slowest {:?}",
            times[times.len() / 2].0,
            &times[times.len() - 3..]
        );
        println!(
            "{n} events: parse {parse:?}, index {t1:?}, {} checkpoints, worst view {worst:?}",
            r.checkpoints.len()
        );
    }

    #[test]
    fn run_reports_syntax_errors_and_replays_failures() {
        let e = match run("x = (1,\nprint(x\n", RunLimits::default()) {
            Err(e) => e,
            Ok(_) => panic!("a syntax error ran"),
        };
        assert!(e.line >= 1 && e.message.starts_with("SyntaxError"), "{e:?}");
        assert!(e.rendered.contains("main.py"), "{}", e.rendered);
        let e = match run("def f():\n  return 1\n   x = 2\n", RunLimits::default()) {
            Err(e) => e,
            Ok(_) => panic!("an indentation error ran"),
        };
        assert_eq!(e.line, 3);
        assert!(e.message.starts_with("IndentationError"), "{e:?}");
        let r = match run(
            "import asyncio\nasync def main():\n    print('hi')\n    1/0\nasyncio.run(main())\n",
            RunLimits::default(),
        ) {
            Ok(r) => r,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(r.trace().exit_code, 1);
        assert_eq!(r.console()[0].text, "hi");
        assert!(r
            .console()
            .iter()
            .any(|c| c.stderr && c.text == "ZeroDivisionError: division by zero"));
        let r = match run(
            "while True:\n    pass\n",
            RunLimits {
                instructions: 10_000,
                max_events: 1000,
                callback_instructions: 0,
                ..RunLimits::default()
            },
        ) {
            Ok(r) => r,
            Err(e) => panic!("{e:?}"),
        };
        assert!(r.trace().truncated);
        // Past the limit only output is kept (the traceback).
        assert!(r.last() < 1100);
        assert!(r.console().iter().any(|c| c.stderr));
    }
}
