//! Training the interference model ([`super::model`]): interference errors generated from a
//! treebank ([`crate::synth`]) and clean English, each sentence analysed by the pipeline as at
//! run time, each word labelled by comparing the sentence with the one it was made from.
//!
//! A word of the erroneous sentence that the longest common subsequence with the corrected
//! sentence leaves out is "moved" when the corrected sentence has the same word elsewhere;
//! a word of the corrected sentence that the erroneous one lacks marks a "gap" at the next
//! word that both share. So any (sentence, correction) pair trains it, not only the moves the
//! generator knows.

use super::model::{GAP, InterferenceModel, MOVED, ORIGIN, OUTPUTS, decide, features, token_keys};
use crate::chunk::Chunk;
use crate::pipeline::Document;
use crate::tag::Tag;
use crate::tag::Tagger;
use crate::tag::train::splitmix;

/// One analysed sentence with its labels.
#[derive(Debug, Clone)]
pub struct Sample {
    pub lower: Vec<String>,
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    pub chunks: Vec<Chunk>,
    pub labels: Vec<[bool; OUTPUTS]>,
    /// The group it came from ("clean", "verb-last", …), for the figures.
    pub group: String,
}

impl Sample {
    pub fn is_error(&self) -> bool {
        self.labels.iter().any(|l| l.iter().any(|&x| x))
    }

    /// The model's log-odds for each word.
    pub fn scores(&self, model: &InterferenceModel, tagger: &Tagger) -> super::model::Scores {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        model.score(&words, &self.tags, &self.chunks, tagger)
    }
}

/// The words of one sentence as the pipeline tokenizes it (`None` unless the text is exactly
/// one sentence).
fn sentence_words(text: &str, tagger: &Tagger) -> Option<(Vec<String>, Vec<Tag>, Vec<Chunk>)> {
    let doc = Document::analyze(text.to_string(), 0, tagger);
    let [s] = doc.sentences.as_slice() else {
        return None;
    };
    let words = s
        .tokens
        .iter()
        .map(|t| t.text(doc.text()).to_string())
        .collect();
    Some((words, s.tags.clone(), s.chunks.clone()))
}

/// Index pairs of a longest common subsequence of `a` and `b`.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if a[i] == b[j] {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The labels of the words `text` (lower case) against the corrected `fixed`.
pub fn labels(text: &[String], fixed: &[String]) -> Vec<[bool; OUTPUTS]> {
    let mut out = vec![[false; OUTPUTS]; text.len()];
    if text == fixed {
        return out;
    }
    let common = lcs(text, fixed);
    let mut in_text = vec![false; text.len()];
    let mut in_fixed = vec![false; fixed.len()];
    for &(i, j) in &common {
        in_text[i] = true;
        in_fixed[j] = true;
    }
    let mut unmatched: Vec<&str> = Vec::new();
    for (i, w) in text.iter().enumerate() {
        if !in_text[i] {
            unmatched.push(w);
            out[i][MOVED] = true;
        }
    }
    for (j, w) in fixed.iter().enumerate() {
        if in_fixed[j] {
            continue;
        }
        // The place is before the next word both share (or the last word).
        let at = common
            .iter()
            .find(|&&(_, jj)| jj > j)
            .map_or(text.len().saturating_sub(1), |&(i, _)| i);
        let moved = unmatched.iter().position(|u| *u == w.as_str());
        if let Some(k) = moved {
            unmatched.swap_remove(k);
        }
        if let Some(l) = out.get_mut(at) {
            l[if moved.is_some() { ORIGIN } else { GAP }] = true;
        }
    }
    out
}

/// Analyses `text` and labels it against `fixed` (the same text for a clean line).
pub fn sample(tagger: &Tagger, text: &str, fixed: &str, group: &str) -> Option<Sample> {
    let (words, tags, chunks) = sentence_words(text, tagger)?;
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let labels = if text == fixed {
        vec![[false; OUTPUTS]; words.len()]
    } else {
        let (fixed_words, _, _) = sentence_words(fixed, tagger)?;
        let fixed_lower: Vec<String> = fixed_words.iter().map(|w| w.to_lowercase()).collect();
        labels(&lower, &fixed_lower)
    };
    Some(Sample {
        lower,
        words,
        tags,
        chunks,
        labels,
        group: group.to_string(),
    })
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Weight of the extra update on the highest-scoring word of a clean sentence.
    pub hard_negatives: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 16,
            epochs: 6,
            seed: 1,
            hard_negatives: 2.0,
        }
    }
}

