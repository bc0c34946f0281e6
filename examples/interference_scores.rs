//! Dumps what the `interference` rule sees of each labelled line, one tab-separated row per
//! sentence the model doubts at all, to choose its reporting margins offline:
//! `cargo run --profile quick --example interference_scores -- eval/ewt-dev.jsonl > scores.tsv`.
//!
//! Columns: file, group, check, excess over the threshold, the best rewrite's worst excess
//! (empty without one), the rewrite's class-model gain (empty without one).

use mtlint::detect::SentenceView;
use mtlint::detect::interference::model::InterferenceModel;
use mtlint::detect::interference::{analyse_with, embedded};
use mtlint::pipeline::Document;
use mtlint::tag::Tagger;

fn main() {
    let tagger = Tagger::embedded();
    let file_model = std::env::var("MODEL").ok().map(|p| {
        let bytes = std::fs::read(&p).expect("readable model file");
        InterferenceModel::from_bytes(&bytes).expect("valid model file")
    });
    let model = file_model.as_ref().or(embedded()).expect("a model");
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            let group = v.get("group").and_then(|g| g.as_str()).unwrap_or("-");
            let doc = Document::analyze(t.to_string(), 0, tagger);
            let mut best: Option<(f32, String)> = None;
            for s in &doc.sentences {
                let view = SentenceView::new(doc.text(), s);
                if let Some(an) = analyse_with(model, &view, 8.0) {
                    let (w, g) = an
                        .candidate
                        .as_ref()
                        .map_or((String::new(), String::new()), |c| {
                            (format!("{:.3}", c.worst), format!("{:.3}", c.lm - an.lm))
                        });
                    let row = format!("{}\t{:.3}\t{w}\t{g}", an.check, an.excess);
                    if best.as_ref().is_none_or(|(e, _)| an.excess > *e) {
                        best = Some((an.excess, row));
                    }
                }
            }
            let row = best.map_or("none\t-99\t\t".to_string(), |(_, r)| r);
            println!("{path}\t{group}\t{row}");
        }
    }
}
