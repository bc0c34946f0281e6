//! The rule `missing-verb`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds "that"-clauses and subordinate clauses whose subject is followed by no verb before the
//! clause ends ("says that the land behind Al Sarraj."), and sentences with fewer finite verbs
//! than clauses (a main clause whose verb went missing: "A comparison by infrared spectroscopy
//! that the composition of these crystals matched …"). Also: an auxiliary whose lexical verb is
//! gone ("He did not any figures", "Research has that …", "We will to reduce …", "is widely as
//! the Oscar equivalent"), a subject followed by a "that"-clause with no verb of saying
//! ("Inspector that the hotel is near …"), a first conjunct with no verb before "and" + verb
//! ("Bush in Singapore on November 16 and began a tour"), a source fronted with a bare
//! "To" ("To Italian media reports, …", suggested with "According to"), a relative clause with
//! no verb ("the Seven Wonders that still today."), "to" where only an infinitive can stand
//! but none follows ("unable to the pain", "interesting to if …"), and a subject pronoun or a
//! name with nothing of a verb after it ("yet he an answer from Modi", "Minister Keith Brown
//! he was excited"), "be" with an agent but no participle ("He was by pirates", "have been
//! by the severe flooding"), "has to" before a noun phrase ("has to journalists that …"),
//! "It is that" + clause (for "It is expected that"), "don't if" (for "don't know if"), a
//! subject followed by an adverb and a "to"-infinitive ("The UN also to set up a fund"), and
//! "after"/"before"/"since" + subject + object with no verb ("After the officials the voter's
//! identity, …").
//!
//! ## Silent on
//! Headlines, captions and list items (segments without final punctuation), a modal inverted
//! in a condition or question ("Should the ocean become ice-free, …"), greetings and other
//! verbless sentences English allows ("Thanks for everything.", "Good morning to all.",
//! "Expensive for the level of food.", "Nothing wrong with it, just better options.", "Great
//! spot to kick back for a coffee.", "300 - Number of violations in 2003."), imperatives after
//! an adverb ("Simply type in the link …"), and
//! fronted "to" phrases of place and attitude ("To the north, …", "To my surprise, …").

use super::clause::{coordinated_np, main_clause_start};
use super::rewrite::{Piece, render};
use super::words::{
    ATTRIBUTION_VERBS, AUXILIARIES, BE, HAVE, MODALS, SUBORDINATORS, TIME_WORDS, WEEKDAYS,
    WH_WORDS, is_final_punct,
};
use super::{Check, Detector, Diagnosis, Example, RuleMeta, SentenceView, first_check};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};

pub struct MissingVerb;

static META: RuleMeta = RuleMeta {
    id: "missing-verb",
    category: Category::MissingVerb,
    severity: Severity::Critical,
    summary: "A clause that needs a finite verb has none.",
    why: "Machine translation from verb-final clauses loses or misplaces the verb; the English \
          clause then says nothing of its subject.",
    fix: "Add the verb the source has: 'says that the country stands behind Al Sarraj'.",
    examples: &[
        Example::Bad {
            text: "France denies the rumors and says that the land behind Al Sarraj.",
            fix: None,
        },
        Example::Bad {
            text: "When you someone thousands of miles away, satellites are used.",
            fix: None,
        },
        Example::Bad {
            text: "According to the agency, the price of bread in the north 4 percent higher than a year before.",
            fix: Some(
                "According to the agency, the price of bread in the north is 4 percent higher than a year before.",
            ),
        },
        Example::Bad {
            text: "Scientists to understand how the planets of the solar system have formed.",
            fix: None,
        },
        Example::Bad {
            text: "The minister said that the whole cabinet behind the plan.",
            fix: Some("The minister said that the whole cabinet was behind the plan."),
        },
        Example::Bad {
            text: "The agency reported that the roads in the north not safe.",
            fix: Some("The agency reported that the roads in the north were not safe."),
        },
        Example::Bad {
            text: "Last month, a presidential committee the resignation of the former chief as part of the measures.",
            fix: None,
        },
        Example::Bad {
            text: "A comparison by infrared spectroscopy that the composition of these crystals matched those found in the urine.",
            fix: None,
        },
        Example::Bad {
            text: "The mayor said that the situation in the flooded districts still very serious.",
            fix: None,
        },
        Example::Bad {
            text: "The judge said the evidence against the two brothers insufficient for a conviction.",
            fix: None,
        },
        Example::Bad {
            text: "Net profit in the third quarter 418 million euros, the insurer said on Thursday.",
            fix: None,
        },
        Example::Bad {
            text: "According to the ministry, the unemployment rate in Spain in June 11.3 percent.",
            fix: None,
        },
        Example::Bad {
            text: "We very sorry for the delay this has caused.",
            fix: Some("We are very sorry for the delay this has caused."),
        },
        Example::Bad {
            text: "It not yet clear when the bridge will reopen.",
            fix: Some("It is not yet clear when the bridge will reopen."),
        },
        Example::Bad {
            text: "There no reason to worry, the mayor said.",
            fix: Some("There is no reason to worry, the mayor said."),
        },
        Example::Bad {
            text: "The farmers do not know yet whether they able to pay the rent.",
            fix: Some("The farmers do not know yet whether they are able to pay the rent."),
        },
        Example::Good("She runs faster than they, but he is stronger than we."),
        Example::Good("The people of the northern valley worship their own deity."),
        Example::Good("In Upper Egypt he added new features to the temple of Amun."),
        Example::Good("The history of the Ottoman Empire spans more than six centuries."),
        Example::Good("A fair rarely attracted peasants from settlements far away."),
        Example::Good(
            "The plan that the minister presented on Tuesday has been criticised by farmers.",
        ),
        Example::Good(
            "The club announced on its website that the coach had signed a new contract.",
        ),
        Example::Good("Good job very professional."),
        Example::Good("The Revolution Behind the Barbed Wire:"),
        Example::Good("The decision not to move the cathedral was made by the city council."),
        Example::Good("You should fast on Thursday."),
        Example::Good("He can very much respect him as an opponent."),
        Example::Good("Words cannot express it, nor can any human reach its depths."),
        Example::Good("The region was firmly under German control."),
        Example::Good("The hotel business also bears losses."),
        Example::Good("The dangers implicit in any attack, however, seem small."),
        Example::Good(
            "According to a study by the University of Mainz, teenagers in Germany sleep only seven hours a night.",
        ),
        Example::Good("The judge found the evidence against the two brothers insufficient."),
        Example::Good("“We are ready,” said the coach of the home side."),
        Example::Good(
            "He said that the overthrow of the government, then the strongest supporter of the rebels, would bring peace.",
        ),
        Example::Good(
            "France denies the rumors and says that the country stands behind Al Sarraj.",
        ),
        Example::Bad {
            text: "Park rangers closely hunters taking part in the trial.",
            fix: None,
        },
        Example::Bad {
            text: "Heavy looting reportedly throughout the weekend while the police stayed away.",
            fix: None,
        },
        Example::Bad {
            text: "The negotiations slowly and both sides blamed each other.",
            fix: None,
        },
        Example::Bad {
            text: "Although the minister had doubts as she, she signed the agreement.",
            fix: None,
        },
        Example::Good("Park rangers closely watch hunters taking part in the trial."),
        Example::Good("The police quickly and quietly left the building."),
        Example::Bad {
            text: "Inflation in the eurozone in September 2.2 percent, Eurostat reported on Friday.",
            fix: None,
        },
        Example::Good("“A great day for the city,” the mayor said."),
        Example::Good(
            "Inflation in the eurozone rose to 2.2 percent, Eurostat reported on Friday.",
        ),
        Example::Good("South Africa beat India by 7 wickets to take a 1-0 lead in the series."),
        Example::Good("In Pune, a speeding car hit two young men riding a motorcycle on the road."),
        Example::Good(
            "The state of Lower Saxony plans to invest around 1.2 billion euros by 2030.",
        ),
        Example::Good("The price of gold rose above 2,500 dollars per ounce in New York."),
        Example::Good("The company also in 2010 acquired a rival."),
        Example::Good("He is not as tall as she."),
        Example::Good("When we, among many other guests, asked to speak to the owner, he refused."),
        Example::Good("Never before had so many people taken to the streets."),
        Example::Good("Thousands of fans gathered outside the stadium hours before the match."),
        Example::Good("Egypt and the United Arab Emirates back the general."),
        Example::Good("Its profits rose by a fifth in the last quarter."),
        Example::Good(
            "The Dutch government announced on Friday that it would extend the lockdown by three weeks.",
        ),
        Example::Good("Thanks for everything."),
        Example::Good("Good morning to all of you."),
        Example::Good("If necessary, call us."),
        Example::Good("He said that he would come if it rained."),
        Example::Good("When the right atrium contracts, blood flows into the ventricle."),
        Example::Good("The poor go bankrupt, while the rich rejoice."),
        Example::Good("He has not disclosed that conversation with the president."),
        Example::Good("When President Bush, Musharraf and Karzai met in New York, little changed."),
        Example::Good("He sent a letter each year, and since 1997 a letter each November."),
        Example::Bad {
            text: "Turkey would also over custody of the captured fighters.",
            fix: None,
        },
        Example::Bad {
            text: "On the afternoon of July 17, Chen Guangming that the walls of the homes were cracked.",
            fix: None,
        },
        Example::Bad {
            text: "The heavy rain 71 small and medium-sized rivers in Chongqing to swell.",
            fix: None,
        },
        Example::Bad {
            text: "He did not any figures for the cuts, saying that they would be built later.",
            fix: None,
        },
        Example::Bad {
            text: "Research has that women are two times more likely to have MS than men.",
            fix: None,
        },
        Example::Good("He did not, as far as we know, set any figures."),
        Example::Good("If you had that then you can track any phone."),
        Example::Good("Expensive for the level of food and the quality of service."),
        Example::Good("Possibly a freshwater tank with a ton of different species in there."),
        Example::Good("Nothing wrong with it, just better options at this price point."),
        Example::Good(
            "For those of you who already sent us a response recently, please disregard.",
        ),
        Example::Bad {
            text: "To Italian media reports, the match is the 3,000th in the history of the team.",
            fix: Some(
                "According to Italian media reports, the match is the 3,000th in the history of the team.",
            ),
        },
        Example::Good("To the north, the land rises towards the mountains."),
        Example::Good("To my surprise, the shop was open."),
        Example::Bad {
            text: "Secretary of State John Kerry unexpectedly that in some cases US espionage has exceeded limits.",
            fix: None,
        },
        Example::Bad {
            text: "Duan Mengqi, the station director, that under good conditions the technology can increase efficiency.",
            fix: None,
        },
        Example::Good("The fact that he came at all is remarkable."),
        Example::Bad {
            text: "US President George W. Bush in Singapore on the morning of November 16 and began a tour of Asia.",
            fix: None,
        },
        Example::Bad {
            text: "The award is widely as the Oscar equivalent in the automotive sector.",
            fix: None,
        },
        Example::Bad {
            text: "\"We will to significantly reduce carbon emissions by 2020,\" Hu said.",
            fix: None,
        },
        Example::Good("Bush in Singapore and Obama in Tokyo met their hosts."),
        Example::Good("The plan is widely seen as a success."),
        Example::Good("They did all they could to help the victims of the flood."),
        Example::Bad {
            text: "Just as Paris is as the fashion capital of the world today, Rome was the capital of fashion then.",
            fix: None,
        },
        Example::Good("Her role is as a mediator between the two parties."),
        Example::Bad {
            text: "In the next round, Real Madrid or Manchester City would be as opponents.",
            fix: None,
        },
        Example::Good("I would too."),
        Example::Good("Should the Arctic Ocean become ice-free in summer, the bears would suffer."),
        Example::Good("It's right by the Civic Center, so you can walk to the Opera House."),
        Example::Good("This store is by far the best one in the whole area."),
        Example::Bad {
            text: "It is that he will run for president in 2016.",
            fix: None,
        },
        Example::Good("The problem is that he will run for president in 2016."),
        Example::Good("It is that simple, and nobody can tell us otherwise."),
        Example::Bad {
            text: "The United Nations also to eventually set up a fund to help poor countries.",
            fix: None,
        },
        Example::Bad {
            text: "I don't if you realize that most of the goods are duty free.",
            fix: None,
        },
        Example::Bad {
            text: "After the officials the voter's identity, the voter puts the envelope in the box.",
            fix: None,
        },
        Example::Good("Before the war the Soviet Union, a great power, had many allies."),
        Example::Bad {
            text: "More than 9 million people have been by the severe flooding in Southeast Asia.",
            fix: None,
        },
        Example::Bad {
            text: "He was by pirates, attacked by a mad dog in Tibet and arrested in India.",
            fix: None,
        },
        Example::Bad {
            text: "The Crown Office has to journalists that there will be no comment.",
            fix: None,
        },
        Example::Bad {
            text: "Other felines that medium-sized prey ranging from rabbits to deer.",
            fix: None,
        },
        Example::Good("The students all left early."),
        Example::Good("Jiangxi this year issued new funds."),
        Example::Good("The house is by the sea."),
        Example::Good("What a wonderful day at the beach with the whole family!"),
        Example::Bad {
            text: "He has been unable to the pain with medication.",
            fix: None,
        },
        Example::Bad {
            text: "It would be absurd for Scotland to for independence at this time.",
            fix: None,
        },
        Example::Bad {
            text: "The Great Pyramid of Giza is the only one of the Seven Wonders that still today.",
            fix: None,
        },
        Example::Bad {
            text: "Manmohan Singh has a government, yet he an answer from Modi.",
            fix: None,
        },
        Example::Bad {
            text: "Scottish Transport Minister Keith Brown he was excited to work on the project.",
            fix: None,
        },
        Example::Bad {
            text: "Danielle Lantagne, a UN expert on the disease, that the outbreak was likely caused by the peacekeepers.",
            fix: None,
        },
        Example::Bad {
            text: "Dr Mall that some patients may have contracted the infection in the hospital.",
            fix: None,
        },
        Example::Bad {
            text: "34 percent of respondents this view and want her to be the last monarch.",
            fix: None,
        },
        Example::Bad {
            text: "The U.S. Supreme Court last year the Trump administration from including the question.",
            fix: None,
        },
        Example::Bad {
            text: "Mr. Chen several articles in the New Express blaming the company.",
            fix: None,
        },
        Example::Bad {
            text: "The government on Tuesday new measures against the drought.",
            fix: None,
        },
        Example::Good("The court last year ruled against the administration."),
        Example::Good("The book on the table that I bought last week is red."),
        Example::Good("The tribes who by then had settled the valley grew rice."),
        Example::Good("He wants to leave early, but he has to for family reasons."),
        Example::Good("They all came to the party at the end of the week."),
        Example::Good("I have a few how to videos on my channel for beginners."),
        Example::Good("Great spot to kick back for a cup of coffee and a snack."),
        Example::Good("Shuttle available to a private beach area with food and drinks."),
        Example::Good("Highly recommended for anyone who wants to have a website."),
        Example::Good("And what is their big main meal of the day in the summer."),
        Example::Good("Beer a bit expensive, but the food was good and cheap."),
        Example::Good(
            "If the negotiations stall, it seems like I need to go ahead and cut off the utilities.",
        ),
        Example::Good(
            "He reports that the Party, which had earlier been committed to the vote, is now wavering.",
        ),
        Example::Good("Nice and quiet place with a cosy living room just outside the city."),
        Example::Good("A great place to go for dinner after a day of wine tasting."),
        Example::Good("300 - Number of violations by the mining industry in the year 2003."),
        Example::Good("Simply type in the following link or go directly to the address field."),
    ],
};

