//! Chunk stage: noun phrases (with coordination and "of"-attachments), verb groups and
//! prepositional phrases, found from the tags by a small deterministic grammar.

use crate::tag::Tag;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ChunkKind {
    /// Noun phrase: "the internationally recognised government", "Trump and Haftar".
    NP,
    /// Verb group: auxiliaries, adverbs between them, and the main verb: "has been recognized".
    VG,
    /// Preposition with its noun phrase: "in the capital".
    PP,
}

/// A chunk over token indices `start..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Chunk {
    pub kind: ChunkKind,
    pub start: usize,
    pub end: usize,
}

/// Tokens of one sentence as the chunker sees them: lower-cased words and tags.
pub struct Words<'a> {
    pub words: &'a [&'a str],
    pub tags: &'a [Tag],
}

/// Epithets that follow a name with "the" ("Constantine the Great", "Yaroslav the Wise").
const EPITHETS: &[&str] = &[
    "Great",
    "Wise",
    "Elder",
    "Younger",
    "Bold",
    "Brave",
    "Conqueror",
    "Good",
    "Fair",
    "Terrible",
    "Magnificent",
    "Pious",
    "Just",
    "Lionheart",
    "Confessor",
    "Navigator",
    "Lawgiver",
    "Red",
    "Black",
    "Fat",
    "Bald",
    "Tall",
    "Short",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
];

fn is_open_quote(w: &str) -> bool {
    matches!(w, "“" | "\"" | "‘" | "«" | "„")
}

fn is_close_quote(w: &str) -> bool {
    matches!(w, "”" | "\"" | "’" | "»")
}

