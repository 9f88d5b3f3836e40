//! Checks of each question: its kind, options, weights, range and `show_if`.

use super::{clip, text_condition, Checker, MAX_MULTI_OPTIONS, MAX_NUMBER_STEPS};
use crate::expr::Expr;
use crate::format::{Kind, Question};

impl<'a> Checker<'a> {
    pub(super) fn check_question(&mut self, path: &str, q: &'a Question) {
        self.id(&format!("{path}.id"), &q.id);
        self.text(&format!("{path}.text"), &q.text);
        if let Some(h) = &q.help {
            self.text(&format!("{path}.help"), h);
        }
        self.unique(
            &format!("{path}.options"),
            q.options.iter().map(|o| o.id.as_str()),
        );
        for (i, o) in q.options.iter().enumerate() {
            self.id(&format!("{path}.options[{i}].id"), &o.id);
            self.text(&format!("{path}.options[{i}].text"), &o.text);
        }
        for (dim, w) in &q.weights {
            let wpath = format!("{path}.weights.{dim}");
            if !self.dims.contains(dim.as_str()) {
                self.err(&wpath, format!("unknown dimension \"{}\"", clip(dim)));
            }
            if !(w.is_finite() && *w > 0.0 && *w <= 100.0) {
                self.err(&wpath, "weight must be a positive finite number up to 100");
            }
        }
        let has_options = !q.options.is_empty();
        let has_range = q.min.is_some() || q.max.is_some() || q.step.is_some();
        match q.kind {
            Kind::Anchored => {
                self.needs_options(path, q);
                self.needs_weights(path, q);
                for (i, o) in q.options.iter().enumerate() {
                    match &o.level {
                        None => self.err(
                            format!("{path}.options[{i}].level"),
                            "anchored options need a level",
                        ),
                        Some(l) if !self.levels.contains(l.as_str()) => self.err(
                            format!("{path}.options[{i}].level"),
                            format!("unknown level \"{}\"", clip(l)),
                        ),
                        Some(_) => {}
                    }
                }
            }
            Kind::Likert => {
                self.needs_weights(path, q);
                let points = q.points.unwrap_or(5);
                if !(2..=11).contains(&points) {
                    self.err(format!("{path}.points"), "a scale needs 2 to 11 points");
                }
                if !q.labels.is_empty() && q.labels.len() != usize::from(points) {
                    self.err(
                        format!("{path}.labels"),
                        format!("expected {points} labels, one per point"),
                    );
                }
                if has_options {
                    self.err(
                        format!("{path}.options"),
                        "likert questions take `points`, not options",
                    );
                }
            }
            Kind::Single | Kind::Multi => {
                self.needs_options(path, q);
                if q.kind == Kind::Multi && q.options.len() > MAX_MULTI_OPTIONS {
                    self.err(
                        format!("{path}.options"),
                        format!("a multi question may have at most {MAX_MULTI_OPTIONS} options"),
                    );
                }
                let mut scored = false;
                for (i, o) in q.options.iter().enumerate() {
                    for (dim, v) in &o.scores {
                        scored = true;
                        let spath = format!("{path}.options[{i}].scores.{dim}");
                        if !self.dims.contains(dim.as_str()) {
                            self.err(&spath, format!("unknown dimension \"{}\"", clip(dim)));
                        }
                        if !(v.is_finite() && (0.0..=100.0).contains(v)) {
                            self.err(&spath, "score must be a number from 0 to 100");
                        }
                    }
                }
                if !scored {
                    self.err(
                        format!("{path}.options"),
                        "no option scores towards a dimension",
                    );
                }
            }
            Kind::Number => {
                self.needs_weights(path, q);
                self.check_range(path, q);
            }
            Kind::Knowledge => {
                self.needs_options(path, q);
                let correct = q.options.iter().filter(|o| o.correct).count();
                if correct != 1 {
                    self.err(
                        format!("{path}.options"),
                        format!(
                            "a knowledge check needs exactly one correct option, found {correct}"
                        ),
                    );
                }
                match &q.dimension {
                    None => self.err(
                        format!("{path}.dimension"),
                        "a knowledge check needs the dimension it calibrates",
                    ),
                    Some(d) if !self.dims.contains(d.as_str()) => self.err(
                        format!("{path}.dimension"),
                        format!("unknown dimension \"{}\"", clip(d)),
                    ),
                    Some(_) => {}
                }
            }
            Kind::Text => {
                if has_options || has_range {
                    self.err(path, "text questions take neither options nor a range");
                }
            }
            Kind::Context => match (has_options, has_range) {
                (true, true) => {
                    self.err(path, "a context question has options or a range, not both")
                }
                (true, false) => self.needs_options(path, q),
                (false, true) => self.check_range(path, q),
                (false, false) => self.err(path, "a context question needs options or min and max"),
            },
        }
        if !q.kind.is_scored() && !q.weights.is_empty() {
            self.err(
                format!("{path}.weights"),
                "this kind of question is not scored, so it takes no weights",
            );
        }
        if q.kind != Kind::Anchored && q.options.iter().any(|o| o.level.is_some()) {
            self.err(
                format!("{path}.options"),
                "only anchored options have levels",
            );
        }
    }