/// Openers of clauses that must have their own finite verb.
const CLAUSE_OPENERS: &[&str] = &[
    "because", "although", "though", "whereas", "unless", "if", "whether", "when", "while",
];

/// Sentence openers after which English allows a verbless sentence.
const VERBLESS_OPENERS: &[&str] = &[
    "thanks",
    "thank",
    "please",
    "hello",
    "hi",
    "dear",
    "good",
    "happy",
    "congratulations",
    "welcome",
    "no",
    "yes",
    "ok",
    "okay",
    "what",
    "how",
    "such",
    "so",
    "more",
    "very",
    "not",
    "nothing",
];

fn is_verbish(t: Tag) -> bool {
    t.is_verb()
}

/// A participle or gerund used as an adjective inside a noun phrase: after a determiner,
/// possessive or adjective and before a noun ("in the flooded districts", "its growing
/// debt"). It is no clause's verb.
fn prenominal(v: &SentenceView, k: usize) -> bool {
    matches!(v.tag(k), Some(Tag::VBN | Tag::VBG))
        && k > 0
        && v.tag(k - 1)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::JJ | Tag::CD))
        && v.tag(k + 1).is_some_and(|t| t.is_noun() || t == Tag::JJ)
}

/// Verbs of saying whose clause may go without "that" and that take no small clause
/// ("said the evidence was insufficient"; unlike "found the evidence insufficient").
const SAYING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "stated",
    "added",
    "warned",
    "argued",
    "stressed",
    "explained",
    "claimed",
    "insisted",
];

/// "The judge said the evidence against the two brothers insufficient for a conviction.": a
/// verb of saying, a clause without "that" whose subject (with its phrases) is followed by a
/// predicate adjective, and no verb between.
fn bare_clause_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    for i in 1..v.len() {
        // Not the attribution after a quotation (", said the mayor").
        if !SAYING_VERBS.contains(&v.lower(i))
            || !v
                .tag(i)
                .is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP))
            || v.tag(i - 1).is_some_and(Tag::is_punct)
            || !matches!(
                v.lower(i + 1),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        {
            continue;
        }
        let mut k = np.basic_np(i + 1)?;
        while v.tag(k) == Some(Tag::IN)
            && let Some(e) = np.basic_np(k + 1)
        {
            k = e;
        }
        while v.tag(k).is_some_and(Tag::is_adverb) {
            k += 1;
        }
        let predicate = v.tag(k).is_some_and(|t| matches!(t, Tag::JJ | Tag::JJR))
            && !v.tag(k + 1).is_some_and(|t| t.is_noun() || t == Tag::JJ);
        let verbless = !(i + 1..k)
            .any(|j| (v.tag(j).is_some_and(is_verbish) && !prenominal(v, j)) || maybe_finite(v, j));
        if predicate && verbless {
            let end = clause_end(v, k);
            let (start, stop) = v.span(i + 1, end);
            return Some(Diagnosis {
                check: "",
                start,
                end: stop,
                message: format!(
                    "'{}' after '{}' has no verb: add it (often 'is' or 'was')",
                    v.slice(i + 1, end),
                    v.words[i]
                ),
                suggestion: None,
                confidence: 0.65,
            });
        }
    }
    None
}

/// Could token `k` be a finite verb? Besides finite tags, a participle with no "be"/"have"
/// before it and a base form with no "to", modal or "do" before it are taken as the finite
/// verbs the tagger may have misread ("The factions accused", "Data show").
fn maybe_finite(v: &SentenceView, k: usize) -> bool {
    let Some(t) = v.tag(k) else { return false };
    if t.is_finite_verb() {
        return true;
    }
    // The word before, adverbs skipped: a subject there makes a verb reading likely.
    let mut p = k;
    while p > 0 && v.tag(p - 1).is_some_and(Tag::is_adverb) {
        p -= 1;
    }
    let after_subject = p > 0
        && v.tag(p - 1).is_some_and(|t| {
            t.is_noun() || matches!(t, Tag::PRP | Tag::WDT | Tag::WP | Tag::RRB | Tag::Comma)
        });
    // What follows a finite verb: an object, a clause, an infinitive or a particle.
    let object_follows = v.tag(k + 1).is_some_and(|t| {
        matches!(
            t,
            Tag::DT | Tag::PRPS | Tag::PRP | Tag::CD | Tag::TO | Tag::RP
        ) || t.is_noun()
            || t.is_adjective()
    }) || v.lower(k + 1) == "that";
    match t {
        Tag::VBN => participle_read_as_finite(v, k, after_subject, object_follows),
        // "Its profits rose by a fifth": a past form the tagger read as an adverb, right after
        // its subject.
        Tag::RB => {
            after_subject
                && p == k
                && v.tag(k - 1)
                    .is_some_and(|t| matches!(t, Tag::NNS | Tag::NNP))
                && !v.lower(k).ends_with("ly")
                && Tagger::embedded().can_be(v.words[k], Tag::VBD)
        }
        Tag::VB => {
            after_subject
                && !words_before(v, k, 2)
                    .iter()
                    .any(|w| matches!(*w, "to" | "do" | "does" | "did") || MODALS.contains(w))
        }
        // "a boy in the back raises his hand": a plural noun right after a noun and before a
        // determiner is a verb the tagger misread.
        // "His research shows that …", "the industry accounts for …": a plural form the
        // lexicon knows as a verb, before a clause or a preposition, likewise.
        Tag::NNS => {
            after_subject
                && (matches!(v.tag(k + 1), Some(Tag::DT | Tag::PRPS))
                    || ((v.lower(k + 1) == "that" || v.tag(k + 1) == Some(Tag::IN))
                        && Tagger::embedded().can_be(v.words[k], Tag::VBZ)))
        }
        Tag::NN | Tag::JJ => lexicon_finite_verb(v, k, object_follows),
        _ => false,
    }
}

/// The words before token `k`, at most `n` of them, lowercased.
fn words_before<'a>(v: &'a SentenceView, k: usize, n: usize) -> Vec<&'a str> {
    (k.saturating_sub(n)..k).map(|j| v.lower(j)).collect()
}

/// Whether the participle at `k` is a finite past form the tagger misread. "Never before had
/// so many people …": "had" with no auxiliary before it is the auxiliary itself. "Thousands of
/// fans gathered outside …": a past form before a preposition, right after its subject.
fn participle_read_as_finite(
    v: &SentenceView,
    k: usize,
    after_subject: bool,
    object_follows: bool,
) -> bool {
    let no_auxiliary = !words_before(v, k, 3)
        .iter()
        .any(|w| BE.contains(w) || matches!(*w, "has" | "have" | "had" | "'ve" | "get" | "got"));
    (v.lower(k) == "had" && no_auxiliary)
        || (after_subject
            && no_auxiliary
            && (object_follows
                || (v
                    .tag(k - 1)
                    .is_some_and(|t| matches!(t, Tag::NNS | Tag::NNP | Tag::PRP))
                    && v.tag(k + 1) == Some(Tag::IN)
                    && Tagger::embedded().can_be(v.words[k], Tag::VBD))
                || announced_then_that(v, k)))
}

/// "The government announced on Friday that …": a verb of announcing after a noun, then a
/// time, or a place and then "that" ("The club announced on its website that …").
fn announced_then_that(v: &SentenceView, k: usize) -> bool {
    v.tag(k - 1).is_some_and(Tag::is_noun)
        && matches!(
            v.lower(k),
            "announced"
                | "said"
                | "reported"
                | "confirmed"
                | "stated"
                | "revealed"
                | "declared"
                | "warned"
                | "added"
        )
        && matches!(v.lower(k + 1), "on" | "in" | "at" | "last" | "this")
        && (v.words.get(k + 2).is_some_and(|w| {
            let w = w.to_lowercase();
            WEEKDAYS.contains(&w.as_str())
                || TIME_WORDS.contains(&w.as_str())
                || matches!(w.as_str(), "week" | "month" | "year" | "night")
        }) || (matches!(v.tag(k + 2), Some(Tag::PRPS | Tag::DT))
            && (k + 3..(k + 7).min(v.len()))
                .any(|j| v.lower(j) == "that" && v.tag(j - 1).is_some_and(Tag::is_noun))))
}

/// "Data show that …", "the beaches face the ocean", "a judge ordered officials", "a
/// 19-year-old fell over": a word the lexicon knows as a finite verb, right after a noun and
/// before what a verb takes, is one the tagger read as a noun or adjective.
fn lexicon_finite_verb(v: &SentenceView, k: usize, object_follows: bool) -> bool {
    let lexical_verb = [Tag::VBD, Tag::VBP, Tag::VBZ]
        .into_iter()
        .any(|t| Tagger::embedded().can_be(v.words[k], t));
    // An age after an article is a noun too ("a 19-year-old").
    let prev_noun = k > 0
        && (v.tag(k - 1).is_some_and(|t| t.is_noun() || t == Tag::RRB)
            || (k > 1
                && v.tag(k - 1) == Some(Tag::JJ)
                && v.words[k - 1].contains(|c: char| c.is_ascii_digit())
                && v.tag(k - 2) == Some(Tag::DT)));
    // "If the negotiations stall, …": a plural subject, then the verb ends the clause.
    let ends_clause = k > 0
        && v.tag(k + 1).is_some_and(Tag::is_punct)
        && v.tag(k - 1) == Some(Tag::NNS)
        && Tagger::embedded().can_be(v.words[k], Tag::VBP);
    let takes = object_follows
        || ends_clause
        || v.tag(k + 1) == Some(Tag::RP)
        || (v.tag(k + 1) == Some(Tag::RB) && v.tag(k + 2) == Some(Tag::CC));
    lexical_verb && prev_noun && takes
}

