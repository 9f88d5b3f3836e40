//! Reading what a lead pasted or saved: one result link or code per line, as people sent them.

use std::collections::HashMap;

use crate::answers::Answers;
use crate::code::{decode, from_link, CodeError};
use crate::survey::Survey;

/// The results read from what a lead pasted or saved: one link or code per line.
#[derive(Debug, Default)]
pub struct Collected {
    pub answers: Vec<Answers>,
    pub problems: Vec<LineProblem>,
}

/// Why a line was left out; `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub kind: LineProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblemKind {
    /// The code does not decode for this survey.
    Code(CodeError),
    /// The same code as an earlier line. Most likely one person's result sent twice, so it
    /// counts once; two people with identical answers would also count once, which the message
    /// leaves open.
    Repeat { of: usize },
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            LineProblemKind::Code(e) => write!(f, "line {}: {e}", self.line),
            LineProblemKind::Repeat { of } => {
                write!(
                    f,
                    "line {} is the same result as line {of}; counted once",
                    self.line
                )
            }
        }
    }
}

/// Reads one result link or bare code per line; blank lines are skipped.
pub fn collect(survey: &Survey, text: &str) -> Collected {
    let mut out = Collected::default();
    // Line of the first occurrence of each code: a map, so ten thousand lines stay linear.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let code = from_link(line);
        if let Some(&of) = seen.get(code) {
            out.problems.push(LineProblem {
                line: line_no,
                kind: LineProblemKind::Repeat { of },
            });
            continue;
        }
        match decode(survey, code) {
            Ok(answers) => {
                seen.insert(code, line_no);
                out.answers.push(answers);
            }
            Err(e) => out.problems.push(LineProblem {
                line: line_no,
                kind: LineProblemKind::Code(e),
            }),
        }
    }
    out
}
