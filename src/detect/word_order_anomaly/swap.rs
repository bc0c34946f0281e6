//! A discriminative model of swapped neighbours: for each adjacent pair of words, how likely it
//! is that the two were written in the wrong order.
//!
//! It is learnt from synthetic errors. Every sentence of the English Web Treebank and of more
//! clean text (the MLQE-PE post-edits, `train-swap --text`) gives negatives (its pairs as
//! written) and positives (copies with two neighbours swapped, re-tagged with the embedded
//! tagger since at run time the tags come from it). A logistic model over
//! hashed features of the pair and its window (frequent words, tags, word/tag n-grams of the
//! order as it stands and as it would be after the swap, and the class language model's local
//! scores before and after, see [`crate::lm`]) separates the two. Weights are averaged over all
//! updates, so the result does not hinge on the last examples seen.
//!
//! The model file holds the hashes of the frequent words, the training text's bigram counts (sorted
//! 10-byte records) and a flat table of `2^bits` little-endian `i16` weights (with one `f32` scale) indexed by feature
//! hash. The embedded model is read in place, so loading costs only the frequent-word set.

use crate::lm::{ClassLm, PositionLogProbs};
use crate::table::SortedTable;
use crate::tag::Tag;
use crate::tag::Tagger;
use crate::tag::features::{mix, word_key};
use crate::tag::model::prefetch;
use crate::tag::train::{TaggedSentence, splitmix};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

const MAGIC: &[u8; 8] = b"MTLSW003";

/// Sentence edge marker in feature values.
const EDGE: u64 = 0x005e_ed0f_ed6e;

/// Whether a token is a word that can take part in a swap (not punctuation or a symbol).
pub fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// The values features are built from, for one token.
#[derive(Debug, Clone, Copy)]
struct Keys {
    /// The lower-case word when frequent, else the tag.
    unit: u64,
    tag: u64,
    /// The lower-case word, always.
    word: u64,
}

const EDGE_KEYS: Keys = Keys {
    unit: EDGE,
    tag: EDGE,
    word: EDGE,
};

fn tag_key(t: Tag) -> u64 {
    t.as_str().bytes().fold(0x7a9_1e5, |h, b| mix(h, b as u64))
}

/// Counts of word bigrams and word/tag bigrams in the treebank, so features can ask whether an
/// order (or its reverse) is attested: 10-byte records of (hash, count), read in place. A
/// count is kept to 65,535 (the largest in the training text is about 24,000; the features
/// cut counts into buckets far below).
#[derive(Debug, Clone)]
pub struct Ngrams {
    table: SortedTable,
}

const RECORD: usize = 10;

impl Default for Ngrams {
    fn default() -> Ngrams {
        Ngrams::new(Cow::Borrowed(&[]))
    }
}

/// Kinds of counted bigrams.
const WW: u64 = 1;
const WT: u64 = 2;
const TW: u64 = 3;

fn ngram_key(kind: u64, x: u64, y: u64) -> u64 {
    mix(mix(kind, x), y)
}

fn u64_at(b: &[u8], p: usize) -> u64 {
    b.get(p..p + 8).map_or(0, |s| {
        u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
    })
}

