//! Rule packs: loading errors name file, line and column; pack rules pass their examples; the
//! source-language switch turns the interference packs on.

use crate::common::mtlint;
use mtlint::detect::{Linter, test_examples};
use mtlint::packs::{Selection, detectors, load_pack};
use mtlint::tag::Tagger;

const GOOD_RULE: &str = r#"
[[rule]]
id = "x-both-as"
category = "calque"
severity = "major"
message = "'both … as' is 'both … and'"
description = "A calque."
pattern = ["both", {chunk = "NP", name = "x"}, "as", {chunk = "NP", name = "y"}]
suggestion = "{before} both {x} and {y} {after}"

[[rule.example]]
bad = "Both Haftar as the government deploy the air force."
fix = "Both Haftar and the government deploy the air force."

[[rule.example]]
good = "Both Haftar and the government deploy the air force."
"#;

/// The single error of loading `text`, as displayed.
fn load_error(text: &str) -> String {
    match load_pack("test.toml", text) {
        Ok(_) => panic!("expected an error"),
        Err(e) => {
            assert_eq!(e.len(), 1, "{e:?}");
            e[0].to_string()
        }
    }
}

#[test]
fn a_valid_pack_loads_and_its_examples_hold() {
    let rules = load_pack("test.toml", GOOD_RULE).expect("valid pack");
    assert_eq!(rules.len(), 1);
}

#[test]
fn toml_syntax_error_names_line_and_column() {
    let text = GOOD_RULE.replace("severity = \"major\"", "severity = \"major");
    let e = load_error(&text);
    assert!(e.starts_with("test.toml:5:"), "{e}");
}

#[test]
fn unknown_field_is_an_error() {
    let text = GOOD_RULE.replace("severity = \"major\"", "severity = \"major\"\nseverty = 1");
    let e = load_error(&text);
    assert!(e.starts_with("test.toml:6:1:"), "{e}");
    assert!(e.contains("severty"), "{e}");
}

#[test]
fn unknown_field_in_a_pattern_element_is_an_error() {
    let text = GOOD_RULE.replace(
        "{chunk = \"NP\", name = \"x\"}",
        "{chunck = \"NP\", name = \"x\"}",
    );
    let e = load_error(&text);
    assert!(e.starts_with("test.toml:8:20:"), "{e}");
    assert!(e.contains("unknown field 'chunck'"), "{e}");
}

#[test]
fn bad_regex_is_an_error() {
    let text = GOOD_RULE.replace("\"both\",", "{regex = \"bo(th\"},");
    let e = load_error(&text);
    assert!(e.starts_with("test.toml:8:12:"), "{e}");
    assert!(e.contains("bad regex"), "{e}");
}

#[test]
fn unknown_tag_is_an_error() {
    let text = GOOD_RULE.replace("\"both\",", "{tag = \"VFN\"},");
    let e = load_error(&text);
    assert!(e.starts_with("test.toml:8:12:"), "{e}");
    assert!(e.contains("unknown tag 'VFN'"), "{e}");
}

#[test]
fn template_naming_a_missing_capture_is_an_error() {
    let text = GOOD_RULE.replace("and {y}", "and {z}");
    let e = load_error(&text);
    // The column is that of the '{' of "{z}".
    assert!(e.starts_with("test.toml:9:37:"), "{e}");
    assert!(e.contains("'{z}'"), "{e}");
}

