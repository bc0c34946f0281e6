//! The rule `participle-after-object`: see `META` for what it finds and why.
//!
//! After a modal with a noun phrase right after it ("could the flames … extinguish"), the last
//! word counts as the infinitive even where the tagger read it as a noun or an adjective, when
//! it can be a verb's base form.
//!
//! ## Silent on
//! The causative "have" with a short object ("He had his car repaired").

use super::clause::{content_end, prepositional_phrase};
use super::words::{ATTRIBUTION_VERBS, BE, HAVE, MODALS, TIME_WORDS, WEEKDAYS};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};

pub struct ParticipleAfterObject;

static META: RuleMeta = RuleMeta {
    id: "participle-after-object",
    category: Category::DanglingVerb,
    severity: Severity::Critical,
    summary: "The participle or infinitive comes after the object, at the end of the clause.",
    why: "Dutch and German end the clause with the participle or infinitive of the verb group; \
          machine translation leaves it there, separated from its auxiliary.",
    fix: "Put the participle or infinitive right after the auxiliary.",
    examples: &[
        Example::Bad {
            text: "The victims were to the hospital brought.",
            fix: Some("The victims were brought to the hospital."),
        },
        Example::Bad {
            text: "The striker could due to an injury not play.",
            fix: Some("The striker could not play due to an injury."),
        },
        Example::Bad {
            text: "We will in the coming weeks decide.",
            fix: Some("We will decide in the coming weeks."),
        },
        Example::Good("I could not sleep."),
        Example::Bad {
            text: "The museum has more than a million visitors received.",
            fix: Some("The museum has received more than a million visitors."),
        },
        Example::Bad {
            text: "The council has this year the taxes raised.",
            fix: Some("The council has raised the taxes this year."),
        },
        Example::Good("She has the money her father earned."),
        Example::Good("Much has been lived, and we have only a little bit left."),
        Example::Good("The results were as expected."),
        Example::Bad {
            text: "The shop was in 2010 closed.",
            fix: Some("The shop was closed in 2010."),
        },
        Example::Good("They were at home sick."),
        Example::Bad {
            text: "The suspect has the facts admitted, reports the public prosecutor.",
            fix: Some("The suspect has admitted the facts, reports the public prosecutor."),
        },
        Example::Bad {
            text: "Thousands of people have on the Dam against the measures demonstrated.",
            fix: Some("Thousands of people have demonstrated on the Dam against the measures."),
        },
        Example::Bad {
            text: "The police have on Saturday evening in Rotterdam three men arrested.",
            fix: Some("The police have arrested three men in Rotterdam on Saturday evening."),
        },
        Example::Bad {
            text: "Why has the government the plan not published?",
            fix: Some("Why has the government not published the plan?"),
        },
        Example::Good("Which books have the students read?"),
        Example::Bad {
            text: "The EU Commission has a comprehensive reform of the current system proposed.",
            fix: Some(
                "The EU Commission has proposed a comprehensive reform of the current system.",
            ),
        },
        Example::Bad {
            text: "The minister will the new measures next week announce.",
            fix: Some("The minister will announce the new measures next week."),
        },
        Example::Bad {
            text: "The company will next year fifty new employees hire.",
            fix: Some("The company will hire fifty new employees next year."),
        },
        Example::Bad {
            text: "The mayor has the plans for a new stadium near the river presented.",
            fix: Some("The mayor has presented the plans for a new stadium near the river."),
        },
        Example::Bad {
            text: "The fire brigade could the fire only after six hours extinguish.",
            fix: Some("The fire brigade could extinguish the fire only after six hours."),
        },
        Example::Bad {
            text: "Customers can it within 14 days return.",
            fix: Some("Customers can return it within 14 days."),
        },
        Example::Bad {
            text: "Where can I the tickets for the concert buy?",
            fix: Some("Where can I buy the tickets for the concert?"),
        },
        Example::Good("How can you help us with the move?"),
        Example::Good("What do you think?"),
        Example::Good("Can you hear the music play?"),
        Example::Good("It would be appreciated if you could advice me on this matter."),
        Example::Good("She has the money her father earned."),
        Example::Good("He had his car repaired."),
        Example::Bad {
            text: "She has the whole week waited.",
            fix: Some("She has waited the whole week."),
        },
        Example::Bad {
            text: "She has her keys forgotten.",
            fix: Some("She has forgotten her keys."),
        },
        Example::Good("The EU Commission has proposed a comprehensive reform."),
        Example::Good("She will have the report finished."),
        Example::Good("The results are the data collected."),
        Example::Bad {
            text: "The police has the suspect yesterday arrested.",
            fix: Some("The police has arrested the suspect yesterday."),
        },
        Example::Bad {
            text: "The proposal was by the parliament adopted.",
            fix: Some("The proposal was adopted by the parliament."),
        },
        Example::Good("The proposal was adopted by the parliament."),
        Example::Good("The house was by then abandoned."),
        Example::Bad {
            text: "Many residents had their homes already left.",
            fix: Some("Many residents had already left their homes."),
        },
        Example::Bad {
            text: "The number of infections has the past week strongly risen.",
            fix: Some("The number of infections has strongly risen the past week."),
        },
    ],
};

