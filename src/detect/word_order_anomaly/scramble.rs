//! A sentence-level model of scrambled word order: whether a sentence as a whole reads as its
//! words put in random order, the way shuffled machine-translation output does.
//!
//! Single swaps are the business of [`super::swap`]; a scrambled sentence often has no one pair
//! that stands out, but many small oddities: pairs the swap model finds doubtful, class n-grams
//! English never produces, high surprise at the sentence edges ("… in and.") and so on. This
//! model sums them up: a few sentence-level measurements ([`FEATURES`]), each cut into bins whose
//! edges are quantiles of the training data, plus bin pairs of a few measurements that work
//! together, feed a logistic model.
//!
//! It is learnt from the English Web Treebank: every sentence of six words or more as written
//! is a negative; copies with all words shuffled, with a window of three to six words shuffled,
//! and with two neighbours swapped are positives. Variants are re-tagged by the embedded tagger,
//! as at run time, and measured with class models and bigram counts from the other half of the
//! treebank, so the model sees measurements as they are on unseen text.
//!
//! The model file is small (bin edges and weights) and is parsed on load.

use super::swap::{Ngrams, SentenceLookups, SwapModel, is_word};
use crate::lm::ClassLm;
use crate::tag::Tag;
use crate::tag::Tagger;
use crate::tag::train::TaggedSentence;
use crate::tag::train::splitmix;

const MAGIC: &[u8; 8] = b"MTLSC001";

/// Pair scores at least this count as doubtful (the swap model's log-odds).
const DOUBTFUL_PAIR: f32 = -0.5;
/// Pair scores at least this count as likely swaps.
const LIKELY_PAIR: f32 = 1.0;
/// Per-token surprise (nats) at least this counts as a surprising token.
const SURPRISING: f32 = 6.0;

/// The sentence-level measurements, in order.
pub const FEATURES: &[&str] = &[
    "share of doubtful pairs",
    "share of likely swaps",
    "best pair score",
    "second-best pair score",
    "mean pair score",
    "mean surprise",
    "highest surprise",
    "share of surprising tokens",
    "share of unseen class trigrams",
    "share of unseen class bigrams",
    "log of the number of tokens",
    "surprise of the last word",
    "surprise of the first word",
    "share of word pairs unattested as word-tag and as tag-word",
    "share of word pairs attested more often in the other order",
    "share of word pairs unattested as word-tag",
];

/// Pairs of measurements whose bins are also taken together.
const INTERACTIONS: &[(usize, usize)] = &[
    (0, 5),
    (2, 8),
    (5, 10),
    (8, 10),
    (0, 8),
    (6, 11),
    (13, 14),
    (13, 10),
];

/// Bins per measurement (quantiles of the training data).
const BINS: usize = 10;

