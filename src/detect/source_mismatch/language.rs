//! The language of a source text: its script, then, among the languages written in that script,
//! the one whose small words it has most of. The languages and their small words are data
//! (`rules/languages.tsv`), so a linguist adds a language without touching the code.

use std::collections::HashMap;
use std::sync::OnceLock;

static TABLE: &str = include_str!("../../../rules/languages.tsv");
static ENDINGS: &str = include_str!("../../../rules/case-endings.tsv");
static NAME_ENDINGS: &str = include_str!("../../../rules/name-endings.tsv");
static CAPITALISED: &str = include_str!("../../../rules/capitalised-words.tsv");

/// A language of `rules/languages.tsv`.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code ("pl").
    pub code: &'static str,
    /// English name ("Polish").
    pub name: &'static str,
    pub script: &'static str,
    /// Every noun starts with a capital (German).
    pub nouns_capitalised: bool,
    small_words: Vec<&'static str>,
    /// Letters the language uses and most others of its script do not.
    letters: Vec<char>,
    /// Endings glued to words (`rules/case-endings.tsv`), longest first.
    pub endings: Vec<&'static str>,
    /// Case endings of names (`rules/name-endings.tsv`, folded), longest first.
    name_endings: Vec<&'static str>,
    /// Common nouns it capitalises by convention (`rules/capitalised-words.tsv`, folded).
    capitalised: Vec<&'static str>,
}

struct Languages {
    all: Vec<Language>,
    /// Small word → the languages (indices) that have it.
    small: HashMap<&'static str, Vec<usize>>,
}

fn languages() -> &'static Languages {
    static L: OnceLock<Languages> = OnceLock::new();
    L.get_or_init(|| {
        let mut all = Vec::new();
        for line in TABLE.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            all.push(Language {
                code: f[0],
                name: f[1],
                script: f[2],
                nouns_capitalised: f[3].split(',').any(|x| x == "nouns-capitalised"),
                small_words: f
                    .get(4)
                    .map(|w| w.split(' ').filter(|w| !w.is_empty()).collect())
                    .unwrap_or_default(),
                letters: f
                    .get(5)
                    .map(|w| w.split(' ').filter_map(|l| l.chars().next()).collect())
                    .unwrap_or_default(),
                endings: Vec::new(),
                name_endings: Vec::new(),
                capitalised: Vec::new(),
            });
        }
        for line in ENDINGS.lines().filter(|l| !l.starts_with('#')) {
            if let Some((code, endings)) = line.split_once('\t')
                && let Some(l) = all.iter_mut().find(|l| l.code == code)
            {
                l.endings = endings.split(' ').filter(|e| !e.is_empty()).collect();
                l.endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
            }
        }
        for line in NAME_ENDINGS.lines().filter(|l| !l.starts_with('#')) {
            if let Some((code, endings)) = line.split_once('\t')
                && let Some(l) = all.iter_mut().find(|l| l.code == code)
            {
                l.name_endings = endings.split(' ').filter(|e| !e.is_empty()).collect();
                l.name_endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
            }
        }
        for line in CAPITALISED.lines().filter(|l| !l.starts_with('#')) {
            if let Some((code, words)) = line.split_once('\t')
                && let Some(l) = all.iter_mut().find(|l| l.code == code)
            {
                l.capitalised = words.split(' ').filter(|w| !w.is_empty()).collect();
            }
        }
        let mut small: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, l) in all.iter().enumerate() {
            for w in &l.small_words {
                let v = small.entry(*w).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        Languages { all, small }
    })
}

impl Language {
    /// A word without the endings glued to it, one after another ("आर्यहरूमा" → "आर्य"),
    /// keeping at least two letters; the word itself when none is.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        let mut w = word;
        'strip: for _ in 0..3 {
            for e in &self.endings {
                if let Some(s) = w.strip_suffix(e)
                    && s.chars().count() >= 2
                {
                    w = s;
                    continue 'strip;
                }
            }
            break;
        }
        w
    }

    /// Whether the language capitalises this (folded) common noun by convention ("gobierno").
    pub fn capitalises_by_convention(&self, folded: &str) -> bool {
        self.capitalised.contains(&folded)
    }

    /// A folded name without its case endings, up to two ("saksamaal" → "saksamaa",
    /// "eestisse" → "eesti"), keeping at least four letters; None when none comes off.
    pub fn name_stem<'a>(&self, folded: &'a str) -> Option<&'a str> {
        let mut w = folded;
        for _ in 0..2 {
            match self
                .name_endings
                .iter()
                .find_map(|e| w.strip_suffix(e).filter(|s| s.chars().count() >= 4))
            {
                Some(s) => w = s,
                None => break,
            }
        }
        (w.len() < folded.len()).then_some(w)
    }
}

