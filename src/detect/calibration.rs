//! Calibrated confidence of the structural findings: the probability that a finding marks a
//! real error, learned from labelled lines rather than set by hand.
//!
//! Each structural diagnosis is described by a few features of the match — which rule and
//! check made it, the confidence the rule gives, whether it can rewrite the sentence, how much
//! more probable the rewrite is under the word-order model, whether the sentence holds words
//! the tagger may have misread as non-verbs, how surprising the sentence is to the word-order
//! model, how many rules agree — and a logistic model over them gives the probability.
//! Numeric features are also conjoined with the finding's category, so that a signal that
//! matters for a missing verb need not matter for word order.
//!
//! The model is fitted by `mtlint calibrate` on labelled JSONL (errors as positives, clean
//! text as negatives) and stored as text in `models/calibration.tsv`: one `feature<TAB>weight`
//! line each, and a `threshold` line, the default `min-confidence` chosen when it was fitted.

use super::word_order_anomaly;
use super::{Diagnosis, RuleMeta, SentenceView};
use crate::tag::{Tag, Tagger};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

static EMBEDDED: &str = include_str!("../../models/calibration.tsv");

/// A fitted model: weights by feature name and the default threshold.
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    weights: HashMap<String, f64>,
    /// The default `min-confidence`: structural findings below it are not reported.
    pub threshold: f64,
}

/// A finding's features: (name, value); names absent from a model weigh nothing.
pub type Features = Vec<(String, f64)>;

impl Calibration {
    /// The model built into the binary, or `None` when none has been fitted.
    pub fn embedded() -> Option<&'static Calibration> {
        static MODEL: OnceLock<Option<Calibration>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                let c = Calibration::parse(EMBEDDED).expect("the embedded calibration is valid");
                (!c.weights.is_empty()).then_some(c)
            })
            .as_ref()
    }

    /// Reads the text form: `#` comments, `threshold<TAB>value`, `feature<TAB>weight`.
    pub fn parse(text: &str) -> Result<Calibration, String> {
        let mut c = Calibration::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected 'feature<TAB>weight'", n + 1))?;
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|_| format!("line {}: '{value}' is not a number", n + 1))?;
            if name == "threshold" {
                c.threshold = value;
            } else {
                c.weights.insert(name.to_string(), value);
            }
        }
        Ok(c)
    }

    /// The text form, features in name order (deterministic).
    pub fn to_text(&self, header: &str) -> String {
        let mut s = String::new();
        for line in header.lines() {
            let _ = writeln!(s, "# {line}");
        }
        // Shortest forms that read back as the same numbers: the threshold was chosen against
        // these exact weights.
        let _ = writeln!(s, "threshold\t{}", self.threshold);
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        for n in names {
            let _ = writeln!(s, "{n}\t{}", self.weights[n]);
        }
        s
    }

    pub fn from_weights(weights: HashMap<String, f64>, threshold: f64) -> Calibration {
        Calibration { weights, threshold }
    }

    /// The probability that a finding with these features is a real error.
    pub fn probability(&self, features: &Features) -> f64 {
        let z: f64 = features
            .iter()
            .map(|(n, v)| self.weights.get(n).map_or(0.0, |w| w * v))
            .sum();
        sigmoid(z)
    }
}

pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The features of one structural diagnosis on a sentence; `agreeing` is the number of
/// structural diagnoses on the sentence (this one included).
pub fn features(
    view: &SentenceView,
    meta: &RuleMeta,
    d: &Diagnosis,
    agreeing: usize,
    tagger: &Tagger,
) -> Features {
    let n = view.len().max(1);
    let cat = meta.category.as_str();
    let mut f: Features = Vec::with_capacity(40);
    f.push(("bias".into(), 1.0));
    f.push((format!("rule:{}", meta.id), 1.0));
    if !d.check.is_empty() {
        f.push((format!("check:{}/{}", meta.id, d.check), 1.0));
    }
    let mut numeric: Vec<(&str, f64)> = Vec::with_capacity(16);
    numeric.push(("raw", d.confidence));
    numeric.push(("suggest", d.suggestion.is_some() as u8 as f64));
    numeric.push(("len", (n as f64).ln() / 4.0));
    numeric.push(("agree", (agreeing.min(4) - 1) as f64 / 3.0));

    // Span: the share of the sentence flagged.
    let tokens = &view.sentence.tokens;
    let span_tokens = tokens
        .iter()
        .filter(|t| t.start >= d.start && t.end <= d.end)
        .count();
    numeric.push(("span", span_tokens as f64 / n as f64));

    // Verbs the tagger found, and words it read otherwise that can be finite verbs: a past
    // form read as a participle or adjective is the commonest cause of a verb "missing".
    let (mut finite, mut hidden_past, mut hidden_present) = (0usize, 0usize, 0usize);
    let mut caps = 0usize;
    let (mut digits, mut brackets, mut quotes) = (false, false, false);
    for (i, (w, t)) in view.words.iter().zip(&view.sentence.tags).enumerate() {
        if t.is_finite_verb() {
            finite += 1;
        } else if !t.is_punct() && *t != Tag::NNP && *t != Tag::NNPS {
            if tagger.can_be(w, Tag::VBD) && *t != Tag::VBD {
                hidden_past += 1;
            } else if (tagger.can_be(w, Tag::VBZ) || tagger.can_be(w, Tag::VBP))
                && !matches!(*t, Tag::VB | Tag::VBG)
            {
                hidden_present += 1;
            }
        }
        if i > 0 && w.chars().next().is_some_and(char::is_uppercase) {
            caps += 1;
        }
        digits |= w.chars().any(|c| c.is_ascii_digit());
        brackets |= matches!(*w, "(" | ")" | "[" | "]");
        quotes |= matches!(*w, "\"" | "“" | "”" | "'" | "‘" | "’");
    }
    numeric.push(("finite", finite.min(4) as f64 / 4.0));
    numeric.push(("no-finite", (finite == 0) as u8 as f64));
    numeric.push(("hidden-past", hidden_past.min(3) as f64 / 3.0));
    numeric.push(("hidden-present", hidden_present.min(3) as f64 / 3.0));
    numeric.push(("caps", caps as f64 / n as f64));
    numeric.push(("digits", digits as u8 as f64));
    numeric.push(("brackets", brackets as u8 as f64));
    numeric.push(("quotes", quotes as u8 as f64));

    // How surprising the sentence is to the word-order model, and how much a rewrite helps.
    let lm = word_order_anomaly::model();
    let seq = lm.sequence(&view.words, &view.sentence.tags);
    let surprise = lm.surprise(&seq);
    if !surprise.is_empty() {
        let mean = surprise.iter().sum::<f32>() / surprise.len() as f32;
        let max = surprise.iter().copied().fold(0.0f32, f32::max);
        numeric.push(("surprise-mean", (mean as f64 / 5.0).min(2.0)));
        numeric.push(("surprise-max", (max as f64 / 10.0).min(2.0)));
    }
    // How surprising the flagged words themselves are: the class model's surprise and the
    // word bigram model's least probable join, over the span and the word before it (a lost
    // verb leaves "the president | the bill"; a clean sentence's flagged words read as
    // English).
    let inside: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.start >= d.start && t.end <= d.end)
        .map(|(i, _)| i)
        .collect();
    if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
        let a = a.saturating_sub(1);
        if !surprise.is_empty() {
            let max = surprise[a.min(surprise.len() - 1)..=b.min(surprise.len() - 1)]
                .iter()
                .copied()
                .fold(0.0f32, f32::max);
            numeric.push(("span-surprise", (max as f64 / 10.0).min(2.0)));
        }
        if let Some(ng) = crate::ngram::WordNgrams::embedded() {
            let worst = (a + 1..=b)
                .filter(|&i| {
                    crate::ngram::is_word(view.words[i - 1]) && crate::ngram::is_word(view.words[i])
                })
                .map(|i| ng.log_prob(Some(view.words[i - 1]), view.words[i]))
                .fold(0.0f32, f32::min);
            numeric.push(("span-bigram", (-worst as f64 / 10.0).min(2.0)));
        }
    }
    if let Some(s) = &d.suggestion {
        let tokens = crate::tokenize::tokenize(s, 0, s.len());
        let words: Vec<&str> = tokens.iter().map(|t| t.text(s)).collect();
        let gain = rewrite_gain(lm, tagger, view, &seq, &words);
        numeric.push(("lm-gain", gain.clamp(-2.0, 2.0)));
        // The same under the word bigram model of a large corpus: how much more English the
        // words of the rewrite read than those of the sentence.
        if let Some(ng) = crate::ngram::WordNgrams::embedded() {
            let (after, _) = ng.score(&words);
            let (before, n) = ng.score(&view.words);
            let gain = (after - before) as f64 / n.max(1) as f64;
            numeric.push(("ngram-gain", gain.clamp(-2.0, 2.0)));
        }
    }
    for (name, v) in numeric {
        f.push((name.to_string(), v));
        f.push((format!("{cat}:{name}"), v));
    }
    f
}

