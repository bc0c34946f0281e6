//! Numbers in a sentence of any of the supported languages, each with the values it may
//! stand for: digits with either decimal convention ("1,5" and "1.5", "1.000" and "1,000"),
//! Devanagari and full-width digits, scale words ("2 Millionen", "28万", "5 लाख"), number
//! words in English, Dutch and German ("two hundred", "tweehonderd", "zweihundert",
//! "fünfundzwanzig"), Chinese numerals, month names and times.
//!
//! A number is `strong` when it is written with digits, or as a number word of 13 or more:
//! those are what a translation must keep. Weak numbers (small number words, articles that
//! double as "one", ordinals, months, Chinese numerals) only count as evidence that a strong
//! number on the other side was kept.

use std::collections::HashMap;
use std::sync::OnceLock;

static NUMBER_WORDS: &str = include_str!("../../../rules/number-words.tsv");

/// What a number word of `rules/number-words.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum WordKind {
    Cardinal,
    /// Ordinals and months: they only vouch for a number.
    Vouching,
    Scale,
}

type LangWords = HashMap<&'static str, HashMap<&'static str, Vec<(WordKind, f64)>>>;

/// The number words of `rules/number-words.tsv`: language → word → what it is.
fn lang_words() -> &'static LangWords {
    static W: OnceLock<LangWords> = OnceLock::new();
    W.get_or_init(|| {
        let mut out: LangWords = HashMap::new();
        for line in NUMBER_WORDS.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || f.len() != 4 {
                continue;
            }
            let kind = match f[1] {
                "cardinal" => WordKind::Cardinal,
                "ordinal" | "month" => WordKind::Vouching,
                "scale" => WordKind::Scale,
                _ => continue,
            };
            let Ok(value) = f[2].parse::<f64>() else {
                continue;
            };
            let words = out.entry(f[0]).or_default();
            for w in f[3].split(' ').filter(|w| !w.is_empty()) {
                words.entry(w).or_default().push((kind, value));
            }
        }
        out
    })
}

/// Whether a (lower-case) word of language `lang` is one of its number words, month names or
/// ordinals ("Novanta" in "anni Novanta", the nineties): no name.
pub fn is_number_word(lang: Option<&str>, word: &str) -> bool {
    !lang_word(lang, word).is_empty()
}

/// What a (lower-case) word of language `lang` is as a number word, by the table.
fn lang_word(lang: Option<&str>, word: &str) -> &'static [(WordKind, f64)] {
    lang.and_then(|l| lang_words().get(l))
        .and_then(|w| w.get(word))
        .map_or(&[], Vec::as_slice)
}

/// One number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// The values it may stand for.
    pub values: Vec<f64>,
    /// Written with digits.
    pub digits: bool,
    /// Must be kept by a translation (digits, or a number word of 13 or more).
    pub strong: bool,
    /// A cardinal written as a word ("nine", "drei"), not an ordinal, month or article.
    pub word: bool,
}

impl Number {
    /// Whether two numbers may stand for the same value.
    pub fn agrees(&self, other: &Number) -> bool {
        self.values
            .iter()
            .any(|a| other.values.iter().any(|b| same(*a, *b)))
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '०'..='९' => Some(c as u32 - '०' as u32),
        _ => None,
    }
}

/// Scale words after a number, lower case.
fn scale(word: &str) -> Option<&'static [f64]> {
    Some(match word {
        // Ordinals too: "the 3 millionth car" is the 3,000,000th.
        "hundred" | "hundredth" | "hundert" | "honderd" | "सौ" => &[1e2],
        "thousand" | "thousandth" | "tausend" | "duizend" | "hazar" | "हज़ार" | "हजार" | "k" => {
            &[1e3]
        }
        "million" | "millionth" | "millions" | "millionen" | "mio" | "miljoen" | "miljoenen"
        | "mln" | "m" => &[1e6],
        "milliarde" | "milliarden" | "mrd" | "miljard" | "miljarden" | "bn" => &[1e9],
        // English billion, German Billion.
        "billion" | "billionth" | "billions" => &[1e9, 1e12],
        "billionen" | "trillion" | "biljoen" => &[1e12],
        "lakh" | "lakhs" | "लाख" => &[1e5],
        "crore" | "crores" | "करोड़" => &[1e7],
        _ => return None,
    })
}

/// Scale characters written straight after Chinese or Arabic digits.
fn cjk_scale(c: char) -> Option<f64> {
    match c {
        '十' => Some(1e1),
        '百' => Some(1e2),
        '千' => Some(1e3),
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    }
}

