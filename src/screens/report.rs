//! The report screen.

use leptos::prelude::*;
use skillscope_engine::{report, Timing};

use crate::session::Session;

#[component]
pub fn ReportScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let survey = session.survey();
    let r = report(&survey, &session.answers.get_untracked(), Timing { seconds: session.elapsed_seconds() });
    view! {
        <section class="report">
            <h1 tabindex="-1">"Your readiness report"</h1>
            <p class="readiness">"Readiness " <strong id="readiness">{format!("{:.0}", r.readiness)}</strong></p>
            <ul>
                {r.dimensions.into_iter().map(|d| view! { <li>{d.id} ": " {format!("{:.0}", d.score)} " " {d.level}</li> }).collect_view()}
            </ul>
        </section>
    }
}
