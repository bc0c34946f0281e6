//! The Penn Treebank tag set as used in UD English EWT (CoNLL-U column 5), with the Universal
//! POS each tag maps to and the classes detectors ask about.

use serde::{Serialize, Serializer};
use std::fmt;

macro_rules! tags {
    ($($variant:ident = $name:literal => $upos:literal),* $(,)?) => {
        /// A Penn Treebank part-of-speech tag.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Tag { $($variant),* }

        impl Tag {
            pub const ALL: &'static [Tag] = &[$(Tag::$variant),*];

            /// The tag as written in the treebank ("VBD", "PRP$", "-LRB-").
            pub fn as_str(self) -> &'static str {
                match self { $(Tag::$variant => $name),* }
            }

            /// The Universal POS tag this tag maps to (for most words; UD refines some by word).
            pub fn upos(self) -> &'static str {
                match self { $(Tag::$variant => $upos),* }
            }

            pub fn parse(name: &str) -> Option<Tag> {
                match name { $($name => Some(Tag::$variant),)* _ => None }
            }
        }
    };
}

tags! {
    CC = "CC" => "CCONJ", CD = "CD" => "NUM", DT = "DT" => "DET", EX = "EX" => "PRON",
    FW = "FW" => "X", IN = "IN" => "ADP", JJ = "JJ" => "ADJ", JJR = "JJR" => "ADJ",
    JJS = "JJS" => "ADJ", LS = "LS" => "X", MD = "MD" => "AUX", NN = "NN" => "NOUN",
    NNP = "NNP" => "PROPN", NNPS = "NNPS" => "PROPN", NNS = "NNS" => "NOUN", PDT = "PDT" => "DET",
    POS = "POS" => "PART", PRP = "PRP" => "PRON", PRPS = "PRP$" => "PRON", RB = "RB" => "ADV",
    RBR = "RBR" => "ADV", RBS = "RBS" => "ADV", RP = "RP" => "ADP", SYM = "SYM" => "SYM",
    TO = "TO" => "PART", UH = "UH" => "INTJ", VB = "VB" => "VERB", VBD = "VBD" => "VERB",
    VBG = "VBG" => "VERB", VBN = "VBN" => "VERB", VBP = "VBP" => "VERB", VBZ = "VBZ" => "VERB",
    WDT = "WDT" => "PRON", WP = "WP" => "PRON", WPS = "WP$" => "PRON", WRB = "WRB" => "ADV",
    Comma = "," => "PUNCT", Period = "." => "PUNCT", Colon = ":" => "PUNCT",
    OpenQuote = "``" => "PUNCT", CloseQuote = "''" => "PUNCT", LRB = "-LRB-" => "PUNCT",
    RRB = "-RRB-" => "PUNCT", HYPH = "HYPH" => "PUNCT", NFP = "NFP" => "PUNCT",
    Dollar = "$" => "SYM", Hash = "#" => "SYM", ADD = "ADD" => "X", AFX = "AFX" => "ADJ",
    GW = "GW" => "X", XX = "XX" => "X",
}

impl Tag {
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Tag> {
        Tag::ALL.get(i).copied()
    }

    /// Finite verb forms: past, present, modal.
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)
    }

    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ | Tag::MD
        )
    }

    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    pub fn is_punct(self) -> bool {
        self.upos() == "PUNCT"
    }

    pub fn is_wh(self) -> bool {
        matches!(self, Tag::WDT | Tag::WP | Tag::WPS | Tag::WRB)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Tag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &t in Tag::ALL {
            assert_eq!(Tag::parse(t.as_str()), Some(t));
            assert_eq!(Tag::from_index(t.index()), Some(t));
        }
        assert!(Tag::ALL.len() <= 64, "tag sets are stored as 64-bit masks");
    }
}
