//! Team summaries: counts add up, order does not matter, and the figures are the reports' own.

mod common;

use common::{any_answers, sample};
use proptest::prelude::*;
use skillscope_engine::aggregate::{
    aggregate, collect, Advice, AdviceReason, LineProblemKind, Options, Risk, Tally, Target,
    TeamSummary, TooFew, MIN_FOR_ALPHA,
};
use skillscope_engine::code::{encode, from_link, CodeError};
use skillscope_engine::report::Quadrant;
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{builtin, report, Answer, Answers, Survey, Timing};

fn builtin_survey() -> Survey {
    builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey validates")
}

/// Any group size, so single results can be checked against their reports.
fn summary(survey: &Survey, people: &[Answers]) -> TeamSummary {
    let options = Options {
        min_group: 1,
        ..Options::default()
    };
    aggregate(survey, people, &options).expect("at least one person")
}

fn persona(survey: &Survey, levels: &[(&str, usize)], default_level: usize) -> Answers {
    simulate(
        survey,
        &Persona {
            levels: levels.iter().map(|&(d, l)| (d.to_string(), l)).collect(),
            default_level,
            knows: true,
            fixed: Answers::default(),
        },
    )
}

#[test]
fn nobody_gives_no_summary() {
    let options = Options {
        min_group: 0,
        ..Options::default()
    };
    let too_few = aggregate(&sample(), &[], &options).unwrap_err();
    assert_eq!(
        too_few,
        TooFew {
            needed: 1,
            found: 0
        }
    );
}

#[test]
fn fewer_than_the_minimum_group_give_no_summary() {
    let survey = builtin_survey();
    let people: Vec<Answers> = (0..3)
        .map(|i| persona(&survey, &[("prompting", i)], 2))
        .collect();
    let two = aggregate(&survey, &people[..2], &Options::default()).unwrap_err();
    assert_eq!(
        two,
        TooFew {
            needed: 3,
            found: 2
        }
    );
    assert!(
        two.to_string().starts_with("at least 3 results are needed"),
        "{two}"
    );
    let three = aggregate(&survey, &people, &Options::default()).unwrap();
    assert_eq!((three.respondents, three.min_group), (3, 3));
    let five = Options {
        min_group: 5,
        ..Options::default()
    };
    assert_eq!(
        aggregate(&survey, &people, &five).unwrap_err(),
        TooFew {
            needed: 5,
            found: 3
        }
    );
}

#[test]
fn one_person_is_their_own_report() {
    let survey = builtin_survey();
    let answers = persona(&survey, &[("data-annotation", 4)], 2);
    let r = report(&survey, &answers, Timing::default());
    let team = summary(&survey, std::slice::from_ref(&answers));
    assert_eq!(team.respondents, 1);
    let readiness = team.readiness.unwrap();
    assert_eq!(Some(readiness.median), r.readiness);
    assert_eq!(
        (Some(readiness.min), Some(readiness.max)),
        (r.readiness, r.readiness)
    );
    assert_eq!(team.paths[0].id, r.paths[0].id);
    assert_eq!(team.paths[0].first, 1);
    for (d, s) in team.dimensions.iter().zip(&r.dimensions) {
        assert_eq!(d.id, s.id);
        let at_level: Vec<_> = d.levels.iter().filter(|l| l.count == 1).collect();
        assert_eq!(at_level.len(), 1, "{}", d.id);
        assert_eq!(at_level[0].level, s.level, "{}", d.id);
    }
}

