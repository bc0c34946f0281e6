//! The command line as users run it: exit codes, inputs good and bad, output formats.

use crate::common::mtlint;
use serde_json::Value;
use std::fs;

const BAD: &str = "Also discussed Trump and Haftar a shared vision.\n";
const CLEAN: &str = "Trump and Haftar also discussed a shared vision.\n";

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn exit_codes_follow_the_fail_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let clean = dir.path().join("clean.txt");
    fs::write(&bad, BAD).unwrap();
    fs::write(&clean, CLEAN).unwrap();
    mtlint().arg("check").arg(&clean).assert().code(0);
    mtlint().arg("check").arg(&bad).assert().code(1);
    mtlint()
        .args(["check", "--fail-on", "critical"])
        .arg(&bad)
        .assert()
        .code(0);
    mtlint()
        .args(["check", "--fail-on", "never"])
        .arg(&bad)
        .assert()
        .code(0);
    mtlint()
        .args(["check", "--fail-on", "minor"])
        .arg(&bad)
        .assert()
        .code(1);
    mtlint()
        .args(["check", "--format", "nonsense"])
        .assert()
        .code(2);
}

#[test]
fn reads_standard_input() {
    let out = mtlint()
        .args(["check", "--format", "json"])
        .write_stdin(BAD)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(v["documents"][0]["path"], "-");
    assert_eq!(
        v["documents"][0]["findings"][0]["suggestion"],
        "Trump and Haftar also discussed a shared vision."
    );
    // "-" names standard input explicitly.
    mtlint()
        .args(["check", "-"])
        .write_stdin(CLEAN)
        .assert()
        .code(0);
}

#[test]
fn directory_with_an_invalid_file_reports_the_others() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), BAD).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        b"Fine text.\nBroken \xff\xfe here.\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub").join("c.md"), BAD).unwrap();
    fs::write(dir.path().join("ignored.bin"), b"\x00\x01").unwrap();
    let assert = mtlint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2);
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.txt: invalid UTF-8 at byte offset 18 (line 2)"),
        "{stderr}"
    );
    let v = json_of(&out.stdout);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3, "a.txt, b.txt, sub/c.md in sorted order");
    assert!(docs[0]["path"].as_str().unwrap().ends_with("a.txt"));
    assert_eq!(docs[0]["counts"]["total"], 1);
    assert!(docs[1]["error"].as_str().unwrap().contains("invalid UTF-8"));
    assert!(docs[2]["path"].as_str().unwrap().ends_with("c.md"));
    assert_eq!(docs[2]["counts"]["total"], 1);
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn empty_binary_and_missing_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = mtlint()
        .args(["check", "--format", "json"])
        .arg(&empty)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_of(&out)["documents"][0]["counts"]["total"], 0);

    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let out = mtlint().arg("check").arg(&binary).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("image.txt: binary file"), "{stderr}");

    let missing = dir.path().join("nope.txt");
    let out = mtlint()
        .arg("check")
        .arg(&missing)
        .arg(&empty)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("nope.txt: no such file or directory"),
        "{stderr}"
    );
}

#[test]
fn jsonl_writes_one_line_per_input_line() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Also discussed Trump and Haftar a shared vision.\"}\n",
        "{\"id\": 2, \"text\": \"Clean English here.\"}\n",
        "{\"id\": 3, \"text\": oops}\n",
        "[1, 2]\n",
        "{\"id\": \"e\", \"text\": \"Yesterday announced the minister new measures.\", \"source\": \"Gisteren kondigde de minister nieuwe maatregelen aan.\"}\n",
    );
    let out = mtlint()
        .args(["check", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["findings"].as_array().unwrap().len(), 1);
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["findings"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["id"], Value::Null);
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(lines[3]["line"], 4);
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("expected a JSON object")
    );
    assert_eq!(lines[4]["id"], "e");
    assert_eq!(
        lines[4]["findings"][0]["suggestion"],
        "Yesterday, the minister announced new measures."
    );
}

#[test]
fn jsonl_files_are_recognised_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    fs::write(
        &f,
        "{\"id\": 1, \"text\": \"Clean.\"}\r\n{\"id\": 2, \"text\": \"Fine.\"}\r\n",
    )
    .unwrap();
    let out = mtlint()
        .args(["check", "--format", "jsonl"])
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
}

#[test]
fn crlf_input_gives_the_same_findings_with_correct_positions() {
    let lf = "Title\n\nSome text here. Also discussed Trump and Haftar a shared vision.\n";
    let crlf = lf.replace('\n', "\r\n");
    let run = |text: &str| {
        let out = mtlint()
            .args(["check", "--format", "json"])
            .write_stdin(text.to_string())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        json_of(&out)["documents"][0]["findings"][0].clone()
    };
    let a = run(lf);
    let b = run(&crlf);
    for key in ["rule", "line", "column", "text", "suggestion", "sentence"] {
        assert_eq!(a[key], b[key], "{key}");
    }
    assert_eq!(a["line"], 3);
    assert_eq!(a["column"], 17);
    let start = b["start"].as_u64().unwrap() as usize;
    let end = b["end"].as_u64().unwrap() as usize;
    assert_eq!(&crlf[start..end], b["text"].as_str().unwrap());
}

