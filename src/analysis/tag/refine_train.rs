//! `mtlint train-refiner`: builds the training data of the second tagging pass
//! ([`super::refine`]) and trains it.
//!
//! - First-pass tags for the training sentences come from first-pass models trained on the
//!   other folds of the treebank (jackknifing), so the second pass learns the mistakes the first
//!   makes on text it has not seen.
//! - Each treebank sentence also gives sentences in the word orders machine translation from
//!   Dutch and German leaves ([`interference_moves`]), every word keeping its gold tag.
//! - The figures: accuracy of the tagger without and with the second pass on EWT dev and test
//!   and on EWT dev with the same moves (never trained on), and the confusions the second pass
//!   is for.

use super::refine::{self, Example, Refiner, Word};
use super::tagset::Tag;
use super::train::{TaggedSentence, TrainConfig, read_morph_lexicon, train};
use super::{TagScratch, Tagger};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A treebank sentence with its dependency tree: `heads[i]` is the index of word i's head, or
/// `None` for the root.
#[derive(Debug, Clone)]
pub struct Tree {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    pub heads: Vec<Option<usize>>,
    pub rels: Vec<String>,
}

/// Reads CoNLL-U with trees: forms, PTB tags, heads and relations; multi-word token lines and
/// empty nodes are skipped. Errors name the line.
pub fn read_trees(text: &str) -> Result<Vec<Tree>, String> {
    let mut out = Vec::new();
    let mut cur = Tree {
        words: Vec::new(),
        tags: Vec::new(),
        heads: Vec::new(),
        rels: Vec::new(),
    };
    let flush = |cur: &mut Tree, out: &mut Vec<Tree>| {
        if !cur.words.is_empty() {
            out.push(std::mem::replace(
                cur,
                Tree {
                    words: Vec::new(),
                    tags: Vec::new(),
                    heads: Vec::new(),
                    rels: Vec::new(),
                },
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut cur, &mut out);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: expected 10 columns", n + 1));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let tag = Tag::parse(cols[4])
            .ok_or_else(|| format!("line {}: unknown tag '{}'", n + 1, cols[4]))?;
        let head: usize = cols[6]
            .parse()
            .map_err(|_| format!("line {}: head '{}' is not a number", n + 1, cols[6]))?;
        cur.words.push(cols[1].to_string());
        cur.tags.push(tag);
        cur.heads.push(head.checked_sub(1));
        cur.rels.push(cols[7].to_string());
    }
    flush(&mut cur, &mut out);
    // A head past the sentence's end would break the moves: such a sentence is left out.
    out.retain(|t| t.heads.iter().all(|h| h.is_none_or(|h| h < t.words.len())));
    Ok(out)
}

impl Tree {
    fn sentence(&self) -> TaggedSentence {
        TaggedSentence {
            words: self.words.clone(),
            tags: self.tags.clone(),
        }
    }

    pub fn children(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.words.len()).filter(move |&i| self.heads[i] == Some(v))
    }

    /// The first and last index of `v`'s subtree (`v` included).
    pub fn span(&self, v: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (v, v);
        for i in 0..self.words.len() {
            let mut a = Some(i);
            let mut steps = 0;
            while let Some(x) = a {
                if x == v {
                    lo = lo.min(i);
                    hi = hi.max(i);
                    break;
                }
                a = self.heads[x];
                steps += 1;
                if steps > self.words.len() {
                    break;
                }
            }
        }
        (lo, hi)
    }

    pub fn child_with(&self, v: usize, rels: &[&str], before: bool) -> Option<usize> {
        self.children(v)
            .find(|&c| rels.contains(&self.rels[c].as_str()) && (c < v) == before)
    }

    pub fn has_child(&self, v: usize, rels: &[&str]) -> bool {
        self.children(v)
            .any(|c| rels.contains(&self.rels[c].as_str()))
    }

    /// The word indices in order with word `v` moved to stand just before index `to` (in the
    /// original's numbering).
    pub fn move_order(&self, v: usize, to: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.words.len()).filter(|&i| i != v).collect();
        let at = order.iter().position(|&i| i >= to).unwrap_or(order.len());
        order.insert(at, v);
        order
    }

    /// The sentence with word `v` moved to stand just before index `to` (in the original's
    /// numbering), tags carried along.
    fn moved(&self, v: usize, to: usize) -> TaggedSentence {
        let order = self.move_order(v, to);
        TaggedSentence {
            words: order.iter().map(|&i| self.words[i].clone()).collect(),
            tags: order.iter().map(|&i| self.tags[i]).collect(),
        }
    }
}

