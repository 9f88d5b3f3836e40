//! `skillscope`: validate surveys, compute reports, simulate personas, handle result codes and
//! summarise a team's results.
//!
//! A thin shell over `skillscope-engine`: arguments in, engine calls, text out. Exit codes:
//! 0 success, 1 the input is invalid (validation errors, a bad code), 2 usage or I/O errors.

mod args;
mod markdown;
mod team;

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use skillscope_engine::aggregate::{aggregate, collect, Options, Target};
use skillscope_engine::code;
use skillscope_engine::simulate::{simulate, Persona};
use skillscope_engine::{builtin, report, validate, Answers, Survey, Timing};

use args::{Command, Format};

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("skillscope: {e:#}\n\nRun `skillscope --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`skillscope report ... | head`) is not an error.
            if e.downcast_ref::<std::io::Error>().map(|e| e.kind())
                == Some(std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("skillscope: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Help => out.write_all(args::HELP.as_bytes())?,
        Command::Version => writeln!(out, "skillscope {}", env!("CARGO_PKG_VERSION"))?,
        Command::Validate { file } => {
            let bytes = read_input(&file)?;
            return Ok(match validate(&bytes) {
                Ok(survey) => {
                    let count = survey.questions().len();
                    writeln!(out, "{file}: valid ({count} questions)")?;
                    ExitCode::SUCCESS
                }
                Err(errors) => {
                    for e in &errors {
                        writeln!(out, "{e}")?;
                    }
                    eprintln!("skillscope: {file}: {} problem(s)", errors.len());
                    ExitCode::from(1)
                }
            });
        }
        Command::Report {
            survey,
            answers,
            format,
            lang,
            seconds,
        } => {
            let survey = load_survey(&survey)?;
            let answers = load_answers(&survey, &answers)?;
            let report = report(&survey, &answers, Timing { seconds });
            match format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
                Format::Markdown => {
                    let lang = lang.as_deref().unwrap_or(survey.default_lang());
                    out.write_all(markdown::render(&survey, &report, lang).as_bytes())?
                }
            }
        }
        Command::Simulate {
            survey,
            levels,
            default_level,
            knows,
            fixed,
        } => {
            let survey = load_survey(&survey)?;
            let fixed = Answers::from_json(&fixed).map_err(|e| anyhow::anyhow!("--set: {e}"))?;
            for dim in levels.keys() {
                if !survey.definition().dimensions.iter().any(|d| &d.id == dim) {
                    bail!("--levels: unknown dimension \"{dim}\"");
                }
            }
            let persona = Persona {
                levels,
                default_level,
                knows,
                fixed,
            };
            writeln!(out, "{}", simulate(&survey, &persona).to_json())?;
        }
        Command::Encode { survey, answers } => {
            let survey = load_survey(&survey)?;
            let answers = load_answers(&survey, &answers)?;
            writeln!(out, "{}", code::encode(&survey, &answers))?;
        }
        Command::Decode { code: text, survey } => {
            let survey = load_survey(&survey)?;
            match code::decode(&survey, &text) {
                Ok(answers) => writeln!(out, "{}", answers.to_json())?,
                Err(e) => {
                    eprintln!("skillscope: {e}");
                    return Ok(ExitCode::from(1));
                }
            }
        }
        Command::Aggregate {
            survey,
            codes,
            format,
            lang,
            target,
            min_group,
        } => {
            let survey = load_survey(&survey)?;
            let target = match target {
                None => None,
                Some(file) => {
                    let bytes = read_input(&file)?;
                    let text = String::from_utf8(bytes)
                        .with_context(|| format!("{file} is not UTF-8 text"))?;
                    match Target::from_json(&survey, &text) {
                        Ok(t) => Some(t),
                        Err(errors) => {
                            for e in &errors {
                                eprintln!("skillscope: {file}: {e}");
                            }
                            return Ok(ExitCode::from(1));
                        }
                    }
                }
            };
            let bytes = read_input(&codes)?;
            let text =
                String::from_utf8(bytes).with_context(|| format!("{codes} is not UTF-8 text"))?;
            let people = collect(&survey, &text);
            for problem in &people.problems {
                eprintln!("skillscope: {codes}: {problem}");
            }
            let options = Options { min_group, target };
            let summary = match aggregate(&survey, &people.answers, &options) {
                Ok(summary) => summary,
                Err(too_few) => {
                    eprintln!("skillscope: {codes}: {too_few}");
                    return Ok(ExitCode::from(1));
                }
            };
            match format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&summary)?)?,
                Format::Markdown => {
                    let lang = lang.as_deref().unwrap_or(survey.default_lang());
                    out.write_all(team::render(&survey, &summary, lang).as_bytes())?
                }
            }
        }
        Command::Inline { file } => {
            let bytes = read_input(&file)?;
            if let Err(errors) = validate(&bytes) {
                for e in &errors {
                    writeln!(out, "{e}")?;
                }
                eprintln!("skillscope: {file}: {} problem(s)", errors.len());
                return Ok(ExitCode::from(1));
            }
            let code = skillscope_engine::inline::encode(&String::from_utf8_lossy(&bytes));
            if code.len() > skillscope_engine::inline::MAX_INLINE_BYTES {
                bail!("{file} is too large for an inline link; host it and share ?survey=<URL>");
            }
            writeln!(out, "{code}")?;
        }
        Command::Schema => out.write_all(skillscope_engine::definition_schema().as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A built-in survey id, or a definition file.
fn load_survey(id_or_file: &str) -> Result<Survey> {
    if let Some(survey) = builtin::survey(id_or_file) {
        return Ok(survey);
    }
    if builtin::IDS.contains(&id_or_file) {
        bail!("the built-in survey \"{id_or_file}\" does not validate; this is a bug");
    }
    let bytes = read_input(id_or_file).with_context(|| {
        format!(
            "\"{id_or_file}\" is neither a built-in survey ({}) nor a readable file",
            builtin::IDS.join(", ")
        )
    })?;
    validate(&bytes).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("{id_or_file} is not a valid survey:\n{}", lines.join("\n"))
    })
}

fn load_answers(survey: &Survey, file: &str) -> Result<Answers> {
    let bytes = read_input(file)?;
    let text = String::from_utf8(bytes).with_context(|| format!("{file} is not UTF-8 text"))?;
    let answers = Answers::from_json(&text).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    let problems = answers.check(survey);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!(
            "{file} has answers that do not fit the survey:\n{}",
            lines.join("\n")
        );
    }
    Ok(answers)
}

/// Reads a file, or standard input for `-`.
fn read_input(file: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        let f = std::fs::File::open(file).with_context(|| format!("cannot open {file}"))?;
        // One byte over the limit is enough for validation to say the file is too large.
        f.take(skillscope_engine::MAX_DEFINITION_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {file}"))?;
    }
    Ok(bytes)
}