/// Measures a sentence: `pair_scores` from [`SwapModel::score_pairs_with`], `lookups` what it
/// looked up on the way (the class sequence of `lm`, its log-probabilities and the bigram
/// counts of the swap model).
pub(crate) fn measure(
    lm: &ClassLm,
    lookups: &mut SentenceLookups,
    words: &[&str],
    tags: &[Tag],
    pair_scores: &[Option<f32>],
) -> Vec<f32> {
    let scores: Vec<f32> = pair_scores.iter().flatten().copied().collect();
    let n_pairs = scores.len().max(1) as f32;
    let share = |t: f32| scores.iter().filter(|&&s| s >= t).count() as f32 / n_pairs;
    let (mut best, mut second) = (-10.0f32, -10.0f32);
    for &s in &scores {
        if s > best {
            second = best;
            best = s;
        } else if s > second {
            second = s;
        }
    }
    let mean_pair = scores.iter().sum::<f32>() / n_pairs;
    let surprise = lookups.surprise();
    let n = surprise.len().max(1) as f32;
    let mean_surprise = surprise.iter().sum::<f32>() / n;
    let max_surprise = surprise.iter().copied().fold(0.0, f32::max);
    let surprising = surprise.iter().filter(|&&s| s >= SURPRISING).count() as f32 / n;
    let (bi, tri, total) = lm.unseen(&lookups.seq);
    let total = total.max(1) as f32;
    let word_at = |i: Option<usize>| i.and_then(|i| surprise.get(i)).copied().unwrap_or(0.0);
    let last = word_at(words.iter().rposition(|w| is_word(w)));
    let first = word_at(words.iter().position(|w| is_word(w)));
    let (mut n_word_pairs, mut unattested, mut reversed, mut no_wt) = (0, 0, 0, 0);
    for j in 0..words
        .len()
        .saturating_sub(1)
        .min(tags.len().saturating_sub(1))
    {
        if !(is_word(words[j]) && is_word(words[j + 1])) {
            continue;
        }
        n_word_pairs += 1;
        let [ww, wt, tw, rev] = lookups.pair_counts(j);
        unattested += (wt == 0 && tw == 0) as usize;
        reversed += (rev > ww) as usize;
        no_wt += (wt == 0) as usize;
    }
    let wp = n_word_pairs.max(1) as f32;
    vec![
        share(DOUBTFUL_PAIR),
        share(LIKELY_PAIR),
        best,
        second,
        mean_pair,
        mean_surprise,
        max_surprise,
        surprising,
        tri as f32 / total,
        bi as f32 / total,
        (words.len().max(1) as f32).ln(),
        last,
        first,
        unattested as f32 / wp,
        reversed as f32 / wp,
        no_wt as f32 / wp,
    ]
}

/// The trained model: bin edges per measurement and the weights.
#[derive(Debug, Clone, PartialEq)]
pub struct ScrambleModel {
    edges: Vec<Vec<f32>>,
    weights: Vec<f32>,
}

fn bin(edges: &[f32], x: f32) -> usize {
    edges.iter().take_while(|&&e| x >= e).count()
}

impl ScrambleModel {
    fn n_weights(&self) -> usize {
        1 + self.edges.len() * BINS + INTERACTIONS.len() * BINS * BINS
    }

    /// Weight indexes active for measurements `x`.
    fn active(&self, x: &[f32], out: &mut Vec<usize>) {
        out.clear();
        out.push(0);
        let bins: Vec<usize> = self
            .edges
            .iter()
            .zip(x)
            .map(|(e, &v)| bin(e, v).min(BINS - 1))
            .collect();
        for (f, &b) in bins.iter().enumerate() {
            out.push(1 + f * BINS + b);
        }
        let base = 1 + self.edges.len() * BINS;
        for (k, &(f, g)) in INTERACTIONS.iter().enumerate() {
            if let (Some(&bf), Some(&bg)) = (bins.get(f), bins.get(g)) {
                out.push(base + k * BINS * BINS + bf * BINS + bg);
            }
        }
    }

