//! The paths to build on (the top three in full, the rest behind a disclosure) and the support
//! paths beside them, each with its evidence, gaps, plan for the person's stage, resources and
//! the freelance advice.

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_engine::report::{Evidence, PathFit, Stage, SHOWN_BUILD_PATHS, SHOWN_SUPPORT_PATHS};
use skillscope_engine::{is_web_url, Report};

use super::Words;
use crate::i18n::{fill, plural};
use crate::session::Session;

#[component]
pub fn Paths(report: Arc<Report>, words: Words) -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    let build: Vec<PathFit> = report.build_on().cloned().collect();
    let support: Vec<PathFit> = report.support().cloned().collect();
    let top: Vec<PathFit> = build.iter().take(SHOWN_BUILD_PATHS).cloned().collect();
    let rest: Vec<PathFit> = build.iter().skip(SHOWN_BUILD_PATHS).cloned().collect();
    let hours = report.plan.hours;
    let days = report.plan.days;
    let line = |fit: &PathFit| {
        let tie = if fit.tied {
            format!(" · {}", ui.tie)
        } else {
            String::new()
        };
        format!(
            "{} · {}{tie}",
            words.path_title(&fit.id),
            fill(ui.fit, &[("n", &fit.fit.round())])
        )
    };
    let ranked: Vec<String> = rest.iter().map(line).collect();
    let unranked: Vec<String> = report
        .unranked_paths
        .iter()
        .map(|id| words.path_title(id))
        .collect();
    let ranked = move || {
        ranked
            .iter()
            .map(|line| view! { <li>{line.clone()}</li> })
            .collect_view()
    };
    let has_rest = !rest.is_empty();
    let build_section = (!top.is_empty()).then(|| {
        let words = words.clone();
        view! {
            <section class="report-section paths" aria-labelledby="paths-title" data-group="build">
                <h2 id="paths-title">{ui.paths_title}</h2>
                {hours.map(|h| {
                    let text = if h < 1.0 { ui.paced_little.to_string() } else { fill(plural(ui.paced, h), &[("h", &h)]) };
                    view! { <p class="paced">{text}</p> }
                })}
                {top.into_iter().map(|fit| view! { <PathCard fit words=words.clone() days /> }).collect_view()}
                {has_rest.then(|| view! {
                    <details class="other-paths">
                        <summary>{ui.other_paths}</summary>
                        <ol start="4">{ranked.clone()}</ol>
                    </details>
                    // A closed <details> hides its content from print too, so print has its own copy.
                    <div class="print-only">
                        <h3>{ui.other_paths}</h3>
                        <ol start="4">{ranked}</ol>
                    </div>
                })}
            </section>
        }
    });
    let support_section = (!support.is_empty()).then(|| {
        let words = words.clone();
        let first = report.support_first;
        view! {
            <section class="report-section paths support" aria-labelledby="support-title" data-group="support">
                <h2 id="support-title">{ui.support_title}</h2>
                <p class="support-intro">{if first { ui.support_first } else { ui.support_alongside }}</p>
                {support.into_iter().take(SHOWN_SUPPORT_PATHS).map(|fit| view! { <PathCard fit words=words.clone() days /> }).collect_view()}
            </section>
        }
    });
    // Said after both groups, so it shows whichever group is empty.
    let unranked = (!unranked.is_empty()).then(|| {
        view! {
            <p class="report-section unranked" id="unranked-paths">{fill(ui.unranked, &[("list", &unranked.join(", "))])}</p>
        }
    });
    if report.support_first {
        view! { {support_section} {build_section} {unranked} }.into_any()
    } else {
        view! { {build_section} {support_section} {unranked} }.into_any()
    }
}