/// "Inflation in the eurozone in September 2.2 percent, Eurostat reported on Friday.": a
/// statement without any verb before its attribution (a noun phrase and a verb of saying
/// after the last comma). The statement must open like a clause, with a determiner, a noun
/// or a fronted phrase, and have five words or more.
fn reported_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    let comma = (0..v.len()).rev().find(|&k| v.words[k] == ",")?;
    let speaker_end = np.noun_phrase(comma + 1)?;
    // The speaker may carry a phrase ("the interior ministry in Rome said").
    let mut e = speaker_end;
    while v.tag(e) == Some(Tag::IN) {
        e = np.noun_phrase(e + 1)?;
    }
    if !ATTRIBUTION_VERBS.contains(&v.lower(e))
        || !v.tag(e).is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ))
    {
        return None;
    }
    // The attribution ends the sentence: after its verb only a day or a phrase ("on
    // Friday", "in a statement").
    let mut k = e + 1;
    loop {
        if v.tag(k) == Some(Tag::IN) {
            k = np.noun_phrase(k + 1)?;
        } else if v.tag(k).is_some_and(|t| t == Tag::NNP || t.is_adverb()) {
            k += 1;
        } else {
            break;
        }
    }
    if !v.tag(k).is_none_or(|t| t.is_punct()) || k + 1 < v.len() {
        return None;
    }
    let words = (0..comma)
        .filter(|&k| v.words[k].starts_with(char::is_alphanumeric))
        .count();
    let verbless = !(0..comma).any(|k| {
        v.tag(k)
            .is_some_and(|t| t.is_verb() || matches!(t, Tag::MD | Tag::TO))
            || maybe_finite(v, k)
            || misread_main_verb(v, k)
    });
    let opens = v
        .tag(0)
        .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::IN) || t.is_noun())
        || (v.tag(0) == Some(Tag::JJ) && v.tag(1).is_some_and(Tag::is_noun));
    // A quotation is its speaker's own words, verb or not.
    let quoted = (0..comma).any(|k| matches!(v.tag(k), Some(Tag::OpenQuote | Tag::CloseQuote)));
    if !verbless || !opens || quoted || words < 5 {
        return None;
    }
    let (start, end) = v.span(0, comma);
    Some(Diagnosis {
        check: "",
        start,
        end,
        message: format!(
            "What '{}' reports has no verb: a verb has been lost",
            v.words[e]
        ),
        suggestion: np
            .basic_np(0)
            .filter(|&s| s > 0 && s < comma)
            .and_then(|s| copula_before_predicate(v, s, comma)),
        confidence: 0.6,
    })
}

/// A sentence with no finite verb at all may have one the tagger misread: a lower-case word the
/// lexicon knows as a finite verb, right after a noun or pronoun and before what a verb takes
/// ("a speeding car hit two young men", "South Africa beat India by …", "Lower Saxony plans
/// to invest …", "The price of gold rose above …").
fn misread_main_verb(v: &SentenceView, k: usize) -> bool {
    // The verb follows its subject, so the sentence's first word is none.
    let Some(&w) = v.words.get(k).filter(|_| k > 0) else {
        return false;
    };
    if !w.starts_with(|c: char| c.is_lowercase()) || v.tag(k).is_some_and(Tag::is_finite_verb) {
        return false;
    }
    // The subject may end in a number ("an earthquake of magnitude 6.2 struck …"), and
    // adverbs may stand between it and the verb ("A fair rarely attracted …", where the
    // determiner makes "fair" a noun).
    let mut j = k - 1;
    while j > 0 && v.tag(j) == Some(Tag::RB) && !v.words[j].starts_with(char::is_uppercase) {
        j -= 1;
    }
    let after_subject = v.tag(j).is_some_and(|t| t.is_noun() || t == Tag::PRP)
        || (j > 0 && v.tag(j) == Some(Tag::CD) && v.tag(j - 1).is_some_and(Tag::is_noun))
        || (j > 0
            && j < k - 1
            && v.tag(j) == Some(Tag::JJ)
            && v.tag(j - 1) == Some(Tag::DT)
            && Tagger::embedded().can_be(v.words[j], Tag::NN));
    let takes = v.tag(k + 1).is_some_and(|t| {
        matches!(
            t,
            Tag::DT | Tag::CD | Tag::IN | Tag::TO | Tag::NNP | Tag::PRP | Tag::PRPS | Tag::RP
        )
    }) || (v.tag(k + 1) == Some(Tag::JJ) && v.tag(k + 2) == Some(Tag::NNP))
        // A plural object after a past in "-ed" ("attracted peasants").
        || (v.tag(k + 1) == Some(Tag::NNS) && w.ends_with("ed"))
        // "spans more than 6 centuries", "attracted fewer than 20 people"
        || (matches!(v.lower(k + 1), "more" | "less" | "fewer") && v.lower(k + 2) == "than");
    // Only readings the tagger gives a verb by mistake: a lower-case word as a name or an
    // adverb that is also a past form ("hit", "beat"; not "back"), a plural noun before "to"
    // that is also a verb in "-s".
    let lexicon = |t| Tagger::embedded().can_be(w, t);
    let misread = match v.tag(k) {
        Some(Tag::NNP | Tag::NNPS | Tag::RB) => !w.ends_with("ly") && lexicon(Tag::VBD),
        // A noun only when the word is a past form and nothing else finite ("rose", not
        // "place").
        Some(Tag::NN) => lexicon(Tag::VBD) && !lexicon(Tag::VBP) && !lexicon(Tag::VBZ),
        // (Or, after a singular noun, before an amount: "the Ottoman Empire spans more than
        // 6 centuries".)
        Some(Tag::NNS) => {
            lexicon(Tag::VBZ)
                && (v.tag(k + 1) == Some(Tag::TO)
                    || (v
                        .tag(k - 1)
                        .is_some_and(|t| matches!(t, Tag::NN | Tag::NNP))
                        && matches!(v.lower(k + 1), "more" | "less" | "fewer")))
        }
        // A past form read as an adjective or participle ("Inflation slowed to 2.6 percent",
        // "magnitude 6.2 struck western Turkey").
        // Not before a preposition, where a participle is more often a reduced relative
        // ("a carriage surrounded by …"), unless it is "to" and a number.
        Some(Tag::JJ | Tag::VBN) => {
            lexicon(Tag::VBD)
                && (w.ends_with("ed") || !lexicon(Tag::VB))
                && (v.tag(k + 1) != Some(Tag::IN)
                    || (v.lower(k + 1) == "to" && v.tag(k + 2) == Some(Tag::CD)))
        }
        _ => false,
    };
    misread && after_subject && takes
}

/// Whether the noun phrase that ends at `j` has a plural head: the noun at `j`, or the noun
/// before its "of" phrase ("the people of the hilly area").
fn plural_subject_head(v: &SentenceView, j: usize) -> bool {
    let plural = |i: usize| {
        v.tag(i).is_some_and(|t| matches!(t, Tag::NNS | Tag::NNPS))
            || matches!(v.lower(i), "people" | "police")
    };
    if plural(j) {
        return true;
    }
    // Back over the "of" phrase's determiner, adjectives and nouns.
    let mut i = j;
    while i > 0
        && v.tag(i)
            .is_some_and(|t| t.is_noun() || t.is_adjective() || matches!(t, Tag::DT | Tag::CD))
    {
        i -= 1;
    }
    v.lower(i) == "of" && i > 0 && plural(i - 1)
}

/// The checks of this rule, tried in order; the first that finds something reports.
const CHECKS: &[Check] = &[
    ("copula-missing", copula_missing),
    ("copula-dropped", copula_dropped),
    ("verbless-clause", verbless_clause),
    ("auxiliary-without-verb", auxiliary_without_verb),
    ("do-or-have-without-verb", do_or_have_without_verb),
    ("source-without-according", source_without_according),
    ("subject-then-that-clause", subject_then_that_clause),
    ("relative-without-verb", relative_without_verb),
    ("infinitive-without-verb", infinitive_without_verb),
    ("pronoun-without-verb", pronoun_without_verb),
    ("subject-then-infinitive", subject_then_infinitive),
    ("first-conjunct-without-verb", first_conjunct_without_verb),
    ("subject-then-object", subject_then_object),
    ("subject-adverb-without-verb", subject_adverb_without_verb),
    ("subordinate-pronoun-alone", subordinate_pronoun_alone),
    ("name-then-clause", name_then_clause),
    ("verb-deficit", verb_deficit),
    ("reported-without-verb", reported_without_verb),
    ("bare-clause-without-verb", bare_clause_without_verb),
];

impl Detector for MissingVerb {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn checks(&self) -> Vec<&'static str> {
        CHECKS.iter().map(|(name, _)| *name).collect()
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence
            || v.len() < 5
            || matches!(v.words.last(), Some(&"?") | Some(&"!"))
        {
            return;
        }
        if let Some(d) = first_check(CHECKS, v) {
            out.push(d);
        }
    }
}

/// "other felines that on much larger numbers of small prey", "tribes who by hunting, gathering
/// and fishing.", "a route which frequently through remote areas.": a relative pronoun after its
/// noun, then an adverbial and no verb before the clause ends. (A relative clause may open with
/// an adverbial, but its verb follows: "who by then had left", "which in turn feeds the
/// river".)
fn relative_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    for i in 1..v.len().saturating_sub(2) {
        if !(matches!(v.lower(i), "who" | "which" | "that")
            && matches!(v.tag(i), Some(Tag::WP | Tag::WDT))
            && v.tag(i - 1).is_some_and(Tag::is_noun)
            && v.tag(i + 1).is_some_and(|t| {
                matches!(t, Tag::IN | Tag::RB | Tag::JJ | Tag::NN | Tag::NNS)
                    || matches!(v.lower(i + 1), "them" | "him" | "her" | "us" | "me")
            }))
        {
            continue;
        }
        let end = clause_end(v, i + 1);
        if end < i + 3 {
            continue;
        }
        let verb = (i + 1..end)
            .any(|k| v.tag(k).is_some_and(|t| t.is_verb() && t != Tag::VBG) || maybe_finite(v, k));
        if !verb {
            return Some(whole(
                v,
                i,
                end,
                format!("'{}' has no verb: a verb has been lost", v.slice(i, end)),
                0.6,
            ));
        }
    }
    None
}

/// Words after which "to" can only open an infinitive ("unable to relieve", "how to buy",
/// "tried to reach").
const INFINITIVE_HEADS: &[&str] = &[
    "able",
    "unable",
    "how",
    "want",
    "wants",
    "wanted",
    "try",
    "tries",
    "tried",
    "trying",
    "decide",
    "decided",
    "decides",
    "managed",
    "refused",
    "refuse",
    "intend",
    "intends",
    "intended",
    "attempt",
    "attempted",
    "attempting",
    "eager",
    "willing",
    "unwilling",
    "has",
    "have",
    "had",
    "having",
];

/// "He has been unable to the pain with medication.", "how to tickets for polo matches", "It
/// will be interesting to if the Pope …", "for Scotland to for independence": "to" where only
/// an infinitive can stand, with no verb after it.
fn infinitive_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    for k in 1..v.len().saturating_sub(1) {
        if v.lower(k) != "to" {
            continue;
        }
        let next = v.lower(k + 1);
        let Some(t) = v.tag(k + 1) else { continue };
        // ("a few how to videos" is a compound noun.)
        let head = v.lower(k - 1);
        let after_head = INFINITIVE_HEADS.contains(&head)
            && (matches!(t, Tag::DT | Tag::PRPS | Tag::CD) || matches!(t, Tag::NN | Tag::NNS))
            && !Tagger::embedded().can_be(v.words[k + 1], Tag::VB)
            && !(head == "how"
                && v.tag(k.saturating_sub(2))
                    .is_some_and(|t| t.is_adjective() || t == Tag::DT));
        // A clause or "for"-phrase cannot follow "to" at all ("to if", "to for"), unless "to"
        // ends a verb's phrase whose infinitive is understood ("he wants to for no reason",
        // "a leader they look to for advice").
        let before_clause = matches!(next, "if" | "whether" | "because" | "although" | "for")
            && v.tag(k - 1)
                .is_some_and(|t| !t.is_punct() && !t.is_verb() && t != Tag::CD);
        if after_head || before_clause {
            return Some(whole(
                v,
                k - 1,
                k + 2,
                format!(
                    "'{} to' is followed by '{}', not a verb: the verb has been lost or moved to the end",
                    v.words[k - 1],
                    v.words[k + 1]
                ),
                0.6,
            ));
        }
    }
    None
}

/// "In 1989, he Brooks and Groening create The Simpsons …", "yet he an answer from Modi",
/// "Scottish Transport Minister Keith Brown he was excited …": a subject pronoun followed by a
/// determiner, a number or a name (the verb between them is gone), or a name directly followed
/// by "he"/"she" (the verb of saying before the reported clause is gone).
fn pronoun_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    for p in 0..v.len().saturating_sub(2) {
        let w = v.lower(p);
        if !(matches!(w, "he" | "she" | "we" | "they") && v.tag(p) == Some(Tag::PRP)) {
            continue;
        }
        let next = v.tag(p + 1)?;
        // A name is capitalized and not an acronym ("int he DFW area" is a typo).
        let name = next == Tag::NNP && {
            let n = v.words[p + 1];
            n.starts_with(char::is_uppercase) && n.chars().skip(1).any(char::is_lowercase)
        };
        let object = (matches!(next, Tag::DT | Tag::PRPS | Tag::CD) || name)
            && !matches!(
                v.lower(p + 1),
                "all" | "both" | "each" | "either" | "neither" | "half" | "no"
            )
            && v.tag(p + 2).is_some_and(|t| !t.is_punct());
        // (Not a name after a preposition: "In Upper Egypt he added …" fronts a place.)
        let mut name_start = p;
        while name_start > 0 && v.tag(name_start - 1) == Some(Tag::NNP) {
            name_start -= 1;
        }
        let after_name = p > 1
            && matches!(w, "he" | "she")
            && v.tag(p - 1) == Some(Tag::NNP)
            && v.tag(p - 2) == Some(Tag::NNP)
            && v.tag(p + 1).is_some_and(Tag::is_finite_verb)
            && !(name_start > 0 && v.tag(name_start - 1) == Some(Tag::IN));
        if object || after_name {
            let (a, b) = if object { (p, p + 2) } else { (p - 2, p + 2) };
            let mut d = whole(
                v,
                a,
                b,
                format!(
                    "'{}' has no verb between '{}' and '{}': the verb has been lost or moved to the end",
                    v.slice(a, b),
                    v.words[if object { p } else { p - 1 }],
                    v.words[if object { p + 1 } else { p }]
                ),
                0.6,
            );
            if object {
                d.suggestion = verb_from_end(v, p + 1, clause_end(v, p + 1));
            }
            return Some(d);
        }
    }
    None
}

