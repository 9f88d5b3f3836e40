//! Language and colour scheme: chosen from the URL, saved preferences and the browser, and
//! applied to `<html>`.

use crate::i18n;
use crate::storage;

/// `?lang=`, then the saved choice, then `navigator.languages`, then English; only languages both
/// the interface and the survey offer count.
pub fn initial_lang(survey_langs: &[&str]) -> String {
    let offered = |l: &str| {
        let base = l.split('-').next().unwrap_or_default().to_ascii_lowercase();
        (survey_langs.contains(&base.as_str()) && i18n::LANGUAGES.iter().any(|(c, _)| *c == base))
            .then_some(base)
    };
    let from_query = query_param("lang").and_then(|l| offered(&l));
    let saved = || storage::load_pref("lang").and_then(|l| offered(&l));
    let browser = || {
        let langs = web_sys::window()?.navigator().languages();
        langs
            .iter()
            .filter_map(|v| v.as_string())
            .find_map(|l| offered(&l))
    };
    from_query
        .or_else(saved)
        .or_else(browser)
        .or_else(|| offered("en"))
        .or_else(|| survey_langs.first().map(|l| l.to_string()))
        .unwrap_or_else(|| "en".into())
}

pub fn apply_lang(lang: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("lang", lang);
        // Every shipped language is left-to-right; logical CSS properties keep RTL a data change.
        let _ = html.set_attribute(
            "dir",
            if matches!(lang, "ar" | "he" | "fa" | "ur") {
                "rtl"
            } else {
                "ltr"
            },
        );
    }
}

/// `?theme=dark|light`, then the saved choice, then `prefers-color-scheme`.
pub fn initial_dark() -> bool {
    let choice = query_param("theme").or_else(|| storage::load_pref("theme"));
    match choice.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}

pub fn apply_theme(dark: bool) {
    if let Some(html) = html() {
        let _ = html.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// A `name=value` parameter of the URL fragment, such as the result code in `#r=…`.
pub fn fragment_param(name: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(hash.strip_prefix('#')?).ok()?;
    params.get(name)
}

/// A query-string parameter of the page URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Whether `web/boot.js` marked `<html>` with `attribute`: `data-start-early` when Start was
/// pressed on the start page index.html shows before the wasm runs, `data-resume` after a
/// Reload into a new version. Asking clears it, so it counts once.
pub fn take_flag(attribute: &str) -> bool {
    let Some(root) = leptos::prelude::document().document_element() else {
        return false;
    };
    let set = root.has_attribute(attribute);
    let _ = root.remove_attribute(attribute);
    set
}
