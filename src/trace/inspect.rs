//! What the visualizer looks for across a whole run: breakpoints (lines, and loop events
//! such as "a timer fires") and warnings about the pitfalls async courses teach (a coroutine
//! never awaited, a blocking call inside a callback, an exception nobody retrieved, a task
//! whose reference is dropped). Both are functions of the trace (and, for the last, the
//! script's source), so they work on any recorded run.

use super::event::{Event, Outcome, TaskStateKind, Trace};
use std::collections::BTreeSet;

/// Where stepping should stop.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Breakpoints {
    /// Lines of the script (1-based).
    pub lines: BTreeSet<u32>,
    /// A task becomes ready (woken, its next step queued).
    pub task_ready: bool,
    /// A timer fires (moves from the heap to the ready queue).
    pub timer_fires: bool,
    /// A lock is acquired.
    pub lock_acquired: bool,
    /// A task is cancelled.
    pub task_cancelled: bool,
    /// A task or future ends with an exception.
    pub exception: bool,
}

impl Breakpoints {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
            && !(self.task_ready
                || self.timer_fires
                || self.lock_acquired
                || self.task_cancelled
                || self.exception)
    }

    /// Whether event `e` (of trace `tr`, whose script is `script`) is a breakpoint.
    pub fn hits(&self, tr: &Trace, script: &str, e: &Event) -> bool {
        match e {
            Event::Line { file, line, .. } => self.lines.contains(line) && tr.str(*file) == script,
            Event::TaskState { state, .. } => match state {
                TaskStateKind::Ready => self.task_ready,
                TaskStateKind::Cancelled => self.task_cancelled,
                TaskStateKind::Failed => self.exception,
                _ => false,
            },
            Event::TimerFired { .. } => self.timer_fires,
            Event::Primitive { kind, state, .. } => {
                self.lock_acquired
                    && tr.str(*kind) == "Lock"
                    && tr.str(*state).starts_with("locked")
            }
            Event::FutureDone { outcome, .. } => self.exception && *outcome == Outcome::Exception,
            _ => false,
        }
    }

    /// The first position after `pos` whose event is a breakpoint (position p shows the
    /// state after event p - 1).
    pub fn next_after(&self, tr: &Trace, script: &str, pos: usize) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        tr.events
            .iter()
            .enumerate()
            .skip(pos)
            .find(|(_, e)| self.hits(tr, script, e))
            .map(|(i, _)| i + 1)
    }

    /// The last position before `pos` whose event is a breakpoint.
    pub fn previous_before(&self, tr: &Trace, script: &str, pos: usize) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        tr.events[..pos.saturating_sub(1).min(tr.events.len())]
            .iter()
            .rposition(|e| self.hits(tr, script, e))
            .map(|i| i + 1)
    }
}

/// A pitfall the run fell into.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub kind: WarningKind,
    /// The position where it shows (the event that revealed it).
    pub pos: usize,
    /// The script line it is about, when known.
    pub line: Option<u32>,
    pub en: String,
    pub zh: String,
    /// How to fix it.
    pub fix_en: String,
    pub fix_zh: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningKind {
    NeverAwaited,
    BlockingCall,
    LongCallback,
    ExceptionNeverRetrieved,
    DroppedTask,
}

/// Lines one callback may run before it counts as holding the loop.
pub const LONG_CALLBACK_LINES: usize = 20_000;

