//! Rule packs: rules as data. A pack is a TOML file of `[[rule]]` tables, each a token pattern
//! (see [`pattern`]), a message, a suggestion template and examples that run as tests. Packs
//! under `rules/` are embedded as defaults; `check --rules DIR` adds more or overrides them by
//! id. Every compiled rule is a [`Detector`] like the built-in ones.

pub mod pattern;

use crate::detect::{Detector, Diagnosis, Example, RuleMeta, SentenceView, builtin};
use crate::finding::{Category, Severity};
use crate::normalize::line_column;
use crate::segment::SegmentKind;
use pattern::{ChunkTest, Element, LazyRegex, Match, Part, Pattern, Step, TagTest, TokenTest};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use toml::Spanned;

/// The packs built into the binary: (name shown in errors and `rules list`, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/interference/nl.toml",
        include_str!("../../../rules/interference/nl.toml"),
    ),
    (
        "rules/interference/de.toml",
        include_str!("../../../rules/interference/de.toml"),
    ),
];

/// The source languages an embedded pack is written for (`--source-lang`, `source-lang` in
/// `mtlint.toml`, a `NAME.SRC-en.EXT` file name).
pub const PACK_LANGUAGES: [&str; 2] = ["nl", "de"];

/// A problem in a pack, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PackError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for PackError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    #[serde(default)]
    rule: Vec<Spanned<RuleSpec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: Spanned<String>,
    // Read as text and checked by the loader, so an unknown value is one error among the
    // others of the file rather than the only one.
    category: Spanned<String>,
    severity: Spanned<String>,
    message: Spanned<String>,
    description: String,
    /// How to fix it, for `rules explain`; defaults to a line naming the suggestion.
    fix: Option<String>,
    pattern: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    exceptions: Vec<Vec<Spanned<toml::Value>>>,
    suggestion: Option<Spanned<String>>,
    #[serde(default)]
    source_lang: Vec<String>,
    default: Option<bool>,
    confidence: Option<f64>,
    #[serde(default)]
    example: Vec<Spanned<ExampleSpec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleSpec {
    bad: Option<String>,
    fix: Option<String>,
    good: Option<String>,
}

/// A compiled pack rule.
pub struct PackRule {
    meta: RuleMeta,
    /// The pack file it came from.
    pub source: String,
    /// Source languages whose selection switches it on.
    pub source_lang: Vec<String>,
    /// On without any selection.
    pub default_on: bool,
    pattern: Pattern,
    exceptions: Vec<Pattern>,
    message: Vec<Part>,
    suggestion: Option<Vec<Part>>,
    confidence: f64,
}

impl Detector for PackRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        for m in self.pattern.find_all(v) {
            if self
                .exceptions
                .iter()
                .any(|x| x.overlaps(v, m.start, m.end))
            {
                continue;
            }
            out.push(self.diagnose(v, &m));
        }
    }

    fn source(&self) -> Option<&str> {
        Some(&self.source)
    }
}

impl PackRule {
    fn diagnose(&self, v: &SentenceView, m: &Match) -> Diagnosis {
        let (start, end) = v.span(m.start, m.end);
        Diagnosis {
            check: "",
            start,
            end,
            message: pattern::render_message(v, m, &self.message),
            suggestion: self
                .suggestion
                .as_ref()
                .map(|parts| pattern::render_suggestion(v, m, parts)),
            confidence: self.confidence,
        }
    }
}

/// Turns a string that lives as long as the program into a `&'static str`: rule metadata is
/// made once per process and read until it ends.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

struct Loader<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<PackError>,
}