/// Per word, how much more probable the rewritten sentence (its words) is than the original
/// under the word-order model (natural log).
fn rewrite_gain(
    lm: &crate::lm::ClassLm,
    tagger: &Tagger,
    view: &SentenceView,
    seq: &[u16],
    words: &[&str],
) -> f64 {
    if words.is_empty() {
        return 0.0;
    }
    let tags = tagger.tag(words);
    let rewritten = lm.sequence(words, &tags);
    let before = lm.score(seq) as f64 / view.len().max(1) as f64;
    let after = lm.score(&rewritten) as f64 / words.len() as f64;
    after - before
}

/// Fits a logistic model by gradient descent with an L2 penalty: `examples` are (features,
/// is a real error). Deterministic: full-batch steps in a fixed order.
pub fn fit(examples: &[(Features, bool)], l2: f64, epochs: usize) -> HashMap<String, f64> {
    // Index the feature names once.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let rows: Vec<(Vec<(usize, f64)>, f64)> = examples
        .iter()
        .map(|(f, y)| {
            let row = f
                .iter()
                .map(|(n, v)| {
                    let i = *index.entry(n.clone()).or_insert_with(|| {
                        names.push(n.clone());
                        names.len() - 1
                    });
                    (i, *v)
                })
                .collect();
            (row, if *y { 1.0 } else { 0.0 })
        })
        .collect();
    // Positives and negatives weigh the same in total, whatever their numbers.
    let pos = rows.iter().filter(|r| r.1 > 0.5).count().max(1) as f64;
    let neg = (rows.len() as f64 - pos).max(1.0);
    let (wp, wn) = (
        rows.len() as f64 / (2.0 * pos),
        rows.len() as f64 / (2.0 * neg),
    );
    let mut w = vec![0.0f64; names.len()];
    // Adam: robust to the features' different scales.
    let (mut m, mut v) = (vec![0.0f64; w.len()], vec![0.0f64; w.len()]);
    let (b1, b2, lr, eps) = (0.9, 0.999, 0.05, 1e-8);
    let mut grad = vec![0.0f64; w.len()];
    for t in 1..=epochs {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (row, y) in &rows {
            let z: f64 = row.iter().map(|&(i, x)| w[i] * x).sum();
            let weight = if *y > 0.5 { wp } else { wn };
            let e = (sigmoid(z) - y) * weight;
            for &(i, x) in row {
                grad[i] += e * x;
            }
        }
        let count = rows.len().max(1) as f64;
        for i in 0..w.len() {
            let g = grad[i] / count + if names[i] == "bias" { 0.0 } else { l2 * w[i] };
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            let mh = m[i] / (1.0 - b1.powi(t as i32));
            let vh = v[i] / (1.0 - b2.powi(t as i32));
            w[i] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    names
        .into_iter()
        .zip(w)
        .filter(|(_, w)| w.abs() > 1e-6)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_form_round_trips() {
        let c = Calibration::from_weights(
            [("bias".to_string(), -1.5), ("rule:x".to_string(), 2.25)].into(),
            0.4,
        );
        let back = Calibration::parse(&c.to_text("fitted on nothing")).expect("parses");
        assert_eq!(back.threshold, 0.4);
        let f: Features = vec![("bias".into(), 1.0), ("rule:x".into(), 1.0)];
        assert!((back.probability(&f) - sigmoid(0.75)).abs() < 1e-9);
    }

    #[test]
    fn a_bad_line_is_named() {
        assert_eq!(
            Calibration::parse("threshold\t0.5\nbias 1.0\n").unwrap_err(),
            "line 2: expected 'feature<TAB>weight'"
        );
    }

    #[test]
    fn fitting_separates_what_the_features_separate() {
        let ex = |on: bool, y: bool| -> (Features, bool) {
            (
                vec![("bias".into(), 1.0), ("signal".into(), on as u8 as f64)],
                y,
            )
        };
        let mut examples = Vec::new();
        for _ in 0..20 {
            examples.push(ex(true, true));
            examples.push(ex(false, false));
        }
        examples.push(ex(true, false));
        let c = Calibration::from_weights(fit(&examples, 0.01, 300), 0.5);
        assert!(c.probability(&ex(true, true).0) > 0.8);
        assert!(c.probability(&ex(false, true).0) < 0.2);
    }
}
