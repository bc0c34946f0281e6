//! Detect stage: named rules that read an analyzed sentence and report diagnoses. Detectors
//! know nothing of output formats; [`Linter`] turns their diagnoses into [`Finding`]s
//! positioned in the input as given.

pub mod adverb_placement;
pub mod boilerplate;
pub mod calibration;
pub mod capitalization;
pub mod clause;
pub mod edit;
pub mod infinitive_after_object;
pub mod interference;
pub mod missing_subject;
pub mod missing_verb;
pub mod mixed_spelling;
pub mod overlong_sentence;
pub mod packs;
pub mod participle_after_object;
pub mod repeated_words;
pub mod rewrite;
pub mod separable_particle;
pub mod source_mismatch;
pub mod stranded_preposition;
pub mod unclosed_apposition;
pub mod untranslated_text;
pub mod verb_final_clause;
pub mod verb_forms;
pub mod verb_second_inversion;
pub mod word_order_anomaly;
pub mod words;

use crate::finding::{Category, Finding, Severity};
use crate::pipeline::{AnalyzedSentence, Document, analyze_segments};
use crate::segment::SegmentKind;
use crate::segment::segment;
use crate::tag::{Tag, Tagger};
pub use calibration::Calibration;
use rayon::prelude::*;
use std::borrow::Cow;

/// An example of a rule, run as a test: a `bad` sentence must be flagged by the rule (with
/// exactly `fix` as the suggestion when given), a `good` one must not.
#[derive(Debug, Clone, Copy)]
pub enum Example {
    Bad {
        text: &'static str,
        fix: Option<&'static str>,
    },
    Good(&'static str),
}

/// What a rule is: stable id, category, severity, and the documentation `rules explain` shows.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters to an editor.
    pub why: &'static str,
    /// How to fix what it finds.
    pub fix: &'static str,
    pub examples: &'static [Example],
}

/// One problem a detector found, in normalized-text offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosis {
    /// Which check of the rule found it (`copula-missing` of `missing-verb`), for rules that
    /// hold several; empty for a rule that is one check.
    pub check: &'static str,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub suggestion: Option<String>,
    pub confidence: f64,
}

/// One check of a rule that holds several: its name (shown as `rule/check`) and its test.
pub type Check = (&'static str, fn(&SentenceView) -> Option<Diagnosis>);

/// The diagnosis of the first of `checks` that finds something, named after that check.
pub fn first_check(checks: &[Check], view: &SentenceView) -> Option<Diagnosis> {
    checks
        .iter()
        .find_map(|&(check, test)| test(view).map(|d| Diagnosis { check, ..d }))
}

/// A word in lower case; borrowed when it has no capital, as most words have.
pub fn lower_case(w: &str) -> Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// A sentence as detectors see it.
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub sentence: &'a AnalyzedSentence,
    pub words: Vec<&'a str>,
    /// Lower-cased words; borrowed when a word has no capital, as most have.
    pub lower: Vec<Cow<'a, str>>,
}

impl<'a> SentenceView<'a> {
    pub fn new(text: &'a str, sentence: &'a AnalyzedSentence) -> Self {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text(text)).collect();
        let lower = words.iter().map(|w| lower_case(w)).collect();
        SentenceView {
            text,
            sentence,
            words,
            lower,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn tag(&self, i: usize) -> Option<Tag> {
        self.sentence.tags.get(i).copied()
    }

    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w.as_ref())
    }

    pub fn kind(&self) -> SegmentKind {
        self.sentence.segment.kind
    }

    /// Byte span in the normalized text of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let t = &self.sentence.tokens;
        (t[a].start, t[b.max(a + 1) - 1].end)
    }

    /// The text of tokens `a..b` as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.span(a, b);
        &self.text[s..e]
    }

    pub fn chunks(&self) -> &[crate::chunk::Chunk] {
        &self.sentence.chunks
    }

    pub fn chunker(&self) -> crate::chunk::Words<'_> {
        crate::chunk::Words {
            words: &self.words,
            tags: &self.sentence.tags,
        }
    }
}

/// The document-level side of a rule (where a line stands in the article, how a word is spelled
/// elsewhere). A document streams through it: it sees every sentence in order and keeps only
/// what it needs, then names the sentences it reports on, and the linter hands each of those
/// back (analysed again if need be) for the diagnoses. So a long text never has to be held
/// analysed as a whole.
pub trait DocumentPass {
    /// Sees sentence `index` of the document; called for every sentence, in order.
    fn observe(&mut self, index: usize, sentence: &SentenceView);
    /// After the last sentence: the sentences this rule reports on, ascending, each once.
    fn finish(&mut self) -> Vec<usize>;
    /// The diagnoses on one sentence that `finish` named.
    fn report(&self, index: usize, sentence: &SentenceView, out: &mut Vec<Diagnosis>);
}

