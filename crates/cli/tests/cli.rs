//! The `skillscope` binary end to end: exit codes, messages and round trips.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The workspace root, so that paths such as `surveys/ai-readiness.json` work as documented.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn invalid_dir() -> PathBuf {
    root().join("tests/fixtures/invalid")
}

/// Runs the binary with `args`, feeding `stdin` when given.
fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillscope"))
        .args(args)
        .current_dir(root())
        .env_remove("RUST_BACKTRACE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the skillscope binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_no_panic(args, &out);
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_no_panic(args: &[&str], out: &Output) {
    let err = stderr(out);
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "skillscope {args:?} panicked:\n{err}"
    );
    // 101 is Rust's exit code for a panic.
    assert_ne!(out.status.code(), Some(101), "skillscope {args:?}:\n{err}");
}

/// Answers a persona would give, straight from `simulate`.
fn simulated() -> String {
    let out = run(
        &[
            "simulate",
            "--survey",
            "ai-readiness",
            "--levels",
            "data-annotation=4,data-quality=3,coaching=1",
            "--default-level",
            "2",
            "--set",
            r#"{"role": "lead", "goal": "deepen", "hours": 5}"#,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The result code `skillscope encode` makes for these answers.
fn encoded(answers: &str) -> String {
    let out = run(
        &["encode", "--survey", "ai-readiness", "--answers", "-"],
        Some(answers),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out).trim().to_string()
}

/// `file → (path, fragment)` from `expected.txt`.
fn expectations() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(invalid_dir().join("expected.txt"))
        .expect("tests/fixtures/invalid/expected.txt exists");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                cols.len(),
                3,
                "expected.txt: three tab-separated columns in {l:?}"
            );
            (cols[0].into(), cols[1].into(), cols[2].into())
        })
        .collect()
}

#[test]
fn every_invalid_fixture_is_listed_once() {
    let listed: Vec<String> = expectations().into_iter().map(|(f, _, _)| f).collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "a file is listed twice");
    let on_disk: BTreeSet<String> = std::fs::read_dir(invalid_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "expected.txt")
        .collect();
    assert_eq!(on_disk, listed.iter().cloned().collect::<BTreeSet<_>>());
    assert!(listed.len() >= 110, "only {} fixtures", listed.len());
}

