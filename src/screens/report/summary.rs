//! The summary: readiness with its likely range (or what it still needs), the quadrant plot and
//! three plain sentences.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::report::Quadrant;
use skillscope_engine::Report;

use super::Words;
use crate::charts::quadrant_point;
use crate::i18n::fill;
use crate::session::Session;

const PLOT: f64 = 200.0;

#[component]
pub fn Summary(report: Arc<Report>, words: Words) -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    let figure = |x: Option<f64>| x.map_or_else(|| ui.unknown.to_string(), |x| format!("{x:.0}"));
    let band = report
        .readiness_band
        .map(|[lo, hi]| fill(ui.band, &[("lo", &lo.round()), ("hi", &hi.round())]));
    let sentences = interpretation(&report, &words);
    view! {
        <section class="report-section summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="visually-hidden">{ui.readiness}</h2>
            {needs(&report, &words)}
            <div class="summary-grid">
                <div class="index">
                    <p class="index-label">{ui.readiness}</p>
                    <p class="index-value">
                        <span id="readiness">{figure(report.readiness)}</span>
                        {report.readiness.is_some().then(|| view! { <span class="index-max">" / 100"</span> })}
                    </p>
                    {band.map(|b| view! { <p class="index-band">{b}</p> })}
                    <dl class="axes">
                        <dt>{ui.ai_depth}</dt><dd id="ai-depth">{figure(report.axes.ai_depth)}</dd>
                        <dt>{ui.ai_breadth}</dt><dd id="ai-breadth">{figure(report.axes.ai_breadth)}</dd>
                        <dt>{ui.learning_agility}</dt><dd id="learning-agility">{figure(report.axes.learning_agility)}</dd>
                    </dl>
                </div>
                {report.quadrant.map(|q| quadrant_plot(&report, q))}
            </div>
            <div class="interpretation">
                {sentences.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
            <dl class="quadrant-legend">
                {ui
                    .quadrants
                    .iter()
                    .enumerate()
                    .map(|(i, (name, meaning))| {
                        let mine = report.quadrant.is_some_and(|q| q.index() == i);
                        view! {
                            <div class:mine=mine>
                                <dt>{*name}{mine.then(|| format!(" ({})", ui.you))}</dt>
                                <dd>{*meaning}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// What the report still needs before readiness and the axes mean anything, with a way to
/// answer it.
fn needs(report: &Report, words: &Words) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = session.report_ui();
    let needed: Vec<String> = report.needs().iter().map(|d| d.id.clone()).collect();
    if needed.is_empty() {
        return ().into_any();
    }
    let ids: Vec<&str> = needed.iter().map(String::as_str).collect();
    let template = if report.readiness.is_some() && report.quadrant.is_some() {
        ui.needs_text_some
    } else {
        ui.needs_text
    };
    let text = fill(template, &[("list", &words.list(&ids))]);
    // A shared result is read-only; only the person's own report offers to answer more.
    let target = if session.shared.active.get_untracked() {
        None
    } else {
        crate::flow::first_question_for(&session.survey(), &session.answers.get_untracked(), &ids)
    };
    view! {
        <div class="notice needs" id="report-needs" role="note">
            <p><strong>{ui.needs_title}</strong> " " {text}</p>
            {target.map(|i| view! {
                <button type="button" class="primary" id="answer-needed" on:click=move |_| {
                    session.steps.return_to_review.set(false);
                    session.screen.set(crate::flow::Screen::Question(i));
                }>{ui.needs_button}</button>
            })}
        </div>
    }
    .into_any()
}

fn quadrant_plot(report: &Report, quadrant: Quadrant) -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    let (x, y) = quadrant_point(
        report.axes.ai_depth.unwrap_or_default(),
        report.axes.learning_agility.unwrap_or_default(),
        PLOT,
    );
    let half = PLOT / 2.0;
    // The label sits on the side of the dot that faces the plot's middle, so it never leaves
    // the chart at an edge or a corner.
    let (label_x, label_anchor) = if x > half {
        (x - 11.0, "end")
    } else {
        (x + 11.0, "start")
    };
    let label_y = if y < 14.0 { y + 20.0 } else { y + 4.0 };
    let name = ui.quadrants[quadrant.index()].0;
    view! {
        <figure class="quadrant-figure">
            <svg class="quadrant-plot" viewBox="-32 -16 250 250" role="img" aria-labelledby="quadrant-caption">
                <rect class="q q0" x="0" y=half width=half height=half></rect>
                <rect class="q q1" x="0" y="0" width=half height=half></rect>
                <rect class="q q2" x=half y=half width=half height=half></rect>
                <rect class="q q3" x=half y="0" width=half height=half></rect>
                <rect class="q-frame" x="0" y="0" width=PLOT height=PLOT></rect>
                <text class="q-axis" x=half y="222" text-anchor="middle">{ui.ai_depth}" →"</text>
                <text class="q-axis" x="-12" y=half text-anchor="middle" transform=format!("rotate(-90 -12 {half})")>{ui.learning_agility}" →"</text>
                <circle class="q-point" cx=x cy=y r="7"></circle>
                <text class="q-you" x=label_x y=label_y text-anchor=label_anchor>{ui.you}</text>
            </svg>
            <figcaption id="quadrant-caption">
                <strong>{ui.quadrant_title}": "{name}</strong>
                {report.near_line.then(|| view! { <span class="near-line" id="near-line">" " {ui.near_line}</span> })}
            </figcaption>
        </figure>
    }
}

/// Three sentences: overall standing, strengths, and where to go next.
fn interpretation(report: &Report, words: &Words) -> Vec<String> {
    let ui = crate::i18n::report(&words.lang);
    let overall = match (report.readiness, report.readiness_band) {
        (Some(score), Some([lo, hi])) => fill(
            ui.overall,
            &[
                ("score", &score.round()),
                ("lo", &lo.round()),
                ("hi", &hi.round()),
            ],
        ),
        _ => ui.overall_unknown.to_string(),
    };
    let strengths: Vec<&str> = report.strengths(3).iter().map(|d| d.id.as_str()).collect();
    let level = words.strength_level();
    let strengths = if strengths.is_empty() {
        fill(ui.no_strengths, &[("level", &level)])
    } else {
        fill(ui.strengths_sentence, &[("list", &words.list(&strengths))])
    };
    let focus: Vec<&str> = report
        .focus_areas(2)
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    // The path named is the first one the report shows, support or not.
    let Some(path) = report.paths.first().map(|p| words.path_title(&p.id)) else {
        return vec![overall, strengths, ui.needs_title.to_string()];
    };
    let focus = if focus.is_empty() {
        fill(ui.no_focus, &[("path", &path), ("level", &level)])
    } else {
        fill(
            ui.focus_sentence,
            &[("list", &words.list(&focus)), ("path", &path)],
        )
    };
    vec![overall, strengths, focus]
}
