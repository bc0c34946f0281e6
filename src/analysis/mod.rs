//! Analysis stages: segment → tokenize → tag → chunk (`pipeline` runs them over a text), and
//! what the rules read beside them: verb frames, the class n-gram model of English word order,
//! the sorted tables the models are read from, and the alignment of a text with its source.

pub mod align;
pub mod chunk;
pub mod frames;
pub mod lm;
pub mod ngram;
pub mod pipeline;
pub mod segment;
pub mod table;
pub mod tag;
pub mod tense;
pub mod time_words;
pub mod tokenize;
