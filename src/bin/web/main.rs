//! The browser app (built by Trunk for wasm32). Natively this binary only points at Trunk.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("loopscope-web is the browser app: build and serve it with scripts/serve.sh");
    std::process::exit(2);
}
