//! What a survey's result codes look like: which questions they pack, in what radix, and how
//! long they are. Worked out once per survey by `code.rs`, and kept by the survey.

#[derive(Clone, Debug)]
pub(crate) struct Layout {
    /// Asking-order position and radix of each coded (non-text) question.
    pub coded: Vec<(usize, u32)>,
    pub fingerprint: u16,
    pub payload_len: usize,
}
