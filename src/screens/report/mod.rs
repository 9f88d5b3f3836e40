//! The readiness report. Everything shown comes from the engine's `Report`; this module only
//! chooses words for ids and lays them out.

mod calibration;
mod dimensions;
mod paths;
mod share;
mod summary;

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::code::{decode, encode, CodeError};
use skillscope_engine::{report, Answers, Report, Survey, Timing};

use crate::export;
use crate::on_demand::ReportArea;
use crate::session::Session;
use crate::storage;

/// The report chunk's one entry point.
pub fn area() -> ReportArea {
    ReportArea {
        screen: || view! { <ReportOrBadLink /> }.into_any(),
        completion: |session| {
            session.ensure_paths();
            let (survey, answers) = (session.survey(), session.answers.get_untracked());
            let report = report(&survey, &answers, Timing::default());
            crate::embed::completion(&survey, &answers, &report)
        },
    }
}

/// The person's own report, or the one a result link holds once it has been read.
#[component]
fn ReportOrBadLink() -> impl IntoView {
    let session = expect_context::<Session>();
    session.ensure_paths();
    let Some(code) = session.shared.code.get_untracked() else {
        return view! { <ReportScreen /> }.into_any();
    };
    match decode(&session.survey(), &code) {
        Ok(answers) => {
            session.shared.code.set(None);
            session.answers.set(answers);
            view! { <ReportScreen /> }.into_any()
        }
        Err(reason) => view! { <BadLinkScreen reason /> }.into_any(),
    }
}

/// Survey words for report ids, in one language.
#[derive(Clone)]
pub struct Words {
    pub survey: Arc<Survey>,
    pub lang: String,
}

impl Words {
    fn t(&self, text: &skillscope_engine::Text) -> String {
        text.get(&self.lang, self.survey.default_lang()).to_string()
    }

    pub fn dimension(&self, id: &str) -> String {
        self.survey.dimension_name(id, &self.lang).to_string()
    }

    pub fn level(&self, id: &str) -> String {
        self.survey
            .levels()
            .iter()
            .find(|l| l.id == id)
            .map_or_else(|| id.to_string(), |l| self.t(&l.name))
    }

    /// The name of the level a strength starts at, in this survey's words.
    pub fn strength_level(&self) -> String {
        self.survey
            .levels()
            .get(self.survey.strength_level())
            .map_or_else(String::new, |l| self.t(&l.name))
    }

    pub fn level_meaning(&self, id: &str) -> Option<String> {
        let level = self.survey.levels().iter().find(|l| l.id == id)?;
        level.meaning.as_ref().map(|m| self.t(m))
    }

    pub fn group(&self, id: &str) -> String {
        let groups = &self.survey.definition().groups;
        groups
            .iter()
            .find(|g| g.id == id)
            .map_or_else(|| id.to_string(), |g| self.t(&g.name))
    }

    pub fn path_title(&self, id: &str) -> String {
        self.survey
            .paths()
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| self.t(&p.title))
    }

    /// A path's "when to bring in a freelancer" advice, if it has one.
    pub fn outsource_when(&self, id: &str) -> Option<String> {
        let path = self.survey.paths().iter().find(|p| p.id == id)?;
        path.outsource_when.as_ref().map(|o| self.t(o))
    }

    pub fn list(&self, ids: &[&str]) -> String {
        ids.iter()
            .map(|id| self.dimension(id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Keeps the finished result, so that a retake can be compared with it. Storage skips a code
/// that is already the latest, so showing the report again adds nothing.
fn keep_result(session: &Session, survey: &Survey, code: &str) {
    let result = storage::SavedResult {
        version: survey.version().to_string(),
        code: code.to_string(),
        finished_ms: js_sys::Date::now(),
    };
    if !storage::save_result(&session.scope(), result) {
        session.storage_failed();
    }
}

/// The previous stored result for this survey, as a report, when it differs from `code`.
fn previous_report(survey: &Survey, scope: &str, code: &str) -> Option<Report> {
    let results = storage::load_results(scope);
    let earlier = results
        .iter()
        .rev()
        .find(|r| r.code != code && r.version == survey.version())?;
    let answers = decode(survey, &earlier.code).ok()?;
    Some(report(survey, &answers, Timing::default()))
}

#[component]
fn ReportScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let survey = session.survey();
    let answers = session.answers.get_untracked();
    let shared = session.shared.active.get_untracked();
    let timing = Timing {
        seconds: if shared {
            None
        } else {
            session.elapsed_seconds()
        },
    };
    let report = Arc::new(report(&survey, &answers, timing));
    let code = encode(&survey, &answers);
    let previous = if shared {
        None
    } else {
        let previous = previous_report(&survey, &session.scope(), &code).map(Arc::new);
        keep_result(&session, &survey, &code);
        previous
    };
    let previous = RwSignal::new(previous);
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    let ui = move || session.report_ui();
    let body = move || {
        let words = Words {
            survey: session.survey(),
            lang: session.lang.get(),
        };
        let report = report.clone();
        view! {
            <Actions report=report.clone() answers=answers.clone() words=words.clone() />
            <summary::Summary report=report.clone() words=words.clone() />
            <paths::Paths report=report.clone() words=words.clone() />
            <dimensions::Dimensions report=report.clone() words=words.clone() previous=previous />
            <calibration::Calibration report=report.clone() words=words.clone() />
            <share::Share code=code.clone() />
            <calibration::About />
        }
    };
    view! {
        <article class="report" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1" node_ref=heading>{move || session.ui().report_title}</h1>
            <Show when=move || session.shared.active.get()>
                <p class="notice shared-note">
                    {move || ui().shared_note} " "
                    <button type="button" class="primary" id="take-yourself" on:click=move |_| session.leave_shared()>
                        {move || ui().take_yourself}
                    </button>
                </p>
            </Show>
            {body}
        </article>
    }
}

/// Print, downloads and going back to the answers; none of it is printed.
#[component]
fn Actions(report: Arc<Report>, answers: Answers, words: Words) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = session.report_ui();
    let json = export::report_json(&report, &answers);
    let csv = export::report_csv(&words.survey, &report, &words.lang);
    let id = words.survey.id().to_string();
    let (json_name, csv_name) = (
        format!("skillscope-{id}.json"),
        format!("skillscope-{id}.csv"),
    );
    view! {
        <div class="report-actions no-print">
            <button type="button" id="print" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{ui.print}</button>
            <button type="button" id="download-json" on:click=move |_| export::download(&json_name, "application/json", &json)>
                {ui.json}
            </button>
            <button type="button" id="download-csv" on:click=move |_| export::download(&csv_name, "text/csv", &csv)>
                {ui.csv}
            </button>
            <Show when=move || !session.shared.active.get()>
                <button type="button" class="secondary" on:click=move |_| session.screen.set(crate::flow::Screen::Review)>
                    {ui.change_answers}
                </button>
            </Show>
        </div>
    }
}

/// Shown instead of a report when a result link cannot be read.
#[component]
fn BadLinkScreen(reason: CodeError) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.report_ui();
    let reason = move || ui().link_reason(&reason);
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    view! {
        <section class="bad-link" role="alert">
            <h1 id="bad-link-title" tabindex="-1" node_ref=heading>{move || ui().bad_link_title}</h1>
            <p>{move || crate::i18n::fill(ui().bad_link_text, &[("reason", &reason())])}</p>
            <button type="button" class="primary" id="take-yourself" on:click=move |_| session.leave_shared()>
                {move || ui().take_yourself}
            </button>
        </section>
    }
}
