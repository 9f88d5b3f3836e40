//! Where the survey comes from: the built-in one, a URL (`?survey=`), or the link itself
//! (`#def=`). Loading validates before anything is shown, and failures say exactly what went
//! wrong, because the person who sees them is usually the survey's author.

use skillscope_engine::{builtin, inline, validate, Error, Survey, MAX_DEFINITION_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{fill, Strings};
use crate::prefs::{fragment_param, query_param};

/// How long a survey fetch may take before we stop waiting and offer Retry.
const FETCH_TIMEOUT_MS: i32 = 15_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Builtin(&'static str),
    Url(String),
    Inline(String),
}

impl Source {
    /// Reads the page URL. An unknown built-in id is treated as a relative URL, since that is
    /// what a path like `team.json` is.
    pub fn from_location() -> Source {
        if let Some(code) = fragment_param("def") {
            return Source::Inline(code);
        }
        match query_param("survey") {
            None => Source::Builtin(builtin::DEFAULT_ID),
            Some(s) if s.trim().is_empty() => Source::Builtin(builtin::DEFAULT_ID),
            Some(s) => match builtin::IDS.iter().find(|id| **id == s) {
                Some(id) => Source::Builtin(id),
                None => Source::Url(s),
            },
        }
    }

    /// The prefix for everything stored about this survey, so a custom survey never mixes its
    /// answers with the built-in one even if the ids collide.
    pub fn storage_scope(&self, survey: &Survey) -> String {
        match self {
            Source::Builtin(_) => survey.id().to_string(),
            _ => format!("custom:{}", survey.id()),
        }
    }
}

/// Why a survey could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The definition loaded but is not valid.
    Invalid(Vec<Error>),
    BadUrl,
    NotFound,
    Http(u16),
    /// The server answered, but without CORS headers allowing this page to read it.
    Cors,
    Network,
    Timeout,
    TooLarge,
    Inline(inline::InlineError),
}

impl LoadError {
    /// The explanation in the interface's language.
    pub fn message(&self, ui: &Strings) -> String {
        let kb = |bytes: usize| bytes / 1024;
        match self {
            LoadError::Invalid(errors) => fill(ui.load_errors[0], &[("n", &errors.len())]),
            LoadError::BadUrl => ui.load_errors[1].to_string(),
            LoadError::NotFound => ui.load_errors[2].to_string(),
            LoadError::Http(status) => fill(ui.load_errors[3], &[("status", status)]),
            LoadError::Cors => ui.load_errors[4].to_string(),
            LoadError::Network => ui.load_errors[5].to_string(),
            LoadError::Timeout => ui.load_errors[6].to_string(),
            LoadError::TooLarge => fill(ui.load_errors[7], &[("kb", &kb(MAX_DEFINITION_BYTES))]),
            LoadError::Inline(inline::InlineError::TooLarge | inline::InlineError::TooLong) => {
                fill(ui.load_errors[9], &[("kb", &kb(inline::MAX_INLINE_BYTES))])
            }
            LoadError::Inline(_) => ui.load_errors[8].to_string(),
        }
    }
}

/// Loads and validates a survey.
pub async fn load(source: &Source) -> Result<Survey, LoadError> {
    let bytes = match source {
        Source::Builtin(id) => {
            let survey = crate::languages::builtin_survey(id).ok_or(LoadError::NotFound)?;
            // Someone arriving in another language gets its texts before the first screen.
            let lang = crate::prefs::initial_lang(&survey.languages());
            if crate::languages::needs(&survey, &lang) {
                if let Some(translated) = crate::languages::load(&survey, &lang).await {
                    return Ok(translated);
                }
            }
            return Ok(survey);
        }
        Source::Inline(code) => inline::decode(code).map_err(LoadError::Inline)?,
        Source::Url(url) => fetch_definition(url).await?,
    };
    validate(&bytes).map_err(LoadError::Invalid)
}

/// Only relative paths and the web's own schemes; `javascript:` or `data:` never reach fetch.
fn resolve(url: &str) -> Result<String, LoadError> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let resolved = web_sys::Url::new_with_base(url, &base.unwrap_or_default())
        .map_err(|_| LoadError::BadUrl)?;
    match resolved.protocol().as_str() {
        "https:" | "http:" => Ok(resolved.href()),
        _ => Err(LoadError::BadUrl),
    }
}

async fn fetch_definition(url: &str) -> Result<Vec<u8>, LoadError> {
    let url = resolve(url)?;
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
        let c = c.clone();
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || c.abort());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            FETCH_TIMEOUT_MS,
        );
    }
    let response = match JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await {
        Ok(r) => r.unchecked_into::<web_sys::Response>(),
        Err(e) => return Err(classify_failure(&window, &url, &e).await),
    };
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(LoadError::NotFound),
        status => return Err(LoadError::Http(status)),
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Network)?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if bytes.length() as usize > MAX_DEFINITION_BYTES {
        return Err(LoadError::TooLarge);
    }
    Ok(bytes.to_vec())
}

/// `fetch` rejects CORS refusals and network failures alike. A second, opaque (`no-cors`)
/// request tells them apart: if the server answers that, it is up, so CORS was the reason.
async fn classify_failure(window: &web_sys::Window, url: &str, error: &JsValue) -> LoadError {
    // Our own timeout aborts the request, which rejects with an AbortError.
    if error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "AbortError")
    {
        return LoadError::Timeout;
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(_) => LoadError::Cors,
        Err(_) => LoadError::Network,
    }
}
