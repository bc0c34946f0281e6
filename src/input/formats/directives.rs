//! Suppression comments: `mtlint-disable NAMES`, `mtlint-enable NAMES` and
//! `mtlint-disable-next-line NAMES`, where NAMES are rule ids or categories separated by spaces
//! or commas (none: every rule). In Markdown they are HTML comments (`<!-- mtlint-disable
//! calque -->`); in plain text, a line holding nothing but the directive.

use crate::finding::Finding;

/// A parsed directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    Disable(Vec<String>),
    Enable(Vec<String>),
    DisableNextLine(Vec<String>),
}

/// Reads a directive from the inside of a comment (or a plain-text line), or None.
pub fn parse(s: &str) -> Option<Directive> {
    let s = s.trim();
    let (kind, rest) = s.split_once(char::is_whitespace).unwrap_or((s, ""));
    let names: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    match kind {
        "mtlint-disable" => Some(Directive::Disable(names)),
        "mtlint-enable" => Some(Directive::Enable(names)),
        "mtlint-disable-next-line" => Some(Directive::DisableNextLine(names)),
        _ => None,
    }
}

const ALL: &str = "*";

/// Where findings are suppressed in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// (name, start, end): byte offsets into the text (byte-order mark excluded).
    ranges: Vec<(String, usize, usize)>,
    /// (name, 1-based line).
    lines: Vec<(String, usize)>,
    /// Disables not yet closed: (name, start).
    open: Vec<(String, usize)>,
}

impl Suppressions {
    /// Applies a directive found at `[start, end)` of the text, on line `line` (the line of
    /// `end`).
    pub fn apply(&mut self, d: Directive, start: usize, end: usize, line: usize) {
        let all = |names: Vec<String>| {
            if names.is_empty() {
                vec![ALL.to_string()]
            } else {
                names
            }
        };
        match d {
            Directive::Disable(names) => {
                for n in all(names) {
                    self.open.push((n, end));
                }
            }
            Directive::DisableNextLine(names) => {
                for n in all(names) {
                    self.lines.push((n, line + 1));
                }
            }
            Directive::Enable(names) => {
                let open = std::mem::take(&mut self.open);
                for (n, from) in open {
                    if names.is_empty() || names.contains(&n) {
                        self.ranges.push((n, from, start));
                    } else {
                        self.open.push((n, from));
                    }
                }
            }
        }
    }

    /// Closes the disables still open at the end of the text.
    pub fn finish(&mut self) {
        for (n, from) in std::mem::take(&mut self.open) {
            self.ranges.push((n, from, usize::MAX));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.lines.is_empty() && self.open.is_empty()
    }

    /// Whether a finding of a text whose input had `base` bytes before it (a byte-order mark) is
    /// suppressed.
    pub fn suppresses(&self, f: &Finding, base: usize) -> bool {
        let matches = |n: &str| n == ALL || n == f.rule || n == f.category.as_str();
        let at = f.start.saturating_sub(base);
        self.ranges
            .iter()
            .any(|(n, s, e)| matches(n) && *s <= at && at < *e)
            || self.lines.iter().any(|(n, l)| matches(n) && *l == f.line)
    }
}

/// Finds directive lines in plain text: each is blanked (spaces, line end kept) so it is not
/// checked, and becomes a suppression. None when the text has no directive.
pub fn plain_text(text: &str) -> Option<(String, Suppressions)> {
    if !text.contains("mtlint-") {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut sup = Suppressions::default();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(d) = parse(content) {
            bytes[offset..offset + content.len()].fill(b' ');
            sup.apply(d, offset, offset + content.len(), i + 1);
        }
        offset += line.len();
    }
    if sup.is_empty() {
        return None;
    }
    sup.finish();
    // Only whole lines of ASCII were blanked, so the text is still UTF-8.
    String::from_utf8(bytes).ok().map(|t| (t, sup))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names() {
        assert_eq!(
            parse(" mtlint-disable calque, verb-second-inversion "),
            Some(Directive::Disable(vec![
                "calque".into(),
                "verb-second-inversion".into()
            ]))
        );
        assert_eq!(parse("mtlint-enable"), Some(Directive::Enable(vec![])));
        assert_eq!(parse("mtlint-disabled x"), None);
    }

    #[test]
    fn plain_text_lines_are_blanked() {
        let t = "A.\nmtlint-disable-next-line calque\nB.\n";
        let (blank, sup) = plain_text(t).unwrap();
        assert_eq!(blank.len(), t.len());
        assert_eq!(blank, format!("A.\n{}\nB.\n", " ".repeat(31)));
        assert_eq!(sup.lines, vec![("calque".to_string(), 3)]);
        assert!(plain_text("no directives here").is_none());
    }
}
