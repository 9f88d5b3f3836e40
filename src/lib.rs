//! Skillscope's browser app: a thin Leptos shell over `skillscope-engine`.
//!
//! Components bind engine values to the DOM and never compute scores. The flow is
//! start → questions → review → report; see `ARCHITECTURE.md`.

mod app;
pub mod charts;
mod custom;
mod embed;
pub mod export;
pub mod flow;
pub mod i18n;
mod languages;
mod offline;
pub mod on_demand;
mod panic;
mod prefs;
pub mod screens;
pub mod session;
mod source;
mod storage;
pub mod theme;

pub use app::App;

/// Moves focus to a new screen's heading, unless the person is using the header (the language
/// switch re-renders the screen, and focus must not jump away from the select).
pub(crate) fn focus_screen(element: &web_sys::HtmlElement) {
    let in_header = leptos::prelude::document()
        .active_element()
        .and_then(|e| e.closest("header.top").ok().flatten())
        .is_some();
    if !in_header {
        let _ = element.focus();
    }
}

/// Entry point of the wasm binary.
pub fn start() {
    panic::install();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    reload_on_new_fragment();
    leptos::mount::mount_to_body(App);
}

/// A result or survey link pasted into the address bar of an open Skillscope tab changes only
/// the fragment, which loads nothing by itself; start again so the link is honoured.
fn reload_on_new_fragment() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let hash = location.hash().unwrap_or_default();
        if hash.starts_with("#r=") || hash.starts_with("#def=") {
            let _ = location.reload();
        }
    });
    let _ = window.add_event_listener_with_callback("hashchange", reload.as_ref().unchecked_ref());
    reload.forget();
}
