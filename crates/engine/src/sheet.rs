//! The answers scoring sees, by question position: each answer that fits its question, on a
//! question that is shown, held as the digit a result code packs it into. Built once per report
//! from an answers map or straight from a result code, so that scoring looks answers up by
//! position rather than by id, and copies none of them.

use crate::answers::{fits, Answer, Answers};
use crate::expr::{Expr, Value};
use crate::format::{Kind, Question};
use crate::survey::Survey;

pub(crate) struct Sheet<'a> {
    /// By position in asking order: the answer's digit, 0 when unanswered, unfit or hidden.
    /// Text answers are never digits; they are in `texts`.
    digits: Vec<u32>,
    /// Text answers by position, in asking order. Result codes hold none.
    texts: Vec<(usize, &'a str)>,
    /// Positions of the shown questions, in asking order.
    visible: Vec<usize>,
}

/// A coded answer as scoring reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Given {
    /// The option at this index.
    Option(usize),
    /// The options whose bits are set.
    Options(u32),
    Number(f64),
}

impl Given {
    /// What digit `digit` (never 0) of question `q` stands for.
    pub fn of(q: &Question, digit: u32) -> Option<Given> {
        let index = digit.checked_sub(1)?;
        Some(match q.kind {
            Kind::Multi => Given::Options(index),
            Kind::Likert => Given::Number(f64::from(digit)),
            _ if q.is_numeric() => Given::Number(q.grid_value(f64::from(index))),
            _ => Given::Option(index as usize).filter_in(q)?,
        })
    }

    fn filter_in(self, q: &Question) -> Option<Given> {
        match self {
            Given::Option(i) if i >= q.options.len() => None,
            other => Some(other),
        }
    }

    /// The ids of the chosen options, for a multi choice.
    pub fn chosen(self, q: &Question) -> impl Iterator<Item = &str> {
        let mask = match self {
            Given::Options(mask) => mask,
            _ => 0,
        };
        q.options
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i < 32 && mask & (1 << i) != 0)
            .map(|(_, o)| o.id.as_str())
    }
}

impl<'a> Sheet<'a> {
    /// The usable answers of an answers map; unfit answers and answers to hidden questions are
    /// left out.
    pub fn from_answers(survey: &Survey, answers: &'a Answers) -> Sheet<'a> {
        let mut sheet = Sheet {
            digits: vec![0; survey.question_count()],
            texts: Vec::new(),
            visible: Vec::new(),
        };
        // Both sides are sorted by id, so one walk pairs them without a lookup per answer.
        let mut questions = survey.positions_by_id().peekable();
        for (id, answer) in answers.iter() {
            while questions.next_if(|(qid, _)| *qid < id).is_some() {}
            let Some(&(qid, position)) = questions.peek() else {
                break;
            };
            let Some(q) = survey.question_at(position).filter(|_| qid == id) else {
                continue;
            };
            match (q.kind, answer) {
                (Kind::Text, Answer::Str(text)) if fits(q, answer).is_ok() => {
                    sheet.texts.push((position, text));
                }
                (Kind::Text, _) => {}
                _ => sheet.digits[position] = digit_of(q, answer),
            }
        }
        sheet.texts.sort_by_key(|&(p, _)| p);
        sheet.hide(survey);
        sheet
    }

    /// The answers of a result code, `digits` being one per coded question in asking order.
    /// `None` when a digit answers a hidden question, which no real code does.
    /// `coded` holds each coded question's position (and radix).
    pub fn from_code(
        survey: &Survey,
        coded: &[(usize, u32)],
        digits: &[u32],
    ) -> Option<Sheet<'static>> {
        let mut sheet = Sheet {
            digits: vec![0; survey.question_count()],
            texts: Vec::new(),
            visible: Vec::new(),
        };
        for (&(position, _), &digit) in coded.iter().zip(digits) {
            sheet.digits[position] = digit;
        }
        (!sheet.hide(survey)).then_some(sheet)
    }

    /// Works out which questions are shown and clears the answers of the others; says whether
    /// any answer was cleared.
    fn hide(&mut self, survey: &Survey) -> bool {
        let shown = survey.shown(|position| self.value(survey, position));
        let mut cleared = false;
        for (position, shown) in shown.into_iter().enumerate() {
            if shown {
                self.visible.push(position);
            } else {
                cleared |= self.digits[position] != 0 || self.text(position).is_some();
                self.digits[position] = 0;
            }
        }
        let visible = &self.visible;
        self.texts.retain(|(p, _)| visible.binary_search(p).is_ok());
        cleared
    }

    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The coded answer at `position`, if any.
    pub fn given(&self, survey: &Survey, position: usize) -> Option<Given> {
        let digit = *self.digits.get(position)?;
        if digit == 0 {
            return None;
        }
        Given::of(survey.question_at(position)?, digit)
    }

    pub fn digit(&self, position: usize) -> u32 {
        self.digits.get(position).copied().unwrap_or(0)
    }

    fn text(&self, position: usize) -> Option<&'a str> {
        let i = self
            .texts
            .binary_search_by_key(&position, |&(p, _)| p)
            .ok()?;
        Some(self.texts[i].1)
    }

    pub fn is_answered(&self, position: usize) -> bool {
        self.digit(position) != 0 || self.text(position).is_some()
    }

    /// How an expression sees the answer at `position`.
    fn value<'s>(&'s self, survey: &'s Survey, position: usize) -> Option<Value<'s>> {
        let q = survey.question_at(position)?;
        if let Some(text) = self.text(position) {
            return Some(Value::Str(text));
        }
        Some(match self.given(survey, position)? {
            Given::Option(i) => Value::Str(&q.options.get(i)?.id),
            chosen @ Given::Options(_) => Value::List(chosen.chosen(q).collect()),
            Given::Number(n) => Value::Number(n),
        })
    }

    pub fn number_by_id(&self, survey: &Survey, id: &str) -> Option<f64> {
        match self.given(survey, survey.index_of(id)?)? {
            Given::Number(n) => Some(n),
            _ => None,
        }
    }

    /// An expression over the shown answers.
    pub fn eval(&self, survey: &Survey, expr: &Expr) -> bool {
        expr.eval_at(&|id, at| self.value(survey, at.or_else(|| survey.index_of(id))?))
    }
}

/// The digit a result code packs `a` into: 0 for an answer that does not fit `q`.
pub(crate) fn digit_of(q: &Question, a: &Answer) -> u32 {
    if fits(q, a).is_err() {
        return 0;
    }
    match a {
        Answer::Str(id) => q
            .options
            .iter()
            .position(|o| &o.id == id)
            .map_or(0, |i| i as u32 + 1),
        Answer::List(ids) => {
            let mask = q
                .options
                .iter()
                .enumerate()
                .filter(|(_, o)| ids.contains(&o.id))
                .fold(0u32, |m, (i, _)| m | 1 << i);
            mask + 1
        }
        Answer::Number(n) if q.kind == Kind::Likert => *n as u32,
        Answer::Number(n) => {
            let (min, _, step) = q.range();
            ((n - min) / step).round() as u32 + 1
        }
    }
}

impl Answer {
    /// How an expression sees an answer.
    pub(crate) fn value(&self) -> Value<'_> {
        match self {
            Answer::Number(n) => Value::Number(*n),
            Answer::Str(s) => Value::Str(s),
            Answer::List(l) => Value::List(l.iter().map(String::as_str).collect()),
        }
    }
}
