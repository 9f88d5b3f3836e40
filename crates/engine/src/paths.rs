//! Path fit: how well each specialist or coaching path suits the person, and why.

use std::collections::BTreeMap;

use crate::answers::Answers;
use crate::report::{DimensionScore, Evidence, Gap, PathFit};
use crate::score::{round1, ENTRY_PENALTY};
use crate::survey::Survey;

pub(crate) fn fit_paths(
    survey: &Survey,
    answers: &Answers,
    dims: &BTreeMap<&str, &DimensionScore>,
) -> Vec<PathFit> {
    let mut fits: Vec<(usize, PathFit)> = survey
        .paths()
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let score = |id: &str| dims.get(id).map_or(0.0, |d| d.score);
            let total: f64 = path.fit.weights.values().map(|w| w.abs()).sum();
            let mut evidence = Vec::new();
            let mut base = 0.0;
            for (dim, &w) in &path.fit.weights {
                let term = if w < 0.0 {
                    100.0 - score(dim)
                } else {
                    score(dim)
                };
                let share = if total > 0.0 { w.abs() / total } else { 0.0 };
                base += share * term;
                evidence.push(Evidence::Dimension {
                    id: dim.clone(),
                    effect: round1(share * (term - 50.0)),
                    inverted: w < 0.0,
                });
            }
            let mut fit = base;
            for (dim, &needed) in &path.fit.entry {
                if score(dim) < needed {
                    fit -= ENTRY_PENALTY;
                    evidence.push(Evidence::Entry {
                        id: dim.clone(),
                        needed,
                        effect: -ENTRY_PENALTY,
                    });
                }
            }
            for (b, (boost, expr)) in path
                .fit
                .boosts
                .iter()
                .zip(survey.boost_exprs(i))
                .enumerate()
            {
                if survey.eval_over(expr, answers) {
                    fit += boost.points;
                    evidence.push(Evidence::Answer {
                        boost: b,
                        questions: expr.references().into_iter().map(String::from).collect(),
                        effect: boost.points,
                    });
                }
            }
            // Largest effect first; equal effects keep their order, so output is deterministic.
            evidence.sort_by(|a, b| b.effect().abs().total_cmp(&a.effect().abs()));
            let gaps = path
                .explains
                .iter()
                .filter_map(|id| dims.get(id.as_str()))
                .map(|d| gap(survey, d))
                .collect();
            let fit = PathFit {
                id: path.id.clone(),
                kind: path.kind,
                fit: round1(fit.clamp(0.0, 100.0)),
                evidence,
                gaps,
            };
            (i, fit)
        })
        .collect();
    fits.sort_by(|(ia, a), (ib, b)| b.fit.total_cmp(&a.fit).then(ia.cmp(ib)));
    fits.into_iter().map(|(_, f)| f).collect()
}

fn gap(survey: &Survey, d: &DimensionScore) -> Gap {
    let levels = survey.levels();
    let index = survey.level_position(&d.level).unwrap_or(0);
    let next = levels.get(index + 1);
    Gap {
        dimension: d.id.clone(),
        level: d.level.clone(),
        next_level: next.map(|l| l.id.clone()),
        points: next.map_or(0.0, |_| {
            round1((survey.level_floor(index + 1) - d.score).max(0.0))
        }),
    }
}
