//! Readiness and the two axes, from the reported dimension scores only.
//!
//! An unreported dimension is unknown, not zero: it never enters an index. An index with too few
//! reported dimensions behind it is `None` rather than a confident number built on one answer.

use crate::format::Axis;
use crate::report::{Axes, DimensionScore, Quadrant, QUADRANT_LINE};
use crate::stats::{combined_half, mean, range, round1};
use crate::survey::Survey;

/// Dimensions AI depth averages: the strongest two, because a specialist's depth is in their
/// specialism, not spread over the whole lifecycle.
const DEPTH_TOP: usize = 2;
/// Fewest reported dimensions an axis needs (or all of its dimensions, if it has fewer).
const AXIS_MIN: usize = 2;

pub(crate) struct Indices {
    pub readiness: Option<f64>,
    pub readiness_band: Option<[f64; 2]>,
    pub axes: Axes,
    pub quadrant: Option<Quadrant>,
    pub near_line: bool,
}

/// Readiness needs at least half the survey's dimensions reported, rounded up: 7 of the built-in
/// 13. Fewer would let two answered areas stand for the whole person.
fn readiness_needs(dimensions: usize) -> usize {
    dimensions.div_ceil(2)
}

/// A dimension's score with the half-width of its likely range before clamping: the indices
/// combine half-widths, and a range clamped at 0 or 100 would understate them.
pub(crate) type Scored = (DimensionScore, f64);

pub(crate) fn indices(survey: &Survey, dimensions: &[Scored]) -> Indices {
    let reported: Vec<&Scored> = dimensions.iter().filter(|(d, _)| d.reported).collect();
    let (readiness, readiness_band) = if reported.len() >= readiness_needs(dimensions.len()) {
        match mean_and_half(&reported) {
            Some((centre, half)) => (Some(round1(centre)), Some(range(centre, half))),
            None => (None, None),
        }
    } else {
        (None, None)
    };

    let depth_dims = on_axis(survey, dimensions, Axis::AiDepth);
    let agility_dims = on_axis(survey, dimensions, Axis::LearningAgility);
    let mut strongest: Vec<&Scored> = depth_dims.reported.clone();
    strongest.sort_by(|(a, _), (b, _)| b.score.total_cmp(&a.score));
    strongest.truncate(DEPTH_TOP);
    let depth = depth_dims.index(&strongest);
    let agility = agility_dims.index(&agility_dims.reported);
    let breadth = depth_dims
        .index(&depth_dims.reported)
        .map(|(c, _)| round1(c));

    let axes = Axes {
        ai_depth: depth.map(|(c, _)| round1(c)),
        learning_agility: agility.map(|(c, _)| round1(c)),
        ai_breadth: breadth,
        ai_depth_range: depth.map(|(c, h)| range(c, h)),
        learning_agility_range: agility.map(|(c, h)| range(c, h)),
    };
    let quadrant = Quadrant::of(axes);
    let crosses =
        |r: Option<[f64; 2]>| r.is_some_and(|[lo, hi]| lo < QUADRANT_LINE && hi > QUADRANT_LINE);
    let near_line = quadrant.is_some()
        && (crosses(axes.ai_depth_range) || crosses(axes.learning_agility_range));
    Indices {
        readiness,
        readiness_band,
        axes,
        quadrant,
        near_line,
    }
}

/// The mean of some dimensions' scores and the half-width of that mean.
fn mean_and_half(dims: &[&Scored]) -> Option<(f64, f64)> {
    let centre = mean(dims.iter().map(|(d, _)| d.score))?;
    let halves: Vec<f64> = dims.iter().map(|(_, h)| *h).collect();
    Some((centre, combined_half(&halves)))
}

/// The dimensions of the groups on one axis.
struct AxisDims<'a> {
    all: usize,
    reported: Vec<&'a Scored>,
}

impl AxisDims<'_> {
    fn known(&self) -> bool {
        self.all > 0 && self.reported.len() >= AXIS_MIN.min(self.all)
    }

    /// The mean of `dims` and its half-width, when the axis is known.
    fn index(&self, dims: &[&Scored]) -> Option<(f64, f64)> {
        if !self.known() {
            return None;
        }
        mean_and_half(dims)
    }
}

fn on_axis<'a>(survey: &Survey, dimensions: &'a [Scored], axis: Axis) -> AxisDims<'a> {
    let groups = &survey.definition().groups;
    let mine: Vec<&Scored> = dimensions
        .iter()
        .filter(|(d, _)| {
            groups
                .iter()
                .any(|g| g.id == d.group && g.axis == Some(axis))
        })
        .collect();
    AxisDims {
        all: mine.len(),
        reported: mine.into_iter().filter(|(d, _)| d.reported).collect(),
    }
}
