//! What to do about each dimension: the gaps to start with, and build, borrow or hold for every
//! dimension, those one person holds first.

use leptos::prelude::*;
use skillscope_engine::aggregate::{Advice, Start, TeamDimension, TeamSummary};

use crate::i18n::{fill, plural};
use crate::screens::report::Words;

#[component]
pub fn WhereToStart(summary: TeamSummary, words: Words) -> impl IntoView {
    let team = crate::i18n::team(&words.lang);
    let targeted = summary.dimensions.iter().any(|d| d.target.is_some());
    let starts = summary.where_to_start.clone();
    let body = if starts.is_empty() {
        view! { <p id="team-start-none">{if targeted { team.start_none_target } else { team.start_none }}</p> }
            .into_any()
    } else {
        view! {
            <ol id="team-start" class="team-start">
                {starts.iter().map(|s| start(s, &words)).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="team-section" id="team-where" aria-labelledby="team-where-title">
            <h2 id="team-where-title">{team.start_title}</h2>
            <p>{if targeted { team.start_intro_target } else { team.start_intro }}</p>
            {body}
        </section>
    }
}

fn start(s: &Start, words: &Words) -> impl IntoView {
    let team = crate::i18n::team(&words.lang);
    let strong = words.strength_level();
    let below = s.below_target.filter(|&n| n > 0).map(|n| {
        let text = fill(plural(team.below_target, n as f64), &[("n", &n)]);
        view! { <p class="below">{text}</p> }
    });
    let path = s.path.as_ref().map(|id| {
        let title = fill(team.path, &[("path", &words.path_title(id))]);
        let freelancer = (s.advice == Advice::Borrow)
            .then(|| words.outsource_when(id))
            .flatten()
            .map(|when| {
                view! { <p class="freelancer"><strong>{team.freelancer}</strong>" "{when}</p> }
            });
        view! { <p class="path">{title}</p>{freelancer} }
    });
    view! {
        <li data-id=s.dimension.clone() data-advice=s.advice.id()>
            <p class="start-head">
                <strong>{words.dimension(&s.dimension)}</strong>
                ": "
                <span class=format!("advice advice-{}", s.advice.id())>{team.advice_word(s.advice)}</span>
            </p>
            <p>{fill(team.reason(s.advice_reason), &[("level", &strong)])}</p>
            {below}
            {path}
        </li>
    }
}

#[component]
pub fn BuildBorrowHold(summary: TeamSummary, words: Words) -> impl IntoView {
    let team = crate::i18n::team(&words.lang);
    let strong = words.strength_level();
    let single = (!summary.single_expert.is_empty()).then(|| {
        let ids: Vec<&str> = summary.single_expert.iter().map(String::as_str).collect();
        let names = ids
            .iter()
            .map(|id| words.dimension(id))
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <p id="team-single" class="single-expert">
                <strong>{team.single_title}</strong>" "{names}
            </p>
        }
    });
    let rows = summary
        .by_risk()
        .into_iter()
        .map(|d| row(d, &words, &strong))
        .collect_view();
    view! {
        <section class="team-section" id="team-advice">
            <h2 id="team-advice-title">{team.advice_title}</h2>
            <p>{fill(team.advice_intro, &[("level", &strong)])}</p>
            {single}
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="team-advice-title">
                <table class="dimension-table team-table advice-table">
                    <thead>
                        <tr>
                            <th scope="col">{crate::i18n::report(&words.lang).col_dimension}</th>
                            <th scope="col">{fill(team.col_holders, &[("level", &strong)])}</th>
                            <th scope="col">{team.col_advice}</th>
                            <th scope="col">{team.col_why}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn row(d: &TeamDimension, words: &Words, strong: &str) -> impl IntoView {
    let team = crate::i18n::team(&words.lang);
    let (advice, why) = match (d.advice, d.advice_reason) {
        (Some(a), Some(r)) => (
            Some(a),
            fill(team.reason(r), &[("level", &strong.to_string())]),
        ),
        _ => (None, team.not_assessed.to_string()),
    };
    let word = advice.map_or("–", |a| team.advice_word(a));
    view! {
        <tr
            data-id=d.id.clone()
            data-advice=advice.map(|a| a.id())
            data-risk=d.risk.map(|r| r.id())
        >
            <th scope="row">{words.dimension(&d.id)}</th>
            <td>{d.experts}</td>
            <td><span class=advice.map(|a| format!("advice advice-{}", a.id()))>{word}</span></td>
            <td>{why}</td>
        </tr>
    }
}
