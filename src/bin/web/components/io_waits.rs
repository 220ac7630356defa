use crate::components::panel::{Empty, Panel};
use crate::components::window::use_window_beyond;
use crate::i18n::{tr, Lang};
use crate::model::IoItem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IoWaitsProps {
    pub lang: Lang,
    pub io: Vec<IoItem>,
}

/// More sockets than this are windowed: rows get a fixed height (two lines, each cut with an
/// ellipsis; `.io-list.windowed` in style.css) and only those scrolled into view are drawn.
/// The C10K example has a thousand sockets; drawing them all made every step slow.
pub const WINDOW_FROM: usize = 24;

/// The distance between windowed rows in px: their fixed height and the list's gap.
pub const ROW_PITCH: usize = 40;

/// The simulated network's sockets: what the selector waits for on each (READ/WRITE), what
/// runs or which task wakes when it is ready, the socket's state and the bytes in flight.
#[function_component(IoWaits)]
pub fn io_waits(props: &IoWaitsProps) -> Html {
    let lang = props.lang;
    let n = props.io.len();
    let (win, rows, style) = use_window_beyond(n, WINDOW_FROM, ROW_PITCH, 8);
    let windowed = style.is_some();
    html! {
        <Panel testid="io-waits" title={tr(lang, "IO waits", "IO 等待")} count={Some(n)}>
            if props.io.is_empty() {
                <Empty text={tr(lang,
                    "No open sockets. Scripts that use socket, selectors, asyncio streams or aiohttp talk to loopscope's simulated network; their sockets and selector registrations show here.",
                    "没有打开的套接字。使用 socket、selectors、asyncio 流或 aiohttp 的脚本会连接 loopscope 的模拟网络，它们的套接字和选择器注册会显示在这里。")} />
            } else {
                <div class={classes!(windowed.then_some("list-scroll"))} ref={win.scroller} onscroll={win.onscroll}>
                    <ul class={classes!("io-list", windowed.then_some("windowed"))} data-count={n.to_string()} {style}>
                        { for props.io[rows].iter().map(|io| io_row(lang, io)) }
                    </ul>
                </div>
            }
        </Panel>
    }
}

fn io_row(lang: Lang, io: &IoItem) -> Html {
    let watched = io.events != "-";
    let head = format!(
        "fd {} {}",
        io.fd,
        if watched { io.events.as_str() } else { "" }
    );
    let target = (watched && !io.target.is_empty()).then(|| format!(" → {}", io.target));
    let mut socket = io.socket.clone();
    if io.in_flight > 0 {
        socket.push_str(&match lang {
            Lang::En => format!(" · {} B in flight", io.in_flight),
            Lang::Zh => format!(" · {} 字节在途", io.in_flight),
        });
    }
    html! {
        <li data-testid="io-item" data-fd={io.fd.to_string()}>
            <div class="io-head" title={format!("{head}{}", target.as_deref().unwrap_or(""))}>
                <code>{ head }</code>{ target.unwrap_or_default() }
            </div>
            <div class="io-socket" title={socket.clone()}>{ socket }</div>
        </li>
    }
}
