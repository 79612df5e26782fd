//! The `crisis_contacts` and `escalations` tables: who is on the crisis team, who stands in
//! for whom, and who is told at each severity level.

use chrono::Utc;
use groundwork_core::crisis::{
    format_minutes, Contact, ContactEdit, Escalation, EscalationEdit, ValidEscalation,
};
use groundwork_core::text::and_list;
use groundwork_core::Invalid;
use rusqlite::{params, Connection, Row, Transaction};
use uuid::Uuid;

use super::levels::level_name;
use crate::sql::{optional_uuid, refused, sql, timestamp, update_one, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn contact_from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        backup_id: optional_uuid(row, "backup_id")?,
    })
}

fn escalation_from_row(row: &Row<'_>) -> rusqlite::Result<Escalation> {
    let minutes: u32 = row.get("within_minutes")?;
    Ok(Escalation {
        id: uuid(row, "id")?,
        severity_id: uuid(row, "severity_id")?,
        contact_id: uuid(row, "contact_id")?,
        within_minutes: minutes,
        within: format_minutes(minutes),
        approves: row.get("approves")?,
    })
}

pub(crate) fn contacts(conn: &Connection) -> rusqlite::Result<Vec<Contact>> {
    conn.prepare("SELECT * FROM crisis_contacts ORDER BY created_at, id")?
        .query_map([], contact_from_row)?
        .collect()
}

/// Escalation lines by level, then quickest first, then in the order they were added.
pub(crate) fn escalations(conn: &Connection) -> rusqlite::Result<Vec<Escalation>> {
    conn.prepare(
        "SELECT e.* FROM escalations e JOIN severity_levels l ON l.id = e.severity_id
         ORDER BY l.position, e.within_minutes, e.position, e.id",
    )?
    .query_map([], escalation_from_row)?
    .collect()
}

fn contact_name(conn: &Connection, id: Uuid) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("SELECT name FROM crisis_contacts WHERE id = ?1")?;
    let mut rows = stmt.query_map([id.to_string()], |r| r.get(0))?;
    rows.next().transpose()
}

/// The backup must be someone else on the team.
fn check_backup(tx: &Transaction<'_>, id: Option<Uuid>, edit: &ContactEdit) -> Result<()> {
    let Some(backup) = edit.backup_id else {
        return Ok(());
    };
    if Some(backup) == id {
        return Err(Invalid::field(
            "backupId",
            "A person cannot be their own backup. Choose someone else on the team.",
        )
        .into());
    }
    if contact_name(tx, backup).ok().flatten().is_none() {
        return Err(Invalid::field(
            "backupId",
            "That backup person was deleted from the team. Choose someone else.",
        )
        .into());
    }
    Ok(())
}

/// The level and person of an escalation line must still exist.
fn check_escalation(tx: &Transaction<'_>, v: &ValidEscalation) -> Result<()> {
    if level_name(tx, v.severity_id).ok().flatten().is_none() {
        return Err(Invalid::field(
            "severityId",
            "That severity level was deleted. Choose another level.",
        )
        .into());
    }
    if contact_name(tx, v.contact_id).ok().flatten().is_none() {
        return Err(Invalid::field(
            "contactId",
            "That person is no longer on the crisis team (they were deleted). Choose someone else.",
        )
        .into());
    }
    Ok(())
}

impl Store {
    /// Adds a person to the crisis team (`id` None) or changes one; answers them as stored.
    pub fn save_contact(&mut self, id: Option<Uuid>, edit: &ContactEdit) -> Result<Contact> {
        let edit = edit.validated()?;
        let path = self.path.clone();
        let id = self.with_tx(|tx| {
            check_backup(tx, id, &edit)?;
            let backup = edit.backup_id.map(|b| b.to_string());
            if let Some(id) = id {
                update_one(
                    tx,
                    &path,
                    "person on the crisis team",
                    "UPDATE crisis_contacts SET name = ?2, role = ?3, phone = ?4, email = ?5,
                         backup_id = ?6
                     WHERE id = ?1",
                    params![
                        id.to_string(),
                        edit.name,
                        edit.role,
                        edit.phone,
                        edit.email,
                        backup
                    ],
                )?;
                return Ok(id);
            }
            let id = Uuid::now_v7();
            tx.execute(
                "INSERT INTO crisis_contacts (id, name, role, phone, email, backup_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id.to_string(),
                    edit.name,
                    edit.role,
                    edit.phone,
                    edit.email,
                    backup,
                    timestamp(Utc::now())
                ],
            )
            .map_err(sql(&path))?;
            Ok(id)
        })?;
        self.crisis_plan()?
            .contact(id)
            .cloned()
            .ok_or(StoreError::Gone("person on the crisis team"))
    }

    /// Deletes a person who is on no escalation line. Anyone they backed up loses their
    /// backup (and the screen shows it missing).
    pub fn delete_contact(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        let key = id.to_string();
        self.with_tx(|tx| {
            let Some(name) = contact_name(tx, id).map_err(sql(&path))? else {
                return Ok(());
            };
            let levels: Vec<String> = tx
                .prepare(
                    "SELECT DISTINCT l.name, l.position FROM escalations e
                     JOIN severity_levels l ON l.id = e.severity_id
                     WHERE e.contact_id = ?1 ORDER BY l.position",
                )
                .and_then(|mut s| {
                    s.query_map([&key], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(sql(&path))?;
            if !levels.is_empty() {
                let quoted: Vec<String> = levels.iter().map(|l| format!("“{l}”")).collect();
                return Err(refused(format!(
                    "{name} is on the escalation matrix at the {} {}. Remove them there or choose someone else first; nothing was deleted.",
                    and_list(&quoted),
                    if levels.len() == 1 { "level" } else { "levels" }
                )));
            }
            delete_record(tx, "Crisis contact", "crisis_contacts", &key).map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Adds a line to the escalation matrix (`id` None) or changes one; answers it as stored.
    pub fn save_escalation(
        &mut self,
        id: Option<Uuid>,
        edit: &EscalationEdit,
    ) -> Result<Escalation> {
        let v = edit.validated()?;
        let path = self.path.clone();
        let id = self.with_tx(|tx| {
            check_escalation(tx, &v)?;
            let (level, contact) = (v.severity_id.to_string(), v.contact_id.to_string());
            if let Some(id) = id {
                update_one(
                    tx,
                    &path,
                    "escalation line",
                    "UPDATE escalations SET severity_id = ?2, contact_id = ?3,
                         within_minutes = ?4, approves = ?5
                     WHERE id = ?1",
                    params![id.to_string(), level, contact, v.within_minutes, v.approves],
                )?;
                return Ok(id);
            }
            let id = Uuid::now_v7();
            tx.execute(
                "INSERT INTO escalations (id, severity_id, contact_id, position, within_minutes,
                                          approves)
                 VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position), 0) + 1 FROM escalations
                                      WHERE severity_id = ?2), ?4, ?5)",
                params![id.to_string(), level, contact, v.within_minutes, v.approves],
            )
            .map_err(sql(&path))?;
            Ok(id)
        })?;
        self.crisis_plan()?
            .escalation(id)
            .cloned()
            .ok_or(StoreError::Gone("escalation line"))
    }

    pub fn delete_escalation(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Escalation", "escalations", id, "escalation line")
    }
}
