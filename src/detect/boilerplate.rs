//! The rule `boilerplate`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds lines that belong to the web page, not the article: "Follow us", "Most popular",
//! "Share this article", "Read more", cookie notices, newsletter calls and photo credits
//! ("(Photo: AFP)"). Three signals:
//! - the phrase list in `rules/boilerplate.tsv` (a whole line, the start of a line, or a short
//!   credit line), anywhere in the document;
//! - position and shape: after the article's last long paragraph (its tail), short headings and
//!   fragments and calls to action ("Subscribe …", "Sign up …", "Don't miss …");
//! - anywhere, a short call to action about a newsletter, an app or social media.
//!
//! ## Silent on
//! Headings inside the article ("International community divided on Libya"), documents without
//! a long paragraph (a single headline, a list), ordinary imperatives in running text.

use super::edit::diagnosis;
use super::{Detector, Diagnosis, DocumentPass, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::Tag;
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

pub struct Boilerplate;

static META: RuleMeta = RuleMeta {
    id: "boilerplate",
    category: Category::Boilerplate,
    severity: Severity::Minor,
    summary: "A line is page chrome (menus, calls to action, cookie notices, photo credits), \
              not article text.",
    why: "Scrapers carry the web page's furniture along with the article; it gets translated \
          and published as if it were part of the text.",
    fix: "Delete the line.",
    examples: &[
        Example::Bad {
            text: "Follow us",
            fix: None,
        },
        Example::Bad {
            text: "Don't be shy, get in touch. We love meeting interesting people and making \
                   new friends.",
            fix: None,
        },
        Example::Bad {
            text: "Protesters marched through the capital on Friday. (Photo: AFP)",
            fix: None,
        },
        Example::Bad {
            text: "Subscribe to our newsletter for the latest updates.",
            fix: None,
        },
        Example::Bad {
            text: "The international community is divided on how to deal with the escalating \
                   situation in Libya, and the talks in Geneva have stalled again.\n\n\
                   Never miss a story\n\nDownload the app",
            fix: None,
        },
        Example::Good("International community divided on Libya"),
        Example::Good("Read the instructions before you start."),
        Example::Good("Photographers were kept away from the site."),
        Example::Good("Share the road with cyclists."),
        Example::Good(
            "The talks went on for hours and ended without any agreement between the two \
             sides on the ceasefire or the elections.\n\nThe Outcome\n\nBoth sides blamed \
             each other for the failure of the talks in Geneva.",
        ),
    ],
};

/// How a phrase of the list matches.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Match {
    Exact,
    Prefix,
    Credit,
}

struct Phrase {
    words: Vec<String>,
    how: Match,
}

static DATA: &str = include_str!("../../rules/boilerplate.tsv");

fn phrases() -> &'static [Phrase] {
    static PHRASES: OnceLock<Vec<Phrase>> = OnceLock::new();
    PHRASES.get_or_init(|| parse(DATA))
}

/// Reads the phrase list; lines it cannot read are skipped (the file is embedded and checked
/// by the tests, so a bad line shows up there).
fn parse(data: &str) -> Vec<Phrase> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (phrase, how) = l.split_once('\t')?;
            let how = match how.trim() {
                "exact" => Match::Exact,
                "prefix" => Match::Prefix,
                "credit" => Match::Credit,
                _ => return None,
            };
            Some(Phrase {
                words: phrase.split_whitespace().map(str::to_string).collect(),
                how,
            })
        })
        .collect()
}

/// Lines of the phrase file that do not parse, as "line N: text".
pub fn bad_data_lines() -> Vec<String> {
    DATA.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .filter(|(_, l)| parse(l).is_empty())
        .map(|(n, l)| format!("rules/boilerplate.tsv line {}: {l}", n + 1))
        .collect()
}

/// Verbs that open a call to action.
const CALLS: &[&str] = &[
    "follow",
    "subscribe",
    "sign",
    "share",
    "read",
    "click",
    "download",
    "join",
    "register",
    "log",
    "like",
    "tweet",
    "watch",
    "listen",
    "get",
    "never",
    "don't",
    "do",
    "stay",
    "support",
    "donate",
    "install",
    "visit",
    "discover",
    "enable",
    "allow",
    "accept",
    "contact",
    "tell",
    "send",
    "email",
    "comment",
    "see",
    "check",
];

