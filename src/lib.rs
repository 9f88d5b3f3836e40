//! Skillscope's browser app: a thin Leptos shell over `skillscope-engine`.
//!
//! Components bind engine values to the DOM and never compute scores. The flow is
//! start → questions → review → report; see `ARCHITECTURE.md`.

mod app;
pub mod charts;
mod embed;
pub mod export;
pub mod flow;
pub mod i18n;
mod languages;
mod panic;
mod prefs;
pub mod screens;
pub mod session;
mod source;
mod storage;
pub mod theme;

pub use app::App;

/// Entry point of the wasm binary.
pub fn start() {
    panic::install();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
