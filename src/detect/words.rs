//! Closed word lists the structural detectors share.

pub use crate::analysis::time_words::{MONTHS, TIME_NOUNS, TIME_WORDS, WEEKDAYS, is_time_head};

/// Forms of "be".
pub const BE: &[&str] = &[
    "be", "is", "are", "was", "were", "am", "been", "being", "'s", "’s", "'re", "’re", "'m", "’m",
];

/// Forms of "be", "have" and "do": inversion with these is English (questions, conditionals,
/// "Also present were") or another rule's business.
pub const AUXILIARIES: &[&str] = &[
    "be", "is", "are", "was", "were", "am", "'s", "’s", "'re", "’re", "been", "have", "has", "had",
    "do", "does", "did",
];

/// Modal verbs and future auxiliaries.
pub const MODALS: &[&str] = &[
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "'ll", "’ll", "'d",
    "’d", "wo", "ca",
];

/// Finite forms of "have".
pub const HAVE: &[&str] = &["has", "have", "had", "'ve", "’ve"];

/// Verbs (lemmas) that take an object and an adjective describing it: "calls the action
/// unprecedented", "made the evening perfect".
pub const OBJECT_COMPLEMENT_VERBS: &[&str] = &[
    "call",
    "make",
    "consider",
    "find",
    "deem",
    "declare",
    "keep",
    "leave",
    "render",
    "think",
    "judge",
    "rate",
    "hold",
    "label",
    "pronounce",
    "believe",
    "prove",
    "get",
    "set",
];

/// Words that open a subordinate clause (besides wh-words and "that").
pub const SUBORDINATORS: &[&str] = &[
    "because", "if", "whether", "although", "though", "whereas", "unless", "while", "since",
    "when", "once", "until", "before", "after", "as",
];

/// Wh-words that open relative and interrogative clauses.
pub const WH_WORDS: &[&str] = &[
    "who", "whom", "whose", "which", "what", "where", "when", "why", "how", "whatever", "whoever",
    "wherever",
];

/// Adverbs of frequency, "also" and "already": English puts them before a lexical verb, never
/// between it and its object ("the Pope nominates also cardinals").
pub const PRE_VERB_ADVERBS: &[&str] = &["also", "always", "never", "usually", "often", "already"];

/// More adverbs English places before the verb rather than at the front of the clause, besides
/// [`PRE_VERB_ADVERBS`].
pub const MORE_MID_ADVERBS: &[&str] = &[
    "still",
    "even",
    "just",
    "sometimes",
    "frequently",
    "recently",
    "soon",
    "finally",
    "again",
    "further",
    "meanwhile",
    "subsequently",
    "immediately",
    "yet",
    "later",
    "previously",
    "initially",
    "eventually",
];

/// Adverbs that English places before the verb ("They also discussed"), not at the front:
/// [`PRE_VERB_ADVERBS`] and [`MORE_MID_ADVERBS`].
///
/// Of these, the adverbs of time and sequence that English also puts first with a comma
/// ("Meanwhile, the number … has risen"): a rewrite of a verb-second clause keeps them there.
pub const SCENE_ADVERBS: &[&str] = &[
    "meanwhile",
    "subsequently",
    "later",
    "previously",
    "initially",
    "eventually",
    "finally",
    "recently",
];

pub fn is_mid_adverb(w: &str) -> bool {
    PRE_VERB_ADVERBS.contains(&w) || MORE_MID_ADVERBS.contains(&w)
}

/// Fronted adverbs after which English itself puts the verb before its subject: negative and
/// restrictive ones ("Never have I …") and "here", "there", "so", "thus" ("Here stood …").
/// The rules add their own words to these: [`FRONTS_WITHOUT_VERB_SECOND`] where a fronted
/// phrase is looked for, [`INVERTING_PLACE_ADVERBS`] where a sentence's first verb is.
pub const INVERTING_ADVERBS: &[&str] = &[
    "never", "rarely", "seldom", "hardly", "only", "little", "nor", "neither", "so", "here",
    "there", "thus", "not", "nowhere",
];

