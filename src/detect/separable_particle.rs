//! The rule `separable-particle`: see `META` for what it finds and why.
//!
//! English phrasal verbs keep a particle after a short object ("gave the plans up"), never after
//! the object's adverbials, so a particle is flagged only when a prepositional phrase or a time
//! expression stands between the object and it, and only when the particle follows that adverbial
//! itself ("… or your money back" is English).
//!
//! The clause's verb may be a base form after a modal or a participle after "have" ("will
//! introduce a sugar tax next year in"), then with a time expression between. After a time
//! expression a particle needs no object ("arrived shortly after midnight in Brussels on").
//! Some endings are left over even when the verb already translates the whole separable verb
//! ("arrested … on Saturday fast", "released … after three weeks free").

use super::rewrite::{Piece, english_middle, render};
use super::verb_forms::{self, Form};
use super::words::{
    AUXILIARIES, HAVE, MODALS, MONTHS, TIME_NOUNS, TIME_WORDS, WEEKDAYS, names_a_time,
};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::Tag;
use std::collections::HashMap;
use std::sync::OnceLock;

pub struct SeparableParticle;

/// Particles of separable verbs that machine translation leaves at the clause end.
const PARTICLES: &[&str] = &[
    "in", "on", "off", "out", "up", "down", "back", "away", "through", "before", "to", "by", "at",
    "along", "over", "together", "forth", "ahead", "after",
];

/// Adjectives and nouns that German and Dutch separable verbs end in ("festnehmen",
/// "festlegen", "stattfinden"), with the verbs they are read with.
const VERB_ENDINGS: &[(&str, &[&str])] = &[
    (
        "fast",
        &["take", "stand", "set", "lay", "hold", "put", "lie"],
    ),
    ("firm", &["lay", "set", "put", "hold"]),
    ("place", &["find", "take"]),
    ("part", &["take"]),
    ("free", &["let", "give", "set"]),
    ("known", &["give"]),
    ("fixed", &["take", "set", "lay", "hold"]),
    ("good", &[]),
];

/// Endings that are left over even after a verb that translates the whole separable verb
/// ("arrested … on Saturday fast", festnehmen; "released … after three weeks free",
/// freilassen; "approved … on Thursday good", goedkeuren): after any verb with an object, when
/// a time expression stands between.
const LEFTOVER_ENDINGS: &[&str] = &["fast", "free", "good", "firm", "fixed"];

/// Particles that no English intransitive verb leaves at the clause end after its adverbials
/// ("came … in Amsterdam at", ankommen; "trod … after weeks of criticism off", aftreden), so
/// they need no object as evidence.
const OBJECTLESS_PARTICLES: &[&str] = &["at", "before", "through", "off"];

