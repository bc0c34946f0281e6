//! Properties that hold for any input (proptest): no reader panics on arbitrary bytes or text,
//! every finding's span lies on character boundaries inside the input and is its `text`, and
//! the reports do not depend on the number of threads. A few hundred cases each here; the
//! fuzzer (`cargo run --release --example fuzz -- MINUTES`) runs the same checks for as long as
//! asked.

use mtlint::check::check_paths;
use mtlint::detect::Linter;
use mtlint::formats::{markdown, tsv, xliff};
use mtlint::input::{InputFormat, parse_jsonl_bytes};
use mtlint::read::decode;
use mtlint::tag::Tagger;
use proptest::prelude::*;

/// Text from pieces that stress the readers and the analysis.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "the",
        "Also",
        "discussed",
        "Trump",
        "and",
        "that",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        ".",
        ",",
        ";",
        ":",
        "?",
        "\"",
        "“",
        "”",
        "’",
        "(",
        ")",
        "…",
        "U.S.",
        "3.5",
        "e\u{301}",
        "ß",
        "中文",
        "🙂",
        "\u{200d}",
        "\u{a0}",
        "ﬁ",
        "# ",
        "**",
        "`",
        "> ",
        "- ",
        "[x](y)",
        "<!-- mtlint-disable -->",
        "|",
        "<g>",
        "&amp;",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn linter() -> &'static Linter {
    static L: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    L.get_or_init(|| Linter::new(Tagger::embedded()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode("x", bytes);
    }

    #[test]
    fn the_readers_take_any_text(text in any::<String>()) {
        let _ = markdown::prose(&text);
        let _ = xliff::parse(&text);
        let _ = parse_jsonl_bytes(text.as_bytes());
        for (n, line) in text.lines().enumerate() {
            let _ = tsv::parse_line(&tsv::Columns::POSITIONAL, n + 1, line);
        }
    }

    #[test]
    fn findings_point_at_their_text(text in prop_oneof![awkward_text(), any::<String>()]) {
        for f in linter().check_text(text.clone(), 0) {
            let span = text.get(f.start..f.end);
            prop_assert_eq!(span, Some(f.text.as_str()), "{:?}", f);
            prop_assert!(f.line >= 1 && f.column >= 1);
        }
    }

    #[test]
    fn markdown_spans_stay_inside_the_file(text in awkward_text()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, &text).unwrap();
        let reports = check_paths(&[path.display().to_string()], InputFormat::Auto, linter());
        for f in reports.iter().flat_map(|r| r.findings()) {
            prop_assert!(text.get(f.start..f.end).is_some(), "{:?} in {:?}", f, text);
        }
    }

    #[test]
    fn one_thread_or_two_give_the_same_findings(text in awkward_text()) {
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| linter().check_text(text.clone(), 0))
        };
        prop_assert_eq!(run(1), run(2));
    }
}
