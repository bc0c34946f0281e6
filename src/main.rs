use clap::{Parser, Subcommand};
use mtlint::check::{check_paths_with_source, exit_code};
use mtlint::detect::Linter;
use mtlint::finding::Severity;
use mtlint::input::InputFormat;
use mtlint::inspect::{TagFormat, render, tag_pretokenized};
use mtlint::read::{Origin, read_text};
use mtlint::report::{self, Format};
use mtlint::tag::Tagger;
use mtlint::tag::train::{TrainArgs, eval_command, train_command};
use std::io::Write;
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
        /// Files or directories (walked for .txt and .md); `-` or nothing reads standard input.
        paths: Vec<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_enum, default_value = "auto")]
        input_format: InputFormat,
        /// Write the report to this file instead of standard output.
        #[arg(short, long)]
        output: Option<String>,
        /// Exit with 1 when a finding is at or above this severity.
        #[arg(long, value_enum, default_value = "major")]
        fail_on: FailOn,
        /// The source text the input was translated from (one text input): switches on the
        /// `source-mismatch` checks. JSONL records carry their own "source".
        #[arg(long, value_name = "FILE")]
        source: Option<String>,
        #[command(flatten)]
        rules: RuleArgs,
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
    /// Precision and recall of the rules on labelled JSONL lines ({"text", "expect": [...]}).
    Eval {
        /// Labelled files, e.g. eval/demetr-dev.jsonl and eval/ewt-test.jsonl.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// List, explain and test the rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
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
        #[arg(long, default_value_t = 6)]
        iterations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Morphological lexicon (word<TAB>tags), built by scripts/build_morph_lexicon.py.
        #[arg(long, default_value = "models/morph-lexicon.tsv")]
        morph: String,
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
    #[arg(long, value_name = "LANG", value_parser = ["nl", "de"], global = true)]
    source_lang: Vec<String>,
}

/// The linter for a rule selection, or the pack errors (file:line:column: problem).
fn linter_for(args: &RuleArgs, all: bool) -> Result<Linter, String> {
    let mut extra = Vec::new();
    let mut errors = Vec::new();
    for dir in &args.rule_dirs {
        match mtlint::packs::load_dir(std::path::Path::new(dir)) {
            Ok(r) => extra.extend(r),
            Err(e) => errors.extend(e),
        }
    }
    let sel = mtlint::packs::Selection {
        source_langs: args.source_lang.clone(),
        enable: args.enable.clone(),
        disable: args.disable.clone(),
        all,
    };
    let detectors = if errors.is_empty() {
        mtlint::packs::detectors(&extra, &sel).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        })
    } else {
        Vec::new()
    };
    if !errors.is_empty() {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(lines.join("\nmtlint: "));
    }
    let known = |n: &String| {
        detectors.iter().any(|d| d.meta().id == n.as_str())
            || mtlint::finding::Category::ALL
                .iter()
                .any(|c| c.as_str() == n.as_str())
    };
    if !all {
        let every = linter_for(
            &RuleArgs {
                enable: Vec::new(),
                disable: Vec::new(),
                ..args.clone()
            },
            true,
        )?;
        let known_all =
            |n: &String| known(n) || every.detectors.iter().any(|d| d.meta().id == n.as_str());
        if let Some(n) = args
            .enable
            .iter()
            .chain(&args.disable)
            .find(|n| !known_all(n))
        {
            return Err(format!(
                "no rule or category '{n}' (see `mtlint rules list`)"
            ));
        }
    }
    Ok(Linter {
        tagger: Tagger::embedded(),
        detectors,
    })
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

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("mtlint: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            input_format,
            output,
            fail_on,
            source,
            rules,
        } => {
            let linter = match linter_for(&rules, false) {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            let source_text = match source
                .as_deref()
                .map(|p| read_text(&Origin::File(p.into())))
            {
                None => None,
                Some(Ok(d)) => Some(d.text),
                Some(Err(e)) => return fail(format!("--source: {e}")),
            };
            let reports = match check_paths_with_source(
                &paths,
                input_format,
                &linter,
                source_text.as_deref(),
            ) {
                Ok(r) => r,
                Err(e) => return fail(e),
            };
            for r in &reports {
                if let Err(e) = &r.outcome {
                    eprintln!("mtlint: {e}");
                }
            }
            let mut sink: Box<dyn Write> = match &output {
                Some(p) => match std::fs::File::create(p) {
                    Ok(f) => Box::new(std::io::BufWriter::new(f)),
                    Err(e) => return fail(format!("{p}: cannot write: {e}")),
                },
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            if let Err(e) = report::write(&mut sink, format, &reports).and_then(|_| sink.flush()) {
                return fail(format!("cannot write the report: {e}"));
            }
            let threshold = match fail_on {
                FailOn::Minor => Some(Severity::Minor),
                FailOn::Major => Some(Severity::Major),
                FailOn::Critical => Some(Severity::Critical),
                FailOn::Never => None,
            };
            ExitCode::from(exit_code(&reports, threshold))
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
        Command::Rules { command, rules } => rules_command(command, &rules),
        Command::Eval { files } => {
            let linter = Linter::new(Tagger::embedded());
            let mut status = ExitCode::SUCCESS;
            for f in files {
                let result = std::fs::read_to_string(&f)
                    .map_err(|e| format!("{f}: {e}"))
                    .and_then(|text| mtlint::eval::Evaluation::run(&f, &text, &linter));
                match result {
                    Ok(ev) => println!("== {f}\n{}", ev.render()),
                    Err(e) => status = fail(e),
                }
            }
            status
        }
        Command::TrainTagger {
            train,
            dev,
            output,
            iterations,
            seed,
            morph,
        } => match train_command(&TrainArgs {
            train,
            dev,
            output,
            morph,
            iterations,
            seed,
        }) {
            Ok(()) => ExitCode::SUCCESS,
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
                std::fs::write(&output, lm.to_bytes()).map_err(|e| format!("{output}: {e}"))
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
            let cfg = mtlint::detect::anomaly::swap::SwapTrainConfig {
                epochs,
                seed,
                min_feature_count,
                swaps_per_sentence: swaps,
                ..Default::default()
            };
            match mtlint::detect::anomaly::swap::train_command(&train, &output, &cfg) {
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
            let cfg = mtlint::detect::anomaly::scramble::ScrambleTrainConfig {
                epochs,
                seed,
                full: has("full"),
                window: has("window"),
                swap: has("swap"),
                min_tokens,
                ..Default::default()
            };
            match mtlint::detect::anomaly::scramble::train_command(&train, &output, &cfg) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Command::EvalTagger { files, model } => match eval_command(&files, model.as_deref()) {
            Ok(s) => {
                print!("{s}");
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
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    m.id,
                    m.category,
                    m.severity,
                    d.source().unwrap_or("built-in"),
                    m.summary
                );
            }
            ExitCode::SUCCESS
        }
        RulesCommand::Explain { id } => match linter.detectors.iter().find(|d| d.meta().id == id) {
            Some(d) => {
                print!("{}", mtlint::detect::explain(d.meta()));
                ExitCode::SUCCESS
            }
            None => fail(format!("no rule with id '{id}' (see `mtlint rules list`)")),
        },
        RulesCommand::Test => {
            let failures = mtlint::detect::test_examples(&linter);
            for f in &failures {
                println!("FAIL {f}");
            }
            let total: usize = linter
                .detectors
                .iter()
                .map(|d| d.meta().examples.len())
                .sum();
            println!(
                "{} passed, {} failed",
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
