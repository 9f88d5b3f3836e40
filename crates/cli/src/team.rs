//! A team summary as Markdown, for `skillscope aggregate --format md`.

use std::fmt::Write;

use skillscope_engine::aggregate::{Advice, AdviceReason, Spread, TeamSummary};
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

    let strong = survey
        .levels()
        .get(survey.strength_level())
        .map(|l| t(&l.name))
        .unwrap_or_default();
    let name = |id: &str| survey.dimension_name(id, lang).to_string();
    let path_title = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| def.paths.iter().find(|p| &p.id == id))
    };

    if !team.where_to_start.is_empty() {
        let against = if team.dimensions.iter().any(|d| d.target.is_some()) {
            "against the target"
        } else {
            "by who holds each dimension"
        };
        let _ = writeln!(
            md,
            "\n## Where to start\n\nThe gaps that matter most, {against}.\n"
        );
        for (i, s) in team.where_to_start.iter().enumerate() {
            let below = s
                .below_target
                .map(|n| format!(" {n} below the target."))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "{}. **{}**: {}. {}{below}",
                i + 1,
                name(&s.dimension),
                s.advice.id(),
                reason_words(s.advice_reason, &strong)
            );
            if let Some(path) = path_title(&s.path) {
                let _ = writeln!(md, "   Path: {}.", t(&path.title));
                if let (Advice::Borrow, Some(when)) = (s.advice, &path.outsource_when) {
                    let _ = writeln!(md, "   When to bring in a freelancer: {}", t(when));
                }
            }
        }
    }

    let _ = writeln!(
        md,
        "\n## Build, borrow or hold\n\nWho holds each dimension: people at {strong} or above.\n"
    );
    if !team.single_expert.is_empty() {
        let names: Vec<String> = team.single_expert.iter().map(|d| name(d)).collect();
        let _ = writeln!(md, "**Depends on one person:** {}.\n", names.join("; "));
    }
    let _ = writeln!(
        md,
        "| dimension | hold it | advice | why |\n|---|---|---|---|"
    );
    for d in team.by_risk() {
        let (advice, why) = match (d.advice, d.advice_reason) {
            (Some(a), Some(r)) => (a.id().to_string(), reason_words(r, &strong)),
            _ => ("–".into(), "Nobody answered enough of it.".into()),
        };
        let _ = writeln!(md, "| {} | {} | {advice} | {why} |", name(&d.id), d.experts);
    }

    let levels: Vec<String> = survey.levels().iter().map(|l| t(&l.name)).collect();
    let targeted = team.dimensions.iter().any(|d| d.target.is_some());
    let target_head = if targeted { " target | below it |" } else { "" };
    let _ = writeln!(
        md,
        "\n## Dimensions\n\nPeople at each level.\n\n| dimension | score | {} |{target_head}\n|---|---|{}",
        levels.join(" | "),
        "---|".repeat(levels.len() + if targeted { 2 } else { 0 })
    );
    for d in &team.dimensions {
        let score = d.score.as_ref().map(spread).unwrap_or_else(|| "–".into());
        let counts: Vec<String> = d.levels.iter().map(|l| l.count.to_string()).collect();
        let target = if targeted {
            let level = d
                .target
                .as_ref()
                .and_then(|l| survey.level_position(l))
                .map(|i| t(&survey.levels()[i].name))
                .unwrap_or_else(|| "–".into());
            let below = d.below_target.map_or_else(|| "–".into(), |n| n.to_string());
            format!(" {level} | {below} |")
        } else {
            String::new()
        };
        let _ = writeln!(
            md,
            "| {} | {score} | {} |{target}",
            name(&d.id),
            counts.join(" | ")
        );
    }

    if team.dimensions.iter().any(|d| d.alpha.is_some()) {
        let _ = writeln!(
            md,
            "\n## Do the items hang together?\n\n{ALPHA_WORDS}\n\n\
             | dimension | alpha | people | weakest item (item–total r) |\n|---|---|---|---|"
        );
        for d in &team.dimensions {
            let Some(alpha) = d.alpha else { continue };
            let weakest = d
                .weakest_item()
                .map_or_else(|| "–".into(), |(i, r)| format!("{} ({r:.2})", i.question));
            let _ = writeln!(
                md,
                "| {} | {alpha:.2} | {} | {weakest} |",
                name(&d.id),
                d.alpha_people
            );
        }
    }
    let _ = writeln!(
        md,
        "\nSelf-assessments, summarised: a starting point for planning training together, not a \
         ranking of people."
    );
    md
}

/// What alpha and the item–total correlations mean, for a lead who is not a psychometrician.
const ALPHA_WORDS: &str = "Cronbach's alpha says whether a dimension's items measure one thing: \
near 1, people who rate themselves high on one item rate themselves high on the others. Values \
below about 0.7 are commonly read as too low to rely on: the items may measure different things, \
or be read differently. An item whose correlation with the rest is low or negative is the first to \
reword or replace. With few people or few items, alpha itself is uncertain.";

/// The reason in words; `strong` is the strength level's name (Proficient).
pub fn reason_words(reason: AdviceReason, strong: &str) -> String {
    match reason {
        AdviceReason::NobodyHoldsIt => format!(
            "Nobody is at {strong} or above. Bring in a freelance specialist for the work now, \
             and ask them to pass the knowledge on."
        ),
        AdviceReason::OneCanTeach => "Only one person holds it, and they can teach it. Pair \
             someone with them now, so that it no longer rests on one person."
            .into(),
        AdviceReason::OneQuickLearners => "Only one person holds it and nobody can teach it \
             yet, but the team learns quickly: have them share what they know while a second \
             person learns it."
            .into(),
        AdviceReason::OneNoTeacher => "Only one person holds it and nobody can teach it. Bring \
             in a freelancer to share the load and to train a second person."
            .into(),
        AdviceReason::BelowTargetCanTeach => "Two or more hold it, but some people are below \
             the target, and someone in the team can teach it."
            .into(),
        AdviceReason::BelowTargetPeers => "Two or more hold it, but some people are below the \
             target. Those who hold it can share it; the coaching path would help one of them \
             teach it."
            .into(),
        AdviceReason::Covered => "Two or more people hold it.".into(),
    }
}
