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
static KATAKANA: &str = include_str!("../../../rules/japanese-katakana.txt");
static NAMES: &str = include_str!("../../../rules/japanese-names.tsv");
static CUES: &str = include_str!("../../../rules/japanese-name-cues.txt");

/// The words that follow a name (`rules/japanese-name-cues.txt`), longest first.
fn name_cues() -> &'static [&'static str] {
    static C: OnceLock<Vec<&'static str>> = OnceLock::new();
    C.get_or_init(|| {
        let mut cues: Vec<&'static str> = CUES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        cues.sort_by_key(|c| std::cmp::Reverse(c.len()));
        cues
    })
}

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

/// Whether `c` is kana: hiragana, katakana or the long-vowel mark.
pub fn is_kana(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c) || is_katakana(c)
}

fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー'
}

/// The Hepburn syllable of one kana (hiragana read as its katakana); small kana and the
/// marks of a long vowel or a doubled consonant are handled by [`romanise`].
fn syllable(c: char) -> &'static str {
    let c = if ('\u{3041}'..='\u{3096}').contains(&c) {
        char::from_u32(c as u32 + 0x60).unwrap_or(c)
    } else {
        c
    };
    const ROWS: &[(char, &str)] = &[
        ('ア', "a"),
        ('イ', "i"),
        ('ウ', "u"),
        ('エ', "e"),
        ('オ', "o"),
        ('カ', "ka"),
        ('キ', "ki"),
        ('ク', "ku"),
        ('ケ', "ke"),
        ('コ', "ko"),
        ('ガ', "ga"),
        ('ギ', "gi"),
        ('グ', "gu"),
        ('ゲ', "ge"),
        ('ゴ', "go"),
        ('サ', "sa"),
        ('シ', "shi"),
        ('ス', "su"),
        ('セ', "se"),
        ('ソ', "so"),
        ('ザ', "za"),
        ('ジ', "ji"),
        ('ズ', "zu"),
        ('ゼ', "ze"),
        ('ゾ', "zo"),
        ('タ', "ta"),
        ('チ', "chi"),
        ('ツ', "tsu"),
        ('テ', "te"),
        ('ト', "to"),
        ('ダ', "da"),
        ('ヂ', "ji"),
        ('ヅ', "zu"),
        ('デ', "de"),
        ('ド', "do"),
        ('ナ', "na"),
        ('ニ', "ni"),
        ('ヌ', "nu"),
        ('ネ', "ne"),
        ('ノ', "no"),
        ('ハ', "ha"),
        ('ヒ', "hi"),
        ('フ', "fu"),
        ('ヘ', "he"),
        ('ホ', "ho"),
        ('バ', "ba"),
        ('ビ', "bi"),
        ('ブ', "bu"),
        ('ベ', "be"),
        ('ボ', "bo"),
        ('パ', "pa"),
        ('ピ', "pi"),
        ('プ', "pu"),
        ('ペ', "pe"),
        ('ポ', "po"),
        ('マ', "ma"),
        ('ミ', "mi"),
        ('ム', "mu"),
        ('メ', "me"),
        ('モ', "mo"),
        ('ヤ', "ya"),
        ('ユ', "yu"),
        ('ヨ', "yo"),
        ('ラ', "ra"),
        ('リ', "ri"),
        ('ル', "ru"),
        ('レ', "re"),
        ('ロ', "ro"),
        ('ワ', "wa"),
        ('ヰ', "i"),
        ('ヱ', "e"),
        ('ヲ', "o"),
        ('ン', "n"),
        ('ヴ', "vu"),
        ('ァ', "a"),
        ('ィ', "i"),
        ('ゥ', "u"),
        ('ェ', "e"),
        ('ォ', "o"),
        ('ャ', "ya"),
        ('ュ', "yu"),
        ('ョ', "yo"),
        ('ヮ', "wa"),
        ('ヵ', "ka"),
        ('ヶ', "ke"),
    ];
    ROWS.iter().find(|(k, _)| *k == c).map_or("", |(_, r)| r)
}

