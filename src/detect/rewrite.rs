//! Building suggested sentences from the tokens of a sentence: reorder spans, replace or insert
//! words, keep the original spacing where tokens stay neighbours, and fix the capital letter.

use super::SentenceView;
use crate::tag::Tag;

/// One piece of a rewritten sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Tokens `a..b` as written.
    Tokens(usize, usize),
    /// Token `i` written differently (e.g. lower-cased).
    Word(usize, String),
    /// New text (a comma, an inserted word).
    Text(String),
}

impl Piece {
    fn first_token(&self) -> Option<usize> {
        match self {
            Piece::Tokens(a, b) if a < b => Some(*a),
            Piece::Word(i, _) => Some(*i),
            _ => None,
        }
    }

    fn last_token(&self) -> Option<usize> {
        match self {
            Piece::Tokens(a, b) if a < b => Some(b - 1),
            Piece::Word(i, _) => Some(*i),
            _ => None,
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Piece::Tokens(a, b) if a >= b)
    }
}

fn no_space_before(s: &str) -> bool {
    s.starts_with([',', '.', ';', ':', '!', '?', '”', ')', ']', '%'])
        || s.starts_with("n't")
        || s.starts_with("n’t")
        || s.starts_with("'s")
        || s.starts_with("’s")
        || s == "’"
}

fn no_space_after(s: &str) -> bool {
    s.ends_with(['“', '(', '[', '‘', '$'])
}

/// The word as it reads when it no longer opens the sentence.
pub fn uncapitalize(view: &SentenceView, i: usize) -> String {
    let w = view.words[i];
    let keep = matches!(view.tag(i), Some(Tag::NNP | Tag::NNPS))
        || w == "I"
        || w.chars().skip(1).any(char::is_uppercase);
    if keep {
        w.to_string()
    } else {
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}

/// Renders pieces into a sentence; the first letter is capitalised.
pub fn render(view: &SentenceView, pieces: &[Piece]) -> String {
    let tokens = &view.sentence.tokens;
    let mut out = String::new();
    let mut prev_last: Option<usize> = None;
    for piece in pieces.iter().filter(|p| !p.is_empty()) {
        let s: &str = match piece {
            Piece::Tokens(a, b) => view.slice(*a, *b),
            Piece::Word(_, w) | Piece::Text(w) => w,
        };
        // "a.m." followed by the sentence's own period.
        if s == "." && out.ends_with('.') {
            continue;
        }
        if !out.is_empty() {
            let gap = match (prev_last, piece.first_token()) {
                (Some(p), Some(f)) if f == p + 1 => &view.text[tokens[p].end..tokens[f].start],
                _ if no_space_before(s) || no_space_after(&out) => "",
                _ => " ",
            };
            out.push_str(gap);
        }
        out.push_str(s);
        prev_last = piece.last_token();
    }
    capitalize_first(&out)
}

/// Upper-cases the first letter (after any opening quotes or brackets).
pub fn capitalize_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            if !done && c.is_alphanumeric() {
                done = true;
            }
            out.push(c);
        }
    }
    out
}
