//! The rule `mixed-spelling`: see `META` for what it finds and why.
//!
//! ## What it does
//! Counts the spellings of a document that differ between American and British English
//! ("-ize"/"-ise": "recognized"/"recognised"; "-yze"/"-yse"; "-or"/"-our": "color"/"colour";
//! "-er"/"-re": "center"/"centre"; "defense"/"defence") and the two ways of writing the United
//! States ("U.S."/"US"). When both are used, every occurrence of the less frequent one is flagged
//! with the majority form. A tie flags nothing.
//!
//! ## Silent on
//! Words spelled the same in both ("advise", "size", "exercise"), names ("Labour Party",
//! "World Trade Center"), a document that keeps to one spelling.

use super::edit::{Edit, apply, diagnosis};
use super::{Detector, Diagnosis, DocumentPass, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::tag::{Tagger, features::word_key};
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

pub struct MixedSpelling;

static META: RuleMeta = RuleMeta {
    id: "mixed-spelling",
    category: Category::Consistency,
    severity: Severity::Minor,
    summary: "American and British spellings (or 'U.S.' and 'US') are mixed in one document.",
    why: "Machine translation picks a spelling sentence by sentence; a publication keeps to \
          one, and a mix reads as careless.",
    fix: "Use the spelling the rest of the document uses.",
    examples: &[
        Example::Bad {
            text: "The UN recognized the government. Russia recognized it too. France \
                   recognised the rebels.",
            fix: Some("France recognized the rebels."),
        },
        Example::Bad {
            text: "The colour of the flag changed. The colour is red. The color fades.",
            fix: Some("The colour fades."),
        },
        Example::Bad {
            text: "The U.S. rejected the plan. The U.S. also left. The US stayed silent.",
            fix: Some("The U.S. stayed silent."),
        },
        Example::Bad {
            text: "They organised the talks and analysed the results. Then they organized a vote.",
            fix: Some("Then they organised a vote."),
        },
        Example::Good("The UN recognized the government. France recognized it too."),
        Example::Good("We advise you to exercise. The size of the prize surprised us."),
        Example::Good("The Labour Party met at the World Trade Center. The colour was red."),
        Example::Good("The U.S. rejected the plan. The US stayed silent."),
    ],
};

/// American and British endings: (American, British).
const ENDINGS: &[(&str, &str)] = &[
    ("ization", "isation"),
    ("izations", "isations"),
    ("ize", "ise"),
    ("izes", "ises"),
    ("ized", "ised"),
    ("izing", "ising"),
    ("yze", "yse"),
    ("yzes", "yses"),
    ("yzed", "ysed"),
    ("yzing", "ysing"),
    ("or", "our"),
    ("ors", "ours"),
    ("ored", "oured"),
    ("oring", "ouring"),
    ("orite", "ourite"),
    ("orites", "ourites"),
    ("orable", "ourable"),
    ("ter", "tre"),
    ("ters", "tres"),
    ("ense", "ence"),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Variant {
    American,
    British,
}

/// Whether English knows the word (treebank or morphological lexicon, American spelling).
fn known(word: &str) -> bool {
    // One lookup: known to the treebank or to the morphological lexicon.
    Tagger::embedded()
        .model()
        .word(word_key(word))
        .is_some_and(|e| e.tags != 0 || e.morph != 0)
}

/// The word's spelling variant and its form in the other variant, if it has one. "-ise" and
/// "-yse" forms count when their "-ize"/"-yze" twin is a word; the other endings only for the
/// words of [`BRITISH_KNOWN`] ("colour", "centre"), since most "-or" and "-er" words have no
/// British twin.
fn variant(lower: &str) -> Option<(Variant, String)> {
    for (us, uk) in ENDINGS {
        let ize = uk.starts_with(['i', 'y']);
        if let Some(stem) = lower.strip_suffix(uk)
            && ((ize && stem.len() >= 4) || (!ize && british_known(lower)))
        {
            let american = format!("{stem}{us}");
            if known(&american) {
                return Some((Variant::British, american));
            }
        }
    }
    // Most words have no British twin: the list's American forms are looked up first, so the
    // loop builds no string for them.
    let listed = american_of_known(lower);
    for (us, uk) in ENDINGS {
        let ize = us.starts_with(['i', 'y']);
        if let Some(stem) = lower.strip_suffix(us) {
            if ize && stem.len() >= 4 && known(lower) {
                return Some((Variant::American, format!("{stem}{uk}")));
            }
            if listed {
                let british = format!("{stem}{uk}");
                if british_known(&british) {
                    return Some((Variant::American, british));
                }
            }
        }
    }
    None
}

/// Whether a word is the American form of a word of [`BRITISH_KNOWN`] by one of the
/// [`ENDINGS`] ("color" for "colour").
fn american_of_known(word: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::default();
        for b in BRITISH_KNOWN {
            for (us, uk) in ENDINGS {
                if let Some(stem) = b.strip_suffix(uk) {
                    set.insert(format!("{stem}{us}"));
                }
            }
        }
        set
    })
    .contains(word)
}

