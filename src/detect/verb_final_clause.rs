//! The rule `verb-final-clause`: see `META` for what it finds and why.
//!
//! ## What it does
//! Reads each clause forward (main clause, "that"-clause, subordinate clause): subject, then
//! what stands before the verb. When a noun phrase (an object), or — for a verb that takes an
//! object — prepositional phrases, come between the subject and a verb that ends the sentence,
//! the verb is dangling: "the U.S. and Russia of a UN resolution for a ceasefire, rejected".
//!
//! ## Silent on
//! English verb-final shapes where the object is a gap: "the book that she read", "what he
//! wanted", "as they had hoped", "the way it worked" (nothing stands between subject and verb),
//! and intransitive verbs after a subject with a modifier ("The man with the hat left.").

use super::clause::Front;
use super::clause::{
    Clause, content_end, coordinated_np, is_clause_opener, main_clause_start, read_clause,
};
use super::rewrite::{Piece, english_middle, render};
use super::words::{AUXILIARIES, BE, HAVE, MODALS, is_time_head};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::Tag;

pub struct VerbFinalClause;

static META: RuleMeta = RuleMeta {
    id: "verb-final-clause",
    category: Category::DanglingVerb,
    severity: Severity::Critical,
    summary: "The verb comes at the end of its clause, after its object or adjuncts (verb-final order).",
    why: "Dutch and German subordinate clauses end in their verb, and main clauses end in the \
          participle or infinitive. Machine translation keeps the verb there, and English \
          readers lose who did what.",
    fix: "Move the verb (group) right after the subject, before its object.",
    examples: &[
        Example::Bad {
            text: "Thursday, the U.S. and Russia of a UN resolution for a ceasefire, rejected.",
            fix: Some("On Thursday, the U.S. and Russia rejected a UN resolution for a ceasefire."),
        },
        Example::Bad {
            text: "Before the council the plan for the new road approved had, the residents protested loudly.",
            fix: Some(
                "Before the council had approved the plan for the new road, the residents protested loudly.",
            ),
        },
        Example::Bad {
            text: "The council hopes to the new bridge in March open.",
            fix: Some("The council hopes to open the new bridge in March."),
        },
        Example::Good("She agreed to the plan put forward by the council."),
        Example::Bad {
            text: "I think that the weather tomorrow better will be.",
            fix: Some("I think that the weather tomorrow will be better."),
        },
        Example::Bad {
            text: "Because the roads on Tuesday morning still icy were, most schools stayed closed.",
            fix: Some(
                "Because the roads were still icy on Tuesday morning, most schools stayed closed.",
            ),
        },
        Example::Good("I wonder how cold it will be."),
        Example::Good("The prices are not as high as they used to be."),
        Example::Bad {
            text: "We are committed to all your e-mails to read.",
            fix: Some("We are committed to reading all your e-mails."),
        },
        Example::Bad {
            text: "The team is happy to your questions about the new service to answer.",
            fix: Some("The team is happy to answer your questions about the new service."),
        },
        Example::Bad {
            text: "The minister said that the government the situation closely monitors.",
            fix: Some("The minister said that the government closely monitors the situation."),
        },
        Example::Bad {
            text: "The club said that the coach (42) his contract extended.",
            fix: Some("The club said that the coach (42) extended his contract."),
        },
        Example::Bad {
            text: "The mayor announced that the city 2.5 million euros for the new park will spend.",
            fix: Some(
                "The mayor announced that the city will spend 2.5 million euros for the new park.",
            ),
        },
        Example::Bad {
            text: "The minister announced that the government next year 2 billion euros in education invest will.",
            fix: Some(
                "The minister announced that the government will invest 2 billion euros in education next year.",
            ),
        },
        Example::Good("Prices rose faster than the government expected they would."),
        Example::Good("They bought all the paint they could."),
        Example::Bad {
            text: "The council has decided that the old bridge in 2024 demolished will be.",
            fix: Some("The council has decided that the old bridge will be demolished in 2024."),
        },
        Example::Bad {
            text: "Police are investigating whether the fire in the warehouse deliberately set was.",
            fix: Some(
                "Police are investigating whether the fire in the warehouse was deliberately set.",
            ),
        },
        Example::Bad {
            text: "After the airport its runway for repairs closed had, all flights were diverted.",
            fix: None,
        },
        Example::Bad {
            text: "Police said that the men the door with a crowbar opened.",
            fix: Some("Police said that the men opened the door with a crowbar."),
        },
        Example::Good("The next morning the police arrived."),
        Example::Good("That day the minister resigned."),
        Example::Good(
            "Despite the rules, officers attending the war conferences were not searched.",
        ),
        Example::Good("In the district, 45 ponds covering 580 hectares were built."),
        Example::Good("He did not know who the man he had seen was."),
        Example::Good("They left the room as instructed, as the others had."),
        Example::Good("I gave the book to all my friends to read."),
        Example::Bad {
            text: "The soldiers tried the village to reach.",
            fix: Some("The soldiers tried to reach the village."),
        },
        Example::Good("The soldiers tried the key to open the door."),
        Example::Bad {
            text: "Because the government the plan rejected, the unions went on strike.",
            fix: Some("Because the government rejected the plan, the unions went on strike."),
        },
        Example::Good("When the people I met left, the party ended."),
        Example::Good("Because the house we bought was old, we renovated it."),
        Example::Good("We are committed to reading all your e-mails."),
        Example::Bad {
            text: "France said that the country Haftar supports.",
            fix: Some("France said that the country supports Haftar."),
        },
        Example::Bad {
            text: "Police said that university staff the shooting at 10:18 a.m. heard.",
            fix: Some("Police said that university staff heard the shooting at 10:18 a.m."),
        },
        Example::Bad {
            text: "As a result Libya cooperation in the area of security with Paris discontinued.",
            fix: Some(
                "As a result, Libya discontinued cooperation in the area of security with Paris.",
            ),
        },
        Example::Bad {
            text: "The shop that every day fresh fish to the market brought has closed.",
            fix: Some("The shop that brought fresh fish to the market every day has closed."),
        },
        Example::Good("This is the book that she read."),
        Example::Good("The nickname \"the Iron Lady\" is still widely used."),
        Example::Good("\"The situation is under control,\" the minister said."),
        Example::Good("He finally got what he wanted."),
        Example::Good("Everything went as they had hoped."),
        Example::Good("I liked the way it worked."),
        Example::Good("The man with the hat left."),
        Example::Good("The children in the garden laughed."),
        Example::Good("Haftar is supported by Russia, Egypt and the United Arab Emirates."),
    ],
};

