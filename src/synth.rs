//! `mtlint synth`: interference errors generated from clean English with its syntax trees
//! (UD English EWT), each with the sentence it was made from, to measure (and later train) the
//! detectors on many more errors of each kind than anyone writes by hand.
//!
//! Every move is one Dutch or German habit that machine translation carries over: the finite
//! verb last in a subordinate clause, the verb before its subject after a fronted phrase (verb
//! second), a participle or infinitive after its object, a separable particle at the clause's
//! end, an adverbial between the verb and its object, a dropped "it" or "there", a dropped verb.
//! The clean sentences go out too, labelled clean, among them the English inversions a detector
//! must leave alone (questions, "said the minister" after a quotation, "Never have I …").
//! Deterministic: the same trees and seed give the same lines.

use crate::analysis::tag::refine_train::{Tree, trim_punct};
use crate::finding::Category;
use crate::tag::Tag;
use serde::Serialize;

/// One generated line, in the shape `mtlint eval` reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    pub id: String,
    /// The move that made it ("verb-last", …), or "clean" / "inversion-clean".
    pub group: &'static str,
    pub text: String,
    /// The sentence it was made from: the edit that undoes the move.
    pub fixed: String,
    pub expect: Vec<Category>,
}

/// The moves, with the category a detector should report for each.
pub const MOVES: &[(&str, Category)] = &[
    ("verb-last", Category::DanglingVerb),
    ("verb-second", Category::WordOrder),
    ("bracket", Category::DanglingVerb),
    ("particle-last", Category::WordOrder),
    ("adverbial-before-object", Category::WordOrder),
    ("dropped-expletive", Category::MissingSubject),
    ("dropped-verb", Category::MissingVerb),
    ("infinitive-after-object", Category::WordOrder),
    ("infinitive-no-to", Category::WordOrder),
    ("topic-first", Category::WordOrder),
    ("object-first", Category::WordOrder),
    ("adverbial-in-bracket", Category::WordOrder),
    ("dropped-subject", Category::MissingSubject),
];

/// A small deterministic generator (xorshift64*), so a seed gives the same sample anywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Words as a sentence: spaces between them except before closing punctuation and clitics and
/// after opening quotes and brackets; the first letter capitalised.
pub fn join(words: &[String]) -> String {
    let mut out = String::new();
    let mut quotes = 0;
    for (n, w) in words.iter().enumerate() {
        let w = w.as_str();
        let closing_quote = w == "\"" && quotes % 2 == 1;
        let glue_left = closing_quote
            || matches!(
                w,
                "," | "."
                    | ";"
                    | ":"
                    | "!"
                    | "?"
                    | ")"
                    | "]"
                    | "%"
                    | "'s"
                    | "’s"
                    | "n't"
                    | "'re"
                    | "'ve"
                    | "'ll"
                    | "'m"
                    | "'d"
            );
        let after_open = out.ends_with(['(', '[', '$']) || (out.ends_with('"') && quotes % 2 == 1);
        if w == "\"" {
            quotes += 1;
        }
        if n > 0 && !glue_left && !after_open {
            out.push(' ');
        }
        if n == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
    }
    out
}

fn lower_first(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The sentence with the words of `t` in `order`; the old first word is written in lower case
/// when it no longer opens the sentence (unless a name or "I").
fn render(t: &Tree, order: &[usize]) -> String {
    let words: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let lower =
                i == 0 && n != 0 && !matches!(t.tags[0], Tag::NNP | Tag::NNPS) && t.words[0] != "I";
            if lower {
                lower_first(&t.words[i])
            } else {
                t.words[i].clone()
            }
        })
        .collect();
    join(&words)
}

fn finite(t: &Tree, v: usize) -> bool {
    matches!(t.tags[v], Tag::VBD | Tag::VBZ | Tag::VBP)
}

