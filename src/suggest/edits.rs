//! Edits on spans of the input: what a rewritten sentence changes, found by comparing it word
//! by word with the sentence as written, and the rewritten sentence rendered back from them.
//!
//! A rule renders its whole corrected sentence; the edits are the smallest set of changes that
//! turn the sentence into it. Words that keep their order are matched (a longest common
//! subsequence of tokens) and left alone, with the spacing between them; everything between two
//! matched words is one edit. A word deleted in one place and inserted in another is a move.

use crate::finding::{Edit, EditKind};
use unicode_normalization::UnicodeNormalization;

/// Sentences longer than this many tokens (either side) are compared by their common start and
/// end only, which keeps the comparison linear.
const MAX_TOKENS: usize = 300;

/// Byte ranges of the tokens of `s`: words (letters and digits, with apostrophes and hyphens
/// inside them) and single punctuation characters. Spaces are not tokens.
fn tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, '\'' | '’' | '-')
                    && s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || is_combining_mark(d) || joins {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        out.push((i, end));
    }
    out
}

/// Combining diacritics, which belong to the letter before them.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether two tokens are the same word (also when only their Unicode normal form differs).
fn identical(a: &str, b: &str) -> bool {
    a == b || (!(a.is_ascii() && b.is_ascii()) && a.nfc().eq(b.nfc()))
}

