//! The studio's state: the draft as typed, what the engine makes of it, and the undo history.
//! Checking waits for a pause in typing, so a long survey never slows the keyboard down.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use skillscope_engine::edit::{self, History, Warning};
use skillscope_engine::{validate, Survey};

use crate::i18n::{fill, StudioStrings};
use crate::storage;

/// How long typing must pause before the draft is checked and saved.
const PAUSE: Duration = Duration::from_millis(400);

#[derive(Clone)]
pub enum Checked {
    Pending,
    /// Each problem as `path: message`, the engine's own words.
    Invalid(Vec<String>),
    Valid {
        survey: Arc<Survey>,
        warnings: Vec<Warning>,
    },
}

#[derive(Clone, Copy)]
pub struct Studio {
    pub text: RwSignal<String>,
    pub checked: RwSignal<Checked>,
    pub saved: RwSignal<bool>,
    /// A signal, so Undo and Redo enable themselves as steps come and go.
    history: RwSignal<History<String>>,
    /// The text as last checked: the state Undo returns to.
    checkpoint: StoredValue<String>,
    /// Bumped on every change, so only the check after the last one runs.
    edits: StoredValue<u32>,
}

impl Studio {
    /// The draft this browser kept, or a blank survey.
    pub fn open() -> Studio {
        let text = storage::load_draft().unwrap_or_else(blank_json);
        let studio = Studio {
            text: RwSignal::new(text.clone()),
            checked: RwSignal::new(Checked::Pending),
            saved: RwSignal::new(false),
            history: RwSignal::new(History::new()),
            checkpoint: StoredValue::new(text),
            edits: StoredValue::new(0),
        };
        studio.checked.set(check(&studio.text.get_untracked()));
        studio
    }

    /// The person typed: check and save once they pause.
    pub fn typed(&self, text: String) {
        self.text.set(text);
        self.saved.set(false);
        let edit = self.edits.get_value().wrapping_add(1);
        self.edits.set_value(edit);
        let studio = *self;
        set_timeout(
            // The screen may be gone by then (a language switch renders it anew); its
            // cleanup has saved the draft.
            move || {
                if studio.edits.try_get_value() == Some(edit) {
                    studio.check_now(true);
                }
            },
            PAUSE,
        );
    }

    /// Saves what was typed since the last pause, for when the screen goes away before it.
    pub fn flush(&self) {
        if let (Some(text), Some(checked)) = (
            self.text.try_get_untracked(),
            self.checkpoint.try_get_value(),
        ) {
            if text != checked {
                storage::save_draft(&text);
            }
        }
    }

    /// A whole new text (start from, a file): one undoable step, checked at once.
    pub fn replace(&self, text: String) {
        self.edits.update_value(|e| *e = e.wrapping_add(1));
        // Typing not yet checked is a step of its own, so Undo can return to it.
        if self.text.get_untracked() != self.checkpoint.get_value() {
            self.check_now(true);
        }
        self.text.set(text);
        self.check_now(true);
    }

    pub fn undo(&self) -> Option<String> {
        // Typing not yet checked is the step Undo takes back first.
        if self.text.get_untracked() != self.checkpoint.get_value() {
            self.check_now(true);
        }
        self.walk(History::undo)
    }

    pub fn redo(&self) -> Option<String> {
        self.walk(History::redo)
    }

    /// Undo and redo move through the history without recording a step of their own.
    fn walk(&self, step: fn(&mut History<String>, String) -> Option<String>) -> Option<String> {
        let current = self.text.get_untracked();
        let text = self.history.try_update(|h| step(h, current)).flatten()?;
        self.edits.update_value(|e| *e = e.wrapping_add(1));
        self.checkpoint.set_value(text.clone());
        self.text.set(text.clone());
        self.check_now(false);
        Some(text)
    }

    pub fn can_undo(&self) -> bool {
        self.history.with(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.history.with(History::can_redo)
    }

    fn check_now(&self, record: bool) {
        let text = self.text.get_untracked();
        if record {
            let before = self.checkpoint.get_value();
            self.history.update(|h| h.record(before, &text));
            self.checkpoint.set_value(text.clone());
        }
        self.checked.set(check(&text));
        self.saved.set(storage::save_draft(&text));
    }
}

fn check(text: &str) -> Checked {
    match validate(text.as_bytes()) {
        Ok(survey) => Checked::Valid {
            warnings: edit::warnings(&survey),
            survey: Arc::new(survey),
        },
        Err(errors) => Checked::Invalid(errors.iter().map(ToString::to_string).collect()),
    }
}

pub fn blank_json() -> String {
    serde_json::to_string_pretty(&edit::blank_definition()).unwrap_or_default()
}

/// Each warning as its JSON path and a sentence.
pub fn warning_lines(warnings: &[Warning], ui: &StudioStrings) -> Vec<(String, String)> {
    warnings
        .iter()
        .map(|w| {
            let text = match w {
                Warning::FewItems {
                    dimension, items, ..
                } => fill(ui.few_items, &[("dimension", dimension), ("n", items)]),
                Warning::Unreachable { id, .. } => fill(ui.unreachable, &[("path", id)]),
                Warning::Long { minutes, .. } => fill(ui.long, &[("minutes", minutes)]),
            };
            (w.path().to_string(), text)
        })
        .collect()
}
