//! Intranet embedding (`?embed=1`): no page chrome, and messages to the host page.
//!
//! Messages go only to the origin named in `?parent=`, never to `*`, and incoming messages are
//! ignored unless they come from that origin. Every message is
//! `{"source": "skillscope", "type": ..., ...}` and carries no free text.

use serde::Serialize;
use serde_json::json;
use skillscope_engine::code::encode;
use skillscope_engine::{Answers, Report, Survey};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::prefs::query_param;

#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    /// The host page's origin, when given and well formed.
    pub parent: Option<String>,
}

impl Embed {
    /// `Some` in embed mode.
    pub fn from_location() -> Option<Embed> {
        if query_param("embed").as_deref() != Some("1") {
            return None;
        }
        Some(Embed {
            parent: query_param("parent").and_then(|p| normalise_origin(&p)),
        })
    }

    /// Marks the page for the embed styles (`html.embed`, transparent background on request).
    pub fn apply_page_mode(&self) {
        let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let _ = html.class_list().add_1("embed");
        if query_param("bg").as_deref() == Some("transparent") {
            let _ = html.class_list().add_1("transparent");
        }
    }

    pub fn send(&self, kind: &str, payload: serde_json::Value) {
        let Some(origin) = &self.parent else { return };
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let mut message = json!({ "source": "skillscope", "type": kind });
        if let (Some(m), serde_json::Value::Object(extra)) = (message.as_object_mut(), payload) {
            m.extend(extra);
        }
        if let Ok(value) = js_sys::JSON::parse(&message.to_string()) {
            let _ = parent.post_message(&value, origin);
        }
    }

    /// Sends `resize` whenever the page's height changes.
    pub fn watch_height(&self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = document.body() else { return };
        let embed = self.clone();
        let last = std::cell::Cell::new(0);
        let callback = Closure::<dyn FnMut()>::new(move || {
            // The body, not the document: the document is never shorter than the iframe, so the
            // frame could grow but never shrink.
            let height = document.body().map_or(0, |b| b.scroll_height());
            if height != last.get() {
                last.set(height);
                embed.send("resize", json!({ "height": height }));
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&body);
            // Both live as long as the page.
            std::mem::forget(observer);
            callback.forget();
        }
    }

    /// Calls `on_lang` for `{"type": "set-lang", "lang": ...}` from the parent origin only.
    pub fn listen(&self, on_lang: impl Fn(String) + 'static) {
        let Some(origin) = self.parent.clone() else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if event.origin() != origin {
                    return;
                }
                let data = event.data();
                let field = |name: &str| {
                    js_sys::Reflect::get(&data, &name.into())
                        .ok()
                        .and_then(|v| v.as_string())
                };
                if field("type").as_deref() == Some("set-lang") {
                    if let Some(lang) = field("lang") {
                        on_lang(lang);
                    }
                }
            });
        let _ =
            window.add_event_listener_with_callback("message", callback.as_ref().unchecked_ref());
        callback.forget();
    }
}

/// `scheme://host[:port]` exactly as `URL.origin` spells it, or `None` when `raw` is not a
/// plain http(s) origin (a path, `*`, `null` or markup are all refused).
pub(crate) fn normalise_origin(raw: &str) -> Option<String> {
    let url = web_sys::Url::new(raw).ok()?;
    let origin = url.origin();
    let plain = matches!(url.protocol().as_str(), "https:" | "http:")
        && raw.trim_end_matches('/') == origin
        && !origin.is_empty();
    plain.then_some(origin)
}

/// The `complete` message: the summary a host may keep, without free text.
pub fn completion(survey: &Survey, answers: &Answers, report: &Report) -> serde_json::Value {
    #[derive(Serialize)]
    struct Dim<'a> {
        id: &'a str,
        score: f64,
        level: &'a str,
    }
    #[derive(Serialize)]
    struct PathSummary<'a> {
        id: &'a str,
        kind: skillscope_engine::format::PathKind,
        fit: f64,
    }
    let dimensions: Vec<Dim> = report
        .dimensions
        .iter()
        .map(|d| Dim {
            id: &d.id,
            score: d.score,
            level: &d.level,
        })
        .collect();
    let paths: Vec<PathSummary> = report
        .paths
        .iter()
        .take(3)
        .map(|p| PathSummary {
            id: &p.id,
            kind: p.kind,
            fit: p.fit,
        })
        .collect();
    json!({
        "survey": report.survey,
        "readiness": report.readiness,
        "axes": report.axes,
        "quadrant": report.quadrant,
        "dimensions": dimensions,
        "paths": paths,
        "code": encode(survey, answers),
    })
}
