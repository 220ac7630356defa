//! The browser app (built by Trunk for wasm32). Natively this binary only points at Trunk.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod examples;
#[cfg(target_arch = "wasm32")]
mod highlight;
#[cfg(target_arch = "wasm32")]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod links;
#[cfg(target_arch = "wasm32")]
mod model;
#[cfg(target_arch = "wasm32")]
mod runner;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

// Counted, so a script that grows without bound gets a MemoryError (src/vm/memory.rs) before
// the worker runs out of wasm memory and dies.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: loopscope::vm::memory::Counting<std::alloc::System> =
    loopscope::vm::memory::Counting(std::alloc::System);

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same module runs scripts in a Web Worker (runner.rs, static/worker.js), where
    // there is no window and nothing to render.
    if web_sys::window().is_none() {
        return;
    }
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("loopscope-web is the browser app: build and serve it with scripts/serve.sh");
    std::process::exit(2);
}
