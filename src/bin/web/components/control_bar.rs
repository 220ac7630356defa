use crate::components::console::thousands;
use crate::examples::chapters;
use crate::i18n::{secs, tr, Lang};
use crate::model::Granularity;
use crate::runner::RunProgress;
use crate::state::{gran_from_id, gran_id, Action, GRANULARITIES, SPEEDS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlBarProps {
    pub lang: Lang,
    pub has_run: bool,
    pub busy: bool,
    pub pos: usize,
    pub last: usize,
    pub t: f64,
    pub iteration: u64,
    pub gran: Granularity,
    pub playing: bool,
    pub speed: usize,
    /// How far the run under way has got (while busy).
    pub progress: Option<RunProgress>,
    pub on_stop: Callback<()>,
    pub on_action: Callback<Action>,
    pub on_run: Callback<()>,
    /// An example id was picked in the gallery.
    pub on_example: Callback<String>,
    /// Open the gallery overlay.
    pub on_gallery: Callback<()>,
}

pub fn gran_label(lang: Lang, g: Granularity) -> &'static str {
    match g {
        Granularity::Line => tr(lang, "line", "行"),
        Granularity::Callback => tr(lang, "callback", "回调"),
        Granularity::Turn => tr(lang, "loop turn", "循环轮次"),
        Granularity::Time => tr(lang, "time", "时间"),
    }
}

fn gran_hint(lang: Lang, g: Granularity) -> &'static str {
    match g {
        Granularity::Line => tr(
            lang,
            "the next line any coroutine runs (L)",
            "任意协程执行的下一行 (L)",
        ),
        Granularity::Callback => tr(
            lang,
            "the next callback the loop takes from the ready queue (C)",
            "事件循环从就绪队列取出的下一个回调 (C)",
        ),
        Granularity::Turn => tr(
            lang,
            "the next turn of the event loop, _run_once (R)",
            "事件循环的下一轮 _run_once (R)",
        ),
        Granularity::Time => tr(
            lang,
            "the next time the virtual clock moves (T)",
            "虚拟时钟下一次前进 (T)",
        ),
    }
}

