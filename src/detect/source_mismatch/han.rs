//! Names against a Chinese source, through the Mandarin readings of its characters.
//!
//! A Chinese text marks no name, but an English name is most often a reading of the source's
//! characters: spelled in pinyin ("Xi Jinping" is 习近平, xi jin ping) or transliterated
//! ("Trump" is 特朗普, te lang pu; "Houston" is 休斯敦, xiu si dun). Transliterations are
//! compared by consonant classes as a Chinese ear hears them (r and l alike, b and p alike,
//! a final n or ng as a nasal), so "Trump" and "te lang pu" are both T-L-N-P. Names whose
//! Chinese form is a translation ("Earth" is 地球, "Tibet" is 西藏) come from a table,
//! `rules/han-names.tsv`; the readings come from `rules/han-readings.tsv` (pinyin-data).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::fold;

static READINGS: &str = include_str!("../../../rules/han-readings.tsv");
static NAMES: &str = include_str!("../../../rules/han-names.tsv");
static CANTONESE: &str = include_str!("../../../rules/han-cantonese.tsv");

struct Tables {
    /// The readings of a character, its first (most common) reading first.
    readings: HashMap<char, Vec<&'static str>>,
    /// The syllables of the readings.
    syllables: std::collections::HashSet<&'static str>,
    /// The Cantonese readings of a character, as names from Hong Kong or Singapore spell them.
    cantonese: HashMap<char, Vec<&'static str>>,
    /// English forms and Chinese forms of the names in the table.
    names: Vec<(Vec<&'static str>, Vec<&'static str>)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut readings: HashMap<char, Vec<&'static str>> = HashMap::new();
        let lines = READINGS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        let mut secondary = Vec::new();
        for line in lines {
            let mut cols = line.split('\t');
            let (Some(syllable), Some(first)) = (cols.next(), cols.next()) else {
                continue;
            };
            for c in first.chars() {
                readings.entry(c).or_default().insert(0, syllable);
            }
            if let Some(other) = cols.next() {
                secondary.push((syllable, other));
            }
        }
        for (syllable, other) in secondary {
            for c in other.chars() {
                readings.entry(c).or_default().push(syllable);
            }
        }
        let names = NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let (en, zh) = l.split_once('\t')?;
                Some((en.split('|').collect(), zh.split('|').collect()))
            })
            .collect();
        let syllables = readings.values().flatten().copied().collect();
        let mut cantonese: HashMap<char, Vec<&'static str>> = HashMap::new();
        for line in CANTONESE.lines().filter(|l| !l.starts_with('#')) {
            if let Some((spelling, chars)) = line.split_once('\t') {
                for c in chars.chars() {
                    cantonese.entry(c).or_default().push(spelling);
                }
            }
        }
        Tables {
            readings,
            syllables,
            cantonese,
            names,
        }
    })
}

/// The readings of a Han character (empty for anything else).
pub fn readings(c: char) -> &'static [&'static str] {
    tables().readings.get(&c).map_or(&[], Vec::as_slice)
}

/// Characters used mostly to write foreign names by their sound ("斯", "尔", "特"): a run of
/// three or more of them is likely a transliterated name.
const TRANSLITERATION: &str = "阿埃艾爱奥巴拜班邦贝比彼毕宾波伯博布查达戴丹德迪蒂顿厄恩尔\
    菲费芬弗福夫盖冈戈格贡古哈豪赫亨霍基吉贾杰卡凯坎康考柯科克肯库奎拉莱赖兰劳勒雷蕾里利莉\
    丽琳卢鲁伦罗洛马迈麦曼梅蒙米密摩莫姆穆纳娜奈尼妮纽努诺欧帕派潘佩彭皮珀普奇齐乔琼萨塞\
    赛桑瑟森沙莎舍施什斯苏索塔泰坦汤特提汀图托瓦威韦维温沃乌西希锡谢辛休雅亚扬耶伊尤约詹兹佐";

/// Further characters that write foreign sounds, though also common in ordinary words: they let
/// a transliteration be matched, but do not start a run of their own.
const TRANSLITERATION_TOO: &str = "敦登丁杜堡顿哥根瓜汉济加捷喀朗隆内圣松廷旺武因英泽扎琴惠道\
    舒蓬龙逊林罗默诺芝贝本宾都多尔法福海华霍加金科拉兰里利路伦马曼梅门米纳内尼宁欧皮齐奇\
    乔若沙山圣斯汤特瓦万温希西新休雅亚叶伊因约扎兹刘易热刚果略木荣旗巧奎洪鸠那娃";

