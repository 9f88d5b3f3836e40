//! From answers to a [`Report`]: dimension scores with their likely ranges, and flags; the
//! indices (`indices.rs`) and path fit (`paths.rs`) build on the dimension scores.
//!
//! The formulas are documented, with their reasons, in `docs/methodology.md`; keep the two in
//! step. Everything here is total: any answers, valid or not, give a report, and invalid answers
//! count as unanswered.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers};
use crate::format::{Kind, Question};
use crate::indices::Scored;
use crate::report::*;
use crate::sheet::Sheet;
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
    report_and_items(survey, answers, timing).0
}

/// One answered item's 0–100 value in one dimension: what a team's reliability is computed from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ItemValue<'a> {
    /// Position in asking order.
    pub question: usize,
    pub dimension: &'a str,
    pub value: f64,
}

/// The report, and the item values it was computed from.
pub(crate) fn report_and_items<'a>(
    survey: &'a Survey,
    answers: &Answers,
    timing: Timing,
) -> (Report, Vec<ItemValue<'a>>) {
    let sheet = Sheet::new(survey, answers);
    let visible = sheet.visible();
    let items = collect_items(survey, &sheet);
    let scored = score_dimensions(survey, &sheet, &items);
    let indices = crate::indices::indices(survey, &scored);
    let dimensions: Vec<DimensionScore> = scored.into_iter().map(|(d, _)| d).collect();
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
    let answered = coded.iter().filter(|&&i| sheet.get(i).is_some()).count();
    if let Some(seconds) = timing.seconds {
        if answered > 0 && seconds.is_finite() && seconds < 2.0 * answered as f64 {
            flags.push(Flag::TooFast);
        }
    }

    let hours = survey.definition().pacing.as_ref().and_then(|p| {
        match sheet.get_by_id(survey, &p.question) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    });
    let ranking = crate::paths::rank_paths(survey, &sheet, &dimensions);

    let values = items
        .iter()
        .map(|it| ItemValue {
            question: it.question,
            dimension: it.dimension,
            value: it.value,
        })
        .collect();
    let report = Report {
        survey: SurveyRef {
            id: survey.id().to_string(),
            version: survey.version().to_string(),
        },
        readiness: indices.readiness,
        readiness_band: indices.readiness_band,
        axes: indices.axes,
        quadrant: indices.quadrant,
        near_line: indices.near_line,
        paths: ranking.paths,
        support_first: ranking.support_first,
        unranked_paths: ranking.unranked,
        dimensions,
        plan: Pace::for_hours(hours),
        flags,
        strength_from,
        answered,
        visible: coded.len(),
    };
    (report, values)
}

/// One answered item's contribution to one dimension.
struct Item<'a> {
    question: usize,
    dimension: &'a str,
    weight: f64,
    value: f64,
    /// Position of the answer on the question's own scale, for straight-lining.
    level: Option<usize>,
}

fn collect_items<'a>(survey: &'a Survey, sheet: &Sheet) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    for &i in sheet.visible() {
        let (Some(q), Some(answer)) = (survey.question_at(i), sheet.get(i)) else {
            continue;
        };
        items.extend(item_values(survey, i, q, answer));
    }
    items
}

