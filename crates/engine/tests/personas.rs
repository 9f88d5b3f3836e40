//! Recognisable people answer the built-in survey, and the advice must make sense for them.
//!
//! Each persona gives a level per dimension (0 = not yet … 4 = guide), a level for the rest,
//! whether they get knowledge checks right, and their context answers. `docs/methodology.md`
//! lists the same personas with the outcomes we defend; `cargo test --test personas --
//! --nocapture` prints the table row of each one.
//!
//! These check the rules against invented people. They are not validation of the instrument.

use skillscope_engine::format::{PathKind, Stage};
use skillscope_engine::report::{Flag, PathFit, Quadrant, Report};
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{builtin, report, Answers, Survey, Timing};

const NOT_YET: usize = 0;
const STARTER: usize = 1;
const PRACTITIONER: usize = 2;
const PROFICIENT: usize = 3;
const GUIDE: usize = 4;

fn survey() -> Survey {
    builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey validates")
}

/// Builds a persona and simulates their answers.
fn answers_of(
    levels: &[(&str, usize)],
    default_level: usize,
    knows: bool,
    context: &str,
) -> Answers {
    let survey = survey();
    for (dim, _) in levels {
        assert!(
            survey.definition().dimensions.iter().any(|d| d.id == *dim),
            "no dimension {dim}"
        );
    }
    let persona = Persona {
        levels: levels.iter().map(|&(d, l)| (d.to_string(), l)).collect(),
        default_level,
        knows,
        fixed: Answers::from_json(context).expect("context answers are JSON"),
    };
    let answers = simulate(&survey, &persona);
    assert_eq!(answers.check(&survey), Vec::new(), "simulated answers fit");
    answers
}

fn report_of(answers: &Answers) -> Report {
    let report = report(&survey(), answers, Timing::default());
    let figure = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |x| format!("{x:.0}"));
    eprintln!(
        "{} | readiness {}, depth {}, breadth {}, {}{}, {} flag(s)",
        summary(&report),
        figure(report.readiness),
        figure(report.axes.ai_depth),
        figure(report.axes.ai_breadth),
        report.quadrant.map_or("no quadrant", Quadrant::id),
        if report.near_line {
            " (near the line)"
        } else {
            ""
        },
        report.flags.len()
    );
    report
}

/// Builds a persona, simulates their answers and computes their report.
fn run(levels: &[(&str, usize)], default_level: usize, knows: bool, context: &str) -> Report {
    report_of(&answers_of(levels, default_level, knows, context))
}