/// Every pitfall in the run, in order of position.
pub fn warnings(tr: &Trace, script: &str, source: &str) -> Vec<Warning> {
    let mut out = Vec::new();
    // The callback running now: (its description, the position it started, the clock then,
    // the lines it ran, the last line of the script it ran).
    let mut cb: Option<(String, usize, f64, usize)> = None;
    let mut last_line: Option<u32> = None;
    let mut blocked = false;
    let mut long = false;
    for (i, e) in tr.events.iter().enumerate() {
        let pos = i + 1;
        match e {
            Event::Callback { desc, t, .. } => {
                cb = Some((tr.str(*desc).to_string(), pos, *t, 0));
                blocked = false;
                long = false;
            }
            Event::IterationEnd { .. } => cb = None,
            Event::Line { file, line, t, .. } => {
                if tr.str(*file) == script {
                    last_line = Some(*line);
                }
                if let Some((desc, _, t0, lines)) = &mut cb {
                    *lines += 1;
                    if !blocked && *t > *t0 {
                        blocked = true;
                        let d = *t - *t0;
                        let who = desc.strip_prefix("step ").unwrap_or(desc).to_string();
                        out.push(Warning {
                            kind: WarningKind::BlockingCall,
                            pos,
                            line: last_line,
                            en: format!("A blocking call: the clock moved {d:.3} s while {who} ran, so the event loop could run nothing else (time.sleep or blocking IO inside a coroutine)."),
                            zh: format!("阻塞调用：{who} 运行期间时钟前进了 {d:.3} 秒，事件循环无法运行其他任何东西（协程中的 time.sleep 或阻塞 IO）。"),
                            fix_en: "Use await asyncio.sleep(...) instead of time.sleep, or move the blocking work to a thread: await asyncio.to_thread(f) / loop.run_in_executor(None, f).".into(),
                            fix_zh: "用 await asyncio.sleep(...) 代替 time.sleep，或者把阻塞工作放到线程中：await asyncio.to_thread(f) / loop.run_in_executor(None, f)。".into(),
                        });
                    }
                    if !long && *lines == LONG_CALLBACK_LINES {
                        long = true;
                        let who = desc.strip_prefix("step ").unwrap_or(desc).to_string();
                        out.push(Warning {
                            kind: WarningKind::LongCallback,
                            pos,
                            line: last_line,
                            en: format!("{who} has run {LONG_CALLBACK_LINES} lines without awaiting: a long CPU loop holds the event loop, and every other task waits."),
                            zh: format!("{who} 已执行 {LONG_CALLBACK_LINES} 行仍未 await：长时间的 CPU 循环占住了事件循环，其他任务都只能等待。"),
                            fix_en: "Give the loop a turn now and then (await asyncio.sleep(0) inside the loop), or run the computation in an executor.".into(),
                            fix_zh: "时不时让出事件循环（在循环中 await asyncio.sleep(0)），或者把计算放到执行器中运行。".into(),
                        });
                    }
                }
            }
            Event::Output {
                stderr: true, text, ..
            } => {
                let text = tr.str(*text);
                if let Some(rest) = text.split("RuntimeWarning: coroutine '").nth(1) {
                    let name = rest.split('\'').next().unwrap_or("?");
                    // "file.py:10: RuntimeWarning: ..." names the line.
                    let line = text
                        .split(": RuntimeWarning")
                        .next()
                        .and_then(|s| s.rsplit(':').next())
                        .and_then(|n| n.trim().parse().ok());
                    out.push(Warning {
                        kind: WarningKind::NeverAwaited,
                        pos,
                        line,
                        en: format!("The coroutine {name}() was created but never awaited: its body never ran."),
                        zh: format!("协程 {name}() 被创建了，但从未被 await：它的函数体根本没有执行。"),
                        fix_en: format!("Write await {name}(...), or start it with asyncio.create_task({name}(...)) and keep the task."),
                        fix_zh: format!("写成 await {name}(...)，或者用 asyncio.create_task({name}(...)) 启动它并保留这个任务。"),
                    });
                }
                if text.contains("Task exception was never retrieved") {
                    let task = text
                        .split("name='")
                        .nth(1)
                        .and_then(|s| s.split('\'').next())
                        .unwrap_or("a task");
                    out.push(Warning {
                        kind: WarningKind::ExceptionNeverRetrieved,
                        pos,
                        line: None,
                        en: format!("{task} failed and nobody awaited it: its exception was only logged when the task was destroyed."),
                        zh: format!("{task} 失败了，但没有人 await 它：它的异常只在任务被销毁时才被记录下来。"),
                        fix_en: "Await every task you create (or gather them), or add a done callback that calls task.exception().".into(),
                        fix_zh: "await 你创建的每个任务（或用 gather 收集它们），或者添加一个调用 task.exception() 的完成回调。".into(),
                    });
                }
            }
            _ => {}
        }
    }
    // A task whose only reference is dropped at once: `asyncio.create_task(...)` (or
    // `ensure_future`, `loop.create_task`) as a whole statement. The loop keeps only a weak
    // reference; CPython's docs warn that such a task may disappear mid-run.
    for (n, text) in source.lines().enumerate() {
        let code = text.split('#').next().unwrap_or("").trim();
        let dropped = [
            "asyncio.create_task(",
            "asyncio.ensure_future(",
            "loop.create_task(",
        ]
        .iter()
        .any(|c| code.starts_with(c) && code.ends_with(')'));
        if !dropped {
            continue;
        }
        let line = n as u32 + 1;
        let pos = tr
            .events
            .iter()
            .position(|e| matches!(e, Event::Line { file, line: l, .. } if *l == line && tr.str(*file) == script))
            .map_or(0, |i| i + 1);
        out.push(Warning {
            kind: WarningKind::DroppedTask,
            pos,
            line: Some(line),
            en: format!("Line {line} creates a task and keeps no reference to it: the event loop holds tasks only weakly, so it may vanish before it finishes."),
            zh: format!("第 {line} 行创建了任务却没有保留对它的引用：事件循环只弱引用任务，它可能在完成前就消失。"),
            fix_en: "Keep it: t = asyncio.create_task(...); background.add(t); t.add_done_callback(background.discard).".into(),
            fix_zh: "保留它：t = asyncio.create_task(...); background.add(t); t.add_done_callback(background.discard)。".into(),
        });
    }
    out.sort_by_key(|w| w.pos);
    out
}

