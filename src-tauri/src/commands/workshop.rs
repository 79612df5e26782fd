//! The workshop board: each command a few lines into the store. A read answers the whole board
//! (ranking and dots worked out by the core), a save answers the record's id with the board, and
//! every other write answers the board, so the screen redraws from one value.

use groundwork_core::roadmap::Roadmap;
use groundwork_core::workshop::priority::BoardView;
use groundwork_store::ConvertRequest;
use tauri::State;
use uuid::Uuid;

use crate::commands::{save, view, write, Saved};
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn workshop_board(state: State<'_, AppState>) -> Result<BoardView, AppError> {
    view(&state)
}

/// Adds a note to the unsorted notes (`id` null) or corrects a note's text.
#[tauri::command]
pub fn save_idea(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    text: String,
) -> Result<Saved<BoardView>, AppError> {
    save(&state, |s| s.save_idea(id, &text).map(|r| r.id))
}

#[tauri::command]
pub fn delete_idea(state: State<'_, AppState>, id: Uuid) -> Result<BoardView, AppError> {
    write(&state, |s| s.delete_idea(id))
}

/// Moves a note into a group, or back to the unsorted notes with `groupId` null.
#[tauri::command]
pub fn move_idea(
    state: State<'_, AppState>,
    id: Uuid,
    group_id: Option<Uuid>,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.move_idea(id, group_id))
}

#[tauri::command]
pub fn score_idea(
    state: State<'_, AppState>,
    id: Uuid,
    value: Option<i64>,
    effort: Option<i64>,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.score_idea(id, value, effort))
}

#[tauri::command]
pub fn score_initiative(
    state: State<'_, AppState>,
    id: Uuid,
    value: Option<i64>,
    effort: Option<i64>,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.score_initiative(id, value, effort))
}

/// Adds a group (`id` null) or renames one.
#[tauri::command]
pub fn save_group(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    name: String,
) -> Result<Saved<BoardView>, AppError> {
    save(&state, |s| s.save_group(id, &name).map(|r| r.id))
}

/// Deletes a group; its notes go back to the unsorted notes.
#[tauri::command]
pub fn delete_group(state: State<'_, AppState>, id: Uuid) -> Result<BoardView, AppError> {
    write(&state, |s| s.delete_group(id))
}

#[tauri::command]
pub fn set_dot_budget(state: State<'_, AppState>, budget: i64) -> Result<BoardView, AppError> {
    write(&state, |s| s.set_dot_budget(budget))
}

/// Adds a participant (`id` null) or renames one.
#[tauri::command]
pub fn save_participant(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    name: String,
) -> Result<Saved<BoardView>, AppError> {
    save(&state, |s| s.save_participant(id, &name).map(|r| r.id))
}

/// Removes a participant and their dots.
#[tauri::command]
pub fn delete_participant(state: State<'_, AppState>, id: Uuid) -> Result<BoardView, AppError> {
    write(&state, |s| s.delete_participant(id))
}

/// Sets how many dots a participant placed on a note (0 takes them back).
#[tauri::command]
pub fn set_vote(
    state: State<'_, AppState>,
    participant_id: Uuid,
    idea_id: Uuid,
    dots: i64,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.set_vote(participant_id, idea_id, dots))
}

/// Turns a group into a record of another step; the board shows what it became.
#[tauri::command]
pub fn convert_group(
    state: State<'_, AppState>,
    id: Uuid,
    request: ConvertRequest,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.convert_group(id, &request).map(|_| ()))
}

/// The roadmap, for the presentation's timeline slide.
#[tauri::command]
pub fn presentation_roadmap(state: State<'_, AppState>) -> Result<Roadmap, AppError> {
    state.with_store(|store| Ok(store.roadmap()?))
}