impl Detector for VerbFinalClause {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn checks(&self) -> Vec<&'static str> {
        vec![
            "participle-before-auxiliary",
            "infinitive-before-modal",
            "infinitive-last",
            "finite-verb-last",
            "predicate-before-be",
        ]
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.words.last() == Some(&"?") || v.len() < 4 {
            return;
        }
        let end = content_end(v);
        // Clause starts: the main clause, and every clause opener.
        let (main_start, front) = main_clause_start(v);
        let mut starts = vec![(main_start, None)];
        // (A word inside the fronted phrase opens no clause: "Later that day …".)
        for i in main_start..end {
            if is_clause_opener(v, i) {
                starts.push((i + 1, Some(i)));
            }
        }
        if let Some(d) = infinitive_last(v, end)
            .or_else(|| participle_before_auxiliary(v, end))
            .or_else(|| predicate_before_be(v, end))
        {
            out.push(d);
            return;
        }
        for (start, opener) in starts {
            let Some(mut clause) = read_clause(v, start) else {
                continue;
            };
            // "The bakery that every morning fresh bread … delivered has closed.": a relative
            // clause inside a subject that has no verb yet ends at its own verb; the
            // auxiliary and participle after it are the main clause's.
            let (vs, ve) = clause.verb;
            let relative = opener.is_some_and(|o| matches!(v.lower(o), "that" | "which" | "who"));
            if relative
                && ve - vs >= 3
                && v.tag(vs) == Some(Tag::VBD)
                && v.tag(vs + 1).is_some_and(|t| t.is_finite_verb())
                && !(main_start..opener.unwrap_or(0))
                    .any(|k| v.tag(k).is_some_and(Tag::is_finite_verb))
            {
                clause.verb = (vs, vs + 1);
                // "that every morning fresh bread … delivered": a time is no subject; the
                // relative pronoun is.
                let (ss, se) = clause.subject;
                if is_time_head(v.lower(se - 1)) && !clause.middle.nps.is_empty() {
                    clause.middle.nps.insert(0, (ss, se));
                    clause.subject = (ss, ss);
                }
                if let Some(d) = judge(v, &clause, opener, None, start) {
                    out.push(d);
                    return;
                }
                continue;
            }
            // A subordinate clause may also end at a comma ("Because the government the plan
            // rejected, the unions went on strike.").
            let ends_subordinate = opener
                .is_some_and(|o| SUBORDINATE_OPENERS.contains(&v.lower(o)))
                && v.words.get(clause.verb.1) == Some(&",");
            if clause.verb.1 != end && !ends_subordinate {
                continue;
            }
            if let Some(d) = judge(
                v,
                &clause,
                opener,
                if opener.is_none() { front } else { None },
                start,
            ) {
                out.push(d);
                return;
            }
        }
    }
}

