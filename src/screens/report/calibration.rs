//! Calibration (knowledge checks and flags, worded kindly) and what the report is and is not.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::Report;

use super::Words;
use crate::i18n::fill;
use crate::session::Session;

#[component]
pub fn Calibration(report: Arc<Report>, words: Words) -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    let checks: Vec<(String, String)> = report
        .dimensions
        .iter()
        .filter_map(|d| {
            let k = d.knowledge?;
            Some((
                words.dimension(&d.id),
                fill(ui.knowledge, &[("right", &k.right), ("asked", &k.asked)]),
            ))
        })
        .collect();
    let flags: Vec<String> = report
        .flags
        .iter()
        .map(|f| ui.flag(f, |d| words.dimension(d)))
        .collect();
    let no_flags = flags.is_empty();
    view! {
        <section class="report-section calibration" aria-labelledby="calibration-title">
            <h2 id="calibration-title">{ui.calibration_title}</h2>
            <p>{ui.calibration_intro}</p>
            <dl class="checks">
                {checks.into_iter().map(|(dim, result)| view! { <div><dt>{dim}</dt><dd>{result}</dd></div> }).collect_view()}
            </dl>
            <ul class="flags">
                {flags.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                {no_flags.then(|| view! { <li>{ui.no_flags}</li> })}
            </ul>
        </section>
    }
}

#[component]
pub fn About() -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    view! {
        <section class="report-section about" aria-labelledby="about-title">
            <h2 id="about-title">{ui.about_title}</h2>
            {ui.about.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <p><a href="methodology.html">{ui.methodology}</a></p>
        </section>
    }
}
