//! Kanji names of a Japanese source, heard in the translation through the Japanese readings of
//! their characters (`rules/kanji-readings.tsv`, from Unihan): "甲府市" is Kofu City (甲 kō +
//! 府 fu), "喬木村" Takagi Village (喬 taka(i) + 木 ki, voiced). A name is a run of kanji before a
//! place suffix (市, 町, 村, 県, …) or a title or form of address (さん, 氏, 選手, 監督, …): what
//! Japanese marks as a name. Names read irregularly ("渡辺", Watanabe) are found by a looser test:
//! a word of the translation that starts with a reading of the name's first kanji.

use super::names::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

static TABLE: &str = include_str!("../../../rules/kanji-readings.tsv");

/// Kanji after a name of a place, written as part of it ("甲府市").
const PLACE_SUFFIXES: &[char] = &['市', '町', '村', '県', '区', '郡', '島', '駅', '府', '都'];

/// Titles and offices written after a person's name in kanji ("大谷選手", "岸田首相").
const TITLES: &[&str] = &[
    "氏",
    "君",
    "選手",
    "監督",
    "首相",
    "知事",
    "市長",
    "町長",
    "村長",
    "社長",
    "会長",
    "容疑者",
    "被告",
    "投手",
    "議員",
    "教授",
    "外相",
    "代表",
    "理事長",
    "容疑",
];

/// Forms of address written in kana after a name ("渡辺さん").
const ADDRESS: &[&str] = &["さん", "ちゃん", "くん", "様"];

fn readings() -> &'static HashMap<char, Vec<&'static str>> {
    static R: OnceLock<HashMap<char, Vec<&'static str>>> = OnceLock::new();
    R.get_or_init(|| {
        let mut out: HashMap<char, Vec<&'static str>> = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            if let Some((reading, kanji)) = line.split_once('\t') {
                for c in kanji.chars() {
                    out.entry(c).or_default().push(reading);
                }
            }
        }
        out
    })
}

fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '々'
}

/// Romanised Japanese as one spelling: long vowels single ("kōfu", "koufu", "kohfu" → "kofu";
/// "ōtani", "ootani" → "otani").
pub fn norm(word: &str) -> String {
    let f = fold(word);
    let mut out = String::with_capacity(f.len());
    let chars: Vec<char> = f.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        out.push(c);
        let next = chars.get(k + 1).copied();
        let after = chars.get(k + 2).copied();
        let long = matches!((c, next), ('o', Some('u' | 'o')) | ('u', Some('u')))
            || (c == 'o' && next == Some('h') && !after.is_some_and(|a| "aeiouy".contains(a)));
        k += if long { 2 } else { 1 };
    }
    out
}

/// The ways kanji `c` may sound in a name: its readings, the stems of its kun readings (two
/// letters or more: "takai" → "taka"), voiced after the first kanji ("ki" → "gi").
fn forms(c: char, voiced: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in readings().get(&c).map_or(&[][..], Vec::as_slice) {
        // Stems before normalising: "ookii" → "oo" → "o".
        let chars: Vec<char> = r.chars().collect();
        for n in 2..=chars.len() {
            out.push(norm(&chars[..n].iter().collect::<String>()));
        }
    }
    if voiced {
        let voiced: Vec<String> = out
            .iter()
            .filter_map(|r| {
                let pairs = [
                    ("k", "g"),
                    ("s", "z"),
                    ("t", "d"),
                    ("h", "b"),
                    ("f", "b"),
                    ("h", "p"),
                    ("ch", "j"),
                    ("sh", "j"),
                ];
                pairs
                    .iter()
                    .find(|(a, _)| r.starts_with(a))
                    .map(|(a, b)| format!("{b}{}", &r[a.len()..]))
            })
            .collect();
        out.extend(voiced);
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `word` (romanised) is the kanji of `name` read one after another.
pub fn reads_as(name: &[char], word: &str) -> bool {
    let w = norm(word);
    if w.len() < 2 || name.is_empty() {
        return false;
    }
    let forms: Vec<Vec<String>> = name
        .iter()
        .enumerate()
        .map(|(i, &c)| forms(c, i > 0))
        .collect();
    // Positions of `w` reachable after each kanji.
    let mut at: Vec<usize> = vec![0];
    for f in &forms {
        let mut next: Vec<usize> = Vec::new();
        for &p in &at {
            for r in f {
                if w[p..].starts_with(r.as_str()) && !next.contains(&(p + r.len())) {
                    next.push(p + r.len());
                }
            }
        }
        if next.is_empty() {
            return false;
        }
        at = next;
    }
    at.contains(&w.len())
}

/// Whether `word` may be `name` read in a way the table does not know ("Watanabe" for 渡辺,
/// "Abe" for 安倍: names have readings of their own): it starts with the first sound of a
/// reading of the first kanji.
pub fn plausible(name: &[char], word: &str) -> bool {
    let w = norm(word);
    name.first().is_some_and(|&c| {
        forms(c, false)
            .iter()
            .any(|r| r.chars().next().is_some_and(|f| w.starts_with(f)))
    })
}

/// The kanji names of a Japanese text: runs of two or three kanji before a place suffix, a
/// title or a form of address.
pub fn names(text: &str) -> Vec<Vec<char>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Vec<char>> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !is_kanji(chars[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && is_kanji(chars[k]) {
            k += 1;
        }
        let run = &chars[start..k];
        let after: String = chars[k..chars.len().min(k + 3)].iter().collect();
        let run_text: String = run.iter().collect();
        let name: Option<&[char]> = if let Some(t) = TITLES.iter().find(|t| run_text.ends_with(**t))
        {
            Some(&run[..run.len() - t.chars().count()])
        } else if run.last().is_some_and(|c| PLACE_SUFFIXES.contains(c)) {
            Some(&run[..run.len() - 1])
        } else if ADDRESS.iter().any(|a| after.starts_with(a)) {
            Some(run)
        } else {
            None
        };
        if let Some(n) = name.filter(|n| (2..=3).contains(&n.len()))
            && !out.iter().any(|o| o.as_slice() == n)
        {
            out.push(n.to_vec());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn names_are_read_from_their_kanji() {
        assert!(reads_as(&n("甲府"), "Kofu"));
        assert!(reads_as(&n("仙台"), "Sendai"));
        assert!(reads_as(&n("喬木"), "Takagi"));
        assert!(reads_as(&n("九州"), "Kyushu"));
        assert!(reads_as(&n("大谷"), "Ohtani"));
        assert!(!reads_as(&n("甲府"), "Japan"));
        assert!(!reads_as(&n("仙台"), "Moscow"));
        assert!(plausible(&n("渡辺"), "Watanabe"));
        assert!(plausible(&n("安倍"), "Abe"));
        assert!(!plausible(&n("渡辺"), "Glitter"));
    }

    #[test]
    fn names_are_what_japanese_marks_as_names() {
        assert_eq!(
            names("甲府市は市内の３０代の男性が感染したと発表しました。"),
            [n("甲府")]
        );
        // "祖母登志美さん" runs "grandmother" into the name: where the name starts is unknown.
        assert_eq!(
            names("渡辺さんの遺体は、祖母登志美さん（８１）"),
            [n("渡辺")]
        );
        assert_eq!(names("大谷選手は9回最後の打者だった"), [n("大谷")]);
        // A common word before a suffix is too short to be a name ("同市", "都市").
        assert!(names("同市の都市計画").is_empty());
    }
}
