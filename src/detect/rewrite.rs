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

/// A word that names a time or a stretch of it ("Monday", "2019", "week", "days", "ago").
fn names_time(w: &str) -> bool {
    super::words::names_time(w) || w == "ago"
}

/// Adverbs that stand before the verb in English: of manner and degree in -ly, and the
/// frequency, focus and negation words ("not", "only", "already"). Others ("late", "twice",
/// "again", "here") stay after the object.
fn before_verb(w: &str) -> bool {
    (w.ends_with("ly") && !matches!(w, "early" | "daily" | "weekly" | "monthly" | "yearly"))
        || matches!(
            w,
            "not"
                | "never"
                | "also"
                | "already"
                | "still"
                | "just"
                | "always"
                | "often"
                | "even"
                | "almost"
                | "nearly"
                | "rarely"
                | "seldom"
                | "hardly"
                | "soon"
                | "ever"
                | "once"
                | "jointly"
        )
}

/// Whether tokens `k..k + 2` are a rate that belongs to the phrase before them: "a", "an"
/// or "per" and a unit of time or count, after a number ("180 kilometres an hour", "twice a
/// week", "3 euros per head").
pub fn is_rate(v: &SentenceView, k: usize) -> bool {
    let unit = v.lower(k + 1);
    matches!(v.lower(k), "a" | "an" | "per")
        && (names_time(unit)
            || matches!(
                unit,
                "hour" | "minute" | "second" | "head" | "person" | "capita"
            ))
        && (k.saturating_sub(3)..k)
            .any(|i| v.tag(i) == Some(Tag::CD) || matches!(v.lower(i), "once" | "twice"))
}

