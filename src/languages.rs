//! The built-in survey's other languages, fetched when someone chooses one.
//!
//! The app embeds the built-in survey in its default language only (see `build.rs`); each other
//! language is a same-origin file in dist/ holding the same structure with only that language's
//! texts. Merging adds its texts to the survey and can change nothing else.

use serde_json::Value;
use skillscope_engine::{builtin, from_checked_json, Survey};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The built-in survey as embedded: default-language texts only.
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ai-readiness.default.json"));

/// The embedded built-in survey. It is read without validation, which would put the validator
/// into the first load; the tests below validate it instead.
pub fn builtin_survey(id: &str) -> Option<Survey> {
    (id == builtin::DEFAULT_ID)
        .then(|| from_checked_json(DEFAULT_JSON))
        .flatten()
}

/// Whether the built-in `survey` still needs `lang`'s texts fetched. Callers know whether a
/// survey is the built-in one (a custom survey may reuse its id).
pub fn needs(survey: &Survey, lang: &str) -> bool {
    lang != survey.default_lang()
        && survey.languages().contains(&lang)
        && !survey.definition().title.has(lang)
}

/// Fetches `lang`'s texts and returns the survey with them added.
pub async fn load(survey: &Survey, lang: &str) -> Option<Survey> {
    let url = format!("{}.{lang}.json", survey.id());
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(&url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let overlay: Value = serde_json::from_str(&text).ok()?;
    with_texts(survey, &overlay)
}

/// The survey with the overlay's texts added. Merging adds strings and can change no structure,
/// so the result is as valid as the built-in survey it came from (the tests validate it).
pub fn with_texts(survey: &Survey, overlay: &Value) -> Option<Survey> {
    let mut merged = serde_json::to_value(survey.definition()).ok()?;
    merge_texts(&mut merged, overlay);
    from_checked_json(&merged.to_string())
}

/// Adds the overlay's strings where the base has no entry; structure and existing values win.
fn merge_texts(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(base), Value::Object(overlay)) => {
            for (key, o) in overlay {
                match base.get_mut(key) {
                    Some(b) => merge_texts(b, o),
                    None if o.is_string() => {
                        base.insert(key.clone(), o.clone());
                    }
                    None => {}
                }
            }
        }
        (Value::Array(base), Value::Array(overlay)) => {
            base.iter_mut()
                .zip(overlay)
                .for_each(|(b, o)| merge_texts(b, o));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_embedded_survey_has_only_its_default_language() {
        let survey = builtin_survey(builtin::DEFAULT_ID).expect("reads");
        let validated = skillscope_engine::validate(DEFAULT_JSON.as_bytes()).expect("valid");
        assert_eq!(survey.definition(), validated.definition());
        assert!(survey.definition().title.has("en"));
        assert!(!survey.definition().title.has("de"));
        assert!(needs(&survey, "de") && needs(&survey, "es") && !needs(&survey, "en"));
        assert!(DEFAULT_JSON.len() * 2 < builtin::AI_READINESS_JSON.len());
    }

    #[test]
    fn merging_a_language_restores_the_full_survey() {
        // The overlay is the full survey: merging may only add what the base lacks.
        let full: Value = serde_json::from_str(builtin::AI_READINESS_JSON).unwrap();
        let base = builtin_survey(builtin::DEFAULT_ID).unwrap();
        let merged = with_texts(&base, &full).expect("merged survey reads");
        let merged_json = serde_json::to_string(merged.definition()).unwrap();
        assert!(skillscope_engine::validate(merged_json.as_bytes()).is_ok());
        let reference = builtin::survey(builtin::DEFAULT_ID).unwrap();
        assert_eq!(merged.definition(), reference.definition());
        assert!(!needs(&merged, "de"));
    }

    #[test]
    fn overlays_cannot_change_structure_or_existing_texts() {
        let mut base = json!({"id": "a", "title": {"en": "Hi"}, "weights": {"x": 1}, "list": [{"t": {"en": "A"}}]});
        let overlay = json!({"id": "evil", "title": {"en": "Owned", "de": "Hallo"}, "weights": {"y": 5},
                             "list": [{"t": {"de": "B"}}, {"t": {"de": "extra"}}], "new": {"de": "x"}});
        merge_texts(&mut base, &overlay);
        assert_eq!(
            base,
            json!({"id": "a", "title": {"en": "Hi", "de": "Hallo"}, "weights": {"x": 1}, "list": [{"t": {"en": "A", "de": "B"}}]})
        );
    }
}
