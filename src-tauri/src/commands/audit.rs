//! The audit screens: each command a few lines into the store. A save answers the record's id
//! with the whole audit as the screens show it; every other write answers the audit, so the UI
//! applies one value after each change.

use groundwork_core::audit::channels::ChannelEdit;
use groundwork_core::audit::compare::Comparison;
use groundwork_core::audit::findings::{FindingEdit, FindingSummary};
use groundwork_core::audit::maturity::MaturityEdit;
use groundwork_core::audit::situation::{PeerEdit, Situation};
use groundwork_core::audit::snapshots::SnapshotEdit;
use groundwork_core::audit::AuditOverview;
use groundwork_store::{ChannelUsage, FindingUsage};
use tauri::State;
use uuid::Uuid;

use crate::commands::{save, today, view, write, Saved};
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn audit_overview(state: State<'_, AppState>) -> Result<AuditOverview, AppError> {
    view(&state)
}

#[tauri::command]
pub fn save_channel(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: ChannelEdit,
) -> Result<Saved<AuditOverview>, AppError> {
    save(&state, |s| s.save_channel(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn channel_usage(state: State<'_, AppState>, id: Uuid) -> Result<ChannelUsage, AppError> {
    state.with_store(|store| Ok(store.channel_usage(id)?))
}

#[tauri::command]
pub fn delete_channel(
    state: State<'_, AppState>,
    id: Uuid,
    confirmed: bool,
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.delete_channel(id, confirmed))
}

#[tauri::command]
pub fn save_snapshot(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: SnapshotEdit,
) -> Result<Saved<AuditOverview>, AppError> {
    save(&state, |s| {
        s.save_snapshot(id, &edit, today()).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_snapshot(state: State<'_, AppState>, id: Uuid) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.delete_snapshot(id))
}

#[tauri::command]
pub fn compare_snapshots(
    state: State<'_, AppState>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Comparison, AppError> {
    state.with_store(|store| Ok(store.audit()?.compare(from, to)))
}

#[tauri::command]
pub fn save_maturity(
    state: State<'_, AppState>,
    edit: MaturityEdit,
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.save_maturity(&edit).map(drop))
}

#[tauri::command]
pub fn update_situation(
    state: State<'_, AppState>,
    edit: Situation,
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.update_situation(&edit).map(drop))
}

#[tauri::command]
pub fn save_peer(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: PeerEdit,
) -> Result<Saved<AuditOverview>, AppError> {
    save(&state, |s| s.save_peer(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_peer(state: State<'_, AppState>, id: Uuid) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.delete_peer(id))
}

#[tauri::command]
pub fn save_finding(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: FindingEdit,
) -> Result<Saved<AuditOverview>, AppError> {
    save(&state, |s| s.save_finding(id, &edit).map(|r| r.id))
}

/// The crisis scenarios that rest on a finding, for the delete confirmation.
#[tauri::command]
pub fn finding_usage(state: State<'_, AppState>, id: Uuid) -> Result<FindingUsage, AppError> {
    state.with_store(|store| Ok(store.finding_usage(id)?))
}

#[tauri::command]
pub fn delete_finding(state: State<'_, AppState>, id: Uuid) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.delete_finding(id))
}

/// The findings later steps cite.
#[tauri::command]
pub fn findings(state: State<'_, AppState>) -> Result<Vec<FindingSummary>, AppError> {
    state.with_store(|store| Ok(store.findings()?))
}
