//! Team summaries: counts add up, order does not matter, and the figures are the reports' own.

mod common;

use common::{any_answers, sample};
use proptest::prelude::*;
use skillscope_engine::aggregate::{aggregate, collect, LineProblemKind};
use skillscope_engine::code::{encode, from_link, CodeError};
use skillscope_engine::report::Quadrant;
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{builtin, report, Answers, Survey, Timing};

fn builtin_survey() -> Survey {
    builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey validates")
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
    assert_eq!(aggregate(&sample(), &[]), None);
}

#[test]
fn one_person_is_their_own_report() {
    let survey = builtin_survey();
    let answers = persona(&survey, &[("data-annotation", 4)], 2);
    let r = report(&survey, &answers, Timing::default());
    let team = aggregate(&survey, std::slice::from_ref(&answers)).unwrap();
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
    let team = aggregate(&survey, &people).unwrap();
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
        let team = aggregate(&survey, &people).unwrap();
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
        }
        let mut shuffled = people.clone();
        shuffled.rotate_left(rotate % n);
        prop_assert_eq!(&team, &aggregate(&survey, &shuffled).unwrap());
    }
}
