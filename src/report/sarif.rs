//! SARIF 2.1.0, for code-scanning services: one run whose driver lists every rule that ran with
//! its documentation, one result per finding (with the suggestion as a fix made of its edits
//! on their byte spans), inputs that could not be read as tool execution notifications, and the scores
//! and verdicts in the run's properties.

use super::fingerprint::fingerprint;
use super::json::summary_value;
use super::{DocumentReport, ReportOptions, RuleDoc, Summary, Verdict, write_indented};
use crate::finding::{Finding, Severity};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF's level for a severity: critical errors are errors, major ones warnings, minor ones
/// notes.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "error",
        Severity::Major => "warning",
        Severity::Minor => "note",
    }
}

/// A path as a URI reference: relative paths stay relative (with `/` separators), absolute
/// ones become `file://` URIs; bytes outside the unreserved set are percent-encoded.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut uri = String::with_capacity(path.len());
    let absolute = path.starts_with('/');
    let bytes = path.as_bytes();
    let windows_drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if absolute {
        uri.push_str("file://");
    } else if windows_drive {
        uri.push_str("file:///");
    }
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (windows_drive && i == 1);
        if keep {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// Where a document is: its URI, or for standard input a description.
fn artifact_location(path: &str) -> Value {
    if path == "-" {
        json!({"description": {"text": "standard input"}})
    } else {
        json!({"uri": path_uri(path)})
    }
}

/// The rule's entry in `tool.driver.rules`.
fn rule_value(r: &RuleDoc) -> Value {
    json!({
        "id": r.id,
        "name": r.id,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": format!("{} {}", r.summary, r.why)},
        "help": {
            "text": format!("What it finds: {}\nWhy it matters: {}\nHow to fix it: {}", r.summary, r.why, r.fix),
            "markdown": format!("**What it finds.** {}\n\n**Why it matters.** {}\n\n**How to fix it.** {}", r.summary, r.why, r.fix),
        },
        "defaultConfiguration": {"level": level(r.severity)},
        "properties": {
            "category": r.category.as_str(),
            "severity": r.severity.as_str(),
            "tags": [r.category.as_str()],
        },
    })
}

pub(super) fn begin(out: &mut dyn Write, rules: &[RuleDoc]) -> io::Result<()> {
    let mut driver = Map::new();
    driver.insert("name".into(), json!("mtlint"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    let homepage = env!("CARGO_PKG_HOMEPAGE");
    if !homepage.is_empty() {
        driver.insert("informationUri".into(), json!(homepage));
    }
    driver.insert(
        "rules".into(),
        rules.iter().map(rule_value).collect::<Vec<_>>().into(),
    );
    write!(
        out,
        "{{\n  \"$schema\": \"{SCHEMA_URI}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
    )?;
    write_indented(out, &json!({"driver": driver}), 6)?;
    out.write_all(b",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
}

/// The line and the column just after the span, counting line breaks (LF, CRLF, CR) as the
/// line index does.
fn end_position(f: &Finding) -> (usize, usize) {
    let (mut line, mut column) = (f.line, f.column);
    let mut chars = f.text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
    }
    (line, column)
}

/// The sentence's byte range in the input, when the finding carries a consistent one.
fn sentence_range(f: &Finding) -> Option<(usize, usize)> {
    let end = f.sentence_start + f.sentence.len();
    (f.sentence_start <= f.start && f.end <= end).then_some((f.sentence_start, end))
}

fn result_value(d: &DocumentReport, f: &Finding, rules: &[RuleDoc]) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = rules.iter().position(|r| r.id == f.rule) {
        result.insert("ruleIndex".into(), json!(i));
    }
    result.insert("level".into(), json!(level(f.severity)));
    result.insert("message".into(), json!({"text": f.message}));
    let mut properties = json!({
        "category": f.category.as_str(),
        "severity": f.severity.as_str(),
        "confidence": f.confidence,
        "sentence": f.sentence,
        "suggestion": f.suggestion,
    });
    if let (Some(check), Value::Object(p)) = (&f.check, &mut properties) {
        p.insert("check".into(), json!(check));
    }
    let location = artifact_location(&d.path);
    if let Some(record_line) = d.line {
        // A JSONL record: positions are in the record's text, not in the file; the location
        // names the record's line and id.
        let id = d.id.as_ref().map_or(String::new(), |id| match id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        result.insert(
            "locations".into(),
            json!([{
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": record_line},
                },
                "logicalLocations": [{"name": id, "kind": "object"}],
            }]),
        );
        if let Value::Object(p) = &mut properties {
            p.insert("record".into(), json!({"id": d.id, "line": record_line}));
            p.insert(
                "inText".into(),
                json!({"line": f.line, "column": f.column, "start": f.start, "end": f.end}),
            );
        }
    } else {
        let (end_line, end_column) = end_position(f);
        let mut physical = json!({
            "artifactLocation": location,
            "region": {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": f.start,
                "byteLength": f.end - f.start,
                "snippet": {"text": f.text},
            },
        });
        if let (Some((start, end)), Value::Object(p)) = (sentence_range(f), &mut physical) {
            p.insert(
                "contextRegion".into(),
                json!({"byteOffset": start, "byteLength": end - start, "snippet": {"text": f.sentence}}),
            );
        }
        result.insert("locations".into(), json!([{"physicalLocation": physical}]));
        if let Some(suggestion) = &f.suggestion {
            let replacements: Vec<Value> = f
                .suggestion_edits(d.findings())
                .into_iter()
                .map(|e| {
                    let mut r = json!({
                        "deletedRegion": {"byteOffset": e.start, "byteLength": e.end - e.start},
                    });
                    if let (false, Value::Object(m)) = (e.replacement.is_empty(), &mut r) {
                        m.insert("insertedContent".into(), json!({"text": e.replacement}));
                    }
                    r
                })
                .collect();
            if !replacements.is_empty() {
                result.insert(
                    "fixes".into(),
                    json!([{
                        "description": {"text": format!("Rewrite the sentence: {suggestion}")},
                        "artifactChanges": [{
                            "artifactLocation": artifact_location(&d.path),
                            "replacements": replacements,
                        }],
                    }]),
                );
            }
        }
    }
    result.insert(
        "partialFingerprints".into(),
        json!({"mtlintSentence/v1": fingerprint(&f.rule, &f.sentence)}),
    );
    result.insert("properties".into(), properties);
    Value::Object(result)
}

/// A document's results; `written` counts the results of the run so far.
pub(super) fn document(
    out: &mut dyn Write,
    d: &DocumentReport,
    rules: &[RuleDoc],
    written: &mut usize,
) -> io::Result<()> {
    for f in d.findings() {
        out.write_all(if *written == 0 {
            b"\n        "
        } else {
            b",\n        "
        })?;
        write_indented(out, &result_value(d, f, rules), 8)?;
        *written += 1;
    }
    Ok(())
}

/// A document's score and verdict, for the run's properties.
pub(super) fn document_score(d: &DocumentReport, verdict: &Verdict) -> Value {
    let mut v = Map::new();
    v.insert("path".into(), json!(d.path));
    if let Some(id) = &d.id {
        v.insert("id".into(), id.clone());
    }
    if let Some(line) = d.line {
        v.insert("line".into(), json!(line));
    }
    v.insert("words".into(), json!(verdict.words));
    v.insert("score".into(), json!(verdict.score));
    v.insert("passed".into(), json!(verdict.passed));
    Value::Object(v)
}

pub(super) fn finish(
    out: &mut dyn Write,
    summary: &Summary,
    options: &ReportOptions,
    written: usize,
    documents: &[Value],
) -> io::Result<()> {
    let notifications: Vec<Value> = summary
        .unreadable
        .iter()
        .map(|u| {
            let mut physical = json!({"artifactLocation": artifact_location(&u.path)});
            if let (Some(line), Value::Object(p)) = (u.line, &mut physical) {
                p.insert("region".into(), json!({"startLine": line}));
            }
            json!({
                "level": "error",
                "message": {"text": u.error},
                "descriptor": {"id": "unreadable-input"},
                "locations": [{"physicalLocation": physical}],
            })
        })
        .collect();
    let invocation = json!({
        "executionSuccessful": summary.unreadable.is_empty(),
        "exitCode": summary.exit_code(),
        "toolExecutionNotifications": notifications,
    });
    if written > 0 {
        out.write_all(b"\n      ")?;
    }
    out.write_all(b"],\n      \"invocations\": ")?;
    write_indented(out, &json!([invocation]), 6)?;
    out.write_all(b",\n      \"properties\": ")?;
    let properties = json!({
        "summary": summary_value(summary, options),
        "documents": documents,
    });
    write_indented(out, &properties, 6)?;
    out.write_all(b"\n    }\n  ]\n}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("samples/a b.txt"), "samples/a%20b.txt");
        assert_eq!(path_uri("/tmp/x/ü.txt"), "file:///tmp/x/%C3%BC.txt");
        assert_eq!(path_uri("C:\\docs\\a.txt"), "file:///C:/docs/a.txt");
        assert_eq!(path_uri("a:b.txt"), "a%3Ab.txt");
    }
}
