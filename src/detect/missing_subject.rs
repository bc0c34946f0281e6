//! The rule `missing-subject`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds sentences that open with a finite verb and no subject ("Are already two hundred
//! deaths.", "Has been decided that …"), a determiner or possessive whose noun is gone ("A by
//! infrared spectroscopy revealed …", "because her has been published"), "Don't know if …", and
//! a coordinator with no first conjunct ("In Libya in recent weeks and new clashes erupted.").
//! In written prose (sentences of 14 tokens or more that do not speak of the writer or reader)
//! it also finds a sentence that opens with its past, third-person or modal verb ("Said that
//! 85% of new cases …", "Would also take over custody of …"), adverbs, a reflexive or an
//! adjective standing where an article's noun was ("The also hopes …", "a large of companies"),
//! "is likely that" without "it" after a coordinator (suggested with "it"), a reported clause
//! or a quotation with no subject ("said delivered 45 aircraft", "“…,” said."), and "that"
//! followed by a plural verb or by a perfect with its object ("found that had passed the
//! checkpoint").
//!
//! ## Silent on
//! Imperatives ("Don't be shy, get in touch."), questions, headlines and "Thank you"; notes and
//! reviews that drop "I"/"we" ("Stayed here for 2 nights."); conditional and locative
//! inversion ("Had the Allies failed, …", "Here stood a castle …"); quotation inversion with
//! its speaker ("…,” said the minister."); "the other", "a must" and "her" as an object ("the
//! cost for her was low"); an article before a dash where the writer broke off ("he's got a --
//! I'm …").

mod supply;

use super::clause::{Front, fronted};
use super::rewrite::{Piece, render, uncapitalize};
use super::words::{
    AUXILIARIES, BE, HAVE, INVERTING_ADVERBS, INVERTING_PLACE_ADVERBS, MODALS, SUBORDINATORS,
    WEEKDAYS,
};
use super::{Check, Detector, Diagnosis, Example, RuleMeta, SentenceView, first_check};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};

pub struct MissingSubject;

static META: RuleMeta = RuleMeta {
    id: "missing-subject",
    category: Category::MissingSubject,
    severity: Severity::Critical,
    summary: "A declarative clause has no subject (or lost its 'there'/'it').",
    why: "Dutch and German put the expletive or subject after the verb, or drop it; machine \
          translation loses it and the English clause starts with its verb.",
    fix: "Add the subject: 'There are …', 'It has been decided that …', 'I don't know if …'.",
    examples: &[
        Example::Bad {
            text: "Show that the current scale of the games industry accounts for a third of the city's.",
            fix: None,
        },
        Example::Bad {
            text: "For example, in the Middle East may face different situations than Europeans.",
            fix: None,
        },
        Example::Bad {
            text: "More than have been affected by the severe flooding in Southeast Asia.",
            fix: None,
        },
        Example::Bad {
            text: "According to initial investigations, a (17) pushed a 19-year-old to the ground.",
            fix: None,
        },
        Example::Bad {
            text: "Are expecting a slowdown as the storm moves further inland.",
            fix: None,
        },
        Example::Bad {
            text: "Steijn and I get along really well and 've made enormous progress since May.",
            fix: None,
        },
        Example::Bad {
            text: "The researchers believe that although is the tail of a young dinosaur, the feathers are adult.",
            fix: None,
        },
        Example::Bad {
            text: "Seems that the talks between the two parties have failed again.",
            fix: Some("It seems that the talks between the two parties have failed again."),
        },
        Example::Bad {
            text: "Were more than 300 people at the meeting in the town hall on Monday.",
            fix: Some("There were more than 300 people at the meeting in the town hall on Monday."),
        },
        Example::Bad {
            text: "Looting continued throughout the night while were absent from the streets.",
            fix: None,
        },
        Example::Bad {
            text: "He called the governor a dictator because followed medical guidelines.",
            fix: None,
        },
        Example::Bad {
            text: "Yesterday was announced that the school will close.",
            fix: Some("Yesterday it was announced that the school will close."),
        },
        Example::Bad {
            text: "In the morning became clear that the dam would hold.",
            fix: Some("In the morning it became clear that the dam would hold."),
        },
        Example::Bad {
            text: "Because was ill, the coach stayed at home.",
            fix: None,
        },
        Example::Good("According to the police, the dead included two children."),
        Example::Good(
            "The popularity of the party and its leader in particular reached a peak in 1940.",
        ),
        Example::Good("His thought was needed yesterday, today and tomorrow."),
        Example::Good("Eventually, after a few months, me and her broke up."),
        Example::Good("Are you expecting a slowdown as the storm moves further inland?"),
        Example::Good("Note that the figures for the last quarter are not yet final."),
        Example::Good("For example, since the prices may rise, many buy early."),
        Example::Good("The former could not attend, but the rich could afford it."),
        Example::Good("Workers at the (now closed) factory were paid in cash."),
        Example::Good(
            "The company earns more than it did a year ago, and spends less than was planned.",
        ),
        Example::Good("Steijn and I get along really well and we've made enormous progress."),
        Example::Good("Of the 650 athletes who competed in the games, 580 were Americans."),
        Example::Good("Figures with a pair of wings are often depicted on the walls."),
        Example::Good(
            "Special units, called the Einsatzgruppen, killed thousands in less than a year.",
        ),
        Example::Good("Were the government to raise the tax, many small businesses would close."),
        Example::Good("Lost: black cat with a white spot on its nose, last seen near the park."),
        Example::Bad {
            text: "The company said that will return to profit in 2025.",
            fix: Some("The company said that it will return to profit in 2025."),
        },
        Example::Good("The minister said that would take time."),
        Example::Good("Of these, the highest is Dolca with a height of 511 metres."),
        Example::Good("She played the lead in the critically acclaimed film."),
        Example::Good("This idea of his has made the epic known."),
        Example::Good("On November first Lewis Hamilton and Co. will fight for points in Imola."),
        Example::Good(
            "According to the university, reported confirmed cases in the U.S. have reached four million.",
        ),
        Example::Good(
            "Since sesame and rice are used in this festival, it is also known as Tilvachiura.",
        ),
        Example::Good("In May 1939 Hitler and Mussolini signed the Pact of Steel."),
        Example::Bad {
            text: "In the report is written that the company made a loss.",
            fix: Some("In the report it is written that the company made a loss."),
        },
        Example::Good(
            "Since the opinion was expressed that the rules are unfair, they will change.",
        ),
        Example::Good("He sees new evidence of the loved one's perfection in everything."),
        Example::Bad {
            text: "The is one of the babies who are cared for at the hospital every year.",
            fix: None,
        },
        Example::Bad {
            text: "The fled to the south three years ago and has now returned.",
            fix: None,
        },
        Example::Good("The injured were taken to the hospital in the capital."),
        Example::Good("The economy moved from a planned to a mixed market."),
        Example::Good("It was not against my will either."),
        Example::Good(
            "Asked whether he would run again, the mayor of Utrecht said he had not decided.",
        ),
        Example::Good("Yesterday was the hottest day of the year."),
        Example::Good("Because it was late, we went home."),
        Example::Good("Looting continued while waiting for the police."),
        Example::Good("Keep stirring until finished."),
        Example::Bad {
            text: "The police said on Friday had found no evidence of a motive.",
            fix: None,
        },
        Example::Good("What he said was true."),
        Example::Good("The thing he said was wrong."),
        Example::Good("The minister said it was not the right time."),
        Example::Good("After residents reported broken street lights, workers repaired them."),
        Example::Bad {
            text: "Are expected more than 10,000 visitors.",
            fix: Some("More than 10,000 visitors are expected."),
        },
        Example::Bad {
            text: "Are already two hundred deaths.",
            fix: Some("There are already two hundred deaths."),
        },
        Example::Bad {
            text: "Has been decided that the talks will go on.",
            fix: Some("It has been decided that the talks will go on."),
        },
        Example::Bad {
            text: "Is expected that the minister resigns.",
            fix: Some("It is expected that the minister resigns."),
        },
        Example::Bad {
            text: "Don't know if you realize that the goods are duty free.",
            fix: Some("I don't know if you realize that the goods are duty free."),
        },
        Example::Bad {
            text: "A by infrared spectroscopy revealed that the crystals matched.",
            fix: None,
        },
        Example::Bad {
            text: "In Libya in recent weeks and new clashes erupted.",
            fix: Some("In Libya in recent weeks, new clashes erupted."),
        },
        Example::Good("Asked if he would stand again, Mr Smith said he had not decided."),
        Example::Good("Different: one was in the jungle, the other is in the mountains."),
        Example::Good("This is a major breakthrough and a must for every enthusiast."),
        Example::Good(
            "I recommend her to everyone, as she is a professional and the cost for her was low.",
        ),
        Example::Good("There are already two hundred deaths."),
        Example::Bad {
            text: "Are still 40 people missing after the landslide.",
            fix: Some("There are still 40 people missing after the landslide."),
        },
        Example::Bad {
            text: "The suspect told the court had taken the money from the safe.",
            fix: None,
        },
        Example::Bad {
            text: "The club confirmed on Friday had sacked its head coach.",
            fix: None,
        },
        Example::Good("She told me that was too bad."),
        Example::Good("Are the results ready yet."),
        Example::Good("Don't be shy, get in touch."),
        Example::Good("Thank you for your message."),
        Example::Good("Had I known, I would have come."),
        Example::Good("Are you coming to the meeting?"),
        Example::Good("Should you need help, call us."),
        Example::Good("Founded in 1990, the company grew fast."),
        Example::Good("The injured were taken to hospital."),
        Example::Bad {
            text: "And melamine were both found in urine samples.",
            fix: None,
        },
        Example::Bad {
            text: "Who preached the gospel as a child, eventually earned a degree in religion.",
            fix: None,
        },
        Example::Bad {
            text: "Other include Best Picture and Best Director.",
            fix: None,
        },
        Example::Bad {
            text: "Said that a relatively strict law came into force for the meat industry in 2017.",
            fix: None,
        },
        Example::Bad {
            text: "Reiterated the 2017 surveillance of a military satellite shared by France and Italy.",
            fix: None,
        },
        Example::Bad {
            text: "The also hopes to set up a fund to help countries deal with global warming.",
            fix: None,
        },
        Example::Bad {
            text: "Since the treaty was signed, the other have confirmed that they will keep it.",
            fix: None,
        },
        Example::Good("The executive has requested more time from the House."),
        Example::Good("The other does not agree with the plan."),
        Example::Bad {
            text: "Also said that among the dead were 2,202 army fugitives and about 5,375 fighters.",
            fix: None,
        },
        Example::Bad {
            text: "The and Flick know from many a joint tournament what is particularly important.",
            fix: None,
        },
        Example::Good(
            "Here stood the old castle of the counts of Holland until the great fire of 1421.",
        ),
        Example::Bad {
            text: "When a large of companies suddenly applied for work, the agency had to react quickly.",
            fix: None,
        },
        Example::Bad {
            text: "This tradition has a Christian interpretation, but is very likely that it was a spring ritual.",
            fix: Some(
                "This tradition has a Christian interpretation, but it is very likely that it was a spring ritual.",
            ),
        },
        Example::Good("The final of the cup will be played in Johannesburg next week."),
        Example::Good("He is tall and is sure that he will win the race."),
        Example::Bad {
            text: "The aircraft maker said delivered 45 aircraft during the quarter.",
            fix: None,
        },
        Example::Bad {
            text: "Of the urban development on Hong Kong Island is concentrated on reclaimed land.",
            fix: None,
        },
        Example::Bad {
            text: "During further investigation, the police found that had passed the checkpoint at 17:07.",
            fix: None,
        },
        Example::Bad {
            text: "And because of its relative remoteness, is used as a metaphor for a distant country.",
            fix: None,
        },
        Example::Good("Of these, only two were found."),
        Example::Good("He said that had been a mistake."),
        Example::Bad {
            text: "Would also take over custody of captured fighters, the statement said on Sunday.",
            fix: None,
        },
        Example::Good(
            "Should the talks fail in the coming weeks, the ministers will meet again in May.",
        ),
        Example::Bad {
            text: "\"There is still a legal risk in this market,\" said.",
            fix: None,
        },
        Example::Bad {
            text: "In the letter, said he believed the support of the community could help.",
            fix: None,
        },
        Example::Bad {
            text: "Research has found that are two times more likely to have MS than men.",
            fix: None,
        },
        Example::Good("\"There is still a legal risk,\" said the minister."),
        Example::Good("In the end, can you send it to me?"),
        Example::Good("Stayed here for 2 nights."),
        Example::Good(
            "Took a laptop in to have the video cable replaced, and we were told to wait.",
        ),
        Example::Good(
            "Had the Allies failed, Germany would probably have defeated Britain in the end.",
        ),
        Example::Good(
            "It also said that among the dead were 2,202 army fugitives and other fighters.",
        ),
        Example::Good("And the results were good."),
        Example::Good("Who knows what will happen?"),
        Example::Good("Others include Best Picture."),
    ],
};