fn u32_at(b: &[u8], p: usize) -> u32 {
    b.get(p..p + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl Ngrams {
    fn len(&self) -> usize {
        self.table.len()
    }

    fn new(data: Cow<'static, [u8]>) -> Ngrams {
        Ngrams {
            table: SortedTable::new(data, RECORD),
        }
    }

    fn count_key(&self, k: u64) -> u32 {
        self.table
            .get(k)
            .map_or(0, |v| u32::from(u16::from_le_bytes([v[0], v[1]])))
    }

    /// The counts of many bigram keys (as [`ngram_key`] makes them), written to `out`, their
    /// reads overlapping (see [`crate::table::pipelined`]).
    fn counts_of(&self, keys: &[u64], out: &mut Vec<u32>) {
        out.clear();
        crate::table::pipelined(
            keys.len(),
            |i| self.table.prefetch_index(keys[i]),
            |i| self.table.prefetch_records(keys[i]),
            |i| out.push(self.count_key(keys[i])),
        );
    }

    /// Counts the bigrams of tagged sentences.
    pub(crate) fn build<'a>(sentences: impl Iterator<Item = (&'a [&'a str], &'a [Tag])>) -> Ngrams {
        let mut m: HashMap<u64, u32> = HashMap::new();
        for (words, tags) in sentences {
            for j in 0..words.len().saturating_sub(1) {
                let (a, b) = (word_key(words[j]), word_key(words[j + 1]));
                let (ta, tb) = (tag_key(tags[j]), tag_key(tags[j + 1]));
                *m.entry(ngram_key(WW, a, b)).or_default() += 1;
                *m.entry(ngram_key(WT, a, tb)).or_default() += 1;
                *m.entry(ngram_key(TW, ta, b)).or_default() += 1;
            }
        }
        let records = m
            .into_iter()
            .map(|(k, c)| {
                (
                    k,
                    (c.min(u32::from(u16::MAX)) as u16).to_le_bytes().to_vec(),
                )
            })
            .collect();
        Ngrams {
            table: SortedTable::build(records, RECORD),
        }
    }
}

/// log2(1 + n) capped, as a feature value.
fn count_bucket(n: u32) -> u64 {
    (32 - n.leading_zeros()).min(6) as u64
}

/// The bigram counts (times `scale`) the features of a sentence's pairs look up, each looked up
/// once: neighbouring pairs share most of them (the pair before's bigram is this pair's left
/// context). Slots per padded position `i`: the bigram `i, i + 1` as word-word, word-tag and
/// tag-word; the same reversed (`i + 1` first); and the one that skips a token (`i, i + 2`).
pub(crate) struct BigramMemo<'a> {
    ng: &'a Ngrams,
    scale: u32,
    counts: Vec<[u32; 9]>,
}

const UNKNOWN: u32 = u32::MAX;
const ADJ: usize = 0;
const REV: usize = 3;
const SKIP: usize = 6;

impl<'a> BigramMemo<'a> {
    pub(crate) fn new(ng: &'a Ngrams, scale: u32, padded_len: usize) -> Self {
        BigramMemo {
            ng,
            scale,
            counts: vec![[UNKNOWN; 9]; padded_len],
        }
    }

    /// The bigram key of slot `slot` (`ADJ`, `REV` or `SKIP`, plus 0 word-word, 1 word-tag,
    /// 2 tag-word) at padded position `i` of keys `k`.
    fn key(k: &[Keys], slot: usize, i: usize) -> u64 {
        let (x, y) = match slot / 3 {
            0 => (k[i], k[i + 1]),
            1 => (k[i + 1], k[i]),
            _ => (k[i], k[i + 2]),
        };
        match slot % 3 {
            0 => ngram_key(WW, x.word, y.word),
            1 => ngram_key(WT, x.word, y.tag),
            _ => ngram_key(TW, x.tag, y.word),
        }
    }

    /// Looks up every slot of every position of keys `k` at once, for a sentence whose pairs
    /// will all be scored (they need nearly every slot): one batch, so the reads overlap.
    fn fill(&mut self, k: &[Keys]) {
        let mut keys = Vec::with_capacity(9 * k.len());
        let mut cells = Vec::with_capacity(9 * k.len());
        for i in 0..k.len() {
            for slot in 0..9 {
                let reach = if slot >= SKIP { 2 } else { 1 };
                if i + reach < k.len() {
                    keys.push(Self::key(k, slot, i));
                    cells.push((i, slot));
                }
            }
        }
        let mut found = Vec::with_capacity(keys.len());
        self.ng.counts_of(&keys, &mut found);
        for ((i, slot), n) in cells.into_iter().zip(found) {
            self.counts[i][slot] = n.saturating_mul(self.scale).min(UNKNOWN - 1);
        }
    }

