//! Any text as an inline survey link (`#def=…`): unpacking never panics, never yields more than
//! the cap, and whatever it yields goes through validation without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillscope_engine::inline::{decode, encode, MAX_INLINE_BYTES};
use skillscope_engine::validate;

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = std::str::from_utf8(data) {
        if let Ok(bytes) = decode(code) {
            assert!(bytes.len() <= MAX_INLINE_BYTES);
            let _ = validate(&bytes);
        }
    }
    // And every definition-sized text survives a round trip through a link.
    if let Ok(text) = std::str::from_utf8(data) {
        if text.len() <= MAX_INLINE_BYTES {
            assert_eq!(decode(&encode(text)).as_deref(), Ok(text.as_bytes()));
        }
    }
});
