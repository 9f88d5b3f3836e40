//! The one piece of app state: which survey, the answers, where the respondent is, and in which
//! language. Components read it from context and call its methods; it never scores anything.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::{Answer, Answers, Survey, Text};

use crate::flow::{self, Screen};
use crate::i18n::{self, Strings};
use crate::storage::{self, Progress};

/// The app state, by concern: which survey and in which language, the answers and where the
/// person is, how they move between questions, a result opened from a link, and what the page
/// tells them about itself.
#[derive(Clone, Copy)]
pub struct Session {
    survey: StoredValue<Arc<Survey>>,
    /// Storage key prefix for this survey; custom surveys never share the built-in one's.
    scope: StoredValue<String>,
    pub answers: RwSignal<Answers>,
    pub screen: RwSignal<Screen>,
    pub lang: RwSignal<String>,
    pub started_ms: RwSignal<Option<f64>>,
    /// Saved progress found at start, offered as "Continue where you left off".
    pub resumable: RwSignal<Option<Progress>>,
    /// Bumped when the survey itself is replaced (its texts in a newly fetched language), so
    /// screens that captured texts render again.
    pub revision: RwSignal<u32>,
    /// Whether this is the built-in survey, whose other languages are fetched on demand.
    built_in: bool,
    /// Counts language requests, so a slow fetch never overrides a later choice.
    language_request: StoredValue<u32>,
    pub steps: Steps,
    pub shared: SharedResult,
    pub notices: Notices,
}

/// What Back, Next and Change remember between screens.
#[derive(Clone, Copy)]
pub struct Steps {
    /// The respondent pressed Next on a required question without answering.
    pub refused: RwSignal<bool>,
    /// After "Change" on the review, Next returns there.
    pub return_to_review: RwSignal<bool>,
    /// The question last opened with "Change", whose button takes focus back on the review.
    pub changed: RwSignal<Option<usize>>,
    /// Set once the person has moved between screens; the start page then takes focus.
    pub navigated: RwSignal<bool>,
}

/// Someone's result opened from a link: read-only, never saved over the viewer's own.
#[derive(Clone, Copy)]
pub struct SharedResult {
    pub active: RwSignal<bool>,
    /// The result code of that link, until the report chunk has read it (and for good if it is
    /// damaged, so the explanation survives a language switch).
    pub code: RwSignal<Option<String>>,
}

/// What the page says about itself: storage that does not work, a survey that changed, a
/// survey shown from this device's copy because the network failed.
#[derive(Clone, Copy)]
pub struct Notices {
    pub storage_ok: RwSignal<bool>,
    pub notice: RwSignal<Option<String>>,
    /// When the copy shown was saved, in milliseconds since 1970.
    pub offline_copy: RwSignal<Option<f64>>,
}

impl Session {
    /// Builds the session for `survey`, restoring saved progress when there is any.
    pub fn restore(survey: Arc<Survey>, scope: String, built_in: bool, lang: String) -> Session {
        let storage_ok = storage::available();
        let mut notice = None;
        let saved = storage::load_progress(&scope).filter(|p| !p.answers.is_empty());
        let resumable = saved.map(|mut p| {
            // Answers whose question still exists and still fits survive a new survey version.
            p.answers.retain_valid(&survey);
            if p.version != survey.version() {
                let kept = p.answers.len();
                p.version = survey.version().to_string();
                notice = Some(i18n::fill(
                    i18n::strings(&lang).survey_changed,
                    &[("n", &kept)],
                ));
            }
            p
        });
        Session {
            survey: StoredValue::new(survey),
            scope: StoredValue::new(scope),
            answers: RwSignal::new(Answers::new()),
            screen: RwSignal::new(Screen::Start),
            lang: RwSignal::new(lang),
            started_ms: RwSignal::new(None),
            resumable: RwSignal::new(resumable.filter(|p| !p.answers.is_empty())),
            revision: RwSignal::new(0),
            built_in,
            language_request: StoredValue::new(0),
            steps: Steps {
                refused: RwSignal::new(false),
                return_to_review: RwSignal::new(false),
                changed: RwSignal::new(None),
                navigated: RwSignal::new(false),
            },
            shared: SharedResult {
                active: RwSignal::new(false),
                code: RwSignal::new(None),
            },
            notices: Notices {
                storage_ok: RwSignal::new(storage_ok),
                notice: RwSignal::new(notice),
                offline_copy: RwSignal::new(None),
            },
        }
    }

    /// Opens a result code from a link as a read-only report. Decoding it is the report
    /// chunk's job, so the first load carries no decoder.
    pub fn open_shared(&self, code: String) {
        self.shared.active.set(true);
        self.shared.code.set(Some(code));
        self.screen.set(Screen::Report);
    }

