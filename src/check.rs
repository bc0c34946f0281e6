//! The `check` command's work, independent of the command line: expand paths, read each input
//! (a text or Markdown file, or records: JSONL or TSV lines, XLIFF segments), check it, and hand
//! one report per document to the caller in input order. One bad input never stops the others.
//!
//! Work is parallel but the output is not: files are checked a batch at a time in parallel,
//! JSONL and TSV are read and checked a batch of lines at a time, and every batch is handed on
//! in input order before the next is read. So memory stays bounded on inputs of any size, and
//! the output is the same bytes whatever the number of threads.

use crate::detect::Linter;
use crate::finding::Finding;
use crate::formats::{directives, markdown, tsv, xliff};
use crate::input::{InputFormat, Record, RecordError, parse_record, utf8_line};
use crate::read::{InputError, Origin, WalkOptions, expand_paths, read_text};
use crate::report::{DocumentReport, count_words};
use rayon::prelude::*;
use serde_json::Value;
use std::io::{self, BufRead};
use std::str::FromStr;

/// Lines of JSONL or TSV read and checked at a time.
pub const RECORD_BATCH: usize = 1024;

/// Checks one share of the inputs: the documents whose index (counting every JSONL or TSV
/// line and every other file, in input order, from 0) is `index` modulo `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn takes(&self, n: usize) -> bool {
        n % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("invalid shard '{s}': expected I/N with 0 <= I < N, e.g. 0/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (
            i.trim().parse::<usize>().map_err(|_| bad())?,
            n.trim().parse::<usize>().map_err(|_| bad())?,
        );
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

/// How to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub format: InputFormat,
    pub shard: Option<Shard>,
    /// Lines of JSONL or TSV per batch.
    pub batch: usize,
    /// The source text of a single text input (`--source`); records carry their own.
    pub source: Option<String>,
    /// How directories are walked.
    pub walk: WalkOptions,
}

impl CheckOptions {
    pub fn new(format: InputFormat) -> CheckOptions {
        CheckOptions {
            format,
            shard: None,
            batch: RECORD_BATCH,
            source: None,
            walk: WalkOptions::default(),
        }
    }
}

/// Checks every input named by `paths` and returns the reports in input order.
pub fn check_paths(paths: &[String], format: InputFormat, linter: &Linter) -> Vec<DocumentReport> {
    let mut reports = Vec::new();
    let _ = check_each(paths, &CheckOptions::new(format), linter, &mut |r| {
        reports.push(r);
        Ok(())
    });
    reports
}

/// Checks the inputs named by `paths`, a single text input against `source` when one is given
/// (records carry their own source). Several inputs with one source are an error.
pub fn check_paths_with_source(
    paths: &[String],
    format: InputFormat,
    linter: &Linter,
    source: Option<&str>,
) -> Result<Vec<DocumentReport>, String> {
    validate_source(paths, format, WalkOptions::default(), source.is_some())?;
    let opts = CheckOptions {
        source: source.map(str::to_string),
        ..CheckOptions::new(format)
    };
    let mut reports = Vec::new();
    let _ = check_each(paths, &opts, linter, &mut |r| {
        reports.push(r);
        Ok(())
    });
    Ok(reports)
}

/// With `--source`: exactly one input, and not one of records (they carry their own source).
pub fn validate_source(
    paths: &[String],
    format: InputFormat,
    walk: WalkOptions,
    source: bool,
) -> Result<(), String> {
    if !source {
        return Ok(());
    }
    let origins = expand_paths(paths, walk);
    if origins.len() != 1 {
        return Err(format!(
            "--source needs exactly one input to compare with, got {}",
            origins.len()
        ));
    }
    if let Some(Ok(origin)) = origins.first() {
        let f = format.resolve(origin.extension().as_deref());
        if f.is_line_records() || f == InputFormat::Xliff {
            return Err(format!(
                "--source applies to a text input; the records of {} carry their own \"source\"",
                origin.display_name()
            ));
        }
    }
    Ok(())
}

/// A whole file to check, or the error in its place.
enum Pending {
    Error(InputError),
    File(Origin, InputFormat),
}

