//! Training the tagger: an averaged perceptron over CoNLL-U treebanks (UD English EWT).

use super::features::{
    MAX_FEATURES, NO_TAG, TokenInfo, WordClass, sentence_class, static_features, tag_features,
    word_key,
};
use super::model::{KeyMap, Model, N_TAGS, SparseWeights, WordEntry, best};
use super::tagset::Tag;
use std::collections::HashMap;

/// A sentence with gold tags.
#[derive(Debug, Clone)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Reads CoNLL-U text: word forms (column 2) and PTB tags (column 5); multi-word token lines and
/// empty nodes are skipped. Errors name the line.
pub fn read_conllu(text: &str) -> Result<Vec<TaggedSentence>, String> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !words.is_empty() {
                out.push(TaggedSentence {
                    words: std::mem::take(&mut words),
                    tags: std::mem::take(&mut tags),
                });
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!(
                "line {}: expected 10 columns, found {}",
                n + 1,
                cols.len()
            ));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        // Treebanks that write a straight quote's tag as `"` (UD English ESLSpok) open and
        // close their quotations in turn, as the tagger's `` and '' do; `X` is EWT's `XX`.
        let tag = match cols[4] {
            "\"" if tags
                .iter()
                .filter(|t| matches!(t, Tag::OpenQuote | Tag::CloseQuote))
                .count()
                % 2
                == 0 =>
            {
                Some(Tag::OpenQuote)
            }
            "\"" => Some(Tag::CloseQuote),
            "X" => Some(Tag::XX),
            t => Tag::parse(t),
        }
        .ok_or_else(|| format!("line {}: unknown tag '{}'", n + 1, cols[4]))?;
        words.push(cols[1].to_string());
        tags.push(tag);
    }
    if !words.is_empty() {
        out.push(TaggedSentence { words, tags });
    }
    Ok(out)
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub iterations: usize,
    pub seed: u64,
    /// Words seen at least this often with one tag at least `sure_ratio` of the time are tagged
    /// from the lexicon without scoring.
    pub sure_min_count: u32,
    pub sure_ratio: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            iterations: 10,
            seed: 1,
            sure_min_count: 20,
            sure_ratio: 0.995,
            prune: 0.1,
        }
    }
}

/// Parses the morphological lexicon (`word<TAB>TAG …` lines) into word key → tag mask.
pub fn read_morph_lexicon(text: &str) -> Result<KeyMap<u64>, String> {
    let mut out: KeyMap<u64> = KeyMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (word, tags) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: expected word<TAB>tags", n + 1))?;
        let mut mask = 0u64;
        for t in tags.split(' ') {
            let tag = Tag::parse(t).ok_or_else(|| format!("line {}: unknown tag '{t}'", n + 1))?;
            mask |= 1 << tag.index();
        }
        *out.entry(word_key(word)).or_default() |= mask;
    }
    Ok(out)
}

/// Parses the word clusters (`word<TAB>path` lines, the path an integer whose lowest bit is the
/// first step) into word key → path.
pub fn read_clusters(text: &str) -> Result<KeyMap<u32>, String> {
    let mut out: KeyMap<u32> = KeyMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (word, path) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: expected word<TAB>cluster", n + 1))?;
        let path: u32 = path
            .trim()
            .parse()
            .map_err(|e| format!("line {}: cluster '{path}': {e}", n + 1))?;
        out.entry(word_key(word)).or_insert(path);
    }
    Ok(out)
}

/// Builds the word lexicon from training data and the morphological lexicon.
fn word_lexicon(
    train: &[TaggedSentence],
    morph: &KeyMap<u64>,
    clusters: &KeyMap<u32>,
    cfg: &TrainConfig,
) -> KeyMap<WordEntry> {
    let mut counts: HashMap<u64, [u32; N_TAGS]> = HashMap::new();
    for s in train {
        for (w, t) in s.words.iter().zip(&s.tags) {
            counts.entry(word_key(w)).or_insert([0; N_TAGS])[t.index()] += 1;
        }
    }
    let mut words = KeyMap::default();
    for (key, c) in counts {
        let total: u32 = c.iter().sum();
        let mut mask = 0u64;
        for (i, &n) in c.iter().enumerate() {
            if n > 0 {
                mask |= 1 << i;
            }
        }
        let (top, &top_n) = c.iter().enumerate().max_by_key(|(_, n)| **n).expect("tags");
        let sure = (total >= cfg.sure_min_count && top_n as f64 / total as f64 >= cfg.sure_ratio)
            .then(|| Tag::ALL[top]);
        let m = morph.get(&key).copied().unwrap_or(0);
        let cluster = clusters.get(&key).copied().unwrap_or(0);
        words.insert(
            key,
            WordEntry {
                tags: mask,
                morph: m,
                cluster,
                sure,
            },
        );
    }
    for (&key, &m) in morph {
        words.entry(key).or_default().morph = m;
    }
    for (&key, &c) in clusters {
        words.entry(key).or_default().cluster = c;
    }
    words
}

