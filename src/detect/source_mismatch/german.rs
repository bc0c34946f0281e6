//! Whether a capitalised word of a German source is a common noun or may be a name.
//!
//! German capitalises every noun, so capitals alone do not mark its names. The list in
//! `rules/german-words.txt` (built by `scripts/make_german_words.py` from wordfreq, CC BY-SA
//! 4.0) holds the common German words English does not share: a capitalised word found there,
//! inflected or as part of a compound ("Erntehelfer" = "Ernte" + "Helfer"), is a noun that is
//! translated. A word not found there is a name, a word English shares ("Nantes",
//! "Versailles", "Twitter") or a rare word; the caller asks for other signs as well.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

static WORDS: &str = include_str!("../../../rules/german-words.txt");
static SHARED: &str = include_str!("../../../rules/german-shared.txt");

/// The listed words and their Zipf frequencies in tenths.
fn words() -> &'static HashMap<&'static str, u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| parse(WORDS))
}

/// The words German shares with English and uses as its own ("Kind", "Art", "Land"), from
/// `rules/german-shared.txt`.
fn shared() -> &'static HashMap<&'static str, u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| parse(SHARED))
}

/// Word lists of lines "zipf<TAB>word word …", with '#' comments.
fn parse(list: &'static str) -> HashMap<&'static str, u8> {
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(z, ws)| {
            let tenths = z
                .trim()
                .parse::<f32>()
                .map_or(0, |z| (z * 10.0).round() as u8);
            ws.split(' ')
                .filter(|w| !w.is_empty())
                .map(move |w| (w, tenths))
        })
        .collect()
}

/// Parts of a compound must be common words: Zipf 3.4 or more for the first part (rare words
/// split compounds by chance: "Bisch-keks"), 3.0 for the head.
const PART_ZIPF: u8 = 34;
const HEAD_ZIPF: u8 = 30;

/// Inflectional endings of German nouns and adjectives, longest first.
const ENDINGS: &[&str] = &["ern", "ens", "es", "en", "er", "ns", "s", "n", "e"];

/// Linking elements between the parts of a compound ("Wirtschafts-ministerium").
const LINKS: &[&str] = &["s", "es", "n", "en", "e", "er"];

/// Endings of place names that are also words ("Nel-lingen", "Sachsen-hausen"): not the head
/// of a compound.
const PLACE_ENDINGS: &[&str] = &["ingen", "lingen", "hausen", "hofen", "weiler"];

/// Heads of street names ("Talstraße", "Aidenbachstraße", "Schillerallee").
const STREET_HEADS: &[&str] = &["strasse", "gasse", "allee"];

/// Whether a folded word is the name of a street: a street head after a first part, the whole
/// rare or unlisted ("Hauptstraße" is listed as common and may be any main street).
pub fn is_street(folded: &str) -> bool {
    STREET_HEADS
        .iter()
        .any(|h| folded.strip_suffix(h).is_some_and(|first| first.len() >= 3))
        && words().get(folded).is_none_or(|&z| z < HEAD_ZIPF)
}

/// Whether a folded word ends like a place ("Nellingen", "Sachsenhausen") and is not a
/// common German word.
pub fn is_place(folded: &str, english: &dyn Fn(&str) -> bool) -> bool {
    PLACE_ENDINGS
        .iter()
        .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
        && !is_common(folded, english)
}

/// The Zipf frequency (tenths) of a listed word, or of its stem when it is inflected
/// ("Schirme" is as common as "Schirm").
fn zipf(folded: &str) -> Option<u8> {
    let map = words();
    let stems = ENDINGS.iter().filter_map(|e| {
        folded
            .strip_suffix(e)
            .filter(|stem| stem.len() >= 3)
            .and_then(|stem| map.get(stem).copied())
    });
    map.get(folded).copied().into_iter().chain(stems).max()
}

fn part(folded: &str) -> bool {
    zipf(folded).is_some_and(|z| z >= PART_ZIPF)
}

/// A word as common as one in a hundred thousand or more (Zipf 5), German's own or shared.
fn very_common(folded: &str) -> bool {
    zipf(folded)
        .max(shared().get(folded).copied())
        .is_some_and(|z| z >= 50)
}

fn head(folded: &str) -> bool {
    zipf(folded).is_some_and(|z| z >= HEAD_ZIPF)
}

/// Whether a folded word ("erntehelfer", "diozese") is a common German word: listed,
/// inflected, or a compound whose parts are listed. A part may also be an English word
/// (`english`) that German shares ("Boot-fahren", "Ski-penner"), as long as one part is German.
pub fn is_common(folded: &str, english: &dyn Fn(&str) -> bool) -> bool {
    zipf(folded).is_some() || is_compound(folded, 2, english)
}

/// Whether a folded word English uses as a common word is one German uses as its own too
/// ("kind", "art", "team", "kinder"): not English material like "green" or "hospital", which a
/// German text writes in names and titles ("Black Lives Matter", "Long Bay").
pub fn is_shared(folded: &str) -> bool {
    let map = shared();
    map.contains_key(folded)
        || ENDINGS.iter().any(|e| {
            folded
                .strip_suffix(e)
                .is_some_and(|stem| stem.len() >= 3 && map.contains_key(stem))
        })
}

fn is_compound(folded: &str, depth: usize, english: &dyn Fn(&str) -> bool) -> bool {
    if depth == 0 || !folded.is_ascii() || folded.len() < 7 {
        return false;
    }
    let linked = |first: &str| {
        first.len() >= 4 && part(first)
            || LINKS.iter().any(|l| {
                first
                    .strip_suffix(l)
                    .is_some_and(|f| f.len() >= 4 && part(f))
            })
    };
    // The head is the last part: four letters or more (three for the commonest words:
    // "Käfer-art", "Feier-tag"), itself a word or a compound.
    (3..=folded.len() - 3).any(|k| {
        let (first, head) = folded.split_at(k);
        if PLACE_ENDINGS.contains(&head) || (head.len() == 3 && !very_common(head)) {
            return false;
        }
        let head_german = self::head(head) || (depth > 1 && is_compound(head, depth - 1, english));
        let first_german = linked(first);
        (head_german && (first_german || english(first))) || (first_german && english(head))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_inflections_and_compounds() {
        for w in [
            "richtung",
            "diozese",
            "kurzarbeit",
            "zuschauern",
            "erntehelfer",
            "reihenuntersuchung",
            "fernsehschirme",
            "wirtschaftsministerium",
            "hauptinsel",
        ] {
            assert!(is_common(w, &|_| false), "{w}");
        }
        let english = |w: &str| ["boot", "ski"].contains(&w);
        assert!(is_common("bootfahren", &english));
        assert!(is_common("skipenner", &english));
        assert!(!is_common("bootfahren", &|_| false));
        // Names, and words English shares.
        for w in [
            "nantes",
            "versailles",
            "bischkeks",
            "lantagne",
            "twitter",
            "hershey",
            "nellingen",
        ] {
            assert!(!is_common(w, &|_| false), "{w}");
        }
    }

    #[test]
    fn shared_words_streets_and_places() {
        for w in ["kind", "kinder", "art", "team", "land"] {
            assert!(is_shared(w), "{w}");
        }
        for w in ["green", "hospital", "women", "long", "bay", "versailles"] {
            assert!(!is_shared(w), "{w}");
        }
        assert!(is_street("talstrasse"));
        assert!(is_street("aidenbachstrasse"));
        assert!(!is_street("hauptstrasse"));
        assert!(!is_street("strasse"));
        assert!(is_place("nellingen", &|_| false));
        assert!(!is_place("richtungen", &|_| false));
    }
}
