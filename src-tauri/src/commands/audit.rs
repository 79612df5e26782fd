//! The audit screens: each command a few lines into the store. Every write answers with the
//! whole audit as the screens show it, so the UI applies one value after each change.

use groundwork_core::audit::channels::ChannelEdit;
use groundwork_core::audit::compare::Comparison;
use groundwork_core::audit::findings::{FindingEdit, FindingSummary};
use groundwork_core::audit::maturity::MaturityEdit;
use groundwork_core::audit::situation::{PeerEdit, Situation};
use groundwork_core::audit::snapshots::SnapshotEdit;
use groundwork_core::audit::AuditOverview;
use groundwork_store::{ChannelUsage, FindingUsage, Store};
use tauri::State;
use uuid::Uuid;

use crate::commands::today;
use crate::error::AppError;
use crate::state::AppState;

fn overview(store: &Store) -> Result<AuditOverview, AppError> {
    Ok(store.audit_overview()?)
}

/// Runs a write on the open workbook and answers with the audit after it.
fn write(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<()>,
) -> Result<AuditOverview, AppError> {
    state.with_store(|store| {
        f(store)?;
        overview(store)
    })
}

#[tauri::command]
pub fn audit_overview(state: State<'_, AppState>) -> Result<AuditOverview, AppError> {
    state.with_store(|store| overview(store))
}

#[tauri::command]
pub fn save_channel(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: ChannelEdit,
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.save_channel(id, &edit).map(drop))
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
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.save_snapshot(id, &edit, today()).map(drop))
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
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.save_peer(id, &edit).map(drop))
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
) -> Result<AuditOverview, AppError> {
    write(&state, |s| s.save_finding(id, &edit).map(drop))
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
