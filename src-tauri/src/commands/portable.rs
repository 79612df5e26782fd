//! Workbook safety and portability: JSON export and import, backups, restore, Save a copy….
//! Paths come from the save and open dialogs; backups live in the data folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use groundwork_store::{self as store, Backup, ImportError, ImportProblem, Store, WorkbookSummary};
use serde::Serialize;
use tauri::{Manager, State};
use ts_rs::TS;

use crate::commands::workbook::OpenedWorkbook;
use crate::error::AppError;
use crate::file_access::Reach;
use crate::state::AppState;

/// What an import did: the new workbook, or every problem found (nothing was written).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub imported: Option<WorkbookSummary>,
    pub problems: Vec<ImportProblem>,
}

fn backups_of(state: &AppState, workbook: &Path) -> PathBuf {
    store::backups_dir(&state.data_dir, workbook)
}

/// Writes the open workbook as portable JSON to `path`, chosen in the save dialog.
#[tauri::command]
pub fn export_json(state: State<'_, AppState>, path: String) -> Result<(), AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    let json = state.with_store(|store| Ok(store.export_json()?))?;
    let temp = path.with_extension("json.part");
    std::fs::write(&temp, json)
        .and_then(|()| std::fs::rename(&temp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            AppError::io(format!(
                "The JSON file could not be saved to {}: {e}.",
                path.display()
            ))
        })
}

/// Imports a JSON file chosen in the open dialog as a new workbook in the data folder.
#[tauri::command]
pub fn import_json(state: State<'_, AppState>, source: String) -> Result<ImportOutcome, AppError> {
    let source = state.files.check(Path::new(&source), Reach::Chosen)?;
    let json = std::fs::read_to_string(&source)
        .map_err(|e| AppError::io(format!("“{}” could not be read: {e}.", source.display())))?;
    match store::import_json_into(&json, &state.data_dir) {
        Ok(path) => {
            let imported = Store::open(&path)?;
            let summary = imported.summary()?;
            imported.close()?;
            Ok(ImportOutcome {
                imported: Some(summary),
                problems: Vec::new(),
            })
        }
        Err(ImportError::Refused(problems)) => Ok(ImportOutcome {
            imported: None,
            problems,
        }),
        Err(ImportError::Store(err)) => Err(err.into()),
    }
}

/// The open workbook's backups, newest first.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<Backup>, AppError> {
    let dir = state.with_store(|store| Ok(backups_of(&state, store.path())))?;
    Ok(store::list_backups(&dir)?)
}

#[tauri::command]
pub fn back_up_now(state: State<'_, AppState>) -> Result<Vec<Backup>, AppError> {
    let dir = state.with_store(|store| {
        let dir = backups_of(&state, store.path());
        store.back_up(&dir, Utc::now())?;
        Ok(dir)
    })?;
    Ok(store::list_backups(&dir)?)
}

/// Replaces the open workbook with one of its backups, after backing up its current state.
/// Only a file from the workbook's own backup list is accepted.
#[tauri::command]
pub fn restore_backup(
    state: State<'_, AppState>,
    path: String,
) -> Result<OpenedWorkbook, AppError> {
    let path = state.files.check(Path::new(&path), Reach::DataFolder)?;
    let mut guard = state.open_workbook();
    let open = guard.as_mut().ok_or_else(AppError::no_workbook_open)?;
    let dir = backups_of(&state, open.path());
    let listed = store::list_backups(&dir)?
        .into_iter()
        .any(|b| state.files.check(&b.path, Reach::DataFolder).ok() == Some(path.clone()));
    if !listed {
        return Err(AppError::io(
            "That backup is no longer in this workbook's backups; reopen the list and choose again."
                .to_owned(),
        ));
    }
    open.restore_from(&path, &dir, Utc::now())?;
    let restored = guard.take().ok_or_else(AppError::no_workbook_open)?;
    drop(guard);
    OpenedWorkbook::open(&state, restored)
}

/// Save a copy…: a consistent snapshot of the open workbook at `path`, chosen in the save
/// dialog. The workbook stays open.
#[tauri::command]
pub fn save_copy(state: State<'_, AppState>, path: String) -> Result<(), AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    state.with_store(|store| Ok(store.save_copy(&path)?))
}

/// Backs the open workbook up when it opens and then once a day while it stays open: a check
/// every few seconds, cheap when nothing is due.
pub fn start_daily_backups(app: &tauri::AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || loop {
        if let Some(state) = app.try_state::<AppState>() {
            let guard = state.open_workbook();
            if let Some(store) = guard.as_ref().filter(|s| !s.is_read_only()) {
                let dir = backups_of(&state, store.path());
                if let Err(err) = store.back_up_if_due(&dir, Utc::now()) {
                    eprintln!("Groundwork: the daily backup failed: {err}");
                }
            }
        }
        std::thread::sleep(Duration::from_secs(5));
    });
}
