//! mtlint: finds the errors machine translation from verb-second languages (Dutch, German, …)
//! leaves in English, and proposes the corrected sentence.
//!
//! The pipeline is the architecture: read → normalize → segment → tokenize → tag → chunk →
//! detect → report. Each stage is a module with plain data in and out.

pub mod align;
pub mod baseline;
pub mod calibrate;
pub mod check;
pub mod chunk;
pub mod config;
pub mod detect;
pub mod eval;
pub mod finding;
pub mod formats;
pub mod frames;
pub mod input;
pub mod inspect;
pub mod lm;
pub mod normalize;
pub mod output;
pub use detect::packs;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod segment;
pub mod table;
pub mod tag;
pub mod tokenize;
