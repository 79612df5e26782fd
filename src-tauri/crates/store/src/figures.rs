//! Importing figures: a planned import written in one transaction, recorded with what Undo
//! needs, and the mapping remembered for the next export from the same source.

use chrono::{NaiveDate, Utc};
use groundwork_core::audit::snapshots::{Metric, Snapshot};
use groundwork_core::figures::mapping::{Figure, FigureMapping, FigureTarget};
use groundwork_core::figures::plan::{self, FigurePreview, Holding, ImportPlan, Write};
use groundwork_core::figures::table::SourceTable;
use groundwork_core::goals::measurements::Measurement;
use groundwork_core::Invalid;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::timestamp;
use crate::{Result, Store, StoreError};

/// A finished import: its id (for Undo) and what it did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigureImport {
    pub id: Uuid,
    pub preview: FigurePreview,
}

/// What an import changed, as it was before: enough to put it back.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Undo {
    added_measurements: Vec<Uuid>,
    replaced_measurements: Vec<Measurement>,
    added_snapshots: Vec<Uuid>,
    replaced_snapshots: Vec<Snapshot>,
}

fn target_kind(mapping: &FigureMapping) -> &'static str {
    match mapping.target {
        FigureTarget::Kpi { .. } => "kpi",
        FigureTarget::Snapshots { .. } => "snapshots",
    }
}

fn metric_column(metric: Metric) -> &'static str {
    match metric {
        Metric::Members => "members",
        Metric::ActiveMembers => "active_members",
        Metric::PostsPerMonth => "posts_per_month",
        Metric::MedianResponseHours => "median_response_hours",
        Metric::Sentiment => "sentiment",
    }
}

impl Store {
    /// What importing `table` by `mapping` would do; nothing is written.
    pub fn plan_figures(
        &self,
        table: &SourceTable,
        mapping: &FigureMapping,
        today: NaiveDate,
    ) -> Result<ImportPlan> {
        let problem = |p: plan::MappingProblem| {
            StoreError::from(Invalid {
                field: Some("mapping".into()),
                message: p.0,
            })
        };
        match &mapping.target {
            FigureTarget::Kpi { kpi_id, .. } => {
                let kpi = self.kpi(*kpi_id)?;
                let measurements = self.kpi_measurements(*kpi_id)?;
                let holding = Holding::Kpi {
                    kpi: &kpi,
                    measurements: &measurements,
                };
                plan::plan(table, mapping, &holding, today).map_err(problem)
            }
            FigureTarget::Snapshots { .. } => {
                let channels = self.channels()?;
                if channels.is_empty() {
                    return Err(Invalid {
                        field: None,
                        message: "The audit has no channels yet. Add the channels these figures are about under Channels, then import.".into(),
                    }
                    .into());
                }
                let snapshots = self.snapshots()?;
                let holding = Holding::Channels {
                    channels: &channels,
                    snapshots: &snapshots,
                };
                plan::plan(table, mapping, &holding, today).map_err(problem)
            }
        }
    }