/// Adverbs of degree, negation and time that may stand between a subject and its "be".
const COPULA_ADVERBS: &[&str] = &[
    "very",
    "so",
    "too",
    "really",
    "extremely",
    "not",
    "yet",
    "still",
    "also",
    "quite",
    "now",
    "already",
    "fully",
    "completely",
    "absolutely",
    "deeply",
    "highly",
    "always",
    "never",
];

/// "We very sorry for the inconvenience", "It not yet clear when …", "There no reason to
/// panic": a subject pronoun or "there" opening the main clause, then (after adverbs of degree
/// or negation) a predicate adjective, or after "there" a noun phrase, with no "be" between.
/// A pronoun or "there" cannot stand before an adjective or a noun phrase without a verb.
/// (After a noun phrase the adjective may start a phrase of the subject, "the dangers
/// implicit in …", or the sentence be a fragment, "Good job very professional.", so noun
/// phrases are left alone.) Suggests the sentence with "is", "are" or "am" put in.
fn copula_missing(v: &SentenceView) -> Option<Diagnosis> {
    copula_missing_at_start(v).or_else(|| pronoun_then_predicate(v))
}

/// Words before a subject pronoun that make it no subject of a clause of its own: a
/// comparison ("taller than they", "as good as we") or a preposition ("between he and I").
fn pronoun_in_comparison(v: &SentenceView, p: usize) -> bool {
    p > 0
        && (matches!(v.lower(p - 1), "than" | "as" | "like" | "but" | "except")
            || (v.tag(p - 1) == Some(Tag::IN) && !is_subordinator(v.lower(p - 1))))
}

fn is_subordinator(w: &str) -> bool {
    SUBORDINATORS.contains(&w) || w == "that"
}

/// "If there is no male they probably infertile", "I need to know how they different and
/// alike", "so that we able to help": a subject pronoun inside the sentence (after a
/// subordinator, a conjunction, a comma or a noun, never after a verb, which makes a question
/// or an inversion, nor in a comparison), adverbs, then a predicate adjective that ends the
/// clause, with no verb between: a subject pronoun cannot stand before its predicate without
/// "be". The clause with the form of "be" its pronoun and tense call for.
fn pronoun_then_predicate(v: &SentenceView) -> Option<Diagnosis> {
    for p in 1..v.len().saturating_sub(2) {
        let w = v.lower(p);
        if !(matches!(w, "i" | "he" | "she" | "we" | "they") && v.tag(p) == Some(Tag::PRP)) {
            continue;
        }
        let before = v.tag(p - 1)?;
        if before.is_verb() || before == Tag::TO || pronoun_in_comparison(v, p) {
            continue;
        }
        let mut k = p + 1;
        while k < v.len()
            && (COPULA_ADVERBS.contains(&v.lower(k))
                || (v.tag(k) == Some(Tag::RB) && v.lower(k).ends_with("ly")))
        {
            k += 1;
        }
        // An adjective that ends its clause ("they different and alike in …"): not one that
        // stands after a pronoun as its apposition ("we alone", "they both").
        let closes = |n: usize| {
            v.tag(n)
                .is_none_or(|t| matches!(t, Tag::IN | Tag::TO | Tag::WRB | Tag::CC) || t.is_punct())
        };
        if !(v.tag(k) == Some(Tag::JJ)
            && !matches!(v.lower(k), "alone" | "both" | "all" | "each" | "together")
            && closes(k + 1))
        {
            continue;
        }
        let words: Vec<&str> = (0..v.len()).map(|i| v.lower(i)).collect();
        let end = clause_end(v, p + 1);
        use crate::tense::Tense::{Future, Past, Present};
        let copula = match (
            crate::tense::be_tense(&words, &v.sentence.tags, p + 1, end),
            w,
        ) {
            (Future, _) => "will be",
            (Past, "we" | "they") => "were",
            (Past, _) => "was",
            (Present, "i") => "am",
            (Present, "we" | "they") => "are",
            (Present, _) => "is",
        };
        return Some(copula_diagnosis(v, p, p + 1, k, copula));
    }
    None
}

/// The finding for a subject from `start` to `subject_end` without its `copula` before the
/// predicate at `k`, with the sentence that has it put in after the subject.
fn copula_diagnosis(
    v: &SentenceView,
    start: usize,
    subject_end: usize,
    k: usize,
    copula: &str,
) -> Diagnosis {
    let pieces = [
        Piece::Tokens(0, subject_end),
        Piece::Text(copula.into()),
        Piece::Tokens(subject_end, v.len()),
    ];
    let (a, b) = v.span(start, k + 1);
    Diagnosis {
        check: "",
        start: a,
        end: b,
        message: format!(
            "'{}' lacks '{copula}' before '{}': add it",
            v.slice(start, k + 1),
            v.words[k]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.6,
    }
}

/// The main clause's subject pronoun or "there" without its "be" (see [`copula_missing`]).
fn copula_missing_at_start(v: &SentenceView) -> Option<Diagnosis> {
    let (start, _) = main_clause_start(v);
    let first = v.lower(start);
    let pronoun = v.tag(start) == Some(Tag::PRP)
        && matches!(first, "i" | "we" | "you" | "they" | "he" | "she" | "it");
    let there = v.tag(start) == Some(Tag::EX) && first == "there";
    if !(pronoun || there) {
        return None;
    }
    let subject_end = start + 1;
    let mut k = subject_end;
    while k < v.len() && COPULA_ADVERBS.contains(&v.lower(k)) {
        k += 1;
    }
    let t = v.tag(k)?;
    let closes_adjective = |n: usize| {
        v.tag(n)
            .is_none_or(|t| matches!(t, Tag::IN | Tag::TO | Tag::WRB | Tag::CC) || t.is_punct())
    };
    let predicate = if there {
        matches!(
            v.lower(k),
            "no" | "many" | "several" | "enough" | "little" | "few"
        ) && v.tag(k + 1).is_some_and(Tag::is_noun)
    } else {
        // The tagger may read an adjective after "not" or a degree word as a verb ("It not
        // yet clear when …").
        let adjective = t == Tag::JJ
            || (matches!(t, Tag::VB | Tag::VBP)
                && (subject_end..k).any(|j| {
                    matches!(
                        v.lower(j),
                        "not" | "very" | "so" | "too" | "extremely" | "quite"
                    )
                })
                && Tagger::embedded().can_be(v.words[k], Tag::JJ));
        adjective && closes_adjective(k + 1)
    };
    if !predicate {
        return None;
    }
    let plural = match first {
        "i" => None,
        "we" | "you" | "they" => Some(true),
        "he" | "she" | "it" => Some(false),
        _ => Some(v.tag(k + 1) == Some(Tag::NNS)),
    };
    let copula = match plural {
        None => "am",
        Some(true) => "are",
        Some(false) => "is",
    };
    Some(copula_diagnosis(v, start, subject_end, k, copula))
}

/// Prepositions whose phrase, alone after a subject, is more often its predicate than a part
/// of it: a side taken or a place held.
const PREDICATE_PREPOSITIONS: &[&str] = &["behind", "against", "ahead", "among", "beyond"];

/// "the evidence … not sufficient", "Net profit in the third quarter 418 million euros": a
/// clause whose subject ends at `subject_end` and whose predicate (after the subject's
/// phrases and any adverbs) is an adjective or an amount, with no verb: the clause with "be"
/// put before the predicate, in the number of the subject's head and the tense the clause
/// calls for ([`crate::tense::be_tense`]). None for any other shape of clause (before `end`).
fn copula_before_predicate(v: &SentenceView, subject_end: usize, end: usize) -> Option<String> {
    let np = v.chunker();
    let mut k = subject_end;
    let mut last_phrase = subject_end;
    let mut phrases = 0;
    // The subject's phrases ("in the eurozone", "against the man from Utrecht").
    while k < end && v.tag(k) == Some(Tag::IN) {
        last_phrase = k + 1;
        phrases += 1;
        k = np.noun_phrase(k + 1).filter(|&e| e <= end)?;
    }
    let closes = |n: usize| {
        n >= end
            || v.tag(n)
                .is_none_or(|t| matches!(t, Tag::IN | Tag::TO | Tag::CC) || t.is_punct())
    };
    // One phrase of a place or side that ends the clause is its predicate ("that the country
    // behind Al Sarraj" → "… is behind Al Sarraj"); "of", "in", "on" … rather modify the noun.
    // (In lower case: a title's "Behind the Barbed Wire" is no clause.)
    if phrases == 1 && k >= end && PREDICATE_PREPOSITIONS.contains(&v.words[last_phrase - 1]) {
        return Some(with_copula(v, subject_end, end, last_phrase - 1));
    }
    // The last phrase may have taken in the amount that is the predicate ("in the third
    // quarter | 418 million euros", "in September | 2.2 percent"): a number right after its
    // noun, at the end of the statement.
    if last_phrase > subject_end
        && closes(k)
        && let Some(c) = (last_phrase + 1..k).find(|&c| {
            v.tag(c) == Some(Tag::CD)
                && v.tag(c - 1)
                    .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS | Tag::NNP))
        })
    {
        return Some(with_copula(v, subject_end, end, c));
    }
    // The last phrase may have taken in the amount of the adjective ("in the north 4
    // percent | higher").
    let gap = if v.tag(k).is_some_and(Tag::is_adjective) {
        super::words::amount_start(v, k, subject_end)
    } else {
        k
    };
    while k < end
        && (COPULA_ADVERBS.contains(&v.lower(k))
            || matches!(
                v.lower(k),
                "not" | "still" | "currently" | "now" | "already" | "no" | "longer"
            ))
    {
        k += 1;
    }
    let t = v.tag(k)?;
    let predicate = if t.is_adjective() {
        closes(k + 1)
    } else if t == Tag::CD {
        np.noun_phrase(k).is_some_and(closes)
    } else {
        false
    };
    if !predicate {
        return None;
    }
    Some(with_copula(v, subject_end, end, gap))
}

/// The sentence with the "be" its subject (ending at `subject_end`) needs put in at `gap`:
/// plural after a plural head, in the tense the clause calls for.
fn with_copula(v: &SentenceView, subject_end: usize, end: usize, gap: usize) -> String {
    use crate::tense::Tense::{Future, Past, Present};
    let head = subject_end.saturating_sub(1);
    let plural = v
        .tag(head)
        .is_some_and(|t| matches!(t, Tag::NNS | Tag::NNPS));
    let words: Vec<&str> = (0..v.len()).map(|i| v.lower(i)).collect();
    let tense = crate::tense::be_tense(&words, &v.sentence.tags, subject_end, end);
    let copula = match (tense, plural) {
        (Future, _) => "will be",
        (Past, false) => "was",
        (Past, true) => "were",
        (Present, false) => "is",
        (Present, true) => "are",
    };
    let pieces = [
        Piece::Tokens(0, gap),
        Piece::Text(copula.into()),
        Piece::Tokens(gap, v.len()),
    ];
    render(v, &pieces)
}

/// "According to the ministry, the unemployment rate in Spain in June 11.3 percent.", "The
/// price of petrol now higher than in any neighbouring country.": a statement with no verb at
/// all (before an attribution such as ", a spokesman said"), a noun phrase for its subject,
/// then (after the subject's phrases and adverbs) an adjective or an amount: the "be" between
/// them has been lost. Suggests the statement with it put back.
fn copula_dropped(v: &SentenceView) -> Option<Diagnosis> {
    let (start, _) = main_clause_start(v);
    let np = v.chunker();
    // The statement ends at the last comma when an attribution follows it.
    let content = (0..v.len())
        .rev()
        .find(|&k| !v.tag(k).is_some_and(Tag::is_punct))
        .map_or(0, |k| k + 1);
    let end = (start..content)
        .rev()
        .find(|&c| {
            v.words[c] == ","
                && np.noun_phrase(c + 1).is_some_and(|e| {
                    ATTRIBUTION_VERBS.contains(&v.lower(e))
                        && v.tag(e).is_some_and(Tag::is_finite_verb)
                })
        })
        .unwrap_or(content);
    let words = (start..end)
        .filter(|&k| v.words[k].starts_with(char::is_alphanumeric))
        .count();
    // A subject opened by a determiner: a bare noun opens headlines and notes ("Shuttle
    // available to the beach").
    if words < 5
        || !v
            .tag(start)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS))
    {
        return None;
    }
    let verbless = !(0..end).any(|k| {
        v.tag(k)
            .is_some_and(|t| t.is_finite_verb() || matches!(t, Tag::MD | Tag::TO))
            || maybe_finite(v, k)
            || misread_main_verb(v, k)
    });
    if !verbless {
        return None;
    }
    let subject_end = np.basic_np(start)?;
    let rewrite = copula_before_predicate(v, subject_end, end)?;
    let (a, b) = v.span(start, end);
    Some(Diagnosis {
        check: "",
        start: a,
        end: b,
        message: format!(
            "'{}' has no verb: 'be' has been lost before what it says of '{}'",
            v.slice(start, end),
            v.slice(start, subject_end)
        ),
        suggestion: Some(rewrite),
        confidence: 0.7,
    })
}

