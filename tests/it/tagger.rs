//! The embedded tagger: accuracy floor on EWT test, lexicon overrides, robustness on news text.

use mtlint::tag::train::{evaluate_tagger, read_conllu};
use mtlint::tag::{Lexicon, Tag, Tagger};

const EWT: &str = "../shared/data/ud-english-ewt";

#[test]
fn accuracy_on_ewt_test_stays_above_the_floor() {
    let path = format!("{EWT}/en_ewt-ud-test.conllu");
    let Ok(text) = std::fs::read_to_string(&path) else {
        panic!("{path} is needed for this test (shared data beside the repository)");
    };
    let gold = read_conllu(&text).expect("EWT parses");
    let acc = evaluate_tagger(Tagger::embedded(), &gold);
    assert!(acc.tokens > 25_000);
    assert!(
        acc.accuracy() >= 0.95,
        "EWT test accuracy {:.2}% fell below the floor",
        acc.accuracy() * 100.0
    );
}

#[test]
fn lexicon_override_takes_effect() {
    let words = ["They", "lay", "siege", "to", "the", "city", "."];
    let plain = Tagger::load_embedded().unwrap();
    assert_eq!(plain.tag(&words)[4], Tag::DT);
    let mut tagger = Tagger::load_embedded().unwrap();
    let lexicon = Lexicon::parse("test.tsv", "the\tNN\nlay\tVBD VBN\n").unwrap();
    tagger.extend_lexicon(lexicon);
    let tags = tagger.tag(&words);
    assert_eq!(tags[4], Tag::NN, "a single-tag override forces the tag");
    assert!(
        matches!(tags[1], Tag::VBD | Tag::VBN),
        "several tags restrict the choice"
    );
}

#[test]
fn exact_case_overrides_only_that_form() {
    let mut tagger = Tagger::load_embedded().unwrap();
    tagger.extend_lexicon(Lexicon::parse("t.tsv", "AFP\tNNP\n").unwrap());
    let tags = tagger.tag(&["(", "Photo", ":", "AFP", ")"]);
    assert_eq!(tags[3], Tag::NNP);
}

#[test]
fn news_agencies_in_photo_credits_are_names() {
    let tagger = Tagger::embedded();
    for agency in ["AFP", "AP", "Reuters"] {
        let tags = tagger.tag(&["(", "Photo", ":", agency, ")"]);
        assert_eq!(tags[3], Tag::NNP, "{agency}");
    }
}

#[test]
fn a_subordinator_is_always_one() {
    let tagger = Tagger::embedded();
    let words = "They believe that although is the tail of a young dinosaur , it is old ."
        .split(' ')
        .collect::<Vec<_>>();
    assert_eq!(tagger.tag(&words)[3], Tag::IN);
}

#[test]
fn the_who_is_a_name_and_who_a_pronoun() {
    let tagger = Tagger::embedded();
    let tags = tagger.tag(&["The", "WHO", "has", "warned", "that", "cases", "rise", "."]);
    assert_eq!(tags[1], Tag::NNP);
    let tags = tagger.tag(&["The", "man", "who", "warned", "us", "left", "."]);
    assert_eq!(tags[2], Tag::WP);
}

#[test]
fn straight_quotes_open_and_close_by_position() {
    let tagger = Tagger::embedded();
    let words = ["He", "said", ",", "\"", "We", "won", ".", "\""];
    let tags = tagger.tag(&words);
    assert_eq!(tags[3], Tag::OpenQuote);
    assert_eq!(tags[7], Tag::CloseQuote);
    // Before the speaker and a verb of saying a quote after a comma closes.
    let words = ["We", "won", ",", "\"", "he", "said", "."];
    assert_eq!(tagger.tag(&words)[3], Tag::CloseQuote);
}

#[test]
fn broken_lexicon_lines_are_named() {
    let err = Lexicon::parse("rules/x.tsv", "# comment\nfoo\tNOPE\n").unwrap_err();
    assert_eq!(err, "rules/x.tsv:2: unknown tag 'NOPE'");
    let err = Lexicon::parse("rules/x.tsv", "foo\n").unwrap_err();
    assert!(
        err.starts_with("rules/x.tsv:1: expected 'word<TAB>TAG'"),
        "{err}"
    );
}

#[test]
fn news_text_names_numbers_and_quotes() {
    let tagger = Tagger::embedded();
    let words = [
        "On",
        "Thursday",
        ",",
        "Haftar",
        "'s",
        "forces",
        "shelled",
        "the",
        "well-known",
        "port",
        "at",
        "10:18",
        "a.m.",
        ",",
        "“",
        "Al",
        "Sarraj",
        "”",
        "said",
        ".",
    ];
    let tags = tagger.tag(&words);
    let at = |w: &str| tags[words.iter().position(|x| *x == w).unwrap()];
    assert_eq!(at("Haftar"), Tag::NNP);
    assert_eq!(at("'s"), Tag::POS);
    assert_eq!(at("shelled"), Tag::VBD);
    assert_eq!(at("well-known"), Tag::JJ);
    assert_eq!(at("10:18"), Tag::CD);
    assert_eq!(at("“"), Tag::OpenQuote);
    assert_eq!(at("Sarraj"), Tag::NNP);
    assert_eq!(at("said"), Tag::VBD);
}

