//! The root component: loads the survey, then shows the chrome (skip link, language, theme),
//! notices and the current screen.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::Survey;

use crate::embed::Embed;
use crate::flow::{self, Screen};
use crate::offline::{self, OfflineStatus};
use crate::on_demand::{OnDemand, REPORT, STUDIO, TEAM};
use crate::screens::{QuestionScreen, ReviewScreen, StartScreen};
use crate::session::Session;
use crate::source::{self, LoadError, Source};
use crate::{i18n, prefs, storage, theme};

/// What loading the survey came to.
#[derive(Clone)]
enum Load {
    Loading,
    /// The survey, and when it was saved if it is this device's copy, shown offline.
    Ready(Arc<Survey>, Option<f64>),
    Failed(LoadError),
}

#[component]
pub fn App() -> impl IntoView {
    let source = Source::from_location();
    let embed = Embed::from_location();
    if let Some(e) = &embed {
        e.apply_page_mode();
        e.watch_height();
    }
    let load = RwSignal::new(Load::Loading);
    let fetch = {
        let source = source.clone();
        move || {
            load.set(Load::Loading);
            let source = source.clone();
            leptos::task::spawn_local(async move {
                load.set(match source::load(source).await {
                    Ok(loaded) => Load::Ready(Arc::new(loaded.survey), loaded.offline_copy),
                    Err(e) => Load::Failed(e),
                });
            });
        }
    };
    fetch();
    let retry = StoredValue::new_local(fetch);
    view! {
        {move || match load.get() {
            Load::Loading => view! { <Loading /> }.into_any(),
            Load::Failed(error) => {
                view! { <LoadFailed error retry=move || retry.with_value(|f| f()) /> }.into_any()
            }
            Load::Ready(survey, offline_copy) => {
                let scope = source.storage_scope(&survey);
                let built_in = matches!(source, Source::Builtin(_));
                view! { <Runner survey scope built_in offline_copy embed=embed.clone() /> }.into_any()
            }
        }}
    }
}

/// The assessment itself, once a valid survey is at hand.
#[component]
fn Runner(
    survey: Arc<Survey>,
    scope: String,
    built_in: bool,
    offline_copy: Option<f64>,
    embed: Option<Embed>,
) -> impl IntoView {
    let lang = prefs::initial_lang(&survey.languages());
    theme::apply(
        survey
            .definition()
            .theme
            .as_ref()
            .and_then(|t| t.accent.as_deref()),
    );
    let session = Session::restore(survey, scope, built_in, lang);
    session.notices.offline_copy.set(offline_copy);
    provide_context(session);
    provide_context(OfflineStatus::watch());
    provide_context(crate::screens::TeamDesk::default());
    // Lets the e2e suite prove that a panic shows the friendly screen and loses no answers.
    if prefs::query_param("fault").as_deref() == Some("panic") {
        leptos::task::spawn_local(async { panic!("forced by ?fault=panic") });
    }
    if let Some(code) = prefs::fragment_param("r") {
        session.open_shared(code);
    } else if prefs::query_param("studio").is_some() {
        session.open_studio();
    }
    // Start pressed on the page index.html shows while the wasm loads begins the assessment;
    // with saved progress the person chooses between Continue and Start over instead. A Reload
    // into a new version (src/offline.rs) returns the person to where they were.
    let (early, resume) = (
        prefs::take_flag("data-start-early"),
        prefs::take_flag("data-resume"),
    );
    let fresh = session.resumable.get_untracked().is_none();
    if session.screen.get_untracked() == Screen::Start {
        if resume && !fresh {
            session.resume();
        } else if early && built_in && fresh {
            session.start();
        }
    }
    let report_loaded = RwSignal::new(REPORT.ready().is_some());
    // The report chunk is fetched while the person answers, so See my report is instant.
    Effect::new(move |_| {
        if matches!(session.screen.get(), Screen::Question(_) | Screen::Review) {
            REPORT.prefetch();
        }
    });

    // The one place progress is saved: after every change of answers or screen.
    Effect::new(move |_| {
        let answers = session.answers.get();
        let screen = session.screen.get();
        session.persist(&answers, screen);
    });
    Effect::new(move |_| prefs::apply_lang(&session.lang.get()));
    if let Some(embed) = embed.clone() {
        embed.send("ready", serde_json::json!({}));
        embed.listen(move |lang| {
            if session.survey().languages().contains(&lang.as_str()) {
                session.set_language(lang);
            }
        });
        let progress = embed.clone();
        Effect::new(move |_| {
            let answers = session.answers.get();
            let survey = session.survey();
            let answered = flow::answered(&survey, &answers);
            let total = survey.visible(&answers).len();
            progress.send(
                "progress",
                serde_json::json!({ "answered": answered, "total": total }),
            );
        });
        // Without the report chunk there is no report yet; the host hears when there is, also
        // after a Retry.
        Effect::new(move |_| {
            let loaded = report_loaded.get();
            let own_report = session.screen.get() == Screen::Report && !session.shared.active.get();
            if let Some(report) = REPORT.ready().filter(|_| own_report && loaded) {
                embed.send("complete", (report.completion)(&session));
            }
        });
    }

    view! {
        <SkipLink />
        <header class="top">
            <Brand />
            <div class="top-controls">
                <LanguageSwitch />
                <ThemeToggle />
            </div>
        </header>
        <Notices />
        <main id="main" tabindex="-1">
            {move || {
                session.revision.track();
                match session.screen.get() {
                Screen::Start => view! { <StartScreen /> }.into_any(),
                Screen::Question(i) => view! { <QuestionScreen index=i /> }.into_any(),
                Screen::Review => view! { <ReviewScreen /> }.into_any(),
                Screen::Report => {
                    view! { <OnDemand area=&REPORT show=|report| (report.screen)() loaded=report_loaded /> }
                        .into_any()
                }
                Screen::Team => {
                    view! { <OnDemand area=&TEAM show=|team| (team.screen)() /> }.into_any()
                }
                Screen::Studio => {
                    view! { <OnDemand area=&STUDIO show=|studio| (studio.screen)() /> }.into_any()
                }
                }
            }}
        </main>
        {embed.is_none().then(|| view! { <OfflineNote /> })}
        <Announcer />
    }
}

