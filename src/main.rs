#[macro_use]
mod cli;

use clap::{Parser, Subcommand};
use cli::*;
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
    TrainTagger(cli::train::TrainTaggerArgs),
    /// Train the tagger's second pass (the verb, noun and adjective decisions with the first
    /// pass's tags on both sides) and print its figures.
    TrainRefiner(cli::train::TrainRefinerArgs),
    /// Train the class n-gram model of English word order on a CoNLL-U treebank.
    TrainLm(cli::train::TrainLmArgs),
    /// Build the word bigram model (models/word-ngrams.bin) from word and word-pair counts.
    TrainNgrams(cli::train::TrainNgramsArgs),
    /// Train the model of swapped neighbouring words (word-order-anomaly) on a CoNLL-U treebank.
    TrainSwap(cli::train::TrainSwapArgs),
    /// Train the scrambled-sentence model (word-order-anomaly) on a CoNLL-U treebank, with the
    /// embedded swap model.
    TrainScramble(cli::train::TrainScrambleArgs),
    /// Train the learned interference detector (rule `interference`) on errors generated from a
    /// treebank and on clean English; print its figures (and a learning curve with --curve).
    TrainDetector(cli::train::TrainDetectorArgs),
    /// Accuracy of the tagger on gold-tokenized CoNLL-U files.
    EvalTagger(cli::train::EvalTaggerArgs),
    /// Generate Dutch/German interference errors from a treebank's sentences (verb last, verb
    /// second, verb bracket, separable particle, adverbial before the object, dropped "it" or
    /// verb), each with the sentence it came from, as labelled JSONL for `eval`.
    Synth(cli::synth::SynthArgs),
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
        Command::TrainTagger(args) => cli::train::run_tagger(args),
        Command::TrainRefiner(args) => cli::train::run_refiner(args),
        Command::TrainLm(args) => cli::train::run_lm(args),
        Command::TrainNgrams(args) => cli::train::run_ngrams(args),
        Command::TrainSwap(args) => cli::train::run_swap(args),
        Command::TrainScramble(args) => cli::train::run_scramble(args),
        Command::TrainDetector(args) => cli::train::run_detector(args),
        Command::EvalTagger(args) => cli::train::run_eval_tagger(args),
        Command::Synth(args) => cli::synth::run(args),
    }
}
