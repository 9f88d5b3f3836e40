//! What the studio says about a survey that is valid but weak, before anyone takes it.

use std::collections::BTreeSet;

use crate::answers::Answer;
use crate::format::Kind;
use crate::score::{report, Timing};
use crate::simulate::{simulate, Persona};
use crate::survey::Survey;

/// Fewer items than this leave a dimension's likely range wide, and one skipped answer leaves
/// it unreported.
pub const FEW_ITEMS: usize = 3;
/// Longer than this and people start to drop out; the survey's own `minutes` is the estimate.
pub const LONG_MINUTES: f64 = 20.0;

#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// `path` is the JSON path of the dimension.
    FewItems {
        path: String,
        dimension: String,
        items: usize,
    },
    /// No simulated person is shown this path with its plan.
    Unreachable {
        path: String,
        id: String,
    },
    Long {
        path: String,
        minutes: f64,
    },
}

impl Warning {
    /// Where in the definition the warning points, as a JSON path.
    pub fn path(&self) -> &str {
        match self {
            Warning::FewItems { path, .. }
            | Warning::Unreachable { path, .. }
            | Warning::Long { path, .. } => path,
        }
    }
}

pub fn warnings(survey: &Survey) -> Vec<Warning> {
    let def = survey.definition();
    let mut out = Vec::new();
    for (i, d) in def.dimensions.iter().enumerate() {
        let items = survey
            .questions()
            .filter(|q| q.kind.is_scored() && q.dimensions().any(|x| x == d.id))
            .count();
        if items < FEW_ITEMS {
            out.push(Warning::FewItems {
                path: format!("dimensions[{i}]"),
                dimension: d.id.clone(),
                items,
            });
        }
    }
    let shown = shown_to_someone(survey);
    for (i, p) in def.paths.iter().enumerate() {
        if !shown.contains(&p.id) {
            out.push(Warning::Unreachable {
                path: format!("paths[{i}]"),
                id: p.id.clone(),
            });
        }
    }
    if def.minutes > LONG_MINUTES {
        out.push(Warning::Long {
            path: "minutes".into(),
            minutes: def.minutes,
        });
    }
    out
}

/// The paths some recognisable person is shown: everyone at one level; one dimension at the top
/// and the rest at the bottom, or the reverse; each with every option of every context
/// question, since paths may be boosted by role or goal.
fn shown_to_someone(survey: &Survey) -> BTreeSet<String> {
    let top = survey.levels().len().saturating_sub(1);
    let mut people: Vec<Persona> = (0..=top)
        .map(|level| Persona {
            default_level: level,
            knows: true,
            ..Persona::default()
        })
        .collect();
    for d in &survey.definition().dimensions {
        for (alone, rest) in [(top, 0), (0, top)] {
            people.push(Persona {
                levels: [(d.id.clone(), alone)].into(),
                default_level: rest,
                knows: true,
                ..Persona::default()
            });
        }
    }
    let contexts: Vec<(String, Answer)> = survey
        .questions()
        .filter(|q| q.kind == Kind::Context)
        .flat_map(|q| {
            q.options
                .iter()
                .map(|o| (q.id.clone(), Answer::Str(o.id.clone())))
        })
        .collect();
    let base = people.clone();
    for (question, answer) in contexts {
        for p in &base {
            let mut p = p.clone();
            p.fixed.set(question.clone(), answer.clone());
            people.push(p);
        }
    }
    // Path ids are unique in a valid survey, so once every one is seen the rest can be skipped.
    let paths = survey.definition().paths.len();
    let mut shown = BTreeSet::new();
    for person in &people {
        let r = report(survey, &simulate(survey, person), Timing::default());
        shown.extend(r.shown_paths().map(|fit| fit.id.clone()));
        if shown.len() == paths {
            break;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::validate::validate_definition;

    fn builtin_survey() -> Survey {
        builtin::survey(builtin::DEFAULT_ID).unwrap()
    }

    #[test]
    fn the_builtin_survey_is_not_weak() {
        assert_eq!(warnings(&builtin_survey()), []);
    }

    #[test]
    fn few_items_a_long_survey_and_a_path_nobody_gets_are_named() {
        let mut def = builtin_survey().definition().clone();
        def.minutes = 25.0;
        // A new dimension with one question, made the way the studio's "Add question" does.
        let mut thin_dimension = def.dimensions[0].clone();
        thin_dimension.id = "thin".into();
        def.dimensions.push(thin_dimension);
        let mut question = crate::edit::new_question(&def, "I check my data.");
        question.weights = [("thin".to_string(), 1.0)].into();
        def.sections[0].questions.push(question);
        let thin = "thin".to_string();
        // A copy of the first path that costs every person its fit.
        let mut hopeless = def.paths[0].clone();
        hopeless.id = "hopeless".into();
        hopeless.fit.weights = hopeless
            .fit
            .weights
            .keys()
            .map(|k| (k.clone(), -1.0))
            .collect();
        hopeless.fit.entry = def
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), 100.0))
            .collect();
        hopeless.fit.boosts.clear();
        def.paths.push(hopeless);
        let survey = validate_definition(def).unwrap();
        let found = warnings(&survey);
        let at = survey.definition().dimensions.len() - 1;
        assert!(found.contains(&Warning::FewItems {
            path: format!("dimensions[{at}]"),
            dimension: thin,
            items: 1
        }));
        let last = survey.definition().paths.len() - 1;
        assert!(found.contains(&Warning::Unreachable {
            path: format!("paths[{last}]"),
            id: "hopeless".into()
        }));
        assert!(found.contains(&Warning::Long {
            path: "minutes".into(),
            minutes: 25.0
        }));
        assert_eq!(found.len(), 3, "{found:?}");
    }
}
