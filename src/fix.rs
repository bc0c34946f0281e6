//! `mtlint fix`'s work, independent of the command line: the edits of the findings at or above
//! a confidence, applied to an input's bytes. Only the edited bytes change: everything else
//! (line ends, a byte-order mark, markup, the other fields of a record) stays as it was.
//!
//! Plain text and Markdown: the edits are on the file's bytes. JSONL: on the `text` field of
//! each line, whose JSON string is edited in place (the replacement escaped as JSON needs).
//! TSV: on the target field of each line. XLIFF: on the target text of each segment, found
//! again in the file's bytes; inline markup and the source stay as they were (an edit that
//! would cross a tag is not made), and replacements are escaped as XML needs.

use crate::finding::{Edit, Finding};
use crate::formats::{tsv, xliff};
use crate::input::InputFormat;
use crate::report::DocumentReport;
use crate::suggest::conflict;

/// An input with its edits applied.
#[derive(Debug, Default)]
pub struct Fixed {
    pub bytes: Vec<u8>,
    /// Findings whose suggestion was applied.
    pub applied: usize,
    /// Findings at or above the confidence whose suggestion was not applied: its edits touch
    /// those of a more confident finding, or the input cannot take them.
    pub skipped: usize,
}

/// The edits to make for a document's findings: every finding at or above `min_confidence`
/// with a suggestion brings the edits of its whole suggestion (its own and those of the
/// findings it combines), the most confident first; a suggestion whose edits touch edits
/// already taken is left out. Returns the edits in order, and how many findings were applied
/// and skipped.
pub fn chosen_edits(findings: &[Finding], min_confidence: f64) -> (Vec<Edit>, usize, usize) {
    let mut order: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.suggestion.is_some() && f.confidence >= min_confidence && !f.edits.is_empty())
        .collect();
    order.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let mut taken: Vec<Edit> = Vec::new();
    let (mut applied, mut skipped) = (0, 0);
    for f in order {
        let mut edits: Vec<Edit> = f.suggestion_edits(findings).into_iter().cloned().collect();
        edits.retain(|e| !taken.contains(e));
        if conflict(&edits, &taken) {
            skipped += 1;
            continue;
        }
        applied += 1;
        taken.extend(edits);
    }
    taken.sort_by_key(|e| (e.start, e.end));
    (taken, applied, skipped)
}

