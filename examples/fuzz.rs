//! A fuzzer on stable Rust: random and mutated inputs through every reader (text, Markdown,
//! JSONL, TSV, XLIFF) and `check` as a whole, for a given time, deterministic for a seed.
//!
//! ```text
//! cargo run --release --example fuzz -- [MINUTES] [SEED]
//! ```
//!
//! Inputs are random bytes, random text from an alphabet of awkward pieces (multi-byte spaces,
//! combining marks, quotes, CR, bidi controls, markup of each format), and mutations (byte
//! flips, insertions, cuts, splices) of the project's own samples and test files. For each
//! input, written to a file with the reader's extension and checked through the library as the
//! command line checks it, it asserts:
//! - nothing panics;
//! - every finding's `start..end` lies on character boundaries inside the text it points into,
//!   and `text` is that span (for text and Markdown files, the file's text as given; for
//!   records, the finding's sentence holds its text);
//! - the reports are the same, byte for byte, on one thread and on two;
//! - `fix` on the input does not panic, and leaves a text's bytes before its first edit alone.
//!
//! A failing input is written to `target/fuzz-failure.EXT` and the run stops with exit code 1.

use mtlint::check::check_paths;
use mtlint::detect::Linter;
use mtlint::fix::{fix_file, fix_records, fix_xliff};
use mtlint::input::InputFormat;
use mtlint::report::DocumentReport;
use mtlint::tag::Tagger;
use mtlint::tag::train::splitmix;
use std::time::{Duration, Instant};

const PIECES: &[&str] = &[
    "a",
    "the",
    "Also",
    "discussed",
    "Trump",
    "and",
    "that",
    "has",
    "been",
    "were",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "'",
    "\"",
    "“",
    "”",
    "’",
    "(",
    ")",
    "-",
    "–",
    "…",
    "U.S.",
    "Mr.",
    "10:18",
    "3.5",
    "1,000",
    "don't",
    "e\u{301}",
    "ß",
    "中文",
    "🙂",
    "\u{200d}",
    "\u{202e}",
    "\u{a0}",
    "\u{feff}",
    "ﬁ",
    "\0",
    "\u{fffd}",
    // Markdown
    "# ",
    "**",
    "*",
    "`",
    "```",
    "> ",
    "- ",
    "1. ",
    "[x](",
    "](y)",
    "<!-- ",
    " -->",
    "<!-- mtlint-disable -->",
    "<!-- mtlint-disable-next-line word-order -->",
    "---\n",
    "|",
    // JSONL
    "{",
    "}",
    "\"id\":",
    "\"text\":",
    "\"source\":",
    "null",
    "[1]",
    "\\",
    "\\u00e9",
    "\\n",
    // TSV
    "source\ttarget\n",
    "\t",
    "id\tsource\ttarget\n",
    // XLIFF
    "<?xml version=\"1.0\"?>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    "<xliff version=\"1.2\">",
    "<file>",
    "<body>",
    "<trans-unit id=\"1\">",
    "<source>",
    "</source>",
    "<target>",
    "</target>",
    "</trans-unit>",
    "</body>",
    "</file>",
    "</xliff>",
    "<g id=\"1\">",
    "</g>",
    "<x id=\"2\"/>",
    "&amp;",
    "&lt;",
    "&#233;",
    "<![CDATA[",
    "]]>",
    "<xliff version=\"2.0\">",
    "<unit id=\"u\">",
    "<segment>",
    "</segment>",
    "</unit>",
];

const READERS: &[(&str, InputFormat)] = &[
    ("txt", InputFormat::Text),
    ("md", InputFormat::Markdown),
    ("jsonl", InputFormat::Jsonl),
    ("tsv", InputFormat::Tsv),
    ("xlf", InputFormat::Xliff),
];

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in ["samples", "tests/data"] {
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if let Ok(b) = std::fs::read(&p)
                    && b.len() < 200_000
                {
                    out.push(b);
                }
            }
        }
    }
    out
}

fn input(rng: &mut u64, seeds: &[Vec<u8>]) -> Vec<u8> {
    let pick = |rng: &mut u64, n: usize| (splitmix(rng) % n.max(1) as u64) as usize;
    match pick(rng, 4) {
        // Random bytes.
        0 => (0..pick(rng, 300)).map(|_| splitmix(rng) as u8).collect(),
        // Awkward pieces.
        1 => (0..pick(rng, 120))
            .flat_map(|_| PIECES[pick(rng, PIECES.len())].bytes().collect::<Vec<_>>())
            .collect(),
        // A mutated seed.
        _ => {
            let mut b = seeds[pick(rng, seeds.len())].clone();
            for _ in 0..1 + pick(rng, 8) {
                let at = pick(rng, b.len() + 1);
                match pick(rng, 4) {
                    0 if at < b.len() => b[at] = splitmix(rng) as u8,
                    1 => {
                        let piece = PIECES[pick(rng, PIECES.len())].as_bytes();
                        b.splice(at..at, piece.iter().copied());
                    }
                    2 => b.truncate(at),
                    _ => {
                        let from = pick(rng, b.len() + 1);
                        let to = (from + pick(rng, 200)).min(b.len());
                        let part = b[from..to].to_vec();
                        b.splice(at..at, part);
                    }
                }
            }
            b
        }
    }
}

