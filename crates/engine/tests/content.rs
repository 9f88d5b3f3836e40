//! The built-in survey's content: complete in English, German and Spanish, the same survey in
//! every language, the size and shape the brief asks for, and a completion time that matches
//! what the start page promises.

use std::collections::BTreeSet;

use serde_json::Value;
use skillscope_engine::{builtin, validate, Answers, Kind, Survey};

const LANGS: [&str; 3] = ["en", "de", "es"];

/// Every place a definition holds a text, as a path pattern (`[]` stands for any array index).
/// These are the `Text` fields of `skillscope_engine::format`.
const TEXT_FIELDS: &[&str] = &[
    ".title",
    ".intro",
    ".levels[].name",
    ".levels[].meaning",
    ".groups[].name",
    ".dimensions[].name",
    ".dimensions[].description",
    ".sections[].title",
    ".sections[].intro",
    ".sections[].questions[].text",
    ".sections[].questions[].help",
    ".sections[].questions[].unit",
    ".sections[].questions[].labels[]",
    ".sections[].questions[].options[].text",
    ".paths[].title",
    ".paths[].for_whom",
    ".paths[].outsource_when",
    ".paths[].fit.boosts[].because",
    ".paths[].steps.30[]",
    ".paths[].steps.60[]",
    ".paths[].steps.90[]",
    ".paths[].steps_experienced.30[]",
    ".paths[].steps_experienced.60[]",
    ".paths[].steps_experienced.90[]",
    ".paths[].resources[].publisher",
    ".paths[].resources[].title",
    ".paths[].resources[].licence",
    ".paths[].resources[].why",
    ".theme.organisation",
    ".theme.intro",
    ".theme.logo.alt",
];

/// Texts that may be one plain string for every language: the names of outside works and their
/// publishers (which are not translated), and units such as "h".
const LANGUAGE_NEUTRAL: &[&str] = &[
    ".paths[].resources[].publisher",
    ".paths[].resources[].title",
    ".sections[].questions[].unit",
];

/// The fixed path ids the report, the docs and the app refer to.
const PATH_IDS: [&str; 13] = [
    "ai-modeling",
    "data-annotation",
    "data-extraction",
    "data-mining",
    "data-quality",
    "ai-workflow",
    "career-coaching",
    "learning-to-learn",
    "become-coach",
    "training-development",
    "prompt-engineering",
    "responsible-ai",
    "ai-foundations",
];

/// Reading speed and answering time of the completion-time estimate.
const WORDS_PER_MINUTE: f64 = 200.0;
const SECONDS_PER_ANSWER: f64 = 4.0;

fn raw() -> Value {
    serde_json::from_str(builtin::AI_READINESS_JSON).expect("the built-in survey is JSON")
}

fn survey() -> Survey {
    builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey validates")
}

/// Calls `f(pattern, path, text)` for every text in `v`; `strays` collects objects that look
/// like a text (only language keys) but sit where no text belongs.
fn for_each_text<'a>(
    v: &'a Value,
    pattern: &str,
    at: &str,
    f: &mut dyn FnMut(&str, &str, &'a Value),
    strays: &mut Vec<String>,
) {
    if TEXT_FIELDS.contains(&pattern) {
        f(pattern, at, v);
        return;
    }
    match v {
        Value::Object(map) => {
            if !map.is_empty() && map.keys().all(|k| LANGS.contains(&k.as_str())) {
                strays.push(at.to_string());
            }
            for (k, x) in map {
                for_each_text(
                    x,
                    &format!("{pattern}.{k}"),
                    &format!("{at}.{k}"),
                    f,
                    strays,
                );
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                for_each_text(x, &format!("{pattern}[]"), &format!("{at}[{i}]"), f, strays);
            }
        }
        _ => {}
    }
}

/// Replaces every text in `v` by `f(text)`.
fn map_texts(v: &mut Value, pattern: &str, f: &dyn Fn(&Value) -> Value) {
    if TEXT_FIELDS.contains(&pattern) {
        *v = f(v);
        return;
    }
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                map_texts(x, &format!("{pattern}.{k}"), f);
            }
        }
        Value::Array(items) => {
            for x in items {
                map_texts(x, &format!("{pattern}[]"), f);
            }
        }
        _ => {}
    }
}

/// The definition as one language would see it: every text a plain string in `lang`.
fn localised(lang: &str) -> Value {
    let mut v = raw();
    map_texts(&mut v, "", &|t| match t {
        Value::Object(map) => map.get(lang).cloned().unwrap_or(Value::Null),
        other => other.clone(),
    });
    v
}

/// A validated definition with every text blanked out: ids, kinds, levels, weights, conditions,
/// rules and links, nothing in any language.
fn structure(survey: &Survey) -> Value {
    let mut v = serde_json::to_value(survey.definition()).expect("a definition serialises");
    map_texts(&mut v, "", &|_| Value::Null);
    v
}

