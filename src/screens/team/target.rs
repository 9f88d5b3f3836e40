//! Choosing a target profile: none, one shipped for a common role, or a file of the lead's own.
//! Profiles that do not fit the survey (a custom one) are not offered; a file that does not fit
//! is refused with each problem named.

use leptos::prelude::*;
use skillscope_engine::aggregate::Target;
use wasm_bindgen::JsCast;

use super::state::{TargetChoice, TeamDesk};
use super::targets::PROFILES;
use crate::session::Session;

#[component]
pub fn TargetPicker() -> impl IntoView {
    let session = expect_context::<Session>();
    let desk = expect_context::<TeamDesk>();
    let ui = move || session.team_ui();
    let survey = session.survey();
    let fitting: Vec<usize> = (0..PROFILES.len())
        .filter(|&i| Target::from_json(&survey, PROFILES[i].1).is_ok())
        .collect();
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let choice = match value.as_str() {
            "" => TargetChoice::None,
            "file" => desk.target.get_untracked(),
            n => n.parse().map_or(TargetChoice::None, TargetChoice::Profile),
        };
        desk.target.set(choice);
        desk.retarget(&session.survey());
    };
    let is = move |value: &str| {
        let current = match desk.target.get() {
            TargetChoice::None => String::new(),
            TargetChoice::Profile(i) => i.to_string(),
            TargetChoice::File { .. } => "file".into(),
        };
        current == value
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    let open = move |_| {
        if let Some(input) = file_input.get() {
            input.click();
        }
    };
    let opened = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            match Target::from_json(&session.survey(), &text) {
                Ok(target) => {
                    desk.target_problems.set(Vec::new());
                    desk.target.set(TargetChoice::File { name, target });
                    desk.retarget(&session.survey());
                }
                Err(errors) => {
                    desk.target_problems
                        .set(errors.iter().map(ToString::to_string).collect());
                }
            }
        });
    };
    let file_option = move || match desk.target.get() {
        TargetChoice::File { name, .. } => Some(view! {
            <option value="file" selected=true>{crate::i18n::fill(ui().target_file, &[("name", &name)])}</option>
        }),
        _ => None,
    };
    let problems = move || {
        let problems = desk.target_problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div id="team-target-problems" class="target-problems" role="alert">
                    <p>{ui().target_refused}</p>
                    <ul>{problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    view! {
        <div class="target-picker">
            <label for="team-target">{move || ui().target_label}</label>
            <select id="team-target" on:change=choose>
                <option value="" prop:selected=move || is("")>{move || ui().target_none}</option>
                {fitting
                    .iter()
                    .map(|&i| view! {
                        <option value=i.to_string() prop:selected=move || is(&i.to_string())>
                            {move || ui().target_names[i]}
                        </option>
                    })
                    .collect_view()}
                {file_option}
            </select>
            <button type="button" id="team-target-open" on:click=open>{move || ui().target_open}</button>
            <input
                type="file"
                id="team-target-file"
                class="visually-hidden"
                accept=".json,application/json"
                tabindex="-1"
                aria-hidden="true"
                node_ref=file_input
                on:change=opened
            />
            <p class="fine">{move || ui().target_hint}</p>
            {problems}
        </div>
    }
}