#[test]
fn empty_sentence_is_fine() {
    assert!(Tagger::embedded().tag(&[]).is_empty());
}

#[test]
fn a_modal_takes_a_verb_the_model_read_as_a_noun() {
    let tagger = Tagger::embedded();
    let words = "a bag in which it can store water for later use .";
    let words: Vec<&str> = words.split(' ').collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[6], Tag::VB, "{tags:?}");
    let words = "Church leaders could no longer act as they pleased .";
    let words: Vec<&str> = words.split(' ').collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[5], Tag::VB, "{tags:?}");
    // A word that cannot be a verb stays what it is ("will the report publish").
    let tags = tagger.tag(&["They", "will", "the", "report", "publish", "."]);
    assert_eq!(tags[2], Tag::DT, "{tags:?}");
}

#[test]
fn a_statement_without_a_finite_verb_takes_the_one_the_second_pass_nearly_chose() {
    let tagger = Tagger::embedded();
    let tag = |s: &str| tagger.tag(&s.split(' ').collect::<Vec<_>>());
    // Read as nouns by both passes, but the statement needs a verb.
    let tags = tag("In Germany , the unemployment rate rose to 6.1 percent in October .");
    assert_eq!(tags[6], Tag::VBD, "{tags:?}");
    let tags = tag("The border between Burundi and Rwanda stretches from the west to the east .");
    assert_eq!(tags[6], Tag::VBZ, "{tags:?}");
    // A sentence that has lost its verb gets none the second pass would not nearly choose.
    let tags =
        tag("Since the start of the works on the river the historians in search of old walls .");
    assert!(!tags.iter().any(|t| t.is_finite_verb()), "{tags:?}");
    // Nor does a heading (no full stop).
    let tags = tag("Inhibitory Systems Control the Pattern of Activity in the Cortex");
    assert!(!tags.iter().any(|t| t.is_finite_verb()), "{tags:?}");
}

#[test]
fn a_subject_pronoun_takes_a_verb_the_model_read_as_a_noun() {
    let tagger = Tagger::embedded();
    let words = "It also borders some regions of tourist and ecological importance .";
    let words: Vec<&str> = words.split(' ').collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[2], Tag::VBZ, "{tags:?}");
    // A participle after a subject pronoun (and an adverb) is its simple past.
    let words: Vec<&str> = "He later handed over the command .".split(' ').collect();
    assert_eq!(tagger.tag(&words)[2], Tag::VBD);
    // An object pronoun is no subject ("gave them gifts").
    let tags = tagger.tag(&["They", "gave", "them", "gifts", "."]);
    assert_eq!(tags[3], Tag::NNS, "{tags:?}");
    // With no verb up to the clause's end, the last word is the verb (Dutch/German order) …
    let words: Vec<&str> = "I know that he tomorrow to Berlin travels ."
        .split(' ')
        .collect();
    assert_eq!(tagger.tag(&words)[7], Tag::VBZ);
    // … not the head of a noun phrase …
    let words: Vec<&str> = "The mayor said that she very proud of all the volunteers ."
        .split(' ')
        .collect();
    assert_eq!(tagger.tag(&words)[10], Tag::NNS);
    // … and not in a question, where the verb went before the pronoun.
    let words: Vec<&str> = "When should I buy my ticket ?".split(' ').collect();
    assert_eq!(tagger.tag(&words)[5], Tag::NN);
}

#[test]
fn a_clause_without_a_finite_verb_takes_the_participle_after_its_subject() {
    let tagger = Tagger::embedded();
    let words = "In Romania , a helicopter crashed with 10 people on board .";
    let words: Vec<&str> = words.split(' ').collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[5], Tag::VBD, "{tags:?}");
    // A base form after a singular noun, or a tag the word cannot have, too.
    let words = "The Czech central bank set the key interest rate at 4.25 percent on Thursday .";
    let words: Vec<&str> = words.split(' ').collect();
    assert_eq!(tagger.tag(&words)[4], Tag::VBD);
    // A passive with its agent, and a clause with a finite verb of its own, stay.
    let words = "The plan approved by the council .";
    let words: Vec<&str> = words.split(' ').collect();
    assert_eq!(tagger.tag(&words)[2], Tag::VBN);
    let words = "The solutions adopted in 1990 failed .";
    let words: Vec<&str> = words.split(' ').collect();
    assert_ne!(tagger.tag(&words)[2], Tag::VBD);
}

