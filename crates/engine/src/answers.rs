//! Answers: question id → value, the format shared by the CLI, the web app and tests.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::expr::Value;
use crate::format::{Kind, Question};

/// One answer. Which variant is right depends on the question: an option id or free text is a
/// string, a multi choice is a list, a number or scale point is a number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Number(f64),
    Str(String),
    List(Vec<String>),
}

/// All answers of one person to one survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Self {
        Answers::default()
    }

    /// Reads an answers file. Values are checked against a survey with [`Answers::check`].
    pub fn from_json(json: &str) -> Result<Answers, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if inner.is_data() {
                Error::new(
                    path,
                    "expected an option id, a list of option ids or a number",
                )
            } else {
                Error::new("$", format!("not valid JSON: {inner}"))
            }
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.0).unwrap_or_default()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    pub fn set(&mut self, id: impl Into<String>, answer: Answer) {
        self.0.insert(id.into(), answer);
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.0.remove(id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How an expression sees an answer.
    pub(crate) fn value(&self, id: &str) -> Option<Value<'_>> {
        self.0.get(id).map(Answer::value)
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(iter: I) -> Self {
        Answers(iter.into_iter().collect())
    }
}

/// Whether `answer` is a possible answer to `question`.
pub(crate) fn fits(question: &Question, answer: &Answer) -> Result<(), String> {
    let option_exists = |id: &str| question.options.iter().any(|o| o.id == id);
    match (question.kind, answer) {
        (Kind::Text, Answer::Str(s)) if s.len() <= 10_000 => Ok(()),
        (Kind::Text, Answer::Str(_)) => Err("text is longer than 10000 bytes".into()),
        (Kind::Text, _) => Err("expected text".into()),
        (Kind::Likert, Answer::Number(n)) => {
            let points = f64::from(question.points.unwrap_or(5));
            if n.fract() == 0.0 && (1.0..=points).contains(n) {
                Ok(())
            } else {
                Err(format!("expected a whole number from 1 to {points}"))
            }
        }
        (Kind::Multi, Answer::List(ids)) => match ids.iter().find(|id| !option_exists(id)) {
            Some(bad) => Err(format!("no option has the id \"{bad}\"")),
            None if has_duplicates(ids) => Err("an option is chosen twice".into()),
            None => Ok(()),
        },
        _ if question.is_numeric() => match answer {
            Answer::Number(n) => on_grid(question, *n),
            _ => Err("expected a number".into()),
        },
        (Kind::Anchored | Kind::Single | Kind::Knowledge | Kind::Context, Answer::Str(id)) => {
            if option_exists(id) {
                Ok(())
            } else {
                Err(format!("no option has the id \"{id}\""))
            }
        }
        (Kind::Multi, _) => Err("expected a list of option ids".into()),
        (Kind::Likert, _) => Err("expected a number".into()),
        _ => Err("expected an option id".into()),
    }
}

fn has_duplicates(ids: &[String]) -> bool {
    ids.iter().enumerate().any(|(i, a)| ids[..i].contains(a))
}

fn on_grid(question: &Question, n: f64) -> Result<(), String> {
    let (min, max, step) = question.range();
    if !n.is_finite() || n < min || n > max {
        return Err(format!("expected a number from {min} to {max}"));
    }
    let steps = (n - min) / step;
    if (steps - steps.round()).abs() > 1e-6 {
        return Err(format!("expected a multiple of {step} from {min}"));
    }
    Ok(())
}

impl Question {
    /// `(min, max, step)` of a numeric question; validation guarantees they are sane.
    pub fn range(&self) -> (f64, f64, f64) {
        let min = self.min.unwrap_or(0.0);
        let max = self.max.unwrap_or(100.0);
        let step = self.step.unwrap_or(1.0);
        (min, max, step)
    }

    /// The value `steps` steps above min. `7 * 0.1` is `0.7000000000000001`, so the sum is
    /// rounded to nine decimals, which gives back the number a person typed, and a condition
    /// such as `x == 0.7` holds for it. Capped at max, which an answer may not exceed.
    pub(crate) fn grid_value(&self, steps: f64) -> f64 {
        let (min, max, step) = self.range();
        let value = ((min + steps * step) * 1e9).round() / 1e9;
        value.min(max)
    }
}
