//! The token pattern language of rule packs: a list of elements matched left to right over a
//! sentence's tokens, with optional elements, bounded skips, noun-phrase chunks, anchors and
//! named captures; and the suggestion templates that rebuild the sentence from the captures.

use crate::detect::SentenceView;
use crate::detect::rewrite::{Piece, render, uncapitalize};
use crate::frames::frames;
use crate::tag::Tag;
use regex::Regex;
use std::sync::OnceLock;

/// A regular expression whose syntax is checked when its pack loads and which is compiled when
/// first used: packs hold many, and most runs never reach most of them (loading stays short).
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// Checks the syntax of `pattern`.
    pub fn new(pattern: String) -> Result<LazyRegex, String> {
        regex_syntax::Parser::new()
            .parse(&pattern)
            .map_err(|e| e.to_string())?;
        Ok(LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        })
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.compiled
            .get_or_init(|| match Regex::new(&self.pattern) {
                Ok(r) => Some(r),
                Err(e) => {
                    // Valid syntax that cannot be compiled (a size limit): said once, and the
                    // test never holds.
                    eprintln!(
                        "mtlint: warning: regex '{}' cannot be compiled, it matches nothing: {e}",
                        self.pattern
                    );
                    None
                }
            })
            .as_ref()
            .is_some_and(|r| r.is_match(s))
    }
}

/// A test on one token; every given part must hold.
#[derive(Debug, Default)]
pub struct TokenTest {
    /// Lower-case word forms, any of which matches.
    pub words: Vec<String>,
    /// Verb lemmas (via the verb frames), any of which matches.
    pub lemmas: Vec<String>,
    pub regex: Option<LazyRegex>,
    pub tags: Vec<TagTest>,
}

/// A tag or a class of tags.
#[derive(Debug, Clone, Copy)]
pub enum TagTest {
    Exact(Tag),
    FiniteVerb,
    Verb,
    Noun,
    Adjective,
    Adverb,
    Determiner,
    Number,
    Pronoun,
    Punct,
}

impl TagTest {
    pub fn parse(name: &str) -> Option<TagTest> {
        Some(match name {
            "VFIN" => TagTest::FiniteVerb,
            "VERB" => TagTest::Verb,
            "NOUN" => TagTest::Noun,
            "ADJ" => TagTest::Adjective,
            "ADV" => TagTest::Adverb,
            "DET" => TagTest::Determiner,
            "NUM" => TagTest::Number,
            "PRON" => TagTest::Pronoun,
            "PUNCT" => TagTest::Punct,
            _ => TagTest::Exact(Tag::parse(name)?),
        })
    }

    fn holds(self, t: Tag) -> bool {
        match self {
            TagTest::Exact(x) => x == t,
            TagTest::FiniteVerb => t.is_finite_verb(),
            TagTest::Verb => t.is_verb(),
            TagTest::Noun => t.is_noun(),
            TagTest::Adjective => t.is_adjective(),
            TagTest::Adverb => t.is_adverb(),
            TagTest::Determiner => matches!(t, Tag::DT | Tag::PDT | Tag::PRPS),
            TagTest::Number => t == Tag::CD,
            TagTest::Pronoun => matches!(t, Tag::PRP | Tag::EX),
            TagTest::Punct => t.is_punct(),
        }
    }
}

impl TokenTest {
    fn holds(&self, v: &SentenceView, i: usize) -> bool {
        let w = v.lower(i);
        (self.words.is_empty() || self.words.iter().any(|x| x == w))
            && (self.lemmas.is_empty() || {
                let l = frames().lemma(w);
                self.lemmas.iter().any(|x| x == l)
            })
            && self.regex.as_ref().is_none_or(|r| r.is_match(v.words[i]))
            && (self.tags.is_empty()
                || v.tag(i)
                    .is_some_and(|t| self.tags.iter().any(|x| x.holds(t))))
    }
}

/// A phrase the chunker finds.
#[derive(Debug, Clone, Copy)]
pub enum ChunkTest {
    /// A noun phrase with "of"-attachments and coordination.
    NounPhrase,
    /// A basic noun phrase: determiner, modifiers, nouns.
    BasicNounPhrase,
    /// A verb group: auxiliaries, adverbs between them, the verb.
    VerbGroup,
}

