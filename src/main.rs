use clap::{Parser, Subcommand};
use mtlint::tag::train::{TrainArgs, eval_command, train_command};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "Checks machine-translated English for verb-second source-order errors"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
    let result = match cli.command {
        Command::TrainTagger {
            train,
            dev,
            output,
            iterations,
            seed,
            morph,
        } => train_command(&TrainArgs {
            train,
            dev,
            output,
            morph,
            iterations,
            seed,
        }),
        Command::EvalTagger { files, model } => {
            eval_command(&files, model.as_deref()).map(|s| print!("{s}"))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mtlint: {e}");
            ExitCode::from(2)
        }
    }
}
