//! A word bigram model of written English from counts over a very large corpus: how probable a
//! word is after the word before it. It tells a rewrite that reads as English ("in the then
//! government", "the rate rose by 2 percent") from one that does not, with the evidence of far
//! more text than the treebank the other models learn from.
//!
//! The counts are those `symspellpy` ships (MIT licence; derived from the Google Books Ngram
//! data, CC BY 3.0): the 82,765 most frequent words and the 242,342 most frequent word pairs.
//! `mtlint train-ngrams` turns the two text files into `models/word-ngrams.bin`: 12-byte
//! records (a 64-bit key, the natural log of the count as `f32`) sorted by key, read in place.
//!
//! A pair on the list gets `ln(count(a b) / count(a))`. A pair not on the list occurred fewer
//! times than the rarest one on it: it gets the unigram estimate of the word, scaled as
//! "stupid backoff" does (0.4), but never more than the list's floor allows
//! (`ln(rarest pair / count(a))`). Punctuation is no word: it starts the context afresh.

use crate::table::{SortedTable, spread};
use crate::tag::features::{mix, word_key};
use std::borrow::Cow;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"MTLNG001";
const RECORD: usize = 12;
/// Keys of the two kinds of records.
const UNIGRAM: u64 = 0x756e_6967;
const BIGRAM: u64 = 0x6269_6772;

static MODEL: &[u8] = include_bytes!("../../models/word-ngrams.bin");

/// Word and word-pair counts (see the module documentation).
#[derive(Debug, Clone)]
pub struct WordNgrams {
    table: SortedTable,
    /// ln of the total word count, of the rarest word and of the rarest pair.
    ln_total: f32,
    ln_min_word: f32,
    ln_min_pair: f32,
}

fn unigram_key(w: u64) -> u64 {
    spread(mix(UNIGRAM, w))
}

fn bigram_key(a: u64, b: u64) -> u64 {
    spread(mix(mix(BIGRAM, a), b))
}