/// Runs a document pass over sentences already analysed: (sentence index, diagnosis).
pub fn document_diagnoses(
    mut pass: Box<dyn DocumentPass + '_>,
    text: &str,
    sentences: &[AnalyzedSentence],
) -> Vec<(usize, Diagnosis)> {
    for (i, s) in sentences.iter().enumerate() {
        pass.observe(i, &SentenceView::new(text, s));
    }
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for i in pass.finish() {
        if let Some(s) = sentences.get(i) {
            pass.report(i, &SentenceView::new(text, s), &mut diags);
            out.extend(diags.drain(..).map(|d| (i, d)));
        }
    }
    out
}

/// A named rule.
pub trait Detector: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, sentence: &SentenceView, out: &mut Vec<Diagnosis>);

    /// The document-level hook: rules that need the whole document return a fresh pass for
    /// each document (and leave `check` empty). Sentence rules keep this default: none.
    fn document_pass(&self) -> Option<Box<dyn DocumentPass + '_>> {
        None
    }

    /// The source hook: rules that compare a translation with its source override this. It
    /// runs only when a source is given; `source` is aligned with `target`, the document's
    /// segments in order.
    fn check_source(
        &self,
        _target: &[SentenceView],
        _source: &SourceView,
        _out: &mut Vec<SourceDiagnosis>,
    ) {
    }

    /// The rule pack a rule was loaded from; built-in rules have none.
    fn source(&self) -> Option<&str> {
        None
    }

    /// The names of the checks a rule holds, when it holds several (its findings carry one
    /// in `check`; `--disable RULE/CHECK` switches one off).
    fn checks(&self) -> Vec<&'static str> {
        Vec::new()
    }
}

/// A source text aligned with a document: `beads` pair source segments with the document's
/// segments.
pub struct SourceView<'a> {
    pub source: &'a crate::align::Segmented,
    pub beads: &'a [crate::align::Bead],
    /// The source's language when the user gave it (`--source-lang`); otherwise the rules
    /// recognise it in the text.
    pub lang: Option<&'a str>,
}

/// A diagnosis of a source-aware rule: the target sentence it is on and the source text it
/// compares with.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDiagnosis {
    pub sentence: usize,
    pub source: String,
    /// The language the source was read as (ISO 639-1), when known.
    pub lang: Option<&'static str>,
    pub diagnosis: Diagnosis,
}

/// Examples of source-aware rules are written `source => translation`.
pub const EXAMPLE_SOURCE_SEPARATOR: &str = " => ";

/// Splits an example into its source (if it has one) and its text.
pub fn split_example(text: &str) -> (Option<&str>, &str) {
    match text.split_once(EXAMPLE_SOURCE_SEPARATOR) {
        Some((s, t)) => (Some(s), t),
        None => (None, text),
    }
}

/// All built-in detectors.
pub fn builtin() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(verb_second_inversion::VerbSecondInversion),
        Box::new(word_order_anomaly::WordOrderAnomaly),
        Box::new(interference::Interference),
        Box::new(verb_final_clause::VerbFinalClause),
        Box::new(missing_subject::MissingSubject),
        Box::new(missing_verb::MissingVerb),
        Box::new(participle_after_object::ParticipleAfterObject),
        Box::new(infinitive_after_object::InfinitiveAfterObject),
        Box::new(stranded_preposition::StrandedPreposition),
        Box::new(separable_particle::SeparableParticle),
        Box::new(adverb_placement::AdverbPlacement),
        Box::new(capitalization::Capitalization),
        Box::new(unclosed_apposition::UnclosedApposition),
        Box::new(repeated_words::RepeatedWords),
        Box::new(boilerplate::Boilerplate),
        Box::new(overlong_sentence::OverlongSentence),
        Box::new(untranslated_text::UntranslatedText),
        Box::new(mixed_spelling::MixedSpelling),
        Box::new(source_mismatch::SourceMismatch),
    ]
}

