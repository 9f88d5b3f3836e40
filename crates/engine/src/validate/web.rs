//! What a definition may put into URLs, CSP origins and colours.

/// Whether `s` is a web origin such as `https://intranet.example.com:8443`: a scheme, a host
/// and an optional port, nothing else. These end up in a CSP `frame-ancestors` list, where a
/// space, `;` or `*` would change the policy.
pub(super) fn is_origin(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !host.starts_with(['.', '-'])
        && !host.ends_with('-');
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

/// Whether a link is safe to put in an `href`: only the web's own schemes.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(char::is_whitespace)
}

/// Whether an image URL is safe: web schemes, or a relative path with no scheme at all.
pub fn is_safe_image_url(url: &str) -> bool {
    if is_web_url(url) {
        return true;
    }
    let no_scheme = match (url.find(':'), url.find('/')) {
        (None, _) => true,
        (Some(colon), Some(slash)) => slash < colon,
        (Some(_), None) => false,
    };
    !url.is_empty()
        && no_scheme
        && !url.starts_with("//")
        && !url.chars().any(|c| c.is_whitespace() || c == '\\')
}

/// `#rgb` or `#rrggbb` → (r, g, b).
pub fn parse_hex_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
    match hex.len() {
        3 => Some((digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
        6 => Some((digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for ok in [
            "https://intranet.example.com",
            "http://localhost:8080",
            "https://a-b.c",
        ] {
            assert!(is_origin(ok), "{ok}");
        }
        for bad in [
            "*",
            "https://",
            "intranet.example.com",
            "https://a.example/",
            "https://a.example/path",
            "https://a.example:",
            "https://a.example:99999999",
            "https://a.example b.example",
            "https://a.example;",
            "javascript:alert(1)",
            "https://user@a.example",
            "https://-a.example",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
    }
}
