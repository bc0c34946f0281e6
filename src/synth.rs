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
fn join(words: &[String]) -> String {
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
            let fronted = t.children(v).any(|c| {
                c < s
                    && matches!(
                        t.rels[c].as_str(),
                        "obl" | "obl:tmod" | "advmod" | "obl:npmod"
                    )
                    && t.span(c).0 == 0
            });
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

/// English inversions a detector must leave alone: a question, a verb of saying before its
/// subject after a quotation, a fronted negative before an auxiliary.
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
    question || quotative || negative
}

/// The generated lines of `trees`: each tree gives at most one error of each kind it allows
/// (chosen by `seed`, at most `per_tree` kinds in all) and itself as a clean line.
pub fn synthesize(trees: &[Tree], seed: u64, per_tree: usize) -> Vec<Example> {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut out = Vec::new();
    for (k, t) in trees.iter().enumerate() {
        if t.words.len() < 5 || t.words.len() > 60 {
            continue;
        }
        let all: Vec<usize> = (0..t.words.len()).collect();
        let fixed = render(t, &all);
        let clean_group = if english_inversion(t) {
            "inversion-clean"
        } else {
            "clean"
        };
        out.push(Example {
            id: format!("synth-{k}-clean"),
            group: clean_group,
            text: fixed.clone(),
            fixed: fixed.clone(),
            expect: Vec::new(),
        });
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
            let category = MOVES.iter().find(|(m, _)| *m == g).map(|(_, c)| *c);
            out.push(Example {
                id: format!("synth-{k}-{g}"),
                group: g,
                text,
                fixed: fixed.clone(),
                expect: category.into_iter().collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tag::refine_train::read_trees;

    const CONLLU: &str = "\
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
}
