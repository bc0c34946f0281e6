//! A rewrite found by search for a sentence whose structural findings have none.
//!
//! - The transpositions of two neighbouring words at the flagged words ("The police the found
//!   stolen car" → "The police found the stolen car"; "glaciers the in Alps" → "glaciers in
//!   the Alps"; "8 more percent" → "8 percent more"). A candidate counts when the model of
//!   swapped neighbours finds the two words suspicious and the word bigram model of a large
//!   corpus finds the transposition clearly more probable than the sentence.
//! - For a lost verb or subject, the word put back at the flagged words: a form of "be" ("The
//!   judge said the evidence insufficient" → "… the evidence was insufficient"), a subject
//!   pronoun ("The minister said on Friday was not the time" → "… on Friday it was …"). A
//!   candidate counts when the bigram model finds the words around the gap more probable with
//!   it than without; "be" before a predicate (an adjective, an adverb, a number, "no longer")
//!   is tried first and may read a little less probable, as any word after a name does.
//!
//! The likeliest few candidates are checked by the tool itself, and the first that no
//! structural check flags even at a low confidence is the suggestion (a search has no rule's
//! reasons behind it: it must leave nothing doubtful).

use super::combine::Judge;
use crate::ngram::WordNgrams;
use crate::tag::{Tag, Tagger};
use crate::tense::{Tense, be_tense};

/// How much more probable a transposition must read than the sentence (the natural log of the
/// ratio: about four and a half times).
const MIN_GAIN: f32 = 1.5;
/// How much more probable a transposition of two words the model of swapped neighbours finds
/// unsuspicious must read, a determiner between an auxiliary and the verb ("will the present
/// report" → "will present the report": the two words are common in either order). As much as
/// any other: the shape, and a finding that the auxiliary lacks its verb, vouch for it, and
/// the rewrite must still leave no structural finding at all.
const MIN_GAIN_UNSUSPECTED: f32 = 1.5;
/// The least log-odds of the model of swapped neighbours (`word-order-anomaly`) that the two
/// words were written in the wrong order.
const MIN_PAIR_SCORE: f32 = -2.5;
/// How many of the likeliest transpositions the tool checks.
const TRIED: usize = 3;
/// How many words beside a flagged span a transposition may reach.
const REACH: usize = 2;

/// How much more probable the words around a gap must read with the word put in (the natural
/// log of the ratio).
const MIN_INSERT_GAIN: f32 = 0.5;
/// The same for a form of "be" put before a predicate (an adjective, an adverb, a number,
/// "no longer"): a gap after a name costs the bigram model any word's probability there
/// ("Temperatures in the Alps on Wednesday were well below freezing"), so a little less
/// probable still counts. Such a gap is tried before any other.
const MIN_PREDICATE_GAIN: f32 = -2.5;

/// The same for a subject pronoun before its verb: a finding marks the gap, and a verb after
/// a noun or a time reads well enough without one ("said on Friday was" → "… Friday it was").
const MIN_SUBJECT_GAIN: f32 = -4.0;

/// What a finding says was lost: its verb, its subject, or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    Verb,
    Subject,
    Either,
}

/// The subject pronouns a lost subject is searched among.
const SUBJECTS: &[&str] = &["it", "he", "she", "they", "there"];

fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// The token ranges the `spans` (byte ranges in the text) cover, widened by the reach.
fn token_ranges(
    tokens: &[crate::tokenize::Token],
    spans: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let n = tokens.len();
    spans
        .iter()
        .map(|&(s, e)| {
            let first = tokens.iter().position(|t| t.end > s).unwrap_or(n);
            let last = tokens.iter().rposition(|t| t.start < e).unwrap_or(0);
            (first.saturating_sub(REACH), last + REACH)
        })
        .collect()
}