impl Detector for ParticipleAfterObject {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if let Some(d) = passive_agent_before_participle(v) {
            out.push(d);
            return;
        }
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        if v.words.last() == Some(&"?") {
            if let Some(d) = question_bracket(v) {
                out.push(d);
            }
            return;
        }
        let end = content_end(v);
        if end < 4 {
            return;
        }
        if let Some(d) = passive_after_phrase(v, end) {
            out.push(d);
            return;
        }
        if let Some(d) = bracket_before(v, end)
            .or_else(|| attribution_comma(v, end).and_then(|c| bracket_before(v, c)))
        {
            out.push(d);
        }
    }
}

/// The comma before an attribution that ends the sentence (", reports the public
/// prosecutor", ", the police said"): the clause before it ends there.
fn attribution_comma(v: &SentenceView, end: usize) -> Option<usize> {
    let comma = (4..end).find(|&k| v.words[k] == ",")?;
    (comma + 1..end.min(comma + 7))
        .find(|&k| ATTRIBUTION_VERBS.contains(&v.lower(k)))
        .filter(|&k| {
            // The verb first and its subject to the end, or the subject and the verb last.
            k == comma + 1 || k + 1 == end
        })
        .map(|_| comma)
}

/// The finding for a bracket of "have" or a modal and the verb at the end of the clause that
/// ends before `end`.
fn bracket_before(v: &SentenceView, end: usize) -> Option<Diagnosis> {
    let last = end - 1;
    let lt = v.tag(last)?;
    let np = v.chunker();
    // An opener right after a fronted phrase ("Tomorrow will the minister the plan
    // present") has its subject after it: verb-second-inversion moves both.
    let front_end = super::clause::fronted(v).map(|(e, _)| e);
    for a in 1..last {
        if front_end == Some(a) {
            continue;
        }
        let Some(opener) = Opener::at(v, a, last, lt) else {
            continue;
        };
        let Some(middle) = middle_field(v, &np, a, end, opener.misread_base) else {
            continue;
        };
        // A past form right after a second noun phrase is a relative clause's verb ("has
        // the money her father earned"), not the participle; so is a form that may be
        // either, whichever the tagger chose, after a noun phrase that is no time phrase.
        let past_after_subject = lt == Tag::VBN
            && middle.last_bare_np
            && !is_time_word(v, last - 1)
            && Tagger::embedded().can_be(v.words[last], Tag::VBD);
        if (opener.read_as_past
            && !v.tag(last - 1).is_some_and(Tag::is_adverb)
            && middle.last_bare_np)
            || past_after_subject
        {
            continue;
        }
        // "had his car repaired" is the causative "have"; "has her keys forgotten" is
        // not: the participle is not one of a causative.
        if opener.have
            && middle.object_len < 4
            && middle.phrases == 0
            && is_causative_participle(v.lower(last))
        {
            continue;
        }
        // "we have only a little bit left", "had two days left": "left" after an amount is
        // "remaining" ("has the country left" has lost its order).
        if opener.have && v.lower(last) == "left" {
            let mut o = a + 1;
            while v.tag(o).is_some_and(Tag::is_adverb) {
                o += 1;
            }
            let amount = v.tag(o) == Some(Tag::CD)
                || matches!(
                    v.lower(o),
                    "a" | "an"
                        | "some"
                        | "no"
                        | "nothing"
                        | "much"
                        | "little"
                        | "few"
                        | "enough"
                        | "plenty"
                        | "any"
                        | "several"
                        | "many"
                );
            if amount {
                continue;
            }
        }
        return Some(bracket(
            v,
            a,
            end,
            "object",
            if opener.modal { 0.85 } else { 0.75 },
        ));
    }
    None
}

