//! The rule `adverb-placement`: see `META` for what it finds and why.

use super::rewrite::{Piece, render};
use super::words::HAVE;
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};

pub struct AdverbPlacement;

/// Adverbs in "-ly" that modify the phrase after them, not the verb ("costs roughly the
/// same", "visited only the capital"), or are no adverbs ("early", "daily").
const PHRASE_ADVERBS: &[&str] = &[
    "only",
    "nearly",
    "roughly",
    "exactly",
    "almost",
    "approximately",
    "fully",
    "partly",
    "mostly",
    "largely",
    "mainly",
    "merely",
    "simply",
    "especially",
    "particularly",
    "precisely",
    "early",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "hourly",
    "likely",
    "certainly",
    "really",
    "equally",
    "entirely",
    "virtually",
    "barely",
    "hardly",
    "scarcely",
    "directly",
    "chiefly",
    "primarily",
    "solely",
    "purely",
    "slightly",
    "highly",
    "relatively",
    "fairly",
    "truly",
];

static META: RuleMeta = RuleMeta {
    id: "adverb-placement",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "An adverbial stands between an auxiliary and its verb, between a verb and its object, or between an article and its noun, or a degree adverb such as 'too fast' before its verb.",
    why: "Dutch and German end the clause with the participle, so time and place phrases come \
          between the auxiliary and the participle, and an adverb may follow the finite verb; \
          they also put a participle or adjective with its own phrase before the noun ('ein von \
          der Regierung beauftragter Bericht'). Machine translation keeps that order.",
    fix: "Put the phrase after the verb and its object, and the adverb before the verb; put a \
          participle with its phrase, or an adjective's phrase, after the noun.",
    examples: &[
        Example::Bad {
            text: "The drivers who too fast drove were fined.",
            fix: Some("The drivers who drove too fast were fined."),
        },
        Example::Good("The team played so hard, but lost."),
        Example::Bad {
            text: "The police will question in the coming days the witnesses.",
            fix: Some("The police will question the witnesses in the coming days."),
        },
        Example::Good(
            "He was invited to perform at the charity event The Secret Policeman's Other Ball.",
        ),
        Example::Bad {
            text: "A by the government commissioned report criticises the plan.",
            fix: Some("A report commissioned by the government criticises the plan."),
        },
        Example::Bad {
            text: "It was a for this time of year unusually warm day.",
            fix: Some("It was an unusually warm day for this time of year."),
        },
        Example::Good("The before and after photos show the damage."),
        Example::Bad {
            text: "We visit every year the same places.",
            fix: Some("We visit the same places every year."),
        },
        Example::Bad {
            text: "The regional airline will be sold probably to a Swedish investor.",
            fix: Some("The regional airline will probably be sold to a Swedish investor."),
        },
        Example::Good("The shares have been sold already."),
        Example::Good("Goats seem to have been domesticated already around 10,000 years ago."),
        Example::Bad {
            text: "The prime minister has on Tuesday visited the flooded areas in the south.",
            fix: Some("The prime minister has visited the flooded areas in the south on Tuesday."),
        },
        Example::Bad {
            text: "The court has on 5 March rejected the appeal of the former director.",
            fix: Some("The court has rejected the appeal of the former director on 5 March."),
        },
        Example::Good("Americans have for decades taken it as a given."),
        Example::Bad {
            text: "The mayor opened officially the new bicycle bridge on Saturday.",
            fix: Some("The mayor officially opened the new bicycle bridge on Saturday."),
        },
        Example::Bad {
            text: "Police arrested yesterday two men in connection with the robbery.",
            fix: Some("Police arrested two men in connection with the robbery yesterday."),
        },
        Example::Bad {
            text: "The goalkeeper saved in the shootout two penalties and became the hero.",
            fix: Some("The goalkeeper saved two penalties in the shootout and became the hero."),
        },
        Example::Bad {
            text: "The king visited on Tuesday the flooded villages along the Meuse.",
            fix: Some("The king visited the flooded villages along the Meuse on Tuesday."),
        },
        Example::Bad {
            text: "The three suspects were on Friday evening released from custody.",
            fix: Some("The three suspects were released from custody on Friday evening."),
        },
        Example::Bad {
            text: "Residents may only on Friday return to their homes.",
            fix: Some("Residents may only return to their homes on Friday."),
        },
        Example::Good("The results were at the time considered the best in Europe."),
        Example::Good("The minister said on Tuesday the plan would fail."),
        Example::Good(
            "This draft reflects the changes we discussed during our call the other day.",
        ),
        Example::Good("It took for three strong guys six hours to load the truck."),
        Example::Good("The prime minister has visited the flooded areas on Tuesday."),
        Example::Good("She has in fact visited the areas."),
        Example::Good("The tickets cost roughly the same as last year."),
        Example::Good("They visited only the capital."),
        Example::Good("He has already visited the areas."),
        Example::Good("The new rules have by and large worked."),
        Example::Bad {
            text: "Prices were after the storm in the north 10% higher.",
            fix: Some("Prices were 10% higher after the storm in the north."),
        },
        Example::Good("The project was in fact successful."),
        Example::Good("The results were in line with expectations."),
    ],
};

