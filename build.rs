//! Embeds the built-in survey in its default language only. The other languages ship as separate
//! files in dist/ (written by scripts/postbuild.mjs) and are fetched when someone switches, which
//! keeps about 37 KB gzip out of every first visit.
//!
//! The paths (about 17 KB gzip) go into a file of their own: only the report and team chunks
//! embed them, so a respondent's first load carries the questions alone (see `languages.rs`).
//!
//! A text is an object whose keys are all languages of the survey and whose values are strings;
//! scripts/postbuild.mjs applies the same rule to write the other languages.

use std::path::Path;
use std::{env, fs};

use serde_json::Value;

fn main() {
    let source =
        Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("surveys/ai-readiness.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = fs::read_to_string(&source).expect("surveys/ai-readiness.json is readable");
    let mut survey: Value = serde_json::from_str(&text).expect("surveys/ai-readiness.json is JSON");
    let default = survey["default_lang"].as_str().unwrap_or("en").to_string();
    let languages: Vec<String> = survey["languages"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    keep_language(&mut survey, &default, &languages);
    let paths = std::mem::replace(&mut survey["paths"], Value::Array(Vec::new()));
    let out_dir = env::var("OUT_DIR").unwrap();
    let out = Path::new(&out_dir);
    fs::write(out.join("ai-readiness.default.json"), survey.to_string())
        .expect("OUT_DIR is writable");
    fs::write(out.join("ai-readiness.paths.json"), paths.to_string()).expect("OUT_DIR is writable");
}

fn keep_language(value: &mut Value, keep: &str, languages: &[String]) {
    match value {
        Value::Object(map) => {
            let is_text = !map.is_empty()
                && map
                    .iter()
                    .all(|(k, v)| languages.contains(k) && v.is_string());
            if is_text {
                map.retain(|k, _| k == keep);
            } else {
                map.values_mut()
                    .for_each(|v| keep_language(v, keep, languages));
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| keep_language(v, keep, languages)),
        _ => {}
    }
}
