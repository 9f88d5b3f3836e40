//! Edits a survey author makes in the studio, as operations on a [`Definition`] that keep it
//! consistent: renaming an id renames every reference to it, a new question can be answered as
//! it is, and every step can be undone ([`History`]). None of them validates, since a draft may
//! be invalid while it is being written; [`warnings`] names what is valid but weak.

mod history;
mod rename;
mod warnings;

pub use history::History;
pub use rename::{rename, IdKind, RenameError};
pub use warnings::{warnings, Warning, FEW_ITEMS, LONG_MINUTES};

use std::collections::BTreeMap;

use crate::format::{
    default_levels, Choice, Definition, Dimension, Group, Kind, Question, Section,
};
use crate::text::Text;

/// Moves the item at `from` to `to` (both indices into `items` before the move), shifting the
/// ones between. Returns false, changing nothing, when either index is out of range.
pub fn move_item<T>(items: &mut [T], from: usize, to: usize) -> bool {
    if from >= items.len() || to >= items.len() {
        return false;
    }
    if from < to {
        items[from..=to].rotate_left(1);
    } else {
        items[to..=from].rotate_right(1);
    }
    true
}

/// `prefix` followed by the smallest number that makes an id no element of `taken` has.
pub fn fresh_id<'a>(prefix: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.into_iter().collect();
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_else(|| prefix.to_string())
}

/// Every question id in the definition, in order.
pub fn question_ids(def: &Definition) -> impl Iterator<Item = &str> {
    def.sections
        .iter()
        .flat_map(|s| &s.questions)
        .map(|q| q.id.as_str())
}

/// A five-point agreement question that can be answered as it is: it scores the first
/// dimension, when there is one, and has a fresh id.
pub fn new_question(def: &Definition, text: &str) -> Question {
    let weights: BTreeMap<String, f64> = def
        .dimensions
        .first()
        .map(|d| (d.id.clone(), 1.0))
        .into_iter()
        .collect();
    Question {
        id: fresh_id("q", question_ids(def)),
        kind: Kind::Likert,
        text: Text::Plain(text.to_string()),
        help: None,
        required: None,
        show_if: None,
        weights,
        options: Vec::<Choice>::new(),
        min: None,
        max: None,
        step: None,
        unit: None,
        points: Some(5),
        labels: Vec::new(),
        dimension: None,
    }
}

/// Where "Blank survey" starts: the least a survey needs to run, one of everything, so the
/// author edits instead of looking up the format.
pub fn blank_definition() -> Definition {
    let plain = |s: &str| Text::Plain(s.to_string());
    let mut def = Definition {
        format: 1,
        id: "my-survey".into(),
        version: "1".into(),
        default_lang: "en".into(),
        languages: vec!["en".into()],
        title: plain("My survey"),
        intro: plain("What this survey is for, and who it is for."),
        minutes: 5.0,
        levels: default_levels(),
        groups: vec![Group {
            id: "skills".into(),
            name: plain("Skills"),
            axis: None,
        }],
        dimensions: vec![Dimension {
            id: "skill-1".into(),
            group: "skills".into(),
            name: plain("First skill"),
            description: None,
            references: Vec::new(),
        }],
        sections: Vec::new(),
        paths: Vec::new(),
        pacing: None,
        theme: None,
        embed: None,
    };
    let question = new_question(&def, "I can explain this skill to a colleague.");
    def.sections.push(Section {
        id: "section-1".into(),
        title: plain("First section"),
        intro: None,
        questions: vec![question],
    });
    def
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blank_survey_is_valid_and_its_question_can_be_answered() {
        let survey = crate::validate_definition(blank_definition()).unwrap();
        let q = survey.questions().next().unwrap();
        assert_eq!((q.kind, q.points), (Kind::Likert, Some(5)));
        assert_eq!(q.weights.keys().collect::<Vec<_>>(), ["skill-1"]);
        let mut answers = crate::Answers::new();
        answers.set(q.id.clone(), crate::Answer::Number(4.0));
        assert_eq!(answers.check(&survey), []);
    }

    #[test]
    fn moves_up_and_down_and_refuses_out_of_range() {
        let mut v = vec!['a', 'b', 'c', 'd'];
        assert!(move_item(&mut v, 0, 2));
        assert_eq!(v, ['b', 'c', 'a', 'd']);
        assert!(move_item(&mut v, 3, 0));
        assert_eq!(v, ['d', 'b', 'c', 'a']);
        assert!(move_item(&mut v, 1, 1));
        assert_eq!(v, ['d', 'b', 'c', 'a']);
        assert!(!move_item(&mut v, 4, 0));
        assert!(!move_item(&mut v, 0, 4));
        assert_eq!(v, ['d', 'b', 'c', 'a']);
    }

    #[test]
    fn fresh_ids_skip_taken_ones() {
        assert_eq!(fresh_id("q", ["q1", "q2", "q4"]), "q3");
        assert_eq!(fresh_id("dim", []), "dim1");
    }
}