impl Loader<'_> {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        let (line, column) = line_column(self.text, offset);
        self.errors.push(PackError {
            file: self.file.to_string(),
            line,
            column,
            message: message.into(),
        });
    }

    fn pattern(&mut self, rule: &str, steps: &[Spanned<toml::Value>]) -> Pattern {
        let mut pattern = Pattern::default();
        for s in steps {
            let at = s.span().start;
            match self.step(s.get_ref()) {
                Ok(step) => {
                    if let Some(n) = &step.name
                        && pattern.capture(n).is_some()
                    {
                        self.error(at, format!("rule '{rule}': capture name '{n}' used twice"));
                    }
                    pattern.steps.push(step);
                }
                Err(e) => {
                    self.error(at, format!("rule '{rule}': {e}"));
                    // Keep the capture name, so templates naming it report nothing more.
                    let name = s.get_ref().get("name").and_then(|n| n.as_str());
                    pattern.steps.push(Step {
                        element: Element::Skip(0),
                        optional: true,
                        name: name.map(str::to_string),
                    });
                }
            }
        }
        if steps.is_empty() {
            self.error(0, format!("rule '{rule}': the pattern is empty"));
        }
        pattern
    }

    fn step(&self, value: &toml::Value) -> Result<Step, String> {
        let plain = |element| Step {
            element,
            optional: false,
            name: None,
        };
        match value {
            toml::Value::String(s) => Ok(match s.as_str() {
                "^" => plain(Element::Start),
                "$" => plain(Element::End),
                _ => plain(Element::Token(TokenTest {
                    words: words(s),
                    ..TokenTest::default()
                })),
            }),
            toml::Value::Table(t) => self.table_step(t),
            _ => Err("a pattern element is a word or a table such as {tag = \"VBD\"}".into()),
        }
    }

    /// A pattern element written as a table (`{tag = "VBD"}`, `{chunk = "NP", opt = true}`):
    /// a token test, a chunk or a skip, optional and named or not.
    fn table_step(&self, t: &toml::Table) -> Result<Step, String> {
        let mut test = TokenTest::default();
        let mut chunk = None;
        let mut skip = None;
        let mut optional = false;
        let mut name = None;
        for (k, v) in t {
            let text = || {
                v.as_str()
                    .ok_or_else(|| format!("'{k}' must be a string"))
                    .map(str::to_string)
            };
            match k.as_str() {
                "word" => test.words = words(&text()?),
                "lemma" => test.lemmas = words(&text()?),
                "regex" => {
                    let r = text()?;
                    test.regex = Some(
                        LazyRegex::new(format!("^(?i:{r})$"))
                            .map_err(|e| format!("bad regex '{r}': {e}"))?,
                    );
                }
                "tag" => tag_tests(&text()?, &mut test.tags)?,
                "chunk" => chunk = Some(chunk_test(&text()?)?),
                "skip" => {
                    skip = Some(
                        v.as_integer()
                            .and_then(|n| usize::try_from(n).ok())
                            .ok_or("'skip' must be a whole number of tokens")?,
                    )
                }
                "opt" => optional = v.as_bool().ok_or("'opt' must be true or false")?,
                "name" => {
                    let n = text()?;
                    if matches!(n.as_str(), "before" | "after") {
                        return Err(format!("'{n}' is reserved for the template"));
                    }
                    name = Some(n)
                }
                _ => {
                    return Err(format!(
                        "unknown field '{k}' in a pattern element (expected word, \
                         lemma, regex, tag, chunk, skip, opt or name)"
                    ));
                }
            }
        }
        let has_test = !test.words.is_empty()
            || !test.lemmas.is_empty()
            || test.regex.is_some()
            || !test.tags.is_empty();
        let element = match (chunk, skip, has_test) {
            (Some(c), None, false) => Element::Chunk(c),
            (None, Some(n), false) => Element::Skip(n),
            (None, None, _) => Element::Token(test),
            _ => {
                return Err(
                    "a pattern element is one of: a token test, a chunk, or a skip".to_string(),
                );
            }
        };
        Ok(Step {
            element,
            optional,
            name,
        })
    }

    fn template(
        &mut self,
        rule: &str,
        field: &str,
        s: &Spanned<String>,
        pattern: &Pattern,
    ) -> Vec<Part> {
        match pattern::parse_template(s.get_ref(), pattern) {
            Ok(parts) => parts,
            Err((at, e)) => {
                // The span covers the quotes; the template starts one byte in.
                self.error(
                    s.span().start + 1 + at,
                    format!("rule '{rule}', {field}: {e}"),
                );
                Vec::new()
            }
        }
    }

    fn rule(&mut self, spec: RuleSpec) -> PackRule {
        let category = spec
            .category
            .get_ref()
            .parse::<Category>()
            .unwrap_or_else(|e| {
                self.error(spec.category.span().start, e);
                Category::Calque
            });
        let severity = spec
            .severity
            .get_ref()
            .parse::<Severity>()
            .unwrap_or_else(|e| {
                self.error(spec.severity.span().start, e);
                Severity::Minor
            });
        let id = spec.id.get_ref().clone();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.error(
                spec.id.span().start,
                format!("rule id '{id}' must be lower-case letters, digits and '-'"),
            );
        }
        let pattern = self.pattern(&id, &spec.pattern);
        let exceptions = spec
            .exceptions
            .iter()
            .map(|x| self.pattern(&id, x))
            .collect();
        let message = self.template(&id, "message", &spec.message, &pattern);
        let suggestion = spec
            .suggestion
            .as_ref()
            .map(|s| self.template(&id, "suggestion", s, &pattern));
        let mut examples = Vec::new();
        for ex in &spec.example {
            let at = ex.span().start;
            let e = ex.get_ref();
            match (&e.bad, &e.good, &e.fix) {
                (Some(bad), None, fix) => examples.push(Example::Bad {
                    text: leak(bad.clone()),
                    fix: fix.clone().map(leak),
                }),
                (None, Some(good), None) => examples.push(Example::Good(leak(good.clone()))),
                _ => self.error(
                    at,
                    format!(
                        "rule '{id}': an example has either `bad` (with an optional `fix`) or \
                         `good`"
                    ),
                ),
            }
        }
        let fix = spec.fix.unwrap_or_else(|| match &spec.suggestion {
            Some(s) => format!("Rewrite as the suggestion shows ({}).", s.get_ref()),
            None => "Rewrite the sentence in idiomatic English.".to_string(),
        });
        PackRule {
            meta: RuleMeta {
                id: leak(id),
                category,
                severity,
                summary: leak(summary(&spec.message.into_inner())),
                why: leak(spec.description),
                fix: leak(fix),
                examples: Box::leak(examples.into_boxed_slice()),
            },
            source: self.file.to_string(),
            default_on: spec.default.unwrap_or(spec.source_lang.is_empty()),
            source_lang: spec.source_lang,
            pattern,
            exceptions,
            message,
            suggestion,
            confidence: spec.confidence.unwrap_or(0.8).clamp(0.0, 1.0),
        }
    }
}