/// The end of a span without the punctuation that closes it.
pub fn trim_punct(t: &Tree, lo: usize, mut hi: usize) -> usize {
    while hi > lo && t.tags[hi].is_punct() {
        hi -= 1;
    }
    hi
}

/// The sentences the Dutch and German word-order moves make of `t`, each word with its gold
/// tag: the finite verb of a subordinate clause moved to the clause's end ("that the country
/// Haftar supports"), the finite main verb moved before its subject after a fronted phrase
/// ("Yesterday travelled the king to Brussels"), a participle or an infinitive moved after its
/// object ("has the results published", "wants the house sell").
pub fn interference_moves(t: &Tree) -> Vec<TaggedSentence> {
    moves_of(t).into_iter().map(|(_, s)| s).collect()
}

/// The word-order moves of Dutch and German that [`interference_moves`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Move {
    /// The finite verb of a subordinate clause at the clause's end.
    VerbLast,
    /// The finite main verb before its subject after a fronted phrase.
    VerbSecond,
    /// A participle or an infinitive after its object.
    Bracket,
}

/// [`interference_moves`], each sentence with the move that made it.
pub fn moves_of(t: &Tree) -> Vec<(Move, TaggedSentence)> {
    let mut out = Vec::new();
    let finite = |v: usize| matches!(t.tags[v], Tag::VBD | Tag::VBZ | Tag::VBP);
    for v in 0..t.words.len() {
        let rel = t.rels[v].as_str();
        let no_aux = !t.has_child(v, &["aux", "aux:pass", "cop"]);
        // Verb last in a subordinate clause.
        if finite(v)
            && no_aux
            && matches!(rel, "advcl" | "ccomp" | "acl:relcl" | "acl")
            && t.child_with(v, &["nsubj", "nsubj:pass"], true).is_some()
        {
            let (lo, hi) = t.span(v);
            let end = trim_punct(t, lo, hi);
            if end > v {
                out.push((Move::VerbLast, t.moved(v, end + 1)));
            }
        }
        // Verb second after a fronted phrase, in the main clause.
        if finite(v)
            && no_aux
            && rel == "root"
            && let Some(s) = t.child_with(v, &["nsubj"], true)
        {
            let (s_lo, _) = t.span(s);
            let fronted = t.children(v).find(|&c| {
                c < s
                    && matches!(
                        t.rels[c].as_str(),
                        "obl" | "obl:tmod" | "obl:npmod" | "advmod" | "advcl" | "nmod:tmod"
                    )
                    && t.span(c).0 == 0
            });
            if fronted.is_some() && s_lo > 0 {
                out.push((Move::VerbSecond, t.moved(v, s_lo)));
            }
        }
        // Participle or infinitive after the object.
        let bracket = match t.tags[v] {
            Tag::VBN => t.has_child(v, &["aux"]),
            Tag::VB => t.children(v).any(|c| {
                c < v && (t.tags[c] == Tag::MD || (t.rels[c] == "mark" && t.tags[c] == Tag::TO))
            }),
            _ => false,
        };
        if bracket && let Some(o) = t.child_with(v, &["obj"], false) {
            let (lo, hi) = t.span(o);
            let end = trim_punct(t, lo, hi);
            out.push((Move::Bracket, t.moved(v, end + 1)));
        }
    }
    out
}

