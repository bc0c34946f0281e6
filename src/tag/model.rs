//! The trained tagger model: a word lexicon and sparse feature weights, both open-addressing
//! tables laid out in one byte buffer. The buffer is the file format too, so loading the
//! embedded model is a check of its layout, not a parse.
//!
//! Tagging takes two passes. The first goes left to right with the tags already chosen on the
//! left; the second goes left to right again, also seeing the first pass's tags on the right.
//! Both passes share the feature table: a weight's tag number says which pass it belongs to
//! (0..N_TAGS the first, N_TAGS..2·N_TAGS the second), so features that do not depend on tag
//! decisions are looked up once for both.

use super::features::{
    END_TAG, MAX_FEATURES, NO_TAG, TokenInfo, WordClass, mix, static_features, tag_features,
};
use super::tagset::Tag;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use thiserror::Error;

const MAGIC: &[u8; 8] = b"MTLTAG02";
pub const N_TAGS: usize = Tag::ALL.len();
/// Scores of both passes: the first pass's tags, then the second's.
pub const N_SCORES: usize = 2 * N_TAGS;

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// What training saw of a word: the set of its tags, and its tag when it was frequent and
/// (nearly) always the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordEntry {
    /// Tags seen in the treebank (0: a word the treebank never had).
    pub tags: u64,
    /// Tags the morphological lexicon allows (0: not in it).
    pub morph: u64,
    /// Brown cluster path, lowest bit first (0: none).
    pub cluster: u32,
    pub sure: Option<Tag>,
}

impl WordEntry {
    /// What the features see of the word.
    pub fn class(&self) -> WordClass {
        let h = |m: u64| if m == 0 { 0 } else { mix(0xa5a5, m) };
        WordClass {
            ambiguity: h(self.tags),
            morph: h(self.morph),
            cluster: self.cluster,
        }
    }
}

#[derive(Debug, Error)]
pub enum ModelError {
    #[error("tagger model: {0}")]
    Format(String),
}

/// Feature weights as training produces them: feature key → (tag, weight) pairs, where a tag
/// number of N_TAGS or more is a second-pass weight.
pub type SparseWeights = Vec<(u64, Vec<(u8, f32)>)>;

/// Bytes of one word record: key, tags, morph, cluster, sure tag, padding.
const WORD_REC: usize = 32;
/// Bytes of one feature slot: key, first entry, entry count.
const FEAT_REC: usize = 16;
/// Bytes of one weight entry: tag number, f32 weight.
const ENTRY_REC: usize = 5;

/// Little-endian reads at a byte offset; the offsets are checked when the model is loaded.
#[inline]
fn rd_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

