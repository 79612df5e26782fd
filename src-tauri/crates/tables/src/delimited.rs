//! Delimited text: the encoding, the delimiter and the quoting found by looking at the file.

use std::borrow::Cow;

use groundwork_core::figures::delimited::{delimiter_name, rows, sniff};
use groundwork_core::figures::table::SourceTable;

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

pub(crate) fn read(bytes: &[u8], name: &str) -> Result<ReadTable, TableError> {
    let (text, encoding) = decode(bytes);
    if is_binary(&text) {
        return Err(TableError::Unreadable(format!(
            "“{name}” is not a table Groundwork can read: it holds binary data, not text. Choose a CSV, TSV or spreadsheet (XLSX, XLS, ODS) file."
        )));
    }
    let delimiter = sniff(&text);
    // One header row more than the rows allowed.
    let (rows, cut) = rows(&text, delimiter, MAX_ROWS + 1);
    if cut {
        return Err(too_many_rows(name));
    }
    let table = SourceTable::from_rows(rows);
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
