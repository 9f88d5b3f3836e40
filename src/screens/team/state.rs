//! The team page's state, apart from the respondent's session: what was pasted, the target, and
//! the last summary. Memory only: a language switch keeps it, closing the tab forgets it.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::aggregate::{LineProblem, Options, Tally, Target, TeamSummary, TooFew};
use skillscope_engine::Survey;

use super::targets::PROFILES;

/// Milliseconds of reading between two yields to the browser: short enough that the page keeps
/// painting and answering (a frame or two), long enough that a paste of ten thousand links is
/// not slowed by the yields themselves, which a browser spaces at least 4 ms apart.
const SLICE_MS: f64 = 50.0;
/// Lines read between two looks at the clock.
const LINES_PER_LOOK: usize = 32;

/// The target the summary is measured against.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum TargetChoice {
    #[default]
    None,
    /// One of [`PROFILES`].
    Profile(usize),
    /// A file the lead opened, checked against the survey.
    File { name: String, target: Target },
}

impl TargetChoice {
    pub fn target(&self, survey: &Survey) -> Option<Target> {
        match self {
            TargetChoice::None => None,
            TargetChoice::Profile(i) => Target::from_json(survey, PROFILES.get(*i)?.1).ok(),
            TargetChoice::File { target, .. } => Some(target.clone()),
        }
    }
}

/// What the last "Summarise" found.
pub struct Outcome {
    pub summary: Result<TeamSummary, TooFew>,
    pub problems: Vec<LineProblem>,
}

#[derive(Clone, Copy)]
pub struct TeamDesk {
    pub links: RwSignal<String>,
    pub target: RwSignal<TargetChoice>,
    /// Why the target file just opened was refused.
    pub target_problems: RwSignal<Vec<String>>,
    pub outcome: RwSignal<Option<Arc<Outcome>>>,
    /// Lines read and lines in all, while a paste is being read.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Everyone read by the last "Summarise", so a new target needs no second reading.
    tally: StoredValue<Option<Arc<Tally>>>,
    /// Counts presses of "Summarise", so a reading overtaken by a later press stops.
    run: StoredValue<u32>,
}

impl Default for TeamDesk {
    fn default() -> TeamDesk {
        TeamDesk {
            links: RwSignal::new(String::new()),
            target: RwSignal::new(TargetChoice::None),
            target_problems: RwSignal::new(Vec::new()),
            outcome: RwSignal::new(None),
            progress: RwSignal::new(None),
            tally: StoredValue::new(None),
            run: StoredValue::new(0),
        }
    }
}

impl TeamDesk {
    /// Reads what was pasted in slices between frames, then summarises it; `done` runs once
    /// the outcome is set.
    pub fn summarise(self, survey: Arc<Survey>, done: impl FnOnce() + 'static) {
        let run = self.run.get_value() + 1;
        self.run.set_value(run);
        let text = self.links.get_untracked();
        leptos::task::spawn_local(async move {
            let total = text.lines().count();
            let mut tally = Tally::default();
            let mut problems = Vec::new();
            let mut slice_start = js_sys::Date::now();
            for (i, line) in text.lines().enumerate() {
                if let Some(Err(problem)) = tally.read(&survey, i + 1, line) {
                    problems.push(problem);
                }
                let read = i + 1;
                if read % LINES_PER_LOOK == 0
                    && read < total
                    && js_sys::Date::now() - slice_start > SLICE_MS
                {
                    self.progress.set(Some((read, total)));
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    if self.run.get_value() != run {
                        return;
                    }
                    slice_start = js_sys::Date::now();
                }
            }
            let tally = Arc::new(tally);
            let summary = self.summary_of(&survey, &tally);
            self.tally.set_value(Some(tally));
            self.progress.set(None);
            self.outcome
                .set(Some(Arc::new(Outcome { summary, problems })));
            done();
        });
    }

    /// Summarises again, with the target now chosen, from what was last read.
    pub fn retarget(self, survey: &Survey) {
        let Some(tally) = self.tally.get_value() else {
            return;
        };
        let problems = self
            .outcome
            .get_untracked()
            .map(|o| o.problems.clone())
            .unwrap_or_default();
        let summary = self.summary_of(survey, &tally);
        self.outcome
            .set(Some(Arc::new(Outcome { summary, problems })));
    }

    fn summary_of(self, survey: &Survey, tally: &Tally) -> Result<TeamSummary, TooFew> {
        let options = Options {
            target: self.target.get_untracked().target(survey),
            ..Options::default()
        };
        tally.summary(survey, &options)
    }
}
