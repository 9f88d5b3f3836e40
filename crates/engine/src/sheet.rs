//! The answers scoring sees, by question position: each answer that fits its question, on a
//! question that is shown. Built once per report, so that scoring looks answers up by position
//! rather than by id, and copies none of them.

use crate::answers::{fits, Answer, Answers};
use crate::expr::{Expr, Value};
use crate::survey::Survey;

pub(crate) struct Sheet<'a> {
    /// By position in asking order; `None` when unanswered, unfit or hidden.
    answers: Vec<Option<&'a Answer>>,
    /// Positions of the shown questions, in asking order.
    visible: Vec<usize>,
}

impl<'a> Sheet<'a> {
    pub fn new(survey: &Survey, answers: &'a Answers) -> Sheet<'a> {
        let mut given: Vec<Option<&'a Answer>> = vec![None; survey.question_count()];
        // Both sides are sorted by id, so one walk pairs them without a lookup per answer.
        let mut questions = survey.positions_by_id().peekable();
        for (id, answer) in answers.iter() {
            while questions.next_if(|(qid, _)| *qid < id).is_some() {}
            let Some(&(qid, position)) = questions.peek() else {
                break;
            };
            if qid == id
                && survey
                    .question_at(position)
                    .is_some_and(|q| fits(q, answer).is_ok())
            {
                given[position] = Some(answer);
            }
        }
        let shown = survey.shown(|position| given[position].map(Answer::value));
        let mut visible = Vec::with_capacity(shown.len());
        for (position, shown) in shown.into_iter().enumerate() {
            if shown {
                visible.push(position);
            } else {
                given[position] = None;
            }
        }
        Sheet {
            answers: given,
            visible,
        }
    }

    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    pub fn get(&self, position: usize) -> Option<&'a Answer> {
        self.answers.get(position).copied().flatten()
    }

    pub fn get_by_id(&self, survey: &Survey, id: &str) -> Option<&'a Answer> {
        self.get(survey.index_of(id)?)
    }

    /// An expression over the shown answers.
    pub fn eval(&self, survey: &Survey, expr: &Expr) -> bool {
        expr.eval(&|id| self.get_by_id(survey, id).map(Answer::value))
    }
}

impl Answer {
    /// How an expression sees an answer.
    pub(crate) fn value(&self) -> Value<'_> {
        match self {
            Answer::Number(n) => Value::Number(*n),
            Answer::Str(s) => Value::Str(s),
            Answer::List(l) => Value::List(l),
        }
    }
}
