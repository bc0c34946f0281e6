//! Where `word-order-anomaly` spends its time, part by part, over a text file:
//! `cargo run --release --example anomaly_costs -- FILE`.

use mtlint::detect::SentenceView;
use mtlint::detect::word_order_anomaly::{model, scores, scramble_model, swap_model};
use mtlint::pipeline::Document;
use mtlint::tag::Tagger;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let doc = Document::analyze(text, 0, Tagger::embedded());
    let views: Vec<SentenceView> = doc
        .sentences
        .iter()
        .map(|s| SentenceView::new(doc.text(), s))
        .filter(|v| v.len() >= 4)
        .collect();
    let (lm, sm, scm) = (model(), swap_model(), scramble_model());
    let t = Instant::now();
    let mut sink = 0.0f32;
    for v in &views {
        let seq = lm.sequence(&v.words, &v.sentence.tags);
        let memo = lm.position_log_probs(&seq);
        sink += memo.forward.iter().sum::<f32>();
    }
    println!("class sequence + position log-probs: {:?}", t.elapsed());
    let t = Instant::now();
    for v in &views {
        let mut seq = lm.sequence(&v.words, &v.sentence.tags);
        let memo = lm.position_log_probs(&seq);
        for j in 0..v.len() - 1 {
            let (b, a) = lm.swap_scores_with(&mut seq, j + 2, &memo);
            sink += a - b;
        }
    }
    println!("+ swap log-probs for every pair:     {:?}", t.elapsed());
    let t = Instant::now();
    let mut pair_scores = Vec::new();
    for v in &views {
        sm.score_pairs(lm, &v.words, &v.sentence.tags, &mut pair_scores);
        sink += pair_scores.iter().flatten().sum::<f32>();
    }
    println!("swap model score_pairs:              {:?}", t.elapsed());
    let t = Instant::now();
    for v in &views {
        let s = scores(lm, sm, scm, &v.words, &v.sentence.tags);
        sink += s.scramble;
    }
    println!("scores (pairs + scramble measure):   {:?}", t.elapsed());
    println!("({} sentences; {sink:.1})", views.len());
}
