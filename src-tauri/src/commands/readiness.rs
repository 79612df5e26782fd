//! The Readiness screen and the traceability view: each command a few lines into the store and
//! the core's review.

use groundwork_core::goals::EvidenceKind;
use groundwork_core::readiness::Review;
use groundwork_core::traceability::{self, EvidenceTrace, InitiativeTrace, Traceability};
use tauri::State;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn readiness_review(state: State<'_, AppState>) -> Result<Review, AppError> {
    state.with_store(|store| Ok(store.readiness()?))
}

/// Accepts an issue with the strategist's reason; answers with the review after it.
#[tauri::command]
pub fn dismiss_issue(
    state: State<'_, AppState>,
    key: String,
    reason: String,
) -> Result<Review, AppError> {
    state.with_store(|store| Ok(store.dismiss_issue(&key, &reason)?))
}

/// Undoes a dismissal; answers with the review after it.
#[tauri::command]
pub fn restore_issue(state: State<'_, AppState>, key: String) -> Result<Review, AppError> {
    state.with_store(|store| Ok(store.restore_issue(&key)?))
}

/// Every goal's chain from evidence to KPIs and initiatives.
#[tauri::command]
pub fn traceability_map(state: State<'_, AppState>) -> Result<Traceability, AppError> {
    state.with_store(|store| Ok(traceability::traceability(&store.load_workbook()?)))
}

/// What one finding, theme or quote leads to; `None` when it no longer exists.
#[tauri::command]
pub fn evidence_trace(
    state: State<'_, AppState>,
    kind: EvidenceKind,
    id: Uuid,
) -> Result<Option<EvidenceTrace>, AppError> {
    state.with_store(|store| {
        Ok(traceability::evidence_trace(
            &store.load_workbook()?,
            kind,
            id,
        ))
    })
}

/// From an initiative back to the goals it serves and their evidence.
#[tauri::command]
pub fn initiative_trace(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<Option<InitiativeTrace>, AppError> {
    state.with_store(|store| Ok(traceability::initiative_trace(&store.load_workbook()?, id)))
}
