//! From answers to a [`Report`]: dimension scores with their likely ranges, and flags; the
//! indices (`indices.rs`) and path fit (`paths.rs`) build on the dimension scores.
//!
//! The formulas are documented, with their reasons, in `docs/methodology.md`; keep the two in
//! step. Everything here is total: any answers, valid or not, give a report, and invalid answers
//! count as unanswered.

use std::collections::BTreeMap;

use crate::answers::Answers;
use crate::format::{Kind, Question};
use crate::indices::{Indices, Scored};
use crate::paths::Detail;
use crate::report::*;
use crate::sheet::{Given, Sheet};
use crate::stats::{half_width, range, round1, weighted_mean, Weighted};
use crate::survey::Survey;

/// A dimension needs this many answered items to be reported.
pub const MIN_ITEMS: usize = 2;

/// What is known about how the answers were given, besides the answers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timing {
    /// Seconds from the first to the last answer, when known.
    pub seconds: Option<f64>,
}

/// Computes the report for a set of answers.
pub fn report(survey: &Survey, answers: &Answers, timing: Timing) -> Report {
    let sheet = Sheet::from_answers(survey, answers);
    report_of(survey, &sheet, timing)
}

/// The figures everything else is computed from: each answered item, each dimension's score,
/// and the indices. A report explains them; a team summary only counts them.
pub(crate) struct Scoring {
    pub items: Vec<Item>,
    pub dimensions: Vec<DimensionScore>,
    pub indices: Indices,
}

pub(crate) fn scoring(survey: &Survey, sheet: &Sheet) -> Scoring {
    let items = collect_items(survey, sheet);
    let scored = score_dimensions(survey, sheet, &items);
    let indices = crate::indices::indices(survey, &scored);
    Scoring {
        items,
        dimensions: scored.into_iter().map(|(d, _)| d).collect(),
        indices,
    }
}

/// The report of the answers on `sheet`.
pub(crate) fn report_of(survey: &Survey, sheet: &Sheet, timing: Timing) -> Report {
    let visible = sheet.visible();
    let Scoring {
        items,
        dimensions,
        indices,
    } = scoring(survey, sheet);
    let strength_from = survey.level_floor(survey.strength_level());

    let mut flags = Vec::new();
    for d in &dimensions {
        if !d.reported {
            flags.push(Flag::TooFewAnswers {
                dimension: d.id.clone(),
            });
        }
        if let Some(c) = d.knowledge {
            let self_rated_high = d.reported && d.score >= strength_from;
            if self_rated_high && c.asked > 0 && c.right * 2 < c.asked {
                flags.push(Flag::Overconfidence {
                    dimension: d.id.clone(),
                    asked: c.asked,
                    right: c.right,
                });
            }
        }
    }
    if is_straight_lining(&items) {
        flags.push(Flag::StraightLining);
    }
    // Free text is never encoded, so it is left out of these counts too: a report rebuilt from a
    // result code must equal the original.
    let coded: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|&i| survey.question_at(i).is_some_and(|q| q.kind != Kind::Text))
        .collect();
    let answered = coded.iter().filter(|&&i| sheet.is_answered(i)).count();
    if let Some(seconds) = timing.seconds {
        if answered > 0 && seconds.is_finite() && seconds < 2.0 * answered as f64 {
            flags.push(Flag::TooFast);
        }
    }

    let hours = survey
        .definition()
        .pacing
        .as_ref()
        .and_then(|p| sheet.number_by_id(survey, &p.question));
    let ranking = crate::paths::rank_paths(survey, sheet, &dimensions, Detail::Explained);

    Report {
        survey: SurveyRef {
            id: survey.id().to_string(),
            version: survey.version().to_string(),
        },
        readiness: indices.readiness,
        readiness_band: indices.readiness_band,
        axes: indices.axes,
        quadrant: indices.quadrant,
        near_line: indices.near_line,
        paths: ranking.paths.into_iter().map(|(_, p)| p).collect(),
        support_first: ranking.support_first,
        unranked_paths: ranking.unranked,
        dimensions,
        plan: Pace::for_hours(hours),
        flags,
        strength_from,
        answered,
        visible: coded.len(),
    }
}

/// One answered item's contribution to one dimension: what scoring, straight-lining and a team's
/// reliability are computed from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item {
    /// Position in asking order.
    pub question: usize,
    /// Position in the survey's dimensions.
    pub dimension: usize,
    pub weight: f64,
    pub value: f64,
    /// Position of the answer on the question's own scale, for straight-lining.
    pub level: Option<usize>,
}

fn collect_items(survey: &Survey, sheet: &Sheet) -> Vec<Item> {
    let mut items = Vec::new();
    for &i in sheet.visible() {
        let (Some(q), Some(answer)) = (survey.question_at(i), sheet.given(survey, i)) else {
            continue;
        };
        item_values(survey, i, q, answer, &mut items);
    }
    items
}

