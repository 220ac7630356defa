use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: AttrValue,
    pub on_edit: Callback<String>,
}

/// The script editor. Script text is only ever rendered as text (a textarea's value).
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    html! {
        <div class="editor-wrap">
            <label class="panel-title" for="script">{ "Script" }</label>
            <textarea id="script" class="editor" data-testid="editor" spellcheck="false"
                value={props.text.clone()} {oninput} />
        </div>
    }
}
