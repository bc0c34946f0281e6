//! A class n-gram language model of English word order, trained on UD English EWT.
//!
//! Each token becomes a class: frequent function words are their own class ("the", "of", "is",
//! "n't"), every other word is its part-of-speech tag. Trigram counts in both directions give,
//! with Witten–Bell interpolation, how likely each class is after (and before) its neighbours.
//! Detectors use it to find orders English does not produce and the swap that repairs them.

use crate::tag::Tag;
use crate::tag::train::TaggedSentence;
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

const MAGIC: &[u8; 8] = b"MTLLM001";
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

/// Trigram counts of one direction, with what interpolation needs.
#[derive(Debug, Default)]
struct Counts {
    uni: Vec<u32>,
    bi: IntMap<u32, u32>,
    tri: IntMap<u64, u32>,
    /// For a context b, indexed by class: (tokens after b, distinct classes after b); (0, 0)
    /// for a class never seen as a context.
    bi_ctx: Vec<(u32, u32)>,
    /// The unigram probability of each class (add-one), computed once.
    p_uni: Vec<f64>,
    /// For a context ab: (tokens after ab, distinct classes after ab).
    tri_ctx: IntMap<u32, (u32, u32)>,
    total: u32,
}

fn key2(a: u16, b: u16) -> u32 {
    (a as u32) << 16 | b as u32
}

fn key3(a: u16, b: u16, c: u16) -> u64 {
    (a as u64) << 32 | (b as u64) << 16 | c as u64
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

    fn finish(&mut self) {
        self.bi_ctx = vec![(0, 0); self.uni.len()];
        self.tri_ctx.clear();
        for (&k, &n) in &self.bi {
            // Classes beyond the vocabulary only come from a damaged file: skipped.
            if let Some(e) = self.bi_ctx.get_mut((k >> 16) as usize) {
                e.0 += n;
                e.1 += 1;
            }
        }
        let v = self.uni.len() as f64;
        self.p_uni = self
            .uni
            .iter()
            .map(|&u| (u as f64 + 1.0) / (self.total as f64 + v))
            .collect();
        for (&k, &n) in &self.tri {
            let e = self.tri_ctx.entry((k >> 16) as u32).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }

    /// ln P(c | a b).
    fn log_prob(&self, a: u16, b: u16, c: u16) -> f32 {
        let p1 = match self.p_uni.get(c as usize) {
            Some(&p) => p,
            None => 1.0 / (self.total as f64 + self.uni.len() as f64),
        };
        let p2 = match self.bi_ctx.get(b as usize) {
            Some(&(n, t)) if n > 0 => {
                let cbc = self.bi.get(&key2(b, c)).copied().unwrap_or(0) as f64;
                (cbc + t as f64 * p1) / (n as f64 + t as f64)
            }
            _ => p1,
        };
        let p3 = match self.tri_ctx.get(&key2(a, b)) {
            Some(&(n, t)) => {
                let cabc = self.tri.get(&key3(a, b, c)).copied().unwrap_or(0) as f64;
                (cabc + t as f64 * p2) / (n as f64 + t as f64)
            }
            None => p2,
        };
        p3.ln() as f32
    }
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
    forward: Counts,
    backward: Counts,
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
        for s in sentences {
            let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let mut seq = lm.sequence(&ws, &s.tags);
            lm.forward.add(&seq, lm.n_classes);
            seq.reverse();
            lm.backward.add(&seq, lm.n_classes);
        }
        lm.forward.finish();
        lm.backward.finish();
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

    /// The forward and backward log-probabilities of every position of `seq`, computed once so
    /// that scoring every swap of a sentence reuses them.
    pub fn position_log_probs(&self, seq: &[u16]) -> PositionLogProbs {
        let n = seq.len();
        let mut forward = vec![0.0; n];
        let mut backward = vec![0.0; n];
        for k in 2..n {
            forward[k] = self.forward.log_prob(seq[k - 2], seq[k - 1], seq[k]);
        }
        for k in 0..n.saturating_sub(2) {
            backward[k] = self.backward.log_prob(seq[k + 2], seq[k + 1], seq[k]);
        }
        PositionLogProbs { forward, backward }
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
            bi += !self.forward.bi.contains_key(&key2(b, c)) as usize;
            tri += !self.forward.tri.contains_key(&key3(a, b, c)) as usize;
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
        for counts in [&self.forward, &self.backward] {
            let mut tri: Vec<(&u64, &u32)> = counts.tri.iter().collect();
            tri.sort();
            b.extend_from_slice(&(tri.len() as u32).to_le_bytes());
            for (k, n) in tri {
                b.extend_from_slice(&k.to_le_bytes()[..6]);
                b.extend_from_slice(&n.to_le_bytes());
            }
        }
        b
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ClassLm, String> {
        let mut pos = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = bytes
                .get(pos..pos + n)
                .ok_or_else(|| "language model: truncated".to_string())?;
            pos += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err("language model: bad header".into());
        }
        let n_words = u32::from_le_bytes(take(4)?.try_into().map_err(|_| "truncated")?) as usize;
        let mut words = HashMap::with_capacity(n_words);
        for i in 0..n_words {
            let len = take(1)?[0] as usize;
            let w = std::str::from_utf8(take(len)?).map_err(|_| "language model: bad word")?;
            words.insert(w.to_string(), (i + 1) as u16);
        }
        // Tags are stored by name so a reordered tag set is caught.
        let mut remap = Vec::with_capacity(Tag::ALL.len());
        for _ in 0..Tag::ALL.len() {
            let len = take(1)?[0] as usize;
            let name = std::str::from_utf8(take(len)?).map_err(|_| "language model: bad tag")?;
            let tag =
                Tag::parse(name).ok_or_else(|| format!("language model: unknown tag {name}"))?;
            remap.push(Self::tag_class(n_words, tag));
        }
        let fix = |c: u16| -> u16 {
            let first_tag = (1 + n_words) as u16;
            if c >= first_tag {
                remap.get((c - first_tag) as usize).copied().unwrap_or(c)
            } else {
                c
            }
        };
        let n_classes = 1 + n_words + Tag::ALL.len();
        // The two directions' records, each counted up on its own thread: building the
        // hash maps is most of the load time, and start-up matters for short texts.
        let mut sections = Vec::with_capacity(2);
        for _ in 0..2 {
            let n = u32::from_le_bytes(take(4)?.try_into().map_err(|_| "truncated")?) as usize;
            sections.push((n, take(n * 10)?));
        }
        let build = |(n, records): (usize, &[u8])| {
            let mut c = Counts {
                uni: vec![0; n_classes],
                ..Counts::default()
            };
            c.tri.reserve(n);
            c.bi.reserve(n / 4);
            for r in records.chunks_exact(10) {
                let (a, b2, cc) = (
                    fix(u16::from_le_bytes([r[4], r[5]])),
                    fix(u16::from_le_bytes([r[2], r[3]])),
                    fix(u16::from_le_bytes([r[0], r[1]])),
                );
                let count = u32::from_le_bytes([r[6], r[7], r[8], r[9]]);
                c.tri.insert(key3(a, b2, cc), count);
                *c.bi.entry(key2(b2, cc)).or_default() += count;
                if let Some(u) = c.uni.get_mut(cc as usize) {
                    *u += count;
                }
                c.total += count;
            }
            c.finish();
            c
        };
        let (fwd, bwd) = (sections[0], sections[1]);
        let (forward, backward) = rayon::join(|| build(fwd), || build(bwd));
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
