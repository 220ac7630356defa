//! The app's state and its reducer. What the panels show is a pure function of (replay,
//! position): this state holds the replay and the cursor plus how the user moves it, and
//! every change goes through [`AppState::reduce`] as a typed [`Action`].

use crate::model::{Granularity, Replay};
use crate::runner::RunProgress;
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
    /// The playback timer fired: one step at the selected granularity.
    Tick,
    SetSpeed(usize),
    SetGranularity(Granularity),
    ToggleHelp,
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
                        s.pos = 0;
                        s.error = None;
                    }
                    // The previous run stays steppable; the error shows in the editor.
                    Outcome::Error(e) => s.error = Some(e),
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
            Action::Tick => {
                if s.playing {
                    s.pos = s.stepped(s.gran, true);
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
        }
        s
    }

    fn stepped(&self, g: Granularity, forward: bool) -> usize {
        match &self.run {
            Some(r) => r.replay.step(self.pos, g, forward).min(r.replay.last()),
            None => 0,
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