/// Fronted words that open no fronted adverbial of a verb-second clause, besides
/// [`INVERTING_ADVERBS`]: more words after which English inverts, and words that are not
/// adverbials at all (wh-words, "as"). "then" and "now" are not among them: "Then announced
/// the minister …" is the error `verb-second-inversion` looks for.
pub const FRONTS_WITHOUT_VERB_SECOND: &[&str] = &[
    "scarcely", "barely", "such", "how", "why", "where", "when", "whence", "as", "more", "less",
    "well", "no",
];

/// Fronted place, direction and time adverbs after which English may put the verb before its
/// subject ("Down came …", "Then came the news"), besides [`INVERTING_ADVERBS`]: a sentence
/// that starts with one and a verb has not lost its subject (`missing-subject`).
pub const INVERTING_PLACE_ADVERBS: &[&str] = &[
    "nowhere", "hence", "now", "then", "down", "up", "out", "in", "away", "off",
];

/// Month names that are also English words: a date only in a date context.
pub const CALENDAR_AMBIGUOUS: &[&str] = &["may", "march", "august"];

/// Whether a lower-case word is a day or month name.
pub fn is_calendar_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || MONTHS.contains(&w) || CALENDAR_AMBIGUOUS.contains(&w)
}

/// A lower-case word that names a time by itself: a weekday, a month, "yesterday" and the
/// like, or a year ("2024").
pub fn names_a_time(w: &str) -> bool {
    WEEKDAYS.contains(&w)
        || MONTHS.contains(&w)
        || TIME_WORDS.contains(&w)
        || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// A lower-case word that names a time or a stretch of it: a time word, a weekday, a month, a
/// year, or a time noun, also in the plural ("Monday", "2019", "week", "days").
pub fn names_time(w: &str) -> bool {
    names_a_time(w) || is_time_head(w) || w.strip_suffix('s').is_some_and(is_time_head)
}

/// Verbs that attribute a statement after it (", the ministry said.", ", reports the public
/// prosecutor", ", analysts expect").
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "announced",
    "announces",
    "added",
    "stated",
    "confirmed",
    "writes",
    "wrote",
    "expects",
    "expected",
    "estimates",
    "estimated",
    "believes",
];

/// Sentence-final punctuation tokens.
pub fn is_final_punct(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "..." | "…")
}

/// Closing quotes and brackets.
pub fn is_closing(w: &str) -> bool {
    matches!(w, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

/// Whether tokens `a..b` of a sentence name a time of the finished past (see
/// [`crate::analysis::time_words::names_finished_past`]).
pub fn has_finished_past_time(v: &super::SentenceView, a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b.min(v.len())).map(|i| v.lower(i)).collect();
    crate::analysis::time_words::names_finished_past(&words)
}

/// Words that make a number an amount of an adjective ("2% higher", "three times larger",
/// "5 points lower").
pub const AMOUNT_UNITS: &[&str] = &["%", "percent", "times", "points", "degrees"];

/// Where the amount of the word at `k` starts when the phrase before took it in ("from its
/// rival 2% | higher"): at "2%" or "2" right before `k`, never before token `from`; else `k`.
pub fn amount_start(v: &super::SentenceView, k: usize, from: usize) -> usize {
    let unit = |j: usize| AMOUNT_UNITS.contains(&v.lower(j));
    // (A year after a preposition is a time, not an amount: "in 2025 ready".)
    let number = |j: usize| {
        v.tag(j) == Some(crate::tag::Tag::CD)
            && !(names_a_time(v.lower(j)) && j > 0 && v.tag(j - 1) == Some(crate::tag::Tag::IN))
    };
    if k >= from + 2 && unit(k - 1) && number(k - 2) {
        k - 2
    } else if k > from && number(k - 1) {
        k - 1
    } else {
        k
    }
}

/// Whether a lower-case adjective is one English uses as a noun after "the" ("the rich",
/// "the dead"), from `rules/nominal-adjectives.txt`.
pub fn is_nominal_adjective(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("../../rules/nominal-adjectives.txt")))
        .contains(w)
}

/// The words of a list file: one a line, blank lines and `#` comments skipped.
fn word_list(text: &'static str) -> std::collections::HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Whether a lower-case noun names a person (a role, a job, a relation), from
/// `rules/person-nouns.txt`.
pub fn is_person_noun(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| word_list(include_str!("../../rules/person-nouns.txt")))
        .contains(w)
}
