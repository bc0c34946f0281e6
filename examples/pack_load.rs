//! Where loading the embedded rule packs goes: TOML parsing against compiling.
//! `cargo run --release --example pack_load`.
use std::time::Instant;

fn main() {
    let t = Instant::now();
    for (_, text) in mtlint::packs::EMBEDDED {
        let v: toml::Table = toml::from_str(text).expect("valid TOML");
        assert!(!v.is_empty());
    }
    println!("TOML parsing only: {:?}", t.elapsed());
    let t = Instant::now();
    for (file, text) in mtlint::packs::EMBEDDED {
        let rules = mtlint::packs::load_pack(file, text).expect("valid pack");
        assert!(!rules.is_empty());
    }
    println!("parse and compile:  {:?}", t.elapsed());
}