/// Whether two tokens are the same word, whatever their case: such a pair stays in place, and
/// a change of case is an edit of that word alone ("april" → "April").
fn same(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    identical(a, b)
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// The pairs of token indices (in `a`, in `b`) that stay: a longest common subsequence, or for
/// very long sentences the common first and last tokens.
fn matched(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    // The common first and last tokens stay; only the middle is compared in full (a rewrite
    // changes a few places of a sentence).
    let mut head = 0;
    while head < a.len() && head < b.len() && same(a[head], b[head]) {
        head += 1;
    }
    let mut tail = 0;
    while tail < a.len() - head
        && tail < b.len() - head
        && same(a[a.len() - 1 - tail], b[b.len() - 1 - tail])
    {
        tail += 1;
    }
    let middle = middle_matched(&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut pairs: Vec<(usize, usize)> = (0..head).map(|k| (k, k)).collect();
    pairs.extend(middle.into_iter().map(|(i, j)| (i + head, j + head)));
    pairs.extend((0..tail).rev().map(|k| (a.len() - 1 - k, b.len() - 1 - k)));
    pairs
}

/// The matched pairs of two token lists, compared in full (or for very long ones by their
/// common ends).
fn middle_matched(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n > MAX_TOKENS || m > MAX_TOKENS {
        let mut pairs = Vec::new();
        let mut p = 0;
        while p < n && p < m && same(a[p], b[p]) {
            pairs.push((p, p));
            p += 1;
        }
        let mut tail = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > p && j > p && same(a[i - 1], b[j - 1]) {
            i -= 1;
            j -= 1;
            tail.push((i, j));
        }
        pairs.extend(tail.into_iter().rev());
        return pairs;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let w = m + 1;
    let mut lcs = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if same(a[i], b[j]) {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(a[i], b[j]) && lcs[i * w + j] == lcs[(i + 1) * w + j + 1] + 1 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// The edits that turn `original` into `rewritten`, as spans of the input: `offset` is where
/// `original` starts in it. Empty when the two read the same.
pub fn diff(original: &str, rewritten: &str, offset: usize) -> Vec<Edit> {
    if original == rewritten {
        return Vec::new();
    }
    let (ta, tb) = (tokens(original), tokens(rewritten));
    let wa: Vec<&str> = ta.iter().map(|&(s, e)| &original[s..e]).collect();
    let wb: Vec<&str> = tb.iter().map(|&(s, e)| &rewritten[s..e]).collect();
    let pairs = matched(&wa, &wb);
    let mut edits = Vec::new();
    // The gaps between consecutive matched tokens (and before the first and after the last).
    let mut prev: (usize, usize) = (0, 0);
    let bounds = pairs
        .iter()
        .map(|&(i, j)| (ta[i], tb[j]))
        .chain(std::iter::once((
            (original.len(), original.len()),
            (rewritten.len(), rewritten.len()),
        )));
    for ((a_start, a_end), (b_start, b_end)) in bounds {
        let gap_a = (prev.0, a_start);
        let gap_b = (prev.1, b_start);
        if let Some(edit) = gap_edit(original, rewritten, gap_a, gap_b, offset) {
            edits.push(edit);
        }
        // Matched tokens that differ only in their normal form are left as written; a change
        // of case is an edit of the word.
        let (x, y) = (&original[a_start..a_end], &rewritten[b_start..b_end]);
        if !identical(x, y) && !x.is_empty() {
            edits.push(Edit {
                kind: EditKind::Replace,
                start: offset + a_start,
                end: offset + a_end,
                replacement: y.to_string(),
            });
        }
        prev = (a_end, b_end);
    }
    mark_moves(original, offset, &mut edits);
    edits
}

/// The edit that turns `original[a.0..a.1]` into `rewritten[b.0..b.1]`, less what the two have
/// in common at their start and end.
fn gap_edit(
    original: &str,
    rewritten: &str,
    a: (usize, usize),
    b: (usize, usize),
    offset: usize,
) -> Option<Edit> {
    let (x, y) = (&original[a.0..a.1], &rewritten[b.0..b.1]);
    if x == y {
        return None;
    }
    // Only spaces are trimmed: an edit replaces whole words.
    let prefix: usize = x
        .chars()
        .zip(y.chars())
        .take_while(|(p, q)| p == q && p.is_whitespace())
        .map(|(p, _)| p.len_utf8())
        .sum();
    let (x, y) = (&x[prefix..], &y[prefix..]);
    let suffix: usize = x
        .chars()
        .rev()
        .zip(y.chars().rev())
        .take_while(|(p, q)| p == q && p.is_whitespace())
        .map(|(p, _)| p.len_utf8())
        .sum();
    let suffix = suffix.min(x.len()).min(y.len());
    let (x, y) = (&x[..x.len() - suffix], &y[..y.len() - suffix]);
    let start = offset + a.0 + prefix;
    let kind = match (x.is_empty(), y.is_empty()) {
        (true, _) => EditKind::Insert,
        (false, true) => EditKind::Delete,
        _ => EditKind::Replace,
    };
    Some(Edit {
        kind,
        start,
        end: start + x.len(),
        replacement: y.to_string(),
    })
}

/// A deletion and an insertion of the same words (whatever their case) are the two halves of
/// a move.
fn mark_moves(original: &str, offset: usize, edits: &mut [Edit]) {
    let key = |s: &str| s.trim().trim_matches(',').trim().to_lowercase();
    for d in 0..edits.len() {
        if edits[d].kind != EditKind::Delete {
            continue;
        }
        let deleted = key(&original[edits[d].start - offset..edits[d].end - offset]);
        if deleted.is_empty() {
            continue;
        }
        if let Some(i) = (0..edits.len())
            .find(|&i| edits[i].kind == EditKind::Insert && key(&edits[i].replacement) == deleted)
        {
            edits[d].kind = EditKind::Move;
            edits[i].kind = EditKind::Move;
        }
    }
}

/// Whether two sets of edits touch the same text: overlapping spans, or an insertion at the
/// same place or inside the other's span.
pub fn conflict(a: &[Edit], b: &[Edit]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            (x.start < y.end && y.start < x.end)
                || x.start == y.start
                || (x.start == x.end && y.start < x.start && x.start < y.end)
                || (y.start == y.end && x.start < y.start && y.start < x.end)
        })
    })
}

/// `text` (which starts at `offset` in the input) with `edits` applied. Edits that overlap an
/// earlier one or fall outside the text are skipped.
pub fn apply(text: &str, offset: usize, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for e in sorted {
        let (Some(s), Some(t)) = (e.start.checked_sub(offset), e.end.checked_sub(offset)) else {
            continue;
        };
        if s < at
            || t > text.len()
            || s > t
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(t)
        {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&e.replacement);
        at = t;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(a: &str, b: &str) -> Vec<Edit> {
        let edits = diff(a, b, 100);
        let refs: Vec<&Edit> = edits.iter().collect();
        assert_eq!(apply(a, 100, &refs), b, "edits {edits:?}");
        edits
    }

    #[test]
    fn a_moved_verb_is_a_move_of_one_word() {
        let e = round_trip(
            "She said that the country Haftar supports.",
            "She said that the country supports Haftar.",
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e.iter().all(|e| e.kind == EditKind::Move));
        // Spans are input offsets: the sentence starts at byte 100.
        assert!(e.iter().all(|e| e.start >= 100));
    }

    #[test]
    fn words_replaced_inserted_and_deleted() {
        let e = round_trip(
            "Thursday accused the government France.",
            "On Thursday, the government accused France.",
        );
        assert!(
            e.iter()
                .any(|e| e.kind == EditKind::Insert && e.replacement == "On ")
        );
        round_trip("He he went home.", "He went home.");
        round_trip("Went home.", "He went home.");
        round_trip("a  b   c", "c b a");
        round_trip("", "Something.");
        round_trip("Something.", "");
    }

    #[test]
    fn the_same_sentence_has_no_edits() {
        assert!(diff("Same.", "Same.", 0).is_empty());
        // Only the Unicode normal form differs: nothing to change.
        assert!(diff("Cafe\u{301} open.", "Café open.", 0).is_empty());
    }

    #[test]
    fn long_sentences_compare_by_their_ends() {
        let a = "w ".repeat(400) + "end.";
        let b = "w ".repeat(400) + "stop.";
        let e = round_trip(&a, &b);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].replacement, "stop");
    }

    #[test]
    fn conflicts() {
        let at = |start, end| Edit {
            kind: EditKind::Replace,
            start,
            end,
            replacement: "x".into(),
        };
        assert!(conflict(&[at(0, 5)], &[at(4, 6)]));
        assert!(!conflict(&[at(0, 5)], &[at(5, 6)]));
        assert!(conflict(&[at(3, 3)], &[at(3, 3)]));
        assert!(conflict(&[at(3, 3)], &[at(1, 6)]));
        assert!(!conflict(&[at(6, 6)], &[at(1, 6)]));
    }
}