/// The clause whose subject ends at `subject_end` (and which ends before `end`) with its verb
/// taken back from the clause's end, where machine translation from Dutch or German left it:
/// "If the parliament the treaty before June rejects," → "If the parliament rejects the treaty
/// before June,"; "that it the contract until 2027 extended has" → "that it has extended the
/// contract until 2027". The clause's last word is its verb when it can be one (the tagger may
/// read it as a noun: "rejects"), with the verb before it when it is an auxiliary. None when the
/// clause does not end so.
fn verb_from_end(v: &SentenceView, subject_end: usize, end: usize) -> Option<String> {
    let mut last = end.min(v.len());
    while last > subject_end && v.tag(last - 1).is_some_and(Tag::is_punct) {
        last -= 1;
    }
    if last < subject_end + 2 {
        return None;
    }
    let l = last - 1;
    let can_be_verb = |k: usize| {
        v.tag(k).is_some_and(|t| t.is_verb())
            || [Tag::VBZ, Tag::VBD, Tag::VBP, Tag::VBN, Tag::VB]
                .iter()
                .any(|&t| Tagger::embedded().can_be(v.words[k], t))
    };
    let auxiliary = |k: usize| v.tag(k) == Some(Tag::MD) || AUXILIARIES.contains(&v.lower(k));
    // The verb group in English order: an auxiliary before its verb ("extended has" → "has
    // extended"), the middle's adverbs just before the verb.
    let with_aux = auxiliary(l) && l > subject_end + 1 && can_be_verb(l - 1);
    if !with_aux && (auxiliary(l) || !can_be_verb(l)) {
        return None;
    }
    let start = if with_aux { l - 1 } else { l };
    let (adverbs, middle) = super::rewrite::english_middle(v, subject_end, start)
        .unwrap_or_else(|| (Vec::new(), vec![Piece::Tokens(subject_end, start)]));
    let mut pieces = vec![Piece::Tokens(0, subject_end)];
    if with_aux {
        pieces.push(Piece::Tokens(l, l + 1));
    }
    pieces.extend(adverbs);
    pieces.push(Piece::Tokens(start, start + 1));
    pieces.extend(middle);
    pieces.push(Piece::Tokens(last, v.len()));
    Some(render(v, &pieces))
}

/// Where the clause opened at `i` ends: the next comma, semicolon, colon, dash or the end.
fn clause_end(v: &SentenceView, from: usize) -> usize {
    (from..v.len())
        .find(|&k| {
            matches!(v.words[k], "," | ";" | ":" | "-" | "–" | "—") || is_final_punct(v.words[k])
        })
        .unwrap_or(v.len())
}

/// "that" as a determiner, not a clause's opener: before a singular noun (or adjectives and
/// one), after a verb that takes an object more often than a clause ("made that sacrifice a
/// success", "disclosed that conversation with the president", "heading that way").
fn demonstrative_that(v: &SentenceView, i: usize) -> bool {
    let mut k = i + 1;
    while v.tag(k) == Some(Tag::JJ) {
        k += 1;
    }
    v.tag(k) == Some(Tag::NN)
        && frames()
            .get(v.lower(i - 1))
            .is_some_and(|f| f.object_rate > f.clause_rate)
}

/// A word that can be a finite verb right after its subject, at the end of the clause or
/// before a preposition: the clause's verb, read as a noun ("when the right atrium
/// contracts,", "if a snake bites", "though sludge gathers in some places", "while the rich
/// rejoice").
fn clause_final_verb(v: &SentenceView, k: usize) -> bool {
    let subject_before = k > 0
        && (v.tag(k - 1).is_some_and(|t| t.is_noun() || t == Tag::PRP)
            || (k > 1 && v.tag(k - 1) == Some(Tag::JJ) && v.tag(k - 2) == Some(Tag::DT)));
    let ends = v.tag(k + 1).is_none_or(|t| t.is_punct() || t == Tag::IN);
    subject_before
        && ends
        && v.tag(k)
            .is_some_and(|t| t.is_noun() || t.is_adjective() || t.is_verb())
        && [Tag::VBD, Tag::VBP, Tag::VBZ]
            .into_iter()
            .any(|t| Tagger::embedded().can_be(v.words[k], t))
}

/// After the comma at `comma`, more items of a list (noun phrases and commas, with "and" or
/// "or" before the last) and then a verb.
fn list_then_verb(v: &SentenceView, comma: usize) -> bool {
    let mut joined = false;
    for k in comma + 1..v.len() {
        let Some(t) = v.tag(k) else { return false };
        if t == Tag::MD || t.is_finite_verb() || maybe_finite(v, k) {
            return joined;
        }
        joined |= t == Tag::CC;
        let item = t.is_noun()
            || t.is_adjective()
            || matches!(
                t,
                Tag::DT | Tag::CC | Tag::POS | Tag::PRPS | Tag::CD | Tag::IN
            )
            || v.words[k] == ",";
        if !item {
            return false;
        }
    }
    false
}

/// "says that the land behind Al Sarraj", "When you someone thousands of miles away,".
fn verbless_clause(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    for i in 0..v.len() {
        let w = v.lower(i);
        let complementizer = w == "that"
            && i > 0
            && v.tag(i - 1).is_some_and(is_verbish)
            && !demonstrative_that(v, i);
        let subordinator =
            CLAUSE_OPENERS.contains(&w) && matches!(v.tag(i), Some(Tag::IN | Tag::WRB));
        // "After the officials the voter's identity, …": a preposition that may open a clause,
        // then two noun phrases in a row (a subject and an object) with no verb.
        if !(complementizer || subordinator) {
            if matches!(w, "after" | "before" | "since" | "until" | "once")
                && let Some(e) = np.basic_np(i + 1)
                && matches!(v.tag(e), Some(Tag::DT | Tag::PRPS))
                // ("since 1997 a letter each year": a year is a time, not a subject.)
                && !(i + 1..e).all(|k| v.tag(k) == Some(Tag::CD))
                && let Some(object_end) = np.basic_np(e)
                // ("before the incident the People's Daily, the mouthpiece, had commented":
                // a name after a fronted phrase is the main clause's subject.)
                && !(e..object_end).any(|k| v.tag(k).is_some_and(Tag::is_proper_noun))
            {
                let end = clause_end(v, object_end);
                if !(i + 1..end).any(|k| v.tag(k).is_some_and(is_verbish) || maybe_finite(v, k)) {
                    let (start, stop) = v.span(i, end);
                    return Some(Diagnosis {
                        check: "",
                        start,
                        end: stop,
                        message: format!(
                            "'{}' has no verb between its subject and its object: the verb has been lost or moved to the end",
                            v.slice(i, end)
                        ),
                        suggestion: None,
                        confidence: 0.6,
                    });
                }
            }
            continue;
        }
        // The clause needs a subject of its own (not "if necessary", "when in doubt",
        // "when examining the responses", "while scoring 2 goals").
        if v.tag(i + 1)
            .is_some_and(|t| matches!(t, Tag::VBG | Tag::VBN))
            || (v.lower(i + 1).ends_with("ing")
                && Tagger::embedded().can_be(v.words[i + 1], Tag::VBG))
        {
            continue;
        }
        let Some(subject_end) = np.basic_np(i + 1) else {
            continue;
        };
        let end = clause_end(v, subject_end);
        if end - (i + 1) < 3 {
            continue;
        }
        // "that the Party, which had been committed to it, is now wavering", "that a reprint,
        // with a new cover, is available": a relative clause or a phrase set off by commas
        // after the subject; the verb follows it.
        if v.words.get(end) == Some(&",")
            && v.tag(end + 1)
                .is_some_and(|t| matches!(t, Tag::WDT | Tag::WP | Tag::IN))
        {
            continue;
        }
        // "that the overthrow of …, then the world's strongest supporter …, would bring": an
        // apposition set off by commas, and the verb after the second comma.
        if v.words.get(end) == Some(&",")
            && (end + 1..v.len()).any(|c| {
                v.words[c] == ","
                    && v.tag(c + 1)
                        .is_some_and(|t| t == Tag::MD || t.is_finite_verb())
            })
        {
            continue;
        }
        // "When President George W. Bush, Musharraf and Karzai held …", "that the number of
        // merchants, merchant ships, and merchandise should be …": the subject is a list, and
        // the verb follows its last item.
        if v.words.get(end) == Some(&",") && list_then_verb(v, end) {
            continue;
        }
        let has_verb = (subject_end..end).any(|k| {
            (v.tag(k).is_some_and(is_verbish) && !prenominal(v, k))
                || maybe_finite(v, k)
                || clause_final_verb(v, k)
        });
        // A verb swallowed by the noun phrase ("the people there work") counts too.
        let verb_in_subject =
            (i + 1..subject_end).any(|k| maybe_finite(v, k) || clause_final_verb(v, k));
        if !has_verb && !verb_in_subject {
            let (start, stop) = v.span(i, end);
            return Some(Diagnosis {
                check: "",
                start,
                end: stop,
                message: format!(
                    "'{}' has no verb: the verb has been lost or moved to the end",
                    v.slice(i, end)
                ),
                suggestion: copula_before_predicate(v, subject_end, end),
                confidence: 0.7,
            });
        }
    }
    None
}

fn whole(v: &SentenceView, a: usize, b: usize, message: String, confidence: f64) -> Diagnosis {
    let (start, end) = v.span(a, b);
    Diagnosis {
        check: "",
        start,
        end,
        message,
        suggestion: None,
        confidence,
    }
}

/// "would also over custody", "is also carefully by Liu": an auxiliary whose verb is gone.
fn auxiliary_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    for a in 0..v.len() {
        let w = v.lower(a);
        let modal = v.tag(a) == Some(Tag::MD) && MODALS.contains(&w);
        let be = BE.contains(&w) && v.tag(a).is_some_and(Tag::is_verb);
        if !(modal || be) {
            continue;
        }
        let mut k = a + 1;
        let mut manner = false;
        let mut participial = false;
        while v.tag(k).is_some_and(Tag::is_adverb) || matches!(v.lower(k), "n't" | "n’t" | "not")
        {
            manner |= v.lower(k).ends_with("ly");
            participial |= PARTICIPLE_ADVERBS.contains(&v.lower(k));
            k += 1;
        }
        let next = v.tag(k)?;
        let missing = if modal {
            modal_lacks_verb(v, a, k, next)
        } else {
            be_lacks_participle(v, a, k, next, manner, participial)
        };
        if missing {
            return Some(no_verb_with(v, a, k));
        }
    }
    None
}

/// Whether the modal at `a`, with the word at `k` (tagged `next`) after its adverbs, lacks its
/// verb. A modal takes a verb; "would also over custody" has none. (Ellipsis is English: "I
/// would too.", "as much as they can for you".)
fn modal_lacks_verb(v: &SentenceView, a: usize, k: usize, next: Tag) -> bool {
    let w = v.lower(a);
    let adverb_between = k > a + 1;
    // "stronger will than": a noun the tagger read as a modal.
    // ("This can its toll" has the pronoun "this" as subject.)
    let modal_after_modifier = a > 0
        && v.tag(a - 1)
            .is_some_and(|t| t.is_adjective() || matches!(t, Tag::DT | Tag::PRPS))
        && !matches!(v.lower(a - 1), "this" | "that" | "these" | "those");
    // "We will to significantly reduce …": a modal after a pronoun subject, then "to" ("all
    // they can to help" and "could" keep their ellipsis).
    let modal_then_to = next == Tag::TO
        && a > 0
        && v.tag(a - 1) == Some(Tag::PRP)
        && matches!(
            w,
            "will" | "would" | "shall" | "should" | "must" | "may" | "might"
        );
    // "Should the United States act, …", "Would dinner Thursday work?": a modal that opens its
    // clause comes before its subject, and the verb follows the subject. After a fronted
    // phrase too ("Under no circumstances will the government raise …"): a subject, then its
    // verb.
    let subject_then_verb = || {
        let np = v.chunker();
        np.noun_phrase(a + 1).is_some_and(|mut e| {
            while v.tag(e).is_some_and(Tag::is_adverb) {
                e += 1;
            }
            v.tag(e) == Some(Tag::VB)
        })
    };
    let inverted = a == 0
        || v.tag(a - 1).is_some_and(|t| t.is_punct() || t == Tag::WRB)
        || matches!(v.lower(a - 1), "and" | "or" | "but" | "nor" | "neither")
        || subject_then_verb();
    if inverted {
        return false;
    }
    // "can very much respect him": "much" after an adverb of degree, then the verb.
    if v.lower(k) == "much" && v.tag(k + 1) == Some(Tag::VB) {
        return false;
    }
    modal_then_to
        || (!modal_after_modifier
            && (matches!(
                next,
                Tag::DT | Tag::NN | Tag::NNS | Tag::PRPS | Tag::JJ | Tag::CD
            ) || (next == Tag::PRP
                && matches!(v.lower(k), "it" | "them")
                && v.tag(k + 1) == Some(Tag::TO))
                || (adverb_between && matches!(next, Tag::IN | Tag::RP)))
            && v.lower(k) != "so")
}

