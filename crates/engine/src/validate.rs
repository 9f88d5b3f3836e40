//! Turning definition JSON into a [`Survey`], reporting every problem at once.
//!
//! Two passes: serde reads the shape (a wrong type stops it, so that problem comes alone, with
//! its path), then [`Checker`] walks the typed definition and collects every semantic problem.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::error::Error;
use crate::expr::Expr;
use crate::format::{Definition, Kind, Path, Question, Text};
use crate::survey::Survey;

/// Largest definition accepted. The built-in survey is about a tenth of this.
pub const MAX_DEFINITION_BYTES: usize = 2 * 1024 * 1024;
/// Longest single text accepted; a paragraph is a few hundred bytes.
const MAX_TEXT_BYTES: usize = 4000;
/// Most options a multi-choice question may have; result codes store one bit each.
const MAX_MULTI_OPTIONS: usize = 12;
/// Most distinct values of a numeric question; result codes store the step index.
const MAX_NUMBER_STEPS: f64 = 1000.0;

/// Reads and checks a survey definition.
///
/// Invalid JSON is reported with its line and column; a wrong shape with the path of the first
/// mismatch; and then every semantic problem at once.
pub fn validate(json: &[u8]) -> Result<Survey, Vec<Error>> {
    if json.len() > MAX_DEFINITION_BYTES {
        return Err(vec![Error::new(
            "$",
            format!(
                "definition is {} bytes; the limit is {} bytes",
                json.len(),
                MAX_DEFINITION_BYTES
            ),
        )]);
    }
    let def = parse(json).map_err(|e| vec![e])?;
    validate_definition(def)
}

/// Checks an already-parsed definition.
pub fn validate_definition(def: Definition) -> Result<Survey, Vec<Error>> {
    let mut checker = Checker::new(&def);
    checker.check_all();
    let Checker {
        errors,
        show_if,
        boosts,
        ..
    } = checker;
    if errors.is_empty() {
        Ok(Survey::new(def, show_if, boosts))
    } else {
        Err(errors)
    }
}

fn parse(json: &[u8]) -> Result<Definition, Error> {
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

struct Checker<'a> {
    def: &'a Definition,
    errors: Vec<Error>,
    dims: BTreeSet<&'a str>,
    levels: BTreeSet<&'a str>,
    /// Question id → position, for ordering checks.
    positions: BTreeMap<&'a str, usize>,
    show_if: Vec<Option<Expr>>,
    boosts: Vec<Vec<Expr>>,
}

