//! The Skillscope engine: everything about a skills self-assessment that is not the browser.
//!
//! Data flows one way:
//!
//! ```text
//! definition JSON ─validate→ Survey ─(person answers)→ Answers ─report→ Report
//!                                                         └─encode→ result code ─decode→ Answers
//! ```
//!
//! - [`validate`] turns definition JSON into a [`Survey`], or into every [`Error`] at once, each
//!   with a JSON path.
//! - [`Answers`] are question id → value, the format shared by the CLI, the app and tests.
//! - [`report`] computes the [`Report`]: dimension scores with likely ranges, the readiness
//!   index and its two axes (unknown while too few dimensions are answered), flags, and the
//!   paths to build on and the support paths, each ranked with its evidence.
//! - [`code::encode`] and [`code::decode`] pack answers into a short URL-safe result code.
//! - [`aggregate::aggregate`] summarises many people's answers for the lead who collected them.
//! - [`edit`] holds the survey studio's edits: renames that follow references, moves, undo.
//!
//! The engine does no I/O and knows nothing of the web, so it builds natively and for
//! `wasm32-unknown-unknown` alike. No function here panics on any input; the fuzz targets in
//! `fuzz/` hold it to that.

pub mod aggregate;
pub mod answers;
pub mod builtin;
mod checked;
pub mod code;
pub mod edit;
mod error;
pub mod expr;
pub mod format;
mod indices;
pub mod inline;
mod layout;
mod paths;
mod positions;
mod reliability;
pub mod report;
mod score;
mod sheet;
pub mod simulate;
mod stats;
mod survey;
mod text;
mod validate;

pub use answers::{Answer, Answers};
pub use checked::from_checked_json;
pub use error::Error;
pub use format::{Definition, Kind, Question, Text};
pub use paths::TIE_POINTS;
pub use report::Report;
pub use score::{report, Timing, MIN_ITEMS};
pub use survey::Survey;
pub use validate::{
    is_safe_image_url, is_valid_id, is_web_url, parse_hex_colour, validate, validate_definition,
    MAX_DEFINITION_BYTES,
};

/// The JSON Schema of the definition format, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn definition_schema() -> String {
    let schema = schemars::schema_for!(Definition);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