impl Words<'_> {
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    fn tag(&self, i: usize) -> Option<Tag> {
        self.tags.get(i).copied()
    }

    fn word(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Can token `i` be a noun-phrase head?
    fn is_head(&self, i: usize) -> bool {
        self.tag(i)
            .is_some_and(|t| t.is_noun() || matches!(t, Tag::CD | Tag::PRP | Tag::EX))
    }

    /// End (exclusive) of a basic noun phrase starting at `i`: an optional predeterminer and
    /// determiner or possessive, modifiers, and a run of nouns; "Haftar 's forces" chains. A
    /// pronoun or a number stands alone.
    pub fn basic_np(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut quoted = false;
        if is_open_quote(self.word(j)) {
            quoted = true;
            j += 1;
        }
        if self.tag(j) == Some(Tag::PRP) {
            return Some(j + 1);
        }
        if self.tag(j) == Some(Tag::PDT) {
            j += 1;
        }
        let mut has_det = false;
        if matches!(self.tag(j), Some(Tag::DT | Tag::PRPS | Tag::WPS)) {
            j += 1;
            has_det = true;
            // A quotation can open after the determiner: a “shared vision”.
            if !quoted && is_open_quote(self.word(j)) {
                quoted = true;
                j += 1;
            }
        }
        // (Only a preposition that opens the sentence: inside one a title comes before a name,
        // "the government of prime minister Fayez Al Sarraj puts …".)
        let after_preposition = i == 1 && self.tag(0) == Some(Tag::IN);
        let mut end = match self.head_end(j, has_det, after_preposition) {
            Some(e) => e,
            None if has_det && !quoted && matches!(self.tag(i), Some(Tag::DT)) => {
                self.lone_determiner_end(i)?
            }
            None => return None,
        };
        if quoted {
            // Take everything up to the closing quote as the phrase: a quoted title or phrase.
            let mut k = end;
            while k < self.len() && !is_close_quote(self.word(k)) {
                k += 1;
            }
            if k < self.len() {
                end = k + 1;
            }
        }
        Some(end)
    }

    /// Where the head of a basic noun phrase ends, its modifiers starting at `j` (after the
    /// determiner, if `has_det`): adjectives, participles and numbers before nouns, and nouns
    /// up to a possessive. `None` when there is no head.
    fn head_end(&self, mut j: usize, has_det: bool, after_preposition: bool) -> Option<usize> {
        let mut head_end = None;
        let mut after_number = false;
        loop {
            match self.tag(j) {
                Some(t) if t.is_adjective() || matches!(t, Tag::VBN | Tag::VBG | Tag::RBS) => {
                    // Adjectives and participles only modify when a noun follows them; after a
                    // number they still can ("six junior high school students").
                    if head_end.is_some() && !after_number {
                        break;
                    }
                    j += 1;
                }
                Some(Tag::RB)
                    if head_end.is_none()
                        && self
                            .tag(j + 1)
                            .is_some_and(|t| t.is_adjective() || t == Tag::VBN) =>
                {
                    // "the internationally recognised government"
                    j += 1;
                }
                Some(Tag::HYPH) if head_end.is_some() => j += 1,
                // A number and a plural after a head start a phrase of their own ("the team two
                // players", "last season 23 goals").
                // (After a common noun, not a year or "one", and before a plural that is no
                // verb: "The year 1865 marks", "the caring one drinks" stay as they are.)
                Some(Tag::CD)
                    if head_end.is_some()
                        && !after_number
                        && self
                            .tag(j - 1)
                            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
                        && (self.tag(j + 1) == Some(Tag::NNS) || self.scaled_amount(j))
                        && self.number_starts_phrase(j) =>
                {
                    break;
                }
                Some(Tag::CD) => {
                    j += 1;
                    head_end = Some(j);
                    after_number = true;
                    continue;
                }
                Some(t) if t.is_noun() => {
                    if has_det
                        && t.is_proper_noun()
                        && head_end.is_some()
                        && self.name_starts_phrase(j)
                    {
                        break;
                    }
                    // After an opening preposition's common noun without a determiner, or a time,
                    // a name with a finite verb after it is the next clause's subject ("In extra
                    // time Allan made …", "In the evening Putin continued …"); after another
                    // determined noun it is an apposition ("In the capital Tripoli went
                    // citizens").
                    if after_preposition
                        && (!has_det || self.time_before(j))
                        && t.is_proper_noun()
                        && head_end.is_some()
                        && self.name_before_verb(j)
                    {
                        break;
                    }
                    // A quantity before "of" starts a phrase of its own ("in large parts of
                    // the country hundreds of trees").
                    if head_end.is_some() && self.quantity_of(j) {
                        break;
                    }
                    j += 1;
                    head_end = Some(j);
                    after_number = false;
                    if self.tag(j) == Some(Tag::POS) {
                        // A possessive starts a new determiner slot: "Haftar 's forces".
                        j += 1;
                        head_end = None;
                    } else if t.is_proper_noun()
                        && self.word(j).eq_ignore_ascii_case("the")
                        && EPITHETS.contains(&self.word(j + 1))
                    {
                        // A ruler's epithet is part of the name: "Constantine the Great".
                        j += 2;
                        head_end = Some(j);
                    }
                }
                _ => break,
            }
        }
        head_end
    }

    /// Whether the number at `j` (after a head, before a plural) starts a phrase: not a year
    /// or "one", and the plural after it cannot be a verb.
    fn number_starts_phrase(&self, j: usize) -> bool {
        let w = self.word(j);
        let year = w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        !year
            && !w.eq_ignore_ascii_case("one")
            && !crate::tag::Tagger::embedded().can_be(self.word(j + 1), Tag::VBZ)
    }

    /// Whether the number at `j` is scaled and counts a noun ("2.5 million euros", "300
    /// thousand tonnes"), whatever the tagger made of the noun.
    fn scaled_amount(&self, j: usize) -> bool {
        matches!(
            self.word(j + 1).to_lowercase().as_str(),
            "million" | "billion" | "trillion" | "thousand" | "hundred"
        ) && self
            .tag(j + 2)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS))
    }

    /// Whether word `j` is a noun of quantity followed by "of" ("hundreds of", "dozens of").
    fn quantity_of(&self, j: usize) -> bool {
        matches!(
            self.word(j).to_lowercase().as_str(),
            "hundreds" | "thousands" | "millions" | "billions" | "dozens" | "tens" | "scores"
        ) && self.word(j + 1).eq_ignore_ascii_case("of")
    }

    /// Whether the word before `j` names a time ("In the evening | Putin and Poroshenko
    /// continued").
    fn time_before(&self, j: usize) -> bool {
        j > 0 && crate::analysis::time_words::is_time_head(&self.word(j - 1).to_lowercase())
    }

    /// Where the name at `j` ends when it follows a common noun (with the names "and" joins to
    /// it when `joined`); None after anything else.
    fn name_after_noun(&self, j: usize, joined: bool) -> Option<usize> {
        if !self
            .tag(j - 1)
            .is_some_and(|p| matches!(p, Tag::NN | Tag::NNS))
        {
            return None;
        }
        let mut k = j;
        while self.tag(k).is_some_and(Tag::is_proper_noun)
            || (joined
                && self.tag(k) == Some(Tag::CC)
                && self.tag(k + 1).is_some_and(Tag::is_proper_noun))
        {
            k += 1;
        }
        Some(k)
    }

    /// Whether the name at `j`, after a common noun, has a finite verb or a modal right after
    /// it (and its other words, and the names "and" joins to it: "Putin and Poroshenko
    /// continued").
    fn name_before_verb(&self, j: usize) -> bool {
        self.name_after_noun(j, true).is_some_and(|k| {
            self.tag(k)
                .is_some_and(|n| n == Tag::MD || n.is_finite_verb())
        })
    }

    /// "a result Libya cooperation": a name at `j` between a determined common noun and
    /// another common noun starts a new phrase.
    fn name_starts_phrase(&self, j: usize) -> bool {
        self.name_after_noun(j, false)
            .is_some_and(|k| self.tag(k).is_some_and(|n| matches!(n, Tag::NN | Tag::NNS)))
    }

    /// The end of a demonstrative or quantifier used alone at `d` ("this", "both", "all").
    fn lone_determiner_end(&self, d: usize) -> Option<usize> {
        let alone = matches!(
            self.word(d).to_lowercase().as_str(),
            "this"
                | "that"
                | "these"
                | "those"
                | "all"
                | "both"
                | "each"
                | "some"
                | "any"
                | "none"
                | "either"
                | "neither"
                | "another"
        );
        alone.then_some(d + 1)
    }

    /// A noun phrase with "of"-attachments and coordination: "the government of France",
    /// "Trump and Haftar", "the U.S. and Russia".
    pub fn noun_phrase(&self, i: usize) -> Option<usize> {
        let mut end = self.basic_np(i)?;
        loop {
            let w = self.word(end).to_lowercase();
            if w == "of" && self.tag(end) == Some(Tag::IN) {
                match self.basic_np(end + 1) {
                    Some(e) => end = e,
                    None => break,
                }
            } else if (w == "and" || w == "or") && self.tag(end) == Some(Tag::CC) {
                // Coordinate only like with like, so "Haftar and said" is not a phrase.
                match self.basic_np(end + 1) {
                    Some(e) if self.is_head(e - 1) || is_close_quote(self.word(e - 1)) => end = e,
                    _ => break,
                }
            } else {
                break;
            }
        }
        Some(end)
    }

    /// End of a verb group starting at `i`: modals and auxiliaries, adverbs and "not" between
    /// them, and the verbs.
    pub fn verb_group(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut last_verb = None;
        while let Some(t) = self.tag(j) {
            if t.is_verb() || t == Tag::TO && last_verb.is_some() {
                j += 1;
                if t.is_verb() {
                    last_verb = Some(j);
                }
            } else if (t.is_adverb() || self.word(j) == "n't") && last_verb.is_some() {
                j += 1;
            } else {
                break;
            }
        }
        last_verb
    }
}