/// The words of a sentence as the second pass sees them, with the tagger's keys and tag sets
/// and the first pass's margins.
fn words_of<'a>(tagger: &Tagger, words: &'a [String], margins: &[f32]) -> Vec<Word<'a>> {
    words
        .iter()
        .zip(margins)
        .map(|(w, &margin)| {
            let key = super::features::word_key(w);
            Word {
                text: w,
                key,
                possible: tagger.model().word(key).map_or(0, |e| e.tags | e.morph),
                margin,
            }
        })
        .collect()
}

/// A sentence's first-pass tags and their margins.
type FirstPass = (Vec<Tag>, Vec<f32>);

/// First-pass tags and margins of a model alone.
fn first_pass(model: &super::model::Model, words: &[String]) -> FirstPass {
    let ws: Vec<&str> = words.iter().map(String::as_str).collect();
    let infos = model.token_infos(&ws, &mut Vec::new());
    let (mut tags, mut margins) = (Vec::new(), Vec::new());
    model.decode_with_margins(&infos, &[], &mut tags, Some(&mut margins));
    (tags, margins)
}

/// Accuracy of a tagger on gold sentences, and the counts of the confusions the second pass is
/// for: (gold, tagged) → count.
pub struct Scores {
    pub tokens: usize,
    pub correct: usize,
    pub confusions: BTreeMap<(Tag, Tag), usize>,
}

pub fn score(tagger: &Tagger, gold: &[TaggedSentence]) -> Scores {
    let mut s = Scores {
        tokens: 0,
        correct: 0,
        confusions: BTreeMap::new(),
    };
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    for g in gold {
        let ws: Vec<&str> = g.words.iter().map(String::as_str).collect();
        tagger.tag_into(&ws, &mut scratch, &mut out);
        for (a, b) in g.tags.iter().zip(&out) {
            s.tokens += 1;
            if a == b {
                s.correct += 1;
            } else {
                *s.confusions.entry((*a, *b)).or_default() += 1;
            }
        }
    }
    s
}

impl Scores {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.tokens.max(1) as f64
    }

    /// Confusions between `a` and `b`, both ways.
    pub fn between(&self, a: Tag, b: Tag) -> usize {
        self.confusions.get(&(a, b)).copied().unwrap_or(0)
            + self.confusions.get(&(b, a)).copied().unwrap_or(0)
    }
}

pub struct RefinerArgs<'a> {
    pub train: &'a str,
    pub dev: &'a str,
    pub test: &'a str,
    pub morph: &'a str,
    pub folds: usize,
    pub epochs: usize,
    /// The moves whose sentences are trained on (all of them are measured).
    pub moves: &'a [Move],
    pub output: &'a str,
}

