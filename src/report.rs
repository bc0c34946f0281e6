//! Report stage: renders checked documents as JSON, JSONL, CSV or text for people. Reporters
//! know nothing of detection: they take findings and errors.

use crate::finding::{Finding, Severity};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
}

/// The result of checking one document (a file, or one JSONL record).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentReport {
    /// The file, as named on the command line ("-" for standard input).
    pub path: String,
    /// The record's id, for JSONL input.
    pub id: Option<Value>,
    /// The record's line, for JSONL input.
    pub line: Option<usize>,
    pub outcome: Result<Vec<Finding>, String>,
}

impl DocumentReport {
    pub fn findings(&self) -> &[Finding] {
        self.outcome.as_deref().unwrap_or(&[])
    }
}

#[derive(Serialize)]
struct Counts {
    total: usize,
    minor: usize,
    major: usize,
    critical: usize,
}

fn counts<'a>(findings: impl Iterator<Item = &'a Finding>) -> Counts {
    let mut c = Counts {
        total: 0,
        minor: 0,
        major: 0,
        critical: 0,
    };
    for f in findings {
        c.total += 1;
        match f.severity {
            Severity::Minor => c.minor += 1,
            Severity::Major => c.major += 1,
            Severity::Critical => c.critical += 1,
        }
    }
    c
}

fn document_json(d: &DocumentReport) -> Value {
    let mut obj = serde_json::Map::new();
    obj.insert("path".into(), json!(d.path));
    if let Some(id) = &d.id {
        obj.insert("id".into(), id.clone());
    }
    if let Some(line) = d.line {
        obj.insert("line".into(), json!(line));
    }
    match &d.outcome {
        Ok(findings) => {
            obj.insert("findings".into(), json!(findings));
            obj.insert("counts".into(), json!(counts(findings.iter())));
        }
        Err(e) => {
            obj.insert("error".into(), json!(e));
        }
    }
    Value::Object(obj)
}

/// One JSON document: every file or record with its findings and counts, and a summary.
pub fn write_json(out: &mut dyn Write, docs: &[DocumentReport]) -> io::Result<()> {
    let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
    for f in docs.iter().flat_map(|d| d.findings()) {
        *by_category.entry(f.category.as_str()).or_default() += 1;
    }
    let report = json!({
        "tool": "mtlint",
        "version": env!("CARGO_PKG_VERSION"),
        "documents": docs.iter().map(document_json).collect::<Vec<_>>(),
        "summary": {
            "documents": docs.len(),
            "errors": docs.iter().filter(|d| d.outcome.is_err()).count(),
            "findings": counts(docs.iter().flat_map(|d| d.findings())),
            "by_category": by_category,
        },
    });
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// One line per document. For a JSONL record: `{"id", "findings"}` or, for a bad line,
/// `{"id", "line", "error"}`; for a file: `{"path", "findings"}` or `{"path", "error"}`.
pub fn write_jsonl_line(out: &mut dyn Write, d: &DocumentReport) -> io::Result<()> {
    let value = match (&d.id, &d.outcome) {
        (Some(id), Ok(findings)) => json!({"id": id, "findings": findings}),
        (Some(id), Err(e)) => json!({"id": id, "line": d.line, "error": e}),
        (None, Ok(findings)) => json!({"path": d.path, "findings": findings}),
        (None, Err(e)) => json!({"path": d.path, "error": e}),
    };
    serde_json::to_writer(&mut *out, &value)?;
    writeln!(out)
}

pub fn write_jsonl(out: &mut dyn Write, docs: &[DocumentReport]) -> io::Result<()> {
    docs.iter().try_for_each(|d| write_jsonl_line(out, d))
}

/// The CSV header row.
pub const CSV_HEADER: [&str; 15] = [
    "path",
    "id",
    "line",
    "column",
    "start",
    "end",
    "rule",
    "category",
    "severity",
    "confidence",
    "message",
    "text",
    "sentence",
    "suggestion",
    "record_line",
];

/// One row per finding, RFC 4180 quoting.
pub fn write_csv(out: &mut dyn Write, docs: &[DocumentReport]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for d in docs {
        let id = match &d.id {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        };
        let record_line = d.line.map(|l| l.to_string()).unwrap_or_default();
        for f in d.findings() {
            w.write_record([
                d.path.as_str(),
                &id,
                &f.line.to_string(),
                &f.column.to_string(),
                &f.start.to_string(),
                &f.end.to_string(),
                &f.rule,
                f.category.as_str(),
                f.severity.as_str(),
                &f.confidence.to_string(),
                &f.message,
                &f.text,
                &f.sentence,
                f.suggestion.as_deref().unwrap_or(""),
                &record_line,
            ])?;
        }
    }
    w.flush()
}

/// For people at a terminal: `file:line:col: severity [rule] message`, the sentence and the
/// suggestion, then a summary.
pub fn write_text(out: &mut dyn Write, docs: &[DocumentReport]) -> io::Result<()> {
    for d in docs {
        let name = match (&d.id, d.line) {
            (Some(id), Some(line)) => format!("{}:{line} (id {id})", d.path),
            _ => d.path.clone(),
        };
        match &d.outcome {
            Err(e) => writeln!(out, "{name}: error: {e}")?,
            Ok(findings) => {
                for f in findings {
                    writeln!(
                        out,
                        "{name}:{}:{}: {} [{}] {}",
                        f.line, f.column, f.severity, f.rule, f.message
                    )?;
                    writeln!(out, "  | {}", f.sentence)?;
                    if let Some(s) = &f.suggestion {
                        writeln!(out, "  = suggestion: {s}")?;
                    }
                }
            }
        }
    }
    let c = counts(docs.iter().flat_map(|d| d.findings()));
    let errors = docs.iter().filter(|d| d.outcome.is_err()).count();
    writeln!(
        out,
        "{} finding{} ({} critical, {} major, {} minor) in {} document{}{}",
        c.total,
        if c.total == 1 { "" } else { "s" },
        c.critical,
        c.major,
        c.minor,
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        if errors > 0 {
            format!(", {errors} could not be read")
        } else {
            String::new()
        }
    )
}

pub fn write(out: &mut dyn Write, format: Format, docs: &[DocumentReport]) -> io::Result<()> {
    match format {
        Format::Text => write_text(out, docs),
        Format::Json => write_json(out, docs),
        Format::Jsonl => write_jsonl(out, docs),
        Format::Csv => write_csv(out, docs),
    }
}
