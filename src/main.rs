use clap::{Parser, Subcommand};
use mtlint::baseline::Baseline;
use mtlint::check::{CheckOptions, Shard, check_each};
use mtlint::config::Config;
use mtlint::detect::{Detector, Linter};
use mtlint::finding::Severity;
use mtlint::input::InputFormat;
use mtlint::inspect::{TagFormat, render, tag_pretokenized};
use mtlint::read::{Origin, read_text};
use mtlint::report::text::ColorChoice;
use mtlint::report::{self, DocumentReport, Format, ReportOptions, RuleDoc, SeverityPoints};
use mtlint::tag::Tagger;
use mtlint::tag::train::{TrainArgs, eval_command, train_command};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "Checks machine-translated English for the errors verb-second source languages leave \
             behind, and proposes the corrected sentence."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// A configuration file instead of the nearest `mtlint.toml` above the working directory.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<String>,
    /// Ignore every `mtlint.toml`.
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Minor,
    Major,
    Critical,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Check texts and report every flagged sentence with a reason and a suggested rewrite.
    Check {
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
    },
    /// Show how mtlint analyses text: tokens, tags and chunks per sentence.
    Tag {
        /// A file, or `-`/nothing for standard input.
        file: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: TagFormat,
        /// Input is one sentence per line, tokens separated by single spaces; output is the same
        /// lines with /TAG after each token.
        #[arg(long)]
        pretokenized: bool,
    },
    /// Precision and recall of the rules on labelled JSONL lines ({"text", "expect": [...]}),
    /// and the operating points: recall at 0.5%, 1% and 2% of the clean lines flagged.
    Eval {
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
    },
    /// List, explain and test the rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Fit the calibration of confidences (models/calibration.tsv) on labelled JSONL lines:
    /// structural findings on lines with a structural error are real, on clean lines false.
    Calibrate {
        /// Labelled files whose error lines and clean lines both are fitted on.
        #[arg(long = "fit", value_name = "FILE", required = true)]
        fit: Vec<String>,
        /// Labelled files whose error lines only are fitted on (their clean lines are kept
        /// for measuring).
        #[arg(long = "positives", value_name = "FILE")]
        positives: Vec<String>,
        /// Plain-text files of real errors (the sample article) whose structural findings
        /// must all stay reported: the threshold is never above their lowest confidence.
        #[arg(long = "keep", value_name = "FILE")]
        keep: Vec<String>,
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
    },
    /// Train the part-of-speech tagger on a CoNLL-U treebank.
    TrainTagger {
        #[arg(long)]
        train: String,
        #[arg(long)]
        dev: Option<String>,
        #[arg(short, long)]
        output: String,
        /// Training passes over the data; with --dev, the weights after the pass that tags dev
        /// best are kept.
        #[arg(long, default_value_t = 10)]
        iterations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Averaged weights smaller than this are left out of the model (a smaller, faster model).
        #[arg(long, default_value_t = 1.0)]
        prune: f32,
        /// Morphological lexicon (word<TAB>tags), built by scripts/build_morph_lexicon.py.
        #[arg(long, default_value = "models/morph-lexicon.tsv")]
        morph: String,
    },
    /// Train the tagger's second pass (the verb, noun and adjective decisions with the first
    /// pass's tags on both sides) and print its figures.
    TrainRefiner {
        #[arg(
            long,
            default_value = "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu"
        )]
        train: String,
        #[arg(
            long,
            default_value = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
        )]
        dev: String,
        #[arg(
            long,
            default_value = "../shared/data/ud-english-ewt/en_ewt-ud-test.conllu"
        )]
        test: String,
        /// Morphological lexicon (word<TAB>tags) for the first-pass models of the folds.
        #[arg(long, default_value = "models/morph-lexicon.tsv")]
        morph: String,
        /// Folds of the training set: each fold's first-pass tags come from a model trained on
        /// the others.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        #[arg(long, default_value_t = 6)]
        epochs: usize,
        /// The word-order moves whose sentences are trained on (all are measured).
        #[arg(
            long,
            value_enum,
            value_delimiter = ',',
            default_value = "verb-last,verb-second,bracket"
        )]
        moves: Vec<mtlint::tag::refine_train::Move>,
        #[arg(short, long, default_value = "models/refiner.bin")]
        output: String,
    },
    /// Train the class n-gram model of English word order on a CoNLL-U treebank.
    TrainLm {
        #[arg(long)]
        train: String,
        #[arg(short, long)]
        output: String,
        /// Function words at least this frequent get a class of their own.
        #[arg(long, default_value_t = 30)]
        min_count: u32,
    },
    /// Train the model of swapped neighbouring words (word-order-anomaly) on a CoNLL-U treebank.
    TrainSwap {
        #[arg(long)]
        train: String,
        #[arg(short, long)]
        output: String,
        #[arg(long, default_value_t = 3)]
        epochs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Features seen in fewer training examples get no weight.
        #[arg(long, default_value_t = 8)]
        min_feature_count: u32,
        /// Swapped copies made of each training sentence.
        #[arg(long, default_value_t = 3)]
        swaps: usize,
    },
    /// Train the scrambled-sentence model (word-order-anomaly) on a CoNLL-U treebank, with the
    /// embedded swap model.
    TrainScramble {
        #[arg(long)]
        train: String,
        #[arg(short, long)]
        output: String,
        #[arg(long, default_value_t = 6)]
        epochs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Positives to make of each sentence: `full` (shuffled sentence), `window` (three to
        /// six neighbours shuffled), `swap` (two neighbours swapped), comma-separated.
        #[arg(long, default_value = "full")]
        variants: String,
        /// Sentences with fewer tokens are left out.
        #[arg(long, default_value_t = 6)]
        min_tokens: usize,
    },
    /// Accuracy of the tagger on gold-tokenized CoNLL-U files.
    EvalTagger {
        files: Vec<String>,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<String>,
    },
}

