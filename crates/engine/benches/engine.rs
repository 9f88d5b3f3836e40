//! What the app does on a person's device: read the survey, score the answers, make and read a
//! result link. Run with `make bench` (`cargo bench -p skillscope-engine`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
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
}

criterion_group!(benches, engine);
criterion_main!(benches);