/// Logistic regression of both outputs by SGD over hashed features, weights averaged over all
/// steps. Returns slot-major float weights.
pub fn fit(samples: &[Sample], tagger: &Tagger, cfg: &TrainConfig) -> Vec<f32> {
    let size = (1usize << cfg.bits) * OUTPUTS;
    let mask = (1u64 << cfg.bits) - 1;
    let mut w = vec![0.0f32; size];
    let mut acc = vec![0.0f64; size];
    // Features once per sentence, as slots.
    let feats: Vec<(Vec<u32>, Vec<usize>)> = samples
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let keys = token_keys(&words, &s.tags, tagger);
            let (mut f, mut st) = (Vec::new(), Vec::new());
            features(&s.lower, &s.tags, &s.chunks, &keys, &mut f, &mut st);
            (f.iter().map(|&h| (h & mask) as u32).collect(), st)
        })
        .collect();
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut rng = cfg.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut step = 1.0f64;
    for epoch in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            let j = (splitmix(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let lr = 0.1 / (1.0 + epoch as f32);
        let mut loss = 0.0f64;
        let mut tokens = 0usize;
        for &si in &order {
            let (f, st) = &feats[si];
            for (t, label) in samples[si].labels.iter().enumerate() {
                let fs = &f[st[t]..st[t + 1]];
                for o in 0..OUTPUTS {
                    let z: f32 = fs.iter().map(|&k| w[k as usize * OUTPUTS + o]).sum();
                    let p = 1.0 / (1.0 + (-z).exp());
                    let y = label[o] as u8 as f32;
                    loss -= if label[o] {
                        (p as f64).max(1e-9).ln()
                    } else {
                        (1.0 - p as f64).max(1e-9).ln()
                    };
                    let g = lr * (y - p);
                    if g.abs() > 1e-7 {
                        for &k in fs {
                            let at = k as usize * OUTPUTS + o;
                            w[at] += g;
                            acc[at] += step * g as f64;
                        }
                    }
                }
                tokens += 1;
                step += 1.0;
            }
            // The sentence's decision is its highest word: on a sentence without an error,
            // the word scoring highest gets its negative update again (hard negatives).
            if cfg.hard_negatives > 0.0 && !samples[si].is_error() {
                for o in 0..OUTPUTS {
                    let z = |t: usize| -> f32 {
                        f[st[t]..st[t + 1]]
                            .iter()
                            .map(|&k| w[k as usize * OUTPUTS + o])
                            .sum()
                    };
                    let Some((t, zt)) = (0..samples[si].labels.len())
                        .map(|t| (t, z(t)))
                        .max_by(|a, b| a.1.total_cmp(&b.1))
                    else {
                        continue;
                    };
                    let p = 1.0 / (1.0 + (-zt).exp());
                    let g = -lr * cfg.hard_negatives * p;
                    if g.abs() > 1e-7 {
                        for &k in &f[st[t]..st[t + 1]] {
                            let at = k as usize * OUTPUTS + o;
                            w[at] += g;
                            acc[at] += step * g as f64;
                        }
                    }
                }
            }
        }
        eprintln!(
            "epoch {}: mean log loss {:.5} over {tokens} words",
            epoch + 1,
            loss / tokens.max(1) as f64
        );
    }
    w.iter()
        .zip(&acc)
        .map(|(&wi, &ai)| (wi as f64 - ai / step) as f32)
        .collect()
}

/// The model's decision on one sentence (see [`decide`]), with thresholds of 0.
pub fn sentence_scores(model: &InterferenceModel, s: &Sample, tagger: &Tagger) -> [f32; 2] {
    let d = decide(&s.scores(model, tagger), &[0.0; OUTPUTS]);
    [d.moved.2, d.gap.1]
}