    /// Slot `slot` at padded position `i` of keys `k` (see [`Self::key`]).
    fn get(&mut self, k: &[Keys], slot: usize, i: usize) -> u32 {
        let cell = &mut self.counts[i][slot];
        if *cell == UNKNOWN {
            let n = self.ng.count_key(Self::key(k, slot, i));
            *cell = n.saturating_mul(self.scale).min(UNKNOWN - 1);
        }
        *cell
    }
}

/// A sentence's class sequence, its per-position log-probabilities and its bigram counts, as
/// looked up while scoring its pairs.
pub(crate) struct SentenceLookups<'a> {
    /// The class sequence, edges included.
    pub seq: Vec<u16>,
    pub log_probs: PositionLogProbs,
    keys: Vec<Keys>,
    counts: BigramMemo<'a>,
}

impl SentenceLookups<'_> {
    /// Counts (times the scale) of tokens `j`, `j + 1` as word-word, word-tag and tag-word
    /// bigrams, and of the reversed word-word bigram.
    pub(crate) fn pair_counts(&mut self, j: usize) -> [u32; 4] {
        let (k, i) = (&self.keys, j + 2);
        [
            self.counts.get(k, ADJ, i),
            self.counts.get(k, ADJ + 1, i),
            self.counts.get(k, ADJ + 2, i),
            self.counts.get(k, REV, i),
        ]
    }

    /// Counts (times the scale) of tokens `j`, `j + 1` as word-word, word-tag and tag-word
    /// bigrams, and of the same three with the two tokens reversed.
    pub(crate) fn both_orders(&mut self, j: usize) -> [u32; 6] {
        let (k, i) = (&self.keys, j + 2);
        [
            self.counts.get(k, ADJ, i),
            self.counts.get(k, ADJ + 1, i),
            self.counts.get(k, ADJ + 2, i),
            self.counts.get(k, REV, i),
            self.counts.get(k, REV + 1, i),
            self.counts.get(k, REV + 2, i),
        ]
    }

    /// Per-position surprise, as [`ClassLm::surprise`] computes it.
    pub(crate) fn surprise(&self) -> Vec<f32> {
        let (f, b) = (&self.log_probs.forward, &self.log_probs.backward);
        (2..self.seq.len().saturating_sub(2))
            .map(|i| -(f[i] + b[i]) / 2.0)
            .collect()
    }
}

/// The trained model.
#[derive(Debug, Clone)]
pub struct SwapModel {
    bits: u32,
    frequent: HashSet<u64>,
    ngrams: Ngrams,
    /// `2^bits` little-endian `i16`, times `scale`.
    weights: Cow<'static, [u8]>,
    scale: f32,
}

/// Weights quantised to `i16` with one scale (half the size of `f32`; the error per weight is
/// below 1/65,000 of the largest): little-endian bytes and the scale.
fn quantise(w: &[f32]) -> (Vec<u8>, f32) {
    let max = w.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let bytes = w
        .iter()
        .flat_map(|&x| ((x / scale).round().clamp(-32767.0, 32767.0) as i16).to_le_bytes())
        .collect();
    (bytes, scale)
}

/// Buckets a log-probability difference or level into a small integer.
fn bucket(x: f32, lo: f32, hi: f32, step: f32) -> u64 {
    let v = (x.clamp(lo, hi) - lo) / step;
    v.round() as u64
}

impl SwapModel {
    fn keys(&self, words: &[&str], tags: &[Tag]) -> Vec<Keys> {
        let mut out = Vec::with_capacity(words.len() + 4);
        out.extend([EDGE_KEYS, EDGE_KEYS]);
        for (w, t) in words.iter().zip(tags) {
            let word = word_key(w);
            let tag = tag_key(*t);
            let unit = if self.frequent.contains(&word) {
                word
            } else {
                tag
            };
            out.push(Keys { unit, tag, word });
        }
        out.extend([EDGE_KEYS, EDGE_KEYS]);
        out
    }

