//! Inside a workbook: the profile and the step summary.

use groundwork_core::profile::{Profile, ProfileEdit};
use groundwork_core::workbook::StepCount;
use groundwork_store::{Store, WorkbookSummary};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::AppError;
use crate::state::AppState;

/// What the workbook screens need the moment a workbook opens.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct OpenedWorkbook {
    pub summary: WorkbookSummary,
    pub profile: Profile,
    pub step_counts: Vec<StepCount>,
}

impl OpenedWorkbook {
    /// Makes `store` the open workbook and describes it.
    pub fn open(state: &AppState, store: Store) -> Result<Self, AppError> {
        let opened = Self {
            summary: store.summary()?,
            profile: store.profile()?,
            step_counts: store.step_counts()?,
        };
        state.replace(Some(store))?;
        Ok(opened)
    }
}

#[tauri::command]
pub fn close_workbook(state: State<'_, AppState>) -> Result<(), AppError> {
    state.replace(None)
}

#[tauri::command]
pub fn update_profile(state: State<'_, AppState>, edit: ProfileEdit) -> Result<Profile, AppError> {
    state.with_store(|store| Ok(store.update_profile(&edit)?))
}

#[tauri::command]
pub fn step_counts(state: State<'_, AppState>) -> Result<Vec<StepCount>, AppError> {
    state.with_store(|store| Ok(store.step_counts()?))
}
