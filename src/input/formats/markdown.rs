//! Markdown: the prose is checked, the rest is blanked out — replaced by spaces with line ends
//! kept — so offsets, lines and columns of findings stay exact against the file. Blanked: YAML
//! (`---`) and TOML (`+++`) front matter, fenced and indented code blocks, HTML blocks, inline
//! HTML and comments, images, link destinations and autolinks, bare URLs, and the markup
//! characters themselves (`#`, `*`, `>`, `|`, …). List markers are kept so that list items stay
//! separate sentences. Inline code becomes the placeholder word `code` (or `one` for a
//! one-character span), padded with spaces, so the sentence around it stays whole.
//! HTML comments carry suppression directives (see [`super::directives`]).

use super::directives::{self, Suppressions};
use super::line_column;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use regex::Regex;
use std::sync::LazyLock;

/// The prose of a Markdown text, same length and line structure as the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    pub text: String,
    pub suppressions: Suppressions,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>]+").expect("valid URL pattern")
});
static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--(.*?)-->").expect("valid comment pattern"));

/// Extracts the prose of a Markdown text.
pub fn prose(text: &str) -> Prose {
    let src = text.as_bytes();
    // Everything starts blank; prose is copied back in.
    let mut out: Vec<u8> = src
        .iter()
        .map(|&b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    let mut sup = Suppressions::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    // One entry per open element: whether its text is not prose.
    let mut skipping: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let skip = skipping.iter().any(|&s| s);
        match event {
            Event::Start(tag) => {
                let skips = match &tag {
                    Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } => true,
                    Tag::HtmlBlock => true,
                    Tag::Link { link_type, .. } => {
                        matches!(link_type, LinkType::Autolink | LinkType::Email)
                    }
                    _ => false,
                };
                if matches!(tag, Tag::Item) && !skip {
                    copy_list_marker(src, &mut out, range.start);
                }
                skipping.push(skips);
            }
            Event::End(_) => {
                skipping.pop();
            }
            Event::Text(_) if !skip => {
                out[range.clone()].copy_from_slice(&src[range.clone()]);
                for m in URL.find_iter(&text[range.clone()]) {
                    let url = m
                        .as_str()
                        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
                    let start = range.start + m.start();
                    out[start..start + url.len()].fill(b' ');
                }
            }
            Event::Code(_) if !skip => {
                let len = range.len();
                let word: &[u8] = if len >= 4 { b"code" } else { b"one" };
                if len >= word.len() {
                    out[range.start..range.start + word.len()].copy_from_slice(word);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                for c in COMMENT.captures_iter(&text[range.clone()]) {
                    let (Some(whole), Some(inner)) = (c.get(0), c.get(1)) else {
                        continue;
                    };
                    if let Some(d) = directives::parse(inner.as_str()) {
                        let (start, end) = (range.start + whole.start(), range.start + whole.end());
                        sup.apply(d, start, end, line_column(text, end).0);
                    }
                }
            }
            _ => {}
        }
    }
    sup.finish();
    // Only whole characters were blanked or copied, so the bytes are UTF-8; should that ever
    // fail, the text is checked unchanged rather than not at all.
    let text = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    Prose {
        text,
        suppressions: sup,
    }
}

/// Keeps a list item's marker (`-`, `*`, `+` as `-`, `1.`, `1)`) so the segmenter sees a bullet.
fn copy_list_marker(src: &[u8], out: &mut [u8], start: usize) {
    let mut i = start;
    while i < src.len() && (src[i] == b' ' || src[i] == b'\t') {
        i += 1;
    }
    match src.get(i) {
        Some(b'-' | b'*' | b'+') => out[i] = b'-',
        Some(b) if b.is_ascii_digit() => {
            while i < src.len() && src[i].is_ascii_digit() {
                out[i] = src[i];
                i += 1;
            }
            if let Some(b'.' | b')') = src.get(i) {
                out[i] = src[i];
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(md: &str) -> String {
        let p = prose(md);
        assert_eq!(p.text.len(), md.len());
        for (a, b) in p.text.bytes().zip(md.bytes()) {
            assert!(a == b || a == b' ' || b"codeone-".contains(&a), "{md:?}");
            assert_eq!(a == b'\n', b == b'\n');
        }
        p.text
    }

    #[test]
    fn front_matter_code_and_links_are_blanked() {
        let md = "---\ntitle: Hallo\n---\n# Title\n\nSee [the docs](https://x.org/a) and `cargo test`.\n\n```sh\nls -l\n```\n\n    indented code\n\nVisit https://example.com. <span>Hi</span> ![alt](i.png)\n";
        let got = check(md);
        assert!(!got.contains("Hallo") && !got.contains("ls -l") && !got.contains("indented"));
        assert!(!got.contains("x.org") && !got.contains("example.com") && !got.contains("span"));
        assert!(!got.contains("alt") && !got.contains('#'));
        assert!(got.contains("  Title\n"));
        assert!(got.contains(&format!("See  the docs{}and code        .", " ".repeat(19))));
        assert!(got.contains(&format!("Visit{}.       Hi ", " ".repeat(20))));
    }

    #[test]
    fn list_markers_and_suppressions() {
        let md = "- one\n+ two\n\n<!-- mtlint-disable calque -->\nA.\n<!-- mtlint-enable calque -->\n\nB <!-- mtlint-disable-next-line -->\nC.\n";
        let p = prose(md);
        assert!(p.text.starts_with("- one\n- two\n"));
        assert!(!p.text.contains("mtlint"));
        let f = |line: usize, start: usize, rule: &str| crate::finding::Finding {
            rule: rule.into(),
            check: None,
            category: crate::finding::Category::Calque,
            severity: crate::finding::Severity::Major,
            confidence: 1.0,
            message: String::new(),
            line,
            column: 1,
            start,
            end: start + 1,
            sentence: String::new(),
            sentence_start: 0,
            text: String::new(),
            suggestion: None,
            edits: Vec::new(),
            combines: Vec::new(),
            source: None,
            source_lang: None,
        };
        let a = md.find("A.").unwrap();
        assert!(p.suppressions.suppresses(&f(5, a, "x"), 0));
        assert!(!p.suppressions.suppresses(&f(1, 0, "x"), 0));
        let c = md.find("C.").unwrap();
        assert!(p.suppressions.suppresses(&f(9, c, "x"), 0));
        let b = md.find("B <").unwrap();
        assert!(!p.suppressions.suppresses(&f(8, b, "x"), 0));
    }
}
