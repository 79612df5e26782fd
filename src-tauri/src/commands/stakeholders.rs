//! Step 2: the stakeholder register, interview guides, interviews, themes and search.

use groundwork_core::stakeholders::interviews::{
    Guide, GuideEdit, Interview, InterviewEdit, QuestionEdit, Quote,
};
use groundwork_core::stakeholders::themes::{TagTarget, Theme, ThemeEdit};
use groundwork_core::stakeholders::{Stakeholder, StakeholderEdit, StakeholderStep};
use groundwork_store::SearchResults;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn stakeholder_step(state: State<'_, AppState>) -> Result<StakeholderStep, AppError> {
    state.with_store(|store| Ok(store.stakeholder_step()?))
}

#[tauri::command]
pub fn create_stakeholder(
    state: State<'_, AppState>,
    edit: StakeholderEdit,
) -> Result<Stakeholder, AppError> {
    state.with_store(|store| Ok(store.create_stakeholder(&edit)?))
}

#[tauri::command]
pub fn update_stakeholder(
    state: State<'_, AppState>,
    id: String,
    edit: StakeholderEdit,
) -> Result<Stakeholder, AppError> {
    state.with_store(|store| Ok(store.update_stakeholder(&id, &edit)?))
}

#[tauri::command]
pub fn delete_stakeholder(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.delete_stakeholder(&id)?))
}

#[tauri::command]
pub fn create_guide(state: State<'_, AppState>, edit: GuideEdit) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.create_guide(&edit)?))
}

#[tauri::command]
pub fn copy_starter_guide(state: State<'_, AppState>, key: String) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.copy_starter_guide(&key)?))
}

#[tauri::command]
pub fn update_guide(
    state: State<'_, AppState>,
    id: String,
    edit: GuideEdit,
) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.update_guide(&id, &edit)?))
}

#[tauri::command]
pub fn delete_guide(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.delete_guide(&id)?))
}

#[tauri::command]
pub fn add_guide_question(
    state: State<'_, AppState>,
    guide_id: String,
    edit: QuestionEdit,
) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.add_guide_question(&guide_id, &edit)?))
}

#[tauri::command]
pub fn update_guide_question(
    state: State<'_, AppState>,
    id: String,
    edit: QuestionEdit,
) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.update_guide_question(&id, &edit)?))
}

#[tauri::command]
pub fn delete_guide_question(state: State<'_, AppState>, id: String) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.delete_guide_question(&id)?))
}

#[tauri::command]
pub fn move_guide_question(
    state: State<'_, AppState>,
    id: String,
    to: i64,
) -> Result<Guide, AppError> {
    state.with_store(|store| Ok(store.move_guide_question(&id, to)?))
}

#[tauri::command]
pub fn create_interview(
    state: State<'_, AppState>,
    edit: InterviewEdit,
) -> Result<Interview, AppError> {
    state.with_store(|store| Ok(store.create_interview(&edit)?))
}

#[tauri::command]
pub fn update_interview(
    state: State<'_, AppState>,
    id: String,
    edit: InterviewEdit,
) -> Result<Interview, AppError> {
    state.with_store(|store| Ok(store.update_interview(&id, &edit)?))
}

#[tauri::command]
pub fn delete_interview(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.delete_interview(&id)?))
}

#[tauri::command]
pub fn save_answer(state: State<'_, AppState>, id: String, text: String) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.save_answer(&id, &text)?))
}

#[tauri::command]
pub fn save_interview_notes(
    state: State<'_, AppState>,
    id: String,
    notes: String,
) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.save_interview_notes(&id, &notes)?))
}

#[tauri::command]
pub fn add_quote(
    state: State<'_, AppState>,
    interview_id: String,
    text: String,
) -> Result<Quote, AppError> {
    state.with_store(|store| Ok(store.add_quote(&interview_id, &text)?))
}

#[tauri::command]
pub fn update_quote(
    state: State<'_, AppState>,
    id: String,
    text: String,
) -> Result<Quote, AppError> {
    state.with_store(|store| Ok(store.update_quote(&id, &text)?))
}

#[tauri::command]
pub fn delete_quote(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.delete_quote(&id)?))
}

#[tauri::command]
pub fn create_theme(state: State<'_, AppState>, edit: ThemeEdit) -> Result<Theme, AppError> {
    state.with_store(|store| Ok(store.create_theme(&edit)?))
}

#[tauri::command]
pub fn update_theme(
    state: State<'_, AppState>,
    id: String,
    edit: ThemeEdit,
) -> Result<Theme, AppError> {
    state.with_store(|store| Ok(store.update_theme(&id, &edit)?))
}

#[tauri::command]
pub fn delete_theme(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.delete_theme(&id)?))
}

#[tauri::command]
pub fn tag_theme(
    state: State<'_, AppState>,
    target: TagTarget,
    name: String,
) -> Result<Theme, AppError> {
    state.with_store(|store| Ok(store.tag_theme(&target, &name)?))
}

#[tauri::command]
pub fn untag_theme(
    state: State<'_, AppState>,
    target: TagTarget,
    theme_id: String,
) -> Result<(), AppError> {
    state.with_store(|store| Ok(store.untag_theme(&target, &theme_id)?))
}

#[tauri::command]
pub fn search_interviews(
    state: State<'_, AppState>,
    query: String,
) -> Result<SearchResults, AppError> {
    state.with_store(|store| Ok(store.search(&query)?))
}