/// Whether the text after a number says it is a time of day ("15 Uhr", "3 p.m.", "24时").
fn is_time_marker(after: &str) -> bool {
    let a = after.trim_start().to_lowercase();
    [
        "uhr",
        "uur",
        "a.m",
        "p.m",
        "am ",
        "pm",
        "o'clock",
        "बजे",
        "时",
        "点",
        "h ",
    ]
    .iter()
    .any(|m| a.starts_with(m))
        || a == "am"
        || a == "h"
}

/// Values of a digit string with separators: `1.000` may be 1000 or 1.0, `1,5` 1.5 or 15.
fn digit_string_values(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let plain: String = s.chars().filter(char::is_ascii_digit).collect();
    let seps: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let whole = |t: &str| t.parse::<f64>().ok();
    if seps.is_empty() {
        out.extend(whole(&plain));
        return out;
    }
    // Grouping: every group after the first has three digits.
    let groups: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).collect();
    let grouped = groups.len() > 1
        && groups[0].len() <= 3
        && !groups[0].is_empty()
        && groups[1..].iter().all(|g| g.len() == 3);
    let kinds: Vec<char> = seps.iter().map(|&(_, c)| c).collect();
    if grouped && kinds.iter().all(|&k| k == kinds[0]) {
        out.extend(whole(&plain));
    }
    // A date of day, month and year ("19.08.2016", "08/19/2016"): a translation may put the
    // month first. Each valid reading stands for the date as year, month and day.
    if groups.len() == 3
        && kinds
            .iter()
            .all(|&k| k == kinds[0] && matches!(k, '.' | '/' | '-'))
        && groups[2].len() == 4
        && groups[..2].iter().all(|g| (1..=2).contains(&g.len()))
    {
        let n = |g: &str| g.parse::<u32>().unwrap_or(0);
        let (a, b, year) = (n(groups[0]), n(groups[1]), n(groups[2]));
        for (day, month) in [(a, b), (b, a)] {
            if (1..=31).contains(&day) && (1..=12).contains(&month) {
                out.push(f64::from(year * 10_000 + month * 100 + day));
            }
        }
    }
    // The last separator as a decimal point, the others as grouping.
    let (at, last) = *seps.last().expect("has a separator");
    if matches!(last, '.' | ',') {
        let int: String = s[..at].chars().filter(char::is_ascii_digit).collect();
        let frac = &s[at + 1..];
        if let Some(v) = whole(&format!("{int}.{frac}")) {
            out.push(v);
        }
    }
    out
}

