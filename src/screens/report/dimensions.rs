//! The dimensions: a radar chart with its band (and the previous result when there is one), then
//! one table per area, which is also the chart's text equivalent, then strengths and focus areas.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::report::DimensionScore;
use skillscope_engine::Report;

use super::Words;
use crate::charts::{band_span, radar_label, radar_point, radar_polygon};
use crate::i18n::fill;
use crate::session::Session;
use crate::storage;

const RADAR: f64 = 300.0;

#[component]
pub fn Dimensions(
    report: Arc<Report>,
    words: Words,
    previous: RwSignal<Option<Arc<Report>>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = session.report_ui();
    let dims = report.dimensions.clone();
    let n = dims.len();
    let scores: Vec<f64> = dims.iter().map(|d| d.score).collect();
    let highs: Vec<f64> = dims.iter().map(|d| d.band[1]).collect();
    let lows: Vec<f64> = dims.iter().map(|d| d.band[0]).collect();
    let groups: Vec<String> = {
        let mut g: Vec<String> = Vec::new();
        for d in &dims {
            if !g.contains(&d.group) {
                g.push(d.group.clone());
            }
        }
        g
    };
    let previous_scores = {
        let dims = dims.clone();
        move || {
            previous.get().map(|p| {
                let values: Vec<f64> = dims
                    .iter()
                    .map(|d| p.dimension(&d.id).map_or(0.0, |x| x.score))
                    .collect();
                radar_polygon(&values, RADAR)
            })
        }
    };
    let rings = [25.0, 50.0, 75.0, 100.0].map(|v| radar_polygon(&vec![v; n], RADAR));
    let scope = StoredValue::new(expect_context::<Session>().scope());
    let cleared = RwSignal::new(false);
    let clear = move |_| {
        storage::clear_results(&scope.get_value());
        previous.set(None);
        cleared.set(true);
    };
    let strengths: Vec<String> = report
        .strengths(3)
        .iter()
        .map(|d| words.dimension(&d.id))
        .collect();
    let level = words.strength_level();
    let focus: Vec<String> = report
        .focus_areas(3)
        .iter()
        .map(|d| words.dimension(&d.id))
        .collect();
    view! {
        <section class="report-section dimensions" aria-labelledby="dims-title">
            <h2 id="dims-title">{ui.dims_title}</h2>
            <figure class="radar-figure">
                <svg class="radar" viewBox="-40 -10 380 320" role="img" aria-labelledby="radar-caption" aria-describedby="dimension-tables">
                    {rings.into_iter().map(|points| view! { <polygon class="ring" points=points></polygon> }).collect_view()}
                    {(0..n)
                        .map(|i| {
                            let (x, y) = radar_point(i, n, 100.0, RADAR);
                            let (lx, ly, anchor) = radar_label(i, n, RADAR);
                            view! {
                                <line class="spoke" x1=RADAR / 2.0 y1=RADAR / 2.0 x2=x y2=y></line>
                                <text class="spoke-label" x=lx y=ly + 4.0 text-anchor=anchor>{(i + 1).to_string()}</text>
                            }
                        })
                        .collect_view()}
                    <polygon class="band-high" points=radar_polygon(&highs, RADAR)></polygon>
                    <polygon class="band-low" points=radar_polygon(&lows, RADAR)></polygon>
                    {move || previous_scores().map(|points| view! { <polygon class="previous" points=points></polygon> })}
                    <polygon class="score" points=radar_polygon(&scores, RADAR)></polygon>
                    // Unknown areas get no dot: the table says why.
                    {scores
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| dims[i].reported)
                        .map(|(i, &v)| {
                            let (x, y) = radar_point(i, n, v, RADAR);
                            view! { <circle class="score-dot" cx=x cy=y r="3.5"></circle> }
                        })
                        .collect_view()}
                </svg>
                <figcaption id="radar-caption">
                    {ui.radar_caption}
                    {move || previous.get().map(|_| view! { " " <span class="previous-key">{ui.previous}</span> })}
                </figcaption>
            </figure>
            <div id="dimension-tables">
                {groups
                    .into_iter()
                    .map(|group| {
                        let rows: Vec<(usize, DimensionScore)> = dims
                            .iter()
                            .cloned()
                            .enumerate()
                            .filter(|(_, d)| d.group == group)
                            .collect();
                        view! { <DimensionTable group rows words=words.clone() previous /> }
                    })
                    .collect_view()}
            </div>
            <Show when=move || previous.get().is_some()>
                <p class="no-print">
                    <button type="button" class="link" id="clear-results" on:click=clear>{ui.clear}</button>
                </p>
            </Show>
            <Show when=move || cleared.get()>
                <p role="status">{ui.cleared}</p>
            </Show>
            <div class="strengths-focus">
                <div>
                    <h3>{ui.strengths_title}</h3>
                    <NamedList items=strengths empty=fill(ui.no_strengths_item, &[("level", &level)]) />
                </div>
                <div>
                    <h3>{ui.focus_title}</h3>
                    <NamedList items=focus empty=fill(ui.no_focus_item, &[("level", &level)]) />
                </div>
            </div>
        </section>
    }
}

