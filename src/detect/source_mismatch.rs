//! The rule `source-mismatch`: see `META` for what it finds and why.
//!
//! ## What it does
//! Runs only when the source is given (`check --source FILE`, or `"source"` in a JSONL
//! record). The source and the translation are aligned by paragraph, then by sentence
//! (crate::align), and each aligned pair is compared:
//! - numbers of the source missing or different in the translation (digits with either
//!   decimal convention, number words in English, Dutch and German, Chinese numerals,
//!   Devanagari digits, months and times);
//! - names of the source missing in the translation, and names in the translation that are
//!   not in the source (a replaced name); see [`names`] for what each script allows, and
//!   [`han`] for Chinese sources (Mandarin readings, transliterations, a table of translated
//!   names, and names of people and places found by their context);
//! - a sentence left as it was in the source (untranslated);
//! - a sentence much shorter or longer than the article's other sentences are against their
//!   source (an omission or an addition), when the article has enough sentences to tell;
//! - a source sentence with no translation, or a translated sentence with no source.

pub mod cyrillic;
pub mod german;
pub mod han;
pub mod hindi;
pub mod japanese;
pub mod language;
pub mod names;
pub mod numbers;

use super::words::is_calendar_word;
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView, SourceDiagnosis, SourceView};
use crate::finding::{Category, Severity};
use crate::tag::{Tag, Tagger, features::word_key};
use names::{Script, devanagari_skeleton, fold, occurs_in, script_of};
use numbers::Number;

pub struct SourceMismatch;

static META: RuleMeta = RuleMeta {
    id: "source-mismatch",
    category: Category::SourceMismatch,
    severity: Severity::Major,
    summary: "A number or name differs from the source, or a sentence is untranslated, left \
              out or added (needs the source).",
    why: "A wrong number or a replaced name reads fluently, so neither a reader nor the other \
          checks notice it; only the source shows it.",
    fix: "Put back the source's number or name, translate the sentence left as it was, or \
          restore what was left out.",
    examples: &[
        Example::Bad {
            text: "Der Bub ist eines von rund 400 Frühchen, die jährlich in Graz umsorgt \
                   werden. => The boy is one of about 500 premature babies who are cared for \
                   every year in Graz.",
            fix: None,
        },
        Example::Bad {
            text: "Die Person habe sich vor drei Jahren nach Südkorea abgesetzt. => The person \
                   fled to South Korea four years ago.",
            fix: None,
        },
        Example::Bad {
            text: "Das sind gut 21 Prozent mehr, teilte der Netzbetreiber Tennet in Bayreuth \
                   mit. => This is a good 21 percent more, said the network operator Renamo in \
                   Bayreuth.",
            fix: None,
        },
        Example::Bad {
            text: "De man werkt als vrijwilliger voor het bisdom Nantes. => The man works \
                   as a volunteer for the diocese.",
            fix: None,
        },
        Example::Bad {
            text: "तीसरे नंबर पर कोहली को भविष्य का सचिन तेंदुलकर माना जा रहा है। => At number \
                   three, O'Malley is being considered as the Sachin Tendulkar of the future.",
            fix: None,
        },
        Example::Bad {
            text: "Die Regierung hat das Gesetz am Montag beschlossen. => Die Regierung hat \
                   das Gesetz am Montag beschlossen.",
            fix: None,
        },
        Example::Bad {
            text: "特朗普称密歇根州州长是独裁者。 => Putin called the governor of Michigan a \
                   dictator.",
            fix: None,
        },
        Example::Bad {
            text: "帕利说，法国很快将拥有小型巡逻卫星。 => Parly said that Singapore would soon \
                   have small patrol satellites.",
            fix: None,
        },
        Example::Bad {
            text: "该电站站长段梦琪说，发电效率可提升。 => The station director said that the \
                   efficiency can be increased.",
            fix: None,
        },
        Example::Bad {
            text: "श्री डट्टन ने मांग की कि सुश्री प्लिबरसेक को गारन्टी देनी चाहिए। => Mr. demanded \
                   that Ms. Plibersek should give a guarantee.",
            fix: None,
        },
        Example::Good(
            "श्री डट्टन ने मांग की कि सुश्री प्लिबरसेक को गारन्टी देनी चाहिए। => Mr. Dutton \
             demanded that Ms. Plibersek should give a guarantee.",
        ),
        Example::Bad {
            text: "जापान की परमाणु एजेंसी के अनुसार, प्लांट में आयोडीन की पहचान की गई। => \
                   According to the nuclear agency, iodine was detected at the plant.",
            fix: None,
        },
        Example::Good(
            "जापान की परमाणु एजेंसी के अनुसार, प्लांट में आयोडीन की पहचान की गई। => \
             According to Japan's nuclear agency, iodine was detected at the plant.",
        ),
        Example::Bad {
            text: "पुलिस कमिश्नर गिल ने बताया कि आरोपी पकड़े गए। => Police Commissioner said \
                   that the accused were caught.",
            fix: None,
        },
        Example::Good(
            "राष्ट्रपति चुनाव में प्रधानमंत्री ने कहा कि पुलिस कमिश्नर गिल ने आरोपी पकड़े। => In the \
             presidential election the Prime Minister said that Police Commissioner Gill caught \
             the accused.",
        ),
        Example::Bad {
            text: "Ein Zeuge hörte gegen 3.40 Uhr Geräusche in der Talstraße. => A witness heard \
                   noises at around 3:40 a.m.",
            fix: None,
        },
        Example::Bad {
            text: "Trotz kleiner Erfolge gelang Green kein Comeback. => Despite small successes, \
                   he did not make a comeback.",
            fix: None,
        },
        Example::Good(
            "Der US-Präsident besuchte mit dem Team ein Kind in einer Seitenstraße. => The US \
             President visited a child in a side street with the team.",
        ),
        Example::Bad {
            text: "Seit 300 Jahren schütze die Marine Russland zuverlässig, sagte Putin. => The \
                   Navy has been reliably protecting Russia for 300 years, he said.",
            fix: None,
        },
        Example::Bad {
            text: "Mehrere Fernsehschirme wurden in Wien aufgestellt. => Several television \
                   screens were set up in the city.",
            fix: None,
        },
        Example::Good(
            "Der Bub ist eines von 400 Frühchen an der Grazer Kinderklinik. => The boy is one \
             of 400 premature babies at the Children's Hospital in Graz.",
        ),
        Example::Good(
            "该电站站长段梦琪说，发电效率可提升。 => Duan Mengqi, the station director, said \
             that the efficiency can be increased.",
        ),
        Example::Good(
            "特朗普称密歇根州州长是独裁者。 => Trump called the governor of Michigan a \
             dictator.",
        ),
        Example::Good(
            "俄总统普京出席了波罗的海舰队的阅兵式。 => Russian President Vladimir Putin \
             attended the parade of the Baltic Fleet.",
        ),
        Example::Good(
            "Er hat tweehonderd Euro und zweihundert Dollar, am 21. Juli um 9.30 Uhr. => He \
             has 200 euros and two hundred dollars, on July 21 at 9:30.",
        ),
        Example::Good(
            "Das Ergebnis lag bei 1,5 Prozent, mehr als 1.000 Menschen kamen nach Wien. => \
             The result was 1.5 percent, more than 1,000 people came to Vienna.",
        ),
        Example::Good(
            "Der Sprecher von Sarradj sagte, die Bundesregierung sei in Deutschland. => \
             Sarraj's spokesman said the federal government was in Germany.",
        ),
        Example::Good(
            "Die Person habe sich vor drei Jahren nach Südkorea abgesetzt. => The person fled \
             to South Korea three years ago.",
        ),
        Example::Good(
            "截至7月25日24时，乌鲁木齐市现有确诊病例135例。 => As of 24:00 on July 25, there \
             were 135 confirmed cases in Urumqi.",
        ),
        Example::Good(
            "तीसरे नंबर पर कोहली को भविष्य का सचिन तेंदुलकर माना जा रहा है। => At number \
             three, Kohli is being considered as the Sachin Tendulkar of the future.",
        ),
    ],
};

/// What the rule needs to know of one aligned pair.
struct Pair {
    /// Source text of the bead (normalized), and as in the input.
    src: String,
    src_original: String,
    /// Target sentence indices.
    tgt: (usize, usize),
}

impl Detector for SourceMismatch {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, _sentence: &SentenceView, _out: &mut Vec<Diagnosis>) {}

    fn check_source(
        &self,
        target: &[SentenceView],
        source: &SourceView,
        out: &mut Vec<SourceDiagnosis>,
    ) {
        let (ctx, lang) = source_context(source);
        let script = ctx.script;
        let pairs = pairs_of(source);
        let mut push = |sentence: usize, src: &str, d: Diagnosis| {
            out.push(SourceDiagnosis {
                sentence,
                source: src.to_string(),
                lang: lang.map(|l| l.code),
                diagnosis: d,
            })
        };
        // Numbers of every bead, so a neighbouring bead can vouch for a number an imperfect
        // alignment put next door.
        let src_numbers: Vec<Vec<Number>> = pairs
            .iter()
            .map(|p| numbers::extract_in(&p.src, lang.map(|l| l.code)))
            .collect();
        let tgt_numbers: Vec<Vec<(usize, Number)>> =
            pairs.iter().map(|p| target_numbers(target, p)).collect();
        for (k, p) in pairs.iter().enumerate() {
            if p.tgt.0 == p.tgt.1 || p.src.is_empty() {
                continue;
            }
            check_numbers(target, p, k, &src_numbers, &tgt_numbers, &mut push);
            check_codes(target, p, &mut push);
            self.check_names(target, p, &ctx, &mut push);
            if script == Script::Latin {
                check_untranslated(target, p, &mut push);
            }
        }
        check_unaligned(target, source, &pairs, &mut push);
        check_length_ratios(target, &pairs, &mut push);
    }
}

/// What the checks know of a source: its script, its language (the one the user gave, else
/// the one the text reads as) and how it writes names.
fn source_context(source: &SourceView) -> (NameContext, Option<&'static language::Language>) {
    let text = &source.source.normalized.text;
    let script = script_of(text);
    let lang = source
        .lang
        .and_then(language::by_code)
        .or_else(|| language::detect(text));
    let ctx = NameContext {
        script,
        capitalises_nouns: lang.is_some_and(|l| l.nouns_capitalised) && capitalises_nouns(text),
        // Names of a Cyrillic source are compared in Latin letters, as a Latin source's.
        cyrillic: script == Script::Other && cyrillic::has_cyrillic(text),
        lang,
    };
    (ctx, lang)
}

/// The aligned beads as pairs of source text and target sentences.
fn pairs_of(source: &SourceView) -> Vec<Pair> {
    source
        .beads
        .iter()
        .map(|b| Pair {
            src: (b.src.0..b.src.1)
                .map(|i| source.source.text(i))
                .collect::<Vec<_>>()
                .join(" "),
            src_original: (b.src.0..b.src.1)
                .map(|i| source.source.original_text(i))
                .collect::<Vec<_>>()
                .join(" "),
            tgt: b.tgt,
        })
        .collect()
}

/// The numbers of a pair's target sentences, each with its sentence and its offsets in the
/// text.
fn target_numbers(target: &[SentenceView], p: &Pair) -> Vec<(usize, Number)> {
    (p.tgt.0..p.tgt.1)
        .flat_map(|i| {
            let seg = target[i].sentence.segment;
            numbers::extract(&target[i].text[seg.start..seg.end])
                .into_iter()
                .map(move |mut n| {
                    n.start += seg.start;
                    n.end += seg.start;
                    (i, n)
                })
        })
        .collect()
}