/// English, Dutch and German number morphemes: (form, value); 0 marks a connector
/// ("und", "en", "and").
const MORPHEMES: &[(&str, u64)] = &[
    // English
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    // German
    ("ein", 1),
    ("eins", 1),
    ("zwei", 2),
    ("zwo", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
    ("zwanzig", 20),
    ("dreißig", 30),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
    ("hundert", 100),
    ("tausend", 1000),
    // Dutch
    ("een", 1),
    ("één", 1),
    ("twee", 2),
    ("drie", 3),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("negen", 9),
    ("tien", 10),
    ("twaalf", 12),
    ("dertien", 13),
    ("veertien", 14),
    ("vijftien", 15),
    ("zestien", 16),
    ("zeventien", 17),
    ("achttien", 18),
    ("negentien", 19),
    ("twintig", 20),
    ("dertig", 30),
    ("veertig", 40),
    ("vijftig", 50),
    ("zestig", 60),
    ("zeventig", 70),
    ("tachtig", 80),
    ("negentig", 90),
    ("honderd", 100),
    ("duizend", 1000),
];

const CONNECTORS: &[&str] = &["und", "en", "ën"];

/// The value of a number word, simple or compound ("fünfundzwanzig", "tweehonderdvijftig",
/// "zweitausend"); None when the word is not a number word.
pub fn word_value(word: &str) -> Option<u64> {
    let mut parts: Vec<u64> = Vec::new();
    let mut rest = word;
    let mut after_connector = false;
    while !rest.is_empty() {
        if !parts.is_empty()
            && let Some(c) = CONNECTORS.iter().find(|c| rest.starts_with(**c))
        {
            // A connector must join a unit to a tens word: "fünf-und-zwanzig".
            let next = &rest[c.len()..];
            let tens = MORPHEMES
                .iter()
                .any(|(m, v)| next.starts_with(m) && *v >= 20 && *v < 100 && v % 10 == 0);
            if tens && !after_connector {
                rest = next;
                after_connector = true;
                continue;
            }
        }
        let best = MORPHEMES
            .iter()
            .filter(|(m, _)| rest.starts_with(m))
            .max_by_key(|(m, _)| m.len())?;
        parts.push(best.1);
        rest = &rest[best.0.len()..];
        after_connector = false;
    }
    if after_connector || parts.is_empty() {
        return None;
    }
    evaluate(&parts)
}

/// Evaluates a sequence of number morphemes ("two hundred twenty five").
fn evaluate(parts: &[u64]) -> Option<u64> {
    let (mut total, mut cur) = (0u64, 0u64);
    for &p in parts {
        match p {
            100 => cur = cur.max(1).checked_mul(100)?,
            1000 | 1_000_000 | 1_000_000_000 => {
                total = total.checked_add(cur.max(1).checked_mul(p)?)?;
                cur = 0;
            }
            v => cur = cur.checked_add(v)?,
        }
    }
    total.checked_add(cur)
}

/// Weak numbers: words that name a number without being one a translation must keep.
fn weak_word(word: &str) -> Option<f64> {
    let v = match word {
        // Articles that double as "one".
        "a" | "an" | "eine" | "einen" | "einem" | "einer" | "eines" | "ene" => 1,
        "both" | "beide" | "beiden" | "beider" | "pair" | "couple" | "paar" | "twin" => 2,
        "dozen" | "dutzend" | "dozijn" => 12,
        // Decades of age or of a century: "in his thirties" for "30代", "the eighties".
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        "first" | "erste" | "ersten" | "erster" | "erstes" | "eerste" => 1,
        "second" | "zweite" | "zweiten" | "zweiter" | "tweede" => 2,
        "third" | "dritte" | "dritten" | "dritter" | "derde" => 3,
        "fourth" | "vierte" | "vierten" | "vierde" => 4,
        "fifth" | "fünfte" | "fünften" | "vijfde" => 5,
        "sixth" | "sechste" | "sechsten" | "zesde" => 6,
        "seventh" | "siebte" | "siebten" | "zevende" => 7,
        "eighth" | "achte" | "achten" | "achtste" => 8,
        "ninth" | "neunte" | "neunten" | "negende" => 9,
        "tenth" | "zehnte" | "zehnten" | "tiende" => 10,
        "half" | "halb" | "halbe" | "halben" | "halve" => return Some(0.5),
        "midnight" => 0,
        "noon" | "midday" => 12,
        // Months (English, German, Dutch, Hindi).
        "january" | "januar" | "jänner" | "januari" | "जनवरी" => 1,
        "february" | "februar" | "februari" | "फ़रवरी" | "फरवरी" => 2,
        "march" | "märz" | "maart" | "मार्च" => 3,
        "april" | "अप्रैल" => 4,
        "may" | "mai" | "mei" | "मई" => 5,
        "june" | "juni" | "जून" => 6,
        "july" | "juli" | "जुलाई" => 7,
        "august" | "augustus" | "अगस्त" => 8,
        "september" | "सितंबर" | "सितम्बर" => 9,
        "october" | "oktober" | "अक्टूबर" => 10,
        "november" | "नवंबर" | "नवम्बर" => 11,
        "december" | "dezember" | "दिसंबर" | "दिसम्बर" => 12,
        // Hindi number words.
        "एक" => 1,
        "दो" => 2,
        "तीन" => 3,
        "चार" => 4,
        "पांच" | "पाँच" => 5,
        "छह" | "छः" => 6,
        "सात" => 7,
        "आठ" => 8,
        "नौ" => 9,
        "दस" => 10,
        "बीस" => 20,
        "तीस" => 30,
        "चालीस" => 40,
        "पचास" => 50,
        _ => return None,
    };
    Some(v as f64)
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '萬'
            | '亿'
            | '億'
    )
}

/// The value of a run of Chinese numerals ("二十五", "三万", "二〇二〇").
pub fn chinese_value(run: &str) -> Option<f64> {
    let digit = |c: char| -> Option<u64> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = run.chars().collect();
    if chars.len() > 1 && chars.iter().all(|&c| digit(c).is_some()) {
        // Read digit by digit, as years are: 二〇二〇.
        return chars
            .iter()
            .try_fold(0u64, |acc, &c| acc.checked_mul(10)?.checked_add(digit(c)?))
            .map(|v| v as f64);
    }
    let (mut total, mut section, mut num) = (0u64, 0u64, 0u64);
    let mut any = false;
    for c in chars {
        if let Some(d) = digit(c) {
            num = d;
            any = true;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' | '萬' => 10_000,
            '亿' | '億' => 100_000_000,
            _ => return None,
        };
        any = true;
        if unit >= 10_000 {
            total = (total + section + num).checked_mul(unit)?;
            section = 0;
        } else {
            section += num.max(1) * unit;
        }
        num = 0;
    }
    any.then_some((total + section + num) as f64)
}