/// Checks every input named by `paths`, handing each report to `emit` in input order. Stops at
/// the first error `emit` returns (the report cannot be written).
pub fn check_each(
    paths: &[String],
    opts: &CheckOptions,
    linter: &Linter,
    emit: &mut dyn FnMut(DocumentReport) -> io::Result<()>,
) -> io::Result<()> {
    let mut next = 0usize;
    let mut take = || {
        let n = next;
        next += 1;
        opts.shard.is_none_or(|s| s.takes(n))
    };
    let files_per_batch = (rayon::current_num_threads() * 4).max(8);
    let mut pending: Vec<Pending> = Vec::new();
    for origin in expand_paths(paths, opts.walk) {
        let origin = match origin {
            Ok(o) => o,
            Err(e) => {
                if take() {
                    pending.push(Pending::Error(e));
                }
                continue;
            }
        };
        let format = opts.format.resolve(origin.extension().as_deref());
        if format.is_line_records() {
            flush_files(&mut pending, linter, opts.source.as_deref(), emit)?;
            check_line_records(&origin, format, opts.batch, &mut take, linter, emit)?;
        } else if take() {
            pending.push(Pending::File(origin, format));
            if pending.len() >= files_per_batch {
                flush_files(&mut pending, linter, opts.source.as_deref(), emit)?;
            }
        }
    }
    flush_files(&mut pending, linter, opts.source.as_deref(), emit)
}

/// Checks the pending files in parallel and emits their reports in order.
fn flush_files(
    pending: &mut Vec<Pending>,
    linter: &Linter,
    source: Option<&str>,
    emit: &mut dyn FnMut(DocumentReport) -> io::Result<()>,
) -> io::Result<()> {
    let done: Vec<Vec<DocumentReport>> = pending
        .par_iter()
        .map(|p| match p {
            Pending::Error(e) => vec![error_report(error_path(e), e.to_string())],
            Pending::File(origin, format) => check_file(origin, *format, linter, source),
        })
        .collect();
    pending.clear();
    done.into_iter().flatten().try_for_each(emit)
}

/// Runs the checks of one document, turning a panic (a bug of the tool) into an error report
/// naming the document, so that the other documents are still checked and reported.
fn guarded(place: &str, check: impl FnOnce() -> Vec<Finding>) -> Result<Vec<Finding>, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).map_err(|e| {
        let what = e
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        format!("{place}: internal error, this document was not checked ({what}); please report it")
    })
}

fn error_report(path: String, message: String) -> DocumentReport {
    DocumentReport {
        path,
        id: None,
        line: None,
        words: 0,
        baselined: 0,
        outcome: Err(message),
    }
}

fn error_path(e: &InputError) -> String {
    use crate::read::InputError::*;
    match e {
        Io { path, .. }
        | Missing { path }
        | InvalidUtf8 { path, .. }
        | Binary { path, .. }
        | Encoding { path, .. }
        | Walk { path, .. } => path.clone(),
    }
}

/// Checks a file that is read whole: plain text, Markdown or XLIFF.
fn check_file(
    origin: &Origin,
    format: InputFormat,
    linter: &Linter,
    source: Option<&str>,
) -> Vec<DocumentReport> {
    let path = origin.display_name();
    let decoded = match read_text(origin) {
        Ok(d) => d,
        Err(e) => return vec![error_report(path, e.to_string())],
    };
    let (text, base) = (decoded.text, decoded.bom_len);
    let mut words = count_words(&text);
    if format == InputFormat::Xliff {
        return check_xliff(&path, &text, linter);
    }
    let prose = (format == InputFormat::Markdown).then(|| markdown::prose(&text));
    if let Some(p) = &prose {
        // The score is per word of prose: code, URLs and markup are not counted.
        words = count_words(&p.text);
    }
    let outcome = guarded(&path, move || match prose {
        Some(p) => check_prepared(linter, &text, base, p.text, &p.suppressions, source),
        None => match directives::plain_text(&text) {
            Some((checked, sup)) => check_prepared(linter, &text, base, checked, &sup, source),
            None => linter.check_text_with_source(text, base, source),
        },
    });
    vec![DocumentReport {
        path,
        id: None,
        line: None,
        words,
        baselined: 0,
        outcome,
    }]
}