/// The start and end of target sentence `i` in the text.
fn sentence_span(target: &[SentenceView], i: usize) -> (usize, usize) {
    let s = target[i].sentence.segment;
    (s.start, s.end)
}

/// Numbers of pair `k`'s source missing or different in its translation, and numbers of the
/// translation not in the source. A number of a neighbouring bead counts as found.
fn check_numbers(
    target: &[SentenceView],
    p: &Pair,
    k: usize,
    src_numbers: &[Vec<Number>],
    tgt_numbers: &[Vec<(usize, Number)>],
    push: &mut impl FnMut(usize, &str, Diagnosis),
) {
    let first = p.tgt.0;
    let (missing, extra) = unmatched_numbers(k, src_numbers, tgt_numbers);
    let src_text = |n: &Number| p.src[n.start..n.end].to_string();
    let tgt_text = |n: &Number| target[0].text[n.start..n.end].to_string();
    if missing.len() == 1 && extra.len() == 1 {
        let (i, n) = extra[0];
        push(
            *i,
            &p.src_original,
            Diagnosis {
                check: "",
                start: n.start,
                end: n.end,
                message: format!(
                    "'{}' here is '{}' in the source: \u{201c}{}\u{201d}",
                    tgt_text(n),
                    src_text(missing[0]),
                    p.src_original
                ),
                suggestion: None,
                confidence: 0.9,
            },
        );
        return;
    }
    for (i, n) in &extra {
        push(
            *i,
            &p.src_original,
            Diagnosis {
                check: "",
                start: n.start,
                end: n.end,
                message: format!(
                    "the number '{}' is not in the source: \u{201c}{}\u{201d}",
                    tgt_text(n),
                    p.src_original
                ),
                suggestion: None,
                confidence: 0.85,
            },
        );
    }
    for n in &missing {
        let (s, e) = sentence_span(target, first);
        push(
            first,
            &p.src_original,
            Diagnosis {
                check: "",
                start: s,
                end: e,
                message: format!(
                    "the source's number '{}' is missing from the translation: \
                     \u{201c}{}\u{201d}",
                    src_text(n),
                    p.src_original
                ),
                suggestion: None,
                confidence: 0.85,
            },
        );
    }
}

/// Codes of the translation whose name is in the source with other digits ("Covid-22" for
/// "covidu-19", "F-16" for "F-35").
fn check_codes(target: &[SentenceView], p: &Pair, push: &mut impl FnMut(usize, &str, Diagnosis)) {
    let src_codes = numbers::codes(&p.src);
    if src_codes.is_empty() {
        return;
    }
    // The same name: equal letters, or one an inflection of the other ("covidu", "covid").
    let same_name = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        short == long || (short.chars().count() >= 3 && long.starts_with(short))
    };
    for (i, view) in target.iter().enumerate().take(p.tgt.1).skip(p.tgt.0) {
        let seg = view.sentence.segment;
        for c in numbers::codes(&view.text[seg.start..seg.end]) {
            let named: Vec<&numbers::Code> = src_codes
                .iter()
                .filter(|s| same_name(&s.letters, &c.letters))
                .collect();
            let Some(first) = named.first() else { continue };
            if named.iter().any(|s| s.digits == c.digits) {
                continue;
            }
            let (start, end) = (seg.start + c.start, seg.start + c.end);
            push(
                i,
                &p.src_original,
                Diagnosis {
                    check: "",
                    start,
                    end,
                    message: format!(
                        "'{}' here is '{}' in the source: \u{201c}{}\u{201d}",
                        &view.text[start..end],
                        &p.src[first.start..first.end],
                        p.src_original
                    ),
                    suggestion: None,
                    confidence: 0.85,
                },
            );
        }
    }
}

/// The numbers of pair `k`'s source not in its translation, and the numbers of its
/// translation not in its source; a number of a neighbouring bead counts as found.
fn unmatched_numbers<'a>(
    k: usize,
    src_numbers: &'a [Vec<Number>],
    tgt_numbers: &'a [Vec<(usize, Number)>],
) -> (Vec<&'a Number>, Vec<&'a (usize, Number)>) {
    let near = |k: usize| k.saturating_sub(1)..(k + 2).min(src_numbers.len());
    let missing: Vec<&Number> = src_numbers[k]
        .iter()
        .filter(|n| n.strong)
        .filter(|n| !near(k).any(|j| tgt_numbers[j].iter().any(|(_, m)| m.agrees(n))))
        .collect();
    let extra: Vec<&(usize, Number)> = tgt_numbers[k]
        .iter()
        .filter(|(_, n)| n.digits && n.strong)
        .filter(|(_, n)| !near(k).any(|j| src_numbers[j].iter().any(|m| m.agrees(n))))
        .collect();
    // Small numbers written as words ("nine days" for "三天", "four weeks" for "drei Wochen")
    // are reported only as a pair: a number word of the translation that the source lacks,
    // while a small number of the source is missing from the translation.
    let small = |n: &Number| n.values.iter().any(|v| (2.0..=12.0).contains(v));
    let extra_words: Vec<&(usize, Number)> = tgt_numbers[k]
        .iter()
        .filter(|(_, n)| n.word && !n.strong && small(n))
        .filter(|(_, n)| !near(k).any(|j| src_numbers[j].iter().any(|m| m.agrees(n))))
        .collect();
    let missing_small: Vec<&Number> = src_numbers[k]
        .iter()
        .filter(|n| small(n) && !n.strong)
        .filter(|n| !near(k).any(|j| tgt_numbers[j].iter().any(|(_, m)| m.agrees(n))))
        .collect();
    if missing.is_empty() && extra.is_empty() && missing_small.len() == 1 && extra_words.len() == 1
    {
        (missing_small, extra_words)
    } else {
        (missing, extra)
    }
}

/// Target sentences of a pair that are its source left as it was (untranslated).
fn check_untranslated(
    target: &[SentenceView],
    p: &Pair,
    push: &mut impl FnMut(usize, &str, Diagnosis),
) {
    for (i, view) in target.iter().enumerate().take(p.tgt.1).skip(p.tgt.0) {
        let (s, e) = sentence_span(target, i);
        if looks_untranslated(&view.text[s..e], &p.src) {
            push(
                i,
                &p.src_original,
                Diagnosis {
                    check: "",
                    start: s,
                    end: e,
                    message: format!(
                        "the sentence is the same as its source, not translated: \
                         \u{201c}{}\u{201d}",
                        p.src_original
                    ),
                    suggestion: None,
                    confidence: 0.9,
                },
            );
        }
    }
}

/// Titles and words that are capitalised without being names (besides day and month names,
/// [`is_calendar_word`]).
const NOT_NAMES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "mt", "i", "ok",
    "tv", "am", "pm", "bc", "ad", "bce", "ce",
];

/// Lower-case words inside a name ("Rio de Janeiro", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "al",
    "el", "la", "le", "bin", "ibn",
];

/// How many capitalised words of the same title stand before source word `h`, joined to it by
/// small words ("Cúpula de Hierro").
fn title_words_before(ws: &[&str], h: usize) -> usize {
    let (mut j, mut n) = (h, 0);
    loop {
        let mut k = j;
        while k > 0 && j - k < 2 && is_small_word(ws[k - 1]) {
            k -= 1;
        }
        if k == 0 || k == j || !is_capitalised(ws[k - 1]) {
            return n;
        }
        n += 1;
        j = k - 1;
    }
}

/// Whether a source word is a small word that joins a title's capitalised words ("Liga de
/// Campeones", "Ministerio para la Transición", "Giornata mondiale della Gioventù").
fn is_small_word(w: &str) -> bool {
    NAME_PARTICLES.contains(&w)
        || [
            "des", "dei", "degli", "delle", "dello", "dal", "y", "e", "et", "i", "a", "per",
            "pour", "pro", "para", "na", "w", "z", "ze", "pe", "al", "lui",
        ]
        .contains(&w)
}

/// German words after which a capitalised word is a name: verbs of saying and other verbs
/// that put their subject after them ("sagte Putin", "hatte Werth", "laut Tennet"), and
/// forms of address.
const NAME_CUES: &[&str] = &[
    "sagte",
    "sagt",
    "meinte",
    "erklärte",
    "betonte",
    "schrieb",
    "teilte",
    "berichtete",
    "nannte",
    "warnte",
    "kritisierte",
    "forderte",
    "so",
    "laut",
    "hatte",
    "gelang",
    "herr",
    "frau",
];

/// German indefinite articles: a street after one is any street, not a name.
const INDEFINITE: &[&str] = &[
    "ein", "eine", "einer", "einem", "einen", "eines", "kein", "keine",
];

/// German acronyms an English translation spells out ("WM-Titel" is "World Cup title").
const TRANSLATED_ACRONYMS: &[&str] = &[
    "wm", "em", "dfb", "nrw", "brd", "ddr", "bgh", "bka", "lka", "bnd", "ezb", "kfz", "pkw", "lkw",
    "ns", "sed", "ard", "zdf", "ig", "ag", "gmbh", "ev", "dax", "oz", "bvb",
];

/// German and Dutch words after which a capitalised word is a common noun.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "einer", "eines",
    "kein", "keine", "keinen", "keinem", "keiner", "mein", "meine", "meinen", "meinem", "sein",
    "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "ihres", "unser", "unsere", "unseren", "unserem", "dieser", "diese", "dieses", "diesem",
    "diesen", "jeder", "jede", "jedes", "jedem", "jeden", "welche", "welcher", "welches", "alle",
    "allen", "aller", "beide", "beiden", "viele", "vielen", "einige", "einigen", "mehrere",
    "mehreren", "manche", "am", "im", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "de",
    "het", "een", "deze", "dit", "dat", "geen", "mijn", "zijn", "haar", "hun", "onze", "ons", "uw",
    "elk", "elke", "ieder", "iedere", "veel", "vele", "enkele", "sommige", "andere", "anderen",
    "neue", "neuen", "ersten", "letzten", "rund", "etwa", "ca", "pro", "je",
];

/// Capitalised German and Dutch words that are not names.
const SOURCE_STOP: &[&str] = &[
    "sie",
    "ihnen",
    "ihr",
    "ihre",
    "ihren",
    "ihrem",
    "ihrer",
    "ihres",
    "u",
    "uw",
    "herr",
    "frau",
    "dr",
    "prof",
    "st",
    "nr",
    "bzw",
    "ca",
    "mio",
    "mrd",
    "euro",
    "dollar",
    // "in Kraft treten", to come into force.
    "kraft",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// German words that end like an inflected adjective but are not one ("oder Manchester City").
const NOT_ADJECTIVES: &[&str] = &[
    "oder", "aber", "über", "unter", "hinter", "wieder", "immer", "sehr", "wer", "wegen", "gegen",
    "neben", "zwischen", "außer", "nieder", "später", "früher", "weiter",
];

/// Endings of German and Dutch common nouns.
const NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "sion", "sionen", "ität", "itäten", "ismus", "nis", "nisse", "tum", "chen", "lein", "ling",
    "linge", "ment", "mente", "anz", "enz", "ie", "ien", "ei", "eien", "ik", "heid", "ing",
    "ingen", "schap", "tie", "ties", "isme", "teit", "ur", "uren",
];

fn is_common_english(word: &str) -> bool {
    let proper = (1u64 << Tag::NNP.index()) | (1u64 << Tag::NNPS.index());
    Tagger::embedded()
        .model()
        .word(word_key(word))
        .is_some_and(|e| (e.tags | e.morph) & !proper != 0)
}

