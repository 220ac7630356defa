use crate::components::panel::{Empty, Panel};
use crate::i18n::{tr, Lang};
use crate::model::ConsoleLine;
use crate::state::Stopped;
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
    /// The instruction budget, when the run was cut short by it.
    #[prop_or_default]
    pub stopped: Option<Stopped>,
}

/// Lines drawn: the latest are what a step changes; earlier ones become a count.
pub const MAX_LINES: usize = 500;

#[derive(Properties, PartialEq)]
struct LineProps {
    line: ConsoleLine,
    latest: bool,
}

#[function_component(Line)]
fn line(props: &LineProps) -> Html {
    let l = &props.line;
    html! {
        <div data-testid="console-line"
            class={classes!("console-line", l.stderr.then_some("stderr"), props.latest.then_some("latest"))}>
            <span class="t">{ format!("{:.3}", l.t) }</span>
            <span class="text">{ l.text.clone() }</span>
        </div>
    }
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
                if n > MAX_LINES {
                    <div class="console-line more">{ match lang {
                        Lang::En => format!("… {} earlier lines", n - MAX_LINES),
                        Lang::Zh => format!("… 之前还有 {} 行", n - MAX_LINES),
                    } }</div>
                }
                // A keyed list of its own (see the timers' dots): among unkeyed siblings, a
                // line printed moved every line's element.
                <>{ for props.lines[n.saturating_sub(MAX_LINES)..n].iter().enumerate().map(|(i, l)| {
                    let i = i + n.saturating_sub(MAX_LINES);
                    html! { <Line key={i} line={l.clone()} latest={i + 1 == n} /> }
                }) }</>
                if let Some(stopped) = props.stopped {
                    if n == props.lines.len() {
                        <div class="console-line stopped" data-testid="stopped">{ stopped_note(lang, stopped) }</div>
                    }
                }
            </div>
        </Panel>
    }
}

/// Why a run ended early, for the console and the banner above the panels.
pub fn stopped_note(lang: Lang, stopped: Stopped) -> String {
    match (stopped, lang) {
        (Stopped::Run(n), Lang::En) => format!(
            "loopscope stopped the script after {} instructions (an endless loop?). Everything up to there can be stepped through.",
            thousands(n)
        ),
        (Stopped::Run(n), Lang::Zh) => format!(
            "loopscope 在执行 {} 条指令后停止了脚本（死循环？）。停止之前的所有内容都可以逐步查看。",
            thousands(n)
        ),
        (Stopped::Callback(n), Lang::En) => format!(
            "A callback ran {} instructions without awaiting, which would block CPython's event loop for good: loopscope raised RuntimeError in it and the rest of the run went on (see the traceback).",
            thousands(n)
        ),
        (Stopped::Callback(n), Lang::Zh) => format!(
            "某个回调执行了 {} 条指令仍未 await，这在 CPython 中会一直阻塞事件循环：loopscope 在其中抛出了 RuntimeError，运行的其余部分照常继续（见回溯信息）。",
            thousands(n)
        ),
    }
}

/// 10000000 -> "10,000,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
