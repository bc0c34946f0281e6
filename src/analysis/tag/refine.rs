//! The second tagging pass: the verb decisions again, with the first pass's tags on both sides.
//!
//! The first pass tags left to right and sees only the words after a position, never their
//! tags: "new viruses carried over to …" reads "carried" as a participle, "the archives, which
//! used …, date from …" reads "date" as a noun, and in machine translation "that the country
//! Haftar supports" reads "supports" as a plural noun. Each of these needs what follows: is
//! there a finite verb later in the clause, an auxiliary before, a determiner?
//!
//! For each word the first pass tagged as a verb, noun or adjective and that can be more than
//! one of [`CLASSES`], an averaged perceptron re-decides among the classes the word can be,
//! from the first-pass tags around it, the clause it stands in (a finite verb before or after
//! it, an auxiliary before it, where the clause ends) and the words next to it. It is trained by
//! `mtlint train-refiner` on UD English EWT train with first-pass tags from models trained on the
//! other folds (so it learns the first pass's real mistakes), and on the same sentences with the
//! word-order moves of Dutch and German (verb last in subordinate clauses, verb before the
//! subject after a fronted phrase, participle and infinitive after the object), each word
//! keeping its gold tag. Only words the lexicon knows are refined; the rest keep their tag.

use super::features::mix;
use super::model::KeyMap;
use super::tagset::Tag;

/// The tags the second pass decides between.
pub const CLASSES: [Tag; 9] = [
    Tag::VB,
    Tag::VBD,
    Tag::VBN,
    Tag::VBP,
    Tag::VBZ,
    Tag::VBG,
    Tag::NN,
    Tag::NNS,
    Tag::JJ,
];
const K: usize = CLASSES.len();

fn class_of(t: Tag) -> Option<usize> {
    CLASSES.iter().position(|&c| c == t)
}

/// The class mask of a tag mask: bit k for `CLASSES[k]`.
fn class_mask(tags: u64) -> u16 {
    CLASSES
        .iter()
        .enumerate()
        .filter(|(_, c)| tags & (1 << c.index()) != 0)
        .fold(0, |m, (k, _)| m | 1 << k)
}

/// A word as the second pass sees it: its key (the tagger's lower-case hash) and the tags the
/// lexicon allows it (0 for an unknown word).
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub key: u64,
    pub possible: u64,
    /// How far the first pass's tag scored above the next best (infinite where the first pass
    /// did not score: a word the lexicon is sure of).
    pub margin: f32,
}

/// A first-pass margin in a few buckets, on a log scale.
fn margin_bucket(m: f32) -> u64 {
    if !m.is_finite() {
        return 15;
    }
    (m.max(1e-3).log2().floor() as i64 + 6).clamp(0, 14) as u64
}

/// Words that open a subordinate clause: a clause boundary for the second pass.
const OPENERS: &[&str] = &[
    "that", "because", "if", "while", "although", "though", "whether", "since", "unless", "until",
    "whereas", "after", "before", "once", "so",
];
/// Forms of the auxiliaries.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "has", "have",
    "had", "having", "'ve", "'d", "will", "would", "can", "could", "may", "might", "must", "shall",
    "should", "get", "gets", "got", "do", "does", "did",
];

fn one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn is_boundary(w: &str, t: Tag) -> bool {
    matches!(
        t,
        Tag::Comma | Tag::Colon | Tag::LRB | Tag::RRB | Tag::WDT | Tag::WP | Tag::WRB | Tag::CC
    ) || t == Tag::IN && one_of(w, OPENERS)
}

/// What kind of auxiliary a word is: 1 "have", 2 a modal or "do", 3 "be" or "get"; 0 none.
fn auxiliary_kind(w: &str) -> u64 {
    if !one_of(w, AUXILIARIES) {
        0
    } else if one_of(w, &["has", "have", "had", "having", "'ve"]) {
        1
    } else if one_of(
        w,
        &[
            "will", "would", "can", "could", "may", "might", "must", "shall", "should", "do",
            "does", "did", "'d",
        ],
    ) {
        2
    } else {
        3
    }
}

