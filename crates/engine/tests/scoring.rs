//! Scores, bands, flags and path fit on the sample survey, and the invariants that must hold for
//! any answers (proptest).

mod common;

use common::{any_answers, sample, sample_with};
use proptest::prelude::*;
use skillscope_engine::report::{Evidence, Flag, Quadrant};
use skillscope_engine::{report, Answer, Answers, Timing};

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn s(x: &str) -> Answer {
    Answer::Str(x.into())
}

#[test]
fn dimension_score_is_the_weighted_mean_of_items() {
    let survey = sample();
    // lit: anchored "c" (50) and likert 5 (100) → 75.
    let r = report(
        &survey,
        &answers(&[("lit-1", s("c")), ("lit-2", Answer::Number(5.0))]),
        Timing::default(),
    );
    let lit = r.dimensions.iter().find(|d| d.id == "lit").unwrap();
    assert_eq!(lit.score, 75.0);
    assert_eq!(lit.level, "proficient");
    assert!(lit.reported);
    assert!(lit.band[0] < 75.0 && lit.band[1] > 75.0);
}

#[test]
fn skipping_an_optional_item_widens_the_band_but_keeps_the_score() {
    let survey = sample();
    let both = answers(&[("ann-1", s("e")), ("ann-2", s("z"))]);
    let one = answers(&[("ann-1", s("e"))]);
    let with = report(&survey, &both, Timing::default());
    let without = report(&survey, &one, Timing::default());
    let a = with.dimensions.iter().find(|d| d.id == "ann").unwrap();
    let b = without.dimensions.iter().find(|d| d.id == "ann").unwrap();
    assert_eq!(a.score, b.score);
    assert!(b.band[1] - b.band[0] > a.band[1] - a.band[0]);
    assert!(!b.reported, "one item is too few to report");
    assert!(without.flags.contains(&Flag::TooFewAnswers {
        dimension: "ann".into()
    }));
}

#[test]
fn overconfidence_needs_high_self_ratings_and_missed_checks() {
    let survey = sample();
    let mut a = answers(&[("ann-1", s("e")), ("ann-2", s("z")), ("ann-k", s("true"))]);
    let r = report(&survey, &a, Timing::default());
    assert!(r.flags.contains(&Flag::Overconfidence {
        dimension: "ann".into(),
        asked: 1,
        right: 0,
    }));
    a.set("ann-k", s("false"));
    let r = report(&survey, &a, Timing::default());
    assert!(!r
        .flags
        .iter()
        .any(|f| matches!(f, Flag::Overconfidence { .. })));
}

#[test]
fn too_fast_is_flagged_only_when_timing_is_known() {
    let survey = sample();
    let a = answers(&[
        ("lit-1", s("c")),
        ("lit-2", Answer::Number(3.0)),
        ("role", s("ic")),
    ]);
    let fast = report(&survey, &a, Timing { seconds: Some(3.0) });
    assert!(fast.flags.contains(&Flag::TooFast));
    let slow = report(
        &survey,
        &a,
        Timing {
            seconds: Some(60.0),
        },
    );
    assert!(!slow.flags.contains(&Flag::TooFast));
    assert!(!report(&survey, &a, Timing::default())
        .flags
        .contains(&Flag::TooFast));
}

#[test]
fn hidden_questions_do_not_count() {
    let survey = sample();
    let lead_only = answers(&[
        ("role", s("ic")),
        ("agi-lead", s("e")),
        ("agi-2", Answer::Number(0.0)),
    ]);
    let r = report(&survey, &lead_only, Timing::default());
    let agi = r.dimensions.iter().find(|d| d.id == "agi").unwrap();
    assert_eq!(
        agi.score, 0.0,
        "the lead-only answer is ignored for an individual contributor"
    );
}

#[test]
fn paths_explain_their_fit_and_sort_deterministically() {
    let survey = sample();
    let a = answers(&[
        ("role", s("ic")),
        ("lit-1", s("a")),
        ("lit-2", Answer::Number(1.0)),
        ("ann-1", s("e")),
        ("ann-2", s("z")),
    ]);
    let r = report(&survey, &a, Timing::default());
    let annotate = r.paths.iter().find(|p| p.id == "annotate").unwrap();
    assert!(annotate
        .evidence
        .iter()
        .any(|e| matches!(e, Evidence::Entry { id, .. } if id == "lit")));
    assert!(annotate
        .evidence
        .iter()
        .any(|e| matches!(e, Evidence::Answer { questions, .. } if questions == &["role"])));
    // 3/4·100 + 1/4·0 − 15 + 5 = 65
    assert_eq!(annotate.fit, 65.0);
    assert_eq!(annotate.gaps[0].next_level, None);
    assert_eq!(r, report(&survey, &a, Timing::default()));
}

#[test]
fn quadrant_follows_the_axes() {
    let survey = sample();
    let a = answers(&[
        ("ann-1", s("e")),
        ("ann-2", s("z")),
        ("agi-1", Answer::List(vec![])),
        ("agi-2", Answer::Number(0.0)),
    ]);
    let r = report(&survey, &a, Timing::default());
    assert_eq!(r.quadrant, Some(Quadrant::Specialist));
}

