//! Persona preview: the report a person at chosen levels would get, shown while the survey is
//! written, so its rules can be tuned before anyone takes it. The engine simulates the answers
//! (`simulate`) and reports on them exactly as it would for a respondent.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::report::Quadrant;
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{report, Survey, Timing};

use super::check::Checked;
use crate::i18n::fill;
use crate::session::Session;

#[component]
pub fn PersonaPreview(checked: RwSignal<Checked>) -> impl IntoView {
    // Level index for everyone, and for the dimensions set apart from them; kept while the
    // preview is drawn anew for each version of the draft.
    let everyone = RwSignal::new(None::<usize>);
    let apart = RwSignal::new(BTreeMap::<String, usize>::new());
    move || match checked.get() {
        Checked::Valid { survey, .. } => view! { <Preview survey everyone apart /> }.into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn Preview(
    survey: Arc<Survey>,
    everyone: RwSignal<Option<usize>>,
    apart: RwSignal<BTreeMap<String, usize>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.studio_ui();
    let lang = move || session.lang.get();
    let levels: Vec<String> = survey
        .levels()
        .iter()
        .map(|l| {
            l.name
                .get(&session.lang.get_untracked(), survey.default_lang())
                .to_string()
        })
        .collect();
    // The middle level, which on the default five is Practitioner.
    let count = levels.len();
    let level_of = move || {
        everyone
            .get()
            .unwrap_or(count / 2)
            .min(count.saturating_sub(1))
    };
    let result = {
        let survey = survey.clone();
        move || {
            let persona = Persona {
                levels: apart.get(),
                default_level: level_of(),
                knows: true,
                ..Persona::default()
            };
            report(&survey, &simulate(&survey, &persona), Timing::default())
        }
    };
    let options = {
        let levels = levels.clone();
        move |selected: Option<usize>| {
            levels
                .iter()
                .enumerate()
                .map(|(i, name)| view! { <option value=i.to_string() selected=selected == Some(i)>{name.clone()}</option> })
                .collect_view()
        }
    };
    let dimensions: Vec<(String, String)> = survey
        .definition()
        .dimensions
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                survey
                    .dimension_name(&d.id, &session.lang.get_untracked())
                    .to_string(),
            )
        })
        .collect();
    let summary = {
        let survey = survey.clone();
        move || {
            let r = result();
            let rui = session.report_ui();
            let readiness = r
                .readiness
                .map_or_else(|| rui.unknown.to_string(), |x| format!("{x:.0}"));
            let quadrant = r
                .quadrant
                .map_or(rui.unknown, |q: Quadrant| rui.quadrants[q.index()].0);
            let lang = lang();
            let title = |id: &str| {
                survey
                    .definition()
                    .paths
                    .iter()
                    .find(|p| p.id == id)
                    .map_or_else(
                        || id.to_string(),
                        |p| p.title.get(&lang, survey.default_lang()).to_string(),
                    )
            };
            let paths: Vec<String> = r
                .shown_paths()
                .map(|fit| format!("{} ({:.0})", title(&fit.id), fit.fit))
                .collect();
            let flags: Vec<String> = r
                .flags
                .iter()
                .map(|f| rui.flag(f, |d| survey.dimension_name(d, &lang).to_string()))
                .collect();
            let no_flags = flags.is_empty();
            view! {
                <p id="persona-readiness">{fill(ui().persona_readiness, &[("n", &readiness)])}</p>
                <p id="persona-quadrant">{fill(ui().persona_quadrant, &[("name", &quadrant)])}</p>
                <h3>{ui().persona_paths}</h3>
                <ol id="persona-paths">{paths.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ol>
                <h3>{ui().persona_flags}</h3>
                <ul id="persona-flags">
                    {flags.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                    {no_flags.then(|| view! { <li>{rui.no_flags}</li> })}
                </ul>
            }
        }
    };
    let everyone_options = options.clone();
    view! {
        <section class="studio-persona" aria-labelledby="persona-title">
            <h2 id="persona-title">{move || ui().persona_title}</h2>
            <p class="fine">{move || ui().persona_intro}</p>
            <label for="persona-everyone" class="field-label">{move || ui().persona_everyone}</label>
            <select id="persona-everyone" on:change=move |ev| everyone.set(event_target_value(&ev).parse().ok())>
                {everyone_options(Some(level_of()))}
            </select>
            <details class="persona-apart">
                <summary>{move || ui().persona_apart}</summary>
                {dimensions.into_iter().map(|(id, name)| {
                    let select_id = format!("persona-dim-{id}");
                    let chosen = apart.with_untracked(|a| a.get(&id).copied());
                    let options = options.clone();
                    let key = id.clone();
                    view! {
                        <p>
                            <label for=select_id.clone()>{name}</label>" "
                            <select id=select_id on:change=move |ev| {
                                let value: Option<usize> = event_target_value(&ev).parse().ok();
                                apart.update(|a| match value {
                                    Some(level) => { a.insert(key.clone(), level); }
                                    None => { a.remove(&key); }
                                });
                            }>
                                <option value="" selected=chosen.is_none()>{move || ui().persona_as_everyone}</option>
                                {options(chosen)}
                            </select>
                        </p>
                    }
                }).collect_view()}
            </details>
            <div id="persona-result" aria-live="polite">{summary}</div>
        </section>
    }
}