#[component]
fn PathCard(fit: PathFit, words: Words, days: [u32; 3]) -> impl IntoView {
    let ui = expect_context::<Session>().report_ui();
    let Some(path) = words
        .survey
        .paths()
        .iter()
        .find(|p| p.id == fit.id)
        .cloned()
    else {
        return ().into_any();
    };
    let t = |text: &skillscope_engine::Text| {
        text.get(&words.lang, words.survey.default_lang())
            .to_string()
    };
    let evidence: Vec<(String, f64)> = fit
        .evidence
        .iter()
        .filter(|e| e.effect().abs() >= 0.5)
        .map(|e| {
            let text = match e {
                Evidence::Dimension {
                    id,
                    inverted: true,
                    effect,
                } if *effect > 0.0 => fill(ui.evidence_room, &[("dim", &words.dimension(id))]),
                Evidence::Dimension { id, .. } => words.dimension(id),
                Evidence::Entry { id, .. } => {
                    fill(ui.evidence_entry, &[("dim", &words.dimension(id))])
                }
                Evidence::Answer { boost, .. } => {
                    path.boost_reason(*boost).map(t).unwrap_or_default()
                }
            };
            (text, e.effect())
        })
        .collect();
    // A fit right at the middle has no answer that moved it; say so rather than list nothing.
    let no_evidence = evidence.is_empty();
    let gaps: Vec<String> = fit
        .gaps
        .iter()
        .map(|g| {
            let dim = words.dimension(&g.dimension);
            let level = words.level(&g.level);
            match &g.next_level {
                Some(next) => fill(
                    plural(ui.gap, g.points.ceil()),
                    &[
                        ("dim", &dim),
                        ("level", &level),
                        ("next", &words.level(next)),
                        ("n", &g.points.ceil()),
                    ],
                ),
                None => fill(ui.gap_top, &[("dim", &dim), ("level", &level)]),
            }
        })
        .collect();
    let (stage_id, stage_text) = match fit.stage {
        Stage::New => ("new", ui.plan_new),
        Stage::Experienced => ("experienced", ui.plan_experienced),
    };
    let title_id = format!("path-{}", fit.id);
    let labelled = title_id.clone();
    view! {
        <article class="path-card" aria-labelledby=labelled data-path=fit.id.clone()>
            <h3 id=title_id>{t(&path.title)}</h3>
            <p class="fit">
                <span class="fit-text">{fill(ui.fit, &[("n", &fit.fit.round())])}</span>
                {fit.tied.then(|| view! { <span class="tie">" · " {ui.tie}</span> })}
                <span class="meter" aria-hidden="true"><span class="meter-fill" style:inline-size=format!("{}%", fit.fit)></span></span>
            </p>
            <p class="for-whom">{t(&path.for_whom)}</p>
            <h4>{ui.why}</h4>
            <ul class="evidence">
                {evidence
                    .into_iter()
                    .map(|(text, effect)| {
                        let (sign, class) = if effect > 0.0 { ("+", "raised") } else { ("−", "lowered") };
                        view! {
                            <li class=class>
                                <span class="effect">{format!("{sign}{:.0}", effect.abs())}</span> " " {text}
                            </li>
                        }
                    })
                    .collect_view()}
                {no_evidence.then(|| view! { <li class="neutral">{ui.evidence_neutral}</li> })}
            </ul>
            <h4>{ui.gap_title}</h4>
            <ul class="gaps">{gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
            <h4>{ui.plan_title}</h4>
            <p class="plan-stage" data-stage=stage_id>{stage_text}</p>
            <ol class="plan">
                {path
                    .steps_for(fit.stage)
                    .phases()
                    .into_iter()
                    .zip(days)
                    .map(|((_, steps), day)| {
                        view! {
                            <li>
                                <strong>{fill(ui.by_day, &[("n", &day)])}</strong>
                                <ul>{steps.iter().map(|s| view! { <li>{t(s)}</li> }).collect_view()}</ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <h4>{ui.resources}</h4>
            <ul class="resources">
                {path
                    .resources
                    .iter()
                    .filter(|r| is_web_url(&r.url))
                    .map(|r| {
                        let publisher = r.publisher.as_ref().map(t);
                        let licence = r.licence.as_ref().map(t);
                        let why = r.why.as_ref().map(t);
                        view! {
                            <li>
                                <a href=r.url.clone() rel="noopener noreferrer" target="_blank">{t(&r.title)}</a>
                                {publisher.map(|p| view! { <span class="publisher">" · " {p}</span> })}
                                {licence.map(|l| view! { <span class="licence">" (" {l} ")"</span> })}
                                {why.map(|w| view! { <span class="why">" " {w}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {path.outsource_when.as_ref().map(|o| {
                view! {
                    <h4>{ui.outsource}</h4>
                    <p class="outsource">{t(o)}</p>
                }
            })}
        </article>
    }
    .into_any()
}
