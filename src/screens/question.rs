//! One question per screen, with its section, position, progress bar, and Back / Next.

use leptos::html;
use leptos::prelude::*;
use skillscope_engine::Kind;
use wasm_bindgen::JsCast;

use super::widgets::{ChoiceList, NumberInput, ReflectionInput, Scale};
use crate::flow;
use crate::i18n::fill;
use crate::session::Session;

#[component]
pub fn QuestionScreen(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let survey = session.survey();
    let Some(question) = survey.question_at(index).cloned() else {
        return ().into_any();
    };
    let section_def = survey
        .section_of(index)
        .and_then(|s| survey.definition().sections.get(s));
    let section = section_def.map(|s| s.title.clone());
    // The section's intro says how to rate (the time window, the highest done), so it goes with
    // the rated questions and not with knowledge checks, whose answers are right or wrong.
    let intro = section_def
        .and_then(|s| s.intro.clone())
        .filter(|_| question.kind.is_scored());
    let ui = move || session.ui();
    let position = move || flow::position(&session.survey(), &session.answers.get(), index);
    let legend = NodeRef::<html::Legend>::new();
    // Each step moves focus to the new question, so screen readers read it and keyboard users
    // continue from the top.
    Effect::new(move |_| {
        if let Some(el) = legend.get() {
            crate::focus_screen(&el);
        }
    });

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let in_text = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "BUTTON" | "SELECT"));
        if in_text {
            return;
        }
        let key = ev.key();
        if key == "Enter" {
            ev.prevent_default();
            session.next();
        } else if let Some(n) = key.parse::<u32>().ok().filter(|n| (1..=9).contains(n)) {
            // Number keys pick the nth choice, whatever the widget (options or a scale).
            let nth = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|form| {
                    form.query_selector_all("input[type=radio], input[type=checkbox]")
                        .ok()
                })
                .and_then(|inputs| inputs.item(n - 1))
                .and_then(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = nth {
                ev.prevent_default();
                input.click();
                let _ = input.focus();
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        session.next();
    };

    let kind = question.kind;
    let required = question.is_required();
    let help = question.help.clone();
    let text = question.text.clone();
    let legend_id = format!("q{index}-legend");
    let help_id = format!("q{index}-help");
    let error_id = format!("q{index}-error");
    let intro_id = format!("q{index}-intro");
    let described_by = [
        intro.is_some().then_some(intro_id.as_str()),
        help.is_some().then_some(help_id.as_str()),
        Some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let widget = match kind {
        Kind::Anchored | Kind::Single | Kind::Knowledge => {
            view! { <ChoiceList index question=question.clone() multi=false /> }.into_any()
        }
        Kind::Context if !question.is_numeric() => {
            view! { <ChoiceList index question=question.clone() multi=false /> }.into_any()
        }
        Kind::Multi => {
            view! { <ChoiceList index question=question.clone() multi=true /> }.into_any()
        }
        Kind::Likert => view! { <Scale index question=question.clone() /> }.into_any(),
        Kind::Number | Kind::Context => {
            view! { <NumberInput index question=question.clone() labelled_by=legend_id.clone() /> }
                .into_any()
        }
        Kind::Text => {
            view! { <ReflectionInput question=question.clone() labelled_by=legend_id.clone() /> }
                .into_any()
        }
    };

    let section_labelled_by = legend_id.clone();
    view! {
        <section class="question-screen" aria-labelledby=section_labelled_by>
            <div class="step-head">
                <h1 class="section-name">{move || section.as_ref().map(|t| session.text(t))}</h1>
                {intro.map(|t| view! { <p class="section-intro" id=intro_id>{move || session.text(&t)}</p> })}
                <p class="position">
                    {move || {
                        let (n, total) = position();
                        fill(ui().progress, &[("n", &n), ("total", &total)])
                    }}
                </p>
                <progress
                    class="progress"
                    max=move || position().1.to_string()
                    value=move || position().0.to_string()
                    aria-hidden="true"
                ></progress>
            </div>
            <form class="question" on:submit=on_submit on:keydown=on_key novalidate>
                <fieldset aria-describedby=described_by>
                    <legend id=legend_id tabindex="-1" node_ref=legend>
                        <span class="question-text">{move || session.text(&text)}</span>
                        {(!required).then(|| view! { <span class="optional">{move || ui().optional}</span> })}
                    </legend>
                    {help.map(|h| view! { <p class="help" id=help_id>{move || session.text(&h)}</p> })}
                    {widget}
                </fieldset>
                <p class="error" id=error_id role="alert">
                    {move || session.steps.refused.get().then(|| ui().required)}
                </p>
                <div class="nav">
                    <button type="button" class="secondary" on:click=move |_| session.back()>{move || ui().back}</button>
                    <button type="submit" class="primary">{move || ui().next}</button>
                </div>
            </form>
            <Show when=move || position().0 == 1>
                <p class="shortcuts">{move || ui().shortcuts}</p>
            </Show>
        </section>
    }
    .into_any()
}