    /// Feature indexes of the pair at token `j`, `j + 1` (`k` = padded keys of the sentence),
    /// given the class model's local log-probabilities before and after the swap.
    #[allow(clippy::too_many_arguments)]
    fn features(
        &self,
        memo: &mut BigramMemo,
        k: &[Keys],
        j: usize,
        before: f32,
        after: f32,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let i = j + 2;
        let (p2, p, a, b, n, n2) = (k[i - 2], k[i - 1], k[i], k[i + 1], k[i + 2], k[i + 3]);
        let mask = (1u64 << self.bits) - 1;
        let mut push = |template: u64, vals: &[u64]| {
            let h = vals.iter().fold(mix(0x9e37, template), |h, &v| mix(h, v));
            out.push(((h ^ (h >> 29)) & mask) as u32);
        };
        push(0, &[]);
        // The pair as it stands.
        push(1, &[a.unit, b.unit]);
        push(2, &[a.tag, b.tag]);
        push(3, &[a.unit, b.tag]);
        push(4, &[a.tag, b.unit]);
        push(5, &[a.word, b.word]);
        push(6, &[a.word, b.tag]);
        push(7, &[a.tag, b.word]);
        // The pair with its neighbours.
        push(10, &[p.unit, a.unit, b.unit]);
        push(11, &[a.unit, b.unit, n.unit]);
        push(12, &[p.tag, a.tag, b.tag]);
        push(13, &[a.tag, b.tag, n.tag]);
        push(14, &[p.tag, a.tag, b.tag, n.tag]);
        push(15, &[p2.tag, p.tag, a.tag, b.tag]);
        push(16, &[a.tag, b.tag, n.tag, n2.tag]);
        push(17, &[p.unit, a.unit]);
        push(18, &[b.unit, n.unit]);
        push(19, &[p.tag, a.tag]);
        push(20, &[b.tag, n.tag]);
        // The order the swap would make.
        push(30, &[p.unit, b.unit]);
        push(31, &[a.unit, n.unit]);
        push(32, &[p.unit, b.unit, a.unit]);
        push(33, &[b.unit, a.unit, n.unit]);
        push(34, &[p.tag, b.tag]);
        push(35, &[a.tag, n.tag]);
        push(36, &[p.word, b.word]);
        push(37, &[a.word, n.word]);
        // The class language model.
        let gain = after - before;
        let g = bucket(gain, -12.0, 16.0, 1.0);
        let bf = bucket(before, -36.0, -4.0, 2.0);
        let af = bucket(after, -36.0, -4.0, 2.0);
        push(40, &[g]);
        push(41, &[bf]);
        push(42, &[af]);
        push(43, &[g, bf]);
        push(44, &[g, a.tag, b.tag]);
        // Whether the order as it stands, and as the swap would make it, is attested.
        let mut c = |slot, at| count_bucket(memo.get(k, slot, at));
        let ww = [c(ADJ, i), c(REV, i)];
        let wt = [c(ADJ + 1, i), c(REV + 1, i)];
        let tw = [c(ADJ + 2, i), c(REV + 2, i)];
        push(50, &ww);
        push(51, &wt);
        push(52, &tw);
        push(53, &[wt[0], wt[1], tw[0], tw[1]]);
        push(54, &[ww[0], ww[1], a.tag, b.tag]);
        let left = [c(ADJ, i - 1), c(SKIP, i - 1)];
        let right = [c(ADJ, i + 1), c(SKIP, i)];
        push(55, &left);
        push(56, &right);
        push(
            57,
            &[
                ww[0].min(1),
                ww[1].min(1),
                left[0].min(1),
                left[1].min(1),
                right[0].min(1),
                right[1].min(1),
            ],
        );
        let lt = [c(ADJ + 1, i - 1), c(SKIP + 1, i - 1)];
        let rt = [c(ADJ + 2, i + 1), c(SKIP + 2, i)];
        push(58, &lt);
        push(59, &rt);
    }