/// Runs detectors over documents and positions what they find in the input as given.
pub struct Linter {
    pub tagger: &'static Tagger,
    pub detectors: Vec<Box<dyn Detector>>,
    /// The model that turns a structural finding into the probability that it is a real error
    /// (its `confidence`); without one, findings keep the confidence their rule gives.
    pub calibration: Option<&'static Calibration>,
    /// Structural findings whose confidence is below this are not reported.
    pub min_confidence: f64,
    /// Checks switched off, as `rule/check`.
    pub disabled_checks: Vec<String>,
    /// A rewrite is not shown when a structural finding at or above this confidence remains
    /// on it: the reporting threshold, also when every finding is reported (`--all`).
    pub judge_threshold: f64,
    /// The source language the user gave (`--source-lang`, when one), for the source-aware
    /// rules; None lets them recognise it.
    pub source_lang: Option<String>,
}

impl Linter {
    pub fn new(tagger: &'static Tagger) -> Linter {
        // Built-ins and the default-on rules of the embedded packs (whose validity the tests
        // check).
        let detectors =
            packs::detectors(&[], &packs::Selection::default()).unwrap_or_else(|_| builtin());
        Linter::with_detectors(tagger, detectors)
    }

    /// A linter with these detectors, the embedded calibration and its default threshold.
    pub fn with_detectors(tagger: &'static Tagger, detectors: Vec<Box<dyn Detector>>) -> Linter {
        let calibration = Calibration::embedded();
        Linter {
            tagger,
            detectors,
            calibration,
            min_confidence: calibration.map_or(0.0, |c| c.threshold),
            judge_threshold: calibration.map_or(0.0, |c| c.threshold),
            source_lang: None,
            disabled_checks: Vec::new(),
        }
    }

    /// What every sentence rule finds on one sentence, less the checks switched off.
    fn sentence_diagnoses(&self, view: &SentenceView) -> Vec<(&RuleMeta, Diagnosis)> {
        let mut diags = Vec::new();
        let mut found: Vec<(&RuleMeta, Diagnosis)> = Vec::new();
        for det in &self.detectors {
            diags.clear();
            det.check(view, &mut diags);
            let meta = det.meta();
            found.extend(diags.drain(..).map(|d| (meta, d)));
        }
        if !self.disabled_checks.is_empty() {
            found.retain(|(m, d)| !self.check_disabled(m.id, d.check));
        }
        found
    }

    /// What the sentence rules report on one sentence: their diagnoses, calibrated, those
    /// below `threshold` left out, and those another rule's rewrite covers.
    fn reported_diagnoses(
        &self,
        view: &SentenceView,
        threshold: f64,
    ) -> Vec<(&RuleMeta, Diagnosis)> {
        let mut found = self.sentence_diagnoses(view);
        self.calibrate(view, &mut found, threshold);
        drop_shadowed(&mut found);
        found
    }

    /// Whether `--disable rule/check` switched this check off.
    fn check_disabled(&self, rule: &str, check: &str) -> bool {
        !check.is_empty()
            && self.disabled_checks.iter().any(|n| {
                n.split_once('/')
                    .is_some_and(|(r, c)| r == rule && c == check)
            })
    }

    /// The same linter reporting every structural finding whatever its confidence (`--all`).
    pub fn reporting_all(self) -> Linter {
        Linter {
            min_confidence: 0.0,
            ..self
        }
    }

    /// Calibrates the structural diagnoses of one sentence and drops those below the
    /// threshold.
    fn calibrate(
        &self,
        view: &SentenceView,
        found: &mut Vec<(&RuleMeta, Diagnosis)>,
        threshold: f64,
    ) {
        let Some(model) = self.calibration else {
            return;
        };
        if structural_count(found) == 0 {
            return;
        }
        let agreeing = calibrated_count(found);
        let probabilities: Vec<Option<f64>> = found
            .iter()
            .map(|(m, d)| {
                (m.category.is_structural() && !SELF_CALIBRATED.contains(&m.id)).then(|| {
                    model.probability(&calibration::features(view, m, d, agreeing, self.tagger))
                })
            })
            .collect();
        for ((_, d), p) in found.iter_mut().zip(&probabilities) {
            if let Some(p) = p {
                d.confidence = *p;
            }
        }
        let mut keep = found
            .iter()
            .zip(&probabilities)
            .map(|((m, d), p)| match p {
                Some(p) => *p >= threshold,
                None => !m.category.is_structural() || d.confidence >= threshold,
            })
            .collect::<Vec<bool>>()
            .into_iter();
        found.retain(|_| keep.next().unwrap_or(true));
    }

    /// The features of every structural diagnosis on the sentences of `text`, before any
    /// calibration: what `mtlint calibrate` fits the model on (less the rules that calibrate
    /// themselves).
    pub fn structural_features(&self, text: String) -> Vec<calibration::Features> {
        self.structural_features_by_sentence(text)
            .into_iter()
            .flat_map(|(_, f)| f)
            .collect()
    }