#[test]
fn every_text_has_english_german_and_spanish() {
    let v = raw();
    let mut problems = Vec::new();
    let mut strays = Vec::new();
    let mut count = 0;
    for_each_text(
        &v,
        "",
        "",
        &mut |pattern, at, text| {
            count += 1;
            match text {
                Value::String(s) if LANGUAGE_NEUTRAL.contains(&pattern) => {
                    if s.trim().is_empty() {
                        problems.push(format!("{at}: empty"));
                    }
                }
                Value::Object(map) => {
                    let keys: BTreeSet<&str> = map.keys().map(String::as_str).collect();
                    if keys != BTreeSet::from(LANGS) {
                        problems.push(format!("{at}: languages {keys:?}, expected en, de, es"));
                    }
                    for (lang, s) in map {
                        match s.as_str() {
                            Some(s) if !s.trim().is_empty() => {}
                            _ => problems.push(format!("{at}.{lang}: empty or not a string")),
                        }
                    }
                    // A text identical in two languages was usually never translated.
                    let en = map.get("en").and_then(Value::as_str).unwrap_or("");
                    for lang in ["de", "es"] {
                        if en.split_whitespace().count() >= 3
                            && map.get(lang).and_then(Value::as_str) == Some(en)
                        {
                            problems.push(format!("{at}.{lang}: same as English"));
                        }
                    }
                }
                other => problems.push(format!(
                    "{at}: expected an object of en, de, es, found {other}"
                )),
            }
        },
        &mut strays,
    );
    assert!(count > 500, "only {count} texts found; is the walk broken?");
    assert_eq!(
        strays,
        Vec::<String>::new(),
        "language objects outside text fields"
    );
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn every_language_has_the_same_questions_and_structure() {
    let reference = structure(&survey());
    for lang in LANGS {
        let json = serde_json::to_vec(&localised(lang)).unwrap();
        let survey = match validate(&json) {
            Ok(s) => s,
            Err(errors) => panic!("the {lang} survey does not validate: {errors:#?}"),
        };
        assert_eq!(
            structure(&survey),
            reference,
            "the {lang} survey differs in more than its texts"
        );
        // Within a question, the options must read differently in every language.
        for q in survey.questions() {
            let mut seen = BTreeSet::new();
            for o in &q.options {
                let text = o.text.get(lang, "en").trim().to_lowercase();
                assert!(
                    seen.insert(text),
                    "{lang}: two options of {} read the same",
                    q.id
                );
            }
        }
    }
}

#[test]
fn the_survey_has_the_size_and_shape_the_brief_asks_for() {
    let survey = survey();
    let def = survey.definition();
    let questions: Vec<_> = survey.questions().collect();

    let anchored: Vec<_> = questions
        .iter()
        .filter(|q| q.kind == Kind::Anchored)
        .collect();
    assert!(
        anchored.len() >= 45,
        "{} anchored items, expected at least 45",
        anchored.len()
    );
    for dim in &def.dimensions {
        // Unconditional items only: every respondent must get a reportable score.
        let n = anchored
            .iter()
            .filter(|q| q.show_if.is_none() && q.weights.contains_key(&dim.id))
            .count();
        assert!(n >= 3, "{}: {n} anchored items asked of everyone", dim.id);
    }

    for dim in &def.dimensions {
        let checks: Vec<_> = questions
            .iter()
            .filter(|q| q.kind == Kind::Knowledge && q.dimension.as_deref() == Some(&dim.id))
            .collect();
        assert!(
            checks.len() >= 2,
            "{}: {} knowledge checks",
            dim.id,
            checks.len()
        );
        // One check is asked of everyone; the others only of people who claim the strength
        // level, who are the ones a check can catch overclaiming.
        assert_eq!(
            checks.iter().filter(|q| q.show_if.is_none()).count(),
            1,
            "{}: one unconditional check",
            dim.id
        );
        for q in &checks {
            assert!(
                q.options.len() >= 3,
                "{}: {} options",
                q.id,
                q.options.len()
            );
            assert_eq!(
                q.options.iter().filter(|o| o.correct).count(),
                1,
                "{}: one keyed answer",
                q.id
            );
            let en: Vec<String> = q
                .options
                .iter()
                .map(|o| o.text.get("en", "en").to_lowercase())
                .collect();
            assert!(
                !en.iter()
                    .any(|t| ["true", "false", "yes", "no"].contains(&t.trim_end_matches('.'))),
                "{}: true/false options",
                q.id
            );
            // The keyed answer must not give itself away by being much the longest.
            let keyed = q.options.iter().position(|o| o.correct).unwrap();
            let longest_distractor = en
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != keyed)
                .map(|(_, t)| t.len())
                .max()
                .unwrap_or(0);
            assert!(
                en[keyed].len() as f64 <= longest_distractor as f64 * 1.25,
                "{}: the keyed answer is much the longest",
                q.id
            );
        }
    }

    for id in ["role", "hours", "goal"] {
        let q = survey
            .question(id)
            .unwrap_or_else(|| panic!("no {id} question"));
        assert_eq!(q.kind, Kind::Context, "{id}");
    }
    assert!(survey.question("hours").unwrap().is_numeric());
    assert_eq!(
        def.pacing.as_ref().map(|p| p.question.as_str()),
        Some("hours")
    );
    assert!(
        questions.iter().any(|q| q.show_if.is_some()),
        "no conditional question"
    );

    let ids: BTreeSet<&str> = def.paths.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(def.paths.len(), PATH_IDS.len());
    assert_eq!(ids, BTreeSet::from(PATH_IDS));
    for p in &def.paths {
        let experienced = p
            .steps_experienced
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no plan for the experienced", p.id));
        assert_ne!(
            &p.steps, experienced,
            "{}: the two plans are the same",
            p.id
        );
        for (days, steps) in p.steps.phases().into_iter().chain(experienced.phases()) {
            assert_eq!(
                steps.len(),
                3,
                "{}: {} steps by day {days}",
                p.id,
                steps.len()
            );
        }
        assert!(
            (3..=5).contains(&p.resources.len()),
            "{}: {} resources",
            p.id,
            p.resources.len()
        );
        assert!(p.outsource_when.is_some(), "{}: no outsource_when", p.id);
    }
}