/// Adjectives that cannot stand without their noun ("other" needs one; "others" does not).
const NOUN_ADJECTIVES: &[&str] = &[
    "other",
    "various",
    "certain",
    "previous",
    "main",
    "entire",
    "whole",
    "major",
    "specific",
    "particular",
    "respective",
    "presidential",
    "local",
    "national",
    "international",
];

/// Words after a determiner that can stand as its head ("the above", "a few").
const DETERMINER_HEADS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "tenth",
    "half",
    "quarter",
    "majority",
    "minority",
    "lot",
    "number",
    "rest",
    "whole",
    "above",
    "below",
    "following",
    "like",
    "inside",
    "outside",
    "latter",
    "former",
    "same",
    "few",
    "more",
    "most",
    "less",
    "least",
    "other",
    "must",
];

fn diagnosis(
    v: &SentenceView,
    a: usize,
    b: usize,
    message: &str,
    suggestion: Option<String>,
    confidence: f64,
) -> Diagnosis {
    let (start, end) = v.span(a, b);
    Diagnosis {
        check: "",
        start,
        end,
        message: message.to_string(),
        suggestion,
        confidence,
    }
}

/// The checks of this rule, tried in order; the first that finds something reports.
const CHECKS: &[Check] = &[
    ("verb-first", verb_first),
    ("verb-first-in-prose", verb_first_in_prose),
    ("extraposition-without-it", extraposition_without_it),
    ("dont-know", dont_know),
    ("lost-conjunct", lost_conjunct),
    ("verb-after-intro", verb_after_intro),
    ("verb-after-opener", verb_after_opener),
    ("verb-after-front", verb_after_front),
    ("prepositional-subject", prepositional_subject),
    (
        "reported-clause-without-subject",
        reported_clause_without_subject,
    ),
    (
        "reported-auxiliary-without-subject",
        reported_auxiliary_without_subject,
    ),
    ("quotation-without-speaker", quotation_without_speaker),
    ("headless-relative", headless_relative),
    ("lost-first-conjunct", lost_first_conjunct),
];

impl Detector for MissingSubject {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn checks(&self) -> Vec<&'static str> {
        CHECKS
            .iter()
            .map(|(name, _)| *name)
            .chain(["orphan-determiner"])
            .collect()
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.len() < 3 || v.words.last() == Some(&"?") {
            return;
        }
        if let Some(d) = first_check(CHECKS, v) {
            out.push(d);
            return;
        }
        if let Some(d) = orphan_determiner(v) {
            out.push(Diagnosis {
                check: "orphan-determiner",
                ..d
            });
        }
    }
}