static META: RuleMeta = RuleMeta {
    id: "separable-particle",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "The particle of a separable verb is left at the end of the clause.",
    why: "Dutch and German split separable verbs and put the particle last ('nahm den \
          Verdächtigen fest'); machine translation keeps it there ('took the suspect … fast'), \
          where English has no phrasal verb to read it with.",
    fix: "Use the English verb for the whole separable verb ('arrested the suspect'); an \
          English phrasal verb keeps its particle next to a short object.",
    examples: &[
        Example::Bad {
            text: "He gave the keys to his neighbour back.",
            fix: Some("He gave the keys back to his neighbour."),
        },
        Example::Good("He got his job at the bank back."),
        Example::Good("I asked for my money back."),
        Example::Bad {
            text: "The minister explained the decision at a press conference in The Hague out.",
            fix: Some("The minister explained the decision at a press conference in The Hague."),
        },
        Example::Bad {
            text: "The city council designated two new parks on Tuesday in the north on.",
            fix: Some("The city council designated two new parks in the north on Tuesday."),
        },
        Example::Bad {
            text: "Police took the 31-year-old suspect at the main station on Saturday evening fast.",
            fix: Some(
                "Police arrested the 31-year-old suspect at the main station on Saturday evening.",
            ),
        },
        Example::Bad {
            text: "The commission beat a levy on plastic packaging on Wednesday before.",
            fix: Some("The commission proposed a levy on plastic packaging on Wednesday."),
        },
        Example::Bad {
            text: "The final of the championship finds on 14 July in the Olympic Stadium place.",
            fix: Some(
                "The final of the championship takes place in the Olympic Stadium on 14 July.",
            ),
        },
        Example::Bad {
            text: "Two men grabbed a taxi driver in Rotterdam on Saturday night on and stole his takings.",
            fix: Some(
                "Two men attacked a taxi driver in Rotterdam on Saturday night and stole his takings.",
            ),
        },
        Example::Bad {
            text: "The plane from Madrid came only shortly after midnight in Berlin at.",
            fix: Some("The plane from Madrid arrived in Berlin only shortly after midnight."),
        },
        Example::Bad {
            text: "The cup final took on Sunday in front of 42,000 spectators in Rotterdam place.",
            fix: None,
        },
        Example::Bad {
            text: "The water level of the Elbe climbed on Monday because of the rain by a metre at.",
            fix: Some("The water level of the Elbe rose by a metre on Monday because of the rain."),
        },
        Example::Bad {
            text: "The delayed night train from Vienna came only shortly before noon in Amsterdam at.",
            fix: None,
        },
        Example::Bad {
            text: "A spokesman for the ministry pointed the accusations on Tuesday firmly back.",
            fix: Some("A spokesman for the ministry firmly rejected the accusations on Tuesday."),
        },
        Example::Bad {
            text: "The government will abolish the levy on plastic bags next year off.",
            fix: None,
        },
        Example::Bad {
            text: "The night train from Vienna arrived shortly after midnight in Munich on.",
            fix: None,
        },
        Example::Bad {
            text: "Police arrested three suspects in Utrecht on Sunday fast.",
            fix: Some("Police arrested three suspects in Utrecht on Sunday."),
        },
        Example::Bad {
            text: "He switched the television after the film off.",
            fix: Some("He switched the television off after the film."),
        },
        Example::Good("Their parents had emigrated from Northern Ireland two years before."),
        Example::Good("You will get it in three business days or your money back."),
        Example::Good("They won't sign the contracts with the rep in."),
        Example::Good("The ceremony took place on Sunday in front of the town hall."),
        Example::Good("This is the restaurant we always meet at."),
        Example::Good("The club made its decision on the new coach known."),
        Example::Good("They gave the plans up."),
        Example::Good("He put the milk in."),
        Example::Good("This is the house she grew up in."),
        Example::Good("The company he works for is based in Amsterdam."),
        Example::Good("The lights in the hall were switched on."),
        Example::Good("She has nothing in the world to worry about."),
        Example::Good("The strike went on for three days and the ferries were held up."),
        Example::Good("They carried on."),
    ],
};

/// Whether token `k` closes an adverbial of place or time: a noun, a name, a number, a
/// time word.
fn adverbial_end(v: &SentenceView, k: usize) -> bool {
    let w = v.lower(k);
    v.tag(k).is_some_and(|t| t.is_noun() || t == Tag::CD)
        // An adverb of manner: "pointed the accusations on Tuesday firmly back".
        || (v.tag(k) == Some(Tag::RB) && w.len() > 4 && w.ends_with("ly"))
        || TIME_WORDS.contains(&w)
        || WEEKDAYS.contains(&w)
        || MONTHS.contains(&w)
}

