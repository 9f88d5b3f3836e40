use leptos::prelude::*;
use skillscope_engine::builtin;

#[component]
pub fn App() -> impl IntoView {
    let survey = builtin::survey(builtin::DEFAULT_ID);
    let title = survey
        .as_ref()
        .map(|s| s.definition().title.get("en", "en").to_string())
        .unwrap_or_default();
    let (started, set_started) = signal(false);
    view! {
        <main id="main">
            <h1>{title}</h1>
            <Show when=move || !started.get() fallback=|| view! { <p id="question">"Question"</p> }>
                <button id="start" on:click=move |_| set_started.set(true)>"Start"</button>
            </Show>
        </main>
    }
}