/// `bytes` with `edits` made at their byte offsets (offsets outside it are skipped).
pub fn splice(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut at = 0;
    for e in edits {
        if e.start < at || e.end > bytes.len() || e.start > e.end {
            continue;
        }
        out.extend_from_slice(&bytes[at..e.start]);
        out.extend_from_slice(e.replacement.as_bytes());
        at = e.end;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// Applies the findings of a whole-file input (plain text, Markdown) to its bytes. A file
/// that is not UTF-8 (a UTF-16 file, a legacy encoding) is not fixed: the edits are offsets
/// into its decoded text, and writing it back as UTF-8 would change every other byte.
pub fn fix_file(
    bytes: &[u8],
    report: &DocumentReport,
    min_confidence: f64,
) -> Result<Fixed, String> {
    if std::str::from_utf8(bytes).is_err() {
        return Err("not UTF-8: mtlint fixes UTF-8 files only (convert it first)".into());
    }
    let (edits, applied, skipped) = chosen_edits(report.findings(), min_confidence);
    Ok(Fixed {
        bytes: splice(bytes, &edits),
        applied,
        skipped,
    })
}

/// Applies the findings of the records of a JSONL or TSV file, each report naming its line.
pub fn fix_records(
    bytes: &[u8],
    format: InputFormat,
    reports: &[DocumentReport],
    min_confidence: f64,
) -> Fixed {
    let mut fixed = Fixed::default();
    let mut columns: Option<tsv::Columns> = None;
    let mut by_line = reports.iter().filter(|r| r.line.is_some()).peekable();
    for (n, raw) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        // The line without its end (LF or CRLF) and, on the first line, a byte-order mark.
        let bom = if n == 0 && raw.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let end = raw.len() - raw.ends_with(b"\n") as usize;
        let end = end - (end > bom && raw[..end].ends_with(b"\r")) as usize;
        let line = &raw[bom..end];
        if format == InputFormat::Tsv
            && columns.is_none()
            && !line.iter().all(u8::is_ascii_whitespace)
        {
            let header = std::str::from_utf8(line)
                .ok()
                .and_then(tsv::Columns::from_header);
            columns = Some(header.clone().unwrap_or(tsv::Columns::POSITIONAL));
        }
        let mut edited = None;
        while let Some(r) = by_line.next_if(|r| r.line.is_some_and(|l| l <= line_no)) {
            if r.line != Some(line_no) {
                continue;
            }
            let (edits, applied, skipped) = chosen_edits(r.findings(), min_confidence);
            if edits.is_empty() {
                continue;
            }
            let field = match format {
                InputFormat::Tsv => columns.as_ref().and_then(|c| tsv_field(line, c.target)),
                _ => json_text_field(line),
            };
            match field.and_then(|f| field_edits(&f, &edits, format)) {
                Some(line_edits) => {
                    edited = Some(splice(line, &line_edits));
                    fixed.applied += applied;
                    fixed.skipped += skipped;
                }
                None => fixed.skipped += applied + skipped,
            }
        }
        fixed.bytes.extend_from_slice(&raw[..bom]);
        fixed
            .bytes
            .extend_from_slice(edited.as_deref().unwrap_or(line));
        fixed.bytes.extend_from_slice(&raw[end..]);
    }
    fixed
}

/// Applies the findings of the segments of an XLIFF file (one report per segment with a
/// target, in document order) to its bytes.
pub fn fix_xliff(
    bytes: &[u8],
    reports: &[DocumentReport],
    min_confidence: f64,
) -> Result<Fixed, String> {
    let whole = std::str::from_utf8(bytes)
        .map_err(|_| "not UTF-8: mtlint fixes UTF-8 files only (convert it first)".to_string())?;
    // Offsets are found in the text after a byte-order mark, and shifted past it.
    let bom = if whole.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &whole[bom..];
    let segments = xliff::parse(text).map_err(|e| format!("invalid XLIFF: {e}"))?;
    let mut fixed = Fixed::default();
    let mut all: Vec<Edit> = Vec::new();
    for (segment, report) in segments.iter().zip(reports) {
        let (edits, applied, skipped) = chosen_edits(report.findings(), min_confidence);
        if edits.is_empty() {
            continue;
        }
        let mapped = target_map(text, segment).and_then(|map| xml_edits(text, &map, &edits));
        match mapped {
            Some(e) => {
                all.extend(e.into_iter().map(|e| Edit {
                    start: e.start + bom,
                    end: e.end + bom,
                    ..e
                }));
                fixed.applied += applied;
                fixed.skipped += skipped;
            }
            None => fixed.skipped += applied + skipped,
        }
    }
    all.sort_by_key(|e| (e.start, e.end));
    fixed.bytes = splice(bytes, &all);
    Ok(fixed)
}

/// Code elements of XLIFF 1.2 whose content is not text.
const CODE_ELEMENTS: &[&str] = &["ph", "bpt", "ept", "it"];

/// For each byte of a segment's target text (and one past its end), where its character
/// starts in the file and where it ends: found by reading the file from the target's start,
/// skipping tags and code content, reading entities and CDATA. None when the file does not
/// read back to the text (nothing is edited then).
fn target_map(text: &str, segment: &xliff::Segment) -> Option<Vec<(usize, usize)>> {
    let raw = text.as_bytes();
    let mut r = segment.offset;
    let mut map = Vec::with_capacity(segment.target.len() + 1);
    let mut cdata_end: Option<usize> = None;
    for ch in segment.target.chars() {
        // Tags, comments and code content are not text.
        while cdata_end.is_none() && raw.get(r) == Some(&b'<') {
            if text[r..].starts_with("<![CDATA[") {
                r += 9;
                cdata_end = Some(r + text[r..].find("]]>")?);
                break;
            }
            let close = r + text[r..].find('>')?;
            let tag = &text[r + 1..close];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == ':')
                .collect();
            let local = name.rsplit(':').next().unwrap_or("");
            r = close + 1;
            if !tag.starts_with('/') && !tag.ends_with('/') && CODE_ELEMENTS.contains(&local) {
                let end_tag = format!("</{name}>");
                r += text[r..].find(&end_tag)? + end_tag.len();
            }
        }
        if cdata_end == Some(r) {
            r += 3;
            cdata_end = None;
        }
        let (start, len) = if cdata_end.is_none() && raw.get(r) == Some(&b'&') {
            let semi = text[r..].find(';')?;
            let entity = &text[r + 1..r + semi];
            let decoded = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ if entity.starts_with("#x") => {
                    char::from_u32(u32::from_str_radix(&entity[2..], 16).ok()?)?
                }
                _ if entity.starts_with('#') => char::from_u32(entity[1..].parse().ok()?)?,
                _ => return None,
            };
            (decoded == ch).then_some((r, semi + 1))?
        } else if ch == '\n' && text[r..].starts_with("\r\n") {
            (r, 2)
        } else {
            (text[r..].starts_with(ch).then_some((r, ch.len_utf8())))?
        };
        map.extend(std::iter::repeat_n((start, start + len), ch.len_utf8()));
        r = start + len;
        if cdata_end == Some(r) {
            r += 3;
            cdata_end = None;
        }
    }
    map.push((r, r));
    Some(map)
}

