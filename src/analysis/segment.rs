//! Segment stage: paragraphs, headings and captions, and sentences, as byte ranges.

use serde::Serialize;

/// What kind of text a segment is. Structural detectors only judge `Sentence`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// Ends in sentence punctuation.
    Sentence,
    /// A paragraph of one line with no final punctuation: a headline or title.
    Heading,
    /// A piece without final punctuation inside a paragraph: a caption, credit or list item.
    Fragment,
    /// The first piece of a run of text longer than [`MAX_SEGMENT_BYTES`] with no sentence
    /// punctuation (a scraped table, a list run together): it is cut into pieces that only the
    /// local rules check, so the cost stays linear in the input and every finding's sentence
    /// stays short.
    Overlong,
    /// A later piece of such a run.
    OverlongRest,
}

/// The longest segment analysed whole, in bytes; about 600 words, several times the longest
/// sentences of edited prose.
pub const MAX_SEGMENT_BYTES: usize = 4000;

/// Cuts `text` into pieces of at most `max` bytes, at the last white space before the limit
/// (at a character boundary where a piece has none): (start, end) offsets, trimmed.
fn cut(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    while a < text.len() {
        let rest = &text[a..];
        let take = if rest.len() <= max {
            rest.len()
        } else {
            let mut limit = max;
            while !rest.is_char_boundary(limit) {
                limit -= 1;
            }
            rest[..limit]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(limit, |(p, _)| p)
                .max(1)
        };
        let piece = &rest[..take];
        let lead = piece.len() - piece.trim_start().len();
        if !piece.trim().is_empty() {
            out.push((a + lead, a + piece.trim_end().len()));
        }
        a += take;
        // A piece never ends inside a character.
        while a < text.len() && !text.is_char_boundary(a) {
            a += 1;
        }
    }
    out
}

/// A sentence-like piece of the text: `start..end` are byte offsets into the segmented text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
    /// 0-based paragraph number (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

/// Abbreviations that never end a sentence (a name or number follows them).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "sen", "rep", "gov", "pres", "rev", "hon", "fr", "vs", "approx", "cf", "ca", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft",
];

/// Abbreviations that only stand before a number ("No. 5", "p. 12"); elsewhere "No." is a word
/// ending a sentence.
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "vol", "fig", "figs", "pp", "p"];

/// Abbreviations that may end a sentence; they do when a typical sentence opener follows.
const FINAL_ABBREVIATIONS: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "llc", "plc", "al",
];

/// Words that typically open a sentence; after an ambiguous abbreviation they signal a boundary.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "for",
    "after",
    "before",
    "when",
    "while",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "as",
    "if",
    "however",
    "meanwhile",
    "also",
    "according",
    "since",
    "then",
    "now",
    "yet",
    "what",
    "who",
    "why",
    "how",
    "where",
    "many",
    "some",
    "most",
    "all",
    "both",
    "one",
    "two",
    "several",
    "each",
    "every",
    "no",
    "not",
    "to",
];

/// Whether `word` followed by a period is an abbreviation of the lists above or an initialism;
/// `after` is the text after the period.
pub fn is_known_abbreviation(word_without_period: &str, after: &str) -> bool {
    let lower = word_without_period.to_lowercase();
    (NUMBER_ABBREVIATIONS.contains(&lower.as_str()) && before_number(after))
        || TITLE_ABBREVIATIONS.contains(&lower.as_str())
        || FINAL_ABBREVIATIONS.contains(&lower.as_str())
        || is_initialism(word_without_period)
}

fn before_number(after: &str) -> bool {
    after.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// "U.S" / "a.m" / "J": letters separated by periods (the last period excluded).
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters > 0 && !expect_letter && (letters > 1 || word.chars().all(char::is_uppercase))
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡' | '„'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True when the text ends in sentence punctuation (closing quotes and brackets aside).
pub fn ends_with_terminal(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(is_closing);
    trimmed.ends_with(|c: char| is_terminal(c) || c == ':' || c == ';')
}

/// Splits a text into segments: blank lines separate paragraphs; in a paragraph, a line with no
/// final punctuation followed by a line that starts a new unit (capital, bullet) ends a unit;
/// units split into sentences at final punctuation.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut block: Vec<(usize, usize)> = Vec::new();
    for line in lines(text) {
        if text[line.0..line.1].trim().is_empty() {
            if !block.is_empty() {
                segment_block(text, &block, paragraph, &mut out);
                paragraph += 1;
                block.clear();
            }
        } else {
            block.push(line);
        }
    }
    if !block.is_empty() {
        segment_block(text, &block, paragraph, &mut out);
    }
    out
}

