//! `mtlint check`: reads the inputs, checks them and writes the report, a batch at a time.

use super::*;
use mtlint::output::AtomicFile;

/// The options of `check`.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or directories (walked for .txt, .md and .xlf/.xliff); `-` or nothing reads
    /// standard input.
    paths: Vec<String>,
    /// Report format [default: text]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// How inputs are read [default: auto]
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Write the report to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Exit with 1 when a finding is at or above this severity [default: major]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Error points of a minor, major and critical finding in the quality score
    /// [default: 1,5,25]
    #[arg(long, value_name = "MINOR,MAJOR,CRITICAL")]
    severity_points: Option<SeverityPoints>,
    /// A document whose score (error points per 1,000 words) is above N fails (exit 1).
    #[arg(long, value_name = "N", value_parser = parse_max_score)]
    max_score: Option<f64>,
    /// Leave out the findings this baseline file records (see --write-baseline).
    #[arg(long, value_name = "FILE")]
    baseline: Option<String>,
    /// Write the fingerprints of the current findings to FILE, as a baseline.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<String>,
    /// Colours in the text format: auto (a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// The source text the input was translated from (one text input): switches on the
    /// `source-mismatch` checks. JSONL records carry their own "source".
    #[arg(long, value_name = "FILE")]
    source: Option<String>,
    /// Report structural findings (word order, missing subjects and verbs) only when their
    /// confidence, the probability that they mark a real error, is at least P
    /// [default: the threshold the calibration was fitted with].
    #[arg(long, value_name = "P", value_parser = parse_probability)]
    min_confidence: Option<f64>,
    /// Report every finding, whatever its confidence (same as --min-confidence 0).
    #[arg(long, conflicts_with = "min_confidence")]
    all: bool,
    /// Walk hidden files and directories too.
    #[arg(long)]
    hidden: bool,
    /// Walk what .gitignore, .ignore and .git/info/exclude files exclude too.
    #[arg(long)]
    no_ignore: bool,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    run: RunArgs,
}

/// Runs `check` with its options over the project configuration's.
pub fn run(args: CheckArgs, config: &Config) -> ExitCode {
    match check(args, config) {
        Ok(code) => code,
        Err(e) => fail(e),
    }
}

/// `check` step by step; an error ends it with its message (exit 2).
fn check(args: CheckArgs, config: &Config) -> Result<ExitCode, String> {
    let CheckArgs {
        paths,
        format,
        input_format,
        output,
        fail_on,
        severity_points,
        max_score,
        baseline,
        write_baseline,
        color,
        source,
        min_confidence,
        all,
        hidden,
        no_ignore,
        rules,
        run,
    } = args;
    let walk = mtlint::read::WalkOptions { hidden, no_ignore };
    let (format, input_format, fail_on) = resolve_formats(format, input_format, fail_on, config)?;
    let rules = rule_selection(rules, &paths, config, run.quiet);
    let linter = build_linter(&rules, all, min_confidence, config)?;
    let source_text = read_source(source.as_deref())?;
    mtlint::check::validate_source(&paths, input_format, walk, source_text.is_some())?;
    let (baseline_file, mut baseline) = load_baseline(baseline, config)?;
    let options = report_options(
        severity_points,
        max_score,
        fail_on,
        color,
        output.is_none(),
        config,
    )?;
    let rule_docs = rule_docs(&linter);
    set_jobs(run.jobs)?;
    let opts = CheckOptions {
        shard: run.shard,
        source: source_text,
        walk,
        ..CheckOptions::new(input_format)
    };
    let file = create_report_file(output.as_deref())?;
    let mut reporter = report::Reporter::new(format, &options, &rule_docs);
    let checking = Checking {
        paths: &paths,
        opts: &opts,
        linter: &linter,
        config,
        quiet: run.quiet,
        keep_for_baseline: write_baseline.is_some(),
    };
    let for_baseline = checking.report(&mut reporter, file, &mut baseline)?;
    if let (Some(b), Some(file), false, None) = (&baseline, &baseline_file, run.quiet, run.shard) {
        warn_unmatched(b, file);
    }
    if let Some(file) = &write_baseline {
        let text = Baseline::from_reports(&for_baseline).to_json();
        if let Err(e) = mtlint::output::write_file(file, text) {
            return Err(format!("{file}: cannot write the baseline: {e}"));
        }
    }
    Ok(ExitCode::from(reporter.summary().exit_code()))
}

