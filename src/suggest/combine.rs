//! One corrected sentence per sentence: the edits of every finding of a sentence that do not
//! conflict are applied together, and a rewrite is shown only when the tool itself accepts it.
//!
//! "Thursday accused the government France that the country Haftar supports." has two findings,
//! one that moves the subject and one that moves the verb of the last clause; each finding's
//! suggestion is the sentence with both moves made. Where two findings' edits touch the same
//! words, the more confident finding's edits win.

use super::edits::{apply, conflict, diff};
use crate::finding::{Category, Edit, EditKind, Finding};
use rayon::prelude::*;

/// Judges a candidate rewrite of a sentence: whether `candidate` is flagged by at most
/// `max_structural` structural findings and reads as more probable English than `original`.
pub trait Judge: Sync {
    fn accepts(&self, original: &str, candidate: &str, max_structural: usize) -> bool;

    /// Whether no structural check flags `candidate`, even below the reporting threshold
    /// (none is accepted so unless the judge can tell).
    fn accepts_strictly(&self, _candidate: &str) -> bool {
        false
    }

    /// For each pair of neighbouring words of `sentence` (as the tokenizer splits it), the
    /// log-odds that they were written in the wrong order (`None` for a pair not scored);
    /// empty when the judge cannot tell.
    fn swap_scores(&self, _sentence: &str) -> Vec<Option<f32>> {
        Vec::new()
    }

    /// The candidate with what its moves make necessary elsewhere (the tense a time phrase
    /// needs once a rewrite joins "has" and its participle).
    fn polish(&self, _original: &str, candidate: &str) -> String {
        candidate.to_string()
    }

    /// The candidate checked again and rewritten by the findings it still has, once: how the
    /// edits of findings that touched the same words are made one after the other ("went
    /// citizens … the streets": the subject first, then "took to the streets").
    fn improve(&self, _candidate: &str) -> Option<String> {
        None
    }
}

/// Sets every finding's `edits`, `suggestion` and `combines`. `findings` are in input order
/// (the findings of one sentence next to each other); sentences are handled in parallel.
pub fn combine(findings: &mut [Finding], judge: &dyn Judge) {
    findings
        .par_chunk_by_mut(|a, b| {
            a.sentence_start == b.sentence_start && a.sentence.len() == b.sentence.len()
        })
        .for_each(|group| combine_sentence(group, judge, true));
}

/// [`combine`], with no second round for the findings whose edits conflict: what
/// [`Judge::improve`] runs on a candidate.
pub fn combine_once(findings: &mut [Finding], judge: &dyn Judge) {
    findings
        .chunk_by_mut(|a, b| {
            a.sentence_start == b.sentence_start && a.sentence.len() == b.sentence.len()
        })
        .for_each(|group| combine_sentence(group, judge, false));
}

/// One sentence's findings being combined: the sentence, where it starts in the input, each
/// finding's own edits, and how rewrites of it are judged.
struct Sentence<'a> {
    text: String,
    offset: usize,
    own: Vec<Vec<Edit>>,
    /// How many of its findings are structural.
    structural: usize,
    /// How many errors those are: structural findings whose spans overlap flag one error.
    errors: usize,
    /// Whether rewrites are judged at all (see [`combine_sentence`]).
    judged: bool,
    judge: &'a dyn Judge,
    /// Whether a second round may run (see [`Judge::improve`]).
    improve: bool,
}

impl Sentence<'_> {
    fn accepts(&self, candidate: &str, allowed: usize) -> bool {
        !self.judged || self.judge.accepts(&self.text, candidate, allowed)
    }

    /// The candidate polished by the judge; a rewrite that is not judged (words changed in
    /// place) needs no polish either.
    fn polish(&self, candidate: String) -> String {
        if self.judged {
            self.judge.polish(&self.text, &candidate)
        } else {
            candidate
        }
    }

    /// The sentence with the own edits of `findings` applied.
    fn with_edits_of(&self, findings: &[usize]) -> String {
        let edits: Vec<&Edit> = findings.iter().flat_map(|&i| &self.own[i]).collect();
        apply(&self.text, self.offset, &edits)
    }
}