#[test]
fn invalid_answers_count_as_unanswered() {
    let survey = sample();
    let a = answers(&[
        ("lit-1", s("zzz")),
        ("lit-2", Answer::Number(99.0)),
        ("nope", s("a")),
    ]);
    let r = report(&survey, &a, Timing::default());
    assert_eq!(r.answered, 0);
    assert_eq!(a.check(&survey).len(), 3);
}

#[test]
fn strengths_start_at_the_surveys_own_strength_level() {
    assert_eq!(
        report(&sample(), &Answers::new(), Timing::default()).strength_from,
        62.5
    );
    let json = sample_with(|v| {
        v["levels"] = serde_json::json!([
            {"id": "new", "name": "New"}, {"id": "some", "name": "Some"},
            {"id": "solid", "name": "Solid"}, {"id": "expert", "name": "Expert"}
        ]);
        let four = |level: &str| match level {
            "not-yet" => "new",
            "starter" => "some",
            "practitioner" => "solid",
            _ => "expert",
        };
        for section in v["sections"].as_array_mut().unwrap() {
            for q in section["questions"].as_array_mut().unwrap() {
                let options = q.get_mut("options").and_then(|o| o.as_array_mut());
                for o in options.into_iter().flatten() {
                    if let Some(level) = o["level"].as_str() {
                        o["level"] = four(level).into();
                    }
                }
            }
        }
    });
    let survey = skillscope_engine::validate(json.as_bytes()).expect("four levels are valid");
    assert_eq!(survey.strength_level(), 2);
    let (mut strong, mut weak) = (0, 0);
    for (option, point) in [("a", 1.0), ("b", 2.0), ("c", 3.0), ("d", 4.0), ("e", 5.0)] {
        let mut a = Answers::new();
        a.set("role", Answer::Str("ic".into()));
        for id in ["lit-1", "ann-1"] {
            a.set(id, Answer::Str(option.into()));
        }
        a.set("lit-2", Answer::Number(point));
        let r = report(&survey, &a, Timing::default());
        assert_eq!(r.strength_from, 50.0);
        // A strength is exactly a dimension at the strength level or above, so its name holds.
        for d in r.dimensions.iter().filter(|d| d.reported) {
            let at_level = survey.level_position(&d.level).unwrap() >= 2;
            let is_strength = r.strengths(13).iter().any(|s| s.id == d.id);
            assert_eq!(
                is_strength, at_level,
                "{} scored {} at {}",
                d.id, d.score, d.level
            );
            if is_strength {
                strong += 1
            } else {
                weak += 1
            }
        }
    }
    assert!(strong > 0 && weak > 0, "{strong} strong, {weak} weak");
}

proptest! {
    #[test]
    fn scores_stay_in_range_and_are_deterministic(a in any_answers(&sample())) {
        let survey = sample();
        let r = report(&survey, &a, Timing::default());
        let band = r.readiness_band.unwrap_or_default();
        for x in [r.readiness, r.axes.ai_depth, r.axes.ai_breadth, r.axes.learning_agility, Some(band[0]), Some(band[1])].into_iter().flatten() {
            prop_assert!((0.0..=100.0).contains(&x), "{x}");
        }
        prop_assert_eq!(r.readiness.is_some(), r.readiness_band.is_some());
        prop_assert_eq!(r.quadrant.is_some(), r.axes.ai_depth.is_some() && r.axes.learning_agility.is_some());
        for d in &r.dimensions {
            prop_assert!((0.0..=100.0).contains(&d.score));
            prop_assert!(d.band[0] <= d.score && d.score <= d.band[1]);
        }
        for p in &r.paths {
            prop_assert!((0.0..=100.0).contains(&p.fit));
        }
        prop_assert_eq!(&r, &report(&survey, &a, Timing::default()));
    }

    #[test]
    fn a_better_anchored_answer_never_lowers_scores(a in any_answers(&sample()), q in 0usize..2) {
        let survey = sample();
        let id = ["lit-1", "ann-1"][q];
        let dim = ["lit", "ann"][q];
        let mut lower = a.clone();
        let mut higher = a;
        lower.set(id, Answer::Str("b".into()));
        higher.set(id, Answer::Str("d".into()));
        let lo = report(&survey, &lower, Timing::default());
        let hi = report(&survey, &higher, Timing::default());
        let score = |r: &skillscope_engine::Report| r.dimensions.iter().find(|d| d.id == dim).unwrap().score;
        prop_assert!(score(&hi) >= score(&lo));
        prop_assert_eq!(hi.readiness.is_some(), lo.readiness.is_some());
        prop_assert!(hi.readiness >= lo.readiness);
    }
}

#[test]
fn ranges_at_the_top_are_combined_before_clamping() {
    let survey = sample();
    let a = answers(&[
        ("lit-1", s("e")),
        ("lit-2", Answer::Number(5.0)),
        ("ann-1", s("e")),
        ("ann-2", s("z")),
    ]);
    let r = report(&survey, &a, Timing::default());
    assert_eq!(r.readiness, Some(100.0));
    // Each dimension's own range is about ±27 points, clamped at 100. Combined unclamped,
    // √(27.2² + 28.7²) / 2 ≈ 19.8 below the top; combining the clamped halves would claim ≈ 10.
    let [lo, hi] = r.readiness_band.unwrap();
    assert_eq!(hi, 100.0);
    assert!((79.0..82.0).contains(&lo), "readiness range starts at {lo}");
}
