//! Step 4, the crisis plan: severity levels and response guidelines here, scenarios in
//! `crisis_scenarios`, the crisis team and escalation matrix in `crisis_team`. Every write
//! returns the whole plan, which is small, so the screen always shows what is stored.

use std::path::Path;

use groundwork_core::crisis::starters::STARTER_LEVELS;
use groundwork_core::crisis::{
    format_minutes, CrisisPlan, Guidelines, SeverityEdit, SeverityLevel, STARTER_REVIEW,
};
use groundwork_core::Invalid;
use rusqlite::{params, Connection, Row, Transaction};
use uuid::Uuid;

use crate::trash::delete_record;
use crate::{crisis_scenarios, crisis_team, Result, Store, StoreError};

/// Maps SQLite errors to sentences about this workbook.
pub(crate) fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError::from_sqlite(e, path)
}

/// A refusal that belongs to no single input.
pub(crate) fn refused(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(Invalid {
        field: None,
        message: message.into(),
    })
}

pub(crate) fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// Seeds the starter severity levels and the review template when the crisis tables are
/// created (in a new workbook, or an older one being migrated).
pub(crate) fn seed(tx: &Transaction<'_>) -> rusqlite_migration::HookResult {
    for (i, (name, definition, minutes)) in STARTER_LEVELS.iter().enumerate() {
        tx.execute(
            "INSERT INTO severity_levels (id, position, name, definition, response_minutes)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_id(), i as i64 + 1, name, definition, minutes],
        )?;
    }
    tx.execute(
        "INSERT INTO crisis_guidelines (id, review) VALUES (1, ?1)",
        [STARTER_REVIEW],
    )?;
    Ok(())
}

fn level_from_row(row: &Row<'_>) -> rusqlite::Result<SeverityLevel> {
    let minutes: u32 = row.get("response_minutes")?;
    Ok(SeverityLevel {
        id: row.get("id")?,
        name: row.get("name")?,
        definition: row.get("definition")?,
        response_minutes: minutes,
        response_time: format_minutes(minutes),
    })
}

fn guidelines_from_row(row: &Row<'_>) -> rusqlite::Result<Guidelines> {
    Ok(Guidelines {
        tone: row.get("tone")?,
        dos: row.get("dos")?,
        donts: row.get("donts")?,
        engage: row.get("engage")?,
        disengage: row.get("disengage")?,
        review: row.get("review")?,
    })
}

pub(crate) fn levels(conn: &Connection) -> rusqlite::Result<Vec<SeverityLevel>> {
    let mut stmt = conn.prepare("SELECT * FROM severity_levels ORDER BY position, id")?;
    let rows = stmt.query_map([], level_from_row)?;
    rows.collect()
}

pub(crate) fn level_name(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("SELECT name FROM severity_levels WHERE id = ?1")?;
    let mut rows = stmt.query_map([id], |r| r.get(0))?;
    rows.next().transpose()
}

fn guidelines(conn: &Connection) -> rusqlite::Result<Guidelines> {
    let mut stmt = conn.prepare("SELECT * FROM crisis_guidelines WHERE id = 1")?;
    let mut rows = stmt.query_map([], guidelines_from_row)?;
    Ok(rows.next().transpose()?.unwrap_or_default())
}

/// "a, b and c" for sentences.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Store {
    /// The whole crisis plan, highest-risk scenarios first.
    /// Deletes one record into the Trash (cascades follow) and returns the plan as it is now.
    pub(crate) fn delete_crisis_row(
        &mut self,
        kind: &str,
        table: &str,
        id: &str,
    ) -> Result<CrisisPlan> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            crate::trash::delete_record(tx, kind, table, id).map_err(sql(&path))?;
            Ok(())
        })?;
        self.crisis_plan()
    }

    pub fn crisis_plan(&self) -> Result<CrisisPlan> {
        let load = || -> rusqlite::Result<CrisisPlan> {
            Ok(CrisisPlan::assemble(
                levels(&self.conn)?,
                crisis_scenarios::all(&self.conn)?,
                crisis_team::contacts(&self.conn)?,
                crisis_team::escalations(&self.conn)?,
                guidelines(&self.conn)?,
            ))
        };
        load().map_err(sql(&self.path))
    }

    /// Adds a severity level at the end of the list.
    pub fn create_severity(&mut self, edit: &SeverityEdit) -> Result<CrisisPlan> {
        let v = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO severity_levels (id, position, name, definition, response_minutes)
                 VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM severity_levels),
                         ?2, ?3, ?4)",
                params![new_id(), v.name, v.definition, v.response_minutes],
            )
            .map_err(sql(&path))?;
            Ok(())
        })?;
        self.crisis_plan()
    }

    pub fn update_severity(&mut self, id: &str, edit: &SeverityEdit) -> Result<CrisisPlan> {
        let v = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE severity_levels SET name = ?2, definition = ?3, response_minutes = ?4
                     WHERE id = ?1",
                    params![id, v.name, v.definition, v.response_minutes],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(refused(
                    "This severity level was deleted, so the change was not saved.",
                ));
            }
            Ok(())
        })?;
        self.crisis_plan()
    }

    /// Deletes a level nobody uses. A level that scenarios or escalation lines use is kept,
    /// with a sentence that names them.
    pub fn delete_severity(&mut self, id: &str) -> Result<CrisisPlan> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let Some(name) = level_name(tx, id).map_err(sql(&path))? else {
                return Ok(());
            };
            let titles: Vec<String> = {
                let mut stmt = tx
                    .prepare("SELECT title FROM scenarios WHERE severity_id = ?1 ORDER BY title")
                    .map_err(sql(&path))?;
                let rows = stmt.query_map([id], |r| r.get(0)).map_err(sql(&path))?;
                rows.collect::<rusqlite::Result<_>>().map_err(sql(&path))?
            };
            let lines: i64 = tx
                .query_row(
                    "SELECT count(*) FROM escalations WHERE severity_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .map_err(sql(&path))?;
            let mut uses = Vec::new();
            if !titles.is_empty() {
                let quoted: Vec<String> = titles.iter().map(|t| format!("“{t}”")).collect();
                uses.push(format!(
                    "{} {}",
                    if titles.len() == 1 { "the scenario" } else { "the scenarios" },
                    and_list(&quoted)
                ));
            }
            if lines > 0 {
                uses.push(format!(
                    "{lines} {} of the escalation matrix",
                    if lines == 1 { "line" } else { "lines" }
                ));
            }
            if !uses.is_empty() {
                return Err(refused(format!(
                    "“{name}” is still used by {}. Give them another level first; nothing was deleted.",
                    and_list(&uses)
                )));
            }
            delete_record(tx, "Severity level", "severity_levels", id)
                .map_err(sql(&path))?;
            Ok(())
        })?;
        self.crisis_plan()
    }

    pub fn update_guidelines(&mut self, edit: &Guidelines) -> Result<CrisisPlan> {
        let g = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO crisis_guidelines (id, tone, dos, donts, engage, disengage, review)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET tone = ?1, dos = ?2, donts = ?3, engage = ?4,
                     disengage = ?5, review = ?6",
                params![g.tone, g.dos, g.donts, g.engage, g.disengage, g.review],
            )
            .map_err(sql(&path))?;
            Ok(())
        })?;
        self.crisis_plan()
    }

    /// Records the crisis step holds, for the step counts.
    pub(crate) fn crisis_records(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM scenarios) + (SELECT count(*) FROM crisis_contacts)
                      + (SELECT count(*) FROM escalations)",
                [],
                |r| r.get(0),
            )
            .map_err(sql(&self.path))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests;