/// Every number in a text, in order.
pub fn extract(text: &str) -> Vec<Number> {
    extract_in(text, None)
}

/// The numbers of a text in language `lang` (a code of `rules/languages.tsv`): also the
/// language's number words of `rules/number-words.tsv`.
pub fn extract_in(text: &str, lang: Option<&str>) -> Vec<Number> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if digit_value(c).is_some() {
            k = digits(text, &chars, k, lang, &mut out);
            continue;
        }
        if is_chinese_numeral(c) {
            let mut e = k;
            while e < chars.len() && is_chinese_numeral(chars[e].1) {
                e += 1;
            }
            if let Some(v) = chinese_value(&text[start..end_of(e)]) {
                // Tenths: "两成" is 20 percent.
                let tenths = v < 10.0 && chars.get(e).is_some_and(|&(_, c)| c == '成');
                out.push(Number {
                    start,
                    end: end_of(e),
                    values: if tenths { vec![v, v * 10.0] } else { vec![v] },
                    digits: false,
                    strong: false,
                    word: false,
                });
            }
            k = e;
            continue;
        }
        if c.is_alphabetic() {
            k = words(text, &chars, k, lang, &mut out);
            continue;
        }
        k += 1;
    }
    let mut out = join_split_numbers(text, out);
    add_decades_of_centuries(&mut out);
    out
}

/// A decade and a century in one sentence may be one year ("in den 50ern des 19.
/// Jahrhunderts", "les années 50 du XIXe siècle": the 1850s): both may stand for it.
fn add_decades_of_centuries(numbers: &mut [Number]) {
    let whole = |v: f64| (v.fract() == 0.0).then_some(v as u32);
    let decades: Vec<(usize, u32)> = numbers
        .iter()
        .enumerate()
        .filter(|(_, n)| n.digits)
        .filter_map(|(i, n)| whole(n.values[0]).map(|v| (i, v)))
        .filter(|&(_, v)| (10..=90).contains(&v) && v % 10 == 0)
        .collect();
    if decades.is_empty() {
        return;
    }
    let centuries: Vec<(usize, u32)> = numbers
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.values.first().and_then(|&v| whole(v)).map(|v| (i, v)))
        .filter(|&(_, v)| (1..=21).contains(&v))
        .collect();
    for &(d, decade) in &decades {
        for &(c, century) in &centuries {
            if c == d {
                continue;
            }
            let year = ((century - 1) * 100 + decade) as f64;
            numbers[d].values.push(year);
            numbers[c].values.push(year);
        }
    }
}

/// The value of a Roman numeral of two letters or more, or with an ordinal ending ("XIV",
/// "XIXe", "IIº"): centuries and regnal numbers, up to 399.
pub fn roman_value(word: &str) -> Option<u32> {
    if !word.starts_with(['I', 'V', 'X', 'L', 'C']) {
        return None;
    }
    let (core, ended) = ["ème", "eme", "er", "e", "º", "ª", "."]
        .iter()
        .find_map(|e| word.strip_suffix(e).map(|c| (c, true)))
        .unwrap_or((word, false));
    if core.is_empty() || (core.len() < 2 && !ended) {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = core.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|&t| (1..400).contains(&t))?;
    // Only the canonical spelling ("XIV", not "XIIII" or "IVX").
    (to_roman(total) == core).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// One number written in parts, a scale word's multiple and then the rest ("１万１０００",
/// "2万5000"), is one number: 11,000, as a translation writes it whole.
fn join_split_numbers(text: &str, numbers: Vec<Number>) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::with_capacity(numbers.len());
    for n in numbers {
        if let Some(prev) = out.last_mut()
            && prev.digits
            && n.digits
            && prev.end == n.start
            && text[prev.start..prev.end]
                .chars()
                .next_back()
                .and_then(cjk_scale)
                .is_some_and(|scale| n.values.iter().all(|&v| v < scale))
        {
            let values = prev
                .values
                .iter()
                .flat_map(|a| n.values.iter().map(move |b| a + b))
                .collect();
            *prev = Number {
                start: prev.start,
                end: n.end,
                values,
                digits: true,
                strong: prev.strong || n.strong,
                word: false,
            };
            continue;
        }
        out.push(n);
    }
    out
}

/// Reads a word (letters and combining marks) starting at char `k`; returns its end.
fn word_end(chars: &[(usize, char)], mut k: usize) -> usize {
    while k < chars.len() {
        let c = chars[k].1;
        let mark = ('\u{0900}'..='\u{097F}').contains(&c);
        if !(c.is_alphabetic() || mark) || crate::align::is_cjk(c) {
            break;
        }
        k += 1;
    }
    k
}

