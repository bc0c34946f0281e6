//! `mtlint fix`: the suggestions applied to every input format, and nothing else changed —
//! byte-order marks, CRLF line ends, markup, the other fields and lines of records.

use crate::common::mtlint;
use std::fs;

const BAD: &str = "Also discussed Trump and Haftar a shared vision.";
const GOOD: &str = "Trump and Haftar also discussed a shared vision.";
const CLEAN: &str = "The talks ended on Friday.";

/// Runs `fix` on one file in a fresh directory and returns the file's bytes after.
fn fixed(name: &str, content: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, content).unwrap();
    mtlint()
        .args(["fix", "--quiet"])
        .arg(&path)
        .assert()
        .success();
    fs::read(&path).unwrap()
}

#[test]
fn plain_text_keeps_its_byte_order_mark_and_crlf() {
    let before = format!("\u{feff}{CLEAN}\r\n\r\n{BAD}\r\n{CLEAN}\r\n");
    let after = fixed("a.txt", before.as_bytes());
    assert_eq!(String::from_utf8(after).unwrap(), before.replace(BAD, GOOD));
}

#[test]
fn markdown_keeps_its_markup() {
    let before = "# Talks\r\n\r\nAlso discussed **Trump** and Haftar a shared vision.\r\n\r\n- a `code` item.\r\n";
    let after = String::from_utf8(fixed("a.md", before.as_bytes())).unwrap();
    assert_eq!(
        after,
        before.replace(
            "Also discussed **Trump** and Haftar a shared vision.",
            "**Trump** and Haftar also discussed a shared vision."
        )
    );
}

#[test]
fn jsonl_edits_the_text_field_in_place() {
    let lines = [
        format!(r#"{{"id": "a", "text": "{CLEAN}", "n": [1, {{"x": "}}"}}]}}"#),
        format!(
            r#"{{"id": "b", "meta": {{"text": "not this"}}, "text": "\u201cQuoted,\u201d he said. {BAD} Back\\slash.", "z": null}}"#
        ),
        String::new(),
        format!(r#"{{"id": "c", "text": "{BAD}"}}"#),
        "not json at all".to_string(),
    ];
    let before = format!("\u{feff}{}\r\n", lines.join("\r\n"));
    let after = String::from_utf8(fixed("a.jsonl", before.as_bytes())).unwrap();
    assert_eq!(after, before.replace(BAD, GOOD));
    // Still valid JSON, with the rest of each record unchanged.
    let second: serde_json::Value = serde_json::from_str(
        after
            .trim_start_matches('\u{feff}')
            .lines()
            .nth(1)
            .unwrap()
            .trim_end(),
    )
    .unwrap();
    assert_eq!(
        second["text"],
        format!("\u{201c}Quoted,\u{201d} he said. {GOOD} Back\\slash.")
    );
    assert_eq!(second["meta"]["text"], "not this");
}

#[test]
fn tsv_edits_the_target_field() {
    let before = format!("id\tsource\ttarget\r\n1\tbron\t{CLEAN}\r\n2\tOok besprak\t{BAD}\r\n");
    let after = String::from_utf8(fixed("a.tsv", before.as_bytes())).unwrap();
    assert_eq!(after, before.replace(BAD, GOOD));
    // Without a header: source, then target.
    let before = format!("Ook besprak\t{BAD}\n");
    let after = String::from_utf8(fixed("b.tsv", before.as_bytes())).unwrap();
    assert_eq!(after, before.replace(BAD, GOOD));
}

#[test]
fn diff_shows_the_change_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    let before = format!("{CLEAN}\n\n{BAD}\n");
    fs::write(&path, &before).unwrap();
    let out = mtlint()
        .args(["fix", "--diff"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains(&format!("-{BAD}\n+{GOOD}\n")), "{out}");
    assert!(out.starts_with("--- a/"), "{out}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    let out = mtlint()
        .args(["fix", "-"])
        .write_stdin(format!("{BAD}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), format!("{GOOD}\n"));
}

#[test]
fn a_file_that_cannot_be_fixed_is_named_and_the_others_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(BAD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("a.txt"), &utf16).unwrap();
    fs::write(dir.path().join("b.txt"), format!("{BAD}\n")).unwrap();
    let out = mtlint()
        .args(["fix"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("a.txt") && err.contains("UTF-8"), "{err}");
    assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), utf16);
    assert_eq!(
        fs::read_to_string(dir.path().join("b.txt")).unwrap(),
        format!("{GOOD}\n")
    );
}

#[test]
fn a_threshold_above_every_finding_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, format!("{BAD}\n")).unwrap();
    mtlint()
        .args(["fix", "--quiet", "--min-confidence", "1"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&path).unwrap(), format!("{BAD}\n"));
}

#[test]
fn the_committed_diff_of_the_sample_matches_the_tool() {
    let out = mtlint()
        .args(["fix", "--diff", "samples/haftar-libya.nl-en.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let committed = fs::read_to_string("reports/haftar-libya.nl-en.fix.diff").unwrap_or_default();
    assert!(
        committed == String::from_utf8(out).unwrap(),
        "reports/haftar-libya.nl-en.fix.diff is out of date: run scripts/update-reports.sh"
    );
}

#[test]
fn xliff_edits_targets_and_keeps_markup_and_sources() {
    let before = format!(
        "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<xliff version=\"1.2\">\r\n<file source-language=\"nl\" target-language=\"en\" datatype=\"plaintext\" original=\"a\"><body>\r\n\
         <trans-unit id=\"1\"><source>{BAD}</source><target>Also discussed Trump and <g id=\"1\">Haftar</g> a shared vision &amp; more.</target></trans-unit>\r\n\
         <trans-unit id=\"2\"><source>{BAD}</source><target>{CLEAN}</target></trans-unit>\r\n\
         <trans-unit id=\"3\"><source>{BAD}</source><target>{BAD}</target></trans-unit>\r\n\
         </body></file></xliff>\r\n"
    );
    let after = String::from_utf8(fixed("a.xlf", before.as_bytes())).unwrap();
    let want = before
        .replace(
            "<target>Also discussed Trump and <g id=\"1\">Haftar</g> a shared vision &amp; more.</target>",
            "<target>Trump and <g id=\"1\">Haftar</g> also discussed a shared vision &amp; more.</target>",
        )
        .replace(&format!("<target>{BAD}</target>"), &format!("<target>{GOOD}</target>"));
    assert_eq!(after, want);
    // The sources are untouched.
    assert_eq!(after.matches(&format!("<source>{BAD}</source>")).count(), 3);
}

/// A finding `check` reports at the default threshold is applied by `fix` at the default too,
/// though findings carry their confidence to two decimals only.
#[test]
fn fix_applies_what_check_reports_at_the_threshold() {
    let sample = "../shared/samples/haftar-libya.nl-en.txt";
    let out = mtlint()
        .args([
            "check",
            sample,
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-config",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["documents"][0]["findings"].as_array().unwrap();
    // The least confident finding with a suggestion of its own sentence.
    let least = findings
        .iter()
        .filter(|f| {
            f["suggestion"].is_string() && f["combines"].as_array().is_none_or(Vec::is_empty)
        })
        .min_by(|a, b| {
            a["confidence"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["confidence"].as_f64().unwrap())
        })
        .unwrap();
    let diff = mtlint()
        .args(["fix", "--diff", "--no-config", sample])
        .output()
        .unwrap();
    let diff = String::from_utf8(diff.stdout).unwrap();
    let suggestion = least["suggestion"].as_str().unwrap();
    assert!(diff.contains(suggestion), "{suggestion} not in\n{diff}");
}
