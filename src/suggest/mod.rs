//! Suggest stage, after detect: a finding's rewrite becomes edits on spans of the input, the
//! findings of one sentence share one corrected sentence, and a rewrite the tool does not
//! accept as English is not shown.

pub mod combine;
pub mod edits;
pub mod repair;

pub use combine::{Judge, combine, combine_once};
pub use edits::{apply, conflict, diff};
