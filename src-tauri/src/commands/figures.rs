//! Importing figures from other tools' exports: a file (or a pasted block) is read once and
//! kept while the strategist maps its columns and checks the preview; nothing is written
//! until they import, and an import is undone whole.

use std::path::Path;
use std::sync::Mutex;

use groundwork_core::figures::mapping::{
    suggest_kpi, suggest_snapshots, FigureMapping, FigureTarget,
};
use groundwork_core::figures::plan::FigurePreview;
use groundwork_core::figures::table::{Cell, SourceTable};
use groundwork_store::FigureImport;
use groundwork_tables::{read_path, table_from_text, ReadTable, TableError};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::today;
use crate::error::AppError;
use crate::file_access::Reach;
use crate::state::AppState;

/// How many rows the mapping screen shows as a sample of the file.
const SAMPLE_ROWS: usize = 6;

/// The table being imported, read once.
#[derive(Default)]
pub struct LoadedFigures(Mutex<Option<(String, SourceTable)>>);

impl LoadedFigures {
    fn put(&self, name: String, table: SourceTable) {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some((name, table));
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&str, &SourceTable) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let guard = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (name, table) = guard.as_ref().ok_or_else(|| {
            AppError::io(
                "Choose the file to import again; the one chosen before was closed.".into(),
            )
        })?;
        f(name, table)
    }
}

/// What the figures are for.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportFor {
    Kpi {
        #[serde(rename = "kpiId")]
        #[ts(rename = "kpiId")]
        kpi_id: Uuid,
    },
    /// Channels' snapshots; `channelId` is the channel in view, for a file about one channel.
    Snapshots {
        #[serde(rename = "channelId")]
        #[ts(rename = "channelId")]
        channel_id: Option<Uuid>,
    },
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SampleRow {
    pub line: u32,
    pub cells: Vec<String>,
}

/// A preview, or the sentence saying why the mapping can't be applied.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigureCheck {
    pub preview: Option<FigurePreview>,
    pub problem: Option<String>,
}

/// A file read for import: its columns, a sample, the mapping offered and its preview.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigureSource {
    pub name: String,
    /// How it was read: "UTF-8 text, separated by commas", "XLSX spreadsheet, sheet “Daily”".
    pub format: String,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    pub has_header: bool,
    pub sample: Vec<SampleRow>,
    pub row_count: u32,
    pub mapping: FigureMapping,
    /// Where the mapping came from, in a sentence.
    pub mapping_from: String,
    pub check: FigureCheck,
}

fn check(
    state: &AppState,
    table: &SourceTable,
    mapping: &FigureMapping,
) -> Result<FigureCheck, AppError> {
    state.with_store(|store| match store.plan_figures(table, mapping, today()) {
        Ok(plan) => Ok(FigureCheck {
            preview: Some(plan.preview),
            problem: None,
        }),
        Err(groundwork_store::StoreError::Invalid(invalid)) => Ok(FigureCheck {
            preview: None,
            problem: Some(invalid.message),
        }),
        Err(e) => Err(e.into()),
    })
}

/// The mapping to offer: the one remembered for this source, else a preset's or a guess.
fn offered(
    state: &AppState,
    table: &SourceTable,
    target: &ImportFor,
) -> Result<(FigureMapping, String), AppError> {
    state.with_store(|store| {
        let kpi = matches!(target, ImportFor::Kpi { .. });
        let saved = store.saved_figure_mapping(&table.signature(), kpi)?;
        Ok(match (target, saved) {
            (ImportFor::Kpi { kpi_id }, Some(mut saved)) => {
                // The same export, imported now for the KPI in view.
                if let FigureTarget::Kpi { kpi_id: id, .. } = &mut saved.target {
                    *id = *kpi_id;
                }
                (saved, "The columns are mapped as the last time a file with these columns was imported.".to_owned())
            }
            (ImportFor::Snapshots { .. }, Some(saved)) => (
                saved,
                "The columns are mapped as the last time a file with these columns was imported.".to_owned(),
            ),
            (ImportFor::Kpi { kpi_id }, None) => {
                let name = store.kpi_name(*kpi_id)?;
                (
                    suggest_kpi(table, *kpi_id, &name),
                    "The columns are mapped from their names; check them below.".to_owned(),
                )
            }
            (ImportFor::Snapshots { channel_id }, None) => {
                let channel = channel_id.or_else(|| store.channels().ok()?.first().map(|c| c.id));
                match suggest_snapshots(table, channel) {
                    (mapping, Some(preset)) => (mapping, format!("Recognised as a {preset} export; check the columns below.")),
                    (mapping, None) => (mapping, "The columns are mapped from their names; check them below.".to_owned()),
                }
            }
        })
    })
}

