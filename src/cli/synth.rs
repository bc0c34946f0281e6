//! `mtlint synth`: interference errors generated from a treebank, as labelled JSONL for `eval`.

use super::*;

/// The options of `synth`.
#[derive(clap::Args)]
pub struct SynthArgs {
    /// A CoNLL-U treebank with syntax trees (UD English EWT).
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
    )]
    treebank: String,
    /// The seed that chooses which moves each sentence gets; the same seed gives the same lines.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// At most this many errors from one sentence (one of each kind).
    #[arg(long, default_value_t = 2)]
    per_tree: usize,
    /// Write the lines to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
}

/// Writes one JSONL line per generated example: `{"id", "group", "text", "fixed", "expect"}`.
pub fn run(args: SynthArgs) -> ExitCode {
    let text = match std::fs::read_to_string(&args.treebank) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: {e}", args.treebank)),
    };
    let trees = match mtlint::analysis::tag::refine_train::read_trees(&text) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: {e}", args.treebank)),
    };
    let examples = mtlint::synth::synthesize(&trees, args.seed, args.per_tree);
    let mut lines = String::new();
    for e in &examples {
        match serde_json::to_string(e) {
            Ok(l) => {
                lines.push_str(&l);
                lines.push('\n');
            }
            Err(e) => return fail(e),
        }
    }
    match &args.output {
        Some(path) => {
            if let Err(e) = mtlint::output::write_file(path, lines.as_bytes()) {
                return fail(format!("{path}: cannot write: {e}"));
            }
        }
        None => out!("{lines}"),
    }
    ExitCode::SUCCESS
}