/// One element of a pattern.
#[derive(Debug)]
pub enum Element {
    Token(TokenTest),
    Chunk(ChunkTest),
    /// Up to this many tokens, fewest first; never across `.`, `;`, `!` or `?`.
    Skip(usize),
    Start,
    End,
}

#[derive(Debug)]
pub struct Step {
    pub element: Element,
    pub optional: bool,
    pub name: Option<String>,
}

/// A compiled pattern.
#[derive(Debug, Default)]
pub struct Pattern {
    pub steps: Vec<Step>,
}

/// Where a pattern matched: the whole span and each step's tokens (`None` when an optional
/// step matched nothing).
#[derive(Debug, Clone)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub spans: Vec<Option<(usize, usize)>>,
}

impl Pattern {
    /// The index of the step named `name`.
    pub fn capture(&self, name: &str) -> Option<usize> {
        self.steps
            .iter()
            .position(|s| s.name.as_deref() == Some(name))
    }

    /// Cheap pre-test: every required literal token must occur somewhere in the sentence.
    fn may_match(&self, v: &SentenceView) -> bool {
        self.steps.iter().all(|s| match &s.element {
            Element::Token(t) if !s.optional && !t.words.is_empty() => {
                (0..v.len()).any(|i| t.words.iter().any(|w| w == v.lower(i)))
            }
            _ => true,
        })
    }