/// A run of number words starting at char `k` ("two hundred and five", "fünfundzwanzig").
fn words(
    text: &str,
    chars: &[(usize, char)],
    k: usize,
    lang: Option<&str>,
    out: &mut Vec<Number>,
) -> usize {
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let first_end = word_end(chars, k).max(k + 1);
    let start = chars[k].0;
    // A Roman numeral is a number that only vouches ("XIVe siècle", "World War II").
    if let Some(v) = roman_value(&text[start..end_of(first_end)]) {
        out.push(Number {
            start,
            end: end_of(first_end),
            values: vec![v as f64],
            digits: false,
            strong: false,
            word: false,
        });
        return first_end;
    }
    let mut parts: Vec<u64> = Vec::new();
    let mut end = start;
    let mut next_k = first_end;
    let mut j = k;
    loop {
        let we = word_end(chars, j).max(j + 1);
        let w = text[chars[j].0..end_of(we)].to_lowercase();
        let value = if w == "and" && !parts.is_empty() {
            Some(None)
        } else {
            word_value(&w).map(Some)
        };
        match value {
            Some(Some(v)) => {
                parts.push(v);
                end = end_of(we);
                next_k = we;
            }
            Some(None) => {}
            None => {
                if parts.is_empty()
                    && let Some(v) = weak_word(&w)
                {
                    out.push(Number {
                        start,
                        end: end_of(we),
                        // Midnight is 0:00 and 24:00.
                        values: if w == "midnight" {
                            vec![0.0, 24.0]
                        } else {
                            vec![v]
                        },
                        digits: false,
                        strong: false,
                        word: false,
                    });
                } else if parts.is_empty() {
                    // The source language's own words: a cardinal only ever as weak evidence
                    // ("quinze jours" is a fortnight, "pour cent" per cent), or compared as a
                    // pair with a small number of the translation.
                    for &(kind, v) in lang_word(lang, &w) {
                        if kind != WordKind::Scale {
                            out.push(Number {
                                start,
                                end: end_of(we),
                                values: vec![v],
                                digits: false,
                                strong: false,
                                word: kind == WordKind::Cardinal,
                            });
                            break;
                        }
                    }
                }
                break;
            }
        }
        // Continue over one space or hyphen to the next word.
        let mut n = we;
        if n < chars.len() && matches!(chars[n].1, ' ' | '-') {
            n += 1;
        }
        if n >= chars.len() || !chars[n].1.is_alphabetic() || n == we {
            break;
        }
        j = n;
    }
    if parts.is_empty() {
        return first_end;
    }
    // "a" and "one" standing alone are articles as often as numbers.
    let mut values = Vec::new();
    if let Some(v) = evaluate(&parts) {
        values.push(v as f64);
    }
    if values.is_empty() {
        return next_k;
    }
    let strong = values[0] >= 13.0;
    out.push(Number {
        start,
        end,
        values,
        digits: false,
        strong,
        word: true,
    });
    next_k
}

/// A number written with digits starting at char `k`, with its separators, a scale word or
/// character after it and time-of-day readings.
fn digits(
    text: &str,
    chars: &[(usize, char)],
    k: usize,
    lang: Option<&str>,
    out: &mut Vec<Number>,
) -> usize {
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let start = chars[k].0;
    let (s, mut e, mut time) = digit_run(chars, k);
    if time.is_none()
        && let Some((t, after)) = chinese_time(chars, e, &s)
    {
        time = Some(t);
        e = after;
    }
    let mut values = match time {
        Some((h, m)) => {
            let mut v = vec![h as f64 + m as f64 / 100.0];
            if m == 0 {
                v.push(h as f64);
            }
            v
        }
        None => digit_string_values(&s.replace('\'', ",")),
    };
    // "1200 GMT", "0930 hours": four digits before a time zone are a time too.
    if time.is_none() && s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let next = text[end_of(e)..].trim_start();
        let zone = ["GMT", "UTC", "CET", "CEST", "hours", "hrs", "Uhr", "h "]
            .iter()
            .any(|z| next.starts_with(z));
        if let (true, Ok(h), Ok(m)) = (zone, s[..2].parse::<u32>(), s[2..].parse::<u32>())
            && h <= 24
            && m < 60
        {
            values.push(h as f64 + m as f64 / 100.0);
            if m == 0 {
                values.push(h as f64);
            }
        }
    }
    // "9.30 Uhr" is a time too: its decimal reading is already h + m/100.
    let (mult, after) = scale_after(text, chars, e, lang);
    let end = end_of(after);
    // Only when no scale follows (a scale character always gives a factor).
    if mult.is_empty() && is_time_marker(&text[end_of(e)..]) {
        add_twelve_hour_readings(&mut values);
    }
    let base = values.clone();
    for m in &mult {
        values.extend(base.iter().map(|v| v * m));
    }
    // A year also stands for its decade's short form ("the 1990s", "90er Jahre").
    for v in &base {
        if (1900.0..2100.0).contains(v) && v.fract() == 0.0 {
            values.push(v % 100.0);
        }
    }
    if !values.is_empty() {
        out.push(Number {
            start,
            end,
            values,
            digits: true,
            strong: !glued_to_letters(text, start),
            word: false,
        });
    }
    // Skip letters glued to the number ("21st", "1990s", "G20" is read from its digits).
    let mut k = after.max(e);
    while k < chars.len() && chars[k].1.is_alphanumeric() && digit_value(chars[k].1).is_none() {
        k += 1;
    }
    k.max(e).max(k)
}

