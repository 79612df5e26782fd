//! Step 2: the stakeholder register, interview guides, interviews, themes and search. Each
//! command a few lines into the store; a save answers the record's id with the whole step as
//! the screens show it (grid, insights and sweet spots worked out again), every other write
//! answers the step.

use groundwork_core::stakeholders::interviews::{GuideEdit, InterviewEdit, QuestionEdit};
use groundwork_core::stakeholders::themes::{TagTarget, ThemeEdit};
use groundwork_core::stakeholders::{StakeholderEdit, StakeholderStep};
use groundwork_store::SearchResults;
use tauri::State;
use uuid::Uuid;

use crate::commands::{save, view, write, Saved};
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn stakeholder_step(state: State<'_, AppState>) -> Result<StakeholderStep, AppError> {
    view(&state)
}

#[tauri::command]
pub fn save_stakeholder(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: StakeholderEdit,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| s.save_stakeholder(id, &edit).map(|r| r.id))
}

/// Deletes a stakeholder with their interviews (the screen asks first, naming them).
#[tauri::command]
pub fn delete_stakeholder(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.delete_stakeholder(id))
}

#[tauri::command]
pub fn save_guide(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: GuideEdit,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| s.save_guide(id, &edit).map(|r| r.id))
}

/// Copies the starter guide `key` into the workbook; answers the new guide's id.
#[tauri::command]
pub fn copy_starter_guide(
    state: State<'_, AppState>,
    key: String,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| s.copy_starter_guide(&key).map(|r| r.id))
}

#[tauri::command]
pub fn delete_guide(state: State<'_, AppState>, id: Uuid) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.delete_guide(id))
}

/// Adds a question at the end of guide `guide_id` (`id` null) or changes one of its questions.
#[tauri::command]
pub fn save_guide_question(
    state: State<'_, AppState>,
    guide_id: Uuid,
    id: Option<Uuid>,
    edit: QuestionEdit,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| {
        s.save_guide_question(guide_id, id, &edit).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_guide_question(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.delete_guide_question(id))
}

/// Moves a question to position `to` in its guide (0 is first).
#[tauri::command]
pub fn move_guide_question(
    state: State<'_, AppState>,
    id: Uuid,
    to: i64,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.move_guide_question(id, to))
}

/// Starts an interview (`id` null: its guide's questions are copied in) or changes who, when,
/// by whom and how.
#[tauri::command]
pub fn save_interview(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: InterviewEdit,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| s.save_interview(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_interview(state: State<'_, AppState>, id: Uuid) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.delete_interview(id))
}

/// One answer as typed, while an interview is captured.
#[tauri::command]
pub fn save_answer(
    state: State<'_, AppState>,
    id: Uuid,
    text: String,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.save_answer(id, &text))
}

#[tauri::command]
pub fn save_interview_notes(
    state: State<'_, AppState>,
    id: Uuid,
    notes: String,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.save_interview_notes(id, &notes))
}

/// Adds a key quote to interview `interview_id` (`id` null) or corrects one of its quotes.
#[tauri::command]
pub fn save_quote(
    state: State<'_, AppState>,
    interview_id: Uuid,
    id: Option<Uuid>,
    text: String,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| {
        s.save_quote(interview_id, id, &text).map(|r| r.id)
    })
}

#[tauri::command]
pub fn delete_quote(state: State<'_, AppState>, id: Uuid) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.delete_quote(id))
}

#[tauri::command]
pub fn save_theme(
    state: State<'_, AppState>,
    id: Option<Uuid>,
    edit: ThemeEdit,
) -> Result<Saved<StakeholderStep>, AppError> {
    save(&state, |s| s.save_theme(id, &edit).map(|r| r.id))
}

#[tauri::command]
pub fn delete_theme(state: State<'_, AppState>, id: Uuid) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.delete_theme(id))
}

/// Tags an answer, quote or notes with the theme called `name` (made when there is none).
#[tauri::command]
pub fn tag_theme(
    state: State<'_, AppState>,
    target: TagTarget,
    name: String,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.tag_theme(&target, &name).map(drop))
}

#[tauri::command]
pub fn untag_theme(
    state: State<'_, AppState>,
    target: TagTarget,
    theme_id: Uuid,
) -> Result<StakeholderStep, AppError> {
    write(&state, |s| s.untag_theme(&target, theme_id))
}

#[tauri::command]
pub fn search_interviews(
    state: State<'_, AppState>,
    query: String,
) -> Result<SearchResults, AppError> {
    state.with_store(|store| Ok(store.search(&query)?))
}
