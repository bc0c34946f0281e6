//! A rewrite found by search for a sentence whose structural findings have none: the
//! transpositions of two neighbouring words at the flagged words ("The police the found stolen
//! car" → "The police found the stolen car"; "glaciers the in Alps" → "glaciers in the Alps";
//! "8 more percent" → "8 percent more"). A candidate counts when the model of swapped
//! neighbours finds the two words suspicious and the word bigram model of a large corpus finds
//! the transposition clearly more probable than the sentence; the likeliest few are checked
//! by the tool itself, and the first that no structural check flags even at a low confidence
//! is the suggestion (a search has no rule's reasons behind it: it must leave nothing doubtful).

use super::combine::Judge;
use crate::ngram::WordNgrams;

/// How much more probable a transposition must read than the sentence (the natural log of the
/// ratio: about four and a half times).
const MIN_GAIN: f32 = 1.5;
/// The least log-odds of the model of swapped neighbours (`word-order-anomaly`) that the two
/// words were written in the wrong order.
const MIN_PAIR_SCORE: f32 = -2.5;
/// How many of the likeliest transpositions the tool checks.
const TRIED: usize = 3;
/// How many words beside a flagged span a transposition may reach.
const REACH: usize = 2;

fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// The rewrite of `text` (a sentence) with two neighbouring words at the `spans` (byte ranges
/// in `text`) transposed, when one reads as English (see the module documentation).
pub fn transposition(text: &str, spans: &[(usize, usize)], judge: &dyn Judge) -> Option<String> {
    let model = WordNgrams::embedded()?;
    let tokens = crate::tokenize::tokenize(text, 0, text.len());
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let n = words.len();
    // The tokens each span covers, widened by the reach.
    let ranges: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(s, e)| {
            let first = tokens.iter().position(|t| t.end > s).unwrap_or(n);
            let last = tokens.iter().rposition(|t| t.start < e).unwrap_or(0);
            (first.saturating_sub(REACH), last + REACH)
        })
        .collect();
    let near = |k: usize| ranges.iter().any(|&(a, b)| a <= k && k <= b);
    // The pair itself must look swapped to the model of swapped neighbours.
    let pair_scores = judge.swap_scores(text);
    if pair_scores.len() + 1 != n {
        return None;
    }
    let mut candidates: Vec<(f32, String)> = Vec::new();
    // The first word keeps its place: a transposition there would move the capital letter.
    for i in 1..n.saturating_sub(1) {
        if !(is_word(words[i]) && is_word(words[i + 1])) || !(near(i) || near(i + 1)) {
            continue;
        }
        // Only the pairs around the two words change: the word before, the two, the word after.
        let (lo, hi) = (i - 1, (i + 3).min(n));
        let mut swapped = words[lo..hi].to_vec();
        swapped.swap(1, 2);
        let gain = model.score(&swapped).0 - model.score(&words[lo..hi]).0;
        if gain < MIN_GAIN || pair_scores[i].is_none_or(|p| p < MIN_PAIR_SCORE) {
            continue;
        }
        let (a, b) = (&tokens[i], &tokens[i + 1]);
        let rewrite = format!(
            "{}{}{}{}{}",
            &text[..a.start],
            &text[b.start..b.end],
            &text[a.end..b.start],
            &text[a.start..a.end],
            &text[b.end..]
        );
        candidates.push((gain, rewrite));
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    candidates
        .into_iter()
        .take(TRIED)
        .map(|(_, r)| r)
        .find(|r| judge.accepts_strictly(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts every candidate.
    struct Anything;
    impl Judge for Anything {
        fn accepts(&self, _: &str, _: &str, _: usize) -> bool {
            true
        }
        fn accepts_strictly(&self, _: &str) -> bool {
            true
        }
        fn swap_scores(&self, sentence: &str) -> Vec<Option<f32>> {
            let n = crate::tokenize::tokenize(sentence, 0, sentence.len()).len();
            vec![Some(0.0); n.saturating_sub(1)]
        }
    }

    #[test]
    fn neighbours_out_of_order_are_put_back() {
        let repair = |t: &str| {
            let at = t.find("the found").unwrap_or(0);
            transposition(t, &[(at, at + 9)], &Anything)
        };
        assert_eq!(
            repair("The police the found stolen car in a forest.").as_deref(),
            Some("The police found the stolen car in a forest.")
        );
        // Far from the flagged words, or nothing clearly better: no rewrite.
        assert_eq!(
            transposition(
                "The police found the stolen car in a forest.",
                &[(0, 3)],
                &Anything
            ),
            None
        );
    }
}
