//! The rule `infinitive-after-object`: see `META` for what it finds and why.
//!
//! Besides verbs of wanting, it knows verbs that take an infinitive with "to" ("decide",
//! "refuse", "manage", "afford", "fail", "offer"; "remember" and "forget" only with the
//! infinitive at the end of the sentence). An infinitive that ends the sentence is found also
//! when the tagger read it as a noun or an adjective, where nothing else could explain the
//! word there: it can only be a verb ("renovate"), or it follows a number, a time noun or an
//! "-ly" adverb ("before 2028 open", "next week present").

use super::rewrite::{Piece, render};
use super::words::{TIME_NOUNS, WEEKDAYS};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::frames::frames;
use crate::segment::SegmentKind;
use crate::tag::{Tag, Tagger};

pub struct InfinitiveAfterObject;

/// Verbs whose infinitive complement needs "to".
const WANT_VERBS: &[&str] = &[
    "want", "wish", "need", "try", "decide", "plan", "hope", "refuse", "agree", "promise",
    "intend", "seek", "aim", "attempt", "prepare", "threaten", "expect", "like", "prefer",
    "afford", "manage", "fail", "offer", "forget", "remember",
];

/// Verbs of [`WANT_VERBS`] that take no clause without "that" ("hope the rules stop" is
/// English, "want the rules stop" is not).
const NO_BARE_CLAUSE: &[&str] = &[
    "want", "need", "try", "intend", "seek", "aim", "attempt", "refuse", "threaten", "plan",
    "prepare", "afford", "manage", "fail", "offer",
];

/// Verbs of [`WANT_VERBS`] whose object is often followed by a clause of its own ("remember
/// the name of a style …", "forget the shops close early"): only an infinitive that ends the
/// sentence counts after them.
const FINAL_ONLY: &[&str] = &["remember", "forget"];

/// Verbs of [`WANT_VERBS`] whose object is never the subject of their "to"-infinitive: in EWT
/// train none of their uses with one has an object ("try": 114 uses), so "try all your
/// messages to answer" is the infinitive left after its own object.
const NO_OBJECT_BEFORE_TO: &[&str] = &[
    "try", "decide", "refuse", "attempt", "manage", "fail", "afford", "seek", "threaten", "agree",
    "hope", "plan",
];

/// Adverbs that may follow an object without being a verb ("want the Greens back in
/// government").
const ADVERB_PARTICLES: &[&str] = &[
    "back", "out", "up", "down", "home", "away", "off", "over", "together", "ahead", "around",
    "forward", "there", "here", "in", "on", "present", "free", "open", "clean", "fit",
];

/// Verbs of [`WANT_VERBS`] whose object may be the subject of their infinitive ("want the
/// army to attack").
const TAKE_SUBJECT: &[&str] = &["want", "wish", "need", "expect", "like", "prefer", "intend"];

