//! A target profile: the level a role needs in some dimensions, against which a team's gaps are
//! counted. Written as JSON, dimension id → level id, for example
//! `{"data-annotation": "proficient", "data-quality": "practitioner"}`.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::survey::Survey;

/// A target profile checked against one survey: every dimension and level exists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    /// Dimension id → level position.
    levels: BTreeMap<String, usize>,
}

impl Target {
    /// Reads and checks a target profile. Every problem is listed, each at its JSON path.
    pub fn from_json(survey: &Survey, json: &str) -> Result<Target, Vec<Error>> {
        let map: BTreeMap<String, String> = serde_json::from_str(json).map_err(|e| {
            vec![Error::new(
                "$",
                format!("a target profile is a JSON object of dimension id → level id ({e})"),
            )]
        })?;
        if map.is_empty() {
            return Err(vec![Error::new(
                "$",
                "a target profile names at least one dimension and its level",
            )]);
        }
        let mut errors = Vec::new();
        let mut levels = BTreeMap::new();
        for (dim, level) in map {
            let path = format!("$.{dim}");
            if !survey.definition().dimensions.iter().any(|d| d.id == dim) {
                errors.push(Error::new(
                    path,
                    format!("the survey has no dimension \"{dim}\""),
                ));
                continue;
            }
            match survey.level_position(&level) {
                Some(i) => {
                    levels.insert(dim, i);
                }
                None => {
                    let ids: Vec<&str> = survey.levels().iter().map(|l| l.id.as_str()).collect();
                    errors.push(Error::new(
                        path,
                        format!("no level \"{level}\"; the levels are {}", ids.join(", ")),
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(Target { levels })
        } else {
            Err(errors)
        }
    }

    /// The target level's position for a dimension, if the profile sets one.
    pub fn level(&self, dimension: &str) -> Option<usize> {
        self.levels.get(dimension).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }
}
