//! The `severity_levels` table: the crisis plan's severity levels, which scenarios and the
//! escalation matrix refer to. Every write returns the whole plan.

use groundwork_core::crisis::{format_minutes, CrisisPlan, SeverityEdit, SeverityLevel};
use groundwork_core::text::and_list;
use rusqlite::{params, Connection, Row};

use crate::sql::{new_id, refused, sql};
use crate::trash::delete_record;
use crate::{Result, Store};

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

impl Store {
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
}