#[derive(Clone, Copy)]
struct Param {
    tag: u8,
    weight: f32,
    total: f64,
    stamp: u32,
}

struct Perceptron {
    index: KeyMap<u32>,
    params: Vec<Vec<Param>>,
    step: u32,
}

impl Perceptron {
    fn scores(&self, feats: &[u64]) -> [f32; N_TAGS] {
        let mut scores = [0f32; N_TAGS];
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                for p in &self.params[i as usize] {
                    scores[p.tag as usize] += p.weight;
                }
            }
        }
        scores
    }

    fn update(&mut self, feats: &[u64], truth: u8, guess: u8) {
        let step = self.step;
        for f in feats {
            let next = self.params.len() as u32;
            let i = *self.index.entry(*f).or_insert(next) as usize;
            if i == self.params.len() {
                self.params.push(Vec::new());
            }
            for (tag, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let ps = &mut self.params[i];
                let p = match ps.iter().position(|p| p.tag == tag) {
                    Some(k) => &mut ps[k],
                    None => {
                        ps.push(Param {
                            tag,
                            weight: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        ps.last_mut().expect("just pushed")
                    }
                };
                p.total += (step - p.stamp) as f64 * p.weight as f64;
                p.stamp = step;
                p.weight += delta;
            }
        }
    }

    fn new() -> Perceptron {
        Perceptron {
            index: KeyMap::default(),
            params: Vec::new(),
            step: 0,
        }
    }

    fn averaged(&self, prune: f32) -> SparseWeights {
        let step = self.step.max(1);
        let mut out: SparseWeights = Vec::new();
        for (&key, &i) in &self.index {
            let entries: Vec<(u8, f32)> = self.params[i as usize]
                .iter()
                .filter_map(|p| {
                    let total = p.total + (step - p.stamp) as f64 * p.weight as f64;
                    let avg = (total / step as f64) as f32;
                    (avg.abs() >= prune).then_some((p.tag, avg))
                })
                .collect();
            if !entries.is_empty() {
                out.push((key, entries));
            }
        }
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

/// SplitMix64, for a deterministic shuffle.
pub fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Computes the per-token information of a sentence for a model's lexicon.
pub fn token_infos(
    words: &[&str],
    lookup: impl Fn(u64) -> WordClass,
    buf: &mut Vec<char>,
) -> Vec<TokenInfo> {
    words
        .iter()
        .map(|w| TokenInfo::new(w, buf, &lookup))
        .collect()
}

/// One tagging pass's training data.
struct PassData<'a> {
    gold: &'a [TaggedSentence],
    infos: &'a [Vec<TokenInfo>],
    words: &'a KeyMap<WordEntry>,
}

/// Trains the perceptron on the sentences `subset`; `report` sees the weights after each
/// iteration.
fn train_pass(
    data: &PassData,
    subset: &[usize],
    iterations: usize,
    cfg: &TrainConfig,
    mut report: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let mut p = Perceptron::new();
    let mut order = subset.to_vec();
    let mut rng = cfg.seed;
    let mut feats = [0u64; MAX_FEATURES];
    for it in 0..iterations {
        for i in (1..order.len()).rev() {
            let j = (splitmix(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &si in &order {
            let sent = &data.gold[si];
            let info = &data.infos[si];
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            let sc = sentence_class(info);
            for (i, &gold) in sent.tags.iter().enumerate() {
                p.step += 1;
                let guess = if let Some(sure) = data.words.get(&info[i].key).and_then(|w| w.sure) {
                    sure
                } else {
                    let n = static_features(info, i, sc, &mut feats);
                    let n = tag_features(info, i, p1, p2, &mut feats, n);
                    let s = p.scores(&feats[..n]);
                    let guess = best(&s, 0);
                    if guess != gold {
                        p.update(&feats[..n], gold as u8, guess as u8);
                    }
                    guess
                };
                p2 = p1;
                p1 = guess as u8;
            }
        }
        report(it + 1, &p);
    }
    p
}

/// Trains a model; `report` is called after each iteration with (pass, iteration, dev
/// accuracy) when dev data is given.
pub fn train(
    train: &[TaggedSentence],
    morph: &KeyMap<u64>,
    clusters: &KeyMap<u32>,
    dev: &[TaggedSentence],
    cfg: &TrainConfig,
    mut report: impl FnMut(usize, usize, Option<f64>),
) -> Model {
    let words = word_lexicon(train, morph, clusters, cfg);
    // The treebank tag set of a word is taken from the other folds (jackknifing), so training
    // sees unknown words as often as tagging new text does and learns what to do with them.
    const FOLDS: usize = 10;
    let mut fold_masks: KeyMap<[u64; FOLDS]> = KeyMap::default();
    for (si, s) in train.iter().enumerate() {
        for (w, t) in s.words.iter().zip(&s.tags) {
            fold_masks.entry(word_key(w)).or_insert([0; FOLDS])[si % FOLDS] |= 1 << t.index();
        }
    }
    let mut buf = Vec::new();
    let infos: Vec<Vec<TokenInfo>> = train
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let fold = si % FOLDS;
            let lookup = |k: u64| {
                let tags = fold_masks.get(&k).map_or(0, |m| {
                    m.iter()
                        .enumerate()
                        .filter(|(f, _)| *f != fold)
                        .fold(0, |a, (_, m)| a | m)
                });
                let w = words.get(&k).copied().unwrap_or_default();
                WordEntry {
                    tags,
                    sure: None,
                    ..w
                }
                .class()
            };
            let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
            token_infos(&ws, lookup, &mut buf)
        })
        .collect();
    let all: Vec<usize> = (0..train.len()).collect();
    let data = PassData {
        gold: train,
        infos: &infos,
        words: &words,
    };
    // Every form of the treebank, as spelled, gets a precomputed word record.
    let forms: Vec<&str> = train
        .iter()
        .flat_map(|s| s.words.iter().map(String::as_str))
        .collect();
    let dev_accuracy = |weights: &SparseWeights| {
        (!dev.is_empty()).then(|| {
            let model = Model::from_parts(&words, weights, &forms);
            evaluate(&model, dev).accuracy()
        })
    };
    // With dev data, the weights after the iteration that tags dev best are kept.
    let mut best: Option<(f64, SparseWeights)> = None;
    let last = train_pass(&data, &all, cfg.iterations, cfg, |it, p| {
        let weights = p.averaged(cfg.prune);
        let acc = dev_accuracy(&weights);
        report(1, it, acc);
        if let Some(a) = acc
            && best.as_ref().is_none_or(|(b, _)| a > *b)
        {
            best = Some((a, weights));
        }
    });
    let weights = match best {
        Some((_, w)) => w,
        None => last.averaged(cfg.prune),
    };
    Model::from_parts(&words, &weights, &forms)
}

/// Accuracy figures of a model on gold data.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Accuracy {
    pub tokens: usize,
    pub correct: usize,
    pub unknown: usize,
    pub unknown_correct: usize,
}

impl Accuracy {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.tokens.max(1) as f64
    }
    pub fn unknown_accuracy(&self) -> f64 {
        self.unknown_correct as f64 / self.unknown.max(1) as f64
    }
}

/// Tags gold-tokenized sentences and counts agreement; a word is unknown when the model's
/// lexicon never saw it.
pub fn evaluate(model: &Model, gold: &[TaggedSentence]) -> Accuracy {
    let mut acc = Accuracy::default();
    let mut buf = Vec::new();
    let mut out = Vec::new();
    for s in gold {
        let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let infos = model.token_infos(&ws, &mut buf);
        model.decode(&infos, &[], &mut out);
        for ((info, g), p) in infos.iter().zip(&s.tags).zip(&out) {
            let known = model.is_known(info.key);
            acc.tokens += 1;
            acc.correct += (g == p) as usize;
            if !known {
                acc.unknown += 1;
                acc.unknown_correct += (g == p) as usize;
            }
        }
    }
    acc
}

/// [`evaluate`] for the tagger as `mtlint tag --pretokenized` runs it: the model with the
/// lexicon overrides and the rule for straight quotes.
pub fn evaluate_tagger(tagger: &super::Tagger, gold: &[TaggedSentence]) -> Accuracy {
    let model = tagger.model();
    let mut acc = Accuracy::default();
    let mut buf = Vec::new();
    let mut scratch = super::TagScratch::default();
    let mut out = Vec::new();
    for s in gold {
        let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
        tagger.tag_into(&ws, &mut scratch, &mut out);
        let infos = model.token_infos(&ws, &mut buf);
        for ((info, g), p) in infos.iter().zip(&s.tags).zip(&out) {
            acc.tokens += 1;
            acc.correct += (g == p) as usize;
            if !model.is_known(info.key) {
                acc.unknown += 1;
                acc.unknown_correct += (g == p) as usize;
            }
        }
    }
    acc
}

/// Error pairs (gold, predicted) with counts, most frequent first.
pub fn confusions(model: &Model, gold: &[TaggedSentence]) -> Vec<((Tag, Tag), usize)> {
    let mut counts: HashMap<(Tag, Tag), usize> = HashMap::new();
    let mut buf = Vec::new();
    let mut out = Vec::new();
    for s in gold {
        let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let infos = model.token_infos(&ws, &mut buf);
        model.decode(&infos, &[], &mut out);
        for (g, p) in s.tags.iter().zip(&out) {
            if g != p {
                *counts.entry((*g, *p)).or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Unknown-word errors (word, gold, predicted), for inspection.
pub fn unknown_errors(model: &Model, gold: &[TaggedSentence]) -> Vec<(String, Tag, Tag)> {
    let mut v = Vec::new();
    let mut buf = Vec::new();
    let mut out = Vec::new();
    for s in gold {
        let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let infos = model.token_infos(&ws, &mut buf);
        model.decode(&infos, &[], &mut out);
        for (((w, info), g), p) in ws.iter().zip(&infos).zip(&s.tags).zip(&out) {
            if !model.is_known(info.key) && g != p {
                v.push((w.to_string(), *g, *p));
            }
        }
    }
    v
}

/// Options of `mtlint train-tagger`.
#[derive(Debug, Clone)]
pub struct TrainArgs {
    pub train: String,
    pub dev: Option<String>,
    pub output: String,
    pub morph: String,
    pub iterations: usize,
    pub seed: u64,
    pub prune: f32,
}

/// Reads a CoNLL-U file; errors name the file (and the line, for bad content).
pub fn read_treebank(path: &str) -> Result<Vec<TaggedSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    read_conllu(&text).map_err(|e| format!("{path}: {e}"))
}

/// `mtlint train-tagger`: trains on a treebank, reports dev accuracy per iteration on standard
/// error, writes the model.
pub fn train_command(args: &TrainArgs) -> Result<(), String> {
    let tr = read_treebank(&args.train)?;
    let dv = match &args.dev {
        Some(d) => read_treebank(d)?,
        None => Vec::new(),
    };
    let mtext = std::fs::read_to_string(&args.morph).map_err(|e| format!("{}: {e}", args.morph))?;
    let morph = read_morph_lexicon(&mtext).map_err(|e| format!("{}: {e}", args.morph))?;
    let cfg = TrainConfig {
        iterations: args.iterations,
        seed: args.seed,
        prune: args.prune,
        ..TrainConfig::default()
    };
    // Word clusters (Brown clusters in `word<TAB>path` form, read by `read_clusters`) are left
    // out: tried with spaCy's English clusters, they cost 4 MB of model and did not help (EWT dev 94.83% with them,
    // 94.85% without; test 95.20% / 95.36%; unknown words on test 82.9% / 84.6%).
    let clusters = KeyMap::default();
    let model = train(&tr, &morph, &clusters, &dv, &cfg, |pass, it, acc| {
        if let Some(a) = acc {
            eprintln!("pass {pass} iteration {it}: dev accuracy {:.2}%", a * 100.0);
        }
    });
    eprintln!(
        "model: {} features, {} weights",
        model.feature_count(),
        model.weight_count()
    );
    crate::output::write_file(&args.output, model.to_bytes())
        .map_err(|e| format!("{}: {e}", args.output))
}

/// `mtlint eval-tagger`: accuracy of a model (the embedded one by default) on gold-tokenized
/// CoNLL-U files, overall and on words the treebank never had.
/// The tagger is measured as `mtlint tag --pretokenized` runs it (with `rules/lexicon.tsv` and
/// the rule for straight quotes); the model alone is given too.
pub fn eval_command(files: &[String], model_path: Option<&str>) -> Result<String, String> {
    let embedded = super::Tagger::load_embedded()?;
    let tagger = match model_path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            let model = Model::from_bytes(&bytes).map_err(|e| format!("{p}: {e}"))?;
            let lexicon = super::Lexicon::parse("rules/lexicon.tsv", super::EMBEDDED_LEXICON)?;
            super::Tagger::new(model, lexicon)
        }
        None => embedded,
    };
    let mut out = String::new();
    for f in files {
        let gold = read_treebank(f)?;
        let acc = evaluate_tagger(&tagger, &gold);
        let alone = evaluate(tagger.model(), &gold);
        out.push_str(&format!(
            "{f}: {} tokens, accuracy {:.2}%, unknown words {} accuracy {:.2}% \
             (model alone, without rules/lexicon.tsv and the quote rule: {:.2}%)\n",
            acc.tokens,
            acc.accuracy() * 100.0,
            acc.unknown,
            acc.unknown_accuracy() * 100.0,
            alone.accuracy() * 100.0
        ));
    }
    Ok(out)
}
