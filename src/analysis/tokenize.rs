//! Tokenize stage: words, numbers, punctuation and clitics with byte offsets.
//!
//! The conventions follow the Penn Treebank as used in UD English EWT, so the tagger sees the
//! tokens it was trained on: "don't" → "do" + "n't", "Haftar's" → "Haftar" + "'s", "can't" →
//! "ca" + "n't". Abbreviations keep their period ("U.S.", "Mr.", "a.m."); hyphenated words,
//! numbers with separators ("10:18", "1,500", "3.5"), e-mail addresses and URLs are one token.

use crate::segment::is_known_abbreviation;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: `start..end` are byte offsets into the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks left after NFC (scripts without precomposed forms).
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Tokenizes `text[start..end]`; offsets are into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity((end - start) / 5 + 1);
    tokenize_into(text, start, end, &mut tokens);
    tokens
}

/// Like [`tokenize`], appending to a buffer that can be reused.
pub fn tokenize_into(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let s = &text[start..end];
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let rest = &s[i..];
        if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let url = rest[..len].trim_end_matches(|c: char| ".,;:!?)\"”’'".contains(c));
            push(tokens, start + i, start + i + url.len(), TokenKind::Word);
            advance_to(&mut chars, i + url.len());
            continue;
        }
        if is_word_char(c) {
            let len = word_len(rest);
            let mut word_end = i + len;
            // An abbreviation keeps its period.
            if s[word_end..].starts_with('.')
                && is_known_abbreviation(&s[i..word_end], &s[word_end + 1..])
            {
                word_end += 1;
            }
            push_word(tokens, s, start, i, word_end);
            advance_to(&mut chars, word_end);
            continue;
        }
        // Punctuation: runs of periods ("...") and hyphens ("--") stay together.
        let len = if c == '.' || is_hyphen(c) {
            rest.chars()
                .take_while(|&d| d == c)
                .map(char::len_utf8)
                .sum()
        } else {
            c.len_utf8()
        };
        push(tokens, start + i, start + i + len, TokenKind::Punct);
        advance_to(&mut chars, i + len);
    }
}

fn advance_to(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, pos: usize) {
    while chars.peek().is_some_and(|&(i, _)| i < pos) {
        chars.next();
    }
}

fn push(tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    tokens.push(Token { start, end, kind });
}

/// Length in bytes of the word starting `rest`: word characters, joined by hyphens, periods
/// (initialisms, decimals, domains), digit separators, apostrophes and `@`/`&` between word
/// characters.
fn word_len(rest: &str) -> usize {
    let mut end = 0;
    let mut prev: Option<char> = None;
    let mut it = rest.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        // A clock time machine translation wrote with a space after the colon ("9: 45 p.m."):
        // one token, so that the colon opens no clause.
        if c == ':' && i > 0 && i <= 2 && rest[..i].bytes().all(|b| b.is_ascii_digit()) {
            let after = rest.as_bytes().get(i + 1..i + 4);
            if let Some([b' ', m1, m2]) = after
                && (b'0'..=b'5').contains(m1)
                && m2.is_ascii_digit()
                && !rest.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
            {
                return i + 4;
            }
        }
        let ok = if is_word_char(c) {
            true
        } else {
            let between_words = prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
            let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            match c {
                _ if is_hyphen(c) => between_words,
                '.' => between_words,
                ',' | ':' => between_digits,
                '@' | '&' => between_words,
                _ if is_apostrophe(c) => {
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
                }
                _ => false,
            }
        };
        if !ok {
            break;
        }
        end = i + c.len_utf8();
        prev = Some(c);
    }
    end
}

const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Pushes a word, splitting off a clitic ("n't", "'s", "'re", …) as its own token.
fn push_word(tokens: &mut Vec<Token>, s: &str, base: usize, start: usize, end: usize) {
    let word = &s[start..end];
    let kind = if word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | ' '))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    if kind == TokenKind::Word
        && let Some(split) = clitic_split(word)
    {
        push(tokens, base + start, base + start + split, TokenKind::Word);
        push(tokens, base + start + split, base + end, TokenKind::Word);
        return;
    }
    push(tokens, base + start, base + end, kind);
}

/// Where a word splits into host and clitic, if it ends in one.
fn clitic_split(word: &str) -> Option<usize> {
    let apos = word.rfind(is_apostrophe)?;
    let after = &word[apos + word[apos..].chars().next()?.len_utf8()..];
    let lower_after = after.to_ascii_lowercase();
    if lower_after == "t" && apos > 1 && word[..apos].to_ascii_lowercase().ends_with('n') {
        // "don't" → "do" + "n't"; a bare "n't" stays whole.
        return Some(apos - 1);
    }
    if apos > 0 && CLITICS.contains(&lower_after.as_str()) {
        return Some(apos);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn contractions_split_like_the_treebank() {
        assert_eq!(toks("Don't"), vec!["Do", "n't"]);
        assert_eq!(toks("I can’t go"), vec!["I", "ca", "n’t", "go"]);
        assert_eq!(toks("Haftar's forces"), vec!["Haftar", "'s", "forces"]);
        assert_eq!(
            toks("we've they'll I'm"),
            vec!["we", "'ve", "they", "'ll", "I", "'m"]
        );
        assert_eq!(toks("o'clock"), vec!["o'clock"]);
    }

    #[test]
    fn abbreviations_numbers_and_hyphens() {
        assert_eq!(
            toks("the U.S. and e-mail at 10:18 a.m. cost $1,500.50."),
            vec![
                "the", "U.S.", "and", "e-mail", "at", "10:18", "a.m.", "cost", "$", "1,500.50", "."
            ]
        );
        assert_eq!(toks("Mr. Al Sarraj"), vec!["Mr.", "Al", "Sarraj"]);
        // A clock time with a space after its colon is one number; a colon before a list
        // stays punctuation.
        assert_eq!(toks("at 9: 45 p.m."), vec!["at", "9: 45", "p.m."]);
        assert_eq!(
            toks("scores 3: 100 points"),
            vec!["scores", "3", ":", "100", "points"]
        );
        assert_eq!(toks("end. Next"), vec!["end", ".", "Next"]);
    }

    #[test]
    fn quotes_and_punctuation() {
        assert_eq!(
            toks("“ongoing efforts,” Haftar said... (Photo: AFP)"),
            vec![
                "“", "ongoing", "efforts", ",", "”", "Haftar", "said", "...", "(", "Photo", ":",
                "AFP", ")"
            ]
        );
    }

    #[test]
    fn offsets_are_byte_offsets_into_the_text() {
        let text = "xx «één» yy";
        let t = tokenize(text, 3, text.len());
        assert_eq!(t[0].text(text), "«");
        assert_eq!(t[1].text(text), "één");
        assert_eq!(t[1].start, text.find('é').unwrap());
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            toks("see https://example.com/a?b=1. or mail a.b@c.org"),
            vec![
                "see",
                "https://example.com/a?b=1",
                ".",
                "or",
                "mail",
                "a.b@c.org"
            ]
        );
    }
}