/// "Are already …", "Has been decided that …", "Says that …".
fn verb_first(v: &SentenceView) -> Option<Diagnosis> {
    let w0 = v.lower(0);
    let t0 = v.tag(0)?;
    let np = v.chunker();
    let mut k = 1;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    // Inversion with a subject after the verb is English: "Had I known", "Should you need"
    // (but not with an adverb before the subject: "Are still 40 people missing").
    let adverb_first = k > 1 && v.lower(1) != "not" && BE.contains(&w0);
    // ("Were the government to raise the tax, …": the subjunctive "were" before "to".)
    if let Some(e) = np.basic_np(k)
        && (v.tag(e).is_some_and(Tag::is_verb)
            || v.words.get(e) == Some(&",")
            || (w0 == "were" && v.lower(e) == "to"))
        && !adverb_first
    {
        return None;
    }
    if BE.contains(&w0) && t0.is_finite_verb() {
        return be_first(v, &np, k, adverb_first);
    }
    if HAVE.contains(&w0) && t0.is_finite_verb() && v.lower(k) == "been" {
        // "Have been arrested three suspects in …": the subject follows the participle.
        if v.tag(k + 1) == Some(Tag::VBN)
            && let Some((e, rewrite)) = postposed_subject(v, &np, k + 1)
        {
            return Some(diagnosis(
                v,
                0,
                k + 2,
                &format!(
                    "The subject '{}' comes after '{}': put it first",
                    v.slice(k + 2, e),
                    v.slice(0, k + 2)
                ),
                Some(rewrite),
                0.75,
            ));
        }
        return Some(diagnosis(
            v,
            0,
            1,
            "The clause starts with its verb and has no subject: add 'it'",
            (w0 == "has").then(|| with_first_word(v, "It")).flatten(),
            0.75,
        ));
    }
    // Informal English drops subjects too ("Will use again.", "Stayed here for 2 nights."), so
    // only the shapes of formal text count: "May have been …", "Says that …".
    if MODALS.contains(&w0) && t0 == Tag::MD && v.lower(k) == "have" && v.lower(k + 1) == "been" {
        return Some(diagnosis(
            v,
            0,
            1,
            "The clause starts with its verb and has no subject: add the subject",
            None,
            0.6,
        ));
    }
    if t0 == Tag::VBZ && !HAVE.contains(&w0) && !BE.contains(&w0) && v.lower(1) == "that" {
        return Some(diagnosis(
            v,
            0,
            1,
            "The sentence starts with its verb and has no subject: add the subject (often 'it')",
            // "Seems that …": a verb whose subject is the impersonal "it".
            supply::expletive(v, 0).and_then(|e| with_first_word(v, e)),
            0.6,
        ));
    }
    None
}

/// The sentence `v` with `word` before its first word, uncapitalised.
fn with_first_word(v: &SentenceView, word: &str) -> Option<String> {
    let mut pieces = vec![
        Piece::Text(word.to_string()),
        Piece::Word(0, uncapitalize(v, 0)),
    ];
    pieces.push(Piece::Tokens(1, v.len()));
    Some(render(v, &pieces))
}

/// The sentence `v` with `word` before token `i` (which is uncapitalised when it opened the
/// sentence or a clause after a comma).
fn with_word_before(v: &SentenceView, i: usize, word: &str) -> Option<String> {
    let word = if i == 0 {
        word.to_string()
    } else {
        word.to_lowercase()
    };
    let pieces = [
        Piece::Tokens(0, i),
        Piece::Text(word),
        Piece::Word(i, uncapitalize(v, i)),
        Piece::Tokens(i + 1, v.len()),
    ];
    Some(render(v, &pieces))
}

/// A passive whose subject follows its participle at `vbn` ("Were found two bags of cocaine
/// in the boot", "Are expected more than 10,000 visitors."): the end of the subject, and the
/// sentence with the subject first. The subject is a noun phrase with its "of"-phrases (after
/// an optional "more than"), followed by a preposition or the end of the clause.
fn postposed_subject(
    v: &SentenceView,
    np: &crate::chunk::Words,
    vbn: usize,
) -> Option<(usize, String)> {
    let start = vbn + 1;
    let inner =
        if matches!(v.lower(start), "more" | "fewer" | "less") && v.lower(start + 1) == "than" {
            start + 2
        } else {
            start
        };
    let mut e = np.basic_np(inner)?;
    while v.lower(e) == "of"
        && let Some(next) = np.basic_np(e + 1)
    {
        e = next;
    }
    if !v
        .tag(e)
        .is_none_or(|t| t.is_punct() || matches!(t, Tag::IN | Tag::TO))
    {
        return None;
    }
    let pieces = [
        Piece::Tokens(start, e),
        Piece::Word(0, uncapitalize(v, 0)),
        Piece::Tokens(1, start),
        Piece::Tokens(e, v.len()),
    ];
    Some((e, render(v, &pieces)))
}

/// A sentence that opens with a finite "be" (its adverbs end at `k`; `adverb_first`: an
/// adverb stands between "be" and a noun phrase): it lacks "there" or "it", or its subject
/// follows a plural passive.
fn be_first(
    v: &SentenceView,
    np: &crate::chunk::Words,
    k: usize,
    adverb_first: bool,
) -> Option<Diagnosis> {
    let w0 = v.lower(0);
    // "Are expected more than 10,000 visitors.": a plural passive whose subject follows
    // it; the subject goes first.
    if matches!(w0, "are" | "were")
        && v.tag(k) == Some(Tag::VBN)
        && let Some((e, rewrite)) = postposed_subject(v, np, k)
    {
        return Some(diagnosis(
            v,
            0,
            k + 1,
            &format!(
                "The subject '{}' comes after '{}': put it first",
                v.slice(k + 1, e),
                v.slice(0, k + 1)
            ),
            Some(rewrite),
            0.75,
        ));
    }
    // "Are you free …", "Are the results ready …": questions without their mark. An
    // adverb before the noun phrase is no question's order ("Are still 40 people missing
    // …": "There are still …").
    let predicate = |t: Tag| t.is_verb() || t.is_adjective() || t.is_adverb();
    if let Some(e) = np.noun_phrase(k)
        && v.tag(k) != Some(Tag::PRP)
        && (!v.tag(e).is_some_and(predicate) || adverb_first)
    {
        let word = supply::expletive(v, 0);
        return Some(diagnosis(
            v,
            0,
            1,
            &format!(
                "The clause starts with its verb and has no subject: add '{}'",
                word.unwrap_or("There").to_lowercase()
            ),
            word.and_then(|e| with_first_word(v, e)),
            0.8,
        ));
    }
    if matches!(v.tag(k), Some(Tag::VBN | Tag::JJ | Tag::JJR)) {
        // "Was difficult to reach" takes "it"; "Were more than 20,000 people …" takes
        // "there" (a plural "be" never takes "it").
        let word = supply::expletive(v, 0);
        return Some(diagnosis(
            v,
            0,
            1,
            &format!(
                "The clause starts with its verb and has no subject: add '{}'",
                word.unwrap_or("It").to_lowercase()
            ),
            word.and_then(|e| with_first_word(v, e)),
            0.75,
        ));
    }
    // "Are expecting a slowdown as …": "be" and a present participle with nothing between
    // open a statement (no question mark) that has lost its subject.
    if v.tag(k) == Some(Tag::VBG) && v.words.last() == Some(&".") && !adverb_first {
        return Some(diagnosis(
            v,
            0,
            k + 1,
            "The clause starts with its verb and has no subject: add the subject before it",
            None,
            0.7,
        ));
    }
    None
}

/// "Don't know if …": a negated verb of knowing with a clause, not an imperative.
fn dont_know(v: &SentenceView) -> Option<Diagnosis> {
    if v.lower(0) != "do" || !matches!(v.lower(1), "n't" | "n’t" | "not") {
        return None;
    }
    let verb = v.lower(2);
    let clause = v.lower(3);
    let knowing = matches!(verb, "know" | "understand" | "remember" | "see" | "care");
    let opens = matches!(
        clause,
        "if" | "whether" | "why" | "what" | "how" | "who" | "where" | "when" | "that"
    );
    if !(knowing && opens) {
        return None;
    }
    let pieces = [
        Piece::Text("I".into()),
        Piece::Word(0, uncapitalize(v, 0)),
        Piece::Tokens(1, v.len()),
    ];
    Some(diagnosis(
        v,
        0,
        3,
        "'don't know' has lost its subject: add it ('I don't know', 'We don't know')",
        Some(render(v, &pieces)),
        0.7,
    ))
}

