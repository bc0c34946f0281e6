//! Input formats (XLIFF, TSV, Markdown, suppression directives) and running at scale (--jobs,
//! --shard, streaming), on the small hand-written files in tests/data/.

use crate::common::mtlint;
use serde_json::Value;
use std::fs;

/// The JSONL report of `args`, one value per line, and the exit code.
fn jsonl(args: &[&str]) -> (Vec<Value>, i32) {
    let out = mtlint()
        .args(["check", "--format", "jsonl", "--quiet"])
        .args(args)
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (lines, out.status.code().unwrap())
}

fn ids(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|l| match &l["id"] {
            Value::String(s) => s.clone(),
            v => v.to_string(),
        })
        .collect()
}

fn rules(line: &Value) -> Vec<&str> {
    line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn xliff12_inline_markup_keeps_sentences_whole() {
    let (lines, code) = jsonl(&["tests/data/xliff12-inline.xlf"]);
    assert_eq!(code, 1);
    assert_eq!(ids(&lines), ["intro", "markup"]);
    // `<g>` and `<x/>` are inside the sentence: it is still one sentence, flagged whole, and the
    // offsets are into the segment's plain text.
    let f = &lines[0]["findings"][0];
    assert_eq!(f["rule"], "verb-second-inversion");
    assert_eq!(
        f["sentence"],
        "Yesterday announced the minister new measures."
    );
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(0), Some(32))
    );
    assert_eq!(f["text"], "Yesterday announced the minister");
    assert!(rules(&lines[1]).is_empty(), "{}", lines[1]);

    let text = mtlint()
        .args(["check", "tests/data/xliff12-inline.xlf"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("tests/data/xliff12-inline.xlf:7 (id \"intro\"):1:1: major"),
        "{text}"
    );
}

#[test]
fn xliff12_units_without_target_are_left_out() {
    let (lines, code) = jsonl(&["tests/data/xliff12-missing-target.xlf"]);
    assert_eq!(code, 0);
    assert_eq!(ids(&lines), ["done"]);
}

#[test]
fn malformed_xliff_names_file_line_and_column() {
    let out = mtlint()
        .args([
            "check",
            "tests/data/xliff12-malformed.xlf",
            "tests/data/xliff20-segments.xlf",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("tests/data/xliff12-malformed.xlf: invalid XLIFF: line 7, column 23:"),
        "{stderr}"
    );
    // The other file is still checked; the report names the broken one once.
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("tests/data/xliff12-malformed.xlf: error: invalid XLIFF: line 7"),
        "{stdout}"
    );
    assert!(
        stdout.contains("xliff20-segments.xlf:14 (id \"u1/s2\")"),
        "{stdout}"
    );
}

#[test]
fn xliff20_units_and_segments() {
    let (lines, _) = jsonl(&["tests/data/xliff20-segments.xlf"]);
    assert_eq!(ids(&lines), ["u1/s1", "u1/s2", "u2/1"]);
    assert!(rules(&lines[0]).is_empty());
    // "Tomorrow go we to the market."
    assert!(
        rules(&lines[1]).contains(&"verb-second-inversion"),
        "{}",
        lines[1]
    );
}

#[test]
fn tsv_without_header_one_record_per_line() {
    let (lines, code) = jsonl(&["tests/data/bilingual.tsv"]);
    assert_eq!(code, 2);
    assert_eq!(ids(&lines), ["1", "2", "3", "4"]);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("line 3: 1 column")
    );
    assert_eq!(lines[2]["line"], 3);
    assert!(!rules(&lines[1]).is_empty());
    assert!(lines[3]["findings"].is_array());
}