/// The weights: feature hash → a score per class.
#[derive(Debug, Default, Clone)]
pub struct Refiner {
    weights: KeyMap<[f32; K]>,
    /// How much more the second pass must score another tag than the first pass's to change
    /// it (chosen on EWT dev when trained).
    pub margin: f32,
    /// Words the first pass was at least this sure of (its own margin) are left alone (chosen
    /// on EWT dev when trained).
    pub first_sure: f32,
}

const MAGIC: &[u8; 8] = b"MTREFN03";

impl Refiner {
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// The model as bytes: a magic, a count, then each key and its weights (little-endian),
    /// keys ascending so the same model is the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 4 * K));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.margin.to_le_bytes());
        out.extend_from_slice(&self.first_sure.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[k] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Refiner, String> {
        let bad = || "the refiner model is truncated or not a refiner model".to_string();
        const HEAD: usize = 24;
        if bytes.len() < HEAD || &bytes[..8] != MAGIC {
            return Err(bad());
        }
        let margin = f32::from_le_bytes(bytes[8..12].try_into().map_err(|_| bad())?);
        let first_sure = f32::from_le_bytes(bytes[12..16].try_into().map_err(|_| bad())?);
        let n = u64::from_le_bytes(bytes[16..HEAD].try_into().map_err(|_| bad())?) as usize;
        let rec = 8 + 4 * K;
        if bytes.len() != HEAD + n * rec {
            return Err(bad());
        }
        let mut weights = KeyMap::default();
        weights.reserve(n);
        for r in bytes[HEAD..].chunks_exact(rec) {
            let key = u64::from_le_bytes(r[..8].try_into().map_err(|_| bad())?);
            let mut w = [0f32; K];
            for (k, c) in r[8..].chunks_exact(4).enumerate() {
                w[k] = f32::from_le_bytes(c.try_into().map_err(|_| bad())?);
            }
            weights.insert(key, w);
        }
        Ok(Refiner {
            weights,
            margin,
            first_sure,
        })
    }

    /// Re-decides the verb, noun and adjective tags of a tagged sentence in place. `fixed[i]`
    /// marks positions a lexicon override decided, which stay.
    pub fn refine(&self, words: &[Word], tags: &mut [Tag], fixed: &[bool]) {
        if self.weights.is_empty() {
            return;
        }
        let mut ctx: Option<Context> = None;
        let mut feats = Vec::with_capacity(32);
        let mut new = Vec::new();
        for i in 0..words.len() {
            if fixed.get(i).copied().unwrap_or(false) || words[i].margin >= self.first_sure {
                continue;
            }
            let Some(allowed) = refinable(words[i], tags[i]) else {
                continue;
            };
            // The clause analysis, made once per sentence and only when a word needs it.
            let ctx = ctx.get_or_insert_with(|| Context::new(words, tags));
            let scores = self.scores(words, tags, ctx, i, &mut feats);
            let best = best_class(&scores, allowed);
            let own = class_of(tags[i]).unwrap_or(best);
            if best != own && scores[best] - scores[own] > self.margin {
                new.push((i, CLASSES[best]));
            }
        }
        // Decisions are made on the first pass's tags, then applied together.
        for (i, t) in new {
            tags[i] = t;
        }
    }
}

impl Refiner {
    /// The second pass's score of each class for word `i` (`feats` is a reused buffer).
    fn scores(
        &self,
        words: &[Word],
        tags: &[Tag],
        ctx: &Context,
        i: usize,
        feats: &mut Vec<u64>,
    ) -> [f32; K] {
        feats.clear();
        features(words, tags, ctx, i, feats);
        let mut scores = [0f32; K];
        for f in feats.iter() {
            if let Some(w) = self.weights.get(f) {
                for k in 0..K {
                    scores[k] += w[k];
                }
            }
        }
        scores
    }

