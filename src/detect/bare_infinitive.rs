//! `infinitive-after-object`: "wants the power … take control" — a verb of wanting with its
//! object and then a bare infinitive, where English needs "to".
//!
//! ## Why is this bad?
//! Dutch and German put the infinitive at the end without a particle ("wil de macht …
//! overnemen"); machine translation keeps the bare infinitive after the object.
//!
//! ## Use instead
//! "to" before the infinitive: "wants the power in the country to take control" — or the
//! infinitive right after the verb: "wants to take control of the power".

use super::rewrite::{Piece, render};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::Tag;

pub struct InfinitiveAfterObject;

/// Verbs whose infinitive complement needs "to".
const WANT_VERBS: &[&str] = &[
    "want", "wish", "need", "try", "decide", "plan", "hope", "refuse", "agree", "promise",
    "intend", "seek", "aim", "attempt", "prepare", "threaten", "expect", "like", "prefer",
];

static META: RuleMeta = RuleMeta {
    id: "infinitive-after-object",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "A verb of wanting, its object, then a bare infinitive without 'to'.",
    why: "Dutch and German end the clause with a bare infinitive; machine translation keeps it \
          after the object, where English needs 'to' (or the infinitive after the verb).",
    fix: "Add 'to' before the infinitive, or move the infinitive right after the verb.",
    examples: &[
        Example::Bad {
            text: "Haftar wants the power in the country take control of the government.",
            fix: Some("Haftar wants the power in the country to take control of the government."),
        },
        Example::Bad {
            text: "The rebels want the army attack the city.",
            fix: Some("The rebels want the army to attack the city."),
        },
        Example::Bad {
            text: "The minister wants the reform before the summer introduce.",
            fix: Some("The minister wants to introduce the reform before the summer."),
        },
        Example::Good("They want the government to resign."),
        Example::Good("They want the whole family back home."),
        Example::Good("I want to get a few pet rats and need a rat cage."),
        Example::Good("We need the state control of oil revenues."),
        Example::Good("I want the book."),
        Example::Good("They want the country music festival back."),
    ],
};

/// Can `word` be a bare infinitive (a verb's base form)?
fn base_verb(v: &SentenceView, k: usize) -> bool {
    let w = v.lower(k);
    match v.tag(k) {
        Some(Tag::VB | Tag::VBP) => true,
        Some(Tag::NN) => frames().get(w).is_some_and(|f| f.lemma == w),
        _ => false,
    }
}

impl Detector for InfinitiveAfterObject {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        for i in 0..v.len() {
            let Some(t) = v.tag(i) else { continue };
            if !t.is_verb() || !WANT_VERBS.contains(&frames().lemma(v.lower(i))) {
                continue;
            }
            // The object and its phrases, up to a "to" or a verb.
            let mut j = i + 1;
            let mut saw_noun = false;
            while j < v.len() {
                let tj = v.tag(j).unwrap_or(Tag::XX);
                if v.lower(j) == "to" || tj.is_punct() || (tj.is_verb() && !base_verb(v, j)) {
                    break;
                }
                let after_noun = saw_noun && v.tag(j - 1).is_some_and(Tag::is_noun);
                let object_follows = v.tag(j + 1).is_some_and(|n| {
                    matches!(
                        n,
                        Tag::DT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::NNP | Tag::PRP
                    )
                });
                // "wants the reform before the summer implement.": the infinitive ends the
                // sentence; it goes after the verb, with "to".
                let at_end = matches!(v.tag(j), Some(Tag::VB | Tag::VBP))
                    && v.tag(j + 1).is_some_and(Tag::is_punct)
                    && j + 2 >= v.len()
                    && frames().is_transitive(v.lower(j));
                if after_noun && base_verb(v, j) && at_end {
                    let pieces = [
                        Piece::Tokens(0, i + 1),
                        Piece::Text("to".into()),
                        Piece::Tokens(j, j + 1),
                        Piece::Tokens(i + 1, j),
                        Piece::Tokens(j + 1, v.len()),
                    ];
                    let (start, end) = v.span(i, j + 1);
                    out.push(Diagnosis {
                        start,
                        end,
                        message: format!(
                            "Dutch/German infinitive order: '{}' comes last, after the object of '{}'",
                            v.words[j], v.words[i]
                        ),
                        suggestion: Some(render(v, &pieces)),
                        confidence: 0.65,
                    });
                    return;
                }
                if after_noun && base_verb(v, j) && object_follows {
                    let pieces = [
                        Piece::Tokens(0, j),
                        Piece::Text("to".into()),
                        Piece::Tokens(j, v.len()),
                    ];
                    let (start, end) = v.span(i, j + 1);
                    out.push(Diagnosis {
                        start,
                        end,
                        message: format!(
                            "Dutch/German infinitive order: '{}' comes after the object of '{}' without 'to'",
                            v.words[j], v.words[i]
                        ),
                        suggestion: Some(render(v, &pieces)),
                        confidence: 0.65,
                    });
                    return;
                }
                saw_noun |= tj.is_noun();
                j += 1;
            }
        }
    }
}