    fn dot(&self, feats: &[u32]) -> f32 {
        let sum: i32 = feats
            .iter()
            .map(|&f| {
                let p = f as usize * 2;
                self.weights
                    .get(p..p + 2)
                    .map_or(0, |s| i16::from_le_bytes([s[0], s[1]]) as i32)
            })
            .sum();
        sum as f32 * self.scale
    }

    /// The treebank's bigram counts.
    pub(crate) fn ngrams(&self) -> &Ngrams {
        &self.ngrams
    }

    /// Scores every adjacent pair of a sentence: `out[j]` is the score of swapping tokens `j`
    /// and `j + 1` (higher = more likely a swap error), `None` for pairs that are not two
    /// different words. Linear in the sentence length.
    pub fn score_pairs(
        &self,
        lm: &ClassLm,
        words: &[&str],
        tags: &[Tag],
        out: &mut Vec<Option<f32>>,
    ) {
        self.score_pairs_with(lm, &self.ngrams, 1, words, tags, out);
    }

    /// [`Self::score_pairs`] with other bigram counts (multiplied by `scale`): training on a
    /// treebank sentence scores it with the counts of the other half, as if it were unseen.
    /// Returns what was looked up on the way, for the scramble measurements to reuse.
    pub(crate) fn score_pairs_with<'n>(
        &self,
        lm: &ClassLm,
        ngrams: &'n Ngrams,
        scale: u32,
        words: &[&str],
        tags: &[Tag],
        out: &mut Vec<Option<f32>>,
    ) -> SentenceLookups<'n> {
        out.clear();
        let keys = self.keys(words, tags);
        let mut seq = lm.sequence(words, tags);
        let log_probs = lm.position_log_probs(&seq);
        let mut counts = BigramMemo::new(ngrams, scale, keys.len());
        if words.len() >= 2 && tags.len() == words.len() {
            counts.fill(&keys);
            let positions: Vec<usize> = (0..words.len() - 1)
                .filter(|&j| eligible(words, j))
                .map(|j| j + 2)
                .collect();
            let mut local = Vec::with_capacity(positions.len());
            lm.swap_scores_batch(&mut seq, &positions, &log_probs, &mut local);
            let mut local = local.into_iter();
            // Every pair's features first, each weight's read started as it is found, then
            // the sums: the reads of the weight table overlap instead of waiting in turn.
            let mut feats = Vec::with_capacity(48);
            let mut all = Vec::with_capacity(48 * positions.len());
            let mut ends = Vec::with_capacity(positions.len());
            for &i in &positions {
                let (before, after) = local.next().unwrap_or_default();
                self.features(&mut counts, &keys, i - 2, before, after, &mut feats);
                for &f in &feats {
                    if let Some(w) = self.weights.get(f as usize * 2) {
                        prefetch(w);
                    }
                }
                all.extend_from_slice(&feats);
                ends.push(all.len());
            }
            let mut pairs = positions.iter().zip(ends).peekable();
            let mut start = 0;
            for j in 0..words.len() - 1 {
                match pairs.next_if(|(i, _)| **i == j + 2) {
                    Some((_, end)) => {
                        out.push(Some(self.dot(&all[start..end])));
                        start = end;
                    }
                    None => out.push(None),
                }
            }
        }
        SentenceLookups {
            seq,
            log_probs,
            keys,
            counts,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(
            20 + 8 * self.frequent.len() + self.ngrams.table.bytes().len() + self.weights.len(),
        );
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.bits.to_le_bytes());
        let mut freq: Vec<u64> = self.frequent.iter().copied().collect();
        freq.sort_unstable();
        b.extend_from_slice(&(freq.len() as u32).to_le_bytes());
        for k in freq {
            b.extend_from_slice(&k.to_le_bytes());
        }
        b.extend_from_slice(&(self.ngrams.len() as u32).to_le_bytes());
        b.extend_from_slice(self.ngrams.table.bytes());
        b.extend_from_slice(&self.scale.to_le_bytes());
        b.extend_from_slice(&self.weights);
        b
    }

    /// Parses a model file, copying its tables.
    pub fn from_bytes(bytes: &[u8]) -> Result<SwapModel, String> {
        let (bits, frequent, ngrams, scale, weights) = Self::parse(bytes)?;
        Ok(SwapModel {
            bits,
            frequent,
            ngrams: Ngrams::new(Cow::Owned(ngrams.to_vec())),
            weights: Cow::Owned(weights.to_vec()),
            scale,
        })
    }

    /// Parses an embedded model, reading its tables in place.
    pub fn from_static(bytes: &'static [u8]) -> Result<SwapModel, String> {
        let (bits, frequent, ngrams, scale, weights) = Self::parse(bytes)?;
        Ok(SwapModel {
            bits,
            frequent,
            ngrams: Ngrams::new(Cow::Borrowed(ngrams)),
            weights: Cow::Borrowed(weights),
            scale,
        })
    }

    /// The table size, frequent words, count records, weight scale and weight table of a
    /// model file.
    #[allow(clippy::type_complexity)]
    fn parse(bytes: &[u8]) -> Result<(u32, HashSet<u64>, &[u8], f32, &[u8]), String> {
        let err = || "swap model: truncated".to_string();
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err("swap model: bad header".into());
        }
        let bits = u32_at(bytes, 8);
        if !(8..=26).contains(&bits) {
            return Err(format!("swap model: bad table size 2^{bits}"));
        }
        let n_freq = u32_at(bytes, 12) as usize;
        let mut pos = 16;
        let freq_bytes = bytes.get(pos..pos + 8 * n_freq).ok_or_else(err)?;
        let frequent = (0..n_freq).map(|i| u64_at(freq_bytes, 8 * i)).collect();
        pos += 8 * n_freq;
        let n_ng = u32_at(bytes.get(pos..pos + 4).ok_or_else(err)?, 0) as usize;
        pos += 4;
        let ngrams = bytes.get(pos..pos + RECORD * n_ng).ok_or_else(err)?;
        if !SortedTable::is_sorted(ngrams, RECORD) {
            return Err("swap model: unsorted counts".into());
        }
        pos += RECORD * n_ng;
        let scale = f32::from_le_bytes(
            bytes
                .get(pos..pos + 4)
                .ok_or_else(err)?
                .try_into()
                .map_err(|_| err())?,
        );
        pos += 4;
        if !(scale.is_finite() && scale > 0.0) {
            return Err("swap model: bad weight scale".into());
        }
        let size = 2usize << bits;
        let weights = bytes.get(pos..pos + size).ok_or_else(err)?;
        if bytes.len() != pos + size {
            return Err("swap model: trailing bytes".into());
        }
        Ok((bits, frequent, ngrams, scale, weights))
    }
}