#[test]
fn a_team_of_annotators_and_coaches_shows_both_best_fits() {
    let survey = builtin_survey();
    let annotators = (0..3).map(|_| persona(&survey, &[("data-annotation", 4)], 1));
    let coaches = (0..2).map(|_| persona(&survey, &[("coaching", 4), ("learning-agility", 4)], 1));
    let people: Vec<Answers> = annotators.chain(coaches).collect();
    let team = summary(&survey, &people);
    assert_eq!(team.respondents, 5);
    let first: Vec<(&str, usize)> = team
        .paths
        .iter()
        .filter(|p| p.first > 0)
        .map(|p| (p.id.as_str(), p.first))
        .collect();
    assert_eq!(first.iter().map(|(_, n)| n).sum::<usize>(), 5, "{first:?}");
    let annotation = team
        .paths
        .iter()
        .find(|p| p.id == "data-annotation")
        .unwrap();
    assert_eq!(annotation.first, 3, "{first:?}");
    // top3 counts the first three paths each report shows, whatever their group.
    let shown_in_top3 = people
        .iter()
        .map(|a| report(&survey, a, Timing::default()))
        .filter(|r| r.paths.iter().take(3).any(|p| p.id == "data-annotation"))
        .count();
    assert!(shown_in_top3 >= 3);
    assert_eq!(annotation.top3, shown_in_top3, "{first:?}");
    let coach = team.paths.iter().find(|p| p.id == "become-coach").unwrap();
    assert_eq!(coach.first, 2, "{first:?}");
    // The list leads with what most people's reports lead with.
    assert!(team.paths.windows(2).all(|w| w[0].top3 >= w[1].top3));
    let dim = team
        .dimensions
        .iter()
        .find(|d| d.id == "data-annotation")
        .unwrap();
    let top = dim.levels.last().unwrap();
    assert_eq!(top.count, 3, "{dim:?}");
}

/// The six-person example team of the closing note and the e2e suite: one annotation guide who also coaches, one model
/// builder, two prompt users, a coach and trainer, and a data-quality reviewer.
fn example_team(survey: &Survey) -> Vec<Answers> {
    vec![
        persona(
            survey,
            &[("data-annotation", 4), ("data-quality", 3), ("coaching", 3)],
            1,
        ),
        persona(
            survey,
            &[("data-annotation", 2), ("prompting", 3), ("ai-workflow", 3)],
            1,
        ),
        persona(survey, &[("ai-modeling", 3), ("data-mining", 3)], 2),
        persona(survey, &[("prompting", 3), ("ai-workflow", 2)], 2),
        persona(
            survey,
            &[
                ("coaching", 4),
                ("training-development", 4),
                ("learning-agility", 4),
            ],
            1,
        ),
        persona(survey, &[("data-quality", 3)], 1),
    ]
}

fn dimension<'a>(
    team: &'a TeamSummary,
    id: &str,
) -> &'a skillscope_engine::aggregate::TeamDimension {
    team.dimensions.iter().find(|d| d.id == id).unwrap()
}

#[test]
fn the_example_team_builds_borrows_and_holds() {
    let survey = builtin_survey();
    let team = aggregate(&survey, &example_team(&survey), &Options::default()).unwrap();
    let advice = |id: &str| {
        let d = dimension(&team, id);
        (d.experts, d.risk, d.advice, d.advice_reason)
    };
    // One annotation guide, who can teach it.
    assert_eq!(
        advice("data-annotation"),
        (
            1,
            Some(Risk::SingleExpert),
            Some(Advice::Build),
            Some(AdviceReason::OneCanTeach)
        )
    );
    // One model builder, who neither is a guide nor coaches; the team is not a quick learner.
    assert_eq!(
        advice("ai-modeling"),
        (
            1,
            Some(Risk::SingleExpert),
            Some(Advice::Borrow),
            Some(AdviceReason::OneNoTeacher)
        )
    );
    // Nobody extracts data.
    assert_eq!(
        advice("data-extraction"),
        (
            0,
            Some(Risk::NoneCovered),
            Some(Advice::Borrow),
            Some(AdviceReason::NobodyHoldsIt)
        )
    );
    // Two prompt users.
    assert_eq!(
        advice("prompting"),
        (
            2,
            Some(Risk::Covered),
            Some(Advice::Hold),
            Some(AdviceReason::Covered)
        )
    );
    // Borrowing points at the path whose "when to bring in a freelancer" says what to look for.
    assert_eq!(
        dimension(&team, "data-extraction").path.as_deref(),
        Some("data-extraction")
    );
    assert_eq!(
        dimension(&team, "coaching").path.as_deref(),
        Some("become-coach")
    );
    assert_eq!(
        dimension(&team, "learning-agility").path.as_deref(),
        Some("learning-to-learn")
    );
    // The one-person skills, said plainly and listed first.
    assert!(team.single_expert.contains(&"data-annotation".to_string()));
    assert!(team.single_expert.contains(&"ai-modeling".to_string()));
    let order: Vec<Option<Risk>> = team.by_risk().iter().map(|d| d.risk).collect();
    assert!(order
        .windows(2)
        .all(|w| w[0].map_or(3, |r| r as u8) <= w[1].map_or(3, |r| r as u8)));
    assert_eq!(order[0], Some(Risk::SingleExpert));
    // Without a target, where to start is what nobody holds, then what one person holds.
    assert_eq!(team.where_to_start.len(), 3);
    assert_eq!(team.where_to_start[0].experts, 0);
    assert!(team
        .where_to_start
        .windows(2)
        .all(|w| w[0].experts <= w[1].experts));
    // Six people: too few for alpha.
    assert!(team
        .dimensions
        .iter()
        .all(|d| d.alpha.is_none() && d.alpha_people == 0));
}

