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
    group.finish();
}

/// `n` different people's result links, one per line, as a lead would paste them.
fn team_links(survey: &skillscope_engine::Survey, n: usize) -> String {
    let dimensions: Vec<String> = survey
        .definition()
        .dimensions
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let levels = survey.levels().len();
    // A fixed linear congruential sequence: the same team on every run, without a dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    while seen.len() < n {
        let persona = Persona {
            levels: dimensions
                .iter()
                .map(|d| (d.clone(), next() % levels))
                .collect(),
            default_level: next() % levels,
            knows: next() % 2 == 0,
            fixed: Answers::default(),
        };
        let code = encode(survey, &simulate(survey, &persona));
        if seen.insert(code.clone()) {
            out.push_str("https://example.org/skillscope/#r=");
            out.push_str(&code);
            out.push('\n');
        }
    }
    out
}

criterion_group!(benches, engine);
criterion_main!(benches);