/// Fixed phrases that do stand between "have" and the participle ("has in fact", "have by
/// and large").
const INSERTED_PHRASES: &[&str] = &[
    "in fact",
    "by and large",
    "of course",
    "in turn",
    "at least",
    "at last",
    "in part",
    "at times",
    "in effect",
    "to some extent",
    "to a large extent",
    "in many ways",
    "in some ways",
];

/// Where a moved phrase goes, from token `from` on: the end of the clause, before a comma, a
/// coordinated verb or the final punctuation.
fn clause_end(v: &SentenceView, from: usize) -> usize {
    (from..v.len())
        .find(|&k| {
            v.tag(k).is_some_and(Tag::is_punct)
                || (v.tag(k) == Some(Tag::CC) && v.tag(k + 1).is_some_and(Tag::is_verb))
        })
        .unwrap_or(v.len())
}

/// "The suspects were on Friday evening released", "Residents may only on Friday return to
/// their homes": "be" (before a participle) or a modal (before an infinitive), an optional
/// adverb, a phrase naming a time, then the verb. The phrase moves to the end of the clause.
fn time_before_verb(v: &SentenceView, np: &crate::chunk::Words, a: usize) -> Option<Diagnosis> {
    let aux = v.lower(a);
    let wanted = if super::words::BE.contains(&aux) && v.tag(a).is_some_and(Tag::is_finite_verb) {
        Tag::VBN
    } else if v.tag(a) == Some(Tag::MD) {
        Tag::VB
    } else {
        return None;
    };
    let mut p = a + 1;
    while v.tag(p) == Some(Tag::RB) && !matches!(v.lower(p), "not" | "n't") {
        p += 1;
    }
    if !matches!(v.lower(p), "on" | "in" | "at" | "during") {
        return None;
    }
    // The phrase ends where a word the verb can be begins ("on Friday | return").
    let tagger = crate::tag::Tagger::embedded();
    let is_verb = |k: usize| {
        v.tag(k) == Some(wanted)
            || (v.words[k].starts_with(char::is_lowercase)
                && v.tag(k)
                    .is_some_and(|t| matches!(t, Tag::NN | Tag::VBD | Tag::VBN | Tag::VB))
                && tagger.can_be(v.words[k], wanted))
    };
    let verb = (p + 2..(p + 5).min(v.len())).find(|&k| is_verb(k))?;
    let names_time = (p + 1..verb).any(|k| super::words::names_a_time(v.lower(k)))
        && (p + 1..verb).all(|k| {
            v.tag(k)
                .is_some_and(|t| t.is_noun() || matches!(t, Tag::CD | Tag::DT | Tag::JJ))
        });
    if !names_time || np.noun_phrase(p + 1).is_none() {
        return None;
    }
    // Something must follow the verb for the phrase to go after ("were on Friday released."
    // has nowhere better).
    let clause_end = clause_end(v, verb + 1);
    if clause_end == verb + 1 {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, p),
        Piece::Tokens(verb, clause_end),
        Piece::Tokens(p, verb),
        Piece::Tokens(clause_end, v.len()),
    ];
    let (start, end) = v.span(a, verb + 1);
    Some(Diagnosis {
        check: "time-before-verb",
        start,
        end,
        message: format!(
            "'{}' splits '{}' from its verb '{}' (Dutch/German order): move it after the verb",
            v.slice(p, verb),
            v.words[a],
            v.words[verb]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.65,
    })
}

