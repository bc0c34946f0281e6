//! Normalize stage: Unicode NFC, with a map from every normalized offset back to the input.
//!
//! Text is cut into pieces before each ASCII character (no ASCII character ever composes with
//! what precedes it, so NFC of the whole equals the NFC of the pieces put together). Pieces that NFC leaves alone
//! map byte for byte; a piece NFC changes maps as a unit (its start to its start, its end to its
//! end). Text that is already NFC, the common case, keeps an empty map.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A piece of text that NFC changed: normalized range and the input range it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Changed {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// NFC text with its offset map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    changed: Vec<Changed>,
}

impl Normalized {
    /// Normalizes a text it owns: when the text is already NFC it becomes the normalized text
    /// without a copy, and `None` comes back; otherwise the original comes back beside it.
    pub fn from_string(original: String) -> (Normalized, Option<String>) {
        if is_nfc_quick(original.chars()) == IsNormalized::Yes {
            let n = Normalized {
                text: original,
                changed: Vec::new(),
            };
            return (n, None);
        }
        (Normalized::new(&original), Some(original))
    }

    pub fn new(original: &str) -> Normalized {
        if is_nfc_quick(original.chars()) == IsNormalized::Yes {
            return Normalized {
                text: original.to_string(),
                changed: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut changed = Vec::new();
        let bytes = original.as_bytes();
        let mut start = 0;
        while start < original.len() {
            // A piece runs up to the next ASCII character: an ASCII character never composes
            // with what precedes it, so cutting there is safe.
            let first_len = original[start..].chars().next().map_or(1, char::len_utf8);
            let end = bytes[start + first_len..]
                .iter()
                .position(|b| b.is_ascii())
                .map_or(original.len(), |p| start + first_len + p);
            let piece = &original[start..end];
            let norm_start = text.len();
            text.extend(piece.nfc());
            if text[norm_start..] != *piece {
                changed.push(Changed {
                    norm_start,
                    norm_end: text.len(),
                    orig_start: start,
                    orig_end: end,
                });
            }
            start = end;
        }
        Normalized { text, changed }
    }

    /// True when normalization changed nothing.
    pub fn is_identity(&self) -> bool {
        self.changed.is_empty()
    }

    /// Maps a normalized offset where a span starts to the input offset.
    pub fn to_original_start(&self, offset: usize) -> usize {
        self.map(offset, false)
    }

    /// Maps a normalized offset where a span ends to the input offset.
    pub fn to_original_end(&self, offset: usize) -> usize {
        self.map(offset, true)
    }

    fn map(&self, offset: usize, is_end: bool) -> usize {
        if self.changed.is_empty() {
            return offset;
        }
        // First changed piece whose end is beyond the offset.
        let idx = self.changed.partition_point(|c| c.norm_end <= offset);
        if let Some(c) = self.changed.get(idx)
            && c.norm_start < offset
        {
            return if is_end { c.orig_end } else { c.orig_start };
        }
        match idx.checked_sub(1).map(|i| self.changed[i]) {
            Some(prev) => prev.orig_end + (offset - prev.norm_end),
            None => offset,
        }
    }
}

/// Line and column lookup over a text; line breaks are LF, CRLF or CR.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Every [`MARK_STEP`] bytes: the byte offset and the characters from its line's start to
    /// it. A column is counted from the nearest mark, so finding it costs at most a step however
    /// long the line (a text of one 50 MB line would otherwise cost a scan per finding).
    marks: Vec<(usize, usize)>,
}

const MARK_STEP: usize = 4096;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        let mut marks = Vec::with_capacity(text.len() / MARK_STEP + 1);
        let bytes = text.as_bytes();
        let mut chars = 0;
        let mut i = 0;
        while i < bytes.len() {
            if i % MARK_STEP == 0 {
                marks.push((i, chars));
            }
            match bytes[i] {
                b'\n' => {
                    line_starts.push(i + 1);
                    chars = 0;
                }
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                        if i % MARK_STEP == 0 {
                            marks.push((i, chars + 1));
                        }
                    }
                    line_starts.push(i + 1);
                    chars = 0;
                }
                b => chars += starts_char(b) as usize,
            }
            i += 1;
        }
        LineIndex { line_starts, marks }
    }

    /// 1-based line and 1-based column in characters of a byte offset into `text`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line - 1];
        // The nearest mark at or before the offset, if it is on the same line.
        let (from, before) = match self.marks.partition_point(|&(m, _)| m <= offset) {
            0 => (line_start, 0),
            k => match self.marks[k - 1] {
                (m, c) if m >= line_start => (m, c),
                _ => (line_start, 0),
            },
        };
        let column = before
            + text.as_bytes()[from..offset]
                .iter()
                .filter(|&&b| starts_char(b))
                .count();
        (line, column + 1)
    }
}

/// 1-based line and column (in characters) of a byte offset into `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_text_is_identity() {
        let n = Normalized::new("Caf\u{e9} au lait");
        assert!(n.is_identity());
        assert_eq!(n.to_original_start(5), 5);
    }

    #[test]
    fn decomposed_text_maps_back() {
        // "Cafe\u{301} x": the e + combining acute composes to é (2 bytes from 3).
        let original = "Cafe\u{301} noir";
        let n = Normalized::new(original);
        assert_eq!(n.text, "Caf\u{e9} noir");
        let noir = n.text.find("noir").unwrap();
        assert_eq!(&original[n.to_original_start(noir)..], "noir");
        let cafe_end = n.text.find(' ').unwrap();
        assert_eq!(&original[..n.to_original_end(cafe_end)], "Cafe\u{301}");
    }

    #[test]
    fn columns_count_characters_and_crlf() {
        let text = "ab\r\nçé x\rz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_column(text, 0), (1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_column(text, x), (2, 4));
        let z = text.find('z').unwrap();
        assert_eq!(idx.line_column(text, z), (3, 1));
    }

    #[test]
    fn columns_on_a_long_line_match_counting_from_its_start() {
        let text = format!("first\r\n{}\nlast", "ä b €".repeat(3000));
        let index = LineIndex::new(&text);
        for offset in (0..text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(97)
        {
            assert_eq!(
                index.line_column(&text, offset),
                line_column(&text, offset),
                "{offset}"
            );
        }
    }
}
