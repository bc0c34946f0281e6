//! Read stage: bytes from files, directories or standard input into text, with clear errors.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// What went wrong with one input. The display form names the input and the problem.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: invalid UTF-8 at byte offset {offset} (line {line})")]
    InvalidUtf8 {
        path: String,
        offset: usize,
        line: usize,
    },
    #[error("{path}: binary file (NUL byte at byte offset {offset}), not text")]
    Binary { path: String, offset: usize },
    #[error("{path}: cannot walk the directory: {message}")]
    Walk { path: String, message: String },
}

/// How directories are walked, as ripgrep walks them: hidden files and directories are left
/// out, and so is what `.gitignore`, `.ignore` and `.git/info/exclude` files exclude (also
/// outside a git repository); symbolic links are not followed. Files named on the command line
/// are always read.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Walk hidden files and directories too (`--hidden`).
    pub hidden: bool,
    /// Ignore the ignore files (`--no-ignore`).
    pub no_ignore: bool,
}

/// Where an input came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Stdin,
    File(PathBuf),
}

impl Origin {
    pub fn display_name(&self) -> String {
        match self {
            Origin::Stdin => "-".to_string(),
            Origin::File(p) => p.display().to_string(),
        }
    }

    pub fn extension(&self) -> Option<String> {
        match self {
            Origin::Stdin => None,
            Origin::File(p) => p
                .extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase()),
        }
    }
}

/// File extensions picked up when walking a directory: texts and XLIFF. JSONL and TSV files are
/// checked when named, not when found in a directory (they are often data of other kinds).
pub const WALKED_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "xlf", "xliff"];

/// Expands the command-line paths into inputs: files as given, directories walked recursively in
/// sorted order, `-` (or nothing) as standard input. A path that does not exist becomes an error in
/// its place, so the others are still checked.
pub fn expand_paths(paths: &[String], walk: WalkOptions) -> Vec<Result<Origin, InputError>> {
    if paths.is_empty() {
        return vec![Ok(Origin::Stdin)];
    }
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(Origin::Stdin));
            continue;
        }
        let path = Path::new(p);
        match fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                out.push(Err(InputError::Missing { path: p.clone() }))
            }
            Err(e) => out.push(Err(InputError::Io {
                path: p.clone(),
                source: e,
            })),
            Ok(meta) if meta.is_dir() => walk_dir(path, walk, &mut out),
            Ok(_) => out.push(Ok(Origin::File(path.to_path_buf()))),
        }
    }
    out
}

fn walk_dir(dir: &Path, walk: WalkOptions, out: &mut Vec<Result<Origin, InputError>>) {
    let obey = !walk.no_ignore;
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(!walk.hidden)
        .ignore(obey)
        .git_ignore(obey)
        .git_exclude(obey)
        .git_global(false)
        .parents(obey)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let path = e.path();
                if e.file_type().is_some_and(|t| t.is_file())
                    && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        WALKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                    })
                {
                    out.push(Ok(Origin::File(e.into_path())));
                }
            }
            Err(e) => out.push(Err(InputError::Walk {
                path: dir.display().to_string(),
                message: e.to_string(),
            })),
        }
    }
}

/// Reads the raw bytes of an input.
pub fn read_bytes(origin: &Origin) -> Result<Vec<u8>, InputError> {
    match origin {
        Origin::Stdin => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::Io {
                    path: "-".into(),
                    source: e,
                })?;
            Ok(buf)
        }
        Origin::File(p) => fs::read(p).map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                InputError::Missing {
                    path: p.display().to_string(),
                }
            } else {
                InputError::Io {
                    path: p.display().to_string(),
                    source: e,
                }
            }
        }),
    }
}

/// Text decoded from an input, with the length of the byte-order mark that was stripped so that
/// offsets can still be reported against the bytes as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub bom_len: usize,
}

/// Decodes bytes as UTF-8 text: strips a leading byte-order mark, rejects binary data and invalid
/// UTF-8 with the byte offset (into the bytes as given) where the problem is.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Decoded, InputError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    if let Some(pos) = bytes[skip..].iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: name.to_string(),
            offset: skip + pos,
        });
    }
    let mut bytes = bytes;
    if skip > 0 {
        bytes.drain(..skip);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        InputError::InvalidUtf8 {
            path: name.to_string(),
            offset: offset + skip,
            line,
        }
    })?;
    Ok(Decoded {
        text,
        bom_len: skip,
    })
}

/// Reads and decodes one input.
pub fn read_text(origin: &Origin) -> Result<Decoded, InputError> {
    let bytes = read_bytes(origin)?;
    decode(&origin.display_name(), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom() {
        let text = decode("x", b"\xEF\xBB\xBFHello".to_vec()).unwrap();
        assert_eq!(text.text, "Hello");
        assert_eq!(text.bom_len, 3);
    }

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let err = decode("a.txt", b"ok\nbad \xFF here".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: invalid UTF-8 at byte offset 7 (line 2)"
        );
    }

    #[test]
    fn binary_is_rejected() {
        let err = decode("b.bin", b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(err.to_string().contains("binary file"));
    }
}
