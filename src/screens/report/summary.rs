//! The summary: readiness with its band, the quadrant plot and three plain sentences.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::Report;

use super::Words;
use crate::charts::quadrant_point;
use crate::i18n::fill;
use crate::session::Session;

const PLOT: f64 = 200.0;

#[component]
pub fn Summary(report: Arc<Report>, words: Words) -> impl IntoView {
    let ui = expect_context::<Session>().ui().report;
    let quadrant_index = report.quadrant.index();
    let band = fill(
        ui.band,
        &[
            ("lo", &report.readiness_band[0].round()),
            ("hi", &report.readiness_band[1].round()),
        ],
    );
    let sentences = interpretation(&report, &words);
    let (x, y) = quadrant_point(report.axes.ai_depth, report.axes.learning_agility, PLOT);
    let half = PLOT / 2.0;
    // The label sits on the side of the dot that faces the plot's middle, so it never leaves
    // the chart at an edge or a corner.
    let (label_x, label_anchor) = if x > half {
        (x - 11.0, "end")
    } else {
        (x + 11.0, "start")
    };
    let label_y = if y < 14.0 { y + 20.0 } else { y + 4.0 };
    view! {
        <section class="report-section summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="visually-hidden">{ui.readiness}</h2>
            <div class="summary-grid">
                <div class="index">
                    <p class="index-label">{ui.readiness}</p>
                    <p class="index-value"><span id="readiness">{format!("{:.0}", report.readiness)}</span><span class="index-max">" / 100"</span></p>
                    <p class="index-band">{band}</p>
                    <dl class="axes">
                        <dt>{ui.ai_depth}</dt><dd id="ai-depth">{format!("{:.0}", report.axes.ai_depth)}</dd>
                        <dt>{ui.learning_agility}</dt><dd id="learning-agility">{format!("{:.0}", report.axes.learning_agility)}</dd>
                    </dl>
                </div>
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
                        <strong>{ui.quadrant_title}": "{ui.quadrants[quadrant_index].0}</strong>
                    </figcaption>
                </figure>
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
                        let mine = i == quadrant_index;
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

/// Three sentences: overall standing, strengths, and where to go next.
fn interpretation(report: &Report, words: &Words) -> Vec<String> {
    let ui = crate::i18n::strings(&words.lang).report;
    let overall = fill(
        ui.overall,
        &[
            ("score", &report.readiness.round()),
            ("lo", &report.readiness_band[0].round()),
            ("hi", &report.readiness_band[1].round()),
        ],
    );
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
    let path = report
        .paths
        .first()
        .map(|p| words.path_title(&p.id))
        .unwrap_or_default();
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
