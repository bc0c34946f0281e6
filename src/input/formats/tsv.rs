//! Bilingual TSV: `source<TAB>target` per line, or a header row naming the columns (`source`,
//! `target`, optional `id`; other columns are ignored). Fields are taken literally (no quoting).
//! Each line is a record: its id is the `id` column, or the line number when there is none;
//! offsets of findings are byte offsets into the target field.

use crate::input::{Record, RecordError};
use serde_json::Value;

/// Where the fields are on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub source: usize,
    pub target: usize,
    pub id: Option<usize>,
    pub count: usize,
}

impl Columns {
    /// No header: `source<TAB>target`.
    pub const POSITIONAL: Columns = Columns {
        source: 0,
        target: 1,
        id: None,
        count: 2,
    };

    /// The columns a header row names, or None when the line is not a header (it has no
    /// `source` and `target` columns).
    pub fn from_header(line: &str) -> Option<Columns> {
        let names: Vec<String> = line
            .split('\t')
            .map(|c| c.trim().to_ascii_lowercase())
            .collect();
        let find = |n: &str| names.iter().position(|c| c == n);
        Some(Columns {
            source: find("source")?,
            target: find("target")?,
            id: find("id"),
            count: names.len(),
        })
    }
}

/// Reads one line (without its line end) as a record.
pub fn parse_line(columns: &Columns, line_no: usize, line: &str) -> Result<Record, RecordError> {
    let fields: Vec<&str> = line.split('\t').collect();
    let id = columns
        .id
        .and_then(|i| fields.get(i))
        .map(|s| Value::from(*s))
        .unwrap_or_else(|| Value::from(line_no));
    if fields.len() != columns.count {
        return Err(RecordError {
            id: Some(id),
            line: line_no,
            message: format!(
                "line {line_no}: {} column{}, expected {} separated by tabs",
                fields.len(),
                if fields.len() == 1 { "" } else { "s" },
                columns.count
            ),
        });
    }
    Ok(Record {
        id: Some(id),
        line: Some(line_no),
        text: fields[columns.target].to_string(),
        base_offset: 0,
        source: Some(fields[columns.source].to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_columns_in_any_order() {
        let c = Columns::from_header("ID\ttarget\tnote\tsource").unwrap();
        assert_eq!((c.source, c.target, c.id, c.count), (3, 1, Some(0), 4));
        assert_eq!(Columns::from_header("Hallo\tHello"), None);
        let r = parse_line(&c, 2, "a7\tHe is home.\tx\tHij is thuis.").unwrap();
        assert_eq!(r.id, Some(Value::from("a7")));
        assert_eq!(r.text, "He is home.");
        assert_eq!(r.source.as_deref(), Some("Hij is thuis."));
    }

    #[test]
    fn wrong_column_count_is_an_error_for_the_line() {
        let e = parse_line(&Columns::POSITIONAL, 5, "only one").unwrap_err();
        assert_eq!(e.line, 5);
        assert_eq!(e.id, Some(Value::from(5)));
        assert!(e.message.contains("1 column, expected 2"), "{}", e.message);
        let r = parse_line(&Columns::POSITIONAL, 6, "Bron\tTarget.").unwrap();
        assert_eq!(r.id, Some(Value::from(6)));
    }
}
