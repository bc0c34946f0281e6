//! The document-level checks (casing, repetition, page chrome, untranslated text, mixed
//! spelling): their data files parse, the sample article's findings, and odd input.

use mtlint::detect::{Linter, boilerplate, untranslated_text};
use mtlint::finding::Finding;
use mtlint::tag::Tagger;

const NEW_CATEGORIES: &[&str] = &[
    "capitalization",
    "repetition",
    "boilerplate",
    "untranslated",
    "consistency",
];

fn findings(text: &str) -> Vec<Finding> {
    Linter::new(Tagger::embedded()).check_text(text.to_string(), 0)
}

#[test]
fn rule_data_files_parse() {
    let mut bad = boilerplate::bad_data_lines();
    bad.extend(untranslated_text::bad_data_lines());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_sample_gets_exactly_the_expected_document_findings() {
    let text = std::fs::read_to_string("samples/haftar-libya.nl-en.txt").expect("sample");
    let got: Vec<(String, String)> = findings(&text)
        .into_iter()
        .filter(|f| NEW_CATEGORIES.contains(&f.category.as_str()))
        .map(|f| (f.rule, f.text))
        .collect();
    let want = [
        ("capitalization", "Us"),
        ("capitalization", "april"),
        ("capitalization", "prime minister"),
        ("capitalization", "general"),
        ("boilerplate", "(Photo: AFP)"),
        ("mixed-spelling", "recognised"),
        ("boilerplate", "Follow us"),
        ("boilerplate", "Don't be shy, get in touch."),
        (
            "boilerplate",
            "We love meeting interesting people and making new friends.",
        ),
        ("boilerplate", "Most popular"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(r, t)| (r.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "这是一个中文句子。",
        "the the the the the the the the.",
        "ü ß ä. Ö.",
        "(Photo:",
        "(",
        "U.S. US U.S. US us Us.",
        "colour color colours",
        "de de de de van van der die das und und.",
        "i",
        "Follow us\n\nMost popular\n\nRead more",
    ] {
        let _ = findings(text);
    }
}

#[test]
fn a_title_before_a_name_gets_capitals_in_the_whole_sentence() {
    let f = findings("The talks resumed under prime minister Fayez Al Sarraj in april.");
    let fixes: Vec<_> = f
        .iter()
        .filter(|f| f.rule == "capitalization")
        .filter_map(|f| f.suggestion.as_deref())
        .collect();
    assert_eq!(fixes.len(), 2);
    assert!(
        fixes
            .iter()
            .all(|s| *s == "The talks resumed under Prime Minister Fayez Al Sarraj in April.")
    );
}

#[test]
fn a_word_at_a_line_start_is_no_acronym_the_document_writes_in_capitals_elsewhere() {
    // The first line lacks its full stop, so the second line's "In" is inside its sentence.
    let text = "The state code of Indiana is IN on the forms.\nThe Germans had to hold the bridgehead until the 19th\nIn Estonia, the visit went on.\nThe talks were held In the capital.\n";
    let acronyms: Vec<String> = findings(text)
        .iter()
        .filter(|f| f.rule == "capitalization")
        .map(|f| f.text.clone())
        .collect();
    // Inside a line, the document's capitals still tell.
    assert_eq!(acronyms, vec!["In"], "{acronyms:?}");
    assert!(
        findings(text)
            .iter()
            .filter_map(|f| f.suggestion.as_deref())
            .all(|s| !s.contains("IN Estonia"))
    );
}

/// A text checked a few sentences at a time gets the findings of the text analysed whole,
/// also where a document-level finding depends on sentences in other batches (a spelling
/// counted across the text, an acronym written in capitals elsewhere, the article's tail).
#[test]
fn streaming_in_batches_gives_the_findings_of_the_whole_document() {
    let sample = std::fs::read_to_string("samples/haftar-libya.nl-en.txt").expect("sample");
    let extra = "Delegates met the Opec team. The OPEC embassy was organised well. \
                 It was organized late. They organized it again. the meeting ended in april.\n\n";
    let text = format!("{extra}{sample}");
    let linter = Linter::new(Tagger::embedded());
    let whole = linter.check_document(&linter.analyze(text.clone(), 0));
    assert!(whole.iter().any(|f| f.rule == "mixed-spelling"));
    assert!(whole.iter().any(|f| f.rule == "boilerplate"));
    assert!(whole.iter().any(|f| f.text == "Opec"), "{whole:#?}");
    for batch in [1, 2, 3, 7, 1000] {
        let streamed = linter.check_streamed(text.clone(), 0, batch);
        assert_eq!(streamed, whole, "batch of {batch}");
    }
}
