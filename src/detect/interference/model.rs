//! The learned interference model: for every word of a sentence, three probabilities: that
//! the word stands where English would not put it (a verb left at the clause's end, a verb
//! before its subject, a particle or adverbial out of place: "moved"), that a moved word
//! belongs just before it ("origin"), and that a word is missing just before it (a dropped
//! subject, "it", "there" or verb: "gap"). [`decide`] turns them into the sentence's decision.
//!
//! Each is a logistic model over hashed features of the word and a window around it: words,
//! Brown clusters and the tags the tagger may give a word, the tagger's tags and their n-grams,
//! the chunks around it, and a few measurements of the clause read left to right and right to
//! left (is a clause opened by "that", "because", "which" … still without its verb; how many
//! nouns since; how many finite verbs before and after; is this the last word before the full
//! stop). The weights are learnt by [`super::train`] from interference errors generated from
//! the English Web Treebank ([`crate::synth`]) and from clean English.
//!
//! The model file holds `2^bits` slots of one `i8` weight per output, with one `f32` scale,
//! the thresholds and the two numbers of its confidence; the embedded model is read in
//! place.

use crate::chunk::{Chunk, ChunkKind};
use crate::detect::lower_case;
use crate::detect::words::{SUBORDINATORS, WH_WORDS};
use crate::tag::Tag;
use crate::tag::Tagger;
use crate::tag::features::{canonical_chars, hash_chars, mix, word_key};
use std::borrow::Cow;

const MAGIC: &[u8; 8] = b"MTLIF003";
/// The outputs: a word out of place, a word missing before this one, and the place a word
/// out of place came from (the word it belongs before).
pub const OUTPUTS: usize = 3;
pub const MOVED: usize = 0;
pub const GAP: usize = 1;
pub const ORIGIN: usize = 2;

/// What the model decides for a sentence from its words' log-odds: a word is out of place
/// when the most doubtful word and the likeliest place for it score high together
/// (`moved + origin`), a word is missing when one gap scores high.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The word most likely out of place, the word it most likely belongs before, and how far
    /// their joint score is above the threshold.
    pub moved: (usize, usize, f32),
    /// The likeliest gap and how far its score is above the threshold.
    pub gap: (usize, f32),
}

impl Decision {
    /// The larger of the two excesses.
    pub fn worst(&self) -> f32 {
        self.moved.2.max(self.gap.1)
    }
}

/// How far a word out of place may have travelled from its place.
pub const REACH: usize = 16;

/// The decision for a sentence's scores under `thresholds` (see [`Decision`]).
pub fn decide(scores: &[[f32; OUTPUTS]], thresholds: &[f32; OUTPUTS]) -> Decision {
    let argmax = |o: usize| {
        scores
            .iter()
            .enumerate()
            .map(|(i, z)| (i, z[o]))
            .fold((0, f32::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a })
    };
    // The best pair of a word and another place for it: not its own place (before itself or
    // the word after it), and within reach. For each word, the places in descending order
    // of score are read until one qualifies (the first or second, but for long sentences).
    let mut places: Vec<usize> = (0..scores.len()).collect();
    places.sort_by(|&a, &b| {
        scores[b][ORIGIN]
            .total_cmp(&scores[a][ORIGIN])
            .then(a.cmp(&b))
    });
    let mut moved = (0, 0, f32::NEG_INFINITY);
    for (i, zi) in scores.iter().enumerate() {
        let place = places
            .iter()
            .find(|&&j| j != i && j != i + 1 && j.abs_diff(i) <= REACH);
        if let Some(&j) = place {
            let z = zi[MOVED] + scores[j][ORIGIN];
            if z > moved.2 {
                moved = (i, j, z);
            }
        }
    }
    let (g, zg) = argmax(GAP);
    Decision {
        moved: (moved.0, moved.1, moved.2 - thresholds[MOVED]),
        gap: (g, zg - thresholds[GAP]),
    }
}

/// Sentence-edge value in features.
const EDGE: u64 = 0x00ed_6e5e_ed0f;

