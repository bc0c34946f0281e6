//! The `check` command's work, independent of the command line: expand paths, read each input
//! (a text, or JSONL records), check it, and collect one report per document in input order.
//! One bad input never stops the others.

use crate::detect::Linter;
use crate::finding::Severity;
use crate::input::{InputFormat, parse_jsonl_bytes};
use crate::read::{Origin, expand_paths, read_bytes, read_text};
use crate::report::{DocumentReport, count_words};
use rayon::prelude::*;

/// Checks every input named by `paths`.
pub fn check_paths(paths: &[String], format: InputFormat, linter: &Linter) -> Vec<DocumentReport> {
    check_paths_with_source(paths, format, linter, None)
        .expect("without a source no input is refused")
}

/// Checks the inputs named by `paths`, a single text input against `source` when one is given
/// (JSONL records carry their own `"source"`). Several inputs with one source are an error.
pub fn check_paths_with_source(
    paths: &[String],
    format: InputFormat,
    linter: &Linter,
    source: Option<&str>,
) -> Result<Vec<DocumentReport>, String> {
    let origins = expand_paths(paths);
    if source.is_some() && origins.len() != 1 {
        return Err(format!(
            "--source needs exactly one input to compare with, got {}",
            origins.len()
        ));
    }
    let mut reports = Vec::new();
    for origin in origins {
        match origin {
            Err(e) => reports.push(DocumentReport {
                path: error_path(&e),
                id: None,
                line: None,
                words: 0,
                baselined: 0,
                outcome: Err(e.to_string()),
            }),
            Ok(origin) => {
                if source.is_some() && is_jsonl(&origin, format) {
                    return Err(format!(
                        "--source applies to a text input; the records of {} carry their own \"source\"",
                        origin.display_name()
                    ));
                }
                check_origin(&origin, format, linter, source, &mut reports)
            }
        }
    }
    Ok(reports)
}

fn error_path(e: &crate::read::InputError) -> String {
    use crate::read::InputError::*;
    match e {
        Io { path, .. } | Missing { path } | InvalidUtf8 { path, .. } | Binary { path, .. } => {
            path.clone()
        }
    }
}

fn is_jsonl(origin: &Origin, format: InputFormat) -> bool {
    match format {
        InputFormat::Jsonl => true,
        InputFormat::Text => false,
        InputFormat::Auto => origin.extension().as_deref() == Some("jsonl"),
    }
}

fn check_origin(
    origin: &Origin,
    format: InputFormat,
    linter: &Linter,
    source: Option<&str>,
    reports: &mut Vec<DocumentReport>,
) {
    let path = origin.display_name();
    if is_jsonl(origin, format) {
        match read_bytes(origin) {
            Ok(bytes) => check_records(&path, parse_jsonl_bytes(&bytes), linter, reports),
            Err(e) => reports.push(DocumentReport {
                path,
                id: None,
                line: None,
                words: 0,
                baselined: 0,
                outcome: Err(e.to_string()),
            }),
        }
        return;
    }
    let decoded = match read_text(origin) {
        Ok(d) => d,
        Err(e) => {
            reports.push(DocumentReport {
                path,
                id: None,
                line: None,
                words: 0,
                baselined: 0,
                outcome: Err(e.to_string()),
            });
            return;
        }
    };
    let words = count_words(&decoded.text);
    let findings = linter.check_text_with_source(decoded.text, decoded.bom_len, source);
    reports.push(DocumentReport {
        path,
        id: None,
        line: None,
        words,
        baselined: 0,
        outcome: Ok(findings),
    });
}

/// Checks JSONL records. They are independent: checked in parallel, and `collect` keeps input
/// order, so the output is the same bytes as a single-threaded run.
fn check_records(
    path: &str,
    records: Vec<Result<crate::input::Record, crate::input::RecordError>>,
    linter: &Linter,
    reports: &mut Vec<DocumentReport>,
) {
    let path = path.to_string();
    let checked: Vec<DocumentReport> = records
        .into_par_iter()
        .map(|record| match record {
            Ok(r) => DocumentReport {
                path: path.clone(),
                id: r.id,
                line: r.line,
                words: count_words(&r.text),
                baselined: 0,
                outcome: Ok(linter.check_text_with_source(
                    r.text,
                    r.base_offset,
                    r.source.as_deref(),
                )),
            },
            Err(e) => DocumentReport {
                path: path.clone(),
                id: Some(e.id.unwrap_or(serde_json::Value::Null)),
                line: Some(e.line),
                words: 0,
                baselined: 0,
                outcome: Err(format!("{path}: {}", e.message)),
            },
        })
        .collect();
    reports.extend(checked);
}

/// The exit code of a check: 2 when an input could not be read, 1 when a finding is at or
/// above `fail_on` (None: never fail on findings), 0 otherwise.
pub fn exit_code(reports: &[DocumentReport], fail_on: Option<Severity>) -> u8 {
    if reports.iter().any(|r| r.outcome.is_err()) {
        return 2;
    }
    let failing = fail_on.is_some_and(|threshold| {
        reports
            .iter()
            .flat_map(|r| r.findings())
            .any(|f| f.severity >= threshold)
    });
    u8::from(failing)
}