impl Detector for SeparableParticle {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.len() < 7 {
            return;
        }
        for e in 6..v.len() {
            let p = v.lower(e);
            if !clause_ends_after(v, e) || !adverbial_end(v, e - 1) {
                continue;
            }
            let ending = VERB_ENDINGS.iter().find(|(w, _)| *w == p);
            if !PARTICLES.contains(&p) && ending.is_none() {
                continue;
            }
            // "two years before", "a week on", "some days later": after a stretch of time the
            // word is an adverb of time, not a particle.
            let stretch = |j: usize| {
                let w = v.lower(j);
                super::words::is_time_head(w)
                    || w.strip_suffix('s').is_some_and(super::words::is_time_head)
            };
            if matches!(p, "before" | "after" | "on" | "earlier" | "later")
                && stretch(e - 1)
                && v.tag(e - 2)
                    .is_some_and(|t| t == Tag::CD || matches!(t, Tag::DT | Tag::JJ))
            {
                continue;
            }
            let Some((k, after_aux)) = clause_verb(v, e) else {
                continue;
            };
            if e - k < 5 {
                continue;
            }
            let time_between = time_between(v, k, e);
            let object_follows = v.tag(k + 1).is_some_and(|t| {
                matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::JJ) || t.is_noun()
            });
            if let Some((ending, verbs)) = ending
                && !verbs.contains(&frames().lemma(v.lower(k)))
                && !(LEFTOVER_ENDINGS.contains(ending) && time_between && object_follows)
            {
                continue;
            }
            // An English phrasal verb keeps its particle next to a short object: a
            // prepositional phrase or time expression must stand between the object and the
            // particle, and the object must start right after the verb.
            // English adverbs of direction also close a clause after a prepositional phrase
            // ("asked for my money back"): for them only a time expression in between counts.
            // Not so after a verb English seldom uses with a particle ("rejected the proposal
            // by a large majority off": under 3% of its uses in the treebank).
            let rarely_phrasal = frames()
                .get(v.lower(k))
                .is_some_and(|f| f.count >= 5 && f.particle_rate < 0.03);
            // "back" after the object and its goal ("gave the keys to his neighbour back"):
            // English puts the goal after the particle ("gave the keys back to his
            // neighbour"); a phrase of the noun may stand before it ("got his job at the
            // bank back").
            let goal_before_back = p == "back"
                && object_follows
                && (k + 2..e).any(|j| matches!(v.lower(j), "to" | "into") && j > k + 1);
            let adverbial_between = time_between
                || goal_before_back
                || ((!matches!(p, "back" | "up" | "out" | "down" | "off" | "away" | "over")
                    || (rarely_phrasal && p != "back"))
                    && (k + 2..e).any(|j| v.tag(j) == Some(Tag::IN)));
            // A separable verb with a noun or adjective ending may have no object ("finds
            // … place").
            // After a time expression, no English verb ends its clause in a particle with
            // no object either ("arrived shortly after midnight in Brussels on", ankommen).
            let object = ending.is_some()
                || OBJECTLESS_PARTICLES.contains(&p)
                || time_between
                || object_follows;
            let adverbial_last = adverbial_last(v, k, e);
            // A verb after a modal or "have" counts only with a time expression between ("will
            // sign the confirms with the rep in" is English).
            if !adverbial_between || !object || !adverbial_last || (after_aux && !time_between) {
                continue;
            }
            let (start, end) = v.span(k, e + 1);
            let leftover = ending.is_some_and(|(w, verbs)| {
                LEFTOVER_ENDINGS.contains(w) && !verbs.contains(&frames().lemma(v.lower(k)))
            });
            let separable = rewrite_separable(v, k, e, leftover);
            let phrasal = separable
                .is_none()
                .then(|| rewrite_phrasal(v, k, e, goal_before_back))
                .flatten();
            let message = if phrasal.is_some() {
                format!(
                    "'{0}' at the end of the clause belongs right after the object of '{1}' \
                     (Dutch/German order): put it there",
                    v.words[e], v.words[k]
                )
            } else {
                format!(
                    "'{0}' at the end of the clause is the second half of '{1}', a Dutch/German verb \
                     split in two: use one English verb for both and drop '{0}'",
                    v.words[e], v.words[k]
                )
            };
            out.push(Diagnosis {
                check: "",
                start,
                end,
                message,
                suggestion: separable.or(phrasal),
                confidence: 0.6,
            });
            return;
        }
    }
}

/// The English verbs for separable verbs rendered verb and particle apart:
/// `rules/separable-verbs.tsv`, as (lemma, particle) → English ("" keeps the verb).
fn separable_verbs() -> &'static HashMap<(&'static str, &'static str), &'static str> {
    static TABLE: OnceLock<HashMap<(&str, &str), &str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../rules/separable-verbs.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t').map(str::trim);
                let (lemma, particle, english) = (f.next()?, f.next()?, f.next()?);
                Some(((lemma, particle), if english == "-" { "" } else { english }))
            })
            .collect()
    })
}