/// "How can you your photos with our newsroom share?": a question's modal or "do" (after its
/// question words), its subject, an object, and the infinitive last; or "have", and the
/// participle last ("Why has the government the plan not published?"). The verb goes right
/// after the subject.
fn question_bracket(v: &SentenceView) -> Option<Diagnosis> {
    let end = content_end(v);
    if end < 5 {
        return None;
    }
    let last = end - 1;
    let a = (0..last).find(|&k| !v.tag(k).is_some_and(Tag::is_wh))?;
    let w = v.lower(a);
    let modal = MODALS.contains(&w) && v.tag(a) == Some(Tag::MD);
    // "Why has the government the plan not published?": "have" and its participle.
    let have = matches!(w, "has" | "have" | "had");
    if !(modal || have || matches!(w, "do" | "does" | "did")) {
        return None;
    }
    let np = v.chunker();
    let subject_end = if v.tag(a + 1) == Some(Tag::PRP) {
        a + 2
    } else {
        np.basic_np(a + 1)?
    };
    let lt = v.tag(last)?;
    let misread = matches!(lt, Tag::NN | Tag::JJ | Tag::VBP)
        && v.words[last].starts_with(char::is_lowercase)
        && Tagger::embedded().can_be(v.words[last], Tag::VB)
        && frames().may_be_base(v.lower(last));
    let participle = have && (lt == Tag::VBN || past_as_participle(v, last));
    if subject_end >= last || !(participle || (!have && (lt == Tag::VB || misread))) {
        return None;
    }
    let middle = middle_field(v, &np, subject_end - 1, end, misread)?;
    if middle.object_len == 0 {
        return None;
    }
    Some(bracket(v, subject_end - 1, end, "object", 0.8))
}