/// The rewrite of `text` (a sentence) with two neighbouring words at the `spans` (byte ranges
/// in `text`) transposed, when one reads as English (see the module documentation).
pub fn transposition(text: &str, spans: &[(usize, usize)], judge: &dyn Judge) -> Option<String> {
    let model = WordNgrams::embedded()?;
    let tokens = crate::tokenize::tokenize(text, 0, text.len());
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let n = words.len();
    let ranges = token_ranges(&tokens, spans);
    let near = |k: usize| ranges.iter().any(|&(a, b)| a <= k && k <= b);
    // The pair itself must look swapped to the model of swapped neighbours.
    let pair_scores = judge.swap_scores(text);
    if pair_scores.len() + 1 != n {
        return None;
    }
    let mut candidates: Vec<(f32, String)> = Vec::new();
    // The first word keeps its place: a transposition there would move the capital letter.
    for i in 1..n.saturating_sub(1) {
        if !(is_word(words[i]) && is_word(words[i + 1])) || !(near(i) || near(i + 1)) {
            continue;
        }
        // Only the pairs around the two words change: the word before, the two, the word after.
        let (lo, hi) = (i - 1, (i + 3).min(n));
        let mut swapped = words[lo..hi].to_vec();
        swapped.swap(1, 2);
        let gain = model.score(&swapped).0 - model.score(&words[lo..hi]).0;
        // (A pair English knows in both orders, "the present", needs a far clearer gain.)
        let suspicious = pair_scores[i].is_some_and(|p| p >= MIN_PAIR_SCORE);
        // The waiver holds for a determiner between an auxiliary and a word that can be its
        // verb, which the determiner made a noun or adjective ("will the present budget").
        let verb_after_determiner = || {
            let tagger = Tagger::embedded();
            let auxiliary = matches!(
                words[i - 1].to_ascii_lowercase().as_str(),
                "will"
                    | "would"
                    | "can"
                    | "could"
                    | "shall"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "does"
                    | "do"
                    | "did"
            );
            auxiliary
                && matches!(
                    words[i].to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this"
                )
                && (tagger.can_be(words[i + 1], Tag::VB) || tagger.can_be(words[i + 1], Tag::VBN))
        };
        if gain < MIN_GAIN
            || !(suspicious || (gain >= MIN_GAIN_UNSUSPECTED && verb_after_determiner()))
        {
            continue;
        }
        let (a, b) = (&tokens[i], &tokens[i + 1]);
        let rewrite = format!(
            "{}{}{}{}{}",
            &text[..a.start],
            &text[b.start..b.end],
            &text[a.end..b.start],
            &text[a.start..a.end],
            &text[b.end..]
        );
        candidates.push((gain, rewrite));
    }
    first_accepted(candidates, judge)
}

/// Of the likeliest candidates (gain, rewrite), the first that no structural check flags.
fn first_accepted(mut candidates: Vec<(f32, String)>, judge: &dyn Judge) -> Option<String> {
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    candidates
        .into_iter()
        .take(TRIED)
        .map(|(_, r)| r)
        .find(|r| judge.accepts_strictly(r))
}

