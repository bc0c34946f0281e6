//! Report stage: renders checked documents as JSON, JSONL, CSV, SARIF or text for people, with
//! a quality score per document and the pass/fail verdict of the gate. Reporters know nothing
//! of detection: they take findings, errors and plain descriptions of the rules.
//!
//! Every format is written in three steps — [`Reporter::begin`], [`Reporter::document`] for
//! each document in input order, [`Reporter::finish`] — so documents can be reported as they
//! are checked; [`write`] runs the three over a slice.

pub mod baseline;
mod csv_format;
pub mod fingerprint;
mod json;
mod sarif;
pub mod score;
pub mod text;

use crate::finding::{Category, Finding, Severity};
pub use score::{SeverityPoints, Verdict, count_words};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{self, Write};

pub use csv_format::CSV_HEADER;
pub use json::write_jsonl_line;

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
    Sarif,
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
    /// Words in the document's text (see [`count_words`]); 0 when it could not be read.
    pub words: usize,
    /// Findings left out because a baseline records them.
    pub baselined: usize,
    pub outcome: Result<Vec<Finding>, String>,
}

impl DocumentReport {
    pub fn findings(&self) -> &[Finding] {
        self.outcome.as_deref().unwrap_or(&[])
    }
}

/// What decides the score and the verdict, and how text looks: plain data, so the command line
/// or a configuration file can set it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Error points per severity, for the score.
    pub severity_points: SeverityPoints,
    /// A document whose score (points per 1,000 words) is above this fails.
    pub max_score: Option<f64>,
    /// A document with a finding at or above this severity fails (None: findings alone never
    /// fail a document).
    pub fail_on: Option<Severity>,
    /// ANSI colours in the text format.
    pub color: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            severity_points: SeverityPoints::default(),
            max_score: None,
            fail_on: Some(Severity::Major),
            color: false,
        }
    }
}

impl ReportOptions {
    /// The document's words, points, score and whether it passes the gate.
    pub fn verdict(&self, doc: &DocumentReport) -> Verdict {
        score::verdict(doc, self)
    }
}

/// A rule as reports describe it (SARIF lists every rule that ran, with its documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDoc {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: String,
    /// Why it matters to an editor.
    pub why: String,
    /// How to fix what it finds.
    pub fix: String,
}

/// Findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub total: usize,
    pub minor: usize,
    pub major: usize,
    pub critical: usize,
}

impl Counts {
    pub fn add(&mut self, severity: Severity) {
        self.total += 1;
        match severity {
            Severity::Minor => self.minor += 1,
            Severity::Major => self.major += 1,
            Severity::Critical => self.critical += 1,
        }
    }

    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            c.add(f.severity);
        }
        c
    }
}

/// A document that could not be read, as the summary keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub path: String,
    pub id: Option<Value>,
    pub line: Option<usize>,
    pub error: String,
}

/// Totals over the documents reported so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub passed: usize,
    /// Readable documents that failed the gate.
    pub failed: usize,
    pub findings: Counts,
    pub by_category: BTreeMap<&'static str, usize>,
    pub baselined: usize,
    pub words: usize,
    pub unreadable: Vec<Unreadable>,
}

impl Summary {
    pub fn add(&mut self, doc: &DocumentReport, verdict: &Verdict) {
        self.documents += 1;
        self.baselined += doc.baselined;
        self.words += doc.words;
        match &doc.outcome {
            Err(e) => self.unreadable.push(Unreadable {
                path: doc.path.clone(),
                id: doc.id.clone(),
                line: doc.line,
                error: e.clone(),
            }),
            Ok(findings) => {
                if verdict.passed {
                    self.passed += 1;
                } else {
                    self.failed += 1;
                }
                for f in findings {
                    self.findings.add(f.severity);
                    *self.by_category.entry(f.category.as_str()).or_default() += 1;
                }
            }
        }
    }

    /// 2 when an input could not be read, 1 when a document failed the gate, 0 otherwise.
    pub fn exit_code(&self) -> u8 {
        if !self.unreadable.is_empty() {
            2
        } else {
            u8::from(self.failed > 0)
        }
    }
}

/// Writes one report, document by document.
pub struct Reporter<'a> {
    format: Format,
    options: &'a ReportOptions,
    rules: &'a [RuleDoc],
    summary: Summary,
    /// Items written so far in the report's main array (SARIF results).
    items: usize,
    /// Scores and verdicts kept for the end of the report (SARIF's run properties).
    scores: Vec<Value>,
}

impl<'a> Reporter<'a> {
    pub fn new(format: Format, options: &'a ReportOptions, rules: &'a [RuleDoc]) -> Self {
        Reporter {
            format,
            options,
            rules,
            summary: Summary::default(),
            items: 0,
            scores: Vec::new(),
        }
    }

    /// What comes before the first document (a header row, the opening of a JSON document).
    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Text | Format::Jsonl => Ok(()),
            Format::Json => json::begin(out),
            Format::Csv => csv_format::begin(out),
            Format::Sarif => sarif::begin(out, self.rules),
        }
    }

    /// One document, in input order.
    pub fn document(&mut self, out: &mut dyn Write, doc: &DocumentReport) -> io::Result<()> {
        let verdict = self.options.verdict(doc);
        let first = self.summary.documents == 0;
        self.summary.add(doc, &verdict);
        match self.format {
            Format::Text => text::document(out, doc, &verdict, self.options),
            Format::Json => json::document(out, doc, &verdict, first),
            Format::Jsonl => json::write_jsonl_line(out, doc, &verdict),
            Format::Csv => csv_format::document(out, doc),
            Format::Sarif => {
                self.scores.push(sarif::document_score(doc, &verdict));
                sarif::document(out, doc, self.rules, &mut self.items)
            }
        }
    }

    /// The summary, and whatever closes the report.
    pub fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Jsonl | Format::Csv => Ok(()),
            Format::Text => text::summary(out, &self.summary, self.options),
            Format::Json => json::finish(out, &self.summary, self.options),
            Format::Sarif => {
                sarif::finish(out, &self.summary, self.options, self.items, &self.scores)
            }
        }
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }
}

/// The whole report of `docs`; returns the summary (for the exit code).
pub fn write(
    out: &mut dyn Write,
    format: Format,
    docs: &[DocumentReport],
    options: &ReportOptions,
    rules: &[RuleDoc],
) -> io::Result<Summary> {
    let mut reporter = Reporter::new(format, options, rules);
    reporter.begin(out)?;
    for d in docs {
        reporter.document(out, d)?;
    }
    reporter.finish(out)?;
    Ok(reporter.summary)
}

/// Pretty-prints `value` as serde_json does, with every line after the first indented by
/// `indent` spaces: a piece of a larger pretty-printed document.
fn write_indented(
    out: &mut dyn Write,
    value: &impl serde::Serialize,
    indent: usize,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let pad = " ".repeat(indent);
    // Pretty JSON escapes newlines inside strings, so every newline is a line break.
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(pad.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
