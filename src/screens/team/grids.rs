//! The summary's plain tables: where the team stands, its profiles, the paths that come up most,
//! and whether each dimension's items hang together. One small component draws them all.

use leptos::prelude::*;
use skillscope_engine::aggregate::{Spread, TeamSummary};

use crate::screens::report::Words;

/// One table: column heads, and rows of a row head and its cells.
pub struct Grid {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: Option<&'static str>,
    pub head: Vec<String>,
    /// Row id (for `data-id`), row head, cells.
    pub rows: Vec<(String, String, Vec<String>)>,
}

pub fn figures(summary: &TeamSummary, words: &Words) -> impl IntoView {
    let (team, report) = (
        crate::i18n::team(&words.lang),
        crate::i18n::report(&words.lang),
    );
    // A figure nobody's answers support is left out rather than shown as zero.
    let spread = |id: &str, name: &str, s: Option<Spread>| {
        s.map(|s| {
            (
                id.to_string(),
                name.to_string(),
                vec![round(s.median), round(s.min), round(s.max)],
            )
        })
    };
    let overview = Grid {
        id: "team-overview",
        title: team.overview_title,
        intro: None,
        head: [
            team.col_measure,
            team.col_median,
            team.col_lowest,
            team.col_highest,
        ]
        .map(String::from)
        .to_vec(),
        rows: [
            spread("readiness", team.readiness, summary.readiness),
            spread("ai-depth", report.ai_depth, summary.ai_depth),
            spread(
                "learning-agility",
                report.learning_agility,
                summary.learning_agility,
            ),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    let quadrants = Grid {
        id: "team-quadrants",
        title: team.quadrants_title,
        intro: None,
        head: vec![team.col_profile.into(), team.col_people.into()],
        rows: summary
            .quadrants
            .iter()
            .map(|q| {
                let name = report.quadrants[q.quadrant.index()].0;
                (
                    q.quadrant.id().into(),
                    name.into(),
                    vec![q.count.to_string()],
                )
            })
            .collect(),
    };
    let paths = Grid {
        id: "team-paths",
        title: team.paths_title,
        intro: None,
        head: [team.col_path, team.col_first, team.col_top3]
            .map(String::from)
            .to_vec(),
        rows: summary
            .paths
            .iter()
            .map(|p| {
                let cells = vec![p.first.to_string(), p.top3.to_string()];
                (p.id.clone(), words.path_title(&p.id), cells)
            })
            .collect(),
    };
    let measured: Vec<_> = summary
        .dimensions
        .iter()
        .filter_map(|d| Some((d, d.alpha?)))
        .collect();
    let consistency = (!measured.is_empty()).then(|| Grid {
        id: "team-consistency",
        title: team.consistency_title,
        intro: Some(team.consistency_intro),
        head: [
            report.col_dimension,
            team.col_alpha,
            team.col_people,
            team.col_weakest,
        ]
        .map(String::from)
        .to_vec(),
        rows: measured
            .iter()
            .map(|(d, alpha)| {
                let weakest = d.weakest_item().map_or_else(
                    || "–".into(),
                    |(i, r)| format!("{} ({})", i.question, decimal(r, &words.lang)),
                );
                let cells = vec![
                    decimal(*alpha, &words.lang),
                    d.alpha_people.to_string(),
                    weakest,
                ];
                (d.id.clone(), words.dimension(&d.id), cells)
            })
            .collect(),
    });
    [Some(overview), Some(quadrants), Some(paths), consistency]
        .into_iter()
        .flatten()
        .map(|grid| view! { <GridSection grid /> })
        .collect_view()
}

/// A titled table that scrolls inside its own focusable region on narrow screens, not the page.
#[component]
pub fn GridSection(grid: Grid) -> impl IntoView {
    let title_id = format!("{}-title", grid.id);
    let region_label = title_id.clone();
    // The scrolling region is the landmark, named by the heading; the section only groups.
    view! {
        <section class="team-section" id=grid.id>
            <h2 id=title_id>{grid.title}</h2>
            {grid.intro.map(|text| view! { <p>{text}</p> })}
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby=region_label>
                <table class="dimension-table team-table">
                    <thead>
                        <tr>{grid.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {grid
                            .rows
                            .into_iter()
                            .map(|(id, name, cells)| view! {
                                <tr data-id=id>
                                    <th scope="row">{name}</th>
                                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

pub fn round(x: f64) -> String {
    format!("{x:.0}")
}

/// Two decimals, with the decimal comma German and Spanish write.
fn decimal(x: f64, lang: &str) -> String {
    let text = format!("{x:.2}");
    match lang {
        "de" | "es" => text.replace('.', ","),
        _ => text,
    }
}