/// The form of "be" a subject ending before token `gap` takes: plural after a plural head or
/// a coordination, in the tense the clause calls for ([`be_tense`]). The head is the noun before the
/// subject's prepositional phrases ("the water level of Lake Constance" → "level").
/// None when what stands before the gap is two noun phrases, a subject and an object ("The
/// police the suspect"): the verb lost there is no "be".
fn copula(words: &[&str], tags: &[Tag], gap: usize) -> Option<&'static str> {
    // (After an apposition's closing comma, its name.)
    let mut head = if words[gap - 1] == "," && gap >= 2 {
        gap - 2
    } else {
        gap - 1
    };
    let mut coordinated = false;
    let mut j = gap - 1;
    while j > 0 {
        j -= 1;
        let t = tags[j];
        if t.is_punct()
            || t.is_verb()
            || matches!(t, Tag::MD | Tag::TO | Tag::WDT)
            || words[j].eq_ignore_ascii_case("that")
        {
            break;
        }
        if t == Tag::IN
            && let Some(k) = (0..j).rev().take(3).find(|&k| tags[k].is_noun())
        {
            head = k;
        }
        coordinated |= t == Tag::CC && words[j].eq_ignore_ascii_case("and");
        if matches!(t, Tag::DT | Tag::PRPS) && j > 0 && tags[j - 1].is_noun() {
            // A noun phrase before the subject in a phrase of its own ("Since last year the
            // number …") leaves the subject starting here.
            let mut k = j - 1;
            while k > 0 && (tags[k].is_noun() || tags[k].is_adjective() || tags[k] == Tag::CD) {
                k -= 1;
            }
            if tags[k] == Tag::IN {
                break;
            }
            return None;
        }
    }
    let plural = coordinated || matches!(tags[head], Tag::NNS | Tag::NNPS);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let end = (gap..lower.len())
        .find(|&k| matches!(lower[k], "," | ";"))
        .unwrap_or(lower.len());
    let tense = be_tense(&lower, tags, gap, end);
    // A state that holds "since" a time holds up to now: the present perfect ("Since last
    // year the number … has been considerably lower").
    let since = lower.contains(&"since");
    if since && tense == Tense::Present {
        return Some(if plural { "have been" } else { "has been" });
    }
    Some(match (tense, plural) {
        (Tense::Future, _) => "will be",
        (Tense::Past, false) => "was",
        (Tense::Past, true) => "were",
        (Tense::Present, false) => "is",
        (Tense::Present, true) => "are",
    })
}

