//! The survey studio: a lead writes their own assessment as JSON, sees the engine's own
//! problems and warnings as they type, and shares it as a link or a file. The draft is kept in
//! this browser and never sent. This is the studio chunk; its entry point is [`area`].

mod check;
mod persona;
mod share;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::flow::Screen;
use crate::i18n::StudioStrings;
use crate::on_demand::StudioArea;
use crate::session::Session;
use check::{Checked, Studio};

/// The built-in assessment as its authors wrote it, every language and path included, which
/// `scripts/postbuild.mjs` puts beside the app; fetched, since it would double this chunk.
async fn fetch_builtin() -> Option<String> {
    crate::languages::fetch_text(&format!("{}.json", skillscope_engine::builtin::DEFAULT_ID)).await
}

/// The chunk's one entry point.
pub fn area() -> StudioArea {
    StudioArea {
        screen: || view! { <StudioScreen /> }.into_any(),
    }
}

#[component]
fn StudioScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.studio_ui();
    let studio = Studio::open();
    on_cleanup(move || studio.flush());
    let editor = NodeRef::<leptos::html::Textarea>::new();
    // Programmatic changes (start from, undo, a dropped file) reach the box through here; typing
    // flows the other way, so the caret is never disturbed.
    let show = move |text: &str| {
        if let Some(area) = editor.get() {
            area.set_value(text);
        }
    };
    let replace = move |text: String| {
        show(&text);
        studio.replace(text);
    };
    // Why the last "start from" did not work: which of the studio's words says it.
    let start_problem = RwSignal::new(None::<fn(&StudioStrings) -> &'static str>);
    let read_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
            {
                Some(text) => {
                    start_problem.set(None);
                    replace(text);
                }
                None => start_problem.set(Some(|ui| ui.file_unreadable)),
            }
        });
    };
    let copy_builtin = move |_| {
        leptos::task::spawn_local(async move {
            match fetch_builtin().await {
                Some(text) => {
                    start_problem.set(None);
                    replace(text);
                }
                None => start_problem.set(Some(|ui| ui.copy_failed)),
            }
        });
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    let opened = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    };
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    let back = move |_| {
        session.steps.navigated.set(true);
        session.screen.set(Screen::Start);
    };
    view! {
        <section class="studio" aria-labelledby="studio-title">
            <h1 id="studio-title" tabindex="-1" node_ref=heading>{move || session.ui().studio_title}</h1>
            <p class="intro">{move || ui().intro}</p>
            <div class="actions" role="group" aria-labelledby="studio-start-from">
                <span id="studio-start-from" class="group-label">{move || ui().start_from}</span>
                <button type="button" id="studio-blank" on:click=move |_| replace(check::blank_json())>{move || ui().blank}</button>
                <button type="button" id="studio-copy" on:click=copy_builtin>{move || ui().copy_builtin}</button>
                <button type="button" id="studio-open" on:click=move |_| { if let Some(i) = file_input.get() { i.click(); } }>{move || ui().open_file}</button>
                <input type="file" id="studio-file" class="visually-hidden" accept=".json,application/json" tabindex="-1" aria-hidden="true" node_ref=file_input on:change=opened />
            </div>
            <p class="fine">{move || ui().drop_hint}</p>
            {move || start_problem.get().map(|says| view! { <p class="notice" role="alert" id="studio-start-problem">{says(ui())}</p> })}
            <div class="actions">
                <button type="button" id="studio-undo" disabled=move || !studio.can_undo() on:click=move |_| { if let Some(t) = studio.undo() { show(&t) } }>{move || ui().undo}</button>
                <button type="button" id="studio-redo" disabled=move || !studio.can_redo() on:click=move |_| { if let Some(t) = studio.redo() { show(&t) } }>{move || ui().redo}</button>
            </div>
            <label for="studio-json" class="field-label">{move || ui().json_label}</label>
            <textarea
                id="studio-json"
                class="studio-json"
                spellcheck="false"
                autocomplete="off"
                rows="22"
                node_ref=editor
                prop:value=studio.text.get_untracked()
                on:input=move |ev| studio.typed(event_target_value(&ev))
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=dropped
            ></textarea>
            <p class="fine" role="status" id="studio-saved">{move || studio.saved.get().then(|| ui().draft_saved)}</p>
            <Problems checked=studio.checked />
            <persona::PersonaPreview checked=studio.checked />
            <share::Share checked=studio.checked text=studio.text />
            <p class="nav">
                <button type="button" class="link" id="studio-back" on:click=back>{move || ui().back}</button>
            </p>
        </section>
    }
}

#[component]
fn Problems(checked: RwSignal<Checked>) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.studio_ui();
    view! {
        <section class="studio-problems" aria-labelledby="problems-title" id="studio-problems-region">
            <h2 id="problems-title">{move || ui().problems_title}</h2>
            {move || match checked.get() {
                Checked::Pending => view! { <p role="status" id="studio-status">{ui().checking}</p> }.into_any(),
                Checked::Invalid(problems) => {
                    let n = problems.len();
                    view! {
                        <p role="status" id="studio-status">{crate::i18n::fill(crate::i18n::plural(ui().problems_count, n as f64), &[("n", &n)])}</p>
                        <ol id="studio-problems">
                            {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
                        </ol>
                    }
                    .into_any()
                }
                Checked::Valid { warnings, .. } => {
                    let lines = check::warning_lines(&warnings, ui());
                    view! {
                        <p role="status" id="studio-status">{ui().no_problems}</p>
                        {(!lines.is_empty()).then(|| view! {
                            <h3>{ui().warnings_title}</h3>
                            <ul id="studio-warnings">
                                {lines.into_iter().map(|(path, text)| view! { <li><code>{path}</code>" "{text}</li> }).collect_view()}
                            </ul>
                        })}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
