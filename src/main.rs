#[macro_use]
mod cli;

use clap::{Parser, Subcommand};
use cli::*;
use mtlint::tag::train::{TrainArgs, eval_command, train_command};
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

#[derive(Subcommand)]
enum Command {
    /// Check texts and report every flagged sentence with a reason and a suggested rewrite.
    Check(cli::check::CheckArgs),
    /// Apply the suggestions at or above a confidence to the files (`--diff` shows them and
    /// changes nothing); only the edited bytes change.
    Fix(cli::fix::FixArgs),
    /// Show how mtlint analyses text: tokens, tags and chunks per sentence.
    Tag(cli::tag::TagArgs),
    /// Precision and recall of the rules on labelled JSONL lines ({"text", "expect": [...]}),
    /// and the operating points: recall at 0.5%, 1% and 2% of the clean lines flagged.
    Eval(cli::eval::EvalArgs),
    /// List, explain and test the rules.
    Rules(cli::rules::RulesArgs),
    /// Fit the calibration of confidences (models/calibration.tsv) on labelled JSONL lines:
    /// structural findings on lines with a structural error are real, on clean lines false.
    Calibrate(cli::calibrate::CalibrateArgs),
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match project_config(cli.config.as_deref(), cli.no_config) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    match cli.command {
        Command::Check(args) => cli::check::run(args, &config),
        Command::Fix(args) => cli::fix::run(args, &config),
        Command::Tag(args) => cli::tag::run(args),
        Command::Rules(args) => cli::rules::run(args, &config),
        Command::Eval(args) => cli::eval::run(args, &config),
        Command::Calibrate(args) => cli::calibrate::run(args, &config),
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
