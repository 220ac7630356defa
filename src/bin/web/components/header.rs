use crate::i18n::{tr, Lang};
use yew::prelude::*;

/// The colour scheme: follow the system unless the user picked one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_code(c: &str) -> Option<Theme> {
        match c {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub theme: Theme,
    pub on_lang: Callback<Lang>,
    pub on_theme: Callback<Theme>,
    pub on_help: Callback<()>,
    pub on_share: Callback<()>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let on_lang = {
        let cb = props.on_lang.clone();
        Callback::from(move |_: MouseEvent| cb.emit(lang.other()))
    };
    let on_theme = {
        let cb = props.on_theme.clone();
        let next = props.theme.next();
        Callback::from(move |_: MouseEvent| cb.emit(next))
    };
    let on_help = {
        let cb = props.on_help.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_share = {
        let cb = props.on_share.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let theme_label = match props.theme {
        Theme::System => tr(lang, "◐ theme: system", "◐ 主题：跟随系统"),
        Theme::Light => tr(lang, "☀ theme: light", "☀ 主题：浅色"),
        Theme::Dark => tr(lang, "☾ theme: dark", "☾ 主题：深色"),
    };
    html! {
        <header class="header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "⟳" }</span>
                <h1>{ "loopscope" }</h1>
                <span class="tagline">{ tr(lang, "see Python's asyncio at work", "看见 asyncio 事件循环") }</span>
            </div>
            <nav class="header-tools">
                <button data-testid="share" onclick={on_share}
                    title={tr(lang, "A link to this script at this step, and the code to embed it", "指向当前脚本当前步骤的链接，以及嵌入代码")}>
                    { tr(lang, "🔗 Share", "🔗 分享") }
                </button>
                <button data-testid="lang" onclick={on_lang} lang={lang.other().code()}
                    title={tr(lang, "切换到中文", "Switch to English")}>
                    { tr(lang, "中文", "English") }
                </button>
                <button data-testid="theme" onclick={on_theme}>{ theme_label }</button>
                <button data-testid="help" onclick={on_help} aria-label={tr(lang, "Keyboard shortcuts", "快捷键")}>{ "?" }</button>
            </nav>
        </header>
    }
}