/// The digits from `k` on, with their group and decimal separators (a separator other than
/// "." and "," as "'"), the index after them, and the hours and minutes when they are a time
/// ("24:00", "9:30").
fn digit_run(chars: &[(usize, char)], k: usize) -> (String, usize, Option<(u32, u32)>) {
    let mut s = String::new();
    let mut e = k;
    let mut time: Option<(u32, u32)> = None;
    while e < chars.len() {
        let c = chars[e].1;
        if let Some(d) = digit_value(c) {
            s.push(char::from_digit(d, 10).expect("a digit"));
            e += 1;
            continue;
        }
        let next_digit = chars
            .get(e + 1)
            .is_some_and(|&(_, n)| digit_value(n).is_some());
        let sep = matches!(
            c,
            '.' | ',' | '\'' | '’' | '\u{202F}' | '\u{00A0}' | '\u{2009}'
        );
        if c == ':' && next_digit {
            let m = ascii_digits(&chars[e + 1..]);
            if let (Ok(h), Ok(mi)) = (s.parse::<u32>(), m.parse::<u32>())
                && m.len() == 2
                && h <= 24
                && mi < 60
            {
                time = Some((h, mi));
                e += 1 + m.chars().count();
            }
            break;
        }
        if sep && next_digit {
            s.push(if matches!(c, '.' | ',') { c } else { '\'' });
            e += 1;
            continue;
        }
        // A plain space between groups of three ("34 125 korun", as Czech, Polish and
        // French write thousands): a group of one to three digits, then exactly three.
        if c == ' ' && next_digit {
            let group = s.chars().rev().take_while(char::is_ascii_digit).count();
            let next = ascii_digits(&chars[e + 1..]).len();
            if (1..=3).contains(&group) && next == 3 && !s.contains(['.', ',']) {
                s.push('\'');
                e += 1;
                continue;
            }
        }
        // "12 h 00", "12h00": the French way of writing a time.
        if time.is_none()
            && let Some((h, after)) = french_time(chars, e, &s)
        {
            time = Some(h);
            e = after;
        }
        break;
    }
    (s, e, time)
}

/// A time written "12 h 00" or "12h00" after the hour digits `s` ending at `e`: the hours and
/// minutes, and the index after it.
fn french_time(chars: &[(usize, char)], e: usize, s: &str) -> Option<((u32, u32), usize)> {
    let h = s.parse::<u32>().ok().filter(|&h| h <= 24)?;
    let mut k = e;
    if chars.get(k).is_some_and(|&(_, c)| c == ' ') {
        k += 1;
    }
    if chars.get(k).is_none_or(|&(_, c)| c != 'h') {
        return None;
    }
    k += 1;
    if chars.get(k).is_some_and(|&(_, c)| c == ' ') {
        k += 1;
    }
    let m = ascii_digits(&chars[k.min(chars.len())..]);
    let mi = m
        .parse::<u32>()
        .ok()
        .filter(|&mi| m.len() == 2 && mi < 60)?;
    Some(((h, mi), k + 2))
}

/// The leading digits of `chars` (of any script), as ASCII digits.
fn ascii_digits(chars: &[(usize, char)]) -> String {
    chars
        .iter()
        .take_while(|&&(_, c)| digit_value(c).is_some())
        .map(|&(_, c)| char::from_digit(digit_value(c).unwrap_or(0), 10).unwrap_or('0'))
        .collect()
}

