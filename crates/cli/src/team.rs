//! A team summary as Markdown, for `skillscope aggregate --format md`.

use std::fmt::Write;

use skillscope_engine::aggregate::{Spread, TeamSummary};
use skillscope_engine::{Survey, Text};

pub fn render(survey: &Survey, team: &TeamSummary, lang: &str) -> String {
    let def = survey.definition();
    let t = |text: &Text| text.get(lang, survey.default_lang()).to_string();
    let spread = |s: &Spread| format!("{:.0} ({:.0}–{:.0})", s.median, s.min, s.max);
    let known = |s: &Option<Spread>| s.as_ref().map_or_else(|| "not known yet".into(), spread);
    let mut md = String::new();
    let people = if team.respondents == 1 {
        "person"
    } else {
        "people"
    };
    let _ = writeln!(md, "# {}: {} {people}\n", t(&def.title), team.respondents);
    let _ = writeln!(
        md,
        "Medians, with the lowest and highest in brackets.\n\n\
         - Readiness: **{}**\n- AI depth: {}\n- Learning agility: {}\n",
        known(&team.readiness),
        known(&team.ai_depth),
        known(&team.learning_agility),
    );
    let quadrants: Vec<String> = team
        .quadrants
        .iter()
        .map(|q| format!("{} {}", q.quadrant.id(), q.count))
        .collect();
    let _ = writeln!(md, "Quadrants: {}\n", quadrants.join(" · "));

    let _ = writeln!(
        md,
        "## Paths\n\n| path | best fit for | in the top 3 of | fit |\n|---|---|---|---|"
    );
    for p in &team.paths {
        let title = def
            .paths
            .iter()
            .find(|d| d.id == p.id)
            .map(|d| t(&d.title))
            .unwrap_or_else(|| p.id.clone());
        let _ = writeln!(
            md,
            "| {title} | {} | {} | {} |",
            p.first,
            p.top3,
            spread(&p.fit)
        );
    }

    let levels: Vec<String> = survey.levels().iter().map(|l| t(&l.name)).collect();
    let _ = writeln!(
        md,
        "\n## Dimensions\n\nPeople at each level.\n\n| dimension | score | {} |\n|---|---|{}",
        levels.join(" | "),
        "---|".repeat(levels.len())
    );
    for d in &team.dimensions {
        let score = d.score.as_ref().map(spread).unwrap_or_else(|| "–".into());
        let counts: Vec<String> = d.levels.iter().map(|l| l.count.to_string()).collect();
        let _ = writeln!(
            md,
            "| {} | {score} | {} |",
            survey.dimension_name(&d.id, lang),
            counts.join(" | ")
        );
    }
    let _ = writeln!(
        md,
        "\nSelf-assessments, summarised: a starting point for planning training together, not a \
         ranking of people."
    );
    md
}
