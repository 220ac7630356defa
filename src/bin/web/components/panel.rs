use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub testid: AttrValue,
    pub title: AttrValue,
    /// What the panel will show once a run exists.
    pub placeholder: AttrValue,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    html! {
        <section class="panel" data-testid={props.testid.clone()}>
            <h2 class="panel-title">{ props.title.clone() }</h2>
            <p class="placeholder">{ props.placeholder.clone() }</p>
        </section>
    }
}
