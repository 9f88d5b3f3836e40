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

use crate::format::{Choice, Definition, Kind, Question};
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

#[cfg(test)]
mod tests {
    use super::*;

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