/// The report format, input format and failing severity: the command line's, else the
/// configuration's, else the defaults.
fn resolve_formats(
    format: Option<Format>,
    input_format: Option<InputFormat>,
    fail_on: Option<FailOn>,
    config: &Config,
) -> Result<(Format, InputFormat, FailOn), String> {
    Ok((
        option_or(format, config.format.as_deref(), "format", Format::Text)?,
        option_or(
            input_format,
            config.input_format.as_deref(),
            "input-format",
            InputFormat::Auto,
        )?,
        option_or(fail_on, config.fail_on.as_deref(), "fail-on", FailOn::Major)?,
    ))
}

/// The rules that run: the command line's selection over the configuration's. With no source
/// language given, the one the inputs' file names state switches on its pack (a note on
/// standard error says so, unless `--quiet`).
fn rule_selection(rules: RuleArgs, paths: &[String], config: &Config, quiet: bool) -> RuleArgs {
    let mut rules = rules.over(config);
    if rules.source_lang.is_empty()
        && let Some((lang, from)) = source_lang_of_names(paths)
    {
        if !quiet {
            eprintln!(
                "mtlint: note: source language '{lang}' (from the file name {from}): its interference pack is on"
            );
        }
        rules.source_lang.push(lang);
    }
    rules
}

/// The linter for the rules, with its threshold: `--all` reports every finding, else
/// `--min-confidence` or the configuration's (which must be within 0-1) sets it.
fn build_linter(
    rules: &RuleArgs,
    all: bool,
    min_confidence: Option<f64>,
    config: &Config,
) -> Result<Linter, String> {
    let mut linter = linter_for(rules, false)?;
    match (all, min_confidence.or(config.min_confidence)) {
        (true, _) => linter = linter.reporting_all(),
        (false, Some(p)) if (0.0..=1.0).contains(&p) => {
            linter.min_confidence = p;
            linter.judge_threshold = p;
        }
        (false, Some(p)) => {
            return Err(format!(
                "configuration: min-confidence {p} is not within 0-1"
            ));
        }
        (false, None) => {}
    }
    Ok(linter)
}

/// The text of the `--source` file, if one is given.
fn read_source(path: Option<&str>) -> Result<Option<String>, String> {
    match path.map(|p| read_text(&Origin::File(p.into()))) {
        None => Ok(None),
        Some(Ok(d)) => Ok(Some(d.text)),
        Some(Err(e)) => Err(format!("--source: {e}")),
    }
}

/// The baseline and the name of its file: the command line's, else the configuration's
/// (relative to its file), else none.
fn load_baseline(
    baseline: Option<String>,
    config: &Config,
) -> Result<(Option<String>, Option<Baseline>), String> {
    let baseline_file = baseline.or_else(|| {
        config
            .baseline
            .as_ref()
            .map(|b| config.dir.join(b).display().to_string())
    });
    let baseline = baseline_file.as_deref().map(Baseline::load).transpose()?;
    Ok((baseline_file, baseline))
}