/// A coordinator with no first conjunct: "In Libya in recent weeks and new clashes erupted."
fn lost_conjunct(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    if !matches!(fronted(v), Some((_, Front::Phrase { .. }))) {
        return None;
    }
    // The fronted phrases read without coordination, which would swallow the clause.
    let mut front_end = 0;
    while v.tag(front_end) == Some(Tag::IN) {
        match np.basic_np(front_end + 1) {
            // "In May 1939 Hitler and Mussolini signed …": a name after a number opens the
            // subject.
            Some(e) => {
                if (front_end + 2..e).any(|k| {
                    v.tag(k - 1) == Some(Tag::CD) && v.words[k].starts_with(char::is_uppercase)
                }) {
                    return None;
                }
                front_end = e;
            }
            None => break,
        }
    }
    let comma = v.words.get(front_end) == Some(&",");
    let cc = front_end + comma as usize;
    // ("Lewis Hamilton and Co. will fight": "and Co." ends the name before it; after a comma
    // the name is gone.)
    if front_end == 0
        || v.tag(cc) != Some(Tag::CC)
        || (!comma
            && matches!(v.words.get(cc + 1), Some(&("Co." | "Co")))
            && v.tag(cc - 1) == Some(Tag::NNP))
    {
        return None;
    }
    // "Since force and aggression were …", "Between two-thirds and three-quarters …": a
    // subordinator's clause with a coordinated subject, and "between … and".
    if !comma && (SUBORDINATORS.contains(&v.lower(0)) || v.lower(0) == "between") {
        return None;
    }
    if !matches!(v.lower(cc), "and" | "or") {
        return None;
    }
    let subject_end = np.noun_phrase(cc + 1)?;
    if !v.tag(subject_end).is_some_and(Tag::is_finite_verb) {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, front_end),
        Piece::Text(",".into()),
        Piece::Tokens(cc + 1, v.len()),
    ];
    Some(diagnosis(
        v,
        cc,
        cc + 1,
        "'and' joins nothing here: did the translation mean 'also', or has something before it been lost?",
        Some(render(v, &pieces)),
        0.65,
    ))
}

/// The first comma of an introductory phrase or subordinate clause, if the sentence has one:
/// the words before it have no finite verb, or they open with a subordinator.
fn intro_comma(v: &SentenceView) -> Option<usize> {
    let comma = v.words.iter().position(|w| *w == ",")?;
    let opens_subordinate = SUBORDINATORS.contains(&v.lower(0)) && v.lower(0) != "as";
    let has_finite = (0..comma).any(|k| v.tag(k).is_some_and(Tag::is_finite_verb));
    // An introduction opens with a preposition, adverb, participle or subordinator; a noun
    // phrase before the comma is the subject or a name addressed.
    let adverbial = |t: Option<Tag>| {
        matches!(
            t,
            Some(Tag::IN | Tag::RB | Tag::RBR | Tag::VBG | Tag::VBN | Tag::WRB | Tag::TO)
        )
    };
    // "And because of its remoteness, is used …": a coordinator may open the introduction.
    let opens_adverbially = adverbial(v.tag(0))
        || (v.tag(0) == Some(Tag::CC) && matches!(v.tag(1), Some(Tag::IN | Tag::RB)));
    (comma > 0 && (opens_subordinate || (opens_adverbially && !has_finite))).then_some(comma)
}

/// "Currently, has more than 330 plants", "When you call, are used": after an introductory
/// phrase or clause, the main clause starts with its finite verb.
fn verb_after_intro(v: &SentenceView) -> Option<Diagnosis> {
    let comma = intro_comma(v)?;
    let mut k = comma + 1;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    let t = v.tag(k)?;
    let w = v.lower(k);
    let finite = matches!(t, Tag::VBD | Tag::VBZ | Tag::MD) || (t == Tag::VBP && BE.contains(&w));
    // "below is a list" (locative inversion), "can you send" (a question).
    let adverb_before = k > comma + 1;
    let mut after = k + 1;
    while matches!(v.lower(after), "n't" | "n’t" | "not") {
        after += 1;
    }
    // Only auxiliaries and modals invert with a pronoun ("can you send"); "In the letter, said
    // he believed …" has lost its subject.
    let inverted = matches!(v.tag(after), Some(Tag::PRP | Tag::EX))
        && (t == Tag::MD || AUXILIARIES.contains(&w));
    if !finite || w == "'s" || inverted || (adverb_before && BE.contains(&w)) {
        return None;
    }
    // "Founded in 1990, acquired in 2001, the firm …": another phrase, then the subject.
    let later_comma = (k..v.len()).find(|&j| v.words[j] == ",");
    if let Some(c) = later_comma
        && let Some(e) = v.chunker().noun_phrase(c + 1)
        && v.tag(e).is_some_and(Tag::is_finite_verb)
    {
        return None;
    }
    // "Specialized units, called the Einsatzgruppen, killed …": after a noun, a participle
    // set off by commas is a reduced relative, and the verb after the second comma the
    // noun's.
    if t == Tag::VBD
        && v.tag(comma - 1).is_some_and(Tag::is_noun)
        && Tagger::embedded().can_be(v.words[k], Tag::VBN)
        && let Some(c) = later_comma
        && {
            let mut j = c + 1;
            while v.tag(j).is_some_and(Tag::is_adverb) {
                j += 1;
            }
            v.tag(j).is_some_and(|t| t.is_finite_verb() || t == Tag::MD)
        }
    {
        return None;
    }
    Some(diagnosis(
        v,
        k,
        k + 1,
        "After the opening phrase the clause starts with its verb and has no subject: add the subject",
        supply::expletive(v, k).and_then(|e| with_word_before(v, k, e)),
        0.65,
    ))
}

/// "Yesterday announced that the factory will close", "In the report is written that …":
/// after a fronted time or phrase with no comma, the clause's verb and then "that" (or "be",
/// a participle and "that"): the subject between them is gone.
fn verb_after_front(v: &SentenceView) -> Option<Diagnosis> {
    // ("Since the opinion was expressed that …": "since" opens a clause with its subject.)
    if SUBORDINATORS.contains(&v.lower(0)) {
        return None;
    }
    let (k, _) = super::clause::fronted(v)?;
    let t = v.tag(k)?;
    let w = v.lower(k);
    let reported =
        matches!(t, Tag::VBD | Tag::VBZ) && !AUXILIARIES.contains(&w) && v.lower(k + 1) == "that";
    let passive = BE.contains(&w) && v.tag(k + 1) == Some(Tag::VBN) && v.lower(k + 2) == "that";
    if !(reported || passive) {
        return None;
    }
    Some(diagnosis(
        v,
        k,
        k + 1,
        "After the opening phrase the clause starts with its verb and has no subject: add the subject",
        passive
            .then(|| supply::expletive(v, k).and_then(|e| with_word_before(v, k, e)))
            .flatten(),
        0.6,
    ))
}

