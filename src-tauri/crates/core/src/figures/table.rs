//! A table as another tool wrote it: a header row (when there is one) and rows of cells with
//! the line each came from, so a problem can be reported where the strategist will find it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::figures::cells::{looks_like_date, looks_like_number};

/// One cell. Text files give text; spreadsheets also give numbers and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as a person reads it in the preview.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => crate::text::figure(*n),
            Cell::Date(d) => d.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// A text cell from a file: blank text is an empty cell.
    pub fn from_text(text: &str) -> Cell {
        let t = text.trim();
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_owned())
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SourceRow {
    /// 1-based: the line of a text file, the row number a spreadsheet shows.
    pub line: u32,
    pub cells: Vec<Cell>,
}

/// A table read from a file or a pasted block.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SourceTable {
    /// The column names; "Column 1", "Column 2"… when the file has no header row.
    pub headers: Vec<String>,
    /// Whether the first row was read as a header.
    pub has_header: bool,
    pub rows: Vec<SourceRow>,
}

impl SourceTable {
    /// Builds a table from rows as read, dropping blank rows. The header is the row of text
    /// just above the first row holding a number or a date; rows above it (a report's title,
    /// its date range) are dropped. A table whose first row holds figures has no header; one
    /// with no figures at all has its first row as the header.
    pub fn from_rows(rows: Vec<SourceRow>) -> SourceTable {
        let mut rows: Vec<SourceRow> = rows
            .into_iter()
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
            .collect();
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let is_data = |c: &Cell| match c {
            Cell::Number(_) | Cell::Date(_) => true,
            Cell::Text(t) => looks_like_number(t) || looks_like_date(t),
            Cell::Empty => false,
        };
        let first_data = rows
            .iter()
            .take(30)
            .position(|r| r.cells.iter().any(is_data));
        let header_at = match first_data {
            Some(0) => None,
            Some(k) => Some(k - 1),
            None if rows.is_empty() => None,
            None => Some(0),
        };
        let has_header = header_at.is_some();
        let mut headers: Vec<String> = Vec::with_capacity(width);
        if let Some(k) = header_at {
            let header = rows.remove(k);
            rows.drain(..k);
            headers = header
                .cells
                .iter()
                .map(|c| c.text().trim().to_owned())
                .collect();
        }
        headers.resize(width, String::new());
        for (i, h) in headers.iter_mut().enumerate() {
            if h.is_empty() {
                *h = format!("Column {}", i + 1);
            }
        }
        for row in &mut rows {
            row.cells.resize(width, Cell::Empty);
        }
        SourceTable {
            headers,
            has_header,
            rows,
        }
    }

    /// A table from rows of text, the first row on line 1: pasted rows, generated exports.
    pub fn from_text_rows<'a, R: AsRef<[&'a str]>>(rows: &[R]) -> SourceTable {
        SourceTable::from_rows(
            rows.iter()
                .zip(1u32..)
                .map(|(cells, line)| SourceRow {
                    line,
                    cells: cells.as_ref().iter().map(|c| Cell::from_text(c)).collect(),
                })
                .collect(),
        )
    }

    /// What identifies an export from the same source next month: its column names, folded
    /// to lower case. Empty for a table without a header (nothing to recognise it by).
    pub fn signature(&self) -> String {
        if !self.has_header {
            return String::new();
        }
        self.headers
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    pub fn cell(&self, row: &SourceRow, column: u32) -> Cell {
        row.cells
            .get(column as usize)
            .cloned()
            .unwrap_or(Cell::Empty)
    }

    /// The column's name, or a sentence-ready stand-in for a column that is not there.
    pub fn header(&self, column: u32) -> String {
        self.headers
            .get(column as usize)
            .cloned()
            .unwrap_or_else(|| format!("Column {}", column + 1))
    }
}
