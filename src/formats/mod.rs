//! Input formats beyond plain text and JSONL: XLIFF, bilingual TSV and Markdown, and the
//! suppression comments shared by Markdown and plain text.

pub mod directives;
pub mod markdown;
pub mod tsv;
pub mod xliff;

/// 1-based line and column (in characters) of a byte offset into `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}