#[test]
fn a_target_counts_who_is_below_it_and_leads_where_to_start() {
    let survey = builtin_survey();
    let json = include_str!("../../../surveys/targets/data-annotator.json");
    let target = Target::from_json(&survey, json).unwrap();
    let people = example_team(&survey);
    let options = Options {
        target: Some(target),
        ..Options::default()
    };
    let team = aggregate(&survey, &people, &options).unwrap();
    let reports: Vec<_> = people
        .iter()
        .map(|a| report(&survey, a, Timing::default()))
        .collect();
    let targets: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json).unwrap();
    for d in &team.dimensions {
        let Some(level) = targets.get(&d.id) else {
            assert_eq!(
                (d.target.as_deref(), d.below_target),
                (None, None),
                "{}",
                d.id
            );
            continue;
        };
        let at = survey.level_position(level.as_str().unwrap()).unwrap();
        let below = reports
            .iter()
            .filter_map(|r| r.dimensions.iter().find(|s| s.id == d.id && s.reported))
            .filter(|s| survey.level_position(&s.level).unwrap() < at)
            .count();
        assert_eq!(d.target.as_deref(), level.as_str(), "{}", d.id);
        assert_eq!(d.below_target, Some(below), "{}", d.id);
    }
    // Most people below the target first, and only gaps against it.
    let starts = &team.where_to_start;
    assert!(!starts.is_empty());
    assert!(starts.iter().all(|s| s.below_target.unwrap_or(0) > 0));
    assert!(starts
        .windows(2)
        .all(|w| w[0].below_target >= w[1].below_target));
    assert_eq!(starts[0].dimension, "data-annotation", "{starts:?}");
}

#[test]
fn a_covered_skill_with_people_below_target_is_built() {
    let survey = builtin_survey();
    let people: Vec<Answers> = (0..4)
        .map(|i| persona(&survey, &[("prompting", if i < 2 { 4 } else { 1 })], 1))
        .collect();
    let target = Target::from_json(&survey, r#"{"prompting": "proficient"}"#).unwrap();
    let options = Options {
        target: Some(target),
        ..Options::default()
    };
    let team = aggregate(&survey, &people, &options).unwrap();
    let d = dimension(&team, "prompting");
    assert_eq!((d.experts, d.teachers, d.below_target), (2, 2, Some(2)));
    assert_eq!(d.advice_reason, Some(AdviceReason::BelowTargetCanTeach));
}

#[test]
fn target_profiles_are_checked_against_the_survey() {
    let survey = builtin_survey();
    let errors =
        Target::from_json(&survey, r#"{"prompting": "wizard", "juggling": "guide"}"#).unwrap_err();
    let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].contains("juggling") && said[0].contains("no dimension"),
        "{said:?}"
    );
    assert!(
        said[1].contains("wizard") && said[1].contains("not-yet"),
        "{said:?}"
    );
    assert!(Target::from_json(&survey, "[1, 2]").is_err());
    // An empty profile would leave "where to start" with nothing to measure against.
    let empty = Target::from_json(&survey, "{}").unwrap_err();
    assert!(
        empty[0].to_string().contains("at least one dimension"),
        "{empty:?}"
    );
    for (name, json) in shipped_targets() {
        let target = Target::from_json(&survey, &json).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!target.is_empty(), "{name}");
    }
}

fn shipped_targets() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../surveys/targets");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(out.len() >= 3, "{out:?}");
    out
}

