//! The Trash: what was deleted in the open workbook, the last deletion for an Undo right after
//! it, restoring, and emptying.

use groundwork_store::TrashEntry;
use tauri::State;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn trash_entries(state: State<'_, AppState>) -> Result<Vec<TrashEntry>, AppError> {
    state.with_store(|store| Ok(store.trash()?))
}

#[tauri::command]
pub fn last_deleted(state: State<'_, AppState>) -> Result<Option<TrashEntry>, AppError> {
    state.with_store(|store| Ok(store.last_deleted()?))
}

#[tauri::command]
pub fn restore_from_trash(state: State<'_, AppState>, id: Uuid) -> Result<TrashEntry, AppError> {
    state.with_store(|store| Ok(store.restore_from_trash(id)?))
}

#[tauri::command]
pub fn empty_trash(state: State<'_, AppState>) -> Result<usize, AppError> {
    state.with_store(|store| Ok(store.empty_trash()?))
}