static META: RuleMeta = RuleMeta {
    id: "infinitive-after-object",
    category: Category::WordOrder,
    severity: Severity::Major,
    summary: "A verb of wanting, its object, then a bare infinitive without 'to'.",
    why: "Dutch and German end the clause with a bare infinitive; machine translation keeps it \
          after the object, where English needs 'to' (or the infinitive after the verb).",
    fix: "Add 'to' before the infinitive, or move the infinitive right after the verb.",
    examples: &[
        Example::Bad {
            text: "The company wants its production in Germany within three years double.",
            fix: Some("The company wants to double its production in Germany within three years."),
        },
        Example::Bad {
            text: "The children want in the garden play.",
            fix: Some("The children want to play in the garden."),
        },
        Example::Good("For the first time we tried in every possible way."),
        Example::Bad {
            text: "The police want the witnesses of the accident speak.",
            fix: Some("The police want the witnesses of the accident to speak."),
        },
        Example::Bad {
            text: "Haftar wants the power in the country take control of the government.",
            fix: Some("Haftar wants the power in the country to take control of the government."),
        },
        Example::Bad {
            text: "The rebels want the army attack the city.",
            fix: Some("The rebels want the army to attack the city."),
        },
        Example::Bad {
            text: "The minister wants the reform before the summer introduce.",
            fix: Some("The minister wants to introduce the reform before the summer."),
        },
        Example::Bad {
            text: "The airline wants its fleet renew with 40 new aircraft.",
            fix: Some("The airline wants to renew its fleet with 40 new aircraft."),
        },
        Example::Bad {
            text: "The commission wants the rules for small firms simplify and cut red tape.",
            fix: Some(
                "The commission wants to simplify the rules for small firms and cut red tape.",
            ),
        },
        Example::Bad {
            text: "The mayor tried the dispute with the taxi drivers settle before the weekend.",
            fix: Some(
                "The mayor tried to settle the dispute with the taxi drivers before the weekend.",
            ),
        },
        Example::Bad {
            text: "The city of Tilburg intends 600 new social housing units build by 2028.",
            fix: Some("The city of Tilburg intends to build 600 new social housing units by 2028."),
        },
        Example::Good(
            "The storm threatened oil installations in the Gulf where operations are based.",
        ),
        Example::Bad {
            text: "The railway company wants the ticket prices raise by 5.6 percent.",
            fix: Some("The railway company wants to raise the ticket prices by 5.6 percent."),
        },
        Example::Bad {
            text: "The council wants the old town hall next year renovate.",
            fix: Some("The council wants to renovate the old town hall next year."),
        },
        Example::Bad {
            text: "The airline decided all flights to Moscow until next month cancel.",
            fix: Some("The airline decided to cancel all flights to Moscow until next month."),
        },
        Example::Bad {
            text: "Don't forget the back door every evening lock.",
            fix: Some("Don't forget to lock the back door every evening."),
        },
        Example::Bad {
            text: "The shop refuses the damaged phone replace.",
            fix: Some("The shop refuses to replace the damaged phone."),
        },
        Example::Bad {
            text: "The club tries its best players to keep, but not at any price.",
            fix: Some("The club tries to keep its best players, but not at any price."),
        },
        Example::Good("We tried all the methods to solve the problem."),
        Example::Good("They decided the matter to avoid a split."),
        Example::Good("They want the shop open."),
        Example::Good("They need the house clean by Friday."),
        Example::Good("We hope the talks succeed."),
        Example::Good("I am trying to remember the name of a hibachi style restaurant."),
        Example::Good("The plan failed despite an aid package offer of $4 billion."),
        Example::Good("I presume you need the Pakistan base for rescue operations."),
        Example::Good("They want the Greens back in government."),
        Example::Good("They want the things people like."),
        Example::Good("They hope the new rules stop the trade."),
        Example::Good("They want the government to resign."),
        Example::Good("They want the whole family back home."),
        Example::Good("I want to get a few pet rats and need a rat cage."),
        Example::Good("We need the state control of oil revenues."),
        Example::Good("I want the book."),
        Example::Good("They want the country music festival back."),
    ],
};

/// Can `word` be a bare infinitive (a verb's base form)?
fn base_verb(v: &SentenceView, k: usize) -> bool {
    let w = v.lower(k);
    if matches!(w, "am" | "are" | "is" | "was" | "were") {
        return false;
    }
    match v.tag(k) {
        Some(Tag::VB | Tag::VBP) => true,
        Some(Tag::NN) => frames().get(w).is_some_and(|f| f.lemma == w),
        _ => false,
    }
}

/// Whether `j`, the last word before the sentence's closing punctuation, is a transitive
/// verb's base form after an object, whatever the tagger read it as: the word
/// cannot be a noun or an adjective at all ("renovate", "attach"), or follows a number, a time
/// noun or an adverb ("before 2028 open", "next week present"). A noun after such words forms
/// no compound with them.
fn final_base_verb(v: &SentenceView, j: usize) -> bool {
    let Some(t) = v.tag(j) else { return false };
    if !matches!(t, Tag::NN | Tag::JJ | Tag::NNP | Tag::VB | Tag::VBP)
        || j + 2 != v.len()
        || !v.tag(j + 1).is_some_and(Tag::is_punct)
        || !v.words[j].starts_with(char::is_lowercase)
    {
        return false;
    }
    let w = v.lower(j);
    if !frames().may_be_base(w) || !frames().is_transitive(w) {
        return false;
    }
    let tagger = Tagger::embedded();
    let verb_only = tagger.can_be(w, Tag::VB)
        && !tagger.can_be(w, Tag::NN)
        && !tagger.can_be(w, Tag::NNS)
        && !tagger.can_be(w, Tag::JJ);
    let prev = v.lower(j - 1);
    let no_compound = match v.tag(j - 1) {
        Some(Tag::CD) => true,
        // "regularly change", but not "very clean": an adjective after an adverb is a
        // predicate.
        Some(Tag::RB) => t != Tag::JJ && prev.ends_with("ly") && !ADVERB_PARTICLES.contains(&w),
        Some(Tag::NN | Tag::NNP) => TIME_NOUNS.contains(&prev) || WEEKDAYS.contains(&prev),
        // "within three years double".
        Some(Tag::NNS) => prev
            .strip_suffix('s')
            .is_some_and(|n| TIME_NOUNS.contains(&n)),
        _ => false,
    };
    // "want the shop open", "want everyone present": an adverb or adjective that may follow
    // an object counts only after a number or a time noun.
    let particle = ADVERB_PARTICLES.contains(&w);
    tagger.can_be(w, Tag::VB) && ((verb_only && !particle) || no_compound)
}

