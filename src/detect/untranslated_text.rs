//! The rule `untranslated-text`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds words the translation left in Dutch or German and words in another script inside an
//! English sentence:
//! - Dutch and German words from `rules/untranslated.tsv` ("und", "nicht", "niet", "het"; "de",
//!   "van", "der" only in a run such as "de regering" or "der die das");
//! - unknown words spelled the German or Dutch way: a lower-case word with an umlaut or ß
//!   ("plötzlich"), German endings and participles ("wichtigen", "gestorben", "zugegeben"),
//!   German noun endings on a capitalised unknown word ("Regierung", "Gesellschaft",
//!   "Argentinien"), Dutch "ij" in a lower-case unknown word ("tijd");
//! - a run of words in a non-Latin script (Chinese, Devanagari, Cyrillic, Arabic …) in a
//!   sentence written in Latin script.
//!
//! "Unknown" means neither the treebank the tagger learnt from nor its morphological lexicon
//! has the word.
//!
//! ## Silent on
//! Names ("van Gogh", "Der Spiegel", "Olivia de Havilland", "Söder"), borrowed phrases ("de
//! facto", "Sturm und Drang", "Al Qaeda"), a gloss in brackets ("Beijing (北京)"), Greek
//! letters used as symbols ("β-blockers").

use super::edit::diagnosis;
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::tag::{Tag, Tagger, features::word_key};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

pub struct UntranslatedText;

static META: RuleMeta = RuleMeta {
    id: "untranslated-text",
    category: Category::Untranslated,
    severity: Severity::Major,
    summary: "Dutch or German words, or words in another script, are left in the English.",
    why: "Machine translation leaves words it does not know in the source language; the \
          reader cannot understand them.",
    fix: "Translate the words.",
    examples: &[
        Example::Bad {
            text: "The man works for the diocese of Nantes und was responsible for the closure.",
            fix: None,
        },
        Example::Bad {
            text: "The Ministry announced that the new demands could nicht be met.",
            fix: None,
        },
        Example::Bad {
            text: "The opposition criticised de regering for its silence.",
            fix: None,
        },
        Example::Bad {
            text: "When a large number of companies plötzlich applied for support, the agency \
                   had to react.",
            fix: None,
        },
        Example::Bad {
            text: "I don't 知道 if you realize that most of the goods are duty free.",
            fix: None,
        },
        Example::Bad {
            text: "Scientists want to understand how planets have формировались since then.",
            fix: None,
        },
        Example::Good("The ceasefire is de facto over."),
        Example::Good("Goethe belonged to the Sturm und Drang movement."),
        Example::Good("The paintings of Vincent van Gogh hang in Amsterdam."),
        Example::Good("Olivia de Havilland moved to California as a toddler."),
        Example::Good("Markus Söder leads the CSU in Bavaria."),
        Example::Good("The terrorist organization Al Qaeda claimed the attack."),
        Example::Good("The city of Beijing (北京) hosted the games."),
        Example::Good("The report appeared in Der Spiegel on Monday."),
        Example::Good("Beta blockers (β-blockers) lower blood pressure."),
        Example::Good("Kinder Morgan bought the pipeline."),
        Example::Good("They met at the Aidenbachstraße subway station."),
    ],
};

/// When a listed word is flagged.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Strong,
    Weak,
    Homograph,
}

struct Entry {
    language: &'static str,
    kind: Kind,
}

static DATA: &str = include_str!("../../rules/untranslated.tsv");

fn parse_line(line: &'static str) -> Option<(&'static str, Entry)> {
    let mut cols = line.split('\t');
    let word = cols.next()?.trim();
    let language = cols.next()?.trim();
    let kind = match cols.next()?.trim() {
        "strong" => Kind::Strong,
        "weak" => Kind::Weak,
        "homograph" => Kind::Homograph,
        _ => return None,
    };
    (!word.is_empty()).then_some((word, Entry { language, kind }))
}

fn is_data_line(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with('#')
}

fn lexicon() -> &'static HashMap<&'static str, Entry> {
    static WORDS: OnceLock<HashMap<&'static str, Entry>> = OnceLock::new();
    WORDS.get_or_init(|| {
        DATA.lines()
            .filter(|l| is_data_line(l))
            .filter_map(parse_line)
            .collect()
    })
}

/// Lines of the word list that do not parse, as "line N: text".
pub fn bad_data_lines() -> Vec<String> {
    DATA.lines()
        .enumerate()
        .filter(|(_, l)| is_data_line(l) && parse_line(l).is_none())
        .map(|(n, l)| format!("rules/untranslated.tsv line {}: {l}", n + 1))
        .collect()
}

/// Borrowed phrases English keeps (lower case, as token sequences).
const BORROWED: &[&[&str]] = &[
    &["de", "facto"],
    &["de", "jure"],
    &["de", "rigueur"],
    &["de", "luxe"],
    &["de", "novo"],
    &["en", "route"],
    &["en", "masse"],
    &["en", "bloc"],
    &["en", "passant"],
    &["sturm", "und", "drang"],
    &["über", "alles"],
    &["die", "hard"],
    &["hoi", "polloi"],
];

