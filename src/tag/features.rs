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

/// What the word lexicon tells the features about a word key (all 0 when it lacks the word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// Hash of the set of tags the word had in training.
    pub ambiguity: u64,
    /// Hash of the set of tags the morphological lexicon allows.
    pub morph: u64,
    /// Brown cluster path (lowest bit first; 0 when the word has no cluster).
    pub cluster: u32,
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
    /// Brown cluster path of the word, lowest bit first (0: none).
    pub cluster: u32,
    /// For a hyphenated word, the hash of its last part and that part's lexicon classes, so
    /// "well-known" can learn from "known" (all 0 otherwise).
    pub last_part: u64,
    pub last_part_class: u64,
    /// Coarse spelling traits: capitalisation pattern, digits, hyphen, length bucket.
    pub traits: u64,
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

/// Spelling traits of a word: capitalisation pattern, whether it has digits, hyphens, other
/// punctuation, and its length bucket.
fn traits_hash(word: &str, first: bool) -> u64 {
    let (mut upper, mut lower, mut digit, mut hyphen, mut other, mut len) = (0, 0, 0, 0, 0, 0);
    let mut first_upper = false;
    for (k, c) in word.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= k == 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_ascii_digit() {
            digit += 1;
        } else if c == '-' {
            hyphen += 1;
        } else {
            other += 1;
        }
        len += 1;
    }
    let case = match (upper, lower) {
        (0, 0) => 0,
        (0, _) => 1,
        (_, 0) => 2,
        (1, _) if first_upper => 3,
        _ => 4,
    };
    let len_bucket = match len {
        0..=2 => 0,
        3..=4 => 1,
        5..=7 => 2,
        8..=11 => 3,
        _ => 4,
    };
    let bits = case
        | (first as u64) << 3
        | ((digit > 0) as u64) << 4
        | ((hyphen > 0) as u64) << 5
        | ((other > 0) as u64) << 6
        | len_bucket << 7;
    mix(0x7472_6169_7473, bits)
}

impl TokenInfo {
    /// `buf` is scratch space; `lookup` gives what the word lexicon knows of a word key.
    pub fn new(
        word: &str,
        first: bool,
        buf: &mut Vec<char>,
        lookup: impl Fn(u64) -> WordClass,
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
        let class = lookup(key);
        let (mut last_part, mut last_part_class) = (0, 0);
        if let Some(h) = buf.iter().rposition(|&c| c == '-')
            && h + 1 < n
            && h > 0
        {
            last_part = hash_chars(&buf[h + 1..]);
            let c = lookup(last_part);
            last_part_class = mix(mix(c.ambiguity, c.morph), c.cluster as u64);
        }
        TokenInfo {
            key,
            suffix,
            prefix,
            shape: shape_hash(word, first),
            ambiguity: class.ambiguity,
            morph: class.morph,
            cluster: class.cluster,
            last_part,
            last_part_class,
            traits: traits_hash(word, first),
        }
    }
}

/// Placeholder tokens beyond the sentence edges.
const START: [u64; 2] = [0x5354_4152_5431, 0x5354_4152_5432];
const END: [u64; 2] = [0x454e_4431, 0x454e_4432];
/// "Previous tag" before the sentence start.
pub const NO_TAG: u8 = 255;
/// "Next tag" after the sentence end.
pub const END_TAG: u8 = 254;

/// Room for the features of one position.
pub const MAX_FEATURES: usize = 72;

/// The hash of template number `n`, the start of every feature of that template.
#[inline]
fn t(n: u64) -> u64 {
    mix(0x9e37_79b9_7f4a_7c15, n)
}

/// The value of `f` for token `j`, or a placeholder beyond the sentence edges.
#[inline]
fn at(infos: &[TokenInfo], j: isize, f: fn(&TokenInfo) -> u64) -> u64 {
    if j < 0 {
        START[(-j - 1) as usize % 2]
    } else if j as usize >= infos.len() {
        END[(j as usize - infos.len()) % 2]
    } else {
        f(&infos[j as usize])
    }
}

/// A cluster path cut to its first `bits` bits, tagged with the length.
#[inline]
fn cluster_prefix(c: u64, bits: u32) -> u64 {
    if c == 0 {
        return 0;
    }
    mix(bits as u64, c & ((1u64 << bits) - 1))
}

