//! Inline survey links: a whole definition in the URL fragment (`#def=…`), deflated and
//! base64url-encoded, so a small custom survey can be shared without hosting anything.

use std::fmt;

/// Largest definition an inline link may unpack to. Links this long already strain chat apps
/// and QR codes; bigger surveys should be hosted and linked with `?survey=<URL>`.
pub const MAX_INLINE_BYTES: usize = 64 * 1024;
/// Longest fragment accepted before even trying to unpack it.
const MAX_CODE_CHARS: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InlineError {
    Empty,
    TooLong,
    NotBase64,
    NotDeflate,
    TooLarge,
}

impl fmt::Display for InlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InlineError::Empty => f.write_str("the survey link holds no survey"),
            InlineError::TooLong | InlineError::TooLarge => write!(
                f,
                "the survey in this link is larger than {} KB; host the file and share ?survey=<URL> instead",
                MAX_INLINE_BYTES / 1024
            ),
            InlineError::NotBase64 | InlineError::NotDeflate => {
                f.write_str("the survey link is damaged; copy the whole link again")
            }
        }
    }
}

impl std::error::Error for InlineError {}

/// Packs definition JSON into the text after `#def=`.
pub fn encode(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    crate::code::base64url_encode(&packed)
}

/// Unpacks the text after `#def=` into definition bytes, ready for [`crate::validate`].
pub fn decode(code: &str) -> Result<Vec<u8>, InlineError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(InlineError::Empty);
    }
    if code.len() > MAX_CODE_CHARS {
        return Err(InlineError::TooLong);
    }
    let packed = crate::code::base64url_decode(code).map_err(|_| InlineError::NotBase64)?;
    // The limit stops a deflate bomb before it allocates more than the cap.
    miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INLINE_BYTES).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            InlineError::TooLarge
        } else {
            InlineError::NotDeflate
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_url_safe() {
        let json = include_str!("../tests/fixtures/sample.json");
        let code = encode(json);
        assert!(
            code.len() < json.len() / 2,
            "{} vs {}",
            code.len(),
            json.len()
        );
        assert!(code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode(&code).unwrap(), json.as_bytes());
    }

    #[test]
    fn bombs_and_damage_are_refused() {
        let bomb = encode(&" ".repeat(MAX_INLINE_BYTES + 1));
        assert!(bomb.len() < 1000, "a bomb is small");
        assert_eq!(decode(&bomb), Err(InlineError::TooLarge));
        assert_eq!(decode("!!"), Err(InlineError::NotBase64));
        assert_eq!(decode("AAAA"), Err(InlineError::NotDeflate));
        assert_eq!(decode(""), Err(InlineError::Empty));
        assert_eq!(
            decode(&"A".repeat(MAX_CODE_CHARS + 1)),
            Err(InlineError::TooLong)
        );
    }
}
