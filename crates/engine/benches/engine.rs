//! What the app does on a person's device: read the survey, score the answers, make and read a
//! result link. Run with `make bench` (`cargo bench -p skillscope-engine`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use skillscope_engine::aggregate::{Options, Tally};
use skillscope_engine::code::{decode, encode};
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{builtin, report, validate, Answers, Timing};

fn engine(c: &mut Criterion) {
    let json = builtin::AI_READINESS_JSON.as_bytes();
    let survey = builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey is valid");
    // A lead at the middle level: every question is shown, including the lead-only ones.
    let persona = Persona {
        default_level: 2,
        knows: true,
        fixed: Answers::from_json(r#"{"role": "lead"}"#).expect("valid answers"),
        ..Persona::default()
    };
    let answers = simulate(&survey, &persona);
    let code = encode(&survey, &answers);
    assert_eq!(decode(&survey, &code).as_ref(), Ok(&answers));

    c.bench_function("validate built-in definition", |b| {
        b.iter(|| validate(black_box(json)).is_ok())
    });
    c.bench_function("report for a simulated persona", |b| {
        b.iter(|| report(&survey, black_box(&answers), Timing::default()))
    });
    c.bench_function("encode result code", |b| {
        b.iter(|| encode(&survey, black_box(&answers)))
    });
    c.bench_function("decode result code", |b| {
        b.iter(|| decode(&survey, black_box(&code)))
    });

    let pasted = team_links(&survey, 10_000);
    let mut group = c.benchmark_group("team");
    group.sample_size(10);
    group.bench_function("summarise 10,000 pasted result links", |b| {
        b.iter(|| {
            let mut tally = Tally::default();
            for (i, line) in black_box(&pasted).lines().enumerate() {
                let _ = tally.read(&survey, i + 1, line);
            }
            assert_eq!(tally.len(), 10_000);
            tally.summary(&survey, &Options::default()).expect("a team")
        })
    });
    let mut read = Tally::default();
    for (i, line) in pasted.lines().enumerate() {
        let _ = read.read(&survey, i + 1, line);
    }
    group.bench_function(
        "summary of 10,000 people already read (a new target)",
        |b| b.iter(|| read.summary(&survey, black_box(&Options::default()))),
    );
    group.finish();
}

/// `n` different people's result links, one per line, as a lead would paste them.
fn team_links(survey: &skillscope_engine::Survey, n: usize) -> String {
    skillscope_engine::simulate::team(survey, n, 1)
        .iter()
        .map(|a| format!("https://example.org/skillscope/#r={}\n", encode(survey, a)))
        .collect()
}

criterion_group!(benches, engine);
criterion_main!(benches);
