//! Words that name a time, which the chunker and the rules both read: weekdays, nouns of a
//! stretch of time, and words that are a time by themselves.

/// Weekdays: a bare weekday in front of a clause reads "On Thursday".
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nouns that name a stretch of time ("last week", "this season", "next spring").
pub const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "weekend",
    "night",
    "morning",
    "evening",
    "afternoon",
    "summer",
    "winter",
    "spring",
    "autumn",
    "time",
    "season",
    "quarter",
    "decade",
    "century",
    "round",
    "term",
    "midnight",
    "noon",
];

/// A lower-case word that heads a time phrase: a time noun ("week"), a weekday, or a time word
/// ("yesterday").
pub fn is_time_head(w: &str) -> bool {
    TIME_NOUNS.contains(&w) || WEEKDAYS.contains(&w) || TIME_WORDS.contains(&w)
}

/// Time words that can open a sentence on their own (besides the day names, [`WEEKDAYS`]).
pub const TIME_WORDS: &[&str] = &["yesterday", "today", "tomorrow", "tonight", "overnight"];
