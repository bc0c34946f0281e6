//! `verb-second-inversion`: a fronted adverbial followed by the finite verb and then the subject.
//!
//! ## What it does
//! Finds sentences that open with an adverb, a time expression or a prepositional phrase,
//! followed by a finite lexical verb and then its subject and an object: "Also discussed Trump
//! and Haftar a shared vision."
//!
//! ## Why is this bad?
//! Dutch and German put the finite verb second, so after a fronted adverbial the subject follows
//! the verb ("Ook bespraken Trump en Haftar …"). Machine translation often keeps that order,
//! which English only allows in a few fixed constructions.
//!
//! ## Example
//! "Yesterday announced the minister new measures."
//!
//! ## Use instead
//! "Yesterday, the minister announced new measures." Adverbs that sit before the verb in English
//! ("also", "already", "still") move there: "The minister also announced new measures."
//!
//! ## Silent on
//! English inversions: questions, quotation inversion ("…,” said the minister), locative
//! inversion with intransitive verbs ("On the hill stood a castle", "Here comes the bus"),
//! negative and restrictive fronting ("Never have I", "Only then did he"), "so do I",
//! conditional inversion ("Had I known"), fronted participles with "be" ("Also discussed were").

use super::rewrite::{Piece, render, uncapitalize};
use super::words::{AUXILIARIES, MONTHS, TIME_WORDS, WEEKDAYS};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::Tag;

pub struct VerbSecondInversion;

static META: RuleMeta = RuleMeta {
    id: "verb-second-inversion",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "A fronted adverbial is followed by the verb and then the subject (verb-second order).",
    why: "Dutch and German put the finite verb second, so after a fronted adverb or time \
          expression the subject follows the verb. Machine translation keeps that order; English \
          puts the subject first.",
    fix: "Put the subject before the verb: move adverbs such as 'also' and 'already' before the \
          verb, or keep the fronted time expression or phrase and follow it with a comma.",
    examples: &[
        Example::Bad {
            text: "Also discussed Trump and Haftar a “shared vision for the transition of Libya”.",
            fix: Some(
                "Trump and Haftar also discussed a “shared vision for the transition of Libya”.",
            ),
        },
        Example::Bad {
            text: "Yesterday announced the minister new measures.",
            fix: Some("Yesterday, the minister announced new measures."),
        },
        Example::Bad {
            text: "Thursday rejected the government the proposal.",
            fix: Some("On Thursday, the government rejected the proposal."),
        },
        Example::Bad {
            text: "After the meeting signed the ministers an agreement.",
            fix: Some("After the meeting, the ministers signed an agreement."),
        },
        Example::Bad {
            text: "Already announced the company its results.",
            fix: Some("The company already announced its results."),
        },
        Example::Bad {
            text: "Thursday accused the recognised government of France that the country supports Haftar.",
            fix: Some(
                "On Thursday, the recognised government accused France that the country supports Haftar.",
            ),
        },
        Example::Good("Here comes the bus."),
        Example::Bad {
            text: "On Monday opened the new bridge for traffic.",
            fix: Some("On Monday, the new bridge opened for traffic."),
        },
        Example::Good("On Monday came the news that the plant would close."),
        Example::Good("In the corner sat an old man."),
        Example::Good("Never have I seen such a thing."),
        Example::Good("Only then did he understand the problem."),
        Example::Good("On the hill stood a castle."),
        Example::Good("Also discussed were plans for a ceasefire."),
        Example::Good("Yesterday the minister announced new measures."),
        Example::Good("“We fight terrorism,” said the minister."),
        Example::Good("Then came the news."),
        Example::Good("So do I."),
        Example::Good("Had I known, I would have come."),
        Example::Good("Today marks the anniversary of the revolution."),
        Example::Good("Also known as the Desert Fox, he led the army."),
        Example::Good("Why did the minister announce new measures?"),
    ],
};

/// Adverbs that English places before the verb ("They also discussed"), not at the front.
const MID_ADVERBS: &[&str] = &[
    "also",
    "already",
    "still",
    "even",
    "just",
    "often",
    "always",
    "usually",
    "sometimes",
    "frequently",
    "recently",
    "soon",
    "finally",
    "again",
    "further",
    "meanwhile",
    "subsequently",
    "immediately",
    "yet",
    "later",
    "previously",
    "initially",
    "eventually",
];

/// Fronted words after which English itself inverts (or which are not adverbials at all).
const INVERTING_ADVERBS: &[&str] = &[
    "never", "rarely", "seldom", "hardly", "scarcely", "barely", "only", "little", "nor",
    "neither", "so", "such", "here", "there", "thus", "not", "how", "why", "where", "when",
    "whence", "as", "more", "less", "well", "no",
];

/// "last week", "this year", "next Monday".
const TIME_DETERMINERS: &[&str] = &["last", "this", "next", "every", "that"];
const TIME_NOUNS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "night",
    "morning",
    "evening",
    "afternoon",
    "summer",
    "winter",
    "spring",
    "autumn",
    "time",
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
];

