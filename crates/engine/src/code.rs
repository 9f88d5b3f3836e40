//! Result codes: a person's answers packed into a short, URL-safe string.
//!
//! A result link carries the whole result in its fragment, so it can be shared without a server
//! and the answers never reach one. Layout, before base64url:
//!
//! ```text
//! [version: 1 byte][survey fingerprint: 2 bytes][answers: n bytes][CRC-16: 2 bytes]
//! ```
//!
//! The answers are one mixed-radix number: each non-text question is a digit whose radix is its
//! number of possible answers plus one (for "unanswered"). `n` follows from the survey, so a
//! wrong length is caught before anything is decoded. Free text is never encoded.

use std::fmt;

use crate::answers::{Answer, Answers};
use crate::format::{Kind, Question};
use crate::layout::Layout;
use crate::sheet::{digit_of, Given, Sheet};
use crate::survey::Survey;

const VERSION: u8 = 1;
/// Longest code accepted for decoding; real codes are a few dozen characters.
pub const MAX_CODE_LEN: usize = 512;

/// Why a result code could not be read. Each says what the person can do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeError {
    Empty,
    TooLong,
    NotBase64 { position: usize },
    UnknownVersion(u8),
    OtherSurvey,
    WrongLength,
    Damaged,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str("the result code is empty"),
            CodeError::TooLong => write!(f, "the result code is longer than {MAX_CODE_LEN} characters, so it is not one of ours"),
            CodeError::NotBase64 { position } => write!(f, "the result code has a character that does not belong in it (at position {})", position + 1),
            CodeError::UnknownVersion(v) => write!(f, "the result code was made by a different version of Skillscope (code format {v})"),
            CodeError::OtherSurvey => f.write_str("this link was made for another survey, or another version of this one"),
            CodeError::WrongLength => f.write_str("the result code is cut short or has extra characters; copy the whole link again"),
            CodeError::Damaged => f.write_str("the result code is damaged; copy the whole link again"),
        }
    }
}

impl std::error::Error for CodeError {}

/// Encodes the answers to the visible, non-text questions of `survey`.
pub fn encode(survey: &Survey, answers: &Answers) -> String {
    let answers = survey.visible_answers(answers);
    let layout = layout_of(survey);
    let mut number = BigUint::zero();
    // Most significant digit first, so decoding peels digits off in asking order from the end.
    for (q, radix) in layout.questions(survey).rev() {
        let digit = answers.get(&q.id).map_or(0, |a| digit_of(q, a));
        number.mul_add(radix, digit);
    }
    let mut bytes = vec![VERSION];
    bytes.extend_from_slice(&layout.fingerprint.to_be_bytes());
    bytes.extend(number.to_bytes(layout.payload_len));
    let crc = crc16(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    base64url_encode(&bytes)
}

/// The result code in a result link (the `r` parameter of its `#` fragment), or `text` itself
/// when it is not a link. Leads paste whatever people sent them: links or bare codes, often as
/// mail shows them, in `<…>`, quotes or brackets, or followed by a full stop.
pub fn from_link(text: &str) -> &str {
    let is_code_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let text = text.trim();
    let code = match text.split_once('#') {
        Some((_, fragment)) => fragment
            .split('&')
            .find_map(|p| p.strip_prefix("r="))
            .unwrap_or(""),
        // A link with no result in it holds no code, rather than being a damaged one.
        None if text.contains("://") => "",
        None => text,
    };
    code.trim_matches(|c: char| !is_code_char(c))
}

/// Decodes a code made by [`encode`] for the same survey and version.
pub fn decode(survey: &Survey, code: &str) -> Result<Answers, CodeError> {
    let (layout, payload) = checked(survey, code)?;
    let sheet = sheet_of(survey, layout, &payload)?;
    layout
        .questions(survey)
        .zip(&layout.coded)
        .filter_map(|((q, _), &(position, _))| {
            let digit = sheet.digit(position);
            (digit > 0).then(|| Some((q.id.clone(), answer_of(q, digit)?)))
        })
        .collect::<Option<Answers>>()
        .ok_or(CodeError::Damaged)
}

/// The answers of a result code as scoring reads them, without building an answers map.
pub(crate) fn decode_sheet(survey: &Survey, code: &str) -> Result<Sheet<'static>, CodeError> {
    let (layout, payload) = checked(survey, code)?;
    sheet_of(survey, layout, &payload)
}