/// Whether English uses a word as anything but a name in the treebank itself (not only in the
/// morphological lexicon, which knows "trump" and "java" as common words too).
fn is_observed_english(word: &str) -> bool {
    let proper = (1u64 << Tag::NNP.index()) | (1u64 << Tag::NNPS.index());
    Tagger::embedded()
        .model()
        .word(word_key(word))
        .is_some_and(|e| e.tags & !proper != 0)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether token `i` of a target sentence is (part of) a name.
fn is_target_name(view: &SentenceView, i: usize) -> bool {
    let w = view.words[i];
    if !is_capitalised(w) || !w.chars().all(|c| c.is_alphabetic() || "'-.’".contains(c)) {
        return false;
    }
    let lower = fold(w);
    if NOT_NAMES.contains(&lower.as_str()) || is_calendar_word(&lower) {
        return false;
    }
    // A sentence opens capitalised: a word shaped like a common noun there ("Reintegration
    // shock occurs …") is one, even when the lexicon does not know it.
    if i == 0 && !is_acronym(w) && ENGLISH_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return false;
    }
    // A compound of common words is no name, even capitalised at a sentence's start
    // ("Fast-moving", "Son-in-law", "Twenty-five", "T-shirts").
    if w.contains('-')
        && w.split('-').all(|p| {
            let p = p.to_lowercase();
            p.chars().count() <= 1 || is_common_english(&p) || numbers::word_value(&p).is_some()
        })
    {
        return false;
    }
    is_acronym(w) || !is_common_english(w)
}

/// Endings of English common nouns that names hardly have.
const ENGLISH_NOUN_ENDINGS: &[&str] = &[
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ism", "isms",
    "ance", "ence", "ship", "hood", "ology", "ologies",
];

/// A short abbreviation in capital and small letters ("Rz" for "Rzeczpospolita"): a
/// translation may write it out.
fn is_abbreviation(w: &str) -> bool {
    let mut c = w.chars();
    let n = w.chars().count();
    (2..=3).contains(&n)
        && c.next().is_some_and(char::is_uppercase)
        && c.all(|c| c.is_lowercase())
        && !NOT_NAMES.contains(&fold(w).as_str())
}

/// Words of a text: runs of letters, digits and combining marks (hyphens split).
/// Letters of another script next to Latin ones end a word ("CBA联赛" is "CBA" and "联赛").
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for run in text
        .split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
        .filter(|w| !w.is_empty())
    {
        let mut start = 0;
        let mut prev: Option<bool> = None;
        for (at, c) in run.char_indices() {
            let latin = c.is_ascii_alphanumeric();
            let other = crate::align::is_cjk(c) || ('\u{0900}'..='\u{097F}').contains(&c);
            let kind = if latin {
                Some(true)
            } else if other {
                Some(false)
            } else {
                prev
            };
            if let (Some(p), Some(k)) = (prev, kind)
                && p != k
                && at > start
            {
                out.push(&run[start..at]);
                start = at;
            }
            prev = kind;
        }
        out.push(&run[start..]);
    }
    out
}

fn is_mark(c: char) -> bool {
    // Devanagari vowel signs and other combining marks are not alphanumeric.
    matches!(c as u32, 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963)
}

/// Whether a text in a language that capitalises its nouns (German) shows it: more than a
/// fifth of the words inside sentences start with a capital. (A short Polish or Czech sentence
/// full of names has as many capitals inside it: the language is read from its small words.)
fn capitalises_nouns(text: &str) -> bool {
    let mut inside = 0;
    let mut capital = 0;
    for sentence in text.split(['.', '!', '?', '\n']) {
        for w in words(sentence).iter().skip(1) {
            if w.chars().next().is_some_and(char::is_alphabetic) {
                inside += 1;
                capital += is_capitalised(w) as usize;
            }
        }
    }
    inside >= 5 && capital * 5 > inside
}

/// Whether English writes a word for a people, a nationality or a language ("Europeans",
/// "French", "Chadian", "Czechs"): a plural name or a capitalised adjective in the lexicon, or a
/// word with an ending English makes such words with.
fn is_people_word(word: &str) -> bool {
    let people = (1u64 << Tag::NNPS.index()) | (1u64 << Tag::JJ.index());
    let known = |w: &str| {
        Tagger::embedded()
            .model()
            .word(word_key(w))
            .is_some_and(|e| e.tags & people != 0)
    };
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    is_capitalised(word)
        && !is_acronym(word)
        && (known(word)
            || word.strip_suffix('s').is_some_and(known)
            || ["ian", "ean", "ese", "ish"]
                .iter()
                .any(|e| singular.ends_with(e) && singular.len() >= e.len() + 3))
}

fn is_proper_english(word: &str) -> bool {
    let proper = (1u64 << Tag::NNP.index()) | (1u64 << Tag::NNPS.index());
    Tagger::embedded()
        .model()
        .word(word_key(word))
        .is_some_and(|e| (e.tags | e.morph) != 0 && (e.tags | e.morph) & !proper == 0)
}

/// Spelled unlike a German or Dutch word: 'y', 'q', 'x', a 'c' outside "ch"/"ck", accents
/// German does not use, or a final vowel other than 'e' ("Imola", "Colbert", "Flynn").
fn foreign_shaped(word: &str) -> bool {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let n = w.len();
    let odd_letter = w.iter().enumerate().any(|(i, &c)| {
        matches!(c, 'y' | 'q' | 'x')
            || (c == 'c' && !matches!(w.get(i + 1), Some('h' | 'k')))
            || (!c.is_ascii() && !matches!(c, 'ä' | 'ö' | 'ü' | 'ß'))
    });
    let odd_end = n >= 4
        && matches!(w[n - 1], 'a' | 'i' | 'o' | 'u')
        && !w.ends_with(&['a', 'u'])
        && !w.ends_with(&['e', 'i']);
    odd_letter || odd_end
}

/// Signs that a capitalised source word is a name: an acronym, a name English knows (also as
/// "Londoner", "Merkels"), a name with an exonym, a spelling German and Dutch do not use, or,
/// in a German source, a word that is not German.
fn name_evidence(w: &str, capitalises_nouns: bool) -> bool {
    let f = fold(w);
    let variants = [
        Some(f.as_str()),
        f.strip_suffix('s'),
        f.strip_suffix("er"),
        f.strip_suffix("ern"),
        f.strip_suffix("ers"),
    ];
    is_acronym(w)
        || foreign_shaped(w)
        || variants.iter().flatten().any(|v| {
            v.chars().count() >= 4 && (is_proper_english(v) || !names::exonyms(v).is_empty())
        })
        // Not a German word: a name, a word English shares, or a rare word.
        || (capitalises_nouns
            && f.chars().count() >= 4
            && !german::is_common(&f, &is_common_english)
            && !german::is_shared(&f))
}

/// Indices of the words of a Latin-script source sentence that are likely names: capitalised
/// mid-sentence, not after an article, not shaped like a common noun. In a language that
/// capitalises its nouns a group of such words also needs a sign of being a name: an acronym,
/// a name English knows, or a spelling German and Dutch do not use.
fn latin_source_names(
    src: &str,
    ws: &[&str],
    capitalises_nouns: bool,
    cyrillic: bool,
    de_is_article: bool,
    joined: &[bool],
) -> Vec<usize> {
    let (in_compound, before_hyphen) = hyphen_marks(src, ws);
    let initial = sentence_initial(src, ws);
    let mut out = Vec::new();
    let mut cued = vec![false; ws.len()];
    for (i, w) in ws.iter().enumerate() {
        // Roman numerals are numbers ("XIVe siècle", "Jan Paweł II").
        if !is_capitalised(w)
            || w.chars().any(|c| c.is_ascii_digit())
            || numbers::roman_value(w).is_some()
        {
            continue;
        }
        let verdict = if in_compound[i] {
            compound_part_name(ws, i, before_hyphen[i], capitalises_nouns)
        } else {
            free_word_name(
                ws,
                &initial,
                joined,
                i,
                capitalises_nouns,
                cyrillic,
                de_is_article,
            )
        };
        if let Some(is_cued) = verdict {
            cued[i] = is_cued;
            out.push(i);
        }
    }
    if !capitalises_nouns {
        return out;
    }
    // Keep the groups of neighbours that show a sign of being a name.
    let mut kept = Vec::new();
    let mut k = 0;
    while k < out.len() {
        let mut e = k + 1;
        while e < out.len() && out[e] == out[e - 1] + 1 && joined[out[e]] {
            e += 1;
        }
        if out[k..e]
            .iter()
            .any(|&i| cued[i] || name_evidence(ws[i], capitalises_nouns))
        {
            kept.extend_from_slice(&out[k..e]);
        }
        k = e;
    }
    kept
}

