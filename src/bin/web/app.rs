//! The app: the editor, the control bar and the panels, all drawn from (replay, position).
//! State changes go through the reducer in state.rs; this file wires events to actions and
//! keeps the browser-facing bits (storage, theme, keyboard, playback timer).

use crate::components::breakpoints::{BreakpointBar, Warnings};
use crate::components::console::{stopped_note, Console};
use crate::components::control_bar::ControlBar;
use crate::components::editor::Editor;
use crate::components::gallery::{ExampleInfo, Gallery};
use crate::components::header::{Header, Theme};
use crate::components::help::Help;
use crate::components::io_waits::IoWaits;
use crate::components::narration::NarrationView;
use crate::components::predict::Predict;
use crate::components::primitives::Primitives;
use crate::components::ready_queue::ReadyQueue;
use crate::components::share::ShareBox;
use crate::components::source_view::SourceView;
use crate::components::tasks::Tasks;
use crate::components::timeline::TimelineView;
use crate::components::timers::Timers;
use crate::examples;
use crate::i18n::{tr, Lang};
use crate::links;
use crate::model::{
    ConsoleLine, Granularity, ReadyItem, SourceMark, TaskCard, Timeline, TimerItem, View,
};
use crate::runner;
use crate::state::{gran_from_id, gran_id, speed_index, Action, AppState, SPEEDS};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use examples::default_script;

const KEY_SCRIPT: &str = "loopscope.script";
const KEY_LANG: &str = "loopscope.lang";
const KEY_THEME: &str = "loopscope.theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        // Storage can be full or disabled (private mode): the app works without it.
        let _ = s.set_item(key, value);
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn initial_lang() -> Lang {
    if let Some(l) = load(KEY_LANG).and_then(|c| Lang::from_code(&c)) {
        return l;
    }
    let nav = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if nav.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The action a key press means outside text fields, if any (the table help.rs shows).
pub fn key_action(key: &str, shift: bool) -> Option<Action> {
    let step = |g| Some(Action::Step { g, forward: !shift });
    match key {
        "ArrowRight" => Some(Action::StepSelected { forward: true }),
        "ArrowLeft" => Some(Action::StepSelected { forward: false }),
        "l" | "L" => step(Granularity::Line),
        "c" | "C" => step(Granularity::Callback),
        "r" | "R" => step(Granularity::Turn),
        "t" | "T" => step(Granularity::Time),
        "1" => Some(Action::SetGranularity(Granularity::Line)),
        "2" => Some(Action::SetGranularity(Granularity::Callback)),
        "3" => Some(Action::SetGranularity(Granularity::Turn)),
        "4" => Some(Action::SetGranularity(Granularity::Time)),
        " " => Some(Action::TogglePlay),
        "Home" => Some(Action::Start),
        "End" => Some(Action::End),
        "?" => Some(Action::ToggleHelp),
        "Escape" => Some(Action::CloseOverlay),
        _ => None,
    }
}

/// Views of the positions shown last, kept for stepping back (or forward again) over them:
/// the view is a function of (run, position), and with 1,000 tasks building one is most of
/// a step's script time. A view of 1,000 tasks is a few hundred KB.
const RECENT_VIEWS: usize = 16;

/// A position's view with its long lists behind `Rc`: the panels get them without a copy of
/// a thousand entries (and the drop of the last step's copy) per step.
struct Shown {
    view: View,
    tasks: Rc<Vec<TaskCard>>,
    ready: Rc<Vec<ReadyItem>>,
    timers: Rc<Vec<TimerItem>>,
    paused: Rc<Vec<SourceMark>>,
}

impl From<View> for Shown {
    fn from(mut view: View) -> Shown {
        use std::mem::take;
        Shown {
            tasks: Rc::new(take(&mut view.tasks)),
            ready: Rc::new(take(&mut view.ready)),
            timers: Rc::new(take(&mut view.timers)),
            paused: Rc::new(take(&mut view.paused)),
            view,
        }
    }
}

impl std::ops::Deref for Shown {
    type Target = View;
    fn deref(&self) -> &View {
        &self.view
    }
}

/// Work for when the browser is idle (requestIdleCallback; a timeout where that is missing),
/// cancelled when dropped.
pub(crate) struct Idle {
    /// The idle callback's id, to cancel it.
    id: Option<u32>,
    // Kept alive until the work has run or is cancelled.
    _callback: Option<Closure<dyn FnMut()>>,
    _timeout: Option<gloo_timers::callback::Timeout>,
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.id, web_sys::window()) {
            w.cancel_idle_callback(id);
        }
    }
}