/// "found that had passed", "because followed the guidelines": a complementizer or
/// subordinator directly followed by a finite verb.
fn verb_after_opener(v: &SentenceView) -> Option<Diagnosis> {
    // (A subordinator may open the sentence: "Because was too busy, …".)
    for i in 0..v.len().saturating_sub(1) {
        let w = v.lower(i);
        let complementizer = w == "that" && i > 0 && v.tag(i - 1).is_some_and(Tag::is_verb);
        let subordinator = matches!(w, "because" | "although" | "though" | "whereas" | "unless")
            && v.tag(i) == Some(Tag::IN);
        // "while were absent", "until started again": these also open a participle clause
        // ("while waiting", "until finished"), so only a finite form that is no participle
        // counts after them.
        let participle_opener = matches!(w, "while" | "until") && v.tag(i) == Some(Tag::IN);
        // "get along well and 've made progress": a contracted auxiliary leans on a subject
        // before it, never on a coordinator or a comma.
        // (After a space the tokenizer may split it: "'" and "ve".)
        let tokens = &v.sentence.tokens;
        let contracted = |k: usize| match v.lower(k) {
            "'ve" | "’ve" | "'ll" | "’ll" | "'re" | "’re" | "'m" | "’m" | "'d" | "’d" => {
                Some(k + 1)
            }
            "'" | "’"
                if matches!(v.lower(k + 1), "ve" | "ll" | "re" | "m" | "d")
                    && tokens.get(k + 1).is_some_and(|n| n.start == tokens[k].end) =>
            {
                Some(k + 2)
            }
            _ => None,
        };
        // "More than have been affected by …": "more than" needs its amount before a verb.
        let amount_lost = w == "than"
            && i > 0
            && matches!(v.lower(i - 1), "more" | "fewer" | "less")
            && (i < 2 || !v.tag(i - 2).is_some_and(|t| t.is_verb() || t.is_noun()))
            && (v.tag(i + 1) == Some(Tag::MD)
                || (v.tag(i + 1).is_some_and(Tag::is_finite_verb)
                    && (BE.contains(&v.lower(i + 1)) || HAVE.contains(&v.lower(i + 1)))));
        if amount_lost {
            return Some(diagnosis(
                v,
                i - 1,
                i + 2,
                &format!(
                    "'{}' has lost the amount it compares: add it before '{}'",
                    v.slice(i - 1, i + 1),
                    v.words[i + 1]
                ),
                None,
                0.7,
            ));
        }
        if matches!(w, "and" | "but" | "or" | ",")
            && let Some(end) = contracted(i + 1)
        {
            return Some(diagnosis(
                v,
                i,
                end,
                &format!(
                    "'{}' has no subject to lean on: add the subject before it",
                    v.slice(i + 1, end)
                ),
                None,
                0.75,
            ));
        }
        if !(complementizer || subordinator || participle_opener) {
            continue;
        }
        let t = v.tag(i + 1)?;
        let next = v.lower(i + 1);
        let finite_after_opener = participle_opener
            && next != "'s"
            && (matches!(t, Tag::VBZ | Tag::VBP | Tag::MD)
                || (t == Tag::VBD && !Tagger::embedded().can_be(v.words[i + 1], Tag::VBN)));
        let subordinate = complementizer || subordinator;
        // "said that was ok": "that" can itself be the subject of "be", "have" and modals.
        // "found that had passed the checkpoint" is not that reading: a perfect with an object.
        let perfect_with_object = HAVE.contains(&next) && {
            let mut k = i + 2;
            while v.tag(k).is_some_and(Tag::is_adverb) {
                k += 1;
            }
            v.tag(k) == Some(Tag::VBN)
                && v.lower(k) != "been"
                && v.tag(k + 1).is_some_and(|t| {
                    matches!(
                        t,
                        Tag::DT | Tag::CD | Tag::PRPS | Tag::NNP | Tag::NN | Tag::NNS
                    )
                })
        };
        let pronoun_reading = complementizer
            && (t == Tag::MD || BE.contains(&next) || HAVE.contains(&next))
            && !perfect_with_object;
        // "found that are two times more likely": the pronoun "that" takes a singular verb.
        let plural_after_that = complementizer
            && matches!(next, "are" | "were" | "have")
            && v.tag(i - 1)
                .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBN));
        // "because followed medical guidelines": a past form read as a participle, with its
        // object after it.
        let past_with_object = subordinator
            && t == Tag::VBN
            && Tagger::embedded().can_be(v.words[i + 1], Tag::VBD)
            && v.tag(i + 2).is_some_and(|t| {
                matches!(
                    t,
                    Tag::DT | Tag::PRPS | Tag::JJ | Tag::NN | Tag::NNS | Tag::NNP
                )
            });
        if (subordinate
            && matches!(t, Tag::VBD | Tag::VBZ | Tag::MD)
            && next != "'s"
            && !pronoun_reading)
            || plural_after_that
            || past_with_object
            || finite_after_opener
        {
            return Some(diagnosis(
                v,
                i,
                i + 2,
                &format!(
                    "'{0}' is followed by a verb with no subject: add the subject after '{0}'",
                    v.words[i]
                ),
                None,
                0.65,
            ));
        }
    }
    None
}

/// "Of Alabama said …": a prepositional phrase cannot be a subject.
fn prepositional_subject(v: &SentenceView) -> Option<Diagnosis> {
    if let Some(d) = phrase_then_modal(v) {
        return Some(d);
    }
    if v.lower(0) != "of" || v.lower(1) == "course" {
        return None;
    }
    // The phrase runs up to the first finite verb, with no comma that would close a fronted
    // "Of these, …" ("Of the urban development on Hong Kong Island is concentrated …").
    // (A relative clause inside the phrase has its own verb: "Of the 650 athletes who
    // competed, 580 were Americans".)
    let relative =
        |k: usize| (1..k).any(|r| v.tag(r).is_some_and(|t| matches!(t, Tag::WP | Tag::WDT)));
    let e = (1..v.len()).find(|&k| {
        (v.tag(k).is_some_and(Tag::is_finite_verb) && !relative(k))
            || matches!(v.words[k], "," | ";" | ":")
    })?;
    (v.tag(e).is_some_and(Tag::is_finite_verb) && !WH_OR_RELATIVE.contains(&v.lower(1)))
        .then(|| diagnosis(v, 0, e, "The sentence has a phrase with a preposition where its subject should be: the subject has been lost", None, 0.6))
}

/// "For example, in the Middle East may face …": a prepositional phrase that opens the
/// sentence or follows its first comma, then straight away a modal and its verb. English
/// never inverts a modal and its verb after a place or time, so the subject between them is
/// lost. (Only prepositions that cannot open a clause: "since the prices may rise" has its
/// subject.)
fn phrase_then_modal(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    let first_comma = (0..v.len()).find(|&c| v.words[c] == ",");
    let starts = std::iter::once(0).chain(first_comma.map(|c| c + 1));
    for s in starts {
        if v.tag(s) != Some(Tag::IN)
            || !matches!(
                v.lower(s),
                "in" | "on"
                    | "at"
                    | "during"
                    | "across"
                    | "throughout"
                    | "within"
                    | "among"
                    | "under"
                    | "from"
                    | "without"
            )
        {
            continue;
        }
        // The phrase's noun phrase opens with its determiner and holds no other noun phrase
        // ("On November first Lewis Hamilton and Co. will fight": a time, then the subject).
        if !v
            .tag(s + 1)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS))
        {
            continue;
        }
        let Some(mut e) = np.noun_phrase(s + 1) else {
            continue;
        };
        // (Nor a time with the subject after it: "In this time visitors will come".)
        if (s + 2..e).any(|k| {
            v.tag(k)
                .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CC | Tag::CD))
        }) || (s + 1..e.saturating_sub(1))
            .any(|k| super::words::TIME_NOUNS.contains(&v.lower(k)))
        {
            continue;
        }
        // An "of"-phrase goes with the noun ("in the north of the country may …").
        while v.lower(e) == "of"
            && let Some(n) = np.noun_phrase(e + 1)
        {
            e = n;
        }
        if v.tag(e) == Some(Tag::MD) && v.tag(e + 1) == Some(Tag::VB) {
            return Some(diagnosis(
                v,
                s,
                e + 2,
                "The sentence has a phrase with a preposition where its subject should be: the subject has been lost",
                None,
                0.6,
            ));
        }
    }
    None
}

/// "Of which …", "Of whom …": relative openers, not a subject.
const WH_OR_RELATIVE: &[&str] = &[
    "which", "whom", "whose", "what", "them", "these", "those", "all",
];

/// "“There is still a legal risk,” said.": quotation inversion with no speaker after the verb.
fn quotation_without_speaker(v: &SentenceView) -> Option<Diagnosis> {
    (1..v.len().saturating_sub(1)).find_map(|i| {
        let after_quote = v.tag(i - 1) == Some(Tag::CloseQuote);
        let reporting = REPORTING_VERBS.contains(&v.lower(i))
            || matches!(v.lower(i), "wrote" | "asked" | "replied" | "continued");
        (after_quote && reporting && matches!(v.words[i + 1], "." | "!")).then(|| {
            diagnosis(
                v,
                i,
                i + 1,
                &format!(
                    "'{}' after the quotation has no speaker: add who said it",
                    v.words[i]
                ),
                None,
                0.7,
            )
        })
    })
}

/// Verbs that report speech.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "noted",
    "stated",
    "explained",
    "reported",
    "announced",
    "claimed",
    "told",
];

/// Verbs that take a pronoun "that" for their subject ("said that would take time", "that
/// will help"): after "that" and a modal they do not show a lost subject.
const THAT_SUBJECT_VERBS: &[&str] = &[
    "be", "have", "happen", "mean", "take", "make", "help", "work", "change", "matter", "cost",
    "require", "need", "allow", "lead", "cause", "give", "bring", "depend", "remain", "seem",
    "become", "do", "get", "go", "come", "show", "affect", "put", "leave", "hurt", "last",
];

