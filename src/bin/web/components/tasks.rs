use crate::components::panel::{Empty, Panel};
use crate::components::window::{may_overflow, use_window_beyond};
use crate::i18n::{tr, Lang};
use crate::model::{task_detail_zh, TaskCard, TaskPhase};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TasksProps {
    pub lang: Lang,
    pub tasks: Rc<Vec<TaskCard>>,
}

pub fn phase_id(p: TaskPhase) -> &'static str {
    match p {
        TaskPhase::Ready => "ready",
        TaskPhase::Running => "running",
        TaskPhase::Waiting => "waiting",
        TaskPhase::Done => "done",
        TaskPhase::Failed => "failed",
        TaskPhase::Cancelled => "cancelled",
    }
}

pub fn phase_label(lang: Lang, p: TaskPhase) -> &'static str {
    match p {
        TaskPhase::Ready => tr(lang, "ready", "就绪"),
        TaskPhase::Running => tr(lang, "running", "运行中"),
        TaskPhase::Waiting => tr(lang, "waiting", "等待中"),
        TaskPhase::Done => tr(lang, "done", "已完成"),
        TaskPhase::Failed => tr(lang, "failed", "出错"),
        TaskPhase::Cancelled => tr(lang, "cancelled", "已取消"),
    }
}

/// Cards beyond this many are left out unless running or just changed: nobody reads a
/// thousand cards, and rendering them would make every step slow.
pub const MAX_CARDS: usize = 100;

fn shown(tasks: &[TaskCard]) -> impl Iterator<Item = (usize, &TaskCard)> {
    tasks
        .iter()
        .enumerate()
        .filter(|(i, c)| *i < MAX_CARDS || c.changed || c.phase == TaskPhase::Running)
}

/// More cards than this are windowed: cards get a fixed height (five lines, each cut with
/// an ellipsis; `.task-grid.windowed` in style.css) and only those scrolled into view are
/// drawn. Fewer keep their natural height.
pub const WINDOW_FROM: usize = 24;

/// The distance between windowed cards in px: their fixed height and the grid's gap.
pub const CARD_PITCH: usize = 108;

/// Columns a windowed card surely has for its name and coroutine together (beside the
/// swatch and the phase) and for each other line (`may_overflow`).
const HEAD_ROOM: usize = 16;
const LINE_ROOM: usize = 26;

/// A card per task in creation order: its state, its await chain and why it last woke.
#[function_component(Tasks)]
pub fn tasks(props: &TasksProps) -> Html {
    let lang = props.lang;
    let shown: Vec<usize> = shown(&props.tasks).map(|(i, _)| i).collect();
    let (win, rows, style) = use_window_beyond(shown.len(), WINDOW_FROM, CARD_PITCH, 4);
    let windowed = style.is_some();
    html! {
        <Panel testid="tasks" title={tr(lang, "Tasks", "任务")} count={Some(props.tasks.len())}>
            if props.tasks.is_empty() {
                <Empty text={tr(lang, "No tasks yet: asyncio.run() and create_task() make them.", "还没有任务：asyncio.run() 和 create_task() 会创建任务。")} />
            } else {
                <div class={classes!("task-grid", windowed.then_some("windowed"))} ref={win.scroller} onscroll={win.onscroll}>
                    <div class="task-list" data-count={shown.len().to_string()} {style}>
                        { for shown[rows].iter().map(|&i| html! {
                            <TaskCardView key={props.tasks[i].task} {lang} cards={props.tasks.clone()} {i} />
                        }) }
                    </div>
                </div>
                if props.tasks.len() > MAX_CARDS {
                    <p class="empty more">{ match lang {
                        Lang::En => format!("{} tasks: showing the first {MAX_CARDS} and any that are running or just changed.", props.tasks.len()),
                        Lang::Zh => format!("共 {} 个任务：显示前 {MAX_CARDS} 个，以及正在运行或刚发生变化的任务。", props.tasks.len()),
                    } }</p>
                }
            }
        </Panel>
    }
}

#[derive(Properties)]
pub struct TaskCardProps {
    pub lang: Lang,
    /// Every card of the step (shared, not copied per card) and the index of this one.
    pub cards: Rc<Vec<TaskCard>>,
    pub i: usize,
}

impl PartialEq for TaskCardProps {
    // The cards are a new list every step; what matters is whether this card changed.
    fn eq(&self, o: &TaskCardProps) -> bool {
        self.lang == o.lang && self.cards.get(self.i) == o.cards.get(o.i)
    }
}

/// One task; a component of its own so that an unchanged card is not re-rendered.
#[function_component(TaskCardView)]
pub fn task_card_view(props: &TaskCardProps) -> Html {
    let Some(c) = props.cards.get(props.i) else {
        return Html::default();
    };
    let lang = props.lang;
    // Windowed cards cut each line that may not fit (`may_overflow`; the columns are what a
    // card in the narrowest layout surely has): a clip per line of every card drawn made
    // each step's layerization slower.
    let cut = |text: &str, room: usize| may_overflow(text, room).then_some("cut");
    let head_cut = may_overflow(&format!("{}{}", c.name, c.coro), HEAD_ROOM).then_some("cut");
    let chain_cut = cut(&c.await_chain.join(" → "), LINE_ROOM);
    let detail = if lang == Lang::Zh {
        task_detail_zh(&c.detail)
    } else {
        c.detail.clone()
    };
    let detail_cut = cut(&detail, LINE_ROOM);
    let woke = c.woke_because.as_ref().map(|(en, zh)| match lang {
        Lang::Zh => format!("唤醒原因：{zh}"),
        Lang::En => format!("woke: {en}"),
    });
    let woke_cut = woke.as_deref().and_then(|w| cut(w, LINE_ROOM));
    html! {
        <article data-testid="task-card" data-task={c.task.to_string()} data-phase={phase_id(c.phase)}
            class={classes!("task-card", phase_id(c.phase), c.changed.then_some("changed"))}
            style={format!("--mark: var(--task-{});", c.color % 8)}>
            <header class={classes!(head_cut)}>
                <span class="swatch" aria-hidden="true" />
                <strong class="name">{ c.name.clone() }</strong>
                <code class="coro">{ c.coro.clone() }</code>
                <span class={classes!("phase", phase_id(c.phase))}>{ phase_label(lang, c.phase) }</span>
            </header>
            if !c.await_chain.is_empty() {
                <div class={classes!("chain", chain_cut)} title={tr(lang, "Await chain, outermost first", "await 链，从外到内")}>
                    { for c.await_chain.iter().enumerate().map(|(i, a)| html! {
                        <>
                            if i > 0 { <span class="arrow">{ " → " }</span> }
                            <code>{ a.clone() }</code>
                        </>
                    }) }
                </div>
            }
            if !c.detail.is_empty() {
                <div class={classes!("detail", detail_cut)}>{ detail }</div>
            }
            if let Some(w) = woke {
                <div class={classes!("woke", woke_cut)}>{ w }</div>
            }
            if let Some(l) = c.line {
                <div class="at-line">{ tr(lang, "line ", "行 ") }{ l }</div>
            }
        </article>
    }
}
