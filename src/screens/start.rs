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
    let intro = def.intro.clone();
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
            </div>
        </section>
    }
}
