//! Read stage: bytes from files, directories and standard input (`read`), decoded and
//! normalized (`normalize`), and cut into documents by format: whole texts, JSONL and TSV
//! records (`records`), XLIFF segments and Markdown prose (`formats`).

pub mod formats;
pub mod normalize;
pub mod read;
pub mod records;

pub use records::*;
