//! Renaming an id together with everything that points at it, so an author can tidy ids
//! without breaking weights, conditions or paths.

use std::collections::BTreeMap;
use std::fmt;

use crate::expr::rename_question;
use crate::format::Definition;
use crate::validate::is_valid_id;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Dimension,
    Group,
    Question,
    Level,
    Section,
    Path,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenameError {
    NotFound,
    /// Not 1–64 characters of a-z, 0-9, - and _.
    Invalid,
    /// Another item of the same kind has that id.
    Taken,
}

impl fmt::Display for RenameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RenameError::NotFound => "there is no item with that id",
            RenameError::Invalid => "an id is 1–64 characters of a-z, 0-9, - and _",
            RenameError::Taken => "another item already has that id",
        })
    }
}

/// Renames the `kind` item `old` to `new` and every reference to it. Returns how many
/// references changed; on an error nothing changes.
pub fn rename(
    def: &mut Definition,
    kind: IdKind,
    old: &str,
    new: &str,
) -> Result<usize, RenameError> {
    if !is_valid_id(new) {
        return Err(RenameError::Invalid);
    }
    let ids = ids(def, kind);
    if !ids.contains(&old) {
        return Err(RenameError::NotFound);
    }
    if old == new {
        return Ok(0);
    }
    if ids.contains(&new) {
        return Err(RenameError::Taken);
    }
    let mut refs = Refs { old, new, count: 0 };
    match kind {
        IdKind::Dimension => refs.dimension(def),
        IdKind::Group => refs.group(def),
        IdKind::Question => refs.question(def),
        IdKind::Level => refs.level(def),
        IdKind::Section | IdKind::Path => {}
    }
    set_id(def, kind, old, new);
    Ok(refs.count)
}

fn ids(def: &Definition, kind: IdKind) -> Vec<&str> {
    match kind {
        IdKind::Dimension => def.dimensions.iter().map(|d| d.id.as_str()).collect(),
        IdKind::Group => def.groups.iter().map(|g| g.id.as_str()).collect(),
        IdKind::Question => super::question_ids(def).collect(),
        IdKind::Level => def.levels.iter().map(|l| l.id.as_str()).collect(),
        IdKind::Section => def.sections.iter().map(|s| s.id.as_str()).collect(),
        IdKind::Path => def.paths.iter().map(|p| p.id.as_str()).collect(),
    }
}

fn set_id(def: &mut Definition, kind: IdKind, old: &str, new: &str) {
    let ids: Vec<&mut String> = match kind {
        IdKind::Dimension => def.dimensions.iter_mut().map(|d| &mut d.id).collect(),
        IdKind::Group => def.groups.iter_mut().map(|g| &mut g.id).collect(),
        IdKind::Question => def
            .sections
            .iter_mut()
            .flat_map(|s| &mut s.questions)
            .map(|q| &mut q.id)
            .collect(),
        IdKind::Level => def.levels.iter_mut().map(|l| &mut l.id).collect(),
        IdKind::Section => def.sections.iter_mut().map(|s| &mut s.id).collect(),
        IdKind::Path => def.paths.iter_mut().map(|p| &mut p.id).collect(),
    };
    for id in ids.into_iter().filter(|id| *id == old) {
        *id = new.to_string();
    }
}

/// Rewrites references from `old` to `new`, counting them.
struct Refs<'a> {
    old: &'a str,
    new: &'a str,
    count: usize,
}

