//! Browser tests (wasm-bindgen-test in headless Chromium): the reducer against real replays,
//! and each panel rendered from a real View.

use crate::app::{key_action, App};
use crate::components::console::{stopped_note, Console, ConsoleProps};
use crate::components::io_waits::{IoWaits, IoWaitsProps};
use crate::components::primitives::{Primitives, PrimitivesProps};
use crate::components::ready_queue::{ReadyQueue, ReadyQueueProps};
use crate::components::source_view::{SourceView, SourceViewProps};
use crate::components::tasks::{Tasks, TasksProps};
use crate::components::timeline::{TimelineProps, TimelineView};
use crate::components::timers::{Timers, TimersProps};
use crate::examples::{all, by_id, chapters, source_ids};
use crate::i18n::Lang;
use crate::model::{
    Granularity, IoItem, Lane, LaneSpan, PrimitiveCard, ReadyItem, Replay, SourceMark, TaskCard,
    TaskPhase, Timeline, TimerItem, View,
};
use crate::runner;
use crate::state::{Action, AppState, Outcome, Stopped, GRANULARITIES};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn replay_of(src: &str) -> Rc<Replay> {
    match runner::run(src) {
        Outcome::Replay { replay, .. } => replay,
        Outcome::Error(e) => panic!("script error {e:?}"),
    }
}

fn loaded(src: &str) -> AppState {
    AppState::default().apply(Action::RunFinished {
        source: Rc::from(src),
        outcome: runner::run(src),
    })
}

/// Mount a component with props in a fresh element and let the scheduler render it.
async fn mount<C>(props: C::Properties) -> Element
where
    C: BaseComponent,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    gloo_timers::future::TimeoutFuture::new(10).await;
    root
}

/// Scrolls `scroller` down `px` and gives the window a moment to draw the rows now in view.
async fn scroll_to(scroller: &Element, px: usize) {
    scroller.set_scroll_top(px as i32);
    gloo_timers::future::TimeoutFuture::new(100).await;
}

/// How far below the top of `scroller`'s box `el` sits, in px.
fn offset_in(el: &Element, scroller: &Element) -> f64 {
    el.get_bounding_client_rect().top() - scroller.get_bounding_client_rect().top()
}

/// The drawn row of a windowed list whose `data-testid` is `testid` and `attr` is `key`.
fn row_of(root: &Element, testid: &str, attr: &str, key: u32) -> Option<Element> {
    root.query_selector(&format!("[data-testid='{testid}'][{attr}='{key}']"))
        .unwrap()
}

/// The distance between two drawn rows' tops, in whole px: a windowed list's pitch.
fn pitch(a: &Element, b: &Element) -> usize {
    (b.get_bounding_client_rect().top() - a.get_bounding_client_rect().top()).round() as usize
}

/// `el` is drawn at the very top of `scroller`'s box.
fn assert_at_top(el: &Element, scroller: &Element) {
    let dy = offset_in(el, scroller);
    assert!(dy.abs() < 1.0, "{dy}");
}

fn count(root: &Element, testid: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid='{testid}']"))
        .unwrap()
        .length()
}

fn texts(root: &Element, testid: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!("[data-testid='{testid}']"))
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The first position whose view satisfies `f`.
fn find(replay: &Replay, f: impl Fn(&View) -> bool) -> View {
    (0..=replay.last())
        .map(|p| replay.view(p))
        .find(|v| f(v))
        .expect("a position with that view")
}

// ------------------------------------------------------------------ reducer

#[wasm_bindgen_test]
fn a_run_starts_at_position_zero_and_steps_follow_the_replay() {
    let src = by_id("hello").unwrap().source;
    let s = loaded(src);
    let run = s.run.clone().expect("a run");
    assert_eq!(s.pos, 0);
    assert!(run.replay.last() > 0);
    for g in GRANULARITIES {
        let fwd = s.apply(Action::Step { g, forward: true });
        assert_eq!(fwd.pos, run.replay.step(0, g, true), "{g:?}");
        assert!(fwd.pos > 0, "{g:?} moves forward");
        assert_eq!(fwd.gran, g, "stepping selects the granularity");
        let back = fwd.apply(Action::StepSelected { forward: false });
        assert_eq!(back.pos, run.replay.step(fwd.pos, g, false));
        assert!(back.pos < fwd.pos);
    }
}

#[wasm_bindgen_test]
fn seek_start_end_and_clamping() {
    let s = loaded(by_id("gather").unwrap().source);
    let last = s.last();
    assert_eq!(s.apply(Action::Seek(usize::MAX)).pos, last);
    assert_eq!(s.apply(Action::End).pos, last);
    assert_eq!(s.apply(Action::End).apply(Action::Start).pos, 0);
    // Stepping past either end stays put.
    assert_eq!(s.apply(Action::StepSelected { forward: false }).pos, 0);
    let end = s.apply(Action::End);
    assert_eq!(
        end.apply(Action::Step {
            g: Granularity::Line,
            forward: true
        })
        .pos,
        last
    );
    // A time beyond the run lands on a valid position.
    assert!(s.apply(Action::SeekTime(1e9)).pos <= last);
}

