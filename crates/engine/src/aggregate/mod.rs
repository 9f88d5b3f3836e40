//! Many people's results of one survey, summarised for the lead who collected them.
//!
//! A team lead gathers result links and wants to know where the team stands and which paths come
//! up most, to plan training for the group. The summary keeps only counts and spreads: nobody's
//! answers, and no order in which they were given, survive into it.

use serde::{Deserialize, Serialize};

mod advice;
mod collect;
mod consistency;
mod person;
mod target;

pub use advice::{Advice, AdviceReason, Risk};
pub use collect::{collect, Collected, LineProblem, LineProblemKind, Reader};
pub use consistency::{ItemTotal, MIN_FOR_ALPHA};
pub use target::Target;

use crate::answers::Answers;
use crate::code::decode_sheet;
use crate::format::{Path, PathKind};
use crate::report::{Quadrant, SurveyRef};
use crate::survey::Survey;
use advice::Holding;
use person::Person;

/// The team's results: a spread for each score, counts for each category, and what to do about
/// each dimension.
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
    /// Dimensions only one person holds, in the survey's order: where the team depends on one
    /// person.
    pub single_expert: Vec<String>,
    /// The (at most) three gaps that matter most, against the target when one is set.
    pub where_to_start: Vec<Start>,
    /// The smallest group this summary would have been made for.
    pub min_group: usize,
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
    /// How many people answered enough of it to be scored; the rest are left out of everything
    /// below.
    pub reported: usize,
    pub score: Option<Spread>,
    /// Every level of the survey in its order, with how many people reached it.
    pub levels: Vec<LevelCount>,
    /// People at the survey's strength level (Proficient) or above.
    pub experts: usize,
    /// People who could teach it: at the top level (Guide), or at the strength level both here
    /// and in a coaching or training dimension.
    pub teachers: usize,
    /// `None` when nobody was scored in it, and so for the advice.
    pub risk: Option<Risk>,
    pub advice: Option<Advice>,
    pub advice_reason: Option<AdviceReason>,
    /// The path that builds this dimension, whose "when to bring in a freelancer" says what to
    /// look for when borrowing.
    pub path: Option<String>,
    /// The target profile's level for it, when one is set.
    pub target: Option<String>,
    /// People below `target`.
    pub below_target: Option<usize>,
    /// Cronbach's alpha over its items, with at least [`MIN_FOR_ALPHA`] people who answered
    /// the same items; `None` otherwise.
    pub alpha: Option<f64>,
    /// How many people `alpha` is computed from.
    pub alpha_people: usize,
    /// Each item's corrected item–total correlation, in asking order.
    pub item_total: Vec<ItemTotal>,
}

/// A gap that matters most, with what to do about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Start {
    pub dimension: String,
    pub advice: Advice,
    pub advice_reason: AdviceReason,
    pub path: Option<String>,
    pub below_target: Option<usize>,
    pub experts: usize,
}

/// How a summary is made.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Fewer decodable results than this give no summary, so that none exposes one person.
    pub min_group: usize,
    pub target: Option<Target>,
}

/// The smallest group summarised by default.
pub const MIN_GROUP: usize = 3;

impl Default for Options {
    fn default() -> Self {
        Options {
            min_group: MIN_GROUP,
            target: None,
        }
    }
}

/// Too few results to summarise without exposing someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooFew {
    pub needed: usize,
    pub found: usize,
}

impl std::fmt::Display for TooFew {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "at least {} results are needed for a team summary, so that it shows no one person's \
             answers; {} found",
            self.needed, self.found
        )
    }
}

impl std::error::Error for TooFew {}

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

/// Summarises everyone's answers to `survey`, or says that there are too few of them.
pub fn aggregate(
    survey: &Survey,
    people: &[Answers],
    options: &Options,
) -> Result<TeamSummary, TooFew> {
    let mut tally = Tally::default();
    for answers in people {
        tally.add(survey, answers);
    }
    tally.summary(survey, options)
}

/// People added one at a time, so that a long paste can be read in slices between frames, and
/// summarised again with another target without reading it again.
#[derive(Default)]
pub struct Tally {
    people: Vec<Person>,
    reader: Reader,
}

impl Tally {
    pub fn add(&mut self, survey: &Survey, answers: &Answers) {
        self.people.push(Person::of(survey, answers));
    }

