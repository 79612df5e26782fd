//! Step 4, the crisis plan. Every write returns the whole plan as stored.

use std::collections::BTreeMap;

use groundwork_core::crisis::placeholders::{self, Defaults, FilledStatement};
use groundwork_core::crisis::starters::{self, StarterScenario};
use groundwork_core::crisis::{
    ContactEdit, CrisisPlan, EscalationEdit, Guidelines, ScenarioEdit, SeverityEdit, StatementEdit,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::AppError;
use crate::state::AppState;

/// The plan after a scenario was added, and the new scenario's id (the screen opens it).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ScenarioCreated {
    pub plan: CrisisPlan,
    pub id: String,
}

#[tauri::command]
pub fn crisis_plan(state: State<'_, AppState>) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.crisis_plan()?))
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
pub fn create_severity(
    state: State<'_, AppState>,
    edit: SeverityEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.create_severity(&edit)?))
}

#[tauri::command]
pub fn update_severity(
    state: State<'_, AppState>,
    id: String,
    edit: SeverityEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_severity(&id, &edit)?))
}

#[tauri::command]
pub fn delete_severity(state: State<'_, AppState>, id: String) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.delete_severity(&id)?))
}

#[tauri::command]
pub fn create_scenario(
    state: State<'_, AppState>,
    edit: ScenarioEdit,
) -> Result<ScenarioCreated, AppError> {
    state.with_store(|s| {
        let (plan, id) = s.create_scenario(&edit)?;
        Ok(ScenarioCreated { plan, id })
    })
}

#[tauri::command]
pub fn create_starter_scenario(
    state: State<'_, AppState>,
    key: String,
) -> Result<ScenarioCreated, AppError> {
    state.with_store(|s| {
        let (plan, id) = s.create_starter_scenario(&key)?;
        Ok(ScenarioCreated { plan, id })
    })
}

#[tauri::command]
pub fn update_scenario(
    state: State<'_, AppState>,
    id: String,
    edit: ScenarioEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_scenario(&id, &edit)?))
}

#[tauri::command]
pub fn delete_scenario(state: State<'_, AppState>, id: String) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.delete_scenario(&id)?))
}

#[tauri::command]
pub fn add_action(
    state: State<'_, AppState>,
    scenario_id: String,
    text: String,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.add_action(&scenario_id, &text)?))
}

#[tauri::command]
pub fn update_action(
    state: State<'_, AppState>,
    id: String,
    text: String,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_action(&id, &text)?))
}

#[tauri::command]
pub fn delete_action(state: State<'_, AppState>, id: String) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.delete_action(&id)?))
}

#[tauri::command]
pub fn move_action(
    state: State<'_, AppState>,
    id: String,
    delta: i64,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.move_action(&id, delta)?))
}

#[tauri::command]
pub fn create_statement(
    state: State<'_, AppState>,
    scenario_id: String,
    edit: StatementEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.create_statement(&scenario_id, &edit)?))
}

#[tauri::command]
pub fn update_statement(
    state: State<'_, AppState>,
    id: String,
    edit: StatementEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_statement(&id, &edit)?))
}

#[tauri::command]
pub fn delete_statement(state: State<'_, AppState>, id: String) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.delete_statement(&id)?))
}

#[tauri::command]
pub fn create_contact(
    state: State<'_, AppState>,
    edit: ContactEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.create_contact(&edit)?))
}

#[tauri::command]
pub fn update_contact(
    state: State<'_, AppState>,
    id: String,
    edit: ContactEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_contact(&id, &edit)?))
}

#[tauri::command]
pub fn delete_contact(state: State<'_, AppState>, id: String) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.delete_contact(&id)?))
}

#[tauri::command]
pub fn create_escalation(
    state: State<'_, AppState>,
    edit: EscalationEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.create_escalation(&edit)?))
}

#[tauri::command]
pub fn update_escalation(
    state: State<'_, AppState>,
    id: String,
    edit: EscalationEdit,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_escalation(&id, &edit)?))
}

#[tauri::command]
pub fn delete_escalation(state: State<'_, AppState>, id: String) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.delete_escalation(&id)?))
}

#[tauri::command]
pub fn update_guidelines(
    state: State<'_, AppState>,
    edit: Guidelines,
) -> Result<CrisisPlan, AppError> {
    state.with_store(|s| Ok(s.update_guidelines(&edit)?))
}