/// Verbs that report or hope, for [`reported_auxiliary_without_subject`].
const REPORTING_OR_HOPING: &[&str] = &[
    "said",
    "says",
    "added",
    "stated",
    "explained",
    "announced",
    "claimed",
    "admitted",
    "confirmed",
    "insisted",
    "stressed",
    "warned",
    "hopes",
    "hoped",
    "expects",
    "believes",
    "fears",
    "feared",
];

/// Verbs of telling, whose hearer comes before the reported clause ("told the court had
/// taken the money").
const TELLING: &[&str] = &["told", "tells", "informed", "assured", "reminded"];

/// Auxiliaries and modals that open a reported clause ("said had found", "said would
/// appeal").
const CLAUSE_AUXILIARIES: &[&str] = &[
    "had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "can", "might",
    "may", "must", "should",
];

/// "The police said had found no evidence", "The club announced on Monday has signed a
/// contract", "the lawyer said would appeal": the sentence's subject, a verb of reporting
/// (and its day), then the auxiliary of the reported clause, whose subject is gone. The
/// subject must be the sentence's first phrase (or the first after a fronted phrase and its
/// comma), so "What he said was true" and "The thing he said was wrong" stay silent.
fn reported_auxiliary_without_subject(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    let start = match v.words.iter().position(|w| *w == ",") {
        Some(c) if np.noun_phrase(0).is_none() => c + 1,
        _ => 0,
    };
    let i = np.noun_phrase(start)?;
    let verb = v.lower(i);
    // "The club confirmed/VBN on Friday had …".
    let finite = v.tag(i).is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ))
        || super::clause::past_read_as_other(v, i);
    if !(REPORTING_OR_HOPING.contains(&verb) || TELLING.contains(&verb)) || !finite {
        return None;
    }
    // "told the court had taken …": a verb of telling has its hearer first.
    let mut j = i + 1;
    if TELLING.contains(&verb) {
        j = np.noun_phrase(j)?;
    }
    // "on Friday", "on Monday evening".
    if v.lower(j) == "on" && WEEKDAYS.contains(&v.lower(j + 1)) {
        j += 2;
        if matches!(v.lower(j), "morning" | "afternoon" | "evening" | "night") {
            j += 1;
        }
    }
    // "said that will resign": "that" and an auxiliary with no subject between. ("that" may be
    // the subject itself, "said that would take time": not before a verb that takes such a
    // subject.)
    if v.lower(j) == "that"
        && v.tag(j + 1) == Some(Tag::MD)
        && v.tag(j + 2) == Some(Tag::VB)
        && !THAT_SUBJECT_VERBS.contains(&v.lower(j + 2))
    {
        j += 1;
    }
    let aux = v.lower(j);
    let follows = v.tag(j + 1).is_some_and(|t| {
        matches!(
            t,
            Tag::VBN | Tag::VB | Tag::VBG | Tag::JJ | Tag::RB | Tag::DT | Tag::CD
        )
    });
    if !CLAUSE_AUXILIARIES.contains(&aux) || !follows {
        return None;
    }
    // The reporting subject, taken up by a pronoun: "The club said it will …".
    let suggestion = supply::pronoun_for(v, start, i, j).map(|(pronoun, aux)| {
        let pieces = [
            Piece::Tokens(0, j),
            Piece::Text(pronoun.into()),
            Piece::Word(j, aux),
            Piece::Tokens(j + 1, v.len()),
        ];
        render(v, &pieces)
    });
    Some(diagnosis(
        v,
        i,
        j + 1,
        &format!(
            "The words reported by '{}' start with their verb '{}' and have no subject: add it (often 'it', 'he' or 'they')",
            v.words[i], v.words[j]
        ),
        suggestion,
        0.6,
    ))
}

/// "The aircraft maker said delivered 45 aircraft during the quarter": the reported clause
/// starts with its verb; its subject ("it") is gone.
fn reported_clause_without_subject(v: &SentenceView) -> Option<Diagnosis> {
    for i in 1..v.len().saturating_sub(2) {
        if !REPORTING_VERBS.contains(&v.lower(i))
            || !v.tag(i).is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ))
        {
            continue;
        }
        let verb = v.lower(i + 1);
        // A participle that is never a past form modifies the object ("reported broken
        // street lights").
        let finite = v
            .tag(i + 1)
            .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBN | Tag::VBZ))
            && !BE.contains(&verb)
            && !HAVE.contains(&verb)
            && (v.tag(i + 1) != Some(Tag::VBN)
                || Tagger::embedded().can_be(v.words[i + 1], Tag::VBD));
        let object = v.tag(i + 2).is_some_and(|t| {
            matches!(
                t,
                Tag::DT | Tag::CD | Tag::PRPS | Tag::NNP | Tag::NN | Tag::NNS | Tag::JJ
            )
        });
        if finite && object {
            return Some(diagnosis(
                v,
                i,
                i + 2,
                &format!(
                    "The words reported by '{}' start with their verb '{}' and have no subject: add it (often 'it', 'he' or 'they')",
                    v.words[i],
                    v.words[i + 1]
                ),
                None,
                0.6,
            ));
        }
    }
    None
}

/// "Who preached the gospel as a child, eventually earned a degree.": a relative clause with
/// no noun before it, then the main verb: the subject the relative clause describes is gone.
fn headless_relative(v: &SentenceView) -> Option<Diagnosis> {
    if !matches!(v.lower(0), "who" | "which") {
        return None;
    }
    let comma = v.words.iter().position(|w| *w == ",")?;
    let mut k = comma + 1;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    v.tag(k)
        .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
        .then(|| {
            diagnosis(
                v,
                0,
                1,
                "The clause with 'who' or 'which' describes no noun: the noun before it has been lost",
                None,
                0.65,
            )
        })
}

/// "And melamine were both found": a sentence that opens with "and" and a singular noun taking
/// a plural verb has lost the first half of its subject.
fn lost_first_conjunct(v: &SentenceView) -> Option<Diagnosis> {
    if !matches!(v.lower(0), "and" | "or") {
        return None;
    }
    let end = v.chunker().basic_np(1)?;
    let head = v.tag(end - 1)?;
    let singular =
        matches!(head, Tag::NN | Tag::NNP) && !(1..end).any(|k| v.tag(k) == Some(Tag::CC));
    let plural_verb = matches!(v.lower(end), "are" | "were" | "have");
    (singular && plural_verb).then(|| {
        diagnosis(
            v,
            0,
            end + 1,
            "'and' opens the sentence and the verb is plural: the first half of the subject has been lost",
            None,
            0.6,
        )
    })
}

/// Adjectives that stand as the head after an article in English ("a little of", "the final of
/// the cup", "a good deal of" is another shape), besides [`DETERMINER_HEADS`].
const ADJECTIVE_HEADS: &[&str] = &[
    "little",
    "great",
    "good",
    "long",
    "final",
    "semifinal",
    "semi-final",
    "quarterfinal",
    "unknown",
    "impossible",
    "ordinary",
    "usual",
    "obvious",
    "absurd",
    "sublime",
    "beautiful",
    "new",
    "old",
    "young",
    "living",
    "dead",
    "poor",
    "rich",
    "elderly",
    "wounded",
    "injured",
];

/// "When a large of companies applied …", "not a single from the package", "the real of
/// death": an article and an adjective with no noun before a preposition ("a" + adjective +
/// preposition; "the" + adjective + "of", since "the rich in the city" is English).
fn adjective_then_preposition(v: &SentenceView, i: usize) -> bool {
    let adjective = v.lower(i + 1);
    if v.tag(i + 1) != Some(Tag::JJ)
        || v.words[i + 1].starts_with(char::is_uppercase)
        || DETERMINER_HEADS.contains(&adjective)
        || ADJECTIVE_HEADS.contains(&adjective)
    {
        return false;
    }
    let after = v.lower(i + 2);
    match v.lower(i) {
        "a" | "an" => {
            v.tag(i + 2) == Some(Tag::IN) && !matches!(after, "as" | "than" | "that" | "if" | "to")
        }
        _ => after == "of",
    }
}

