//! Replaying a trace: any position of a run, as the views show it.
//!
//! The UI is a pure function of (trace, position): [`Replay::view`] rebuilds the loop's state
//! at a position from the nearest checkpoint plus the few events after it, so stepping back
//! costs the same as stepping forward. Position `p` is the state after the first `p` events;
//! `0` is before the script starts.

use super::event::{Event, Trace, TRACE_VERSION};
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
    pub console_len: usize,
    pub narration: Narration,
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
    pub woke_because: Option<String>,
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
    pub events: String,
    pub target: String,
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
/// the state is large (cloning it then costs as much as replaying that many events).
const CHECKPOINT_EVERY: usize = 128;

// ---------------------------------------------------------------- reduced state

#[derive(Clone, Debug, Default)]
struct HandleSt {
    handle: u64,
    desc: String,
    cancelled: bool,
}

#[derive(Clone, Debug)]
struct TimerSt {
    handle: u64,
    when: f64,
    /// Push order: ties on `when` keep it, as the heap does for equal keys in practice.
    seq: u64,
    desc: String,
    cancelled: bool,
}

#[derive(Clone, Debug)]
struct TaskSt {
    task: u64,
    name: String,
    coro: String,
    phase: TaskPhase,
    detail: String,
    awaiting: Option<u64>,
    chain: Vec<String>,
    woke: Option<String>,
    line: Option<u32>,
    color: usize,
}

#[derive(Clone, Debug)]
struct PrimSt {
    primitive: u64,
    kind: String,
    state: String,
    waiters: Vec<u64>,
}

/// The loop as the events so far describe it.
#[derive(Clone, Debug, Default)]
struct State {
    t: f64,
    iteration: u64,
    running: Option<HandleSt>,
    /// (task, line) of the line executing now.
    current: Option<(Option<u64>, u32)>,
    current_task: Option<u64>,
    ready: VecDeque<HandleSt>,
    timers: Vec<TimerSt>,
    timer_seq: u64,
    tasks: Vec<TaskSt>,
    task_index: HashMap<u64, usize>,
    prims: Vec<PrimSt>,
    prim_index: HashMap<u64, usize>,
    /// Waiter future -> the primitive whose queue holds it.
    waiter_of: HashMap<u64, u64>,
    /// Future -> what it is (for "waiting on ...").
    future_desc: HashMap<u64, String>,
}

/// What the last applied event touched (for `changed` / `is_new`).
#[derive(Default)]
struct Touched {
    tasks: Vec<u64>,
    prims: Vec<u64>,
    handles: Vec<u64>,
}

impl State {
    fn weight(&self) -> usize {
        self.ready.len() + self.timers.len() + self.tasks.len() + self.prims.len()
    }

    fn task_mut(&mut self, id: u64) -> Option<&mut TaskSt> {
        let i = *self.task_index.get(&id)?;
        self.tasks.get_mut(i)
    }

    fn task_name(&self, id: u64) -> Option<&str> {
        let i = *self.task_index.get(&id)?;
        self.tasks.get(i).map(|t| t.name.as_str())
    }

    fn prim_mut(&mut self, id: u64, kind: &str) -> &mut PrimSt {
        let i = match self.prim_index.get(&id) {
            Some(i) => *i,
            None => {
                self.prims.push(PrimSt {
                    primitive: id,
                    kind: kind.to_string(),
                    state: String::new(),
                    waiters: Vec::new(),
                });
                self.prim_index.insert(id, self.prims.len() - 1);
                self.prims.len() - 1
            }
        };
        &mut self.prims[i]
    }

    /// What a task waiting on future `f` waits for, in words.
    fn describe_future(&self, f: u64) -> String {
        if let Some(n) = self.task_name(f) {
            return n.to_string();
        }
        if let Some(d) = self.future_desc.get(&f) {
            return d.clone();
        }
        if let Some(p) = self.waiter_of.get(&f) {
            if let Some(i) = self.prim_index.get(p) {
                return format!("a {}", self.prims[*i].kind);
            }
        }
        format!("future #{f}")
    }