/// What the features need of one token, computed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenKeys {
    word: u64,
    tag: u64,
    cluster_short: u64,
    cluster_long: u64,
    possible: u64,
    suffix: u64,
}

/// Which words open a clause whose verb an interference error leaves at the end.
fn is_opener(lower: &str, tag: Tag) -> bool {
    (lower == "that" && tag != Tag::DT)
        || SUBORDINATORS.contains(&lower)
        || WH_WORDS.contains(&lower)
        || tag == Tag::WDT
}

fn is_nominal(t: Tag) -> bool {
    t.is_noun() || matches!(t, Tag::PRP | Tag::CD)
}

/// The keys of each token of a sentence (`lower` are the lower-case words).
pub fn token_keys(words: &[&str], tags: &[Tag], tagger: &Tagger) -> Vec<TokenKeys> {
    let mut buf = Vec::with_capacity(32);
    words
        .iter()
        .zip(tags)
        .map(|(w, &t)| {
            // `word_key`, with one buffer for the whole sentence.
            canonical_chars(w, &mut buf);
            let key = hash_chars(&buf);
            let entry = tagger.model().word(key).unwrap_or_default();
            let known = entry.tags != 0 || entry.morph != 0;
            // The last three letters, lower case, hashed as they come (last first).
            let suffix = w
                .chars()
                .rev()
                .take(3)
                .flat_map(char::to_lowercase)
                .fold(0x5ff1u64, |h, c| mix(h, c as u64));
            TokenKeys {
                word: if known { key } else { 0x0 },
                tag: t.index() as u64 + 1,
                cluster_short: (entry.cluster & 0x3f) as u64 | 0x100,
                cluster_long: (entry.cluster & 0xfff) as u64 | 0x10000,
                possible: entry.tags | entry.morph,
                suffix,
            }
        })
        .collect()
}

/// The clause measurements at each token (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
struct State {
    /// A clause opener since which no verb came (0 none, else a hash of the opener).
    open: u64,
    nouns_since_open: u64,
    finite_before: u64,
    finite_after: u64,
    /// The first finite verb of the sentence, with the tag of the first word and the nouns
    /// before it (0 for any other token).
    first_finite: u64,
    last_word: bool,
    comma_since_open: bool,
}

fn states<S: AsRef<str>>(lower: &[S], tags: &[Tag]) -> Vec<State> {
    let n = tags.len();
    let mut out = vec![State::default(); n];
    let (mut open, mut nouns, mut comma) = (0u64, 0u64, false);
    let mut finite = 0u64;
    let mut nouns_total = 0u64;
    for i in 0..n {
        let t = tags[i];
        let s = &mut out[i];
        s.open = open;
        s.nouns_since_open = nouns.min(3);
        s.comma_since_open = comma;
        s.finite_before = finite.min(2);
        if t.is_finite_verb() && finite == 0 {
            s.first_finite = mix(mix(tags[0].index() as u64 + 1, nouns_total.min(3)), 7);
        }
        if is_opener(lower[i].as_ref(), t) {
            open = mix(0x0be4, word_key(lower[i].as_ref()));
            nouns = 0;
            comma = false;
        } else if t.is_verb() {
            open = 0;
        } else if is_nominal(t) {
            nouns += 1;
        } else if t == Tag::Comma {
            comma = true;
        }
        if t.is_finite_verb() {
            finite += 1;
        }
        if is_nominal(t) {
            nouns_total += 1;
        }
    }
    let mut after = 0u64;
    let mut last = true;
    for i in (0..n).rev() {
        out[i].finite_after = after.min(2);
        out[i].last_word = last;
        if tags[i].is_finite_verb() {
            after += 1;
        }
        if !tags[i].is_punct() {
            last = false;
        }
    }
    out
}