/// How documents are scored and judged, and whether the text report is coloured: the command
/// line's options, else the configuration's, else the defaults. Colour is automatic only for a
/// terminal on standard output (`to_stdout`: no `--output`).
fn report_options(
    severity_points: Option<SeverityPoints>,
    max_score: Option<f64>,
    fail_on: FailOn,
    color: ColorChoice,
    to_stdout: bool,
    config: &Config,
) -> Result<ReportOptions, String> {
    let severity_points = match (severity_points, config.severity_points) {
        (Some(p), _) => p,
        (None, Some(p)) => {
            SeverityPoints::try_from(p).map_err(|e| format!("configuration: {e}"))?
        }
        (None, None) => SeverityPoints::default(),
    };
    let max_score = match (max_score, config.max_score) {
        (Some(m), _) => Some(m),
        (None, Some(m)) => Some(
            parse_max_score(&m.to_string()).map_err(|e| format!("configuration: max-score {e}"))?,
        ),
        (None, None) => None,
    };
    Ok(ReportOptions {
        severity_points,
        max_score,
        fail_on: match fail_on {
            FailOn::Minor => Some(Severity::Minor),
            FailOn::Major => Some(Severity::Major),
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Never => None,
        },
        color: report::text::use_color(
            color,
            to_stdout && std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
    })
}

/// With `--jobs N`, N threads check.
fn set_jobs(jobs: Option<usize>) -> Result<(), String> {
    if let Some(jobs) = jobs {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
        if let Err(e) = pool {
            return Err(format!("--jobs {jobs}: {e}"));
        }
    }
    Ok(())
}

/// The `--output` file, if one is given: written beside its target and put in place when
/// complete.
fn create_report_file(output: Option<&str>) -> Result<Option<AtomicFile>, String> {
    match output.map(AtomicFile::create) {
        None => Ok(None),
        Some(Ok(f)) => Ok(Some(f)),
        Some(Err(e)) => Err(format!("{}: cannot write: {e}", output.unwrap_or_default())),
    }
}

/// The inputs `check` reads and how it treats each document.
struct Checking<'a> {
    paths: &'a [String],
    opts: &'a CheckOptions,
    linter: &'a Linter,
    config: &'a Config,
    /// No progress line and no error lines on standard error.
    quiet: bool,
    /// Documents with findings are kept, for `--write-baseline`.
    keep_for_baseline: bool,
}

impl Checking<'_> {
    /// Checks the inputs and writes the report to the file or standard output as it comes, a
    /// batch at a time, in input order. The configuration's excluded paths and ignored findings
    /// are left out, and so are the findings the baseline records. Returns the documents with
    /// findings, when they are kept for `--write-baseline`.
    fn report(
        &self,
        reporter: &mut report::Reporter<'_>,
        mut file: Option<AtomicFile>,
        baseline: &mut Option<Baseline>,
    ) -> Result<Vec<DocumentReport>, String> {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        let sink: &mut dyn Write = match file.as_mut() {
            Some(f) => f,
            None => &mut stdout,
        };
        let mut progress = Progress::new(self.quiet);
        // Documents with findings, for --write-baseline (the baseline is as big anyway).
        let mut for_baseline: Vec<DocumentReport> = Vec::new();
        let config = self.config;
        let written = reporter.begin(sink).and_then(|()| {
            check_each(self.paths, self.opts, self.linter, &mut |mut r| {
                if config.is_excluded(&r.path) {
                    return Ok(());
                }
                if let Ok(findings) = &mut r.outcome {
                    findings.retain(|f| !config.is_ignored(&r.path, f));
                }
                if let (Err(e), false) = (&r.outcome, self.quiet) {
                    progress.suspend(|| eprintln!("mtlint: {e}"));
                }
                if self.keep_for_baseline && !r.findings().is_empty() {
                    for_baseline.push(r.clone());
                }
                if let Some(b) = baseline.as_mut() {
                    b.apply(&mut r);
                }
                reporter.document(sink, &r)?;
                progress.tick(reporter.summary().documents);
                Ok(())
            })?;
            reporter.finish(sink)
        });
        progress.finish();
        let written = written.and_then(|()| sink.flush());
        let written = match (written, file) {
            (Ok(()), Some(f)) => f.commit(),
            (result, _) => result,
        };
        match written {
            Ok(()) => Ok(for_baseline),
            Err(e) => Err(format!("cannot write the report: {e}")),
        }
    }
}

/// Warns of the baseline's entries that no checked document matched: a baseline for other
/// files, or paths that changed. Said, so a gate does not pass on a baseline that never applied.
/// (`check` does not call it with `--quiet`, nor for a shard: a shard checks only some
/// documents, and there the rest is expected.)
fn warn_unmatched(baseline: &Baseline, file: &str) {
    let unmatched = baseline.unmatched();
    if !unmatched.is_empty() {
        eprintln!(
            "mtlint: warning: {file}: {} of its documents matched no document checked: {}",
            unmatched.len(),
            unmatched.join(", ")
        );
    }
}