/// The end of a noun phrase ending at `end` with the "of" phrases after it ("the boot | of the
/// car").
fn with_of_phrases(v: &SentenceView, np: &crate::chunk::Words, mut end: usize) -> usize {
    while v.lower(end) == "of"
        && let Some(e) = np.noun_phrase(end + 1)
    {
        end = e;
    }
    end
}

/// Prepositions of the time and place phrases Dutch and German put before the object.
const ADVERBIAL_PREPOSITIONS: &[&str] = &["in", "on", "at", "for", "during"];

/// Words that open no object noun phrase: they open a clause or belong to the phrase before.
const NO_OBJECT_OPENERS: &[&str] = &["that", "which", "whether", "what", "this", "these"];

/// "arrested yesterday two men": the verb at `a`, a time word, a time phrase or a short
/// prepositional phrase, then the object; the adverbial moves after the object.
fn adverbial_before_object(
    v: &SentenceView,
    np: &crate::chunk::Words,
    a: usize,
) -> Option<Diagnosis> {
    let verb = v.lower(a);
    // "Police arrested/VBN yesterday two men"; a base form after a modal or "to" ("will open
    // next week a new store").
    let base_after_modal = v.tag(a) == Some(Tag::VB)
        && a > 0
        && (v.tag(a - 1) == Some(Tag::MD) || v.lower(a - 1) == "to");
    if !(matches!(v.tag(a), Some(Tag::VBD | Tag::VBZ | Tag::VBP))
        || base_after_modal
        || super::clause::past_read_as_other(v, a))
        || super::words::AUXILIARIES.contains(&verb)
        || super::words::BE.contains(&verb)
        || !crate::frames::frames()
            .get(verb)
            .is_some_and(|f| f.count >= 3 && f.object_rate >= 0.2)
    {
        return None;
    }
    // A noun phrase ends before a number that counts a plural noun ("in the shootout | two
    // penalties").
    let phrase = |i: usize| {
        np.noun_phrase(i).map(|end| {
            (i + 1..end)
                .find(|&k| super::clause::counts_a_new_phrase(v, k))
                .unwrap_or(end)
        })
    };
    let first = v.lower(a + 1);
    let adverbial_end = if super::words::TIME_WORDS.contains(&first) {
        a + 2
    } else if matches!(first, "next" | "last" | "this" | "every")
        && super::words::names_time(v.lower(a + 2))
        && !(a > 0 && v.words[a - 1] == ",")
    {
        // A time of two words: "visits next week the flooded areas" (not a participle
        // after a comma: ", found last week 130 kilometres from Prague").
        a + 3
    } else if ADVERBIAL_PREPOSITIONS.contains(&first)
        && v.tag(a + 2)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::CD | Tag::PRPS | Tag::NNP))
    {
        // The phrase and its "of" phrases: "in the boot of the car".
        let end = with_of_phrases(v, np, phrase(a + 2)?);
        if end - (a + 1) > 7 {
            return None;
        }
        end
    } else {
        return None;
    };
    let opener = v.lower(adverbial_end);
    // ("at the charity event The Secret Policeman's Other Ball": a capital "The" inside the
    // sentence opens a title in apposition, not an object.)
    if !v
        .tag(adverbial_end)
        .is_some_and(|t| matches!(t, Tag::DT | Tag::CD | Tag::PRPS))
        || NO_OBJECT_OPENERS.contains(&opener)
        || v.words[adverbial_end].starts_with(char::is_uppercase)
    {
        return None;
    }
    let object_end = with_of_phrases(v, np, phrase(adverbial_end)?);
    // "said on Tuesday the plan would fail": the phrase is a clause's subject; "discussed
    // during our call the other day": it is a time phrase itself.
    if v.tag(object_end)
        .is_some_and(|t| t.is_finite_verb() || t == Tag::MD)
        || (adverbial_end..object_end).any(|k| {
            let w = v.lower(k);
            super::words::names_a_time(w)
                || matches!(
                    w.trim_end_matches('s'),
                    "day" | "hour" | "minute" | "week" | "month" | "year" | "time"
                )
        })
    {
        return None;
    }
    let clause_end = clause_end(v, object_end);
    let pieces = [
        Piece::Tokens(0, a + 1),
        Piece::Tokens(adverbial_end, clause_end),
        Piece::Tokens(a + 1, adverbial_end),
        Piece::Tokens(clause_end, v.len()),
    ];
    let (start, end) = v.span(a, object_end);
    Some(Diagnosis {
        check: "adverbial-before-object",
        start,
        end,
        message: format!(
            "'{}' splits the verb '{}' from its object '{}' (Dutch/German order): move it after the object",
            v.slice(a + 1, adverbial_end),
            v.words[a],
            v.slice(adverbial_end, object_end)
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.6,
    })
}

