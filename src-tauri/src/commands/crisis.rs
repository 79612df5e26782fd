//! Step 4, the crisis plan. A save answers the record's id with the plan; every other write
//! answers the plan as stored.

use std::collections::BTreeMap;

use groundwork_core::crisis::placeholders::{self, Defaults, FilledStatement};
use groundwork_core::crisis::starters::{self, StarterScenario};
use groundwork_core::crisis::{
    ContactEdit, CrisisPlan, EscalationEdit, Guidelines, ScenarioEdit, SeverityEdit, StatementEdit,
};
use tauri::State;
use uuid::Uuid;

use crate::commands::{save, view, write, Saved};
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn crisis_plan(state: State<'_, AppState>) -> Result<CrisisPlan, AppError> {
    view(&state)
}

#[tauri::command]
pub fn starter_scenarios() -> Vec<StarterScenario> {
    starters::library()
}

/// Fills a statement's placeholders for the preview; `{{organisation}}` and `{{community}}`
/// default to the workbook's profile.
#[tauri::command]
pub fn fill_statement(
    state: State<'_, AppState>,
    body: String,
    values: BTreeMap<String, String>,
) -> Result<FilledStatement, AppError> {
    state.with_store(|s| {
        let p = s.profile()?;
        let defaults = Defaults {
            organisation: p.organisation,
            community: p.community_name,
        };
        Ok(placeholders::fill(&body, &values, &defaults))
    })
}

#[tauri::command]
pub fn save_severity(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: SeverityEdit,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| s.save_severity(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_severity(state: State<'_, AppState>, id: Uuid) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.delete_severity(id))
}

#[tauri::command]
pub fn save_scenario(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: ScenarioEdit,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| s.save_scenario(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn add_starter_scenario(
    state: State<'_, AppState>,
    key: String,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| s.add_starter_scenario(&key).map(|r| r.id))
}

#[tauri::command]
pub fn delete_scenario(state: State<'_, AppState>, id: Uuid) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.delete_scenario(id))
}

#[tauri::command]
pub fn save_action(
    state: State<'_, AppState>,
    scenario_id: Uuid,
    id: Option<Uuid>,
    text: String,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| {
        s.save_action(scenario_id, id, &text).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_action(state: State<'_, AppState>, id: Uuid) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.delete_action(id))
}

#[tauri::command]
pub fn move_action(
    state: State<'_, AppState>,
    id: Uuid,
    delta: i64,
) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.move_action(id, delta))
}

#[tauri::command]
pub fn save_statement(
    state: State<'_, AppState>,
    scenario_id: Uuid,
    id: Option<Uuid>,
    edit: StatementEdit,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| {
        s.save_statement(scenario_id, id, &edit).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_statement(state: State<'_, AppState>, id: Uuid) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.delete_statement(id))
}

#[tauri::command]
pub fn save_contact(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: ContactEdit,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| s.save_contact(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_contact(state: State<'_, AppState>, id: Uuid) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.delete_contact(id))
}

#[tauri::command]
pub fn save_escalation(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: EscalationEdit,
) -> Result<Saved<CrisisPlan>, AppError> {
    save(&state, |s| s.save_escalation(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_escalation(state: State<'_, AppState>, id: Uuid) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.delete_escalation(id))
}

#[tauri::command]
pub fn update_guidelines(
    state: State<'_, AppState>,
    edit: Guidelines,
) -> Result<CrisisPlan, AppError> {
    write(&state, |s| s.update_guidelines(&edit).map(|_| ()))
}
