//! XLIFF 1.2 and 2.x: every translated segment becomes a record whose text is the target
//! segment's plain text and whose source is the source segment's plain text.
//!
//! Plain text: character data with entities resolved; inline markup that wraps text (`<g>`,
//! `<pc>`, `<mrk>`) keeps its text, empty placeholders (`<x/>`, `<bx/>`, `<ex/>`, `<ph/>`,
//! `<sm/>`, `<em/>`, `<sc/>`, `<ec/>`) leave nothing, and the native code inside 1.2's `<ph>`,
//! `<bpt>`, `<ept>` and `<it>` is not text. So inline markup never splits a sentence, and
//! offsets of findings are byte offsets into that plain text. The record's line and column are
//! those of the first character of the target segment in the file.

use super::line_column;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One translated segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// `unit` for a 1.2 `<trans-unit>`; `unit/segment` for a 2.x `<segment>` (the segment's
    /// 1-based position in its unit when it has no id) and for a 1.2 `<mrk mtype="seg">`.
    pub id: String,
    /// 1-based line and column (in characters) where the target text starts.
    pub line: usize,
    pub column: usize,
    /// Byte offset in the file where the target text starts.
    pub offset: usize,
    pub source: Option<String>,
    pub target: String,
}

/// Why a file could not be read as XLIFF, with the position of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for XliffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Elements whose content is native code, not text (XLIFF 1.2).
const CODE_CONTENT: &[&str] = &["ph", "bpt", "ept", "it"];

/// Text being collected for a `<source>`, `<target>` or `<seg-source>`.
#[derive(Default)]
struct Capture {
    /// Which element: "source", "target" or "seg-source".
    kind: &'static str,
    /// Element depth at which the capture started.
    depth: usize,
    text: String,
    /// Byte position where the text starts.
    pos: usize,
    /// Open `<mrk mtype="seg">` inside it: (mid, depth, text, pos).
    mrk: Option<(String, usize, String, usize)>,
    /// Closed `<mrk mtype="seg">` segments: (mid, text, pos).
    marks: Vec<(String, String, usize)>,
    /// Depth of an element whose content is code, while inside one.
    code_depth: Option<usize>,
}

impl Capture {
    fn push(&mut self, s: &str) {
        if self.code_depth.is_some() {
            return;
        }
        self.text.push_str(s);
        if let Some(m) = &mut self.mrk {
            m.2.push_str(s);
        }
    }
}

#[derive(Default)]
struct Unit {
    id: String,
    source: Option<(String, usize)>,
    target: Option<(String, usize)>,
    seg_source: Vec<(String, String, usize)>,
    target_marks: Vec<(String, String, usize)>,
}

/// Reads the translated segments of an XLIFF document, in document order. Segments without a
/// target (or with an empty one) and 1.2 units marked `translate="no"` are left out.
pub fn parse(text: &str) -> Result<Vec<Segment>, XliffError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    let mut p = Parser {
        text,
        ..Parser::default()
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                return Err(error_at(
                    text,
                    reader.error_position() as usize,
                    e.to_string(),
                ));
            }
        };
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                p.start(e, matches!(event, Event::Empty(_)), before, after)?;
            }
            Event::End(_) => p.end(before)?,
            Event::Text(t) => {
                if let Some(c) = &mut p.capture {
                    c.push(&t.xml10_content());
                } else if p.stack.is_empty() && !t.trim().is_empty() {
                    return Err(error_at(
                        text,
                        before,
                        "text outside the root element".into(),
                    ));
                }
            }
            Event::CData(t) => {
                if let Some(c) = &mut p.capture {
                    c.push(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = resolve_reference(&r).map_err(|m| error_at(text, before, m))?;
                if let Some(c) = &mut p.capture {
                    c.push(&resolved);
                }
            }
            Event::Eof => return p.finish(),
            _ => {}
        }
    }
}