/// The language with this code (`--source-lang pl`), or this English name.
pub fn by_code(code: &str) -> Option<&'static Language> {
    languages()
        .all
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(code) || l.name.eq_ignore_ascii_case(code))
}

/// The script of a letter, as `rules/languages.tsv` names it; None for a letter of a script
/// the table does not name (and for anything that is not a letter).
pub fn script_of_char(c: char) -> Option<&'static str> {
    let u = c as u32;
    Some(match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => "Latin",
        0x370..=0x3FF | 0x1F00..=0x1FFF => "Greek",
        0x400..=0x52F => "Cyrillic",
        0x530..=0x58F => "Armenian",
        0x590..=0x5FF => "Hebrew",
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => "Arabic",
        0x900..=0x97F => "Devanagari",
        0x980..=0x9FF => "Bengali",
        0xB80..=0xBFF => "Tamil",
        0xD80..=0xDFF => "Sinhala",
        0xE00..=0xE7F => "Thai",
        0x10A0..=0x10FF => "Georgian",
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => "Kana",
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => "Hangul",
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => "Han",
        _ => return None,
    })
}

/// The script most of a text's letters are written in (a Han character counting three
/// letters, as it carries about as much), "Japanese" for Han with kana; None without letters.
pub fn script_of_text(text: &str) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    let mut kana = 0;
    for c in text.chars() {
        let Some(s) = script_of_char(c) else { continue };
        let (s, weight) = match s {
            "Kana" => {
                kana += 1;
                ("Han", 1)
            }
            "Han" => ("Han", 3),
            s => (s, 1),
        };
        match counts.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += weight,
            None => counts.push((s, weight)),
        }
    }
    // The first of equal counts: the order the text shows them in.
    let best = counts
        .iter()
        .fold(None, |best: Option<(&str, usize)>, &(s, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((s, n)),
        })?
        .0;
    Some(if best == "Han" && kana > 0 {
        "Japanese"
    } else {
        best
    })
}

