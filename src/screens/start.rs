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
        let link = crate::export::Page::current().survey_link(&session.lang.get_untracked());
        leptos::task::spawn_local(async move {
            let ok = crate::export::copy_text(&link).await;
            share_status.set(Some(if ok {
                session.ui().share_copied
            } else {
                session.ui().copy_failed
            }));
        });
    };
    // Coming back here (Back from the first question, leaving a shared result) moves focus to
    // the title, as every other screen change does; the very first load leaves it alone.
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if session.steps.navigated.get_untracked() {
                crate::focus_screen(&h);
            }
        }
    });
    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1" node_ref=heading>{move || session.text(&title)}</h1>
            // The product's own tagline would speak for someone else's survey.
            {session.is_built_in().then(|| view! { <p class="tagline">{move || ui().tagline}</p> })}
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
            <p class="for-leads">
                <button type="button" class="link" id="open-team" on:click=move |_| session.open_team()>{move || ui().team_open}</button>
            </p>
            <p class="for-leads">
                <button type="button" class="link" id="open-studio" on:click=move |_| session.open_studio()>{move || ui().studio_open}</button>
            </p>
        </section>
    }
}
