//! Aligns a source article with its translation: paragraphs first, then the sentences inside
//! each aligned group of paragraphs, by length (Gale & Church 1993).
//!
//! Lengths are counted in characters, with CJK characters weighted (one carries about as much
//! as three Latin letters), and scaled by the article's own ratio of target to source length,
//! so any language pair works without training. The dynamic programme only visits cells near
//! the diagonal (a band), which keeps the alignment linear in the length of the article.
//!
//! A bead that pairs nothing with something (1-0, 0-1) is reported as unaligned: a source
//! sentence left out of the translation, or a target sentence that has no source.

use crate::normalize::Normalized;
use crate::segment::{Segment, segment};

/// One aligned group: source items `src.0..src.1` and target items `tgt.0..tgt.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bead {
    pub src: (usize, usize),
    pub tgt: (usize, usize),
    /// The cost of the bead (−log probability); higher is a worse match.
    pub cost: u32,
}

impl Bead {
    pub fn src_len(&self) -> usize {
        self.src.1 - self.src.0
    }

    pub fn tgt_len(&self) -> usize {
        self.tgt.1 - self.tgt.0
    }

    /// Source or target side is empty: the other side could not be aligned.
    pub fn is_unaligned(&self) -> bool {
        self.src_len() == 0 || self.tgt_len() == 0
    }
}

/// Bead shapes with their prior probabilities (Gale & Church's figures).
const SHAPES: [(usize, usize, f64); 6] = [
    (1, 1, 0.89),
    (1, 0, 0.0099),
    (0, 1, 0.0099),
    (2, 1, 0.089),
    (1, 2, 0.089),
    (2, 2, 0.011),
];

/// Variance of the target length per source character (Gale & Church's 6.8).
const VARIANCE: f64 = 6.8;

/// The length measure of a piece of text: characters without white space, CJK characters
/// (Han, kana, Hangul) counting three.
pub fn text_length(text: &str) -> f64 {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_cjk(c) { 3.0 } else { 1.0 })
        .sum()
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // Han extension A
        | 0x4E00..=0x9FFF    // Han
        | 0xAC00..=0xD7AF    // Hangul
        | 0xF900..=0xFAFF    // Han compatibility
        | 0x20000..=0x2FFFF) // Han extensions
}

/// Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, error < 1.5e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// −log P(match | lengths): how unlikely a target length `t` is for a source length `s`,
/// after scaling by the article's ratio `ratio`.
fn match_cost(s: f64, t: f64, ratio: f64) -> f64 {
    if s == 0.0 || t == 0.0 {
        // Nothing on one side: only the prior of the shape counts (the length formula would
        // make leaving out a long sentence look impossible).
        return 0.0;
    }
    let mean = (s + t / ratio) / 2.0;
    let delta = (t / ratio - s) / (VARIANCE * mean.max(1.0)).sqrt();
    let p = (2.0 * (1.0 - normal_cdf(delta.abs()))).max(1e-12);
    -p.ln()
}

/// Aligns two sequences of lengths. Every item of both sides is in exactly one bead; beads come
/// in order. Cells further than `band` from the line from (0, 0) to (n, m) are not visited,
/// so the work is linear in the number of items.
pub fn align_lengths(src: &[f64], tgt: &[f64], band: usize) -> Vec<Bead> {
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        let mut out = Vec::new();
        out.extend((0..n).map(|i| Bead {
            src: (i, i + 1),
            tgt: (0, 0),
            cost: 0,
        }));
        out.extend((0..m).map(|j| Bead {
            src: (n, n),
            tgt: (j, j + 1),
            cost: 0,
        }));
        return out;
    }
    // A first estimate of the article's ratio: of the medians when both sides have a few
    // items in similar numbers (a left-out sentence barely moves it), of the totals otherwise.
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        let k = v.len();
        if k % 2 == 1 {
            v[k / 2]
        } else {
            (v[k / 2 - 1] + v[k / 2]) / 2.0
        }
    };
    let ratio = {
        let similar_counts = 4 * n.max(m) <= 5 * n.min(m);
        let (s, t): (f64, f64) = if n >= 3 && m >= 3 && similar_counts {
            (median(src), median(tgt))
        } else {
            (src.iter().sum(), tgt.iter().sum())
        };
        if s > 0.0 && t > 0.0 { t / s } else { 1.0 }
    };
    let first = align_with_ratio(src, tgt, band, ratio);
    // The article's ratio again, from the sentences the first pass paired one to one: an
    // omitted or added sentence no longer skews it.
    let mut ratios: Vec<f64> = first
        .iter()
        .filter(|b| b.src_len() == 1 && b.tgt_len() == 1 && src[b.src.0] > 0.0)
        .map(|b| tgt[b.tgt.0] / src[b.src.0])
        .collect();
    if ratios.len() < 3 {
        return first;
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    if (median / ratio - 1.0).abs() < 0.02 {
        return first;
    }
    align_with_ratio(src, tgt, band, median)
}