/// Noun phrases of the clause before token `p`: the chunker's, counted back to the clause's
/// opener (none in a comparison's clause).
fn noun_phrases_before(v: &SentenceView, p: usize) -> usize {
    let from = (0..p)
        .rev()
        .find(|&k| is_clause_opener(v, k))
        .map_or(0, |k| k + 1);
    // A comparison's clause is elliptical ("more than your vet can").
    if (from..p).any(|k| matches!(v.lower(k), "than" | "as")) {
        return 0;
    }
    v.chunks()
        .iter()
        .filter(|c| c.kind == crate::chunk::ChunkKind::NP && c.start >= from && c.end <= p)
        .count()
}

/// "whether the fire was deliberately set was." reads "whether the fire deliberately set
/// was.", "After the airport its runway closed had, …": a participle and then the finite "be"
/// or "have" of its clause, at the clause's end (German "gesetzt wurde", "geschlossen hatte").
/// English puts the auxiliary first and never ends a clause with participle and auxiliary.
/// Likewise a verb's base form and then its modal ("that the government 2 billion euros
/// invest will", check `infinitive-before-modal`), when an object or phrase stands before the
/// base form (an elliptical "than they would" has only the subject).
fn participle_before_auxiliary(v: &SentenceView, end: usize) -> Option<Diagnosis> {
    (2..v.len()).find_map(|a| {
        let aux = v.lower(a);
        let closes = a + 1 == end || v.words.get(a + 1) == Some(&",");
        // The auxiliaries may be two: "demolished will be", "closed has been"; `g` is where
        // they start.
        let two = (matches!(aux, "be" | "have") && v.tag(a - 1) == Some(Tag::MD))
            || (aux == "been"
                && matches!(v.lower(a - 1), "has" | "have" | "had")
                && v.tag(a - 1).is_some_and(Tag::is_finite_verb));
        let g = if two { a - 1 } else { a };
        if g < 2 {
            return None;
        }
        // "that the government next year 2 billion euros invest will.": a modal after its
        // verb's base form ("investieren wird"). (The tagger may read a clause-final "can"
        // or "will" as a verb or noun.)
        let modal = !two
            && MODALS.contains(&aux)
            && v.tag(a)
                .is_some_and(|t| matches!(t, Tag::MD | Tag::VB | Tag::VBP | Tag::NN));
        let finite = two
            || modal
            || (v.tag(a).is_some_and(Tag::is_finite_verb)
                && matches!(aux, "was" | "were" | "is" | "are" | "had" | "has" | "have"));
        let p = g - 1;
        let tagger = crate::tag::Tagger::embedded();
        let participle = if modal {
            // The tagger may read the base form as a noun or an adjective; then an object or
            // phrase stands before it, not the subject ("than the plan will" is English).
            v.tag(p) == Some(Tag::VB)
                || (v.tag(p).is_some_and(|t| {
                    matches!(t, Tag::NN | Tag::JJ | Tag::JJS | Tag::VBP)
                }) && v.words[p].starts_with(char::is_lowercase)
                    && tagger.can_be(v.words[p], Tag::VB)
                    // ("by their self will": a determiner makes it a noun.)
                    && !v.tag(p - 1)
                        .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::POS))
                    && noun_phrases_before(v, p) >= 2)
        } else {
            // The tagger may read the participle as a past form or, after an adverb, a noun.
            v.tag(p) == Some(Tag::VBN)
                || (v.tag(p).is_some_and(|t| matches!(t, Tag::VBD | Tag::NN))
                    && v.words[p].starts_with(char::is_lowercase)
                    && tagger.can_be(v.words[p], Tag::VBN))
        };
        if !closes || !finite || !participle {
            return None;
        }
        // The participle's adverbs move with it ("deliberately set").
        let mut s = p;
        while s > 0 && v.tag(s - 1).is_some_and(Tag::is_adverb) {
            s -= 1;
        }
        // A noun read as a participle needs an adverb before it ("deliberately set").
        if !modal && v.tag(p) == Some(Tag::NN) && s == p {
            return None;
        }
        // "who the man he had seen was": a participle with its own auxiliary belongs to a
        // clause inside the subject; the last verb is the subject's.
        if s > 0 && (BE.contains(&v.lower(s - 1)) || HAVE.contains(&v.lower(s - 1))) {
            return None;
        }
        // A clause with a subject before: a noun phrase somewhere before the participle.
        if !(0..s).any(|k| v.tag(k).is_some_and(Tag::is_noun)) {
            return None;
        }
        // With "have" the object stands before the participle too: the verb group goes right
        // after the clause's subject ("that the treasurer has taken the money …"); with
        // "be" the auxiliary alone moves before the participle.
        // (With "be" the auxiliary alone moves, "because the train delayed was"; a phrase
        // of time before the participle goes last, "that the bridge in 2024 demolished will
        // be", while other phrases may belong to the subject, "the fire in the warehouse").
        let time_phrase = (1..s).any(|k| {
            v.tag(k) == Some(Tag::IN) && super::words::names_time(v.lower(k + 1))
        });
        let subject_end = if BE.contains(&aux) && !time_phrase {
            Some(s)
        } else {
            // (A subordinator that opens the sentence opens this clause when the clause ends
            // at a comma: "After the airport its runway … closed had, …" has its subject right
            // after it, though "after" reads as a preposition before a noun phrase.)
            let fronted = v.words.get(a + 1) == Some(&",")
                && SUBORDINATE_OPENERS.contains(&v.lower(0))
                && !(1..s).any(|k| v.words[k] == ",");
            let start = (0..s)
                .rev()
                .find(|&k| is_clause_opener(v, k) || (fronted && k == 0))
                .map_or_else(|| main_clause_start(v).0, |k| k + 1);
            coordinated_np(v, start).filter(|&e| e <= s)
        };
        let suggestion = subject_end.map(|e| {
            // The middle's adverbs go before the participle, its object first, times last.
            let (adverbs, middle) = english_middle(v, e, s)
                .unwrap_or_else(|| (Vec::new(), vec![Piece::Tokens(e, s)]));
            let mut pieces = vec![Piece::Tokens(0, e), Piece::Tokens(g, a + 1)];
            pieces.extend(adverbs);
            pieces.push(Piece::Tokens(s, g));
            pieces.extend(middle);
            pieces.push(Piece::Tokens(a + 1, v.len()));
            render(v, &pieces)
        });
        let (start, stop) = v.span(s, a + 1);
        Some(Diagnosis {
            check: if modal {
                "infinitive-before-modal"
            } else {
                "participle-before-auxiliary"
            },
            start,
            end: stop,
            message: format!(
                "'{}' and '{}' stand at the end of the clause in Dutch/German order: put them, in English \
                 order, right after the subject",
                v.words[p],
                v.slice(g, a + 1)
            ),
            suggestion,
            confidence: 0.75,
        })
    })
}