    fn needs_options(&mut self, path: &str, q: &Question) {
        if q.options.len() < 2 {
            self.err(format!("{path}.options"), "expected at least two options");
        }
        if q.options.len() > 50 {
            self.err(format!("{path}.options"), "expected at most 50 options");
        }
    }

    fn needs_weights(&mut self, path: &str, q: &Question) {
        if q.weights.is_empty() {
            self.err(
                format!("{path}.weights"),
                "a scored question needs weights towards at least one dimension",
            );
        }
    }

    fn check_range(&mut self, path: &str, q: &Question) {
        let (Some(min), Some(max)) = (q.min, q.max) else {
            self.err(path, "a numeric question needs min and max");
            return;
        };
        let step = q.step.unwrap_or(1.0);
        if !(min.is_finite() && max.is_finite() && min < max) {
            self.err(
                format!("{path}.max"),
                "max must be a finite number above min",
            );
        } else if !(step.is_finite() && step > 0.0) {
            self.err(format!("{path}.step"), "step must be a positive number");
        } else if (max - min) / step > MAX_NUMBER_STEPS {
            self.err(
                format!("{path}.step"),
                format!("at most {MAX_NUMBER_STEPS} steps from min to max"),
            );
        } else {
            let steps = (max - min) / step;
            if (steps - steps.round()).abs() > 1e-6 {
                self.err(
                    format!("{path}.step"),
                    "max must be min plus a whole number of steps",
                );
            }
        }
    }

    pub(super) fn check_show_if(
        &mut self,
        path: &str,
        position: usize,
        q: &Question,
    ) -> Option<Expr> {
        let source = q.show_if.as_deref()?;
        let expr = match Expr::parse(source) {
            Ok(e) => e,
            Err(e) => {
                self.err(
                    format!("{path}.show_if"),
                    format!("in the condition of \"{}\": {e}", clip(&q.id)),
                );
                return None;
            }
        };
        for r in expr.references() {
            let message = match self.positions.get(r) {
                Some(&p) if p == position && r == q.id => {
                    format!("\"{}\" refers to itself", clip(r))
                }
                Some(&p) if p < position && self.is_text_question(r) => text_condition(r),
                Some(&p) if p < position => continue,
                Some(_) => format!(
                    "\"{}\" refers to a later question; conditions may only read earlier answers",
                    clip(r)
                ),
                None if self
                    .def
                    .sections
                    .iter()
                    .flat_map(|s| &s.questions)
                    .any(|x| x.id == r) =>
                {
                    format!("\"{}\" refers to a later question; conditions may only read earlier answers", clip(r))
                }
                None => format!("unknown question \"{}\"", clip(r)),
            };
            self.err(format!("{path}.show_if"), message);
        }
        Some(expr)
    }

    /// Whether `id` names a free-text question.
    pub(super) fn is_text_question(&self, id: &str) -> bool {
        self.def
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.id == id && q.kind == Kind::Text)
    }
}