fn align_with_ratio(src: &[f64], tgt: &[f64], band: usize, ratio: f64) -> Vec<Bead> {
    let (n, m) = (src.len(), tgt.len());
    // The band follows the line from (0, 0) to (n, m), so it needs no widening when the
    // sides differ in length; it stays `band` wide and the work linear.
    let band = band.max(3);
    let width = 2 * band + 1;
    // The diagonal's column for row i, and the window of columns around it.
    let centre = |i: usize| (i * m + n / 2) / n;
    let lo = |i: usize| centre(i).saturating_sub(band);
    let hi = |i: usize| (centre(i) + band).min(m);
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![u8::MAX; (n + 1) * width];
    let at = |i: usize, j: usize| -> Option<usize> {
        (j >= lo(i) && j <= hi(i)).then(|| i * width + (j - lo(i)))
    };
    let prefix = |v: &[f64]| -> Vec<f64> {
        let mut p = vec![0.0; v.len() + 1];
        for (k, x) in v.iter().enumerate() {
            p[k + 1] = p[k] + x;
        }
        p
    };
    let (ps, pt) = (prefix(src), prefix(tgt));
    cost[at(0, 0).expect("origin is in the band")] = 0.0;
    for i in 0..=n {
        for j in lo(i)..=hi(i) {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::INFINITY, u8::MAX);
            for (k, &(di, dj, prior)) in SHAPES.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let Some(p) = at(i - di, j - dj) else {
                    continue;
                };
                let prev = cost[p];
                if !prev.is_finite() {
                    continue;
                }
                let s = ps[i] - ps[i - di];
                let t = pt[j] - pt[j - dj];
                let c = prev + match_cost(s, t, ratio) - prior.ln();
                if c < best.0 {
                    best = (c, k as u8);
                }
            }
            if let Some(p) = at(i, j) {
                cost[p] = best.0;
                back[p] = best.1;
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(p) = at(i, j) else { break };
        let Some(&(di, dj, prior)) = SHAPES.get(back[p] as usize) else {
            break;
        };
        let s = ps[i] - ps[i - di];
        let t = pt[j] - pt[j - dj];
        let c = match_cost(s, t, ratio) - prior.ln();
        beads.push(Bead {
            src: (i - di, i),
            tgt: (j - dj, j),
            cost: c.round().clamp(0.0, u32::MAX as f64) as u32,
        });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// A text cut into sentences, with the paragraph of each (from the segmenter).
#[derive(Debug, Clone)]
pub struct Segmented {
    pub normalized: Normalized,
    pub original: String,
    pub segments: Vec<Segment>,
}

impl Segmented {
    pub fn new(original: &str) -> Segmented {
        let normalized = Normalized::new(original);
        let segments = segment(&normalized.text);
        Segmented {
            normalized,
            original: original.to_string(),
            segments,
        }
    }

    /// The text of segment `i` as in the input.
    pub fn original_text(&self, i: usize) -> &str {
        let s = &self.segments[i];
        let a = self.normalized.to_original_start(s.start);
        let b = self.normalized.to_original_end(s.end);
        &self.original[a..b]
    }

    /// The normalized text of segment `i`.
    pub fn text(&self, i: usize) -> &str {
        let s = &self.segments[i];
        &self.normalized.text[s.start..s.end]
    }
}

/// Band of the sentence alignment: how far from the diagonal it looks.
const BAND: usize = 20;

/// Aligns the segments of a source and a target text: paragraphs first (when both sides
/// have more than one), then the segments inside each group of aligned paragraphs.
/// `src_segs` and `tgt_segs` are (text, paragraph) per segment, in order.
pub fn align_segments(src_segs: &[(&str, usize)], tgt_segs: &[(&str, usize)]) -> Vec<Bead> {
    let paragraphs = |segs: &[(&str, usize)]| -> Vec<(usize, usize)> {
        // Ranges of segment indices, one per paragraph.
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (k, &(_, p)) in segs.iter().enumerate() {
            match out.last_mut() {
                Some(r) if segs[r.0].1 == p => r.1 = k + 1,
                _ => out.push((k, k + 1)),
            }
        }
        out
    };
    let (sp, tp) = (paragraphs(src_segs), paragraphs(tgt_segs));
    let lengths = |segs: &[(&str, usize)], r: (usize, usize)| -> Vec<f64> {
        segs[r.0..r.1].iter().map(|(t, _)| text_length(t)).collect()
    };
    if sp.len() < 2 || tp.len() < 2 {
        return align_lengths(
            &lengths(src_segs, (0, src_segs.len())),
            &lengths(tgt_segs, (0, tgt_segs.len())),
            BAND,
        );
    }
    let plen = |segs: &[(&str, usize)], ps: &[(usize, usize)]| -> Vec<f64> {
        ps.iter().map(|&r| lengths(segs, r).iter().sum()).collect()
    };
    let para_beads = align_lengths(&plen(src_segs, &sp), &plen(tgt_segs, &tp), BAND);
    let mut out = Vec::new();
    for pb in para_beads {
        let span = |ps: &[(usize, usize)], (a, b): (usize, usize), end: usize| -> (usize, usize) {
            if a == b {
                // An empty side sits where the next paragraph would start.
                let at = ps.get(a).map_or(end, |r| r.0);
                (at, at)
            } else {
                (ps[a].0, ps[b - 1].1)
            }
        };
        let s = span(&sp, pb.src, src_segs.len());
        let t = span(&tp, pb.tgt, tgt_segs.len());
        let inner = align_lengths(&lengths(src_segs, s), &lengths(tgt_segs, t), BAND);
        out.extend(inner.into_iter().map(|b| Bead {
            src: (b.src.0 + s.0, b.src.1 + s.0),
            tgt: (b.tgt.0 + t.0, b.tgt.1 + t.0),
            cost: b.cost,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(beads: &[Bead]) -> Vec<(usize, usize)> {
        beads.iter().map(|b| (b.src_len(), b.tgt_len())).collect()
    }

    #[test]
    fn one_to_one() {
        let b = align_lengths(&[40.0, 80.0, 30.0], &[44.0, 90.0, 31.0], 5);
        assert_eq!(shapes(&b), vec![(1, 1), (1, 1), (1, 1)]);
        assert_eq!(b[2].src, (2, 3));
        assert_eq!(b[2].tgt, (2, 3));
    }

    #[test]
    fn one_source_sentence_split_in_two() {
        let b = align_lengths(&[50.0, 120.0, 40.0], &[52.0, 58.0, 60.0, 41.0], 5);
        assert_eq!(shapes(&b), vec![(1, 1), (1, 2), (1, 1)]);
    }

    #[test]
    fn two_source_sentences_joined() {
        let b = align_lengths(&[50.0, 60.0, 55.0, 40.0], &[52.0, 118.0, 41.0], 5);
        assert_eq!(shapes(&b), vec![(1, 1), (2, 1), (1, 1)]);
    }

    #[test]
    fn a_sentence_left_out_is_unaligned() {
        let b = align_lengths(
            &[60.0, 70.0, 150.0, 65.0, 80.0],
            &[62.0, 71.0, 66.0, 79.0],
            5,
        );
        assert_eq!(shapes(&b), vec![(1, 1), (1, 1), (1, 0), (1, 1), (1, 1)]);
        assert!(b[2].is_unaligned());
        assert_eq!(b[2].src, (2, 3));
    }

    #[test]
    fn empty_sides() {
        assert_eq!(shapes(&align_lengths(&[10.0], &[], 5)), vec![(1, 0)]);
        assert_eq!(
            shapes(&align_lengths(&[], &[3.0, 4.0], 5)),
            vec![(0, 1), (0, 1)]
        );
    }

    #[test]
    fn long_articles_stay_in_the_band() {
        let src: Vec<f64> = (0..3000).map(|i| 20.0 + (i * 37 % 90) as f64).collect();
        let tgt: Vec<f64> = src.iter().map(|l| l * 1.1).collect();
        let b = align_lengths(&src, &tgt, 10);
        assert_eq!(b.len(), 3000);
        assert!(b.iter().all(|b| b.src_len() == 1 && b.tgt_len() == 1));
    }

    #[test]
    fn very_different_counts_stay_linear() {
        // 5000 source sentences against 2500 joined pairs: every bead is 2-1.
        let src = vec![30.0; 5000];
        let tgt = vec![60.0; 2500];
        let b = align_lengths(&src, &tgt, 10);
        assert_eq!(b.len(), 2500);
        assert!(b.iter().all(|b| b.src_len() == 2 && b.tgt_len() == 1));
    }

    #[test]
    fn cjk_weighs_more() {
        assert_eq!(text_length("ab c"), 3.0);
        assert_eq!(text_length("中国"), 6.0);
    }

    #[test]
    fn paragraphs_first() {
        let src = [
            ("Erster Satz hier.", 0),
            ("Zweiter Satz.", 0),
            ("Dritter Absatz.", 1),
        ];
        let tgt = [
            ("First sentence here.", 0),
            ("Second one.", 0),
            ("Third paragraph.", 1),
        ];
        let b = align_segments(&src, &tgt);
        assert_eq!(shapes(&b), vec![(1, 1), (1, 1), (1, 1)]);
        assert_eq!(b[2].src, (2, 3));
        assert_eq!(b[2].tgt, (2, 3));
    }
}
