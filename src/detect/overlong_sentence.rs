//! The rule `overlong-sentence`: see `META` for what it finds and why.
//!
//! ## What it does
//! Names the runs the segmenter cut into pieces because they are too long to be a sentence (longer
//! than [`MAX_SEGMENT_BYTES`] with no sentence punctuation): scraped navigation, a table or a list
//! run together, text whose punctuation was lost. The pieces are checked only by the local rules
//! (capitalisation, repetition, untranslated words, page chrome), not by the structural ones, which
//! need a sentence.

use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::{MAX_SEGMENT_BYTES, SegmentKind};

pub struct OverlongSentence;

static META: RuleMeta = RuleMeta {
    id: "overlong-sentence",
    category: Category::Boilerplate,
    severity: Severity::Minor,
    summary: "A run of text too long to be a sentence, checked only by the local rules.",
    why: "Past a length no sentence of edited prose reaches, without sentence punctuation, \
          the text is most often page chrome, a table or a list run together; the structural \
          checks cannot read it, and the editor should know it was not checked in full.",
    fix: "Split the text into sentences, or remove the page chrome.",
    examples: &[
        Example::Bad {
            text: include_str!("overlong_sentence.example.txt"),
            fix: None,
        },
        Example::Good(
            "The government announced on Tuesday that the new bridge over the river would open \
             next spring, three years later than planned.",
        ),
    ],
};

impl Detector for OverlongSentence {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Overlong || v.is_empty() {
            return;
        }
        // The first piece stands for the whole run: one finding per run.
        let (start, end) = v.span(0, v.len().min(8));
        out.push(Diagnosis {
            check: "",
            start,
            end,
            message: format!(
                "Over {MAX_SEGMENT_BYTES} bytes of text without sentence punctuation: checked \
                 in pieces, by the local rules only"
            ),
            suggestion: None,
            confidence: 1.0,
        });
    }
}
