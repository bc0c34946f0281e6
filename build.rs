//! Compresses the largest embedded model (`models/tagger.bin`) with DEFLATE into `OUT_DIR`,
//! so that the binary stays well under its size limit; the tagger inflates it once per
//! process when first used.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let src = Path::new("models").join("tagger.bin");
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=build.rs");
    let raw = std::fs::read(&src).unwrap_or_else(|e| panic!("cannot read {}: {e}", src.display()));
    // The inflated length first (8 bytes, little-endian), so the reader allocates once.
    let mut packed = (raw.len() as u64).to_le_bytes().to_vec();
    packed.extend(miniz_oxide::deflate::compress_to_vec(&raw, 6));
    let dst = Path::new(&out).join("tagger.bin.deflate");
    std::fs::write(&dst, packed).unwrap_or_else(|e| panic!("cannot write {}: {e}", dst.display()));
}
