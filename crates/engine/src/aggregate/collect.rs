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
    let mut reader = Reader::default();
    for (i, line) in text.lines().enumerate() {
        match reader.read(survey, i + 1, line) {
            Some(Ok(answers)) => out.answers.push(answers),
            Some(Err(problem)) => out.problems.push(problem),
            None => {}
        }
    }
    out
}

/// Reads lines one at a time, remembering the codes it has seen, so that a long paste can be
/// read in slices between frames.
#[derive(Default)]
pub struct Reader {
    /// Line of the first occurrence of each code: a map, so ten thousand lines stay linear.
    seen: HashMap<String, usize>,
}

impl Reader {
    /// The answers on line `line_no` (counted from 1), why they cannot be counted, or `None`
    /// for a blank line.
    pub fn read(
        &mut self,
        survey: &Survey,
        line_no: usize,
        line: &str,
    ) -> Option<Result<Answers, LineProblem>> {
        self.read_with(line_no, line, |code| decode(survey, code))
    }

    /// Like [`Reader::read`], with the decoder given.
    pub(crate) fn read_with<T>(
        &mut self,
        line_no: usize,
        line: &str,
        decode: impl FnOnce(&str) -> Result<T, CodeError>,
    ) -> Option<Result<T, LineProblem>> {
        if line.trim().is_empty() {
            return None;
        }
        let code = from_link(line);
        let problem = |kind| {
            Some(Err(LineProblem {
                line: line_no,
                kind,
            }))
        };
        if let Some(&of) = self.seen.get(code) {
            return problem(LineProblemKind::Repeat { of });
        }
        match decode(code) {
            Ok(decoded) => {
                self.seen.insert(code.to_string(), line_no);
                Some(Ok(decoded))
            }
            Err(e) => problem(LineProblemKind::Code(e)),
        }
    }
}
