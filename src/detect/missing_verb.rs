//! `missing-verb`: a clause that needs a finite verb and has none.
//!
//! ## What it does
//! Finds "that"-clauses and subordinate clauses whose subject is followed by no verb before the
//! clause ends ("says that the land behind Al Sarraj."), and sentences with fewer finite verbs
//! than clauses (a main clause whose verb went missing: "A comparison by infrared spectroscopy
//! that the composition of these crystals matched …").
//!
//! ## Why is this bad?
//! Verb-final source clauses put the verb last; when the translation drops or misplaces it the
//! English clause has none, and the reader cannot tell what is said of the subject.
//!
//! ## Silent on
//! Headlines, captions and list items (segments without final punctuation), greetings and
//! other verbless sentences English allows ("Thanks for everything.", "Good morning to all.").

use super::words::{BE, MODALS, WH_WORDS, is_final_punct};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::Tag;

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
            text: "Last month, a presidential committee the resignation of the former chief as part of the measures.",
            fix: None,
        },
        Example::Bad {
            text: "A comparison by infrared spectroscopy that the composition of these crystals matched those found in the urine.",
            fix: None,
        },
        Example::Good(
            "France denies the rumors and says that the country stands behind Al Sarraj.",
        ),
        Example::Good("Thanks for everything."),
        Example::Good("Good morning to all of you."),
        Example::Good("If necessary, call us."),
        Example::Good("He said that he would come if it rained."),
        Example::Good("What a wonderful day at the beach with the whole family!"),
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
];

fn is_verbish(t: Tag) -> bool {
    t.is_verb()
}

/// Could token `k` be a finite verb? Besides finite tags, a participle with no "be"/"have"
/// before it and a base form with no "to", modal or "do" before it are taken as the finite
/// verbs the tagger may have misread ("The factions accused", "Data show").
fn maybe_finite(v: &SentenceView, k: usize) -> bool {
    let Some(t) = v.tag(k) else { return false };
    if t.is_finite_verb() {
        return true;
    }
    let before = |n: usize| {
        (k.saturating_sub(n)..k)
            .map(|j| v.lower(j))
            .collect::<Vec<_>>()
    };
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
        Tag::VBN => {
            after_subject
                && object_follows
                && !before(3).iter().any(|w| {
                    BE.contains(w) || matches!(*w, "has" | "have" | "had" | "'ve" | "get" | "got")
                })
        }
        Tag::VB => {
            after_subject
                && !before(2)
                    .iter()
                    .any(|w| matches!(*w, "to" | "do" | "does" | "did") || MODALS.contains(w))
        }
        // "a boy in the back raises his hand": a plural noun right after a noun and before a
        // determiner is a verb the tagger misread.
        Tag::NNS => after_subject && matches!(v.tag(k + 1), Some(Tag::DT | Tag::PRPS)),
        _ => false,
    }
}

impl Detector for MissingVerb {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence
            || v.len() < 5
            || matches!(v.words.last(), Some(&"?") | Some(&"!"))
        {
            return;
        }
        if let Some(d) = verbless_clause(v).or_else(|| verb_deficit(v)) {
            out.push(d);
        }
    }
}

/// Where the clause opened at `i` ends: the next comma, semicolon, colon, dash or the end.
fn clause_end(v: &SentenceView, from: usize) -> usize {
    (from..v.len())
        .find(|&k| {
            matches!(v.words[k], "," | ";" | ":" | "-" | "–" | "—") || is_final_punct(v.words[k])
        })
        .unwrap_or(v.len())
}

/// "says that the land behind Al Sarraj", "When you someone thousands of miles away,".
fn verbless_clause(v: &SentenceView) -> Option<Diagnosis> {
    let np = v.chunker();
    for i in 0..v.len() {
        let w = v.lower(i);
        let complementizer = w == "that" && i > 0 && v.tag(i - 1).is_some_and(is_verbish);
        let subordinator =
            CLAUSE_OPENERS.contains(&w) && matches!(v.tag(i), Some(Tag::IN | Tag::WRB));
        if !(complementizer || subordinator) {
            continue;
        }
        // The clause needs a subject of its own (not "if necessary", "when in doubt",
        // "when examining the responses").
        if v.tag(i + 1)
            .is_some_and(|t| matches!(t, Tag::VBG | Tag::VBN))
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
        let has_verb = (subject_end..end).any(|k| v.tag(k).is_some_and(is_verbish));
        // A verb swallowed by the noun phrase ("the people there work") counts too.
        let verb_in_subject =
            (i + 1..subject_end).any(|k| v.tag(k).is_some_and(Tag::is_finite_verb));
        if !has_verb && !verb_in_subject {
            let (start, stop) = v.span(i, end);
            return Some(Diagnosis {
                start,
                end: stop,
                message: format!(
                    "Missing verb: the clause '{}' has a subject but no verb",
                    v.slice(i, end)
                ),
                suggestion: None,
                confidence: 0.7,
            });
        }
    }
    None
}

/// Fewer finite verbs than clauses: each subordinate clause and the main clause need one.
fn verb_deficit(v: &SentenceView) -> Option<Diagnosis> {
    let first = v.lower(0);
    if VERBLESS_OPENERS.contains(&first)
        || v.tag(0)
            .is_some_and(|t| matches!(t, Tag::VB | Tag::UH | Tag::VBG))
        || WH_WORDS.contains(&first)
    {
        return None;
    }
    let words = v
        .words
        .iter()
        .filter(|w| w.starts_with(char::is_alphanumeric))
        .count();
    let finite = (0..v.len()).filter(|&k| maybe_finite(v, k)).count();
    let np = v.chunker();
    let opener_positions: Vec<usize> = (1..v.len())
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
        .collect();
    let openers = opener_positions.len();
    // The main clause is the part before the first opener: it is the one without a verb.
    let main_has_verb = opener_positions
        .first()
        .is_some_and(|&o| (0..o).any(|k| maybe_finite(v, k)));
    let has_determiner = (0..v.len()).any(|k| v.tag(k) == Some(Tag::DT));
    if finite == 0 && words >= 10 && has_determiner {
        let (start, end) = v.span(0, v.len());
        return Some(Diagnosis {
            start,
            end,
            message: "Missing verb: the sentence has a subject but no finite verb".into(),
            suggestion: None,
            confidence: 0.6,
        });
    }
    if finite >= 1 && finite < openers + 1 && words >= 8 && !main_has_verb {
        let (start, end) = v.span(0, v.len());
        return Some(Diagnosis {
            start,
            end,
            message: format!(
                "Missing verb: {openers} clause{} but only {finite} finite verb{}: one clause has lost its verb",
                if openers == 1 { "" } else { "s" },
                if finite == 1 { "" } else { "s" },
            ),
            suggestion: None,
            confidence: 0.5,
        });
    }
    None
}