/// "I think that the weather tomorrow better will be.", "because the roads icy were": an
/// adjective and then the clause's "be" (with its modal or "have"), last in the clause (Dutch
/// and German "beter zal zijn", "glatt waren"). English puts "be" before its predicate and
/// ends a clause with "be" only after a fronted predicate or question ("how good it will be",
/// "than it used to be"). The rewrite puts the verb group and the adjective right after the
/// subject, the phrases that stood between them after, times last.
fn predicate_before_be(v: &SentenceView, end: usize) -> Option<Diagnosis> {
    // The verb group at the end, and where the clause goes on: the sentence's end, or a comma
    // after a subordinate clause.
    let closing = (2..end)
        .filter(|&k| k + 1 == end || v.words.get(k + 1) == Some(&","))
        .find(|&k| {
            let w = v.lower(k);
            (matches!(w, "is" | "are" | "was" | "were")
                && v.tag(k).is_some_and(Tag::is_finite_verb))
                || (w == "be" && v.tag(k - 1) == Some(Tag::MD))
                || (w == "been" && HAVE.contains(&v.lower(k - 1)))
        })?;
    let mut vs = closing;
    while vs > 0
        && closing - vs < 2
        && (v.tag(vs - 1) == Some(Tag::MD) || HAVE.contains(&v.lower(vs - 1)))
    {
        vs -= 1;
    }
    // The predicate adjective and its adverbs ("not", "very").
    let a = vs.checked_sub(1)?;
    if !v.tag(a).is_some_and(Tag::is_adjective) {
        return None;
    }
    let mut p = a;
    while p > 0 && v.tag(p - 1).is_some_and(Tag::is_adverb) {
        p -= 1;
    }
    // The clause: after its opener, or the main clause.
    let start = (0..p)
        .rev()
        .find(|&k| is_clause_opener(v, k))
        .map_or_else(|| main_clause_start(v).0, |k| k + 1);
    // A fronted predicate, a comparison or a question keeps "be" last ("how cold it was",
    // "as good as it gets", "than it used to be").
    let opener = start.checked_sub(1).map(|o| v.lower(o));
    if opener.is_some_and(|o| {
        matches!(
            o,
            "as" | "than" | "how" | "however" | "what" | "whatever" | "so" | "too"
        )
    }) || (start..p).any(|k| {
        matches!(
            v.lower(k),
            "as" | "than" | "how" | "however" | "so" | "too" | "more" | "less" | "the"
        ) && v.tag(k + 1).is_some_and(Tag::is_adjective)
    }) || v.words.contains(&"?")
    {
        return None;
    }
    let mut e = coordinated_np(v, start).filter(|&e| e <= p && e > start)?;
    if !(start..e).any(|k| v.tag(k).is_some_and(|t| t.is_noun() || t == Tag::PRP)) {
        return None;
    }
    // The subject keeps its phrases ("the situation in the city"), not a time ("on Tuesday").
    let np = v.chunker();
    while v.tag(e) == Some(Tag::IN)
        && let Some(pe) = np.noun_phrase(e + 1).filter(|&pe| pe <= p)
        && !(e + 1..pe).any(|k| super::words::names_time(v.lower(k)))
    {
        e = pe;
    }
    // Between the subject and the predicate: phrases only, no verb.
    if (e..p).any(|k| v.tag(k).is_some_and(|t| t.is_verb() || t == Tag::MD)) {
        return None;
    }
    let (adverbs, middle) =
        english_middle(v, e, p).unwrap_or_else(|| (Vec::new(), vec![Piece::Tokens(e, p)]));
    let mut pieces = vec![Piece::Tokens(0, e)];
    pieces.extend(adverbs);
    pieces.push(Piece::Tokens(vs, closing + 1));
    pieces.push(Piece::Tokens(p, vs));
    pieces.extend(middle);
    pieces.push(Piece::Tokens(closing + 1, v.len()));
    let (s, stop) = v.span(p, closing + 1);
    Some(Diagnosis {
        check: "predicate-before-be",
        start: s,
        end: stop,
        message: format!(
            "'{}' ends the clause after what it says ('{}'), in Dutch/German order: put it \
             before '{}'",
            v.slice(vs, closing + 1),
            v.slice(p, vs),
            v.words[p]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.7,
    })
}

/// Subordinators whose clause may end at a comma before the main clause.
const SUBORDINATE_OPENERS: &[&str] = &[
    "because", "when", "if", "although", "though", "while", "since", "after", "before", "once",
    "unless", "whereas",
];

/// Adjectives and participles that take a "to"-infinitive ("committed to", "happy to").
const TAKES_INFINITIVE: &[&str] = &[
    "committed",
    "happy",
    "ready",
    "willing",
    "able",
    "pleased",
    "glad",
    "eager",
    "prepared",
    "determined",
    "keen",
    "delighted",
    "proud",
    "unable",
    "free",
];

/// Adjectives whose "to" is a preposition: the verb after it takes -ing ("committed to
/// reading").
const TO_TAKES_ING: &[&str] = &[
    "committed",
    "dedicated",
    "devoted",
    "opposed",
    "accustomed",
    "used",
];

/// "We are committed to all your e-mails to read.", "happy to your questions to answer": an
/// adjective that takes an infinitive, "to", the infinitive's object and only then "to" and the
/// verb, at the end of the sentence (Dutch "om al uw e-mails te lezen"). "I gave the book to my
/// friends to read" is English: there "to" follows a verb and its object.
fn infinitive_last(v: &SentenceView, end: usize) -> Option<Diagnosis> {
    // The final "to" + verb.
    if end < 4 || v.tag(end - 1) != Some(Tag::VB) {
        return None;
    }
    if v.lower(end - 2) != "to" {
        return bare_infinitive_last(v, end);
    }
    let verb = end - 1;
    if !frames().is_transitive(v.lower(verb)) {
        return None;
    }
    // The first "to", right after an adjective that takes an infinitive; or a verb that takes
    // an infinitive but no object before it ("tried the village to reach": "try" has no
    // "try someone to do").
    let np_start = |k: usize| {
        matches!(
            v.tag(k),
            Some(Tag::DT | Tag::PDT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
        )
    };
    let after_adjective = (1..end - 3).find(|&k| {
        v.lower(k) == "to" && TAKES_INFINITIVE.contains(&v.lower(k - 1)) && np_start(k + 1)
    });
    let after_verb = || {
        (0..end - 3).find(|&k| {
            v.tag(k).is_some_and(Tag::is_verb)
                && matches!(
                    frames().lemma(v.lower(k)),
                    "try" | "attempt" | "manage" | "fail" | "decide" | "refuse" | "agree"
                )
                && np_start(k + 1)
        })
    };
    let (first, object) = match after_adjective {
        Some(f) => (f, f + 1..end - 2),
        None => {
            let f = after_verb()?;
            (f, f + 1..end - 2)
        }
    };
    // Between them: the object and its phrases, no verb and no clause boundary.
    if object.clone().any(|k| {
        v.tag(k)
            .is_some_and(|t| t.is_verb() || t.is_punct() || t == Tag::MD)
            || v.lower(k) == "to"
    }) {
        return None;
    }
    // After a verb the infinitive needs its "to" ("tried to reach the village").
    let to = if after_adjective.is_some() {
        Piece::Tokens(first + 1, first + 1)
    } else {
        Piece::Text("to".into())
    };
    // After "committed to", "opposed to" the verb is an -ing form: "to" is a preposition.
    let gerund = after_adjective.is_some() && TO_TAKES_ING.contains(&v.lower(first - 1));
    let verb_piece = if gerund {
        let lemma = super::verb_forms::lemma(v.words[verb]).unwrap_or_default();
        Piece::Word(
            verb,
            super::verb_forms::inflect(&lemma, super::verb_forms::Form::Gerund),
        )
    } else {
        Piece::Tokens(verb, verb + 1)
    };
    let pieces = [
        Piece::Tokens(0, first + 1),
        to,
        verb_piece,
        Piece::Tokens(object.start, object.end),
        Piece::Tokens(end, v.len()),
    ];
    Some(infinitive_last_diagnosis(
        v,
        (first, end),
        verb,
        "before the object",
        render(v, &pieces),
    ))
}

/// The finding for the infinitive at `verb` left after its object in `span`, with where it
/// goes and the rewrite.
fn infinitive_last_diagnosis(
    v: &SentenceView,
    span: (usize, usize),
    verb: usize,
    place: &str,
    suggestion: String,
) -> Diagnosis {
    let (start, end) = v.span(span.0, span.1);
    Diagnosis {
        check: "infinitive-last",
        start,
        end,
        message: format!(
            "The verb '{}' comes after its object, at the end as in Dutch/German: put it {place}",
            v.words[verb]
        ),
        suggestion: Some(suggestion),
        confidence: 0.7,
    }
}

/// Verbs that take a "to"-infinitive with no object before it ("hopes to open", "plans to
/// close").
const INFINITIVE_VERBS: &[&str] = &[
    "hope", "plan", "want", "try", "attempt", "decide", "intend", "promise", "expect", "aim",
    "seek", "need", "agree", "manage", "fail", "refuse", "wish", "threaten", "vow", "prepare",
    "offer", "pledge", "continue", "begin", "start", "propose", "choose",
];

/// "The company plans to its factory in Ghent before the end of the year close.", "We hope
/// to the new bridge in March open.": a verb or adjective that takes an infinitive, "to",
/// the infinitive's object and phrases, and the bare verb last (Dutch "hoopt de brug in maart
/// te openen"). The rewrite puts the verb after "to", then the object, the times last.
fn bare_infinitive_last(v: &SentenceView, end: usize) -> Option<Diagnosis> {
    let verb = end - 1;
    let w = v.words[verb];
    // A verb's base form, never a past in "-ed" ("agreed to the plan put forward").
    if w.ends_with("ed") || !frames().may_be_base(v.lower(verb)) {
        return None;
    }
    let lemma = |k: usize| {
        super::verb_forms::lemma(v.words[k]).unwrap_or_else(|| frames().lemma(v.lower(k)).into())
    };
    let first = (1..verb.saturating_sub(2)).find(|&k| {
        if v.lower(k) != "to" {
            return false;
        }
        let before = v.lower(k - 1);
        let takes = TAKES_INFINITIVE.contains(&before)
            || (INFINITIVE_VERBS.contains(&lemma(k - 1).as_str())
                && (v.tag(k - 1).is_some_and(Tag::is_verb)
                    || (v.tag(k - 1).is_some_and(Tag::is_noun)
                        && crate::tag::Tagger::embedded().can_be(v.words[k - 1], Tag::VBZ))));
        takes
            && matches!(
                v.tag(k + 1),
                Some(Tag::DT | Tag::PDT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::JJ | Tag::CD)
            )
    })?;
    // Between them: the object and its phrases, no verb and no clause boundary.
    if (first + 1..verb).any(|k| {
        v.tag(k)
            .is_some_and(|t| t.is_verb() || t.is_punct() || t == Tag::MD || t == Tag::WDT)
            || matches!(v.lower(k), "to" | "that")
    }) {
        return None;
    }
    // "committed to", "opposed to": "to" is a preposition; the verb would be an -ing form.
    if TO_TAKES_ING.contains(&v.lower(first - 1)) {
        return None;
    }
    Some(infinitive_last_diagnosis(
        v,
        (first, end),
        verb,
        "right after 'to'",
        super::rewrite::verb_brought_forward(v, first, verb, end),
    ))
}

/// Decides whether a clause read forward is verb-final, and builds the diagnosis.
fn judge(
    v: &SentenceView,
    c: &Clause,
    opener: Option<usize>,
    front: Option<Front>,
    start: usize,
) -> Option<Diagnosis> {
    let (vs, ve) = c.verb;
    let head = ve - 1;
    let relative = opener.is_some_and(|o| {
        matches!(v.tag(o), Some(Tag::WDT | Tag::WP | Tag::WRB))
            || o > 0 && v.tag(o - 1).is_some_and(Tag::is_noun)
    });
    if english_verb_last(v, c) {
        return None;
    }
    let single_verb = ve - vs == 1 && v.tag(head).is_some_and(Tag::is_finite_verb);
    let frame = frames().get(v.lower(head));
    let transitive = frames().is_transitive(v.lower(head));
    let strongly_transitive = frame.is_none_or(|f| f.count < 3 || f.object_rate >= 0.7);
    let comma_before_verb = vs > 0 && v.words[vs - 1] == ",";
    let pps = c.middle.pps.len();
    // The subject and the material to move behind the verb.
    let (mut subject_end, object_start) = split_bare_compound(v, c);
    let mut has_np = !c.middle.nps.is_empty();
    // "that the country Haftar supports": a name after a common noun, before a transitive verb
    // that ends the clause, is the verb's object.
    if !has_np
        && pps == 0
        && single_verb
        && transitive
        && let Some(k) = trailing_name(v, c.subject)
    {
        subject_end = k;
        has_np = true;
    }
    // "the best steaks I have ever had": a pronoun or a name right before the verb, outside a
    // "that"-clause, is the subject of a reduced relative clause, which English allows.
    let complement = opener.is_some_and(|o| v.lower(o) == "that" && !relative);
    if let Some(&(ns, ne)) = c.middle.nps.last()
        && ne == vs
        && !complement
        && (ns..ne).all(|k| matches!(v.tag(k), Some(Tag::PRP | Tag::NNP | Tag::NNPS)))
    {
        return None;
    }
    // "the U.S. and Russia of a UN resolution … rejected": "of" cannot attach to a
    // coordination or a name, so it marks the object, as the source's case did.
    let of_object = !has_np
        && single_verb
        && transitive
        && v.lower(subject_end) == "of"
        && c.middle
            .pps
            .first()
            .is_some_and(|&(ps, _)| ps == subject_end)
        && ((c.subject.0..c.subject.1).any(|i| v.tag(i) == Some(Tag::CC))
            || v.tag(c.subject.1 - 1).is_some_and(Tag::is_proper_noun));
    let confidence = if has_np || of_object {
        0.8
    } else if pps > 0
        && single_verb
        && transitive
        && !relative
        && (comma_before_verb || (pps >= 2 && strongly_transitive))
    {
        0.55
    } else {
        return None;
    };
    let suggestion = verb_final_rewrite(v, c, front, start, (subject_end, object_start), has_np);
    let (s, e) = v.span(c.subject.0, ve);
    let verb_text = v.slice(vs, ve);
    Some(Diagnosis {
        check: "finite-verb-last",
        start: s,
        end: e,
        message: format!(
            "The verb '{verb_text}' comes after its {}, at the end as in Dutch/German: put it right after the subject",
            if has_np || of_object {
                "object"
            } else {
                "complements"
            }
        ),
        suggestion: Some(suggestion),
        confidence,
    })
}

/// Whether the clause's verb stands last as English allows: a form of "be", a time phrase
/// read as the subject, or a quotation before who said it.
fn english_verb_last(v: &SentenceView, c: &Clause) -> bool {
    let (vs, ve) = c.verb;
    let verb_words: Vec<&str> = (vs..ve).map(|i| v.lower(i)).collect();
    if verb_words.iter().all(|w| BE.contains(w)) {
        return true;
    }
    // "The next morning the police arrived.": a time phrase read as the subject, and the one
    // noun phrase after it the real subject, right before its verb.
    if is_time_head(v.lower(c.subject.1 - 1)) && c.middle.nps.len() <= 1 && c.middle.pps.is_empty()
    {
        return true;
    }
    // "Five people, all women, died.", "In Malmö, Sweden, the Council of Ministers met.": a
    // noun phrase after a comma is an apposition or the subject after a name set off by
    // commas, not an object before the verb.
    if !c.middle.nps.is_empty()
        && c.middle
            .nps
            .iter()
            .all(|&(ns, _)| ns > 0 && v.words[ns - 1] == ",")
    {
        return true;
    }
    // 'The words "rogue country" are read', 'the proverb "…" remained': a quoted phrase right
    // after the subject names it, before a passive or a verb that takes no object; so does a
    // title before a passive ("an inscription entitled Date of the Year 16 … had been
    // found").
    let head = v.lower(ve - 1);
    let passive = ve - vs >= 2
        && v.tag(ve - 1) == Some(Tag::VBN)
        && (vs..ve - 1).any(|i| BE.contains(&v.lower(i)));
    let objectless = passive || !frames().is_transitive(head);
    let quoted_after_subject = c.middle.nps.len() == 1 && {
        let (ns, _) = c.middle.nps[0];
        ns > 0 && ns - 1 == c.subject.1 && matches!(v.words[ns - 1], "\"" | "“" | "'" | "‘")
    };
    let titles = !c.middle.nps.is_empty()
        && c.middle
            .nps
            .iter()
            .all(|&(ns, ne)| (ns..ne).all(|k| !v.words[k].starts_with(char::is_lowercase)));
    if objectless && quoted_after_subject || passive && titles {
        return true;
    }
    // '"The situation is under control," the minister said.': a quotation, then who said it
    // (the chunker reads the quotation as a noun phrase).
    if (c.subject.0..c.subject.1).any(|k| v.tag(k) == Some(Tag::CloseQuote))
        && v.tag(c.subject.0) == Some(Tag::OpenQuote)
    {
        return true;
    }
    false
}

/// The clause in English order: what came before the subject (a fronted phrase with its
/// comma), the subject (up to `subject_end`), the verb, the middle (from the object at
/// `object_start`), and the rest of the sentence.
fn verb_final_rewrite(
    v: &SentenceView,
    c: &Clause,
    front: Option<Front>,
    start: usize,
    (subject_end, object_start): (usize, usize),
    has_np: bool,
) -> String {
    let (vs, ve) = c.verb;
    let mut middle_start = subject_end;
    let middle_end = vs;
    // "the U.S. and Russia of a UN resolution": "of" cannot attach to a coordination or a
    // name, so it is the source's object marker; drop it.
    let coordinated = (c.subject.0..c.subject.1).any(|i| v.tag(i) == Some(Tag::CC));
    let named = v.tag(c.subject.1 - 1).is_some_and(Tag::is_proper_noun)
        || v.tag(c.subject.0) == Some(Tag::PRP);
    if object_start == subject_end && v.lower(middle_start) == "of" && (coordinated || named) {
        middle_start += 1;
    }
    let mut pieces = Vec::new();
    match front {
        Some(Front::Phrase { weekday }) => {
            if weekday {
                pieces.push(Piece::Text("On".into()));
            }
            let comma_at = start - 1;
            if v.words[comma_at] == "," {
                pieces.push(Piece::Tokens(0, start));
            } else {
                pieces.push(Piece::Tokens(0, start));
                pieces.push(Piece::Text(",".into()));
            }
        }
        _ => pieces.push(Piece::Tokens(0, c.subject.0)),
    }
    pieces.push(Piece::Tokens(c.subject.0, subject_end));
    // The middle, without a comma that only closed it.
    let mut m_end = middle_end;
    while m_end > middle_start && v.words[m_end - 1] == "," {
        m_end -= 1;
    }
    // "that she the proposal … send will": the verb before a final modal or auxiliary joins
    // it.
    let auxiliary = |i: usize| AUXILIARIES.contains(&v.lower(i)) || v.tag(i) == Some(Tag::MD);
    let trailing_verb = (m_end > middle_start
        && matches!(v.tag(m_end - 1), Some(Tag::VB | Tag::VBN))
        && auxiliary(vs))
    .then(|| m_end - 1);
    if trailing_verb.is_some() {
        m_end -= 1;
    }
    // A passive "has been recognized" with an object is an active "has recognized".
    let group: Vec<usize> = (vs..ve)
        .filter(|&i| !(has_np && v.lower(i) == "been" && i > vs && HAVE.contains(&v.lower(i - 1))))
        .chain(trailing_verb)
        .collect();
    // The middle's adverbs go before the verb (after an auxiliary: "should immediately
    // publish"), its object first and times last.
    let (adverbs, middle) = english_middle(v, middle_start, m_end)
        .unwrap_or_else(|| (Vec::new(), vec![Piece::Tokens(middle_start, m_end)]));
    let adverbs_after = if group.len() >= 2 && auxiliary(group[0]) {
        1
    } else {
        0
    };
    for (n, &i) in group.iter().enumerate() {
        if n == adverbs_after {
            pieces.extend(adverbs.iter().cloned());
        }
        pieces.push(Piece::Tokens(i, i + 1));
    }
    pieces.extend(middle);
    pieces.push(Piece::Tokens(ve, v.len()));
    render(v, &pieces)
}

/// Where a name that ends a "determiner + common noun + name" subject starts.
fn trailing_name(v: &SentenceView, (s, e): (usize, usize)) -> Option<usize> {
    if e - s < 3 || !v.tag(e - 1).is_some_and(Tag::is_proper_noun) {
        return None;
    }
    let mut k = e;
    while k > s && v.tag(k - 1).is_some_and(Tag::is_proper_noun) {
        k -= 1;
    }
    let common_before = k > s
        && v.tag(k - 1)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS));
    (common_before && matches!(v.tag(s), Some(Tag::DT | Tag::PRPS))).then_some(k)
}

/// "Libya cooperation …": when nothing but phrases stands before a transitive verb, a bare
/// name before a common noun is the subject and the noun the object. Returns (subject end,
/// object start).
fn split_bare_compound(v: &SentenceView, c: &Clause) -> (usize, usize) {
    let (s, e) = c.subject;
    if c.middle.nps.is_empty() && v.tag(s).is_some_and(Tag::is_proper_noun) {
        let mut k = s;
        while k < e && v.tag(k).is_some_and(Tag::is_proper_noun) {
            k += 1;
        }
        if k < e
            && v.tag(k).is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
            && coordinated_np(v, k).is_some()
        {
            return (k, k);
        }
    }
    (e, e)
}
