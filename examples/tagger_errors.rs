//! Most frequent tagging errors of a model file on a CoNLL-U file, for inspection:
//! `cargo run --release --example tagger_errors -- MODEL FILE.conllu`.

use mtlint::tag::model::Model;
use mtlint::tag::train::{confusions, read_conllu, unknown_errors};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, file] = &args[..] else {
        return Err("usage: tagger_errors MODEL FILE.conllu".into());
    };
    let bytes = std::fs::read(model).map_err(|e| format!("{model}: {e}"))?;
    let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let gold = read_conllu(&text)?;
    for ((g, p), n) in confusions(&model, &gold).iter().take(30) {
        println!("{n:5} {g} -> {p}");
    }
    for (w, g, p) in unknown_errors(&model, &gold).iter().take(80) {
        print!("{w}:{g}>{p}  ");
    }
    println!();
    Ok(())
}