/// Trains the second pass and returns the figures as text.
pub fn train_refiner_command(args: &RefinerArgs) -> Result<String, String> {
    let read = |p: &str| -> Result<Vec<Tree>, String> {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?;
        read_trees(&text).map_err(|e| format!("{p}: {e}"))
    };
    let trees = read(args.train)?;
    let dev = read(args.dev)?;
    let test = read(args.test)?;
    let mtext = std::fs::read_to_string(args.morph).map_err(|e| format!("{}: {e}", args.morph))?;
    let morph = read_morph_lexicon(&mtext).map_err(|e| format!("{}: {e}", args.morph))?;
    let embedded = Tagger::load_embedded()?.with_refiner(Refiner::default());
    let examples_data = jackknifed_first_pass(&trees, &morph, args.folds.max(2), args.moves);
    let examples: Vec<Example> = examples_data
        .iter()
        .map(|(s, (first, margins))| Example {
            words: words_of(&embedded, &s.words, margins),
            first: first.clone(),
            gold: s.tags.clone(),
        })
        .collect();
    let mut refiner = refine::train(&examples, args.epochs, refine::PRUNE);
    let dev_moved: Vec<TaggedSentence> = dev.iter().flat_map(interference_moves).collect();
    let dev_plain: Vec<TaggedSentence> = dev.iter().map(Tree::sentence).collect();
    let first_only = score(&embedded, &dev_plain).accuracy();
    let tried = choose_margins(&mut refiner, &dev_plain, &dev_moved)?;
    crate::output::write_file(args.output, refiner.to_bytes())
        .map_err(|e| format!("{}: {e}", args.output))?;

    // The figures, before and after.
    let refined = Tagger::load_embedded()?.with_refiner(refiner.clone());
    let sets: [(&str, Vec<TaggedSentence>); 3] = [
        ("EWT dev", dev_plain),
        ("EWT test", test.iter().map(Tree::sentence).collect()),
        ("EWT dev, moved", dev_moved),
    ];
    let mut out = format!(
        "{} training sentences with their moves; {} features; first-sure {}, margin {} \
         (chosen on EWT dev, first pass alone {:.2}%):{tried}\n",
        examples.len(),
        refiner.len(),
        refiner.first_sure,
        refiner.margin,
        first_only * 100.0
    );
    write_figures(&mut out, &embedded, &refined, &sets);
    Ok(out)
}

/// Jackknifed first-pass tags for every training sentence and its moved variants (of the
/// `moves` asked for): each fold's sentences are tagged by a first pass trained on the others.
fn jackknifed_first_pass(
    trees: &[Tree],
    morph: &super::model::KeyMap<u64>,
    folds: usize,
    moves: &[Move],
) -> Vec<(TaggedSentence, FirstPass)> {
    let originals: Vec<TaggedSentence> = trees.iter().map(Tree::sentence).collect();
    let mut examples_data: Vec<(TaggedSentence, FirstPass)> = Vec::new();
    for k in 0..folds {
        let rest: Vec<TaggedSentence> = originals
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let model = train(
            &rest,
            morph,
            &Default::default(),
            &[],
            &TrainConfig::default(),
            |_, _, _| {},
        );
        for (i, t) in trees.iter().enumerate() {
            if i % folds != k {
                continue;
            }
            let moved = moves_of(t)
                .into_iter()
                .filter(|(m, _)| moves.contains(m))
                .map(|(_, s)| s);
            for s in std::iter::once(t.sentence()).chain(moved) {
                let first = first_pass(&model, &s.words);
                examples_data.push((s, first));
            }
        }
        eprintln!("fold {} of {folds}: first-pass tags made", k + 1);
    }
    examples_data
}

/// Sets the refiner's two margins, chosen on EWT dev: the setting that tags dev as it is best
/// (correct English is what must not suffer), and of equals the one that tags dev with the
/// moves best. Returns the lines of the settings tried.
fn choose_margins(
    refiner: &mut Refiner,
    dev_plain: &[TaggedSentence],
    dev_moved: &[TaggedSentence],
) -> Result<String, String> {
    let mut best: Option<(f64, f64, f32, f32)> = None;
    let mut tried = String::new();
    for first_sure in [4.0f32, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, f32::INFINITY] {
        for margin in [0.0f32, 2.0] {
            refiner.margin = margin;
            refiner.first_sure = first_sure;
            let t = Tagger::load_embedded()?.with_refiner(refiner.clone());
            let (plain, moved) = (
                score(&t, dev_plain).accuracy(),
                score(&t, dev_moved).accuracy(),
            );
            let _ = write!(
                tried,
                "\n  first-sure {first_sure}, margin {margin}: dev {:.2}%, moved {:.2}%",
                plain * 100.0,
                moved * 100.0
            );
            if best.is_none_or(|b| (plain, moved) > (b.0, b.1)) {
                best = Some((plain, moved, margin, first_sure));
            }
        }
    }
    let (_, _, margin, first_sure) = best.expect("settings were tried");
    refiner.margin = margin;
    refiner.first_sure = first_sure;
    Ok(tried)
}

