//! A small forward parser of clauses for the structural detectors: subject, the material
//! between subject and verb (noun phrases, prepositional phrases, relative clauses), and the
//! verb group, over the tags and chunker of a sentence.

use super::SentenceView;
use super::words::{
    FRONTS_WITHOUT_VERB_SECOND, INVERTING_ADVERBS, SUBORDINATORS, TIME_NOUNS, TIME_WORDS, WEEKDAYS,
    WH_WORDS, is_closing, is_final_punct, is_mid_adverb,
};
use crate::tag::Tag;

/// Noun phrases joined by "and"/"or", or listed with commas and closed by "and"/"or", without
/// "of"-attachments: "the U.S. and Russia", "Scalia, Thomas, Alito and Kennedy".
pub fn coordinated_np(v: &SentenceView, i: usize) -> Option<usize> {
    let np = v.chunker();
    let first = np.basic_np(i)?;
    // `end`: the phrase accepted so far; `pending`: with comma-listed items that still need
    // an "and"/"or" to close the list.
    let mut end = first;
    let mut pending = first;
    loop {
        let conj = |k: usize| matches!(v.lower(k), "and" | "or") && v.tag(k) == Some(Tag::CC);
        let (skip, closes) = if conj(pending) {
            (1, true)
        } else if v.words.get(pending) == Some(&",") {
            if conj(pending + 1) {
                (2, true)
            } else {
                (1, false)
            }
        } else {
            break;
        };
        let Some(e) = np.basic_np(pending + skip) else {
            break;
        };
        pending = e;
        if closes {
            end = pending;
        }
    }
    Some(end)
}

/// Does a number at `k` open a noun phrase of its own rather than continue the one before: a
/// number after a noun that counts the plural noun after it ("officers | two suspects", "in
/// the shootout | two penalties")?
pub fn counts_a_new_phrase(v: &SentenceView, k: usize) -> bool {
    k > 0
        && v.tag(k) == Some(Tag::CD)
        && v.tag(k - 1).is_some_and(Tag::is_noun)
        && v.tag(k + 1) == Some(Tag::NNS)
}

/// The end of a phrase from `start` to `end` cut before a number and a plural that follow a
/// name inside it ("in Rotterdam | three men", "the striker Kok | 17 goals"): the chunker runs
/// them together, where a translation's object follows a place.
pub fn cut_before_count(v: &SentenceView, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&k| {
            v.tag(k) == Some(Tag::CD)
                && v.tag(k - 1) == Some(Tag::NNP)
                && v.tag(k + 1) == Some(Tag::NNS)
        })
        .unwrap_or(end)
}

/// Is token `k` a past form the tagger read as a base form or a participle, right after its
/// subject ("The carmaker put/VB its new car …", "Police arrested/VBN yesterday …")? With
/// nothing after it that looks like an object, the tagger takes a past form for a participle.
pub fn past_read_as_other(v: &SentenceView, k: usize) -> bool {
    matches!(v.tag(k), Some(Tag::VB | Tag::VBN))
        && k > 0
        && v.tag(k - 1).is_some_and(|t| t.is_noun() || t == Tag::PRP)
        && crate::tag::Tagger::embedded().can_be(v.words[k], Tag::VBD)
}

/// A preposition (not a clause opener) with its noun phrase.
pub fn prepositional_phrase(v: &SentenceView, i: usize) -> Option<usize> {
    if !matches!(v.tag(i), Some(Tag::IN | Tag::TO)) || is_clause_opener(v, i) {
        return None;
    }
    v.chunker().noun_phrase(i + 1)
}

/// Does token `i` open a subordinate or relative clause?
pub fn is_clause_opener(v: &SentenceView, i: usize) -> bool {
    let w = v.lower(i);
    match v.tag(i) {
        Some(Tag::WDT | Tag::WP | Tag::WPS | Tag::WRB) => true,
        Some(Tag::IN) => {
            const ALWAYS: &[&str] = &[
                "that", "because", "if", "whether", "although", "though", "whereas", "unless",
                "while",
            ];
            // "since", "after", "until" … open a clause only when a subject and verb follow;
            // otherwise they are prepositions ("since the beginning of April").
            ALWAYS.contains(&w)
                || (SUBORDINATORS.contains(&w)
                    && w != "as"
                    && coordinated_np(v, i + 1)
                        .is_some_and(|e| v.tag(e).is_some_and(Tag::is_finite_verb)))
        }
        _ => WH_WORDS.contains(&w) && w != "what",
    }
}

