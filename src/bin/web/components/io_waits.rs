use crate::components::panel::{Empty, Panel};
use crate::i18n::{tr, Lang};
use crate::model::IoItem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IoWaitsProps {
    pub lang: Lang,
    pub io: Vec<IoItem>,
}

/// Selector registrations: what the loop waits for in `select()`.
#[function_component(IoWaits)]
pub fn io_waits(props: &IoWaitsProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel testid="io-waits" title={tr(lang, "IO waits", "IO 等待")} count={Some(props.io.len())}>
            if props.io.is_empty() {
                <Empty text={tr(lang,
                    "Nothing registered with the selector. loopscope simulates time, not the network yet: sockets and streams arrive with a later version, and will show here.",
                    "选择器中没有注册项。loopscope 目前模拟时间而非网络：套接字和流将在后续版本加入，并显示在这里。")} />
            } else {
                <ul class="io-list">
                    { for props.io.iter().map(|io| html! {
                        <li data-testid="io-item"><code>{ format!("fd {} {}", io.fd, io.events) }</code>{ " → " }{ io.target.clone() }</li>
                    }) }
                </ul>
            }
        </Panel>
    }
}