/// Whether verb `v` has an adverbial that opens the sentence, before its subject `s`.
fn fronted_before(t: &Tree, v: usize, s: usize) -> bool {
    t.children(v).any(|c| {
        c < s
            && matches!(
                t.rels[c].as_str(),
                "obl" | "obl:tmod" | "advmod" | "obl:npmod" | "advcl"
            )
            && t.span(c).0 == 0
    })
}

/// Each move `t` allows, as (group, word order).
fn moves(t: &Tree) -> Vec<(&'static str, Vec<usize>)> {
    let mut out = Vec::new();
    let n = t.words.len();
    for v in 0..n {
        let rel = t.rels[v].as_str();
        let no_aux = !t.has_child(v, &["aux", "aux:pass", "cop"]);
        if finite(t, v)
            && no_aux
            && matches!(rel, "advcl" | "ccomp" | "acl:relcl")
            && t.child_with(v, &["nsubj", "nsubj:pass"], true).is_some()
        {
            let (lo, hi) = t.span(v);
            let end = trim_punct(t, lo, hi);
            if end > v + 1 {
                out.push(("verb-last", t.move_order(v, end + 1)));
            }
        }
        if finite(t, v)
            && no_aux
            && rel == "root"
            && let Some(s) = t.child_with(v, &["nsubj"], true)
        {
            let (s_lo, _) = t.span(s);
            let fronted = fronted_before(t, v, s);
            if fronted && s_lo > 0 {
                out.push(("verb-second", t.move_order(v, s_lo)));
            }
        }
        let bracket = match t.tags[v] {
            Tag::VBN => t.has_child(v, &["aux"]),
            Tag::VB => t.children(v).any(|c| c < v && t.tags[c] == Tag::MD),
            _ => false,
        };
        if bracket && let Some(o) = t.child_with(v, &["obj"], false) {
            let (lo, hi) = t.span(o);
            out.push(("bracket", t.move_order(v, trim_punct(t, lo, hi) + 1)));
        }
        // A separable particle ("set up", "took over") at the end of its clause, after an
        // object and an adverbial.
        if let Some(p) = t.child_with(v, &["compound:prt"], false)
            && t.child_with(v, &["obj"], false).is_some()
            && t.children(v).any(|c| c > p && t.rels[c].starts_with("obl"))
        {
            let (lo, hi) = t.span(v);
            let end = trim_punct(t, lo, hi);
            if end > p + 2 {
                out.push(("particle-last", t.move_order(p, end + 1)));
            }
        }
        // An adverbial between the verb and its object ("published on Monday its results").
        if finite(t, v)
            && rel == "root"
            && let Some(o) = t.child_with(v, &["obj"], false)
            && let Some(a) = t
                .children(v)
                .find(|&c| c > o && matches!(t.rels[c].as_str(), "obl" | "obl:tmod" | "advmod"))
        {
            let (a_lo, a_hi) = t.span(a);
            let (o_lo, _) = t.span(o);
            if o_lo == v + 1 && a_lo > o_lo {
                let mut order: Vec<usize> = (0..=v).collect();
                order.extend(a_lo..=a_hi);
                order.extend((v + 1..n).filter(|&i| i < a_lo || i > a_hi));
                out.push(("adverbial-before-object", order));
            }
        }
    }
    more_moves(t, &mut out);
    // A dropped "it" or "there" that opens the sentence ("It is unclear whether …").
    if n > 4
        && matches!(t.words[0].to_lowercase().as_str(), "it" | "there")
        && matches!(t.rels[0].as_str(), "expl" | "nsubj")
        && t.heads[0].is_some_and(|h| t.rels[h] == "root")
        && t.tags
            .get(1)
            .is_some_and(|&tag| finite(t, 1) || tag == Tag::MD)
    {
        out.push(("dropped-expletive", (1..n).collect()));
    }
    // A dropped finite main verb with a subject and an object ("The company its results.").
    if let Some(v) = (0..n).find(|&v| t.rels[v] == "root")
        && finite(t, v)
        && t.child_with(v, &["nsubj"], true).is_some()
        && t.child_with(v, &["obj"], false).is_some()
        && !t.has_child(v, &["aux", "aux:pass"])
    {
        out.push(("dropped-verb", (0..n).filter(|&i| i != v).collect()));
    }
    out
}