/// Ten people answer the sample survey's two literacy items; alpha worked out by hand.
#[test]
fn alpha_over_ten_people_matches_the_hand_computed_value() {
    let survey = sample();
    // lit-1 options a–e score 0, 25, 50, 75, 100; lit-2 is a five-point scale scoring (x − 1) · 25.
    let answers = [
        ("a", 1.0),
        ("b", 2.0),
        ("c", 2.0),
        ("d", 4.0),
        ("e", 5.0),
        ("b", 1.0),
        ("c", 3.0),
        ("d", 3.0),
        ("e", 4.0),
        ("a", 2.0),
    ];
    let people: Vec<Answers> = answers
        .iter()
        .map(|&(option, point)| {
            let mut a = Answers::new();
            a.set("lit-1", Answer::Str(option.into()));
            a.set("lit-2", Answer::Number(point));
            a
        })
        .collect();
    let team = summary(&survey, &people);
    let lit = dimension(&team, "lit");
    // Item variances 1388.89 and 1118.06, variance of the sums 4729.17:
    // α = 2 · (1 − 2506.94 / 4729.17) = 0.9398.
    assert_eq!(lit.alpha, Some(0.94), "{lit:?}");
    assert_eq!(lit.alpha_people, 10);
    // With two items, each item's rest is the other item: r = 1111.11 / √(1388.89 · 1118.06).
    let r: Vec<Option<f64>> = lit.item_total.iter().map(|i| i.correlation).collect();
    assert_eq!(r, vec![Some(0.892), Some(0.892)]);
    // One fewer person and there is no alpha.
    assert_eq!(MIN_FOR_ALPHA, 10);
    let nine = summary(&survey, &people[..9]);
    assert_eq!(dimension(&nine, "lit").alpha, None);
    assert!(dimension(&nine, "lit")
        .item_total
        .iter()
        .all(|i| i.correlation.is_none()));
}

#[test]
fn a_simulated_team_of_fifty_measures_the_built_in_items() {
    let survey = builtin_survey();
    let people = skillscope_engine::simulate::team(&survey, 50, 7);
    assert_eq!(people.len(), 50);
    assert_eq!(people, skillscope_engine::simulate::team(&survey, 50, 7));
    let team = aggregate(&survey, &people, &Options::default()).unwrap();
    for d in &team.dimensions {
        // Everyone answers every item of the built-in survey's main questions, so every
        // dimension has alpha, from all fifty or from those who saw its conditional items.
        assert!(d.alpha.is_some(), "{}: {d:?}", d.id);
        assert!(
            d.alpha_people >= MIN_FOR_ALPHA && d.alpha_people <= 50,
            "{}",
            d.id
        );
        assert!(
            d.item_total.iter().any(|i| i.correlation.is_some()),
            "{}",
            d.id
        );
        assert!(d.item_total.iter().all(|i| i.answered <= 50), "{}", d.id);
    }
}

#[test]
fn pasted_links_codes_blanks_repeats_and_damage() {
    let survey = builtin_survey();
    let a = encode(&survey, &persona(&survey, &[("ai-modeling", 4)], 2));
    let b = encode(&survey, &persona(&survey, &[], 0));
    let text = format!(
        "https://intranet.example/skillscope/?lang=de#r={a}\n\n  {b}  \nAAAA\n{b}\nhttps://x.example/#def=xyz&r=\n"
    );
    let got = collect(&survey, &text);
    assert_eq!(got.answers.len(), 2);
    let problems: Vec<String> = got.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with("line 4: "), "{problems:?}");
    assert_eq!(
        problems[1],
        "line 5 is the same result as line 3; counted once"
    );
    assert_eq!(
        got.problems[2].kind,
        LineProblemKind::Code(CodeError::Empty),
        "{problems:?}"
    );
    assert_eq!(got.problems[2].line, 6);

    // Read line by line into a tally: the same people and the same problems.
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(Err(p)) = tally.read(&survey, i + 1, line) {
            problems.push(p);
        }
    }
    assert_eq!(problems, got.problems);
    let options = Options {
        min_group: 2,
        ..Options::default()
    };
    assert_eq!(
        tally.summary(&survey, &options),
        aggregate(&survey, &got.answers, &options)
    );
}

#[test]
fn quadrant_index_follows_the_listed_order() {
    for (i, q) in Quadrant::ALL.iter().enumerate() {
        assert_eq!(q.index(), i, "{}", q.id());
    }
}