    /// Reads line `line_no` (counted from 1) of what a lead pasted and counts the person on it.
    /// Says why a line cannot be counted; `None` for a blank line. The same as [`collect`] and
    /// [`Tally::add`], without building each person's answers.
    pub fn read(
        &mut self,
        survey: &Survey,
        line_no: usize,
        line: &str,
    ) -> Option<Result<(), LineProblem>> {
        let sheet = self
            .reader
            .read_with(line_no, line, |code| decode_sheet(survey, code))?;
        Some(sheet.map(|sheet| self.people.push(Person::of_sheet(survey, &sheet))))
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The summary of everyone added to `survey`, the survey they answered.
    pub fn summary(&self, survey: &Survey, options: &Options) -> Result<TeamSummary, TooFew> {
        let people = &self.people;
        let needed = options.min_group.max(1);
        if people.len() < needed {
            return Err(TooFew {
                needed,
                found: people.len(),
            });
        }
        let spread_of =
            |f: fn(&Person) -> Option<f64>| Spread::of(people.iter().filter_map(f).collect());
        let quadrants = Quadrant::ALL
            .map(|quadrant| QuadrantCount {
                quadrant,
                count: people
                    .iter()
                    .filter(|p| p.quadrant == Some(quadrant))
                    .count(),
            })
            .to_vec();
        let learning_agility = spread_of(|p| p.learning_agility);
        let strength_from = survey.level_floor(survey.strength_level());
        let team = Team {
            survey,
            people,
            target: options.target.as_ref(),
            quick_learners: learning_agility.is_some_and(|s| s.median >= strength_from),
        };
        let dimensions = team.dimensions();
        Ok(TeamSummary {
            survey: SurveyRef {
                id: survey.id().to_string(),
                version: survey.version().to_string(),
            },
            respondents: people.len(),
            readiness: spread_of(|p| p.readiness),
            ai_depth: spread_of(|p| p.ai_depth),
            learning_agility,
            quadrants,
            single_expert: dimensions
                .iter()
                .filter(|d| d.risk == Some(Risk::SingleExpert))
                .map(|d| d.id.clone())
                .collect(),
            where_to_start: where_to_start(&dimensions, options.target.is_some()),
            dimensions,
            paths: paths(survey, people),
            min_group: needed,
        })
    }
}

impl TeamDimension {
    /// The item that hangs together least with the rest, with its correlation: the first to
    /// reword or replace.
    pub fn weakest_item(&self) -> Option<(&ItemTotal, f64)> {
        self.item_total
            .iter()
            .filter_map(|i| Some((i, i.correlation?)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }
}

impl TeamSummary {
    /// The dimensions as the build, borrow or hold table lists them: those one person holds
    /// first, then those nobody holds, then the covered ones; each group in the survey's order.
    pub fn by_risk(&self) -> Vec<&TeamDimension> {
        let mut out: Vec<&TeamDimension> = self.dimensions.iter().collect();
        // Unknown (nobody scored) last; a stable sort keeps the survey's order within a group.
        out.sort_by_key(|d| d.risk.map_or(3, |r| r as u8));
        out
    }
}

/// Everything the per-dimension figures are made from.
struct Team<'a> {
    survey: &'a Survey,
    people: &'a [Person],
    target: Option<&'a Target>,
    quick_learners: bool,
}

impl Team<'_> {
    fn dimensions(&self) -> Vec<TeamDimension> {
        let survey = self.survey;
        let levels = survey.levels();
        let strong = survey.strength_level();
        let top = levels.len().saturating_sub(1);
        let dims = &survey.definition().dimensions;
        let teaching: Vec<usize> = teaching_dimensions(survey)
            .iter()
            .filter_map(|t| dims.iter().position(|d| d.id == *t))
            .collect();
        // Per person, whether they are strong in a coaching or training dimension.
        let coaches: Vec<bool> = self
            .people
            .iter()
            .map(|p| {
                teaching
                    .iter()
                    .any(|&t| p.dimensions[t].is_some_and(|(level, _)| level >= strong))
            })
            .collect();
        // One consistency per dimension, in the survey's order.
        let consistencies = consistency::consistencies(survey, self.people);
        dims.iter()
            .zip(consistencies)
            .enumerate()
            .map(|(i, (d, consistency))| {
                let scored: Vec<(usize, usize, f64)> = self
                    .people
                    .iter()
                    .enumerate()
                    .filter_map(|(p, person)| {
                        let (level, score) = person.dimensions.get(i).copied().flatten()?;
                        Some((p, level, score))
                    })
                    .collect();
                let experts = scored.iter().filter(|s| s.1 >= strong).count();
                let teachers = scored
                    .iter()
                    .filter(|&&(p, level, _)| level >= top || (level >= strong && coaches[p]))
                    .count();
                let target = self.target.and_then(|t| t.level(&d.id));
                let below_target = target.map(|t| scored.iter().filter(|s| s.1 < t).count());
                let reason = (!scored.is_empty()).then(|| {
                    advice::reason(Holding {
                        experts,
                        teachers,
                        below_target,
                        quick_learners: self.quick_learners,
                    })
                });
                TeamDimension {
                    id: d.id.clone(),
                    group: d.group.clone(),
                    reported: scored.len(),
                    score: Spread::of(scored.iter().map(|s| s.2).collect()),
                    levels: levels
                        .iter()
                        .enumerate()
                        .map(|(l, level)| LevelCount {
                            level: level.id.clone(),
                            count: scored.iter().filter(|s| s.1 == l).count(),
                        })
                        .collect(),
                    experts,
                    teachers,
                    risk: reason.map(|_| advice::risk(experts)),
                    advice: reason.map(AdviceReason::advice),
                    advice_reason: reason,
                    path: building_path(survey.paths(), &d.id).map(|p| p.id.clone()),
                    target: target.and_then(|t| levels.get(t)).map(|l| l.id.clone()),
                    below_target,
                    alpha: consistency.alpha.map(round3),
                    alpha_people: consistency.alpha_people,
                    item_total: consistency
                        .items
                        .into_iter()
                        .map(|it| ItemTotal {
                            correlation: it.correlation.map(round3),
                            ..it
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// The main dimension of each coaching path: the evidence that someone can teach.
fn teaching_dimensions(survey: &Survey) -> Vec<&str> {
    survey
        .paths()
        .iter()
        .filter(|p| p.kind == PathKind::Coaching)
        .filter_map(|p| heaviest(p, false))
        .collect()
}

/// The dimension a path weighs most; with `any_sign`, by size, so a support path's gap counts.
fn heaviest(path: &Path, any_sign: bool) -> Option<&str> {
    let size = |w: f64| if any_sign { w.abs() } else { w };
    path.fit
        .weights
        .iter()
        .filter(|(_, &w)| size(w) > 0.0)
        .max_by(|a, b| size(*a.1).total_cmp(&size(*b.1)).then(b.0.cmp(a.0)))
        .map(|(d, _)| d.as_str())
}

/// The path that builds `dimension`: of the paths that weigh it most, the one that weighs it
/// heaviest, among those that build on strengths if any does, else among support paths. Ties go
/// to the first in the survey.
fn building_path<'a>(paths: &'a [Path], dimension: &str) -> Option<&'a Path> {
    let best = |strengths: bool| {
        paths
            .iter()
            .filter(|p| p.kind.builds_on_strengths() == strengths)
            .filter(|p| heaviest(p, !strengths) == Some(dimension))
            .map(|p| (p, p.fit.weights.get(dimension).map_or(0.0, |w| w.abs())))
            .fold(None, |best: Option<(&Path, f64)>, (p, w)| match best {
                Some((_, bw)) if bw >= w => best,
                _ => Some((p, w)),
            })
            .map(|(p, _)| p)
    };
    best(true).or_else(|| best(false))
}

/// The three gaps that matter most. Against a target: the most people below it first. Without:
/// the dimensions fewest people hold, those nobody holds first. Ties keep the survey's order.
fn where_to_start(dimensions: &[TeamDimension], has_target: bool) -> Vec<Start> {
    let mut gaps: Vec<&TeamDimension> = dimensions
        .iter()
        .filter(|d| d.advice.is_some())
        .filter(|d| {
            if has_target {
                d.below_target.unwrap_or(0) > 0
            } else {
                d.risk != Some(Risk::Covered)
            }
        })
        .collect();
    gaps.sort_by(|a, b| {
        let below = |d: &TeamDimension| d.below_target.unwrap_or(0);
        below(b).cmp(&below(a)).then(a.experts.cmp(&b.experts))
    });
    gaps.into_iter()
        .take(3)
        .filter_map(|d| {
            Some(Start {
                dimension: d.id.clone(),
                advice: d.advice?,
                advice_reason: d.advice_reason?,
                path: d.path.clone(),
                below_target: d.below_target,
                experts: d.experts,
            })
        })
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn paths(survey: &Survey, people: &[Person]) -> Vec<TeamPath> {
    let mut out: Vec<TeamPath> = survey
        .paths()
        .iter()
        .enumerate()
        .filter_map(|(index, p)| {
            let ranks: Vec<(usize, f64)> = people
                .iter()
                .filter_map(|person| {
                    let rank = person.paths.iter().position(|&(q, _)| q == index)?;
                    Some((rank, person.paths[rank].1))
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
