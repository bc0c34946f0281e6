//! A class n-gram language model of English word order, trained on UD English EWT.
//!
//! Each token becomes a class: frequent function words are their own class ("the", "of", "is",
//! "n't"), every other word is its part-of-speech tag. Trigram counts in both directions give,
//! with Witten–Bell interpolation, how likely each class is after (and before) its neighbours.
//! Detectors use it to find orders English does not produce and the swap that repairs them.
//!
//! The model file holds, per direction, the probability of every trigram and bigram the
//! treebank had, computed when the model is built, in sorted tables read in place
//! ([`crate::table`]): loading costs one pass over their keys, and a trigram the treebank had
//! costs one lookup. Lookups for a whole sentence are batched so their memory reads overlap.

use crate::table::{SortedTable, spread};
use crate::tag::Tag;
use crate::tag::train::TaggedSentence;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-and-rotate hasher for the small integer keys of the count tables (the default
/// SipHash is many times slower, and these maps are read for every word of every sentence).
/// `finish` rotates the product: a multiplication carries bits only upwards, so its low bits
/// (which pick the bucket) depend on the key's low bits alone, and packed n-gram keys that
/// differ only in their high parts would all probe the same buckets.
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type IntMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

const MAGIC: &[u8; 8] = b"MTLLM002";
/// Sentence boundary class.
const EDGE: u16 = 0;

/// Tags whose frequent words become classes of their own.
fn is_function_tag(t: Tag) -> bool {
    matches!(
        t,
        Tag::DT
            | Tag::IN
            | Tag::CC
            | Tag::TO
            | Tag::MD
            | Tag::PRP
            | Tag::PRPS
            | Tag::WDT
            | Tag::WP
            | Tag::WRB
            | Tag::EX
            | Tag::POS
            | Tag::RP
            | Tag::PDT
    )
}

const AUXILIARY_FORMS: &[&str] = &[
    "be", "is", "are", "was", "were", "am", "been", "being", "'s", "'re", "'m", "have", "has",
    "had", "having", "'ve", "'d", "do", "does", "did", "not", "n't",
];

/// Trigram counts of one direction, while training.
#[derive(Debug, Default)]
struct Counts {
    uni: Vec<u32>,
    bi: IntMap<u32, u32>,
    tri: IntMap<u64, u32>,
    total: u32,
}

fn key2(a: u16, b: u16) -> u32 {
    (a as u32) << 16 | b as u32
}

fn key3(a: u16, b: u16, c: u16) -> u64 {
    (a as u64) << 32 | (b as u64) << 16 | c as u64
}

/// Witten–Bell interpolation: `count` of `n` tokens after a context with `t` distinct
/// successors, backed off to `lower`. Building and lookup share it, so a probability computed
/// ahead of time is the very value computed on the spot.
#[inline]
fn interpolate(count: f64, n: u32, t: u32, lower: f64) -> f64 {
    (count + t as f64 * lower) / (n as f64 + t as f64)
}

/// (tokens after a context, distinct classes after it), per context.
fn contexts<K: Copy + Eq + std::hash::Hash>(
    counts: impl Iterator<Item = (K, u32)>,
) -> IntMap<K, (u32, u32)> {
    let mut ctx: IntMap<K, (u32, u32)> = IntMap::default();
    for (k, n) in counts {
        let e = ctx.entry(k).or_default();
        e.0 += n;
        e.1 += 1;
    }
    ctx
}

impl Counts {
    fn add(&mut self, seq: &[u16], n_classes: usize) {
        if self.uni.is_empty() {
            self.uni = vec![0; n_classes];
        }
        for i in 2..seq.len() {
            let (a, b, c) = (seq[i - 2], seq[i - 1], seq[i]);
            self.uni[c as usize] += 1;
            self.total += 1;
            *self.bi.entry(key2(b, c)).or_default() += 1;
            *self.tri.entry(key3(a, b, c)).or_default() += 1;
        }
    }

    /// The probabilities the counts give, laid out for lookup: every seen trigram's and
    /// bigram's probability computed once here instead of on every lookup.
    fn probabilities(&self, n_classes: usize) -> Direction {
        let mut uni = self.uni.clone();
        uni.resize(n_classes, 0);
        let bi_ctx = contexts(self.bi.iter().map(|(&k, &n)| (k >> 16, n)));
        let bi_ctx: Vec<(u32, u32)> = (0..n_classes as u32)
            .map(|b| bi_ctx.get(&b).copied().unwrap_or((0, 0)))
            .collect();
        let tri_ctx = contexts(self.tri.iter().map(|(&k, &n)| ((k >> 16) as u32, n)));
        let mut d = Direction::new(uni, bi_ctx, self.total, Tables::default());
        let mut p2 = IntMap::default();
        let bi = self
            .bi
            .iter()
            .map(|(&k, &n)| {
                let (b, c) = ((k >> 16) as u16, k as u16);
                let (ctx_n, t) = d.bi_ctx[b as usize];
                let p = interpolate(n as f64, ctx_n, t, d.unigram(c));
                p2.insert(k, p);
                (spread(k as u64), p.to_le_bytes().to_vec())
            })
            .collect();
        let tri = self
            .tri
            .iter()
            .map(|(&k, &n)| {
                let (ctx_n, t) = tri_ctx[&((k >> 16) as u32)];
                let p = interpolate(n as f64, ctx_n, t, p2[&(k as u32)]);
                (spread(k), (p.ln() as f32).to_le_bytes().to_vec())
            })
            .collect();
        let tri_ctx = tri_ctx
            .iter()
            .map(|(&k, &(n, t))| {
                let mut v = n.to_le_bytes().to_vec();
                v.extend_from_slice(&t.to_le_bytes());
                (spread(k as u64), v)
            })
            .collect();
        d.tables = Tables {
            tri: SortedTable::build(tri, TRI_RECORD),
            bi: SortedTable::build(bi, BI_RECORD),
            tri_ctx: SortedTable::build(tri_ctx, CTX_RECORD),
        };
        d
    }
}

/// Record sizes: key and ln P(c | a b) as `f32`; key and P(c | b) as `f64`; key and the
/// context's (tokens, distinct successors).
const TRI_RECORD: usize = 12;
const BI_RECORD: usize = 16;
const CTX_RECORD: usize = 16;

/// The tables of one direction, keyed by [`spread`] of the packed classes.
#[derive(Debug, Clone)]
struct Tables {
    tri: SortedTable,
    bi: SortedTable,
    tri_ctx: SortedTable,
}

impl Default for Tables {
    fn default() -> Tables {
        let empty = |r| SortedTable::new(Cow::Borrowed(&[]), r);
        Tables {
            tri: empty(TRI_RECORD),
            bi: empty(BI_RECORD),
            tri_ctx: empty(CTX_RECORD),
        }
    }
}

/// One direction of the model: a Witten–Bell interpolated class trigram model.
#[derive(Debug, Clone, Default)]
struct Direction {
    /// Per class: how often it occurred, its add-one probability, and as a context (tokens
    /// after it, distinct classes after it); (0, 0) for a class never seen as a context.
    uni: Vec<u32>,
    p_uni: Vec<f64>,
    bi_ctx: Vec<(u32, u32)>,
    total: u32,
    tables: Tables,
}

fn f64_of(v: &[u8]) -> f64 {
    v.get(..8).map_or(0.0, |s| {
        f64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
    })
}

fn u32_of(v: &[u8], at: usize) -> u32 {
    v.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl Direction {
    fn new(uni: Vec<u32>, bi_ctx: Vec<(u32, u32)>, total: u32, tables: Tables) -> Direction {
        let v = uni.len() as f64;
        let p_uni = uni
            .iter()
            .map(|&u| (u as f64 + 1.0) / (total as f64 + v))
            .collect();
        Direction {
            uni,
            p_uni,
            bi_ctx,
            total,
            tables,
        }
    }

    fn unigram(&self, c: u16) -> f64 {
        match self.p_uni.get(c as usize) {
            Some(&p) => p,
            None => 1.0 / (self.total as f64 + self.uni.len() as f64),
        }
    }

    /// ln P(c | a b): one lookup for a trigram the treebank had; otherwise interpolated from
    /// the bigram and the context, as the table's values were.
    #[inline]
    fn log_prob(&self, a: u16, b: u16, c: u16) -> f32 {
        self.log_prob_keyed(&table_keys(a, b, c), b, c)
    }

    /// [`Self::log_prob`] with the trigram's [`table_keys`] at hand.
    #[inline]
    fn log_prob_keyed(&self, keys: &[u64; 3], b: u16, c: u16) -> f32 {
        let t = &self.tables;
        if let Some(v) = t.tri.get(keys[0]) {
            return f32::from_le_bytes([v[0], v[1], v[2], v[3]]);
        }
        let p2 = match t.bi.get(keys[1]) {
            Some(v) => f64_of(v),
            None => match self.bi_ctx.get(b as usize) {
                Some(&(n, t)) if n > 0 => interpolate(0.0, n, t, self.unigram(c)),
                _ => self.unigram(c),
            },
        };
        let p3 = match t.tri_ctx.get(keys[2]) {
            Some(v) => interpolate(0.0, u32_of(v, 0), u32_of(v, 4), p2),
            None => p2,
        };
        p3.ln() as f32
    }
}

/// A trigram to look up: in the backward direction or not, and its classes in reading order
/// of that direction (context first).
type Query = (bool, u16, u16, u16);

/// The keys a trigram `a b c` is looked up by: the trigram's, its bigram `b c`'s and its
/// context `a b`'s (the last two read only when the treebank lacks the trigram).
#[inline]
fn table_keys(a: u16, b: u16, c: u16) -> [u64; 3] {
    [key3(a, b, c), key2(b, c) as u64, key2(a, b) as u64].map(spread)
}

/// Log-probabilities of each position of a class sequence, in both directions.
#[derive(Debug, Clone, Default)]
pub struct PositionLogProbs {
    pub forward: Vec<f32>,
    pub backward: Vec<f32>,
}

/// The model: the class vocabulary and counts in both directions.
#[derive(Debug, Default)]
pub struct ClassLm {
    words: HashMap<String, u16>,
    n_classes: usize,
    forward: Direction,
    backward: Direction,
}

impl ClassLm {
    fn tag_class(n_words: usize, t: Tag) -> u16 {
        (1 + n_words + t.index()) as u16
    }

    /// The class of a token.
    pub fn class(&self, word: &str, tag: Tag) -> u16 {
        let plain = !word.chars().any(|c| c.is_uppercase() || c == '’');
        let lower = if plain {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(word.to_lowercase().replace('’', "'"))
        };
        match self.words.get(lower.as_ref()) {
            Some(&c) => c,
            None => Self::tag_class(self.words.len(), tag),
        }
    }

    /// Trains on gold-tagged sentences: words at least `min_count` times frequent with a
    /// function-word tag (or auxiliaries) get their own class.
    pub fn train(sentences: &[TaggedSentence], min_count: u32) -> ClassLm {
        let mut freq: HashMap<String, (u32, u32)> = HashMap::new();
        for s in sentences {
            for (w, t) in s.words.iter().zip(&s.tags) {
                let e = freq.entry(w.to_lowercase()).or_default();
                e.0 += 1;
                e.1 += is_function_tag(*t) as u32;
            }
        }
        let mut words: Vec<String> = freq
            .into_iter()
            .filter(|(w, (n, f))| {
                *n >= min_count && (*f * 2 > *n || AUXILIARY_FORMS.contains(&w.as_str()))
            })
            .map(|(w, _)| w)
            .collect();
        words.sort();
        let mut lm = ClassLm {
            words: words
                .iter()
                .enumerate()
                .map(|(i, w)| (w.clone(), (i + 1) as u16))
                .collect(),
            n_classes: 1 + words.len() + Tag::ALL.len(),
            ..ClassLm::default()
        };
        let (mut forward, mut backward) = (Counts::default(), Counts::default());
        for s in sentences {
            let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let mut seq = lm.sequence(&ws, &s.tags);
            forward.add(&seq, lm.n_classes);
            seq.reverse();
            backward.add(&seq, lm.n_classes);
        }
        lm.forward = forward.probabilities(lm.n_classes);
        lm.backward = backward.probabilities(lm.n_classes);
        lm
    }

    /// Classes of a sentence with two edge markers on each side.
    pub fn sequence(&self, words: &[&str], tags: &[Tag]) -> Vec<u16> {
        let mut seq = Vec::with_capacity(words.len() + 4);
        seq.extend([EDGE, EDGE]);
        seq.extend(words.iter().zip(tags).map(|(w, t)| self.class(w, *t)));
        seq.extend([EDGE, EDGE]);
        seq
    }

    /// ln P of the whole class sequence (with edges), forward and backward averaged.
    pub fn score(&self, seq: &[u16]) -> f32 {
        let mut f = 0.0;
        let mut b = 0.0;
        let n = seq.len();
        for i in 2..n {
            f += self.forward.log_prob(seq[i - 2], seq[i - 1], seq[i]);
        }
        for i in (0..n - 2).rev() {
            b += self.backward.log_prob(seq[i + 2], seq[i + 1], seq[i]);
        }
        (f + b) / 2.0
    }

    /// The local log-probabilities (before, after) of swapping positions `i` and `i + 1`.
    pub fn swap_scores(&self, seq: &mut [u16], i: usize) -> (f32, f32) {
        let n = seq.len();
        let local = |s: &[u16]| -> f32 {
            let mut total = 0.0;
            // Forward trigrams ending at k contain i or i + 1 for k in i..=i + 3.
            for k in i.max(2)..(i + 4).min(n) {
                total += self.forward.log_prob(s[k - 2], s[k - 1], s[k]);
            }
            // Backward trigrams starting at k contain them for k in i - 2..=i + 1.
            for k in i.saturating_sub(2)..(i + 2).min(n.saturating_sub(2)) {
                total += self.backward.log_prob(s[k + 2], s[k + 1], s[k]);
            }
            total / 2.0
        };
        let before = local(seq);
        seq.swap(i, i + 1);
        let after = local(seq);
        seq.swap(i, i + 1);
        (before, after)
    }

    /// The log-probabilities of many trigrams, appended to `out` in order. The reads of all
    /// their table entries are started before any is used, so the waits overlap: most of a
    /// lookup's time is waiting for memory.
    fn log_probs(&self, queries: &[Query], out: &mut Vec<f32>) {
        let direction = |back: bool| if back { &self.backward } else { &self.forward };
        let keys: Vec<[u64; 3]> = queries
            .iter()
            .map(|&(_, a, b, c)| table_keys(a, b, c))
            .collect();
        crate::table::pipelined(
            queries.len(),
            |q| {
                let (t, k) = (&direction(queries[q].0).tables, &keys[q]);
                t.tri.prefetch_index(k[0]);
                t.bi.prefetch_index(k[1]);
                t.tri_ctx.prefetch_index(k[2]);
            },
            |q| {
                let (t, k) = (&direction(queries[q].0).tables, &keys[q]);
                t.tri.prefetch_records(k[0]);
                t.bi.prefetch_records(k[1]);
                t.tri_ctx.prefetch_records(k[2]);
            },
            |q| {
                let (back, _, b, c) = queries[q];
                out.push(direction(back).log_prob_keyed(&keys[q], b, c));
            },
        );
    }

    /// The forward and backward log-probabilities of every position of `seq`, computed once so
    /// that scoring every swap of a sentence reuses them.
    pub fn position_log_probs(&self, seq: &[u16]) -> PositionLogProbs {
        let n = seq.len();
        let mut queries = Vec::with_capacity(2 * n);
        queries.extend((2..n).map(|k| (false, seq[k - 2], seq[k - 1], seq[k])));
        queries.extend((0..n.saturating_sub(2)).map(|k| (true, seq[k + 2], seq[k + 1], seq[k])));
        let mut lps = Vec::with_capacity(queries.len());
        self.log_probs(&queries, &mut lps);
        let mut forward = vec![0.0; n];
        let mut backward = vec![0.0; n];
        let (f, b) = lps.split_at(n.saturating_sub(2));
        forward[2.min(n)..].copy_from_slice(f);
        backward[..n.saturating_sub(2)].copy_from_slice(b);
        PositionLogProbs { forward, backward }
    }

    /// [`Self::swap_scores_with`] for each of `positions`, appended to `out`, with the lookups
    /// of all of them batched (see [`Self::log_probs`]).
    pub fn swap_scores_batch(
        &self,
        seq: &mut [u16],
        positions: &[usize],
        memo: &PositionLogProbs,
        out: &mut Vec<(f32, f32)>,
    ) {
        let n = seq.len();
        let ranges = |i: usize| {
            (
                i.max(2)..(i + 4).min(n),
                i.saturating_sub(2)..(i + 2).min(n.saturating_sub(2)),
            )
        };
        let mut queries = Vec::with_capacity(8 * positions.len());
        for &i in positions {
            let (fwd, bwd) = ranges(i);
            seq.swap(i, i + 1);
            queries.extend(fwd.map(|k| (false, seq[k - 2], seq[k - 1], seq[k])));
            queries.extend(bwd.map(|k| (true, seq[k + 2], seq[k + 1], seq[k])));
            seq.swap(i, i + 1);
        }
        let mut lps = Vec::with_capacity(queries.len());
        self.log_probs(&queries, &mut lps);
        let mut lps = lps.into_iter();
        for &i in positions {
            let (fwd, bwd) = ranges(i);
            let before = (memo.forward[fwd.clone()].iter().sum::<f32>()
                + memo.backward[bwd.clone()].iter().sum::<f32>())
                / 2.0;
            let mut after = 0.0;
            for _ in fwd.chain(bwd) {
                after += lps.next().unwrap_or(0.0);
            }
            out.push((before, after / 2.0));
        }
    }

    /// Like [`ClassLm::swap_scores`], with the unswapped side read from `memo`.
    pub fn swap_scores_with(
        &self,
        seq: &mut [u16],
        i: usize,
        memo: &PositionLogProbs,
    ) -> (f32, f32) {
        let n = seq.len();
        let fwd = i.max(2)..(i + 4).min(n);
        let bwd = i.saturating_sub(2)..(i + 2).min(n.saturating_sub(2));
        let before = (memo.forward[fwd.clone()].iter().sum::<f32>()
            + memo.backward[bwd.clone()].iter().sum::<f32>())
            / 2.0;
        seq.swap(i, i + 1);
        let mut after = 0.0;
        for k in fwd {
            after += self.forward.log_prob(seq[k - 2], seq[k - 1], seq[k]);
        }
        for k in bwd {
            after += self.backward.log_prob(seq[k + 2], seq[k + 1], seq[k]);
        }
        seq.swap(i, i + 1);
        (before, after / 2.0)
    }

    /// How many forward class bigrams and trigrams of `seq` (edges included) the training text
    /// never had, and how many there are: orders English does not produce show as unseen
    /// n-grams even where interpolation keeps their probability moderate.
    pub fn unseen(&self, seq: &[u16]) -> (usize, usize, usize) {
        let (mut bi, mut tri, mut total) = (0, 0, 0);
        for i in 2..seq.len() {
            let (a, b, c) = (seq[i - 2], seq[i - 1], seq[i]);
            total += 1;
            let t = &self.forward.tables;
            bi += !t.bi.contains(spread(key2(b, c) as u64)) as usize;
            tri += !t.tri.contains(spread(key3(a, b, c))) as usize;
        }
        (bi, tri, total)
    }

    /// Per-position surprise: -ln P of each class given both neighbours' sides, averaged.
    pub fn surprise(&self, seq: &[u16]) -> Vec<f32> {
        let n = seq.len();
        (2..n - 2)
            .map(|i| {
                let f = self.forward.log_prob(seq[i - 2], seq[i - 1], seq[i]);
                let b = self.backward.log_prob(seq[i + 2], seq[i + 1], seq[i]);
                -(f + b) / 2.0
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        let mut words: Vec<(&String, &u16)> = self.words.iter().collect();
        words.sort_by_key(|(_, c)| **c);
        b.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, _) in words {
            b.push(w.len() as u8);
            b.extend_from_slice(w.as_bytes());
        }
        for t in Tag::ALL {
            b.push(t.as_str().len() as u8);
            b.extend_from_slice(t.as_str().as_bytes());
        }
        for d in [&self.forward, &self.backward] {
            b.extend_from_slice(&d.total.to_le_bytes());
            for (u, (n, t)) in d.uni.iter().zip(&d.bi_ctx) {
                for x in [u, n, t] {
                    b.extend_from_slice(&x.to_le_bytes());
                }
            }
            for table in [&d.tables.tri, &d.tables.bi, &d.tables.tri_ctx] {
                b.extend_from_slice(&(table.len() as u32).to_le_bytes());
                b.extend_from_slice(table.bytes());
            }
        }
        b
    }

    /// Reads a model file, copying its tables.
    pub fn from_bytes(bytes: &[u8]) -> Result<ClassLm, String> {
        Self::parse(bytes, |s| Cow::Owned(s.to_vec()))
    }

    /// Reads an embedded model file, its tables in place.
    pub fn from_static(bytes: &'static [u8]) -> Result<ClassLm, String> {
        Self::parse(bytes, Cow::Borrowed)
    }

    fn parse<'b>(
        bytes: &'b [u8],
        table: impl Fn(&'b [u8]) -> Cow<'static, [u8]>,
    ) -> Result<ClassLm, String> {
        let mut pos = 0usize;
        let mut take = |n: usize| -> Result<&'b [u8], String> {
            let s = bytes
                .get(pos..pos.saturating_add(n))
                .ok_or_else(|| "language model: truncated".to_string())?;
            pos += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err("language model: bad header (retrain it with `mtlint train-lm`)".into());
        }
        let n_words = u32_of(take(4)?, 0) as usize;
        let mut words = HashMap::with_capacity(n_words);
        for i in 0..n_words {
            let len = take(1)?[0] as usize;
            let w = std::str::from_utf8(take(len)?).map_err(|_| "language model: bad word")?;
            words.insert(w.to_string(), (i + 1) as u16);
        }
        // Tags are stored by name: classes are numbered by tag, so a model built for another
        // tag set cannot be read.
        for t in Tag::ALL {
            let len = take(1)?[0] as usize;
            if take(len)? != t.as_str().as_bytes() {
                return Err("language model: built for another tag set; retrain it".into());
            }
        }
        let n_classes = 1 + n_words + Tag::ALL.len();
        let mut direction = || -> Result<Direction, String> {
            let total = u32_of(take(4)?, 0);
            let per_class = take(12 * n_classes)?;
            let (uni, bi_ctx) = per_class
                .chunks_exact(12)
                .map(|r| (u32_of(r, 0), (u32_of(r, 4), u32_of(r, 8))))
                .unzip();
            let mut tables = [TRI_RECORD, BI_RECORD, CTX_RECORD]
                .into_iter()
                .map(|record| {
                    let n = u32_of(take(4)?, 0) as usize;
                    let records = take(n.saturating_mul(record))?;
                    if !SortedTable::is_sorted(records, record) {
                        return Err("language model: unsorted table".to_string());
                    }
                    Ok(SortedTable::new(table(records), record))
                });
            let mut next = || tables.next().unwrap_or_else(|| Err("no table".into()));
            let tables = Tables {
                tri: next()?,
                bi: next()?,
                tri_ctx: next()?,
            };
            Ok(Direction::new(uni, bi_ctx, total, tables))
        };
        let forward = direction()?;
        let backward = direction()?;
        if pos != bytes.len() {
            return Err("language model: trailing bytes".into());
        }
        Ok(ClassLm {
            words,
            n_classes,
            forward,
            backward,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::train::TaggedSentence;

    fn sentence(tagged: &str) -> TaggedSentence {
        let (words, tags) = tagged
            .split(' ')
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').expect("word/TAG");
                (w.to_string(), Tag::parse(t).expect("a known tag"))
            })
            .unzip();
        TaggedSentence { words, tags }
    }

    #[test]
    fn a_saved_model_loads_with_the_same_probabilities() {
        let data: Vec<TaggedSentence> = [
            "The/DT minister/NN announced/VBD new/JJ measures/NNS ./.",
            "The/DT government/NN announced/VBD a/DT plan/NN ./.",
            "He/PRP said/VBD that/IN the/DT plan/NN failed/VBD ./.",
        ]
        .iter()
        .map(|s| sentence(s))
        .collect();
        let lm = ClassLm::train(&data, 1);
        let loaded = ClassLm::from_bytes(&lm.to_bytes()).expect("loads");
        let words = ["The", "minister", "announced", "a", "plan", "."];
        let tags = [Tag::DT, Tag::NN, Tag::VBD, Tag::DT, Tag::NN, Tag::Period];
        let (a, b) = (lm.sequence(&words, &tags), loaded.sequence(&words, &tags));
        assert_eq!(a, b);
        assert_eq!(lm.score(&a).to_bits(), loaded.score(&b).to_bits());
        assert_eq!(lm.surprise(&a), loaded.surprise(&b));
    }

    #[test]
    fn a_truncated_model_is_an_error() {
        let lm = ClassLm::train(&[sentence("The/DT plan/NN failed/VBD ./.")], 1);
        let bytes = lm.to_bytes();
        for cut in [0, 8, 13, bytes.len() - 1] {
            assert!(ClassLm::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }
}
