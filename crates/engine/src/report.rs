//! The report model: one serde type whose JSON is the public export format.
//!
//! Field names here are a contract with people who archive or process exports: add fields
//! freely, never rename or remove one. Texts are not included; the report holds ids, which the
//! survey definition turns into words in any of its languages.

use serde::{Deserialize, Serialize};

use crate::format::PathKind;
pub use crate::format::Stage;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub survey: SurveyRef,
    /// Overall readiness, 0–100: the mean of the reported dimension scores. `None` while too
    /// few dimensions are reported to mean anything (see [`Report::needs`]).
    pub readiness: Option<f64>,
    /// 80% likely range around `readiness`.
    pub readiness_band: Option<[f64; 2]>,
    pub axes: Axes,
    /// `None` while either axis is unknown.
    pub quadrant: Option<Quadrant>,
    /// True when an axis's likely range crosses the quadrant line, so the quadrant is a lean,
    /// not a label.
    #[serde(default)]
    pub near_line: bool,
    pub dimensions: Vec<DimensionScore>,
    /// In the order to show them: the paths a person can build on by fit, best first, and the
    /// support paths by fit (before them when `support_first`). Equal fits keep the definition's
    /// order. Paths with no reported dimension are left out and named in `unranked_paths`.
    pub paths: Vec<PathFit>,
    /// True when the goal or the evidence asks for support before specialism.
    #[serde(default)]
    pub support_first: bool,
    #[serde(default)]
    pub unranked_paths: Vec<String>,
    pub plan: Pace,
    pub flags: Vec<Flag>,
    /// Score from which a dimension is a strength, and below which a focus area: where the
    /// survey's strength level begins (62.5, proficient, on the default five levels).
    #[serde(default = "default_strength_from")]
    pub strength_from: f64,
    /// Visible questions answered, and visible questions in all, free text not counted.
    pub answered: usize,
    pub visible: usize,
}

/// Exports made before `strength_from` existed used the default five levels.
fn default_strength_from() -> f64 {
    62.5
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyRef {
    pub id: String,
    pub version: String,
}

/// The two axes of the quadrant, and AI breadth beside them. Each is `None` while too few of its
/// dimensions are reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Axes {
    /// What a specialist has: the mean of the two strongest reported lifecycle dimensions.
    pub ai_depth: Option<f64>,
    pub learning_agility: Option<f64>,
    /// How wide the lifecycle skills reach: the mean of every reported lifecycle dimension.
    #[serde(default)]
    pub ai_breadth: Option<f64>,
    /// 80% likely ranges of the two axes.
    #[serde(default)]
    pub ai_depth_range: Option<[f64; 2]>,
    #[serde(default)]
    pub learning_agility_range: Option<[f64; 2]>,
}

/// Where AI depth × learning agility places a person; the split is at 50 on each axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quadrant {
    /// Both axes below 50: early on both.
    Explorer,
    /// Learning agility high, AI depth still low.
    AgileLearner,
    /// AI depth high, learning agility lower.
    Specialist,
    /// Both high.
    AdaptiveSpecialist,
}

/// Where each axis is split.
pub const QUADRANT_LINE: f64 = 50.0;

impl Quadrant {
    /// In the order `index` counts them, which is also the order of `id`s below.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::Explorer,
        Quadrant::AgileLearner,
        Quadrant::Specialist,
        Quadrant::AdaptiveSpecialist,
    ];

    /// Position in [`Quadrant::ALL`], for tables of words kept in that order.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The quadrant of two known axes.
    pub fn of(axes: Axes) -> Option<Quadrant> {
        Some(Quadrant::at(axes.ai_depth?, axes.learning_agility?))
    }

    pub fn at(ai_depth: f64, learning_agility: f64) -> Quadrant {
        match (ai_depth >= QUADRANT_LINE, learning_agility >= QUADRANT_LINE) {
            (false, false) => Quadrant::Explorer,
            (false, true) => Quadrant::AgileLearner,
            (true, false) => Quadrant::Specialist,
            (true, true) => Quadrant::AdaptiveSpecialist,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Quadrant::Explorer => "explorer",
            Quadrant::AgileLearner => "agile-learner",
            Quadrant::Specialist => "specialist",
            Quadrant::AdaptiveSpecialist => "adaptive-specialist",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub id: String,
    pub group: String,
    /// 0–100, rounded to one decimal.
    pub score: f64,
    /// Id of the nearest level.
    pub level: String,
    /// 80% likely range, clamped to 0–100 (see `docs/methodology.md`).
    pub band: [f64; 2],
    /// Scored items answered, and asked.
    pub answered: usize,
    pub items: usize,
    /// False when too few items were answered to say anything; such a dimension is left out of
    /// every index.
    pub reported: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge: Option<Calibration>,
}

/// Knowledge checks answered for a dimension, and how many were right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calibration {
    pub asked: usize,
    pub right: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathFit {
    pub id: String,
    pub kind: PathKind,
    /// 0–100, rounded to one decimal.
    pub fit: f64,
    /// What raised or lowered the fit, largest effect first.
    pub evidence: Vec<Evidence>,
    /// Distance to the next level on the path's key dimensions.
    pub gaps: Vec<Gap>,
    /// True when the fit is so close to the one shown before it in the same group that the order
    /// between them means nothing.
    #[serde(default)]
    pub tied: bool,
    /// Which of the path's plans fits: new to it or experienced, by the reported level on its
    /// weighted dimensions.
    #[serde(default)]
    pub stage: Stage,
}

/// One reason a path's fit is what it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum Evidence {
    /// A weighted dimension: `effect` is its contribution relative to a neutral 50.
    Dimension {
        id: String,
        effect: f64,
        /// True when a low score is what raises the fit (a negative weight).
        inverted: bool,
    },
    /// A boost whose condition held; `questions` are the answers it read.
    Answer {
        boost: usize,
        questions: Vec<String>,
        effect: f64,
    },
    /// An entry threshold not met.
    Entry {
        id: String,
        needed: f64,
        effect: f64,
    },
}

