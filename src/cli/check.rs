//! `mtlint check`: reads the inputs, checks them and writes the report, a batch at a time.

use super::*;

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
    let options = (|| {
        Ok::<_, String>((
            option_or(format, config.format.as_deref(), "format", Format::Text)?,
            option_or(
                input_format,
                config.input_format.as_deref(),
                "input-format",
                InputFormat::Auto,
            )?,
            option_or(fail_on, config.fail_on.as_deref(), "fail-on", FailOn::Major)?,
        ))
    })();
    let (format, input_format, fail_on) = match options {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let mut rules = rules.over(config);
    if rules.source_lang.is_empty()
        && let Some((lang, from)) = source_lang_of_names(&paths)
    {
        if !run.quiet {
            eprintln!(
                "mtlint: note: source language '{lang}' (from the file name {from}): its interference pack is on"
            );
        }
        rules.source_lang.push(lang);
    }
    let mut linter = match linter_for(&rules, false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    match (all, min_confidence.or(config.min_confidence)) {
        (true, _) => linter = linter.reporting_all(),
        (false, Some(p)) if (0.0..=1.0).contains(&p) => {
            linter.min_confidence = p;
            linter.judge_threshold = p;
        }
        (false, Some(p)) => {
            return fail(format!(
                "configuration: min-confidence {p} is not within 0-1"
            ));
        }
        (false, None) => {}
    }
    let source_text = match source
        .as_deref()
        .map(|p| read_text(&Origin::File(p.into())))
    {
        None => None,
        Some(Ok(d)) => Some(d.text),
        Some(Err(e)) => return fail(format!("--source: {e}")),
    };
    if let Err(e) =
        mtlint::check::validate_source(&paths, input_format, walk, source_text.is_some())
    {
        return fail(e);
    }
    // The command line's baseline, else the configuration's (relative to its file).
    let baseline_file = baseline.or_else(|| {
        config
            .baseline
            .as_ref()
            .map(|b| config.dir.join(b).display().to_string())
    });
    let mut baseline = match baseline_file.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let severity_points = match (severity_points, config.severity_points) {
        (Some(p), _) => p,
        (None, Some(p)) => match SeverityPoints::try_from(p) {
            Ok(p) => p,
            Err(e) => return fail(format!("configuration: {e}")),
        },
        (None, None) => SeverityPoints::default(),
    };
    let max_score = match (max_score, config.max_score) {
        (Some(m), _) => Some(m),
        (None, Some(m)) => match parse_max_score(&m.to_string()) {
            Ok(m) => Some(m),
            Err(e) => return fail(format!("configuration: max-score {e}")),
        },
        (None, None) => None,
    };
    let options = ReportOptions {
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
            output.is_none() && std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
    };
    let rule_docs = rule_docs(&linter);
    if let Some(jobs) = run.jobs {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
        if let Err(e) = pool {
            return fail(format!("--jobs {jobs}: {e}"));
        }
    }
    let opts = CheckOptions {
        shard: run.shard,
        source: source_text,
        walk,
        ..CheckOptions::new(input_format)
    };
    // A report file is written beside its target and put in place when complete.
    let mut file = match output.as_deref().map(mtlint::output::AtomicFile::create) {
        None => None,
        Some(Ok(f)) => Some(f),
        Some(Err(e)) => {
            return fail(format!("{}: cannot write: {e}", output.unwrap_or_default()));
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let sink: &mut dyn Write = match file.as_mut() {
        Some(f) => f,
        None => &mut stdout,
    };
    let mut reporter = report::Reporter::new(format, &options, &rule_docs);
    let mut progress = Progress::new(run.quiet);
    // Documents with findings, for --write-baseline (the baseline is as big anyway).
    let mut for_baseline: Vec<DocumentReport> = Vec::new();
    // Reports are written as they come, a batch at a time, in input order.
    let written = reporter.begin(sink).and_then(|()| {
        check_each(&paths, &opts, &linter, &mut |mut r| {
            if config.is_excluded(&r.path) {
                return Ok(());
            }
            if let Ok(findings) = &mut r.outcome {
                findings.retain(|f| !config.is_ignored(&r.path, f));
            }
            if let (Err(e), false) = (&r.outcome, run.quiet) {
                progress.suspend(|| eprintln!("mtlint: {e}"));
            }
            if write_baseline.is_some() && !r.findings().is_empty() {
                for_baseline.push(r.clone());
            }
            if let Some(b) = &mut baseline {
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
    if let Err(e) = written {
        return fail(format!("cannot write the report: {e}"));
    }
    // A baseline entry no checked document matched: a baseline for other files, or
    // paths that changed. Said, so a gate does not pass on a baseline that never applied.
    // (A shard checks only some documents: there the rest is expected.)
    if let (Some(b), Some(file), false, None) = (&baseline, &baseline_file, run.quiet, run.shard) {
        let unmatched = b.unmatched();
        if !unmatched.is_empty() {
            eprintln!(
                "mtlint: warning: {file}: {} of its documents matched no document checked: {}",
                unmatched.len(),
                unmatched.join(", ")
            );
        }
    }
    if let Some(file) = &write_baseline {
        let text = Baseline::from_reports(&for_baseline).to_json();
        if let Err(e) = mtlint::output::write_file(file, text) {
            return fail(format!("{file}: cannot write the baseline: {e}"));
        }
    }
    ExitCode::from(reporter.summary().exit_code())
}
