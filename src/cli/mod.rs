//! The command line's shared parts: rule selection and run options, the configuration, the
//! linter a selection makes, and how errors and output are written. Each subcommand with more
//! than a few lines of its own has a module.

use clap::Subcommand;
use mtlint::baseline::Baseline;
use mtlint::check::{CheckOptions, Shard, check_each};
use mtlint::config::Config;
use mtlint::detect::{Detector, Linter};
use mtlint::finding::Severity;
use mtlint::input::InputFormat;
use mtlint::read::{Origin, read_text};
use mtlint::report::text::ColorChoice;
use mtlint::report::{self, DocumentReport, Format, ReportOptions, RuleDoc, SeverityPoints};
use mtlint::tag::Tagger;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FailOn {
    Minor,
    Major,
    Critical,
    Never,
}

/// Which rules run.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct RuleArgs {
    /// A directory of rule packs (`*.toml`): its rules are added, or replace rules of the
    /// same id.
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub(crate) rule_dirs: Vec<String>,
    /// Switch on a rule or a whole category (repeatable).
    #[arg(long, value_name = "ID|CATEGORY", global = true)]
    pub(crate) enable: Vec<String>,
    /// Switch off a rule or a whole category (repeatable).
    #[arg(long, value_name = "ID|CATEGORY", global = true)]
    pub(crate) disable: Vec<String>,
    /// The language the text was translated from (a code of rules/languages.tsv: nl, de, pl,
    /// ja, …): the source checks read the source as it, and nl and de switch on their
    /// interference pack.
    #[arg(long, value_name = "LANG", value_parser = parse_source_lang, global = true)]
    pub(crate) source_lang: Vec<String>,
}

/// How `check` runs: threads, shard, progress.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct RunArgs {
    /// Threads to check with (default: all cores). The output is the same for any number.
    #[arg(long, value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// Check only shard I of N (0-based): the JSONL/TSV lines and other files whose index, in
    /// input order, is I modulo N.
    #[arg(long, value_name = "I/N")]
    pub(crate) shard: Option<Shard>,
    /// No progress bar and no error lines on standard error (the report still has the errors).
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

/// A progress line on standard error, shown once a run is long: a terminal, not `--quiet`, and
/// more than a few hundred documents or a couple of seconds. Redrawn at most five times a second.
pub(crate) struct Progress {
    started: std::time::Instant,
    drawn: Option<std::time::Instant>,
    enabled: bool,
}

impl Progress {
    pub(crate) fn new(quiet: bool) -> Progress {
        use std::io::IsTerminal;
        Progress {
            started: std::time::Instant::now(),
            drawn: None,
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    pub(crate) fn tick(&mut self, documents: usize) {
        use std::time::Duration;
        if !self.enabled {
            return;
        }
        let elapsed = self.started.elapsed();
        let due = match self.drawn {
            None => documents >= 500 || elapsed >= Duration::from_secs(2),
            Some(t) => t.elapsed() >= Duration::from_millis(200),
        };
        if due {
            let rate = documents as f64 / elapsed.as_secs_f64().max(0.001);
            eprint!(
                "\r\x1b[2K{documents} documents checked ({rate:.0}/s, {}s)",
                elapsed.as_secs()
            );
            self.drawn = Some(std::time::Instant::now());
        }
    }

    /// Runs `f` (which writes a line to standard error) with the progress line out of its way.
    pub(crate) fn suspend(&mut self, f: impl FnOnce()) {
        if self.drawn.is_some() {
            eprint!("\r\x1b[2K");
            self.drawn = Some(self.started);
        }
        f();
    }

    pub(crate) fn finish(&self) {
        if self.drawn.is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Writes to standard output. A reader that closes the pipe early (`mtlint rules list | head`)
/// ends the program quietly, as such a reader expects, instead of a panic; any other write
/// error is reported.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($arg)*) {
            exit_on_write_error(e);
        }
    }};
}

pub(crate) fn exit_on_write_error(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("mtlint: cannot write to standard output: {e}");
    std::process::exit(2);
}

/// The linter for a rule selection, or the pack errors (file:line:column: problem). A pack rule
/// that replaces a built-in or embedded rule of the same id is named on standard error.
pub(crate) fn linter_for(args: &RuleArgs, all: bool) -> Result<Linter, String> {
    let mut extra = Vec::new();
    let mut errors = Vec::new();
    for dir in &args.rule_dirs {
        match mtlint::packs::load_dir(std::path::Path::new(dir)) {
            Ok(r) => extra.extend(r),
            Err(e) => errors.extend(e),
        }
    }
    let every = mtlint::packs::Selection {
        all: true,
        ..Default::default()
    };
    // Every default rule, to name the ones a pack replaces and to check --enable/--disable
    // names: only needed when there are such packs or names.
    let need_defaults =
        !extra.is_empty() || !args.enable.is_empty() || !args.disable.is_empty() || all;
    let result = if errors.is_empty() {
        let defaults = if need_defaults {
            mtlint::packs::detectors(&[], &every)
        } else {
            Ok(Vec::new())
        };
        defaults.and_then(|defaults| {
            let sel = mtlint::packs::Selection {
                source_langs: args.source_lang.clone(),
                enable: args.enable.clone(),
                disable: args.disable.clone(),
                all,
            };
            Ok((defaults, mtlint::packs::detectors(&extra, &sel)?))
        })
    } else {
        Err(errors)
    };
    let (defaults, detectors) = result.map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        lines.join("\nmtlint: ")
    })?;
    for r in &extra {
        if let Some(d) = defaults.iter().find(|d| d.meta().id == r.meta().id) {
            eprintln!(
                "mtlint: warning: {}: rule '{}' replaces the {} rule of the same id",
                r.source,
                r.meta().id,
                d.source().unwrap_or("built-in")
            );
        }
    }
    let known = |n: &String| {
        // `rule/check`: one check of a rule that holds several.
        if let Some((rule, check)) = n.split_once('/') {
            return defaults
                .iter()
                .chain(detectors.iter())
                .any(|d| d.meta().id == rule && d.checks().contains(&check));
        }
        defaults.iter().any(|d| d.meta().id == n.as_str())
            || extra.iter().any(|r| r.meta().id == n.as_str())
            || mtlint::finding::Category::ALL
                .iter()
                .any(|c| c.as_str() == n.as_str())
    };
    if let Some(n) = args.enable.iter().chain(&args.disable).find(|n| !known(n)) {
        return Err(format!(
            "no rule or category '{n}' (see `mtlint rules list`)"
        ));
    }
    let mut linter = Linter::with_detectors(Tagger::embedded(), detectors);
    if let [one] = args.source_lang.as_slice() {
        linter.source_lang = Some(one.clone());
    }
    linter.disabled_checks = args
        .disable
        .iter()
        .filter(|n| n.contains('/'))
        .cloned()
        .collect();
    Ok(linter)
}

