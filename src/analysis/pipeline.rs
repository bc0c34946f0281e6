//! Runs the analysis stages over one text: normalize → segment → tokenize → tag → chunk.

use crate::chunk::{Chunk, chunk};
use crate::normalize::{LineIndex, Normalized};
use crate::segment::{Segment, segment};
use crate::tag::train::TaggedSentence;
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
    /// The text as decoded (a byte-order mark already removed), when normalization changed
    /// it; `None` when the normalized text is the text as given (no second copy is kept).
    original: Option<String>,
    /// Bytes before `original` in the input (the byte-order mark), added to reported offsets.
    pub base_offset: usize,
    pub normalized: Normalized,
    pub sentences: Vec<AnalyzedSentence>,
    lines: LineIndex,
}

impl Document {
    pub fn analyze(original: String, base_offset: usize, tagger: &Tagger) -> Document {
        let mut doc = Document::prepare(original, base_offset);
        doc.sentences = analyze_segments(doc.text(), segment(doc.text()), tagger);
        doc
    }

    /// A document normalized but not analysed (no sentences): enough to position findings.
    pub fn prepare(original: String, base_offset: usize) -> Document {
        let (normalized, original) = Normalized::from_string(original);
        let lines = LineIndex::new(original.as_deref().unwrap_or(&normalized.text));
        Document {
            original,
            base_offset,
            normalized,
            sentences: Vec::new(),
            lines,
        }
    }

    /// The text as decoded (a byte-order mark already removed); offsets in findings refer to it.
    pub fn original(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.normalized.text)
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
        self.lines.line_column(self.original(), original_offset)
    }
}

/// Every sentence of clean `lines` as the pipeline splits, tokenizes and tags it, in order: more
/// English for the models trained on a treebank. The tags are the tagger's, as at run time.
pub fn tagged_sentences(lines: &[String], tagger: &Tagger) -> Vec<TaggedSentence> {
    lines
        .par_iter()
        .flat_map_iter(|line| {
            let doc = Document::analyze(line.clone(), 0, tagger);
            let text = doc.text();
            doc.sentences
                .iter()
                .filter(|s| !s.tokens.is_empty())
                .map(|s| TaggedSentence {
                    words: s.tokens.iter().map(|t| t.text(text).to_string()).collect(),
                    tags: s.tags.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Tokenizes, tags and chunks segments of `text`, in order.
pub fn analyze_segments(
    text: &str,
    segments: Vec<Segment>,
    tagger: &Tagger,
) -> Vec<AnalyzedSentence> {
    // Segments are analysed in parallel (each worker with its own buffers); `collect` keeps
    // their order, so the analysis is the same on any number of threads. What a sentence keeps
    // is copied out of the buffers at its exact size: a long text holds millions of tokens, and
    // growth slack would add up to tens of megabytes.
    segments
        .into_par_iter()
        .map_init(
            || (TagScratch::default(), Vec::<&str>::new(), Vec::new()),
            |(scratch, words, buffer), seg| {
                buffer.clear();
                tokenize_into(text, seg.start, seg.end, buffer);
                words.clear();
                words.extend(buffer.iter().map(|t| t.text(text)));
                let mut tags = Vec::with_capacity(buffer.len());
                tagger.tag_into(words, scratch, &mut tags);
                let mut chunks = chunk(words, &tags);
                chunks.shrink_to_fit();
                AnalyzedSentence {
                    segment: seg,
                    tokens: buffer.clone(),
                    tags,
                    chunks,
                }
            },
        )
        .collect()
}
