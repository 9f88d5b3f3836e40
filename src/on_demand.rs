//! The areas a respondent may never need, each fetched only when first used.
//!
//! In the release build (`make dist`: built with the `split` feature, then cut by
//! `scripts/split.sh`) every area is its own wasm chunk: the report (scoring, paths, charts,
//! exports, QR code, result links), the team summary, loading a custom survey (fetching,
//! validation, inline links, offline copies) and the survey studio. Each area is one module with
//! one entry point, `area()`, which hands back a table of plain functions; nothing in the first
//! load calls into an area any other way, so the splitter can leave all of it out.
//!
//! Without the feature (`trunk serve`, component tests) the same entry points are ordinary
//! calls, so both builds behave alike and only the fetching differs.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use leptos::prelude::*;

use crate::session::Session;
use crate::source::{LoadError, Loaded, Source};

/// An area's chunk could not be fetched (offline, or a new release replaced it). The message
/// offers Retry; the answers are untouched, since they live in the first load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// What the report chunk offers.
#[derive(Clone, Copy)]
pub struct ReportArea {
    /// The report screen for the session's answers, or for the result link it opened.
    pub screen: fn() -> AnyView,
    /// The summary sent to a host page when an embedded run finishes.
    pub completion: fn(&Session) -> serde_json::Value,
}

/// What the team chunk offers.
#[derive(Clone, Copy)]
pub struct TeamArea {
    pub screen: fn() -> AnyView,
}

/// What the studio chunk offers.
#[derive(Clone, Copy)]
pub struct StudioArea {
    pub screen: fn() -> AnyView,
}

/// What the custom-survey chunk offers.
#[derive(Clone, Copy)]
pub struct CustomArea {
    /// Fetches or decodes, then validates, a survey that is not the built-in one.
    pub load: fn(Source) -> LocalFuture<Result<Loaded, LoadError>>,
}

/// One area: fetched at most once per visit, and again after a failure.
pub struct Area<T: 'static> {
    loaded: OnceLock<T>,
    fetch: fn() -> LocalFuture<Result<T, ChunkError>>,
}

impl<T: Copy + Send + Sync + 'static> Area<T> {
    const fn new(fetch: fn() -> LocalFuture<Result<T, ChunkError>>) -> Self {
        Area {
            loaded: OnceLock::new(),
            fetch,
        }
    }

    /// The area, fetching its chunk first if this visit has not yet.
    pub async fn get(&'static self) -> Result<T, ChunkError> {
        if let Some(area) = self.loaded.get() {
            return Ok(*area);
        }
        let area = (self.fetch)().await?;
        Ok(*self.loaded.get_or_init(|| area))
    }

    /// The area if it is already here, so a screen can show it without a frame of "Loading".
    pub fn ready(&'static self) -> Option<T> {
        self.loaded.get().copied()
    }

    /// Fetches the chunk in the background so that it is there when the person needs it, once
    /// the screen that asked has painted. A failure is not kept: the real use tries again and
    /// explains.
    pub fn prefetch(&'static self) {
        if self.ready().is_some() {
            return;
        }
        request_animation_frame(move || {
            set_timeout(
                move || {
                    leptos::task::spawn_local(async move {
                        let _ = self.get().await;
                    })
                },
                std::time::Duration::ZERO,
            )
        });
    }
}

pub static REPORT: Area<ReportArea> = Area::new(|| Box::pin(entries::report()));
pub static TEAM: Area<TeamArea> = Area::new(|| Box::pin(entries::team()));
pub static CUSTOM: Area<CustomArea> = Area::new(|| Box::pin(entries::custom()));
pub static STUDIO: Area<StudioArea> = Area::new(|| Box::pin(entries::studio()));

/// The split points. Each entry only names its area's `area()`; the splitter moves everything
/// reachable from there alone into the area's chunk.
#[cfg(feature = "split")]
mod entries {
    use leptos::wasm_split::wasm_split;

    use super::{ChunkError, CustomArea, ReportArea, StudioArea, TeamArea};

    #[wasm_split(report, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn report() -> Result<ReportArea, ChunkError> {
        Ok(crate::screens::report::area())
    }

    #[wasm_split(team, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn team() -> Result<TeamArea, ChunkError> {
        Ok(crate::screens::team::area())
    }

    #[wasm_split(custom, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn custom() -> Result<CustomArea, ChunkError> {
        Ok(crate::custom::area())
    }

    #[wasm_split(studio, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn studio() -> Result<StudioArea, ChunkError> {
        Ok(crate::screens::studio::area())
    }
}

#[cfg(not(feature = "split"))]
mod entries {
    use super::{ChunkError, CustomArea, ReportArea, StudioArea, TeamArea};

    pub async fn report() -> Result<ReportArea, ChunkError> {
        Ok(crate::screens::report::area())
    }

    pub async fn team() -> Result<TeamArea, ChunkError> {
        Ok(crate::screens::team::area())
    }

    pub async fn custom() -> Result<CustomArea, ChunkError> {
        Ok(crate::custom::area())
    }

    pub async fn studio() -> Result<StudioArea, ChunkError> {
        Ok(crate::screens::studio::area())
    }
}

/// Shows an area's screen once its chunk is here: "Loading" meanwhile, and if the chunk cannot
/// be fetched, a message with Retry in place of the screen. Nothing else on the page changes,
/// so the answers, the header and the way back all stay.
#[component]
pub fn OnDemand<T: Copy + Send + Sync + 'static>(
    area: &'static Area<T>,
    show: fn(T) -> AnyView,
    /// Set once the area is here, for those who wait on it (the embed's `complete` message).
    #[prop(optional)]
    loaded: Option<RwSignal<bool>>,
) -> impl IntoView {
    let state = RwSignal::new(area.ready().map(Ok));
    let fetch = move || {
        state.set(None);
        leptos::task::spawn_local(async move {
            let result = area.get().await;
            if let (Ok(_), Some(loaded)) = (&result, loaded) {
                loaded.set(true);
            }
            state.set(Some(result));
        });
    };
    match (state.get_untracked(), loaded) {
        (None, _) => fetch(),
        (Some(_), Some(loaded)) => loaded.set(true),
        (Some(_), None) => {}
    }
    move || match state.get() {
        Some(Ok(area)) => show(area),
        Some(Err(ChunkError)) => view! { <ChunkFailed retry=fetch /> }.into_any(),
        None => view! { <ChunkLoading /> }.into_any(),
    }
}

#[component]
fn ChunkLoading() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <p class="chunk-loading" role="status" aria-busy="true">
            <span class="spinner" aria-hidden="true"></span>{move || session.ui().loading}
        </p>
    }
}

#[component]
fn ChunkFailed(retry: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = expect_context::<Session>();
    let ui = move || session.ui();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus_screen(&h);
        }
    });
    view! {
        <section class="chunk-failed" role="alert" aria-labelledby="chunk-failed-title">
            <h1 id="chunk-failed-title" tabindex="-1" node_ref=heading>{move || ui().chunk_failed.0}</h1>
            <p>{move || ui().chunk_failed.1}</p>
            <div class="actions">
                <button type="button" class="primary" id="chunk-retry" on:click=move |_| retry()>{move || ui().retry}</button>
                <button type="button" class="secondary" id="chunk-back" on:click=move |_| session.back_to_answers()>
                    {move || ui().chunk_failed.2}
                </button>
            </div>
        </section>
    }
}
