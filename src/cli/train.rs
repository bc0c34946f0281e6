//! The commands that train the models (`train-tagger`, `train-refiner`, `train-lm`,
//! `train-ngrams`, `train-swap`, `train-scramble`) and measure the tagger (`eval-tagger`). None of them reads
//! the configuration.

use super::*;
use mtlint::detect::word_order_anomaly::{scramble, swap};
use mtlint::tag::refine_train::{Move, RefinerArgs, train_refiner_command};
use mtlint::tag::train::{TaggedSentence, TrainArgs, eval_command, train_command};

/// The sentences of a CoNLL-U treebank (`--train`) and of the clean lines of JSONL files
/// (`--text`), these split, tokenized and tagged by the pipeline: what the word-order models
/// learn from.
fn training_sentences(treebank: &str, texts: &[String]) -> Result<Vec<TaggedSentence>, String> {
    let mut sentences = mtlint::tag::train::read_treebank(treebank)?;
    if !texts.is_empty() {
        let lines = mtlint::detect::interference::train::read_clean(texts)?;
        let more = mtlint::pipeline::tagged_sentences(&lines, Tagger::embedded());
        eprintln!("{} sentences of {} clean lines", more.len(), lines.len());
        sentences.extend(more);
    }
    Ok(sentences)
}

/// The options of `train-tagger`.
#[derive(clap::Args)]
pub struct TrainTaggerArgs {
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
}

