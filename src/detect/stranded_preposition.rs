//! The rule `stranded-preposition`: see `META` for what it finds and why.

use super::clause::{content_end, prepositional_phrase};
use super::rewrite::{Piece, render};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::Tag;

pub struct StrandedPreposition;

/// Prepositions that need their object right after them.
const NEEDS_OBJECT: &[&str] = &[
    "to", "with", "for", "about", "against", "from", "into", "on", "of",
];

static META: RuleMeta = RuleMeta {
    id: "stranded-preposition",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "A preposition is separated from its object by an adverbial phrase.",
    why: "Dutch and German put adverbials of time and place before the object; machine \
          translation keeps that order and leaves the preposition without its object.",
    fix: "Put the object right after the preposition and the adverbial after it.",
    examples: &[
        Example::Bad {
            text: "The forces lay siege to since the beginning of April the capital.",
            fix: Some("The forces lay siege to the capital since the beginning of April."),
        },
        Example::Bad {
            text: "They talked about in the last meeting the new budget.",
            fix: Some("They talked about the new budget in the last meeting."),
        },
        Example::Good("This is the book I talked about in class."),
        Example::Good("They lay siege to the capital since the beginning of April."),
        Example::Good("She went to the market in the morning."),
        Example::Good("The war was paid for by the people themselves."),
    ],
};

impl Detector for StrandedPreposition {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        let end = content_end(v);
        let np = v.chunker();
        for p in 0..end.saturating_sub(3) {
            if !matches!(v.tag(p), Some(Tag::IN | Tag::TO | Tag::RP | Tag::RB))
                || !NEEDS_OBJECT.contains(&v.lower(p))
            {
                continue;
            }
            // The adverbial phrase right after the preposition, then the stranded object.
            let Some(adv_end) = prepositional_phrase(v, p + 1) else {
                continue;
            };
            // "were paid for by the people themselves": a prepositional verb in the passive,
            // its agent after it, is English.
            if v.lower(p + 1) == "by" && p > 0 && v.tag(p - 1) == Some(Tag::VBN) {
                continue;
            }
            let Some(obj_end) = np.noun_phrase(adv_end) else {
                continue;
            };
            // ("… by the people themselves": a reflexive after a phrase stresses its noun.)
            let reflexive = v.lower(adv_end);
            if obj_end == adv_end + 1
                && (reflexive.ends_with("self") || reflexive.ends_with("selves"))
            {
                continue;
            }
            if obj_end != end && v.words.get(obj_end) != Some(&",") {
                continue;
            }
            let pieces = [
                Piece::Tokens(0, p + 1),
                Piece::Tokens(adv_end, obj_end),
                Piece::Tokens(p + 1, adv_end),
                Piece::Tokens(obj_end, v.len()),
            ];
            let (start, stop) = v.span(p, obj_end);
            out.push(Diagnosis {
                check: "",
                start,
                end: stop,
                message: format!(
                    "'{0}' is cut off from '{1}' by '{2}' (Dutch/German order): put '{1}' right after '{0}'",
                    v.words[p],
                    v.slice(adv_end, obj_end),
                    v.slice(p + 1, adv_end)
                ),
                suggestion: Some(render(v, &pieces)),
                confidence: 0.7,
            });
            return;
        }
    }
}