/// Which words of the source follow the word before them in the same run: across spaces, a
/// hyphen or an apostrophe only, not a comma, bracket or quote ("di Roma, Giuseppe Verdi"
/// are two names). `ws` are slices of `src`.
fn same_run(src: &str, ws: &[&str]) -> Vec<bool> {
    let offset = |w: &str| (w.as_ptr() as usize).wrapping_sub(src.as_ptr() as usize);
    (0..ws.len())
        .map(|j| {
            j > 0 && {
                let end = offset(ws[j - 1]) + ws[j - 1].len();
                src.get(end..offset(ws[j])).is_some_and(|gap| {
                    gap.chars()
                        .all(|c| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
                })
            }
        })
        .collect()
}

/// Which words of the source open a sentence: the first, each after a sentence's final
/// punctuation (past quotes and brackets: "… upadło. „Choć …"), and the first word of a
/// quotation, capitalised as a title or a quoted sentence is ("„Fulgerul”", "\"Долгое
/// государство\"").
fn sentence_initial(src: &str, ws: &[&str]) -> Vec<bool> {
    let base = src.as_ptr() as usize;
    ws.iter()
        .enumerate()
        .map(|(i, w)| {
            let at = (w.as_ptr() as usize).wrapping_sub(base);
            // (An abbreviation in quotes is a title's short form: "„Rz”".)
            let quoted = !is_abbreviation(w)
                && src.get(..at).is_some_and(|before| {
                    let mut end = before.chars().rev();
                    end.next()
                        .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«' | '»' | '‘' | '‚'))
                        && end
                            .next()
                            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['))
                });
            i == 0
                || quoted
                || src.get(..at).is_some_and(|before| {
                    let before = before.trim_end_matches(|c: char| {
                        c.is_whitespace()
                            || matches!(c, '"' | '“' | '„' | '«' | '»' | '\'' | '‘' | '(' | '[')
                    });
                    // Not after an ordinal ("am 19. Juli") or an initial ("J. Smith").
                    let mut end = before.chars().rev();
                    let (last, prev, third) = (end.next(), end.next(), end.next());
                    matches!(last, Some('.' | '!' | '?' | '…'))
                        && !prev.is_some_and(|c| c.is_ascii_digit())
                        && !(prev.is_some_and(char::is_uppercase)
                            && third.is_none_or(|c| !c.is_alphabetic()))
                })
        })
        .collect()
}

/// Which words of the source are parts of a compound joined by hyphens ("WM-Punkte",
/// "US-Dollar", "ESPN-Angaben": translated as a whole), and which stand before a hyphen.
fn hyphen_marks(src: &str, ws: &[&str]) -> (Vec<bool>, Vec<bool>) {
    let mut in_compound = vec![false; ws.len()];
    let mut before_hyphen = vec![false; ws.len()];
    let mut at = 0;
    for (i, w) in ws.iter().enumerate() {
        if let Some(p) = src[at..].find(w) {
            let (a, b) = (at + p, at + p + w.len());
            before_hyphen[i] = src[b..].starts_with('-');
            in_compound[i] = src[..a].ends_with('-') || before_hyphen[i];
            at = b;
        }
    }
    (in_compound, before_hyphen)
}

/// Whether a word of the source is an English common word. A German source capitalises its
/// nouns, and English shares some of them: only a word English itself uses as a common word
/// counts as one ("Trump", "Java" do not), and only one German uses as its own ("Kind",
/// "Team"): other English words in a German text are names and titles left in English
/// ("Green", "Long Bay", "Black Lives Matter").
fn is_source_english(w: &str, capitalises_nouns: bool) -> bool {
    if capitalises_nouns {
        is_observed_english(w) && german::is_shared(&fold(w))
    } else {
        is_common_english(w)
    }
}

/// Whether capitalised word `i`, part of a hyphenated compound, is a name: `Some(true)` (a
/// cued name) or `None`. A name stays a name inside a compound ("Corona-Krise",
/// "Rakoczy-Reitturnier"): in a German source, a part before the head that is neither German
/// nor English. An acronym English keeps ("ESPN-Angaben", "US-Imperialisten") counts too.
fn compound_part_name(
    ws: &[&str],
    i: usize,
    before_hyphen: bool,
    capitalises_nouns: bool,
) -> Option<bool> {
    let w = ws[i];
    let f = fold(w);
    // ("US-Dollar" is "$").
    let acronym = is_acronym(w)
        && !TRANSLATED_ACRONYMS.contains(&f.as_str())
        && ws.get(i + 1).is_none_or(|n| fold(n) != "dollar");
    (capitalises_nouns
        && before_hyphen
        && (acronym
            || (!is_acronym(w)
                && f.chars().count() >= 4
                && !german::is_common(&f, &is_common_english)
                && !is_source_english(&w.to_lowercase(), capitalises_nouns))))
    .then_some(true)
}

/// Whether capitalised word `i`, not in a compound, is a name: `Some(cued)`, where a cued name
/// is one its context marks as a name (a place form, a street, a word after a verb of saying or
/// a title), or `None`.
fn free_word_name(
    ws: &[&str],
    initial: &[bool],
    joined: &[bool],
    i: usize,
    capitalises_nouns: bool,
    cyrillic: bool,
    de_is_article: bool,
) -> Option<bool> {
    let w = ws[i];
    let english = |w: &str| is_source_english(w, capitalises_nouns);
    // A transliterated Cyrillic source: a common Russian word is no name wherever it stands
    // ("Бога", "Церковь", "Вы"), and an acronym is translated ("США", USA). Any other word
    // inside a sentence is a name; a sentence's first word only when the source capitalises
    // it elsewhere too.
    if cyrillic {
        let f = fold(w);
        let again = || {
            ws.iter()
                .enumerate()
                .any(|(j, o)| j != i && !initial[j] && fold(o) == f && is_capitalised(o))
        };
        return (!cyrillic::is_common_latin(&f) && !is_acronym(w) && (!initial[i] || again()))
            .then_some(false);
    }
    // A sentence's first word is capitalised anyway: only a clear name counts there.
    if initial[i] && (is_acronym(w) || is_common_english(w) || !name_evidence(w, capitalises_nouns))
    {
        return None;
    }
    let lower = w.to_lowercase();
    if SOURCE_STOP.contains(&lower.as_str()) || {
        let f = fold(w);
        NOT_NAMES.contains(&f.as_str()) || is_calendar_word(&f)
    } {
        return None;
    }
    if is_acronym(w) {
        return Some(false);
    }
    if initial[i] {
        // Outside German, any word opens a sentence capitalised, and a foreign-looking one is
        // as often a common word ("Sąd", "Předtím", "Choć") as a name: it counts when the
        // source capitalises it elsewhere too, inside a sentence.
        let again = ws
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && !initial[j] && fold(o) == fold(w) && is_capitalised(o));
        // So is one that a capitalised word follows in the same run ("Thomas Cook ogłosiło",
        // "Franco A. wszedł", not "Además, Peña Nieto"): two capitals in a row open a name
        // (an acronym does not: "Według GUS", according to the statistics office).
        let paired = !cyrillic
            && joined.get(i + 1).copied().unwrap_or(false)
            && ws.get(i + 1).is_some_and(|n| {
                is_capitalised(n) && !is_acronym(n) && !initial.get(i + 1).copied().unwrap_or(true)
            });
        return (capitalises_nouns || again || paired).then_some(false);
    }
    // A place with a name in English, or its possessive or adjective ("Wien", "im Iran",
    // "Singapurs", "die Grazer Klinik", "ein Münchner") is a name wherever it stands, and so
    // is a street ("in der Talstraße"), unless it is any side street ("in einer
    // Seitenstraße").
    let indefinite = INDEFINITE.contains(&ws[i - 1].to_lowercase().as_str());
    if capitalises_nouns && (place_form(&fold(w)) || (!indefinite && german::is_street(&fold(w)))) {
        return Some(true);
    }
    let prev = ws[i - 1].to_lowercase();
    // After a verb of saying or a title ("sagte Putin", "laut Tennet", "Herr Müller") a
    // capitalised word is the name of someone speaking.
    if capitalises_nouns && NAME_CUES.contains(&prev.as_str()) && !english(&lower) {
        return Some(true);
    }
    // ("de" is Dutch "the" but Romance "of": "presidente de Francia".)
    let de_of = prev == "de" && !de_is_article;
    if !de_of && after_determiner_or_adjective(w, &prev, &lower, ws[i - 1], capitalises_nouns) {
        return None;
    }
    // "Spanien", "Argentinien" end like nouns but have an exonym; "Nellingen" ends like a
    // place.
    if lower.chars().count() >= 6
        && NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
        && names::exonyms(&fold(w)).is_empty()
        && !(capitalises_nouns && german::is_place(&fold(w), &is_common_english))
    {
        return None;
    }
    if lower.chars().count() >= 13 || english(&lower) {
        return None;
    }
    Some(false)
}

/// Whether a capitalised word `w` (lowercased `lower`) follows a determiner, a number or an
/// adjective (`prev` is the previous word lowercased, `prev_word` as written), and so is a
/// noun, not a name.
fn after_determiner_or_adjective(
    w: &str,
    prev: &str,
    lower: &str,
    prev_word: &str,
    capitalises_nouns: bool,
) -> bool {
    let prev_adjective = prev_word.chars().next().is_some_and(char::is_lowercase)
        && !NOT_ADJECTIVES.contains(&prev)
        && ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| prev.ends_with(e))
        && prev.chars().count() >= 4;
    // After a word in "-te" that may be a verb in the past ("machte Allan", "erzählte Bush"),
    // a word that is neither German nor English is a name.
    let past_verb = capitalises_nouns && prev.ends_with("te") && {
        let f = fold(w);
        f.chars().count() >= 4
            && !german::is_common(&f, &is_common_english)
            && !is_source_english(lower, capitalises_nouns)
    };
    DETERMINERS.contains(&prev)
        || prev.chars().all(|c| c.is_ascii_digit())
        || (prev_adjective && !past_verb)
}

/// Whether a folded German word is a place of the exonym table, its genitive or its adjective
/// ("singapurs", "grazer", "munchner" for "München").
fn place_form(f: &str) -> bool {
    // "Rom" is the one place of three letters.
    let known = |b: &str| (b.chars().count() >= 4 || b == "rom") && !names::exonyms(b).is_empty();
    if known(f) {
        return true;
    }
    let s = f.strip_suffix('s').filter(|b| known(b));
    let er = f.strip_suffix("er").filter(|b| {
        known(b)
            || known(&format!("{b}en"))
            || b.strip_suffix('n')
                .is_some_and(|c| known(&format!("{c}en")))
    });
    // "Südostasien", "Südafrikas": a compass point before a place.
    s.is_some() || er.is_some() || without_compass(f).is_some_and(|b| b != f && place_form(b))
}

/// A folded name without the compass point it starts with ("sudkorea" → "korea").
fn without_compass(f: &str) -> Option<&str> {
    [
        "sudost",
        "sudwest",
        "nordost",
        "nordwest",
        "zuidoost",
        "zuidwest",
        "noordoost",
        "noordwest",
        "sud",
        "nord",
        "ost",
        "west",
        "zuid",
        "noord",
        "oost",
    ]
    .iter()
    .find_map(|p| f.strip_prefix(p).filter(|r| r.chars().count() >= 4))
}

/// The target sentence is its source sentence left as it was.
fn looks_untranslated(target: &str, source: &str) -> bool {
    let lower_words = words(target)
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    if lower_words < 3 {
        return false;
    }
    let (t, s) = (fold(target), fold(source));
    let (lt, ls) = (t.chars().count(), s.chars().count());
    if lt < 20 || ls < 20 {
        return false;
    }
    // The edit distance is at least the length difference and at least what either text has
    // that the other lacks, letter for letter: most translations fail these bounds, and the
    // quadratic comparison is made only for the rest.
    let longest = lt.max(ls);
    let reach = |distance: usize| distance * 100 <= longest * 15;
    if !reach(lt.abs_diff(ls)) || !reach(names::letter_bag_distance(&t, &s)) {
        return false;
    }
    strsim::normalized_levenshtein(&t, &s) >= 0.85
}

/// The words of one aligned pair that names are looked up in, computed once per pair.
struct PairWords<'a> {
    src_words: Vec<&'a str>,
    /// Whether a source word follows the one before it in the same run: across spaces, a
    /// hyphen or an apostrophe only, not a comma, bracket or quote.
    src_spaced: Vec<bool>,
    src_folded: Vec<String>,
    /// Latin words of the source (all of them for a Latin source; acronyms and the like in a
    /// Chinese or Hindi one).
    src_latin: Vec<String>,
    /// Consonant skeletons of a Devanagari source's words (empty for other scripts).
    src_skeletons: Vec<String>,
    /// The source words without the case endings of names of their language
    /// (`rules/name-endings.tsv`: "saksamaal" → "saksamaa"), where one comes off.
    src_stems: Vec<Option<String>>,
    tgt_folded: Vec<String>,
    /// Names sound alike across languages ("Neapel", "Napoli"), but only a capitalised word of
    /// the translation can be the name ("Flynn" is not "film").
    tgt_capitalised: Vec<String>,
    /// Words that start with a capital, wherever they stand, for acronyms ("US" is not "us").
    tgt_upper: Vec<String>,
    /// The translation's acronyms, as written.
    tgt_acronyms: Vec<String>,
}

