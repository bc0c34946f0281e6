//! JSON (one document: `documents` and a `summary`) and JSONL (one line per document).

use super::{Counts, DocumentReport, ReportOptions, Summary, Verdict, write_indented};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

/// A document's fields as JSON and JSONL give them.
fn document_value(d: &DocumentReport, verdict: &Verdict) -> Value {
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
            obj.insert("counts".into(), json!(Counts::of(findings)));
            obj.insert("words".into(), json!(verdict.words));
            obj.insert("score".into(), json!(verdict.score));
            if d.baselined > 0 {
                obj.insert("baselined".into(), json!(d.baselined));
            }
        }
        Err(e) => {
            obj.insert("error".into(), json!(e));
        }
    }
    obj.insert("passed".into(), json!(verdict.passed));
    Value::Object(obj)
}

pub(super) fn begin(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"tool\": \"mtlint\",\n  \"version\": \"{}\",\n  \"documents\": [",
        env!("CARGO_PKG_VERSION")
    )
}

pub(super) fn document(
    out: &mut dyn Write,
    d: &DocumentReport,
    verdict: &Verdict,
    first: bool,
) -> io::Result<()> {
    out.write_all(if first { b"\n    " } else { b",\n    " })?;
    write_indented(out, &document_value(d, verdict), 4)
}

/// The summary as JSON: totals, documents passed and failed, and the gate that decided it.
pub(super) fn summary_value(s: &Summary, options: &ReportOptions) -> Value {
    json!({
        "documents": s.documents,
        "passed": s.passed,
        "failed": s.failed,
        "errors": s.unreadable.len(),
        "words": s.words,
        "findings": s.findings,
        "by_category": s.by_category,
        "baselined": s.baselined,
        "gate": {
            "fail_on": options.fail_on.map(|f| f.as_str()),
            "max_score": options.max_score,
            "severity_points": {
                "minor": options.severity_points.minor,
                "major": options.severity_points.major,
                "critical": options.severity_points.critical,
            },
        },
    })
}

pub(super) fn finish(out: &mut dyn Write, s: &Summary, options: &ReportOptions) -> io::Result<()> {
    if s.documents > 0 {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"summary\": ")?;
    write_indented(out, &summary_value(s, options), 2)?;
    out.write_all(b"\n}\n")
}

/// One line per document. For a JSONL record: `{"id", "findings", …}` or, for a bad line,
/// `{"id", "line", "error", "passed"}`; for a file: `{"path", "findings", …}` or
/// `{"path", "error", "passed"}`. Readable documents also carry `words`, `score` and `passed`.
pub fn write_jsonl_line(
    out: &mut dyn Write,
    d: &DocumentReport,
    verdict: &Verdict,
) -> io::Result<()> {
    // Serialized straight from the findings (no intermediate JSON value: a long document has
    // tens of thousands of findings).
    let (findings, error) = match &d.outcome {
        Ok(f) => (Some(f.as_slice()), None),
        Err(e) => (None, Some(e.as_str())),
    };
    let readable = d.outcome.is_ok();
    let line = JsonlLine {
        id: d.id.as_ref(),
        path: d.id.is_none().then_some(d.path.as_str()),
        line: (d.id.is_some() && !readable).then_some(d.line),
        findings,
        error,
        words: readable.then_some(verdict.words),
        score: readable.then_some(verdict.score),
        baselined: (readable && d.baselined > 0).then_some(d.baselined),
        passed: verdict.passed,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

/// The fields of a JSONL line, in their order; absent ones are left out.
#[derive(Serialize)]
struct JsonlLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<Option<usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a [crate::finding::Finding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baselined: Option<usize>,
    passed: bool,
}

#[cfg(test)]
mod tests {
    use super::super::{Format, ReportOptions, write};
    use super::*;

    fn doc(path: &str, outcome: Result<Vec<crate::finding::Finding>, String>) -> DocumentReport {
        DocumentReport {
            path: path.into(),
            id: None,
            line: None,
            words: 7,
            baselined: 0,
            outcome,
        }
    }

    /// The report is written piece by piece; it must be the same bytes as pretty-printing the
    /// whole value at once.
    #[test]
    fn pieces_make_the_pretty_printed_whole() {
        let options = ReportOptions::default();
        for docs in [
            vec![],
            vec![doc("a.txt", Ok(vec![]))],
            vec![
                doc("a.txt", Ok(vec![])),
                doc("b.txt", Err("b.txt: gone".into())),
            ],
        ] {
            let mut out = Vec::new();
            let summary = write(&mut out, Format::Json, &docs, &options, &[]).unwrap();
            let whole = json!({
                "tool": "mtlint",
                "version": env!("CARGO_PKG_VERSION"),
                "documents": docs
                    .iter()
                    .map(|d| document_value(d, &options.verdict(d)))
                    .collect::<Vec<_>>(),
                "summary": summary_value(&summary, &options),
            });
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