/// Which rules run.
#[derive(clap::Args, Clone, Default)]
struct RuleArgs {
    /// A directory of rule packs (`*.toml`): its rules are added, or replace rules of the
    /// same id.
    #[arg(long = "rules", value_name = "DIR", global = true)]
    rule_dirs: Vec<String>,
    /// Switch on a rule or a whole category (repeatable).
    #[arg(long, value_name = "ID|CATEGORY", global = true)]
    enable: Vec<String>,
    /// Switch off a rule or a whole category (repeatable).
    #[arg(long, value_name = "ID|CATEGORY", global = true)]
    disable: Vec<String>,
    /// The language the text was translated from: switches on its interference pack.
    #[arg(long, value_name = "LANG", value_parser = mtlint::packs::PACK_LANGUAGES, global = true)]
    source_lang: Vec<String>,
}

/// How `check` runs: threads, shard, progress.
#[derive(clap::Args, Clone, Default)]
struct RunArgs {
    /// Threads to check with (default: all cores). The output is the same for any number.
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Check only shard I of N (0-based): the JSONL/TSV lines and other files whose index, in
    /// input order, is I modulo N.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// No progress bar and no error lines on standard error (the report still has the errors).
    #[arg(short, long)]
    quiet: bool,
}

/// A progress line on standard error, shown once a run is long: a terminal, not `--quiet`, and
/// more than a few hundred documents or a couple of seconds. Redrawn at most five times a second.
struct Progress {
    started: std::time::Instant,
    drawn: Option<std::time::Instant>,
    enabled: bool,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        use std::io::IsTerminal;
        Progress {
            started: std::time::Instant::now(),
            drawn: None,
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, documents: usize) {
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
    fn suspend(&mut self, f: impl FnOnce()) {
        if self.drawn.is_some() {
            eprint!("\r\x1b[2K");
            self.drawn = Some(self.started);
        }
        f();
    }

    fn finish(&self) {
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

fn exit_on_write_error(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("mtlint: cannot write to standard output: {e}");
    std::process::exit(2);
}

/// The linter for a rule selection, or the pack errors (file:line:column: problem). A pack rule
/// that replaces a built-in or embedded rule of the same id is named on standard error.
fn linter_for(args: &RuleArgs, all: bool) -> Result<Linter, String> {
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
    linter.disabled_checks = args
        .disable
        .iter()
        .filter(|n| n.contains('/'))
        .cloned()
        .collect();
    Ok(linter)
}

#[derive(Subcommand)]
enum RulesCommand {
    /// One line per rule: id, category, severity, summary.
    List,
    /// A rule's documentation and examples.
    Explain { id: String },
    /// Run every rule's examples: bad ones must be flagged with their fix, good ones not.
    Test,
}

/// The rules of the linter as reports describe them.
fn rule_docs(linter: &Linter) -> Vec<RuleDoc> {
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

fn parse_max_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(format!("'{s}' is not a score (a number, 0 or more)")),
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("mtlint: {msg}");
    ExitCode::from(2)
}

/// The project configuration: `--config FILE`, else the nearest `mtlint.toml` above the working
/// directory; none with `--no-config`.
fn project_config(path: Option<&str>, no_config: bool) -> Result<Config, String> {
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
        .find(|l| !mtlint::packs::PACK_LANGUAGES.contains(&l.as_str()))
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
            "{}{at}: source-lang '{l}' has no interference pack (nl, de)",
            path.display()
        ));
    }
    Ok(config)
}