/// The finding for the infinitive at `j` after the object of the verb of wanting at `i`:
/// with "to" added before it where it stands, or (`moved`) moved with "to" right after the
/// verb of wanting ("wants its fleet renew with …" → "wants to renew its fleet with …").
fn infinitive_finding(v: &SentenceView, i: usize, j: usize, moved: bool, last: bool) -> Diagnosis {
    let pieces: Vec<Piece> = if moved {
        vec![
            Piece::Tokens(0, i + 1),
            Piece::Text("to".into()),
            Piece::Tokens(j, j + 1),
            Piece::Tokens(i + 1, j),
            Piece::Tokens(j + 1, v.len()),
        ]
    } else {
        vec![
            Piece::Tokens(0, j),
            Piece::Text("to".into()),
            Piece::Tokens(j, v.len()),
        ]
    };
    let (start, end) = v.span(i, j + 1);
    let place = if last {
        "comes last, after the object of"
    } else {
        "comes after the object of"
    };
    Diagnosis {
        check: "",
        start,
        end,
        message: if moved {
            format!(
                "'{}' {place} '{}'{} (Dutch/German order): write '{} to {}' before the object",
                v.words[j],
                v.words[i],
                if last { "" } else { " without 'to'" },
                v.words[i],
                v.words[j]
            )
        } else {
            format!(
                "'{}' {place} '{}' without 'to' (Dutch/German order): write 'to {}'",
                v.words[j], v.words[i], v.words[j]
            )
        },
        suggestion: Some(render(v, &pieces)),
        confidence: 0.65,
    }
}

impl Detector for InfinitiveAfterObject {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        for i in 0..v.len() {
            let Some(lemma) = wanting_verb(v, i) else {
                continue;
            };
            if let Some(d) = infinitive_after_object(v, i, lemma)
                .or_else(|| to_infinitive_after_object(v, i, lemma))
                .or_else(|| infinitive_after_phrase(v, i, lemma))
            {
                out.push(d);
                return;
            }
        }
    }
}

/// The lemma of word `i` when it is a verb of wanting (or another verb of [`WANT_VERBS`]).
fn wanting_verb<'a>(v: &'a SentenceView, i: usize) -> Option<&'a str> {
    let t = v.tag(i)?;
    // "The minister plans the …": a verb in "-s" the tagger read as a plural noun, between its
    // subject and its object.
    let misread = t == Tag::NNS
        && i > 0
        && v.tag(i - 1).is_some_and(Tag::is_noun)
        && v.tag(i + 1)
            .is_some_and(|n| matches!(n, Tag::DT | Tag::PRPS));
    if !(t.is_verb() || misread) {
        return None;
    }
    let lemma = frames().lemma(v.lower(i));
    WANT_VERBS.contains(&lemma).then_some(lemma)
}

/// The finding for a bare infinitive in the object of the verb of wanting at `i`: the object
/// and its phrases are walked up to a "to" or a verb.
fn infinitive_after_object(v: &SentenceView, i: usize, lemma: &str) -> Option<Diagnosis> {
    let no_bare_clause = NO_BARE_CLAUSE.contains(&lemma);
    let mut j = i + 1;
    let mut saw_noun = false;
    while j < v.len() {
        let tj = v.tag(j).unwrap_or(Tag::XX);
        if ends_object(v, i, j, tj) {
            break;
        }
        if let Some(d) = judge_in_object(v, i, j, lemma, no_bare_clause, saw_noun) {
            return Some(d);
        }
        saw_noun |= tj.is_noun();
        j += 1;
    }
    None
}