impl Detector for AdverbPlacement {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn checks(&self) -> Vec<&'static str> {
        vec![
            "time-before-verb",
            "adverbial-before-object",
            "phrase-before-participle",
            "adverb-before-object",
            "adverbial-before-predicate",
            "adverb-after-participle",
            "split-attribute",
            "degree-adverb-before-verb",
        ]
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.len() < 5 || v.words.last() == Some(&"?") {
            return;
        }
        if let Some(d) = (0..v.len()).find_map(|i| split_attribute(v, i)) {
            out.push(d);
            return;
        }
        let np = v.chunker();
        for a in 1..v.len().saturating_sub(3) {
            let found = phrase_before_participle(v, &np, a)
                // "were on Friday evening released from custody", "will on Monday present the
                // plan": a time phrase between "be" or a modal and its verb.
                .or_else(|| time_before_verb(v, &np, a))
                // "arrested yesterday two men", "visited on Tuesday the flooded villages",
                // "found in the boot of the car a loaded pistol": a time word or a
                // prepositional phrase between a transitive verb and its object.
                .or_else(|| adverbial_before_object(v, &np, a))
                .or_else(|| adverb_before_object(v, &np, a))
                .or_else(|| adverb_after_participle(v, a))
                // "were after the report from its rival 2% higher": a phrase between "be"
                // and its predicate at the clause's end.
                .or_else(|| adverbial_before_predicate(v, &np, a))
                // "who too fast drove": a flat adverb of degree before its verb.
                .or_else(|| degree_adverb_before_verb(v, a));
            if let Some(d) = found {
                out.push(d);
                return;
            }
        }
    }
}

/// "Shares were after the report from its rival 2% higher.": a finite "be" at `a`, one or more
/// prepositional phrases (four words or more, not opening with a fixed inserted phrase), then
/// the predicate, an adjective (with an amount before it: "2% higher") that ends the clause;
/// the predicate goes right after "be".
fn adverbial_before_predicate(
    v: &SentenceView,
    np: &crate::chunk::Words,
    a: usize,
) -> Option<Diagnosis> {
    if !matches!(v.lower(a), "is" | "are" | "was" | "were") || !v.tag(a)?.is_finite_verb() {
        return None;
    }
    let mut k = a + 1;
    while v.tag(k) == Some(Tag::IN) && !matches!(v.lower(k), "than" | "that" | "as") {
        k = with_of_phrases(v, np, np.noun_phrase(k + 1)?);
    }
    let first = v.slice(a + 1, (a + 4).min(k));
    if INSERTED_PHRASES
        .iter()
        .any(|p| first.to_lowercase().starts_with(p))
    {
        return None;
    }
    // An amount before the adjective: "2% higher", "5 percent lower", "three times larger";
    // the phrase before may have taken it in ("from its rival 2%").
    let mut p = k;
    if v.tag(k) == Some(Tag::CD) {
        k += 1;
        if super::words::AMOUNT_UNITS.contains(&v.lower(k)) {
            k += 1;
        }
    } else {
        p = super::words::amount_start(v, k, a + 1);
    }
    // Four words or more: "in any case", "at any rate", "by then" stand there in English.
    if !v.tag(k)?.is_adjective() || p < a + 5 {
        return None;
    }
    // "is over five years old": a measure before the adjective is its own ("five years old");
    // an adjective that may be a noun may end the phrase ("in her animal past").
    let measure = v.tag(p - 1).is_some_and(Tag::is_noun) && v.tag(p - 2) == Some(Tag::CD);
    let amount = p < k;
    if measure || (!amount && Tagger::embedded().can_be(v.words[k], Tag::NN)) {
        return None;
    }
    let end = k + 1;
    if !v.tag(end).is_none_or(|t| t.is_punct() || t == Tag::CC) {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, a + 1),
        Piece::Tokens(p, end),
        Piece::Tokens(a + 1, p),
        Piece::Tokens(end, v.len()),
    ];
    let (start, stop) = v.span(a, end);
    Some(Diagnosis {
        check: "adverbial-before-predicate",
        start,
        end: stop,
        message: format!(
            "'{}' splits '{}' from '{}' (Dutch/German order): put '{}' right after '{}'",
            v.slice(a + 1, p),
            v.words[a],
            v.slice(p, end),
            v.slice(p, end),
            v.words[a]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.65,
    })
}

