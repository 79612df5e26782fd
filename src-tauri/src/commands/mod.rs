//! Tauri commands: each a few lines from the UI's call to the store or the documents.

pub mod audit;
pub mod crisis;
pub mod dialogs;
pub mod documents;
pub mod goals;
pub mod library;
pub mod portable;
pub mod readiness;
pub mod roadmap;
pub mod stakeholders;
pub mod trash;
pub mod workbook;
pub mod workshop;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

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
