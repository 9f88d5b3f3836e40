//! Personas: answers that a person at given levels would plausibly give.
//!
//! Survey authors use this to preview reports, and tests use it to check that the advice makes
//! sense for recognisable people.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers};
use crate::format::Kind;
use crate::survey::Survey;

/// Who to simulate.
#[derive(Clone, Debug, Default)]
pub struct Persona {
    /// Dimension id → level index (0 = lowest).
    pub levels: BTreeMap<String, usize>,
    /// Level index for dimensions not in `levels`.
    pub default_level: usize,
    /// Whether knowledge checks are answered right.
    pub knows: bool,
    /// Fixed answers, such as context questions (`role`, `hours`); they win over simulation.
    pub fixed: Answers,
}

/// `n` different people with levels drawn at random from `seed`: the same team for the same seed,
/// for benchmarks and for trying a team summary at scale.
pub fn team(survey: &Survey, n: usize, seed: u64) -> Vec<Answers> {
    let dimensions: Vec<&str> = survey
        .definition()
        .dimensions
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    let levels = survey.levels().len().max(1);
    // A linear congruential generator: enough to vary people, and the same on every machine.
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    // Bounded, so a survey with few possible answer sets cannot loop for ever.
    for _ in 0..n.saturating_mul(20) {
        if out.len() == n {
            break;
        }
        let persona = Persona {
            levels: dimensions
                .iter()
                .map(|d| (d.to_string(), next() % levels))
                .collect(),
            default_level: next() % levels,
            knows: next() % 2 == 0,
            fixed: Answers::default(),
        };
        let answers = simulate(survey, &persona);
        if seen.insert(answers.to_json()) {
            out.push(answers);
        }
    }
    out
}

/// Answers every visible question as `persona` would, in asking order, so that conditions see
/// earlier answers just as they would in the app.
pub fn simulate(survey: &Survey, persona: &Persona) -> Answers {
    let mut answers = Answers::new();
    let top = survey.levels().len().saturating_sub(1);
    for index in 0..survey.questions().len() {
        if !survey.is_visible(index, &answers) {
            continue;
        }
        let Some(q) = survey.question_at(index) else {
            continue;
        };
        if let Some(fixed) = persona.fixed.get(&q.id) {
            answers.set(q.id.clone(), fixed.clone());
            continue;
        }
        let target_level = q
            .main_dimension()
            .and_then(|d| persona.levels.get(d))
            .copied()
            .unwrap_or(persona.default_level)
            .min(top);
        let target = survey.level_score(target_level);
        let nearest = |candidates: &mut dyn Iterator<Item = (f64, Answer)>| {
            candidates
                .min_by(|(a, _), (b, _)| (a - target).abs().total_cmp(&(b - target).abs()))
                .map(|(_, answer)| answer)
        };
        let answer = match q.kind {
            Kind::Anchored => nearest(&mut q.options.iter().filter_map(|o| {
                let level = survey.level_position(o.level.as_deref()?)?;
                Some((survey.level_score(level), Answer::Str(o.id.clone())))
            })),
            Kind::Single | Kind::Multi => {
                let dim = q.main_dimension().unwrap_or_default();
                let best = nearest(&mut q.options.iter().map(|o| {
                    let v = o.scores.get(dim).copied().unwrap_or(0.0);
                    (v, Answer::Str(o.id.clone()))
                }));
                match (q.kind, best) {
                    (Kind::Multi, Some(Answer::Str(id))) => Some(Answer::List(vec![id])),
                    (_, best) => best,
                }
            }
            Kind::Likert => {
                let points = f64::from(q.points.unwrap_or(5));
                Some(Answer::Number(
                    (1.0 + target / 100.0 * (points - 1.0)).round(),
                ))
            }
            Kind::Number => {
                let (min, max, step) = q.range();
                let x = min + target / 100.0 * (max - min);
                Some(Answer::Number(q.grid_value(((x - min) / step).round())))
            }
            Kind::Knowledge => q
                .options
                .iter()
                .find(|o| o.correct == persona.knows)
                .map(|o| Answer::Str(o.id.clone())),
            Kind::Context => q
                .options
                .first()
                .map(|o| Answer::Str(o.id.clone()))
                .or_else(|| {
                    let (min, max, step) = q.range();
                    Some(Answer::Number(
                        q.grid_value((((max - min) / 2.0) / step).round()),
                    ))
                }),
            Kind::Text => None,
        };
        if let Some(answer) = answer {
            answers.set(q.id.clone(), answer);
        }
    }
    answers
}