    /// Log-odds that a sentence with measurements `x` (from [`measure`]) is scrambled.
    pub fn score(&self, x: &[f32]) -> f32 {
        let mut idx = Vec::with_capacity(8 + INTERACTIONS.len());
        self.active(x, &mut idx);
        idx.iter()
            .map(|&i| self.weights.get(i).copied().unwrap_or(0.0))
            .sum()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&(self.edges.len() as u32).to_le_bytes());
        for e in &self.edges {
            b.extend_from_slice(&(e.len() as u32).to_le_bytes());
            for x in e {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        b.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for w in &self.weights {
            b.extend_from_slice(&w.to_le_bytes());
        }
        b
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ScrambleModel, String> {
        let mut pos = 0usize;
        let mut take4 = || -> Result<[u8; 4], String> {
            let s = bytes
                .get(pos..pos + 4)
                .ok_or_else(|| "scramble model: truncated".to_string())?;
            pos += 4;
            Ok([s[0], s[1], s[2], s[3]])
        };
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err("scramble model: bad header".into());
        }
        take4()?;
        take4()?;
        let n_feats = u32::from_le_bytes(take4()?) as usize;
        if n_feats != FEATURES.len() {
            return Err(format!(
                "scramble model: {n_feats} measurements, expected {}",
                FEATURES.len()
            ));
        }
        let mut edges = Vec::with_capacity(n_feats);
        for _ in 0..n_feats {
            let n = u32::from_le_bytes(take4()?) as usize;
            if n >= BINS {
                return Err("scramble model: too many bins".into());
            }
            let e = (0..n)
                .map(|_| take4().map(f32::from_le_bytes))
                .collect::<Result<Vec<f32>, String>>()?;
            edges.push(e);
        }
        let n_w = u32::from_le_bytes(take4()?) as usize;
        let weights = (0..n_w)
            .map(|_| take4().map(f32::from_le_bytes))
            .collect::<Result<Vec<f32>, String>>()?;
        let model = ScrambleModel { edges, weights };
        if model.weights.len() != model.n_weights() || pos != bytes.len() {
            return Err("scramble model: bad weight table".into());
        }
        Ok(model)
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct ScrambleTrainConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Sentences with fewer tokens are left out (the detector does not judge them either).
    pub min_tokens: usize,
    /// L2 shrinkage per step, so rare bins keep small weights.
    pub l2: f32,
    /// Function-word threshold of the class models trained on each half.
    pub lm_min_count: u32,
    /// Positives made of each sentence: whole-sentence shuffles, window shuffles, single swaps.
    pub full: bool,
    pub window: bool,
    pub swap: bool,
}

impl Default for ScrambleTrainConfig {
    fn default() -> Self {
        ScrambleTrainConfig {
            epochs: 6,
            seed: 7,
            min_tokens: 6,
            l2: 1e-5,
            lm_min_count: 30,
            full: true,
            window: true,
            swap: false,
        }
    }
}

/// A random permutation index below `n`.
fn below(rng: &mut u64, n: usize) -> usize {
    (splitmix(rng) % n.max(1) as u64) as usize
}

/// Shuffles `units` in place (Fisher–Yates).
fn shuffle<T>(rng: &mut u64, units: &mut [T]) {
    for i in (1..units.len()).rev() {
        let j = below(rng, i + 1);
        units.swap(i, j);
    }
}

/// Lower-cases a sentence-initial word (unless it looks like a name or "I") and capitalises
/// the word that now starts the sentence, as shuffled output reads.
fn recapitalize(words: &mut [String], old_first: usize) {
    let lower = |w: &str| {
        let mut c = w.chars();
        match c.next() {
            Some(f) if w != "I" && !w.chars().skip(1).any(char::is_uppercase) => {
                f.to_lowercase().chain(c).collect()
            }
            _ => w.to_string(),
        }
    };
    if let Some(w) = words.get_mut(old_first) {
        *w = lower(w);
    }
    if let Some(w) = words.first_mut() {
        let mut c = w.chars();
        if let Some(f) = c.next() {
            *w = f.to_uppercase().chain(c).collect();
        }
    }
}

/// The whole sentence shuffled: words with the commas after them move as units, a final
/// punctuation mark stays.
fn full_shuffle(rng: &mut u64, words: &[&str]) -> Vec<String> {
    let end = match words.last() {
        Some(w) if !is_word(w) => words.len() - 1,
        _ => words.len(),
    };
    let mut units: Vec<(usize, usize)> = Vec::new();
    for (i, w) in words[..end].iter().enumerate() {
        match units.last_mut() {
            Some(u) if !is_word(w) && u.1 == i => u.1 = i + 1,
            _ => units.push((i, i + 1)),
        }
    }
    shuffle(rng, &mut units);
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut old_first = 0;
    for (a, b) in units {
        if a == 0 {
            old_first = out.len();
        }
        out.extend(words[a..b].iter().map(|w| w.to_string()));
    }
    out.extend(words[end..].iter().map(|w| w.to_string()));
    recapitalize(&mut out, old_first);
    out
}

/// A window of three to six tokens shuffled.
fn window_shuffle(rng: &mut u64, words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let len = (3 + below(rng, 4)).min(words.len());
    let start = below(rng, words.len() - len + 1);
    let original = out.clone();
    for _ in 0..4 {
        shuffle(rng, &mut out[start..start + len]);
        if out != original {
            break;
        }
    }
    if start == 0 {
        let old_first = out.iter().position(|w| *w == original[0]).unwrap_or(0);
        recapitalize(&mut out, old_first);
    }
    out
}

/// Two neighbouring words swapped.
fn pair_swap(rng: &mut u64, words: &[&str]) -> Option<Vec<String>> {
    let cands: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&j| {
            is_word(words[j])
                && is_word(words[j + 1])
                && !words[j].eq_ignore_ascii_case(words[j + 1])
        })
        .collect();
    let j = *cands.get(below(rng, cands.len()))?;
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out.swap(j, j + 1);
    if j == 0 {
        recapitalize(&mut out, 1);
    }
    Some(out)
}

/// Training measurements of one sentence (as tagged by `tagger`).
struct Measurer<'a> {
    tagger: &'a Tagger,
    swap: &'a SwapModel,
    lms: Vec<ClassLm>,
    ngrams: Vec<Ngrams>,
}