/// The findings of one sentence.
fn combine_sentence(group: &mut [Finding], judge: &dyn Judge, improve: bool) {
    let Some(first) = group.first() else {
        return;
    };
    let (text, offset) = (first.sentence.clone(), first.sentence_start);
    let own: Vec<Vec<Edit>> = group
        .iter()
        .map(|f| {
            f.suggestion
                .as_deref()
                .map_or_else(Vec::new, |s| diff(&text, s, offset))
        })
        .collect();
    // Words changed in place (a capital letter, a spelling) in a sentence with no structural
    // finding cannot make its structure worse: such a rewrite is not judged again.
    let structural = group.iter().filter(|f| f.category.is_structural()).count();
    let judged = structural > 0
        || own
            .iter()
            .flatten()
            .any(|e| !matches!(e.kind, EditKind::Replace));
    let s = Sentence {
        text,
        offset,
        own,
        structural,
        errors: distinct_errors(group),
        judged,
        judge,
        improve,
    };
    // The most confident first; a finding whose edits touch those of one before it is left out.
    let mut order: Vec<usize> = (0..group.len()).filter(|&i| !s.own[i].is_empty()).collect();
    order.sort_by(|&a, &b| group[b].confidence.total_cmp(&group[a].confidence));
    let mut together = compatible(&s, &order);
    // Findings that are symptoms of another's error take its rewrite and make no edits.
    let mut symptoms = Vec::new();
    if improve && let Some((cause, of)) = symptoms_of_one_error(&s, group, &together) {
        order.retain(|i| !of.contains(i));
        together.retain(|i| !of.contains(i));
        symptoms = of.into_iter().map(|j| (j, cause)).collect();
    }
    let mut done = combine_together(&s, group, &order, together.clone());
    // Which of two conflicting findings goes first can decide whether the second round
    // repairs the rest: when the most confident order leaves findings without the sentence's
    // rewrite, the order with the structural findings first is tried too, and kept when it
    // gives more findings one corrected sentence.
    if improve && together.len() < order.len() {
        let mut alternative = order.clone();
        alternative.sort_by_key(|&i| !group[i].category.is_structural());
        let other = compatible(&s, &alternative);
        if other != together {
            let mut trial = group.to_vec();
            let other_done = combine_together(&s, &mut trial, &alternative, other);
            let count = |d: &[bool]| d.iter().filter(|&&x| x).count();
            if count(&other_done) > count(&done) {
                group.clone_from_slice(&trial);
                done = other_done;
            }
        }
    }
    for &(j, _) in &symptoms {
        done[j] = true;
    }
    for (i, f) in group.iter_mut().enumerate() {
        if !done[i] {
            settle_alone(&s, i, f);
        }
    }
    for &(j, cause) in &symptoms {
        let rewrite = group[cause].suggestion.clone();
        let id = group[cause].check_id();
        let f = &mut group[j];
        f.edits = Vec::new();
        f.combines = if rewrite.is_some() {
            vec![id]
        } else {
            Vec::new()
        };
        f.suggestion = rewrite;
    }
    if improve {
        one_answer_per_error(group);
        follow_the_more_confident(&s, group);
        share_clean_rewrite(&s, group);
        repair_by_search(&s, group);
    }
}

