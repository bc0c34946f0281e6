//! The rule `interference`: see `META` for what it finds and why.
//!
//! ## What it does
//! The learned interference model ([`model`], trained by `mtlint train-detector` on errors
//! generated from the English Web Treebank, see [`train`]) gives every word two log-odds: that
//! it stands where English would not put it, and that a word is missing just before it. When
//! the highest is above the threshold chosen on clean text when the model was trained, the
//! rule reports that word (check `moved-word` or `missing-word`).
//!
//! The suggestion is found by search, not by a pattern: the reported word (with the
//! neighbours the model also doubts) is put at the place the model gives it (or a word either
//! side, never inside a phrase), or "it" / "there" is put into the gap, each candidate is tagged and scored by the same model, and the
//! candidate the model finds most English is suggested when it finds nothing left to report
//! in it and the class word-order model finds it more probable than the sentence.

use super::rewrite::{Piece, english_middle, render, uncapitalize};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};
use model::{InterferenceModel, MOVED, decide};
use std::sync::OnceLock;

pub mod model;
pub mod train;

static MODEL: &[u8] = include_bytes!("../../models/interference.bin");

/// The embedded model (trained by `mtlint train-detector`), loaded once.
pub fn embedded() -> Option<&'static InterferenceModel> {
    static M: OnceLock<Option<InterferenceModel>> = OnceLock::new();
    M.get_or_init(|| InterferenceModel::from_static(MODEL).ok())
        .as_ref()
}

pub const META: RuleMeta = RuleMeta {
    id: "interference",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "A word stands where the source language puts it, or a word is missing, by a model learnt from many such errors",
    why: "Machine translation from Dutch or German leaves verbs at the end of a clause, puts the verb before its subject, leaves particles behind and drops 'it' and 'there'; the hand-written rules know some shapes of these errors, this model has seen thousands.",
    fix: "Move the word to where English puts it (the suggestion shows where), or supply the missing word.",
    examples: &[
        Example::Bad {
            text: "The police said that they the driver on Sunday arrested.",
            fix: Some("The police said that they arrested the driver on Sunday."),
        },
        Example::Bad {
            text: "The minister said that she the report on Friday receives.",
            fix: Some("The minister said that she receives the report on Friday."),
        },
        Example::Bad {
            text: "The company hopes its old factory sell before the summer.",
            fix: Some("The company hopes to sell its old factory before the summer."),
        },
        Example::Good("The spokesman said that the staff heard the explosion."),
        Example::Good("Never have I seen such a crowd in the square."),
        Example::Good("The report that the company published on Monday was late."),
    ],
};

/// A candidate is suggested when its worst word scores at least this far below the threshold.
const CLEAR: f32 = 0.5;
/// A rewrite the model finds this far below its threshold may read a little less probable to
/// the class word-order model than the sentence (by up to [`LM_SLACK`] nats): that model
/// knows the source's order too well from machine-translated text ("Around midnight heard
/// neighbours …" reads as likely as "… neighbours heard …"), and an added "to" costs it.
const VERY_CLEAR: f32 = 5.0;
const LM_SLACK: f32 = 2.5;

pub struct Interference;

/// What the model and the word-order model make of a candidate sentence: its worst excess
/// and its class-model log-probability, scaled to the length of the sentence it rewrites
/// (`len` tokens), so that a candidate with a word more ("to", "it") is not the less
/// probable for its length alone.
fn judge(model: &InterferenceModel, tagger: &Tagger, words: &[&str], len: usize) -> (f32, f32) {
    let tags = tagger.tag(words);
    let chunks = crate::chunk::chunk(words, &tags);
    let worst = decide(
        &model.score(words, &tags, &chunks, tagger),
        &model.thresholds,
    )
    .worst();
    let lm = crate::detect::word_order_anomaly::model();
    let scale = len as f32 / words.len().max(1) as f32;
    (worst, lm.score(&lm.sequence(words, &tags)) * scale)
}

/// Tokens before the sentence's closing punctuation.
fn body_end(v: &SentenceView) -> usize {
    let mut end = v.len();
    while end > 0 && v.tag(end - 1).is_some_and(Tag::is_punct) {
        end -= 1;
    }
    end
}

