//! Everything the app keeps in `localStorage`, under versioned keys.
//!
//! Storage may be disabled, full, or hold garbage written by an older version or another app.
//! None of that may stop the survey: reads fall back to nothing, writes report failure once, and
//! the app runs from memory.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use skillscope_engine::Answers;

const PREFIX: &str = "skillscope:v1";

/// Saved progress in one survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: String,
    pub answers: Answers,
    /// Id of the question on screen, or `None` on the review.
    pub at: Option<String>,
    /// Milliseconds since the epoch of the first answer; for the too-fast check.
    pub started_ms: Option<f64>,
    #[serde(default)]
    pub finished: bool,
}

/// A finished result, kept so a retake can be compared with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedResult {
    pub version: String,
    pub code: String,
    pub finished_ms: f64,
}

fn storage() -> Option<web_sys::Storage> {
    // Reading `window.localStorage` itself throws when storage is blocked.
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(kind: &str, survey_id: &str) -> String {
    format!("{PREFIX}:{kind}:{survey_id}")
}

fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

/// Writes a value; `false` when storage is unavailable or full.
fn write<T: Serialize>(key: &str, value: &T) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let Ok(json) = serde_json::to_string(value) else {
        return false;
    };
    storage.set_item(key, &json).is_ok()
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Whether a round trip through storage works at all right now.
pub fn available() -> bool {
    let probe = format!("{PREFIX}:probe");
    let ok = write(&probe, &1) && read::<i32>(&probe) == Some(1);
    remove(&probe);
    ok
}

pub fn load_progress(survey_id: &str) -> Option<Progress> {
    read(&key("progress", survey_id))
}

pub fn save_progress(survey_id: &str, progress: &Progress) -> bool {
    write(&key("progress", survey_id), progress)
}

pub fn clear_progress(survey_id: &str) {
    remove(&key("progress", survey_id));
}

pub fn load_results(survey_id: &str) -> Vec<SavedResult> {
    read(&key("results", survey_id)).unwrap_or_default()
}

pub fn save_result(survey_id: &str, result: SavedResult) -> bool {
    let mut all = load_results(survey_id);
    if all.last().is_some_and(|r| r.code == result.code) {
        return true;
    }
    all.push(result);
    // A handful is enough to compare with; the oldest go first.
    let excess = all.len().saturating_sub(10);
    all.drain(..excess);
    write(&key("results", survey_id), &all)
}

pub fn clear_results(survey_id: &str) {
    remove(&key("results", survey_id));
}

/// The survey studio's draft, exactly as typed (it may not be valid JSON yet).
pub fn load_draft() -> Option<String> {
    read(&key("studio", "draft"))
}

pub fn save_draft(text: &str) -> bool {
    write(&key("studio", "draft"), &text)
}

pub fn load_pref(name: &str) -> Option<String> {
    read(&key("pref", name))
}

pub fn save_pref(name: &str, value: &str) -> bool {
    write(&key("pref", name), &value)
}