#[test]
fn offsets_point_into_the_input_as_given() {
    // A byte-order mark and a decomposed accent before the finding.
    let text = "\u{feff}Cafe\u{301} news.\nAlso discussed Trump and Haftar a shared vision.\n";
    let out = mtlint()
        .args(["check", "--format", "json"])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let f = json_of(&out)["documents"][0]["findings"][0].clone();
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Also discussed Trump and Haftar");
    assert_eq!(f["line"], 2);
    assert_eq!(f["column"], 1);
}

#[test]
fn csv_quotes_commas_and_quotes() {
    let text = "Also discussed Trump and Haftar a “shared vision, for peace” and \"more\".\n";
    let out = mtlint()
        .args(["check", "--format", "csv"])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "path");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    let sentence = headers.iter().position(|h| h == "sentence").unwrap();
    assert_eq!(&rows[0][sentence], text.trim_end());
}

#[test]
fn output_file_and_text_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.txt");
    mtlint()
        .args(["check", "-o"])
        .arg(&out)
        .write_stdin(BAD)
        .assert()
        .code(1);
    let text = fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("-:1:1: major[verb-second-inversion/fronted-phrase]: "),
        "{text}"
    );
    assert!(text.contains("suggestion: Trump and Haftar also discussed a shared vision."));
}

#[test]
fn tag_pretokenized_keeps_lines() {
    let out = mtlint()
        .args(["tag", "--pretokenized"])
        .write_stdin("Trump and Haftar spoke .\n\nHe left .\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "Trump/NNP and/CC Haftar/NNP spoke/VBD ./.");
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "He/PRP left/VBD ./.");
}

#[test]
fn tag_rejects_invalid_utf8_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    fs::write(&f, b"caf\xe9\n").unwrap();
    let out = mtlint().arg("tag").arg(&f).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("latin1.txt: invalid UTF-8 at byte offset 3 (line 1)"),
        "{stderr}"
    );
}

#[test]
fn tag_formats() {
    for format in ["text", "json", "conllu"] {
        mtlint()
            .args(["tag", "--format", format])
            .write_stdin("Haftar wants power. He said so.")
            .assert()
            .code(0);
    }
    let out = mtlint()
        .args(["tag", "--format", "conllu"])
        .write_stdin("He left.")
        .assert()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("1\tHe\t_\tPRON\tPRP\t"), "{text}");
}

#[test]
fn rules_commands() {
    let out = mtlint().args(["rules", "list"]).assert().code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("verb-second-inversion\tword-order\tmajor"));
    mtlint()
        .args(["rules", "explain", "verb-second-inversion"])
        .assert()
        .code(0);
    mtlint()
        .args(["rules", "explain", "no-such-rule"])
        .assert()
        .code(2);
    mtlint().args(["rules", "test"]).assert().code(0);
}

#[test]
fn parallel_output_equals_serial_output() {
    let sentences = [
        "Also discussed Trump and Haftar a shared vision.",
        "Yesterday announced the minister new measures.",
        "The weather was fine.",
        "Are already two hundred deaths.",
        "France says that the land behind Al Sarraj.",
    ];
    let input: String = (0..300)
        .map(|i| {
            format!(
                "{{\"id\": {i}, \"text\": \"{} {}\"}}\n",
                sentences[i % 5],
                sentences[(i * 7) % 5]
            )
        })
        .collect();
    let run = |threads: &str| {
        mtlint()
            .args(["check", "--input-format", "jsonl", "--format", "jsonl"])
            .env("RAYON_NUM_THREADS", threads)
            .write_stdin(input.clone())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone()
    };
    let serial = run("1");
    assert_eq!(serial, run("2"));
    assert_eq!(String::from_utf8(serial).unwrap().lines().count(), 300);
}

