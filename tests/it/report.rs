//! Reports for CI: SARIF against the official schema, the quality score and its gate,
//! baselines, and the text format's colours.

use crate::common::mtlint;
use crate::sarif_schema::Schema;
use assert_cmd::Command;
use serde_json::Value;
use std::fs;

const SAMPLE: &str = "samples/haftar-libya.nl-en.txt";
const BAD: &str = "Also discussed Trump and Haftar a shared vision.\n";

fn run(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 output")
}

fn sarif_schema() -> Schema {
    let text = fs::read_to_string("tests/data/sarif-schema-2.1.0.json").expect("schema file");
    Schema::new(serde_json::from_str(&text).expect("schema is JSON"))
}

fn assert_valid_sarif(report: &Value) {
    let errors = sarif_schema().errors(report);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

/// The schema test must be able to fail: a report with a wrong level is rejected.
#[test]
fn the_schema_rejects_a_broken_report() {
    let out = run(mtlint().args(["check", "--format", "sarif", SAMPLE]), 1);
    let mut report: Value = serde_json::from_str(&out).unwrap();
    report["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_schema().is_valid(&report));
}

#[test]
fn sarif_of_the_sample_is_valid_and_complete() {
    let out = run(mtlint().args(["check", "--format", "sarif", SAMPLE]), 1);
    let report: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_valid_sarif(&report);
    assert_eq!(report["version"], "2.1.0");
    let run = &report["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "mtlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let v2 = rules
        .iter()
        .position(|r| r["id"] == "verb-second-inversion")
        .expect("the rule is described");
    assert_eq!(rules[v2]["defaultConfiguration"]["level"], "warning");
    assert_eq!(rules[v2]["properties"]["category"], "word-order");
    assert!(
        rules[v2]["help"]["text"]
            .as_str()
            .unwrap()
            .contains("How to fix it: ")
    );

    let input = fs::read(SAMPLE).unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 10);
    for r in results {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let start = region["byteOffset"].as_u64().unwrap() as usize;
        let len = region["byteLength"].as_u64().unwrap() as usize;
        assert_eq!(
            std::str::from_utf8(&input[start..start + len]).unwrap(),
            region["snippet"]["text"]
        );
    }

    // Every suggestion is a fix made of edits on the flagged bytes: applied to the input,
    // its replacements (last first, so earlier offsets stay valid) turn the sentence into the
    // suggestion and leave every other byte alone.
    let apply = |r: &serde_json::Value| -> String {
        let mut reps: Vec<(usize, usize, String)> =
            r["fixes"][0]["artifactChanges"][0]["replacements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    let start = x["deletedRegion"]["byteOffset"].as_u64().unwrap() as usize;
                    let len = x["deletedRegion"]["byteLength"].as_u64().unwrap() as usize;
                    let text = x["insertedContent"]["text"].as_str().unwrap_or("");
                    (start, start + len, text.to_string())
                })
                .collect();
        reps.sort();
        let mut fixed = input.clone();
        for (start, end, text) in reps.into_iter().rev() {
            fixed.splice(start..end, text.into_bytes());
        }
        String::from_utf8(fixed).unwrap()
    };
    let mut with_fix = 0;
    for r in results.iter().filter(|r| r.get("fixes").is_some()) {
        let fixed = apply(r);
        let suggestion = r["properties"]["suggestion"].as_str().unwrap();
        assert!(fixed.contains(suggestion), "{suggestion}");
        // Nothing but the sentence changed: the same length outside it.
        let sentence = r["properties"]["sentence"].as_str().unwrap();
        assert_eq!(fixed.len() - suggestion.len(), input.len() - sentence.len());
        with_fix += 1;
    }
    assert!(with_fix > 10);
    let also = results
        .iter()
        .find(|r| r["ruleId"] == "verb-second-inversion")
        .unwrap();
    let replacements = &also["fixes"][0]["artifactChanges"][0]["replacements"];
    // Edits on the words that move, not the whole sentence.
    let sentence_len = also["properties"]["sentence"].as_str().unwrap().len() as u64;
    assert!(
        replacements
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["deletedRegion"]["byteLength"].as_u64().unwrap() < sentence_len / 2)
    );
    let fixed = apply(also);
    assert!(fixed.contains("\nTrump and Haftar also discussed a “shared vision"));
    assert!(!fixed.contains("Also discussed"));
    assert_eq!(
        also["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        SAMPLE
    );

    let docs = &run["properties"]["documents"];
    assert_eq!(docs[0]["path"], SAMPLE);
    assert!(docs[0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(run["properties"]["summary"]["failed"], 1);
}

#[test]
fn sarif_reports_unreadable_inputs_as_notifications() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), BAD).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        b"Fine text.\nBroken \xff\xfe here.\n",
    )
    .unwrap();
    let input = dir.path().join("records.jsonl");
    fs::write(
        &input,
        "{\"id\": \"r1\", \"text\": \"Also discussed Trump and Haftar a shared vision.\"}\n{oops}\n",
    )
    .unwrap();
    let out = run(
        mtlint()
            .args(["check", "--format", "sarif"])
            .arg(dir.path()),
        2,
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&report);
    let out = run(mtlint().args(["check", "--format", "sarif"]).arg(&input), 2);
    let records: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&records);

    // Standard input has no URI: its location is described instead.
    let out = run(
        mtlint()
            .args(["check", "--format", "sarif"])
            .write_stdin(BAD),
        1,
    );
    let stdin: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&stdin);
    let location = &stdin["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["description"]["text"],
        "standard input"
    );

    let invocation = &report["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["exitCode"], 2);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("b.txt")
    );
    let uri = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/b.txt"),
        "{uri}"
    );
    // a.txt's finding is still reported.
    assert_eq!(report["runs"][0]["results"].as_array().unwrap().len(), 1);

    // A bad JSONL line is a notification naming its line; a record's finding names its record.
    let run0 = &records["runs"][0];
    let note = &run0["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        note["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    let result = &run0["results"][0];
    assert_eq!(result["locations"][0]["logicalLocations"][0]["name"], "r1");
    assert_eq!(result["properties"]["record"]["line"], 1);
    assert!(result.get("fixes").is_none());
}

