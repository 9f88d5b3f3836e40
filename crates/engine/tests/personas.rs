//! Recognisable people answer the built-in survey, and the advice must make sense for them.
//!
//! Each persona gives a level per dimension (0 = not yet … 4 = guide), a level for the rest,
//! whether they get knowledge checks right, and their context answers. `docs/methodology.md`
//! lists the same personas with the outcomes we defend; `cargo test --test personas --
//! --nocapture` prints the table row of each one.

use skillscope_engine::report::{Flag, PathFit, Report};
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

/// Builds a persona, simulates their answers and computes their report.
fn run(levels: &[(&str, usize)], default_level: usize, knows: bool, context: &str) -> Report {
    let answers = answers_of(levels, default_level, knows, context);
    let report = report(&survey(), &answers, Timing::default());
    eprintln!(
        "{} | readiness {:.0}, {}, {} flag(s)",
        summary(&report),
        report.readiness,
        report.quadrant.id(),
        report.flags.len()
    );
    report
}

/// `id (fit), id (fit), id (fit)`: the persona table's last column.
fn summary(report: &Report) -> String {
    report
        .paths
        .iter()
        .take(3)
        .map(|p| format!("{} ({:.0})", p.id, p.fit))
        .collect::<Vec<_>>()
        .join(", ")
}

fn top_specialist(report: &Report) -> &PathFit {
    report
        .paths
        .iter()
        .find(|p| p.kind == skillscope_engine::format::PathKind::Specialist)
        .expect("the survey has specialist paths")
}

fn fit(report: &Report, id: &str) -> f64 {
    report
        .paths
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no path {id}"))
        .fit
}

fn score(report: &Report, id: &str) -> f64 {
    report
        .dimensions
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
        .score
}

fn top_ids(report: &Report, n: usize) -> Vec<&str> {
    report.paths.iter().take(n).map(|p| p.id.as_str()).collect()
}

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
    assert_eq!(top_specialist(&r).id, "data-annotation", "{}", summary(&r));
    assert_eq!(
        top_ids(&r, 2),
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
    assert_eq!(
        first.kind,
        skillscope_engine::format::PathKind::Coaching,
        "{}",
        summary(&r)
    );
    assert_eq!(
        top_ids(&r, 2),
        ["training-development", "become-coach"],
        "{}",
        summary(&r)
    );
    // Every specialist path sits well below the coaching suggestion.
    assert!(
        top_specialist(&r).fit + 20.0 <= first.fit,
        "{}",
        summary(&r)
    );
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
    assert!(r.readiness >= 85.0, "readiness {}", r.readiness);
    assert_eq!(r.quadrant.id(), "adaptive-specialist");
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
    assert!(r.readiness <= 15.0, "readiness {}", r.readiness);
    assert_eq!(r.quadrant.id(), "explorer");
    assert!(
        ["learning-to-learn", "career-coaching"].contains(&r.paths[0].id.as_str()),
        "{}",
        summary(&r)
    );
    assert!(r.flags.contains(&Flag::StraightLining));
    // Low self-ratings with wrong knowledge checks are not overconfidence.
    assert!(!r
        .flags
        .iter()
        .any(|f| matches!(f, Flag::Overconfidence { .. })));
    assert!(top_specialist(&r).fit < r.paths[0].fit, "{}", summary(&r));
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
    assert_eq!(top_specialist(&r).id, "ai-modeling", "{}", summary(&r));
    assert_eq!(r.paths[1].id, "data-mining", "{}", summary(&r));
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
    assert_eq!(top_specialist(&r).id, "ai-workflow", "{}", summary(&r));
    assert_eq!(r.paths[0].id, "ai-workflow", "{}", summary(&r));
    assert!(r.paths[0].fit - r.paths[1].fit >= 10.0, "{}", summary(&r));
    assert!(r.axes.ai_depth < 50.0, "AI depth {}", r.axes.ai_depth);
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
        ["data-mining", "data-quality"].contains(&top_specialist(&r).id.as_str()),
        "{}",
        summary(&r)
    );
    assert!(
        (fit(&r, "data-mining") - fit(&r, "data-quality")).abs() <= 5.0,
        "{}",
        summary(&r)
    );
    assert_eq!(r.paths[2].id, "data-extraction", "{}", summary(&r));
}

#[test]
fn career_changing_student_gets_career_coaching() {
    let r = run(
        &[("learning-agility", PROFICIENT), ("ai-literacy", STARTER)],
        NOT_YET,
        true,
        r#"{"role": "student", "goal": "move-into-ai", "hours": 6}"#,
    );
    assert!(
        top_ids(&r, 2).contains(&"career-coaching"),
        "{}",
        summary(&r)
    );
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
            Flag::Overconfidence { dimension } => Some(dimension.as_str()),
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
    assert!(checked.len() >= 8, "{checked:?}");
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
