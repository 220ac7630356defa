//! The app's state and its reducer. What the panels show is a pure function of (replay,
//! position): this state holds the replay and the cursor plus how the user moves it, and
//! every change goes through [`AppState::reduce`] as a typed [`Action`].

use crate::model::{Granularity, Replay, RUN_SCRIPT_NAME};
use crate::runner::RunProgress;
use loopscope::trace::inspect::Breakpoints;
use std::rc::Rc;
use yew::prelude::*;

/// Playback speeds, in steps per second.
pub const SPEEDS: &[f64] = &[0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0];
pub const DEFAULT_SPEED: usize = 2;

pub const GRANULARITIES: [Granularity; 4] = [
    Granularity::Line,
    Granularity::Callback,
    Granularity::Turn,
    Granularity::Time,
];

/// One finished run of a script.
#[derive(Clone)]
pub struct Run {
    /// Distinguishes runs cheaply (components compare runs by id, not by their traces).
    pub id: u32,
    pub replay: Rc<Replay>,
    /// The script as it was run (the editor may have changed since).
    pub source: Rc<str>,
    /// Whether a budget cut the run (or one of its callbacks) short.
    pub stopped: Option<Stopped>,
}

impl PartialEq for Run {
    fn eq(&self, other: &Run) -> bool {
        self.id == other.id
    }
}

/// The loop events a breakpoint can stop at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventBreakpoint {
    TaskReady,
    TimerFires,
    LockAcquired,
    TaskCancelled,
    Exception,
}

/// Which instruction budget cut a run short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The whole run's budget (this many instructions) ran out: the script was stopped.
    Run(u64),
    /// One callback (a task step) ran this many instructions without awaiting: it was
    /// stopped with a RuntimeError and the rest of the run went on.
    Callback(u64),
}

/// A script that did not compile: where and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptError {
    pub line: u32,
    /// 1-based; 0 when the error has no column (at the end of the file, say).
    pub col: u32,
    pub message: String,
}

/// What a run produced: a replay to step through or a script error.
pub enum Outcome {
    Replay {
        replay: Rc<Replay>,
        stopped: Option<Stopped>,
    },
    Error(ScriptError),
}

pub enum Action {
    /// The script is being run (the UI shows it busy).
    RunStarted,
    /// How far the run under way has got.
    RunProgress(RunProgress),
    /// The user stopped the run under way; the previous run (if any) stays.
    RunStopped,
    RunFinished {
        source: Rc<str>,
        outcome: Outcome,
    },
    Step {
        g: Granularity,
        forward: bool,
    },
    /// Step at the selected granularity.
    StepSelected {
        forward: bool,
    },
    Seek(usize),
    SeekTime(f64),
    Start,
    End,
    TogglePlay,
    /// Play (true) or pause (false), whatever the state (an embedding page's command).
    Play(bool),
    /// The playback timer fired: one step at the selected granularity.
    Tick,
    SetSpeed(usize),
    SetGranularity(Granularity),
    ToggleHelp,
    /// What a link asks for once its run is loaded: a position, a granularity, a speed,
    /// playback.
    LinkOptions {
        step: Option<usize>,
        gran: Option<Granularity>,
        speed: Option<usize>,
        autoplay: bool,
    },
    ToggleLineBreakpoint(u32),
    /// Turn a loop-event breakpoint on or off.
    SetEventBreakpoint(EventBreakpoint, bool),
    /// Jump to the next (or previous) breakpoint.
    ToBreakpoint {
        forward: bool,
    },
    /// Close the help or gallery overlay (Esc).
    CloseOverlay,
    OpenGallery,
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    pub run: Option<Run>,
    pub pos: usize,
    pub gran: Granularity,
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    pub busy: bool,
    /// The run under way, while it runs in the worker.
    pub progress: Option<RunProgress>,
    /// The last run was stopped by the user.
    pub stopped_by_user: bool,
    pub error: Option<ScriptError>,
    pub help: bool,
    /// The gallery overlay is open.
    pub gallery: bool,
    /// Where stepping to the next breakpoint (and playing) stops.
    pub breakpoints: Breakpoints,
    /// A link's position and playback, applied when the next run is loaded.
    pending_step: Option<usize>,
    pending_play: bool,
    next_id: u32,
}

impl Default for AppState {
    fn default() -> AppState {
        AppState {
            run: None,
            pos: 0,
            gran: Granularity::Callback,
            playing: false,
            speed: DEFAULT_SPEED,
            busy: false,
            progress: None,
            stopped_by_user: false,
            error: None,
            help: false,
            gallery: false,
            breakpoints: Breakpoints::default(),
            pending_step: None,
            pending_play: false,
            next_id: 1,
        }
    }
}

impl AppState {
    pub fn last(&self) -> usize {
        self.run.as_ref().map_or(0, |r| r.replay.last())
    }