/// The chunk a pattern element's `chunk` names: NP, BNP or VG.
fn chunk_test(name: &str) -> Result<ChunkTest, String> {
    Ok(match name {
        "NP" => ChunkTest::NounPhrase,
        "BNP" => ChunkTest::BasicNounPhrase,
        "VG" => ChunkTest::VerbGroup,
        c => return Err(format!("unknown chunk '{c}' (expected NP, BNP or VG)")),
    })
}

/// Adds the tag tests of a pattern element's `tag` ("VBD|VBN") to `tags`.
fn tag_tests(text: &str, tags: &mut Vec<TagTest>) -> Result<(), String> {
    for name in text.split('|') {
        tags.push(TagTest::parse(name.trim()).ok_or_else(|| {
            format!(
                "unknown tag '{name}' (a Penn Treebank tag such as VBD, \
                 or VFIN, VERB, NOUN, ADJ, ADV, DET, NUM, PRON, PUNCT)"
            )
        })?);
    }
    Ok(())
}

/// The message as a one-line summary: captures become "…".
fn summary(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        out.push('…');
        rest = rest[open..].find('}').map_or("", |c| &rest[open + c + 1..]);
    }
    out.push_str(rest);
    out
}

fn words(s: &str) -> Vec<String> {
    s.split('|').map(|w| w.trim().to_lowercase()).collect()
}

/// Compiles one pack; `file` names it in errors. Every problem is reported, not only the first.
pub fn load_pack(file: &str, text: &str) -> Result<Vec<PackRule>, Vec<PackError>> {
    let mut loader = Loader {
        file,
        text,
        errors: Vec::new(),
    };
    let parsed: PackFile = match toml::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            loader.error(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            );
            return Err(loader.errors);
        }
    };
    let mut rules: Vec<PackRule> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for spec in parsed.rule {
        let at = spec.span().start;
        let spec = spec.into_inner();
        let id_at = spec.id.span().start;
        let rule = loader.rule(spec);
        if let Some(line) = seen.get(rule.meta.id) {
            loader.error(
                id_at,
                format!(
                    "duplicate rule id '{}' (first at line {line})",
                    rule.meta.id
                ),
            );
        } else {
            seen.insert(rule.meta.id.to_string(), line_column(text, at).0);
        }
        rules.push(rule);
    }
    if loader.errors.is_empty() {
        Ok(rules)
    } else {
        Err(loader.errors)
    }
}

