//! The forms of English verbs a rewrite needs: the simple past of a participle, the lemma of a
//! past form, a lemma inflected. Irregular verbs come from `rules/irregular-verbs.tsv`; the
//! others follow the spelling rules of -ed, -s and -ing.

use crate::tag::{Tag, Tagger};
use std::collections::HashMap;
use std::sync::OnceLock;

static DATA: &str = include_str!("../../rules/irregular-verbs.tsv");

/// The irregular verbs, looked up by each of their forms.
struct Irregular {
    /// lemma → (past, participle), the first line of a lemma.
    by_lemma: HashMap<&'static str, (&'static str, &'static str)>,
    /// past or participle → lemma.
    lemma_of: HashMap<&'static str, &'static str>,
    /// participle → past, the first line naming the participle.
    past_of_participle: HashMap<&'static str, &'static str>,
}

fn irregular() -> &'static Irregular {
    static TABLE: OnceLock<Irregular> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Irregular {
            by_lemma: HashMap::new(),
            lemma_of: HashMap::new(),
            past_of_participle: HashMap::new(),
        };
        for line in DATA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut f = line.split('\t').map(str::trim);
            let (Some(lemma), Some(past), Some(participle)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            t.by_lemma.entry(lemma).or_insert((past, participle));
            t.lemma_of.entry(past).or_insert(lemma);
            t.lemma_of.entry(participle).or_insert(lemma);
            t.past_of_participle.entry(participle).or_insert(past);
        }
        t
    })
}

/// Whether `lemma` is an irregular verb (the Germanic core of English: "take", "lay", "throw").
pub fn is_irregular(lemma: &str) -> bool {
    irregular().by_lemma.contains_key(lemma)
}

/// The simple past of a past participle ("risen" → "rose", "agreed" → "agreed"), when known.
pub fn past_of_participle(participle: &str) -> Option<String> {
    let w = participle.to_lowercase();
    if let Some(past) = irregular().past_of_participle.get(w.as_str()) {
        return Some((*past).to_string());
    }
    w.ends_with("ed").then_some(w)
}

/// The lemma of a verb form ("took" → "take", "arrested" → "arrest", "takes" → "take"), when
/// it can be told from the spelling.
pub fn lemma(form: &str) -> Option<String> {
    let w = form.to_lowercase();
    if let Some(l) = irregular().lemma_of.get(w.as_str()) {
        return Some((*l).to_string());
    }
    if irregular().by_lemma.contains_key(w.as_str()) {
        return Some(w);
    }
    if let Some(stem) = w.strip_suffix("ied") {
        return Some(format!("{stem}y"));
    }
    if let Some(stem) = w.strip_suffix("ed") {
        let b = stem.as_bytes();
        // "planned" → "plan"; "agreed" → "agree"; "used" → "use".
        if b.len() >= 3
            && b[b.len() - 1] == b[b.len() - 2]
            && !matches!(b[b.len() - 1], b'l' | b's' | b'e')
        {
            return Some(stem[..stem.len() - 1].to_string());
        }
        if stem.ends_with('e') || ends_like_silent_e(stem) {
            return Some(format!("{stem}e"));
        }
        return Some(stem.to_string());
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if let Some(stem) = w.strip_suffix("es")
        && (stem.ends_with("sh")
            || stem.ends_with("ch")
            || stem.ends_with('x')
            || stem.ends_with("ss"))
    {
        return Some(stem.to_string());
    }
    if let Some(stem) = w.strip_suffix('s')
        && !stem.ends_with('s')
    {
        return Some(stem.to_string());
    }
    Some(w)
}

/// Stems whose lemma ends in a silent e ("announc-ed", "clos-ed", "argu-ed").
fn ends_like_silent_e(stem: &str) -> bool {
    ["c", "v", "z", "u", "g"].iter().any(|e| stem.ends_with(e))
        || ["at", "os", "as", "ir", "ar", "ur", "iz", "ys"]
            .iter()
            .any(|e| stem.ends_with(e) && stem.len() > 3)
}

/// Which form of a verb: as Penn Treebank tags name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "take"
    Base,
    /// "takes"
    ThirdSingular,
    /// "took"
    Past,
    /// "taken"
    Participle,
    /// "taking"
    Gerund,
}

