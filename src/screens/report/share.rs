//! The result link, its QR code and a copy button with visible confirmation.

use leptos::prelude::*;

use crate::export::{copy_text, qr_path, Page};
use crate::session::Session;

#[component]
pub fn Share(code: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = session.report_ui();
    let link = Page::current().result_link(&session.lang.get_untracked(), &code);
    let qr = qr_path(&link);
    let status = RwSignal::new(None::<&'static str>);
    let copy_link = link.clone();
    let copy = move |_| {
        let link = copy_link.clone();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&link).await;
            status.set(Some(if ok {
                ui.copied
            } else {
                session.ui().copy_failed
            }));
        });
    };
    view! {
        <section class="report-section share" aria-labelledby="share-title">
            <h2 id="share-title">{ui.share_title}</h2>
            <p>{ui.share_intro}</p>
            <label for="result-link">{ui.link_label}</label>
            <div class="link-row">
                <input id="result-link" type="text" readonly value=link.clone() on:focus=|ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                } />
                <button type="button" id="copy-link" class="no-print" on:click=copy>{ui.copy}</button>
            </div>
            <p class="copy-status" role="status">{move || status.get()}</p>
            {qr.map(|(d, size)| {
                view! {
                    <svg class="qr" viewBox=format!("0 0 {size} {size}") role="img" aria-label=ui.qr>
                        <rect width=size height=size fill="#fff"></rect>
                        <path d=d fill="#000"></path>
                    </svg>
                }
            })}
        </section>
    }
}
