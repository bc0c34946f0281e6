//! mtlint: finds the errors machine translation from verb-second languages (Dutch, German, …)
//! leaves in English, and proposes the corrected sentence.
//!
//! The pipeline is the architecture: read → normalize → segment → tokenize → tag → chunk →
//! detect → report. Each stage is a module with plain data in and out.

// The pipeline's stages, each a folder: input (read, normalize, formats), analysis (segment,
// tokenize, tag, chunk), detect (the rules and packs), suggest (edits, one corrected sentence), report (formats, score, baseline).
pub mod analysis;
pub mod detect;
pub mod input;
pub mod report;
pub mod suggest;

// What drives the stages and what measures them.
pub mod calibrate;
pub mod check;
pub mod config;
pub mod eval;
pub mod finding;
pub mod fix;
pub mod inspect;
pub mod output;
pub mod synth;

// The stages' modules under their long-standing paths (`mtlint::tag`, `mtlint::segment`, …).
pub use analysis::{
    align, chunk, frames, lm, ngram, pipeline, segment, table, tag, tense, time_words, tokenize,
};
pub use detect::packs;
pub use input::{formats, normalize, read};
pub use report::baseline;