/// Kana in Latin letters, Hepburn style, long vowels written once ("ブランビーズ" →
/// "buranbizu", "キャンペーン" → "kyanpen", "フェラーリ" → "ferari").
pub fn romanise(kana: &[char]) -> String {
    let mut out = String::with_capacity(kana.len() * 2);
    for &c in kana {
        match c {
            // A long vowel or a doubled consonant: nothing of its own to hear.
            'ー' | 'ッ' | 'っ' => {}
            'ャ' | 'ュ' | 'ョ' | 'ゃ' | 'ゅ' | 'ょ' => {
                // "ki" + "ya" → "kya"; "shi" + "ya" → "sha".
                let r = syllable(c);
                if out.ends_with('i') {
                    out.pop();
                    if out.ends_with("sh") || out.ends_with("ch") || out.ends_with('j') {
                        out.push_str(&r[1..]);
                    } else {
                        out.push_str(r);
                    }
                } else {
                    out.push_str(r);
                }
            }
            'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' => {
                // "fu" + "e" → "fe", "te" + "i" → "ti", "u" + "i" → "wi".
                let r = syllable(c);
                if out.ends_with(['a', 'i', 'u', 'e', 'o']) {
                    out.pop();
                    if out.is_empty() || out.ends_with(['a', 'i', 'u', 'e', 'o', 'n']) {
                        out.push('w');
                    }
                }
                out.push_str(r);
            }
            _ => out.push_str(syllable(c)),
        }
    }
    out
}

/// The consonant classes of romanised Japanese, as [`english_classes`] writes an English
/// word's: vowels, 'h', 'w' and 'y' unheard, repeats collapsed ("buranbizu" → "PLNPS").
pub fn romaji_classes(r: &str) -> String {
    let b = r.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let two = &r[i..(i + 2).min(r.len())];
        let (class, step) = match two {
            "sh" | "ch" => ("S", 2),
            "ts" => ("T", 2),
            _ => (
                match b[i] {
                    b'k' | b'g' => "K",
                    b's' | b'z' | b'j' => "S",
                    b't' | b'd' => "T",
                    b'n' | b'm' => "N",
                    b'b' | b'p' | b'f' | b'v' => "P",
                    b'r' | b'l' => "L",
                    _ => "",
                },
                1,
            ),
        };
        if !class.is_empty() && !out.ends_with(class) {
            out.push_str(class);
        }
        i += step;
    }
    out
}

/// The consonant classes of a folded English word as Japanese writes it, three ways: with an
/// 'r' after a vowel unheard ("Carter" is カーター, kātā), a soft 'g' and "th" as 's'
/// ("George", ジョージ; "Smith", スミス) and "kh" as 'h' ("Kharkiv", ハルキウ); with every
/// 'r' heard, 'g' hard and "th" as 't' ("Thomas", トーマス); and with every 'r' heard but the
/// rest soft.
pub fn english_classes(w: &str) -> [String; 3] {
    [
        classes_of(w, true, true),
        classes_of(w, false, false),
        classes_of(w, false, true),
    ]
}

fn classes_of(w: &str, drop_r: bool, soft: bool) -> String {
    let w: Vec<char> = w.chars().collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out = String::new();
    let mut i = 0;
    while i < w.len() {
        let c = w[i];
        let next = w.get(i + 1).copied().unwrap_or(' ');
        let after = w.get(i + 2).copied().unwrap_or(' ');
        let front = matches!(next, 'e' | 'i' | 'y');
        let (class, step) = match (c, next) {
            ('s' | 't', 'c') if after == 'h' => ("S", 3),
            ('c', 'h') if after == 'r' => ("K", 2),
            ('c' | 's', 'h') => ("S", 2),
            ('t', 'h') => (if soft { "S" } else { "T" }, 2),
            ('p', 'h') => ("P", 2),
            ('g', 'h') => ("", 2),
            ('k', 'h') if soft => ("", 2),
            ('c', 'k') | ('k', 'h') | ('q', 'u') => ("K", 2),
            ('c', _) if front => ("S", 1),
            ('g', _) if front && soft => ("S", 1),
            ('c' | 'k' | 'g' | 'q', _) => ("K", 1),
            ('r', _) if drop_r && i > 0 && vowel(w[i - 1]) && !vowel(next) && next != 'r' => {
                ("", 1)
            }
            ('x', _) => ("KS", 1),
            ('s' | 'z' | 'j', _) => ("S", 1),
            ('t' | 'd', _) => ("T", 1),
            ('p' | 'b' | 'f' | 'v', _) => ("P", 1),
            ('m' | 'n', _) => ("N", 1),
            ('l' | 'r', _) => ("L", 1),
            _ => ("", 1),
        };
        for k in class.chars() {
            if !out.ends_with(k) {
                out.push(k);
            }
        }
        i += step;
    }
    out
}

