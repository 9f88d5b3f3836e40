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

/// Every dimension's consistency, in the survey's order, from one pass over everyone's items.
///
/// Items shown only to some (a `show_if`) leave the others unanswered, so alpha uses the items
/// most people answered, as long as at least [`MIN_FOR_ALPHA`] answered all of them.
pub(crate) fn consistencies(survey: &Survey, people: &[Person]) -> Vec<Consistency> {
    let dimensions = survey.definition().dimensions.len();
    // Per dimension, per question it has: each person's value, NaN where unanswered.
    let mut grids: Vec<Vec<(usize, Vec<f64>)>> = vec![Vec::new(); dimensions];
    for (p, person) in people.iter().enumerate() {
        for it in person.items() {
            let grid = &mut grids[it.dimension as usize];
            let q = it.question as usize;
            let column = match grid.iter().position(|(question, _)| *question == q) {
                Some(c) => c,
                None => {
                    grid.push((q, vec![f64::NAN; people.len()]));
                    grid.len() - 1
                }
            };
            grid[column].1[p] = it.value;
        }
    }
    grids
        .into_iter()
        .map(|mut grid| {
            grid.sort_by_key(|(q, _)| *q);
            of_grid(survey, &grid, people.len())
        })
        .collect()
}

fn of_grid(survey: &Survey, grid: &[(usize, Vec<f64>)], people: usize) -> Consistency {
    let answered = |column: &[f64]| column.iter().filter(|v| !v.is_nan()).count();
    let mut by_count: Vec<usize> = (0..grid.len()).collect();
    by_count.sort_by_key(|&c| std::cmp::Reverse(answered(&grid[c].1)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut cases: Vec<usize> = (0..people).collect();
    for c in by_count {
        let kept: Vec<usize> = cases
            .iter()
            .copied()
            .filter(|&p| !grid[c].1[p].is_nan())
            .collect();
        if kept.len() >= MIN_FOR_ALPHA {
            chosen.push(c);
            cases = kept;
        }
    }
    chosen.sort_unstable();
    let usable = chosen.len() >= 2;
    let values: Vec<f64> = if usable {
        cases
            .iter()
            .flat_map(|&p| chosen.iter().map(move |&c| grid[c].1[p]))
            .collect()
    } else {
        Vec::new()
    };
    let table = Table {
        values: &values,
        items: chosen.len(),
    };
    Consistency {
        alpha: usable.then(|| table.alpha()).flatten(),
        alpha_people: if usable { cases.len() } else { 0 },
        items: grid
            .iter()
            .enumerate()
            .map(|(c, (q, column))| ItemTotal {
                question: survey
                    .question_at(*q)
                    .map(|q| q.id.clone())
                    .unwrap_or_default(),
                answered: answered(column),
                correlation: chosen
                    .iter()
                    .position(|&x| x == c)
                    .filter(|_| usable)
                    .and_then(|i| table.item_rest(i)),
            })
            .collect(),
    }
}