/// The embedded packs, compiled once per process.
pub fn embedded() -> Result<&'static [Arc<PackRule>], &'static [PackError]> {
    static PACKS: OnceLock<Result<Vec<Arc<PackRule>>, Vec<PackError>>> = OnceLock::new();
    let loaded = PACKS.get_or_init(|| {
        let mut rules = Vec::new();
        let mut errors = Vec::new();
        for (file, text) in EMBEDDED {
            match load_pack(file, text) {
                Ok(r) => rules.extend(r.into_iter().map(Arc::new)),
                Err(e) => errors.extend(e),
            }
        }
        check_unique(&rules, &mut errors);
        if errors.is_empty() {
            Ok(rules)
        } else {
            Err(errors)
        }
    });
    match loaded {
        Ok(r) => Ok(r),
        Err(e) => Err(e),
    }
}

fn check_unique(rules: &[Arc<PackRule>], errors: &mut Vec<PackError>) {
    let builtin_ids: Vec<&str> = builtin().iter().map(|d| d.meta().id).collect();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for r in rules {
        let id = r.meta.id;
        let clash = if builtin_ids.contains(&id) {
            Some("a built-in rule".to_string())
        } else {
            seen.get(id).map(|f| (*f).to_string())
        };
        if let Some(other) = clash {
            let at = r.source.clone();
            errors.push(PackError {
                file: at,
                line: 1,
                column: 1,
                message: format!("duplicate rule id '{id}' (also in {other})"),
            });
        }
        seen.insert(id, &r.source);
    }
}