fn source(
    state: &AppState,
    read: ReadTable,
    name: String,
    target: &ImportFor,
) -> Result<FigureSource, AppError> {
    let table = read.table;
    let (mapping, mapping_from) = offered(state, &table, target)?;
    let check = check(state, &table, &mapping)?;
    let out = FigureSource {
        name: name.clone(),
        format: read.format,
        sheets: read.sheets,
        sheet: read.sheet,
        headers: table.headers.clone(),
        has_header: table.has_header,
        sample: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|r| SampleRow {
                line: r.line,
                cells: r.cells.iter().map(Cell::text).collect(),
            })
            .collect(),
        row_count: u32::try_from(table.rows.len()).unwrap_or(u32::MAX),
        mapping,
        mapping_from,
        check,
    };
    state.figures.put(name, table);
    Ok(out)
}

fn unreadable(e: TableError) -> AppError {
    AppError::io(e.to_string())
}

/// Reads a chosen CSV, TSV or spreadsheet file (the `sheet` named, or its first sheet of
/// figures) and offers a mapping with its preview.
// Async: a large file is read off the main thread, so the window keeps answering.
#[tauri::command]
pub async fn open_figures(
    state: State<'_, AppState>,
    path: String,
    sheet: Option<String>,
    target: ImportFor,
) -> Result<FigureSource, AppError> {
    let path = state.files.check(Path::new(&path), Reach::Chosen)?;
    let read = read_path(&path, sheet.as_deref()).map_err(unreadable)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    source(&state, read, name, &target)
}

/// Reads a pasted block (rows copied from a spreadsheet or an export) the same way as a file.
#[tauri::command]
pub async fn paste_figures(
    state: State<'_, AppState>,
    text: String,
    target: ImportFor,
) -> Result<FigureSource, AppError> {
    let table = table_from_text(&text);
    if table.rows.is_empty() {
        return Err(AppError::io(
            "Nothing to read: paste rows with a date and a figure, copied from a spreadsheet or an export.".into(),
        ));
    }
    let read = ReadTable {
        table,
        sheets: Vec::new(),
        sheet: None,
        format: "Pasted rows".into(),
    };
    source(&state, read, "Pasted figures".into(), &target)
}

/// The preview of the file read last, by `mapping`.
#[tauri::command]
pub async fn check_figures(
    state: State<'_, AppState>,
    mapping: FigureMapping,
) -> Result<FigureCheck, AppError> {
    state
        .figures
        .with(|_, table| check(&state, table, &mapping))
}

/// Imports the file read last by `mapping`, in one transaction.
#[tauri::command]
pub async fn import_figures(
    state: State<'_, AppState>,
    mapping: FigureMapping,
) -> Result<FigureImport, AppError> {
    state.figures.with(|name, table| {
        state.with_store(|store| Ok(store.import_figures(table, &mapping, name, today())?))
    })
}

/// Undoes an import; answers what was undone, in a sentence.
#[tauri::command]
pub fn undo_figure_import(state: State<'_, AppState>, id: Uuid) -> Result<String, AppError> {
    state.with_store(|store| Ok(store.undo_figure_import(id)?))
}