/// Run, the gallery, stepping at four granularities (forward and back), play/pause with a
/// speed, the scrubber and the virtual clock.
#[function_component(ControlBar)]
pub fn control_bar(props: &ControlBarProps) -> Html {
    let lang = props.lang;
    let off = !props.has_run || props.busy;
    let (at_start, at_end) = (props.pos == 0, props.pos >= props.last);
    let on_scrub = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(p) = input.value().parse::<usize>() {
                cb.emit(Action::Seek(p));
            }
        })
    };
    // Every step re-renders the bar for the scrubber, the position and the clock; its two
    // rows of buttons are components of their own that re-render only when what they show
    // changes (a new callback per button per step re-registered every listener).
    html! {
        <div class="control-bar" role="toolbar" aria-label={tr(lang, "Run and step", "运行与单步")}>
            <Buttons {lang} busy={props.busy} progress={props.progress} {off} {at_start} {at_end}
                gran={props.gran} playing={props.playing} speed={props.speed}
                on_stop={props.on_stop.clone()} on_action={props.on_action.clone()}
                on_run={props.on_run.clone()} on_example={props.on_example.clone()}
                on_gallery={props.on_gallery.clone()} />
            <Steppers {lang} gran={props.gran} {off} {at_start} {at_end} on_action={props.on_action.clone()} />
            <div class="row">
                <input class="scrubber" data-testid="scrubber" type="range" min="0"
                    max={props.last.to_string()} value={props.pos.to_string()} disabled={off}
                    oninput={on_scrub} aria-label={tr(lang, "Position in the run", "运行中的位置")} />
                <span class="position" data-testid="position">{ format!("{}/{}", props.pos, props.last) }</span>
                <span class="clock" data-testid="clock" title={tr(lang, "Virtual clock (loop.time())", "虚拟时钟 (loop.time())")}>
                    { format!("t = {}", secs(props.t)) }
                </span>
                <span class="iteration" title={tr(lang, "Loop turns so far", "已进行的循环轮次")}>
                    { format!("{} {}", tr(lang, "turn", "轮次"), props.iteration) }
                </span>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ButtonsProps {
    lang: Lang,
    busy: bool,
    progress: Option<RunProgress>,
    /// No run to step through (or one under way).
    off: bool,
    at_start: bool,
    at_end: bool,
    gran: Granularity,
    playing: bool,
    speed: usize,
    on_stop: Callback<()>,
    on_action: Callback<Action>,
    on_run: Callback<()>,
    on_example: Callback<String>,
    on_gallery: Callback<()>,
}

/// The first row: Run (or Stop), the examples, and the transport at the selected granularity.
#[function_component(Buttons)]
fn buttons(props: &ButtonsProps) -> Html {
    let lang = props.lang;
    let off = props.off;
    let act = |a: fn() -> Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a()))
    };
    let on_run = {
        let cb = props.on_run.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let open_gallery = {
        let cb = props.on_gallery.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_stop = {
        let cb = props.on_stop.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_speed = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = sel.value().parse::<usize>() {
                cb.emit(Action::SetSpeed(i));
            }
        })
    };
    let on_gran = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            if let Some(g) = gran_from_id(&sel.value()) {
                cb.emit(Action::SetGranularity(g));
            }
        })
    };
    html! {
            <div class="row">
                <button class="run" data-testid="run" disabled={props.busy} onclick={on_run}
                    title={tr(lang, "Run the script (Ctrl+Enter)", "运行脚本 (Ctrl+Enter)")}>
                    { if props.busy { tr(lang, "Running…", "运行中…") } else { tr(lang, "▶ Run", "▶ 运行") } }
                </button>
                if props.busy {
                    <span class="progress" data-testid="run-progress" role="status">
                        { match props.progress {
                            Some(RunProgress { loading: Some((read, total)), .. }) => format!("{} {} / {}", tr(lang, "loading the trace:", "正在载入轨迹："), thousands(read), thousands(total)),
                            Some(p) => format!("{} {} · t = {}", thousands(p.events), tr(lang, "events", "个事件"), secs(p.t)),
                            None => tr(lang, "starting…", "启动中…").to_string(),
                        } }
                    </span>
                    <button class="stop" data-testid="stop" onclick={on_stop}
                        title={tr(lang, "Stop this run (the page keeps the previous one)", "停止本次运行（保留上一次运行）")}>
                        { tr(lang, "■ Stop", "■ 停止") }
                    </button>
                }
                <ExampleSelect {lang} on_example={props.on_example.clone()} />
                <button class="gallery-open" data-testid="gallery-open" onclick={open_gallery}
                    title={tr(lang, "Browse every example by chapter", "按章节浏览全部示例")}>
                    { tr(lang, "☰ Gallery", "☰ 示例库") }
                </button>
                <span class="spacer" />
                <button data-testid="start" disabled={off || props.at_start} onclick={act(|| Action::Start)}
                    title={tr(lang, "Jump to the start (Home)", "跳到开头 (Home)")}>{ "|◀" }</button>
                <button data-testid="step-back" disabled={off || props.at_start}
                    onclick={act(|| Action::StepSelected { forward: false })}
                    title={tr(lang, "Step back at the selected granularity (←)", "按所选粒度后退 (←)")}>
                    { "◀ " }{ tr(lang, "back", "后退") }
                </button>
                <select class="granularity" data-testid="granularity" onchange={on_gran}
                    aria-label={tr(lang, "Step granularity", "单步粒度")}>
                    { for GRANULARITIES.iter().map(|&g| html! {
                        <option value={gran_id(g)} selected={g == props.gran}>{ gran_label(lang, g) }</option>
                    }) }
                </select>
                <button data-testid="step-forward" disabled={off || props.at_end}
                    onclick={act(|| Action::StepSelected { forward: true })}
                    title={tr(lang, "Step forward at the selected granularity (→)", "按所选粒度前进 (→)")}>
                    { tr(lang, "next", "前进") }{ " ▶" }
                </button>
                <button data-testid="end" disabled={off || props.at_end} onclick={act(|| Action::End)}
                    title={tr(lang, "Jump to the end (End)", "跳到结尾 (End)")}>{ "▶|" }</button>
                <button class="play" data-testid="play" disabled={off} onclick={act(|| Action::TogglePlay)}
                    aria-pressed={props.playing.to_string()}
                    title={tr(lang, "Play / pause (Space)", "播放 / 暂停 (空格)")}>
                    { if props.playing { tr(lang, "⏸ Pause", "⏸ 暂停") } else { tr(lang, "▶ Play", "▶ 播放") } }
                </button>
                <select class="speed" data-testid="speed" onchange={on_speed}
                    aria-label={tr(lang, "Playback speed (steps per second)", "播放速度（每秒步数）")}>
                    { for SPEEDS.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={i == props.speed}>{ format!("{s}×") }</option>
                    }) }
                </select>
            </div>
    }
}

