//! The `snapshot` and `snapshot_figure` tables.

use chrono::{NaiveDate, Utc};
use groundwork_core::audit::snapshots::{CustomFigure, Snapshot, SnapshotEdit};
use rusqlite::{params, Row};
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{date, parse_timestamp, timestamp, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Snapshot> {
    Ok(Snapshot {
        id: uuid(row, "id")?,
        channel_id: uuid(row, "channel_id")?,
        taken_on: date(row, "taken_on")?,
        members: row.get("members")?,
        active_members: row.get("active_members")?,
        posts_per_month: row.get("posts_per_month")?,
        median_response_hours: row.get("median_response_hours")?,
        sentiment: row.get("sentiment")?,
        custom: Vec::new(),
        notes: row.get("notes")?,
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
    })
}

impl Store {
    /// Every snapshot, newest first, with its named figures.
    pub fn snapshots(&self) -> Result<Vec<Snapshot>> {
        let read = || -> rusqlite::Result<Vec<Snapshot>> {
            let mut snapshots: Vec<Snapshot> = self
                .conn
                .prepare("SELECT * FROM snapshot ORDER BY taken_on DESC, created_at DESC")?
                .query_map([], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            let mut stmt = self.conn.prepare(
                "SELECT snapshot_id, name, value FROM snapshot_figure ORDER BY snapshot_id, position",
            )?;
            let figures = stmt.query_map([], |r| {
                Ok((
                    uuid(r, "snapshot_id")?,
                    CustomFigure {
                        name: r.get("name")?,
                        value: r.get("value")?,
                    },
                ))
            })?;
            for figure in figures {
                let (id, figure) = figure?;
                if let Some(s) = snapshots.iter_mut().find(|s| s.id == id) {
                    s.custom.push(figure);
                }
            }
            Ok(snapshots)
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// Adds a snapshot (`id` is `None`) or changes one. One snapshot per channel per date,
    /// and none dated after `today` (the strategist's calendar date).
    pub fn save_snapshot(
        &mut self,
        id: Option<Uuid>,
        edit: &SnapshotEdit,
        today: NaiveDate,
    ) -> Result<Snapshot> {
        let values = edit.validated(today)?;
        let channel = self.channel(values.channel_id).map_err(|_| {
            groundwork_core::Invalid::field(
                "channelId",
                "Choose the channel these figures belong to; the one chosen no longer exists.",
            )
        })?;
        let existing = self.snapshots()?;
        if let Some(id) = id {
            existing
                .iter()
                .find(|s| s.id == id)
                .ok_or(StoreError::Gone("snapshot"))?;
        }
        if existing.iter().any(|s| {
            s.channel_id == values.channel_id && s.taken_on == values.taken_on && Some(s.id) != id
        }) {
            return Err(groundwork_core::Invalid::field(
                "takenOn",
                format!(
                    "“{}” already has a snapshot on {}. Change that one, or pick another date.",
                    channel.name,
                    groundwork_core::text::date(values.taken_on)
                ),
            )
            .into());
        }
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            let write = || -> rusqlite::Result<()> {
                tx.execute(
                    "INSERT INTO snapshot (id, channel_id, taken_on, members, active_members,
                         posts_per_month, median_response_hours, sentiment, notes, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                     ON CONFLICT (id) DO UPDATE SET channel_id = ?2, taken_on = ?3, members = ?4,
                         active_members = ?5, posts_per_month = ?6, median_response_hours = ?7,
                         sentiment = ?8, notes = ?9",
                    params![
                        id.to_string(),
                        values.channel_id.to_string(),
                        values.taken_on.to_string(),
                        values.members,
                        values.active_members,
                        values.posts_per_month,
                        values.median_response_hours,
                        values.sentiment,
                        values.notes,
                        timestamp(Utc::now())
                    ],
                )?;
                tx.execute(
                    "DELETE FROM snapshot_figure WHERE snapshot_id = ?1",
                    params![id.to_string()],
                )?;
                for (i, f) in values.custom.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO snapshot_figure (snapshot_id, position, name, value)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![
                            id.to_string(),
                            i64::try_from(i).unwrap_or(i64::MAX),
                            f.name,
                            f.value
                        ],
                    )?;
                }
                touch(tx, Utc::now())
            };
            write().map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.snapshots()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or(StoreError::Gone("snapshot"))
    }

    /// Deletes a snapshot; findings that cited it keep their other evidence.
    pub fn delete_snapshot(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        let deleted = self.with_tx(|tx| {
            delete_record(tx, "Snapshot", "snapshot", &id.to_string())
                .and_then(|n| touch(tx, Utc::now()).map(|()| n))
                .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        if deleted == 0 {
            return Err(StoreError::Gone("snapshot"));
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use groundwork_core::audit::snapshots::CustomFigureEdit;

    use super::*;
    use crate::audit::channels::tests::forum;

    /// The strategist's calendar date in these tests: a fixed day, so a test does not depend on
    /// when it runs.
    pub(crate) fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
    }

    pub(crate) fn snapshot(channel: Uuid, on: &str) -> SnapshotEdit {
        SnapshotEdit {
            channel_id: channel,
            taken_on: on.into(),
            members: "1,250".into(),
            active_members: "300".into(),
            posts_per_month: "42.5".into(),
            median_response_hours: "6".into(),
            sentiment: "4".into(),
            custom: vec![
                CustomFigureEdit {
                    name: "NPS".into(),
                    value: "31".into(),
                },
                CustomFigureEdit {
                    name: "Solved threads".into(),
                    value: "12".into(),
                },
            ],
            notes: "From the admin page.".into(),
        }
    }

    #[test]
    fn a_snapshot_round_trips_with_its_named_figures_in_order() {
        let mut store = Store::in_memory("Audit").unwrap();
        let c = store.save_channel(None, &forum("Forum")).unwrap();
        let saved = store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap();
        assert_eq!(saved.members, Some(1250.0));
        assert_eq!(saved.posts_per_month, Some(42.5));
        let names: Vec<&str> = saved.custom.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["NPS", "Solved threads"]);
        assert_eq!(store.snapshots().unwrap(), vec![saved.clone()]);

        let mut edit = snapshot(c.id, "2026-01-06");
        edit.custom.pop();
        edit.members = String::new();
        let edited = store.save_snapshot(Some(saved.id), &edit, today()).unwrap();
        assert_eq!(edited.id, saved.id);
        assert_eq!(
            edited.members, None,
            "a cleared figure is stored as none, not zero"
        );
        assert_eq!(edited.custom.len(), 1);
    }

    #[test]
    fn bad_figures_and_a_second_snapshot_on_the_same_date_are_refused() {
        let mut store = Store::in_memory("Audit").unwrap();
        let c = store.save_channel(None, &forum("Forum")).unwrap();
        let mut edit = snapshot(c.id, "2026-01-05");
        edit.members = "-4".into();
        assert_eq!(
            store
                .save_snapshot(None, &edit, today())
                .unwrap_err()
                .field(),
            Some("members")
        );
        let mut edit = snapshot(c.id, "2999-01-01");
        edit.notes = "future".into();
        assert_eq!(
            store
                .save_snapshot(None, &edit, today())
                .unwrap_err()
                .field(),
            Some("takenOn")
        );
        assert!(store.snapshots().unwrap().is_empty(), "nothing was written");

        store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap();
        let err = store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap_err();
        assert_eq!(err.field(), Some("takenOn"));
        assert!(
            err.to_string()
                .contains("already has a snapshot on 5\u{a0}Jan\u{a0}2026"),
            "{err}"
        );
    }

    #[test]
    fn deleting_a_snapshot_removes_its_figures() {
        let mut store = Store::in_memory("Audit").unwrap();
        let c = store.save_channel(None, &forum("Forum")).unwrap();
        let s = store
            .save_snapshot(None, &snapshot(c.id, "2026-01-05"), today())
            .unwrap();
        store.delete_snapshot(s.id).unwrap();
        assert!(store.snapshots().unwrap().is_empty());
        let left: i64 = store
            .conn
            .query_row("SELECT count(*) FROM snapshot_figure", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(store.delete_snapshot(s.id).is_err());
    }
}