/// The chunks around each token: (its own chunk's kind and edges, the kinds of the three
/// chunks before it, of the two after it, of those since an open clause opener).
fn chunk_context<S: AsRef<str>>(lower: &[S], tags: &[Tag], chunks: &[Chunk]) -> Vec<[u64; 4]> {
    let n = tags.len();
    let code = |k: ChunkKind| match k {
        ChunkKind::NP => 1u64,
        ChunkKind::VG => 2,
        ChunkKind::PP => 3,
    };
    let mut own = vec![0u64; n];
    for c in chunks {
        for (i, o) in own.iter_mut().enumerate().take(c.end.min(n)).skip(c.start) {
            *o = code(c.kind) * 4 + (i == c.start) as u64 + 2 * (i + 1 == c.end) as u64;
        }
    }
    let mut out = Vec::with_capacity(n);
    let mut opener: Option<usize> = None;
    // Chunks ending at or before the word, and the first starting after it, as indices.
    let (mut ended, mut after) = (0, 0);
    for i in 0..n {
        while ended < chunks.len() && chunks[ended].end <= i {
            ended += 1;
        }
        while after < chunks.len() && chunks[after].start <= i {
            after += 1;
        }
        let before = &chunks[..ended];
        let left = before
            .iter()
            .rev()
            .take(3)
            .fold(0x1eu64, |h, c| mix(h, code(c.kind)));
        let right = chunks[after..]
            .iter()
            .take(2)
            .fold(0x21u64, |h, c| mix(h, code(c.kind)));
        let open = match opener {
            Some(o) => before
                .iter()
                .filter(|c| c.start > o)
                .take(4)
                .fold(0x3au64, |h, c| mix(h, code(c.kind))),
            None => 0,
        };
        out.push([own[i], left, right, open]);
        if is_opener(lower[i].as_ref(), tags[i]) {
            opener = Some(i);
        } else if tags[i].is_verb() {
            opener = None;
        }
    }
    out
}

/// The features of every token: `feats[starts[i]..starts[i + 1]]` are token `i`'s hashes.
pub fn features<S: AsRef<str>>(
    lower: &[S],
    tags: &[Tag],
    chunks: &[Chunk],
    keys: &[TokenKeys],
    feats: &mut Vec<u64>,
    starts: &mut Vec<usize>,
) {
    feats.clear();
    starts.clear();
    let n = tags.len();
    let st = states(lower, tags);
    let cx = chunk_context(lower, tags, chunks);
    let edge = TokenKeys {
        word: EDGE,
        tag: EDGE,
        cluster_short: EDGE,
        cluster_long: EDGE,
        possible: EDGE,
        suffix: EDGE,
    };
    let k = |i: isize| -> TokenKeys {
        if i < 0 || i as usize >= n {
            edge
        } else {
            keys[i as usize]
        }
    };
    for i in 0..n {
        starts.push(feats.len());
        let ii = i as isize;
        let (p2, p1, c, n1, n2) = (k(ii - 2), k(ii - 1), k(ii), k(ii + 1), k(ii + 2));
        let s = st[i];
        let pos = (i as u64).min(3);
        let h = |id: u64, vals: &[u64]| vals.iter().fold(id, |a, &v| mix(a, v));
        feats.extend_from_slice(&[
            1,
            h(2, &[c.tag]),
            h(3, &[c.word]),
            h(4, &[p1.tag, c.tag]),
            h(5, &[c.tag, n1.tag]),
            h(6, &[p1.tag, c.tag, n1.tag]),
            h(7, &[p2.tag, p1.tag, c.tag]),
            h(8, &[c.tag, n1.tag, n2.tag]),
            h(9, &[c.word, p1.tag]),
            h(10, &[c.word, n1.tag]),
            h(11, &[p1.word, c.tag]),
            h(12, &[n1.word, c.tag]),
            h(13, &[c.tag, c.cluster_short]),
            h(14, &[c.cluster_long, p1.tag, n1.tag]),
            h(15, &[c.possible, p1.tag, n1.tag]),
            h(
                16,
                &[
                    c.tag,
                    (s.open != 0) as u64,
                    s.nouns_since_open,
                    s.comma_since_open as u64,
                ],
            ),
            h(17, &[c.tag, s.finite_before, s.finite_after]),
            h(
                18,
                &[
                    c.tag,
                    s.last_word as u64,
                    (s.open != 0) as u64,
                    s.nouns_since_open,
                ],
            ),
            h(19, &[c.possible, s.last_word as u64, (s.open != 0) as u64]),
            h(20, &[c.word, s.open]),
            h(21, &[c.tag, s.first_finite]),
            h(22, &[pos, c.tag, n1.tag]),
            h(23, &[c.suffix, p1.tag]),
            h(24, &[p1.word, c.word]),
            h(25, &[c.word, n1.word]),
            h(
                26,
                &[
                    c.tag,
                    s.finite_before + 3 * s.finite_after,
                    s.last_word as u64,
                ],
            ),
            h(27, &[p1.cluster_short, c.tag, n1.cluster_short]),
            h(28, &[c.possible, s.first_finite]),
            h(35, &[c.tag, cx[i][0], cx[i][1]]),
            h(36, &[c.tag, cx[i][0], cx[i][2]]),
            h(37, &[c.possible, cx[i][3], s.last_word as u64]),
            h(38, &[c.tag, cx[i][1], cx[i][2]]),
            h(39, &[c.tag, cx[i][3]]),
        ]);
    }
    starts.push(feats.len());
}

