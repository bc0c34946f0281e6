//! CSV: one row per finding under a header row, RFC 4180 quoting.

use super::DocumentReport;
use serde_json::Value;
use std::io::{self, Write};

/// The CSV header row.
pub const CSV_HEADER: [&str; 16] = [
    "path",
    "id",
    "line",
    "column",
    "start",
    "end",
    "rule",
    "check",
    "category",
    "severity",
    "confidence",
    "message",
    "text",
    "sentence",
    "suggestion",
    "record_line",
];

pub(super) fn begin(out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    w.flush()
}

pub(super) fn document(out: &mut dyn Write, d: &DocumentReport) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
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
            f.check.as_deref().unwrap_or(""),
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
    w.flush()
}
