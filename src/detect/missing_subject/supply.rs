//! What a clause without its subject gets as one in a suggestion: the "it" or "there" an
//! impersonal clause needs ("Will be colder at the weekend" → "It will be colder …"; "Were more
//! than 20,000 people on the streets" → "There were …"), or the pronoun that takes up the
//! subject of the verb that reports the clause ("The club said will close two plants" → "…
//! said it will close …"). Where the sentence does not tell, nothing is supplied.

use crate::detect::SentenceView;
use crate::detect::words::{BE, MODALS, is_person_noun};
use crate::tag::Tag;

/// Verbs whose subject is an impersonal "it": "It seems that …", "It remains unclear …".
const IMPERSONAL: &[&str] = &[
    "seems", "seemed", "appears", "appeared", "remains", "remained", "takes", "took", "looks",
    "looked", "follows", "followed", "means", "meant", "matters", "mattered", "depends",
    "depended", "happens", "happened", "turns", "turned", "emerged", "emerges",
];

/// Words that open the noun phrase of an existential "there": quantities and indefinites.
const EXISTENTIAL_OPENERS: &[&str] = &[
    "more",
    "fewer",
    "less",
    "no",
    "many",
    "several",
    "some",
    "few",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "still",
    "also",
    "already",
    "now",
    "currently",
    "a",
    "an",
    "enough",
    "plenty",
    "little",
    "much",
];

/// Nouns of an "a" phrase that identify rather than introduce ("It was a record year").
const IDENTIFYING: &[&str] = &[
    "record", "year", "day", "week", "month", "time", "success", "mistake", "shame", "pity",
    "relief", "surprise", "question", "matter", "first", "historic",
];

/// The word a subjectless clause whose finite verb is at `i` needs before it: "It" or
/// "There" (capitalised), or None when the sentence does not tell.
pub fn expletive(v: &SentenceView, i: usize) -> Option<&'static str> {
    let w = v.lower(i);
    if MODALS.contains(&w) || IMPERSONAL.contains(&w) || matches!(w, "has" | "had") {
        return Some("It");
    }
    if !BE.contains(&w) {
        return None;
    }
    let mut k = i + 1;
    while matches!(
        v.lower(k),
        "not" | "n't" | "still" | "also" | "already" | "now" | "again"
    ) {
        k += 1;
    }
    let next = v.lower(k);
    let plural_verb = matches!(w, "are" | "were");
    let t = v.tag(k)?;
    // "Was difficult to reach", "Is expected that …": a predicate with no noun.
    if matches!(t, Tag::JJ | Tag::JJR | Tag::JJS | Tag::VBN | Tag::RB) && !plural_verb {
        return Some("It");
    }
    let definite = matches!(t, Tag::PRPS | Tag::NNP | Tag::NNPS)
        || matches!(next, "the" | "this" | "that" | "these" | "those");
    if definite {
        return (!plural_verb).then_some("It");
    }
    if matches!(next, "a" | "an")
        && (k + 1..(k + 4).min(v.len())).any(|j| IDENTIFYING.contains(&v.lower(j)))
    {
        return (!plural_verb).then_some("It");
    }
    let existential = EXISTENTIAL_OPENERS.contains(&next)
        || t == Tag::CD
        || matches!(t, Tag::NNS | Tag::JJ)
        || (t == Tag::NN && !plural_verb);
    existential.then_some("There")
}

/// The pronoun that takes up the subject at tokens `a..b` in the clause it reports, whose
/// auxiliary is at `aux`: "it" for a thing or an organisation, "they" for a plural (with the
/// auxiliary made plural: "was" → "were"), "he" or "she" for a person when the sentence says
/// which ("his team", "her plan"). With the auxiliary as it must then read.
pub fn pronoun_for(
    v: &SentenceView,
    a: usize,
    b: usize,
    aux: usize,
) -> Option<(&'static str, String)> {
    let head = (a..b).rev().find(|&j| v.tag(j).is_some_and(Tag::is_noun))?;
    let word = v.lower(head);
    let aux_word = v.lower(aux).to_string();
    let plural = matches!(v.tag(head), Some(Tag::NNS | Tag::NNPS)) || word == "police";
    if plural {
        let aux_plural = match aux_word.as_str() {
            "was" => "were".to_string(),
            "is" => "are".to_string(),
            "has" => "have".to_string(),
            other => other.to_string(),
        };
        return Some(("they", aux_plural));
    }
    if v.tag(head) == Some(Tag::NNP) || is_person_noun(word) {
        let rest = &v.lower[aux + 1..];
        let his = rest
            .iter()
            .any(|w| matches!(w.as_ref(), "his" | "him" | "himself"));
        let her = rest
            .iter()
            .any(|w| matches!(w.as_ref(), "her" | "hers" | "herself"));
        return match (his, her) {
            (true, false) => Some(("he", aux_word)),
            (false, true) => Some(("she", aux_word)),
            _ => None,
        };
    }
    Some(("it", aux_word))
}