#[test]
fn tsv_with_header_names_columns() {
    let (lines, _) = jsonl(&["tests/data/bilingual-header.tsv"]);
    assert_eq!(ids(&lines), ["n1", "n2", "n3"]);
    assert!(rules(&lines[0]).is_empty());
    assert!(
        rules(&lines[1]).contains(&"verb-second-inversion"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("5 columns, expected 4")
    );
}

#[test]
fn markdown_checks_prose_with_exact_offsets() {
    let src = fs::read_to_string("tests/data/guide.md").unwrap();
    // Every finding (`--all`): what is read and where, not how confident the rules are.
    let (lines, _) = jsonl(&["--all", "tests/data/guide.md"]);
    assert_eq!(lines.len(), 1);
    let findings = lines[0]["findings"].as_array().unwrap();
    let mut flagged: Vec<u64> = findings
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    flagged.dedup();
    // Front matter, heading chrome, code blocks, HTML, link targets and suppressed lines are
    // not flagged: only the plain paragraph and the sentence with inline code.
    assert_eq!(flagged, [17, 26], "{findings:#?}");
    for f in findings {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(f["text"].as_str().unwrap(), &src[s..e]);
        assert!(src.contains(f["sentence"].as_str().unwrap()));
    }
    let last = findings.last().unwrap();
    assert_eq!(
        last["sentence"],
        "Thursday rejected the council the `budget` plan."
    );
    assert_eq!(
        last["suggestion"],
        "On Thursday, the council rejected the `budget` plan."
    );
}

#[test]
fn plain_text_suppression_lines() {
    let (lines, _) = jsonl(&["tests/data/suppressed.txt"]);
    let findings = lines[0]["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings.iter().all(|f| f["line"] == 1), "{findings:#?}");
    // As plain text without the directive, line 3 is flagged.
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    let text = fs::read_to_string("tests/data/suppressed.txt").unwrap();
    fs::write(
        &plain,
        text.replace("mtlint-disable-next-line word-order", ""),
    )
    .unwrap();
    let (lines, _) = jsonl(&[plain.to_str().unwrap()]);
    let findings = lines[0]["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["line"] == 3));
}

const SENTENCES: [&str; 4] = [
    "Yesterday announced the minister new measures.",
    "The house is big.",
    "Thursday rejected the government the proposal.",
    "Tomorrow go we to the market.",
];

/// A directory with several files of each kind and a JSONL file of many records.
fn corpus() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..300 {
        let text = SENTENCES[i % 4];
        if i == 77 {
            jsonl.push_str("not json\n");
        } else {
            jsonl.push_str(&format!("{{\"id\": {i}, \"text\": \"{text} {text}\"}}\n"));
        }
    }
    let path = dir.path().join("feed.jsonl");
    fs::write(&path, jsonl).unwrap();
    for i in 0..5 {
        fs::write(
            dir.path().join(format!("doc{i}.txt")),
            SENTENCES[i % 4].repeat(i + 1),
        )
        .unwrap();
    }
    let mut args = vec![
        dir.path().to_str().unwrap().to_string(),
        path.to_str().unwrap().to_string(),
    ];
    args.extend(
        ["bilingual.tsv", "guide.md", "xliff20-segments.xlf"].map(|f| format!("tests/data/{f}")),
    );
    (dir, args)
}

fn run(args: &[String], extra: &[&str], format: &str) -> Vec<u8> {
    mtlint()
        .args(["check", "--quiet", "--format", format])
        .args(extra)
        .args(args)
        .output()
        .unwrap()
        .stdout
}

#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    let (_dir, args) = corpus();
    for format in ["json", "text", "csv"] {
        let one = run(&args, &["--jobs", "1"], format);
        let two = run(&args, &["--jobs", "2"], format);
        assert!(one.len() > 1000);
        assert_eq!(one, two, "{format}");
    }
}

#[test]
fn shards_reassemble_to_the_whole() {
    let (_dir, args) = corpus();
    let whole = String::from_utf8(run(&args, &[], "jsonl")).unwrap();
    let whole: Vec<&str> = whole.lines().collect();
    assert!(whole.len() > 300);
    let n = 3;
    let shards: Vec<String> = (0..n)
        .map(|i| String::from_utf8(run(&args, &["--shard", &format!("{i}/{n}")], "jsonl")).unwrap())
        .collect();
    let shards: Vec<Vec<&str>> = shards.iter().map(|s| s.lines().collect()).collect();
    // Every document is in exactly one shard, and each shard keeps input order; whole files
    // (here the walked directory and the XLIFF) are documents of their own, each JSONL or TSV
    // line another.
    let total: usize = shards.iter().map(Vec::len).sum();
    assert_eq!(total, whole.len());
    let mut rest: Vec<&[&str]> = shards.iter().map(Vec::as_slice).collect();
    for line in &whole {
        let k = rest
            .iter()
            .position(|s| s.first() == Some(line))
            .unwrap_or_else(|| panic!("{line} is in no shard at its place"));
        rest[k] = &rest[k][1..];
    }
    mtlint()
        .args(["check", "--shard", "3/3", "-"])
        .assert()
        .code(2);
}

#[test]
fn small_batches_give_the_same_reports() {
    use mtlint::check::{CheckOptions, check_each, check_paths};
    use mtlint::input::InputFormat;
    let (_dir, args) = corpus();
    let linter = mtlint::detect::Linter::new(mtlint::tag::Tagger::embedded());
    let whole = check_paths(&args, InputFormat::Auto, &linter);
    for batch in [1, 7, 100] {
        let mut got = Vec::new();
        let opts = CheckOptions {
            batch,
            ..CheckOptions::new(InputFormat::Auto)
        };
        check_each(&args, &opts, &linter, &mut |r| {
            got.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!(got, whole, "batch {batch}");
    }
    // A failing report sink stops the run with its error.
    let mut seen = 0;
    let err = check_each(
        &args,
        &CheckOptions::new(InputFormat::Auto),
        &linter,
        &mut |_| {
            seen += 1;
            Err(std::io::Error::other("disk full"))
        },
    );
    assert_eq!(err.unwrap_err().to_string(), "disk full");
    assert_eq!(seen, 1);
}

#[test]
fn tsv_and_jsonl_stream_from_standard_input() {
    let out = mtlint()
        .args(["check", "--input-format", "tsv", "--format", "jsonl", "-"])
        .write_stdin("source\ttarget\nA.\tYesterday announced the minister new measures.\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("{\"id\":2,\"findings\":[{\"rule\":\"verb-second-inversion\""),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn xliff_and_tsv_sources_reach_the_source_checks() {
    let dir = tempfile::tempdir().unwrap();
    let xlf = dir.path().join("n.xlf");
    fs::write(
        &xlf,
        "<xliff version=\"1.2\"><file><body><trans-unit id=\"n\"><source>Hij kocht 5 appels.</source>\
         <target>He bought 6 apples.</target></trans-unit></body></file></xliff>",
    )
    .unwrap();
    let tsv = dir.path().join("n.tsv");
    fs::write(&tsv, "Hij kocht 5 appels.\tHe bought 6 apples.\n").unwrap();
    for path in [&xlf, &tsv] {
        let (lines, _) = jsonl(&[path.to_str().unwrap()]);
        assert!(
            rules(&lines[0]).contains(&"source-mismatch"),
            "{}",
            lines[0]
        );
    }
}

/// A Markdown suggestion keeps the emphasis of the sentence on the words it wrapped, and no
/// gap is left where markup stood before the full stop.
#[test]
fn markdown_suggestions_keep_emphasis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(
        &path,
        "Also discussed **Trump** and Haftar a shared vision.\n\nWe have the car yesterday **repaired**.\n",
    )
    .unwrap();
    let (lines, _) = jsonl(&[path.to_str().unwrap(), "--all"]);
    let suggestions: Vec<&str> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["suggestion"].as_str())
        .collect();
    assert!(
        suggestions.contains(&"**Trump** and Haftar also discussed a shared vision."),
        "{suggestions:?}"
    );
    assert!(
        suggestions
            .iter()
            .any(|s| s.contains("**repaired**") && !s.contains(" .")),
        "{suggestions:?}"
    );
}

/// A text in UTF-16 (with its byte-order mark) is read; one run over 4,000 bytes without
/// sentence punctuation is reported once and checked in bounded pieces.
#[test]
fn utf16_files_and_overlong_runs() {
    let dir = tempfile::tempdir().unwrap();
    let utf16 = dir.path().join("u.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Also discussed Trump and Haftar a shared vision.\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    fs::write(&utf16, bytes).unwrap();
    let (lines, _) = jsonl(&[utf16.to_str().unwrap()]);
    assert_eq!(lines[0]["findings"][0]["rule"], "verb-second-inversion");
    let long = dir.path().join("long.txt");
    fs::write(&long, "word and another word ".repeat(4000)).unwrap();
    let (lines, _) = jsonl(&[long.to_str().unwrap()]);
    let findings = lines[0]["findings"].as_array().unwrap();
    assert_eq!(
        findings
            .iter()
            .filter(|f| f["rule"] == "overlong-sentence")
            .count(),
        1
    );
    assert!(
        findings
            .iter()
            .all(|f| f["sentence"].as_str().unwrap().len() <= 4000)
    );
}
