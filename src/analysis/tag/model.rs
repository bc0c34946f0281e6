//! The trained tagger model: a word lexicon, precomputed word records, a dense table of tag
//! transitions and sparse feature weights, laid out in one byte buffer. The buffer is the file
//! format too, so loading the embedded model is a check of its header, not a parse.
//!
//! Most features of a position depend on one token only: the word itself (spelling, affixes,
//! lexicon classes) or a neighbour in a fixed role (the word before, the word after, …). For
//! every word form of the treebank the model stores, per role, the summed weights of those
//! features (i8 with a scale), so a known word costs one read where it would cost dozens.
//! Features of the two previous tags alone are summed per tag pair into a dense table. Only
//! features that join tokens, or a token and the previous tag, are looked up one by one (i16
//! weights, a 32-bit fingerprint per feature), and words without a record take that slow path
//! for all their features. Decoding is greedy, left to right.

use super::features::{
    EDGES, MAX_FEATURES, N_ROLES, NO_RECORD, NO_TAG, ROLE_OFFSET, TokenInfo, WordClass,
    context_features, edge_index, exact_key, mix, role_features, sentence_class,
    transition_features, word_tag_features,
};
use super::tagset::Tag;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use thiserror::Error;

const MAGIC: &[u8; 8] = b"MTLTAG03";
pub const N_TAGS: usize = Tag::ALL.len();

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

/// Feature weights as training produces them: feature key → (tag, weight) pairs.
pub type SparseWeights = Vec<(u64, Vec<(u8, f32)>)>;

/// Bytes of one word record of the lexicon: key, tags, morph, cluster, sure tag, padding.
const WORD_REC: usize = 32;
/// Bytes of one slot of the word-record index: exact-form key, record number.
const INDEX_REC: usize = 12;
/// Bytes of the token fields at the start of a word record.
const REC_HEAD: usize = 56;
/// Bytes of one role's scores in a word record: f32 scale, then one i8 per tag.
const ROLE_REC: usize = 4 + N_TAGS;
/// Bytes of one precomputed word record.
const REC: usize = REC_HEAD + N_ROLES * ROLE_REC;
/// Bytes of one feature slot: fingerprint, first entry, entry count.
const FEAT_REC: usize = 12;
/// Bytes of one weight entry: tag number, i16 weight.
const ENTRY_REC: usize = 3;
/// Values a previous tag can take in the transition table: a tag, or none (sentence start).
const N_PREV: usize = N_TAGS + 1;
/// Bytes of the transition table: i16 scores per (tag two back, tag one back, tag).
const TRANS_BYTES: usize = N_PREV * N_PREV * N_TAGS * 2;

/// Row of a previous tag in the transition table.
#[inline]
fn prev_row(p: u8) -> usize {
    (p as usize).min(N_TAGS)
}

/// Little-endian reads at a byte offset; callers keep them in bounds.
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

/// The 32-bit fingerprint a feature slot keeps of its key (never 0, which marks an empty slot).
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32 | 1
}

/// A table capacity for `n` entries: a power of two with at least a quarter left empty.
fn capacity(n: usize) -> usize {
    (n + n / 3 + 1).next_power_of_two().max(16)
}

/// Asks the processor to start loading the cache line that holds `value`, so that reads of
/// several places in a large table overlap instead of waiting one after another.
#[inline]
pub(crate) fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint, and the address is that of a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (value as *const T).cast::<i8>(),
        )
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// The model over one byte buffer (borrowed when embedded).
pub struct Model {
    bytes: Cow<'static, [u8]>,
    /// Word lexicon: offset, capacity − 1, entries.
    words_at: usize,
    words_mask: usize,
    n_words: usize,
    /// Word-record index (exact form → record): offset, capacity − 1.
    index_at: usize,
    index_mask: usize,
    /// Word records: offset, count (the last four are the placeholders beyond the sentence
    /// edges, [`EDGES`]).
    recs_at: usize,
    n_recs: usize,
    /// Transition table: offset, value of one i16 step.
    trans_at: usize,
    trans_scale: f32,
    /// Feature table: offset, capacity − 1, entries.
    feats_at: usize,
    feats_mask: usize,
    n_feats: usize,
    /// Weight entries: offset, count, and the value of one i16 step.
    entries_at: usize,
    n_entries: usize,
    scale: f32,
}