/// "We try all your messages to answer": a verb of [`NO_OBJECT_BEFORE_TO`], a noun phrase, then
/// "to" and a transitive verb that ends its clause: the noun phrase is the infinitive's object,
/// left before it in Dutch/German order.
fn to_infinitive_after_object(v: &SentenceView, i: usize, lemma: &str) -> Option<Diagnosis> {
    if !NO_OBJECT_BEFORE_TO.contains(&lemma) {
        return None;
    }
    let mut a = i + 1;
    if matches!(v.lower(a), "all" | "both") {
        a += 1;
    }
    if !v
        .tag(a)
        .is_some_and(|t| matches!(t, Tag::DT | Tag::PRPS | Tag::CD | Tag::JJ) || t.is_noun())
    {
        return None;
    }
    let end = v.chunker().noun_phrase(a)?;
    let k = end + 1;
    if v.lower(end) != "to" || v.tag(k) != Some(Tag::VB) {
        return None;
    }
    let closes = v.tag(k + 1).is_none_or(|t| t.is_punct() || t == Tag::CC);
    if !closes || !frames().is_transitive(v.lower(k)) {
        return None;
    }
    let pieces = [
        Piece::Tokens(0, i + 1),
        Piece::Tokens(end, k + 1),
        Piece::Tokens(i + 1, end),
        Piece::Tokens(k + 1, v.len()),
    ];
    let (start, stop) = v.span(i, k + 1);
    Some(Diagnosis {
        check: "",
        start,
        end: stop,
        message: format!(
            "'{}' comes last, after its object (Dutch/German order): write '{} to {}' before the object",
            v.words[k], v.words[i], v.words[k]
        ),
        suggestion: Some(render(v, &pieces)),
        confidence: 0.65,
    })
}

/// "The children want in the garden play.", "The mayor plans after the elections resign.": a
/// verb of wanting, prepositional phrases right after it and nothing else, and the sentence's
/// last word a base verb that forms no compound with the noun before it (a large corpus has
/// "first time", not "garden play"): the infinitive left at the end, without "to". It goes
/// after the verb of wanting, with "to".
fn infinitive_after_phrase(v: &SentenceView, i: usize, lemma: &str) -> Option<Diagnosis> {
    if !NO_BARE_CLAUSE.contains(&lemma)
        || v.tag(i + 1) != Some(Tag::IN)
        || matches!(v.lower(i + 1), "to" | "of" | "that" | "for")
    {
        return None;
    }
    let j = v.len().checked_sub(2)?;
    if j < i + 4 || !v.tag(j + 1).is_some_and(Tag::is_punct) {
        return None;
    }
    // Phrases only: prepositions and the words of noun phrases.
    let phrase_word = |k: usize| {
        v.tag(k).is_some_and(|t| {
            t.is_noun()
                || matches!(
                    t,
                    Tag::IN | Tag::DT | Tag::JJ | Tag::CD | Tag::PRPS | Tag::POS
                )
        }) && !(v.tag(k) == Some(Tag::IN) && matches!(v.lower(k), "that" | "to"))
    };
    if !(i + 1..j).all(phrase_word) || !v.tag(j - 1).is_some_and(Tag::is_noun) {
        return None;
    }
    let w = v.lower(j);
    let tagger = Tagger::embedded();
    if !v.words[j].starts_with(char::is_lowercase)
        || !tagger.can_be(w, Tag::VB)
        || !frames().may_be_base(w)
        || ADVERB_PARTICLES.contains(&w)
    {
        return None;
    }
    let compound = crate::ngram::WordNgrams::embedded()
        .is_none_or(|ng| ng.log_prob(Some(v.words[j - 1]), v.words[j]) > COMPOUND_LN_PROB);
    if compound {
        return None;
    }
    let mut d = infinitive_finding(v, i, j, true, true);
    d.message = format!(
        "'{}' comes last, after '{}' (Dutch/German order): write '{} to {}' before the phrase",
        v.words[j],
        v.slice(i + 1, j),
        v.words[i],
        v.words[j]
    );
    d.confidence = 0.6;
    Some(d)
}

/// Whether `j`, the last word before the sentence's closing punctuation, is the base form of
/// a verb that seldom takes an object, after a noun it forms no compound with under the word
/// bigram model ("the witnesses of the accident speak", not "the bus stop").
fn final_intransitive(v: &SentenceView, j: usize) -> bool {
    let Some(t) = v.tag(j) else { return false };
    if !matches!(t, Tag::NN | Tag::VB | Tag::VBP)
        || j + 2 != v.len()
        || !v.tag(j + 1).is_some_and(Tag::is_punct)
        || !v.words[j].starts_with(char::is_lowercase)
        || !v.tag(j - 1).is_some_and(Tag::is_noun)
    {
        return false;
    }
    let w = v.lower(j);
    Tagger::embedded().can_be(w, Tag::VB)
        && frames().may_be_base(w)
        && !frames().is_transitive(w)
        && !ADVERB_PARTICLES.contains(&w)
        && crate::ngram::WordNgrams::embedded()
            .is_some_and(|ng| ng.log_prob(Some(v.words[j - 1]), v.words[j]) <= COMPOUND_LN_PROB)
}

