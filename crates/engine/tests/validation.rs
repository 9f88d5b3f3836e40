//! Validation reports every problem, each at its JSON path.

mod common;

use common::{problems, sample_with, SAMPLE};
use serde_json::json;

fn assert_problem(json: &str, path: &str, fragment: &str) {
    let found = problems(json);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("{path}: ")) && p.contains(fragment)),
        "expected a problem at {path} containing {fragment:?}, got {found:#?}"
    );
}

#[test]
fn the_sample_is_valid() {
    assert_eq!(problems(SAMPLE), Vec::<String>::new());
}

#[test]
fn invalid_json_reports_line_and_column() {
    assert_problem("{\n  \"id\": ,\n}", "$", "line 2, column 9");
}

#[test]
fn wrong_types_report_their_path() {
    let json = sample_with(|v| v["sections"][1]["questions"][0]["weights"]["lit"] = json!("heavy"));
    assert_problem(
        &json,
        "sections[1].questions[0].weights.lit",
        "expected a number",
    );
    assert_problem("[1, 2]", "$", "expected a survey object");
    assert_problem("\"text\"", "$", "expected a survey object");
    assert_problem("null", "$", "");
}

#[test]
fn reports_every_problem_at_once() {
    let json = sample_with(|v| {
        v["dimensions"][1]["id"] = json!("lit");
        v["sections"][1]["questions"][0]["options"][3]["level"] = json!("expert");
        v["sections"][1]["questions"][2]["weights"] = json!({"nope": 1});
        v["paths"][0]["fit"]["weights"]["ghost"] = json!(1);
    });
    let found = problems(&json);
    assert!(found.len() >= 4, "{found:#?}");
    assert_problem(&json, "dimensions[1].id", "duplicate id \"lit\"");
    assert_problem(
        &json,
        "sections[1].questions[0].options[3].level",
        "unknown level \"expert\"",
    );
    assert_problem(
        &json,
        "sections[1].questions[2].weights.nope",
        "unknown dimension",
    );
    assert_problem(&json, "paths[0].fit.weights.ghost", "unknown dimension");
}

#[test]
fn show_if_must_look_backwards() {
    let later = sample_with(|v| v["sections"][0]["questions"][0]["show_if"] = json!("hours > 3"));
    assert_problem(
        &later,
        "sections[0].questions[0].show_if",
        "refers to a later question",
    );
    let own = sample_with(|v| v["sections"][0]["questions"][1]["show_if"] = json!("hours > 3"));
    assert_problem(&own, "sections[0].questions[1].show_if", "refers to itself");
    let unknown =
        sample_with(|v| v["sections"][0]["questions"][1]["show_if"] = json!("rol == 'x'"));
    assert_problem(
        &unknown,
        "sections[0].questions[1].show_if",
        "unknown question \"rol\"",
    );
    let typo = sample_with(|v| v["sections"][0]["questions"][1]["show_if"] = json!("role = 'x'"));
    assert_problem(
        &typo,
        "sections[0].questions[1].show_if",
        "in the condition of \"hours\": column 6",
    );
}

#[test]
fn anchored_options_need_levels_and_weights_must_be_finite() {
    let json = sample_with(|v| {
        v["sections"][1]["questions"][0]["options"][0]
            .as_object_mut()
            .unwrap()
            .remove("level");
        v["sections"][1]["questions"][2]["weights"]["ann"] = json!(-2);
    });
    assert_problem(
        &json,
        "sections[1].questions[0].options[0].level",
        "need a level",
    );
    assert_problem(
        &json,
        "sections[1].questions[2].weights.ann",
        "positive finite",
    );
    assert_problem(
        &SAMPLE.replace("\"ann\": 2", "\"ann\": 1e999"),
        "$",
        "not valid JSON",
    );
}

#[test]
fn empty_and_oversize_surveys_are_refused() {
    let empty = sample_with(|v| v["sections"] = json!([]));
    assert_problem(&empty, "sections", "no questions");
    let huge = format!("{{\"id\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    assert_problem(&huge, "$", "the limit is");
}

#[test]
fn default_language_text_is_required() {
    let json = sample_with(|v| v["title"] = json!({"de": "Nur Deutsch"}));
    assert_problem(&json, "title", "default language \"en\"");
}

#[test]
fn unsafe_links_are_refused() {
    let json = sample_with(|v| {
        v["paths"][0]["resources"][0]["url"] = json!("javascript:alert(1)");
        v["theme"] =
            json!({"accent": "red", "logo": {"url": "data:image/svg+xml,<svg>", "alt": "x"}});
    });
    assert_problem(&json, "paths[0].resources[0].url", "https: or http:");
    assert_problem(&json, "theme.accent", "colour");
    assert_problem(&json, "theme.logo.url", "relative URL");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let json = "[".repeat(100_000);
    assert_problem(&json, "$", "not valid JSON");
}

#[test]
fn objects_written_as_lists_are_refused() {
    // serde would read these as the structs they stand for; the format only has objects there.
    let pacing = sample_with(|v| v["pacing"] = json!(["hours"]));
    assert_problem(&pacing, "pacing", "expected an object { ... }, not a list");
    let fit = sample_with(|v| v["paths"][0]["fit"] = json!([{"ann": 3, "lit": 1}]));
    assert_problem(&fit, "paths[0].fit", "not a list");
    let option = sample_with(|v| {
        v["sections"][1]["questions"][0]["options"][0] = json!(["a", "A", "not-yet"]);
    });
    assert_problem(&option, "sections[1].questions[0].options[0]", "not a list");
}

#[test]
fn type_errors_use_json_words() {
    let minutes = sample_with(|v| v["minutes"] = json!(null));
    assert_problem(&minutes, "minutes", "invalid type: null, expected a number");
    let format = sample_with(|v| v["format"] = json!("1"));
    assert_problem(&format, "format", "expected a whole number");
    let sections = sample_with(|v| v["sections"] = json!({}));
    assert_problem(
        &sections,
        "sections",
        "invalid type: object, expected a list [ ... ]",
    );
    let weights = sample_with(|v| v["sections"][1]["questions"][0]["weights"] = json!([]));
    assert_problem(
        &weights,
        "sections[1].questions[0].weights",
        "invalid type: list, expected an object { ... }",
    );
    let section = sample_with(|v| v["sections"][0] = json!("about"));
    assert_problem(&section, "sections[0]", "expected an object { ... }");
}
