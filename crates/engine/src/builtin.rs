//! Surveys that ship inside Skillscope, addressed by id.

use crate::survey::Survey;
use crate::validate::validate;

/// The id of the default assessment.
pub const DEFAULT_ID: &str = "ai-readiness";

/// The default assessment's definition, exactly as published in `surveys/`.
pub const AI_READINESS_JSON: &str = include_str!("../../../surveys/ai-readiness.json");

/// Ids of every built-in survey.
pub const IDS: &[&str] = &[DEFAULT_ID];

/// The built-in survey with this id. Tests guarantee each one validates.
pub fn survey(id: &str) -> Option<Survey> {
    let json = match id {
        DEFAULT_ID => AI_READINESS_JSON,
        _ => return None,
    };
    validate(json.as_bytes()).ok()
}