#[test]
fn every_report_scores_each_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    // 8 words and one major finding: 5 points per 8 words is 625 per 1,000.
    fs::write(&bad, BAD).unwrap();
    let out = run(mtlint().args(["check", "--format", "json"]).arg(&bad), 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    let doc = &report["documents"][0];
    assert_eq!(doc["words"], 8);
    assert_eq!(doc["score"], 625.0);
    assert_eq!(doc["passed"], false);
    assert_eq!(report["summary"]["passed"], 0);
    assert_eq!(report["summary"]["failed"], 1);

    let out = run(
        mtlint()
            .args(["check", "--format", "jsonl", "--severity-points", "0,2,3"])
            .arg(&bad),
        1,
    );
    let line: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(line["score"], 250.0);
    assert_eq!(line["words"], 8);

    let out = run(mtlint().args(["check", "--fail-on", "never"]).arg(&bad), 0);
    assert!(
        out.contains("1 finding, 8 words, score 625 per 1,000 words: passed"),
        "{out}"
    );
    assert!(out.contains("in 1 document: 1 passed, 0 failed"), "{out}");
}

#[test]
fn max_score_fails_documents_above_it() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let clean = dir.path().join("clean.txt");
    fs::write(&bad, BAD).unwrap();
    fs::write(&clean, "Trump and Haftar also discussed a shared vision.\n").unwrap();
    let check = |max: &str, path: &std::path::Path, code: i32| {
        run(
            mtlint()
                .args([
                    "check",
                    "--format",
                    "json",
                    "--fail-on",
                    "never",
                    "--max-score",
                    max,
                ])
                .arg(path),
            code,
        )
    };
    check("624.99", &bad, 1);
    check("625", &bad, 0);
    check("0", &clean, 0);
    let out = check("100", dir.path(), 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"][0]["passed"], false);
    assert_eq!(report["documents"][1]["passed"], true);
    assert_eq!(report["summary"]["passed"], 1);
    assert_eq!(report["summary"]["failed"], 1);
    assert_eq!(report["summary"]["gate"]["max_score"], 100.0);
    for bad_value in ["-1", "lots"] {
        mtlint()
            .args(["check", "--max-score", bad_value])
            .arg(&clean)
            .assert()
            .code(2);
    }
    mtlint()
        .args(["check", "--severity-points", "1,5"])
        .arg(&clean)
        .assert()
        .code(2);
}