impl Evidence {
    pub fn effect(&self) -> f64 {
        match self {
            Evidence::Dimension { effect, .. }
            | Evidence::Answer { effect, .. }
            | Evidence::Entry { effect, .. } => *effect,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub dimension: String,
    pub level: String,
    /// `None` at the top level.
    pub next_level: Option<String>,
    /// Score points to the start of the next level.
    pub points: f64,
}

/// How the 30/60/90-day plan is stretched by the hours a week available.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pace {
    pub hours: Option<f64>,
    pub factor: f64,
    /// When each phase ends, in days from now.
    pub days: [u32; 3],
}

impl Pace {
    pub fn for_hours(hours: Option<f64>) -> Pace {
        let factor = match hours {
            Some(h) if h < 2.0 => 2.0,
            Some(h) if h < 4.0 => 1.5,
            Some(h) if h < 8.0 => 1.0,
            Some(_) => 0.75,
            None => 1.0,
        };
        let days = [30.0, 60.0, 90.0].map(|d: f64| (d * factor).round() as u32);
        Pace {
            hours,
            factor,
            days,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Flag {
    /// Self-ratings of proficient or above while most of the dimension's knowledge checks that
    /// were asked were missed.
    Overconfidence {
        dimension: String,
        /// Checks asked and answered right (0 in exports made before they were recorded).
        #[serde(default)]
        asked: usize,
        #[serde(default)]
        right: usize,
    },
    /// Nearly every rated item got the same level.
    StraightLining,
    /// Finished faster than anyone can read the questions.
    TooFast,
    /// Too few items answered to report the dimension.
    TooFewAnswers { dimension: String },
}

impl Report {
    /// Reported dimensions at proficient or above, strongest first (at most `n`).
    pub fn strengths(&self, n: usize) -> Vec<&DimensionScore> {
        let mut dims: Vec<&DimensionScore> = self
            .dimensions
            .iter()
            .filter(|d| d.reported && d.score >= self.strength_from)
            .collect();
        dims.sort_by(|a, b| b.score.total_cmp(&a.score));
        dims.truncate(n);
        dims
    }

    /// Reported dimensions below proficient, weakest first (at most `n`): where effort pays most.
    pub fn focus_areas(&self, n: usize) -> Vec<&DimensionScore> {
        let mut dims: Vec<&DimensionScore> = self
            .dimensions
            .iter()
            .filter(|d| d.reported && d.score < self.strength_from)
            .collect();
        dims.sort_by(|a, b| a.score.total_cmp(&b.score));
        dims.truncate(n);
        dims
    }

    /// Dimensions not yet reported, in the definition's order: what the report still needs.
    pub fn needs(&self) -> Vec<&DimensionScore> {
        self.dimensions.iter().filter(|d| !d.reported).collect()
    }

    /// The paths a person can build on, best first.
    pub fn build_on(&self) -> impl Iterator<Item = &PathFit> {
        self.paths.iter().filter(|p| p.kind.builds_on_strengths())
    }

    /// The support paths, best first.
    pub fn support(&self) -> impl Iterator<Item = &PathFit> {
        self.paths.iter().filter(|p| !p.kind.builds_on_strengths())
    }

    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The paths the report shows as cards: the first [`SHOWN_BUILD_PATHS`] to build on and the
    /// first [`SHOWN_SUPPORT_PATHS`] support paths. The rest are listed without their plans.
    pub fn shown_paths(&self) -> impl Iterator<Item = &PathFit> {
        self.build_on()
            .take(SHOWN_BUILD_PATHS)
            .chain(self.support().take(SHOWN_SUPPORT_PATHS))
    }
}

/// How many paths to build on the report shows with their plans.
pub const SHOWN_BUILD_PATHS: usize = 3;
/// How many support paths it shows with their plans.
pub const SHOWN_SUPPORT_PATHS: usize = 2;
