//! Loading a survey that is not the built-in one: fetching `?survey=<URL>` or decoding `#def=`,
//! then validating it. This is the custom-survey chunk; its entry point is [`area`].

use skillscope_engine::{inline, validate, MAX_DEFINITION_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::on_demand::CustomArea;
use crate::source::{LoadError, Source};

/// How long a survey fetch may take before we stop waiting and offer Retry.
const FETCH_TIMEOUT_MS: i32 = 15_000;

/// The chunk's one entry point.
pub fn area() -> CustomArea {
    CustomArea {
        load: |source| Box::pin(load(source)),
    }
}

async fn load(source: Source) -> Result<skillscope_engine::Survey, LoadError> {
    let bytes = match source {
        // `source::load` keeps the built-in survey in the first load; it never comes here.
        Source::Builtin(_) => return Err(LoadError::NotFound),
        Source::Inline(code) => inline::decode(&code).map_err(LoadError::Inline)?,
        Source::Url(url) => fetch_definition(&url).await?,
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
