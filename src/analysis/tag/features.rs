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
    /// Capitalisation pattern: 0 no letters, 1 lower case, 2 all capitals, 3 capitalised,
    /// 4 mixed.
    pub case: u8,
    /// Index of the word's precomputed record in the model ([`NO_RECORD`]: none). A token with
    /// a record carries only the fields that features outside its roles use: `key`,
    /// `suffix[2]`, `shape`, `ambiguity`, `morph`, `cluster`, `traits`, `case`.
    pub record: u32,
    /// The tag a frequent, unambiguous word always takes ([`NO_TAG`]: none).
    pub sure: u8,
}

/// Word shape: X for upper case, x for lower, d for digit, runs longer than two shortened.
fn shape_hash(word: &str) -> u64 {
    let mut h = 31;
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
/// punctuation, and its length bucket; and the capitalisation pattern alone.
fn traits_hash(word: &str) -> (u64, u8) {
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
        | ((digit > 0) as u64) << 4
        | ((hyphen > 0) as u64) << 5
        | ((other > 0) as u64) << 6
        | len_bucket << 7;
    (mix(0x7472_6169_7473, bits), case as u8)
}

impl TokenInfo {
    /// `buf` is scratch space; `lookup` gives what the word lexicon knows of a word key.
    pub fn new(word: &str, buf: &mut Vec<char>, lookup: impl Fn(u64) -> WordClass) -> Self {
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
        let (traits, case) = traits_hash(word);
        TokenInfo {
            key,
            suffix,
            prefix,
            shape: shape_hash(word),
            ambiguity: class.ambiguity,
            morph: class.morph,
            cluster: class.cluster,
            last_part,
            last_part_class,
            traits,
            case,
            record: NO_RECORD,
            sure: NO_TAG,
        }
    }

    /// The placeholder token `k` places beyond the start (`start`) or end of the sentence:
    /// every field holds the same placeholder value.
    const fn edge(v: u64) -> TokenInfo {
        TokenInfo {
            key: v,
            suffix: [v; 5],
            prefix: [v; 3],
            shape: v,
            ambiguity: v,
            morph: v,
            cluster: v as u32,
            last_part: v,
            last_part_class: v,
            traits: v,
            case: 0,
            record: NO_RECORD,
            sure: NO_TAG,
        }
    }
}

/// The placeholder tokens 1 and 2 places before the sentence start, and 1 and 2 after its end.
pub static EDGES: [TokenInfo; 4] = [
    TokenInfo::edge(START[0]),
    TokenInfo::edge(START[1]),
    TokenInfo::edge(END[0]),
    TokenInfo::edge(END[1]),
];

/// Hash of a word's exact spelling (case kept), the key of the model's word records.
#[inline]
pub fn exact_key(word: &str) -> u64 {
    let b = word.as_bytes();
    let mut h = 0x6578_6163_7400 ^ b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(a));
    }
    // A final avalanche: the table takes its home slot and fingerprint from different bits.
    (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

/// Placeholder tokens beyond the sentence edges.
const START: [u64; 2] = [0x5354_4152_5431, 0x5354_4152_5432];
const END: [u64; 2] = [0x454e_4431, 0x454e_4432];
/// "Previous tag" before the sentence start; also "no tag" in a word record.
pub const NO_TAG: u8 = 255;
/// `TokenInfo::record` of a word without a precomputed record.
pub const NO_RECORD: u32 = u32::MAX;

/// Room for the features of one position.
pub const MAX_FEATURES: usize = 72;

/// The roles a token plays for the positions around it: the position itself, then as the
/// word 1 and 2 to the left, and 1 and 2 to the right. The features of a role depend on that
/// one token only, so the model stores their summed weights per word and role.
pub const N_ROLES: usize = 5;
/// Where the token of each role stands relative to the position scored.
pub const ROLE_OFFSET: [isize; N_ROLES] = [0, -1, -2, 1, 2];

/// The hash of template number `n`, the start of every feature of that template.
#[inline]
fn t(n: u64) -> u64 {
    mix(0x9e37_79b9_7f4a_7c15, n)
}

/// Which of [`EDGES`] stands at position `j` beyond the edges of a sentence of `n` tokens.
#[inline]
pub fn edge_index(j: isize, n: usize) -> usize {
    if j < 0 {
        (-j - 1) as usize % 2
    } else {
        2 + (j as usize - n) % 2
    }
}

/// Token `j` of the sentence, or a placeholder beyond the sentence edges.
#[inline]
pub fn at(infos: &[TokenInfo], j: isize) -> &TokenInfo {
    if j < 0 || j as usize >= infos.len() {
        &EDGES[edge_index(j, infos.len())]
    } else {
        &infos[j as usize]
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

/// The features token `w` contributes in role `role` (see [`N_ROLES`]), appended to `out` from
/// `n` on; the new length is returned.
pub fn role_features(role: usize, w: &TokenInfo, out: &mut [u64; MAX_FEATURES], n: usize) -> usize {
    let c = w.cluster as u64;
    let mut put = |feats: &[u64]| {
        out[n..n + feats.len()].copy_from_slice(feats);
        n + feats.len()
    };
    match role {
        0 => put(&[
            t(0),
            mix(t(1), w.key),
            mix(t(2), w.suffix[0]),
            mix(t(3), w.suffix[1]),
            mix(t(4), w.suffix[2]),
            mix(t(5), w.suffix[3]),
            mix(t(36), w.suffix[4]),
            mix(t(6), w.prefix[0]),
            mix(t(7), w.prefix[1]),
            mix(t(8), w.prefix[2]),
            mix(t(9), w.shape),
            mix(t(22), w.ambiguity),
            mix(mix(t(29), w.shape), w.suffix[1]),
            mix(t(37), w.morph),
            mix(mix(t(40), w.morph), w.ambiguity),
            mix(t(42), cluster_prefix(c, 4)),
            mix(t(43), cluster_prefix(c, 8)),
            mix(t(44), cluster_prefix(c, 12)),
            mix(t(45), cluster_prefix(c, 16)),
            mix(t(46), c),
            mix(t(50), w.last_part),
            mix(t(51), w.last_part_class),
            mix(t(52), w.traits),
            mix(mix(t(53), w.traits), w.suffix[2]),
        ]),
        1 => put(&[
            mix(t(14), w.key),
            mix(t(15), w.suffix[2]),
            mix(t(30), w.shape),
            mix(t(41), w.morph),
            mix(t(47), c),
        ]),
        2 => put(&[mix(t(16), w.key)]),
        3 => put(&[
            mix(t(17), w.key),
            mix(t(18), w.suffix[2]),
            mix(t(20), w.ambiguity),
            mix(t(31), w.shape),
            mix(t(38), w.morph),
            mix(t(48), c),
        ]),
        _ => put(&[mix(t(19), w.key), mix(t(21), w.ambiguity), mix(t(49), c)]),
    }
}

/// The features of position `i` that join two or three tokens, or a token and the whole
/// sentence (`sent`, its [`sentence_class`]); no tag decisions. Appended to `out` from `n` on;
/// the new length is returned.
pub fn context_features(
    infos: &[TokenInfo],
    i: usize,
    sent: u64,
    out: &mut [u64; MAX_FEATURES],
    n: usize,
) -> usize {
    let w = &infos[i];
    let prev = at(infos, i as isize - 1);
    let next = at(infos, i as isize + 1);
    let c8 = cluster_prefix(w.cluster as u64, 8);
    let feats = [
        mix(mix(t(23), prev.key), w.key),
        mix(mix(t(24), w.key), next.key),
        mix(mix(t(27), w.ambiguity), next.ambiguity),
        mix(mix(mix(t(33), prev.shape), w.shape), next.shape),
        mix(mix(t(34), prev.key), next.key),
        mix(mix(t(54), c8), next.ambiguity),
        mix(mix(t(90), sent), w.traits),
        mix(mix(mix(t(91), sent), w.ambiguity), w.case as u64),
    ];
    out[n..n + feats.len()].copy_from_slice(&feats);
    let mut n = n + feats.len();
    if i == 0 {
        // The spelling of the sentence's first word says less about its tag.
        out[n] = mix(t(56), w.traits);
        out[n + 1] = mix(t(57), w.shape);
        n += 2;
    }
    n
}

/// What the features know of the whole sentence: how much of it is capitalised. Headlines and
/// titles capitalise common nouns and adjectives ("Taco Bell Opens New Store"), running text
/// only names, so a capitalised word means less in a capitalised sentence. The sentence's
/// first word is left out of the count.
pub fn sentence_class(infos: &[TokenInfo]) -> u64 {
    let (mut words, mut caps, mut upper) = (0u32, 0u32, 0u32);
    for w in infos.iter().skip(1) {
        match w.case {
            0 => continue,
            2 => upper += 1,
            3 => caps += 1,
            _ => {}
        }
        words += 1;
    }
    let bucket = if words == 0 {
        0
    } else if upper * 2 > words {
        1
    } else if (caps + upper) * 10 >= words * 7 {
        2
    } else if (caps + upper) * 10 >= words * 3 {
        3
    } else if caps + upper > 0 {
        4
    } else {
        5
    };
    mix(0x5345_4e54, bucket)
}

/// All features of position `i` that do not depend on any tag decision; `sent` is the
/// sentence's [`sentence_class`].
pub fn static_features(
    infos: &[TokenInfo],
    i: usize,
    sent: u64,
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let mut n = 0;
    for (role, off) in ROLE_OFFSET.iter().enumerate() {
        n = role_features(role, at(infos, i as isize + off), out, n);
    }
    context_features(infos, i, sent, out, n)
}

/// The features of the two previous tags alone (`p1` the tag just before); the model keeps
/// their summed weights in a dense table. Appended to `out` from `n` on; the new length is
/// returned.
pub fn transition_features(p1: u8, p2: u8, out: &mut [u64; MAX_FEATURES], n: usize) -> usize {
    let (p1, p2) = (p1 as u64, p2 as u64);
    let feats = [mix(t(10), p1), mix(t(11), p2), mix(mix(t(12), p1), p2)];
    out[n..n + feats.len()].copy_from_slice(&feats);
    n + feats.len()
}

/// The features joining the previous tag `p1` with the words of position `i`. Appended to
/// `out` from `n` on; the new length is returned.
pub fn word_tag_features(
    infos: &[TokenInfo],
    i: usize,
    p1: u8,
    out: &mut [u64; MAX_FEATURES],
    n: usize,
) -> usize {
    let w = &infos[i];
    let next = at(infos, i as isize + 1);
    let p1 = p1 as u64;
    let feats = [
        mix(mix(t(13), p1), w.key),
        mix(mix(t(25), p1), w.ambiguity),
        mix(mix(t(35), p1), next.key),
    ];
    out[n..n + feats.len()].copy_from_slice(&feats);
    n + feats.len()
}

/// All features of position `i` that depend on the tags chosen for the two previous positions
/// (`p1`, `p2`), appended to `out` from `n` on; the new length is returned.
pub fn tag_features(
    infos: &[TokenInfo],
    i: usize,
    p1: u8,
    p2: u8,
    out: &mut [u64; MAX_FEATURES],
    n: usize,
) -> usize {
    let n = transition_features(p1, p2, out, n);
    word_tag_features(infos, i, p1, out, n)
}