/// What a call to action outside the tail must be about to count as chrome.
const CHROME_OBJECTS: &[&str] = &[
    "newsletter",
    "newsletters",
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "linkedin",
    "whatsapp",
    "telegram",
    "app",
    "notifications",
    "podcast",
    "inbox",
    "rss",
];

/// The words of a segment in lower case without punctuation ("Don't" → "dont").
/// The segment's words as the phrase list spells them (letters and digits, lower case): the
/// first `most` of them, and how many there are in all. Only the first words are compared with
/// the list, so the rest are counted without being copied.
fn plain_words(v: &SentenceView, most: usize) -> (Vec<String>, usize) {
    let mut words = Vec::new();
    let mut total = 0;
    for w in tokens_with_words(v) {
        total += 1;
        if words.len() < most {
            words.push(plain(w));
        }
    }
    (words, total)
}

/// The segment's whitespace-separated tokens that have a letter or digit.
fn tokens_with_words<'a>(v: &SentenceView<'a>) -> impl Iterator<Item = &'a str> {
    let seg = v.sentence.segment;
    v.text
        .get(seg.start..seg.end)
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// A token as the phrase list spells it: its letters and digits, lower case.
fn plain(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `words`: the segment's first plain words (at least as many as the longest phrase has, when
/// the segment has that many); `total`: how many it has.
fn listed(v: &SentenceView, words: &[String], total: usize) -> bool {
    let seg = v.sentence.segment;
    let raw = v.text.get(seg.start..seg.end).unwrap_or("").trim();
    copyright(raw, total)
        || phrases().iter().any(|p| {
            let starts = total >= p.words.len() && words[..p.words.len()] == p.words[..];
            match p.how {
                Match::Exact => starts && total == p.words.len(),
                Match::Prefix => starts,
                Match::Credit => {
                    let bracketed = raw.starts_with('(') && raw.ends_with(')');
                    let body = raw.trim_start_matches('(').trim_start();
                    let colon = body
                        .get(p.words[0].len()..)
                        .is_some_and(|rest| rest.trim_start_matches('s').starts_with(':'));
                    starts && total <= 6 && (bracketed || colon)
                }
            }
        })
}

/// A short line with a copyright sign.
fn copyright(raw: &str, total: usize) -> bool {
    total <= 6 && raw.contains('©')
}

/// The first words of the listed phrases.
fn first_words() -> &'static HashSet<&'static str> {
    static FIRST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    FIRST.get_or_init(|| {
        phrases()
            .iter()
            .filter_map(|p| p.words.first().map(String::as_str))
            .collect()
    })
}

/// The segment's first plain word (see [`plain_words`]) and how many plain words it has.
fn first_plain_word(v: &SentenceView) -> (String, usize) {
    let mut tokens = tokens_with_words(v);
    let first = tokens.next().map(plain).unwrap_or_default();
    let total = tokens.count() + !first.is_empty() as usize;
    (first, total)
}

/// Whether a segment opens with a call to action (an imperative verb from the list).
fn is_call(v: &SentenceView) -> bool {
    let first = v.lower(0);
    CALLS.contains(&first)
        && (matches!(v.tag(0), Some(Tag::VB | Tag::VBP | Tag::NN | Tag::NNP))
            || first == "don't"
            || first == "never")
        || (first == "do" && v.lower(1) == "n't")
}

impl Detector for Boilerplate {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, _sentence: &SentenceView, _out: &mut Vec<Diagnosis>) {}

    fn document_pass(&self) -> Option<Box<dyn DocumentPass + '_>> {
        Some(Box::<Pass>::default())
    }
}