fn f32_at(b: &[u8], p: usize) -> f32 {
    b.get(p..p + 4)
        .map_or(0.0, |s| f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Whether a token is a word the counts may know (letters, digits, an apostrophe inside).
pub fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

impl WordNgrams {
    /// The model built into the binary (`None` when it is missing or malformed), read once.
    pub fn embedded() -> Option<&'static WordNgrams> {
        static M: OnceLock<Option<WordNgrams>> = OnceLock::new();
        M.get_or_init(|| WordNgrams::from_bytes(Cow::Borrowed(MODEL)).ok())
            .as_ref()
    }

    /// Reads the file form: the magic, three `f32` (ln total, ln rarest word, ln rarest pair),
    /// then the records.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<WordNgrams, String> {
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err("not a word n-gram model".into());
        }
        let (ln_total, ln_min_word, ln_min_pair) =
            (f32_at(&bytes, 8), f32_at(&bytes, 12), f32_at(&bytes, 16));
        let records = match bytes {
            Cow::Borrowed(b) => Cow::Borrowed(&b[20..]),
            Cow::Owned(b) => Cow::Owned(b[20..].to_vec()),
        };
        Ok(WordNgrams {
            table: SortedTable::new(records, RECORD),
            ln_total,
            ln_min_word,
            ln_min_pair,
        })
    }

    /// Builds the model from the word counts and pair counts (`word count` and `word word
    /// count` lines, as symspellpy ships them).
    pub fn build(unigrams: &str, bigrams: &str) -> Result<Vec<u8>, String> {
        let mut entries: Vec<(u64, Vec<u8>)> = Vec::new();
        let (mut total, mut min_word, mut min_pair) = (0f64, f64::MAX, f64::MAX);
        let mut seen = std::collections::HashSet::new();
        for (what, text, words) in [("word counts", unigrams, 1), ("pair counts", bigrams, 2)] {
            for (n, line) in text.lines().enumerate() {
                let cols: Vec<&str> = line.split_whitespace().collect();
                let shape = if words == 1 {
                    "word count"
                } else {
                    "word word count"
                };
                if cols.len() != words + 1 {
                    return Err(format!("{what}, line {}: expected '{shape}'", n + 1));
                }
                let c: f64 = cols[words].parse().map_err(|_| {
                    format!("{what}, line {}: '{}' is not a count", n + 1, cols[words])
                })?;
                let k = if words == 1 {
                    unigram_key(word_key(cols[0]))
                } else {
                    bigram_key(word_key(cols[0]), word_key(cols[1]))
                };
                if c > 0.0 && seen.insert(k) {
                    if words == 1 {
                        total += c;
                        min_word = min_word.min(c);
                    } else {
                        min_pair = min_pair.min(c);
                    }
                    entries.push((k, (c.ln() as f32).to_le_bytes().to_vec()));
                }
            }
        }
        if total == 0.0 || min_pair == f64::MAX {
            return Err("no word or no pair counts".into());
        }
        let mut out = MAGIC.to_vec();
        for v in [total.ln(), min_word.ln(), min_pair.ln()] {
            out.extend((v as f32).to_le_bytes());
        }
        out.extend_from_slice(SortedTable::build(entries, RECORD).bytes());
        Ok(out)
    }

    fn ln_count(&self, key: u64) -> Option<f32> {
        self.table.get(key).map(|v| f32_at(v, 0))
    }

    /// ln P(word | previous word), or ln P(word) at the start of a context (`prev` None).
    /// Words are looked up in lower case.
    pub fn log_prob(&self, prev: Option<&str>, word: &str) -> f32 {
        let w = word_key(word);
        // A word not on the list is rarer than the rarest on it.
        let ln_w = self
            .ln_count(unigram_key(w))
            .unwrap_or(self.ln_min_word - std::f32::consts::LN_2);
        let unigram = ln_w - self.ln_total;
        let Some(prev) = prev else {
            return unigram;
        };
        let p = word_key(prev);
        let ln_p = self.ln_count(unigram_key(p));
        match (self.ln_count(bigram_key(p, w)), ln_p) {
            (Some(ln_pair), Some(ln_p)) => (ln_pair - ln_p).min(0.0),
            (_, Some(ln_p)) => (0.4f32.ln() + unigram).min(self.ln_min_pair - ln_p),
            _ => 0.4f32.ln() + unigram,
        }
    }

    /// ln P of a sentence's words, each given the one before (punctuation and symbols start
    /// the context afresh), and how many words it scored.
    pub fn score<S: AsRef<str>>(&self, words: &[S]) -> (f32, usize) {
        let mut total = 0.0;
        let mut n = 0;
        let mut prev: Option<&str> = None;
        for w in words {
            let w = w.as_ref();
            if !is_word(w) {
                prev = None;
                continue;
            }
            total += self.log_prob(prev, w);
            n += 1;
            prev = Some(w);
        }
        (total, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_orders_are_the_more_probable() {
        let m = WordNgrams::embedded().expect("the embedded word n-gram model loads");
        let better = |a: &str, b: &str| {
            let s = |t: &str| m.score(&t.split(' ').collect::<Vec<_>>()).0;
            s(a) > s(b)
        };
        assert!(better(
            "prices rose by two percent",
            "prices by two percent rose"
        ));
        assert!(better("in the city centre", "the in city centre"));
        assert!(better(
            "the police found the stolen car",
            "the police the found stolen car"
        ));
        // Punctuation starts the context afresh; unknown words are rare, not impossible.
        assert!(m.log_prob(None, "qwxzzy").is_finite());
        assert!(m.log_prob(Some("the"), "of") < m.log_prob(Some("of"), "the"));
    }

    #[test]
    fn the_file_form_reads_back() {
        let bytes =
            WordNgrams::build("the 100\ncat 10\nsat 5\n", "the cat 8\ncat sat 4\n").unwrap();
        let m = WordNgrams::from_bytes(Cow::Owned(bytes)).unwrap();
        assert!((m.log_prob(Some("the"), "cat") - (8f32 / 100.0).ln()).abs() < 1e-4);
        // A pair not on the list is rarer than the rarest on it (4 in 5 after "sat").
        assert!(m.log_prob(Some("sat"), "the") <= (4f32 / 5.0).ln() + 1e-4);
        assert!(WordNgrams::build("the x\n", "").is_err());
        assert!(WordNgrams::from_bytes(Cow::Owned(b"nonsense".to_vec())).is_err());
    }
}