/// Whether tokens `j` and `j + 1` are two different words, so swapping them changes the text.
fn eligible(words: &[&str], j: usize) -> bool {
    is_word(words[j]) && is_word(words[j + 1]) && !words[j].eq_ignore_ascii_case(words[j + 1])
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct SwapTrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Swapped copies made of each sentence.
    pub swaps_per_sentence: usize,
    /// Words at least this frequent are features by themselves (others by their tag).
    pub min_count: u32,
    /// The weight table has 2^bits entries.
    pub bits: u32,
    /// Features seen in fewer training examples than this get no weight.
    pub min_feature_count: u32,
    /// Function-word threshold of the class language models trained for the features.
    pub lm_min_count: u32,
}

impl Default for SwapTrainConfig {
    fn default() -> Self {
        SwapTrainConfig {
            epochs: 3,
            seed: 1,
            swaps_per_sentence: 3,
            min_count: 20,
            bits: 20,
            lm_min_count: 30,
            min_feature_count: 8,
        }
    }
}

/// Trains on treebank sentences (their words only: tags come from `tagger`, as at run time).
///
/// The class language model features of a sentence come from a model trained on the other half
/// of the treebank, so that training sees them as they are on unseen text.
pub fn train(sentences: &[TaggedSentence], tagger: &Tagger, cfg: &SwapTrainConfig) -> SwapModel {
    let mut model = SwapModel {
        bits: cfg.bits,
        frequent: frequent_words(sentences, cfg.min_count),
        ngrams: Ngrams::default(),
        weights: Cow::Owned(Vec::new()),
        scale: 1.0,
    };
    // Tags as the tagger gives them, which is what the counts see at run time.
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let tags: Vec<Vec<Tag>> = words.iter().map(|w| tagger.tag(w)).collect();
    let tagged = |h: Option<usize>| {
        words
            .iter()
            .zip(&tags)
            .enumerate()
            .filter(move |(i, _)| h.is_none_or(|h| i % 2 != h))
            .map(|(_, (w, t))| (w.as_slice(), t.as_slice()))
    };
    model.ngrams = Ngrams::build(tagged(None));
    // Counts of a sentence's features come from the other half, doubled to the full scale.
    let half_ngrams: Vec<Ngrams> = (0..2).map(|h| Ngrams::build(tagged(Some(h)))).collect();
    let half_lms: Vec<ClassLm> = (0..2)
        .map(|h| {
            let other: Vec<TaggedSentence> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 2 != h)
                .map(|(_, s)| s.clone())
                .collect();
            ClassLm::train(&other, cfg.lm_min_count)
        })
        .collect();
    let mut rng = cfg.seed;
    let halves = Halves {
        ngrams: &half_ngrams,
        lms: &half_lms,
    };
    let mut examples = swap_examples(&model, sentences, tagger, &halves, cfg, &mut rng);
    eprintln!(
        "{} examples, {} swapped",
        examples.len(),
        examples.iter().filter(|e| e.1).count()
    );
    let size = 1usize << cfg.bits;
    drop_rare_features(&mut examples, size, cfg.min_feature_count);
    let averaged = fit_logistic(&examples, size, cfg.epochs, &mut rng);
    let (weights, scale) = quantise(&averaged);
    model.weights = Cow::Owned(weights);
    model.scale = scale;
    model
}