/// The word indices in order with indices `a..=b` moved to stand just before index `to`.
fn move_span(n: usize, a: usize, b: usize, to: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).filter(|&i| i < a || i > b).collect();
    let at = order.iter().position(|&i| i >= to).unwrap_or(order.len());
    order.splice(at..at, a..=b);
    order
}

/// The moves of [`moves`] that carry a phrase rather than one word, and the dropped subject.
fn more_moves(t: &Tree, out: &mut Vec<(&'static str, Vec<usize>)>) {
    let n = t.words.len();
    for v in 0..n {
        // "to" and its infinitive after the infinitive's object ("We try all your messages to
        // answer").
        if t.tags[v] == Tag::VB
            && v > 0
            && t.words[v - 1].eq_ignore_ascii_case("to")
            && t.heads[v - 1] == Some(v)
            && let Some(o) = t.child_with(v, &["obj"], false)
        {
            let (lo, hi) = t.span(o);
            if lo == v + 1 {
                // After the object, or after all that follows the verb; with "to" kept or
                // dropped ("wants the house sell").
                let (s_lo, s_hi) = t.span(v);
                let ends = [trim_punct(t, lo, hi), trim_punct(t, s_lo, s_hi)];
                for (k, &end) in ends.iter().enumerate() {
                    if k == 1 && end == ends[0] {
                        continue;
                    }
                    let order = move_span(n, v - 1, v, end + 1);
                    let no_to: Vec<usize> = order.iter().copied().filter(|&i| i != v - 1).collect();
                    out.push(("infinitive-after-object", order));
                    out.push(("infinitive-no-to", no_to));
                }
            }
        }
        // The participle or infinitive of a verb bracket after everything that follows it
        // ("has a package of 2.5 billion euros for nature restoration approved").
        let bracket = match t.tags[v] {
            Tag::VBN => t.has_child(v, &["aux"]),
            Tag::VB => t.children(v).any(|c| c < v && t.tags[c] == Tag::MD),
            _ => false,
        };
        if bracket && t.child_with(v, &["obj"], false).is_some() {
            let (lo, hi) = t.span(v);
            let end = trim_punct(t, lo, hi);
            if end > v + 1 {
                out.push(("bracket", t.move_order(v, end + 1)));
            }
        }
        // A separable particle at the end of its clause after just an object ("set the
        // company up").
        if let Some(p) = t.child_with(v, &["compound:prt"], false)
            && t.child_with(v, &["obj"], false).is_some()
        {
            let (lo, hi) = t.span(v);
            let end = trim_punct(t, lo, hi);
            if end > p + 1 {
                out.push(("particle-last", t.move_order(p, end + 1)));
            }
        }
        // Verb second with an auxiliary, the main verb last ("Last week has the company its
        // results published"), and the auxiliary and verb last in a subordinate clause ("that
        // the company its results published has").
        let aux = t.children(v).find(|&c| {
            c < v
                && matches!(t.rels[c].as_str(), "aux" | "aux:pass")
                && (finite(t, c) || t.tags[c] == Tag::MD)
        });
        if let Some(a) = aux
            && matches!(t.tags[v], Tag::VBN | Tag::VB | Tag::VBG)
            && let Some(s) = t.child_with(v, &["nsubj", "nsubj:pass"], true)
            && s < a
        {
            let (lo, hi) = t.span(v);
            let end = trim_punct(t, lo, hi);
            let (s_lo, _) = t.span(s);
            let fronted = fronted_before(t, v, s);
            if t.rels[v] == "root" && fronted && s_lo > 0 && a + 1 == v {
                let mut order: Vec<usize> = (0..s_lo).collect();
                order.push(a);
                order.extend((s_lo..=end).filter(|&i| i != a && i != v));
                if end > v {
                    order.push(v);
                } else {
                    order.insert(order.len() - (end - v), v);
                }
                order.extend(end + 1..n);
                if order.len() == n {
                    out.push(("verb-second", order));
                }
            }
            if matches!(t.rels[v].as_str(), "advcl" | "ccomp" | "acl:relcl")
                && end > v + 1
                && a + 1 == v
            {
                let mut order: Vec<usize> = (0..=end).filter(|&i| i != a && i != v).collect();
                order.extend([v, a]);
                order.extend(end + 1..n);
                out.push(("verb-last", order));
            }
        }
        // A phrase from after the verb put first, the verb second before its subject ("The
        // parliament rejected the proposal on Tuesday" -> "On Tuesday rejected the parliament
        // the proposal"), the way a Dutch or German sentence opens with its topic.
        if finite(t, v)
            && t.rels[v] == "root"
            && !t.has_child(v, &["aux", "aux:pass", "cop", "expl"])
            && let Some(s) = t.child_with(v, &["nsubj"], true)
            && t.span(s) == (0, v - 1)
            && let Some(c) = t
                .children(v)
                .find(|&c| c > v && matches!(t.rels[c].as_str(), "obl" | "obl:tmod" | "obl:npmod"))
        {
            let (lo, hi) = t.span(c);
            let hi = trim_punct(t, lo, hi);
            if hi >= lo && hi - lo < 8 && !t.tags[lo].is_punct() {
                let mut order: Vec<usize> = (lo..=hi).collect();
                order.push(v);
                order.extend((0..n).filter(|&i| i != v && (i < lo || i > hi)));
                out.push(("topic-first", order));
            }
        }
        // A dropped copula ("the two injured officers out of danger").
        if let Some(c) = t.child_with(v, &["cop"], true)
            && finite(t, c)
            && matches!(t.rels[v].as_str(), "root" | "ccomp")
            && t.child_with(v, &["nsubj"], true).is_some_and(|s| s < c)
        {
            out.push(("dropped-verb", (0..n).filter(|&i| i != c).collect()));
        }
        // Object first, subject after the verb ("The best chance had the striker from Poland").
        if finite(t, v)
            && t.rels[v] == "root"
            && !t.has_child(v, &["aux", "aux:pass", "cop", "expl"])
            && let Some(s) = t.child_with(v, &["nsubj"], true)
            && let Some(o) = t.child_with(v, &["obj"], false)
        {
            let ((s_lo, s_hi), (o_lo, o_hi)) = (t.span(s), t.span(o));
            let o_hi = trim_punct(t, o_lo, o_hi);
            if s_lo == 0 && s_hi + 1 == v && o_lo == v + 1 && t.tags[s] != Tag::PRP {
                let mut order: Vec<usize> = (o_lo..=o_hi).collect();
                order.push(v);
                order.extend(s_lo..=s_hi);
                order.extend(o_hi + 1..n);
                out.push(("object-first", order));
            }
        }
        // A prepositional adverbial between the auxiliary and the verb ("has on Monday
        // published its results").
        if matches!(t.tags[v], Tag::VBN | Tag::VB)
            && v > 0
            && t.heads[v - 1] == Some(v)
            && matches!(t.rels[v - 1].as_str(), "aux" | "aux:pass")
            && let Some(c) = t
                .children(v)
                .find(|&c| c > v && matches!(t.rels[c].as_str(), "obl" | "obl:tmod"))
        {
            let (lo, hi) = t.span(c);
            let hi = trim_punct(t, lo, hi);
            if lo > v && hi >= lo && hi - lo < 6 {
                out.push(("adverbial-in-bracket", move_span(n, lo, hi, v)));
            }
        }
    }
    // A dropped subject pronoun ("Said that he would come").
    if n > 4
        && matches!(
            t.words[0].to_lowercase().as_str(),
            "he" | "she" | "we" | "they" | "i"
        )
        && t.rels[0] == "nsubj"
        && t.heads[0].is_some_and(|h| t.rels[h] == "root")
        && t.tags
            .get(1)
            .is_some_and(|&tag| finite(t, 1) || tag == Tag::MD)
    {
        out.push(("dropped-subject", (1..n).collect()));
    }
    // Any clause's subject or finite verb left out, the way a translation loses a word it
    // could not place ("... because the talks  broke down", "the minister the plan on Monday").
    for v in 0..n {
        if !matches!(
            t.rels[v].as_str(),
            "root" | "ccomp" | "advcl" | "conj" | "acl:relcl"
        ) {
            continue;
        }
        if let Some(s) = t.child_with(v, &["nsubj", "nsubj:pass"], true) {
            let (lo, hi) = t.span(s);
            if hi - lo < 5
                && !(lo == 0 && hi + 1 >= n)
                && t.tags[lo] != Tag::WDT
                && t.tags[lo] != Tag::WP
            {
                out.push((
                    "dropped-subject",
                    (0..n).filter(|&i| i < lo || i > hi).collect(),
                ));
            }
        }
        let verb = if finite(t, v) && !t.has_child(v, &["aux", "aux:pass", "cop"]) {
            Some(v)
        } else {
            t.children(v)
                .find(|&c| matches!(t.rels[c].as_str(), "aux" | "aux:pass" | "cop") && finite(t, c))
        };
        if let Some(d) = verb
            && t.child_with(v, &["nsubj", "nsubj:pass"], true).is_some()
        {
            out.push(("dropped-verb", (0..n).filter(|&i| i != d).collect()));
        }
    }
}

/// Every error `trees` allow, each move at each place, and each tree as a clean line: the
/// training lines of the learned detector (where [`synthesize`] makes a sample for measuring).
pub fn synthesize_all(trees: &[Tree]) -> Vec<Example> {
    let mut out = Vec::new();
    for (k, t) in usable(trees) {
        let clean = clean_example(k, t);
        let mut seen: Vec<String> = Vec::new();
        for (m, (g, order)) in moves(t).into_iter().enumerate() {
            let text = render(t, &order);
            if text == clean.fixed || seen.contains(&text) {
                continue;
            }
            seen.push(text.clone());
            out.push(error_example(
                format!("synth-{k}-{g}-{m}"),
                g,
                text,
                &clean.fixed,
            ));
        }
        out.insert(out.len() - seen.len(), clean);
    }
    out
}

/// The trees of a usable length (5 to 60 words), with their index.
fn usable(trees: &[Tree]) -> impl Iterator<Item = (usize, &Tree)> {
    trees
        .iter()
        .enumerate()
        .filter(|(_, t)| (5..=60).contains(&t.words.len()))
}

/// A tree as written, as a clean line (or an English inversion).
fn clean_example(k: usize, t: &Tree) -> Example {
    let all: Vec<usize> = (0..t.words.len()).collect();
    let fixed = render(t, &all);
    Example {
        id: format!("synth-{k}-clean"),
        group: if english_inversion(t) {
            "inversion-clean"
        } else {
            "clean"
        },
        text: fixed.clone(),
        fixed,
        expect: Vec::new(),
    }
}

/// An error line made by the move `group`, with the category a detector should report.
fn error_example(id: String, group: &'static str, text: String, fixed: &str) -> Example {
    let category = MOVES.iter().find(|(m, _)| *m == group).map(|(_, c)| *c);
    Example {
        id,
        group,
        text,
        fixed: fixed.to_string(),
        expect: category.into_iter().collect(),
    }
}

/// The moves that a tagged and chunked sentence without a syntax tree allows (verb last after
/// a clause opener and its subject, verb before the subject after a fronted phrase, verb after
/// its object in a verb group, "to" and its infinitive after the object, a dropped subject
/// pronoun), as (group, word order): more errors to learn from, from any clean text.
pub fn tagged_moves(lower: &[&str], tags: &[Tag]) -> Vec<(&'static str, Vec<usize>)> {
    use crate::chunk::{ChunkKind, chunk};
    let n = tags.len();
    let chunks = chunk(lower, tags);
    let mut out = Vec::new();
    let clause_end = |from: usize| {
        (from..n)
            .find(|&k| tags[k].is_punct() || tags[k] == Tag::CC)
            .unwrap_or(n)
    };
    let single_finite = |c: &crate::chunk::Chunk| {
        c.kind == ChunkKind::VG
            && c.end == c.start + 1
            && matches!(tags[c.start], Tag::VBD | Tag::VBZ | Tag::VBP)
    };
    for (k, c) in chunks.iter().enumerate() {
        let next = chunks.get(k + 1);
        let after = chunks.get(k + 2);
        // Opener, subject, verb, more: the verb to the clause's end.
        if c.kind == ChunkKind::NP
            && c.start > 0
            && (crate::detect::words::SUBORDINATORS.contains(&lower[c.start - 1])
                || (lower[c.start - 1] == "that" && tags[c.start - 1] == Tag::IN))
            && let Some(v) = next.filter(|v| single_finite(v) && v.start == c.end)
            && after.is_some_and(|a| a.start == v.end && a.kind != ChunkKind::VG)
        {
            let end = clause_end(v.end);
            if end > v.end + 1 {
                let mut order: Vec<usize> = (0..n).filter(|&i| i != v.start).collect();
                let at = order.iter().position(|&i| i >= end).unwrap_or(order.len());
                order.insert(at, v.start);
                out.push(("verb-last", order));
            }
        }
        // Fronted phrase, subject, verb: the verb before the subject.
        if k == 0
            && (c.kind == ChunkKind::PP || tags[0] == Tag::RB)
            && let Some((s, v)) = chunks
                .iter()
                .zip(chunks.iter().skip(1))
                .skip(if c.kind == ChunkKind::PP { 1 } else { 0 })
                .find(|(s, _)| s.kind == ChunkKind::NP)
            && single_finite(v)
            && v.start == s.end
            && tags[s.start] != Tag::EX
            && (c.kind == ChunkKind::PP && s.start <= c.end + 1
                || tags[0] == Tag::RB && s.start <= 2)
        {
            let mut order: Vec<usize> = (0..n).filter(|&i| i != v.start).collect();
            let at = order
                .iter()
                .position(|&i| i >= s.start)
                .unwrap_or(order.len());
            order.insert(at, v.start);
            out.push(("verb-second", order));
        }
        // Auxiliary and main verb, object: the main verb after the object.
        if c.kind == ChunkKind::VG
            && c.end >= c.start + 2
            && matches!(tags[c.end - 1], Tag::VB | Tag::VBN)
            && (c.start..c.end - 1).any(|i| tags[i] == Tag::MD || tags[i].is_finite_verb())
            && let Some(o) = next.filter(|o| o.kind == ChunkKind::NP && o.start == c.end)
        {
            let v = c.end - 1;
            let mut order: Vec<usize> = (0..n).filter(|&i| i != v).collect();
            let at = order
                .iter()
                .position(|&i| i >= o.end)
                .unwrap_or(order.len());
            order.insert(at, v);
            if v > 0 && lower[v - 1] == "to" {
                order.retain(|&i| i != v - 1);
                let at = order.iter().position(|&i| i == v).unwrap_or(0);
                order.insert(at, v - 1);
                out.push(("infinitive-after-object", order));
            } else {
                out.push(("bracket", order));
            }
        }
    }
    // Subject, verb, ..., a phrase: the phrase first and the verb before the subject.
    if let [subj, verb, rest @ ..] = chunks.as_slice()
        && subj.kind == ChunkKind::NP
        && subj.start == 0
        && single_finite(verb)
        && verb.start == subj.end
        && tags[0] != Tag::EX
        && let Some(pp) = rest
            .iter()
            .rev()
            .find(|c| c.kind == ChunkKind::PP && c.end == clause_end(c.start))
    {
        let mut order: Vec<usize> = (pp.start..pp.end).collect();
        order.push(verb.start);
        order.extend((0..n).filter(|&i| i != verb.start && (i < pp.start || i >= pp.end)));
        out.push(("topic-first", order));
    }
    if n > 4
        && matches!(
            lower[0],
            "he" | "she" | "we" | "they" | "i" | "it" | "there"
        )
        && tags.get(1).is_some_and(|t| t.is_finite_verb())
    {
        out.push(("dropped-subject", (1..n).collect()));
    }
    out
}

/// English inversions a detector must leave alone: a question, a verb of saying before its
/// subject after a quotation, a fronted negative before an auxiliary, "so do I", a
/// conditional without "if", a locative "here" or "there" before a verb of motion.
fn english_inversion(t: &Tree) -> bool {
    let lower: Vec<String> = t.words.iter().map(|w| w.to_lowercase()).collect();
    let question = t.words.last().is_some_and(|w| w == "?");
    let quotative = (1..t.words.len().saturating_sub(1)).any(|i| {
        matches!(lower[i].as_str(), "said" | "says" | "asked" | "added")
            && matches!(t.words[i - 1].as_str(), "\"" | "”" | "," | "’")
            && matches!(t.tags[i + 1], Tag::DT | Tag::NNP | Tag::PRP)
    });
    let negative = matches!(
        lower[0].as_str(),
        "never" | "rarely" | "seldom" | "nor" | "neither" | "only"
    ) && t
        .tags
        .get(1)
        .is_some_and(|&tag| tag == Tag::MD || finite(t, 1));
    // "So do I", "Neither can we" after a comma or at the start; "Had I known", "Were it
    // not", "Should you need" (a conditional without "if"); "Here comes the bus", "There goes
    // the last train" (a locative before a verb of motion).
    let pronoun_after = |i: usize| t.tags.get(i + 1) == Some(&Tag::PRP);
    let so_do = (0..t.words.len().saturating_sub(2)).any(|i| {
        matches!(lower[i].as_str(), "so" | "neither" | "nor")
            && (i == 0 || t.tags[i - 1].is_punct() || t.tags[i - 1] == Tag::CC)
            && (t.tags[i + 1] == Tag::MD || finite(t, i + 1))
            && pronoun_after(i + 1)
    });
    let conditional = matches!(lower[0].as_str(), "had" | "were" | "should") && pronoun_after(0);
    let locative = matches!(lower[0].as_str(), "here" | "there")
        && t.tags[0] == Tag::RB
        && matches!(t.tags.get(2), Some(Tag::DT | Tag::NNP | Tag::PRPS))
        && finite(t, 1);
    question || quotative || negative || so_do || conditional || locative
}

/// The generated lines of `trees`: each tree gives at most one error of each kind it allows
/// (chosen by `seed`, at most `per_tree` kinds in all) and itself as a clean line.
pub fn synthesize(trees: &[Tree], seed: u64, per_tree: usize) -> Vec<Example> {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut out = Vec::new();
    for (k, t) in usable(trees) {
        let clean = clean_example(k, t);
        let fixed = clean.fixed.clone();
        out.push(clean);
        let mut found = moves(t);
        // One of each kind, the kinds in a seeded order.
        found.dedup_by(|a, b| a.0 == b.0);
        let mut kinds: Vec<&str> = Vec::new();
        for (g, _) in &found {
            if !kinds.contains(g) {
                kinds.push(g);
            }
        }
        for i in (1..kinds.len()).rev() {
            kinds.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        for g in kinds.into_iter().take(per_tree) {
            let Some((_, order)) = found.iter().find(|(h, _)| *h == g) else {
                continue;
            };
            let text = render(t, order);
            if text == fixed {
                continue;
            }
            out.push(error_example(format!("synth-{k}-{g}"), g, text, &fixed));
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::tag::refine_train::read_trees;

    pub(crate) const CONLLU: &str = "\
1\tYesterday\tyesterday\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_
2\tthe\tthe\tDET\tDT\t_\t3\tdet\t_\t_
3\tking\tking\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\ttravelled\ttravel\tVERB\tVBD\t_\t0\troot\t_\t_
5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
6\tBrussels\tBrussels\tPROPN\tNNP\t_\t4\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

    #[test]
    fn moves_are_made_and_undone_deterministically() {
        let trees = read_trees(CONLLU).unwrap();
        let a = synthesize(&trees, 7, 5);
        assert_eq!(a, synthesize(&trees, 7, 5));
        let v2 = a
            .iter()
            .find(|e| e.group == "verb-second")
            .expect("a verb-second line");
        assert_eq!(v2.text, "Yesterday travelled the king to Brussels.");
        assert_eq!(v2.fixed, "Yesterday the king travelled to Brussels.");
        assert_eq!(v2.expect, vec![Category::WordOrder]);
        assert!(a.iter().any(|e| e.group == "clean" && e.expect.is_empty()));
    }

    #[test]
    fn every_place_of_every_move_for_training() {
        let trees = read_trees(CONLLU).unwrap();
        let all = synthesize_all(&trees);
        let texts: Vec<&str> = all.iter().map(|e| e.text.as_str()).collect();
        assert!(texts.contains(&"Yesterday travelled the king to Brussels."));
        assert!(
            all.iter()
                .all(|e| e.fixed == "Yesterday the king travelled to Brussels.")
        );
        // The topic first and the verb before the subject.
        let topic = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tking\tking\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\ttravelled\ttravel\tVERB\tVBD\t_\t0\troot\t_\t_
4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_
5\tBrussels\tBrussels\tPROPN\tNNP\t_\t3\tobl\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";
        let all = synthesize_all(&read_trees(topic).unwrap());
        assert!(
            all.iter()
                .any(|e| e.group == "topic-first" && e.text == "To Brussels travelled the king."),
            "{all:?}"
        );
    }

    #[test]
    fn english_inversions_are_told_apart() {
        let tree = |rows: &[(&str, &str)]| {
            let text: String = rows
                .iter()
                .enumerate()
                .map(|(i, (w, tag))| {
                    let head = if i == 1 { 0 } else { 2 };
                    format!("{}\t{w}\t{w}\tX\t{tag}\t_\t{head}\tdep\t_\t_\n", i + 1)
                })
                .collect();
            read_trees(&format!("{text}\n")).unwrap().remove(0)
        };
        let so_do = tree(&[("So", "RB"), ("do", "VBP"), ("I", "PRP"), (".", ".")]);
        let had_i = tree(&[("Had", "VBD"), ("I", "PRP"), ("known", "VBN"), (".", ".")]);
        let here = tree(&[
            ("Here", "RB"),
            ("comes", "VBZ"),
            ("the", "DT"),
            ("bus", "NN"),
        ]);
        let plain = tree(&[
            ("Then", "RB"),
            ("came", "VBD"),
            ("the", "DT"),
            ("bus", "NN"),
        ]);
        assert!(english_inversion(&so_do));
        assert!(english_inversion(&had_i));
        assert!(english_inversion(&here));
        assert!(!english_inversion(&plain));
    }

    #[test]
    fn moves_from_tags_alone() {
        use crate::tag::Tag::*;
        let lower = [
            "he",
            "said",
            "that",
            "the",
            "staff",
            "heard",
            "the",
            "explosion",
            ".",
        ];
        let tags = [PRP, VBD, IN, DT, NN, VBD, DT, NN, Period];
        let moves = tagged_moves(&lower, &tags);
        let (_, order) = moves
            .iter()
            .find(|(g, _)| *g == "verb-last")
            .expect("verb last");
        assert_eq!(order, &vec![0, 1, 2, 3, 4, 6, 7, 5, 8]);
        assert!(moves.iter().any(|(g, _)| *g == "dropped-subject"));
    }
}
