//! The built-in survey's other languages, fetched when someone chooses one.
//!
//! The app embeds the built-in survey in its default language only (see `build.rs`); each other
//! language is a same-origin file in dist/ holding the same structure with only that language's
//! texts. Merging adds its texts to the survey and can change nothing else.
//!
//! Merging works on the JSON, which is kept with every language fetched so far, rather than on
//! the survey: turning a survey back into JSON would put its serialiser into the first load.

use std::cell::RefCell;

use serde_json::Value;
use skillscope_engine::{builtin, from_checked_json, Survey};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The built-in survey as the first load embeds it: default-language texts only, and no paths.
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ai-readiness.default.json"));

/// The built-in survey's paths in its default language. Only [`with_paths`] reads them, and only
/// the report and team chunks call that, so they stay out of the first load.
const PATHS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ai-readiness.paths.json"));

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
    let text = fetch_text(&format!("{}.{lang}.json", survey.id())).await?;
    let overlay: Value = serde_json::from_str(&text).ok()?;
    with_texts(&overlay)
}

/// One of the app's own files beside index.html, as text; `None` when it cannot be had.
pub async fn fetch_text(url: &str) -> Option<String> {
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The built-in survey's JSON as merged so far, and the overlays merged into it, which are merged
/// again once the paths arrive so that their texts are not lost.
struct Merged {
    json: Value,
    overlays: Vec<Value>,
}

thread_local! {
    static MERGED: RefCell<Option<Merged>> = const { RefCell::new(None) };
}

fn with_merged(change: impl FnOnce(&mut Merged)) -> Option<Survey> {
    MERGED.with_borrow_mut(|merged| {
        if merged.is_none() {
            *merged = Some(Merged {
                json: serde_json::from_str(DEFAULT_JSON).ok()?,
                overlays: Vec::new(),
            });
        }
        let merged = merged.as_mut()?;
        change(merged);
        from_checked_json(&merged.json.to_string())
    })
}

/// The built-in survey with the overlay's texts added to those it has. Merging adds strings and
/// can change no structure, so the result is as valid as the built-in survey it came from (the
/// tests validate it).
pub fn with_texts(overlay: &Value) -> Option<Survey> {
    with_merged(|merged| {
        merge_texts(&mut merged.json, overlay);
        merged.overlays.push(overlay.clone());
    })
}

/// The built-in survey with its paths, in every language fetched so far; later language
/// switches keep them.
pub fn with_paths() -> Option<Survey> {
    with_merged(|merged| {
        let no_paths = merged.json["paths"].as_array().is_none_or(Vec::is_empty);
        if let (true, Ok(paths)) = (no_paths, serde_json::from_str::<Value>(PATHS_JSON)) {
            merged.json["paths"] = paths;
            for overlay in &merged.overlays {
                merge_texts(&mut merged.json, overlay);
            }
        }
    })
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
        assert!(survey.paths().is_empty());
        let with_paths = with_paths().expect("reads");
        let json = serde_json::to_string(with_paths.definition()).unwrap();
        let validated = skillscope_engine::validate(json.as_bytes()).expect("valid");
        assert_eq!(with_paths.definition(), validated.definition());
        assert_eq!(
            with_paths.definition().sections,
            survey.definition().sections
        );
        assert!(!with_paths.paths().is_empty());
        assert!(survey.definition().title.has("en"));
        assert!(!survey.definition().title.has("de"));
        assert!(needs(&survey, "de") && needs(&survey, "es") && !needs(&survey, "en"));
        assert!(DEFAULT_JSON.len() * 2 < builtin::AI_READINESS_JSON.len());
    }

    #[test]
    fn merging_a_language_restores_the_full_survey_whenever_the_paths_arrive() {
        // The overlay is the full survey: merging may only add what the base lacks. Each test
        // runs on its own thread, so each starts from the embedded survey.
        let full: Value = serde_json::from_str(builtin::AI_READINESS_JSON).unwrap();
        let reference = builtin::survey(builtin::DEFAULT_ID).unwrap();
        let check = |merged: Survey| {
            let json = serde_json::to_string(merged.definition()).unwrap();
            assert!(skillscope_engine::validate(json.as_bytes()).is_ok());
            assert_eq!(merged.definition(), reference.definition());
            assert!(!needs(&merged, "de"));
        };
        let before = std::thread::spawn(move || {
            let texts_only = with_texts(&full).expect("reads");
            assert!(texts_only.paths().is_empty());
            with_paths().expect("reads")
        });
        check(before.join().unwrap());
        let full: Value = serde_json::from_str(builtin::AI_READINESS_JSON).unwrap();
        let after = std::thread::spawn(move || {
            with_paths().expect("reads");
            with_texts(&full).expect("reads")
        });
        check(after.join().unwrap());
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