    /// Imports `table` by `mapping` in one transaction, remembers the mapping for the
    /// table's source, and records the import so that [`Store::undo_figure_import`] can put
    /// everything back. `source` names the file, for the record.
    pub fn import_figures(
        &mut self,
        table: &SourceTable,
        mapping: &FigureMapping,
        source: &str,
        today: NaiveDate,
    ) -> Result<FigureImport> {
        let planned = self.plan_figures(table, mapping, today)?;
        let mut preview = planned.preview;
        preview.summary = plan::summary(&preview, true);
        let id = Uuid::now_v7();
        let signature = table.signature();
        let mapping_json = serde_json::to_string(mapping).map_err(|e| StoreError::Io {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        let path = self.path.clone();
        let summary = preview.summary.clone();
        let writes_anything = preview.writes_anything();
        self.with_tx(|tx| {
            let write = || -> rusqlite::Result<()> {
                let now = timestamp(Utc::now());
                if !signature.is_empty() {
                    tx.execute(
                        "INSERT INTO figure_mapping (signature, target, mapping, used_at)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (signature, target) DO UPDATE SET mapping = ?3, used_at = ?4",
                        params![signature, target_kind(mapping), mapping_json, now],
                    )?;
                }
                if !writes_anything {
                    return Ok(());
                }
                let undo = apply(tx, &planned.writes, &now)?;
                let undo = serde_json::to_string(&undo)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                tx.execute(
                    "INSERT INTO figure_import (id, imported_at, source, summary, undo)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id.to_string(), now, source, summary, undo],
                )?;
                touch(tx, Utc::now())
            };
            write().map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        Ok(FigureImport { id, preview })
    }

    /// Puts back what an import changed: the rows it added are removed and the rows it
    /// replaced hold their earlier figures again. Returns a sentence of what was undone.
    pub fn undo_figure_import(&mut self, id: Uuid) -> Result<String> {
        let record: Option<(String, String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT source, undo, undone_at FROM figure_import WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.sql_error(e))?;
        let Some((source, undo, undone_at)) = record else {
            return Err(StoreError::Gone("import"));
        };
        if undone_at.is_some() {
            return Err(Invalid {
                field: None,
                message: format!("The import of “{source}” was already undone."),
            }
            .into());
        }
        let undo: Undo = serde_json::from_str(&undo).map_err(|e| StoreError::Io {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let write = || -> rusqlite::Result<()> {
                put_back(tx, &undo)?;
                tx.execute(
                    "UPDATE figure_import SET undone_at = ?2 WHERE id = ?1",
                    params![id.to_string(), timestamp(Utc::now())],
                )?;
                touch(tx, Utc::now())
            };
            write().map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        let rows = undo.added_measurements.len()
            + undo.replaced_measurements.len()
            + undo.added_snapshots.len()
            + undo.replaced_snapshots.len();
        Ok(format!(
            "The import of “{source}” was undone: {} as {} before.",
            if rows == 1 {
                "1 row is".to_owned()
            } else {
                format!("{rows} rows are")
            },
            if rows == 1 { "it was" } else { "they were" }
        ))
    }

    /// A KPI's name, to find its column in a file.
    pub fn kpi_name(&self, id: Uuid) -> Result<String> {
        Ok(self.kpi(id)?.name)
    }

    /// The mapping last used for a source with these column names, for this kind of import.
    pub fn saved_figure_mapping(
        &self,
        signature: &str,
        kpi: bool,
    ) -> Result<Option<FigureMapping>> {
        if signature.is_empty() {
            return Ok(None);
        }
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT mapping FROM figure_mapping WHERE signature = ?1 AND target = ?2",
                params![signature, if kpi { "kpi" } else { "snapshots" }],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_error(e))?;
        // A mapping saved by a later version that this one can't read is simply not offered.
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }
}

fn apply(tx: &Transaction<'_>, writes: &[Write], now: &str) -> rusqlite::Result<Undo> {
    let mut undo = Undo::default();
    for write in writes {
        match write {
            Write::Measurement {
                value,
                replaces: Some(old),
                ..
            } => {
                tx.execute(
                    "UPDATE measurement SET value = ?2 WHERE id = ?1",
                    params![old.id.to_string(), value],
                )?;
                undo.replaced_measurements.push(old.clone());
            }
            Write::Measurement {
                kpi_id,
                measured_on,
                value,
                replaces: None,
            } => {
                let id = Uuid::now_v7();
                tx.execute(
                    "INSERT INTO measurement (id, kpi_id, measured_on, value, note, created_at)
                     VALUES (?1, ?2, ?3, ?4, '', ?5)",
                    params![
                        id.to_string(),
                        kpi_id.to_string(),
                        measured_on.to_string(),
                        value,
                        now
                    ],
                )?;
                undo.added_measurements.push(id);
            }
            Write::Snapshot {
                channel_id,
                taken_on,
                figures,
                replaces,
            } => {
                let id = match replaces {
                    Some(old) => {
                        undo.replaced_snapshots.push(old.clone());
                        old.id
                    }
                    None => {
                        let id = Uuid::now_v7();
                        tx.execute(
                            "INSERT INTO snapshot (id, channel_id, taken_on, notes, created_at)
                             VALUES (?1, ?2, ?3, '', ?4)",
                            params![
                                id.to_string(),
                                channel_id.to_string(),
                                taken_on.to_string(),
                                now
                            ],
                        )?;
                        undo.added_snapshots.push(id);
                        id
                    }
                };
                set_figures(tx, id, figures)?;
            }
        }
    }
    Ok(undo)
}

/// Sets a snapshot's figures; the ones not given keep their values.
fn set_figures(tx: &Transaction<'_>, id: Uuid, figures: &[(Figure, f64)]) -> rusqlite::Result<()> {
    for (figure, value) in figures {
        match (figure.metric(), figure) {
            (Some(metric), _) => {
                tx.execute(
                    &format!(
                        "UPDATE snapshot SET {} = ?2 WHERE id = ?1",
                        metric_column(metric)
                    ),
                    params![id.to_string(), value],
                )?;
            }
            (None, Figure::Custom { name }) => {
                let updated = tx.execute(
                    "UPDATE snapshot_figure SET value = ?3
                     WHERE snapshot_id = ?1 AND lower(trim(name)) = lower(trim(?2))",
                    params![id.to_string(), name, value],
                )?;
                if updated == 0 {
                    tx.execute(
                        "INSERT INTO snapshot_figure (snapshot_id, position, name, value)
                         VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM snapshot_figure
                                      WHERE snapshot_id = ?1), ?2, ?3)",
                        params![id.to_string(), name.trim(), value],
                    )?;
                }
            }
            (None, _) => {}
        }
    }
    Ok(())
}

fn put_back(tx: &Transaction<'_>, undo: &Undo) -> rusqlite::Result<()> {
    for id in &undo.added_measurements {
        tx.execute("DELETE FROM measurement WHERE id = ?1", [id.to_string()])?;
    }
    for old in &undo.replaced_measurements {
        tx.execute(
            "UPDATE measurement SET value = ?2 WHERE id = ?1",
            params![old.id.to_string(), old.value],
        )?;
    }
    for id in &undo.added_snapshots {
        tx.execute("DELETE FROM snapshot WHERE id = ?1", [id.to_string()])?;
    }
    for old in &undo.replaced_snapshots {
        tx.execute(
            "UPDATE snapshot SET members = ?2, active_members = ?3, posts_per_month = ?4,
                 median_response_hours = ?5, sentiment = ?6
             WHERE id = ?1",
            params![
                old.id.to_string(),
                old.members,
                old.active_members,
                old.posts_per_month,
                old.median_response_hours,
                old.sentiment
            ],
        )?;
        tx.execute(
            "DELETE FROM snapshot_figure WHERE snapshot_id = ?1",
            [old.id.to_string()],
        )?;
        for (i, f) in old.custom.iter().enumerate() {
            tx.execute(
                "INSERT INTO snapshot_figure (snapshot_id, position, name, value)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    old.id.to_string(),
                    i64::try_from(i).unwrap_or(i64::MAX),
                    f.name,
                    f.value
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
