//! `mtlint tag`: how mtlint analyses a text, token by token.

use super::*;
use mtlint::inspect::{TagFormat, render, tag_pretokenized};

/// The options of `tag`.
#[derive(clap::Args)]
pub struct TagArgs {
    /// A file, or `-`/nothing for standard input.
    file: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: TagFormat,
    /// Input is one sentence per line, tokens separated by single spaces; output is the same
    /// lines with /TAG after each token.
    #[arg(long)]
    pretokenized: bool,
}

/// Runs `tag`: the input's tokens, tags and chunks (or tagged pre-tokenized lines) on standard
/// output. It reads no configuration.
pub fn run(args: TagArgs) -> ExitCode {
    let TagArgs {
        file,
        format,
        pretokenized,
    } = args;
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
        let doc = mtlint::pipeline::Document::analyze(decoded.text, decoded.bom_len, tagger);
        render(&doc, format)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}
