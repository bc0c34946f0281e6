//! Names against a Hindi source, through a table of well-known names and their Hindi spellings.
//!
//! Hindi writes no capitals, so nothing in the letters marks a name. Names that are
//! transliterated ("कोहली", Kohli) can be heard through consonant skeletons once a word is known
//! to be a name, but a missing one has to be recognised in the source first. The table
//! `rules/hindi-names.tsv` holds countries, regions, cities, organisations, people and brands
//! with their Hindi forms ("भारत", "संयुक्त राष्ट्र") and the English forms a translation may use
//! ("india", "indian", "unitednations", "un").

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::names::{devanagari_skeleton, latin_skeleton};

static NAMES: &str = include_str!("../../../rules/hindi-names.tsv");

/// One name of the table: its English forms (folded) and its Hindi forms.
#[derive(Debug)]
pub struct Entry {
    pub english: Vec<&'static str>,
    pub hindi: Vec<&'static str>,
}

struct Table {
    entries: Vec<Entry>,
    /// Each Hindi form by its first word: the form and its entry's index.
    by_first_word: HashMap<&'static str, Vec<(&'static str, usize)>>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let entries: Vec<Entry> = NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (en, hi) = l.split_once('\t')?;
                Some(Entry {
                    english: en
                        .split('|')
                        .map(str::trim)
                        .filter(|e| !e.is_empty())
                        .collect(),
                    hindi: hi
                        .split('|')
                        .map(str::trim)
                        .filter(|h| !h.is_empty())
                        .collect(),
                })
            })
            .collect();
        let mut by_first_word: HashMap<&'static str, Vec<(&'static str, usize)>> = HashMap::new();
        for (k, e) in entries.iter().enumerate() {
            for &form in &e.hindi {
                let first = form.split(' ').next().unwrap_or(form);
                by_first_word.entry(first).or_default().push((form, k));
            }
        }
        Table {
            entries,
            by_first_word,
        }
    })
}

static TITLES: &str = include_str!("../../../rules/hindi-titles.txt");

/// The words of `rules/hindi-titles.txt` by section.
struct Titles {
    address: HashSet<&'static str>,
    office: HashSet<&'static str>,
    common: HashSet<&'static str>,
}

fn titles() -> &'static Titles {
    static T: OnceLock<Titles> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Titles {
            address: HashSet::new(),
            office: HashSet::new(),
            common: HashSet::new(),
        };
        let mut section = "";
        for line in TITLES.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            match section {
                "address" => t.address.insert(line),
                "office" => t.office.insert(line),
                "common" => t.common.insert(line),
                _ => false,
            };
        }
        t
    })
}

/// A form of address before a name (श्री, सुश्री, डॉ).
pub fn is_address(word: &str) -> bool {
    titles().address.contains(word)
}

/// A title of office before a name (मंत्री, कमिश्नर).
pub fn is_office(word: &str) -> bool {
    titles().office.contains(word)
}

static WORDS: &str = include_str!("../../../rules/hindi-words.txt");

/// Whether a word is one of the Hindi words of the frequency list (`rules/hindi-words.txt`).
pub fn is_frequent(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
    .contains(word)
}

/// A frequent word that follows a title without being a name (ने, पद, चुनाव).
pub fn is_common(word: &str) -> bool {
    titles().common.contains(word)
}

/// A letter or sign of the Devanagari block (not its punctuation or digits).
fn is_devanagari_letter(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0963 | 0x0971..=0x097F)
}

/// Endings a name takes in the oblique plural ("भारतीयों").
const ENDINGS: &[&str] = &["ों"];

