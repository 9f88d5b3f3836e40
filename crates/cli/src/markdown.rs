//! The report as Markdown, in one of the survey's languages, for `skillscope report --format md`.

use std::fmt::Write;

use skillscope_engine::report::{Evidence, Flag, PathFit, Report, Stage};
use skillscope_engine::{Survey, Text};

pub fn render(survey: &Survey, report: &Report, lang: &str) -> String {
    let def = survey.definition();
    let t = |text: &Text| text.get(lang, survey.default_lang()).to_string();
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", t(&def.title));
    let _ = writeln!(md, "{}\n", headline(survey, report, lang));
    let build: Vec<&PathFit> = report.build_on().take(3).collect();
    let support: Vec<&PathFit> = report.support().take(2).collect();
    let mut groups = [("Paths to build on", build), ("Support alongside", support)];
    if report.support_first {
        groups.swap(0, 1);
    }
    for (title, fits) in groups {
        if fits.is_empty() {
            continue;
        }
        let _ = writeln!(md, "## {title}\n");
        for fit in fits {
            path_section(&mut md, survey, report, fit, lang);
        }
    }
    if !report.unranked_paths.is_empty() {
        let _ = writeln!(
            md,
            "Not ranked, for want of answers: {}.\n",
            report
                .unranked_paths
                .iter()
                .filter_map(|id| def.paths.iter().find(|p| &p.id == id))
                .map(|p| t(&p.title))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = writeln!(
        md,
        "## Dimensions\n\n| dimension | score | level | likely range |\n|---|---|---|---|"
    );
    for d in &report.dimensions {
        // An unreported area is unknown: no score, level or range to print.
        let (score, level, range) = if d.reported {
            let level = survey
                .levels()
                .iter()
                .find(|l| l.id == d.level)
                .map(|l| t(&l.name))
                .unwrap_or_default();
            (
                format!("{:.0}", d.score),
                level,
                format!("{:.0}–{:.0}", d.band[0], d.band[1]),
            )
        } else {
            ("–".into(), "too few answers".into(), "–".into())
        };
        let _ = writeln!(
            md,
            "| {} | {score} | {level} | {range} |",
            survey.dimension_name(&d.id, lang),
        );
    }
    if !report.flags.is_empty() {
        let _ = writeln!(md, "\n## Notes\n");
        for f in &report.flags {
            let line = match f {
                Flag::Overconfidence {
                    dimension,
                    asked,
                    right,
                } => format!(
                    "{} of {asked} knowledge {} in {} right, below the self-rating.",
                    right,
                    if *asked == 1 { "check" } else { "checks" },
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

/// Readiness and the axes, or what is still needed before they mean anything.
fn headline(survey: &Survey, report: &Report, lang: &str) -> String {
    let (Some(readiness), Some([lo, hi])) = (report.readiness, report.readiness_band) else {
        let needed: Vec<&str> = report
            .needs()
            .iter()
            .map(|d| survey.dimension_name(&d.id, lang))
            .collect();
        return format!(
            "Readiness: not known yet. Too few areas were answered; still needed: {}.",
            needed.join(", ")
        );
    };
    let figure = |x: Option<f64>| x.map_or_else(|| "–".to_string(), |x| format!("{x:.0}"));
    let quadrant = match report.quadrant {
        Some(q) if report.near_line => format!("{} (near the line)", q.id()),
        Some(q) => q.id().to_string(),
        None => "quadrant not known yet".to_string(),
    };
    format!(
        "Readiness: **{readiness:.0}** (likely range {lo:.0}–{hi:.0}) · AI depth {} · AI breadth {} · \
         learning agility {} · {quadrant}",
        figure(report.axes.ai_depth),
        figure(report.axes.ai_breadth),
        figure(report.axes.learning_agility),
    )
}

fn path_section(md: &mut String, survey: &Survey, report: &Report, fit: &PathFit, lang: &str) {
    let t = |text: &Text| text.get(lang, survey.default_lang()).to_string();
    let Some(path) = survey.paths().iter().find(|p| p.id == fit.id) else {
        return;
    };
    let tie = if fit.tied {
        ", about equal to the one above"
    } else {
        ""
    };
    let _ = writeln!(
        md,
        "### {} ({:.0}{tie})\n\n{}\n",
        t(&path.title),
        fit.fit,
        t(&path.for_whom)
    );
    for e in fit.evidence.iter().take(4) {
        let what = match e {
            Evidence::Dimension { id, .. } | Evidence::Entry { id, .. } => {
                survey.dimension_name(id, lang).to_string()
            }
            Evidence::Answer { boost, .. } => path.boost_reason(*boost).map(t).unwrap_or_default(),
        };
        let _ = writeln!(md, "- {:+.0}: {what}", e.effect());
    }
    let plan = match fit.stage {
        Stage::New => "Plan for someone new to this",
        Stage::Experienced => "Plan for someone experienced in this",
    };
    let _ = writeln!(md, "\n*{plan}*\n");
    for (days, steps) in path.steps_for(fit.stage).phases() {
        let by = (f64::from(days) * report.plan.factor).round();
        let _ = writeln!(md, "**By day {by}:**");
        for s in steps {
            let _ = writeln!(md, "- {}", t(s));
        }
    }
    let _ = writeln!(md);
}
