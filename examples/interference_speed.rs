//! Speed of the learned interference model on its own: the words and tags of a CoNLL-U file
//! (EWT train by default, tagged and chunked beforehand, not timed) scored again and
//! again on one thread, as MB of text and words per second:
//!
//! ```text
//! cargo run --release --example interference_speed -- [FILE.conllu] [SECONDS]
//! ```

use mtlint::detect::interference::embedded;
use mtlint::tag::Tagger;
use mtlint::tag::train::read_conllu;
use std::time::Instant;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu".to_string());
    let seconds: f64 = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("seconds '{s}': {e}"))?,
        None => 3.0,
    };
    let tagger = Tagger::embedded();
    let start = Instant::now();
    let model = embedded().ok_or("no embedded interference model")?;
    println!("model load: {:.2} ms", start.elapsed().as_secs_f64() * 1e3);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let sentences = read_conllu(&text).map_err(|e| format!("{path}: {e}"))?;
    type Tagged<'a> = (
        Vec<&'a str>,
        Vec<mtlint::tag::Tag>,
        Vec<mtlint::chunk::Chunk>,
    );
    let tagged: Vec<Tagged> = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            let chunks = mtlint::chunk::chunk(&words, &tags);
            (words, tags, chunks)
        })
        .collect();
    let bytes: usize = tagged
        .iter()
        .map(|(w, _, _)| w.iter().map(|x| x.len() + 1).sum::<usize>())
        .sum();
    let words: usize = tagged.iter().map(|(w, _, _)| w.len()).sum();
    let (mut passes, mut checksum) = (0usize, 0.0f32);
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < seconds {
        for (w, t, c) in &tagged {
            checksum += model.score(w, t, c, tagger).len() as f32;
        }
        passes += 1;
    }
    let t = start.elapsed().as_secs_f64();
    println!(
        "{passes} passes over {words} words ({:.1} MB): {:.2} MB/s, {:.0} words/s (checksum {checksum})",
        bytes as f64 / 1e6,
        (bytes * passes) as f64 / t / 1e6,
        (words * passes) as f64 / t
    );
    Ok(())
}