/// The least ln P(word | noun) under the word bigram model at which a noun and a word that
/// may be a verb after it are read as a compound ("first time", "long term").
const COMPOUND_LN_PROB: f32 = -6.0;

/// Whether word `j` (tagged `tj`) ends the object of the verb at `i`.
fn ends_object(v: &SentenceView, i: usize, j: usize, tj: Tag) -> bool {
    // A relative word opens a clause of its own ("… in the Gulf where operations are based").
    // "to" before a verb ends the object; "flights to Tel Aviv" does not.
    let to_verb =
        v.lower(j) == "to" && (tj != Tag::IN || v.tag(j + 1).is_some_and(|n| n == Tag::VB));
    // A participle between a determiner or adjective and a noun is part of the object
    // ("refuses the damaged laptop …").
    let prenominal = matches!(tj, Tag::VBN | Tag::VBG)
        && v.tag(j - 1)
            .is_some_and(|p| matches!(p, Tag::DT | Tag::PRPS | Tag::JJ))
        && v.tag(j + 1)
            .is_some_and(|n| matches!(n, Tag::NN | Tag::NNS | Tag::JJ));
    // "failed despite an aid package offer …": a preposition right after the verb opens no
    // object.
    to_verb
        || (j == i + 1 && tj == Tag::IN)
        || tj.is_punct()
        || matches!(tj, Tag::WDT | Tag::WP | Tag::WRB)
        || (tj.is_verb() && !base_verb(v, j) && !prenominal)
}

/// Whether the noun phrase before word `j` cannot open a relative clause, being the object
/// itself or a preposition's ("intends 600 new social housing units build", "tried the
/// dispute with the taxi drivers settle"). A plural noun before another noun starts a new
/// phrase ("the things | people like").
fn not_relative(v: &SentenceView, i: usize, j: usize) -> bool {
    let mut s = j;
    while s > i + 1
        && v.tag(s - 1).is_some_and(|t| {
            matches!(
                t,
                Tag::DT | Tag::PRPS | Tag::CD | Tag::JJ | Tag::NN | Tag::NNP
            ) || (matches!(t, Tag::NNS | Tag::NNPS) && s == j)
        })
    {
        s -= 1;
    }
    s < j && (s == i + 1 || matches!(v.tag(s - 1), Some(Tag::IN | Tag::TO)))
}

