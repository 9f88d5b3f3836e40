//! Answer widgets. Each binds one question's answer in the session; none knows about scoring.

use leptos::prelude::*;
use skillscope_engine::{Answer, Question};

use crate::session::Session;

/// Stable DOM id of an option's input, so keyboard shortcuts and tests can find it.
pub fn option_dom_id(index: usize, option: &str) -> String {
    format!("q{index}-opt-{option}")
}

/// Radio buttons (single choice) or checkboxes (multi), as native inputs so arrow keys, screen
/// readers and forms all behave as people expect.
#[component]
pub fn ChoiceList(index: usize, question: Question, multi: bool) -> impl IntoView {
    let session = expect_context::<Session>();
    let qid = question.id.clone();
    question
        .options
        .into_iter()
        .map(|option| {
            let oid = option.id.clone();
            let (q1, o1) = (qid.clone(), oid.clone());
            let checked = move || match session.answers.get().get(&q1) {
                Some(Answer::Str(s)) => *s == o1,
                Some(Answer::List(l)) => l.contains(&o1),
                _ => false,
            };
            let (q2, o2) = (qid.clone(), oid.clone());
            let on_change = move |ev| {
                let on = event_target_checked(&ev);
                if !multi {
                    session.set_answer(&q2, Answer::Str(o2.clone()));
                    return;
                }
                let mut chosen = match session.answers.get_untracked().get(&q2) {
                    Some(Answer::List(l)) => l.clone(),
                    _ => Vec::new(),
                };
                chosen.retain(|x| x != &o2);
                if on {
                    chosen.push(o2.clone());
                }
                session.set_answer(&q2, Answer::List(chosen));
            };
            let text = option.text.clone();
            view! {
                <label class="option" for=option_dom_id(index, &oid)>
                    <input
                        type=if multi { "checkbox" } else { "radio" }
                        id=option_dom_id(index, &oid)
                        name=qid.clone()
                        value=oid.clone()
                        prop:checked=checked
                        on:change=on_change
                    />
                    <span>{move || session.text(&text)}</span>
                </label>
            }
        })
        .collect_view()
}

/// The words for point `p` (from 1) of an agreement scale: the definition's own, the default
/// five-point wording, or else the number.
pub fn scale_label(session: &Session, q: &Question, p: u8) -> String {
    match q.labels.get(usize::from(p.saturating_sub(1))) {
        Some(t) => session.text(t),
        None if q.points.unwrap_or(5) == 5 && (1..=5).contains(&p) => {
            session.ui().likert[usize::from(p - 1)].to_string()
        }
        None => p.to_string(),
    }
}

/// An agreement scale as radio buttons, labelled from the definition or the default wording.
#[component]
pub fn Scale(index: usize, question: Question) -> impl IntoView {
    let session = expect_context::<Session>();
    let points = question.points.unwrap_or(5);
    let qid = question.id.clone();
    let question = std::sync::Arc::new(question);
    (1..=points)
        .map(|p| {
            let q = question.clone();
            let text = move || scale_label(&session, &q, p);
            let q1 = qid.clone();
            let q2 = qid.clone();
            let id = option_dom_id(index, &p.to_string());
            let label_for = id.clone();
            view! {
                <label class="option" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=qid.clone()
                        value=p.to_string()
                        prop:checked=move || session.answers.get().get(&q1) == Some(&Answer::Number(f64::from(p)))
                        on:change=move |_| session.set_answer(&q2, Answer::Number(f64::from(p)))
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view()
}

/// A slider with its value shown. An untouched slider shows its middle value, which Next accepts
/// as the answer, so keyboard and screen-reader users are never stuck.
#[component]
pub fn NumberInput(index: usize, question: Question, labelled_by: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let (min, max, step) = question.range();
    let middle = crate::flow::slider_start(&question);
    let qid = question.id.clone();
    let q1 = qid.clone();
    let value = move || match session.answers.get().get(&q1) {
        Some(Answer::Number(n)) => *n,
        _ => middle,
    };
    let value = Signal::derive(value);
    let unit = question.unit.clone();
    let shown = move || {
        let unit = unit.as_ref().map(|u| session.text(u)).unwrap_or_default();
        format!("{} {unit}", value.get()).trim().to_string()
    };
    let q2 = qid.clone();
    let on_input = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<f64>() {
            session.set_answer(&q2, Answer::Number(n));
        }
    };
    let output_id = format!("q{index}-value");
    view! {
        <div class="slider">
            <input
                type="range"
                id=format!("q{index}-range")
                min=min.to_string()
                max=max.to_string()
                step=step.to_string()
                prop:value=move || value.get().to_string()
                aria-labelledby=labelled_by
                aria-describedby=output_id.clone()
                aria-valuetext=shown.clone()
                on:input=on_input
            />
            <output id=output_id aria-hidden="true">{shown}</output>
        </div>
        <p class="hint">{move || session.ui().slider_hint}</p>
    }
}

/// Free reflection; kept with the answers but never scored or put in a result code.
#[component]
pub fn ReflectionInput(question: Question, labelled_by: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let qid = question.id.clone();
    let q1 = qid.clone();
    let value = move || match session.answers.get_untracked().get(&q1) {
        Some(Answer::Str(s)) => s.clone(),
        _ => String::new(),
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            session.clear_answer(&qid);
        } else {
            session.set_answer(&qid, Answer::Str(text));
        }
    };
    view! { <textarea rows="5" aria-labelledby=labelled_by maxlength="10000" on:input=on_input prop:value=value></textarea> }
}
