use crate::components::panel::{Empty, Panel};
use crate::components::window::{may_overflow, use_row_keys, use_window};
use crate::i18n::{secs, tr, Lang};
use crate::model::TimerItem;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimersProps {
    pub lang: Lang,
    /// The virtual clock now.
    pub t: f64,
    /// When the run ends on the virtual clock (the axis spans 0..max(end, last timer)).
    pub end_t: f64,
    pub timers: Rc<Vec<TimerItem>>,
}

/// The distance between rows in px: a row's fixed height (`.timer-item` in style.css) and
/// the list's gap. Only the rows in view are drawn (see `window`).
pub const ROW_PITCH: usize = 50;

/// Columns a row's description surely has on its own line (`may_overflow`).
const CUT_ROOM: usize = 26;

/// `loop._scheduled`: each timer on a time axis with the clock as a moving line, and below
/// it what each one does when it fires, soonest first.
#[function_component(Timers)]
pub fn timers(props: &TimersProps) -> Html {
    let lang = props.lang;
    let max_when = props
        .timers
        .iter()
        .map(|t| t.when)
        .filter(|w| w.is_finite())
        .fold(0.0f64, f64::max);
    let span = props.end_t.max(max_when).max(props.t).max(1e-9);
    let pct = |x: f64| -> f64 { (x / span * 100.0).clamp(0.0, 100.0) };
    let n = props.timers.len();
    let win = use_window(n, ROW_PITCH, 4);
    let rows = win.rows.clone();
    let style = win.list_style();
    let ids: Vec<u64> = props.timers[rows.clone()]
        .iter()
        .map(|t| t.handle)
        .collect();
    let keys = use_row_keys(&ids);
    let dots = dots(&props.timers, pct);
    let dot_ids: Vec<u64> = dots.iter().map(|d| d.key).collect();
    let dot_keys = use_row_keys(&dot_ids);
    html! {
        <Panel testid="timers" title={tr(lang, "Timers", "定时器")} count={Some(props.timers.len())}>
            <div class="axis" aria-hidden="true">
                <div class="axis-track" />
                <div class="clock-line" style={format!("transform: translateX({:.3}cqw)", pct(props.t))}>
                    <span>{ secs(props.t) }</span>
                </div>
                // A list of its own (a fragment): html! flattens a `for` into its siblings, and
                // Yew matches a list with unkeyed siblings by place from its end, so a dot fewer
                // turned the track into the clock line and the clock line into a dot.
                <>{ for dots.into_iter().zip(dot_keys).map(|(d, key)| html! {
                    <div {key} class={classes!("timer-dot", d.all_cancelled.then_some("cancelled"), d.is_new.then_some("is-new"), (d.count > 1).then_some("many"))}
                        style={format!("transform: translateX({:.3}cqw)", d.left * 100.0)} title={d.title}>
                        if d.count > 1 { <span>{ d.count }</span> }
                    </div>
                }) }</>
                <span class="axis-label start">{ "0" }</span>
                <span class="axis-label end">{ secs(span) }</span>
            </div>
            if props.timers.is_empty() {
                <Empty text={tr(lang, "No timers scheduled (sleep, call_later and timeouts add them).", "没有定时器（sleep、call_later 和超时会添加定时器）。")} />
            }
            // The scroll box stays while there are no timers (0 px tall then), as the ready
            // queue's does: no new composited layer and forced layout when timers return.
            <div class="list-scroll" ref={win.scroller} onscroll={win.onscroll}>
                // The list has the height of all rows; those drawn sit at their offset.
                <ol class="timer-list" data-count={n.to_string()}
                    {style}>
                    { for keys.iter().enumerate().map(|(i, &key)| html! {
                        <Row {key} {lang} t={props.t} items={props.timers.clone()} i={rows.start + i} />
                    }) }
                </ol>
            </div>
        </Panel>
    }
}

#[derive(Properties)]
struct RowProps {
    lang: Lang,
    t: f64,
    items: Rc<Vec<TimerItem>>,
    i: usize,
}

impl PartialEq for RowProps {
    // The list is new every step; what matters is this row's timer (and the clock, for "in").
    fn eq(&self, o: &RowProps) -> bool {
        self.lang == o.lang && self.t == o.t && self.items.get(self.i) == o.items.get(o.i)
    }
}

/// One timer; a component of its own so that a step re-renders only the rows it changed.
#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    let Some(tm) = props.items.get(props.i) else {
        return Html::default();
    };
    let lang = props.lang;
    let due = tm.when - props.t;
    html! {
        <li data-testid="timer-item" data-handle={tm.handle.to_string()}
            class={classes!("timer-item", tm.is_new.then_some("is-new"), tm.cancelled.then_some("cancelled"))}>
            <span class="when">{ format!("@{}", secs(tm.when)) }</span>
            <span class="due">{ if due > 0.0 {
                format!("{} {}", tr(lang, "in", "还有"), secs(due))
            } else {
                tr(lang, "due", "已到期").to_string()
            } }</span>
            <code class={classes!(may_overflow(&tm.desc, CUT_ROOM).then_some("cut"))} title={tm.desc.clone()}>{ tm.desc.clone() }</code>
            if tm.cancelled {
                <span class="tag muted">{ tr(lang, "cancelled", "已取消") }</span>
            }
        </li>
    }
}

/// One dot on the axis: the timers that land on the same spot (a thousand sleeps of the
/// same length are one dot with a count, not a thousand dots).
struct Dot {
    key: u64,
    /// 0..=1 along the axis.
    left: f64,
    count: usize,
    all_cancelled: bool,
    is_new: bool,
    title: String,
}

fn dots(timers: &[TimerItem], pct: impl Fn(f64) -> f64) -> Vec<Dot> {
    let mut out: Vec<Dot> = Vec::new();
    // The list is sorted by `when`: equal spots are adjacent.
    for tm in timers {
        // Spots 0.5% apart are indistinguishable on a panel a few hundred pixels wide.
        let left = (pct(tm.when) * 2.0).round() / 200.0;
        match out.last_mut() {
            Some(d) if d.left == left => {
                d.count += 1;
                d.all_cancelled &= tm.cancelled;
                d.is_new |= tm.is_new;
            }
            _ => out.push(Dot {
                key: tm.handle,
                left,
                count: 1,
                all_cancelled: tm.cancelled,
                is_new: tm.is_new,
                title: format!("{} {}", secs(tm.when), tm.desc),
            }),
        }
    }
    out
}