    /// A sentence whose tags hold no finite verb (after [`Self::refine`]): the word the
    /// second pass finds likeliest to be its finite verb, and that tag, when the second pass
    /// scores it at most `gap` below the word's own tag. A word read as a noun or adjective
    /// can be a verb the first pass missed ("the unemployment rate rose to 6.1 percent",
    /// "the border stretches from …"); `words[i].possible` must hold every word's lexicon tags.
    pub fn missing_finite_verb(
        &self,
        words: &[Word],
        tags: &[Tag],
        fixed: &[bool],
        gap: f32,
    ) -> Option<(usize, Tag)> {
        if self.weights.is_empty() || tags.iter().any(|t| t.is_finite_verb()) {
            return None;
        }
        const FINITE: u16 = 1 << 1 | 1 << 3 | 1 << 4;
        let ctx = Context::new(words, tags);
        let mut feats = Vec::with_capacity(32);
        let mut best: Option<(usize, Tag, f32)> = None;
        for i in 0..words.len() {
            let Some(own) = class_of(tags[i]) else {
                continue;
            };
            let finite = class_mask(words[i].possible) & FINITE;
            if fixed.get(i).copied().unwrap_or(false) || finite == 0 {
                continue;
            }
            let scores = self.scores(words, tags, &ctx, i, &mut feats);
            let k = best_class(&scores, finite);
            let lead = scores[k] - scores[own];
            if lead >= -gap && best.is_none_or(|b| lead > b.2) {
                best = Some((i, CLASSES[k], lead));
            }
        }
        best.map(|(i, t, _)| (i, t))
    }
}

/// The classes a word may be re-decided between, when it is to be: its first-pass tag is one
/// of the classes and the lexicon allows it at least two.
fn refinable(w: Word, tag: Tag) -> Option<u16> {
    let own = class_of(tag)?;
    let allowed = class_mask(w.possible) | 1 << own;
    (allowed.count_ones() >= 2).then_some(allowed)
}

fn best_class(scores: &[f32; K], allowed: u16) -> usize {
    let mut best = usize::MAX;
    for k in 0..K {
        if allowed & (1 << k) != 0 && (best == usize::MAX || scores[k] > scores[best]) {
            best = k;
        }
    }
    best
}

/// What the features know of each position's clause, from the first-pass tags.
struct Context {
    /// Per position: the index its clause starts at and the index after its clause's end.
    start: Vec<usize>,
    end: Vec<usize>,
    /// Finite verbs (first pass) in the sentence, capped at 3.
    finite: usize,
    /// Per position: the nearest auxiliary before it in its clause (index, kind).
    aux_before: Vec<Option<(usize, u64)>>,
}

impl Context {
    fn new(words: &[Word], tags: &[Tag]) -> Context {
        let n = words.len();
        let mut start = vec![0; n];
        let mut s = 0;
        for i in 0..n {
            if is_boundary(words[i].text, tags[i]) {
                s = i + 1;
            }
            start[i] = s.min(i);
        }
        let mut end = vec![n; n];
        let mut e = n;
        for i in (0..n).rev() {
            end[i] = e;
            if is_boundary(words[i].text, tags[i]) || tags[i] == Tag::Period {
                e = i;
            }
        }
        let finite = tags.iter().filter(|t| t.is_finite_verb()).count().min(3);
        let mut aux_before = vec![None; n];
        let mut last = None;
        for i in 0..n {
            if start[i] == i {
                last = None;
            }
            aux_before[i] = last;
            let kind = auxiliary_kind(words[i].text);
            if kind != 0 {
                last = Some((i, kind));
            }
        }
        Context {
            start,
            end,
            finite,
            aux_before,
        }
    }
}

fn tag_at(tags: &[Tag], i: isize) -> u64 {
    if i < 0 {
        1000
    } else {
        tags.get(i as usize).map_or(1001, |t| t.index() as u64)
    }
}

fn key_at(words: &[Word], i: isize) -> u64 {
    if i < 0 {
        1
    } else {
        words.get(i as usize).map_or(2, |w| w.key)
    }
}

/// The last two characters of a word, lower-cased, as a number.
fn suffix(w: &str) -> u64 {
    w.chars()
        .rev()
        .take(2)
        .fold(0u64, |h, c| mix(h, c.to_ascii_lowercase() as u64))
}

/// The features of position `i`.
fn features(words: &[Word], tags: &[Tag], ctx: &Context, i: usize, out: &mut Vec<u64>) {
    let t = |o: isize| tag_at(tags, i as isize + o);
    let w = |o: isize| key_at(words, i as isize + o);
    let own = tags[i].index() as u64;
    let word = words[i].key;
    let amb = class_mask(words[i].possible) as u64;
    let (s, e) = (ctx.start[i], ctx.end[i]);
    let finite_left = tags[s..i].iter().any(|t| t.is_finite_verb());
    let finite_right = tags[i + 1..e].iter().any(|t| t.is_finite_verb());
    // The nearest auxiliary before it in the clause, and how far ("has the results
    // published", "was not yet").
    let aux_kind = ctx.aux_before[i].map_or(0, |(j, kind)| kind * 8 + (i - j).min(4) as u64);
    let last = i + 1 >= e || tags.get(i + 1).is_some_and(|t| *t == Tag::Period);
    let from_start = (i - s).min(5) as u64;
    let clause = (finite_left as u64) | (finite_right as u64) << 1 | (last as u64) << 2;
    let sure = margin_bucket(words[i].margin);
    let f = |id: u64, a: u64, b: u64| mix(mix(mix(0x5245_464e, id), a), b);
    out.extend([
        f(1, 0, 0),
        f(2, word, 0),
        f(3, own, 0),
        f(4, t(-1), 0),
        f(5, t(1), 0),
        f(6, t(-2), 0),
        f(7, t(2), 0),
        f(8, t(-1), t(1)),
        f(9, t(1), t(2)),
        f(10, t(-2), t(-1)),
        f(11, w(-1), 0),
        f(12, w(1), 0),
        f(13, word, t(-1)),
        f(14, word, t(1)),
        f(15, clause, aux_kind),
        f(16, mix(clause, aux_kind), own),
        f(17, clause, amb),
        f(18, mix(clause, from_start), amb),
        f(19, ctx.finite as u64, amb),
        f(20, suffix(words[i].text), amb),
        f(21, amb, t(-1)),
        f(22, amb, t(1)),
        f(23, mix(amb, t(-1)), t(1)),
        f(24, mix(amb, aux_kind), clause),
        f(25, word, clause),
        f(26, mix(amb, t(1)), t(2)),
        f(27, mix(amb, t(-1)), clause),
        f(28, w(-1), amb),
        f(29, sure, own),
        f(30, mix(sure, own), clause),
        f(31, mix(sure, own), amb),
    ]);
}

/// One training sentence: words as the tagger sees them, first-pass tags, gold tags.
pub struct Example<'a> {
    pub words: Vec<Word<'a>>,
    pub first: Vec<Tag>,
    pub gold: Vec<Tag>,
}

