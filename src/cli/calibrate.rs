//! `mtlint calibrate`.

use super::*;

/// The options of `calibrate`.
#[derive(clap::Args)]
pub struct CalibrateArgs {
    /// Labelled files whose error lines and clean lines both are fitted on.
    #[arg(long = "fit", value_name = "FILE", required = true)]
    fit: Vec<String>,
    /// Labelled files whose error lines only are fitted on (their clean lines are kept
    /// for measuring).
    #[arg(long = "positives", value_name = "FILE")]
    positives: Vec<String>,
    /// Plain-text files of real errors (the sample article): every sentence of them with a
    /// structural finding keeps one, so the threshold is never above the lowest of their
    /// sentences' highest confidences.
    #[arg(long = "keep", value_name = "FILE")]
    keep: Vec<String>,
    /// Labelled files only measured: their figures at the fitted threshold are printed,
    /// nothing is fitted on them.
    #[arg(long = "measure", value_name = "FILE")]
    measure: Vec<String>,
    /// Writes the features of every read line's structural findings to FILE as JSONL.
    #[arg(long, value_name = "FILE")]
    dump: Option<String>,
    /// The default threshold is set so that at most this share of the clean lines of each
    /// --fit file gets a structural finding.
    #[arg(long, value_name = "RATE", default_value = "0.008")]
    clean_rate: f64,
    /// L2 penalty of the logistic model.
    #[arg(long, default_value = "0.002")]
    l2: f64,
    /// Where to write the model.
    #[arg(short, long, default_value = "models/calibration.tsv")]
    output: String,
    #[command(flatten)]
    rules: RuleArgs,
}

pub fn run(args: CalibrateArgs, config: &Config) -> ExitCode {
    let CalibrateArgs {
        fit,
        positives,
        keep,
        measure,
        dump,
        clean_rate,
        l2,
        output,
        rules,
    } = args;
    let rules = rules.over(config);
    let linter = match linter_for(&rules, false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let linter = Linter {
        calibration: None,
        ..linter.reporting_all()
    };
    // The kept files are read as `check` reads them: with the pack of the source language
    // their names state.
    let keep_linter = match source_lang_of_names(&keep) {
        Some((lang, _)) if rules.source_lang.is_empty() => {
            let mut keep_rules = rules.clone();
            keep_rules.source_lang.push(lang);
            match linter_for(&keep_rules, false) {
                Ok(l) => Some(Linter {
                    calibration: None,
                    ..l.reporting_all()
                }),
                Err(e) => return fail(e),
            }
        }
        _ => None,
    };
    let args = mtlint::calibrate::Args {
        fit: &fit,
        positives: &positives,
        keep: &keep,
        keep_linter: keep_linter.as_ref(),
        measure: &measure,
        dump: dump.as_deref(),
        clean_rate,
        l2,
    };
    match mtlint::calibrate::run(&args, &linter) {
        Ok((model, summary)) => {
            let header = format!(
                "Fitted by `mtlint calibrate{}{}` (clean rate {clean_rate}, l2 {l2}).\n{summary}",
                fit.iter()
                    .map(|f| format!(" --fit {f}"))
                    .collect::<String>(),
                positives
                    .iter()
                    .map(|f| format!(" --positives {f}"))
                    .collect::<String>()
                    + &keep
                        .iter()
                        .map(|f| format!(" --keep {f}"))
                        .collect::<String>()
            );
            match mtlint::output::write_file(&output, model.to_text(&header)) {
                Ok(()) => {
                    eprintln!("{summary}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("{output}: {e}")),
            }
        }
        Err(e) => fail(e),
    }
}