/// Checks a text prepared from `original` (same length, parts blanked out) and drops suppressed
/// findings. The flagged span and the sentence are reported as they are in `original`.
fn check_prepared(
    linter: &Linter,
    original: &str,
    base: usize,
    checked: String,
    sup: &directives::Suppressions,
    source: Option<&str>,
) -> Vec<Finding> {
    let mut findings = linter.check_text_with_source(checked.clone(), base, source);
    findings.retain(|f| !sup.suppresses(f, base));
    // A blanked or replaced part (inline code as the word `code`) may end inside one of the
    // original's characters: spans are widened to its character boundaries, and lines and
    // columns counted in the original.
    let back = |mut i: usize| {
        while i > 0 && !original.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let forward = |mut i: usize| {
        while i < original.len() && !original.is_char_boundary(i) {
            i += 1;
        }
        i.min(original.len())
    };
    let lines = crate::normalize::LineIndex::new(original);
    for f in &mut findings {
        let (s, e) = (back(f.start - base), forward(f.end - base));
        (f.start, f.end) = (s + base, e + base);
        (f.line, f.column) = lines.line_column(original, s);
        if let Some(t) = original.get(s..e) {
            f.text = t.to_string();
        }
        let from = f.sentence_start.saturating_sub(base);
        let to = from + f.sentence.len();
        if checked.get(from..to) != Some(f.sentence.as_str()) {
            continue;
        }
        // The edits are those of the rewrite with its markup restored: for a rewrite that
        // combines several findings, each of them carries all of its edits.
        if let (Some(orig), Some(suggestion)) = (original.get(from..to), &mut f.suggestion)
            && orig != &checked[from..to]
        {
            *suggestion = restore_suggestion(&checked[from..to], orig, suggestion);
            f.edits = crate::suggest::diff(orig, suggestion, f.sentence_start);
        }
        if let Some(orig) = original.get(from..to) {
            f.sentence = orig.to_string();
        }
    }
    findings
}

/// Puts inline code back where its placeholder word is in a suggestion, wraps again the words
/// that emphasis markup (`**`, `*`, `_`, `~~`) wrapped in the sentence, and closes up the gaps
/// blanked markup left.
fn restore_suggestion(checked: &str, original: &str, suggestion: &str) -> String {
    let mut out = suggestion.to_string();
    let (c, o) = (checked.as_bytes(), original.as_bytes());
    // The blanked or replaced regions, in order.
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i] == o[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < c.len() && c[i] != o[i] {
            i += 1;
        }
        regions.push((start, i));
    }
    let mut emphasis: Option<(usize, &str)> = None;
    for &(start, end) in &regions {
        let placeholder = checked.get(start..end).unwrap_or("");
        let replaced = original.get(start..end).unwrap_or("");
        let word = placeholder.trim_end();
        if (word == "code" || word == "one")
            && let Some(at) = out.find(placeholder)
        {
            out.replace_range(at..at + placeholder.len(), replaced);
            continue;
        }
        // An emphasis marker: the first opens, the next equal one closes, and the words between
        // are wrapped again where the suggestion has them.
        let marker = replaced.trim();
        if !matches!(marker, "**" | "*" | "__" | "_" | "~~") || placeholder.trim() != "" {
            continue;
        }
        match emphasis.take() {
            Some((inner_start, open)) if open == marker => {
                let inner = original.get(inner_start..start).unwrap_or("").trim();
                if !inner.is_empty()
                    && let Some(at) = find_words(&out, inner)
                {
                    out.replace_range(at..at + inner.len(), &format!("{marker}{inner}{marker}"));
                }
            }
            _ => emphasis = Some((end, marker)),
        }
    }
    let mut collapsed = String::with_capacity(out.len());
    for (k, ch) in out.char_indices() {
        if !(ch == ' ' && out[..k].ends_with(' ')) {
            collapsed.push(ch);
        }
    }
    // A gap the markup left before closing punctuation ("**repaired** ." after a move).
    if !regions.is_empty() {
        for p in [" .", " ,", " ;", " :", " !", " ?"] {
            if !original.contains(p) {
                collapsed = collapsed.replace(p, &p[1..]);
            }
        }
    }
    collapsed
}

/// Where `words` stand in `text` as whole words (not inside a longer word).
fn find_words(text: &str, words: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(words).map(|(at, _)| at).find(|&at| {
        !is_word(text[..at].chars().next_back())
            && !is_word(text[at + words.len()..].chars().next())
    })
}

/// Checks the translated segments of an XLIFF file: one report per segment, or one error.
fn check_xliff(path: &str, text: &str, linter: &Linter) -> Vec<DocumentReport> {
    match xliff::parse(text) {
        Err(e) => vec![error_report(
            path.to_string(),
            format!("{path}: invalid XLIFF: {e}"),
        )],
        Ok(segments) => segments
            .into_par_iter()
            .map(|s| {
                let record = Record {
                    id: Some(Value::String(s.id)),
                    line: Some(s.line),
                    text: s.target,
                    base_offset: 0,
                    source: s.source,
                };
                check_record(path, Ok(record), linter)
            })
            .collect(),
    }
}