/// The table of figures: per set, accuracy before and after the second pass, and the
/// confusions it is for.
fn write_figures(
    out: &mut String,
    embedded: &Tagger,
    refined: &Tagger,
    sets: &[(&str, Vec<TaggedSentence>)],
) {
    let _ = writeln!(
        out,
        "{:<16}{:>8}{:>10}{:>10}{:>14}{:>14}{:>14}",
        "set", "tokens", "before", "after", "VBD<>VBN", "VB/VBP<>NN", "VBZ<>NNS"
    );
    for (name, gold) in sets {
        let (a, b) = (score(embedded, gold), score(refined, gold));
        let pair = |f: &dyn Fn(&Scores) -> usize| format!("{} -> {}", f(&a), f(&b));
        let _ = writeln!(
            out,
            "{:<16}{:>8}{:>9.2}%{:>9.2}%{:>14}{:>14}{:>14}",
            name,
            a.tokens,
            a.accuracy() * 100.0,
            b.accuracy() * 100.0,
            pair(&|s| s.between(Tag::VBD, Tag::VBN)),
            pair(&|s| s.between(Tag::VB, Tag::NN) + s.between(Tag::VBP, Tag::NN)),
            pair(&|s| s.between(Tag::VBZ, Tag::NNS)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONLLU: &str = "\
1\tYesterday\tyesterday\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_
2\ttravelled\ttravel\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tking\tking\tNOUN\tNN\t_\t2\tnsubj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    #[test]
    fn moves_keep_every_word_and_its_tag() {
        // Written in the moved order, so the move gives the English order back.
        let t = &read_trees(CONLLU).expect("reads")[0];
        let moves = interference_moves(t);
        assert!(
            moves.is_empty(),
            "the subject stands after the verb already"
        );
        let english = "\
1\tYesterday\tyesterday\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_
2\tthe\tthe\tDET\tDT\t_\t3\tdet\t_\t_
3\tking\tking\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\ttravelled\ttravel\tVERB\tVBD\t_\t0\troot\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        let t = &read_trees(english).expect("reads")[0];
        let moves = interference_moves(t);
        assert_eq!(moves.len(), 1);
        assert_eq!(moves[0].words.join(" "), "Yesterday travelled the king .");
        assert_eq!(
            moves[0].tags,
            [Tag::NN, Tag::VBD, Tag::DT, Tag::NN, Tag::Period]
        );
    }

    #[test]
    fn a_subordinate_verb_goes_last_and_a_participle_after_its_object() {
        let text = "\
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_
4\tFrance\tFrance\tPROPN\tNNP\t_\t5\tnsubj\t_\t_
5\tsupports\tsupport\tVERB\tVBZ\t_\t2\tccomp\t_\t_
6\tHaftar\tHaftar\tPROPN\tNNP\t_\t5\tobj\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\thave\thave\tAUX\tVBP\t_\t3\taux\t_\t_
3\trepaired\trepair\tVERB\tVBN\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tcar\tcar\tNOUN\tNN\t_\t3\tobj\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";
        let trees = read_trees(text).expect("reads");
        let first: Vec<String> = interference_moves(&trees[0])
            .iter()
            .map(|s| s.words.join(" "))
            .collect();
        assert_eq!(first, ["He said that France Haftar supports ."]);
        let second: Vec<String> = interference_moves(&trees[1])
            .iter()
            .map(|s| s.words.join(" "))
            .collect();
        assert_eq!(second, ["We have the car repaired ."]);
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = read_trees("1\tx\tx\tX\tQQ\t_\t0\troot\t_\t_\n").unwrap_err();
        assert_eq!(err, "line 1: unknown tag 'QQ'");
    }
}