/// Averaged weights below this (for every class) are left out of the model by
/// `train-refiner`: features seen too rarely to matter; the model is a fifth of the size and as
/// accurate on EWT dev and test.
pub const PRUNE: f32 = 2.0;

/// Trains the refiner: an averaged perceptron over `epochs` passes, in a fixed order; features
/// whose averaged weights are all below `prune` are left out.
pub fn train(examples: &[Example], epochs: usize, prune: f32) -> Refiner {
    let mut w: KeyMap<[f32; K]> = KeyMap::default();
    let mut total: KeyMap<[f32; K]> = KeyMap::default();
    let mut stamp: KeyMap<[u32; K]> = KeyMap::default();
    let mut clock = 0u32;
    let mut feats = Vec::new();
    let bump = |w: &mut KeyMap<[f32; K]>,
                total: &mut KeyMap<[f32; K]>,
                stamp: &mut KeyMap<[u32; K]>,
                clock: u32,
                f: u64,
                k: usize,
                d: f32| {
        let wk = w.entry(f).or_insert([0.0; K]);
        let tk = total.entry(f).or_insert([0.0; K]);
        let sk = stamp.entry(f).or_insert([0; K]);
        tk[k] += (clock - sk[k]) as f32 * wk[k];
        sk[k] = clock;
        wk[k] += d;
    };
    for _ in 0..epochs {
        for ex in examples {
            let ctx = Context::new(&ex.words, &ex.first);
            for i in 0..ex.words.len() {
                let Some(allowed) = refinable(ex.words[i], ex.first[i]) else {
                    continue;
                };
                let Some(gold) = class_of(ex.gold[i]) else {
                    continue;
                };
                if allowed & (1 << gold) == 0 {
                    continue;
                }
                clock += 1;
                feats.clear();
                features(&ex.words, &ex.first, &ctx, i, &mut feats);
                let mut scores = [0f32; K];
                for f in &feats {
                    if let Some(v) = w.get(f) {
                        for k in 0..K {
                            scores[k] += v[k];
                        }
                    }
                }
                let guess = best_class(&scores, allowed);
                if guess != gold {
                    for &f in &feats {
                        bump(&mut w, &mut total, &mut stamp, clock, f, gold, 1.0);
                        bump(&mut w, &mut total, &mut stamp, clock, f, guess, -1.0);
                    }
                }
            }
        }
    }
    let mut weights = KeyMap::default();
    for (f, wk) in &w {
        let tk = &total[f];
        let sk = &stamp[f];
        let mut avg = [0f32; K];
        for k in 0..K {
            avg[k] = (tk[k] + (clock - sk[k]) as f32 * wk[k]) / clock.max(1) as f32;
        }
        // Weights too small to change a decision are left out: a smaller model.
        if avg.iter().any(|v| v.abs() >= prune) {
            weights.insert(*f, avg);
        }
    }
    Refiner {
        weights,
        margin: 0.0,
        first_sure: f32::INFINITY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_round_trip_and_a_bad_file_is_refused() {
        let mut r = Refiner {
            margin: 0.25,
            first_sure: 8.0,
            ..Default::default()
        };
        r.weights
            .insert(7, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]);
        let back = Refiner::from_bytes(&r.to_bytes()).expect("reads back");
        assert_eq!(back.weights, r.weights);
        assert_eq!((back.margin, back.first_sure), (0.25, 8.0));
        assert!(Refiner::from_bytes(b"MTREFN03\0\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0").is_err());
        assert!(Refiner::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn learns_a_verb_from_what_follows() {
        // "the records date from …": "date" is a noun after a determiner and a verb after a
        // plural subject with no other verb; the first pass says noun both times.
        let w = |text: &'static str, possible: &[Tag]| Word {
            text,
            key: super::super::features::word_key(text),
            possible: possible.iter().fold(0, |m, t| m | 1 << t.index()),
            margin: 1.0,
        };
        let words = vec![
            w("the", &[Tag::DT]),
            w("records", &[Tag::NNS, Tag::VBZ]),
            w("date", &[Tag::NN, Tag::VB, Tag::VBP]),
            w("from", &[Tag::IN]),
            w("1900", &[Tag::CD]),
        ];
        let first = vec![Tag::DT, Tag::NNS, Tag::NN, Tag::IN, Tag::CD];
        let gold = vec![Tag::DT, Tag::NNS, Tag::VBP, Tag::IN, Tag::CD];
        let noun_words = vec![
            w("the", &[Tag::DT]),
            w("date", &[Tag::NN, Tag::VB, Tag::VBP]),
            w("is", &[Tag::VBZ]),
            w("set", &[Tag::VBN, Tag::VBD, Tag::NN]),
        ];
        let noun_first = vec![Tag::DT, Tag::NN, Tag::VBZ, Tag::VBN];
        let examples = vec![
            Example {
                words: words.clone(),
                first: first.clone(),
                gold: gold.clone(),
            },
            Example {
                words: noun_words.clone(),
                first: noun_first.clone(),
                gold: noun_first.clone(),
            },
        ];
        let r = train(&examples, 5, 0.0);
        let mut tags = first.clone();
        r.refine(&words, &mut tags, &[false; 5]);
        assert_eq!(tags, gold);
        let mut tags = noun_first.clone();
        r.refine(&noun_words, &mut tags, &[false; 4]);
        assert_eq!(tags, noun_first);
    }
}