#[test]
fn duplicate_ids_are_an_error() {
    let body = GOOD_RULE.trim_start();
    let text = format!("{body}\n{body}");
    let e = load_error(&text);
    assert!(e.starts_with("test.toml:18:6:"), "{e}");
    assert!(
        e.contains("duplicate rule id 'x-both-as' (first at line 1)"),
        "{e}"
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = GOOD_RULE
        .replace("\"both\",", "{tag = \"VFN\"},")
        .replace("and {y}", "and {z}");
    let errors = load_pack("test.toml", &text).err().expect("errors");
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn every_pack_rule_example_holds() {
    let sel = Selection {
        all: true,
        ..Selection::default()
    };
    let linter = Linter::with_detectors(
        Tagger::embedded(),
        detectors(&[], &sel).expect("embedded packs load"),
    );
    let failures = test_examples(&linter);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for d in &linter.detectors {
        let m = d.meta();
        if d.source().is_some() {
            let bad = m
                .examples
                .iter()
                .any(|e| matches!(e, mtlint::detect::Example::Bad { .. }));
            let good = m
                .examples
                .iter()
                .any(|e| matches!(e, mtlint::detect::Example::Good(_)));
            assert!(bad && good, "{} needs bad and good examples", m.id);
        }
    }
}

const SAMPLE: &str = "samples/haftar-libya.nl-en.txt";

#[test]
fn source_lang_nl_switches_on_the_dutch_pack() {
    // The sample under a name that states no language, so only the options choose the packs.
    let dir = tempfile::tempdir().expect("temp dir");
    let unnamed = dir.path().join("article.txt");
    std::fs::copy(SAMPLE, &unnamed).expect("copy the sample");
    let unnamed = unnamed.to_str().expect("UTF-8 path").to_string();
    let run = |path: &str, extra: &[&str]| {
        let mut args = vec!["check", path, "--format", "jsonl", "--fail-on", "never"];
        args.extend_from_slice(extra);
        let out = mtlint().args(&args).assert().code(0);
        String::from_utf8_lossy(&out.get_output().stdout).to_string()
    };
    let plain = run(&unnamed, &[]);
    assert!(!plain.contains("\"nl-"), "{plain}");
    let nl = run(&unnamed, &["--source-lang", "nl"]);
    for id in [
        "nl-both-as",
        "nl-land-country",
        "nl-in-the-area-of",
        "nl-puts-in",
    ] {
        assert!(
            nl.contains(&format!("\"rule\":\"{id}\"")),
            "{id} missing: {nl}"
        );
    }
    assert!(
        nl.contains("Both Haftar and the incumbent government"),
        "{nl}"
    );
    // The sample's own name (`.nl-en.txt`) says the same as `--source-lang nl`.
    assert_eq!(run(SAMPLE, &[]), nl.replace(&unnamed, SAMPLE));
    // --disable wins over the source language; --enable picks one rule without it.
    let off = run(&unnamed, &["--source-lang", "nl", "--disable", "calque"]);
    assert!(!off.contains("\"nl-"), "{off}");
    let one = run(&unnamed, &["--enable", "nl-both-as"]);
    assert!(one.contains("\"rule\":\"nl-both-as\""), "{one}");
    assert!(!one.contains("nl-land-country"), "{one}");
}

#[test]
fn the_file_name_states_the_source_language_and_the_run_says_so() {
    let out = mtlint().args(["check", SAMPLE]).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("source language 'nl' (from the file name samples/haftar-libya.nl-en.txt)"),
        "{err}"
    );
    let quiet = mtlint().args(["check", "--quiet", SAMPLE]).assert().code(1);
    assert!(quiet.get_output().stderr.is_empty());
    // An option or the configuration wins: no note, and German rather than Dutch.
    let de = mtlint()
        .args(["check", "--source-lang", "de", "--format", "jsonl", SAMPLE])
        .assert()
        .code(1);
    assert!(de.get_output().stderr.is_empty());
    assert!(!String::from_utf8_lossy(&de.get_output().stdout).contains("\"nl-"));
}

#[test]
fn a_bad_rule_directory_is_a_usage_error_naming_the_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        GOOD_RULE
            .replace("{tag", "{tga")
            .replace("\"both\",", "{tag = \"XX1\"},"),
    )
    .expect("write");
    let out = mtlint()
        .args(["check", SAMPLE, "--rules"])
        .arg(dir.path())
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("bad.toml:8:12: rule 'x-both-as': unknown tag 'XX1'"),
        "{err}"
    );
    mtlint()
        .args(["check", SAMPLE, "--enable", "no-such-rule"])
        .assert()
        .code(2);
}

#[test]
fn a_rule_directory_adds_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("x.toml"), GOOD_RULE).expect("write");
    let out = mtlint()
        .args([
            "check",
            SAMPLE,
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "--rules",
        ])
        .arg(dir.path())
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("\"rule\":\"x-both-as\""), "{text}");
    mtlint()
        .args(["rules", "test", "--rules"])
        .arg(dir.path())
        .assert()
        .code(0);
}

/// An unknown category or severity is one problem among the others of the file, each named
/// with its line and column, and every pack's problems are reported in one run.
#[test]
fn unknown_category_and_severity_come_with_the_other_problems() {
    let text = GOOD_RULE
        .replace("category = \"calque\"", "category = \"calk\"")
        .replace("severity = \"major\"", "severity = \"huge\"")
        .replace("\"both\",", "{tag = \"VFN\"},");
    let errors: Vec<String> = load_pack("test.toml", &text)
        .err()
        .expect("errors")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors[0].starts_with("test.toml:4:12: unknown category 'calk'"),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("test.toml:5:12: unknown severity 'huge'"),
        "{errors:?}"
    );
    // Two bad packs in one directory: both are named in the one run.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.toml"), &text).expect("write");
    std::fs::write(dir.path().join("b.toml"), "[[rule]]\nid = 1\n").expect("write");
    let out = mtlint()
        .args(["check", "-", "--rules"])
        .arg(dir.path())
        .write_stdin("A sentence.\n")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("a.toml:4:12: unknown category") && err.contains("b.toml:"),
        "{err}"
    );
}

/// `--rules` takes a single pack file as well as a directory of them.
#[test]
fn a_single_pack_file_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("house.toml");
    std::fs::write(&path, GOOD_RULE).expect("write");
    let out = mtlint()
        .args(["check", "--format", "jsonl", "--rules"])
        .arg(&path)
        .write_stdin("Both Haftar as the government deploy the air force.\n")
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("\"rule\":\"x-both-as\""));
}