/// The report of one record.
fn check_record(
    path: &str,
    record: Result<Record, RecordError>,
    linter: &Linter,
) -> DocumentReport {
    match record {
        Ok(r) => {
            let place = match r.line {
                Some(l) => format!("{path}:{l}"),
                None => path.to_string(),
            };
            DocumentReport {
                path: path.to_string(),
                id: r.id,
                line: r.line,
                words: count_words(&r.text),
                baselined: 0,
                outcome: guarded(&place, || {
                    linter.check_text_with_source(r.text, r.base_offset, r.source.as_deref())
                }),
            }
        }
        Err(e) => DocumentReport {
            path: path.to_string(),
            id: Some(e.id.unwrap_or(Value::Null)),
            line: Some(e.line),
            words: 0,
            baselined: 0,
            outcome: Err(format!("{path}: {}", e.message)),
        },
    }
}

/// Reads JSONL or TSV a line at a time and checks it a batch of lines at a time.
fn check_line_records(
    origin: &Origin,
    format: InputFormat,
    batch: usize,
    take: &mut dyn FnMut() -> bool,
    linter: &Linter,
    emit: &mut dyn FnMut(DocumentReport) -> io::Result<()>,
) -> io::Result<()> {
    let path = origin.display_name();
    let mut reader: Box<dyn BufRead> = match origin {
        Origin::Stdin => Box::new(io::BufReader::new(io::stdin())),
        Origin::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                let e = if e.kind() == io::ErrorKind::NotFound {
                    InputError::Missing { path: path.clone() }
                } else {
                    InputError::Io {
                        path: path.clone(),
                        source: e,
                    }
                };
                return if take() {
                    emit(error_report(path, e.to_string()))
                } else {
                    Ok(())
                };
            }
        },
    };
    let mut columns: Option<tsv::Columns> = None;
    let mut lines: Vec<(usize, Vec<u8>)> = Vec::with_capacity(batch);
    let mut line_no = 0usize;
    let run = |lines: &mut Vec<(usize, Vec<u8>)>,
               columns: &Option<tsv::Columns>,
               emit: &mut dyn FnMut(DocumentReport) -> io::Result<()>| {
        let reports: Vec<DocumentReport> = lines
            .par_iter()
            .map(|(n, bytes)| {
                let record = utf8_line(*n, bytes).and_then(|text| match columns {
                    Some(c) => tsv::parse_line(c, *n, text),
                    None => parse_record(*n, text),
                });
                check_record(&path, record, linter)
            })
            .collect();
        lines.clear();
        reports.into_iter().try_for_each(&mut *emit)
    };
    loop {
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                run(&mut lines, &columns, emit)?;
                let message = format!("{path}: cannot read after line {line_no}: {e}");
                return if take() {
                    emit(error_report(path.clone(), message))
                } else {
                    Ok(())
                };
            }
        }
        line_no += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        if line_no == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        // A blank line (a trailing empty line is common) is no record: it is skipped, and the
        // output has one line per non-blank input line.
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if format == InputFormat::Tsv && columns.is_none() {
            let header = std::str::from_utf8(&buf)
                .ok()
                .and_then(|l| tsv::Columns::from_header(l.trim_end_matches('\r')));
            let is_header = header.is_some();
            columns = Some(header.unwrap_or(tsv::Columns::POSITIONAL));
            if is_header {
                continue;
            }
        }
        if take() {
            lines.push((line_no, buf));
            if lines.len() >= batch {
                run(&mut lines, &columns, emit)?;
            }
        }
    }
    run(&mut lines, &columns, emit)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_while_checking_is_an_error_naming_the_document() {
        let ok = guarded("a.txt", Vec::new);
        assert_eq!(ok, Ok(Vec::new()));
        let err = guarded("feed.jsonl:12", || panic!("index out of bounds")).unwrap_err();
        assert!(err.starts_with("feed.jsonl:12: internal error"), "{err}");
        assert!(err.contains("index out of bounds"), "{err}");
    }

    use super::*;

    #[test]
    fn shard_parses() {
        assert_eq!("1/3".parse::<Shard>(), Ok(Shard { index: 1, count: 3 }));
        assert!("3/3".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }
}