    fn apply(&mut self, e: &Event, touched: &mut Touched) {
        self.t = e.time();
        match e {
            Event::Line { frame: _, line, .. } => {
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
            }
            Event::IterationEnd { .. } => {
                self.running = None;
                self.current = None;
                self.current_task = None;
            }
            Event::Callback { handle, desc, .. } => {
                // Handles ahead of it were cancelled and popped without running.
                while let Some(front) = self.ready.front() {
                    if front.handle == *handle {
                        break;
                    }
                    self.ready.pop_front();
                }
                let h = self.ready.pop_front().unwrap_or(HandleSt {
                    handle: *handle,
                    desc: desc.clone(),
                    cancelled: false,
                });
                self.running = Some(HandleSt {
                    desc: desc.clone(),
                    ..h
                });
                self.current = None;
                self.current_task = None;
            }
            Event::TimerScheduled {
                handle, when, desc, ..
            } => {
                self.timer_seq += 1;
                self.timers.push(TimerSt {
                    handle: *handle,
                    when: *when,
                    seq: self.timer_seq,
                    desc: desc.clone(),
                    cancelled: false,
                });
                touched.handles.push(*handle);
            }
            Event::TimerFired { handle, .. } => {
                if let Some(i) = self.timers.iter().position(|x| x.handle == *handle) {
                    let tm = self.timers.remove(i);
                    self.ready.push_back(HandleSt {
                        handle: tm.handle,
                        desc: tm.desc,
                        cancelled: tm.cancelled,
                    });
                    touched.handles.push(*handle);
                }
            }
            Event::TimerCancelled { handle, .. } => {
                if let Some(tm) = self.timers.iter_mut().find(|x| x.handle == *handle) {
                    tm.cancelled = true;
                    touched.handles.push(*handle);
                }
            }
            Event::FutureCreated { .. } => {}
            Event::FutureDone {
                future,
                state,
                repr,
                ..
            } => {
                if let Some(ts) = self.task_mut(*future) {
                    ts.detail = match state.as_str() {
                        "result" => format!("result: {repr}"),
                        "exception" => repr.clone(),
                        _ => String::from("cancelled"),
                    };
                    touched.tasks.push(*future);
                }
            }
            Event::TaskCreated {
                task, name, coro, ..
            } => {
                let color = self.tasks.len();
                let coro_short = coro.split(' ').next().unwrap_or("").to_string();
                self.tasks.push(TaskSt {
                    task: *task,
                    name: name.clone(),
                    coro: coro_short,
                    phase: TaskPhase::Ready,
                    detail: String::new(),
                    awaiting: None,
                    chain: Vec::new(),
                    woke: None,
                    line: None,
                    color,
                });
                self.task_index.insert(*task, self.tasks.len() - 1);
                touched.tasks.push(*task);
            }
            Event::TaskState {
                task,
                state,
                awaiting,
                ..
            } => {
                let phase = match state.as_str() {
                    "running" => TaskPhase::Running,
                    "waiting" => TaskPhase::Waiting,
                    "ready" => TaskPhase::Ready,
                    "done" => TaskPhase::Done,
                    "failed" => TaskPhase::Failed,
                    _ => TaskPhase::Cancelled,
                };
                let what = awaiting.map(|f| self.describe_future(f));
                if phase == TaskPhase::Running {
                    self.current_task = Some(*task);
                } else if self.current_task == Some(*task) {
                    self.current_task = None;
                }
                if let Some(ts) = self.task_mut(*task) {
                    ts.phase = phase;
                    ts.awaiting = *awaiting;
                    match phase {
                        TaskPhase::Waiting => {
                            ts.detail = format!("waiting on {}", what.unwrap_or_default());
                        }
                        TaskPhase::Ready | TaskPhase::Running => ts.detail.clear(),
                        _ => {}
                    }
                }
                touched.tasks.push(*task);
            }
            Event::WaiterAdded {
                primitive,
                kind,
                future,
                ..
            } => {
                self.prim_mut(*primitive, kind).waiters.push(*future);
                self.waiter_of.insert(*future, *primitive);
                touched.prims.push(*primitive);
            }
            Event::WaiterWoken { future, .. } => {
                if let Some(p) = self.waiter_of.remove(future) {
                    if let Some(i) = self.prim_index.get(&p) {
                        self.prims[*i].waiters.retain(|w| w != future);
                    }
                    touched.prims.push(p);
                }
            }
            Event::Output { .. } => {}
        }
    }
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
        };
        r.index();
        r
    }

    /// Parse and validate a trace file (JSON). Errors are messages for the user.
    pub fn from_json(text: &str) -> Result<Replay, String> {
        if text.len() > MAX_TRACE_BYTES {
            return Err(format!(
                "the trace file is too large ({} bytes; the limit is {MAX_TRACE_BYTES})",
                text.len()
            ));
        }
        let trace: Trace =
            serde_json::from_str(text).map_err(|e| format!("not a loopscope trace: {e}"))?;
        if trace.version != TRACE_VERSION {
            return Err(format!(
                "trace format {} is not supported (this loopscope reads format {TRACE_VERSION})",
                trace.version
            ));
        }
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
            st.apply(e, &mut touched);
            match e {
                Event::Line { .. } => self.line_stops.push(pos),
                Event::Callback { .. } => self.callback_stops.push(pos),
                Event::IterationBegin { .. } => self.turn_stops.push(pos),
                Event::Output { stream, text, t } => {
                    let stderr = stream == "stderr";
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
                        name: ts.name.clone(),
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
            if since >= CHECKPOINT_EVERY.max(st.weight()) {
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
        };
    }

    /// The state after `pos` events, and what event `pos - 1` touched.
    fn state_at(&self, pos: usize) -> (State, Touched) {
        let pos = pos.min(self.last());
        let target = pos.saturating_sub(1);
        let ci = self.checkpoints.partition_point(|(p, _)| *p <= target);
        let (cp, st) = &self.checkpoints[ci.saturating_sub(1)];
        let mut st = st.clone();
        let mut touched = Touched::default();
        for i in *cp..pos {
            touched = Touched::default();
            st.apply(&self.trace.events[i], &mut touched);
        }
        (st, touched)
    }

    /// Everything the views show at `pos`.
    pub fn view(&self, pos: usize) -> View {
        let pos = pos.min(self.last());
        let (st, touched) = self.state_at(pos);
        let color_of = |task: Option<u64>| {
            task.and_then(|t| st.task_index.get(&t).map(|i| st.tasks[*i].color))
                .unwrap_or(0)
        };
        let current = st.current.map(|(task, line)| SourceMark {
            line,
            task,
            color: color_of(task),
            label: task
                .and_then(|t| st.task_name(t))
                .unwrap_or("main")
                .to_string(),
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
                    label: t.name.clone(),
                })
            })
            .collect();
        let ready = st
            .ready
            .iter()
            .map(|h| ReadyItem {
                handle: h.handle,
                desc: h.desc.clone(),
                cancelled: h.cancelled,
                is_new: touched.handles.contains(&h.handle),
            })
            .collect();
        let mut timers: Vec<&TimerSt> = st.timers.iter().collect();
        timers.sort_by(|a, b| a.when.total_cmp(&b.when).then(a.seq.cmp(&b.seq)));
        let timers = timers
            .into_iter()
            .map(|h| TimerItem {
                handle: h.handle,
                when: h.when,
                desc: h.desc.clone(),
                cancelled: h.cancelled,
                is_new: touched.handles.contains(&h.handle),
            })
            .collect();
        let tasks = st
            .tasks
            .iter()
            .map(|t| TaskCard {
                task: t.task,
                name: t.name.clone(),
                coro: t.coro.clone(),
                phase: t.phase,
                detail: t.detail.clone(),
                await_chain: t.chain.clone(),
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
                kind: p.kind.clone(),
                state: p.state.clone(),
                waiters: p.waiters.iter().map(|w| st.describe_future(*w)).collect(),
                changed: touched.prims.contains(&p.primitive),
            })
            .collect();
        let narration = match pos.checked_sub(1).and_then(|i| self.trace.events.get(i)) {
            Some(e) => narrate(e, &st),
            None => Narration {
                en: String::from("Before the script starts."),
                zh: String::from("脚本尚未开始。"),
            },
        };
        View {
            pos,
            t: st.t,
            iteration: st.iteration,
            running: st.running.as_ref().map(|h| ReadyItem {
                handle: h.handle,
                desc: h.desc.clone(),
                cancelled: h.cancelled,
                is_new: false,
            }),
            current,
            paused,
            ready,
            timers,
            tasks,
            primitives,
            io: Vec::new(),
            console_len: self.console_after.get(pos).copied().unwrap_or(0) as usize,
            narration,
        }
    }
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