#[test]
fn codes_come_out_of_links() {
    assert_eq!(from_link("https://h/a/?lang=es#r=ABC"), "ABC");
    assert_eq!(from_link("https://h/#def=D&r=ABC&x=1"), "ABC");
    assert_eq!(from_link("  ABC \r"), "ABC");
    assert_eq!(from_link("https://h/#def=D"), "");
    assert_eq!(from_link("https://h/?lang=de"), "");
    for wrapped in [
        "<https://h/#r=A-b_C>",
        "\"A-b_C\"",
        "(https://h/#r=A-b_C).",
        "A-b_C,\t",
    ] {
        assert_eq!(from_link(wrapped), "A-b_C", "{wrapped}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn counts_add_up_and_order_does_not_matter(
        people in prop::collection::vec(any_answers(&sample()), 1..8),
        rotate in 0usize..8,
    ) {
        let survey = sample();
        let team = summary(&survey, &people);
        let n = people.len();
        let reports: Vec<_> = people.iter().map(|a| report(&survey, a, Timing::default())).collect();
        prop_assert_eq!(team.respondents, n);
        // People whose quadrant is unknown are in no quadrant; everyone else in exactly one.
        let placed = reports.iter().filter(|r| r.quadrant.is_some()).count();
        prop_assert_eq!(team.quadrants.iter().map(|q| q.count).sum::<usize>(), placed);
        let listed: Vec<_> = team.quadrants.iter().map(|q| q.quadrant).collect();
        prop_assert_eq!(listed, Quadrant::ALL.to_vec());
        let ranked = reports.iter().filter(|r| !r.paths.is_empty()).count();
        prop_assert_eq!(team.paths.iter().map(|p| p.first).sum::<usize>(), ranked);
        prop_assert_eq!(
            team.paths.iter().map(|p| p.top3).sum::<usize>(),
            reports.iter().map(|r| r.paths.len().min(3)).sum::<usize>()
        );
        for s in [&team.readiness, &team.ai_depth, &team.learning_agility].into_iter().flatten() {
            prop_assert!(s.min <= s.median && s.median <= s.max);
            prop_assert!(s.min <= s.mean && s.mean <= s.max);
        }
        prop_assert_eq!(team.readiness.is_some(), reports.iter().any(|r| r.readiness.is_some()));
        for d in &team.dimensions {
            prop_assert!(d.reported <= n);
            prop_assert_eq!(d.levels.iter().map(|l| l.count).sum::<usize>(), d.reported);
            prop_assert_eq!(d.score.is_some(), d.reported > 0);
            // Experts are the people counted at the strength level and above.
            let strong = survey.strength_level();
            prop_assert_eq!(d.experts, d.levels[strong..].iter().map(|l| l.count).sum::<usize>());
            // Teachers are at the strength level or above, so they are experts too.
            prop_assert!(d.teachers <= d.experts);
            prop_assert_eq!(d.advice.is_some(), d.reported > 0);
            prop_assert_eq!(d.advice, d.advice_reason.map(AdviceReason::advice));
            let risk = match d.experts { 0 => Risk::NoneCovered, 1 => Risk::SingleExpert, _ => Risk::Covered };
            prop_assert_eq!(d.risk, (d.reported > 0).then_some(risk));
            // Alpha needs ten people; with fewer than ten in all there is never one.
            prop_assert!(d.alpha.is_none() || d.alpha_people >= MIN_FOR_ALPHA);
            prop_assert!(n >= MIN_FOR_ALPHA || d.alpha.is_none());
        }
        prop_assert!(team.where_to_start.len() <= 3);
        prop_assert_eq!(
            team.single_expert.clone(),
            team.dimensions.iter().filter(|d| d.risk == Some(Risk::SingleExpert)).map(|d| d.id.clone()).collect::<Vec<_>>()
        );
        // Read straight from result codes into a tally, the team is what `aggregate` makes of
        // the decoded answers. Two people with the same answers share a code, so a line can
        // only be left out as a repeat.
        let pasted: String = people.iter().map(|a| format!("{}\n", encode(&survey, a))).collect();
        let mut tally = Tally::default();
        for (i, line) in pasted.lines().enumerate() {
            if let Some(Err(problem)) = tally.read(&survey, i + 1, line) {
                prop_assert!(matches!(problem.kind, LineProblemKind::Repeat { .. }), "{}", problem);
            }
        }
        let from_codes = collect(&survey, &pasted);
        let everyone = Options { min_group: 1, ..Options::default() };
        prop_assert_eq!(tally.summary(&survey, &everyone), aggregate(&survey, &from_codes.answers, &everyone));
        let mut shuffled = people.clone();
        shuffled.rotate_left(rotate % n);
        prop_assert_eq!(&team, &summary(&survey, &shuffled));
    }
}
