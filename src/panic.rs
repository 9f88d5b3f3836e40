//! A panic in wasm kills the app, so the hook replaces the page with a calm message instead of
//! leaving a frozen screen. Answers are saved on every change, so nothing is lost by reloading.

use std::panic;

use wasm_bindgen::JsCast;

pub fn install() {
    panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Skillscope stopped: {info}").into());
        show_message();
    }));
}

fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let (title, text, button) = crate::i18n::strings(&lang).crash;
    // Built from DOM nodes, not HTML, so nothing in the panic message can become markup.
    let build = || -> Option<()> {
        // The alert inside the landmark: `main` itself may not take the role.
        let main = document.create_element("main").ok()?;
        main.set_class_name("crash");
        let alert = document.create_element("div").ok()?;
        alert.set_attribute("role", "alert").ok()?;
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some(title));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(text));
        let reload = document.create_element("button").ok()?;
        reload.set_text_content(Some(button));
        reload.set_id("crash-reload");
        let on_click = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        reload
            .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
            .ok()?;
        on_click.forget();
        alert.append_with_node_3(&h1, &p, &reload).ok()?;
        main.append_child(&alert).ok()?;
        body.set_text_content(None);
        body.append_child(&main).ok()?;
        reload.dyn_ref::<web_sys::HtmlElement>()?.focus().ok()
    };
    let _ = build();
}