/// Whether some structural findings of a sentence flag the error of another from another side
/// ("In 2019 was the bridge declared unsafe": the verb before its subject, and "unsafe by" as a
/// swapped pair): their own edits would rewrite words that are right. The candidates are the
/// rewrite with every compatible edit and, for each structural finding, the rewrite with its
/// edits alone (and those of the sentence's other kinds of finding); of those that leave no
/// structural finding (a rewrite with one finding's edits alone: none even below the
/// reporting threshold), the one the word bigram model finds most probable wins. When it is one
/// finding's alone, returns that finding and the structural findings it makes symptoms.
fn symptoms_of_one_error(
    s: &Sentence,
    group: &[Finding],
    together: &[usize],
) -> Option<(usize, Vec<usize>)> {
    let structural: Vec<usize> = together
        .iter()
        .copied()
        .filter(|&i| group[i].category.is_structural())
        .collect();
    if structural.len() < 2 {
        return None;
    }
    let model = crate::ngram::WordNgrams::embedded()?;
    let score = |text: &str| {
        let tokens = crate::tokenize::tokenize(text, 0, text.len());
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        model.score(&words).0
    };
    let all = s.polish(s.with_edits_of(together));
    let mut best = s.accepts(&all, 0).then(|| (score(&all), None));
    for &cause in &structural {
        let keep: Vec<usize> = together
            .iter()
            .copied()
            .filter(|&j| j == cause || !structural.contains(&j))
            .collect();
        let candidate = s.polish(s.with_edits_of(&keep));
        // (No structural finding even below the threshold: a finding the judge misses in
        // the rewrite must not pass for a symptom.)
        if candidate == all || !(s.accepts(&candidate, 0) && s.judge.accepts_strictly(&candidate)) {
            continue;
        }
        let p = score(&candidate);
        if best.as_ref().is_none_or(|&(q, _)| p > q) {
            best = Some((p, Some(cause)));
        }
    }
    let cause = best?.1?;
    let others = structural.into_iter().filter(|&j| j != cause).collect();
    Some((cause, others))
}

/// Structural findings that flag the same words (their spans overlap) and were left with
/// different rewrites, each judged alone, show one: that of the most confident of them, as
/// conflicting edits are resolved. The others take it with no edits of their own, naming the
/// finding that makes it.
fn one_answer_per_error(group: &mut [Finding]) {
    let structural: Vec<usize> = (0..group.len())
        .filter(|&i| group[i].category.is_structural())
        .collect();
    let overlap = |a: &Finding, b: &Finding| a.start < b.end && b.start < a.end;
    for &i in &structural {
        let cluster: Vec<usize> = structural
            .iter()
            .copied()
            .filter(|&j| overlap(&group[i], &group[j]))
            .collect();
        let Some(owner) = cluster
            .iter()
            .copied()
            .filter(|&j| group[j].suggestion.is_some())
            .max_by(|&a, &b| group[a].confidence.total_cmp(&group[b].confidence))
        else {
            continue;
        };
        let best = group[owner].suggestion.clone();
        let id = group[owner].check_id();
        for j in cluster {
            let f = &mut group[j];
            if f.suggestion.is_some() && f.suggestion != best {
                f.suggestion.clone_from(&best);
                f.edits = Vec::new();
                f.combines = vec![id.clone()];
            }
        }
    }
}

/// A finding whose own edits conflict with those of a more confident finding shows that
/// finding's rewrite, when it leaves no structural finding at all: conflicting edits are
/// resolved by confidence, and the sentence gets one corrected form ("Haftar wants the power in
/// the country take control of …": the calque's "wants to take power … from" wins over the
/// infinitive's "to" alone).
fn follow_the_more_confident(s: &Sentence, group: &mut [Finding]) {
    let mut order: Vec<usize> = (0..group.len())
        .filter(|&i| group[i].suggestion.is_some() && !s.own[i].is_empty())
        .collect();
    order.sort_by(|&a, &b| group[b].confidence.total_cmp(&group[a].confidence));
    let Some(&top) = order.first() else {
        return;
    };
    let Some(rewrite) = group[top].suggestion.clone() else {
        return;
    };
    let losers: Vec<usize> = order[1..]
        .iter()
        .copied()
        .filter(|&i| {
            let f = &group[i];
            f.suggestion.as_deref() != Some(rewrite.as_str()) && conflict(&s.own[i], &s.own[top])
        })
        .collect();
    // (No structural finding even below the threshold: a rewrite that leaves the error the
    // other finding saw, and that the judge misses, must not be shown for it.)
    if losers.is_empty() || !s.judged || !s.judge.accepts_strictly(&rewrite) {
        return;
    }
    let id = group[top].check_id();
    for i in losers {
        let f = &mut group[i];
        f.suggestion = Some(rewrite.clone());
        f.edits = Vec::new();
        f.combines = vec![id.clone()];
    }
}