/// "has on Tuesday visited …": a prepositional phrase between "have" at `a` and its
/// participle, the participle followed by its object. Only a point in time or a place: "has
/// for years regarded", "has in recent years become" are English.
fn phrase_before_participle(
    v: &SentenceView,
    np: &crate::chunk::Words,
    a: usize,
) -> Option<Diagnosis> {
    let point = match v.lower(a + 1) {
        "on" | "at" => true,
        "in" => v
            .tag(a + 2)
            .is_some_and(|t| matches!(t, Tag::NNP | Tag::CD)),
        _ => false,
    };
    let participle = |k: usize| {
        v.tag(k) == Some(Tag::VBN)
            || (v.tag(k) == Some(Tag::VBD)
                && crate::tag::Tagger::embedded().can_be(v.words[k], Tag::VBN))
    };
    if !(HAVE.contains(&v.lower(a))
        && v.tag(a).is_some_and(Tag::is_finite_verb)
        && point
        && !INSERTED_PHRASES.iter().any(|p| {
            p.split(' ')
                .enumerate()
                .all(|(k, w)| v.lower(a + 1 + k) == w)
        }))
    {
        return None;
    }
    let pp_end = np.noun_phrase(a + 2)?;
    if !participle(pp_end) {
        return None;
    }
    let obj_end = np.noun_phrase(pp_end + 1)?;
    let clause_end = clause_end(v, obj_end);
    let pieces = [
        Piece::Tokens(0, a + 1),
        Piece::Tokens(pp_end, clause_end),
        Piece::Tokens(a + 1, pp_end),
        Piece::Tokens(clause_end, v.len()),
    ];
    let (start, end) = v.span(a, pp_end + 1);
    Some(Diagnosis {
        check: "phrase-before-participle",
        start,
        end,
        message: format!(
            "'{}' splits '{}' from '{}' (Dutch/German order): move it after them",
            v.slice(a + 1, pp_end),
            v.words[a],
            v.words[pp_end]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.7,
    })
}

/// Adverbs of likelihood, time and frequency that English puts after the first auxiliary
/// ("will probably be sold", "has already sold"), not after the participle.
const MID_ADVERBS: &[&str] = &[
    "probably",
    "possibly",
    "certainly",
    "definitely",
    "already",
    "also",
    "never",
    "always",
    "often",
    "usually",
    "still",
    "finally",
    "apparently",
];

/// "will be sold probably to a Swedish investor", "has sold already most of its shares": an
/// adverb of likelihood, time or frequency after the participle or infinitive at `a` of a verb
/// group with auxiliaries, before its object or phrase; it goes after the first auxiliary.
fn adverb_after_participle(v: &SentenceView, a: usize) -> Option<Diagnosis> {
    let adverb = v.lower(a + 1);
    if !matches!(v.tag(a), Some(Tag::VBN | Tag::VB))
        || v.tag(a + 1) != Some(Tag::RB)
        || !MID_ADVERBS.contains(&adverb)
        || !v
            .tag(a + 2)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::IN | Tag::JJS))
    {
        return None;
    }
    // "domesticated already around 10,000 years ago", "still in 2019": the adverb belongs to
    // the time phrase after it.
    if v.tag(a + 2) == Some(Tag::IN) {
        let phrase_end = (a + 3..v.len())
            .find(|&k| v.tag(k).is_some_and(|t| t.is_punct() || t.is_verb()))
            .unwrap_or(v.len());
        if super::words::has_finished_past_time(v, a + 2, phrase_end)
            || (a + 3..phrase_end).any(|k| super::words::names_a_time(v.lower(k)))
        {
            return None;
        }
    }
    let auxiliary = |k: usize| {
        v.tag(k) == Some(Tag::MD)
            || super::words::BE.contains(&v.lower(k))
            || super::words::HAVE.contains(&v.lower(k))
    };
    // The first auxiliary of the verb group.
    let mut first = None;
    let mut k = a;
    while k > 0 && (auxiliary(k - 1) || v.tag(k - 1) == Some(Tag::RB)) {
        k -= 1;
        if auxiliary(k) {
            first = Some(k);
        }
    }
    let first = first?;
    // "has been already" reads as English after a single auxiliary too, only not before a
    // participle's object: keep to verb groups with the adverb after the main verb.
    if (first + 1..=a).any(|j| v.tag(j) == Some(Tag::RB)) {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, first + 1),
        Piece::Tokens(a + 1, a + 2),
        Piece::Tokens(first + 1, a + 1),
        Piece::Tokens(a + 2, v.len()),
    ];
    let (start, end) = v.span(first, a + 2);
    Some(Diagnosis {
        check: "adverb-after-participle",
        start,
        end,
        message: format!(
            "'{}' stands after the verb '{}' (Dutch/German order): put it after '{}'",
            v.words[a + 1],
            v.words[a],
            v.words[first]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.65,
    })
}

