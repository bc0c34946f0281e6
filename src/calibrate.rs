//! `mtlint calibrate`: fits the calibration of structural confidences
//! ([`crate::detect::calibration`]) on labelled JSONL lines, the same files `mtlint eval`
//! reads. A structural diagnosis on a line whose `expect` holds a structural category is a real
//! error; one on a clean line (`expect: []`) is a false alarm; lines expecting only other
//! categories are left out. The default threshold is the lowest at which no `--fit` file has
//! more than `clean_rate` of its clean lines flagged.

use crate::detect::Linter;
use crate::detect::calibration::{self, Calibration, Features};
use crate::eval::threshold_for_rate;
use crate::finding::Category;
use rayon::prelude::*;
use serde::Deserialize;
use std::fmt::Write as _;

pub struct Args<'a> {
    /// Files whose error and clean lines are fitted on.
    pub fit: &'a [String],
    /// Files whose error lines only are fitted on.
    pub positives: &'a [String],
    /// Plain-text files of real errors: every sentence of them with a structural finding and
    /// no other keeps one, so the threshold is never above the lowest of those sentences'
    /// highest probabilities (a sentence another finding flags stays flagged).
    pub keep: &'a [String],
    /// The rules the kept files are read with (as `check` reads them: with the pack of the
    /// source language their names state); the fitted rules when `None`.
    pub keep_linter: Option<&'a Linter>,
    /// Labelled files only measured: their figures at the fitted threshold are in the
    /// summary, nothing is fitted on them.
    pub measure: &'a [String],
    /// Where to write every read line's features as JSONL, for study outside the tool.
    pub dump: Option<&'a str>,
    pub clean_rate: f64,
    pub l2: f64,
}

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    expect: Vec<Category>,
    #[serde(default)]
    group: String,
}

/// One labelled line: its group, is it an error line, and the features of its structural
/// diagnoses.
struct Scored {
    group: String,
    error: bool,
    diagnoses: Vec<Features>,
}

/// Clean files smaller than this set no threshold: a rate on them is too coarse.
const MIN_CLEAN_LINES: usize = 200;

fn read(path: &str, linter: &Linter, with_clean: bool) -> Result<Vec<Scored>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut lines = Vec::new();
    for (n, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(l).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let error = line.expect.iter().any(|c| c.is_structural());
        let clean = line.expect.is_empty();
        if error || (clean && with_clean) {
            lines.push((line.group, error, line.text));
        }
    }
    Ok(lines
        .into_par_iter()
        .map(|(group, error, text)| Scored {
            group,
            error,
            diagnoses: linter.structural_features(text),
        })
        .collect())
}

/// Fits the model; returns it with a summary of its figures on the fitted files.
pub fn run(args: &Args, linter: &Linter) -> Result<(Calibration, String), String> {
    let mut files: Vec<(&str, Vec<Scored>)> = Vec::new();
    for f in args.fit {
        files.push((f, read(f, linter, true)?));
    }
    for f in args.positives {
        files.push((f, read(f, linter, false)?));
    }
    let fitted_files = files.len();
    for f in args.measure {
        files.push((f, read(f, linter, true)?));
    }
    let examples: Vec<(Features, bool)> = files[..fitted_files]
        .iter()
        .flat_map(|(_, lines)| lines.iter())
        .flat_map(|l| l.diagnoses.iter().map(move |d| (d.clone(), l.error)))
        .collect();
    if !examples.iter().any(|e| e.1) || !examples.iter().any(|e| !e.1) {
        return Err(
            "calibrate: the files give no structural findings on error lines, or none \
                    on clean lines: nothing to fit"
                .into(),
        );
    }
    let weights = calibration::fit(&examples, args.l2, 600);
    let mut model = Calibration::from_weights(weights, 0.0);
    // Per file, per line: (is an error line, has a diagnosis, highest probability).
    let scored: Vec<Vec<(bool, bool, f64)>> = files
        .iter()
        .map(|(_, lines)| {
            lines
                .iter()
                .map(|l| {
                    let p = l
                        .diagnoses
                        .iter()
                        .map(|d| model.probability(d))
                        .fold(0.0, f64::max);
                    (l.error, !l.diagnoses.is_empty(), p)
                })
                .collect()
        })
        .collect();
    let mut threshold = 0.0f64;
    for lines in scored.iter().take(args.fit.len()) {
        let clean: Vec<f64> = lines.iter().filter(|l| !l.0).map(|l| l.2).collect();
        if clean.len() >= MIN_CLEAN_LINES {
            threshold = threshold.max(threshold_for_rate(&clean, args.clean_rate));
        }
    }
    // Every sentence of the kept files with a structural finding and no other keeps one.
    let mut kept = f64::INFINITY;
    let mut keep_rows = Vec::new();
    for f in args.keep {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let keep_linter = args.keep_linter.unwrap_or(linter);
        for (otherwise, sentence) in keep_linter.structural_features_by_sentence(text) {
            if sentence.is_empty() || otherwise {
                continue;
            }
            let best = sentence
                .iter()
                .map(|d| model.probability(d))
                .fold(0.0, f64::max);
            kept = kept.min(best);
            keep_rows.push(Scored {
                group: f.to_string(),
                error: true,
                diagnoses: sentence,
            });
        }
    }
    if let Some(path) = args.dump {
        files.push(("keep", keep_rows));
        dump(path, &files)?;
        files.pop();
    }
    let fitted = threshold;
    if kept < threshold {
        // Just below the lowest, so that every one of them stays.
        threshold = f64::from_bits(kept.to_bits() - 1).max(0.0);
    }
    model.threshold = threshold;
    let mut summary = format!(
        "{} findings fitted ({} on error lines); threshold {:.4} (for the clean rate {:.4}, \
         the kept files' lowest {:.4})\n",
        examples.len(),
        examples.iter().filter(|e| e.1).count(),
        threshold,
        fitted,
        kept.min(1.0),
    );
    for (n, ((name, _), lines)) in files.iter().zip(&scored).enumerate() {
        if n == fitted_files {
            summary.push_str("measured only:\n");
        }
        let count = |error: bool, t: f64| {
            lines
                .iter()
                .filter(|l| l.0 == error && l.1 && l.2 >= t)
                .count()
        };
        let total = |error: bool| lines.iter().filter(|l| l.0 == error).count();
        let _ = writeln!(
            summary,
            "{name}: error lines found {}/{} (before {}), clean lines flagged {}/{} (before {})",
            count(true, threshold),
            total(true),
            count(true, 0.0),
            count(false, threshold),
            total(false),
            count(false, 0.0),
        );
    }
    Ok((model, summary))
}

/// Writes one JSON line per read line: file, group, error, and the features of each
/// structural diagnosis.
fn dump(path: &str, files: &[(&str, Vec<Scored>)]) -> Result<(), String> {
    let mut out = String::new();
    for (name, lines) in files {
        for l in lines {
            let row = serde_json::json!({
                "file": name,
                "group": l.group,
                "error": l.error,
                "diagnoses": l
                    .diagnoses
                    .iter()
                    .map(|d| {
                        d.iter()
                            .map(|(k, v)| (k.clone(), serde_json::Value::from(*v)))
                            .collect::<serde_json::Map<_, _>>()
                    })
                    .collect::<Vec<_>>(),
            });
            out.push_str(&row.to_string());
            out.push('\n');
        }
    }
    crate::output::write_file(path, out).map_err(|e| format!("{path}: {e}"))
}