/// The score above which `rate` of `clean` scores lie.
pub fn threshold_for_rate(clean: &[f32], rate: f64) -> f32 {
    let mut v: Vec<f32> = clean.to_vec();
    v.sort_by(|a, b| b.total_cmp(a));
    let k = ((v.len() as f64) * rate).floor() as usize;
    v.get(k).copied().unwrap_or(f32::INFINITY)
}

/// What `mtlint train-detector` is given.
#[derive(Debug, Clone)]
pub struct DetectorArgs {
    /// CoNLL-U treebank the errors are generated from.
    pub treebank: String,
    /// JSONL files of clean lines (`text`) to learn from as well.
    pub clean: Vec<String>,
    /// Labelled JSONL lines with their corrected sentence (`fixed`) to learn from, and how
    /// many times each is learnt.
    pub errors: Vec<String>,
    pub errors_weight: usize,
    /// JSONL files of clean lines the thresholds are chosen on (not learnt from).
    pub threshold_clean: Vec<String>,
    /// A treebank never learnt from, whose generated errors give the figures.
    pub dev: Option<String>,
    /// Labelled JSONL lines never learnt from, for the figures per group.
    pub dev_jsonl: Vec<String>,
    /// Share of clean threshold lines each output may flag.
    pub rate: f64,
    /// Train on these shares of the data in turn and print the figures of each.
    pub curve: Vec<f64>,
    pub output: String,
    pub config: TrainConfig,
}

/// Every line of JSONL files as JSON values (blank lines skipped); a bad line is an error
/// naming its file and line.
fn jsonl_values(paths: &[String]) -> Result<Vec<serde_json::Value>, String> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        for (n, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                out.push(serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?);
            }
        }
    }
    Ok(out)
}

/// A string field of a JSON line.
fn field(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key).and_then(|t| t.as_str()).map(str::to_string)
}

/// The clean `text` of every line of JSONL files (lines expecting no category).
pub fn read_clean(paths: &[String]) -> Result<Vec<String>, String> {
    Ok(jsonl_values(paths)?
        .iter()
        .filter(|v| {
            v.get("expect")
                .and_then(|e| e.as_array())
                .is_none_or(|a| a.is_empty())
        })
        .filter_map(|v| field(v, "text"))
        .collect())
}

/// The generated errors and clean lines of a treebank, analysed and labelled.
fn treebank_samples(
    path: &str,
    tagger: &Tagger,
    seed: u64,
    all: bool,
) -> Result<Vec<Sample>, String> {
    use rayon::prelude::*;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let trees = crate::tag::refine_train::read_trees(&text).map_err(|e| format!("{path}: {e}"))?;
    let examples = if all {
        crate::synth::synthesize_all(&trees)
    } else {
        crate::synth::synthesize(&trees, seed, usize::MAX)
    };
    Ok(examples
        .par_iter()
        .filter_map(|e| {
            let group = if all {
                e.group.to_string()
            } else {
                format!("generated: {}", e.group)
            };
            sample(tagger, &e.text, &e.fixed, &group)
        })
        .collect())
}

fn clean_samples(lines: &[String], tagger: &Tagger, group: &str) -> Vec<Sample> {
    use rayon::prelude::*;
    lines
        .par_iter()
        .filter_map(|t| sample(tagger, t, t, group))
        .collect()
}

/// Errors made from clean sentences by the moves their tags and chunks allow (see
/// [`crate::synth::tagged_moves`]), at most one of each kind per sentence.
fn tagged_errors(clean: &[Sample], tagger: &Tagger) -> Vec<Sample> {
    use rayon::prelude::*;
    clean
        .par_iter()
        .flat_map_iter(|s| {
            let lower: Vec<&str> = s.lower.iter().map(String::as_str).collect();
            let fixed = crate::synth::join(&s.words);
            let mut seen: Vec<&str> = Vec::new();
            let mut out = Vec::new();
            for (group, order) in crate::synth::tagged_moves(&lower, &s.tags) {
                if seen.contains(&group) {
                    continue;
                }
                seen.push(group);
                let words: Vec<String> = order
                    .iter()
                    .enumerate()
                    .map(|(n, &i)| {
                        if i == 0 && n != 0 && s.tags[0] != Tag::NNP && s.words[0] != "I" {
                            s.lower[0].clone()
                        } else {
                            s.words[i].clone()
                        }
                    })
                    .collect();
                let text = crate::synth::join(&words);
                if let Some(e) = sample(tagger, &text, &fixed, group) {
                    out.push(e);
                }
            }
            out
        })
        .collect()
}