/// Quiet, and only once every file is cached: after that, this device runs Skillscope offline.
#[component]
fn OfflineNote() -> impl IntoView {
    let session = expect_context::<Session>();
    let status = expect_context::<OfflineStatus>();
    view! {
        <Show when=move || status.ready.get()>
            <footer class="offline-note">
                <p id="offline-ready">{move || session.ui().works_offline}</p>
            </footer>
        </Show>
    }
}

/// The product name, or the survey owner's logo and name when the survey is branded.
#[component]
fn Brand() -> impl IntoView {
    let session = expect_context::<Session>();
    let theme = session
        .survey()
        .definition()
        .theme
        .clone()
        .unwrap_or_default();
    let logo = theme
        .logo
        .filter(|l| skillscope_engine::is_safe_image_url(&l.url));
    let organisation = theme.organisation;
    view! {
        <span class="brand">
            {logo.map(|l| view! { <img class="logo" src=l.url.clone() alt=move || session.text(&l.alt) /> })}
            {move || match &organisation {
                Some(o) => session.text(o),
                None => "Skillscope".to_string(),
            }}
        </span>
    }
}

#[component]
fn Loading() -> impl IntoView {
    let ui = i18n::strings(&prefs::initial_lang(&["en", "de", "es"]));
    view! {
        <main id="main" class="loading" aria-busy="true">
            <p role="status"><span class="spinner" aria-hidden="true"></span>{ui.loading}</p>
        </main>
    }
}

#[component]
fn LoadFailed(error: LoadError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let ui = i18n::strings(&prefs::initial_lang(&["en", "de", "es"]));
    let message = error.message(ui);
    let problems = match &error {
        LoadError::Invalid(errors) => errors.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let can_retry = !matches!(
        error,
        LoadError::Invalid(_) | LoadError::Inline(_) | LoadError::BadUrl
    );
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    view! {
        <main id="main" class="load-failed">
            <section role="alert" aria-labelledby="load-failed-title">
                <h1 id="load-failed-title" tabindex="-1" node_ref=heading>{ui.load_failed}</h1>
                <p id="load-error">{message}</p>
                {(!problems.is_empty()).then(|| view! {
                    <ol class="problems" id="problems">
                        {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
                    </ol>
                })}
            </section>
            <div class="actions">
                {can_retry.then(|| view! { <button type="button" class="primary" id="retry" on:click=move |_| retry()>{ui.retry}</button> })}
                <a href="./">{ui.builtin_instead}</a>
            </div>
        </main>
    }
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
        session.set_language(event_target_value(&ev));
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
    let offline = expect_context::<OfflineStatus>();
    let storage_dismissed = RwSignal::new(false);
    view! {
        <div class="notices" role="status">
            <Show when=move || offline.update.get()>
                <p class="notice" id="update-notice">
                    {move || session.ui().update_ready}
                    " "
                    <button type="button" class="link" id="update-reload" on:click=|_| OfflineStatus::reload()>
                        {move || session.ui().update_reload}
                    </button>
                </p>
            </Show>
            {move || {
                session.notices.offline_copy.get().map(|saved| {
                    view! {
                        <p class="notice" id="offline-copy">
                            {move || {
                                let date = offline::local_date(saved, &session.lang.get());
                                i18n::fill(session.ui().offline_copy, &[("date", &date)])
                            }}
                        </p>
                    }
                })
            }}
            <Show when=move || !session.notices.storage_ok.get() && !storage_dismissed.get()>
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
                    .notices.notice
                    .get()
                    .map(|text| {
                        view! {
                            <p class="notice" id="survey-notice">
                                {text}
                                " "
                                <button type="button" class="link" on:click=move |_| session.notices.notice.set(None)>
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
        Screen::Report => session.ui().report_title.to_string(),
        Screen::Team => session.ui().team_title.to_string(),
        Screen::Studio => session.ui().studio_title.to_string(),
        Screen::Start => String::new(),
    };
    view! { <div class="visually-hidden" aria-live="polite" id="announcer">{message}</div> }
}