#[inline]
fn rd_u32(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

/// The home slot of a key in a table of `mask + 1` slots, from the key's high bits (the low
/// bits of the feature hashes are poorly mixed).
#[inline]
fn home(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
}

/// A table capacity for `n` entries: a power of two with at least a quarter left empty.
fn capacity(n: usize) -> usize {
    (n + n / 3 + 1).next_power_of_two().max(16)
}

/// The model: word lexicon plus weights, over one byte buffer (borrowed when embedded).
pub struct Model {
    bytes: Cow<'static, [u8]>,
    /// Word table: offset and capacity − 1.
    words_at: usize,
    words_mask: usize,
    n_words: usize,
    /// Feature table: offset and capacity − 1.
    feats_at: usize,
    feats_mask: usize,
    n_feats: usize,
    /// Weight entries: (tag number, f32 weight) records.
    entries_at: usize,
    n_entries: usize,
}

/// Per-sentence buffers of decoding.
#[derive(Default)]
pub struct DecodeScratch {
    static_scores: Vec<[f32; N_SCORES]>,
    first: Vec<u8>,
    second: Vec<u8>,
    fixed: Vec<u8>,
}

impl Model {
    /// Lays out a model from a word lexicon and trained weights.
    pub fn from_parts(words: &KeyMap<WordEntry>, weights: &SparseWeights) -> Model {
        let bytes = build_bytes(words, weights);
        Model::from_bytes_cow(Cow::Owned(bytes)).expect("a model just laid out is valid")
    }

    pub fn feature_count(&self) -> usize {
        self.n_feats
    }

    pub fn weight_count(&self) -> usize {
        self.n_entries
    }

    pub fn word_count(&self) -> usize {
        self.n_words
    }

    /// The word record of a key, if the lexicon has it.
    #[inline]
    pub fn word(&self, key: u64) -> Option<WordEntry> {
        let key = key | 1;
        let b = &self.bytes[..];
        let mut idx = home(key, self.words_mask);
        loop {
            let at = self.words_at + idx * WORD_REC;
            let k = rd_u64(b, at);
            if k == key {
                let sure = b[at + 28];
                return Some(WordEntry {
                    tags: rd_u64(b, at + 8),
                    morph: rd_u64(b, at + 16),
                    cluster: rd_u32(b, at + 24),
                    sure: if (sure as usize) < N_TAGS {
                        Some(Tag::ALL[sure as usize])
                    } else {
                        None
                    },
                });
            }
            if k == 0 {
                return None;
            }
            idx = (idx + 1) & self.words_mask;
        }
    }

    /// The entries (start, count) of a feature, or (0, 0) when the model lacks it.
    #[inline]
    fn find(&self, key: u64) -> (usize, usize) {
        let key = key | 1;
        let b = &self.bytes[..];
        let mut idx = home(key, self.feats_mask);
        loop {
            let at = self.feats_at + idx * FEAT_REC;
            let k = rd_u64(b, at);
            if k == key {
                return (rd_u32(b, at + 8) as usize, rd_u32(b, at + 12) as usize);
            }
            if k == 0 {
                return (0, 0);
            }
            idx = (idx + 1) & self.feats_mask;
        }
    }

    /// Adds the weights of features to `scores`. All features are found first and their
    /// weights added after, so the memory reads of different features overlap.
    #[inline]
    pub fn add_features(&self, feats: &[u64], scores: &mut [f32; N_SCORES]) {
        let mut found = [(0usize, 0usize); MAX_FEATURES];
        for (f, slot) in feats.iter().zip(found.iter_mut()) {
            *slot = self.find(*f);
        }
        let b = &self.bytes[self.entries_at..];
        for &(s, len) in &found[..feats.len().min(MAX_FEATURES)] {
            for e in b[ENTRY_REC * s..ENTRY_REC * (s + len)].chunks_exact(ENTRY_REC) {
                let w = f32::from_le_bytes([e[1], e[2], e[3], e[4]]);
                if let Some(sc) = scores.get_mut(e[0] as usize) {
                    *sc += w;
                }
            }
        }
    }

    /// What the features see of a word key.
    pub fn lookup(&self, key: u64) -> WordClass {
        self.word(key)
            .map_or_else(WordClass::default, |w| w.class())
    }

    /// Whether the treebank had this word.
    pub fn is_known(&self, key: u64) -> bool {
        self.word(key).is_some_and(|w| w.tags != 0)
    }

    /// Two-pass decoding. `allowed[i]` restricts position i to a tag set (0 = any).
    pub fn decode(&self, infos: &[TokenInfo], allowed: &[u64], out: &mut Vec<Tag>) {
        self.decode_with(infos, allowed, &mut DecodeScratch::default(), out, true);
    }

    /// Decoding with reusable buffers; `second` = false stops after the first pass.
    pub fn decode_with(
        &self,
        infos: &[TokenInfo],
        allowed: &[u64],
        scratch: &mut DecodeScratch,
        out: &mut Vec<Tag>,
        second: bool,
    ) {
        let n = infos.len();
        out.clear();
        scratch.static_scores.clear();
        scratch.first.clear();
        scratch.fixed.clear();
        let mut feats = [0u64; MAX_FEATURES];
        for i in 0..n {
            let mask = allowed.get(i).copied().unwrap_or(0);
            let fixed = if mask != 0 && mask.is_power_of_two() {
                mask.trailing_zeros() as u8
            } else if mask == 0
                && let Some(sure) = self.word(infos[i].key).and_then(|w| w.sure)
            {
                sure as u8
            } else {
                NO_TAG
            };
            scratch.fixed.push(fixed);
            let mut scores = [0f32; N_SCORES];
            if fixed == NO_TAG {
                let k = static_features(infos, i, &mut feats);
                self.add_features(&feats[..k], &mut scores);
            }
            scratch.static_scores.push(scores);
        }
        let passes: &[bool] = if second { &[false, true] } else { &[false] };
        for &pass2 in passes {
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            let DecodeScratch {
                static_scores,
                first,
                second,
                fixed,
            } = scratch;
            let (prev, tags) = if pass2 {
                (&*first, second)
            } else {
                (&*second, first)
            };
            tags.clear();
            let off = if pass2 { N_TAGS } else { 0 };
            for i in 0..n {
                let tag = if fixed[i] != NO_TAG {
                    fixed[i]
                } else {
                    let right = pass2.then(|| {
                        let r = |j: usize| prev.get(j).copied().unwrap_or(END_TAG);
                        (r(i + 1), r(i + 2))
                    });
                    let k = tag_features(infos, i, p1, p2, right, &mut feats, 0);
                    let mut scores = static_scores[i];
                    self.add_features(&feats[..k], &mut scores);
                    let mut part = [0f32; N_TAGS];
                    part.copy_from_slice(&scores[off..off + N_TAGS]);
                    best(&part, allowed.get(i).copied().unwrap_or(0)) as u8
                };
                tags.push(tag);
                p2 = p1;
                p1 = tag;
            }
        }
        let last = if second {
            &scratch.second
        } else {
            &scratch.first
        };
        out.extend(last.iter().map(|&t| Tag::ALL[t as usize]));
    }

    /// The model's bytes, as written to a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// Loads a model from a file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::from_bytes_cow(Cow::Owned(bytes.to_vec()))
    }

    /// Loads a model from bytes embedded in the binary, without copying them.
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, ModelError> {
        Model::from_bytes_cow(Cow::Borrowed(bytes))
    }

    fn from_bytes_cow(bytes: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        let err = |m: &str| ModelError::Format(m.to_string());
        let b = &bytes[..];
        let need = |end: usize| {
            if end <= b.len() {
                Ok(())
            } else {
                Err(err("truncated"))
            }
        };
        need(12)?;
        if &b[..8] != MAGIC {
            return Err(err("not an mtlint tagger model of this version"));
        }
        let n_tags = rd_u32(b, 8) as usize;
        let mut pos = 12;
        if n_tags != N_TAGS {
            return Err(err("built for a different tag set"));
        }
        for t in Tag::ALL {
            need(pos + 1)?;
            let len = b[pos] as usize;
            need(pos + 1 + len)?;
            if &b[pos + 1..pos + 1 + len] != t.as_str().as_bytes() {
                return Err(err("built for a different tag set"));
            }
            pos += 1 + len;
        }
        // Word table.
        need(pos + 4)?;
        let words_cap = rd_u32(b, pos) as usize;
        pos += 4;
        if !words_cap.is_power_of_two() {
            return Err(err("bad word table size"));
        }
        let words_at = pos;
        pos = pos
            .checked_add(words_cap * WORD_REC)
            .ok_or_else(|| err("truncated"))?;
        need(pos)?;
        let mut n_words = 0;
        for r in 0..words_cap {
            let at = words_at + r * WORD_REC;
            if rd_u64(b, at) != 0 {
                n_words += 1;
            }
        }
        if n_words == words_cap {
            return Err(err("full word table"));
        }
        // Feature table.
        need(pos + 4)?;
        let feats_cap = rd_u32(b, pos) as usize;
        pos += 4;
        if !feats_cap.is_power_of_two() {
            return Err(err("bad feature table size"));
        }
        let feats_at = pos;
        pos = pos
            .checked_add(feats_cap * FEAT_REC)
            .ok_or_else(|| err("truncated"))?;
        need(pos + 4)?;
        let n_entries = rd_u32(b, pos) as usize;
        pos += 4;
        let entries_at = pos;
        let end = entries_at + ENTRY_REC * n_entries;
        if end != b.len() {
            return Err(err("wrong length"));
        }
        let mut n_feats = 0;
        for r in 0..feats_cap {
            let at = feats_at + r * FEAT_REC;
            if rd_u64(b, at) != 0 {
                n_feats += 1;
                let s = rd_u32(b, at + 8) as usize;
                let len = rd_u32(b, at + 12) as usize;
                if s.checked_add(len).is_none_or(|e| e > n_entries) {
                    return Err(err("feature entries out of range"));
                }
            }
        }
        if n_feats == feats_cap {
            return Err(err("full feature table"));
        }
        Ok(Model {
            bytes,
            words_at,
            words_mask: words_cap - 1,
            n_words,
            feats_at,
            feats_mask: feats_cap - 1,
            n_feats,
            entries_at,
            n_entries,
        })
    }
}

