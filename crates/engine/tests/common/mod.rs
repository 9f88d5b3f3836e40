//! Shared helpers for the engine's integration tests.
#![allow(dead_code)]

use skillscope_engine::{validate, Survey};

pub const SAMPLE: &str = include_str!("../fixtures/sample.json");

pub fn sample() -> Survey {
    validate(SAMPLE.as_bytes()).expect("the sample survey is valid")
}

/// Validates `json` and returns the errors as `path: message` lines.
pub fn problems(json: &str) -> Vec<String> {
    match validate(json.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// The sample with one edit applied to its JSON value.
pub fn sample_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
    edit(&mut v);
    v.to_string()
}