/// What a typical respondent (not a people lead) reads and answers, in English.
struct Estimate {
    words: usize,
    answered: usize,
}

impl Estimate {
    fn minutes(&self) -> f64 {
        self.words as f64 / WORDS_PER_MINUTE + self.answered as f64 * SECONDS_PER_ANSWER / 60.0
    }
}

fn estimate() -> Estimate {
    estimate_for(r#"{"role": "ic", "goal": "keep-up", "hours": 4}"#)
}

/// The estimate for a person whose answers so far are `answers`: what they are shown depends on
/// their role and on the levels they claim (second knowledge checks).
fn estimate_for(answers: &str) -> Estimate {
    let survey = survey();
    let def = survey.definition();
    let words = |t: &skillscope_engine::Text| t.get("en", "en").split_whitespace().count();
    let answers = Answers::from_json(answers).unwrap();
    let visible = survey.visible(&answers);

    let mut total = words(&def.title) + words(&def.intro);
    let mut sections = BTreeSet::new();
    let mut answered = 0;
    for &i in &visible {
        let q = survey.question_at(i).unwrap();
        if sections.insert(survey.section_of(i).unwrap()) {
            let section = &def.sections[survey.section_of(i).unwrap()];
            total += words(&section.title) + section.intro.as_ref().map_or(0, words);
        }
        total += words(&q.text);
        total += q.help.as_ref().map_or(0, words);
        total += q.unit.as_ref().map_or(0, words);
        total += q.labels.iter().map(words).sum::<usize>();
        total += q.options.iter().map(|o| words(&o.text)).sum::<usize>();
        if q.kind != Kind::Text {
            answered += 1;
        }
    }
    Estimate {
        words: total,
        answered,
    }
}

/// Prints the estimate (`cargo test --test content -- --nocapture` shows it).
#[test]
fn completion_time_estimate() {
    let e = estimate();
    let minutes = e.minutes();
    eprintln!(
        "estimated completion time: {minutes:.1} min ({} English words at {WORDS_PER_MINUTE} wpm \
         = {:.1} min, plus {} answers at {SECONDS_PER_ANSWER} s = {:.1} min)",
        e.words,
        e.words as f64 / WORDS_PER_MINUTE,
        e.answered,
        e.answered as f64 * SECONDS_PER_ANSWER / 60.0
    );
    assert!(
        minutes >= 10.0,
        "estimated {minutes:.1} minutes, expected at least 10"
    );
}

/// The shortest run (an individual contributor claiming little, so no second checks) and the
/// longest (a people lead claiming the top level everywhere, so every conditional question).
#[test]
fn completion_time_of_the_shortest_and_longest_runs() {
    let survey = survey();
    let mut longest = serde_json::Map::new();
    longest.insert("role".into(), "lead".into());
    longest.insert("goal".into(), "deepen".into());
    longest.insert("hours".into(), 4.into());
    let mut shortest = longest.clone();
    shortest.insert("role".into(), "ic".into());
    for q in survey.questions().filter(|q| q.kind == Kind::Anchored) {
        let top = q.options.last().unwrap().id.clone();
        let bottom = q.options.first().unwrap().id.clone();
        longest.insert(q.id.clone(), top.into());
        shortest.insert(q.id.clone(), bottom.into());
    }
    let short = estimate_for(&Value::Object(shortest).to_string());
    let long = estimate_for(&Value::Object(longest).to_string());
    eprintln!(
        "shortest run: {:.1} min ({} answers), longest run: {:.1} min ({} answers)",
        short.minutes(),
        short.answered,
        long.minutes(),
        long.answered
    );
    assert!(short.minutes() <= estimate().minutes());
    assert!(long.minutes() > estimate().minutes());
    assert!(
        long.minutes() <= 20.0,
        "the longest run takes {:.1} min",
        long.minutes()
    );
}

/// The start page promises 12–15 minutes (`"minutes": 14`); the estimate must stay within that
/// promise's upper end.
#[test]
fn completion_time_is_at_most_15_minutes() {
    let minutes = estimate().minutes();
    assert!(
        (10.0..=15.0).contains(&minutes),
        "estimated {minutes:.1} minutes, expected 10 to 15"
    );
}
