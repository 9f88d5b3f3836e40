//! Turning definition JSON into a [`Survey`], reporting every problem at once.
//!
//! Two passes: serde reads the shape (a wrong type stops it, so that problem comes alone, with
//! its path), then [`Checker`] walks the typed definition and collects every semantic problem.
//!
//! The passes live apart: `parse` (JSON and shape), and the checker's parts for `questions`,
//! `paths` and the survey-wide `settings`. `web` holds the URL, origin and colour rules the app
//! shares.

mod parse;
mod paths;
mod questions;
mod settings;
mod web;

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Error;
use crate::expr::Expr;
use crate::format::{Definition, Text};
use crate::survey::{Conditions, Survey};

pub use web::{is_safe_image_url, is_web_url, parse_hex_colour};

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
    let def = parse::parse(json).map_err(|e| vec![e])?;
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
        first_if,
        ..
    } = checker;
    if errors.is_empty() {
        Ok(Survey::new(
            def,
            Conditions {
                show_if,
                boosts,
                first_if,
            },
        ))
    } else {
        Err(errors)
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
    first_if: Vec<Option<Expr>>,
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
            first_if: Vec::new(),
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
        if !is_valid_id(id) {
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
            if let Some(intro) = &section.intro {
                self.text(&format!("sections[{s}].intro"), intro);
            }
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
}

/// Result codes leave free text out, so a condition on it would show or score a result rebuilt
/// from a code differently from the original (and make the code fail to decode).
/// 1–64 characters of a-z, 0-9, - and _: safe in a URL, a CSV header and an expression.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

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
        let good = include_str!("../../tests/fixtures/sample.json");
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
}