    /// All non-overlapping matches, left to right.
    pub fn find_all(&self, v: &SentenceView) -> Vec<Match> {
        let mut out = Vec::new();
        if self.steps.is_empty() || !self.may_match(v) {
            return out;
        }
        let mut i = 0;
        while i < v.len() {
            let mut spans = vec![None; self.steps.len()];
            match self.match_from(v, 0, i, &mut spans) {
                Some(end) if end > i => {
                    out.push(Match {
                        start: i,
                        end,
                        spans,
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Whether the pattern matches anywhere over a span overlapping `a..b`.
    pub fn overlaps(&self, v: &SentenceView, a: usize, b: usize) -> bool {
        self.find_all(v).iter().any(|m| m.start < b && a < m.end)
    }

    fn match_from(
        &self,
        v: &SentenceView,
        k: usize,
        i: usize,
        spans: &mut [Option<(usize, usize)>],
    ) -> Option<usize> {
        let Some(step) = self.steps.get(k) else {
            return Some(i);
        };
        let candidates: Vec<usize> = match &step.element {
            Element::Token(t) => {
                if i < v.len() && t.holds(v, i) {
                    vec![i + 1]
                } else {
                    vec![]
                }
            }
            Element::Chunk(c) => {
                let np = v.chunker();
                let end = match c {
                    ChunkTest::NounPhrase => np.noun_phrase(i),
                    ChunkTest::BasicNounPhrase => np.basic_np(i),
                    ChunkTest::VerbGroup => np.verb_group(i),
                };
                end.filter(|&e| e > i).into_iter().collect()
            }
            Element::Skip(n) => {
                let mut ends = vec![i];
                let mut j = i;
                while j < v.len() && j - i < *n && !matches!(v.words[j], "." | ";" | "!" | "?") {
                    j += 1;
                    ends.push(j);
                }
                ends
            }
            Element::Start => {
                // The first word, after any opening quotes.
                let first = (0..v.len())
                    .find(|&j| !v.tag(j).is_some_and(Tag::is_punct))
                    .unwrap_or(0);
                if i <= first { vec![i] } else { vec![] }
            }
            Element::End => {
                let rest_is_punct = (i..v.len()).all(|j| v.tag(j).is_some_and(Tag::is_punct));
                if rest_is_punct { vec![i] } else { vec![] }
            }
        };
        for end in candidates {
            spans[k] = Some((i, end));
            if let Some(e) = self.match_from(v, k + 1, end, spans) {
                return Some(e);
            }
        }
        spans[k] = None;
        if step.optional {
            return self.match_from(v, k + 1, i, spans);
        }
        None
    }
}

/// How a capture is written into a template.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Case {
    AsWritten,
    Lower,
    Upper,
    Capital,
}

/// A piece of a suggestion or message template.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Literal(String),
    /// A named step of the pattern.
    Capture(usize, Case),
    /// The tokens before the match.
    Before,
    /// The tokens after the match.
    After,
}

/// Parses `"{subj} {adv:lower} went {rest}"`; unknown capture names and modifiers are errors
/// (with the byte offset in the template).
pub fn parse_template(text: &str, pattern: &Pattern) -> Result<Vec<Part>, (usize, String)> {
    let mut parts = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(Part::Literal(rest[..open].to_string()));
        }
        let Some(close) = rest[open..].find('}') else {
            return Err((offset + open, "'{' without a closing '}'".to_string()));
        };
        let inner = &rest[open + 1..open + close];
        let (name, modifier) = match inner.split_once(':') {
            Some((n, m)) => (n.trim(), Some(m.trim())),
            None => (inner.trim(), None),
        };
        let case = match modifier {
            None => Case::AsWritten,
            Some("lower") => Case::Lower,
            Some("upper") => Case::Upper,
            Some("cap") => Case::Capital,
            Some(m) => {
                return Err((
                    offset + open,
                    format!("unknown modifier ':{m}' (expected :lower, :upper or :cap)"),
                ));
            }
        };
        let part = match name {
            "before" => Part::Before,
            "after" => Part::After,
            _ => match pattern.capture(name) {
                Some(k) => Part::Capture(k, case),
                None => {
                    let names: Vec<&str> = pattern
                        .steps
                        .iter()
                        .filter_map(|s| s.name.as_deref())
                        .collect();
                    return Err((
                        offset + open,
                        format!(
                            "the template names '{{{name}}}', but the pattern has no capture \
                             of that name (captures: {}; also {{before}} and {{after}})",
                            if names.is_empty() {
                                "none".to_string()
                            } else {
                                names.join(", ")
                            }
                        ),
                    ));
                }
            },
        };
        parts.push(part);
        offset += open + close + 1;
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Literal(rest.to_string()));
    }
    Ok(parts)
}

fn recase(s: &str, case: Case) -> String {
    match case {
        Case::AsWritten => s.to_string(),
        Case::Lower => s.to_lowercase(),
        Case::Upper => s.to_uppercase(),
        Case::Capital => crate::detect::edit::capitalize(s),
    }
}

/// The whole sentence a suggestion template makes of a match.
pub fn render_suggestion(v: &SentenceView, m: &Match, parts: &[Part]) -> String {
    let mut pieces = Vec::new();
    for part in parts {
        match part {
            Part::Literal(s) => {
                let s = s.trim();
                if !s.is_empty() {
                    pieces.push(Piece::Text(s.to_string()));
                }
            }
            Part::Before => pieces.push(Piece::Tokens(0, m.start)),
            Part::After => pieces.push(Piece::Tokens(m.end, v.len())),
            Part::Capture(k, case) => {
                if let Some(Some((a, b))) = m.spans.get(*k)
                    && a < b
                {
                    if *case == Case::AsWritten {
                        pieces.push(Piece::Tokens(*a, *b));
                    } else {
                        pieces.push(Piece::Text(recase(v.slice(*a, *b), *case)));
                    }
                }
            }
        }
    }
    // The sentence's first word loses its capital when it no longer opens the sentence.
    let first = pieces.iter().position(|p| match p {
        Piece::Tokens(a, b) => a < b,
        Piece::Text(t) => !t.is_empty(),
        Piece::Word(..) => true,
    });
    let moved = pieces
        .iter()
        .enumerate()
        .position(|(n, p)| Some(n) != first && matches!(p, Piece::Tokens(0, b) if *b > 0));
    if let Some(n) = moved
        && let Piece::Tokens(_, b) = pieces[n]
    {
        pieces[n] = Piece::Word(0, uncapitalize(v, 0));
        if b > 1 {
            pieces.insert(n + 1, Piece::Tokens(1, b));
        }
    }
    render(v, &pieces)
}

/// A message template filled with the captured words.
pub fn render_message(v: &SentenceView, m: &Match, parts: &[Part]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Literal(s) => out.push_str(s),
            Part::Before | Part::After => {}
            Part::Capture(k, case) => {
                if let Some(Some((a, b))) = m.spans.get(*k)
                    && a < b
                {
                    out.push_str(&recase(v.slice(*a, *b), *case));
                }
            }
        }
    }
    out
}