/// Verbs of motion and position: they invert intransitively in English ("Into the room walked
/// a man"), so they need an object as evidence.
const LOCATIVE_VERBS: &[&str] = &[
    "come", "comes", "came", "go", "goes", "went", "stand", "stands", "stood", "lie", "lies",
    "lay", "sit", "sits", "sat", "live", "lives", "lived", "remain", "remains", "remained",
    "follow", "follows", "followed", "arrive", "arrives", "arrived", "rise", "rises", "rose",
    "hang", "hangs", "hung", "emerge", "emerges", "emerged", "appear", "appears", "appeared",
    "exist", "exists", "existed", "walk", "walks", "walked", "run", "runs", "ran", "loom", "looms",
    "loomed", "begin", "begins", "began", "end", "ends", "ended",
];

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
    if INVERTING_ADVERBS.contains(&first) && !(t0 == Tag::IN && first == "as") {
        return None;
    }
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
    if t0.is_adverb() && t0 != Tag::RBS {
        let kind = if MID_ADVERBS.contains(&first) {
            Front::Mid
        } else {
            Front::Phrase { weekday: false }
        };
        return Some((1, kind));
    }
    if (t0 == Tag::IN || t0 == Tag::VBG) && FRONT_PREPOSITIONS.contains(&first) {
        // One or more prepositional phrases: "In Libya in recent weeks".
        let np = v.chunker();
        let mut end = 0;
        while v.tag(end) == Some(Tag::IN) && FRONT_PREPOSITIONS.contains(&v.lower(end)) {
            match np.noun_phrase(end + 1) {
                Some(e) => end = e,
                None => break,
            }
        }
        if end > 0 {
            return Some((end, Front::Phrase { weekday: false }));
        }
    }
    None
}

impl Detector for VerbSecondInversion {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.len() < 4 {
            return;
        }
        if v.words.last().is_some_and(|w| *w == "?") {
            return;
        }
        let Some((front_end, front)) = fronted(v) else {
            return;
        };
        let comma = v.words.get(front_end) == Some(&",");
        let verb = front_end + comma as usize;
        let Some(vt) = v.tag(verb) else { return };
        if !matches!(vt, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBN) {
            return;
        }
        let verb_word = v.lower(verb);
        if AUXILIARIES.contains(&verb_word) {
            return;
        }
        let np = v.chunker();
        let Some(subj_end) = np.noun_phrase(verb + 1) else {
            return;
        };
        // "Also discussed were …": a participle followed by "be" is English inversion.
        if v.tag(subj_end).is_some_and(Tag::is_verb) {
            return;
        }
        let object = np.noun_phrase(subj_end).is_some();
        let clause = matches!(v.lower(subj_end), "that") && !LOCATIVE_VERBS.contains(&verb_word);
        // "On Monday opened the new bridge for traffic": after a time (not a place), English
        // does not invert even an intransitive verb; verbs of motion and position still may
        // ("Then came the news").
        let time_front = !LOCATIVE_VERBS.contains(&verb_word)
            && vt == Tag::VBD
            && (0..front_end).any(|k| {
                let w = v.lower(k);
                WEEKDAYS.contains(&w)
                    || MONTHS.contains(&w)
                    || TIME_WORDS.contains(&w)
                    || matches!(w, "week" | "month" | "year")
                    || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            })
            && v.tag(subj_end).is_none_or(|t| t.is_punct() || t == Tag::IN);
        if !object && !clause && !time_front {
            return;
        }
        let confidence = if object { 0.85 } else { 0.7 };
        // "accused the government of France that …": with only a clause after it, an
        // "of"-phrase on the subject of a transitive verb is the source's object ("beschuldigde
        // de regering Frankrijk"), so the subject ends before "of" and "of" goes.
        let (subj_end, object_start) =
            match (object, (verb + 1..subj_end).find(|&k| v.lower(k) == "of")) {
                (false, Some(of))
                    if frames()
                        .get(verb_word)
                        .is_some_and(|f| f.object_rate >= 0.5) =>
                {
                    (of, of + 1)
                }
                _ => (subj_end, subj_end),
            };
        let subject = v.slice(verb + 1, subj_end);
        let mut pieces = Vec::new();
        match front {
            Front::Mid => {
                pieces.push(Piece::Tokens(verb + 1, subj_end));
                pieces.push(Piece::Word(0, uncapitalize(v, 0)));
                pieces.push(Piece::Tokens(verb, verb + 1));
            }
            Front::Phrase { weekday } => {
                if weekday {
                    pieces.push(Piece::Text("On".into()));
                }
                pieces.push(Piece::Tokens(0, front_end));
                pieces.push(Piece::Text(",".into()));
                pieces.push(Piece::Tokens(verb + 1, subj_end));
                pieces.push(Piece::Tokens(verb, verb + 1));
            }
        }
        pieces.push(Piece::Tokens(object_start, v.len()));
        let suggestion = render(v, &pieces);
        let (start, end) = v.span(0, subj_end);
        out.push(Diagnosis {
            start,
            end,
            message: format!(
                "Dutch/German verb-second order: the verb '{}' comes before its subject '{}' after the fronted '{}'",
                v.words[verb],
                subject,
                v.slice(0, front_end)
            ),
            suggestion: Some(suggestion),
            confidence,
        });
    }
}
