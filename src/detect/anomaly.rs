//! `word-order-anomaly`: an order of words English does not produce, found with the class
//! n-gram model of English (see [`crate::lm`]), and the swap of two neighbours that repairs it.
//!
//! ## What it does
//! Scores the sentence's sequence of word classes in both directions. When swapping two
//! neighbouring words makes the sentence much more likely ("were both in found urine samples"
//! → "were both found in urine samples"), it reports the pair and suggests the swap. A sentence
//! whose whole order is far from English ("shuffled" output) is reported without a suggestion.
//!
//! ## Why is this bad?
//! Machine translation keeps source order in places English grammar does not allow; an editor
//! reads such sentences as garbled.
//!
//! ## Thresholds
//! Tuned on EWT dev and the DEMETR dev pairs for a false-positive budget of about 1% of clean
//! sentences (see `mtlint eval`).

use super::rewrite::{Piece, render, uncapitalize};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::lm::ClassLm;
use crate::segment::SegmentKind;
use std::sync::OnceLock;

static MODEL: &[u8] = include_bytes!("../../models/class-lm.bin");

/// The embedded model, loaded once.
pub fn model() -> &'static ClassLm {
    static LM: OnceLock<ClassLm> = OnceLock::new();
    LM.get_or_init(|| ClassLm::from_bytes(MODEL).expect("the embedded word-order model is valid"))
}

/// A swap must raise the sentence's log-probability by this much.
pub const SWAP_GAIN: f32 = 6.0;
/// ... and the words around the pair must be this improbable as they stand.
pub const SWAP_BEFORE: f32 = -20.0;
/// Mean surprise per token (nats) above which a whole sentence is out of English order.
pub const SENTENCE_SURPRISE: f32 = 4.6;

pub struct WordOrderAnomaly;

static META: RuleMeta = RuleMeta {
    id: "word-order-anomaly",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "Words in an order English does not produce; suggests the swap that repairs it.",
    why: "Machine translation keeps source order where English grammar does not allow it; a \
          model of English word order trained on the English Web Treebank finds sequences it \
          has practically never seen.",
    fix: "Swap the two words named, or reorder the sentence.",
    examples: &[
        Example::Bad {
            text: "Any witness evidence be could negatively impacted.",
            fix: Some("Any witness evidence could be negatively impacted."),
        },
        Example::Bad {
            text: "Most of the goods imported this into country are duty free.",
            fix: Some("Most of the goods imported into this country are duty free."),
        },
        Example::Bad {
            text: "Comets have may been the source of Earth's water.",
            fix: Some("Comets may have been the source of Earth's water."),
        },
        Example::Good("Cyanuric acid and melamine were both found in urine samples of pets."),
        Example::Good("He has been unable to relieve the pain with medication."),
        Example::Good("The forces of Haftar had control over the eastern part of the country."),
    ],
};

/// What the model says of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// The best swap among pairs improbable enough: token index of its first word, and gain.
    pub best_swap: Option<(usize, f32)>,
    /// Mean surprise per token.
    pub mean_surprise: f32,
}

fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Scores a sentence's tokens.
pub fn scores(lm: &ClassLm, words: &[&str], tags: &[crate::tag::Tag]) -> Scores {
    let mut seq = lm.sequence(words, tags);
    let mut best: Option<(usize, f32)> = None;
    for j in 0..words.len().saturating_sub(1) {
        if !is_word(words[j]) || !is_word(words[j + 1]) || seq[j + 2] == seq[j + 3] {
            continue;
        }
        let (before, after) = lm.swap_scores(&mut seq, j + 2);
        let gain = after - before;
        if before <= SWAP_BEFORE && best.is_none_or(|(_, g)| gain > g) {
            best = Some((j, gain));
        }
    }
    let surprise = lm.surprise(&seq);
    let mean_surprise = surprise.iter().sum::<f32>() / surprise.len().max(1) as f32;
    Scores {
        best_swap: best,
        mean_surprise,
    }
}

impl Detector for WordOrderAnomaly {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence || v.len() < 4 {
            return;
        }
        let s = scores(model(), &v.words, &v.sentence.tags);
        if let Some((j, gain)) = s.best_swap
            && gain >= SWAP_GAIN
        {
            let (first, second) = if j == 0 {
                (uncapitalize(v, 0), v.words[1].to_string())
            } else {
                (v.words[j].to_string(), v.words[j + 1].to_string())
            };
            let pieces = [
                Piece::Tokens(0, j),
                Piece::Word(j + 1, second),
                Piece::Word(j, first),
                Piece::Tokens(j + 2, v.len()),
            ];
            let (start, end) = v.span(j, j + 2);
            out.push(Diagnosis {
                start,
                end,
                message: format!(
                    "Word order English does not produce: '{}' reads as '{} {}'",
                    v.slice(j, j + 2),
                    v.words[j + 1],
                    v.words[j]
                ),
                suggestion: Some(render(v, &pieces)),
                confidence: (0.5 + (gain - SWAP_GAIN) as f64 / 10.0).min(0.9),
            });
            return;
        }
        if s.mean_surprise >= SENTENCE_SURPRISE {
            let (start, end) = v.span(0, v.len());
            out.push(Diagnosis {
                start,
                end,
                message: "The order of the words is far from English: the sentence reads as \
                          scrambled"
                    .into(),
                suggestion: None,
                confidence: 0.6,
            });
        }
    }
}