/// Checks the invariants of one input's reports; `Err` says which failed.
fn invariants(bytes: &[u8], format: InputFormat, reports: &[DocumentReport]) -> Result<(), String> {
    let whole_text = matches!(format, InputFormat::Text | InputFormat::Markdown);
    let as_text = std::str::from_utf8(bytes).ok();
    for r in reports {
        for f in r.findings() {
            if f.start > f.end {
                return Err(format!("start after end: {f:?}"));
            }
            if whole_text && let Some(text) = as_text {
                let Some(span) = text.get(f.start..f.end) else {
                    return Err(format!(
                        "span off the text or off a character boundary: {f:?}"
                    ));
                };
                // Markdown puts inline code back in `text`; everything else is the span.
                if format == InputFormat::Text && span != f.text {
                    return Err(format!("text is not the span {span:?}: {f:?}"));
                }
            } else if !f.sentence.contains(f.text.trim()) && format != InputFormat::Markdown {
                return Err(format!("the sentence does not hold the text: {f:?}"));
            }
            if f.line == 0 || f.column == 0 {
                return Err(format!("line or column 0: {f:?}"));
            }
        }
    }
    Ok(())
}

/// `mtlint fix` on the input: no panic, and for whole files the bytes before the first
/// edit and after the last are the input's.
fn fixes(bytes: &[u8], format: InputFormat, reports: &[DocumentReport]) -> Result<(), String> {
    let fixed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match format {
        InputFormat::Jsonl | InputFormat::Tsv => Some(fix_records(bytes, format, reports, 0.0)),
        InputFormat::Xliff => fix_xliff(bytes, reports, 0.0).ok(),
        _ => reports.first().and_then(|r| fix_file(bytes, r, 0.0).ok()),
    }))
    .map_err(|_| "fix panicked".to_string())?;
    if let (Some(f), InputFormat::Text | InputFormat::Markdown) = (fixed, format) {
        let same_start = bytes
            .iter()
            .zip(&f.bytes)
            .take_while(|(a, b)| a == b)
            .count();
        let first_edit = reports
            .first()
            .map(|r| {
                r.findings()
                    .iter()
                    .flat_map(|x| &x.edits)
                    .map(|e| e.start)
                    .min()
                    .unwrap_or(bytes.len())
            })
            .unwrap_or(bytes.len());
        if same_start < first_edit.min(bytes.len()).min(f.bytes.len()) {
            return Err(format!(
                "fix changed byte {same_start}, before its first edit at {first_edit}"
            ));
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let minutes: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let mut rng: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let linter = Linter::new(Tagger::embedded());
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let seeds = seeds();
    let dir = tempfile::tempdir().expect("temp dir");
    let deadline = Instant::now() + Duration::from_secs_f64(minutes * 60.0);
    let mut runs = [0usize; READERS.len()];
    let mut n = 0usize;
    while Instant::now() < deadline {
        let (ext, format) = READERS[n % READERS.len()];
        n += 1;
        let bytes = input(&mut rng, &seeds);
        let path = dir.path().join(format!("input.{ext}"));
        std::fs::write(&path, &bytes).expect("write the input");
        let paths = [path.display().to_string()];
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let a = one.install(|| check_paths(&paths, format, &linter));
            let b = two.install(|| check_paths(&paths, format, &linter));
            (a, b)
        }));
        let failure = match result {
            Err(_) => Some("panicked".to_string()),
            Ok((a, b)) => {
                let ja = serde_json::to_string(&a.iter().map(|r| &r.outcome).collect::<Vec<_>>());
                let jb = serde_json::to_string(&b.iter().map(|r| &r.outcome).collect::<Vec<_>>());
                // A panic inside a document's checks is caught and reported as an internal
                // error: still a bug.
                let internal = a.iter().find_map(|r| {
                    r.outcome
                        .as_ref()
                        .err()
                        .filter(|e| e.contains("internal error"))
                });
                if let Some(e) = internal {
                    Some(format!("panicked: {e}"))
                } else if ja.ok() != jb.ok() {
                    Some("reports differ between one and two threads".to_string())
                } else {
                    invariants(&bytes, format, &a)
                        .and_then(|()| fixes(&bytes, format, &a))
                        .err()
                }
            }
        };
        if let Some(why) = failure {
            let keep = format!("target/fuzz-failure.{ext}");
            let _ = std::fs::write(&keep, &bytes);
            eprintln!("{ext}: {why}\nthe input is in {keep}");
            std::process::exit(1);
        }
        runs[n.wrapping_sub(1) % READERS.len()] += 1;
    }
    let total: usize = runs.iter().sum();
    let per: Vec<String> = READERS
        .iter()
        .zip(runs)
        .map(|((ext, _), k)| format!("{ext} {k}"))
        .collect();
    println!("{total} inputs, no failure ({})", per.join(", "));
}
