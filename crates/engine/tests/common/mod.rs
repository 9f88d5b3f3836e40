//! Shared helpers for the engine's integration tests.
#![allow(dead_code)]

use proptest::prelude::*;
use skillscope_engine::{validate, Answer, Answers, Survey};

pub const SAMPLE: &str = include_str!("../fixtures/sample.json");

pub fn sample() -> Survey {
    validate(SAMPLE.as_bytes()).expect("the sample survey is valid")
}

/// Validates `json` and returns the errors as `path: message` lines.
pub fn problems(json: &str) -> Vec<String> {
    match validate(json.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// The sample with one edit applied to its JSON value.
pub fn sample_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
    edit(&mut v);
    v.to_string()
}

/// Any answers the sample survey could receive, including none.
pub fn any_answers(survey: &Survey) -> impl Strategy<Value = Answers> {
    let questions: Vec<_> = survey.questions().cloned().collect();
    let per_question: Vec<_> = questions
        .into_iter()
        .map(|q| {
            let q2 = q.clone();
            prop_oneof![
                1 => Just(None),
                3 => (0usize..64, 0u32..1000).prop_map(move |(i, n)| Some(pick(&q2, i, n))),
            ]
            .prop_map(move |a| a.map(|a| (q.id.clone(), a)))
        })
        .collect();
    per_question.prop_map(|v| v.into_iter().flatten().collect())
}

fn pick(q: &skillscope_engine::Question, i: usize, n: u32) -> Answer {
    use skillscope_engine::Kind;
    match q.kind {
        Kind::Likert => Answer::Number(f64::from(1 + n % u32::from(q.points.unwrap_or(5)))),
        Kind::Multi => Answer::List(
            q.options
                .iter()
                .enumerate()
                .filter(|(j, _)| i & (1 << j) != 0)
                .map(|(_, o)| o.id.clone())
                .collect(),
        ),
        Kind::Text => Answer::Str(format!("note {n}")),
        _ if q.is_numeric() => {
            let (min, max, step) = q.range();
            let steps = ((max - min) / step).round() as u32;
            Answer::Number(min + f64::from(n % (steps + 1)) * step)
        }
        _ => Answer::Str(q.options[i % q.options.len()].id.clone()),
    }
}