/// The rewrite of `text` (a sentence) with its lost verb (a form of "be" between a subject and
/// its predicate) or subject (a pronoun before a verb) put in at the `spans`, when one reads as
/// English (see the module documentation).
pub fn insertion(
    text: &str,
    spans: &[(usize, usize)],
    lost: Lost,
    judge: &dyn Judge,
) -> Option<String> {
    let model = WordNgrams::embedded()?;
    let tokens = crate::tokenize::tokenize(text, 0, text.len());
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let tags = Tagger::embedded().tag(&words);
    let ranges = token_ranges(&tokens, spans);
    let near = |k: usize| ranges.iter().any(|&(a, b)| a <= k && k <= b);
    let mut candidates: Vec<(f32, String)> = Vec::new();
    // The subject pronouns the sentence's possessive, object and reflexive pronouns point to.
    let later: Vec<&str> = words
        .iter()
        .filter_map(|w| match w.to_ascii_lowercase().as_str() {
            "her" | "hers" | "herself" => Some("she"),
            "his" | "him" | "himself" => Some("he"),
            "its" | "itself" => Some("it"),
            "their" | "them" | "themselves" => Some("they"),
            _ => None,
        })
        .collect();
    // Between tokens `i - 1` and `i`; not before the first word, whose capital would move.
    for i in 1..words.len() {
        if !is_word(words[i]) || !(near(i - 1) || near(i)) {
            continue;
        }
        let (prev, next) = (tags[i - 1], tags[i]);
        // After a name set off by commas ("The mayor of Hamburg, Peter Schulz, confident
        // that …") the gap follows the comma.
        let closed_apposition =
            words[i - 1] == "," && i >= 2 && tags[i - 2].is_noun() && words[..i - 1].contains(&",");
        let predicate = next.is_adjective()
            || next.is_adverb()
            || next == Tag::CD
            || (words[i].eq_ignore_ascii_case("no")
                && words
                    .get(i + 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("longer")));
        let copula_fits =
            (prev.is_noun() || matches!(prev, Tag::CD | Tag::PRP) || closed_apposition)
                && (predicate || matches!(next, Tag::IN | Tag::VBN | Tag::VBG));
        // A subject pronoun stands before its verb, not after a determiner or an adjective
        // ("the has been closed" lost a noun, not a pronoun).
        // ("believes that stole": "that" after a verb opens the clause.)
        let opener = words[i - 1].eq_ignore_ascii_case("that") && i >= 2 && tags[i - 2].is_verb();
        // Past adverbs, a determiner or an adjective before the gap lost a noun ("The also
        // said"); and a noun before the gap with no verb before it is the subject itself ("And
        // the Swiss president have signed" lost a first conjunct, not a pronoun).
        let before_adverbs = (0..i).rev().find(|&k| !tags[k].is_adverb());
        let noun_phrase_before = before_adverbs.is_some_and(|k| {
            tags[k].is_adjective() || matches!(tags[k], Tag::DT | Tag::PRPS | Tag::CD)
        });
        let bare_subject_before = prev.is_noun() && {
            // The noun phrase before the gap, back to what stands before it: after a verb or a
            // preposition it is an object ("said on Friday was"), otherwise a subject ("that
            // the budget would").
            let np = |k: usize| {
                tags[k].is_noun()
                    || tags[k].is_adjective()
                    || matches!(tags[k], Tag::DT | Tag::PRPS | Tag::CD | Tag::POS)
            };
            let start = (0..i).rev().find(|&k| !np(k));
            !start.is_some_and(|k| {
                tags[k].is_verb() || (tags[k] == Tag::IN && !words[k].eq_ignore_ascii_case("that"))
            })
        };
        let subject_fits = (next.is_finite_verb() || next == Tag::MD)
            && (opener || !(noun_phrase_before || bare_subject_before));
        let be;
        let verb = matches!(lost, Lost::Verb | Lost::Either) && copula_fits;
        let fillers: &[&str] = match verb.then(|| copula(&words, &tags, i)).flatten() {
            Some(c) => {
                be = [c];
                &be
            }
            None if matches!(lost, Lost::Subject | Lost::Either) && subject_fits => SUBJECTS,
            None => &[],
        };
        let before = model.score(&words[i - 1..=i]).0;
        let least = if verb && predicate {
            MIN_PREDICATE_GAIN
        } else if !verb {
            MIN_SUBJECT_GAIN
        } else {
            MIN_INSERT_GAIN
        };
        // "There" takes a noun phrase after its verb ("there was a delay", not "there was
        // too busy").
        let existential = tags
            .get(i + 1)
            .is_some_and(|t| t.is_noun() || matches!(t, Tag::DT | Tag::CD | Tag::PDT));
        for &w in fillers.iter().filter(|&&w| w != "there" || existential) {
            // (The perfect is scored as the present: the bigram model would charge its two
            // words twice.)
            let scored = match w {
                "has been" => "is",
                "have been" => "are",
                "will be" => "is",
                w => w,
            };
            let gain = model.score(&[words[i - 1], scored, words[i]]).0 - before;
            if gain < least {
                continue;
            }
            let at = tokens[i].start;
            // (Gaps before a predicate first, and the pronoun a later one of the sentence
            // refers back with: "stole … from her employer" is "she stole".)
            let rank = gain
                + if verb && predicate { 100.0 } else { 0.0 }
                + if !verb && later.contains(&w) {
                    50.0
                } else {
                    0.0
                };
            candidates.push((rank, format!("{}{w} {}", &text[..at], &text[at..])));
        }
    }
    first_accepted(candidates, judge)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts every candidate; the model of swapped neighbours gives every pair this score.
    struct Accepting(f32);
    /// Every pair suspicious enough.
    const ANYTHING: Accepting = Accepting(0.0);
    impl Judge for Accepting {
        fn accepts(&self, _: &str, _: &str, _: usize) -> bool {
            true
        }
        fn accepts_strictly(&self, _: &str) -> bool {
            true
        }
        fn swap_scores(&self, sentence: &str) -> Vec<Option<f32>> {
            let n = crate::tokenize::tokenize(sentence, 0, sentence.len()).len();
            vec![Some(self.0); n.saturating_sub(1)]
        }
    }

    #[test]
    fn neighbours_out_of_order_are_put_back() {
        let repair = |t: &str| {
            let at = t.find("the found").unwrap_or(0);
            transposition(t, &[(at, at + 9)], &ANYTHING)
        };
        assert_eq!(
            repair("The police the found stolen car in a forest.").as_deref(),
            Some("The police found the stolen car in a forest.")
        );
        // A pair the model of swapped neighbours finds natural, a determiner between an
        // auxiliary and a word that can be its verb, is put back as well.
        let t = "The council will the present plan on Monday.";
        assert_eq!(
            transposition(t, &[(17, 28)], &Accepting(-10.0)).as_deref(),
            Some("The council will present the plan on Monday.")
        );
        let t = "The minister will the present report to parliament next week.";
        assert_eq!(
            transposition(t, &[(13, 24)], &Accepting(-10.0)).as_deref(),
            Some("The minister will present the report to parliament next week.")
        );
        // Far from the flagged words, or nothing clearly better: no rewrite.
        assert_eq!(
            transposition(
                "The police found the stolen car in a forest.",
                &[(0, 3)],
                &ANYTHING
            ),
            None
        );
    }

    #[test]
    fn a_lost_be_or_subject_is_put_back() {
        let whole = |t: &str| vec![(0, t.len())];
        // The head of the subject decides the number, not the last noun before the gap; a
        // gap before a predicate after a name or an apposition's closing comma is tried first;
        // the sentence's past decides the tense, and a state since a time is in the present
        // perfect (a phrase before the subject is no object).
        for (t, lost, fixed) in [
            (
                "The judge said the evidence against the two brothers insufficient for a conviction.",
                Lost::Verb,
                "The judge said the evidence against the two brothers was insufficient for a conviction.",
            ),
            (
                "The water level of the lakes currently 40 centimetres below the average.",
                Lost::Verb,
                "The water level of the lakes is currently 40 centimetres below the average.",
            ),
            (
                "Temperatures in the Alps on Wednesday well below freezing, the service said.",
                Lost::Verb,
                "Temperatures in the Alps on Wednesday were well below freezing, the service said.",
            ),
            (
                "The mayor of Hamburg, Peter Schulz, confident that the tunnel will be finished.",
                Lost::Either,
                "The mayor of Hamburg, Peter Schulz, is confident that the tunnel will be finished.",
            ),
            (
                "Since last spring the price of bread in the region considerably higher.",
                Lost::Verb,
                "Since last spring the price of bread in the region has been considerably higher.",
            ),
        ] {
            assert_eq!(
                insertion(t, &whole(t), lost, &ANYTHING).as_deref(),
                Some(fixed),
                "{t}"
            );
        }
        // Two noun phrases in a row lost a verb that is no "be".
        let t = "The police the suspect at his home in Delft on Thursday.";
        assert_eq!(insertion(t, &whole(t), Lost::Verb, &ANYTHING), None);
        let t = "The coach said was satisfied with the performance of his team.";
        let fixed = insertion(t, &whole(t), Lost::Subject, &ANYTHING).unwrap_or_default();
        assert!(
            SUBJECTS
                .iter()
                .any(|p| fixed == t.replace("said was", &format!("said {p} was"))),
            "{fixed}"
        );
        // The pronoun a later one refers back with; "that" after a verb opens the clause.
        let t = "The prosecutor believes that stole 200,000 euros from her employer.";
        assert_eq!(
            insertion(t, &whole(t), Lost::Subject, &ANYTHING).as_deref(),
            Some("The prosecutor believes that she stole 200,000 euros from her employer.")
        );
        // A noun lost after a determiner and adverbs, a first conjunct before a subject: no
        // pronoun repairs either.
        for t in [
            "The also said that the budget would not be cut.",
            "And the Swiss president have signed a new agreement.",
        ] {
            assert_eq!(
                insertion(t, &whole(t), Lost::Subject, &ANYTHING),
                None,
                "{t}"
            );
        }
        // After a determiner a noun was lost, not a pronoun.
        let t = "Residents say that the has been closed for weeks.";
        assert!(
            insertion(t, &whole(t), Lost::Subject, &ANYTHING).is_none_or(|r| !r.contains("the it")),
        );
    }
}