impl<'a> Checker<'a> {
    fn new(def: &'a Definition) -> Self {
        Checker {
            def,
            errors: Vec::new(),
            dims: def.dimensions.iter().map(|d| d.id.as_str()).collect(),
            levels: def.levels.iter().map(|l| l.id.as_str()).collect(),
            positions: BTreeMap::new(),
            show_if: Vec::new(),
            boosts: Vec::new(),
        }
    }

    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        // A hostile file could produce millions; the first thousand say enough.
        if self.errors.len() < 1000 {
            self.errors.push(Error::new(path, message));
        }
    }

    fn check_all(&mut self) {
        let def = self.def;
        if def.format != 1 {
            self.err(
                "format",
                format!("format {} is not supported; use 1", def.format),
            );
        }
        self.id("id", &def.id);
        if def.version.trim().is_empty() {
            self.err("version", "version is empty");
        }
        if !(def.minutes.is_finite() && def.minutes > 0.0 && def.minutes <= 600.0) {
            self.err("minutes", "expected a number of minutes from 1 to 600");
        }
        self.text("title", &def.title);
        self.text("intro", &def.intro);
        self.check_levels();
        self.check_groups_and_dimensions();
        self.check_sections();
        self.check_paths();
        self.check_pacing();
        self.check_theme();
        self.check_embed();
    }

    fn id(&mut self, path: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.err(
                path,
                format!(
                    "id \"{}\" must be 1–64 characters of a-z, 0-9, - and _",
                    clip(id)
                ),
            );
        }
    }

    fn unique<'b>(&mut self, path: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.err(
                    format!("{path}[{i}].id"),
                    format!("duplicate id \"{}\"", clip(id)),
                );
            }
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        let lang = &self.def.default_lang;
        if !text.has(lang) {
            self.err(
                path,
                format!("missing text in the default language \"{lang}\""),
            );
        }
        if text.strings().any(|s| s.len() > MAX_TEXT_BYTES) {
            self.err(path, format!("text is longer than {MAX_TEXT_BYTES} bytes"));
        }
    }

    fn check_levels(&mut self) {
        let levels = &self.def.levels;
        if !(2..=10).contains(&levels.len()) {
            self.err("levels", "expected 2 to 10 levels");
        }
        self.unique("levels", levels.iter().map(|l| l.id.as_str()));
        for (i, level) in levels.iter().enumerate() {
            self.id(&format!("levels[{i}].id"), &level.id);
            self.text(&format!("levels[{i}].name"), &level.name);
            if let Some(m) = &level.meaning {
                self.text(&format!("levels[{i}].meaning"), m);
            }
        }
    }

    fn check_groups_and_dimensions(&mut self) {
        let def = self.def;
        self.unique("groups", def.groups.iter().map(|g| g.id.as_str()));
        for (i, g) in def.groups.iter().enumerate() {
            self.id(&format!("groups[{i}].id"), &g.id);
            self.text(&format!("groups[{i}].name"), &g.name);
        }
        if def.dimensions.is_empty() {
            self.err("dimensions", "a survey needs at least one dimension");
        }
        self.unique("dimensions", def.dimensions.iter().map(|d| d.id.as_str()));
        for (i, d) in def.dimensions.iter().enumerate() {
            let path = format!("dimensions[{i}]");
            self.id(&format!("{path}.id"), &d.id);
            self.text(&format!("{path}.name"), &d.name);
            if let Some(t) = &d.description {
                self.text(&format!("{path}.description"), t);
            }
            if !def.groups.iter().any(|g| g.id == d.group) {
                self.err(
                    format!("{path}.group"),
                    format!("unknown group \"{}\"", clip(&d.group)),
                );
            }
            for (j, r) in d.references.iter().enumerate() {
                if let Some(url) = &r.url {
                    if !is_web_url(url) {
                        self.err(
                            format!("{path}.references[{j}].url"),
                            "expected an https: or http: URL",
                        );
                    }
                }
            }
        }
    }

    fn check_sections(&mut self) {
        let def = self.def;
        let total: usize = def.sections.iter().map(|s| s.questions.len()).sum();
        if total == 0 {
            self.err("sections", "the survey has no questions");
        }
        self.unique("sections", def.sections.iter().map(|s| s.id.as_str()));
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        let mut position = 0;
        for (s, section) in def.sections.iter().enumerate() {
            self.id(&format!("sections[{s}].id"), &section.id);
            self.text(&format!("sections[{s}].title"), &section.title);
            for (q, question) in section.questions.iter().enumerate() {
                let path = format!("sections[{s}].questions[{q}]");
                if let Some(first) = seen.get(question.id.as_str()) {
                    let msg = format!(
                        "duplicate question id \"{}\" (first used at {first})",
                        clip(&question.id)
                    );
                    self.err(format!("{path}.id"), msg);
                } else {
                    seen.insert(&question.id, path.clone());
                    self.positions.insert(&question.id, position);
                }
                self.check_question(&path, question);
                let expr = self.check_show_if(&path, position, question);
                self.show_if.push(expr);
                position += 1;
            }
        }
    }

    fn check_question(&mut self, path: &str, q: &'a Question) {
        self.id(&format!("{path}.id"), &q.id);
        self.text(&format!("{path}.text"), &q.text);
        if let Some(h) = &q.help {
            self.text(&format!("{path}.help"), h);
        }
        self.unique(
            &format!("{path}.options"),
            q.options.iter().map(|o| o.id.as_str()),
        );
        for (i, o) in q.options.iter().enumerate() {
            self.id(&format!("{path}.options[{i}].id"), &o.id);
            self.text(&format!("{path}.options[{i}].text"), &o.text);
        }
        for (dim, w) in &q.weights {
            let wpath = format!("{path}.weights.{dim}");
            if !self.dims.contains(dim.as_str()) {
                self.err(&wpath, format!("unknown dimension \"{}\"", clip(dim)));
            }
            if !(w.is_finite() && *w > 0.0 && *w <= 100.0) {
                self.err(&wpath, "weight must be a positive finite number up to 100");
            }
        }
        let has_options = !q.options.is_empty();
        let has_range = q.min.is_some() || q.max.is_some() || q.step.is_some();
        match q.kind {
            Kind::Anchored => {
                self.needs_options(path, q);
                self.needs_weights(path, q);
                for (i, o) in q.options.iter().enumerate() {
                    match &o.level {
                        None => self.err(
                            format!("{path}.options[{i}].level"),
                            "anchored options need a level",
                        ),
                        Some(l) if !self.levels.contains(l.as_str()) => self.err(
                            format!("{path}.options[{i}].level"),
                            format!("unknown level \"{}\"", clip(l)),
                        ),
                        Some(_) => {}
                    }
                }
            }
            Kind::Likert => {
                self.needs_weights(path, q);
                let points = q.points.unwrap_or(5);
                if !(2..=11).contains(&points) {
                    self.err(format!("{path}.points"), "a scale needs 2 to 11 points");
                }
                if !q.labels.is_empty() && q.labels.len() != usize::from(points) {
                    self.err(
                        format!("{path}.labels"),
                        format!("expected {points} labels, one per point"),
                    );
                }
                if has_options {
                    self.err(
                        format!("{path}.options"),
                        "likert questions take `points`, not options",
                    );
                }
            }
            Kind::Single | Kind::Multi => {
                self.needs_options(path, q);
                if q.kind == Kind::Multi && q.options.len() > MAX_MULTI_OPTIONS {
                    self.err(
                        format!("{path}.options"),
                        format!("a multi question may have at most {MAX_MULTI_OPTIONS} options"),
                    );
                }
                let mut scored = false;
                for (i, o) in q.options.iter().enumerate() {
                    for (dim, v) in &o.scores {
                        scored = true;
                        let spath = format!("{path}.options[{i}].scores.{dim}");
                        if !self.dims.contains(dim.as_str()) {
                            self.err(&spath, format!("unknown dimension \"{}\"", clip(dim)));
                        }
                        if !(v.is_finite() && (0.0..=100.0).contains(v)) {
                            self.err(&spath, "score must be a number from 0 to 100");
                        }
                    }
                }
                if !scored {
                    self.err(
                        format!("{path}.options"),
                        "no option scores towards a dimension",
                    );
                }
            }
            Kind::Number => {
                self.needs_weights(path, q);
                self.check_range(path, q);
            }
            Kind::Knowledge => {
                self.needs_options(path, q);
                let correct = q.options.iter().filter(|o| o.correct).count();
                if correct != 1 {
                    self.err(
                        format!("{path}.options"),
                        format!(
                            "a knowledge check needs exactly one correct option, found {correct}"
                        ),
                    );
                }
                match &q.dimension {
                    None => self.err(
                        format!("{path}.dimension"),
                        "a knowledge check needs the dimension it calibrates",
                    ),
                    Some(d) if !self.dims.contains(d.as_str()) => self.err(
                        format!("{path}.dimension"),
                        format!("unknown dimension \"{}\"", clip(d)),
                    ),
                    Some(_) => {}
                }
            }
            Kind::Text => {
                if has_options || has_range {
                    self.err(path, "text questions take neither options nor a range");
                }
            }
            Kind::Context => match (has_options, has_range) {
                (true, true) => {
                    self.err(path, "a context question has options or a range, not both")
                }
                (true, false) => self.needs_options(path, q),
                (false, true) => self.check_range(path, q),
                (false, false) => self.err(path, "a context question needs options or min and max"),
            },
        }
        if !q.kind.is_scored() && !q.weights.is_empty() {
            self.err(
                format!("{path}.weights"),
                "this kind of question is not scored, so it takes no weights",
            );
        }
        if q.kind != Kind::Anchored && q.options.iter().any(|o| o.level.is_some()) {
            self.err(
                format!("{path}.options"),
                "only anchored options have levels",
            );
        }
    }

    fn needs_options(&mut self, path: &str, q: &Question) {
        if q.options.len() < 2 {
            self.err(format!("{path}.options"), "expected at least two options");
        }
        if q.options.len() > 50 {
            self.err(format!("{path}.options"), "expected at most 50 options");
        }
    }

    fn needs_weights(&mut self, path: &str, q: &Question) {
        if q.weights.is_empty() {
            self.err(
                format!("{path}.weights"),
                "a scored question needs weights towards at least one dimension",
            );
        }
    }

    fn check_range(&mut self, path: &str, q: &Question) {
        let (Some(min), Some(max)) = (q.min, q.max) else {
            self.err(path, "a numeric question needs min and max");
            return;
        };
        let step = q.step.unwrap_or(1.0);
        if !(min.is_finite() && max.is_finite() && min < max) {
            self.err(
                format!("{path}.max"),
                "max must be a finite number above min",
            );
        } else if !(step.is_finite() && step > 0.0) {
            self.err(format!("{path}.step"), "step must be a positive number");
        } else if (max - min) / step > MAX_NUMBER_STEPS {
            self.err(
                format!("{path}.step"),
                format!("at most {MAX_NUMBER_STEPS} steps from min to max"),
            );
        } else {
            let steps = (max - min) / step;
            if (steps - steps.round()).abs() > 1e-6 {
                self.err(
                    format!("{path}.step"),
                    "max must be min plus a whole number of steps",
                );
            }
        }
    }

    fn check_show_if(&mut self, path: &str, position: usize, q: &Question) -> Option<Expr> {
        let source = q.show_if.as_deref()?;
        let expr = match Expr::parse(source) {
            Ok(e) => e,
            Err(e) => {
                self.err(
                    format!("{path}.show_if"),
                    format!("in the condition of \"{}\": {e}", clip(&q.id)),
                );
                return None;
            }
        };
        for r in expr.references() {
            let message = match self.positions.get(r) {
                Some(&p) if p == position && r == q.id => {
                    format!("\"{}\" refers to itself", clip(r))
                }
                Some(&p) if p < position && self.is_text_question(r) => text_condition(r),
                Some(&p) if p < position => continue,
                Some(_) => format!(
                    "\"{}\" refers to a later question; conditions may only read earlier answers",
                    clip(r)
                ),
                None if self
                    .def
                    .sections
                    .iter()
                    .flat_map(|s| &s.questions)
                    .any(|x| x.id == r) =>
                {
                    format!("\"{}\" refers to a later question; conditions may only read earlier answers", clip(r))
                }
                None => format!("unknown question \"{}\"", clip(r)),
            };
            self.err(format!("{path}.show_if"), message);
        }
        Some(expr)
    }

    /// Whether `id` names a free-text question.
    fn is_text_question(&self, id: &str) -> bool {
        self.def
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.id == id && q.kind == Kind::Text)
    }

    fn check_paths(&mut self) {
        let def = self.def;
        self.unique("paths", def.paths.iter().map(|p| p.id.as_str()));
        for (i, p) in def.paths.iter().enumerate() {
            let exprs = self.check_path(&format!("paths[{i}]"), p);
            self.boosts.push(exprs);
        }
    }

    fn check_path(&mut self, path: &str, p: &'a Path) -> Vec<Expr> {
        self.id(&format!("{path}.id"), &p.id);
        self.text(&format!("{path}.title"), &p.title);
        self.text(&format!("{path}.for_whom"), &p.for_whom);
        if let Some(t) = &p.outsource_when {
            self.text(&format!("{path}.outsource_when"), t);
        }
        if p.fit.weights.is_empty() {
            self.err(
                format!("{path}.fit.weights"),
                "a fit rule needs at least one weighted dimension",
            );
        }
        for (dim, w) in &p.fit.weights {
            let wpath = format!("{path}.fit.weights.{dim}");
            if !self.dims.contains(dim.as_str()) {
                self.err(
                    &wpath,
                    format!("fit rule uses unknown dimension \"{}\"", clip(dim)),
                );
            }
            if !(w.is_finite() && *w != 0.0 && w.abs() <= 100.0) {
                self.err(
                    &wpath,
                    "weight must be a non-zero finite number from -100 to 100",
                );
            }
        }
        for (dim, t) in &p.fit.entry {
            let epath = format!("{path}.fit.entry.{dim}");
            if !self.dims.contains(dim.as_str()) {
                self.err(
                    &epath,
                    format!("entry threshold uses unknown dimension \"{}\"", clip(dim)),
                );
            }
            if !(t.is_finite() && (0.0..=100.0).contains(t)) {
                self.err(&epath, "threshold must be a score from 0 to 100");
            }
        }
        let mut exprs = Vec::new();
        for (j, b) in p.fit.boosts.iter().enumerate() {
            let bpath = format!("{path}.fit.boosts[{j}]");
            if !(b.points.is_finite() && b.points.abs() <= 100.0) {
                self.err(
                    format!("{bpath}.points"),
                    "points must be a finite number from -100 to 100",
                );
            }
            if let Some(t) = &b.because {
                self.text(&format!("{bpath}.because"), t);
            }
            match Expr::parse(&b.condition) {
                Ok(e) => {
                    for r in e.references() {
                        if !self.positions.contains_key(r) {
                            self.err(
                                format!("{bpath}.if"),
                                format!("unknown question \"{}\"", clip(r)),
                            );
                        } else if self.is_text_question(r) {
                            self.err(format!("{bpath}.if"), text_condition(r));
                        }
                    }
                    exprs.push(e);
                }
                Err(e) => {
                    self.err(
                        format!("{bpath}.if"),
                        format!("in the condition of path \"{}\": {e}", clip(&p.id)),
                    );
                    exprs.push(Expr::never());
                }
            }
        }
        for (phase, steps) in p.steps.phases() {
            if steps.is_empty() || steps.len() > 6 {
                self.err(format!("{path}.steps.{phase}"), "expected 1 to 6 steps");
            }
            for (j, s) in steps.iter().enumerate() {
                self.text(&format!("{path}.steps.{phase}[{j}]"), s);
            }
        }
        for (j, r) in p.resources.iter().enumerate() {
            let rpath = format!("{path}.resources[{j}]");
            self.text(&format!("{rpath}.title"), &r.title);
            if !is_web_url(&r.url) {
                self.err(
                    format!("{rpath}.url"),
                    "resource links must be https: or http: URLs",
                );
            }
        }
        for (j, d) in p.explains.iter().enumerate() {
            if !self.dims.contains(d.as_str()) {
                self.err(
                    format!("{path}.explains[{j}]"),
                    format!("unknown dimension \"{}\"", clip(d)),
                );
            }
        }
        exprs
    }

    fn check_pacing(&mut self) {
        let Some(pacing) = &self.def.pacing else {
            return;
        };
        let question = self
            .def
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.id == pacing.question);
        match question {
            None => self.err(
                "pacing.question",
                format!("unknown question \"{}\"", clip(&pacing.question)),
            ),
            Some(q) if !(q.kind == Kind::Context && q.is_numeric()) => {
                self.err("pacing.question", "pacing needs a numeric context question")
            }
            Some(_) => {}
        }
    }

    fn check_theme(&mut self) {
        let Some(theme) = &self.def.theme else { return };
        if let Some(accent) = &theme.accent {
            if parse_hex_colour(accent).is_none() {
                self.err("theme.accent", "expected a colour like #0b6bcb");
            }
        }
        if let Some(logo) = &theme.logo {
            if !is_safe_image_url(&logo.url) {
                self.err(
                    "theme.logo.url",
                    "logo must be an https:, http: or relative URL",
                );
            }
            self.text("theme.logo.alt", &logo.alt);
        }
        if let Some(t) = &theme.organisation {
            self.text("theme.organisation", t);
        }
        if let Some(t) = &theme.intro {
            self.text("theme.intro", t);
        }
    }

    fn check_embed(&mut self) {
        let Some(embed) = &self.def.embed else { return };
        for (i, parent) in embed.allowed_parents.iter().enumerate() {
            if !is_origin(parent) {
                self.err(
                    format!("embed.allowed_parents[{i}]"),
                    "expected an origin like https://intranet.example.com, with no path",
                );
            }
        }
    }
}

