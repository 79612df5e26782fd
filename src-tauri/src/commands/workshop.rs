//! The workshop board: each command a few lines into the store, answering with the whole board
//! (ranking and dots worked out by the core) so the screen redraws from one value.

use groundwork_core::roadmap::Roadmap;
use groundwork_core::workshop::priority::BoardView;
use groundwork_store::{ConvertRequest, Store};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::AppError;
use crate::state::AppState;

fn write(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<()>,
) -> Result<BoardView, AppError> {
    state.with_store(|store| {
        f(store)?;
        Ok(store.workshop_board()?)
    })
}

/// A write that creates something: its id, and the board after it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BoardCreated {
    pub id: String,
    pub board: BoardView,
}

fn create(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<String>,
) -> Result<BoardCreated, AppError> {
    state.with_store(|store| {
        let id = f(store)?;
        Ok(BoardCreated {
            id,
            board: store.workshop_board()?,
        })
    })
}

#[tauri::command]
pub fn workshop_board(state: State<'_, AppState>) -> Result<BoardView, AppError> {
    state.with_store(|store| Ok(store.workshop_board()?))
}

#[tauri::command]
pub fn add_idea(
    state: State<'_, AppState>,
    text: String,
    group_id: Option<String>,
) -> Result<BoardCreated, AppError> {
    create(&state, |s| s.add_idea(&text, group_id.as_deref()))
}

#[tauri::command]
pub fn update_idea(
    state: State<'_, AppState>,
    id: String,
    text: String,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.update_idea(&id, &text))
}

#[tauri::command]
pub fn delete_idea(state: State<'_, AppState>, id: String) -> Result<BoardView, AppError> {
    write(&state, |s| s.delete_idea(&id))
}

#[tauri::command]
pub fn move_idea(
    state: State<'_, AppState>,
    id: String,
    group_id: Option<String>,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.move_idea(&id, group_id.as_deref()))
}

#[tauri::command]
pub fn score_idea(
    state: State<'_, AppState>,
    id: String,
    value: Option<i64>,
    effort: Option<i64>,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.score_idea(&id, value, effort))
}

#[tauri::command]
pub fn score_initiative(
    state: State<'_, AppState>,
    id: String,
    value: Option<i64>,
    effort: Option<i64>,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.score_initiative(&id, value, effort))
}

#[tauri::command]
pub fn create_group(state: State<'_, AppState>, name: String) -> Result<BoardCreated, AppError> {
    create(&state, |s| s.create_group(&name))
}

#[tauri::command]
pub fn rename_group(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.rename_group(&id, &name))
}

#[tauri::command]
pub fn delete_group(state: State<'_, AppState>, id: String) -> Result<BoardView, AppError> {
    write(&state, |s| s.delete_group(&id))
}

#[tauri::command]
pub fn set_dot_budget(state: State<'_, AppState>, budget: i64) -> Result<BoardView, AppError> {
    write(&state, |s| s.set_dot_budget(budget))
}

#[tauri::command]
pub fn add_participant(state: State<'_, AppState>, name: String) -> Result<BoardCreated, AppError> {
    create(&state, |s| s.add_participant(&name))
}

#[tauri::command]
pub fn delete_participant(state: State<'_, AppState>, id: String) -> Result<BoardView, AppError> {
    write(&state, |s| s.delete_participant(&id))
}

#[tauri::command]
pub fn set_vote(
    state: State<'_, AppState>,
    participant_id: String,
    idea_id: String,
    dots: i64,
) -> Result<BoardView, AppError> {
    write(&state, |s| s.set_vote(&participant_id, &idea_id, dots))
}

#[tauri::command]
pub fn convert_group(
    state: State<'_, AppState>,
    id: String,
    request: ConvertRequest,
) -> Result<BoardCreated, AppError> {
    create(&state, |s| s.convert_group(&id, &request))
}

/// The roadmap, for the presentation's timeline slide.
#[tauri::command]
pub fn presentation_roadmap(state: State<'_, AppState>) -> Result<Roadmap, AppError> {
    state.with_store(|store| Ok(store.roadmap()?))
}