/// Line ranges without their terminators (LF, CRLF, CR).
fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

fn starts_with_bullet(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t.starts_with("– ")
    {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

fn segment_block(text: &str, block: &[(usize, usize)], paragraph: usize, out: &mut Vec<Segment>) {
    let mut unit_start = block[0].0;
    for pair in block.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let prev_text = &text[prev.0..prev.1];
        let next_text = text[next.0..next.1].trim_start();
        let opens_unit = next_text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening(c));
        let short = prev_text.split_whitespace().count() < 10;
        if starts_with_bullet(next_text) || (!ends_with_terminal(prev_text) && opens_unit && short)
        {
            split_unit(text, unit_start, prev.1, paragraph, block.len() == 1, out);
            unit_start = next.0;
        }
    }
    let last = block[block.len() - 1].1;
    let whole = unit_start == block[0].0;
    split_unit(
        text,
        unit_start,
        last,
        paragraph,
        whole && block.len() == 1,
        out,
    );
}

/// Splits one unit into sentences and classifies them.
fn split_unit(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    single_line_block: bool,
    out: &mut Vec<Segment>,
) {
    let unit = &text[start..end];
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut piece_start = 0;
    let chars: Vec<(usize, char)> = unit.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        // Extend over further final punctuation and closing quotes or brackets.
        let mut j = i + 1;
        while j < chars.len() && (is_terminal(chars[j].1) || is_closing(chars[j].1)) {
            j += 1;
        }
        let end_byte = chars.get(j).map_or(unit.len(), |&(p, _)| p);
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let next = chars[k].1;
        let opens = next.is_uppercase() || next.is_ascii_digit() || is_opening(next);
        if opens && (c != '.' || period_ends_sentence(unit, piece_start, pos, chars[k].0)) {
            pieces.push((piece_start, end_byte));
            piece_start = chars[k].0;
        }
        i = k;
    }
    if piece_start < unit.len() {
        pieces.push((piece_start, unit.len()));
    }
    let n = pieces.len();
    for (a, b) in pieces {
        let raw = &unit[a..b];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let kind = if ends_with_terminal(trimmed) {
            SegmentKind::Sentence
        } else if n == 1 && single_line_block {
            SegmentKind::Heading
        } else {
            SegmentKind::Fragment
        };
        let s = start + a + lead;
        if trimmed.len() > MAX_SEGMENT_BYTES {
            for (k, (x, y)) in cut(trimmed, MAX_SEGMENT_BYTES).into_iter().enumerate() {
                out.push(Segment {
                    start: s + x,
                    end: s + y,
                    kind: if k == 0 {
                        SegmentKind::Overlong
                    } else {
                        SegmentKind::OverlongRest
                    },
                    paragraph,
                });
            }
            continue;
        }
        out.push(Segment {
            start: s,
            end: s + trimmed.len(),
            kind,
            paragraph,
        });
    }
}