/// How the moved words are put at their new place: as they are, in reverse order (a verb
/// cluster read last to first: "extended has" → "has extended"), or after "to" (an
/// infinitive moved next to the verb that governs it: "wants … tackle" → "wants to tackle").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    AsIs,
    Reversed,
    WithTo,
    /// As they are, with the words they move over put in English order: the object first,
    /// then the phrases of place, then those of time ("has in large parts of the country
    /// hundreds of trees uprooted" → "has uprooted hundreds of trees in large parts of the
    /// country").
    Ordered,
}

/// The pieces of the sentence with tokens `a..b` moved to before token `to` (`to` outside
/// `a..b`) in the given shape; the first word loses its capital when it moves.
fn moved_pieces_as(v: &SentenceView, a: usize, b: usize, to: usize, shape: Shape) -> Vec<Piece> {
    if shape == Shape::Ordered
        && let Some((adverbs, middle)) = english_middle(v, to, a)
    {
        let mut pieces = vec![Piece::Tokens(0, to)];
        pieces.extend(adverbs);
        pieces.push(Piece::Tokens(a, b));
        pieces.extend(middle);
        pieces.push(Piece::Tokens(b, v.len()));
        return pieces;
    }
    let mut order: Vec<usize> = (0..v.len()).filter(|&i| i < a || i >= b).collect();
    let at = order.iter().position(|&i| i >= to).unwrap_or(order.len());
    if shape == Shape::Reversed {
        order.splice(at..at, (a..b).rev());
    } else {
        order.splice(at..at, a..b);
    }
    let mut pieces: Vec<Piece> = order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            if i == 0 && n != 0 {
                Piece::Word(0, uncapitalize(v, 0))
            } else {
                Piece::Tokens(i, i + 1)
            }
        })
        .collect();
    if shape == Shape::WithTo {
        pieces.insert(at, Piece::Text("to".into()));
    }
    pieces
}

/// The shapes worth trying for tokens `a..b` moved to before token `to`.
fn shapes(v: &SentenceView, tagger: &Tagger, a: usize, b: usize, to: usize) -> Vec<Shape> {
    let mut out = vec![Shape::AsIs];
    if b - a >= 2 {
        out.push(Shape::Reversed);
    }
    // A base verb moved left next to a verb or noun, with no "to" before it yet.
    let base = v.tag(a) == Some(Tag::VB) || tagger.can_be(v.words[a], Tag::VB);
    let after_verb = to > 0
        && v.tag(to - 1)
            .is_some_and(|t| t.is_verb() || matches!(t, Tag::NN | Tag::NNS | Tag::RB))
        && v.lower(to - 1) != "to";
    if to < a && b - a == 1 && base && after_verb {
        out.push(Shape::WithTo);
    }
    // A verb moved left over two phrases or more to its auxiliary or modal.
    let after_auxiliary = to > 0
        && (v.tag(to - 1) == Some(Tag::MD)
            || (v.tag(to - 1).is_some_and(|t| t.is_finite_verb())
                && matches!(
                    v.lower(to - 1),
                    "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will" | "would"
                )));
    if to < a
        && after_auxiliary
        && a > 0
        && english_middle(v, to, a)
            .is_some_and(|(adverbs, middle)| adverbs.len() + middle.len() >= 2)
    {
        out.push(Shape::Ordered);
    }
    out
}

/// The words of pieces, for tagging a candidate.
fn piece_words<'a>(v: &'a SentenceView, pieces: &'a [Piece]) -> Vec<&'a str> {
    pieces
        .iter()
        .flat_map(|p| -> Vec<&'a str> {
            match p {
                Piece::Tokens(a, b) => v.words[*a..*b].to_vec(),
                Piece::Word(_, w) | Piece::Text(w) => vec![w.as_str()],
            }
        })
        .collect()
}

/// A rewrite the search found: its pieces, its worst excess, its class-model log-probability,
/// and whether it moves words to the left.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub pieces: Vec<Piece>,
    pub worst: f32,
    pub lm: f32,
    pub left: bool,
}