/// "The also hopes", "The itself has stood": after an article, adverbs or a reflexive
/// pronoun stand where the noun was, and a finite verb follows.
fn adverb_for_noun(v: &SentenceView, from: usize) -> bool {
    let reflexive = |k: usize| {
        v.tag(k) == Some(Tag::PRP)
            && (v.lower(k).ends_with("self") || v.lower(k).ends_with("selves"))
    };
    let mut k = from;
    while v.tag(k) == Some(Tag::RB) || reflexive(k) {
        k += 1;
    }
    // ("the critically acclaimed film": a participle read as a past tense, before its noun;
    // "the far left led to …": a past form that is also a noun, before the verb.)
    let participle_before_noun = v.tag(k) == Some(Tag::VBD)
        && Tagger::embedded().can_be(v.words[k], Tag::VBN)
        && v.tag(k + 1)
            .is_some_and(|t| t.is_noun() || t.is_adjective());
    let noun_before_verb = Tagger::embedded().can_be(v.words[k], Tag::NN)
        && v.tag(k + 1)
            .is_some_and(|t| t == Tag::MD || t.is_finite_verb());
    k > from
        && !participle_before_noun
        && !noun_before_verb
        && v.tag(k)
            .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
}

/// Words that speak to or of the writer and reader: a sentence with them is personal, chatty
/// English, where the dropped "I"/"we" is normal ("Stayed here for 2 nights, we loved it").
const PERSONAL: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Adjectives and participles that take an extraposed "that"-clause with "it" as subject
/// ("it is likely that …"); a person is never "likely that".
const EXTRAPOSING: &[&str] = &[
    "likely",
    "unlikely",
    "clear",
    "unclear",
    "possible",
    "impossible",
    "probable",
    "evident",
    "obvious",
    "apparent",
    "expected",
    "believed",
    "reported",
    "estimated",
    "known",
    "said",
    "thought",
    "feared",
    "hoped",
    "necessary",
    "important",
    "true",
    "essential",
    "understood",
    "assumed",
    "rumored",
    "rumoured",
    "alleged",
    "announced",
    "decided",
    "agreed",
    "confirmed",
];

/// "…, but is very likely that it was a ritual": after a coordinator, a comma or a fronted
/// phrase, "is"/"was" (or "became", "seems") and
/// an adjective of extraposition before a "that"-clause need "it" ("but it is very likely
/// that …"). Suggests the sentence with "it".
fn extraposition_without_it(v: &SentenceView) -> Option<Diagnosis> {
    // Also right after a fronted phrase ("Yesterday was announced that …", "In the evening
    // became clear that …").
    let front_end = fronted(v).map(|(e, _)| e);
    for i in 1..v.len().saturating_sub(3) {
        if !matches!(
            v.lower(i),
            "is" | "was" | "became" | "becomes" | "seemed" | "seems"
        ) || !(v
            .tag(i - 1)
            .is_some_and(|t| matches!(t, Tag::CC | Tag::Comma))
            || front_end == Some(i))
        {
            continue;
        }
        let mut k = i + 1;
        while v.tag(k).is_some_and(Tag::is_adverb) {
            k += 1;
        }
        if EXTRAPOSING.contains(&v.lower(k)) && v.lower(k + 1) == "that" {
            let pieces = [
                Piece::Tokens(0, i),
                Piece::Text("it".into()),
                Piece::Tokens(i, v.len()),
            ];
            return Some(diagnosis(
                v,
                i,
                k + 2,
                &format!("'{}' needs 'it' before it: add 'it'", v.slice(i, k + 2)),
                Some(render(v, &pieces)),
                0.7,
            ));
        }
    }
    None
}

/// Sentences of this many tokens or more read as written prose, not notes or reviews.
const PROSE_TOKENS: usize = 14;

/// "Said that 85% of new cases were under 60.", "Reiterated the 2017 surveillance of a
/// satellite …": a long, impersonal declarative sentence that starts with a past or
/// third-person verb has lost its subject. Notes and reviews drop "I" and "we" ("Will use
/// again.", "Stayed here for 2 nights."), so short sentences and sentences that speak of the
/// writer or reader are left alone, and so are inversions ("Had the Allies failed, …").
fn verb_first_in_prose(v: &SentenceView) -> Option<Diagnosis> {
    if v.len() < PROSE_TOKENS || v.words.last() == Some(&"!") {
        return None;
    }
    let mut first = 0;
    while v
        .tag(first)
        .is_some_and(|t| matches!(t, Tag::OpenQuote | Tag::CloseQuote | Tag::LRB))
    {
        first += 1;
    }
    if !v.words.get(first)?.starts_with(char::is_uppercase) {
        return None;
    }
    // "Also said that …", "Then later said that …": adverbs before the verb, but not the
    // fronted place and negative adverbs that invert English subjects ("Here stood a castle",
    // "Never have I …") nor an adverb before "be" or "have" ("Also present were …").
    let mut i = first;
    while v.tag(i).is_some_and(|t| matches!(t, Tag::RB | Tag::RBR)) {
        let w = v.lower(i);
        if INVERTING_ADVERBS.contains(&w) || INVERTING_PLACE_ADVERBS.contains(&w) {
            return None;
        }
        i += 1;
    }
    let t = v.tag(i)?;
    // "Would also take over custody of …", "Will allow it to be …": a modal and its verb (an
    // inverted modal has its subject next: "Should the talks fail, …").
    let modal_with_verb = t == Tag::MD && i == first && {
        let mut k = i + 1;
        while v.tag(k).is_some_and(Tag::is_adverb) {
            k += 1;
        }
        v.tag(k) == Some(Tag::VB)
    };
    // "Show that the United States is …", "Estimate that …": a plural subject's verb of
    // showing or telling before "that" has lost its subject ("Data show that"); these verbs
    // rarely give orders in prose ("Note that", "Remember that" do, and are not among them).
    let reporting_present = matches!(t, Tag::VB | Tag::VBP)
        && i == first
        && v.lower(i + 1) == "that"
        && matches!(
            v.lower(i),
            "show"
                | "indicate"
                | "suggest"
                | "reveal"
                | "estimate"
                | "predict"
                | "claim"
                | "believe"
                | "report"
                | "warn"
                | "confirm"
                | "argue"
                | "fear"
        );
    if !(matches!(t, Tag::VBD | Tag::VBZ) || modal_with_verb || reporting_present)
        || (i > first && (BE.contains(&v.lower(i)) || HAVE.contains(&v.lower(i))))
    {
        return None;
    }
    if v.lower.iter().any(|w| PERSONAL.contains(&w.as_ref())) {
        return None;
    }
    // "Is it …", "Was there …": a question without its mark.
    if v.tag(i + 1)
        .is_some_and(|t| matches!(t, Tag::PRP | Tag::EX))
    {
        return None;
    }
    // "Figures with a pair of wings are often depicted", "Plays like … have made": a plural
    // noun the tagger read as a verb in "-s", whose own plural verb comes later.
    if t == Tag::VBZ
        && Tagger::embedded().can_be(v.words[i], Tag::NNS)
        && (i + 1..v.len()).any(|k| v.tag(k) == Some(Tag::VBP))
    {
        return None;
    }
    // "Asked if he would stand again, Mr Smith said …", "Founded in 1998, the company
    // employs …": a participle clause before the subject and its verb.
    if t == Tag::VBD
        && !HAVE.contains(&v.lower(i))
        && !BE.contains(&v.lower(i))
        && Tagger::embedded().can_be(v.words[i], Tag::VBN)
        && {
            let np = v.chunker();
            // (Past adverbs and phrases after the subject: "Compared to Mesopotamian art, the
            // structure here as a whole is unique".)
            let verb_at = |mut e: usize| {
                for _ in 0..3 {
                    if v.tag(e).is_some_and(Tag::is_adverb) {
                        e += 1;
                    } else if let Some(p) = super::clause::prepositional_phrase(v, e) {
                        e = p;
                    }
                }
                v.tag(e).is_some_and(|t| t.is_finite_verb() || t == Tag::MD)
            };
            let first_comma = (i + 1..v.len()).find(|&c| v.words[c] == ",");
            (i + 1..v.len()).any(|c| v.words[c] == "," && np.basic_np(c + 1).is_some_and(verb_at))
                // After the clause's own comma the subject may have an "of"-phrase ("the
                // mayor of Nijmegen replied").
                || first_comma.is_some_and(|c| np.noun_phrase(c + 1).is_some_and(verb_at))
        }
    {
        return None;
    }
    // "Lost: black cat with …": a label before a colon.
    if v.words.get(i + 1) == Some(&":") {
        return None;
    }
    // "Had the Allies failed, …", "Were the talks to fail, …": conditional inversion.
    let mut k = i + 1;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    if let Some(e) = v.chunker().basic_np(k)
        && (v.tag(e).is_some_and(Tag::is_verb)
            || v.words.get(e) == Some(&",")
            || (v.lower(i) == "were" && v.lower(e) == "to"))
        && (BE.contains(&v.lower(i)) || HAVE.contains(&v.lower(i)) || v.lower(i) == "did")
    {
        return None;
    }
    let suggestion = (i == first)
        .then(|| opening_verb_suggestion(v, i))
        .flatten();
    Some(diagnosis(
        v,
        i,
        i + 1,
        "The sentence starts with its verb and has no subject: add the subject",
        suggestion,
        0.6,
    ))
}

