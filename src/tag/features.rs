//! Feature extraction for the tagger, shared by training and tagging so both see the same thing.
//!
//! Features are 64-bit hashes, never strings: each token's word, affixes and shape are hashed
//! once, and a feature is the hash of its template number with those values.

/// Multiplier of the Fx hash (rustc's), deterministic across runs and platforms.
const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// The form a word is looked up by: lower case, typographic quotes and apostrophes made plain.
pub fn canonical_chars(word: &str, out: &mut Vec<char>) {
    out.clear();
    match word {
        "“" | "‘" | "„" | "«" | "‹" => out.extend("``".chars()),
        "”" | "»" | "›" => out.extend("''".chars()),
        _ => {
            for c in word.chars() {
                match c {
                    '’' | '‘' | '`' => out.push('\''),
                    '“' | '”' => out.push('"'),
                    _ => out.extend(c.to_lowercase()),
                }
            }
        }
    }
}

pub fn hash_chars(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &c| mix(h, c as u64))
}

/// Hash of a word's canonical form; the key of the model's word lexicon.
pub fn word_key(word: &str) -> u64 {
    let mut buf = Vec::with_capacity(word.len());
    canonical_chars(word, &mut buf);
    hash_chars(&buf)
}

/// What the features need to know of one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    /// Hash of the canonical (lower-case) form.
    pub key: u64,
    pub suffix: [u64; 5],
    pub prefix: [u64; 3],
    pub shape: u64,
    /// Hash of the set of tags the word had in training (0 for unknown words).
    pub ambiguity: u64,
    /// Hash of the set of tags the morphological lexicon allows (0 when it lacks the word).
    pub morph: u64,
}

/// Word shape: X for upper case, x for lower, d for digit, runs longer than two shortened, plus
/// whether it opens the sentence.
fn shape_hash(word: &str, first: bool) -> u64 {
    let mut h = if first { 17 } else { 31 };
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            last = s;
        }
        h = mix(h, s as u64);
    }
    h
}

impl TokenInfo {
    /// `buf` is scratch space; `lookup` gives the (treebank, morphology) tag-set hashes of a
    /// word key.
    pub fn new(
        word: &str,
        first: bool,
        buf: &mut Vec<char>,
        lookup: impl Fn(u64) -> (u64, u64),
    ) -> Self {
        canonical_chars(word, buf);
        let key = hash_chars(buf);
        let n = buf.len();
        let mut suffix = [0u64; 5];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = hash_chars(&buf[n.saturating_sub(k + 1)..]);
        }
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            *p = hash_chars(&buf[..(k + 1).min(n)]);
        }
        let (ambiguity, morph) = lookup(key);
        TokenInfo {
            key,
            suffix,
            prefix,
            shape: shape_hash(word, first),
            ambiguity,
            morph,
        }
    }
}

/// Placeholder tokens beyond the sentence edges.
const START: [u64; 2] = [0x5354_4152_5431, 0x5354_4152_5432];
const END: [u64; 2] = [0x454e_4431, 0x454e_4432];
/// "Previous tag" before the sentence start.
pub const NO_TAG: u8 = 255;

pub const MAX_FEATURES: usize = 48;

/// The features of position `i` given the tags chosen for the two previous positions.
pub fn features(
    infos: &[TokenInfo],
    i: usize,
    p1: u8,
    p2: u8,
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let w = &infos[i];
    let at = |j: isize, f: fn(&TokenInfo) -> u64| -> u64 {
        if j < 0 {
            START[(-j - 1) as usize % 2]
        } else if j as usize >= infos.len() {
            END[(j as usize - infos.len()) % 2]
        } else {
            f(&infos[j as usize])
        }
    };
    let i = i as isize;
    let key = |t: &TokenInfo| t.key;
    let suf3 = |t: &TokenInfo| t.suffix[2];
    let amb = |t: &TokenInfo| t.ambiguity;
    let shape = |t: &TokenInfo| t.shape;
    let morph = |t: &TokenInfo| t.morph;
    let t = |n: u64| mix(0x9e37_79b9_7f4a_7c15, n);
    let (p1, p2) = (p1 as u64, p2 as u64);
    let feats = [
        t(0),
        mix(t(1), w.key),
        mix(t(2), w.suffix[0]),
        mix(t(3), w.suffix[1]),
        mix(t(4), w.suffix[2]),
        mix(t(5), w.suffix[3]),
        mix(t(6), w.prefix[0]),
        mix(t(7), w.prefix[1]),
        mix(t(8), w.prefix[2]),
        mix(t(9), w.shape),
        mix(t(10), p1),
        mix(t(11), p2),
        mix(mix(t(12), p1), p2),
        mix(mix(t(13), p1), w.key),
        mix(t(14), at(i - 1, key)),
        mix(t(15), at(i - 1, suf3)),
        mix(t(16), at(i - 2, key)),
        mix(t(17), at(i + 1, key)),
        mix(t(18), at(i + 1, suf3)),
        mix(t(19), at(i + 2, key)),
        mix(t(20), at(i + 1, amb)),
        mix(t(21), at(i + 2, amb)),
        mix(t(22), w.ambiguity),
        mix(mix(t(23), at(i - 1, key)), w.key),
        mix(mix(t(24), w.key), at(i + 1, key)),
        mix(mix(t(25), p1), w.ambiguity),
        mix(mix(t(26), p1), w.suffix[2]),
        mix(mix(t(27), w.ambiguity), at(i + 1, amb)),
        mix(mix(t(28), p1), at(i + 1, amb)),
        mix(mix(t(29), w.shape), w.suffix[1]),
        mix(t(30), at(i - 1, shape)),
        mix(t(31), at(i + 1, shape)),
        mix(mix(t(32), p1), w.shape),
        mix(mix(mix(t(33), at(i - 1, shape)), w.shape), at(i + 1, shape)),
        mix(mix(t(34), at(i - 1, key)), at(i + 1, key)),
        mix(mix(t(35), p1), at(i + 1, key)),
        mix(t(36), w.suffix[4]),
        mix(t(37), w.morph),
        mix(t(38), at(i + 1, morph)),
        mix(mix(t(39), p1), w.morph),
        mix(mix(t(40), w.morph), w.ambiguity),
        mix(t(41), at(i - 1, morph)),
    ];
    out[..feats.len()].copy_from_slice(&feats);
    feats.len()
}
