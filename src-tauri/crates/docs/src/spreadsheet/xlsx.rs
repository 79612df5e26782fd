//! Sheets as one XLSX workbook: a bold, frozen header row with a filter, the columns' widths,
//! and every cell of its own type: text as text (never a formula), numbers as numbers, dates as
//! Excel dates.

use chrono::{DateTime, Datelike, Utc};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet};

use super::{Cell, Sheet};
use crate::DocsError;

/// The most characters Excel keeps in one cell.
const CELL_LIMIT: usize = 32_767;

/// What the file says about itself: its title, author and creation time. The time is the
/// workbook's, never the clock's, so the same sheets always give the same bytes.
pub struct About<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub created: DateTime<Utc>,
}

impl<'a> About<'a> {
    /// The workbook's name, its strategist, and its last edit as the creation time.
    pub fn of(workbook: &'a groundwork_core::workbook::Workbook) -> Self {
        Self {
            title: &workbook.profile.name,
            author: &workbook.profile.strategist,
            created: workbook.last_edited(),
        }
    }
}

struct Formats {
    header: Format,
    date: Format,
    /// `#,##0`, `#,##0.0`, `#,##0.00`, ... by the number of decimals.
    amounts: Vec<Format>,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            amounts: (0..=4)
                .map(|d| {
                    let decimals = if d == 0 {
                        String::new()
                    } else {
                        format!(".{}", "0".repeat(d))
                    };
                    Format::new().set_num_format(format!("#,##0{decimals}"))
                })
                .collect(),
        }
    }

    fn amount(&self, decimals: u8) -> &Format {
        let last = self.amounts.len() - 1;
        &self.amounts[usize::from(decimals).min(last)]
    }
}

fn failed(err: rust_xlsxwriter::XlsxError) -> DocsError {
    DocsError::Spreadsheet(err.to_string())
}

/// Writes `sheets` as an XLSX file, one worksheet each, in order.
pub fn write_xlsx(sheets: &[Sheet], about: &About<'_>) -> Result<Vec<u8>, DocsError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_timestamp(about.created.timestamp()).map_err(failed)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(about.title)
            .set_author(about.author)
            .set_creation_datetime(&created),
    );
    for sheet in sheets {
        let ws = book.add_worksheet();
        write_sheet(ws, sheet, &formats).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    formats: &Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(sheet.name())?;
    for (col, column) in (0u16..).zip(&sheet.columns) {
        ws.set_column_width(col, column.width)?;
        ws.write_string_with_format(0, col, &column.header, &formats.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
    if !sheet.columns.is_empty() {
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    for (row, cells) in (1u32..).zip(&sheet.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            write_cell(ws, row, col, cell, formats)?;
        }
    }
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    match cell {
        // Always a string cell: a name such as `=HYPERLINK(...)` stays the words typed.
        Cell::Text(text) if text.is_empty() => {}
        Cell::Text(text) => {
            ws.write_string(row, col, within_limit(text))?;
        }
        Cell::Number(n) if n.is_finite() => {
            ws.write_number(row, col, *n)?;
        }
        Cell::Amount { value, decimals } if value.is_finite() => {
            ws.write_number_with_format(row, col, *value, formats.amount(*decimals))?;
        }
        Cell::Date(day) => {
            // Excel's calendar runs from 1900 to 9999; a date outside it is written as text.
            let excel = u16::try_from(day.year())
                .ok()
                .filter(|y| (1900..=9999).contains(y))
                .and_then(|y| {
                    let month = u8::try_from(day.month()).ok()?;
                    let d = u8::try_from(day.day()).ok()?;
                    ExcelDateTime::from_ymd(y, month, d).ok()
                });
            match excel {
                Some(date) => {
                    ws.write_datetime_with_format(row, col, &date, &formats.date)?;
                }
                None => {
                    ws.write_string(row, col, day.format("%Y-%m-%d").to_string())?;
                }
            }
        }
        Cell::Number(_) | Cell::Amount { .. } | Cell::Empty => {}
    }
    Ok(())
}

/// The text, cut to what one cell holds, ending in an ellipsis when it was cut.
fn within_limit(text: &str) -> String {
    match text.char_indices().nth(CELL_LIMIT) {
        None => text.to_owned(),
        Some(_) => {
            let mut cut: String = text.chars().take(CELL_LIMIT - 1).collect();
            cut.push('…');
            cut
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_beyond_a_cell_is_cut_with_an_ellipsis() {
        let long = "é".repeat(CELL_LIMIT + 10);
        let cut = within_limit(&long);
        assert_eq!(cut.chars().count(), CELL_LIMIT);
        assert!(cut.ends_with('…'));
        let fits = "a".repeat(CELL_LIMIT);
        assert_eq!(within_limit(&fits), fits);
    }
}