#[wasm_bindgen_test]
fn play_ticks_at_the_selected_granularity_and_stops_at_the_end() {
    let s = loaded(by_id("hello").unwrap().source);
    let s = s
        .apply(Action::SetGranularity(Granularity::Turn))
        .apply(Action::TogglePlay);
    assert!(s.playing);
    let replay = s.run.clone().unwrap().replay;
    let t1 = s.apply(Action::Tick);
    assert_eq!(t1.pos, replay.step(0, Granularity::Turn, true));
    let mut cur = t1;
    for _ in 0..100_000 {
        if !cur.playing {
            break;
        }
        cur = cur.apply(Action::Tick);
    }
    assert!(!cur.playing);
    assert_eq!(cur.pos, replay.last());
    // Play at the end starts over.
    let again = cur.apply(Action::TogglePlay);
    assert!(again.playing);
    assert_eq!(again.pos, 0);
    // Any manual step pauses.
    assert!(!again.apply(Action::StepSelected { forward: true }).playing);
}

#[wasm_bindgen_test]
fn a_syntax_error_keeps_the_previous_run_and_reports_line_and_column() {
    let s = loaded(by_id("hello").unwrap().source).apply(Action::End);
    let pos = s.pos;
    let bad = "import asyncio\n\nasync def f(:\n    pass\n";
    let s2 = s.apply(Action::RunFinished {
        source: Rc::from(bad),
        outcome: runner::run(bad),
    });
    let e = s2.error.clone().expect("a syntax error");
    assert_eq!(e.line, 3);
    assert!(!e.message.is_empty());
    assert_eq!(s2.pos, pos);
    assert_eq!(s2.run.as_ref().map(|r| r.id), s.run.as_ref().map(|r| r.id));
    // A good run afterwards clears the error.
    let s3 = s2.apply(Action::RunFinished {
        source: Rc::from("print(1)\n"),
        outcome: runner::run("print(1)\n"),
    });
    assert!(s3.error.is_none());
}

#[wasm_bindgen_test]
fn play_stops_at_breakpoints_and_next_breakpoint_jumps() {
    use crate::state::EventBreakpoint;
    let mut s = loaded(by_id("lock").unwrap().source);
    // No breakpoints: nothing to jump to.
    s = s.apply(Action::ToBreakpoint { forward: true });
    assert_eq!(s.pos, 0);
    s = s.apply(Action::SetEventBreakpoint(
        EventBreakpoint::LockAcquired,
        true,
    ));
    s = s.apply(Action::ToBreakpoint { forward: true });
    let first = s.pos;
    assert!(first > 0);
    let v = s.run.as_ref().unwrap().replay.view(first);
    assert!(
        v.primitives.iter().any(|p| p.state == "locked by Task-2"),
        "{:?}",
        v.primitives
    );
    // Playing from there stops at the next acquisition, not at the end.
    s = s.apply(Action::SetGranularity(Granularity::Turn));
    s = s.apply(Action::TogglePlay);
    for _ in 0..1000 {
        if !s.playing {
            break;
        }
        s = s.apply(Action::Tick);
    }
    assert!(!s.playing);
    assert!(s.pos > first && s.pos < s.last());
    let v = s.run.as_ref().unwrap().replay.view(s.pos);
    assert!(
        v.primitives.iter().any(|p| p.state == "locked by Task-3"),
        "{:?}",
        v.primitives
    );
    s = s.apply(Action::ToBreakpoint { forward: false });
    assert_eq!(s.pos, first);
    // Line breakpoints toggle.
    s = s.apply(Action::ToggleLineBreakpoint(6));
    assert!(s.breakpoints.lines.contains(&6));
    s = s.apply(Action::ToggleLineBreakpoint(6));
    assert!(s.breakpoints.lines.is_empty());
}

#[wasm_bindgen_test]
fn a_task_that_never_awaits_is_stopped_alone_and_the_run_goes_on() {
    let src = "import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasync def main():\n    t = asyncio.create_task(spin())\n    try:\n        await t\n    except RuntimeError as e:\n        print('caught', type(e).__name__)\n    print('after')\n\nasyncio.run(main())\n";
    match runner::run(src) {
        Outcome::Replay { replay, stopped } => {
            assert_eq!(stopped, Some(Stopped::Callback(runner::CALLBACK_BUDGET)));
            let out: Vec<&str> = replay
                .console()
                .iter()
                .filter(|l| !l.stderr)
                .map(|l| l.text.as_str())
                .collect();
            assert_eq!(out, ["caught RuntimeError", "after"]);
            assert!(stopped_note(Lang::En, stopped.unwrap()).contains("rest of the run went on"));
        }
        Outcome::Error(e) => panic!("{e:?}"),
    }
}