fn is_transliteration(c: char) -> bool {
    TRANSLITERATION.contains(c) || TRANSLITERATION_TOO.contains(c)
}

/// Common Chinese family names (those that also begin many ordinary words, such as 方 or 高,
/// left out).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁\
    潘蒋蔡杜叶苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯龙陶黎贺顾毛郝\
    龚邵钱覃戴孔汤习柳";

/// Words after a person's name: verbs of saying and titles.
const PERSON_AFTER: &[&str] = &[
    "说",
    "表示",
    "认为",
    "指出",
    "强调",
    "透露",
    "介绍",
    "告诉",
    "得知",
    "回忆",
    "总书记",
    "主席",
    "总理",
    "总统",
    "部长",
    "书记",
    "先生",
    "女士",
    "教授",
    "局长",
    "市长",
    "省长",
    "发言人",
    "博士",
];

/// Words that often follow a name at the start of a clause ("黄某某曾于", "许正宇对").
const WEAK_PERSON_AFTER: &str = "曾对还也称在将已";

/// The last character of a title before a name ("站长", "记者", "发言人").
const PERSON_BEFORE: &str = "长记席理统者员官授人师";

/// Characters that end a phrase rather than a name ("他们", "也", "还").
const NOT_NAME_END: &str = "们都也还则又就均已将再曾并等不方";

const PLACE_AFTER: &str = "省市县州";

/// Characters before 市, 省, 县 or 州 that make an ordinary word ("城市", "全省", "该州").
const NOT_PLACE_END: &str = "城都超股上全本该各楼菜夜开黑门外节反一两多每个此其同邻";

/// A name found in the source by its context: its span of characters, and the spans it may
/// stand for (a place before 市 may be written with more characters than the two taken).
type Found = (usize, usize, Vec<(usize, usize)>);

/// A Chinese source prepared for looking names up: its characters, with the Han ones' readings.
pub struct HanSource {
    chars: Vec<char>,
    text: String,
}

impl HanSource {
    pub fn new(text: &str) -> Self {
        HanSource {
            chars: text.chars().collect(),
            text: text.to_string(),
        }
    }

    fn is_han(&self, i: usize) -> bool {
        !readings(self.chars[i]).is_empty()
    }

    /// Whether the folded letters `word` are the readings of consecutive characters of the
    /// source ("jinping" in 习近平).
    fn spelled_in_pinyin(&self, word: &str) -> bool {
        self.spelled_by(word, readings)
    }

    /// Whether `word` is the Cantonese readings of characters of the source in order, as
    /// names from Hong Kong or Singapore are spelt ("Wong" for 黄 in "黄循财").
    fn spelled_in_cantonese(&self, word: &str) -> bool {
        self.spelled_by(word, |c| {
            tables().cantonese.get(&c).map_or(&[][..], Vec::as_slice)
        })
    }