impl Model {
    /// Lays out a model from a word lexicon and trained weights, with a precomputed record
    /// for each of `forms` (word forms as spelled, e.g. every form of the treebank).
    pub fn from_parts(words: &KeyMap<WordEntry>, weights: &SparseWeights, forms: &[&str]) -> Model {
        let bytes = build_bytes(words, weights, forms);
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

    /// Number of words with a precomputed record.
    pub fn record_count(&self) -> usize {
        self.n_recs
    }

    /// The word lexicon's entry for a key, if it has one.
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
                    sure: Tag::ALL.get(sure as usize).copied(),
                });
            }
            if k == 0 {
                return None;
            }
            idx = (idx + 1) & self.words_mask;
        }
    }

    /// The number of the precomputed record of an exact form, if there is one.
    #[inline]
    fn record_of(&self, exact: u64) -> Option<u32> {
        let key = exact | 1;
        let b = &self.bytes[..];
        let mut idx = home(key, self.index_mask);
        loop {
            let at = self.index_at + idx * INDEX_REC;
            let k = rd_u64(b, at);
            if k == key {
                let r = rd_u32(b, at + 8);
                return ((r as usize) < self.n_recs).then_some(r);
            }
            if k == 0 {
                return None;
            }
            idx = (idx + 1) & self.index_mask;
        }
    }

    /// What the features need of a word: from its record when it has one, computed otherwise.
    #[inline]
    pub fn token_info(&self, word: &str, buf: &mut Vec<char>) -> TokenInfo {
        if let Some(r) = self.record_of(exact_key(word)) {
            let b = &self.bytes[self.recs_at + r as usize * REC..];
            return TokenInfo {
                key: rd_u64(b, 0),
                suffix: [0, 0, rd_u64(b, 8), 0, 0],
                prefix: [0; 3],
                shape: rd_u64(b, 16),
                ambiguity: rd_u64(b, 24),
                morph: rd_u64(b, 32),
                traits: rd_u64(b, 40),
                cluster: rd_u32(b, 48),
                sure: b[52],
                case: b[53],
                last_part: 0,
                last_part_class: 0,
                record: r,
            };
        }
        let mut info = TokenInfo::new(word, buf, |k| self.lookup(k));
        info.sure = self
            .word(info.key)
            .and_then(|w| w.sure)
            .map_or(NO_TAG, |t| t as u8);
        info
    }

    /// The token infos of a sentence.
    pub fn token_infos(&self, words: &[&str], buf: &mut Vec<char>) -> Vec<TokenInfo> {
        words.iter().map(|w| self.token_info(w, buf)).collect()
    }

    /// Adds the precomputed scores of record `r` in role `role`.
    #[inline]
    fn add_role(&self, r: u32, role: usize, scores: &mut [f32; N_TAGS]) {
        let at = self.recs_at + r as usize * REC + REC_HEAD + role * ROLE_REC;
        let b = &self.bytes[at..at + ROLE_REC];
        let scale = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        for (s, &q) in scores.iter_mut().zip(&b[4..]) {
            *s += scale * (q as i8) as f32;
        }
    }

    /// Adds the scores of the features of the two previous tags alone.
    #[inline]
    fn add_transition(&self, p1: u8, p2: u8, scores: &mut [f32; N_TAGS]) {
        let at = self.trans_at + ((prev_row(p2) * N_PREV + prev_row(p1)) * N_TAGS) * 2;
        let b = &self.bytes[at..at + N_TAGS * 2];
        for (s, q) in scores.iter_mut().zip(b.chunks_exact(2)) {
            *s += self.trans_scale * i16::from_le_bytes([q[0], q[1]]) as f32;
        }
    }

    /// Asks the processor to start loading the cache line at byte `at` of the model.
    #[inline]
    fn prefetch(&self, at: usize) {
        if let Some(p) = self.bytes.get(at) {
            prefetch(p);
        }
    }

    /// The entries (start, count) of a feature, or (0, 0) when the model lacks it.
    #[inline]
    fn find(&self, key: u64) -> (usize, usize) {
        let fp = fingerprint(key);
        let b = &self.bytes[..];
        let mut idx = home(key | 1, self.feats_mask);
        loop {
            let at = self.feats_at + idx * FEAT_REC;
            let k = rd_u32(b, at);
            if k == fp {
                return (rd_u32(b, at + 4) as usize, rd_u32(b, at + 8) as usize);
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
    pub fn add_features(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        for f in feats {
            self.prefetch(self.feats_at + home(*f | 1, self.feats_mask) * FEAT_REC);
        }
        let mut found = [(0usize, 0usize); MAX_FEATURES];
        for (f, slot) in feats.iter().zip(found.iter_mut()) {
            *slot = self.find(*f);
            self.prefetch(self.entries_at + ENTRY_REC * slot.0);
        }
        let b = &self.bytes[self.entries_at..];
        // 64 sums so that any tag byte indexes in bounds without a check.
        let mut sum = [0i32; 64];
        for &(s, len) in &found[..feats.len().min(MAX_FEATURES)] {
            let Some(es) = b.get(ENTRY_REC * s..ENTRY_REC * (s + len)) else {
                continue;
            };
            for e in es.chunks_exact(ENTRY_REC) {
                sum[e[0] as usize & 63] += i16::from_le_bytes([e[1], e[2]]) as i32;
            }
        }
        for (s, &v) in scores.iter_mut().zip(&sum) {
            *s += v as f32 * self.scale;
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

    /// Starts loading the role records and the context features' table slots of position
    /// `i` (see [`Self::decode`]).
    #[inline]
    fn prefetch_position(&self, infos: &[TokenInfo], i: usize, sent: u64) {
        if infos[i].sure != NO_TAG {
            return;
        }
        for (role, off) in ROLE_OFFSET.iter().enumerate() {
            let j = i as isize + off;
            if j >= 0
                && let Some(w) = infos.get(j as usize)
                && w.record != NO_RECORD
            {
                self.prefetch(self.recs_at + w.record as usize * REC + REC_HEAD + role * ROLE_REC);
            }
        }
        let mut feats = [0u64; MAX_FEATURES];
        let k = context_features(infos, i, sent, &mut feats, 0);
        for f in &feats[..k] {
            self.prefetch(self.feats_at + home(*f | 1, self.feats_mask) * FEAT_REC);
        }
    }

    /// Greedy decoding. `allowed[i]` restricts position i to a tag set (0 = any).
    pub fn decode(&self, infos: &[TokenInfo], allowed: &[u64], out: &mut Vec<Tag>) {
        self.decode_with_margins(infos, allowed, out, None);
    }

    /// [`Model::decode`], also giving for each position how far the chosen tag's score is
    /// above the next best's (`f32::INFINITY` where nothing was scored).
    pub fn decode_with_margins(
        &self,
        infos: &[TokenInfo],
        allowed: &[u64],
        out: &mut Vec<Tag>,
        mut margins: Option<&mut Vec<f32>>,
    ) {
        out.clear();
        if let Some(m) = margins.as_deref_mut() {
            m.clear();
        }
        let mut feats = [0u64; MAX_FEATURES];
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        let sent = sentence_class(infos);
        for (i, info) in infos.iter().enumerate() {
            // What the next position reads that does not hang on this position's tag: its
            // words' records and its context features. Started now, those reads overlap with
            // this position's work.
            if i + 1 < infos.len() {
                self.prefetch_position(infos, i + 1, sent);
            }
            let mask = allowed.get(i).copied().unwrap_or(0);
            let mut margin = f32::INFINITY;
            let tag = if mask != 0 && mask.is_power_of_two() {
                mask.trailing_zeros() as u8
            } else if mask == 0 && info.sure != NO_TAG {
                info.sure
            } else {
                let mut scores = [0f32; N_TAGS];
                let mut k = 0;
                for (role, off) in ROLE_OFFSET.iter().enumerate() {
                    let j = i as isize + off;
                    if j < 0 || j as usize >= infos.len() {
                        let r = self.n_recs - EDGES.len() + edge_index(j, infos.len());
                        self.add_role(r as u32, role, &mut scores);
                        continue;
                    }
                    let w = &infos[j as usize];
                    if w.record != NO_RECORD {
                        self.add_role(w.record, role, &mut scores);
                    } else {
                        k = role_features(role, w, &mut feats, k);
                    }
                }
                k = context_features(infos, i, sent, &mut feats, k);
                k = word_tag_features(infos, i, p1, &mut feats, k);
                self.add_features(&feats[..k], &mut scores);
                self.add_transition(p1, p2, &mut scores);
                if margins.is_some() {
                    let (tag, m) = best_with_margin(&scores, mask);
                    margin = m;
                    tag as u8
                } else {
                    best(&scores, mask) as u8
                }
            };
            if let Some(m) = margins.as_deref_mut() {
                m.push(margin);
            }
            out.push(Tag::ALL[tag as usize]);
            p2 = p1;
            p1 = tag;
        }
    }

    /// The model's bytes, as written to a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// Loads a model from a file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::from_bytes_cow(Cow::Owned(bytes.to_vec()))
    }

    /// Loads a model from bytes it takes over, without copying them.
    pub fn from_vec(bytes: Vec<u8>) -> Result<Model, ModelError> {
        Model::from_bytes_cow(Cow::Owned(bytes))
    }

    /// Checks the header and that the sections fill the buffer exactly; lookups keep their
    /// reads inside the sections, so the tables need no scan.
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
        need(pos + 36)?;
        let h: Vec<usize> = (0..7).map(|k| rd_u32(b, pos + 4 * k) as usize).collect();
        let (words_cap, n_words, index_cap, n_recs, feats_cap, n_feats, n_entries) =
            (h[0], h[1], h[2], h[3], h[4], h[5], h[6]);
        let scale = f32::from_le_bytes([b[pos + 28], b[pos + 29], b[pos + 30], b[pos + 31]]);
        let trans_scale = f32::from_le_bytes([b[pos + 32], b[pos + 33], b[pos + 34], b[pos + 35]]);
        pos += 36;
        for (cap, n) in [
            (words_cap, n_words),
            (index_cap, n_recs),
            (feats_cap, n_feats),
        ] {
            if !cap.is_power_of_two() || n >= cap {
                return Err(err("bad table size"));
            }
        }
        if n_recs < EDGES.len() {
            return Err(err("missing edge records"));
        }
        if !scale.is_finite() || !trans_scale.is_finite() {
            return Err(err("bad weight scale"));
        }
        let mut section = |len: usize| -> Result<usize, ModelError> {
            let at = pos;
            pos = pos.checked_add(len).ok_or_else(|| err("truncated"))?;
            Ok(at)
        };
        let words_at = section(words_cap * WORD_REC)?;
        let index_at = section(index_cap * INDEX_REC)?;
        let recs_at = section(n_recs * REC)?;
        let trans_at = section(TRANS_BYTES)?;
        let feats_at = section(feats_cap * FEAT_REC)?;
        let entries_at = section(n_entries * ENTRY_REC)?;
        if pos != b.len() {
            return Err(err("wrong length"));
        }
        Ok(Model {
            bytes,
            words_at,
            words_mask: words_cap - 1,
            n_words,
            index_at,
            index_mask: index_cap - 1,
            recs_at,
            n_recs,
            trans_at,
            trans_scale,
            feats_at,
            feats_mask: feats_cap - 1,
            n_feats,
            entries_at,
            n_entries,
            scale,
        })
    }
}

/// Adds the weights of `feats` into `sum`.
fn sum_weights(feats: &[u64], weights: &KeyMap<&[(u8, f32)]>, sum: &mut [f32]) {
    for f in feats {
        for &(t, w) in weights.get(f).copied().unwrap_or(&[]) {
            if let Some(s) = sum.get_mut(t as usize) {
                *s += w;
            }
        }
    }
}

/// Summed weights of the features of `info` in each role, each role quantised to i8 with its
/// own scale.
fn role_scores(info: &TokenInfo, weights: &KeyMap<&[(u8, f32)]>) -> Vec<u8> {
    let mut out = Vec::with_capacity(N_ROLES * ROLE_REC);
    let mut feats = [0u64; MAX_FEATURES];
    for role in 0..N_ROLES {
        let k = role_features(role, info, &mut feats, 0);
        let mut sum = [0f32; N_TAGS];
        sum_weights(&feats[..k], weights, &mut sum);
        let max = sum.iter().fold(0f32, |m, s| m.max(s.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend(
            sum.iter()
                .map(|s| (s / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
    }
    out
}

/// Places `keys` in an open-addressing table of `cap` slots (linear probing from each key's
/// home slot); returns each key's slot, in order.
fn place(keys: &[u64], cap: usize) -> Vec<usize> {
    let mut used = vec![false; cap];
    keys.iter()
        .map(|&k| {
            let mut idx = home(k, cap - 1);
            while used[idx] {
                idx = (idx + 1) & (cap - 1);
            }
            used[idx] = true;
            idx
        })
        .collect()
}

/// The byte layout of a model (see [`Model`]); deterministic for the same input.
fn build_bytes(words: &KeyMap<WordEntry>, weights: &SparseWeights, forms: &[&str]) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    for t in Tag::ALL {
        let name = t.as_str().as_bytes();
        b.push(name.len() as u8);
        b.extend_from_slice(name);
    }
    let words_table = word_table(words);
    let weight_map: KeyMap<&[(u8, f32)]> = weights.iter().map(|(k, e)| (*k, &e[..])).collect();
    let (index_table, recs) = form_records(words, &weight_map, forms);
    let (trans, trans_scale) = transitions(&weight_map);
    let features = feature_table(weights);
    for v in [
        words_table.capacity,
        words_table.len,
        index_table.capacity,
        index_table.len + EDGES.len(),
        features.table.capacity,
        features.table.len,
        features.count as usize,
    ] {
        b.extend_from_slice(&(v as u32).to_le_bytes());
    }
    b.extend_from_slice(&features.scale.to_le_bytes());
    b.extend_from_slice(&trans_scale.to_le_bytes());
    b.extend_from_slice(&words_table.bytes);
    b.extend_from_slice(&index_table.bytes);
    b.extend_from_slice(&recs);
    for v in &trans {
        let q = (v / trans_scale).round().clamp(-32767.0, 32767.0) as i16;
        b.extend_from_slice(&q.to_le_bytes());
    }
    b.extend_from_slice(&features.table.bytes);
    b.extend_from_slice(&features.entries);
    b
}

/// A hash table of the model file: its bytes, its number of slots, and the entries in it.
struct Table {
    bytes: Vec<u8>,
    capacity: usize,
    len: usize,
}

/// The word lexicon: each word's tags, morphology, cluster and sure tag, by key.
fn word_table(words: &KeyMap<WordEntry>) -> Table {
    let mut ws: Vec<(u64, WordEntry)> = words.iter().map(|(k, w)| (*k | 1, *w)).collect();
    ws.sort_by_key(|(k, _)| *k);
    let words_cap = capacity(ws.len());
    let mut words_table = vec![0u8; words_cap * WORD_REC];
    let keys: Vec<u64> = ws.iter().map(|(k, _)| *k).collect();
    for ((key, w), idx) in ws.iter().zip(place(&keys, words_cap)) {
        let at = idx * WORD_REC;
        words_table[at..at + 8].copy_from_slice(&key.to_le_bytes());
        words_table[at + 8..at + 16].copy_from_slice(&w.tags.to_le_bytes());
        words_table[at + 16..at + 24].copy_from_slice(&w.morph.to_le_bytes());
        words_table[at + 24..at + 28].copy_from_slice(&w.cluster.to_le_bytes());
        words_table[at + 28] = w.sure.map_or(NO_TAG, |t| t as u8);
    }
    Table {
        bytes: words_table,
        capacity: words_cap,
        len: ws.len(),
    }
}

/// Word records, one per distinct exact form (then one per sentence edge), with the index
/// from a form's key to its record.
fn form_records(
    words: &KeyMap<WordEntry>,
    weight_map: &KeyMap<&[(u8, f32)]>,
    forms: &[&str],
) -> (Table, Vec<u8>) {
    let mut exact: Vec<(u64, &str)> = forms.iter().map(|f| (exact_key(f) | 1, *f)).collect();
    exact.sort();
    exact.dedup_by_key(|(k, _)| *k);
    let index_cap = capacity(exact.len());
    let mut index_table = vec![0u8; index_cap * INDEX_REC];
    let keys: Vec<u64> = exact.iter().map(|(k, _)| *k).collect();
    let mut recs = Vec::with_capacity((exact.len() + EDGES.len()) * REC);
    let mut buf = Vec::new();
    let lookup = |k: u64| words.get(&k).map_or_else(WordClass::default, |w| w.class());
    for (r, ((key, form), idx)) in exact.iter().zip(place(&keys, index_cap)).enumerate() {
        let at = idx * INDEX_REC;
        index_table[at..at + 8].copy_from_slice(&key.to_le_bytes());
        index_table[at + 8..at + 12].copy_from_slice(&(r as u32).to_le_bytes());
        let info = TokenInfo::new(form, &mut buf, lookup);
        let sure = words
            .get(&info.key)
            .and_then(|w| w.sure)
            .map_or(NO_TAG, |t| t as u8);
        for v in [
            info.key,
            info.suffix[2],
            info.shape,
            info.ambiguity,
            info.morph,
            info.traits,
        ] {
            recs.extend_from_slice(&v.to_le_bytes());
        }
        recs.extend_from_slice(&info.cluster.to_le_bytes());
        recs.extend_from_slice(&[sure, info.case, 0, 0]);
        recs.extend_from_slice(&role_scores(&info, weight_map));
    }
    for edge in &EDGES {
        recs.extend_from_slice(&[0; REC_HEAD]);
        recs.extend_from_slice(&role_scores(edge, weight_map));
    }
    let index = Table {
        bytes: index_table,
        capacity: index_cap,
        len: exact.len(),
    };
    (index, recs)
}

/// The transition table: the scores of each tag after each pair of previous tags, and the
/// scale that makes its largest score fit an `i16`.
fn transitions(weight_map: &KeyMap<&[(u8, f32)]>) -> (Vec<f32>, f32) {
    let mut trans = vec![0f32; N_PREV * N_PREV * N_TAGS];
    let mut feats = [0u64; MAX_FEATURES];
    let tag_of = |p: usize| if p == N_TAGS { NO_TAG } else { p as u8 };
    for p2 in 0..N_PREV {
        for p1 in 0..N_PREV {
            let k = transition_features(tag_of(p1), tag_of(p2), &mut feats, 0);
            let row = &mut trans[(p2 * N_PREV + p1) * N_TAGS..][..N_TAGS];
            sum_weights(&feats[..k], weight_map, row);
        }
    }
    let max = trans.iter().fold(0f32, |m, s| m.max(s.abs()));
    let trans_scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    (trans, trans_scale)
}

/// The sparse features: their table, their (tag, i16 weight) entries, the number of entries,
/// and the one scale of the weights.
struct FeatureTable {
    table: Table,
    entries: Vec<u8>,
    count: u32,
    scale: f32,
}

/// The sparse features, i16 weights with one scale.
fn feature_table(weights: &SparseWeights) -> FeatureTable {
    let mut fs: Vec<(u64, &Vec<(u8, f32)>)> = weights.iter().map(|(k, e)| (*k, e)).collect();
    fs.sort_by_key(|(k, _)| *k);
    let max = fs
        .iter()
        .flat_map(|(_, e)| e.iter())
        .fold(0f32, |m, (_, w)| m.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    // Kept at most a third full: many lookups are of features the model lacks, and a miss
    // probes until it meets an empty slot.
    let feats_cap = capacity(fs.len() * 2);
    let mut feats_table = vec![0u8; feats_cap * FEAT_REC];
    let mut entries_out = Vec::new();
    let mut count = 0u32;
    let keys: Vec<u64> = fs.iter().map(|(k, _)| *k | 1).collect();
    for ((key, entries), idx) in fs.iter().zip(place(&keys, feats_cap)) {
        let at = idx * FEAT_REC;
        feats_table[at..at + 4].copy_from_slice(&fingerprint(*key).to_le_bytes());
        feats_table[at + 4..at + 8].copy_from_slice(&count.to_le_bytes());
        feats_table[at + 8..at + 12].copy_from_slice(&(entries.len() as u32).to_le_bytes());
        for (t, w) in entries.iter() {
            entries_out.push(*t);
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            entries_out.extend_from_slice(&q.to_le_bytes());
            count += 1;
        }
    }
    FeatureTable {
        table: Table {
            bytes: feats_table,
            capacity: feats_cap,
            len: fs.len(),
        },
        entries: entries_out,
        count,
        scale,
    }
}

/// The best-scoring tag, among `mask` when it is not 0. Ties go to the lower tag number.
/// [`best`], and how far its score is above the next best allowed one.
pub fn best_with_margin(scores: &[f32; N_TAGS], mask: u64) -> (Tag, f32) {
    let (mut best, mut top, mut second) = (0, f32::NEG_INFINITY, f32::NEG_INFINITY);
    for (i, &s) in scores.iter().enumerate() {
        if mask == 0 || mask & (1 << i) != 0 {
            if s > top {
                second = top;
                top = s;
                best = i;
            } else if s > second {
                second = s;
            }
        }
    }
    (Tag::ALL[best], top - second)
}

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
