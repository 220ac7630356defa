use crate::components::panel::Overlay;
use crate::i18n::{tr, Lang};
use crate::links;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    /// The link to this script at this position.
    pub url: String,
    /// The iframe snippet for a course page.
    pub embed: String,
    pub on_close: Callback<()>,
}

/// The share box: the link (already in the address bar and, where allowed, the clipboard)
/// and the embed code, each selectable and with a copy button.
#[function_component(ShareBox)]
pub fn share_box(props: &ShareProps) -> Html {
    let lang = props.lang;
    let copied = use_state(|| None::<&'static str>);
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let copy = |text: String, what: &'static str| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            links::copy(&text);
            copied.set(Some(what));
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        el.select();
    });
    html! {
        <Overlay testid="share-overlay" title_id="share-title" class="share-dialog" on_close={props.on_close.clone()}>
            <h2 id="share-title">{ tr(lang, "Share this view", "分享当前视图") }</h2>
            <p class="muted">{ tr(lang,
                "The link opens this script at this step, with this granularity and language.",
                "该链接会在当前这一步打开此脚本，并保留单步粒度和语言。") }</p>
            <div class="share-row">
                <input data-testid="share-link" readonly=true value={props.url.clone()} onfocus={select_all.clone()}
                    aria-label={tr(lang, "Share link", "分享链接")} />
                <button data-testid="copy-link" onclick={copy(props.url.clone(), "link")}>{ tr(lang, "Copy link", "复制链接") }</button>
            </div>
            <p class="muted">{ tr(lang,
                "Embed it in a course page (parameters: see the README):",
                "嵌入到课程页面（参数见 README）：") }</p>
            <div class="share-row">
                <input data-testid="embed-code" readonly=true value={props.embed.clone()} onfocus={select_all}
                    aria-label={tr(lang, "Embed code", "嵌入代码")} />
                <button data-testid="copy-embed" onclick={copy(props.embed.clone(), "embed")}>{ tr(lang, "Copy embed code", "复制嵌入代码") }</button>
            </div>
            if let Some(what) = *copied {
                <p class="muted" role="status">{ match what {
                    "link" => tr(lang, "Link copied.", "链接已复制。"),
                    _ => tr(lang, "Embed code copied.", "嵌入代码已复制。"),
                } }</p>
            }
            <button data-testid="share-close" onclick={close}>{ tr(lang, "Close", "关闭") }</button>
        </Overlay>
    }
}