/// `id (fit), …; support: id (fit)`: the persona table's last column.
fn summary(report: &Report) -> String {
    let list = |paths: Vec<&PathFit>| {
        paths
            .iter()
            .map(|p| {
                format!(
                    "{} ({:.0}{})",
                    p.id,
                    p.fit,
                    if p.tied { ", tie" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{}; support{}: {}",
        list(report.build_on().take(3).collect()),
        if report.support_first { " first" } else { "" },
        list(report.support().take(2).collect())
    )
}

fn top_build(report: &Report) -> &PathFit {
    report.build_on().next().expect("a path to build on")
}

fn build_ids(report: &Report, n: usize) -> Vec<&str> {
    report.build_on().take(n).map(|p| p.id.as_str()).collect()
}

fn path<'a>(report: &'a Report, id: &str) -> &'a PathFit {
    report
        .paths
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no ranked path {id}: {}", summary(report)))
}

fn fit(report: &Report, id: &str) -> f64 {
    path(report, id).fit
}

fn score(report: &Report, id: &str) -> f64 {
    report
        .dimension(id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
        .score
}

fn position(report: &Report, id: &str) -> usize {
    report
        .paths
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("no ranked path {id}"))
}

// The cases an expert review found wrong in round 1.

#[test]
fn a_solo_guide_annotator_is_a_specialist_with_depth() {
    let r = run(
        &[
            ("data-annotation", GUIDE),
            ("data-quality", PROFICIENT),
            ("data-literacy", PROFICIENT),
        ],
        STARTER,
        true,
        r#"{"role": "freelancer", "goal": "deepen", "hours": 6}"#,
    );
    let depth = r.axes.ai_depth.unwrap();
    let breadth = r.axes.ai_breadth.unwrap();
    assert!(depth >= 75.0, "AI depth {depth}");
    assert!(breadth < depth - 20.0, "breadth {breadth} vs depth {depth}");
    assert_eq!(r.quadrant, Some(Quadrant::Specialist));
    assert!(!r.near_line);
    assert!(!r.support_first, "{}", summary(&r));
    assert_eq!(r.paths[0].id, "data-annotation", "{}", summary(&r));
    assert_eq!(path(&r, "data-annotation").stage, Stage::Experienced);
}

#[test]
fn unanswered_areas_are_unknown_not_zero() {
    let all = answers_of(
        &[("data-annotation", GUIDE)],
        STARTER,
        true,
        r#"{"role": "freelancer", "goal": "deepen", "hours": 6}"#,
    );
    let only: Answers = all
        .iter()
        .filter(|(id, _)| id.starts_with("ann-") || ["role", "goal", "hours"].contains(id))
        .map(|(id, a)| (id.to_string(), a.clone()))
        .collect();
    let r = report_of(&only);
    assert_eq!(r.readiness, None);
    assert_eq!(r.readiness_band, None);
    assert_eq!(r.axes.ai_depth, None, "one lifecycle area is not an axis");
    assert_eq!(r.axes.learning_agility, None);
    assert_eq!(r.quadrant, None);
    assert_eq!(
        r.needs().len(),
        12,
        "every area but annotation is still needed"
    );
    assert!(r.needs().iter().all(|d| d.id != "data-annotation"));
    // Only paths that weigh annotation are ranked; learning-to-learn, which weighs only
    // unanswered areas, is not ranked at all, let alone boosted by them.
    assert!(r.unranked_paths.contains(&"learning-to-learn".to_string()));
    let survey = survey();
    for p in &r.paths {
        let def = survey.paths().iter().find(|d| d.id == p.id).unwrap();
        assert!(
            def.fit.weights.contains_key("data-annotation"),
            "{} ranked",
            p.id
        );
    }
    assert_eq!(r.paths[0].id, "data-annotation", "{}", summary(&r));
    // Nothing in the JSON pretends: the indices are null.
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["readiness"].is_null() && json["axes"]["ai_depth"].is_null());
}

#[test]
fn a_low_agility_modeller_is_shown_modelling_first() {
    let r = run(
        &[
            ("ai-modeling", GUIDE),
            ("data-mining", PROFICIENT),
            ("data-quality", PROFICIENT),
            ("data-literacy", PROFICIENT),
            ("learning-agility", NOT_YET),
            ("coaching", STARTER),
            ("training-development", STARTER),
        ],
        PRACTITIONER,
        true,
        r#"{"role": "ic", "goal": "deepen", "hours": 6}"#,
    );
    assert!(!r.support_first, "{}", summary(&r));
    assert_eq!(r.paths[0].id, "ai-modeling", "{}", summary(&r));
    // Learning support is offered alongside, after what the person can build on.
    let support_at = position(&r, "learning-to-learn");
    assert!(support_at >= r.build_on().count(), "{}", summary(&r));
    assert_eq!(path(&r, "learning-to-learn").kind, PathKind::Support);
}

#[test]
fn a_prompting_guide_is_pointed_to_prompt_engineering() {
    let r = run(
        &[("prompting", GUIDE), ("ai-literacy", PROFICIENT)],
        PRACTITIONER,
        true,
        r#"{"role": "freelancer", "goal": "keep-up", "hours": 5}"#,
    );
    assert!(!r.support_first, "{}", summary(&r));
    assert_eq!(top_build(&r).id, "prompt-engineering", "{}", summary(&r));
    assert!(
        position(&r, "ai-workflow") < position(&r, "learning-to-learn"),
        "{}",
        summary(&r)
    );
    assert_eq!(path(&r, "prompt-engineering").stage, Stage::Experienced);
}

#[test]
fn an_explorer_gets_foundations_support_first() {
    let r = run(
        &[],
        STARTER,
        true,
        r#"{"role": "ic", "goal": "keep-up", "hours": 3}"#,
    );
    assert_eq!(r.quadrant, Some(Quadrant::Explorer));
    assert!(r.support_first, "nothing is strong yet: {}", summary(&r));
    assert_eq!(r.paths[0].kind, PathKind::Support, "{}", summary(&r));
    assert!(
        ["ai-foundations", "learning-to-learn"].contains(&r.paths[0].id.as_str()),
        "{}",
        summary(&r)
    );
    assert!(r
        .paths
        .iter()
        .all(|p| p.stage == Stage::New || p.kind == PathKind::Support));
}

#[test]
fn a_student_moving_into_ai_gets_support_first_even_with_some_strength() {
    let r = run(
        &[
            ("learning-agility", PROFICIENT),
            ("ai-literacy", PROFICIENT),
        ],
        STARTER,
        true,
        r#"{"role": "student", "goal": "move-into-ai", "hours": 8}"#,
    );
    assert!(r.support_first, "{}", summary(&r));
    assert!(
        ["career-coaching", "ai-foundations"].contains(&r.paths[0].id.as_str()),
        "{}",
        summary(&r)
    );
}

#[test]
fn a_would_be_coach_gets_the_coaching_practice() {
    let r = run(
        &[
            ("coaching", PROFICIENT),
            ("training-development", PRACTITIONER),
            ("learning-agility", PROFICIENT),
        ],
        PRACTITIONER,
        true,
        r#"{"role": "freelancer", "goal": "coach-others", "hours": 5}"#,
    );
    assert!(!r.support_first, "{}", summary(&r));
    assert_eq!(r.paths[0].id, "become-coach", "{}", summary(&r));
    assert_eq!(r.paths[0].kind, PathKind::Coaching);
}

#[test]
fn plans_start_where_the_person_is() {
    let context = r#"{"role": "freelancer", "goal": "deepen", "hours": 6}"#;
    let newcomer = run(&[("data-annotation", PRACTITIONER)], STARTER, true, context);
    let expert = run(&[("data-annotation", GUIDE)], STARTER, true, context);
    assert_eq!(path(&newcomer, "data-annotation").stage, Stage::New);
    assert_eq!(path(&expert, "data-annotation").stage, Stage::Experienced);
    let survey = survey();
    let def = survey
        .paths()
        .iter()
        .find(|p| p.id == "data-annotation")
        .unwrap();
    assert_ne!(
        def.steps_for(Stage::New),
        def.steps_for(Stage::Experienced),
        "the two plans differ"
    );
}

#[test]
fn near_equal_fits_are_a_tie() {
    let r = run(
        &[
            ("data-quality", PROFICIENT),
            ("data-mining", PROFICIENT),
            ("data-literacy", PROFICIENT),
            ("data-extraction", PROFICIENT),
        ],
        STARTER,
        true,
        r#"{"role": "ic", "goal": "deepen", "hours": 5}"#,
    );
    for pair in r.paths.windows(2) {
        let same_group = pair[0].kind.builds_on_strengths() == pair[1].kind.builds_on_strengths();
        if same_group {
            assert_eq!(
                pair[1].tied,
                pair[0].fit - pair[1].fit < skillscope_engine::TIE_POINTS,
                "{}",
                summary(&r)
            );
        }
    }
    assert!(r.paths.iter().any(|p| p.tied), "{}", summary(&r));
}

// Round-1 personas, kept green.

#[test]
fn experienced_annotator_gets_the_annotation_path() {
    let r = run(
        &[
            ("data-annotation", GUIDE),
            ("data-quality", PROFICIENT),
            ("responsible-ai", PROFICIENT),
            ("ai-literacy", PRACTITIONER),
            ("prompting", PRACTITIONER),
            ("data-literacy", PRACTITIONER),
            ("learning-agility", PRACTITIONER),
        ],
        STARTER,
        true,
        r#"{"role": "freelancer", "goal": "deepen", "hours": 6}"#,
    );
    assert_eq!(top_build(&r).id, "data-annotation", "{}", summary(&r));
    assert_eq!(
        build_ids(&r, 2),
        ["data-annotation", "data-quality"],
        "{}",
        summary(&r)
    );
}

#[test]
fn ld_lead_new_to_ai_gets_a_coaching_path_and_an_ai_foundations_gap() {
    let r = run(
        &[
            ("coaching", PROFICIENT),
            ("training-development", PROFICIENT),
            ("learning-agility", PROFICIENT),
            ("ai-literacy", STARTER),
        ],
        STARTER,
        true,
        r#"{"role": "ld-hr", "goal": "coach-others", "hours": 3}"#,
    );
    let first = &r.paths[0];
    assert_eq!(first.kind, PathKind::Coaching, "{}", summary(&r));
    assert_eq!(
        build_ids(&r, 2),
        ["training-development", "become-coach"],
        "{}",
        summary(&r)
    );
    // Every specialist path sits well below the coaching suggestion.
    let specialist = r
        .build_on()
        .find(|p| p.kind == PathKind::Specialist)
        .unwrap();
    assert!(specialist.fit + 20.0 <= first.fit, "{}", summary(&r));
    // AI literacy is below practitioner, and the suggested path shows that gap.
    assert!(score(&r, "ai-literacy") < 37.5);
    let gap = first
        .gaps
        .iter()
        .find(|g| g.dimension == "ai-literacy")
        .expect("the first path explains the AI-literacy gap");
    assert_eq!(gap.next_level.as_deref(), Some("practitioner"));
    assert!(gap.points > 0.0);
}

#[test]
fn guide_everywhere_is_highly_ready() {
    let r = run(
        &[],
        GUIDE,
        true,
        r#"{"role": "ic", "goal": "deepen", "hours": 8}"#,
    );
    assert!(r.readiness.unwrap() >= 85.0, "readiness {:?}", r.readiness);
    assert_eq!(r.quadrant, Some(Quadrant::AdaptiveSpecialist));
    assert!(r.flags.contains(&Flag::StraightLining));
    assert!(!r
        .flags
        .iter()
        .any(|f| matches!(f, Flag::Overconfidence { .. })));
}

#[test]
fn not_yet_everywhere_is_pointed_to_learning_support() {
    let context = r#"{"role": "ic", "goal": "keep-up", "hours": 1}"#;
    let r = run(&[], NOT_YET, false, context);
    assert!(r.readiness.unwrap() <= 15.0, "readiness {:?}", r.readiness);
    assert_eq!(r.quadrant, Some(Quadrant::Explorer));
    assert!(r.support_first, "{}", summary(&r));
    assert!(
        ["learning-to-learn", "ai-foundations", "career-coaching"]
            .contains(&r.paths[0].id.as_str()),
        "{}",
        summary(&r)
    );
    assert!(r.flags.contains(&Flag::StraightLining));
    // Low self-ratings with wrong knowledge checks are not overconfidence.
    assert!(!r
        .flags
        .iter()
        .any(|f| matches!(f, Flag::Overconfidence { .. })));
    assert!(top_build(&r).fit < r.paths[0].fit, "{}", summary(&r));
    // The lowest possible answers still make a result code that reads back.
    let survey = survey();
    let answers = answers_of(&[], NOT_YET, false, context);
    let code = skillscope_engine::code::encode(&survey, &answers);
    assert_eq!(
        skillscope_engine::code::decode(&survey, &code),
        Ok(survey.visible_answers(&answers))
    );
}

#[test]
fn ml_engineer_gets_the_modelling_path() {
    let r = run(
        &[
            ("ai-modeling", GUIDE),
            ("data-mining", PROFICIENT),
            ("data-quality", PROFICIENT),
            ("data-literacy", PROFICIENT),
            ("data-extraction", PRACTITIONER),
            ("ai-literacy", PROFICIENT),
            ("prompting", PRACTITIONER),
            ("learning-agility", PRACTITIONER),
        ],
        STARTER,
        true,
        r#"{"role": "ic", "goal": "deepen", "hours": 8}"#,
    );
    assert_eq!(top_build(&r).id, "ai-modeling", "{}", summary(&r));
    assert_eq!(build_ids(&r, 2)[1], "data-mining", "{}", summary(&r));
}

#[test]
fn workflow_savvy_marketer_gets_the_workflow_path() {
    let r = run(
        &[
            ("prompting", PROFICIENT),
            ("ai-workflow", PROFICIENT),
            ("ai-literacy", PRACTITIONER),
            ("responsible-ai", PRACTITIONER),
            ("learning-agility", PRACTITIONER),
        ],
        STARTER,
        true,
        r#"{"role": "ic", "goal": "keep-up", "hours": 4}"#,
    );
    assert_eq!(r.paths[0].id, "ai-workflow", "{}", summary(&r));
    assert!(!r.paths[1].tied, "{}", summary(&r));
    // One strong lifecycle area is depth, but the breadth stays low.
    let breadth = r.axes.ai_breadth.unwrap();
    assert!(breadth < 50.0, "AI breadth {breadth}");
}

#[test]
fn data_analyst_gets_mining_or_quality() {
    let r = run(
        &[
            ("data-quality", PROFICIENT),
            ("data-mining", PROFICIENT),
            ("data-literacy", PROFICIENT),
            ("data-extraction", PRACTITIONER),
            ("ai-literacy", PRACTITIONER),
            ("learning-agility", PRACTITIONER),
        ],
        STARTER,
        true,
        r#"{"role": "ic", "goal": "deepen", "hours": 5}"#,
    );
    assert!(
        ["data-mining", "data-quality"].contains(&top_build(&r).id.as_str()),
        "{}",
        summary(&r)
    );
    assert!(
        (fit(&r, "data-mining") - fit(&r, "data-quality")).abs() <= 5.0,
        "{}",
        summary(&r)
    );
    assert!(
        build_ids(&r, 3).contains(&"data-extraction"),
        "{}",
        summary(&r)
    );
}

#[test]
fn career_changing_student_gets_career_coaching() {
    let r = run(
        &[("learning-agility", PROFICIENT), ("ai-literacy", STARTER)],
        NOT_YET,
        true,
        r#"{"role": "student", "goal": "move-into-ai", "hours": 6}"#,
    );
    assert!(r.support_first, "{}", summary(&r));
    let support: Vec<&str> = r.support().take(2).map(|p| p.id.as_str()).collect();
    assert!(support.contains(&"career-coaching"), "{}", summary(&r));
}

#[test]
fn overconfident_self_ratings_are_flagged() {
    let r = run(
        &[],
        PROFICIENT,
        false,
        r#"{"role": "ic", "goal": "deepen", "hours": 4}"#,
    );
    let flagged: Vec<&str> = r
        .flags
        .iter()
        .filter_map(|f| match f {
            Flag::Overconfidence {
                dimension,
                asked,
                right,
            } => {
                assert!(*asked >= 1 && right * 2 < *asked);
                Some(dimension.as_str())
            }
            _ => None,
        })
        .collect();
    // Every dimension with a knowledge check is rated proficient, and every check is missed.
    let checked: Vec<&str> = r
        .dimensions
        .iter()
        .filter(|d| d.knowledge.is_some())
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(checked.len(), 13, "{checked:?}");
    assert_eq!(flagged, checked);
}

#[test]
fn the_same_person_who_knows_the_answers_is_not_flagged() {
    let r = run(
        &[],
        PROFICIENT,
        true,
        r#"{"role": "ic", "goal": "deepen", "hours": 4}"#,
    );
    assert!(!r
        .flags
        .iter()
        .any(|f| matches!(f, Flag::Overconfidence { .. })));
}