/// "The victims were to the hospital brought.", "He was by the police arrested.": a form of
/// "be" (or "have"), then only prepositional phrases and adverbs, and a participle that ends the sentence
/// and is never an adjective: the passive's participle left at the end. It goes right after
/// "be". ("as expected", "than planned" are English.) So does a modal's base form ("could
/// due to an injury not play").
fn passive_after_phrase(v: &SentenceView, end: usize) -> Option<Diagnosis> {
    let last = end - 1;
    let w = v.lower(last);
    let participle = v.tag(last) == Some(Tag::VBN)
        || (v.tag(last) == Some(Tag::VBD) && Tagger::embedded().can_be(w, Tag::VBN));
    // A modal's base form likewise: "The striker could due to an injury not play."
    let base = v.tag(last) == Some(Tag::VB);
    if !(participle || base)
        || !v.words[last].starts_with(char::is_lowercase)
        || matches!(v.lower(last - 1), "as" | "than")
    {
        return None;
    }
    // A word that may be an adjective too counts only after a time ("is last year strongly
    // increased", "was in 2010 closed"): "were at home sick" has its adjective last.
    let may_be_adjective = Tagger::embedded().can_be(w, Tag::JJ);
    // Back from the participle over phrases and adverbs to "be" (not over "due" of "due
    // to", nor a participle inside a noun phrase: "in the coming weeks").
    let modifier = |k: usize| {
        v.tag(k).is_some_and(|t| matches!(t, Tag::VBG | Tag::VBN))
            && k > 0
            && v.tag(k - 1)
                .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS))
            && v.tag(k + 1).is_some_and(Tag::is_noun)
    };
    let a = (0..last).rev().find(|&k| {
        v.tag(k)
            .is_some_and(|t| t.is_verb() || t.is_punct() || matches!(t, Tag::WDT | Tag::WP))
            && !super::clause::two_word_preposition(v, k)
            && !modifier(k)
    })?;
    // "be", or "have" with a verb that takes no object here ("Thousands of people have on
    // the Dam against the measures demonstrated").
    let have = HAVE.contains(&v.lower(a));
    let modal = v.tag(a) == Some(Tag::MD);
    if base {
        if !modal {
            return None;
        }
    } else if !(BE.contains(&v.lower(a)) || have) || !v.tag(a).is_some_and(Tag::is_verb) {
        return None;
    }
    let mut k = a + 1;
    let mut phrases = 0;
    let mut time = false;
    while k < last {
        let names_time = |j: usize| super::words::names_time(v.lower(j)) && v.lower(j) != "time";
        // A preposition of two words ("due to an injury", "because of the rain").
        let phrase = if super::clause::two_word_preposition(v, k) {
            v.chunker().noun_phrase(k + 2)
        } else {
            prepositional_phrase(v, k)
        };
        if let Some(e) = phrase.filter(|&e| e <= last) {
            time |= (k..e).any(names_time);
            k = e;
            phrases += 1;
        } else if names_time(k)
            || (matches!(v.lower(k), "last" | "next" | "this") && names_time(k + 1))
        {
            // A time without a preposition: "yesterday evening", "last year".
            while k < last && (names_time(k) || matches!(v.lower(k), "last" | "next" | "this")) {
                k += 1;
            }
            time = true;
            phrases += 1;
        } else if v.tag(k).is_some_and(Tag::is_adverb) {
            k += 1;
        } else {
            return None;
        }
    }
    (phrases > 0 && (!may_be_adjective || time || have || modal))
        .then(|| bracket(v, a, end, "adverbials", 0.75))
}

/// A "have" or a modal at `a` that may open a bracket closed by the sentence's last word (at
/// `last`, tagged `lt`): a participle after "have", a base form after a modal.
struct Opener {
    have: bool,
    modal: bool,
    /// The last word is a participle the tagger read as a past form.
    read_as_past: bool,
    /// The last word is a verb's base form the tagger read as a noun or an adjective.
    misread_base: bool,
}

impl Opener {
    fn at(v: &SentenceView, a: usize, last: usize, lt: Tag) -> Option<Opener> {
        let w = v.lower(a);
        // "have" finite, or after "to" or a modal ("is said to have the woman … threatened").
        let have = HAVE.contains(&w)
            && (v.tag(a).is_some_and(Tag::is_finite_verb)
                || (v.tag(a) == Some(Tag::VB)
                    && (v.lower(a - 1) == "to" || v.tag(a - 1) == Some(Tag::MD))));
        let modal = MODALS.contains(&w) && v.tag(a) == Some(Tag::MD);
        // The tagger may read the participle as a past form after an adverb ("had their homes
        // already left") or after a prepositional phrase (checked below: "has the plans for a
        // stadium near the river presented").
        let read_as_past = lt != Tag::VBN && past_as_participle(v, last);
        let participle = lt == Tag::VBN
            || (read_as_past && v.tag(last - 1).is_some_and(Tag::is_adverb))
            || (have && read_as_past);
        let misread_base = modal && matches!(lt, Tag::NN | Tag::JJ) && misread_base(v, a, last);
        let fits =
            (have && participle) || (modal && matches!(lt, Tag::VB | Tag::VBP)) || misread_base;
        fits.then_some(Opener {
            have,
            modal,
            read_as_past,
            misread_base,
        })
    }
}

