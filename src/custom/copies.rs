//! This device's last good copy of each survey loaded by URL, so a survey opened once still
//! opens offline. They live in Cache Storage, not localStorage, which holds the answers and is
//! small. The service worker never deletes this cache: its own carry the app's version.

use js_sys::{Date, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Headers, Response, ResponseInit};

const CACHE: &str = "skillscope-surveys";
/// When the copy was saved, in milliseconds since 1970.
const SAVED: &str = "skillscope-saved";

pub struct SavedCopy {
    pub bytes: Vec<u8>,
    pub saved_ms: f64,
}

/// Keeps `bytes` as the copy of `url`. Without Cache Storage (a plain-http host, a private
/// window that refuses it) there is simply no copy.
pub async fn save(url: &str, bytes: &[u8]) {
    let Some(cache) = open().await else { return };
    let headers = Headers::new().ok();
    let init = ResponseInit::new();
    if let Some(h) = &headers {
        let _ = h.set("content-type", "application/json");
        let _ = h.set(SAVED, &Date::now().to_string());
        init.set_headers(h);
    }
    let body = Uint8Array::from(bytes);
    if let Ok(response) = Response::new_with_opt_buffer_source_and_init(Some(&body), &init) {
        let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
    }
}

pub async fn find(url: &str) -> Option<SavedCopy> {
    let cache = open().await?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response = found.dyn_into::<Response>().ok()?;
    let saved_ms = response.headers().get(SAVED).ok()??.parse().ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(SavedCopy {
        bytes: Uint8Array::new(&buffer).to_vec(),
        saved_ms,
    })
}

async fn open() -> Option<Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()
}
