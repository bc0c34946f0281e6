//! The rule `capitalization`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds an acronym written like a word ("The Us president": a known initialism, or a word the same
//! document writes in capitals elsewhere), a month or day name in lower case ("since the beginning
//! of april"; "may", "march" and "august" only where a date is meant: after "in", "of", "since",
//! "until", "early", "late" … or next to a number), a sentence that starts in lower case, and a
//! title in lower case directly before a name ("of prime minister Fayez Al Sarraj"). The suggestion
//! is the whole sentence with every casing fix of the sentence applied.
//!
//! ## Silent on
//! Words with an inner capital ("iPhone", "eBay"), e-mail addresses and links at the start of a
//! sentence, the start and day names of informal sentences written without capitals (chat:
//! lower-case "i", "plz", "..", a question, a short line with no capital at all), the modal "may", the verb "march", titles after a determiner or adjective ("the
//! prime minister", "Libyan general Khalifa Haftar"), headings.

use super::edit::{Edit, apply, capitalize, diagnosis, is_title_case};
use super::words::{CALENDAR_AMBIGUOUS, MONTHS, WEEKDAYS};
use super::{Detector, Diagnosis, DocumentPass, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::Tag;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

pub struct Capitalization;

static META: RuleMeta = RuleMeta {
    id: "capitalization",
    category: Category::Capitalization,
    severity: Severity::Minor,
    summary: "An acronym, month or day name, sentence start or title before a name is in the \
              wrong case.",
    why: "Dutch and German write months, days and titles before names in lower case; machine \
          translation keeps their case, and title-cased source text turns acronyms into words \
          ('Us').",
    fix: "Write acronyms in capitals, months and days with a capital, the first word of a \
          sentence with a capital, and a title directly before a name with capitals.",
    examples: &[
        Example::Bad {
            text: "The Us president spoke to the general.",
            fix: Some("The US president spoke to the general."),
        },
        Example::Bad {
            text: "The siege has lasted since the beginning of april.",
            fix: Some("The siege has lasted since the beginning of April."),
        },
        Example::Bad {
            text: "The talks resume on monday.",
            fix: Some("The talks resume on Monday."),
        },
        Example::Bad {
            text: "The vote was held in may 2019.",
            fix: Some("The vote was held in May 2019."),
        },
        Example::Bad {
            text: "cyanuric acid and melamine were both found in urine samples of pets who died.",
            fix: Some(
                "Cyanuric acid and melamine were both found in urine samples of pets who died.",
            ),
        },
        Example::Bad {
            text: "i don't know if you realize that most of the goods are duty free in Europe.",
            fix: Some(
                "I don't know if you realize that most of the goods are duty free in Europe.",
            ),
        },
        Example::Bad {
            text: "Both sides attacked the government of prime minister Fayez Al Sarraj.",
            fix: Some("Both sides attacked the government of Prime Minister Fayez Al Sarraj."),
        },
        Example::Good("The US president spoke to the general."),
        Example::Good("You may march in the parade if you like."),
        Example::Good("We met the prime minister, Fayez Al Sarraj, on Friday."),
        Example::Good("iPhone sales rose in April."),
        Example::Good("Give us a call."),
        Example::Good("She spoke with Libyan general Khalifa Haftar."),
        Example::Good("Later this may change."),
        Example::Good("Nato and Unesco sent observers."),
        Example::Good("i think so too, see you saturday."),
        Example::Good("how much does it cost to join?"),
    ],
};

/// Initialisms never written as a word (spelled out letter by letter).
const INITIALISMS: &[&str] = &[
    "us", "usa", "uk", "un", "eu", "fbi", "cia", "imf", "gdp", "ceo", "bbc", "cnn", "uae", "icc",
    "oecd", "wto", "iaea", "ngo", "ngos", "nsa", "ecb", "abc", "nbc", "cbs", "afp", "dpa", "anp",
    "nos", "ard", "zdf", "cdu", "csu", "spd", "fdp", "afd", "vvd", "cda", "pvv", "hiv",
];

/// Words after which an ambiguous month name is a date.
const DATE_CONTEXT: &[&str] = &[
    "in", "of", "since", "until", "till", "on", "early", "late", "mid", "mid-", "last", "next",
    "through", "from", "by", "before", "after",
];

/// Titles written with capitals directly before a name.
const TITLES: &[&[&str]] = &[
    &["prime", "minister"],
    &["foreign", "minister"],
    &["defence", "minister"],
    &["defense", "minister"],
    &["finance", "minister"],
    &["interior", "minister"],
    &["secretary", "general"],
    &["vice", "president"],
    &["president"],
    &["minister"],
    &["chancellor"],
    &["premier"],
    &["king"],
    &["queen"],
    &["prince"],
    &["princess"],
    &["pope"],
    &["senator"],
    &["governor"],
    &["mayor"],
    &["general"],
    &["colonel"],
    &["marshal"],
    &["ayatollah"],
    &["sheikh"],
];

/// Whether a lower-case word is a month or day name, or the first word of a title: one set
/// lookup instead of a scan of each list for every word.
fn may_need_capital(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        MONTHS
            .iter()
            .chain(WEEKDAYS)
            .chain(CALENDAR_AMBIGUOUS)
            .copied()
            .chain(TITLES.iter().map(|t| t[0]))
            .collect()
    })
    .contains(lower)
}

