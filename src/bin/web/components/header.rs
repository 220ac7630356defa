use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "⟳" }</span>
                <h1>{ "loopscope" }</h1>
                <span class="tagline">{ "see Python's asyncio at work · 看见 asyncio 事件循环" }</span>
            </div>
        </header>
    }
}
