//! The tense a lost "be" takes when a rewrite puts it back ("the unemployment rate in June
//! 11.3 percent" → "was"), from what the sentence says of its time. The rules that find a
//! verbless clause and the search that repairs one both ask it.

use crate::frames::frames;
use crate::tag::Tag;
use crate::time_words::{MONTHS, names_finished_past};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// Verbs whose clause tells of what is to come ("…, the club expects").
const EXPECTING: &[&str] = &[
    "expect",
    "plan",
    "hope",
    "predict",
    "forecast",
    "anticipate",
    "intend",
];

/// Words of a state that goes on ("still in progress", "no longer available").
fn ongoing(words: &[&str], j: usize) -> bool {
    matches!(words[j], "still" | "now" | "currently")
        || (words[j] == "no" && words.get(j + 1) == Some(&"longer"))
}

/// The tense of the "be" a verbless clause gets back; `words` are the sentence's words in
/// lower case, `tags` theirs, the clause's subject ends at `subject_end` and the clause at
/// `end` (it starts after the comma, "that" or verb before the subject):
/// - future, when a verb of expectation in the present stands outside the clause ("the
///   stadium … ready by 2027, the club expects") or the clause names a coming time ("next
///   week");
/// - past, when the clause (up to its first comma) names a time of the finished past ("in
///   June", "on Tuesday morning", "last year");
/// - present, for a state that goes on ("still", "no longer", "now"), unless a verb in the
///   past before the clause reports it ("said that … still");
/// - else past when the sentence's other verbs are, present when not.
pub fn be_tense(words: &[&str], tags: &[Tag], subject_end: usize, end: usize) -> Tense {
    let n = words.len().min(tags.len());
    let end = end.min(n);
    let subject_end = subject_end.min(end);
    // The clause starts after the comma, "that" or verb before its subject.
    let start = (0..subject_end)
        .rev()
        .find(|&j| {
            matches!(words[j], "," | ";" | ":" | "that")
                || tags[j].is_finite_verb()
                || tags[j] == Tag::MD
        })
        .map_or(0, |j| j + 1);
    let outside = |j: &usize| *j < start || *j >= end;
    let past_verb = |j: usize| tags[j] == Tag::VBD;
    let expects = (0..n).filter(outside).any(|j| {
        matches!(tags[j], Tag::VBZ | Tag::VBP) && EXPECTING.contains(&frames().lemma(words[j]))
    });
    let coming = (start..end).any(|j| words[j] == "next" && j + 1 < end);
    if expects || coming {
        return Tense::Future;
    }
    // The clause's own time: up to the first comma after its subject ("now 450,000 euros, 8
    // percent more than a year ago" is a present).
    let until = (subject_end..end).find(|&j| words[j] == ",").unwrap_or(end);
    let month = (start..until.saturating_sub(1))
        .any(|j| words[j] == "in" && MONTHS.contains(&words[j + 1]));
    if month || names_finished_past(&words[start..until]) {
        return Tense::Past;
    }
    let reported = (0..start).any(past_verb);
    if !reported && (subject_end..until).any(|j| ongoing(words, j)) {
        return Tense::Present;
    }
    if (0..n).filter(outside).any(past_verb) {
        Tense::Past
    } else {
        Tense::Present
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, subject_end: usize, end: usize) -> Tense {
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags = crate::tag::Tagger::embedded().tag(&words);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        be_tense(&lower, &tags, subject_end, end)
    }

    #[test]
    fn the_clause_s_time_decides() {
        // "the unemployment rate in Spain in June | 11.3 percent": a finished month.
        assert_eq!(
            tense(
                "the unemployment rate in Spain in June 11.3 percent .",
                3,
                9
            ),
            Tense::Past
        );
        // What the club expects is to come.
        assert_eq!(
            tense(
                "The new stadium ready for use by 2027 , the club expects .",
                3,
                8
            ),
            Tense::Future
        );
        // A state that goes on, reported after it.
        assert_eq!(
            tense(
                "Tickets for the final no longer available , the federation announced .",
                1,
                7
            ),
            Tense::Present
        );
        // … but reported by a verb in the past before it, the past.
        assert_eq!(
            tense(
                "The mayor said that the situation still very serious .",
                6,
                9
            ),
            Tense::Past
        );
        // A finished time in the clause wins over "still".
        assert_eq!(
            tense(
                "Although the roads still icy on Tuesday morning , most schools opened .",
                3,
                8
            ),
            Tense::Past
        );
        // Else the other verbs' tense.
        assert_eq!(
            tense("She says that the water too cold .", 5, 7),
            Tense::Present
        );
    }
}
