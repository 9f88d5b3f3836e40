//! Where the survey comes from: the built-in one, a URL (`?survey=`), or the link itself
//! (`#def=`). The built-in one is part of the first load; any other is loaded and validated by
//! the custom-survey chunk (`custom.rs`) before anything is shown, and failures say exactly what
//! went wrong, because the person who sees them is usually the survey's author.

use skillscope_engine::{builtin, inline, Error, Survey, MAX_DEFINITION_BYTES};

use crate::i18n::{fill, Strings};
use crate::on_demand::CUSTOM;
use crate::prefs::{fragment_param, query_param};

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
    /// The network failed, the browser says it is offline, and this device has no copy.
    Offline,
    TooLarge,
    Inline(inline::InlineError),
    /// The part of the app that loads custom surveys could not be fetched.
    Chunk,
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
            LoadError::Offline => ui.load_errors[10].to_string(),
            LoadError::TooLarge => fill(ui.load_errors[7], &[("kb", &kb(MAX_DEFINITION_BYTES))]),
            LoadError::Inline(inline::InlineError::TooLarge | inline::InlineError::TooLong) => {
                fill(ui.load_errors[9], &[("kb", &kb(inline::MAX_INLINE_BYTES))])
            }
            LoadError::Inline(_) => ui.load_errors[8].to_string(),
            LoadError::Chunk => ui.chunk_failed.1.to_string(),
        }
    }
}

/// A survey ready to run.
pub struct Loaded {
    pub survey: Survey,
    /// Set when the network failed and this device's copy of a survey loaded by URL is shown
    /// instead: when that copy was saved, in milliseconds since 1970.
    pub offline_copy: Option<f64>,
}

impl From<Survey> for Loaded {
    fn from(survey: Survey) -> Loaded {
        Loaded {
            survey,
            offline_copy: None,
        }
    }
}

/// Loads a survey: the built-in one from the first load, any other through its chunk.
pub async fn load(source: Source) -> Result<Loaded, LoadError> {
    let Source::Builtin(id) = source else {
        let custom = CUSTOM.get().await.map_err(|_| LoadError::Chunk)?;
        return (custom.load)(source).await;
    };
    let survey = crate::languages::builtin_survey(id).ok_or(LoadError::NotFound)?;
    // Someone arriving in another language gets its texts before the first screen.
    let lang = crate::prefs::initial_lang(&survey.languages());
    if crate::languages::needs(&survey, &lang) {
        if let Some(translated) = crate::languages::load(&survey, &lang).await {
            return Ok(translated.into());
        }
    }
    Ok(survey.into())
}