/// Trains on `samples` and chooses the thresholds on `threshold_clean`.
fn train_model(
    samples: &[Sample],
    threshold_clean: &[Sample],
    tagger: &Tagger,
    args: &DetectorArgs,
) -> InterferenceModel {
    use rayon::prelude::*;
    let weights = fit(samples, tagger, &args.config);
    let mut model = InterferenceModel::from_weights(args.config.bits, &weights, [0.0; OUTPUTS]);
    let scores: Vec<[f32; 2]> = threshold_clean
        .par_iter()
        .map(|s| sentence_scores(&model, s, tagger))
        .collect();
    for (k, o) in [MOVED, GAP].into_iter().enumerate() {
        let v: Vec<f32> = scores.iter().map(|s| s[k]).collect();
        model.thresholds[o] = threshold_for_rate(&v, args.rate / 2.0);
    }
    model
}

/// The model's decision on a sample: how far above its thresholds (see [`decide`]).
fn excess(model: &InterferenceModel, s: &Sample, tagger: &Tagger) -> f32 {
    decide(&s.scores(model, tagger), &model.thresholds).worst()
}

/// The confidence of a report as a logistic function of its excess (Platt scaling), fitted
/// the way the rules' confidences are calibrated: on the reports alone (sentences above the
/// threshold), those on the generated errors of `dev` real and those on the clean lines of `held`
/// false, the two weighing the same in total; `[1, 0]` without both.
fn fit_confidence(
    model: &InterferenceModel,
    dev: &[Sample],
    held: &[Sample],
    tagger: &Tagger,
) -> [f32; 2] {
    use rayon::prelude::*;
    // The generated errors of a treebank never learnt from (labelled lines may have been).
    let errors: Vec<&Sample> = dev
        .iter()
        .filter(|s| s.group.starts_with("generated: ") && !s.group.ends_with("clean"))
        .collect();
    if errors.is_empty() || held.is_empty() {
        return [1.0, 0.0];
    }
    let reports = |v: Vec<f64>| -> Vec<f64> { v.into_iter().filter(|&x| x > 0.0).collect() };
    let pos = reports(
        errors
            .par_iter()
            .map(|s| excess(model, s, tagger) as f64)
            .collect(),
    );
    let neg = reports(
        held.par_iter()
            .map(|s| excess(model, s, tagger) as f64)
            .collect(),
    );
    if pos.is_empty() || neg.is_empty() {
        return [1.0, 0.0];
    }
    let (wp, wn) = (0.5 / pos.len() as f64, 0.5 / neg.len() as f64);
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..2000 {
        let (mut ga, mut gb) = (0.0, 0.0);
        for (x, y, w) in pos
            .iter()
            .map(|&x| (x, 1.0, wp))
            .chain(neg.iter().map(|&x| (x, 0.0, wn)))
        {
            let x = x.clamp(-20.0, 20.0);
            let e = (1.0 / (1.0 + (-(a * x + b)).exp()) - y) * w;
            ga += e * x;
            gb += e;
        }
        a -= 0.5 * ga;
        b -= 0.5 * gb;
    }
    [a as f32, b as f32]
}

/// The shares of clean sentences at which recall is reported.
pub const OPERATING_POINTS: [f64; 3] = [0.005, 0.01, 0.02];