/// Whether a word is in [`BRITISH_KNOWN`] (one set lookup, not a scan of the list).
fn british_known(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| BRITISH_KNOWN.iter().copied().collect())
        .contains(word)
}

/// British forms whose American counterpart is too short or too common a pattern to pair by
/// rule ("-or", "-er", "-ense" words mostly have no British twin).
const BRITISH_KNOWN: &[&str] = &[
    "colour",
    "colours",
    "coloured",
    "favour",
    "favours",
    "favoured",
    "favourite",
    "favourites",
    "favourable",
    "honour",
    "honours",
    "honoured",
    "labour",
    "labours",
    "laboured",
    "neighbour",
    "neighbours",
    "behaviour",
    "behaviours",
    "rumour",
    "rumours",
    "humour",
    "harbour",
    "harbours",
    "vigour",
    "endeavour",
    "endeavours",
    "centre",
    "centres",
    "theatre",
    "theatres",
    "metre",
    "metres",
    "litre",
    "litres",
    "fibre",
    "calibre",
    "defence",
    "offence",
    "licence",
    "pretence",
    "armour",
    "savour",
    "splendour",
    "valour",
    "tumour",
    "tumours",
    "odour",
    "flavour",
    "flavours",
];

struct Occurrence {
    sentence: usize,
    token: usize,
    variant: Variant,
    other: String,
    /// "U.S."/"US", kept apart from the spelling counts: that is house style.
    style: bool,
}

/// A document's pass: every variant occurrence, then the minority ones.
#[derive(Default)]
struct Pass {
    found: Vec<Occurrence>,
    /// After `finish`: the occurrences to report, with the document's majority.
    flagged: Vec<(usize, Variant)>,
}

impl Detector for MixedSpelling {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, _sentence: &SentenceView, _out: &mut Vec<Diagnosis>) {}

    fn document_pass(&self) -> Option<Box<dyn DocumentPass + '_>> {
        Some(Box::<Pass>::default())
    }
}

impl DocumentPass for Pass {
    fn observe(&mut self, sentence: usize, v: &SentenceView) {
        for t in 0..v.len() {
            let w = v.words[t];
            if w == "U.S." || w == "US" {
                let (variant, other) = if w == "U.S." {
                    (Variant::British, "US")
                } else {
                    (Variant::American, "U.S.")
                };
                self.found.push(Occurrence {
                    sentence,
                    token: t,
                    variant,
                    other: other.to_string(),
                    style: true,
                });
                continue;
            }
            // Names keep their spelling ("Labour Party", "Trade Center").
            if w.len() < 5 || !w.chars().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            if let Some((variant, other)) = variant(w) {
                self.found.push(Occurrence {
                    sentence,
                    token: t,
                    variant,
                    other,
                    style: false,
                });
            }
        }
    }

    fn finish(&mut self) -> Vec<usize> {
        for style in [false, true] {
            let group = || {
                self.found
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.style == style)
            };
            let british = group()
                .filter(|(_, o)| o.variant == Variant::British)
                .count();
            let american = group().count() - british;
            if british == american || british == 0 || american == 0 {
                continue;
            }
            let minority = if british < american {
                Variant::British
            } else {
                Variant::American
            };
            let flagged: Vec<(usize, Variant)> = group()
                .filter(|(_, o)| o.variant == minority)
                .map(|(k, _)| (k, minority))
                .collect();
            self.flagged.extend(flagged);
        }
        // In document order (occurrences were pushed in order), so `report` finds a
        // sentence's occurrences by bisection.
        self.flagged.sort_by_key(|&(k, _)| k);
        let mut sentences: Vec<usize> = self
            .flagged
            .iter()
            .map(|&(k, _)| self.found[k].sentence)
            .collect();
        sentences.dedup();
        sentences
    }

    fn report(&self, sentence: usize, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        let from = self
            .flagged
            .partition_point(|&(k, _)| self.found[k].sentence < sentence);
        let here = self.flagged[from..]
            .iter()
            .take_while(|&&(k, _)| self.found[k].sentence == sentence);
        for &(k, minority) in here {
            let o = &self.found[k];
            if o.token >= v.len() {
                continue;
            }
            let (start, end) = v.span(o.token, o.token + 1);
            let fixed = apply(
                v,
                &[Edit {
                    start,
                    end,
                    with: o.other.clone(),
                }],
            );
            let what = match (o.style, minority) {
                (true, _) => "writes the United States",
                (false, Variant::British) => "uses American spelling",
                (false, Variant::American) => "uses British spelling",
            };
            let w = v.words[o.token];
            out.push(diagnosis(
                v,
                o.token,
                o.token + 1,
                format!(
                    "The rest of the document {what}: '{}' rather than '{w}'.",
                    o.other
                ),
                Some(fixed),
                0.7,
            ));
        }
    }
}
