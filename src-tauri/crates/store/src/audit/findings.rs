//! The `finding` table and its links to the channels and snapshots it rests on.

use chrono::Utc;
use groundwork_core::audit::findings::{self, Finding, FindingEdit, FindingSummary, Importance};
use rusqlite::{params, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{parse_timestamp, timestamp, uuid, word};
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Finding> {
    Ok(Finding {
        id: uuid(row, "id")?,
        title: row.get("title")?,
        importance: word(row, "importance", Importance::from_slug)?,
        evidence: row.get("evidence")?,
        channel_ids: Vec::new(),
        snapshot_ids: Vec::new(),
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

/// What deleting a finding would touch, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FindingUsage {
    /// Titles of the crisis scenarios that rest on the finding.
    pub scenarios: Vec<String>,
    /// The sentence to show before deleting.
    pub notice: String,
}

/// Writes a validated finding and its links (insert or update) in the caller's transaction.
pub(crate) fn write_finding(
    tx: &Transaction<'_>,
    id: Uuid,
    edit: &FindingEdit,
) -> rusqlite::Result<()> {
    let key = id.to_string();
    tx.execute(
        "INSERT INTO finding (id, title, importance, evidence, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (id) DO UPDATE SET title = ?2, importance = ?3, evidence = ?4,
             updated_at = ?5",
        params![
            key,
            edit.title,
            edit.importance.slug(),
            edit.evidence,
            timestamp(Utc::now())
        ],
    )?;
    tx.execute(
        "DELETE FROM finding_channel WHERE finding_id = ?1",
        params![key],
    )?;
    tx.execute(
        "DELETE FROM finding_snapshot WHERE finding_id = ?1",
        params![key],
    )?;
    for (i, c) in edit.channel_ids.iter().enumerate() {
        tx.execute(
            "INSERT INTO finding_channel (finding_id, channel_id, position) VALUES (?1, ?2, ?3)",
            params![key, c.to_string(), i64::try_from(i).unwrap_or(i64::MAX)],
        )?;
    }
    for (i, s) in edit.snapshot_ids.iter().enumerate() {
        tx.execute(
            "INSERT INTO finding_snapshot (finding_id, snapshot_id, position) VALUES (?1, ?2, ?3)",
            params![key, s.to_string(), i64::try_from(i).unwrap_or(i64::MAX)],
        )?;
    }
    touch(tx, Utc::now())
}

impl Store {
    /// The crisis scenarios that rest on the finding, named before it is deleted.
    pub fn finding_usage(&self, id: Uuid) -> Result<FindingUsage> {
        let read = || -> rusqlite::Result<Vec<String>> {
            self.conn
                .prepare(
                    "SELECT s.title FROM scenario_findings l JOIN scenarios s ON s.id = l.scenario_id
                     WHERE l.finding_id = ?1 ORDER BY s.created_at, s.id",
                )?
                .query_map([id.to_string()], |r| r.get(0))?
                .collect()
        };
        let scenarios = read().map_err(|e| self.sql_error(e))?;
        Ok(FindingUsage {
            notice: findings::deletion_notice(&scenarios),
            scenarios,
        })
    }

    /// The findings later steps cite: id, title and importance, most important first. Ids
    /// never change, so a citation stays valid for as long as the finding exists.
    pub fn findings(&self) -> Result<Vec<FindingSummary>> {
        Ok(self
            .audit_findings()?
            .iter()
            .map(FindingSummary::from)
            .collect())
    }

    /// Every finding with its evidence and links, most important first.
    pub fn audit_findings(&self) -> Result<Vec<Finding>> {
        let read = || -> rusqlite::Result<Vec<Finding>> {
            let mut list: Vec<Finding> = self
                .conn
                .prepare("SELECT * FROM finding")?
                .query_map([], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            for (table, column) in [
                ("finding_channel", "channel_id"),
                ("finding_snapshot", "snapshot_id"),
            ] {
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT finding_id, {column} FROM {table} ORDER BY finding_id, position"
                ))?;
                let links =
                    stmt.query_map([], |r| Ok((uuid(r, "finding_id")?, uuid(r, column)?)))?;
                for link in links {
                    let (finding, target) = link?;
                    if let Some(f) = list.iter_mut().find(|f| f.id == finding) {
                        if table == "finding_channel" {
                            f.channel_ids.push(target);
                        } else {
                            f.snapshot_ids.push(target);
                        }
                    }
                }
            }
            Ok(list)
        };
        let mut list = read().map_err(|e| self.sql_error(e))?;
        findings::sort(&mut list);
        Ok(list)
    }

    /// Adds a finding (`id` is `None`) or changes one, with its links.
    pub fn save_finding(&mut self, id: Option<Uuid>, edit: &FindingEdit) -> Result<Finding> {
        if let Some(id) = id {
            self.audit_findings()?
                .iter()
                .find(|f| f.id == id)
                .ok_or(StoreError::Gone("finding"))?;
        }
        let channels: Vec<Uuid> = self.channels()?.iter().map(|c| c.id).collect();
        let snapshots: Vec<Uuid> = self.snapshots()?.iter().map(|s| s.id).collect();
        let edit = edit.validated(&channels, &snapshots)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            write_finding(tx, id, &edit).map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.audit_findings()?
            .into_iter()
            .find(|f| f.id == id)
            .ok_or(StoreError::Gone("finding"))
    }

    /// Deletes a finding; the crisis scenarios that rested on it lose only the link.
    pub fn delete_finding(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Finding", "finding", id, "finding")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::audit::channels::tests::forum;
    use crate::audit::snapshots::tests::{snapshot, today};

    #[test]
    fn a_finding_round_trips_with_its_links_and_keeps_its_id() {
        let mut store = Store::in_memory("Audit").unwrap();
        let c = store.save_channel(None, &forum("Forum")).unwrap();
        let s = store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap();
        let edit = FindingEdit {
            title: "Questions wait a day".into(),
            importance: Importance::Medium,
            evidence: "Median 26 h.\n<script>x</script>".into(),
            channel_ids: vec![c.id],
            snapshot_ids: vec![s.id],
        };
        let saved = store.save_finding(None, &edit).unwrap();
        assert_eq!(saved.channel_ids, vec![c.id]);
        assert_eq!(saved.snapshot_ids, vec![s.id]);
        assert_eq!(saved.evidence, "Median 26 h.\n<script>x</script>");
        let edited = store
            .save_finding(
                Some(saved.id),
                &FindingEdit {
                    importance: Importance::High,
                    snapshot_ids: Vec::new(),
                    ..edit
                },
            )
            .unwrap();
        assert_eq!(edited.id, saved.id, "the id later steps cite is stable");
        assert_eq!(edited.created_at, saved.created_at);
        assert!(edited.snapshot_ids.is_empty());
        assert_eq!(
            store.findings().unwrap(),
            vec![FindingSummary {
                id: saved.id,
                title: "Questions wait a day".into(),
                importance: Importance::High
            }]
        );
    }

    #[test]
    fn findings_come_most_important_first_and_a_deleted_snapshot_drops_its_links() {
        let mut store = Store::in_memory("Audit").unwrap();
        let c = store.save_channel(None, &forum("Forum")).unwrap();
        let s = store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap();
        let edit = |title: &str, importance| FindingEdit {
            title: title.into(),
            importance,
            evidence: String::new(),
            channel_ids: Vec::new(),
            snapshot_ids: vec![s.id],
        };
        store
            .save_finding(None, &edit("low", Importance::Low))
            .unwrap();
        store
            .save_finding(None, &edit("high", Importance::High))
            .unwrap();
        let titles: Vec<String> = store
            .findings()
            .unwrap()
            .into_iter()
            .map(|f| f.title)
            .collect();
        assert_eq!(titles, ["high", "low"]);
        store.delete_snapshot(s.id).unwrap();
        assert!(store
            .audit_findings()
            .unwrap()
            .iter()
            .all(|f| f.snapshot_ids.is_empty()));
        let err = store
            .save_finding(None, &edit("dangling", Importance::Low))
            .unwrap_err();
        assert_eq!(err.field(), Some("snapshotIds"));
    }
}
