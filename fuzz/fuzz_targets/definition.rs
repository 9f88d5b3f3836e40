//! Any bytes as a survey definition: validation never panics, and every survey it accepts can
//! be reported on and round-trips its result codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillscope_engine::code::{decode, encode};
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{report, validate, Answer, Answers, Kind, Survey, Timing};

fuzz_target!(|data: &[u8]| {
    let Ok(survey) = validate(data) else {
        return;
    };
    round_trip(&survey, &Answers::new());
    let top = survey.levels().len().saturating_sub(1);
    let dims: Vec<String> = survey
        .definition()
        .dimensions
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let personas = [
        Persona::default(),
        Persona {
            default_level: top,
            knows: true,
            ..Persona::default()
        },
        Persona {
            // A different level per dimension, so options are picked unevenly.
            levels: dims
                .iter()
                .enumerate()
                .map(|(i, d)| (d.clone(), (i + data.len()) % (top + 1)))
                .collect(),
            default_level: top / 2,
            knows: data.len().is_multiple_of(2),
            // People write free text too, though result codes leave it out.
            fixed: survey
                .questions()
                .filter(|q| q.kind == Kind::Text)
                .map(|q| (q.id.clone(), Answer::Str("free text".into())))
                .collect(),
        },
    ];
    for persona in &personas {
        round_trip(&survey, &simulate(&survey, persona));
    }
});

/// The report computes, and the result code decodes to the visible, coded answers with the same
/// report.
fn round_trip(survey: &Survey, answers: &Answers) {
    let original = report(survey, answers, Timing::default());
    let code = encode(survey, answers);
    let back = decode(survey, &code)
        .unwrap_or_else(|e| panic!("code {code} for {answers:?} does not decode: {e}"));
    let expected: Answers = survey
        .visible_answers(answers)
        .iter()
        .filter(|(id, _)| survey.question(id).is_some_and(|q| q.kind != Kind::Text))
        .map(|(id, a)| (id.to_string(), a.clone()))
        .collect();
    assert_eq!(back, expected, "code {code} decodes to other answers");
    assert_eq!(encode(survey, &back), code, "re-encoding changes the code");
    assert_eq!(
        report(survey, &back, Timing::default()),
        original,
        "the decoded answers give another report"
    );
}