#[wasm_bindgen_test]
fn an_infinite_loop_stops_with_a_budget_and_keeps_its_trace() {
    let src = "import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n        if n % 10000 == 0:\n            print(n)\n\nasyncio.run(spin())\n";
    // A small budget: debug wasm is slow, and the mechanism is the same at any size.
    match runner::run_with_budget(src, 2_000_000) {
        Outcome::Replay { replay, stopped } => {
            // Both budgets are 2,000,000 here; either one stopping the spin is right.
            assert!(
                matches!(
                    stopped,
                    Some(Stopped::Run(2_000_000) | Stopped::Callback(2_000_000))
                ),
                "the run is reported as stopped: {stopped:?}"
            );
            assert!(replay.last() > 0);
            assert!(
                !replay.console().is_empty(),
                "the output before the stop is kept"
            );
        }
        Outcome::Error(e) => panic!("{e:?}"),
    }
}

fn nested_repr(depth: usize) -> String {
    // Each level is a native repr() calling back into a Python __repr__: nested Rust frames.
    format!("class N:\n    def __init__(self, child):\n        self.child = child\n    def __repr__(self):\n        return 'N(' + repr(self.child) + ')'\n\nx = None\nfor i in range({depth}):\n    x = N(x)\nprint(len(repr(x)))\n")
}

#[wasm_bindgen_test]
fn deep_native_recursion_does_not_overflow_the_wasm_stack() {
    let replay = replay_of(&nested_repr(50));
    let out: String = replay.console().iter().map(|l| l.text.clone()).collect();
    assert_eq!(out, "154");
    // Past the VM's nesting limit: a RecursionError, not a trap that would kill the app.
    let replay = replay_of(&nested_repr(5000));
    let err: String = replay
        .console()
        .iter()
        .filter(|l| l.stderr)
        .map(|l| l.text.clone())
        .collect();
    assert!(err.contains("RecursionError"), "{err}");
}

#[wasm_bindgen_test]
async fn gallery_examples_run_in_the_browser_build() {
    // tests/gallery.rs compares every example with CPython natively and the e2e tests run
    // them all in the release build; here, in the slow debug build, one of each kind, with
    // a pause between them so the test runner's page polling is never starved.
    for id in [
        "greenlet_switch",
        "mini_framework",
        "taskgroup",
        "forgot_await",
        "old_style_coroutine",
    ] {
        let ex = by_id(id).unwrap_or_else(|| panic!("{id} is in the gallery"));
        let replay = replay_of(ex.source);
        assert!(replay.last() > 0, "{id}");
        assert!(
            replay.console().iter().any(|l| !l.stderr),
            "{id} printed nothing"
        );
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

#[wasm_bindgen_test]
fn the_gallery_manifest_and_the_scripts_agree() {
    let listed: Vec<&str> = all().map(|e| e.id.as_str()).collect();
    let sources: Vec<&str> = source_ids().collect();
    assert_eq!(listed, sources);
    assert!(listed.len() >= 30);
    assert!(chapters()
        .iter()
        .all(|c| !c.examples.is_empty() && !c.zh.is_empty()));
}

fn textarea(value: &str) -> web_sys::HtmlTextAreaElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let area: web_sys::HtmlTextAreaElement = document
        .create_element("textarea")
        .unwrap()
        .dyn_into()
        .unwrap();
    document.body().unwrap().append_child(&area).unwrap();
    area.set_value(value);
    area
}

#[wasm_bindgen_test]
fn tab_indents_the_caret_or_the_selected_lines_and_shift_tab_undoes_it() {
    use crate::components::editor::indent;
    let area = textarea("def f():\npass");
    area.set_selection_range(9, 9).unwrap();
    assert_eq!(indent(&area, false).unwrap(), "def f():\n    pass");
    assert_eq!(area.selection_start().unwrap(), Some(13));
    // Several lines, then back.
    let area = textarea("a\nb\nc");
    area.set_selection_range(0, 5).unwrap();
    assert_eq!(indent(&area, false).unwrap(), "    a\n    b\n    c");
    assert_eq!(indent(&area, true).unwrap(), "a\nb\nc");
    // Selections that end inside removed indentation, next to non-ASCII text, never panic.
    for (text, a, b) in [
        ("  é\n  é", 1, 5),
        ("é\n  x", 0, 3),
        ("  😀\n ", 2, 6),
        ("", 0, 0),
    ] {
        let area = textarea(text);
        area.set_selection_range(a, b).unwrap();
        let _ = indent(&area, true);
        let _ = indent(&area, false);
    }
}

#[wasm_bindgen_test]
fn budget_numbers_are_grouped() {
    use crate::components::console::thousands;
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(10_000_000), "10,000,000");
}

#[wasm_bindgen_test]
fn keys_map_to_actions() {
    assert!(matches!(
        key_action("ArrowRight", false),
        Some(Action::StepSelected { forward: true })
    ));
    assert!(matches!(
        key_action("L", true),
        Some(Action::Step {
            g: Granularity::Line,
            forward: false
        })
    ));
    assert!(matches!(
        key_action("t", false),
        Some(Action::Step {
            g: Granularity::Time,
            forward: true
        })
    ));
    assert!(matches!(key_action(" ", false), Some(Action::TogglePlay)));
    assert!(matches!(key_action("End", false), Some(Action::End)));
    assert!(key_action("x", false).is_none());
}

