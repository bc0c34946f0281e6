//! The rule `repeated-words`: see `META` for what it finds and why.
//!
//! ## What it does
//! Finds a word repeated directly ("the the", "in in the") and a phrase of two to four words
//! repeated directly ("the government the government"), comparing without case.
//!
//! ## Silent on
//! Doubles that English allows ("had had", "that that", "what it is is"), reduplication ("bye
//! bye", "very very", "many many"), numbers ("25 25" in a table), punctuation between the
//! copies ("no, no"), three copies (emphasis), "face to face to …", and a doubled capitalised
//! word opening a line ("Twinkle Twinkle").

use super::edit::{Edit, apply, diagnosis};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};

pub struct RepeatedWords;

static META: RuleMeta = RuleMeta {
    id: "repeated-words",
    category: Category::Repetition,
    severity: Severity::Major,
    summary: "A word or a phrase of up to four words is written twice in a row.",
    why: "A doubled word or phrase is a slip that machine translation and editing leave \
          behind; the reader stumbles on it.",
    fix: "Drop the second copy.",
    examples: &[
        Example::Bad {
            text: "The the president spoke on Friday.",
            fix: Some("The president spoke on Friday."),
        },
        Example::Bad {
            text: "The fighting goes on in in the capital.",
            fix: Some("The fighting goes on in the capital."),
        },
        Example::Bad {
            text: "They criticised the government the government for its silence.",
            fix: Some("They criticised the government for its silence."),
        },
        Example::Bad {
            text: "It was announced on Tuesday Tuesday.",
            fix: Some("It was announced on Tuesday."),
        },
        Example::Good("She had had enough of the talks."),
        Example::Good("He said that that was the end of it."),
        Example::Good("What it is is a ceasefire in name only."),
        Example::Good("Bye bye, and thanks for the fish."),
        Example::Good("It was very very cold."),
        Example::Good("No, no, that is not what I meant."),
        Example::Good("The score was 2 2 at half time."),
        Example::Good("Compare compare compare: that is the key to a good deal."),
        Example::Good("You don't have to sit face to face to talk."),
    ],
};

/// Words English doubles on purpose.
const DOUBLES: &[&str] = &[
    "had", "that", "bye", "very", "so", "no", "ha", "haha", "blah", "hear", "tut", "knock", "now",
    "there", "well", "yeah", "yes", "really", "many", "far", "long", "much", "more", "bla", "la",
    "oh", "ah", "go", "boo", "hip", "chop", "pom", "can", "tom", "dum", "yada", "night", "goody",
    "ho", "hey", "bang", "wow", "bravo", "please", "quick", "round", "over", "again", "on", "out",
    "away", "down", "up", "little", "big", "too", "ok", "okay", "jo",
];

fn is_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')
}

impl RepeatedWords {
    /// Length of the phrase repeated at `i` (its copy starts at `i + n`), if any.
    fn repeat_at(v: &SentenceView, i: usize) -> Option<usize> {
        (1..=4).rev().find(|&n| {
            i + 2 * n <= v.len()
                && (i..i + n).all(|k| v.lower(k) == v.lower(k + n) && is_word(v.words[k]))
                && (n > 1 || Self::is_slip(v, i))
                // A third copy is emphasis ("compare compare compare").
                && !(i + 3 * n <= v.len() && (i..i + n).all(|k| v.lower(k) == v.lower(k + 2 * n)))
                && !(i >= n && (i..i + n).all(|k| v.lower(k - n) == v.lower(k)))
                // "face to face to …", "day by day by …": the first three words are an idiom.
                && !(n == 2 && matches!(v.lower(i + 1), "to" | "by" | "for" | "after" | "in" | "on"))
                // A doubled capitalised word opening a line is a title or a cry ("Wonderful
                // Wonderful People!", "Twinkle Twinkle").
                && !(n == 1
                    && i == 0
                    && v.words[0].chars().next().is_some_and(char::is_uppercase)
                    && v.words[1].chars().next().is_some_and(char::is_uppercase))
        })
    }

    /// A single doubled word that English would not write on purpose.
    fn is_slip(v: &SentenceView, i: usize) -> bool {
        let w = v.lower(i);
        if DOUBLES.contains(&w) {
            return false;
        }
        // "What it is is …", "All it does is is …" is a slip, but "is is" after "what" is not.
        if w == "is" && (0..i).any(|k| matches!(v.lower(k), "what" | "all" | "thing")) {
            return false;
        }
        // Reduplicated words ("bye-bye" written open) and one-letter words ("a a" is a slip,
        // "I I" a stutter in speech).
        w != "i"
    }
}

impl Detector for RepeatedWords {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        let mut i = 0;
        while i < v.len() {
            let Some(n) = Self::repeat_at(v, i) else {
                i += 1;
                continue;
            };
            // Drop the first copy's trailing gap and the second copy, keeping the first as
            // written (it carries the sentence's capital).
            let (_, first_end) = v.span(i, i + n);
            let (_, copy_end) = v.span(i + n, i + 2 * n);
            let fixed = apply(
                v,
                &[Edit {
                    start: first_end,
                    end: copy_end,
                    with: String::new(),
                }],
            );
            let phrase = v.slice(i + n, i + 2 * n);
            let what = if n == 1 { "word" } else { "phrase" };
            out.push(diagnosis(
                v,
                i + n,
                i + 2 * n,
                format!("The {what} '{phrase}' is repeated."),
                Some(fixed),
                0.9,
            ));
            i += 2 * n;
        }
    }
}