/// A lemma in the given form ("arrest", Past → "arrested"; "take", Participle → "taken").
pub fn inflect(lemma: &str, form: Form) -> String {
    let t = irregular();
    match form {
        Form::Base => lemma.to_string(),
        Form::Past | Form::Participle => match t.by_lemma.get(lemma) {
            Some((past, participle)) => {
                if form == Form::Past { past } else { participle }.to_string()
            }
            None => regular_ed(lemma),
        },
        Form::ThirdSingular => match lemma {
            "be" => "is".into(),
            "have" => "has".into(),
            _ if lemma.ends_with('y') && !ends_with_vowel_y(lemma) => {
                format!("{}ies", &lemma[..lemma.len() - 1])
            }
            _ if ["s", "sh", "ch", "x", "z", "o"]
                .iter()
                .any(|e| lemma.ends_with(e)) =>
            {
                format!("{lemma}es")
            }
            _ => format!("{lemma}s"),
        },
        Form::Gerund => {
            if let Some(stem) = lemma.strip_suffix("ie") {
                format!("{stem}ying")
            } else if let Some(stem) = lemma.strip_suffix('e')
                && !lemma.ends_with("ee")
                && lemma != "be"
            {
                format!("{stem}ing")
            } else {
                let plain = format!("{lemma}ing");
                let doubled = format!("{lemma}{}ing", &lemma[lemma.len() - 1..]);
                let (rule, other) = if doubles(lemma) {
                    (doubled, plain)
                } else {
                    (plain, doubled)
                };
                known_over_rule(rule, other, Tag::VBG)
            }
        }
    }
}

fn ends_with_vowel_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && matches!(b[b.len() - 2], b'a' | b'e' | b'o' | b'u')
}

/// One-syllable verbs ending consonant-vowel-consonant double it ("plan" → "planned").
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let vowels = b.iter().filter(|&&c| vowel(c)).count();
    b.len() >= 3
        && vowels == 1
        && !vowel(b[b.len() - 1])
        && !matches!(b[b.len() - 1], b'w' | b'x' | b'y')
        && vowel(b[b.len() - 2])
        && !vowel(b[b.len() - 3])
}

/// British spelling doubles a final l after a single vowel ("cancel" → "cancelled").
fn doubles_l(w: &str) -> bool {
    let b = w.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    b.len() >= 3 && b[b.len() - 1] == b'l' && vowel(b[b.len() - 2]) && !vowel(b[b.len() - 3])
}

fn regular_ed(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if lemma.ends_with('y') && !ends_with_vowel_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        let plain = format!("{lemma}ed");
        let doubled = format!("{lemma}{}ed", &lemma[lemma.len() - 1..]);
        let (rule, other) = if doubles(lemma) || doubles_l(lemma) {
            (doubled, plain)
        } else {
            (plain, doubled)
        };
        known_over_rule(rule, other, Tag::VBN)
    }
}

/// Of the form the spelling rule gives and the other choice of doubling the last consonant,
/// the one the tagger's lexicon knows with `tag`: the rule cannot hear stress ("admit" →
/// "admitted", "visit" → "visited").
fn known_over_rule(rule: String, other: String, tag: Tag) -> String {
    let tagger = Tagger::embedded();
    if !tagger.can_be(&rule, tag) && tagger.can_be(&other, tag) {
        other
    } else {
        rule
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(past_of_participle("risen").as_deref(), Some("rose"));
        assert_eq!(past_of_participle("agreed").as_deref(), Some("agreed"));
        assert_eq!(past_of_participle("been").as_deref(), Some("was"));
        assert_eq!(past_of_participle("table"), None);
        assert_eq!(lemma("took").as_deref(), Some("take"));
        assert_eq!(lemma("planned").as_deref(), Some("plan"));
        assert_eq!(lemma("announced").as_deref(), Some("announce"));
        assert_eq!(lemma("arrested").as_deref(), Some("arrest"));
        assert_eq!(lemma("carries").as_deref(), Some("carry"));
        assert_eq!(lemma("builds").as_deref(), Some("build"));
        assert_eq!(inflect("arrest", Form::Past), "arrested");
        assert_eq!(inflect("admit", Form::Past), "admitted");
        assert_eq!(inflect("visit", Form::Past), "visited");
        assert_eq!(inflect("submit", Form::Gerund), "submitting");
        assert_eq!(inflect("take", Form::Participle), "taken");
        assert_eq!(inflect("cut", Form::Gerund), "cutting");
        assert_eq!(inflect("carry", Form::ThirdSingular), "carries");
        assert_eq!(inflect("approve", Form::Past), "approved");
        assert_eq!(inflect("ban", Form::Past), "banned");
        assert_eq!(inflect("cancel", Form::Past), "cancelled");
    }
}