/// Whether two class strings may be one name: equal, one class off in names of three classes
/// or more (two in six or more), or a loanword cut short ("イラスト", irasuto, for
/// "illustration").
fn classes_alike(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let n = a.len().min(b.len());
    // A final consonant unwritten ("Kharkiv" is ハルキウ, harukiu).
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if n >= 2 && long.len() == n + 1 && long.starts_with(short) {
        return true;
    }
    if n < 3 {
        return false;
    }
    let d = strsim::levenshtein(a, b);
    d <= 1 || (n >= 6 && d <= 2) || a.starts_with(b) || b.starts_with(a)
}

fn katakana_words() -> &'static std::collections::HashSet<&'static str> {
    static W: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    W.get_or_init(|| {
        KATAKANA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Whether a katakana word is common Japanese or made of common words of four characters or
/// more (`rules/japanese-katakana.txt`): a loanword or a word, not a name. Shorter pieces
/// would make names of words ("ブランビーズ" is not ブラン + ビーズ).
fn is_common_katakana(word: &[char]) -> bool {
    let words = katakana_words();
    // Which prefixes are made of common words.
    let mut ok = vec![false; word.len() + 1];
    ok[0] = true;
    if words.contains(word.iter().collect::<String>().as_str()) {
        return true;
    }
    for end in 4..=word.len() {
        ok[end] = (0..=end - 4).any(|start| {
            ok[start] && words.contains(word[start..end].iter().collect::<String>().as_str())
        });
    }
    ok[word.len()]
}

/// Countries and territories: English forms, Japanese forms (`rules/japanese-names.tsv`).
fn territories() -> &'static [(Vec<&'static str>, Vec<&'static str>)] {
    static T: OnceLock<Vec<(Vec<&'static str>, Vec<&'static str>)>> = OnceLock::new();
    T.get_or_init(|| {
        NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(e, j)| {
                let forms = |f: &'static str| f.split('|').filter(|x| !x.is_empty()).collect();
                (forms(e), forms(j))
            })
            .filter(|(e, j): &(Vec<&str>, Vec<&str>)| !e.is_empty() && !j.is_empty())
            .collect()
    })
}

/// Whether a folded English word is (a form of) an English form of a territory: the form,
/// or its stem and an ending ("korean" for "korea").
fn english_form_of(word: &str, form: &str) -> bool {
    let n = form.chars().count();
    let stem: String = form.chars().take(n.saturating_sub(1)).collect();
    word == form || (n >= 5 && word.chars().count() > n && word.starts_with(&stem))
}

/// A Japanese source read for its names: its runs of kana with their romanisation and classes,
/// its runs of kanji, and the territories it names.
pub struct JapaneseSource {
    text: String,
    /// Runs of kana: characters, romanisation, classes, katakana or not.
    kana: Vec<(Vec<char>, String, String, bool)>,
    kanji: Vec<Vec<char>>,
}

impl JapaneseSource {
    pub fn new(text: &str) -> JapaneseSource {
        let chars: Vec<char> = text.chars().collect();
        let mut kana = Vec::new();
        let mut kanji = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            let start = k;
            if is_katakana(c) {
                while k < chars.len() && is_katakana(chars[k]) {
                    k += 1;
                }
            } else if is_kana(c) {
                while k < chars.len() && is_kana(chars[k]) && !is_katakana(chars[k]) {
                    k += 1;
                }
            } else if is_kanji(c) {
                while k < chars.len() && is_kanji(chars[k]) {
                    k += 1;
                }
                kanji.push(chars[start..k].to_vec());
                continue;
            } else {
                k += 1;
                continue;
            }
            let run = chars[start..k].to_vec();
            let r = romanise(&run);
            let classes = romaji_classes(&r);
            kana.push((run, r, classes, is_katakana(c)));
        }
        JapaneseSource {
            text: text.to_string(),
            kana,
            kanji,
        }
    }

    /// Whether a word of the translation can be heard in the source: it sounds like one of
    /// its kana words, its romanisation is inside one ("iroha" in "くいろはの"), it reads as
    /// kanji of the source one after another, or it names a territory the source names.
    pub fn accounts_for(&self, word: &str) -> bool {
        let f = fold(word);
        let f = f
            .strip_suffix('s')
            .filter(|_| word.ends_with("'s"))
            .unwrap_or(&f);
        if f.len() < 2 {
            return true;
        }
        let classes = english_classes(f);
        let n = norm(f);
        // Hiragana is mostly grammar ("の", no): a name is heard there only spelt out.
        let heard = self.kana.iter().any(|(_, r, c, katakana)| {
            (*katakana
                && classes.iter().any(|e| {
                    classes_alike(e, c)
                        || ((e.len() >= 3 || (!e.is_empty() && c.len() <= e.len() + 1))
                            && c.contains(e.as_str()))
                }))
                || (n.len() >= 4 && norm(r).contains(n.as_str()))
        });
        heard
            || self.kanji.iter().any(|run| {
                (0..run.len())
                    .any(|i| (i + 1..=run.len().min(i + 4)).any(|j| reads_as(&run[i..j], f)))
            })
            || territories().iter().any(|(en, ja)| {
                en.iter().any(|e| english_form_of(f, e)) && ja.iter().any(|j| self.text.contains(j))
            })
    }

    /// Whether a name of the translation is a territory the source does not name ("Asia" for
    /// a source without "アジア").
    pub fn lacks_territory(&self, word: &str) -> bool {
        let f = fold(word);
        territories()
            .iter()
            .any(|(en, _)| en.iter().any(|e| english_form_of(&f, e)))
            && !self.accounts_for(word)
    }

    /// The katakana names of the source: katakana words of three kana or more that are
    /// neither common words nor made of them (`rules/japanese-katakana.txt`), unless a title or
    /// a kind of place follows them ("バイデン大統領"; `rules/japanese-name-cues.txt`), nor a
    /// territory, with their classes.
    pub fn katakana_names(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        // "・" is no katakana: the parts of a name ("ニューヨーク・タイムズ") are runs of
        // their own.
        for (part, _, _, katakana) in &self.kana {
            let kana = part.iter().filter(|&&c| c != 'ー').count();
            let text: String = part.iter().collect();
            if !katakana
                || kana < 3
                || out.iter().any(|(t, _)| *t == text)
                || (is_common_katakana(part)
                    && !name_cues()
                        .iter()
                        .any(|c| self.text.contains(&format!("{text}{c}"))))
                || territories()
                    .iter()
                    .any(|(_, ja)| ja.iter().any(|j| text.contains(j)))
            {
                continue;
            }
            out.push((text, romaji_classes(&romanise(part))));
        }
        out
    }

    /// The territories the source names (by a Japanese form of two characters or more; a
    /// katakana form a word of its own) for which the translation has no English form, except
    /// Japan, which a translation may leave implicit. `words` are the translation's words,
    /// folded.
    pub fn missing_territories(&self, words: &[String]) -> Vec<String> {
        let chars: Vec<char> = self.text.chars().collect();
        let mut out = Vec::new();
        for (en, ja) in territories() {
            if en[0] == "japan" {
                continue;
            }
            let named = ja
                .iter()
                .find(|j| j.chars().count() >= 2 && self.stands_alone(&chars, j));
            let Some(form) = named else { continue };
            let joined: String = words.concat();
            let found = words
                .iter()
                .any(|w| en.iter().any(|e| english_form_of(w, e)))
                || en.iter().any(|e| e.len() >= 5 && joined.contains(e));
            if !found {
                out.push(form.to_string());
            }
        }
        out
    }

    /// Whether `form` occurs in the source, a katakana form not as part of a longer katakana
    /// word ("インド" is not in "インドネシア").
    fn stands_alone(&self, chars: &[char], form: &str) -> bool {
        let f: Vec<char> = form.chars().collect();
        if f.is_empty() {
            return false;
        }
        let katakana = f.iter().all(|&c| is_katakana(c));
        (0..chars.len().saturating_sub(f.len() - 1)).any(|i| {
            chars[i..].starts_with(&f)
                && (!katakana
                    || !((i > 0 && is_katakana(chars[i - 1]))
                        || chars.get(i + f.len()).is_some_and(|&c| is_katakana(c))))
        })
    }
}