impl<'a> PairWords<'a> {
    fn new(
        target: &[SentenceView],
        p: &'a Pair,
        script: Script,
        lang: Option<&language::Language>,
    ) -> Self {
        let src_words = words(&p.src);
        let src_spaced = same_run(&p.src, &src_words);
        let src_folded: Vec<String> = src_words.iter().map(|w| fold(w)).collect();
        let src_latin: Vec<String> = src_words
            .iter()
            .filter(|w| names::script_of(w) == Script::Latin && w.chars().any(char::is_alphabetic))
            .map(|w| fold(w))
            .collect();
        let src_stems: Vec<Option<String>> = src_folded
            .iter()
            .map(|f| lang.and_then(|l| l.name_stem(f)).map(str::to_string))
            .collect();
        let src_skeletons: Vec<String> = if script == Script::Devanagari {
            // Also without the endings the language glues to names ("रामलाई" = to Ram).
            src_words
                .iter()
                .flat_map(|w| {
                    let stem = lang.map_or(*w, |l| l.stem(w));
                    let mut s = vec![devanagari_skeleton(w)];
                    if stem != *w {
                        s.push(devanagari_skeleton(stem));
                    }
                    s
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut tgt_folded: Vec<String> = Vec::new();
        let mut tgt_capitalised: Vec<String> = Vec::new();
        let mut tgt_upper: Vec<String> = Vec::new();
        for view in &target[p.tgt.0..p.tgt.1] {
            tgt_folded.extend(view.words.iter().map(|w| fold(w)));
            // The parts of a hyphenated word too ("Buffalo-Pittsburgh").
            tgt_folded.extend(
                view.words
                    .iter()
                    .filter(|w| w.contains('-'))
                    .flat_map(|w| w.split('-'))
                    .filter(|p| !p.is_empty())
                    .map(fold),
            );
            tgt_upper.extend(
                view.words
                    .iter()
                    .filter(|w| is_capitalised(w))
                    .map(|w| fold(w)),
            );
            // Also the first part of a hyphenated word ("IT-related", "US-led").
            tgt_upper.extend(
                view.words
                    .iter()
                    .filter(|w| is_capitalised(w) && w.contains('-'))
                    .filter_map(|w| w.split('-').next())
                    .filter(|p| is_capitalised(p))
                    .map(fold),
            );
            // A sentence's first word is capitalised anyway ("Since" is no name).
            tgt_capitalised.extend(
                view.words
                    .iter()
                    .enumerate()
                    .filter(|&(k, w)| is_capitalised(w) && (k > 0 || !is_common_english(w)))
                    .map(|(_, w)| fold(w)),
            );
        }
        PairWords {
            src_words,
            src_spaced,
            src_folded,
            src_latin,
            src_skeletons,
            src_stems,
            tgt_folded,
            tgt_capitalised,
            tgt_upper,
            tgt_acronyms: target[p.tgt.0..p.tgt.1]
                .iter()
                .flat_map(|v| v.words.iter().filter(|w| is_acronym(w)))
                .map(|w| w.to_string())
                .collect(),
        }
    }
}

/// Whether a Chinese source vouches for a name of the translation. A Chinese source gives weaker
/// evidence: only a name English knows as one ("Singapore", "Putin"), spelled with letters
/// English does not use ("Škoda"), a name in pinyin ("Shanghai"), or of several words, is
/// reported.
fn han_vouches(h: &han::HanSource, tokens: &[&str]) -> bool {
    (tokens.len() < 2
        && !tokens.iter().any(|w| {
            is_proper_english(w)
                || !w.is_ascii()
                || (w.len() >= 6 && han::HanSource::is_pinyin(&fold(w)))
        }))
        || h.has_name(tokens, &|w| is_common_english(w))
}

/// Whether a Hindi source has the name `tokens` (starting at word `start` of `view`). Every word
/// of a name that can be compared must be found: a replaced name often shares a word or two
/// consonants by chance. (The family name alone may stand for a person: "Recep Tayyip Erdoğan"
/// in Hindi letters for the Turkish ones; the whole name may be one Hindi word.)
fn hindi_source_has(
    view: &SentenceView,
    start: usize,
    tokens: &[&str],
    p: &Pair,
    pw: &PairWords,
) -> bool {
    let relevant: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|w| names::latin_skeleton(w).chars().count() >= 2 && !is_acronym(w))
        .collect();
    let in_source = |w: &str| {
        let f = fold(w);
        hindi::table_says(&p.src, &f) == Some(true)
            || occurs_in(&f, &pw.src_latin)
            || names::skeleton_occurs(w, &pw.src_skeletons)
            || names::exonyms(&f)
                .iter()
                .any(|x| !x.is_ascii() && p.src.contains(x))
    };
    // A name whose first word English also uses ("New York", "Tamil Nadu") starts a word
    // earlier.
    let with_previous = start > 0 && is_capitalised(view.words[start - 1]) && {
        let joined = fold(&format!("{}{}", view.words[start - 1], tokens.concat()));
        hindi::table_says(&p.src, &joined) == Some(true)
    };
    with_previous
        || relevant.iter().all(|w| in_source(w))
        || (relevant.len() > 1
            && relevant.last() == tokens.last()
            && relevant.last().is_some_and(|w| in_source(w)))
        || (tokens.len() > 1 && names::skeleton_occurs(&tokens.concat(), &pw.src_skeletons))
}

/// Whether a word of a name of the translation is in a source of this script, by the script's
/// own evidence.
fn word_in_source(w: &str, script: Script, pw: &PairWords) -> bool {
    let f = fold(w);
    if f.is_empty() {
        return true;
    }
    match script {
        Script::Latin => {
            occurs_in(&f, &pw.src_folded)
                || pw.src_folded.iter().any(|s| names::names_alike(&f, s))
                // The name of a place in the source's own form, inflected ("Ruska" for
                // "Russia").
                || pw
                    .src_folded
                    .iter()
                    .any(|s| s.chars().count() >= 4 && names::exonyms(s).contains(&f.as_str()))
                // An acronym in another order ("AI" for "IA", "USA" for "SUA").
                || (is_acronym(w)
                    && pw
                        .src_words
                        .iter()
                        .any(|s| is_acronym(s) && names::same_acronym(w, s)))
                // An abbreviation written out ("Rz" for "Rzeczpospolita").
                || pw
                    .src_words
                    .iter()
                    .any(|s| is_abbreviation(s) && f.len() > 3 && f.starts_with(&fold(s)))
        }
        Script::Devanagari => is_acronym(w) && occurs_in(&f, &pw.src_latin),
        Script::Han => is_acronym(w) || occurs_in(&f, &pw.src_latin),
        // Nothing known of the script, or kanji and kana whose readings the checks do not
        // know: no evidence either way.
        Script::Japanese | Script::Other => true,
    }
}

/// The end of the name that starts at word `start` of `view`, with the particles inside it
/// ("Rio de Janeiro", "Ludwig van Beethoven").
fn target_name_end(view: &SentenceView, start: usize) -> usize {
    let mut t = start;
    while t < view.len() && is_target_name(view, t) {
        t += 1;
        if t + 1 < view.len()
            && NAME_PARTICLES.contains(&view.words[t])
            && is_target_name(view, t + 1)
        {
            t += 1;
        }
    }
    t
}

/// The source's candidate names, as word indices: its name-like words for a Latin source, and
/// the Latin words in another script (acronyms and names left in Latin letters).
fn source_name_candidates(
    p: &Pair,
    pw: &PairWords,
    script: Script,
    capitalises_nouns: bool,
    cyrillic: bool,
    lang: Option<&language::Language>,
) -> Vec<usize> {
    // In Spanish, Portuguese, French and Catalan "de" is "of" ("presidente de Francia"), not
    // the Dutch article; Romanian writes compass points after it ("Carolina de Sud").
    let de_is_article = lang.is_none_or(|l| !matches!(l.code, "es" | "pt" | "fr" | "ca"));
    match script {
        Script::Latin => latin_source_names(
            &p.src,
            &pw.src_words,
            capitalises_nouns,
            cyrillic,
            de_is_article,
            &pw.src_spaced,
        ),
        _ => (0..pw.src_words.len())
            .filter(|&i| {
                let w = pw.src_words[i];
                names::script_of(w) == Script::Latin
                    && w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2
                    && w.chars().next().is_some_and(char::is_uppercase)
            })
            .collect(),
    }
}

/// Whether source word `i` (a candidate name) is in the translation.
fn source_word_found(i: usize, pw: &PairWords) -> bool {
    let f = &pw.src_folded[i];
    // "Südkorea" is "South Korea": the compass point is translated.
    let bare = without_compass(f).unwrap_or(f);
    // A genitive of a place with an exonym ("Südafrikas").
    let stem = bare
        .strip_suffix('s')
        .filter(|b| !names::exonyms(b).is_empty())
        .unwrap_or(bare);
    // An acronym is one of the translation's capitalised words ("US" is not "us"), or one of
    // its acronyms in another order ("SUA" = "USA", "OTAN" = "NATO", "ONU" = "UN").
    if is_acronym(pw.src_words[i]) {
        return occurs_in(f, &pw.tgt_upper)
            || pw
                .tgt_acronyms
                .iter()
                .any(|t| names::same_acronym(pw.src_words[i], t));
    }
    // An abbreviation may be written out ("Rz", "Rzeczpospolita").
    if is_abbreviation(pw.src_words[i]) && pw.tgt_capitalised.iter().any(|t| t.starts_with(f)) {
        return true;
    }
    // A name in a case form ("Saksamaal", in Germany): also without the ending.
    let case_stem = pw.src_stems[i].as_deref();
    occurs_in(f, &pw.tgt_folded)
        || occurs_in(bare, &pw.tgt_folded)
        || occurs_in(stem, &pw.tgt_folded)
        || case_stem.is_some_and(|s| occurs_in(s, &pw.tgt_folded))
        || pw
            .tgt_capitalised
            .iter()
            .any(|t| names::names_alike(bare, t))
}

/// The source's candidate names, grouped (neighbouring candidates are one name: "Edgar
/// Veguilla"), that the translation lacks.
fn missing_source_names(
    candidates: &[usize],
    pw: &PairWords,
    script: Script,
    capitalises_nouns: bool,
    cyrillic: bool,
) -> Vec<String> {
    let mut missing: Vec<String> = Vec::new();
    let mut k = 0;
    // In a transliterated Cyrillic source a place with an English name stands alone beside
    // another name ("лидером Китая Си Цзиньпином", China's leader Xi Jinping).
    let place = |i: usize| cyrillic && !names::exonyms(&pw.src_folded[i]).is_empty();
    // The translation's names, not its common words (for a name's neighbours, below).
    let tgt_names: Vec<String> = pw
        .tgt_capitalised
        .iter()
        .filter(|t| !is_common_english(t))
        .cloned()
        .collect();
    while k < candidates.len() {
        let mut e = k + 1;
        // A comma or a bracket ends a name ("di Roma, Giuseppe Verdi,").
        while e < candidates.len()
            && candidates[e] == candidates[e - 1] + 1
            && pw.src_spaced[candidates[e]]
            && !place(candidates[e])
            && !place(candidates[e - 1])
        {
            e += 1;
        }
        let mut group = &candidates[k..e];
        k = e;
        let found_word = |i: usize| source_word_found(i, pw);
        // A Cyrillic source puts a place in the genitive before a person's name ("Мэр Москвы
        // Сергей Собянин", Moscow Mayor Sergei Sobyanin): a found first word is the place,
        // and the words after it are a name of their own.
        let place_first = cyrillic && group.len() >= 3 && found_word(group[0]);
        if place_first {
            group = &group[1..];
        }
        // Outside German, a capitalised neighbour the candidates left out belongs to the name
        // ("Velká Británie", Great Britain; "Podkarpackiego Urzędu", the Podkarpackie Office):
        // the translation may keep that word of it.
        // Beside a name of two words or more, the neighbour must be found as a name of the
        // translation, not as a common word: a title before a person's name is translated
        // ("Prezident Petr Pavel", President Petr Pavel; "Кремля Дмитрий Песков").
        if !capitalises_nouns && script == Script::Latin && !place_first {
            let first = group[0];
            let last = group[group.len() - 1];
            // Only a neighbour written in the same run (a comma ends a name) and not past a
            // place that stands alone ("Мэр Москвы Собянин": "Мэр" is not his).
            let neighbours = (first.saturating_sub(2)..first)
                .rev()
                .take_while(|&j| {
                    is_capitalised(pw.src_words[j]) && pw.src_spaced[j + 1] && !place(j)
                })
                .chain(
                    (last + 1..(last + 3).min(pw.src_words.len())).take_while(|&j| {
                        is_capitalised(pw.src_words[j]) && pw.src_spaced[j] && !place(j)
                    }),
                );
            let as_name = |j: usize| group.len() == 1 || occurs_in(&pw.src_folded[j], &tgt_names);
            if neighbours.into_iter().any(|j| found_word(j) && as_name(j)) {
                continue;
            }
        }
        // In a German source a group may join a name to a noun ("Diözese Nantes"): each word
        // that is a name by itself must be found. Elsewhere one word of it will do.
        let found = if script == Script::Latin && capitalises_nouns && group.len() > 1 {
            let named: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&i| name_evidence(pw.src_words[i], true))
                .collect();
            if named.is_empty() {
                group.iter().any(|&i| found_word(i))
            } else {
                named.iter().all(|&i| found_word(i))
            }
        } else {
            group.iter().any(|&i| found_word(i))
        };
        // A name of several words with an exonym of one ("Países Bajos" = "Netherlands").
        let joined: String = group.iter().map(|&i| pw.src_folded[i].as_str()).collect();
        let exonym_found = group.len() > 1 && {
            let forms = names::exonyms(&joined);
            forms.len() > 1 && occurs_in(&joined, &pw.tgt_folded)
        };
        if found || exonym_found {
            continue;
        }
        let name = group
            .iter()
            .map(|&i| pw.src_words[i])
            .collect::<Vec<_>>()
            .join(" ");
        missing.push(name);
    }
    missing
}

/// Adds the names of a Hindi source that the translation lacks to `missing`: names of the table
/// ("भारत", "संयुक्त राष्ट्र"), a word after a form of address (श्री, सुश्री, डॉ) and a word
/// spelled with the English o (ऑ, ॉ: जॉनसन, ऑरेगोन), when no word of the translation stands for
/// it or sounds like it.
fn missing_hindi_names(
    target: &[SentenceView],
    p: &Pair,
    pw: &PairWords,
    missing: &mut Vec<String>,
) {
    let src_words = &pw.src_words;
    let table_names = hindi::names_in(&p.src);
    for &(form, entry) in &table_names {
        if !hindi::found_in(entry, form, &pw.tgt_folded, &pw.tgt_upper)
            && !missing.iter().any(|m| m == form)
        {
            missing.push(form.to_string());
        }
    }
    let tgt_skeletons: Vec<String> = target[p.tgt.0..p.tgt.1]
        .iter()
        .flat_map(|v| v.words.iter())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(|w| names::latin_skeleton(w))
        .collect();
    for (i, w) in src_words.iter().enumerate() {
        let after_office = i > 0
            && hindi::is_office(src_words[i - 1])
            && !hindi::is_common(w)
            && !hindi::is_office(w);
        let after_title = i > 0 && hindi::is_address(src_words[i - 1]);
        // The agent of a verb (before ने) that the frequency list of Hindi has never seen is a
        // name: "बर्लुस्कोनी ने", "मूरे ने".
        let agent = src_words.get(i + 1) == Some(&"ने")
            && !hindi::is_frequent(w)
            && !hindi::is_common(w)
            && devanagari_skeleton(w).chars().count() >= 3;
        // A name of the table has been looked for already.
        if !(after_title || after_office || agent || w.contains(['ऑ', 'ॉ']))
            || hindi::is_address(w)
            || table_names
                .iter()
                .any(|(form, _)| form.split(' ').any(|f| f == *w))
        {
            continue;
        }
        let sk = devanagari_skeleton(w);
        if sk.chars().count() < 2 {
            continue;
        }
        // The word alone, or with the next one (a name written in two: "स्नो डेन").
        let next = src_words
            .get(i + 1)
            .map(|n| devanagari_skeleton(&format!("{w}{n}")));
        // After a title of office, the name's other words up to a common one: any of them may
        // be the one the translation spells alike ("राष्ट्रपति रजब तैयब इरदुगान", "President
        // Recep Tayyip Erdugan").
        let rest: Vec<String> = if after_office {
            src_words[i + 1..]
                .iter()
                .take(3)
                .take_while(|n| !hindi::is_common(n))
                .map(|n| devanagari_skeleton(n))
                .filter(|sk| sk.chars().count() >= 2)
                .collect()
        } else {
            Vec::new()
        };
        let heard = |t: &String| {
            [Some(&sk), next.as_ref()]
                .into_iter()
                .flatten()
                .chain(rest.iter())
                .any(|sk| sounds_alike(t, sk))
        };
        if !tgt_skeletons.iter().any(heard) && !missing.iter().any(|m| m == w) {
            missing.push(w.to_string());
        }
    }
}

/// Two consonant skeletons sound alike: equal, sharing their first three letters, or close by
/// Jaro-Winkler when both have four letters or more.
fn sounds_alike(t: &str, sk: &str) -> bool {
    let (a, b) = (t.chars().count(), sk.chars().count());
    let common = t
        .chars()
        .zip(sk.chars())
        .take_while(|(x, y)| x == y)
        .count();
    t == sk || common >= 3 || (a.min(b) >= 4 && strsim::jaro_winkler(t, sk) >= 0.85)
}

/// The names of a Chinese source (its table names and transliterations) that the translation
/// lacks.
fn missing_han_names(
    h: &han::HanSource,
    target: &[SentenceView],
    p: &Pair,
    pw: &PairWords,
) -> Vec<String> {
    // Capitalised words, and each sentence's first word whatever its case.
    let capitalised: Vec<(&str, bool)> = target[p.tgt.0..p.tgt.1]
        .iter()
        .flat_map(|v| v.words.iter().enumerate())
        .filter(|&(k, w)| k == 0 || is_capitalised(w))
        .map(|(_, w)| (*w, !is_acronym(w) && is_common_english(w)))
        .collect();
    let text: String = target[p.tgt.0..p.tgt.1]
        .iter()
        .map(|v| &v.text[v.sentence.segment.start..v.sentence.segment.end])
        .collect::<Vec<_>>()
        .join(" ");
    h.missing_names(&text, &pw.tgt_folded, &capitalised)
}

impl SourceMismatch {
    /// Names of the source missing in the translation, and names in the translation that are
    /// not in the source (a replaced name).
    fn check_names(
        &self,
        target: &[SentenceView],
        p: &Pair,
        ctx: &NameContext,
        push: &mut impl FnMut(usize, &str, Diagnosis),
    ) {
        for c in name_candidates(target, p, ctx) {
            let message = if c.extra {
                format!(
                    "the name '{}' is not in the source: \u{201c}{}\u{201d}",
                    c.name, p.src_original
                )
            } else {
                format!(
                    "the source's name '{}' is missing from the translation: \u{201c}{}\u{201d}",
                    c.name, p.src_original
                )
            };
            push(
                c.sentence,
                &p.src_original,
                Diagnosis {
                    check: "",
                    start: c.start,
                    end: c.end,
                    message,
                    suggestion: None,
                    confidence: if c.extra { 0.7 } else { 0.6 },
                },
            );
        }
    }
}

/// What the name checks know of the whole source.
struct NameContext {
    script: Script,
    capitalises_nouns: bool,
    /// A Cyrillic source, whose names are compared in Latin letters.
    cyrillic: bool,
    lang: Option<&'static language::Language>,
}

/// A name finding: a name of the translation not in the source (`extra`) or a name of the
/// source missing from the translation, on a target sentence and byte span.
struct NameCandidate {
    sentence: usize,
    start: usize,
    end: usize,
    name: String,
    extra: bool,
}

/// The name findings of one aligned pair.
fn name_candidates(target: &[SentenceView], p: &Pair, ctx: &NameContext) -> Vec<NameCandidate> {
    if !ctx.cyrillic {
        return pair_name_candidates(
            target,
            p,
            ctx.script,
            ctx.capitalises_nouns,
            ctx.lang,
            false,
        );
    }
    // A Cyrillic source's names come through transliteration, inflected and often translated
    // ("Госдуме", the State Duma; "Рим", Rome), and Russian capitalises common words of
    // respect and institutions ("Бога", "Вам", "Церковь") and the first word of a quote: a name
    // of the source is reported when one of its words is not a common Russian word and no word
    // of the translation sounds like it, and a name of the translation only with a name of the
    // source missing beside it (a replaced name).
    let latin = Pair {
        src: cyrillic::to_latin(&p.src),
        src_original: p.src_original.clone(),
        tgt: p.tgt,
    };
    // (Russian capitalises the words of an institution's name at a sentence's start too.)
    let mut found = pair_name_candidates(target, &latin, Script::Latin, false, ctx.lang, true);
    // A source word that holds a name of the translation is that name in a compound
    // ("Госдума", the State Duma; "Мосгордума", the Moscow City Duma): neither is reported.
    let holds = |whole: &str, part: &str| {
        let part = fold(part);
        let part = part.trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y']);
        part.chars().count() >= 3
            && whole
                .split_whitespace()
                .any(|w| fold(w).len() > part.len() && fold(w).contains(part))
    };
    let mut k = 0;
    while k < found.len() {
        let twin = (!found[k].extra)
            .then(|| {
                found
                    .iter()
                    .position(|c| c.extra && holds(&found[k].name, &c.name))
            })
            .flatten();
        match twin {
            Some(t) => {
                found.remove(k.max(t));
                found.remove(k.min(t));
                k = k.min(t);
            }
            None => k += 1,
        }
    }
    let src: Vec<String> = words(&latin.src).iter().map(|w| fold(w)).collect();
    let tgt: Vec<String> = (p.tgt.0..p.tgt.1)
        .flat_map(|i| target[i].words.iter().map(|w| fold(w)))
        .collect();
    // A missing name is reported as the source writes it: transliteration keeps the words
    // ("Путин" is "Putin").
    let (latin_words, original_words) = (words(&latin.src), words(&p.src));
    // The words of a name as the source writes them, and the word before them.
    let original = |name: &str| -> Option<(Vec<&str>, &str)> {
        let parts: Vec<&str> = name.split(' ').collect();
        if latin_words.len() != original_words.len() {
            return None;
        }
        let k = latin_words
            .windows(parts.len())
            .position(|w| w == parts.as_slice())?;
        let prev = if k > 0 { original_words[k - 1] } else { "" };
        Some((original_words[k..k + parts.len()].to_vec(), prev))
    };
    found.retain_mut(|c| {
        let other = if c.extra { &src } else { &tgt };
        let sound = names::nearest_sound(&c.name, other).0;
        let spelling = c
            .name
            .split_whitespace()
            .map(|w| names::nearest(&fold(w), other))
            .fold(0.0, f32::max);
        // Words in capitals are a shouted phrase or an acronym, translated as a rule
        // ("ПОВТОРИТЕ ПОПЫТКУ", "США" = USA, "РПЦ" = ROC, "СПИДа" = AIDS), not a name.
        let shouted = c.name.split_whitespace().all(|w| {
            let mut letters = w.chars().filter(|ch| ch.is_alphabetic());
            letters.next().is_some_and(char::is_uppercase)
                && letters.next().is_some_and(char::is_uppercase)
        });
        if shouted || sound >= 0.34 || spelling >= 0.8 {
            return false;
        }
        if c.extra {
            return true;
        }
        // A name the translation lacks is reported when the model of such names finds it
        // likely to be one, not a word the translation translated.
        match original(&c.name) {
            Some((ws, prev)) => {
                let name =
                    ws.iter().any(|w| !cyrillic::is_common(w)) && cyrillic::reports_name(&ws, prev);
                c.name = ws.join(" ");
                name
            }
            None => c.name.contains(' '),
        }
    });
    let missing = found.iter().any(|c| !c.extra);
    found.retain(|c| !c.extra || missing);
    found
}

fn pair_name_candidates(
    target: &[SentenceView],
    p: &Pair,
    script: Script,
    capitalises_nouns: bool,
    lang: Option<&language::Language>,
    cyrillic: bool,
) -> Vec<NameCandidate> {
    let pw = PairWords::new(target, p, script, lang);
    let han = (script == Script::Han).then(|| han::HanSource::new(&p.src));
    let mut candidates = source_name_candidates(p, &pw, script, capitalises_nouns, cyrillic, lang);
    // Neither a number word ("anni Novanta") nor a noun the language capitalises by
    // convention ("del Gobierno") is a name.
    candidates.retain(|&i| {
        !numbers::is_number_word(lang.map(|l| l.code), &pw.src_words[i].to_lowercase())
            && !lang.is_some_and(|l| l.capitalises_by_convention(&pw.src_folded[i]))
    });
    let mut missing = missing_source_names(&candidates, &pw, script, capitalises_nouns, cyrillic);
    if script == Script::Devanagari {
        missing_hindi_names(target, p, &pw, &mut missing);
    }
    if let Some(h) = &han {
        missing.extend(missing_han_names(h, target, p, &pw));
    }
    // Czech, Polish, French and Spanish capitalise only the first word of an institution
    // ("Organizace pro bezpečnost…", "la Chambre des représentants"), which is translated
    // ("Organisation for Security…", "House of Representatives"): a one-word name of the
    // source is taken as such a title when the translation has a title of English common
    // words that the source does not account for: one title for one name, or for the
    // one-word names of one source title that small words join (below).
    if script == Script::Latin && !capitalises_nouns && !missing.is_empty() {
        let mut titles = translated_titles(target, p, &pw).into_iter();
        // A title's words joined by a small word ("la Liga de Campeones", the Champions
        // League) are one-word names of one title, as many as the title has words.
        let at = |name: &str| pw.src_words.iter().position(|w| *w == name);
        let (mut last, mut room) = (None::<usize>, 0usize);
        missing.retain(|name| {
            let here = at(name).filter(|_| !name.contains(' '));
            let same_title = room > 0
                && here.zip(last).is_some_and(|(h, l)| {
                    h > l + 1
                        && h <= l + 3
                        && pw.src_words[l + 1..h].iter().all(|w| is_small_word(w))
                });
            // (An acronym too: "Według GUS", according to the Central Statistical Office.)
            let title = here.is_some()
                && (same_title || {
                    // (Less the title's capitalised words before it that are no candidates:
                    // "Cúpula de Hierro" is the whole of "Iron Dome".)
                    let before = here.map_or(0, |h| title_words_before(&pw.src_words, h));
                    room = titles.next().unwrap_or(0).saturating_sub(before);
                    room > 0
                });
            if title {
                room -= 1;
                last = here;
            }
            !title
        });
    }
    let s = target[p.tgt.0].sentence.segment;
    let mut out = extra_target_names(target, p, script, &pw, han.as_ref());
    if script == Script::Japanese {
        japanese_names(target, p, &pw, &mut missing, &mut out);
    }
    if script == Script::Latin && missing.is_empty() {
        // With every name of the source found, a name of the translation is reported only when
        // no word of the source sounds like it: English derives names from the source's
        // adjectives and cases ("Piemontul", Piedmont; "Suurbritannia", Britain; "Rin",
        // Rhine).
        out.retain(|c| {
            let (sound, _) = names::nearest_sound(&c.name, &pw.src_folded);
            let spelling = c
                .name
                .split_whitespace()
                .map(|w| names::nearest(&fold(w), &pw.src_folded))
                .fold(0.0, f32::max);
            sound < 0.34 && spelling < 0.8
        });
    }
    if script == Script::Devanagari && missing.is_empty() {
        // The same in Devanagari, by consonants: a name of the translation whose first three
        // consonant classes (two in a short name) start a source word is taken as heard there
        // ("Rigveda", ऋग्वेदकाे).
        out.retain(|c| {
            !c.name.split_whitespace().any(|w| {
                let k = names::latin_skeleton(w);
                let n = 3;
                k.chars().count() >= n
                    && pw
                        .src_skeletons
                        .iter()
                        .any(|s| s.chars().count() >= n && s.chars().take(n).eq(k.chars().take(n)))
            })
        });
    }
    if script == Script::Latin {
        // A name of the source the translation seems to lack and a name of the translation
        // the source seems to lack that sound alike are one name in two spellings ("Rooma",
        // Rome; "Alehhiniga", Alekhine): neither is reported.
        let mut k = 0;
        while k < missing.len() {
            let twin = out
                .iter()
                .position(|c| c.extra && names::loosely_alike(&missing[k], &c.name));
            match twin {
                Some(t) => {
                    out.remove(t);
                    missing.remove(k);
                }
                None => k += 1,
            }
        }
    }
    out.extend(missing.into_iter().map(|name| NameCandidate {
        sentence: p.tgt.0,
        start: s.start,
        end: s.end,
        name,
        extra: false,
    }));
    out
}

/// The names of a Japanese source against the names of the translation.
///
/// - A kanji name (before a place suffix, a title or a form of address) is found when a name
///   of the translation reads as its kanji ("Kofu" for 甲府), or, read in a way the readings do
///   not know, starts with a reading of its first kanji ("Watanabe" for 渡辺).
/// - A katakana name (a katakana word that is no common word) is found when a word of the
///   translation sounds like it ("Brumbies" for ブランビーズ).
/// - A territory the source names ("韓国") is found when the translation has its English name
///   or adjective ("South Korea", "Korean").
///
/// A name not found is missing. A name of the translation that nothing in the source accounts
/// for (no Latin letters, kana, kanji or territory of the source sounds like it) is reported
/// with a missing name (a replaced name), and otherwise too, unless it is an acronym: an
/// acronym may stand for words the source writes out ("GMT", グリニッジ標準時).
fn japanese_names(
    target: &[SentenceView],
    p: &Pair,
    pw: &PairWords,
    missing: &mut Vec<String>,
    out: &mut Vec<NameCandidate>,
) {
    let source = japanese::JapaneseSource::new(&p.src);
    let kanji = japanese::names(&p.src);
    // The translation's names: sentence, span, words.
    let groups: Vec<(usize, usize, usize, &[&str])> = target_names(target, p)
        .into_iter()
        .map(|(i, a, b)| {
            let (s, e) = target[i].span(a, b);
            (i, s, e, &target[i].words[a..b])
        })
        .collect();
    let mut accounted: Vec<bool> = groups
        .iter()
        .map(|g| {
            g.3.iter().any(|w| {
                occurs_in(&fold(w), &pw.src_latin)
                    || (!NAME_PARTICLES.contains(w) && source.accounts_for(w))
            })
        })
        .collect();
    let mut unmatched: Vec<&Vec<char>> = Vec::new();
    for name in &kanji {
        // The whole name, or two of its kanji or more: a family name and a given name are
        // written in the other order ("孫正義", Masayoshi Son).
        let reads = |w: &str| {
            japanese::reads_as(name, w)
                || (name.len() >= 3
                    && (0..name.len() - 1)
                        .any(|i| (i + 2..=name.len()).any(|j| japanese::reads_as(&name[i..j], w))))
        };
        match groups.iter().position(|g| g.3.iter().any(|w| reads(w))) {
            Some(k) => accounted[k] = true,
            None => unmatched.push(name),
        }
    }
    let mut lost: Vec<String> = Vec::new();
    for name in unmatched {
        // Only a name nothing else of the source accounts for ("Toshimi" reads as 登志美,
        // so it is not 渡辺 read irregularly).
        let irregular = (0..groups.len())
            .find(|&k| !accounted[k] && groups[k].3.iter().any(|w| japanese::plausible(name, w)));
        match irregular {
            Some(k) => accounted[k] = true,
            None => lost.push(name.iter().collect()),
        }
    }
    let words: Vec<String> = (p.tgt.0..p.tgt.1)
        .flat_map(|i| target[i].words.iter().map(|w| fold(w)))
        .filter(|w| !w.is_empty())
        .collect();
    // A short katakana name comes out as a name, capitalised: a common word that happens to
    // sound alike ("eastern" for バイデン, baiden) does not account for it. A long one may be
    // a loanword written in lower case ("coronavirus" for コロナウイルス).
    let capitalised: Vec<String> = (p.tgt.0..p.tgt.1)
        .flat_map(|i| {
            target[i]
                .words
                .iter()
                .filter(|w| is_capitalised(w))
                .map(|w| fold(w))
        })
        .collect();
    for (name, classes) in source.katakana_names() {
        let heard_among = if classes.len() >= 4 {
            &words
        } else {
            &capitalised
        };
        if !japanese::heard_in(&classes, heard_among) {
            lost.push(name);
        }
    }
    lost.extend(source.missing_territories(&words));
    for (k, (i, s, e, ws)) in groups.iter().enumerate() {
        let acronym = ws.iter().all(|w| is_acronym(w));
        let territory = ws.iter().any(|w| source.lacks_territory(w));
        if !accounted[k] && (!lost.is_empty() || !acronym || territory) {
            out.push(NameCandidate {
                sentence: *i,
                start: *s,
                end: *e,
                name: target[*i].text[*s..*e].to_string(),
                extra: true,
            });
        }
    }
    missing.extend(lost);
}

/// The names of a pair's translation: sentence, first word, the word after the last.
fn target_names(target: &[SentenceView], p: &Pair) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, view) in target.iter().enumerate().take(p.tgt.1).skip(p.tgt.0) {
        let mut t = 0;
        while t < view.len() {
            if !is_target_name(view, t) {
                t += 1;
                continue;
            }
            let start = t;
            t = target_name_end(view, start);
            out.push((i, start, t));
        }
    }
    out
}

