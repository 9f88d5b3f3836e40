//! What a team summary keeps of one person's results: the figures it counts, and nothing else.
//! Small, so that ten thousand people fit in a phone's memory.

use crate::answers::Answers;
use crate::paths::{rank_paths, Detail};
use crate::report::Quadrant;
use crate::score::scoring;
use crate::sheet::Sheet;
use crate::survey::Survey;

pub(crate) struct Person {
    pub readiness: Option<f64>,
    pub ai_depth: Option<f64>,
    pub learning_agility: Option<f64>,
    pub quadrant: Option<Quadrant>,
    /// Per dimension, in the survey's order: level position and score, when reported.
    pub dimensions: Vec<Option<(usize, f64)>>,
    /// Path positions in the survey, in the order the person's report shows them, with fits.
    pub paths: Vec<(usize, f64)>,
    /// Each answered item's value in one dimension.
    items: Vec<Item>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Item {
    /// Position in asking order.
    pub question: u32,
    /// Position in the survey's dimensions.
    pub dimension: u32,
    pub value: f64,
}

impl Person {
    pub fn of(survey: &Survey, answers: &Answers) -> Person {
        Person::of_sheet(survey, &Sheet::from_answers(survey, answers))
    }

    /// The same figures the person's report has, without the words and evidence it explains
    /// them with.
    pub fn of_sheet(survey: &Survey, sheet: &Sheet) -> Person {
        let scoring = scoring(survey, sheet);
        let ranking = rank_paths(survey, sheet, &scoring.dimensions, Detail::FitsOnly);
        let axes = scoring.indices.axes;
        Person {
            readiness: scoring.indices.readiness,
            ai_depth: axes.ai_depth,
            learning_agility: axes.learning_agility,
            quadrant: scoring.indices.quadrant,
            // A dimension's level is the one its (rounded) score falls in.
            dimensions: scoring
                .dimensions
                .iter()
                .map(|s| s.reported.then(|| (survey.level_index(s.score), s.score)))
                .collect(),
            paths: ranking.paths.iter().map(|(i, p)| (*i, p.fit)).collect(),
            items: scoring
                .items
                .iter()
                .map(|it| Item {
                    question: it.question as u32,
                    dimension: it.dimension as u32,
                    value: it.value,
                })
                .collect(),
        }
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }
}
