//! Review: every visible question by section, with its answer, a way back to it, and the way on
//! to the report.

use leptos::prelude::*;
use skillscope_engine::{Answer, Kind, Question};

use crate::i18n::{fill, plural};
use crate::session::Session;

#[component]
pub fn ReviewScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.ui();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        let Some(h) = heading.get() else { return };
        // Back from "Change", keyboard users continue from the row they edited, not the top.
        let edited = session.steps.changed.get_untracked().and_then(|i| {
            use wasm_bindgen::JsCast;
            let button = document().get_element_by_id(&format!("change-{i}"))?;
            button.dyn_into::<web_sys::HtmlElement>().ok()
        });
        session.steps.changed.set(None);
        crate::focus_screen(&edited.unwrap_or_else(|| h.into()));
    });
    let sections = move || {
        let survey = session.survey();
        let answers = session.answers.get();
        let visible = survey.visible(&answers);
        survey
            .definition()
            .sections
            .iter()
            .enumerate()
            .filter_map(|(s, section)| {
                let rows: Vec<(usize, Question)> = visible
                    .iter()
                    .filter(|&&i| survey.section_of(i) == Some(s))
                    .filter_map(|&i| Some((i, survey.question_at(i)?.clone())))
                    .collect();
                if rows.is_empty() {
                    return None;
                }
                let open: Vec<&Question> = rows
                    .iter()
                    .map(|(_, q)| q)
                    .filter(|q| answers.get(&q.id).is_none())
                    .collect();
                let missing = open.iter().filter(|q| q.is_required()).count();
                let skipped = open.len() - missing;
                let status = match (missing, skipped) {
                    (0, 0) => ui().review_all_done.to_string(),
                    (0, n) => fill(plural(ui().review_skipped, n as f64), &[("n", &n)]),
                    (n, _) => fill(plural(ui().review_missing, n as f64), &[("n", &n)]),
                };
                let done = open.is_empty();
                let title_id = format!("review-{}", section.id);
                let labelled_by = title_id.clone();
                Some(view! {
                    <section class="review-section" aria-labelledby=labelled_by>
                        <h2 id=title_id>{session.text(&section.title)}</h2>
                        <p class=if done { "status done" } else { "status open" }>{status}</p>
                        <ol class="review-list">
                            {rows
                                .into_iter()
                                .map(|(i, q)| {
                                    let summary = match answers.get(&q.id) {
                                        None if q.is_required() => ui().review_needed.to_string(),
                                        answer => answer_summary(&session, &q, answer),
                                    };
                                    let label = format!("{}: {}", ui().change, session.text(&q.text));
                                    view! {
                                        <li>
                                            <span class="review-q">{session.text(&q.text)}</span>
                                            <span class="review-a">{summary}</span>
                                            <button type="button" class="link" id=format!("change-{i}") aria-label=label on:click=move |_| session.change(i)>
                                                {ui().change}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    </section>
                })
            })
            .collect_view()
    };
    view! {
        <section class="review">
            <h1 tabindex="-1" node_ref=heading>{move || ui().review_title}</h1>
            <p>{move || ui().review_intro}</p>
            {sections}
            <div class="nav">
                <button type="button" class="secondary" on:click=move |_| session.back()>{move || ui().back}</button>
                <button type="button" class="primary" id="see-report" on:click=move |_| session.finish()>
                    {move || ui().see_report}
                </button>
            </div>
        </section>
    }
}

/// The answer in words: the chosen options' texts, the number, or "not answered".
fn answer_summary(session: &Session, q: &Question, answer: Option<&Answer>) -> String {
    let option_text = |id: &str| {
        q.options
            .iter()
            .find(|o| o.id == id)
            .map(|o| session.text(&o.text))
            .unwrap_or_default()
    };
    match answer {
        None => session.ui().not_answered.to_string(),
        Some(Answer::Str(s)) if q.options.is_empty() => s.chars().take(80).collect(),
        Some(Answer::Str(s)) => option_text(s),
        Some(Answer::List(l)) => l
            .iter()
            .map(|id| option_text(id))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Answer::Number(n)) if q.kind == Kind::Likert => {
            // Validated answers are whole points of the scale.
            crate::screens::widgets::scale_label(session, q, *n as u8)
        }
        Some(Answer::Number(n)) => {
            let unit = q.unit.as_ref().map(|u| session.text(u)).unwrap_or_default();
            format!("{n} {unit}").trim().to_string()
        }
    }
}
