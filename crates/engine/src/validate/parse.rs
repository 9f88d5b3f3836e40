//! Reading definition JSON: encoding, syntax and shape problems, each with where it is.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::error::Error;
use crate::format::Definition;

use super::clip;

pub(super) fn parse(json: &[u8]) -> Result<Definition, Error> {
    if std::str::from_utf8(json).is_err() {
        return Err(Error::new("$", "definition is not valid UTF-8 text"));
    }
    if json.starts_with(b"\xEF\xBB\xBF") {
        return Err(Error::new(
            "$",
            "the file starts with a byte order mark (BOM); save it as UTF-8 without one",
        ));
    }
    // serde reads a struct from an array too; a survey is only ever an object.
    let first = json.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        let de = &mut serde_json::Deserializer::from_slice(json);
        return Err(match serde::de::IgnoredAny::deserialize(de).map(|_| ()) {
            Err(e) => json_error(json, &e),
            Ok(()) => Error::new("$", "expected a survey object { ... }"),
        });
    }
    let de = &mut serde_json::Deserializer::from_slice(json);
    let def: Definition = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "$".to_string() } else { path };
        let inner = e.into_inner();
        if inner.is_data() {
            Error::new(path, data_message(&inner.to_string()))
        } else if strip_position(&inner.to_string()) == "expected value" && is_json(json) {
            // serde_json reports a number or null where a word such as a question kind belongs
            // as a syntax error, though the JSON itself is fine.
            Error::new(path, "invalid type: expected a string")
        } else {
            json_error(json, &inner)
        }
    })?;
    // Without this, anything after the survey object would be silently ignored.
    de.end().map_err(|e| json_error(json, &e))?;
    if let Some(problem) = shape_problem(json) {
        return Err(problem);
    }
    Ok(def)
}

/// Whether `json` is one well-formed JSON value (of any depth; `IgnoredAny` does not recurse).
fn is_json(json: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(json).is_ok()
}

/// Fields whose value is a list. serde reads a struct from an array as well as from an object,
/// so `"pacing": ["hours"]` would pass as `{"question": "hours"}`; the format only has objects
/// there. Every array in a definition must therefore be the value of one of these fields.
const LIST_FIELDS: &[&str] = &[
    "languages",
    "levels",
    "groups",
    "dimensions",
    "references",
    "sections",
    "questions",
    "options",
    "labels",
    "paths",
    "boosts",
    "30",
    "60",
    "90",
    "resources",
    "explains",
    "allowed_parents",
];

/// The shape of a JSON document, keeping every key of an object even when one repeats
/// (`serde_json::Value` and serde's maps keep only the last).
enum Node {
    Scalar,
    List(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Node::Object(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// The first problem of shape that serde lets through, in a definition that has already been
/// read into a [`Definition`] (so it is valid JSON of sane depth): an array where the format
/// has an object, or a key given twice in one object (serde keeps the last value of a map
/// without a word, so `{"ann": 2, "ann": 3}` would quietly drop a weight).
fn shape_problem(json: &[u8]) -> Option<Error> {
    fn walk(node: &Node, path: &str, list_allowed: bool) -> Option<Error> {
        match node {
            Node::Scalar => None,
            Node::List(_) if !list_allowed => {
                Some(Error::new(path, "expected an object { ... }, not a list"))
            }
            Node::List(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, x)| walk(x, &format!("{path}[{i}]"), false)),
            Node::Object(entries) => {
                let mut seen = BTreeSet::new();
                entries.iter().find_map(|(k, x)| {
                    let sub = if path == "$" {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    if !seen.insert(k.as_str()) {
                        let message = format!("duplicate key \"{}\"; give each key once", clip(k));
                        return Some(Error::new(sub, message));
                    }
                    walk(x, &sub, LIST_FIELDS.contains(&k.as_str()))
                })
            }
        }
    }
    let node: Node = serde_json::from_slice(json).ok()?;
    walk(&node, "$", false)
}

fn json_error(json: &[u8], e: &serde_json::Error) -> Error {
    let mut message = format!(
        "not valid JSON at line {}, column {}: {}",
        e.line(),
        e.column(),
        strip_position(&e.to_string())
    );
    // serde_json points at the first letter of NaN, Infinity and -Infinity.
    let at = json
        .split(|&b| b == b'\n')
        .nth(e.line().saturating_sub(1))
        .and_then(|line| line.get(e.column().checked_sub(1)?..))
        .unwrap_or_default();
    if at.starts_with(b"NaN") || at.starts_with(b"Infinity") {
        message.push_str(" (JSON has no NaN or Infinity; write a finite number)");
    }
    Error::new("$", message)
}

/// serde's messages end with " at line L column C", which means little for a data error once we
/// give the path.
fn data_message(raw: &str) -> String {
    let msg = strip_position(raw);
    if msg.starts_with("invalid type: map") && msg.contains("expected struct Definition") {
        return "expected a survey object".into();
    }
    // serde names Rust types; authors know JSON.
    let mut msg = msg
        .replace("struct Definition", "a survey object")
        .replace("invalid type: sequence", "invalid type: list")
        .replace("invalid type: map", "invalid type: object");
    for (rust, json) in [
        ("expected f64", "expected a number"),
        ("expected u32", "expected a whole number"),
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected a sequence", "expected a list [ ... ]"),
        ("expected a map", "expected an object { ... }"),
    ] {
        if let Some(head) = msg.strip_suffix(rust) {
            msg = format!("{head}{json}");
        }
    }
    if let Some(i) = msg.find("expected struct ") {
        msg.truncate(i);
        msg.push_str("expected an object { ... }");
    }
    msg
}

fn strip_position(raw: &str) -> String {
    match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.to_string(),
    }
}
