//! The goals screens: each command a few lines into the store. A save answers the record's id
//! with the whole step as the screens show it (progress, status and health worked out for
//! today); every other write answers the step.

use groundwork_core::goals::kpis::KpiEdit;
use groundwork_core::goals::measurements::{MeasurementEdit, PasteReport};
use groundwork_core::goals::{GoalEdit, GoalsOverview, Narrative, ObjectiveEdit};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::{save, today, view, write, Saved, StepView};
use crate::error::AppError;
use crate::state::AppState;

/// A pasted block's report and the step after it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ImportResult {
    pub report: PasteReport,
    pub overview: GoalsOverview,
}

#[tauri::command]
pub fn goals_overview(state: State<'_, AppState>) -> Result<GoalsOverview, AppError> {
    view(&state)
}

#[tauri::command]
pub fn update_narrative(
    state: State<'_, AppState>,
    edit: Narrative,
) -> Result<GoalsOverview, AppError> {
    write(&state, |s| s.update_narrative(&edit).map(drop))
}

#[tauri::command]
pub fn save_objective(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: ObjectiveEdit,
) -> Result<Saved<GoalsOverview>, AppError> {
    save(&state, |s| s.save_objective(id, &edit).map(|r| r.id))
}

/// Refused with an `inUse` error naming the goals under it unless `confirmed`.
#[tauri::command]
pub fn delete_objective(
    state: State<'_, AppState>,
    id: Uuid,
    confirmed: bool,
) -> Result<GoalsOverview, AppError> {
    write(&state, |s| s.delete_objective(id, confirmed))
}

#[tauri::command]
pub fn save_goal(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: GoalEdit,
) -> Result<Saved<GoalsOverview>, AppError> {
    save(&state, |s| s.save_goal(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_goal(
    state: State<'_, AppState>,
    id: Uuid,
    confirmed: bool,
) -> Result<GoalsOverview, AppError> {
    write(&state, |s| s.delete_goal(id, confirmed))
}

#[tauri::command]
pub fn save_kpi(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: KpiEdit,
) -> Result<Saved<GoalsOverview>, AppError> {
    save(&state, |s| s.save_kpi(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_kpi(
    state: State<'_, AppState>,
    id: Uuid,
    confirmed: bool,
) -> Result<GoalsOverview, AppError> {
    write(&state, |s| s.delete_kpi(id, confirmed))
}

#[tauri::command]
pub fn save_measurement(
    state: State<'_, AppState>,
    kpi_id: Uuid,
    id: Option<Uuid>,
    edit: MeasurementEdit,
) -> Result<Saved<GoalsOverview>, AppError> {
    save(&state, |s| {
        s.save_measurement(kpi_id, id, &edit, today()).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_measurement(state: State<'_, AppState>, id: Uuid) -> Result<GoalsOverview, AppError> {
    write(&state, |s| s.delete_measurement(id))
}

/// Reads a pasted block; writes its good rows unless `dryRun` (the preview).
#[tauri::command]
pub fn import_measurements(
    state: State<'_, AppState>,
    kpi_id: Uuid,
    text: String,
    replace_existing: bool,
    dry_run: bool,
) -> Result<ImportResult, AppError> {
    state.with_store(|store| {
        let report =
            store.import_measurements(kpi_id, &text, replace_existing, today(), dry_run)?;
        Ok(ImportResult {
            report,
            overview: GoalsOverview::read(store)?,
        })
    })
}
