//! Text for people at a terminal, in the style of rustc and ruff:
//!
//! ```text
//! notes.txt:3:1: major[verb-second-inversion]: 'Also' fronted, then the verb, then the subject
//!   |
//!   | Also discussed Trump and Haftar a shared vision.
//!   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!   = suggestion: Trump and Haftar also discussed a shared vision.
//! ```
//!
//! then one line per document (findings, words, score, passed or failed) and a summary.

use super::{DocumentReport, ReportOptions, Summary, Verdict};
use crate::finding::{Finding, Severity};
use anstyle::{AnsiColor, Style};
use std::ffi::OsStr;
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// When to colour the text format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

/// Whether to colour: `always` and `never` decide; `auto` colours a terminal unless `NO_COLOR`
/// is set to anything but the empty string (no-color.org).
pub fn use_color(choice: ColorChoice, is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(OsStr::is_empty),
    }
}

/// The styles of the report; all plain when colours are off.
struct Palette {
    location: Style,
    gutter: Style,
    note: Style,
    suggestion: Style,
    passed: Style,
    failed: Style,
    color: bool,
}

impl Palette {
    fn new(color: bool) -> Palette {
        let plain = Style::new();
        let pick = |s: Style| if color { s } else { plain };
        Palette {
            location: pick(Style::new().bold()),
            gutter: pick(AnsiColor::Blue.on_default().bold()),
            note: pick(Style::new().bold()),
            suggestion: pick(AnsiColor::Green.on_default()),
            passed: pick(AnsiColor::Green.on_default().bold()),
            failed: pick(AnsiColor::Red.on_default().bold()),
            color,
        }
    }

    fn severity(&self, s: Severity) -> Style {
        if !self.color {
            return Style::new();
        }
        let color = match s {
            Severity::Critical => AnsiColor::Red,
            Severity::Major => AnsiColor::Yellow,
            Severity::Minor => AnsiColor::Cyan,
        };
        color.on_default().bold()
    }
}

/// The document's name in the report: its path, and for a JSONL record its line and id.
fn name(d: &DocumentReport) -> String {
    match (&d.id, d.line) {
        (Some(id), Some(line)) => format!("{}:{line} (id {id})", d.path),
        _ => d.path.clone(),
    }
}

/// The sentence on one line for display (line breaks and tabs as spaces, other control
/// characters dropped), with the display columns where the span starts and how wide it is.
/// None when the span does not lie inside the sentence.
pub fn underline(
    sentence: &str,
    span_start: usize,
    span_end: usize,
) -> Option<(String, usize, usize)> {
    if span_start > span_end
        || span_end > sentence.len()
        || !sentence.is_char_boundary(span_start)
        || !sentence.is_char_boundary(span_end)
    {
        return None;
    }
    let mut shown = String::with_capacity(sentence.len());
    let (mut pad, mut width, mut col) = (0, 0, 0);
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i == span_start {
            pad = col;
        }
        let (piece, w) = match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => ("", 0),
            '\n' | '\r' => (" ", 1),
            '\t' => ("    ", 4),
            c if c.is_control() => ("", 0),
            c => {
                shown.push(c);
                let w = c.width().unwrap_or(0);
                col += w;
                if i >= span_start && i < span_end {
                    width += w;
                }
                continue;
            }
        };
        shown.push_str(piece);
        col += w;
        if i >= span_start && i < span_end {
            width += w;
        }
    }
    if span_start == sentence.len() {
        pad = col;
    }
    Some((shown, pad, width.max(1)))
}

