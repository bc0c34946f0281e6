//! The rule `verb-second-inversion`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds sentences that open with an adverb, a time expression or a prepositional phrase,
//! followed by a finite lexical verb and then its subject and an object: "Also discussed Trump
//! and Haftar a shared vision." It also finds a subordinate clause set off by a comma and then
//! the main clause's verb before its subject: "When the fire broke out, were most residents
//! already asleep."
//!
//! ## Silent on
//! English inversions: questions, quotation inversion ("…,” said the minister), locative
//! inversion with intransitive verbs ("On the hill stood a castle", "Here comes the bus"),
//! negative and restrictive fronting ("Never have I", "Only then did he"), "so do I",
//! conditional inversion ("Had I known"), fronted participles with "be" ("Also discussed were").

use super::clause::{Front, fronted};
use super::rewrite::{Piece, render, uncapitalize};
use super::words::{AUXILIARIES, TIME_NOUNS, names_a_time, names_time};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};

pub struct VerbSecondInversion;

static META: RuleMeta = RuleMeta {
    id: "verb-second-inversion",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "A fronted adverbial is followed by the verb and then the subject, or a verb stands before its subject pronoun (verb-second order), or 'be' after a time has lost its 'there'.",
    why: "Dutch and German put the finite verb second, so after a fronted adverb or time \
          expression the subject follows the verb. Machine translation keeps that order; English \
          puts the subject first.",
    fix: "Put the subject before the verb: move adverbs such as 'also' and 'already' before the \
          verb, or keep the fronted time expression or phrase and follow it with a comma.",
    examples: &[
        Example::Bad {
            text: "In the evening were still hundreds of people on the square.",
            fix: Some("In the evening, there were still hundreds of people on the square."),
        },
        Example::Bad {
            text: "In 2020 were more than 500 cases reported.",
            fix: Some("In 2020, more than 500 cases were reported."),
        },
        Example::Good("On the square were hundreds of people."),
        Example::Bad {
            text: "After the meeting went the ministers home without an agreement.",
            fix: Some("After the meeting, the ministers went home without an agreement."),
        },
        Example::Bad {
            text: "According to the ministry rose the number of infections again.",
            fix: Some("According to the ministry, the number of infections rose again."),
        },
        Example::Good("After the storm came the flood."),
        Example::Good("In a village named Lamjung, the farmers grow rice on terraces."),
        Example::Good("Around 44% of the voting citizens took part in the referendum."),
        Example::Good("Now feed the one in the breeding tank as much as it can eat."),
        Example::Good(
            "In a statement issued June 16, 2004, the commission concluded that it had failed.",
        ),
        Example::Bad {
            text: "Also discussed Trump and Haftar a “shared vision for the transition of Libya”.",
            fix: Some(
                "Trump and Haftar also discussed a “shared vision for the transition of Libya”.",
            ),
        },
        Example::Bad {
            text: "According to witnesses drove the bus at about 90 kilometres an hour.",
            fix: Some("According to witnesses, the bus drove at about 90 kilometres an hour."),
        },
        Example::Bad {
            text: "Yesterday announced the minister new measures.",
            fix: Some("Yesterday, the minister announced new measures."),
        },
        Example::Bad {
            text: "Tomorrow travels the king to Brussels.",
            fix: Some("Tomorrow, the king travels to Brussels."),
        },
        Example::Bad {
            text: "On Sundays visits my grandmother always the church in the village.",
            fix: Some("On Sundays, my grandmother always visits the church in the village."),
        },
        Example::Bad {
            text: "Yesterday went the minister to the hospital.",
            fix: Some("Yesterday, the minister went to the hospital."),
        },
        Example::Bad {
            text: "According to the police was the driver drunk.",
            fix: Some("According to the police, the driver was drunk."),
        },
        Example::Bad {
            text: "Because the train was delayed, arrived the guests too late.",
            fix: Some("Because the train was delayed, the guests arrived too late."),
        },
        Example::Bad {
            text: "Since 2015 works she as a nurse in the hospital of Utrecht.",
            fix: Some("Since 2015 she works as a nurse in the hospital of Utrecht."),
        },
        Example::Good("The things we do for love are not always wise."),
        Example::Good("\"It is late,\" said he to his wife."),
        Example::Bad {
            text: "Due to the strike could many passengers not travel.",
            fix: Some("Due to the strike, many passengers could not travel."),
        },
        Example::Bad {
            text: "In the evening went the director home.",
            fix: Some("In the evening, the director went home."),
        },
        Example::Bad {
            text: "In Germany are the shops on Sunday closed.",
            fix: Some("In Germany, the shops are closed on Sunday."),
        },
        Example::Good("As Marx puts it in the Manifesto, history is a history of struggle."),
        Example::Good("For Christ promised them this."),
        Example::Good("At the top was a precious clock mounted on a wall."),
        Example::Good("Nowhere is the housing shortage more acute than in Amsterdam."),
        Example::Good("Today marks the anniversary of the treaty."),
        Example::Good("In extra time Allan made the final score perfect for Naples."),
        Example::Good("In the evening Putin and Poroshenko continued their conversation."),
        Example::Good("After Rollins and Baller pinned Wyatt, both were declared winners."),
        Example::Good(
            "According to the university, reported confirmed cases in the U.S. have reached four million.",
        ),
        Example::Good("In 1873 Nobel bought a house on Malakoff Avenue in Paris."),
        Example::Good("As the minister found an error in the report, the vote was delayed."),
        Example::Good("Tomorrow brings the start of the new season in Europe."),
        Example::Good("Yesterday came the news that the plant would close."),
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
        Example::Bad {
            text: "Already has the company its results published.",
            fix: Some("The company has already published its results."),
        },
        Example::Bad {
            text: "Tomorrow will the minister the plan present.",
            fix: Some("Tomorrow, the minister will present the plan."),
        },
        Example::Bad {
            text: "On Wednesday evening has the government agreed on a budget.",
            fix: Some("On Wednesday evening, the government has agreed on a budget."),
        },
        Example::Bad {
            text: "Next week will the museum open a new wing for modern art.",
            fix: Some("Next week, the museum will open a new wing for modern art."),
        },
        Example::Bad {
            text: "Today remain the shops in the city centre closed because of the strike.",
            fix: Some("Today, the shops in the city centre remain closed because of the strike."),
        },
        Example::Bad {
            text: "Meanwhile has the number of unemployed people in Austria risen to 312,000.",
            fix: Some(
                "Meanwhile, the number of unemployed people in Austria has risen to 312,000.",
            ),
        },
        Example::Bad {
            text: "Because of the strike cancelled the airline on Monday more than 200 flights.",
            fix: Some(
                "Because of the strike, the airline cancelled more than 200 flights on Monday.",
            ),
        },
        Example::Bad {
            text: "After three hours of negotiations agreed the unions on a wage increase.",
            fix: Some("After three hours of negotiations, the unions agreed on a wage increase."),
        },
        Example::Bad {
            text: "Two weeks before the election lead the Christian Democrats the polls.",
            fix: Some("Two weeks before the election, the Christian Democrats lead the polls."),
        },
        Example::Bad {
            text: "According to the weather service will the temperature rise on Saturday.",
            fix: Some("According to the weather service, the temperature will rise on Saturday."),
        },
        Example::Bad {
            text: "Near the station hit a lorry a regional bus.",
            fix: Some("Near the station, a lorry hit a regional bus."),
        },
        Example::Bad {
            text: "Overnight caused heavy rain flooding in the villages.",
            fix: Some("Overnight, heavy rain caused flooding in the villages."),
        },
        Example::Bad {
            text: "In Graz arrested officers two suspects on Wednesday.",
            fix: Some("In Graz, officers arrested two suspects on Wednesday."),
        },
        Example::Bad {
            text: "When the storm broke, were most fans already at home.",
            fix: Some("When the storm broke, most fans were already at home."),
        },
        Example::Bad {
            text: "Because the bridge was closed, missed many commuters their trains.",
            fix: Some("Because the bridge was closed, many commuters missed their trains."),
        },
        Example::Bad {
            text: "At the end of the season leaves the coach after six years.",
            fix: Some("At the end of the season, the coach leaves after six years."),
        },
        Example::Bad {
            text: "Earlier this week had the club already sacked its coach.",
            fix: Some("Earlier this week, the club had already sacked its coach."),
        },
        Example::Bad {
            text: "Despite the rain came thousands of fans to the final.",
            fix: Some("Despite the rain, thousands of fans came to the final."),
        },
        Example::Good("Later that day the minister resigned."),
        Example::Good("After the storm came the flood."),
        Example::Good("If you have questions, call our helpdesk."),
        Example::Good("When the war ended, came the long years of rebuilding."),
        Example::Good("When she arrived, the house was empty."),
        Example::Good("In the end Nixon kept his promise."),
        Example::Good("Through the window shone the sun."),
        Example::Good("After the minister signed the agreement, the party collapsed."),
        Example::Good("Because they cut prices, sales rose."),
        Example::Good("In the corner was a lamp."),
        Example::Good("Perhaps had we known, we would have stayed at home."),
        Example::Good("Under no circumstances will the government raise the tax again."),
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

/// Words before a number that a noun phrase may open with ("about 35,000 spectators", "more
/// than 12,000 asylum seekers", "up to 80 centimetres").
const QUANTIFIERS: &[&[&str]] = &[
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["roughly"],
    &["some"],
    &["over"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["at", "least"],
];

/// The end of the noun phrase at `i`, also when it opens with a quantifier before a number.
fn subject_phrase(v: &SentenceView, np: &crate::chunk::Words, i: usize) -> Option<usize> {
    // A name is no determiner of a number after it: "the striker Ruben Kok | 17 goals"; nor is
    // a noun of a number that counts a plural noun: "officers | two suspects".
    let cut = |end: usize| {
        (i + 1..end)
            .find(|&k| {
                (v.tag(k) == Some(Tag::CD) && v.tag(k - 1) == Some(Tag::NNP))
                    || super::clause::counts_a_new_phrase(v, k)
            })
            .unwrap_or(end)
    };
    np.noun_phrase(i).map(cut).or_else(|| {
        QUANTIFIERS.iter().find_map(|q| {
            let fits = q.iter().enumerate().all(|(k, w)| v.lower(i + k) == *w)
                && v.tag(i + q.len()) == Some(Tag::CD);
            if fits {
                np.noun_phrase(i + q.len())
            } else {
                None
            }
        })
    })
}

/// The end of the prepositional phrases from `i` (at most to `limit`) that name no time: "in
/// Vienna", "against Feyenoord", "from Schiphol", but not "on Monday", "after three weeks".
fn place_phrases_end(v: &SentenceView, np: &crate::chunk::Words, i: usize, limit: usize) -> usize {
    let mut end = i;
    while end < limit
        && v.tag(end) == Some(Tag::IN)
        && !matches!(
            v.lower(end),
            "than" | "that" | "because" | "if" | "while" | "as"
        )
        && let Some(e) = np.noun_phrase(end + 1)
        && e <= limit
        && !(end..e).any(|k| names_time(v.lower(k)))
    {
        end = e;
    }
    end
}

/// Prepositions of time, cause and manner: after a phrase they open, English does not put
/// the verb before its subject, whatever the verb.
const NON_LOCATIVE_FRONTS: &[&str] = &[
    "after",
    "before",
    "during",
    "since",
    "until",
    "following",
    "despite",
    "because",
    "due",
    "according",
    "with",
    "without",
];

/// Verbs of motion and position: they invert intransitively in English ("Into the room walked
/// a man"), so they need an object as evidence.
const LOCATIVE_VERBS: &[&str] = &[
    "come",
    "comes",
    "came",
    "go",
    "goes",
    "went",
    "stand",
    "stands",
    "stood",
    "lie",
    "lies",
    "lay",
    "sit",
    "sits",
    "sat",
    "live",
    "lives",
    "lived",
    "remain",
    "remains",
    "remained",
    "follow",
    "follows",
    "followed",
    "arrive",
    "arrives",
    "arrived",
    "rise",
    "rises",
    "rose",
    "hang",
    "hangs",
    "hung",
    "emerge",
    "emerges",
    "emerged",
    "appear",
    "appears",
    "appeared",
    "exist",
    "exists",
    "existed",
    "walk",
    "walks",
    "walked",
    "run",
    "runs",
    "ran",
    "loom",
    "looms",
    "loomed",
    "begin",
    "begins",
    "began",
    "end",
    "ends",
    "ended",
    "shine",
    "shines",
    "shone",
    "burst",
    "bursts",
    "flow",
    "flows",
    "flowed",
    "stretch",
    "stretches",
    "stretched",
    "grow",
    "grows",
    "grew",
    "lurk",
    "lurks",
    "lurked",
    "wait",
    "waits",
    "waited",
    "gather",
    "gathers",
    "gathered",
    "sparkle",
    "sparkles",
    "sparkled",
    "echo",
    "echoes",
    "echoed",
];

/// Subordinators whose clause, set off by a comma, may open a sentence.
const CLAUSE_FRONTS: &[&str] = &[
    "when", "if", "because", "although", "though", "while", "after", "before", "since", "until",
    "once", "as", "whenever", "unless",
];

/// Forms of "be" that stand for the main clause's verb after a fronted clause.
const BE_FINITE: &[&str] = &["is", "are", "was", "were"];

/// "When the fire broke out, were most residents already asleep.", "If the weather is good,
/// starts the race at two o'clock.": a subordinate clause with its own verb, a comma, and then
/// the main clause's finite verb before its subject (Dutch and German put the verb right after
/// a fronted clause). English puts the subject first: after such a clause only imperatives
/// ("If you have questions, call us"), which have a base form, and questions start with a
/// verb. Verbs of motion and position, which invert in English ("… came the storm"), are
/// left alone.
fn after_subordinate_clause(v: &SentenceView) -> Option<Diagnosis> {
    if !(CLAUSE_FRONTS.contains(&v.lower(0)) && matches!(v.tag(0), Some(Tag::IN | Tag::WRB))) {
        return None;
    }
    let comma = (2..v.len()).find(|&k| v.words[k] == ",")?;
    // The subordinate clause has a subject and its own verb.
    if !(1..comma).any(|k| v.tag(k).is_some_and(|t| t.is_finite_verb() || t == Tag::MD)) {
        return None;
    }
    let verb = comma + 1;
    let vt = v.tag(verb)?;
    let w = v.lower(verb);
    let be = BE_FINITE.contains(&w);
    if !(be || (matches!(vt, Tag::VBD | Tag::VBZ) && !AUXILIARIES.contains(&w)))
        || !v.words[verb].starts_with(char::is_lowercase)
    {
        return None;
    }
    let np = v.chunker();
    // The subject: a noun phrase that is not a pronoun object ("…, told him …" has none).
    if !v.tag(verb + 1).is_some_and(|t| {
        matches!(
            t,
            Tag::DT | Tag::PRPS | Tag::CD | Tag::JJ | Tag::JJS | Tag::NNS | Tag::NNP
        )
    }) {
        return None;
    }
    let subj_end = subject_phrase(v, &np, verb + 1)?;
    // Something must follow the subject: an object, a phrase, a predicate.
    if v.tag(subj_end).is_none_or(|t| t.is_punct() || t == Tag::CC) {
        return None;
    }
    // A verb of motion or position may come before a subject that ends the sentence ("…,
    // came the news that …"); with an adverb or a phrase after the subject ("…, arrived the
    // guests too late") it is the verb-second order.
    let phrase_after = v
        .tag(subj_end)
        .is_some_and(|t| matches!(t, Tag::RB | Tag::IN))
        && !matches!(v.lower(subj_end), "that" | "of");
    if LOCATIVE_VERBS.contains(&w) && !phrase_after {
        return None;
    }
    // After "be", the subject's predicate: an adverb, an adjective, a participle or a phrase
    // ("were most residents already asleep"), not a second noun phrase ("…, was the best
    // option the council had" reads as a predicate noun).
    if be
        && !v
            .tag(subj_end)
            .is_some_and(|t| matches!(t, Tag::RB | Tag::JJ | Tag::VBN | Tag::VBG | Tag::IN))
    {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, verb),
        Piece::Tokens(verb + 1, subj_end),
        Piece::Tokens(verb, verb + 1),
        Piece::Tokens(subj_end, v.len()),
    ];
    let (start, end) = v.span(verb, subj_end);
    Some(Diagnosis {
        check: "after-subordinate-clause",
        start,
        end,
        message: format!(
            "The verb '{}' comes before its subject '{}' after the opening clause, in Dutch/German order: put the subject first",
            v.words[verb],
            v.slice(verb + 1, subj_end)
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.75,
    })
}

/// Forms of "have" that inverted after a fronted phrase leave their participle after the
/// subject ("Since January have more than 12,000 people applied").
const HAVE_FORMS: &[&str] = &["has", "have", "had"];

/// "On Wednesday has the government agreed …", "At the press conference could the mayor not
/// say …": after a fronted phrase that does not invert in English, a form of "have" or a modal,
/// then the subject, then the participle or infinitive. ("In the corner was a lamp" inverts
/// "be" in English, so "be" is left alone.)
fn auxiliary_inversion(
    v: &SentenceView,
    front_end: usize,
    front: Front,
    aux: usize,
) -> Option<Diagnosis> {
    let np = v.chunker();
    let subj_end = subject_phrase(v, &np, aux + 1)?;
    let base_end = subj_end;
    // "could you look …" asks, "had we known …" supposes: English inverts both.
    let pronoun = subj_end == aux + 2 && v.tag(aux + 1) == Some(Tag::PRP);
    if pronoun && (v.lower(aux + 1) == "you" || v.lower(aux) == "had") {
        return None;
    }
    let wanted = if v.tag(aux) == Some(Tag::MD) {
        Tag::VB
    } else {
        Tag::VBN
    };
    // "not", "already" and other adverbs may stand between the subject and the verb.
    // The subject may carry prepositional phrases ("the number of unemployed people in
    // Austria").
    let mut subj_end = subj_end;
    while v.tag(subj_end) == Some(Tag::IN) {
        match np.noun_phrase(subj_end + 1) {
            Some(e) => subj_end = e,
            None => break,
        }
    }
    let mut k = subj_end;
    let can_be = |k: usize| {
        v.words
            .get(k)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
            && Tagger::embedded().can_be(v.words[k], wanted)
    };
    while v.tag(k).is_some_and(Tag::is_adverb) && !can_be(k) {
        k += 1;
    }

    // The tagger may miss the participle after an inverted subject ("has the number … risen"),
    // or read the infinitive after a modal as a present ("will the Mauritshuis show works").
    let verb_form = v.tag(k) == Some(wanted)
        || (v
            .tag(k)
            .is_some_and(|t| matches!(t, Tag::RB | Tag::NN | Tag::JJ | Tag::VBD | Tag::VBP))
            && can_be(k));
    // Or the verb stands last, after an object ("Last week has the company its results
    // published"): the verb-second order and the verb-final order in one clause. Both moves
    // make one rewrite.
    let last = super::clause::content_end(v).saturating_sub(1);
    let bracket = !verb_form
        && last > k
        && np.noun_phrase(k).is_some()
        && (v.tag(last) == Some(wanted)
            || (v
                .tag(last)
                .is_some_and(|t| matches!(t, Tag::NN | Tag::JJ | Tag::VBD))
                && can_be(last)));
    if bracket {
        let mut pieces = subject_first(v, front, front_end, aux, subj_end);
        pieces.push(Piece::Tokens(subj_end, k));
        pieces.push(Piece::Tokens(last, last + 1));
        pieces.push(Piece::Tokens(k, last));
        pieces.push(Piece::Tokens(last + 1, v.len()));
        let (start, end) = v.span(0, last + 1);
        return Some(Diagnosis {
            check: "auxiliary-inversion",
            start,
            end,
            message: format!(
                "'{}' comes before its subject '{}' after '{}', and '{}' after its object, in Dutch/German order: put the subject first and the verb after '{}'",
                v.words[aux],
                v.slice(aux + 1, subj_end),
                v.slice(0, front_end),
                v.words[last],
                v.words[aux],
            ),
            suggestion: Some(render(v, &pieces)),
            confidence: 0.8,
        });
    }
    if !verb_form {
        // Or take the verb for the noun phrase's last word ("will the temperature rise to",
        // "will the state election take place"): the first word after a noun that can be
        // the verb ends the subject.
        let inside = (aux + 2..base_end).find(|&k| {
            v.tag(k - 1).is_some_and(Tag::is_noun)
                && v.tag(k)
                    .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS | Tag::JJ))
                && can_be(k)
        });
        let k = inside?;
        subj_end = k;
    }
    Some(subject_first_finding(
        v, front, front_end, aux, subj_end, 0.8,
    ))
}

/// The pieces of a clause with its subject (`verb + 1 .. subj_end`) put before the verb or
/// auxiliary at `verb`: after the fronted phrase and a comma, or before a fronted adverb that
/// goes after the verb ("Already has the number … risen" → "The number … has already").
fn subject_first(
    v: &SentenceView,
    front: Front,
    front_end: usize,
    verb: usize,
    subj_end: usize,
) -> Vec<Piece> {
    let mut pieces = Vec::new();
    match front {
        Front::Mid => {
            pieces.push(Piece::Tokens(verb + 1, subj_end));
            pieces.push(Piece::Tokens(verb, verb + 1));
            pieces.push(Piece::Word(0, uncapitalize(v, 0)));
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
    pieces
}

/// The finding for an auxiliary or "be" before its subject after a fronted phrase, rewritten
/// with the subject first and the rest of the sentence as it was.
fn subject_first_finding(
    v: &SentenceView,
    front: Front,
    front_end: usize,
    verb: usize,
    subj_end: usize,
    confidence: f64,
) -> Diagnosis {
    let mut pieces = subject_first(v, front, front_end, verb, subj_end);
    pieces.push(Piece::Tokens(subj_end, v.len()));
    let (start, end) = v.span(0, subj_end);
    Diagnosis {
        check: "auxiliary-inversion",
        start,
        end,
        message: format!(
            "'{}' comes before its subject '{}' after '{}', in Dutch/German order: put the subject first",
            v.words[verb],
            v.slice(verb + 1, subj_end),
            v.slice(0, front_end)
        ),
        suggestion: Some(render(v, &pieces)),
        confidence,
    }
}

impl Detector for VerbSecondInversion {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn checks(&self) -> Vec<&'static str> {
        vec![
            "after-subordinate-clause",
            "auxiliary-inversion",
            "fronted-phrase",
            "missing-there",
            "pronoun-after-verb",
        ]
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.len() < 4 {
            return;
        }
        if v.words.last().is_some_and(|w| *w == "?") {
            return;
        }
        if let Some(d) = after_subordinate_clause(v) {
            out.push(d);
            return;
        }
        if let Some(d) = after_front(v).or_else(|| pronoun_after_verb(v)) {
            out.push(d);
        }
    }
}

/// The finding for the verb right after a fronted phrase, when it stands before its subject.
fn after_front(v: &SentenceView) -> Option<Diagnosis> {
    let (front_end, front) = fronted(v)?;
    let comma = v.words.get(front_end) == Some(&",");
    let verb = front_end + comma as usize;
    let vt = v.tag(verb)?;
    let verb_word = v.lower(verb);
    if vt == Tag::MD || HAVE_FORMS.contains(&verb_word) {
        return auxiliary_inversion(v, front_end, front, verb);
    }
    let base = vt == Tag::VB && Tagger::embedded().can_be(v.words[verb], Tag::VBP);
    if !matches!(vt, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBN) && !base {
        return None;
    }
    if AUXILIARIES.contains(&verb_word) {
        return be_inversion(v, front_end, front, verb);
    }
    fronted_phrase(v, front_end, front, verb, vt)
}

/// Verbs of saying, which English may put before a pronoun after a quotation ("…," said he).
const QUOTATIVE_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "replied",
    "replies",
    "added",
    "adds",
    "answered",
    "cried",
    "whispered",
    "wrote",
    "writes",
    "continued",
    "explained",
    "thought",
];

/// "Since 2015 works she as a nurse in Utrecht.", "Then bought we a new car.": a lexical verb
/// in a finite form right before a subject pronoun ("she", "we", "they" …) in a statement,
/// whatever stands before it: only a verb of saying after a quotation, an auxiliary or "be"
/// come before their subject pronoun in English. The pronoun goes before the verb.
fn pronoun_after_verb(v: &SentenceView) -> Option<Diagnosis> {
    // After a negative in front English inverts with "do" ("Never did I see …"), a rewrite
    // of its own.
    if matches!(
        v.lower(0),
        "never" | "rarely" | "seldom" | "hardly" | "only" | "nowhere" | "not" | "little"
    ) {
        return None;
    }
    let tagger = Tagger::embedded();
    (1..v.len().saturating_sub(1)).find_map(|k| {
        let p = k + 1;
        let pronoun = matches!(v.lower(p), "i" | "he" | "she" | "we" | "they")
            && v.tag(p) == Some(Tag::PRP);
        if !pronoun || !v.words[k].starts_with(char::is_lowercase) {
            return None;
        }
        let w = v.lower(k);
        // A finite form, or one the tagger read as a noun before the pronoun ("Since 2015
        // works she …": "the book he wrote" has the pronoun's verb after it, which rules it
        // out below).
        let finite = matches!(v.tag(k), Some(Tag::VBD | Tag::VBZ | Tag::VBP))
            || (matches!(v.tag(k), Some(Tag::NN | Tag::NNS))
                && [Tag::VBD, Tag::VBZ, Tag::VBP]
                    .iter()
                    .any(|&t| tagger.can_be(w, t)));
        let lexical = finite
            && !AUXILIARIES.contains(&w)
            && !HAVE_FORMS.contains(&w)
            && !matches!(w, "do" | "does" | "did" | "dare" | "need")
            && !QUOTATIVE_VERBS.contains(&w);
        // The pronoun has no verb of its own up to the end of its clause, and something
        // follows it (not "…, thought she." nor a comparison's "than they").
        let continues = v
            .tag(p + 1)
            .is_some_and(|t| !t.is_punct() && t != Tag::CC);
        let own_verb = (p + 1..v.len())
            .take_while(|&j| {
                v.tag(j).is_some_and(|t| !t.is_punct() && t != Tag::CC && t != Tag::WDT)
                    && v.lower(j) != "that"
            })
            .any(|j| v.tag(j).is_some_and(|t| t.is_verb()));
        if !(lexical && continues) || own_verb {
            return None;
        }
        let pieces = [
            Piece::Tokens(0, k),
            Piece::Tokens(p, p + 1),
            Piece::Tokens(k, k + 1),
            Piece::Tokens(p + 1, v.len()),
        ];
        let (start, end) = v.span(k, p + 1);
        Some(Diagnosis {
            check: "pronoun-after-verb",
            start,
            end,
            message: format!(
                "The verb '{}' comes before its subject '{}', in Dutch/German order: put the subject first",
                v.words[k], v.words[p]
            ),
            suggestion: Some(render(v, &pieces)),
            confidence: 0.8,
        })
    })
}

/// A finite verb before its subject after a fronted phrase: where each part ends.
struct Inverted {
    front: Front,
    /// The end of the fronted phrase.
    front_end: usize,
    verb: usize,
    /// The end of the subject after the verb, with the adverbs of frequency that follow it
    /// (in English they stand before the verb: "my family always goes").
    subj_end: usize,
    /// The end of the subject itself.
    core_end: usize,
    /// The end of the adverbials after the subject (`subj_end` when there are none).
    after: usize,
    /// An object follows the subject and its adverbials.
    object: bool,
    /// A "that" clause follows them.
    clause: bool,
}

/// Adverbs of frequency and time that stand between an English subject and its verb.
const MID_ADVERBS: &[&str] = &[
    "always",
    "often",
    "usually",
    "sometimes",
    "never",
    "rarely",
    "seldom",
    "frequently",
    "regularly",
    "still",
    "already",
    "also",
];

/// The finding for the verb at `verb` (tagged `vt`) standing before its subject after the
/// fronted phrase that ends at `front_end`, when English would not invert there.
fn fronted_phrase(
    v: &SentenceView,
    front_end: usize,
    front: Front,
    verb: usize,
    vt: Tag,
) -> Option<Diagnosis> {
    let verb_word = v.lower(verb);
    let np = v.chunker();
    // The word after the verb is its object, not its subject: "For Christ promised them
    // this", "As Marx puts it in the Manifesto" (a clause opened by "for", "as").
    let object_pronoun = matches!(v.lower(verb + 1), "them" | "him" | "me" | "us")
        || (v.lower(verb + 1) == "it"
            && v.tag(verb + 2)
                .is_none_or(|t| t.is_punct() || matches!(t, Tag::IN | Tag::RB)));
    // A capitalised word is part of a name ("According to the Younger Rhymed Chronicle"),
    // and a participle before a plural and a comma is an adjective in a list ("…, winged
    // gods, mythical creatures and birds were …").
    let in_name = v.words[verb].starts_with(char::is_uppercase);
    let listed_adjective = matches!(vt, Tag::VBD | Tag::VBN)
        && Tagger::embedded().can_be(v.words[verb], Tag::JJ)
        && v.tag(verb + 1) == Some(Tag::NNS)
        && matches!(v.words.get(verb + 2), Some(&",") | Some(&"and"));
    if object_pronoun || in_name || listed_adjective {
        return None;
    }
    let core_end = subject_phrase(v, &np, verb + 1)?;
    // "In a statement issued June 16, 2004, …": a date after the verb is no subject.
    let date = super::words::MONTHS.contains(&v.lower(verb + 1))
        || super::words::WEEKDAYS.contains(&v.lower(verb + 1));
    // "Now feed the one in the tank …", "Then add the salt": a base form before a singular
    // noun phrase cannot be its verb (that would be "feeds"); it is an imperative and its
    // object.
    let imperative = matches!(vt, Tag::VB | Tag::VBP)
        && (verb + 1..core_end).any(|k| v.tag(k).is_some_and(|t| matches!(t, Tag::NN | Tag::NNP)))
        && !(verb + 1..core_end).any(|k| {
            v.tag(k)
                .is_some_and(|t| matches!(t, Tag::NNS | Tag::NNPS | Tag::PRP | Tag::CC))
        });
    if date || imperative {
        return None;
    }
    // "In the summer goes my family always to the sea": an adverb of frequency after the
    // subject goes with it, before the verb.
    let mut subj_end = core_end;
    while v.tag(subj_end) == Some(Tag::RB) && MID_ADVERBS.contains(&v.lower(subj_end)) {
        subj_end += 1;
    }
    // "Also discussed were …": a participle followed by "be" is English inversion.
    if v.tag(subj_end).is_some_and(Tag::is_verb) {
        return None;
    }
    // The object (or "that" clause) may follow the subject's adverbials ("opens the Federal
    // Court in Karlsruhe the trial", "cancelled the airline on Monday 200 flights"): a subject
    // and an object both after the verb is the verb-second order, not English inversion, which
    // has no object.
    // A determiner and an adjective open a phrase too ("the police | a flat in …").
    let opens_phrase = |k: usize| {
        subject_phrase(v, &np, k).is_some()
            || (matches!(v.lower(k), "a" | "an" | "the")
                && v.tag(k + 1).is_some_and(|t| t == Tag::JJ || t.is_noun()))
    };
    let mut after = subj_end;
    // Whether a prepositional phrase stands between the subject and what follows.
    let mut phrase_between = false;
    loop {
        if v.tag(after) == Some(Tag::IN) && v.lower(after) != "that" {
            match subject_phrase(v, &np, after + 1) {
                Some(e) => {
                    after = e;
                    phrase_between = true;
                }
                None => break,
            }
        } else if let Some(e) = subject_phrase(v, &np, after)
            && (after..e).any(|k| names_time(v.lower(k)))
            && opens_phrase(e)
        {
            // A time without a preposition before the object: "went citizens the past few
            // days the streets".
            after = e;
        } else {
            break;
        }
    }
    // "According to the data, reported cases in the U.S. have reached …": a participle before
    // a noun phrase whose own verb follows it modifies the noun.
    if vt == Tag::VBN
        && v.tag(after)
            .is_some_and(|t| t == Tag::MD || t.is_finite_verb())
    {
        return None;
    }
    let object = (!phrase_between || !LOCATIVE_VERBS.contains(&verb_word)) && opens_phrase(after);
    let clause = matches!(v.lower(after), "that") && !LOCATIVE_VERBS.contains(&verb_word);
    if main_clause_after_comma(v, &np, after) {
        return None;
    }
    // "In a village named Lamjung, the farmers grow rice": a participle right after the
    // fronted phrase's noun, then the main clause after a comma with its subject, verb and
    // more (not a speaker's "…, the ministry said."), modifies the noun. (With an object
    // after its subject the verb is the main clause's: "In the morning opened the mayor the
    // bridge, the crowd cheered".)
    let reduced_relative = !object
        && matches!(vt, Tag::VBD | Tag::VBN)
        && verb > 0
        && v.tag(verb - 1).is_some_and(Tag::is_noun)
        && Tagger::embedded().can_be(v.words[verb], Tag::VBN)
        && clause_after_comma(v, &np, after)
            .is_some_and(|e| v.tag(e + 1).is_some_and(|t| !t.is_punct()));
    if reduced_relative {
        return None;
    }
    // A base form the tagger gave a finite verb's place ("Two weeks before the election lead
    // the Christian Democrats the polls") needs an object as evidence.
    if vt == Tag::VB && !object {
        return None;
    }
    if !object && !clause && !after_time_front(v, front_end, vt, verb_word, subj_end) {
        return None;
    }
    let inverted = Inverted {
        front,
        front_end,
        verb,
        subj_end,
        core_end,
        after,
        object,
        clause,
    };
    Some(fronted_phrase_finding(v, &np, &inverted))
}

/// Whether a fronted "after", "before", "since", "until", "as" or "despite" opens a clause, and
/// the main clause follows its comma ("After residents reported broken lights, the department sent workers").
fn main_clause_after_comma(v: &SentenceView, np: &crate::chunk::Words, after: usize) -> bool {
    matches!(
        v.lower(0),
        "after" | "before" | "since" | "until" | "as" | "despite" | "due" | "because"
    ) && clause_after_comma(v, np, after).is_some()
}

/// The verb of a clause after a comma at or after `after`: a subject (a noun phrase, or a
/// quantifier alone) and then, after adverbs, a verb.
fn clause_after_comma(v: &SentenceView, np: &crate::chunk::Words, after: usize) -> Option<usize> {
    (after..v.len()).find_map(|k| {
        // (A quantifier alone may be the subject: ", both were declared winners".)
        let pronoun = matches!(
            v.lower(k + 1),
            "both" | "all" | "each" | "many" | "most" | "some" | "none" | "several"
        )
        .then_some(k + 2);
        if v.words[k] != "," {
            return None;
        }
        let mut e = subject_phrase(v, np, k + 1).or(pronoun)?;
        while v.tag(e).is_some_and(Tag::is_adverb) {
            e += 1;
        }
        v.tag(e)
            .is_some_and(|t| t.is_verb() || t == Tag::MD)
            .then_some(e)
    })
}

/// "According to the police was the driver drunk.": a form of "be" before its subject after a
/// fronted phrase, and the predicate (an adjective or participle) after the subject. English
/// inverts "be" only with the subject last ("In the garden was a fountain").
fn be_inversion(
    v: &SentenceView,
    front_end: usize,
    front: Front,
    verb: usize,
) -> Option<Diagnosis> {
    if !matches!(v.lower(verb), "is" | "are" | "was" | "were") {
        return None;
    }
    if let Some(d) = missing_there(v, front, front_end, verb) {
        return Some(d);
    }
    let np = v.chunker();
    let subj_end = subject_phrase(v, &np, verb + 1)?;
    // A definite subject, which the inverted order of English presents last as news ("At
    // the top was a precious clock"): "the", a demonstrative, a possessive, a name.
    let definite = matches!(
        v.lower(verb + 1),
        "the" | "this" | "that" | "these" | "those"
    ) || v
        .tag(verb + 1)
        .is_some_and(|t| matches!(t, Tag::PRPS | Tag::NNP | Tag::PRP));
    let mut k = subj_end;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    // Phrases between the subject and the predicate that ends the sentence ("In Germany are
    // the shops on Sunday closed."): the predicate goes right after "be", the phrases after it.
    let adverbs_end = k;
    while v.tag(k) == Some(Tag::IN) && !matches!(v.lower(k), "by" | "that" | "of") {
        match subject_phrase(v, &np, k + 1) {
            Some(e) => k = e,
            None => break,
        }
    }
    let phrases = k > adverbs_end;
    let participle =
        v.tag(k) == Some(Tag::VBD) && crate::tag::Tagger::embedded().can_be(v.words[k], Tag::VBN);
    // (A past form the tagger read at the sentence's end is the participle too: "In 2020
    // were more than 500 cases reported.")
    let last = v
        .words
        .get(k + 1)
        .is_some_and(|w| super::words::is_final_punct(w));
    let predicate = v
        .tag(k)
        .is_some_and(|t| matches!(t, Tag::JJ | Tag::JJR | Tag::VBN))
        || (participle && (phrases || last));
    // With phrases before it, the predicate must end the sentence.
    if phrases
        && !v
            .words
            .get(k + 1)
            .is_some_and(|w| super::words::is_final_punct(w))
    {
        return None;
    }
    // The predicate closes the clause; a participle with its agent ("symptoms caused by …")
    // describes the subject.
    let closes = v
        .words
        .get(k + 1)
        .is_none_or(|w| super::words::is_final_punct(w) || *w == ",")
        || (v.tag(k + 1).is_some_and(|t| matches!(t, Tag::IN | Tag::TO)) && v.lower(k + 1) != "by");
    // After a phrase of place English inverts an indefinite subject ("At the top was a
    // precious clock mounted on a wall").
    let place_front = matches!(
        v.lower(0),
        "in" | "on"
            | "at"
            | "under"
            | "above"
            | "behind"
            | "among"
            | "near"
            | "beside"
            | "between"
            | "inside"
            | "outside"
            | "along"
            | "across"
            | "around"
            | "over"
            | "beyond"
            | "within"
            | "below"
            | "beneath"
    ) && !(0..front_end).any(|k| names_time(v.lower(k)));
    if (place_front && !definite) || !predicate || !closes {
        return None;
    }
    let mut d = subject_first_finding(v, front, front_end, verb, subj_end, 0.7);
    if phrases {
        let mut pieces = subject_first(v, front, front_end, verb, subj_end);
        pieces.extend([
            Piece::Tokens(subj_end, adverbs_end),
            Piece::Tokens(k, k + 1),
            Piece::Tokens(adverbs_end, k),
            Piece::Tokens(k + 1, v.len()),
        ]);
        d.suggestion = Some(render(v, &pieces));
    }
    Some(d)
}

/// A word that names a time or a stretch of it ("Monday", "evening", "year") in a fronted
/// phrase.
fn is_time_word(w: &str) -> bool {
    names_a_time(w) || TIME_NOUNS.contains(&w) || matches!(w, "week" | "month" | "year")
}

/// "In the evening were still hundreds of people on the square.": after a phrase of time, "be"
/// and an indefinite noun phrase with no predicate after it is an existence, and English says
/// "there" before "be" (Dutch "er", German "es" dropped). After a place English may invert
/// ("On the square were hundreds of people"): only a front that names a time counts.
fn missing_there(
    v: &SentenceView,
    front: Front,
    front_end: usize,
    verb: usize,
) -> Option<Diagnosis> {
    let Front::Phrase { weekday } = front else {
        return None;
    };
    if !(0..front_end).any(|k| is_time_word(v.lower(k))) {
        return None;
    }
    // An indefinite noun phrase after "be" and its adverbs: a number, a quantity or "no".
    let mut k = verb + 1;
    while v.tag(k).is_some_and(Tag::is_adverb) && !matches!(v.lower(k), "more" | "less") {
        k += 1;
    }
    let indefinite = v.tag(k) == Some(Tag::CD)
        || matches!(
            v.lower(k),
            "hundreds" | "thousands" | "dozens" | "millions" | "many" | "several" | "no" | "more"
        );
    if !indefinite {
        return None;
    }
    // Then only the noun phrase, phrases and adverbs to the end: no predicate ("were 300
    // people unemployed" has one, and the subject goes first).
    let np = v.chunker();
    let mut e = subject_phrase(v, &np, k)?;
    while e < v.len() {
        if v.tag(e) == Some(Tag::IN) && v.lower(e) != "that" {
            e = np.noun_phrase(e + 1)?;
        } else if v.tag(e).is_some_and(Tag::is_adverb) {
            e += 1;
        } else {
            break;
        }
    }
    if !v
        .words
        .get(e)
        .is_some_and(|w| super::words::is_final_punct(w))
    {
        return None;
    }
    let mut pieces = Vec::new();
    if weekday {
        pieces.push(Piece::Text("On".into()));
    }
    let comma = v.words.get(front_end) == Some(&",");
    pieces.push(Piece::Tokens(0, front_end));
    pieces.push(Piece::Text(",".into()));
    pieces.push(Piece::Text("there".into()));
    pieces.push(Piece::Tokens(front_end + comma as usize, v.len()));
    let (start, end) = v.span(0, verb + 1);
    Some(Diagnosis {
        check: "missing-there",
        start,
        end,
        message: format!(
            "'{}' after '{}' has no subject: English says 'there {}' (Dutch 'er', German 'es')",
            v.words[verb],
            v.slice(0, front_end),
            v.lower(verb)
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.6,
    })
}

/// Whether the fronted phrase is one after which English does not invert even an
/// intransitive verb. "On Monday opened the new bridge for traffic": after a time (not a
/// place), English does not invert; verbs of motion and position still may ("Then came the
/// news"). Nor after a phrase of time, cause or manner ("After three hours of negotiations
/// agreed the unions on …", "Before the court admitted the defendant …").
fn after_time_front(
    v: &SentenceView,
    front_end: usize,
    vt: Tag,
    verb_word: &str,
    subj_end: usize,
) -> bool {
    // "In the end Nixon kept his promise": a name after a common noun may be the subject
    // rather than part of the fronted phrase.
    let name_closes_front = front_end >= 2
        && v.tag(front_end - 1) == Some(Tag::NNP)
        && v.tag(front_end - 2)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS));
    // After a phrase of cause or concession no verb inverts in English, not even one of motion
    // ("Despite the rain came more than 30,000 spectators …").
    let causal_front = matches!(
        v.lower(0),
        "despite" | "because" | "due" | "according" | "thanks"
    );
    // (A phrase of time or sequence: "After the meeting went the ministers home", unlike
    // "After the storm came the flood", has a phrase after the subject.)
    let time_front = (0..front_end).any(|k| is_time_word(v.lower(k)))
        || matches!(
            v.lower(0),
            "after" | "before" | "since" | "until" | "during"
        );
    // A phrase after the subject ("… travels the king to Brussels"), not one inside it ("the
    // anniversary of …"): the subject is not the last word, as English inversion has it.
    // So does an adverb of direction ("went the director home").
    let direction = matches!(
        v.lower(subj_end),
        "home" | "away" | "back" | "abroad" | "upstairs" | "downstairs" | "inside" | "outside"
    );
    let phrase_after = direction
        || (v.tag(subj_end) == Some(Tag::IN) && !matches!(v.lower(subj_end), "of" | "that"));
    // A verb of motion inverts after a time too ("Then came the news"), but only with the
    // subject last: with a phrase after it, it is the verb-second order ("Yesterday went the
    // minister to the hospital").
    (!LOCATIVE_VERBS.contains(&verb_word) || causal_front || (time_front && phrase_after))
        // A present form after a prepositional phrase; after a bare time word, which may be
        // the subject ("Today marks the anniversary …"), only with a phrase after the subject
        // and a verb that does not take a time for its subject.
        && (matches!(vt, Tag::VBD | Tag::VBN)
            || (vt == Tag::VBZ && v.tag(0) == Some(Tag::IN))
            || (matches!(vt, Tag::VBZ | Tag::VBP)
                && time_front
                && phrase_after
                && !TIME_SUBJECT_VERBS.contains(&verb_word)))
        && (time_front
            || (0..front_end).any(|k| {
                let w = v.lower(k);
                (k == 0 && NON_LOCATIVE_FRONTS.contains(&w))
                    || (k == 0 && v.tag(0) == Some(Tag::IN) && !name_closes_front)
            }))
        // (The subject ends the clause, or a phrase or adverb follows it: "According to the
        // ministry rose the number of infections again".)
        && (direction
            || v.tag(subj_end)
                .is_none_or(|t| t.is_punct() || matches!(t, Tag::IN | Tag::RB | Tag::RBR)))
}