/// The error at byte `pos` of `text`, with its line and column.
fn error_at(text: &str, pos: usize, message: String) -> XliffError {
    let (line, column) = line_column(text, pos);
    XliffError {
        line,
        column,
        message,
    }
}

/// A character or entity reference's text; an unknown entity or a malformed reference is an
/// error.
fn resolve_reference(r: &quick_xml::events::BytesRef) -> Result<String, String> {
    match r.resolve_char_ref() {
        Ok(Some(ch)) => Ok(ch.to_string()),
        Ok(None) => match quick_xml::escape::resolve_xml_entity(r) {
            Some(s) => Ok(s.to_string()),
            None => Err(format!("unknown entity &{};", &**r)),
        },
        Err(e) => Err(e.to_string()),
    }
}

/// The state of reading one document: the open elements, the unit and segment being read, the
/// text being captured, and the segments read so far.
#[derive(Default)]
struct Parser<'t> {
    text: &'t str,
    stack: Vec<String>,
    seen_root: bool,
    out: Vec<Segment>,
    unit: Option<Unit>,
    units_seen: usize,
    skip_unit_depth: Option<usize>,
    segment: Option<(String, Unit)>,
    segments_in_unit: usize,
    capture: Option<Capture>,
}

impl Parser<'_> {
    /// An opening (or empty) element: the root is checked, inline markup inside a captured text
    /// is followed, and units, segments and their texts are opened.
    fn start(
        &mut self,
        e: &BytesStart,
        empty: bool,
        before: usize,
        after: usize,
    ) -> Result<(), XliffError> {
        let name = e.local_name().as_ref().to_string();
        if !self.seen_root {
            if name != "xliff" {
                return Err(error_at(
                    self.text,
                    before,
                    format!("not an XLIFF document: the root element is <{name}>"),
                ));
            }
            self.seen_root = true;
        }
        let depth = self.stack.len();
        if let Some(c) = &mut self.capture {
            inline_start(c, e, &name, empty, depth, after);
        } else if self.skip_unit_depth.is_none() {
            self.open_structure(e, &name, empty, depth, after);
        }
        if !empty {
            self.stack.push(name);
        } else {
            // An empty element opens and closes at once.
            self.end_element(&name, depth);
        }
        Ok(())
    }

    /// Opens a unit, a segment, or the capture of a source or target text.
    fn open_structure(
        &mut self,
        e: &BytesStart,
        name: &str,
        empty: bool,
        depth: usize,
        after: usize,
    ) {
        let parent = self.stack.last().map(String::as_str).unwrap_or("");
        match name {
            "trans-unit" | "unit" => {
                self.units_seen += 1;
                self.segments_in_unit = 0;
                if name == "trans-unit" && attr(e, "translate").as_deref() == Some("no") {
                    self.skip_unit_depth = Some(depth);
                }
                self.unit = Some(Unit {
                    id: attr(e, "id").unwrap_or_else(|| format!("#{}", self.units_seen)),
                    ..Unit::default()
                });
            }
            "segment" if parent == "unit" => {
                self.segments_in_unit += 1;
                let id = attr(e, "id").unwrap_or_else(|| self.segments_in_unit.to_string());
                self.segment = Some((id, Unit::default()));
            }
            "source" | "target" | "seg-source"
                if !empty && (parent == "trans-unit" || parent == "segment") =>
            {
                self.capture = Some(Capture {
                    kind: match name {
                        "source" => "source",
                        "target" => "target",
                        _ => "seg-source",
                    },
                    depth,
                    pos: after,
                    ..Capture::default()
                });
            }
            _ => {}
        }
    }

    /// A closing tag: ends code content or a `<mrk>` segment inside a captured text, stores a
    /// captured text in its unit or segment, or closes a unit or segment.
    fn end(&mut self, before: usize) -> Result<(), XliffError> {
        let Some(name) = self.stack.pop() else {
            return Err(error_at(
                self.text,
                before,
                "closing tag without an opening tag".into(),
            ));
        };
        let depth = self.stack.len();
        let Some(c) = &mut self.capture else {
            self.end_element(&name, depth);
            return Ok(());
        };
        if c.code_depth == Some(depth) {
            c.code_depth = None;
        } else if c.mrk.as_ref().is_some_and(|m| m.1 == depth) {
            let (mid, _, t, pos) = c.mrk.take().unwrap_or_default();
            c.marks.push((mid, t, pos));
        } else if c.depth == depth {
            let c = self.capture.take().unwrap_or_default();
            self.store_capture(c);
        }
        Ok(())
    }

    /// Stores a captured source or target text in the segment being read, or else the unit.
    fn store_capture(&mut self, c: Capture) {
        let target = match (&mut self.segment, &mut self.unit) {
            (Some((_, s)), _) => Some(s),
            (None, Some(u)) => Some(u),
            _ => None,
        };
        if let Some(u) = target {
            match c.kind {
                "source" => u.source = Some((c.text, c.pos)),
                "target" => {
                    u.target = Some((c.text, c.pos));
                    u.target_marks = c.marks;
                }
                _ => u.seg_source = c.marks,
            }
        }
    }

    fn end_element(&mut self, name: &str, depth: usize) {
        end_element(
            name,
            depth,
            &mut self.unit,
            &mut self.segment,
            &mut self.out,
            &mut self.skip_unit_depth,
            self.text,
        );
    }

    /// The end of the file: every element must be closed, and there must have been a root.
    fn finish(self) -> Result<Vec<Segment>, XliffError> {
        if let Some(open) = self.stack.last() {
            return Err(error_at(
                self.text,
                self.text.len(),
                format!("unexpected end of file: <{open}> is not closed"),
            ));
        }
        if !self.seen_root {
            return Err(error_at(
                self.text,
                0,
                "not an XLIFF document: no root element".into(),
            ));
        }
        Ok(self.out)
    }
}

