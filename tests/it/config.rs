//! `mtlint.toml`: found by walking up from the working directory or named with `--config`; the
//! command line wins over it; a broken file is an error naming file, line and column.

use crate::common::mtlint;
use serde_json::Value;
use std::fs;

const BAD: &str = "Also discussed Trump and Haftar a shared vision.\n";
const CALQUE: &str = "He has lived in Amsterdam since two years.\n";

fn rules_of(out: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(out).expect("valid JSON");
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn found_by_walking_up_and_overridden_by_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("articles/2026");
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("a.txt"), format!("{BAD}{CALQUE}")).unwrap();
    fs::write(
        dir.path().join("mtlint.toml"),
        "source-lang = [\"nl\"]\nformat = \"json\"\nfail-on = \"never\"\n",
    )
    .unwrap();
    let out = mtlint()
        .current_dir(&deep)
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "fail-on from the file");
    let rules = rules_of(&out.stdout);
    assert!(rules.contains(&"nl-since-years".to_string()), "{rules:?}");
    assert!(rules.contains(&"verb-second-inversion".to_string()));

    // The command line wins: fail-on and a disabled rule.
    let out = mtlint()
        .current_dir(&deep)
        .args([
            "check",
            "a.txt",
            "--fail-on",
            "major",
            "--disable",
            "nl-since-years",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!rules_of(&out.stdout).contains(&"nl-since-years".to_string()));

    // --no-config: none of it.
    let out = mtlint()
        .current_dir(&deep)
        .args(["check", "a.txt", "--no-config", "--format", "json"])
        .output()
        .unwrap();
    assert!(!rules_of(&out.stdout).contains(&"nl-since-years".to_string()));
}

#[test]
fn enable_on_the_command_line_beats_disable_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), BAD).unwrap();
    fs::write(
        dir.path().join("mtlint.toml"),
        "disable = [\"word-order\"]\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = mtlint()
            .current_dir(dir.path())
            .args(["check", "a.txt", "--format", "json", "--fail-on", "never"])
            .args(extra)
            .output()
            .unwrap();
        rules_of(&out.stdout)
    };
    assert!(!run(&[]).contains(&"verb-second-inversion".to_string()));
    assert!(run(&["--enable", "word-order"]).contains(&"verb-second-inversion".to_string()));
}

#[test]
fn rule_directories_exclude_and_ignore_are_relative_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("house")).unwrap();
    fs::create_dir_all(root.join("drafts")).unwrap();
    fs::create_dir_all(root.join("quotes")).unwrap();
    fs::write(
        root.join("house/style.toml"),
        r#"
[[rule]]
id = "house-utilize"
category = "calque"
severity = "minor"
message = "Say 'use'"
description = "House style prefers 'use'."
pattern = [{word = "utilize", name = "w"}]
suggestion = "{before} use {after}"
default = true

[[rule.example]]
bad = "We utilize it."
fix = "We use it."
"#,
    )
    .unwrap();
    fs::write(root.join("drafts/d.txt"), BAD).unwrap();
    fs::write(root.join("quotes/q.txt"), BAD).unwrap();
    fs::write(root.join("a.txt"), "We utilize the data.\n").unwrap();
    let cfg = root.join("mtlint.toml");
    fs::write(
        &cfg,
        "rules = [\"house\"]\nexclude = [\"drafts/**\"]\n\n[[ignore]]\npaths = [\"quotes/*.txt\"]\nrules = [\"word-order\"]\n",
    )
    .unwrap();
    // Run from a subdirectory: globs are matched against paths relative to the configuration's
    // directory, whatever the working directory.
    let out = mtlint()
        .current_dir(root.join("quotes"))
        .args(["check", "..", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    let paths: Vec<&str> = docs.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert!(!paths.iter().any(|p| p.contains("drafts")), "{paths:?}");
    for d in docs {
        let rules: Vec<&str> = d["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        let path = d["path"].as_str().unwrap();
        if path.contains("quotes") {
            assert!(rules.is_empty(), "{path}: {rules:?}");
        } else if path.ends_with("a.txt") {
            assert_eq!(rules, ["house-utilize"]);
        }
    }
}

#[test]
fn broken_configuration_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mtlint.toml"),
        "fail-on = \"major\"\nsource-lang = [\"nl\"]\nfail_on = 3\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), BAD).unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mtlint.toml:3:1"), "{err}");
    assert!(err.contains("unknown field"), "{err}");

    fs::write(dir.path().join("mtlint.toml"), "source-lang = [\"xx\"]\n").unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'xx'"));
    // Any language of rules/languages.tsv will do, with or without an interference pack.
    fs::write(dir.path().join("mtlint.toml"), "source-lang = [\"fr\"]\n").unwrap();
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(2));

    let out = mtlint()
        .args(["check", "a.txt", "--config", "/nonexistent/mtlint.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/mtlint.toml"));
}

#[test]
fn overriding_a_rule_warns() {
    let dir = tempfile::tempdir().unwrap();
    let nl = include_str!("../../rules/interference/nl.toml");
    fs::write(dir.path().join("nl.toml"), nl).unwrap();
    let out = mtlint()
        .args(["rules", "list", "--no-config", "--rules"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rule 'nl-both-as' replaces the rules/interference/nl.toml rule"),
        "{err}"
    );
}

#[test]
fn min_confidence_in_the_configuration() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = "Pseira, a city with many places of worship on a separate island.\n";
    let run = |config: &str| {
        std::fs::write(dir.path().join("mtlint.toml"), config).expect("write config");
        mtlint()
            .current_dir(dir.path())
            .args(["check", "--format", "jsonl", "--fail-on", "never"])
            .write_stdin(input)
            .assert()
            .get_output()
            .clone()
    };
    let quiet = run("");
    assert!(String::from_utf8_lossy(&quiet.stdout).contains("\"findings\":[]"));
    let all = run("min-confidence = 0.0\n");
    assert!(String::from_utf8_lossy(&all.stdout).contains("verb-deficit"));
    let bad = run("min-confidence = 3.0\n");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("min-confidence"));
}

/// A source language mtlint does not know, and a broken baseline, are named with their line and
/// column (columns count from 1).
#[test]
fn bad_values_are_named_with_their_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "fail-on = \"major\"\nsource-lang = [\"nl\", \"xx\"]\n",
    )
    .expect("write config");
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "-"])
        .write_stdin("A sentence.\n")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("mtlint.toml:2:23: source-lang 'xx' is not a language of rules/languages.tsv"),
        "{err}"
    );
    let baseline = dir.path().join("b.json");
    std::fs::write(
        &baseline,
        "{\"tool\":\"mtlint\",\"version\":1,\"documents\":[\n",
    )
    .expect("write");
    let out = mtlint()
        .args(["check", "--no-config", "--baseline"])
        .arg(&baseline)
        .write_stdin("A sentence.\n")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("b.json:2:1: not a baseline file"), "{err}");
}
