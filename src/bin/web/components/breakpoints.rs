use crate::i18n::{tr, Lang};
use crate::state::{Action, EventBreakpoint};
use loopscope::trace::inspect::{Breakpoints, Warning};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BreakpointBarProps {
    pub lang: Lang,
    pub breakpoints: Breakpoints,
    pub has_run: bool,
    pub on_action: Callback<Action>,
}

/// Loop-event breakpoints (line breakpoints are set by clicking a line number in the source
/// panel), and jumping to the next or previous one. Play stops at them too.
#[function_component(BreakpointBar)]
pub fn breakpoint_bar(props: &BreakpointBarProps) -> Html {
    let lang = props.lang;
    let b = &props.breakpoints;
    let boxes = [
        (
            EventBreakpoint::TaskReady,
            "bp-task-ready",
            b.task_ready,
            "a task becomes ready",
            "任务变为就绪",
        ),
        (
            EventBreakpoint::TimerFires,
            "bp-timer",
            b.timer_fires,
            "a timer fires",
            "定时器到期",
        ),
        (
            EventBreakpoint::LockAcquired,
            "bp-lock",
            b.lock_acquired,
            "a lock is acquired",
            "获得锁",
        ),
        (
            EventBreakpoint::TaskCancelled,
            "bp-cancel",
            b.task_cancelled,
            "a task is cancelled",
            "任务被取消",
        ),
        (
            EventBreakpoint::Exception,
            "bp-exception",
            b.exception,
            "an exception ends a task",
            "异常结束任务",
        ),
    ];
    let jump = |forward: bool| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::ToBreakpoint { forward }))
    };
    let off = !props.has_run || b.is_empty();
    html! {
        <details class="breakpoints" data-testid="breakpoints">
            <summary>
                { tr(lang, "Breakpoints", "断点") }
                if !b.is_empty() {
                    <span class="count">{ b.lines.len() + boxes.iter().filter(|x| x.2).count() }</span>
                }
            </summary>
            <div class="bp-row">
                { for boxes.into_iter().map(|(which, id, on, en, zh)| {
                    let cb = props.on_action.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        cb.emit(Action::SetEventBreakpoint(which, input.checked()));
                    });
                    html! {
                        <label><input type="checkbox" data-testid={id} checked={on} {onchange} />{ tr(lang, en, zh) }</label>
                    }
                }) }
            </div>
            <div class="bp-row">
                <span class="muted">{ match lang {
                    Lang::En => format!("Line breakpoints: {} (click a line number in Source)", b.lines.len()),
                    Lang::Zh => format!("行断点：{} 个（在源代码面板中点击行号）", b.lines.len()),
                } }</span>
                <button data-testid="prev-breakpoint" disabled={off} onclick={jump(false)}>{ tr(lang, "◀ previous", "◀ 上一个") }</button>
                <button data-testid="next-breakpoint" disabled={off} onclick={jump(true)}>{ tr(lang, "next breakpoint ▶", "下一个断点 ▶") }</button>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct WarningsProps {
    pub lang: Lang,
    /// Every warning of the run; those at or before `pos` show.
    pub warnings: Rc<Vec<Warning>>,
    pub pos: usize,
    pub on_action: Callback<Action>,
}

/// The pitfalls the run has fallen into so far, each where it happened, with a fix.
#[function_component(Warnings)]
pub fn warnings(props: &WarningsProps) -> Html {
    let lang = props.lang;
    let shown: Vec<&Warning> = props
        .warnings
        .iter()
        .filter(|w| w.pos <= props.pos)
        .collect();
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <div class="warnings" data-testid="warnings" role="status">
            { for shown.iter().rev().take(3).map(|w| {
                let cb = props.on_action.clone();
                let at = w.pos;
                let go = Callback::from(move |_: MouseEvent| cb.emit(Action::Seek(at)));
                html! {
                    <div class="warning" data-testid="warning">
                        <strong>{ "⚠ " }</strong>
                        if let Some(l) = w.line {
                            <button class="link" onclick={go}>{ match lang { Lang::En => format!("line {l}"), Lang::Zh => format!("第 {l} 行") } }</button>{ " " }
                        }
                        { tr(lang, &w.en, &w.zh) }
                        <div class="fix">{ tr(lang, "Fix: ", "改法：") }{ tr(lang, &w.fix_en, &w.fix_zh) }</div>
                    </div>
                }
            }) }
            if shown.len() > 3 {
                <div class="muted">{ match lang {
                    Lang::En => format!("and {} earlier warning(s)", shown.len() - 3),
                    Lang::Zh => format!("以及之前的 {} 条警告", shown.len() - 3),
                } }</div>
            }
        </div>
    }
}
