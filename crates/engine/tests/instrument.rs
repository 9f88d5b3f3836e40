//! Properties of the built-in instrument's scoring that any answers must keep: a better answer
//! never lowers depth, breadth or the fit of a path that values it, and an area nobody answered
//! has no say in any fit.

mod common;

use common::any_answers;
use proptest::prelude::*;
use skillscope_engine::{builtin, report, validate, Answer, Answers, Kind, Report, Survey, Timing};

fn survey() -> Survey {
    builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey validates")
}

fn anchored(survey: &Survey) -> Vec<(String, String, usize)> {
    survey
        .questions()
        .filter(|q| q.kind == Kind::Anchored && q.show_if.is_none())
        .map(|q| {
            let dim = q.weights.keys().next().cloned().unwrap_or_default();
            (q.id.clone(), dim, q.options.len())
        })
        .collect()
}

fn fit(r: &Report, id: &str) -> Option<f64> {
    r.paths.iter().find(|p| p.id == id).map(|p| p.fit)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_better_answer_never_lowers_depth_breadth_or_a_fit_that_values_it(
        a in any_answers(&survey()),
        pick in 0usize..1000,
        level in 0usize..4,
    ) {
        let survey = survey();
        let items = anchored(&survey);
        let (qid, dim, n) = &items[pick % items.len()];
        let q = survey.question(qid).unwrap();
        let level = level % (n - 1);
        let mut lower: Answers = a.clone();
        let mut higher = a;
        lower.set(qid, Answer::Str(q.options[level].id.clone()));
        higher.set(qid, Answer::Str(q.options[level + 1].id.clone()));
        let lo = report(&survey, &lower, Timing::default());
        let hi = report(&survey, &higher, Timing::default());

        prop_assert_eq!(lo.axes.ai_depth.is_some(), hi.axes.ai_depth.is_some());
        prop_assert!(hi.axes.ai_depth >= lo.axes.ai_depth);
        prop_assert!(hi.axes.ai_breadth >= lo.axes.ai_breadth);
        prop_assert!(hi.axes.learning_agility >= lo.axes.learning_agility);
        prop_assert!(hi.readiness >= lo.readiness);
        for path in survey.paths() {
            let (Some(f_lo), Some(f_hi)) = (fit(&lo, &path.id), fit(&hi, &path.id)) else {
                prop_assert_eq!(fit(&lo, &path.id).is_some(), fit(&hi, &path.id).is_some());
                continue;
            };
            let weight = path.fit.weights.get(dim).copied();
            let gated = path.fit.entry.contains_key(dim);
            match weight {
                Some(w) if w > 0.0 => prop_assert!(f_hi >= f_lo, "{}: {f_lo} → {f_hi}", path.id),
                Some(_) if !gated => prop_assert!(f_hi <= f_lo, "{}: {f_lo} → {f_hi}", path.id),
                None if gated => prop_assert!(f_hi >= f_lo, "{}: {f_lo} → {f_hi}", path.id),
                None => prop_assert_eq!(f_hi, f_lo, "{} does not weigh {}", path.id, dim),
                Some(_) => {}
            }
        }
    }

    #[test]
    fn an_unanswered_area_never_changes_any_fit(a in any_answers(&survey())) {
        let survey = survey();
        let r = report(&survey, &a, Timing::default());
        let unknown: Vec<String> = r.needs().iter().map(|d| d.id.clone()).collect();

        // The same survey with every unreported area struck from every fit rule.
        let mut def = serde_json::to_value(survey.definition()).unwrap();
        let paths = def["paths"].as_array_mut().unwrap();
        for p in paths.iter_mut() {
            for field in ["weights", "entry"] {
                if let Some(map) = p["fit"][field].as_object_mut() {
                    map.retain(|dim, _| !unknown.contains(dim));
                }
            }
        }
        let (kept, struck): (Vec<_>, Vec<_>) = paths
            .drain(..)
            .partition(|p| !p["fit"]["weights"].as_object().unwrap().is_empty());
        *paths = kept;
        let without = validate(def.to_string().as_bytes()).expect("still a valid survey");
        let r2 = report(&without, &a, Timing::default());

        for p in &struck {
            let id = p["id"].as_str().unwrap();
            prop_assert!(r.unranked_paths.iter().any(|u| u == id), "{id} ranked on unknown areas only");
        }
        for p in &r2.paths {
            let original = r.paths.iter().find(|o| o.id == p.id);
            prop_assert!(original.is_some(), "{} lost", p.id);
            let original = original.unwrap();
            prop_assert_eq!(original.fit, p.fit, "{}", &p.id);
            prop_assert_eq!(original.stage, p.stage, "{}", &p.id);
        }
        prop_assert_eq!(r.paths.len(), r2.paths.len());
    }
}
