//! The home screen: the workbooks in the data folder, and files opened from anywhere.

use std::path::{Path, PathBuf};

use groundwork_store::{self as store, Store, WorkbookListing, WorkbookSummary};
use tauri::State;

use crate::commands::workbook::OpenedWorkbook;
use crate::error::AppError;
use crate::file_access::Reach;
use crate::state::AppState;

#[tauri::command]
pub fn list_workbooks(state: State<'_, AppState>) -> Result<WorkbookListing, AppError> {
    Ok(store::list_workbooks(&state.data_dir)?)
}

#[tauri::command]
pub fn create_workbook(
    state: State<'_, AppState>,
    name: String,
    organisation: String,
) -> Result<OpenedWorkbook, AppError> {
    let created = store::create_in(&state.data_dir, &name, &organisation)?;
    OpenedWorkbook::open(&state, created)
}

#[tauri::command]
pub fn open_workbook(state: State<'_, AppState>, path: String) -> Result<OpenedWorkbook, AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    // Opening again the workbook this window has open: close it first, so that this window
    // keeps its writer lock rather than finding it taken by itself.
    let reopening = state
        .open_workbook()
        .as_ref()
        .is_some_and(|open| same_file(open.path(), &path));
    if reopening {
        state.replace(None)?;
    }
    let opened = Store::open(&path)?;
    OpenedWorkbook::open(&state, opened)
}

/// The `.groundwork` file the app was launched with, if any, so the UI can open it first.
#[tauri::command]
pub fn launch_file(state: State<'_, AppState>) -> Option<String> {
    state.launch_file.as_ref().map(|p| p.display().to_string())
}

#[tauri::command]
pub fn rename_workbook(
    state: State<'_, AppState>,
    path: String,
    name: String,
) -> Result<WorkbookSummary, AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    close_if_open(&state, &path)?;
    Ok(store::rename_workbook(&path, &name)?)
}

#[tauri::command]
pub fn duplicate_workbook(
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkbookSummary, AppError> {
    // The copy is written beside the original: only in the data folder.
    let path = state.files.check(Path::new(&path), Reach::DataFolder)?;
    close_if_open(&state, &path)?;
    Ok(store::duplicate_workbook(&path)?)
}

#[tauri::command]
pub fn delete_workbook(state: State<'_, AppState>, path: String) -> Result<(), AppError> {
    let path = state.files.check(Path::new(&path), Reach::DataFolder)?;
    close_if_open(&state, &path)?;
    Ok(store::delete_workbook(&path)?)
}

/// Home-screen actions work on files; the workbook must not stay open underneath them.
fn close_if_open(state: &AppState, path: &Path) -> Result<(), AppError> {
    let is_open = state
        .open_workbook()
        .as_ref()
        .is_some_and(|open| same_file(open.path(), path));
    if is_open {
        state.replace(None)?;
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| PathBuf::from(p));
    canonical(a) == canonical(b)
}

/// Opens the built-in example workbook from the data folder, writing it there the first time.
#[tauri::command]
pub fn open_example(state: State<'_, AppState>) -> Result<OpenedWorkbook, AppError> {
    let path = state
        .data_dir
        .join(groundwork_fixtures::example_file_name());
    let opened = if path.exists() {
        Store::open(&path)?
    } else {
        groundwork_fixtures::create_example(&path, super::today())?
    };
    OpenedWorkbook::open(&state, opened)
}

/// Marks, in the data folder, that the guided tour was dismissed: UI state, not workbook data.
const TOUR_DISMISSED: &str = ".tour-dismissed";

#[tauri::command]
pub fn tour_dismissed(state: State<'_, AppState>) -> bool {
    state.data_dir.join(TOUR_DISMISSED).exists()
}

/// Remembers that the tour was dismissed. A folder that cannot be written only means the tour
/// offers itself again next time, so a failure is not reported.
#[tauri::command]
pub fn dismiss_tour(state: State<'_, AppState>) {
    let _ = std::fs::create_dir_all(&state.data_dir)
        .and_then(|()| std::fs::write(state.data_dir.join(TOUR_DISMISSED), b""));
}

/// Sets the order in which every sentence and document written from now on gives a date, as
/// the window's locale writes it ("5 Nov 2026" or "Nov 5, 2026"), so the core's sentences read
/// like the dates around them on screen.
#[tauri::command]
pub fn set_date_order(order: groundwork_core::text::DateOrder) {
    groundwork_core::text::set_date_order(order);
}

/// Sets the decimal mark the person at the keyboard uses, as the window's locale writes
/// numbers ("12.5" or "12,5"): budgets typed as "1,250" are read with it, and the budget forms
/// show amounts with it.
#[tauri::command]
pub fn set_decimal_style(style: groundwork_core::goals::values::NumberStyle) {
    groundwork_core::goals::values::set_decimal_style(style);
}
