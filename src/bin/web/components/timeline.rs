use crate::components::panel::{Empty, Panel};
use crate::components::tasks::{phase_id, phase_label};
use crate::components::window::{may_overflow, use_window};
use crate::i18n::{secs, tr, Lang};
use crate::model::Timeline;
use crate::state::Action;
use std::ops::Range;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// What the horizontal axis measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Half virtual time, half steps: waiting and what happens within one instant both
    /// show (on a pure time axis a whole burst of steps at t = 0 is a sliver).
    Mixed,
    /// Virtual seconds: shows waiting (everything at one instant is a sliver).
    Time,
    /// Steps: shows the interleaving (every step the same width).
    Steps,
}

#[derive(Properties)]
pub struct TimelineProps {
    pub lang: Lang,
    pub run_id: u32,
    pub timeline: Option<Rc<Timeline>>,
    pub pos: usize,
    pub t: f64,
    pub on_action: Callback<Action>,
}

impl PartialEq for TimelineProps {
    // A run's timeline never changes: compare it by identity, not its thousands of spans
    // (the derived comparison walked every span of every lane on every step).
    fn eq(&self, o: &TimelineProps) -> bool {
        self.lang == o.lang
            && self.run_id == o.run_id
            && match (&self.timeline, &o.timeline) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.pos == o.pos
            && self.t == o.t
            && self.on_action == o.on_action
    }
}

/// A Gantt chart: a lane per task coloured by its state, the cursor as a line; a click jumps
/// there.
#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let chosen = use_state(|| None::<Axis>);
    let plot = use_node_ref();
    // Hooks before the early return below: their number must not depend on the props.
    let hover = use_state(|| None::<String>);
    // Only the lanes scrolled into view (and a block either side) are in the DOM: with 1,000
    // tasks, a name element per lane (each clipping its text) made every step's
    // layerization, pre-paint and style walk thousands of nodes that nobody could see.
    let win = use_window(
        props.timeline.as_ref().map_or(0, |t| t.lanes.len()),
        LANE_H,
        BLOCK,
    );
    let Some(tl) = props.timeline.clone().filter(|t| !t.lanes.is_empty()) else {
        return html! {
            <Panel testid="timeline" title={tr(lang, "Timeline", "时间线")}>
                <Empty text={tr(lang, "After a run: a lane per task over virtual time, coloured by state. Click to jump.", "运行后：每个任务一条泳道，按状态着色。点击可跳转。")} />
            </Panel>
        };
    };
    // Everything at t = 0 has no extent in time: show steps then.
    let axis = chosen.unwrap_or(if tl.end_t > 0.0 {
        Axis::Mixed
    } else {
        Axis::Steps
    });
    let frac = x_of(&tl, axis, props.t, props.pos);
    let onclick = {
        let plot = plot.clone();
        let cb = props.on_action.clone();
        let tl = tl.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(el) = plot.cast::<Element>() else {
                return;
            };
            let r = el.get_bounding_client_rect();
            if r.width() <= 0.0 {
                return;
            }
            let f = ((e.client_x() as f64 - r.left()) / r.width()).clamp(0.0, 1.0);
            cb.emit(match axis {
                Axis::Time => Action::SeekTime(f * tl.end_t),
                Axis::Steps => Action::Seek((f * tl.last_pos as f64).round() as usize),
                Axis::Mixed => Action::Seek(pos_at_x(&tl, f)),
            });
        })
    };
    let onmousemove = {
        let plot = plot.clone();
        let hover = hover.clone();
        let tl = tl.clone();
        let lang = props.lang;
        Callback::from(move |e: MouseEvent| {
            let Some(el) = plot.cast::<Element>() else {
                return;
            };
            let r = el.get_bounding_client_rect();
            if r.width() <= 0.0 {
                return;
            }
            let fx = ((e.client_x() as f64 - r.left()) / r.width()).clamp(0.0, 1.0);
            let text = hover_text(&tl, axis, lang, fx, e.client_y() as f64 - r.top());
            if *hover != text {
                hover.set(text);
            }
        })
    };
    let lanes = win.rows.clone();
    let set_axis = |a: Axis| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(Some(a)))
    };
    let end_label = match axis {
        Axis::Time => secs(tl.end_t),
        Axis::Mixed => format!(
            "{} · {} {}",
            secs(tl.end_t),
            tl.last_pos,
            tr(lang, "steps", "步")
        ),
        Axis::Steps => format!("{} {}", tl.last_pos, tr(lang, "steps", "步")),
    };
    html! {
        <Panel testid="timeline" title={tr(lang, "Timeline", "时间线")} count={Some(tl.lanes.len())}>
            <div class="tl-tools">
                <span>{ tr(lang, "x axis:", "横轴：") }</span>
                <button class={classes!((axis == Axis::Mixed).then_some("on"))} onclick={set_axis(Axis::Mixed)}
                    data-testid="timeline-axis-mixed"
                    title={tr(lang, "Half the width is virtual time, half is steps: waiting and the steps within one instant both show",
                        "一半宽度按虚拟时间，一半按步数：等待和同一时刻内的各步都能看到")}>
                    { tr(lang, "time + steps", "时间 + 步数") }</button>
                <button class={classes!((axis == Axis::Time).then_some("on"))} onclick={set_axis(Axis::Time)}
                    data-testid="timeline-axis-time">{ tr(lang, "virtual time", "虚拟时间") }</button>
                <button class={classes!((axis == Axis::Steps).then_some("on"))} onclick={set_axis(Axis::Steps)}
                    data-testid="timeline-axis-steps">{ tr(lang, "steps", "步数") }</button>
                <span class="legend">
                    { for ["running", "ready", "waiting", "done", "failed", "cancelled"].iter().map(|p| html! {
                        <span class={classes!("lg", *p)}>{ legend_label(lang, p) }</span>
                    }) }
                </span>
            </div>
            <div class="tl-scroll" ref={win.scroller} onscroll={win.onscroll}>
                <div class="tl-grid" data-lanes={tl.lanes.len().to_string()}
                    style={format!("height: {}px", tl.lanes.len() * LANE_H)}>
                    <Names run_id={props.run_id} timeline={tl.clone()} {axis} {lang} lanes={lanes.clone()} />
                    <div class="tl-plot" ref={plot} {onclick} {onmousemove}
                        title={(*hover).clone().map_or_else(
                            || tr(lang, "Click to jump there", "点击跳转到该处").to_string(),
                            |h| format!("{h} · {}", tr(lang, "click to jump there", "点击跳转到该处")))}>
                        <Lanes run_id={props.run_id} timeline={tl.clone()} {axis} {lang} {lanes} />
                        <div class="tl-cursor" style={format!("transform: translateX({:.3}cqw)", (frac * 100.0).clamp(0.0, 100.0))} />
                    </div>
                </div>
            </div>
            <div class="tl-axis"><span>{ "0" }</span><span>{ end_label }</span></div>
        </Panel>
    }
}