    /// [`Self::structural_features`], a list per sentence, each with whether a finding the
    /// calibration does not filter (not structural) flags the sentence too.
    pub fn structural_features_by_sentence(
        &self,
        text: String,
    ) -> Vec<(bool, Vec<calibration::Features>)> {
        let doc = self.analyze(text, 0);
        let mut out = Vec::new();
        for s in &doc.sentences {
            let view = SentenceView::new(doc.text(), s);
            let found = self.sentence_diagnoses(&view);
            let agreeing = calibrated_count(&found);
            let otherwise = found.iter().any(|(m, _)| !m.category.is_structural());
            out.push((
                otherwise,
                found
                    .iter()
                    .filter(|(m, _)| m.category.is_structural() && !SELF_CALIBRATED.contains(&m.id))
                    .map(|(m, d)| calibration::features(&view, m, d, agreeing, self.tagger))
                    .collect(),
            ));
        }
        out
    }

    pub fn analyze(&self, text: String, base_offset: usize) -> Document {
        Document::analyze(text, base_offset, self.tagger)
    }

    /// Checks a text, returning findings in input order.
    pub fn check_text(&self, text: String, base_offset: usize) -> Vec<Finding> {
        self.check_streamed(text, base_offset, BATCH)
    }

    /// Checks a text against its source when one is given; source-aware rules run only then.
    pub fn check_text_with_source(
        &self,
        text: String,
        base_offset: usize,
        source: Option<&str>,
    ) -> Vec<Finding> {
        let Some(source) = source else {
            return self.check_streamed(text, base_offset, BATCH);
        };
        // The alignment needs every sentence at once (articles with a source are short).
        let doc = self.analyze(text, base_offset);
        let mut findings = self.document_findings(&doc);
        findings.extend(self.check_source(&doc, source));
        sort_findings(&mut findings);
        crate::suggest::combine(&mut findings, self);
        findings
    }

    /// Checks a text `batch` sentences at a time: each batch is analysed, checked by the
    /// sentence rules and shown to the document passes, then dropped; the sentences the passes
    /// report on are analysed again at the end. Memory stays bounded by the batch (plus the
    /// text and the findings), and the findings are those of [`Linter::check_document`].
    pub fn check_streamed(&self, text: String, base_offset: usize, batch: usize) -> Vec<Finding> {
        let doc = Document::prepare(text, base_offset);
        let text = doc.text();
        let segments = segment(text);
        let mut passes = self.document_passes();
        let mut findings = Vec::new();
        let batch = batch.max(1);
        for (b, group) in segments.chunks(batch).enumerate() {
            let analyzed = analyze_segments(text, group.to_vec(), self.tagger);
            let views: Vec<SentenceView> = analyzed
                .iter()
                .map(|s| SentenceView::new(text, s))
                .collect();
            findings.extend(self.check_sentences(&doc, &views));
            for (k, view) in views.iter().enumerate() {
                for (_, pass) in passes.iter_mut() {
                    pass.observe(b * batch + k, view);
                }
            }
        }
        let flagged: Vec<Vec<usize>> = passes.iter_mut().map(|(_, p)| p.finish()).collect();
        let mut again: Vec<usize> = flagged.iter().flatten().copied().collect();
        again.sort_unstable();
        again.dedup();
        // Each pass's list is ascending: a cursor per pass walks it batch by batch.
        let mut cursors = vec![0; passes.len()];
        let mut diags = Vec::new();
        for group in again.chunks(batch) {
            let segs = group
                .iter()
                .filter_map(|&i| segments.get(i).copied())
                .collect();
            let analyzed = analyze_segments(text, segs, self.tagger);
            for (((meta, pass), flagged), at) in passes.iter().zip(&flagged).zip(&mut cursors) {
                while let Some(&i) = flagged.get(*at) {
                    let Ok(k) = group.binary_search(&i) else {
                        break;
                    };
                    *at += 1;
                    let Some(sentence) = analyzed.get(k) else {
                        continue;
                    };
                    pass.report(i, &SentenceView::new(text, sentence), &mut diags);
                    findings.extend(diags.drain(..).map(|d| to_finding(&doc, sentence, meta, d)));
                }
            }
        }
        sort_findings(&mut findings);
        crate::suggest::combine(&mut findings, self);
        findings
    }

