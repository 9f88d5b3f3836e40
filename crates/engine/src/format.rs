//! The survey definition format, version 1, as serde types.
//!
//! These types are the public contract documented in `docs/survey-format.md`; field names are
//! stable. They are plain data: checking that references resolve is the job of
//! [`crate::validate`], which turns a [`Definition`] into a [`crate::Survey`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::text::Text;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A whole survey definition file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Always 1 for this version of the format.
    pub format: u32,
    pub id: String,
    pub version: String,
    pub default_lang: String,
    #[serde(default)]
    pub languages: Vec<String>,
    pub title: Text,
    pub intro: Text,
    pub minutes: f64,
    #[serde(default = "default_levels")]
    pub levels: Vec<Level>,
    pub groups: Vec<Group>,
    pub dimensions: Vec<Dimension>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub paths: Vec<Path>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pacing: Option<Pacing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embed: Option<Embed>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<Text>,
}

/// The five default levels, used when a definition has no `levels`.
pub fn default_levels() -> Vec<Level> {
    [
        ("not-yet", "Not yet"),
        ("starter", "Starter"),
        ("practitioner", "Practitioner"),
        ("proficient", "Proficient"),
        ("guide", "Guide"),
    ]
    .into_iter()
    .map(|(id, name)| Level {
        id: id.into(),
        name: name.into(),
        meaning: None,
    })
    .collect()
}

/// Which of the report's two axes a group of dimensions feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    AiDepth,
    LearningAgility,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub axis: Option<Axis>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub group: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

/// A pointer into an outside framework, such as an SFIA skill code or a DigComp competence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub framework: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    /// Shown with every question of the section: the time window and how to choose, said once
    /// rather than in each question's help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Single choice; each option is a behavioural description mapped to a level.
    Anchored,
    /// Agreement scale from 1 to `points`.
    Likert,
    /// Single choice with per-option scores.
    Single,
    /// Several choices; the chosen options' scores add up, capped at 100.
    Multi,
    /// A number or slider between `min` and `max` on `step`.
    Number,
    /// A check with one correct option; calibrates self-ratings, never scored.
    Knowledge,
    /// Free reflection; never scored and never encoded.
    Text,
    /// About the person (role, hours, goal); used by paths and pacing, never scored.
    Context,
}

impl Kind {
    /// Whether answers to this kind count towards dimension scores.
    pub fn is_scored(self) -> bool {
        matches!(
            self,
            Kind::Anchored | Kind::Likert | Kind::Single | Kind::Multi | Kind::Number
        )
    }
}

/// One question. The fields that apply depend on `kind`; validation says which are missing or
/// out of place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Defaults to true for scored, knowledge and context questions, false for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// An expression over earlier answers; the question is asked only when it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// Dimension id → positive weight.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Likert scale length (default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u8>,
    /// Likert labels, one per point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Text>,
    /// The dimension a knowledge check calibrates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
}

impl Question {
    pub fn is_required(&self) -> bool {
        self.required.unwrap_or(self.kind != Kind::Text)
    }

    /// Whether a context question is numeric (it has a range instead of options).
    pub fn is_numeric(&self) -> bool {
        match self.kind {
            Kind::Number => true,
            Kind::Context => self.options.is_empty(),
            _ => false,
        }
    }

    /// The dimension this question mostly measures: the one with the largest weight.
    /// Every dimension the question scores, through its weights or its options' scores; a
    /// dimension may come more than once.
    pub fn dimensions(&self) -> impl Iterator<Item = &str> {
        let option_dims = self.options.iter().flat_map(|o| o.scores.keys());
        self.weights.keys().chain(option_dims).map(String::as_str)
    }

    pub fn main_dimension(&self) -> Option<&str> {
        let mut best: Option<(&str, f64)> = None;
        for dim in self.dimensions() {
            let w = self.weights.get(dim).copied().unwrap_or(1.0);
            if best.is_none_or(|(_, bw)| w > bw) {
                best = Some((dim, w));
            }
        }
        best.map(|(d, _)| d).or(self.dimension.as_deref())
    }
}

/// An answer option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: Text,
    /// Anchored questions: the level this behaviour shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Single and multi questions: dimension id → score 0–100.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, f64>,
    /// Knowledge questions: the right answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correct: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    /// A specialism in the AI lifecycle, built on what the person already does.
    Specialist,
    /// A coaching or training practice, built on the person's coaching and training evidence.
    Coaching,
    /// Help for the person themselves (coached upskilling, career coaching, foundations). Its fit
    /// comes from gaps, not strengths, so it is ranked apart from the paths a person builds on.
    Support,
}

impl PathKind {
    /// Whether the path builds on strengths, as opposed to supporting through gaps.
    pub fn builds_on_strengths(self) -> bool {
        self != PathKind::Support
    }
}

/// A specialist or coaching path the report may suggest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Path {
    pub id: String,
    pub kind: PathKind,
    pub title: Text,
    pub for_whom: Text,
    pub fit: FitRule,
    /// The plan for someone new to the path (below the survey's strength level on its
    /// dimensions).
    pub steps: Steps,
    /// The plan for someone already experienced (at or above the strength level); without it,
    /// everyone gets `steps`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_experienced: Option<Steps>,
    /// For support paths: when this holds, support is shown before the paths to build on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_if: Option<String>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outsource_when: Option<Text>,
    /// Dimensions whose gap to the next level the report shows for this path.
    #[serde(default)]
    pub explains: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FitRule {
    /// Dimension id → weight; a negative weight rewards a low score.
    pub weights: BTreeMap<String, f64>,
    /// Dimension id → minimum score; each one unmet costs 15 points.
    #[serde(default)]
    pub entry: BTreeMap<String, f64>,
    #[serde(default)]
    pub boosts: Vec<Boost>,
}

/// Which of a path's plans fits the person: new to it, or experienced in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Also what exports made before stages existed read as.
    #[default]
    New,
    Experienced,
}

impl Path {
    /// The plan for a person at `stage`.
    pub fn steps_for(&self, stage: Stage) -> &Steps {
        match (stage, &self.steps_experienced) {
            (Stage::Experienced, Some(steps)) => steps,
            _ => &self.steps,
        }
    }

    /// Why boost number `boost` applies, in the author's words, if the author gave a reason.
    pub fn boost_reason(&self, boost: usize) -> Option<&Text> {
        self.fit.boosts.get(boost)?.because.as_ref()
    }
}

/// Points added to a path's fit when an expression over the answers holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Boost {
    #[serde(rename = "if")]
    pub condition: String,
    pub points: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub because: Option<Text>,
}

/// Three steps each for the first 30, 60 and 90 days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Steps {
    #[serde(rename = "30")]
    pub days30: Vec<Text>,
    #[serde(rename = "60")]
    pub days60: Vec<Text>,
    #[serde(rename = "90")]
    pub days90: Vec<Text>,
}

impl Steps {
    pub fn phases(&self) -> [(u32, &[Text]); 3] {
        [(30, &self.days30), (60, &self.days60), (90, &self.days90)]
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    pub title: Text,
    /// Only `https:` and `http:` are accepted.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pacing {
    /// A numeric context question giving hours a week for learning.
    pub question: String,
}

/// Branding for a custom survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// `#rgb` or `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// `https:`, `http:` or a relative URL.
    pub url: String,
    pub alt: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Embed {
    /// Origins that may embed this survey, for documentation and the CSP `frame-ancestors`.
    #[serde(default)]
    pub allowed_parents: Vec<String>,
}
