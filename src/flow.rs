//! Where the respondent is and where Back and Next go. Pure functions over the engine's survey,
//! so they are tested natively.

use skillscope_engine::{Answers, Question, Survey};

/// The screen being shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// Index into `Survey::questions`.
    Question(usize),
    Review,
    /// The person's report, or the one a result link holds (see `Session::open_shared`).
    Report,
    /// A lead's summary of the result links their team sent; apart from the person's own run.
    Team,
    /// A lead writing their own survey; also apart from the person's own run.
    Studio,
}

/// The first visible question after `index` (or the first of all for `None`).
pub fn next(survey: &Survey, answers: &Answers, index: Option<usize>) -> Option<usize> {
    survey
        .visible(answers)
        .into_iter()
        .find(|&i| index.is_none_or(|c| i > c))
}

/// The last visible question before `index`.
pub fn previous(survey: &Survey, answers: &Answers, index: usize) -> Option<usize> {
    survey
        .visible(answers)
        .into_iter()
        .rev()
        .find(|&i| i < index)
}

/// 1-based position of `index` among the visible questions, and how many are visible.
///
/// A hidden question (possible right after an answer changes what is shown) takes the position
/// of the visible question before it, so the count never jumps backwards past it.
pub fn position(survey: &Survey, answers: &Answers, index: usize) -> (usize, usize) {
    let visible = survey.visible(answers);
    let n = visible.iter().filter(|&&i| i <= index).count().max(1);
    (n, visible.len())
}

/// How many visible questions have an answer.
pub fn answered(survey: &Survey, answers: &Answers) -> usize {
    survey
        .visible(answers)
        .into_iter()
        .filter_map(|i| survey.question_at(i))
        .filter(|q| answers.get(&q.id).is_some())
        .count()
}

/// Where a slider starts: its middle step. Next accepts it as the answer when the person leaves
/// the slider untouched, so nobody is stuck on a value they were happy with.
pub fn slider_start(q: &Question) -> f64 {
    let (min, max, step) = q.range();
    min + (((max - min) / 2.0) / step).round() * step
}

/// Whether Next may leave the question at `index`.
pub fn can_leave(survey: &Survey, answers: &Answers, index: usize) -> bool {
    survey
        .question_at(index)
        .is_none_or(|q| !q.is_required() || answers.get(&q.id).is_some())
}

/// The first required visible question without an answer, if any; the report needs them all.
pub fn first_missing(survey: &Survey, answers: &Answers) -> Option<usize> {
    survey
        .visible(answers)
        .into_iter()
        .find(|&i| !can_leave(survey, answers, i))
}

/// Where to answer more for dimensions `dims`: their first visible unanswered question, else
/// their first visible question.
pub fn first_question_for(survey: &Survey, answers: &Answers, dims: &[&str]) -> Option<usize> {
    let theirs: Vec<usize> = survey
        .visible(answers)
        .into_iter()
        .filter(|&i| {
            survey
                .question_at(i)
                .is_some_and(|q| q.kind.is_scored() && q.dimensions().any(|d| dims.contains(&d)))
        })
        .collect();
    let unanswered = theirs.iter().copied().find(|&i| {
        survey
            .question_at(i)
            .is_some_and(|q| answers.get(&q.id).is_none())
    });
    unanswered.or(theirs.first().copied())
}

/// Where a returning respondent resumes: the saved question if it is still visible, else the
/// first unanswered visible question, else the review.
pub fn resume_at(survey: &Survey, answers: &Answers, saved: Option<&str>) -> Screen {
    let visible = survey.visible(answers);
    if let Some(i) = saved.and_then(|id| survey.index_of(id)) {
        if visible.contains(&i) {
            return Screen::Question(i);
        }
    }
    visible
        .into_iter()
        .find(|&i| {
            survey
                .question_at(i)
                .is_some_and(|q| answers.get(&q.id).is_none())
        })
        .map_or(Screen::Review, Screen::Question)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skillscope_engine::{validate, Answer};

    const SAMPLE: &str = include_str!("../crates/engine/tests/fixtures/sample.json");

    fn sample() -> Survey {
        validate(SAMPLE.as_bytes()).unwrap()
    }

    #[test]
    fn next_and_previous_skip_hidden_questions() {
        let s = sample();
        let mut a = Answers::new();
        a.set("role", Answer::Str("ic".into()));
        let lead_q = s.index_of("agi-lead").unwrap();
        let before = s.index_of("agi-2").unwrap();
        assert_eq!(next(&s, &a, Some(before)), Some(lead_q + 1));
        a.set("role", Answer::Str("lead".into()));
        assert_eq!(next(&s, &a, Some(before)), Some(lead_q));
        assert_eq!(previous(&s, &a, lead_q + 1), Some(lead_q));
        assert_eq!(next(&s, &a, None), Some(0));
        assert_eq!(previous(&s, &a, 0), None);
    }

    #[test]
    fn progress_counts_only_visible_questions() {
        let s = sample();
        let mut a = Answers::new();
        a.set("role", Answer::Str("ic".into()));
        let total_ic = position(&s, &a, 0).1;
        a.set("role", Answer::Str("lead".into()));
        assert_eq!(position(&s, &a, 0).1, total_ic + 1);
        assert_eq!(answered(&s, &a), 1);
    }

    #[test]
    fn required_questions_hold_next_back() {
        let s = sample();
        let mut a = Answers::new();
        assert!(!can_leave(&s, &a, 0));
        a.set("role", Answer::Str("ic".into()));
        assert!(can_leave(&s, &a, 0));
        assert!(can_leave(&s, &a, s.index_of("ann-2").unwrap()), "optional");
        assert_eq!(first_missing(&s, &a), Some(1));
    }

    #[test]
    fn resumes_at_the_saved_question_or_the_first_gap() {
        let s = sample();
        let mut a = Answers::new();
        a.set("role", Answer::Str("ic".into()));
        assert_eq!(resume_at(&s, &a, Some("lit-1")), Screen::Question(2));
        assert_eq!(resume_at(&s, &a, Some("agi-lead")), Screen::Question(1));
        assert_eq!(resume_at(&s, &a, None), Screen::Question(1));
    }
}
