//! A survey from JSON that has already passed [`validate`](crate::validate), read without
//! checking it again.
//!
//! The app's built-in survey is validated by tests before every release, and checking it once
//! more on every visit would put the whole validator, with its error paths, into a respondent's
//! first download. Anything that did not come with the release goes through `validate`.

use crate::expr::Expr;
use crate::format::Definition;
use crate::survey::{Conditions, Survey};

/// Reads a definition known to be valid. `None` if it is not even JSON of the right shape or
/// one of its conditions does not parse; a definition that breaks any other rule gives a survey
/// that may misbehave, so never pass it anything but a release's own files.
pub fn from_checked_json(json: &str) -> Option<Survey> {
    let def: Definition = serde_json::from_str(json).ok()?;
    let show_if = def
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .map(|q| optional(q.show_if.as_deref()))
        .collect::<Option<_>>()?;
    let boosts = def
        .paths
        .iter()
        .map(|p| {
            p.fit
                .boosts
                .iter()
                .map(|b| Expr::parse(&b.condition).ok())
                .collect()
        })
        .collect::<Option<_>>()?;
    let first_if = def
        .paths
        .iter()
        .map(|p| optional(p.first_if.as_deref()))
        .collect::<Option<_>>()?;
    Some(Survey::new(
        def,
        Conditions {
            show_if,
            boosts,
            first_if,
        },
    ))
}

/// A condition that may be absent: `None` only when it is present and does not parse.
fn optional(source: Option<&str>) -> Option<Option<Expr>> {
    match source {
        Some(source) => Expr::parse(source).ok().map(Some),
        None => Some(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::AI_READINESS_JSON;
    use crate::simulate;

    #[test]
    fn the_built_in_survey_reads_the_same_checked_or_not() {
        let checked = from_checked_json(AI_READINESS_JSON).expect("reads");
        let validated = crate::validate(AI_READINESS_JSON.as_bytes()).expect("valid");
        assert_eq!(checked.definition(), validated.definition());
        // Same conditions and positions: every simulated person gets the same report from both.
        for answers in simulate::team(&validated, 40, 3) {
            let a = crate::report(&checked, &answers, Default::default());
            let b = crate::report(&validated, &answers, Default::default());
            assert_eq!(
                serde_json::to_value(a).unwrap(),
                serde_json::to_value(b).unwrap()
            );
        }
    }

    #[test]
    fn broken_json_or_conditions_give_none() {
        assert!(from_checked_json("{").is_none());
        let bad_condition = AI_READINESS_JSON.replacen("\"show_if\": \"", "\"show_if\": \"((", 1);
        assert_ne!(bad_condition, AI_READINESS_JSON);
        assert!(from_checked_json(&bad_condition).is_none());
    }
}