#[test]
fn every_invalid_fixture_is_refused_at_its_path() {
    let mut failures = Vec::new();
    for (file, path, fragment) in expectations() {
        let relative = format!("tests/fixtures/invalid/{file}");
        let out = run(&["validate", &relative], None);
        let text = stdout(&out);
        let found = text
            .lines()
            .any(|l| l.starts_with(&format!("{path}: ")) && l.contains(&fragment));
        if out.status.code() != Some(1) || !found {
            failures.push(format!(
                "{file}: exit {:?}, expected `{path}: …{fragment}…`, got:\n{text}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Too big to commit as a fixture, so it is written at test time: a survey whose intro is one
/// 10 MB string.
#[test]
fn a_ten_megabyte_string_is_refused_by_size() {
    let sample = std::fs::read_to_string(root().join("crates/engine/tests/fixtures/sample.json"))
        .expect("the sample survey exists");
    let intro = "\"A small survey that uses every question kind.\"";
    assert!(sample.contains(intro));
    let huge = format!("\"{}\"", "x".repeat(10 * 1024 * 1024));
    let json = sample.replacen(intro, &huge, 1);
    let file = std::env::temp_dir().join(format!("skillscope-10mb-{}.json", std::process::id()));
    std::fs::write(&file, &json).unwrap();
    let out = run(&["validate", file.to_str().unwrap()], None);
    let _ = std::fs::remove_file(&file);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].starts_with("$: ") && lines[0].contains("the limit is 2097152 bytes"),
        "{text}"
    );
}

#[test]
fn the_built_in_survey_file_is_valid() {
    let out = run(&["validate", "surveys/ai-readiness.json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("valid"));
}

#[test]
fn simulate_then_report_gives_the_stable_json_fields() {
    let answers = simulated();
    let out = run(
        &[
            "report",
            "--survey",
            "ai-readiness",
            "--answers",
            "-",
            "--format",
            "json",
        ],
        Some(&answers),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("the report is JSON");

    assert_eq!(report["survey"]["id"], "ai-readiness");
    let number = |v: &Value, what: &str| {
        let n = v
            .as_f64()
            .unwrap_or_else(|| panic!("{what} is not a number: {v}"));
        assert!((0.0..=100.0).contains(&n), "{what} = {n}");
    };
    number(&report["readiness"], "readiness");
    number(&report["axes"]["ai_depth"], "axes.ai_depth");
    number(&report["axes"]["learning_agility"], "axes.learning_agility");
    let quadrant = report["quadrant"].as_str().expect("quadrant is a string");
    assert!(
        [
            "explorer",
            "agile-learner",
            "specialist",
            "adaptive-specialist"
        ]
        .contains(&quadrant),
        "{quadrant}"
    );

    let dimensions = report["dimensions"].as_array().expect("dimensions");
    assert_eq!(dimensions.len(), 13);
    for d in dimensions {
        assert!(d["id"].is_string(), "{d}");
        number(&d["score"], "dimensions[].score");
        assert!(d["level"].is_string(), "{d}");
        let band = d["band"].as_array().expect("band");
        assert_eq!(band.len(), 2);
        assert!(band[0].as_f64() <= band[1].as_f64(), "{d}");
    }

    number(&report["axes"]["ai_breadth"], "axes.ai_breadth");
    assert!(report["near_line"].is_boolean());
    assert!(report["support_first"].is_boolean());
    assert_eq!(report["unranked_paths"], serde_json::json!([]));

    let paths = report["paths"].as_array().expect("paths");
    assert_eq!(paths.len(), 13);
    for p in paths {
        assert!(p["id"].is_string(), "{p}");
        assert!(
            ["specialist", "coaching", "support"].contains(&p["kind"].as_str().unwrap_or("")),
            "{p}"
        );
        assert!(
            ["new", "experienced"].contains(&p["stage"].as_str().unwrap_or("")),
            "{p}"
        );
        assert!(p["tied"].is_boolean(), "{p}");
        number(&p["fit"], "paths[].fit");
        assert!(p["evidence"].is_array(), "{p}");
    }
    // The persona is strongest in annotation.
    assert_eq!(paths[0]["id"], "data-annotation");
    assert!(report["flags"].is_array());
}

#[test]
fn report_renders_markdown_in_each_language() {
    let answers = simulated();
    let out = run(
        &[
            "report",
            "--survey",
            "ai-readiness",
            "--answers",
            "-",
            "--format",
            "md",
        ],
        Some(&answers),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# AI-era skills readiness"), "{md}");
    assert!(
        md.contains("## Paths to build on")
            && md.contains("## Support alongside")
            && md.contains("## Dimensions"),
        "{md}"
    );
    // The annotation Guide gets the experienced plan for annotation, which is listed first.
    let annotation = md.split("### ").nth(1).expect("a first path");
    assert!(annotation.starts_with("Data annotation"), "{md}");
    assert!(
        annotation.contains("*Plan for someone experienced in this*"),
        "{md}"
    );
    assert!(md.contains("not for hiring decisions"), "{md}");

    let out = run(
        &[
            "report",
            "--survey",
            "ai-readiness",
            "--answers",
            "-",
            "--format",
            "md",
            "--lang",
            "de",
        ],
        Some(&answers),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("# Kompetenz"), "{}", stdout(&out));
}

#[test]
fn a_half_answered_report_says_what_it_still_needs_in_json_and_markdown() {
    let all: Value = serde_json::from_str(&simulated()).unwrap();
    let only: serde_json::Map<String, Value> = all
        .as_object()
        .unwrap()
        .iter()
        .filter(|(id, _)| {
            id.starts_with("ann-") || ["role", "goal", "hours"].contains(&id.as_str())
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let answers = Value::Object(only).to_string();
    let report = |format: &str| {
        let out = run(
            &[
                "report",
                "--survey",
                "ai-readiness",
                "--answers",
                "-",
                "--format",
                format,
            ],
            Some(&answers),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let json: Value = serde_json::from_str(&report("json")).unwrap();
    assert!(
        json["readiness"].is_null() && json["readiness_band"].is_null(),
        "{json}"
    );
    assert!(
        json["axes"]["ai_depth"].is_null() && json["quadrant"].is_null(),
        "{json}"
    );
    let unranked = json["unranked_paths"].as_array().unwrap();
    assert!(
        unranked.contains(&Value::from("learning-to-learn")),
        "{json}"
    );
    let md = report("md");
    assert!(md.contains("Readiness: not known yet"), "{md}");
    assert!(md.contains("still needed: AI literacy"), "{md}");
    assert!(md.contains("Not ranked, for want of answers:"), "{md}");
    assert!(
        md.contains("| AI literacy | – | too few answers | – |"),
        "{md}"
    );
    // Annotation alone is known, and its plan is the new one for a Starter… or the experienced
    // one for this Guide: never a figure built on unanswered areas.
    assert!(md.contains("### Data annotation"), "{md}");
}

#[test]
fn encode_then_decode_gives_the_same_answers() {
    let answers = simulated();
    let code = encoded(&answers);
    assert!(
        !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "{code}"
    );

    let out = run(&["decode", &code, "--survey", "ai-readiness"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let decoded: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let original: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(decoded, original);
}

#[test]
fn a_damaged_code_is_refused_without_a_panic() {
    let code = encoded(&simulated());
    let mid = code.len() / 2;
    let swapped = if &code[mid..=mid] == "A" { "B" } else { "A" };
    let damaged = format!("{}{swapped}{}", &code[..mid], &code[mid + 1..]);
    for bad in [damaged.as_str(), &code[..code.len() - 3], "AAAAAAAAAAAA"] {
        let out = run(&["decode", bad, "--survey", "ai-readiness"], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{bad}: {err}");
        assert!(
            err.contains("damaged")
                || err.contains("another version")
                || err.contains("cut short")
                || err.contains("different version"),
            "{bad}: {err}"
        );
        assert!(stdout(&out).is_empty());
    }
    // The clearly damaged one says so.
    let out = run(&["decode", &damaged, "--survey", "ai-readiness"], None);
    let err = stderr(&out);
    assert!(
        err.contains("damaged") || err.contains("another version"),
        "{err}"
    );
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let out = run(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown command \"frobnicate\""), "{err}");
    assert!(err.contains("skillscope --help"), "{err}");
}

#[test]
fn help_lists_the_commands() {
    let out = run(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for command in [
        "validate",
        "report",
        "simulate",
        "encode",
        "decode",
        "aggregate",
    ] {
        assert!(text.contains(&format!("skillscope {command}")), "{text}");
    }
}

#[test]
fn aggregate_summarises_pasted_links_and_names_the_bad_lines() {
    let code = encoded(&simulated());
    let other = encoded("{}");
    let pasted = format!("https://intranet.example/s/#r={code}\n{other}\nnot a code\n{code}\n");
    let out = run(
        &[
            "aggregate",
            "--survey",
            "ai-readiness",
            "-",
            "--format",
            "md",
            "--min-group",
            "2",
        ],
        Some(&pasted),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.starts_with("# AI-era skills readiness: 2 people"),
        "{md}"
    );
    assert!(md.contains("| Data annotation and labelling |"), "{md}");
    let err = stderr(&out);
    assert!(err.contains("line 3: the result code"), "{err}");
    assert!(
        err.contains("line 4 is the same result as line 1; counted once"),
        "{err}"
    );

    let out = run(
        &[
            "aggregate",
            "--survey",
            "ai-readiness",
            "-",
            "--min-group",
            "2",
        ],
        Some(&pasted),
    );
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["respondents"], 2);
    assert_eq!(json["min_group"], 2);
    assert_eq!(json["dimensions"].as_array().unwrap().len(), 13);

    let out = run(
        &["aggregate", "--survey", "ai-readiness", "-"],
        Some("junk\n\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("at least 3 results are needed"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

/// Six people, as `skillscope simulate` makes them: the example team of the engine's and the
/// e2e suite's team tests.
fn example_team() -> String {
    [
        ("data-annotation=4,data-quality=3,coaching=3", "1"),
        ("data-annotation=2,prompting=3,ai-workflow=3", "1"),
        ("ai-modeling=3,data-mining=3", "2"),
        ("prompting=3,ai-workflow=2", "2"),
        ("coaching=4,training-development=4,learning-agility=4", "1"),
        ("data-quality=3", "1"),
    ]
    .iter()
    .map(|(levels, default)| {
        let args = [
            "simulate",
            "--survey",
            "ai-readiness",
            "--levels",
            levels,
            "--default-level",
            default,
        ];
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        format!("https://example.org/s/#r={}\n", encoded(&stdout(&out)))
    })
    .collect()
}

#[test]
fn aggregate_says_where_a_team_depends_on_one_person_and_what_to_do() {
    let team = example_team();
    let target = root().join("surveys/targets/data-annotator.json");
    let target = target.to_str().unwrap();
    let json_args = [
        "aggregate",
        "--survey",
        "ai-readiness",
        "-",
        "--target",
        target,
    ];
    let out = run(&json_args, Some(&team));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["respondents"], 6);
    let dim = |id: &str| {
        json["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()
            .clone()
    };
    let annotation = dim("data-annotation");
    assert_eq!(annotation["experts"], 1);
    assert_eq!(annotation["risk"], "single-expert");
    assert_eq!(annotation["advice"], "build");
    assert_eq!(annotation["advice_reason"], "one-can-teach");
    assert_eq!(annotation["target"], "proficient");
    assert_eq!(annotation["below_target"], 5);
    assert_eq!(dim("data-extraction")["advice"], "borrow");
    assert_eq!(dim("data-extraction")["risk"], "none-covered");
    assert_eq!(dim("data-extraction")["below_target"], Value::Null);
    assert_eq!(dim("prompting")["advice"], "hold");
    assert_eq!(dim("prompting")["alpha"], Value::Null);
    assert!(dim("prompting")["item_total"].as_array().unwrap().len() >= 3);
    assert_eq!(json["where_to_start"][0]["dimension"], "data-annotation");
    assert!(json["single_expert"]
        .as_array()
        .unwrap()
        .contains(&Value::from("data-annotation")));

    let md_args = [&json_args[..], &["--format", "md"]].concat();
    let out = run(&md_args, Some(&team));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("## Where to start"), "{md}");
    assert!(
        md.contains("1. **Data annotation and labelling**: build. Only one person holds it"),
        "{md}"
    );
    assert!(
        md.contains("**Depends on one person:** Data annotation and labelling"),
        "{md}"
    );
    assert!(md.contains("| target | below it |"), "{md}");
    assert!(md.contains("When to bring in a freelancer: "), "{md}");

    // Two of the six are too few for the default minimum group; a higher minimum refuses all six.
    let two: String = team.lines().take(2).map(|l| format!("{l}\n")).collect();
    for (pasted, extra) in [
        (two.as_str(), vec![]),
        (team.as_str(), vec!["--min-group", "7"]),
    ] {
        let args = [&json_args[..], &extra[..]].concat();
        let out = run(&args, Some(pasted));
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(stdout(&out).is_empty());
        assert!(
            stderr(&out).contains("results are needed"),
            "{}",
            stderr(&out)
        );
    }

    // A target that names an unknown level is refused at its path.
    let bad =
        std::env::temp_dir().join(format!("skillscope-bad-target-{}.json", std::process::id()));
    std::fs::write(&bad, r#"{"prompting": "wizard"}"#).unwrap();
    let args = [
        "aggregate",
        "--survey",
        "ai-readiness",
        "-",
        "--target",
        bad.to_str().unwrap(),
    ];
    let out = run(&args, Some(&team));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("$.prompting: no level \"wizard\""),
        "{}",
        stderr(&out)
    );
}
