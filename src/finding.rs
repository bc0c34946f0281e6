//! The finding: what a detector reports, in the shape of the report contract (PRODUCT.md).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How bad an error is, as in MQM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Critical];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "minor" => Ok(Severity::Minor),
            "major" => Ok(Severity::Major),
            "critical" => Ok(Severity::Critical),
            _ => Err(format!(
                "unknown severity '{s}' (expected minor, major or critical)"
            )),
        }
    }
}

/// The fixed vocabulary of finding categories (documented in docs/rules.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    WordOrder,
    DanglingVerb,
    MissingSubject,
    MissingVerb,
    Calque,
    Agreement,
    Capitalization,
    Consistency,
    Punctuation,
    Repetition,
    Untranslated,
    Boilerplate,
    SourceMismatch,
}

impl Category {
    pub const ALL: [Category; 13] = [
        Category::WordOrder,
        Category::DanglingVerb,
        Category::MissingSubject,
        Category::MissingVerb,
        Category::Calque,
        Category::Agreement,
        Category::Capitalization,
        Category::Consistency,
        Category::Punctuation,
        Category::Repetition,
        Category::Untranslated,
        Category::Boilerplate,
        Category::SourceMismatch,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::WordOrder => "word-order",
            Category::DanglingVerb => "dangling-verb",
            Category::MissingSubject => "missing-subject",
            Category::MissingVerb => "missing-verb",
            Category::Calque => "calque",
            Category::Agreement => "agreement",
            Category::Capitalization => "capitalization",
            Category::Consistency => "consistency",
            Category::Punctuation => "punctuation",
            Category::Repetition => "repetition",
            Category::Untranslated => "untranslated",
            Category::Boilerplate => "boilerplate",
            Category::SourceMismatch => "source-mismatch",
        }
    }

    /// Categories about sentence structure: the ones the structural detectors report.
    pub fn is_structural(self) -> bool {
        matches!(
            self,
            Category::WordOrder
                | Category::DanglingVerb
                | Category::MissingSubject
                | Category::MissingVerb
        )
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown category '{s}'"))
    }
}

/// One flagged span with its reason and suggested rewrite, positioned in the input as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    /// Which check of the rule found it, for rules that hold several (`copula-missing` of
    /// `missing-verb`); absent for a rule that is one check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    pub category: Category,
    pub severity: Severity,
    pub confidence: f64,
    pub message: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
    /// Byte offset into the input where the span starts.
    pub start: usize,
    /// Byte offset into the input where the span ends (exclusive).
    pub end: usize,
    /// The whole sentence, as in the input.
    pub sentence: String,
    /// Byte offset into the input where `sentence` starts: what a fix replaces is
    /// `sentence_start..sentence_start + sentence.len()`. Not part of the JSON contract.
    #[serde(skip_serializing, default)]
    pub sentence_start: usize,
    /// The flagged span, as in the input.
    pub text: String,
    /// The whole corrected sentence, when the rule can propose one: the sentence with this
    /// finding's `edits` applied, and those of the findings named in `combines`.
    pub suggestion: Option<String>,
    /// What the suggestion changes, as edits on byte spans of the input (same offsets as
    /// `start` and `end`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Edit>,
    /// The other findings of the sentence whose edits the suggestion also applies (`rule` or
    /// `rule/check`), so that one suggestion fixes every error it can in the sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub combines: Vec<String>,
    /// The source sentence(s) the finding compares with (`source-mismatch` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The language the source was read as (`source-mismatch` only): an ISO 639-1 code, from
    /// `--source-lang` or recognised in the source text (`rules/languages.tsv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_lang: Option<String>,
}

/// What an edit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    /// Bytes `start..end` become `replacement`.
    Replace,
    /// `replacement` goes in at `start` (`start == end`).
    Insert,
    /// Bytes `start..end` go (`replacement` is empty).
    Delete,
    /// One half of a move: the words deleted at one edit are inserted at the other.
    Move,
}

/// One change a suggestion makes to the input: bytes `start..end` become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub kind: EditKind,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Finding {
    /// The edits that turn the sentence into the suggestion: this finding's own and those of
    /// the findings of `all` (the findings of its document) that its suggestion combines; in
    /// order, each once.
    pub fn suggestion_edits<'a>(&'a self, all: &'a [Finding]) -> Vec<&'a Edit> {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        for other in all {
            if other.sentence_start == self.sentence_start
                && !std::ptr::eq(other, self)
                && self.combines.contains(&other.check_id())
            {
                edits.extend(&other.edits);
            }
        }
        edits.sort_by_key(|e| (e.start, e.end));
        edits.dedup();
        edits
    }

    /// The finding's id in a report: `rule`, or `rule/check` for a rule of several checks.
    pub fn check_id(&self) -> String {
        match &self.check {
            Some(c) => format!("{}/{c}", self.rule),
            None => self.rule.clone(),
        }
    }
}
