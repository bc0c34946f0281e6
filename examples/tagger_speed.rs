//! Tagging speed and model load time of the embedded tagger.
//!
//! Tags the words of a CoNLL-U file (EWT train by default) repeatedly on one thread and prints
//! tokens per second of wall-clock time and, on Linux, per second of the process's own CPU time
//! (steadier on a shared machine):
//!
//! ```text
//! cargo run --release --example tagger_speed -- [FILE.conllu] [SECONDS]
//! ```

use mtlint::tag::train::read_conllu;
use mtlint::tag::{TagScratch, Tagger};
use std::time::{Duration, Instant};

/// CPU time this process has run, from `/proc/self/schedstat` (Linux), if available.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu".to_string());
    let seconds: f64 = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("seconds '{s}': {e}"))?,
        None => 3.0,
    };

    let start = Instant::now();
    let tagger = Tagger::load_embedded()?;
    let load = start.elapsed();
    println!("model load: {:.2} ms", load.as_secs_f64() * 1e3);

    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let sentences = read_conllu(&text).map_err(|e| format!("{path}: {e}"))?;
    let sentences: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();

    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut tokens = 0usize;
    let mut checksum = 0usize;
    let budget = Duration::from_secs_f64(seconds);
    let cpu_start = cpu_time();
    let start = Instant::now();
    while start.elapsed() < budget {
        for words in &sentences {
            tagger.tag_into(words, &mut scratch, &mut out);
            tokens += out.len();
            checksum = checksum.wrapping_add(out.iter().map(|t| t.index()).sum::<usize>());
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{tokens} tokens in {elapsed:.2} s: {:.0} tokens/s (checksum {checksum})",
        tokens as f64 / elapsed
    );
    if let (Some(a), Some(b)) = (cpu_start, cpu_time()) {
        let cpu = (b - a).as_secs_f64();
        println!(
            "{cpu:.2} s of CPU time: {:.0} tokens per CPU second",
            tokens as f64 / cpu
        );
    }
    Ok(())
}
