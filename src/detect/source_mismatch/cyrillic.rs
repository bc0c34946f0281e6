//! Cyrillic in Latin letters (Russian, Ukrainian, Belarusian, Bulgarian, Serbian and
//! Macedonian, in the English way of writing their names: "Путин" → "Putin", "Шойгу" →
//! "Shoygu", "Київ" → "Kyyiv"), so that a Cyrillic source's names are compared as a Latin
//! source's are: by spelling, consonant skeleton and exonyms.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The Latin letters for a lower-case Cyrillic letter; None for any other character.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' => "e",
        'ё' => "yo",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'ѕ' => "dz",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'ќ' => "k",
        'ѓ' => "g",
        'у' => "u",
        'ў' => "w",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Whether a text has Cyrillic letters.
pub fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Russian word forms that are common words, not names (`rules/russian-words.txt`, built by
/// `scripts/make_russian_words.py` from the forms the MLQE-PE Russian sources write in lower
/// case).
static RUSSIAN_WORDS: &str = include_str!("../../../rules/russian-words.txt");

/// The forms of `rules/russian-words.txt`.
fn russian_words() -> impl Iterator<Item = &'static str> {
    RUSSIAN_WORDS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether a Cyrillic word, in any case, is a common Russian word form ("Бога", "Церковь",
/// "Вы"): capitalised, it is a word of respect, an institution or a sentence's first word, not
/// a name.
pub fn is_common(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| russian_words().collect());
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    set.contains(lower.as_str())
}

/// The model of a Cyrillic source's names (`models/cyrillic-names.tsv`, trained by
/// `scripts/train-cyrillic-names.sh`): a logistic regression over the endings and length of a
/// capitalised word the translation seems to lack and the word before it, telling a name the
/// translation lost from a word it translated ("Госдуму", "Пасху", "Вознесение").
static NAME_MODEL: &str = include_str!("../../../models/cyrillic-names.tsv");

struct NameModel {
    bias: f32,
    threshold: f32,
    weights: HashMap<&'static str, f32>,
}

fn name_model() -> &'static NameModel {
    static MODEL: OnceLock<NameModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut m = NameModel {
            bias: 0.0,
            threshold: 0.0,
            weights: HashMap::default(),
        };
        for line in NAME_MODEL.lines().filter(|l| !l.starts_with('#')) {
            let Some((key, value)) = line.split_once('\t') else {
                continue;
            };
            let value: f32 = value.trim().parse().unwrap_or(0.0);
            match key {
                "<bias>" => m.bias = value,
                "<threshold>" => m.threshold = value,
                _ => {
                    m.weights.insert(key, value);
                }
            }
        }
        m
    })
}

/// The features of a candidate name (its words as the source writes them) and the source word
/// before it: the last word's final one, two and three letters and its length, the number of
/// words, the word before (itself when short, else its kind), Latin letters in the name.
/// `scripts/train_cyrillic_names.py` computes the same.
pub fn name_features(name: &[&str], prev: &str) -> Vec<String> {
    let lower = |w: &str| -> Vec<char> {
        w.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ё' { 'е' } else { c })
            .collect()
    };
    let last = lower(name.last().copied().unwrap_or(""));
    let mut out = Vec::with_capacity(8);
    for n in 1..=3 {
        if last.len() >= n {
            let end: String = last[last.len() - n..].iter().collect();
            out.push(format!("e{n}={end}"));
        }
    }
    out.push(format!("len={}", last.len().min(12)));
    out.push(format!("nw={}", name.len().min(3)));
    let p = lower(prev);
    out.push(if p.is_empty() {
        "prev=<none>".to_string()
    } else if prev.chars().next().is_some_and(char::is_uppercase) {
        "prev=<cap>".to_string()
    } else if p.len() <= 3 {
        format!("prev={}", p.iter().collect::<String>())
    } else {
        "prev=<word>".to_string()
    });
    if name
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
    {
        out.push("lat".to_string());
    }
    out
}

/// The probability that a capitalised word group of a Cyrillic source that the translation
/// seems to lack is a name it lost.
pub fn name_probability(name: &[&str], prev: &str) -> f32 {
    let m = name_model();
    let z = m.bias
        + name_features(name, prev)
            .iter()
            .filter_map(|f| m.weights.get(f.as_str()))
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Whether such a group is reported: its probability reaches the model's threshold. With
/// `MTLINT_CYRILLIC_NAMES=all` in the environment every group is (for training the model).
pub fn reports_name(name: &[&str], prev: &str) -> bool {
    static ALL: OnceLock<bool> = OnceLock::new();
    *ALL.get_or_init(|| std::env::var("MTLINT_CYRILLIC_NAMES").is_ok_and(|v| v == "all"))
        || name_probability(name, prev) >= name_model().threshold
}

/// Whether a folded word of a transliterated source is a common Russian word form in Latin
/// letters ("boga" for "Бога"), as [`is_common`] tells of the Cyrillic.
pub fn is_common_latin(folded: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| russian_words().map(to_latin).collect())
        .contains(folded)
}

/// The text with its Cyrillic letters in Latin ones; a capital stays a capital ("Щёлково" →
/// "Shchyolkovo"), and a capital beside another writes all its letters as capitals ("США" →
/// "SSHA", an acronym); everything else is kept as it is.
pub fn to_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_upper = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let next_upper = chars.peek().is_some_and(|n| n.is_uppercase());
        match latin(lower) {
            Some(l) if lower != c && (prev_upper || next_upper) => {
                out.extend(l.chars().flat_map(char::to_uppercase));
            }
            Some(l) if lower != c => {
                let mut cs = l.chars();
                if let Some(first) = cs.next() {
                    out.extend(first.to_uppercase());
                    out.extend(cs);
                }
            }
            Some(l) => out.push_str(l),
            None => out.push(c),
        }
        prev_upper = c.is_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_out_as_english_writes_them() {
        assert_eq!(to_latin("Путин"), "Putin");
        assert_eq!(to_latin("Шойгу"), "Shoygu");
        assert_eq!(to_latin("Москва, 12 мая"), "Moskva, 12 maya");
        assert_eq!(to_latin("Щёлково"), "Shchyolkovo");
        assert_eq!(to_latin("Зеленский"), "Zelenskiy");
        assert_eq!(to_latin("Đoković"), "Đoković");
        assert_eq!(to_latin("США и ЕС"), "SSHA i ES");
        assert!(has_cyrillic("в Киеве"));
        assert!(!has_cyrillic("in Kyiv"));
    }

    #[test]
    fn common_words_are_no_names() {
        // Written in lower case in Russian text, or capitalised by convention.
        assert!(is_common("Церковь"));
        assert!(is_common("Бога"));
        assert!(is_common("Вы"));
        assert!(is_common_latin("tserkov"));
        assert!(!is_common("Путин"));
        assert!(!is_common("Собянин"));
    }

    #[test]
    fn the_name_model_tells_surnames_from_abstract_nouns() {
        assert_eq!(
            name_features(&["Собянин"], "мэр"),
            ["e1=н", "e2=ин", "e3=нин", "len=7", "nw=1", "prev=мэр"]
        );
        let surname = name_probability(&["Собянин"], "мэр");
        let noun = name_probability(&["Вознесение"], "на");
        assert!(surname > noun, "{surname} {noun}");
        assert!(reports_name(&["Собянина"], "у"));
        assert!(!reports_name(&["Вознесение"], "на"));
    }
}
