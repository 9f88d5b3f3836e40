//! Command-line arguments, parsed with lexopt into a [`Command`].

use std::collections::BTreeMap;
use std::ffi::OsString;

use anyhow::{bail, Context, Result};
use lexopt::prelude::*;

pub const HELP: &str = "\
skillscope: the Skillscope skills self-assessment on the command line

USAGE:
    skillscope validate FILE
        Check a survey definition. Prints one `path: message` line per problem and exits 1
        when there are any.

    skillscope report --survey ID|FILE --answers FILE|- [--format json|md] [--lang LANG]
                      [--seconds N]
        Compute the readiness report for an answers file (question id -> value).
        --seconds is the completion time, used to flag implausibly fast answering.

    skillscope simulate --survey ID|FILE [--levels dim=N,dim=N] [--default-level N]
                        [--knowledge right|wrong] [--set JSON]
        Write the answers a persona would give: for each question, the option nearest the
        target level (0 = lowest) of its dimension. --set fixes answers, for example
        --set '{\"role\": \"lead\", \"hours\": 4}'.

    skillscope encode --survey ID|FILE --answers FILE|-
        Print the short result code for an answers file.

    skillscope decode CODE --survey ID|FILE
        Print the answers a result code holds.

    skillscope aggregate --survey ID|FILE FILE|- [--format json|md] [--lang LANG]
                         [--target FILE] [--min-group N]
        Summarise a team's results: spreads, people at each level, who holds each dimension,
        and whether to build, borrow or hold it. FILE holds one result link or code per line,
        as people sent them. Lines that do not decode are named on stderr and left out; the
        same code twice counts once. --target is a JSON object of dimension id -> level id
        (see surveys/targets/); people below it are counted. Fewer than --min-group results
        (default 3) give no summary, so that none shows one person's answers: exits 1.

    skillscope inline FILE
        Validate a survey and print it packed for an inline link: append the output to
        https://your-host/skillscope/#def= to share the survey without hosting it.

    skillscope schema
        Print the JSON Schema of the survey definition format.

Built-in surveys: ai-readiness.
Exit codes: 0 success, 1 invalid input (a bad definition, answers or code), 2 usage or I/O error.
";

pub enum Format {
    Json,
    Markdown,
}

pub enum Command {
    Help,
    Version,
    Validate {
        file: String,
    },
    Report {
        survey: String,
        answers: String,
        format: Format,
        lang: Option<String>,
        seconds: Option<f64>,
    },
    Simulate {
        survey: String,
        levels: BTreeMap<String, usize>,
        default_level: usize,
        knows: bool,
        fixed: String,
    },
    Encode {
        survey: String,
        answers: String,
    },
    Decode {
        code: String,
        survey: String,
    },
    Aggregate {
        survey: String,
        codes: String,
        format: Format,
        lang: Option<String>,
        target: Option<String>,
        min_group: usize,
    },
    Inline {
        file: String,
    },
    Schema,
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut positional: Vec<String> = Vec::new();
    let mut options: BTreeMap<&'static str, String> = BTreeMap::new();
    while let Some(arg) = parser.next()? {
        let name = match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Value(v) => {
                let v = v.string()?;
                if subcommand.is_none() {
                    subcommand = Some(v);
                } else {
                    positional.push(v);
                }
                continue;
            }
            Long("survey") => "survey",
            Long("answers") => "answers",
            Long("format") => "format",
            Long("lang") => "lang",
            Long("seconds") => "seconds",
            Long("levels") => "levels",
            Long("default-level") => "default-level",
            Long("knowledge") => "knowledge",
            Long("set") => "set",
            Long("target") => "target",
            Long("min-group") => "min-group",
            other => return Err(other.unexpected().into()),
        };
        options.insert(name, parser.value()?.string()?);
    }
    let Some(subcommand) = subcommand else {
        return Ok(Command::Help);
    };
    let mut take = |name: &str| options.remove(name);
    let required = |value: Option<String>, name: &str| {
        value.with_context(|| format!("`{subcommand}` needs --{name}"))
    };
    let command = match subcommand.as_str() {
        "validate" => Command::Validate {
            file: one(&positional, "FILE")?,
        },
        "report" => Command::Report {
            survey: required(take("survey"), "survey")?,
            answers: required(take("answers"), "answers")?,
            format: format(take("format"))?,
            lang: take("lang"),
            seconds: take("seconds")
                .map(|s| {
                    s.parse::<f64>()
                        .with_context(|| format!("--seconds: \"{s}\" is not a number"))
                })
                .transpose()?,
        },
        "simulate" => Command::Simulate {
            survey: required(take("survey"), "survey")?,
            levels: parse_levels(take("levels").as_deref().unwrap_or(""))?,
            default_level: match take("default-level") {
                None => 2,
                Some(n) => n
                    .parse()
                    .with_context(|| format!("--default-level: \"{n}\" is not a level number"))?,
            },
            knows: match take("knowledge").as_deref() {
                None | Some("right") => true,
                Some("wrong") => false,
                Some(other) => bail!("--knowledge must be right or wrong, not \"{other}\""),
            },
            fixed: take("set").unwrap_or_else(|| "{}".into()),
        },
        "encode" => Command::Encode {
            survey: required(take("survey"), "survey")?,
            answers: required(take("answers"), "answers")?,
        },
        "decode" => Command::Decode {
            code: one(&positional, "CODE")?,
            survey: required(take("survey"), "survey")?,
        },
        "aggregate" => Command::Aggregate {
            survey: required(take("survey"), "survey")?,
            codes: one(&positional, "FILE")?,
            format: format(take("format"))?,
            lang: take("lang"),
            target: take("target"),
            min_group: match take("min-group") {
                None => skillscope_engine::aggregate::MIN_GROUP,
                Some(n) => match n.parse() {
                    Ok(n) if n >= 1 => n,
                    _ => bail!("--min-group: \"{n}\" is not a whole number of at least 1"),
                },
            },
        },
        "schema" => Command::Schema,
        "inline" => Command::Inline {
            file: one(&positional, "FILE")?,
        },
        "help" => Command::Help,
        other => bail!("unknown command \"{other}\""),
    };
    if let Some(name) = options.keys().next() {
        bail!("`{subcommand}` does not take --{name}");
    }
    if !matches!(
        subcommand.as_str(),
        "validate" | "decode" | "inline" | "aggregate"
    ) && !positional.is_empty()
    {
        bail!("unexpected argument \"{}\"", positional[0]);
    }
    Ok(command)
}

fn format(value: Option<String>) -> Result<Format> {
    Ok(match value.as_deref() {
        None | Some("json") => Format::Json,
        Some("md" | "markdown") => Format::Markdown,
        Some(other) => bail!("--format must be json or md, not \"{other}\""),
    })
}

fn one(positional: &[String], what: &str) -> Result<String> {
    match positional {
        [one] => Ok(one.clone()),
        [] => bail!("missing {what}"),
        [_, extra, ..] => bail!("unexpected argument \"{extra}\""),
    }
}

/// `dim=N,dim=N` → map.
fn parse_levels(spec: &str) -> Result<BTreeMap<String, usize>> {
    spec.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (dim, level) = pair
                .split_once('=')
                .with_context(|| format!("--levels: expected dim=N, found \"{pair}\""))?;
            let level = level
                .trim()
                .parse()
                .with_context(|| format!("--levels: \"{level}\" is not a level number"))?;
            Ok((dim.trim().to_string(), level))
        })
        .collect()
}