/// One sentence about event `e` (the step just taken), in English and Chinese.
fn narrate(e: &Event, st: &State) -> Narration {
    let who = |task: u64| st.task_name(task).unwrap_or("a task").to_string();
    let (en, zh) = match e {
        Event::Line { line, func, .. } => {
            let by = st
                .current_task
                .map(|t| who(t))
                .unwrap_or_else(|| String::from("the main program"));
            (
                format!("{by} runs line {line} (in {func})."),
                format!("{by} 执行第 {line} 行（在 {func} 中）。"),
            )
        }
        Event::IterationBegin {
            n, ready, timeout, ..
        } => {
            let wait_en = match timeout {
                Some(t) if *t > 0.0 => {
                    format!("; nothing is ready, so it waits {t:.3}s for the next timer")
                }
                None => String::from("; nothing is ready and no timer is pending"),
                _ => String::new(),
            };
            let wait_zh = match timeout {
                Some(t) if *t > 0.0 => format!("；没有就绪的回调，等待 {t:.3} 秒直到下一个定时器"),
                None => String::from("；没有就绪的回调，也没有定时器"),
                _ => String::new(),
            };
            (
                format!("Loop turn {n} begins with {ready} callback(s) ready{wait_en}."),
                format!("事件循环第 {n} 轮开始，{ready} 个回调就绪{wait_zh}。"),
            )
        }
        Event::IterationEnd { n, .. } => (
            format!("Loop turn {n} ends."),
            format!("事件循环第 {n} 轮结束。"),
        ),
        Event::Callback { desc, .. } => (
            format!("The loop pops the next handle from the ready queue and runs it: {desc}."),
            format!("事件循环从就绪队列取出下一个回调并运行：{desc}。"),
        ),
        Event::TimerScheduled { when, desc, .. } => (
            format!("A timer is pushed for t={when:.3}: it will {desc}."),
            format!("在 t={when:.3} 处压入一个定时器：到时将执行 {desc}。"),
        ),
        Event::TimerFired { handle, .. } => (
            format!("Timer #{handle} is due: its callback moves to the ready queue."),
            format!("定时器 #{handle} 到期：它的回调移入就绪队列。"),
        ),
        Event::TimerCancelled { handle, .. } => (
            format!("Timer #{handle} is cancelled: it will be skipped."),
            format!("定时器 #{handle} 被取消：到时将被跳过。"),
        ),
        Event::FutureCreated { future, .. } => (
            format!("A new future #{future} is created."),
            format!("创建了一个新的 future #{future}。"),
        ),
        Event::FutureDone {
            future,
            state,
            repr,
            ..
        } => {
            let what = st
                .task_name(*future)
                .map(str::to_string)
                .unwrap_or_else(|| format!("Future #{future}"));
            match state.as_str() {
                "result" => (
                    format!("{what} finishes with result {repr}."),
                    format!("{what} 完成，结果为 {repr}。"),
                ),
                "exception" => (
                    format!("{what} finishes with an exception: {repr}."),
                    format!("{what} 以异常结束：{repr}。"),
                ),
                _ => (format!("{what} is cancelled."), format!("{what} 被取消。")),
            }
        }
        Event::TaskCreated { task, coro, .. } => {
            let c = coro.split(' ').next().unwrap_or("");
            (
                format!(
                    "{} is created to run {c}; a step for it joins the ready queue.",
                    who(*task)
                ),
                format!("创建 {} 来运行 {c}；它的一步被放入就绪队列。", who(*task)),
            )
        }
        Event::TaskState {
            task,
            state,
            awaiting,
            ..
        } => {
            let n = who(*task);
            match state.as_str() {
                "running" => (format!("{n} starts running."), format!("{n} 开始运行。")),
                "waiting" => {
                    let w = awaiting.map(|f| st.describe_future(f)).unwrap_or_default();
                    (
                        format!("{n} awaits {w} and leaves the running state."),
                        format!("{n} 等待 {w}，离开运行状态。"),
                    )
                }
                "ready" => (
                    format!("{n} yields and is ready to run again."),
                    format!("{n} 让出控制权，并准备好再次运行。"),
                ),
                "done" => (format!("{n} is done."), format!("{n} 已完成。")),
                "failed" => (
                    format!("{n} failed with an exception."),
                    format!("{n} 因异常而失败。"),
                ),
                _ => (format!("{n} is cancelled."), format!("{n} 已被取消。")),
            }
        }
        Event::WaiterAdded { kind, .. } => {
            let by = st
                .current_task
                .map(|t| who(t))
                .unwrap_or_else(|| String::from("The caller"));
            (
                format!("{by} has to wait: it joins the {kind}'s waiters."),
                format!("{by} 需要等待：加入 {kind} 的等待队列。"),
            )
        }
        Event::WaiterWoken { .. } => (
            String::from("A waiter is woken: its future gets a result."),
            String::from("唤醒一个等待者：它的 future 得到结果。"),
        ),
        Event::Output { stream, text, .. } => {
            let s = text.trim_end_matches('\n');
            if stream == "stderr" {
                (
                    format!("The program writes to stderr: {s}"),
                    format!("程序向标准错误输出：{s}"),
                )
            } else {
                (format!("The program prints: {s}"), format!("程序输出：{s}"))
            }
        }
    };
    Narration { en, zh }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replay_of(src: &str) -> Replay {
        let mut vm = crate::vm::Vm::new();
        vm.out = Box::new(crate::vm::api::CaptureSink::default());
        let tr = crate::runtime::trace_script(&mut vm, "t.py", src, &[], false);
        Replay::new(tr)
    }

    const SAY_AFTER: &str = "import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    t1 = asyncio.create_task(say_after(1, 'hello'))
    t2 = asyncio.create_task(say_after(2, 'world'))
    await t1
    await t2

asyncio.run(main())
";

    #[test]
    fn positions_step_and_view() {
        let r = replay_of(SAY_AFTER);
        assert!(r.last() > 20);
        let v0 = r.view(0);
        assert_eq!(v0.pos, 0);
        assert!(v0.tasks.is_empty());
        // Stepping by line visits only line events, and back returns where we were.
        let p1 = r.step(0, Granularity::Line, true);
        let p2 = r.step(p1, Granularity::Line, true);
        assert!(p2 > p1);
        assert_eq!(r.step(p2, Granularity::Line, false), p1);
        assert_eq!(r.step(r.last(), Granularity::Turn, true), r.last());
        assert_eq!(r.step(0, Granularity::Turn, false), 0);
        // Time steps: t=1 then t=2.
        let t1 = r.step(0, Granularity::Time, true);
        assert_eq!(r.view(t1).t, 1.0);
        let t2 = r.step(t1, Granularity::Time, true);
        assert_eq!(r.view(t2).t, 2.0);
        let end = r.view(r.last());
        assert_eq!(end.console_len, 2);
        assert_eq!(r.console()[0].text, "hello");
        assert_eq!(r.console()[1].text, "world");
        assert!(end
            .tasks
            .iter()
            .filter(|t| t.name.starts_with("Task-"))
            .all(|t| t.phase == TaskPhase::Done));
    }

    #[test]
    fn view_is_a_function_of_position() {
        let r = replay_of(SAY_AFTER);
        let forward: Vec<View> = (0..=r.last()).map(|p| r.view(p)).collect();
        for p in (0..=r.last()).rev() {
            assert_eq!(r.view(p), forward[p]);
        }
    }

    #[test]
    fn malformed_json_is_an_error() {
        assert!(Replay::from_json("").is_err());
        assert!(Replay::from_json("{").is_err());
        assert!(Replay::from_json("[1,2,3]").is_err());
        let bad_version =
            r#"{"version":999,"script":"x","events":[],"snapshots":[],"exit_code":0}"#;
        assert!(Replay::from_json(bad_version)
            .err()
            .unwrap_or_default()
            .contains("999"));
    }
}
