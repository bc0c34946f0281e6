//! Verb frames: each verb form's lemma and how often the lemma takes a direct object, a clause
//! or a particle in UD English EWT (`models/verb-frames.tsv`, built by `scripts/build_verb_frames.py`).
//! Detectors use it to tell a verb stranded without its object from an intransitive one.

use std::sync::OnceLock;

static DATA: &str = include_str!("../../models/verb-frames.tsv");

/// What the treebank says of a verb.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub lemma: &'static str,
    /// Share of the lemma's uses with a direct object.
    pub object_rate: f32,
    /// Share of its uses with a clause complement.
    pub clause_rate: f32,
    pub count: u32,
    /// Share of its uses with a particle ("carry out", "turn off").
    pub particle_rate: f32,
}

/// Verb form (lower case) → frame: the table's lines, sorted by form, searched by bisection and
/// read when asked for. Loading only finds the line starts and their forms, so start-up stays
/// short.
pub struct Frames {
    lines: Vec<&'static str>,
    /// The form (first column) of each line, for the bisection.
    forms: Vec<&'static str>,
}

fn form_of(line: &'static str) -> &'static str {
    line.split('\t').next().unwrap_or("")
}

fn parse_line(line: &'static str) -> Option<(&'static str, Frame)> {
    let mut cols = line.split('\t');
    let form = cols.next()?;
    let frame = Frame {
        lemma: cols.next()?,
        object_rate: cols.next()?.parse().ok()?,
        clause_rate: cols.next()?.parse().ok()?,
        count: cols.next()?.parse().ok()?,
        particle_rate: cols.next()?.parse().ok()?,
    };
    cols.next().is_none().then_some((form, frame))
}

impl Frames {
    /// Checks the table (six columns, numbers, forms in byte order) and indexes its lines;
    /// lines borrow from the text (the embedded file lives for the whole run).
    pub fn parse(text: &'static str) -> Result<Frames, String> {
        let mut lines: Vec<&'static str> = Vec::with_capacity(text.len() / 28);
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |what: &str| format!("models/verb-frames.tsv:{}: {what}", n + 1);
            let (form, _) = parse_line(line).ok_or_else(|| bad("malformed line"))?;
            if let Some(prev) = lines.last()
                && prev.split('\t').next() >= Some(form)
            {
                return Err(bad("forms out of order (the table is sorted by form)"));
            }
            lines.push(line);
        }
        let forms = lines.iter().map(|l| form_of(l)).collect();
        Ok(Frames { lines, forms })
    }

    /// The embedded table, trusted: its checks run in the tests (`parse`); only line starts are
    /// found here.
    fn embedded() -> Frames {
        let lines: Vec<&'static str> = DATA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        let forms = lines.iter().map(|l| form_of(l)).collect();
        Frames { lines, forms }
    }

    pub fn get(&self, form: &str) -> Option<Frame> {
        let i = self.forms.binary_search(&form).ok()?;
        parse_line(self.lines[i]).map(|(_, f)| f)
    }

    /// The lemma of a verb form, or the form itself.
    pub fn lemma<'a>(&self, form: &'a str) -> &'a str {
        self.get(form).map_or(form, |f| f.lemma)
    }

    /// Whether the verb usually takes an object; unknown verbs are taken as transitive, as most
    /// English verbs are.
    /// Whether `form` may be a verb's base form: its own lemma, or a word the frames lack.
    pub fn may_be_base(&self, form: &str) -> bool {
        self.get(form).is_none_or(|f| f.lemma == form)
    }

    pub fn is_transitive(&self, form: &str) -> bool {
        self.get(form)
            .is_none_or(|f| f.count < 3 || f.object_rate >= 0.3)
    }
}

/// The embedded frames, indexed once.
pub fn frames() -> &'static Frames {
    static FRAMES: OnceLock<Frames> = OnceLock::new();
    FRAMES.get_or_init(Frames::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_valid_and_sorted() {
        let checked = Frames::parse(DATA).unwrap();
        assert_eq!(checked.lines, frames().lines);
        assert!(Frames::parse("b\tb\t0.1\t0.0\t3\na\ta\t0.1\t0.0\t3\n").is_err());
        assert!(Frames::parse("a\ta\tx\t0.0\t3\n").is_err());
    }

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