impl Measurer<'_> {
    fn measure(&self, half: usize, words: &[&str]) -> Vec<f32> {
        let tags: Vec<Tag> = self.tagger.tag(words);
        let lm = &self.lms[half];
        let mut pairs = Vec::new();
        let mut lookups =
            self.swap
                .score_pairs_with(lm, &self.ngrams[half], 2, words, &tags, &mut pairs);
        measure(lm, &mut lookups, words, &tags, &pairs)
    }
}

/// Trains on treebank sentences with the given swap model.
pub fn train(
    sentences: &[TaggedSentence],
    tagger: &Tagger,
    swap: &SwapModel,
    cfg: &ScrambleTrainConfig,
) -> ScrambleModel {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let tags: Vec<Vec<Tag>> = words.iter().map(|w| tagger.tag(w)).collect();
    let half_of = |h: usize| {
        words
            .iter()
            .zip(&tags)
            .enumerate()
            .filter(move |(i, _)| i % 2 != h)
            .map(|(_, (w, t))| (w.as_slice(), t.as_slice()))
    };
    let measurer = Measurer {
        tagger,
        swap,
        lms: (0..2)
            .map(|h| {
                let other: Vec<TaggedSentence> = sentences
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % 2 != h)
                    .map(|(_, s)| s.clone())
                    .collect();
                ClassLm::train(&other, cfg.lm_min_count)
            })
            .collect(),
        ngrams: (0..2).map(|h| Ngrams::build(half_of(h))).collect(),
    };

    let mut rng = cfg.seed;
    let examples = scramble_examples(&measurer, &words, cfg, &mut rng);
    eprintln!(
        "{} examples, {} scrambled",
        examples.len(),
        examples.iter().filter(|e| e.1).count()
    );
    let mut model = ScrambleModel {
        edges: bin_edges(&examples),
        weights: Vec::new(),
    };
    model.weights = vec![0.0; model.n_weights()];
    let active: Vec<(Vec<usize>, bool)> = examples
        .iter()
        .map(|(x, y)| {
            let mut idx = Vec::new();
            model.active(x, &mut idx);
            (idx, *y)
        })
        .collect();
    model.weights = fit_logistic(&active, model.weights.len(), cfg, &mut rng);
    model
}

/// The training examples, as measurements and label (true = scrambled): each sentence long
/// enough as it is, and its scrambled variants (the ones `cfg` asks for).
fn scramble_examples(
    measurer: &Measurer,
    words: &[Vec<&str>],
    cfg: &ScrambleTrainConfig,
    rng: &mut u64,
) -> Vec<(Vec<f32>, bool)> {
    let mut examples: Vec<(Vec<f32>, bool)> = Vec::new();
    for (si, ws) in words.iter().enumerate() {
        if ws.len() < cfg.min_tokens || ws.iter().filter(|w| is_word(w)).count() < 4 {
            continue;
        }
        let half = si % 2;
        examples.push((measurer.measure(half, ws), false));
        let variants = [
            Some(full_shuffle(rng, ws)).filter(|_| cfg.full),
            Some(window_shuffle(rng, ws)).filter(|_| cfg.window),
            pair_swap(rng, ws).filter(|_| cfg.swap),
        ];
        for v in variants.into_iter().flatten() {
            let v: Vec<&str> = v.iter().map(String::as_str).collect();
            if v != *ws {
                examples.push((measurer.measure(half, &v), true));
            }
        }
    }
    examples
}

