//! The roadmap screens: each command a few lines into the store. A save answers the record's id
//! with the whole step as the screens show it (flags and budget totals worked out again); every
//! other write answers the step.

use groundwork_core::roadmap::{InitiativeEdit, PhaseEdit, RoadmapOverview};
use tauri::State;
use uuid::Uuid;

use crate::commands::{save, view, write, Saved};
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn roadmap_overview(state: State<'_, AppState>) -> Result<RoadmapOverview, AppError> {
    view(&state)
}

#[tauri::command]
pub fn save_phase(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: PhaseEdit,
) -> Result<Saved<RoadmapOverview>, AppError> {
    save(&state, |s| s.save_phase(id, &edit).map(|r| r.id))
}

/// Refused with an `inUse` error naming its initiatives unless `confirmed`; the initiatives
/// then stay on the roadmap without a phase.
#[tauri::command]
pub fn delete_phase(
    state: State<'_, AppState>,
    id: Uuid,
    confirmed: bool,
) -> Result<RoadmapOverview, AppError> {
    write(&state, |s| s.delete_phase(id, confirmed))
}

#[tauri::command]
pub fn save_initiative(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: InitiativeEdit,
) -> Result<Saved<RoadmapOverview>, AppError> {
    save(&state, |s| s.save_initiative(id, &edit).map(|r| r.id))
}

/// Adds an initiative titled `title` and answers it with the step: work for next, or, in the
/// phase `phase_id`, dated like that phase.
#[tauri::command]
pub fn add_initiative(
    state: State<'_, AppState>,
    title: String,
    phase_id: Option<Uuid>,
) -> Result<Saved<RoadmapOverview>, AppError> {
    save(&state, |s| {
        // Only the records: the phase's dates, without working out flags and totals twice.
        let roadmap = s.roadmap()?;
        let edit = InitiativeEdit::untitled(&title, phase_id.and_then(|id| roadmap.phase(id)));
        s.save_initiative(None, &edit).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_initiative(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<RoadmapOverview, AppError> {
    write(&state, |s| s.delete_initiative(id))
}