/// A Chinese time after the hour digits `s` that end at `e` (15时50分, 9点半): the hours and
/// minutes, and the index after the time.
fn chinese_time(chars: &[(usize, char)], e: usize, s: &str) -> Option<((u32, u32), usize)> {
    let &(_, marker) = chars.get(e)?;
    if !matches!(marker, '时' | '点' | '時' | '點') {
        return None;
    }
    let h = s.parse::<u32>().ok().filter(|&h| h <= 24)?;
    let rest = ascii_digits(&chars[e + 1..]);
    let n = rest.chars().count();
    if n > 0
        && chars.get(e + 1 + n).is_some_and(|&(_, c)| c == '分')
        && let Ok(m) = rest.parse::<u32>()
        && m < 60
    {
        Some(((h, m), e + 2 + n))
    } else if chars.get(e + 1).is_some_and(|&(_, c)| c == '半') {
        Some(((h, 30), e + 2))
    } else {
        None
    }
}

/// The scale after the digits that end at `e`: a scale character (万, 亿, 万亿: ten thousand
/// times a hundred million) or a scale word ("million", "Milliarden"), as its factors, and the
/// index after it (`e` when there is none).
fn scale_after(
    text: &str,
    chars: &[(usize, char)],
    e: usize,
    lang: Option<&str>,
) -> (Vec<f64>, usize) {
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut after = e;
    let mut mult: Vec<f64> = Vec::new();
    if let Some(&(_, c)) = chars.get(after)
        && let Some(m) = cjk_scale(c)
    {
        let mut factor = m;
        after += 1;
        if let Some(&(_, c2)) = chars.get(after)
            && let Some(m2) = cjk_scale(c2)
            && m2 > m
        {
            factor *= m2;
            after += 1;
        }
        mult.push(factor);
    } else {
        let mut n = after;
        while n < chars.len() && chars[n].1 == ' ' {
            n += 1;
        }
        if n < chars.len() && chars[n].1.is_alphabetic() {
            let we = word_end(chars, n);
            let w = text[chars[n].0..end_of(we)].to_lowercase();
            let w = w.trim_end_matches('.');
            if let Some(m) = scale(w) {
                mult.extend_from_slice(m);
                after = we;
            } else {
                for &(kind, v) in lang_word(lang, w) {
                    if kind == WordKind::Scale {
                        mult.push(v);
                        after = we;
                    }
                }
            }
        }
    }
    (mult, after)
}

/// Adds the other half of the day's reading of each hour before a time marker ("9 Uhr" may be
/// 21:00, "21 Uhr" 9 pm).
fn add_twelve_hour_readings(values: &mut Vec<f64>) {
    let base: Vec<f64> = values.clone();
    for v in base {
        let h = v.trunc();
        let frac = v - h;
        if (1.0..12.0).contains(&h) {
            values.push(h + 12.0 + frac);
        } else if (13.0..=24.0).contains(&h) {
            values.push(h - 12.0 + frac);
        }
    }
}

/// A code of letters and digits ("COVID-19", "F-35", "A4", "G20"): the number belongs to the
/// name, and a translation that keeps the name must keep the number.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    pub start: usize,
    pub end: usize,
    /// The letters, lower case.
    pub letters: String,
    pub digits: String,
}

/// The codes of a text: a word of letters, an optional hyphen and digits.
pub fn codes(text: &str) -> Vec<Code> {
    let mut out = Vec::new();
    let part = |c: char| c.is_alphanumeric() || c == '-';
    let mut rest = text;
    while let Some(s) = rest.find(part) {
        let after = &rest[s..];
        let len = after.find(|c: char| !part(c)).unwrap_or(after.len());
        let start = text.len() - after.len();
        let w = &after[..len];
        rest = &after[len..];
        let w = w.trim_matches('-');
        let Some(split) = w.find(|c: char| c.is_ascii_digit()) else {
            continue;
        };
        let (letters, digits) = w.split_at(split);
        let letters = letters.strip_suffix('-').unwrap_or(letters);
        // Latin letters only (not Chinese characters run together with digits).
        if letters.is_empty()
            || !letters
                .chars()
                .all(|c| c.is_alphabetic() && (c as u32) < 0x250)
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let lead = text[start..].find(w).unwrap_or(0);
        out.push(Code {
            start: start + lead,
            end: start + lead + w.len(),
            letters: letters.to_lowercase(),
            digits: digits.to_string(),
        });
    }
    out
}