/// Where the clause's material ends: sentence-final punctuation and closing quotes stripped.
pub fn content_end(v: &SentenceView) -> usize {
    let mut e = v.len();
    while e > 0 && (is_final_punct(v.words[e - 1]) || is_closing(v.words[e - 1])) {
        e -= 1;
    }
    e
}

/// What sits between a clause's subject and its verb group.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Middle {
    /// Bare noun phrases (token ranges).
    pub nps: Vec<(usize, usize)>,
    /// Prepositional phrases.
    pub pps: Vec<(usize, usize)>,
    pub relatives: usize,
}

/// A clause read forward from its subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub subject: (usize, usize),
    pub middle: Middle,
    /// The verb group: token range.
    pub verb: (usize, usize),
}

/// Skips a relative clause opened at `i` ("that Haftar is playing in the fight"): opener, an
/// optional subject, a verb group, then objects and phrases. Returns its end.
fn skip_relative(v: &SentenceView, i: usize) -> Option<usize> {
    let np = v.chunker();
    let mut j = i + 1;
    if let Some(e) = coordinated_np(v, j)
        && v.tag(e).is_some_and(Tag::is_verb)
    {
        j = e;
    }
    j = np.verb_group(j)?;
    loop {
        if let Some(e) = prepositional_phrase(v, j) {
            j = e;
        } else if let Some(e) = coordinated_np(v, j) {
            j = e;
        } else if v.tag(j) == Some(Tag::CC) && coordinated_np(v, j + 1).is_some() {
            j = coordinated_np(v, j + 1)?;
        } else {
            return Some(j);
        }
    }
}

/// Reads a clause whose subject starts at `start`: subject, middle material and the first verb
/// group after it. None when the words do not fit that shape.
pub fn read_clause(v: &SentenceView, start: usize) -> Option<Clause> {
    let mut subject_end = coordinated_np(v, start)?;
    let np = v.chunker();
    let mut middle = Middle::default();
    let mut j = subject_end;
    let end = content_end(v);
    while j < end {
        let t = v.tag(j)?;
        // A past form the tagger read as a participle, last in the clause after its
        // complements, is the clause's verb ("that the men the cash machine with explosives
        // opened").
        // (Not after a time phrase read as the subject: "That day the minister resigned".)
        let time_subject = super::words::is_time_head(v.lower(subject_end - 1));
        let last_past = t == Tag::VBN
            && j + 1 == end
            && !(middle.nps.is_empty() && middle.pps.is_empty())
            && !time_subject
            && crate::tag::Tagger::embedded().can_be(v.words[j], Tag::VBD);
        // A present form in "-s" the tagger read as a plural noun, last in the clause after
        // complements and an adverb in "-ly" ("that the government the situation closely
        // monitors").
        let last_present = t == Tag::NNS
            && j + 1 == end
            && j > subject_end
            && !middle.nps.is_empty()
            && v.tag(j - 1) == Some(Tag::RB)
            && v.lower(j - 1).ends_with("ly")
            && crate::tag::Tagger::embedded().can_be(v.words[j], Tag::VBZ);
        if t.is_finite_verb() || last_past || last_present {
            let vg_end = if last_present {
                j + 1
            } else {
                np.verb_group(j)?
            };
            return Some(Clause {
                subject: (start, subject_end),
                middle,
                verb: (j, vg_end),
            });
        }
        // A parenthesis is skipped whole, quotation marks around a phrase alone ("the city
        // 2.5 million euros for the park (near the station) will spend", "the government
        // "the situation" closely monitors").
        if matches!(v.words[j], "(" | "[") {
            let close = (j + 1..end).find(|&k| matches!(v.words[k], ")" | "]"))?;
            // (Right after the subject it is the subject's: "the coach (42)".)
            if j == subject_end {
                subject_end = close + 1;
            }
            j = close + 1;
            continue;
        }
        if matches!(v.words[j], "\"" | "“" | "”") {
            j += 1;
            continue;
        }
        if v.words[j] == "," {
            // ", satellites are used": a noun phrase and its own verb after a comma start a
            // new clause.
            if let Some(e) = coordinated_np(v, j + 1)
                && v.tag(e).is_some_and(Tag::is_finite_verb)
            {
                return None;
            }
            j += 1;
        } else if t.is_adverb() {
            j += 1;
        } else if is_clause_opener(v, j) && j > start {
            middle.relatives += 1;
            j = skip_relative(v, j)?;
        } else if t == Tag::VBG && v.tag(j - 1).is_some_and(Tag::is_noun) {
            // "officers attending war conferences were not searched": a participle after a
            // noun, with its object and phrases, modifies the noun (a reduced relative).
            middle.relatives += 1;
            j += 1;
            if let Some(e) = coordinated_np(v, j) {
                j = e;
            }
            while let Some(e) = prepositional_phrase(v, j) {
                j = e;
            }
        } else if let Some(e) = prepositional_phrase(v, j) {
            middle.pps.push((j, e));
            j = e;
        } else if let Some(e) = coordinated_np(v, j) {
            middle.nps.push((j, e));
            j = e;
        } else {
            return None;
        }
    }
    None
}

