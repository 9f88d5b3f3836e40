//! What a team summary keeps of one person's report: the figures it counts, and nothing else.
//! Small, so that ten thousand people fit in a phone's memory.

use crate::answers::Answers;
use crate::paths::Detail;
use crate::report::Quadrant;
use crate::score::{report_of, Timing};
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
    /// Each answered item's value in one dimension, by dimension and then question.
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

    pub fn of_sheet(survey: &Survey, sheet: &Sheet) -> Person {
        let (report, items) = report_of(survey, sheet, Timing::default(), Detail::FitsOnly);
        let mut person = Person {
            readiness: report.readiness,
            ai_depth: report.axes.ai_depth,
            learning_agility: report.axes.learning_agility,
            quadrant: report.quadrant,
            // Every report lists the dimensions in the survey's order.
            dimensions: report
                .dimensions
                .iter()
                .map(|s| {
                    s.reported
                        .then(|| Some((survey.level_position(&s.level)?, s.score)))
                        .flatten()
                })
                .collect(),
            paths: report
                .paths
                .iter()
                .filter_map(|p| Some((survey.paths().iter().position(|q| q.id == p.id)?, p.fit)))
                .collect(),
            items: items
                .iter()
                .map(|it| Item {
                    question: it.question as u32,
                    dimension: it.dimension as u32,
                    value: it.value,
                })
                .collect(),
        };
        person.items.sort_by_key(|it| (it.dimension, it.question));
        person
    }

    /// Each answered item's value, by dimension and then question.
    pub fn items(&self) -> &[Item] {
        &self.items
    }
}