// ------------------------------------------------------------------ panels

fn ready(handle: u64, desc: &str, cancelled: bool) -> ReadyItem {
    ReadyItem {
        handle,
        desc: desc.into(),
        cancelled,
        is_new: false,
    }
}

#[wasm_bindgen_test]
async fn ready_queue_lists_handles_in_order_with_the_running_one_apart() {
    let items = vec![
        ready(7, "step Task-2", false),
        ready(8, "step Task-3", true),
        ready(9, "call _set_result_unless_cancelled", false),
    ];
    let root = mount::<ReadyQueue>(ReadyQueueProps {
        lang: Lang::En,
        running: Some(ready(6, "step Task-1", false)),
        ready: Rc::new(items.clone()),
    })
    .await;
    let got = texts(&root, "ready-item");
    assert_eq!(got.len(), 3);
    for (g, r) in got.iter().zip(&items) {
        assert!(g.contains(&r.desc), "{g} vs {}", r.desc);
    }
    assert!(got[1].contains("cancelled"));
    assert!(texts(&root, "ready-running")[0].contains("step Task-1"));
}

#[wasm_bindgen_test]
fn rows_keep_their_keys_and_new_rows_take_the_keys_left_over_in_order() {
    use crate::components::window::reuse_keys;
    // First render: keys from 0.
    assert_eq!(reuse_keys(&[], &[7, 8, 9]), vec![0, 1, 2]);
    let last = [(7, 0), (8, 1), (9, 2)];
    // The front popped and one pushed: the rows kept keep their keys, the new one takes
    // the popped one's.
    assert_eq!(reuse_keys(&last, &[8, 9, 10]), vec![1, 2, 0]);
    // All replaced: each place keeps its key (its element is reused where it is).
    assert_eq!(reuse_keys(&last, &[20, 21, 22]), vec![0, 1, 2]);
    // More rows than before: fresh keys after the largest; fewer: a prefix.
    assert_eq!(reuse_keys(&last, &[7, 8, 9, 30, 31]), vec![0, 1, 2, 3, 4]);
    assert_eq!(reuse_keys(&last, &[9]), vec![2]);
    // A repeated id gets a key of its own (keys must be unique).
    let keys = reuse_keys(&last, &[7, 7, 7, 7]);
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((keys[0], unique.len()), (0, 4));
}

