//! The trained tagger model: a word lexicon and sparse feature weights in an open-addressing
//! table, with a compact binary form that is embedded in the binary.

use super::features::{MAX_FEATURES, NO_TAG, TokenInfo, features};
use super::tagset::Tag;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use thiserror::Error;

const MAGIC: &[u8; 8] = b"MTLTAG01";
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordEntry {
    /// Tags seen in the treebank (0: a word the treebank never had).
    pub tags: u64,
    /// Tags the morphological lexicon allows (0: not in it).
    pub morph: u64,
    pub sure: Option<Tag>,
}

impl WordEntry {
    pub fn class_hashes(&self) -> (u64, u64) {
        let h = |m: u64| {
            if m == 0 {
                0
            } else {
                super::features::mix(0xa5a5, m)
            }
        };
        (h(self.tags), h(self.morph))
    }
}

#[derive(Debug, Error)]
pub enum ModelError {
    #[error("tagger model: {0}")]
    Format(String),
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// The model: word lexicon plus weights.
pub struct Model {
    pub words: KeyMap<WordEntry>,
    slots: Vec<Slot>,
    mask: usize,
    entry_tags: Vec<u8>,
    entry_weights: Vec<f32>,
}

/// Feature weights as training produces them: feature key → (tag, weight) pairs.
pub type SparseWeights = Vec<(u64, Vec<(u8, f32)>)>;

impl Model {
    pub fn from_parts(words: KeyMap<WordEntry>, weights: SparseWeights) -> Model {
        let cap = (weights.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); cap];
        let mut entry_tags = Vec::new();
        let mut entry_weights = Vec::new();
        for (key, entries) in weights {
            let start = entry_tags.len() as u32;
            for (t, w) in &entries {
                entry_tags.push(*t);
                entry_weights.push(*w);
            }
            let slot = Slot {
                key: key | 1, // 0 marks an empty slot
                start,
                len: entries.len() as u32,
            };
            let mut idx = (slot.key as usize) & (cap - 1);
            while slots[idx].key != 0 {
                idx = (idx + 1) & (cap - 1);
            }
            slots[idx] = slot;
        }
        Model {
            words,
            slots,
            mask: cap - 1,
            entry_tags,
            entry_weights,
        }
    }