fn finding(out: &mut dyn Write, name: &str, f: &Finding, p: &Palette) -> io::Result<()> {
    let sev = p.severity(f.severity);
    let (loc, note, gutter) = (p.location, p.note, p.gutter);
    let check = f
        .check
        .as_deref()
        .map_or(String::new(), |c| format!("/{c}"));
    writeln!(
        out,
        "{loc}{name}:{}:{}:{loc:#} {sev}{}[{}{check}]{sev:#}: {note}{}{note:#}",
        f.line, f.column, f.severity, f.rule, f.message
    )?;
    let rel_start = f.start.wrapping_sub(f.sentence_start);
    let rel_end = f.end.wrapping_sub(f.sentence_start);
    match underline(&f.sentence, rel_start, rel_end) {
        Some((shown, pad, width)) => {
            writeln!(out, "  {gutter}|{gutter:#}")?;
            writeln!(out, "  {gutter}|{gutter:#} {shown}")?;
            writeln!(
                out,
                "  {gutter}|{gutter:#} {}{sev}{}{sev:#}",
                " ".repeat(pad),
                "^".repeat(width)
            )?;
        }
        None => writeln!(out, "  {gutter}|{gutter:#} {}", f.sentence)?,
    }
    if let Some(s) = &f.suggestion {
        let sug = p.suggestion;
        writeln!(
            out,
            "  {gutter}={gutter:#} {note}suggestion:{note:#} {sug}{s}{sug:#}"
        )?;
        if !f.combines.is_empty() {
            writeln!(
                out,
                "  {gutter}={gutter:#} {note}also fixes:{note:#} {}",
                f.combines.join(", ")
            )?;
        }
    }
    writeln!(out)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// A document's findings, then its line: findings, words, score and verdict (or its error).
pub(super) fn document(
    out: &mut dyn Write,
    d: &DocumentReport,
    verdict: &Verdict,
    options: &ReportOptions,
) -> io::Result<()> {
    let p = Palette::new(options.color);
    let name = name(d);
    let (loc, failed) = (p.location, p.failed);
    match &d.outcome {
        Err(e) => {
            // The message names the input already when it starts with it: said once.
            let e = e
                .strip_prefix(name.as_str())
                .and_then(|rest| rest.strip_prefix(": "))
                .unwrap_or(e);
            writeln!(out, "{loc}{name}:{loc:#} {failed}error:{failed:#} {e}")
        }
        Ok(findings) => {
            for f in findings {
                finding(out, &name, f, &p)?;
            }
            let status = if verdict.passed { p.passed } else { p.failed };
            let baselined = if d.baselined > 0 {
                format!(" ({} baselined)", d.baselined)
            } else {
                String::new()
            };
            writeln!(
                out,
                "{loc}{name}:{loc:#} {}{baselined}, {}, score {} per 1,000 words: {status}{}{status:#}",
                plural(findings.len(), "finding"),
                plural(verdict.words, "word"),
                verdict.score.unwrap_or(0.0),
                if verdict.passed { "passed" } else { "failed" }
            )
        }
    }
}

pub(super) fn summary(out: &mut dyn Write, s: &Summary, options: &ReportOptions) -> io::Result<()> {
    let p = Palette::new(options.color);
    let note = p.note;
    let c = s.findings;
    let mut line = format!(
        "{} ({} critical, {} major, {} minor) in {}: {} passed, {} failed",
        plural(c.total, "finding"),
        c.critical,
        c.major,
        c.minor,
        plural(s.documents, "document"),
        s.passed,
        s.failed,
    );
    if !s.unreadable.is_empty() {
        line.push_str(&format!(", {} could not be read", s.unreadable.len()));
    }
    if s.baselined > 0 {
        line.push_str(&format!("; {} baselined", s.baselined));
    }
    writeln!(out, "{note}{line}{note:#}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_align_by_display_width() {
        let s = "Het “land” 東京 says so.";
        let start = s.find("says").unwrap();
        let (shown, pad, width) = underline(s, start, start + 4).unwrap();
        assert_eq!(shown, s);
        // “ and ” are one column each, 東 and 京 two.
        assert_eq!((pad, width), (16, 4));
        let start = s.find('東').unwrap();
        let (_, pad, width) = underline(s, start, start + 6).unwrap();
        assert_eq!((pad, width), (11, 4));
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        let s = "One\r\ntwo\tthree.";
        let start = s.find("three").unwrap();
        let (shown, pad, width) = underline(s, start, start + 5).unwrap();
        assert_eq!(shown, "One two    three.");
        assert_eq!((pad, width), (11, 5));
        assert_eq!(underline(s, 2, 40), None);
        assert_eq!(underline("é", 1, 2), None);
    }

    #[test]
    fn no_color_is_honoured_only_in_auto() {
        let set = Some(OsStr::new("1"));
        assert!(use_color(ColorChoice::Auto, true, None));
        assert!(use_color(ColorChoice::Auto, true, Some(OsStr::new(""))));
        assert!(!use_color(ColorChoice::Auto, true, set));
        assert!(!use_color(ColorChoice::Auto, false, None));
        assert!(use_color(ColorChoice::Always, false, set));
        assert!(!use_color(ColorChoice::Never, true, None));
    }
}