impl Refs<'_> {
    fn key<V>(&mut self, map: &mut BTreeMap<String, V>) {
        if let Some(value) = map.remove(self.old) {
            map.insert(self.new.to_string(), value);
            self.count += 1;
        }
    }

    fn value(&mut self, id: &mut String) {
        if id == self.old {
            *id = self.new.to_string();
            self.count += 1;
        }
    }

    fn expression(&mut self, source: &mut String) {
        let renamed = rename_question(source, self.old, self.new);
        if renamed != *source {
            *source = renamed;
            self.count += 1;
        }
    }

    fn dimension(&mut self, def: &mut Definition) {
        for q in def.sections.iter_mut().flat_map(|s| &mut s.questions) {
            self.key(&mut q.weights);
            for option in &mut q.options {
                self.key(&mut option.scores);
            }
            if let Some(d) = &mut q.dimension {
                self.value(d);
            }
        }
        for path in &mut def.paths {
            self.key(&mut path.fit.weights);
            self.key(&mut path.fit.entry);
            for d in &mut path.explains {
                self.value(d);
            }
        }
    }

    fn group(&mut self, def: &mut Definition) {
        for d in &mut def.dimensions {
            self.value(&mut d.group);
        }
    }

    fn question(&mut self, def: &mut Definition) {
        for q in def.sections.iter_mut().flat_map(|s| &mut s.questions) {
            if let Some(source) = &mut q.show_if {
                self.expression(source);
            }
        }
        for path in &mut def.paths {
            for boost in &mut path.fit.boosts {
                self.expression(&mut boost.condition);
            }
            if let Some(source) = &mut path.first_if {
                self.expression(source);
            }
        }
        if let Some(pacing) = &mut def.pacing {
            self.value(&mut pacing.question);
        }
    }

    fn level(&mut self, def: &mut Definition) {
        let options = def
            .sections
            .iter_mut()
            .flat_map(|s| &mut s.questions)
            .flat_map(|q| &mut q.options);
        for option in options {
            if let Some(level) = &mut option.level {
                self.value(level);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate_definition;
    use crate::{builtin, report, Timing};

    fn builtin_definition() -> Definition {
        let survey = builtin::survey(builtin::DEFAULT_ID).expect("built-in survey");
        survey.definition().clone()
    }

    /// Every reference must follow: the renamed survey is valid and gives everyone the same
    /// report.
    #[test]
    fn renaming_each_kind_of_id_keeps_every_report_the_same() {
        let original = builtin_definition();
        let cases = [
            (IdKind::Dimension, original.dimensions[0].id.clone()),
            (IdKind::Group, original.groups[0].id.clone()),
            (IdKind::Level, original.levels[1].id.clone()),
            (IdKind::Section, original.sections[0].id.clone()),
            (IdKind::Path, original.paths[0].id.clone()),
        ];
        let before = validate_definition(original.clone()).unwrap();
        let people = crate::simulate::team(&before, 12, 7);
        let reports = |survey: &crate::Survey| -> Vec<serde_json::Value> {
            people
                .iter()
                .map(|a| serde_json::to_value(report(survey, a, Timing::default())).unwrap())
                .collect()
        };
        let expected = reports(&before);
        for (kind, old) in cases {
            // A name that sorts where the old one did: maps keyed by id list in id order.
            let new = format!("{old}-renamed");
            let mut def = original.clone();
            let changed = rename(&mut def, kind, &old, &new).unwrap();
            if !matches!(kind, IdKind::Section | IdKind::Path) {
                assert!(changed > 0, "{kind:?} {old}: no reference changed");
            }
            let after =
                validate_definition(def).unwrap_or_else(|e| panic!("{kind:?} {old}: {e:?}"));
            // Everyone gets the same report, with the new name where the old one was.
            let renamed_back: Vec<serde_json::Value> = reports(&after)
                .iter()
                .map(|r| {
                    let text = r
                        .to_string()
                        .replace(&format!("\"{new}\""), &format!("\"{old}\""));
                    serde_json::from_str(&text).unwrap()
                })
                .collect();
            assert_eq!(renamed_back, expected, "{kind:?} {old}");
        }
    }

    #[test]
    fn a_question_rename_reaches_conditions_boosts_and_pacing() {
        let original = builtin_definition();
        let referenced = original
            .paths
            .iter()
            .flat_map(|p| &p.fit.boosts)
            .flat_map(|b| crate::expr::Expr::parse(&b.condition).ok())
            .find_map(|e| e.references().first().map(|r| r.to_string()))
            .expect("a boost that reads a question");
        let mut def = original.clone();
        let changed = rename(&mut def, IdKind::Question, &referenced, "renamed-q").unwrap();
        assert!(changed > 0);
        let text = serde_json::to_string(&def).unwrap();
        assert!(
            !text.contains(&format!("\"{referenced}\"")),
            "{referenced} is still named"
        );
        validate_definition(def).unwrap();
    }

    #[test]
    fn refuses_bad_taken_and_unknown_ids_and_changes_nothing() {
        let original = builtin_definition();
        let mut def = original.clone();
        let (a, b) = (
            original.dimensions[0].id.clone(),
            original.dimensions[1].id.clone(),
        );
        assert_eq!(
            rename(&mut def, IdKind::Dimension, &a, &b),
            Err(RenameError::Taken)
        );
        assert_eq!(
            rename(&mut def, IdKind::Dimension, &a, "Bad Id"),
            Err(RenameError::Invalid)
        );
        assert_eq!(
            rename(&mut def, IdKind::Dimension, &a, ""),
            Err(RenameError::Invalid)
        );
        assert_eq!(
            rename(&mut def, IdKind::Dimension, "nope", "fine"),
            Err(RenameError::NotFound)
        );
        assert_eq!(rename(&mut def, IdKind::Dimension, &a, &a), Ok(0));
        assert_eq!(def, original);
    }
}
