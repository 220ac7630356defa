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
// Shared with the engine (src/bin/engine), whose half of it the page does not use: only the
// wasm-bindgen tests run scripts on the page (`run_reply`); the app's runs go to the worker.
#[cfg(target_arch = "wasm32")]
#[allow(dead_code)]
mod protocol;
#[cfg(target_arch = "wasm32")]
mod runner;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;

// Counted, so a script that grows without bound gets a MemoryError (src/vm/memory.rs) before
// wasm memory runs out: in the tests, which run scripts on the page (the app's runs are the
// engine's, src/bin/engine, which counts its own).
#[cfg(all(target_arch = "wasm32", test))]
#[global_allocator]
static ALLOC: loopscope::vm::memory::Counting<std::alloc::System> =
    loopscope::vm::memory::Counting(std::alloc::System);

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("loopscope-web is the browser app: build and serve it with scripts/serve.sh");
    std::process::exit(2);
}
