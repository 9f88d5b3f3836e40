//! Localisable text: a plain string, or a map of language → string.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// Any human-readable string in a survey definition.
///
/// Authors may write `"Hello"` (one text for every language) or `{"en": "Hello", "de": "Hallo"}`.
/// Validation guarantees the survey's default language is present, so [`Text::get`] always has
/// something to return.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Localised(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, else in `default_lang`, else any language at all.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localised(map) => map
                .get(lang)
                .or_else(|| map.get(default_lang))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether the text exists in `lang` itself, without falling back.
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Localised(map) => map.get(lang).is_some_and(|s| !s.trim().is_empty()),
        }
    }

    /// Every string, in every language; used for length and markup checks.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        let (plain, map) = match self {
            Text::Plain(s) => (Some(s.as_str()), None),
            Text::Localised(m) => (None, Some(m.values().map(String::as_str))),
        };
        plain.into_iter().chain(map.into_iter().flatten())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

// Hand-written so that a wrong shape says what a text is, instead of serde's
// "data did not match any variant of untagged enum".
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: a string, or an object of language → string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Text, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((lang, text)) = access.next_entry::<String, String>()? {
                    map.insert(lang, text);
                }
                Ok(Text::Localised(map))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A string for every language, or an object of language code to string.",
            "oneOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_default_language() {
        let t: Text = serde_json::from_str(r#"{"en":"Hello","de":"Hallo"}"#).unwrap();
        assert_eq!(t.get("de", "en"), "Hallo");
        assert_eq!(t.get("es", "en"), "Hello");
        assert!(!t.has("es"));
    }

    #[test]
    fn wrong_shape_names_what_a_text_is() {
        let err = serde_json::from_str::<Text>("3").unwrap_err().to_string();
        assert!(err.contains("a string, or an object"), "{err}");
    }
}