/// A segment's edits as edits of the file: offsets through the target's map, replacements
/// escaped for XML. None when an edit would cross markup.
fn xml_edits(text: &str, map: &[(usize, usize)], edits: &[Edit]) -> Option<Vec<Edit>> {
    edits
        .iter()
        .map(|e| {
            let start = map.get(e.start)?.0;
            let end = if e.end > e.start {
                map.get(e.end - 1)?.1
            } else {
                start
            };
            if text.get(start..end)?.contains('<') {
                return None;
            }
            let replacement = e
                .replacement
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            Some(Edit {
                kind: e.kind,
                start,
                end,
                replacement,
            })
        })
        .collect()
}

/// A field of a line: where its text is in the line, and for each byte of the field's text
/// (and one past its end) the offset in the line it comes from.
struct Field {
    map: Vec<usize>,
}

/// The target field of a TSV line: its bytes are the text.
fn tsv_field(line: &[u8], target: usize) -> Option<Field> {
    let mut start = 0;
    for (i, field) in line.split(|&b| b == b'\t').enumerate() {
        if i == target {
            return Some(Field {
                map: (start..=start + field.len()).collect(),
            });
        }
        start += field.len() + 1;
    }
    None
}

/// The `text` member of a JSONL line's object: the offsets in the line of every byte of the
/// decoded string. None when the line is not an object with a string `text`.
fn json_text_field(line: &[u8]) -> Option<Field> {
    let s = std::str::from_utf8(line).ok()?;
    let b = s.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let (key, after) = json_string(s, i)?;
        i = skip_ws(b, after);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key.decoded == "text" {
            return (b.get(i) == Some(&b'"'))
                .then(|| json_string(s, i))
                .flatten()
                .map(|(f, _)| Field { map: f.map });
        }
        i = skip_value(b, i)?;
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
    {
        i += 1;
    }
    i
}

/// A decoded JSON string with the map of its bytes back to the line.
struct Decoded {
    decoded: String,
    map: Vec<usize>,
}