/// "could the flames only after four hours extinguish.": right after the modal at `a`, a noun
/// phrase instead of a verb, and at the end a verb's base form the tagger read as a noun or an
/// adjective.
fn misread_base(v: &SentenceView, a: usize, last: usize) -> bool {
    let mut o = a + 1;
    while v.tag(o).is_some_and(Tag::is_adverb) {
        o += 1;
    }
    let lw = v.lower(last);
    // A bare noun right after the modal may be the verb itself, misspelt or misread ("could
    // advice me on this matter").
    matches!(v.tag(o), Some(Tag::DT | Tag::PRPS | Tag::PRP | Tag::CD))
        && v.words[last].starts_with(char::is_lowercase)
        && Tagger::embedded().can_be(lw, Tag::VB)
        && frames().may_be_base(lw)
}

/// What stands between the opener and the participle.
struct MiddleField {
    /// Words of the object phrase (without a time word it took in).
    object_len: usize,
    /// Phrases and adverbs of time and aspect besides the object.
    phrases: usize,
    /// The last thing before the participle is a bare noun phrase.
    last_bare_np: bool,
}

/// The object after the opener at `a`, then phrases and adverbs up to the participle, with no
/// other verb between; `None` when they do not reach the sentence's last word.
fn middle_field(
    v: &SentenceView,
    np: &crate::chunk::Words,
    a: usize,
    end: usize,
    misread_base: bool,
) -> Option<MiddleField> {
    let last = end - 1;
    // The chunker may have taken the misread verb into the last phrase, or the object into a
    // place's phrase ("in Rotterdam | three men"): a number and a plural after a name start
    // the object.
    let clamp_from = |start: usize, e: usize| {
        let e = if misread_base && e == end { last } else { e };
        super::clause::cut_before_count(v, start, e)
    };
    let mut j = a + 1;
    while v.tag(j).is_some_and(Tag::is_adverb) {
        j += 1;
    }
    // Phrases may come before the object too ("has for the renovation of 140 bridges 600
    // million euros earmarked").
    let mut leading = 0;
    while let Some(e) = prepositional_phrase(v, j).map(|e| clamp_from(j, e)) {
        if e >= last {
            break;
        }
        j = e;
        leading += 1;
    }
    let object_start = j;
    // "has more than a million visitors received": a comparative amount opens a noun phrase.
    let phrase_at = |k: usize| {
        let head = if matches!(v.lower(k), "more" | "less" | "fewer") && v.lower(k + 1) == "than" {
            k + 2
        } else {
            k
        };
        np.noun_phrase(head).map(|e| clamp_from(k, e))
    };
    let mut k = phrase_at(j)?;
    // A time word the object phrase took in ("the suspect yesterday") is a phrase of its own.
    let mut object_len = k - object_start;
    let mut phrases = leading;
    while object_len > 1 && is_time_word(v, object_start + object_len - 1) {
        object_len -= 1;
        phrases += 1;
    }
    // "has the past week strongly risen": the phrase after "have" is a time, not an object.
    let mut time_first = (object_start..k).any(|t| {
        matches!(
            v.lower(t),
            "week" | "weeks" | "month" | "months" | "year" | "years"
        )
    }) && matches!(v.lower(object_start), "the" | "this" | "last");
    if time_first {
        phrases += 1;
    }
    let mut last_bare_np = false;
    while k < last {
        last_bare_np = false;
        if let Some(e) = prepositional_phrase(v, k).map(|e| clamp_from(k, e)) {
            k = e;
            phrases += 1;
        } else if let Some(e) = phrase_at(k) {
            // A time phrase ("next week"), or the object after one ("has this year more than
            // a million visitors received": no relative clause's subject).
            k = e;
            phrases += 1;
            last_bare_np = !std::mem::take(&mut time_first);
        } else if v.tag(k).is_some_and(Tag::is_adverb) {
            // "had their homes already left": an adverb of time and aspect belongs to the
            // perfect, not to a causative "have".
            if matches!(
                v.lower(k),
                "already" | "just" | "never" | "finally" | "recently" | "long" | "since"
            ) {
                phrases += 1;
            }
            k += 1;
        } else {
            break;
        }
    }
    (k == last).then_some(MiddleField {
        object_len,
        phrases,
        last_bare_np,
    })
}

