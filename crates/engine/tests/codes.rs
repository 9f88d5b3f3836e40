//! Result codes round-trip, stay short, and refuse anything damaged or foreign with a specific
//! error.

mod common;

use common::{any_answers, sample, sample_with};
use proptest::prelude::*;
use serde_json::json;
use skillscope_engine::code::{decode, encode, CodeError};
use skillscope_engine::{report, validate, Answer, Answers, Timing};

fn full_answers() -> Answers {
    [
        ("role", Answer::Str("lead".into())),
        ("hours", Answer::Number(7.0)),
        ("lit-1", Answer::Str("d".into())),
        ("lit-2", Answer::Number(4.0)),
        ("ann-1", Answer::Str("c".into())),
        ("ann-k", Answer::Str("false".into())),
        ("agi-1", Answer::List(vec!["a".into(), "c".into()])),
        ("agi-2", Answer::Number(3.0)),
        ("agi-lead", Answer::Str("e".into())),
        ("note", Answer::Str("private thoughts".into())),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[test]
fn round_trips_and_leaves_out_free_text() {
    let survey = sample();
    let a = full_answers();
    let code = encode(&survey, &a);
    assert!(code.len() <= 20, "{code}");
    assert!(code
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let back = decode(&survey, &code).unwrap();
    assert_eq!(back.get("note"), None);
    let mut without_text = a.clone();
    without_text.remove("note");
    assert_eq!(back, without_text);
    assert_eq!(
        report(&survey, &back, Timing::default()),
        report(&survey, &a, Timing::default())
    );
}

#[test]
fn every_truncation_and_bit_flip_is_refused() {
    let survey = sample();
    let code = encode(&survey, &full_answers());
    for len in 0..code.len() {
        assert!(decode(&survey, &code[..len]).is_err(), "truncated to {len}");
    }
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for i in 0..code.len() {
        for c in ALPHABET.chars() {
            let mut damaged: Vec<char> = code.chars().collect();
            if damaged[i] == c {
                continue;
            }
            damaged[i] = c;
            let damaged: String = damaged.into_iter().collect();
            assert!(decode(&survey, &damaged).is_err(), "{damaged} decoded");
        }
    }
}

#[test]
fn foreign_and_garbage_codes_get_specific_errors() {
    let survey = sample();
    let code = encode(&survey, &full_answers());
    let v2 = validate(sample_with(|v| v["version"] = json!("2")).as_bytes()).unwrap();
    assert_eq!(decode(&v2, &code), Err(CodeError::OtherSurvey));
    assert!(CodeError::OtherSurvey
        .to_string()
        .contains("another survey, or another version of this one"));
    assert_eq!(decode(&survey, ""), Err(CodeError::Empty));
    assert_eq!(
        decode(&survey, "abc!def"),
        Err(CodeError::NotBase64 { position: 3 })
    );
    assert_eq!(decode(&survey, &"A".repeat(600)), Err(CodeError::TooLong));
    assert!(decode(&survey, &(code.clone() + "AAAA")).is_err());
}

proptest! {
    #[test]
    fn encode_decode_round_trips(a in any_answers(&sample())) {
        let survey = sample();
        let code = encode(&survey, &a);
        let back = decode(&survey, &code).unwrap();
        let visible = survey.visible_answers(&a);
        let mut expected = visible.clone();
        expected.remove("note");
        prop_assert_eq!(&back, &expected);
        prop_assert_eq!(report(&survey, &back, Timing::default()), report(&survey, &a, Timing::default()));
    }

    #[test]
    fn decoding_anything_never_panics(s in "\\PC{0,80}") {
        let _ = decode(&sample(), &s);
    }
}