/// The features of position `i` that do not depend on any tag decision: they are the same in
/// both passes and are looked up once.
pub fn static_features(infos: &[TokenInfo], i: usize, out: &mut [u64; MAX_FEATURES]) -> usize {
    let w = &infos[i];
    let i = i as isize;
    let key = |t: &TokenInfo| t.key;
    let suf3 = |t: &TokenInfo| t.suffix[2];
    let amb = |t: &TokenInfo| t.ambiguity;
    let shape = |t: &TokenInfo| t.shape;
    let morph = |t: &TokenInfo| t.morph;
    let cl = |t: &TokenInfo| t.cluster as u64;
    let c = w.cluster as u64;
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
        mix(t(14), at(infos, i - 1, key)),
        mix(t(15), at(infos, i - 1, suf3)),
        mix(t(16), at(infos, i - 2, key)),
        mix(t(17), at(infos, i + 1, key)),
        mix(t(18), at(infos, i + 1, suf3)),
        mix(t(19), at(infos, i + 2, key)),
        mix(t(20), at(infos, i + 1, amb)),
        mix(t(21), at(infos, i + 2, amb)),
        mix(t(22), w.ambiguity),
        mix(mix(t(23), at(infos, i - 1, key)), w.key),
        mix(mix(t(24), w.key), at(infos, i + 1, key)),
        mix(mix(t(27), w.ambiguity), at(infos, i + 1, amb)),
        mix(mix(t(29), w.shape), w.suffix[1]),
        mix(t(30), at(infos, i - 1, shape)),
        mix(t(31), at(infos, i + 1, shape)),
        mix(
            mix(mix(t(33), at(infos, i - 1, shape)), w.shape),
            at(infos, i + 1, shape),
        ),
        mix(mix(t(34), at(infos, i - 1, key)), at(infos, i + 1, key)),
        mix(t(36), w.suffix[4]),
        mix(t(37), w.morph),
        mix(t(38), at(infos, i + 1, morph)),
        mix(mix(t(40), w.morph), w.ambiguity),
        mix(t(41), at(infos, i - 1, morph)),
        mix(t(42), cluster_prefix(c, 4)),
        mix(t(43), cluster_prefix(c, 8)),
        mix(t(44), cluster_prefix(c, 12)),
        mix(t(45), cluster_prefix(c, 16)),
        mix(t(46), c),
        mix(t(47), at(infos, i - 1, cl)),
        mix(t(48), at(infos, i + 1, cl)),
        mix(t(49), at(infos, i + 2, cl)),
        mix(t(50), w.last_part),
        mix(t(51), w.last_part_class),
        mix(t(52), w.traits),
        mix(mix(t(53), w.traits), w.suffix[2]),
        mix(mix(t(54), cluster_prefix(c, 8)), at(infos, i + 1, amb)),
    ];
    out[..feats.len()].copy_from_slice(&feats);
    feats.len()
}

/// The features of position `i` that depend on the tags chosen for the two previous positions
/// (`p1`, `p2`) and, in the second pass, on the first pass's tags for the next two (`right`).
/// They are appended to `out` from `n` on; the new length is returned.
pub fn tag_features(
    infos: &[TokenInfo],
    i: usize,
    p1: u8,
    p2: u8,
    right: Option<(u8, u8)>,
    out: &mut [u64; MAX_FEATURES],
    n: usize,
) -> usize {
    let w = &infos[i];
    let i = i as isize;
    let key = |t: &TokenInfo| t.key;
    let amb = |t: &TokenInfo| t.ambiguity;
    let (p1, p2) = (p1 as u64, p2 as u64);
    let c8 = cluster_prefix(w.cluster as u64, 8);
    let left = [
        mix(t(10), p1),
        mix(t(11), p2),
        mix(mix(t(12), p1), p2),
        mix(mix(t(13), p1), w.key),
        mix(mix(t(25), p1), w.ambiguity),
        mix(mix(t(26), p1), w.suffix[2]),
        mix(mix(t(28), p1), at(infos, i + 1, amb)),
        mix(mix(t(32), p1), w.shape),
        mix(mix(t(35), p1), at(infos, i + 1, key)),
        mix(mix(t(39), p1), w.morph),
        mix(mix(t(55), p1), c8),
    ];
    let mut n = n;
    out[n..n + left.len()].copy_from_slice(&left);
    n += left.len();
    if let Some((r1, r2)) = right {
        let (r1, r2) = (r1 as u64, r2 as u64);
        let more = [
            mix(t(60), r1),
            mix(t(61), r2),
            mix(mix(t(62), r1), r2),
            mix(mix(t(63), p1), r1),
            mix(mix(t(64), r1), w.key),
            mix(mix(t(65), r1), w.ambiguity),
            mix(mix(t(66), r1), w.suffix[2]),
            mix(mix(mix(t(67), p1), r1), w.ambiguity),
            mix(mix(t(68), r1), c8),
            mix(mix(t(69), r1), w.shape),
        ];
        out[n..n + more.len()].copy_from_slice(&more);
        n += more.len();
    }
    n
}
