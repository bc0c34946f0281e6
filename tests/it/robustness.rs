//! No input makes mtlint panic, and every finding's offsets point at its text in the input as
//! given: random texts from an alphabet of awkward characters (multi-byte spaces, combining
//! marks, quotes, CR, emoji, other scripts), deterministic for a seed.

use mtlint::detect::Linter;
use mtlint::tag::Tagger;
use mtlint::tag::train::splitmix;

const PIECES: &[&str] = &[
    "a",
    "b",
    "X",
    "Also",
    "the",
    "discussed",
    "Trump",
    "and",
    "that",
    " ",
    " ",
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
    "!",
    "?",
    "'",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "-",
    "–",
    "…",
    "U.S.",
    "a.m.",
    "Mr.",
    "10:18",
    "3.5",
    "1,000",
    "don't",
    "Haftar's",
    "e\u{301}",
    "é",
    "ß",
    "Ω",
    "中文",
    "🙂",
    "\u{200d}",
    "\u{202e}",
    "\u{a0}",
    "\u{2009}",
    "ﬁ",
    "Å",
    "I",
    "were",
    "has",
    "been",
    "of",
    "to",
    "in",
    "april",
    "Us",
];

#[test]
fn random_texts_never_panic_and_offsets_hold() {
    let linter = Linter::new(Tagger::embedded());
    let mut rng = 7u64;
    for _ in 0..3000 {
        let len = (splitmix(&mut rng) % 60) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(splitmix(&mut rng) % PIECES.len() as u64) as usize])
            .collect();
        for f in linter.check_text(text.clone(), 0) {
            assert!(f.start <= f.end && f.end <= text.len(), "{f:?} in {text:?}");
            assert_eq!(&text[f.start..f.end], f.text, "in {text:?}");
            assert!(f.line >= 1 && f.column >= 1);
        }
    }
}