/// Names in the translation that are not in the source.
fn extra_target_names(
    target: &[SentenceView],
    p: &Pair,
    script: Script,
    pw: &PairWords,
    han: Option<&han::HanSource>,
) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    for (i, start, t) in target_names(target, p) {
        let view = &target[i];
        let tokens: Vec<&str> = view.words[start..t]
            .iter()
            .copied()
            .filter(|w| !NAME_PARTICLES.contains(w))
            .collect();
        // A title-cased common word ("Best Original Screenplay", "Tri-Nation") is
        // translated, not transliterated.
        let found = han.is_some_and(|h| han_vouches(h, &tokens))
            || (script == Script::Devanagari && hindi_source_has(view, start, &tokens, p, pw))
            || tokens.iter().any(|w| word_in_source(w, script, pw));
        if found {
            continue;
        }
        // A word for a people or a nationality ("Estonians", "Chadian", "the Nazis") is
        // made from the source's word for it, often an adjective or in lower case; and a
        // common noun after "the" or a capitalised word ("the Empire", "the Russian
        // Empire", "the Church") is a title.
        let one = t == start + 1;
        if tokens.iter().all(|w| is_people_word(w))
            || (one
                && start > 0
                && (view.words[start - 1].eq_ignore_ascii_case("the")
                    || is_capitalised(view.words[start - 1]))
                && is_common_english(&view.words[start].to_lowercase()))
        {
            continue;
        }
        let (s, e) = view.span(start, t);
        out.push(NameCandidate {
            sentence: i,
            start: s,
            end: e,
            name: view.text[s..e].to_string(),
            extra: true,
        });
    }
    out
}

