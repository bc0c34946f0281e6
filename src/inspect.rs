//! The `tag` command's output: how mtlint analysed each sentence (tokens, tags, chunks), for
//! linguists debugging a rule.

use crate::chunk::ChunkKind;
use crate::pipeline::Document;
use crate::tag::{TagScratch, Tagger};
use serde_json::json;
use std::fmt::Write as _;

/// Output formats of `tag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TagFormat {
    Text,
    Json,
    Conllu,
}

/// Tags pre-tokenized text: one sentence a line, tokens separated by single spaces; every line
/// comes back with `/TAG` after each token, an empty line as an empty line.
pub fn tag_pretokenized(tagger: &Tagger, text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut scratch = TagScratch::default();
    let mut tags = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        tagger.tag_into(&words, &mut scratch, &mut tags);
        for (i, (w, t)) in words.iter().zip(&tags).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let _ = write!(out, "{w}/{t}");
        }
        out.push('\n');
    }
    out
}

fn chunk_label(kind: ChunkKind) -> &'static str {
    match kind {
        ChunkKind::NP => "NP",
        ChunkKind::VG => "VG",
        ChunkKind::PP => "PP",
    }
}

/// Renders the analysis of a document.
pub fn render(doc: &Document, format: TagFormat) -> String {
    let text = doc.text();
    let mut out = String::new();
    match format {
        TagFormat::Text => {
            for s in &doc.sentences {
                let words: Vec<&str> = s.tokens.iter().map(|t| t.text(text)).collect();
                let _ = writeln!(
                    out,
                    "# {:?} {}",
                    s.segment.kind,
                    &text[s.segment.start..s.segment.end]
                );
                let tagged: Vec<String> = words
                    .iter()
                    .zip(&s.tags)
                    .map(|(w, t)| format!("{w}/{t}"))
                    .collect();
                let _ = writeln!(out, "{}", tagged.join(" "));
                let chunks: Vec<String> = s
                    .chunks
                    .iter()
                    .map(|c| {
                        format!(
                            "[{} {}]",
                            chunk_label(c.kind),
                            words[c.start..c.end].join(" ")
                        )
                    })
                    .collect();
                let _ = writeln!(out, "{}\n", chunks.join(" "));
            }
        }
        TagFormat::Json => {
            let sentences: Vec<_> = doc
                .sentences
                .iter()
                .map(|s| {
                    let tokens: Vec<_> = s
                        .tokens
                        .iter()
                        .zip(&s.tags)
                        .map(|(t, tag)| {
                            let (start, end) = doc.original_span(t.start, t.end);
                            json!({
                                "text": t.text(text), "tag": tag, "upos": tag.upos(),
                                "start": start + doc.base_offset, "end": end + doc.base_offset,
                            })
                        })
                        .collect();
                    let chunks: Vec<_> = s
                        .chunks
                        .iter()
                        .map(|c| json!({"kind": chunk_label(c.kind), "start": c.start, "end": c.end}))
                        .collect();
                    json!({
                        "kind": s.segment.kind,
                        "text": &text[s.segment.start..s.segment.end],
                        "tokens": tokens,
                        "chunks": chunks,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&sentences).unwrap_or_default();
            out.push('\n');
        }
        TagFormat::Conllu => {
            for (n, s) in doc.sentences.iter().enumerate() {
                let _ = writeln!(out, "# sent_id = {}", n + 1);
                let _ = writeln!(
                    out,
                    "# text = {}",
                    &text[s.segment.start..s.segment.end].replace('\n', " ")
                );
                for (i, (t, tag)) in s.tokens.iter().zip(&s.tags).enumerate() {
                    let chunk = s
                        .chunks
                        .iter()
                        .find(|c| c.start <= i && i < c.end)
                        .map(|c| {
                            let bio = if c.start == i { "B" } else { "I" };
                            format!("Chunk={bio}-{}", chunk_label(c.kind))
                        })
                        .unwrap_or_else(|| "_".into());
                    let _ = writeln!(
                        out,
                        "{}\t{}\t_\t{}\t{}\t_\t_\t_\t_\t{}",
                        i + 1,
                        t.text(text),
                        tag.upos(),
                        tag,
                        chunk
                    );
                }
                out.push('\n');
            }
        }
    }
    out
}
