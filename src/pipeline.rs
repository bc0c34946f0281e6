//! Runs the analysis stages over one text: normalize → segment → tokenize → tag → chunk.

use crate::chunk::{Chunk, chunk};
use crate::normalize::{LineIndex, Normalized};
use crate::segment::{Segment, segment};
use crate::tag::{Tag, TagScratch, Tagger};
use crate::tokenize::{Token, tokenize_into};
use rayon::prelude::*;

/// One segment with its tokens, tags and chunks. Token offsets are into the normalized text.
#[derive(Debug, Clone)]
pub struct AnalyzedSentence {
    pub segment: Segment,
    pub tokens: Vec<Token>,
    pub tags: Vec<Tag>,
    pub chunks: Vec<Chunk>,
}

/// A text as given, its normalized form and its analysis.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text as decoded (a byte-order mark already removed).
    pub original: String,
    /// Bytes before `original` in the input (the byte-order mark), added to reported offsets.
    pub base_offset: usize,
    pub normalized: Normalized,
    pub sentences: Vec<AnalyzedSentence>,
    lines: LineIndex,
}

impl Document {
    pub fn analyze(original: String, base_offset: usize, tagger: &Tagger) -> Document {
        let normalized = Normalized::new(&original);
        let text = normalized.text.as_str();
        // Segments are analysed in parallel (each worker with its own buffers); `collect`
        // keeps their order, so the analysis is the same on any number of threads.
        let sentences = segment(text)
            .into_par_iter()
            .map_init(
                || (TagScratch::default(), Vec::<&str>::new()),
                |(scratch, words), seg| {
                    let mut tokens = Vec::new();
                    tokenize_into(text, seg.start, seg.end, &mut tokens);
                    words.clear();
                    words.extend(tokens.iter().map(|t| t.text(text)));
                    let mut tags = Vec::with_capacity(tokens.len());
                    tagger.tag_into(words, scratch, &mut tags);
                    let chunks = chunk(words, &tags);
                    AnalyzedSentence {
                        segment: seg,
                        tokens,
                        tags,
                        chunks,
                    }
                },
            )
            .collect();
        let lines = LineIndex::new(&original);
        Document {
            original,
            base_offset,
            normalized,
            sentences,
            lines,
        }
    }

    /// The normalized text the analysis refers to.
    pub fn text(&self) -> &str {
        &self.normalized.text
    }

    /// Maps a normalized span to the span in `original`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.normalized.to_original_start(start),
            self.normalized.to_original_end(end),
        )
    }

    /// 1-based line and character column of an offset into `original`.
    pub fn line_column(&self, original_offset: usize) -> (usize, usize) {
        self.lines.line_column(&self.original, original_offset)
    }
}
