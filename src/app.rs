//! The root component: chrome (skip link, language, theme), notices, and the current screen.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::builtin;

use crate::flow::{self, Screen};
use crate::screens::{BadLinkScreen, QuestionScreen, ReportScreen, ReviewScreen, StartScreen};
use crate::session::Session;
use crate::{i18n, prefs, storage};

#[component]
pub fn App() -> impl IntoView {
    let Some(survey) = builtin::survey(builtin::DEFAULT_ID) else {
        // Tests guarantee the built-in survey validates; this is the last line of defence.
        return view! { <main id="main"><p role="alert">"The built-in assessment could not be loaded."</p></main> }
            .into_any();
    };
    let survey = Arc::new(survey);
    let lang = prefs::initial_lang(&survey.languages());
    let session = Session::restore(survey, lang);
    provide_context(session);
    if let Some(code) = prefs::fragment_param("r") {
        session.open_shared(&code);
    }

    // The one place progress is saved: after every change of answers or screen.
    Effect::new(move |_| {
        let answers = session.answers.get();
        let screen = session.screen.get();
        session.persist(&answers, screen);
    });
    Effect::new(move |_| prefs::apply_lang(&session.lang.get()));

    view! {
        <SkipLink />
        <header class="top">
            <span class="brand" aria-hidden="true">"Skillscope"</span>
            <div class="top-controls">
                <LanguageSwitch />
                <ThemeToggle />
            </div>
        </header>
        <Notices />
        <main id="main" tabindex="-1">
            {move || match session.screen.get() {
                Screen::Start => view! { <StartScreen /> }.into_any(),
                Screen::Question(i) => view! { <QuestionScreen index=i /> }.into_any(),
                Screen::Review => view! { <ReviewScreen /> }.into_any(),
                Screen::Report => view! { <ReportScreen /> }.into_any(),
                Screen::BadLink => {
                    let reason = session.link_error.get_untracked().unwrap_or_default();
                    view! { <BadLinkScreen reason /> }.into_any()
                }
            }}
        </main>
        <Announcer />
    }
    .into_any()
}

/// Moves focus to the main content without touching the URL fragment, which carries results.
#[component]
fn SkipLink() -> impl IntoView {
    let session = expect_context::<Session>();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    view! { <a class="skip-link" href="#main" on:click=skip>{move || session.ui().skip}</a> }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let session = expect_context::<Session>();
    let langs: Vec<(&'static str, &'static str)> = i18n::LANGUAGES
        .iter()
        .copied()
        .filter(|(code, _)| session.survey().languages().contains(code))
        .collect();
    let on_change = move |ev| {
        let lang = event_target_value(&ev);
        storage::save_pref("lang", &lang);
        session.lang.set(lang);
    };
    view! {
        <label class="lang">
            <span class="visually-hidden">{move || session.ui().language}</span>
            <select on:change=on_change prop:value=move || session.lang.get()>
                {langs
                    .into_iter()
                    .map(|(code, name)| {
                        view! { <option value=code lang=code selected=move || session.lang.get() == code>{name}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn ThemeToggle() -> impl IntoView {
    let session = expect_context::<Session>();
    let dark = RwSignal::new(prefs::initial_dark());
    Effect::new(move |_| prefs::apply_theme(dark.get()));
    let toggle = move |_| {
        let next = !dark.get_untracked();
        storage::save_pref("theme", if next { "dark" } else { "light" });
        dark.set(next);
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            {move || session.ui().dark}
        </button>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let session = expect_context::<Session>();
    let storage_dismissed = RwSignal::new(false);
    view! {
        <div class="notices" role="status">
            <Show when=move || !session.storage_ok.get() && !storage_dismissed.get()>
                <p class="notice" id="storage-notice">
                    {move || session.ui().storage_off}
                    " "
                    <button type="button" class="link" on:click=move |_| storage_dismissed.set(true)>
                        {move || session.ui().dismiss}
                    </button>
                </p>
            </Show>
            {move || {
                session
                    .notice
                    .get()
                    .map(|text| {
                        view! {
                            <p class="notice" id="survey-notice">
                                {text}
                                " "
                                <button type="button" class="link" on:click=move |_| session.notice.set(None)>
                                    {move || session.ui().dismiss}
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Politely announces progress to screen readers on each step.
#[component]
fn Announcer() -> impl IntoView {
    let session = expect_context::<Session>();
    let message = move || match session.screen.get() {
        Screen::Question(i) => {
            let survey = session.survey();
            let (n, total) = flow::position(&survey, &session.answers.get_untracked(), i);
            i18n::fill(session.ui().progress, &[("n", &n), ("total", &total)])
        }
        Screen::Review => session.ui().review_title.to_string(),
        _ => String::new(),
    };
    view! { <div class="visually-hidden" aria-live="polite" id="announcer">{message}</div> }
}
