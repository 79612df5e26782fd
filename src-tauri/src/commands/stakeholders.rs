//! Step 2: the stakeholder register, interview guides, interviews, themes and search. Each
//! command a few lines into the store; every write answers with the whole step as the screens
//! show it (grid, insights and sweet spots worked out again).

use groundwork_core::stakeholders::interviews::{GuideEdit, InterviewEdit, QuestionEdit};
use groundwork_core::stakeholders::themes::{TagTarget, ThemeEdit};
use groundwork_core::stakeholders::{StakeholderEdit, StakeholderStep};
use groundwork_store::{SearchResults, Store};
use tauri::State;
use uuid::Uuid;

use crate::commands::Saved;
use crate::error::AppError;
use crate::state::AppState;

fn step(store: &Store) -> Result<StakeholderStep, AppError> {
    Ok(store.stakeholder_step()?)
}

/// Runs a write that answers nothing, then answers the step.
fn write(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<()>,
) -> Result<StakeholderStep, AppError> {
    state.with_store(|store| {
        f(store)?;
        step(store)
    })
}

/// Runs a write that answers the id of the record written, then answers it with the step.
fn save(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<Uuid>,
) -> Result<Saved<StakeholderStep>, AppError> {
    state.with_store(|store| {
        let id = f(store)?;
        Ok(Saved {
            id,
            view: step(store)?,
        })
    })
}

#[tauri::command]
pub fn stakeholder_step(state: State<'_, AppState>) -> Result<StakeholderStep, AppError> {
    state.with_store(|store| step(store))
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