/// The code's payload, once its length, version, survey and checksum are right.
fn checked<'s>(survey: &'s Survey, code: &str) -> Result<(&'s Layout, Vec<u8>), CodeError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if code.len() > MAX_CODE_LEN {
        return Err(CodeError::TooLong);
    }
    let bytes = base64url_decode(code)?;
    if bytes.len() < 5 {
        return Err(CodeError::WrongLength);
    }
    let (body, crc) = bytes.split_at(bytes.len() - 2);
    let crc_ok = crc16(body).to_be_bytes() == crc;
    // Version and survey are checked before the checksum so a foreign code gets the specific
    // message, but only trusted when the checksum agrees or the version byte is plainly ours.
    if body[0] != VERSION {
        return Err(if crc_ok {
            CodeError::UnknownVersion(body[0])
        } else {
            CodeError::Damaged
        });
    }
    let layout = layout_of(survey);
    if body[1..3] != layout.fingerprint.to_be_bytes() {
        return Err(if crc_ok {
            CodeError::OtherSurvey
        } else {
            CodeError::Damaged
        });
    }
    if body.len() != 3 + layout.payload_len {
        return Err(CodeError::WrongLength);
    }
    if !crc_ok {
        return Err(CodeError::Damaged);
    }
    Ok((layout, body[3..].to_vec()))
}

/// The answers of a code whose checksum, version and survey are already checked.
fn sheet_of(survey: &Survey, layout: &Layout, payload: &[u8]) -> Result<Sheet<'static>, CodeError> {
    let mut number = BigUint::from_bytes(payload);
    let digits = layout.digits(&mut number);
    if !number.is_zero() {
        return Err(CodeError::Damaged);
    }
    let in_range = layout
        .questions(survey)
        .zip(&digits)
        .all(|((q, _), &d)| d == 0 || Given::of(q, d).is_some());
    if !in_range {
        return Err(CodeError::Damaged);
    }
    // A digit can be in range for its radix yet describe a hidden question; a real code never
    // holds one, so such a code is damaged.
    Sheet::from_code(survey, &layout.coded, &digits).ok_or(CodeError::Damaged)
}

/// The survey's code layout, worked out on first use.
fn layout_of(survey: &Survey) -> &Layout {
    survey.code_layout().get_or_init(|| Layout::of(survey))
}

impl Layout {
    fn of(survey: &Survey) -> Layout {
        let coded: Vec<(usize, u32)> = survey
            .questions()
            .enumerate()
            .filter(|(_, q)| q.kind != Kind::Text)
            .map(|(i, q)| (i, radix(q)))
            .collect();
        let mut layout = Layout {
            coded,
            fingerprint: 0,
            payload_len: 0,
        };
        layout.fingerprint = fingerprint(survey, &layout);
        layout.payload_len = payload_len(&layout);
        layout
    }

    fn questions<'s>(
        &'s self,
        survey: &'s Survey,
    ) -> impl DoubleEndedIterator<Item = (&'s Question, u32)> + 's {
        self.coded
            .iter()
            .filter_map(|&(i, radix)| Some((survey.question_at(i)?, radix)))
    }

    /// Peels every digit off `number`, in asking order. Several digits at a time: one division
    /// of the whole number by the product of their radices, then small divisions of the rest.
    fn digits(&self, number: &mut BigUint) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.coded.len());
        let mut group = 0;
        while group < self.coded.len() {
            let mut end = group + 1;
            let mut product = u64::from(self.coded[group].1);
            while let Some(&(_, r)) = self.coded.get(end) {
                if product * u64::from(r) > u64::from(u32::MAX) {
                    break;
                }
                product *= u64::from(r);
                end += 1;
            }
            let mut rest = number.div_rem(product as u32);
            for &(_, radix) in &self.coded[group..end] {
                out.push(rest % radix);
                rest /= radix;
            }
            group = end;
        }
        out
    }
}

/// Possible answers plus one for "unanswered".
fn radix(q: &Question) -> u32 {
    match q.kind {
        Kind::Multi => (1u32 << q.options.len().min(16)) + 1,
        Kind::Likert => u32::from(q.points.unwrap_or(5)) + 1,
        _ if q.is_numeric() => {
            let (min, max, step) = q.range();
            ((max - min) / step).round() as u32 + 2
        }
        _ => q.options.len() as u32 + 1,
    }
}

fn answer_of(q: &Question, digit: u32) -> Option<Answer> {
    Some(match Given::of(q, digit)? {
        Given::Option(i) => Answer::Str(q.options.get(i)?.id.clone()),
        chosen @ Given::Options(_) => Answer::List(chosen.chosen(q).map(String::from).collect()),
        Given::Number(n) => Answer::Number(n),
    })
}

/// Bytes needed for the largest possible answers number.
fn payload_len(layout: &Layout) -> usize {
    let mut max = BigUint::zero();
    for &(_, r) in layout.coded.iter().rev() {
        max.mul_add(r, r - 1);
    }
    max.significant_bytes()
}