/// The titles of a pair's translation made of English common nouns ("House of
/// Representatives", "Customs and Tax Office", "Organisation for Security and Cooperation in
/// Europe") that the source does not account for: runs of capitalised words inside a sentence
/// (with the small words between them) with two common nouns or more, the first of them not in
/// the source (the rest may be: "représentants"). Each title as its number of capitalised words.
fn translated_titles(target: &[SentenceView], p: &Pair, pw: &PairWords) -> Vec<usize> {
    let mut titles = Vec::new();
    for view in &target[p.tgt.0..p.tgt.1] {
        let ws = &view.words;
        let mut t = 1;
        while t < ws.len() {
            if !is_capitalised(ws[t]) {
                t += 1;
                continue;
            }
            let (mut nouns, mut found, mut first_found, mut named) = (0, 0, false, false);
            let (mut first, mut words) = (true, 0);
            while t < ws.len() {
                let w = ws[t];
                if is_capitalised(w) {
                    words += 1;
                    let common = !is_acronym(w)
                        && w.chars().all(char::is_alphabetic)
                        && is_common_english(w);
                    // A title opens with a common word, and has no name in it that the source
                    // lacks ("Patriotic Revolution of Max Harry" is no title), nor a person's
                    // name ("Max Kolonko": a common word right before a name).
                    let before_name = ws.get(t + 1).is_some_and(|n| {
                        is_capitalised(n) && !is_acronym(n) && !is_common_english(n)
                    });
                    if (!common && (first || !word_in_source(w, Script::Latin, pw)))
                        || (common && before_name)
                    {
                        named = true;
                    }
                    if common && is_common_noun(w) {
                        let here = word_in_source(w, Script::Latin, pw);
                        first_found = first_found || (nouns == 0 && here);
                        found += here as usize;
                        nouns += 1;
                    }
                    first = false;
                } else if named
                    || !(["of", "for", "and", "the", "in", "on"].contains(&w)
                        && ws.get(t + 1).is_some_and(|n| is_capitalised(n)))
                {
                    // (A name ends the run at a small word: "Portugal for World Youth Day"
                    // holds a title after the name.)
                    break;
                }
                t += 1;
            }
            // (Or most of its nouns not in the source: "World Youth Day" for "Giornata
            // mondiale della gioventù".)
            if nouns >= 2 && (!first_found || (nouns - found) * 2 > nouns) && !named {
                titles.push(words);
            }
        }
    }
    titles
}