/// Runs `train-tagger`: trains the part-of-speech tagger and writes the model.
pub fn run_tagger(args: TrainTaggerArgs) -> ExitCode {
    let TrainTaggerArgs {
        train,
        dev,
        output,
        iterations,
        seed,
        prune,
        morph,
    } = args;
    let args = TrainArgs {
        train,
        dev,
        output,
        morph,
        iterations,
        seed,
        prune,
    };
    match train_command(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The options of `train-refiner`.
#[derive(clap::Args)]
pub struct TrainRefinerArgs {
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
    moves: Vec<Move>,
    #[arg(short, long, default_value = "models/refiner.bin")]
    output: String,
}

/// Runs `train-refiner`: trains the tagger's second pass, writes it and prints its figures.
pub fn run_refiner(args: TrainRefinerArgs) -> ExitCode {
    let TrainRefinerArgs {
        train,
        dev,
        test,
        morph,
        folds,
        epochs,
        moves,
        output,
    } = args;
    let args = RefinerArgs {
        train: &train,
        dev: &dev,
        test: &test,
        morph: &morph,
        folds,
        epochs,
        moves: &moves,
        output: &output,
    };
    match train_refiner_command(&args) {
        Ok(s) => {
            out!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// The options of `train-lm`.
#[derive(clap::Args)]
pub struct TrainLmArgs {
    #[arg(long)]
    train: String,
    /// JSONL files of clean lines (`text`) to learn from as well, split, tokenized and tagged
    /// by the pipeline.
    #[arg(long)]
    text: Vec<String>,
    #[arg(short, long)]
    output: String,
    /// Function words at least this frequent get a class of their own.
    #[arg(long, default_value_t = 30)]
    min_count: u32,
}

/// Runs `train-lm`: trains the class n-gram model and writes it.
pub fn run_lm(args: TrainLmArgs) -> ExitCode {
    let TrainLmArgs {
        train,
        text,
        output,
        min_count,
    } = args;
    let run = || -> Result<(), String> {
        let sentences = training_sentences(&train, &text)?;
        let lm = mtlint::lm::ClassLm::train(&sentences, min_count);
        mtlint::output::write_file(&output, lm.to_bytes()).map_err(|e| format!("{output}: {e}"))
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The options of `train-ngrams`.
#[derive(clap::Args)]
pub struct TrainNgramsArgs {
    /// Word counts, one `word count` a line (symspellpy's frequency_dictionary_en_82_765.txt).
    #[arg(long)]
    words: String,
    /// Word-pair counts, one `word word count` a line (symspellpy's
    /// frequency_bigramdictionary_en_243_342.txt).
    #[arg(long)]
    pairs: String,
    #[arg(short, long)]
    output: String,
}

/// Runs `train-ngrams`: builds the word bigram model and writes it.
pub fn run_ngrams(args: TrainNgramsArgs) -> ExitCode {
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let run = || -> Result<(), String> {
        let bytes = mtlint::ngram::WordNgrams::build(&read(&args.words)?, &read(&args.pairs)?)?;
        mtlint::output::write_file(&args.output, bytes).map_err(|e| format!("{}: {e}", args.output))
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The options of `train-swap`.
#[derive(clap::Args)]
pub struct TrainSwapArgs {
    #[arg(long)]
    train: String,
    /// JSONL files of clean lines (`text`) to learn from as well, split, tokenized and tagged
    /// by the pipeline.
    #[arg(long)]
    text: Vec<String>,
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
}

/// Runs `train-swap`: trains the model of swapped neighbouring words and writes it.
pub fn run_swap(args: TrainSwapArgs) -> ExitCode {
    let TrainSwapArgs {
        train,
        text,
        output,
        epochs,
        seed,
        min_feature_count,
        swaps,
    } = args;
    let cfg = swap::SwapTrainConfig {
        epochs,
        seed,
        min_feature_count,
        swaps_per_sentence: swaps,
        ..Default::default()
    };
    let run = || swap::train_command(&training_sentences(&train, &text)?, &output, &cfg);
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The options of `train-scramble`.
#[derive(clap::Args)]
pub struct TrainScrambleArgs {
    #[arg(long)]
    train: String,
    /// JSONL files of clean lines (`text`) to learn from as well, split, tokenized and tagged
    /// by the pipeline.
    #[arg(long)]
    text: Vec<String>,
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
}

/// Runs `train-scramble`: trains the scrambled-sentence model and writes it.
pub fn run_scramble(args: TrainScrambleArgs) -> ExitCode {
    let TrainScrambleArgs {
        train,
        text,
        output,
        epochs,
        seed,
        variants,
        min_tokens,
    } = args;
    let has = |v: &str| variants.split(',').any(|x| x.trim() == v);
    let cfg = scramble::ScrambleTrainConfig {
        epochs,
        seed,
        full: has("full"),
        window: has("window"),
        swap: has("swap"),
        min_tokens,
        ..Default::default()
    };
    let run = || scramble::train_command(&training_sentences(&train, &text)?, &output, &cfg);
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The options of `eval-tagger`.
#[derive(clap::Args)]
pub struct EvalTaggerArgs {
    files: Vec<String>,
    /// A model file instead of the embedded one.
    #[arg(long)]
    model: Option<String>,
}

/// Runs `eval-tagger`: prints the tagger's accuracy on the files.
pub fn run_eval_tagger(args: EvalTaggerArgs) -> ExitCode {
    match eval_command(&args.files, args.model.as_deref()) {
        Ok(s) => {
            out!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// The options of `train-detector`.
#[derive(clap::Args)]
pub struct TrainDetectorArgs {
    /// The treebank whose sentences the interference errors are generated from.
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu"
    )]
    treebank: String,
    /// JSONL of clean lines (`text`) to learn from as well (repeatable).
    #[arg(long)]
    clean: Vec<String>,
    /// Labelled JSONL whose lines carry their corrected sentence (`fixed`): errors to learn
    /// from as they are (repeatable).
    #[arg(long)]
    errors: Vec<String>,
    /// How many times each of those lines is learnt.
    #[arg(long, default_value_t = 5)]
    errors_weight: usize,
    /// JSONL of clean lines the thresholds are chosen on, never learnt from (repeatable).
    #[arg(long)]
    threshold_clean: Vec<String>,
    /// A treebank never learnt from: the figures per kind of generated error.
    #[arg(long)]
    dev: Option<String>,
    /// Labelled JSONL never learnt from (`mtlint eval`'s format): the figures per group
    /// (repeatable).
    #[arg(long)]
    dev_jsonl: Vec<String>,
    /// Share of the threshold lines the model may flag (split between its two decisions).
    #[arg(long, default_value_t = 0.001)]
    rate: f64,
    /// Learning curve: train on each of these shares of the data in turn (e.g. 0.125,0.25,0.5,1)
    /// and print the figures of each; the last is written.
    #[arg(long, value_delimiter = ',')]
    curve: Vec<f64>,
    #[arg(long, default_value_t = 16)]
    bits: u32,
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Weight of the extra negative update on the highest-scoring word of each clean sentence.
    #[arg(long, default_value_t = 2.0)]
    hard_negatives: f32,
    #[arg(short, long, default_value = "models/interference.bin")]
    output: String,
}

/// Runs `train-detector`: trains the learned interference detector and writes it.
pub fn run_detector(args: TrainDetectorArgs) -> ExitCode {
    use mtlint::detect::interference::train;
    let a = train::DetectorArgs {
        treebank: args.treebank,
        clean: args.clean,
        threshold_clean: args.threshold_clean,
        errors: args.errors,
        errors_weight: args.errors_weight,
        dev: args.dev,
        dev_jsonl: args.dev_jsonl,
        rate: args.rate,
        curve: args.curve,
        output: args.output,
        config: train::TrainConfig {
            bits: args.bits,
            epochs: args.epochs,
            seed: args.seed,
            hard_negatives: args.hard_negatives,
        },
    };
    match train::train_command(&a) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}