#[test]
fn baseline_hides_known_findings_and_shows_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("article.txt");
    let baseline = dir.path().join("baseline.json");
    let first = "The minister spoke today.\n\nAlso discussed Trump and Haftar a shared vision.\n";
    fs::write(&doc, first).unwrap();
    run(
        mtlint()
            .args(["check", "--format", "json", "--write-baseline"])
            .arg(&baseline)
            .arg(&doc),
        1,
    );
    let written: Value = serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    let entry = &written["documents"][0]["findings"][0];
    assert_eq!(entry["rule"], "verb-second-inversion");
    assert_eq!(
        entry["sentence"],
        "also discussed trump and haftar a shared vision."
    );
    assert_eq!(entry["count"], 1);

    // Another sentence edited and the known one moved down a line: still suppressed; exit 0.
    let edited =
        "The minister spoke on Tuesday.\n\n\nAlso discussed Trump and Haftar a shared vision.\n";
    fs::write(&doc, edited).unwrap();
    let out = run(
        mtlint()
            .args(["check", "--format", "json", "--baseline"])
            .arg(&baseline)
            .arg(&doc),
        0,
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report["documents"][0]["findings"].as_array().unwrap().len(),
        0
    );
    assert_eq!(report["documents"][0]["baselined"], 1);
    assert_eq!(report["summary"]["baselined"], 1);

    // A new finding, and a second copy of the known one, show.
    let grown = format!("{edited}Yesterday announced the minister new measures.\n{BAD}");
    fs::write(&doc, grown).unwrap();
    let out = run(
        mtlint()
            .args(["check", "--format", "json", "--baseline"])
            .arg(&baseline)
            .arg(&doc),
        1,
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    let findings = report["documents"][0]["findings"].as_array().unwrap();
    let sentences: Vec<&str> = findings
        .iter()
        .map(|f| f["sentence"].as_str().unwrap())
        .collect();
    assert!(sentences.contains(&"Yesterday announced the minister new measures."));
    let known: Vec<&Value> = findings
        .iter()
        .filter(|f| f["sentence"] == "Also discussed Trump and Haftar a shared vision.")
        .collect();
    assert_eq!(known.len(), 1);
    assert_eq!(known[0]["line"], 6);
    assert_eq!(report["documents"][0]["baselined"], 1);

    // A baseline that is not one is a usage error naming the file.
    fs::write(&baseline, "{\"tool\": \"mtlint\"").unwrap();
    let out = mtlint()
        .arg("check")
        .arg("--baseline")
        .arg(&baseline)
        .arg(&doc)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("baseline.json:1:"), "{err}");
}

#[test]
fn text_output_colours() {
    let plain = run(
        mtlint()
            .args(["check", "--color", "never"])
            .write_stdin(BAD),
        1,
    );
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert_eq!(
        plain.lines().take(5).collect::<Vec<_>>(),
        [
            "-:1:1: major[verb-second-inversion/fronted-phrase]: The verb 'discussed' comes before its subject 'Trump and Haftar' after 'Also', in Dutch/German order: put the subject first",
            "  |",
            "  | Also discussed Trump and Haftar a shared vision.",
            "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  = suggestion: Trump and Haftar also discussed a shared vision.",
        ]
    );
    // Not a terminal: auto means no colours.
    let auto = run(mtlint().arg("check").write_stdin(BAD), 1);
    assert_eq!(auto, plain);

    let coloured = run(
        mtlint()
            .args(["check", "--color", "always"])
            .env("NO_COLOR", "1")
            .write_stdin(BAD),
        1,
    );
    assert!(coloured.contains("\u{1b}[1m-:1:1:\u{1b}[0m"), "{coloured}");
    assert!(
        coloured.contains("\u{1b}[1m\u{1b}[33mmajor[verb-second-inversion/fronted-phrase]"),
        "{coloured}"
    );
    let stripped = strip_ansi(&coloured);
    assert_eq!(stripped, plain);

    let no_color = run(
        mtlint()
            .args(["check", "--color", "auto"])
            .env("NO_COLOR", "1")
            .write_stdin(BAD),
        1,
    );
    assert_eq!(no_color, plain);
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn mtlint_toml_sets_the_gate_and_the_command_line_wins() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.txt"), BAD).unwrap();
    run(
        mtlint().current_dir(dir.path()).args([
            "check",
            "--no-config",
            "--write-baseline",
            "known.json",
            "bad.txt",
        ]),
        1,
    );
    fs::write(
        dir.path().join("mtlint.toml"),
        "fail-on = \"never\"\nseverity-points = [0, 2, 3]\nmax-score = 100\n",
    )
    .unwrap();
    // 2 points per 8 words: 250 per 1,000, above 100.
    let out = run(
        mtlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "bad.txt"]),
        1,
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"][0]["score"], 250.0);
    assert_eq!(report["summary"]["gate"]["max_score"], 100.0);
    run(
        mtlint()
            .current_dir(dir.path())
            .args(["check", "--max-score", "300", "bad.txt"]),
        0,
    );
    run(
        mtlint()
            .current_dir(dir.path())
            .args(["check", "--severity-points", "0,1,1", "bad.txt"]),
        1,
    );
    fs::write(
        dir.path().join("mtlint.toml"),
        "fail-on = \"minor\"\nbaseline = \"known.json\"\n",
    )
    .unwrap();
    run(
        mtlint().current_dir(dir.path()).args(["check", "bad.txt"]),
        0,
    );
    fs::write(
        dir.path().join("mtlint.toml"),
        "severity-points = [1, -5, 25]\n",
    )
    .unwrap();
    mtlint()
        .current_dir(dir.path())
        .args(["check", "bad.txt"])
        .assert()
        .code(2);
}