#[derive(Properties, PartialEq)]
struct SteppersProps {
    lang: Lang,
    gran: Granularity,
    off: bool,
    at_start: bool,
    at_end: bool,
    on_action: Callback<Action>,
}

/// A back and a forward button per granularity, the selected one highlighted.
#[function_component(Steppers)]
fn steppers(props: &SteppersProps) -> Html {
    let lang = props.lang;
    let off = props.off;
    let steppers = GRANULARITIES.iter().map(|&g| {
        let id = gran_id(g);
        let back = {
            let cb = props.on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::Step { g, forward: false }))
        };
        let fwd = {
            let cb = props.on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::Step { g, forward: true }))
        };
        let hint = gran_hint(lang, g);
        let selected = g == props.gran;
        html! {
            <div class={classes!("stepper", selected.then_some("selected"))} key={id}>
                <button data-testid={format!("step-back-{id}")} disabled={off || props.at_start}
                    onclick={back} title={format!("{} {}", tr(lang, "Back to", "后退到"), hint)}
                    aria-label={format!("{} {}", tr(lang, "step back:", "后退："), gran_label(lang, g))}>{ "◀" }</button>
                <button data-testid={format!("step-{id}")} disabled={off || props.at_end}
                    onclick={fwd} title={format!("{} {}", tr(lang, "Forward to", "前进到"), hint)}>
                    { gran_label(lang, g) }{ " ▶" }
                </button>
            </div>
        }
    });
    html! {
        <div class="row steppers">{ for steppers }</div>
    }
}

#[derive(Properties, PartialEq)]
struct ExampleSelectProps {
    lang: Lang,
    on_example: Callback<String>,
}

/// The examples menu: a component of its own so that a step, which re-renders the control
/// bar, does not rebuild and compare its hundred-odd options.
#[function_component(ExampleSelect)]
fn example_select(props: &ExampleSelectProps) -> Html {
    let lang = props.lang;
    let on_change = {
        let cb = props.on_example.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let id = sel.value();
            if !id.is_empty() {
                cb.emit(id);
            }
            sel.set_value("");
        })
    };
    html! {
        <select class="gallery" data-testid="gallery" onchange={on_change}
            aria-label={tr(lang, "Examples", "示例")}>
            <option value="" selected=true>{ tr(lang, "Examples…", "示例…") }</option>
            { for chapters().iter().enumerate().map(|(i, ch)| html! {
                <optgroup label={format!("{}. {}", i + 1, tr(lang, &ch.en, &ch.zh))}>
                    { for ch.examples.iter().map(|ex| html! {
                        <option value={ex.id.clone()}>{ tr(lang, &ex.en, &ex.zh) }</option>
                    }) }
                </optgroup>
            }) }
        </select>
    }
}
