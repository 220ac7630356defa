use crate::components::window::reduced_motion;
use crate::i18n::Lang;
use crate::model::Narration;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    pub lang: Lang,
    pub narration: Option<Narration>,
    /// What the step changed, one item per change.
    #[prop_or_default]
    pub changes: Vec<Narration>,
    /// Said before the first run.
    pub idle: AttrValue,
    /// Bumped on every position change so the text flashes when it changes.
    pub pos: usize,
}

/// One sentence saying what the last step did.
#[function_component(NarrationView)]
pub fn narration_view(props: &NarrationProps) -> Html {
    let text = match (&props.narration, props.lang) {
        (Some(n), Lang::En) => n.en.clone(),
        (Some(n), Lang::Zh) => n.zh.clone(),
        (None, _) => props.idle.to_string(),
    };
    html! {
        <p class="narration" data-testid="narration" aria-live="polite">
            // A new element per position restarts its flash; with reduced motion there is no
            // flash, and the same element takes the new text.
            <span key={if reduced_motion() { 0 } else { props.pos }} class="narration-text">{ text }</span>
            if !props.changes.is_empty() {
                <span class="changes" data-testid="changes">
                    { for props.changes.iter().map(|c| html! {
                        <span class="change">{ if props.lang == Lang::Zh { c.zh.clone() } else { c.en.clone() } }</span>
                    }) }
                </span>
            }
        </p>
    }
}