/// The byte layout of a model (see [`Model`]); deterministic for the same input.
fn build_bytes(words: &KeyMap<WordEntry>, weights: &SparseWeights) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    for t in Tag::ALL {
        let name = t.as_str().as_bytes();
        b.push(name.len() as u8);
        b.extend_from_slice(name);
    }
    let mut ws: Vec<(u64, WordEntry)> = words.iter().map(|(k, w)| (*k | 1, *w)).collect();
    ws.sort_by_key(|(k, _)| *k);
    let cap = capacity(ws.len());
    let mut table = vec![0u8; cap * WORD_REC];
    for (key, w) in &ws {
        let mut idx = home(*key, cap - 1);
        while rd_u64(&table, idx * WORD_REC) != 0 {
            idx = (idx + 1) & (cap - 1);
        }
        let at = idx * WORD_REC;
        table[at..at + 8].copy_from_slice(&key.to_le_bytes());
        table[at + 8..at + 16].copy_from_slice(&w.tags.to_le_bytes());
        table[at + 16..at + 24].copy_from_slice(&w.morph.to_le_bytes());
        table[at + 24..at + 28].copy_from_slice(&w.cluster.to_le_bytes());
        table[at + 28] = w.sure.map_or(NO_TAG, |t| t as u8);
    }
    b.extend_from_slice(&(cap as u32).to_le_bytes());
    b.extend_from_slice(&table);

    let mut fs: Vec<(u64, &Vec<(u8, f32)>)> = weights.iter().map(|(k, e)| (*k | 1, e)).collect();
    fs.sort_by_key(|(k, _)| *k);
    let cap = capacity(fs.len());
    let mut table = vec![0u8; cap * FEAT_REC];
    let mut entries_out = Vec::new();
    let mut count = 0u32;
    for (key, entries) in &fs {
        let mut idx = home(*key, cap - 1);
        while rd_u64(&table, idx * FEAT_REC) != 0 {
            idx = (idx + 1) & (cap - 1);
        }
        let at = idx * FEAT_REC;
        table[at..at + 8].copy_from_slice(&key.to_le_bytes());
        table[at + 8..at + 12].copy_from_slice(&count.to_le_bytes());
        table[at + 12..at + 16].copy_from_slice(&(entries.len() as u32).to_le_bytes());
        for (t, w) in entries.iter() {
            entries_out.push(*t);
            entries_out.extend_from_slice(&w.to_le_bytes());
            count += 1;
        }
    }
    b.extend_from_slice(&(cap as u32).to_le_bytes());
    b.extend_from_slice(&table);
    b.extend_from_slice(&count.to_le_bytes());
    b.extend_from_slice(&entries_out);
    b
}

/// The best-scoring tag, among `mask` when it is not 0. Ties go to the lower tag number.
pub fn best(scores: &[f32; N_TAGS], mask: u64) -> Tag {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if (mask == 0 || mask & (1 << i) != 0) && s > best_score {
            best = i;
            best_score = s;
        }
    }
    Tag::ALL[best]
}
