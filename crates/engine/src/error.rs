//! The one error type of the engine: a problem at a place in a definition or an answers file.

use std::fmt;

/// A problem found in a survey definition or an answers file.
///
/// Validation collects every problem instead of stopping at the first, so authors can fix a file
/// in one pass. `path` is a JSON path such as `sections[2].questions[0].options[3].level`, or `$`
/// for the whole document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Where the problem is, as a JSON path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, in plain lowercase words.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Error {}