/// Where the main clause's subject starts: after a fronted adverbial and its comma, if any.
pub fn main_clause_start(v: &SentenceView) -> (usize, Option<Front>) {
    match fronted(v) {
        Some((end, front)) => (end + (v.words.get(end) == Some(&",")) as usize, Some(front)),
        None => (0, None),
    }
}

/// "last week", "this year", "next Monday".
const TIME_DETERMINERS: &[&str] = &["last", "this", "next", "every", "that"];

/// Plural time nouns after a number ("two weeks before the election").
const TIME_SPANS: &[&str] = &[
    "minutes", "hours", "days", "weeks", "months", "years", "decades", "seasons",
];

/// Prepositions that open a fronted adverbial phrase.
const FRONT_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "since",
    "over",
    "under",
    "with",
    "without",
    "from",
    "through",
    "throughout",
    "within",
    "despite",
    "following",
    "until",
    "for",
    "by",
    "as",
    "because",
    "due",
    "according",
    "despite",
    "ahead",
    "instead",
    "thanks",
    "near",
    "outside",
    "inside",
    "behind",
    "between",
    "among",
    "across",
    "along",
    "around",
    "opposite",
    "beyond",
    "amid",
    "against",
    "regarding",
];

/// Words that follow a preposition to make one of two words ("because of", "according to").
const PREPOSITION_TAILS: &[&str] = &["of", "to"];

/// Whether token `k` opens a preposition of two words ("because of", "due to", "according
/// to"), whatever the tagger read its first word as ("could due/VB to an injury").
pub fn two_word_preposition(v: &SentenceView, k: usize) -> bool {
    matches!(
        v.lower(k),
        "because" | "due" | "instead" | "ahead" | "thanks" | "according"
    ) && PREPOSITION_TAILS.contains(&v.lower(k + 1))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Front {
    /// An adverb that moves before the verb.
    Mid,
    /// A phrase that stays in front, followed by a comma.
    Phrase { weekday: bool },
}

/// The fronted adverbial at the sentence start: its end and kind.
pub fn fronted(v: &SentenceView) -> Option<(usize, Front)> {
    let first = v.lower(0);
    let t0 = v.tag(0)?;
    if (INVERTING_ADVERBS.contains(&first) || FRONTS_WITHOUT_VERB_SECOND.contains(&first))
        && !(t0 == Tag::IN && first == "as")
    {
        return None;
    }
    if let Some(front) = fronted_time(v, first, t0) {
        return Some(front);
    }
    // "Around 44% of the voters took part", "Over 500 people attended": a word of
    // approximation before an amount of people or things opens the subject, not a fronted
    // phrase (before a time it is one: "Around 1990 began …", "About two weeks later").
    let approximation = matches!(
        first,
        "around"
            | "about"
            | "over"
            | "under"
            | "nearly"
            | "almost"
            | "some"
            | "approximately"
            | "roughly"
    ) && v.tag(1) == Some(Tag::CD)
        && (matches!(v.lower(2), "%" | "percent" | "per" | "of")
            || (v.tag(2) == Some(Tag::NNS) && !TIME_NOUNS.contains(&v.lower(2))));
    if approximation {
        return None;
    }
    // "Around midnight heard neighbours …": a preposition the tagger read as an adverb,
    // before a noun phrase.
    let preposition_as_adverb = t0 == Tag::RB
        && FRONT_PREPOSITIONS.contains(&first)
        && v.tag(1)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::CD | Tag::PRPS) || t.is_noun());
    if t0.is_adverb() && t0 != Tag::RBS && !preposition_as_adverb {
        // (Adverbs that set a scene in time or sequence stay in front: "Meanwhile, the
        // number … has risen", "Later, the minister …".)
        let kind = if is_mid_adverb(first) && !super::words::SCENE_ADVERBS.contains(&first) {
            Front::Mid
        } else {
            Front::Phrase { weekday: false }
        };
        return Some((1, kind));
    }
    // "Thanks to the new app", "Due to the strike" are prepositions of two words, whatever
    // their tags.
    let thanks_to = matches!(first, "thanks" | "due") && v.lower(1) == "to";
    if (t0 == Tag::IN || t0 == Tag::VBG || thanks_to || preposition_as_adverb)
        && FRONT_PREPOSITIONS.contains(&first)
    {
        let end = prepositional_front_end(v);
        // "Under no circumstances will …", "At no time did …": a negative phrase in front
        // inverts in English.
        if (0..end).any(|k| matches!(v.lower(k), "no" | "not" | "never" | "neither" | "nor")) {
            return None;
        }
        if end > 0 {
            return Some((end, Front::Phrase { weekday: false }));
        }
    }
    None
}