/// Words before a title that make it a description, not part of the name.
fn describes(view: &SentenceView, i: usize) -> bool {
    matches!(
        view.tag(i),
        Some(Tag::DT | Tag::PRPS | Tag::JJ | Tag::JJR | Tag::JJS | Tag::POS | Tag::CD)
    ) || view.words[i].chars().next().is_some_and(char::is_uppercase)
        || matches!(view.lower(i), "in" | "as" | "former" | "then")
}

fn is_name(view: &SentenceView, i: usize) -> bool {
    i < view.len()
        && matches!(view.tag(i), Some(Tag::NNP | Tag::NNPS))
        && is_title_case(view.words[i])
}

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Words of chat and informal writing.
const CHAT: &[&str] = &[
    "u", "ur", "plz", "pls", "im", "dont", "wont", "cant", "lol", "bf", "gf", "thx", "omg", "btw",
    "esp", "em", "um", "uh", "ya", "wanna", "gonna",
];

/// A sentence written without capitals on purpose (chat, forum posts): lower-case "i", chat
/// words, "..", "!!", a question, or no capital anywhere in a short sentence. Its lower-case
/// start and day names are the writer's register, not a translation's casing error.
fn is_informal(v: &SentenceView, first: usize) -> bool {
    let seg = v.sentence.segment;
    let raw = v.text.get(seg.start..seg.end).unwrap_or("");
    (first + 1..v.len()).any(|k| v.words[k] == "i")
        || v.lower.iter().any(|w| CHAT.contains(&w.as_ref()))
        || raw.contains("..")
        || raw.contains("!!")
        || raw.contains(":)")
        || raw.trim_end().ends_with('?')
        || (!raw.chars().any(char::is_uppercase) && v.len() < 13)
}

/// Adds the words a sentence writes in capitals (two to five letters) to `caps`, when the
/// sentence is in mixed case.
fn capitalised_words(v: &SentenceView, caps: &mut HashSet<String>) {
    let lower_words = v
        .words
        .iter()
        .filter(|w| w.chars().any(char::is_lowercase))
        .count();
    if lower_words * 2 < v.len() {
        return;
    }
    for w in &v.words {
        let n = w.chars().count();
        if (2..=5).contains(&n) && w.chars().all(|c| c.is_ascii_uppercase()) {
            caps.insert(w.to_lowercase());
        }
    }
}

/// Whether token `i` starts a line of the text: a word there may start a sentence whose full
/// stop the line before lacks ("… the 19th\nIn Estonia, …"), so its capital says nothing.
fn line_start(v: &SentenceView, i: usize) -> bool {
    i > 0 && {
        let (_, end) = v.span(i - 1, i);
        let (start, _) = v.span(i, i + 1);
        v.text.get(end..start).is_some_and(|gap| gap.contains('\n'))
    }
}

/// The casing fixes of one sentence: (first token, end token, message, edit).
/// `caps` tells whether the document writes a word in capitals elsewhere.
fn fixes(
    v: &SentenceView,
    caps: &dyn Fn(&str) -> bool,
    out: &mut Vec<(usize, usize, String, Edit)>,
) {
    if v.kind() != SegmentKind::Sentence {
        return;
    }
    let first = (0..v.len()).find(|&i| v.words[i].chars().any(char::is_alphanumeric));
    let Some(first) = first else { return };
    // Only needed when a fix is found: most sentences never ask.
    let informal_cell = std::cell::OnceCell::new();
    let informal = || *informal_cell.get_or_init(|| is_informal(v, first));
    let edit = |i: usize, with: String| {
        let (start, end) = v.span(i, i + 1);
        Edit { start, end, with }
    };

    // Sentence start.
    let w = v.words[first];
    if w.chars().next().is_some_and(char::is_lowercase)
        && !w.chars().skip(1).any(char::is_uppercase)
        && !w.contains(['@', '/', '.', '_'])
        && !v.slice(first, v.len()).starts_with("www")
        && !informal()
    {
        out.push((
            first,
            first + 1,
            format!("The sentence starts in lower case: '{}'.", capitalize(w)),
            edit(first, capitalize(w)),
        ));
    }

    let mut i = 0;
    while i < v.len() {
        let w = v.words[i];
        let lw = v.lower(i);
        // Acronyms written like words, not at the start where "Us" may be the pronoun, nor
        // at the start of a line (a sentence before it may lack its full stop).
        if i != first
            && !line_start(v, i)
            && w.len() >= 2
            && is_title_case(w)
            && (INITIALISMS.contains(&lw) || caps(lw))
            && (lw != "us" || (i > 0 && v.lower(i - 1) == "the"))
        {
            let upper = w.to_uppercase();
            out.push((
                i,
                i + 1,
                format!("'{w}' is an acronym: '{upper}'."),
                edit(i, upper),
            ));
        }
        // Month and day names.
        if w.chars().next().is_some_and(char::is_lowercase)
            && may_need_capital(lw)
            && is_date_word(v, i)
            && i != first
            && !informal()
        {
            let cap = capitalize(w);
            out.push((
                i,
                i + 1,
                format!("Month and day names take a capital: '{cap}'."),
                edit(i, cap),
            ));
        }
        // A lower-case title directly before a name.
        if i != first
            && w.chars().next().is_some_and(char::is_lowercase)
            && may_need_capital(lw)
            && let Some(n) = title_before_name(v, i)
        {
            let cap: Vec<String> = (i..i + n).map(|k| capitalize(v.words[k])).collect();
            let title = cap.join(" ");
            out.push((
                i,
                i + n,
                format!("A title directly before a name takes capitals: '{title}'."),
                Edit {
                    start: v.span(i, i + n).0,
                    end: v.span(i, i + n).1,
                    with: title.clone(),
                },
            ));
            i += n;
            continue;
        }
        i += 1;
    }
}

