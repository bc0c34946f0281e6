//! `mtlint eval`: precision and recall of the rules on labelled lines.
//!
//! Each input line is `{"text": …, "expect": [categories]}` (an empty list for clean text), with
//! optional `"id"` and `"group"` (e.g. the perturbation that made the line). A line counts as
//! found for a category when any finding on it has that category.
//!
//! The tables count the findings `check` reports (structural findings at or above the
//! `min-confidence` threshold); [`operating_points`] shows the whole curve: for the thresholds
//! at which 0.5%, 1% and 2% of the clean lines get a structural finding, the share of each
//! group's error lines that get one.

use crate::detect::Linter;
use crate::finding::{Category, Finding};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Debug, Deserialize)]
struct Labelled {
    text: String,
    #[serde(default)]
    expect: Vec<Category>,
    #[serde(default)]
    group: Option<String>,
    /// The source text; when given, the source-aware rules run.
    #[serde(default)]
    source: Option<String>,
    /// The source language, for the per-language figures of the source-aware rules.
    #[serde(default)]
    lang: Option<String>,
    /// The corrected sentence, for the figures of the suggestions.
    #[serde(default)]
    fixed: Option<String>,
}

/// How the suggestions on the flagged lines of a group compare with their corrected sentence.
#[derive(Debug, Default, Clone, Copy)]
struct SuggestionStats {
    /// Flagged lines that have a corrected sentence.
    flagged: usize,
    /// Of them, lines with a suggestion.
    suggested: usize,
    /// Suggestions equal to the corrected sentence (ignoring the first letter's case, commas
    /// and runs of spaces).
    equal: usize,
    /// Suggestions at least 0.9 similar to it (normalized Levenshtein, after the same
    /// normalisation).
    similar: usize,
}