/// What makes a line chrome, and the confidence (0: chrome only in the tail).
fn chrome(v: &SentenceView) -> Option<(&'static str, f64)> {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let longest =
        *LONGEST.get_or_init(|| phrases().iter().map(|p| p.words.len()).max().unwrap_or(0));
    // Every listed phrase starts the segment: its words are copied only when the first one
    // starts a phrase.
    let (first, total) = first_plain_word(v);
    let is_listed = || {
        if first_words().contains(first.as_str()) {
            let (words, _) = plain_words(v, longest);
            listed(v, &words, total)
        } else {
            let seg = v.sentence.segment;
            copyright(v.text.get(seg.start..seg.end).unwrap_or("").trim(), total)
        }
    };
    let short = total <= 12;
    if v.is_empty() {
        None
    } else if is_listed() {
        Some(("is page chrome, not article text", 0.9))
    } else if short && is_call(v) {
        // A call to action (twelve words at most) is checked for its objects: all its words.
        let (all, _) = plain_words(v, total);
        if all.iter().any(|w| CHROME_OBJECTS.contains(&w.as_str())) {
            Some(("is a call to action of the web page", 0.8))
        } else {
            Some(("is a call to action after the end of the article", 0.0))
        }
    } else if total <= 5 && v.kind() != SegmentKind::Sentence {
        Some(("is a short line after the end of the article", 0.0))
    } else {
        None
    }
}

/// A document's pass: the chrome-like lines, and where the article's last long paragraph ends.
#[derive(Default)]
struct Pass {
    /// (sentence, reason, confidence) of the chrome-like lines, in order.
    found: Vec<(usize, &'static str, f64)>,
    /// The paragraph of every sentence.
    paragraphs: Vec<usize>,
    words_in_paragraph: usize,
    /// The sentence after the last one that brought a paragraph to a long one's word count.
    after_long: Option<usize>,
    /// After `finish`: what is reported.
    flagged: Vec<(usize, &'static str, f64)>,
}

impl Pass {
    /// Index of the first segment after the article's last long paragraph, if there is one.
    fn tail_start(&self) -> Option<usize> {
        // The rest of the long paragraph belongs to the article.
        let mut start = self.after_long?;
        let p = self.paragraphs.get(start.checked_sub(1)?)?;
        while self.paragraphs.get(start) == Some(p) {
            start += 1;
        }
        Some(start)
    }
}

impl DocumentPass for Pass {
    fn observe(&mut self, index: usize, v: &SentenceView) {
        const LONG: usize = 25;
        let p = v.sentence.segment.paragraph;
        if self.paragraphs.last() != Some(&p) {
            self.words_in_paragraph = 0;
        }
        self.paragraphs.push(p);
        self.words_in_paragraph += v
            .words
            .iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if self.words_in_paragraph >= LONG {
            self.after_long = Some(index + 1);
        }
        if let Some((reason, confidence)) = chrome(v) {
            self.found.push((index, reason, confidence));
        }
    }

    fn finish(&mut self) -> Vec<usize> {
        // The tail: the run of chrome-like lines that ends the document, after its last long
        // paragraph. Lines that are chrome only by shape count there and nowhere else.
        let after_article = self.tail_start().unwrap_or(usize::MAX);
        let mut tail = self.paragraphs.len();
        for &(i, _, _) in self.found.iter().rev() {
            if tail > after_article && i + 1 == tail {
                tail = i;
            } else {
                break;
            }
        }
        self.flagged = self
            .found
            .iter()
            .filter_map(|&(i, reason, confidence)| match confidence {
                c if c > 0.0 => Some((i, reason, c)),
                _ if i >= tail => Some((i, reason, 0.7)),
                _ => None,
            })
            .collect();
        self.flagged.iter().map(|f| f.0).collect()
    }

    fn report(&self, index: usize, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        let from = self.flagged.partition_point(|f| f.0 < index);
        let here = self.flagged[from..].iter().take_while(|f| f.0 == index);
        for &(_, reason, confidence) in here {
            let line = v.slice(0, v.len());
            out.push(diagnosis(
                v,
                0,
                v.len(),
                format!("'{line}' {reason}: delete it."),
                None,
                confidence,
            ));
        }
    }
}