/// Whether the "be" at `a`, with the word at `k` (tagged `next`) after its adverbs (`manner`:
/// one in "-ly"; `participial`: one that modifies a participle), lacks its participle.
fn be_lacks_participle(
    v: &SentenceView,
    a: usize,
    k: usize,
    next: Tag,
    manner: bool,
    participial: bool,
) -> bool {
    let w = v.lower(a);
    // "is carefully by": a manner adverb and an agent, but no participle; "is widely as the
    // Oscar equivalent", "were not properly for civil operations": an adverb that modifies a
    // participle, then a preposition.
    (manner && v.lower(k) == "by")
        || (participial && matches!(next, Tag::IN | Tag::TO) && v.lower(k) != "than")
        // "Paris is as the fashion capital", "Kohli is being as the next Tendulkar": "be" +
        // "as" + a noun phrase lacks "known"/"regarded" ("her role is as a mediator" is
        // English: a role is what "as" names).
        // "He was by pirates", "have been by the flooding": an agent with no participle ("by
        // far", "by the beach" and "by then" are English).
        || (k == a + 1 && v.lower(k) == "by" && agent_follows(v, k, w == "been"))
        // "It is that he will run for president.": "It is said/expected that" has lost its
        // participle.
        || (k == a + 1
            && v.lower(k) == "that"
            && matches!(w, "is" | "was")
            && a > 0
            && v.lower(a - 1) == "it"
            && v.tag(k + 1)
                .is_some_and(|t| matches!(t, Tag::PRP | Tag::DT | Tag::EX)))
        // "Team members were again.": "be" with nothing but "again".
        || (v.lower(k) == "again" && k == a + 1 && v.tag(k + 1).is_some_and(Tag::is_punct))
        // "'learning' and 'socialization' are forward as motivations": "put" is gone.
        || (v.lower(k) == "forward" && matches!(v.lower(k + 1), "as" | "by"))
        || (k == a + 1
            && v.lower(k) == "as"
            // ("would be as opponents": a bare plural too)
            && matches!(v.tag(k + 1), Some(Tag::DT | Tag::NNS))
            && a > 0
            && !ROLE_NOUNS.contains(&v.lower(a - 1))
            && v.tag(a - 1) != Some(Tag::EX))
}

/// Words after "by" that make "be by" English: "by far the best", "by then", "by no means".
const BE_BY_ENGLISH: &[&str] = &[
    "far",
    "then",
    "now",
    "no",
    "all",
    "default",
    "design",
    "definition",
    "nature",
    "law",
    "chance",
    "mistake",
    "accident",
    "hand",
    "appointment",
    "itself",
    "himself",
    "herself",
    "themselves",
    "myself",
    "yourself",
    "ourselves",
    "way",
    "tomorrow",
    "tonight",
];

/// Whether "by" at `k` after a form of "be" names an agent: a name or a bare plural ("was by
/// pirates", "was by Singapore's Prime Minister"); after "been" any noun phrase but the
/// English idioms ("have been by the severe flooding").
fn agent_follows(v: &SentenceView, k: usize, after_been: bool) -> bool {
    let next = v.lower(k + 1);
    if BE_BY_ENGLISH.contains(&next) {
        return false;
    }
    let name = v.tag(k + 1) == Some(Tag::NNP)
        && v.words
            .get(k + 1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    name || v.tag(k + 1) == Some(Tag::NNS)
        || (after_been && matches!(v.tag(k + 1), Some(Tag::DT | Tag::PRPS)))
}

/// The finding for an auxiliary at `a` whose lexical verb is missing before token `k`.
fn no_verb_with(v: &SentenceView, a: usize, k: usize) -> Diagnosis {
    whole(
        v,
        a,
        k + 1,
        format!(
            "'{}' has no verb to go with it: the verb has been lost or moved to the end",
            v.slice(a, k)
        ),
        0.65,
    )
}

/// "He did not any figures for the cuts", "Research has that women are more likely …": a
/// negated "do" followed by an object, or "have" after a noun followed by a "that"-clause,
/// where the lexical verb ("set", "shown") is gone. (Ellipsis is English: "as they did not in
/// the past" has no object after "not"; "you had that then" has a pronoun subject and "that"
/// as object.)
fn do_or_have_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    for a in 0..v.len() {
        let w = v.lower(a);
        let finite = v.tag(a).is_some_and(Tag::is_finite_verb);
        if !finite {
            continue;
        }
        let negated_do =
            matches!(w, "do" | "does" | "did") && matches!(v.lower(a + 1), "not" | "n't" | "n’t");
        let have_after_noun =
            matches!(w, "has" | "have") && a > 0 && v.tag(a - 1).is_some_and(Tag::is_noun);
        if !(negated_do || have_after_noun) {
            continue;
        }
        let mut k = a + 1 + negated_do as usize;
        while v.tag(k).is_some_and(Tag::is_adverb) {
            k += 1;
        }
        let missing = if negated_do {
            // "I don't if you realize …": "know" is gone before the clause.
            (k == a + 2 && matches!(v.lower(k), "if" | "whether"))
                || v.tag(k)
                    .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::NNS))
                    && !matches!(v.lower(k), "that" | "this" | "all" | "either" | "so")
                    && v.tag(k + 1)
                        .is_some_and(|t| t.is_noun() || t.is_adjective())
        } else {
            v.lower(k) == "that" && v.tag(k) == Some(Tag::IN)
        };
        if missing {
            return Some(no_verb_with(v, a, k));
        }
    }
    None
}

/// Nouns of place and attitude that English fronts with a bare "to" ("To the north, …", "To my
/// surprise, …", "To date, …").
const TO_PHRASE_NOUNS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "left",
    "right",
    "rear",
    "side",
    "front",
    "top",
    "bottom",
    "contrary",
    "extent",
    "degree",
    "end",
    "surprise",
    "dismay",
    "delight",
    "relief",
    "credit",
    "knowledge",
    "best",
    "date",
    "honest",
    "sum",
    "summarize",
    "conclude",
    "start",
    "begin",
    "whom",
];

/// Words after a fronted "To" that make it English: pronouns and possessives ("To me, …",
/// "To his credit, …"), "this"/"that" ("To this end"), quantifiers ("To all, …").
const TO_PHRASE_OPENERS: &[&str] = &[
    "me", "him", "her", "us", "them", "you", "my", "our", "his", "their", "your", "its", "this",
    "that", "these", "those", "all", "some", "many", "what", "whom", "each", "every",
];

/// "To Italian media reports, the match is the 3,000th.", "To the police, cases of theft are
/// registered …": a source fronted with a bare "to" has lost "according" (German "laut",
/// Dutch "volgens"). Suggests "According to …".
fn source_without_according(v: &SentenceView) -> Option<Diagnosis> {
    if v.words.first() != Some(&"To") || v.tag(1).is_some_and(|t| t.is_verb() || t.is_adverb()) {
        return None;
    }
    // "To free the prisoners, …": a purpose infinitive the tagger read as an adjective
    // before its object.
    if Tagger::embedded().can_be(v.lower(1), Tag::VB)
        && v.tag(2).is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS))
    {
        return None;
    }
    if TO_PHRASE_OPENERS.contains(&v.lower(1)) {
        return None;
    }
    let comma = (1..v.len().min(9)).find(|&k| v.words[k] == ",")?;
    let plain_noun_phrase = (1..comma).all(|k| {
        v.tag(k).is_some_and(|t| {
            !(t.is_verb()
                || matches!(
                    t,
                    Tag::MD | Tag::TO | Tag::IN | Tag::WDT | Tag::WRB | Tag::PRP
                ))
        }) && !TO_PHRASE_NOUNS.contains(&v.lower(k))
    });
    // The rest must be a clause of its own.
    let clause_follows = (comma + 1..v.len()).any(|k| v.tag(k).is_some_and(Tag::is_finite_verb));
    if comma < 2 || !plain_noun_phrase || !clause_follows {
        return None;
    }
    let pieces = [
        super::rewrite::Piece::Text("According to".into()),
        super::rewrite::Piece::Tokens(1, v.len()),
    ];
    Some(Diagnosis {
        check: "",
        suggestion: Some(super::rewrite::render(v, &pieces)),
        ..whole(
            v,
            0,
            comma,
            format!(
                "'{}' names a source with no verb: write 'According to'",
                v.slice(0, comma)
            ),
            0.65,
        )
    })
}

/// Nouns that take a "that"-clause of their own ("the fact that …", "reports that …").
const NOUNS_WITH_CLAUSE: &[&str] = &[
    "fact",
    "idea",
    "news",
    "claim",
    "claims",
    "belief",
    "hope",
    "hopes",
    "fear",
    "fears",
    "report",
    "reports",
    "notion",
    "possibility",
    "evidence",
    "sign",
    "signs",
    "assumption",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "statement",
    "view",
    "chance",
    "feeling",
    "proof",
    "argument",
    "suggestion",
    "assurance",
    "assurances",
    "impression",
    "question",
    "doubt",
    "thought",
    "concern",
    "concerns",
    "conclusion",
    "decision",
    "message",
    "promise",
    "warning",
    "theory",
    "information",
    "allegation",
    "allegations",
    "indication",
    "indications",
    "way",
    "time",
    "point",
    "so",
    "such",
    "now",
    "day",
    "year",
    "moment",
];

/// "Inspector that the hotel is near Bhiti village.", "Secretary of State John Kerry
/// unexpectedly that in some cases …", "Duan Mengqi, the station director, that under good
/// conditions …": the sentence's subject is followed by a "that"-clause with no verb of saying
/// between them.
fn subject_then_that_clause(v: &SentenceView) -> Option<Diagnosis> {
    let mut i = 0;
    while v
        .tag(i)
        .is_some_and(|t| matches!(t, Tag::OpenQuote | Tag::CloseQuote))
    {
        i += 1;
    }
    if !v
        .tag(i)
        .is_some_and(|t| t.is_noun() || matches!(t, Tag::DT | Tag::JJ))
    {
        return None;
    }
    // Whether the subject so far has a preposition other than "of": then only an apposition
    // closed by a comma may stand before "that" ("Danielle Lantagne, a UN expert on the
    // disease, that the outbreak …"; a relative "that" never follows a comma).
    let mut loose = false;
    for k in i + 1..v.len().saturating_sub(2) {
        let t = v.tag(k)?;
        // "Dr Mall that some patients …": after a name, "that" read as a relative pronoun
        // opens a clause too (English relatives after a bare name take "who").
        let after_name = t == Tag::WDT
            && (i..k).all(|j| {
                v.tag(j).is_some_and(Tag::is_noun) && v.words[j].starts_with(char::is_uppercase)
            });
        if v.lower(k) == "that" && (t == Tag::IN || after_name) {
            if loose && v.words[k - 1] != "," {
                return None;
            }
            // A complementizer: a subject follows, not a verb ("the book that sold well").
            let clause_subject = v.tag(k + 1).is_some_and(|n| {
                n.is_noun()
                    || matches!(
                        n,
                        Tag::DT | Tag::PRP | Tag::IN | Tag::CD | Tag::JJ | Tag::EX
                    )
            });
            // "Data show that …": the word before may be the verb the tagger misread.
            if NOUNS_WITH_CLAUSE.contains(&v.lower(k - 1))
                || !clause_subject
                || (i..k).any(|j| maybe_finite(v, j))
            {
                return None;
            }
            let mut d = whole(
                v,
                i,
                k + 1,
                format!(
                    "'{}' has no verb before 'that': a verb such as 'said' has been lost",
                    v.slice(i, k)
                ),
                0.6,
            );
            // After a noun, an adverb or an apposition's comma the verb of saying goes back
            // in ("Duan Mengqi, the station director, said that …"); after an adjective
            // ("confident that") the lost verb is "be", whose tense the sentence does not tell.
            if v.tag(k - 1)
                .is_some_and(|t| t.is_noun() || t.is_adverb() || v.words[k - 1] == ",")
            {
                let pieces = [
                    Piece::Tokens(0, k),
                    Piece::Text("said".into()),
                    Piece::Tokens(k, v.len()),
                ];
                d.suggestion = Some(render(v, &pieces));
            }
            return Some(d);
        }
        // Only a noun phrase (with "of", adverbs and commas of an apposition) may come first.
        let in_subject = !(t.is_verb()
            || matches!(
                t,
                Tag::MD
                    | Tag::TO
                    | Tag::WDT
                    | Tag::WP
                    | Tag::WRB
                    | Tag::PRP
                    | Tag::Colon
                    | Tag::LRB
            )
            || (t == Tag::IN
                && (SUBORDINATORS.contains(&v.lower(k)) || CLAUSE_OPENERS.contains(&v.lower(k)))));
        if !in_subject {
            return None;
        }
        loose |= t == Tag::IN && v.lower(k) != "of";
    }
    None
}