#[test]
fn sentences_checked_in_parallel_report_in_input_order() {
    let text = std::fs::read_to_string("samples/haftar-libya.nl-en.txt")
        .unwrap()
        .repeat(20);
    let run = |threads: &str| {
        mtlint()
            .args(["check", "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .write_stdin(text.clone())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn eval_measures_the_rule_selection_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let labelled = dir.path().join("labelled.jsonl");
    fs::write(
        &labelled,
        "{\"text\": \"Also discussed Trump and Haftar a shared vision.\", \"expect\": [\"word-order\"], \"group\": \"v2\"}\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = mtlint()
            .arg("eval")
            .args(extra)
            .arg(&labelled)
            .arg("--no-config")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let found = |report: &str| {
        report
            .lines()
            .find(|l| l.trim_start().starts_with("v2 "))
            .map(|l| l.split_whitespace().nth(2).unwrap_or("").to_string())
            .unwrap()
    };
    assert_eq!(found(&run(&[])), "100.0%");
    assert_eq!(found(&run(&["--disable", "verb-second-inversion"])), "0.0%");
    mtlint()
        .args(["eval", "--disable", "no-such-rule"])
        .arg(&labelled)
        .assert()
        .code(2);
}

#[test]
fn a_closed_output_pipe_ends_the_program_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
        .args(["rules", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the program writes.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.success());
}

/// Blank lines (a trailing empty line, a gap between records) are no records: skipped, with
/// one output line per non-blank input line and the line numbers of the file kept.
#[test]
fn jsonl_blank_lines_are_skipped() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"Clean English here.\"}\n",
        "\n",
        "   \r\n",
        "{\"id\": 2, \"text\": oops}\n",
        "\n",
    );
    let out = mtlint()
        .args(["check", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["line"], 4);
    // Only blank lines after the records: a clean run.
    mtlint()
        .args(["check", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin("{\"id\": 1, \"text\": \"Clean English here.\"}\n\n\n")
        .assert()
        .code(0);
}

/// `-o` and `--write-baseline` write beside the target and rename when complete: the
/// directory holds the finished files and no temporary ones.
#[test]
fn output_files_are_put_in_place_whole() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let baseline = dir.path().join("baseline.json");
    fs::write(&report, "an older report").unwrap();
    mtlint()
        .args(["check", "--format", "json", "-o"])
        .arg(&report)
        .arg("--write-baseline")
        .arg(&baseline)
        .write_stdin(BAD)
        .assert()
        .code(1);
    let json: Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["summary"]["documents"], 1);
    assert!(
        fs::read_to_string(&baseline)
            .unwrap()
            .contains("verb-second-inversion")
    );
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["baseline.json", "report.json"]);
    // A directory that does not exist: a usage error naming the file.
    let missing = dir.path().join("no/such/dir/report.json");
    let out = mtlint()
        .args(["check", "-o"])
        .arg(&missing)
        .write_stdin(BAD)
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("report.json"));
}

/// Directories are walked as ripgrep walks them: ignore files obeyed (also outside a git
/// repository), hidden entries left out, symbolic links not followed (so a link loop cannot
/// multiply the inputs), in sorted order; `--hidden` and `--no-ignore` widen the walk.
#[test]
fn directory_walk_obeys_ignore_files_and_skips_hidden_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::create_dir_all(root.join(".hidden")).unwrap();
    fs::create_dir_all(root.join("build")).unwrap();
    for p in [
        "a.txt",
        "sub/b.md",
        "sub/deeper/c.txt",
        ".hidden/d.txt",
        "build/e.txt",
        "f.txt",
    ] {
        fs::write(root.join(p), "Clean English here.\n").unwrap();
    }
    fs::write(root.join(".gitignore"), "build/\nf.txt\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", root.join("sub/deeper/loop")).unwrap();
    let paths = |extra: &[&str]| -> Vec<String> {
        let out = mtlint()
            .args(["check", "--format", "jsonl"])
            .args(extra)
            .arg(root)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                let p = v["path"].as_str().unwrap().to_string();
                p[root.to_str().unwrap().len() + 1..].to_string()
            })
            .collect()
    };
    assert_eq!(paths(&[]), ["a.txt", "sub/b.md", "sub/deeper/c.txt"]);
    assert_eq!(
        paths(&["--hidden"]),
        [".hidden/d.txt", "a.txt", "sub/b.md", "sub/deeper/c.txt"]
    );
    assert_eq!(
        paths(&["--no-ignore"]),
        [
            "a.txt",
            "build/e.txt",
            "f.txt",
            "sub/b.md",
            "sub/deeper/c.txt"
        ]
    );
    // A file named on the command line is read whatever the ignore files say.
    let out = mtlint()
        .args(["check", "--format", "jsonl"])
        .arg(root.join("f.txt"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
}

/// A check of a rule that holds several is listed, reported, and switched off on its own.
#[test]
fn one_check_can_be_switched_off() {
    let list = mtlint().args(["rules", "list"]).assert().code(0);
    let list = String::from_utf8_lossy(&list.get_output().stdout).to_string();
    assert!(
        list.contains("verb-second-inversion/fronted-phrase\t"),
        "{list}"
    );
    let run = |extra: &[&str]| -> String {
        let out = mtlint()
            .args(["check", "--format", "jsonl", "--fail-on", "never"])
            .args(extra)
            .write_stdin(BAD)
            .assert()
            .code(0);
        String::from_utf8_lossy(&out.get_output().stdout).to_string()
    };
    assert!(run(&[]).contains("\"check\":\"fronted-phrase\""));
    assert!(
        !run(&["--disable", "verb-second-inversion/fronted-phrase"]).contains("fronted-phrase")
    );
    // Another check of the same rule leaves it on; an unknown check is a usage error.
    assert!(
        run(&["--disable", "verb-second-inversion/auxiliary-inversion"]).contains("fronted-phrase")
    );
    mtlint()
        .args(["check", "--disable", "verb-second-inversion/no-such-check"])
        .write_stdin(BAD)
        .assert()
        .code(2);
}