/// "opened officially the new bridge": an adverb in "-ly" between the verb at `a` and the
/// determiner of its object.
fn adverb_before_object(v: &SentenceView, np: &crate::chunk::Words, a: usize) -> Option<Diagnosis> {
    let w = v.lower(a + 1);
    if !(matches!(v.tag(a), Some(Tag::VBD | Tag::VBZ | Tag::VBP))
        && !super::words::AUXILIARIES.contains(&v.lower(a))
        && !super::words::BE.contains(&v.lower(a))
        && !v.words[a].starts_with('\'')
        && v.tag(a + 1) == Some(Tag::RB)
        && w.ends_with("ly")
        && !PHRASE_ADVERBS.contains(&w)
        && v.tag(a + 2)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CD))
        && np.noun_phrase(a + 2).is_some())
    {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, a),
        Piece::Tokens(a + 1, a + 2),
        Piece::Tokens(a, a + 1),
        Piece::Tokens(a + 2, v.len()),
    ];
    let (start, end) = v.span(a, a + 2);
    Some(Diagnosis {
        check: "adverb-before-object",
        start,
        end,
        message: format!(
            "'{}' splits the verb '{}' from its object (Dutch/German order): move it before the verb or after the object",
            v.words[a + 1],
            v.words[a]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.65,
    })
}

