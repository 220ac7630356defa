use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub testid: AttrValue,
    pub title: AttrValue,
    /// A count shown next to the title (items in the queue, timers pending, ...).
    #[prop_or_default]
    pub count: Option<usize>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A titled box on the dashboard; every panel has a `data-testid` for tests and course pages.
#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    html! {
        <section class={classes!("panel", props.class.clone())} data-testid={props.testid.clone()}>
            <h2 class="panel-title">
                { props.title.clone() }
                if let Some(n) = props.count {
                    <span class="count">{ n }</span>
                }
            </h2>
            { props.children.clone() }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    pub text: AttrValue,
}

/// What a panel says when it has nothing to show at this position.
#[function_component(Empty)]
pub fn empty(props: &EmptyProps) -> Html {
    html! { <p class="empty">{ props.text.clone() }</p> }
}

#[derive(Properties, PartialEq)]
pub struct OverlayProps {
    pub testid: AttrValue,
    /// The id of the heading that names the dialog.
    pub title_id: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// A click outside the dialog.
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

/// A modal dialog over the page (help, gallery, share); a click beside it closes it.
#[function_component(Overlay)]
pub fn overlay(props: &OverlayProps) -> Html {
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    html! {
        <div class="overlay" data-testid={props.testid.clone()} onclick={close}>
            <div class={classes!("dialog", props.class.clone())} role="dialog" aria-modal="true"
                aria-labelledby={props.title_id.clone()} onclick={stop}>
                { props.children.clone() }
            </div>
        </div>
    }
}