/// The 0–100 values an answer gives each dimension of its question, added to `items`.
fn item_values(
    survey: &Survey,
    question: usize,
    q: &Question,
    answer: Given,
    items: &mut Vec<Item>,
) {
    let positions = survey.positions();
    let mut weighted = |value: f64, level: Option<usize>| {
        items.extend(
            positions.weights[question]
                .iter()
                .map(|&(dimension, weight)| Item {
                    question,
                    dimension,
                    weight,
                    value: value.clamp(0.0, 100.0),
                    level,
                }),
        )
    };
    match (q.kind, answer) {
        (Kind::Anchored, Given::Option(o)) => {
            if let Some(level) = survey.option_level(question, o) {
                weighted(survey.level_score(level), Some(level));
            }
        }
        (Kind::Likert, Given::Number(x)) => {
            let points = f64::from(q.points.unwrap_or(5));
            weighted((x - 1.0) / (points - 1.0) * 100.0, Some(x as usize));
        }
        (Kind::Number, Given::Number(x)) => {
            let (min, max, _) = q.range();
            weighted((x - min) / (max - min) * 100.0, None);
        }
        (Kind::Single, Given::Option(o)) => option_scores(survey, question, &|i| i == o, items),
        (Kind::Multi, Given::Options(mask)) => {
            option_scores(survey, question, &|i| i < 32 && mask & (1 << i) != 0, items);
        }
        _ => {}
    }
}

/// A choice question's items: the chosen options' scores summed per dimension. Every dimension
/// any option scores counts, so choosing nothing relevant scores 0.
fn option_scores(
    survey: &Survey,
    question: usize,
    chosen: &dyn Fn(usize) -> bool,
    items: &mut Vec<Item>,
) {
    let positions = survey.positions();
    let options = &positions.option_scores[question];
    for &(dimension, weight) in &positions.option_dims[question] {
        let sum: f64 = options
            .iter()
            .enumerate()
            .filter(|(i, _)| chosen(*i))
            .flat_map(|(_, scores)| scores.iter())
            .filter(|(d, _)| *d == dimension)
            .map(|(_, points)| points)
            .sum();
        items.push(Item {
            question,
            dimension,
            weight,
            value: sum.clamp(0.0, 100.0),
            level: None,
        });
    }
}

/// Each dimension's score with the unclamped half-width of its likely range.
fn score_dimensions(survey: &Survey, sheet: &Sheet, items: &[Item]) -> Vec<Scored> {
    let def = survey.definition();
    let positions = survey.positions();
    let n = def.dimensions.len();
    // One pass over items and one over questions, then one per dimension.
    let mut by_dimension: Vec<Vec<Weighted>> = vec![Vec::new(); n];
    for item in items {
        by_dimension[item.dimension].push(Weighted {
            value: item.value,
            weight: item.weight,
        });
    }
    let mut asked = vec![0usize; n];
    let mut checks: Vec<Option<Calibration>> = vec![None; n];
    for &i in sheet.visible() {
        let Some(q) = survey.question_at(i) else {
            continue;
        };
        if q.kind.is_scored() {
            for &d in &positions.scored[i] {
                asked[d] += 1;
            }
        }
        if let (Kind::Knowledge, Some(d), Some(Given::Option(o))) =
            (q.kind, positions.knowledge[i], sheet.given(survey, i))
        {
            let c = checks[d].get_or_insert(Calibration { asked: 0, right: 0 });
            c.asked += 1;
            if q.options.get(o).is_some_and(|o| o.correct) {
                c.right += 1;
            }
        }
    }
    def.dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let weighted = &by_dimension[d];
            let score = weighted_mean(weighted.iter().copied()).unwrap_or(0.0);
            let half = half_width(weighted, score);
            let score_of = DimensionScore {
                id: dim.id.clone(),
                group: dim.group.clone(),
                score: round1(score),
                level: def.levels[survey.level_index(round1(score))].id.clone(),
                band: range(score, half),
                answered: weighted.len(),
                items: asked[d],
                reported: weighted.len() >= MIN_ITEMS,
                knowledge: checks[d],
            };
            (score_of, half)
        })
        .collect()
}

/// Straight-lining: at least ten rated items, nine in ten at the same level.
fn is_straight_lining(items: &[Item]) -> bool {
    let levels: Vec<usize> = items.iter().filter_map(|it| it.level).collect();
    if levels.len() < 10 {
        return false;
    }
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for l in &levels {
        *counts.entry(*l).or_default() += 1;
    }
    let top = counts.values().max().copied().unwrap_or(0);
    top * 10 >= levels.len() * 9
}
