//! `mtlint eval`: precision and recall of the rules on labelled lines.
//!
//! Each input line is `{"text": …, "expect": [categories]}` (an empty list for clean text), with
//! optional `"id"` and `"group"` (e.g. the perturbation that made the line). A line counts as
//! found for a category when any finding on it has that category.

use crate::detect::Linter;
use crate::finding::Category;
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

/// The figures of one evaluation run.
#[derive(Debug, Default)]
pub struct Evaluation {
    lines: usize,
    clean_lines: usize,
    groups: BTreeMap<String, GroupStats>,
    categories: BTreeMap<Category, Counts>,
    rules: BTreeMap<String, Counts>,
    /// Per group and source language: lines with a source, and lines `source-mismatch` flagged.
    by_lang: BTreeMap<(String, String), (usize, usize)>,
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
    pub fn run(name: &str, jsonl: &str, linter: &Linter) -> Result<Evaluation, String> {
        let mut ev = Evaluation::default();
        for (n, line) in jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let item: Labelled =
                serde_json::from_str(line).map_err(|e| format!("{name}:{}: {e}", n + 1))?;
            let findings = linter.check_text_with_source(item.text, 0, item.source.as_deref());
            if item.source.is_some() {
                let group = item.group.clone().unwrap_or_else(|| "-".into());
                let lang = item.lang.clone().unwrap_or_else(|| "-".into());
                let e = ev.by_lang.entry((group, lang)).or_default();
                e.0 += 1;
                e.1 += findings
                    .iter()
                    .any(|f| f.category == Category::SourceMismatch)
                    as usize;
            }
            let cats: BTreeSet<Category> = findings.iter().map(|f| f.category).collect();
            let rules: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
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
            for r in rules {
                let cat = findings
                    .iter()
                    .find(|f| f.rule == r)
                    .map(|f| f.category)
                    .expect("rule came from a finding");
                let k = ev.rules.entry(r.to_string()).or_default();
                k.flagged += 1;
                k.found += expect.contains(&cat) as usize;
                k.clean_flagged += clean as usize;
            }
        }
        Ok(ev)
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
        if !self.by_lang.is_empty() {
            let _ = writeln!(
                s,
                "\nsource-mismatch by group and source language   lines   flagged"
            );
            for ((g, l), (n, f)) in &self.by_lang {
                let _ = writeln!(s, "  {:<22}{:<22}{:>7}{:>10} ({})", g, l, n, f, pct(*f, *n));
            }
        }
        s
    }
}