/// The rules of the linter as reports describe them.
pub(crate) fn rule_docs(linter: &Linter) -> Vec<RuleDoc> {
    linter
        .detectors
        .iter()
        .map(|d| {
            let m = d.meta();
            RuleDoc {
                id: m.id.to_string(),
                category: m.category,
                severity: m.severity,
                summary: m.summary.to_string(),
                why: m.why.to_string(),
                fix: m.fix.to_string(),
            }
        })
        .collect()
}

pub(crate) fn parse_max_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(format!("'{s}' is not a score (a number, 0 or more)")),
    }
}

pub(crate) fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("mtlint: {msg}");
    ExitCode::from(2)
}

/// The project configuration: `--config FILE`, else the nearest `mtlint.toml` above the working
/// directory; none with `--no-config`.
pub(crate) fn project_config(path: Option<&str>, no_config: bool) -> Result<Config, String> {
    if no_config {
        return Ok(Config::default());
    }
    let path = match path {
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| mtlint::config::discover(&d)),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let config = mtlint::config::load(&path).map_err(|e| e.to_string())?;
    if let Some(l) = config
        .source_lang
        .iter()
        .find(|l| parse_source_lang(l).is_err())
    {
        // Where the value stands in the file, for the editor who has to change it.
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let at = text
            .find("source-lang")
            .and_then(|k| text[k..].find(&format!("\"{l}\"")).map(|v| k + v + 1))
            .map(|offset| {
                let (line, column) = mtlint::normalize::line_column(&text, offset);
                format!(":{line}:{column}")
            })
            .unwrap_or_default();
        return Err(format!(
            "{}{at}: source-lang '{l}' is not a language of rules/languages.tsv",
            path.display()
        ));
    }
    Ok(config)
}

/// The source language the named inputs' file names state (`NAME.nl-en.txt`), when they state
/// one and the same language that has an interference pack; with the first file naming it.
pub(crate) fn source_lang_of_names(paths: &[String]) -> Option<(String, String)> {
    let mut named = paths
        .iter()
        .filter_map(|p| mtlint::input::source_lang_of_file_name(p).map(|l| (l, p.clone())));
    let first = named.next()?;
    let one_language = named.all(|(l, _)| l == first.0);
    (one_language && mtlint::packs::PACK_LANGUAGES.contains(&first.0.as_str())).then_some(first)
}

/// A source language given on the command line or in `mtlint.toml`: a code (or English name)
/// of `rules/languages.tsv`, as its code.
pub(crate) fn parse_source_lang(s: &str) -> Result<String, String> {
    mtlint::detect::source_mismatch::language::by_code(s)
        .map(|l| l.code.to_string())
        .ok_or_else(|| {
            format!(
                "'{s}' is not a language of rules/languages.tsv (a code such as nl, de, pl, ja)"
            )
        })
}

/// A probability given on the command line.
pub(crate) fn parse_probability(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("'{s}' is not a probability between 0 and 1")),
    }
}

/// An option from the command line, else from the configuration file, else `default`.
pub(crate) fn option_or<T: clap::ValueEnum>(
    cli: Option<T>,
    config: Option<&str>,
    name: &str,
    default: T,
) -> Result<T, String> {
    match (cli, config) {
        (Some(v), _) => Ok(v),
        (None, Some(s)) => {
            T::from_str(s, true).map_err(|_| format!("configuration: {name} '{s}' is not known"))
        }
        (None, None) => Ok(default),
    }
}

impl RuleArgs {
    /// These options over the configuration's: lists add up, and a rule the command line
    /// enables (disables) is no longer disabled (enabled) by the configuration.
    pub(crate) fn over(self, c: &Config) -> RuleArgs {
        let mut rule_dirs = c.rule_dirs();
        rule_dirs.extend(self.rule_dirs);
        let keep = |from: &[String], unless: &[String]| -> Vec<String> {
            from.iter()
                .filter(|n| !unless.contains(n))
                .cloned()
                .collect()
        };
        let mut enable = keep(&c.enable, &self.disable);
        enable.extend(self.enable.iter().cloned());
        let mut disable = keep(&c.disable, &self.enable);
        disable.extend(self.disable);
        let mut source_lang = c.source_lang.clone();
        for l in self.source_lang {
            if !source_lang.contains(&l) {
                source_lang.push(l);
            }
        }
        RuleArgs {
            rule_dirs,
            enable,
            disable,
            source_lang,
        }
    }
}

pub mod calibrate;
pub mod check;
pub mod eval;
pub mod fix;
pub mod rules;
pub mod synth;
pub mod tag;
pub mod train;