/// Structural findings carry a calibrated confidence; below the threshold they are left out
/// unless `--all` or a lower `--min-confidence` asks for them. The check that found them is
/// named in every format.
#[test]
fn min_confidence_all_and_the_check_field() {
    // A verbless-looking sentence English allows: a finding, but an unlikely one.
    let fragment = "Pseira, a city with many places of worship on a separate island.\n";
    let rules = |args: &[&str], input: &str| -> Vec<(String, Option<String>, f64)> {
        let out = run(
            mtlint()
                .args(["check", "--format", "jsonl", "--fail-on", "never"])
                .args(args)
                .write_stdin(input),
            0,
        );
        let v: Value = serde_json::from_str(out.trim()).expect("one JSONL line");
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap_or("").to_string(),
                    f["check"].as_str().map(String::from),
                    f["confidence"].as_f64().unwrap_or(-1.0),
                )
            })
            .collect()
    };
    assert!(rules(&[], fragment).is_empty());
    let all = rules(&["--all"], fragment);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0, "missing-verb");
    assert_eq!(all[0].1.as_deref(), Some("verb-deficit"));
    assert!(all[0].2 > 0.0 && all[0].2 < 0.5, "{all:?}");
    assert_eq!(rules(&["--min-confidence", "0"], fragment), all);
    // A real error stays at the default threshold, and a threshold of 1 hides it.
    let bad = rules(&[], BAD);
    assert_eq!(bad[0].1.as_deref(), Some("fronted-phrase"));
    assert!(rules(&["--min-confidence", "1"], BAD).is_empty());
    // The CSV names the check in its own column.
    let csv = run(
        mtlint()
            .args(["check", "--format", "csv", "--fail-on", "never"])
            .write_stdin(BAD),
        0,
    );
    assert!(
        csv.starts_with("path,id,line,column,start,end,rule,check,category,"),
        "{csv}"
    );
    assert!(
        csv.contains(",verb-second-inversion,fronted-phrase,word-order,"),
        "{csv}"
    );
    // Not a probability: a usage error.
    mtlint()
        .args(["check", "--min-confidence", "1.5"])
        .write_stdin(BAD)
        .assert()
        .code(2);
}

/// A baseline written for `./x.txt` applies to `x.txt` and to its absolute path; a baseline
/// whose documents match nothing checked is named in a warning.
#[test]
fn baseline_paths_are_normalized_and_unmatched_entries_warned() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("x.txt"), BAD).unwrap();
    fs::write(dir.path().join("other.txt"), BAD).unwrap();
    let at = |args: &[&str]| {
        mtlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "--no-config"])
            .args(args)
            .assert()
            .get_output()
            .clone()
    };
    at(&["--write-baseline", "b.json", "./x.txt"]);
    let written = fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(written.contains("\"path\": \"x.txt\""), "{written}");
    let absolute = dir.path().join("x.txt").canonicalize().unwrap();
    for path in ["x.txt", "./x.txt", absolute.to_str().unwrap()] {
        let out = at(&["--baseline", "b.json", path]);
        assert_eq!(out.status.code(), Some(0), "{path}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = at(&["--baseline", "b.json", "other.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: b.json: 1 of its documents matched no document checked: x.txt"),
        "{err}"
    );
}
