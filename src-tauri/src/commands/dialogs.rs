//! The native Open… and Save… dialogs, opened from here rather than from the page, so that
//! the app itself knows which files the user chose: each one is remembered for this run and is
//! then the only file outside the data folder a command will touch.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};
use ts_rs::TS;

use crate::error::AppError;
use crate::state::AppState;

/// The kinds of file the dialogs offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FileKind {
    Workbook,
    Json,
    Pdf,
    /// Every table of the workbook, a sheet each.
    Xlsx,
    /// One table.
    Csv,
    /// An organisation's logo.
    Image,
    /// Figures exported by another tool.
    Table,
}

impl FileKind {
    /// The extension a saved file gets.
    fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// The extensions the dialog's filter offers.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Workbook => &[groundwork_store::WORKBOOK_EXTENSION],
            Self::Json => &["json"],
            Self::Pdf => &["pdf"],
            Self::Xlsx => &["xlsx"],
            Self::Csv => &["csv"],
            Self::Image => &["png", "jpg", "jpeg", "svg", "PNG", "JPG", "JPEG", "SVG"],
            Self::Table => &[
                "csv", "tsv", "txt", "xlsx", "xls", "ods", "CSV", "TSV", "TXT", "XLSX", "XLS",
                "ODS",
            ],
        }
    }

    fn filter_name(self) -> &'static str {
        match self {
            Self::Workbook => "Groundwork workbook",
            Self::Json => "Groundwork workbook JSON",
            Self::Pdf => "PDF",
            Self::Xlsx => "Excel workbook (XLSX)",
            Self::Csv => "CSV (comma-separated values)",
            Self::Image => "Logo image (PNG, JPEG or SVG)",
            Self::Table => "Figures (CSV, TSV, XLSX, XLS or ODS)",
        }
    }
}

fn dialog(app: &AppHandle, kind: FileKind) -> FileDialogBuilder<tauri::Wry> {
    app.dialog()
        .file()
        .add_filter(kind.filter_name(), kind.extensions())
}

fn chosen(picked: Option<tauri_plugin_dialog::FilePath>) -> Result<Option<PathBuf>, AppError> {
    picked
        .map(|file| {
            file.into_path().map_err(|_| {
                AppError::io("That location is not a file on this computer; choose another.".into())
            })
        })
        .transpose()
}

/// Open…: the file the user picked, or `None` when they cancelled.
// Async, so the dialog does not block the main thread it needs (the plugin's advice).
#[tauri::command]
pub async fn choose_file_to_open(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: FileKind,
) -> Result<Option<String>, AppError> {
    // In the folder the app was started in (the home folder, from a desktop launcher), as
    // the Save dialog is: GTK's own default, the recent files, is empty on a new computer.
    let mut open = dialog(&app, kind);
    if let Ok(here) = std::env::current_dir() {
        open = open.set_directory(here);
    }
    let picked = chosen(open.blocking_pick_file())?;
    Ok(picked.map(|path| state.files.remember_picked(&path).display().to_string()))
}

/// Save…: where the user chose to write, with the kind's extension added when they left it
/// out (GTK's dialog does not add it), or `None` when they cancelled.
#[tauri::command]
pub async fn choose_save_destination(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: FileKind,
    suggested_name: String,
) -> Result<Option<String>, AppError> {
    let picked = chosen(
        dialog(&app, kind)
            .set_file_name(suggested_name)
            .blocking_save_file(),
    )?;
    Ok(picked.map(|path| {
        let path = with_extension(path, kind.extension());
        state.files.remember_picked(&path).display().to_string()
    }))
}

fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    let has_it = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if has_it {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_destination_gets_its_extension_once() {
        assert_eq!(
            with_extension(PathBuf::from("/home/a/Board report"), "pdf"),
            PathBuf::from("/home/a/Board report.pdf")
        );
        assert_eq!(
            with_extension(PathBuf::from("/home/a/Board report.PDF"), "pdf"),
            PathBuf::from("/home/a/Board report.PDF")
        );
        assert_eq!(
            with_extension(PathBuf::from("/home/a/v1.2"), "json"),
            PathBuf::from("/home/a/v1.2.json")
        );
    }
}
