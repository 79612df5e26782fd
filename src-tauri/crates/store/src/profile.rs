//! The `profile` table: one row per workbook.

use chrono::{DateTime, Utc};
use groundwork_core::profile::{Profile, ProfileEdit};
use rusqlite::{params, Row, Transaction};
use uuid::Uuid;

use crate::sql::{parse_timestamp, timestamp};
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        name: row.get("name")?,
        organisation: row.get("organisation")?,
        community_name: row.get("community_name")?,
        strategist: row.get("strategist")?,
        purpose: row.get("purpose")?,
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    name: &str,
    organisation: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO profile (id, workbook_id, name, organisation, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?4)",
        params![
            Uuid::now_v7().to_string(),
            name,
            organisation,
            timestamp(now)
        ],
    )?;
    Ok(())
}

/// Marks the workbook as edited now: every write to any step calls this in its transaction, so
/// the home screen's order and the documents' default date follow the last change.
pub(crate) fn touch(tx: &Transaction<'_>, now: DateTime<Utc>) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE profile SET updated_at = ?1 WHERE id = 1",
        params![timestamp(now)],
    )?;
    Ok(())
}

impl Store {
    pub fn profile(&self) -> Result<Profile> {
        self.conn
            .query_row("SELECT * FROM profile WHERE id = 1", [], from_row)
            .map_err(|e| StoreError::from_sqlite(e, &self.path))
    }

    /// Saves the Overview screen's fields. Validation happens first, so a refused edit changes
    /// nothing and the caller still holds what was typed.
    pub fn update_profile(&mut self, edit: &ProfileEdit) -> Result<Profile> {
        let edit = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE profile SET name = ?1, organisation = ?2, community_name = ?3,
                        strategist = ?4, purpose = ?5, updated_at = ?6
                 WHERE id = 1",
                params![
                    edit.name,
                    edit.organisation,
                    edit.community_name,
                    edit.strategist,
                    edit.purpose,
                    timestamp(Utc::now())
                ],
            )
            .map_err(|e| StoreError::from_sqlite(e, &path))?;
            Ok(())
        })?;
        self.profile()
    }

    /// Renames the workbook, keeping every other profile field.
    pub fn rename(&mut self, name: &str) -> Result<Profile> {
        let mut edit = ProfileEdit::from(&self.profile()?);
        edit.name = name.to_owned();
        self.update_profile(&edit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_workbook_has_its_name_and_equal_created_and_updated_times() {
        let store = Store::in_memory("Makers").unwrap();
        let p = store.profile().unwrap();
        assert_eq!(p.name, "Makers");
        assert_eq!(p.created_at, p.updated_at, "nothing has been edited yet");
    }

    #[test]
    fn update_round_trips_every_field_verbatim() {
        let mut store = Store::in_memory("Makers").unwrap();
        let edit = ProfileEdit {
            name: "Κοινότητα 社区 🚀".into(),
            organisation: "<img src=x onerror=alert(1)>".into(),
            community_name: "Сообщество".into(),
            strategist: "O'Brien; DROP TABLE profile;--".into(),
            purpose: "x\n".repeat(50_000),
        };
        let saved = store.update_profile(&edit).unwrap();
        assert_eq!(ProfileEdit::from(&saved), edit);
        assert_eq!(
            ProfileEdit::from(&store.profile().unwrap()),
            edit,
            "read back from SQLite"
        );
        assert!(saved.updated_at >= saved.created_at);
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut store = Store::in_memory("Makers").unwrap();
        let before = store.profile().unwrap();
        let edit = ProfileEdit {
            name: "  ".into(),
            purpose: "kept?".into(),
            ..Default::default()
        };
        let err = store.update_profile(&edit).unwrap_err();
        assert_eq!(err.field(), Some("name"));
        assert_eq!(
            store.profile().unwrap(),
            before,
            "the stored profile is untouched"
        );
    }
}
