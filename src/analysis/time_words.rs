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

/// Month names never used as other words in lower case (day names are [`WEEKDAYS`]).
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "april",
    "june",
    "july",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns that "last" makes a time of the finished past ("last week", "last summer").
const LAST_TIMES: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "weekend",
    "summer",
    "winter",
    "spring",
    "autumn",
    "season",
    "evening",
    "morning",
    "afternoon",
];

/// Whether lower-case words name a time of the finished past, which English does not combine
/// with the present perfect: "yesterday", "last week", "two years ago", "on Monday", "on 14
/// May", "in 2019"; and no "since", which asks for the perfect.
pub fn names_finished_past(words: &[&str]) -> bool {
    let is_year =
        |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..2030).contains(&y));
    if words.contains(&"since") {
        return false;
    }
    (0..words.len()).any(|i| {
        let next = words.get(i + 1).copied().unwrap_or("");
        match words[i] {
            "yesterday" | "ago" => true,
            "last" => {
                WEEKDAYS.contains(&next) || MONTHS.contains(&next) || LAST_TIMES.contains(&next)
            }
            "on" => {
                WEEKDAYS.contains(&next)
                    || (!next.is_empty()
                        && next.bytes().all(|b| b.is_ascii_digit())
                        && words.get(i + 2).is_some_and(|m| MONTHS.contains(m)))
            }
            "in" => is_year(next),
            _ => false,
        }
    })
}
