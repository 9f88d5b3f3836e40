//! Loading a survey that is not the built-in one: fetching `?survey=<URL>` or decoding `#def=`,
//! then validating it. This is the custom-survey chunk; its entry point is [`area`].
//!
//! A survey loaded by URL is fetched from the network first; when the network fails, this
//! device's last good copy ([`copies`]) is shown instead, and labelled as such.

mod copies;

use skillscope_engine::{inline, validate, MAX_DEFINITION_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::on_demand::CustomArea;
use crate::source::{LoadError, Loaded, Source};

/// How long a survey fetch may take before we stop waiting and offer Retry.
const FETCH_TIMEOUT_MS: i32 = 15_000;

/// The chunk's one entry point.
pub fn area() -> CustomArea {
    CustomArea {
        load: |source| Box::pin(load(source)),
    }
}

async fn load(source: Source) -> Result<Loaded, LoadError> {
    match source {
        // `source::load` keeps the built-in survey in the first load; it never comes here.
        Source::Builtin(_) => Err(LoadError::NotFound),
        Source::Inline(code) => {
            let bytes = inline::decode(&code).map_err(LoadError::Inline)?;
            Ok(validate(&bytes).map_err(LoadError::Invalid)?.into())
        }
        Source::Url(url) => load_url(&url).await,
    }
}

/// Network first; only a failed connection (not a 404, CORS or an invalid file) falls back to
/// the copy, so a survey its author withdrew or broke is never shown from the past.
async fn load_url(url: &str) -> Result<Loaded, LoadError> {
    let url = resolve(url)?;
    let failure = match fetch_definition(&url).await {
        Ok(bytes) => {
            let survey = validate(&bytes).map_err(LoadError::Invalid)?;
            copies::save(&url, &bytes).await;
            return Ok(survey.into());
        }
        Err(e @ (LoadError::Network | LoadError::Timeout)) => e,
        Err(e) => return Err(e),
    };
    match copies::find(&url).await {
        Some(copy) => Ok(Loaded {
            survey: validate(&copy.bytes).map_err(LoadError::Invalid)?,
            offline_copy: Some(copy.saved_ms),
        }),
        None if !online() => Err(LoadError::Offline),
        None => Err(failure),
    }
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
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
    let response = match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(r) => r.unchecked_into::<web_sys::Response>(),
        Err(e) => return Err(classify_failure(&window, url, &e).await),
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
