//! Verb frames: each verb form's lemma and how often the lemma takes a direct object or a clause
//! in UD English EWT (`models/verb-frames.tsv`, built by `scripts/build_verb_frames.py`).
//! Detectors use it to tell a verb stranded without its object from an intransitive one.

use std::collections::HashMap;
use std::sync::OnceLock;

static DATA: &str = include_str!("../models/verb-frames.tsv");

/// What the treebank says of a verb.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub lemma: &'static str,
    /// Share of the lemma's uses with a direct object.
    pub object_rate: f32,
    /// Share of its uses with a clause complement.
    pub clause_rate: f32,
    pub count: u32,
}

/// Verb form (lower case) → frame.
pub struct Frames {
    forms: HashMap<&'static str, Frame>,
}

impl Frames {
    /// Parses the table; keys and lemmas borrow from the text (the embedded file lives for the
    /// whole run, so nothing is copied).
    pub fn parse(text: &'static str) -> Result<Frames, String> {
        let mut forms = HashMap::with_capacity(text.len() / 28);
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = || format!("models/verb-frames.tsv:{}: malformed line", n + 1);
            if cols.len() != 5 {
                return Err(bad());
            }
            let frame = Frame {
                lemma: cols[1],
                object_rate: cols[2].parse().map_err(|_| bad())?,
                clause_rate: cols[3].parse().map_err(|_| bad())?,
                count: cols[4].parse().map_err(|_| bad())?,
            };
            forms.insert(cols[0], frame);
        }
        Ok(Frames { forms })
    }

    pub fn get(&self, form: &str) -> Option<&Frame> {
        self.forms.get(form)
    }

    /// The lemma of a verb form, or the form itself.
    pub fn lemma<'a>(&'a self, form: &'a str) -> &'a str {
        self.forms.get(form).map_or(form, |f| f.lemma)
    }

    /// Whether the verb usually takes an object; unknown verbs are taken as transitive, as most
    /// English verbs are.
    pub fn is_transitive(&self, form: &str) -> bool {
        self.forms
            .get(form)
            .is_none_or(|f| f.count < 3 || f.object_rate >= 0.3)
    }
}

/// The embedded frames, loaded once.
pub fn frames() -> &'static Frames {
    static FRAMES: OnceLock<Frames> = OnceLock::new();
    FRAMES.get_or_init(|| Frames::parse(DATA).expect("embedded verb frames are valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_and_transitivity() {
        let f = frames();
        assert_eq!(f.lemma("supports"), "support");
        assert!(f.is_transitive("rejected"));
        assert!(!f.is_transitive("died"));
        assert!(
            f.is_transitive("discontinued"),
            "unknown verbs count as transitive"
        );
    }
}