/// An element opening inside a captured text: code content (1.2's `<ph>`, `<bpt>`, `<ept>`,
/// `<it>`) starts, a 2.x code point (`<cp hex="0007"/>`) adds its character, and a
/// `<mrk mtype="seg">` opens a segment of the text.
fn inline_start(
    c: &mut Capture,
    e: &BytesStart,
    name: &str,
    empty: bool,
    depth: usize,
    after: usize,
) {
    if c.code_depth.is_none() && CODE_CONTENT.contains(&name) && !empty {
        c.code_depth = Some(depth);
    } else if c.code_depth.is_none() && name == "cp" {
        let ch = attr(e, "hex")
            .and_then(|h| u32::from_str_radix(&h, 16).ok())
            .and_then(char::from_u32);
        if let Some(ch) = ch {
            c.push(ch.encode_utf8(&mut [0; 4]));
        }
    } else if c.code_depth.is_none()
        && name == "mrk"
        && !empty
        && attr(e, "mtype").as_deref() == Some("seg")
        && c.mrk.is_none()
    {
        let mid = attr(e, "mid").unwrap_or_else(|| (c.marks.len() + 1).to_string());
        c.mrk = Some((mid, depth, String::new(), after));
    }
}

/// Closes a unit or segment: its translated segments become records.
fn end_element(
    name: &str,
    depth: usize,
    unit: &mut Option<Unit>,
    segment: &mut Option<(String, Unit)>,
    out: &mut Vec<Segment>,
    skip_unit_depth: &mut Option<usize>,
    text: &str,
) {
    match name {
        "segment" if segment.is_some() => {
            let (seg_id, s) = segment.take().unwrap_or_default();
            let unit_id = unit.as_ref().map(|u| u.id.as_str()).unwrap_or("");
            push_segment(out, format!("{unit_id}/{seg_id}"), s.source, s.target, text);
        }
        "trans-unit" | "unit" => {
            let skipped = skip_unit_depth.take_if(|d| *d == depth).is_some();
            let Some(u) = unit.take() else { return };
            if skipped || name == "unit" {
                return;
            }
            if u.target_marks.is_empty() {
                push_segment(out, u.id, u.source, u.target, text);
            } else {
                for (mid, target, pos) in u.target_marks {
                    let source = u
                        .seg_source
                        .iter()
                        .find(|m| m.0 == mid)
                        .map(|m| (m.1.clone(), m.2));
                    push_segment(
                        out,
                        format!("{}/{mid}", u.id),
                        source,
                        Some((target, pos)),
                        text,
                    );
                }
            }
        }
        _ => {}
    }
}