/// "A by the government commissioned report", "a for this time of year unusually warm day":
/// an article, a prepositional phrase, then the participle or adjective it belongs to and
/// their noun (the German and Dutch attribute phrase before the noun). English puts a
/// participle with its phrase after the noun ("a report commissioned by the government") and
/// an adjective's phrase after the noun ("an unusually warm day for this time of year").
pub fn split_attribute(v: &SentenceView, i: usize) -> Option<Diagnosis> {
    if !matches!(v.lower(i), "a" | "an" | "the") || v.tag(i + 1) != Some(Tag::IN) {
        return None;
    }
    let np = v.chunker();
    // The phrase (with its "of" phrases), then adverbs, the modifier and the noun.
    let mut e = np.noun_phrase(i + 2)?;
    while v.lower(e) == "of" {
        e = np.noun_phrase(e + 1)?;
    }
    let np_start = i + 2;
    // The chunker may have taken the modifier and noun into the phrase: find the modifier.
    let m = (np_start + 1..e.max(np_start + 2) + 4).find(|&m| {
        v.tag(m).is_some_and(|t| matches!(t, Tag::VBN | Tag::JJ))
            && v.tag(m + 1)
                .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
            && v.tag(m - 1)
                .is_some_and(|t| t.is_noun() || t == Tag::RB || t == Tag::CD)
    })?;
    let mut adverbs = m;
    while v.tag(adverbs - 1) == Some(Tag::RB) {
        adverbs -= 1;
    }
    if adverbs <= np_start {
        return None;
    }
    let mut head_end = m + 1;
    while v
        .tag(head_end)
        .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
    {
        head_end += 1;
    }
    let participle = v.tag(m) == Some(Tag::VBN);
    // The article agrees with the word that now follows it.
    let first_after = if participle {
        head_end.min(m + 1)
    } else {
        adverbs
    };
    let article = match v.lower(i) {
        "the" => None,
        _ => {
            let w = v.lower(first_after);
            let vowel = w.starts_with(['a', 'e', 'i', 'o', 'u']);
            Some(if vowel { "an" } else { "a" })
        }
    };
    let mut pieces = vec![Piece::Tokens(0, i)];
    match article {
        Some(a) => pieces.push(Piece::Word(i, match_case(v.words[i], a))),
        None => pieces.push(Piece::Tokens(i, i + 1)),
    }
    if participle {
        pieces.push(Piece::Tokens(m + 1, head_end));
        pieces.push(Piece::Tokens(adverbs, m + 1));
        pieces.push(Piece::Tokens(i + 1, adverbs));
    } else {
        pieces.push(Piece::Tokens(adverbs, head_end));
        pieces.push(Piece::Tokens(i + 1, adverbs));
    }
    pieces.push(Piece::Tokens(head_end, v.len()));
    let (start, end) = v.span(i, head_end);
    Some(Diagnosis {
        check: "split-attribute",
        start,
        end,
        message: format!(
            "'{}' stands between '{}' and its noun '{}' (Dutch/German order): put it after the noun",
            v.slice(i + 1, adverbs),
            v.words[i],
            v.slice(m + 1, head_end)
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.7,
    })
}

/// `word` in the case of `like` (capitalised when it is).
fn match_case(like: &str, word: &str) -> String {
    if like.starts_with(char::is_uppercase) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        word.to_string()
    }
}

/// "The drivers who too fast drove, received a fine.", "because he far too late arrived": an
/// adverb of degree and a flat adverb ("fast", "late", "early", "hard"), which English puts
/// after the verb, right before a finite verb that ends its clause. The two go after the
/// verb.
fn degree_adverb_before_verb(v: &SentenceView, a: usize) -> Option<Diagnosis> {
    if !matches!(v.lower(a), "too" | "so" | "very") {
        return None;
    }
    let start = if a > 0 && v.lower(a - 1) == "far" && v.lower(a) == "too" {
        a - 1
    } else {
        a
    };
    let flat = a + 1;
    let verb = a + 2;
    if !matches!(v.lower(flat), "fast" | "late" | "early" | "hard")
        || !v.tag(verb).is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP))
        || !v.words[verb].starts_with(char::is_lowercase)
        || super::words::AUXILIARIES.contains(&v.lower(verb))
        // The verb ends its clause: punctuation, "and", or the main clause's verb after a
        // relative clause ("who too fast drove were fined").
        || !v.tag(verb + 1)
            .is_none_or(|t| t.is_punct() || t == Tag::CC || t == Tag::MD || t.is_finite_verb())
    {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, start),
        Piece::Tokens(verb, verb + 1),
        Piece::Tokens(start, verb),
        Piece::Tokens(verb + 1, v.len()),
    ];
    let (s, e) = v.span(start, verb + 1);
    Some(Diagnosis {
        check: "degree-adverb-before-verb",
        start: s,
        end: e,
        message: format!(
            "'{}' stands before its verb '{}' in Dutch/German order: English puts it after the verb",
            v.slice(start, verb),
            v.words[verb]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.7,
    })
}
