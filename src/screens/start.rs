//! The start page: what this is, how long it takes, the privacy promise, and Start.

use leptos::prelude::*;

use crate::flow;
use crate::i18n::fill;
use crate::session::Session;

#[component]
pub fn StartScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let survey = session.survey();
    let def = survey.definition().clone();
    let minutes = def.minutes.round() as u32;
    let ui = move || session.ui();
    let resume_label = move || {
        let progress = session.resumable.get()?;
        let survey = session.survey();
        let (n, total) = (
            flow::answered(&survey, &progress.answers),
            survey.visible(&progress.answers).len(),
        );
        Some(fill(ui().resume, &[("n", &n), ("total", &total)]))
    };
    let title = def.title.clone();
    // A branded survey may introduce itself in its owner's words.
    let intro = def
        .theme
        .as_ref()
        .and_then(|t| t.intro.clone())
        .unwrap_or_else(|| def.intro.clone());
    let share_status = RwSignal::new(None::<&'static str>);
    let share = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let link = survey_link(&window, &session.lang.get_untracked());
        let promise = window.navigator().clipboard().write_text(&link);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            share_status.set(Some(if ok {
                session.ui().share_copied
            } else {
                session.ui().report.copy_failed
            }));
        });
    };
    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1">{move || session.text(&title)}</h1>
            <p class="tagline">{move || ui().tagline}</p>
            <p class="intro">{move || session.text(&intro)}</p>
            <ul class="facts">
                <li>{move || fill(ui().minutes, &[("n", &minutes)])}</li>
                <li>{move || ui().privacy}</li>
            </ul>
            <p class="fine">{move || ui().not_a_test}</p>
            <div class="actions">
                {move || match resume_label() {
                    Some(label) => view! {
                        <button type="button" class="primary" id="resume" on:click=move |_| session.resume()>{label}</button>
                        <button type="button" id="start-over" on:click=move |_| session.start()>{ui().start_over}</button>
                    }
                    .into_any(),
                    None => view! {
                        <button type="button" class="primary" id="start" on:click=move |_| session.start()>{ui().start}</button>
                    }
                    .into_any(),
                }}
                <button type="button" class="secondary" id="share-survey" on:click=share>{move || ui().share_survey}</button>
            </div>
            <p class="copy-status" role="status">{move || share_status.get()}</p>
        </section>
    }
}

/// This page's address with only what identifies the survey: `?survey=` (and `#def=` for an
/// inline survey) plus the current language. Result fragments and other parameters stay behind.
fn survey_link(window: &web_sys::Window, lang: &str) -> String {
    let location = window.location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let mut query = Vec::new();
    if let Some(survey) = crate::prefs::query_param("survey") {
        query.push(format!("survey={}", js_sys::encode_uri_component(&survey)));
    }
    query.push(format!("lang={lang}"));
    let fragment = crate::prefs::fragment_param("def")
        .map(|d| format!("#def={d}"))
        .unwrap_or_default();
    format!("{base}?{}{fragment}", query.join("&"))
}
