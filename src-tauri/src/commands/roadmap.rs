//! The roadmap screens: each command a few lines into the store. Every write answers with the
//! whole step as the screens show it (flags and budget totals worked out again).

use groundwork_core::roadmap::{InitiativeEdit, PhaseEdit, RoadmapOverview};
use groundwork_store::Store;
use tauri::State;
use uuid::Uuid;

use crate::commands::{today, Saved};
use crate::error::AppError;
use crate::state::AppState;

fn overview(store: &Store) -> Result<RoadmapOverview, AppError> {
    Ok(store.roadmap_overview(today())?)
}

#[tauri::command]
pub fn roadmap_overview(state: State<'_, AppState>) -> Result<RoadmapOverview, AppError> {
    state.with_store(|store| overview(store))
}

#[tauri::command]
pub fn save_phase(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: PhaseEdit,
) -> Result<Saved<RoadmapOverview>, AppError> {
    state.with_store(|store| {
        let id = store.save_phase(id, &edit)?.id;
        Ok(Saved {
            id,
            view: overview(store)?,
        })
    })
}

/// Refused with an `inUse` error naming its initiatives unless `confirmed`; the initiatives
/// then stay on the roadmap without a phase.
#[tauri::command]
pub fn delete_phase(
    state: State<'_, AppState>,
    id: Uuid,
    confirmed: bool,
) -> Result<RoadmapOverview, AppError> {
    state.with_store(|store| {
        store.delete_phase(id, confirmed)?;
        overview(store)
    })
}

#[tauri::command]
pub fn save_initiative(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: InitiativeEdit,
) -> Result<Saved<RoadmapOverview>, AppError> {
    state.with_store(|store| {
        let id = store.save_initiative(id, &edit)?.id;
        Ok(Saved {
            id,
            view: overview(store)?,
        })
    })
}

/// Adds an initiative titled `title` and answers it with the step: work for next, or, in the
/// phase `phase_id`, dated like that phase.
#[tauri::command]
pub fn add_initiative(
    state: State<'_, AppState>,
    title: String,
    phase_id: Option<Uuid>,
) -> Result<Saved<RoadmapOverview>, AppError> {
    state.with_store(|store| {
        // Only the records: the phase's dates, without working out flags and totals twice.
        let roadmap = store.roadmap()?;
        let edit = InitiativeEdit::untitled(&title, phase_id.and_then(|id| roadmap.phase(id)));
        let id = store.save_initiative(None, &edit)?.id;
        Ok(Saved {
            id,
            view: overview(store)?,
        })
    })
}

#[tauri::command]
pub fn delete_initiative(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<RoadmapOverview, AppError> {
    state.with_store(|store| {
        store.delete_initiative(id)?;
        overview(store)
    })
}