/// The finding, if word `j` inside the object of the verb of wanting at `i` is its bare
/// infinitive.
fn judge_in_object(
    v: &SentenceView,
    i: usize,
    j: usize,
    lemma: &str,
    no_bare_clause: bool,
    saw_noun: bool,
) -> Option<Diagnosis> {
    let after_noun = saw_noun && v.tag(j - 1).is_some_and(Tag::is_noun);
    let object_follows = v.tag(j + 1).is_some_and(|n| {
        matches!(
            n,
            Tag::DT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::NNP | Tag::PRP
        )
    });
    // A present form counts when it follows the head of the object, not a second noun phrase
    // that would be the subject of a relative clause ("wants the things people like").
    let not_relative = not_relative(v, i, j);
    let head_before = (j > 1 && !v.tag(j - 2).is_some_and(Tag::is_noun)) || not_relative;
    // "hopes the new rules stop the trade" is English: a verb that takes a clause without
    // "that" may have a plural subject and its verb after it.
    if !no_bare_clause
        && v.tag(j - 1)
            .is_some_and(|t| matches!(t, Tag::NNS | Tag::NNPS))
    {
        return None;
    }
    // "wants the market square next spring renovate.": the last word, read as a noun or an
    // adjective, is a transitive verb's base form, and either cannot be a noun or an
    // adjective at all, or follows a number, a time noun or an adverb, which form no compound
    // with it ("before 2028 open"). It goes after the verb, with "to".
    if saw_noun && final_base_verb(v, j) {
        return Some(infinitive_finding(v, i, j, true, true));
    }
    // "The police want the witnesses of the accident speak.": a verb that takes no object
    // ends the sentence after the phrase, which is its subject: "to" goes before it.
    if no_bare_clause && TAKE_SUBJECT.contains(&lemma) && saw_noun && final_intransitive(v, j) {
        return Some(infinitive_finding(v, i, j, false, true));
    }
    if FINAL_ONLY.contains(&lemma) {
        return None;
    }
    // "wants the reform before the summer implement.": the infinitive ends the sentence; it
    // goes after the verb, with "to".
    let at_end = (v.tag(j) == Some(Tag::VB) || (v.tag(j) == Some(Tag::VBP) && head_before))
        && v.tag(j + 1).is_some_and(Tag::is_punct)
        && j + 2 >= v.len()
        && frames().is_transitive(v.lower(j));
    if after_noun && base_verb(v, j) && at_end {
        return Some(infinitive_finding(v, i, j, true, true));
    }
    if after_noun && no_bare_clause && not_relative && verb_after_head(v, j) && !object_follows {
        let mut d = infinitive_finding(v, i, j, true, false);
        d.confidence = 0.6;
        return Some(d);
    }
    let tagged_base = no_bare_clause && tagged_base_verb(v, j, head_before);
    let only_verb = no_bare_clause && lexicon_only_verb(v, j);
    if after_noun && base_verb(v, j) && (object_follows || tagged_base || only_verb) {
        // With no object of its own, a transitive infinitive takes the phrase before it as its
        // object: it moves after the verb of wanting ("wants its fleet renew with …" → "wants
        // to renew its fleet with …").
        // After "try", "plan", "refuse" … the phrase cannot be the infinitive's subject
        // ("tried the dispute … settle" → "tried to settle the dispute …").
        let moved = !object_follows
            && (frames().is_transitive(v.lower(j)) || !TAKE_SUBJECT.contains(&lemma));
        return Some(infinitive_finding(v, i, j, moved, false));
    }
    None
}

/// Whether word `j` is a verb the tagger itself reads as a base form (for a verb that takes
/// no clause without "that": "wants the market hall demolish and …", "wants its fleet renew
/// with …"), whatever follows it. A word that may stand after an object as its predicate
/// ("want the shop open") is not taken for a verb on the tagger's word alone.
fn tagged_base_verb(v: &SentenceView, j: usize, head_before: bool) -> bool {
    (v.tag(j) == Some(Tag::VB) || (v.tag(j) == Some(Tag::VBP) && head_before))
        && v.words[j].starts_with(char::is_lowercase)
        && !ADVERB_PARTICLES.contains(&v.lower(j))
}

/// Whether word `j` is one the tagger made a noun that the lexicon knows only as a verb
/// ("intends its capacity expand within …", "tried the dispute settle before …").
fn lexicon_only_verb(v: &SentenceView, j: usize) -> bool {
    v.tag(j) == Some(Tag::NN) && v.words[j].starts_with(char::is_lowercase) && {
        let tagger = Tagger::embedded();
        let w = v.words[j];
        tagger.can_be(w, Tag::VB) && !tagger.can_be(w, Tag::NN) && !tagger.can_be(w, Tag::NNS)
    }
}

/// Whether word `j` is one the lexicon knows as a verb, whatever the tagger made of it, right
/// after a plural noun or a name that ends the object and before a phrase ("wants the ticket
/// prices raise by …", "intends its coal plant in the Ruhr close three years earlier"): a
/// plural or a name forms no compound with it. After a name, only a word the tagger did not
/// read as a noun ("the Ruhr close", not "the Pakistan base").
fn verb_after_head(v: &SentenceView, j: usize) -> bool {
    let after_head = match v.tag(j - 1) {
        Some(Tag::NNS) => true,
        Some(Tag::NNP | Tag::NNPS) => v.tag(j) != Some(Tag::NN),
        _ => false,
    };
    after_head
        && v.tag(j)
            .is_some_and(|t| matches!(t, Tag::NN | Tag::JJ | Tag::RB | Tag::VB | Tag::VBP))
        && v.words[j].starts_with(char::is_lowercase)
        && !ADVERB_PARTICLES.contains(&v.lower(j))
        && Tagger::embedded().can_be(v.words[j], Tag::VB)
        && v.tag(j + 1).is_some_and(|t| {
            matches!(
                t,
                Tag::IN | Tag::TO | Tag::RB | Tag::CD | Tag::JJ | Tag::CC | Tag::DT | Tag::PRPS
            )
        })
}