    /// The next state: a pure function of this state and the action.
    pub fn apply(&self, action: Action) -> AppState {
        let mut s = self.clone();
        match action {
            Action::RunStarted => {
                s.busy = true;
                s.playing = false;
                s.progress = None;
                s.stopped_by_user = false;
            }
            Action::RunProgress(p) => {
                if s.busy {
                    s.progress = Some(p);
                }
            }
            Action::RunStopped => {
                if s.busy {
                    s.busy = false;
                    s.progress = None;
                    s.stopped_by_user = true;
                }
            }
            Action::RunFinished { source, outcome } => {
                s.busy = false;
                s.playing = false;
                s.progress = None;
                match outcome {
                    Outcome::Replay { replay, stopped } => {
                        s.run = Some(Run {
                            id: s.next_id,
                            replay,
                            source,
                            stopped,
                        });
                        s.next_id += 1;
                        s.pos = s.pending_step.take().unwrap_or(0).min(s.last());
                        s.error = None;
                        if std::mem::take(&mut s.pending_play) {
                            s.play();
                        }
                    }
                    // The previous run stays steppable; the error shows in the editor.
                    Outcome::Error(e) => {
                        s.error = Some(e);
                        s.pending_step = None;
                        s.pending_play = false;
                    }
                }
            }
            Action::Step { g, forward } => {
                s.gran = g;
                s.playing = false;
                s.pos = s.stepped(g, forward);
            }
            Action::StepSelected { forward } => {
                s.playing = false;
                s.pos = s.stepped(s.gran, forward);
            }
            Action::Seek(p) => {
                s.pos = p.min(s.last());
            }
            Action::SeekTime(t) => {
                if let Some(r) = &s.run {
                    s.pos = r.replay.position_at_time(t).min(s.last());
                }
            }
            Action::Start => {
                s.playing = false;
                s.pos = 0;
            }
            Action::End => {
                s.playing = false;
                s.pos = s.last();
            }
            Action::TogglePlay => {
                if s.playing {
                    s.playing = false;
                } else {
                    s.play();
                }
            }
            Action::Play(on) => {
                if !on {
                    s.playing = false;
                } else if !s.playing {
                    s.play();
                }
            }
            Action::Tick => {
                if s.playing {
                    let next = s.stepped(s.gran, true);
                    // Playing stops at a breakpoint on the way.
                    match s.breakpoint_from(s.pos, true).filter(|&b| b <= next) {
                        Some(b) => {
                            s.pos = b;
                            s.playing = false;
                            return s;
                        }
                        None => s.pos = next,
                    }
                    if s.pos >= s.last() {
                        s.playing = false;
                    }
                }
            }
            Action::SetSpeed(i) => s.speed = i.min(SPEEDS.len() - 1),
            Action::SetGranularity(g) => s.gran = g,
            Action::ToggleHelp => s.help = !s.help,
            Action::CloseOverlay => {
                s.help = false;
                s.gallery = false;
            }
            Action::OpenGallery => s.gallery = true,
            Action::ToggleLineBreakpoint(n) => {
                if !s.breakpoints.lines.remove(&n) {
                    s.breakpoints.lines.insert(n);
                }
            }
            Action::SetEventBreakpoint(which, on) => {
                let b = &mut s.breakpoints;
                *match which {
                    EventBreakpoint::TaskReady => &mut b.task_ready,
                    EventBreakpoint::TimerFires => &mut b.timer_fires,
                    EventBreakpoint::LockAcquired => &mut b.lock_acquired,
                    EventBreakpoint::TaskCancelled => &mut b.task_cancelled,
                    EventBreakpoint::Exception => &mut b.exception,
                } = on;
            }
            Action::ToBreakpoint { forward } => {
                s.playing = false;
                if let Some(p) = s.breakpoint_from(s.pos, forward) {
                    s.pos = p;
                }
            }
            Action::LinkOptions {
                step,
                gran,
                speed,
                autoplay,
            } => {
                s.pending_step = step;
                s.pending_play = autoplay;
                if let Some(g) = gran {
                    s.gran = g;
                }
                if let Some(i) = speed {
                    s.speed = i.min(SPEEDS.len() - 1);
                }
            }
        }
        s
    }

    fn stepped(&self, g: Granularity, forward: bool) -> usize {
        match &self.run {
            Some(r) => r.replay.step(self.pos, g, forward).min(r.replay.last()),
            None => 0,
        }
    }

    /// The next (or previous) breakpoint position from `pos`.
    fn breakpoint_from(&self, pos: usize, forward: bool) -> Option<usize> {
        let r = self.run.as_ref()?;
        let tr = r.replay.trace();
        if forward {
            self.breakpoints.next_after(tr, RUN_SCRIPT_NAME, pos)
        } else {
            self.breakpoints.previous_before(tr, RUN_SCRIPT_NAME, pos)
        }
    }

    fn play(&mut self) {
        if self.run.is_none() {
            return;
        }
        // Playing from the end starts over, as a media player does.
        if self.pos >= self.last() {
            self.pos = 0;
        }
        self.playing = true;
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

pub fn gran_id(g: Granularity) -> &'static str {
    match g {
        Granularity::Line => "line",
        Granularity::Callback => "callback",
        Granularity::Turn => "turn",
        Granularity::Time => "time",
    }
}

pub fn gran_from_id(id: &str) -> Option<Granularity> {
    GRANULARITIES.into_iter().find(|g| gran_id(*g) == id)
}

/// The playback speed closest to `steps_per_second`.
pub fn speed_index(steps_per_second: f64) -> usize {
    let mut best = DEFAULT_SPEED;
    for (i, s) in SPEEDS.iter().enumerate() {
        if (s - steps_per_second).abs() < (SPEEDS[best] - steps_per_second).abs() {
            best = i;
        }
    }
    best
}
