//! Sharing a valid survey: a link that carries it (`#def=`) when it fits, otherwise the file
//! to host and how to link to it.

use leptos::prelude::*;
use skillscope_engine::inline;

use super::check::Checked;
use crate::embed::normalise_origin;
use crate::export::{download, percent_encode, qr_path, Page};
use crate::i18n::fill;
use crate::session::Session;

#[derive(Clone, PartialEq)]
enum Shared {
    None,
    FixFirst,
    Inline(String),
    TooLarge,
}

#[component]
pub fn Share(checked: RwSignal<Checked>, text: RwSignal<String>) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.studio_ui();
    let shared = RwSignal::new(Shared::None);
    // A link made for an earlier draft must not be handed out for this one.
    Effect::new(move |_| {
        text.track();
        shared.set(Shared::None);
    });
    let make_link = move |_| {
        shared.set(match checked.get_untracked() {
            Checked::Valid { .. } => inline_link(&text.get_untracked()),
            _ => Shared::FixFirst,
        });
    };
    let save_file = move |_| {
        let text = text.get_untracked();
        let id = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_string))
            .filter(|id| skillscope_engine::is_valid_id(id))
            .unwrap_or_else(|| "survey".into());
        download(&format!("{id}.json"), "application/json", &text);
    };
    view! {
        <section class="studio-share" aria-labelledby="studio-share-title">
            <h2 id="studio-share-title" class="visually-hidden">{move || ui().share}</h2>
            <div class="actions">
                <button type="button" class="primary" id="studio-share" on:click=make_link>{move || ui().share}</button>
                <button type="button" id="studio-download" on:click=save_file>{move || ui().download}</button>
            </div>
            {move || match shared.get() {
                Shared::None => ().into_any(),
                Shared::FixFirst => view! { <p class="notice" role="alert" id="studio-share-note">{ui().share_fix_first}</p> }.into_any(),
                Shared::Inline(link) => view! {
                    <label for="studio-share-link" class="field-label">{ui().share_label}</label>
                    <input id="studio-share-link" class="share-link" type="text" readonly value=link.clone() />
                    <p class="fine" role="status" id="studio-share-note">{ui().share_inline}</p>
                    <Qr link=link.clone() />
                    <EmbedSnippet link />
                }
                .into_any(),
                Shared::TooLarge => view! {
                    <p class="notice" role="status" id="studio-share-note">
                        {fill(ui().share_too_large, &[("kb", &(inline::MAX_INLINE_BYTES / 1024))])}
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The link as a QR code, for a slide or a poster; a long survey makes too long a link for one.
#[component]
fn Qr(link: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.studio_ui();
    match qr_path(&link) {
        Some((d, size)) => view! {
            <svg class="qr" id="studio-qr" viewBox=format!("0 0 {size} {size}") role="img" aria-label=move || ui().qr_label>
                <rect width=size height=size fill="#fff"></rect>
                <path d=d fill="#000"></path>
            </svg>
        }
        .into_any(),
        None => view! { <p class="fine" id="studio-qr-too-long">{move || ui().qr_too_long}</p> }.into_any(),
    }
}

/// The iframe an intranet page embeds: the app in embed mode, talking only to that origin.
#[component]
fn EmbedSnippet(link: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.studio_ui();
    let origin = RwSignal::new(String::new());
    let (base, fragment) = link
        .split_once('#')
        .map_or((link.clone(), String::new()), |(b, f)| {
            (b.to_string(), f.to_string())
        });
    let snippet = move || {
        let raw = origin.get();
        let parent = normalise_origin(raw.trim())?;
        Some(format!(
            r#"<iframe src="{base}?embed=1&parent={}#{fragment}" title="Skills self-assessment" style="width:100%;border:0" sandbox="allow-scripts allow-same-origin allow-downloads allow-popups"></iframe>"#,
            percent_encode(&parent)
        ))
    };
    let snippet = Signal::derive(snippet);
    let bad = move || !origin.get().trim().is_empty() && snippet.get().is_none();
    view! {
        <label for="studio-embed-origin" class="field-label">{move || ui().embed_origin}</label>
        <input id="studio-embed-origin" type="text" inputmode="url" autocomplete="off" placeholder="https://intranet.example.com"
            aria-describedby="studio-embed-hint" on:input=move |ev| origin.set(event_target_value(&ev)) />
        <p class="fine" id="studio-embed-hint" role="status">{move || bad().then(|| ui().embed_bad_origin)}</p>
        {move || snippet.get().map(|code| view! {
            <label for="studio-embed" class="field-label">{ui().embed_label}</label>
            <textarea id="studio-embed" class="studio-json" readonly rows="4" prop:value=code></textarea>
        })}
    }
}

/// The survey in a link, compacted first; decoded again to prove the link will open.
fn inline_link(text: &str) -> Shared {
    let compact = serde_json::from_str::<serde_json::Value>(text)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| text.to_string());
    let code = inline::encode(&compact);
    if compact.len() > inline::MAX_INLINE_BYTES || inline::decode(&code).is_err() {
        return Shared::TooLarge;
    }
    Shared::Inline(format!("{}#def={code}", Page::current().base))
}
