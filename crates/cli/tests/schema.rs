//! The published JSON Schema stays what the Rust types say.

#[test]
fn docs_schema_matches_the_rust_types() {
    let published = include_str!("../../../docs/survey.schema.json");
    assert!(
        published == skillscope_engine::definition_schema(),
        "docs/survey.schema.json is stale; run: cargo run -q -p skillscope-cli -- schema > docs/survey.schema.json"
    );
}

#[test]
fn the_schema_describes_texts_and_question_kinds() {
    let schema: serde_json::Value =
        serde_json::from_str(&skillscope_engine::definition_schema()).unwrap();
    let text = schema
        .pointer("/$defs/Text/oneOf")
        .expect("Text is a string or a language map");
    assert_eq!(text.as_array().map(Vec::len), Some(2));
    let kinds = schema.to_string();
    for kind in [
        "anchored",
        "likert",
        "single",
        "multi",
        "number",
        "knowledge",
        "text",
        "context",
    ] {
        assert!(kinds.contains(&format!("\"{kind}\"")), "{kind}");
    }
}
