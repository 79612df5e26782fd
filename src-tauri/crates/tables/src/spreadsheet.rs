//! Spreadsheets (XLSX, XLS, ODS) through calamine: a formula's last computed value is read,
//! a merged cell's value is in its top-left cell, dates stay dates.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chrono::NaiveDate;
use groundwork_core::figures::table::{Cell, SourceRow, SourceTable};

use crate::{too_many_rows, ReadTable, TableError, MAX_ROWS};

/// A ZIP (XLSX, ODS) or an OLE compound file (XLS).
pub(crate) fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::from_text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| Cell::Date(dt.date()))
            .unwrap_or_else(|| Cell::Number(d.as_f64())),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::from_text(s), Cell::Date),
        Data::DurationIso(s) => Cell::from_text(s),
    }
}

fn is_figure(data: &Data) -> bool {
    matches!(
        data,
        Data::Int(_) | Data::Float(_) | Data::DateTime(_) | Data::DateTimeIso(_)
    )
}

pub(crate) fn read(bytes: &[u8], name: &str, sheet: Option<&str>) -> Result<ReadTable, TableError> {
    let unreadable = || {
        TableError::Unreadable(format!(
            "“{name}” is not a spreadsheet Groundwork can read: it may be damaged, protected by a password, or another kind of file. Open it in a spreadsheet program and save it again as XLSX or CSV."
        ))
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let sheets = book.sheet_names();
    let chosen = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                TableError::Unreadable(format!(
                    "“{name}” has no sheet “{s}”. Its sheets are: {}.",
                    sheets.join(", ")
                ))
            })?,
        // The first sheet holding figures: report exports often open with a sheet of notes.
        None => sheets
            .iter()
            .find(|s| {
                book.worksheet_range(s)
                    .is_ok_and(|r| r.rows().skip(1).any(|row| row.iter().any(is_figure)))
            })
            .or(sheets.first())
            .cloned()
            .ok_or_else(unreadable)?,
    };
    let range = book.worksheet_range(&chosen).map_err(|_| unreadable())?;
    if range.height() > MAX_ROWS + 1 {
        return Err(too_many_rows(name));
    }
    let first_row = range.start().map_or(0, |(row, _)| row);
    let first_column = range.start().map_or(0, |(_, column)| column) as usize;
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            // Columns left of the used range are empty; keep them so the letters line up.
            let cells = std::iter::repeat_n(Cell::Empty, first_column)
                .chain(row.iter().map(cell))
                .collect();
            SourceRow {
                line: first_row + u32::try_from(i).unwrap_or(u32::MAX) + 1,
                cells,
            }
        })
        .collect();
    let kind = match book {
        calamine::Sheets::Xls(_) => "XLS",
        calamine::Sheets::Ods(_) => "ODS",
        _ => "XLSX",
    };
    Ok(ReadTable {
        table: SourceTable::from_rows(rows),
        sheets,
        sheet: Some(chosen.clone()),
        format: format!("{kind} spreadsheet, sheet “{chosen}”"),
    })
}