/// Digits glued to letters belong to a name: "COVID-19", "G20", "F-16".
fn glued_to_letters(text: &str, start: usize) -> bool {
    let before: Vec<char> = text[..start].chars().rev().take(2).collect();
    before
        .first()
        .is_some_and(|c| c.is_alphabetic() && !crate::align::is_cjk(*c))
        || (before.first() == Some(&'-') && before.get(1).is_some_and(|c| c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_thousands_and_french_times() {
        let n = extract("Průměrná mzda byla 34 125 korun.");
        assert!(n.iter().any(|x| x.values.contains(&34125.0)), "{n:?}");
        // "12 h 00" is one number (a time), not 12 and 0.
        assert_eq!(extract("vers 12 h 00 GMT").len(), 1);
        // "1200 GMT" is also the time 12:00.
        assert!(
            extract("at 1200 GMT")
                .iter()
                .any(|x| x.values.contains(&12.0))
        );
        // A year then a count stays two numbers.
        assert_eq!(extract("in 2019 125 people").len(), 2);
    }

    fn vals(text: &str) -> Vec<Vec<f64>> {
        extract(text).into_iter().map(|n| n.values).collect()
    }

    fn agree(a: &str, b: &str) -> bool {
        let (x, y) = (extract(a), extract(b));
        assert!(!x.is_empty() && !y.is_empty(), "{a} / {b}");
        x.iter().any(|n| y.iter().any(|m| n.agrees(m)))
    }

    #[test]
    fn words() {
        assert_eq!(word_value("tweehonderd"), Some(200));
        assert_eq!(word_value("zweihundert"), Some(200));
        assert_eq!(word_value("fünfundzwanzig"), Some(25));
        assert_eq!(word_value("eenentwintig"), Some(21));
        assert_eq!(
            word_value("zweihundertfünfundzwanzigtausend"),
            Some(225_000)
        );
        assert_eq!(word_value("vieren"), None);
        assert_eq!(word_value("zwanzigund"), None);
        assert!(agree("two hundred people", "200 Leute"));
        assert!(agree("tweehonderd mensen", "200 people"));
        assert!(agree("twenty-five years", "25 Jahre"));
        assert!(!agree("two hundred people", "300 Leute"));
    }

    #[test]
    fn dates_in_either_order() {
        assert!(agree("am 19.08.2016", "on 08.19.2016"));
        assert!(agree("am 19.08.2016", "on 19.08.2016"));
        assert!(!agree("am 19.08.2016", "on 08.18.2016"));
    }

    #[test]
    fn decimals_and_separators() {
        assert!(agree("1,5 Millionen", "1.5 million"));
        assert!(agree("1.000 Euro", "1,000 euros"));
        assert!(agree("17,500 miles", "17,500 मील"));
        assert!(!agree("1,5 Prozent", "2.5 percent"));
        assert!(agree("1.234.567 Einwohner", "1,234,567 inhabitants"));
        assert_eq!(vals("2.75"), vec![vec![2.75]]);
    }

    #[test]
    fn scales_dates_and_times() {
        assert!(agree("28万余人次", "280,000 inspectors"));
        assert!(agree("1.7万余座", "17,000 tunnels"));
        assert!(agree("7月", "July"));
        assert!(agree("24时", "24:00"));
        assert!(agree("7月24日15时50分", "15:50"));
        assert!(agree("上午9点半", "9:30"));
        assert!(!extract("COVID-19")[0].strong);
        let c = codes("Tests for covidu-19 and the F-35, on the A4 (G20).");
        let got: Vec<(&str, &str)> = c
            .iter()
            .map(|c| (c.letters.as_str(), c.digits.as_str()))
            .collect();
        assert_eq!(
            got,
            [("covidu", "19"), ("f", "35"), ("a", "4"), ("g", "20")]
        );
        assert_eq!(&"Tests for covidu-19"[c[0].start..c[0].end], "covidu-19");
        assert!(codes("in 2019, 3-4 times, the 1990s").is_empty());
        assert!(agree("um 15 Uhr", "at 3 p.m."));
        assert!(agree("9.30 Uhr", "9:30"));
        assert!(agree("in den 90er Jahren", "in the 1990s"));
        assert!(agree("5 लाख", "500,000"));
        assert!(agree("वर्ष २०११ में", "in 2011"));
        assert!(agree("二十五年", "25 years"));
        assert!(agree("下降了两成", "fell by 20 percent"));
        assert!(agree("第300万辆车", "the 3 millionth car"));
        assert!(agree("２５年", "25 years"));
    }

    #[test]
    fn strength() {
        let n = extract("Er kam mit einem Freund und 25 anderen.");
        assert!(n.iter().any(|n| n.strong && n.values[0] == 25.0));
        assert!(n.iter().filter(|n| n.strong).count() == 1);
        let n = extract("zweihundert");
        assert!(n[0].strong);
    }

    #[test]
    fn a_number_in_parts_is_one_number() {
        assert!(agree("１万１０００店舗", "11,000 stores"));
        assert!(agree("2万5000人", "25,000 people"));
        assert_eq!(vals("１万１０００").len(), 1);
        // Two numbers side by side with no scale between stay two.
        assert_eq!(vals("2020年3月").len(), 2);
    }

    #[test]
    fn decades_match_their_number() {
        assert!(agree("３０代の男性", "a man in his thirties"));
    }
}
