//! `mtlint fix`: applies the suggestions at or above a confidence to the files, or shows them as
//! a unified diff.

use super::*;
use mtlint::fix::{Fixed, fix_file, fix_records, fix_xliff};
use mtlint::read::{WalkOptions, expand_paths};

/// The options of `fix`.
#[derive(clap::Args)]
pub struct FixArgs {
    /// Files or directories (walked for .txt, .md and .xlf/.xliff); `-` or nothing reads
    /// standard input and writes the fixed text to standard output.
    paths: Vec<String>,
    /// Print a unified diff of the changes and change nothing.
    #[arg(long)]
    diff: bool,
    /// Ask about each suggestion on the terminal, the way `git add -p` does: apply it, skip
    /// it, type the sentence as it should read, or stop.
    #[arg(long, short = 'i', conflicts_with = "diff")]
    interactive: bool,
    /// Apply the suggestions of findings at least this confident
    /// [default: the threshold `check` reports structural findings at].
    #[arg(long, value_name = "P", value_parser = parse_probability)]
    min_confidence: Option<f64>,
    /// How inputs are read [default: auto]
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Walk hidden files and directories too.
    #[arg(long)]
    hidden: bool,
    /// Walk what .gitignore, .ignore and .git/info/exclude files exclude too.
    #[arg(long)]
    no_ignore: bool,
    /// Say nothing on standard error but errors.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

/// Runs `fix`: each input is checked as `check` would, and the edits of its findings at or
/// above the confidence are applied. Exit 0 when every input was read (whether or not anything
/// changed), 2 when one could not be (the others are still fixed).
pub fn run(args: FixArgs, config: &Config) -> ExitCode {
    let FixArgs {
        paths,
        diff,
        interactive,
        min_confidence,
        input_format,
        hidden,
        no_ignore,
        quiet,
        rules,
    } = args;
    let input_format = match option_or(
        input_format,
        config.input_format.as_deref(),
        "input-format",
        InputFormat::Auto,
    ) {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let mut rules = rules.over(config);
    if rules.source_lang.is_empty()
        && let Some((lang, _)) = source_lang_of_names(&paths)
    {
        rules.source_lang.push(lang);
    }
    let mut linter = match linter_for(&rules, false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let threshold = match min_confidence.or(config.min_confidence) {
        Some(p) if (0.0..=1.0).contains(&p) => p,
        Some(p) => {
            return fail(format!(
                "configuration: min-confidence {p} is not within 0-1"
            ));
        }
        None => linter.min_confidence,
    };
    linter.min_confidence = threshold;
    linter.judge_threshold = threshold;
    // Findings carry their confidence to two decimals: a finding the linter reports at the
    // threshold is compared at the same precision.
    let threshold = (threshold * 100.0).round() / 100.0;
    use std::io::IsTerminal;
    if interactive && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return fail("--interactive asks on a terminal: standard input and error must be one");
    }
    // Some(quit) when asking: whether the editor has stopped.
    let mut ask = interactive.then_some(false);
    let walk = WalkOptions { hidden, no_ignore };
    let mut status = ExitCode::SUCCESS;
    let mut error = |msg: String| {
        eprintln!("mtlint: {msg}");
        status = ExitCode::from(2);
    };
    let paths = if paths.is_empty() {
        vec!["-".to_string()]
    } else {
        paths
    };
    for origin in expand_paths(&paths, walk) {
        let origin = match origin {
            Ok(o) => o,
            Err(e) => {
                error(e.to_string());
                continue;
            }
        };
        let format = input_format.resolve(origin.extension().as_deref());
        let outcome = match &origin {
            Origin::Stdin if interactive => {
                Err("--interactive reads its answers from standard input: name the files".into())
            }
            Origin::Stdin => fix_stdin(format, &linter, threshold, config),
            Origin::File(path) => {
                fix_path(path, format, &linter, threshold, config, diff, &mut ask)
            }
        };
        match outcome {
            Ok(Some(note)) if !quiet => eprintln!("mtlint: {note}"),
            Ok(_) => {}
            Err(e) => error(e),
        }
    }
    status
}

/// The reports `check` makes for one file, less the findings the configuration ignores.
fn reports_of(
    path: &str,
    format: InputFormat,
    linter: &Linter,
    config: &Config,
) -> Vec<DocumentReport> {
    let mut reports = Vec::new();
    let opts = CheckOptions::new(format);
    let _ = check_each(&[path.to_string()], &opts, linter, &mut |mut r| {
        if let Ok(findings) = &mut r.outcome {
            findings.retain(|f| !config.is_ignored(&r.path, f));
        }
        reports.push(r);
        Ok(())
    });
    reports
}

/// Fixes one file: the fixed bytes, then a diff on standard output or the file replaced.
fn fix_path(
    path: &std::path::Path,
    format: InputFormat,
    linter: &Linter,
    threshold: f64,
    config: &Config,
    diff: bool,
    ask: &mut Option<bool>,
) -> Result<Option<String>, String> {
    let name = path.display().to_string();
    if config.is_excluded(&name) {
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let fixed = fix_bytes(&name, &bytes, format, linter, threshold, config, ask)?;
    if diff {
        if fixed.bytes != bytes {
            let (old, new) = (
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&fixed.bytes),
            );
            let text = similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
                .unified_diff()
                .header(
                    &format!("a/{}", name.trim_start_matches('/')),
                    &format!("b/{}", name.trim_start_matches('/')),
                )
                .to_string();
            out!("{text}");
        }
        return Ok(None);
    }
    if fixed.bytes != bytes {
        mtlint::output::write_file(path, &fixed.bytes)
            .map_err(|e| format!("{name}: cannot write: {e}"))?;
    }
    Ok(Some(summary(&name, &fixed)))
}

/// Fixes standard input, written whole to standard output.
fn fix_stdin(
    format: InputFormat,
    linter: &Linter,
    threshold: f64,
    config: &Config,
) -> Result<Option<String>, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("<stdin>: {e}"))?;
    let fixed = fix_bytes(
        "<stdin>", &bytes, format, linter, threshold, config, &mut None,
    )?;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(&fixed.bytes).and_then(|()| stdout.flush()) {
        exit_on_write_error(e);
    }
    Ok(Some(summary("<stdin>", &fixed)))
}

