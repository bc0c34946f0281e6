//! Tag stage: Penn Treebank part-of-speech tags for tokens, from an averaged perceptron trained
//! on UD English EWT (CC BY-SA 4.0) and embedded in the binary, corrected by a lexicon of
//! overrides that linguists edit (`rules/lexicon.tsv`).

pub mod features;
pub mod model;
pub mod refine;
pub mod refine_train;
pub mod tagset;
pub mod train;

use features::{TokenInfo, canonical_chars, hash_chars};
use model::{KeyMap, Model, ModelError};
use refine::Refiner;
use std::sync::OnceLock;
pub use tagset::Tag;

/// The model trained by `mtlint train-tagger` (`models/tagger.bin`), embedded at build time
/// compressed by `build.rs`: its length (8 bytes, little-endian), then the DEFLATE stream.
static EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tagger.bin.deflate"));

/// Inflates a file compressed by `build.rs` into one buffer of its exact length.
fn inflate(packed: &[u8]) -> Result<Vec<u8>, String> {
    use miniz_oxide::inflate::TINFLStatus;
    use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};
    let (len, stream) = packed
        .split_first_chunk::<8>()
        .ok_or("embedded model: too short")?;
    let len = usize::try_from(u64::from_le_bytes(*len)).map_err(|e| e.to_string())?;
    let mut out = vec![0u8; len];
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let (status, _, written) =
        decompress(&mut DecompressorOxide::new(), stream, &mut out, 0, flags);
    if status != TINFLStatus::Done || written != len {
        return Err(format!("embedded model: cannot inflate ({status:?})"));
    }
    Ok(out)
}
/// The second pass trained by `mtlint train-refiner`, embedded at build time.
static EMBEDDED_REFINER: &[u8] = include_bytes!("../../../models/refiner.bin");
/// The default lexicon overrides.
pub const EMBEDDED_LEXICON: &str = include_str!("../../../rules/lexicon.tsv");

/// Lexicon overrides: a word form → the tags it may take. An exact-case entry wins over a
/// lower-case one.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    exact: KeyMap<u64>,
    lower: KeyMap<u64>,
}

/// Hash of the exact (case-kept) form of a word.
fn exact_key(word: &str) -> u64 {
    word.chars()
        .fold(0x84222325, |h, c| features::mix(h, c as u64))
}

impl Lexicon {
    /// Parses `word<TAB>TAG[ TAG…]` lines (`#` starts a comment). A word written in lower case
    /// applies to every casing; any other casing applies to that exact form. Errors name the
    /// file and line.
    pub fn parse(name: &str, text: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let content = line.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            let mut parts = content.splitn(2, '\t');
            let word = parts.next().unwrap_or("").trim();
            let tags = parts.next().ok_or_else(|| {
                format!(
                    "{name}:{}: expected 'word<TAB>TAG', found '{content}'",
                    n + 1
                )
            })?;
            let mut mask = 0u64;
            for t in tags.split([' ', ',']).filter(|t| !t.is_empty()) {
                let tag =
                    Tag::parse(t).ok_or_else(|| format!("{name}:{}: unknown tag '{t}'", n + 1))?;
                mask |= 1 << tag.index();
            }
            if mask == 0 || word.is_empty() {
                return Err(format!(
                    "{name}:{}: a word and at least one tag are needed",
                    n + 1
                ));
            }
            if word.chars().any(char::is_uppercase) {
                lex.exact.insert(exact_key(word), mask);
            } else {
                let mut buf = Vec::new();
                canonical_chars(word, &mut buf);
                lex.lower.insert(hash_chars(&buf), mask);
            }
        }
        Ok(lex)
    }

    /// The tag set a word is restricted to, or 0.
    fn allowed(&self, word: &str, key: u64) -> u64 {
        if !self.exact.is_empty()
            && let Some(&m) = self.exact.get(&exact_key(word))
        {
            return m;
        }
        if self.lower.is_empty() {
            return 0;
        }
        self.lower.get(&key).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.exact.len() + self.lower.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The American spelling of a word with a British ending ("-ise", "-ised", "-ising",
/// "-isation", "-yse", "-our", "-tre" and their forms), or None. Only words of at least six
/// letters: "rise", "four" and "metre"'s short kin keep their spelling.
pub fn american_spelling(word: &str) -> Option<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("yses", "yzes"),
        ("ysing", "yzing"),
        ("ours", "ors"),
        ("our", "or"),
        ("tres", "ters"),
        ("tre", "ter"),
    ];
    if word.len() < 6 || !word.is_ascii() {
        return None;
    }
    // (Most words end in none of these: nothing is allocated for them.)
    let b = word.as_bytes();
    ENDINGS.iter().find_map(|(british, american)| {
        let cut = b.len().checked_sub(british.len())?;
        b[cut..]
            .eq_ignore_ascii_case(british.as_bytes())
            .then(|| format!("{}{american}", &word[..cut]))
    })
}

