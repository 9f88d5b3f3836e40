//! The team summary: a lead pastes the result links people sent and sees where the team stands.
//! The engine reads the links and aggregates them; this screen lays the figures out. Nothing
//! pasted here is stored, so closing the tab forgets it.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::aggregate::{
    aggregate, collect, LineProblem, LineProblemKind, Spread, TeamSummary,
};

use super::report::Words;
use crate::flow::Screen;
use crate::i18n::{fill, plural};
use crate::session::Session;

/// What the last "Summarise" found.
struct Outcome {
    summary: Option<TeamSummary>,
    problems: Vec<LineProblem>,
}

#[component]
pub fn TeamScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.ui().team;
    let pasted = session.team_links;
    let outcome = RwSignal::new(session.team_summarised.get_untracked().map(|text| {
        // Back from another language: the screen was drawn anew, the summary must not vanish.
        summarise_text(&session, &text)
    }));
    // Emptied on each press and filled a moment later, so that a screen reader announces the
    // status even when a second press gives the same words.
    let status_shown = RwSignal::new(true);
    let summarise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        status_shown.set(false);
        outcome.set(Some(summarise_text(&session, &text)));
        session.team_summarised.set(Some(text));
        set_timeout(
            move || status_shown.set(true),
            std::time::Duration::from_millis(150),
        );
    };
    let back = move |_| {
        session.navigated.set(true);
        session.screen.set(Screen::Start);
    };
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    let status = move || {
        let outcome = outcome.get().filter(|_| status_shown.get())?;
        let counted = match &outcome.summary {
            Some(s) => fill(
                plural(ui().counted, s.respondents as f64),
                &[("n", &s.respondents)],
            ),
            None => ui().none.to_string(),
        };
        let left_out = outcome.problems.len();
        Some(if left_out == 0 {
            counted
        } else {
            let lines = fill(
                plural(ui().lines_left_out, left_out as f64),
                &[("n", &left_out)],
            );
            format!("{counted} {lines}")
        })
    };
    let results = move || {
        let outcome = outcome.get()?;
        let words = Words {
            survey: session.survey(),
            lang: session.lang.get(),
        };
        Some(view! {
            <LeftOut problems=outcome.problems.clone() />
            {outcome.summary.clone().map(|summary| {
                let csv = crate::export::team_csv(&words.survey, &summary, &words.lang);
                let name = format!("skillscope-{}-team.csv", words.survey.id());
                let label = crate::i18n::strings(&words.lang).report.csv;
                view! {
                    <p class="no-print">
                        <button type="button" id="team-csv" on:click=move |_| crate::export::download(&name, "text/csv", &csv)>{label}</button>
                    </p>
                    <Summary summary words />
                }
            })}
        })
    };
    view! {
        <section class="team" aria-labelledby="team-title">
            <h1 id="team-title" tabindex="-1" node_ref=heading>{move || ui().title}</h1>
            <p class="intro">{move || ui().intro}</p>
            <form class="team-form no-print" on:submit=summarise>
                <label for="team-links">{move || ui().label}</label>
                <textarea
                    id="team-links"
                    class="text-field"
                    rows="8"
                    spellcheck="false"
                    autocomplete="off"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <div class="actions">
                    <button type="submit" class="primary" id="summarise">{move || ui().summarise}</button>
                    <button type="button" id="team-back" on:click=back>{move || ui().back}</button>
                </div>
            </form>
            <p id="team-status" role="status">{status}</p>
            {results}
        </section>
    }
}

fn summarise_text(session: &Session, text: &str) -> Arc<Outcome> {
    let survey = session.survey();
    let read = collect(&survey, text);
    Arc::new(Outcome {
        summary: aggregate(&survey, &read.answers),
        problems: read.problems,
    })
}

/// The lines that were not counted, each with why.
#[component]
fn LeftOut(problems: Vec<LineProblem>) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = session.ui();
    (!problems.is_empty()).then(|| {
        view! {
            <section class="team-problems" aria-labelledby="left-out-title">
                <h2 id="left-out-title">{ui.team.left_out}</h2>
                <ul id="team-problems">
                    {problems
                        .into_iter()
                        .map(|p| {
                            let text = match p.kind {
                                LineProblemKind::Code(e) => fill(
                                    ui.team.line,
                                    &[("line", &p.line), ("reason", &ui.report.link_reason(&e))],
                                ),
                                LineProblemKind::Repeat { of } => {
                                    fill(ui.team.repeat, &[("line", &p.line), ("of", &of)])
                                }
                            };
                            view! { <li>{text}</li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// One table of the summary: column heads, and rows of a row head and its cells. Kept as plain
/// data so that one small component draws all four tables.
struct Grid {
    id: &'static str,
    title: &'static str,
    intro: Option<&'static str>,
    head: Vec<String>,
    /// Row id (for `data-id`), row head, cells.
    rows: Vec<(String, String, Vec<String>)>,
}

#[component]
fn Summary(summary: TeamSummary, words: Words) -> impl IntoView {
    let ui = crate::i18n::strings(&words.lang);
    let (team, report) = (ui.team, ui.report);
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
        rows: vec![
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
    let mut head = vec![
        report.col_dimension.to_string(),
        team.col_median.to_string(),
    ];
    head.extend(words.survey.levels().iter().map(|l| words.level(&l.id)));
    let dimensions = Grid {
        id: "team-dimensions",
        title: team.dims_title,
        intro: Some(team.dims_intro),
        head,
        rows: summary
            .dimensions
            .iter()
            .map(|d| {
                let median = d.score.map_or_else(|| "–".to_string(), |s| round(s.median));
                let mut cells = vec![median];
                cells.extend(d.levels.iter().map(|l| l.count.to_string()));
                (d.id.clone(), words.dimension(&d.id), cells)
            })
            .collect(),
    };
    view! {
        {[overview, quadrants, paths, dimensions]
            .into_iter()
            .map(|grid| view! { <GridSection grid /> })
            .collect_view()}
        <p class="fine">{team.caveat}</p>
    }
}

/// A titled table that scrolls inside its own focusable region on narrow screens, not the page.
#[component]
fn GridSection(grid: Grid) -> impl IntoView {
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

fn round(x: f64) -> String {
    format!("{x:.0}")
}