    fn spelled_by(&self, word: &str, readings: fn(char) -> &'static [&'static str]) -> bool {
        fn from(
            src: &HanSource,
            word: &str,
            i: usize,
            readings: fn(char) -> &'static [&'static str],
        ) -> bool {
            if word.is_empty() {
                return true;
            }
            i < src.chars.len()
                && readings(src.chars[i]).iter().any(|r| {
                    word.strip_prefix(r)
                        .is_some_and(|rest| from(src, rest, i + 1, readings))
                })
        }
        word.len() >= 2
            && word.chars().all(|c| c.is_ascii_lowercase())
            && (0..self.chars.len()).any(|i| from(self, word, i, readings))
    }

    /// Whether some run of up to eight characters within `range` sounds like the consonant
    /// classes `name` (see [`english_classes`]).
    ///
    /// Only a run of mostly transliteration characters counts.
    fn sounds_in(&self, name: &str, range: std::ops::Range<usize>) -> bool {
        for i in range.clone() {
            let mut w = String::new();
            let mut usual = 0;
            for j in i..(i + 8).min(range.end) {
                if !self.is_han(j) {
                    break;
                }
                usual += !is_transliteration(self.chars[j]) as usize;
                // Mostly characters that write foreign sounds.
                let foreign = usual * 3 <= j + 1 - i;
                let mut joined = w.clone();
                joined.push_str(&syllable_classes(readings(self.chars[j])[0]));
                w = collapse(&joined);
                if foreign && classes_match(name, &w) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether a word can be spelled with pinyin syllables ("jinping", "hongkong").
    pub fn is_pinyin(word: &str) -> bool {
        // A syllable without an initial ("an", "o") only at the start: pinyin marks one
        // elsewhere with an apostrophe ("Xi'an").
        fn from(word: &str, first: bool) -> bool {
            word.is_empty()
                || (1..=6.min(word.len())).any(|k| {
                    word.is_char_boundary(k)
                        && (first || !word.starts_with(['a', 'e', 'o']))
                        && tables().syllables.contains(&word[..k])
                        && from(&word[k..], false)
                })
        }
        !word.is_empty() && from(word, true)
    }

    /// Whether a name of the translation (its words) is found in the source: by the table, as
    /// pinyin, or as a transliteration. Every word of the name must be found, or its last one
    /// (a family name), but for common English words (`is_common`: "Tri-Nation", "Public
    /// Security Bureau"), abbreviations and words too short to tell.
    pub fn has_name(&self, words: &[&str], is_common: &dyn Fn(&str) -> bool) -> bool {
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        if self.initial_and_syllable(&folded) {
            return true;
        }
        let joined = folded.concat();
        // The whole name in the table ("New Zealand", "Hong Kong"), possessive or not.
        let bare = possessive(&joined);
        // (A name of the table spelled in pinyin by the source's characters is found even
        // without the table's forms: "Xiaomi" is 小米 in "小米汽车".)
        if let Some(found) = self.table_says(&joined).or_else(|| self.table_says(bare))
            && (found || !(Self::is_pinyin(bare) && self.spelled_in_pinyin(bare)))
        {
            return found;
        }
        // A name in pinyin is its characters' readings in order ("Xi Jinping" is 习近平); no
        // single syllable of it ("Xi") is evidence.
        let parts: Vec<&str> = folded.iter().map(|f| possessive(f)).collect();
        // Every word spelled by the readings of the source's characters, also without the
        // apostrophe pinyin puts before a vowel ("Beijing Guoan", 北京国安).
        if parts.len() > 1 && parts.iter().all(|p| self.spelled_in_pinyin(p)) {
            return true;
        }
        // An English name may look like pinyin too ("Michigan", mi chi gan): one of three
        // consonant classes or more may still be a transliteration.
        if parts.iter().all(|p| Self::is_pinyin(p)) {
            let spelled = self.spelled_in_pinyin(&parts.concat())
                || (parts.len() > 1 && parts.iter().all(|p| self.spelled_in_pinyin(p)));
            if spelled || parts.iter().all(|p| english_classes(p).chars().count() < 3) {
                return spelled;
            }
        }
        let pieces =
            |w: &str| -> Vec<String> { w.split('-').map(fold).filter(|p| !p.is_empty()).collect() };
        let found = |w: &&str| {
            w.ends_with('.')
                || w.split('-').any(|p| is_common(&p.to_lowercase()))
                || pieces(w).iter().all(|p| self.has_word(possessive(p)))
        };
        // A Chinese text often gives only the family name ("Vladimir Putin" is 普京).
        let family = words.last().filter(|_| words.len() > 1).is_some_and(|w| {
            let p = pieces(w);
            !p.is_empty()
                && !is_common(&w.to_lowercase())
                && p.iter().all(|p| {
                    english_classes(p).chars().count() >= 2 && self.has_word(possessive(p))
                })
        });
        words.iter().all(found) || family
    }

    /// Whether the source writes the name as its first letter and the first syllable of its
    /// last word, as Chinese sports pages do ("C罗", Cristiano Ronaldo; "J罗", James
    /// Rodríguez): a capital Latin letter alone, then a character whose reading starts with the
    /// last word's first consonant class.
    fn initial_and_syllable(&self, folded: &[String]) -> bool {
        let (Some(first), Some(last)) = (folded.first(), folded.last()) else {
            return false;
        };
        if folded.len() < 2 {
            return false;
        }
        let last_class = english_classes_all(last).chars().next();
        (0..self.chars.len().saturating_sub(1)).any(|i| {
            let c = self.chars[i];
            c.is_ascii_uppercase()
                && !(i > 0 && self.chars[i - 1].is_ascii_alphabetic())
                && self.is_han(i + 1)
                && first.starts_with(c.to_ascii_lowercase())
                && readings(self.chars[i + 1])
                    .iter()
                    .any(|r| syllable_classes(r).chars().next() == last_class)
        })
    }

    /// Whether one word of a name is found in the source (or too short to tell).
    fn has_word(&self, f: &str) -> bool {
        if let Some(found) = self.table_says(f) {
            return found;
        }
        let classes = english_classes(f);
        classes.chars().count() < 2
            || (Self::is_pinyin(f) && self.spelled_in_pinyin(f))
            || self.spelled_in_cantonese(f)
            || self.sounds_in(&classes, 0..self.chars.len())
            || self.sounds_in(&english_classes_all(f), 0..self.chars.len())
    }

    /// For a name of the table: whether one of its Chinese forms is in the source.
    fn table_says(&self, folded: &str) -> Option<bool> {
        let mut known = false;
        for (en, zh) in &tables().names {
            if en.contains(&folded) {
                known = true;
                if zh.iter().any(|z| self.text.contains(z)) {
                    return Some(true);
                }
            }
        }
        known.then_some(false)
    }

    fn in_table(&self, folded: &str) -> bool {
        tables()
            .names
            .iter()
            .any(|(en, zh)| en.contains(&folded) && zh.iter().any(|z| self.text.contains(z)))
    }

    /// Names of the source that none of the translation's words (folded, and the capitalised
    /// ones as written, each with whether it is also a common English word) stands for, and that
    /// the translation (`target`) does not keep untranslated: names of the table, and runs of transliteration characters.
    pub fn missing_names(
        &self,
        target: &str,
        folded: &[String],
        capitalised: &[(&str, bool)],
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut covered = vec![false; self.chars.len()];
        // Names of the table, written with two characters or more; one that overlaps another
        // ("南非" in "西南非洲", south-west Africa) is left alone.
        let mut found_forms: Vec<(usize, usize, &Vec<&str>, &str)> = Vec::new();
        for (en, zh) in &tables().names {
            for z in zh.iter().filter(|z| z.chars().count() >= 2) {
                if let Some(at) = self.text.find(z) {
                    let start = self.text[..at].chars().count();
                    found_forms.push((start, start + z.chars().count(), en, z));
                }
            }
        }
        // Longer names first: "欧洲杯" (Euro) covers the "欧洲" (Europe) inside it.
        found_forms.sort_by_key(|&(start, end, _, _)| (std::cmp::Reverse(end - start), start));
        for &(start, end, en, z) in &found_forms {
            let n = end - start;
            let overlaps = found_forms.iter().any(|&(a, b, _, _)| {
                a < end && start < b && (a < start || b > end) && (a > start || b < end)
            });
            if overlaps || covered[start..end].iter().all(|&c| c) {
                covered[start..end].iter_mut().for_each(|c| *c = true);
                continue;
            }
            {
                covered[start..start + n].iter_mut().for_each(|c| *c = true);
                let found = folded.iter().any(|w| {
                    en.iter().any(|e| {
                        w == e || (e.len() >= 4 && w.starts_with(e) && w.len() <= e.len() + 2)
                    })
                }) || en.iter().any(|e| {
                    e.len() >= 6 && folded.windows(2).any(|p| format!("{}{}", p[0], p[1]) == *e)
                });
                if !found && !self.matched_by(capitalised, start..start + n) {
                    out.push(z.to_string());
                }
            }
        }
        // Runs of three or more transliteration characters, two thirds of them ones rare in
        // ordinary words ("卢旺达", "德本尔斯").
        let mut i = 0;
        while i < self.chars.len() {
            if !is_transliteration(self.chars[i]) || covered[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < self.chars.len() && is_transliteration(self.chars[i]) && !covered[i] {
                i += 1;
            }
            // Trim ordinary characters at the ends.
            let mut a = start;
            let mut b = i;
            while a < b && !TRANSLITERATION.contains(self.chars[a]) {
                a += 1;
            }
            while b > a && !TRANSLITERATION.contains(self.chars[b - 1]) {
                b -= 1;
            }
            let (start, i) = (a, b);
            let rare = self.chars[start..i]
                .iter()
                .filter(|&&c| TRANSLITERATION.contains(c))
                .count();
            if i - start >= 3 && rare * 3 >= (i - start) * 2 {
                covered[start..i].iter_mut().for_each(|c| *c = true);
                // Where the run starts and ends is a guess: a character more or less at either
                // end may belong to the name ("孙德本尔斯", Sundarbans; "格奥尔基耶娃",
                // Georgieva), or the whole run may be one character off ("滕哈赫赛后", Ten Hag
                // after the match: 滕 is the name's, 赛 is not).
                let n = self.chars.len();
                let spans = [
                    start..i,
                    start.saturating_sub(1)..i,
                    start..(i + 1).min(n),
                    start + 1..i,
                    start..i - 1,
                    start.saturating_sub(1)..i - 1,
                    start + 1..(i + 1).min(n),
                ];
                let mut spans = spans.into_iter();
                if !spans.any(|r| self.matched_by(capitalised, r)) {
                    out.push(self.chars[start..i].iter().collect());
                }
            }
        }
        // Names of people and places by their context.
        for (start, end, alternatives) in self.people().into_iter().chain(self.places()) {
            if covered[start..end].iter().any(|&c| c) {
                continue;
            }
            covered[start..end].iter_mut().for_each(|c| *c = true);
            if !alternatives
                .iter()
                .any(|&(a, b)| self.matched_by(capitalised, a..b))
            {
                out.push(self.chars[start..end].iter().collect());
            }
        }
        out.retain(|name| !target.contains(name.as_str()));
        out
    }

    fn is_break(&self, i: usize) -> bool {
        !self.is_han(i)
    }

    /// Names of people: a common family name and one or two characters, or two transliteration
    /// characters, after a break or a title and before a verb of saying or a title ("习近平总书记",
    /// "站长段梦琪说", "帕利说"). Each as its span and the spans it may stand for.
    fn people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for p in 2..self.chars.len() {
            if !PERSON_AFTER
                .iter()
                .any(|cue| self.chars[p..].starts_with(&cue.chars().collect::<Vec<_>>()))
                && !WEAK_PERSON_AFTER.contains(self.chars[p])
            {
                continue;
            }
            let weak = WEAK_PERSON_AFTER.contains(self.chars[p]);
            for len in [3, 2] {
                let Some(s) = p.checked_sub(len) else {
                    continue;
                };
                // After a weak cue, only a family name and two characters after a break.
                if weak && (len != 3 || (s > 0 && !self.is_break(s - 1))) {
                    continue;
                }
                let name = &self.chars[s..p];
                if name.iter().any(|&c| readings(c).is_empty())
                    || NOT_NAME_END.contains(name[len - 1])
                {
                    continue;
                }
                let shaped = SURNAMES.contains(name[0])
                    || (len == 2 && name.iter().all(|&c| is_transliteration(c)));
                let before_ok =
                    s == 0 || self.is_break(s - 1) || PERSON_BEFORE.contains(self.chars[s - 1]);
                if shaped && before_ok {
                    out.push((s, p, vec![(s, p)]));
                    break;
                }
            }
        }
        out
    }

    /// Names of places before 省, 市, 县 or 州 ("江西省", "乌鲁木齐市"): the two characters before
    /// it, which may stand for up to four.
    fn places(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for p in 2..self.chars.len() {
            if !PLACE_AFTER.contains(self.chars[p]) {
                continue;
            }
            // 市 starting a word of its own ("市场", market; "市民", citizens; "市值").
            if self.chars[p] == '市'
                && self
                    .chars
                    .get(p + 1)
                    .is_some_and(|&c| "场民值面".contains(c))
            {
                continue;
            }
            let s = p - 2;
            if !self.is_han(s)
                || !self.is_han(s + 1)
                || NOT_PLACE_END.contains(self.chars[p - 1])
                || PLACE_AFTER.contains(self.chars[p - 1])
            {
                continue;
            }
            let alternatives = (0..3)
                .filter_map(|k| s.checked_sub(k))
                .take_while(|&a| self.is_han(a))
                .map(|a| (a, p))
                .collect();
            out.push((s, p, alternatives));
        }
        out
    }

    /// Whether one of the words stands for characters of the source within `range`.
    fn matched_by(&self, words: &[(&str, bool)], range: std::ops::Range<usize>) -> bool {
        let part = HanSource::new(&self.chars[range.clone()].iter().collect::<String>());
        // The run's classes, with 'k' and 'ch' alike (English "ch" is either: "Michael",
        // "Chad").
        let merge = |s: &str| s.replace('C', "K");
        // A syllable in 'w' writes an English 'w', which is not heard, or a 'v' ("维基奇",
        // Vekic): the run's classes both ways.
        let classes = |v: bool| -> String {
            let mut w = String::new();
            for &c in &part.chars {
                let r = readings(c).first().copied().unwrap_or("");
                if v && r.starts_with('w') {
                    w.push('F');
                }
                w.push_str(&syllable_classes(r));
            }
            merge(&collapse(&w))
        };
        let (heard, as_v) = (classes(false), classes(true));
        let runs: Vec<&String> = if as_v == heard {
            vec![&heard]
        } else {
            vec![&heard, &as_v]
        };
        runs.iter().any(|run| {
            words.iter().any(|&(w, common)| {
                let f = fold(w);
                part.spelled_in_pinyin(&f)
                    || (!common && part.spelled_in_cantonese(&f))
                    || part.in_table(&f)
                    || [
                        english_classes(&f),
                        english_classes_all(&f),
                        english_classes_hard_g(&f),
                    ]
                    .iter()
                    .any(|classes| {
                        let n = classes.chars().count();
                        let loose = merge(classes);
                        // A common word only as exactly the run's sounds.
                        (!common && n >= 2 && part.sounds_in(classes, 0..part.chars.len()))
                            || (n >= 1 && loose == **run)
                            // Part of the run, or a run that is part of the word, from a
                            // word that is not also a common one ("Timbuktu", 廷巴克图).
                            || (!common && n >= 3 && run.contains(&loose))
                            || (!common && run.chars().count() >= 2 && loose.contains(run.as_str()))
                    })
            })
        })
    }
}

/// A folded word without the 's' of a possessive ("chinas" for "China's").
fn possessive(f: &str) -> &str {
    f.strip_suffix('s').filter(|b| b.len() >= 3).unwrap_or(f)
}

/// Repeated classes collapsed ("SSTN" → "STN").
fn collapse(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The consonant classes of a pinyin syllable: its initial and a final nasal ("lang" → "LN",
/// "er" → "L").
fn syllable_classes(s: &str) -> String {
    if s == "er" {
        return "L".to_string();
    }
    let initial = if s.starts_with("zh") || s.starts_with("ch") {
        Some('C')
    } else if s.starts_with("sh") {
        Some('S')
    } else {
        match s.chars().next() {
            Some('b' | 'p') => Some('P'),
            Some('d' | 't') => Some('T'),
            Some('g' | 'k') => Some('K'),
            Some('f') => Some('F'),
            Some('j' | 'q' | 'z' | 'c') => Some('C'),
            Some('x' | 's') => Some('S'),
            Some('r' | 'l') => Some('L'),
            Some('m' | 'n') => Some('N'),
            _ => None,
        }
    };
    let mut out: String = initial.into_iter().collect();
    if s.len() > 1 && (s.ends_with('n') || s.ends_with("ng")) {
        out.push('N');
    }
    out
}

/// The consonant classes of a folded English word as Chinese transliterates it ("trump" →
/// "TLNP", "houston" → "STN").
pub fn english_classes(w: &str) -> String {
    classes_of(w, true, false)
}

/// [`english_classes`] with every 'r' heard, as 尔 (er) writes it ("Andanar" is 安达纳尔), and
/// a 'j' or soft 'g' read as in Portuguese, French or Italian ("Janeiro" is 热内卢, re nei lu;
/// "Genoa" is 热那亚).
fn english_classes_all(w: &str) -> String {
    classes_of(w, false, false)
}

/// [`english_classes_all`] with every 'g' hard, as in names from Slavic and other languages
/// ("Georgieva" is 格奥尔基耶娃, ge ao er ji ye wa).
fn english_classes_hard_g(w: &str) -> String {
    classes_of(w, false, true)
}

fn classes_of(w: &str, drop_r: bool, hard_g: bool) -> String {
    let w: Vec<char> = w.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < w.len() {
        let c = w[i];
        let next = w.get(i + 1).copied().unwrap_or(' ');
        let after = w.get(i + 2).copied().unwrap_or(' ');
        let soft = matches!(next, 'e' | 'i' | 'y');
        let (class, step) = match (c, next) {
            ('t', 'c') if after == 'h' => ("C", 3),
            ('s', 'c') if after == 'h' => ("S", 3),
            ('c', 'h') if after == 'r' => ("K", 2),
            ('c', 'h') => ("C", 2),
            ('s', 'h') => ("S", 2),
            ('t', 'h') => ("T", 2),
            ('p', 'h') => ("F", 2),
            ('g', 'h') => ("", 2),
            ('c', 'k') | ('k', 'h') => ("K", 2),
            ('q', 'u') => ("K", 2),
            ('c', _) if soft => ("S", 1),
            ('g', _) if soft && !drop_r && !hard_g => ("L", 1),
            ('g', _) if soft && !hard_g => ("C", 1),
            // A 'q' without 'u' is pinyin ("Urumqi").
            ('q', _) => ("C", 1),
            ('c' | 'k' | 'g', _) => ("K", 1),
            // An 'r' after a vowel and before a consonant or at the end is not heard
            // ("Duisburg" is 杜伊斯堡, du yi si bao).
            ('r', _)
                if drop_r
                    && i > 0
                    && is_vowel(w[i - 1])
                    && (next == ' ' || (!is_vowel(next) && next != 'r')) =>
            {
                ("", 1)
            }
            ('x', _) => ("KS", 1),
            // Chinese writes a Romance 'j' with r (热 re: "Janeiro", "Jean").
            ('j', _) if !drop_r => ("L", 1),
            ('j' | 'z', _) => ("C", 1),
            ('s', _) => ("S", 1),
            ('t' | 'd', _) => ("T", 1),
            ('p' | 'b', _) => ("P", 1),
            ('f' | 'v', _) => ("F", 1),
            ('m' | 'n', _) => ("N", 1),
            ('l' | 'r', _) => ("L", 1),
            _ => ("", 1),
        };
        out.push_str(class);
        i += step;
    }
    collapse(&out)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Whether a name's classes and a run's classes are the same name: equal, or one class off in
/// a name of four classes or more (two in one of seven or more).
fn classes_match(name: &str, run: &str) -> bool {
    let n = name.chars().count();
    // English "ch" is either ("Michael", "Chad").
    let (name, run) = (&name.replace('C', "K"), &run.replace('C', "K"));
    if name == run {
        return true;
    }
    // A final consonant left unwritten ("Schumacher" is 舒马赫, shu ma he).
    if n >= 3 && run.chars().count() + 1 == n && name.starts_with(run.as_str()) {
        return true;
    }
    if n < 4 || run.chars().count() + 2 < n {
        return false;
    }
    let d = strsim::levenshtein(name, run);
    d <= 1 || (n >= 7 && d <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_of_characters() {
        assert_eq!(readings('习')[0], "xi");
        assert!(readings('重').contains(&"chong"));
        assert!(readings('a').is_empty());
    }

    #[test]
    fn classes() {
        assert_eq!(english_classes("trump"), "TLNP");
        assert_eq!(english_classes("houston"), "STN");
        assert_eq!(syllable_classes("lang"), "LN");
        assert_eq!(syllable_classes("er"), "L");
    }

    #[test]
    fn names_in_a_chinese_source() {
        let src = HanSource::new("习近平总书记在重庆会见了特朗普和休斯敦的客人，谈到地球。");
        assert!(src.has_name(&["Xi", "Jinping"], &|_| false));
        assert!(src.has_name(&["Chongqing"], &|_| false));
        assert!(src.has_name(&["Trump"], &|_| false));
        assert!(src.has_name(&["Houston"], &|_| false));
        assert!(src.has_name(&["Earth"], &|_| false));
        assert!(!src.has_name(&["Singapore"], &|_| false));
        assert!(!src.has_name(&["Vladivostok"], &|_| false));
        assert!(!src.has_name(&["Austria"], &|_| false));
    }

    /// The source names missing from a translation (its capitalised words taken as names).
    fn missing(src: &str, target: &str) -> Vec<String> {
        let src = HanSource::new(src);
        let folded: Vec<String> = target.split(' ').map(fold).collect();
        let capitalised: Vec<(&str, bool)> = target
            .split(' ')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| (w, false))
            .collect();
        src.missing_names(target, &folded, &capitalised)
    }

    #[test]
    fn missing_source_names() {
        // Table names, and a transliterated person before a verb of saying.
        let src = "帕利说，法国很快将拥有小型巡逻卫星。";
        assert!(missing(src, "Parly said France would soon have satellites").is_empty());
        assert_eq!(
            missing(src, "Parly said it would soon have satellites"),
            vec!["法国"]
        );
        assert_eq!(
            missing(src, "She said France would soon have satellites"),
            vec!["帕利"]
        );
        // 市 that starts "市场" (market) ends no place name.
        assert!(
            missing(
                "利润低于市场预期。",
                "Profit was below market expectations."
            )
            .is_empty()
        );
        // A longer name of the table covers a shorter one inside it.
        let src = "意大利队赢得了欧洲杯。";
        assert!(missing(src, "Italy won the Euro").is_empty());
        assert_eq!(missing(src, "Italy won the cup"), vec!["欧洲杯"]);
        // A run of transliteration characters.
        let src = "格里沃里认为，越南作出巨大贡献。";
        assert_eq!(
            missing(src, "Grigory believes that Vietnam has"),
            Vec::<String>::new()
        );
        assert_eq!(
            missing(src, "believes that Vietnam has made"),
            vec!["格里沃里"]
        );
        // A Chinese name after a title, and before a title.
        let src = "该电站站长段梦琪说，效率可提升。";
        assert!(missing(src, "Station director Duan Mengqi said").is_empty());
        assert_eq!(missing(src, "The station director said"), vec!["段梦琪"]);
        let src = "习近平总书记多次强调。";
        assert!(missing(src, "General Secretary Xi Jinping has emphasized").is_empty());
        assert_eq!(
            missing(src, "General Secretary has emphasized"),
            vec!["习近平"]
        );
        // A place before 省.
        let src = "江西省财政下达资金。";
        assert!(missing(src, "Jiangxi Province issued funds").is_empty());
        assert_eq!(missing(src, "The province issued funds"), vec!["江西"]);
        // Ordinary words before 市 are not places; a name kept in Chinese is not missing.
        assert!(missing("这个城市很大。", "The city is big").is_empty());
        assert!(missing("帕利说，法国很快。", "帕利 said France soon").is_empty());
        // Overlapping table names are left alone ("南非" in "西南非洲").
        assert!(
            missing(
                "西南非洲人民组织",
                "South West African People's Organization"
            )
            .is_empty()
        );
    }

    #[test]
    fn pinyin_shapes() {
        assert!(HanSource::is_pinyin("jinping"));
        assert!(HanSource::is_pinyin("shanghai"));
        assert!(HanSource::is_pinyin("anhui"));
        // A syllable without an initial only at the start ("Genoa" is not gen-o-a).
        assert!(!HanSource::is_pinyin("genoa"));
        assert!(!HanSource::is_pinyin("trump"));
    }

    #[test]
    fn romance_names_and_family_names() {
        let src =
            HanSource::new("里约热内卢州确诊超过16万例，国际米兰与热那亚的比赛。俄总统普京出席。");
        let common = |w: &str| matches!(w, "president");
        assert!(src.has_name(&["Rio", "Janeiro"], &common));
        assert!(src.has_name(&["Genoa"], &common));
        assert!(src.has_name(&["Milan"], &common));
        assert!(src.has_name(&["Vladimir", "Putin"], &common));
        assert!(!src.has_name(&["Vladimir", "Medvedev"], &common));
        assert!(!src.has_name(&["Shanghai"], &common));
    }

    #[test]
    fn cantonese_names_and_initials() {
        let common = |w: &str| matches!(w, "prime" | "minister");
        let src = HanSource::new("新加坡总理黄循财表示，香港特首林郑月娥出席。");
        // Names from Singapore and Hong Kong are spelt by their Cantonese readings.
        assert!(src.has_name(&["Lawrence", "Wong"], &common));
        assert!(src.has_name(&["Carrie", "Lam"], &common));
        assert!(!src.has_name(&["Lawrence", "Chan"], &common));
        // A Latin initial and a character: "C罗" is Cristiano Ronaldo.
        let src = HanSource::new("葡萄牙球星C罗在欧国联打进第900球。");
        assert!(src.has_name(&["Cristiano", "Ronaldo"], &common));
        assert!(!src.has_name(&["Cristiano", "Zanetti"], &common));
        assert!(!src.has_name(&["Lionel", "Messi"], &common));
    }
}