/// Whether English (the tagger's treebank or its morphological lexicon) knows the word.
fn is_english(word: &str) -> bool {
    // One lookup: known to the treebank or to the morphological lexicon.
    Tagger::embedded()
        .model()
        .word(word_key(word))
        .is_some_and(|e| e.tags != 0 || e.morph != 0)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{c0}'..='\u{24f}').contains(&c)
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

fn is_greek(c: char) -> bool {
    ('\u{370}'..='\u{3ff}').contains(&c) || c == 'µ'
}

/// A letter in a script other than Latin (Greek letters are symbols in English text).
fn is_other_script(c: char) -> bool {
    c.is_alphabetic() && !is_latin_letter(c) && !is_greek(c)
}

fn has_umlaut(w: &str) -> bool {
    w.contains(['ä', 'ö', 'ü', 'ß'])
}

const GERMAN_ENDINGS: &[&str] = &[
    "igen", "ischen", "lichen", "lich", "ungen", "keit", "heit", "schaft", "weise", "weit",
    "ierte", "ierten", "ieren", "sten", "nden", "igte", "igten", "tzt", "chen", "ete", "eten",
];

const SEPARABLE_PREFIXES: &[&str] = &[
    "", "zu", "an", "aus", "auf", "ein", "mit", "vor", "nach", "ab", "bei", "fest", "zurück", "um",
    "weg", "zusammen",
];

const GERMAN_NOUN_ENDINGS: &[&str] = &[
    "ung",
    "ungen",
    "heit",
    "keit",
    "schaft",
    "ität",
    "ktion",
    "zent",
    "nien",
    "lien",
    "ismus",
    "mitglieder",
    "berater",
    "standort",
    "gemeinschaft",
    "verband",
    "ministerium",
];

/// Endings of German and Dutch place names, which stay as they are.
const PLACE_ENDINGS: &[&str] = &[
    "dorf", "burg", "berg", "stadt", "hausen", "heim", "ingen", "bach", "feld", "brück", "münde",
    "furt", "straße", "strasse", "platz", "gasse", "allee", "ring", "weg",
];

/// Why an unknown word looks Dutch or German, if it does.
fn looks_foreign(w: &str, mid_sentence: bool) -> Option<&'static str> {
    // "anti-Obszönitätsinitiative": judge the parts of a hyphenated word.
    if w.contains('-') {
        return w
            .split('-')
            .filter(|p| !p.is_empty())
            .find_map(|p| looks_foreign_word(p, mid_sentence));
    }
    looks_foreign_word(w, mid_sentence)
}

fn looks_foreign_word(w: &str, mid_sentence: bool) -> Option<&'static str> {
    // "24jährigen": a number written onto the word.
    let w = w.trim_start_matches(|c: char| c.is_ascii_digit());
    let letters = w.chars().count();
    if letters < 4 || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    if w.chars().skip(1).any(char::is_uppercase) || is_english(w) {
        return None;
    }
    let lower = w.to_lowercase();
    if !capitalised {
        if has_umlaut(w) {
            return Some("German");
        }
        if GERMAN_ENDINGS
            .iter()
            .any(|e| lower.ends_with(e) && letters >= e.len() + 4)
        {
            return Some("German");
        }
        let participle = SEPARABLE_PREFIXES.iter().any(|p| {
            lower
                .strip_prefix(p)
                .and_then(|r| r.strip_prefix("ge"))
                .is_some_and(|r| r.len() >= 4 && (r.ends_with('t') || r.ends_with("en")))
        });
        if participle {
            return Some("German");
        }
        if ["cht", "sch", "tz"].iter().any(|c| lower.contains(c)) || lower.ends_with("eren") {
            return Some("German");
        }
        if lower.contains("ij") {
            return Some("Dutch");
        }
        return None;
    }
    if PLACE_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return None;
    }
    // Names with an umlaut ("Schröder", "Müller") end in "-er"; long compounds do not count.
    if has_umlaut(w) && letters >= 8 && (!lower.ends_with("er") || letters >= 12) {
        return Some("German");
    }
    let noun_ending = GERMAN_NOUN_ENDINGS
        .iter()
        .any(|e| lower.ends_with(e) && letters >= e.chars().count() + 3);
    let compass = ["nord", "süd", "ost", "west"]
        .iter()
        .any(|p| lower.starts_with(p) && letters >= p.len() + 4);
    let compound =
        letters >= 14 && !w.contains('-') && (lower.contains("sch") || lower.contains("ei"));
    if noun_ending || (mid_sentence && (compass || compound)) {
        return Some("German");
    }
    None
}