#[test]
fn a_determiner_takes_a_noun_the_model_read_as_a_modal() {
    let tagger = Tagger::embedded();
    let words = "the will operating out of duty is free .";
    let words: Vec<&str> = words.split(' ').collect();
    assert_eq!(tagger.tag(&words)[1], Tag::NN);
    let words: Vec<&str> = "It was against my will .".split(' ').collect();
    assert_eq!(tagger.tag(&words)[4], Tag::NN);
    // With a base verb after it, it stays the modal of a lost subject.
    let words: Vec<&str> = "The will decide on Monday .".split(' ').collect();
    assert_eq!(tagger.tag(&words)[1], Tag::MD);
}

#[test]
fn a_clause_without_a_verb_takes_a_plural_noun_before_an_object_as_its_verb() {
    let tagger = Tagger::embedded();
    let words: Vec<&str> = "Power pits some citizens against others ."
        .split(' ')
        .collect();
    assert_eq!(tagger.tag(&words)[1], Tag::VBZ);
    let words: Vec<&str> = "The same principle forms the basis of all the rest ."
        .split(' ')
        .collect();
    assert_eq!(tagger.tag(&words)[3], Tag::VBZ);
    // Before a name, when the word is lower case.
    let words: Vec<&str> = "Laine encounters Georg in the park .".split(' ').collect();
    assert_eq!(tagger.tag(&words)[1], Tag::VBZ);
}

#[test]
fn straight_quote_and_x_tags_of_other_treebanks_are_read() {
    let line = |id: usize, w: &str, t: &str| format!("{id}\t{w}\t_\t_\t{t}\t_\t0\t_\t_\t_\n");
    let text = [line(1, "\"", "\""), line(2, "uh", "X"), line(3, "\"", "\"")].concat();
    let s = read_conllu(&text).expect("parses");
    assert_eq!(s[0].tags, vec![Tag::OpenQuote, Tag::XX, Tag::CloseQuote]);
    let err = read_conllu(&line(1, "a", "BOGUS")).unwrap_err();
    assert!(err.contains("line 1: unknown tag 'BOGUS'"), "{err}");
}

#[test]
fn a_capitalised_word_misread_for_want_of_a_verb_is_a_name() {
    let tagger = Tagger::embedded();
    let tag = |s: &str| {
        let words: Vec<&str> = s.split(' ').collect();
        tagger.tag(&words)
    };
    // No verb follows: the model reads a split word's part or an interjection.
    assert_eq!(tag("Persian a relatively simple grammar .")[0], Tag::NNP);
    assert_eq!(tag("Heil that a law came into force .")[0], Tag::NNP);
    // Inside a sentence, a capitalised word read as a verb.
    let tags = tag("In his formula , Flick the three attributes that he wants .");
    assert_eq!(tags[4], Tag::NNP, "{tags:?}");
    // A title in title case and a sentence's first word keep their verbs.
    let tags = tag("Clapton recorded \" While My Guitar Gently Weeps \" .");
    assert_eq!(tags[1], Tag::VBD, "{tags:?}");
    assert_eq!(tag("Flick the switch .")[0], Tag::VB);
    // A capitalised pronoun after a determiner or a name is part of a name.
    assert_eq!(tag("The He 111 bombers were ready .")[1], Tag::NNP);
    assert_eq!(tag("Admiral Zheng He was sent to India .")[2], Tag::NNP);
    assert_eq!(tag("He was sent to India .")[0], Tag::PRP);
}

#[test]
fn a_plural_subject_takes_a_present_verb_the_model_read_as_a_noun() {
    let tagger = Tagger::embedded();
    let words: Vec<&str> = "Members exercise this right through questions ."
        .split(' ')
        .collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[1], Tag::VBP, "{tags:?}");
    // After a singular noun the word stays a noun ("the oil price").
    let words: Vec<&str> = "The price of the oil rose .".split(' ').collect();
    assert!(!tagger.tag(&words)[2].is_verb());
}

#[test]
fn a_modal_takes_the_verb_the_model_read_as_an_adverb() {
    let tagger = Tagger::embedded();
    let words: Vec<&str> = "Man should diligently fast on this day ."
        .split(' ')
        .collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[3], Tag::VB, "{tags:?}");
    // An adverb before the verb stays one.
    let words: Vec<&str> = "They will soon leave the city .".split(' ').collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[2], Tag::RB, "{tags:?}");
}

#[test]
fn a_british_spelling_the_treebank_lacks_is_read_as_the_american_one() {
    use mtlint::tag::american_spelling;
    assert_eq!(american_spelling("modernise").as_deref(), Some("modernize"));
    assert_eq!(american_spelling("Organised").as_deref(), Some("Organized"));
    assert_eq!(american_spelling("analysing").as_deref(), Some("analyzing"));
    assert_eq!(american_spelling("centres").as_deref(), Some("centers"));
    assert_eq!(american_spelling("harbour").as_deref(), Some("harbor"));
    // Short words keep their spelling.
    assert_eq!(american_spelling("rise"), None);
    assert_eq!(american_spelling("four"), None);
    let words: Vec<&str> = "The federation wants the league organise and pay every player more ."
        .split(' ')
        .collect();
    assert_eq!(Tagger::embedded().tag(&words)[5], Tag::VB);
}