/// The JSON string starting at `s[i] == '"'`, and the offset after its closing quote.
fn json_string(s: &str, i: usize) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    let mut out = Decoded {
        decoded: String::new(),
        map: Vec::new(),
    };
    let mut k = i + 1;
    while k < b.len() {
        match b[k] {
            b'"' => {
                out.map.push(k);
                return Some((out, k + 1));
            }
            b'\\' => {
                let (ch, len) = match *b.get(k + 1)? {
                    b'n' => ('\n', 2),
                    b't' => ('\t', 2),
                    b'r' => ('\r', 2),
                    b'b' => ('\u{8}', 2),
                    b'f' => ('\u{c}', 2),
                    b'/' => ('/', 2),
                    b'\\' => ('\\', 2),
                    b'"' => ('"', 2),
                    b'u' => {
                        let hex = |at: usize| u32::from_str_radix(s.get(at..at + 4)?, 16).ok();
                        let hi = hex(k + 2)?;
                        if (0xD800..0xDC00).contains(&hi) && s.get(k + 6..k + 8) == Some("\\u") {
                            let lo = hex(k + 8)?;
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo.checked_sub(0xDC00)?);
                            (char::from_u32(c)?, 12)
                        } else {
                            (char::from_u32(hi)?, 6)
                        }
                    }
                    _ => return None,
                };
                // Every byte of the decoded character maps to the escape's start: an edit
                // never splits an escape.
                out.map.extend(std::iter::repeat_n(k, ch.len_utf8()));
                out.decoded.push(ch);
                k += len;
            }
            _ => {
                let ch = s[k..].chars().next()?;
                out.map.extend(k..k + ch.len_utf8());
                out.decoded.push(ch);
                k += ch.len_utf8();
            }
        }
    }
    None
}