/// The participles English uses after a causative "have" with an object
/// (`rules/causative-participles.txt`, built by `scripts/make_causative_participles.py`).
fn is_causative_participle(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../rules/causative-participles.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(w)
}

/// "yesterday", "today", a weekday, a time noun ("week", "days").
fn is_time_word(v: &SentenceView, k: usize) -> bool {
    let w = v.lower(k);
    TIME_WORDS.contains(&w) || WEEKDAYS.contains(&w) || super::words::names_time(w)
}

/// "The proposal was by the parliament adopted.": a passive whose agent ("by …") stands
/// between the auxiliary and the participle, which ends the sentence.
fn passive_agent_before_participle(v: &SentenceView) -> Option<Diagnosis> {
    if v.kind() != SegmentKind::Sentence || v.words.last() == Some(&"?") {
        return None;
    }
    let end = content_end(v);
    if end < 5 {
        return None;
    }
    let last = end - 1;
    // The tagger may read the participle as a past form ("was by the parliament adopted").
    if !(v.tag(last) == Some(Tag::VBN) || past_as_participle(v, last)) {
        return None;
    }
    let a = (1..last)
        .find(|&a| BE.contains(&v.lower(a)) && v.tag(a).is_some_and(Tag::is_finite_verb))?;
    // Phrases and adverbs only, one of them the agent.
    let mut k = a + 1;
    let mut agent = false;
    while k < last {
        if let Some(e) = prepositional_phrase(v, k) {
            // "by then", "by far" are not agents.
            agent |= v.lower(k) == "by"
                && !matches!(
                    v.lower(k + 1),
                    "then"
                        | "now"
                        | "far"
                        | "chance"
                        | "accident"
                        | "mistake"
                        | "default"
                        | "hand"
                        | "law"
                        | "nature"
                        | "design"
                );
            k = e;
        } else if v.tag(k).is_some_and(Tag::is_adverb) || is_time_word(v, k) {
            k += 1;
        } else {
            return None;
        }
    }
    if !agent || k != last {
        return None;
    }
    Some(bracket(v, a, end, "agent", 0.7))
}

/// The finding for a verb bracket: the auxiliary at `a`, the verb last before `end`, moved
/// right after the auxiliary; `what` names what stands between them.
fn bracket(v: &SentenceView, a: usize, end: usize, what: &str, confidence: f64) -> Diagnosis {
    let last = end - 1;
    // The adverbs go before the verb, the object first and times last ("has definitively
    // shelved the plans …", "defended the decision in parliament yesterday").
    let suggestion = super::rewrite::verb_brought_forward(v, a, last, end);
    let (start, stop) = v.span(a, last + 1);
    Diagnosis {
        check: "",
        start,
        end: stop,
        message: format!(
            "'{0}' comes at the end, after its {what}, far from '{1}' (Dutch/German order): put it right after '{1}'",
            v.words[last], v.words[a]
        ),
        suggestion: Some(suggestion),
        confidence,
    }
}

/// A past form the tagger may have read for the participle it also is ("adopted", "left").
fn past_as_participle(v: &SentenceView, k: usize) -> bool {
    v.tag(k) == Some(Tag::VBD) && Tagger::embedded().can_be(v.words[k], Tag::VBN)
}
