//! The sample article end to end: segmentation, tags, the report, and the committed reports/.

use mtlint::check::check_paths;
use mtlint::detect::Linter;
use mtlint::input::InputFormat;
use mtlint::pipeline::Document;
use mtlint::report;
use mtlint::tag::Tagger;

const SAMPLE: &str = "samples/haftar-libya.nl-en.txt";

fn sample_document() -> Document {
    let text = std::fs::read_to_string(SAMPLE).expect("sample article");
    Document::analyze(text, 0, Tagger::embedded())
}

/// The linter `mtlint check` uses on the sample: the default rules and, as its file name
/// (`.nl-en.txt`) says it was translated from Dutch, the Dutch interference pack.
fn sample_linter() -> Linter {
    let lang = mtlint::input::source_lang_of_file_name(SAMPLE).expect("the name states a language");
    let selection = mtlint::packs::Selection {
        source_langs: vec![lang],
        ..Default::default()
    };
    Linter::with_detectors(
        Tagger::embedded(),
        mtlint::packs::detectors(&[], &selection).expect("the embedded packs load"),
    )
}

fn render(format: report::Format) -> String {
    let linter = sample_linter();
    let reports = check_paths(&[SAMPLE.to_string()], InputFormat::Auto, &linter);
    let mut out = Vec::new();
    report::write(
        &mut out,
        format,
        &reports,
        &report::ReportOptions::default(),
        &[],
    )
    .expect("report renders");
    String::from_utf8(out).expect("UTF-8 report")
}

#[test]
fn segmentation_of_the_sample() {
    let doc = sample_document();
    let lines: Vec<String> = doc
        .sentences
        .iter()
        .map(|s| {
            format!(
                "{} {:?}: {}",
                s.segment.paragraph,
                s.segment.kind,
                &doc.text()[s.segment.start..s.segment.end]
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn tags_of_the_sample() {
    let doc = sample_document();
    let text = mtlint::inspect::render(&doc, mtlint::inspect::TagFormat::Text);
    insta::assert_snapshot!(text);
}

#[test]
fn json_report_of_the_sample() {
    insta::assert_snapshot!(render(report::Format::Json));
}

#[test]
fn text_report_of_the_sample() {
    insta::assert_snapshot!(render(report::Format::Text));
}

#[test]
fn committed_reports_match_the_tool() {
    for (format, file) in [
        (report::Format::Json, "reports/haftar-libya.nl-en.json"),
        (report::Format::Csv, "reports/haftar-libya.nl-en.csv"),
    ] {
        let committed = std::fs::read_to_string(file).unwrap_or_default();
        assert!(
            committed == render(format),
            "{file} is out of date: run scripts/update-reports.sh and review the diff"
        );
    }
}

#[test]
fn the_sample_flags_the_fronted_also_sentence() {
    let linter = Linter::new(Tagger::embedded());
    let findings = linter.check_document(&sample_document());
    let f = findings
        .iter()
        .find(|f| f.sentence.starts_with("Also discussed"))
        .expect("the 'Also discussed' sentence is flagged");
    assert_eq!(f.rule, "verb-second-inversion");
    assert_eq!(
        f.suggestion.as_deref(),
        Some(
            "Trump and Haftar also discussed a “shared vision for the transition of Libya to a stable, democratic political system”."
        )
    );
}