/// Skips one JSON value (string, number, literal, object or array) starting at `i`: the
/// offset after it.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => {
            let mut k = i + 1;
            loop {
                match *b.get(k)? {
                    b'\\' => k += 2,
                    b'"' => return Some(k + 1),
                    _ => k += 1,
                }
            }
        }
        b'{' | b'[' => {
            let (mut depth, mut k) = (0usize, i);
            loop {
                match *b.get(k)? {
                    b'"' => {
                        k = skip_value(b, k)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(k + 1);
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        _ => {
            let mut k = i;
            while b
                .get(k)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'))
            {
                k += 1;
            }
            Some(k)
        }
    }
}

/// The edits of a record's text as edits of its line: offsets through the field's map, the
/// replacement escaped for JSON (or, in TSV, refused when it holds a tab or a line end).
fn field_edits(field: &Field, edits: &[Edit], format: InputFormat) -> Option<Vec<Edit>> {
    edits
        .iter()
        .map(|e| {
            let (start, end) = (*field.map.get(e.start)?, *field.map.get(e.end)?);
            let replacement = match format {
                InputFormat::Tsv => {
                    if e.replacement.contains(['\t', '\n', '\r']) {
                        return None;
                    }
                    e.replacement.clone()
                }
                _ => {
                    let quoted = serde_json::to_string(&e.replacement).ok()?;
                    quoted[1..quoted.len() - 1].to_string()
                }
            };
            Some(Edit {
                kind: e.kind,
                start,
                end,
                replacement,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_field_of_a_json_line_maps_back_to_its_bytes() {
        let line =
            br#"{"id": {"a": [1, "x,}"]}, "n": 2.5, "text": "Caf\u00e9 \"A\" b\n", "z": null}"#;
        let f = json_text_field(line).unwrap();
        let s = std::str::from_utf8(line).unwrap();
        let at = s.find("Caf").unwrap();
        assert_eq!(f.map[0], at);
        // "é" is an escape: both its bytes map to the backslash.
        assert_eq!(f.map[3], at + 3);
        assert_eq!(f.map[4], at + 3);
        assert_eq!(f.map[5], at + 9);
        assert!(json_text_field(br#"{"id": 1}"#).is_none());
        assert!(json_text_field(br#"{"text": 5}"#).is_none());
        assert!(json_text_field(b"not json").is_none());
    }
}

/// What the editor answered for the findings of one input, asked one at a time.
#[derive(Debug, Default)]
pub struct Review {
    /// The findings to apply: those accepted, and those edited (with the editor's sentence as
    /// their suggestion and its edits).
    pub accepted: Vec<Finding>,
    /// The editor quit: no more questions, for this input or the next.
    pub quit: bool,
}

/// Asks about each finding at or above `min_confidence` that has a suggestion, the way
/// `git add -p` asks about hunks: apply it (`y`), skip it (`n`), type the sentence as it
/// should read (`e`), or stop asking (`q`). A finding whose suggestion an earlier answer
/// already applied is not asked again.
pub fn review(
    findings: &[Finding],
    min_confidence: f64,
    input: &mut dyn std::io::BufRead,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Review> {
    let mut r = Review::default();
    let mut done_sentences: Vec<usize> = Vec::new();
    for f in findings {
        let Some(suggestion) = &f.suggestion else {
            continue;
        };
        if f.confidence < min_confidence || f.edits.is_empty() {
            continue;
        }
        // A combined suggestion is asked once per sentence.
        if !f.combines.is_empty() && done_sentences.contains(&f.sentence_start) {
            continue;
        }
        writeln!(out, "\n{}:{}: {}", f.line, f.column, f.message)?;
        writeln!(out, "  - {}", f.sentence)?;
        writeln!(out, "  + {suggestion}")?;
        loop {
            write!(out, "Apply this suggestion [y,n,e,q,?]? ")?;
            out.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                r.quit = true;
                return Ok(r);
            }
            match line.trim() {
                "y" | "Y" => {
                    r.accepted.push(f.clone());
                    done_sentences.push(f.sentence_start);
                }
                "n" | "N" => {}
                "e" | "E" => {
                    write!(out, "The sentence as it should read: ")?;
                    out.flush()?;
                    let mut typed = String::new();
                    input.read_line(&mut typed)?;
                    let typed = typed.trim_end_matches(['\n', '\r']);
                    if typed.trim().is_empty() {
                        continue;
                    }
                    let mut edited = f.clone();
                    edited.edits = crate::suggest::diff(&f.sentence, typed, f.sentence_start);
                    edited.suggestion = Some(typed.to_string());
                    edited.combines.clear();
                    r.accepted.push(edited);
                    done_sentences.push(f.sentence_start);
                }
                "q" | "Q" => {
                    r.quit = true;
                    return Ok(r);
                }
                _ => {
                    writeln!(
                        out,
                        "y - apply it\nn - leave the sentence as it is\ne - type the sentence as it should read\nq - stop here (what was answered is applied)"
                    )?;
                    continue;
                }
            }
            break;
        }
    }
    Ok(r)
}

#[cfg(test)]
mod review_tests {
    use super::*;
    use crate::finding::{Category, EditKind, Severity};

    fn finding(start: usize, sentence: &str, suggestion: &str) -> Finding {
        Finding {
            rule: "r".into(),
            check: None,
            category: Category::WordOrder,
            severity: Severity::Major,
            confidence: 0.9,
            message: "m".into(),
            line: 1,
            column: 1,
            start,
            end: start + 4,
            sentence: sentence.into(),
            sentence_start: start,
            text: String::new(),
            suggestion: Some(suggestion.into()),
            edits: crate::suggest::diff(sentence, suggestion, start),
            combines: Vec::new(),
            source: None,
            source_lang: None,
        }
    }

    #[test]
    fn answers_accept_skip_edit_and_quit() {
        let fs = vec![
            finding(0, "A b c.", "B a c."),
            finding(10, "D e f.", "E d f."),
            finding(20, "G h i.", "H g i."),
            finding(30, "J k l.", "K j l."),
        ];
        let mut input = std::io::Cursor::new("y\n?\nn\ne\nG i h.\nq\n");
        let mut out = Vec::new();
        let r = review(&fs, 0.5, &mut input, &mut out).unwrap();
        assert!(r.quit);
        assert_eq!(r.accepted.len(), 2);
        assert_eq!(r.accepted[0].suggestion.as_deref(), Some("B a c."));
        assert_eq!(r.accepted[1].suggestion.as_deref(), Some("G i h."));
        assert!(r.accepted[1].edits.iter().all(|e| e.start >= 20));
        assert!(r.accepted[1].edits.iter().any(|e| e.kind == EditKind::Move));
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains("e - type the sentence"));
        // Applied to the text, the edited finding gives the editor's sentence.
        let (edits, applied, _) = chosen_edits(&r.accepted, 0.5);
        assert_eq!(applied, 2);
        let text = "A b c.    D e f.    G h i.    J k l.";
        let fixed = String::from_utf8(splice(text.as_bytes(), &edits)).unwrap();
        assert_eq!(fixed, "B a c.    D e f.    G i h.    J k l.");
    }
}