/// Words tagged IN that introduce clauses and never take a noun phrase as object.
pub const SUBORDINATORS: &[&str] = &[
    "that", "if", "whether", "because", "although", "though", "while", "whereas", "unless", "so",
];

/// Chunks a sentence left to right: noun phrases, verb groups, and prepositions with their
/// noun phrase.
pub fn chunk(words: &[&str], tags: &[Tag]) -> Vec<Chunk> {
    let w = Words { words, tags };
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if tags[i] == Tag::IN
            && !SUBORDINATORS.contains(&words[i].to_lowercase().as_str())
            && let Some(end) = w.noun_phrase(i + 1)
        {
            out.push(Chunk {
                kind: ChunkKind::PP,
                start: i,
                end,
            });
            i = end;
        } else if let Some(end) = w.noun_phrase(i) {
            out.push(Chunk {
                kind: ChunkKind::NP,
                start: i,
                end,
            });
            i = end;
        } else if let Some(end) = w.verb_group(i) {
            out.push(Chunk {
                kind: ChunkKind::VG,
                start: i,
                end,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Tag::*;

    fn chunks(words: &str, tags: &[Tag]) -> Vec<(ChunkKind, String)> {
        let ws: Vec<&str> = words.split(' ').collect();
        chunk(&ws, tags)
            .into_iter()
            .map(|c| (c.kind, ws[c.start..c.end].join(" ")))
            .collect()
    }

    #[test]
    fn coordination_and_of_attachments() {
        let got = chunks(
            "Also discussed Trump and Haftar a shared vision of peace",
            &[RB, VBD, NNP, CC, NNP, DT, VBN, NN, IN, NN],
        );
        assert_eq!(
            got,
            vec![
                (ChunkKind::VG, "discussed".to_string()),
                (ChunkKind::NP, "Trump and Haftar".to_string()),
                (ChunkKind::NP, "a shared vision of peace".to_string()),
            ]
        );
    }

    #[test]
    fn adjective_after_noun_starts_a_new_phrase() {
        let got = chunks(
            "the minister new measures has been recognized",
            &[DT, NN, JJ, NNS, VBZ, VBN, VBN],
        );
        assert_eq!(
            got,
            vec![
                (ChunkKind::NP, "the minister".to_string()),
                (ChunkKind::NP, "new measures".to_string()),
                (ChunkKind::VG, "has been recognized".to_string()),
            ]
        );
    }

    #[test]
    fn a_quantity_before_of_starts_a_new_phrase() {
        let got = chunks(
            "the country hundreds of trees uprooted",
            &[DT, NN, NNS, IN, NNS, VBN],
        );
        assert_eq!(
            got,
            vec![
                (ChunkKind::NP, "the country".to_string()),
                (ChunkKind::NP, "hundreds of trees".to_string()),
                (ChunkKind::VG, "uprooted".to_string()),
            ]
        );
    }

    #[test]
    fn a_name_before_a_verb_after_an_opening_phrase_is_the_subject() {
        let got = chunks("In extra time Allan made", &[IN, JJ, NN, NNP, VBD]);
        assert_eq!(
            got,
            vec![
                (ChunkKind::PP, "In extra time".to_string()),
                (ChunkKind::NP, "Allan".to_string()),
                (ChunkKind::VG, "made".to_string()),
            ]
        );
        // After a determiner it is an apposition ("the capital Tripoli went citizens").
        let got = chunks("In the capital Tripoli went", &[IN, DT, NN, NNP, VBD]);
        assert_eq!(
            got[0],
            (ChunkKind::PP, "In the capital Tripoli".to_string())
        );
    }

    #[test]
    fn a_rulers_epithet_is_part_of_the_name() {
        let got = chunks("Constantine the Great built", &[NNP, DT, NNP, VBD]);
        assert_eq!(got[0], (ChunkKind::NP, "Constantine the Great".to_string()));
        // Another capitalised word after "the" opens a phrase of its own.
        let got = chunks("gave Trump the Nobel Prize", &[VBD, NNP, DT, NNP, NNP]);
        assert_eq!(got[1], (ChunkKind::NP, "Trump".to_string()));
    }

    #[test]
    fn a_number_and_a_plural_after_a_head_start_a_new_phrase() {
        let got = chunks("the team two players lost", &[DT, NN, CD, NNS, VBD]);
        assert_eq!(
            got,
            vec![
                (ChunkKind::NP, "the team".to_string()),
                (ChunkKind::NP, "two players".to_string()),
                (ChunkKind::VG, "lost".to_string()),
            ]
        );
        // So does a scaled amount, whatever the noun's tag.
        let got = chunks(
            "the city 2.5 million euros spends",
            &[DT, NN, CD, CD, NN, VBZ],
        );
        assert_eq!(got[0], (ChunkKind::NP, "the city".to_string()));
        assert_eq!(got[1], (ChunkKind::NP, "2.5 million euros".to_string()));
        // A year stays with its noun.
        let got = chunks("the year 1865 figures", &[DT, NN, CD, NNS]);
        assert_eq!(
            got,
            vec![(ChunkKind::NP, "the year 1865 figures".to_string())]
        );
    }

    #[test]
    fn possessives_chain() {
        let got = chunks("Haftar 's forces", &[NNP, POS, NNS]);
        assert_eq!(got, vec![(ChunkKind::NP, "Haftar 's forces".to_string())]);
    }
}
