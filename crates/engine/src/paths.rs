//! Path fit: how well each path suits the person, why, and in which order to show them.
//!
//! Only reported dimensions count. A dimension nobody answered is unknown: it adds nothing and
//! takes nothing from any fit, and a path with no reported dimension is not ranked at all.
//!
//! Fits mean the same within a group but not across groups: a specialist or coaching path's fit
//! rises with strengths, a support path's with gaps. So the two groups are ranked apart, and
//! support comes first only when the answers ask for it.

use crate::format::{Path, Stage};
use crate::report::{DimensionScore, Evidence, Gap, PathFit};
use crate::sheet::Sheet;
use crate::stats::{round1, weighted_mean, Weighted};
use crate::survey::Survey;

/// Fit points lost per unmet entry threshold.
const ENTRY_PENALTY: f64 = 15.0;
/// Fits closer than this are a tie: the answers cannot tell them apart.
pub const TIE_POINTS: f64 = 3.0;

pub(crate) struct Ranking {
    /// In display order, each with its position in the survey's paths.
    pub paths: Vec<(usize, PathFit)>,
    pub support_first: bool,
    pub unranked: Vec<String>,
}

/// How much of each path's fit to give: the evidence and gaps a report explains it with, or the
/// bare figures a team summary counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detail {
    Explained,
    FitsOnly,
}

pub(crate) fn rank_paths(
    survey: &Survey,
    sheet: &Sheet,
    dimensions: &[DimensionScore],
    detail: Detail,
) -> Ranking {
    // By position in the survey's dimensions, as the report lists them.
    let reported: Vec<Option<&DimensionScore>> =
        dimensions.iter().map(|d| d.reported.then_some(d)).collect();
    let strength_from = survey.level_floor(survey.strength_level());

    let mut build = Vec::new();
    let mut support = Vec::new();
    let mut unranked = Vec::new();
    let mut support_asked = false;
    for (i, path) in survey.paths().iter().enumerate() {
        let Some(fit) = fit_path(survey, sheet, &reported, (i, path), strength_from, detail) else {
            unranked.push(path.id.clone());
            continue;
        };
        if path.kind.builds_on_strengths() {
            build.push((i, fit));
        } else {
            support_asked |= survey
                .first_if_expr(i)
                .is_some_and(|e| sheet.eval(survey, e));
            support.push((i, fit));
        }
    }
    let nothing_strong = !reported.iter().flatten().any(|d| d.score >= strength_from);
    let support_first =
        !support.is_empty() && (support_asked || nothing_strong || build.is_empty());

    let (first, second) = if support_first {
        (support, build)
    } else {
        (build, support)
    };
    let mut paths = ordered(first);
    paths.extend(ordered(second));
    Ranking {
        paths,
        support_first,
        unranked,
    }
}

/// Best fit first, equal fits in the definition's order, each marked when it ties the one before.
fn ordered(mut fits: Vec<(usize, PathFit)>) -> Vec<(usize, PathFit)> {
    fits.sort_by(|(ia, a), (ib, b)| b.fit.total_cmp(&a.fit).then(ia.cmp(ib)));
    let mut out: Vec<(usize, PathFit)> = Vec::with_capacity(fits.len());
    for (i, mut fit) in fits {
        fit.tied = out
            .last()
            .is_some_and(|(_, prev)| prev.fit - fit.fit < TIE_POINTS);
        out.push((i, fit));
    }
    out
}

/// One path's fit over the reported dimensions, or `None` when none of its weighted dimensions
/// is reported.
fn fit_path(
    survey: &Survey,
    sheet: &Sheet,
    reported: &[Option<&DimensionScore>],
    (index, path): (usize, &Path),
    strength_from: f64,
    detail: Detail,
) -> Option<PathFit> {
    let explain = detail == Detail::Explained;
    let positions = survey.positions();
    let known: Vec<(usize, f64, f64)> = positions.path_weights[index]
        .iter()
        .filter_map(|&(d, w)| Some((d, w, reported.get(d).copied().flatten()?.score)))
        .collect();
    if known.is_empty() {
        return None;
    }
    let total: f64 = known.iter().map(|(_, w, _)| w.abs()).sum();
    let mut evidence = Vec::new();
    let mut fit = 0.0;
    for &(dim, w, score) in &known {
        let term = if w < 0.0 { 100.0 - score } else { score };
        let share = w.abs() / total;
        fit += share * term;
        if explain {
            evidence.push(Evidence::Dimension {
                id: survey.definition().dimensions[dim].id.clone(),
                effect: round1(share * (term - 50.0)),
                inverted: w < 0.0,
            });
        }
    }
    for &(dim, needed) in &positions.path_entry[index] {
        let Some(d) = reported.get(dim).copied().flatten() else {
            continue;
        };
        if d.score < needed {
            fit -= ENTRY_PENALTY;
            if explain {
                evidence.push(Evidence::Entry {
                    id: d.id.clone(),
                    needed,
                    effect: -ENTRY_PENALTY,
                });
            }
        }
    }
    for (b, (boost, expr)) in path
        .fit
        .boosts
        .iter()
        .zip(survey.boost_exprs(index))
        .enumerate()
    {
        if sheet.eval(survey, expr) {
            fit += boost.points;
            if explain {
                evidence.push(Evidence::Answer {
                    boost: b,
                    questions: expr.references().into_iter().map(String::from).collect(),
                    effect: boost.points,
                });
            }
        }
    }
    // Largest effect first; equal effects keep their order, so output is deterministic.
    evidence.sort_by(|a, b| b.effect().abs().total_cmp(&a.effect().abs()));
    // The stage is the person's level in the path itself: its most heavily weighted reported
    // dimensions, not the neighbours that only support the fit.
    let main = known.iter().map(|(_, w, _)| w.abs()).fold(0.0, f64::max);
    let level = weighted_mean(known.iter().filter(|(_, w, _)| w.abs() >= main).map(
        |&(_, w, score)| Weighted {
            value: score,
            weight: w.abs(),
        },
    ))
    .unwrap_or(0.0);
    let stage = if level >= strength_from {
        Stage::Experienced
    } else {
        Stage::New
    };
    let explains = if explain { &path.explains[..] } else { &[] };
    let gaps = explains
        .iter()
        .filter_map(|id| reported.iter().flatten().find(|d| &d.id == id))
        .map(|d| gap(survey, d))
        .collect();
    Some(PathFit {
        id: path.id.clone(),
        kind: path.kind,
        fit: round1(fit.clamp(0.0, 100.0)),
        evidence,
        gaps,
        tied: false,
        stage,
    })
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
