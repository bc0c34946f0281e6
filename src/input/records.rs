//! Inputs to check: a whole text or Markdown file, or records — JSONL lines (`{"id", "text"}`,
//! optional `"source"`), bilingual TSV lines, XLIFF segments — each a document of its own.
//! The readers of TSV, XLIFF and Markdown are in [`crate::formats`].

use serde_json::Value;

/// How input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: `.jsonl` JSONL, `.tsv` TSV, `.xlf`/`.xliff` XLIFF, `.md`/`.markdown`
    /// Markdown, anything else plain text.
    Auto,
    Text,
    Jsonl,
    Tsv,
    Xliff,
    Markdown,
}

impl InputFormat {
    /// The format of an input: this one, or for `Auto` the one its extension names.
    pub fn resolve(self, extension: Option<&str>) -> InputFormat {
        if self != InputFormat::Auto {
            return self;
        }
        match extension {
            Some("jsonl") => InputFormat::Jsonl,
            Some("tsv") => InputFormat::Tsv,
            Some("xlf" | "xliff") => InputFormat::Xliff,
            Some("md" | "markdown") => InputFormat::Markdown,
            _ => InputFormat::Text,
        }
    }

    /// Whether the input is a stream of line records, read and checked in batches.
    pub fn is_line_records(self) -> bool {
        matches!(self, InputFormat::Jsonl | InputFormat::Tsv)
    }
}

/// One document to check.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's id (JSONL, TSV, XLIFF), or None for a text file.
    pub id: Option<Value>,
    /// 1-based line in the file (for XLIFF, where the target segment starts).
    pub line: Option<usize>,
    pub text: String,
    /// Bytes of the input before `text` (a byte-order mark).
    pub base_offset: usize,
    pub source: Option<String>,
}

/// A record line that could not be read as a record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    pub id: Option<Value>,
    pub line: usize,
    pub message: String,
}

/// Parses one JSONL line.
pub fn parse_record(line_no: usize, line: &str) -> Result<Record, RecordError> {
    let err = |id: Option<Value>, message: String| RecordError {
        id,
        line: line_no,
        message,
    };
    if line.trim().is_empty() {
        return Err(err(
            None,
            format!("line {line_no}: empty line, expected a JSON object"),
        ));
    }
    let value: Value = serde_json::from_str(line)
        .map_err(|e| err(None, format!("line {line_no}: invalid JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(err(None, format!("line {line_no}: expected a JSON object")));
    };
    let id = obj.remove("id");
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => {
            return Err(err(
                id,
                format!("line {line_no}: \"text\" must be a string"),
            ));
        }
        None => return Err(err(id, format!("line {line_no}: missing \"text\" field"))),
    };
    let source = match obj.remove("source") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => {
            return Err(err(
                id,
                format!("line {line_no}: \"source\" must be a string"),
            ));
        }
    };
    Ok(Record {
        id: Some(id.unwrap_or(Value::Null)),
        line: Some(line_no),
        text,
        base_offset: 0,
        source,
    })
}

/// Splits JSONL bytes into records, one result per non-blank line (line ends LF or CRLF); a
/// line that is not UTF-8 becomes an error for that line alone, so one bad record never costs
/// the others.
pub fn parse_jsonl_bytes(bytes: &[u8]) -> Vec<Result<Record, RecordError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if bytes.is_empty() {
        return Vec::new();
    }
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, line)| utf8_line(i + 1, line).and_then(|text| parse_record(i + 1, text)))
        .collect()
}

/// A line's bytes (its line end already removed, LF or CRLF) as text, or the error for the line.
pub fn utf8_line(line_no: usize, line: &[u8]) -> Result<&str, RecordError> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    std::str::from_utf8(line).map_err(|e| RecordError {
        id: None,
        line: line_no,
        message: format!(
            "line {line_no}: invalid UTF-8 at byte {} of the line",
            e.valid_up_to()
        ),
    })
}

/// The source language a file name states in the usual `NAME.SRC-TGT.EXT` form of translation
/// files (`haftar-libya.nl-en.txt`: Dutch into English): the `SRC` code, lower-cased, when the
/// target is English. Any directory part is ignored; `None` when the name has no such part.
pub fn source_lang_of_file_name(path: &str) -> Option<String> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    let mut parts: Vec<&str> = name.split('.').collect();
    // NAME and EXT around the language pair; the pair is the part just before the extension.
    if parts.len() < 3 || parts[0].is_empty() {
        return None;
    }
    parts.pop();
    let (src, tgt) = parts.last()?.split_once('-')?;
    let is_code =
        |c: &str| (2..=3).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_alphabetic());
    (is_code(src) && tgt.eq_ignore_ascii_case("en")).then(|| src.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_costs_only_its_line() {
        let got = parse_jsonl_bytes(b"{\"id\": 1, \"text\": \"A.\"}\n{\"id\": 2, \"text\": \"\xff\"}\r\n{\"id\": 3, \"text\": \"B.\"}\n");
        assert_eq!(got.len(), 3);
        assert!(got[0].is_ok() && got[2].is_ok());
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .message
                .contains("invalid UTF-8")
        );
    }

    #[test]
    fn records_and_errors() {
        let got =
            parse_jsonl_bytes(b"{\"id\": 1, \"text\": \"A.\"}\r\nnot json\n{\"id\": \"x\"}\n");
        assert_eq!(got.len(), 3);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.text, "A.");
        assert_eq!(first.id, Some(Value::from(1)));
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .message
                .contains("invalid JSON")
        );
        let third = got[2].as_ref().unwrap_err();
        assert_eq!(third.id, Some(Value::from("x")));
        assert!(third.message.contains("missing \"text\""));
    }
    #[test]
    fn source_language_from_a_translation_file_name() {
        assert_eq!(
            source_lang_of_file_name("samples/haftar-libya.nl-en.txt").as_deref(),
            Some("nl")
        );
        assert_eq!(
            source_lang_of_file_name("a.b.DE-EN.xlf").as_deref(),
            Some("de")
        );
        assert_eq!(
            source_lang_of_file_name("notes.sv-en.md").as_deref(),
            Some("sv")
        );
        // Into another language, no pair, a pair that is the name itself, or no extension.
        assert_eq!(source_lang_of_file_name("story.en-nl.txt"), None);
        assert_eq!(source_lang_of_file_name("report.txt"), None);
        assert_eq!(source_lang_of_file_name("nl-en.txt"), None);
        assert_eq!(source_lang_of_file_name("story.nl-en"), None);
        assert_eq!(source_lang_of_file_name("dir.nl-en/story.txt"), None);
        assert_eq!(source_lang_of_file_name("-"), None);
    }
}