/// Whether the lower-case word at `i` is a month or day name: always for most, and for the
/// ambiguous ones ("may", "march", "august") only in a date's context or next to a number.
fn is_date_word(v: &SentenceView, i: usize) -> bool {
    let lw = v.lower(i);
    let ambiguous = CALENDAR_AMBIGUOUS.contains(&lw);
    (MONTHS.contains(&lw) || WEEKDAYS.contains(&lw))
        || (ambiguous
            && ((i > 0
                && DATE_CONTEXT.contains(&v.lower(i - 1))
                && !matches!(v.tag(i + 1), Some(Tag::VB | Tag::RB | Tag::PRP)))
                || (i > 0 && is_number(v.words[i - 1]))
                || (i + 1 < v.len() && is_number(v.words[i + 1]))))
}

/// The number of words of a title at `i` directly before a name (and not after a word that
/// describes the person), or `None`.
fn title_before_name(v: &SentenceView, i: usize) -> Option<usize> {
    let title = TITLES.iter().find(|t| {
        t.iter()
            .enumerate()
            .all(|(k, word)| i + k < v.len() && v.lower(i + k) == *word)
    })?;
    let n = title.len();
    (is_name(v, i + n) && !(i > 0 && describes(v, i - 1))).then_some(n)
}

impl Detector for Capitalization {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, _sentence: &SentenceView, _out: &mut Vec<Diagnosis>) {}

    fn document_pass(&self) -> Option<Box<dyn DocumentPass + '_>> {
        Some(Box::<Pass>::default())
    }
}

/// A document's pass: the words it writes in capitals; the sentences with a fix that does not
/// depend on them; and where each short title-case word stands, since it needs a fix when the
/// document writes it in capitals elsewhere. `report` decides with the whole document's set.
#[derive(Default)]
struct Pass {
    caps: HashSet<String>,
    candidates: Vec<usize>,
    title_case: HashMap<String, Vec<usize>>,
}

impl DocumentPass for Pass {
    fn observe(&mut self, index: usize, v: &SentenceView) {
        capitalised_words(v, &mut self.caps);
        let mut found = Vec::new();
        fixes(v, &|_| false, &mut found);
        if !found.is_empty() {
            self.candidates.push(index);
        }
        // Where a title-case word stands matters only where `fixes` may call it an acronym:
        // in a sentence, not at its first word.
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        let first = (0..v.len()).find(|&i| v.words[i].chars().any(char::is_alphanumeric));
        for (i, w) in v.words.iter().enumerate() {
            if Some(i) != first
                && (2..=5).contains(&w.chars().count())
                && is_title_case(w)
                && !line_start(v, i)
            {
                // Look up before inserting: a key is allocated once per word, not per use.
                match self.title_case.get_mut(v.lower(i)) {
                    Some(at) => {
                        if at.last() != Some(&index) {
                            at.push(index);
                        }
                    }
                    None => {
                        self.title_case.insert(v.lower(i).to_string(), vec![index]);
                    }
                }
            }
        }
    }

    fn finish(&mut self) -> Vec<usize> {
        let mut out = std::mem::take(&mut self.candidates);
        for (w, at) in self.title_case.drain() {
            if self.caps.contains(&w) {
                out.extend(at);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn report(&self, _index: usize, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        let mut found = Vec::new();
        fixes(v, &|w| self.caps.contains(w), &mut found);
        if found.is_empty() {
            return;
        }
        let edits: Vec<Edit> = found.iter().map(|f| f.3.clone()).collect();
        let fixed = apply(v, &edits);
        for (a, b, message, _) in found {
            out.push(diagnosis(v, a, b, message, Some(fixed.clone()), 0.8));
        }
    }
}