/// Whether `s` is a web origin such as `https://intranet.example.com:8443`: a scheme, a host
/// and an optional port, nothing else. These end up in a CSP `frame-ancestors` list, where a
/// space, `;` or `*` would change the policy.
fn is_origin(s: &str) -> bool {
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

/// Result codes leave free text out, so a condition on it would show or score a result rebuilt
/// from a code differently from the original (and make the code fail to decode).
fn text_condition(id: &str) -> String {
    format!(
        "\"{}\" is a free-text question; conditions may not read free text, which result codes leave out",
        clip(id)
    )
}

/// Keeps hostile ids from flooding messages.
fn clip(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        s.chars().take(57).collect::<String>() + "..."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_may_not_read_free_text() {
        let json = r#"{"format":1,"id":"t","version":"1","default_lang":"en","title":"T","intro":"I",
            "minutes":1,"groups":[{"id":"g","name":"G"}],"dimensions":[{"id":"d","group":"g","name":"D"}],
            "sections":[{"id":"s","title":"S","questions":[
              {"id":"note","kind":"text","text":"T"},
              {"id":"q","kind":"likert","text":"Q","weights":{"d":1},"show_if":"answered(note)"},
              {"id":"r","kind":"likert","text":"R","weights":{"d":1}}]}],
            "paths":[{"id":"p","kind":"specialist","title":"P","for_whom":"W","fit":{"weights":{"d":1},
              "boosts":[{"if":"note == 'x'","points":5}]},"steps":{"30":["a"],"60":["b"],"90":["c"]}}]}"#;
        let errors: Vec<String> = validate(json.as_bytes())
            .expect_err("conditions on free text are refused")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("sections[0].questions[1].show_if: \"note\" is a free-text"));
        assert!(errors[1].starts_with("paths[0].fit.boosts[0].if: \"note\" is a free-text"));
    }

    /// serde lets each of these through on its own: it stops reading after the survey object,
    /// keeps the last of two equal map keys, and reads any word where an enum is a syntax error.
    #[test]
    fn what_serde_lets_through_is_refused() {
        let good = include_str!("../tests/fixtures/sample.json");
        assert!(validate(good.as_bytes()).is_ok());
        let first = |json: &str| {
            let errors = validate(json.as_bytes()).expect_err("refused");
            errors[0].to_string()
        };
        let trailing = first(&format!("{good} {{}}"));
        assert!(
            trailing.starts_with("$: not valid JSON at line 66"),
            "{trailing}"
        );
        assert!(trailing.ends_with("trailing characters"), "{trailing}");
        let dup = first(&good.replacen(
            r#""weights": {"lit": 1}"#,
            r#""weights": {"lit": 1, "lit": 9}"#,
            1,
        ));
        assert_eq!(
            dup,
            "sections[1].questions[0].weights.lit: duplicate key \"lit\"; give each key once"
        );
        let bom = first(&format!("\u{feff}{good}"));
        assert!(
            bom.starts_with("$: the file starts with a byte order mark"),
            "{bom}"
        );
        let kind = first(&good.replacen(r#""kind": "likert""#, r#""kind": null"#, 1));
        assert_eq!(
            kind,
            "sections[1].questions[1].kind: invalid type: expected a string"
        );
        let nan = first(&good.replacen(r#""minutes": 3"#, r#""minutes": NaN"#, 1));
        assert!(
            nan.ends_with("(JSON has no NaN or Infinity; write a finite number)"),
            "{nan}"
        );
        let parent = first(&good.replacen(
            r#""pacing""#,
            r#""embed": {"allowed_parents": ["https://a.example; script-src *"]}, "pacing""#,
            1,
        ));
        assert!(
            parent.starts_with("embed.allowed_parents[0]: expected an origin"),
            "{parent}"
        );
    }

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