pub(crate) fn when_idle(f: impl FnOnce() + 'static) -> Option<Idle> {
    let w = web_sys::window()?;
    let f = Rc::new(std::cell::Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = f.take() {
            f();
        }
    };
    let cb = Closure::<dyn FnMut()>::new(run.clone());
    Some(match w.request_idle_callback(cb.as_ref().unchecked_ref()) {
        Ok(id) => Idle {
            id: Some(id),
            _callback: Some(cb),
            _timeout: None,
        },
        // Safari has no requestIdleCallback: after the frame, most likely.
        Err(_) => Idle {
            id: None,
            _callback: None,
            _timeout: Some(gloo_timers::callback::Timeout::new(50, run)),
        },
    })
}

/// Jobs run one per idle period, in order (cancelled when dropped): work that takes a few
/// milliseconds is split so that an input arriving meanwhile waits for one job at most.
pub(crate) struct IdleJobs(Rc<std::cell::RefCell<Vec<Idle>>>);

impl Drop for IdleJobs {
    fn drop(&mut self) {
        // Never from inside one of its own callbacks: the jobs change no state, so nothing
        // re-renders (and drops this) while they run.
        self.0.borrow_mut().clear();
    }
}

pub(crate) fn when_idle_each(jobs: Vec<Box<dyn FnOnce()>>) -> IdleJobs {
    // Every Idle is kept until the chain is dropped: one is running when it schedules the
    // next, and dropping it then would free the closure being called.
    type Slot = Rc<std::cell::RefCell<Vec<Idle>>>;
    fn next(slot: &Slot, mut jobs: VecDeque<Box<dyn FnOnce()>>) {
        let Some(job) = jobs.pop_front() else {
            return;
        };
        let weak = Rc::downgrade(slot);
        if let Some(idle) = when_idle(move || {
            job();
            if let Some(slot) = weak.upgrade() {
                next(&slot, jobs);
            }
        }) {
            slot.borrow_mut().push(idle);
        }
    }
    let slot: Slot = Rc::default();
    next(&slot, jobs.into());
    IdleJobs(slot)
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    // A share link or embed options in the address (read once; a bad link shows why, and
    // the default example instead).
    let link = use_state(links::current);
    let params = link.as_ref().ok().cloned().unwrap_or_default();
    let link_error = link.as_ref().err().map(|e| e.to_string());
    let linked_script: Option<String> = match (&params.example, &params.code) {
        (Some(id), _) => Some(
            examples::by_id(id)
                .map_or_else(|| default_script().to_string(), |e| e.source.to_string()),
        ),
        (None, Some(code)) => Some(code.clone()),
        _ if link_error.is_some() => Some(default_script().to_string()),
        _ => None,
    };
    let unknown_example = params
        .example
        .as_ref()
        .filter(|id| examples::by_id(id).is_none())
        .cloned();
    let script = {
        let linked = linked_script.clone();
        use_state(move || {
            linked
                .unwrap_or_else(|| load(KEY_SCRIPT).unwrap_or_else(|| default_script().to_string()))
        })
    };
    let lang = {
        let l = params.lang.clone();
        use_state(move || {
            l.as_deref()
                .and_then(Lang::from_code)
                .unwrap_or_else(initial_lang)
        })
    };
    let theme = {
        let t = params.theme.clone();
        use_state(move || {
            t.or_else(|| load(KEY_THEME))
                .as_deref()
                .and_then(Theme::from_code)
                .unwrap_or_default()
        })
    };
    let embed = params.embed;
    let lang_v = *lang;

    // The document follows the theme and language (CSS reads data-theme; screen readers lang).
    use_effect_with((*theme, lang_v), |(theme, lang)| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", theme.code());
            let _ = root.set_attribute("lang", if *lang == Lang::Zh { "zh-CN" } else { "en" });
        }
    });

    let dispatch = state.dispatcher();
    // Callbacks are made once (or when what they read changes), not per render: a new
    // callback is a changed prop, and every panel it went to re-rendered on every step.
    let on_action = {
        let d = dispatch.clone();
        use_callback((), move |a: Action, _| d.dispatch(a))
    };

    // The worker that runs scripts (kept warm between runs; Stop terminates it).
    let runner = use_mut_ref(runner::Runner::default);
    let start_run = {
        let d = dispatch.clone();
        let runner = runner.clone();
        use_callback((), move |source: String, _| {
            let mut r = runner.borrow_mut();
            if r.busy() {
                r.stop();
            }
            d.dispatch(Action::RunStarted);
            let source: Rc<str> = Rc::from(source);
            if r.can_use_worker() {
                let dp = d.clone();
                let dd = d.clone();
                let src = source.clone();
                r.start(
                    &source,
                    move |p| dp.dispatch(Action::RunProgress(p)),
                    move |outcome| {
                        dd.dispatch(Action::RunFinished {
                            source: src.clone(),
                            outcome,
                        })
                    },
                );
            } else {
                let d = d.clone();
                yew::platform::spawn_local(async move {
                    // Let the browser paint "Running…" before the synchronous run blocks it.
                    gloo_timers::future::TimeoutFuture::new(30).await;
                    let outcome = runner::run_with_budget(&source, runner::INLINE_BUDGET);
                    d.dispatch(Action::RunFinished { source, outcome });
                });
            }
        })
    };
    // Start the worker at once: it downloads the engine's wasm while the page is read, not
    // when Run is first pressed.
    {
        let runner = runner.clone();
        use_effect_with((), move |_| {
            runner.borrow_mut().can_use_worker();
        });
    }
    let on_stop = {
        let d = dispatch.clone();
        let runner = runner.clone();
        use_callback((), move |(), _| {
            runner.borrow_mut().stop();
            d.dispatch(Action::RunStopped);
        })
    };
    // A link (or an embed) runs its script at once and then shows its position.
    {
        let start_run = start_run.clone();
        let d = dispatch.clone();
        let script = (*script).clone();
        let p = params.clone();
        let linked = linked_script.is_some() || embed;
        use_effect_with((), move |_| {
            if linked {
                d.dispatch(Action::LinkOptions {
                    step: p.step,
                    gran: p.gran.as_deref().and_then(gran_from_id),
                    speed: p
                        .speed
                        .as_deref()
                        .and_then(|s| s.parse::<f64>().ok())
                        .map(speed_index),
                    autoplay: p.autoplay,
                });
                start_run.emit(script);
            }
        });
    }
    // An embedding page may drive the player (postMessage; only its own messages count).
    {
        let d = dispatch.clone();
        use_effect_with((), move |_| {
            let handler =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    if !links::from_parent(&e) {
                        return;
                    }
                    let action = match links::command(&e.data()) {
                        Some(links::Command::Play) => Action::Play(true),
                        Some(links::Command::Pause) => Action::Play(false),
                        Some(links::Command::Step { gran, back }) => {
                            match gran.as_deref().and_then(gran_from_id) {
                                Some(g) => Action::Step { g, forward: !back },
                                None => Action::StepSelected { forward: !back },
                            }
                        }
                        Some(links::Command::Goto(p)) => Action::Seek(p),
                        None => return,
                    };
                    d.dispatch(action);
                });
            let w = web_sys::window();
            if let Some(w) = &w {
                let _ =
                    w.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
            }
            links::notify("ready", &[]);
            move || {
                if let Some(w) = &w {
                    let _ = w.remove_event_listener_with_callback(
                        "message",
                        handler.as_ref().unchecked_ref(),
                    );
                }
                drop(handler);
            }
        });
    }
    let on_run = {
        let start_run = start_run.clone();
        use_callback(script.clone(), move |(), script| {
            start_run.emit((**script).clone())
        })
    };
    let on_edit = {
        let script = script.clone();
        use_callback((), move |text: String, _| {
            save(KEY_SCRIPT, &text);
            script.set(text);
        })
    };
    let on_gallery = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::OpenGallery))
    };
    let on_close_gallery = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::CloseOverlay))
    };
    let on_example = {
        let script = script.clone();
        let start_run = start_run.clone();
        let d = dispatch.clone();
        use_callback((), move |id: String, _| {
            d.dispatch(Action::CloseOverlay);
            if let Some(ex) = examples::by_id(&id) {
                save(KEY_SCRIPT, ex.source);
                script.set(ex.source.to_string());
                start_run.emit(ex.source.to_string());
            }
        })
    };
    let on_lang = {
        let lang = lang.clone();
        use_callback((), move |l: Lang, _| {
            save(KEY_LANG, l.code());
            lang.set(l);
        })
    };
    let on_theme = {
        let theme = theme.clone();
        use_callback((), move |t: Theme, _| {
            save(KEY_THEME, t.code());
            theme.set(t);
        })
    };
    let on_help = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::ToggleHelp))
    };
    let on_close_help = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::CloseOverlay))
    };

    // Keyboard shortcuts anywhere but in text fields.
    {
        let d = dispatch.clone();
        use_effect_with((), move |_| {
            let handler =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                        return;
                    }
                    let tag = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .map(|el| el.tag_name())
                        .unwrap_or_default();
                    let key = e.key();
                    if matches!(tag.as_str(), "TEXTAREA" | "INPUT" | "SELECT") && key != "Escape" {
                        return;
                    }
                    // A focused button already acts on Space and Enter.
                    if tag == "BUTTON" && (key == " " || key == "Enter") {
                        return;
                    }
                    if let Some(a) = key_action(&key, e.shift_key()) {
                        e.prevent_default();
                        d.dispatch(a);
                    }
                });
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(doc) = &doc {
                let _ = doc
                    .add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
            }
            move || {
                if let Some(doc) = &doc {
                    let _ = doc.remove_event_listener_with_callback(
                        "keydown",
                        handler.as_ref().unchecked_ref(),
                    );
                }
                drop(handler);
            }
        });
    }

    // Playback: a step at the selected granularity per tick while playing.
    {
        let d = dispatch.clone();
        let playing = state.playing;
        let speed = state.speed;
        use_effect_with((playing, speed), move |&(playing, speed)| {
            let interval = playing.then(|| {
                let ms = (1000.0 / SPEEDS.get(speed).copied().unwrap_or(2.0)).round() as u32;
                gloo_timers::callback::Interval::new(ms.max(16), move || d.dispatch(Action::Tick))
            });
            move || drop(interval)
        });
    }

    let run = state.run.clone();
    let run_id = run.as_ref().map_or(0, |r| r.id);
    let pos = state.pos;
    // The time view() takes is published on the root (data-view-ms) for the e2e benchmark.
    let recent = use_mut_ref(VecDeque::<(u32, usize, Rc<Shown>)>::new);
    // Views pushed out of `recent` by a step, dropped when the browser is idle: freeing a
    // view of 1,000 task cards took 0.4-0.6 ms of the step's script.
    let evicted = use_mut_ref(Vec::<Rc<Shown>>::new);
    let (view, view_ms): (Option<Rc<Shown>>, f64) = {
        let run = run.clone();
        let recent = recent.clone();
        let evicted = evicted.clone();
        let v = use_memo((run_id, pos), move |&(run_id, pos)| {
            let t0 = now_ms();
            let v = run.map(|r| {
                let mut recent = recent.borrow_mut();
                let mut evicted = evicted.borrow_mut();
                // A new run's views go at once (a run is a rare event; they are not kept).
                recent.retain(|(id, _, _)| *id == run_id);
                let shown = match recent.iter().position(|(_, p, _)| *p == pos) {
                    Some(i) => recent.remove(i).map(|(_, _, s)| s),
                    None => None,
                }
                .unwrap_or_else(|| Rc::new(Shown::from(r.replay.view(pos))));
                if recent.len() >= RECENT_VIEWS {
                    evicted.extend(recent.pop_front().map(|(_, _, s)| s));
                }
                recent.push_back((run_id, pos, shown.clone()));
                shown
            });
            (v, now_ms() - t0)
        });
        (*v).clone()
    };
    // The views a step away (forward and back at the selected granularity) are built while
    // the browser is idle after this frame, so that the next step finds its view made: with
    // 1,000 tasks a loop turn's view took 1 ms of the step's script. Both in the first idle
    // period (a click that comes right after it must find them: put after another job they
    // were missed by quick steps), then, in another, the views evicted by the last steps
    // are freed.
    {
        let run = run.clone();
        let gran = state.gran;
        use_effect_with((run_id, pos, gran), move |&(run_id, pos, gran)| {
            let jobs = run.map(|r| {
                let views = move || {
                    for forward in [true, false] {
                        let p = r.replay.step(pos, gran, forward).min(r.replay.last());
                        let mut recent = recent.borrow_mut();
                        if p == pos || recent.iter().any(|(id, q, _)| *id == run_id && *q == p) {
                            continue;
                        }
                        let old = (recent.len() >= RECENT_VIEWS)
                            .then(|| recent.pop_front())
                            .flatten();
                        recent.push_back((run_id, p, Rc::new(Shown::from(r.replay.view(p)))));
                        drop(recent);
                        drop(old);
                    }
                };
                let free = move || drop(std::mem::take(&mut *evicted.borrow_mut()));
                when_idle_each(vec![Box::new(views), Box::new(free)])
            });
            move || drop(jobs)
        });
    }
    let console: Rc<Vec<ConsoleLine>> = {
        let run = run.clone();
        use_memo(run_id, move |_| {
            run.map(|r| r.replay.console().to_vec()).unwrap_or_default()
        })
    };
    let timeline: Option<Rc<Timeline>> = {
        let run = run.clone();
        let t = use_memo(run_id, move |_| {
            run.map(|r| Rc::new(r.replay.timeline().clone()))
        });
        (*t).clone()
    };

    // The embedding page hears where the player is and when a run is loaded.
    {
        let last = state.last();
        let t = view.as_ref().map_or(0.0, |v| v.t);
        use_effect_with((run_id, pos), move |&(run_id, pos)| {
            if run_id > 0 {
                links::notify(
                    "step",
                    &[
                        ("step", (pos as f64).into()),
                        ("last", (last as f64).into()),
                        ("t", t.into()),
                    ],
                );
            }
        });
        use_effect_with(run_id, move |&run_id| {
            if run_id > 0 {
                links::notify("run-finished", &[("last", (last as f64).into())]);
            }
        });
    }
    let share = use_state(|| None::<(String, String)>);
    // What Share shares, as of this render: the callback reads it when pressed, so that it
    // need not be a new callback (and the header a changed prop) on every step.
    type ShareNow = (
        Option<crate::state::Run>,
        usize,
        UseStateHandle<String>,
        Granularity,
    );
    let share_now = use_mut_ref(|| None::<ShareNow>);
    *share_now.borrow_mut() = Some((run.clone(), pos, script.clone(), state.gran));
    let on_share = {
        let share = share.clone();
        let now = share_now.clone();
        use_callback(lang_v, move |(), &lang_v| {
            let Some((run, pos, script, gran)) = now.borrow().clone() else {
                return;
            };
            // Share what is shown: the run's script at this position (or the editor's).
            let (source, step): (String, usize) = match &run {
                Some(r) => (r.source.to_string(), pos),
                None => ((*script).clone(), 0),
            };
            let example = examples::by_source(&source).map(|e| e.id.as_str());
            let url = links::share_url(example, &source, step, gran_id(gran), lang_v.code());
            let embed = links::embed_snippet(example, &source, step, gran_id(gran), lang_v.code());
            links::replace_url(&url);
            links::copy(&url);
            share.set(Some((url, embed)));
        })
    };
    let on_close_share = {
        let share = share.clone();
        use_callback((), move |(), _| share.set(None))
    };
    let show = |panel: &str| {
        params
            .panels
            .as_ref()
            .is_none_or(|p| p.iter().any(|x| x == panel))
    };
    let height = params.height.map(|h| format!("height: {h}px;"));

    let warnings: Rc<Vec<loopscope::trace::inspect::Warning>> = {
        let run = run.clone();
        use_memo(run_id, move |_| {
            run.map(|r| {
                loopscope::trace::inspect::warnings(
                    r.replay.trace(),
                    crate::model::RUN_SCRIPT_NAME,
                    &r.source,
                )
            })
            .unwrap_or_default()
        })
    };
    let warned: Rc<Vec<u32>> = Rc::new(
        warnings
            .iter()
            .filter(|w| w.pos <= pos)
            .filter_map(|w| w.line)
            .collect(),
    );
    let bp_lines = Rc::new(state.breakpoints.lines.clone());
    // Predict mode (a toggle, or `predict=1` in an embed).
    let predicting = use_state(|| params.predict);
    let predict_kind = use_state(|| loopscope::trace::inspect::QuestionKind::NextCallback);
    let question = {
        let run = run.clone();
        let on = *predicting;
        let kind = *predict_kind;
        use_memo((run_id, pos, on, kind), move |&(_, pos, on, kind)| {
            run.filter(|_| on)
                .and_then(|r| r.replay.question(pos, kind))
        })
    };
    let on_predict_kind = {
        let k = predict_kind.clone();
        use_callback((), move |kind, _| k.set(kind))
    };
    let toggle_predict = {
        let p = predicting.clone();
        use_callback(*predicting, move |_: MouseEvent, on| p.set(!*on))
    };
    let on_toggle_breakpoint = {
        let d = dispatch.clone();
        use_callback((), move |n: u32, _| {
            d.dispatch(Action::ToggleLineBreakpoint(n))
        })
    };

    let v = view.as_deref();
    let idle = tr(
        lang_v,
        "Pick an example or write a script, then press Run: loopscope runs it on a simulated asyncio event loop you can step through.",
        "选择一个示例或编写脚本，然后点击“运行”：loopscope 会在模拟的 asyncio 事件循环上运行它，你可以逐步查看。",
    );
    html! {
        <div class={classes!("app", embed.then_some("embed"))} data-run={run_id.to_string()} data-busy={state.busy.to_string()}
            data-view-ms={format!("{view_ms:.2}")} style={height}>
            <Header lang={lang_v} theme={*theme} {on_lang} {on_theme} {on_help} {on_share} />
            if let Some(msg) = &link_error {
                <p class="run-note link-error" data-testid="link-error" role="alert">{ "⚠ " }{ tr(lang_v,
                    "This link could not be read, so the default example is shown instead: ",
                    "无法读取此链接，因此显示默认示例：") }{ msg.clone() }</p>
            }
            if let Some(id) = &unknown_example {
                <p class="run-note link-error" data-testid="link-error" role="alert">{ "⚠ " }{ tr(lang_v,
                    "This link names an example that does not exist, so the default example is shown instead: ",
                    "此链接指向的示例不存在，因此显示默认示例：") }{ id.clone() }</p>
            }
            <main class="workspace">
                <div class="area-controls">
                    <ControlBar lang={lang_v} has_run={run.is_some()} busy={state.busy} {pos}
                        last={state.last()} t={v.map_or(0.0, |v| v.t)} iteration={v.map_or(0, |v| v.iteration)}
                        gran={state.gran} playing={state.playing} speed={state.speed}
                        progress={state.progress} {on_stop}
                        on_action={on_action.clone()} on_run={on_run.clone()} on_example={on_example.clone()} {on_gallery} />
                    if let Some(ex) = examples::by_source(&script).filter(|_| !embed) {
                        <ExampleInfo lang={lang_v} id={ex.id.clone()} />
                    }
                    if show("narration") {
                        <NarrationView lang={lang_v} narration={v.map(|v| v.narration.clone())}
                            changes={v.map(|v| v.changes.clone()).unwrap_or_default()} idle={idle} {pos} />
                    }
                    if !embed {
                        <BreakpointBar lang={lang_v} breakpoints={state.breakpoints.clone()} has_run={run.is_some()}
                            on_action={on_action.clone()} />
                    }
                    <Warnings lang={lang_v} warnings={warnings.clone()} {pos} on_action={on_action.clone()} />
                    <label class="predict-toggle">
                        <input type="checkbox" data-testid="predict-toggle" checked={*predicting} onclick={toggle_predict} />
                        { tr(lang_v, "Predict mode: guess what comes next", "预测模式：先猜下一步") }
                    </label>
                    if *predicting && run.is_some() {
                        <Predict lang={lang_v} question={(*question).clone()} kind={*predict_kind}
                            on_kind={on_predict_kind} on_action={on_action.clone()} />
                    }
                    if state.stopped_by_user {
                        <p class="run-note" data-testid="run-note" role="status">{ "■ " }{ tr(lang_v,
                            "Stopped: that run was cancelled and nothing of it was kept. The view shows the previous run, if any.",
                            "已停止：该次运行被取消，未保留任何记录。视图显示的是上一次运行（如有）。") }</p>
                    } else if let Some(stopped) = run.as_ref().and_then(|r| r.stopped) {
                        <p class="run-note" data-testid="run-note" role="status">{ "⚠ " }{ stopped_note(lang_v, stopped) }</p>
                    }
                </div>
                if !embed || params.editor {
                    <div class="area-editor">
                        <Editor lang={lang_v} text={(*script).clone()} {on_edit} on_run={on_run}
                            error={state.error.clone()} readonly={params.readonly} />
                    </div>
                }
                if show("source") {
                    <div class="area-source">
                        <SourceView lang={lang_v} source={run.as_ref().map(|r| r.source.clone())}
                            current={v.and_then(|v| v.current.clone())}
                            paused={v.map(|v| v.paused.clone()).unwrap_or_default()}
                            stale={run.as_ref().is_some_and(|r| *r.source != **script)}
                            breakpoints={bp_lines} {on_toggle_breakpoint} {warned} />
                    </div>
                }
                <div class="area-loop">
                    if show("ready") {
                        <ReadyQueue lang={lang_v} running={v.and_then(|v| v.running.clone())}
                            ready={v.map(|v| v.ready.clone()).unwrap_or_default()} />
                    }
                    if show("timers") {
                        <Timers lang={lang_v} t={v.map_or(0.0, |v| v.t)} end_t={timeline.as_ref().map_or(0.0, |t| t.end_t)}
                            timers={v.map(|v| v.timers.clone()).unwrap_or_default()} />
                    }
                    if show("io") {
                        <IoWaits lang={lang_v} io={v.map(|v| v.io.clone()).unwrap_or_default()} />
                    }
                </div>
                <div class="area-tasks">
                    if show("tasks") {
                        <Tasks lang={lang_v} tasks={v.map(|v| v.tasks.clone()).unwrap_or_default()} />
                    }
                    if show("primitives") {
                        <Primitives lang={lang_v} primitives={v.map(|v| v.primitives.clone()).unwrap_or_default()} />
                    }
                </div>
                if show("console") {
                    <div class="area-console">
                        <Console lang={lang_v} lines={console} visible={v.map_or(0, |v| v.console_len)}
                            stopped={run.as_ref().and_then(|r| r.stopped)} />
                    </div>
                }
                if show("timeline") {
                    <div class="area-timeline">
                        <TimelineView lang={lang_v} {run_id} {timeline} {pos} t={v.map_or(0.0, |v| v.t)} {on_action} />
                    </div>
                }
            </main>
            if let Some((url, embed_code)) = (*share).clone() {
                <ShareBox lang={lang_v} {url} embed={embed_code} on_close={on_close_share} />
            }
            if state.gallery {
                <Gallery lang={lang_v} on_pick={on_example} on_close={on_close_gallery} />
            }
            if state.help {
                <Help lang={lang_v} on_close={on_close_help} />
            }
            <footer class="footer">
                { format!("loopscope {} · ", loopscope::VERSION) }
                { tr(lang_v, "what it shows is what CPython 3.11 does · press ? for shortcuts", "所展示的就是 CPython 3.11 的行为 · 按 ? 查看快捷键") }
            </footer>
        </div>
    }
}
