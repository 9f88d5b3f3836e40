//! A deterministic corpus of damaged result codes for the built-in survey.
//!
//! Real codes come from `simulate` → `code::encode` for several personas; every one is then
//! damaged in the ways a link gets damaged in the wild (cut short, mistyped, bit rot, pasted
//! with junk, made for another version of the survey, made for another survey altogether).
//! Each damaged code must give a specific [`CodeError`] whose message is one of the known ones,
//! never a panic, and never answers other than those the code itself stands for: `decode` may
//! only succeed when the answers encode back to exactly the code that was decoded.

mod common;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use skillscope_engine::code::{decode, encode, CodeError, MAX_CODE_LEN};
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{builtin, validate, Answers, Survey};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// What a damaged code must give.
enum Expect {
    /// Exactly this error.
    Is(CodeError),
    /// One of these errors.
    OneOf(&'static [CodeError]),
    /// One of these errors, or answers that encode back to exactly the decoded code (a damage
    /// that happens to land on another real code cannot be told apart from that code).
    ErrOrCanonical(&'static [CodeError]),
}

const SHORT: &[CodeError] = &[CodeError::WrongLength, CodeError::Damaged];
const DAMAGED: &[CodeError] = &[CodeError::Damaged];
/// Every error a code of the right alphabet and a sane length can give.
const ANY_DECODED: &[CodeError] = &[
    CodeError::WrongLength,
    CodeError::Damaged,
    CodeError::OtherSurvey,
    CodeError::UnknownVersion(0),
];

struct Case {
    class: &'static str,
    code: String,
    expect: Expect,
}

fn builtin_survey() -> Survey {
    builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey validates")
}

/// The built-in survey with another `version`: same questions, so only the fingerprint differs.
fn builtin_with_version(version: &str) -> Survey {
    let mut def: serde_json::Value =
        serde_json::from_str(builtin::AI_READINESS_JSON).expect("the built-in survey is JSON");
    assert_ne!(
        def["version"], version,
        "another version than the built-in one"
    );
    def["version"] = serde_json::Value::String(version.into());
    validate(def.to_string().as_bytes()).expect("a new version number keeps it valid")
}

fn answers(json: &str) -> Answers {
    Answers::from_json(json).expect("fixed answers are JSON")
}

/// Recognisable people, from nobody-answered-anything to a guide in everything.
fn personas() -> Vec<(&'static str, Persona)> {
    let levels = |pairs: &[(&str, usize)]| -> BTreeMap<String, usize> {
        pairs.iter().map(|&(d, l)| (d.to_string(), l)).collect()
    };
    vec![
        (
            "beginner",
            Persona {
                levels: BTreeMap::new(),
                default_level: 0,
                knows: false,
                fixed: answers(r#"{"role": "ic", "hours": 0, "goal": "keep-up"}"#),
            },
        ),
        (
            "guide-lead",
            Persona {
                levels: BTreeMap::new(),
                default_level: 4,
                knows: true,
                fixed: answers(r#"{"role": "lead", "hours": 20, "goal": "deepen"}"#),
            },
        ),
        (
            "annotator",
            Persona {
                levels: levels(&[("data-annotation", 4), ("data-quality", 3), ("coaching", 1)]),
                default_level: 2,
                knows: true,
                fixed: answers(r#"{"role": "lead", "goal": "deepen", "hours": 5}"#),
            },
        ),
        (
            "student",
            Persona {
                levels: levels(&[("ai-literacy", 2), ("prompting", 3)]),
                default_level: 1,
                knows: true,
                fixed: answers(r#"{"role": "student", "hours": 2, "goal": "move-into-ai"}"#),
            },
        ),
        (
            "people-developer",
            Persona {
                levels: levels(&[
                    ("coaching", 4),
                    ("training-development", 4),
                    ("ai-modeling", 0),
                ]),
                default_level: 3,
                knows: false,
                fixed: answers(r#"{"role": "ld-hr", "hours": 10, "goal": "coach-others"}"#),
            },
        ),
        (
            "freelancer",
            Persona {
                levels: levels(&[("data-extraction", 4), ("data-mining", 3)]),
                default_level: 2,
                knows: false,
                fixed: answers(r#"{"role": "freelancer", "hours": 7, "goal": "deepen"}"#),
            },
        ),
    ]
}

/// Answer sets for `survey`: one per persona, half of the annotator's answers, and none at all.
/// Real codes of another survey, whole (the specific "other survey" error) and cut short.
fn foreign_codes(
    survey: &Survey,
    (whole, cut): (&'static str, &'static str),
    cases: &mut Vec<Case>,
) {
    for (name, a) in answer_sets(survey) {
        let code = encode(survey, &a);
        assert!(
            decode(survey, &code).is_ok(),
            "{name}: {whole} code reads in its own survey"
        );
        cases.push(Case {
            class: whole,
            code: code.clone(),
            expect: Expect::Is(CodeError::OtherSurvey),
        });
        for len in 1..code.len() {
            cases.push(Case {
                class: cut,
                code: code[..len].to_string(),
                expect: Expect::OneOf(SHORT),
            });
        }
    }
}

fn answer_sets(survey: &Survey) -> Vec<(String, Answers)> {
    let mut sets: Vec<(String, Answers)> = personas()
        .into_iter()
        .map(|(name, p)| (name.to_string(), simulate(survey, &p)))
        .collect();
    let mut half = sets[2].1.clone();
    let ids: Vec<String> = half.iter().map(|(id, _)| id.to_string()).collect();
    for id in ids.iter().skip(1).step_by(2) {
        half.remove(id);
    }
    sets.push(("half-answered".into(), half));
    sets.push(("unanswered".into(), Answers::new()));
    sets
}

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes one of our own, known-good codes.
fn base64url_decode(code: &str) -> Vec<u8> {
    let sextets: Vec<u32> = code
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).expect("a real code") as u32)
        .collect();
    let mut out = Vec::new();
    for chunk in sextets.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &s)| n | s << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// CRC-16/CCITT-FALSE, as the code format uses.
fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for &b in bytes {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// `bytes` with its last two bytes replaced by the right checksum: a forgery, not damage.
fn with_fixed_crc(mut bytes: Vec<u8>) -> Vec<u8> {
    let body = bytes.len() - 2;
    let crc = crc16(&bytes[..body]);
    bytes[body..].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// The exact words of each error; `None` for an error this test does not know, which fails it.
fn known_message(e: &CodeError) -> Option<String> {
    Some(match e {
        CodeError::Empty => "the result code is empty".into(),
        CodeError::TooLong => format!(
            "the result code is longer than {MAX_CODE_LEN} characters, so it is not one of ours"
        ),
        CodeError::NotBase64 { position } => format!(
            "the result code has a character that does not belong in it (at position {})",
            position + 1
        ),
        CodeError::UnknownVersion(v) => format!(
            "the result code was made by a different version of Skillscope (code format {v})"
        ),
        CodeError::OtherSurvey => {
            "this link was made for another survey, or another version of this one".into()
        }
        CodeError::WrongLength => {
            "the result code is cut short or has extra characters; copy the whole link again".into()
        }
        CodeError::Damaged => "the result code is damaged; copy the whole link again".into(),
        _ => return None,
    })
}

/// Whether `e` is in `list`, treating `UnknownVersion(_)` in the list as any version.
fn listed(list: &[CodeError], e: &CodeError) -> bool {
    list.iter().any(|l| match (l, e) {
        (CodeError::UnknownVersion(_), CodeError::UnknownVersion(_)) => true,
        _ => l == e,
    })
}

/// Decodes `case.code` and says what is wrong with the outcome, if anything.
fn judge(survey: &Survey, case: &Case) -> Result<bool, String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| decode(survey, &case.code)))
        .map_err(|_| "decode panicked".to_string())?;
    match outcome {
        Ok(answers) => {
            let again = encode(survey, &answers);
            if again != case.code.trim() {
                return Err(format!(
                    "decoded to answers that encode to {again:?}, not to the code itself"
                ));
            }
            match case.expect {
                Expect::ErrOrCanonical(_) => Ok(true),
                _ => Err(format!("decoded to {answers:?} instead of failing")),
            }
        }
        Err(e) => {
            let Some(expected_message) = known_message(&e) else {
                return Err(format!("an error this test does not know: {e:?}"));
            };
            if e.to_string() != expected_message {
                return Err(format!("{e:?} reads {:?}", e.to_string()));
            }
            let fits = match &case.expect {
                Expect::Is(want) => &e == want,
                Expect::OneOf(list) | Expect::ErrOrCanonical(list) => listed(list, &e),
            };
            if fits {
                Ok(false)
            } else {
                Err(format!("{e:?} ({e})"))
            }
        }
    }
}

/// Characters that never belong in a code, whatever their position.
const FOREIGN: &[char] = &[
    '+', '/', '=', '.', ',', '!', '~', '%', '#', '&', '?', '*', '"', '\'', '\\', '\0', '\u{7f}',
    'é', 'ß', 'А', '€', '😀', '\u{feff}', '\u{200b}', '\u{301}',
];
/// Whitespace, which is trimmed at the ends but does not belong inside a code.
const INNER_ONLY: &[char] = &[' ', '\t', '\n', '\r', '\u{a0}', '\u{3000}'];

/// Every kind of damage to one real code.
fn damage(code: &str, cases: &mut Vec<Case>) {
    let n = code.len();

    // Cut short anywhere.
    for len in 0..n {
        let expect = if len == 0 {
            Expect::Is(CodeError::Empty)
        } else {
            Expect::OneOf(SHORT)
        };
        cases.push(Case {
            class: "truncated",
            code: code[..len].to_string(),
            expect,
        });
    }
    // Cut at the front, as when a link is pasted without its first characters.
    for start in 1..n {
        cases.push(Case {
            class: "front cut",
            code: code[start..].to_string(),
            expect: Expect::OneOf(ANY_DECODED),
        });
    }

    // Every single-character typo. A checksum catches any burst of up to 16 bits, so each is
    // damaged; should one ever land on another real code, it must be exactly that code.
    for i in 0..n {
        for &c in ALPHABET {
            if code.as_bytes()[i] == c {
                continue;
            }
            let mut typo = code.as_bytes().to_vec();
            typo[i] = c;
            cases.push(Case {
                class: "substitution",
                code: String::from_utf8(typo).unwrap(),
                expect: Expect::ErrOrCanonical(DAMAGED),
            });
        }
    }
    // Neighbours swapped.
    for i in 0..n - 1 {
        let mut swapped = code.as_bytes().to_vec();
        if swapped[i] == swapped[i + 1] {
            continue;
        }
        swapped.swap(i, i + 1);
        cases.push(Case {
            class: "transposition",
            code: String::from_utf8(swapped).unwrap(),
            expect: Expect::ErrOrCanonical(DAMAGED),
        });
    }
    // Case lost, as some chat apps and URL handlers do.
    for changed in [code.to_ascii_lowercase(), code.to_ascii_uppercase()] {
        if changed != code {
            cases.push(Case {
                class: "case changed",
                code: changed,
                expect: Expect::ErrOrCanonical(ANY_DECODED),
            });
        }
    }

    // Every single-bit flip of the bytes, re-encoded.
    let bytes = base64url_decode(code);
    assert_eq!(
        bytes[bytes.len() - 2..],
        crc16(&bytes[..bytes.len() - 2]).to_be_bytes(),
        "the test's checksum matches the code's"
    );
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut flipped = bytes.clone();
            flipped[i] ^= 1 << bit;
            cases.push(Case {
                class: "bit flip",
                code: base64url_encode(&flipped),
                expect: Expect::Is(CodeError::Damaged),
            });
            // The same flip with the checksum made to agree: a forgery. In the version byte
            // it is a future format, in the fingerprint another survey, in the answers either
            // damage or a different real code.
            let forged = with_fixed_crc(flipped);
            let expect = match i {
                0 => Expect::Is(CodeError::UnknownVersion(forged[0])),
                1 | 2 => Expect::Is(CodeError::OtherSurvey),
                _ if i >= bytes.len() - 2 => continue,
                _ => Expect::ErrOrCanonical(DAMAGED),
            };
            cases.push(Case {
                class: "forged bit flip",
                code: base64url_encode(&forged),
                expect,
            });
        }
    }

    // Another version byte, with and without a checksum that agrees.
    for v in [0u8, 2, 3, 9, 0x7f, 0x80, 0xfe, 0xff] {
        let mut other = bytes.clone();
        other[0] = v;
        cases.push(Case {
            class: "wrong version byte",
            code: base64url_encode(&other),
            expect: Expect::Is(CodeError::Damaged),
        });
        cases.push(Case {
            class: "wrong version byte",
            code: base64url_encode(&with_fixed_crc(other)),
            expect: Expect::Is(CodeError::UnknownVersion(v)),
        });
    }

    // Characters that are not base64url, in place of one or added.
    let mid = n / 2;
    for &c in FOREIGN {
        for at in [0, 1, mid, n - 1] {
            let mut s = code.to_string();
            s.replace_range(at..=at, c.encode_utf8(&mut [0; 4]));
            cases.push(Case {
                class: "not base64",
                code: s,
                expect: Expect::Is(CodeError::NotBase64 { position: at }),
            });
        }
        for at in [0, mid, n] {
            let mut s = code.to_string();
            s.insert(at, c);
            cases.push(Case {
                class: "not base64",
                code: s,
                expect: Expect::Is(CodeError::NotBase64 { position: at }),
            });
        }
    }
    for &c in INNER_ONLY {
        for at in [1, mid, n - 1] {
            let mut s = code.to_string();
            s.insert(at, c);
            cases.push(Case {
                class: "not base64",
                code: s,
                expect: Expect::Is(CodeError::NotBase64 { position: at }),
            });
        }
    }
    cases.push(Case {
        class: "not base64",
        code: format!("{code}=="),
        expect: Expect::Is(CodeError::NotBase64 { position: n }),
    });
    cases.push(Case {
        class: "not base64",
        code: format!("#r={code}"),
        expect: Expect::Is(CodeError::NotBase64 { position: 0 }),
    });
    // Standard base64 instead of base64url.
    let standard = code.replace('-', "+").replace('_', "/");
    if standard != code {
        let position = standard.find(['+', '/']).unwrap();
        cases.push(Case {
            class: "not base64",
            code: standard,
            expect: Expect::Is(CodeError::NotBase64 { position }),
        });
    }

    // Extra characters of the right alphabet.
    for extra in ["A", "AA", "AAA", "AAAA", "AAAAAAAA", "_", "--"] {
        cases.push(Case {
            class: "extra characters",
            code: format!("{code}{extra}"),
            expect: Expect::OneOf(SHORT),
        });
    }
    cases.push(Case {
        class: "extra characters",
        code: format!("{code}{code}"),
        expect: Expect::OneOf(SHORT),
    });

    // Enormous: the length limit comes before anything else, even the alphabet.
    for huge in [
        code.repeat(10_000 / n + 1),
        format!("{code}{}", "A".repeat(10_000)),
        format!("{}{code}", "!".repeat(10_000)),
        "€".repeat(10_000),
    ] {
        cases.push(Case {
            class: "enormous",
            code: huge,
            expect: Expect::Is(CodeError::TooLong),
        });
    }

    // Surrounding whitespace is what copying adds; it is trimmed, so the code still reads.
    for padded in [
        format!(" {code} "),
        format!("\n{code}\r\n"),
        format!("{code}{}", " ".repeat(10_000)),
    ] {
        cases.push(Case {
            class: "padded",
            code: padded,
            expect: Expect::ErrOrCanonical(&[]),
        });
    }
}

fn corpus(survey: &Survey) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut real = Vec::new();
    for (name, a) in answer_sets(survey) {
        let code = encode(survey, &a);
        assert_eq!(
            decode(survey, &code).as_ref(),
            Ok(&survey.visible_answers(&a)),
            "{name}: a real code decodes to its answers"
        );
        assert!(
            !real.contains(&code),
            "{name}: personas give different codes"
        );
        damage(&code, &mut cases);
        real.push(code);
    }

    // The same people answering another version of the survey.
    foreign_codes(
        &builtin_with_version("9.9.9-other"),
        ("other survey version", "other survey version, truncated"),
        &mut cases,
    );
    // Codes for a different survey altogether: the sample fixture.
    foreign_codes(
        &common::sample(),
        ("sample survey", "sample survey, truncated"),
        &mut cases,
    );

    // Nothing there.
    for blank in ["", " ", "\n", "\t \r\n", "\u{a0}", "\u{3000}", "\u{2028}"] {
        cases.push(Case {
            class: "empty",
            code: blank.to_string(),
            expect: Expect::Is(CodeError::Empty),
        });
    }
    cases.push(Case {
        class: "empty",
        code: " ".repeat(10_000),
        expect: Expect::Is(CodeError::Empty),
    });
    // Right at the length limit, and just past it.
    cases.push(Case {
        class: "enormous",
        code: "A".repeat(MAX_CODE_LEN),
        expect: Expect::OneOf(SHORT),
    });
    cases.push(Case {
        class: "enormous",
        code: "A".repeat(MAX_CODE_LEN + 1),
        expect: Expect::Is(CodeError::TooLong),
    });
    (cases, real)
}

#[test]
fn every_damaged_code_gets_a_specific_error() {
    let survey = builtin_survey();
    let (cases, real) = corpus(&survey);
    let mut failures = Vec::new();
    let mut per_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        match judge(&survey, case) {
            Ok(decoded) => {
                let entry = per_class.entry(case.class).or_default();
                entry.0 += 1;
                entry.1 += usize::from(decoded);
            }
            Err(why) => failures.push(format!("{} {:?}: {why}", case.class, case.code)),
        }
    }
    eprintln!(
        "damaged result codes: {} cases from {} real codes",
        cases.len(),
        real.len()
    );
    for (class, (count, decoded)) in &per_class {
        eprintln!("  {class}: {count} ({decoded} decoded)");
    }
    assert!(cases.len() >= 600, "only {} damaged codes", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} damaged codes misbehaved:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Only whitespace around a real code, and a forged checksum over other answers, still read.
    for (class, (_, decoded)) in &per_class {
        if !["padded", "forged bit flip"].contains(class) {
            assert_eq!(*decoded, 0, "{class}: a damaged code decoded");
        }
    }
}

#[test]
fn each_class_of_damage_gets_its_own_error() {
    let survey = builtin_survey();
    let code = encode(&survey, &answer_sets(&survey)[2].1);

    // Another version of the survey, both ways round.
    let v2 = builtin_with_version("9.9.9-other");
    let v2_code = encode(&v2, &answer_sets(&v2)[2].1);
    for (s, c) in [(&survey, &v2_code), (&v2, &code)] {
        let e = decode(s, c).unwrap_err();
        assert_eq!(e, CodeError::OtherSurvey);
        assert!(
            e.to_string()
                .contains("another survey, or another version of this one"),
            "{e}"
        );
    }

    // Cut short.
    for len in 1..code.len() {
        let e = decode(&survey, &code[..len]).unwrap_err();
        assert!(
            matches!(e, CodeError::WrongLength | CodeError::Damaged),
            "{len}: {e:?}"
        );
    }

    // Not base64url, reported at the first foreign character, counting from 1 in words.
    let e = decode(&survey, &format!("{}+{}", &code[..4], &code[5..])).unwrap_err();
    assert_eq!(e, CodeError::NotBase64 { position: 4 });
    assert!(e.to_string().contains("(at position 5)"), "{e}");
    assert!(matches!(
        decode(&survey, "not a code!"),
        Err(CodeError::NotBase64 { position: 3 })
    ));

    // A code format from the future, with a checksum that agrees.
    let mut bytes = base64url_decode(&code);
    bytes[0] = 2;
    let future = base64url_encode(&with_fixed_crc(bytes));
    let e = decode(&survey, &future).unwrap_err();
    assert_eq!(e, CodeError::UnknownVersion(2));
    assert!(
        e.to_string().contains("different version of Skillscope"),
        "{e}"
    );

    // Too long and empty.
    assert_eq!(
        decode(&survey, &"A".repeat(10_000)),
        Err(CodeError::TooLong)
    );
    assert_eq!(decode(&survey, " \n\t "), Err(CodeError::Empty));
}