/// The source language the named inputs' file names state (`NAME.nl-en.txt`), when they state
/// one and the same language that has an interference pack; with the first file naming it.
fn source_lang_of_names(paths: &[String]) -> Option<(String, String)> {
    let mut named = paths
        .iter()
        .filter_map(|p| mtlint::input::source_lang_of_file_name(p).map(|l| (l, p.clone())));
    let first = named.next()?;
    let one_language = named.all(|(l, _)| l == first.0);
    (one_language && mtlint::packs::PACK_LANGUAGES.contains(&first.0.as_str())).then_some(first)
}

/// A probability given on the command line.
fn parse_probability(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("'{s}' is not a probability between 0 and 1")),
    }
}

/// An option from the command line, else from the configuration file, else `default`.
fn option_or<T: clap::ValueEnum>(
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
    fn over(self, c: &Config) -> RuleArgs {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match project_config(cli.config.as_deref(), cli.no_config) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    match cli.command {
        Command::Check {
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
        } => {
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
            let mut rules = rules.over(&config);
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
                (false, Some(p)) if (0.0..=1.0).contains(&p) => linter.min_confidence = p,
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
            if let (Some(b), Some(file), false, None) =
                (&baseline, &baseline_file, run.quiet, run.shard)
            {
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
        Command::Tag {
            file,
            format,
            pretokenized,
        } => {
            let origin = match file.as_deref() {
                None | Some("-") => Origin::Stdin,
                Some(p) => Origin::File(p.into()),
            };
            let decoded = match read_text(&origin) {
                Ok(d) => d,
                Err(e) => return fail(e),
            };
            let tagger = Tagger::embedded();
            let out = if pretokenized {
                tag_pretokenized(tagger, &decoded.text)
            } else {
                let doc =
                    mtlint::pipeline::Document::analyze(decoded.text, decoded.bom_len, tagger);
                render(&doc, format)
            };
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(out.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Command::Rules { command, rules } => rules_command(command, &rules.over(&config)),
        Command::Eval {
            files,
            min_confidence,
            rules,
        } => {
            let linter = match linter_for(&rules.over(&config), false) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let threshold = min_confidence.unwrap_or(linter.min_confidence);
            let linter = linter.reporting_all();
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
        Command::Calibrate {
            fit,
            positives,
            keep,
            clean_rate,
            l2,
            output,
            rules,
        } => {
            let linter = match linter_for(&rules.over(&config), false) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let linter = Linter {
                calibration: None,
                ..linter.reporting_all()
            };
            let args = mtlint::calibrate::Args {
                fit: &fit,
                positives: &positives,
                keep: &keep,
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
        Command::TrainTagger {
            train,
            dev,
            output,
            iterations,
            seed,
            prune,
            morph,
        } => match train_command(&TrainArgs {
            train,
            dev,
            output,
            morph,
            iterations,
            seed,
            prune,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
        Command::TrainRefiner {
            train,
            dev,
            test,
            morph,
            folds,
            epochs,
            moves,
            output,
        } => match mtlint::tag::refine_train::train_refiner_command(
            &mtlint::tag::refine_train::RefinerArgs {
                train: &train,
                dev: &dev,
                test: &test,
                morph: &morph,
                folds,
                epochs,
                moves: &moves,
                output: &output,
            },
        ) {
            Ok(s) => {
                out!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Command::TrainLm {
            train,
            output,
            min_count,
        } => {
            let run = || -> Result<(), String> {
                let sentences = mtlint::tag::train::read_treebank(&train)?;
                let lm = mtlint::lm::ClassLm::train(&sentences, min_count);
                mtlint::output::write_file(&output, lm.to_bytes())
                    .map_err(|e| format!("{output}: {e}"))
            };
            match run() {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Command::TrainSwap {
            train,
            output,
            epochs,
            seed,
            min_feature_count,
            swaps,
        } => {
            let cfg = mtlint::detect::word_order_anomaly::swap::SwapTrainConfig {
                epochs,
                seed,
                min_feature_count,
                swaps_per_sentence: swaps,
                ..Default::default()
            };
            match mtlint::detect::word_order_anomaly::swap::train_command(&train, &output, &cfg) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Command::TrainScramble {
            train,
            output,
            epochs,
            seed,
            variants,
            min_tokens,
        } => {
            let has = |v: &str| variants.split(',').any(|x| x.trim() == v);
            let cfg = mtlint::detect::word_order_anomaly::scramble::ScrambleTrainConfig {
                epochs,
                seed,
                full: has("full"),
                window: has("window"),
                swap: has("swap"),
                min_tokens,
                ..Default::default()
            };
            match mtlint::detect::word_order_anomaly::scramble::train_command(&train, &output, &cfg)
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Command::EvalTagger { files, model } => match eval_command(&files, model.as_deref()) {
            Ok(s) => {
                out!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
    }
}

fn rules_command(command: RulesCommand, args: &RuleArgs) -> ExitCode {
    // Every rule, on or off by default: the list shows them all and the tests run them all.
    let linter = match linter_for(args, true) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    match command {
        RulesCommand::List => {
            for d in &linter.detectors {
                let m = d.meta();
                out!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    m.id,
                    m.category,
                    m.severity,
                    d.source().unwrap_or("built-in"),
                    m.summary
                );
                for c in d.checks() {
                    out!("{}/{c}\t{}\t{}\tcheck\t\n", m.id, m.category, m.severity);
                }
            }
            ExitCode::SUCCESS
        }
        RulesCommand::Explain { id } => match linter.detectors.iter().find(|d| d.meta().id == id) {
            Some(d) => {
                out!("{}", mtlint::detect::explain(d.meta()));
                ExitCode::SUCCESS
            }
            None => fail(format!("no rule with id '{id}' (see `mtlint rules list`)")),
        },
        RulesCommand::Test => {
            let failures = mtlint::detect::test_examples(&linter);
            for f in &failures {
                out!("FAIL {f}\n");
            }
            let total: usize = linter
                .detectors
                .iter()
                .map(|d| d.meta().examples.len())
                .sum();
            out!(
                "{} passed, {} failed\n",
                total - failures.len(),
                failures.len()
            );
            if failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}
