use crate::components::panel::{Empty, Panel};
use crate::i18n::{tr, Lang};
use crate::model::IoItem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IoWaitsProps {
    pub lang: Lang,
    pub io: Vec<IoItem>,
}

/// The simulated network's sockets: what the selector waits for on each (READ/WRITE), what
/// runs or which task wakes when it is ready, the socket's state and the bytes in flight.
#[function_component(IoWaits)]
pub fn io_waits(props: &IoWaitsProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel testid="io-waits" title={tr(lang, "IO waits", "IO 等待")} count={Some(props.io.len())}>
            if props.io.is_empty() {
                <Empty text={tr(lang,
                    "No open sockets. Scripts that use socket, selectors, asyncio streams or aiohttp talk to loopscope's simulated network; their sockets and selector registrations show here.",
                    "没有打开的套接字。使用 socket、selectors、asyncio 流或 aiohttp 的脚本会连接 loopscope 的模拟网络，它们的套接字和选择器注册会显示在这里。")} />
            } else {
                <ul class="io-list">
                    { for props.io.iter().map(|io| {
                        let watched = io.events != "-";
                        html! {
                            <li data-testid="io-item">
                                <code>{ format!("fd {} {}", io.fd, if watched { io.events.as_str() } else { "" }) }</code>
                                if watched && !io.target.is_empty() {
                                    { " → " }{ io.target.clone() }
                                }
                                <div class="io-socket">
                                    { io.socket.clone() }
                                    if io.in_flight > 0 {
                                        { match lang {
                                            Lang::En => format!(" · {} B in flight", io.in_flight),
                                            Lang::Zh => format!(" · {} 字节在途", io.in_flight),
                                        } }
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
        </Panel>
    }
}