/// How many errors the structural findings of a sentence flag: findings whose spans overlap
/// (or touch) count as one.
fn distinct_errors(group: &[Finding]) -> usize {
    let mut spans: Vec<(usize, usize)> = group
        .iter()
        .filter(|f| f.category.is_structural())
        .map(|f| (f.start, f.end))
        .collect();
    spans.sort_unstable();
    let mut errors = 0;
    let mut reach = None;
    for (a, b) in spans {
        match reach {
            Some(r) if a <= r => reach = Some(r.max(b)),
            _ => {
                errors += 1;
                reach = Some(b);
            }
        }
    }
    errors
}

/// Structural findings none of which could rewrite the sentence get the rewrite a search
/// finds, when it finds one ([`super::repair`]).
fn repair_by_search(s: &Sentence, group: &mut [Finding]) {
    let structural = |f: &Finding| f.category.is_structural();
    if s.structural == 0
        || group
            .iter()
            .any(|f| structural(f) && f.suggestion.is_some())
    {
        return;
    }
    let spans: Vec<(usize, usize)> = group
        .iter()
        .filter(|f| structural(f))
        .map(|f| {
            let start = f.start.saturating_sub(s.offset).min(s.text.len());
            (
                start,
                f.end.saturating_sub(s.offset).clamp(start, s.text.len()),
            )
        })
        .collect();
    // A lost verb or subject is put back when no transposition repairs the sentence.
    let has = |c: Category| group.iter().any(|f| f.category == c);
    let lost = if has(Category::MissingVerb) {
        Some(super::repair::Lost::Verb)
    } else if has(Category::MissingSubject) {
        Some(super::repair::Lost::Subject)
    } else if group
        .iter()
        .any(|f| structural(f) && f.check.as_deref() == Some("missing-word"))
    {
        // (The learned detector's "a word seems to be missing": a subject or a verb.)
        Some(super::repair::Lost::Either)
    } else {
        None
    };
    let found = super::repair::transposition(&s.text, &spans, s.judge)
        .or_else(|| lost.and_then(|l| super::repair::insertion(&s.text, &spans, l, s.judge)));
    let Some(rewrite) = found else {
        return;
    };
    let edits = diff(&s.text, &rewrite, s.offset);
    for f in group.iter_mut().filter(|f| structural(f)) {
        f.suggestion = Some(rewrite.clone());
        f.edits = edits.clone();
    }
}

/// A structural finding with no rewrite of its own ("the verb comes first: a subject is
/// missing") is fixed as well by the sentence's rewrite when that rewrite leaves no structural
/// finding at all: it shows that rewrite too, naming the findings whose edits make it.
fn share_clean_rewrite(s: &Sentence, group: &mut [Finding]) {
    let bare = |f: &Finding| f.category.is_structural() && f.suggestion.is_none();
    if s.structural == 0 || !group.iter().any(bare) {
        return;
    }
    let Some(rewrite) = group
        .iter()
        .filter(|f| f.suggestion.is_some())
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
        .and_then(|f| f.suggestion.clone())
    else {
        return;
    };
    if !s.accepts(&rewrite, 0) {
        return;
    }
    let ids: Vec<String> = group
        .iter()
        .filter(|f| f.suggestion.as_deref() == Some(rewrite.as_str()))
        .map(Finding::check_id)
        .collect();
    // Only where the rewrite moves, inserts or deletes words at the finding's words: a word
    // replaced in place leaves a structural error where it was.
    let edits = diff(&s.text, &rewrite, s.offset);
    let reaches = |f: &Finding| {
        edits
            .iter()
            .any(|e| e.kind != EditKind::Replace && e.start <= f.end && f.start <= e.end)
    };
    for f in group.iter_mut().filter(|f| bare(f) && reaches(f)) {
        f.suggestion = Some(rewrite.clone());
        f.edits = Vec::new();
        f.combines = ids.clone();
    }
}

/// The findings of `order` whose edits go together, each kept unless its edits touch those of
/// one kept before it; in the sentence's order.
fn compatible(s: &Sentence, order: &[usize]) -> Vec<usize> {
    let mut together: Vec<usize> = Vec::new();
    for &i in order {
        if together.iter().all(|&j| !conflict(&s.own[i], &s.own[j])) {
            together.push(i);
        }
    }
    together.sort_unstable();
    together
}

