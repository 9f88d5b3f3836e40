//! A validated survey: the definition plus everything validation worked out once, such as parsed
//! expressions and question positions.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::answers::{fits, Answers};
use crate::error::Error;
use crate::expr::{Expr, Value};
use crate::format::{Definition, Level, Path, Question};
use crate::layout::Layout;
use crate::positions::Positions;

/// A survey whose references all resolve and whose expressions all parse.
///
/// The only way to get one is [`crate::validate`], so every method here can rely on that and
/// never fails.
#[derive(Clone, Debug)]
pub struct Survey {
    def: Definition,
    /// Section and question index of every question, in asking order.
    order: Vec<(usize, usize)>,
    by_id: BTreeMap<String, usize>,
    conditions: Conditions,
    /// Per question in asking order, per option: the position of the option's level.
    option_levels: Vec<Vec<Option<usize>>>,
    positions: Positions,
    /// Worked out on first use: most surveys are never decoded from a code.
    code_layout: OnceLock<Layout>,
}

/// Every expression of a definition, parsed once by validation.
#[derive(Clone, Debug, Default)]
pub(crate) struct Conditions {
    /// Per question, in asking order.
    pub show_if: Vec<Option<Expr>>,
    /// Per path, per boost.
    pub boosts: Vec<Vec<Expr>>,
    /// Per path.
    pub first_if: Vec<Option<Expr>>,
}