/// A list of names, or a sentence saying why there are none, so no heading stands alone.
#[component]
fn NamedList(items: Vec<String>, empty: String) -> impl IntoView {
    if items.is_empty() {
        view! { <p class="none-yet">{empty}</p> }.into_any()
    } else {
        view! { <ul>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }
            .into_any()
    }
}

#[component]
fn DimensionTable(
    group: String,
    rows: Vec<(usize, DimensionScore)>,
    words: Words,
    previous: RwSignal<Option<Arc<Report>>>,
) -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    let caption = words.group(&group);
    let caption_id = format!("table-{group}");
    let labelled_by = caption_id.clone();
    // On narrow screens the table scrolls inside its own focusable region, not the page.
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby=labelled_by>
        <table class="dimension-table">
            <caption id=caption_id>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{ui.col_dimension}</th>
                    <th scope="col">{ui.col_score}</th>
                    <th scope="col">{ui.col_level}</th>
                    <th scope="col">{ui.col_range}</th>
                    <Show when=move || previous.get().is_some()>
                        <th scope="col">{ui.col_change}</th>
                    </Show>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(i, d)| {
                        let (start, width) = band_span(d.band);
                        let meaning = words.level_meaning(&d.level);
                        let id = d.id.clone();
                        let score = d.score;
                        let reported = d.reported;
                        // An unknown area has no level to compare, now or before.
                        let change = move || {
                            let before = previous.get()?.dimension(&id).filter(|x| x.reported && reported)?.score;
                            let delta = (score - before).round();
                            Some(if delta > 0.0 {
                                format!("↑ {}", fill(ui.up, &[("n", &delta)]))
                            } else if delta < 0.0 {
                                format!("↓ {}", fill(ui.down, &[("n", &-delta)]))
                            } else {
                                ui.same.to_string()
                            })
                        };
                        view! {
                            <tr data-dimension=d.id.clone()>
                                <td>{(i + 1).to_string()}</td>
                                <th scope="row">{words.dimension(&d.id)}</th>
                                <td class="score-cell">
                                    {if d.reported { format!("{:.0}", d.score) } else { "–".into() }}
                                    {d.reported.then(|| view! {
                                        <span class="bar" aria-hidden="true">
                                            <span class="bar-band" style:inset-inline-start=format!("{start}%") style:inline-size=format!("{width}%")></span>
                                            <span class="bar-mark" style:inset-inline-start=format!("{}%", score)></span>
                                        </span>
                                    })}
                                </td>
                                <td>
                                    <span class="level">{if d.reported { words.level(&d.level) } else { ui.not_reported.to_string() }}</span>
                                    {meaning.filter(|_| d.reported).map(|m| view! { <span class="meaning">{m}</span> })}
                                </td>
                                <td>{if d.reported { format!("{:.0}–{:.0}", d.band[0], d.band[1]) } else { "–".into() }}</td>
                                <Show when=move || previous.get().is_some()>
                                    <td class="change">{change.clone()}</td>
                                </Show>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        </div>
    }
}
