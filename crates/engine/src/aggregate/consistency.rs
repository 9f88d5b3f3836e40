//! Per dimension: whether its items hang together across the team (Cronbach's alpha and each
//! item's correlation with the rest), for the survey's owner.

use serde::{Deserialize, Serialize};

use super::person::Person;
use crate::reliability::Table;
use crate::survey::Survey;

/// Alpha needs at least this many people who answered the same items.
pub const MIN_FOR_ALPHA: usize = 10;

/// One item of a dimension across the team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemTotal {
    pub question: String,
    /// How many people answered it.
    pub answered: usize,
    /// Its correlation with the sum of the dimension's other items (corrected item–total), over
    /// the people alpha is computed from; `null` when the item is not among them or does not
    /// vary.
    pub correlation: Option<f64>,
}

pub(crate) struct Consistency {
    pub alpha: Option<f64>,
    /// How many people alpha is computed from: those who answered every item it uses.
    pub alpha_people: usize,
    pub items: Vec<ItemTotal>,
}

/// Items shown only to some (a `show_if`) leave the
/// others unanswered, so alpha uses the items most people answered, as long as at least
/// [`MIN_FOR_ALPHA`] answered all of them.
pub(crate) fn consistency(survey: &Survey, dimension: usize, people: &[Person]) -> Consistency {
    // Per person: question position → value in this dimension.
    let values: Vec<Vec<(usize, f64)>> = people
        .iter()
        .map(|p| {
            p.items_of(dimension)
                .iter()
                .map(|it| (it.question as usize, it.value))
                .collect()
        })
        .collect();
    let value_of = |person: usize, q: usize| {
        values[person]
            .iter()
            .find(|(question, _)| *question == q)
            .map(|&(_, v)| v)
    };
    let mut questions: Vec<(usize, usize)> = Vec::new(); // (position, answered)
    for person in &values {
        for &(q, _) in person {
            match questions.iter_mut().find(|(p, _)| *p == q) {
                Some((_, n)) => *n += 1,
                None => questions.push((q, 1)),
            }
        }
    }
    questions.sort_by_key(|&(q, _)| q);

    let mut by_count = questions.clone();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut cases: Vec<usize> = (0..values.len()).collect();
    for &(q, _) in &by_count {
        let kept: Vec<usize> = cases
            .iter()
            .copied()
            .filter(|&p| value_of(p, q).is_some())
            .collect();
        if kept.len() >= MIN_FOR_ALPHA {
            chosen.push(q);
            cases = kept;
        }
    }
    chosen.sort_unstable();
    let rows: Vec<Vec<f64>> = cases
        .iter()
        .map(|&p| chosen.iter().filter_map(|&q| value_of(p, q)).collect())
        .collect();
    let table = Table {
        rows: &rows,
        items: chosen.len(),
    };
    let usable = chosen.len() >= 2;
    Consistency {
        alpha: usable.then(|| table.alpha()).flatten(),
        alpha_people: if usable { rows.len() } else { 0 },
        items: questions
            .iter()
            .map(|&(q, answered)| ItemTotal {
                question: survey
                    .question_at(q)
                    .map(|q| q.id.clone())
                    .unwrap_or_default(),
                answered,
                correlation: chosen
                    .iter()
                    .position(|&c| c == q)
                    .filter(|_| usable)
                    .and_then(|i| table.item_rest(i)),
            })
            .collect(),
    }
}
