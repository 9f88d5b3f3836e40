//! The report as Markdown, in one of the survey's languages, for `skillscope report --format md`.

use std::fmt::Write;

use skillscope_engine::report::{Evidence, Flag, Report};
use skillscope_engine::{Survey, Text};

pub fn render(survey: &Survey, report: &Report, lang: &str) -> String {
    let def = survey.definition();
    let t = |text: &Text| text.get(lang, survey.default_lang()).to_string();
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", t(&def.title));
    let _ = writeln!(
        md,
        "Readiness: **{:.0}** (95% band {:.0}–{:.0}) · AI depth {:.0} · learning agility {:.0} · {}\n",
        report.readiness,
        report.readiness_band[0],
        report.readiness_band[1],
        report.axes.ai_depth,
        report.axes.learning_agility,
        report.quadrant.id(),
    );
    let _ = writeln!(md, "## Paths\n");
    for fit in report.paths.iter().take(3) {
        let Some(path) = def.paths.iter().find(|p| p.id == fit.id) else {
            continue;
        };
        let _ = writeln!(
            md,
            "### {} ({:.0})\n\n{}\n",
            t(&path.title),
            fit.fit,
            t(&path.for_whom)
        );
        for e in fit.evidence.iter().take(4) {
            let what = match e {
                Evidence::Dimension { id, .. } | Evidence::Entry { id, .. } => {
                    survey.dimension_name(id, lang).to_string()
                }
                Evidence::Answer { boost, .. } => {
                    path.boost_reason(*boost).map(t).unwrap_or_default()
                }
            };
            let _ = writeln!(md, "- {:+.0}: {what}", e.effect());
        }
        let _ = writeln!(md);
        for (days, steps) in path.steps.phases() {
            let by = (f64::from(days) * report.plan.factor).round();
            let _ = writeln!(md, "**By day {by}:**");
            for s in steps {
                let _ = writeln!(md, "- {}", t(s));
            }
        }
        let _ = writeln!(md);
    }
    let _ = writeln!(
        md,
        "## Dimensions\n\n| dimension | score | level | band |\n|---|---|---|---|"
    );
    for d in &report.dimensions {
        let level = survey
            .levels()
            .iter()
            .find(|l| l.id == d.level)
            .map(|l| t(&l.name))
            .unwrap_or_default();
        let score = if d.reported {
            format!("{:.0}", d.score)
        } else {
            "–".into()
        };
        let _ = writeln!(
            md,
            "| {} | {score} | {level} | {:.0}–{:.0} |",
            survey.dimension_name(&d.id, lang),
            d.band[0],
            d.band[1]
        );
    }
    if !report.flags.is_empty() {
        let _ = writeln!(md, "\n## Notes\n");
        for f in &report.flags {
            let line = match f {
                Flag::Overconfidence { dimension } => format!(
                    "Knowledge checks in {} disagree with the self-rating.",
                    survey.dimension_name(dimension, lang)
                ),
                Flag::StraightLining => "Almost every answer was at the same level.".into(),
                Flag::TooFast => {
                    "The answers were given faster than the questions can be read.".into()
                }
                Flag::TooFewAnswers { dimension } => format!(
                    "Too few answers to report {}.",
                    survey.dimension_name(dimension, lang)
                ),
            };
            let _ = writeln!(md, "- {line}");
        }
    }
    let _ = writeln!(md, "\nThis is a self-assessment: not a test, not a certification, and not for hiring decisions.");
    md
}