/// Per group of `dev`, the share of lines flagged at the thresholds that flag 0.5%, 1% and 2%
/// of the clean lines of `held` (sentences never learnt from), and at the model's own.
pub fn figures(
    model: &InterferenceModel,
    dev: &[Sample],
    held: &[Sample],
    tagger: &Tagger,
) -> String {
    use rayon::prelude::*;
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    let clean: Vec<f32> = held.par_iter().map(|s| excess(model, s, tagger)).collect();
    let mut cuts: Vec<f32> = OPERATING_POINTS
        .iter()
        .map(|&r| threshold_for_rate(&clean, r))
        .collect();
    cuts.push(0.0);
    let scores: Vec<f32> = dev.par_iter().map(|s| excess(model, s, tagger)).collect();
    let mut groups: BTreeMap<String, (usize, [usize; 4])> = BTreeMap::new();
    for (s, &x) in dev.iter().zip(&scores) {
        let source = s.group.split_once(": ").map_or("", |(a, _)| a);
        let total = if s.group.ends_with("clean") {
            format!("{source}: all clean")
        } else {
            format!("{source}: all errors")
        };
        for name in [s.group.clone(), total] {
            let g = groups.entry(name).or_default();
            g.0 += 1;
            for (k, &c) in cuts.iter().enumerate() {
                g.1[k] += (x > c) as usize;
            }
        }
    }
    let mut out = format!(
        "  {:<40}{:>7}{:>9}{:>9}{:>9}{:>9}\n",
        "flagged at clean share", "lines", "0.5%", "1%", "2%", "model"
    );
    for (g, (n, f)) in groups {
        let _ = write!(out, "  {g:<40}{n:>7}");
        for k in f {
            let _ = write!(out, "{:>8.1}%", 100.0 * k as f64 / n.max(1) as f64);
        }
        out.push('\n');
    }
    out
}

/// Labelled JSONL lines that carry their corrected sentence (`text`, `fixed`), labelled
/// against it; lines without `fixed` are left out.
fn corrected_samples(paths: &[String], tagger: &Tagger) -> Result<Vec<Sample>, String> {
    use rayon::prelude::*;
    let lines: Vec<(String, String, String)> = jsonl_values(paths)?
        .iter()
        .filter_map(|v| {
            let group = field(v, "group").unwrap_or_default();
            Some((group, field(v, "text")?, field(v, "fixed")?))
        })
        .collect();
    Ok(lines
        .par_iter()
        .filter_map(|(g, t, f)| sample(tagger, t, f, g))
        .collect())
}

/// Labelled JSONL lines (`text`, `group`, `expect`) as samples: a line with expected
/// categories counts as an error, whatever its words.
fn labelled_samples(paths: &[String], tagger: &Tagger) -> Result<Vec<Sample>, String> {
    use rayon::prelude::*;
    let lines: Vec<(String, String)> = jsonl_values(paths)?
        .iter()
        .map(|v| {
            let group = field(v, "group").unwrap_or_else(|| "-".into());
            (
                format!("labelled: {group}"),
                field(v, "text").unwrap_or_default(),
            )
        })
        .collect();
    Ok(lines
        .par_iter()
        .filter_map(|(g, t)| sample(tagger, t, t, g))
        .collect())
}

