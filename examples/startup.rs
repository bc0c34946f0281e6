//! Where start-up time goes: each embedded model's load, then a first short check:
//! `cargo run --release --example startup`.

use mtlint::detect::Linter;
use mtlint::tag::Tagger;
use std::time::Instant;

fn time<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    println!("{name:<24} {:>9.2?}", t.elapsed());
    v
}

fn main() {
    let tagger = time("tagger", Tagger::embedded);
    time("verb frames", mtlint::frames::frames);
    time("class model", mtlint::detect::word_order_anomaly::model);
    time("swap model", mtlint::detect::word_order_anomaly::swap_model);
    time(
        "scramble model",
        mtlint::detect::word_order_anomaly::scramble_model,
    );
    let packs = time("rule packs", || mtlint::packs::embedded().map(|r| r.len()));
    assert!(packs.is_ok(), "the embedded packs load");
    let linter = time("linter", || Linter::new(tagger));
    time("first check", || {
        linter.check_text("Also discussed Trump and Haftar a shared vision.".into(), 0)
    });
    time("second check", || {
        linter.check_text("Yesterday announced the minister new measures.".into(), 0)
    });
}