/// The best place for tokens `a..b` near `origin`, the place the model gives them.
fn best_move(
    model: &InterferenceModel,
    tagger: &Tagger,
    v: &SentenceView,
    (a, b): (usize, usize),
    origin: usize,
) -> Option<Candidate> {
    // Where the model puts the word's place, give or take a word.
    let lo = origin.saturating_sub(1);
    let hi = (origin + 1).min(body_end(v));
    // And a finite verb at the end of a clause opened by a subordinator, moved to right after
    // the clause's subject with the phrases it passes in English order ("that consumer prices
    // in October by 2.9 percent rose" → "that consumer prices rose by 2.9 percent in October").
    let after_subject = (b - a == 1 && v.tag(a).is_some_and(Tag::is_finite_verb))
        .then(|| {
            let opener = (0..a)
                .rev()
                .find(|&k| super::clause::is_clause_opener(v, k))?;
            // (A relative pronoun is its clause's subject: "who last season 23 goals scored".)
            let e = if matches!(v.lower(opener), "who" | "which") {
                opener + 1
            } else {
                v.chunker().basic_np(opener + 1)?
            };
            (e < lo && e + 2 <= a).then_some(e)
        })
        .flatten();
    (lo..=hi)
        .filter(|&t| t < a || t > b)
        // Words move between phrases, not into one ("the demolish mayor").
        .filter(|&t| !v.chunks().iter().any(|c| c.start < t && t < c.end))
        .flat_map(|to| {
            shapes(v, tagger, a, b, to)
                .into_iter()
                .map(move |s| (to, s))
        })
        .chain(after_subject.map(|to| (to, Shape::Ordered)))
        .map(|(to, shape)| {
            let pieces = moved_pieces_as(v, a, b, to, shape);
            let (worst, lm) = judge(model, tagger, &piece_words(v, &pieces), v.len());
            Candidate {
                pieces,
                worst,
                lm,
                left: to < a,
            }
        })
        .fold(None, better)
}

/// Of two candidates: of those the model finds clear, the one with the higher sum of the
/// word-order model's log-probability and the model's margin below its threshold; a clear
/// one over one that is not; of two that are not, the one the model doubts less.
fn better(best: Option<Candidate>, c: Candidate) -> Option<Candidate> {
    let Some(b) = best else {
        return Some(c);
    };
    let (b_clear, c_clear) = (b.worst < -CLEAR, c.worst < -CLEAR);
    let take = match (b_clear, c_clear) {
        (true, true) => c.lm - c.worst > b.lm - b.worst,
        (false, false) => c.worst < b.worst,
        (b_clear, _) => !b_clear,
    };
    Some(if take { c } else { b })
}

/// "It" or "there" in the gap before token `i`, whichever the model finds more English.
/// "There" only with a noun phrase after its verb ("there was a delay", not "there was too
/// busy").
fn best_filler(
    model: &InterferenceModel,
    tagger: &Tagger,
    v: &SentenceView,
    i: usize,
) -> Option<Candidate> {
    let existential = v
        .tag(i + 1)
        .is_some_and(|t| t.is_noun() || matches!(t, Tag::DT | Tag::CD | Tag::PDT));
    ["it", "there"]
        .iter()
        .filter(|&&w| w != "there" || existential)
        .map(|w| {
            let mut pieces = vec![Piece::Tokens(0, i), Piece::Text(w.to_string())];
            if i == 0 {
                pieces.push(Piece::Word(0, uncapitalize(v, 0)));
                pieces.push(Piece::Tokens(1, v.len()));
            } else {
                pieces.push(Piece::Tokens(i, v.len()));
            }
            let (worst, lm) = judge(model, tagger, &piece_words(v, &pieces), v.len());
            Candidate {
                pieces,
                worst,
                lm,
                left: false,
            }
        })
        .fold(None, better)
}

/// What the model finds in one sentence: the word it doubts most, how far above the
/// threshold, and the best rewrite the search found for it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub check: &'static str,
    /// Tokens `a..b` are reported.
    pub a: usize,
    pub b: usize,
    pub excess: f32,
    pub candidate: Option<Candidate>,
    /// The class-model log-probability of the sentence as it stands.
    pub lm: f32,
}

/// Analyses a sentence whose worst word is at least `-slack` from its threshold (`None`
/// for the others, and for sentences the rule does not read).
pub fn analyse(v: &SentenceView, slack: f32) -> Option<Analysis> {
    analyse_with(embedded()?, v, slack)
}