/// Where (0..1 across the plot) the state at position `pos`, virtual time `t`, is drawn.
fn x_of(tl: &Timeline, axis: Axis, t: f64, pos: usize) -> f64 {
    let by_time = t / tl.end_t.max(1e-9);
    let by_steps = pos as f64 / tl.last_pos.max(1) as f64;
    match axis {
        Axis::Time => by_time,
        Axis::Steps => by_steps,
        Axis::Mixed => 0.5 * by_time + 0.5 * by_steps,
    }
}

/// The first position drawn at `f` or to its right on the mixed axis (it grows with the
/// position, so a binary search finds it).
fn pos_at_x(tl: &Timeline, f: f64) -> usize {
    let (mut lo, mut hi) = (0usize, tl.last_pos);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if x_of(tl, Axis::Mixed, tl.time_at(mid), mid) < f {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

fn legend_label(lang: Lang, p: &str) -> &'static str {
    use crate::model::TaskPhase::*;
    let phase = match p {
        "running" => Running,
        "ready" => Ready,
        "waiting" => Waiting,
        "done" => Done,
        "failed" => Failed,
        _ => Cancelled,
    };
    phase_label(lang, phase)
}

#[derive(Properties)]
struct LanesProps {
    run_id: u32,
    timeline: Rc<Timeline>,
    axis: Axis,
    lang: Lang,
    /// The lanes drawn (indices into `timeline.lanes`).
    lanes: Range<usize>,
}

impl PartialEq for LanesProps {
    // The lanes of a run never change: compare the run, not thousands of spans.
    fn eq(&self, o: &LanesProps) -> bool {
        self.run_id == o.run_id
            && self.axis == o.axis
            && self.lang == o.lang
            && self.lanes == o.lanes
    }
}

const LANE_H: usize = 18;

/// Lanes are drawn in blocks of this many: the window drawn changes only when the scroll
/// crosses a block, so most scroll events re-render nothing.
const BLOCK: usize = 16;

/// Columns a lane's name surely has beside its swatch (`.tl-names` is at most 14em wide):
/// only longer names are cut (`may_overflow`).
const NAME_ROOM: usize = 18;

/// The names of the lanes drawn, at their lanes' heights.
#[function_component(Names)]
fn names(props: &LanesProps) -> Html {
    let lanes = &props.timeline.lanes;
    let r = props.lanes.start.min(lanes.len())..props.lanes.end.min(lanes.len());
    // The column is as wide as the longest name of all lanes, not of those drawn, so that it
    // does not change width as the window moves.
    let chars = lanes
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(0);
    html! {
        <div class="tl-names" style={format!("width: calc({chars}ch + 14px)")}>
            <div class="tl-names-win" style={format!("transform: translateY({}px)", r.start * LANE_H)}>
                { for lanes[r.clone()].iter().enumerate().map(|(i, l)| html! {
                    <div class={classes!("tl-name", may_overflow(&l.name, NAME_ROOM).then_some("cut"))} data-lane={(r.start + i).to_string()}
                        style={format!("--mark: var(--task-{});", l.color % 8)} title={l.name.clone()}>
                        <span class="swatch" />{ l.name.clone() }
                    </div>
                }) }
            </div>
        </div>
    }
}

/// Width of the plot in SVG user units; the SVG stretches it to the panel's width.
const PLOT_W: f64 = 1000.0;

/// The spans of the lanes drawn, once per run, axis and window (the cursor moves over them
/// without re-rendering).
/// One `<path>` per phase holds every span in that phase: a rect per span made the page carry
/// ~15,000 SVG nodes for 1,000 tasks, and each step paid for their style and layout.
#[function_component(Lanes)]
fn lanes(props: &LanesProps) -> Html {
    use crate::model::TaskPhase::*;
    let tl = &props.timeline;
    let r = props.lanes.start.min(tl.lanes.len())..props.lanes.end.min(tl.lanes.len());
    let (y0, h) = (r.start * LANE_H, r.len() * LANE_H);
    let phases = [Running, Ready, Waiting, Done, Failed, Cancelled];
    let mut paths: Vec<String> = vec![String::new(); phases.len()];
    for (i, lane) in tl.lanes[r.clone()].iter().enumerate() {
        let y = (r.start + i) * LANE_H + 3;
        for s in &lane.spans {
            let a = x_of(tl, props.axis, s.from_t, s.from_pos).clamp(0.0, 1.0) * PLOT_W;
            let b = x_of(tl, props.axis, s.to_t, s.to_pos).clamp(0.0, 1.0) * PLOT_W;
            // At least 2.5 units (0.25%) wide, so an instant still shows.
            let w = (b - a).max(2.5);
            if let Some(k) = phases.iter().position(|p| *p == s.phase) {
                use std::fmt::Write;
                let _ = write!(paths[k], "M{a:.2} {y}h{w:.2}v{}h-{w:.2}z", LANE_H - 6);
            }
        }
    }
    html! {
        <svg class="tl-svg" width="100%" height={h.to_string()} role="img" style={format!("top: {y0}px")}
            viewBox={format!("0 {y0} {PLOT_W} {h}")} preserveAspectRatio="none"
            aria-label={tr(props.lang, "Task states over the run", "任务状态随时间的变化")}>
            { for phases.iter().zip(paths).filter(|(_, d)| !d.is_empty()).map(|(p, d)| html! {
                <path class={classes!("span", phase_id(*p))} d={d} />
            }) }
        </svg>
    }
}

/// What is under the pointer on the plot (the tooltip): lane, phase and its time span.
fn hover_text(tl: &Timeline, axis: Axis, lang: Lang, fx: f64, y: f64) -> Option<String> {
    let lane = tl
        .lanes
        .get((y / LANE_H as f64).floor().max(0.0) as usize)?;
    let s = lane.spans.iter().find(|s| {
        let a = x_of(tl, axis, s.from_t, s.from_pos);
        let b = x_of(tl, axis, s.to_t, s.to_pos).max(a + 0.0025);
        (a..=b).contains(&fx)
    })?;
    Some(format!(
        "{} {}: {} – {}",
        lane.name,
        phase_label(lang, s.phase),
        secs(s.from_t),
        secs(s.to_t)
    ))
}
