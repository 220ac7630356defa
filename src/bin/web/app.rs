//! The app shell: header, editor, control bar and the panels that show the loop's state.
//! The panels are placeholders until the runtime produces traces; each says what it will show.

use crate::components::control_bar::ControlBar;
use crate::components::editor::Editor;
use crate::components::header::Header;
use crate::components::panel::Panel;
use yew::prelude::*;

/// The script the editor starts with: the smallest program where the loop's behaviour shows.
pub const DEFAULT_SCRIPT: &str = r#"import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    await task1
    await task2


asyncio.run(main())
"#;

/// What each panel will show, in the order they appear.
const PANELS: &[(&str, &str, &str)] = &[
    ("source", "Source", "The running line of every coroutine, with a marker where each suspended task is paused."),
    ("ready-queue", "Ready queue", "The handles in the loop's _ready deque, in order, named as CPython names them (Task-2 step, _set_result_unless_cancelled, ...)."),
    ("timers", "Timers", "The _scheduled heap on a time axis, with the virtual clock moving along it."),
    ("tasks", "Tasks", "One card per task: its state, its await chain (main -> fetch -> sleep(1.0)) and why it last woke."),
    ("primitives", "Sync primitives", "Locks, events, conditions, semaphores and queues, with their owners and waiters."),
    ("io-waits", "IO waits", "Selector registrations and sockets in flight."),
    ("console", "Console", "What the script prints, with the virtual time of each line."),
    ("timeline", "Timeline", "A lane per task over virtual time, coloured by state."),
];

#[function_component(App)]
pub fn app() -> Html {
    let script = use_state(|| DEFAULT_SCRIPT.to_string());
    let on_edit = {
        let script = script.clone();
        Callback::from(move |text: String| script.set(text))
    };
    html! {
        <div class="app">
            <Header />
            <main class="workspace">
                <section class="left">
                    <Editor text={(*script).clone()} {on_edit} />
                    <ControlBar />
                    <p class="narration" data-testid="narration">
                        { "Press Run to execute the script on loopscope's simulated event loop, then step through it. \
                           (The interpreter and the event loop are being built: running lands with them.)" }
                    </p>
                </section>
                <section class="panels">
                    { for PANELS.iter().map(|(id, title, what)| html! {
                        <Panel testid={*id} title={*title} placeholder={*what} />
                    }) }
                </section>
            </main>
            <footer class="footer">
                { format!("loopscope {} · what it shows is what CPython 3.11 does", loopscope::VERSION) }
            </footer>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn the_shell_mounts_with_every_panel_and_the_editor() {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<App>::with_root(root.clone()).render();
        // Rendering is scheduled; give the scheduler a turn.
        gloo_timers::future::TimeoutFuture::new(20).await;

        for (id, title, _) in PANELS {
            let panel = root
                .query_selector(&format!("[data-testid='{id}']"))
                .unwrap()
                .unwrap_or_else(|| panic!("panel {id} missing"));
            assert!(panel.text_content().unwrap().contains(title));
        }
        let editor = root
            .query_selector("[data-testid='editor']")
            .unwrap()
            .expect("editor");
        let editor: web_sys::HtmlTextAreaElement = wasm_bindgen::JsCast::dyn_into(editor).unwrap();
        assert!(editor.value().contains("asyncio.run(main())"));
        assert!(root
            .query_selector("[data-testid='run']")
            .unwrap()
            .is_some());
    }
}
