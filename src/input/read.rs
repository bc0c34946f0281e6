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
    #[error("{path}: not valid {encoding} text")]
    Encoding { path: String, encoding: String },
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
///
/// Two other encodings are read, both to UTF-8: UTF-16 with a byte-order mark, and, for bytes
/// that are not UTF-8, the encoding an XML declaration names (`<?xml version="1.0"
/// encoding="ISO-8859-1"?>`). Offsets into such a text are offsets into its UTF-8 form.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Decoded, InputError> {
    if let Some(text) = decode_other(name, &bytes)? {
        return Ok(Decoded { text, bom_len: 0 });
    }
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

/// The text of a UTF-16 input with a byte-order mark, or of an XML input whose declaration names
/// an encoding other than UTF-8; `None` for anything else (read as UTF-8).
fn decode_other(name: &str, bytes: &[u8]) -> Result<Option<String>, InputError> {
    let (encoding, body) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (encoding_rs::UTF_16LE, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (encoding_rs::UTF_16BE, rest)
    } else {
        // Text that is UTF-8 is read as UTF-8 whatever it declares: only bytes that are not
        // are decoded as their XML declaration says.
        match xml_declared_encoding(bytes) {
            Some(e) if e != encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_err() => (e, bytes),
            _ => return Ok(None),
        }
    };
    let err = || InputError::Encoding {
        path: name.to_string(),
        encoding: encoding.name().to_string(),
    };
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(err)?;
    if let Some(pos) = text.find('\0') {
        return Err(InputError::Binary {
            path: name.to_string(),
            offset: pos,
        });
    }
    Ok(Some(text.into_owned()))
}

/// The encoding an XML declaration at the start of the bytes names, if it names one
/// encoding_rs knows.
fn xml_declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &head[..head.len().min(200)];
    let head = std::str::from_utf8(head)
        .or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
        .ok()?;
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let label = &rest[1..][..rest[1..].find(quote)?];
    encoding_rs::Encoding::for_label(label.as_bytes())
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

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Zoë said “yes”.\n".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode("x", le).unwrap().text, "Zoë said “yes”.\n");
        assert_eq!(decode("x", be).unwrap().text, "Zoë said “yes”.\n");
        // A lone surrogate is no UTF-16 text.
        let err = decode("x.txt", vec![0xFF, 0xFE, 0x00, 0xD8]).unwrap_err();
        assert_eq!(err.to_string(), "x.txt: not valid UTF-16LE text");
    }

    #[test]
    fn an_xml_declaration_names_the_encoding() {
        let mut bytes = b"<?xml version='1.0' encoding=\"ISO-8859-1\"?>\n<x>caf".to_vec();
        bytes.extend([0xE9, b'<', b'/', b'x', b'>']);
        assert_eq!(
            decode("a.xlf", bytes).unwrap().text,
            "<?xml version='1.0' encoding=\"ISO-8859-1\"?>\n<x>café</x>"
        );
        // Declared UTF-8 (or nothing) stays strict UTF-8, with the offset of the problem.
        let bad = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><x>\xE9</x>".to_vec();
        assert!(matches!(
            decode("b.xlf", bad),
            Err(InputError::InvalidUtf8 { .. })
        ));
    }

    #[test]
    fn utf8_text_stays_utf8_whatever_it_declares() {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<x>café</x>";
        assert_eq!(decode("a.md", text.as_bytes().to_vec()).unwrap().text, text);
    }
}
