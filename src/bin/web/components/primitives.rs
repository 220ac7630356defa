use crate::components::panel::{Empty, Panel};
use crate::i18n::{tr, Lang};
use crate::model::{primitive_state_zh, PrimitiveCard};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrimitivesProps {
    pub lang: Lang,
    pub primitives: Vec<PrimitiveCard>,
}

/// Locks, events, conditions, semaphores and queues: their state and who waits on them.
#[function_component(Primitives)]
pub fn primitives(props: &PrimitivesProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel testid="primitives" title={tr(lang, "Sync primitives", "同步原语")} count={Some(props.primitives.len())}>
            if props.primitives.is_empty() {
                <Empty text={tr(lang, "None: Lock, Event, Condition, Semaphore and Queue appear here once created.", "无：创建 Lock、Event、Condition、Semaphore 或 Queue 后会显示在这里。")} />
            } else {
                { for props.primitives.iter().map(|p| html! {
                    <article key={p.primitive} data-testid="primitive-card"
                        class={classes!("prim-card", p.changed.then_some("changed"))}>
                        <header>
                            <strong>{ p.kind.clone() }</strong>
                            <code class="state">{ if lang == Lang::Zh { primitive_state_zh(&p.state) } else { p.state.clone() } }</code>
                        </header>
                        if p.waiters.is_empty() {
                            <div class="waiters none">{ tr(lang, "no waiters", "无等待者") }</div>
                        } else {
                            <div class="waiters">
                                { tr(lang, "waiting: ", "等待者：") }
                                <>{ for p.waiters.iter().map(|w| html! { <span class="waiter">{ w.clone() }</span> }) }</>
                            </div>
                        }
                    </article>
                }) }
            }
        </Panel>
    }
}