/// Bin edges: deciles of each measurement, without repeats.
fn bin_edges(examples: &[(Vec<f32>, bool)]) -> Vec<Vec<f32>> {
    (0..FEATURES.len())
        .map(|f| {
            let mut v: Vec<f32> = examples.iter().map(|(x, _)| x[f]).collect();
            v.sort_by(f32::total_cmp);
            let mut e: Vec<f32> = (1..BINS)
                .map(|q| v.get(q * v.len() / BINS).copied().unwrap_or(0.0))
                .collect();
            e.dedup();
            if e.first()
                .is_some_and(|&x| v.first().is_some_and(|&m| x <= m))
            {
                e.remove(0);
            }
            e
        })
        .collect()
}

/// Logistic regression by SGD over `n` weights (with L2 regularisation), averaged over all
/// steps.
fn fit_logistic(
    active: &[(Vec<usize>, bool)],
    n: usize,
    cfg: &ScrambleTrainConfig,
    rng: &mut u64,
) -> Vec<f32> {
    let mut w = vec![0.0f32; n];
    let mut acc = vec![0.0f64; n];
    let mut order: Vec<usize> = (0..active.len()).collect();
    let mut step = 1.0f64;
    for epoch in 0..cfg.epochs {
        shuffle(rng, &mut order);
        let lr = 0.05 / (1.0 + epoch as f32);
        let mut loss = 0.0f64;
        for &ei in &order {
            let (idx, label) = &active[ei];
            let z: f32 = idx.iter().map(|&k| w[k]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if *label { 1.0 } else { 0.0 };
            loss -= if *label {
                (p as f64).max(1e-9).ln()
            } else {
                (1.0 - p as f64).max(1e-9).ln()
            };
            let g = lr * (y - p);
            for &k in idx {
                let d = g - cfg.l2 * w[k];
                w[k] += d;
                acc[k] += step * d as f64;
            }
            step += 1.0;
        }
        eprintln!(
            "epoch {}: mean log loss {:.4}",
            epoch + 1,
            loss / active.len().max(1) as f64
        );
    }
    w.iter()
        .zip(&acc)
        .map(|(&wi, &ai)| (wi as f64 - ai / step) as f32)
        .collect()
}

/// `mtlint train-scramble`: trains the scrambled-sentence model on `sentences` (a treebank's,
/// and clean text the pipeline tagged) with the embedded swap model and writes it.
pub fn train_command(
    sentences: &[crate::tag::train::TaggedSentence],
    output: &str,
    cfg: &ScrambleTrainConfig,
) -> Result<(), String> {
    let model = train(sentences, Tagger::embedded(), super::swap_model(), cfg);
    crate::output::write_file(output, model.to_bytes()).map_err(|e| format!("{output}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::word_order_anomaly::scramble_model;

    #[test]
    fn embedded_model_round_trips() {
        let bytes = scramble_model().to_bytes();
        assert_eq!(
            ScrambleModel::from_bytes(&bytes).as_ref(),
            Ok(scramble_model())
        );
        assert!(ScrambleModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn full_shuffle_keeps_words_and_final_stop() {
        let words = [
            "The", "cat", ",", "old", "and", "grey", ",", "sat", "here", ".",
        ];
        let mut rng = 3;
        let out = full_shuffle(&mut rng, &words);
        assert_eq!(out.len(), words.len());
        assert_eq!(out.last().map(String::as_str), Some("."));
        let mut a: Vec<String> = out.iter().map(|w| w.to_lowercase()).collect();
        let mut b: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }
}
