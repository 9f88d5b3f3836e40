//! Branding from a survey's `theme`: the accent colour (made readable if it is not), the logo and
//! the organisation name.

use skillscope_engine::parse_hex_colour;

/// WCAG 2.x contrast needed for normal text.
pub const MIN_CONTRAST: f64 = 4.5;
/// The page backgrounds of the light and dark themes (see `style/base.css`).
pub const LIGHT_BG: (u8, u8, u8) = (0xff, 0xff, 0xff);
pub const DARK_BG: (u8, u8, u8) = (0x12, 0x14, 0x17);
/// The surfaces (notices, panels) the accent also sits on; the harder of the two backgrounds in
/// each theme, so an accent readable here is readable on the page too.
pub const LIGHT_SURFACE: (u8, u8, u8) = (0xf3, 0xf5, 0xf8);
pub const DARK_SURFACE: (u8, u8, u8) = (0x1d, 0x21, 0x27);

type Rgb = (u8, u8, u8);

fn channel(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.039_28 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

pub fn luminance((r, g, b): Rgb) -> f64 {
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    (m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// The nearest shade of `colour` that reads on `background`: mixed towards black on a light
/// background or white on a dark one, in small steps, until the contrast is enough.
pub fn readable_on(colour: Rgb, background: Rgb) -> Rgb {
    let towards = if luminance(background) > 0.5 {
        (0, 0, 0)
    } else {
        (255, 255, 255)
    };
    (0..=40)
        .map(|step| mix(colour, towards, f64::from(step) / 40.0))
        .find(|c| contrast(*c, background) >= MIN_CONTRAST)
        .unwrap_or(towards)
}

pub fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Accent colours for the light and dark themes, and whether either had to be adjusted.
pub fn accents(accent: &str) -> Option<(String, String, bool)> {
    let colour = parse_hex_colour(accent)?;
    let light = readable_on(colour, LIGHT_SURFACE);
    let dark = readable_on(colour, DARK_SURFACE);
    Some((hex(light), hex(dark), light != colour || dark != colour))
}

/// Applies a survey's accent colour to the page as CSS custom properties.
pub fn apply(accent: Option<&str>) {
    let Some((light, dark, adjusted)) = accent.and_then(accents) else {
        return;
    };
    if adjusted {
        web_sys::console::warn_1(
            &format!("Skillscope: the theme accent {} lacks contrast; using {light} (light) and {dark} (dark) instead", accent.unwrap_or_default())
                .into(),
        );
    }
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    use wasm_bindgen::JsCast;
    let Some(html) = html.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    // CSSOM writes are allowed under `style-src 'self'`; a style attribute would not be.
    let style = html.style();
    let _ = style.set_property("--brand-light", &light);
    let _ = style.set_property("--brand-dark", &dark);
    let _ = html.set_attribute("data-brand", "");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast((0x0b, 0x5c, 0xad), LIGHT_BG) - 6.67).abs() < 0.01);
    }

    #[test]
    fn readable_colours_are_kept() {
        let (light, dark, adjusted) = accents("#0b5cad").unwrap();
        assert_eq!(light, "#0b5cad");
        assert!(adjusted, "this blue is too dark for the dark theme");
        assert!(contrast(parse_hex_colour(&dark).unwrap(), DARK_SURFACE) >= MIN_CONTRAST);
        assert!(contrast(parse_hex_colour(&dark).unwrap(), DARK_BG) >= MIN_CONTRAST);
    }

    #[test]
    fn pale_brand_colours_are_darkened_to_the_nearest_readable_shade() {
        let pale = (0xff, 0xd7, 0x00);
        let fixed = readable_on(pale, LIGHT_SURFACE);
        assert!(contrast(fixed, LIGHT_BG) >= MIN_CONTRAST);
        assert!(contrast(fixed, LIGHT_SURFACE) >= MIN_CONTRAST);
        // One step less dark would not be enough: this is the nearest readable shade.
        assert!(
            fixed.0 < pale.0 && fixed.0 > 0x40,
            "{fixed:?} keeps its hue"
        );
        let (light, _, adjusted) = accents("#ffd700").unwrap();
        assert!(adjusted);
        assert_eq!(light, hex(fixed));
    }

    #[test]
    fn invalid_colours_are_ignored() {
        assert_eq!(accents("red"), None);
        assert_eq!(accents("#12345"), None);
    }
}