/// `mtlint train-detector`: generates the errors, trains, reports figures, writes the model.
pub fn train_command(args: &DetectorArgs) -> Result<(), String> {
    let tagger = Tagger::embedded();
    let mut samples = treebank_samples(&args.treebank, tagger, args.config.seed, true)?;
    let errors = samples.iter().filter(|s| s.is_error()).count();
    eprintln!(
        "{}: {} sentences, {errors} with a generated error",
        args.treebank,
        samples.len()
    );
    let clean = read_clean(&args.clean)?;
    let extra = clean_samples(&clean, tagger, "clean-extra");
    let generated = tagged_errors(&extra, tagger);
    eprintln!(
        "{} more clean sentences, {} errors generated from them",
        extra.len(),
        generated.len()
    );
    samples.extend(extra);
    samples.extend(generated);
    let labelled = corrected_samples(&args.errors, tagger)?;
    eprintln!(
        "{} labelled lines with their corrections, each learnt {} times",
        labelled.len(),
        args.errors_weight
    );
    for _ in 0..args.errors_weight {
        samples.extend(labelled.iter().cloned());
    }
    // A fixed shuffle, so a share of the data is a sample of every source.
    let mut rng = args.config.seed | 1;
    for i in (1..samples.len()).rev() {
        let j = (splitmix(&mut rng) % (i as u64 + 1)) as usize;
        samples.swap(i, j);
    }
    let held = clean_samples(&read_clean(&args.threshold_clean)?, tagger, "clean");
    let mut dev = match &args.dev {
        Some(d) => treebank_samples(d, tagger, args.config.seed, false)?,
        None => Vec::new(),
    };
    dev.extend(labelled_samples(&args.dev_jsonl, tagger)?);
    let shares = if args.curve.is_empty() {
        vec![1.0]
    } else {
        args.curve.clone()
    };
    let mut last = None;
    for share in shares {
        let n = ((samples.len() as f64) * share).round() as usize;
        let mut model = train_model(&samples[..n.min(samples.len())], &held, tagger, args);
        model.platt = fit_confidence(&model, &dev, &held, tagger);
        println!(
            "== trained on {n} sentences ({:.0}%); thresholds {:.2} {:.2}; confidence at the threshold {:.2}",
            share * 100.0,
            model.thresholds[MOVED],
            model.thresholds[GAP],
            model.probability(0.0)
        );
        if !dev.is_empty() {
            print!("{}", figures(&model, &dev, &held, tagger));
        }
        last = Some(model);
    }
    if let Some(model) = last {
        crate::output::write_file(&args.output, model.to_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", args.output))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn a_moved_verb_is_labelled_with_the_place_it_came_from() {
        let text = words("he said that the staff the explosion heard .");
        let fixed = words("he said that the staff heard the explosion .");
        let l = labels(&text, &fixed);
        let moved: Vec<usize> = (0..l.len()).filter(|&i| l[i][MOVED]).collect();
        let origin: Vec<usize> = (0..l.len()).filter(|&i| l[i][ORIGIN]).collect();
        assert_eq!(moved, vec![7]);
        // "heard" belongs before the second "the".
        assert_eq!(origin, vec![5]);
        assert!(l.iter().all(|x| !x[GAP]));
    }

    #[test]
    fn a_missing_word_is_a_gap_before_the_next_word() {
        let l = labels(
            &words("is feared that it will rain ."),
            &words("it is feared that it will rain ."),
        );
        assert!(l[0][GAP]);
        assert_eq!(l.iter().filter(|x| x.iter().any(|&b| b)).count(), 1);
        let same = words("it rains .");
        assert!(labels(&same, &same).iter().all(|x| x.iter().all(|&b| !b)));
    }

    /// The tree of the generator's tests and one with a subordinate clause.
    const MORE: &str = "\
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tstaff\tstaff\tNOUN\tNN\t_\t6\tnsubj\t_\t_
6\theard\thear\tVERB\tVBD\t_\t2\tccomp\t_\t_
7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_
8\texplosion\texplosion\tNOUN\tNN\t_\t6\tobj\t_\t_
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

    #[test]
    fn trains_a_model_that_loads_and_reports_figures() {
        let dir = std::env::temp_dir().join(format!("mtlint-detector-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let treebank = dir.join("t.conllu");
        std::fs::write(&treebank, format!("{}{MORE}", crate::synth::tests::CONLLU)).unwrap();
        let clean = dir.join("clean.jsonl");
        std::fs::write(
            &clean,
            "{\"text\": \"The king travelled to Brussels yesterday.\", \"expect\": []}\n\
             {\"text\": \"She said that the staff heard nothing.\", \"expect\": []}\n",
        )
        .unwrap();
        let out = dir.join("model.bin");
        let args = DetectorArgs {
            treebank: treebank.display().to_string(),
            clean: vec![clean.display().to_string()],
            threshold_clean: vec![clean.display().to_string()],
            errors: Vec::new(),
            errors_weight: 1,
            dev: Some(treebank.display().to_string()),
            dev_jsonl: vec![clean.display().to_string()],
            rate: 0.5,
            curve: vec![0.5, 1.0],
            output: out.display().to_string(),
            config: TrainConfig {
                bits: 10,
                epochs: 2,
                ..TrainConfig::default()
            },
        };
        train_command(&args).unwrap();
        let model = InterferenceModel::from_bytes(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(model.to_bytes(), std::fs::read(&out).unwrap());
        let bad = DetectorArgs {
            treebank: dir.join("missing.conllu").display().to_string(),
            ..args
        };
        let err = train_command(&bad).unwrap_err();
        assert!(err.contains("missing.conllu"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
