//! The `stakeholders` table: the register of step 2.

mod guides;
pub(crate) mod interviews;
pub(crate) mod search;
pub(crate) mod themes;

use chrono::Utc;
use groundwork_core::stakeholders::{
    Attitude, Department, InterviewStatus, Stakeholder, StakeholderEdit, StakeholderRecords,
    StakeholderStep,
};
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use crate::sql::{parse_timestamp, sql, timestamp, unknown_key, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stakeholder> {
    let department: String = row.get("department")?;
    let attitude: String = row.get("attitude")?;
    let status: String = row.get("interview_status")?;
    Ok(Stakeholder {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        department: Department::from_slug(&department)
            .ok_or_else(|| unknown_key(3, &department))?,
        influence: row.get("influence")?,
        interest: row.get("interest")?,
        attitude: Attitude::from_slug(&attitude).ok_or_else(|| unknown_key(6, &attitude))?,
        wants: row.get("wants")?,
        contact: row.get("contact")?,
        interview_status: InterviewStatus::from_slug(&status)
            .ok_or_else(|| unknown_key(9, &status))?,
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

impl Store {
    /// The register, in the order people were added.
    pub fn stakeholders(&self) -> Result<Vec<Stakeholder>> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM stakeholders ORDER BY created_at, id")
            .map_err(sql(&self.path))?;
        let rows = stmt
            .query_map([], from_row)
            .map_err(sql(&self.path))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(&self.path))?;
        Ok(rows)
    }

    pub fn stakeholder(&self, id: Uuid) -> Result<Stakeholder> {
        self.conn
            .query_row(
                "SELECT * FROM stakeholders WHERE id = ?1",
                [id.to_string()],
                from_row,
            )
            .optional()
            .map_err(sql(&self.path))?
            .ok_or(StoreError::Gone("stakeholder"))
    }

    /// Adds a stakeholder to the register (`id` None) or changes one; answers the record.
    pub fn save_stakeholder(
        &mut self,
        id: Option<Uuid>,
        edit: &StakeholderEdit,
    ) -> Result<Stakeholder> {
        let v = edit.validated()?;
        let key = id.unwrap_or_else(Uuid::now_v7);
        let now = timestamp(Utc::now());
        let path = self.path.clone();
        let key_text = key.to_string();
        let sql_text = if id.is_some() {
            "UPDATE stakeholders SET name = ?2, role = ?3, department = ?4, influence = ?5,
                 interest = ?6, attitude = ?7, wants = ?8, contact = ?9, interview_status = ?10,
                 updated_at = ?11
             WHERE id = ?1"
        } else {
            "INSERT INTO stakeholders (id, name, role, department, influence, interest,
                 attitude, wants, contact, interview_status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)"
        };
        self.with_tx(|tx| {
            let changed = tx
                .execute(
                    sql_text,
                    params![
                        key_text,
                        v.name,
                        v.role,
                        v.department.slug(),
                        v.influence,
                        v.interest,
                        v.attitude.slug(),
                        v.wants,
                        v.contact,
                        v.interview_status.slug(),
                        now
                    ],
                )
                .map_err(sql(&path))?;
            if changed == 0 {
                return Err(StoreError::Gone("stakeholder"));
            }
            Ok(())
        })?;
        self.stakeholder(key)
    }

    /// Deletes a stakeholder and, with them, their interviews.
    pub fn delete_stakeholder(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Stakeholder", "stakeholders", &id.to_string())
                .map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Everything step 2 holds.
    pub fn stakeholder_records(&self) -> Result<StakeholderRecords> {
        Ok(StakeholderRecords {
            stakeholders: self.stakeholders()?,
            guides: self.guides()?,
            interviews: self.interviews()?,
            themes: self.themes()?,
        })
    }

    /// The step's screen: the records and what the core computes from them.
    pub fn stakeholder_step(&self) -> Result<StakeholderStep> {
        Ok(StakeholderStep::of(self.stakeholder_records()?))
    }

    /// How many records the step's badge shows.
    pub(crate) fn stakeholder_record_count(&self) -> Result<u64> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM stakeholders) + (SELECT count(*) FROM interviews)",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(i64::unsigned_abs)
            .map_err(sql(&self.path))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn edit(name: &str) -> StakeholderEdit {
        StakeholderEdit {
            name: name.into(),
            role: "Head of Support".into(),
            department: Department::Support,
            influence: 4,
            interest: 5,
            attitude: Attitude::Champion,
            wants: "Fewer repeat tickets.\nPeers answering peers.".into(),
            contact: "ines@example.com".into(),
            interview_status: InterviewStatus::ToInvite,
        }
    }

    #[test]
    fn a_stakeholder_round_trips_every_field() {
        let mut store = Store::in_memory("Makers").unwrap();
        let e = StakeholderEdit {
            name: "Inès 社区 <b>Ruiz</b>".into(),
            ..edit("x")
        };
        let saved = store.save_stakeholder(None, &e).unwrap();
        assert_eq!(saved.to_edit(), e);
        assert_eq!(store.stakeholders().unwrap(), vec![saved.clone()]);
        let updated = store
            .save_stakeholder(
                Some(saved.id),
                &StakeholderEdit {
                    influence: 1,
                    attitude: Attitude::Sceptic,
                    department: Department::Members,
                    interview_status: InterviewStatus::Declined,
                    ..e
                },
            )
            .unwrap();
        assert_eq!(updated.id, saved.id, "ids are stable across edits");
        assert_eq!(updated.influence, 1);
        assert_eq!(updated.department, Department::Members);
        assert_eq!(updated.interview_status, InterviewStatus::Declined);
    }

    #[test]
    fn a_score_out_of_range_is_refused_and_nothing_changes() {
        let mut store = Store::in_memory("Makers").unwrap();
        let saved = store.save_stakeholder(None, &edit("Ines")).unwrap();
        let err = store
            .save_stakeholder(
                Some(saved.id),
                &StakeholderEdit {
                    interest: 9,
                    ..edit("Renamed")
                },
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("interest"));
        assert_eq!(store.stakeholders().unwrap(), vec![saved], "untouched");
        assert!(store
            .save_stakeholder(
                None,
                &StakeholderEdit {
                    influence: 0,
                    ..edit("Nobody")
                }
            )
            .is_err());
        assert_eq!(store.stakeholders().unwrap().len(), 1);
    }

    #[test]
    fn the_database_refuses_a_bad_score_even_without_the_core() {
        let store = Store::in_memory("Makers").unwrap();
        let err = store.conn.execute(
            "INSERT INTO stakeholders (id, name, department, influence, interest, attitude,
                 interview_status, created_at, updated_at)
             VALUES ('x', 'X', 'sales', 6, 1, 'neutral', 'toInvite', '', '')",
            [],
        );
        assert!(
            err.is_err(),
            "CHECK constraint is the second line of defence"
        );
    }

    #[test]
    fn editing_a_deleted_stakeholder_says_so() {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &edit("Ines")).unwrap();
        store.delete_stakeholder(s.id).unwrap();
        let err = store
            .save_stakeholder(Some(s.id), &edit("Ines"))
            .unwrap_err();
        assert!(
            err.to_string().contains("no longer in this workbook"),
            "{err}"
        );
        assert_eq!(store.stakeholder_record_count().unwrap(), 0);
    }
}