/// The names of the table in a source text, longest first where two overlap: each as the
/// Hindi form found and its entry. Each word of the source is looked up once (with and
/// without an ending), so the cost is linear in the text.
pub fn names_in(src: &str) -> Vec<(&'static str, &'static Entry)> {
    let t = table();
    let mut found: Vec<(usize, usize, &'static str, usize)> = Vec::new();
    let mut at = 0;
    for word in src.split(|c: char| !is_devanagari_letter(c)) {
        let start = at;
        at += word.len()
            + src[at + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if word.is_empty() {
            continue;
        }
        let stems =
            std::iter::once(word).chain(ENDINGS.iter().filter_map(|e| word.strip_suffix(e)));
        for stem in stems {
            let Some(forms) = t.by_first_word.get(stem) else {
                continue;
            };
            for &(form, k) in forms {
                // A form of several words: the rest must follow as written, ending a word.
                let end = if form.len() == stem.len() {
                    Some(start + word.len())
                } else {
                    src[start..]
                        .starts_with(form)
                        .then_some(start + form.len())
                        .filter(|&e| !src[e..].chars().next().is_some_and(is_devanagari_letter))
                };
                if let Some(end) = end {
                    found.push((start, end, form, k));
                }
            }
        }
    }
    // Longest first; a name inside a longer one ("अमेरिका" in "संयुक्त राज्य अमेरिका") is that name.
    found.sort_by_key(|&(a, b, _, _)| (std::cmp::Reverse(b - a), a));
    let mut kept: Vec<(usize, usize, &'static str, usize)> = Vec::new();
    for f in found {
        if kept.iter().all(|k| f.1 <= k.0 || k.1 <= f.0) {
            kept.push(f);
        }
    }
    kept.sort_by_key(|k| k.0);
    kept.into_iter()
        .map(|(_, _, form, k)| (form, &t.entries[k]))
        .collect()
}

/// Whether a translation (its words folded, and its capitalised words folded) has a name of the
/// table: one of its English forms (also possessive, "indias", or written in two or three
/// words, "new delhi"), or a capitalised word that sounds like the Hindi form.
pub fn found_in(entry: &Entry, form: &str, folded: &[String], capitalised: &[String]) -> bool {
    let english = |w: &str| {
        entry
            .english
            .iter()
            .any(|e| w == *e || (e.len() >= 4 && w.starts_with(e) && w.len() <= e.len() + 2))
    };
    let joined = |n: usize| folded.windows(n).any(|p| english(&p.concat()));
    let skeleton = devanagari_skeleton(&form.replace(' ', ""));
    folded.iter().any(|w| english(w))
        || joined(2)
        || joined(3)
        || (skeleton.chars().count() >= 2
            && capitalised.iter().any(|w| latin_skeleton(w) == skeleton))
}

/// For an English name (folded, several words as one): whether the table knows it and one of
/// its Hindi forms is in the source (`None` when the table does not know it).
pub fn table_says(src: &str, folded: &str) -> Option<bool> {
    let mut known = false;
    for entry in table()
        .entries
        .iter()
        .filter(|e| e.english.contains(&folded))
    {
        known = true;
        if entry.hindi.iter().any(|h| src.contains(h)) {
            return Some(true);
        }
    }
    known.then_some(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase()
            })
            .collect()
    }

    #[test]
    fn titles_by_section() {
        assert!(is_address("श्री") && !is_office("श्री"));
        assert!(is_office("कमिश्नर") && is_common("ने") && !is_common("गिल"));
        // Every section has words, and no word is in two.
        let t = titles();
        assert!(!t.address.is_empty() && !t.office.is_empty() && !t.common.is_empty());
        assert!(
            t.office
                .iter()
                .all(|w| !t.common.contains(w) && !t.address.contains(w))
        );
    }

    #[test]
    fn table_is_well_formed() {
        assert!(table().entries.len() > 100);
        for e in &table().entries {
            assert!(!e.english.is_empty() && !e.hindi.is_empty(), "{e:?}");
            for en in &e.english {
                assert!(en.chars().all(|c| c.is_ascii_lowercase()), "{en}");
            }
        }
    }

    #[test]
    fn names_of_a_hindi_source() {
        let src = "भारत और पाकिस्तान के बीच बातचीत संयुक्त राष्ट्र में हुई।";
        let names: Vec<&str> = names_in(src).iter().map(|(f, _)| *f).collect();
        assert!(
            names.contains(&"भारत") && names.contains(&"पाकिस्तान"),
            "{names:?}"
        );
        // Inside another word it is no name ("भारती" is not "भारत").
        assert!(names_in("भारती ने कहा").iter().all(|(f, _)| *f != "भारत"));
        // A name of several words, and a plural ending.
        let names: Vec<&str> = names_in("वे पोलैंडों से संयुक्त राष्ट्र में मिले")
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(names, vec!["पोलैंड", "संयुक्त राष्ट्र"]);
        let found = |target: &str| {
            let folded = words(target);
            names_in(src)
                .iter()
                .all(|(f, e)| found_in(e, f, &folded, &folded))
        };
        assert!(found(
            "Talks between India and Pakistan took place at the United Nations."
        ));
        assert!(!found(
            "Talks between India and the neighbour took place at the United Nations."
        ));
        assert_eq!(table_says(src, "india"), Some(true));
        assert_eq!(table_says(src, "germany"), Some(false));
        assert_eq!(table_says(src, "lantagne"), None);
    }
}