    /// A fresh pass of every document-level rule.
    fn document_passes(&self) -> Vec<(&RuleMeta, Box<dyn DocumentPass + '_>)> {
        self.detectors
            .iter()
            .filter_map(|d| d.document_pass().map(|p| (d.meta(), p)))
            .collect()
    }

    /// The findings of the sentence rules on some sentences of a document, in order.
    fn check_sentences(&self, doc: &Document, views: &[SentenceView]) -> Vec<Finding> {
        // Sentences are independent for sentence rules: check them in parallel; collecting
        // keeps their order, so the output does not depend on the number of threads.
        let per_sentence: Vec<Vec<Finding>> = views
            .par_iter()
            .map(|view| {
                self.reported_diagnoses(view, self.min_confidence)
                    .into_iter()
                    .map(|(meta, d)| to_finding(doc, view.sentence, meta, d))
                    .collect()
            })
            .collect();
        per_sentence.into_iter().flatten().collect()
    }

    /// The findings of the source-aware rules: the source is segmented and aligned with the
    /// document (paragraphs, then sentences) and handed to every detector's source hook.
    pub fn check_source(&self, doc: &Document, source: &str) -> Vec<Finding> {
        let views: Vec<SentenceView> = doc
            .sentences
            .iter()
            .map(|s| SentenceView::new(doc.text(), s))
            .collect();
        let (src, beads) = align_source(doc, source);
        let view = SourceView {
            source: &src,
            beads: &beads,
            lang: self.source_lang.as_deref(),
        };
        let mut findings = Vec::new();
        let mut out = Vec::new();
        for det in &self.detectors {
            out.clear();
            det.check_source(&views, &view, &mut out);
            for d in out.drain(..) {
                if let Some(sentence) = doc.sentences.get(d.sentence) {
                    let mut f = to_finding(doc, sentence, det.meta(), d.diagnosis);
                    f.source = Some(d.source);
                    f.source_lang = d.lang.map(str::to_string);
                    findings.push(f);
                }
            }
        }
        findings
    }

    /// Checks a document analysed as a whole.
    pub fn check_document(&self, doc: &Document) -> Vec<Finding> {
        let mut findings = self.document_findings(doc);
        crate::suggest::combine(&mut findings, self);
        findings
    }

    /// The findings of a document analysed as a whole, in input order, each with the
    /// suggestion of its own rule.
    fn document_findings(&self, doc: &Document) -> Vec<Finding> {
        let text = doc.text();
        let views: Vec<SentenceView> = doc
            .sentences
            .iter()
            .map(|s| SentenceView::new(text, s))
            .collect();
        let mut findings = self.check_sentences(doc, &views);
        drop(views);
        // Document-level rules report in categories that never shadow or get shadowed.
        for (meta, pass) in self.document_passes() {
            for (i, d) in document_diagnoses(pass, text, &doc.sentences) {
                if let Some(sentence) = doc.sentences.get(i) {
                    findings.push(to_finding(doc, sentence, meta, d));
                }
            }
        }
        sort_findings(&mut findings);
        findings
    }
}

/// The confidence below which a structural finding does not stop a rewrite found by search.
const STRICT_THRESHOLD: f64 = 0.1;

/// A rewrite is shown only when the tool accepts it: the corrected sentence is flagged by no
/// more structural findings than allowed. The word-order model speaks through
/// `word-order-anomaly`, one of the structural rules, at its calibrated threshold. (Comparing
/// the mean log-probability of the rewrite and the sentence directly was tried: it refused
/// good rewrites as often as bad ones, since the model is a detector of unlikely places, not a
/// judge of whole sentences.)
impl crate::suggest::Judge for Linter {
    fn accepts(&self, _original: &str, candidate: &str, max_structural: usize) -> bool {
        let doc = self.analyze(candidate.to_string(), 0);
        let mut structural = 0;
        for s in &doc.sentences {
            let view = SentenceView::new(doc.text(), s);
            structural += structural_count(&self.reported_diagnoses(&view, self.judge_threshold));
        }
        structural <= max_structural
    }

    fn accepts_strictly(&self, candidate: &str) -> bool {
        let doc = self.analyze(candidate.to_string(), 0);
        doc.sentences.iter().all(|s| {
            let view = SentenceView::new(doc.text(), s);
            structural_count(&self.reported_diagnoses(&view, STRICT_THRESHOLD)) == 0
        })
    }

    fn swap_scores(&self, sentence: &str) -> Vec<Option<f32>> {
        let doc = self.analyze(sentence.to_string(), 0);
        let [s] = doc.sentences.as_slice() else {
            return Vec::new();
        };
        let view = SentenceView::new(doc.text(), s);
        let mut out = Vec::new();
        word_order_anomaly::swap_model().score_pairs(
            word_order_anomaly::model(),
            &view.words,
            &view.sentence.tags,
            &mut out,
        );
        out
    }

