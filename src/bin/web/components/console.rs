use crate::components::panel::{Empty, Panel};
use crate::i18n::{tr, Lang};
use crate::model::ConsoleLine;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub lang: Lang,
    /// Every line of the run (shared, not copied per step).
    pub lines: Rc<Vec<ConsoleLine>>,
    /// How many are visible at this position.
    pub visible: usize,
    /// Set when the run was cut short.
    #[prop_or_default]
    pub stopped: Option<String>,
}

/// What the script printed so far, each line stamped with the virtual time it was printed at.
#[function_component(Console)]
pub fn console(props: &ConsoleProps) -> Html {
    let lang = props.lang;
    let n = props.visible.min(props.lines.len());
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with(n, move |_| {
            if let Some(el) = scroller.cast::<HtmlElement>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    html! {
        <Panel testid="console" title={tr(lang, "Console", "控制台")} count={Some(n)}>
            <div class="console" ref={scroller}>
                if n == 0 {
                    <Empty text={tr(lang, "Nothing printed yet.", "尚无输出。")} />
                }
                { for props.lines[..n].iter().enumerate().map(|(i, l)| html! {
                    <div key={i} data-testid="console-line"
                        class={classes!("console-line", l.stderr.then_some("stderr"), (i + 1 == n).then_some("latest"))}>
                        <span class="t">{ format!("{:.3}", l.t) }</span>
                        <span class="text">{ l.text.clone() }</span>
                    </div>
                }) }
                if let Some(s) = &props.stopped {
                    if n == props.lines.len() {
                        <div class="console-line stopped" data-testid="stopped">{ s.clone() }</div>
                    }
                }
            </div>
        </Panel>
    }
}
