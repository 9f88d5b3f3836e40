//! What the service worker lets the page say. `web/offline.js` registers the worker and marks
//! `<html>` with `data-offline-ready` (every file is cached) and `data-update-ready` (a new
//! version waits), announcing each with a `skillscope-offline` event. Reload goes back to it as
//! a `skillscope-reload` event, so the worker plumbing stays in JavaScript and out of the wasm.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const EVENT: &str = "skillscope-offline";

#[derive(Clone, Copy)]
pub struct OfflineStatus {
    pub ready: RwSignal<bool>,
    pub update: RwSignal<bool>,
}

impl OfflineStatus {
    /// Reads the worker's state now and follows it for the life of the page.
    pub fn watch() -> OfflineStatus {
        let status = OfflineStatus {
            ready: RwSignal::new(false),
            update: RwSignal::new(false),
        };
        status.read();
        if let Some(window) = web_sys::window() {
            let on_change = Closure::<dyn Fn()>::new(move || status.read());
            let _ =
                window.add_event_listener_with_callback(EVENT, on_change.as_ref().unchecked_ref());
            on_change.forget();
        }
        status
    }

    fn read(&self) {
        let Some(root) = document().document_element() else {
            return;
        };
        self.ready.set(root.has_attribute("data-offline-ready"));
        self.update.set(root.has_attribute("data-update-ready"));
    }

    /// Lets the waiting version take over; the page reloads where the person was.
    pub fn reload() {
        if let (Some(window), Ok(event)) =
            (web_sys::window(), web_sys::Event::new("skillscope-reload"))
        {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// `ms` as a date in `lang`, written out ("2 December 2026"), since 12/2 reads two ways.
pub fn local_date(ms: f64, lang: &str) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    js_sys::Date::new(&ms.into())
        .to_locale_date_string(lang, &options)
        .into()
}