/// [`analyse`] with a model of one's choice.
pub fn analyse_with(model: &InterferenceModel, v: &SentenceView, slack: f32) -> Option<Analysis> {
    if v.kind() != SegmentKind::Sentence || v.len() < 4 || v.len() > 80 {
        return None;
    }
    let tagger = Tagger::embedded();
    let scores = model.score_lower(&v.words, &v.lower, &v.sentence.tags, v.chunks(), tagger);
    let d = decide(&scores, &model.thresholds);
    if d.worst() <= -slack {
        return None;
    }
    let lm = crate::detect::word_order_anomaly::model();
    let lm_here = lm.score(&lm.sequence(&v.words, &v.sentence.tags));
    if d.gap.1 > d.moved.2 {
        let i = d.gap.0;
        return Some(Analysis {
            check: "missing-word",
            a: i,
            b: i + 1,
            excess: d.gap.1,
            candidate: best_filler(model, tagger, v, i),
            lm: lm_here,
        });
    }
    let (i, ex) = (d.moved.0, d.moved.2);
    let near = |k: usize| {
        scores[k][MOVED] > model.thresholds[MOVED] - 2.0 && !v.tag(k).is_some_and(Tag::is_punct)
    };
    let (mut a, mut b) = (i, i + 1);
    while a > 0 && b - a < 4 && near(a - 1) {
        a -= 1;
    }
    while b < body_end(v) && b - a < 4 && near(b) {
        b += 1;
    }
    // A verb moves with its verb cluster ("extended has", "to reduce"): the auxiliaries,
    // participles and infinitive marker beside it go where it goes.
    let cluster = |k: usize| {
        v.tag(k).is_some_and(|t| {
            t.is_verb()
                || matches!(t, Tag::MD | Tag::TO)
                // A participle the tagger read as an adjective ("extended has").
                || (t == Tag::JJ && tagger.can_be(v.words[k], Tag::VBN))
        })
    };
    // (Not a participle of a comparison: "than expected", "as planned".)
    let compared = |k: usize| k > 0 && matches!(v.lower(k - 1), "than" | "as");
    if cluster(i) {
        while a > 0 && b - a < 4 && cluster(a - 1) && !compared(a - 1) {
            a -= 1;
        }
        while b < body_end(v) && b - a < 4 && cluster(b) {
            b += 1;
        }
    }
    Some(Analysis {
        check: "moved-word",
        a,
        b,
        excess: ex,
        candidate: best_move(model, tagger, v, (a, b), d.moved.1),
        lm: lm_here,
    })
}

/// The diagnosis of an analysis, with its suggestion when the rewrite is clear of the model
/// and more probable than the sentence under the class word-order model.
fn diagnosis(v: &SentenceView, an: &Analysis) -> Diagnosis {
    let tagger = Tagger::embedded();
    let clear = an.candidate.as_ref().filter(|c| {
        c.worst < -CLEAR && (c.lm > an.lm || (c.worst < -VERY_CLEAR && c.lm > an.lm - LM_SLACK))
    });
    let suggestion = clear.map(|c| render(v, &c.pieces));
    let (a, b) = (an.a, an.b);
    let word = v.slice(a, b);
    let message = if an.check == "missing-word" {
        if suggestion.is_some() {
            format!("A subject is missing before '{}'", v.words[a])
        } else {
            format!(
                "A word seems to be missing before '{}' (a subject or a verb)",
                v.words[a]
            )
        }
    } else {
        let verb = (a..b)
            .any(|k| v.tag(k).is_some_and(Tag::is_verb) || tagger.can_be(v.words[k], Tag::VBD));
        if verb && clear.is_some_and(|c| c.left) {
            format!("The verb '{word}' comes too late: English puts it right after its subject")
        } else if suggestion.is_some() {
            format!("'{word}' stands where the source language puts it, not where English does")
        } else {
            format!("'{word}' seems out of place: the word order reads like the source language")
        }
    };
    let (start, end) = v.span(a, b);
    Diagnosis {
        check: an.check,
        start,
        end,
        message,
        suggestion,
        confidence: embedded().map_or(0.5, |m| m.probability(an.excess)),
    }
}

impl Detector for Interference {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn checks(&self) -> Vec<&'static str> {
        vec!["moved-word", "missing-word"]
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if let Some(an) = analyse(v, 0.0) {
            out.push(diagnosis(v, &an));
        }
    }
}
