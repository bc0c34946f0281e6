//! Input formats beyond plain text and JSONL: XLIFF, bilingual TSV and Markdown, and the
//! suppression comments shared by Markdown and plain text.

pub mod directives;
pub mod markdown;
pub mod tsv;
pub mod xliff;

pub use crate::normalize::line_column;