/// What a model file's head says, and where its weights start.
struct Header {
    bits: u32,
    scale: f32,
    thresholds: [f32; OUTPUTS],
    platt: [f32; 2],
    head: usize,
}

impl Header {
    fn model(&self, weights: Cow<'static, [u8]>) -> InterferenceModel {
        InterferenceModel {
            bits: self.bits,
            weights,
            scale: self.scale,
            thresholds: self.thresholds,
            platt: self.platt,
        }
    }
}

/// The trained model: `2^bits` slots of [`OUTPUTS`] weights.
#[derive(Debug, Clone)]
pub struct InterferenceModel {
    bits: u32,
    weights: Cow<'static, [u8]>,
    scale: f32,
    /// Per output, the log-odds above which a word is reported (chosen on clean text when the
    /// model was trained).
    pub thresholds: [f32; OUTPUTS],
    /// The probability that a sentence the model reports has an error, as the logistic
    /// function of `platt[0] * excess + platt[1]` (fitted when the model was trained).
    pub platt: [f32; 2],
}

/// Log-odds per token and output.
pub type Scores = Vec<[f32; OUTPUTS]>;

impl InterferenceModel {
    /// A model from float weights (`2^bits * OUTPUTS`, slot-major), quantised to `i8`.
    pub fn from_weights(bits: u32, w: &[f32], thresholds: [f32; OUTPUTS]) -> InterferenceModel {
        let platt = [1.0, 0.0];
        // One byte a weight: the scale is set by the 99.99th percentile of the magnitudes, so
        // that the rare largest weights saturate rather than coarsen all others.
        let mut mags: Vec<f32> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
        mags.sort_by(f32::total_cmp);
        let top = mags
            .get(mags.len().saturating_sub(1 + mags.len() / 10_000))
            .copied()
            .unwrap_or(0.0);
        let scale = if top > 0.0 { top / 127.0 } else { 1.0 };
        let bytes: Vec<u8> = w
            .iter()
            .map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8)
            .collect();
        InterferenceModel {
            bits,
            weights: Cow::Owned(bytes),
            scale,
            thresholds,
            platt,
        }
    }

    /// The probability of an error in a sentence decided `excess` above the threshold.
    pub fn probability(&self, excess: f32) -> f64 {
        1.0 / (1.0 + (-(self.platt[0] * excess + self.platt[1]) as f64).exp())
    }

    pub fn mask(&self) -> u64 {
        (1u64 << self.bits) - 1
    }

    fn weight(&self, slot: usize, out: usize) -> f32 {
        let at = slot * OUTPUTS + out;
        self.weights.get(at).map_or(0.0, |&b| b as i8 as f32)
    }

    /// The log-odds of each output at each token of a sentence: its words, their tags and the
    /// chunks the pipeline found.
    pub fn score(&self, words: &[&str], tags: &[Tag], chunks: &[Chunk], tagger: &Tagger) -> Scores {
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower_case(w)).collect();
        self.score_lower(words, &lower, tags, chunks, tagger)
    }

    /// [`Self::score`] with the lower-case words already at hand (a [`SentenceView`]'s).
    ///
    /// [`SentenceView`]: crate::detect::SentenceView
    pub fn score_lower<S: AsRef<str>>(
        &self,
        words: &[&str],
        lower: &[S],
        tags: &[Tag],
        chunks: &[Chunk],
        tagger: &Tagger,
    ) -> Scores {
        let keys = token_keys(words, tags, tagger);
        let (mut feats, mut starts) = (Vec::new(), Vec::new());
        features(lower, tags, chunks, &keys, &mut feats, &mut starts);
        let mask = self.mask();
        (0..tags.len())
            .map(|i| {
                let mut z = [0.0f32; OUTPUTS];
                for &f in &feats[starts[i]..starts[i + 1]] {
                    let slot = (f & mask) as usize;
                    for (o, zo) in z.iter_mut().enumerate() {
                        *zo += self.weight(slot, o);
                    }
                }
                z.map(|x| x * self.scale)
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(self.weights.len() + 32);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.bits.to_le_bytes());
        b.extend_from_slice(&self.scale.to_le_bytes());
        for t in self.thresholds.iter().chain(&self.platt) {
            b.extend_from_slice(&t.to_le_bytes());
        }
        b.extend_from_slice(&self.weights);
        b
    }

    fn parse(bytes: &[u8]) -> Result<Header, String> {
        let head = 16 + 4 * (OUTPUTS + 2);
        if bytes.len() < head || &bytes[..8] != MAGIC {
            return Err("interference model: not a model file (bad magic)".into());
        }
        let u32_at = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let bits = u32_at(8);
        if !(8..=26).contains(&bits) {
            return Err(format!("interference model: bad table size 2^{bits}"));
        }
        let scale = f32::from_bits(u32_at(12));
        let float = |k: usize| f32::from_bits(u32_at(16 + 4 * k));
        let mut thresholds = [0.0; OUTPUTS];
        for (o, t) in thresholds.iter_mut().enumerate() {
            *t = float(o);
        }
        let platt = [float(OUTPUTS), float(OUTPUTS + 1)];
        let size = (1usize << bits) * OUTPUTS;
        if bytes.len() != head + size {
            return Err(format!(
                "interference model: expected {} bytes of weights, found {}",
                size,
                bytes.len() - head
            ));
        }
        Ok(Header {
            bits,
            scale,
            thresholds,
            platt,
            head,
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<InterferenceModel, String> {
        let h = Self::parse(bytes)?;
        Ok(h.model(Cow::Owned(bytes[h.head..].to_vec())))
    }

    pub fn from_static(bytes: &'static [u8]) -> Result<InterferenceModel, String> {
        let h = Self::parse(bytes)?;
        Ok(h.model(Cow::Borrowed(&bytes[h.head..])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_out_of_place_needs_a_place_to_go() {
        let mut scores = vec![[0.0f32; OUTPUTS]; 6];
        scores[5][MOVED] = 3.0;
        scores[2][ORIGIN] = 2.0;
        scores[1][GAP] = 1.0;
        let d = decide(&scores, &[4.0, 2.0, 0.0]);
        assert_eq!(d.moved, (5, 2, 1.0));
        assert_eq!(d.gap, (1, -1.0));
        assert_eq!(d.worst(), 1.0);
        // Its own place or the next word's is no move.
        let mut scores = vec![[-9.0f32, 0.0, 0.0]; 3];
        scores[1][MOVED] = 3.0;
        scores[1][ORIGIN] = 5.0;
        scores[2][ORIGIN] = 5.0;
        assert_eq!(decide(&scores, &[0.0; OUTPUTS]).moved.1, 0);
    }

    #[test]
    fn bad_model_files_are_errors() {
        assert!(InterferenceModel::from_bytes(b"nonsense").is_err());
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&30u32.to_le_bytes());
        b.extend_from_slice(&[0; 64]);
        assert!(
            InterferenceModel::from_bytes(&b)
                .unwrap_err()
                .contains("table size")
        );
    }

    #[test]
    fn the_embedded_model_loads() {
        assert!(crate::detect::interference::embedded().is_some());
    }
}
