//! Undo and redo across the whole studio: snapshots of the definition, since a survey is small
//! and a snapshot cannot get out of step with the edits that made it.

/// How many steps back Undo reaches; the oldest go first.
const DEPTH: usize = 100;

#[derive(Clone, Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T: Clone + PartialEq> History<T> {
    pub fn new() -> History<T> {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Call with the state *before* an edit. An edit that changed nothing is not a step, and any
    /// new step ends what Redo could bring back.
    pub fn record(&mut self, before: T, after: &T) {
        if &before == after {
            return;
        }
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// The state before the last step, given the current one (kept for Redo).
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl<T: Clone + PartialEq> Default for History<T> {
    fn default() -> Self {
        History::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_steps_and_a_new_edit_ends_redo() {
        let mut h = History::new();
        let mut state = 1;
        for next in [2, 3, 4] {
            h.record(state, &next);
            state = next;
        }
        state = h.undo(state).unwrap();
        state = h.undo(state).unwrap();
        assert_eq!(state, 2);
        state = h.redo(state).unwrap();
        assert_eq!(state, 3);
        h.record(state, &30);
        state = 30;
        assert!(!h.can_redo());
        assert_eq!(h.redo(state), None);
        assert_eq!(h.undo(state), Some(3));
    }

    #[test]
    fn no_op_edits_are_not_steps_and_depth_is_bounded() {
        let mut h = History::new();
        h.record(5, &5);
        assert!(!h.can_undo());
        for i in 0..(DEPTH + 10) {
            h.record(i, &(i + 1));
        }
        let mut state = DEPTH + 10;
        let mut steps = 0;
        while let Some(s) = h.undo(state) {
            state = s;
            steps += 1;
        }
        assert_eq!(steps, DEPTH);
        assert_eq!(state, 10);
    }
}