/// The sentence with the verb at `k` replaced by the English verb for it and its particle at
/// `e` ("took … fast" → "arrested …"), in the verb's form, and the particle gone; for an
/// ending left over after a verb that already translates the whole, only the ending goes.
fn rewrite_separable(v: &SentenceView, k: usize, e: usize, leftover: bool) -> Option<String> {
    let verb = v.words[k];
    let english = if leftover {
        ""
    } else {
        let lemma = verb_forms::lemma(verb)?;
        let particle = v.lower(e);
        let listed = separable_verbs()
            .get(&(lemma.as_str(), particle))
            .or_else(|| separable_verbs().get(&(frames().lemma(v.lower(k)), particle)));
        match listed {
            Some(english) => *english,
            // A verb not listed that is complete without a particle keeps itself: a regular
            // verb English seldom uses with one ("designated … on", "offered … at"). Irregular
            // verbs ("lay … firm", "throw … before") and phrasal ones ("carry … out") change
            // their meaning with the particle: no suggestion without the table.
            None if complete_without_particle(&lemma) => "",
            None => return None,
        }
    };
    // The clause's middle in English order: a manner adverb before the verb ("pointed the
    // accusations on Tuesday firmly back" → "firmly rejected the accusations on Tuesday"), the
    // object first, times last ("put its new car on Tuesday at the motor show before" →
    // "presented its new car at the motor show on Tuesday").
    let (adverbs, middle) =
        english_middle(v, k + 1, e).unwrap_or_else(|| (Vec::new(), vec![Piece::Tokens(k + 1, e)]));
    let mut pieces = vec![Piece::Tokens(0, k)];
    pieces.extend(adverbs);
    if english.is_empty() {
        pieces.push(Piece::Tokens(k, k + 1));
    } else {
        let lemma = verb_forms::lemma(verb).unwrap_or_default();
        let form = match v.tag(k) {
            Some(Tag::VBZ) => Form::ThirdSingular,
            // "put", "set", "cut": a past the tagger may read as a present; the clause's time
            // phrase (which the rule requires) is read as past, as news reports.
            Some(Tag::VB | Tag::VBP)
                if verb_forms::inflect(&lemma, Form::Past) == verb.to_lowercase() =>
            {
                Form::Past
            }
            Some(Tag::VB | Tag::VBP) => Form::Base,
            // A participle with no auxiliary before it is the simple past the tagger misread
            // ("The water level … climbed … at").
            Some(Tag::VBN)
                if (0..k).rev().take(4).any(|i| {
                    matches!(
                        v.lower(i),
                        "has"
                            | "have"
                            | "had"
                            | "having"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "be"
                            | "been"
                            | "being"
                            | "get"
                            | "got"
                    )
                }) =>
            {
                Form::Participle
            }
            Some(Tag::VBG) => Form::Gerund,
            _ => Form::Past,
        };
        let (head, rest) = english.split_once(' ').unwrap_or((english, ""));
        let mut word = verb_forms::inflect(head, form);
        if !rest.is_empty() {
            word = format!("{word} {rest}");
        }
        if verb.starts_with(char::is_uppercase) {
            word = super::edit::capitalize(&word);
        }
        pieces.push(Piece::Word(k, word));
    }
    pieces.extend(middle);
    pieces.push(Piece::Tokens(e + 1, v.len()));
    Some(render(v, &pieces))
}

/// The clause with the particle of an English phrasal verb ("switch … off", "turn … down")
/// right after its object, before the adverbials: "He switched the television off after the
/// film." A verb that takes a particle in at least a tenth of its treebank uses, an object
/// right after it.
/// "back" before a goal phrase goes after the object whatever the verb ("gave the keys back to
/// his neighbour").
fn rewrite_phrasal(v: &SentenceView, k: usize, e: usize, goal_before_back: bool) -> Option<String> {
    if !matches!(
        v.lower(e),
        "back" | "up" | "out" | "down" | "off" | "away" | "over" | "on" | "in"
    ) || !(goal_before_back
        || frames()
            .get(v.lower(k))
            .is_some_and(|f| f.count >= 5 && f.particle_rate >= 0.1))
    {
        return None;
    }
    if !v
        .tag(k + 1)
        .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::JJ) || t.is_noun())
    {
        return None;
    }
    let object_end = v.chunker().noun_phrase(k + 1).filter(|&o| o < e)?;
    let pieces = [
        Piece::Tokens(0, object_end),
        Piece::Tokens(e, e + 1),
        Piece::Tokens(object_end, e),
        Piece::Tokens(e + 1, v.len()),
    ];
    Some(render(v, &pieces))
}