/// The bytes of one input with its findings' edits applied.
fn fix_bytes(
    name: &str,
    bytes: &[u8],
    format: InputFormat,
    linter: &Linter,
    threshold: f64,
    config: &Config,
    ask: &mut Option<bool>,
) -> Result<Fixed, String> {
    // Standard input is checked the way a file is: through a temporary copy.
    let temp;
    let checked = if name == "<stdin>" {
        temp = write_temp(bytes, format)?;
        temp.path().display().to_string()
    } else {
        name.to_string()
    };
    let mut reports = reports_of(&checked, format, linter, config);
    if let Some(quit) = ask {
        ask_about(name, &mut reports, threshold, quit)?;
    }
    if format.is_line_records() {
        // A line that could not be read is left as it is; the others are fixed.
        let errors: Vec<String> = reports
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().cloned())
            .collect();
        let fixed = fix_records(bytes, format, &reports, threshold);
        if let Some(e) = errors.first() {
            eprintln!("mtlint: {} (left as it is)", e.replace(&checked, name));
        }
        return Ok(fixed);
    }
    if format == InputFormat::Xliff {
        if let Some(e) = reports.iter().find_map(|r| r.outcome.as_ref().err()) {
            return Err(e.replace(&checked, name));
        }
        return fix_xliff(bytes, &reports, threshold).map_err(|e| format!("{name}: {e}"));
    }
    let report = reports
        .first()
        .ok_or_else(|| format!("{name}: nothing was read"))?;
    if let Err(e) = &report.outcome {
        return Err(e.replace(&checked, name));
    }
    fix_file(bytes, report, threshold).map_err(|e| format!("{name}: {e}"))
}

/// Asks the editor about each finding of `reports` and keeps only those to apply.
fn ask_about(
    name: &str,
    reports: &mut [DocumentReport],
    threshold: f64,
    quit: &mut bool,
) -> Result<(), String> {
    let mut stdin = std::io::stdin().lock();
    let mut err = std::io::stderr();
    let mut named = false;
    for r in reports {
        let Ok(findings) = &mut r.outcome else {
            continue;
        };
        if *quit {
            findings.clear();
            continue;
        }
        if !named && findings.iter().any(|f| f.suggestion.is_some()) {
            eprintln!("== {name}");
            named = true;
        }
        let answers = mtlint::fix::review(findings, threshold, &mut stdin, &mut err)
            .map_err(|e| format!("{name}: {e}"))?;
        *findings = answers.accepted;
        *quit = answers.quit;
    }
    Ok(())
}

fn write_temp(bytes: &[u8], format: InputFormat) -> Result<tempfile::NamedTempFile, String> {
    let ext = match format {
        InputFormat::Jsonl => ".jsonl",
        InputFormat::Tsv => ".tsv",
        InputFormat::Markdown => ".md",
        InputFormat::Xliff => ".xlf",
        _ => ".txt",
    };
    let temp = tempfile::Builder::new()
        .suffix(ext)
        .tempfile()
        .map_err(|e| format!("<stdin>: {e}"))?;
    std::fs::write(temp.path(), bytes).map_err(|e| format!("<stdin>: {e}"))?;
    Ok(temp)
}

fn summary(name: &str, fixed: &Fixed) -> String {
    let mut s = format!(
        "{name}: {} suggestion{} applied",
        fixed.applied,
        if fixed.applied == 1 { "" } else { "s" }
    );
    if fixed.skipped > 0 {
        s.push_str(&format!(
            ", {} left (their edits touch those of a more confident finding)",
            fixed.skipped
        ));
    }
    s
}
