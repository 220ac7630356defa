use crate::components::panel::{Empty, Panel};
use crate::highlight::{highlight_lines, Seg};
use crate::i18n::{tr, Lang};
use crate::model::SourceMark;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub lang: Lang,
    /// The script as it was run (None before the first run).
    pub source: Option<Rc<str>>,
    pub current: Option<SourceMark>,
    pub paused: Rc<Vec<SourceMark>>,
    /// The editor no longer holds the script that ran.
    #[prop_or_default]
    pub stale: bool,
    /// Lines with a breakpoint; a click on a line number toggles one.
    #[prop_or_default]
    pub breakpoints: Rc<std::collections::BTreeSet<u32>>,
    #[prop_or_default]
    pub on_toggle_breakpoint: Callback<u32>,
    /// Lines a warning is about (shown once the run has reached it).
    #[prop_or_default]
    pub warned: Rc<Vec<u32>>,
}

/// The script that ran, the line executing now highlighted, and a marker in the task's colour
/// on every line where a suspended task is paused.
#[function_component(SourceView)]
pub fn source_view(props: &SourceViewProps) -> Html {
    let lang = props.lang;
    let lines: Rc<Vec<Rc<Vec<Seg>>>> = use_memo(props.source.clone(), |src| {
        src.as_deref()
            .map(highlight_lines)
            .unwrap_or_default()
            .into_iter()
            .map(Rc::new)
            .collect()
    });
    let scroller = use_node_ref();
    {
        // Keep the current line in view, scrolling only this panel (never the page).
        let scroller = scroller.clone();
        let line = props.current.as_ref().map(|m| m.line);
        use_effect_with(line, move |line| {
            if let (Some(line), Some(box_)) = (line, scroller.cast::<HtmlElement>()) {
                let sel = format!("[data-line='{line}']");
                if let Ok(Some(el)) = box_.query_selector(&sel) {
                    if let Ok(el) = el.dyn_into::<HtmlElement>() {
                        // `.source` is positioned, so it is the offset parent.
                        let top = el.offset_top();
                        let (view_top, h) = (box_.scroll_top(), box_.client_height());
                        if top < view_top || top + el.offset_height() > view_top + h {
                            box_.set_scroll_top((top - h / 3).max(0));
                        }
                    }
                }
            }
        });
    }
    let body = if lines.is_empty() {
        html! { <Empty text={tr(lang, "Run a script to see it here, with the line each task is on.", "运行脚本后，这里显示脚本以及每个任务所在的行。")} /> }
    } else {
        html! {
            <pre class="source code" ref={scroller}>
                { for lines.iter().enumerate().map(|(i, segs)| {
                    let n = i as u32 + 1;
                    let current = props.current.as_ref().filter(|m| m.line == n).cloned();
                    let mut on_line = props.paused.iter().filter(|m| m.line == n);
                    let marks: Vec<SourceMark> = on_line.by_ref().take(MAX_MARKS).cloned().collect();
                    let more = on_line.count();
                    let bp = props.breakpoints.contains(&n);
                    let warn = props.warned.contains(&n);
                    html! { <SourceLine key={n} {n} segs={segs.clone()} {current} {marks} {more} {bp} {warn}
                        on_toggle={props.on_toggle_breakpoint.clone()} /> }
                }) }
            </pre>
        }
    };
    html! {
        <Panel testid="source" title={tr(lang, "Source", "源代码")}>
            if props.stale {
                <p class="stale" data-testid="source-stale">{ tr(lang,
                    "The script has changed since this run: press Run to see the new one.",
                    "脚本在这次运行之后已修改：点击“运行”查看新脚本。") }</p>
            }
            { body }
        </Panel>
    }
}

#[derive(Properties, PartialEq)]
struct SourceLineProps {
    n: u32,
    segs: Rc<Vec<Seg>>,
    current: Option<SourceMark>,
    /// The first `MAX_MARKS` tasks paused on this line ...
    marks: Vec<SourceMark>,
    /// ... and how many more (a thousand tasks on one line are compared as a count).
    more: usize,
    bp: bool,
    warn: bool,
    on_toggle: Callback<u32>,
}

/// One line; re-renders only when its own marks change, so stepping through a long script
/// touches two or three lines, not all of them.
#[function_component(SourceLine)]
fn source_line(props: &SourceLineProps) -> Html {
    let style = props
        .current
        .as_ref()
        .map(|m| format!("--mark: var(--task-{});", m.color % 8));
    let toggle = {
        let cb = props.on_toggle.clone();
        let n = props.n;
        Callback::from(move |_: MouseEvent| cb.emit(n))
    };
    html! {
        <span class={classes!("src-line", props.current.is_some().then_some("current"), props.bp.then_some("bp"), props.warn.then_some("warned"))}
            data-line={props.n.to_string()} style={style}>
            <span class="src-no" data-testid="gutter" role="button" tabindex="-1" onclick={toggle}
                title="breakpoint · 断点">{ props.n }</span>
            <span class="src-text">
                { for props.segs.iter().map(|s| if s.class.is_empty() {
                    html! { { s.text.clone() } }
                } else {
                    html! { <span class={s.class}>{ s.text.clone() }</span> }
                }) }
            </span>
            if let Some(m) = &props.current {
                <span class="src-mark running" style={format!("--mark: var(--task-{});", m.color % 8)}>
                    { "◀ " }{ m.label.clone() }
                </span>
            }
            // A list of its own (see the timers' dots): flattened among the line's other
            // children, a mark more or fewer rebuilt the line number and the text before it.
            <>{ for props.marks.iter().map(|m| html! {
                <span class="src-mark paused" style={format!("--mark: var(--task-{});", m.color % 8)}
                    title={m.label.clone()}>
                    { "‖ " }{ m.label.clone() }
                </span>
            }) }</>
            if props.more > 0 {
                <span class="src-mark more">{ format!("+{}", props.more) }</span>
            }
            { "\n" }
        </span>
    }
}

/// Paused-task markers shown per line; more become a "+N" (a thousand tasks paused on one
/// line are one fact, not a thousand).
const MAX_MARKS: usize = 4;