/// A capitalised unknown word standing alone as the head of a noun phrase ("the Fleisch
/// industry", "his Gesicht", "a Kutsche surrounded by") with German spelling (umlaut, "sch",
/// "cht", "tz", "pf"). Names come with other capitalised words ("Kristoffer Schneider").
fn lone_german_noun(v: &SentenceView, i: usize) -> bool {
    let w = v.words[i];
    let lower = v.lower(i);
    i > 0
        && capitalised(w)
        && w.chars().count() >= 5
        && w.chars().all(char::is_alphabetic)
        && !w.chars().skip(1).any(char::is_uppercase)
        && matches!(
            v.tag(i - 1),
            Some(Tag::DT | Tag::PRPS | Tag::POS | Tag::JJ | Tag::JJS | Tag::JJR)
        )
        && !capitalised(v.words[i - 1])
        && v.words.get(i + 1).is_none_or(|n| !capitalised(n))
        && (has_umlaut(lower) || ["sch", "cht", "tz", "pf"].iter().any(|c| lower.contains(c)))
        && !PLACE_ENDINGS.iter().any(|e| lower.ends_with(e))
        && !is_english(w)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn language_name(code: &str) -> &'static str {
    match code {
        "de" => "German",
        "nl" => "Dutch",
        _ => "Dutch or German",
    }
}

impl UntranslatedText {
    fn other_script(v: &SentenceView, out: &mut Vec<Diagnosis>) {
        let mut latin = 0usize;
        let mut other = 0usize;
        for w in &v.words {
            if w.chars().any(is_latin_letter) {
                latin += 1;
            }
            if w.chars().any(is_other_script) {
                other += 1;
            }
        }
        if other == 0 || latin < 3 {
            return;
        }
        let mut i = 0;
        while i < v.len() {
            if !v.words[i].chars().any(is_other_script) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < v.len() && v.words[j].chars().any(is_other_script) {
                j += 1;
            }
            let gloss = i > 0 && v.words[i - 1] == "(" && v.words.get(j) == Some(&")");
            if !gloss {
                let text = v.slice(i, j);
                out.push(diagnosis(
                    v,
                    i,
                    j,
                    format!("'{text}' is not in English: translate it."),
                    None,
                    0.9,
                ));
            }
            i = j;
        }
    }

    fn source_words(v: &SentenceView, out: &mut Vec<Diagnosis>) {
        let words = lexicon();
        let n = v.len();
        // Per token: the language if it counts as a source word here, with its strength.
        let mut marks: Vec<Option<(&str, Kind)>> = vec![None; n];
        let mut i = 0;
        while i < n {
            if let Some(b) = BORROWED
                .iter()
                .find(|b| b.iter().enumerate().all(|(k, w)| v.lower(i + k) == *w))
            {
                i += b.len();
                continue;
            }
            let w = v.words[i];
            let in_name =
                i > 0 && capitalised(v.words[i - 1]) && i + 1 < n && capitalised(v.words[i + 1]);
            // A capitalised word before another is a name ("Kinder Morgan").
            let name_start = capitalised(w) && i + 1 < n && capitalised(v.words[i + 1]);
            if let Some(e) = words.get(v.lower(i))
                && !in_name
                && !name_start
                && !(capitalised(w) && i > 0 && e.kind != Kind::Strong)
            {
                marks[i] = Some((language_name(e.language), e.kind));
            } else if let Some(lang) = looks_foreign(w, i > 0) {
                marks[i] = Some((lang, Kind::Strong));
            } else if lone_german_noun(v, i) {
                marks[i] = Some(("German", Kind::Strong));
            } else if !capitalised(w)
                && i > 0
                && marks[i - 1].is_some_and(|(_, k)| k != Kind::Homograph)
                && w.chars().all(char::is_alphabetic)
                && !is_english(w)
            {
                // An unknown word after a source word: "de regering".
                marks[i] = Some((marks[i - 1].map_or("", |m| m.0), Kind::Weak));
            }
            i += 1;
        }
        // Runs of marked words; a run counts when it has a strong word or two source words,
        // and does not end before a capitalised name.
        let mut i = 0;
        while i < n {
            if marks[i].is_none_or(|(_, k)| k == Kind::Homograph) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n && marks[j].is_some() {
                j += 1;
            }
            // A homograph at the end of a run is English again ("van de die").
            while j > i + 1 && marks[j - 1].is_some_and(|(_, k)| k == Kind::Homograph) {
                j -= 1;
            }
            let strong = (i..j).any(|k| marks[k].is_some_and(|(_, kind)| kind == Kind::Strong));
            let before_name = j < n && capitalised(v.words[j]) && j - i == 1 && !strong;
            if (strong || j - i >= 2) && !before_name {
                let lang = marks[i].map_or("Dutch or German", |m| m.0);
                let text = v.slice(i, j);
                out.push(diagnosis(
                    v,
                    i,
                    j,
                    format!("'{text}' looks {lang}, left untranslated: translate it."),
                    None,
                    if strong { 0.8 } else { 0.6 },
                ));
            }
            i = j;
        }
    }
}

impl Detector for UntranslatedText {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        Self::other_script(v, out);
        Self::source_words(v, out);
    }
}
