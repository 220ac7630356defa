use crate::i18n::{tr, Lang};
use crate::state::Action;
use loopscope::trace::inspect::{Question, QuestionKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PredictProps {
    pub lang: Lang,
    pub question: Option<Question>,
    pub kind: QuestionKind,
    pub on_kind: Callback<QuestionKind>,
    pub on_action: Callback<Action>,
}

/// Predict mode: before stepping on, guess what comes next (choices from the trace), then
/// see the answer and why.
#[function_component(Predict)]
pub fn predict(props: &PredictProps) -> Html {
    let lang = props.lang;
    let picked = use_state(|| None::<usize>);
    {
        // A new question (the cursor moved): nothing picked yet.
        let picked = picked.clone();
        let key = props
            .question
            .as_ref()
            .map(|q| (q.reveal, q.choices.clone()));
        use_effect_with(key, move |_| picked.set(None));
    }
    let kind_button = |k: QuestionKind, id: &'static str, en: &'static str, zh: &'static str| {
        let cb = props.on_kind.clone();
        html! {
            <button class={classes!((props.kind == k).then_some("on"))} data-testid={id}
                onclick={Callback::from(move |_: MouseEvent| cb.emit(k))}>{ tr(lang, en, zh) }</button>
        }
    };
    let body = match &props.question {
        None => {
            html! { <p class="muted">{ tr(lang, "Nothing of that kind happens after this step.", "这一步之后不会再发生这类事件。") }</p> }
        }
        Some(q) => {
            let ask = match q.kind {
                QuestionKind::NextCallback => tr(
                    lang,
                    "Which callback does the loop run next?",
                    "事件循环接下来运行哪个回调？",
                ),
                QuestionKind::NextOutput => tr(
                    lang,
                    "What does the script print next?",
                    "脚本接下来打印什么？",
                ),
            };
            html! {
                <>
                    <p class="ask">{ ask }</p>
                    <div class="choices">
                        { for q.choices.iter().enumerate().map(|(i, c)| {
                            let picked = picked.clone();
                            let class = match *picked {
                                Some(_) if i == q.answer => Some("right"),
                                Some(p) if p == i => Some("wrong"),
                                _ => None,
                            };
                            html! {
                                <button class={classes!("choice", class)} data-testid="predict-choice"
                                    disabled={picked.is_some()} onclick={Callback::from(move |_: MouseEvent| picked.set(Some(i)))}>
                                    <code>{ c.clone() }</code>
                                </button>
                            }
                        }) }
                    </div>
                    if let Some(p) = *picked {
                        <div class="feedback" data-testid="predict-feedback" role="status">
                            <strong>{ if p == q.answer { tr(lang, "Right. ", "答对了。") } else { tr(lang, "Not quite. ", "不对。") } }</strong>
                            { tr(lang, &q.explain_en, &q.explain_zh) }
                            { " " }
                            <button data-testid="predict-show" onclick={{
                                let cb = props.on_action.clone();
                                let at = q.reveal;
                                Callback::from(move |_: MouseEvent| cb.emit(Action::Seek(at)))
                            }}>{ tr(lang, "Show me ▶", "看看 ▶") }</button>
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <div class="predict" data-testid="predict">
            <div class="predict-head">
                <strong>{ tr(lang, "Predict", "预测") }</strong>
                { kind_button(QuestionKind::NextCallback, "predict-callback", "next callback", "下一个回调") }
                { kind_button(QuestionKind::NextOutput, "predict-output", "next output", "下一行输出") }
            </div>
            { body }
        </div>
    }
}
