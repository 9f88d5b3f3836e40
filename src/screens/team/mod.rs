//! The team summary: a lead pastes the result links people sent and sees where the team is thin,
//! and whether to build, borrow or hold each skill. The engine reads the links and aggregates
//! them; these components lay the figures out. Nothing pasted here is stored or sent.

mod advice;
mod grids;
mod heatmap;
mod state;
mod target;
mod targets;

use leptos::prelude::*;
use skillscope_engine::aggregate::{LineProblem, LineProblemKind, TeamSummary};

pub use state::TeamDesk;

use super::report::Words;
use crate::flow::Screen;
use crate::i18n::{fill, plural};
use crate::on_demand::TeamArea;
use crate::session::Session;

/// The team chunk's one entry point.
pub fn area() -> TeamArea {
    TeamArea {
        screen: || {
            expect_context::<Session>().ensure_paths();
            view! { <TeamScreen /> }.into_any()
        },
    }
}

#[component]
fn TeamScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let desk = expect_context::<TeamDesk>();
    let ui = move || session.team_ui();
    // Emptied on each press and filled a moment later, so that a screen reader announces the
    // status even when a second press gives the same words.
    let status_shown = RwSignal::new(true);
    let summarise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status_shown.set(false);
        desk.summarise(session.survey(), move || {
            set_timeout(
                move || status_shown.set(true),
                std::time::Duration::from_millis(150),
            );
        });
    };
    let back = move |_| {
        session.steps.navigated.set(true);
        session.screen.set(Screen::Start);
    };
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    let status = move || {
        // Said once while reading; the progress bar carries how far, so a screen reader is not
        // told a new number every slice.
        if let Some((_, total)) = desk.progress.get() {
            return Some(fill(ui().reading, &[("total", &total)]));
        }
        let outcome = desk.outcome.get().filter(|_| status_shown.get())?;
        let counted = match &outcome.summary {
            Ok(s) => fill(
                plural(ui().counted, s.respondents as f64),
                &[("n", &s.respondents)],
            ),
            Err(too_few) if too_few.found == 0 => ui().none.to_string(),
            Err(too_few) => fill(
                plural(ui().too_few, too_few.found as f64),
                &[("needed", &too_few.needed), ("found", &too_few.found)],
            ),
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
        let outcome = desk.outcome.get()?;
        let words = Words {
            survey: session.survey(),
            lang: session.lang.get(),
        };
        Some(view! {
            <LeftOut problems=outcome.problems.clone() />
            {outcome.summary.clone().ok().map(|summary| view! { <Summary summary words /> })}
        })
    };
    view! {
        <section class="team" aria-labelledby="team-title">
            <h1 id="team-title" tabindex="-1" node_ref=heading>{move || session.ui().team_title}</h1>
            <p class="intro no-print">{move || ui().intro}</p>
            <form class="team-form no-print" on:submit=summarise>
                <label for="team-links">{move || ui().label}</label>
                <textarea
                    id="team-links"
                    class="text-field"
                    rows="8"
                    spellcheck="false"
                    autocomplete="off"
                    prop:value=move || desk.links.get()
                    on:input=move |ev| desk.links.set(event_target_value(&ev))
                ></textarea>
                <target::TargetPicker />
                <div class="actions">
                    <button type="submit" class="primary" id="summarise">{move || ui().summarise}</button>
                    <button type="button" id="team-back" on:click=back>{move || ui().back}</button>
                </div>
            </form>
            {move || desk.progress.get().map(|(read, total)| view! {
                <progress id="team-progress" class="no-print" max=total value=read aria-label=move || fill(ui().reading, &[("total", &total)])></progress>
            })}
            <p id="team-status" role="status">{status}</p>
            {results}
        </section>
    }
}

/// The lines that were not counted, each with why.
#[component]
fn LeftOut(problems: Vec<LineProblem>) -> impl IntoView {
    let session = expect_context::<Session>();
    let (team_ui, report_ui) = (session.team_ui(), session.report_ui());
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    (!problems.is_empty()).then(|| {
        view! {
            <section class="team-problems no-print" aria-labelledby="left-out-title">
                <h2 id="left-out-title">{team_ui.left_out}</h2>
                <ul id="team-problems">
                    {problems
                        .into_iter()
                        .take(SHOWN_PROBLEMS)
                        .map(|p| {
                            let text = match p.kind {
                                LineProblemKind::Code(e) => fill(
                                    team_ui.line,
                                    &[("line", &p.line), ("reason", &report_ui.link_reason(&e))],
                                ),
                                LineProblemKind::Repeat { of } => {
                                    fill(team_ui.repeat, &[("line", &p.line), ("of", &of)])
                                }
                            };
                            view! { <li>{text}</li> }
                        })
                        .collect_view()}
                </ul>
                {(more > 0).then(|| view! {
                    <p id="team-problems-more">{fill(plural(team_ui.more_left_out, more as f64), &[("n", &more)])}</p>
                })}
            </section>
        }
    })
}

/// Lines named one by one; a paste with thousands of bad lines lists the first ones and counts
/// the rest.
const SHOWN_PROBLEMS: usize = 100;

/// Everything a summary shows, from what to do first to the figures behind it.
#[component]
fn Summary(summary: TeamSummary, words: Words) -> impl IntoView {
    let (team_ui, report_ui) = (
        crate::i18n::team(&words.lang),
        crate::i18n::report(&words.lang),
    );
    let csv = crate::export::team_csv(&words.survey, &summary, &words.lang);
    let name = format!("skillscope-{}-team.csv", words.survey.id());
    let actions = view! {
        <p class="actions no-print">
            <button type="button" id="team-csv" on:click=move |_| crate::export::download(&name, "text/csv", &csv)>
                {report_ui.csv}
            </button>
            <button type="button" id="team-print" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{report_ui.print}</button>
        </p>
    };
    view! {
        {actions}
        <advice::WhereToStart summary=summary.clone() words=words.clone() />
        <advice::BuildBorrowHold summary=summary.clone() words=words.clone() />
        <heatmap::Heatmap summary=summary.clone() words=words.clone() />
        {grids::figures(&summary, &words)}
        <p class="fine">{team_ui.caveat}</p>
    }
}