#[wasm_bindgen_test]
async fn an_empty_ready_queue_keeps_its_scroll_box() {
    with_app_styles();
    let queue = |n: u64| ReadyQueueProps {
        lang: Lang::En,
        running: None,
        ready: Rc::new((0..n).map(|i| ready(i + 1, "step", false)).collect()),
    };
    // Empty: it says so, and the box stays (0 px tall) for the rows to come back to.
    let root = mount::<ReadyQueue>(queue(0)).await;
    assert!(texts(&root, "ready-queue")[0].contains("nothing is ready"));
    let scroller = root
        .query_selector(".list-scroll")
        .unwrap()
        .expect("box kept");
    assert_eq!(scroller.client_height(), 0);
    assert_eq!(count(&root, "ready-item"), 0);
    // Each mount stays in the page otherwise, and moves later tests' lists further down
    // (a list scrolled far below the viewport may not redraw in time for their checks).
    root.remove();
    // A few rows: the box is as tall as they are.
    let root = mount::<ReadyQueue>(queue(3)).await;
    let scroller = root.query_selector(".list-scroll").unwrap().unwrap();
    assert_eq!(
        scroller.client_height() as usize,
        3 * crate::components::ready_queue::ROW_PITCH
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn timers_show_each_timer_with_its_due_time() {
    let replay = replay_of(by_id("hello").unwrap().source);
    let v = find(&replay, |v| v.timers.len() == 2);
    let root = mount::<Timers>(TimersProps {
        lang: Lang::En,
        t: v.t,
        end_t: replay.timeline().end_t,
        timers: Rc::new(v.timers.clone()),
    })
    .await;
    let got = texts(&root, "timer-item");
    assert_eq!(got.len(), 2);
    assert!(got[0].contains("1.000 s"), "{}", got[0]);
    assert!(got[1].contains("2.000 s"), "{}", got[1]);
}

#[wasm_bindgen_test]
async fn tasks_render_a_card_per_task_with_name_state_and_chain() {
    let replay = replay_of(by_id("hello").unwrap().source);
    let v = find(&replay, |v| v.tasks.len() >= 3);
    let mut cards = v.tasks.clone();
    cards[0].await_chain = vec!["main()".into(), "fetch()".into(), "sleep(1.0)".into()];
    cards[0].woke_because = Some(("Task-2 finished".into(), "Task-2 已完成".into()));
    let root = mount::<Tasks>(TasksProps {
        lang: Lang::Zh,
        tasks: Rc::new(cards.clone()),
    })
    .await;
    let got = texts(&root, "task-card");
    assert_eq!(got.len(), cards.len());
    for (g, c) in got.iter().zip(&cards) {
        assert!(g.contains(&c.name));
        for a in &c.await_chain {
            assert!(g.contains(a.as_str()), "{g} lacks {a}");
        }
    }
    assert!(
        got[0].contains("main() → fetch() → sleep(1.0)"),
        "{}",
        got[0]
    );
    // Why it woke, in the card's language.
    assert!(got[0].contains("唤醒原因：Task-2 已完成"), "{}", got[0]);
    assert!(!got[0].contains("finished"), "{}", got[0]);
    // Labels in Chinese.
    assert!(root.text_content().unwrap().contains("任务"));
}

#[wasm_bindgen_test]
async fn primitives_show_kind_state_and_waiters() {
    let root = mount::<Primitives>(PrimitivesProps {
        lang: Lang::En,
        primitives: vec![PrimitiveCard {
            primitive: 3,
            kind: "Lock".into(),
            state: "locked".into(),
            waiters: vec!["Task-3".into(), "Task-4".into()],
            changed: true,
        }],
    })
    .await;
    let text = root.text_content().unwrap();
    for want in ["Lock", "locked", "Task-3", "Task-4"] {
        assert!(text.contains(want), "{text} lacks {want}");
    }
}

#[wasm_bindgen_test]
async fn io_waits_explain_the_empty_state() {
    let root = mount::<IoWaits>(IoWaitsProps {
        lang: Lang::En,
        io: Vec::new(),
    })
    .await;
    assert!(root.text_content().unwrap().contains("simulated network"));
}

#[wasm_bindgen_test]
async fn io_waits_show_each_socket_its_registration_and_bytes_in_flight() {
    let root = mount::<IoWaits>(IoWaitsProps {
        lang: Lang::En,
        io: vec![IoItem {
            fd: 6,
            events: "READ".into(),
            target: "_SelectorSocketTransport._read_ready (wakes Task-2)".into(),
            socket: "connected to example.com:80".into(),
            in_flight: 300,
        }],
    })
    .await;
    let text = root.text_content().unwrap();
    for want in [
        "fd 6 READ",
        "_read_ready (wakes Task-2)",
        "connected to example.com:80",
        "300 B in flight",
    ] {
        assert!(text.contains(want), "{text} lacks {want}");
    }
}

#[wasm_bindgen_test]
async fn many_sockets_are_windowed_with_a_fixed_height() {
    with_app_styles();
    let io: Vec<IoItem> = (0..1000)
        .map(|i| IoItem {
            fd: i + 3,
            events: "READ".into(),
            target: format!(
                "_SelectorSocketTransport._read_ready (wakes Task-{})",
                i + 2
            ),
            socket: "connected to 127.0.0.1:8888".into(),
            in_flight: 0,
        })
        .collect();
    let root = mount::<IoWaits>(IoWaitsProps { lang: Lang::En, io }).await;
    let list = root.query_selector(".io-list").unwrap().unwrap();
    assert_eq!(list.get_attribute("data-count").as_deref(), Some("1000"));
    assert!(texts(&root, "io-waits")[0].contains("1000"));
    let got = texts(&root, "io-item");
    assert!((5..=40).contains(&got.len()), "{}", got.len());
    assert!(got[0].starts_with("fd 3 READ → _SelectorSocketTransport._read_ready (wakes Task-2)"));
    let row = |fd: u32| row_of(&root, "io-item", "data-fd", fd);
    assert_eq!(
        pitch(&row(3).unwrap(), &row(4).unwrap()),
        crate::components::io_waits::ROW_PITCH
    );
    let scroller = root.query_selector(".list-scroll").unwrap().unwrap();
    scroll_to(&scroller, 700 * crate::components::io_waits::ROW_PITCH).await;
    // fd 703 is the 701st socket, row 700: at the top of the box once scrolled there.
    assert_at_top(&row(703).unwrap(), &scroller);
    assert!(row(3).is_none());
}

#[wasm_bindgen_test]
async fn console_shows_only_the_lines_printed_so_far_with_their_time() {
    let replay = replay_of(by_id("hello").unwrap().source);
    let lines = Rc::new(replay.console().to_vec());
    assert!(lines.len() >= 3);
    let root = mount::<Console>(ConsoleProps {
        lang: Lang::En,
        lines: lines.clone(),
        visible: 2,
        stopped: None,
    })
    .await;
    let got = texts(&root, "console-line");
    assert_eq!(got.len(), 2);
    assert!(got[0].contains("started"));
    assert!(
        got[1].contains("1.000") && got[1].contains("hello"),
        "{}",
        got[1]
    );
}

#[wasm_bindgen_test]
async fn source_highlights_the_current_line_and_marks_paused_tasks() {
    let src = by_id("hello").unwrap().source;
    let mark = |line, task, label: &str| SourceMark {
        line,
        task: Some(task),
        color: task as usize,
        label: label.into(),
    };
    let root = mount::<SourceView>(SourceViewProps {
        lang: Lang::En,
        source: Some(Rc::from(src)),
        current: Some(mark(5, 2, "Task-2")),
        paused: Rc::new(vec![mark(13, 1, "Task-1"), mark(5, 3, "Task-3")]),
        stale: false,
        breakpoints: Rc::new([7].into_iter().collect()),
        on_toggle_breakpoint: Callback::noop(),
        warned: Rc::new(vec![9]),
    })
    .await;
    let bp = root
        .query_selector(".src-line.bp")
        .unwrap()
        .expect("a breakpoint line");
    assert_eq!(bp.get_attribute("data-line").unwrap(), "7");
    let warned = root
        .query_selector(".src-line.warned")
        .unwrap()
        .expect("a warned line");
    assert_eq!(warned.get_attribute("data-line").unwrap(), "9");
    let cur = root
        .query_selector(".src-line.current")
        .unwrap()
        .expect("current line");
    assert_eq!(cur.get_attribute("data-line").unwrap(), "5");
    assert!(cur.text_content().unwrap().contains("Task-2"));
    let paused = root.query_selector_all(".src-mark.paused").unwrap();
    assert_eq!(paused.length(), 2);
    let line13 = root.query_selector("[data-line='13']").unwrap().unwrap();
    assert!(line13.text_content().unwrap().contains("Task-1"));
    // The lexer's classes are applied.
    assert!(root.query_selector(".tk-kw").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn timeline_draws_a_lane_per_task_and_a_cursor() {
    let replay = replay_of(by_id("gather").unwrap().source);
    let tl = Rc::new(replay.timeline().clone());
    let root = mount::<TimelineView>(TimelineProps {
        lang: Lang::En,
        run_id: 1,
        timeline: Some(tl.clone()),
        pos: 3,
        t: 0.0,
        on_action: Callback::noop(),
    })
    .await;
    assert_eq!(
        root.query_selector_all(".tl-name").unwrap().length() as usize,
        tl.lanes.len()
    );
    // One path per phase, one subpath ("M...z") per span.
    let spans: usize = tl.lanes.iter().map(|l| l.spans.len()).sum();
    let paths = root.query_selector_all("path.span").unwrap();
    assert!(
        paths.length() >= 2 && paths.length() <= 6,
        "{}",
        paths.length()
    );
    let mut subpaths = 0;
    for i in 0..paths.length() {
        let el: Element = paths.item(i).unwrap().dyn_into().unwrap();
        subpaths += el.get_attribute("d").unwrap().matches('M').count();
    }
    assert_eq!(subpaths, spans);
    assert!(root.query_selector(".tl-cursor").unwrap().is_some());
}

/// A timeline of `n` tasks, each ready then done, without running a script.
fn big_timeline(n: usize) -> Rc<Timeline> {
    let lanes = (0..n)
        .map(|i| Lane {
            task: i as u64 + 1,
            name: format!("Task-{}", i + 1),
            color: i,
            spans: vec![
                LaneSpan {
                    phase: TaskPhase::Ready,
                    from_pos: 0,
                    to_pos: i,
                    from_t: 0.0,
                    to_t: 0.0,
                },
                LaneSpan {
                    phase: TaskPhase::Done,
                    from_pos: i,
                    to_pos: n,
                    from_t: 0.0,
                    to_t: 1.0,
                },
            ],
        })
        .collect();
    Rc::new(Timeline {
        end_t: 1.0,
        last_pos: n,
        lanes,
        clock: vec![(n, 1.0)],
    })
}

fn lane_names(root: &Element) -> Vec<String> {
    let list = root.query_selector_all(".tl-name").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The app's stylesheet in the test page (layout-dependent tests need its sizes).
fn with_app_styles() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("app-styles").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("app-styles");
        style.set_text_content(Some(include_str!("../../../static/style.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_long_timeline_draws_only_the_lanes_in_view_and_follows_the_scroll() {
    with_app_styles();
    let tl = big_timeline(1000);
    let root = mount::<TimelineView>(TimelineProps {
        lang: Lang::En,
        run_id: 1,
        timeline: Some(tl.clone()),
        pos: 3,
        t: 0.0,
        on_action: Callback::noop(),
    })
    .await;
    let grid = root.query_selector(".tl-grid").unwrap().unwrap();
    // Every lane counts (the attribute, the panel's count and the grid's height) ...
    assert_eq!(grid.get_attribute("data-lanes").as_deref(), Some("1000"));
    assert!(texts(&root, "timeline")[0].contains("1000"));
    assert_eq!(grid.client_height(), 1000 * 18);
    // ... but only the first few are drawn, names and spans alike.
    let names = lane_names(&root);
    assert!((17..=64).contains(&names.len()), "{}", names.len());
    assert_eq!(names[0], "Task-1");
    let d: String = (0..root.query_selector_all("path.span").unwrap().length())
        .map(|i| {
            let el: Element = root
                .query_selector_all("path.span")
                .unwrap()
                .item(i)
                .unwrap()
                .dyn_into()
                .unwrap();
            el.get_attribute("d").unwrap()
        })
        .collect();
    assert_eq!(d.matches('M').count(), 2 * names.len());
    // Scrolled to lane 500: lane 500 and its neighbours are drawn, lane 1 no longer.
    let scroller = root.query_selector(".tl-scroll").unwrap().unwrap();
    scroll_to(&scroller, 500 * 18).await;
    let names = lane_names(&root);
    for want in ["Task-501", "Task-510"] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    assert!(!names.iter().any(|n| n == "Task-1"));
    assert!(names.len() <= 80, "{}", names.len());
    // The drawn names sit at their lanes: Task-501 is at the top of the view.
    let first = root
        .query_selector(".tl-name[data-lane='500']")
        .unwrap()
        .unwrap();
    assert_at_top(&first, &scroller);
}

#[wasm_bindgen_test]
async fn a_long_ready_queue_draws_the_rows_in_view_numbered_by_their_place() {
    with_app_styles();
    let items: Vec<ReadyItem> = (0..500)
        .map(|i| ready(i + 1, &format!("step Task-{}", i + 1), false))
        .collect();
    let root = mount::<ReadyQueue>(ReadyQueueProps {
        lang: Lang::En,
        running: None,
        ready: Rc::new(items),
    })
    .await;
    let list = root.query_selector(".ready-list").unwrap().unwrap();
    assert_eq!(list.get_attribute("data-count").as_deref(), Some("500"));
    assert!(texts(&root, "ready-queue")[0].contains("500"));
    let got = texts(&root, "ready-item");
    assert!((10..=48).contains(&got.len()), "{}", got.len());
    assert!(got[0].contains("step Task-1"));
    // The rows' height and gap are what the window assumes (ROW_PITCH).
    let row = |handle: u32| row_of(&root, "ready-item", "data-handle", handle);
    assert_eq!(
        pitch(&row(1).unwrap(), &row(2).unwrap()),
        crate::components::ready_queue::ROW_PITCH
    );
    // Scrolled to row 300: it is drawn where it belongs, numbered 301.
    let scroller = root.query_selector(".list-scroll").unwrap().unwrap();
    scroll_to(&scroller, 300 * crate::components::ready_queue::ROW_PITCH).await;
    let row = row(301).expect("row 301 drawn");
    assert_at_top(&row, &scroller);
    // Numbered by its place in the queue.
    assert!(row.text_content().unwrap().starts_with("301step Task-301"));
    assert!(texts(&root, "ready-item").len() <= 48);
}

/// Waits for the browser to lay out and draw a few frames (a window is measured after the
/// frame's layout, as a ResizeObserver reports the box's size).
async fn frames() {
    gloo_timers::future::TimeoutFuture::new(120).await;
}

#[wasm_bindgen_test]
async fn a_ready_queue_that_empties_and_refills_draws_the_rows_its_box_shows() {
    with_app_styles();
    let queue = |from: u64, n: u64| ReadyQueueProps {
        lang: Lang::En,
        running: None,
        ready: Rc::new(
            (from..from + n)
                .map(|i| ready(i, &format!("step Task-{i}"), false))
                .collect(),
        ),
    };
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mut app =
        yew::Renderer::<ReadyQueue>::with_root_and_props(root.clone(), queue(1, 500)).render();
    frames().await;
    let scroller = root.query_selector(".list-scroll").unwrap().unwrap();
    let pitch = crate::components::ready_queue::ROW_PITCH;
    // Every row the box shows is drawn, from a list's top and scrolled into its middle.
    let covers = |first: u64| {
        let shown = scroller.client_height() as usize / pitch + 1;
        (first..first + shown as u64)
            .all(|h| row_of(&root, "ready-item", "data-handle", h as u32).is_some())
    };
    assert!(covers(1));
    scroll_to(&scroller, 300 * pitch).await;
    assert!(covers(301));
    // Emptied (the box is 0 px tall and its scroll offset goes back to 0), then refilled with
    // other handles: drawn from the top again.
    app.update(queue(1, 0));
    frames().await;
    assert_eq!(count(&root, "ready-item"), 0);
    app.update(queue(1001, 500));
    frames().await;
    assert_eq!(scroller.scroll_top(), 0);
    assert!(covers(1001));
    assert_at_top(
        &row_of(&root, "ready-item", "data-handle", 1001).unwrap(),
        &scroller,
    );
    // A short queue that grows while shown: the rows of the taller box follow.
    app.update(queue(2001, 3));
    frames().await;
    app.update(queue(2001, 500));
    frames().await;
    assert!(covers(2001));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_long_timer_list_draws_the_rows_in_view() {
    with_app_styles();
    let timers: Vec<TimerItem> = (0..300)
        .map(|i| TimerItem {
            handle: i + 1,
            when: i as f64 / 10.0,
            desc: "call _set_result_unless_cancelled".into(),
            cancelled: false,
            is_new: false,
        })
        .collect();
    let root = mount::<Timers>(TimersProps {
        lang: Lang::En,
        t: 0.0,
        end_t: 30.0,
        timers: Rc::new(timers),
    })
    .await;
    let list = root.query_selector(".timer-list").unwrap().unwrap();
    assert_eq!(list.get_attribute("data-count").as_deref(), Some("300"));
    let got = texts(&root, "timer-item");
    assert!((5..=24).contains(&got.len()), "{}", got.len());
    let row = |handle: u32| row_of(&root, "timer-item", "data-handle", handle);
    assert_eq!(
        pitch(&row(1).unwrap(), &row(2).unwrap()),
        crate::components::timers::ROW_PITCH
    );
    let scroller = root.query_selector(".list-scroll").unwrap().unwrap();
    scroll_to(&scroller, 200 * crate::components::timers::ROW_PITCH).await;
    let row = row(201).expect("row 201 drawn");
    assert_at_top(&row, &scroller);
    assert!(row.text_content().unwrap().contains("@20.000 s"));
}

#[wasm_bindgen_test]
async fn many_task_cards_are_windowed_with_a_fixed_height() {
    with_app_styles();
    let replay = replay_of(by_id("hello").unwrap().source);
    let v = find(&replay, |v| !v.tasks.is_empty());
    let cards: Vec<TaskCard> = (0..300)
        .map(|i| TaskCard {
            task: i + 1,
            name: format!("Task-{}", i + 1),
            await_chain: vec!["worker()".into(), "sleep(0.1)".into()],
            woke_because: Some(("its timer fired".into(), "它的定时器到期了".into())),
            line: Some(5),
            changed: false,
            phase: TaskPhase::Waiting,
            ..v.tasks[0].clone()
        })
        .collect();
    let root = mount::<Tasks>(TasksProps {
        lang: Lang::En,
        tasks: Rc::new(cards),
    })
    .await;
    // The first MAX_CARDS are listed (the count says so), a few of them drawn.
    let list = root.query_selector(".task-list").unwrap().unwrap();
    let listed = crate::components::tasks::MAX_CARDS.to_string();
    assert_eq!(list.get_attribute("data-count"), Some(listed));
    assert!(texts(&root, "tasks")[0].contains("300"));
    let got = texts(&root, "task-card");
    assert!((3..=16).contains(&got.len()), "{}", got.len());
    assert!(got[0].contains("Task-1") && got[0].contains("worker() → sleep(0.1)"));
    let card = |id: u32| row_of(&root, "task-card", "data-task", id);
    assert_eq!(
        pitch(&card(1).unwrap(), &card(2).unwrap()),
        crate::components::tasks::CARD_PITCH
    );
    let scroller = root.query_selector(".task-grid").unwrap().unwrap();
    scroll_to(&scroller, 60 * crate::components::tasks::CARD_PITCH).await;
    assert_at_top(&card(61).unwrap(), &scroller);
    assert!(card(1).is_none());
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_every_panel_and_the_editor() {
    let root = mount::<App>(()).await;
    for id in [
        "source",
        "ready-queue",
        "timers",
        "tasks",
        "primitives",
        "io-waits",
        "console",
        "timeline",
        "narration",
        "run",
        "step-line",
        "step-callback",
        "step-turn",
        "step-time",
        "step-back",
        "play",
        "scrubber",
        "clock",
        "gallery",
        "editor",
    ] {
        assert_eq!(count(&root, id), 1, "{id}");
    }
}

#[wasm_bindgen_test]
fn only_a_line_that_may_not_fit_is_cut() {
    use crate::components::window::may_overflow;
    assert!(!may_overflow("step Task-602", 20));
    assert!(!may_overflow("", 0));
    assert!(may_overflow("call _set_result_unless_cancelled", 20));
    // Ten CJK characters are 30 bytes but 20 columns: they fit in 20, not in 19.
    assert!(!may_overflow("下载下载下载下载下载", 20));
    assert!(may_overflow("下载下载下载下载下载", 19));
    assert!(!may_overflow("ab", 2));
    assert!(may_overflow("abc", 2));
}

#[wasm_bindgen_test]
async fn idle_work_runs_once_the_page_is_idle_and_not_once_dropped() {
    use crate::app::when_idle;
    use std::cell::Cell;
    let ran = Rc::new(Cell::new(0));
    let kept = {
        let ran = ran.clone();
        when_idle(move || ran.set(ran.get() + 1))
    };
    let dropped = {
        let ran = ran.clone();
        when_idle(move || ran.set(ran.get() + 10))
    };
    assert!(kept.is_some() && dropped.is_some());
    drop(dropped);
    gloo_timers::future::TimeoutFuture::new(300).await;
    assert_eq!(ran.get(), 1);
    drop(kept);
}
