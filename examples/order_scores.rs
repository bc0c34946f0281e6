//! Prints how often `word-order-anomaly` would fire per group of labelled lines for a grid of
//! thresholds, to tune them: `cargo run --release --example order_scores -- eval/demetr-dev.jsonl`.

use mtlint::detect::anomaly::model;
use mtlint::pipeline::Document;
use mtlint::tag::Tagger;
use std::collections::BTreeMap;

/// Per line: (gain, local log-probability before) of every candidate swap, and mean surprise.
type LineScores = (Vec<(f32, f32)>, f32);

fn main() {
    let lm = model();
    let mut by_group: BTreeMap<String, Vec<LineScores>> = BTreeMap::new();
    for f in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&f).expect("readable file");
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let group = v["group"].as_str().unwrap_or("?").to_string();
            let doc = Document::analyze(
                v["text"].as_str().unwrap_or("").to_string(),
                0,
                Tagger::embedded(),
            );
            let mut cands = Vec::new();
            let mut surprise = 0.0f32;
            for s in &doc.sentences {
                let words: Vec<&str> = s.tokens.iter().map(|t| t.text(doc.text())).collect();
                if words.len() < 4 {
                    continue;
                }
                let mut seq = lm.sequence(&words, &s.tags);
                for j in 0..words.len() - 1 {
                    let w = |x: &str| x.chars().next().is_some_and(char::is_alphanumeric);
                    if !w(words[j]) || !w(words[j + 1]) || seq[j + 2] == seq[j + 3] {
                        continue;
                    }
                    let (b, a) = lm.swap_scores(&mut seq, j + 2);
                    cands.push((a - b, b));
                }
                let sp = lm.surprise(&seq);
                surprise = surprise.max(sp.iter().sum::<f32>() / sp.len().max(1) as f32);
            }
            by_group.entry(group).or_default().push((cands, surprise));
        }
    }
    let grid: Vec<(f32, f32)> = [3.0f32, 4.0, 5.0, 6.0]
        .iter()
        .flat_map(|g| [-12.0f32, -14.0, -16.0, -18.0, -20.0].map(|b| (*g, b)))
        .collect();
    print!("{:<18}", "group");
    for (g, b) in &grid {
        print!(" g{g}b{b}");
    }
    println!();
    for (name, lines) in &by_group {
        print!("{name:<18}");
        for (g, b) in &grid {
            let n = lines
                .iter()
                .filter(|(c, _)| c.iter().any(|(gain, before)| gain >= g && before <= b))
                .count();
            print!(" {:>9.1}", 100.0 * n as f64 / lines.len() as f64);
        }
        println!();
    }
}