/// A sentence as the suggestion figures compare it: no commas, single spaces, the first
/// letter in lower case.
fn comparable(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let joined = words.join(" ").replace(" ,", "").replace(',', "");
    let mut c = joined.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct GroupStats {
    lines: usize,
    expected_found: usize,
    structural: usize,
    any: usize,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    expected: usize,
    found: usize,
    flagged: usize,
    clean_flagged: usize,
}

/// One labelled line as the curve sees it: its group, whether it is clean or has a structural
/// error, and the highest confidence of a structural finding on it (0 without one).
#[derive(Debug, Clone)]
struct LineScore {
    group: String,
    clean: bool,
    structural: bool,
    score: f64,
}

/// The figures of one evaluation run.
#[derive(Debug, Default)]
pub struct Evaluation {
    scores: Vec<LineScore>,
    lines: usize,
    clean_lines: usize,
    groups: BTreeMap<String, GroupStats>,
    categories: BTreeMap<Category, Counts>,
    rules: BTreeMap<String, Counts>,
    /// Per group and source language: lines with a source, lines `source-mismatch` flagged,
    /// and how many of its findings read the source as each language.
    by_lang: BTreeMap<(String, String), LangLines>,
    /// Per group: the suggestions on flagged lines that have a corrected sentence.
    suggestions: BTreeMap<String, SuggestionStats>,
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

impl Evaluation {
    /// Reads labelled JSONL and runs the linter on every line. Bad lines are errors naming the
    /// file and line.
    /// `linter` should report every finding (see [`Linter::reporting_all`]); the tables count
    /// structural findings at or above `threshold`, the curve sees them all.
    pub fn run(
        name: &str,
        jsonl: &str,
        linter: &Linter,
        threshold: f64,
    ) -> Result<Evaluation, String> {
        let mut ev = Evaluation::default();
        for (n, line) in jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let item: Labelled =
                serde_json::from_str(line).map_err(|e| format!("{name}:{}: {e}", n + 1))?;
            let mut findings = linter.check_text_with_source(item.text, 0, item.source.as_deref());
            let score = findings
                .iter()
                .filter(|f| f.category.is_structural())
                .map(|f| f.confidence)
                .fold(0.0, f64::max);
            findings.retain(|f| !f.category.is_structural() || f.confidence >= threshold);
            let clean_line = item.expect.is_empty();
            ev.scores.push(LineScore {
                group: item
                    .group
                    .clone()
                    .unwrap_or_else(|| if clean_line { "clean" } else { "labelled" }.into()),
                clean: clean_line,
                structural: item.expect.iter().any(|c| c.is_structural()),
                score,
            });
            if item.source.is_some() {
                let group = item.group.clone().unwrap_or_else(|| "-".into());
                let lang = item.lang.clone().unwrap_or_else(|| "-".into());
                let e = ev.by_lang.entry((group, lang)).or_default();
                e.0 += 1;
                e.1 += findings
                    .iter()
                    .any(|f| f.category == Category::SourceMismatch)
                    as usize;
                for code in findings.iter().filter_map(|f| f.source_lang.as_ref()) {
                    *e.2.entry(code.clone()).or_default() += 1;
                }
            }
            if let (Some(fixed), false, false) =
                (&item.fixed, findings.is_empty(), item.expect.is_empty())
            {
                ev.count_suggestion(item.group.as_deref(), fixed, &findings);
            }
            let cats: BTreeSet<Category> = findings.iter().map(|f| f.category).collect();
            // Per rule, and per check for a rule that holds several (`missing-verb/verb-deficit`).
            let rules: BTreeMap<String, Category> = findings
                .iter()
                .flat_map(|f| {
                    let check = f
                        .check
                        .as_ref()
                        .map(|c| (format!("{}/{c}", f.rule), f.category));
                    std::iter::once((f.rule.clone(), f.category)).chain(check)
                })
                .collect();
            let expect: BTreeSet<Category> = item.expect.iter().copied().collect();
            ev.lines += 1;
            let clean = expect.is_empty();
            ev.clean_lines += clean as usize;
            let g = ev
                .groups
                .entry(
                    item.group
                        .unwrap_or_else(|| if clean { "clean" } else { "labelled" }.into()),
                )
                .or_default();
            g.lines += 1;
            g.expected_found += expect.iter().any(|c| cats.contains(c)) as usize;
            g.structural += cats.iter().any(|c| c.is_structural()) as usize;
            g.any += !cats.is_empty() as usize;
            for c in Category::ALL {
                let e = expect.contains(&c);
                let f = cats.contains(&c);
                if !e && !f {
                    continue;
                }
                let k = ev.categories.entry(c).or_default();
                k.expected += e as usize;
                k.found += (e && f) as usize;
                k.flagged += f as usize;
                k.clean_flagged += (clean && f) as usize;
            }
            for (r, cat) in rules {
                let k = ev.rules.entry(r).or_default();
                k.flagged += 1;
                k.found += expect.contains(&cat) as usize;
                k.clean_flagged += clean as usize;
            }
        }
        Ok(ev)
    }

    /// Compares the suggestion a flagged line offers (that of its most confident finding)
    /// with the line's corrected sentence.
    fn count_suggestion(&mut self, group: Option<&str>, fixed: &str, findings: &[Finding]) {
        let best = findings
            .iter()
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence));
        let g = self
            .suggestions
            .entry(group.unwrap_or("labelled").to_string())
            .or_default();
        g.flagged += 1;
        let Some(suggestion) = best.and_then(|f| f.suggestion.as_deref()) else {
            return;
        };
        g.suggested += 1;
        let (a, b) = (comparable(suggestion), comparable(fixed));
        g.equal += (a == b) as usize;
        g.similar += (strsim::normalized_levenshtein(&a, &b) >= 0.9) as usize;
    }

    /// The figures as a plain-text table.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{} lines, {} clean", self.lines, self.clean_lines);
        let _ = writeln!(
            s,
            "\nby group              lines   expected-category   any-structural   any-finding"
        );
        for (name, g) in &self.groups {
            let _ = writeln!(
                s,
                "  {:<20}{:>6}   {:>17}   {:>14}   {:>11}",
                name,
                g.lines,
                pct(g.expected_found, g.lines),
                pct(g.structural, g.lines),
                pct(g.any, g.lines)
            );
        }
        let _ = writeln!(
            s,
            "\nby category           expected   found   recall   flagged   precision   clean-flagged"
        );
        for (c, k) in &self.categories {
            let _ = writeln!(
                s,
                "  {:<20}{:>9}{:>8}{:>9}{:>10}{:>12}{:>9} ({})",
                c.as_str(),
                k.expected,
                k.found,
                pct(k.found, k.expected),
                k.flagged,
                pct(k.found, k.flagged),
                k.clean_flagged,
                pct(k.clean_flagged, self.clean_lines)
            );
        }
        let _ = writeln!(
            s,
            "\nby rule                          flagged   in-expected-category   precision   clean-flagged"
        );
        for (r, k) in &self.rules {
            let _ = writeln!(
                s,
                "  {:<32}{:>7}{:>23}{:>12}{:>9} ({})",
                r,
                k.flagged,
                k.found,
                pct(k.found, k.flagged),
                k.clean_flagged,
                pct(k.clean_flagged, self.clean_lines)
            );
        }
        if !self.suggestions.is_empty() {
            let _ = writeln!(
                s,
                "\nsuggestions on flagged lines with a fixed sentence\n  group                 flagged   suggested   equal-to-fixed   0.9-similar"
            );
            let mut total = SuggestionStats::default();
            for (g, k) in &self.suggestions {
                let _ = writeln!(
                    s,
                    "  {:<20}{:>9}{:>12}{:>17}{:>14}",
                    g,
                    k.flagged,
                    pct(k.suggested, k.flagged),
                    pct(k.equal, k.flagged),
                    pct(k.similar, k.flagged)
                );
                total.flagged += k.flagged;
                total.suggested += k.suggested;
                total.equal += k.equal;
                total.similar += k.similar;
            }
            let _ = writeln!(
                s,
                "  {:<20}{:>9}{:>12}{:>17}{:>14}",
                "all",
                total.flagged,
                pct(total.suggested, total.flagged),
                pct(total.equal, total.flagged),
                pct(total.similar, total.flagged)
            );
        }
        if !self.by_lang.is_empty() {
            let _ = writeln!(
                s,
                "\nsource-mismatch by group and source language   lines   flagged    read as"
            );
            for ((g, l), (n, f, read)) in &self.by_lang {
                // The language most findings read the source as.
                let read_as = read
                    .iter()
                    .max_by_key(|&(code, k)| (*k, std::cmp::Reverse(code.clone())))
                    .map_or("-", |(code, _)| code.as_str());
                let _ = writeln!(
                    s,
                    "  {:<22}{:<22}{:>7}{:>10} ({}){:>8}",
                    g,
                    l,
                    n,
                    f,
                    pct(*f, *n),
                    read_as
                );
            }
        }
        s
    }
}