/// A predict-the-next-step question, with its answer and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub kind: QuestionKind,
    pub choices: Vec<String>,
    /// Index of the right choice.
    pub answer: usize,
    /// The position that shows the answer.
    pub reveal: usize,
    pub explain_en: String,
    pub explain_zh: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Which callback does the loop run next?
    NextCallback,
    /// What does the script print next?
    NextOutput,
}

/// The choices in an order that does not give the answer away (but is the same every time).
fn arrange(mut choices: Vec<String>, right: &str, salt: usize) -> (Vec<String>, usize) {
    choices.retain(|c| c != right);
    choices.dedup();
    choices.truncate(3);
    let at = salt % (choices.len() + 1);
    choices.insert(at, right.to_string());
    (choices, at)
}

impl super::replay::Replay {
    /// A question about what happens after `pos`, or None when nothing of that kind is left.
    pub fn question(&self, pos: usize, kind: QuestionKind) -> Option<Question> {
        use super::replay::Granularity;
        let tr = self.trace();
        match kind {
            QuestionKind::NextCallback => {
                let reveal = self.step(pos, Granularity::Callback, true);
                let right = match tr.events.get(reveal.checked_sub(1)?) {
                    Some(Event::Callback { desc, .. }) if reveal > pos => tr.str(*desc).to_string(),
                    _ => return None,
                };
                let now = self.view(pos);
                let mut others: Vec<String> = now.ready.iter().map(|r| r.desc.clone()).collect();
                others.extend(now.timers.iter().map(|t| t.desc.clone()));
                others.extend(
                    now.tasks
                        .iter()
                        .filter(|t| {
                            !matches!(
                                t.phase,
                                super::replay::TaskPhase::Done
                                    | super::replay::TaskPhase::Failed
                                    | super::replay::TaskPhase::Cancelled
                            )
                        })
                        .map(|t| format!("step {}", t.name)),
                );
                let (choices, answer) = arrange(others, &right, pos);
                let front = now
                    .ready
                    .iter()
                    .find(|r| !r.cancelled)
                    .map(|r| r.desc.as_str());
                let (en, zh) = if front == Some(right.as_str()) {
                    (
                        format!("The ready queue is first in, first out: \"{right}\" was at its front, so the loop runs it next."),
                        format!("就绪队列先进先出：“{right}”排在队首，所以事件循环接下来运行它。"),
                    )
                } else if now.ready.is_empty() || front.is_none() {
                    (
                        format!("Nothing is ready yet: the loop first moves the callbacks that are due (timers that fired, woken tasks) into the ready queue, and \"{right}\" comes first."),
                        format!("现在没有就绪的回调：事件循环先把到期的回调（到期的定时器、被唤醒的任务）移入就绪队列，“{right}”排在最前。"),
                    )
                } else {
                    let n = self.view(reveal).narration;
                    (n.en, n.zh)
                };
                Some(Question {
                    kind,
                    choices,
                    answer,
                    reveal,
                    explain_en: en,
                    explain_zh: zh,
                })
            }
            QuestionKind::NextOutput => {
                let console = self.console();
                let now = self.console_len_at(pos);
                let next = console.iter().skip(now).position(|l| !l.stderr)? + now;
                let right = console[next].text.clone();
                // The first position that shows that line.
                let (mut lo, mut hi) = (pos, self.last());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if self.console_len_at(mid) > next {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                let reveal = lo;
                let others: Vec<String> = console
                    .iter()
                    .filter(|l| !l.stderr)
                    .skip(next + 1)
                    .chain(console.iter().take(next).filter(|l| !l.stderr))
                    .map(|l| l.text.clone())
                    .collect();
                let (choices, answer) = arrange(others, &right, pos);
                let who = self
                    .view(reveal)
                    .current
                    .map(|m| m.label)
                    .unwrap_or_default();
                Some(Question {
                    kind,
                    choices,
                    answer,
                    reveal,
                    explain_en: format!("{who} prints it next: follow the ready queue to see which coroutine runs, and where it resumes."),
                    explain_zh: format!("接下来由 {who} 打印它：跟着就绪队列看哪个协程在运行、从哪里恢复。"),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::replay::{run_trace, RunLimits, RUN_SCRIPT_NAME};

    fn trace(src: &str) -> Trace {
        run_trace(src, RunLimits::default(), None).expect("compiles")
    }

    const GALLERY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/bin/web/examples/");

    fn example(id: &str) -> String {
        std::fs::read_to_string(format!("{GALLERY}{id}.py")).expect("example")
    }

    #[test]
    fn the_pitfall_examples_warn_where_the_pitfall_shows() {
        for (id, kind) in [
            ("forgot_await", WarningKind::NeverAwaited),
            ("blocking_call", WarningKind::BlockingCall),
            (
                "unretrieved_exception",
                WarningKind::ExceptionNeverRetrieved,
            ),
            ("sync_vs_async", WarningKind::BlockingCall),
        ] {
            let src = example(id);
            let tr = trace(&src);
            let ws = warnings(&tr, RUN_SCRIPT_NAME, &src);
            let w = ws
                .iter()
                .find(|w| w.kind == kind)
                .unwrap_or_else(|| panic!("{id}: {ws:?}"));
            assert!(w.pos > 0 && w.pos <= tr.events.len(), "{id}");
            assert!(!w.fix_en.is_empty() && !w.fix_zh.is_empty());
        }
        let src = example("forgot_await");
        let ws = warnings(&trace(&src), RUN_SCRIPT_NAME, &src);
        assert_eq!(ws[0].line, Some(10), "the line of save(1)");
        // The examples that do things right say nothing.
        for id in ["hello", "gather", "lock", "lost_task", "producer_consumer"] {
            let src = example(id);
            assert_eq!(
                warnings(&trace(&src), RUN_SCRIPT_NAME, &src),
                vec![],
                "{id}"
            );
        }
    }

    #[test]
    fn a_dropped_task_and_a_long_loop_are_found() {
        let src = "import asyncio\n\nasync def job():\n    n = 0\n    for i in range(30000):\n        n += i\n    print(n)\n\nasync def main():\n    asyncio.create_task(job())  # dropped\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n";
        let tr = trace(src);
        let ws = warnings(&tr, RUN_SCRIPT_NAME, src);
        let kinds: Vec<WarningKind> = ws.iter().map(|w| w.kind).collect();
        assert!(kinds.contains(&WarningKind::DroppedTask), "{kinds:?}");
        assert!(kinds.contains(&WarningKind::LongCallback), "{kinds:?}");
        let dropped = ws
            .iter()
            .find(|w| w.kind == WarningKind::DroppedTask)
            .unwrap();
        assert_eq!(dropped.line, Some(10));
    }

    #[test]
    fn questions_have_the_trace_s_answer_among_their_choices() {
        use crate::trace::replay::Replay;
        let src = example("hello");
        let r = Replay::new(trace(&src));
        let mut pos = 0;
        let mut asked = 0;
        while let Some(q) = r.question(pos, QuestionKind::NextCallback) {
            assert!(!q.choices.is_empty() && q.choices.len() <= 4);
            assert!(q.reveal > pos);
            match &r.trace().events[q.reveal - 1] {
                Event::Callback { desc, .. } => {
                    assert_eq!(r.trace().str(*desc), q.choices[q.answer])
                }
                e => panic!("{e:?}"),
            }
            assert!(!q.explain_en.is_empty() && !q.explain_zh.is_empty());
            pos = q.reveal;
            asked += 1;
        }
        assert!(asked >= 5, "{asked}");
        let q = r.question(0, QuestionKind::NextOutput).expect("it prints");
        assert_eq!(q.choices[q.answer], "started");
        assert!(q.choices.contains(&"hello".to_string()));
        assert_eq!(r.view(q.reveal).console_len, 1);
        assert_eq!(r.view(q.reveal - 1).console_len, 0);
    }

    #[test]
    fn breakpoints_stop_at_lines_and_loop_events() {
        let src = example("lock");
        let tr = trace(&src);
        let mut bp = Breakpoints::default();
        assert_eq!(bp.next_after(&tr, RUN_SCRIPT_NAME, 0), None);
        bp.lines.insert(6);
        let p = bp.next_after(&tr, RUN_SCRIPT_NAME, 0).expect("line 6 runs");
        assert!(matches!(tr.events[p - 1], Event::Line { line: 6, .. }));
        let q = bp.next_after(&tr, RUN_SCRIPT_NAME, p).expect("and again");
        assert!(q > p);
        assert_eq!(bp.previous_before(&tr, RUN_SCRIPT_NAME, q), Some(p));
        let locks = Breakpoints {
            lock_acquired: true,
            ..Breakpoints::default()
        };
        let mut at = 0;
        let mut owners = Vec::new();
        while let Some(p) = locks.next_after(&tr, RUN_SCRIPT_NAME, at) {
            if let Event::Primitive { state, .. } = &tr.events[p - 1] {
                owners.push(tr.str(*state).to_string());
            }
            at = p;
        }
        assert_eq!(
            owners,
            ["locked by Task-2", "locked by Task-3", "locked by Task-4"]
        );
        let timers = Breakpoints {
            timer_fires: true,
            ..Breakpoints::default()
        };
        assert!(timers.next_after(&tr, RUN_SCRIPT_NAME, 0).is_some());
    }
}