/// Whether a katakana name (its classes) is heard in the translation: a word of it, or two
/// words written as one ("ソーシャルメディア", social media), sounds like it.
pub fn heard_in(classes: &str, words: &[String]) -> bool {
    let sounds = |w: &str| english_classes(w).iter().any(|e| classes_alike(e, classes));
    words.iter().any(|w| sounds(w))
        || words
            .windows(2)
            .any(|p| sounds(&format!("{}{}", p[0], p[1])))
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

    #[test]
    fn kana_is_romanised() {
        let r = |s: &str| romanise(&n(s));
        assert_eq!(r("ブランビーズ"), "buranbizu");
        assert_eq!(r("キャンペーン"), "kyanpen");
        assert_eq!(r("フェラーリ"), "ferari");
        assert_eq!(r("ジョージ"), "joji");
        assert_eq!(r("ウィキペディア"), "wikipedia");
        assert_eq!(r("いろは"), "iroha");
        assert_eq!(romaji_classes("buranbizu"), "PLNPS");
    }

    #[test]
    fn english_names_sound_as_japanese_writes_them() {
        let heard = |kana: &str, word: &str| {
            let c = romaji_classes(&romanise(&n(kana)));
            english_classes(word).iter().any(|e| classes_alike(e, &c))
        };
        assert!(heard("ブランビーズ", "brumbies"));
        assert!(heard("トランプ", "trump"));
        assert!(heard("カーター", "carter"));
        assert!(heard("ジョージ", "george"));
        assert!(heard("スミス", "smith"));
        assert!(heard("ハルキウ", "kharkiv"));
        assert!(heard("イラスト", "illustration"));
        assert!(!heard("ブランビーズ", "cbi"));
        assert!(!heard("マクロン", "rutte"));
    }

    #[test]
    fn katakana_names_are_the_uncommon_katakana_words() {
        let src = JapaneseSource::new(
            "ブランビーズが２４－０で快勝し、キャンペーン用にロシアのソーシャルメディア",
        );
        let names: Vec<String> = src.katakana_names().into_iter().map(|(t, _)| t).collect();
        // Common words, words made of them and territories are no names.
        assert_eq!(names, ["ブランビーズ"]);
    }

    #[test]
    fn names_of_the_translation_heard_in_the_source() {
        let src = JapaneseSource::new(
            "花咲くいろはのキャラクターと浅野川大橋、ニューヨーク・タイムズ、韓国",
        );
        for w in ["Hanasaku", "Iroha", "Asanogawa", "York", "Korean", "Korea"] {
            assert!(src.accounts_for(w), "{w}");
        }
        for w in ["Moscow", "Asia"] {
            assert!(!src.accounts_for(w), "{w}");
        }
        assert!(src.lacks_territory("Asia"));
        assert!(!src.lacks_territory("Sanjay"));
    }

    #[test]
    fn territories_the_translation_leaves_out() {
        let src = JapaneseSource::new("韓国での新規感染者数はインドネシアと日本で");
        let words = |t: &str| t.split(' ').map(fold).collect::<Vec<_>>();
        assert_eq!(
            src.missing_territories(&words("new cases in Indonesia")),
            ["韓国"]
        );
        // "インド" inside "インドネシア" is not India; Japan may stay implicit.
        assert!(
            src.missing_territories(&words("new Korean cases in Indonesia"))
                .is_empty()
        );
    }
}