/// Decides whether the period at `period` (followed by whitespace and a capital at `next`)
/// ends the sentence, looking at the word it closes.
fn period_ends_sentence(unit: &str, piece_start: usize, period: usize, next: usize) -> bool {
    // The word starts after the last whitespace character (which may be several bytes: NBSP).
    let word_start = unit[piece_start..period]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(piece_start, |(p, c)| piece_start + p + c.len_utf8());
    let word = unit[word_start..period].trim_start_matches(is_opening);
    let lower = word.to_lowercase();
    if TITLE_ABBREVIATIONS.contains(&lower.as_str())
        || (NUMBER_ABBREVIATIONS.contains(&lower.as_str()) && before_number(&unit[next..]))
    {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_initial {
        return false;
    }
    if FINAL_ABBREVIATIONS.contains(&lower.as_str()) || is_initialism(word) {
        let next_word: String = unit[next..]
            .chars()
            .skip_while(|&c| is_opening(c))
            .take_while(|c| c.is_alphabetic())
            .collect();
        return SENTENCE_OPENERS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Thursday, the U.S. and Russia rejected it. Mr. Al Sarraj spoke at 10:18 a.m. on Friday. Then he left.";
        assert_eq!(
            sentences(t),
            vec![
                "Thursday, the U.S. and Russia rejected it.",
                "Mr. Al Sarraj spoke at 10:18 a.m. on Friday.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn initialism_at_sentence_end_splits_before_opener() {
        let t = "He moved to the U.S. The move was quick. It cost 3.5 million.";
        assert_eq!(
            sentences(t),
            vec![
                "He moved to the U.S.",
                "The move was quick.",
                "It cost 3.5 million."
            ]
        );
    }

    #[test]
    fn quotes_stay_inside_sentences() {
        let t = "“We fight terrorism,” Haftar said. “Is it over?” he asked. She said: “No.” Then silence.";
        assert_eq!(
            sentences(t),
            vec![
                "“We fight terrorism,” Haftar said.",
                "“Is it over?” he asked.",
                "She said: “No.”",
                "Then silence."
            ]
        );
    }

    #[test]
    fn headings_and_captions() {
        let t = "Already more than two hundred deaths\n\nCitizens protested. (Photo: AFP)\n\nFollow us\n";
        let segs = segment(t);
        let kinds: Vec<_> = segs.iter().map(|s| (&t[s.start..s.end], s.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                ("Already more than two hundred deaths", SegmentKind::Heading),
                ("Citizens protested.", SegmentKind::Sentence),
                ("(Photo: AFP)", SegmentKind::Fragment),
                ("Follow us", SegmentKind::Heading),
            ]
        );
        assert_eq!(segs[3].paragraph, 2);
    }

    #[test]
    fn initials_and_titles() {
        let t = "J. K. Rowling met Dr. Smith. Gen. Haftar did not. See No. 5 and p. 12. No. 7 won.";
        assert_eq!(
            sentences(t),
            vec![
                "J. K. Rowling met Dr. Smith.",
                "Gen. Haftar did not.",
                "See No. 5 and p. 12.",
                "No. 7 won."
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_and_bullets_split() {
        let t = "This sentence is wrapped over\ntwo lines here.\n- first item\n- second item";
        assert_eq!(
            sentences(t),
            vec![
                "This sentence is wrapped over\ntwo lines here.",
                "- first item",
                "- second item"
            ]
        );
    }

    #[test]
    fn multibyte_whitespace_before_a_period() {
        let t = "Ce\u{a0}Ω. Next one.\u{a0}Ab. C";
        assert_eq!(sentences(t).len(), 3);
    }

    #[test]
    fn crlf_lines() {
        let t = "Title\r\n\r\nOne. Two.\r\n";
        assert_eq!(sentences(t), vec!["Title", "One.", "Two."]);
    }

    #[test]
    fn an_overlong_run_is_cut_into_bounded_pieces() {
        let word = "wörd ";
        let text = word.repeat(3000);
        let segs = segment(&text);
        assert!(segs.len() > 1);
        assert_eq!(segs[0].kind, SegmentKind::Overlong);
        assert!(
            segs[1..]
                .iter()
                .all(|s| s.kind == SegmentKind::OverlongRest)
        );
        for s in &segs {
            assert!(s.end - s.start <= MAX_SEGMENT_BYTES);
            assert!(text[s.start..s.end].starts_with("wörd"));
            assert!(text[s.start..s.end].ends_with("wörd"));
        }
        // Nothing is lost but the white space between pieces.
        let kept: usize = segs
            .iter()
            .map(|s| text[s.start..s.end].matches("wörd").count())
            .sum();
        assert_eq!(kept, 3000);
        // One unbroken word longer than the limit is cut at character boundaries.
        let long = "ä".repeat(5000);
        let segs = segment(&long);
        assert_eq!(
            segs.iter().map(|s| s.end - s.start).sum::<usize>(),
            long.len()
        );
    }
}