/// Present forms of verbs that take a time for their subject ("Today marks …", "Tomorrow
/// brings …", "Next week sees …"): after a bare time word they are not inverted.
const TIME_SUBJECT_VERBS: &[&str] = &[
    "marks", "mark", "sees", "see", "brings", "bring", "begins", "begin", "starts", "start",
    "ends", "end", "is", "are", "has", "have", "looks", "look", "promises", "promise", "offers",
    "offer", "features", "feature", "holds", "hold", "means", "mean",
];

/// The finding for an inverted verb and subject, with the rewrite in English order: the
/// subject before the verb, and the object before the adverbials that stood between it and
/// the subject.
fn fronted_phrase_finding(v: &SentenceView, np: &crate::chunk::Words, inv: &Inverted) -> Diagnosis {
    let Inverted {
        front,
        front_end,
        verb,
        subj_end,
        core_end,
        after,
        object,
        clause,
    } = *inv;
    let verb_word = v.lower(verb);
    // With no object after the subject, the noun phrase after a verb that seldom takes an
    // object ("Tomorrow travels the king to Brussels") can only be its subject.
    let intransitive = frames()
        .get(verb_word)
        .is_some_and(|f| f.count >= 5 && f.object_rate < 0.2);
    let confidence = if object || intransitive { 0.85 } else { 0.7 };
    // "accused the government of France that …": with only a clause after it, an
    // "of"-phrase on the subject of a transitive verb is the source's object ("beschuldigde
    // de regering Frankrijk"), so the subject ends before "of" and "of" goes.
    let transitive = frames()
        .get(verb_word)
        .is_some_and(|f| f.object_rate >= 0.5);
    // With no object after it, a transitive verb's object is the last of two nouns the
    // subject seems to end in ("caused heavy rain | flooding").
    let compound_object = !object
        && !clause
        && transitive
        && subj_end >= verb + 3
        && [subj_end - 2, subj_end - 1].iter().all(|&k| {
            v.tag(k).is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
                && v.words[k].starts_with(char::is_lowercase)
        });
    let (subj_end, object_start) =
        match (object, (verb + 1..subj_end).find(|&k| v.lower(k) == "of")) {
            (false, Some(of)) if transitive => (of, of + 1),
            _ if compound_object => (subj_end - 1, subj_end - 1),
            _ => (subj_end, subj_end),
        };
    // With an object after them, prepositional phrases that name no time right after the
    // subject belong to the subject ("rejected the parliament in Vienna the proposal" → "the
    // parliament in Vienna rejected the proposal").
    // So do they before the predicate of a linking verb ("remain the schools in the province
    // closed" → "the schools in the province remain closed").
    let linking = matches!(
        verb_word,
        "remain"
            | "remains"
            | "remained"
            | "stay"
            | "stays"
            | "stayed"
            | "become"
            | "becomes"
            | "became"
            | "seem"
            | "seems"
            | "seemed"
            | "appear"
            | "appears"
            | "appeared"
    );
    let predicate = linking
        && v.tag(after)
            .is_some_and(|t| t.is_adjective() || matches!(t, Tag::VBN | Tag::VBD));
    let (subj_end, object_start) =
        if (object || predicate) && object_start == subj_end && after > subj_end {
            let end = place_phrases_end(v, np, subj_end, after);
            (end, end)
        } else {
            (subj_end, object_start)
        };
    let subject = v.slice(verb + 1, core_end.min(subj_end));
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
    // The object goes before the adverbials that stood between it and the subject
    // ("cancelled more than 200 flights on Monday").
    // The object keeps its own phrases that name no time ("a 2-1 win against Feyenoord"); the
    // adverbials follow it.
    // (A rate is no object: "drove at more than 180 kilometres an hour".)
    match (object_start == subj_end && after > subj_end && !super::rewrite::is_rate(v, after))
        .then(|| subject_phrase(v, np, after))
        .flatten()
        .map(|end| place_phrases_end(v, np, end, v.len()))
    {
        Some(object_end) => {
            pieces.push(Piece::Tokens(after, object_end));
            pieces.push(Piece::Tokens(subj_end, after));
            pieces.push(Piece::Tokens(object_end, v.len()));
        }
        None => pieces.push(Piece::Tokens(object_start, v.len())),
    }
    let suggestion = render(v, &pieces);
    let (start, end) = v.span(0, subj_end);
    Diagnosis {
        check: "fronted-phrase",
        start,
        end,
        message: format!(
            "The verb '{}' comes before its subject '{}' after '{}', in Dutch/German order: put the subject first",
            v.words[verb],
            subject,
            v.slice(0, front_end)
        ),
        suggestion: Some(suggestion),
        confidence,
    }
}