/// The 0–100 values an answer gives each dimension of its question.
fn item_values<'a>(
    survey: &Survey,
    question: usize,
    q: &'a Question,
    answer: &Answer,
) -> Vec<Item<'a>> {
    let weighted = |value: f64, level: Option<usize>| -> Vec<Item<'a>> {
        q.weights
            .iter()
            .map(|(dim, &weight)| Item {
                question,
                dimension: dim,
                weight,
                value: value.clamp(0.0, 100.0),
                level,
            })
            .collect()
    };
    let option_scores = |chosen: &[&str]| -> Vec<Item<'a>> {
        let mut sums: BTreeMap<&str, f64> = BTreeMap::new();
        for o in q.options.iter().filter(|o| chosen.contains(&o.id.as_str())) {
            for (dim, v) in &o.scores {
                *sums.entry(dim).or_default() += v;
            }
        }
        // Every dimension any option scores counts, so choosing nothing relevant scores 0.
        let dims = q.options.iter().flat_map(|o| o.scores.keys());
        let mut items: Vec<Item<'a>> = Vec::new();
        for dim in dims {
            if items.iter().any(|it| it.dimension == dim) {
                continue;
            }
            items.push(Item {
                question,
                dimension: dim,
                weight: q.weights.get(dim).copied().unwrap_or(1.0),
                value: sums
                    .get(dim.as_str())
                    .copied()
                    .unwrap_or(0.0)
                    .clamp(0.0, 100.0),
                level: None,
            });
        }
        items
    };
    match (q.kind, answer) {
        (Kind::Anchored, Answer::Str(id)) => {
            let Some(level) = q
                .options
                .iter()
                .find(|o| &o.id == id)
                .and_then(|o| survey.level_position(o.level.as_deref()?))
            else {
                return Vec::new();
            };
            weighted(survey.level_score(level), Some(level))
        }
        (Kind::Likert, Answer::Number(x)) => {
            let points = f64::from(q.points.unwrap_or(5));
            weighted((x - 1.0) / (points - 1.0) * 100.0, Some(*x as usize))
        }
        (Kind::Number, Answer::Number(x)) => {
            let (min, max, _) = q.range();
            weighted((x - min) / (max - min) * 100.0, None)
        }
        (Kind::Single, Answer::Str(id)) => option_scores(&[id.as_str()]),
        (Kind::Multi, Answer::List(ids)) => {
            let chosen: Vec<&str> = ids.iter().map(String::as_str).collect();
            option_scores(&chosen)
        }
        _ => Vec::new(),
    }
}

/// Each dimension's score with the unclamped half-width of its likely range.
fn score_dimensions(survey: &Survey, sheet: &Sheet, items: &[Item]) -> Vec<Scored> {
    let def = survey.definition();
    // One pass over items and one over questions, then a lookup per dimension.
    let mut by_dimension: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
    for item in items {
        by_dimension.entry(item.dimension).or_default().push(item);
    }
    let mut asked: BTreeMap<&str, usize> = BTreeMap::new();
    let mut checks: BTreeMap<&str, Calibration> = BTreeMap::new();
    for &i in sheet.visible() {
        let Some(q) = survey.question_at(i) else {
            continue;
        };
        if q.kind.is_scored() {
            let mut dims: Vec<&str> = q.dimensions().collect();
            dims.sort_unstable();
            dims.dedup();
            for dim in dims {
                *asked.entry(dim).or_default() += 1;
            }
        }
        if let (Kind::Knowledge, Some(dim), Some(Answer::Str(id))) =
            (q.kind, q.dimension.as_deref(), sheet.get(i))
        {
            let c = checks
                .entry(dim)
                .or_insert(Calibration { asked: 0, right: 0 });
            c.asked += 1;
            if q.options.iter().any(|o| &o.id == id && o.correct) {
                c.right += 1;
            }
        }
    }
    def.dimensions
        .iter()
        .map(|dim| {
            let mine: &[&Item] = by_dimension.get(dim.id.as_str()).map_or(&[], Vec::as_slice);
            let weighted: Vec<Weighted> = mine
                .iter()
                .map(|it| Weighted {
                    value: it.value,
                    weight: it.weight,
                })
                .collect();
            let score = weighted_mean(weighted.iter().copied()).unwrap_or(0.0);
            let half = half_width(&weighted, score);
            let score_of = DimensionScore {
                id: dim.id.clone(),
                group: dim.group.clone(),
                score: round1(score),
                level: def.levels[survey.level_index(round1(score))].id.clone(),
                band: range(score, half),
                answered: mine.len(),
                items: asked.get(dim.id.as_str()).copied().unwrap_or(0),
                reported: mine.len() >= MIN_ITEMS,
                knowledge: checks.get(dim.id.as_str()).copied(),
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