/// The words of a clause's middle field (tokens `a..b`, which a rewrite puts after its verb)
/// in English order, when they read as phrases: the adverbs that go before the verb ("should
/// immediately publish", "will not extend"), then the middle itself: the object (its first
/// noun phrase) first, then the phrases that name no time, then those that name one ("defended
/// the decision in parliament yesterday"), then those of reason ("because of the storm"). A
/// phrase the chunker runs on past `b` ends there ("in Rotterdam place"). None when the middle
/// does not read as such phrases (it is then kept as it is).
pub fn english_middle(v: &SentenceView, a: usize, b: usize) -> Option<(Vec<Piece>, Vec<Piece>)> {
    // A middle that opens with "of" continues the subject: the clause was misread.
    if v.lower(a) == "of" {
        return None;
    }
    let np = v.chunker();
    // The noun phrase starting at `s`, ended at `b` when the chunker runs on past it.
    let phrase_from = |s: usize| {
        np.noun_phrase(s)
            .map(|e| super::clause::cut_before_count(v, s, e.min(b)))
            .filter(|&e| e > s)
    };
    let (mut adverbs, mut objects, mut places, mut times) = (vec![], vec![], vec![], vec![]);
    let mut reasons = vec![];
    let mut k = a;
    while k < b {
        // A comma before a phrase only marked where the source's clause went on ("cooperation
        // on security, with Paris discontinued"): it goes.
        if v.words[k] == "," && k > a && v.tag(k + 1) == Some(Tag::IN) && k + 1 < b {
            k += 1;
            continue;
        }
        let t = v.tag(k)?;
        // "around 14 percent", "almost 200 flights": an adverb before a number is part of
        // its noun phrase.
        let of_number = t.is_adverb() && v.tag(k + 1) == Some(Tag::CD);
        // "shortly after midnight", "only shortly before noon", "especially for people over
        // 60": an adverb before a preposition goes with its phrase.
        // (Not an adverb of time: "overnight by almost two metres" are two phrases.)
        let timely = names_time(v.lower(k))
            || matches!(
                v.lower(k),
                "overnight" | "again" | "later" | "earlier" | "twice" | "once" | "late" | "early"
            );
        let of_phrase = |j: usize| {
            (!timely).then_some(())?;
            (j..b)
                .find(|&j| !v.tag(j).is_some_and(|t| t.is_adverb()))
                .filter(|&j| j > k && v.tag(j) == Some(Tag::IN) && v.lower(j) != "of")
        };
        let (end, kind) = if of_number {
            (phrase_from(k + 1)?, 1)
        } else if let Some(p) = t.is_adverb().then(|| of_phrase(k)).flatten() {
            (phrase_from(p + 1)?, 2)
        } else if t.is_adverb() && before_verb(v.lower(k)) {
            (k + 1, 0)
        } else if t.is_adverb() {
            // "twice", "late", "again": after the object, with the times.
            (k + 1, 3)
        } else if super::clause::two_word_preposition(v, k) {
            // A preposition of two words ("because of the rain", "due to the strike"),
            // whatever the tagger read its first word as ("could due/VB to an injury").
            (phrase_from(k + 2)?, 2)
        } else if t == Tag::IN || t == Tag::TO {
            // (An adverb of degree may stand before the number: "by almost two metres".)
            let at = if v.tag(k + 1).is_some_and(|t| t.is_adverb()) && v.tag(k + 2) == Some(Tag::CD)
            {
                k + 2
            } else {
                k + 1
            };
            // (A determiner and a word the tagger read as an adjective that can be a noun
            // make a phrase too: "at his flat".)
            let determined_noun = || {
                (matches!(v.tag(at), Some(Tag::DT | Tag::PRPS))
                    && v.tag(at + 1).is_some_and(|t| t.is_adjective())
                    && crate::tag::Tagger::embedded().can_be(v.words[at + 1], Tag::NN))
                .then_some(at + 2)
            };
            (
                phrase_from(at)
                    .or_else(|| determined_noun().map(|e| e.min(b)).filter(|&e| e > at))?,
                2,
            )
        } else {
            (phrase_from(k)?, 1)
        };
        // "the decision yesterday": a day adverb the chunker took into the object is a
        // time phrase of its own.
        let end = if kind == 1
            && end > k + 1
            && matches!(
                v.lower(end - 1),
                "yesterday" | "today" | "tomorrow" | "tonight"
            )
            && !(k..end - 1).any(|i| names_time(v.lower(i)))
        {
            end - 1
        } else if kind == 1
            && end > k + 2
            && matches!(v.lower(k), "next" | "last" | "this" | "every" | "each")
            && names_time(v.lower(k + 1))
        {
            // "next year fifty new employees": a time of two words the chunker ran into the
            // object is a phrase of its own.
            k + 2
        } else {
            end
        };
        // A phrase of "of" belongs to the phrase before it ("large parts of the country").
        if v.lower(k) == "of"
            && let Some(Piece::Tokens(_, e)) = [&mut objects, &mut places, &mut times, &mut reasons]
                .into_iter()
                .filter_map(|g| g.last_mut())
                .find(|p| matches!(p, Piece::Tokens(_, e) if *e == k))
        {
            *e = end;
            k = end;
            continue;
        }
        // A year after "for" says what for, not when ("the budget for 2025").
        let for_year = v.lower(k) == "for"
            && end == k + 2
            && v.tag(k + 1) == Some(Tag::CD)
            && v.words[k + 1].len() == 4;
        // A phrase names a time by its head (the last word before any "of", or its last
        // word): "on Sunday morning", "after weeks of criticism", not "the winter exercise".
        let head = (k..end)
            .find(|&i| i > k && v.lower(i) == "of")
            .map_or(end - 1, |o| o - 1);
        let time = !for_year && (names_time(v.lower(head)) || names_time(v.lower(end - 1)));
        // A phrase of reason or concession ("because of the storm", "despite the protests")
        // goes after the times; one of measure or manner ("by 14 percent", "with a large
        // majority") before them.
        let reason = matches!(
            v.lower(k),
            "because" | "despite" | "amid" | "following" | "due"
        );
        if end == k + 2 && is_rate(v, k) {
            let mut merged = false;
            for group in [
                &mut adverbs,
                &mut objects,
                &mut places,
                &mut times,
                &mut reasons,
            ] {
                if let Some(Piece::Tokens(_, e)) = group.last_mut()
                    && *e == k
                {
                    *e = end;
                    merged = true;
                    break;
                }
            }
            if merged {
                k = end;
                continue;
            }
        }
        let piece = Piece::Tokens(k, end);
        match (kind, time) {
            (0, _) => adverbs.push(piece),
            (3, _) | (_, true) => times.push(piece),
            (1, false) if objects.is_empty() => objects.push(piece),
            (2, false) if reason => reasons.push(piece),
            _ => places.push(piece),
        }
        k = end;
    }
    // (With no time among them, the phrases of reason keep their places.)
    if times.is_empty() {
        let mut others: Vec<Piece> = places.into_iter().chain(reasons).collect();
        others.sort_by_key(|p| p.first_token());
        objects.extend(others);
    } else {
        objects.extend(places);
        objects.extend(times);
        objects.extend(reasons);
    }
    Some((adverbs, objects))
}

/// The sentence with the verb at `verb` brought forward to stand right after token `at`, the
/// words between in English order ([`english_middle`]: its adverbs before the verb, the object
/// first, times last), and the tokens from `rest` on after them ("has the plan on Tuesday
/// presented" → "has presented the plan on Tuesday").
pub fn verb_brought_forward(v: &SentenceView, at: usize, verb: usize, rest: usize) -> String {
    let (adverbs, middle) = english_middle(v, at + 1, verb)
        .unwrap_or_else(|| (Vec::new(), vec![Piece::Tokens(at + 1, verb)]));
    let mut pieces = vec![Piece::Tokens(0, at + 1)];
    pieces.extend(adverbs);
    pieces.push(Piece::Tokens(verb, verb + 1));
    pieces.extend(middle);
    pieces.push(Piece::Tokens(rest, v.len()));
    render(v, &pieces)
}
