//! Dimensions × levels: how many people reached each level, as numbers on cells shaded by the
//! share of people in them, with the target level outlined. The numbers are the text
//! equivalent; the shading only helps the eye find where people cluster.

use leptos::prelude::*;
use skillscope_engine::aggregate::{TeamDimension, TeamSummary};

use super::grids::round;
use crate::screens::report::Words;

#[component]
pub fn Heatmap(summary: TeamSummary, words: Words) -> impl IntoView {
    let team = crate::i18n::team(&words.lang);
    let targeted = summary.dimensions.iter().any(|d| d.target.is_some());
    let levels = words.survey.levels().to_vec();
    let head = levels.iter().map(|l| {
        let name = words.level(&l.id);
        view! { <th scope="col" data-level=l.id.clone()>{name}</th> }
    });
    let target_head = targeted.then(|| {
        view! {
            <th scope="col">{team.col_target}</th>
            <th scope="col">{team.col_below}</th>
        }
    });
    let rows = summary
        .dimensions
        .iter()
        .map(|d| row(d, &words, targeted))
        .collect_view();
    view! {
        <section class="team-section" id="team-heatmap">
            <h2 id="team-heatmap-title">{team.dims_title}</h2>
            <p>{if targeted { team.heatmap_intro_target } else { team.heatmap_intro }}</p>
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="team-heatmap-title">
                <table class="dimension-table team-table heatmap" data-heatmap="">
                    <thead>
                        <tr>
                            <th scope="col">{crate::i18n::report(&words.lang).col_dimension}</th>
                            <th scope="col">{team.col_median}</th>
                            {head.collect_view()}
                            {target_head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn row(d: &TeamDimension, words: &Words, targeted: bool) -> impl IntoView {
    let median = d.score.map_or_else(|| "–".to_string(), |s| round(s.median));
    let cells = d
        .levels
        .iter()
        .map(|l| {
            let on_target = d.target.as_deref() == Some(l.level.as_str());
            let class = format!("heat-{}", shade(l.count, d.reported));
            view! {
                <td class=class data-level=l.level.clone() data-target=on_target.then_some("")>
                    {l.count}
                    {on_target.then(|| view! { <span class="visually-hidden">{format!(" ({})", crate::i18n::team(&words.lang).target_marker)}</span> })}
                </td>
            }
        })
        .collect_view();
    let target = targeted.then(|| {
        let level = d
            .target
            .as_deref()
            .map_or_else(|| "–".to_string(), |l| words.level(l));
        let below = d
            .below_target
            .map_or_else(|| "–".to_string(), |n| n.to_string());
        view! {
            <td class="target-level">{level}</td>
            <td class="below-target">{below}</td>
        }
    });
    view! {
        <tr data-id=d.id.clone()>
            <th scope="row">{words.dimension(&d.id)}</th>
            <td>{median}</td>
            {cells}
            {target}
        </tr>
    }
}

/// 0 for an empty cell, then 1–4 by the share of the dimension's people in it.
fn shade(count: usize, of: usize) -> usize {
    if count == 0 || of == 0 {
        return 0;
    }
    1 + (count * 4 / of).min(3)
}
