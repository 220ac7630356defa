use crate::components::panel::{Empty, Panel};
use crate::components::window::{may_overflow, use_row_keys, use_window};
use crate::i18n::{tr, Lang};
use crate::model::ReadyItem;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadyQueueProps {
    pub lang: Lang,
    /// The callback running now: already popped from `_ready`, shown above the queue.
    pub running: Option<ReadyItem>,
    pub ready: Rc<Vec<ReadyItem>>,
}

/// The distance between rows in px: a row's fixed height (`.ready-item` in style.css) and
/// the list's gap. Only the rows in view are drawn (see `window`).
pub const ROW_PITCH: usize = 32;

/// Columns a row's description surely has (`may_overflow`), beside the number and with the
/// "cancelled" tag: the loop column is ~270 px wide at its narrowest.
const CUT_ROOM: usize = 20;
const CUT_ROOM_TAGGED: usize = 12;

/// `loop._ready`: the handles the loop will run this turn, front first, named as CPython's
/// `--handles` lines name them.
#[function_component(ReadyQueue)]
pub fn ready_queue(props: &ReadyQueueProps) -> Html {
    let lang = props.lang;
    let n = props.ready.len();
    // Blocks of 4 rows: with the box's ~11 rows in view, 16 are drawn (24 in blocks of 8),
    // and a step that pops the queue's front renumbers and repaints all those drawn.
    let win = use_window(n, ROW_PITCH, 4);
    let rows = win.rows.clone();
    let style = win.list_style();
    let ids: Vec<u64> = props.ready[rows.clone()].iter().map(|r| r.handle).collect();
    let keys = use_row_keys(&ids);
    html! {
        <Panel testid="ready-queue" title={tr(lang, "Ready queue", "就绪队列")} count={Some(props.ready.len())}>
            if let Some(r) = &props.running {
                <div class="ready-running" data-testid="ready-running" title={tr(lang, "Running now (popped from the queue)", "正在运行（已从队列取出）")}>
                    <span class="tag">{ tr(lang, "running", "运行中") }</span>
                    <code>{ r.desc.clone() }</code>
                </div>
            }
            if props.ready.is_empty() {
                <Empty text={tr(lang, "Empty: nothing is ready to run.", "空：没有可运行的回调。")} />
            }
            // The scroll box stays while the queue is empty (0 px tall then): a loop turn
            // often empties and refills the queue, and a new box was a new composited layer
            // and a forced layout to measure it.
            <div class="list-scroll" ref={win.scroller} onscroll={win.onscroll}>
                // The list has the height of all rows; those drawn sit at their offset
                // and are numbered by their place in the queue.
                <ol class="ready-list" data-count={n.to_string()}
                    {style}>
                    { for keys.iter().enumerate().map(|(i, &key)| html! {
                        <Row {key} {lang} items={props.ready.clone()} i={rows.start + i} />
                    }) }
                </ol>
            </div>
        </Panel>
    }
}

#[derive(Properties)]
struct RowProps {
    lang: Lang,
    items: Rc<Vec<ReadyItem>>,
    i: usize,
}

impl PartialEq for RowProps {
    // The queue is a new list every step; what matters is whether this row's item or its
    // place (its number) changed.
    fn eq(&self, o: &RowProps) -> bool {
        self.lang == o.lang && self.i == o.i && self.items.get(self.i) == o.items.get(o.i)
    }
}

/// One handle; a component of its own so that a step re-renders only the rows it changed.
#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    let Some(r) = props.items.get(props.i) else {
        return Html::default();
    };
    // Only a description that may not fit is cut (with an ellipsis): see `may_overflow`.
    let room = if r.cancelled {
        CUT_ROOM_TAGGED
    } else {
        CUT_ROOM
    };
    let cut = may_overflow(&r.desc, room);
    html! {
        // The number is text, not a CSS counter: when the queue's front was popped,
        // Chromium's counter update made every step restyle and re-lay out a long queue's
        // page (1.2 ms a step with 1,000 tasks). As generated content (`attr()`) its change
        // rebuilt each row's pseudo-element, which cost as much.
        <li data-testid="ready-item" data-handle={r.handle.to_string()}
            class={classes!("ready-item", r.is_new.then_some("is-new"), r.cancelled.then_some("cancelled"))}>
            <span class="n">{ props.i + 1 }</span>
            <code class={classes!(cut.then_some("cut"))} title={r.desc.clone()}>{ r.desc.clone() }</code>
            if r.cancelled {
                <span class="tag muted">{ tr(props.lang, "cancelled", "已取消") }</span>
            }
        </li>
    }
}