/// Nouns whose "be as" names a role ("his job was as a mediator").
const ROLE_NOUNS: &[&str] = &[
    "role",
    "roles",
    "job",
    "jobs",
    "work",
    "position",
    "career",
    "function",
    "task",
    "duty",
    "time",
    "life",
    "experience",
    "service",
    "stint",
    "tenure",
    "term",
    "debut",
    "start",
];

/// Adverbs that modify a participle ("widely regarded", "properly maintained"); after "be"
/// they need one.
const PARTICIPLE_ADVERBS: &[&str] = &[
    "widely",
    "properly",
    "carefully",
    "closely",
    "heavily",
    "badly",
    "strongly",
    "sharply",
    "poorly",
    "successfully",
    "officially",
    "formally",
    "publicly",
    "seriously",
    "severely",
    "commonly",
    "frequently",
    "regularly",
    "repeatedly",
    "previously",
    "recently",
    "newly",
    "wrongly",
    "rightly",
    "jointly",
    "specially",
    "deliberately",
    "secretly",
    "illegally",
    "legally",
];

/// "US President George W. Bush in Singapore on the morning of November 16 and began a tour",
/// "A witness noises on Talstrasse and ran …": the sentence's subject, no verb, then "and" and a
/// verb: the verb of the first conjunct is gone ("Bush and Obama went" coordinates subjects, so
/// a noun follows "and", not a verb).
fn first_conjunct_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    let cc = (1..v.len().saturating_sub(1))
        .find(|&k| v.tag(k) == Some(Tag::CC) && matches!(v.lower(k), "and" | "but"))?;
    let verb_before = (0..cc)
        .any(|k| v.tag(k).is_some_and(|t| t.is_verb() || t == Tag::MD) || maybe_finite(v, k));
    let subject_before = (0..cc).any(|k| v.tag(k).is_some_and(|t| t.is_noun() || t == Tag::PRP));
    // Coordinated adverbs share the verb after them: "The police quickly and quietly left".
    if v.tag(cc - 1).is_some_and(Tag::is_adverb) && v.tag(cc + 1).is_some_and(Tag::is_adverb) {
        return None;
    }
    let mut k = cc + 1;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    let verb_after =
        v.tag(k).is_some_and(|t| matches!(t, Tag::VBD | Tag::VBZ)) && v.lower(k) != "'s";
    (!verb_before && subject_before && verb_after).then(|| {
        whole(
            v,
            0,
            cc,
            format!(
                "'{}' has no verb, though '{}' after '{}' has one: the first verb has been lost",
                v.slice(0, cc),
                v.words[k],
                v.words[cc]
            ),
            0.6,
        )
    })
}

/// "The United Nations also to eventually set up a fund …": the subject, an adverb, then a
/// "to"-infinitive with no finite verb before it ("hopes", "plans" is gone). Headlines say
/// "UN to set up fund" without the adverb; in a sentence an adverb there belongs to a verb.
fn subject_then_infinitive(v: &SentenceView) -> Option<Diagnosis> {
    let (start, _) = main_clause_start(v);
    let subject_end = coordinated_np(v, start)?;
    let mut k = subject_end;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    if v.tag(k) != Some(Tag::TO) {
        return None;
    }
    let mut j = k + 1;
    while v.tag(j).is_some_and(Tag::is_adverb) {
        j += 1;
    }
    if v.tag(j) != Some(Tag::VB) || (0..k).any(|i| maybe_finite(v, i)) {
        return None;
    }
    // With nothing between the subject and "to", the infinitive may belong to the noun ("The
    // decision to leave was hard"): then the clause's verb follows. Only when the infinitive
    // opens a clause and every finite verb after it stands in a clause of its own
    // ("Scientists to understand how planets have formed") has the main clause lost its verb.
    // ("The decision not to transfer the cathedral was made …": the verb follows.)
    let main_verb = (j + 1..v.len())
        .take_while(|&i| !super::clause::is_clause_opener(v, i) && v.words[i] != ",")
        .any(|i| {
            // (A present form may be a bare infinitive: "to help countries deal with …".)
            matches!(v.tag(i), Some(Tag::VBD | Tag::VBZ | Tag::MD))
                || (v.tag(i) == Some(Tag::VBP)
                    && (BE.contains(&v.lower(i)) || HAVE.contains(&v.lower(i))))
        });
    if main_verb {
        return None;
    }
    if k == subject_end {
        // (And the infinitive opens a clause of its own, as a clause's verb does: "A great
        // place to go for dinner" is a fragment English writes.)
        let takes_clause = super::clause::is_clause_opener(v, j + 1);
        if !takes_clause || v.words.last() != Some(&".") {
            return None;
        }
    }
    Some(whole(
        v,
        start,
        j + 1,
        format!(
            "'{}' is followed by '{}' with no verb between: the verb has been lost or moved to the end",
            v.slice(start, k),
            v.slice(k, j + 1)
        ),
        0.6,
    ))
}

/// Time phrases that stand between subject and verb ("Jiangxi this year issued …").
fn is_time_phrase(v: &SentenceView, a: usize, b: usize) -> bool {
    const TIME: &[&str] = &[
        "year",
        "years",
        "week",
        "weeks",
        "month",
        "months",
        "day",
        "days",
        "time",
        "morning",
        "evening",
        "night",
        "weekend",
        "today",
        "yesterday",
        "season",
    ];
    (a..b).any(|k| TIME.contains(&v.lower(k)) || WEEKDAYS.contains(&v.lower(k)))
}

/// "Parly the 2017 surveillance of a satellite …", "The heavy rain 71 rivers … to swell":
/// the subject is directly followed by what must be the object, with no verb between.
fn subject_then_object(v: &SentenceView) -> Option<Diagnosis> {
    let (start, _) = main_clause_start(v);
    let mut subject_end = coordinated_np(v, start)?;
    // "34 percent of respondents this view": the subject may have an "of"-phrase.
    while v.lower(subject_end) == "of" {
        subject_end = v.chunker().basic_np(subject_end + 1)?;
    }
    let mut k = subject_end;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    // "Egypt and the Emirates back the general": an "adverb" the lexicon knows as a present
    // verb is the verb the tagger misread.
    if (subject_end..k).any(|j| Tagger::embedded().can_be(v.words[j], Tag::VBP)) {
        return None;
    }
    // "Rangers closely shooters participating in …", "The Arabs also Islam to the country": after
    // an adverb that modifies verbs, a bare noun is an object too (without one, "Rangers
    // shooters" might be a compound the tagger split).
    let verb_adverb = k > subject_end && (subject_end..k).all(|j| is_verb_adverb(v, j));
    let tagger = Tagger::embedded();
    let present =
        |j: usize| tagger.can_be(v.words[j], Tag::VBZ) || tagger.can_be(v.words[j], Tag::VBP);
    // ("The hotel business also bears losses": a noun after the adverb that can be a present
    // verb is the verb.)
    if verb_adverb
        && matches!(v.tag(k), Some(Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS))
        && !present(k)
        && !is_time_phrase(v, k, k + 1)
        && let Some(object_end) = v.chunker().basic_np(k)
        && !v.tag(object_end).is_some_and(Tag::is_finite_verb)
        && !(start..object_end).any(|j| v.tag(j).is_some_and(Tag::is_verb))
    {
        return Some(whole(
            v,
            start,
            object_end,
            format!(
                "'{}' is followed by '{}' with no verb between: the verb has been lost or moved to the end",
                v.slice(start, k),
                v.slice(k, object_end)
            ),
            0.6,
        ));
    }
    // "The Supreme Court last year the Trump administration …": a time phrase between subject
    // and object.
    // ("The company last year 500 new employees", "The museum every year more than a million
    // visitors".)
    let opens_object = |j: usize| {
        matches!(v.tag(j), Some(Tag::DT | Tag::PRPS | Tag::CD))
            || (v.lower(j) == "more" && v.lower(j + 1) == "than")
            || (v.tag(j) == Some(Tag::JJ) && v.tag(j + 1).is_some_and(Tag::is_noun))
    };
    let mut after_time = false;
    if matches!(v.lower(k), "last" | "this" | "next" | "every")
        && v.tag(k + 2) != Some(Tag::NNS)
        && is_time_phrase(v, k + 1, k + 2)
        && opens_object(k + 2)
    {
        k += 2;
        after_time = true;
    }
    // "The government on Tuesday new measures …": a preposition and a day, month or year.
    if matches!(v.lower(k), "on" | "in")
        && v.tag(k) == Some(Tag::IN)
        && super::words::names_a_time(v.lower(k + 1))
        && opens_object(k + 2)
        && v.tag(k + 2) != Some(Tag::CD)
    {
        k += 2;
        after_time = true;
    }
    // "Mr. Chen several articles in the New Express", "Xinjiang more than 330 plants":
    // quantifiers open an object too.
    let quantifier = matches!(v.lower(k), "several" | "numerous" | "many")
        || (v.lower(k) == "more" && v.lower(k + 1) == "than");
    // "The year 1865 marks an important event": a subject of three words or more that ends in
    // a present verb the tagger read as a plural noun has its verb.
    let last = subject_end - 1;
    if subject_end - start >= 3
        && tagger.can_be(v.words[last], Tag::VBZ)
        && v.tag(last) == Some(Tag::NNS)
        && v.tag(last - 1)
            .is_some_and(|t| t.is_noun() || t.is_adjective() || t == Tag::CD)
    {
        return None;
    }
    // So does one that ends in a plural present the tagger read as a singular noun, after a
    // plural head ("The people of the hilly area worship their deity", "Members of the House
    // exercise this right").
    if subject_end - start >= 2
        && v.tag(last) == Some(Tag::NN)
        && tagger.can_be(v.words[last], Tag::VBP)
        && plural_subject_head(v, last - 1)
    {
        return None;
    }
    if !(quantifier
        || matches!(v.tag(k), Some(Tag::DT | Tag::CD | Tag::PRPS | Tag::PDT))
        || (after_time && opens_object(k)))
    {
        return None;
    }
    // Floating quantifiers ("The students all left") and reflexives are English, and so is
    // a degree phrase before an adjective ("Beer a bit expensive.").
    if matches!(
        v.lower(k),
        "all" | "both" | "each" | "either" | "neither" | "half"
    ) || (v.lower(k) == "a" && matches!(v.lower(k + 1), "bit" | "lot" | "little"))
    {
        return None;
    }
    let object_end = if v.lower(k) == "more" {
        v.chunker().basic_np(k + 2)?
    } else {
        v.chunker().basic_np(k)?
    };
    if is_time_phrase(v, k, object_end) || v.tag(object_end).is_some_and(Tag::is_finite_verb) {
        return None;
    }
    // "the Iraqis no doubt used blood agents": a past form read as a participle after the
    // "object", before its own object, is the verb and the phrase an adverbial.
    if v.tag(object_end) == Some(Tag::VBN)
        && Tagger::embedded().can_be(v.words[object_end], Tag::VBD)
        && v.tag(object_end + 1)
            .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::JJ))
    {
        return None;
    }
    // The first verb of the sentence must come after the object, if there is one at all.
    if (start..object_end).any(|j| v.tag(j).is_some_and(Tag::is_verb)) {
        return None;
    }
    Some(whole(
        v,
        start,
        object_end,
        format!(
            "'{}' is followed by '{}' with no verb between: the verb has been lost or moved to the end",
            v.slice(start, subject_end),
            v.slice(k, object_end)
        ),
        0.6,
    ))
}

/// Adverbs that stand before the verb they modify ("also", "reportedly", "closely"): "-ly"
/// adverbs but the ones that also modify nouns or numbers ("only", "nearly", "early").
fn is_verb_adverb(v: &SentenceView, k: usize) -> bool {
    const MID: &[&str] = &[
        "also", "still", "already", "never", "always", "often", "thus", "then", "soon", "just",
    ];
    const NOT: &[&str] = &[
        "only",
        "early",
        "nearly",
        "roughly",
        "approximately",
        "mostly",
        "mainly",
        "largely",
        "partly",
        "exactly",
        "merely",
        "solely",
        "simply",
        "fully",
        "especially",
        "particularly",
        "respectively",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "likely",
        "recently",
        "previously",
        "formerly",
        "originally",
        "currently",
        "initially",
        "usually",
    ];
    let w = v.lower(k);
    v.tag(k).is_some_and(Tag::is_adverb)
        && (MID.contains(&w) || (w.len() > 4 && w.ends_with("ly") && !NOT.contains(&w)))
}

