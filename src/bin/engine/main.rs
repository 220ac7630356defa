//! The browser app's engine: the compiler, the VM, the runtime and the modules, in a wasm
//! module of its own that only the run worker (`static/worker.js`) loads. The page's module
//! (`src/bin/web`) is the UI: it shows the page without downloading any of this, while the
//! worker fetches the engine alongside (see the README's Size section).

// Shared with the page (src/bin/web), whose half of it (reading a reply) the engine does not use.
#[cfg(target_arch = "wasm32")]
#[path = "../web/protocol.rs"]
#[allow(dead_code)]
mod protocol;

// Counted, so a script that grows without bound gets a MemoryError (src/vm/memory.rs) before
// the worker runs out of wasm memory and dies.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: loopscope::vm::memory::Counting<std::alloc::System> =
    loopscope::vm::memory::Counting(std::alloc::System);

#[cfg(target_arch = "wasm32")]
mod worker {
    use super::protocol::{run_reply, BUDGET, EVENTS_PER_PART, PROGRESS_EVERY};
    use loopscope::trace::Progress;
    use wasm_bindgen::prelude::*;

    /// The worker's entry point (static/worker.js calls it): runs the script and returns its
    /// reply: the reply without its trace's events as a JSON string (`WireReply`), then the events in
    /// parts of [`EVENTS_PER_PART`] in their binary form (`Uint8Array`s of
    /// [`loopscope::trace::encode_events`], which the worker hands over without a copy; JSON
    /// took several seconds to write and read for a million events). The page reads them
    /// back in `src/bin/web/runner.rs` (`Loading`). Calls `progress(events, virtual_time)` as
    /// it goes.
    #[wasm_bindgen]
    pub fn loopscope_worker_run(
        source: &str,
        budget: f64,
        progress: &js_sys::Function,
    ) -> js_sys::Array {
        let budget = if budget.is_finite() && budget >= 1.0 {
            budget as u64
        } else {
            BUDGET
        };
        let report = progress.clone();
        let progress = Progress::new(PROGRESS_EVERY, move |n, t| {
            let _ = report.call2(&JsValue::NULL, &JsValue::from(n as f64), &JsValue::from(t));
        });
        let parts = js_sys::Array::new();
        let (reply, events) = run_reply(source, budget, Some(progress)).into_wire();
        // Serialising cannot fail for these types; an empty string reads as an error on the page.
        parts.push(&JsValue::from_str(
            &serde_json::to_string(&reply).unwrap_or_default(),
        ));
        for chunk in events.chunks(EVENTS_PER_PART) {
            let bytes = loopscope::trace::encode_events(chunk);
            parts.push(&js_sys::Uint8Array::from(&bytes[..]));
        }
        parts
    }
}

/// The modules the engine does not carry (`loopscope::modules::fetched`): the worker
/// (static/worker.js) gives a function that returns a served file's text synchronously or
/// throws an Error saying why; every import of such a module asks it (the core keeps what it
/// got for the worker's life).
#[cfg(target_arch = "wasm32")]
mod fetch {
    use loopscope::modules::fetched;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    thread_local! {
        static FETCH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    }

    /// Called once by the worker before its first run.
    #[wasm_bindgen]
    pub fn loopscope_set_module_source(fetch: js_sys::Function) {
        FETCH.with(|f| *f.borrow_mut() = Some(fetch));
        fetched::set_module_source(Some(fetch_file));
    }

    fn fetch_file(file: &str) -> Result<String, String> {
        let Some(fetch) = FETCH.with(|f| f.borrow().clone()) else {
            return Err("the worker gave no way to fetch modules".into());
        };
        match fetch.call1(&JsValue::NULL, &JsValue::from_str(file)) {
            Ok(text) => text
                .as_string()
                .ok_or_else(|| format!("fetching py/{file} gave no text")),
            Err(e) => Err(match e.dyn_ref::<js_sys::Error>() {
                Some(e) => String::from(e.message()),
                None => e
                    .as_string()
                    .unwrap_or_else(|| format!("fetching py/{file} failed")),
            }),
        }
    }
}

// wasm-bindgen calls `main` when the module starts; the worker then calls the exports above.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("loopscope-engine is the browser app's run worker: build it with scripts/serve.sh");
    std::process::exit(2);
}