/// The sentence whose verb at `i` opens it with its subject supplied: "it" or "there" when the
/// sentence tells which, and "Gives still no trace of …" (es gibt) as "There is still no
/// trace of …".
fn opening_verb_suggestion(v: &SentenceView, i: usize) -> Option<String> {
    if matches!(v.lower(i), "gives" | "gave") {
        let be = if v.lower(i) == "gives" { "is" } else { "was" };
        let pieces = [
            Piece::Tokens(0, i),
            Piece::Text("There".into()),
            Piece::Word(i, be.into()),
            Piece::Tokens(i + 1, v.len()),
        ];
        return Some(render(v, &pieces));
    }
    supply::expletive(v, i).and_then(|e| with_word_before(v, i, e))
}

/// A determiner or possessive whose noun is missing: "A by infrared …", "her has been".
fn orphan_determiner(v: &SentenceView) -> Option<Diagnosis> {
    for i in 0..v.len().saturating_sub(1) {
        let w = v.lower(i);
        let next = v.tag(i + 1)?;
        let next_word = v.lower(i + 1);
        let article = matches!(w, "a" | "an" | "the") && v.tag(i) == Some(Tag::DT);
        let possessive = matches!(w, "her" | "his" | "its" | "their" | "our" | "your" | "my");
        // "Other include Best Picture": an adjective that needs its noun, then a verb.
        // ("the other does not": after a determiner it is the head of a singular subject;
        // "the other have" lost its plural noun.)
        // ("… and Hitler in particular reached its peak": after a preposition the adjective
        // ends an idiom.)
        let headed = i > 0 && v.tag(i - 1) == Some(Tag::DT) && next != Tag::VBP;
        if NOUN_ADJECTIVES.contains(&w)
            && !headed
            && (i == 0
                || !v
                    .tag(i - 1)
                    .is_some_and(|t| t.is_adjective() || t.is_noun() || t == Tag::IN))
            && matches!(next, Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD)
            && !BE.contains(&next_word)
        {
            return Some(diagnosis(
                v,
                i,
                i + 2,
                &format!(
                    "'{}' has no noun after it: a word has been lost here",
                    v.words[i]
                ),
                None,
                0.6,
            ));
        }
        let name_like = v.words[i + 1].starts_with(char::is_uppercase);
        let after_adjective = v.tag(i + 2);
        let genitive = matches!(w, "'s" | "’s") && v.tag(i) == Some(Tag::POS);
        // "he's got a -- I'm …": a sentence broken off; "for her was low": "her" as object.
        let broken_off = matches!(next_word, "-" | "--" | "–" | "—");
        // ("me and her broke up": "her" joined to another pronoun is one too.)
        let object_her = w == "her"
            && i > 0
            && (v.tag(i - 1).is_some_and(|t| {
                (t == Tag::IN && !matches!(v.lower(i - 1), "that" | "because" | "if" | "as"))
                    || t.is_verb()
            }) || (i > 1
                && v.tag(i - 1) == Some(Tag::CC)
                && matches!(
                    v.lower(i - 2),
                    "me" | "him" | "i" | "you" | "he" | "she" | "us"
                )));
        // "the loved one", "a chosen few": "one" is the head (after a participle or
        // adjective: "The is one of …" has lost its noun).
        let one_head = matches!(v.lower(i + 2), "one" | "ones" | "few")
            && !matches!(next, Tag::VBZ | Tag::VBP | Tag::MD)
            && !BE.contains(&next_word);
        // "The fled to South Korea": a past form that is never an adjective or a noun ("the
        // injured", "the accused" are), then a preposition or a determiner.
        // ("from a planned to a mixed economy", "a built in box": after "a" the noun may be
        // shared or the participle a compound's.)
        let bare_past = w == "the"
            && next == Tag::VBN
            && matches!(v.tag(i + 2), Some(Tag::IN | Tag::TO | Tag::DT))
            && !Tagger::embedded().can_be(v.words[i + 1], Tag::JJ)
            && !Tagger::embedded().can_be(v.words[i + 1], Tag::NN);
        // "the dead included", "the rich got up": an adjective English uses as a noun.
        let nominal = w == "the" && super::words::is_nominal_adjective(next_word);
        // "His thought was needed", "the works are": a word read as a verb that can be a
        // noun, with a finite verb after it, is the noun (a lost one leaves "her has been").
        let noun_read_as_verb = match next {
            Tag::VBD => Tagger::embedded().can_be(v.words[i + 1], Tag::NN),
            Tag::VBZ => Tagger::embedded().can_be(v.words[i + 1], Tag::NNS),
            _ => false,
        } && v.tag(i + 2).is_some_and(|t| t.is_finite_verb());
        let orphan =
            if name_like || broken_off || object_her || one_head || nominal || noun_read_as_verb {
                false
            } else if article {
                (matches!(next, Tag::IN | Tag::VBD | Tag::VBZ | Tag::MD | Tag::Comma)
                && !DETERMINER_HEADS.contains(&next_word))
                || bare_past
                // "The and Flick know …": a coordinator cannot follow "the" (after "a" it may
                // be the letter: "between a and b").
                || (w == "the" && next == Tag::CC)
                // "a presidential recommended"; "the local has issued" (a generic "the poor"
                // takes a plural verb).
                // (Not a word that is a noun too: "the executive has", "a pagan wrote".)
                // ("the highest is 511 metres": a superlative heads its phrase.)
                || (next.is_adjective()
                    && next != Tag::JJS
                    && !DETERMINER_HEADS.contains(&next_word)
                    && !Tagger::embedded().can_be(v.words[i + 1], Tag::NN)
                    && after_adjective.is_some_and(|t| {
                        t == Tag::VBZ
                            || matches!(w, "a" | "an") && matches!(t, Tag::VBD | Tag::MD)
                            // "the preliminary indicated" ("the dead were", "the rich had" are
                            // English: a generic "the" + adjective takes "be" and "have").
                            || (w == "the"
                                && t == Tag::VBD
                                && !BE.contains(&v.lower(i + 2))
                                && !HAVE.contains(&v.lower(i + 2)))
                    }))
                || adverb_for_noun(v, i + 1)
                // "a (17) pushed a 19-year-old": only a bracket between the article and a
                // verb ("the (now closed) factory" has its noun after it).
                || (next_word == "("
                    && (i + 2..v.len())
                        .find(|&k| v.words[k] == ")")
                        .is_some_and(|c| {
                            v.tag(c + 1)
                                .is_some_and(|t| t.is_finite_verb() || t == Tag::MD)
                        }))
                || adjective_then_preposition(v, i)
            } else if genitive {
                // "China's to opening up", "Florida's daily has surpassed" ("Hackney's has a great
                // burger" is a shop's name, so a verb right after is English).
                next == Tag::TO || (next.is_adjective() && after_adjective == Some(Tag::VBZ))
            } else {
                // ("this idea of his has made": after "of" the possessive stands alone.)
                possessive
                    && matches!(next, Tag::VBZ | Tag::VBD | Tag::MD)
                    && next_word != "'s"
                    && !(i > 0 && v.lower(i - 1) == "of")
            };
        // ("A by the government commissioned report" has its noun after the participle:
        // adverb-placement moves the phrase.)
        if orphan && super::adverb_placement::split_attribute(v, i).is_some() {
            continue;
        }
        if orphan {
            return Some(diagnosis(
                v,
                i,
                i + 2,
                &format!(
                    "'{}' has no noun after it: a word has been lost here",
                    v.words[i]
                ),
                None,
                0.6,
            ));
        }
    }
    None
}
