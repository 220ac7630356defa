use crate::components::panel::Overlay;
use crate::i18n::{tr, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub lang: Lang,
    pub on_close: Callback<()>,
}

/// Every shortcut (the same table the key handler in app.rs implements).
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    (
        "→ / ←",
        "step forward / back at the selected granularity",
        "按所选粒度前进 / 后退",
    ),
    ("L / Shift+L", "next / previous line", "下一行 / 上一行"),
    (
        "C / Shift+C",
        "next / previous callback",
        "下一个 / 上一个回调",
    ),
    (
        "R / Shift+R",
        "next / previous loop turn",
        "下一轮 / 上一轮事件循环",
    ),
    (
        "T / Shift+T",
        "next / previous clock move",
        "时钟下一次 / 上一次前进",
    ),
    (
        "1 2 3 4",
        "select line / callback / turn / time",
        "选择粒度：行 / 回调 / 轮次 / 时间",
    ),
    ("Space", "play / pause", "播放 / 暂停"),
    ("Home / End", "jump to start / end", "跳到开头 / 结尾"),
    ("Ctrl+Enter", "run the script", "运行脚本"),
    ("?", "this help", "显示本帮助"),
    ("Esc", "close", "关闭"),
];

#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let lang = props.lang;
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <Overlay testid="help-overlay" title_id="help-title" on_close={props.on_close.clone()}>
            <h2 id="help-title">{ tr(lang, "Keyboard shortcuts", "快捷键") }</h2>
            <table>
                { for SHORTCUTS.iter().map(|(k, en, zh)| html! {
                    <tr><td><kbd>{ *k }</kbd></td><td>{ tr(lang, en, zh) }</td></tr>
                }) }
            </table>
            <p class="muted">{ tr(lang,
                "Granularities: a line is the next line any coroutine executes; a callback is the next handle the loop pops from the ready queue; a loop turn is one _run_once; time is the next move of the virtual clock.",
                "粒度：行 = 任意协程执行的下一行；回调 = 事件循环从就绪队列取出的下一个句柄；轮次 = 一次 _run_once；时间 = 虚拟时钟的下一次前进。") }</p>
            <button onclick={close}>{ tr(lang, "Close", "关闭") }</button>
        </Overlay>
    }
}