/// Gives the findings whose edits go together one corrected sentence, when the judge accepts
/// it; the findings left out for a conflict get a second round on it. Returns which findings
/// got it.
fn combine_together(
    s: &Sentence,
    group: &mut [Finding],
    order: &[usize],
    mut together: Vec<usize>,
) -> Vec<bool> {
    let mut done = vec![false; group.len()];
    let left_out = order.len() > together.len();
    if together.len() < 2 && !(left_out && s.improve) {
        return done;
    }
    let mut plain = s.with_edits_of(&together);
    // The findings left out get their turn on the rewrite: when the rule that found them
    // finds the rewrite still wanting, its new suggestion is the sentence's.
    if left_out
        && s.improve
        && let Some(better) = s.judge.improve(&plain)
        && better != plain
    {
        plain = better;
        together = order.to_vec();
        together.sort_unstable();
    }
    let combined = s.polish(plain);
    if together.len() < 2 || !s.accepts(&combined, 0) {
        return done;
    }
    let owns: Vec<&[Edit]> = together.iter().map(|&i| s.own[i].as_slice()).collect();
    let mut by_confidence: Vec<usize> = (0..together.len()).collect();
    by_confidence.sort_by(|&a, &b| {
        group[together[b]]
            .confidence
            .total_cmp(&group[together[a]].confidence)
    });
    // Each keeps its own edits, unless polishing or a second round changed more.
    let shares = if combined == s.with_edits_of(&together) {
        owns.iter().map(|o| o.to_vec()).collect()
    } else {
        assign(diff(&s.text, &combined, s.offset), &owns, &by_confidence)
    };
    let ids: Vec<String> = together.iter().map(|&i| group[i].check_id()).collect();
    for (k, (&i, edits)) in together.iter().zip(shares).enumerate() {
        let f = &mut group[i];
        f.suggestion = Some(combined.clone());
        f.edits = edits;
        f.combines = ids
            .iter()
            .enumerate()
            .filter(|&(n, _)| n != k)
            .map(|(_, id)| id.clone())
            .collect();
        done[i] = true;
    }
    done
}

/// A finding's own rewrite, alone: it must leave fewer structural findings than the sentence
/// has. A half repair ("Last week has the company its results published" with only the verb
/// second made) gets a second round: the rule that still flags the rewrite makes its move on
/// it, and both moves are one suggestion.
fn settle_alone(s: &Sentence, i: usize, f: &mut Finding) {
    if s.own[i].is_empty() {
        f.suggestion = None;
        return;
    }
    let plain = s.with_edits_of(&[i]);
    let mut candidate = s.polish(plain.clone());
    // A structural finding's rewrite must mend its error: it may leave the others, but not
    // one of the findings that flag the same words as it.
    let allowed = if f.category.is_structural() {
        s.errors.saturating_sub(1)
    } else {
        s.structural
    };
    let mut ok = s.accepts(&candidate, allowed);
    if !ok
        && s.improve
        && let Some(better) = s.judge.improve(&plain)
        && better != plain
    {
        let better = s.polish(better);
        if s.accepts(&better, allowed) {
            candidate = better;
            ok = true;
        }
    }
    if !ok {
        f.suggestion = None;
        return;
    }
    f.edits = if candidate == plain {
        s.own[i].clone()
    } else {
        diff(&s.text, &candidate, s.offset)
    };
    f.suggestion = Some(candidate);
}

