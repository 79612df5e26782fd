//! Tauri commands: each a few lines from the UI's call to the store or the documents.

pub mod audit;
pub mod crisis;
pub mod dialogs;
pub mod documents;
pub mod figures;
pub mod goals;
pub mod library;
pub mod portable;
pub mod readiness;
pub mod roadmap;
pub mod spreadsheet;
pub mod stakeholders;
pub mod trash;
pub mod workbook;
pub mod workshop;

use groundwork_core::audit::AuditOverview;
use groundwork_core::crisis::CrisisPlan;
use groundwork_core::goals::GoalsOverview;
use groundwork_core::roadmap::RoadmapOverview;
use groundwork_core::stakeholders::StakeholderStep;
use groundwork_core::workshop::priority::BoardView;
use groundwork_store::Store;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

/// What every `save_x` command answers: the id of the record written (new or not) and the
/// step's view after the write, so the screen shows what is stored without a second call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Saved<V> {
    pub id: Uuid,
    pub view: V,
}

/// The strategist's calendar date: the one "today" the screens' views are worked out for (KPI
/// status, roadmap flags) and future-dated records are refused against. The store never reads
/// the clock for this itself.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A step's whole view as its screens show it: what a read answers and every write answers
/// after it, read the one way.
pub(crate) trait StepView: Sized {
    fn read(store: &Store) -> Result<Self, AppError>;
}

impl StepView for AuditOverview {
    fn read(store: &Store) -> Result<Self, AppError> {
        Ok(store.audit_overview()?)
    }
}

impl StepView for StakeholderStep {
    fn read(store: &Store) -> Result<Self, AppError> {
        Ok(store.stakeholder_step()?)
    }
}

impl StepView for GoalsOverview {
    fn read(store: &Store) -> Result<Self, AppError> {
        Ok(store.goals_overview(today())?)
    }
}

impl StepView for CrisisPlan {
    fn read(store: &Store) -> Result<Self, AppError> {
        Ok(store.crisis_plan()?)
    }
}

impl StepView for RoadmapOverview {
    fn read(store: &Store) -> Result<Self, AppError> {
        Ok(store.roadmap_overview(today())?)
    }
}

impl StepView for BoardView {
    fn read(store: &Store) -> Result<Self, AppError> {
        Ok(store.workshop_board()?)
    }
}

/// Answers a step's view of the open workbook.
pub(crate) fn view<V: StepView>(state: &AppState) -> Result<V, AppError> {
    state.with_store(|store| V::read(store))
}

/// Runs a write that answers nothing, then answers the step's view.
pub(crate) fn write<V: StepView>(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<()>,
) -> Result<V, AppError> {
    state.with_store(|store| {
        f(store)?;
        V::read(store)
    })
}

/// Runs a write that answers the id of the record written, then answers it with the step's
/// view.
pub(crate) fn save<V: StepView>(
    state: &AppState,
    f: impl FnOnce(&mut Store) -> groundwork_store::Result<Uuid>,
) -> Result<Saved<V>, AppError> {
    state.with_store(|store| {
        let id = f(store)?;
        Ok(Saved {
            id,
            view: V::read(store)?,
        })
    })
}
