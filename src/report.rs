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

#[derive(Serialize, Default)]
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
    write_all(out, Format::Json, docs)
}

fn summary_json(s: &Summary) -> Value {
    json!({
        "documents": s.documents,
        "errors": s.errors,
        "findings": s.counts,
        "by_category": s.by_category,
    })
}

/// Writes `value` pretty-printed with every line after the first indented by `indent` spaces,
/// as it would be when nested that deep (JSON strings never hold a raw line end).
fn write_indented(out: &mut dyn Write, value: &Value, indent: usize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let pad = " ".repeat(indent);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            write!(out, "\n{pad}")?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
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
    write_all(out, Format::Jsonl, docs)
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
    write_all(out, Format::Csv, docs)
}

/// The CSV rows of one document's findings.
fn write_csv_rows(out: &mut dyn Write, d: &DocumentReport) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
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
    w.flush()
}

/// For people at a terminal: `file:line:col: severity [rule] message`, the sentence and the
/// suggestion, then a summary.
pub fn write_text(out: &mut dyn Write, docs: &[DocumentReport]) -> io::Result<()> {
    write_all(out, Format::Text, docs)
}

fn write_text_document(out: &mut dyn Write, d: &DocumentReport) -> io::Result<()> {
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
    Ok(())
}

fn write_text_summary(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    let (c, docs, errors) = (&s.counts, s.documents, s.errors);
    writeln!(
        out,
        "{} finding{} ({} critical, {} major, {} minor) in {} document{}{}",
        c.total,
        if c.total == 1 { "" } else { "s" },
        c.critical,
        c.major,
        c.minor,
        docs,
        if docs == 1 { "" } else { "s" },
        if errors > 0 {
            format!(", {errors} could not be read")
        } else {
            String::new()
        }
    )
}

/// What the report has seen so far, for the summary.
#[derive(Default)]
struct Summary {
    documents: usize,
    errors: usize,
    counts: Counts,
    by_category: BTreeMap<&'static str, usize>,
}

impl Summary {
    fn add(&mut self, d: &DocumentReport) {
        self.documents += 1;
        if d.outcome.is_err() {
            self.errors += 1;
        }
        let c = counts(d.findings().iter());
        self.counts.total += c.total;
        self.counts.minor += c.minor;
        self.counts.major += c.major;
        self.counts.critical += c.critical;
        for f in d.findings() {
            *self.by_category.entry(f.category.as_str()).or_default() += 1;
        }
    }
}

/// Writes a report a document at a time, so a run over a stream of any length needs memory
/// for one batch only: `begin`, then `document` for each in order, then `finish` (the summary).
pub struct ReportWriter<'a> {
    out: &'a mut dyn Write,
    format: Format,
    summary: Summary,
}

impl<'a> ReportWriter<'a> {
    /// Starts a report (the CSV header, the opening of the JSON document).
    pub fn begin(out: &'a mut dyn Write, format: Format) -> io::Result<ReportWriter<'a>> {
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(CSV_HEADER)?;
                w.flush()?;
            }
            Format::Json => write!(
                out,
                "{{\n  \"tool\": \"mtlint\",\n  \"version\": {},\n  \"documents\": [",
                json!(env!("CARGO_PKG_VERSION"))
            )?,
            Format::Text | Format::Jsonl => {}
        }
        Ok(ReportWriter {
            out,
            format,
            summary: Summary::default(),
        })
    }

    /// Writes one document.
    pub fn document(&mut self, d: &DocumentReport) -> io::Result<()> {
        let first = self.summary.documents == 0;
        self.summary.add(d);
        match self.format {
            Format::Text => write_text_document(self.out, d),
            Format::Jsonl => write_jsonl_line(self.out, d),
            Format::Csv => write_csv_rows(self.out, d),
            Format::Json => {
                self.out
                    .write_all(if first { b"\n    " } else { b",\n    " })?;
                write_indented(self.out, &document_json(d), 4)
            }
        }
    }

    /// Ends the report with its summary.
    pub fn finish(self) -> io::Result<()> {
        match self.format {
            Format::Text => write_text_summary(self.out, &self.summary),
            Format::Json => {
                if self.summary.documents > 0 {
                    self.out.write_all(b"\n  ")?;
                }
                self.out.write_all(b"],\n  \"summary\": ")?;
                write_indented(self.out, &summary_json(&self.summary), 2)?;
                self.out.write_all(b"\n}\n")
            }
            Format::Jsonl | Format::Csv => Ok(()),
        }
    }
}

fn write_all(out: &mut dyn Write, format: Format, docs: &[DocumentReport]) -> io::Result<()> {
    let mut w = ReportWriter::begin(out, format)?;
    docs.iter().try_for_each(|d| w.document(d))?;
    w.finish()
}

pub fn write(out: &mut dyn Write, format: Format, docs: &[DocumentReport]) -> io::Result<()> {
    match format {
        Format::Text => write_text(out, docs),
        Format::Json => write_json(out, docs),
        Format::Jsonl => write_jsonl(out, docs),
        Format::Csv => write_csv(out, docs),
    }
}
