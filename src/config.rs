//! Project configuration: `mtlint.toml`, found by walking up from the working directory (or named
//! with `--config FILE`). It sets the same options as the command line; the command line wins.
//!
//! ```toml
//! source-lang = ["nl"]
//! rules = ["house-rules"]          # directories of packs, relative to this file
//! disable = ["repeated-words"]
//! fail-on = "critical"
//! exclude = ["drafts/**"]          # paths never checked
//!
//! [[ignore]]                       # findings dropped for some paths
//! paths = ["quotes/*.md"]
//! rules = ["word-order"]           # rule ids or categories
//! ```

use crate::finding::Finding;
use crate::normalize::line_column;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "mtlint.toml";

/// The contents of `mtlint.toml`. Every field is optional.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Report format of `check` (`text`, `json`, …).
    pub format: Option<String>,
    /// How inputs are read (`auto`, `text`, `jsonl`, …).
    pub input_format: Option<String>,
    /// Exit with 1 at or above this severity (`minor`, `major`, `critical`, `never`).
    pub fail_on: Option<String>,
    /// Source languages whose interference packs run.
    #[serde(default)]
    pub source_lang: Vec<String>,
    /// Directories of rule packs, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Rules or categories switched on.
    #[serde(default)]
    pub enable: Vec<String>,
    /// Rules or categories switched off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Glob patterns (relative to the configuration file) of paths never checked.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Findings dropped for some paths.
    #[serde(default)]
    pub ignore: Vec<IgnoreSpec>,
    /// Quality-score points per minor, major and critical finding.
    pub severity_points: Option<[f64; 3]>,
    /// A document whose quality score is above this fails.
    pub max_score: Option<f64>,
    /// Structural findings less likely than this to be real errors are not reported (0–1).
    pub min_confidence: Option<f64>,
    /// A baseline file of known findings, relative to the configuration file.
    pub baseline: Option<PathBuf>,
    /// The directory of the configuration file (set when loading).
    #[serde(skip)]
    pub dir: PathBuf,
    #[serde(skip)]
    matchers: Option<Matchers>,
}

/// `[[ignore]]`: rules (ids or categories) whose findings are dropped in the matching paths.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreSpec {
    pub paths: Vec<String>,
    pub rules: Vec<String>,
}

#[derive(Debug, Clone)]
struct Matchers {
    exclude: GlobSet,
    ignore: Vec<(GlobSet, Vec<String>)>,
}

/// A configuration file that cannot be used: the file, the place and the problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

/// The nearest `mtlint.toml` in `start` or one of its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and parses a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: file.clone(),
        line: 0,
        column: 0,
        message: format!("cannot read: {e}"),
    })?;
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    parse(&file, &text, dir)
}

/// Parses configuration text; `file` names it in errors, `dir` is where relative paths start.
pub fn parse(file: &str, text: &str, dir: PathBuf) -> Result<Config, ConfigError> {
    let err = |offset: Option<usize>, message: String| {
        let (line, column) = offset.map_or((1, 1), |o| line_column(text, o));
        ConfigError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    let mut config: Config =
        toml::from_str(text).map_err(|e| err(e.span().map(|s| s.start), e.message().into()))?;
    config.dir = dir;
    let glob_set = |patterns: &[String]| -> Result<GlobSet, ConfigError> {
        let mut b = GlobSetBuilder::new();
        for p in patterns {
            let glob = Glob::new(p).map_err(|e| {
                let at = text.find(&format!("\"{p}\""));
                err(at, format!("bad glob pattern '{p}': {}", e.kind()))
            })?;
            b.add(glob);
        }
        b.build().map_err(|e| err(None, e.to_string()))
    };
    let exclude = glob_set(&config.exclude)?;
    let ignore = config
        .ignore
        .iter()
        .map(|i| Ok((glob_set(&i.paths)?, i.rules.clone())))
        .collect::<Result<Vec<_>, ConfigError>>()?;
    for (value, what) in [
        (
            &config.fail_on,
            ["minor", "major", "critical", "never"].as_slice(),
        ),
        (&config.format, &["text", "json", "jsonl", "csv", "sarif"]),
    ] {
        if let Some(v) = value
            && !what.contains(&v.as_str())
        {
            let at = text.find(&format!("\"{v}\""));
            return Err(err(at, format!("'{v}' is not one of {}", what.join(", "))));
        }
    }
    config.matchers = Some(Matchers { exclude, ignore });
    Ok(config)
}

impl Config {
    /// Pack directories, resolved against the configuration file's directory.
    pub fn rule_dirs(&self) -> Vec<String> {
        self.rules
            .iter()
            .map(|d| self.dir.join(d).display().to_string())
            .collect()
    }

    /// `path` (as given on the command line) relative to the configuration file's directory,
    /// for matching globs; the path itself when it lies elsewhere.
    fn relative(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        let absolute = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().map_or_else(|_| p.to_path_buf(), |cwd| cwd.join(p))
        };
        let base = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        let absolute = absolute.canonicalize().unwrap_or(absolute);
        absolute
            .strip_prefix(&base)
            .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
    }

    /// Whether a path is excluded from checking.
    pub fn is_excluded(&self, path: &str) -> bool {
        self.matchers
            .as_ref()
            .is_some_and(|m| !m.exclude.is_empty() && m.exclude.is_match(self.relative(path)))
    }

    /// Whether a finding in `path` is dropped by an `[[ignore]]` entry.
    pub fn is_ignored(&self, path: &str, finding: &Finding) -> bool {
        let Some(m) = &self.matchers else {
            return false;
        };
        if m.ignore.is_empty() {
            return false;
        }
        let rel = self.relative(path);
        m.ignore.iter().any(|(globs, rules)| {
            rules
                .iter()
                .any(|r| *r == finding.rule || r == finding.category.as_str())
                && globs.is_match(&rel)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_option() {
        let c = parse(
            "mtlint.toml",
            "source-lang = [\"nl\"]\nrules = [\"packs\"]\nfail-on = \"critical\"\n\
             exclude = [\"drafts/**\"]\n[[ignore]]\npaths = [\"quotes/*.md\"]\nrules = [\"word-order\"]\n",
            PathBuf::from("/project"),
        )
        .unwrap();
        assert_eq!(c.source_lang, ["nl"]);
        assert_eq!(c.rule_dirs(), ["/project/packs"]);
        assert_eq!(c.fail_on.as_deref(), Some("critical"));
        assert!(c.is_excluded("/project/drafts/a/b.txt"));
        assert!(!c.is_excluded("/project/final/b.txt"));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = parse(
            "x/mtlint.toml",
            "fail-on = \"major\"\nsorce-lang = [\"nl\"]\n",
            ".".into(),
        )
        .unwrap_err();
        assert_eq!((e.file.as_str(), e.line, e.column), ("x/mtlint.toml", 2, 1));
        assert!(e.message.contains("unknown field"), "{e}");
        let e = parse("m.toml", "fail-on = \"often\"\n", ".".into()).unwrap_err();
        assert_eq!((e.line, e.column), (1, 11));
        let e = parse("m.toml", "exclude = [\"a[\"]\n", ".".into()).unwrap_err();
        assert!(e.message.contains("bad glob"), "{e}");
        let e = parse("m.toml", "rules = [\n", ".".into()).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        assert!(e.message.contains("unclosed array"), "{e}");
    }

    #[test]
    fn discovery_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover(&deep), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join(FILE_NAME)));
    }
}
