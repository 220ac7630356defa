use crate::components::panel::Overlay;
use crate::examples::{chapters, Example};
use crate::i18n::{tr, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub lang: Lang,
    /// An example id was picked.
    pub on_pick: Callback<String>,
    pub on_close: Callback<()>,
}

/// Every example by chapter, in the order a course teaches them: a card each with its
/// title, what it shows and what to watch. Picking one loads and runs it.
#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let lang = props.lang;
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <Overlay testid="gallery-overlay" title_id="gallery-title" class="gallery-dialog" on_close={props.on_close.clone()}>
            <div class="gallery-head">
                <h2 id="gallery-title">{ tr(lang, "Gallery", "示例库") }</h2>
                <button onclick={close} aria-label={tr(lang, "Close", "关闭")}>{ "✕" }</button>
            </div>
            { for chapters().iter().enumerate().map(|(i, ch)| html! {
                <section class="gallery-chapter" key={ch.id.clone()}>
                    <h3>{ format!("{}. {}", i + 1, tr(lang, &ch.en, &ch.zh)) }</h3>
                    <div class="gallery-cards">
                        { for ch.examples.iter().map(|ex| card(lang, ex, &props.on_pick)) }
                    </div>
                </section>
            }) }
        </Overlay>
    }
}

fn card(lang: Lang, ex: &'static Example, on_pick: &Callback<String>) -> Html {
    let onclick = {
        let cb = on_pick.clone();
        let id = ex.id.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    html! {
        <button class="gallery-card" data-testid="gallery-card" data-example={ex.id.clone()} {onclick}>
            <strong>{ tr(lang, &ex.en, &ex.zh) }</strong>
            <span class="about">{ tr(lang, &ex.about_en, &ex.about_zh) }</span>
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExampleInfoProps {
    pub lang: Lang,
    pub id: String,
}

/// The loaded example's explanation and what to watch, above the panels.
#[function_component(ExampleInfo)]
pub fn example_info(props: &ExampleInfoProps) -> Html {
    let lang = props.lang;
    let Some(ex) = crate::examples::by_id(&props.id) else {
        return html! {};
    };
    html! {
        <div class="example-info" data-testid="example-info">
            <strong>{ tr(lang, &ex.en, &ex.zh) }</strong>{ " · " }
            <span>{ tr(lang, &ex.about_en, &ex.about_zh) }</span>
            <div class="watch">{ tr(lang, "Watch: ", "看点：") }{ tr(lang, &ex.watch_en, &ex.watch_zh) }</div>
        </div>
    }
}
