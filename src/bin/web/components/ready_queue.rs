use crate::components::panel::{Empty, Panel};
use crate::i18n::{tr, Lang};
use crate::model::ReadyItem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadyQueueProps {
    pub lang: Lang,
    /// The callback running now: already popped from `_ready`, shown above the queue.
    pub running: Option<ReadyItem>,
    pub ready: Vec<ReadyItem>,
}

/// Items drawn; the front of a long queue is what runs next, the rest is a count.
pub const MAX_ITEMS: usize = 50;

/// `loop._ready`: the handles the loop will run this turn, front first, named as CPython's
/// `--handles` lines name them.
#[function_component(ReadyQueue)]
pub fn ready_queue(props: &ReadyQueueProps) -> Html {
    let lang = props.lang;
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
            } else {
                <ol class="ready-list">
                    { for props.ready.iter().take(MAX_ITEMS).map(|r| html! {
                        <li key={r.handle} data-testid="ready-item" data-handle={r.handle.to_string()}
                            class={classes!("ready-item", r.is_new.then_some("is-new"), r.cancelled.then_some("cancelled"))}>
                            <code>{ r.desc.clone() }</code>
                            if r.cancelled {
                                <span class="tag muted">{ tr(lang, "cancelled", "已取消") }</span>
                            }
                        </li>
                    }) }
                </ol>
                if props.ready.len() > MAX_ITEMS {
                    <p class="empty more">{ format!("+{} {}", props.ready.len() - MAX_ITEMS, tr(lang, "more", "个")) }</p>
                }
            }
        </Panel>
    }
}