/// "Extensive looting reportedly throughout the night while …", "It quickly and I didn't …":
/// the subject and an adverb that modifies verbs, then a preposition, a coordinator or the end
/// of the clause, with no verb before the clause or the conjunct ends.
fn subject_adverb_without_verb(v: &SentenceView) -> Option<Diagnosis> {
    let (start, _) = main_clause_start(v);
    let subject_end = coordinated_np(v, start)?;
    if !is_verb_adverb(v, subject_end) {
        return None;
    }
    let k = subject_end + 1;
    let next = v.tag(k)?;
    if !(matches!(next, Tag::IN | Tag::CC) || v.words[k] == "," || v.words[k] == ".") {
        return None;
    }
    // A subordinator opens a clause of its own ("The house reportedly because …" is still
    // verbless, but "as"/"that" may join a verb's complement): only prepositions of place, time
    // and manner.
    if next == Tag::IN && SUBORDINATORS.contains(&v.lower(k)) {
        return None;
    }
    // Coordinated adverbs share the verb: "The police quickly and quietly left".
    if next == Tag::CC && v.tag(k + 1).is_some_and(Tag::is_adverb) {
        return None;
    }
    // Up to the next coordinator, comma or subordinator: no verb ("It quickly and I …" has
    // nothing between the adverb and the coordinator).
    let mut end = k;
    while next == Tag::IN
        && end < v.len()
        && !(end > k
            && (v.tag(end) == Some(Tag::CC)
                || matches!(v.words[end], "," | ";" | ":" | "." | "—" | "-")
                || SUBORDINATORS.contains(&v.lower(end))))
    {
        end += 1;
    }
    if (start..end).any(|j| maybe_finite(v, j) || v.tag(j).is_some_and(Tag::is_verb)) {
        return None;
    }
    Some(whole(
        v,
        start,
        end,
        format!(
            "'{}' has no verb after '{}': the verb has been lost",
            v.slice(start, subject_end),
            v.words[subject_end]
        ),
        0.6,
    ))
}

/// "Although Winfrey had tears in her eyes as she, she made it clear …": a subordinator and a
/// subject pronoun with nothing after it before the comma or the end. ("taller than she." and
/// "as tall as she." compare, so "than" and an "as" after "as" + adjective are English.)
fn subordinate_pronoun_alone(v: &SentenceView) -> Option<Diagnosis> {
    const OPENERS: &[&str] = &[
        "as", "when", "while", "because", "although", "though", "if", "after", "before", "since",
        "until", "once", "whereas",
    ];
    (1..v.len().saturating_sub(2)).find_map(|k| {
        let w = v.lower(k);
        if !OPENERS.contains(&w)
            || !matches!(v.lower(k + 1), "i" | "he" | "she" | "we" | "they")
            || !matches!(v.words[k + 2], "," | "." | ";")
        {
            return None;
        }
        // "as tall as she", "as much as they": a comparison.
        if w == "as" && (k.saturating_sub(3)..k).any(|j| v.lower(j) == "as") {
            return None;
        }
        // After the comma the main clause must start: "when we, among many other guests,
        // asked" has a parenthesis before its verb.
        if v.words[k + 2] == ","
            && !matches!(
                v.tag(k + 3),
                Some(Tag::PRP | Tag::PRPS | Tag::DT | Tag::NNP | Tag::NNPS | Tag::EX)
            )
        {
            return None;
        }
        Some(whole(
            v,
            k,
            k + 2,
            format!(
                "'{}' has no verb: the verb has been lost or moved to the end",
                v.slice(k, k + 2)
            ),
            0.6,
        ))
    })
}

/// "Chen Guangming that the walls were cracked", "The authors that when …": a name, or a noun
/// before "that" + preposition or subordinator, is a subject whose verb of saying is gone.
fn name_then_clause(v: &SentenceView) -> Option<Diagnosis> {
    for i in 1..v.len().saturating_sub(2) {
        if v.lower(i) != "that" {
            continue;
        }
        let before = v.tag(i - 1)?;
        let after = v.tag(i + 1)?;
        let name = before.is_proper_noun() && !v.tag(i.saturating_sub(2)).is_some_and(Tag::is_verb);
        let opens = matches!(after, Tag::IN) || v.lower(i + 1) == "when";
        let noun = before.is_noun();
        if (name && v.chunker().basic_np(i + 1).is_some()) || (noun && opens) {
            // The noun's own clause must have no finite verb before "that".
            let (start, _) = main_clause_start(v);
            if (start..i).any(|j| {
                v.tag(j)
                    .is_some_and(|t| t.is_finite_verb() || t == Tag::VBN)
            }) {
                return None;
            }
            let mut d = whole(
                v,
                start,
                i + 1,
                format!(
                    "'{}' has no verb before 'that': a verb such as 'said' has been lost",
                    v.slice(if start < i { start } else { 0 }, i)
                ),
                0.6,
            );
            // A name opening the clause is someone whose verb of saying is gone ("Chen
            // Guangming that the walls were cracked" → "Chen Guangming said that …").
            if name && start < i && (start..i).all(|k| v.tag(k).is_some_and(Tag::is_proper_noun)) {
                let pieces = [
                    Piece::Tokens(0, i),
                    Piece::Text("said".into()),
                    Piece::Tokens(i, v.len()),
                ];
                d.suggestion = Some(render(v, &pieces));
            }
            return Some(d);
        }
    }
    None
}

/// Fewer finite verbs than clauses: each subordinate clause and the main clause need one.
/// "Expensive for the level of food and the quality of service.", "Possibly a freshwater tank
/// with a ton of species.": a sentence that opens with an adjective or adverb directly followed
/// by a preposition or determiner is a verbless comment English allows, not a clause that lost
/// its verb (an adjective of a subject is followed by its noun: "Extensive looting …").
fn predicate_fragment(v: &SentenceView) -> bool {
    (v.tag(0).is_some_and(|t| t.is_adjective() || t == Tag::RB)
        && v.tag(1).is_some_and(|t| matches!(t, Tag::IN | Tag::DT)))
        // "Highly recommended for anyone who …", "Newly renovated and clean."
        || (v.tag(0) == Some(Tag::RB) && v.lower(0).ends_with("ly") && v.tag(1) == Some(Tag::VBN))
}

/// "For those of you who already sent a response, please disregard.": an imperative after
/// "please" is the sentence's verb.
fn please_imperative(v: &SentenceView) -> bool {
    (0..v.len()).any(|k| v.lower(k) == "please" && v.tag(k + 1) == Some(Tag::VB))
}

/// "Simply type in the link …", "Then take the leash off.": an imperative after opening
/// adverbs.
fn adverb_imperative(v: &SentenceView) -> bool {
    let mut k = 0;
    while v.tag(k).is_some_and(Tag::is_adverb) {
        k += 1;
    }
    k > 0 && v.tag(k) == Some(Tag::VB)
}

/// The verbless comments of reviews, notes and lists that English allows: "Great spot to kick
/// back for a cup of joe.", "Nice and quiet place with a cosy living room.", "A great place to
/// go for dinner.", "Cheap Hotel Rome - thanks for finding us a hotel.", "300 - Number of
/// violations in 2003.": a sentence that opens with an adjective of a common noun (a name
/// follows the adjectives of a news subject: "Russian President Vladimir Putin"), whose first
/// noun phrase is followed by a "to"-infinitive, or whose parts a dash or colon separates.
fn comment_fragment(v: &SentenceView) -> bool {
    let opens_with_adjective = v.tag(0).is_some_and(|t| matches!(t, Tag::JJ | Tag::JJS))
        && !(1..v.len().min(6)).any(|k| v.tag(k).is_some_and(Tag::is_proper_noun));
    let np_then_infinitive = v
        .chunker()
        .basic_np(0)
        .is_some_and(|e| v.tag(e) == Some(Tag::TO) && v.tag(e + 1) == Some(Tag::VB));
    let separated = v.words.iter().any(|w| matches!(*w, "-" | "–" | "—" | ":"));
    // "Shuttle available to the beach.", "Rooms very clean.": a noun and its predicate.
    let noun_then_predicate = v.tag(0).is_some_and(Tag::is_noun) && {
        let mut k = 1;
        while v.tag(k).is_some_and(Tag::is_adverb) {
            k += 1;
        }
        // (not a verb the tagger read as an adjective: "Late welcomed Thunberg")
        v.tag(k) == Some(Tag::JJ)
            && ![Tag::VBD, Tag::VBN]
                .into_iter()
                .any(|t| Tagger::embedded().can_be(v.words[k], t))
    };
    // "$9.62 excluding tip with water to drink.": a price.
    let price = v
        .words
        .first()
        .is_some_and(|w| w.starts_with(['$', '€', '£']));
    opens_with_adjective || np_then_infinitive || separated || noun_then_predicate || price
}

fn verb_deficit(v: &SentenceView) -> Option<Diagnosis> {
    if verbless_by_design(v) {
        return None;
    }
    let words = v
        .words
        .iter()
        .filter(|w| w.starts_with(char::is_alphanumeric))
        .count();
    let finite = (0..v.len()).filter(|&k| maybe_finite(v, k)).count();
    let finite_or_past = (0..v.len())
        .filter(|&k| maybe_finite(v, k) || past_after_relative_subject(v, k))
        .count();
    let opener_positions = clause_openers(v);
    let openers = opener_positions.len();
    // The main clause is the part before the first opener: it is the one without a verb.
    let main_has_verb = opener_positions
        .first()
        .is_some_and(|&o| (0..o).any(|k| maybe_finite(v, k)));
    let has_determiner = (0..v.len()).any(|k| v.tag(k) == Some(Tag::DT));
    if finite == 0
        && words >= 10
        && has_determiner
        && !comment_fragment(v)
        && !(0..v.len()).any(|k| misread_main_verb(v, k))
    {
        let (start, end) = v.span(0, v.len());
        return Some(Diagnosis {
            check: "",
            start,
            end,
            message: "The sentence has a subject but no verb: the verb has been lost or left in another form".into(),
            suggestion: None,
            confidence: 0.6,
        });
    }
    if finite >= 1 && finite_or_past < openers + 1 && words >= 8 && !main_has_verb {
        let (start, end) = v.span(0, v.len());
        return Some(Diagnosis {
            check: "",
            start,
            end,
            message: format!(
                "The sentence has {openers} clause{} but only {finite} verb{} to go with them: one clause has lost its verb",
                if openers == 1 { "" } else { "s" },
                if finite == 1 { "" } else { "s" },
            ),
            suggestion: None,
            confidence: 0.5,
        });
    }
    None
}

/// Whether the sentence is one that has no verb by design: a question word after a
/// coordinator, preposition or list number, a verbless opener, an imperative, a fragment that
/// is only a predicate.
fn verbless_by_design(v: &SentenceView) -> bool {
    // "And what is their main meal", "and around what time they eat", "1) what island …":
    // a coordinator, preposition or list number before the opener.
    let mut f = 0;
    while v
        .tag(f)
        .is_some_and(|t| matches!(t, Tag::CC | Tag::IN | Tag::LS))
        || (v.tag(f) == Some(Tag::CD) && v.words.get(f + 1) == Some(&")"))
        || v.words.get(f) == Some(&")")
    {
        f += 1;
    }
    if f > 0 && f < v.len() && WH_WORDS.contains(&v.lower(f)) {
        return true;
    }
    let first = v.lower(0);
    // "According to the ministry, the rate …" opens a statement, not a gerund phrase (when
    // the statement's subject opens with a determiner: a bare plural may hide a verb the
    // tagger read as a noun, "teenagers in Germany sleep only …").
    let according = first == "according"
        && v.lower(1) == "to"
        && v.words
            .iter()
            .position(|w| *w == ",")
            .is_some_and(|c| v.tag(c + 1) == Some(Tag::DT));
    VERBLESS_OPENERS.contains(&first)
        || (v
            .tag(0)
            .is_some_and(|t| matches!(t, Tag::VB | Tag::UH | Tag::VBG))
            && !according)
        || WH_WORDS.contains(&first)
        || predicate_fragment(v)
        || please_imperative(v)
        || adverb_imperative(v)
}

/// A past form the tagger read as a participle right after the subject of a relative
/// clause is that clause's verb ("The plan that the minister presented on Tuesday has
/// been …"): counted as one, so that no clause is said to have lost its verb.
fn past_after_relative_subject(v: &SentenceView, k: usize) -> bool {
    if !(v.tag(k) == Some(Tag::VBN)
        && k > 0
        && v.tag(k - 1).is_some_and(|t| t.is_noun() || t == Tag::PRP)
        && Tagger::embedded().can_be(v.words[k], Tag::VBD))
    {
        return false;
    }
    let mut s = k;
    while s > 0
        && v.tag(s - 1).is_some_and(|t| {
            t.is_noun() || matches!(t, Tag::DT | Tag::JJ | Tag::PRPS | Tag::CD | Tag::POS)
        })
    {
        s -= 1;
    }
    s > 1
        && s < k
        && (matches!(v.tag(s - 1), Some(Tag::WDT | Tag::WP)) || v.lower(s - 1) == "that")
        && v.tag(s - 2).is_some_and(Tag::is_noun)
}

/// The positions of the words that open a clause: a relative pronoun, and "that" or a
/// subordinator with a subject after it.
fn clause_openers(v: &SentenceView) -> Vec<usize> {
    let np = v.chunker();
    (1..v.len())
        .filter(|&k| {
            let w = v.lower(k);
            // "that weekend." is a determiner, not a clause: the clause goes on after its
            // subject.
            let with_subject = v.lower(k + 1) != "of"
                && np
                    .basic_np(k + 1)
                    .is_some_and(|e| v.tag(e).is_some_and(|t| !t.is_punct()));
            match v.tag(k) {
                Some(Tag::WDT | Tag::WP) => v.tag(k + 1).is_some_and(|t| !t.is_punct()),
                Some(Tag::IN) => {
                    with_subject
                        && ((w == "that"
                            && v.tag(k - 1).is_some_and(|t| t.is_verb() || t.is_noun()))
                            || CLAUSE_OPENERS.contains(&w))
                }
                _ => false,
            }
        })
        .collect()
}
