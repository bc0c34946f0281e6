//! Baselines: the findings a team has already seen, left out of later reports so that a gate
//! fails only on new ones.
//!
//! A finding is known by its fingerprint: the rule and the sentence's text, lower-cased with
//! runs of whitespace made one space, so it survives edits elsewhere in the document (and
//! re-wrapping of the sentence itself). Each document keeps a count per fingerprint, so a
//! second identical finding in the same document still shows. The file (`--write-baseline`):
//!
//! ```json
//! {
//!   "tool": "mtlint",
//!   "version": 1,
//!   "documents": [
//!     {
//!       "path": "articles/a.txt",
//!       "findings": [
//!         {"fingerprint": "5c1d0e8f2b7a9c34", "rule": "missing-verb",
//!          "sentence": "france says that the land behind al sarraj.", "count": 1}
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! JSONL records are told apart by `id` beside `path`. Matching uses `path`, `id`,
//! `fingerprint` and `count`; `rule` and `sentence` are there for people reading the file.

use crate::report::DocumentReport;
pub use crate::report::fingerprint::{fingerprint, normalize_sentence};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// The version of the file format.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    sentence: String,
    count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineDocument {
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Value>,
    findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    tool: String,
    version: u32,
    documents: Vec<BaselineDocument>,
}

/// Known findings: per document, how many of each fingerprint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Baseline {
    file: Vec<BaselineDocument>,
    counts: HashMap<String, HashMap<String, usize>>,
    /// The documents [`Baseline::apply`] has seen.
    seen: std::collections::HashSet<String>,
}

/// Which document a report is: its path (as [`normalize_path`] writes it), and for a JSONL
/// record its id.
fn document_key(path: &str, id: Option<&Value>) -> String {
    let path = normalize_path(path);
    match id {
        None | Some(Value::Null) => path,
        Some(id) => format!("{path}\u{0}{id}"),
    }
}

/// A path as baselines compare it: `.` parts and repeated separators dropped, `x/..` folded,
/// and an absolute path inside the working directory made relative to it, so `sample.txt`,
/// `./sample.txt` and `/work/sample.txt` (run in `/work`) are one document. `-` (standard
/// input) stays as it is.
pub fn normalize_path(path: &str) -> String {
    use std::path::{Component, Path, PathBuf};
    if path == "-" {
        return path.to_string();
    }
    let mut p = PathBuf::from(path);
    if p.is_absolute()
        && let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = p.strip_prefix(&cwd)
    {
        p = rel.to_path_buf();
    }
    let mut out = PathBuf::new();
    for c in Path::new(&p).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    let s = out.to_string_lossy().replace('\\', "/");
    if s.is_empty() { ".".into() } else { s }
}

impl Baseline {
    fn from_documents(file: Vec<BaselineDocument>) -> Baseline {
        let mut counts: HashMap<String, HashMap<String, usize>> = HashMap::new();
        for d in &file {
            let per = counts
                .entry(document_key(&d.path, d.id.as_ref()))
                .or_default();
            for e in &d.findings {
                *per.entry(e.fingerprint.clone()).or_default() += e.count;
            }
        }
        Baseline {
            file,
            counts,
            seen: Default::default(),
        }
    }

    /// The documents the baseline records that no report applied to it named, as written in
    /// the file (path, and id for a record): a baseline for other files, or paths that
    /// changed.
    pub fn unmatched(&self) -> Vec<String> {
        self.file
            .iter()
            .filter(|d| !self.seen.contains(&document_key(&d.path, d.id.as_ref())))
            .map(|d| match &d.id {
                Some(id) => format!("{} (id {id})", d.path),
                None => d.path.clone(),
            })
            .collect()
    }