/// Whether a verb the separable-verb table does not list with this particle is complete without
/// it: one the table lists with other particles only as keeping itself, or, not in the table, a
/// regular verb that takes a particle in under 3% of its uses in the treebank (or is not in
/// it).
fn complete_without_particle(lemma: &str) -> bool {
    let mut listed = separable_verbs()
        .iter()
        .filter(|((l, _), _)| *l == lemma)
        .peekable();
    // A verb the table lists only as keeping itself ("resign … off" → "resigned", "agree … to"
    // → "agreed") is an English verb complete without a particle, whatever the particle.
    if listed.peek().is_some() {
        return listed.all(|(_, english)| english.is_empty() || *english == lemma);
    }
    !verb_forms::is_irregular(lemma)
        && frames()
            .get(lemma)
            .is_none_or(|f| f.lemma == lemma && f.particle_rate < 0.03)
}

/// The clause ends after the particle at `e`: punctuation, or "and" and another verb.
fn clause_ends_after(v: &SentenceView, e: usize) -> bool {
    v.words
        .get(e + 1)
        .is_none_or(|w| matches!(*w, "." | "!" | "," | ";" | ":"))
        || (v.tag(e + 1) == Some(Tag::CC) && v.tag(e + 2).is_some_and(|t| t.is_finite_verb()))
}

/// The clause's verb: the nearest finite lexical verb before, with no clause
/// boundary between (a relative or infinitive clause may end in its preposition:
/// "the company he works for"). Returns its index, and whether it follows an auxiliary.
fn clause_verb(v: &SentenceView, e: usize) -> Option<(usize, bool)> {
    for k in (0..e).rev() {
        let t = v.tag(k).unwrap_or(Tag::XX);
        let w = v.lower(k);
        if matches!(t, Tag::WDT | Tag::WP | Tag::WRB | Tag::TO | Tag::MD)
            || matches!(w, "that" | "which" | "who" | "whom" | "whose")
            || t.is_punct() && w != "-"
        {
            break;
        }
        if t.is_verb() {
            // "The carmaker put", "near Cologne climbed"; "will introduce", "has
            // abolished": a base form after a modal, a participle after "have".
            let aux = (0..k)
                .rev()
                .find(|&a| v.tag(a) != Some(Tag::RB))
                .map(|a| v.lower(a));
            if (matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP)
                || super::clause::past_read_as_other(v, k))
                && !AUXILIARIES.contains(&w)
            {
                return Some((k, false));
            } else if (t == Tag::VB && aux.is_some_and(|a| MODALS.contains(&a)))
                || (t == Tag::VBN && aux.is_some_and(|a| HAVE.contains(&a)))
            {
                return Some((k, true));
            }
            return None;
        }
    }
    None
}

/// A time expression between the verb and the particle: a day, a month, a year,
/// "yesterday", or a time noun ("last year", "after three weeks"), or a phrase of time after
/// the object ("switched the television after the film off").
fn time_between(v: &SentenceView, k: usize, e: usize) -> bool {
    (k + 2..e).any(|j| {
        let w = v.lower(j);
        let temporal_phrase = matches!(w, "after" | "during" | "until")
            && v.tag(j) == Some(Tag::IN)
            && v.tag(j - 1).is_some_and(Tag::is_noun);
        temporal_phrase
            || names_a_time(w)
            || TIME_NOUNS.contains(&w)
            || w.strip_suffix('s')
                .is_some_and(|n| TIME_NOUNS.contains(&n) || n == "day")
            || matches!(w, "day" | "midnight" | "noon")
    })
}

/// The particle must follow the adverbial itself, not an object after it ("will
/// get in three days or your money back"): the phrase before the particle holds a
/// time word, follows a preposition, or is an "-ly" adverb.
fn adverbial_last(v: &SentenceView, k: usize, e: usize) -> bool {
    let mut s = e - 1;
    while s > k + 1
        && v.tag(s - 1).is_some_and(|t| {
            matches!(
                t,
                Tag::DT | Tag::PRPS | Tag::JJ | Tag::CD | Tag::POS | Tag::RB
            ) || t.is_noun()
        })
    {
        s -= 1;
    }
    (s..e).any(|j| {
        let w = v.lower(j);
        names_a_time(w) || TIME_NOUNS.contains(&w)
    }) || matches!(v.tag(s - 1), Some(Tag::IN | Tag::TO))
        || v.tag(e - 1) == Some(Tag::RB)
}