/// The language of a source text (read from its start): the one language of its script, or the
/// one whose small words, endings and letters it has most of (of equals, the first in the
/// table); None when no language of the script has any.
pub fn detect(text: &str) -> Option<&'static Language> {
    // The first 2,000 bytes tell as well as a whole article.
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let script = script_of_text(text)?;
    let langs = languages();
    let of_script: Vec<usize> = (0..langs.all.len())
        .filter(|&i| langs.all[i].script == script)
        .collect();
    match of_script.as_slice() {
        [] => return None,
        [one] => return Some(&langs.all[*one]),
        _ => {}
    }
    // A small word counts for each language that has it, the less the more languages share it
    // ("ja" is Estonian and Finnish, "että" Finnish alone).
    let mut hits = vec![0.0f32; langs.all.len()];
    let mut lower = String::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\u{200C}' || c == '\u{200D}'))
        .filter(|w| !w.is_empty())
    {
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if let Some(ls) = langs.small.get(lower.as_str()) {
            for &i in ls {
                hits[i] += 1.0 / ls.len() as f32;
            }
        }
        // Endings a language glues to words ("रामलाई") count a quarter as much.
        let glued: Vec<usize> = of_script
            .iter()
            .copied()
            .filter(|&i| {
                langs.all[i]
                    .endings
                    .iter()
                    .any(|e| lower.len() > e.len() + 3 && lower.ends_with(e))
            })
            .collect();
        for &i in &glued {
            hits[i] += 0.25 / glued.len() as f32;
        }
    }
    // Letters only some languages of the script use count half a small word each.
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            continue;
        }
        let having: Vec<usize> = of_script
            .iter()
            .copied()
            .filter(|&i| langs.all[i].letters.contains(&c))
            .collect();
        for &i in &having {
            hits[i] += 0.5 / having.len() as f32;
        }
    }
    // Of equals, the one the table lists first (Czech before Slovak, Russian before
    // Ukrainian): close relatives, whose number words and endings are alike.
    let mut best: Option<usize> = None;
    for &i in &of_script {
        if best.is_none_or(|b| hits[i] > hits[b]) {
            best = Some(i);
        }
    }
    let b = best?;
    (hits[b] > 0.0).then(|| &langs.all[b])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<&'static str> {
        detect(text).map(|l| l.code)
    }

    #[test]
    fn the_table_loads_with_a_script_for_every_language() {
        let l = languages();
        assert!(l.all.len() >= 40);
        for lang in &l.all {
            assert!(
                "Latin Cyrillic Greek Arabic Hebrew Devanagari Han Japanese Hangul Thai Bengali \
                 Sinhala Tamil Georgian Armenian"
                    .split(' ')
                    .any(|s| s == lang.script),
                "{}: unknown script {}",
                lang.code,
                lang.script
            );
        }
        assert!(by_code("de").unwrap().nouns_capitalised);
        assert!(!by_code("Polish").unwrap().nouns_capitalised);
    }

    #[test]
    fn languages_are_told_by_script_and_small_words() {
        assert_eq!(
            code("Die Regierung hat am Montag beschlossen, dass die Steuern steigen."),
            Some("de")
        );
        assert_eq!(
            code("Sąd uznał, że oskarżony nie był winny i został uniewinniony przez sędziów."),
            Some("pl")
        );
        assert_eq!(
            code("Předtím se vláda rozhodla, že daně nezvýší, ale nakonec je zvýšila."),
            Some("cs")
        );
        assert_eq!(
            code("Le gouvernement a décidé que les impôts ne seront pas augmentés."),
            Some("fr")
        );
        assert_eq!(
            code("El gobierno decidió que los impuestos no subirán este año."),
            Some("es")
        );
        assert_eq!(
            code("Правительство решило, что налоги не вырастут."),
            Some("ru")
        );
        // Letters tell what the small words cannot ("ы" Russian, "і" Ukrainian).
        assert_eq!(
            code("Россиянину Буркову грозит до 80 лет тюрьмы."),
            Some("ru")
        );
        assert_eq!(code("Україна і Польща підписали угоду."), Some("uk"));
        assert_eq!(
            code("甲府市は市内の３０代の男性が感染したと発表しました。"),
            Some("ja")
        );
        assert_eq!(
            code("新加坡总理表示，新加坡将继续与中美两国保持良好关系。"),
            Some("zh")
        );
        assert_eq!(
            code("तीसरे नंबर पर कोहली को भविष्य का सचिन तेंदुलकर माना जा रहा है।"),
            Some("hi")
        );
        assert_eq!(code("서울시는 오늘 새로운 정책을 발표했다."), Some("ko"));
    }

    #[test]
    fn case_endings_of_names_come_off() {
        let et = by_code("et").unwrap();
        assert_eq!(et.name_stem("saksamaal"), Some("saksamaa"));
        assert_eq!(et.name_stem("eestisse"), Some("eesti"));
        // At least four letters stay.
        assert_eq!(et.name_stem("riias"), Some("riia"));
        assert_eq!(et.name_stem("tal"), None);
        assert_eq!(
            by_code("fi").unwrap().name_stem("helsingissa"),
            Some("helsingi")
        );
        assert_eq!(by_code("pl").unwrap().name_stem("warszawa"), None);
    }

    #[test]
    fn glued_endings_come_off() {
        let ne = by_code("ne").unwrap();
        assert_eq!(ne.stem("आर्यहरूमा"), "आर्य");
        assert_eq!(ne.stem("रामलाई"), "राम");
        assert_eq!(ne.stem("को"), "को");
        assert_eq!(by_code("pl").unwrap().stem("Warszawy"), "Warszawy");
    }

    #[test]
    fn no_language_without_evidence() {
        assert_eq!(code(""), None);
        assert_eq!(code("12 345"), None);
        // Names only: no small word of any Latin language.
        assert_eq!(code("Lockheed Martin Boeing"), None);
    }
}
