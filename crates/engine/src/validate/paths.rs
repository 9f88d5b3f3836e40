//! Checks of each path: its texts, fit weights, boosts, plan and resources.

use super::{clip, is_web_url, text_condition, Checker};
use crate::expr::Expr;
use crate::format::{Path, PathKind, Steps};

impl<'a> Checker<'a> {
    pub(super) fn check_paths(&mut self) {
        let def = self.def;
        self.unique("paths", def.paths.iter().map(|p| p.id.as_str()));
        for (i, p) in def.paths.iter().enumerate() {
            let path = format!("paths[{i}]");
            let exprs = self.check_path(&path, p);
            self.boosts.push(exprs);
            let first_if = p.first_if.as_deref().map(|condition| {
                if p.kind != PathKind::Support {
                    self.err(
                        format!("{path}.first_if"),
                        "first_if applies only to paths of kind \"support\"",
                    );
                }
                self.condition(&format!("{path}.first_if"), &p.id, condition)
            });
            self.first_if.push(first_if);
        }
    }

    /// Parses a condition over answers, naming unknown or free-text questions.
    fn condition(&mut self, at: &str, path_id: &str, condition: &str) -> Expr {
        match Expr::parse(condition) {
            Ok(e) => {
                for r in e.references() {
                    if !self.positions.contains_key(r) {
                        self.err(at, format!("unknown question \"{}\"", clip(r)));
                    } else if self.is_text_question(r) {
                        self.err(at, text_condition(r));
                    }
                }
                e
            }
            Err(e) => {
                self.err(
                    at,
                    format!("in the condition of path \"{}\": {e}", clip(path_id)),
                );
                Expr::never()
            }
        }
    }

    fn check_path(&mut self, path: &str, p: &'a Path) -> Vec<Expr> {
        self.id(&format!("{path}.id"), &p.id);
        self.text(&format!("{path}.title"), &p.title);
        self.text(&format!("{path}.for_whom"), &p.for_whom);
        if let Some(t) = &p.outsource_when {
            self.text(&format!("{path}.outsource_when"), t);
        }
        if p.fit.weights.is_empty() {
            self.err(
                format!("{path}.fit.weights"),
                "a fit rule needs at least one weighted dimension",
            );
        }
        for (dim, w) in &p.fit.weights {
            let wpath = format!("{path}.fit.weights.{dim}");
            if !self.dims.contains(dim.as_str()) {
                self.err(
                    &wpath,
                    format!("fit rule uses unknown dimension \"{}\"", clip(dim)),
                );
            }
            if !(w.is_finite() && *w != 0.0 && w.abs() <= 100.0) {
                self.err(
                    &wpath,
                    "weight must be a non-zero finite number from -100 to 100",
                );
            }
        }
        for (dim, t) in &p.fit.entry {
            let epath = format!("{path}.fit.entry.{dim}");
            if !self.dims.contains(dim.as_str()) {
                self.err(
                    &epath,
                    format!("entry threshold uses unknown dimension \"{}\"", clip(dim)),
                );
            }
            if !(t.is_finite() && (0.0..=100.0).contains(t)) {
                self.err(&epath, "threshold must be a score from 0 to 100");
            }
        }
        let mut exprs = Vec::new();
        for (j, b) in p.fit.boosts.iter().enumerate() {
            let bpath = format!("{path}.fit.boosts[{j}]");
            if !(b.points.is_finite() && b.points.abs() <= 100.0) {
                self.err(
                    format!("{bpath}.points"),
                    "points must be a finite number from -100 to 100",
                );
            }
            if let Some(t) = &b.because {
                self.text(&format!("{bpath}.because"), t);
            }
            exprs.push(self.condition(&format!("{bpath}.if"), &p.id, &b.condition));
        }
        self.check_steps(&format!("{path}.steps"), &p.steps);
        if let Some(steps) = &p.steps_experienced {
            self.check_steps(&format!("{path}.steps_experienced"), steps);
        }
        for (j, r) in p.resources.iter().enumerate() {
            let rpath = format!("{path}.resources[{j}]");
            self.text(&format!("{rpath}.title"), &r.title);
            if !is_web_url(&r.url) {
                self.err(
                    format!("{rpath}.url"),
                    "resource links must be https: or http: URLs",
                );
            }
        }
        for (j, d) in p.explains.iter().enumerate() {
            if !self.dims.contains(d.as_str()) {
                self.err(
                    format!("{path}.explains[{j}]"),
                    format!("unknown dimension \"{}\"", clip(d)),
                );
            }
        }
        exprs
    }

    fn check_steps(&mut self, path: &str, steps: &'a Steps) {
        for (phase, steps) in steps.phases() {
            if steps.is_empty() || steps.len() > 6 {
                self.err(format!("{path}.{phase}"), "expected 1 to 6 steps");
            }
            for (j, s) in steps.iter().enumerate() {
                self.text(&format!("{path}.{phase}[{j}]"), s);
            }
        }
    }
}
