//! Delimited text as analytics exports and spreadsheets write it, and as people paste it: the
//! delimiter found by looking (tab, semicolon, comma or bar), double quotes grouping a cell,
//! and each row's line number kept. Files and the paste box read text the same way.

use crate::figures::table::{Cell, SourceRow, SourceTable};

const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

/// The delimiter as the preview names it.
pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b'\t' => "tabs",
        b';' => "semicolons",
        b'|' => "vertical bars",
        _ => "commas",
    }
}

/// Counts a delimiter on a line outside double quotes.
fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            n += 1;
        }
    }
    n
}

/// The delimiter whose count is the same on most of the first lines (and not zero); ties go
/// to the earlier of tab, semicolon, comma, bar — a semicolon file's decimal commas must not
/// make it look comma-separated.
pub fn sniff(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for d in DELIMITERS {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let Some(&first) = counts.iter().find(|c| **c > 0) else {
            continue;
        };
        let steady = counts.iter().filter(|c| **c == first).count();
        if steady > best.1 {
            best = (d, steady);
        }
    }
    best.0
}

/// Reads delimited text (a file's or a pasted block's) into a table.
pub fn table_from_text(text: &str) -> SourceTable {
    SourceTable::from_rows(rows(text, sniff(text), usize::MAX).0)
}

/// The rows of `text` split at `delimiter`, each with its line; at most `max_rows`, and
/// whether there were more.
pub fn rows(text: &str, delimiter: u8, max_rows: usize) -> (Vec<SourceRow>, bool) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted here: the reader dates a record from where it started reading, which
    // is the blank line or line ending before it.
    let (mut counted_to, mut line) = (0usize, 1u32);
    // The text is UTF-8 already, so the reader has nothing to refuse; were it to, the rows
    // before are kept.
    while let Ok(true) = reader.read_record(&mut record) {
        if rows.len() >= max_rows {
            return (rows, true);
        }
        let mut start = record
            .position()
            .map_or(counted_to, |p| {
                usize::try_from(p.byte()).unwrap_or(usize::MAX)
            })
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        if start >= counted_to {
            let newlines = bytes[counted_to..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            counted_to = start;
        }
        rows.push(SourceRow {
            line,
            cells: record.iter().map(Cell::from_text).collect(),
        });
    }
    (rows, false)
}
