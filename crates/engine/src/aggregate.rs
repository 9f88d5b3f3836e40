//! Many people's results of one survey, summarised for the lead who collected them.
//!
//! A team lead gathers result links and wants to know where the team stands and which paths come
//! up most, to plan training for the group. The summary keeps only counts and spreads: nobody's
//! answers, and no order in which they were given, survive into it.

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::code::{decode, from_link, CodeError};
use crate::format::PathKind;
use crate::report::{Quadrant, Report, SurveyRef};
use crate::score::{report, Timing};
use crate::survey::Survey;

/// The team's results: a spread for each score and counts for each category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSummary {
    pub survey: SurveyRef,
    pub respondents: usize,
    /// Over the people whose report has the figure; `None` when nobody's has.
    pub readiness: Option<Spread>,
    pub ai_depth: Option<Spread>,
    pub learning_agility: Option<Spread>,
    /// All four quadrants, in a fixed order, including empty ones. People whose quadrant is
    /// unknown are in none.
    pub quadrants: Vec<QuadrantCount>,
    /// In the survey's dimension order.
    pub dimensions: Vec<TeamDimension>,
    /// Most often in people's top three first.
    pub paths: Vec<TeamPath>,
}

/// Where a score falls across the team, on the report's 0–100 scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub min: f64,
    pub median: f64,
    pub mean: f64,
    pub max: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuadrantCount {
    pub quadrant: Quadrant,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamDimension {
    pub id: String,
    pub group: String,
    /// How many people answered enough of it to be scored; the rest are left out of `score`
    /// and `levels`.
    pub reported: usize,
    pub score: Option<Spread>,
    /// Every level of the survey in its order, with how many people reached it.
    pub levels: Vec<LevelCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCount {
    pub level: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamPath {
    pub id: String,
    pub kind: PathKind,
    /// How many people have it as their best fit.
    pub first: usize,
    /// How many people have it among their three best fits, the ones a report leads with.
    pub top3: usize,
    pub fit: Spread,
}

/// The results read from what a lead pasted or saved: one link or code per line.
#[derive(Debug, Default)]
pub struct Collected {
    pub answers: Vec<Answers>,
    pub problems: Vec<LineProblem>,
}

/// Why a line was left out; `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub kind: LineProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblemKind {
    /// The code does not decode for this survey.
    Code(CodeError),
    /// The same code as an earlier line. Most likely one person's result sent twice, so it
    /// counts once; two people with identical answers would also count once, which the message
    /// leaves open.
    Repeat { of: usize },
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            LineProblemKind::Code(e) => write!(f, "line {}: {e}", self.line),
            LineProblemKind::Repeat { of } => {
                write!(
                    f,
                    "line {} is the same result as line {of}; counted once",
                    self.line
                )
            }
        }
    }
}

/// Reads one result link or bare code per line; blank lines are skipped.
pub fn collect(survey: &Survey, text: &str) -> Collected {
    let mut out = Collected::default();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let code = from_link(line);
        if let Some((_, of)) = seen.iter().find(|(c, _)| *c == code) {
            out.problems.push(LineProblem {
                line: line_no,
                kind: LineProblemKind::Repeat { of: *of },
            });
            continue;
        }
        match decode(survey, code) {
            Ok(answers) => {
                seen.push((code, line_no));
                out.answers.push(answers);
            }
            Err(e) => out.problems.push(LineProblem {
                line: line_no,
                kind: LineProblemKind::Code(e),
            }),
        }
    }
    out
}

/// Summarises everyone's answers to `survey`; `None` when there are none.
pub fn aggregate(survey: &Survey, people: &[Answers]) -> Option<TeamSummary> {
    let reports: Vec<Report> = people
        .iter()
        .map(|a| report(survey, a, Timing::default()))
        .collect();
    let first = reports.first()?;
    let spread_of =
        |f: fn(&Report) -> Option<f64>| Spread::of(reports.iter().filter_map(f).collect());
    let quadrants = Quadrant::ALL
        .map(|quadrant| QuadrantCount {
            quadrant,
            count: reports
                .iter()
                .filter(|r| r.quadrant == Some(quadrant))
                .count(),
        })
        .to_vec();
    Some(TeamSummary {
        survey: first.survey.clone(),
        respondents: reports.len(),
        readiness: spread_of(|r| r.readiness),
        ai_depth: spread_of(|r| r.axes.ai_depth),
        learning_agility: spread_of(|r| r.axes.learning_agility),
        quadrants,
        dimensions: dimensions(survey, &reports),
        paths: paths(survey, &reports),
    })
}

fn dimensions(survey: &Survey, reports: &[Report]) -> Vec<TeamDimension> {
    let levels = &survey.definition().levels;
    survey
        .definition()
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // Every report lists the dimensions in the survey's order.
            let scored: Vec<_> = reports
                .iter()
                .filter_map(|r| r.dimensions.get(i))
                .filter(|s| s.reported && s.id == d.id)
                .collect();
            TeamDimension {
                id: d.id.clone(),
                group: d.group.clone(),
                reported: scored.len(),
                score: Spread::of(scored.iter().map(|s| s.score).collect()),
                levels: levels
                    .iter()
                    .map(|l| LevelCount {
                        level: l.id.clone(),
                        count: scored.iter().filter(|s| s.level == l.id).count(),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn paths(survey: &Survey, reports: &[Report]) -> Vec<TeamPath> {
    let mut out: Vec<TeamPath> = survey
        .paths()
        .iter()
        .filter_map(|p| {
            let ranks: Vec<(usize, f64)> = reports
                .iter()
                .filter_map(|r| {
                    r.paths
                        .iter()
                        .position(|q| q.id == p.id)
                        .map(|i| (i, r.paths[i].fit))
                })
                .collect();
            Some(TeamPath {
                id: p.id.clone(),
                kind: p.kind,
                first: ranks.iter().filter(|(i, _)| *i == 0).count(),
                top3: ranks.iter().filter(|(i, _)| *i < 3).count(),
                fit: Spread::of(ranks.iter().map(|(_, fit)| *fit).collect())?,
            })
        })
        .collect();
    // Positions are in the order each report shows its paths. The team order must not depend on
    // whose result came first, so order by the team's figures, then by id.
    out.sort_by(|a, b| {
        b.top3
            .cmp(&a.top3)
            .then(b.first.cmp(&a.first))
            .then(b.fit.median.total_cmp(&a.fit.median))
            .then(a.id.cmp(&b.id))
    });
    out
}

impl Spread {
    /// `None` for no values. Sorting first makes the mean independent of the input order.
    fn of(mut values: Vec<f64>) -> Option<Spread> {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let (min, max) = (*values.first()?, *values.last()?);
        let median = if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        };
        let mean = values.iter().sum::<f64>() / n as f64;
        Some(Spread {
            min,
            median,
            // Rounding in the sum can put the mean a hair outside the range. (`clamp` would
            // panic on NaN; scores never are, but the engine does not panic on any input.)
            mean: mean.max(min).min(max),
            max,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_of_odd_and_even_counts() {
        let s = Spread::of(vec![30.0, 10.0, 20.0]).unwrap();
        assert_eq!((s.min, s.median, s.mean, s.max), (10.0, 20.0, 20.0, 30.0));
        let s = Spread::of(vec![40.0, 10.0, 20.0, 30.0]).unwrap();
        assert_eq!((s.min, s.median, s.mean, s.max), (10.0, 25.0, 25.0, 40.0));
        assert_eq!(Spread::of(Vec::new()), None);
    }
}