/// Loads every `.toml` pack under `dir` (recursively, in sorted order), or the one pack `dir`
/// names when it is a file.
pub fn load_dir(dir: &Path) -> Result<Vec<Arc<PackRule>>, Vec<PackError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // A single pack file is a directory of one.
    let mut stack = if dir.is_file() {
        files.push(dir.to_path_buf());
        Vec::new()
    } else {
        vec![dir.to_path_buf()]
    };
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(PackError {
                    file: d.display().to_string(),
                    line: 0,
                    column: 0,
                    message: format!("cannot read the rule directory: {e}"),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut rules = Vec::new();
    for f in files {
        let name = f.display().to_string();
        match std::fs::read_to_string(&f) {
            Ok(text) => match load_pack(&name, &text) {
                Ok(r) => rules.extend(r.into_iter().map(Arc::new)),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(PackError {
                file: name,
                line: 0,
                column: 0,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for r in &rules {
        if let Some(other) = seen.insert(r.meta.id, &r.source) {
            errors.push(PackError {
                file: r.source.clone(),
                line: 1,
                column: 1,
                message: format!("duplicate rule id '{}' (also in {other})", r.meta.id),
            });
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// Which rules run: the default-on ones, the packs of the selected source languages, then
/// `enable` and `disable` (rule ids or categories) in that order.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub source_langs: Vec<String>,
    pub enable: Vec<String>,
    pub disable: Vec<String>,
    /// Every rule, whatever its scope (for `rules list` and `rules test`).
    pub all: bool,
}

/// A pack rule behind a shared pointer, so one compiled rule serves every linter.
struct Shared(Arc<PackRule>);

impl Detector for Shared {
    fn meta(&self) -> &RuleMeta {
        self.0.meta()
    }
    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        self.0.check(v, out)
    }
    fn source(&self) -> Option<&str> {
        Some(&self.0.source)
    }
}

/// Whether an embedded pack has a rule that is on by default (`default = true`).
fn embedded_default_on() -> bool {
    EMBEDDED.iter().any(|(_, text)| {
        text.lines().any(|l| {
            l.trim_start().starts_with("default")
                && l.chars()
                    .filter(|c| !c.is_whitespace())
                    .eq("default=true".chars())
        })
    })
}

/// Whether a selection can switch on an embedded pack rule. When it cannot (the common case: no
/// `--source-lang`, no `--enable`, no default-on pack rule), the packs are not compiled at all,
/// which keeps start-up short.
pub fn selects_pack_rules(sel: &Selection) -> bool {
    sel.all || !sel.source_langs.is_empty() || !sel.enable.is_empty() || embedded_default_on()
}

/// The detectors a selection runs: built-ins, embedded packs, and `extra` packs (which replace
/// rules of the same id).
pub fn detectors(
    extra: &[Arc<PackRule>],
    sel: &Selection,
) -> Result<Vec<Box<dyn Detector>>, Vec<PackError>> {
    if extra.is_empty() && !selects_pack_rules(sel) {
        let disabled = |m: &RuleMeta| {
            sel.disable
                .iter()
                .any(|n| n == m.id || n == m.category.as_str())
        };
        return Ok(builtin()
            .into_iter()
            .filter(|d| !disabled(d.meta()))
            .collect());
    }
    let mut packs: Vec<Arc<PackRule>> = embedded().map_err(<[PackError]>::to_vec)?.to_vec();
    for r in extra {
        match packs.iter().position(|p| p.meta.id == r.meta.id) {
            Some(i) => packs[i] = r.clone(),
            None => packs.push(r.clone()),
        }
    }
    let named = |names: &[String], m: &RuleMeta| {
        names.iter().any(|n| n == m.id || n == m.category.as_str())
    };
    let mut out: Vec<Box<dyn Detector>> = Vec::new();
    for d in builtin() {
        if sel.all || !named(&sel.disable, d.meta()) {
            // A pack rule of the same id replaces the built-in.
            if !extra.iter().any(|r| r.meta.id == d.meta().id) {
                out.push(d);
            }
        }
    }
    for r in packs {
        let on = sel.all
            || ((r.default_on
                || r.source_lang.iter().any(|l| sel.source_langs.contains(l))
                || named(&sel.enable, &r.meta))
                && !named(&sel.disable, &r.meta));
        if on {
            out.push(Box::new(Shared(r)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("ab", 0), (1, 1));
    }

    #[test]
    fn the_shortcut_without_pack_rules_selects_what_the_packs_would() {
        let ids = |sel: &Selection, extra: &[Arc<PackRule>]| -> Vec<&'static str> {
            detectors(extra, sel)
                .unwrap()
                .iter()
                .map(|d| d.meta().id)
                .collect()
        };
        for disable in [vec![], vec!["word-order".to_string()]] {
            let sel = Selection {
                disable,
                ..Default::default()
            };
            assert!(!selects_pack_rules(&sel));
            // A dummy extra rule forces the full path; it is then left out of the comparison.
            let extra = load_pack(
                "x.toml",
                "[[rule]]\nid = \"x-dummy\"\ncategory = \"calque\"\nseverity = \"minor\"\nmessage = \"m\"\ndescription = \"d\"\npattern = [\"zzz\"]\n",
            )
            .unwrap()
            .into_iter()
            .map(Arc::new)
            .collect::<Vec<_>>();
            let mut full = ids(&sel, &extra);
            full.retain(|id| *id != "x-dummy");
            assert_eq!(ids(&sel, &[]), full);
        }
    }

    #[test]
    fn every_embedded_regex_compiles() {
        let value = regex::Regex::new(r#"regex = "((?:[^"\\]|\\.)*)""#).unwrap();
        let mut n = 0;
        for (file, text) in EMBEDDED {
            for c in value.captures_iter(text) {
                let r = c[1].replace("\\\\", "\\");
                n += 1;
                assert!(
                    regex::Regex::new(&format!("^(?i:{r})$")).is_ok(),
                    "{file}: {r}"
                );
            }
        }
        assert!(n > 10, "found {n} regexes");
    }

    #[test]
    fn embedded_packs_load() {
        if let Err(e) = embedded() {
            let lines: Vec<String> = e.iter().map(ToString::to_string).collect();
            panic!("{}", lines.join("\n"));
        }
    }
}