    fn improve(&self, candidate: &str) -> Option<String> {
        let doc = self.analyze(candidate.to_string(), 0);
        if doc.sentences.len() != 1 {
            return None;
        }
        let mut findings = self.document_findings(&doc);
        crate::suggest::combine_once(&mut findings, self);
        findings
            .iter()
            .filter(|f| f.suggestion.is_some())
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
            .and_then(|f| f.suggestion.clone())
    }

    /// A present perfect the rewrite made ("has … agreed" → "has agreed") with a time phrase
    /// of the finished past ("on Wednesday evening", "yesterday", "two weeks ago") becomes
    /// the simple past ("agreed"), as English needs.
    fn polish(&self, original: &str, candidate: &str) -> String {
        let doc = self.analyze(candidate.to_string(), 0);
        let text = doc.text();
        let mut edits: Vec<edit::Edit> = Vec::new();
        for s in &doc.sentences {
            let view = SentenceView::new(text, s);
            if let Some(e) = both_and_agreement(&view) {
                edits.push(e);
            }
            if let Some(e) = accused_of(&view) {
                edits.push(e);
            }
            let boundary = |k: usize| matches!(view.words[k], "," | ";" | ":");
            for i in 0..view.len() {
                if !matches!(view.lower(i), "has" | "have") {
                    continue;
                }
                // A perfect infinitive or a perfect after a modal ("seem to have been
                // domesticated", "would have agreed") has no simple past.
                let before = (0..i).rev().find(|&k| view.tag(k) != Some(Tag::RB));
                if before.is_some_and(|k| view.lower(k) == "to" || view.tag(k) == Some(Tag::MD)) {
                    continue;
                }
                // The time phrase must be in the same clause: after the last comma that closes
                // a clause with a verb ("On Wednesday evening, the government has agreed" is
                // one clause), before the next comma.
                let mut from = 0;
                for c in (0..i).filter(|&k| boundary(k)) {
                    if (from..c).any(|k| view.tag(k).is_some_and(Tag::is_finite_verb)) {
                        from = c + 1;
                    }
                }
                let to = (i..view.len()).find(|&k| boundary(k)).unwrap_or(view.len());
                if !words::has_finished_past_time(&view, from, to) {
                    continue;
                }
                // Adverbs may stand between: "has also agreed" → "also agreed".
                let mut j = i + 1;
                while j < view.len() && j <= i + 2 && view.tag(j) == Some(Tag::RB) {
                    j += 1;
                }
                if j >= view.len() || view.tag(j) != Some(Tag::VBN) {
                    continue;
                }
                // A present perfect the sentence already had is not the rewrite's.
                if original.contains(view.slice(i, j + 1)) {
                    continue;
                }
                let Some(mut past) = verb_forms::past_of_participle(view.words[j]) else {
                    continue;
                };
                if past == "was" && view.lower(i) == "have" && (i == 0 || view.lower(i - 1) != "i")
                {
                    past = "were".into();
                }
                let between = if j > i + 1 { view.slice(i + 1, j) } else { "" };
                let mut with = if between.is_empty() {
                    past
                } else {
                    format!("{between} {past}")
                };
                if view.words[i].starts_with(char::is_uppercase) {
                    with = edit::capitalize(&with);
                }
                let (start, _) = view.span(i, i + 1);
                let (_, end) = view.span(j, j + 1);
                edits.push(edit::Edit { start, end, with });
            }
        }
        if edits.is_empty() {
            return candidate.to_string();
        }
        edits.sort_by_key(|e| e.start);
        edits.dedup_by(|b, a| b.start < a.end);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for e in edits {
            out.push_str(&text[at..e.start]);
            out.push_str(&e.with);
            at = e.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// "Both Haftar and the government deploys …": a subject of two joined by "both … and" takes
/// the plural verb ("deploy"). The edit of the verb, when a rewrite left it singular.
fn both_and_agreement(v: &SentenceView) -> Option<edit::Edit> {
    if v.lower(0) != "both" {
        return None;
    }
    let verb =
        (1..v.len()).find(|&k| v.tag(k).is_some_and(|t| t.is_finite_verb() || t == Tag::MD))?;
    if v.tag(verb) != Some(Tag::VBZ) || !(1..verb).any(|k| v.lower(k) == "and") {
        return None;
    }
    let plural = match v.lower(verb) {
        "is" => "are".to_string(),
        "has" => "have".to_string(),
        "does" => "do".to_string(),
        w => verb_forms::lemma(w)?,
    };
    let (start, end) = v.span(verb, verb + 1);
    Some(edit::Edit {
        start,
        end,
        with: plural,
    })
}

/// "accused France that the country supports Haftar": English accuses someone of doing
/// something ("accused France of supporting Haftar"), with no clause; when the clause's subject
/// is the one accused (a pronoun, or "the country", "the government" …), its verb becomes the
/// gerund after "of". The edit of "that … supports", when a rewrite made it.
fn accused_of(v: &SentenceView) -> Option<edit::Edit> {
    const STANDS_FOR: &[&str] = &[
        "country",
        "government",
        "company",
        "club",
        "party",
        "state",
        "army",
        "regime",
        "group",
        "city",
        "organisation",
        "organization",
    ];
    let k = (0..v.len()).find(|&k| matches!(v.lower(k), "accuse" | "accused" | "accuses"))?;
    let that = v.chunker().noun_phrase(k + 1)?;
    if v.lower(that) != "that" {
        return None;
    }
    let verb = match v.lower(that + 1) {
        "it" | "he" | "she" | "they" => that + 2,
        "the" if STANDS_FOR.contains(&v.lower(that + 2)) => that + 3,
        _ => return None,
    };
    if !matches!(v.tag(verb), Some(Tag::VBZ | Tag::VBD | Tag::VBP))
        || words::AUXILIARIES.contains(&v.lower(verb))
    {
        return None;
    }
    let lemma = verb_forms::lemma(v.words[verb])?;
    let (start, _) = v.span(that, that + 1);
    let (_, end) = v.span(verb, verb + 1);
    Some(edit::Edit {
        start,
        end,
        with: format!(
            "of {}",
            verb_forms::inflect(&lemma, verb_forms::Form::Gerund)
        ),
    })
}

/// Sentences analysed and checked at a time when a text is streamed: enough to keep every core
/// busy, few enough that a long text never holds the analysis of all its sentences.
const BATCH: usize = 2048;

/// Input order: by span, then rule id.
fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
}

/// Segments a source text and aligns it with a document's segments.
pub fn align_source(
    doc: &Document,
    source: &str,
) -> (crate::align::Segmented, Vec<crate::align::Bead>) {
    let src = crate::align::Segmented::new(source);
    let src_segs: Vec<(&str, usize)> = (0..src.segments.len())
        .map(|i| (src.text(i), src.segments[i].paragraph))
        .collect();
    let tgt_segs: Vec<(&str, usize)> = doc
        .sentences
        .iter()
        .map(|s| {
            (
                &doc.text()[s.segment.start..s.segment.end],
                s.segment.paragraph,
            )
        })
        .collect();
    let beads = crate::align::align_segments(&src_segs, &tgt_segs);
    (src, beads)
}

/// One error often trips several structural rules. A structural finding that can rewrite the
/// sentence shadows structural findings without a rewrite on an overlapping span, so an editor
/// reads the problem once, with its fix.
///
/// The statistical word-order rule and the learned detector are fallbacks: where a rule that
/// knows the pattern rewrites an overlapping span, their own rewrite is dropped too, and their
/// rewrites shadow nothing (they know less of the error than the rule that found it).
fn drop_shadowed(found: &mut Vec<(&RuleMeta, Diagnosis)>) {
    let fixes: Vec<(usize, usize, &str)> = found
        .iter()
        .filter(|(m, d)| {
            m.category.is_structural() && d.suggestion.is_some() && !FALLBACK_RULES.contains(&m.id)
        })
        .map(|(m, d)| (d.start, d.end, m.id))
        .collect();
    found.retain(|(m, d)| {
        let fallback = FALLBACK_RULES.contains(&m.id);
        !(m.category.is_structural()
            && (d.suggestion.is_none() || fallback)
            && fixes
                .iter()
                .any(|&(s, e, id)| s < d.end && d.start < e && id != m.id))
    });
}

/// How many of a sentence's diagnoses are structural and calibrated by the model: how many
/// of those rules agree (the rules that calibrate themselves do not move the others).
fn calibrated_count(found: &[(&RuleMeta, Diagnosis)]) -> usize {
    found
        .iter()
        .filter(|(m, _)| m.category.is_structural() && !SELF_CALIBRATED.contains(&m.id))
        .count()
}

/// How many of a sentence's diagnoses are structural: how many structural rules agree.
fn structural_count(found: &[(&RuleMeta, Diagnosis)]) -> usize {
    found
        .iter()
        .filter(|(m, _)| m.category.is_structural())
        .count()
}

/// Rules whose confidence is already a probability learnt from labelled data (the learned
/// detector's own Platt scaling), which the calibration leaves as it is.
const SELF_CALIBRATED: &[&str] = &["interference"];

/// The rules [`drop_shadowed`] treats as fallbacks: their finding gives way to another rule's
/// rewrite of the same words, even when they have a rewrite of their own (the learned
/// detector and the swap model know less of the error than a rule written for it).
const FALLBACK_RULES: &[&str] = &["word-order-anomaly", "interference"];

fn to_finding(
    doc: &Document,
    sentence: &AnalyzedSentence,
    meta: &RuleMeta,
    d: Diagnosis,
) -> Finding {
    let (s_start, s_end) = doc.original_span(sentence.segment.start, sentence.segment.end);
    let (start, end) = doc.original_span(d.start, d.end);
    let (line, column) = doc.line_column(start);
    Finding {
        rule: meta.id.to_string(),
        check: (!d.check.is_empty()).then(|| d.check.to_string()),
        category: meta.category,
        severity: meta.severity,
        confidence: (d.confidence * 100.0).round() / 100.0,
        message: d.message,
        line,
        column,
        start: start + doc.base_offset,
        end: end + doc.base_offset,
        sentence: doc.original()[s_start..s_end].to_string(),
        sentence_start: s_start + doc.base_offset,
        text: doc.original()[start..end].to_string(),
        suggestion: d.suggestion,
        edits: Vec::new(),
        combines: Vec::new(),
        source: None,
        source_lang: None,
    }
}

/// A rule's documentation as `rules explain` prints it.
pub fn explain(meta: &RuleMeta) -> String {
    let mut s = format!(
        "{} ({}, {})\n\nWhat it does\n  {}\n\nWhy is this bad?\n  {}\n\nFix\n  {}\n\nExamples\n",
        meta.id, meta.category, meta.severity, meta.summary, meta.why, meta.fix
    );
    for ex in meta.examples {
        match ex {
            Example::Bad { text, fix } => {
                s.push_str(&format!("  bad:  {text}\n"));
                if let Some(f) = fix {
                    s.push_str(&format!("  fix:  {f}\n"));
                }
            }
            Example::Good(text) => s.push_str(&format!("  good: {text}\n")),
        }
    }
    s
}

/// Runs every example of every detector; returns one line per failure.
pub fn test_examples(linter: &Linter) -> Vec<String> {
    let mut failures = Vec::new();
    for det in &linter.detectors {
        let meta = det.meta();
        for ex in meta.examples {
            let text = match ex {
                Example::Bad { text, .. } | Example::Good(text) => *text,
            };
            let (source, text) = split_example(text);
            let doc = linter.analyze(text.to_string(), 0);
            let views: Vec<SentenceView> = doc
                .sentences
                .iter()
                .map(|s| SentenceView::new(doc.text(), s))
                .collect();
            let mut diags = Vec::new();
            for v in &views {
                det.check(v, &mut diags);
            }
            if let Some(pass) = det.document_pass() {
                let found = document_diagnoses(pass, doc.text(), &doc.sentences);
                diags.extend(found.into_iter().map(|(_, d)| d));
            }
            if let Some(source) = source {
                let (src, beads) = align_source(&doc, source);
                let mut src_diags = Vec::new();
                det.check_source(
                    &views,
                    &SourceView {
                        source: &src,
                        beads: &beads,
                        lang: None,
                    },
                    &mut src_diags,
                );
                diags.extend(src_diags.into_iter().map(|d| d.diagnosis));
            }
            match ex {
                Example::Bad { fix, .. } => {
                    if diags.is_empty() {
                        failures.push(format!("{}: not flagged: {text}", meta.id));
                    } else if let Some(fix) = fix
                        && !diags.iter().any(|d| d.suggestion.as_deref() == Some(*fix))
                    {
                        let got: Vec<_> =
                            diags.iter().filter_map(|d| d.suggestion.clone()).collect();
                        failures.push(format!(
                            "{}: wrong fix for: {text}\n  expected: {fix}\n  got:      {}",
                            meta.id,
                            got.join(" | ")
                        ));
                    }
                }
                Example::Good(_) => {
                    if !diags.is_empty() {
                        failures.push(format!("{}: flagged a good example: {text}", meta.id));
                    }
                }
            }
        }
    }
    failures
}