/// The keys of the words seen at least `min_count` times: the words the model knows by name.
fn frequent_words(sentences: &[TaggedSentence], min_count: u32) -> HashSet<u64> {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for s in sentences {
        for w in &s.words {
            *counts.entry(word_key(w)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= min_count)
        .map(|(k, _)| k)
        .collect()
}

/// The counts and language models of each half of the training set: a sentence's features
/// come from the half it is not in.
struct Halves<'a> {
    ngrams: &'a [Ngrams],
    lms: &'a [ClassLm],
}

/// The training examples, as feature indexes and label (true = swapped): each sentence's pairs
/// as they are, and `swaps_per_sentence` copies with a random pair of neighbours swapped.
fn swap_examples(
    model: &SwapModel,
    sentences: &[TaggedSentence],
    tagger: &Tagger,
    halves: &Halves,
    cfg: &SwapTrainConfig,
    rng: &mut u64,
) -> Vec<(Vec<u32>, bool)> {
    let mut examples: Vec<(Vec<u32>, bool)> = Vec::new();
    let mut add_sentence = |words: &[&str], half: usize, labels: &dyn Fn(usize) -> Option<bool>| {
        let lm = &halves.lms[half];
        let tags = tagger.tag(words);
        let keys = model.keys(words, &tags);
        let mut seq = lm.sequence(words, &tags);
        let mut counts = BigramMemo::new(&halves.ngrams[half], 2, keys.len());
        for j in 0..words.len().saturating_sub(1) {
            if !eligible(words, j) {
                continue;
            }
            if let Some(label) = labels(j) {
                let (before, after) = lm.swap_scores(&mut seq, j + 2);
                let mut f = Vec::with_capacity(48);
                model.features(&mut counts, &keys, j, before, after, &mut f);
                examples.push((f, label));
            }
        }
    };
    for (si, s) in sentences.iter().enumerate() {
        let half = si % 2;
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        add_sentence(&words, half, &|_| Some(false));
        let cands: Vec<usize> = (0..words.len().saturating_sub(1))
            .filter(|&j| eligible(&words, j))
            .collect();
        if cands.is_empty() {
            continue;
        }
        for _ in 0..cfg.swaps_per_sentence {
            let j = cands[(splitmix(rng) % cands.len() as u64) as usize];
            let mut swapped = words.clone();
            swapped.swap(j, j + 1);
            // The swapped pair is the error; its overlapping neighbours are not the repair.
            add_sentence(&swapped, half, &|k| {
                if k == j {
                    Some(true)
                } else if k + 1 == j || k == j + 1 {
                    Some(false)
                } else {
                    None
                }
            });
        }
    }
    examples
}

/// Features seen in few examples would only memorize the training sentences: drops those seen
/// in fewer than `min_count`.
fn drop_rare_features(examples: &mut [(Vec<u32>, bool)], size: usize, min_count: u32) {
    let mut seen = vec![0u32; size];
    for (f, _) in examples.iter() {
        for &k in f {
            seen[k as usize] += 1;
        }
    }
    for (f, _) in examples.iter_mut() {
        f.retain(|&k| seen[k as usize] >= min_count);
    }
}

/// Logistic regression by SGD over `size` weights, averaged over all steps.
fn fit_logistic(
    examples: &[(Vec<u32>, bool)],
    size: usize,
    epochs: usize,
    rng: &mut u64,
) -> Vec<f32> {
    let mut w = vec![0.0f32; size];
    // Sum of step-weighted updates, for the average (w_avg = w - acc / steps).
    let mut acc = vec![0.0f64; size];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut step: f64 = 1.0;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (splitmix(rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let lr = 0.1 / (1.0 + epoch as f32);
        let mut loss = 0.0f64;
        for &ei in &order {
            let (f, label) = &examples[ei];
            let z: f32 = f.iter().map(|&k| w[k as usize]).sum();
            let y = if *label { 1.0 } else { 0.0 };
            let p = 1.0 / (1.0 + (-z).exp());
            loss -= if *label {
                (p as f64).max(1e-9).ln()
            } else {
                (1.0 - p as f64).max(1e-9).ln()
            };
            let g = lr * (y - p);
            if g.abs() > 1e-7 {
                for &k in f {
                    w[k as usize] += g;
                    acc[k as usize] += step * g as f64;
                }
            }
            step += 1.0;
        }
        eprintln!(
            "epoch {}: mean log loss {:.4}",
            epoch + 1,
            loss / examples.len() as f64
        );
    }
    w.iter()
        .zip(&acc)
        .map(|(&wi, &ai)| (wi as f64 - ai / step) as f32)
        .collect()
}

/// `mtlint train-swap`: trains the swap model on `sentences` (a treebank's, and clean text the
/// pipeline tagged) and writes it.
pub fn train_command(
    sentences: &[TaggedSentence],
    output: &str,
    cfg: &SwapTrainConfig,
) -> Result<(), String> {
    let model = train(sentences, Tagger::embedded(), cfg);
    crate::output::write_file(output, model.to_bytes()).map_err(|e| format!("{output}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::word_order_anomaly::{model, swap_model};

    #[test]
    fn embedded_model_round_trips() {
        let bytes = swap_model().to_bytes();
        let copy = SwapModel::from_bytes(&bytes).expect("valid");
        assert_eq!(copy.to_bytes(), bytes);
        assert!(SwapModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn swapped_pair_scores_highest() {
        let words = [
            "It", "the", "was", "last", "game", "of", "the", "season", ".",
        ];
        let tags = Tagger::embedded().tag(&words);
        let mut scores = Vec::new();
        swap_model().score_pairs(model(), &words, &tags, &mut scores);
        assert_eq!(scores.len(), words.len() - 1);
        assert_eq!(
            scores[7], None,
            "a word and a full stop are not a pair of words"
        );
        let best = (0..scores.len()).max_by(|&a, &b| {
            let s = |i: usize| scores[i].unwrap_or(f32::MIN);
            s(a).total_cmp(&s(b))
        });
        assert_eq!(best, Some(1));
    }
}