/// A model with its lexicon overrides.
pub struct Tagger {
    model: Model,
    lexicon: Lexicon,
    /// The second pass over verb, noun and adjective decisions (empty: none).
    refiner: Refiner,
}

impl Tagger {
    pub fn new(model: Model, lexicon: Lexicon) -> Tagger {
        Tagger {
            model,
            lexicon,
            refiner: Refiner::default(),
        }
    }

    /// Loads the embedded model, second pass and lexicon.
    pub fn load_embedded() -> Result<Tagger, String> {
        let model =
            Model::from_vec(inflate(EMBEDDED_MODEL)?).map_err(|e: ModelError| e.to_string())?;
        let lexicon = Lexicon::parse("rules/lexicon.tsv", EMBEDDED_LEXICON)?;
        let refiner = Refiner::from_bytes(EMBEDDED_REFINER)?;
        Ok(Tagger {
            model,
            lexicon,
            refiner,
        })
    }

    /// Replaces the second pass (an empty one switches it off).
    pub fn with_refiner(mut self, refiner: Refiner) -> Tagger {
        self.refiner = refiner;
        self
    }

    /// The embedded tagger, loaded once per process.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            // The embedded files are part of the build and checked by the tests.
            Tagger::load_embedded().expect("embedded tagger model and lexicon are valid")
        })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn into_model(self) -> Model {
        self.model
    }

    /// Replaces the lexicon overrides (for `--lexicon`).
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Tagger {
        self.lexicon = lexicon;
        self
    }

    /// Adds overrides on top of the current ones.
    pub fn extend_lexicon(&mut self, more: Lexicon) {
        self.lexicon.exact.extend(more.exact);
        self.lexicon.lower.extend(more.lower);
    }

    /// Every tag the word can have, as a mask of `1 << Tag::index()`: the tags the treebank
    /// gave it and the ones the morphological lexicon allows (0 for a word neither knows).
    pub fn possible_tags(&self, word: &str) -> u64 {
        self.model
            .word(features::word_key(word))
            .map_or(0, |e| e.tags | e.morph)
    }

    /// Whether `word` can have `tag` (see [`Tagger::possible_tags`]).
    pub fn can_be(&self, word: &str, tag: Tag) -> bool {
        self.possible_tags(word) & (1 << tag.index()) != 0
    }

    /// Tags one sentence of words.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut TagScratch::default(), &mut out);
        out
    }

    /// Tags one sentence, reusing buffers.
    pub fn tag_into(&self, words: &[&str], scratch: &mut TagScratch, out: &mut Vec<Tag>) {
        scratch.infos.clear();
        scratch.allowed.clear();
        let mut quotes = 0;
        for (i, w) in words.iter().enumerate() {
            // A British spelling the treebank never showed the model is read as the American
            // one it knows: "modernise" as "modernize", "centre" as "center".
            let mut info = self.model.token_info(w, &mut scratch.chars);
            if info.ambiguity == 0
                && let Some(variant) = american_spelling(w)
            {
                // (Only a spelling the treebank has: "arises" is no "arizes".)
                let american = self.model.token_info(&variant, &mut scratch.chars);
                if american.ambiguity != 0 {
                    info = american;
                }
            }
            let mut allowed = self.lexicon.allowed(w, info.key);
            if allowed == 0 && *w == "\"" {
                allowed = 1 << straight_quote(words, i, quotes).index();
                quotes += 1;
            }
            scratch.allowed.push(allowed);
            scratch.infos.push(info);
        }
        if self.refiner.is_empty() {
            self.model.decode(&scratch.infos, &scratch.allowed, out);
        } else {
            self.decode_and_refine(words, scratch, out);
        }
        self.verbs_after_modals(words, &scratch.allowed, out);
        self.verbs_after_subject_pronouns(words, &scratch.allowed, out);
        self.finite_verb_after_noun(words, &scratch.allowed, out);
        self.nouns_after_determiners(words, &scratch.allowed, out);
        self.present_verb_before_object(words, &scratch.allowed, out);
        self.capitalised_names(words, &scratch.allowed, out);
        self.participles_before_subjects(words, &scratch.allowed, out);
    }

    /// A clause has one finite verb for its subject: a word read as a past tense that opens a
    /// clause (first, or after a comma) before a noun phrase with no determiner, its
    /// prepositional phrases and then a finite verb, is a participle modifying the noun
    /// ("According to the data, reported confirmed cases in the U.S. have reached …").
    fn participles_before_subjects(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        let n = out.len();
        let modifier =
            |t: Tag| t.is_adjective() || matches!(t, Tag::VBN | Tag::VBG | Tag::CD | Tag::HYPH);
        for k in 0..n {
            if out[k] != Tag::VBD
                || allowed[k] != 0
                || !(k == 0 || words[k - 1] == ",")
                || !self.can_be(words[k], Tag::VBN)
            {
                continue;
            }
            // The noun phrase: modifiers, then nouns.
            let mut j = k + 1;
            while j < n && modifier(out[j]) {
                j += 1;
            }
            let head = j;
            while j < n && out[j].is_noun() {
                j += 1;
            }
            // (A common noun: a name after a past tense is its subject or object.)
            if !(head..j).any(|i| matches!(out[i], Tag::NN | Tag::NNS)) {
                continue;
            }
            // Its prepositional phrases ("in the U.S.").
            while j < n && out[j] == Tag::IN && !words[j].eq_ignore_ascii_case("that") {
                j += 1;
                while j < n
                    && (modifier(out[j])
                        || out[j].is_noun()
                        || matches!(out[j], Tag::DT | Tag::PRPS | Tag::POS))
                {
                    j += 1;
                }
            }
            if j < n && is_finite(out[j]) {
                out[k] = Tag::VBN;
            }
        }
    }

    /// A capitalised word is a name where the model read it otherwise for want of a verb
    /// nearby ("Persian a relatively simple grammar", "Heil that a law …", "In his formula,
    /// Flick the three attributes"): an interjection the word never is, a split word's part
    /// ("GW"), or, inside a sentence not written in title case and not after an opening quote,
    /// colon, bracket or dash, a verb.
    fn capitalised_names(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        let capitalised = |w: &str| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
        };
        // (Counted only when a capitalised verb asks: most sentences have none.)
        let title_case = || {
            let lettered = words
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            words.iter().filter(|w| capitalised(w)).count() * 2 > lettered
        };
        for k in 0..out.len() {
            // A capitalised pronoun inside a sentence after a determiner or a name is a
            // name's word: "the He 111 bombers", "Admiral Zheng He was".
            if out[k] == Tag::PRP
                && k > 0
                && capitalised(words[k])
                && (out[k - 1] == Tag::DT || (out[k - 1] == Tag::NNP && capitalised(words[k - 1])))
            {
                out[k] = Tag::NNP;
                continue;
            }
            if allowed[k] != 0 || !(capitalised(words[k]) || words[k] == "A") {
                continue;
            }
            let opened = k == 0
                || matches!(
                    words[k - 1],
                    "\"" | "``" | "“" | "‘" | "'" | ":" | "(" | "[" | "-" | "--" | "–" | "—" | "…"
                )
                || out[k - 1] == Tag::Period;
            // (A capital "A" inside a sentence with no noun after it is a letter or a name:
            // "vitamin A is high".)
            let letter = words[k] == "A"
                && !opened
                && !out
                    .get(k + 1)
                    .is_some_and(|t| t.is_noun() || t.is_adjective() || *t == Tag::CD);
            let misread = match out[k] {
                Tag::GW => true,
                Tag::DT => letter,
                Tag::UH => !self.can_be(words[k], Tag::UH),
                // (Not inside a run of capitalised words: a title's verb, "While My Guitar
                // Gently Weeps".)
                Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD => {
                    !opened && !capitalised(words[k - 1]) && !title_case()
                }
                _ => false,
            };
            if misread {
                out[k] = Tag::NNP;
            }
        }
    }

    /// The first pass with its margins, then the second pass on the words it was unsure of.
    fn decode_and_refine(&self, words: &[&str], scratch: &mut TagScratch, out: &mut Vec<Tag>) {
        self.model.decode_with_margins(
            &scratch.infos,
            &scratch.allowed,
            out,
            Some(&mut scratch.margins),
        );
        scratch.fixed.clear();
        scratch
            .fixed
            .extend(scratch.allowed.iter().map(|&a| a != 0));
        let refined: Vec<refine::Word> = words
            .iter()
            .zip(&scratch.infos)
            .zip(out.iter())
            .zip(&scratch.margins)
            .map(|(((w, info), t), &margin)| refine::Word {
                text: w,
                key: info.key,
                margin,
                // Only the words the second pass may re-decide need their tag sets.
                possible: if margin < self.refiner.first_sure && refine::CLASSES.contains(t) {
                    self.model.word(info.key).map_or(0, |e| e.tags | e.morph)
                } else {
                    0
                },
            })
            .collect();
        self.refiner.refine(&refined, out, &scratch.fixed);
        // A sentence has a finite verb: when neither pass found one in a statement (five
        // tokens or more, a full stop at the end; headings, table rows and exclamations often
        // have none), the likeliest word the lexicon allows to be one, if the second pass
        // nearly chose it.
        if words.len() >= 5 && words.last() == Some(&".") && !out.iter().any(|t| t.is_finite_verb())
        {
            let all: Vec<refine::Word> = refined
                .iter()
                .map(|w| refine::Word {
                    possible: self.model.word(w.key).map_or(0, |e| e.tags | e.morph),
                    ..*w
                })
                .collect();
            if let Some((i, t)) =
                self.refiner
                    .missing_finite_verb(&all, out, &scratch.fixed, FINITE_VERB_GAP)
            {
                out[i] = t;
            }
        }
    }

    /// A subject pronoun takes a finite verb: the first word after "he", "she", "we", "they"
    /// or "I" (or "it" opening a clause) and its adverbs that the model read as a noun or
    /// adjective is the pronoun's verb when it can be one ("It also borders …").
    fn verbs_after_subject_pronouns(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        for p in 0..out.len() {
            if out[p] != Tag::PRP {
                continue;
            }
            let w = words[p];
            let third = if ["he", "she"].iter().any(|x| w.eq_ignore_ascii_case(x)) {
                true
            } else if ["we", "they"].iter().any(|x| w.eq_ignore_ascii_case(x)) || w == "I" {
                false
            } else if w.eq_ignore_ascii_case("it")
                && (p == 0 || matches!(out[p - 1], Tag::CC | Tag::Comma | Tag::WDT | Tag::IN))
            {
                true
            } else {
                continue;
            };
            let mut k = p + 1;
            while k < out.len() && matches!(out[k], Tag::RB | Tag::RBR) {
                k += 1;
            }
            if k >= out.len() || allowed[k] != 0 {
                continue;
            }
            // A clause whose subject pronoun is followed by no finite verb up to the clause's
            // punctuation has its verb last, read as a noun: "that he tomorrow to Berlin
            // travels." (a clause in Dutch/German order).
            let end = (p + 1..out.len())
                .find(|&e| out[e].is_punct())
                .unwrap_or(out.len());
            let last = end - 1;
            // (Not in a question, where the verb stands before the pronoun: "when should I
            // buy my ticket?", nor with a base verb after the pronoun: "I better pass on …".)
            let inverted = p > 0 && (out[p - 1].is_verb() || out[p - 1] == Tag::MD);
            if end >= p + 4
                && !inverted
                && words[end..].first() != Some(&"?")
                && allowed[last] == 0
                && !(p + 1..end)
                    .any(|e| out[e].is_finite_verb() || matches!(out[e], Tag::MD | Tag::VB))
                && matches!(out[last], Tag::NN | Tag::NNS)
                && words[last].starts_with(char::is_lowercase)
                // (Not the head of a noun phrase: "that she very proud of all the volunteers".)
                && !matches!(
                    out[last - 1],
                    Tag::DT | Tag::PDT | Tag::PRPS | Tag::JJ | Tag::JJR | Tag::JJS | Tag::CD | Tag::POS
                )
            {
                let present = if third { Tag::VBZ } else { Tag::VBP };
                if self.can_be(words[last], present) {
                    out[last] = present;
                    continue;
                }
            }
            // A participle right after a subject pronoun is its simple past ("He later
            // handed over the command").
            if out[k] == Tag::VBN && self.can_be(words[k], Tag::VBD) {
                out[k] = Tag::VBD;
                continue;
            }
            if !matches!(out[k], Tag::NN | Tag::NNS | Tag::JJ) {
                continue;
            }
            let present = if third { Tag::VBZ } else { Tag::VBP };
            if self.can_be(words[k], present) {
                out[k] = present;
            } else if self.can_be(words[k], Tag::VBD) {
                out[k] = Tag::VBD;
            }
        }
    }

    /// A clause needs a finite verb: in one that has none, a past participle right after a
    /// noun, with no "be", "have", "get" or other finite verb before it, is the subject's verb
    /// in the simple past when the verb takes no object in the verb frames or is not in them
    /// ("a helicopter crashed with 10 people on board", "the ships collided"), or when an
    /// object follows it. A passive ("the plan approved by the council") and a participle of a
    /// verb that takes an object, without one ("artifacts found in the cave"), stay.
    fn finite_verb_after_noun(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        let finite = |t: &Tag| is_finite(*t);
        let auxiliary = |w: &str| {
            let w = w.to_ascii_lowercase();
            matches!(
                w.as_str(),
                "be" | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "being"
                    | "am"
                    | "'s"
                    | "'re"
                    | "have"
                    | "has"
                    | "had"
                    | "having"
                    | "get"
                    | "gets"
                    | "got"
                    | "gotten"
            )
        };
        for k in 1..out.len() {
            if auxiliary(words[k - 1]) || finite(&out[k - 1]) {
                return;
            }
            // A participle, a base form after a singular noun ("the bank set the rate"), or a
            // tag the word cannot have.
            let candidate = out[k] == Tag::VBN
                || (out[k] == Tag::VB && matches!(out[k - 1], Tag::NN | Tag::NNP))
                || !self.can_be(words[k], out[k]);
            if !candidate
                || allowed[k] != 0
                || !matches!(out[k - 1], Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
                || !self.can_be(words[k], Tag::VBD)
            {
                continue;
            }
            let next = out.get(k + 1).copied();
            if words
                .get(k + 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("by"))
            {
                return;
            }
            // The clause's own verb may follow ("the solutions adopted ultimately led to …");
            // a subordinate clause's does not count ("… prospered because they paid better").
            if finite_verb_follows(&out[k + 1..]) {
                return;
            }
            // An object, also after an adverb of degree ("required about 600 tons").
            let object_follows = next
                .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::PRP))
                || (next == Some(Tag::RB) && out.get(k + 2) == Some(&Tag::CD));
            let lower = words[k].to_lowercase();
            let frame = crate::frames::frames().get(&lower);
            let intransitive = frame.is_none_or(|f| f.count >= 3 && f.object_rate < 0.3);
            // A manner adverb right after it ("presidents changed quickly"): a verb, as no
            // finite verb follows to make the participle a modifier.
            let manner = next == Some(Tag::RB)
                && words
                    .get(k + 1)
                    .is_some_and(|w| w.len() > 4 && w.ends_with("ly"));
            if object_follows || intransitive || manner {
                out[k] = Tag::VBD;
            }
            return;
        }
    }

    /// A clause with no finite verb, a singular noun (and adverbs), then a word read as a
    /// plural noun that can be a present verb, then a determiner: the word is the noun's verb
    /// and the determiner opens its object ("the same principle forms the basis", "power pits
    /// some citizens against others").
    fn present_verb_before_object(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        let finite = |t: &Tag| is_finite(*t);
        for k in 1..out.len().saturating_sub(1) {
            if finite(&out[k - 1]) {
                return;
            }
            // The object may open with a determiner, or be a name ("Laine encounters Georg")
            // or an adjective's phrase ("rejects Western culture") after a lower-case word.
            let object = matches!(out[k + 1], Tag::DT | Tag::PRPS)
                || (matches!(out[k + 1], Tag::NNP | Tag::JJ)
                    && words[k].starts_with(char::is_lowercase));
            // The same for a plural subject and a word read as a singular noun that can be its
            // present verb ("the Joshis worship Kul Devata", "members exercise this right").
            let (verb, subject): (Tag, &[Tag]) = match out[k] {
                Tag::NNS => (Tag::VBZ, &[Tag::NN, Tag::NNP, Tag::JJ]),
                Tag::NN => (Tag::VBP, &[Tag::NNS, Tag::NNPS]),
                _ => continue,
            };
            if allowed[k] != 0 || !object || !self.can_be(words[k], verb) {
                continue;
            }
            let mut p = k - 1;
            while p > 0 && out[p] == Tag::RB {
                p -= 1;
            }
            if subject.contains(&out[p]) && !finite_verb_follows(&out[k + 1..]) {
                out[k] = verb;
                return;
            }
            if verb == Tag::VBZ {
                return;
            }
        }
    }

    /// An article or a possessive takes a noun: a word read as a modal right after one ("the
    /// will operating out of duty", "his will being divided") is a noun when it can be one and
    /// no base verb follows it ("the will decide" is a modal after a lost subject).
    fn nouns_after_determiners(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        for k in 1..out.len() {
            if out[k] != Tag::MD || allowed[k] != 0 {
                continue;
            }
            let d = words[k - 1];
            let determiner = (out[k - 1] == Tag::DT
                && ["a", "an", "the"].iter().any(|x| d.eq_ignore_ascii_case(x)))
                || out[k - 1] == Tag::PRPS;
            let mut n = k + 1;
            while n < out.len() && matches!(out[n], Tag::RB | Tag::RBR) {
                n += 1;
            }
            if determiner && out.get(n) != Some(&Tag::VB) && self.can_be(words[k], Tag::NN) {
                out[k] = Tag::NN;
            }
        }
    }

    /// A modal takes a base verb: the first word after a modal and its adverbs ("can store",
    /// "could no longer act") that the model read as a noun, adjective or present verb is the
    /// modal's verb when it can be one (the lexicon's fixed tags stay).
    fn verbs_after_modals(&self, words: &[&str], allowed: &[u64], out: &mut [Tag]) {
        for m in 0..out.len() {
            if out[m] != Tag::MD {
                continue;
            }
            let mut k = m + 1;
            while k < out.len()
                && (matches!(out[k], Tag::RB | Tag::RBR)
                    || (words[k].eq_ignore_ascii_case("no")
                        && k + 1 < out.len()
                        && out[k + 1] == Tag::RBR))
            {
                k += 1;
            }
            if k < out.len()
                && allowed[k] == 0
                && matches!(out[k], Tag::NN | Tag::JJ | Tag::VBP)
                && self.can_be(words[k], Tag::VB)
            {
                out[k] = Tag::VB;
            } else if k > m + 1
                && allowed[k - 1] == 0
                && out[k - 1] == Tag::RB
                && out
                    .get(k)
                    .is_none_or(|t| matches!(t, Tag::IN | Tag::DT | Tag::PRP))
                && self.can_be(words[k - 1], Tag::VB)
            {
                // The last word read as an adverb is the verb when nothing after it can be
                // ("should diligently fast on this day").
                out[k - 1] = Tag::VB;
            }
        }
    }
}

