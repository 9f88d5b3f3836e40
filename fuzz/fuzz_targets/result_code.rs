//! Any text as a result code for the built-in survey: decoding never panics, and every code it
//! accepts gives a report and is the one code for its answers. Read as pasted lines of links for a
//! team summary, it never panics either.
//!
//! The seeds in fuzz/corpus/result_code are real codes, so they go stale when the built-in survey
//! changes (libFuzzer still gets past the checksum, only more slowly). To remake one:
//! `skillscope simulate --survey ai-readiness | skillscope encode --survey ai-readiness --answers -`
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillscope_engine::aggregate::{aggregate, collect, Options, Tally};
use skillscope_engine::code::{decode, encode};
use skillscope_engine::{builtin, report, Survey, Timing};

fn survey() -> &'static Survey {
    static SURVEY: OnceLock<Survey> = OnceLock::new();
    SURVEY
        .get_or_init(|| builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(code) = std::str::from_utf8(data) else {
        return;
    };
    let survey = survey();
    let pasted = collect(survey, code);
    let _ = aggregate(survey, &pasted.answers, &Options::default());
    // Read line by line straight into a tally, the team page's way: the same lines count.
    let mut tally = Tally::default();
    for (i, line) in code.lines().enumerate() {
        let _ = tally.read(survey, i + 1, line);
    }
    assert_eq!(tally.len(), pasted.answers.len());
    let Ok(answers) = decode(survey, code) else {
        return;
    };
    let _ = report(survey, &answers, Timing::default());
    let again = encode(survey, &answers);
    assert_eq!(
        decode(survey, &again).as_ref(),
        Ok(&answers),
        "re-encoded code {again} differs"
    );
    assert_eq!(again, code.trim(), "two codes decode to the same answers");
});
