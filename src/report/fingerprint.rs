//! The fingerprint of a finding: what baselines match findings by, and what SARIF's
//! `partialFingerprints` carry, so both agree on which finding is which.

/// A sentence as fingerprints see it: lower case, whitespace runs as one space, trimmed.
pub fn normalize_sentence(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    for word in sentence.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The fingerprint of a finding: 16 hex digits of the 64-bit FNV-1a hash of the rule id, a
/// line feed, and the normalized sentence. Stable across versions and platforms.
pub fn fingerprint(rule: &str, sentence: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let normalized = normalize_sentence(sentence);
    for b in rule
        .bytes()
        .chain(std::iter::once(b'\n'))
        .chain(normalized.bytes())
    {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