/// How far below a word's own tag the second pass may score its finite-verb reading for a
/// sentence without a finite verb to take it (see [`Tagger::decode_and_refine`]): chosen on
/// EWT dev (95.05% → 95.07%; at 20, 95.02%).
const FINITE_VERB_GAP: f32 = 10.0;

/// A finite verb or a modal.
fn is_finite(t: Tag) -> bool {
    matches!(t, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)
}

/// Whether the clause's own finite verb is among `rest`, the tags after a word: before a
/// preposition, subordinator, relative pronoun, coordinator or comma ("the solutions adopted
/// ultimately led to …"; "… prospered because they paid better" has none).
fn finite_verb_follows(rest: &[Tag]) -> bool {
    rest.iter()
        .take_while(|t| !matches!(t, Tag::IN | Tag::WDT | Tag::WP | Tag::CC | Tag::Comma))
        .any(|&t| is_finite(t))
}

/// Whether a straight double quote opens or closes a quotation, from where it stands: first
/// in the sentence it opens; last or before punctuation it closes; after a comma or colon it
/// opens unless a quotation is open or the speaker follows; after other punctuation it
/// closes; elsewhere quotes alternate (`before` is the number of quotes before it).
fn straight_quote(words: &[&str], i: usize, before: usize) -> Tag {
    let punct = |w: &str| matches!(w, "," | "." | ";" | ":" | "?" | "!" | ")");
    if i == 0 {
        Tag::OpenQuote
    } else if i + 1 == words.len() || punct(words[i + 1]) {
        Tag::CloseQuote
    } else if punct(words[i - 1]) {
        // After a comma or colon a quotation opens ("said, \"We …\"") unless one is open;
        // after a full stop it closes ("… end.\" He").
        // Before the speaker and a verb of saying (", \" he said") it closes all the same.
        let attribution = words[i + 1..].iter().take(3).any(|w| {
            matches!(
                *w,
                "said"
                    | "says"
                    | "say"
                    | "told"
                    | "tells"
                    | "asked"
                    | "asks"
                    | "added"
                    | "adds"
                    | "wrote"
                    | "writes"
            )
        });
        if matches!(words[i - 1], "," | ":") && before.is_multiple_of(2) && !attribution {
            Tag::OpenQuote
        } else {
            Tag::CloseQuote
        }
    } else if before.is_multiple_of(2) {
        Tag::OpenQuote
    } else {
        Tag::CloseQuote
    }
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct TagScratch {
    chars: Vec<char>,
    infos: Vec<TokenInfo>,
    allowed: Vec<u64>,
    fixed: Vec<bool>,
    margins: Vec<f32>,
}