fn push_segment(
    out: &mut Vec<Segment>,
    id: String,
    source: Option<(String, usize)>,
    target: Option<(String, usize)>,
    text: &str,
) {
    let Some((target, pos)) = target else { return };
    if target.trim().is_empty() {
        return;
    }
    let (line, column) = line_column(text, pos);
    out.push(Segment {
        id,
        line,
        column,
        offset: pos,
        source: source.map(|s| s.0),
        target,
    });
}

/// An attribute's value with entities resolved, or None when missing or malformed.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff12_inline_markup_keeps_text() {
        let doc = r#"<?xml version="1.0"?>
<xliff version="1.2"><file source-language="nl" target-language="en"><body>
<trans-unit id="t1"><source>Hij <g id="1">is</g> thuis.</source>
<target>He <g id="1">at home</g> is<x id="2"/>. Caf&#233; &amp; bar<ph id="3">&lt;br/&gt;</ph>!</target></trans-unit>
<trans-unit id="t2"><source>Leeg</source></trans-unit>
<trans-unit id="t3" translate="no"><source>X</source><target>Y</target></trans-unit>
</body></file></xliff>"#;
        let segs = parse(doc).unwrap();
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].id, "t1");
        assert_eq!(segs[0].target, "He at home is. Café & bar!");
        assert_eq!(segs[0].source.as_deref(), Some("Hij is thuis."));
        assert_eq!((segs[0].line, segs[0].column), (4, 9));
    }

    #[test]
    fn xliff12_seg_mrk() {
        let doc = r#"<xliff version="1.2"><file><body><trans-unit id="u">
<source>A. B.</source>
<seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Aa.</mrk> <mrk mtype="seg" mid="2">Bb.</mrk></target>
</trans-unit></body></file></xliff>"#;
        let segs = parse(doc).unwrap();
        let got: Vec<_> = segs
            .iter()
            .map(|s| (s.id.as_str(), s.source.as_deref(), s.target.as_str()))
            .collect();
        assert_eq!(
            got,
            [("u/1", Some("A."), "Aa."), ("u/2", Some("B."), "Bb.")]
        );
        assert_eq!((segs[0].line, segs[0].column), (4, 34));
        assert_eq!((segs[1].line, segs[1].column), (4, 69));
    }

    #[test]
    fn xliff2_segments() {
        let doc = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
<file id="f"><unit id="u1"><segment id="s1"><source>Eins.</source><target>One <pc id="1">bold</pc><ph id="2"/>.</target></segment>
<ignorable><source> </source><target> </target></ignorable>
<segment><source>Zwei.</source><target>Two.</target></segment></unit></file></xliff>"#;
        let segs = parse(doc).unwrap();
        let got: Vec<_> = segs
            .iter()
            .map(|s| (s.id.as_str(), s.target.as_str()))
            .collect();
        assert_eq!(got, [("u1/s1", "One bold."), ("u1/2", "Two.")]);
    }

    #[test]
    fn malformed_names_line_and_column() {
        let doc = "<xliff version=\"1.2\">\n<file>\n  <body></file>\n</xliff>";
        let err = parse(doc).unwrap_err();
        assert_eq!((err.line, err.column), (3, 9), "{err}");
        let err = parse("<xliff><file>").unwrap_err();
        assert!(err.message.contains("not closed"), "{err}");
        let err = parse("<html/>").unwrap_err();
        assert!(err.message.contains("not an XLIFF"), "{err}");
    }
}
