//! Small text edits on a whole sentence, for rules whose fix changes words in place (casing,
//! dropping a repeated word) rather than reordering them.

use super::{Diagnosis, SentenceView};

/// One replacement: bytes `start..end` of the normalized text become `with`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub with: String,
}

/// The sentence with `edits` applied (edits outside the sentence or overlapping an earlier one
/// are skipped).
pub fn apply(view: &SentenceView, edits: &[Edit]) -> String {
    let seg = view.sentence.segment;
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(seg.end - seg.start);
    let mut at = seg.start;
    for e in sorted {
        if e.start < at || e.end > seg.end || e.start > e.end {
            continue;
        }
        out.push_str(view.text.get(at..e.start).unwrap_or(""));
        out.push_str(&e.with);
        at = e.end;
    }
    out.push_str(view.text.get(at..seg.end).unwrap_or(""));
    out
}

/// Upper-cases the first letter of a word.
pub fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether a word is written with a capital and then only lower case ("Us", "April").
pub fn is_title_case(word: &str) -> bool {
    let mut c = word.chars();
    c.next().is_some_and(char::is_uppercase) && c.all(|x| !x.is_uppercase())
}

/// A diagnosis over tokens `a..b` of a sentence.
pub fn diagnosis(
    view: &SentenceView,
    a: usize,
    b: usize,
    message: String,
    suggestion: Option<String>,
    confidence: f64,
) -> Diagnosis {
    let (start, end) = view.span(a, b);
    Diagnosis {
        check: "",
        start,
        end,
        message,
        suggestion,
        confidence,
    }
}
