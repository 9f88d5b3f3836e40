//! Prints result links for a simulated team of N different people, one per line:
//! `cargo run -p skillscope-engine --example team_links -- 10000 > team.txt`. The e2e suite and
//! `make bench-web` paste them into the team page.

use skillscope_engine::code::encode;
use skillscope_engine::{builtin, simulate};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let survey = builtin::survey(builtin::DEFAULT_ID).expect("the built-in survey is valid");
    for answers in simulate::team(&survey, n, 1) {
        println!(
            "https://example.org/skillscope/#r={}",
            encode(&survey, &answers)
        );
    }
}
