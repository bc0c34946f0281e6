//! Prints the interference model's log-odds for every word of each line of a text, less the
//! thresholds (positive: reported): `cargo run --example interference_tokens -- FILE`.

use mtlint::detect::interference::embedded;
use mtlint::pipeline::Document;
use mtlint::tag::Tagger;

fn main() {
    let tagger = Tagger::embedded();
    let model = embedded().expect("a model");
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let doc = Document::analyze(text, 0, tagger);
        for s in &doc.sentences {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text(doc.text())).collect();
            let z = model.score(&words, &s.tags, &s.chunks, tagger);
            let row: Vec<String> = words
                .iter()
                .zip(&s.tags)
                .zip(&z)
                .map(|((w, t), z)| {
                    format!(
                        "{w}/{}[{:.1},{:.1}]",
                        t.as_str(),
                        z[0] - model.thresholds[0],
                        z[1] - model.thresholds[1]
                    )
                })
                .collect();
            println!("{}", row.join(" "));
        }
    }
}