    /// The baseline of these reports: every finding of every readable document.
    pub fn from_reports(docs: &[DocumentReport]) -> Baseline {
        let mut file = Vec::new();
        for d in docs {
            let mut entries: Vec<Entry> = Vec::new();
            for f in d.findings() {
                let fp = fingerprint(&f.rule, &f.sentence);
                match entries.iter_mut().find(|e| e.fingerprint == fp) {
                    Some(e) => e.count += 1,
                    None => entries.push(Entry {
                        fingerprint: fp,
                        rule: f.rule.clone(),
                        sentence: normalize_sentence(&f.sentence),
                        count: 1,
                    }),
                }
            }
            if !entries.is_empty() {
                file.push(BaselineDocument {
                    path: normalize_path(&d.path),
                    id: d.id.clone().filter(|id| !id.is_null()),
                    findings: entries,
                });
            }
        }
        Baseline::from_documents(file)
    }

    /// The file's text (pretty JSON, ending in a line feed).
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            tool: "mtlint".into(),
            version: VERSION,
            documents: self.file.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a baseline file's text; `name` is the file's name for errors.
    pub fn parse(name: &str, text: &str) -> Result<Baseline, String> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| {
            // serde_json counts columns from 0 at the start of a line; ours start at 1.
            format!(
                "{name}:{}:{}: not a baseline file: {e}",
                e.line(),
                e.column().max(1)
            )
        })?;
        if file.version != VERSION {
            return Err(format!(
                "{name}: baseline format version {} is not supported (expected {VERSION})",
                file.version
            ));
        }
        Ok(Baseline::from_documents(file.documents))
    }

    pub fn load(path: &str) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        Baseline::parse(path, &text)
    }

    /// Findings recorded in the baseline.
    pub fn len(&self) -> usize {
        self.counts.values().flat_map(|m| m.values()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Leaves out of the document the findings the baseline records, up to each fingerprint's
    /// count, in input order; counts them in `baselined`.
    pub fn apply(&mut self, doc: &mut DocumentReport) {
        let key = document_key(&doc.path, doc.id.as_ref());
        let Some(known) = self.counts.get(&key) else {
            return;
        };
        self.seen.insert(key);
        let Ok(findings) = &mut doc.outcome else {
            return;
        };
        let mut left = known.clone();
        let before = findings.len();
        findings.retain(|f| match left.get_mut(&fingerprint(&f.rule, &f.sentence)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        doc.baselined += before - findings.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_ignores_case_and_spacing() {
        assert_eq!(
            normalize_sentence("  Also  discussed\r\nTrump\tand HAFTAR. "),
            "also discussed trump and haftar."
        );
        assert_eq!(
            fingerprint("r", "Also discussed Trump."),
            fingerprint("r", "also  discussed\ntrump.")
        );
        assert_ne!(
            fingerprint("r", "Also discussed Trump."),
            fingerprint("s", "Also discussed Trump.")
        );
        assert_eq!(fingerprint("", "").len(), 16);
    }

    #[test]
    fn bad_files_name_the_problem() {
        let e = Baseline::parse("b.json", "{\"tool\": \"mtlint\",\n \"versio\": 1}").unwrap_err();
        assert!(e.starts_with("b.json:2:"), "{e}");
        assert!(e.contains("versio"), "{e}");
        let e = Baseline::parse("b.json", r#"{"tool":"mtlint","version":9,"documents":[]}"#)
            .unwrap_err();
        assert!(e.contains("version 9"), "{e}");
    }

    #[test]
    fn paths_are_compared_normalized() {
        assert_eq!(normalize_path("./sample.txt"), "sample.txt");
        assert_eq!(normalize_path("a//b/./c.txt"), "a/b/c.txt");
        assert_eq!(normalize_path("a/x/../b.txt"), "a/b.txt");
        assert_eq!(normalize_path("../up.txt"), "../up.txt");
        assert_eq!(normalize_path("-"), "-");
        let cwd = std::env::current_dir().expect("working directory");
        let inside = cwd.join("docs/a.md");
        assert_eq!(
            normalize_path(inside.to_str().expect("UTF-8 path")),
            "docs/a.md"
        );
    }
}