    pub fn feature_count(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    pub fn weight_count(&self) -> usize {
        self.entry_weights.len()
    }

    #[inline]
    fn add_feature(&self, key: u64, scores: &mut [f32; N_TAGS]) {
        let key = key | 1;
        let mut idx = (key as usize) & self.mask;
        loop {
            let slot = &self.slots[idx];
            if slot.key == key {
                let (s, e) = (slot.start as usize, (slot.start + slot.len) as usize);
                for (t, w) in self.entry_tags[s..e].iter().zip(&self.entry_weights[s..e]) {
                    scores[*t as usize] += w;
                }
                return;
            }
            if slot.key == 0 {
                return;
            }
            idx = (idx + 1) & self.mask;
        }
    }

    /// Scores every tag for position `i`.
    pub fn scores(&self, infos: &[TokenInfo], i: usize, p1: u8, p2: u8) -> [f32; N_TAGS] {
        let mut feats = [0u64; MAX_FEATURES];
        let n = features(infos, i, p1, p2, &mut feats);
        let mut scores = [0f32; N_TAGS];
        for &f in &feats[..n] {
            self.add_feature(f, &mut scores);
        }
        scores
    }

    /// The (treebank, morphology) tag-set hashes of a word key, for the features.
    pub fn lookup(&self, key: u64) -> (u64, u64) {
        self.words.get(&key).map_or((0, 0), WordEntry::class_hashes)
    }

    /// Whether the treebank had this word.
    pub fn is_known(&self, key: u64) -> bool {
        self.words.get(&key).is_some_and(|w| w.tags != 0)
    }

    /// Greedy left-to-right decoding. `allowed[i]` restricts position i to a tag set (0 = any).
    pub fn decode(&self, infos: &[TokenInfo], allowed: &[u64], out: &mut Vec<Tag>) {
        out.clear();
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for i in 0..infos.len() {
            let mask = allowed.get(i).copied().unwrap_or(0);
            let tag = if mask != 0 && mask.is_power_of_two() {
                Tag::ALL[mask.trailing_zeros() as usize]
            } else if let Some(sure) = self.words.get(&infos[i].key).and_then(|w| w.sure)
                && mask == 0
            {
                sure
            } else {
                let scores = self.scores(infos, i, p1, p2);
                best(&scores, mask)
            };
            out.push(tag);
            p2 = p1;
            p1 = tag as u8;
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, N_TAGS as u32);
        for t in Tag::ALL {
            let name = t.as_str().as_bytes();
            b.push(name.len() as u8);
            b.extend_from_slice(name);
        }
        let mut words: Vec<(&u64, &WordEntry)> = self.words.iter().collect();
        words.sort_by_key(|(k, _)| **k);
        put_u32(&mut b, words.len() as u32);
        for (k, w) in words {
            b.extend_from_slice(&k.to_le_bytes());
            b.extend_from_slice(&w.tags.to_le_bytes());
            b.extend_from_slice(&w.morph.to_le_bytes());
            b.push(w.sure.map_or(NO_TAG, |t| t as u8));
        }
        let mut slots: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        slots.sort_by_key(|s| s.key);
        put_u32(&mut b, slots.len() as u32);
        for s in slots {
            b.extend_from_slice(&s.key.to_le_bytes());
            b.push(s.len as u8);
            for e in s.start as usize..(s.start + s.len) as usize {
                b.push(self.entry_tags[e]);
                b.extend_from_slice(&self.entry_weights[e].to_le_bytes());
            }
        }
        b
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::Format("not an mtlint tagger model".into()));
        }
        let n_tags = r.u32()? as usize;
        let mut class_to_tag = Vec::with_capacity(n_tags);
        for _ in 0..n_tags {
            let len = r.u8()? as usize;
            let name = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError::Format("tag name is not UTF-8".into()))?;
            let tag = Tag::parse(name)
                .ok_or_else(|| ModelError::Format(format!("unknown tag '{name}'")))?;
            class_to_tag.push(tag as u8);
        }
        let remap = |c: u8| -> Result<u8, ModelError> {
            class_to_tag
                .get(c as usize)
                .copied()
                .ok_or_else(|| ModelError::Format(format!("tag number {c} out of range")))
        };
        let n_words = r.u32()? as usize;
        let mut words = KeyMap::with_capacity_and_hasher(n_words, Default::default());
        for _ in 0..n_words {
            let key = r.u64()?;
            let remap_mask = |mask: u64| -> Result<u64, ModelError> {
                let mut tags = 0u64;
                for c in 0..n_tags.min(64) {
                    if mask & (1 << c) != 0 {
                        tags |= 1 << remap(c as u8)?;
                    }
                }
                Ok(tags)
            };
            let tags = remap_mask(r.u64()?)?;
            let morph = remap_mask(r.u64()?)?;
            let sure = match r.u8()? {
                NO_TAG => None,
                c => Some(Tag::ALL[remap(c)? as usize]),
            };
            words.insert(key, WordEntry { tags, morph, sure });
        }
        let n_feats = r.u32()? as usize;
        let mut weights = Vec::with_capacity(n_feats);
        for _ in 0..n_feats {
            let key = r.u64()?;
            let len = r.u8()? as usize;
            let mut entries = Vec::with_capacity(len);
            for _ in 0..len {
                let t = remap(r.u8()?)?;
                let w = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
                entries.push((t, w));
            }
            weights.push((key, entries));
        }
        if r.pos != bytes.len() {
            return Err(ModelError::Format("trailing bytes".into()));
        }
        Ok(Model::from_parts(words, weights))
    }
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

fn put_u32(b: &mut Vec<u8>, n: u32) {
    b.extend_from_slice(&n.to_le_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| ModelError::Format("truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
}