/// Identifies a survey's id, version and answer layout; a code for anything else is refused.
fn fingerprint(survey: &Survey, layout: &Layout) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    feed(survey.id().as_bytes());
    feed(&[0]);
    feed(survey.version().as_bytes());
    for (q, radix) in layout.questions(survey) {
        feed(&[0]);
        feed(q.id.as_bytes());
        feed(&radix.to_be_bytes());
    }
    (h >> 16) as u16 ^ (h as u16)
}

/// CRC-16/CCITT-FALSE: catches every single-bit and burst-up-to-16-bit error.
fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for &b in bytes {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// A little-endian unsigned integer in 32-bit limbs; just enough arithmetic for mixed-radix
/// packing. Wider limbs than bytes: decoding divides every limb once per digit group.
struct BigUint(Vec<u32>);

impl BigUint {
    fn zero() -> Self {
        BigUint(Vec::new())
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }

    fn mul_add(&mut self, mul: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(mul) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn div_rem(&mut self, div: u32) -> u32 {
        let mut rem: u64 = 0;
        for limb in self.0.iter_mut().rev() {
            let v = (rem << 32) | u64::from(*limb);
            *limb = (v / u64::from(div)) as u32;
            rem = v % u64::from(div);
        }
        rem as u32
    }

    fn significant_bytes(&self) -> usize {
        match self.0.iter().rposition(|&l| l != 0) {
            None => 0,
            Some(i) => i * 4 + (4 - self.0[i].leading_zeros() as usize / 8),
        }
    }

    /// Big-endian, padded to `len`, keeping the low `len` bytes.
    fn to_bytes(&self, len: usize) -> Vec<u8> {
        let byte = |i: usize| self.0.get(i / 4).map_or(0, |l| (l >> (8 * (i % 4))) as u8);
        (0..len).rev().map(byte).collect()
    }

    fn from_bytes(big_endian: &[u8]) -> Self {
        let limbs = big_endian
            .rchunks(4)
            .map(|c| c.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)))
            .collect();
        BigUint(limbs)
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const NOT_BASE64: u8 = 0xff;

/// Byte → its value in [`ALPHABET`], or [`NOT_BASE64`].
const SEXTET: [u8; 256] = {
    let mut table = [NOT_BASE64; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

pub(crate) fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub(crate) fn base64url_decode(code: &str) -> Result<Vec<u8>, CodeError> {
    let mut sextets = Vec::with_capacity(code.len());
    for (position, c) in code.bytes().enumerate() {
        match SEXTET[usize::from(c)] {
            NOT_BASE64 => return Err(CodeError::NotBase64 { position }),
            v => sextets.push(u32::from(v)),
        }
    }
    if sextets.len() % 4 == 1 {
        return Err(CodeError::WrongLength);
    }
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &s)| n | s << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
        // Leftover bits must be zero, or two codes would decode to the same bytes.
        let used = (chunk.len() - 1) * 8;
        if n & ((1 << (24 - used)) - 1) != 0 {
            return Err(CodeError::Damaged);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn bigint_packs_and_unpacks_digits() {
        let radices = [6u32, 3, 22, 4097, 6];
        let digits = [5u32, 0, 21, 4000, 1];
        let mut n = BigUint::zero();
        for (r, d) in radices.iter().zip(digits).rev() {
            n.mul_add(*r, d);
        }
        let mut back = BigUint::from_bytes(&n.to_bytes(n.significant_bytes()));
        for (r, d) in radices.iter().zip(digits) {
            assert_eq!(back.div_rem(*r), d);
        }
        assert!(back.is_zero());
    }

    #[test]
    fn the_top_of_a_decimal_range_round_trips() {
        // 3 * 0.1 is 0.30000000000000004, which is over max and would not fit.
        let json = r#"{"format":1,"id":"t","version":"1","default_lang":"en","title":"T",
            "intro":"I","minutes":1,"groups":[{"id":"g","name":"G"}],
            "dimensions":[{"id":"d","group":"g","name":"D"}],"sections":[{"id":"s","title":"S",
            "questions":[{"id":"n","kind":"number","text":"N","min":0,"max":0.3,"step":0.1,
            "weights":{"d":1}}]}]}"#;
        let survey = crate::validate(json.as_bytes()).unwrap();
        let top = crate::simulate::Persona {
            default_level: 4,
            ..Default::default()
        };
        let answers = crate::simulate::simulate(&survey, &top);
        assert_eq!(answers.get("n"), Some(&Answer::Number(0.3)));
        assert_eq!(decode(&survey, &encode(&survey, &answers)), Ok(answers));
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc16(b"123456789"), 0x29b1);
    }
}