/// Whether English uses a word as a common noun.
fn is_common_noun(word: &str) -> bool {
    let nouns = (1u64 << Tag::NN.index()) | (1u64 << Tag::NNS.index());
    Tagger::embedded()
        .model()
        .word(word_key(word))
        .is_some_and(|e| (e.tags | e.morph) & nouns != 0)
}

/// Sentences without a counterpart: a source sentence with no translation, or a translated
/// sentence with no source.
fn check_unaligned(
    target: &[SentenceView],
    source: &SourceView,
    pairs: &[Pair],
    push: &mut impl FnMut(usize, &str, Diagnosis),
) {
    let span = |i: usize| sentence_span(target, i);
    for (k, p) in pairs.iter().enumerate() {
        if p.tgt.0 == p.tgt.1 && !p.src.trim().is_empty() {
            // A source sentence with no translation: reported on the sentence before the
            // gap (or after it, at the start).
            let at = if p.tgt.0 > 0 {
                p.tgt.0 - 1
            } else if p.tgt.0 < target.len() {
                p.tgt.0
            } else {
                continue;
            };
            let (s, e) = span(at);
            let place = if at < p.tgt.0 { "after" } else { "before" };
            push(
                at,
                &p.src_original,
                Diagnosis {
                    check: "",
                    start: s,
                    end: e,
                    message: format!(
                        "the source sentence \u{201c}{}\u{201d} has no translation (it \
                         belongs {place} this sentence)",
                        p.src_original
                    ),
                    suggestion: None,
                    confidence: 0.6,
                },
            );
        } else if p.src.is_empty() && source.source.segments.len() > 1 {
            for i in p.tgt.0..p.tgt.1 {
                let (s, e) = span(i);
                let neighbour = pairs
                    .get(k.wrapping_sub(1))
                    .or_else(|| pairs.get(k + 1))
                    .map_or("", |q| q.src_original.as_str());
                push(
                    i,
                    neighbour,
                    Diagnosis {
                        check: "",
                        start: s,
                        end: e,
                        message: "no sentence of the source corresponds to this sentence"
                            .to_string(),
                        suggestion: None,
                        confidence: 0.6,
                    },
                );
            }
        }
    }
}

/// Sentences far shorter or longer than the article's other sentences are against their
/// source: the length ratios of the one-to-one pairs, against the article's own distribution.
fn check_length_ratios(
    target: &[SentenceView],
    pairs: &[Pair],
    push: &mut impl FnMut(usize, &str, Diagnosis),
) {
    let span = |i: usize| sentence_span(target, i);
    let ratios: Vec<(usize, f64)> = pairs
        .iter()
        .filter(|p| p.tgt.1 == p.tgt.0 + 1 && !p.src.is_empty())
        .filter_map(|p| {
            let (s, e) = span(p.tgt.0);
            let t = crate::align::text_length(&target[p.tgt.0].text[s..e]);
            let sl = crate::align::text_length(&p.src);
            (t >= 1.0 && sl >= 1.0).then(|| (p.tgt.0, (t / sl).ln()))
        })
        .collect();
    if ratios.len() < MIN_PAIRS_FOR_RATIO {
        return;
    }
    let mut xs: Vec<f64> = ratios.iter().map(|r| r.1).collect();
    xs.sort_by(f64::total_cmp);
    let median = xs[xs.len() / 2];
    let mut dev: Vec<f64> = xs.iter().map(|x| (x - median).abs()).collect();
    dev.sort_by(f64::total_cmp);
    let mad = 1.4826 * dev[dev.len() / 2];
    let limit = (4.0 * mad).max(std::f64::consts::LN_2);
    for (i, x) in ratios {
        let d = x - median;
        if d.abs() <= limit {
            continue;
        }
        let Some(p) = pairs.iter().find(|p| p.tgt.0 == i) else {
            continue;
        };
        let (s, e) = span(i);
        let what = if d < 0.0 {
            "much shorter than its source, compared with the article's other sentences: \
                 something may be left out"
        } else {
            "much longer than its source, compared with the article's other sentences: \
                 something may be added"
        };
        push(
            i,
            &p.src_original,
            Diagnosis {
                check: "",
                start: s,
                end: e,
                message: format!(
                    "the sentence is {what} (source: \u{201c}{}\u{201d})",
                    p.src_original
                ),
                suggestion: None,
                confidence: 0.5,
            },
        );
    }
}

/// One-to-one pairs an article needs before a length ratio can stand out.
const MIN_PAIRS_FOR_RATIO: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(src: &str) -> Vec<&str> {
        let ws = words(src);
        latin_source_names(src, &ws, true, false, true, &same_run(src, &ws))
            .into_iter()
            .map(|i| ws[i])
            .collect()
    }

    /// Outside German, a sentence's capitalised first word is a name only when the source
    /// capitalises it elsewhere too, or a capitalised word follows it.
    #[test]
    fn a_first_word_outside_german_needs_a_second_sighting() {
        let names = |src: &str| -> Vec<String> {
            let ws = words(src);
            latin_source_names(src, &ws, false, false, true, &same_run(src, &ws))
                .into_iter()
                .map(|i| ws[i].to_string())
                .collect()
        };
        assert!(!names("Sąd w Gandawie ogłosił upadłość.").contains(&"Sąd".to_string()));
        assert!(!names("Předtím působil v Ostravě.").contains(&"Předtím".to_string()));
        assert!(names("Thomas Cook ogłosiło upadłość.").contains(&"Thomas".to_string()));
        let repeated = names("Kolonko poinformował, że Kolonko odchodzi.");
        assert_eq!(
            repeated.iter().filter(|n| *n == "Kolonko").count(),
            2,
            "{repeated:?}"
        );
    }

    #[test]
    fn a_comma_or_a_quote_ends_a_name() {
        let src = "Il sindaco di Roma, Giuseppe Verdi, ha detto „Rz” e «Fulgerul».";
        let ws = words(src);
        let run = same_run(src, &ws);
        let at = |w: &str| ws.iter().position(|x| *x == w).unwrap();
        assert!(!run[at("Giuseppe")]);
        assert!(run[at("Verdi")]);
        let names: Vec<&str> =
            latin_source_names(src, &ws, false, false, true, &same_run(src, &ws))
                .into_iter()
                .map(|i| ws[i])
                .collect();
        // The first word of a quotation is capitalised anyway; an abbreviation stays a name.
        assert!(
            names.contains(&"Rz") && !names.contains(&"Fulgerul"),
            "{names:?}"
        );
        // "Además, Peña Nieto": a comma parts the sentence's first word from the name.
        let src = "Además, Peña Nieto prometió seguir.";
        let ws = words(src);
        let names: Vec<&str> =
            latin_source_names(src, &ws, false, false, true, &same_run(src, &ws))
                .into_iter()
                .map(|i| ws[i])
                .collect();
        assert_eq!(names, vec!["Peña", "Nieto"]);
    }

    #[test]
    fn german_source_names() {
        // A capitalised word after a verb of saying is a name; a common noun after an article
        // is not.
        assert_eq!(
            names_of("Seit 300 Jahren schütze die Marine Russland zuverlässig, sagte Putin."),
            vec!["Russland", "Putin"]
        );
        // Places with an English name, their genitive and adjective, wherever they stand.
        assert_eq!(
            names_of("Die Leute standen in Wien und im Iran."),
            vec!["Wien", "Iran"]
        );
        assert_eq!(
            names_of("Er kam an die Grazer Kinderklinik."),
            vec!["Grazer"]
        );
        assert!(names_of("Das Gesetz ist in Kraft getreten.").is_empty());
        // English material in a German text is a name or a title; English words German uses
        // as its own are not.
        assert_eq!(
            names_of("Der Kopf einer in Versailles getöteten Garde lag am Strand von Long Bay."),
            vec!["Versailles", "Long", "Bay"]
        );
        assert!(names_of("Das Team hat ein Kind aus dem Land geholt.").is_empty());
        // Streets and places by their ending; acronyms English keeps inside compounds.
        assert_eq!(
            names_of("Er lief in der Talstraße aus Richtung Nellingen, sagt der US-Sender."),
            vec!["Talstraße", "Nellingen", "US"]
        );
        assert!(names_of("Sie wohnt in einer Seitenstraße und holte den WM-Titel.").is_empty());
    }

    #[test]
    fn words_split_between_scripts() {
        assert_eq!(
            words("受影响，CBA联赛在2020年"),
            vec!["受影响", "CBA", "联赛在", "2020", "年"]
        );
        assert_eq!(
            words("die Südafrika-Reise"),
            vec!["die", "Südafrika", "Reise"]
        );
        assert_eq!(words("एनएसए NSA"), vec!["एनएसए", "NSA"]);
    }

    #[test]
    fn place_forms() {
        assert!(place_form("singapurs"));
        assert!(place_form("grazer"));
        assert!(place_form("munchner"));
        assert!(place_form("spanien"));
        assert!(place_form("sudostasien"));
        assert!(place_form("sudafrikas"));
        assert!(place_form("rom"));
        assert!(!place_form("lehrer"));
        assert!(!place_form("kinder"));
    }
}
