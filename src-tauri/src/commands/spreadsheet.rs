//! Spreadsheets out: the whole workbook as XLSX from the Documents screen, and the table in
//! view as CSV from the screens that show one. Paths come from the Save dialog.

use std::path::{Path, PathBuf};

use groundwork_docs::spreadsheet::{self, SheetKind};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::documents::write_atomically;
use crate::commands::today;
use crate::error::{AppError, ErrorCode};
use crate::file_access::Reach;
use crate::state::AppState;

/// A spreadsheet or CSV file written to disk.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SpreadsheetReport {
    pub path: String,
    /// How many sheets it holds (1 for a CSV file).
    pub sheets: u32,
    /// Data rows, headers not counted.
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The chosen path, when it ends in `.extension`; otherwise a sentence saying what to choose.
fn chosen(state: &AppState, path: &str, extension: &str, what: &str) -> Result<PathBuf, AppError> {
    let path = state.files.check(Path::new(path), Reach::Chosen)?;
    let fits = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if fits {
        Ok(path)
    } else {
        Err(groundwork_core::Invalid {
            field: None,
            message: format!("{what} choose a file name ending in .{extension}."),
        }
        .into())
    }
}

fn not_made(err: &groundwork_docs::DocsError) -> AppError {
    AppError {
        code: ErrorCode::Document,
        message: format!("The file could not be made: {err}."),
        field: None,
    }
}

/// Writes every table of the open workbook to `path` as an XLSX spreadsheet, a sheet each.
// Async, so a large workbook is written off the main thread and the window keeps answering.
#[tauri::command]
pub async fn export_spreadsheet(
    state: State<'_, AppState>,
    path: String,
) -> Result<SpreadsheetReport, AppError> {
    let path = chosen(
        &state,
        &path,
        "xlsx",
        "Spreadsheets are saved as XLSX files:",
    )?;
    let workbook = state.with_store(|store| Ok(store.load_workbook()?))?;
    let sheets = spreadsheet::sheets(&workbook, today());
    let bytes = spreadsheet::write_xlsx(&sheets, &spreadsheet::About::of(&workbook))
        .map_err(|e| not_made(&e))?;
    write_atomically(&path, &bytes, "spreadsheet")?;
    Ok(SpreadsheetReport {
        path: path.display().to_string(),
        sheets: u32::try_from(sheets.len()).unwrap_or(u32::MAX),
        rows: sheets.iter().map(|s| s.rows.len() as u64).sum(),
        bytes: bytes.len() as u64,
    })
}

/// Writes one table of the open workbook to `path` as CSV.
#[tauri::command]
pub async fn export_table_csv(
    state: State<'_, AppState>,
    sheet: SheetKind,
    path: String,
) -> Result<SpreadsheetReport, AppError> {
    let path = chosen(&state, &path, "csv", "Tables are saved as CSV files:")?;
    let workbook = state.with_store(|store| Ok(store.load_workbook()?))?;
    let table = spreadsheet::sheet(&workbook, today(), sheet);
    let csv = spreadsheet::write_csv(&table).map_err(|e| not_made(&e))?;
    write_atomically(&path, csv.as_bytes(), "CSV file")?;
    Ok(SpreadsheetReport {
        path: path.display().to_string(),
        sheets: 1,
        rows: table.rows.len() as u64,
        bytes: csv.len() as u64,
    })
}
