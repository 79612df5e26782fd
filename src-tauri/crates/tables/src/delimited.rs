//! Delimited text: the encoding, the delimiter and the quoting found by looking at the file.

use std::borrow::Cow;

use groundwork_core::figures::table::{Cell, SourceRow, SourceTable};

use crate::{too_many_rows, ReadTable, TableError, MAX_ROWS};

/// The text of a file and the name of its encoding. A byte order mark says UTF-8 or UTF-16;
/// without one, valid UTF-8 is UTF-8, text with every other byte zero is UTF-16, and anything
/// else is Windows-1252 (what spreadsheet programs on Windows write as "CSV").
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        let name = if encoding == encoding_rs::UTF_8 {
            "UTF-8"
        } else {
            "UTF-16"
        };
        return (text, name);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), "UTF-8");
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_at = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if half > 0 && zeros_at(1) * 10 >= half * 9 {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return (text, "UTF-16");
    }
    if half > 0 && zeros_at(0) * 10 >= half * 9 {
        let (text, _, _) = encoding_rs::UTF_16BE.decode(bytes);
        return (text, "UTF-16");
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    (text, "Windows-1252")
}

/// Whether decoded text is something other than text: control characters that no export
/// writes (NUL, and most of C0 apart from tab, line feed and carriage return).
fn is_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let odd = sample
        .iter()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || **c == '\u{fffd}'
        })
        .count();
    sample.contains(&'\0') || odd * 20 > sample.len()
}

const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

fn delimiter_name(d: u8) -> &'static str {
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
fn sniff(text: &str) -> u8 {
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
    parse(text, sniff(text), usize::MAX).map_or_else(|_| SourceTable::default(), |(t, _)| t)
}

fn parse(text: &str, delimiter: u8, max_rows: usize) -> Result<(SourceTable, bool), ()> {
    // The csv reader counts a CRLF record's line from its LF, one line early: read LF lines.
    let text: Cow<'_, str> = if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // A stray quote or invalid byte stops the file here; what came before is kept.
            Err(_) => return Err(()),
        }
        if rows.len() >= max_rows {
            return Ok((SourceTable::from_rows(rows), true));
        }
        let line = record
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        rows.push(SourceRow {
            line,
            cells: record.iter().map(Cell::from_text).collect(),
        });
    }
    Ok((SourceTable::from_rows(rows), false))
}

pub(crate) fn read(bytes: &[u8], name: &str) -> Result<ReadTable, TableError> {
    let (text, encoding) = decode(bytes);
    if is_binary(&text) {
        return Err(TableError::Unreadable(format!(
            "“{name}” is not a table Groundwork can read: it holds binary data, not text. Choose a CSV, TSV or spreadsheet (XLSX, XLS, ODS) file."
        )));
    }
    let delimiter = sniff(&text);
    // One header row more than the rows allowed.
    let (table, cut) = parse(&text, delimiter, MAX_ROWS + 1).map_err(|()| {
        TableError::Unreadable(format!(
            "“{name}” could not be read as a table: a quote is left open or a line is broken. Export it again from the tool it came from."
        ))
    })?;
    if cut {
        return Err(too_many_rows(name));
    }
    Ok(ReadTable {
        table,
        sheets: Vec::new(),
        sheet: None,
        format: format!(
            "{encoding} text, separated by {}",
            delimiter_name(delimiter)
        ),
    })
}