    /// "Take the assessment yourself": drops the shared result and its fragment.
    pub fn leave_shared(&self) {
        if let Some(w) = web_sys::window() {
            let url = w.location().href().unwrap_or_default();
            let without = url.split('#').next().unwrap_or_default().to_string();
            if let Ok(history) = w.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&without),
                );
            }
        }
        self.shared.active.set(false);
        self.shared.code.set(None);
        self.steps.navigated.set(true);
        self.answers.set(Answers::new());
        self.screen.set(Screen::Start);
    }

    /// The team summary, for a lead who collected result links.
    pub fn open_team(&self) {
        self.steps.navigated.set(true);
        self.screen.set(Screen::Team);
    }

    /// The survey studio, for a lead writing their own assessment.
    pub fn open_studio(&self) {
        self.steps.navigated.set(true);
        self.screen.set(Screen::Studio);
    }

    pub fn is_built_in(&self) -> bool {
        self.built_in
    }

    pub fn survey(&self) -> Arc<Survey> {
        self.survey.get_value()
    }

    /// Switches the language, fetching the built-in survey's texts in it first when needed.
    /// If they cannot be fetched, the interface switches anyway and survey texts stay in the
    /// default language.
    pub fn set_language(&self, lang: String) {
        storage::save_pref("lang", &lang);
        self.language_request.update_value(|n| *n += 1);
        let request = self.language_request.get_value();
        let survey = self.survey();
        if !(self.built_in && crate::languages::needs(&survey, &lang)) {
            self.lang.set(lang);
            return;
        }
        let session = *self;
        leptos::task::spawn_local(async move {
            let translated = crate::languages::load(&survey, &lang).await;
            if session.language_request.get_value() != request {
                return;
            }
            if let Some(translated) = translated {
                session.survey.set_value(Arc::new(translated));
                session.revision.update(|r| *r += 1);
            }
            session.lang.set(lang);
        });
    }

    /// Gives the built-in survey its paths, which the first load leaves out. The report and
    /// team chunks call this before they score; a custom survey always has its own.
    pub fn ensure_paths(&self) {
        if self.built_in && self.survey().paths().is_empty() {
            if let Some(full) = crate::languages::with_paths() {
                self.survey.set_value(Arc::new(full));
            }
        }
    }

    pub fn scope(&self) -> String {
        self.scope.get_value()
    }

    /// The interface strings in the current language.
    pub fn ui(&self) -> &'static Strings {
        i18n::strings(&self.lang.get())
    }

    /// The report's words in the current language (report chunk only).
    pub fn report_ui(&self) -> &'static crate::i18n::ReportStrings {
        i18n::report(&self.lang.get())
    }

    /// The team summary's words in the current language (team chunk only).
    pub fn team_ui(&self) -> &'static crate::i18n::TeamStrings {
        i18n::team(&self.lang.get())
    }

    /// The studio's words in the current language (studio chunk only).
    pub fn studio_ui(&self) -> &'static crate::i18n::StudioStrings {
        i18n::studio(&self.lang.get())
    }

    /// A survey text in the current language.
    pub fn text(&self, text: &Text) -> String {
        let survey = self.survey();
        text.get(&self.lang.get(), survey.default_lang())
            .to_string()
    }

    pub fn start(&self) {
        self.steps.navigated.set(true);
        self.steps.return_to_review.set(false);
        self.steps.changed.set(None);
        self.steps.refused.set(false);
        self.answers.set(Answers::new());
        self.started_ms.set(None);
        self.resumable.set(None);
        storage::clear_progress(&self.scope());
        let survey = self.survey();
        let first =
            flow::next(&survey, &Answers::new(), None).map_or(Screen::Review, Screen::Question);
        self.screen.set(first);
    }

    pub fn resume(&self) {
        let Some(p) = self.resumable.get_untracked() else {
            return self.start();
        };
        self.steps.navigated.set(true);
        self.steps.return_to_review.set(false);
        self.steps.changed.set(None);
        self.steps.refused.set(false);
        let survey = self.survey();
        // A finished result whose survey has since gained required questions is not finished.
        let screen = if p.finished && flow::first_missing(&survey, &p.answers).is_none() {
            Screen::Report
        } else {
            flow::resume_at(&survey, &p.answers, p.at.as_deref())
        };
        self.started_ms.set(p.started_ms);
        self.answers.set(p.answers);
        self.resumable.set(None);
        self.screen.set(screen);
    }

    pub fn set_answer(&self, id: &str, answer: Answer) {
        if self.started_ms.get_untracked().is_none() {
            self.started_ms.set(Some(js_sys::Date::now()));
        }
        self.answers.update(|a| a.set(id, answer));
        self.steps.refused.set(false);
    }

    pub fn clear_answer(&self, id: &str) {
        self.answers.update(|a| {
            a.remove(id);
        });
    }

    pub fn next(&self) {
        let Screen::Question(i) = self.screen.get_untracked() else {
            return;
        };
        let survey = self.survey();
        if let Some(q) = survey.question_at(i).filter(|q| q.is_numeric()) {
            if self.answers.get_untracked().get(&q.id).is_none() {
                self.set_answer(&q.id, Answer::Number(flow::slider_start(q)));
            }
        }
        let answers = self.answers.get_untracked();
        if !flow::can_leave(&survey, &answers, i) {
            self.steps.refused.set(true);
            return;
        }
        self.steps.refused.set(false);
        let to = if self.steps.return_to_review.get_untracked() {
            // A changed answer can reveal required questions: ask them now, in order, rather
            // than send the person back to the review and then round again.
            match flow::first_missing(&survey, &answers) {
                Some(missing) => Screen::Question(missing),
                None => {
                    self.steps.return_to_review.set(false);
                    Screen::Review
                }
            }
        } else {
            flow::next(&survey, &answers, Some(i)).map_or(Screen::Review, Screen::Question)
        };
        self.screen.set(to);
    }

    pub fn back(&self) {
        self.steps.refused.set(false);
        self.steps.navigated.set(true);
        let survey = self.survey();
        let answers = self.answers.get_untracked();
        let to = match self.screen.get_untracked() {
            Screen::Question(i) => {
                flow::previous(&survey, &answers, i).map_or(Screen::Start, Screen::Question)
            }
            Screen::Review => survey
                .visible(&answers)
                .last()
                .map_or(Screen::Start, |&i| Screen::Question(i)),
            other => other,
        };
        if to == Screen::Start {
            self.steps.return_to_review.set(false);
            self.steps.changed.set(None);
            // Back to the start page keeps the answers: it offers "Continue", not only "Start".
            if !answers.is_empty() {
                let at = match self.screen.get_untracked() {
                    Screen::Question(i) => survey.question_at(i).map(|q| q.id.clone()),
                    _ => None,
                };
                self.resumable.set(Some(Progress {
                    version: survey.version().to_string(),
                    answers,
                    at,
                    started_ms: self.started_ms.get_untracked(),
                    finished: false,
                }));
            }
        }
        self.screen.set(to);
    }

    /// Opens a question from the review; Next will come back to the review.
    pub fn change(&self, index: usize) {
        self.steps.return_to_review.set(true);
        self.steps.changed.set(Some(index));
        self.screen.set(Screen::Question(index));
    }

    /// "See my report": any required question still open is shown first.
    pub fn finish(&self) {
        let survey = self.survey();
        let answers = self.answers.get_untracked();
        if let Some(i) = flow::first_missing(&survey, &answers) {
            self.steps.return_to_review.set(true);
            self.steps.refused.set(true);
            self.screen.set(Screen::Question(i));
            return;
        }
        // The report chunk keeps the result for later comparison once it has encoded it; until
        // then the saved progress, marked finished, holds the answers.
        self.screen.set(Screen::Report);
    }

    /// The way out of a screen whose chunk could not be fetched: the review for the person's
    /// own report (their answers are all there), the start page otherwise.
    pub fn back_to_answers(&self) {
        self.steps.navigated.set(true);
        let own_report =
            self.screen.get_untracked() == Screen::Report && !self.shared.active.get_untracked();
        if own_report {
            self.screen.set(Screen::Review);
        } else if self.shared.active.get_untracked() {
            self.leave_shared();
        } else {
            self.screen.set(Screen::Start);
        }
    }

    /// Writes the progress; called by the one saving effect in `App`.
    pub fn persist(&self, answers: &Answers, screen: Screen) {
        let survey = self.survey();
        // The team summary and the studio are detours: progress stays where the person's own
        // run left it.
        let away = matches!(screen, Screen::Start | Screen::Team | Screen::Studio);
        if answers.is_empty() || away || self.shared.active.get_untracked() {
            return;
        }
        let at = match screen {
            Screen::Question(i) => survey.question_at(i).map(|q| q.id.clone()),
            _ => None,
        };
        let progress = Progress {
            version: survey.version().to_string(),
            answers: answers.clone(),
            at,
            started_ms: self.started_ms.get_untracked(),
            finished: screen == Screen::Report,
        };
        if !storage::save_progress(&self.scope(), &progress) {
            self.storage_failed();
        }
    }

    /// Says once, politely, that progress cannot be kept.
    pub fn storage_failed(&self) {
        if self.notices.storage_ok.get_untracked() {
            self.notices.storage_ok.set(false);
        }
    }

    /// Seconds from the first answer to now, for the too-fast flag.
    pub fn elapsed_seconds(&self) -> Option<f64> {
        self.started_ms
            .get_untracked()
            .map(|start| (js_sys::Date::now() - start) / 1000.0)
    }
}
