//! `mtlint eval`.

use super::*;

/// The options of `eval`.
#[derive(clap::Args)]
pub struct EvalArgs {
    /// Labelled files, e.g. eval/demetr-dev.jsonl and eval/ewt-test.jsonl.
    #[arg(required = true)]
    files: Vec<String>,
    /// The threshold of the tables (structural findings below it are not counted)
    /// [default: the calibration's].
    #[arg(long, value_name = "P", value_parser = parse_probability)]
    min_confidence: Option<f64>,
    /// The rules measured: the same selection as `check` (configuration, packs,
    /// --enable/--disable), so a rule's share of the figures can be measured by switching
    /// it off.
    #[command(flatten)]
    rules: RuleArgs,
}

pub fn run(args: EvalArgs, config: &Config) -> ExitCode {
    let EvalArgs {
        files,
        min_confidence,
        rules,
    } = args;
    let linter = match linter_for(&rules.over(config), false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let threshold = min_confidence.unwrap_or(linter.min_confidence);
    let mut linter = linter.reporting_all();
    // Rewrites are judged at the tables' threshold, as `check` judges them at its own.
    linter.judge_threshold = threshold;
    let mut status = ExitCode::SUCCESS;
    let mut runs = Vec::new();
    for f in files {
        let result = std::fs::read_to_string(&f)
            .map_err(|e| format!("{f}: {e}"))
            .and_then(|text| mtlint::eval::Evaluation::run(&f, &text, &linter, threshold));
        match result {
            Ok(ev) => {
                out!("== {f}\n{}\n", ev.render());
                runs.push((f, ev));
            }
            Err(e) => status = fail(e),
        }
    }
    out!("{}", mtlint::eval::operating_points(&runs, threshold));
    status
}