/// Lines with a source of one group and language: how many, how many `source-mismatch`
/// flagged, and how many of its findings read the source as each language (a code).
type LangLines = (usize, usize, BTreeMap<String, usize>);

/// Clean-line shares at which the curve is read.
pub const OPERATING_POINTS: [f64; 3] = [0.005, 0.01, 0.02];

/// The lowest threshold at which at most `rate` of `clean` scores reach it (scores at or
/// above a threshold are flagged); 1 past the top when no threshold allows any.
pub fn threshold_for_rate(clean: &[f64], rate: f64) -> f64 {
    let mut sorted: Vec<f64> = clean.iter().copied().filter(|&s| s > 0.0).collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let allowed = (rate * clean.len() as f64).floor() as usize;
    // Flag the `allowed` highest scores at most: the threshold sits just above the next one.
    match sorted.get(allowed) {
        None => f64::MIN_POSITIVE,
        Some(&s) => next_up(s),
    }
}

fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// The operating-point table of several evaluation runs: the clean lines of all of them set
/// the thresholds; each group with structural errors gets its recall at each.
pub fn operating_points(runs: &[(String, Evaluation)], default_threshold: f64) -> String {
    let clean: Vec<f64> = runs
        .iter()
        .flat_map(|(_, e)| e.scores.iter().filter(|l| l.clean).map(|l| l.score))
        .collect();
    let mut s = String::new();
    let thresholds: Vec<f64> = OPERATING_POINTS
        .iter()
        .map(|&r| threshold_for_rate(&clean, r))
        .collect();
    let _ = writeln!(
        s,
        "== operating points: structural findings, thresholds set on the {} clean lines above",
        clean.len()
    );
    let _ = write!(s, "  {:<34}{:>7}", "clean lines flagged", "lines");
    for r in OPERATING_POINTS {
        let _ = write!(s, "{:>10}", format!("{:.1}%", r * 100.0));
    }
    let _ = writeln!(s, "{:>10}", "default");
    let _ = write!(s, "  {:<34}{:>7}", "threshold", "");
    for t in &thresholds {
        let _ = write!(s, "{:>10}", format!("{:.3}", t.min(1.0)));
    }
    let _ = writeln!(s, "{:>10}", format!("{default_threshold:.3}"));
    let row = |s: &mut String, name: &str, lines: &[&LineScore]| {
        let _ = write!(s, "  {:<34}{:>7}", name, lines.len());
        for t in thresholds.iter().chain([&default_threshold]) {
            let hit = lines
                .iter()
                .filter(|l| l.score > 0.0 && l.score >= *t)
                .count();
            let _ = write!(s, "{:>10}", pct(hit, lines.len()));
        }
        let _ = writeln!(s);
    };
    for (name, e) in runs {
        let mut groups: BTreeMap<&str, Vec<&LineScore>> = BTreeMap::new();
        for l in &e.scores {
            if l.clean || l.structural {
                groups.entry(l.group.as_str()).or_default().push(l);
            }
        }
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(s, "  {name}");
        for (g, lines) in &groups {
            let kind = if lines[0].clean { "clean" } else { "recall" };
            row(&mut s, &format!("  {g} ({kind})"), lines);
        }
    }
    s
}

#[cfg(test)]
mod curve_tests {
    use super::threshold_for_rate;

    #[test]
    fn the_threshold_flags_at_most_the_rate() {
        let clean = [0.9, 0.8, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        // 10% of 10 lines: one may be flagged, so the threshold sits just above 0.8.
        let t = threshold_for_rate(&clean, 0.1);
        assert!(t > 0.8 && t <= 0.9);
        // 20%: both may.
        assert!(threshold_for_rate(&clean, 0.2) <= 0.8);
        // None allowed: above the top score.
        assert!(threshold_for_rate(&clean, 0.0) > 0.9);
    }
}