/// Shares the edits of a combined rewrite among the findings it combines: an edit goes to the
/// first finding (in `order`) whose own edits it touches or equals, else to the most confident.
fn assign(edits: Vec<Edit>, owns: &[&[Edit]], order: &[usize]) -> Vec<Vec<Edit>> {
    let mut shares = vec![Vec::new(); owns.len()];
    for e in edits {
        let one = std::slice::from_ref(&e);
        let k = order
            .iter()
            .copied()
            .find(|&k| owns[k].contains(&e) || conflict(one, owns[k]))
            .unwrap_or(order[0]);
        shares[k].push(e);
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Severity};

    struct Any;
    impl Judge for Any {
        fn accepts(&self, _: &str, _: &str, _: usize) -> bool {
            true
        }
    }
    struct Never;
    impl Judge for Never {
        fn accepts(&self, _: &str, _: &str, _: usize) -> bool {
            false
        }
    }

    /// Accepts one rewrite only.
    struct Only<'a>(&'a str);
    impl Judge for Only<'_> {
        fn accepts(&self, _: &str, candidate: &str, _: usize) -> bool {
            candidate == self.0
        }
        fn accepts_strictly(&self, candidate: &str) -> bool {
            candidate == self.0
        }
    }

    fn finding(rule: &str, sentence: &str, suggestion: &str, confidence: f64) -> Finding {
        Finding {
            rule: rule.into(),
            check: None,
            category: Category::WordOrder,
            severity: Severity::Major,
            confidence,
            message: String::new(),
            line: 1,
            column: 1,
            start: 10,
            end: 12,
            sentence: sentence.into(),
            sentence_start: 10,
            text: String::new(),
            suggestion: Some(suggestion.into()),
            edits: Vec::new(),
            combines: Vec::new(),
            source: None,
            source_lang: None,
        }
    }

    const S: &str = "Thursday accused the government France that the country Haftar supports.";

    #[test]
    fn two_findings_of_one_sentence_share_one_corrected_sentence() {
        let mut fs = vec![
            finding(
                "verb-second-inversion",
                S,
                "On Thursday, the government accused France that the country Haftar supports.",
                0.9,
            ),
            finding(
                "verb-final-clause",
                S,
                "Thursday accused the government France that the country supports Haftar.",
                0.8,
            ),
        ];
        let want = "On Thursday, the government accused France that the country supports Haftar.";
        // Two errors: a rewrite that mends one still has the other.
        combine(&mut fs, &Only(want));
        assert_eq!(fs[0].suggestion.as_deref(), Some(want));
        assert_eq!(fs[1].suggestion.as_deref(), Some(want));
        assert_eq!(fs[0].combines, vec!["verb-final-clause"]);
        assert_eq!(fs[1].combines, vec!["verb-second-inversion"]);
        // Each keeps its own edits, on spans of the input.
        assert!(
            fs[1]
                .edits
                .iter()
                .all(|e| e.start >= 10 + S.find("Haftar").unwrap())
        );
    }

    #[test]
    fn conflicting_edits_go_to_the_more_confident_finding() {
        let mut fs = vec![
            finding(
                "a",
                S,
                &S.replace("accused the government", "the government accused"),
                0.5,
            ),
            finding(
                "b",
                S,
                &S.replace("accused the government", "the accused government"),
                0.9,
            ),
        ];
        combine(&mut fs, &Any);
        // One answer for the one error: the more confident finding's, which the other takes
        // with no edits of its own.
        let want = S.replace("accused the government", "the accused government");
        assert_eq!(fs[1].suggestion.as_deref(), Some(want.as_str()));
        assert!(fs[1].combines.is_empty());
        assert_eq!(fs[0].suggestion.as_deref(), Some(want.as_str()));
        assert_eq!(fs[0].combines, vec!["b"]);
        assert!(fs[0].edits.is_empty());
    }

    #[test]
    fn a_finding_that_flags_a_symptom_of_another_error_takes_its_rewrite() {
        // The verb before its subject makes "country Haftar" look swapped as well; moving the
        // verb alone leaves nothing flagged, and the swap would change words that are right.
        let moved = "On Thursday, the government accused France that the country Haftar supports.";
        let swapped = S.replace("country Haftar", "Haftar country");
        let mut fs = vec![
            finding("verb-second-inversion", S, moved, 0.6),
            finding("word-order-anomaly", S, &swapped, 0.8),
        ];
        fs[1].start = 10 + S.find("country Haftar").unwrap();
        fs[1].end = fs[1].start + "country Haftar".len();
        combine(&mut fs, &Only(moved));
        assert_eq!(fs[0].suggestion.as_deref(), Some(moved));
        assert_eq!(fs[1].suggestion.as_deref(), Some(moved));
        assert_eq!(fs[1].combines, vec!["verb-second-inversion"]);
        assert!(fs[1].edits.is_empty());
    }

    #[test]
    fn a_finding_whose_edits_lose_a_conflict_shows_the_winning_rewrite() {
        // Both edit at "Haftar"; the more confident rewrite leaves nothing flagged.
        let calque = S.replace("the country Haftar supports", "the country supports Haftar");
        let half = S.replace("Haftar supports", "Haftar's army supports");
        let mut fs = vec![
            finding("infinitive", S, &half, 0.6),
            finding("calque", S, &calque, 0.8),
        ];
        fs[1].category = Category::Calque;
        fs[1].start = 40;
        fs[1].end = 50;
        // Each rewrite alone is accepted; only the calque's leaves nothing flagged at all.
        struct Both<'a>(&'a str, &'a str);
        impl Judge for Both<'_> {
            fn accepts(&self, _: &str, candidate: &str, _: usize) -> bool {
                candidate == self.0 || candidate == self.1
            }
            fn accepts_strictly(&self, candidate: &str) -> bool {
                candidate == self.1
            }
        }
        combine(&mut fs, &Both(&half, &calque));
        assert_eq!(fs[0].suggestion.as_deref(), Some(calque.as_str()));
        assert_eq!(fs[0].combines, vec!["calque"]);
        assert!(fs[0].edits.is_empty());
        assert_eq!(fs[1].suggestion.as_deref(), Some(calque.as_str()));
    }

    #[test]
    fn a_rewrite_the_judge_refuses_is_not_shown() {
        let mut fs = vec![finding(
            "a",
            S,
            &S.replace("Haftar supports", "supports Haftar"),
            0.9,
        )];
        combine(&mut fs, &Never);
        assert_eq!(fs[0].suggestion, None);
        assert!(fs[0].edits.is_empty());
    }

    #[test]
    fn a_finding_without_a_rewrite_shows_the_rewrite_that_moves_its_words() {
        let moved = "Thursday accused the government France that the country supports Haftar.";
        let mut bare = finding("missing-verb", S, S, 0.95);
        bare.suggestion = None;
        bare.start = 10 + S.find("Haftar supports").unwrap();
        bare.end = bare.start + "Haftar supports".len();
        let mut fs = vec![finding("verb-final-clause", S, moved, 0.8), bare.clone()];
        combine(&mut fs, &Any);
        assert_eq!(fs[1].suggestion.as_deref(), Some(moved));
        assert_eq!(fs[1].combines, vec!["verb-final-clause"]);
        assert!(
            fs[1].edits.is_empty(),
            "the edits stay with the finding that makes them"
        );
        // A rewrite that only replaces a word in place leaves the finding as it was.
        let replaced = S.replace("country", "state");
        bare.start = 10 + S.find("the country").unwrap();
        bare.end = bare.start + "the country".len();
        let mut fs = vec![finding("calque", S, &replaced, 0.8), bare];
        combine(&mut fs, &Any);
        assert_eq!(fs[1].suggestion, None);
    }

    /// Repairs only the rewrite that made the structural move first.
    struct OneWay;
    const MOVED: &str =
        "On Thursday, the government accused France that the country Haftar supports.";
    const FULL: &str =
        "On Thursday, the government blamed France that the country Haftar supports.";
    impl Judge for OneWay {
        fn accepts(&self, _: &str, candidate: &str, _: usize) -> bool {
            candidate == FULL || candidate == MOVED
        }
        fn improve(&self, candidate: &str) -> Option<String> {
            (candidate == MOVED).then(|| FULL.to_string())
        }
    }

    #[test]
    fn conflicting_findings_are_combined_in_the_order_that_repairs_both() {
        // Both touch "accused": the edits conflict.
        let calque = S.replace("accused", "blamed");
        let mut fs = vec![
            finding("verb-second-inversion", S, MOVED, 0.79),
            finding("calque", S, &calque, 0.8),
        ];
        fs[1].category = Category::Calque;
        combine(&mut fs, &OneWay);
        assert_eq!(fs[0].suggestion.as_deref(), Some(FULL), "{fs:#?}");
        assert_eq!(fs[1].suggestion.as_deref(), Some(FULL));
    }

    #[test]
    fn a_suggestion_that_changes_nothing_is_dropped() {
        let mut fs = vec![finding("a", S, S, 0.9)];
        combine(&mut fs, &Any);
        assert_eq!(fs[0].suggestion, None);
    }
}
