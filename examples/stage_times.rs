//! Time spent per pipeline stage and per detector over a text file, to find what to optimise:
//! `cargo run --release --example stage_times -- FILE`.

use mtlint::detect::{Linter, SentenceView};
use mtlint::pipeline::Document;
use mtlint::tag::Tagger;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let t = Instant::now();
    let tagger = Tagger::embedded();
    let linter = Linter::new(tagger);
    println!("load: {:?}", t.elapsed());
    let t = Instant::now();
    let norm = mtlint::normalize::Normalized::new(&text);
    let segs = mtlint::segment::segment(&norm.text);
    println!(
        "normalize+segment: {:?} ({} segments)",
        t.elapsed(),
        segs.len()
    );
    let t = Instant::now();
    let toks: Vec<_> = segs
        .iter()
        .map(|s| mtlint::tokenize::tokenize(&norm.text, s.start, s.end))
        .collect();
    println!(
        "tokenize: {:?} ({} tokens)",
        t.elapsed(),
        toks.iter().map(Vec::len).sum::<usize>()
    );
    let t = Instant::now();
    let words: Vec<Vec<&str>> = toks
        .iter()
        .map(|ts| ts.iter().map(|x| x.text(&norm.text)).collect())
        .collect();
    let tags: Vec<_> = words.iter().map(|w| tagger.tag(w)).collect();
    println!("tag: {:?}", t.elapsed());
    let t = Instant::now();
    for (w, tg) in words.iter().zip(&tags) {
        std::hint::black_box(mtlint::chunk::chunk(w, tg));
    }
    println!("chunk: {:?}", t.elapsed());
    let t = Instant::now();
    let doc = Document::analyze(text.clone(), 0, tagger);
    println!("analysis (normalize..chunk): {:?}", t.elapsed());
    let t = Instant::now();
    let views: Vec<SentenceView> = doc
        .sentences
        .iter()
        .map(|s| SentenceView::new(doc.text(), s))
        .collect();
    println!("sentence views: {:?}", t.elapsed());
    for det in &linter.detectors {
        let t = Instant::now();
        let mut out = Vec::new();
        for v in &views {
            det.check(v, &mut out);
        }
        println!(
            "{:<28} {:>10.2?} {:>6} findings",
            det.meta().id,
            t.elapsed(),
            out.len()
        );
    }
    let t = Instant::now();
    let findings = linter.check_document(&doc);
    println!(
        "check_document: {:?} ({} findings)",
        t.elapsed(),
        findings.len()
    );
}