/// A fronted phrase of time: a time word or weekday, a time determiner and a time noun or
/// weekday, a span before or after ("Two weeks before the election", "Three days later"), or
/// "earlier", "later" and their like with a time ("Earlier this week had the company …",
/// "Later that day", "Late last night").
fn fronted_time(v: &SentenceView, first: &str, t0: Tag) -> Option<(usize, Front)> {
    if TIME_WORDS.contains(&first) || WEEKDAYS.contains(&first) {
        return Some((
            1,
            Front::Phrase {
                weekday: WEEKDAYS.contains(&first),
            },
        ));
    }
    if TIME_DETERMINERS.contains(&first)
        && (TIME_NOUNS.contains(&v.lower(1)) || WEEKDAYS.contains(&v.lower(1)))
    {
        return Some((2, Front::Phrase { weekday: false }));
    }
    // "Two weeks before the election", "Three days later".
    if t0 == Tag::CD && TIME_SPANS.contains(&v.lower(1)) {
        let np = v.chunker();
        let end = match v.lower(2) {
            "later" | "ago" | "earlier" => Some(3),
            "before" | "after" => np.noun_phrase(3),
            _ => None,
        };
        if let Some(end) = end {
            return Some((end, Front::Phrase { weekday: false }));
        }
    }
    // "Earlier this week had the company …", "Later that day", "Late last night".
    if t0.is_adverb()
        && matches!(first, "earlier" | "later" | "early" | "late")
        && TIME_DETERMINERS.contains(&v.lower(1))
        && (TIME_NOUNS.contains(&v.lower(2)) || WEEKDAYS.contains(&v.lower(2)))
    {
        return Some((3, Front::Phrase { weekday: false }));
    }
    None
}

/// Where the fronted prepositional phrases end (0 when there are none). One or more
/// prepositional phrases: "In Libya in recent weeks", "After three hours of negotiations", "In
/// the final in Stuttgart"; a preposition may have two words ("Because of the strike",
/// "According to the weather service").
fn prepositional_front_end(v: &SentenceView) -> usize {
    let np = v.chunker();
    let mut end = 0;
    loop {
        let w = v.lower(end);
        let opens = if end == 0 {
            FRONT_PREPOSITIONS.contains(&w)
        } else {
            v.tag(end) == Some(Tag::IN) && !matches!(w, "that" | "than" | "whether" | "if" | "as")
        };
        if !opens {
            break;
        }
        let mut start = end + 1;
        if PREPOSITION_TAILS.contains(&v.lower(start))
            && matches!(v.tag(start), Some(Tag::IN | Tag::TO))
        {
            start += 1;
        } else if end == 0
            && matches!(
                w,
                "because" | "due" | "according" | "instead" | "ahead" | "thanks"
            )
        {
            // Alone, "because" opens a clause ("Because they cut prices, …").
            break;
        }
        // A subject pronoun after "since", "after" … opens a clause ("Since they
        // released it").
        if matches!(
            v.lower(start),
            "i" | "you" | "he" | "she" | "we" | "they" | "it"
        ) && v.tag(start) == Some(Tag::PRP)
        {
            break;
        }
        match np.noun_phrase(start) {
            Some(e) => {
                // "In 1873 Nobel bought …", "In May 1939 Hitler and Mussolini signed …": a
                // name after a year or a number is the subject, not part of the phrase.
                if let Some(k) = (start + 1..e).find(|&k| {
                    v.tag(k - 1) == Some(Tag::CD) && v.words[k].starts_with(char::is_uppercase)
                }) {
                    return k;
                }
                end = e;
            }
            None => break,
        }
    }
    end
}
