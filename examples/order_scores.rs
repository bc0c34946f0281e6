//! Dumps what `word-order-anomaly` sees of each labelled line, one tab-separated row per line,
//! to tune its thresholds offline:
//! `cargo run --release --example order_scores -- eval/demetr-dev.jsonl > scores.tsv`.
//!
//! Columns: group, id, mean class-model surprise (the highest over the line's sentences), the
//! scrambled-sentence score (the highest over sentences of at least 6 pairs), and every pair
//! score of the line (comma-separated, sentences of fewer than 4 tokens skipped).
//! `SWAP_MODEL=path` and `SCRAMBLE_MODEL=path` score with model files instead of the embedded
//! ones.

use mtlint::detect::word_order_anomaly::scramble::ScrambleModel;
use mtlint::detect::word_order_anomaly::swap::SwapModel;
use mtlint::detect::word_order_anomaly::{
    SCRAMBLED_MIN_PAIRS, model, scores, scramble_model, swap_model,
};
use mtlint::pipeline::Document;
use mtlint::tag::Tagger;

fn main() {
    let start = std::time::Instant::now();
    let _ = swap_model();
    let swap_ms = start.elapsed().as_secs_f64() * 1000.0;
    let lm = model();
    let lm_ms = start.elapsed().as_secs_f64() * 1000.0 - swap_ms;
    eprintln!("loaded: swap model {swap_ms:.1} ms, class model {lm_ms:.1} ms");
    let file_model = std::env::var("SWAP_MODEL").ok().map(|p| {
        let bytes = std::fs::read(&p).expect("readable model file");
        SwapModel::from_bytes(&bytes).expect("valid model file")
    });
    let sm = file_model.as_ref().unwrap_or_else(|| swap_model());
    let file_scramble = std::env::var("SCRAMBLE_MODEL").ok().map(|p| {
        let bytes = std::fs::read(&p).expect("readable model file");
        ScrambleModel::from_bytes(&bytes).expect("valid model file")
    });
    let scm = file_scramble.as_ref().unwrap_or_else(|| scramble_model());
    let mut pair_scores = Vec::new();
    for f in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&f).expect("readable file");
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let group = v["group"].as_str().unwrap_or("?");
            let id = v["id"].as_str().unwrap_or("?");
            let doc = Document::analyze(
                v["text"].as_str().unwrap_or("").to_string(),
                0,
                Tagger::embedded(),
            );
            let mut all = Vec::new();
            let mut surprise = 0.0f32;
            let mut scramble = -99.0f32;
            for s in &doc.sentences {
                let words: Vec<&str> = s.tokens.iter().map(|t| t.text(doc.text())).collect();
                if words.len() < 4 {
                    continue;
                }
                sm.score_pairs(lm, &words, &s.tags, &mut pair_scores);
                all.extend(pair_scores.iter().flatten().map(|x| format!("{x:.3}")));
                let sc = scores(lm, sm, scm, &words, &s.tags);
                surprise = surprise.max(sc.mean_surprise);
                if sc.pairs >= SCRAMBLED_MIN_PAIRS {
                    scramble = scramble.max(sc.scramble);
                }
            }
            println!(
                "{group}\t{id}\t{surprise:.3}\t{scramble:.3}\t{}",
                all.join(",")
            );
        }
    }
}