impl Survey {
    pub(crate) fn new(def: Definition, mut conditions: Conditions) -> Self {
        let order: Vec<(usize, usize)> = def
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| (0..section.questions.len()).map(move |q| (s, q)))
            .collect();
        let by_id: BTreeMap<String, usize> = order
            .iter()
            .enumerate()
            .map(|(i, &(s, q))| (def.sections[s].questions[q].id.clone(), i))
            .collect();
        let position = |id: &str| by_id.get(id).copied();
        let exprs = conditions.show_if.iter_mut().flatten();
        let exprs = exprs.chain(conditions.boosts.iter_mut().flatten());
        for expr in exprs.chain(conditions.first_if.iter_mut().flatten()) {
            expr.resolve(&position);
        }
        let option_levels = order
            .iter()
            .map(|&(s, q)| {
                def.sections[s].questions[q]
                    .options
                    .iter()
                    .map(|o| {
                        let level = o.level.as_deref()?;
                        def.levels.iter().position(|l| l.id == level)
                    })
                    .collect()
            })
            .collect();
        let positions = Positions::of(&def, &order);
        Survey {
            def,
            order,
            by_id,
            conditions,
            option_levels,
            positions,
            code_layout: OnceLock::new(),
        }
    }

    /// Where `code.rs` keeps this survey's code layout once worked out.
    pub(crate) fn code_layout(&self) -> &OnceLock<Layout> {
        &self.code_layout
    }

    pub fn definition(&self) -> &Definition {
        &self.def
    }

    pub fn id(&self) -> &str {
        &self.def.id
    }

    pub fn version(&self) -> &str {
        &self.def.version
    }

    pub fn default_lang(&self) -> &str {
        &self.def.default_lang
    }

    /// Languages offered to respondents; the default language first.
    pub fn languages(&self) -> Vec<&str> {
        let mut langs = vec![self.def.default_lang.as_str()];
        for l in &self.def.languages {
            if !langs.contains(&l.as_str()) {
                langs.push(l);
            }
        }
        langs
    }

    pub fn levels(&self) -> &[Level] {
        &self.def.levels
    }

    pub fn paths(&self) -> &[Path] {
        &self.def.paths
    }

    /// Every question, in asking order, hidden or not.
    pub fn questions(&self) -> impl ExactSizeIterator<Item = &Question> + '_ {
        self.order
            .iter()
            .map(|&(s, q)| &self.def.sections[s].questions[q])
    }

    /// The question at a position of [`Survey::questions`].
    pub fn question_at(&self, index: usize) -> Option<&Question> {
        let &(s, q) = self.order.get(index)?;
        Some(&self.def.sections[s].questions[q])
    }

    /// The section index of the question at `index`.
    pub fn section_of(&self, index: usize) -> Option<usize> {
        self.order.get(index).map(|&(s, _)| s)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_at(*self.by_id.get(id)?)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether the question at `index` is asked, given the answers so far.
    ///
    /// A question whose condition reads a hidden question is hidden too, so stale answers to
    /// questions that dropped out of view never reveal anything.
    pub fn is_visible(&self, index: usize, answers: &Answers) -> bool {
        let Some(Some(expr)) = self.conditions.show_if.get(index) else {
            return index < self.order.len();
        };
        expr.eval(&|id| {
            let i = self.index_of(id)?;
            // References point backwards (validation), so this recursion terminates.
            if i < index && self.is_visible(i, answers) {
                answers.value(id)
            } else {
                None
            }
        })
    }

    /// Positions of the questions that are asked, given the answers so far.
    pub fn visible(&self, answers: &Answers) -> Vec<usize> {
        let shown = self.shown(|i| answers.value(&self.question_at(i)?.id));
        (0..self.order.len()).filter(|&i| shown[i]).collect()
    }

    /// Whether each question is asked, by position, given the answer at each position.
    pub(crate) fn shown<'a>(&'a self, answer_at: impl Fn(usize) -> Option<Value<'a>>) -> Vec<bool> {
        let mut shown: Vec<bool> = Vec::with_capacity(self.order.len());
        for index in 0..self.order.len() {
            let visible = match &self.conditions.show_if[index] {
                None => true,
                Some(expr) => expr.eval_at(&|id, at| {
                    let i = at.or_else(|| self.index_of(id))?;
                    if i < index && shown[i] {
                        answer_at(i)
                    } else {
                        None
                    }
                }),
            };
            shown.push(visible);
        }
        shown
    }

    pub(crate) fn positions(&self) -> &Positions {
        &self.positions
    }

    /// The level position of option `option` of the question at `question`.
    pub(crate) fn option_level(&self, question: usize, option: usize) -> Option<usize> {
        *self.option_levels.get(question)?.get(option)?
    }

    pub(crate) fn question_count(&self) -> usize {
        self.order.len()
    }

    /// Question ids in sorted order, with their positions.
    pub(crate) fn positions_by_id(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        self.by_id.iter().map(|(id, &i)| (id.as_str(), i))
    }

    /// The answers to visible questions only: what scoring and result codes see.
    pub fn visible_answers(&self, answers: &Answers) -> Answers {
        self.visible(answers)
            .into_iter()
            .filter_map(|i| {
                let id = &self.question_at(i)?.id;
                Some((id.clone(), answers.get(id)?.clone()))
            })
            .collect()
    }

    pub(crate) fn boost_exprs(&self, path: usize) -> &[Expr] {
        self.conditions.boosts.get(path).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn first_if_expr(&self, path: usize) -> Option<&Expr> {
        self.conditions.first_if.get(path)?.as_ref()
    }

    /// Index of the level nearest to a 0–100 score.
    pub fn level_index(&self, score: f64) -> usize {
        let top = self.def.levels.len().saturating_sub(1);
        if top == 0 || !score.is_finite() {
            return 0;
        }
        let step = 100.0 / top as f64;
        ((score / step).round().max(0.0) as usize).min(top)
    }

    /// The level from which a dimension counts as a strength: proficient on the default five
    /// levels, the second highest on longer scales, the upper half on short ones.
    pub fn strength_level(&self) -> usize {
        let n = self.def.levels.len();
        n.saturating_sub(2).max(n / 2)
    }

    /// The score at which level `index` begins.
    pub fn level_floor(&self, index: usize) -> f64 {
        let top = self.def.levels.len().saturating_sub(1).max(1);
        let step = 100.0 / top as f64;
        (index as f64 - 0.5).max(0.0) * step
    }

    /// The 0–100 score a level stands for.
    pub fn level_score(&self, index: usize) -> f64 {
        let top = self.def.levels.len().saturating_sub(1).max(1);
        100.0 * index.min(top) as f64 / top as f64
    }

    /// A dimension's name in `lang` (else the default language), or the id itself if unknown.
    pub fn dimension_name<'a>(&'a self, id: &'a str, lang: &str) -> &'a str {
        self.def
            .dimensions
            .iter()
            .find(|d| d.id == id)
            .map_or(id, |d| d.name.get(lang, &self.def.default_lang))
    }

    pub fn level_position(&self, id: &str) -> Option<usize> {
        self.def.levels.iter().position(|l| l.id == id)
    }
}

// Answer checks live with the survey so that `answers` stays a plain map with no knowledge of
// surveys: data flows from the survey to the answers, never back.
impl Answers {
    /// Keeps only answers that are valid for `survey`, and says what was dropped and why.
    ///
    /// Used when a saved answer set meets a newer version of its survey: answers whose question
    /// still exists and still fits survive.
    pub fn retain_valid(&mut self, survey: &Survey) -> Vec<Error> {
        let problems = self.check(survey);
        for p in &problems {
            self.remove(p.path());
        }
        problems
    }

    /// Every answer that does not fit its question. Paths are the question ids.
    pub fn check(&self, survey: &Survey) -> Vec<Error> {
        let mut problems = Vec::new();
        for (id, answer) in self.iter() {
            let Some(question) = survey.question(id) else {
                problems.push(Error::new(id, "no question has this id"));
                continue;
            };
            if let Err(message) = fits(question, answer) {
                problems.push(Error::new(id, message));
            }
        }
        problems
    }
}
